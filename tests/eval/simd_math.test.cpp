// gradus's own SIMD exp, log and log1p (eval/simd.hpp: no 64-bit conversions, so they are fast
// on AVX2 and SSE2): every lane against the standard library, to 1 ulp on random arguments over
// the whole range and at the special values (NaN, ±Inf, ±0, subnormals, the overflow and
// underflow edges). Whatever the build's SIMD width (SSE2, AVX2, AVX-512).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

namespace {
using gradus::simd_double;
namespace math = gradus::detail::math;
constexpr double inf = std::numeric_limits<double>::infinity();

/// Distance in units in the last place (NaN against NaN, and equal values, are 0 apart).
std::int64_t ulps(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return 0;
  if (a == b) return 0;
  if (std::isnan(a) || std::isnan(b) || std::isinf(a) || std::isinf(b)) return std::numeric_limits<std::int64_t>::max();
  std::int64_t ia, ib;
  std::memcpy(&ia, &a, 8);
  std::memcpy(&ib, &b, 8);
  if (ia < 0) ia = std::numeric_limits<std::int64_t>::min() - ia;
  if (ib < 0) ib = std::numeric_limits<std::int64_t>::min() - ib;
  return ia > ib ? ia - ib : ib - ia;
}

/// The largest ulp distance between f on batches and g on doubles over the arguments xs.
template <class F, class G>
std::int64_t worst_ulps(const F& f, const G& g, const std::vector<double>& xs, double& at) {
  constexpr std::size_t w = simd_double::size;
  std::int64_t worst = 0;
  for (std::size_t i = 0; i < xs.size(); i += w) {
    alignas(64) double in[w], out[w];
    for (std::size_t l = 0; l < w; ++l) in[l] = xs[(i + l) % xs.size()];
    f(simd_double::load_aligned(in)).store_aligned(out);
    for (std::size_t l = 0; l < w; ++l) {
      const std::int64_t e = ulps(out[l], g(in[l]));
      if (e > worst) worst = e, at = in[l];
    }
  }
  return worst;
}

std::vector<double> uniform(double lo, double hi, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  std::vector<double> xs(n);
  for (auto& x : xs) x = d(rng);
  return xs;
}
/// ±e^u for u uniform in [0, top]: every binade from 1 to e^top, both signs.
std::vector<double> log_uniform(double top, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(-top, top);
  std::vector<double> xs(n);
  for (auto& x : xs) {
    const double u = d(rng);
    x = u < 0 ? -std::exp(-u) : std::exp(u);
  }
  return xs;
}

const std::vector<double> specials{std::numeric_limits<double>::quiet_NaN(), inf, -inf, 0.0, -0.0, 1.0, -1.0, 2.0, -0.5,
                                   0x1p-1022, 0x1p-1074, 1e-310, -1e-310, 1e-300, 1e300, -1e300, 1.7e308, -1.7e308,
                                   709.78, 709.79, 700.0, -708.5, -720.0, -745.13, -745.14, -1000.0, 1e-8, -1e-8};
}  // namespace

TEST_CASE("SIMD exp is within 1 ulp of std::exp", "[eval][simd]") {
  auto f = [](const simd_double& x) { return math::exp(x); };
  auto g = [](double x) { return std::exp(x); };
  double at = 0;
  for (const auto& xs : {uniform(-750, 712, 200000, 1), uniform(-1, 1, 100000, 2), uniform(-1e-6, 1e-6, 10000, 3), specials}) {
    const auto e = worst_ulps(f, g, xs, at);
    INFO("worst at x = " << at);
    CHECK(e <= 1);
  }
}

TEST_CASE("SIMD log and log1p are within 1 ulp of the standard library", "[eval][simd]") {
  auto lg = [](const simd_double& x) { return math::log(x); };
  auto l1 = [](const simd_double& x) { return math::log1p(x); };
  double at = 0;
  for (const auto& xs : {log_uniform(745, 200000, 4), uniform(0.5, 2, 100000, 5), specials}) {
    const auto e = worst_ulps(lg, [](double x) { return std::log(x); }, xs, at);
    INFO("log: worst at x = " << at);
    CHECK(e <= 1);
  }
  for (const auto& xs : {uniform(-1, 5, 200000, 6), log_uniform(709, 200000, 7), uniform(-1e-8, 1e-8, 10000, 8), specials}) {
    const auto e = worst_ulps(l1, [](double x) { return std::log1p(x); }, xs, at);
    INFO("log1p: worst at x = " << at);
    CHECK(e <= 1);
  }
}

TEST_CASE("SIMD e^x for x <= 0 and log1p on [0, 1] as the sigmoid family computes them", "[eval][simd]") {
  // t = e^(−|u|) in [0, 1] and q = 1/(1 + t), as the rules of σ, softplus and log σ keep them.
  double at = 0;
  std::vector<double> xs = uniform(-800, 0, 200000, 12);
  for (double e : {0.0, -0.0, -745.13, -745.14, -746.0, -1000.0, -inf, std::numeric_limits<double>::quiet_NaN(), -1e-300})
    xs.push_back(e);
  CHECK(worst_ulps([](const simd_double& x) { return math::exp_nonpositive(x); }, [](double x) { return std::exp(x); }, xs, at) <= 1);
  auto f = [](const simd_double& t) { return math::log1p_unit(t, simd_double(1.0) / (simd_double(1.0) + t)); };
  std::vector<double> ts = uniform(0, 1, 200000, 9);
  for (double e : {0.0, 1.0, 1e-300, 0x1p-1074, 1e-17, 0.5}) ts.push_back(e);
  CHECK(worst_ulps(f, [](double t) { return std::log1p(t); }, ts, at) <= 1);
  std::vector<double> nan{std::numeric_limits<double>::quiet_NaN()};
  CHECK(worst_ulps(f, [](double t) { return std::log1p(t); }, nan, at) == 0);
}

TEST_CASE("SIMD pow of positive bases goes through the SIMD exp and log", "[eval][simd]") {
  constexpr gradus::var<0> x{};
  const auto f = gradus::pow(x, 2.5);
  auto batch = [&](const simd_double& v) { return gradus::value(f, std::array<simd_double, 1>{v}); };
  // exp(r·log x) carries log's rounding times |r·log x|: up to about 2|r·log x| + 1 ulp (as
  // xsimd's pow, which computes the same), i.e. 36 ulp for |2.5·log 10³| = 17.3.
  double at = 0;
  CHECK(worst_ulps(batch, [](double v) { return std::pow(v, 2.5); }, uniform(0.5, 2, 100000, 10), at) <= 4);
  CHECK(worst_ulps(batch, [](double v) { return std::pow(v, 2.5); }, uniform(1e-3, 1e3, 100000, 11), at) <= 36);
}
