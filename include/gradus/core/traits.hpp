// Compile-time facts about an expression: its arity (number of variables), how many data
// columns it reads, and how many nodes its tree has.
#pragma once

#include <algorithm>
#include <cstddef>

#include <gradus/core/expression.hpp>

namespace gradus {

template <class... Es>
struct symbolic_vector;

namespace detail {
template <class E> struct arity_of;
template <std::size_t I> struct arity_of<var<I>> { static constexpr std::size_t value = I + 1; };
template <std::size_t J> struct arity_of<col<J>> { static constexpr std::size_t value = 0; };
template <> struct arity_of<literal> { static constexpr std::size_t value = 0; };
template <long long N> struct arity_of<integer<N>> { static constexpr std::size_t value = 0; };
template <class Op, class E> struct arity_of<unary<Op, E>> : arity_of<E> {};
template <class Op, class L, class R> struct arity_of<binary<Op, L, R>> {
  static constexpr std::size_t value = std::max(arity_of<L>::value, arity_of<R>::value);
};
template <class Op, class... Es> struct arity_of<nary<Op, Es...>> {
  static constexpr std::size_t value = std::max({std::size_t{0}, arity_of<Es>::value...});
};
template <class... Es> struct arity_of<symbolic_vector<Es...>> {
  static constexpr std::size_t value = std::max({std::size_t{0}, arity_of<Es>::value...});
};

template <class E> struct columns_of { static constexpr std::size_t value = 0; };
template <std::size_t J> struct columns_of<col<J>> { static constexpr std::size_t value = J + 1; };
template <class Op, class E> struct columns_of<unary<Op, E>> : columns_of<E> {};
template <class Op, class L, class R> struct columns_of<binary<Op, L, R>> {
  static constexpr std::size_t value = std::max(columns_of<L>::value, columns_of<R>::value);
};
template <class Op, class... Es> struct columns_of<nary<Op, Es...>> {
  static constexpr std::size_t value = std::max({std::size_t{0}, columns_of<Es>::value...});
};
template <class... Es> struct columns_of<symbolic_vector<Es...>> {
  static constexpr std::size_t value = std::max({std::size_t{0}, columns_of<Es>::value...});
};

template <class E> struct node_count { static constexpr std::size_t value = 1; };
template <class Op, class E> struct node_count<unary<Op, E>> {
  static constexpr std::size_t value = 1 + node_count<E>::value;
};
template <class Op, class L, class R> struct node_count<binary<Op, L, R>> {
  static constexpr std::size_t value = 1 + node_count<L>::value + node_count<R>::value;
};
template <class Op, class... Es> struct node_count<nary<Op, Es...>> {
  static constexpr std::size_t value = 1 + (std::size_t{0} + ... + node_count<Es>::value);
};
}  // namespace detail

/// Number of variables of an expression: the largest index of a `var<I>` in it, plus one.
template <class E>
inline constexpr std::size_t arity_v = detail::arity_of<std::remove_cvref_t<E>>::value;

/// Number of data columns an expression reads: the largest J of a col<J> in it, plus one.
template <class E>
inline constexpr std::size_t columns_v = detail::columns_of<std::remove_cvref_t<E>>::value;

}  // namespace gradus
