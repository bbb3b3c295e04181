// Stopping rules and the per-iteration hook, shared by every unconstrained solver.
//
// A run stops at the first of (tested after every iteration, the first one before any):
//   ‖∇f(x_k)‖ <= gradient_tolerance                          -> converged
//   |f_{k−1} − f_k| <= value_tolerance · max(1, |f_{k−1}|, |f_k|)   -> converged
//   ‖x_k − x_{k−1}‖ <= step_tolerance · max(1, ‖x_k‖)        -> converged
//   k = max_iterations                                        -> max_iterations
//   f_k = ±∞, or |f_k| > divergence_limit · max(1, |f_0|)      -> diverged
//   NaN in f_k, or NaN/±∞ in ∇f(x_k) or x_k                    -> non_finite
//   callback(info) returned false                              -> stopped_by_callback
// A tolerance of 0 switches its test off (the gradient test then stops only at an exactly zero
// gradient). The divergence test catches an objective unbounded below (f → −∞, e.g. −x³ + 3x)
// and a step too large for the curvature (f grows without bound).
//
// clip_norm > 0 rescales the gradient the method uses to ĝ = g · min(1, clip_norm / ‖g‖); the
// stopping test uses the true ‖g‖. weight_decay = w adds (w/2)‖x‖² to f (coupled L2: the
// gradient gains w·x, the Hessian w·I) for every method; adamw's own weight_decay is decoupled.
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>

#include <Eigen/Core>

#include <gradus/optim/schedule.hpp>

namespace gradus {

/// What the callback sees after each iteration.
struct iteration_info {
  std::size_t iteration;                ///< 1 after the first step
  double value;                         ///< f(x), including the coupled weight decay
  double gradient_norm;                 ///< ‖∇f(x)‖ (projected_gradient: ‖x − P(x − ∇f(x))‖)
  double step_size;                     ///< ‖x_k − x_{k−1}‖
  Eigen::Map<const Eigen::VectorXd> x;  ///< the current point (a view; copy it to keep it)
};

/// How a run stops and what it records; see the stopping rules above.
struct options {
  double gradient_tolerance = 1e-8;  ///< stop when ‖∇f‖ <= this
  double value_tolerance = 0;  ///< stop when the relative change of f <= this (0: off)
  double step_tolerance = 0;  ///< stop when the relative step length <= this (0: off)
  std::size_t max_iterations = 10000;  ///< iteration limit
  double clip_norm = 0;  ///< rescale the gradient the method uses to at most this norm (0: off)
  double weight_decay = 0;  ///< w: adds (w/2)‖x‖² to f
  bool record_trace = false;  ///< keep every iterate in result::trace
  std::function<bool(const iteration_info&)> callback{};  ///< called after each iteration; false stops
  double divergence_limit = 1e100;  ///< diverged once |f| > this · max(1, |f₀|)
};

namespace detail {
inline void check_options(const options& o) {
  const auto nonneg = [](double v) { return std::isfinite(v) && v >= 0; };
  check_argument(nonneg(o.gradient_tolerance), "gradus::options: gradient_tolerance must be a finite number >= 0");
  check_argument(nonneg(o.value_tolerance), "gradus::options: value_tolerance must be a finite number >= 0");
  check_argument(nonneg(o.step_tolerance), "gradus::options: step_tolerance must be a finite number >= 0");
  check_argument(nonneg(o.clip_norm), "gradus::options: clip_norm must be a finite number >= 0 (0 switches clipping off)");
  check_argument(nonneg(o.weight_decay), "gradus::options: weight_decay must be a finite number >= 0");
  check_argument(o.divergence_limit > 0, "gradus::options: divergence_limit must be positive");
}
}  // namespace detail

}  // namespace gradus
