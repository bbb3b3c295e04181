#include <gradus/gradus.hpp>

#include <cstdio>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto f = x * x + 2 * x * y + gradus::pow<3>(y);
  auto H = gradus::hessian(f, 3.0, 2.0);
  std::printf("gradus test_package: H = [[%g, %g], [%g, %g]]\n", H(0, 0), H(0, 1), H(1, 0), H(1, 1));
  return H(1, 1) == 12.0 ? 0 : 1;
}
