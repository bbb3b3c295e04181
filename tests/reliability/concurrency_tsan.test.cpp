// Thread safety: expressions and data objectives are immutable values, so one object may be
// evaluated from many threads at once, and independent solver runs share nothing. Run under
// ThreadSanitizer by `make test-tsan` (tag [tsan]); in the ordinary build the same checks show
// that the concurrent results are bit-for-bit the single-threaded ones.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <thread>
#include <vector>

#include <gradus/gradus.hpp>

namespace {
constexpr std::size_t thread_count = 4;

/// Runs job(k) for k = 0..thread_count-1 on as many threads, all started before any is joined.
template <class Job>
void run_concurrently(Job job) {
  std::vector<std::thread> threads;
  threads.reserve(thread_count);
  for (std::size_t k = 0; k < thread_count; ++k) threads.emplace_back(job, k);
  for (auto& t : threads) t.join();
}

struct logistic_data {
  std::vector<double> x, y;
  explicit logistic_data(std::size_t m) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    for (std::size_t i = 0; i < m; ++i) {
      const double xi = noise(rng);
      x.push_back(xi);
      y.push_back(1.5 * xi - 0.5 + noise(rng) > 0 ? 1.0 : 0.0);
    }
  }
};

auto logistic_loss() {
  auto [a, b] = gradus::variables<2>();
  auto [xi, yi] = gradus::columns<2>();
  auto z = a * xi + b;
  return -(yi * gradus::log_sigmoid(z) + (1 - yi) * gradus::log_sigmoid(-z));
}
}  // namespace

TEST_CASE("one data objective evaluated from several threads at once gives the single-threaded bits",
          "[reliability][tsan]") {
  const logistic_data data(3000);
  const gradus::dataset d(data.x, data.y);
  // threads = 2: each outer thread's call also splits its rows over an inner thread.
  for (std::size_t inner : {std::size_t(1), std::size_t(2)}) {
    const auto J = gradus::mean_over(logistic_loss(), d, gradus::data_options{.threads = inner});
    std::vector<Eigen::Vector2d> points;
    for (int i = 0; i < 8; ++i) points.emplace_back(0.3 * i - 1.0, 0.1 * i);
    std::vector<double> v_ref;
    std::vector<Eigen::Vector2d> g_ref;
    std::vector<Eigen::Matrix2d> h_ref;
    for (const auto& p : points) {
      const auto [v, g, H] = J.value_gradient_hessian(p);
      v_ref.push_back(v), g_ref.push_back(g), h_ref.push_back(H);
    }
    std::array<int, thread_count> mismatches{};
    run_concurrently([&](std::size_t k) {
      for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < points.size(); ++i) {
          const std::size_t j = (i + k) % points.size();  // threads visit the points in different orders
          const auto [v, g, H] = J.value_gradient_hessian(points[j]);
          if (v != v_ref[j] || g != g_ref[j] || H != h_ref[j] || J.value(points[j]) != v_ref[j] ||
              J.gradient(points[j]) != g_ref[j])
            ++mismatches[k];
        }
    });
    for (int n : mismatches) CHECK(n == 0);
  }
}

TEST_CASE("one expression evaluated from several threads at once", "[reliability][tsan]") {
  auto [x, y, z] = gradus::variables<3>();
  const auto f = gradus::logsumexp(x, 2 * y, gradus::sin(z)) + gradus::softplus(x * y) + gradus::pow<3>(z - x);
  const Eigen::Vector3d p(0.5, -1.25, 2.0);
  const auto ref = gradus::value_gradient_hessian(f, p);  // not a structured binding: Clang 14 cannot capture one
  const double v_ref = ref.value;
  const Eigen::Vector3d g_ref = ref.gradient;
  const Eigen::Matrix3d h_ref = ref.hessian;
  const Eigen::Vector3d forward_ref = gradus::gradient(f, p, gradus::forward_mode);  // may differ from reverse by rounding
  std::array<int, thread_count> mismatches{};
  run_concurrently([&](std::size_t k) {
    for (int round = 0; round < 200; ++round) {
      const auto [v, g, H] = gradus::value_gradient_hessian(f, p);
      if (v != v_ref || g != g_ref || H != h_ref || gradus::gradient(f, p, gradus::forward_mode) != forward_ref)
        ++mismatches[k];
    }
  });
  for (int n : mismatches) CHECK(n == 0);
}

TEST_CASE("independent solver runs in parallel give the sequential results", "[reliability][tsan]") {
  const logistic_data data(1000);
  const gradus::dataset d(data.x, data.y);
  const auto J = gradus::mean_over(logistic_loss(), d);
  auto [u, w] = gradus::variables<2>();
  const auto rosenbrock = gradus::square(1 - u) + 100 * gradus::square(w - u * u);

  // Each job: one method on one objective from its own start; shared objects are read only.
  using result = gradus::result<Eigen::Vector2d>;
  const auto job = [&](std::size_t k) -> result {
    const Eigen::Vector2d x0(-1.0 + 0.25 * double(k), 0.5);
    const gradus::options opts{.gradient_tolerance = 1e-7, .max_iterations = 300};
    switch (k % 4) {
      case 0: return gradus::minimize(J, x0, gradus::gradient_descent{}, opts);
      case 1: return gradus::minimize(rosenbrock, x0, gradus::adam{.learning_rate = 0.02}, opts);
      case 2: return gradus::minimize(J, x0, gradus::sgd{.learning_rate = 0.1, .batch_size = 64, .epochs = 3, .seed = k}, opts);
      default: return gradus::minimize(rosenbrock, x0, gradus::gradient_descent{.step = gradus::strong_wolfe{}}, opts);
    }
  };
  constexpr std::size_t jobs = 2 * thread_count;
  std::vector<result> sequential;
  for (std::size_t k = 0; k < jobs; ++k) sequential.push_back(job(k));
  std::vector<result> parallel(jobs, sequential.front());
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < jobs; ++k) threads.emplace_back([&, k] { parallel[k] = job(k); });
  for (auto& t : threads) t.join();
  for (std::size_t k = 0; k < jobs; ++k) {
    INFO("job " << k);
    CHECK(parallel[k].x == sequential[k].x);
    CHECK(parallel[k].status == sequential[k].status);
    CHECK(parallel[k].iterations == sequential[k].iterations);
    CHECK(parallel[k].function_evaluations == sequential[k].function_evaluations);
    CHECK(std::isfinite(parallel[k].value));
  }
}
