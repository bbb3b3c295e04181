// classify and condition_number (analysis/second_derivative_test.hpp).
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include <gradus/gradus.hpp>

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

/// ½xᵀHx with H = [[3, 2], [2, 3]] (eigenvalues 1 and 5), as a functor with a Hessian member.
struct quadratic_functor {
  Eigen::Matrix2d h = (Eigen::Matrix2d() << 3, 2, 2, 3).finished();
  double value(const Eigen::Vector2d& x) const { return 0.5 * x.dot(h * x); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return h * x; }
  Eigen::Matrix2d hessian(const Eigen::Vector2d&) const { return h; }
};
}  // namespace

TEST_CASE("classify: the textbook critical points of two variables") {
  auto [x, y] = gradus::variables<2>();
  const std::array origin{0.0, 0.0};

  SECTION("x² + y² has a minimum at the origin") {
    gradus::critical_point c = gradus::classify(x * x + y * y, origin);
    CHECK(c.kind == gradus::point_kind::minimum);
    CHECK(c.eigenvalues[0] == Approx(2.0));
    CHECK(c.eigenvalues[1] == Approx(2.0));
    CHECK(c.condition_number == Approx(1.0));
    CHECK(c.gradient_norm == 0.0);
  }
  SECTION("−x² − y² has a maximum") {
    const auto c = gradus::classify(-(x * x) - y * y, origin);
    CHECK(c.kind == gradus::point_kind::maximum);
    CHECK(c.eigenvalues[0] == Approx(-2.0));
  }
  SECTION("x² − y² has a saddle, eigenvalues ascending") {
    const auto c = gradus::classify(x * x - y * y, origin);
    CHECK(c.kind == gradus::point_kind::saddle);
    CHECK(c.eigenvalues[0] == Approx(-2.0));
    CHECK(c.eigenvalues[1] == Approx(2.0));
    CHECK(c.condition_number == Approx(1.0));
  }
  SECTION("x⁴ + y² is inconclusive (a zero eigenvalue), and its condition number is infinite") {
    const auto c = gradus::classify(gradus::pow<4>(x) + y * y, origin);
    CHECK(c.kind == gradus::point_kind::inconclusive);
    CHECK(c.eigenvalues[0] == 0.0);
    CHECK(c.eigenvalues[1] == Approx(2.0));
    CHECK(c.condition_number == inf);
  }
  SECTION("x³ + y² is inconclusive too: the test cannot tell it from x⁴ + y²") {
    CHECK(gradus::classify(gradus::pow<3>(x) + y * y, origin).kind == gradus::point_kind::inconclusive);
  }
  SECTION("x² + y² at (1, 0) is not critical") {
    const auto c = gradus::classify(x * x + y * y, std::array{1.0, 0.0});
    CHECK(c.kind == gradus::point_kind::not_critical);
    CHECK(c.gradient_norm == Approx(2.0));
  }
}

TEST_CASE("classify: critical points away from the origin") {
  auto [x, y] = gradus::variables<2>();
  const auto f = gradus::pow<3>(x) - 3 * x + y * y;  // ∂f/∂x = 3x² − 3: critical at x = ±1, y = 0
  CHECK(gradus::classify(f, Eigen::Vector2d(1, 0)).kind == gradus::point_kind::minimum);
  CHECK(gradus::classify(f, Eigen::Vector2d(-1, 0)).kind == gradus::point_kind::saddle);
  CHECK(gradus::classify(f, Eigen::Vector2d(0, 0)).kind == gradus::point_kind::not_critical);
}

TEST_CASE("classify: a zero eigenvalue beside eigenvalues of both signs is still a saddle") {
  auto [x, y, z] = gradus::variables<3>();
  const auto c = gradus::classify(x * x - y * y + gradus::pow<4>(z), std::array{0.0, 0.0, 0.0});
  CHECK(c.kind == gradus::point_kind::saddle);
  CHECK(c.eigenvalues[1] == 0.0);
}

TEST_CASE("classify: Powell's singular function at its minimum is inconclusive") {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  const auto powell = gradus::square(x1 + 10 * x2) + 5 * gradus::square(x3 - x4) + gradus::pow<4>(x2 - 2 * x3) +
                      10 * gradus::pow<4>(x1 - x4);
  const auto c = gradus::classify(powell, Eigen::Vector4d::Zero().eval());
  CHECK(c.kind == gradus::point_kind::inconclusive);
  // H = 2·[[1, 10], [10, 100]] ⊕ 10·[[1, −1], [−1, 1]]: eigenvalues 0, 0, 20, 202.
  CHECK(std::abs(c.eigenvalues[0]) < 1e-12);
  CHECK(std::abs(c.eigenvalues[1]) < 1e-12);
  CHECK(c.eigenvalues[2] == Approx(20.0));
  CHECK(c.eigenvalues[3] == Approx(202.0));
  CHECK(c.condition_number == inf);
}

