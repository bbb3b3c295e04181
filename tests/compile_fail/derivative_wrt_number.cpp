// expect: gradus::derivative\(f, x\): x must be a variable such as gradus::var<0>
// Differentiating with respect to a number.
#include <gradus/gradus.hpp>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto d = gradus::derivative(x * y, 2.0);
  (void)d;
}
