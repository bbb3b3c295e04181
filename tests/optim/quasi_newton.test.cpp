// BFGS and L-BFGS (optim/bfgs.hpp, optim/lbfgs.hpp): gradient-only objectives, the memory of
// L-BFGS, step rules, bad settings; and all three second-order methods on a dynamic-size problem.
#include <catch2/catch.hpp>

#include <stdexcept>

#include <gradus/gradus.hpp>

#include "mgh.hpp"
#include "mgh_expressions.hpp"

namespace {
namespace mgh = gradus::test::mgh;
namespace mgh_expr = gradus::test::mgh_expr;

template <class Method>
void converges_on_rosenbrock_functor(const Method& method) {
  // A hand-written functor with value and gradient only: no Hessian is needed.
  const auto r = gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), method);
  INFO(r.message());
  REQUIRE(r.converged());
  CHECK((r.x - Eigen::Vector2d(1, 1)).norm() < 1e-7);
  CHECK(r.hessian_evaluations == 0);
  CHECK(r.function_evaluations >= r.iterations);
}
}  // namespace

TEST_CASE("bfgs and lbfgs need only the gradient", "[optim][bfgs][lbfgs]") {
  converges_on_rosenbrock_functor(gradus::bfgs{});
  converges_on_rosenbrock_functor(gradus::lbfgs{});
  converges_on_rosenbrock_functor(gradus::lbfgs{.memory = 1});
  converges_on_rosenbrock_functor(gradus::bfgs{.step = gradus::backtracking{}});
  converges_on_rosenbrock_functor(gradus::lbfgs{.memory = 5, .step = gradus::backtracking{}});
}

TEST_CASE("newton, bfgs and lbfgs on a dynamic-size problem take the fixed-size path", "[optim][newton][bfgs][lbfgs]") {
  using problem = mgh_expr::extended_rosenbrock<10>;
  const auto f = problem::objective();
  const Eigen::VectorXd x0 = problem::start();
  const gradus::options opts{.gradient_tolerance = 1e-8};
  const auto check = [&](const auto& method) {
    const auto fixed = gradus::minimize(f, problem::start(), method, opts);
    const auto dynamic = gradus::minimize(f, x0, method, opts);
    static_assert(std::is_same_v<decltype(dynamic.x), Eigen::VectorXd>);
    INFO(dynamic.message());
    REQUIRE(dynamic.converged());
    CHECK((dynamic.x - Eigen::VectorXd::Ones(10)).norm() < 1e-8);
    CHECK(double(dynamic.iterations) == Approx(double(fixed.iterations)).margin(2));  // rounding may differ, the path not
  };
  check(gradus::newton{});
  check(gradus::bfgs{});
  check(gradus::lbfgs{});
}

TEST_CASE("lbfgs: a larger memory approximates the Hessian better on a quadratic", "[optim][lbfgs]") {
  // ½ Σᵢ i·xᵢ² (condition number 20).
  const auto x = gradus::variables<20>();
  const auto f = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return 0.5 * (... + (double(I + 1) * gradus::square(gradus::get<I>(x))));
  }(std::make_index_sequence<20>{});
  const Eigen::Matrix<double, 20, 1> x0 = Eigen::Matrix<double, 20, 1>::Ones();
  const gradus::options opts{.gradient_tolerance = 1e-10};
  const auto small = gradus::minimize(f, x0, gradus::lbfgs{.memory = 1}, opts);
  const auto large = gradus::minimize(f, x0, gradus::lbfgs{.memory = 20}, opts);
  const auto full = gradus::minimize(f, x0, gradus::bfgs{}, opts);
  INFO("memory 1: " << small.iterations << ", memory 20: " << large.iterations << ", bfgs: " << full.iterations);
  REQUIRE(small.converged());
  REQUIRE(large.converged());
  REQUIRE(full.converged());
  CHECK(large.iterations < small.iterations);
  CHECK(full.iterations < small.iterations);
  CHECK(large.x.norm() < 1e-9);
}

TEST_CASE("bfgs: with H₀ = I a unit fixed step solves ½‖x − c‖² at once", "[optim][bfgs]") {
  auto [x, y, z] = gradus::variables<3>();
  const auto f = 0.5 * (gradus::square(x - 1) + gradus::square(y + 2) + gradus::square(z - 3));
  const auto r = gradus::minimize(f, Eigen::Vector3d::Zero().eval(), gradus::bfgs{.step = gradus::fixed_step{1.0}});
  REQUIRE(r.converged());
  CHECK(r.iterations == 1);
  CHECK((r.x - Eigen::Vector3d(1, -2, 3)).norm() < 1e-15);
}

TEST_CASE("bfgs and lbfgs: bad settings are reported", "[optim][bfgs][lbfgs]") {
  const auto f = mgh_expr::rosenbrock::objective();
  const auto x0 = mgh_expr::rosenbrock::start();
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::lbfgs{.memory = 0}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::bfgs{.step = gradus::exact_quadratic_step{}}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::lbfgs{.step = gradus::inverse_time_decay{}}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::bfgs{.step = gradus::strong_wolfe{.c1 = 0.5, .c2 = 0.1}}),
                  std::invalid_argument);
  // An objective that stops being finite is reported, not hidden.
  gradus::var<0> t;
  const auto r = gradus::minimize(gradus::log(t) - t, Eigen::Matrix<double, 1, 1>(0.5), gradus::bfgs{});
  CHECK(r.status != gradus::status::converged);
}
