// Logistic regression on synthetic data: m examples (x1, x2) with labels y ∈ {0, 1} drawn from
// P(y = 1) = σ(2 x1 − x2 + 0.5). The model is z = w1 x1 + w2 x2 + b and the loss the mean
// negative log-likelihood
//   J(w1, w2, b) = (1/m) Σᵢ −[yᵢ log σ(zᵢ) + (1 − yᵢ) log σ(−zᵢ)],
// written once for one example with data placeholders (columns) and summed by gradus over the
// whole dataset. Four methods minimize it: gradient descent with a backtracking line search
// (one full gradient per step), minibatch SGD (32 examples per update), Adam, and Newton's
// method (the exact 3×3 Hessian of J, summed over the data in the same pass); the loss is
// recorded against iterations and against wall time.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <gradus/gradus.hpp>

#include "tour.hpp"

namespace {

struct sample {
  std::size_t iteration;
  double seconds;
  double loss;
};

// Runs the method from θ = 0 and records the loss after every iteration (SGD: every epoch)
// through the options' callback, with the time since the start.
template <class Objective, class Method>
std::vector<sample> record(const Objective& J, const Method& method, std::size_t max_iterations) {
  std::vector<sample> samples;
  samples.reserve(max_iterations + 2);
  const Eigen::Vector3d theta0 = Eigen::Vector3d::Zero();
  samples.push_back({0, 0.0, J.value(theta0)});
  const auto start = std::chrono::steady_clock::now();
  const auto r = gradus::minimize(
      J, theta0, method,
      gradus::options{.gradient_tolerance = 1e-6,
                      .max_iterations = max_iterations,
                      .callback = [&](const gradus::iteration_info& info) {
                        const std::chrono::duration<double> t = std::chrono::steady_clock::now() - start;
                        samples.push_back({info.iteration, t.count(), info.value});
                        return true;
                      }});
  std::printf("  theta = (%.4f, %.4f, %.4f)   %s\n", r.x[0], r.x[1], r.x[2], r.message().c_str());
  return samples;
}

}  // namespace

int main(int argc, char** argv) {
  // The data: m examples, features from N(0, 1), labels drawn from the true model.
  const std::size_t m = 20000;
  std::vector<double> x1(m), x2(m), y(m);
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  for (std::size_t i = 0; i < m; ++i) {
    x1[i] = normal(rng);
    x2[i] = normal(rng);
    const double p = 1 / (1 + std::exp(-(2 * x1[i] - x2[i] + 0.5)));
    y[i] = uniform(rng) < p ? 1.0 : 0.0;
  }

  // The model and its loss, for one example.
  auto [w1, w2, b] = gradus::variables<3>();
  auto [xi1, xi2, yi] = gradus::columns<3>();
  auto z = w1 * xi1 + w2 * xi2 + b;
  auto loss = -(yi * gradus::log_sigmoid(z) + (1 - yi) * gradus::log_sigmoid(-z));
  auto J = gradus::mean_over(loss, gradus::dataset(x1, x2, y));

  tour::section("Logistic regression: 20000 examples, true (w1, w2, b) = (2, -1, 0.5)");
  std::printf("loss for one example: %s\n", gradus::to_string(loss).c_str());

  struct method_run {
    const char* name;
    std::vector<sample> samples;
  };
  std::vector<method_run> runs;
  std::printf("gradient descent (backtracking), 100 iterations at most:\n");
  runs.push_back({"gradient descent", record(J, gradus::gradient_descent{}, 100)});
  std::printf("SGD (learning rate 0.1, batches of 32, 5 epochs = 3125 updates):\n");
  runs.push_back({"SGD", record(J, gradus::sgd{.learning_rate = 0.1, .batch_size = 32, .epochs = 5}, 100000)});
  std::printf("Adam (learning rate 0.05), 300 iterations at most:\n");
  runs.push_back({"Adam", record(J, gradus::adam{.learning_rate = 0.05}, 300)});
  std::printf("Newton's method, 50 iterations at most:\n");
  runs.push_back({"Newton", record(J, gradus::newton{}, 50)});

  tour::section("Loss against iterations and wall time");
  std::printf("%-18s %10s %12s %12s\n", "method", "iterations", "time [ms]", "final loss");
  tour::csv out(argc, argv, "logistic_regression", "method,iteration,seconds,loss");
  for (const auto& [name, samples] : runs) {
    const sample& last = samples.back();
    std::printf("%-18s %10zu %12.2f %12.6f\n", name, last.iteration, 1e3 * last.seconds, last.loss);
    for (const auto& s : samples) out.row("%s,%zu,%.9g,%.17g", name, s.iteration, s.seconds, s.loss);
  }
  std::printf("(SGD counts one iteration per minibatch update and reports the loss once per epoch.)\n");
  return 0;
}
