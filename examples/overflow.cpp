// Softmax and logsumexp of (1000, 990, 980). Done naively, e^1000 overflows to inf and the
// softmax becomes inf/inf = NaN. gradus::logsumexp subtracts the largest argument first,
//   log Σ e^(xi) = m + log Σ e^(xi − m),   m = max xi,
// and its gradient is the softmax, computed the same overflow-safe way.
#include <cmath>
#include <cstdio>

#include <gradus/gradus.hpp>

#include "tour.hpp"

int main() {
  const double z[3] = {1000, 990, 980};

  tour::section("Naively: log(e^1000 + e^990 + e^980) and e^zi / sum e^zj");
  const double sum = std::exp(z[0]) + std::exp(z[1]) + std::exp(z[2]);
  std::printf("e^1000            = %g\n", std::exp(z[0]));
  std::printf("log(sum)          = %g\n", std::log(sum));
  std::printf("softmax           = (%g, %g, %g)\n", std::exp(z[0]) / sum, std::exp(z[1]) / sum, std::exp(z[2]) / sum);

  tour::section("Stably: gradus::logsumexp and its gradient");
  auto [a, b, c] = gradus::variables<3>();
  auto lse = gradus::logsumexp(a, b, c);
  const double v = gradus::value(lse, z[0], z[1], z[2]);
  const Eigen::Vector3d softmax = gradus::gradient(lse, z[0], z[1], z[2]);
  std::printf("logsumexp         = %.12f   (1000 + log(1 + e^-10 + e^-20))\n", v);
  std::printf("softmax = grad    = (%.10f, %.6e, %.6e)\n", softmax[0], softmax[1], softmax[2]);
  std::printf("sum of softmax    = %.15f\n", softmax.sum());
  std::printf("d logsumexp / da  = %s\n", gradus::to_string(gradus::derivative(lse, a)).c_str());
  return 0;
}
