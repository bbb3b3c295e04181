// mean_over / sum_over: linear least squares against a plain loop; parameter types; minibatch
// views; threads; the scalar lane path. (Logistic regression: logistic.test.cpp.)
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <numeric>
#include <type_traits>
#include <vector>

#include <gradus/gradus.hpp>

#include "reference.hpp"

using data_test::parameters;
using data_test::relative_error;

TEST_CASE("linear least squares matches a plain loop; its Hessian is 2·AᵀA", "[data][objective]") {
  constexpr std::size_t D = 3;
  for (std::size_t m : {1, 6, 1500}) {
    const auto t = data_test::random_table<D>(m, false, 3 + unsigned(m));
    const Eigen::Vector4d theta(0.5, -1.0, 0.25, 2.0);
    const auto ref = data_test::least_squares_reference(t, theta);
    const auto J = gradus::sum_over(data_test::least_squares_loss<D>(), t.data());
    INFO("m = " << m);
    const auto [v, g, H] = J.value_gradient_hessian(theta);
    CHECK(v == Approx(ref.value).epsilon(1e-12));
    CHECK(relative_error(g, ref.gradient) < 1e-12);
    CHECK(relative_error(H, ref.hessian) < 1e-12);
    CHECK(relative_error(J.gradient(theta), ref.gradient) < 1e-12);
  }
}

TEST_CASE("parameters: Eigen::VectorXd, std::array and points longer than the loss's arity", "[data][objective]") {
  const auto t = data_test::random_table<2>(37, true, 5);
  const auto J = gradus::mean_over(data_test::logistic_loss<2>(), t.data());
  const Eigen::Vector3d fixed(0.1, -0.2, 0.3);
  const Eigen::VectorXd dynamic = fixed;
  const std::array<double, 3> array{0.1, -0.2, 0.3};
  const Eigen::Vector4d longer(0.1, -0.2, 0.3, 9.0);

  CHECK(J.value(dynamic) == J.value(fixed));
  CHECK(J.value(array) == J.value(fixed));
  const Eigen::VectorXd gd = J.gradient(dynamic);
  CHECK(gd == J.gradient(fixed));
  const auto g4 = J.gradient(longer);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(g4)>, Eigen::Vector4d>);
  CHECK(g4.head<3>() == J.gradient(fixed));
  CHECK(g4[3] == 0.0);
  const auto H4 = J.hessian(longer);
  CHECK(H4.topLeftCorner<3, 3>() == J.hessian(fixed));
  CHECK(H4.row(3).isZero(0.0));
  CHECK(H4.col(3).isZero(0.0));

  const Eigen::VectorXd too_short = Eigen::VectorXd::Zero(2);
  CHECK_THROWS_WITH(J.value(too_short), Catch::Contains("2 coordinates") && Catch::Contains("3 variables"));
}

TEST_CASE("batch(first, count) and subset(rows) are the objective over those rows", "[data][objective][minibatch]") {
  constexpr std::size_t D = 4;
  const auto t = data_test::random_table<D>(1000, true, 21);
  const auto theta = parameters<D>();
  const Eigen::VectorXd theta_x = theta;
  const auto J = gradus::mean_over(data_test::logistic_loss<D>(), t.data());

  // contiguous rows 100 … 136: the loop over the same rows, divided by 37
  std::vector<std::size_t> range(37);
  std::iota(range.begin(), range.end(), std::size_t{100});
  const auto ref = data_test::logistic_reference(t, theta_x, range);
  const auto b = J.batch(100, 37);
  CHECK(b.size() == 37);
  CHECK(b.value(theta) == Approx(ref.value / 37).epsilon(1e-13));
  CHECK(relative_error(b.gradient(theta), ref.gradient / 37) < 1e-13);
  CHECK(relative_error(b.hessian(theta), ref.hessian / 37) < 1e-13);

  // rows picked in any order, repeats allowed (the view gathers them)
  const std::vector<std::size_t> rows{999, 3, 3, 512, 0, 77, 640, 641, 12};
  const auto s = J.subset(rows);
  const auto sref = data_test::logistic_reference(t, theta_x, rows);
  CHECK(s.size() == rows.size());
  CHECK(s.value(theta) == Approx(sref.value / 9).epsilon(1e-13));
  CHECK(relative_error(s.gradient(theta), sref.gradient / 9) < 1e-13);
  CHECK(relative_error(s.hessian(theta), sref.hessian / 9) < 1e-13);

  // a batch of an index view is the view over a slice of the index list
  const auto sb = s.batch(2, 4);
  const auto sbref = data_test::logistic_reference(t, theta_x, std::vector<std::size_t>(rows.begin() + 2, rows.begin() + 6));
  CHECK(sb.value(theta) == Approx(sbref.value / 4).epsilon(1e-13));

  // sum_over views sum
  const auto S = gradus::sum_over(data_test::logistic_loss<D>(), t.data());
  CHECK(S.subset(rows).value(theta) == Approx(sref.value).epsilon(1e-13));
  CHECK(S.batch(100, 37).value(theta) == Approx(ref.value).epsilon(1e-13));

  // a batch covering everything is the objective itself, bit for bit
  CHECK(J.batch(0, 1000).value(theta) == J.value(theta));

  CHECK_THROWS_AS(J.batch(990, 11), std::out_of_range);
  CHECK_THROWS_AS(J.batch(0, 0), std::out_of_range);
  const std::vector<std::size_t> bad{1, 1000};
  CHECK_THROWS_WITH(J.subset(bad), Catch::Contains("rows[1] = 1000") && Catch::Contains("1000 rows"));
  CHECK_THROWS_AS(J.subset(std::span<const std::size_t>{}), std::invalid_argument);
}

