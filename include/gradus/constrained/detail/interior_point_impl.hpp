// The body of the primal-dual interior-point method; the mathematics is in
// <gradus/constrained/interior_point.hpp>. Parameter names and defaults follow Wächter &
// Biegler, "On the implementation of an interior-point filter line-search algorithm for
// large-scale nonlinear programming", Math. Program. 106 (2006), cited below as [WB].
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/interior_point_impl.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#ifdef GRADUS_IPM_TRACE
#include <cstdio>
#endif

#include <Eigen/Core>

#include <gradus/constrained/detail/filter.hpp>
#include <gradus/constrained/detail/restoration.hpp>
#include <gradus/constrained/detail/symmetric_indefinite.hpp>
#include <gradus/constrained/kkt_result.hpp>
#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/constrained/status.hpp>

namespace gradus::detail {

struct ipm_parameters {
  double tolerance = 1e-8;
  int max_iterations = 500;
  double mu_initial = 0.1;
  double bound_push = 1e-2;           // κ₁: distance of x₀ and s₀ from their bounds
  double bound_frac = 1e-2;           // κ₂: … relative to the width of a two-sided bound
  bool centered_multipliers = false;  // α₀ = μ₀/s₀ instead of 1
};

struct ipm_counters {
  int iterations = 0;
  int restoration_iterations = 0;
  int function_evaluations = 0;
  int gradient_evaluations = 0;
  int hessian_evaluations = 0;
};

template <class V>
double max_abs(const V& v) noexcept {
  double m = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i) m = std::max(m, std::abs(v[i]));
  return m;
}
template <class V>
double sum_abs(const V& v) noexcept {
  double m = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i) m += std::abs(v[i]);
  return m;
}
template <class M>
bool all_finite(const M& m) noexcept {
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      if (!std::isfinite(m(i, j))) return false;
  return true;
}

/// The KKT residuals of a program at (x, λ, α), given its values and derivatives there.
template <class G, class JG, class H, class JH, class Grad, class L, class A>
kkt_report kkt_report_of(const Grad& grad, const G& g, const JG& jg, const H& h, const JH& jh, const L& lambda,
                         const A& alpha) {
  kkt_report r;
  Grad dl = grad;
  if constexpr (G::RowsAtCompileTime != 0) dl += jg.transpose() * lambda;
  if constexpr (H::RowsAtCompileTime != 0) dl += jh.transpose() * alpha;
  r.stationarity = max_abs(dl);
  r.primal_feasibility = max_abs(g);
  for (Eigen::Index j = 0; j < h.size(); ++j) {
    r.primal_feasibility = std::max(r.primal_feasibility, std::max(h[j], 0.0));
    r.dual_feasibility = std::max(r.dual_feasibility, std::max(-alpha[j], 0.0));
    r.complementarity = std::max(r.complementarity, std::abs(alpha[j] * h[j]));
  }
  if (!all_finite(dl) || !all_finite(g) || !all_finite(h) || !all_finite(alpha)) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    r = {nan, nan, nan, nan};
  }
  return r;
}

template <int N, int ME, int MI>
struct ipm_iterate {
  Eigen::Matrix<double, N, 1> x;
  Eigen::Matrix<double, MI, 1> s;
  Eigen::Matrix<double, ME, 1> lambda;
  Eigen::Matrix<double, MI, 1> alpha;
  // f, g, h and their derivatives at x
  double f = 0;
  Eigen::Matrix<double, N, 1> grad;
  Eigen::Matrix<double, ME, 1> g;
  Eigen::Matrix<double, ME, N> jg;
  Eigen::Matrix<double, MI, 1> h;
  Eigen::Matrix<double, MI, N> jh;
};

template <nonlinear_program P, bool InRestoration = false>
class interior_point_method {
 public:
  static constexpr int n = P::variables;
  static constexpr int me = P::equalities;
  static constexpr int mi = P::inequalities;
  static constexpr int nk = n + me;
  using vec_n = Eigen::Matrix<double, n, 1>;
  using vec_e = Eigen::Matrix<double, me, 1>;
  using vec_i = Eigen::Matrix<double, mi, 1>;
  using vec_k = Eigen::Matrix<double, nk, 1>;
  using mat_n = Eigen::Matrix<double, n, n>;
  using mat_k = Eigen::Matrix<double, nk, nk>;
  using iterate = ipm_iterate<n, me, mi>;

