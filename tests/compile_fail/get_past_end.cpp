// expect: gradus::get<I>\(V\): the index I is past the end of the symbolic vector
// Symbolic vectors have a compile-time size; an index past it is a compile error.
#include <gradus/gradus.hpp>

int main() {
  auto X = gradus::variables<2>();
  auto z = gradus::get<2>(X);
  return static_cast<int>(gradus::value(z, 1.0, 2.0, 3.0));
}
