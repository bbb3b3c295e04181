// Symbolic derivative laws (see tests/support/symbolic_laws.hpp) for the functions of
// machine learning and the piecewise ones: sigmoid, softplus, log_sigmoid, logsumexp,
// softmax, abs, sign, square, integer powers, negation.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include <gradus/gradus.hpp>

#include "symbolic_laws.hpp"

namespace {
constexpr gradus::var<0> x{};
constexpr gradus::var<1> y{};
constexpr gradus::var<2> z{};
}  // namespace

TEST_CASE("laws: sigmoid, softplus, log_sigmoid", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::sigmoid(3 * x * y - z) + gradus::softplus(2 * x - y) * gradus::log_sigmoid(y * z * 4),
      gradus_test::anywhere, 4);
}

TEST_CASE("laws: abs, sign, square, integer powers, negation", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::abs(x - 0.3) * gradus::square(y) + gradus::sign(z) * gradus::pow<3>(x + y) -
          gradus::pow<-2>(2 + gradus::sin(z)) * (-x),
      // away from the kink of abs and the jump of sign, where finite differences straddle them
      [](const std::array<double, 3>& p) {
        return std::abs(p[0] - 0.3) > 1e-3 && std::abs(p[2]) > 1e-3;
      },
      5);
}

TEST_CASE("laws: logsumexp and softmax", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::logsumexp(x, 2 * y, x * z) +
          gradus::softmax_weight<1>(gradus::logsumexp(x * y, y, z)) * z,
      gradus_test::anywhere, 7);
}
