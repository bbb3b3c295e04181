// Elementary functions of expressions. Each returns a node; none evaluates anything.
// Compile-time integers fold where the result is an integer (pow<2>(integer<3>) is 9).
#pragma once

#include <tuple>

#include <gradus/core/expression.hpp>
#include <gradus/core/operators.hpp>

namespace gradus {

#define GRADUS_DEFINE_UNARY_FUNCTION(name)                    \
  template <expression E>                                     \
  constexpr auto name(const E& e) {                           \
    return detail::make_unary<op::name>(e);                   \
  }
GRADUS_DEFINE_UNARY_FUNCTION(exp)  ///< e^x
GRADUS_DEFINE_UNARY_FUNCTION(log)  ///< the natural logarithm
GRADUS_DEFINE_UNARY_FUNCTION(log1p)  ///< log(1 + x), accurate for small x
GRADUS_DEFINE_UNARY_FUNCTION(expm1)  ///< e^x − 1, accurate for small x
GRADUS_DEFINE_UNARY_FUNCTION(sqrt)  ///< √x
GRADUS_DEFINE_UNARY_FUNCTION(sin)  ///< sine
GRADUS_DEFINE_UNARY_FUNCTION(cos)  ///< cosine
GRADUS_DEFINE_UNARY_FUNCTION(tan)  ///< tangent
GRADUS_DEFINE_UNARY_FUNCTION(tanh)  ///< hyperbolic tangent
GRADUS_DEFINE_UNARY_FUNCTION(sigmoid)      ///< 1 / (1 + e^−x), evaluated without overflow
GRADUS_DEFINE_UNARY_FUNCTION(softplus)     ///< log(1 + e^x), evaluated without overflow
GRADUS_DEFINE_UNARY_FUNCTION(log_sigmoid)  ///< log σ(x) = −softplus(−x)
GRADUS_DEFINE_UNARY_FUNCTION(abs)  ///< |x| (its derivative is sign(x))
GRADUS_DEFINE_UNARY_FUNCTION(sign)         ///< −1, 0 or 1: the derivative of abs
#undef GRADUS_DEFINE_UNARY_FUNCTION

/// e².
template <expression E>
constexpr auto square(const E& e) {
  if constexpr (is_integer_v<E>) return integer<E::value * E::value>{};
  else return detail::make_unary<op::square>(e);
}

/// e^N for a compile-time integer N (negative too): pow<3>(y), pow<-1>(x).
template <long long N, expression E>
constexpr auto pow(const E& e) {
  if constexpr (N == 0) return integer<1>{};
  else if constexpr (N == 1) return e;
  else if constexpr (N == 2) return square(e);
  else return detail::make_unary<op::pow_int<N>>(e);
}

/// e^r for a real exponent r known at run time (e must be positive where r is not an integer).
template <expression E, arithmetic R>
constexpr auto pow(const E& e, R r) {
  return detail::make_unary(e, op::pow_real{static_cast<double>(r)});
}

/// log(Σ exp(eᵢ)), evaluated as m + log Σ exp(eᵢ − m) with m = max eᵢ, so it never
/// overflows: logsumexp(1000, 990, 980) is 1000.0000454...
template <operand... Es>
  requires(sizeof...(Es) >= 1)
constexpr auto logsumexp(const Es&... es) {
  return nary<op::logsumexp, decltype(detail::as_expression(es))...>(detail::as_expression(es)...);
}

/// exp(e_K − logsumexp(e...)): the K-th softmax weight, the derivative of logsumexp.
template <std::size_t K, expression... Es>
constexpr auto softmax_weight(const nary<op::logsumexp, Es...>& lse) {
  return detail::tuple_apply([](const auto&... e) { return nary<op::softmax<K>, Es...>(e...); }, lse.args);
}

}  // namespace gradus