  interior_point_method(const P& program, const ipm_parameters& prm) : p_(program), prm_(prm) {}

  const ipm_counters& counters() const noexcept { return counters_; }
  /// Whether run() ended because stop_when(iterate) returned true.
  bool stopped_by_monitor() const noexcept { return stopped_; }

  /// Runs from it.x (and it.s when slacks_given). Ends with the last iterate in `it`.
  /// stop_when(it) is asked after every accepted step; true ends the run (restoration uses it).
  template <class Monitor>
  status run(iterate& it, bool slacks_given, Monitor&& stop_when) {
    stopped_ = false;
    if (!slacks_given) push_into_bounds(it.x);
    if (!evaluate_values(it.x, it.f, it.g, it.h) || !evaluate_derivatives(it)) return status::non_finite;
    if (!slacks_given) initialize_slacks(it);
    mu_ = prm_.mu_initial;
    tau_ = std::max(tau_min, 1 - mu_);
    for (int j = 0; j < mi; ++j) it.alpha[j] = prm_.centered_multipliers ? mu_ / it.s[j] : 1.0;
    it.lambda = multiplier_estimate(it);
    const double theta0 = theta(it.g, it.h, it.s);
    theta_max_ = 1e4 * std::max(1.0, theta0);
    theta_min_ = 1e-4 * std::max(1.0, theta0);
    filter_.clear();
    bool force_barrier_update = false;
    for (;;) {
      if (kkt_report_of(it.grad, it.g, it.jg, it.h, it.jh, it.lambda, it.alpha).satisfied(prm_.tolerance))
        return status::converged;
      if (counters_.iterations >= prm_.max_iterations) return status::max_iterations;
      if (max_abs(it.x) > 1e20) return status::diverged;
      update_barrier(it, force_barrier_update);
      force_barrier_update = false;

      const mat_n w = p_.lagrangian_hessian(it.x, 1.0, it.lambda, it.alpha);
      ++counters_.hessian_evaluations;
      if (!all_finite(w)) return status::non_finite;

      ++counters_.iterations;
      direction d;
      const bool have_step = factor(it, w) && solve_newton(it, it.g, it.h + it.s, d);
      step_outcome outcome = have_step ? line_search(it, d) : step_outcome::failed;
#ifdef GRADUS_IPM_TRACE
      std::fprintf(stderr, "%s it %3d mu %.2e f %.10e theta %.2e E %.2e dw %.1e ap %.2e ad %.2e out %d filt %zu\n",
                   InRestoration ? "R" : " ", counters_.iterations, mu_, it.f, theta(it.g, it.h, it.s),
                   barrier_error(it, mu_), delta_w_last_, trace_ap_, trace_ad_, int(outcome), filter_.size());
#endif
      if (outcome == step_outcome::tiny) force_barrier_update = true;
      if (outcome == step_outcome::failed) {
        if constexpr (InRestoration) {
          return status::line_search_failed;
        } else {
          const status st = restore(it);
          if (st != status::converged) return st;
        }
      }
      if (stop_when(it)) {
        stopped_ = true;
        return status::converged;
      }
    }
  }

 private:
  // [WB] defaults.
  static constexpr double tau_min = 0.99;
  static constexpr double kappa_eps = 10, kappa_mu = 0.2, theta_mu = 1.5;
  static constexpr double kappa_sigma = 1e10;
  static constexpr double gamma_theta = 1e-5, gamma_phi = 1e-8, gamma_alpha = 0.05;
  static constexpr double delta_switch = 1, s_theta = 1.1, s_phi = 2.3, eta_phi = 1e-8;
  static constexpr double kappa_soc = 0.99;
  static constexpr int max_soc = 4;
  static constexpr double delta_w_min = 1e-20, delta_w_first = 1e-4, delta_w_max = 1e40;
  static constexpr double kappa_w_minus = 1.0 / 3, kappa_w_plus = 8, kappa_w_plus_first = 100;
  static constexpr double delta_c_bar = 1e-8, kappa_c = 0.25;
  static constexpr double kappa_resto = 0.9;
  static constexpr double s_max = 100;
  static constexpr double eps = std::numeric_limits<double>::epsilon();

