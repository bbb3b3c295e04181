// Shared subexpressions are computed once: the tape of an expression is a DAG in which a
// stateless subtree that occurs several times is one node.
#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;

TEST_CASE("a subexpression used twice is one tape node") {
  auto [a, b] = variables<2>();
  auto [xi, yi] = std::tuple{col<0>{}, col<1>{}};
  auto z = a * xi + b;
  auto s = sigmoid(z);
  auto L = yi * log(s) + (1 - yi) * log(1 - s);
  using tape = detail::tape<decltype(L)>;
  // The tree has two copies of s = sigmoid(a*xi + b) (5 nodes each); the tape keeps one.
  STATIC_REQUIRE(detail::node_count<decltype(L)>::value - tape::size >= 5);
  constexpr auto count_sigmoids = [] {
    int n = 0;
    for (std::size_t k = 0; k < tape::size; ++k) n += tape::node(k).code == detail::opcode::sigmoid;
    return n;
  };
  STATIC_REQUIRE(count_sigmoids() == 1);
}

TEST_CASE("sharing also holds across the rows of a vector function, and for variables") {
  auto [x, y] = variables<2>();
  auto e = exp(x * y);
  using tape = detail::tape<decltype(e + x), decltype(e * y), decltype(sin(e))>;
  constexpr auto count = [](detail::opcode code) {
    int n = 0;
    for (std::size_t k = 0; k < tape::size; ++k) n += tape::node(k).code == code;
    return n;
  };
  STATIC_REQUIRE(count(detail::opcode::exp) == 1);
  STATIC_REQUIRE(count(detail::opcode::var) == 2);
}

TEST_CASE("runtime constants are never merged, even when equal in type") {
  auto [x] = variables<1>();
  auto f = 2.0 * x + 3.0 * x;  // same type twice, different values
  CHECK(value(f, 1.0) == 5.0);
  CHECK(gradient(f, 1.0)[0] == 5.0);
  auto g = exp(2.0 * x) + exp(3.0 * x);
  CHECK(value(g, 0.5) == Approx(std::exp(1.0) + std::exp(1.5)));
}

TEST_CASE("the Hessian of a separable sum touches only its nonzero pattern") {
  auto X = variables<6>();
  auto f = sum(vector(square(get<0>(X) * get<1>(X)), square(get<2>(X) * get<3>(X)), square(get<4>(X) * get<5>(X))));
  const auto H = hessian(f, Eigen::Matrix<double, 6, 1>::Constant(2.0));
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j)
      if (i / 2 != j / 2) CHECK(H(i, j) == 0.0);
  CHECK(H(0, 1) == Approx(4 * 2 * 2));  // ∂²(x0 x1)²/∂x0∂x1 = 4 x0 x1
}
