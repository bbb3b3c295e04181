// The feasibility restoration problem of the interior-point method.
//
// When the filter line search cannot find an acceptable step, the solver looks for a point
// that is less infeasible by solving, with the same interior-point method,
//
//     minimize  ψ(x, t) = ½‖g(x)‖² + ½‖h(x) + t‖²   over x ∈ ℝⁿ, t ∈ ℝ^mᵢ   subject to  t ≥ 0,
//
// whose variables are the original ones and the slacks of the inequalities. Minimizing over
// t ≥ 0 alone gives t = max(−h, 0), so ψ is, at its minimum over t, half the squared violation
// ½‖g(x)‖² + ½‖max(h(x), 0)‖². Its exact Hessian is
//
//     ∇²ψ = [ J_gᵀJ_g + J_hᵀJ_h + Σᵢ gᵢ∇²gᵢ + Σⱼ rⱼ∇²hⱼ   J_hᵀ ]      r = h + t,
//           [ J_h                                       I   ]
//
// where the second-order sum is the original program's ∇²ₓL with objective factor 0 and
// multipliers (g, r). A KKT point of this problem with ψ > 0 is a stationary point of the
// violation that is not feasible: the original problem is (locally) infeasible.
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/restoration.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <array>
#include <cstddef>

#include <Eigen/Core>

#include <gradus/constrained/nonlinear_program.hpp>

namespace gradus::detail {

template <nonlinear_program P>
struct restoration_program {
  static constexpr int n = P::variables;
  static constexpr int mi = P::inequalities;
  static constexpr int variables = n + mi;
  static constexpr int equalities = 0;
  static constexpr int inequalities = mi;

  using point = Eigen::Matrix<double, variables, 1>;

  const P& original;

  double objective(const point& z) const {
    const auto [g, r] = residuals(z);
    return 0.5 * (g.squaredNorm() + r.squaredNorm());
  }
  point objective_gradient(const point& z) const {
    const auto [g, r] = residuals(z);
    const Eigen::Matrix<double, n, 1> x = z.template head<n>();
    point grad;
    grad.template head<n>() = original.equality_jacobian(x).transpose() * g + original.inequality_jacobian(x).transpose() * r;
    grad.template tail<mi>() = r;
    return grad;
  }
  Eigen::Matrix<double, 0, 1> equality_values(const point&) const { return {}; }
  Eigen::Matrix<double, 0, variables> equality_jacobian(const point&) const { return {}; }
  Eigen::Matrix<double, mi, 1> inequality_values(const point& z) const { return -z.template tail<mi>(); }
  Eigen::Matrix<double, mi, variables> inequality_jacobian(const point&) const {
    Eigen::Matrix<double, mi, variables> j = Eigen::Matrix<double, mi, variables>::Zero();
    j.template rightCols<mi>() = -Eigen::Matrix<double, mi, mi>::Identity();
    return j;
  }
  Eigen::Matrix<double, variables, variables> lagrangian_hessian(const point& z, double sigma,
                                                                  const Eigen::Matrix<double, 0, 1>&,
                                                                  const Eigen::Matrix<double, mi, 1>&) const {
    // The constraints t ≥ 0 are linear: only the objective ψ has curvature.
    const Eigen::Matrix<double, n, 1> x = z.template head<n>();
    const auto [g, r] = residuals(z);
    const Eigen::Matrix<double, P::equalities, n> jg = original.equality_jacobian(x);
    const Eigen::Matrix<double, mi, n> jh = original.inequality_jacobian(x);
    Eigen::Matrix<double, variables, variables> hess;
    hess.template topLeftCorner<n, n>() =
        jg.transpose() * jg + jh.transpose() * jh + original.lagrangian_hessian(x, 0.0, g, r);
    hess.template topRightCorner<n, mi>() = jh.transpose();
    hess.template bottomLeftCorner<mi, n>() = jh;
    hess.template bottomRightCorner<mi, mi>() = Eigen::Matrix<double, mi, mi>::Identity();
    return sigma * hess;
  }
  std::array<variable_bound, std::size_t(mi)> inequality_bounds() const {
    std::array<variable_bound, std::size_t(mi)> b{};
    for (int j = 0; j < mi; ++j) b[std::size_t(j)] = {n + j, -1.0, 0.0};
    return b;
  }

 private:
  struct residual_pair {
    Eigen::Matrix<double, P::equalities, 1> g;
    Eigen::Matrix<double, mi, 1> r;
  };
  residual_pair residuals(const point& z) const {
    const Eigen::Matrix<double, n, 1> x = z.template head<n>();
    return {original.equality_values(x), original.inequality_values(x) + z.template tail<mi>()};
  }
};

}  // namespace gradus::detail
