// What every gradus benchmark program shares: the naming convention
// "<family>/<workload>/<size>/<impl>" that scripts/bench_report.py reads back, the build context
// (compiler, flags, peers) written into the JSON output, and the checks that stop a program
// before anything is timed when an implementation disagrees with its baseline.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include <Eigen/Core>
#include <benchmark/benchmark.h>

#include "bench_config.hpp"

namespace gradus_bench {

/// The name of one benchmark: "gradient/rosenbrock/8/gradus". The report groups by family
/// (one table each), then by (workload, size) (one row each), then by impl (one column each).
inline std::string name(std::string_view family, std::string_view workload, int size, std::string_view impl) {
  std::string s;
  s.append(family).append("/").append(workload).append("/").append(std::to_string(size)).append("/").append(impl);
  return s;
}

/// Writes the compiler, its flags and the peers found at configure time into the JSON context.
inline void add_build_context() {
  benchmark::AddCustomContext("compiler", GRADUS_BENCH_COMPILER);
  benchmark::AddCustomContext("compiler_flags", GRADUS_BENCH_FLAGS);
  benchmark::AddCustomContext("peers", GRADUS_BENCH_PEERS);
}

/// Stops the program: a benchmark of a wrong result measures nothing.
[[noreturn]] inline void fail(const std::string& message) {
  std::fprintf(stderr, "gradus benchmark setup failed: %s\n", message.c_str());
  std::exit(EXIT_FAILURE);
}

/// Largest |aᵢⱼ − bᵢⱼ| divided by the largest |bᵢⱼ| (by 1 when b is all zeros).
template <class A, class B>
double relative_difference(const Eigen::MatrixBase<A>& actual, const Eigen::MatrixBase<B>& expected) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) return std::numeric_limits<double>::infinity();
  const double scale = expected.cwiseAbs().maxCoeff();
  const double diff = (actual - expected).cwiseAbs().maxCoeff();
  if (!std::isfinite(diff)) return std::numeric_limits<double>::infinity();
  return diff / (scale > 0 ? scale : 1.0);
}

/// Stops the program, naming `what`, unless actual equals expected to `tolerance` (relative).
template <class A, class B>
void require_close(const std::string& what, const Eigen::MatrixBase<A>& actual, const Eigen::MatrixBase<B>& expected,
                   double tolerance) {
  const double r = relative_difference(actual, expected);
  if (!(r <= tolerance)) {
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, ": relative difference %.3g exceeds %.3g", r, tolerance);
    fail(what + numbers);
  }
}

}  // namespace gradus_bench
