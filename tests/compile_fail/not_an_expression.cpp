// expect: the first argument must be a gradus expression
#include <gradus/gradus.hpp>
int main() {
  struct not_an_expression {} f;
  return static_cast<int>(gradus::gradient(f, Eigen::Vector2d(1, 2))[0]);
}
