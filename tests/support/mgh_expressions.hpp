// The Moré–Garbow–Hillstrom test problems ("Testing unconstrained optimization software",
// ACM TOMS 7(1), 1981) written as gradus expressions f(x) = Σᵢ rᵢ(x)², so their gradients and
// Hessians are the library's own. Numbering, data, starting points x0 and minimum values f*
// follow the paper. Two exceptions: #7, the helical valley, whose residual uses
// θ = atan2(x₂, x₁)/2π — the expression language has no arctangent, so it is a functor with
// hand-written value, gradient and Hessian (checked against central differences in the
// tests); and #20, Watson, a data objective over its 29 sample points plus an expression.
//
// Each problem is a struct with
//   static constexpr int n;                    the number of variables
//   static constexpr const char* name;
//   static auto objective();                   the expression (or functor)
//   static vector start();                     x0 of the paper
//   static constexpr double minimum;           f* of the paper (the global one where known)
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <utility>

#include <Eigen/Core>

#include <gradus/gradus.hpp>

namespace gradus::test::mgh_expr {

/// Σᵢ rᵢ² for i = 0 … M−1, with r(i) the i-th residual expression (a balanced sum).
template <std::size_t M, class Residual>
constexpr auto sum_of_squares(Residual r) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return gradus::squared_norm(gradus::vector(r(I)...));
  }(std::make_index_sequence<M>{});
}

template <int N>
using vector = Eigen::Matrix<double, N, 1>;

/// #1 Rosenbrock: r = (10(x₂ − x₁²), 1 − x₁); x0 = (−1.2, 1); f* = 0 at (1, 1).
struct rosenbrock {
  static constexpr int n = 2;
  static constexpr const char* name = "rosenbrock";
  static constexpr double minimum = 0;
  static auto objective() {
    auto [x1, x2] = gradus::variables<2>();
    return gradus::square(10 * (x2 - x1 * x1)) + gradus::square(1 - x1);
  }
  static vector<2> start() { return {-1.2, 1.0}; }
};

/// #2 Freudenstein and Roth; x0 = (0.5, −2); f* = 0 at (5, 4); a local minimum
/// f = 48.9842… at (11.41…, −0.8968…).
struct freudenstein_roth {
  static constexpr int n = 2;
  static constexpr const char* name = "freudenstein_roth";
  static constexpr double minimum = 0;
  static constexpr double local_minimum = 48.98425367924;
  static auto objective() {
    auto [x1, x2] = gradus::variables<2>();
    return gradus::square(-13 + x1 + ((5 - x2) * x2 - 2) * x2) + gradus::square(-29 + x1 + ((x2 + 1) * x2 - 14) * x2);
  }
  static vector<2> start() { return {0.5, -2.0}; }
};

/// #3 Powell badly scaled: r = (10⁴x₁x₂ − 1, e^(−x₁) + e^(−x₂) − 1.0001); x0 = (0, 1);
/// f* = 0 at (1.098…e−5, 9.106…).
struct powell_badly_scaled {
  static constexpr int n = 2;
  static constexpr const char* name = "powell_badly_scaled";
  static constexpr double minimum = 0;
  static auto objective() {
    auto [x1, x2] = gradus::variables<2>();
    return gradus::square(1e4 * x1 * x2 - 1) + gradus::square(gradus::exp(-x1) + gradus::exp(-x2) - 1.0001);
  }
  static vector<2> start() { return {0.0, 1.0}; }
};

/// #4 Brown badly scaled: r = (x₁ − 10⁶, x₂ − 2·10⁻⁶, x₁x₂ − 2); x0 = (1, 1); f* = 0 at (10⁶, 2·10⁻⁶).
struct brown_badly_scaled {
  static constexpr int n = 2;
  static constexpr const char* name = "brown_badly_scaled";
  static constexpr double minimum = 0;
  static auto objective() {
    auto [x1, x2] = gradus::variables<2>();
    return gradus::square(x1 - 1e6) + gradus::square(x2 - 2e-6) + gradus::square(x1 * x2 - 2);
  }
  static vector<2> start() { return {1.0, 1.0}; }
};

/// #5 Beale: rᵢ = yᵢ − x₁(1 − x₂ⁱ), y = (1.5, 2.25, 2.625); x0 = (1, 1); f* = 0 at (3, 0.5).
struct beale {
  static constexpr int n = 2;
  static constexpr const char* name = "beale";
  static constexpr double minimum = 0;
  static auto objective() {
    auto [x1, x2] = gradus::variables<2>();
    return gradus::square(1.5 - x1 * (1 - x2)) + gradus::square(2.25 - x1 * (1 - x2 * x2)) +
           gradus::square(2.625 - x1 * (1 - gradus::pow<3>(x2)));
  }
  static vector<2> start() { return {1.0, 1.0}; }
};

