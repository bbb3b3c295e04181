#include <gradus/gradus.hpp>

#include <cstdio>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto f = x * x + 2 * x * y + gradus::pow<3>(y);  // an expression; nothing is computed yet

  auto g = gradus::gradient(f, 3.0, 2.0);  // exact, reverse mode: (10, 18)
  auto H = gradus::hessian(f, 3.0, 2.0);   // exact, symmetric: [[2, 2], [2, 12]]
  std::printf("grad = (%g, %g)\n", g[0], g[1]);
  std::printf("Hess = [[%g, %g], [%g, %g]]\n", H(0, 0), H(0, 1), H(1, 0), H(1, 1));
}
