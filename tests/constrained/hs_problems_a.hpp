// Hock–Schittkowski problems 1–29 (see hock_schittkowski.hpp).
#pragma once

#include <cmath>
#include <numbers>

#include "hock_schittkowski.hpp"

namespace hs {
using Eigen::Vector2d;
using Eigen::Vector3d;

inline auto rosenbrock() {
  auto [x1, x2] = gradus::variables<2>();
  return 100 * gradus::square(x2 - x1 * x1) + gradus::square(1 - x1);
}

inline auto hs001() {
  auto [x1, x2] = gradus::variables<2>();
  return make(1, problem(rosenbrock(), gradus::subject_to(x2 >= -1.5)), Vector2d(-2, 1), 0.0);
}
/// The book's minimum is (1.2243707487, 1.5), f = 0.0504261879; from x0 = (−2, 1) Newton-type
/// methods (Ipopt included) reach the other local minimum (−1.2210262421, 1.5), f = 4.9412293180.
inline auto hs002_local() {
  auto [x1, x2] = gradus::variables<2>();
  return make(2, problem(rosenbrock(), gradus::subject_to(x2 >= 1.5)), Vector2d(-2, 1), 4.94122931799);
}
inline auto hs003() {
  auto [x1, x2] = gradus::variables<2>();
  return make(3, problem(x2 + 1e-5 * gradus::square(x2 - x1), gradus::subject_to(x2 >= 0)), Vector2d(10, 1), 0.0);
}
inline auto hs004() {
  auto [x1, x2] = gradus::variables<2>();
  return make(4, problem(gradus::pow<3>(x1 + 1) / 3 + x2, gradus::subject_to(x1 >= 1, x2 >= 0)), Vector2d(1.125, 0.125),
              8.0 / 3);
}
inline auto hs005() {
  auto [x1, x2] = gradus::variables<2>();
  return make(5,
              problem(gradus::sin(x1 + x2) + gradus::square(x1 - x2) - 1.5 * x1 + 2.5 * x2 + 1,
                      gradus::subject_to(x1 >= -1.5, x1 <= 4, x2 >= -3, x2 <= 3)),
              Vector2d(0, 0), -std::sqrt(3.0) / 2 - std::numbers::pi / 3);
}
inline auto hs006() {
  auto [x1, x2] = gradus::variables<2>();
  return make(6, problem(gradus::square(1 - x1), gradus::subject_to(10 * (x2 - x1 * x1) == 0)), Vector2d(-1.2, 1), 0.0);
}
inline auto hs007() {
  auto [x1, x2] = gradus::variables<2>();
  return make(7,
              problem(gradus::log(1 + x1 * x1) - x2, gradus::subject_to(gradus::square(1 + x1 * x1) + x2 * x2 - 4 == 0)),
              Vector2d(2, 2), -std::sqrt(3.0));
}
inline auto hs009() {
  auto [x1, x2] = gradus::variables<2>();
  const double pi = std::numbers::pi;
  return make(9, problem(gradus::sin(pi * x1 / 12) * gradus::cos(pi * x2 / 16), gradus::subject_to(4 * x1 - 3 * x2 == 0)),
              Vector2d(0, 0), -0.5);
}
inline auto hs010() {
  auto [x1, x2] = gradus::variables<2>();
  return make(10, problem(x1 - x2, gradus::subject_to(-3 * x1 * x1 + 2 * x1 * x2 - x2 * x2 + 1 >= 0)),
              Vector2d(-10, 10), -1.0);
}
inline auto hs011() {
  auto [x1, x2] = gradus::variables<2>();
  return make(11, problem(gradus::square(x1 - 5) + x2 * x2 - 25, gradus::subject_to(-x1 * x1 + x2 >= 0)),
              Vector2d(4.9, 0.1), -8.498464223);
}
inline auto hs012() {
  auto [x1, x2] = gradus::variables<2>();
  return make(12,
              problem(0.5 * x1 * x1 + x2 * x2 - x1 * x2 - 7 * x1 - 7 * x2,
                      gradus::subject_to(25 - 4 * x1 * x1 - x2 * x2 >= 0)),
              Vector2d(0, 0), -30.0);
}
/// No KKT point at the minimum (1, 0): the constraint qualification fails there (a cusp).
inline auto hs013() {
  auto [x1, x2] = gradus::variables<2>();
  return make(13,
              problem(gradus::square(x1 - 2) + x2 * x2,
                      gradus::subject_to(gradus::pow<3>(1 - x1) - x2 >= 0, x1 >= 0, x2 >= 0)),
              Vector2d(-2, -2), 1.0);
}
inline auto hs014() {
  auto [x1, x2] = gradus::variables<2>();
  return make(14,
              problem(gradus::square(x1 - 2) + gradus::square(x2 - 1),
                      gradus::subject_to(x1 - 2 * x2 + 1 == 0, -x1 * x1 / 4 - x2 * x2 + 1 >= 0)),
              Vector2d(2, 2), 9 - 2.875 * std::sqrt(7.0));
}
inline auto hs015() {
  auto [x1, x2] = gradus::variables<2>();
  return make(15, problem(rosenbrock(), gradus::subject_to(x1 * x2 - 1 >= 0, x1 + x2 * x2 >= 0, x1 <= 0.5)),
              Vector2d(-2, 1), 306.5);
}
inline auto hs016() {
  auto [x1, x2] = gradus::variables<2>();
  return make(16,
              problem(rosenbrock(),
                      gradus::subject_to(x1 + x2 * x2 >= 0, x1 * x1 + x2 >= 0, x1 >= -0.5, x1 <= 0.5, x2 <= 1)),
              Vector2d(-2, 1), 0.25);
}
inline auto hs017() {
  auto [x1, x2] = gradus::variables<2>();
  return make(17,
              problem(rosenbrock(),
                      gradus::subject_to(x2 * x2 - x1 >= 0, x1 * x1 - x2 >= 0, x1 >= -0.5, x1 <= 0.5, x2 <= 1)),
              Vector2d(-2, 1), 1.0);
}
inline auto hs018() {
  auto [x1, x2] = gradus::variables<2>();
  return make(18,
              problem(0.01 * x1 * x1 + x2 * x2,
                      gradus::subject_to(x1 * x2 - 25 >= 0, x1 * x1 + x2 * x2 - 25 >= 0, x1 >= 2, x1 <= 50, x2 >= 0,
                                         x2 <= 50)),
              Vector2d(2, 2), 5.0);
}
inline auto hs019() {
  auto [x1, x2] = gradus::variables<2>();
  return make(19,
              problem(gradus::pow<3>(x1 - 10) + gradus::pow<3>(x2 - 20),
                      gradus::subject_to(gradus::square(x1 - 5) + gradus::square(x2 - 5) - 100 >= 0,
                                         -gradus::square(x2 - 5) - gradus::square(x1 - 6) + 82.81 >= 0, x1 >= 13,
                                         x1 <= 100, x2 >= 0, x2 <= 100)),
              Vector2d(20.1, 5.84), -6961.81387558);
}
inline auto hs021() {
  auto [x1, x2] = gradus::variables<2>();
  return make(21,
              problem(0.01 * x1 * x1 + x2 * x2 - 100,
                      gradus::subject_to(10 * x1 - x2 - 10 >= 0, x1 >= 2, x1 <= 50, x2 >= -50, x2 <= 50)),
              Vector2d(-1, -1), -99.96);
}
inline auto hs022() {
  auto [x1, x2] = gradus::variables<2>();
  return make(22,
              problem(gradus::square(x1 - 2) + gradus::square(x2 - 1),
                      gradus::subject_to(-x1 - x2 + 2 >= 0, -x1 * x1 + x2 >= 0)),
              Vector2d(2, 2), 1.0);
}
inline auto hs023() {
  auto [x1, x2] = gradus::variables<2>();
  return make(23,
              problem(x1 * x1 + x2 * x2,
                      gradus::subject_to(x1 + x2 - 1 >= 0, x1 * x1 + x2 * x2 - 1 >= 0, 9 * x1 * x1 + x2 * x2 - 9 >= 0,
                                         x1 * x1 - x2 >= 0, x2 * x2 - x1 >= 0, x1 >= -50, x1 <= 50, x2 >= -50,
                                         x2 <= 50)),
              Vector2d(3, 1), 2.0);
}
inline auto hs024() {
  auto [x1, x2] = gradus::variables<2>();
  const double r3 = std::sqrt(3.0);
  return make(24,
              problem((gradus::square(x1 - 3) - 9) * gradus::pow<3>(x2) / (27 * r3),
                      gradus::subject_to(x1 / r3 - x2 >= 0, x1 + r3 * x2 >= 0, -x1 - r3 * x2 + 6 >= 0, x1 >= 0,
                                         x2 >= 0)),
              Vector2d(1, 0.5), -1.0);
}
inline auto hs026() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(26,
              problem(gradus::square(x1 - x2) + gradus::pow<4>(x2 - x3),
                      gradus::subject_to((1 + x2 * x2) * x1 + gradus::pow<4>(x3) - 3 == 0)),
              Vector3d(-2.6, 2, 2), 0.0);
}
inline auto hs027() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(27,
              problem(0.01 * gradus::square(x1 - 1) + gradus::square(x2 - x1 * x1),
                      gradus::subject_to(x1 + x3 * x3 + 1 == 0)),
              Vector3d(2, 2, 2), 0.04);
}
inline auto hs028() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(28,
              problem(gradus::square(x1 + x2) + gradus::square(x2 + x3), gradus::subject_to(x1 + 2 * x2 + 3 * x3 - 1 == 0)),
              Vector3d(-4, 1, 1), 0.0);
}
inline auto hs029() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(29, problem(-x1 * x2 * x3, gradus::subject_to(-x1 * x1 - 2 * x2 * x2 - 4 * x3 * x3 + 48 >= 0)),
              Vector3d(1, 1, 1), -16 * std::sqrt(2.0));
}

}  // namespace hs
