// Newton, BFGS and L-BFGS on the Moré–Garbow–Hillstrom problem #20 (Watson, n = 6), alone in
// its translation unit: the exact Hessian of its two 500-node expressions takes a while to
// compile (about a minute of CPU with GCC 12), so it builds in parallel with the others.
#include <catch2/catch.hpp>

#include <gradus/gradus.hpp>

#include "mgh_expressions.hpp"
#include "second_order_runs.hpp"

namespace mgh = gradus::test::mgh_expr;

TEST_CASE("MGH #20 Watson (n = 6): f* = 2.28767e−3", "[optim][mgh][second_order]") {
  const auto o = gradus::test::run_second_order<mgh::watson>(1e-8);
  gradus::test::check_all(o, {mgh::watson::minimum}, 1e-10);
  Eigen::Matrix<double, 6, 1> minimizer;
  minimizer << -0.01572508644, 1.012434869, -0.2329916259, 1.260430087, -1.513728923, 0.9929964324;
  gradus::test::check_minimizer(o, minimizer, 1e-6);
}
