// expect: the point has fewer coordinates than the expression has variables
#include <gradus/gradus.hpp>
int main() {
  auto [x, y, z] = gradus::variables<3>();
  return static_cast<int>(gradus::gradient(x * y * z, Eigen::Vector2d(1, 2))[0]);
}
