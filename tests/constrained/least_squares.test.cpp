// The textbook's constrained least squares, min ½‖Ax − b‖² s.t. xᵀx <= 1 (Goodfellow et al.,
// Deep Learning, §4.4): solve_kkt and the book's own method (examples/constrained_least_squares.cpp)
// give the same x and the same multiplier.
#include <algorithm>
#include <cmath>

#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

namespace {
struct textbook_solution {
  Eigen::Vector2d x;
  double lambda;
};
/// (AᵀA + 2λI) x = Aᵀb for x, then gradient ascent on λ >= 0 along ∂L/∂λ = xᵀx − 1.
textbook_solution textbook_method(const Eigen::Matrix<double, 3, 2>& A, const Eigen::Vector3d& b) {
  const Eigen::Matrix2d AtA = A.transpose() * A;
  const Eigen::Vector2d Atb = A.transpose() * b;
  textbook_solution s{Eigen::Vector2d::Zero(), 0.0};
  for (int i = 0; i < 100000; ++i) {
    s.x = (AtA + 2 * s.lambda * Eigen::Matrix2d::Identity()).ldlt().solve(Atb);
    const double dL_dlambda = s.x.squaredNorm() - 1;
    if (std::abs(dL_dlambda) < 1e-13 || (s.lambda == 0 && dL_dlambda <= 0)) break;
    s.lambda = std::max(0.0, s.lambda + dL_dlambda);
  }
  return s;
}
}  // namespace

TEST_CASE("constrained least squares: solve_kkt agrees with the textbook's method") {
  Eigen::Matrix<double, 3, 2> A;
  A << 2, 0, 0, 1, 1, 1;
  auto X = gradus::variables<2>();
  auto [x0, x1] = X;

  SECTION("the ball constraint is active (the least-squares solution (2, 3) is outside)") {
    const Eigen::Vector3d b(4, 3, 5);
    auto prob = gradus::problem(0.5 * gradus::squared_norm(gradus::constant(A) * X - b),
                                gradus::subject_to(x0 * x0 + x1 * x1 <= 1));
    const auto k = gradus::solve_kkt(prob, Eigen::Vector2d(0, 0));
    const textbook_solution t = textbook_method(A, b);
    REQUIRE(k.converged());
    CHECK(k.residuals.max() <= 1e-8);
    CHECK((k.x - t.x).cwiseAbs().maxCoeff() < 1e-7);
    CHECK(k.alpha[0] == Approx(t.lambda).epsilon(1e-7));
    CHECK(t.lambda > 0);
    CHECK(k.x.squaredNorm() == Approx(1).epsilon(1e-8));
    // The textbook's answer is a KKT point too, by gradus's own report.
    CHECK(gradus::kkt_residuals(prob, t.x, Eigen::Matrix<double, 0, 1>{}, Eigen::Matrix<double, 1, 1>(t.lambda))
              .max() < 1e-9);
  }
  SECTION("the constraint is inactive: λ = 0 and x is the least-squares solution") {
    const Eigen::Vector3d b(0.4, 0.3, 0.5);  // least-squares solution (0.2, 0.3)
    auto prob = gradus::problem(0.5 * gradus::squared_norm(gradus::constant(A) * X - b),
                                gradus::subject_to(gradus::squared_norm(X) <= 1));
    const auto k = gradus::solve_kkt(prob, Eigen::Vector2d(0, 0));
    const textbook_solution t = textbook_method(A, b);
    REQUIRE(k.converged());
    CHECK(t.lambda == 0.0);
    CHECK(k.alpha[0] == Approx(0).margin(1e-8));
    CHECK(k.x.isApprox(Eigen::Vector2d(0.2, 0.3), 1e-8));
    CHECK((k.x - t.x).cwiseAbs().maxCoeff() < 1e-8);
  }
}
