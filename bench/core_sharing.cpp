// Proof that a subexpression used twice is computed once. The per-example logistic loss
//   s = σ(a·x + b),   L = y·log s + (1 − y)·log(1 − s)
// uses s twice. `hand_once` computes σ once, `hand_twice` computes it twice (what an
// expression-template library without sharing would do); gradus should time like hand_once.
// Measured on value, gradient and Hessian over a block of 256 examples (θ = (a, b)).
#include <array>
#include <cmath>
#include <vector>

#include <gradus/gradus.hpp>

#include "bench_support.hpp"

namespace {
constexpr int block = 256;

struct data {
  std::vector<double> x, y;
  data() : x(block), y(block) {
    for (int i = 0; i < block; ++i) {
      x[i] = std::sin(0.37 * i) * 3;
      y[i] = (i % 3 == 0) ? 1.0 : 0.0;
    }
  }
};
const data examples;

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// The loss as a data objective sees it: θ = (a, b) are variables, x and y are data columns,
// so s = σ(a·x + b) is a stateless subexpression that the tape stores once. (A subexpression
// holding a runtime constant is never merged: its constants could differ.)
auto make_loss() {
  auto [a, b] = gradus::variables<2>();
  gradus::col<0> xi;
  gradus::col<1> yi;
  auto s = gradus::sigmoid(a * xi + b);
  return yi * gradus::log(s) + (1 - yi) * gradus::log(1 - s);
}
using loss_type = decltype(make_loss());
const gradus::detail::compiled<loss_type> loss(make_loss());

template <class Theta>
auto reader(const Theta& t) {
  return [&t](std::size_t i) { return t[Eigen::Index(i)]; };
}
auto columns(int i) {
  return [i](std::size_t j) { return j == 0 ? examples.x[i] : examples.y[i]; };
}
double loss_value(const Eigen::Vector2d& t, int i) { return loss.value<double>(reader(t), columns(i)); }
Eigen::Vector2d loss_gradient(const Eigen::Vector2d& t, int i) {
  Eigen::Vector2d g;
  loss.gradient<double>(reader(t), columns(i), [&g](std::size_t k, double d) { g[Eigen::Index(k)] = d; });
  return g;
}

void value_gradus(benchmark::State& st) {
  Eigen::Vector2d t(0.3, -0.2);
  for (auto _ : st) {
    t[0] += 1e-12;
    double v = 0;
    for (int i = 0; i < block; ++i) v += loss_value(t, i);
    benchmark::DoNotOptimize(v);
  }
}
template <bool Twice>
void value_hand(benchmark::State& st) {
  Eigen::Vector2d t(0.3, -0.2);
  for (auto _ : st) {
    t[0] += 1e-12;
    double v = 0;
    for (int i = 0; i < block; ++i) {
      const double z = t[0] * examples.x[i] + t[1], yi = examples.y[i];
      if constexpr (Twice) {
        v += yi * std::log(sigmoid(z)) + (1 - yi) * std::log(1 - sigmoid(z));
      } else {
        const double s = sigmoid(z);
        v += yi * std::log(s) + (1 - yi) * std::log(1 - s);
      }
    }
    benchmark::DoNotOptimize(v);
  }
}

void gradient_gradus(benchmark::State& st) {
  Eigen::Vector2d t(0.3, -0.2);
  for (auto _ : st) {
    t[0] += 1e-12;
    Eigen::Vector2d g = Eigen::Vector2d::Zero();
    for (int i = 0; i < block; ++i) g += loss_gradient(t, i);
    benchmark::DoNotOptimize(g);
  }
}
template <bool Twice>
void gradient_hand(benchmark::State& st) {
  Eigen::Vector2d t(0.3, -0.2);
  for (auto _ : st) {
    t[0] += 1e-12;
    Eigen::Vector2d g = Eigen::Vector2d::Zero();
    for (int i = 0; i < block; ++i) {
      const double z = t[0] * examples.x[i] + t[1], yi = examples.y[i];
      // dL/dz = y (1 − s) − (1 − y) s, written through s (once) or through σ(z) twice.
      double dz;
      if constexpr (Twice) dz = yi * (1 - sigmoid(z)) - (1 - yi) * sigmoid(z);
      else {
        const double s = sigmoid(z);
        dz = yi * (1 - s) - (1 - yi) * s;
      }
      g[0] += dz * examples.x[i];
      g[1] += dz;
    }
    benchmark::DoNotOptimize(g);
  }
}

void register_all() {
  using gradus_bench::name;
  // The tape holds one sigmoid node although the loss's tree holds two.
  using tape = gradus::detail::tape<loss_type>;
  static_assert([] {
    int sigmoids = 0;
    for (std::size_t k = 0; k < tape::size; ++k) sigmoids += tape::node(k).code == gradus::detail::opcode::sigmoid;
    return sigmoids;
  }() == 1);
  // Correctness first: gradus against the hand-written derivative.
  {
    Eigen::Vector2d t(0.3, -0.2), g = Eigen::Vector2d::Zero(), h = Eigen::Vector2d::Zero();
    for (int i = 0; i < block; ++i) {
      g += loss_gradient(t, i);
      const double z = t[0] * examples.x[i] + t[1], s = sigmoid(z), dz = examples.y[i] - s;
      h += Eigen::Vector2d(dz * examples.x[i], dz);
    }
    gradus_bench::require_close("sharing: gradus gradient of the logistic loss", g, h, 1e-12);
  }
  benchmark::RegisterBenchmark(name("sharing", "logistic_value", block, "gradus").c_str(), value_gradus);
  benchmark::RegisterBenchmark(name("sharing", "logistic_value", block, "hand").c_str(), value_hand<false>);
  benchmark::RegisterBenchmark(name("sharing", "logistic_value", block, "hand_twice").c_str(), value_hand<true>);
  benchmark::RegisterBenchmark(name("sharing", "logistic_gradient", block, "gradus").c_str(), gradient_gradus);
  benchmark::RegisterBenchmark(name("sharing", "logistic_gradient", block, "hand").c_str(), gradient_hand<false>);
  benchmark::RegisterBenchmark(name("sharing", "logistic_gradient", block, "hand_twice").c_str(), gradient_hand<true>);
}
}  // namespace

int main(int argc, char** argv) {
  register_all();
  gradus_bench::add_build_context();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
