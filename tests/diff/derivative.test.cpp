// derivative(f, x): the rule of every operation, as printed text, and the folding of the
// results as types.
#include <catch2/catch.hpp>

#include <type_traits>

#include <gradus/gradus.hpp>

using gradus::derivative;
using gradus::to_string;

namespace {
constexpr gradus::var<0> x{};
constexpr gradus::var<1> y{};

template <class A, class B>
constexpr bool same = std::is_same_v<std::remove_cvref_t<A>, std::remove_cvref_t<B>>;
}  // namespace

TEST_CASE("derivatives fold to compile-time integers and small products", "[derivative]") {
  using gradus::binary;
  using gradus::integer;
  using gradus::var;
  namespace op = gradus::op;
  STATIC_REQUIRE(same<decltype(derivative(x * x, x)), binary<op::mul, integer<2>, var<0>>>);
  STATIC_REQUIRE(same<decltype(derivative(x, x)), integer<1>>);
  STATIC_REQUIRE(same<decltype(derivative(y, x)), integer<0>>);
  STATIC_REQUIRE(same<decltype(derivative(gradus::exp(y) * gradus::sin(y) + 3.5, x)), integer<0>>);
  STATIC_REQUIRE(same<decltype(derivative(gradus::col<0>{} * y, x)), integer<0>>);
  STATIC_REQUIRE(same<decltype(derivative(x * x * x, x)),
                      binary<op::add, binary<op::mul, binary<op::mul, integer<2>, var<0>>, var<0>>,
                             binary<op::mul, var<0>, var<0>>>>);
  STATIC_REQUIRE(same<decltype(derivative(gradus::pow<3>(y), y)),
                      binary<op::mul, integer<3>, gradus::unary<op::square, var<1>>>>);
  STATIC_REQUIRE(same<decltype(derivative(gradus::pow<4>(x), x)),
                      binary<op::mul, integer<4>, gradus::unary<op::pow_int<3>, var<0>>>>);
  STATIC_REQUIRE(same<decltype(derivative(derivative(gradus::pow<3>(y), y), y)),
                      binary<op::mul, integer<6>, var<1>>>);
  STATIC_REQUIRE(same<decltype(derivative(gradus::abs(x), x)), gradus::unary<op::sign, var<0>>>);
  STATIC_REQUIRE(same<decltype(derivative(derivative(gradus::abs(x), x), x)), integer<0>>);
  STATIC_REQUIRE(same<decltype(derivative(x - x, x)), integer<0>>);
  STATIC_REQUIRE(same<decltype(derivative(x * y - y * x, x)), integer<0>>);
  // 2*x*y holds the runtime constant 2: its derivative is that constant times y.
  STATIC_REQUIRE(
      same<decltype(derivative(2 * x * y, x)), binary<op::mul, gradus::literal, var<1>>>);
  CHECK(to_string(derivative(2 * x * y, x)) == "2*x1");
  CHECK(to_string(derivative(x * x, x)) == "2*x0");
}

TEST_CASE("the contract example: d/dx (x*x + 2*x*y + pow<3>(y)) = 2*x0 + 2*x1", "[derivative]") {
  auto [u, v] = gradus::variables<2>();
  const auto f = u * u + 2 * u * v + gradus::pow<3>(v);
  CHECK(to_string(derivative(f, u)) == "2*x0 + 2*x1");
  CHECK(to_string(derivative(f, v)) == "2*x0 + 3*square(x1)");
  CHECK(to_string(derivative(derivative(f, v), v)) == "6*x1");
  CHECK(to_string(derivative(f, gradus::var<2>{})) == "0");
}