  struct direction {
    vec_n dx;
    vec_i ds;
    vec_e dlambda;
    vec_i dalpha;
  };
  enum class step_outcome { accepted, tiny, failed };

  // ---- evaluation --------------------------------------------------------------------------
  bool evaluate_values(const vec_n& x, double& f, vec_e& g, vec_i& h) {
    ++counters_.function_evaluations;
    f = p_.objective(x);
    g = p_.equality_values(x);
    h = p_.inequality_values(x);
    return std::isfinite(f) && all_finite(g) && all_finite(h);
  }
  bool evaluate_derivatives(iterate& it) {
    ++counters_.gradient_evaluations;
    it.grad = p_.objective_gradient(it.x);
    it.jg = p_.equality_jacobian(it.x);
    it.jh = p_.inequality_jacobian(it.x);
    return all_finite(it.grad) && all_finite(it.jg) && all_finite(it.jh);
  }

  // ---- measures ----------------------------------------------------------------------------
  static double theta(const vec_e& g, const vec_i& h, const vec_i& s) { return sum_abs(g) + sum_abs(h + s); }
  double phi(double f, const vec_i& s) const {
    double b = f;
    for (int j = 0; j < mi; ++j) b -= mu_ * std::log(s[j]);
    return b;
  }
  vec_n lagrangian_gradient(const iterate& it) const {
    vec_n r = it.grad;
    if constexpr (me > 0) r += it.jg.transpose() * it.lambda;
    if constexpr (mi > 0) r += it.jh.transpose() * it.alpha;
    return r;
  }
  /// The scaled optimality error of the barrier problem, E_μ of [WB] (2.5) with s_max = 100.
  double barrier_error(const iterate& it, double mu) const {
    const double multipliers = sum_abs(it.lambda) + sum_abs(it.alpha);
    const double sd = me + mi > 0 ? std::max(s_max, multipliers / (me + mi)) / s_max : 1.0;
    const double sc = mi > 0 ? std::max(s_max, sum_abs(it.alpha) / mi) / s_max : 1.0;
    double complementarity = 0;
    for (int j = 0; j < mi; ++j) complementarity = std::max(complementarity, std::abs(it.s[j] * it.alpha[j] - mu));
    return std::max({max_abs(lagrangian_gradient(it)) / sd, max_abs(it.g), max_abs(it.h + it.s), complementarity / sc});
  }

