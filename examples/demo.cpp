// The gradus tour: what `make demo` runs. Each section teaches one idea and prints it.
#include <cmath>
#include <cstdio>

#include <gradus/gradus.hpp>

namespace {
void section(const char* title) { std::printf("\n== %s ==\n", title); }
}  // namespace

int main() {
  using namespace gradus;

  section("1. Exact gradient and Hessian at compile time");
  auto [x, y] = variables<2>();
  auto f = x * x + 2 * x * y + pow<3>(y);
  const auto g = gradient(f, 3.0, 2.0);
  const auto H = hessian(f, 3.0, 2.0);
  std::printf("f(x, y) = x^2 + 2xy + y^3\n");
  std::printf("f(3, 2)      = %g\n", value(f, 3.0, 2.0));
  std::printf("grad f(3, 2) = (%g, %g)            (reverse mode)\n", g[0], g[1]);
  const auto gf = gradient(f, Eigen::Vector2d(3, 2), forward_mode);
  std::printf("grad f(3, 2) = (%g, %g)            (forward mode)\n", gf[0], gf[1]);
  std::printf("Hess f(3, 2) = [[%g, %g], [%g, %g]]\n", H(0, 0), H(0, 1), H(1, 0), H(1, 1));

  section("2. Jacobian of a vector function R^2 -> R^3");
  auto F = vector(x * x + 5 * y, 3 * x * sin(y), x * y * y);
  const auto J = jacobian(F, 1.0, 2.0);
  std::printf("F(x1, x2) = (x1^2 + 5 x2, 3 x1 sin x2, x1 x2^2) at (1, 2):\n");
  for (int i = 0; i < 3; ++i) std::printf("  [%9.5f %9.5f]\n", J(i, 0), J(i, 1));

  section("3. Overflow-safe logsumexp");
  auto [a, b, c] = variables<3>();
  const double naive = std::log(std::exp(1000.0) + std::exp(990.0) + std::exp(980.0));
  std::printf("naive log(e^1000 + e^990 + e^980) = %g\n", naive);
  std::printf("gradus::logsumexp(1000, 990, 980)  = %.10f\n", value(logsumexp(a, b, c), 1000.0, 990.0, 980.0));
  const auto p = gradient(logsumexp(a, b, c), 1000.0, 990.0, 980.0);
  std::printf("its gradient, the softmax           = (%.6f, %.6e, %.6e)\n", p[0], p[1], p[2]);

  section("4. Hessian-vector product and directional derivative");
  const Eigen::Vector2d at(3, 2), w(1, -1);
  const auto hv = hessian_vector_product(f, at, w);
  std::printf("H(3, 2) * (1, -1) = (%g, %g);  (1, -1) . grad f = %g\n", hv[0], hv[1],
              directional_derivative(f, at, w));
  return 0;
}
