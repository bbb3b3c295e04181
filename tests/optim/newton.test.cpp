// Newton's method (optim/newton.hpp): one step on a positive-definite quadratic, the Hessian
// modification that keeps it away from saddles, plain Newton that is attracted to them.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

#include <gradus/gradus.hpp>

namespace {
const Eigen::Matrix<double, 3, 2> a = (Eigen::Matrix<double, 3, 2>() << 1, 2, 3, 4, 5, 7).finished();
const Eigen::Vector3d b(1, -1, 2);

/// ½‖Ax − b‖² as an expression.
auto least_squares() {
  const auto x = gradus::variables<2>();
  return 0.5 * gradus::squared_norm(gradus::constant(a) * x - b);
}

/// ½xᵀHx − cᵀx with H = [[3, 2], [2, 3]], as a functor with a Hessian member.
struct quadratic_functor {
  Eigen::Matrix2d h = (Eigen::Matrix2d() << 3, 2, 2, 3).finished();
  Eigen::Vector2d c{1, 2};
  double value(const Eigen::Vector2d& x) const { return 0.5 * x.dot(h * x) - c.dot(x); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return h * x - c; }
  Eigen::Matrix2d hessian(const Eigen::Vector2d&) const { return h; }
};
}  // namespace

TEST_CASE("newton solves ½‖Ax − b‖² in one iteration", "[optim][newton]") {
  const Eigen::Vector2d solution = a.colPivHouseholderQr().solve(b);
  const auto f = least_squares();

  const auto r = gradus::minimize(f, Eigen::Vector2d(10, -3), gradus::newton{});
  INFO(r.message());
  REQUIRE(r.converged());
  CHECK(r.iterations == 1);
  CHECK(r.hessian_evaluations == 1);
  CHECK((r.x - solution).norm() < 1e-12);

  // The same from a dynamic-size start, and with a strong Wolfe search or the undamped step.
  Eigen::VectorXd x0(2);
  x0 << 10, -3;
  const auto d = gradus::minimize(f, x0, gradus::newton{});
  CHECK(d.iterations == 1);
  CHECK((d.x - solution).norm() < 1e-12);
  CHECK(gradus::minimize(f, x0, gradus::newton{.step = gradus::strong_wolfe{}}).iterations == 1);
  CHECK(gradus::minimize(f, x0, gradus::newton{.step = gradus::fixed_step{1.0}}).iterations == 1);
}

TEST_CASE("newton: the coupled weight decay is part of the Hessian it solves with", "[optim][newton]") {
  // min ½‖Ax − b‖² + (w/2)‖x‖²  ⇔  (AᵀA + wI)x = Aᵀb: still one step.
  const double w = 0.5;
  const Eigen::Vector2d ridge = (a.transpose() * a + w * Eigen::Matrix2d::Identity()).ldlt().solve(a.transpose() * b);
  const auto r = gradus::minimize(least_squares(), Eigen::Vector2d(1, 1), gradus::newton{},
                                  gradus::options{.weight_decay = w});
  CHECK(r.iterations == 1);
  CHECK((r.x - ridge).norm() < 1e-12);
}

TEST_CASE("newton works on a functor with a hessian member", "[optim][newton]") {
  const quadratic_functor q;
  const auto r = gradus::minimize(q, Eigen::Vector2d(5, 5), gradus::newton{});
  CHECK(r.iterations == 1);
  CHECK((r.x - q.h.ldlt().solve(q.c)).norm() < 1e-12);
}

TEST_CASE("x² − y²: plain Newton goes to the saddle, modified Newton escapes it", "[optim][newton][saddle]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = x * x - y * y;
  const Eigen::Vector2d start(0.5, 0.1);

  // Plain Newton jumps to the critical point of the quadratic model: the saddle.
  const auto plain = gradus::minimize(f, start, gradus::newton{.modify_hessian = false});
  INFO(plain.message());
  REQUIRE(plain.converged());
  CHECK(plain.iterations == 1);
  CHECK(plain.x.norm() < 1e-12);
  CHECK(gradus::classify(f, plain.x).kind == gradus::point_kind::saddle);

  // Modified Newton goes downhill along the negative curvature: f is unbounded below there,
  // and the run reports it instead of converging to the saddle.
  const auto modified = gradus::minimize(f, start, gradus::newton{});
  INFO(modified.message());
  CHECK(modified.status == gradus::status::diverged);
  CHECK(modified.value < -1e100);
  CHECK(std::abs(modified.x[1]) > 1e49);
  CHECK(std::abs(modified.x[0]) < 0.5);
}

