// Built against the *installed* gradus package by the install test.
#include <gradus/gradus.hpp>

#include <cstdio>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto f = x * x + 2 * x * y + gradus::pow<3>(y);
  auto g = gradus::gradient(f, 3.0, 2.0);
  std::printf("grad f(3, 2) = (%g, %g)\n", g[0], g[1]);
  return (g[0] == 10.0 && g[1] == 18.0) ? 0 : 1;
}
