// Symbolic partial derivatives: derivative(f, x) is ∂f/∂x as a new expression.
//
// The rules are the textbook ones, applied node by node: (u ± v)' = u' ± v',
// (uv)' = u'v + uv', (u/v)' = (u'v − uv')/v², and the chain rule (g(u))' = u'·g'(u)
// with g' = exp, 1/u, 1/(1 + u), exp, 1/(2√u), cos, −sin, 1 + tan², 1 − tanh²,
// σ(u)σ(−u), σ(u), σ(−u), sign(u), 0, 2u, N·u^(N−1), r·u^(r−1) for exp, log, log1p,
// expm1, sqrt, sin, cos, tan, tanh, sigmoid, softplus, log_sigmoid, abs, sign, square,
// pow<N>, pow(·, r). For L = logsumexp(e₁ … eₙ), ∂L = Σₖ sₖ ∂eₖ with the softmax weights
// sₖ = exp(eₖ − L); for sₖ itself, ∂sₖ = sₖ(∂eₖ − Σⱼ sⱼ ∂eⱼ). σ'(u) is written σ(u)σ(−u),
// not σ(1 − σ), so that it does not cancel to 0 for large u.
//
// Two things keep the results small. A subtree that does not contain the variable is
// recognised from its type and differentiates to integer<0> without being visited; and
// every result is built by the simplifying builders of core/, so that d(x·x)/dx is
// integer<2>·x, d(pow<3>(y))/dy is 3·square(y), and a derivative that vanishes is
// integer<0>.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <gradus/core/expression.hpp>
#include <gradus/core/functions.hpp>
#include <gradus/core/operators.hpp>
#include <gradus/core/vector.hpp>

