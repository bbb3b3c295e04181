// expect: this expression reads data columns \(col<J>\): it is a per-example loss
// A loss with data placeholders is minimized through mean_over / sum_over, not directly.
#include <gradus/gradus.hpp>

int main() {
  auto [a] = gradus::variables<1>();
  auto [xi] = gradus::columns<1>();
  auto r = gradus::minimize(gradus::square(a - xi), Eigen::Matrix<double, 1, 1>(0.0), gradus::gradient_descent{});
  return r.converged() ? 0 : 1;
}