  // ---- initialization ----------------------------------------------------------------------
  /// Moves x₀ strictly inside the bounds marked by the program ([WB] §3.6).
  void push_into_bounds(vec_n& x) {
    bounds_ = inequality_bounds_of(p_);
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::array<double, std::size_t(n)> lower, upper;
    lower.fill(-inf);
    upper.fill(inf);
    for (const variable_bound& b : bounds_) {
      if (b.variable < 0 || b.variable >= n) continue;
      auto i = std::size_t(b.variable);
      if (b.sign > 0) upper[i] = std::min(upper[i], b.value);
      else lower[i] = std::max(lower[i], b.value);
    }
    for (int i = 0; i < n; ++i) {
      const double l = lower[std::size_t(i)], u = upper[std::size_t(i)];
      if (!(l < u)) continue;  // contradictory or fixed: nothing strictly inside
      double pl = prm_.bound_push * std::max(1.0, std::abs(l));
      double pu = prm_.bound_push * std::max(1.0, std::abs(u));
      if (std::isfinite(l) && std::isfinite(u)) {
        pl = std::min(pl, prm_.bound_frac * (u - l));
        pu = std::min(pu, prm_.bound_frac * (u - l));
      }
      if (std::isfinite(l) && !(x[i] > l + pl)) x[i] = l + pl;
      if (std::isfinite(u) && !(x[i] < u - pu)) x[i] = u - pu;
      if (!(x[i] > l && x[i] < u)) x[i] = std::isfinite(l) && std::isfinite(u) ? 0.5 * (l + u) : x[i];
    }
  }
  void initialize_slacks(iterate& it) const {
    const double floor = prm_.bound_push > 0 ? prm_.bound_push : 1e-8;
    for (int j = 0; j < mi; ++j) {
      const bool bound = bounds_[std::size_t(j)].variable >= 0;
      it.s[j] = (bound && -it.h[j] > 0) ? -it.h[j] : std::max(-it.h[j], floor);
    }
  }
  /// λ minimizing ‖∇f + J_gᵀλ + J_hᵀα‖ ([WB] §3.6), or 0 when that is large or ill-defined.
  vec_e multiplier_estimate(const iterate& it) {
    vec_e lambda = vec_e::Zero();
    if constexpr (me > 0) {
      mat_k m = mat_k::Zero();
      m.template topLeftCorner<n, n>().setIdentity();
      m.template bottomLeftCorner<me, n>() = it.jg;
      m.template topRightCorner<n, me>() = it.jg.transpose();
      const inertia in = factorization_.factor(m);
      if (in.positive != n || in.negative != me) return lambda;
      vec_k rhs = vec_k::Zero();
      rhs.template head<n>() = -it.grad;
      if constexpr (mi > 0) rhs.template head<n>() -= it.jh.transpose() * it.alpha;
      const vec_k z = factorization_.solve(rhs);
      lambda = z.template tail<me>();
      if (!all_finite(lambda) || max_abs(lambda) > 1e3) lambda.setZero();
    }
    return lambda;
  }

  // ---- barrier parameter -------------------------------------------------------------------
  /// Monotone (Fiacco–McCormick) rule [WB] (7): while the barrier problem is solved to
  /// κ_ε·μ, μ ← max(ε/10, min(κ_μ μ, μ^θ_μ)); each decrease starts a new filter.
  void update_barrier(const iterate& it, bool force) {
    const double mu_min = prm_.tolerance / 10;
    while (force || barrier_error(it, mu_) <= kappa_eps * mu_) {
      const double next = std::max(mu_min, std::min(kappa_mu * mu_, std::pow(mu_, theta_mu)));
      if (!(next < mu_)) break;
      mu_ = next;
      tau_ = std::max(tau_min, 1 - mu_);
      filter_.clear();
      force = false;
    }
  }

  // ---- the Newton system -------------------------------------------------------------------
  /// Factors the condensed KKT matrix [W + J_hᵀΣJ_h + δ_w I, J_gᵀ; J_g, −δ_c I] with the
  /// inertia correction of [WB] §3.1 (Algorithm IC): the smallest δ_w found that gives n
  /// positive and mₑ negative eigenvalues; δ_c > 0 when J_g is rank deficient.
  bool factor(const iterate& it, const mat_n& w) {
    sigma_ = it.alpha.cwiseQuotient(it.s);
    mat_k base = mat_k::Zero();
    base.template topLeftCorner<n, n>() = w;
    if constexpr (mi > 0) base.template topLeftCorner<n, n>() += it.jh.transpose() * sigma_.asDiagonal() * it.jh;
    if constexpr (me > 0) {
      base.template bottomLeftCorner<me, n>() = it.jg;
      base.template topRightCorner<n, me>() = it.jg.transpose();
    }
    auto try_factor = [&](double dw, double dc) {
      kkt_ = base;
      kkt_.template topLeftCorner<n, n>().diagonal().array() += dw;
      if constexpr (me > 0) kkt_.template bottomRightCorner<me, me>().diagonal().array() -= dc;
      const inertia in = factorization_.factor(kkt_);
      return std::pair{in.positive == n && in.negative == me && in.zero == 0, in.zero > 0};
    };
    auto [ok, singular] = try_factor(0.0, 0.0);
    if (ok) return true;
    const double dc = singular ? delta_c_bar * std::pow(mu_, kappa_c) : 0.0;
    if (singular && me > 0) {
      std::tie(ok, singular) = try_factor(0.0, dc);
      if (ok) return true;
    }
    double dw = delta_w_last_ == 0 ? delta_w_first : std::max(delta_w_min, kappa_w_minus * delta_w_last_);
    for (;;) {
      std::tie(ok, singular) = try_factor(dw, dc);
      if (ok) {
        delta_w_last_ = dw;
        return true;
      }
      dw *= delta_w_last_ == 0 ? kappa_w_plus_first : kappa_w_plus;
      if (dw > delta_w_max) return false;
    }
  }

