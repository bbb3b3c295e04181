// gradus::status, the termination status every solver reports.
//
// The unconstrained optimizers define it in <gradus/optim/status.hpp>; the constrained solver
// uses that definition whenever it is present, and otherwise the same enumerators here, so
// that either part of the library compiles without the other.
#pragma once

#if __has_include(<gradus/optim/status.hpp>)
#include <gradus/optim/status.hpp>
#else
namespace gradus {
/// How a solver ended. Only `converged` is success.
enum class status {
  converged,           ///< the stopping test holds (for solve_kkt: every KKT residual <= tolerance)
  max_iterations,      ///< the iteration limit came first
  diverged,            ///< the iterates left every bounded region (|x| > 1e20), or f → −∞
  non_finite,          ///< NaN or ±inf in a value, gradient, Jacobian or Hessian at an accepted point
  line_search_failed,  ///< no acceptable step along the search direction, and no way to recover
  infeasible,          ///< the constraints cannot be met: a stationary point of the violation with violation > 0
};
}  // namespace gradus
#endif
