// expect: gradus::derivative\(f, x\): f must be a gradus expression
// Differentiating something that is not an expression (a plain number).
#include <gradus/gradus.hpp>

int main() {
  auto [x] = gradus::variables<1>();
  auto d = gradus::derivative(3.0, x);
  (void)d;
}
