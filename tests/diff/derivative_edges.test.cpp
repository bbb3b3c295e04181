// Symbolic derivatives evaluated: the contract's constexpr line, the textbook gradient and
// Hessian, and the edges where a careless formula overflows, underflows or cancels
// (sigmoid and log_sigmoid at ±40, softplus at ±800, log near 0, logsumexp of
// (1000, 990, 980)). The random-point law suites are laws_*.test.cpp.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
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
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::integral_constant<std::size_t, I>{}), ...);
  }
  (std::make_index_sequence<N>{});
}

}  // namespace

TEST_CASE("the contract: derivative is constexpr for polynomials", "[derivative]") {
  constexpr gradus::var<0> t{};
  STATIC_REQUIRE(gradus::value(gradus::derivative(t * t + 3 * t, t), 2.0) == 7.0);
  STATIC_REQUIRE(gradus::value(gradus::derivative(gradus::derivative(t * t * t / (1 + t), t), t),
                               1.0) == 1.75);
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
    const double t = std::exp(-40.0);                          // e^(−|u|)
    const double s = u > 0 ? 1 / (1 + t) : t / (1 + t);        // σ(u)
    const double s_minus = u > 0 ? t / (1 + t) : 1 / (1 + t);  // σ(−u), without cancellation
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
      CHECK(value(get<i, j>(H), p) ==
            Approx(h(Eigen::Index(i), Eigen::Index(j))).epsilon(1e-12).margin(1e-300));
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
