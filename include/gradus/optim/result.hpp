// What a solver run returns: the point, its value and gradient norm, the work done, how the
// run ended (status, and a sentence saying so), and optionally the path taken.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include <Eigen/Core>

#include <gradus/optim/status.hpp>

namespace gradus {

/// One point of the path (iteration 0 is the start).
template <class Vector = Eigen::VectorXd>
struct trace_entry {
  std::size_t iteration;  ///< k
  double value;           ///< f(x_k)
  double gradient_norm;   ///< ‖∇f(x_k)‖
  double step_size;  ///< ‖x_k − x_{k−1}‖ (0 at the start)
  Vector x;               ///< x_k
};

/// What minimize returns.
template <class Vector = Eigen::VectorXd>
struct result {
  Vector x;          ///< the final point
  double value = 0;  ///< f(x)
  double gradient_norm = 0;  ///< ‖∇f(x)‖; for projected_gradient ‖x − P(x − ∇f(x))‖
  std::size_t iterations = 0;            ///< iterations made
  std::size_t function_evaluations = 0;  ///< evaluations of f
  std::size_t gradient_evaluations = 0;  ///< evaluations of ∇f
  std::size_t hessian_evaluations = 0;  ///< Hessians and Hessian-vector products
  gradus::status status = gradus::status::max_iterations;  ///< how the run ended
  gradus::convergence_test test = gradus::convergence_test::none;  ///< which test passed, if converged
  std::vector<trace_entry<Vector>> trace{};                       ///< filled when options.record_trace

  /// True only when status is converged.
  bool converged() const noexcept { return status == gradus::status::converged; }

  /// What happened, as a sentence.
  std::string message() const {
    char buf[320];
    const auto its = static_cast<unsigned long long>(iterations);
    const char* plural = iterations == 1 ? "" : "s";
    switch (status) {
      case gradus::status::converged:
        if (test == convergence_test::value_change)
          std::snprintf(buf, sizeof buf,
                        "Converged after %llu iteration%s: the value changed by less than value_tolerance "
                        "(f = %.6g, gradient norm %.3g).",
                        its, plural, value, gradient_norm);
        else if (test == convergence_test::step_size)
          std::snprintf(buf, sizeof buf,
                        "Converged after %llu iteration%s: the step was shorter than step_tolerance "
                        "(f = %.6g, gradient norm %.3g).",
                        its, plural, value, gradient_norm);
        else
          std::snprintf(buf, sizeof buf,
                        "Converged after %llu iteration%s: the gradient norm %.3g is within gradient_tolerance "
                        "(f = %.6g).",
                        its, plural, gradient_norm, value);
        break;
      case gradus::status::max_iterations:
        std::snprintf(buf, sizeof buf,
                      "Stopped at the iteration limit (%llu iterations) before converging: the gradient norm is "
                      "still %.3g (f = %.6g).",
                      its, gradient_norm, value);
        break;
      case gradus::status::diverged:
        if (value < 0)
          std::snprintf(buf, sizeof buf,
                        "Diverged after %llu iteration%s: f fell to %.3g; the objective appears to be unbounded "
                        "below.",
                        its, plural, value);
        else
          std::snprintf(buf, sizeof buf,
                        "Diverged after %llu iteration%s: f grew to %.3g; the step or learning rate is too large "
                        "for the objective's curvature.",
                        its, plural, value);
        break;
      case gradus::status::non_finite:
        if (iterations == 0 && function_evaluations == 0 && gradient_evaluations == 0)
          std::snprintf(buf, sizeof buf, "Not started: the starting point contains NaN or Inf.");
        else if (iterations == 0)
          std::snprintf(buf, sizeof buf,
                        "Not started: the objective's %s is not finite at the starting point.",
                        std::isfinite(value) ? "gradient" : "value");
        else
          std::snprintf(buf, sizeof buf, "Stopped after %llu iteration%s: the %s became NaN or Inf.", its, plural,
                        std::isnan(value) ? "value" : "gradient or the point");
        break;
      case gradus::status::line_search_failed:
        std::snprintf(buf, sizeof buf,
                      "Stopped after %llu iteration%s: the line search found no step that decreases f enough "
                      "(gradient norm %.3g; the gradient may be inconsistent with the value, or the tolerance "
                      "below rounding error).",
                      its, plural, gradient_norm);
        break;
      case gradus::status::infeasible:
        std::snprintf(buf, sizeof buf, "Not started: the feasible set is empty (a box with lower > upper, or a "
                                       "negative radius).");
        break;
      case gradus::status::stopped_by_callback:
        std::snprintf(buf, sizeof buf, "Stopped by the callback after %llu iteration%s (f = %.6g).", its, plural,
                      value);
        break;
      case gradus::status::epochs_completed:
        std::snprintf(buf, sizeof buf,
                      "Finished the requested epochs (%llu updates): gradient norm %.3g, f = %.6g.", its,
                      gradient_norm, value);
        break;
      default: std::snprintf(buf, sizeof buf, "Unknown status."); break;
    }
    return buf;
  }
};

}  // namespace gradus
