// Symbolic vectors: a compile-time sized tuple of expressions (ℝᵐ → ℝⁿ when its elements
// are functions of m variables). variables<N>() is one; so are vector(e...), the rows of
// constant(A) * X, and gradient_expr(f). Sums (sum, dot, squared_norm) are built as balanced
// trees, so their depth — and the compiler's recursion — grows as log n, not n.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <gradus/core/expression.hpp>
#include <gradus/core/functions.hpp>
#include <gradus/core/operators.hpp>

namespace gradus {

template <class... Es>
struct symbolic_vector;

template <class T> struct is_symbolic_vector : std::false_type {};
template <class... Es> struct is_symbolic_vector<symbolic_vector<Es...>> : std::true_type {};
template <class T>
concept symbolic_vector_type = is_symbolic_vector<std::remove_cvref_t<T>>::value;

/// A compile-time sized tuple of expressions; its elements may themselves be symbolic
/// vectors (the rows of a symbolic matrix such as hessian_expr(f)).
template <class... Es>
struct symbolic_vector {
  static_assert(((expression<Es> || is_symbolic_vector<Es>::value) && ...),
                "gradus::symbolic_vector: every element must be an expression (or a symbolic vector, for a matrix)");
  static constexpr std::size_t size = sizeof...(Es);  ///< number of elements
  detail::flat_tuple<Es...> elements;                 ///< the elements, in order

  constexpr symbolic_vector() = default;
  /// The vector (es...).
  constexpr explicit symbolic_vector(Es... es)
    requires(sizeof...(Es) > 0)
      : elements(es...) {}

  /// Element I (also gradus::get<I>(V) and structured bindings).
  template <std::size_t I>
  constexpr const auto& get() const& noexcept {
    static_assert(I < size, "gradus::get<I>(V): the index I is past the end of the symbolic vector");
    return detail::tuple_get<I>(elements);
  }
  /// Element I, modifiable.
  template <std::size_t I>
  constexpr auto& get() & noexcept {
    static_assert(I < size, "gradus::get<I>(V): the index I is past the end of the symbolic vector");
    return detail::tuple_get<I>(elements);
  }
  /// Element I of a temporary vector, by value.
  template <std::size_t I>
  constexpr auto get() && noexcept {
    static_assert(I < size, "gradus::get<I>(V): the index I is past the end of the symbolic vector");
    return detail::tuple_get<I>(elements);
  }
};

/// The I-th element of a symbolic vector.
template <std::size_t I, class... Es>
constexpr const auto& get(const symbolic_vector<Es...>& v) noexcept {
  return v.template get<I>();
}
/// Entry (I, J) of a symbolic matrix (a symbolic vector of rows, as hessian_expr returns).
template <std::size_t I, std::size_t J, class... Rows>
constexpr const auto& get(const symbolic_vector<Rows...>& m) noexcept {
  return get<J>(get<I>(m));
}

/// A symbolic vector of the given expressions: vector(x*x + 5*y, 3*x*sin(y), x*y*y).
template <operand... Es>
constexpr auto vector(const Es&... es) {
  return symbolic_vector<decltype(detail::as_expression(es))...>(detail::as_expression(es)...);
}

/// The variables x0 … x(N−1) as a symbolic vector (binds as auto [x, y] = variables<2>()).
template <std::size_t N>
constexpr auto variables() {
  return []<std::size_t... I>(std::index_sequence<I...>) { return symbolic_vector<var<I>...>{}; }(
      std::make_index_sequence<N>{});
}

namespace detail {
template <class F, class... Es>
constexpr auto map(const symbolic_vector<Es...>& v, F f) {
  return detail::tuple_apply([&](const auto&... e) { return vector(f(e)...); }, v.elements);
}
template <class F, class... As, class... Bs>
constexpr auto zip(const symbolic_vector<As...>& a, const symbolic_vector<Bs...>& b, F f) {
  static_assert(sizeof...(As) == sizeof...(Bs), "gradus: the two symbolic vectors have different sizes");
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return vector(f(get<I>(a), get<I>(b))...); }(
      std::index_sequence_for<As...>{});
}

/// Balanced sum of f(0) + … + f(N−1) (an expression), integer<0> when N == 0.
template <std::size_t B, std::size_t E, class F>
constexpr auto balanced_sum(F f) {
  if constexpr (E == B) return integer<0>{};
  else if constexpr (E - B == 1) return f(std::integral_constant<std::size_t, B>{});
  else {
    constexpr std::size_t M = B + (E - B) / 2;
    return make_add(balanced_sum<B, M>(f), balanced_sum<M, E>(f));
  }
}

/// A numeric vector of fixed size N: std::array<T, N> or a fixed-size Eigen vector.
template <class V> struct numeric_vector_size { static constexpr std::size_t value = 0; };
template <class T, std::size_t N> struct numeric_vector_size<std::array<T, N>> {
  static constexpr std::size_t value = std::is_arithmetic_v<T> ? N : 0;
};
template <class T, int R, int O, int MR, int MC> struct numeric_vector_size<Eigen::Matrix<T, R, 1, O, MR, MC>> {
  static constexpr std::size_t value = (R > 0 && std::is_arithmetic_v<T>) ? std::size_t(R) : 0;
};
template <class V>
concept numeric_vector = (numeric_vector_size<std::remove_cvref_t<V>>::value > 0);
template <class V>
concept dynamic_numeric_vector = std::is_base_of_v<Eigen::MatrixBase<std::remove_cvref_t<V>>, std::remove_cvref_t<V>> &&
                                 (std::remove_cvref_t<V>::RowsAtCompileTime == Eigen::Dynamic ||
                                  std::remove_cvref_t<V>::ColsAtCompileTime == Eigen::Dynamic);
}  // namespace detail