TEST_CASE("each function's derivative, printed", "[derivative]") {
  CHECK(to_string(derivative(-x, x)) == "-1");
  CHECK(to_string(derivative(x + y, x)) == "1");
  CHECK(to_string(derivative(x - y, y)) == "-1");
  CHECK(to_string(derivative(x * y, y)) == "x0");
  CHECK(to_string(derivative(x / y, x)) == "1/x1");
  CHECK(to_string(derivative(x / y, y)) == "-x0/square(x1)");
  CHECK(to_string(derivative(1 / x, x)) == "-1/square(x0)");
  CHECK(to_string(derivative(x / (x + y), x)) == "(x0 + x1 - x0)/square(x0 + x1)");
  CHECK(to_string(derivative(gradus::exp(x), x)) == "exp(x0)");
  CHECK(to_string(derivative(gradus::exp(2 * x), x)) == "2*exp(2*x0)");
  CHECK(to_string(derivative(gradus::log(x), x)) == "1/x0");
  CHECK(to_string(derivative(gradus::log(x * y), x)) == "x1/(x0*x1)");
  CHECK(to_string(derivative(gradus::log1p(x), x)) == "1/(1 + x0)");
  CHECK(to_string(derivative(gradus::expm1(x), x)) == "exp(x0)");
  CHECK(to_string(derivative(gradus::sqrt(x), x)) == "1/(2*sqrt(x0))");
  CHECK(to_string(derivative(gradus::sin(x), x)) == "cos(x0)");
  CHECK(to_string(derivative(gradus::cos(x), x)) == "-sin(x0)");
  CHECK(to_string(derivative(gradus::cos(x * y), x)) == "-x1*sin(x0*x1)");
  CHECK(to_string(derivative(gradus::tan(x), x)) == "1 + square(tan(x0))");
  CHECK(to_string(derivative(gradus::tanh(x), x)) == "1 - square(tanh(x0))");
  CHECK(to_string(derivative(gradus::sigmoid(x), x)) == "sigmoid(x0)*sigmoid(-x0)");
  CHECK(to_string(derivative(gradus::softplus(x), x)) == "sigmoid(x0)");
  CHECK(to_string(derivative(gradus::log_sigmoid(x), x)) == "sigmoid(-x0)");
  CHECK(to_string(derivative(gradus::log_sigmoid(-x), x)) == "-sigmoid(x0)");
  CHECK(to_string(derivative(gradus::abs(x), x)) == "sign(x0)");
  CHECK(to_string(derivative(gradus::sign(x), x)) == "0");
  CHECK(to_string(derivative(gradus::square(x), x)) == "2*x0");
  CHECK(to_string(derivative(gradus::square(3 * x), x)) == "18*x0");
  CHECK(to_string(derivative(gradus::pow<3>(x), x)) == "3*square(x0)");
  CHECK(to_string(derivative(gradus::pow<-1>(x), x)) == "-pow(x0, -2)");
  CHECK(to_string(derivative(gradus::pow<-2>(x), x)) == "-2*pow(x0, -3)");
  CHECK(to_string(derivative(gradus::pow(x, 2.5), x)) == "2.5*pow(x0, 1.5)");
  CHECK(to_string(derivative(gradus::pow(2 * x, 0.5), x)) == "1*pow(2*x0, -0.5)");
  CHECK(to_string(derivative(gradus::logsumexp(x, y), x)) == "softmax<0>(x0, x1)");
  CHECK(to_string(derivative(gradus::logsumexp(x, y, x * y), x)) ==
        "softmax<0>(x0, x1, x0*x1) + x1*softmax<2>(x0, x1, x0*x1)");
  CHECK(to_string(derivative(gradus::logsumexp(y, 1.0), x)) == "0");
  const auto s = gradus::softmax_weight<0>(gradus::logsumexp(x, y));
  CHECK(to_string(derivative(s, x)) == "softmax<0>(x0, x1)*(1 - softmax<0>(x0, x1))");
  CHECK(to_string(derivative(s, y)) == "-softmax<0>(x0, x1)*softmax<1>(x0, x1)");
}

TEST_CASE("data columns are constants of differentiation", "[derivative]") {
  auto [a, b] = gradus::variables<2>();
  constexpr gradus::col<0> xi{};
  constexpr gradus::col<1> yi{};
  const auto z = a * xi + b;
  const auto loss = -(yi * gradus::log_sigmoid(z) + (1 - yi) * gradus::log_sigmoid(-z));
  CHECK(to_string(derivative(z, a)) == "c0");
  CHECK(to_string(derivative(loss, b)) ==
        "-(c1*sigmoid(-(x0*c0 + x1)) + (1 - c1)*(-sigmoid(x0*c0 + x1)))");
}

TEST_CASE("derivative of a symbolic vector is the vector of derivatives", "[derivative]") {
  const auto F = gradus::vector(x * x + 5 * y, 3 * x * gradus::sin(y), x * y * y);
  CHECK(to_string(derivative(F, x)) == "[2*x0, 3*sin(x1), x1*x1]");
  CHECK(to_string(derivative(F, y)) == "[5, 3*x0*cos(x1), 2*x0*x1]");
}

TEST_CASE("derivative is usable in constant expressions", "[derivative]") {
  constexpr gradus::var<0> t{};
  constexpr auto d = derivative(t * t + 3 * t, t);
  STATIC_REQUIRE(d.rhs.value == 3.0);
  STATIC_REQUIRE(
      same<decltype(d.lhs), gradus::binary<gradus::op::mul, gradus::integer<2>, gradus::var<0>>>);
  constexpr auto r = derivative(gradus::pow(t, 2.5), t);
  STATIC_REQUIRE(r.lhs.value == 2.5);
  STATIC_REQUIRE(r.rhs.op.exponent == 1.5);
}
