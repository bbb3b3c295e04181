// Accumulation over m = 10⁷ examples of mixed magnitude against a long-double compensated
// reference, with the error bound data/detail/reduce.hpp documents.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include <gradus/gradus.hpp>

TEST_CASE("m = 10^7 terms of mixed magnitude: within the documented bound of a long-double reference",
          "[data][accuracy]") {
  const std::size_t m = 10'000'000;
  std::vector<double> x(m);
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> exponent(-3.0, 8.0);
  // the first half positive, the second negative: a naive running sum climbs to ~1e13 and
  // comes back, losing the small terms and ~m roundings of 1e13's last bits
  for (std::size_t i = 0; i < m; ++i) x[i] = (i < m / 2 ? 1.0 : -1.0) * std::pow(10.0, exponent(rng));

  long double s = 0, c = 0;  // Kahan–Babuška in long double: the reference
  double abs_sum = 0, naive = 0;
  for (double v : x) {
    const long double t = s + v;
    c += std::fabs(s) >= std::fabs(v) ? (s - t) + v : (v - t) + s;
    s = t;
    abs_sum += std::abs(v);
    naive += v;
  }
  const long double exact = s + c;

  auto [a] = gradus::variables<1>();
  auto [xi] = gradus::columns<1>();
  const auto J = gradus::sum_over(a * xi, gradus::dataset(x));
  const Eigen::Matrix<double, 1, 1> one(1.0);
  const auto [value, gradient] = J.value_and_gradient(one);

  const double u = 0x1p-53;
  const double w = double(gradus::simd_width);
  const double bound = (double(gradus::detail::data_block_rows) / w + w + 1) * u * abs_sum + 2 * u * std::abs(double(exact));
  const double error = std::abs(double(value - exact));
  const double naive_error = std::abs(double(naive - exact));
  INFO("S = " << double(exact) << ", Σ|x| = " << abs_sum << ", error " << error << ", bound " << bound
              << ", naive loop's error " << naive_error);
  CHECK(error <= bound);
  CHECK(std::abs(double(gradient[0] - exact)) <= bound);
  // the bound is a worst case; the rounding errors actually made are far smaller, and far
  // smaller than a naive loop's on the same data
  CHECK(error <= 1e-17 * abs_sum);
  CHECK(naive_error > 100 * error);

  // the mean: one more rounding (the division)
  const auto M = gradus::mean_over(a * xi, gradus::dataset(x));
  CHECK(std::abs(double(M.value(one) - exact / m)) <= bound / double(m) + u * std::abs(double(exact / m)));
  // threads do not change the bits
  const auto J2 = gradus::sum_over(a * xi, gradus::dataset(x), gradus::data_options{.threads = 2});
  CHECK(J2.value(one) == J.value(one));
}
