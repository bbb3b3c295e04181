// The feasibility restoration phase of the interior-point method.
//
// When the filter line search cannot find an acceptable step (or the inertia cannot be
// corrected), the solver looks for a less infeasible point by solving, with the same
// interior-point method,
//
//     minimize  ψ(x, t) = ½‖g(x)‖² + ½‖h(x) + t‖²   over x ∈ ℝⁿ, t ∈ ℝ^mᵢ,   subject to  t ≥ 0,
//
// from (x, s): its variables are the original ones and the slacks of the inequalities.
// Minimizing over t ≥ 0 alone gives t = max(−h, 0), so at its minimum over t, ψ is half the
// squared violation ½‖g‖² + ½‖max(h, 0)‖². Its exact Hessian is
//
//     ∇²ψ = [ J_gᵀJ_g + J_hᵀJ_h + Σᵢ gᵢ∇²gᵢ + Σⱼ rⱼ∇²hⱼ   J_hᵀ ]      r = h + t,
//           [ J_h                                       I   ]
//
// where the second-order sum is the original program's ∇²ₓL with objective factor 0 and
// multipliers (g, r). The phase ends as soon as a point reduces the violation θ by 10% and is
// acceptable to the filter of the main phase. If the restoration method instead converges to a
// KKT point of this problem — a stationary point of the violation — while the violation is
// still above the tolerance, the original problem is (locally) infeasible.
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/restoration.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <algorithm>
#include <limits>

#include <gradus/constrained/detail/interior_point_impl.hpp>

namespace gradus::detail {

/// What the restoration callbacks need: the original program and scratch space for it.
struct interior_point_core::restoration_context {
  const ipm_callbacks* original;
  int n, me, mi;
  vector_view x, grad, g, h, r;
  matrix_view jg, jh, hc;

  restoration_context(const ipm_callbacks* cb, int n_, int me_, int mi_, arena& a)
      : original(cb), n(n_), me(me_), mi(mi_), x(a.vector(n_)), grad(a.vector(n_)), g(a.vector(me_)),
        h(a.vector(mi_)), r(a.vector(mi_)), jg(a.matrix(me_, n_)), jh(a.matrix(mi_, n_)), hc(a.matrix(n_, n_)) {}

  /// x and t from z = (x, t); g, h and r = h + t at x.
  void evaluate(const double* z) {
    for (int i = 0; i < n; ++i) x[i] = z[i];
    original->values(original->context, x.data(), g.data(), h.data());
    for (int j = 0; j < mi; ++j) r[j] = h[j] + z[n + j];
  }
};

inline double interior_point_core::restoration_values(void* context, const double* z, double*, double* hr) {
  auto& c = *static_cast<restoration_context*>(context);
  c.evaluate(z);
  double psi = 0;
  for (int k = 0; k < c.me; ++k) psi += c.g[k] * c.g[k];
  for (int j = 0; j < c.mi; ++j) {
    psi += c.r[j] * c.r[j];
    hr[j] = -z[c.n + j];  // t ≥ 0 as −t ≤ 0
  }
  return 0.5 * psi;
}

inline void interior_point_core::restoration_derivatives(void* context, const double* z, double* grad, double*,
                                                         double* jhr) {
  auto& c = *static_cast<restoration_context*>(context);
  c.evaluate(z);
  c.original->derivatives(c.original->context, c.x.data(), c.grad.data(), c.jg.data(), c.jh.data());
  const int nr = c.n + c.mi;
  for (int i = 0; i < c.n; ++i) {
    double v = 0;
    for (int k = 0; k < c.me; ++k) v += c.jg(k, i) * c.g[k];
    for (int j = 0; j < c.mi; ++j) v += c.jh(j, i) * c.r[j];
    grad[i] = v;
  }
  for (int j = 0; j < c.mi; ++j) grad[c.n + j] = c.r[j];
  matrix_view jr(jhr, c.mi, nr);
  jr.setZero();
  for (int j = 0; j < c.mi; ++j) jr(j, c.n + j) = -1;
}

inline void interior_point_core::restoration_hessian(void* context, const double* z, double sigma, const double*,
                                                     const double*, double* w) {
  auto& c = *static_cast<restoration_context*>(context);
  c.evaluate(z);
  c.original->derivatives(c.original->context, c.x.data(), c.grad.data(), c.jg.data(), c.jh.data());
  c.original->hessian(c.original->context, c.x.data(), 0.0, c.g.data(), c.r.data(), c.hc.data());
  const int n = c.n, nr = c.n + c.mi;
  matrix_view wr(w, nr, nr);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b) {
      double v = c.hc(a, b);
      for (int k = 0; k < c.me; ++k) v += c.jg(k, a) * c.jg(k, b);
      for (int j = 0; j < c.mi; ++j) v += c.jh(j, a) * c.jh(j, b);
      wr(a, b) = sigma * v;
    }
  for (int j = 0; j < c.mi; ++j) {
    for (int a = 0; a < n; ++a) wr(a, n + j) = wr(n + j, a) = sigma * c.jh(j, a);
    for (int l = 0; l < c.mi; ++l) wr(n + j, n + l) = j == l ? sigma : 0.0;
  }
}

