// solve_kkt: the kinds of problems, the signs of the multipliers, the statuses, bad input,
// hand-written programs and the absence of heap allocation.
#define GRADUS_TEST_DEFINE_ALLOC_COUNTER
#include <alloc_counter.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

#include "hs_problems_a.hpp"

using namespace gradus;
using Eigen::Vector2d;

TEST_CASE("the contract's example: an equality, a disk and a bound") {
  auto [x, y] = variables<2>();
  auto f = square(x - 2) + y * y;
  auto prob = problem(f, subject_to(x + y == 1, x * x + y * y <= 1, y >= -0.5));
  auto k = solve_kkt(prob, Vector2d(0, 0), kkt_options{.tolerance = 1e-8, .max_iterations = 200});
  REQUIRE(k.converged());
  // On the segment x + y = 1 inside the disk, f is smallest at (1, 0), where the disk is active:
  // ∇f = (-2, 0) = -λ(1, 1) - α₀(2, 0) gives λ = 0, α₀ = 1; y >= -0.5 is inactive, α₁ = 0.
  CHECK(k.x[0] == Approx(1).margin(1e-7));
  CHECK(k.x[1] == Approx(0).margin(1e-7));
  CHECK(k.value == Approx(1).margin(1e-7));
  CHECK(k.lambda[0] == Approx(0).margin(1e-7));
  CHECK(k.alpha[0] == Approx(1).margin(1e-7));
  CHECK(k.alpha[1] == Approx(0).margin(1e-7));
  CHECK(k.residuals.max() <= 1e-8);
  CHECK(k.iterations > 0);
  CHECK(k.function_evaluations >= k.iterations);
  CHECK(k.hessian_evaluations >= k.iterations);
  std::ostringstream os;
  os << k;
  CHECK(os.str().find("converged") != std::string::npos);
  CHECK(os.str().find("KKT residuals") != std::string::npos);
}

TEST_CASE("equality-only, inequality-only, bound-only and unconstrained problems") {
  auto [x, y] = variables<2>();
  SECTION("equality only: min x² + y² s.t. x + y = 1") {
    auto k = solve_kkt(problem(x * x + y * y, subject_to(x + y == 1)), Vector2d(3, -1));
    REQUIRE(k.converged());
    CHECK(k.x.isApprox(Vector2d(0.5, 0.5), 1e-8));
    CHECK(k.lambda[0] == Approx(-1));  // (1, 1) + λ(1, 1) = 0
  }
  SECTION("inequality only: min (x-2)² + (y-2)² s.t. x² + y² <= 2, from outside the disk") {
    auto k = solve_kkt(problem(square(x - 2) + square(y - 2), subject_to(x * x + y * y <= 2)), Vector2d(3, 3));
    REQUIRE(k.converged());
    CHECK(k.x.isApprox(Vector2d(1, 1), 1e-8));
    CHECK(k.alpha[0] == Approx(1));  // (-2, -2) + α(2, 2) = 0
  }
  SECTION("bounds only: min (x-3)² + (y+1)² s.t. 0 <= x <= 2, y >= 0") {
    auto k = solve_kkt(problem(square(x - 3) + square(y + 1), subject_to(0 <= x, x <= 2, y >= 0)), Vector2d(-5, 5));
    REQUIRE(k.converged());
    CHECK(k.x[0] == Approx(2).margin(1e-8));
    CHECK(k.x[1] == Approx(0).margin(1e-8));
    CHECK(k.alpha[0] == Approx(0).margin(1e-8));  // x >= 0 inactive
    CHECK(k.alpha[1] == Approx(2));               // x <= 2: 2(2 - 3) + α = 0
    CHECK(k.alpha[2] == Approx(2));               // y >= 0: 2(0 + 1) - α = 0
  }
  SECTION("no constraints: Rosenbrock") {
    auto k = solve_kkt(problem(hs::rosenbrock()), Vector2d(-1.2, 1));
    REQUIRE(k.converged());
    CHECK(k.x.isApprox(Vector2d(1, 1), 1e-8));
    STATIC_REQUIRE(decltype(k.lambda)::RowsAtCompileTime == 0);
    STATIC_REQUIRE(decltype(k.alpha)::RowsAtCompileTime == 0);
  }
}

TEST_CASE("multiplier signs: e <= c and e >= c give α >= 0 in L = f + αh, λ has either sign") {
  auto [x] = variables<1>();
  const std::array x0{0.0};
  auto alpha_of = [&](const auto& prob) {
    auto k = solve_kkt(prob, x0);
    REQUIRE(k.converged());
    return k.alpha[0];
  };
  // Each has its solution at x = 1 with the constraint active and α = 1.
  CHECK(alpha_of(problem(x, subject_to(x >= 1))) == Approx(1));    // h = 1 - x: 1 - α = 0
  CHECK(alpha_of(problem(x, subject_to(1 <= x))) == Approx(1));
  CHECK(alpha_of(problem(-x, subject_to(x <= 1))) == Approx(1));   // h = x - 1: -1 + α = 0
  CHECK(alpha_of(problem(-x, subject_to(1 >= x))) == Approx(1));
  auto lambda_of = [&](const auto& prob) {
    auto k = solve_kkt(prob, x0);
    REQUIRE(k.converged());
    return k.lambda[0];
  };
  CHECK(lambda_of(problem(x, subject_to(x == 1))) == Approx(-1));   // g = x - 1: 1 + λ = 0
  CHECK(lambda_of(problem(x, subject_to(1 == x))) == Approx(-1));   // the same g
  CHECK(lambda_of(problem(-x, subject_to(x == 1))) == Approx(1));
}

