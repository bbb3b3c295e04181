// expect: gradus: the vector has the wrong number of entries \(x0 needs one per variable
// A starting point with three coordinates for a problem in two variables.
#include <gradus/gradus.hpp>

int main() {
  auto [x, y] = gradus::variables<2>();
  auto prob = gradus::problem(x * x + y * y, gradus::subject_to(x + y == 1));
  auto k = gradus::solve_kkt(prob, Eigen::Vector3d(0, 0, 0));
  (void)k;
}