/// Σᵢ Vᵢ.
template <class... Es>
constexpr auto sum(const symbolic_vector<Es...>& v) {
  return detail::balanced_sum<0, sizeof...(Es)>([&](auto i) { return get<decltype(i)::value>(v); });
}
/// Σᵢ Vᵢ².
template <class... Es>
constexpr auto squared_norm(const symbolic_vector<Es...>& v) {
  return detail::balanced_sum<0, sizeof...(Es)>([&](auto i) { return square(get<decltype(i)::value>(v)); });
}
/// Σᵢ aᵢ·Vᵢ with a a symbolic vector.
template <class... As, class... Bs>
constexpr auto dot(const symbolic_vector<As...>& a, const symbolic_vector<Bs...>& b) {
  static_assert(sizeof...(As) == sizeof...(Bs), "gradus::dot: the two vectors have different sizes");
  return detail::balanced_sum<0, sizeof...(As)>(
      [&](auto i) { return get<decltype(i)::value>(a) * get<decltype(i)::value>(b); });
}
/// Σᵢ aᵢ·Vᵢ with a a vector of numbers (std::array or fixed-size Eigen vector).
template <class A, class... Bs>
  requires detail::numeric_vector<A>
constexpr auto dot(const A& a, const symbolic_vector<Bs...>& b) {
  static_assert(detail::numeric_vector_size<A>::value == sizeof...(Bs),
                "gradus::dot: the numeric vector and the symbolic vector have different sizes");
  return detail::balanced_sum<0, sizeof...(Bs)>(
      [&](auto i) { return literal(double(a[decltype(i)::value])) * get<decltype(i)::value>(b); });
}
/// dot(a, b) with the symbolic vector first.
template <class... Bs, class A>
  requires detail::numeric_vector<A>
constexpr auto dot(const symbolic_vector<Bs...>& b, const A& a) {
  return dot(a, b);
}
/// logsumexp of the elements of a symbolic vector.
template <class... Es>
constexpr auto logsumexp(const symbolic_vector<Es...>& v) {
  return detail::tuple_apply([](const auto&... e) { return logsumexp(e...); }, v.elements);
}

