// The body of the primal-dual interior-point method; the mathematics is in
// <gradus/constrained/interior_point.hpp>. Parameter names and defaults follow Wächter &
// Biegler, "On the implementation of an interior-point filter line-search algorithm for
// large-scale nonlinear programming", Math. Program. 106 (2006), cited below as [WB].
//
// The core is an ordinary class, compiled once whatever the problem: it reaches the program
// through three callbacks (values, first derivatives, Hessian of the Lagrangian) and keeps its
// state in views over a caller-owned workspace (workspace.hpp). The typed front end
// (solve_kkt.hpp) owns that workspace and adapts the program to the callbacks.
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/interior_point_impl.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include <gradus/constrained/detail/filter.hpp>
#include <gradus/constrained/detail/symmetric_indefinite.hpp>
#include <gradus/constrained/detail/workspace.hpp>
#include <gradus/constrained/kkt_result.hpp>
#include <gradus/optim/status.hpp>

namespace gradus::detail {

struct ipm_parameters {
  double tolerance = 1e-8;
  int max_iterations = 500;
  double mu_initial = 0.1;
  double bound_push = 1e-2;           // κ₁: distance of x₀ and s₀ from their bounds
  double bound_frac = 1e-2;           // κ₂: … relative to the width of a two-sided bound
  bool centered_multipliers = false;  // α₀ = μ₀/s₀ instead of 1
  bool scale = true;                  // gradient-based scaling of f, g and h at x₀
};

struct ipm_counters {
  int iterations = 0;
  int restoration_iterations = 0;
  int function_evaluations = 0;
  int gradient_evaluations = 0;
  int hessian_evaluations = 0;
};

/// The program, seen through function pointers. Matrices are column-major; jg is mₑ×n, jh
/// mᵢ×n, w n×n (both triangles).
struct ipm_callbacks {
  void* context = nullptr;
  /// f(x); writes g(x) and h(x).
  double (*values)(void* context, const double* x, double* g, double* h) = nullptr;
  /// Writes ∇f(x), J_g(x) and J_h(x).
  void (*derivatives)(void* context, const double* x, double* grad, double* jg, double* jh) = nullptr;
  /// Writes σ∇²f + Σλᵢ∇²gᵢ + Σαⱼ∇²hⱼ at x.
  void (*hessian)(void* context, const double* x, double sigma, const double* lambda, const double* alpha,
                  double* w) = nullptr;
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
/// out (+)= Aᵀv for a column-major view A.
template <class A, class V, class O>
void add_transpose_times(const A& a, const V& v, O& out) {
  for (Eigen::Index c = 0; c < a.cols(); ++c) {
    double t = 0;
    for (Eigen::Index r = 0; r < a.rows(); ++r) t += a(r, c) * v[r];
    out[c] += t;
  }
}

/// The KKT residuals at (x, λ, α) from ∇f, g, J_g, h, J_h there (any Eigen dense types).
template <class Grad, class G, class JG, class H, class JH, class L, class A>
kkt_report kkt_report_of(const Grad& grad, const G& g, const JG& jg, const H& h, const JH& jh, const L& lambda,
                         const A& alpha) {
  kkt_report r;
  bool finite = true;
  for (Eigen::Index i = 0; i < grad.size(); ++i) {
    double d = grad[i];
    for (Eigen::Index k = 0; k < g.size(); ++k) d += jg(k, i) * lambda[k];
    for (Eigen::Index k = 0; k < h.size(); ++k) d += jh(k, i) * alpha[k];
    finite = finite && std::isfinite(d);
    r.stationarity = std::max(r.stationarity, std::abs(d));
  }
  for (Eigen::Index k = 0; k < g.size(); ++k) {
    finite = finite && std::isfinite(g[k]);
    r.primal_feasibility = std::max(r.primal_feasibility, std::abs(g[k]));
  }
  for (Eigen::Index j = 0; j < h.size(); ++j) {
    finite = finite && std::isfinite(h[j]) && std::isfinite(alpha[j]);
    r.primal_feasibility = std::max(r.primal_feasibility, std::max(h[j], 0.0));
    r.dual_feasibility = std::max(r.dual_feasibility, std::max(-alpha[j], 0.0));
    r.complementarity = std::max(r.complementarity, std::abs(alpha[j] * h[j]));
  }
  if (!finite) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    r = {nan, nan, nan, nan};
  }
  return r;
}

class interior_point_core {
 public:
  /// Workspace the core takes for a program with n variables, mₑ equalities, mᵢ inequalities.
  static constexpr std::size_t doubles_needed(std::size_t n, std::size_t me, std::size_t mi) noexcept {
    const std::size_t k = n + me;
    return 9 * n + 20 * mi + 9 * me + 4 * k + me * n + mi * n + n * n + 3 * k * k;
  }
  static constexpr std::size_t ints_needed(std::size_t n, std::size_t me, std::size_t mi) noexcept {
    return mi + 2 * (n + me);
  }
  /// … and what one restoration phase takes on top (its own core plus scratch).
  static constexpr std::size_t restoration_doubles(std::size_t n, std::size_t me, std::size_t mi) noexcept {
    return doubles_needed(n + mi, 0, mi) + 2 * n + me + 2 * mi + me * n + mi * n + n * n;
  }
  static constexpr std::size_t restoration_ints(std::size_t n, std::size_t, std::size_t mi) noexcept {
    return ints_needed(n + mi, 0, mi);
  }

