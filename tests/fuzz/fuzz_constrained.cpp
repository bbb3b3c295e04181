// libFuzzer target: solve_kkt on three fixed small programs (an equality, a disk and a bound;
// bounds only; a sphere in ℝ³) from starting points and options made from the fuzzer's bytes
// (NaN, ±Inf, huge, denormal; the start may be infeasible). Properties:
//   - no crash, sanitizer report or hang (at most 60 interior-point iterations);
//   - valid options never throw; invalid ones throw only std::invalid_argument;
//   - a start with NaN or Inf ends non_finite after 0 iterations;
//   - converged only with a finite x, value == f(x), residuals within the tolerance, and the
//     residuals recomputed by kkt_residuals(prob, x, lambda, alpha) within it as well.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include <gradus/gradus.hpp>

#include "fuzz_input.hpp"

namespace {

using gradus_fuzz::close;

template <class Problem, class F, class X>
void check_solve(const Problem& prob, const F& f, const X& x0, const gradus::kkt_options& opts, bool strict) {
  gradus_fuzz::context().clear();
  gradus_fuzz::describe("x0", x0);
  gradus_fuzz::describe("tolerance, max_iterations", Eigen::Vector2d(opts.tolerance, double(opts.max_iterations)));
  decltype(gradus::solve_kkt(prob, x0, opts)) k;
  if (!gradus_fuzz::run_guarded(!strict, [&] { k = gradus::solve_kkt(prob, x0, opts); })) return;
  gradus_fuzz::context() += std::string("status ") + std::string(gradus::to_string(k.status)) + "  ";
  gradus_fuzz::describe("x", k.x);
  gradus_fuzz::describe("residuals", Eigen::Vector4d(k.residuals.stationarity, k.residuals.primal_feasibility,
                                                    k.residuals.dual_feasibility, k.residuals.complementarity));

  GRADUS_FUZZ_CHECK(k.iterations >= 0 && k.iterations <= opts.max_iterations, "iterations outside [0, max_iterations]");
  if (!x0.allFinite()) {
    GRADUS_FUZZ_CHECK(k.status == gradus::status::non_finite, "a start with NaN or Inf did not end non_finite");
    GRADUS_FUZZ_CHECK(k.iterations == 0, "a start with NaN or Inf made iterations");
  }
  if (!k.converged()) return;
  GRADUS_FUZZ_CHECK(k.x.allFinite() && std::isfinite(k.value), "converged with a non-finite x or value");
  GRADUS_FUZZ_CHECK(k.lambda.allFinite() && k.alpha.allFinite(), "converged with non-finite multipliers");
  const double fx = gradus::value(f, k.x);
  GRADUS_FUZZ_CHECK(close(k.value, fx, 1e-12, std::fabs(fx)), "the reported value is not f(x)");
  GRADUS_FUZZ_CHECK(k.residuals.satisfied(opts.tolerance), "converged with residuals above the tolerance");
  const gradus::kkt_report again = gradus::kkt_residuals(prob, k.x, k.lambda, k.alpha);
  double scale = 1 + k.x.cwiseAbs().maxCoeff();
  if (k.lambda.size() > 0) scale += k.lambda.cwiseAbs().maxCoeff();
  if (k.alpha.size() > 0) scale += k.alpha.cwiseAbs().maxCoeff();
  GRADUS_FUZZ_CHECK(again.satisfied(opts.tolerance * (1 + 1e-9) + 1e-14 * scale * scale),
                    "converged, but kkt_residuals at the returned point exceed the tolerance");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gradus_fuzz::input in(data, size);
  const std::size_t which = in.choice(3);
  const bool strict = in.choice(4) != 0;
  static constexpr double tolerances[] = {1e-8, 1e-4, 1e-12, 1.0, 1e-300};
  gradus::kkt_options opts;
  opts.tolerance = strict ? tolerances[in.choice(5)] : in.number();
  opts.max_iterations = strict ? int(in.choice(61)) : int(in.choice(70)) - 5;
  const double a = in.number(), b = in.number(), c = in.number();

  constexpr gradus::var<0> x{};
  constexpr gradus::var<1> y{};
  constexpr gradus::var<2> z{};
  if (which == 0) {
    const auto f = gradus::square(x - 2) + y * y;
    check_solve(gradus::problem(f, gradus::subject_to(x + y == 1, x * x + y * y <= 1, y >= -0.5)), f,
                Eigen::Vector2d(a, b), opts, strict);
  } else if (which == 1) {
    const auto f = gradus::square(x) + gradus::square(y - 3) + gradus::exp(x - y);
    check_solve(gradus::problem(f, gradus::subject_to(0 <= x, x <= 2, y <= 1)), f, Eigen::Vector2d(a, b), opts, strict);
  } else {
    const auto f = x + 2 * y + 3 * z;
    check_solve(gradus::problem(f, gradus::subject_to(x * x + y * y + z * z == 1)), f, Eigen::Vector3d(a, b, c), opts,
                strict);
  }
  return 0;
}
