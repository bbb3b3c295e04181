// The shared iteration loop of the unconstrained solvers, and the evaluator that counts calls
// and adds the coupled weight decay (w/2)‖x‖². See <gradus/optim/method.hpp> for how a
// method uses it.
#pragma once
#ifndef GRADUS_OPTIM_INTERNAL
#error "gradus/optim/detail/driver.hpp is internal: include <gradus/optim.hpp> (or a method's header) instead"
#endif

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <utility>

#include <Eigen/Core>

#include <gradus/objective.hpp>
#include <gradus/optim/options.hpp>
#include <gradus/optim/result.hpp>
#include <gradus/optim/status.hpp>

namespace gradus::detail {

/// Evaluates f (plus (w/2)‖x‖² when weight decay w > 0) and counts the evaluations.
/// Without an exact Hessian, Hessian-vector products are central differences of gradients:
///   ∇²f(x)·v ≈ (∇f(x + hv) − ∇f(x − hv)) / 2h,   h = ∛ε · max(1, ‖x‖) / ‖v‖.
template <class F, class X>
class evaluator {
 public:
  evaluator(const F& f, double weight_decay) : f_(f), decay_(weight_decay) {}

  double value(const X& x) {
    ++function_evaluations;
    double v = objective_access::value(f_, x);
    if (decay_ != 0) v += 0.5 * decay_ * x.squaredNorm();
    return v;
  }
  void gradient(const X& x, X& g) {
    ++gradient_evaluations;
    objective_access::gradient(f_, x, g);
    if (decay_ != 0) g += decay_ * x;
  }
  double value_and_gradient(const X& x, X& g) {
    ++function_evaluations;
    ++gradient_evaluations;
    double v = objective_access::value_and_gradient(f_, x, g);
    if (decay_ != 0) {
      v += 0.5 * decay_ * x.squaredNorm();
      g += decay_ * x;
    }
    return v;
  }
  void hessian_vector_product(const X& x, const X& v, X& out) {
    if constexpr (objective_access::provides_hessian_v<F, X>) {
      ++hessian_evaluations;
      objective_access::hessian_vector_product(f_, x, v, out);
    } else {
      const double vn = v.norm();
      if (vn == 0) {
        out.setZero(x.size());
        return;
      }
      const double h = std::cbrt(std::numeric_limits<double>::epsilon()) * std::fmax(1.0, x.norm()) / vn;
      probe_ = x + h * v;
      gradient_evaluations += 2;
      objective_access::gradient(f_, probe_, out);
      probe_ = x - h * v;
      objective_access::gradient(f_, probe_, probe_gradient_);
      out = (out - probe_gradient_) / (2 * h);
    }
    if (decay_ != 0) out += decay_ * v;
  }
  /// The exact Hessian (a compile error for objectives that cannot provide one).
  auto hessian(const X& x) {
    ++hessian_evaluations;
    auto h = objective_access::hessian(f_, x);
    if (decay_ != 0) h.diagonal().array() += decay_;
    return h;
  }
  const F& objective() const noexcept { return f_; }

  std::size_t function_evaluations = 0;
  std::size_t gradient_evaluations = 0;
  std::size_t hessian_evaluations = 0;

