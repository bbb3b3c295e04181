// Points: N separate scalars, std::array<T, N>, or an Eigen column vector (fixed or dynamic
// size). T is float, double or xsimd::batch<double>. This header turns any of them into an
// indexable view and names the result types (Eigen vectors and matrices of the point's size).
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <Eigen/Core>

#include <gradus/eval/simd.hpp>

namespace gradus {

namespace detail {
template <class T>
inline constexpr bool is_scalar_v = std::is_same_v<T, float> || std::is_same_v<T, double> || is_simd_batch<T>::value;

template <class P> struct point_traits { static constexpr bool valid = false; };
template <class T, std::size_t N> struct point_traits<std::array<T, N>> {
  static constexpr bool valid = is_scalar_v<T>;
  using scalar = T;
  static constexpr int size = int(N);
};
template <class D>
  requires std::is_base_of_v<Eigen::MatrixBase<D>, D>
struct point_traits<D> {
  static constexpr bool valid = D::ColsAtCompileTime == 1 && is_scalar_v<typename D::Scalar>;
  using scalar = typename D::Scalar;
  static constexpr int size = D::RowsAtCompileTime;  // Eigen::Dynamic (-1) when known at run time only
};

/// Integers written as coordinates (value(f, 3, 2)) are promoted to double.
template <class T> using promote_t = std::conditional_t<std::is_integral_v<T>, double, T>;
}  // namespace detail

/// A point: std::array or Eigen column vector of float, double or xsimd::batch<double>.
template <class P>
concept point = detail::point_traits<std::remove_cvref_t<P>>::valid;

/// A coordinate given as a separate argument: a number or a SIMD batch.
template <class S>
concept coordinate = (std::is_arithmetic_v<std::remove_cvref_t<S>> && !std::is_same_v<std::remove_cvref_t<S>, bool>) ||
                     detail::is_simd_batch<std::remove_cvref_t<S>>::value;

/// The scalar type of a point (double, float or a SIMD batch).
template <point P> using point_scalar_t = typename detail::point_traits<std::remove_cvref_t<P>>::scalar;
/// The number of coordinates of a point type, Eigen::Dynamic when known only at run time.
template <point P> inline constexpr int point_size_v = detail::point_traits<std::remove_cvref_t<P>>::size;

/// Vector of a point's scalar and size (the gradient's type).
template <point P> using point_vector_t = Eigen::Matrix<point_scalar_t<P>, point_size_v<P>, 1>;
/// Square matrix of a point's scalar and size (the Hessian's type).
template <point P> using point_matrix_t = Eigen::Matrix<point_scalar_t<P>, point_size_v<P>, point_size_v<P>>;

namespace detail {
/// Number of coordinates of a point at run time.
template <point P>
constexpr std::size_t point_size(const P& p) {
  if constexpr (point_size_v<P> >= 0) return std::size_t(point_size_v<P>);
  else return std::size_t(p.size());
}

/// Separate coordinates as one std::array point.
template <coordinate... S>
constexpr auto pack_point(const S&... s) {
  using T = std::common_type_t<promote_t<std::remove_cvref_t<S>>...>;
  return std::array<T, sizeof...(S)>{T(s)...};
}

/// Checks that a point has the Arity coordinates an expression needs: at compile time when
/// the point's size is, at run time (std::invalid_argument) otherwise.
template <std::size_t Arity, point P>
constexpr void check_point_size(const P& p, const char* function) {
  if constexpr (point_size_v<P> >= 0) {
    static_assert(std::size_t(point_size_v<P>) >= Arity,
                  "gradus: the point has fewer coordinates than the expression has variables "
                  "(an expression using var<I> needs a point of at least I + 1 coordinates)");
  } else if (std::size_t(p.size()) < Arity) {
    throw std::invalid_argument(std::string(function) + ": the point has " + std::to_string(p.size()) +
                                " coordinates but the expression uses " + std::to_string(Arity) + " variables");
  }
}

template <point P>
constexpr auto coordinate_reader(const P& p) {
  return [&p](std::size_t i) { return p[static_cast<std::remove_cvref_t<decltype(p.size())>>(i)]; };
}
}  // namespace detail

}  // namespace gradus
