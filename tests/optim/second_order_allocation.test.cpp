// Newton, BFGS and L-BFGS allocate nothing in a fixed-size run (the counter, defined in
// allocation.test.cpp, sees operator new; L-BFGS's (s, y) history is one Eigen allocation per
// run, by malloc, and the loop itself allocates nothing).
#include <alloc_counter.hpp>

#include <catch2/catch.hpp>

#include <gradus/gradus.hpp>

#include "mgh_expressions.hpp"

namespace {
template <class Method>
std::size_t allocations_of(const Method& m, std::size_t iterations) {
  using problem = gradus::test::mgh_expr::extended_rosenbrock<8>;
  const auto f = problem::objective();
  const auto x0 = problem::start();
  const gradus::options opts{.gradient_tolerance = 0, .max_iterations = iterations, .weight_decay = 1e-6};
  std::size_t done = 0;
  const std::size_t n = gradus_test::allocations_during([&] { done = gradus::minimize(f, x0, m, opts).iterations; });
  CHECK(done > 0);
  return n;
}
}  // namespace

TEST_CASE("fixed-size runs of newton, bfgs and lbfgs allocate nothing", "[optim][allocation]") {
  for (std::size_t its : {std::size_t{3}, std::size_t{300}}) {
    CHECK(allocations_of(gradus::newton{}, its) == 0);
    CHECK(allocations_of(gradus::newton{.step = gradus::strong_wolfe{}}, its) == 0);
    CHECK(allocations_of(gradus::bfgs{}, its) == 0);
    CHECK(allocations_of(gradus::bfgs{.step = gradus::backtracking{}}, its) == 0);
    CHECK(allocations_of(gradus::lbfgs{}, its) == 0);
    CHECK(allocations_of(gradus::lbfgs{.memory = 3, .step = gradus::backtracking{}}, its) == 0);
  }
}
