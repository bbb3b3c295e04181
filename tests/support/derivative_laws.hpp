// Shared law suite for derivatives: every evaluation mode must agree with the others and
// with finite differences. Used by the tests of eval/, diff/ and the differential suites.
#pragma once

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include <Eigen/Core>

namespace gradus_test {

/// f'(x) along coordinate i by the five-point stencil (error O(h⁴)).
template <class F, class V>
double fd_partial(const F& f, V x, int i, double h) {
  const double xi = x[i];
  auto at = [&](double t) { x[i] = xi + t; return double(f(x)); };
  return (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
}

/// Relative-and-absolute closeness: |a − b| <= tol · max(1, |a|, |b|).
inline bool close(double a, double b, double tol) {
  if (std::isnan(a) || std::isnan(b)) return false;
  return std::abs(a - b) <= tol * std::max({1.0, std::abs(a), std::abs(b)});
}

struct rng {
  std::mt19937_64 gen;
  explicit rng(unsigned long long seed) : gen(seed) {}
  double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(gen); }
  template <int N>
  Eigen::Matrix<double, N, 1> point(double lo, double hi) {
    Eigen::Matrix<double, N, 1> p;
    for (int i = 0; i < N; ++i) p[i] = uniform(lo, hi);
    return p;
  }
};

}  // namespace gradus_test
