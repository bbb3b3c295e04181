// Data objectives: value + gradient of a loss summed over m examples, gradus's fused SIMD
// kernel against (1) a plain scalar loop, (2) hand-written Eigen-vectorised code working in
// cache-sized chunks, and (3) the memory-bandwidth reference: a streaming SIMD sum over the same
// bytes, the least time any pass over the data can take.
//
//   data/logistic_d{1,8}/<m>/{gradus,scalar_loop,eigen,bandwidth}   logistic regression, the loss
//       written −[y log σ(z) + (1 − y) log σ(−z)]; gradus_softplus: the same loss written
//       softplus(z) − y z, the form the scalar loop and the Eigen code use
//   data/normal_logpdf/<m>/{gradus,scalar_loop,eigen,bandwidth}     −log N(x | μ, σ), θ = (μ, σ)
//   data_vgh/logistic_d8/<m>/{gradus,two_pass}  value+gradient+Hessian in one pass, or
//                                               value_and_gradient then hessian
//
// Every implementation is checked against gradus before anything is timed.
// GCC 12's AVX-512 intrinsics (_mm512_extractf64x4_pd in Eigen's reductions) trip
// -Wmaybe-uninitialized in -march=native builds: a false positive in the compiler's own header.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <benchmark/benchmark.h>

#include <gradus/gradus.hpp>

#if __has_include("bench_config.hpp")
#include "bench_support.hpp"
#define GRADUS_DATA_BENCH_CONTEXT 1
#endif

namespace {

[[noreturn]] void setup_failed(const std::string& message) {
  std::fprintf(stderr, "gradus data benchmark setup failed: %s\n", message.c_str());
  std::exit(EXIT_FAILURE);
}

void require_close(const std::string& what, double actual, double expected) {
  if (!(std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected))))
    setup_failed(what + ": " + std::to_string(actual) + " vs " + std::to_string(expected));
}

std::string bench_name(const char* family, const char* workload, std::size_t m, const char* impl) {
  return std::string(family) + "/" + workload + "/" + std::to_string(m) + "/" + impl;
}

/// Columns x₀ … x_{D−1} (features), then y.
template <std::size_t D>
struct logistic_data {
  std::vector<std::vector<double>> col;
  explicit logistic_data(std::size_t m) : col(D + 1, std::vector<double>(m)) {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (std::size_t i = 0; i < m; ++i) {
      double z = 0.1;
      for (std::size_t j = 0; j < D; ++j) z += (j % 2 ? -0.4 : 0.6) * (col[j][i] = normal(rng));
      col[D][i] = uniform(rng) < 1 / (1 + std::exp(-z)) ? 1.0 : 0.0;
    }
  }
};

template <std::size_t D>
auto logistic_loss() {
  const auto w = gradus::variables<D>();
  const auto x = gradus::columns<D>();
  constexpr gradus::var<D> b{};
  constexpr gradus::col<D> y{};
  const auto z = gradus::dot(w, x) + b;
  return -(y * gradus::log_sigmoid(z) + (1 - y) * gradus::log_sigmoid(-z));
}

/// The same loss in the form the scalar loop uses: softplus(z) − y z (one exp and one log1p per
/// example instead of two of each).
template <std::size_t D>
auto logistic_loss_softplus() {
  const auto w = gradus::variables<D>();
  const auto x = gradus::columns<D>();
  constexpr gradus::var<D> b{};
  constexpr gradus::col<D> y{};
  const auto z = gradus::dot(w, x) + b;
  return gradus::softplus(z) - y * z;
}

template <std::size_t D, class Loss>
auto logistic_objective(const logistic_data<D>& d, const Loss& loss) {
  return [&]<std::size_t... J>(std::index_sequence<J...>) {
    return gradus::mean_over(loss, gradus::dataset(d.col[J]...));
  }(std::make_index_sequence<D + 1>{});
}

using vg = std::pair<double, Eigen::VectorXd>;

