// gradient_expr and hessian_expr: the textbook example, sizes, and the Hessian's symmetry
// as a fact about types.
#include <catch2/catch.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

#include <gradus/gradus.hpp>

using gradus::get;
using gradus::to_string;

namespace {
template <class A, class B>
constexpr bool same = std::is_same_v<std::remove_cvref_t<A>, std::remove_cvref_t<B>>;

/// Entry (i, j) and entry (j, i) of H have the same type, for every pair.
template <class H>
constexpr bool symmetric_types() {
  constexpr std::size_t n = std::tuple_size_v<H>;
  return []<std::size_t... K>(std::index_sequence<K...>) {
    return (same<decltype(get<K / n, K % n>(std::declval<const H&>())),
                 decltype(get<K % n, K / n>(std::declval<const H&>()))> &&
            ...);
  }
  (std::make_index_sequence<n * n>{});
}
}  // namespace

TEST_CASE("gradient_expr and hessian_expr of x^2 + 2xy + y^3", "[symbolic]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = x * x + 2 * x * y + gradus::pow<3>(y);
  const auto G = gradus::gradient_expr(f);
  const auto H = gradus::hessian_expr(f);
  STATIC_REQUIRE(std::tuple_size_v<std::remove_cvref_t<decltype(G)>> == 2);
  STATIC_REQUIRE(std::tuple_size_v<std::remove_cvref_t<decltype(H)>> == 2);
  CHECK(to_string(G) == "[2*x0 + 2*x1, 2*x0 + 3*square(x1)]");
  CHECK(to_string(H) == "[[2, 2], [2, 6*x1]]");
  STATIC_REQUIRE(same<decltype(get<0, 0>(H)), gradus::integer<2>>);
  STATIC_REQUIRE(same<decltype(get<1, 1>(H)),
                      gradus::binary<gradus::op::mul, gradus::integer<6>, gradus::var<1>>>);
  CHECK(get<0, 1>(H).value == 2.0);  // the runtime constant 2 of 2*x*y
  CHECK(get<1, 0>(H).value == 2.0);
  STATIC_REQUIRE(symmetric_types<std::remove_cvref_t<decltype(H)>>());
}

TEST_CASE("hessian_expr is symmetric in its types for every function", "[symbolic]") {
  auto [x, y, z] = gradus::variables<3>();
  const auto f = gradus::exp(x * y) * gradus::sin(z) + gradus::log1p(x * x) / (1 + y * y) +
                 gradus::logsumexp(x, 2 * y, z * x) + gradus::sigmoid(x - z) * gradus::tanh(y) +
                 gradus::pow(gradus::softplus(x), 1.5) + gradus::sqrt(1 + z * z) * gradus::abs(y) +
                 gradus::pow<-2>(2 + gradus::cos(y * z)) + gradus::log_sigmoid(x * y * z) +
                 gradus::tan(x / 4) + gradus::expm1(z) * gradus::square(y) +
                 gradus::log(2 + gradus::sin(x));
  const auto H = gradus::hessian_expr(f);
  STATIC_REQUIRE(symmetric_types<std::remove_cvref_t<decltype(H)>>());
  CHECK(to_string(get<0, 2>(H)) == to_string(get<2, 0>(H)));
  CHECK(to_string(get<1, 2>(H)) == to_string(get<2, 1>(H)));
}

TEST_CASE("sizes follow the arity; independent variables give zero rows", "[symbolic]") {
  constexpr gradus::var<0> x{};
  constexpr gradus::var<3> w{};
  const auto f = x * w;  // x1 and x2 do not occur
  const auto G = gradus::gradient_expr(f);
  const auto H = gradus::hessian_expr(f);
  STATIC_REQUIRE(std::tuple_size_v<std::remove_cvref_t<decltype(G)>> == 4);
  CHECK(to_string(G) == "[x3, 0, 0, x0]");
  CHECK(to_string(H) == "[[0, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0]]");
  CHECK(to_string(gradus::gradient_expr(gradus::integer<5>{})) == "[]");
  CHECK(to_string(gradus::hessian_expr(gradus::literal(1.5))) == "[]");
}

TEST_CASE("gradient_expr and hessian_expr are constant expressions", "[symbolic]") {
  constexpr gradus::var<0> x{};
  constexpr gradus::var<1> y{};
  constexpr auto H = gradus::hessian_expr(x * x * y + 0.5 * y * y);
  STATIC_REQUIRE(get<1, 1>(H).value == 1.0);
  STATIC_REQUIRE(same<decltype(get<0, 0>(H)),
                      gradus::binary<gradus::op::mul, gradus::integer<2>, gradus::var<1>>>);
  STATIC_REQUIRE(same<decltype(get<0, 1>(H)),
                      gradus::binary<gradus::op::mul, gradus::integer<2>, gradus::var<0>>>);
}
