// Second-order optimizers: whole runs of newton, bfgs and lbfgs from the standard starting
// points of the Moré–Garbow–Hillstrom problems (tests/support/mgh_expressions.hpp), beside the
// same quasi-Newton methods in LBFGSpp (LBFGSSolver with its strong Wolfe line search of
// Nocedal & Wright) and in Ceres (GradientProblemSolver, LBFGS and BFGS directions, Wolfe
// line search).
//
//   optim/<problem>/<n>/gradus_newton | gradus_bfgs | gradus_lbfgs | lbfgspp | ceres_bfgs | ceres_lbfgs
//
// One benchmark iteration is one whole run. Every implementation evaluates f and ∇f with the
// same code (gradus' fused value-and-gradient of the problem's expression), so the times compare
// the solvers, not the derivatives. The same settings everywhere: ‖∇f‖ <= 1e−8 (1e−6 for
// Jennrich–Sampson, whose f* ≈ 124 puts ‖∇f‖ = 1e−8 below what a line search can resolve; Ceres
// tests the max-norm of ∇f, which is never larger), at most 2000 iterations, L-BFGS memory 10,
// line search constants c₁ = 1e−4, c₂ = 0.9, no value or step tolerance (Ceres: function and
// parameter tolerances 0). Counters: iterations, f_evals (every evaluation of f, with or without
// ∇f), g_evals, h_evals (Newton's Hessians), converged (1/0), f (final value).
//
// Register with
//   find_package(Ceres) + Ceres::ceres linked, and LBFGSpp's <LBFGS.h> (Debian liblbfgspp-dev)
//   gradus_add_benchmark(gradus_bench_optim_second_order optim_second_order.cpp LIBS Ceres::ceres)
//   target_compile_definitions(gradus_bench_optim_second_order PRIVATE GRADUS_HAVE_CERES_SOLVER=1)
// (without GRADUS_HAVE_CERES_SOLVER the Ceres rows are left out; without <LBFGS.h> the LBFGSpp ones).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <exception>
#include <string>

#include <Eigen/Core>

#include <gradus/gradus.hpp>

#include "../tests/support/mgh_expressions.hpp"
#include "bench_support.hpp"

#if __has_include(<LBFGS.h>)
#include <LBFGS.h>
#define GRADUS_BENCH_LBFGSPP 1
#endif
#if defined(GRADUS_HAVE_CERES_SOLVER)
#include <ceres/first_order_function.h>
#include <ceres/gradient_problem.h>
#include <ceres/gradient_problem_solver.h>
#endif

namespace {

namespace mgh = gradus::test::mgh_expr;

constexpr int max_iterations = 2000;
constexpr std::size_t lbfgs_memory = 10;

template <class Problem>
double tolerance() {
  return std::is_same_v<Problem, mgh::jennrich_sampson> ? 1e-6 : 1e-8;
}

/// What every implementation reports after a run.
struct outcome {
  double iterations = 0, f_evals = 0, g_evals = 0, h_evals = 0, value = 0;
  bool converged = false;
};

void publish(benchmark::State& state, const outcome& o) {
  state.counters["iterations"] = o.iterations;
  state.counters["f_evals"] = o.f_evals;
  state.counters["g_evals"] = o.g_evals;
  state.counters["h_evals"] = o.h_evals;
  state.counters["converged"] = o.converged ? 1 : 0;
  state.counters["f"] = o.value;
}

/// f and ∇f of a problem at a point given as raw doubles (what the peers hand over).
template <class Problem>
struct evaluation {
  using vector = Eigen::Matrix<double, Problem::n, 1>;
  decltype(Problem::objective()) f = Problem::objective();
  double operator()(const double* x, double* g) const {
    const vector p = Eigen::Map<const vector>(x);
    vector grad;
    const double v = gradus::objective_access::value_and_gradient(f, p, grad);
    if (g) {
      Eigen::Map<vector> out(g);
      out = grad;
    }
    return v;
  }
};

template <class Problem, class Method>
void run_gradus(benchmark::State& state, Method method) {
  const auto f = Problem::objective();
  const gradus::options opts{.gradient_tolerance = tolerance<Problem>(), .max_iterations = max_iterations};
  gradus::result<Eigen::Matrix<double, Problem::n, 1>> r;
  for (auto _ : state) {
    r = gradus::minimize(f, Problem::start(), method, opts);
    benchmark::DoNotOptimize(r.x.data());
  }
  publish(state, {double(r.iterations), double(r.function_evaluations), double(r.gradient_evaluations),
                  double(r.hessian_evaluations), r.value, r.converged()});
}

#ifdef GRADUS_BENCH_LBFGSPP
template <class Problem>
void run_lbfgspp(benchmark::State& state) {
  struct counted {
    evaluation<Problem> eval;
    double calls = 0;
    double operator()(const Eigen::VectorXd& x, Eigen::VectorXd& g) {
      ++calls;
      return eval(x.data(), g.data());
    }
  };
  LBFGSpp::LBFGSParam<double> param;
  param.m = int(lbfgs_memory);
  param.epsilon = tolerance<Problem>();
  param.epsilon_rel = 0;
  param.max_iterations = max_iterations;
  param.linesearch = LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE;
  param.max_linesearch = 60;
  param.ftol = 1e-4;
  param.wolfe = 0.9;
  outcome o;
  for (auto _ : state) {
    LBFGSpp::LBFGSSolver<double, LBFGSpp::LineSearchNocedalWright> solver(param);
    counted f;
    Eigen::VectorXd x = Problem::start();
    double fx = 0;
    int iterations = 0;
    bool failed = false;
    try {
      iterations = solver.minimize(f, x, fx);
    } catch (const std::exception&) {  // LBFGSpp reports a failed line search by throwing
      failed = true;
    }
    benchmark::DoNotOptimize(x.data());
    Eigen::VectorXd g(x.size());
    const double value = f.eval(x.data(), g.data());
    o = {double(iterations), f.calls, f.calls, 0, value, !failed && g.norm() <= tolerance<Problem>()};
  }
  publish(state, o);
}
#endif

#ifdef GRADUS_HAVE_CERES_SOLVER
template <class Problem>
class ceres_function final : public ceres::FirstOrderFunction {
 public:
  bool Evaluate(const double* x, double* cost, double* gradient) const override {
    *cost = eval_(x, gradient);
    return std::isfinite(*cost);
  }
  int NumParameters() const override { return Problem::n; }

