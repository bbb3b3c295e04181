#include <array>
#include <cmath>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <gradus/gradus.hpp>

using namespace gradus;

TEST_CASE("textbook: gradient of x^2 + 2xy + y^3 at (3, 2) is (10, 18), Hessian [[2, 2], [2, 12]]") {
  auto [x, y] = variables<2>();
  auto f = x * x + 2 * x * y + pow<3>(y);
  STATIC_REQUIRE(arity_v<decltype(f)> == 2);
  CHECK(value(f, 3.0, 2.0) == 29.0);
  CHECK(f(3.0, 2.0) == 29.0);
  const auto g = gradient(f, 3.0, 2.0);
  CHECK(g == Eigen::Vector2d(10, 18));
  CHECK(gradient(f, Eigen::Vector2d(3, 2), forward_mode) == Eigen::Vector2d(10, 18));
  CHECK(gradient(f, Eigen::Vector2d(3, 2), reverse_mode) == Eigen::Vector2d(10, 18));
  const auto H = hessian(f, 3.0, 2.0);
  CHECK(H == (Eigen::Matrix2d() << 2, 2, 2, 12).finished());
  auto [v, g2] = value_and_gradient(f, std::array{3.0, 2.0});
  CHECK(v == 29.0);
  CHECK(g2 == Eigen::Vector2d(10, 18));
  auto [v3, g3, H3] = value_gradient_hessian(f, Eigen::Vector2d(3, 2));
  CHECK(v3 == 29.0);
  CHECK(g3 == g);
  CHECK(H3 == H);
  CHECK(directional_derivative(f, Eigen::Vector2d(3, 2), Eigen::Vector2d(1, -1)) == -8.0);
  CHECK(hessian_vector_product(f, Eigen::Vector2d(3, 2), Eigen::Vector2d(1, -1)) == Eigen::Vector2d(0, -10));
}

TEST_CASE("every point form gives the same result, sized as the point") {
  auto [x, y] = variables<2>();
  auto f = exp(x) * sin(y);
  const Eigen::Vector2d e(0.3, 0.7);
  const auto g = gradient(f, e);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(g)>, Eigen::Vector2d>);
  CHECK(gradient(f, 0.3, 0.7) == g);
  CHECK(gradient(f, std::array{0.3, 0.7}) == g);
  // A larger point: the extra coordinates are ignored and their derivatives are zero.
  const Eigen::Vector3d e3(0.3, 0.7, 5.0);
  const auto g3 = gradient(f, e3);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(g3)>, Eigen::Vector3d>);
  CHECK(g3.head<2>() == g);
  CHECK(g3[2] == 0.0);
  CHECK(hessian(f, e3).row(2).isZero());
  // Dynamic size.
  Eigen::VectorXd d(2);
  d << 0.3, 0.7;
  CHECK(gradient(f, d) == g);
  CHECK(hessian(f, d) == hessian(f, e));
  // Integers are promoted.
  CHECK(value(x * y, 3, 2) == 6.0);
}

TEST_CASE("a dynamic point with too few coordinates is a clear runtime error") {
  auto [x, y] = variables<2>();
  Eigen::VectorXd d(1);
  d << 1.0;
  CHECK_THROWS_WITH(gradient(x * y, d), Catch::Contains("the point has 1 coordinates but the expression uses 2 variables"));
  CHECK_THROWS_AS(hessian(x * y, d), std::invalid_argument);
}

TEST_CASE("Jacobian of (x1^2 + 5 x2, 3 x1 sin x2, x1 x2^2)") {
  auto [x1, x2] = variables<2>();
  auto F = vector(x1 * x1 + 5 * x2, 3 * x1 * sin(x2), x1 * x2 * x2);
  const double a = 1.5, b = -0.4;
  const auto J = jacobian(F, a, b);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(J)>, Eigen::Matrix<double, 3, 2>>);
  Eigen::Matrix<double, 3, 2> expected;
  expected << 2 * a, 5, 3 * std::sin(b), 3 * a * std::cos(b), b * b, 2 * a * b;
  CHECK((J - expected).cwiseAbs().maxCoeff() < 1e-15);
  const auto v = value(F, a, b);
  CHECK(v[0] == a * a + 5 * b);
  CHECK(v[2] == a * b * b);
}

