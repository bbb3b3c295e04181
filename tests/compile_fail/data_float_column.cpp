// expect: each column must be a contiguous range of double
// Columns are double: float data is converted by the caller, not silently by gradus.
#include <vector>

#include <gradus/gradus.hpp>

int main() {
  std::vector<float> x{1, 2};
  const auto data = gradus::dataset(x);
  return int(data.size());
}
