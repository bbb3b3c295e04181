// The expression language: node types are data, nothing else.
//
// An expression is a tree of small literal types. Leaves are variables var<I> (the
// coordinates of the point), data placeholders col<J> (columns of a dataset), runtime
// constants (literal) and compile-time integers (integer<N>). Inner nodes are
// unary<Op, E>, binary<Op, L, R> and nary<Op, Es...>, where Op is an empty tag (or, for
// pow with a real exponent, a tag holding the exponent). How a node is evaluated lives in
// eval/, how it is differentiated symbolically in diff/.
#pragma once

#include <concepts>
#include <cstddef>
#include <type_traits>

#define GRADUS_CORE_INTERNAL
#include <gradus/core/detail/flat_tuple.hpp>

namespace gradus {

/// CRTP base of every expression node; gives every expression `f(p...)` as a short hand
/// for `gradus::value(f, p...)`.
template <class Derived>
struct expression_base {
  /// The node itself, as its own type.
  constexpr const Derived& derived() const noexcept { return static_cast<const Derived&>(*this); }
  /// The value at the point p (N scalars, a std::array or an Eigen vector).
  template <class... P>
  constexpr auto operator()(const P&... p) const {
    return value(derived(), p...);  // found by ADL once <gradus/eval.hpp> is included
  }
};

/// An expression node type (after removing references and cv-qualifiers).
template <class E>
concept expression = std::is_base_of_v<expression_base<std::remove_cvref_t<E>>, std::remove_cvref_t<E>>;

/// The I-th coordinate of the point. An empty literal type.
template <std::size_t I>
struct var : expression_base<var<I>> {
  static constexpr std::size_t index = I;  ///< which coordinate of the point
};

/// The J-th column of a dataset: a per-example data value in a data objective.
template <std::size_t J>
struct col : expression_base<col<J>> {
  static constexpr std::size_t index = J;  ///< which column of the dataset
};

/// A constant known only at run time (any arithmetic literal written in an expression).
struct literal : expression_base<literal> {
  double value;  ///< the constant
  constexpr literal() noexcept : value(0) {}
  /// The constant v.
  constexpr explicit literal(double v) noexcept : value(v) {}
};

/// A compile-time integer. Derivatives fold to these (d(2*x)/dx, d(pow<3>(y))/dy = 3*y^2).
template <long long N>
struct integer : expression_base<integer<N>> {
  static constexpr long long value = N;  ///< the integer
};

/// A node applying the function Op (a tag in gradus::op) to one argument.
template <class Op, class E>
struct unary : expression_base<unary<Op, E>> {
  Op op;  ///< the operation (tags may carry data, e.g. op::pow_real's exponent)
  E arg;  ///< the argument
  constexpr unary() = default;
  /// The node Op(e).
  constexpr unary(Op o, E e) : op(o), arg(e) {}
};

/// A node combining two arguments with Op (op::add, op::sub, op::mul, op::div).
template <class Op, class L, class R>
struct binary : expression_base<binary<Op, L, R>> {
  L lhs;  ///< the left argument
  R rhs;  ///< the right argument
  constexpr binary() = default;
  /// The node l Op r.
  constexpr binary(L l, R r) : lhs(l), rhs(r) {}
};

/// A node with any number of arguments (op::logsumexp, op::softmax<K>).
template <class Op, class... Es>
struct nary : expression_base<nary<Op, Es...>> {
  detail::flat_tuple<Es...> args;  ///< the arguments, in order
  constexpr nary() = default;
  /// The node Op(es...).
  constexpr explicit nary(Es... es) : args(es...) {}
};

/// Operation tags.
namespace op {
struct add {};
struct sub {};
struct mul {};
struct div {};
struct neg {};
struct exp {};
struct log {};
struct log1p {};
struct expm1 {};
struct sqrt {};
struct sin {};
struct cos {};
struct tan {};
struct tanh {};
struct sigmoid {};
struct softplus {};
struct log_sigmoid {};
struct abs {};
struct sign {};  ///< the derivative of abs; its own derivative is 0 (almost everywhere)
struct square {};
/// e^N for a compile-time integer N (negative too).
template <long long N>
struct pow_int {
  static constexpr long long exponent = N;  ///< N
};
/// e^r for a run-time real r.
struct pow_real {
  double exponent;  ///< r
};
struct logsumexp {};
/// exp(e_K − logsumexp(e...)): the derivative of logsumexp.
template <std::size_t K>
struct softmax {
  static constexpr std::size_t index = K;  ///< K
};
}  // namespace op

namespace detail {
template <class T> struct is_integer_node : std::false_type {};
template <long long N> struct is_integer_node<integer<N>> : std::true_type {};
template <class T> struct is_var_node : std::false_type {};
template <std::size_t I> struct is_var_node<var<I>> : std::true_type {};

/// Stateless subtrees (no runtime constant inside) are equal exactly when their types
/// are: they can be shared and rebuilt from their type alone.
template <class E> struct stateless : std::true_type {};
template <> struct stateless<literal> : std::false_type {};
template <class Op, class E>
struct stateless<unary<Op, E>> : std::bool_constant<std::is_empty_v<Op> && stateless<E>::value> {};
template <class Op, class L, class R>
struct stateless<binary<Op, L, R>> : std::bool_constant<stateless<L>::value && stateless<R>::value> {};
template <class Op, class... Es>
struct stateless<nary<Op, Es...>> : std::bool_constant<(stateless<Es>::value && ...)> {};
}  // namespace detail

/// Whether E is a compile-time integer node integer<N>.
template <class E>
inline constexpr bool is_integer_v = detail::is_integer_node<std::remove_cvref_t<E>>::value;

/// Compile-time zero and one (the identities simplification folds away).
template <class E>
concept zero_expression = std::is_same_v<std::remove_cvref_t<E>, integer<0>>;
template <class E>
concept one_expression = std::is_same_v<std::remove_cvref_t<E>, integer<1>>;

}  // namespace gradus
