// Bugs found by the differential suite (tests/differential), each pinned by a small test.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <gradus/gradus.hpp>

TEST_CASE("regression: logsumexp and softmax of exactly two arguments are not a division", "[reliability][regression]") {
  // The engine once picked its rule by child count, so logsumexp(a, b) evaluated a / b.
  auto [x, y, z] = gradus::variables<3>();
  const Eigen::Vector3d p(0.1, 0.2, 0.3);
  const double e0 = std::exp(0.1), e1 = std::exp(0.2), s = e0 + e1;
  const auto f = gradus::logsumexp(x, y);
  CHECK(gradus::value(f, p) == Approx(std::log(s)).epsilon(1e-15));
  const Eigen::Vector3d g = gradus::gradient(f, p);
  CHECK(g[0] == Approx(e0 / s).epsilon(1e-15));
  CHECK(g[1] == Approx(e1 / s).epsilon(1e-15));
  CHECK(g[2] == 0.0);
  CHECK(gradus::gradient(f, p, gradus::forward_mode)[1] == Approx(e1 / s).epsilon(1e-15));
  const Eigen::Matrix3d H = gradus::hessian(f, p);
  CHECK(H(0, 1) == Approx(-e0 * e1 / (s * s)).epsilon(1e-14));
  CHECK(H(0, 0) == Approx(e0 * e1 / (s * s)).epsilon(1e-14));
  // softmax<0>(x, y), the symbolic derivative, evaluated through the same engine.
  CHECK(gradus::value(gradus::derivative(f, x), p) == Approx(e0 / s).epsilon(1e-15));
  // A repeated argument: d/dy logsumexp(y, y) = 1.
  CHECK(gradus::gradient(gradus::logsumexp(y, y), p)[1] == Approx(1.0).epsilon(1e-15));
  // Inside a larger expression, with the arguments' variables out of order.
  const Eigen::Vector3d h = gradus::gradient(x - gradus::logsumexp(z, y), p);
  CHECK(h[1] == Approx(-e1 / (e1 + std::exp(0.3))).epsilon(1e-14));
}

TEST_CASE("regression: solve_kkt's line search ends at a feasible iterate with no acceptable step", "[reliability][regression]") {
  // Found by tests/fuzz (fuzz_constrained, a timeout): with θ = 0 the filter line search's
  // smallest step α_min was 0, so halving the trial step never stopped.
  auto [x, y] = gradus::variables<2>();
  const auto f = gradus::square(x) + gradus::square(y - 3) + gradus::exp(x - y);
  const auto prob = gradus::problem(f, gradus::subject_to(0 <= x, x <= 2, y <= 1));
  const double tiny = std::numeric_limits<double>::denorm_min();
  const auto k = gradus::solve_kkt(prob, Eigen::Vector2d(0.0, -11.125), gradus::kkt_options{.tolerance = tiny, .max_iterations = 36});
  CHECK(k.iterations <= 36);
  CHECK(k.x.allFinite());
  // A tolerance of denorm_min cannot be met in floating point: the run stops without converging,
  // at a feasible point close to the solution (x = 0, y = 1).
  CHECK_FALSE(k.converged());
  CHECK(k.residuals.primal_feasibility <= 1e-12);
  CHECK(k.x[1] == Approx(1.0).margin(1e-6));
}