/// The plain loop a person writes first: one example at a time, stable log σ.
template <std::size_t D>
vg logistic_scalar(const logistic_data<D>& d, const Eigen::Matrix<double, D + 1, 1>& th) {
  const std::size_t m = d.col[0].size();
  double v = 0;
  double g[D + 1] = {};
  for (std::size_t i = 0; i < m; ++i) {
    double z = th[D];
    for (std::size_t j = 0; j < D; ++j) z += th[Eigen::Index(j)] * d.col[j][i];
    const double y = d.col[D][i];
    const double t = std::exp(-std::abs(z));
    v += std::max(z, 0.0) + std::log1p(t) - y * z;  // softplus(z) − y z
    const double p = z >= 0 ? 1 / (1 + t) : t / (1 + t);
    const double r = p - y;
    for (std::size_t j = 0; j < D; ++j) g[j] += r * d.col[j][i];
    g[D] += r;
  }
  Eigen::VectorXd gv(D + 1);
  for (std::size_t j = 0; j <= D; ++j) gv[Eigen::Index(j)] = g[j] / double(m);
  return {v / double(m), gv};
}

/// Hand-written Eigen: array expressions over cache-sized chunks (Eigen vectorises exp, log1p).
template <std::size_t D>
struct logistic_eigen {
  static constexpr Eigen::Index chunk = 2048;
  Eigen::ArrayXd z{chunk}, t{chunk}, r{chunk};
  vg operator()(const logistic_data<D>& d, const Eigen::Matrix<double, D + 1, 1>& th) {
    const Eigen::Index m = Eigen::Index(d.col[0].size());
    double v = 0;
    Eigen::Matrix<double, D + 1, 1> g = Eigen::Matrix<double, D + 1, 1>::Zero();
    for (Eigen::Index s = 0; s < m; s += chunk) {
      const Eigen::Index n = std::min(chunk, m - s);
      auto X = [&](std::size_t j) { return Eigen::Map<const Eigen::ArrayXd>(d.col[j].data() + s, n); };
      auto zz = z.head(n), tt = t.head(n), rr = r.head(n);
      zz.setConstant(th[D]);
      for (std::size_t j = 0; j < D; ++j) zz += th[Eigen::Index(j)] * X(j);
      const auto y = X(D);
      tt = (-zz.abs()).exp();
      v += (zz.max(0.0) + tt.log1p() - y * zz).sum();
      rr = (zz >= 0).select(1.0 / (1.0 + tt), tt / (1.0 + tt)) - y;
      for (std::size_t j = 0; j < D; ++j) g[Eigen::Index(j)] += (rr * X(j)).sum();
      g[D] += rr.sum();
    }
    return {v / double(m), Eigen::VectorXd(g / double(m))};
  }
};

/// The bandwidth reference: a streaming, vectorised sum of every column (the same bytes).
double stream_sum(const std::vector<std::vector<double>>& cols) {
  double s = 0;
  for (const auto& c : cols) s += Eigen::Map<const Eigen::ArrayXd>(c.data(), Eigen::Index(c.size())).sum();
  return s;
}

