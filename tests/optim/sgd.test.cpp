// Minibatch SGD on a data objective: logistic regression on synthetic data. The data objective
// below models gradus::data_objective the way gradus::mean_over does: size() and a
// subset(rows) view, no copy.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <span>
#include <vector>

#include <gradus/optim.hpp>

namespace {
/// J(θ) = (1/|R|) Σ_{i∈R} softplus(zᵢ) − yᵢzᵢ,  zᵢ = θ₀ + θ₁tᵢ,  over the rows R (all when empty).
struct logistic_regression {
  std::span<const double> t, y;
  std::span<const std::size_t> rows{};

  std::size_t size() const { return rows.empty() ? t.size() : rows.size(); }
  logistic_regression subset(std::span<const std::size_t> r) const { return {t, y, r}; }

  template <class Visit>
  void each(Visit&& visit) const {
    if (rows.empty())
      for (std::size_t i = 0; i < t.size(); ++i) visit(t[i], y[i]);
    else
      for (std::size_t i : rows) visit(t[i], y[i]);
  }
  static double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }
  double value(const Eigen::Vector2d& th) const {
    double s = 0;
    each([&](double ti, double yi) {
      const double z = th[0] + th[1] * ti;
      s += softplus(z) - yi * z;
    });
    return s / double(size());
  }
  Eigen::Vector2d gradient(const Eigen::Vector2d& th) const {
    Eigen::Vector2d g = Eigen::Vector2d::Zero();
    each([&](double ti, double yi) {
      const double r = 1 / (1 + std::exp(-(th[0] + th[1] * ti))) - yi;
      g += r * Eigen::Vector2d(1.0, ti);
    });
    return g / double(size());
  }
};

struct synthetic {
  std::vector<double> t, y;
  explicit synthetic(std::size_t m) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (std::size_t i = 0; i < m; ++i) {
      const double ti = 6 * u(rng) - 3;
      t.push_back(ti);
      y.push_back(u(rng) < 1 / (1 + std::exp(-(2 * ti - 0.5))) ? 1.0 : 0.0);
    }
  }
  logistic_regression objective() const { return {t, y}; }
};
}  // namespace

static_assert(gradus::data_objective<logistic_regression, Eigen::Vector2d>);
static_assert(!gradus::data_objective<decltype(gradus::variables<2>()), Eigen::Vector2d>);

TEST_CASE("sgd trains logistic regression to within 1e-2 of the full-batch optimum", "[optim][sgd]") {
  const synthetic data(1000);
  const auto J = data.objective();
  const auto full = gradus::minimize(J, Eigen::Vector2d::Zero(), gradus::gradient_descent{.step = gradus::strong_wolfe{}},
                                     gradus::options{.gradient_tolerance = 1e-10});
  REQUIRE(full.converged());
  CHECK(full.x[1] == Approx(2.0).margin(0.4));  // the generating slope, up to sampling noise

  const auto r = gradus::minimize(J, Eigen::Vector2d::Zero(),
                                  gradus::sgd{.learning_rate = gradus::inverse_time_decay{.initial = 1.0, .rho = 0.01},
                                              .batch_size = 20, .epochs = 40, .seed = 3},
                                  gradus::options{.gradient_tolerance = 0, .record_trace = true});
  INFO(r.message());
  CHECK(r.status == gradus::status::epochs_completed);
  CHECK(r.iterations == 40 * 50);
  CHECK((r.x - full.x).norm() < 1e-2);
  CHECK(r.value - full.value < 1e-4);
  CHECK(r.trace.size() == 41);  // the start and one entry per epoch
  CHECK(r.trace[1].iteration == 50);
  CHECK(r.gradient_evaluations == 40 * 50 + 41);  // minibatches plus one full pass per epoch and at the start

  SECTION("with momentum") {
    const auto m = gradus::minimize(J, Eigen::Vector2d::Zero(),
                                    gradus::sgd{.learning_rate = gradus::inverse_time_decay{.initial = 0.2, .rho = 0.01},
                                                .batch_size = 20, .epochs = 40, .momentum = 0.8, .seed = 3},
                                    gradus::options{.gradient_tolerance = 0});
    CHECK((m.x - full.x).norm() < 1e-2);
  }
}

TEST_CASE("sgd is reproducible from its seed and covers every example once per epoch", "[optim][sgd]") {
  const synthetic data(203);  // the last minibatch of each epoch is short
  const auto J = data.objective();
  const auto run = [&](std::uint64_t seed, bool shuffle) {
    return gradus::minimize(J, Eigen::Vector2d::Zero(),
                            gradus::sgd{.learning_rate = 0.1, .batch_size = 25, .epochs = 3, .shuffle = shuffle, .seed = seed},
                            gradus::options{.gradient_tolerance = 0});
  };
  const auto a = run(1, true), b = run(1, true), c = run(2, true);
  CHECK(a.x == b.x);
  CHECK(a.x != c.x);
  CHECK(a.iterations == 3 * 9);

  // One epoch of batch size m without shuffling is one full gradient step.
  const auto one = gradus::minimize(J, Eigen::Vector2d::Zero(), gradus::sgd{.learning_rate = 0.1, .batch_size = 1000, .epochs = 1, .shuffle = false},
                                    gradus::options{.gradient_tolerance = 0});
  CHECK((one.x - (-0.1 * J.gradient(Eigen::Vector2d::Zero()))).norm() < 1e-15);

  // Every permutation is a permutation: a shuffled full-batch epoch gives the same step up to rounding.
  const auto shuffled = gradus::minimize(J, Eigen::Vector2d::Zero(), gradus::sgd{.learning_rate = 0.1, .batch_size = 1000, .epochs = 1},
                                         gradus::options{.gradient_tolerance = 0});
  CHECK((shuffled.x - one.x).norm() < 1e-14);
}

TEST_CASE("sgd stops on max_iterations, divergence and bad arguments", "[optim][sgd]") {
  const synthetic data(100);
  const auto J = data.objective();
  const auto limited = gradus::minimize(J, Eigen::Vector2d::Zero(), gradus::sgd{.batch_size = 10, .epochs = 100},
                                        gradus::options{.gradient_tolerance = 0, .max_iterations = 25});
  CHECK(limited.status == gradus::status::max_iterations);
  CHECK(limited.iterations == 25);
  CHECK_THROWS_AS(gradus::minimize(J, Eigen::Vector2d::Zero(), gradus::sgd{.batch_size = 0}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(J, Eigen::Vector2d::Zero(), gradus::sgd{.momentum = 1.0}), std::invalid_argument);
  const auto nan_start = gradus::minimize(J, Eigen::Vector2d(std::nan(""), 0.0), gradus::sgd{});
  CHECK(nan_start.status == gradus::status::non_finite);
}
