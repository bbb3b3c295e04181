// expect: a point is N separate numbers, one std::array<T, N>, or one Eigen column vector
#include <string>
#include <gradus/gradus.hpp>
int main() {
  auto [x, y] = gradus::variables<2>();
  return static_cast<int>(gradus::value(x * y, std::string("1"), 2.0));
}