TEST_CASE("condition number of ½xᵀHx with H = [[3, 2], [2, 3]] is 5") {
  auto [x, y] = gradus::variables<2>();
  const auto f = 0.5 * (3 * x * x + 4 * x * y + 3 * y * y);
  CHECK(gradus::condition_number(f, std::array{0.3, -0.7}) == Approx(5.0).epsilon(1e-14));
  const auto c = gradus::classify(f, std::array{0.0, 0.0});
  CHECK(c.kind == gradus::point_kind::minimum);
  CHECK(c.eigenvalues[0] == Approx(1.0));
  CHECK(c.eigenvalues[1] == Approx(5.0));
  CHECK(c.condition_number == Approx(5.0));
  CHECK(gradus::condition_number(quadratic_functor{}, Eigen::Vector2d(1, 2)) == Approx(5.0));
}

TEST_CASE("classify: functors with a Hessian member, dynamic-size and float points") {
  const auto c = gradus::classify(quadratic_functor{}, Eigen::Vector2d::Zero().eval());
  CHECK(c.kind == gradus::point_kind::minimum);
  CHECK(c.condition_number == Approx(5.0));

  auto [x, y] = gradus::variables<2>();
  Eigen::VectorXd p(3);
  p << 0, 0, 5;  // more coordinates than the expression has variables: the rest are ignored
  const gradus::critical_point<Eigen::Dynamic> d = gradus::classify(x * x - y * y, p);
  CHECK(d.kind == gradus::point_kind::saddle);
  CHECK(d.eigenvalues.size() == 3);
  CHECK(d.condition_number == inf);  // the ignored third coordinate has zero curvature

  CHECK(gradus::classify(x * x + y * y, std::array{0.0f, 0.0f}).kind == gradus::point_kind::minimum);
}

TEST_CASE("classify: the tolerances decide what counts as critical and as zero curvature") {
  auto [x, y] = gradus::variables<2>();
  const auto f = x * x + 1e-10 * y * y;
  const std::array near{5e-9, 0.0};  // ‖∇f‖ = 1e-8
  CHECK(gradus::classify(f, near).kind == gradus::point_kind::inconclusive);
  CHECK(gradus::classify(f, near, {.gradient_tolerance = 1e-9}).kind == gradus::point_kind::not_critical);
  CHECK(gradus::classify(f, near, {.gradient_tolerance = 1e-8, .eigenvalue_tolerance = 1e-12}).kind ==
        gradus::point_kind::minimum);
}

TEST_CASE("classify: bad input is an error, not a verdict") {
  auto [x, y] = gradus::variables<2>();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(gradus::classify(x * x + y * y, std::array{nan, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::classify(gradus::log(x) + y * y, std::array{0.0, 0.0}), std::domain_error);
  CHECK_THROWS_AS(gradus::classify(x * x, std::array{0.0, 0.0}, {.gradient_tolerance = -1}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::classify(x * x + y * y, Eigen::VectorXd::Zero(1).eval()), std::invalid_argument);
  CHECK(gradus::to_string(gradus::point_kind::saddle) == "saddle");
}

TEST_CASE("classify and condition_number on a data objective", "[analysis]") {
  // J(a, b) = Σᵢ (a·xᵢ + b − yᵢ)²: at the least-squares fit a minimum, with H = 2[Σx², Σx; Σx, m].
  const std::vector<double> xs{0.0, 1.0, 2.0, 3.0}, ys{1.0, 3.1, 4.9, 7.0};
  auto [a, b] = gradus::variables<2>();
  auto [xi, yi] = gradus::columns<2>();
  const auto fit = gradus::sum_over(gradus::square(a * xi + b - yi), gradus::dataset(xs, ys));
  Eigen::Matrix<double, 4, 2> design;
  design << 0, 1, 1, 1, 2, 1, 3, 1;
  const Eigen::Vector2d solution = design.colPivHouseholderQr().solve(Eigen::Vector4d(1.0, 3.1, 4.9, 7.0));
  const auto c = gradus::classify(fit, solution);
  CHECK(c.kind == gradus::point_kind::minimum);
  const Eigen::Matrix2d h = 2 * design.transpose() * design;
  const Eigen::Vector2d lambda = Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d>(h).eigenvalues();
  CHECK(c.condition_number == Approx(lambda[1] / lambda[0]));
  CHECK(gradus::condition_number(fit, Eigen::Vector2d(5, -5)) == Approx(lambda[1] / lambda[0]));
}
