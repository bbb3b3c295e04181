// A ready-made callback: options{.callback = gradus::print_progress(10)} prints the iteration,
// f, the gradient norm and the step length every 10 iterations.
#pragma once

#include <cstddef>
#include <cstdio>
#include <iostream>
#include <ostream>

#include <gradus/optim/options.hpp>

namespace gradus {

/// Prints one line every `every` iterations to `out`; never stops the run.
struct progress_printer {
  std::size_t every = 1;           ///< print every k-th iteration (0: never)
  std::ostream* out = &std::cout;  ///< where to print

  /// Prints the line when due; returns true (go on).
  bool operator()(const iteration_info& info) const {
    if (every == 0 || info.iteration % every != 0) return true;
    char line[160];
    std::snprintf(line, sizeof line, "iter %8zu   f = %-14.8g   |grad| = %-11.4g   step = %.4g\n", info.iteration,
                  info.value, info.gradient_norm, info.step_size);
    *out << line;
    return true;
  }
};

/// A callback printing iteration, value, gradient norm and step every k iterations.
inline progress_printer print_progress(std::size_t every_k = 1, std::ostream& out = std::cout) {
  return progress_printer{every_k, &out};
}

}  // namespace gradus
