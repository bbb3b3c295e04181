// libFuzzer target: every unconstrained solver (gradient descent with a fixed step, backtracking
// and strong Wolfe; momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw; projected
// gradient on a ball and a box; newton, bfgs, lbfgs) on two fixed objectives, from starting
// points, options and hyperparameters made from the fuzzer's bytes. Properties:
//   - no crash, sanitizer report or hang (at most 150 iterations, so each input runs in ms);
//   - valid options and hyperparameters never throw; invalid ones throw only
//     std::invalid_argument or std::domain_error;
//   - a start with NaN or Inf ends non_finite after 0 iterations (projected_gradient first
//     projects the start onto its set, so it is exempt when the set is bounded there);
//   - converged only with a finite x and value, value == f(x) + (w/2)‖x‖², and the test that
//     fired really holds: ‖∇f(x) + w·x‖ (projected: ‖x − P(x − ∇f(x) − w·x)‖) recomputed at
//     the returned x is within gradient_tolerance;
//   - converged or max_iterations leave a finite x, value and gradient norm; iterations never
//     exceed max_iterations.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include <gradus/gradus.hpp>

#include "fuzz_input.hpp"

namespace {

using gradus_fuzz::close;
using vec = Eigen::Vector2d;

struct settings {
  gradus::options opts;
  vec x0;
  bool strict;  // only valid options and hyperparameters: no exception allowed
};

// A positive learning rate or step (valid) or, in loose mode, any number.
double rate_value(gradus_fuzz::input& in, bool strict) {
  static constexpr double menu[] = {1e-3, 1e-2, 0.1, 1.0, 10.0, 1e300, 1e-300, 0.5};
  return strict ? menu[in.choice(8)] : in.number();
}
double unit_value(gradus_fuzz::input& in, bool strict) {  // in [0, 1)
  static constexpr double menu[] = {0.0, 0.5, 0.9, 0.999};
  return strict ? menu[in.choice(4)] : in.number();
}
double epsilon_value(gradus_fuzz::input& in, bool strict) {
  static constexpr double menu[] = {1e-8, 1e-300, 1.0, 1e-6};
  return strict ? menu[in.choice(4)] : in.number();
}

template <class M>
gradus::projected_gradient projection_set(gradus_fuzz::input& in, bool strict, const M& step) {
  gradus::projected_gradient m;
  m.step = step;
  if (in.choice(2) == 0) {
    static constexpr double radii[] = {1.0, 0.0, 1e300, 2.5};
    gradus::ball b;
    b.radius = strict ? radii[in.choice(4)] : in.number();
    if (in.choice(2) == 1) b.center = vec(in.number(), in.number());
    if (strict && !b.center.allFinite()) b.center = Eigen::VectorXd();
    m.set = b;
  } else {
    gradus::box b;
    b.lower = vec(in.number(), in.number());
    b.upper = vec(in.number(), in.number());
    if (strict) {  // NaN bounds are documented to throw; ±Inf bounds and lower > upper are valid
      for (int i = 0; i < 2; ++i) {
        if (std::isnan(b.lower[i])) b.lower[i] = -1;
        if (std::isnan(b.upper[i])) b.upper[i] = 1;
      }
    }
    m.set = b;
  }
  return m;
}

/// ‖x − P(x − g)‖ for the set of m.
double projected_measure(const gradus::projected_gradient& m, const vec& x, const vec& g) {
  return m.set.visit([&](const auto& set) {
    vec z = x - g;
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(set)>, gradus::ball>) {
      const vec c = set.center.size() == 0 ? vec::Zero() : vec(set.center);
      const double d = (z - c).norm();
      if (d > set.radius) z = c + (set.radius / d) * (z - c);
    } else {
      z = z.cwiseMax(vec(set.lower)).cwiseMin(vec(set.upper));
    }
    return (x - z).norm();
  });
}