  /// Solves the primal-dual Newton system at `it` for the constraint residuals (c_g, c_h) (the
  /// current g and h + s for the Newton step; the accumulated ones for a second-order correction):
  ///   W dx + J_gᵀdλ + J_hᵀdα = −∇ₓL,  Σ ds + dα = −(α − μ/s),  J_g dx = −c_g,  J_h dx + ds = −c_h,
  /// by eliminating ds and dα and solving the condensed system for (dx, dλ).
  bool solve_newton(const iterate& it, const vec_e& cg, const vec_i& ch, direction& d) const {
    const vec_n rx = lagrangian_gradient(it);
    vec_i rs;
    for (int j = 0; j < mi; ++j) rs[j] = it.alpha[j] - mu_ / it.s[j];
    vec_k rhs;
    rhs.template head<n>() = -rx;
    if constexpr (mi > 0) rhs.template head<n>() -= it.jh.transpose() * (sigma_.cwiseProduct(ch) - rs);
    if constexpr (me > 0) rhs.template tail<me>() = -cg;
    vec_k z = factorization_.solve(rhs);
    z += factorization_.solve(rhs - kkt_ * z);  // one step of iterative refinement
    d.dx = z.template head<n>();
    d.dlambda = z.template tail<me>();
    d.ds = -ch;
    if constexpr (mi > 0) d.ds -= it.jh * d.dx;
    d.dalpha = -rs - sigma_.cwiseProduct(d.ds);
    return all_finite(z) && all_finite(d.ds) && all_finite(d.dalpha);
  }

  /// Largest step in (0, 1] keeping v + a·dv ≥ (1 − τ)v (fraction to the boundary, [WB] (15)).
  double max_step(const vec_i& v, const vec_i& dv) const {
    double a = 1;
    for (int j = 0; j < mi; ++j)
      if (dv[j] < 0) a = std::min(a, -tau_ * v[j] / dv[j]);
    return a;
  }

  // ---- filter line search ([WB] §2.3, Algorithm A steps A-5 to A-8) -------------------------
  struct trial {
    vec_n x;
    vec_i s;
    double f;
    vec_e g;
    vec_i h;
  };

