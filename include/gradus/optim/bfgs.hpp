// BFGS: a quasi-Newton method that builds an approximation Hₖ of the INVERSE Hessian from
// the gradients it has already seen.
//
//   dₖ = −Hₖ gₖ,   xₖ₊₁ = xₖ + λₖ dₖ   (λₖ: strong Wolfe line search from λ = 1),
//   sₖ = xₖ₊₁ − xₖ,   yₖ = gₖ₊₁ − gₖ,   ρₖ = 1 / yₖᵀsₖ,
//   Hₖ₊₁ = (I − ρₖ sₖyₖᵀ) Hₖ (I − ρₖ yₖsₖᵀ) + ρₖ sₖsₖᵀ
//        = Hₖ − ρₖ (Hₖyₖ sₖᵀ + sₖ (Hₖyₖ)ᵀ) + (ρₖ² yₖᵀHₖyₖ + ρₖ) sₖsₖᵀ.
// Hₖ₊₁ satisfies the secant equation Hₖ₊₁yₖ = sₖ and stays positive definite exactly when the
// curvature condition yₖᵀsₖ > 0 holds, which the strong Wolfe conditions guarantee. When it
// does not (a fixed step or backtracking on a nonconvex f, or rounding), the update is SKIPPED:
// yᵀs <= ε‖y‖‖s‖ leaves H unchanged. H₀ = I, rescaled to (yᵀs / yᵀy) I just before the first
// update (Nocedal & Wright, Numerical Optimization, eq. 6.20); the first line search starts
// from λ = min(1, 1/‖d₀‖), so the first trial moves x by at most a unit distance. If rounding
// ever makes d an ascent direction, H is reset to I.
//
// Cost per iteration: O(n²) (two matrix-vector products and a rank-2 update) plus the line
// search's evaluations. Memory: one n × n matrix — for large n use lbfgs. For fixed-size
// problems the iteration allocates nothing.
#pragma once

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include <Eigen/Core>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/direction_step.hpp>
#include <gradus/optim/detail/prelude.hpp>
#include <gradus/optim/step_rule.hpp>

namespace gradus {

/// BFGS: quasi-Newton descent along −Hₖ∇f with the inverse-Hessian approximation Hₖ updated from
/// each step's (s, y); the update is skipped when yᵀs ≤ ε‖y‖‖s‖. Use as `minimize(f, x0, bfgs{})`.
struct bfgs {
  step_rule step = strong_wolfe{};  ///< strong_wolfe (recommended), backtracking or fixed_step
};

namespace detail {

/// yᵀs large enough, relative to ‖y‖‖s‖, for a quasi-Newton update to keep H positive definite.
template <class X>
bool curvature_condition(const X& s, const X& y, double ys) {
  return ys > std::numeric_limits<double>::epsilon() * s.norm() * y.norm() && std::isfinite(ys);
}

template <class Rule>
double first_trial(const Rule& rule, double direction_norm) {
  if constexpr (std::is_same_v<Rule, fixed_step>) return rule.size;
  else return rule.initial * std::fmin(1.0, 1.0 / direction_norm);
}
template <class Rule>
double later_trial(const Rule& rule) {
  if constexpr (std::is_same_v<Rule, fixed_step>) return rule.size;
  else return rule.initial;
}

template <class X, class Rule>
struct bfgs_stepper {
  static constexpr int n_fixed = X::RowsAtCompileTime;
  using matrix = Eigen::Matrix<double, n_fixed, n_fixed>;

  Rule rule;
  matrix inverse_hessian;
  X direction, s, y, hy;
  line_workspace<X> work;
  bool scaled = false;  ///< H₀ has been rescaled (an update has happened since the last reset)

  bfgs_stepper(const Rule& r, Eigen::Index n)
      : rule(r), inverse_hessian(matrix::Identity(n, n)), direction(n), s(n), y(n), hy(n), work(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    direction.noalias() = inverse_hessian * it.gradient;
    direction *= -ctx.gradient_scale;
    double slope = it.gradient.dot(direction);
    if (!(slope < 0)) {
      inverse_hessian.setIdentity();
      scaled = false;
      direction.noalias() = -ctx.gradient_scale * it.gradient;
      slope = it.gradient.dot(direction);
    }
    s = it.x;
    y = it.gradient;
    const step_report report =
        advance(ev, it, direction, slope, rule, scaled ? later_trial(rule) : first_trial(rule, direction.norm()), work);
    if (report.stop) return report;
    s = it.x - s;
    y = it.gradient - y;
    update();
    return report;
  }

  void update() {
    const double ys = y.dot(s);
    if (!curvature_condition(s, y, ys)) return;
    if (!scaled) {
      inverse_hessian *= ys / y.squaredNorm();
      scaled = true;
    }
    const double rho = 1 / ys;
    hy.noalias() = inverse_hessian * y;
    const double yhy = y.dot(hy);
    inverse_hessian.noalias() -= rho * (hy * s.transpose());
    inverse_hessian.noalias() -= rho * (s * hy.transpose());
    inverse_hessian.noalias() += (rho * rho * yhy + rho) * (s * s.transpose());
  }
};

}  // namespace detail

template <>
struct method_traits<bfgs> {
  static constexpr std::string_view name = "bfgs";
  template <class F, class X>
  static result<X> run(const bfgs& m, const F& f, X x0, const options& opts) {
    const Eigen::Index n = x0.size();
    return detail::with_direction_rule<result<X>>(m.step, "gradus::bfgs", [&](const auto& rule) {
      using R = std::remove_cvref_t<decltype(rule)>;
      return detail::drive(detail::bfgs_stepper<X, R>(rule, n), f, std::move(x0), opts);
    });
  }
};

}  // namespace gradus