template <class F, class M>
void check_run(const F& f, const M& method, const settings& s) {
  gradus::result<vec> r;
  gradus_fuzz::context() = std::string(gradus::method_traits<M>::name) + "  ";
  gradus_fuzz::describe("x0", s.x0);
  gradus_fuzz::describe("tolerances (gradient, value, step), clip_norm, weight_decay",
                        Eigen::Matrix<double, 5, 1>(s.opts.gradient_tolerance, s.opts.value_tolerance,
                                                    s.opts.step_tolerance, s.opts.clip_norm, s.opts.weight_decay));
  if (!gradus_fuzz::run_guarded(!s.strict, [&] { r = gradus::minimize(f, s.x0, method, s.opts); })) return;
  gradus_fuzz::context() += std::string("status ") + std::string(gradus::to_string(r.status)) + "  ";
  gradus_fuzz::describe("x", r.x);
  gradus_fuzz::describe("value, gradient_norm, iterations",
                        Eigen::Vector3d(r.value, r.gradient_norm, double(r.iterations)));
  constexpr bool projected = std::is_same_v<M, gradus::projected_gradient>;

  GRADUS_FUZZ_CHECK(r.iterations <= s.opts.max_iterations, "more iterations than max_iterations");
  if (!s.x0.allFinite() && !projected) {
    GRADUS_FUZZ_CHECK(r.status == gradus::status::non_finite, "a start with NaN or Inf did not end non_finite");
    GRADUS_FUZZ_CHECK(r.iterations == 0, "a start with NaN or Inf made iterations");
  }
  if (s.x0.hasNaN()) GRADUS_FUZZ_CHECK(!r.converged(), "converged from a start containing NaN");
  if (r.status == gradus::status::converged || r.status == gradus::status::max_iterations) {
    GRADUS_FUZZ_CHECK(r.x.allFinite(), "converged or max_iterations with a non-finite x");
    GRADUS_FUZZ_CHECK(std::isfinite(r.value), "converged or max_iterations with a non-finite value");
    GRADUS_FUZZ_CHECK(std::isfinite(r.gradient_norm), "converged or max_iterations with a non-finite gradient norm");
  }
  if (!r.converged()) return;
  GRADUS_FUZZ_CHECK(r.test != gradus::convergence_test::none, "converged without naming the test that passed");
  const double w = s.opts.weight_decay;
  const double fx = gradus::value(f, r.x) + (w == 0 ? 0.0 : 0.5 * w * r.x.squaredNorm());
  gradus_fuzz::describe("f(x) + (w/2)|x|^2", Eigen::Matrix<double, 1, 1>(fx));
  GRADUS_FUZZ_CHECK(close(r.value, fx, 1e-12, std::fabs(fx)), "the reported value is not f(x) at the returned x");
  const vec g = vec(gradus::gradient(f, r.x)) + w * r.x;
  double measure = g.norm();
  if (!std::isfinite(measure) && g.allFinite()) measure = g.stableNorm();  // as the solvers do: no spurious overflow
  if constexpr (projected) measure = projected_measure(method, r.x, g);
  const double tol = s.opts.gradient_tolerance;
  switch (r.test) {
    case gradus::convergence_test::gradient_norm:
      GRADUS_FUZZ_CHECK(measure <= tol * (1 + 1e-9), "converged by gradient norm, but the recomputed norm exceeds the tolerance");
      GRADUS_FUZZ_CHECK(close(measure, r.gradient_norm, 1e-9, std::fabs(measure)), "the reported gradient norm is not the one at x");
      break;
    case gradus::convergence_test::value_change:
      GRADUS_FUZZ_CHECK(s.opts.value_tolerance > 0, "converged by value change with value_tolerance 0");
      break;
    case gradus::convergence_test::step_size:
      GRADUS_FUZZ_CHECK(s.opts.step_tolerance > 0, "converged by step size with step_tolerance 0");
      break;
    case gradus::convergence_test::none: break;
  }
}

