// Printing: every node type, numbers in their shortest round-trip form, and parentheses
// only where precedence needs them.
#include <catch2/catch.hpp>

#include <sstream>

#include <gradus/gradus.hpp>

using gradus::to_string;

namespace {
constexpr gradus::var<0> x{};
constexpr gradus::var<1> y{};
constexpr gradus::var<2> z{};
}  // namespace

TEST_CASE("leaves print as x0, c0, integers and shortest round-trip literals", "[print]") {
  CHECK(to_string(x) == "x0");
  CHECK(to_string(gradus::var<12>{}) == "x12");
  CHECK(to_string(gradus::col<3>{}) == "c3");
  CHECK(to_string(gradus::integer<7>{}) == "7");
  CHECK(to_string(gradus::integer<-3>{}) == "-3");
  CHECK(to_string(gradus::literal(2.0)) == "2");
  CHECK(to_string(gradus::literal(0.5)) == "0.5");
  CHECK(to_string(gradus::literal(1e-10)) == "1e-10");
  CHECK(to_string(gradus::literal(0.1)) == "0.1");
  CHECK(to_string(gradus::literal(-2.25)) == "-2.25");
  CHECK(to_string(gradus::literal(1.0 / 3.0)) == "0.3333333333333333");
}

TEST_CASE("infix operators get the fewest parentheses precedence allows", "[print]") {
  CHECK(to_string(x * x + 2 * x * y) == "x0*x0 + 2*x0*x1");
  CHECK(to_string(-(x + y)) == "-(x0 + x1)");
  CHECK(to_string(x / (y * y)) == "x0/(x1*x1)");
  CHECK(to_string(x / y * z) == "x0/x1*x2");
  CHECK(to_string((x + y) * z) == "(x0 + x1)*x2");
  CHECK(to_string(x * (y + z)) == "x0*(x1 + x2)");
  CHECK(to_string(x - (y - z)) == "x0 - (x1 - x2)");
  CHECK(to_string(x - y - z) == "x0 - x1 - x2");
  CHECK(to_string(x + (y + z)) == "x0 + x1 + x2");
  CHECK(to_string(x - (y + z)) == "x0 - (x1 + x2)");
  CHECK(to_string(x / (y / z)) == "x0/(x1/x2)");
  CHECK(to_string(-x * y) == "-x0*x1");
  CHECK(to_string(x * -y) == "x0*(-x1)");
  CHECK(to_string(x - -y) == "x0 - (-x1)");
  CHECK(to_string(-(x * y)) == "-(x0*x1)");
  CHECK(to_string(x + (-2.5)) == "x0 + (-2.5)");
  CHECK(to_string(gradus::detail::make_neg(gradus::detail::make_neg(x) * y)) == "-(-x0*x1)");
}

TEST_CASE("functions print by name with their arguments", "[print]") {
  CHECK(to_string(gradus::exp(x)) == "exp(x0)");
  CHECK(to_string(gradus::log(x + 1)) == "log(x0 + 1)");
  CHECK(to_string(gradus::log1p(x)) == "log1p(x0)");
  CHECK(to_string(gradus::expm1(x)) == "expm1(x0)");
  CHECK(to_string(gradus::sqrt(x)) == "sqrt(x0)");
  CHECK(to_string(gradus::sin(x)) == "sin(x0)");
  CHECK(to_string(gradus::cos(x)) == "cos(x0)");
  CHECK(to_string(gradus::tan(x)) == "tan(x0)");
  CHECK(to_string(gradus::tanh(x)) == "tanh(x0)");
  CHECK(to_string(gradus::sigmoid(-x)) == "sigmoid(-x0)");
  CHECK(to_string(gradus::softplus(x)) == "softplus(x0)");
  CHECK(to_string(gradus::log_sigmoid(x)) == "log_sigmoid(x0)");
  CHECK(to_string(gradus::abs(x)) == "abs(x0)");
  CHECK(to_string(gradus::sign(x)) == "sign(x0)");
  CHECK(to_string(gradus::square(x)) == "square(x0)");
  CHECK(to_string(gradus::pow<2>(x)) == "square(x0)");
  CHECK(to_string(gradus::pow<3>(y)) == "pow(x1, 3)");
  CHECK(to_string(gradus::pow<-1>(y)) == "pow(x1, -1)");
  CHECK(to_string(gradus::pow(x, 2.5)) == "pow(x0, 2.5)");
  CHECK(to_string(gradus::logsumexp(x, y)) == "logsumexp(x0, x1)");
  CHECK(to_string(gradus::logsumexp(x, 2 * y, 1)) == "logsumexp(x0, 2*x1, 1)");
  CHECK(to_string(gradus::softmax_weight<1>(gradus::logsumexp(x, y))) == "softmax<1>(x0, x1)");
  CHECK(to_string(-gradus::exp(x)) == "-exp(x0)");
  CHECK(to_string(gradus::col<0>{} * gradus::log_sigmoid(x * gradus::col<1>{})) ==
        "c0*log_sigmoid(x0*c1)");
}

TEST_CASE("symbolic vectors print as bracketed lists, matrices as nested lists", "[print]") {
  CHECK(to_string(gradus::variables<3>()) == "[x0, x1, x2]");
  CHECK(to_string(gradus::vector(x * x + 5 * y, 3 * x * gradus::sin(y))) ==
        "[x0*x0 + 5*x1, 3*x0*sin(x1)]");
  CHECK(to_string(gradus::symbolic_vector<>{}) == "[]");
  const auto m =
      gradus::symbolic_vector(gradus::vector(x, y), gradus::vector(y, gradus::integer<4>{}));
  CHECK(to_string(m) == "[[x0, x1], [x1, 4]]");
}

TEST_CASE("operator<< writes the same text as to_string", "[print]") {
  std::ostringstream os;
  os << x * y + gradus::exp(z) << ' ' << gradus::variables<2>();
  CHECK(os.str() == "x0*x1 + exp(x2) [x0, x1]");
}

// GCC 12 miscompiled [[no_unique_address]] members during constant evaluation: a runtime
// constant inside a symbolic vector built from namespace-scope constexpr variables became 0.
namespace {
constexpr gradus::var<0> ns_x{};
constexpr gradus::var<1> ns_y{};
const auto ns_vector = gradus::vector(ns_x * ns_x + 5 * ns_y, 3 * ns_x * gradus::sin(ns_y));
const auto ns_expression = 3 * ns_x * gradus::sin(ns_y) + 2.5;
}  // namespace

TEST_CASE("constants survive constant initialization of expressions and vectors") {
  CHECK(gradus::to_string(ns_vector) == "[x0*x0 + 5*x1, 3*x0*sin(x1)]");
  CHECK(gradus::to_string(ns_expression) == "3*x0*sin(x1) + 2.5");
  CHECK(gradus::to_string(gradus::derivative(ns_vector, ns_x)) == "[2*x0, 3*sin(x1)]");
}
