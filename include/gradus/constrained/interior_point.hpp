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

#include <gradus/constrained/kkt_result.hpp>
#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/constrained/status.hpp>

#define GRADUS_CONSTRAINED_INTERNAL
#include <gradus/constrained/detail/interior_point_impl.hpp>
#undef GRADUS_CONSTRAINED_INTERNAL
