// Runs newton, bfgs and lbfgs on one test problem (mgh_expressions.hpp) from its standard
// starting point with the same options, and checks where they end, for the MGH suites of
// tests/optim/.
#pragma once

#include <cmath>
#include <initializer_list>
#include <string>

#include <catch2/catch.hpp>

#include <gradus/gradus.hpp>

namespace gradus::test {

template <class Problem>
using problem_vector = Eigen::Matrix<double, Problem::n, 1>;

template <class Problem>
struct second_order_outcome {
  gradus::result<problem_vector<Problem>> newton, bfgs, lbfgs;
};

/// newton{}, bfgs{} and lbfgs{} from Problem::start() to ‖∇f‖ <= gradient_tolerance.
template <class Problem>
second_order_outcome<Problem> run_second_order(double gradient_tolerance) {
  const auto f = Problem::objective();
  const gradus::options opts{.gradient_tolerance = gradient_tolerance, .max_iterations = 2000};
  return {gradus::minimize(f, Problem::start(), gradus::newton{}, opts),
          gradus::minimize(f, Problem::start(), gradus::bfgs{}, opts),
          gradus::minimize(f, Problem::start(), gradus::lbfgs{}, opts)};
}

/// A line for Catch's INFO: the method's outcome, with the work it took.
template <class X>
std::string describe(const char* method, const gradus::result<X>& r) {
  std::string s = std::string(method) + ": " + r.message() + " x = (";
  for (Eigen::Index i = 0; i < r.x.size(); ++i) s += (i ? ", " : "") + std::to_string(r.x[i]);
  return s + "), f evaluations " + std::to_string(r.function_evaluations) + ", gradients " +
         std::to_string(r.gradient_evaluations) + ", Hessians " + std::to_string(r.hessian_evaluations);
}

/// Checks that a run converged to one of the given minimum values (|f − f*| <= tolerance·max(1, |f*|)).
template <class X>
void check_reaches(const char* method, const gradus::result<X>& r, std::initializer_list<double> minima,
                   double tolerance) {
  INFO(describe(method, r));
  REQUIRE(r.converged());
  bool found = false;
  for (double m : minima) found = found || std::abs(r.value - m) <= tolerance * std::fmax(1.0, std::abs(m));
  CHECK(found);
}

/// Checks every method: converged to one of the minima, and within `distance` of x* when given.
template <class Problem>
void check_all(const second_order_outcome<Problem>& o, std::initializer_list<double> minima, double tolerance) {
  check_reaches("newton", o.newton, minima, tolerance);
  check_reaches("bfgs", o.bfgs, minima, tolerance);
  check_reaches("lbfgs", o.lbfgs, minima, tolerance);
}

template <class Problem>
void check_minimizer(const second_order_outcome<Problem>& o, const problem_vector<Problem>& minimizer,
                     double distance) {
  for (const auto* r : {&o.newton, &o.bfgs, &o.lbfgs}) {
    INFO(describe("run", *r));
    CHECK((r->x - minimizer).norm() <= distance * std::fmax(1.0, minimizer.norm()));
  }
}

}  // namespace gradus::test
