// gradus::minimize(f, x0, method, options): the one entry point of the unconstrained solvers.
//
// It checks at compile time that f is an objective at x0's vector type and that x0's size fits
// f, then hands the run to the method (method.hpp). x0 may be an Eigen column vector of double
// (fixed size or Eigen::VectorXd, or any Eigen expression of one) or a std::array<double, N>;
// the result's x has the matching Eigen type.
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <gradus/objective.hpp>
#include <gradus/optim/method.hpp>
#include <gradus/optim/options.hpp>
#include <gradus/optim/result.hpp>

namespace gradus {
namespace detail {

template <class P, class = void>
struct parameter_vector_of {
  using type = void;
};
template <class P>
  requires(std::is_base_of_v<Eigen::MatrixBase<P>, P> && P::ColsAtCompileTime == 1 &&
           std::is_same_v<typename P::Scalar, double>)
struct parameter_vector_of<P, void> {
  using type = Eigen::Matrix<double, P::RowsAtCompileTime, 1>;
};
template <std::size_t N>
struct parameter_vector_of<std::array<double, N>, void> {
  using type = Eigen::Matrix<double, int(N), 1>;
};

template <class X, class P>
X to_parameter_vector(const P& p) {
  if constexpr (std::is_base_of_v<Eigen::MatrixBase<P>, P>) {
    return X(p);
  } else {
    X x;
    for (std::size_t i = 0; i < p.size(); ++i) x[Eigen::Index(i)] = p[i];
    return x;
  }
}

/// The compile-time row count of what f.gradient(x) returns (Eigen::Dynamic if unknown).
template <class F, class X>
constexpr int member_gradient_rows() {
  if constexpr (member_objective<F, X>) {
    using G = std::remove_cvref_t<decltype(std::declval<const F&>().gradient(std::declval<const X&>()))>;
    if constexpr (requires { G::RowsAtCompileTime; }) return G::RowsAtCompileTime;
    else return Eigen::Dynamic;
  } else {
    return Eigen::Dynamic;
  }
}

template <class>
inline constexpr bool minimize_rejects = false;
}  // namespace detail

/// Minimizes f from x0 with `method`; see options.hpp for the stopping rules.
///   auto r = gradus::minimize(f, x0, gradus::adam{.learning_rate = 0.01}, gradus::options{.max_iterations = 500});
template <class F, class P, class M>
auto minimize(const F& f, const P& x0, const M& method, const options& opts = {}) {
  using X = typename detail::parameter_vector_of<P>::type;
  if constexpr (std::is_void_v<X>) {
    static_assert(detail::minimize_rejects<P>,
                  "gradus::minimize: x0 must be an Eigen column vector of double (Eigen::Vector2d, "
                  "Eigen::Matrix<double, N, 1>, Eigen::VectorXd) or a std::array<double, N>");
  } else if constexpr (!minimization_method<M>) {
    static_assert(detail::minimize_rejects<M>,
                  "gradus::minimize: the third argument must be a method such as gradus::gradient_descent{}, "
                  "gradus::adam{} or gradus::lbfgs{} (and its header must be included)");
  } else if constexpr (expression<F> && columns_v<F> > 0) {
    static_assert(detail::minimize_rejects<F>,
                  "gradus::minimize: this expression reads data columns (col<J>): it is a per-example loss; "
                  "minimize gradus::mean_over(loss, data) or gradus::sum_over(loss, data) instead");
  } else if constexpr (expression<F> && !expression_objective<F, X>) {
    static_assert(detail::minimize_rejects<F>,
                  "gradus::minimize: x0 has fewer coordinates than the expression has variables (an expression "
                  "using var<I> needs at least I + 1)");
  } else if constexpr (!objective<F, X>) {
    static_assert(detail::minimize_rejects<F>,
                  "gradus::minimize: f is not an objective: give it members value(x) -> double and gradient(x) "
                  "-> Eigen vector, callable with x0's vector type, or write it as a gradus expression");
  } else if constexpr (parameter_size_v<X> != Eigen::Dynamic && detail::member_gradient_rows<F, X>() != Eigen::Dynamic &&
                       detail::member_gradient_rows<F, X>() != parameter_size_v<X>) {
    static_assert(detail::minimize_rejects<F>,
                  "gradus::minimize: x0 and the objective's gradient have different fixed sizes: x0 must have "
                  "as many coordinates as the objective has parameters");
  } else {
    X x = detail::to_parameter_vector<X>(x0);
    constexpr int rows = detail::member_gradient_rows<F, X>();
    if constexpr (rows != Eigen::Dynamic && parameter_size_v<X> == Eigen::Dynamic) {
      if (x.size() != rows)
        throw std::invalid_argument("gradus::minimize: x0 has " + std::to_string(x.size()) +
                                    " coordinates but the objective's gradient has " + std::to_string(rows));
    }
    if constexpr (expression<F> && parameter_size_v<X> == Eigen::Dynamic) {
      if (std::size_t(x.size()) < arity_v<F>)
        throw std::invalid_argument("gradus::minimize: x0 has " + std::to_string(x.size()) +
                                    " coordinates but the expression uses " + std::to_string(arity_v<F>) +
                                    " variables");
    }
    if (x.size() == 0) throw std::invalid_argument("gradus::minimize: x0 is empty");
    return method_traits<M>::run(method, f, std::move(x), opts);
  }
}

}  // namespace gradus
