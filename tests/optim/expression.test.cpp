// gradus expressions are objectives: minimize evaluates them through gradus::value_and_gradient
// and (for exact_quadratic_step) gradus::hessian_vector_product.
#include <catch2/catch.hpp>

#include <gradus/gradus.hpp>

#include "mgh.hpp"

static_assert(gradus::objective<decltype(gradus::var<0>{} * gradus::var<1>{}), Eigen::Vector2d>);
static_assert(gradus::objective<decltype(gradus::var<0>{} * gradus::var<1>{}), Eigen::VectorXd>);
static_assert(!gradus::objective<decltype(gradus::var<0>{} * gradus::var<2>{}), Eigen::Vector2d>);
static_assert(gradus::objective<gradus::test::mgh::rosenbrock, Eigen::Vector2d>);

TEST_CASE("Rosenbrock as an expression: same path as the hand-written functor", "[optim][expression]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = 100 * gradus::square(y - x * x) + gradus::square(1 - x);
  const Eigen::Vector2d x0(-1.2, 1.0);
  const gradus::options opts{.gradient_tolerance = 1e-6, .max_iterations = 100000};
  for (const gradus::step_rule& rule : {gradus::step_rule(gradus::backtracking{}), gradus::step_rule(gradus::strong_wolfe{})}) {
    const auto e = gradus::minimize(f, x0, gradus::gradient_descent{.step = rule}, opts);
    const auto h = gradus::minimize(gradus::test::mgh::rosenbrock{}, x0, gradus::gradient_descent{.step = rule}, opts);
    INFO(e.message());
    REQUIRE(e.converged());
    CHECK((e.x - Eigen::Vector2d(1, 1)).norm() < 1e-5);
    CHECK(e.iterations == Approx(double(h.iterations)).epsilon(0.05));  // rounding may differ, the path not
  }
}

TEST_CASE("exact_quadratic_step uses the expression's exact Hessian-vector product", "[optim][expression]") {
  // ½xᵀHx with H = [[3, 2], [2, 3]]: ε* = gᵀg / gᵀHg exactly.
  auto [x, y] = gradus::variables<2>();
  const auto q = 1.5 * x * x + 2 * x * y + 1.5 * y * y;
  const auto r = gradus::minimize(q, Eigen::Vector2d(1.0, 0.0), gradus::gradient_descent{.step = gradus::exact_quadratic_step{}},
                                  gradus::options{.gradient_tolerance = 1e-12});
  REQUIRE(r.converged());
  CHECK(r.x.norm() < 1e-12);
  CHECK(r.hessian_evaluations == r.iterations);
  CHECK(r.iterations < 40);
}

TEST_CASE("expressions over dynamic-size points and with more coordinates than variables", "[optim][expression]") {
  auto [a, b] = gradus::variables<2>();
  const auto f = gradus::square(a - 3) + gradus::square(b + 1);
  const auto r = gradus::minimize(f, Eigen::VectorXd::Zero(2), gradus::adam{.learning_rate = 0.1},
                                  gradus::options{.gradient_tolerance = 1e-6});
  REQUIRE(r.converged());
  CHECK((r.x - Eigen::Vector2d(3, -1)).norm() < 1e-5);
  // A third coordinate the expression ignores: its gradient entry is 0, so it stays put.
  const auto s = gradus::minimize(f, Eigen::Vector3d(0, 0, 7), gradus::gradient_descent{}, gradus::options{.gradient_tolerance = 1e-9});
  REQUIRE(s.converged());
  CHECK((s.x - Eigen::Vector3d(3, -1, 7)).norm() < 1e-8);
  CHECK_THROWS_WITH(gradus::minimize(f, Eigen::VectorXd::Zero(1), gradus::adam{}), Catch::Contains("the expression uses 2 variables"));
}

TEST_CASE("functors providing value_and_gradient are evaluated in one call", "[optim][expression]") {
  struct fused {
    mutable int value_calls = 0, gradient_calls = 0, fused_calls = 0;
    double value(const Eigen::Vector2d& x) const { return ++value_calls, x.squaredNorm(); }
    Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return ++gradient_calls, 2 * x; }
    std::pair<double, Eigen::Vector2d> value_and_gradient(const Eigen::Vector2d& x) const {
      ++fused_calls;
      return {x.squaredNorm(), 2 * x};
    }
  };
  const fused f;
  const auto r = gradus::minimize(f, Eigen::Vector2d(1, 1), gradus::adam{.learning_rate = 0.1}, gradus::options{.max_iterations = 20});
  CHECK(f.fused_calls == 21);
  CHECK(f.value_calls == 0);
  CHECK(f.gradient_calls == 0);
  CHECK(r.function_evaluations == 21);
  CHECK(r.gradient_evaluations == 21);
}