  step_outcome line_search(iterate& it, const direction& d) {
    const double th = theta(it.g, it.h, it.s);
    const double ph = phi(it.f, it.s);
    double dphi = it.grad.dot(d.dx);
    for (int j = 0; j < mi; ++j) dphi -= mu_ * d.ds[j] / it.s[j];
    const double alpha_max = max_step(it.s, d.ds);
    const double alpha_dual = max_step(it.alpha, d.dalpha);

    // Accepts the trial, or says why not: the switching condition and Armijo for an f-type
    // step when nearly feasible, otherwise sufficient decrease of θ or φ against the current point.
    bool f_type = false;
    auto acceptable = [&](const trial& t, double a) {
      if (!std::isfinite(t.f) || !all_finite(t.g) || !all_finite(t.h)) return false;
      const double tht = theta(t.g, t.h, t.s);
      const double pht = phi(t.f, t.s);
      if (!std::isfinite(pht) || tht > theta_max_) return false;
      if (!filter_.acceptable(tht, pht)) return false;
      const bool switching = dphi < 0 && a * std::pow(-dphi, s_phi) > delta_switch * std::pow(th, s_theta);
      const double slack = 10 * eps * std::abs(ph);
      if (th <= theta_min_ && switching) {
        f_type = true;
        return pht - (ph + eta_phi * a * dphi) <= slack;
      }
      f_type = false;
      return tht <= (1 - gamma_theta) * th || pht - (ph - gamma_phi * th) <= slack;
    };
    auto make_trial = [&](const vec_n& dx, const vec_i& ds, double a, trial& t) {
      t.x = it.x + a * dx;
      t.s = it.s + a * ds;
      evaluate_values(t.x, t.f, t.g, t.h);
    };

    trial t;
    double alpha_primal = alpha_max;
    bool accepted = false;
    double step_scale = 0;  // relative size of the step, for the tiny-step test
    for (int i = 0; i < n; ++i) step_scale = std::max(step_scale, std::abs(d.dx[i]) / (1 + std::abs(it.x[i])));
    for (int j = 0; j < mi; ++j) step_scale = std::max(step_scale, std::abs(d.ds[j]) / (1 + std::abs(it.s[j])));
    const bool tiny = step_scale < 10 * eps && max_abs(d.dlambda) < 1e-2 * (1 + max_abs(it.lambda));
    if (tiny) {
      make_trial(d.dx, d.ds, alpha_max, t);
      accepted = std::isfinite(t.f) && all_finite(t.g) && all_finite(t.h);
      f_type = true;
    } else {
      double alpha_min = gamma_theta;
      if (dphi < 0) {
        alpha_min = std::min(gamma_theta, gamma_phi * th / -dphi);
        if (th <= theta_min_) alpha_min = std::min(alpha_min, delta_switch * std::pow(th, s_theta) / std::pow(-dphi, s_phi));
      }
      alpha_min *= gamma_alpha;
      for (double a = alpha_max; a >= alpha_min; a *= 0.5) {
        make_trial(d.dx, d.ds, a, t);
        if (acceptable(t, a)) {
          alpha_primal = a;
          accepted = true;
          break;
        }
        if (a == alpha_max && std::isfinite(t.f) && all_finite(t.g) && all_finite(t.h) &&
            theta(t.g, t.h, t.s) >= th && second_order_correction(it, a, t, acceptable, alpha_primal)) {
          accepted = true;
          break;
        }
      }
    }
    if (!accepted) return step_outcome::failed;
    if (!f_type) filter_.add((1 - gamma_theta) * th, ph - gamma_phi * th);

    it.x = t.x;
    it.s = t.s;
    it.f = t.f;
    it.g = t.g;
    it.h = t.h;
#ifdef GRADUS_IPM_TRACE
    trace_ap_ = alpha_primal;
    trace_ad_ = alpha_dual;
#endif
    it.lambda += alpha_primal * d.dlambda;
    it.alpha += alpha_dual * d.dalpha;
    if (!evaluate_derivatives(it)) return step_outcome::failed;
    safeguard_multipliers(it);
    return tiny ? step_outcome::tiny : step_outcome::accepted;
  }

  /// Second-order corrections ([WB] §2.4) against the Maratos effect: re-solves the Newton
  /// system with the constraint residual accumulated at the rejected trial points.
  template <class Acceptable>
  bool second_order_correction(const iterate& it, double a, trial& t, Acceptable& acceptable,
                               double& alpha_primal) {
    vec_e cg = a * it.g + t.g;
    vec_i ch = a * (it.h + it.s) + (t.h + t.s);
    double theta_old = theta(it.g, it.h, it.s);
    for (int p = 0; p < max_soc; ++p) {
      direction c;
      if (!solve_newton(it, cg, ch, c)) return false;
      const double a_soc = max_step(it.s, c.ds);
      trial ts;
      ts.x = it.x + a_soc * c.dx;
      ts.s = it.s + a_soc * c.ds;
      evaluate_values(ts.x, ts.f, ts.g, ts.h);
      if (acceptable(ts, a)) {
        t = ts;
        alpha_primal = a_soc;
        return true;
      }
      if (!std::isfinite(ts.f) || !all_finite(ts.g) || !all_finite(ts.h)) return false;
      const double theta_soc = theta(ts.g, ts.h, ts.s);
      if (theta_soc > kappa_soc * theta_old) return false;
      theta_old = theta_soc;
      cg = a_soc * cg + ts.g;
      ch = a_soc * ch + (ts.h + ts.s);
    }
    return false;
  }

