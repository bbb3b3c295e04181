// Arithmetic on expressions, with the algebra that keeps derivative types small.
//
// Every builder folds what it can at compile time: integer arithmetic (integer<2> *
// integer<3> is integer<6>, integer<2> * literal(0.5) is literal(1)), the identities
// 0 + e = e, 1·e = e, 0·e = 0, e − e = 0 for stateless e, −(−e) = e, products of
// constants c·(d·e) = (cd)·e, and like terms e + e = 2·e, a·e + b·e = (a + b)·e (a, b
// integers or runtime constants, e stateless). Symbolic
// derivatives go through the same builders, so d(x·x)/dx comes out as 2·x, not x·1 + 1·x.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

#include <gradus/core/expression.hpp>

namespace gradus {

/// A number that may appear in an expression as a runtime constant.
template <class A>
concept arithmetic = std::is_arithmetic_v<std::remove_cvref_t<A>> && !std::is_same_v<std::remove_cvref_t<A>, bool>;

/// An expression, or a number that becomes a runtime constant.
template <class A>
concept operand = expression<A> || arithmetic<A>;

namespace detail {

template <class A>
constexpr auto as_expression(const A& a) {
  if constexpr (expression<A>) return a;
  else return literal(static_cast<double>(a));
}

template <class T> struct is_literal : std::false_type {};
template <> struct is_literal<literal> : std::true_type {};

template <class A, class B>
inline constexpr bool same_stateless = std::is_same_v<A, B> && stateless<A>::value;

/// Constants (compile-time integers and runtime literals), and products c·e with a constant c.
template <class E> struct is_constant : std::bool_constant<is_integer_node<E>::value || is_literal<E>::value> {};
template <class E> struct has_constant_factor : std::false_type {};
template <class C, class E> struct has_constant_factor<binary<op::mul, C, E>> : is_constant<C> {};

template <class C>
constexpr double constant_value(const C& c) {
  if constexpr (is_literal<C>::value) return c.value;
  else return double(C::value);
}

/// e = c·f with c a constant (c = 1 when e has no constant factor): c and f.
template <class E>
constexpr auto coefficient_of(const E& e) {
  if constexpr (has_constant_factor<E>::value) return e.lhs;
  else return integer<1>{};
}
template <class E>
constexpr auto rest_of(const E& e) {
  if constexpr (has_constant_factor<E>::value) return e.rhs;
  else return e;
}
template <class L, class R>
inline constexpr bool like_terms =
    !is_constant<L>::value && !is_constant<R>::value &&
    same_stateless<decltype(rest_of(std::declval<L>())), decltype(rest_of(std::declval<R>()))>;

template <class L, class R> constexpr auto make_mul(L l, R r);
template <class E> constexpr auto make_neg(E e);

template <class L, class R>
constexpr auto make_add(L l, R r) {
  if constexpr (is_integer_node<L>::value && is_integer_node<R>::value) return integer<L::value + R::value>{};
  else if constexpr (zero_expression<L>) return r;
  else if constexpr (zero_expression<R>) return l;
  else if constexpr (is_constant<L>::value && is_constant<R>::value) return literal(constant_value(l) + constant_value(r));
  else if constexpr (like_terms<L, R>) return make_mul(make_add(coefficient_of(l), coefficient_of(r)), rest_of(l));
  else return binary<op::add, L, R>(l, r);
}

template <class L, class R>
constexpr auto make_sub(L l, R r) {
  if constexpr (is_integer_node<L>::value && is_integer_node<R>::value) return integer<L::value - R::value>{};
  else if constexpr (zero_expression<R>) return l;
  else if constexpr (zero_expression<L>) return make_neg(r);
  else if constexpr (is_constant<L>::value && is_constant<R>::value) return literal(constant_value(l) - constant_value(r));
  else if constexpr (like_terms<L, R>) return make_mul(make_sub(coefficient_of(l), coefficient_of(r)), rest_of(l));
  else return binary<op::sub, L, R>(l, r);
}

template <class L, class R>
constexpr auto make_mul(L l, R r) {
  if constexpr (is_integer_node<L>::value && is_integer_node<R>::value) return integer<L::value * R::value>{};
  else if constexpr (zero_expression<L> || zero_expression<R>) return integer<0>{};
  else if constexpr (one_expression<L>) return r;
  else if constexpr (one_expression<R>) return l;
  else if constexpr (std::is_same_v<L, integer<-1>>) return make_neg(r);
  else if constexpr (std::is_same_v<R, integer<-1>>) return make_neg(l);
  else if constexpr (is_constant<L>::value && is_constant<R>::value) return literal(constant_value(l) * constant_value(r));
  else if constexpr (is_integer_node<R>::value || is_literal<R>::value)
    return make_mul(r, l);  // constants first: 2*x, not x*2
  else if constexpr (is_constant<L>::value && has_constant_factor<R>::value)
    return make_mul(make_mul(l, r.lhs), r.rhs);  // 2*(3*x) = 6*x
  else return binary<op::mul, L, R>(l, r);
}

template <class L, class R>
constexpr auto make_div(L l, R r) {
  if constexpr (is_integer_node<R>::value) static_assert(R::value != 0, "gradus: division by the constant 0");
  if constexpr (zero_expression<L>) return integer<0>{};
  else if constexpr (one_expression<R>) return l;
  else if constexpr (is_integer_node<L>::value && is_integer_node<R>::value) {
    if constexpr (L::value % R::value == 0) return integer<L::value / R::value>{};
    else return binary<op::div, L, R>(l, r);
  } else return binary<op::div, L, R>(l, r);
}

template <class E> struct is_neg : std::false_type {};
template <class E> struct is_neg<unary<op::neg, E>> : std::true_type {};

template <class E>
constexpr auto make_neg(E e) {
  if constexpr (is_integer_node<E>::value) return integer<-E::value>{};
  else if constexpr (is_literal<E>::value) return literal(-e.value);
  else if constexpr (is_neg<E>::value) return e.arg;
  else if constexpr (has_constant_factor<E>::value) return make_mul(make_neg(e.lhs), e.rhs);  // −(2x) = (−2)x
  else return unary<op::neg, E>(op::neg{}, e);
}

template <class Op, class E>
constexpr auto make_unary(E e, Op o = {}) {
  return unary<Op, E>(o, e);
}

}  // namespace detail

/// l + r, for expressions and arithmetic numbers (at least one an expression); simplified as built.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr auto operator+(const L& l, const R& r) {
  return detail::make_add(detail::as_expression(l), detail::as_expression(r));
}
/// l − r.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr auto operator-(const L& l, const R& r) {
  return detail::make_sub(detail::as_expression(l), detail::as_expression(r));
}
/// l · r.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr auto operator*(const L& l, const R& r) {
  return detail::make_mul(detail::as_expression(l), detail::as_expression(r));
}
/// l / r.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr auto operator/(const L& l, const R& r) {
  return detail::make_div(detail::as_expression(l), detail::as_expression(r));
}
/// −e.
template <expression E>
constexpr auto operator-(const E& e) {
  return detail::make_neg(e);
}
/// +e, which is e.
template <expression E>
constexpr auto operator+(const E& e) {
  return e;
}

}  // namespace gradus
