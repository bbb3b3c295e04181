// The KKT solver: a primal-dual interior-point method with a filter line search, in the manner
// of Ipopt (Wächter & Biegler, Math. Program. 106, 2006), for small dense problems
//
//     minimize f(x)   subject to   g(x) = 0,   h(x) ≤ 0.
//
// Barrier problem. Each inequality gets a slack, h(x) + s = 0 with s ≥ 0, and the bound s ≥ 0
// is replaced by a logarithmic barrier. For a decreasing sequence μ → 0 the method solves,
// approximately,  min φ_μ(x, s) = f(x) − μ Σⱼ log sⱼ  s.t.  g(x) = 0, h(x) + s = 0,  whose
// primal-dual first-order conditions are
//
//     ∇f + J_gᵀλ + J_hᵀα = 0,    g = 0,    h + s = 0,    sⱼαⱼ = μ   (s, α > 0).
//
// At μ = 0 these are the KKT conditions of the original problem, α being the multipliers of
// h ≤ 0: hence α ≥ 0 and αⱼhⱼ = 0 in the limit, the signs of gradus::lagrangian.
//
// Newton step. With W = ∇²ₓL(x, λ, α) the exact Hessian of the Lagrangian and Σ = diag(α/s),
// eliminating ds and dα from Newton's equations leaves the condensed symmetric system
//
//     [ W + J_hᵀΣJ_h + δ_w I    J_gᵀ   ] [dx]     [ ∇ₓL + J_hᵀ(Σ(h + s) − α + μ/s) ]
//     [ J_g                    −δ_c I  ] [dλ] = − [ g                             ],
//
//     ds = −(h + s) − J_h dx,    dα = μ/s − α − Σ ds.
//
// Inertia correction. The step is a descent direction of the barrier problem, not a step to
// a saddle point or a maximum, when W + J_hᵀΣJ_h is positive definite on the null space of J_g,
// that is when the matrix above has exactly n positive and mₑ negative eigenvalues. The
// inertia is read from a Bunch–Kaufman LDLᵀ factorization (exact, n³/3 flops, on the stack);
// when it is wrong, δ_w grows geometrically from a fraction of its last value until it is
// right; δ_c = 10⁻⁸μ^¼ regularizes a rank-deficient J_g.
//
// Step sizes. The fraction-to-the-boundary rule keeps s and α positive: s + a ds ≥ (1 − τ)s
// and α + a_α dα ≥ (1 − τ)α with τ = max(0.99, 1 − μ); α takes its own step a_α.
//
// Filter line search. With θ = ‖g‖₁ + ‖h + s‖₁ the violation, a trial step is accepted when no
// pair (θᵢ, φᵢ) of the filter dominates (θ, φ_μ) at the trial point, and either it is nearly
// feasible along a descent direction of φ_μ and satisfies the Armijo condition on φ_μ, or it
// reduces θ or φ_μ by a margin proportional to θ (then the filter grows). Otherwise the step is
// halved; if the first trial increased θ, up to four second-order corrections (Newton steps
// on the constraints at the trial point) are tried first, against the Maratos effect.
//
// Barrier update. When the barrier problem's scaled optimality error is at most 10μ,
// μ ← max(ε/10, min(0.2μ, μ^1.5)) (superlinear decrease) and the filter is cleared.
//
// Feasibility restoration and infeasibility. When no step size above a small minimum is
// acceptable, or the inertia cannot be corrected, the same method minimizes
// ½‖g(x)‖² + ½‖h(x) + s‖² over (x, s ≥ 0) (detail/restoration.hpp) until the filter accepts
// the point. If instead it converges to a KKT point of that problem — a stationary point of
// the violation — with violation > 0, the problem is reported `infeasible`.
//
// Start and end. x₀ may be infeasible; it is moved inside the bounds a program marks, and
// s₀ = max(−h(x₀), 10⁻²) (exactly −h for bounds), α₀ = 1, λ₀ the least-squares multipliers.
// The method stops `converged` when every KKT residual (absolute, kkt_result.hpp) is at most
// the tolerance. Fixed-size programs allocate nothing on the heap.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <Eigen/Core>

#include <gradus/constrained/kkt_result.hpp>
#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/constrained/status.hpp>

#define GRADUS_CONSTRAINED_INTERNAL
#include <gradus/constrained/detail/interior_point_impl.hpp>
#undef GRADUS_CONSTRAINED_INTERNAL