TEST_CASE("the result does not depend on the number of threads, bit for bit", "[data][objective][threads]") {
  constexpr std::size_t D = 4;
  const std::size_t m = 20 * gradus::detail::data_block_rows + 37;
  auto t = data_test::random_table<D>(m, true, 99);
  for (std::size_t i = 0; i < m; i += 7) t.columns[0][i] *= 1e6;  // mixed magnitudes: rounding shows
  const auto theta = parameters<D>();
  const auto loss = data_test::logistic_loss<D>();
  const auto one = gradus::mean_over(loss, t.data(), gradus::data_options{.threads = 1});
  const auto [v1, g1, h1] = one.value_gradient_hessian(theta);
  std::vector<std::size_t> rows(5000);  // a shuffled minibatch of several blocks
  for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = (k * 7919) % m;
  for (std::size_t threads : {2, 3, 5, 8, 0}) {
    INFO("threads = " << threads);
    const auto many = gradus::mean_over(loss, t.data(), gradus::data_options{.threads = threads});
    CHECK(many.options().threads == threads);
    const auto [v, g, h] = many.value_gradient_hessian(theta);
    CHECK(v == v1);
    CHECK(g == g1);
    CHECK(h == h1);
    CHECK(many.value(theta) == one.value(theta));
    CHECK(many.gradient(theta) == one.gradient(theta));
    CHECK(many.subset(rows).value(theta) == one.subset(rows).value(theta));
    CHECK(many.subset(rows).gradient(theta) == one.subset(rows).gradient(theta));
  }
  const auto ref = data_test::logistic_reference(t, Eigen::VectorXd(theta));
  CHECK(v1 == Approx(ref.value / double(m)).epsilon(1e-12));
}

TEST_CASE("the scalar lane path (GRADUS_DATA_SCALAR builds) agrees with the SIMD path", "[data][objective]") {
  constexpr std::size_t D = 4;
  const auto t = data_test::random_table<D>(2 * gradus::detail::data_block_rows + 5, true, 4);
  const auto theta = parameters<D>();
  const auto loss = data_test::logistic_loss<D>();
  const gradus::detail::compiled<std::remove_cvref_t<decltype(loss)>> c(loss);
  const auto data = t.data();
  gradus::detail::contiguous_rows<D + 1> rows{};
  for (std::size_t j = 0; j <= D; ++j) rows.column[j] = data.column(j);
  std::array<double, D + 1> th{};
  for (std::size_t j = 0; j <= D; ++j) th[j] = theta[Eigen::Index(j)];
  using gradus::detail::data_need;
  const auto scalar = gradus::detail::reduce_rows<data_need::hessian, double>(c, th, {}, rows, data.size(), 1);
  const auto simd = gradus::detail::reduce_rows<data_need::hessian, gradus::simd_double>(c, th, {}, rows, data.size(), 1);
  REQUIRE(scalar.size() == simd.size());
  for (std::size_t k = 0; k < scalar.size(); ++k) CHECK(scalar[k] == Approx(simd[k]).epsilon(1e-13).margin(1e-13));
}

TEST_CASE("hessian_vector_product is the Hessian times w, without forming it", "[data][objective]") {
  constexpr std::size_t D = 4;
  const auto t = data_test::random_table<D>(1237, true, 31);
  const auto theta = parameters<D>();
  const Eigen::Matrix<double, D + 1, 1> w(1.0, -2.0, 0.5, 0.25, 3.0);
  for (std::size_t threads : {1, 2}) {
    const auto J = gradus::mean_over(data_test::logistic_loss<D>(), t.data(), gradus::data_options{.threads = threads});
    const auto Hw = J.hessian_vector_product(theta, w);
    CHECK(relative_error(Hw, J.hessian(theta) * w) < 1e-13);
    const std::vector<std::size_t> rows{3, 1, 4, 1, 5, 9, 2, 6};
    const auto s = J.subset(rows);
    CHECK(relative_error(s.hessian_vector_product(theta, w), s.hessian(theta) * w) < 1e-13);
  }
}

