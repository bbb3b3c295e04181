// The objective concept: what the solvers consume.
//
// A solver needs f(x) and ∇f(x) at points x ∈ ℝⁿ, where x is an Eigen column vector of
// double: Eigen::Matrix<double, N, 1> when n is known at compile time, Eigen::VectorXd
// otherwise. Three kinds of things provide them:
//   - a user's type F with members  f.value(x) -> double  and  f.gradient(x) -> vector;
//     optionally  f.value_and_gradient(x)  (binds as [v, g]),  f.hessian(x)  and
//     f.hessian_vector_product(x, w);
//   - a data objective (mean_over / sum_over), which has the same members;
//   - a gradus expression without data columns, evaluated by the free functions of
//     <gradus/eval.hpp> (gradus::value, gradient, value_and_gradient, hessian,
//     hessian_vector_product).
// The functions in gradus::objective_access evaluate any of them the same way and use the
// fused or second-order members when a type has them; the solvers call only these.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/eval.hpp>

namespace gradus {

namespace detail {
template <class X> struct is_parameter_vector : std::false_type {};
template <int N, int Options, int MaxRows>
struct is_parameter_vector<Eigen::Matrix<double, N, 1, Options, MaxRows, 1>>
    : std::bool_constant<(N == Eigen::Dynamic || N > 0)> {};
}  // namespace detail

/// The parameters of an optimization problem: Eigen::Matrix<double, N, 1> (N > 0 fixed) or
/// Eigen::VectorXd.
template <class X>
concept parameter_vector = detail::is_parameter_vector<std::remove_cvref_t<X>>::value;

/// Compile-time size of a parameter vector (Eigen::Dynamic for Eigen::VectorXd).
template <parameter_vector X>
inline constexpr int parameter_size_v = std::remove_cvref_t<X>::RowsAtCompileTime;

/// A type with value(x) and gradient(x) members (a user's functor or a data objective).
template <class F, class X>
concept member_objective = parameter_vector<X> && requires(const F& f, const X& x) {
  { f.value(x) } -> std::convertible_to<double>;
  { f.gradient(x) } -> std::convertible_to<X>;
};

/// A gradus expression that can be minimized directly: no data columns, and a fixed-size
/// point has at least as many coordinates as the expression has variables.
template <class E, class X>
concept expression_objective =
    expression<E> && parameter_vector<X> && columns_v<E> == 0 &&
    (parameter_size_v<X> == Eigen::Dynamic || std::size_t(parameter_size_v<X>) >= arity_v<E>);

/// What minimize accepts: an expression, a data objective or any type with value and gradient.
template <class F, class X>
concept objective = member_objective<F, X> || expression_objective<F, X>;

namespace objective_access {

template <class F, class X>
concept has_value_and_gradient = member_objective<F, X> && requires(const F& f, const X& x) {
  f.value_and_gradient(x);
};
template <class F, class X>
concept has_hessian = member_objective<F, X> && requires(const F& f, const X& x) { f.hessian(x); };
template <class F, class X>
concept has_hessian_vector_product =
    member_objective<F, X> && requires(const F& f, const X& x) { f.hessian_vector_product(x, x); };

/// True when ∇²f or ∇²f·w is available exactly (expressions always; functors with a member).
template <class F, class X>
inline constexpr bool provides_hessian_v =
    expression_objective<F, X> || has_hessian<F, X> || has_hessian_vector_product<F, X>;

template <class F, class X>
  requires objective<F, X>
double value(const F& f, const X& x) {
  if constexpr (member_objective<F, X>) return static_cast<double>(f.value(x));
  else return gradus::value(f, x);
}

/// Writes ∇f(x) into g (no allocation when X is fixed-size).
template <class F, class X>
  requires objective<F, X>
void gradient(const F& f, const X& x, X& g) {
  if constexpr (member_objective<F, X>) g = f.gradient(x);
  else g = gradus::gradient(f, x);
}

/// Returns f(x) and writes ∇f(x) into g, in one pass where the objective offers one.
template <class F, class X>
  requires objective<F, X>
double value_and_gradient(const F& f, const X& x, X& g) {
  if constexpr (has_value_and_gradient<F, X>) {
    auto&& [v, grad] = f.value_and_gradient(x);
    g = grad;
    return static_cast<double>(v);
  } else if constexpr (member_objective<F, X>) {
    g = f.gradient(x);
    return static_cast<double>(f.value(x));
  } else {
    auto&& [v, grad] = gradus::value_and_gradient(f, x);
    g = grad;
    return v;
  }
}

/// The exact Hessian ∇²f(x); only for objectives where provides_hessian_v holds.
template <class F, class X>
  requires objective<F, X>
auto hessian(const F& f, const X& x) {
  using M = Eigen::Matrix<double, parameter_size_v<X>, parameter_size_v<X>>;
  if constexpr (has_hessian<F, X>) {
    return M(f.hessian(x));
  } else if constexpr (expression_objective<F, X>) {
    return M(gradus::hessian(f, x));
  } else {
    static_assert(has_hessian<F, X>,
                  "gradus: this method needs the Hessian: give the objective a member hessian(x) returning an "
                  "Eigen matrix, or write it as a gradus expression");
    return M();
  }
}

/// Writes ∇²f(x)·w into out. Only for objectives where provides_hessian_v holds.
template <class F, class X>
  requires objective<F, X>
void hessian_vector_product(const F& f, const X& x, const X& w, X& out) {
  if constexpr (has_hessian_vector_product<F, X>) out = f.hessian_vector_product(x, w);
  else if constexpr (expression_objective<F, X>) out = gradus::hessian_vector_product(f, x, w);
  else out = hessian(f, x) * w;
}

}  // namespace objective_access
}  // namespace gradus
