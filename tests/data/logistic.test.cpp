// Logistic regression with d = 1, 4, 16 features: mean_over and sum_over against a plain
// double loop, for every m around the SIMD width and the block size.
#include <catch2/catch.hpp>

#include <cstddef>
#include <vector>

#include <gradus/gradus.hpp>

#include "reference.hpp"

namespace {

using data_test::parameters;
using data_test::relative_error;

/// Compares mean_over and sum_over of the logistic loss with the loop, for value, gradient,
/// value_and_gradient, hessian and value_gradient_hessian.
template <std::size_t D>
void check_logistic(std::size_t m, unsigned seed) {
  const auto t = data_test::random_table<D>(m, true, seed);
  const auto theta = parameters<D>();
  const auto ref = data_test::logistic_reference(t, theta);
  const auto loss = data_test::logistic_loss<D>();
  const auto mean = gradus::mean_over(loss, t.data());
  const auto sum = gradus::sum_over(loss, t.data());
  INFO("d = " << D << ", m = " << m);
  REQUIRE(mean.size() == m);
  const double md = double(m);

  CHECK(mean.value(theta) == Approx(ref.value / md).epsilon(1e-12));
  CHECK(relative_error(mean.gradient(theta), ref.gradient / md) < 1e-12);
  CHECK(relative_error(mean.hessian(theta), ref.hessian / md) < 1e-12);
  const auto [v, g] = mean.value_and_gradient(theta);
  CHECK(v == mean.value(theta));
  CHECK(g == mean.gradient(theta));
  const auto [v3, g3, h3] = sum.value_gradient_hessian(theta);
  CHECK(v3 == Approx(ref.value).epsilon(1e-12));
  CHECK(relative_error(g3, ref.gradient) < 1e-12);
  CHECK(relative_error(h3, ref.hessian) < 1e-12);
  CHECK((h3 - h3.transpose()).norm() == 0.0);

  // sum_over = m · mean_over (to the one rounding of the division)
  CHECK(sum.value(theta) == Approx(md * mean.value(theta)).epsilon(1e-15));
  CHECK(relative_error(sum.gradient(theta), md * mean.gradient(theta)) < 1e-15);
  CHECK(relative_error(sum.hessian(theta), md * mean.hessian(theta)) < 1e-15);
}

}  // namespace

TEST_CASE("logistic regression with one feature matches a plain loop for every m around the SIMD width",
          "[data][objective]") {
  for (std::size_t m : {1, 2, 3, 4, 5, 7, 8, 9, 15, 17, 1023, 1024, 1025, 3001}) check_logistic<1>(m, unsigned(m));
}

TEST_CASE("logistic regression with 4 and 16 features matches a plain loop", "[data][objective]") {
  for (std::size_t m : {1, 3, 9, 1031}) check_logistic<4>(m, 7 + unsigned(m));
  for (std::size_t m : {1, 5, 2051}) check_logistic<16>(m, 11 + unsigned(m));
}

TEST_CASE("the data contract example: logistic regression in a and b", "[data][objective]") {
  std::vector<double> xs{-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0};
  std::vector<double> ys{0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0};
  auto [a, b] = gradus::variables<2>();        // parameters θ
  auto [xi, yi] = gradus::columns<2>();        // per-example data placeholders col<0>, col<1>
  auto z = a * xi + b;
  auto loss = -(yi * gradus::log_sigmoid(z) + (1 - yi) * gradus::log_sigmoid(-z));
  auto Jm = gradus::mean_over(loss, gradus::dataset(xs, ys));
  auto Js = gradus::sum_over(loss, gradus::dataset(xs, ys));
  const Eigen::Vector2d theta(0.8, -0.1);

  double value = 0;
  Eigen::Vector2d grad = Eigen::Vector2d::Zero();
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double zi = 0.8 * xs[i] - 0.1;
    const double p = 1 / (1 + std::exp(-zi));
    value -= ys[i] * std::log(p) + (1 - ys[i]) * std::log(1 - p);
    grad += (p - ys[i]) * Eigen::Vector2d(xs[i], 1.0);
  }
  CHECK(Jm.size() == 7);
  CHECK(Jm.value(theta) == Approx(value / 7).epsilon(1e-13));
  CHECK(Js.value(theta) == Approx(value).epsilon(1e-13));
  CHECK(relative_error(Jm.gradient(theta), grad / 7) < 1e-13);
  const auto [v, g, H] = Jm.value_gradient_hessian(theta);
  CHECK(v == Approx(value / 7).epsilon(1e-13));
  CHECK(H(0, 1) == H(1, 0));
  CHECK(H.determinant() > 0);  // logistic loss is convex; strictly so with two distinct x
}

