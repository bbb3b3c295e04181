// Law suite for symbolic derivatives (diff/): at 1,000 random points of a domain,
//   value(gradient_expr(f)[i], p)        == gradient(f, p)[i]     (to rounding, 1e-12)
//   value(get<i, j>(hessian_expr(f)), p)  == hessian(f, p)(i, j)   (to rounding, 1e-12)
// and both agree with central finite differences (of f, and of the symbolic gradient) to
// 1e-6, relative to max(1, |f| or |g_j|, |expected|).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <utility>

#include <Eigen/Core>

#include <gradus/gradus.hpp>

namespace gradus_test {

/// Largest |a − b| / max(1, |a|, |b|) seen, and where.
struct worst_error {
  double error = 0;
  std::array<double, 3> at{};
  double expected = 0, actual = 0;
  void update(double expected_value, double actual_value, double scale,
              const std::array<double, 3>& p) {
    const double e =
        std::abs(expected_value - actual_value) / std::max({1.0, scale, std::abs(expected_value)});
    if (!(e <= error)) {  // also catches NaN
      error = std::isnan(e) ? INFINITY : e;
      at = p;
      expected = expected_value;
      actual = actual_value;
    }
  }
};

#define GRADUS_TEST_CHECK_SMALL(w, tolerance)                                                     \
  do {                                                                                            \
    INFO(#w << ": worst error " << (w).error << " at (" << (w).at[0] << ", " << (w).at[1] << ", " \
            << (w).at[2] << "): expected " << (w).expected << ", got " << (w).actual);            \
    CHECK((w).error <= (tolerance));                                                              \
  } while (false)

/// Checks the four laws for f at 1,000 points of the box [−2, 2]³ where in_domain(p) holds.
template <class F, class Domain>
void check_symbolic_laws(const F& f, Domain in_domain, unsigned seed) {
  constexpr int n = int(gradus::arity_v<F>);
  static_assert(n == 3);
  using gradus::get;
  using gradus::value;
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
    const auto gs = value(G, p);  // the symbolic gradient
    // Each entry separately: one compiled program per entry keeps each one small.
    std::array<std::array<double, 3>, 3> hs{};
    [&]<std::size_t... K>(std::index_sequence<K...>) {
      ((hs[K / 3][K % 3] = value(get<K / 3, K % 3>(H), p)), ...);
    }(std::make_index_sequence<9>{});
    for (int i = 0; i < n; ++i) {
      symbolic_vs_reverse.update(g[i], gs[i], 0, p);
      const double step = 6e-6 * std::max(1.0, std::abs(p[i]));
      auto plus = p, minus = p;
      plus[i] += step;
      minus[i] -= step;
      gradient_vs_fd.update(gs[i], (value(f, plus) - value(f, minus)) / (plus[i] - minus[i]),
                            std::abs(fp), p);
      const auto gs_plus = value(G, plus), gs_minus = value(G, minus);
      for (int j = 0; j < n; ++j) {
        symbolic_vs_hessian.update(h(i, j), hs[i][j], 0, p);
        // column i of the Hessian is the derivative of the gradient along x_i
        hessian_vs_fd.update(hs[j][i], (gs_plus[j] - gs_minus[j]) / (plus[i] - minus[i]),
                             std::abs(gs[j]), p);
      }
    }
  }
  GRADUS_TEST_CHECK_SMALL(symbolic_vs_reverse, 1e-12);
  GRADUS_TEST_CHECK_SMALL(symbolic_vs_hessian, 1e-12);
  GRADUS_TEST_CHECK_SMALL(gradient_vs_fd, 1e-6);
  GRADUS_TEST_CHECK_SMALL(hessian_vs_fd, 1e-6);
}

/// Every point of the box.
inline constexpr auto anywhere = [](const std::array<double, 3>&) { return true; };

}  // namespace gradus_test
