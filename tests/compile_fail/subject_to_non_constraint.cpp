// expect: gradus::subject_to: every argument must be a constraint written with ==, <= or >=
// A constraint written without its comparison.
#include <gradus/gradus.hpp>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto prob = gradus::problem(x * x + y * y, gradus::subject_to(x + y == 1, x * y));
  (void)prob;
}