namespace restoration_detail {
struct monitor_context {
  interior_point_core* main;
  double theta_start;
  double value;  // f at the point found
};
}  // namespace restoration_detail

/// The restoration phase ends when (x, t) reduces θ by the factor κ_resto and the main
/// filter accepts it; the point is left in the main core's trial vectors.
inline bool interior_point_core::back_in_filter(void* context, interior_point_core& resto) {
  auto& c = *static_cast<restoration_detail::monitor_context*>(context);
  interior_point_core& m = *c.main;
  for (int i = 0; i < m.n_; ++i) m.trial_x_[i] = resto.x[i];
  for (int j = 0; j < m.mi_; ++j) {
    m.trial_s_[j] = resto.x[m.n_ + j];
    if (!(m.trial_s_[j] > 0)) return false;
  }
  if (!m.evaluate_values(m.trial_x_, c.value, m.trial_g_, m.trial_h_)) return false;
  const double tht = theta(m.trial_g_, m.trial_h_, m.trial_s_);
  const double pht = m.phi(c.value, m.trial_s_);
  return tht <= kappa_resto * c.theta_start && tht <= m.theta_max_ && std::isfinite(pht) &&
         m.filter_.acceptable(tht, pht);
}

inline status interior_point_core::restore() {
  const double th = theta(g, h, s);
  filter_.add(th, phi(f, s));
  const arena::mark_type mark = arena_.mark();
  restoration_context context(&cb_, n_, me_, mi_, arena_);
  const ipm_callbacks callbacks{&context, restoration_values, restoration_derivatives, restoration_hessian};
  ipm_parameters rp = prm_;
  double violation = max_abs(g);
  for (int j = 0; j < mi_; ++j) violation = std::max(violation, std::abs(h[j] + s[j]));
  rp.mu_initial = std::max(mu_, violation);
  rp.bound_push = 0;  // (x, s) is already strictly inside t ≥ 0
  rp.bound_frac = 0;
  rp.centered_multipliers = true;
  rp.scale = false;  // it works on the main phase's (scaled) program
  rp.max_iterations = prm_.max_iterations - counters_.iterations;
  interior_point_core resto(callbacks, n_ + mi_, 0, mi_, rp, arena_, false);
  for (int i = 0; i < n_; ++i) resto.x[i] = x[i];
  for (int j = 0; j < mi_; ++j) {
    resto.x[n_ + j] = s[j];
    resto.bound_variable[j] = n_ + j;
    resto.bound_sign[j] = -1;
    resto.bound_value[j] = 0;
  }
  restoration_detail::monitor_context monitor{this, th, 0.0};
  const status st = resto.run(false, back_in_filter, &monitor);
  const ipm_counters& rc = resto.counters();
  counters_.iterations += rc.iterations;
  counters_.restoration_iterations += rc.iterations;
  counters_.function_evaluations += rc.function_evaluations;
  counters_.gradient_evaluations += rc.gradient_evaluations;
  counters_.hessian_evaluations += rc.hessian_evaluations;

  status result = status::converged;
  bool take_point = true;
  if (st != status::converged) {
    result = st;
    take_point = false;
  } else if (!resto.stopped_by_monitor()) {
    // A KKT point of the restoration problem: a stationary point of the violation.
    for (int i = 0; i < n_; ++i) trial_x_[i] = resto.x[i];
    for (int j = 0; j < mi_; ++j) trial_s_[j] = std::max(resto.x[n_ + j], std::numeric_limits<double>::min());
    if (!evaluate_values(trial_x_, monitor.value, trial_g_, trial_h_)) {
      result = status::non_finite;
      take_point = false;
    } else {
      double left = 0;  // the violation, in the program's own units
      for (int k = 0; k < me_; ++k) left = std::max(left, std::abs(trial_g_[k]) / scaling_.equality[k]);
      for (int j = 0; j < mi_; ++j) left = std::max(left, trial_h_[j] / scaling_.inequality[j]);
      if (left > prm_.tolerance) result = status::infeasible;  // end there, the evidence of infeasibility
      else filter_.clear();  // feasible but not acceptable to the old filter: start a new one
    }
  }
  arena_.release(mark);
  if (!take_point) return result;
  for (int i = 0; i < n_; ++i) x[i] = trial_x_[i];
  for (int j = 0; j < mi_; ++j) {
    s[j] = trial_s_[j];
    h[j] = trial_h_[j];
  }
  for (int k = 0; k < me_; ++k) g[k] = trial_g_[k];
  f = monitor.value;
  if (!evaluate_derivatives()) return status::non_finite;
  if (result != status::converged) return result;
  estimate_multipliers();
  safeguard_multipliers();
  return status::converged;
}

}  // namespace gradus::detail