TEST_CASE("an infeasible problem ends `infeasible` at a stationary point of the violation") {
  auto [x, y] = variables<2>();
  SECTION("contradictory bounds x >= 1 and x <= 0") {
    auto k = solve_kkt(problem(x * x + y * y, subject_to(x >= 1, x <= 0)), Vector2d(0.3, 0.2));
    CHECK(k.status == status::infeasible);
    CHECK_FALSE(k.converged());
    CHECK(k.x[0] == Approx(0.5).margin(1e-6));  // the least violation: max(1 - x, 0)² + max(x, 0)²
    CHECK(k.residuals.primal_feasibility == Approx(0.5).margin(1e-6));
  }
  SECTION("a disk and a half-plane that do not meet") {
    auto k = solve_kkt(problem(x + y, subject_to(x * x + y * y <= 1, x + y >= 3)), Vector2d(0, 0));
    CHECK(k.status == status::infeasible);
    CHECK(k.residuals.primal_feasibility > 0.5);
  }
  SECTION("an equality with no real solution") {
    auto k = solve_kkt(problem(x * x + y * y, subject_to(x * x + y * y == -1)), Vector2d(1, 1));
    CHECK(k.status == status::infeasible);
    CHECK(k.residuals.primal_feasibility == Approx(1).margin(1e-6));
  }
}

TEST_CASE("HS13: no KKT point at the minimum, so the solver must not claim convergence") {
  // min (x1 - 2)² + x2² s.t. (1 - x1)³ >= x2, x >= 0: the minimum (1, 0) is a cusp of the
  // feasible set where the gradients of the active constraints are dependent and no
  // multipliers exist. The multipliers grow without bound and stationarity stays away from 0.
  const auto p = hs::hs013();
  auto k = solve_kkt(p.prob, p.x0);
  INFO(k);
  CHECK_FALSE(k.converged());
  CHECK(k.residuals.max() > 1e-6);
  CHECK(k.x[0] == Approx(1).margin(1e-3));  // yet it approaches the minimizer
  CHECK(k.x[1] == Approx(0).margin(1e-3));
}

TEST_CASE("statuses for bad points, iteration limits and bad options") {
  auto [x, y] = variables<2>();
  auto prob = problem(log(x) + y * y, subject_to(x + y == 2));
  SECTION("f is not finite at x0") {
    auto k = solve_kkt(prob, Vector2d(-1, 0));
    CHECK(k.status == status::non_finite);
    CHECK(k.iterations == 0);
  }
  SECTION("x0 holds a NaN") {
    auto k = solve_kkt(prob, Vector2d(std::numeric_limits<double>::quiet_NaN(), 0));
    CHECK(k.status == status::non_finite);
  }
  SECTION("iteration limit") {
    auto k = solve_kkt(problem(hs::rosenbrock()), Vector2d(-1.2, 1), kkt_options{.tolerance = 1e-10, .max_iterations = 3});
    CHECK(k.status == status::max_iterations);
    CHECK(k.iterations == 3);
    CHECK(k.message().find("iteration limit") != std::string::npos);
  }
  SECTION("unbounded below") {
    auto [t] = variables<1>();
    auto k = solve_kkt(problem(-t), std::array{0.0});
    CHECK(k.status == status::diverged);
  }
  SECTION("options and sizes are checked") {
    CHECK_THROWS_AS(solve_kkt(prob, Vector2d(1, 1), kkt_options{.tolerance = 0}), std::invalid_argument);
    CHECK_THROWS_AS(solve_kkt(prob, Vector2d(1, 1), kkt_options{.tolerance = 1e-8, .max_iterations = -1}),
                    std::invalid_argument);
    CHECK_THROWS_AS(solve_kkt(prob, Eigen::VectorXd::Zero(3)), std::invalid_argument);
    auto k = solve_kkt(prob, Eigen::VectorXd::Constant(2, 1.0));  // a dynamic vector of the right size
    CHECK(k.converged());
  }
}

