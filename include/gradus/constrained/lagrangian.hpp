// The generalized Lagrangian of a constrained problem, as an expression:
//
//     L(x, λ, α) = f(x) + Σᵢ λᵢ gᵢ(x) + Σⱼ αⱼ hⱼ(x)
//
// over the variables x₀ … x_{n−1}, then λ₀ … λ_{mₑ−1} as var<n + i>, then α₀ … α_{mᵢ−1} as
// var<n + mₑ + j>. Being an expression, its exact gradient and Hessian — ∇ₓL for stationarity,
// ∂L/∂λᵢ = gᵢ and ∂L/∂αⱼ = hⱼ, ∇²ₓₓL for the second-order conditions — come from the evaluation
// engine like any other; evaluate it at the point (x, λ, α) concatenated.
#pragma once

#include <cstddef>
#include <tuple>

#include <gradus/constrained/problem.hpp>
#include <gradus/core/expression.hpp>
#include <gradus/core/operators.hpp>
#include <gradus/core/vector.hpp>

namespace gradus {

template <class F, class... G, class... H>
constexpr auto lagrangian(const constrained_problem<F, std::tuple<G...>, std::tuple<H...>>& prob) {
  constexpr std::size_t n = std::size_t(constrained_problem<F, std::tuple<G...>, std::tuple<H...>>::variables);
  constexpr std::size_t me = sizeof...(G);
  constexpr std::size_t mi = sizeof...(H);
  auto equality_terms = detail::balanced_sum<0, me>([&](auto i) { return var<n + i>{} * std::get<i>(prob.g); });
  auto inequality_terms =
      detail::balanced_sum<0, mi>([&](auto j) { return var<n + me + j>{} * std::get<j>(prob.h); });
  return prob.f + equality_terms + inequality_terms;
}

}  // namespace gradus
