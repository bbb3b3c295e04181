// expect: gradus::derivative\(f, x\): x must be a variable such as gradus::var<0>
// Differentiating with respect to an expression (x*y) instead of a variable.
#include <gradus/gradus.hpp>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto f = x * x + 2 * x * y;
  auto d = gradus::derivative(f, x * y);
  (void)d;
}
