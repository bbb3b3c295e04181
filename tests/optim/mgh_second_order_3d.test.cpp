// Newton, BFGS and L-BFGS from the standard starting points of the three-variable
// Moré–Garbow–Hillstrom problems (tests/support/mgh_expressions.hpp) to their minima.
#include <catch2/catch.hpp>

#include <cmath>

#include <gradus/gradus.hpp>

#include "mgh_expressions.hpp"
#include "second_order_runs.hpp"

namespace mgh = gradus::test::mgh_expr;
using gradus::test::check_all;
using gradus::test::check_minimizer;
using gradus::test::run_second_order;

TEST_CASE("MGH #7 helical valley: the hand-written derivatives agree with central differences", "[optim][mgh]") {
  const mgh::helical_valley_function f;
  for (const Eigen::Vector3d& x : {Eigen::Vector3d(-1, 0.3, 0.2), Eigen::Vector3d(0.7, -0.4, 1.1), Eigen::Vector3d(0.2, 0.9, -0.5)}) {
    const Eigen::Vector3d g = f.gradient(x);
    const Eigen::Matrix3d h = f.hessian(x);
    for (int i = 0; i < 3; ++i) {
      const double step = 1e-6;
      Eigen::Vector3d up = x, down = x;
      up[i] += step, down[i] -= step;
      CHECK(g[i] == Approx((f.value(up) - f.value(down)) / (2 * step)).epsilon(1e-6).margin(1e-6));
      const Eigen::Vector3d column = (f.gradient(up) - f.gradient(down)) / (2 * step);
      for (int j = 0; j < 3; ++j) CHECK(h(j, i) == Approx(column[j]).epsilon(1e-6).margin(1e-5));
    }
  }
}

TEST_CASE("MGH #7 helical valley: f* = 0 at (1, 0, 0)", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::helical_valley>(1e-8);
  check_all(o, {0.0}, 1e-16);
  check_minimizer(o, Eigen::Vector3d(1, 0, 0), 1e-8);
}

TEST_CASE("MGH #8 Bard: f* = 8.21487e−3", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::bard>(1e-8);
  check_all(o, {mgh::bard::minimum}, 1e-10);
  check_minimizer(o, Eigen::Vector3d(0.08241055975, 1.133036092, 2.343695176), 1e-7);
}

TEST_CASE("MGH #9 Gaussian: f* = 1.12793e−8", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::gaussian>(1e-8);
  check_all(o, {mgh::gaussian::minimum}, 1e-15);
  check_minimizer(o, Eigen::Vector3d(0.3989561, 1.0000191, 0), 1e-6);
}

TEST_CASE("MGH #12 Box three-dimensional: f* = 0", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::box_3d>(1e-8);
  check_all(o, {0.0}, 1e-16);
  // Every zero of f is a minimizer: (1, 10, 1), (10, 1, −1) and the line x₁ = x₂, x₃ = 0.
  for (const auto* r : {&o.newton, &o.bfgs, &o.lbfgs}) {
    INFO(gradus::test::describe("run", *r));
    const bool known = (r->x - Eigen::Vector3d(1, 10, 1)).norm() < 1e-6 || (r->x - Eigen::Vector3d(10, 1, -1)).norm() < 1e-6 ||
                       (std::abs(r->x[0] - r->x[1]) < 1e-6 && std::abs(r->x[2]) < 1e-6);
    CHECK(known);
  }
}
