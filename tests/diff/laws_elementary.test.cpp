// Symbolic derivative laws (see tests/support/symbolic_laws.hpp) for the elementary
// functions: exp, log, log1p, expm1, sqrt, sin, cos, tan, tanh, real powers, + − × ÷.
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

TEST_CASE("laws: exp, sin, cos, products and quotients", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::exp(x * y) * gradus::sin(z) - x / (1 + y * y) + gradus::cos(x - 2 * z) / (3 + z),
      gradus_test::anywhere, 1);
}

TEST_CASE("laws: log, log1p, sqrt", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::log(1 + x * x + y * y) +
          gradus::sqrt(2 + gradus::cos(x * z)) * gradus::log1p(z * z + y) - gradus::log(z + 2.5),
      [](const std::array<double, 3>& p) { return p[2] * p[2] + p[1] > -0.9; }, 2);
}

TEST_CASE("laws: tan, tanh, expm1", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::tan(x / 4 + y / 5) * gradus::tanh(y - z) + gradus::expm1(x * z / 2),
      gradus_test::anywhere, 3);
}

TEST_CASE("laws: real powers", "[derivative][laws]") {
  gradus_test::check_symbolic_laws(
      gradus::pow(1 + x * x, 1.5) +
          gradus::pow(2 + gradus::sin(y * z), 0.7) * gradus::pow(z * z + 0.5, -0.25),
      gradus_test::anywhere, 6);
}
