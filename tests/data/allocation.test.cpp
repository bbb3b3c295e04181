// No heap allocation in a single-threaded data objective evaluated at a fixed-size point: the
// compiled loss, the per-lane sums and the result all live on the stack.
#include <alloc_counter.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include <gradus/gradus.hpp>

#include "reference.hpp"

TEST_CASE("no heap allocation in value, gradient and Hessian for fixed-size parameters", "[data][allocation]") {
  constexpr std::size_t D = 4;
  const auto t = data_test::random_table<D>(1003, true, 8);
  const auto data = t.data();
  const auto J = gradus::mean_over(data_test::logistic_loss<D>(), data);
  const Eigen::Matrix<double, D + 1, 1> theta = Eigen::Matrix<double, D + 1, 1>::Constant(0.1);
  const std::array<std::size_t, 5> rows{4, 1000, 17, 17, 2};
  double sink = 0;
  const std::size_t n = gradus_test::allocations_during([&] {
    sink += J.value(theta);
    sink += J.gradient(theta)[0];
    sink += J.value_and_gradient(theta).value;
    sink += J.hessian(theta)(1, 2);
    sink += J.value_gradient_hessian(theta).hessian(0, 0);
    sink += J.batch(10, 100).gradient(theta)[1];
    sink += J.subset(rows).value_gradient_hessian(theta).value;
  });
  CHECK(n == 0);
  CHECK(std::isfinite(sink));

  // the counter does count: several threads need their std::thread and per-block buffer
  const auto big = data_test::random_table<D>(3 * gradus::detail::data_block_rows, true, 9);
  const auto threaded = gradus::mean_over(data_test::logistic_loss<D>(), big.data(), gradus::data_options{.threads = 2});
  CHECK(gradus_test::allocations_during([&] { sink += threaded.value(theta); }) > 0);
}
