// A tuple with one base class per element: get<I> is an overload resolution, not a
// recursive instantiation, so symbolic vectors of hundreds of expressions (a 32×32
// symbolic Hessian) cost the compiler little. std::tuple costs ~20× more here.
#pragma once
#ifndef GRADUS_CORE_INTERNAL
#error "gradus/core/detail/flat_tuple.hpp is internal: include <gradus/core.hpp> instead"
#endif

#include <cstddef>
#include <type_traits>
#include <utility>

namespace gradus::detail {

template <std::size_t I, class T>
struct tuple_leaf {
  T value;
};

template <class Indices, class... Ts>
struct flat_tuple_base;
template <std::size_t... I, class... Ts>
struct flat_tuple_base<std::index_sequence<I...>, Ts...> : tuple_leaf<I, Ts>... {
  constexpr flat_tuple_base() = default;
  template <class... Us>
    requires(sizeof...(Us) == sizeof...(Ts) && sizeof...(Ts) > 0)
  constexpr explicit flat_tuple_base(const Us&... ts) : tuple_leaf<I, Ts>{ts}... {}
};

template <class... Ts>
struct flat_tuple : flat_tuple_base<std::index_sequence_for<Ts...>, Ts...> {
  using flat_tuple_base<std::index_sequence_for<Ts...>, Ts...>::flat_tuple_base;
};

template <std::size_t I, class T>
constexpr const T& tuple_get(const tuple_leaf<I, T>& leaf) noexcept {
  return leaf.value;
}
template <std::size_t I, class T>
constexpr T& tuple_get(tuple_leaf<I, T>& leaf) noexcept {
  return leaf.value;
}

/// The I-th type of a pack.
template <std::size_t I, class T>
T tuple_leaf_type(const tuple_leaf<I, T>&);  // declaration only: used in decltype
template <std::size_t I, class... Ts>
using nth_type = decltype(tuple_leaf_type<I>(std::declval<const flat_tuple<Ts...>&>()));

/// f(elements...).
template <class F, class... Ts>
constexpr decltype(auto) tuple_apply(F&& f, const flat_tuple<Ts...>& t) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) -> decltype(auto) {
    return std::forward<F>(f)(tuple_get<I>(t)...);
  }(std::index_sequence_for<Ts...>{});
}

}  // namespace gradus::detail
