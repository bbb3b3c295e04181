// The xsimd adapter: the ONLY header of gradus that names xsimd's API (xsimd 8.1).
//
// An expression evaluated with T = xsimd::batch<double> evaluates one independent point per
// SIMD lane. This header gives the engine the elementary functions on batches, lane-wise
// selection, horizontal sums, and Eigen's NumTraits so that Eigen vectors and matrices of
// batches (the gradient and Hessian of a batch of points) work.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
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
// conversion is undefined behaviour (found by tests/fuzz). The wrappers of expm1 and tanh below
// give xsimd only arguments whose conversion is defined and put the IEEE answer back in the
// other lanes; exp, log, log1p (and so pow) are gradus's own and convert nothing.
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
// exp, log and log1p are gradus's own (below): xsimd 8.1's convert to 64-bit integers, which
// without AVX-512DQ is a scalar loop through memory, and log1p emulates 64-bit arithmetic shifts;
// these use only double arithmetic, logical shifts and integer adds (per element on AVX2: exp
// 2.0×, log1p 1.7×, log 1.9× faster; on AVX-512 and SSE2 too), all within 1 ulp.
namespace fast {
template <class A> using dbatch = xsimd::batch<double, A>;
template <class A> using ubatch = xsimd::batch<std::uint64_t, A>;
inline constexpr double shifter = 0x1.8p52;  // x + 1.5·2⁵² rounds x to an integer kept in the low bits
inline constexpr double ln2_hi = 0x1.62e42fee00000p-1, ln2_lo = 0x1.a39ef35793c76p-33;

/// 2ᵏ for integral k (a double) in [−1022, 1023], built from bits: no conversion instruction.
template <class A> inline dbatch<A> exp2i(const dbatch<A>& k) {
  const ubatch<A> bits = xsimd::bitwise_cast<ubatch<A>>(k + dbatch<A>(shifter));
  return xsimd::bitwise_cast<dbatch<A>>((bits + ubatch<A>(1023)) << 52);
}

/// eʳ for |r| ≤ ½ln2 + ε: 1 + (r + r²·P(r)), P the Taylor terms 1/2! … 1/13! (truncation
/// < 10⁻¹⁷) by Estrin's scheme: a dependency chain of 6 operations instead of Horner's 13.
template <class A> inline dbatch<A> exp_reduced(const dbatch<A>& r) {
  using B = dbatch<A>;
  const B r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  auto c = [](double v) { return B(v); };
  const B a0 = xsimd::fma(r, c(1.0 / 6), c(1.0 / 2)), a1 = xsimd::fma(r, c(1.0 / 120), c(1.0 / 24));
  const B a2 = xsimd::fma(r, c(1.0 / 5040), c(1.0 / 720)), a3 = xsimd::fma(r, c(1.0 / 362880), c(1.0 / 40320));
  const B a4 = xsimd::fma(r, c(1.0 / 39916800), c(1.0 / 3628800)), a5 = xsimd::fma(r, c(1.0 / 6227020800), c(1.0 / 479001600));
  const B b0 = xsimd::fma(r2, a1, a0), b1 = xsimd::fma(r2, a3, a2), b2 = xsimd::fma(r2, a5, a4);
  const B poly = xsimd::fma(r8, b2, xsimd::fma(r4, b1, b0));
  return B(1.0) + xsimd::fma(r2, poly, r);
}

/// x = k·ln2 + r (Cody–Waite: k = round(x/ln2), r = x − k·ln2 in two parts), r and k.
template <class A> inline void exp_reduce(const dbatch<A>& x, dbatch<A>& k, dbatch<A>& r) {
  using B = dbatch<A>;
  k = xsimd::fma(x, B(0x1.71547652b82fep0), B(shifter)) - B(shifter);
  r = xsimd::fnma(k, B(ln2_lo), xsimd::fnma(k, B(ln2_hi), x));
}

/// eˣ for |x| ≤ 708 (a normal result): eʳ with k added to its exponent bits.
template <class A> inline dbatch<A> exp_normal(const dbatch<A>& x) {
  using B = dbatch<A>;
  B k, r;
  exp_reduce(x, k, r);
  const ubatch<A> kbits = xsimd::bitwise_cast<ubatch<A>>(k + B(shifter)) << 52;  // k·2⁵² mod 2⁶⁴
  return xsimd::bitwise_cast<B>(xsimd::bitwise_cast<ubatch<A>>(exp_reduced(r)) + kbits);
}

/// eˣ for x in [−746, 710] or NaN (the caller clamps): times 2ᵏ as two normal factors, so that
/// results down to the subnormal range round once.
template <class A> inline dbatch<A> exp_kernel(const dbatch<A>& x) {
  using B = dbatch<A>;
  B k, r;
  exp_reduce(x, k, r);
  const B k1 = xsimd::fma(k, B(0.5), B(shifter)) - B(shifter);  // k = k1 + k2, both in [−538, 512]
  return exp_reduced(r) * exp2i(k1) * exp2i(k - k1);
}

/// eˣ to 1 ulp. Overflow gives +Inf, underflow 0, NaN stays NaN. Batches whose lanes all have
/// normal results (|x| ≤ 708, the usual case) take the short path.
template <class A> inline dbatch<A> exp(const dbatch<A>& x) {
  using B = dbatch<A>;
  if (xsimd::all(xsimd::abs(x) <= B(708.0))) return exp_normal(x);
  const B y = exp_kernel(xsimd::min(xsimd::max(x, B(-746.0)), B(710.0)));
  return xsimd::select(x > B(0x1.62e42fefa39efp9), B(std::numeric_limits<double>::infinity()),
                       xsimd::select(x < B(-0x1.74910d52d3051p9), B(0.0), xsimd::select(xsimd::isnan(x), x, y)));
}

/// eˣ for x <= 0 or NaN (e^(−|u|) of the sigmoid family): the lower clamp lets NaN through
/// (x < −746 is false for NaN); below −746 the kernel gives exactly 0.
template <class A> inline dbatch<A> exp_nonpositive(const dbatch<A>& x) {
  using B = dbatch<A>;
  if (xsimd::all(x >= B(-708.0))) return exp_normal(x);
  return exp_kernel(xsimd::select(x < B(-746.0), B(-746.0), x));
}

/// log(2ᵏ(1 + f)) + c for 1 + f in [√½, √2): the polynomial part of log_kernel.
template <class A> inline dbatch<A> log_reduced(const dbatch<A>& f, const dbatch<A>& k, const dbatch<A>& c) {
  using B = dbatch<A>;
  const B hfsq = B(0.5) * f * f;
  const B s = f / (B(2.0) + f);
  const B z = s * s;
  const B w = z * z;
  const B t1 = w * xsimd::fma(w, xsimd::fma(w, B(0x1.39a09d078c69fp-3), B(0x1.c71c51d8e78afp-3)), B(0x1.999999997fa04p-2));
  const B t2 = z * xsimd::fma(w, xsimd::fma(w, xsimd::fma(w, B(0x1.2f112df3e5244p-3), B(0x1.7466496cb03dep-3)),
                                          B(0x1.2492494229359p-2)),
                              B(0x1.5555555555593p-1));
  return s * (hfsq + t1 + t2) + xsimd::fma(k, B(ln2_lo), c) - hfsq + f + k * B(ln2_hi);
}

/// log(u) + c for positive normal u, with u = 2ᵏ(1 + f), 1 + f in [√½, √2): fdlibm's kernel
/// (s = f/(2 + f), log(1 + f) = f − f²/2 + s(f²/2 + R(s²)), R its minimax polynomial).
/// c is a small correction added before the rounding of the sum (log1p's rounding of 1 + x);
/// kshift is subtracted from k (log's scaling of subnormals).
template <class A> inline dbatch<A> log_kernel(const dbatch<A>& u, const dbatch<A>& c, const dbatch<A>& kshift) {
  using B = dbatch<A>;
  using U = ubatch<A>;
  const U iu = xsimd::bitwise_cast<U>(u) + U(0x3ff0000000000000 - 0x3fe6a09e00000000);
  const U e = iu >> 52;  // biased exponent of u/√½, in [1, 2046]: logical shift, no conversion
  const B k = (xsimd::bitwise_cast<B>(e + xsimd::bitwise_cast<U>(B(shifter))) - B(shifter)) - (B(1023.0) + kshift);
  const B m = xsimd::bitwise_cast<B>((iu & U(0x000fffffffffffff)) + U(0x3fe6a09e00000000));
  return log_reduced(m - B(1.0), k, c);
}

/// log x to 1 ulp (subnormal x scaled by 2⁵⁴ first); log 0 = −Inf, negative x NaN.
template <class A> inline dbatch<A> log(const dbatch<A>& x) {
  using B = dbatch<A>;
  const auto normal = x >= B(0x1p-1022) && x < B(std::numeric_limits<double>::infinity());
  if (xsimd::all(normal)) return log_kernel(x, B(0.0), B(0.0));  // the usual case: no special lane
  const auto sub = x < B(0x1p-1022);
  const B u = xsimd::select(sub, x * B(0x1p54), x);
  const B y = log_kernel(u, B(0.0), xsimd::select(sub, B(54.0), B(0.0)));
  const B inf(std::numeric_limits<double>::infinity());
  const B special = xsimd::select(x == B(0.0), -inf, xsimd::select(x == inf, inf, B(std::numeric_limits<double>::quiet_NaN())));
  return xsimd::select(x > B(0.0) && x < inf, y, xsimd::select(xsimd::isnan(x), x, special));
}

/// log(1 + x) to 1 ulp: log of u = 1 + x, plus c = (1 + x − u)/u for the rounding of u; q is
/// 1/u, or any value within a few ulp of it (c is below u·2⁻⁵³, so c·q is as good as c/u).
template <class A> inline dbatch<A> log1p(const dbatch<A>& x, const dbatch<A>& q) {
  using B = dbatch<A>;
  const B one(1.0);
  const B u = one + x;
  const B c = xsimd::select(u >= B(4.0), one - (u - x), x - (u - one)) * q;  // exact up to ·q (Sterbenz)
  const auto regular = x > B(-1.0) && x < B(std::numeric_limits<double>::infinity());
  if (xsimd::all(regular)) return log_kernel(u, c, B(0.0));  // the usual case: no special lane
  const B y = log_kernel(xsimd::select(regular, u, one), c, B(0.0));
  const B inf(std::numeric_limits<double>::infinity());
  const B special = xsimd::select(x == B(-1.0), -inf, xsimd::select(x > B(-1.0), inf, B(std::numeric_limits<double>::quiet_NaN())));
  return xsimd::select(regular, y, xsimd::select(xsimd::isnan(x), x, special));
}
template <class A> inline dbatch<A> log1p(const dbatch<A>& x) { return log1p(x, dbatch<A>(1.0) / (dbatch<A>(1.0) + x)); }

/// log1p(t) for t in [0, 1] or NaN, given q = 1/(1 + t): no special cases (u = 1 + t is in
/// [1, 2], so k is 0 or 1 by one comparison and c needs no case split; a NaN t makes c, hence
/// the result, NaN).
template <class A> inline dbatch<A> log1p_unit(const dbatch<A>& t, const dbatch<A>& q) {
  using B = dbatch<A>;
  const B u = B(1.0) + t;  // in [1, 2]: 2ᵏ(1 + f) with k = 0 or 1, no exponent to extract
  const auto big = u >= B(0x1.6a09ep0);
  const B f = xsimd::select(big, xsimd::fma(u, B(0.5), B(-1.0)), u - B(1.0));  // both exact
  return log_reduced(f, xsimd::select(big, B(1.0), B(0.0)), (t - (u - B(1.0))) * q);
}
}  // namespace fast

