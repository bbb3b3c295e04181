// optimal_step and taylor_step (analysis/taylor.hpp).
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <Eigen/Core>

#include <gradus/gradus.hpp>

namespace {
/// ½xᵀHx − bᵀx with a Hessian-vector product member only (no full Hessian).
struct quadratic_with_hvp {
  Eigen::Matrix2d h = (Eigen::Matrix2d() << 3, 2, 2, 3).finished();
  Eigen::Vector2d b{1, -1};
  double value(const Eigen::Vector2d& x) const { return 0.5 * x.dot(h * x) - b.dot(x); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return h * x - b; }
  Eigen::Vector2d hessian_vector_product(const Eigen::Vector2d&, const Eigen::Vector2d& w) const { return h * w; }
};
}  // namespace

TEST_CASE("optimal_step is gᵀg / gᵀHg, and exact on a quadratic") {
  auto [x, y] = gradus::variables<2>();
  const auto f = 0.5 * (3 * x * x + 4 * x * y + 3 * y * y);
  // At (1, 0): g = (3, 2), gᵀg = 13, Hg = (13, 12), gᵀHg = 63.
  const double eps = gradus::optimal_step(f, std::array{1.0, 0.0});
  CHECK(eps == Approx(13.0 / 63.0).epsilon(1e-15));
  // It minimizes f along −g: nearby steps do worse.
  const auto at = [&](double e) { return gradus::taylor_step(f, std::array{1.0, 0.0}, e).actual; };
  CHECK(at(eps) < at(eps * 0.99));
  CHECK(at(eps) < at(eps * 1.01));

  const quadratic_with_hvp q;
  const Eigen::Vector2d p(0.5, 2.0);
  const Eigen::Vector2d g = q.gradient(p);
  CHECK(gradus::optimal_step(q, p) == Approx(g.squaredNorm() / g.dot(q.h * g)));
}

TEST_CASE("optimal_step is +inf where the curvature along −g is not positive") {
  auto [x, y] = gradus::variables<2>();
  CHECK(gradus::optimal_step(x * x - y * y, std::array{0.0, 1.0}) == std::numeric_limits<double>::infinity());
  CHECK(gradus::optimal_step(x * x + y * y, std::array{0.0, 0.0}) == std::numeric_limits<double>::infinity());
  CHECK(gradus::optimal_step(3 * x + y, std::array{1.0, 1.0}) == std::numeric_limits<double>::infinity());
}

TEST_CASE("taylor_step: the second-order prediction is exact on a quadratic") {
  const quadratic_with_hvp q;
  const Eigen::Vector2d p(0.5, 2.0);
  for (double eps : {0.01, 0.1, 0.5, 2.0}) {
    const auto t = gradus::taylor_step(q, p, eps);
    const Eigen::Vector2d g = q.gradient(p);
    CHECK(t.value == Approx(q.value(p)));
    CHECK(t.actual == Approx(q.value(p - eps * g)));
    CHECK(t.first_order == Approx(q.value(p) - eps * g.squaredNorm()));
    CHECK(t.second_order == Approx(t.actual).epsilon(1e-13));
    CHECK(t.gradient_norm_squared == Approx(g.squaredNorm()));
    CHECK(t.curvature == Approx(g.dot(q.h * g)));
  }
}

TEST_CASE("taylor_step: first-order error shrinks like ε², second-order like ε³") {
  auto [x, y] = gradus::variables<2>();
  const auto f = gradus::exp(x) * gradus::sin(y) + gradus::pow<4>(x + y);
  const Eigen::Vector2d p(0.3, 0.8);
  const auto errors = [&](double eps) {
    const auto t = gradus::taylor_step(f, p, eps);
    return std::array{std::abs(t.actual - t.first_order), std::abs(t.actual - t.second_order)};
  };
  const auto big = errors(1e-2);
  const auto small = errors(5e-3);
  CHECK(big[0] / small[0] == Approx(4.0).epsilon(0.05));
  CHECK(big[1] / small[1] == Approx(8.0).epsilon(0.05));
  CHECK(small[1] < small[0]);
}

TEST_CASE("taylor_step: a step too long for the curvature goes uphill, as the model predicts") {
  auto [x, y] = gradus::variables<2>();
  const auto f = 0.5 * (3 * x * x + 4 * x * y + 3 * y * y);
  const std::array p{1.0, 0.0};
  const double eps = gradus::optimal_step(f, p);
  const auto t = gradus::taylor_step(f, p, 2.5 * eps);
  CHECK(t.first_order < t.value);  // the linear model always promises a decrease
  CHECK(t.actual > t.value);       // the real value rose
  CHECK(t.second_order == Approx(t.actual));
}

TEST_CASE("taylor_step and optimal_step: bad input is an error") {
  auto [x, y] = gradus::variables<2>();
  CHECK_THROWS_AS(gradus::taylor_step(x * y, std::array{1.0, 1.0}, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(gradus::optimal_step(gradus::sqrt(x) + y, std::array{-1.0, 1.0}), std::domain_error);
}
