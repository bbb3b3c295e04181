// The law suite of the numeric engine, over a family of composite expressions that uses every
// function: forward mode == reverse mode, the gradient against finite differences, the Hessian
// symmetric, equal to the finite-difference Jacobian of the gradient, H·w and uᵀ∇f consistent
// with both, and the fused value_gradient_hessian equal to the separate calls.
#include <catch2/catch.hpp>
#include <derivative_laws.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;
using gradus_test::close;

namespace {
constexpr int points_per_expression = 1000;

template <class F>
void check_laws(const F& f, double lo, double hi, unsigned long long seed) {
  gradus_test::rng r(seed);
  double worst_fd_gradient = 0, worst_fd_hessian = 0;
  for (int k = 0; k < points_per_expression; ++k) {
    const Eigen::Vector3d p = r.point<3>(lo, hi);
    const Eigen::Vector3d u = r.point<3>(-1, 1);
    const auto [v, g, H] = value_gradient_hessian(f, p);
    REQUIRE(std::isfinite(v));
    const auto gf = gradient(f, p, forward_mode);
    const auto gr = gradient(f, p, reverse_mode);
    for (int i = 0; i < 3; ++i) {
      REQUIRE(close(gf[i], gr[i], 1e-12));
      REQUIRE(close(g[i], gr[i], 1e-12));
      const double fd = gradus_test::fd_partial([&](const Eigen::Vector3d& q) { return value(f, q); }, p, i, 1e-3);
      worst_fd_gradient = std::max(worst_fd_gradient, std::abs(fd - g[i]) / std::max(1.0, std::abs(g[i])));
      REQUIRE(close(fd, g[i], 1e-6));
      for (int j = 0; j < 3; ++j) {
        REQUIRE(H(i, j) == H(j, i));
        const double fdh =
            gradus_test::fd_partial([&](const Eigen::Vector3d& q) { return gradient(f, q)[i]; }, p, j, 1e-3);
        worst_fd_hessian = std::max(worst_fd_hessian, std::abs(fdh - H(i, j)) / std::max(1.0, std::abs(H(i, j))));
        REQUIRE(close(fdh, H(i, j), 1e-6));
      }
    }
    REQUIRE(close(value(f, p), v, 1e-15));
    REQUIRE((hessian(f, p) - H).norm() == 0.0);
    const Eigen::Vector3d hv = hessian_vector_product(f, p, u);
    const Eigen::Vector3d Hu = H * u;
    for (int i = 0; i < 3; ++i) REQUIRE(close(hv[i], Hu[i], 1e-11));
    REQUIRE(close(directional_derivative(f, p, u), g.dot(u), 1e-12));
  }
  INFO("worst relative finite-difference gap: gradient " << worst_fd_gradient << ", Hessian " << worst_fd_hessian);
  CHECK(worst_fd_gradient < 1e-6);
}
}  // namespace

TEST_CASE("derivative laws: polynomials and rational functions") {
  auto [x, y, z] = variables<3>();
  check_laws(x * x * y - 3 * pow<3>(z) + x * y * z, -2, 2, 1);
  check_laws((x + 2 * y) / (1 + x * x + z * z), -2, 2, 2);
  check_laws(pow<-2>(2 + sin(x)) * y + pow<4>(z - x), -2, 2, 3);
  check_laws(square(x / (y * y + 1)) - z / (2 + x * x), -2, 2, 4);
  check_laws(100 * square(y - x * x) + square(1 - x) + 100 * square(z - y * y) + square(1 - y), -2, 2, 5);
}

TEST_CASE("derivative laws: exp, log, trigonometric and hyperbolic functions") {
  auto [x, y, z] = variables<3>();
  check_laws(log(1 + exp(x) * y * y) + exp(-z * z), -2, 2, 11);
  check_laws(sin(x * y) + cos(y - z) * tan(0.3 * x), -2, 2, 12);
  check_laws(sqrt(1 + x * x + y * y) + pow(1 + z * z, 1.5) + log1p(x * x) * expm1(0.5 * y), -2, 2, 13);
  check_laws(abs(x - 3) * y * z + sign(x - 3) * z, -2, 2, 14);
}

TEST_CASE("derivative laws: sigmoid family, logsumexp and shared subexpressions") {
  auto [x, y, z] = variables<3>();
  check_laws(tanh(x) * sigmoid(y * z) + softplus(x - 2 * z), -3, 3, 21);
  check_laws(log_sigmoid(x * y - z) + logsumexp(x, 2 * y, z * z), -3, 3, 22);
  auto s = sigmoid(x * y + z);
  check_laws(y * log(s) + (1 - y) * log(1 - s), -2, 2, 23);
  check_laws(logsumexp(x, y, z) * sigmoid(x) + logsumexp(vector(x * y, 1.0)), -3, 3, 24);
}