/// #6 Jennrich and Sampson, m = 10: rᵢ = 2 + 2i − (e^(i x₁) + e^(i x₂)); x0 = (0.3, 0.4);
/// f* = 124.362… at x₁ = x₂ = 0.2578….
struct jennrich_sampson {
  static constexpr int n = 2;
  static constexpr const char* name = "jennrich_sampson";
  static constexpr double minimum = 124.3621823556;
  static auto objective() {
    return sum_of_squares<10>([](std::size_t k) {
      const gradus::var<0> x1{};
      const gradus::var<1> x2{};
      const double i = double(k + 1);
      return 2 + 2 * i - (gradus::exp(i * x1) + gradus::exp(i * x2));
    });
  }
  static vector<2> start() { return {0.3, 0.4}; }
};

/// #7 Helical valley: r = (10(x₃ − 10θ), 10(√(x₁² + x₂²) − 1), x₃) with
/// 2πθ = arctan(x₂/x₁) for x₁ > 0 and arctan(x₂/x₁) + π for x₁ < 0; x0 = (−1, 0, 0);
/// f* = 0 at (1, 0, 0). A functor (no arctangent in the expression language).
struct helical_valley_function {
  using vec = vector<3>;
  using mat = Eigen::Matrix3d;
  static constexpr double two_pi = 2 * std::numbers::pi;
  static double theta(const vec& x) {
    double t = std::atan2(x[1], x[0]) / two_pi;  // in (−½, ½]; the paper's branch is (−¼, ¾]
    if (t < -0.25) t += 1;
    return t;
  }
  static vector<3> residuals(const vec& x) {
    return {10 * (x[2] - 10 * theta(x)), 10 * (std::hypot(x[0], x[1]) - 1), x[2]};
  }
  static Eigen::Matrix3d jacobian(const vec& x) {
    const double r2 = x[0] * x[0] + x[1] * x[1], r = std::sqrt(r2);
    mat j;
    j << 100 * x[1] / (two_pi * r2), -100 * x[0] / (two_pi * r2), 10,  //
        10 * x[0] / r, 10 * x[1] / r, 0,                                //
        0, 0, 1;
    return j;
  }
  double value(const vec& x) const { return residuals(x).squaredNorm(); }
  vec gradient(const vec& x) const { return 2 * jacobian(x).transpose() * residuals(x); }
  /// ∇²f = 2(JᵀJ + Σᵢ rᵢ∇²rᵢ); ∇²r₁ = −100∇²θ, ∇²r₂ = 10∇²‖(x₁, x₂)‖, ∇²r₃ = 0.
  mat hessian(const vec& x) const {
    const vec res = residuals(x);
    const double x1 = x[0], x2 = x[1], r2 = x1 * x1 + x2 * x2, r = std::sqrt(r2), r4 = r2 * r2, r3 = r2 * r;
    mat theta_h = mat::Zero(), norm_h = mat::Zero();
    theta_h(0, 0) = 2 * x1 * x2 / (two_pi * r4);
    theta_h(1, 1) = -2 * x1 * x2 / (two_pi * r4);
    theta_h(0, 1) = theta_h(1, 0) = (x2 * x2 - x1 * x1) / (two_pi * r4);
    norm_h(0, 0) = x2 * x2 / r3;
    norm_h(1, 1) = x1 * x1 / r3;
    norm_h(0, 1) = norm_h(1, 0) = -x1 * x2 / r3;
    const mat j = jacobian(x);
    return 2 * (j.transpose() * j + res[0] * (-100 * theta_h) + res[1] * (10 * norm_h));
  }
};
struct helical_valley {
  static constexpr int n = 3;
  static constexpr const char* name = "helical_valley";
  static constexpr double minimum = 0;
  static helical_valley_function objective() { return {}; }
  static vector<3> start() { return {-1.0, 0.0, 0.0}; }
};

/// #8 Bard, m = 15: rᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)), uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ);
/// x0 = (1, 1, 1); f* = 8.21487…e−3; also f = 17.4286… as x₂, x₃ → −∞.
struct bard {
  static constexpr int n = 3;
  static constexpr const char* name = "bard";
  static constexpr double minimum = 8.214877306578e-3;
  static auto objective() {
    static constexpr std::array<double, 15> y{0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39,
                                              0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};
    return sum_of_squares<15>([](std::size_t k) {
      const auto [x1, x2, x3] = gradus::variables<3>();
      const double u = double(k + 1), v = 16 - u, w = std::fmin(u, v);
      return y[k] - (x1 + u / (v * x2 + w * x3));
    });
  }
  static vector<3> start() { return {1.0, 1.0, 1.0}; }
};