namespace {
/// What gradus::sgd asks of a data objective (optim/sgd.hpp): size(), and subset(rows) giving
/// an objective over those rows with value and gradient at the same parameter type.
template <class F, class X>
concept minibatch_objective = requires(const F& f, const X& x, std::span<const std::size_t> rows) {
  { f.size() } -> std::convertible_to<std::size_t>;
  { f.value(x) } -> std::convertible_to<double>;
  { f.gradient(x) } -> std::convertible_to<X>;
  { f.subset(rows).value(x) } -> std::convertible_to<double>;
  { f.subset(rows).gradient(x) } -> std::convertible_to<X>;
  { f.batch(std::size_t{0}, std::size_t{1}).gradient(x) } -> std::convertible_to<X>;
  f.value_and_gradient(x);
  f.hessian(x);
  f.hessian_vector_product(x, x);
};
}  // namespace

TEST_CASE("a data objective has what the minibatch solvers need", "[data][objective][minibatch]") {
  using J = decltype(gradus::mean_over(data_test::logistic_loss<2>(), std::declval<gradus::dataset<3>>()));
  STATIC_REQUIRE(minibatch_objective<J, Eigen::Vector3d>);
  STATIC_REQUIRE(minibatch_objective<J, Eigen::VectorXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(std::declval<J>().hessian(Eigen::Vector3d())), Eigen::Matrix3d>);
}

TEST_CASE("subexpressions of θ alone are computed once per evaluation, with the same results", "[data][objective]") {
  // −log N(x | μ, e^s) with σ = e^s: log σ, e^s and 1/σ read no column (row-invariant, prepared
  // once per call); (x − μ)/σ does. Value, gradient, Hessian and H·w against a plain loop.
  using namespace gradus;
  auto [mu, s] = variables<2>();
  constexpr col<0> xi{};
  const auto sigma = exp(s);
  const auto r = (xi - mu) / sigma;
  const auto loss = log(sigma) + 0.5 * r * r + 0.1 * log_sigmoid(s) * xi + log_sigmoid(-s);
  using tape = detail::tape<std::remove_cvref_t<decltype(loss)>>;
  constexpr auto hoisted = [] {
    int n = 0;
    for (std::size_t k = 0; k < tape::size; ++k) n += detail::row_invariant<tape>::hoisted(k);
    return n;
  };
  STATIC_REQUIRE(hoisted() >= 4);  // exp(s), log(exp(s)), log σ(s), −s, log σ(−s)

  std::vector<double> xs;
  for (int i = 0; i < 23; ++i) xs.push_back(std::sin(1.3 * i) * 3 + 0.5);
  const auto J = sum_over(loss, dataset(xs));
  const Eigen::Vector2d th(0.4, -0.7), w(0.3, -1.1);
  const double sg = std::exp(th[1]);
  const double ls = -std::log1p(std::exp(-th[1])), lsm = -std::log1p(std::exp(th[1]));  // log σ(s), log σ(−s)
  const double sig = 1 / (1 + std::exp(-th[1]));
  double v0 = 0;
  Eigen::Vector2d g0 = Eigen::Vector2d::Zero();
  Eigen::Matrix2d H0 = Eigen::Matrix2d::Zero();
  for (double x : xs) {
    const double rr = (x - th[0]) / sg;
    v0 += th[1] + 0.5 * rr * rr + 0.1 * ls * x + lsm;
    g0 += Eigen::Vector2d(-rr / sg, 1 - rr * rr + 0.1 * (1 - sig) * x - sig);
    H0(0, 0) += 1 / (sg * sg);
    H0(0, 1) += 2 * rr / sg;
    H0(1, 1) += 2 * rr * rr - 0.1 * sig * (1 - sig) * x - sig * (1 - sig);
  }
  H0(1, 0) = H0(0, 1);
  const auto [v, g, H] = J.value_gradient_hessian(th);
  CHECK(v == Approx(v0).epsilon(1e-13));
  for (int a = 0; a < 2; ++a) {
    CHECK(g[a] == Approx(g0[a]).epsilon(1e-12));
    CHECK(J.gradient(th)[a] == Approx(g0[a]).epsilon(1e-12));
    CHECK(J.hessian_vector_product(th, w)[a] == Approx((H0 * w)[a]).epsilon(1e-12));
    for (int b = 0; b < 2; ++b) CHECK(H(a, b) == Approx(H0(a, b)).epsilon(1e-12));
  }
}
