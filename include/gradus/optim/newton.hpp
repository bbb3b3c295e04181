// Newton's method with a modified Hessian and a line search.
//
// Newton's step minimizes the local quadratic model m(d) = f + gᵀd + ½dᵀHd:
//     H d = −g,   x ← x + λ d,          g = ∇f(x), H = ∇²f(x),
// solved by a Cholesky factorization H = LLᵀ. On a positive-definite quadratic, such as
// ½‖Ax − b‖² with A of full column rank, the unit step lands on the minimizer: one iteration.
//
// Where H is not positive definite the model has no minimum, and the Newton step goes to the
// model's critical point — near a saddle of f, to the saddle (plain Newton is attracted to
// saddles, which is why it is rarely used unmodified). Then the Cholesky factorization fails
// and this implementation adds a multiple of the identity until it succeeds (Nocedal & Wright,
// Numerical Optimization, Algorithm 3.3, "Cholesky with added multiple of the identity"):
//     β = shift · ‖H‖_F,   τ₀ = β − min Hᵢᵢ if that is positive, else β,
//     try H + τₖI = LLᵀ;  on failure τₖ₊₁ = 2τₖ,
// so τ ends between |λ_min(H)| and about 2|λ_min(H)| + 2β (at most ~log₂(1/shift) + 2 tries, as
// |λ_min| <= ‖H‖_F). H + τI is positive definite, so d = −(H + τI)⁻¹g is a descent direction;
// along an eigenvector of negative curvature λ its component is g/(τ − |λ|), large and pointing
// downhill: the iteration moves away from a saddle instead of towards it. (Where H = 0 the
// step is −g.) When H is positive definite nothing is modified and the step is the Newton step.
//
// The step length λ comes from `step` (default: backtracking from λ = 1, the Armijo rule);
// fixed_step{1.0} gives the undamped Newton iteration. `modify_hessian = false` gives PLAIN
// Newton: d solves H d = −g by a pivoted LDLᵀ factorization whatever the signs of H's
// eigenvalues. With a line search plain Newton stops with line_search_failed where d is not
// a descent direction; with fixed_step it follows d anyway (to a saddle or a maximum if the
// model says so).
//
// Each iteration evaluates the exact Hessian once (r.hessian_evaluations) and factors it:
// O(n³). For fixed-size problems the iteration allocates nothing.
#pragma once

#include <cmath>
#include <string_view>
#include <utility>

#include <Eigen/Cholesky>
#include <Eigen/Core>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/direction_step.hpp>
#include <gradus/optim/detail/prelude.hpp>
#include <gradus/optim/step_rule.hpp>

namespace gradus {

struct newton {
  step_rule step = backtracking{};  ///< fixed_step, backtracking or strong_wolfe (λ₀ = 1)
  bool modify_hessian = true;       ///< false: plain Newton, attracted to saddles (see above)
  double shift = 1e-3;              ///< β / ‖H‖_F of the τI modification (see above), > 0
};

namespace detail {

template <class X, class Rule>
struct newton_stepper {
  static constexpr int n_fixed = X::RowsAtCompileTime;
  using matrix = Eigen::Matrix<double, n_fixed, n_fixed>;

  Rule rule;
  bool modify;
  double shift;
  matrix hessian, shifted;
  Eigen::LLT<matrix> cholesky;
  Eigen::LDLT<matrix> ldlt;
  X direction;
  line_workspace<X> work;

  newton_stepper(const Rule& r, const newton& m, Eigen::Index n)
      : rule(r), modify(m.modify_hessian), shift(m.shift), hessian(n, n), shifted(n, n), cholesky(n), ldlt(n),
        direction(n), work(n) {}

  /// Factors H + τI with the smallest τ of the sequence τ₀, 2τ₀, 4τ₀, … that is positive
  /// definite (H itself first). False only when H = 0 or is not finite.
  bool factor_modified() {
    cholesky.compute(hessian);
    if (cholesky.info() == Eigen::Success) return true;
    const double beta = shift * hessian.norm();
    if (!(beta > 0) || !std::isfinite(beta)) return false;
    const double min_diagonal = hessian.diagonal().minCoeff();
    double tau = min_diagonal > 0 ? beta : beta - min_diagonal;
    // τ passes ‖H‖_F >= |λ_min(H)| after about log₂(1/shift) doublings; 64 leaves room for rounding.
    for (int attempt = 0; attempt < 64; ++attempt, tau *= 2) {
      shifted = hessian;
      shifted.diagonal().array() += tau;
      cholesky.compute(shifted);
      if (cholesky.info() == Eigen::Success) return true;
    }
    return false;
  }

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    hessian = ev.hessian(it.x);
    if (!hessian.allFinite()) return {0, status::non_finite};
    const double scale = ctx.gradient_scale;
    if (modify) {
      if (factor_modified()) {
        direction = cholesky.solve(it.gradient);
        direction *= -scale;
      } else {
        direction.noalias() = -scale * it.gradient;
      }
    } else {
      ldlt.compute(hessian);
      direction = ldlt.solve(it.gradient);
      direction *= -scale;
      if (!all_finite(direction)) return {0, status::non_finite};
    }
    double slope = it.gradient.dot(direction);
    if constexpr (!std::is_same_v<Rule, fixed_step>) {
      if (!(slope < 0)) {
        if (!modify) return {0, status::line_search_failed};
        direction.noalias() = -scale * it.gradient;  // rounding spoilt a descent direction
        slope = it.gradient.dot(direction);
      }
    }
    return advance(ev, it, direction, slope, rule, rule_initial(), work);
  }

  double rule_initial() const {
    if constexpr (std::is_same_v<Rule, fixed_step>) return rule.size;
    else return rule.initial;
  }
};

}  // namespace detail

template <>
struct method_traits<newton> {
  static constexpr std::string_view name = "newton";
  template <class F, class X>
  static result<X> run(const newton& m, const F& f, X x0, const options& opts) {
    static_assert(expression_objective<F, X> || objective_access::has_hessian<F, X>,
                  "gradus::newton needs the exact Hessian: give the objective a member hessian(x) returning an "
                  "Eigen matrix, or write it as a gradus expression (or use gradus::bfgs / gradus::lbfgs, which "
                  "need only the gradient)");
    detail::require(m.shift > 0 && std::isfinite(m.shift), "gradus::newton: shift must be a finite number > 0");
    const Eigen::Index n = x0.size();
    return detail::with_direction_rule<result<X>>(m.step, "gradus::newton", [&](const auto& rule) {
      using R = std::remove_cvref_t<decltype(rule)>;
      return detail::drive(detail::newton_stepper<X, R>(rule, m, n), f, std::move(x0), opts);
    });
  }
};

}  // namespace gradus