namespace {
/// HS71 written by hand as a gradus::nonlinear_program (no expressions): the solver's other door.
struct hs71_by_hand {
  static constexpr int variables = 4, equalities = 1, inequalities = 9;
  using point = Eigen::Vector4d;
  double objective(const point& x) const { return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]; }
  point objective_gradient(const point& x) const {
    return point(x[3] * (2 * x[0] + x[1] + x[2]), x[0] * x[3], x[0] * x[3] + 1, x[0] * (x[0] + x[1] + x[2]));
  }
  Eigen::Matrix<double, 1, 1> equality_values(const point& x) const {
    return Eigen::Matrix<double, 1, 1>(x.squaredNorm() - 40);
  }
  Eigen::Matrix<double, 1, 4> equality_jacobian(const point& x) const { return 2 * x.transpose(); }
  Eigen::Matrix<double, 9, 1> inequality_values(const point& x) const {
    Eigen::Matrix<double, 9, 1> h;
    h[0] = 25 - x.prod();
    for (int i = 0; i < 4; ++i) {
      h[1 + 2 * i] = 1 - x[i];
      h[2 + 2 * i] = x[i] - 5;
    }
    return h;
  }
  Eigen::Matrix<double, 9, 4> inequality_jacobian(const point& x) const {
    Eigen::Matrix<double, 9, 4> j = Eigen::Matrix<double, 9, 4>::Zero();
    for (int i = 0; i < 4; ++i) {
      j(0, i) = -x.prod() / x[i];
      j(1 + 2 * i, i) = -1;
      j(2 + 2 * i, i) = 1;
    }
    return j;
  }
  Eigen::Matrix4d lagrangian_hessian(const point& x, double sigma, const Eigen::Matrix<double, 1, 1>& lambda,
                                     const Eigen::Matrix<double, 9, 1>& alpha) const {
    Eigen::Matrix4d f;
    f << 2 * x[3], x[3], x[3], 2 * x[0] + x[1] + x[2],  //
        x[3], 0, 0, x[0],                                //
        x[3], 0, 0, x[0],                                //
        2 * x[0] + x[1] + x[2], x[0], x[0], 0;
    Eigen::Matrix4d product = Eigen::Matrix4d::Zero();  // ∇²(x1 x2 x3 x4)
    for (int a = 0; a < 4; ++a)
      for (int b = 0; b < 4; ++b)
        if (a != b) product(a, b) = x.prod() / (x[a] * x[b]);
    return sigma * f + 2 * lambda[0] * Eigen::Matrix4d::Identity() - alpha[0] * product;
  }
  std::array<variable_bound, 9> inequality_bounds() const {
    std::array<variable_bound, 9> b{};
    for (int i = 0; i < 4; ++i) {
      b[std::size_t(1 + 2 * i)] = {i, -1, 1};
      b[std::size_t(2 + 2 * i)] = {i, 1, 5};
    }
    return b;
  }
};
static_assert(nonlinear_program<hs71_by_hand>);
}  // namespace

TEST_CASE("a hand-written nonlinear_program and the expression problem give the same solution") {
  const Eigen::Vector4d x0(1, 5, 5, 1);
  auto by_hand = solve_kkt(hs71_by_hand{}, x0);
  auto [x1, x2, x3, x4] = variables<4>();
  auto prob = problem(x1 * x4 * (x1 + x2 + x3) + x3,
                      subject_to(x1 * x2 * x3 * x4 >= 25, x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 == 40, x1 >= 1, x1 <= 5,
                                 x2 >= 1, x2 <= 5, x3 >= 1, x3 <= 5, x4 >= 1, x4 <= 5));
  auto from_expressions = solve_kkt(prob, x0);
  REQUIRE(by_hand.converged());
  REQUIRE(from_expressions.converged());
  CHECK(by_hand.iterations == from_expressions.iterations);
  CHECK((by_hand.x - from_expressions.x).cwiseAbs().maxCoeff() < 1e-10);
  CHECK(by_hand.value == Approx(17.0140173).epsilon(1e-8));
  CHECK(by_hand.lambda[0] == Approx(from_expressions.lambda[0]).epsilon(1e-8));
  CHECK(by_hand.alpha[0] == Approx(from_expressions.alpha[0]).epsilon(1e-8));
  CHECK(kkt_residuals(hs71_by_hand{}, by_hand.x, by_hand.lambda, by_hand.alpha).max() <= 1e-8);
}

TEST_CASE("no heap allocation in a solve with compile-time sizes") {
  auto [x1, x2, x3, x4] = variables<4>();
  auto prob = problem(x1 * x4 * (x1 + x2 + x3) + x3,
                      subject_to(x1 * x2 * x3 * x4 >= 25, x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 == 40, x1 >= 1, x1 <= 5,
                                 x2 >= 1, x2 <= 5, x3 >= 1, x3 <= 5, x4 >= 1, x4 <= 5));
  const Eigen::Vector4d x0(1, 5, 5, 1);
  double value = 0;
  const std::size_t n = gradus_test::allocations_during([&] { value = solve_kkt(prob, x0).value; });
  CHECK(n == 0);
  CHECK(value == Approx(17.0140173).epsilon(1e-8));
  // The restoration phase runs in the same stack workspace.
  auto [x, y] = variables<2>();
  status st{};
  const std::size_t m = gradus_test::allocations_during(
      [&] { st = solve_kkt(problem(x * x + y * y, subject_to(x >= 1, x <= 0)), Vector2d(0.3, 0.2)).status; });
  CHECK(m == 0);
  CHECK(st == status::infeasible);
}
