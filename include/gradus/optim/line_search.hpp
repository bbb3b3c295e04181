// Line searches along a descent direction d from x: choose λ > 0 for x + λd, looking only at
//   φ(λ) = f(x + λd),   φ'(λ) = ∇f(x + λd)ᵀd,   φ'(0) < 0.
//
// backtracking (Armijo): try λ = λ₀, βλ₀, β²λ₀, … and accept the first λ with
//   φ(λ) <= φ(0) + α λ φ'(0),        α ∈ (0, ½), β ∈ (0, 1)      (sufficient decrease)
// strong_wolfe: accept λ with sufficient decrease (c₁) and small slope (c₂), 0 < c₁ < c₂ < 1:
//   φ(λ) <= φ(0) + c₁ λ φ'(0)   and   |φ'(λ)| <= c₂ |φ'(0)|
//   found by bracketing (λ grows until the conditions hold or an interval contains a
//   point that satisfies them) and zoom, each trial placed at the minimizer of the cubic that
//   interpolates φ and φ' at the bracket's ends (the quadratic through φ(lo), φ'(lo), φ(hi)
//   when the cubic has no minimizer; bisection when either lands outside the middle 80 %):
//   Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6.
// exact_quadratic_step: for d = −g, the minimizer of the local quadratic model
//   f(x − εg) ≈ f − ε gᵀg + ½ ε² gᵀHg   is   ε* = gᵀg / gᵀHg   (Hg: a Hessian-vector product),
//   used when gᵀHg > 0 and tried first by backtracking (so on a non-quadratic f an ε* that
//   does not decrease f is shortened); when gᵀHg <= 0 the model has no minimum and the step
//   falls back to backtracking from λ₀.
//
// A trial value that is NaN or +∞ counts as "too far": the step is shortened. Accepted steps
// decrease f strictly, so a step lost in rounding (x + λd == x) is never accepted. Near a
// minimizer the decrease can fall below the rounding error of f; when φ(λ) equals φ(0) to
// within 16 ulp and even the first trial's predicted decrease −λ₀φ'(0) is
// within 1000× that, sufficient decrease is judged by the slope instead, as in Hager & Zhang's
// approximate Wolfe conditions: φ'(λ) <= (2c₁ − 1) φ'(0) (exact for a quadratic φ).
#pragma once

#include <cmath>
#include <concepts>
#include <limits>
#include <cstddef>
#include <string>

#include <gradus/optim/schedule.hpp>

