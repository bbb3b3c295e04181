// How a solver run ended. Shared by every solver (first order, second order, constrained).
#pragma once

#include <ostream>
#include <string_view>

namespace gradus {

/// The termination status of a solver run. Only `converged` means the answer meets the
/// tolerances that were asked for.
enum class status {
  converged,            ///< a convergence test passed (gradient norm, value change or step size)
  max_iterations,       ///< the iteration limit was reached first
  diverged,             ///< the value left every bound: unbounded below, or growing (step too large)
  non_finite,           ///< NaN or Inf in the start point, the value or the gradient
  line_search_failed,   ///< no step satisfied the line search's conditions
  infeasible,           ///< the constraints (or the projection set) admit no point
  stopped_by_callback,  ///< options.callback returned false
  epochs_completed,     ///< sgd ran all the epochs it was asked for
};

/// The enumerator's name, e.g. "line_search_failed".
constexpr std::string_view to_string(status s) noexcept {
  switch (s) {
    case status::converged: return "converged";
    case status::max_iterations: return "max_iterations";
    case status::diverged: return "diverged";
    case status::non_finite: return "non_finite";
    case status::line_search_failed: return "line_search_failed";
    case status::infeasible: return "infeasible";
    case status::stopped_by_callback: return "stopped_by_callback";
    case status::epochs_completed: return "epochs_completed";
  }
  return "unknown";
}

/// Writes to_string(s).
inline std::ostream& operator<<(std::ostream& out, status s) { return out << to_string(s); }

/// Which test declared convergence.
enum class convergence_test {
  none,           ///< the run did not converge
  gradient_norm,  ///< ‖∇f‖ (or the projected-gradient norm) <= options.gradient_tolerance
  value_change,   ///< |f_k − f_{k+1}| <= options.value_tolerance · max(1, |f_k|, |f_{k+1}|)
  step_size,      ///< ‖x_{k+1} − x_k‖ <= options.step_tolerance · max(1, ‖x_{k+1}‖)
};

}  // namespace gradus
