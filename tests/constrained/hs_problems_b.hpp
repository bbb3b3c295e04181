// Hock–Schittkowski problems 30–59 (see hock_schittkowski.hpp).
#pragma once

#include <cmath>

#include "hock_schittkowski.hpp"

namespace hs {
using Eigen::Vector3d;
using Eigen::Vector4d;
using vector5d = Eigen::Matrix<double, 5, 1>;
using vector7d = Eigen::Matrix<double, 7, 1>;

inline auto hs030() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(30,
              problem(x1 * x1 + x2 * x2 + x3 * x3,
                      gradus::subject_to(x1 * x1 + x2 * x2 - 1 >= 0, x1 >= 1, x1 <= 10, x2 >= -10, x2 <= 10, x3 >= -10,
                                         x3 <= 10)),
              Vector3d(1, 1, 1), 1.0);
}
inline auto hs031() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(31,
              problem(9 * x1 * x1 + x2 * x2 + 9 * x3 * x3,
                      gradus::subject_to(x1 * x2 - 1 >= 0, x1 >= -10, x1 <= 10, x2 >= 1, x2 <= 10, x3 >= -10, x3 <= 1)),
              Vector3d(1, 1, 1), 6.0);
}
inline auto hs032() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(32,
              problem(gradus::square(x1 + 3 * x2 + x3) + 4 * gradus::square(x1 - x2),
                      gradus::subject_to(6 * x2 + 4 * x3 - gradus::pow<3>(x1) - 3 >= 0, 1 - x1 - x2 - x3 == 0, x1 >= 0,
                                         x2 >= 0, x3 >= 0)),
              Vector3d(0.1, 0.7, 0.2), 1.0);
}
inline auto hs033() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(33,
              problem((x1 - 1) * (x1 - 2) * (x1 - 3) + x3,
                      gradus::subject_to(x3 * x3 - x2 * x2 - x1 * x1 >= 0, x1 * x1 + x2 * x2 + x3 * x3 - 4 >= 0, x1 >= 0,
                                         x2 >= 0, x3 >= 0, x3 <= 5)),
              Vector3d(0, 0, 3), std::sqrt(2.0) - 6);
}
inline auto hs034() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(34,
              problem(-x1, gradus::subject_to(x2 - gradus::exp(x1) >= 0, x3 - gradus::exp(x2) >= 0, x1 >= 0, x1 <= 100,
                                              x2 >= 0, x2 <= 100, x3 >= 0, x3 <= 10)),
              Vector3d(0, 1.05, 2.9), -std::log(std::log(10.0)));
}
inline auto hs035() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(35,
              problem(9 - 8 * x1 - 6 * x2 - 4 * x3 + 2 * x1 * x1 + 2 * x2 * x2 + x3 * x3 + 2 * x1 * x2 + 2 * x1 * x3,
                      gradus::subject_to(3 - x1 - x2 - 2 * x3 >= 0, x1 >= 0, x2 >= 0, x3 >= 0)),
              Vector3d(0.5, 0.5, 0.5), 1.0 / 9);
}
inline auto hs036() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(36,
              problem(-x1 * x2 * x3, gradus::subject_to(72 - x1 - 2 * x2 - 2 * x3 >= 0, x1 >= 0, x1 <= 20, x2 >= 0,
                                                        x2 <= 11, x3 >= 0, x3 <= 42)),
              Vector3d(10, 10, 10), -3300.0);
}
inline auto hs037() {
  auto [x1, x2, x3] = gradus::variables<3>();
  return make(37,
              problem(-x1 * x2 * x3,
                      gradus::subject_to(72 - x1 - 2 * x2 - 2 * x3 >= 0, x1 + 2 * x2 + 2 * x3 >= 0, x1 >= 0, x1 <= 42,
                                         x2 >= 0, x2 <= 42, x3 >= 0, x3 <= 42)),
              Vector3d(10, 10, 10), -3456.0);
}
inline auto hs038() {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  return make(38,
              problem(100 * gradus::square(x2 - x1 * x1) + gradus::square(1 - x1) + 90 * gradus::square(x4 - x3 * x3) +
                          gradus::square(1 - x3) + 10.1 * (gradus::square(x2 - 1) + gradus::square(x4 - 1)) +
                          19.8 * (x2 - 1) * (x4 - 1),
                      gradus::subject_to(x1 >= -10, x1 <= 10, x2 >= -10, x2 <= 10, x3 >= -10, x3 <= 10, x4 >= -10,
                                         x4 <= 10)),
              Vector4d(-3, -1, -3, -1), 0.0);
}
inline auto hs039() {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  return make(39,
              problem(-x1, gradus::subject_to(x2 - gradus::pow<3>(x1) - x3 * x3 == 0, x1 * x1 - x2 - x4 * x4 == 0)),
              Vector4d(2, 2, 2, 2), -1.0);
}
inline auto hs040() {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  return make(40,
              problem(-x1 * x2 * x3 * x4, gradus::subject_to(gradus::pow<3>(x1) + x2 * x2 - 1 == 0,
                                                             x1 * x1 * x4 - x3 == 0, x4 * x4 - x2 == 0)),
              Vector4d(0.8, 0.8, 0.8, 0.8), -0.25);
}
inline auto hs042() {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  return make(42,
              problem(gradus::square(x1 - 1) + gradus::square(x2 - 2) + gradus::square(x3 - 3) + gradus::square(x4 - 4),
                      gradus::subject_to(x1 - 2 == 0, x3 * x3 + x4 * x4 - 2 == 0)),
              Vector4d(1, 1, 1, 1), 28 - 10 * std::sqrt(2.0));
}
inline auto hs043() {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  return make(43,
              problem(x1 * x1 + x2 * x2 + 2 * x3 * x3 + x4 * x4 - 5 * x1 - 5 * x2 - 21 * x3 + 7 * x4,
                      gradus::subject_to(x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + x1 - x2 + x3 - x4 <= 8,
                                         x1 * x1 + 2 * x2 * x2 + x3 * x3 + 2 * x4 * x4 - x1 - x4 <= 10,
                                         2 * x1 * x1 + x2 * x2 + x3 * x3 + 2 * x1 - x2 - x4 <= 5)),
              Vector4d(0, 0, 0, 0), -44.0);
}
/// The book's minimum is (0, 3, 0, 4), f = −15; from x0 = 0 interior-point methods (Ipopt
/// included) reach the local minimum (3, 0, 4, 0), f = −13, another vertex of the polytope.
inline auto hs044_local() {
  auto [x1, x2, x3, x4] = gradus::variables<4>();
  return make(44,
              problem(x1 - x2 - x3 - x1 * x3 + x1 * x4 + x2 * x3 - x2 * x4,
                      gradus::subject_to(x1 + 2 * x2 <= 8, 4 * x1 + x2 <= 12, 3 * x1 + 4 * x2 <= 12, 2 * x3 + x4 <= 8,
                                         x3 + 2 * x4 <= 8, x3 + x4 <= 5, x1 >= 0, x2 >= 0, x3 >= 0, x4 >= 0)),
              Vector4d(0, 0, 0, 0), -13.0);
}
inline auto hs046() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  vector5d x0;
  x0 << std::sqrt(2.0) / 2, 1.75, 0.5, 2, 2;
  return make(46,
              problem(gradus::square(x1 - x2) + gradus::square(x3 - 1) + gradus::pow<4>(x4 - 1) + gradus::pow<6>(x5 - 1),
                      gradus::subject_to(x1 * x1 * x4 + gradus::sin(x4 - x5) - 1 == 0,
                                         x2 + gradus::pow<4>(x3) * x4 * x4 - 2 == 0)),
              x0, 0.0);
}
inline auto hs048() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  vector5d x0;
  x0 << 3, 5, -3, 2, -2;
  return make(48,
              problem(gradus::square(x1 - 1) + gradus::square(x2 - x3) + gradus::square(x4 - x5),
                      gradus::subject_to(x1 + x2 + x3 + x4 + x5 - 5 == 0, x3 - 2 * (x4 + x5) + 3 == 0)),
              x0, 0.0);
}
inline auto hs049() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  vector5d x0;
  x0 << 10, 7, 2, -3, 0.8;
  return make(49,
              problem(gradus::square(x1 - x2) + gradus::square(x3 - 1) + gradus::pow<4>(x4 - 1) + gradus::pow<6>(x5 - 1),
                      gradus::subject_to(x1 + x2 + x3 + 4 * x4 - 7 == 0, x3 + 5 * x5 - 6 == 0)),
              x0, 0.0);
}
inline auto hs050() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  vector5d x0;
  x0 << 35, -31, 11, 5, -5;
  return make(50,
              problem(gradus::square(x1 - x2) + gradus::square(x2 - x3) + gradus::pow<4>(x3 - x4) + gradus::square(x4 - x5),
                      gradus::subject_to(x1 + 2 * x2 + 3 * x3 - 6 == 0, x2 + 2 * x3 + 3 * x4 - 6 == 0,
                                         x3 + 2 * x4 + 3 * x5 - 6 == 0)),
              x0, 0.0);
}
inline auto hs051() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  vector5d x0;
  x0 << 2.5, 0.5, 2, -1, 0.5;
  return make(51,
              problem(gradus::square(x1 - x2) + gradus::square(x2 + x3 - 2) + gradus::square(x4 - 1) + gradus::square(x5 - 1),
                      gradus::subject_to(x1 + 3 * x2 - 4 == 0, x3 + x4 - 2 * x5 == 0, x2 - x5 == 0)),
              x0, 0.0);
}
inline auto hs052() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  return make(52,
              problem(gradus::square(4 * x1 - x2) + gradus::square(x2 + x3 - 2) + gradus::square(x4 - 1) +
                          gradus::square(x5 - 1),
                      gradus::subject_to(x1 + 3 * x2 == 0, x3 + x4 - 2 * x5 == 0, x2 - x5 == 0)),
              vector5d::Constant(2), 1859.0 / 349);
}
inline auto hs053() {
  auto [x1, x2, x3, x4, x5] = gradus::variables<5>();
  return make(53,
              problem(gradus::square(x1 - x2) + gradus::square(x2 + x3 - 2) + gradus::square(x4 - 1) + gradus::square(x5 - 1),
                      gradus::subject_to(x1 + 3 * x2 == 0, x3 + x4 - 2 * x5 == 0, x2 - x5 == 0, x1 >= -10, x1 <= 10,
                                         x2 >= -10, x2 <= 10, x3 >= -10, x3 <= 10, x4 >= -10, x4 <= 10, x5 >= -10,
                                         x5 <= 10)),
              vector5d::Constant(2), 176.0 / 43);
}
inline auto hs056() {
  auto [x1, x2, x3, x4, x5, x6, x7] = gradus::variables<7>();
  const double a = std::asin(std::sqrt(1 / 4.2)), b = std::asin(std::sqrt(5 / 7.2));
  vector7d x0;
  x0 << 1, 1, 1, a, a, a, b;
  return make(56,
              problem(-x1 * x2 * x3,
                      gradus::subject_to(x1 - 4.2 * gradus::square(gradus::sin(x4)) == 0,
                                         x2 - 4.2 * gradus::square(gradus::sin(x5)) == 0,
                                         x3 - 4.2 * gradus::square(gradus::sin(x6)) == 0,
                                         x1 + 2 * x2 + 2 * x3 - 7.2 * gradus::square(gradus::sin(x7)) == 0)),
              x0, -3.456);
}

}  // namespace hs