/// (xsimd 8.1's exp also flushes results below 2⁻¹⁰²² to 0 and gives +Inf from about 709.4.)
template <class A> inline xsimd::batch<double, A> exp(const xsimd::batch<double, A>& x) { return fast::exp(x); }
template <class A> inline xsimd::batch<double, A> log(const xsimd::batch<double, A>& x) { return fast::log(x); }
template <class A> inline xsimd::batch<double, A> log1p(const xsimd::batch<double, A>& x) { return fast::log1p(x); }
/// e^x for x <= 0 or NaN, and log1p(t) for t in [0, 1] or NaN given q = 1/(1 + t): what σ,
/// softplus and log σ compute (t = e^(−|u|)), without the general versions' special cases.
template <class A> inline xsimd::batch<double, A> exp_nonpositive(const xsimd::batch<double, A>& x) {
  return fast::exp_nonpositive(x);
}
template <class A>
inline xsimd::batch<double, A> log1p_unit(const xsimd::batch<double, A>& t, const xsimd::batch<double, A>& q) {
  return fast::log1p_unit(t, q);
}
// expm1 and tanh saturate (to −1, +Inf and ±1) well inside ±1000.
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
  if (xsimd::all((x > B(0.0)) & xsimd::isfinite(x) & xsimd::isfinite(r))) return exp(r * fast::log(x));
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
