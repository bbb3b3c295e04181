// Constraints written as expressions, their standard form, bounds, problems and the Lagrangian.
#include <array>
#include <cmath>

#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;

TEST_CASE("==, <= and >= give the standard forms g = e - c = 0 and h <= 0, either argument order") {
  auto [x, y] = variables<2>();
  const Eigen::Vector2d p(3, 1);

  // C++20 would rewrite 1 == x as x == 1; the explicit overload is chosen and gives the same g.
  auto c1 = (1 == x);
  auto c2 = (x == 1);
  STATIC_REQUIRE(constraint<decltype(c1)>);
  CHECK(value(c1.g, p) == 2.0);
  CHECK(value(c2.g, p) == 2.0);
  auto c3 = (x == y);  // g = x - y
  CHECK(value(c3.g, p) == 2.0);

  auto c4 = (x >= 0);  // h = 0 - x
  auto c5 = (0 <= x);  // the same constraint written the other way round
  CHECK(value(c4.h, p) == -3.0);
  CHECK(value(c5.h, p) == -3.0);
  auto c6 = (x * x + y * y <= 1);  // h = x² + y² - 1
  CHECK(value(c6.h, p) == 9.0);
  auto c7 = (x >= y);  // h = y - x
  CHECK(value(c7.h, p) == -2.0);
  auto c8 = (2 >= x * y);  // h = x y - 2
  CHECK(value(c8.h, p) == 1.0);
  STATIC_REQUIRE(detail::is_inequality_constraint<decltype(c8)>::value);
  STATIC_REQUIRE(detail::is_equality_constraint<decltype(c3)>::value);
}

TEST_CASE("bounds are inequalities on one variable, recognized from the expression") {
  auto [x, y] = variables<2>();
  auto prob = problem(x + y, subject_to(x >= 1, y <= 2.5, 0 <= y, 4 >= x, x + y <= 3, x * x <= 9, x >= y));
  const auto b = prob.inequality_bounds();
  REQUIRE(b.size() == 7);
  CHECK((b[0].variable == 0 && b[0].sign == -1 && b[0].value == 1));    // x >= 1
  CHECK((b[1].variable == 1 && b[1].sign == 1 && b[1].value == 2.5));   // y <= 2.5
  CHECK((b[2].variable == 1 && b[2].sign == -1 && b[2].value == 0));    // 0 <= y
  CHECK((b[3].variable == 0 && b[3].sign == 1 && b[3].value == 4));     // 4 >= x
  CHECK(b[4].variable == -1);                                           // general
  CHECK(b[5].variable == -1);
  CHECK(b[6].variable == -1);
  // A bound's value and gradient are those of its expression.
  const Eigen::Vector2d p(0.5, 7);
  const auto h = prob.inequality_values(p);
  CHECK(h[0] == 0.5);   // 1 - x
  CHECK(h[1] == 4.5);   // y - 2.5
  CHECK(h[2] == -7.0);  // 0 - y
  CHECK(h[3] == -3.5);  // x - 4
  const auto jh = prob.inequality_jacobian(p);
  CHECK(jh.row(0) == Eigen::RowVector2d(-1, 0));
  CHECK(jh.row(1) == Eigen::RowVector2d(0, 1));
  CHECK(jh.row(5) == Eigen::RowVector2d(1, 0));  // d(x² - 9)/dx at 0.5
}

TEST_CASE("problem: sizes, equalities and inequalities in the order written") {
  auto [x, y, z] = variables<3>();
  auto prob = problem(x * x + y, subject_to(x + y == 1, x * x + y * y <= 1, x >= 0, z == 2 * y));
  using P = decltype(prob);
  STATIC_REQUIRE(P::variables == 3);  // z appears only in a constraint
  STATIC_REQUIRE(P::equalities == 2);
  STATIC_REQUIRE(P::inequalities == 2);
  STATIC_REQUIRE(nonlinear_program<P>);
  const Eigen::Vector3d p(0.5, 2, 1);
  CHECK(prob.objective(p) == 2.25);
  CHECK(prob.equality_values(p) == Eigen::Vector2d(1.5, -3));      // x + y - 1, z - 2y
  CHECK(prob.inequality_values(p) == Eigen::Vector2d(3.25, -0.5));  // x² + y² - 1, 0 - x
  const Eigen::Matrix<double, 2, 3> jg = prob.equality_jacobian(p);
  CHECK(jg.row(0) == Eigen::RowVector3d(1, 1, 0));
  CHECK(jg.row(1) == Eigen::RowVector3d(0, -2, 1));
  // ∇²ₓL = σ∇²f + Σλ∇²g + Σα∇²h: only x² (objective) and x² + y² (first inequality) curve.
  const Eigen::Matrix3d w = prob.lagrangian_hessian(p, 2.0, Eigen::Vector2d(5, 7), Eigen::Vector2d(3, 11));
  Eigen::Matrix3d expected = Eigen::Matrix3d::Zero();
  expected(0, 0) = 2 * 2 + 3 * 2;
  expected(1, 1) = 3 * 2;
  CHECK(w == expected);
}