  /// Keeps every αⱼ within a factor κ_Σ of μ/sⱼ ([WB] (16)), so Σ stays a good model of the
  /// primal Hessian of the barrier.
  void safeguard_multipliers(iterate& it) const {
    for (int j = 0; j < mi; ++j)
      it.alpha[j] = std::clamp(it.alpha[j], mu_ / (kappa_sigma * it.s[j]), kappa_sigma * mu_ / it.s[j]);
  }

  // ---- feasibility restoration ([WB] §3.3, with the least-squares problem of restoration.hpp)
  status restore(iterate& it) {
    const double th = theta(it.g, it.h, it.s);
    filter_.add(th, phi(it.f, it.s));
    const restoration_program<P> resto{p_};
    using resto_method = interior_point_method<restoration_program<P>, true>;
    ipm_parameters rp = prm_;
    rp.mu_initial = std::max(mu_, std::max(max_abs(it.g), max_abs(it.h + it.s)));
    rp.bound_push = 0;
    rp.bound_frac = 0;
    rp.centered_multipliers = true;
    rp.max_iterations = prm_.max_iterations - counters_.iterations;
    resto_method method(resto, rp);
    typename resto_method::iterate r;
    r.x.template head<n>() = it.x;
    r.x.template tail<mi>() = it.s;
    trial t;
    auto back_in_filter = [&](const typename resto_method::iterate& ri) {
      t.x = ri.x.template head<n>();
      t.s = ri.x.template tail<mi>();
      for (int j = 0; j < mi; ++j)
        if (!(t.s[j] > 0)) return false;
      if (!evaluate_values(t.x, t.f, t.g, t.h)) return false;
      const double tht = theta(t.g, t.h, t.s);
      const double pht = phi(t.f, t.s);
      return tht <= kappa_resto * th && tht <= theta_max_ && std::isfinite(pht) && filter_.acceptable(tht, pht);
    };
    const status st = method.run(r, false, back_in_filter);
    const ipm_counters& rc = method.counters();
    counters_.iterations += rc.iterations;
    counters_.restoration_iterations += rc.iterations + rc.restoration_iterations;
    counters_.function_evaluations += rc.function_evaluations;
    counters_.gradient_evaluations += rc.gradient_evaluations;
    counters_.hessian_evaluations += rc.hessian_evaluations;
    if (st != status::converged) return st;
    if (!method.stopped_by_monitor()) {
      // A KKT point of the restoration problem: a stationary point of the violation.
      t.x = r.x.template head<n>();
      t.s = r.x.template tail<mi>();
      if (!evaluate_values(t.x, t.f, t.g, t.h)) return status::non_finite;
      double violation = max_abs(t.g);
      for (int j = 0; j < mi; ++j) violation = std::max(violation, t.h[j]);
      if (violation > prm_.tolerance) {
        // End at the stationary point of the violation, the evidence of infeasibility.
        it.x = t.x;
        it.s = t.s;
        it.f = t.f;
        it.g = t.g;
        it.h = t.h;
        evaluate_derivatives(it);
        return status::infeasible;
      }
      filter_.clear();  // feasible, but not acceptable to the old filter: start a new one
      for (int j = 0; j < mi; ++j) t.s[j] = std::max(t.s[j], std::numeric_limits<double>::min());
    }
    it.x = t.x;
    it.s = t.s;
    it.f = t.f;
    it.g = t.g;
    it.h = t.h;
    if (!evaluate_derivatives(it)) return status::non_finite;
    it.lambda = multiplier_estimate(it);
    safeguard_multipliers(it);
    return status::converged;
  }

  const P& p_;
  ipm_parameters prm_;
  ipm_counters counters_{};
  bool stopped_ = false;
  double mu_ = 0.1, tau_ = 0.99;
  double theta_max_ = 0, theta_min_ = 0;
  double delta_w_last_ = 0;
  filter filter_{};
  std::array<variable_bound, std::size_t(mi)> bounds_{};
  vec_i sigma_;
  mat_k kkt_;
  symmetric_indefinite<nk> factorization_;
#ifdef GRADUS_IPM_TRACE
  double trace_ap_ = 0, trace_ad_ = 0;
#endif
};

}  // namespace gradus::detail