 private:
  evaluation<Problem> eval_;
};

template <class Problem>
void run_ceres(benchmark::State& state, ceres::LineSearchDirectionType direction) {
  ceres::GradientProblemSolver::Options options;
  options.line_search_direction_type = direction;
  options.line_search_type = ceres::WOLFE;
  options.max_lbfgs_rank = int(lbfgs_memory);
  options.line_search_sufficient_function_decrease = 1e-4;
  options.line_search_sufficient_curvature_decrease = 0.9;
  options.max_num_iterations = max_iterations;
  options.gradient_tolerance = tolerance<Problem>();
  options.function_tolerance = 0;
  options.parameter_tolerance = 0;
  options.logging_type = ceres::SILENT;
  const ceres::GradientProblem problem(new ceres_function<Problem>());
  outcome o;
  for (auto _ : state) {
    Eigen::Matrix<double, Problem::n, 1> x = Problem::start();
    ceres::GradientProblemSolver::Summary summary;
    ceres::Solve(options, problem, x.data(), &summary);
    benchmark::DoNotOptimize(x.data());
    // Ceres counts evaluations of f alone and of f with ∇f separately.
    o = {double(summary.iterations.size()) - 1,
         double(summary.num_cost_evaluations) + double(summary.num_gradient_evaluations),
         double(summary.num_gradient_evaluations), 0, summary.final_cost,
         summary.termination_type == ceres::CONVERGENCE};
  }
  publish(state, o);
}
#endif

template <class Problem>
void register_problem() {
  const auto add = [&](const char* impl, auto body) {
    benchmark::RegisterBenchmark(gradus_bench::name("optim", Problem::name, Problem::n, impl).c_str(), body)
        ->Unit(benchmark::kMicrosecond);
  };
  add("gradus_newton", [](benchmark::State& s) { run_gradus<Problem>(s, gradus::newton{}); });
  add("gradus_bfgs", [](benchmark::State& s) { run_gradus<Problem>(s, gradus::bfgs{}); });
  add("gradus_lbfgs", [](benchmark::State& s) { run_gradus<Problem>(s, gradus::lbfgs{.memory = lbfgs_memory}); });
#ifdef GRADUS_BENCH_LBFGSPP
  add("lbfgspp", [](benchmark::State& s) { run_lbfgspp<Problem>(s); });
#endif
#ifdef GRADUS_HAVE_CERES_SOLVER
  add("ceres_bfgs", [](benchmark::State& s) { run_ceres<Problem>(s, ceres::BFGS); });
  add("ceres_lbfgs", [](benchmark::State& s) { run_ceres<Problem>(s, ceres::LBFGS); });
#endif
}

}  // namespace

int main(int argc, char** argv) {
  register_problem<mgh::rosenbrock>();
  register_problem<mgh::freudenstein_roth>();
  register_problem<mgh::powell_badly_scaled>();
  register_problem<mgh::brown_badly_scaled>();
  register_problem<mgh::beale>();
  register_problem<mgh::jennrich_sampson>();
  register_problem<mgh::helical_valley>();
  register_problem<mgh::bard>();
  register_problem<mgh::gaussian>();
  register_problem<mgh::box_3d>();
  register_problem<mgh::powell_singular>();
  register_problem<mgh::wood>();
  register_problem<mgh::biggs_exp6>();
  register_problem<mgh::watson>();
  register_problem<mgh::extended_rosenbrock<10>>();
  register_problem<mgh::extended_rosenbrock<32>>();
  gradus_bench::add_build_context();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
