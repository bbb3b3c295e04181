// expect: gradus::solve_kkt\(prob, x0\): prob must be gradus::problem\(f, gradus::subject_to\(...\)\)
// Passing the objective alone instead of a problem.
#include <gradus/gradus.hpp>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto k = gradus::solve_kkt(x * x + y * y, Eigen::Vector2d(0, 0));
  (void)k;
}
