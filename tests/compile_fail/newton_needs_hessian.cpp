// expect: gradus::newton needs the exact Hessian
#include <gradus/gradus.hpp>
struct gradient_only {
  double value(const Eigen::Vector2d& x) const { return x.squaredNorm(); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return 2 * x; }
};
int main() {
  auto r = gradus::minimize(gradient_only{}, Eigen::Vector2d(1, 1), gradus::newton{});
  return r.converged() ? 0 : 1;
}
