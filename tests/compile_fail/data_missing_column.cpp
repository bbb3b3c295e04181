// expect: reads a column col<J> the dataset does not have
// The loss reads col<2>, the dataset has two columns (col<0>, col<1>).
#include <vector>

#include <gradus/gradus.hpp>

int main() {
  std::vector<double> x{1, 2}, y{0, 1};
  auto [a] = gradus::variables<1>();
  auto [x0, x1, x2] = gradus::columns<3>();
  const auto J = gradus::mean_over(gradus::square(a * x0 + x1 - x2), gradus::dataset(x, y));
  return int(J.size());
}
