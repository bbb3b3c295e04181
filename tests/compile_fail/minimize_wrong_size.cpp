// expect: x0 and the objective's gradient have different fixed sizes
#include <gradus/gradus.hpp>
struct plane {
  double value(const Eigen::Vector2d& x) const { return x.sum(); }
  Eigen::Vector2d gradient(const Eigen::Vector2d&) const { return Eigen::Vector2d::Ones(); }
};
int main() {
  auto r = gradus::minimize(plane{}, Eigen::Vector3d::Zero(), gradus::adam{});
  return r.converged() ? 0 : 1;
}
