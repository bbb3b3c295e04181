// What the constrained solver consumes: a smooth nonlinear program
//
//     minimize f(x) over x ∈ ℝⁿ   subject to   g(x) = 0 (mₑ equations),   h(x) ≤ 0 (mᵢ inequalities),
//
// described by its sizes (compile-time constants) and by callbacks that evaluate f, ∇f, g, its
// Jacobian J_g, h, its Jacobian J_h and the Hessian of the Lagrangian
//
//     ∇²ₓL(x; σ, λ, α) = σ ∇²f(x) + Σᵢ λᵢ ∇²gᵢ(x) + Σⱼ αⱼ ∇²hⱼ(x)
//
// at given multipliers (σ, the objective's factor, is 1 in the solver's main phase and 0 where
// it needs the constraints' curvature alone). A problem built from expressions
// (gradus::problem) is adapted to this concept; a hand-written struct works as well.
//
// An inequality may be marked as a bound on one variable, hⱼ(x) = sign·(xᵢ − value) ≤ 0, through
// an optional member inequality_bounds(); the solver then starts from a point strictly inside
// the bounds, so that functions defined only there (log x with x ≥ 0.1) are never evaluated
// outside them.
#pragma once

#include <array>
#include <concepts>
#include <type_traits>

#include <Eigen/Core>

namespace gradus {

/// One inequality hⱼ(x) = sign·(x[variable] − value) ≤ 0 seen as a bound: sign = +1 for
/// x[variable] ≤ value, −1 for x[variable] ≥ value. variable = −1 marks a general inequality.
struct variable_bound {
  int variable = -1;
  double sign = 0;
  double value = 0;
};

namespace detail {
template <class P>
concept program_sizes = requires {
  { P::variables } -> std::convertible_to<int>;
  { P::equalities } -> std::convertible_to<int>;
  { P::inequalities } -> std::convertible_to<int>;
} && (P::variables > 0) && (P::equalities >= 0) && (P::inequalities >= 0);

template <class P> using program_x = Eigen::Matrix<double, P::variables, 1>;
template <class P> using program_lambda = Eigen::Matrix<double, P::equalities, 1>;
template <class P> using program_alpha = Eigen::Matrix<double, P::inequalities, 1>;
}  // namespace detail

/// A nonlinear program with compile-time sizes P::variables (n > 0), P::equalities (mₑ ≥ 0) and
/// P::inequalities (mᵢ ≥ 0), and const members
///   objective(x) -> double                      objective_gradient(x) -> Eigen n-vector
///   equality_values(x) -> Eigen mₑ-vector       equality_jacobian(x) -> Eigen mₑ×n matrix
///   inequality_values(x) -> Eigen mᵢ-vector     inequality_jacobian(x) -> Eigen mᵢ×n matrix
///   lagrangian_hessian(x, σ, λ, α) -> Eigen n×n matrix  (σ∇²f + Σλᵢ∇²gᵢ + Σαⱼ∇²hⱼ)
/// and optionally inequality_bounds() -> std::array<variable_bound, mᵢ>.
template <class P>
concept nonlinear_program =
    detail::program_sizes<P> &&
    requires(const P& p, const detail::program_x<P>& x, double sigma, const detail::program_lambda<P>& lambda,
             const detail::program_alpha<P>& alpha) {
      { p.objective(x) } -> std::convertible_to<double>;
      { p.objective_gradient(x) } -> std::convertible_to<detail::program_x<P>>;
      { p.equality_values(x) } -> std::convertible_to<detail::program_lambda<P>>;
      { p.equality_jacobian(x) } -> std::convertible_to<Eigen::Matrix<double, P::equalities, P::variables>>;
      { p.inequality_values(x) } -> std::convertible_to<detail::program_alpha<P>>;
      { p.inequality_jacobian(x) } -> std::convertible_to<Eigen::Matrix<double, P::inequalities, P::variables>>;
      { p.lagrangian_hessian(x, sigma, lambda, alpha) }
          -> std::convertible_to<Eigen::Matrix<double, P::variables, P::variables>>;
    };

namespace detail {
template <class P>
concept has_inequality_bounds = requires(const P& p) {
  { p.inequality_bounds() } -> std::convertible_to<std::array<variable_bound, std::size_t(P::inequalities)>>;
};

/// The program's bound marks; all general when it does not provide them.
template <class P>
std::array<variable_bound, std::size_t(P::inequalities)> inequality_bounds_of(const P& p) {
  if constexpr (has_inequality_bounds<P>) return p.inequality_bounds();
  else return {};
}
}  // namespace detail

}  // namespace gradus
