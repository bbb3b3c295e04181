// Elementary functions for every scalar type gradus evaluates with: float, double
// (the standard library) and xsimd::batch<double> (eval/simd.hpp). The engine calls only
// these, so one generic implementation serves all scalar types.
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>

#include <gradus/eval/simd.hpp>

namespace gradus::detail::math {

template <class T>
concept real_scalar = std::is_floating_point_v<T>;

template <real_scalar T> inline T exp(T x) { return std::exp(x); }
template <real_scalar T> inline T log(T x) { return std::log(x); }
template <real_scalar T> inline T log1p(T x) { return std::log1p(x); }
/// e^x for x <= 0 or NaN; log1p(t) for t in [0, 1] or NaN where the caller has q = 1/(1 + t)
/// (the sigmoid family's t = e^(−|u|)): the SIMD versions skip the general special cases.
template <real_scalar T> inline T exp_nonpositive(T x) { return std::exp(x); }
template <real_scalar T> inline T log1p_unit(T t, T) { return std::log1p(t); }
template <real_scalar T> inline T expm1(T x) { return std::expm1(x); }
template <real_scalar T> inline T sqrt(T x) { return std::sqrt(x); }
template <real_scalar T> inline T sin(T x) { return std::sin(x); }
template <real_scalar T> inline T cos(T x) { return std::cos(x); }
template <real_scalar T> inline T tan(T x) { return std::tan(x); }
template <real_scalar T> inline T tanh(T x) { return std::tanh(x); }
template <real_scalar T> constexpr T abs(T x) { return x < T(0) ? -x : x; }
template <real_scalar T> inline T pow(T x, T r) { return std::pow(x, r); }
template <real_scalar T> constexpr T max(T a, T b) { return a < b ? b : a; }
template <real_scalar T> constexpr T min(T a, T b) { return b < a ? b : a; }
template <real_scalar T> constexpr T sign(T x) { return x > T(0) ? T(1) : (x < T(0) ? T(-1) : x * T(0)); }
template <real_scalar T> constexpr T select_nonnegative(T x, T a, T b) { return x >= T(0) ? a : b; }
template <real_scalar T> constexpr T horizontal_sum(T x) { return x; }
template <real_scalar T> inline bool all_finite(T x) { return std::isfinite(x); }
template <real_scalar T> inline bool any_nonfinite(T x) { return !std::isfinite(x); }

/// A double constant as a value of the scalar type T (a broadcast for batches).
template <class T>
constexpr T lift(double c) {
  return T(c);
}

}  // namespace gradus::detail::math
