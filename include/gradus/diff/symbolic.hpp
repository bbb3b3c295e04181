// The gradient and the Hessian as expressions.
//
// For f of N variables, gradient_expr(f) is the symbolic vector (∂f/∂x₀, …, ∂f/∂x_{N−1})
// and hessian_expr(f) the symbolic N×N matrix Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ, a symbolic vector of rows
// (entry (i, j) is get<i, j>(H)). H is symmetric because f's second derivatives commute;
// gradus makes that exact by construction: only the upper triangle Hᵢⱼ = ∂(∂f/∂xᵢ)/∂xⱼ,
// i ≤ j, is derived, and entry (j, i) is built by the same instantiation as entry (i, j),
// so it has the same type and value. Each distinct pair is differentiated once by the
// compiler, and an evaluator that shares equal subtrees sees the two halves as one.
//
// Compile time: the rows are built straight from the gradient, without intermediate
// tuples; what remains is dominated by the N symbolic vectors of N entries themselves.
#pragma once

#include <cstddef>
#include <tuple>
#include <utility>

#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/core/vector.hpp>
#include <gradus/diff/derivative.hpp>

namespace gradus {

namespace detail {

/// Entry (I, J) of the Hessian from the gradient G: ∂G_min(I,J)/∂x_max(I,J), so that (J, I)
/// is the same instantiation as (I, J).
template <std::size_t I, std::size_t J, class G>
constexpr auto hessian_entry(const G& gradient) {
  constexpr std::size_t row = I < J ? I : J;
  constexpr std::size_t column = I < J ? J : I;
  return differentiate<column>(get<row>(gradient));
}

}  // namespace detail

/// The gradient ∇f as a symbolic vector of arity_v<F> expressions:
/// gradient_expr(x*x + 2*x*y + pow<3>(y)) prints as [2*x0 + 2*x1, 2*x0 + 3*square(x1)].
template <class F>
constexpr auto gradient_expr(const F& f) {
  static_assert(
      expression<F>,
      "gradus::gradient_expr(f): f must be a scalar gradus expression; for a symbolic vector, take "
      "gradus::derivative(F, x) for each variable x");
  if constexpr (!expression<F>)
    return symbolic_vector<>{};
  else
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return symbolic_vector<decltype(detail::differentiate<I>(f))...>(
          detail::differentiate<I>(f)...);
    }
  (std::make_index_sequence<arity_v<F>>{});
}

/// The Hessian ∇²f as a symbolic N×N matrix (N = arity_v<F>), a symbolic vector of rows;
/// symmetric by construction (entries (i, j) and (j, i) are one expression).
template <class F>
constexpr auto hessian_expr(const F& f) {
  static_assert(expression<F>, "gradus::hessian_expr(f): f must be a scalar gradus expression");
  if constexpr (!expression<F>)
    return symbolic_vector<>{};
  else {
    const auto gradient = gradient_expr(f);
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      const auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
        return symbolic_vector<decltype(detail::hessian_entry<R, I>(gradient))...>(
            detail::hessian_entry<R, I>(gradient)...);
      };
      return symbolic_vector<decltype(row(std::integral_constant<std::size_t, I>{}))...>(
          row(std::integral_constant<std::size_t, I>{})...);
    }
    (std::make_index_sequence<arity_v<F>>{});
  }
}

}  // namespace gradus