namespace gradus {

namespace detail {
/// A starting point or multiplier vector of N numbers: a fixed-size Eigen vector, a dynamic
/// Eigen vector (size checked at run time) or a std::array.
template <int N, class V>
Eigen::Matrix<double, N, 1> fixed_vector(const V& v, const char* what) {
  using T = std::remove_cvref_t<V>;
  Eigen::Matrix<double, N, 1> out;
  if constexpr (std::is_base_of_v<Eigen::MatrixBase<T>, T>) {
    static_assert(T::ColsAtCompileTime == 1, "gradus: pass the point as an Eigen column vector");
    static_assert(T::RowsAtCompileTime == Eigen::Dynamic || T::RowsAtCompileTime == N,
                  "gradus: the vector has the wrong number of entries (x0 needs one per variable, lambda one per "
                  "equality, alpha one per inequality)");
    if (v.size() != N)
      throw std::invalid_argument(std::string("gradus: ") + what + " has " + std::to_string(v.size()) +
                                  " entries, but the problem needs " + std::to_string(N));
    for (int i = 0; i < N; ++i) out[i] = double(v[i]);
  } else {
    static_assert(std::tuple_size<T>::value == std::size_t(N),
                  "gradus: the std::array has the wrong number of entries (x0 needs one per variable, lambda one "
                  "per equality, alpha one per inequality)");
    for (int i = 0; i < N; ++i) out[i] = double(v[std::size_t(i)]);
  }
  return out;
}

template <class V>
concept fixed_or_dynamic_vector =
    std::is_base_of_v<Eigen::MatrixBase<std::remove_cvref_t<V>>, std::remove_cvref_t<V>> ||
    requires { std::tuple_size<std::remove_cvref_t<V>>::value; };
}  // namespace detail

/// Solves a nonlinear program (a hand-written struct modelling gradus::nonlinear_program) from
/// x0 (Eigen vector or std::array of P::variables numbers; it may be infeasible).
template <nonlinear_program P, detail::fixed_or_dynamic_vector X0>
kkt_result<P::variables, P::equalities, P::inequalities> solve_kkt(const P& program, const X0& x0,
                                                                   const kkt_options& options = {}) {
  constexpr int n = P::variables, me = P::equalities, mi = P::inequalities;
  if (!(options.tolerance > 0)) throw std::invalid_argument("gradus::solve_kkt: kkt_options::tolerance must be > 0");
  if (options.max_iterations < 0)
    throw std::invalid_argument("gradus::solve_kkt: kkt_options::max_iterations must be >= 0");
  detail::ipm_parameters prm;
  prm.tolerance = options.tolerance;
  prm.max_iterations = options.max_iterations;
  detail::interior_point_method<P> method(program, prm);
  typename detail::interior_point_method<P>::iterate it;
  it.x = detail::fixed_vector<n>(x0, "x0");
  it.lambda.setZero();
  it.alpha.setZero();
  kkt_result<n, me, mi> r;
  if (!detail::all_finite(it.x)) {
    r.x = it.x;
    r.value = std::numeric_limits<double>::quiet_NaN();
    r.lambda.setZero();
    r.alpha.setZero();
    r.status = status::non_finite;
    r.residuals = {r.value, r.value, r.value, r.value};
    return r;
  }
  r.status = method.run(it, false, [](const auto&) { return false; });
  r.x = it.x;
  r.value = it.f;
  r.lambda = it.lambda;
  r.alpha = it.alpha;
  const detail::ipm_counters& c = method.counters();
  r.iterations = c.iterations;
  r.restoration_iterations = c.restoration_iterations;
  r.function_evaluations = c.function_evaluations;
  r.gradient_evaluations = c.gradient_evaluations;
  r.hessian_evaluations = c.hessian_evaluations;
  r.residuals = detail::kkt_report_of(it.grad, it.g, it.jg, it.h, it.jh, it.lambda, it.alpha);
  return r;
}

/// The KKT residuals of a nonlinear program at a candidate x with multipliers λ and α.
template <nonlinear_program P, detail::fixed_or_dynamic_vector X, detail::fixed_or_dynamic_vector L,
          detail::fixed_or_dynamic_vector A>
kkt_report kkt_residuals(const P& program, const X& x, const L& lambda, const A& alpha) {
  const auto xv = detail::fixed_vector<P::variables>(x, "x");
  return detail::kkt_report_of(program.objective_gradient(xv), program.equality_values(xv),
                               program.equality_jacobian(xv), program.inequality_values(xv),
                               program.inequality_jacobian(xv), detail::fixed_vector<P::equalities>(lambda, "lambda"),
                               detail::fixed_vector<P::inequalities>(alpha, "alpha"));
}

}  // namespace gradus
