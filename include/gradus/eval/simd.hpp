// The xsimd adapter: the ONLY header of gradus that names xsimd's API (xsimd 8.1).
//
// An expression evaluated with T = xsimd::batch<double> evaluates one independent point per
// SIMD lane. This header gives the engine the elementary functions on batches, lane-wise
// selection, horizontal sums, and Eigen's NumTraits so that Eigen vectors and matrices of
// batches (the gradient and Hessian of a batch of points) work.
#pragma once

#include <cmath>
#include <cstddef>
#include <type_traits>

#include <Eigen/Core>
#include <xsimd/xsimd.hpp>

namespace gradus {

/// The SIMD batch of doubles for the architecture the code is compiled for.
using simd_double = xsimd::batch<double>;

namespace detail {
template <class T> struct is_simd_batch : std::false_type {};
template <class T, class A> struct is_simd_batch<xsimd::batch<T, A>> : std::true_type {};
}  // namespace detail

namespace detail::math {
// xsimd 8's exp, expm1, tanh and pow convert a multiple of x·log₂e to a 64-bit integer before
// they select the answer for out-of-range lanes; with x NaN, ±Inf or beyond about ±6e18 that
// conversion is undefined behaviour (found by tests/fuzz). The wrappers below give xsimd only
// arguments whose conversion is defined and put the IEEE answer back in the other lanes.
namespace simd_guard {
/// x with NaN lanes set to 0 and the others clamped to [−limit, limit].
template <class A> inline xsimd::batch<double, A> tame(const xsimd::batch<double, A>& x, double limit) {
  using B = xsimd::batch<double, A>;
  const B clamped = xsimd::select(x > B(limit), B(limit), xsimd::select(x < B(-limit), B(-limit), x));
  return xsimd::select(xsimd::isnan(x), B(0.0), clamped);
}
/// r with the NaN lanes of x put back.
template <class A>
inline xsimd::batch<double, A> keep_nan(const xsimd::batch<double, A>& x, const xsimd::batch<double, A>& r) {
  return xsimd::select(xsimd::isnan(x), x, r);
}
}  // namespace simd_guard
// exp and expm1 saturate (to 0 or −1, and +Inf) well inside ±1000, tanh (to ±1) inside ±20.
template <class A> inline xsimd::batch<double, A> exp(const xsimd::batch<double, A>& x) {
  return simd_guard::keep_nan(x, xsimd::exp(simd_guard::tame(x, 1000.0)));
}
template <class A> inline xsimd::batch<double, A> log(const xsimd::batch<double, A>& x) { return xsimd::log(x); }
template <class A> inline xsimd::batch<double, A> log1p(const xsimd::batch<double, A>& x) { return xsimd::log1p(x); }
template <class A> inline xsimd::batch<double, A> expm1(const xsimd::batch<double, A>& x) {
  return simd_guard::keep_nan(x, xsimd::expm1(simd_guard::tame(x, 1000.0)));
}
template <class A> inline xsimd::batch<double, A> sqrt(const xsimd::batch<double, A>& x) { return xsimd::sqrt(x); }
template <class A> inline xsimd::batch<double, A> sin(const xsimd::batch<double, A>& x) { return xsimd::sin(x); }
template <class A> inline xsimd::batch<double, A> cos(const xsimd::batch<double, A>& x) { return xsimd::cos(x); }
template <class A> inline xsimd::batch<double, A> tan(const xsimd::batch<double, A>& x) { return xsimd::tan(x); }
template <class A> inline xsimd::batch<double, A> tanh(const xsimd::batch<double, A>& x) {
  return simd_guard::keep_nan(x, xsimd::tanh(simd_guard::tame(x, 1000.0)));
}
template <class A> inline xsimd::batch<double, A> abs(const xsimd::batch<double, A>& x) { return xsimd::abs(x); }
/// For positive finite bases pow is exp(r·log x), which is what xsimd's pow computes for them,
/// here through the guarded exp (so an overflowing r·log x is no conversion UB); lanes with
/// a zero, negative or non-finite base or a non-finite exponent (rare) take std::pow lane by
/// lane, which also keeps its special cases.
template <class A> inline xsimd::batch<double, A> pow(const xsimd::batch<double, A>& x, const xsimd::batch<double, A>& r) {
  using B = xsimd::batch<double, A>;
  if (xsimd::all((x > B(0.0)) & xsimd::isfinite(x) & xsimd::isfinite(r))) return exp(r * xsimd::log(x));
  alignas(A::alignment()) double xs[B::size], rs[B::size];
  x.store_aligned(xs);
  r.store_aligned(rs);
  for (std::size_t i = 0; i < B::size; ++i) xs[i] = std::pow(xs[i], rs[i]);
  return B::load_aligned(xs);
}
template <class A> inline xsimd::batch<double, A> max(const xsimd::batch<double, A>& a, const xsimd::batch<double, A>& b) {
  return xsimd::max(a, b);
}
template <class A> inline xsimd::batch<double, A> min(const xsimd::batch<double, A>& a, const xsimd::batch<double, A>& b) {
  return xsimd::min(a, b);
}
/// −1, 0 or +1 lane by lane (NaN stays NaN).
template <class A> inline xsimd::batch<double, A> sign(const xsimd::batch<double, A>& x) {
  using B = xsimd::batch<double, A>;
  return xsimd::select(x > B(0.0), B(1.0), xsimd::select(x < B(0.0), B(-1.0), x * B(0.0)));
}
/// Lane-wise choice: where x >= 0 take a, else b.
template <class A>
inline xsimd::batch<double, A> select_nonnegative(const xsimd::batch<double, A>& x, const xsimd::batch<double, A>& a,
                                                  const xsimd::batch<double, A>& b) {
  return xsimd::select(x >= xsimd::batch<double, A>(0.0), a, b);
}
template <class A> inline double horizontal_sum(const xsimd::batch<double, A>& x) { return xsimd::hadd(x); }
template <class A> inline bool all_finite(const xsimd::batch<double, A>& x) {
  return xsimd::all(xsimd::isfinite(x));
}
template <class A> inline bool any_nonfinite(const xsimd::batch<double, A>& x) {
  return xsimd::any(!xsimd::isfinite(x));
}

/// Loads `lanes` consecutive doubles (a full batch) from p.
template <class B> inline B load_unaligned(const double* p) { return B::load_unaligned(p); }
/// Loads the first n < size doubles from p, the other lanes set to fill.
template <class B> inline B load_partial(const double* p, std::size_t n, double fill) {
  alignas(B::arch_type::alignment()) double tmp[B::size];
  for (std::size_t i = 0; i < B::size; ++i) tmp[i] = i < n ? p[i] : fill;
  return B::load_aligned(tmp);
}
/// Zero in the lanes at and past n (for sums over a partial batch).
template <class B> inline B keep_first_lanes(const B& x, std::size_t n) {
  alignas(B::arch_type::alignment()) double tmp[B::size];
  x.store_aligned(tmp);
  for (std::size_t i = n; i < B::size; ++i) tmp[i] = 0.0;
  return B::load_aligned(tmp);
}
/// Writes the lanes of x to p[0], …, p[size − 1].
template <class A> inline void store_unaligned(const xsimd::batch<double, A>& x, double* p) { x.store_unaligned(p); }
/// Lane i of a batch.
template <class A> inline double lane(const xsimd::batch<double, A>& x, std::size_t i) {
  alignas(A::alignment()) double tmp[xsimd::batch<double, A>::size];
  x.store_aligned(tmp);
  return tmp[i];
}
}  // namespace detail::math

/// Number of doubles in one SIMD batch for the architecture compiled for.
inline constexpr std::size_t simd_width = simd_double::size;

}  // namespace gradus

// Eigen vectors and matrices of batches: the gradient and Hessian of SIMD_WIDTH points.
namespace Eigen {
template <class A>
struct NumTraits<xsimd::batch<double, A>> : GenericNumTraits<xsimd::batch<double, A>> {
  using Real = xsimd::batch<double, A>;
  using NonInteger = xsimd::batch<double, A>;
  using Nested = xsimd::batch<double, A>;
  using Literal = double;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = 1,
    AddCost = 1,
    MulCost = 1
  };
  static inline Real epsilon() { return Real(NumTraits<double>::epsilon()); }
  static inline Real dummy_precision() { return Real(NumTraits<double>::dummy_precision()); }
  static inline Real highest() { return Real(NumTraits<double>::highest()); }
  static inline Real lowest() { return Real(NumTraits<double>::lowest()); }
  static inline int digits10() { return NumTraits<double>::digits10(); }
};
}  // namespace Eigen
