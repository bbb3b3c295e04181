// No heap allocation in a fixed-size run: the whole of minimize (without trace or callback)
// allocates nothing, whatever the method and however many iterations it takes. (The counter
// sees operator new only; Eigen's dynamic-size vectors allocate with malloc, so dynamic-size
// runs cannot be checked this way.)
#define GRADUS_TEST_DEFINE_ALLOC_COUNTER
#include <alloc_counter.hpp>

#include <catch2/catch.hpp>

#include <gradus/optim.hpp>

#include "mgh.hpp"

namespace {
namespace mgh = gradus::test::mgh;

template <class Method>
std::size_t allocations_of(const Method& m, std::size_t iterations) {
  const auto x0 = mgh::extended_rosenbrock<8>::start();
  const gradus::options opts{.gradient_tolerance = 0, .max_iterations = iterations, .clip_norm = 100, .weight_decay = 1e-6};
  std::size_t done = 0;
  const std::size_t n = gradus_test::allocations_during([&] {
    const auto r = gradus::minimize(mgh::extended_rosenbrock<8>{}, x0, m, opts);
    done = r.iterations;
  });
  CHECK(done > 0);
  return n;
}
}  // namespace

TEST_CASE("fixed-size runs allocate nothing, for every first-order method", "[optim][allocation]") {
  for (std::size_t its : {std::size_t{5}, std::size_t{500}}) {
    CHECK(allocations_of(gradus::gradient_descent{}, its) == 0);
    CHECK(allocations_of(gradus::gradient_descent{.step = gradus::strong_wolfe{}}, its) == 0);
    CHECK(allocations_of(gradus::gradient_descent{.step = gradus::exact_quadratic_step{}}, its) == 0);
    CHECK(allocations_of(gradus::gradient_descent{.step = gradus::linear_decay{.initial = 1e-3, .final = 1e-4, .tau = 100}}, its) == 0);
    CHECK(allocations_of(gradus::momentum{.learning_rate = 1e-4}, its) == 0);
    CHECK(allocations_of(gradus::nesterov{.learning_rate = 1e-4}, its) == 0);
    CHECK(allocations_of(gradus::adagrad{}, its) == 0);
    CHECK(allocations_of(gradus::rmsprop{}, its) == 0);
    CHECK(allocations_of(gradus::adadelta{}, its) == 0);
    CHECK(allocations_of(gradus::adam{.learning_rate = gradus::exponential_decay{.initial = 1e-3, .rho = 1e-3}}, its) == 0);
    CHECK(allocations_of(gradus::adamw{}, its) == 0);
    const Eigen::VectorXd lower = Eigen::VectorXd::Constant(8, -2.0), upper = Eigen::VectorXd::Constant(8, 2.0);
    const gradus::projected_gradient boxed{.set = gradus::box{.lower = lower, .upper = upper}};
    CHECK(allocations_of(boxed, its) == 0);
  }
}
