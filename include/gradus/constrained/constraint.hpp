// Constraints written as expressions, brought to the standard form of the generalized
// Lagrangian at compile time:
//
//     a == b   →   g = a − b = 0     (a number is always moved to the right: 1 == x is x − 1 = 0)
//     a <= b   →   h = a − b ≤ 0
//     a >= b   →   h = b − a ≤ 0
//
// so that `e <= c` is h = e − c ≤ 0 and `e >= c` is h = c − e ≤ 0, each with a multiplier α ≥ 0,
// and an equality's multiplier λ may have either sign. a and b are expressions or numbers (at
// least one an expression). A bound is an inequality on a single variable: x <= c, x >= c,
// c <= x, c >= x; it is recognized from the type (var<I> against a constant) and the solver
// keeps the iterates strictly inside it.
//
// Each argument order of == is declared, because C++20 would otherwise rewrite `1 == x` into
// `x == 1` and then insist that the rewritten operator return bool.
#pragma once

#include <type_traits>

#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/core/expression.hpp>
#include <gradus/core/operators.hpp>

namespace gradus {

/// g(x) = 0.
template <expression E>
struct equality_constraint {
  E g;
};

/// h(x) ≤ 0.
template <expression E>
struct inequality_constraint {
  E h;
};

namespace detail {
template <class C> struct is_equality_constraint : std::false_type {};
template <class E> struct is_equality_constraint<equality_constraint<E>> : std::true_type {};
template <class C> struct is_inequality_constraint : std::false_type {};
template <class E> struct is_inequality_constraint<inequality_constraint<E>> : std::true_type {};
}  // namespace detail

/// An equality or inequality constraint in standard form.
template <class C>
concept constraint = detail::is_equality_constraint<std::remove_cvref_t<C>>::value ||
                     detail::is_inequality_constraint<std::remove_cvref_t<C>>::value;

// a == b with expressions on both sides: g = a − b.
template <expression L, expression R>
constexpr auto operator==(const L& l, const R& r) {
  auto g = detail::make_sub(l, r);
  return equality_constraint<decltype(g)>{g};
}
// e == c: g = e − c.
template <expression L, arithmetic R>
constexpr auto operator==(const L& l, const R& r) {
  auto g = detail::make_sub(l, literal(static_cast<double>(r)));
  return equality_constraint<decltype(g)>{g};
}
// c == e: g = e − c (the same constraint as e == c).
template <arithmetic L, expression R>
constexpr auto operator==(const L& l, const R& r) {
  auto g = detail::make_sub(r, literal(static_cast<double>(l)));
  return equality_constraint<decltype(g)>{g};
}

// a <= b: h = a − b.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr auto operator<=(const L& l, const R& r) {
  auto h = detail::make_sub(detail::as_expression(l), detail::as_expression(r));
  return inequality_constraint<decltype(h)>{h};
}
// a >= b: h = b − a.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr auto operator>=(const L& l, const R& r) {
  auto h = detail::make_sub(detail::as_expression(r), detail::as_expression(l));
  return inequality_constraint<decltype(h)>{h};
}

namespace detail {
/// Whether h ≤ 0 is a bound on one variable, and which: h = x_I − c (upper bound c) or
/// h = c − x_I (lower bound c), c a runtime or compile-time constant.
template <class H>
struct bound_form {
  static constexpr bool is_bound = false;
};
template <std::size_t I>
struct bound_form<var<I>> {  // x <= 0 with a compile-time 0
  static constexpr bool is_bound = true;
  static variable_bound of(const var<I>&) { return {int(I), 1.0, 0.0}; }
};
template <std::size_t I>
struct bound_form<unary<op::neg, var<I>>> {  // x >= 0 with a compile-time 0
  static constexpr bool is_bound = true;
  static variable_bound of(const unary<op::neg, var<I>>&) { return {int(I), -1.0, 0.0}; }
};
template <std::size_t I>
struct bound_form<binary<op::sub, var<I>, literal>> {
  static constexpr bool is_bound = true;
  static variable_bound of(const binary<op::sub, var<I>, literal>& h) { return {int(I), 1.0, h.rhs.value}; }
};
template <std::size_t I>
struct bound_form<binary<op::sub, literal, var<I>>> {
  static constexpr bool is_bound = true;
  static variable_bound of(const binary<op::sub, literal, var<I>>& h) { return {int(I), -1.0, h.lhs.value}; }
};
template <std::size_t I, long long N>
struct bound_form<binary<op::sub, var<I>, integer<N>>> {
  static constexpr bool is_bound = true;
  static variable_bound of(const binary<op::sub, var<I>, integer<N>>&) { return {int(I), 1.0, double(N)}; }
};
template <std::size_t I, long long N>
struct bound_form<binary<op::sub, integer<N>, var<I>>> {
  static constexpr bool is_bound = true;
  static variable_bound of(const binary<op::sub, integer<N>, var<I>>&) { return {int(I), -1.0, double(N)}; }
};

/// Whether an expression is affine in the variables (its Hessian is zero): variables and
/// constants combined by +, −, negation, and products and quotients with constants.
template <class E> struct is_constant_node : std::false_type {};
template <> struct is_constant_node<literal> : std::true_type {};
template <long long N> struct is_constant_node<integer<N>> : std::true_type {};
template <class E> struct is_affine : is_constant_node<E> {};
template <std::size_t I> struct is_affine<var<I>> : std::true_type {};
template <class E> struct is_affine<unary<op::neg, E>> : is_affine<E> {};
template <class L, class R>
struct is_affine<binary<op::add, L, R>> : std::bool_constant<is_affine<L>::value && is_affine<R>::value> {};
template <class L, class R>
struct is_affine<binary<op::sub, L, R>> : std::bool_constant<is_affine<L>::value && is_affine<R>::value> {};
template <class L, class R>
struct is_affine<binary<op::mul, L, R>>
    : std::bool_constant<(is_constant_node<L>::value && is_affine<R>::value) ||
                         (is_affine<L>::value && is_constant_node<R>::value)> {};
template <class L, class R>
struct is_affine<binary<op::div, L, R>> : std::bool_constant<is_affine<L>::value && is_constant_node<R>::value> {};

template <class H>
variable_bound bound_of(const H& h) {
  if constexpr (bound_form<H>::is_bound) return bound_form<H>::of(h);
  else return {};
}
}  // namespace detail

}  // namespace gradus
