// Runs newton, bfgs and lbfgs on one test problem (mgh_expressions.hpp) from its standard
// starting point, with the same options, for the MGH test suites of tests/optim/.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include <gradus/gradus.hpp>

namespace gradus::test {

template <class Problem>
using problem_vector = Eigen::Matrix<double, Problem::n, 1>;

template <class Problem, class Method>
gradus::result<problem_vector<Problem>> solve(const Method& method, const gradus::options& opts) {
  return gradus::minimize(Problem::objective(), Problem::start(), method, opts);
}

/// A line for Catch's INFO: the method's outcome.
template <class X>
std::string describe(const char* method, const gradus::result<X>& r) {
  return std::string(method) + ": " + r.message() + " x = (" + [&] {
    std::string s;
    for (Eigen::Index i = 0; i < r.x.size(); ++i) s += (i ? ", " : "") + std::to_string(r.x[i]);
    return s;
  }() + "), f evaluations " + std::to_string(r.function_evaluations) + ", gradients " +
         std::to_string(r.gradient_evaluations) + ", Hessians " + std::to_string(r.hessian_evaluations);
}

}  // namespace gradus::test
