// Laws of the symbolic derivatives, checked numerically over a family of composite
// expressions that together use every operation: at 1,000 random points of each one's
// domain,
//   value(derivative(f, x_i), p)          == gradient(f, p)[i]     (to rounding)
//   value(get<i, j>(hessian_expr(f)), p)  == hessian(f, p)(i, j)   (to rounding)
// and both agree with central finite differences (of f, and of the symbolic gradient).
// Then the edges where a careless formula overflows, underflows or cancels.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <utility>

#include <gradus/gradus.hpp>

using gradus::derivative;
using gradus::get;
using gradus::value;

namespace {

constexpr gradus::var<0> x{};
constexpr gradus::var<1> y{};
constexpr gradus::var<2> z{};

template <std::size_t N, class F>
void for_each_index(F f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) { (f(std::integral_constant<std::size_t, I>{}), ...); }(
      std::make_index_sequence<N>{});
}

/// Largest |a − b| / max(1, |a|, |b|) seen, and where.
struct worst_error {
  double error = 0;
  std::array<double, 3> at{};
  double expected = 0, actual = 0;
  void update(double expected_value, double actual_value, double scale, const std::array<double, 3>& p) {
    const double e = std::abs(expected_value - actual_value) / std::max({1.0, scale, std::abs(expected_value)});
    if (!(e <= error)) {  // also catches NaN
      error = std::isnan(e) ? INFINITY : e;
      at = p;
      expected = expected_value;
      actual = actual_value;
    }
  }
};

#define REQUIRE_SMALL(w, tolerance)                                                                   \
  do {                                                                                                \
    INFO(#w << ": worst error " << (w).error << " at (" << (w).at[0] << ", " << (w).at[1] << ", "    \
            << (w).at[2] << "): expected " << (w).expected << ", got " << (w).actual);               \
    CHECK((w).error <= (tolerance));                                                                  \
  } while (false)

/// Checks the four laws for f at 1,000 points of the box [−2, 2]³ where in_domain(p) holds.
template <class F, class Domain>
void check_laws(const F& f, Domain in_domain, unsigned seed) {
  constexpr std::size_t n = gradus::arity_v<F>;
  static_assert(n == 3);
  const auto G = gradus::gradient_expr(f);
  const auto H = gradus::hessian_expr(f);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> coordinate(-2.0, 2.0);
  worst_error symbolic_vs_reverse, symbolic_vs_hessian, gradient_vs_fd, hessian_vs_fd;
  for (int points = 0; points < 1000;) {
    std::array<double, 3> p{coordinate(rng), coordinate(rng), coordinate(rng)};
    if (!in_domain(p)) continue;
    ++points;
    const auto g = gradus::gradient(f, p);
    const auto h = gradus::hessian(f, p);
    const double fp = value(f, p);
    for_each_index<n>([&](auto i) {
      const double gi = value(get<i>(G), p);
      symbolic_vs_reverse.update(g[Eigen::Index(i)], gi, 0, p);

      const double step = 6e-6 * std::max(1.0, std::abs(p[i]));
      auto plus = p, minus = p;
      plus[i] += step;
      minus[i] -= step;
      gradient_vs_fd.update(gi, (value(f, plus) - value(f, minus)) / (plus[i] - minus[i]), std::abs(fp), p);

      for_each_index<n>([&](auto j) {
        const double hij = value(get<i, j>(H), p);
        symbolic_vs_hessian.update(h(Eigen::Index(i), Eigen::Index(j)), hij, 0, p);
        const double hstep = 6e-6 * std::max(1.0, std::abs(p[j]));
        auto hplus = p, hminus = p;
        hplus[j] += hstep;
        hminus[j] -= hstep;
        hessian_vs_fd.update(hij, (value(get<i>(G), hplus) - value(get<i>(G), hminus)) / (hplus[j] - hminus[j]),
                             std::abs(gi), p);
      });
    });
  }
  REQUIRE_SMALL(symbolic_vs_reverse, 1e-12);
  REQUIRE_SMALL(symbolic_vs_hessian, 1e-12);
  REQUIRE_SMALL(gradient_vs_fd, 1e-6);
  REQUIRE_SMALL(hessian_vs_fd, 1e-6);
}

constexpr auto anywhere = [](const std::array<double, 3>&) { return true; };

}  // namespace

