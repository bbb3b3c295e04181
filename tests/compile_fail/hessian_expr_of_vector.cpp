// expect: gradus::hessian_expr\(f\): f must be a scalar gradus expression
// The symbolic Hessian of a vector function is not defined: take it element by element.
#include <gradus/gradus.hpp>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto H = gradus::hessian_expr(gradus::vector(x * y, x + y));
  (void)H;
}