// Element-wise arithmetic of symbolic vectors, and with vectors of numbers.
/// Element-wise a + b.
template <class... As, class... Bs>
constexpr auto operator+(const symbolic_vector<As...>& a, const symbolic_vector<Bs...>& b) {
  return detail::zip(a, b, [](const auto& x, const auto& y) { return x + y; });
}
/// Element-wise a − b.
template <class... As, class... Bs>
constexpr auto operator-(const symbolic_vector<As...>& a, const symbolic_vector<Bs...>& b) {
  return detail::zip(a, b, [](const auto& x, const auto& y) { return x - y; });
}
/// a − b for a vector of numbers b (Eigen or std::array) of the same size.
template <class... As, class B>
  requires detail::numeric_vector<B>
constexpr auto operator-(const symbolic_vector<As...>& a, const B& b) {
  static_assert(detail::numeric_vector_size<B>::value == sizeof...(As),
                "gradus: V - b needs b to have as many entries as the symbolic vector V");
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return vector((get<I>(a) - double(b[I]))...); }(
      std::index_sequence_for<As...>{});
}
/// a + b for a vector of numbers b (Eigen or std::array) of the same size.
template <class... As, class B>
  requires detail::numeric_vector<B>
constexpr auto operator+(const symbolic_vector<As...>& a, const B& b) {
  static_assert(detail::numeric_vector_size<B>::value == sizeof...(As),
                "gradus: V + b needs b to have as many entries as the symbolic vector V");
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return vector((get<I>(a) + double(b[I]))...); }(
      std::index_sequence_for<As...>{});
}
/// c · a for a number or expression c.
template <class... As, operand C>
constexpr auto operator*(const C& c, const symbolic_vector<As...>& a) {
  return detail::map(a, [&](const auto& x) { return c * x; });
}
/// a · c for a number or expression c.
template <class... As, operand C>
constexpr auto operator*(const symbolic_vector<As...>& a, const C& c) {
  return detail::map(a, [&](const auto& x) { return x * c; });
}
/// a / c for a number or expression c.
template <class... As, operand C>
constexpr auto operator/(const symbolic_vector<As...>& a, const C& c) {
  return detail::map(a, [&](const auto& x) { return x / c; });
}
/// −a.
template <class... As>
constexpr auto operator-(const symbolic_vector<As...>& a) {
  return detail::map(a, [](const auto& x) { return -x; });
}

/// A matrix of numbers known at run time, to multiply a symbolic vector: constant(A) * X.
template <int R, int C>
struct constant_matrix {
  Eigen::Matrix<double, R, C> values;  ///< the numbers
};

/// Wraps a fixed-size Eigen matrix A so that constant(A) * X is a symbolic vector.
template <class M>
constexpr auto constant(const M& a) {
  using A = std::remove_cvref_t<M>;
  static_assert(std::is_base_of_v<Eigen::MatrixBase<A>, A>, "gradus::constant(A): A must be an Eigen matrix");
  static_assert(A::RowsAtCompileTime != Eigen::Dynamic && A::ColsAtCompileTime != Eigen::Dynamic,
                "gradus::constant(A): A must have sizes known at compile time (e.g. Eigen::Matrix<double, 3, 2>), "
                "because the product with a symbolic vector has a compile-time size");
  return constant_matrix<A::RowsAtCompileTime, A::ColsAtCompileTime>{a.template cast<double>()};
}

/// (A·X)ᵢ = Σⱼ Aᵢⱼ Xⱼ, a symbolic vector of R rows.
template <int R, int C, class... Es>
constexpr auto operator*(const constant_matrix<R, C>& a, const symbolic_vector<Es...>& x) {
  static_assert(std::size_t(C) == sizeof...(Es),
                "gradus: constant(A) * X needs A to have as many columns as X has entries");
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return vector(detail::balanced_sum<0, sizeof...(Es)>([&](auto j) {
      return literal(a.values(int(I), int(decltype(j)::value))) * get<decltype(j)::value>(x);
    })...);
  }(std::make_index_sequence<std::size_t(R)>{});
}

}  // namespace gradus

template <class... Es>
struct std::tuple_size<gradus::symbolic_vector<Es...>> : std::integral_constant<std::size_t, sizeof...(Es)> {};
template <std::size_t I, class... Es>
struct std::tuple_element<I, gradus::symbolic_vector<Es...>> {
  using type = gradus::detail::nth_type<I, Es...>;
};
