// The gradient of f(x, y) = x² + 2xy + y³ at (3, 2): the partial derivatives as expressions,
// then their values, by reverse mode (the default) and by forward mode.
#include <cstdio>

#include <gradus/gradus.hpp>

#include "tour.hpp"

int main() {
  auto [x, y] = gradus::variables<2>();  // x prints as x0, y as x1
  auto f = x * x + 2 * x * y + gradus::pow<3>(y);

  tour::section("Gradient: f(x, y) = x^2 + 2xy + y^3");
  // derivative() builds a new expression at compile time; to_string() prints it.
  auto dfdx = gradus::derivative(f, x);
  auto dfdy = gradus::derivative(f, y);
  std::printf("df/dx = %s\n", gradus::to_string(dfdx).c_str());
  std::printf("df/dy = %s\n", gradus::to_string(dfdy).c_str());
  std::printf("Hessian = %s\n", gradus::to_string(gradus::hessian_expr(f)).c_str());

  tour::section("At the point (3, 2)");
  std::printf("f(3, 2)     = %g\n", gradus::value(f, 3.0, 2.0));
  std::printf("df/dx(3, 2) = %g      (2*3 + 2*2)\n", gradus::value(dfdx, 3.0, 2.0));
  std::printf("df/dy(3, 2) = %g      (2*3 + 3*2^2)\n", gradus::value(dfdy, 3.0, 2.0));

  const Eigen::Vector2d p(3, 2);
  const Eigen::Vector2d g = gradus::gradient(f, p);                          // reverse mode
  const Eigen::Vector2d gf = gradus::gradient(f, p, gradus::forward_mode);  // forward mode
  const Eigen::Matrix2d H = gradus::hessian(f, p);
  std::printf("gradient, reverse mode = (%g, %g)\n", g[0], g[1]);
  std::printf("gradient, forward mode = (%g, %g)\n", gf[0], gf[1]);
  std::printf("Hessian                = [[%g, %g], [%g, %g]]\n", H(0, 0), H(0, 1), H(1, 0), H(1, 1));

  tour::section("Directional derivative and Hessian-vector product along u = (1, -1)");
  const Eigen::Vector2d u(1, -1);
  const Eigen::Vector2d Hu = gradus::hessian_vector_product(f, p, u);
  std::printf("u . grad f(3, 2) = %g\n", gradus::directional_derivative(f, p, u));
  std::printf("H(3, 2) u        = (%g, %g)\n", Hu[0], Hu[1]);
  return 0;
}
