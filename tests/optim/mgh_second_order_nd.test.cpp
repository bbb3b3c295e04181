// Newton, BFGS and L-BFGS from the standard starting points of the Moré–Garbow–Hillstrom
// problems with four or more variables (tests/support/mgh_expressions.hpp).
#include <catch2/catch.hpp>

#include <gradus/gradus.hpp>

#include "mgh_expressions.hpp"
#include "second_order_runs.hpp"

namespace mgh = gradus::test::mgh_expr;
using gradus::test::check_all;
using gradus::test::check_minimizer;
using gradus::test::run_second_order;

TEST_CASE("MGH #13 Powell singular: f* = 0 at the origin, where the Hessian is singular", "[optim][mgh][second_order]") {
  // Near the minimizer f grows like a quartic in two directions: the iterates converge
  // linearly, and ‖∇f‖ <= 1e−8 leaves them about 1e−3 from it.
  const auto o = run_second_order<mgh::powell_singular>(1e-8);
  check_all(o, {0.0}, 1e-11);
  check_minimizer(o, Eigen::Vector4d::Zero(), 2e-3);
  CHECK(gradus::classify(mgh::powell_singular::objective(), Eigen::Vector4d::Zero().eval()).kind ==
        gradus::point_kind::inconclusive);
}

TEST_CASE("MGH #14 Wood: f* = 0 at (1, 1, 1, 1)", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::wood>(1e-8);
  check_all(o, {0.0}, 1e-18);
  check_minimizer(o, Eigen::Vector4d::Ones(), 1e-8);
}

TEST_CASE("MGH #18 Biggs EXP6: a documented minimum (f = 0, or the local f = 5.65565e−3)",
          "[optim][mgh][second_order]") {
  // From x0 = (1, 2, 1, 1, 1, 1) each method reaches the local minimum 5.65565…e−3 that the
  // paper reports for m = 13.
  const auto o = run_second_order<mgh::biggs_exp6>(1e-8);
  check_all(o, {mgh::biggs_exp6::minimum, mgh::biggs_exp6::local_minimum}, 1e-9);
}

TEST_CASE("MGH #20 Watson (n = 6): f* = 2.28767e−3", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::watson>(1e-8);
  check_all(o, {mgh::watson::minimum}, 1e-10);
  Eigen::Matrix<double, 6, 1> minimizer;
  minimizer << -0.01572508644, 1.012434869, -0.2329916259, 1.260430087, -1.513728923, 0.9929964324;
  check_minimizer(o, minimizer, 1e-6);
}

TEST_CASE("MGH #21 extended Rosenbrock (n = 10): f* = 0 at (1, …, 1)", "[optim][mgh][second_order]") {
  const auto o = run_second_order<mgh::extended_rosenbrock<10>>(1e-8);
  check_all(o, {0.0}, 1e-16);
  check_minimizer(o, Eigen::Matrix<double, 10, 1>::Ones(), 1e-8);
}
