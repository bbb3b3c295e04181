// The Jacobian of a vector function F: R² -> R³,
//   F(x1, x2) = (x1² + 5 x2,  3 x1 sin x2,  x1 x2²),
// whose row i is the gradient of F's i-th component.
#include <cmath>
#include <cstdio>

#include <gradus/gradus.hpp>

#include "tour.hpp"

int main() {
  auto [x1, x2] = gradus::variables<2>();
  auto F = gradus::vector(x1 * x1 + 5 * x2, 3 * x1 * gradus::sin(x2), x1 * x2 * x2);

  tour::section("Jacobian: F(x1, x2) = (x1^2 + 5 x2, 3 x1 sin x2, x1 x2^2)");
  std::printf("F             = %s\n", gradus::to_string(F).c_str());
  std::printf("dF/dx1        = %s\n", gradus::to_string(gradus::derivative(F, x1)).c_str());
  std::printf("dF/dx2        = %s\n", gradus::to_string(gradus::derivative(F, x2)).c_str());

  tour::section("At the point (1, 2)");
  const Eigen::Vector3d v = gradus::value(F, Eigen::Vector2d(1, 2));
  const Eigen::Matrix<double, 3, 2> J = gradus::jacobian(F, 1.0, 2.0);
  std::printf("F(1, 2) = (%g, %g, %g)\n", v[0], v[1], v[2]);
  std::printf("J(1, 2) =                          by hand:\n");
  const double by_hand[3][2] = {{2 * 1.0, 5}, {3 * std::sin(2.0), 3 * 1.0 * std::cos(2.0)}, {2.0 * 2.0, 2 * 1.0 * 2.0}};
  for (int i = 0; i < 3; ++i)
    std::printf("  [%9.5f %9.5f]                [%9.5f %9.5f]\n", J(i, 0), J(i, 1), by_hand[i][0], by_hand[i][1]);
  return 0;
}
