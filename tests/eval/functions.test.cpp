// Each function's value, first and second derivative against its closed form, including the
// edges where naive formulas overflow or cancel.
#include <cmath>

#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;

namespace {
struct expected {
  double value, d1, d2;
};
template <class F>
void check_function(const F& f, double x, expected e, double tol = 1e-14) {
  INFO("at x = " << x);
  const auto [v, g, H] = value_gradient_hessian(f, x);
  CHECK(v == Approx(e.value).epsilon(tol).margin(0));
  CHECK(g[0] == Approx(e.d1).epsilon(tol).margin(0));
  CHECK(H(0, 0) == Approx(e.d2).epsilon(tol).margin(0));
  CHECK(gradient(f, Eigen::Matrix<double, 1, 1>(x), forward_mode)[0] == Approx(e.d1).epsilon(tol).margin(0));
}
double sig(double x) { return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x)); }
double dsig(double x) { const double t = std::exp(-std::abs(x)); return t / ((1 + t) * (1 + t)); }
}  // namespace

TEST_CASE("closed forms of the elementary functions") {
  constexpr var<0> x{};
  for (double a : {-1.7, -0.3, 0.4, 2.5}) {
    check_function(exp(x), a, {std::exp(a), std::exp(a), std::exp(a)});
    check_function(sin(x), a, {std::sin(a), std::cos(a), -std::sin(a)});
    check_function(cos(x), a, {std::cos(a), -std::sin(a), -std::cos(a)});
    const double t = std::tan(a);
    check_function(tan(x), a, {t, 1 + t * t, 2 * t * (1 + t * t)}, 1e-13);
    const double th = std::tanh(a);
    check_function(tanh(x), a, {th, 1 - th * th, -2 * th * (1 - th * th)}, 1e-13);
    check_function(square(x), a, {a * a, 2 * a, 2});
    check_function(pow<3>(x), a, {a * a * a, 3 * a * a, 6 * a});
    check_function(pow<-1>(x), a, {1 / a, -1 / (a * a), 2 / (a * a * a)});
    check_function(sigmoid(x), a, {sig(a), dsig(a), dsig(a) * (1 - 2 * sig(a))}, 1e-13);
    check_function(softplus(x), a, {std::log1p(std::exp(a)), sig(a), dsig(a)}, 1e-13);
    check_function(log_sigmoid(x), a, {std::log(sig(a)), sig(-a), -dsig(a)}, 1e-13);
    check_function(abs(x), a, {std::abs(a), a > 0 ? 1.0 : -1.0, 0.0});
    check_function(expm1(x), a, {std::expm1(a), std::exp(a), std::exp(a)});
  }
  for (double a : {1e-12, 0.01, 0.5, 3.0}) {
    check_function(log(x), a, {std::log(a), 1 / a, -1 / (a * a)});
    check_function(sqrt(x), a, {std::sqrt(a), 0.5 / std::sqrt(a), -0.25 / (a * std::sqrt(a))}, 1e-13);
    check_function(log1p(x), a, {std::log1p(a), 1 / (1 + a), -1 / ((1 + a) * (1 + a))});
    check_function(pow(x, 2.5), a, {std::pow(a, 2.5), 2.5 * std::pow(a, 1.5), 3.75 * std::pow(a, 0.5)}, 1e-13);
  }
}

TEST_CASE("edges: sigmoid and log_sigmoid at ±40, softplus at ±800, log1p and expm1 near 0") {
  constexpr var<0> x{};
  // σ'(40) = e^−40/(1 + e^−40)² ≈ 4.25e−18: kept to full relative precision, not rounded to 0.
  check_function(sigmoid(x), 40, {1 / (1 + std::exp(-40.0)), dsig(40), -dsig(40) * std::tanh(20.0)}, 1e-13);
  check_function(sigmoid(x), -40, {std::exp(-40.0) / (1 + std::exp(-40.0)), dsig(40), dsig(40) * std::tanh(20.0)}, 1e-13);
  check_function(log_sigmoid(x), -40, {-40 - std::log1p(std::exp(-40.0)), 1 / (1 + std::exp(-40.0)), -dsig(40)}, 1e-13);
  check_function(log_sigmoid(x), 40, {-std::log1p(std::exp(-40.0)), std::exp(-40.0) / (1 + std::exp(-40.0)), -dsig(40)}, 1e-13);
  check_function(softplus(x), 800, {800.0, 1.0, 0.0});
  check_function(softplus(x), -800, {0.0, 0.0, 0.0});
  check_function(log1p(x), 1e-17, {1e-17, 1.0, -1.0});
  check_function(expm1(x), 1e-17, {1e-17, 1.0, 1.0});
  CHECK(std::isfinite(value(softplus(x), 1e300)));
}
