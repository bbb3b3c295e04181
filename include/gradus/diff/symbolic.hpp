// The gradient and the Hessian as expressions.
//
// For f of N variables, gradient_expr(f) is the symbolic vector (∂f/∂x₀, …, ∂f/∂x_{N−1})
// and hessian_expr(f) the symbolic N×N matrix Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ, a symbolic vector of rows
// (entry (i, j) is get<i, j>(H)). H is symmetric because f's second derivatives commute;
// gradus makes that exact by construction: only the upper triangle Hᵢⱼ = ∂(∂f/∂xᵢ)/∂xⱼ,
// i ≤ j, is derived, and entry (j, i) is a copy of entry (i, j), of the same type. So each
// distinct pair is differentiated once, and an evaluator that shares equal subtrees sees
// the two halves as one.
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

/// (∂g/∂x_I, ∂g/∂x_{I+1}, …, ∂g/∂x_{N−1}) for g = ∂f/∂x_I: row I of the upper triangle.
template <std::size_t I, std::size_t N, class G>
constexpr auto upper_hessian_row(const G& g) {
  return [&]<std::size_t... K>(std::index_sequence<K...>) { return std::tuple(differentiate<I + K>(g)...); }(
      std::make_index_sequence<N - I>{});
}

/// Entry (I, J) of the Hessian from the upper triangle: (J, I) when J < I.
template <std::size_t I, std::size_t J, class Upper>
constexpr const auto& hessian_entry(const Upper& upper) {
  if constexpr (I <= J) return std::get<J - I>(std::get<I>(upper));
  else return std::get<I - J>(std::get<J>(upper));
}

}  // namespace detail

/// The gradient ∇f as a symbolic vector of arity_v<F> expressions:
/// gradient_expr(x*x + 2*x*y + pow<3>(y)) prints as [2*x0 + 2*x1, 2*x0 + 3*square(x1)].
template <class F>
constexpr auto gradient_expr(const F& f) {
  static_assert(expression<F>,
                "gradus::gradient_expr(f): f must be a scalar gradus expression; for a symbolic vector, take "
                "gradus::derivative(F, x) for each variable x");
  if constexpr (!expression<F>) return symbolic_vector<>{};
  else
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return symbolic_vector<decltype(detail::differentiate<I>(f))...>(detail::differentiate<I>(f)...);
    }(std::make_index_sequence<arity_v<F>>{});
}

/// The Hessian ∇²f as a symbolic N×N matrix (N = arity_v<F>), a symbolic vector of rows;
/// symmetric by construction (entries (i, j) and (j, i) are one expression).
template <class F>
constexpr auto hessian_expr(const F& f) {
  static_assert(expression<F>, "gradus::hessian_expr(f): f must be a scalar gradus expression");
  if constexpr (!expression<F>) return symbolic_vector<>{};
  else {
    constexpr std::size_t N = arity_v<F>;
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      const auto upper = std::tuple(detail::upper_hessian_row<I, N>(detail::differentiate<I>(f))...);
      const auto row = [&]<std::size_t R, std::size_t... J>(std::integral_constant<std::size_t, R>,
                                                             std::index_sequence<J...>) {
        return symbolic_vector<std::remove_cvref_t<decltype(detail::hessian_entry<R, J>(upper))>...>(
            detail::hessian_entry<R, J>(upper)...);
      };
      return symbolic_vector<decltype(row(std::integral_constant<std::size_t, I>{}, std::index_sequence<I...>{}))...>(
          row(std::integral_constant<std::size_t, I>{}, std::index_sequence<I...>{})...);
    }(std::make_index_sequence<N>{});
  }
}

}  // namespace gradus
