// The vocabulary of the constrained solver: its options, the KKT residual report and the result.
//
// For min f(x) s.t. g(x) = 0, h(x) ≤ 0 with the generalized Lagrangian
// L(x, λ, α) = f(x) + Σᵢ λᵢ gᵢ(x) + Σⱼ αⱼ hⱼ(x), a point x with multipliers (λ, α) satisfies the
// Karush–Kuhn–Tucker conditions when
//   stationarity             ∇ₓL(x, λ, α) = 0
//   primal feasibility       g(x) = 0 and h(x) ≤ 0
//   dual feasibility         α ≥ 0                      (λ may have either sign)
//   complementary slackness  αⱼ hⱼ(x) = 0 for every j
// The report measures each as an absolute max-norm: ‖∇ₓL‖∞, max(maxᵢ |gᵢ|, maxⱼ max(hⱼ, 0)),
// maxⱼ max(−αⱼ, 0) and maxⱼ |αⱼ hⱼ|.
#pragma once

#include <algorithm>
#include <ostream>
#include <string>

#include <Eigen/Core>

#include <gradus/constrained/status.hpp>

namespace gradus {

/// Options of solve_kkt. Designated initializers in this order: kkt_options{.tolerance = 1e-10}.
struct kkt_options {
  double tolerance = 1e-8;    ///< converged when every KKT residual is at most this (absolute)
  int max_iterations = 500;   ///< interior-point iterations, restoration iterations included
};

/// The four KKT residuals (absolute max-norms) of a point and its multipliers.
struct kkt_report {
  double stationarity = 0;        ///< ‖∇f + Σλᵢ∇gᵢ + Σαⱼ∇hⱼ‖∞
  double primal_feasibility = 0;  ///< max(maxᵢ |gᵢ|, maxⱼ max(hⱼ, 0))
  double dual_feasibility = 0;    ///< maxⱼ max(−αⱼ, 0)
  double complementarity = 0;     ///< maxⱼ |αⱼ hⱼ|

  /// The largest of the four.
  double max() const noexcept {
    return std::max({stationarity, primal_feasibility, dual_feasibility, complementarity});
  }
  /// Whether every residual is at most tol (false when any is NaN).
  bool satisfied(double tol) const noexcept {
    return stationarity <= tol && primal_feasibility <= tol && dual_feasibility <= tol && complementarity <= tol;
  }
};

inline std::ostream& operator<<(std::ostream& os, const kkt_report& r) {
  return os << "stationarity " << r.stationarity << ", primal feasibility " << r.primal_feasibility
            << ", dual feasibility " << r.dual_feasibility << ", complementarity " << r.complementarity;
}

/// What solve_kkt returns for n variables, mₑ equalities and mᵢ inequalities.
template <int N, int ME, int MI>
struct kkt_result {
  Eigen::Matrix<double, N, 1> x;
  double value = 0;                    ///< f(x)
  Eigen::Matrix<double, ME, 1> lambda;  ///< one per equality, either sign
  Eigen::Matrix<double, MI, 1> alpha;   ///< one per inequality (order written), ≥ 0
  gradus::status status = gradus::status::max_iterations;
  int iterations = 0;                  ///< interior-point iterations, restoration included
  int restoration_iterations = 0;      ///< of which in the feasibility restoration phase
  int function_evaluations = 0;        ///< evaluations of f (with g and h)
  int gradient_evaluations = 0;        ///< evaluations of ∇f (with the Jacobians of g and h)
  int hessian_evaluations = 0;         ///< evaluations of ∇²ₓL
  kkt_report residuals;                ///< at (x, lambda, alpha)

  bool converged() const noexcept { return status == gradus::status::converged; }

  std::string message() const {
    switch (status) {
      case gradus::status::converged:
        return "converged: every KKT residual is within the tolerance";
      case gradus::status::max_iterations:
        return "stopped at the iteration limit before the KKT residuals met the tolerance";
      case gradus::status::diverged:
        return "diverged: the iterates grew without bound (|x| > 1e20) or the objective fell without bound";
      case gradus::status::non_finite:
        return "stopped: the objective, a constraint or a derivative is NaN or infinite at the current point";
      case gradus::status::line_search_failed:
        return "stopped: no acceptable step, and the feasibility restoration could not make progress";
      case gradus::status::infeasible:
        return "infeasible: converged to a stationary point of the constraint violation, with violation > 0";
      default:
        return "stopped";
    }
  }
};

template <int N, int ME, int MI>
std::ostream& operator<<(std::ostream& os, const kkt_result<N, ME, MI>& k) {
  const Eigen::IOFormat row(Eigen::FullPrecision, Eigen::DontAlignCols, ", ", ", ", "", "", "[", "]");
  os << k.message() << " after " << k.iterations << " iterations\n";
  os << "  x = " << k.x.transpose().format(row) << ", f(x) = " << k.value << '\n';
  if constexpr (ME > 0) os << "  lambda = " << k.lambda.transpose().format(row) << '\n';
  if constexpr (MI > 0) os << "  alpha = " << k.alpha.transpose().format(row) << '\n';
  return os << "  KKT residuals: " << k.residuals << '\n';
}

}  // namespace gradus
