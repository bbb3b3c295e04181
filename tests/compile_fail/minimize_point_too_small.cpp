// expect: x0 has fewer coordinates than the expression has variables
#include <gradus/gradus.hpp>
int main() {
  auto [x, y, z] = gradus::variables<3>();
  auto r = gradus::minimize(x * y * z, Eigen::Vector2d(1, 1), gradus::adam{});
  return r.converged() ? 0 : 1;
}
