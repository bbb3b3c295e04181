// Accumulation over m = 10⁷ examples of mixed magnitude against a long-double compensated
// reference, with the error bound data/detail/reduce.hpp documents; and no heap allocation in
// the single-threaded evaluation.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <random>
#include <vector>

#include <gradus/gradus.hpp>

#include "reference.hpp"

// ---- a global operator new that counts (this executable only) ---------------------------------
namespace {
std::atomic<std::size_t> allocations{0};
void* counted_alloc(std::size_t n, std::size_t align) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  void* p = align <= alignof(std::max_align_t) ? std::malloc(n ? n : 1) : std::aligned_alloc(align, (n + align - 1) / align * align);
  if (!p) throw std::bad_alloc();
  return p;
}
template <class F>
std::size_t allocations_during(F&& f) {
  const std::size_t before = allocations.load();
  f();
  return allocations.load() - before;
}
}  // namespace
void* operator new(std::size_t n) { return counted_alloc(n, 0); }
void* operator new[](std::size_t n) { return counted_alloc(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_alloc(n, std::size_t(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_alloc(n, std::size_t(a)); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

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

TEST_CASE("no heap allocation in value, gradient and Hessian for fixed-size parameters", "[data][allocation]") {
  constexpr std::size_t D = 4;
  const auto t = data_test::random_table<D>(1003, true, 8);
  const auto data = t.data();
  const auto J = gradus::mean_over(data_test::logistic_loss<D>(), data);
  const Eigen::Matrix<double, D + 1, 1> theta = Eigen::Matrix<double, D + 1, 1>::Constant(0.1);
  const std::array<std::size_t, 5> rows{4, 1000, 17, 17, 2};
  double sink = 0;
  const std::size_t n = allocations_during([&] {
    sink += J.value(theta);
    sink += J.gradient(theta)[0];
    sink += J.value_and_gradient(theta).value;
    sink += J.hessian(theta)(1, 2);
    sink += J.value_gradient_hessian(theta).hessian(0, 0);
    sink += J.batch(10, 100).gradient(theta)[1];
    sink += J.subset(rows).value_gradient_hessian(theta).value;
  });
  CHECK(n == 0);
  CHECK(std::isfinite(sink));

  // the counter does count: several threads need their std::thread and per-block buffer
  const auto big = data_test::random_table<D>(3 * gradus::detail::data_block_rows, true, 9);
  const auto threaded = gradus::mean_over(data_test::logistic_loss<D>(), big.data(), gradus::data_options{.threads = 2});
  CHECK(allocations_during([&] { sink += threaded.value(theta); }) > 0);
}
