// No evaluation allocates: the tape is a compile-time constant, the workspace lives on the
// stack, and fixed-size points give fixed-size results.
#define GRADUS_TEST_DEFINE_ALLOC_COUNTER
#include <alloc_counter.hpp>
#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;

TEST_CASE("no heap allocation in any evaluation with fixed-size points") {
  auto X = variables<4>();
  auto [a, b, c, d] = X;
  auto f = logsumexp(a, b * c, d) + sigmoid(a * d) * log1p(b * b) + squared_norm(X);
  auto F = vector(a * b, sin(c) * d, exp(a - d));
  const Eigen::Vector4d p(0.1, -0.4, 0.8, 1.3), w(1, 2, 3, 4);
  const std::array<double, 4> q{0.1, -0.4, 0.8, 1.3};
  double sink = 0;
  const std::size_t n = gradus_test::allocations_during([&] {
    sink += value(f, p) + value(f, 0.1, -0.4, 0.8, 1.3);
    sink += gradient(f, p).sum() + gradient(f, q, forward_mode).sum();
    sink += hessian(f, p).sum();
    auto [v, g] = value_and_gradient(f, p);
    auto [v2, g2, H2] = value_gradient_hessian(f, p);
    sink += v + g.sum() + v2 + g2.sum() + H2.sum();
    sink += directional_derivative(f, p, w) + hessian_vector_product(f, p, w).sum();
    sink += jacobian(F, p).sum() + value(F, p).sum();
  });
  CHECK(n == 0);
  CHECK(std::isfinite(sink));
}
