// expect: this question needs the Hessian
#include <gradus/gradus.hpp>
struct gradient_only {
  double value(const Eigen::Vector2d& x) const { return x.squaredNorm(); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return 2 * x; }
};
int main() {
  const auto c = gradus::classify(gradient_only{}, Eigen::Vector2d(0, 0));
  return c.kind == gradus::point_kind::minimum ? 0 : 1;
}
