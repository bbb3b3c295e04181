// The Hock–Schittkowski problems used by the tests and by bench/constrained_ipopt.cpp:
// W. Hock and K. Schittkowski, "Test Examples for Nonlinear Programming Codes", Lecture Notes
// in Economics and Mathematical Systems 187, Springer, 1981. Problem N is written as gradus
// expressions (the book's x1 … xn are x0 … x(n−1) here) with the book's starting point and
// optimal value, in hs_problems_a.hpp (HS1–HS29), hs_problems_b.hpp (HS30–HS59) and
// hs_problems_c.hpp (HS60–HS119).
#pragma once

#include <Eigen/Core>

#include <gradus/gradus.hpp>

namespace hs {

/// Problem `number` of the collection, its standard starting point and its optimal value.
template <class P>
struct instance {
  int number;
  P prob;
  Eigen::Matrix<double, P::variables, 1> x0;
  double f_star;
};

template <class P, class X>
instance<P> make(int number, const P& prob, const X& x0, double f_star) {
  return {number, prob, x0, f_star};
}

}  // namespace hs