TEST_CASE("least squares: gradient of 1/2 |Ax - b|^2 is A^T (Ax - b), Hessian A^T A") {
  Eigen::Matrix<double, 4, 3> A;
  A << 1, 2, 0, -1, 3, 1, 0.5, 0, 2, 4, -2, 1;
  const Eigen::Vector4d b(1, -2, 0.5, 3);
  auto X = variables<3>();
  auto f = 0.5 * squared_norm(constant(A) * X - b);
  const Eigen::Vector3d x(0.2, -0.7, 1.1);
  CHECK((gradient(f, x) - A.transpose() * (A * x - b)).norm() < 1e-13);
  CHECK((hessian(f, x) - A.transpose() * A).norm() < 1e-13);
  CHECK((gradient(f, x, forward_mode) - A.transpose() * (A * x - b)).norm() < 1e-13);
}

TEST_CASE("float and SIMD batches evaluate the same expression") {
  auto [x, y] = variables<2>();
  auto f = log1p(x * x) * tanh(y) + sigmoid(x - y);
  const auto gd = gradient(f, 0.4, -1.2);
  const auto gf = gradient(f, 0.4f, -1.2f);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(gf)>, Eigen::Vector2f>);
  CHECK(gf[0] == Approx(gd[0]).epsilon(1e-5));
  CHECK(gf[1] == Approx(gd[1]).epsilon(1e-5));
  // Each lane of a batch is an independent point.
  alignas(64) double xs[simd_width], ys[simd_width];
  for (std::size_t i = 0; i < simd_width; ++i) {
    xs[i] = 0.1 * double(i) - 0.3;
    ys[i] = 1.0 - 0.2 * double(i);
  }
  const std::array<simd_double, 2> p{simd_double::load_aligned(xs), simd_double::load_aligned(ys)};
  const auto gb = gradient(f, p);
  const auto Hb = hessian(f, p);
  for (std::size_t i = 0; i < simd_width; ++i) {
    const auto g = gradient(f, xs[i], ys[i]);
    const auto H = hessian(f, xs[i], ys[i]);
    CHECK(detail::math::lane(gb[0], i) == Approx(g[0]).epsilon(1e-13));
    CHECK(detail::math::lane(gb[1], i) == Approx(g[1]).epsilon(1e-13));
    CHECK(detail::math::lane(Hb(0, 1), i) == Approx(H(0, 1)).epsilon(1e-12));
    CHECK(detail::math::lane(Hb(1, 1), i) == Approx(H(1, 1)).epsilon(1e-12));
  }
}

TEST_CASE("polynomial and rational expressions evaluate in constant expressions") {
  constexpr var<0> t{};
  constexpr var<1> s{};
  STATIC_REQUIRE(value(t * t + 3 * t, 2.0) == 10.0);
  constexpr auto f = t * t + 2 * t * s + pow<3>(s);
  STATIC_REQUIRE(gradient_array(f, std::array{3.0, 2.0})[0] == 10.0);
  STATIC_REQUIRE(gradient_array(f, std::array{3.0, 2.0})[1] == 18.0);
  STATIC_REQUIRE(hessian_array(f, std::array{3.0, 2.0})[0][1] == 2.0);
  STATIC_REQUIRE(hessian_array(f, std::array{3.0, 2.0})[1][1] == 12.0);
  constexpr auto r = t / (1 + s * s);
  STATIC_REQUIRE(gradient_array(r, std::array{2.0, 1.0})[1] == -1.0);  // −2ts/(1+s²)² = −4/4
  STATIC_REQUIRE(hessian_array(r, std::array{2.0, 1.0})[0][1] == -0.5);
}

TEST_CASE("logsumexp of (1000, 990, 980) is finite and exact; its gradient is the softmax") {
  auto [a, b, c] = variables<3>();
  auto l = logsumexp(a, b, c);
  const double expected = 1000.0 + std::log1p(std::exp(-10.0) + std::exp(-20.0));
  CHECK(value(l, 1000.0, 990.0, 980.0) == Approx(expected).epsilon(1e-15));
  const auto g = gradient(l, 1000.0, 990.0, 980.0);
  const double s = 1 + std::exp(-10.0) + std::exp(-20.0);
  CHECK(g[0] == Approx(1 / s).epsilon(1e-15));
  CHECK(g[1] == Approx(std::exp(-10.0) / s).epsilon(1e-14));
  CHECK(g.sum() == Approx(1.0).epsilon(1e-15));
  const auto H = hessian(l, 1000.0, 990.0, 980.0);
  CHECK(H(0, 1) == Approx(-g[0] * g[1]).epsilon(1e-14));
  CHECK(H(1, 1) == Approx(g[1] - g[1] * g[1]).epsilon(1e-14));
}
