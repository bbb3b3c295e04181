// Shared by the data tests: the losses written with gradus, the same losses as plain double
// loops (the reference), and random datasets.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <tuple>
#include <vector>

#include <Eigen/Core>

#include <gradus/gradus.hpp>

namespace data_test {

/// Logistic regression on D features: θ = (w₀ … w_{D−1}, b), columns x₀ … x_{D−1}, y.
/// L = −[y log σ(z) + (1 − y) log σ(−z)], z = w·x + b.
template <std::size_t D>
auto logistic_loss() {
  const auto w = gradus::variables<D>();
  const auto x = gradus::columns<D>();
  constexpr gradus::var<D> b{};
  constexpr gradus::col<D> y{};
  const auto z = gradus::dot(w, x) + b;
  return -(y * gradus::log_sigmoid(z) + (1 - y) * gradus::log_sigmoid(-z));
}

/// Linear least squares on D features: L = (w·x + b − y)².
template <std::size_t D>
auto least_squares_loss() {
  const auto w = gradus::variables<D>();
  const auto x = gradus::columns<D>();
  constexpr gradus::var<D> b{};
  constexpr gradus::col<D> y{};
  return gradus::square(gradus::dot(w, x) + b - y);
}

/// D feature columns and one label column.
template <std::size_t D>
struct table {
  std::array<std::vector<double>, D + 1> columns;
  std::size_t rows() const { return columns[0].size(); }
  auto data() const {
    return std::apply([](const auto&... c) { return gradus::dataset(c...); }, columns);
  }
};

/// Features N(0, 1); labels Bernoulli(σ(true model)) when binary, else a noisy linear response.
template <std::size_t D>
table<D> random_table(std::size_t m, bool binary, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  table<D> t;
  for (auto& c : t.columns) c.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    double z = 0.25;
    for (std::size_t j = 0; j < D; ++j) {
      t.columns[j][i] = normal(rng);
      z += (j % 2 ? -0.5 : 0.75) * t.columns[j][i];
    }
    t.columns[D][i] = binary ? (uniform(rng) < 1.0 / (1.0 + std::exp(-z)) ? 1.0 : 0.0) : z + 0.1 * normal(rng);
  }
  return t;
}

/// A fixed parameter point (w, b) with entries of both signs.
template <std::size_t D>
Eigen::Matrix<double, int(D) + 1, 1> parameters() {
  Eigen::Matrix<double, int(D) + 1, 1> theta;
  for (std::size_t j = 0; j <= D; ++j) theta[Eigen::Index(j)] = 0.3 * std::cos(1.7 * double(j) + 0.4);
  return theta;
}

/// Value, gradient and Hessian of Σᵢ L over the rows, with a plain double loop.
struct reference {
  double value = 0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;
};

inline double log_sigmoid(double z) { return std::min(z, 0.0) - std::log1p(std::exp(-std::abs(z))); }

/// rows: the row indices to sum over (all rows when empty).
template <std::size_t D>
reference logistic_reference(const table<D>& t, const Eigen::VectorXd& theta, const std::vector<std::size_t>& rows = {}) {
  reference r;
  r.gradient = Eigen::VectorXd::Zero(D + 1);
  r.hessian = Eigen::MatrixXd::Zero(D + 1, D + 1);
  const std::size_t m = rows.empty() ? t.rows() : rows.size();
  for (std::size_t k = 0; k < m; ++k) {
    const std::size_t i = rows.empty() ? k : rows[k];
    Eigen::VectorXd a(D + 1);
    for (std::size_t j = 0; j < D; ++j) a[Eigen::Index(j)] = t.columns[j][i];
    a[D] = 1.0;
    const double z = a.dot(theta.head(D + 1));
    const double y = t.columns[D][i];
    const double p = 1.0 / (1.0 + std::exp(-z));
    r.value += -(y * log_sigmoid(z) + (1 - y) * log_sigmoid(-z));
    r.gradient += (p - y) * a;
    r.hessian += p * (1 - p) * a * a.transpose();
  }
  return r;
}

template <std::size_t D>
reference least_squares_reference(const table<D>& t, const Eigen::VectorXd& theta) {
  reference r;
  r.gradient = Eigen::VectorXd::Zero(D + 1);
  r.hessian = Eigen::MatrixXd::Zero(D + 1, D + 1);
  for (std::size_t i = 0; i < t.rows(); ++i) {
    Eigen::VectorXd a(D + 1);
    for (std::size_t j = 0; j < D; ++j) a[Eigen::Index(j)] = t.columns[j][i];
    a[D] = 1.0;
    const double res = a.dot(theta.head(D + 1)) - t.columns[D][i];
    r.value += res * res;
    r.gradient += 2 * res * a;
    r.hessian += 2 * a * a.transpose();
  }
  return r;
}

/// max |a − b| / max(1, max |b|).
template <class A, class B>
double relative_error(const Eigen::MatrixBase<A>& a, const Eigen::MatrixBase<B>& b) {
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

}  // namespace data_test
