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
// and this implementation modifies H through its eigendecomposition H = QΛQᵀ (cyclic Jacobi,
// detail/symmetric_eigen.hpp):
//     H̃ = Q |Λ|_δ Qᵀ,    (|Λ|_δ)ᵢᵢ = max(|λᵢ|, δ),    δ = min_curvature · max|λᵢ|,
// i.e. each eigenvalue is replaced by its absolute value, clamped away from zero (Greenstadt's
// modification; the "saddle-free Newton" step of Dauphin et al. 2014). H̃ is positive definite,
// so d = −H̃⁻¹g is a descent direction; along an eigenvector of negative curvature its
// component, −(qᵢᵀg)/|λᵢ|, now points downhill, away from the saddle, and each direction keeps
// its own scale. (Where H = 0 the step is −g.) When H is positive definite nothing is modified.
// The other classical modification, adding τI until H + τI is positive definite (Nocedal &
// Wright, Algorithm 3.3), was tried and dropped: the shift is the same in every direction, so
// a strongly negative eigenvalue orthogonal to the gradient (as on Biggs EXP6, whose iterates
// keep a symmetry) forces τ large and shrinks every other component of the step — Newton then
// crawls for thousands of iterations where the eigenvalue modification needs 18.
//
// The step length λ comes from `step` (default: backtracking from λ = 1, the Armijo rule);
// fixed_step{1.0} gives the undamped Newton iteration. `modify_hessian = false` gives PLAIN
// Newton: d = −H⁻¹g whatever the signs of H's eigenvalues (by Cholesky where H is positive
// definite, else through H = QΛQᵀ, with the pseudo-inverse where H is singular: components
// with |λᵢ| <= n·ε·max|λ| are dropped). With a line search plain Newton stops with line_search_failed where d is not
// a descent direction; with fixed_step it follows d anyway (to a saddle or a maximum if the
// model says so).
//
// Each iteration evaluates the exact Hessian once (r.hessian_evaluations) and factors it:
// O(n³). For fixed-size problems the iteration allocates nothing.
#pragma once

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include <Eigen/Cholesky>
#include <Eigen/Core>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/direction_step.hpp>
#include <gradus/optim/detail/prelude.hpp>
#include <gradus/optim/detail/symmetric_eigen.hpp>
#include <gradus/optim/step_rule.hpp>

namespace gradus {

/// Newton's method with the exact Hessian: H d = −∇f solved by Cholesky, the Hessian's eigenvalues
/// replaced by their absolute values (at least δ) where it is not positive definite, unless
/// `modify_hessian` is false. Use as `minimize(f, x0, newton{})`.
struct newton {
  step_rule step = backtracking{};  ///< fixed_step, backtracking or strong_wolfe (λ₀ = 1)
  bool modify_hessian = true;       ///< false: plain Newton, attracted to saddles (see above)
  double min_curvature = 1e-8;      ///< δ / max|λ| of the eigenvalue modification, in (0, 1)
};

namespace detail {

template <class X, class Rule>
struct newton_stepper {
  static constexpr int n_fixed = X::RowsAtCompileTime;
  using matrix = Eigen::Matrix<double, n_fixed, n_fixed>;

  Rule rule;
  bool modify;
  double min_curvature;
  matrix hessian, eigenvectors;
  Eigen::LLT<matrix> cholesky;
  X eigenvalues, direction, rotated;
  line_workspace<X> work;

  newton_stepper(const Rule& r, const newton& m, Eigen::Index n)
      : rule(r), modify(m.modify_hessian), min_curvature(m.min_curvature), hessian(n, n), eigenvectors(n, n),
        cholesky(n), eigenvalues(n), direction(n), rotated(n), work(n) {}

  /// direction = −H̃⁻¹ĝ through H = QΛQᵀ: H̃ = Q max(|Λ|, δ) Qᵀ when modifying, the
  /// pseudo-inverse of H otherwise; −ĝ where H = 0 (or the sweeps fail).
  void eigen_direction(const X& g, double scale) {
    const bool ok = symmetric_eigen(hessian, eigenvectors, eigenvalues);  // destroys hessian
    const double largest = ok ? eigenvalues.cwiseAbs().maxCoeff() : 0.0;
    if (!(largest > 0) || !std::isfinite(largest)) {
      direction.noalias() = -scale * g;
      return;
    }
    rotated.noalias() = eigenvectors.transpose() * g;
    if (modify) {
      const double floor = min_curvature * largest;
      for (Eigen::Index i = 0; i < rotated.size(); ++i) rotated[i] /= std::fmax(std::fabs(eigenvalues[i]), floor);
    } else {
      const double zero = double(rotated.size()) * std::numeric_limits<double>::epsilon() * largest;
      for (Eigen::Index i = 0; i < rotated.size(); ++i)
        rotated[i] = std::fabs(eigenvalues[i]) > zero ? rotated[i] / eigenvalues[i] : 0.0;
    }
    direction.noalias() = eigenvectors * rotated;
    direction *= -scale;
  }

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    hessian = ev.hessian(it.x);
    if (!hessian.allFinite()) return {0, status::non_finite};
    const double scale = ctx.gradient_scale;
    cholesky.compute(hessian);
    if (cholesky.info() == Eigen::Success) {
      direction = cholesky.solve(it.gradient);
      direction *= -scale;
    } else {
      eigen_direction(it.gradient, scale);
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
    detail::check_argument(m.min_curvature > 0 && m.min_curvature < 1, "gradus::newton: min_curvature must lie in (0, 1)");
    const Eigen::Index n = x0.size();
    return detail::with_direction_rule<result<X>>(m.step, "gradus::newton", [&](const auto& rule) {
      using R = std::remove_cvref_t<decltype(rule)>;
      return detail::drive(detail::newton_stepper<X, R>(rule, m, n), f, std::move(x0), opts);
    });
  }
};

}  // namespace gradus
