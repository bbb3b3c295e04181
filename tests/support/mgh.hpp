// Moré, Garbow & Hillstrom, "Testing unconstrained optimization software" (ACM TOMS 7, 1981):
// test problems written as sums of squares f(x) = Σᵢ rᵢ(x)², with hand-written residuals and
// Jacobians, so that ∇f = 2 Jᵀ r. Each problem gives its standard starting point, a known
// minimizer and the minimum value. Fixed-size Eigen types: no heap allocation.
#pragma once

#include <cmath>

#include <Eigen/Core>

namespace gradus::test::mgh {

/// f(x) = Σ rᵢ(x)² with value, gradient and value_and_gradient members (an objective).
template <class Problem>
struct least_squares : Problem {
  static constexpr int n = Problem::n;
  using vector = Eigen::Matrix<double, n, 1>;
  double value(const vector& x) const { return this->residuals(x).squaredNorm(); }
  vector gradient(const vector& x) const { return 2 * this->jacobian(x).transpose() * this->residuals(x); }
};

/// #1 Rosenbrock: r = (10(x₂ − x₁²), 1 − x₁); x0 = (−1.2, 1); f* = 0 at (1, 1).
struct rosenbrock_residuals {
  static constexpr int n = 2, m = 2;
  static Eigen::Vector2d start() { return {-1.2, 1.0}; }
  static Eigen::Vector2d minimizer() { return {1.0, 1.0}; }
  Eigen::Vector2d residuals(const Eigen::Vector2d& x) const { return {10 * (x[1] - x[0] * x[0]), 1 - x[0]}; }
  Eigen::Matrix2d jacobian(const Eigen::Vector2d& x) const {
    Eigen::Matrix2d j;
    j << -20 * x[0], 10, -1, 0;
    return j;
  }
};
using rosenbrock = least_squares<rosenbrock_residuals>;

/// #2 Freudenstein and Roth; x0 = (0.5, −2); f* = 0 at (5, 4), and a local minimum
/// f = 48.9842… at (11.41…, −0.8968…).
struct freudenstein_roth_residuals {
  static constexpr int n = 2, m = 2;
  static Eigen::Vector2d start() { return {0.5, -2.0}; }
  static Eigen::Vector2d minimizer() { return {5.0, 4.0}; }
  Eigen::Vector2d residuals(const Eigen::Vector2d& x) const {
    return {-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]};
  }
  Eigen::Matrix2d jacobian(const Eigen::Vector2d& x) const {
    Eigen::Matrix2d j;
    j << 1, 10 * x[1] - 3 * x[1] * x[1] - 2, 1, 3 * x[1] * x[1] + 2 * x[1] - 14;
    return j;
  }
};
using freudenstein_roth = least_squares<freudenstein_roth_residuals>;

/// #3 Powell badly scaled: r = (10⁴x₁x₂ − 1, e^(−x₁) + e^(−x₂) − 1.0001); x0 = (0, 1);
/// f* = 0 at (1.098…e−5, 9.106…).
struct powell_badly_scaled_residuals {
  static constexpr int n = 2, m = 2;
  static Eigen::Vector2d start() { return {0.0, 1.0}; }
  static Eigen::Vector2d minimizer() { return {1.098159329699e-5, 9.106146739868}; }
  Eigen::Vector2d residuals(const Eigen::Vector2d& x) const {
    return {1e4 * x[0] * x[1] - 1, std::exp(-x[0]) + std::exp(-x[1]) - 1.0001};
  }
  Eigen::Matrix2d jacobian(const Eigen::Vector2d& x) const {
    Eigen::Matrix2d j;
    j << 1e4 * x[1], 1e4 * x[0], -std::exp(-x[0]), -std::exp(-x[1]);
    return j;
  }
};
using powell_badly_scaled = least_squares<powell_badly_scaled_residuals>;

