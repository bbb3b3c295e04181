// expect: gradus::dot: the two vectors have different sizes
#include <gradus/gradus.hpp>
int main() {
  auto X = gradus::variables<3>();
  auto Y = gradus::variables<2>();
  return static_cast<int>(gradus::value(gradus::dot(X, Y), 1.0, 2.0, 3.0));
}
