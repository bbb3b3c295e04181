// The check every Hock–Schittkowski test applies (see hock_schittkowski.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>

#include <catch2/catch.hpp>

#include "hock_schittkowski.hpp"

namespace hs {

/// Solves from the standard x0 and checks: converged; f within 1e-6 of f* (relative, absolute
/// when |f*| < 1); every KKT residual <= 1e-6, as reported and as recomputed by kkt_residuals;
/// α >= 0.
template <class P>
auto check(const instance<P>& p) {
  const auto k = gradus::solve_kkt(p.prob, p.x0);
  std::ostringstream report;
  report << "HS" << p.number << ": " << k;
  INFO(report.str());
  CHECK(k.converged());
  CHECK(std::abs(k.value - p.f_star) <= 1e-6 * std::max(1.0, std::abs(p.f_star)));
  CHECK(k.residuals.max() <= 1e-6);
  const gradus::kkt_report again = gradus::kkt_residuals(p.prob, k.x, k.lambda, k.alpha);
  CHECK(again.max() <= 1e-6);
  int negative = 0;
  for (Eigen::Index j = 0; j < k.alpha.size(); ++j) negative += k.alpha[j] < 0;
  CHECK(negative == 0);
  return k;
}

}  // namespace hs
