// expect: the third argument must be a method such as gradus::gradient_descent
// A step rule is not a method: it goes inside gradient_descent{.step = ...}.
#include <gradus/gradus.hpp>

int main() {
  auto [x] = gradus::variables<1>();
  auto r = gradus::minimize(x * x, Eigen::Matrix<double, 1, 1>(1.0), gradus::fixed_step{0.1});
  return r.converged() ? 0 : 1;
}