/// #5 Beale: rᵢ = yᵢ − x₁(1 − x₂ⁱ), y = (1.5, 2.25, 2.625); x0 = (1, 1); f* = 0 at (3, 0.5).
struct beale_residuals {
  static constexpr int n = 2, m = 3;
  static Eigen::Vector2d start() { return {1.0, 1.0}; }
  static Eigen::Vector2d minimizer() { return {3.0, 0.5}; }
  Eigen::Vector3d residuals(const Eigen::Vector2d& x) const {
    return {1.5 - x[0] * (1 - x[1]), 2.25 - x[0] * (1 - x[1] * x[1]), 2.625 - x[0] * (1 - x[1] * x[1] * x[1])};
  }
  Eigen::Matrix<double, 3, 2> jacobian(const Eigen::Vector2d& x) const {
    Eigen::Matrix<double, 3, 2> j;
    j << -(1 - x[1]), x[0], -(1 - x[1] * x[1]), 2 * x[0] * x[1], -(1 - x[1] * x[1] * x[1]), 3 * x[0] * x[1] * x[1];
    return j;
  }
};
using beale = least_squares<beale_residuals>;

/// #14 Wood (n = 4); x0 = (−3, −1, −3, −1); f* = 0 at (1, 1, 1, 1).
struct wood_residuals {
  static constexpr int n = 4, m = 6;
  static Eigen::Vector4d start() { return {-3.0, -1.0, -3.0, -1.0}; }
  static Eigen::Vector4d minimizer() { return Eigen::Vector4d::Ones(); }
  Eigen::Matrix<double, 6, 1> residuals(const Eigen::Vector4d& x) const {
    Eigen::Matrix<double, 6, 1> r;
    r << 10 * (x[1] - x[0] * x[0]), 1 - x[0], std::sqrt(90.0) * (x[3] - x[2] * x[2]), 1 - x[2],
        std::sqrt(10.0) * (x[1] + x[3] - 2), (x[1] - x[3]) / std::sqrt(10.0);
    return r;
  }
  Eigen::Matrix<double, 6, 4> jacobian(const Eigen::Vector4d& x) const {
    Eigen::Matrix<double, 6, 4> j = Eigen::Matrix<double, 6, 4>::Zero();
    j(0, 0) = -20 * x[0], j(0, 1) = 10;
    j(1, 0) = -1;
    j(2, 2) = -2 * std::sqrt(90.0) * x[2], j(2, 3) = std::sqrt(90.0);
    j(3, 2) = -1;
    j(4, 1) = j(4, 3) = std::sqrt(10.0);
    j(5, 1) = 1 / std::sqrt(10.0), j(5, 3) = -1 / std::sqrt(10.0);
    return j;
  }
};
using wood = least_squares<wood_residuals>;

/// #21 Extended Rosenbrock (n even): r₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), r₂ᵢ = 1 − x₂ᵢ₋₁;
/// x0 = (−1.2, 1, −1.2, 1, …); f* = 0 at (1, …, 1).
template <int N>
struct extended_rosenbrock_residuals {
  static_assert(N % 2 == 0, "extended Rosenbrock needs an even n");
  static constexpr int n = N, m = N;
  using vector = Eigen::Matrix<double, N, 1>;
  static vector start() {
    vector x;
    for (int i = 0; i < N; i += 2) x[i] = -1.2, x[i + 1] = 1.0;
    return x;
  }
  static vector minimizer() { return vector::Ones(); }
  vector residuals(const vector& x) const {
    vector r;
    for (int i = 0; i < N; i += 2) r[i] = 10 * (x[i + 1] - x[i] * x[i]), r[i + 1] = 1 - x[i];
    return r;
  }
  Eigen::Matrix<double, N, N> jacobian(const vector& x) const {
    Eigen::Matrix<double, N, N> j = Eigen::Matrix<double, N, N>::Zero();
    for (int i = 0; i < N; i += 2) j(i, i) = -20 * x[i], j(i, i + 1) = 10, j(i + 1, i) = -1;
    return j;
  }
};
template <int N>
using extended_rosenbrock = least_squares<extended_rosenbrock_residuals<N>>;

}  // namespace gradus::test::mgh
