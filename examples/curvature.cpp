// Curvature decides how far a gradient step may go. Along −g, g = ∇f(x), the second-order
// Taylor expansion predicts
//   f(x − εg) ≈ f(x) − ε gᵀg + ½ ε² gᵀHg,
// the first term the decrease a straight line promises, the second the curvature's toll. When
// gᵀHg > 0 the prediction is smallest at ε* = gᵀg / gᵀHg; a step much longer than ε* goes
// uphill again although the first-order prediction keeps falling.
#include <cstdio>

#include <gradus/gradus.hpp>

#include "tour.hpp"

int main(int argc, char** argv) {
  auto [x, y] = gradus::variables<2>();
  auto f = x * x + 5 * y * y + 0.5 * gradus::pow<4>(x);
  const Eigen::Vector2d p(1, 1);
  const Eigen::Vector2d g = gradus::gradient(f, p);
  const Eigen::Matrix2d H = gradus::hessian(f, p);

  tour::section("Curvature: f(x, y) = x^2 + 5 y^2 + x^4 / 2 at (1, 1)");
  std::printf("f = %g,  g = (%g, %g),  g'g = %g,  g'Hg = %g\n", gradus::value(f, p), g[0], g[1], g.dot(g),
              g.dot(H * g));
  const double eps_star = gradus::optimal_step(f, p);
  std::printf("optimal step eps* = g'g / g'Hg = %.6f\n", eps_star);

  tour::section("True value of a gradient step against its Taylor predictions");
  std::printf("%10s %14s %14s %14s\n", "eps", "f(x - eps g)", "1st order", "2nd order");
  tour::csv out(argc, argv, "curvature", "eps,actual,first_order,second_order");
  for (int i = 0; i <= 40; ++i) {
    const double eps = 2.5 * eps_star * i / 40;
    const auto t = gradus::taylor_step(f, p, eps);
    out.row("%.17g,%.17g,%.17g,%.17g", eps, t.actual, t.first_order, t.second_order);
    if (i % 8 == 0 || i == 16)
      std::printf("%10.5f %14.6f %14.6f %14.6f%s\n", eps, t.actual, t.first_order, t.second_order,
                  i == 16 ? "   <- eps*" : "");
  }
  std::printf("The first-order prediction falls without end; the second-order one is a parabola\n"
              "whose minimum is at eps*; the true value departs from it as x^4 starts to matter.\n");
  return 0;
}