/// #9 Gaussian, m = 15: rᵢ = x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ, tᵢ = (8 − i)/2; x0 = (0.4, 1, 0);
/// f* = 1.12793…e−8.
struct gaussian {
  static constexpr int n = 3;
  static constexpr const char* name = "gaussian";
  static constexpr double minimum = 1.12793276961e-8;
  static auto objective() {
    static constexpr std::array<double, 15> y{0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
                                              0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
    return sum_of_squares<15>([](std::size_t k) {
      const auto [x1, x2, x3] = gradus::variables<3>();
      const double t = (8 - double(k + 1)) / 2;
      return x1 * gradus::exp(-0.5 * x2 * gradus::square(t - x3)) - y[k];
    });
  }
  static vector<3> start() { return {0.4, 1.0, 0.0}; }
};

/// #12 Box three-dimensional, m = 10: rᵢ = e^(−tᵢx₁) − e^(−tᵢx₂) − x₃(e^(−tᵢ) − e^(−10tᵢ)),
/// tᵢ = 0.1 i; x0 = (0, 10, 20); f* = 0 at (1, 10, 1), (10, 1, −1) and wherever x₁ = x₂, x₃ = 0.
struct box_3d {
  static constexpr int n = 3;
  static constexpr const char* name = "box_3d";
  static constexpr double minimum = 0;
  static auto objective() {
    return sum_of_squares<10>([](std::size_t k) {
      const auto [x1, x2, x3] = gradus::variables<3>();
      const double t = 0.1 * double(k + 1);
      return gradus::exp(-t * x1) - gradus::exp(-t * x2) - (std::exp(-t) - std::exp(-10 * t)) * x3;
    });
  }
  static vector<3> start() { return {0.0, 10.0, 20.0}; }
};

/// #13 Powell singular: r = (x₁ + 10x₂, √5(x₃ − x₄), (x₂ − 2x₃)², √10(x₁ − x₄)²);
/// x0 = (3, −1, 0, 1); f* = 0 at the origin, where the Hessian is singular.
struct powell_singular {
  static constexpr int n = 4;
  static constexpr const char* name = "powell_singular";
  static constexpr double minimum = 0;
  static auto objective() {
    auto [x1, x2, x3, x4] = gradus::variables<4>();
    return gradus::square(x1 + 10 * x2) + 5 * gradus::square(x3 - x4) + gradus::pow<4>(x2 - 2 * x3) +
           10 * gradus::pow<4>(x1 - x4);
  }
  static vector<4> start() { return {3.0, -1.0, 0.0, 1.0}; }
};

/// #14 Wood: r = (10(x₂ − x₁²), 1 − x₁, √90(x₄ − x₃²), 1 − x₃, √10(x₂ + x₄ − 2), (x₂ − x₄)/√10);
/// x0 = (−3, −1, −3, −1); f* = 0 at (1, 1, 1, 1).
struct wood {
  static constexpr int n = 4;
  static constexpr const char* name = "wood";
  static constexpr double minimum = 0;
  static auto objective() {
    auto [x1, x2, x3, x4] = gradus::variables<4>();
    return 100 * gradus::square(x2 - x1 * x1) + gradus::square(1 - x1) + 90 * gradus::square(x4 - x3 * x3) +
           gradus::square(1 - x3) + 10 * gradus::square(x2 + x4 - 2) + 0.1 * gradus::square(x2 - x4);
  }
  static vector<4> start() { return {-3.0, -1.0, -3.0, -1.0}; }
};

/// #18 Biggs EXP6, m = 13: rᵢ = x₃e^(−tᵢx₁) − x₄e^(−tᵢx₂) + x₆e^(−tᵢx₅) − yᵢ, tᵢ = 0.1 i,
/// yᵢ = e^(−tᵢ) − 5e^(−10tᵢ) + 3e^(−4tᵢ); x0 = (1, 2, 1, 1, 1, 1); f* = 0 at (1, 10, 1, 5, 4, 3)
/// (and elsewhere); the paper also lists the local minimum f = 5.65565…e−3.
struct biggs_exp6 {
  static constexpr int n = 6;
  static constexpr const char* name = "biggs_exp6";
  static constexpr double minimum = 0;
  static constexpr double local_minimum = 5.655649925e-3;
  static auto objective() {
    return sum_of_squares<13>([](std::size_t k) {
      const auto [x1, x2, x3, x4, x5, x6] = gradus::variables<6>();
      const double t = 0.1 * double(k + 1);
      const double y = std::exp(-t) - 5 * std::exp(-10 * t) + 3 * std::exp(-4 * t);
      return x3 * gradus::exp(-t * x1) - x4 * gradus::exp(-t * x2) + x6 * gradus::exp(-t * x5) - y;
    });
  }
  static vector<6> start() { return {1.0, 2.0, 1.0, 1.0, 1.0, 1.0}; }
};

/// #20 Watson, n = 6, m = 31: for tᵢ = i/29, i = 1 … 29,
///   rᵢ = Σⱼ₌₂ⁿ (j − 1) xⱼ tᵢ^(j−2) − (Σⱼ₌₁ⁿ xⱼ tᵢ^(j−1))² − 1,   r₃₀ = x₁,   r₃₁ = x₂ − x₁² − 1;
/// x0 = 0; f* = 2.28767…e−3.
/// The 29 residuals differ only in tᵢ, so they are one loss with a data placeholder t summed
/// over the 29 values (gradus::sum_over); the two last residuals are an expression. (Written
/// as one expression of 31 residuals its tape has about 1000 nodes: building it at compile time
/// exceeds GCC 12's default constexpr operation limit, and its exact Hessian would take minutes
/// to compile.) A class template, so that only a test that uses it compiles it.
template <int N = 6>
struct watson_function {
  static_assert(N == 6, "written for n = 6");
  using vec = vector<N>;
  static const std::array<double, 29>& times() {
    static const std::array<double, 29> t = [] {
      std::array<double, 29> out{};
      for (std::size_t i = 0; i < out.size(); ++i) out[i] = double(i + 1) / 29;
      return out;
    }();
    return t;
  }
  /// rᵢ² with t = col<0>, the polynomials in Horner form.
  static auto residual_square() {
    const auto [x1, x2, x3, x4, x5, x6] = gradus::variables<6>();
    const gradus::col<0> t{};
    const auto level = x1 + t * (x2 + t * (x3 + t * (x4 + t * (x5 + t * x6))));
    const auto slope = x2 + t * (2 * x3 + t * (3 * x4 + t * (4 * x5 + t * (5 * x6))));
    return gradus::square(slope - gradus::square(level) - 1);
  }
  static auto last_residuals() {
    const auto [x1, x2] = gradus::variables<2>();
    return x1 * x1 + gradus::square(x2 - x1 * x1 - 1);
  }
  decltype(gradus::sum_over(residual_square(), gradus::dataset(times()))) fitted =
      gradus::sum_over(residual_square(), gradus::dataset(times()));