template <class F>
void run_solver(const F& f, std::size_t which, gradus_fuzz::input& in, const settings& s) {
  const bool st = s.strict;
  switch (which) {
    case 0: check_run(f, gradus::gradient_descent{.step = gradus::backtracking{}}, s); break;
    case 1: check_run(f, gradus::gradient_descent{.step = gradus::strong_wolfe{}}, s); break;
    case 2: check_run(f, gradus::gradient_descent{.step = gradus::fixed_step{rate_value(in, st)}}, s); break;
    case 3: check_run(f, gradus::momentum{.learning_rate = rate_value(in, st), .momentum = unit_value(in, st)}, s); break;
    case 4: check_run(f, gradus::nesterov{.learning_rate = rate_value(in, st), .momentum = unit_value(in, st)}, s); break;
    case 5: check_run(f, gradus::adagrad{.learning_rate = rate_value(in, st), .epsilon = epsilon_value(in, st)}, s); break;
    case 6:
      check_run(f, gradus::rmsprop{.learning_rate = rate_value(in, st), .decay = unit_value(in, st), .epsilon = epsilon_value(in, st)}, s);
      break;
    case 7: {
      const double rho = unit_value(in, st);
      check_run(f, gradus::adadelta{.rho = st && rho == 0 ? 0.95 : rho, .epsilon = epsilon_value(in, st)}, s);
      break;
    }
    case 8:
      check_run(f, gradus::adam{.learning_rate = rate_value(in, st), .beta1 = unit_value(in, st), .beta2 = unit_value(in, st),
                                .epsilon = epsilon_value(in, st)}, s);
      break;
    case 9:
      check_run(f, gradus::adamw{.learning_rate = gradus::exponential_decay{.initial = rate_value(in, st), .rho = 0.01},
                                 .beta1 = unit_value(in, st), .beta2 = unit_value(in, st), .epsilon = epsilon_value(in, st),
                                 .weight_decay = st ? 0.01 : in.number()}, s);
      break;
    case 10: check_run(f, projection_set(in, st, gradus::backtracking{}), s); break;
    case 11: check_run(f, projection_set(in, st, gradus::fixed_step{rate_value(in, st)}), s); break;
    case 12: check_run(f, gradus::newton{.step = gradus::backtracking{}, .modify_hessian = in.choice(4) != 0}, s); break;
    case 13: check_run(f, gradus::bfgs{.step = in.choice(2) ? gradus::step_rule(gradus::strong_wolfe{}) : gradus::step_rule(gradus::backtracking{})}, s); break;
    default: check_run(f, gradus::lbfgs{.memory = 1 + in.choice(10)}, s); break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gradus_fuzz::input in(data, size);
  const std::size_t objective = in.choice(2);
  const std::size_t solver = in.choice(15);
  settings s;
  s.strict = in.choice(4) != 0;
  s.x0 = vec(in.number(), in.number());
  static constexpr double tolerances[] = {1e-8, 1e-4, 0.0, 4.9406564584124654e-324, 1.0, 1e-12};
  static constexpr double clips[] = {0.0, 0.0, 1.0, 1e300};
  static constexpr double decays[] = {0.0, 0.0, 0.01, 1e-300};
  s.opts.max_iterations = 1 + in.choice(150);
  if (s.strict) {
    s.opts.gradient_tolerance = tolerances[in.choice(6)];
    s.opts.value_tolerance = in.choice(4) == 0 ? 1e-10 : 0.0;
    s.opts.step_tolerance = in.choice(4) == 0 ? 1e-10 : 0.0;
    s.opts.clip_norm = clips[in.choice(4)];
    s.opts.weight_decay = decays[in.choice(4)];
  } else {
    s.opts.gradient_tolerance = in.number();
    s.opts.value_tolerance = in.number();
    s.opts.step_tolerance = in.number();
    s.opts.clip_norm = in.number();
    s.opts.weight_decay = in.number();
  }

  constexpr gradus::var<0> x{};
  constexpr gradus::var<1> y{};
  if (objective == 0) run_solver(gradus::square(1 - x) + 10 * gradus::square(y - x * x), solver, in, s);
  else run_solver(gradus::logsumexp(x, 2 * y, -x - y) + gradus::log1p(x * x) - 0.1 * gradus::tanh(y), solver, in, s);
  return 0;
}