TEST_CASE("lagrangian(prob) is an expression over (x, λ, α) whose derivatives are the KKT quantities") {
  auto [x, y] = variables<2>();
  auto prob = problem(x * y + sin(x), subject_to(x * x + y == 2, x - y <= 1, y >= 0.5));
  auto L = lagrangian(prob);
  STATIC_REQUIRE(expression<decltype(L)>);
  STATIC_REQUIRE(arity_v<decltype(L)> == 2 + 1 + 2);  // x0 x1 | λ0 | α0 α1
  Eigen::Matrix<double, 5, 1> p;
  p << 0.7, 1.3, -0.4, 2.0, 0.25;
  const Eigen::Vector2d xv = p.head<2>();
  const double lambda = p[2], a0 = p[3], a1 = p[4];
  // L = f + λ g + α₀ h₀ + α₁ h₁ with h₀ = x - y - 1 and h₁ = 0.5 - y.
  const double f = 0.7 * 1.3 + std::sin(0.7);
  const double g = 0.7 * 0.7 + 1.3 - 2, h0 = 0.7 - 1.3 - 1, h1 = 0.5 - 1.3;
  CHECK(value(L, p) == Approx(f + lambda * g + a0 * h0 + a1 * h1));
  const auto grad = gradient(L, p);
  CHECK(grad[2] == Approx(g));   // ∂L/∂λ = g
  CHECK(grad[3] == Approx(h0));  // ∂L/∂α = h
  CHECK(grad[4] == Approx(h1));
  // ∇ₓL matches the problem's own derivatives.
  const Eigen::Vector2d gx = prob.objective_gradient(xv) + prob.equality_jacobian(xv).transpose() * Eigen::Matrix<double, 1, 1>(lambda) +
                             prob.inequality_jacobian(xv).transpose() * Eigen::Vector2d(a0, a1);
  CHECK(grad[0] == Approx(gx[0]));
  CHECK(grad[1] == Approx(gx[1]));
  // Its exact Hessian: the x-block is the solver's ∇²ₓL; the x-λ block is ∇g (and x-α is ∇h).
  const auto H = hessian(L, p);
  const Eigen::Matrix2d w = prob.lagrangian_hessian(xv, 1.0, Eigen::Matrix<double, 1, 1>(lambda), Eigen::Vector2d(a0, a1));
  CHECK((H.topLeftCorner<2, 2>() - w).cwiseAbs().maxCoeff() < 1e-14);
  CHECK(H(0, 2) == Approx(2 * 0.7));
  CHECK(H(1, 2) == Approx(1.0));
  CHECK(H(0, 3) == Approx(1.0));
  CHECK(H(1, 3) == Approx(-1.0));
  CHECK(H(2, 2) == 0.0);
}

TEST_CASE("kkt_residuals measures each KKT condition of a candidate, as absolute max-norms") {
  auto [x, y] = variables<2>();
  // min x² + y² s.t. x + y = 2, x >= 1.5: the solution is (1.5, 0.5) with λ = -1, α = 2.
  auto prob = problem(x * x + y * y, subject_to(x + y == 2, x >= 1.5));
  const Eigen::Vector2d xs(1.5, 0.5);
  const auto at_solution = kkt_residuals(prob, xs, Eigen::Matrix<double, 1, 1>(-1), Eigen::Matrix<double, 1, 1>(2));
  CHECK(at_solution.stationarity == 0.0);
  CHECK(at_solution.primal_feasibility == 0.0);
  CHECK(at_solution.dual_feasibility == 0.0);
  CHECK(at_solution.complementarity == 0.0);
  CHECK(at_solution.satisfied(1e-12));

  // Each condition broken on its own. std::array works for the multipliers too.
  const auto wrong_sign = kkt_residuals(prob, xs, std::array{1.0}, std::array{-2.0});
  CHECK(wrong_sign.dual_feasibility == 2.0);
  CHECK(wrong_sign.stationarity == 6.0);  // ∇f + λ∇g + α∇h = (3 + 1 + 2, 1 + 1)
  const auto infeasible = kkt_residuals(prob, Eigen::Vector2d(1.0, 0.5), std::array{-1.0}, std::array{2.0});
  CHECK(infeasible.primal_feasibility == 0.5);  // g = -0.5 and h = 0.5
  CHECK(infeasible.complementarity == 1.0);     // |α h| = 2 · 0.5
  CHECK_FALSE(infeasible.satisfied(1e-3));
  CHECK(infeasible.stationarity == 1.0);  // (2, 1) - (1, 1) - (2, 0)
  CHECK(infeasible.max() == 1.0);
}
