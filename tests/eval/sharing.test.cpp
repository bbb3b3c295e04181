// Shared subexpressions are computed once: the tape of an expression is a DAG in which a
// stateless subtree that occurs several times is one node.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;

TEST_CASE("a subexpression used twice is one tape node") {
  auto [a, b] = variables<2>();
  auto [xi, yi] = std::tuple{col<0>{}, col<1>{}};
  auto z = a * xi + b;
  auto s = sigmoid(z);
  auto L = yi * log(s) + (1 - yi) * log(1 - s);
  using tape = detail::tape<decltype(L)>;
  // The tree has two copies of s = sigmoid(a*xi + b) (5 nodes each); the tape keeps one.
  STATIC_REQUIRE(detail::node_count<decltype(L)>::value - tape::size >= 5);
  constexpr auto count_sigmoids = [] {
    int n = 0;
    for (std::size_t k = 0; k < tape::size; ++k) n += tape::node(k).code == detail::opcode::sigmoid;
    return n;
  };
  STATIC_REQUIRE(count_sigmoids() == 1);
}

TEST_CASE("sharing also holds across the rows of a vector function, and for variables") {
  auto [x, y] = variables<2>();
  auto e = exp(x * y);
  using tape = detail::tape<decltype(e + x), decltype(e * y), decltype(sin(e))>;
  constexpr auto count = [](detail::opcode code) {
    int n = 0;
    for (std::size_t k = 0; k < tape::size; ++k) n += tape::node(k).code == code;
    return n;
  };
  STATIC_REQUIRE(count(detail::opcode::exp) == 1);
  STATIC_REQUIRE(count(detail::opcode::var) == 2);
}

TEST_CASE("runtime constants are never merged, even when equal in type") {
  auto [x] = variables<1>();
  auto f = 2.0 * x + 3.0 * x;  // same type twice, different values
  CHECK(value(f, 1.0) == 5.0);
  CHECK(gradient(f, 1.0)[0] == 5.0);
  auto g = exp(2.0 * x) + exp(3.0 * x);
  CHECK(value(g, 0.5) == Approx(std::exp(1.0) + std::exp(1.5)));
}

TEST_CASE("the Hessian of a separable sum touches only its nonzero pattern") {
  auto X = variables<6>();
  auto f = sum(vector(square(get<0>(X) * get<1>(X)), square(get<2>(X) * get<3>(X)), square(get<4>(X) * get<5>(X))));
  const auto H = hessian(f, Eigen::Matrix<double, 6, 1>::Constant(2.0));
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j)
      if (i / 2 != j / 2) CHECK(H(i, j) == 0.0);
  CHECK(H(0, 1) == Approx(4 * 2 * 2));  // ∂²(x0 x1)²/∂x0∂x1 = 4 x0 x1
}

TEST_CASE("sigmoid, softplus and log_sigmoid of z and of -z share e^(-|z|) and log1p", "[eval][sharing]") {
  // The usual logistic loss calls log σ(z) and log σ(−z): the second node takes t = e^(−|z|),
  // 1/(1 + t) and log1p(t) from the first instead of computing them again.
  auto [a, b] = variables<2>();
  constexpr col<0> xi{};
  constexpr col<1> yi{};
  const auto z = a * xi + b;
  const auto L = -(yi * log_sigmoid(z) + (1 - yi) * log_sigmoid(-z));
  using tape = detail::tape<std::remove_cvref_t<decltype(L)>>;
  using partner = detail::sigmoid_partner<tape>;
  constexpr auto shared = [] {
    int first = -1, shared_with_first = 0;
    for (std::size_t k = 0; k < tape::size; ++k) {
      if (tape::node(k).code != detail::opcode::log_sigmoid) continue;
      if (first < 0) first = int(k), shared_with_first += partner::of[k] == k;
      else shared_with_first += partner::of[k] == std::size_t(first);
    }
    return shared_with_first;
  };
  STATIC_REQUIRE(shared() == 2);

  // Every pairing of the family, on both signs, against the functions evaluated alone.
  constexpr var<0> x{};
  auto sig = [](double u) { return u >= 0 ? 1 / (1 + std::exp(-u)) : std::exp(u) / (1 + std::exp(u)); };
  auto sp = [](double u) { return std::max(u, 0.0) + std::log1p(std::exp(-std::abs(u))); };
  auto ds = [](double u) { const double t = std::exp(-std::abs(u)); return t / ((1 + t) * (1 + t)); };  // σ' = σ(1 − σ)
  const auto pairs = std::tuple{sigmoid(x) + 3 * softplus(-x), softplus(x) + 3 * sigmoid(-x), log_sigmoid(-x) + 3 * sigmoid(x),
                                softplus(-x) + 3 * log_sigmoid(x)};
  for (double u : {-800.0, -40.0, -3.0, -0.25, 0.0, 0.25, 3.0, 40.0, 800.0}) {
    INFO("u = " << u);
    const double s = sig(u), sm = sig(-u);
    const double want[4] = {s + 3 * sp(-u), sp(u) + 3 * sm, -sp(u) + 3 * s, sp(-u) - 3 * sp(-u)};
    const double dwant[4] = {ds(u) - 3 * sm, s - 3 * ds(u), -s + 3 * ds(u), -sm + 3 * sm};
    int i = 0;
    std::apply([&](const auto&... f) {
      ([&] {
        const auto [v, g] = value_and_gradient(f, u);
        CHECK(v == Approx(want[i]).epsilon(1e-14).margin(1e-300));
        CHECK(g[0] == Approx(dwant[i]).epsilon(1e-13).margin(1e-300));
        CHECK(gradient(f, u)[0] == g[0]);  // the gradient-only sweep computes the partner too
        ++i;
      }(), ...);
    }, pairs);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(std::isnan(value(log_sigmoid(x) + log_sigmoid(-x), nan)));
  CHECK(std::isnan(gradient(softplus(x) + sigmoid(-x), nan)[0]));

  // The data kernel (SIMD lanes) agrees with the scalar evaluation row by row.
  std::vector<double> xs, ys;
  for (int i = 0; i < 37; ++i) xs.push_back(-9.0 + 0.5 * i), ys.push_back(i % 3 == 0 ? 1.0 : 0.0);
  const auto J = sum_over(L, dataset(xs, ys));
  const Eigen::Vector2d th(0.7, -0.3);
  const auto [v, g, H] = J.value_gradient_hessian(th);
  double v0 = 0;
  Eigen::Vector2d g0 = Eigen::Vector2d::Zero();
  Eigen::Matrix2d H0 = Eigen::Matrix2d::Zero();
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double zi = th[0] * xs[i] + th[1], p = sig(zi);
    v0 += sp(zi) - ys[i] * zi;
    g0 += (p - ys[i]) * Eigen::Vector2d(xs[i], 1.0);
    H0 += p * (1 - p) * Eigen::Vector2d(xs[i], 1.0) * Eigen::Vector2d(xs[i], 1.0).transpose();
  }
  CHECK(v == Approx(v0).epsilon(1e-13));
  for (int r = 0; r < 2; ++r) {
    CHECK(g[r] == Approx(g0[r]).epsilon(1e-12));
    for (int c = 0; c < 2; ++c) CHECK(H(r, c) == Approx(H0(r, c)).epsilon(1e-12));
  }
}