TEST_CASE("laws: exp, sin, cos, products and quotients", "[derivative][laws]") {
  check_laws(gradus::exp(x * y) * gradus::sin(z) - x / (1 + y * y) + gradus::cos(x - 2 * z) / (3 + z), anywhere, 1);
}

TEST_CASE("laws: log, log1p, sqrt", "[derivative][laws]") {
  check_laws(gradus::log(1 + x * x + y * y) + gradus::sqrt(2 + gradus::cos(x * z)) * gradus::log1p(z * z + y) -
                 gradus::log(z + 2.5),
             [](const std::array<double, 3>& p) { return p[2] * p[2] + p[1] > -0.9; }, 2);
}

TEST_CASE("laws: tan, tanh, expm1", "[derivative][laws]") {
  check_laws(gradus::tan(x / 4 + y / 5) * gradus::tanh(y - z) + gradus::expm1(x * z / 2), anywhere, 3);
}

TEST_CASE("laws: sigmoid, softplus, log_sigmoid", "[derivative][laws]") {
  check_laws(gradus::sigmoid(3 * x * y - z) + gradus::softplus(2 * x - y) * gradus::log_sigmoid(y * z * 4), anywhere, 4);
}

TEST_CASE("laws: abs, sign, square, integer powers, negation", "[derivative][laws]") {
  check_laws(gradus::abs(x - 0.3) * gradus::square(y) + gradus::sign(z) * gradus::pow<3>(x + y) -
                 gradus::pow<-2>(2 + gradus::sin(z)) * (-x),
             // away from the kink of abs and the jump of sign, where finite differences straddle them
             [](const std::array<double, 3>& p) { return std::abs(p[0] - 0.3) > 1e-3 && std::abs(p[2]) > 1e-3; }, 5);
}

TEST_CASE("laws: real powers", "[derivative][laws]") {
  check_laws(gradus::pow(1 + x * x, 1.5) + gradus::pow(2 + gradus::sin(y * z), 0.7) * gradus::pow(z * z + 0.5, -0.25),
             anywhere, 6);
}

TEST_CASE("laws: logsumexp and softmax", "[derivative][laws]") {
  check_laws(gradus::logsumexp(x, 2 * y, x * z) + gradus::softmax_weight<1>(gradus::logsumexp(x * y, y, z)) * z,
             anywhere, 7);
}

TEST_CASE("the contract: derivative is constexpr for polynomials", "[derivative]") {
  constexpr gradus::var<0> t{};
  STATIC_REQUIRE(gradus::value(gradus::derivative(t * t + 3 * t, t), 2.0) == 7.0);
  STATIC_REQUIRE(gradus::value(gradus::derivative(gradus::derivative(t * t * t / (1 + t), t), t), 1.0) == 1.75);
}

TEST_CASE("the textbook gradient and Hessian, symbolically evaluated", "[derivative]") {
  const auto f = x * x + 2 * x * y + gradus::pow<3>(y);
  const auto G = gradus::gradient_expr(f);
  const auto H = gradus::hessian_expr(f);
  CHECK(value(get<0>(G), 3.0, 2.0) == 10.0);
  CHECK(value(get<1>(G), 3.0, 2.0) == 18.0);
  CHECK(value(get<0, 0>(H), 3.0, 2.0) == 2.0);
  CHECK(value(get<0, 1>(H), 3.0, 2.0) == 2.0);
  CHECK(value(get<1, 0>(H), 3.0, 2.0) == 2.0);
  CHECK(value(get<1, 1>(H), 3.0, 2.0) == 12.0);
  CHECK((value(G, 3.0, 2.0) - gradus::gradient(f, 3.0, 2.0)).norm() == 0.0);
}

TEST_CASE("edges: sigmoid and log_sigmoid at +-40 do not cancel", "[derivative][edges]") {
  const auto ds = derivative(gradus::sigmoid(x), x);
  const auto d2s = derivative(ds, x);
  const auto dl = derivative(gradus::log_sigmoid(x), x);
  const auto d2l = derivative(dl, x);
  for (double u : {40.0, -40.0}) {
    const double t = std::exp(-40.0);  // e^(−|u|)
    const double s = u > 0 ? 1 / (1 + t) : t / (1 + t);         // σ(u)
    const double s_minus = u > 0 ? t / (1 + t) : 1 / (1 + t);   // σ(−u), without cancellation
    const double s_prime = t / ((1 + t) * (1 + t));
    CHECK(value(ds, u) == Approx(s_prime).epsilon(1e-14));
    CHECK(value(d2s, u) == Approx(s_prime * (s_minus - s)).epsilon(1e-14));
    CHECK(value(dl, u) == Approx(s_minus).epsilon(1e-14));
    CHECK(value(d2l, u) == Approx(-s_prime).epsilon(1e-14));
    CHECK(value(ds, u) == Approx(gradus::gradient(gradus::sigmoid(x), u)[0]).epsilon(1e-14));
    CHECK(value(d2l, u) == Approx(gradus::hessian(gradus::log_sigmoid(x), u)(0, 0)).epsilon(1e-14));
  }
  CHECK(value(ds, 40.0) > 0);  // s·(1 − s) would give exactly 0 here
}

