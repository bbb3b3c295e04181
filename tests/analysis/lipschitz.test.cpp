// lipschitz_estimate (analysis/lipschitz.hpp).
#include <array>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <Eigen/Core>

#include <gradus/gradus.hpp>

namespace {
/// ½xᵀHx with H = [[3, 2], [2, 3]] (‖H‖₂ = 5), gradient only: the estimate must come from samples.
struct quadratic_gradient_only {
  Eigen::Matrix2d h = (Eigen::Matrix2d() << 3, 2, 2, 3).finished();
  double value(const Eigen::Vector2d& x) const { return 0.5 * x.dot(h * x); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return h * x; }
};
}  // namespace

TEST_CASE("lipschitz_estimate: a quadratic's gradient has L = ‖H‖₂") {
  auto [x, y] = gradus::variables<2>();
  const auto f = 0.5 * (3 * x * x + 4 * x * y + 3 * y * y);
  CHECK(gradus::lipschitz_estimate(f, std::array{1.0, -2.0}, 0.5) == Approx(5.0).epsilon(1e-14));

  // From difference quotients alone the estimate is a lower bound that gets close.
  const double sampled = gradus::lipschitz_estimate(quadratic_gradient_only{}, Eigen::Vector2d(1, -2), 0.5);
  CHECK(sampled <= 5.0 + 1e-12);
  CHECK(sampled >= 4.5);
}

TEST_CASE("lipschitz_estimate: a lower bound of sup |f''| on the interval for x⁴") {
  gradus::var<0> x;
  const auto f = gradus::pow<4>(x);  // f'' = 12x², so on [0.5, 1.5] L = 12 · 1.5² = 27
  const double with_hessian = gradus::lipschitz_estimate(f, std::array{1.0}, 0.5);
  const double quotients = gradus::lipschitz_estimate(f, std::array{1.0}, 0.5, {.use_hessian = false});
  CHECK(with_hessian <= 27.0);
  CHECK(with_hessian >= 0.95 * 27.0);
  CHECK(quotients <= with_hessian);
  CHECK(quotients >= 0.85 * 27.0);
  // More samples never lower the estimate of the same generator's first draws.
  CHECK(gradus::lipschitz_estimate(f, std::array{1.0}, 0.5, {.samples = 256}) >= with_hessian);
}

TEST_CASE("lipschitz_estimate: reproducible, and dynamic-size points work") {
  auto [x, y, z] = gradus::variables<3>();
  const auto f = gradus::exp(x + y) + gradus::sin(z) * y;
  Eigen::VectorXd p(3);
  p << 0.1, 0.2, 0.3;
  const double a = gradus::lipschitz_estimate(f, p, 0.25);
  CHECK(a == gradus::lipschitz_estimate(f, p, 0.25));
  CHECK(a == Approx(gradus::lipschitz_estimate(f, Eigen::Vector3d(0.1, 0.2, 0.3), 0.25)));
  CHECK(a > 0);
}

TEST_CASE("lipschitz_estimate: bad input is an error") {
  auto [x, y] = gradus::variables<2>();
  CHECK_THROWS_AS(gradus::lipschitz_estimate(x * y, std::array{0.0, 0.0}, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(gradus::lipschitz_estimate(x * y, std::array{0.0, 0.0}, 1.0, {.samples = 0}),
                  std::invalid_argument);
}