  /// Asked after every accepted step; true ends the run (the restoration phase uses it).
  using monitor_function = bool (*)(void* context, interior_point_core& core);

  interior_point_core(const ipm_callbacks& cb, int n, int me, int mi, const ipm_parameters& prm, arena& a,
                      bool with_restoration)
      : n_(n), me_(me), mi_(mi), k_(n + me), cb_(cb), prm_(prm), arena_(a), with_restoration_(with_restoration),
        x(a.vector(n)), grad(a.vector(n)), trial_x_(a.vector(n)), soc_x_(a.vector(n)), dx_(a.vector(n)),
        soc_dx_(a.vector(n)), grad_lagrangian_(a.vector(n)), lower_(a.vector(n)), upper_(a.vector(n)),
        s(a.vector(mi)), y(a.vector(mi)), v(a.vector(mi)), h(a.vector(mi)), trial_s_(a.vector(mi)),
        trial_h_(a.vector(mi)), soc_s_(a.vector(mi)), soc_h_(a.vector(mi)), ds_(a.vector(mi)), dy_(a.vector(mi)),
        dv_(a.vector(mi)), soc_ds_(a.vector(mi)), soc_dy_(a.vector(mi)), sigma_(a.vector(mi)), rs_(a.vector(mi)),
        ch_(a.vector(mi)), bound_sign(a.vector(mi)), bound_value(a.vector(mi)), lambda(a.vector(me)),
        g(a.vector(me)), trial_g_(a.vector(me)), soc_g_(a.vector(me)), dlambda_(a.vector(me)),
        soc_dlambda_(a.vector(me)), cg_(a.vector(me)), rhs_(a.vector(k_)), z_(a.vector(k_)),
        residual_(a.vector(k_)), jg(a.matrix(me, n)), jh(a.matrix(mi, n)), w_(a.matrix(n, n)),
        base_(a.matrix(k_, k_)), kkt_(a.matrix(k_, k_)), factorization_(a, k_),
        scaling_{cb, n, 1.0, a.vector(me), a.vector(mi), a.vector(me), a.vector(mi)}, bound_variable(a.ints(mi)) {
    for (int k = 0; k < me; ++k) scaling_.equality[k] = 1;
    for (int j = 0; j < mi; ++j) scaling_.inequality[j] = 1;
    for (int j = 0; j < mi; ++j) bound_variable[j] = -1;
  }

  // ---- the iterate and its evaluations (read by the front end) ------------------------------
  double f = 0;
  const int n_, me_, mi_, k_;

 private:
  ipm_callbacks cb_;
  ipm_parameters prm_;
  arena& arena_;
  bool with_restoration_;

 public:
  vector_view x, grad;

 private:
  vector_view trial_x_, soc_x_, dx_, soc_dx_, grad_lagrangian_, lower_, upper_;

 public:
  vector_view s;  ///< slacks: h(x) + s = 0, s > 0
  vector_view y;  ///< multipliers of h(x) + s = 0 (in the Hessian and ∇ₓL)
  vector_view v;  ///< multipliers of s ≥ 0 (complementarity s·v = μ); y = v at a solution
  vector_view h;

 private:
  vector_view trial_s_, trial_h_, soc_s_, soc_h_, ds_, dy_, dv_, soc_ds_, soc_dy_, sigma_, rs_, ch_;

 public:
  vector_view bound_sign, bound_value;  ///< inequality j is sign·(x[bound_variable[j]] − value) ≤ 0
  vector_view lambda, g;

 private:
  vector_view trial_g_, soc_g_, dlambda_, soc_dlambda_, cg_, rhs_, z_, residual_;

 public:
  matrix_view jg, jh;

 private:
  matrix_view w_, base_, kkt_;
  symmetric_indefinite factorization_;