namespace gradus {

/// Armijo backtracking: accept λ = λ₀βᵏ for the first k with φ(λ) <= φ(0) + αλφ'(0).
struct backtracking {
  double alpha = 1e-4;                ///< sufficient-decrease constant, in (0, ½)
  double beta = 0.5;                  ///< shrink factor, in (0, 1)
  double initial = 1.0;               ///< λ₀ on the first iteration (later ones start from the last step / β)
  std::size_t max_evaluations = 60;   ///< trials before the search reports failure
};

/// Strong Wolfe conditions with c₁ (sufficient decrease) and c₂ (curvature), 0 < c₁ < c₂ < 1.
struct strong_wolfe {
  double c1 = 1e-4;  ///< sufficient-decrease constant c₁
  double c2 = 0.9;   ///< curvature constant c₂
  double initial = 1.0;               ///< λ₀ on the first iteration (later ones start from the last step)
  std::size_t max_evaluations = 60;   ///< trials before the search reports failure
};

/// ε* = gᵀg / gᵀHg from one Hessian-vector product, shortened by `fallback` if it does not
/// decrease f enough; `fallback` alone when gᵀHg <= 0.
struct exact_quadratic_step {
  backtracking fallback{};  ///< the search used when ε* is unusable
};

/// φ and φ' at one trial step.
struct line_point {
  double value;  ///< φ(λ)
  double slope;  ///< φ'(λ)
};

/// A function of the step along a line: φ(λ) and (φ(λ), φ'(λ)).
template <class Phi>
concept line_function = requires(Phi& phi, double step) {
  { phi.value(step) } -> std::convertible_to<double>;
  { phi.value_and_slope(step) } -> std::same_as<line_point>;
};

/// The outcome of a line search. When success is false, step and value are those of the
/// start (λ = 0, φ(0)).
struct line_search_result {
  double step = 0;              ///< the accepted λ
  double value = 0;             ///< φ(λ)
  bool success = false;         ///< whether the conditions were met
  std::size_t evaluations = 0;  ///< evaluations of φ made
};

namespace detail {
inline void check_rule(const backtracking& r) {
  check_argument(r.alpha > 0 && r.alpha < 0.5, "gradus::backtracking: alpha must lie in (0, 1/2)");
  check_argument(r.beta > 0 && r.beta < 1, "gradus::backtracking: beta must lie in (0, 1)");
  check_argument(std::isfinite(r.initial) && r.initial > 0, "gradus::backtracking: the initial step must be positive");
  check_argument(r.max_evaluations > 0, "gradus::backtracking: max_evaluations must be at least 1");
}
inline void check_rule(const strong_wolfe& r) {
  check_argument(r.c1 > 0 && r.c1 < r.c2 && r.c2 < 1, "gradus::strong_wolfe: the constants must satisfy 0 < c1 < c2 < 1");
  check_argument(std::isfinite(r.initial) && r.initial > 0, "gradus::strong_wolfe: the initial step must be positive");
  check_argument(r.max_evaluations > 1, "gradus::strong_wolfe: max_evaluations must be at least 2");
}
inline void check_rule(const exact_quadratic_step& r) { check_rule(r.fallback); }

/// Minimizer of the cubic through (a, fa, da) and (b, fb, db); NaN when it has none.
inline double cubic_minimizer(double a, double fa, double da, double b, double fb, double db) {
  const double d1 = da + db - 3 * (fa - fb) / (a - b);
  const double disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return std::nan("");
  const double d2 = std::copysign(std::sqrt(disc), b - a);
  const double denom = db - da + 2 * d2;
  if (denom == 0) return std::nan("");
  return b - (b - a) * (db + d2 - d1) / denom;
}

/// Minimizer of the quadratic through (a, fa, da) and (b, fb); NaN when it is concave.
inline double quadratic_minimizer(double a, double fa, double da, double b, double fb) {
  const double h = b - a;
  const double curvature = fb - fa - da * h;
  if (!(curvature > 0)) return std::nan("");
  return a - da * h * h / (2 * curvature);
}

/// How far apart two values of f near φ0 may be and still be equal up to rounding.
inline double rounding_noise(double phi0) { return 16 * std::numeric_limits<double>::epsilon() * std::fabs(phi0); }

/// Whether the first trial's predicted decrease −λ₀φ'(0) is itself lost in rounding (within
/// 1000× the noise): only then may the slope stand in for the value.
inline bool decrease_within_rounding(double slope0, double initial, double noise) {
  return -slope0 * initial <= 1000 * noise;
}

/// Whether x + step·d differs from x (line functions that cannot tell are assumed to move).
template <class Phi>
bool moves(const Phi& phi, double step) {
  if constexpr (requires { phi.moves(step); }) return phi.moves(step);
  else return true;
}

/// A trial in the middle 80 % of [lo, hi] (either order): the interpolant's minimizer if it
/// is there, else the midpoint.
inline double safeguarded_trial(double lo, double flo, double dlo, double hi, double fhi, double dhi) {
  const double left = std::fmin(lo, hi), width = std::fabs(hi - lo);
  const auto inside = [&](double t) { return t >= left + 0.1 * width && t <= left + 0.9 * width; };
  if (std::isfinite(fhi) && std::isfinite(dhi)) {
    const double c = cubic_minimizer(lo, flo, dlo, hi, fhi, dhi);
    if (inside(c)) return c;
  }
  if (std::isfinite(fhi)) {
    const double q = quadratic_minimizer(lo, flo, dlo, hi, fhi);
    if (inside(q)) return q;
  }
  return 0.5 * (lo + hi);
}
}  // namespace detail

/// Armijo backtracking from λ₀ = initial. Fails if φ'(0) >= 0 or no trial is accepted.
template <line_function Phi>
line_search_result line_search(const backtracking& rule, Phi& phi, double phi0, double slope0, double initial) {
  line_search_result r{0, phi0, false, 0};
  if (!(slope0 < 0) || !(initial > 0)) return r;
  const double noise = detail::rounding_noise(phi0);
  const bool near_minimum = detail::decrease_within_rounding(slope0, initial, noise);
  double step = initial;
  for (std::size_t i = 0; i < rule.max_evaluations; ++i) {
    const double v = phi.value(step);
    ++r.evaluations;
    bool ok = v <= phi0 + rule.alpha * step * slope0 && v < phi0;
    double value = v;
    if (near_minimum && std::fabs(v - phi0) <= noise) {
      ok = false;  // the decrease is below rounding: judge by the slope, not by the value
      if (detail::moves(phi, step)) {
        const line_point p = phi.value_and_slope(step);
        ++r.evaluations;
        ok = p.slope <= (2 * rule.alpha - 1) * slope0;
        value = p.value;
      }
    }
    if (ok) {
      r.step = step;
      r.value = value;
      r.success = true;
      return r;
    }
    step *= rule.beta;
  }
  return r;
}

/// A step satisfying the strong Wolfe conditions, by bracketing and zoom from λ₀ = initial.
/// The returned step always satisfies sufficient decrease; if the bracket shrinks to rounding
/// width before the curvature condition holds, its best end is returned.
template <line_function Phi>
line_search_result line_search(const strong_wolfe& rule, Phi& phi, double phi0, double slope0, double initial) {
  line_search_result r{0, phi0, false, 0};
  if (!(slope0 < 0) || !(initial > 0)) return r;
  const double noise = detail::rounding_noise(phi0);
  const bool near_minimum = detail::decrease_within_rounding(slope0, initial, noise);
  const auto near = [&](double v) { return near_minimum && std::fabs(v - phi0) <= noise; };
  const auto sufficient = [&](double step, const line_point& p) {
    if (near(p.value)) return p.slope <= (2 * rule.c1 - 1) * slope0 && detail::moves(phi, step);
    return p.value <= phi0 + rule.c1 * step * slope0 && p.value < phi0;
  };
  const auto flat = [&](double d) { return std::fabs(d) <= -rule.c2 * slope0; };
  const auto accept = [&](double step, double v) {
    r.step = step;
    r.value = v;
    r.success = true;
    return r;
  };

  // zoom: lo satisfies sufficient decrease and has the lowest value seen; φ'(lo)(hi − lo) < 0.
  auto zoom = [&](double lo, double flo, double dlo, double hi, double fhi, double dhi) {
    while (r.evaluations < rule.max_evaluations) {
      if (std::fabs(hi - lo) <= 1e-15 * std::fmax(std::fabs(lo), std::fabs(hi))) break;
      const double step = detail::safeguarded_trial(lo, flo, dlo, hi, fhi, dhi);
      const line_point p = phi.value_and_slope(step);
      ++r.evaluations;
      if (!sufficient(step, p) || (!(p.value < flo) && !(near(p.value) && near(flo)))) {
        hi = step, fhi = p.value, dhi = p.slope;
      } else {
        if (flat(p.slope)) return accept(step, p.value);
        if (p.slope * (hi - lo) >= 0) hi = lo, fhi = flo, dhi = dlo;
        lo = step, flo = p.value, dlo = p.slope;
      }
    }
    if (lo > 0) return accept(lo, flo);
    return r;
  };

  double prev = 0, fprev = phi0, dprev = slope0;
  double step = initial;
  while (r.evaluations < rule.max_evaluations) {
    const line_point p = phi.value_and_slope(step);
    ++r.evaluations;
    if (std::isinf(p.value) && p.value < 0) return accept(step, p.value);  // unbounded below: let the solver see it
    if (!sufficient(step, p) || (r.evaluations > 1 && p.value >= fprev && !(near(p.value) && near(fprev))))
      return zoom(prev, fprev, dprev, step, p.value, p.slope);
    if (flat(p.slope)) return accept(step, p.value);
    if (p.slope >= 0) return zoom(step, p.value, p.slope, prev, fprev, dprev);
    prev = step, fprev = p.value, dprev = p.slope;
    step *= 2;
  }
  if (prev > 0) return accept(prev, fprev);
  return r;
}

}  // namespace gradus
