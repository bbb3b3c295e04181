// expect: keeps no copy of the data
// A dataset reads its columns in place: a temporary std::vector would dangle.
#include <vector>

#include <gradus/gradus.hpp>

int main() {
  std::vector<double> y{0, 1};
  const auto data = gradus::dataset(std::vector<double>{1.0, 2.0}, y);
  return int(data.size());
}