  double value(const vec& x) const { return fitted.value(x) + gradus::value(last_residuals(), x); }
  vec gradient(const vec& x) const { return fitted.gradient(x) + gradus::gradient(last_residuals(), x); }
  std::pair<double, vec> value_and_gradient(const vec& x) const {
    const auto [v1, g1] = fitted.value_and_gradient(x);
    const auto [v2, g2] = gradus::value_and_gradient(last_residuals(), x);
    return {v1 + v2, g1 + g2};
  }
  Eigen::Matrix<double, N, N> hessian(const vec& x) const {
    return fitted.hessian(x) + gradus::hessian(last_residuals(), x);
  }
};
struct watson {
  static constexpr int n = 6;
  static constexpr const char* name = "watson";
  static constexpr double minimum = 2.287670053552e-3;
  static watson_function<> objective() { return {}; }
  static vector<6> start() { return vector<6>::Zero(); }
};

/// #21 Extended Rosenbrock, n = N even: r₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), r₂ᵢ = 1 − x₂ᵢ₋₁;
/// x0 = (−1.2, 1, −1.2, 1, …); f* = 0 at (1, …, 1).
template <int N>
struct extended_rosenbrock {
  static_assert(N % 2 == 0, "the extended Rosenbrock function needs an even n");
  static constexpr int n = N;
  static constexpr const char* name = "extended_rosenbrock";
  static constexpr double minimum = 0;
  static auto objective() {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return gradus::sum(gradus::vector((100 * gradus::square(gradus::var<2 * I + 1>{} - gradus::square(gradus::var<2 * I>{})) +
                                         gradus::square(1 - gradus::var<2 * I>{}))...));
    }(std::make_index_sequence<std::size_t(N / 2)>{});
  }
  static vector<N> start() {
    vector<N> x;
    for (int i = 0; i < N; i += 2) x[i] = -1.2, x[i + 1] = 1.0;
    return x;
  }
};

}  // namespace gradus::test::mgh_expr