template <std::size_t D>
void register_logistic(std::size_t m) {
  auto* data = new logistic_data<D>(m);  // lives as long as the program: the benchmarks hold it
  using P = Eigen::Matrix<double, D + 1, 1>;
  P th;
  for (std::size_t j = 0; j <= D; ++j) th[Eigen::Index(j)] = 0.2 * std::cos(double(j));
  const auto J = logistic_objective<D>(*data, logistic_loss<D>());
  const auto Jsp = logistic_objective<D>(*data, logistic_loss_softplus<D>());
  auto* eig = new logistic_eigen<D>();
  {
    const auto [v, g] = J.value_and_gradient(th);
    const auto [vs, gs] = logistic_scalar<D>(*data, th);
    const auto [ve, ge] = (*eig)(*data, th);
    const auto [vp, gp] = Jsp.value_and_gradient(th);
    require_close("logistic softplus form value", vp, v);
    require_close("logistic scalar value", vs, v);
    require_close("logistic eigen value", ve, v);
    for (std::size_t j = 0; j <= D; ++j) {
      require_close("logistic scalar gradient", gs[Eigen::Index(j)], g[Eigen::Index(j)]);
      require_close("logistic eigen gradient", ge[Eigen::Index(j)], g[Eigen::Index(j)]);
      require_close("logistic softplus form gradient", gp[Eigen::Index(j)], g[Eigen::Index(j)]);
    }
  }
  const char* w = D == 1 ? "logistic_d1" : "logistic_d8";
  benchmark::RegisterBenchmark(bench_name("data", w, m, "gradus").c_str(), [J, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = J.value_and_gradient(th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", w, m, "gradus_softplus").c_str(), [Jsp, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = Jsp.value_and_gradient(th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", w, m, "scalar_loop").c_str(), [data, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = logistic_scalar<D>(*data, th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", w, m, "eigen").c_str(), [data, eig, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = (*eig)(*data, th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", w, m, "bandwidth").c_str(), [data](benchmark::State& s) {
    for (auto _ : s) benchmark::DoNotOptimize(stream_sum(data->col));
  });
  if (D == 8) {
    benchmark::RegisterBenchmark(bench_name("data_vgh", w, m, "gradus").c_str(), [J, th](benchmark::State& s) {
      for (auto _ : s) {
        auto r = J.value_gradient_hessian(th);
        benchmark::DoNotOptimize(r);
      }
    });
    benchmark::RegisterBenchmark(bench_name("data_vgh", w, m, "two_pass").c_str(), [J, th](benchmark::State& s) {
      for (auto _ : s) {
        auto r = J.value_and_gradient(th);
        auto h = J.hessian(th);
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(h);
      }
    });
  }
}

// ---- normal log-density: L(x; μ, σ) = log σ + ½((x − μ)/σ)² (the constant ½ log 2π dropped) ----
struct normal_data {
  std::vector<std::vector<double>> col;
  explicit normal_data(std::size_t m) : col(1, std::vector<double>(m)) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(1.5, 2.0);
    for (auto& x : col[0]) x = normal(rng);
  }
};

vg normal_scalar(const normal_data& d, const Eigen::Vector2d& th) {
  const double mu = th[0], sigma = th[1];
  double v = 0, gmu = 0, gs = 0;
  for (double x : d.col[0]) {
    const double r = (x - mu) / sigma;
    v += std::log(sigma) + 0.5 * r * r;
    gmu -= r / sigma;
    gs += 1 / sigma - r * r / sigma;
  }
  const double m = double(d.col[0].size());
  return {v / m, Eigen::Vector2d(gmu / m, gs / m)};
}

/// Hand-written Eigen: the closed forms Σr and Σr² over the data, log σ once.
vg normal_eigen(const normal_data& d, const Eigen::Vector2d& th) {
  const double mu = th[0], sigma = th[1];
  const auto x = Eigen::Map<const Eigen::ArrayXd>(d.col[0].data(), Eigen::Index(d.col[0].size()));
  const double m = double(x.size());
  const double s1 = (x - mu).sum() / sigma;
  const double s2 = ((x - mu) / sigma).square().sum();
  return {std::log(sigma) + 0.5 * s2 / m, Eigen::Vector2d(-s1 / sigma / m, 1 / sigma - s2 / sigma / m)};
}

void register_normal(std::size_t m) {
  auto* data = new normal_data(m);
  const auto [mu, sigma] = gradus::variables<2>();
  const auto [x] = gradus::columns<1>();
  const auto J = gradus::mean_over(gradus::log(sigma) + 0.5 * gradus::square((x - mu) / sigma), gradus::dataset(data->col[0]));
  const Eigen::Vector2d th(1.2, 1.8);
  {
    const auto [v, g] = J.value_and_gradient(th);
    const auto [vs, gs] = normal_scalar(*data, th);
    const auto [ve, ge] = normal_eigen(*data, th);
    require_close("normal scalar value", vs, v);
    require_close("normal eigen value", ve, v);
    for (Eigen::Index j = 0; j < 2; ++j) {
      require_close("normal scalar gradient", gs[j], g[j]);
      require_close("normal eigen gradient", ge[j], g[j]);
    }
  }
  benchmark::RegisterBenchmark(bench_name("data", "normal_logpdf", m, "gradus").c_str(), [J, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = J.value_and_gradient(th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", "normal_logpdf", m, "scalar_loop").c_str(), [data, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = normal_scalar(*data, th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", "normal_logpdf", m, "eigen").c_str(), [data, th](benchmark::State& s) {
    for (auto _ : s) {
      auto r = normal_eigen(*data, th);
      benchmark::DoNotOptimize(r);
    }
  });
  benchmark::RegisterBenchmark(bench_name("data", "normal_logpdf", m, "bandwidth").c_str(), [data](benchmark::State& s) {
    for (auto _ : s) benchmark::DoNotOptimize(stream_sum(data->col));
  });
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
#ifdef GRADUS_DATA_BENCH_CONTEXT
  gradus_bench::add_build_context();
#endif
  benchmark::AddCustomContext("gradus_simd_width", std::to_string(gradus::simd_width));
  for (std::size_t m : {std::size_t{10'000}, std::size_t{1'000'000}, std::size_t{10'000'000}}) {
    register_logistic<1>(m);
    register_logistic<8>(m);
    register_normal(m);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