TEST_CASE("x² + y⁴/4 − y²/2: plain Newton converges to the saddle, modified Newton to a minimum",
          "[optim][newton][saddle]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = x * x + 0.25 * gradus::pow<4>(y) - 0.5 * y * y;  // saddle at 0, minima at (0, ±1)
  const Eigen::Vector2d start(0.5, 0.1);
  CHECK(gradus::classify(f, Eigen::Vector2d(0, 0)).kind == gradus::point_kind::saddle);

  // The undamped plain iteration (the textbook's x ← x − H⁻¹g) is attracted to the saddle.
  const auto plain = gradus::minimize(f, start, gradus::newton{.step = gradus::fixed_step{1.0}, .modify_hessian = false});
  INFO(plain.message());
  REQUIRE(plain.converged());
  CHECK(plain.x.norm() < 1e-8);
  CHECK(gradus::classify(f, plain.x).kind == gradus::point_kind::saddle);

  // With a line search, plain Newton stops where its direction points uphill.
  const auto searched = gradus::minimize(f, start, gradus::newton{.modify_hessian = false});
  CHECK(searched.status == gradus::status::line_search_failed);

  // The modified Hessian turns the negative curvature into a descent direction.
  const auto modified = gradus::minimize(f, start, gradus::newton{});
  INFO(modified.message());
  REQUIRE(modified.converged());
  CHECK((modified.x - Eigen::Vector2d(0, 1)).norm() < 1e-8);
  CHECK(gradus::classify(f, modified.x).kind == gradus::point_kind::minimum);
  CHECK(modified.value == Approx(-0.25));
}

TEST_CASE("newton: Rosenbrock with each step rule", "[optim][newton]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = 100 * gradus::square(y - x * x) + gradus::square(1 - x);
  const Eigen::Vector2d start(-1.2, 1);
  for (const gradus::step_rule& rule : {gradus::step_rule(gradus::backtracking{}), gradus::step_rule(gradus::strong_wolfe{}),
                                        gradus::step_rule(gradus::fixed_step{1.0})}) {
    const auto r = gradus::minimize(f, start, gradus::newton{.step = rule});
    INFO(r.message());
    REQUIRE(r.converged());
    CHECK((r.x - Eigen::Vector2d(1, 1)).norm() < 1e-8);
    CHECK(r.hessian_evaluations == r.iterations);
  }
}

TEST_CASE("newton: bad settings are reported", "[optim][newton]") {
  const auto f = least_squares();
  const Eigen::Vector2d x0(1, 1);
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::newton{.step = gradus::linear_decay{}}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::newton{.step = gradus::exact_quadratic_step{}}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(f, x0, gradus::newton{.min_curvature = 0}), std::invalid_argument);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(gradus::minimize(f, Eigen::Vector2d(nan, 0), gradus::newton{}).status == gradus::status::non_finite);
}

TEST_CASE("newton's Jacobi eigendecomposition reconstructs the matrix", "[optim][newton]") {
  // gradus::detail::symmetric_eigen (optim/detail/symmetric_eigen.hpp) on random symmetric
  // matrices, indefinite and singular ones included: A = QΛQᵀ with Q orthogonal is the
  // eigendecomposition.
  std::srand(7);
  for (int trial = 0; trial < 20; ++trial) {
    Eigen::Matrix<double, 6, 6> a = Eigen::Matrix<double, 6, 6>::Random();
    a = (a + a.transpose()).eval();
    if (trial % 4 == 0) a.row(2) = a.row(4), a.col(2) = a.col(4);  // singular (two equal rows and columns)
    Eigen::Matrix<double, 6, 6> work = a, q;
    Eigen::Matrix<double, 6, 1> lambda;
    REQUIRE(gradus::detail::symmetric_eigen(work, q, lambda));
    CHECK((q * lambda.asDiagonal() * q.transpose() - a).norm() < 1e-13 * a.norm());
    CHECK((q.transpose() * q - Eigen::Matrix<double, 6, 6>::Identity()).norm() < 1e-13);
    if (trial % 4 == 0) CHECK(lambda.cwiseAbs().minCoeff() < 1e-13 * a.norm());
  }
}

TEST_CASE("README (docs/sections/optim-second-order.md): classify on a saddle, plain and modified Newton",
          "[optim][newton][readme]") {
  // --- the example, as printed ---
  auto [x, y] = gradus::variables<2>();

  gradus::critical_point c = gradus::classify(x * x - y * y, std::array{0.0, 0.0});

  auto f = x * x + 0.25 * gradus::pow<4>(y) - 0.5 * y * y;  // a saddle at 0, minima at (0, ±1)
  const Eigen::Vector2d x0(0.5, 0.1);
  auto plain = gradus::minimize(f, x0, gradus::newton{.step = gradus::fixed_step{1.0}, .modify_hessian = false});
  auto modified = gradus::minimize(f, x0, gradus::newton{});
  auto quasi = gradus::minimize(f, x0, gradus::lbfgs{.memory = 10}, gradus::options{.gradient_tolerance = 1e-10});
  // --- what it claims ---
  CHECK(c.kind == gradus::point_kind::saddle);
  CHECK(c.eigenvalues[0] == Approx(-2.0));
  CHECK(c.eigenvalues[1] == Approx(2.0));
  CHECK(c.condition_number == Approx(1.0));
  CHECK(gradus::classify(f, plain.x).kind == gradus::point_kind::saddle);
  CHECK(plain.x.norm() < 1e-8);
  CHECK((modified.x - Eigen::Vector2d(0, 1)).norm() < 1e-8);
  CHECK(gradus::classify(f, modified.x).kind == gradus::point_kind::minimum);
  CHECK(quasi.converged());
  CHECK(std::abs(std::abs(quasi.x[1]) - 1) < 1e-8);
}
