// What the analysis functions need from f at a point: its value, gradient, Hessian and
// Hessian-vector product, in double precision. f is anything the solvers accept (the objective
// concept of <gradus/objective.hpp>: a gradus expression, a data objective, a type with members
// value(x) and gradient(x)); the second-order questions need an expression or a member
// hessian(x) (a member hessian_vector_product(x, w) suffices where only H·w is needed). The
// point may be any point of <gradus/eval.hpp> with float or double coordinates: it is
// converted to the Eigen vector of double the objective is evaluated at.
#pragma once

#ifndef GRADUS_ANALYSIS_INTERNAL
#error "gradus/analysis/detail/derivatives.hpp is internal: include <gradus/analysis.hpp> instead"
#endif

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <Eigen/Core>

#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/eval.hpp>
#include <gradus/objective.hpp>

namespace gradus::detail::analysis {

template <class>
inline constexpr bool always_false = false;

/// The point as an Eigen vector of double with the point's compile-time size.
template <class P>
struct point_as_vector {
  static_assert(always_false<P>,
                "gradus analysis: the point must be a std::array<double, N> (or float) or an Eigen column vector "
                "of double or float (fixed size or Eigen::VectorXd)");
};
template <class T, std::size_t N>
struct point_as_vector<std::array<T, N>> {
  static_assert(std::is_same_v<T, double> || std::is_same_v<T, float>,
                "gradus analysis: points of SIMD batches are not supported (eigenvalues are computed per point); "
                "use double or float coordinates");
  using type = Eigen::Matrix<double, int(N), 1>;
  static type convert(const std::array<T, N>& p) {
    type x;
    for (std::size_t i = 0; i < N; ++i) x[Eigen::Index(i)] = double(p[i]);
    return x;
  }
};
template <class D>
  requires std::is_base_of_v<Eigen::MatrixBase<D>, D>
struct point_as_vector<D> {
  static_assert(D::ColsAtCompileTime == 1, "gradus analysis: the point must be a column vector");
  static_assert(std::is_same_v<typename D::Scalar, double> || std::is_same_v<typename D::Scalar, float>,
                "gradus analysis: the point's coordinates must be double or float");
  using type = Eigen::Matrix<double, D::RowsAtCompileTime, 1>;
  static type convert(const D& p) { return p.template cast<double>(); }
};

template <class P>
using vector_t = typename point_as_vector<std::remove_cvref_t<P>>::type;
template <class X>
using matrix_t = Eigen::Matrix<double, X::RowsAtCompileTime, X::RowsAtCompileTime>;

template <class P>
vector_t<P> to_vector(const P& p) {
  return point_as_vector<std::remove_cvref_t<P>>::convert(p);
}

/// What a question needs from f beyond value and gradient.
enum class needs { gradient, hessian_vector_product, hessian };

/// Checks, with a sentence, that f can be analysed at points of type X.
template <class F, class X, needs Need>
constexpr void check_function() {
  if constexpr (expression<F>) {
    static_assert(columns_v<F> == 0,
                  "gradus analysis: this expression reads data columns (col<J>); analyse "
                  "gradus::mean_over(loss, data) or gradus::sum_over(loss, data) instead");
  } else {
    static_assert(member_objective<F, X>,
                  "gradus analysis: f must be a gradus expression or have members value(x) -> double and "
                  "gradient(x) -> Eigen vector, callable with the point as an Eigen vector of double");
    if constexpr (Need == needs::hessian)
      static_assert(objective_access::has_hessian<F, X>,
                    "gradus analysis: this question needs the Hessian: give f a member hessian(x) returning an "
                    "Eigen matrix, or write f as a gradus expression");
    if constexpr (Need == needs::hessian_vector_product)
      static_assert(objective_access::has_hessian<F, X> || objective_access::has_hessian_vector_product<F, X>,
                    "gradus analysis: this question needs the curvature gᵀHg: give f a member hessian(x) or "
                    "hessian_vector_product(x, w), or write f as a gradus expression");
  }
}

/// The point as an Eigen vector of double, after checking its size and that it is finite.
template <class F, class P>
vector_t<P> prepare(const P& p, const char* function) {
  vector_t<P> x = to_vector(p);
  if constexpr (expression<F>) gradus::detail::check_point_size<arity_v<F>>(x, function);
  if (x.size() == 0) throw std::invalid_argument(std::string(function) + ": the point is empty");
  if (!x.allFinite()) throw std::invalid_argument(std::string(function) + ": the point contains NaN or Inf");
  return x;
}

/// Throws std::domain_error naming what is not finite.
template <class M>
void require_finite(const M& m, const char* function, const char* what) {
  if (!m.allFinite())
    throw std::domain_error(std::string(function) + ": the " + what + " of f is not finite at the point");
}

template <class F, class X>
double value(const F& f, const X& x) {
  return objective_access::value(f, x);
}

template <class F, class X>
X gradient(const F& f, const X& x) {
  X g(x.size());
  objective_access::gradient(f, x, g);
  return g;
}

template <class F, class X>
matrix_t<X> hessian(const F& f, const X& x) {
  return objective_access::hessian(f, x);
}

template <class F, class X>
X hessian_vector_product(const F& f, const X& x, const X& w) {
  X out(x.size());
  objective_access::hessian_vector_product(f, x, w, out);
  return out;
}

}  // namespace gradus::detail::analysis
