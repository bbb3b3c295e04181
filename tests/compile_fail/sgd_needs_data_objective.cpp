// expect: gradus::sgd needs a data objective
#include <gradus/gradus.hpp>
int main() {
  auto [x, y] = gradus::variables<2>();
  auto r = gradus::minimize(x * x + y * y, Eigen::Vector2d(1, 1), gradus::sgd{});
  return r.converged() ? 0 : 1;
}
