// L-BFGS: BFGS whose inverse-Hessian approximation is never formed. It keeps the last m pairs
// sᵢ = xᵢ₊₁ − xᵢ, yᵢ = gᵢ₊₁ − gᵢ (ρᵢ = 1/yᵢᵀsᵢ) and applies Hₖ to g by the two-loop recursion
// (Nocedal 1980; Nocedal & Wright, Algorithm 7.4):
//
//   q ← g
//   for i = k−1, …, k−m (newest first):   αᵢ ← ρᵢ sᵢᵀq,   q ← q − αᵢ yᵢ
//   r ← γₖ q,   γₖ = sₖ₋₁ᵀyₖ₋₁ / yₖ₋₁ᵀyₖ₋₁            (H₀ = γₖ I, the scaling of eq. 7.20)
//   for i = k−m, …, k−1 (oldest first):   β ← ρᵢ yᵢᵀr,    r ← r + sᵢ (αᵢ − β)
//   d = −r,   x ← x + λd   (λ: strong Wolfe line search from λ = 1)
//
// which equals −Hₖg for the BFGS matrix built from H₀ by the m stored updates, in O(mn)
// operations and O(mn) memory. A pair is stored only if it satisfies the curvature condition
// yᵀs > ε‖y‖‖s‖ (otherwise skipped: H would lose positive definiteness). The first line search
// starts from λ = min(1, 1/‖d₀‖); if rounding makes d an ascent direction the memory is cleared.
// The m pairs are allocated once per run (n × m each); the iteration itself allocates nothing
// for fixed-size problems.
#pragma once

#include <cmath>
#include <cstddef>
#include <string_view>
#include <utility>

#include <Eigen/Core>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/bfgs.hpp>
#include <gradus/optim/detail/direction_step.hpp>
#include <gradus/optim/detail/prelude.hpp>
#include <gradus/optim/step_rule.hpp>

namespace gradus {

/// Limited-memory BFGS: the BFGS direction from the last `memory` pairs (s, y) by the two-loop
/// recursion, O(m·n) per iteration. Use as `minimize(f, x0, lbfgs{.memory = 10})`.
struct lbfgs {
  std::size_t memory = 10;          ///< m, the number of (s, y) pairs kept
  step_rule step = strong_wolfe{};  ///< strong_wolfe (recommended), backtracking or fixed_step
};

namespace detail {

template <class X, class Rule>
struct lbfgs_stepper {
  static constexpr int n_fixed = X::RowsAtCompileTime;
  using history = Eigen::Matrix<double, n_fixed, Eigen::Dynamic>;

  Rule rule;
  Eigen::Index memory;
  history s, y;                 ///< column i: the pair in slot i of a ring buffer
  Eigen::VectorXd rho, alpha;
  Eigen::Index stored = 0;      ///< pairs in memory
  Eigen::Index newest = -1;     ///< slot of the newest pair
  double gamma = 1;             ///< sᵀy / yᵀy of the newest pair
  X direction, previous_x, previous_gradient;
  line_workspace<X> work;

  lbfgs_stepper(const Rule& r, std::size_t m, Eigen::Index n)
      : rule(r), memory(Eigen::Index(m)), s(n, memory), y(n, memory), rho(memory), alpha(memory), direction(n),
        previous_x(n), previous_gradient(n), work(n) {}

  Eigen::Index slot(Eigen::Index age) const { return (newest - age + memory) % memory; }

  /// direction = −Hₖ · (scale · g) by the two-loop recursion.
  void two_loop(const X& g, double scale) {
    direction.noalias() = scale * g;
    for (Eigen::Index age = 0; age < stored; ++age) {
      const Eigen::Index i = slot(age);
      alpha[i] = rho[i] * s.col(i).dot(direction);
      direction.noalias() -= alpha[i] * y.col(i);
    }
    direction *= gamma;
    for (Eigen::Index age = stored - 1; age >= 0; --age) {
      const Eigen::Index i = slot(age);
      const double beta = rho[i] * y.col(i).dot(direction);
      direction.noalias() += (alpha[i] - beta) * s.col(i);
    }
    direction = -direction;
  }

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    two_loop(it.gradient, ctx.gradient_scale);
    double slope = it.gradient.dot(direction);
    if (!(slope < 0)) {
      stored = 0;
      gamma = 1;
      direction.noalias() = -ctx.gradient_scale * it.gradient;
      slope = it.gradient.dot(direction);
    }
    previous_x = it.x;
    previous_gradient = it.gradient;
    const double initial = stored > 0 ? later_trial(rule) : first_trial(rule, direction.norm());
    const step_report report = advance(ev, it, direction, slope, rule, initial, work);
    if (report.stop) return report;

    // s and y of this step, kept out of the ring until they pass the curvature test (the slot
    // they go to holds the oldest pair, which a skipped pair must not overwrite).
    previous_x = it.x - previous_x;
    previous_gradient = it.gradient - previous_gradient;
    const double ys = previous_gradient.dot(previous_x);
    if (curvature_condition(previous_x, previous_gradient, ys)) {
      newest = (newest + 1) % memory;
      s.col(newest) = previous_x;
      y.col(newest) = previous_gradient;
      rho[newest] = 1 / ys;
      gamma = ys / previous_gradient.squaredNorm();
      if (stored < memory) ++stored;
    }
    return report;
  }
};

}  // namespace detail

template <>
struct method_traits<lbfgs> {
  static constexpr std::string_view name = "lbfgs";
  template <class F, class X>
  static result<X> run(const lbfgs& m, const F& f, X x0, const options& opts) {
    detail::check_argument(m.memory >= 1, "gradus::lbfgs: memory must be at least 1");
    const Eigen::Index n = x0.size();
    return detail::with_direction_rule<result<X>>(m.step, "gradus::lbfgs", [&](const auto& rule) {
      using R = std::remove_cvref_t<decltype(rule)>;
      return detail::drive(detail::lbfgs_stepper<X, R>(rule, m.memory, n), f, std::move(x0), opts);
    });
  }
};

}  // namespace gradus