  /// Gradient-based scaling (as Ipopt's default): the method works on s_f·f, s_g∘g, s_h∘h with
  /// each factor min(1, 100 / ‖gradient at x₀‖∞), and reports in the original units.
  struct scaling {
    ipm_callbacks original;
    int n;
    double objective;
    vector_view equality, inequality;  // factors
    vector_view lambda, alpha;         // scratch: the multipliers of the unscaled Hessian
  } scaling_;
  static double scaled_values(void* context, const double* x, double* g, double* h) {
    auto& c = *static_cast<scaling*>(context);
    const double f = c.original.values(c.original.context, x, g, h);
    for (Eigen::Index k = 0; k < c.equality.size(); ++k) g[k] *= c.equality[k];
    for (Eigen::Index j = 0; j < c.inequality.size(); ++j) h[j] *= c.inequality[j];
    return f * c.objective;
  }
  static void scaled_derivatives(void* context, const double* x, double* grad, double* jg, double* jh) {
    auto& c = *static_cast<scaling*>(context);
    c.original.derivatives(c.original.context, x, grad, jg, jh);
    const Eigen::Index me = c.equality.size(), mi = c.inequality.size(), n = Eigen::Index(c.n);
    for (Eigen::Index i = 0; i < n; ++i) {
      grad[i] *= c.objective;
      for (Eigen::Index k = 0; k < me; ++k) jg[i * me + k] *= c.equality[k];
      for (Eigen::Index j = 0; j < mi; ++j) jh[i * mi + j] *= c.inequality[j];
    }
  }
  static void scaled_hessian(void* context, const double* x, double sigma, const double* lambda, const double* alpha,
                             double* w) {
    auto& c = *static_cast<scaling*>(context);
    for (Eigen::Index k = 0; k < c.equality.size(); ++k) c.lambda[k] = lambda[k] * c.equality[k];
    for (Eigen::Index j = 0; j < c.inequality.size(); ++j) c.alpha[j] = alpha[j] * c.inequality[j];
    c.original.hessian(c.original.context, x, sigma * c.objective, c.lambda.data(), c.alpha.data(), w);
  }
  /// Chooses the factors from the derivatives at x (unscaled) and evaluates through them.
  void choose_scaling() {
    const double max_gradient = 100, min_factor = 1e-8;
    auto factor = [&](double largest) { return largest > max_gradient ? std::max(min_factor, max_gradient / largest) : 1.0; };
    scaling_.objective = factor(max_abs(grad));
    for (int k = 0; k < me_; ++k) {
      double largest = 0;
      for (int i = 0; i < n_; ++i) largest = std::max(largest, std::abs(jg(k, i)));
      scaling_.equality[k] = factor(largest);
    }
    for (int j = 0; j < mi_; ++j) {
      double largest = 0;
      for (int i = 0; i < n_; ++i) largest = std::max(largest, std::abs(jh(j, i)));
      scaling_.inequality[j] = factor(largest);
    }
    cb_ = ipm_callbacks{&scaling_, scaled_values, scaled_derivatives, scaled_hessian};
  }

 public:
  int* bound_variable;  ///< −1 for a general inequality

  const ipm_counters& counters() const noexcept { return counters_; }
  bool stopped_by_monitor() const noexcept { return stopped_; }
  /// The KKT residuals in the program's own units (the convergence test and the result).
  kkt_report report() const {
    kkt_report r = kkt_report_of(grad, g, jg, h, jh, lambda, v);  // of the scaled problem, α = v
    const double sf = scaling_.objective;
    r.stationarity /= sf;
    r.complementarity /= sf;
    r.primal_feasibility = 0;
    r.dual_feasibility = 0;
    for (int k = 0; k < me_; ++k)
      r.primal_feasibility = std::max(r.primal_feasibility, std::abs(g[k]) / scaling_.equality[k]);
    for (int j = 0; j < mi_; ++j) {
      r.primal_feasibility = std::max(r.primal_feasibility, std::max(h[j] / scaling_.inequality[j], 0.0));
      r.dual_feasibility = std::max(r.dual_feasibility, std::max(-v[j] * scaling_.inequality[j] / sf, 0.0));
    }
    return r;
  }
  /// f, λ and α in the program's own units.
  double unscaled_value() const { return f / scaling_.objective; }
  double unscaled_lambda(int k) const { return lambda[k] * scaling_.equality[k] / scaling_.objective; }
  double unscaled_alpha(int j) const { return v[j] * scaling_.inequality[j] / scaling_.objective; }

