// expect: f is not an objective: give it members value\(x\) -> double and gradient\(x\)
#include <gradus/gradus.hpp>
struct no_gradient {
  double value(const Eigen::Vector2d& x) const { return x.sum(); }
};
int main() {
  auto r = gradus::minimize(no_gradient{}, Eigen::Vector2d::Zero(), gradus::gradient_descent{});
  return r.converged() ? 0 : 1;
}
