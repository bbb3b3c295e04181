// Evaluation of expressions at a point: value, gradient (reverse or forward mode), Hessian,
// their fused combinations, directional derivatives, Hessian-vector products, and the value
// and Jacobian of symbolic vectors. Each call compiles nothing at run time: the tape is a
// compile-time constant, and the call runs a fixed straight-line sequence of sweeps with no
// heap allocation (for fixed-size points).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include <Eigen/Core>

#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/core/vector.hpp>
#include <gradus/eval/compiled.hpp>
#include <gradus/eval/point.hpp>

namespace gradus {

/// Mode tag for gradient(f, p, forward_mode): one forward sweep per coordinate.
struct forward_mode_t { explicit constexpr forward_mode_t() = default; };
/// Mode tag for gradient(f, p, reverse_mode): one adjoint sweep (the default).
struct reverse_mode_t { explicit constexpr reverse_mode_t() = default; };
inline constexpr forward_mode_t forward_mode{};  ///< gradient(f, p, forward_mode)
inline constexpr reverse_mode_t reverse_mode{};  ///< gradient(f, p, reverse_mode)

/// What value_and_gradient returns: binds as auto [v, g].
template <class T, class V>
struct value_and_gradient_result {
  T value;     ///< f(p)
  V gradient;  ///< ∇f(p)
};
/// What value_gradient_hessian returns: binds as auto [v, g, H].
template <class T, class V, class M>
struct value_gradient_hessian_result {
  T value;     ///< f(p)
  V gradient;  ///< ∇f(p)
  M hessian;   ///< ∇²f(p)
};

namespace detail {

template <class E>
constexpr void check_plain_expression() {
  static_assert(expression<E>,
                "gradus: the first argument must be a gradus expression (built from gradus::variables, var<I> and "
                "numbers), or a symbolic vector for value/jacobian");
  static_assert(columns_v<E> == 0,
                "gradus: this expression reads data columns (col<J>); evaluate it over a dataset with "
                "gradus::mean_over(loss, data) or gradus::sum_over(loss, data)");
}

/// Calls f(point) with the point built from the arguments: one point object, or separate coordinates.
template <class F, class... P>
GRADUS_INLINE constexpr decltype(auto) with_point(F&& f, const P&... p) {
  if constexpr (sizeof...(P) == 1 && (point<P> && ...)) {
    return f(p...);
  } else {
    static_assert(sizeof...(P) >= 1, "gradus: no point given: pass coordinates (f, 3.0, 2.0) or one point object");
    static_assert((coordinate<P> && ...),
                  "gradus: a point is N separate numbers, one std::array<T, N>, or one Eigen column vector, "
                  "with T float, double or xsimd::batch<double>");
    return f(pack_point(p...));
  }
}

template <class T, int N>
Eigen::Matrix<T, N, 1> zero_vector(std::size_t n) {
  Eigen::Matrix<T, N, 1> v(static_cast<Eigen::Index>(n));
  v.setZero();
  return v;
}

template <class T, int N>
Eigen::Matrix<T, N, N> zero_matrix(std::size_t n) {
  Eigen::Matrix<T, N, N> m(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  m.setZero();
  return m;
}

/// A Hessian sink for the engine: adds each upper-triangle contribution to both (r, c) and
/// (c, r), so no pass over the (mostly zero, for sparse problems) matrix is needed afterwards.
template <class M>
GRADUS_INLINE auto symmetric_adder(M& h) {
  return [&h](std::size_t r, std::size_t c, const typename M::Scalar& d) GRADUS_LAMBDA_INLINE {
    auto* data = h.data();  // column-major
    const std::size_t rows = std::size_t(h.rows());
    data[r + c * rows] += d;
    if (r != c) data[c + r * rows] += d;
  };
}

template <bool Forward, class E, class P>
GRADUS_INLINE auto gradient_at(const E& f, const P& p) {
  check_plain_expression<E>();
  check_point_size<arity_v<E>>(p, "gradus::gradient");
  using T = point_scalar_t<P>;
  auto g = zero_vector<T, point_size_v<P>>(point_size(p));
  const compiled<E> c(f);
  auto put = [&g](std::size_t i, const T& x) GRADUS_LAMBDA_INLINE { g[Eigen::Index(i)] = x; };
  if constexpr (Forward) c.template value_and_gradient_forward<T>(coordinate_reader(p), no_columns{}, put);
  else c.template gradient<T>(coordinate_reader(p), no_columns{}, put);
  return g;
}
}  // namespace detail

/// f(p). Also f(p...) directly. For a symbolic vector F, the Eigen vector of its values.
template <class E, class... P>
GRADUS_INLINE constexpr auto value(const E& f, const P&... p) {
  return detail::with_point(
      [&](const auto& x) GRADUS_LAMBDA_INLINE {
        using X = std::remove_cvref_t<decltype(x)>;
        using T = point_scalar_t<X>;
        if constexpr (symbolic_vector_type<E>) {
          static_assert(columns_v<E> == 0, "gradus::value: this symbolic vector reads data columns (col<J>)");
          detail::check_point_size<arity_v<E>>(x, "gradus::value");
          const auto vals = detail::tuple_apply([](const auto&... e) { return detail::compiled<std::remove_cvref_t<decltype(e)>...>(e...); },
                                       f.elements)
                                .template values<T>(detail::coordinate_reader(x));
          Eigen::Matrix<T, int(E::size), 1> out;
          for (std::size_t r = 0; r < E::size; ++r) out[Eigen::Index(r)] = vals[r];
          return out;
        } else {
          detail::check_plain_expression<E>();
          detail::check_point_size<arity_v<E>>(x, "gradus::value");
          return detail::compiled<E>(f).template value<T>(detail::coordinate_reader(x));
        }
      },
      p...);
}

/// ∇f(p), by reverse mode (one forward and one adjoint sweep, whatever the number of variables).
template <class E, class... P>
  requires(!(std::is_same_v<P, forward_mode_t> || ...) && !(std::is_same_v<P, reverse_mode_t> || ...))
GRADUS_INLINE constexpr auto gradient(const E& f, const P&... p) {
  return detail::with_point([&](const auto& x) GRADUS_LAMBDA_INLINE { return detail::gradient_at<false>(f, x); }, p...);
}
/// ∇f(p) by forward mode (sparse tangents: each node carries the derivatives of its own variables).
template <class E, point P>
GRADUS_INLINE constexpr auto gradient(const E& f, const P& p, forward_mode_t) {
  return detail::gradient_at<true>(f, p);
}
/// ∇f(p) by reverse mode.
template <class E, point P>
GRADUS_INLINE constexpr auto gradient(const E& f, const P& p, reverse_mode_t) {
  return detail::gradient_at<false>(f, p);
}

/// f(p) and ∇f(p) in one pass; binds as auto [v, g].
template <class E, class... P>
GRADUS_INLINE constexpr auto value_and_gradient(const E& f, const P&... p) {
  return detail::with_point(
      [&](const auto& x) GRADUS_LAMBDA_INLINE {
        using X = std::remove_cvref_t<decltype(x)>;
        using T = point_scalar_t<X>;
        detail::check_plain_expression<E>();
        detail::check_point_size<arity_v<E>>(x, "gradus::value_and_gradient");
        auto g = detail::zero_vector<T, point_size_v<X>>(detail::point_size(x));
        const T v = detail::compiled<E>(f).template value_and_gradient<T>(
            detail::coordinate_reader(x), detail::no_columns{}, [&g](std::size_t i, const T& d) GRADUS_LAMBDA_INLINE { g[Eigen::Index(i)] = d; });
        return value_and_gradient_result<T, decltype(g)>{v, g};
      },
      p...);
}

/// f(p), ∇f(p) and the exact, symmetric ∇²f(p) in one fused pass; binds as auto [v, g, H].
template <class E, class... P>
GRADUS_INLINE constexpr auto value_gradient_hessian(const E& f, const P&... p) {
  return detail::with_point(
      [&](const auto& x) GRADUS_LAMBDA_INLINE {
        using X = std::remove_cvref_t<decltype(x)>;
        using T = point_scalar_t<X>;
        detail::check_plain_expression<E>();
        detail::check_point_size<arity_v<E>>(x, "gradus::value_gradient_hessian");
        const std::size_t n = detail::point_size(x);
        auto g = detail::zero_vector<T, point_size_v<X>>(n);
        auto h = detail::zero_matrix<T, point_size_v<X>>(n);
        const T v = detail::compiled<E>(f).template value_gradient_hessian<T>(
            detail::coordinate_reader(x), detail::no_columns{}, [&g](std::size_t i, const T& d) GRADUS_LAMBDA_INLINE { g[Eigen::Index(i)] = d; },
            detail::symmetric_adder(h));
        return value_gradient_hessian_result<T, decltype(g), decltype(h)>{v, g, h};
      },
      p...);
}

/// The exact, symmetric Hessian ∇²f(p).
template <class E, class... P>
GRADUS_INLINE constexpr auto hessian(const E& f, const P&... p) {
  return value_gradient_hessian(f, p...).hessian;
}

/// uᵀ∇f(p), by one forward sweep.
template <class E, point P, point U>
GRADUS_INLINE constexpr auto directional_derivative(const E& f, const P& p, const U& u) {
  detail::check_plain_expression<E>();
  detail::check_point_size<arity_v<E>>(p, "gradus::directional_derivative");
  detail::check_point_size<arity_v<E>>(u, "gradus::directional_derivative");
  using T = point_scalar_t<P>;
  return detail::compiled<E>(f).template directional_derivative<T>(detail::coordinate_reader(p), detail::no_columns{},
                                                                   detail::coordinate_reader(u));
}

/// ∇²f(p)·w, by forward-over-reverse: about the cost of two gradients, no Hessian formed.
template <class E, point P, point W>
GRADUS_INLINE constexpr auto hessian_vector_product(const E& f, const P& p, const W& w) {
  detail::check_plain_expression<E>();
  detail::check_point_size<arity_v<E>>(p, "gradus::hessian_vector_product");
  detail::check_point_size<arity_v<E>>(w, "gradus::hessian_vector_product");
  using T = point_scalar_t<P>;
  auto out = detail::zero_vector<T, point_size_v<P>>(detail::point_size(p));
  detail::compiled<E>(f).template hessian_vector_product<T>(
      detail::coordinate_reader(p), detail::no_columns{}, detail::coordinate_reader(w),
      [&out](std::size_t i, const T& d) { out[Eigen::Index(i)] = d; });
  return out;
}

/// The Jacobian of a symbolic vector F: ℝⁿ → ℝᵐ at p, an m × n Eigen matrix (forward mode,
/// the rows sharing their common subexpressions).
template <class... Es, class... P>
GRADUS_INLINE constexpr auto jacobian(const symbolic_vector<Es...>& F, const P&... p) {
  return detail::with_point(
      [&](const auto& x) GRADUS_LAMBDA_INLINE {
        using X = std::remove_cvref_t<decltype(x)>;
        using T = point_scalar_t<X>;
        static_assert(columns_v<symbolic_vector<Es...>> == 0, "gradus::jacobian: this vector function reads data columns");
        detail::check_point_size<arity_v<symbolic_vector<Es...>>>(x, "gradus::jacobian");
        constexpr int M = int(sizeof...(Es));
        const std::size_t n = detail::point_size(x);
        Eigen::Matrix<T, M, point_size_v<X>> J(M, Eigen::Index(n));
        for (Eigen::Index j = 0; j < J.cols(); ++j)
          for (Eigen::Index i = 0; i < M; ++i) J(i, j) = detail::math::lift<T>(0.0);
        detail::tuple_apply([](const auto&... e) { return detail::compiled<Es...>(e...); }, F.elements)
            .template values_and_jacobian<T>(detail::coordinate_reader(x), detail::no_columns{},
                                             [&J](std::size_t r, std::size_t i, const T& d) { J(Eigen::Index(r), Eigen::Index(i)) = d; });
        return J;
      },
      p...);
}

/// ∇f as a std::array of the expression's arity: usable in constant expressions for
/// polynomial and rational f (STATIC_REQUIRE(gradient_array(f, std::array{3.0, 2.0})[0] == 10)).
template <class E, class T, std::size_t N>
constexpr std::array<T, arity_v<E>> gradient_array(const E& f, const std::array<T, N>& p) {
  detail::check_plain_expression<E>();
  detail::check_point_size<arity_v<E>>(p, "gradus::gradient_array");
  std::array<T, arity_v<E>> g{};
  detail::compiled<E>(f).template value_and_gradient<T>(detail::coordinate_reader(p), detail::no_columns{},
                                                        [&g](std::size_t i, const T& d) GRADUS_LAMBDA_INLINE { g[i] = d; });
  return g;
}

/// ∇²f as a std::array of rows: usable in constant expressions for polynomial and rational f.
template <class E, class T, std::size_t N>
constexpr std::array<std::array<T, arity_v<E>>, arity_v<E>> hessian_array(const E& f, const std::array<T, N>& p) {
  detail::check_plain_expression<E>();
  detail::check_point_size<arity_v<E>>(p, "gradus::hessian_array");
  std::array<std::array<T, arity_v<E>>, arity_v<E>> h{};
  detail::compiled<E>(f).template value_gradient_hessian<T>(
      detail::coordinate_reader(p), detail::no_columns{}, [](std::size_t, const T&) {},
      [&h](std::size_t r, std::size_t c, const T& d) { h[r][c] += d; });
  for (std::size_t r = 0; r < arity_v<E>; ++r)
    for (std::size_t c = 0; c < r; ++c) h[r][c] = h[c][r];
  return h;
}

}  // namespace gradus