 private:
  const F& f_;
  double decay_;
  X probe_{}, probe_gradient_{};
};

/// The state every method advances: the point, f and ∇f there (with weight decay), ‖∇f‖.
template <class X>
struct iterate {
  X x;
  double value = 0;
  X gradient;
  double gradient_norm = 0;
};

/// What the loop tells a stepper about iteration k.
struct step_context {
  std::size_t iteration;  ///< k = 0, 1, …
  double gradient_scale;  ///< min(1, clip_norm/‖∇f‖): the method uses gradient_scale · ∇f
};

/// What a stepper tells the loop: how far x moved, or a status that ends the run.
struct step_report {
  double step_size = 0;         ///< ‖x_{k+1} − x_k‖
  std::optional<status> stop{};  ///< e.g. line_search_failed
};

/// A method's step: moves it.x and leaves f, ∇f of the new point in it.value, it.gradient.
template <class S, class Ev, class X>
concept stepper = requires(S& s, Ev& ev, iterate<X>& it, const step_context& ctx) {
  { s.step(ev, it, ctx) } -> std::same_as<step_report>;
};

template <class X>
bool finite_vector(const X& v) {
  return v.allFinite();
}

/// ‖v‖, without spurious overflow: ∞ only when v holds an Inf or NaN.
template <class X>
double safe_norm(const X& v) {
  const double n = v.norm();
  if (std::isfinite(n) || !v.allFinite()) return n;
  return v.stableNorm();
}

inline double clip_scale(double gradient_norm, double clip_norm) {
  return (clip_norm > 0 && gradient_norm > clip_norm) ? clip_norm / gradient_norm : 1.0;
}

/// The loop: start checks, then step / test until a stopping rule fires. Steppers may add
///   std::optional<status> prepare(X& x0)       (e.g. project x0; infeasible ends the run)
///   double optimality(const iterate<X>&)       (the stationarity measure, default ‖∇f‖)
template <class Stepper, class F, class X>
result<X> drive(Stepper stepper, const F& f, X x0, const options& opts) {
  check_options(opts);
  result<X> r;
  evaluator<F, X> ev(f, opts.weight_decay);
  iterate<X> it{std::move(x0), 0, X{}, 0};
  it.gradient.resize(it.x.size());

  auto finish = [&](status s, convergence_test test = convergence_test::none) {
    r.status = s;
    r.test = test;
    r.x = it.x;
    r.value = it.value;
    r.function_evaluations = ev.function_evaluations;
    r.gradient_evaluations = ev.gradient_evaluations;
    r.hessian_evaluations = ev.hessian_evaluations;
    return std::move(r);
  };
  auto optimality = [&]() -> double {
    if constexpr (requires { stepper.optimality(it); }) return stepper.optimality(it);
    else return it.gradient_norm;
  };

  if constexpr (requires { stepper.prepare(it.x); }) {
    if (const std::optional<status> s = stepper.prepare(it.x)) {
      it.value = std::numeric_limits<double>::quiet_NaN();
      r.gradient_norm = std::numeric_limits<double>::quiet_NaN();
      return finish(*s);
    }
  }
  if (!finite_vector(it.x)) {
    it.value = std::numeric_limits<double>::quiet_NaN();
    r.gradient_norm = std::numeric_limits<double>::quiet_NaN();
    return finish(status::non_finite);
  }
  it.value = ev.value_and_gradient(it.x, it.gradient);
  it.gradient_norm = safe_norm(it.gradient);
  r.gradient_norm = it.gradient_norm;
  if (!std::isfinite(it.value) || !finite_vector(it.gradient)) return finish(status::non_finite);
  const double f0 = it.value;
  double measure = optimality();
  r.gradient_norm = measure;
  if (opts.record_trace) r.trace.push_back({0, it.value, measure, 0.0, it.x});

  for (std::size_t k = 0;; ++k) {
    if (measure <= opts.gradient_tolerance) return finish(status::converged, convergence_test::gradient_norm);
    if (k >= opts.max_iterations) return finish(status::max_iterations);

    const double previous = it.value;
    const step_report report =
        stepper.step(ev, it, step_context{k, clip_scale(it.gradient_norm, opts.clip_norm)});
    r.iterations = k + 1;
    if (report.stop) return finish(*report.stop);

    it.gradient_norm = safe_norm(it.gradient);
    r.gradient_norm = it.gradient_norm;
    if (std::isnan(it.value)) return finish(status::non_finite);
    if (std::isinf(it.value) || std::fabs(it.value) > opts.divergence_limit * std::fmax(1.0, std::fabs(f0)))
      return finish(status::diverged);
    if (!std::isfinite(it.gradient_norm) || !finite_vector(it.x)) return finish(status::non_finite);
    measure = optimality();
    r.gradient_norm = measure;

    if (opts.record_trace) r.trace.push_back({k + 1, it.value, measure, report.step_size, it.x});
    if (opts.callback) {
      const iteration_info info{k + 1, it.value, measure, report.step_size,
                                Eigen::Map<const Eigen::VectorXd>(it.x.data(), it.x.size())};
      if (!opts.callback(info)) return finish(status::stopped_by_callback);
    }
    if (opts.value_tolerance > 0 &&
        std::fabs(previous - it.value) <=
            opts.value_tolerance * std::fmax(1.0, std::fmax(std::fabs(previous), std::fabs(it.value))))
      return finish(status::converged, convergence_test::value_change);
    if (opts.step_tolerance > 0 && report.step_size <= opts.step_tolerance * std::fmax(1.0, it.x.norm()))
      return finish(status::converged, convergence_test::step_size);
  }
}

/// Calls body(schedule) with the concrete learning-rate schedule of r, after checking it.
template <class Body>
decltype(auto) with_rate(const rate& r, const char* who, Body&& body) {
  return r.visit([&](const auto& schedule) -> decltype(auto) {
    check_schedule(schedule, who);
    return body(schedule);
  });
}

}  // namespace gradus::detail
