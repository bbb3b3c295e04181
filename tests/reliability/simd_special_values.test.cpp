// Found by tests/fuzz (fuzz_derivatives, SIMD lanes vs scalar): xsimd 8's exp, expm1, tanh and
// pow convert a multiple of their argument to a 64-bit integer before selecting the answer for
// out-of-range lanes, which is undefined behaviour for NaN, ±Inf and |x| beyond about 6e18
// (UBSan: "-inf is outside the range of representable values of type 'long'"). gradus now
// keeps such arguments away from xsimd (eval/simd.hpp). These checks give the IEEE answer lane
// by lane; under `make test-sanitize` built with clang they also fail on the old code.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include <gradus/gradus.hpp>

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();

// Lane l of the batch holds xs[offset + l] (the values cycle).
template <class F, class Reference>
void check_lanes(const F& f, Reference reference, const std::vector<double>& xs) {
  using gradus::simd_double;
  for (std::size_t offset = 0; offset < xs.size(); ++offset) {
    alignas(64) double lanes[simd_double::size];
    for (std::size_t l = 0; l < simd_double::size; ++l) lanes[l] = xs[(offset + l) % xs.size()];
    const std::array<simd_double, 1> p{simd_double::load_aligned(lanes)};
    const simd_double v = gradus::value(f, p);
    for (std::size_t l = 0; l < simd_double::size; ++l) {
      const double got = gradus::detail::math::lane(v, l), want = reference(lanes[l]);
      INFO("x = " << lanes[l] << ": lane gives " << got << ", std gives " << want);
      if (std::isnan(want)) CHECK(std::isnan(got));
      else if (!std::isfinite(want) || want == 0) CHECK(got == want);
      else CHECK(got == Approx(want).epsilon(1e-13));
    }
  }
}

const std::vector<double> special{qnan, inf, -inf, 1e308, -1e308, 1e20, -1e20, 800.0, -800.0, 1.5, -0.5, 0.0};
}  // namespace

TEST_CASE("regression: SIMD exp, expm1, tanh and pow of NaN, Inf and huge lanes", "[reliability][regression]") {
  constexpr gradus::var<0> x{};
  check_lanes(gradus::exp(x), [](double t) { return std::exp(t); }, special);
  check_lanes(gradus::expm1(x), [](double t) { return std::expm1(t); }, special);
  check_lanes(gradus::tanh(x), [](double t) { return std::tanh(t); }, special);
  check_lanes(gradus::pow(x, 2.5), [](double t) { return std::pow(t, 2.5); }, special);
  check_lanes(gradus::pow(x * x + 2, 1e300), [](double t) { return std::pow(t * t + 2, 1e300); }, special);
  check_lanes(gradus::softplus(x), [](double t) { return t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t)); },
              special);
}

TEST_CASE("regression: a data objective over huge finite data evaluates its rows in SIMD without UB", "[reliability][regression]") {
  // softplus(a·x) with a·x = ±1e300: the row-parallel path calls exp on lanes of ±1e300.
  constexpr gradus::var<0> a{};
  constexpr gradus::col<0> xi{};
  const std::vector<double> xs{1e300, -1e300, 1.0, -2.0, 1e300, 3.0, -1e300};
  const auto J = gradus::sum_over(gradus::softplus(a * xi), gradus::dataset(xs));
  const Eigen::Matrix<double, 1, 1> theta(1.0);
  double expected = 0, slope = 0;
  for (double x : xs) {
    expected += x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
    slope += x / (1 + std::exp(-x));
  }
  CHECK(J.value(theta) == Approx(expected).epsilon(1e-14));
  CHECK(J.gradient(theta)[0] == Approx(slope).epsilon(1e-14));
}
