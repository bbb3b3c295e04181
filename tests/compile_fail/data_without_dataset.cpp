// expect: this expression reads data columns
#include <gradus/gradus.hpp>
int main() {
  auto [a] = gradus::variables<1>();
  gradus::col<0> xi;
  return static_cast<int>(gradus::value(a * xi, 1.0));
}
