// First-order optimizers: what a method costs beyond its gradient, and how long gradient
// descent with each line search takes to reach ‖∇f‖ <= 1e-8 on Moré–Garbow–Hillstrom problems.
//
//   optim_overhead/<method>/<n>/gradus          K iterations of minimize (one fused value and
//                                               gradient evaluation each)
//   optim_overhead/<method>/<n>/gradient_only   the same K evaluations alone, with a trivial
//                                               update so the compiler cannot hoist them
// The ratio gradus / gradient_only − 1 is the per-iteration overhead of the method and of the
// shared loop (stopping tests, clipping, counting).
//   optim_mgh/<problem>/<n>/<line search>       a whole run of gradient descent to ‖∇f‖ <= 1e-8
//                                               (at most 200000 iterations); counters:
//                                               iterations, f, ∇f and Hessian-vector-product
//                                               evaluations, converged (1) or not (0)
// Register with  gradus_add_benchmark(gradus_bench_optim_first_order optim_first_order.cpp)  and
// give the report the baseline  BASELINES["optim_overhead"] = "gradient_only".
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>

#include <gradus/optim.hpp>

#include "../tests/support/mgh.hpp"

namespace {

constexpr std::size_t iterations_per_run = 1000;

/// ½‖Ax − b‖², A of size 4n × n with N(0, 1/4n) entries: ∇f = Aᵀ(Ax − b), one fused pass.
template <int N>
struct least_squares {
  using vector = Eigen::Matrix<double, N, 1>;
  Eigen::Matrix<double, 4 * N, N> a;
  Eigen::Matrix<double, 4 * N, 1> b;

  least_squares() {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 1.0 / std::sqrt(4.0 * N));
    for (int j = 0; j < N; ++j)
      for (int i = 0; i < 4 * N; ++i) a(i, j) = normal(rng);
    for (int i = 0; i < 4 * N; ++i) b[i] = normal(rng);
  }
  double value(const vector& x) const { return 0.5 * (a * x - b).squaredNorm(); }
  vector gradient(const vector& x) const { return a.transpose() * (a * x - b); }
  std::pair<double, vector> value_and_gradient(const vector& x) const {
    const Eigen::Matrix<double, 4 * N, 1> r = a * x - b;
    return {0.5 * r.squaredNorm(), a.transpose() * r};
  }
};

template <int N>
const least_squares<N>& problem() {
  static const least_squares<N> p;
  return p;
}

template <int N, class Method>
void overhead_gradus(benchmark::State& state, Method method) {
  const auto& f = problem<N>();
  const gradus::options opts{.gradient_tolerance = 0, .max_iterations = iterations_per_run};
  for (auto _ : state) {
    auto r = gradus::minimize(f, Eigen::Matrix<double, N, 1>::Zero(), method, opts);
    benchmark::DoNotOptimize(r.x.data());
    if (r.iterations != iterations_per_run) state.SkipWithError(r.message().c_str());
  }
  state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(iterations_per_run));
}

template <int N>
void overhead_gradient_only(benchmark::State& state) {
  const auto& f = problem<N>();
  for (auto _ : state) {
    Eigen::Matrix<double, N, 1> x = Eigen::Matrix<double, N, 1>::Zero();
    double v = 0;
    for (std::size_t k = 0; k < iterations_per_run; ++k) {
      auto [value, g] = f.value_and_gradient(x);
      v += value;
      x -= 1e-3 * g;
    }
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(x.data());
  }
  state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(iterations_per_run));
}

template <int N, class Method>
void register_overhead(const std::string& name, Method method) {
  const std::string prefix = "optim_overhead/" + name + "/" + std::to_string(N);
  benchmark::RegisterBenchmark((prefix + "/gradus").c_str(), [method](benchmark::State& s) { overhead_gradus<N>(s, method); });
  benchmark::RegisterBenchmark((prefix + "/gradient_only").c_str(), [](benchmark::State& s) { overhead_gradient_only<N>(s); });
}

template <int N>
void register_all_overheads() {
  register_overhead<N>("gradient_descent", gradus::gradient_descent{.step = gradus::fixed_step{0.1}});
  register_overhead<N>("momentum", gradus::momentum{.learning_rate = 0.05});
  register_overhead<N>("nesterov", gradus::nesterov{.learning_rate = 0.05});
  register_overhead<N>("adagrad", gradus::adagrad{.learning_rate = 0.1});
  register_overhead<N>("rmsprop", gradus::rmsprop{});
  register_overhead<N>("adadelta", gradus::adadelta{});
  register_overhead<N>("adam", gradus::adam{});
  register_overhead<N>("adamw", gradus::adamw{});
}

template <class Problem>
void time_to_tolerance(benchmark::State& state, gradus::step_rule rule) {
  const Problem f{};
  const gradus::options opts{.gradient_tolerance = 1e-8, .max_iterations = 200000};
  gradus::result<typename Problem::vector> r;
  for (auto _ : state) {
    r = gradus::minimize(f, Problem::start(), gradus::gradient_descent{.step = rule}, opts);
    benchmark::DoNotOptimize(r.x.data());
  }
  state.counters["iterations"] = double(r.iterations);
  state.counters["f_evals"] = double(r.function_evaluations);
  state.counters["g_evals"] = double(r.gradient_evaluations);
  state.counters["hvp_evals"] = double(r.hessian_evaluations);
  state.counters["converged"] = r.converged() ? 1 : 0;
}

template <class Problem>
void register_mgh(const std::string& name) {
  const std::pair<const char*, gradus::step_rule> rules[] = {{"backtracking", gradus::backtracking{}},
                                                             {"strong_wolfe", gradus::strong_wolfe{}},
                                                             {"exact_quadratic_step", gradus::exact_quadratic_step{}}};
  for (const auto& [rule_name, rule] : rules)
    benchmark::RegisterBenchmark(("optim_mgh/" + name + "/" + std::to_string(Problem::n) + "/" + rule_name).c_str(),
                                 [rule = rule](benchmark::State& s) { time_to_tolerance<Problem>(s, rule); })
        ->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  namespace mgh = gradus::test::mgh;
  register_all_overheads<8>();
  register_all_overheads<32>();
  register_mgh<mgh::rosenbrock>("rosenbrock");
  register_mgh<mgh::freudenstein_roth>("freudenstein_roth");
  register_mgh<mgh::powell_badly_scaled>("powell_badly_scaled");
  register_mgh<mgh::beale>("beale");
  register_mgh<mgh::wood>("wood");
  register_mgh<mgh::extended_rosenbrock<8>>("extended_rosenbrock");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