TEST_CASE("edges: softplus at +-800 stays finite", "[derivative][edges]") {
  const auto d = derivative(gradus::softplus(x), x);
  const auto d2 = derivative(d, x);
  CHECK(value(d, 800.0) == 1.0);
  CHECK(value(d, -800.0) == 0.0);  // e^−800 underflows: the true value is 3.7e-348
  CHECK(value(d2, 800.0) == 0.0);
  CHECK(value(d2, -800.0) == 0.0);
  CHECK(value(d, 0.0) == 0.5);
  CHECK(value(d2, 0.0) == 0.25);
}

TEST_CASE("edges: log near 0", "[derivative][edges]") {
  const auto d = derivative(gradus::log(x), x);
  const auto d2 = derivative(d, x);
  for (double u : {1e-150, 1e-10, 1e-3}) {
    CHECK(value(d, u) == Approx(1 / u).epsilon(1e-15));
    CHECK(value(d2, u) == Approx(-1 / (u * u)).epsilon(1e-15));
  }
  CHECK(value(d, 1e-300) == Approx(1e300).epsilon(1e-15));
  CHECK(value(d2, 1e-300) == -INFINITY);  // −1e600 is not a double: −inf, not NaN
  const double u = -1 + 1e-12;
  CHECK(value(derivative(gradus::log1p(x), x), u) == Approx(1 / (1 + u)).epsilon(1e-15));
}

TEST_CASE("edges: logsumexp of (1000, 990, 980)", "[derivative][edges]") {
  const auto f = gradus::logsumexp(x, y, z);
  const auto G = gradus::gradient_expr(f);
  const auto H = gradus::hessian_expr(f);
  const std::array<double, 3> p{1000, 990, 980};
  const double s = 1 + std::exp(-10.0) + std::exp(-20.0);
  const std::array<double, 3> w{1 / s, std::exp(-10.0) / s, std::exp(-20.0) / s};
  const auto g = gradus::gradient(f, p);
  const auto h = gradus::hessian(f, p);
  for_each_index<3>([&](auto i) {
    CHECK(value(get<i>(G), p) == Approx(w[i]).epsilon(1e-14));
    CHECK(value(get<i>(G), p) == Approx(g[Eigen::Index(i)]).epsilon(1e-14));
    for_each_index<3>([&](auto j) {
      const double expected = (i == j ? w[i] : 0.0) - w[i] * w[j];
      CHECK(value(get<i, j>(H), p) == Approx(expected).epsilon(1e-12).margin(1e-300));
      CHECK(value(get<i, j>(H), p) == Approx(h(Eigen::Index(i), Eigen::Index(j))).epsilon(1e-12).margin(1e-300));
    });
  });
}

TEST_CASE("the README example of docs/sections/symbolic.md", "[derivative][readme]") {
  auto [x, y] = gradus::variables<2>();
  auto f = x * x + 2 * x * y + gradus::pow<3>(y);
  CHECK(gradus::to_string(gradus::derivative(f, x)) == "2*x0 + 2*x1");
  CHECK(gradus::to_string(gradus::derivative(f, y)) == "2*x0 + 3*square(x1)");
  CHECK(gradus::to_string(gradus::gradient_expr(f)) == "[2*x0 + 2*x1, 2*x0 + 3*square(x1)]");
  auto H = gradus::hessian_expr(f);
  CHECK(gradus::to_string(H) == "[[2, 2], [2, 6*x1]]");
  CHECK(gradus::value(gradus::get<1, 1>(H), 3.0, 2.0) == 12.0);
  constexpr gradus::var<0> t{};
  STATIC_REQUIRE(gradus::value(gradus::derivative(t * t + 3 * t, t), 2.0) == 7.0);
}