namespace gradus {

namespace detail {

/// Does the expression E contain the variable var<I>? Decided from the type alone, and
/// memoised by the compiler per (E, I).
template <class E, std::size_t I> inline constexpr bool depends_on = false;
template <std::size_t J, std::size_t I> inline constexpr bool depends_on<var<J>, I> = (I == J);
template <class Op, class E, std::size_t I> inline constexpr bool depends_on<unary<Op, E>, I> = depends_on<E, I>;
template <class Op, class L, class R, std::size_t I>
inline constexpr bool depends_on<binary<Op, L, R>, I> = depends_on<L, I> || depends_on<R, I>;
template <class Op, class... Es, std::size_t I>
inline constexpr bool depends_on<nary<Op, Es...>, I> = (depends_on<Es, I> || ...);

template <std::size_t I, class E>
constexpr auto differentiate(const E& e);

/// g'(u)·du for the unary node e = g(u), given du = ∂u.
template <class Op> struct unary_rule;

#define GRADUS_UNARY_RULE(tag, ...)                              \
  template <> struct unary_rule<op::tag> {                       \
    template <class E, class D>                                  \
    static constexpr auto apply(const unary<op::tag, E>& e, [[maybe_unused]] const D& du) { \
      [[maybe_unused]] const E& u = e.arg;                       \
      return __VA_ARGS__;                                        \
    }                                                            \
  };
GRADUS_UNARY_RULE(neg, make_neg(du))
GRADUS_UNARY_RULE(exp, make_mul(du, e))
GRADUS_UNARY_RULE(log, make_div(du, u))
GRADUS_UNARY_RULE(log1p, make_div(du, make_add(integer<1>{}, u)))
GRADUS_UNARY_RULE(expm1, make_mul(du, gradus::exp(u)))
GRADUS_UNARY_RULE(sqrt, make_div(du, make_mul(integer<2>{}, e)))
GRADUS_UNARY_RULE(sin, make_mul(du, gradus::cos(u)))
GRADUS_UNARY_RULE(cos, make_mul(make_neg(du), gradus::sin(u)))
GRADUS_UNARY_RULE(tan, make_mul(du, make_add(integer<1>{}, gradus::square(e))))
GRADUS_UNARY_RULE(tanh, make_mul(du, make_sub(integer<1>{}, gradus::square(e))))
GRADUS_UNARY_RULE(sigmoid, make_mul(du, make_mul(e, gradus::sigmoid(make_neg(u)))))
GRADUS_UNARY_RULE(softplus, make_mul(du, gradus::sigmoid(u)))
GRADUS_UNARY_RULE(log_sigmoid, make_mul(du, gradus::sigmoid(make_neg(u))))
GRADUS_UNARY_RULE(abs, make_mul(du, gradus::sign(u)))
GRADUS_UNARY_RULE(sign, integer<0>{})
GRADUS_UNARY_RULE(square, make_mul(make_mul(integer<2>{}, du), u))
GRADUS_UNARY_RULE(pow_real, make_mul(make_mul(literal(e.op.exponent), du), gradus::pow(u, e.op.exponent - 1)))
#undef GRADUS_UNARY_RULE

template <long long N> struct unary_rule<op::pow_int<N>> {
  template <class E, class D>
  static constexpr auto apply(const unary<op::pow_int<N>, E>& e, const D& du) {
    return make_mul(make_mul(integer<N>{}, du), gradus::pow<N - 1>(e.arg));
  }
};

/// Σₖ sₖ·∂eₖ over the arguments e₁ … eₙ of lse = logsumexp(e…), sₖ = softmax_weight<k>(lse).
template <std::size_t I, class... Es>
constexpr auto weighted_argument_derivatives(const nary<op::logsumexp, Es...>& lse) {
  return balanced_sum<0, sizeof...(Es)>([&](auto k) {
    constexpr std::size_t K = decltype(k)::value;
    using Ek = nth_type<K, Es...>;
    if constexpr (!depends_on<Ek, I>) return integer<0>{};
    else return make_mul(differentiate<I>(tuple_get<K>(lse.args)), softmax_weight<K>(lse));
  });
}

template <std::size_t I, std::size_t J>
constexpr auto differentiate_node(const var<J>&) {
  return integer<I == J ? 1 : 0>{};
}

template <std::size_t I, class L, class R>
constexpr auto differentiate_node(const binary<op::add, L, R>& e) {
  return make_add(differentiate<I>(e.lhs), differentiate<I>(e.rhs));
}
template <std::size_t I, class L, class R>
constexpr auto differentiate_node(const binary<op::sub, L, R>& e) {
  return make_sub(differentiate<I>(e.lhs), differentiate<I>(e.rhs));
}
template <std::size_t I, class L, class R>
constexpr auto differentiate_node(const binary<op::mul, L, R>& e) {
  if constexpr (!depends_on<L, I>) return make_mul(e.lhs, differentiate<I>(e.rhs));
  else if constexpr (!depends_on<R, I>) return make_mul(differentiate<I>(e.lhs), e.rhs);
  else return make_add(make_mul(differentiate<I>(e.lhs), e.rhs), make_mul(e.lhs, differentiate<I>(e.rhs)));
}
template <std::size_t I, class L, class R>
constexpr auto differentiate_node(const binary<op::div, L, R>& e) {
  if constexpr (!depends_on<R, I>) return make_div(differentiate<I>(e.lhs), e.rhs);
  else if constexpr (!depends_on<L, I>)
    return make_div(make_mul(make_neg(e.lhs), differentiate<I>(e.rhs)), gradus::square(e.rhs));
  else
    return make_div(make_sub(make_mul(differentiate<I>(e.lhs), e.rhs), make_mul(e.lhs, differentiate<I>(e.rhs))),
                    gradus::square(e.rhs));
}

template <std::size_t I, class Op, class E>
constexpr auto differentiate_node(const unary<Op, E>& e) {
  return unary_rule<Op>::apply(e, differentiate<I>(e.arg));
}

template <std::size_t I, class... Es>
constexpr auto differentiate_node(const nary<op::logsumexp, Es...>& e) {
  return weighted_argument_derivatives<I>(e);
}
template <std::size_t I, std::size_t K, class... Es>
constexpr auto differentiate_node(const nary<op::softmax<K>, Es...>& e) {
  const auto lse = tuple_apply([](const auto&... a) { return nary<op::logsumexp, Es...>(a...); }, e.args);
  using Ek = nth_type<K, Es...>;
  if constexpr (!depends_on<Ek, I>) return make_mul(make_neg(e), weighted_argument_derivatives<I>(lse));
  else return make_mul(e, make_sub(differentiate<I>(tuple_get<K>(e.args)), weighted_argument_derivatives<I>(lse)));
}

template <std::size_t I, class E>
constexpr auto differentiate(const E& e) {
  if constexpr (!depends_on<E, I>) return integer<0>{};  // constants, data, other variables
  else return differentiate_node<I>(e);
}

template <class X> struct variable_index {};
template <std::size_t I> struct variable_index<var<I>> { static constexpr std::size_t value = I; };

template <class X>
concept variable = is_var_node<std::remove_cvref_t<X>>::value;

}  // namespace detail

/// ∂f/∂x, simplified: derivative(x*x + 2*x*y + pow<3>(y), x) prints as 2*x0 + 2*x1. For a
/// symbolic vector f (a function ℝᵐ → ℝⁿ), the vector of the partial derivatives of its
/// elements. x must be a variable: `var<I>`, or one bound from variables<N>().
template <class F, class X>
constexpr auto derivative(const F& f, const X&) {
  constexpr bool f_ok = expression<F> || symbolic_vector_type<F>;
  static_assert(f_ok, "gradus::derivative(f, x): f must be a gradus expression (or a symbolic vector of them)");
  static_assert(detail::variable<X>,
                "gradus::derivative(f, x): x must be a variable such as gradus::var<0> or one bound from "
                "gradus::variables<N>()");
  if constexpr (!f_ok || !detail::variable<X>) return integer<0>{};
  else {
    constexpr std::size_t I = detail::variable_index<std::remove_cvref_t<X>>::value;
    if constexpr (expression<F>) return detail::differentiate<I>(f);
    else return detail::map(f, [](const auto& e) { return detail::differentiate<I>(e); });
  }
}

}  // namespace gradus