  /// Runs from x (and s when slacks_given) to the end; the last iterate stays in the views.
  status run(bool slacks_given, monitor_function monitor = nullptr, void* monitor_context = nullptr) {
    stopped_ = false;
    f = std::numeric_limits<double>::quiet_NaN();
    grad.setZero();
    g.setZero();
    jg.setZero();
    h.setZero();
    jh.setZero();
    lambda.setZero();
    y.setZero();
    v.setZero();
    if (!slacks_given) s.setZero();
    // The scaling factors come from the derivatives at the starting point as given (as in
    // Ipopt), when they are finite there.
    if (prm_.scale && evaluate_derivatives()) choose_scaling();
    if (!slacks_given) push_into_bounds();
    if (!evaluate_values(x, f, g, h) || !evaluate_derivatives()) return status::non_finite;
    if (!slacks_given) initialize_slacks();
    mu_ = prm_.mu_initial;
    tau_ = std::max(tau_min, 1 - mu_);
    for (int j = 0; j < mi_; ++j) v[j] = prm_.centered_multipliers ? mu_ / s[j] : 1.0;
    estimate_multipliers();
    const double theta0 = theta(g, h, s);
    theta_max_ = 1e4 * std::max(1.0, theta0);
    theta_min_ = 1e-4 * std::max(1.0, theta0);
    filter_.clear();
    bool force_barrier_update = false;
    for (;;) {
      if (report().satisfied(prm_.tolerance)) return status::converged;
      if (counters_.iterations >= prm_.max_iterations) return status::max_iterations;
      if (max_abs(x) > 1e20) return status::diverged;
      update_barrier(force_barrier_update);
      force_barrier_update = false;

      cb_.hessian(cb_.context, x.data(), 1.0, lambda.data(), y.data(), w_.data());
      ++counters_.hessian_evaluations;
      if (!all_finite(w_)) return status::non_finite;

      ++counters_.iterations;
      const bool have_step = factor() && solve_newton(g, hs_residual(), dx_, ds_, dlambda_, dy_);
      const step_outcome outcome = have_step ? line_search() : step_outcome::failed;
      if (outcome == step_outcome::tiny) force_barrier_update = true;
      if (outcome == step_outcome::failed) {
        if (!with_restoration_) return status::line_search_failed;
        const status st = restore();
        if (st != status::converged) return st;
      }
      if (monitor != nullptr && monitor(monitor_context, *this)) {
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

  enum class step_outcome { accepted, tiny, failed };

  // ---- evaluation --------------------------------------------------------------------------
  bool evaluate_values(const vector_view& at, double& value, vector_view& gv, vector_view& hv) {
    ++counters_.function_evaluations;
    value = cb_.values(cb_.context, at.data(), gv.data(), hv.data());
    return std::isfinite(value) && all_finite(gv) && all_finite(hv);
  }
  bool evaluate_derivatives() {
    ++counters_.gradient_evaluations;
    cb_.derivatives(cb_.context, x.data(), grad.data(), jg.data(), jh.data());
    return all_finite(grad) && all_finite(jg) && all_finite(jh);
  }

  // ---- measures ----------------------------------------------------------------------------
  /// θ = ‖g‖₁ + ‖h + s‖₁.
  static double theta(const vector_view& gv, const vector_view& hv, const vector_view& sv) {
    double t = sum_abs(gv);
    for (Eigen::Index j = 0; j < hv.size(); ++j) t += std::abs(hv[j] + sv[j]);
    return t;
  }
  /// φ_μ = f − μ Σ log s.
  double phi(double value, const vector_view& sv) const {
    for (int j = 0; j < mi_; ++j) value -= mu_ * std::log(sv[j]);
    return value;
  }
  /// h + s in the scratch vector ch_.
  const vector_view& hs_residual() {
    for (int j = 0; j < mi_; ++j) ch_[j] = h[j] + s[j];
    return ch_;
  }
  void compute_lagrangian_gradient() {
    for (int i = 0; i < n_; ++i) grad_lagrangian_[i] = grad[i];
    add_transpose_times(jg, lambda, grad_lagrangian_);
    add_transpose_times(jh, y, grad_lagrangian_);
  }
  /// The scaled optimality error of the barrier problem, E_μ of [WB] (5) with s_max = 100.
  double barrier_error(double mu) {
    const double multipliers = sum_abs(lambda) + sum_abs(y) + sum_abs(v);
    const double sd = me_ + mi_ > 0 ? std::max(s_max, multipliers / (me_ + 2 * mi_)) / s_max : 1.0;
    const double sc = mi_ > 0 ? std::max(s_max, sum_abs(v) / mi_) / s_max : 1.0;
    compute_lagrangian_gradient();
    double e = std::max(max_abs(grad_lagrangian_) / sd, max_abs(g));
    for (int j = 0; j < mi_; ++j)
      e = std::max({e, std::abs(y[j] - v[j]) / sd, std::abs(h[j] + s[j]), std::abs(s[j] * v[j] - mu) / sc});
    return e;
  }

  // ---- initialization ([WB] §3.6) -----------------------------------------------------------
  /// Moves x strictly inside the bounds the program marks.
  void push_into_bounds() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (int i = 0; i < n_; ++i) {
      lower_[i] = -inf;
      upper_[i] = inf;
    }
    for (int j = 0; j < mi_; ++j) {
      const int i = bound_variable[j];
      if (i < 0 || i >= n_) continue;
      if (bound_sign[j] > 0) upper_[i] = std::min(upper_[i], bound_value[j]);
      else lower_[i] = std::max(lower_[i], bound_value[j]);
    }
    for (int i = 0; i < n_; ++i) {
      const double l = lower_[i], u = upper_[i];
      if (!(l < u)) continue;  // contradictory or fixed: nothing is strictly inside
      double pl = prm_.bound_push * std::max(1.0, std::abs(l));
      double pu = prm_.bound_push * std::max(1.0, std::abs(u));
      if (std::isfinite(l) && std::isfinite(u)) {
        pl = std::min(pl, prm_.bound_frac * (u - l));
        pu = std::min(pu, prm_.bound_frac * (u - l));
      }
      if (std::isfinite(l) && !(x[i] > l + pl)) x[i] = l + pl;
      if (std::isfinite(u) && !(x[i] < u - pu)) x[i] = u - pu;
      if (!(x[i] > l && x[i] < u) && std::isfinite(l) && std::isfinite(u)) x[i] = 0.5 * (l + u);
    }
  }
  /// s₀ = max(−h(x₀), κ₁), and exactly −h(x₀) for a bound already strictly satisfied.
  void initialize_slacks() {
    const double floor = prm_.bound_push > 0 ? prm_.bound_push : 1e-8;
    for (int j = 0; j < mi_; ++j)
      s[j] = (bound_variable[j] >= 0 && -h[j] > 0) ? -h[j] : std::max(-h[j], floor);
  }
  /// (λ, y) minimizing ‖∇f + J_gᵀλ + J_hᵀy‖² + ‖y − v‖² over the general rows ([WB] §3.6),
  /// a bound row keeping y = v (as Ipopt's bound multipliers): with w_s = v − y and y = J_h w_x + v
  /// eliminated, [I + J_Gᵀ J_G, J_gᵀ; J_g, 0] [w_x; λ] = [−∇f − J_hᵀv; 0], G the general rows.
  /// λ and the general y are set to 0 when the estimate is large (> 10³) or ill-defined.
  void estimate_multipliers() {
    for (int k = 0; k < me_; ++k) lambda[k] = 0;
    for (int j = 0; j < mi_; ++j) y[j] = is_bound(j) ? v[j] : 0.0;
    if (me_ + mi_ == 0) return;
    kkt_.setZero();
    for (int c = 0; c < n_; ++c)
      for (int r = c; r < n_; ++r) {
        double e = r == c ? 1.0 : 0.0;
        for (int j = 0; j < mi_; ++j)
          if (!is_bound(j)) e += jh(j, r) * jh(j, c);
        kkt_(r, c) = kkt_(c, r) = e;
      }
    for (int k = 0; k < me_; ++k)
      for (int i = 0; i < n_; ++i) kkt_(n_ + k, i) = kkt_(i, n_ + k) = jg(k, i);
    const inertia in = factorization_.factor(kkt_);
    if (in.positive != n_ || in.negative != me_) return;
    for (int i = 0; i < n_; ++i) {
      double r = -grad[i];
      for (int j = 0; j < mi_; ++j) r -= jh(j, i) * v[j];
      rhs_[i] = r;
    }
    for (int k = 0; k < me_; ++k) rhs_[n_ + k] = 0;
    factorization_.solve(rhs_);
    double largest = 0;
    for (int k = 0; k < me_; ++k) largest = std::max(largest, std::abs(rhs_[n_ + k]));
    for (int j = 0; j < mi_; ++j) {
      double e = v[j];
      if (!is_bound(j))
        for (int i = 0; i < n_; ++i) e += jh(j, i) * rhs_[i];
      dy_[j] = e;
      largest = std::max(largest, std::abs(e));
    }
    if (!std::isfinite(largest) || largest > 1e3) return;
    for (int k = 0; k < me_; ++k) lambda[k] = rhs_[n_ + k];
    for (int j = 0; j < mi_; ++j) y[j] = dy_[j];
  }
  bool is_bound(int j) const noexcept { return bound_variable[j] >= 0; }

  // ---- barrier parameter -------------------------------------------------------------------
  /// Monotone (Fiacco–McCormick) rule [WB] (7): while the barrier problem is solved to
  /// κ_ε·μ, μ ← max(ε/10, min(κ_μ μ, μ^θ_μ)); each decrease starts a new filter.
  void update_barrier(bool force) {
    // Complementarity in the program's units is (scaled α·h)/s_f ≈ μ/s_f: stop μ low enough.
    const double mu_min = prm_.tolerance / 10 * scaling_.objective;
    while (force || barrier_error(mu_) <= kappa_eps * mu_) {
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
  bool factor() {
    for (int j = 0; j < mi_; ++j) sigma_[j] = v[j] / s[j];
    // Lower triangle of the base matrix.
    for (int c = 0; c < n_; ++c) {
      for (int r = c; r < n_; ++r) {
        double v = w_(r, c);
        for (int j = 0; j < mi_; ++j) v += jh(j, r) * sigma_[j] * jh(j, c);
        base_(r, c) = v;
      }
      for (int k = 0; k < me_; ++k) base_(n_ + k, c) = jg(k, c);
    }
    for (int c = n_; c < k_; ++c)
      for (int r = c; r < k_; ++r) base_(r, c) = 0;
    auto try_factor = [&](double dw, double dc, bool& singular) {
      for (int c = 0; c < k_; ++c)
        for (int r = c; r < k_; ++r) kkt_(r, c) = kkt_(c, r) = base_(r, c);
      for (int i = 0; i < n_; ++i) kkt_(i, i) += dw;
      for (int k = n_; k < k_; ++k) kkt_(k, k) -= dc;
      const inertia in = factorization_.factor(kkt_);
      singular = in.zero > 0;
      return in.positive == n_ && in.negative == me_ && in.zero == 0;
    };
    bool singular = false;
    if (try_factor(0, 0, singular)) return true;
    const double dc = singular && me_ > 0 ? delta_c_bar * std::pow(mu_, kappa_c) : 0.0;
    if (dc > 0 && try_factor(0, dc, singular)) return true;
    double dw = delta_w_last_ == 0 ? delta_w_first : std::max(delta_w_min, kappa_w_minus * delta_w_last_);
    for (;;) {
      if (try_factor(dw, dc, singular)) {
        delta_w_last_ = dw;
        return true;
      }
      dw *= delta_w_last_ == 0 ? kappa_w_plus_first : kappa_w_plus;
      if (dw > delta_w_max) return false;
    }
  }

  /// Solves the primal-dual Newton system at the current iterate for the constraint residuals
  /// (c_g, c_h) — g and h + s for the Newton step, the accumulated residuals for a second-order
  /// correction:
  ///   W dx + J_gᵀdλ + J_hᵀdα = −∇ₓL,  Σ ds + dα = −(α − μ/s),  J_g dx = −c_g,  J_h dx + ds = −c_h,
  /// by eliminating ds and dα and solving the condensed system for (dx, dλ).
  bool solve_newton(const vector_view& cg, const vector_view& ch, vector_view& dx, vector_view& ds,
                    vector_view& dl, vector_view& da) {
    compute_lagrangian_gradient();
    for (int j = 0; j < mi_; ++j) rs_[j] = y[j] - mu_ / s[j];
    for (int i = 0; i < n_; ++i) {
      double v = -grad_lagrangian_[i];
      for (int j = 0; j < mi_; ++j) v -= jh(j, i) * (sigma_[j] * ch[j] - rs_[j]);
      rhs_[i] = v;
    }
    for (int k = 0; k < me_; ++k) rhs_[n_ + k] = -cg[k];
    for (int i = 0; i < k_; ++i) z_[i] = rhs_[i];
    factorization_.solve(z_);
    // One step of iterative refinement.
    for (int r = 0; r < k_; ++r) {
      double v = rhs_[r];
      for (int c = 0; c < k_; ++c) v -= kkt_(r, c) * z_[c];
      residual_[r] = v;
    }
    factorization_.solve(residual_);
    for (int i = 0; i < k_; ++i) z_[i] += residual_[i];
    for (int i = 0; i < n_; ++i) dx[i] = z_[i];
    for (int k = 0; k < me_; ++k) dl[k] = z_[n_ + k];
    for (int j = 0; j < mi_; ++j) {
      double v = -ch[j];
      for (int i = 0; i < n_; ++i) v -= jh(j, i) * dx[i];
      ds[j] = v;
      da[j] = -rs_[j] - sigma_[j] * v;
    }
    return all_finite(z_) && all_finite(ds) && all_finite(da);
  }

  /// Largest step in (0, 1] keeping v + a·dv ≥ (1 − τ)v (fraction to the boundary, [WB] (15)).
  double max_step(const vector_view& v, const vector_view& dv) const {
    double a = 1;
    for (int j = 0; j < mi_; ++j)
      if (dv[j] < 0) a = std::min(a, -tau_ * v[j] / dv[j]);
    return a;
  }

  // ---- filter line search ([WB] §2.3, Algorithm A steps) -------------------------
  struct line_search_state {
    double theta, phi, dphi;  // at the current iterate; dphi = ∇φ_μᵀ(dx, ds)
    bool f_type = false;      // the accepted step satisfied the switching condition and Armijo
  };

  /// Is the trial point (xt, st) with values (ft, gt, ht), reached with step size a, acceptable?
  bool acceptable(line_search_state& ls, double ft, const vector_view& gt, const vector_view& ht,
                  const vector_view& st, double a) const {
    if (!std::isfinite(ft) || !all_finite(gt) || !all_finite(ht)) return false;
    const double tht = theta(gt, ht, st);
    const double pht = phi(ft, st);
    if (!std::isfinite(pht) || tht > theta_max_) return false;
    if (!filter_.acceptable(tht, pht)) return false;
    const bool switching =
        ls.dphi < 0 && a * std::pow(-ls.dphi, s_phi) > delta_switch * std::pow(ls.theta, s_theta);
    const double roundoff = 10 * eps * std::abs(ls.phi);
    if (ls.theta <= theta_min_ && switching) {
      ls.f_type = true;
      return pht - (ls.phi + eta_phi * a * ls.dphi) <= roundoff;
    }
    ls.f_type = false;
    return tht <= (1 - gamma_theta) * ls.theta || pht - (ls.phi - gamma_phi * ls.theta) <= roundoff;
  }

  void take_trial(double a) {
    for (int i = 0; i < n_; ++i) trial_x_[i] = x[i] + a * dx_[i];
    for (int j = 0; j < mi_; ++j) trial_s_[j] = s[j] + a * ds_[j];
  }

  step_outcome line_search() {
    line_search_state ls{theta(g, h, s), phi(f, s), 0.0};
    for (int i = 0; i < n_; ++i) ls.dphi += grad[i] * dx_[i];
    for (int j = 0; j < mi_; ++j) ls.dphi -= mu_ * ds_[j] / s[j];
    for (int j = 0; j < mi_; ++j) dv_[j] = mu_ / s[j] - v[j] - sigma_[j] * ds_[j];
    const double alpha_max = max_step(s, ds_);
    const double alpha_dual = max_step(v, dv_);

    double step_size = 0;  // relative size of the step, for the tiny-step test
    for (int i = 0; i < n_; ++i) step_size = std::max(step_size, std::abs(dx_[i]) / (1 + std::abs(x[i])));
    for (int j = 0; j < mi_; ++j) step_size = std::max(step_size, std::abs(ds_[j]) / (1 + std::abs(s[j])));
    const bool tiny = step_size < 10 * eps && max_abs(dlambda_) < 1e-2 * (1 + max_abs(lambda));

    double trial_f = 0, alpha_primal = alpha_max;
    bool accepted = false, soc_used = false;
    if (tiny) {
      take_trial(alpha_max);
      accepted = evaluate_values(trial_x_, trial_f, trial_g_, trial_h_);
      ls.f_type = true;
    } else {
      double alpha_min = gamma_theta;
      if (ls.dphi < 0) {
        alpha_min = std::min(gamma_theta, gamma_phi * ls.theta / -ls.dphi);
        if (ls.theta <= theta_min_)
          alpha_min = std::min(alpha_min, delta_switch * std::pow(ls.theta, s_theta) / std::pow(-ls.dphi, s_phi));
      }
      alpha_min *= gamma_alpha;
      // At a feasible iterate (θ = 0) the formula gives α_min = 0 and halving would never end
      // (found by tests/fuzz): stop once the trial step is below the rounding of the first one.
      if (alpha_min == 0) alpha_min = eps * alpha_max;
      for (double a = alpha_max; a > 0 && a >= alpha_min; a *= 0.5) {
        take_trial(a);
        const bool finite = evaluate_values(trial_x_, trial_f, trial_g_, trial_h_);
        if (acceptable(ls, trial_f, trial_g_, trial_h_, trial_s_, a)) {
          alpha_primal = a;
          accepted = true;
          break;
        }
        if (a == alpha_max && finite && theta(trial_g_, trial_h_, trial_s_) >= ls.theta &&
            second_order_correction(ls, a, trial_f, alpha_primal)) {
          accepted = soc_used = true;
          break;
        }
      }
    }
    if (!accepted) return step_outcome::failed;
    if (!ls.f_type) filter_.add((1 - gamma_theta) * ls.theta, ls.phi - gamma_phi * ls.theta);

    const vector_view& new_x = soc_used ? soc_x_ : trial_x_;
    const vector_view& new_s = soc_used ? soc_s_ : trial_s_;
    const vector_view& new_g = soc_used ? soc_g_ : trial_g_;
    const vector_view& new_h = soc_used ? soc_h_ : trial_h_;
    for (int i = 0; i < n_; ++i) x[i] = new_x[i];
    for (int j = 0; j < mi_; ++j) {
      s[j] = new_s[j];
      h[j] = new_h[j];
      v[j] += alpha_dual * dv_[j];
      y[j] += (is_bound(j) ? alpha_dual : alpha_primal) * dy_[j];
    }
    for (int k = 0; k < me_; ++k) {
      g[k] = new_g[k];
      lambda[k] += alpha_primal * dlambda_[k];
    }
    f = trial_f;
    if (!evaluate_derivatives()) return step_outcome::failed;
    safeguard_multipliers();
    return tiny ? step_outcome::tiny : step_outcome::accepted;
  }

  /// Second-order corrections ([WB] §2.4) against the Maratos effect: re-solves the Newton
  /// system with the constraint residual accumulated at the rejected trial points. On success
  /// the accepted point is in soc_x_, soc_s_, soc_g_, soc_h_ and its value in value.
  bool second_order_correction(line_search_state& ls, double a, double& value, double& alpha_primal) {
    // (cg_, ch_) accumulate the constraint residuals: c ← a_soc·c + c(trial).
    for (int k = 0; k < me_; ++k) cg_[k] = a * g[k] + trial_g_[k];
    for (int j = 0; j < mi_; ++j) ch_[j] = a * (h[j] + s[j]) + (trial_h_[j] + trial_s_[j]);
    double theta_old = ls.theta;
    for (int p = 0; p < max_soc; ++p) {
      if (!solve_newton(cg_, ch_, soc_dx_, soc_ds_, soc_dlambda_, soc_dy_)) return false;
      const double a_soc = max_step(s, soc_ds_);
      for (int i = 0; i < n_; ++i) soc_x_[i] = x[i] + a_soc * soc_dx_[i];
      for (int j = 0; j < mi_; ++j) soc_s_[j] = s[j] + a_soc * soc_ds_[j];
      const bool finite = evaluate_values(soc_x_, value, soc_g_, soc_h_);
      if (acceptable(ls, value, soc_g_, soc_h_, soc_s_, a)) {
        alpha_primal = a_soc;
        return true;
      }
      if (!finite) return false;
      const double theta_soc = theta(soc_g_, soc_h_, soc_s_);
      if (theta_soc > kappa_soc * theta_old) return false;
      theta_old = theta_soc;
      for (int k = 0; k < me_; ++k) cg_[k] = a_soc * cg_[k] + soc_g_[k];
      for (int j = 0; j < mi_; ++j) ch_[j] = a_soc * ch_[j] + (soc_h_[j] + soc_s_[j]);
    }
    return false;
  }

  /// Keeps every αⱼ within a factor κ_Σ of μ/sⱼ ([WB] (16)), so Σ stays a good model of the
  /// primal Hessian of the barrier.
  void safeguard_multipliers() {
    for (int j = 0; j < mi_; ++j)
      v[j] = std::clamp(v[j], mu_ / (kappa_sigma * s[j]), kappa_sigma * mu_ / s[j]);
    for (int j = 0; j < mi_; ++j)
      if (is_bound(j)) y[j] = v[j];  // a bound's two multipliers are one (Ipopt's z)
  }

  // ---- feasibility restoration ([WB] §3.3, with the least-squares problem of restoration.hpp)
  struct restoration_context;
  static double restoration_values(void* context, const double* z, double* g, double* h);
  static void restoration_derivatives(void* context, const double* z, double* grad, double* jg, double* jh);
  static void restoration_hessian(void* context, const double* z, double sigma, const double* lambda,
                                  const double* alpha, double* w);
  static bool back_in_filter(void* context, interior_point_core& resto);
  status restore();

  ipm_counters counters_{};
  bool stopped_ = false;
  double mu_ = 0.1, tau_ = 0.99;
  double theta_max_ = 0, theta_min_ = 0;
  double delta_w_last_ = 0;
  filter filter_{};
};

}  // namespace gradus::detail

#include <gradus/constrained/detail/restoration.hpp>
