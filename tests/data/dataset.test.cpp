// Datasets: what they accept (contiguous columns of double, no copy) and what they refuse,
// with messages that name the column; and the placeholders columns<K>().
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

#include <gradus/gradus.hpp>

TEST_CASE("columns<K>() gives the placeholders col<0> … col<K-1>", "[data][dataset]") {
  auto [xi, yi] = gradus::columns<2>();
  STATIC_REQUIRE(std::is_same_v<decltype(xi), gradus::col<0>>);
  STATIC_REQUIRE(std::is_same_v<decltype(yi), gradus::col<1>>);
  auto [a] = gradus::variables<1>();
  const auto loss = gradus::square(a * xi - yi);
  STATIC_REQUIRE(gradus::columns_v<decltype(loss)> == 2);
  STATIC_REQUIRE(gradus::arity_v<decltype(loss)> == 1);
  STATIC_REQUIRE(decltype(gradus::columns<5>())::size == 5);
}

TEST_CASE("a dataset reads std::vector, std::span, std::array and Eigen columns in place", "[data][dataset]") {
  std::vector<double> v{1, 2, 3, 4};
  std::array<double, 4> arr{5, 6, 7, 8};
  Eigen::VectorXd e(4);
  e << 9, 10, 11, 12;
  Eigen::Vector4d fixed(13, 14, 15, 16);
  Eigen::MatrixXd M(6, 2);  // column-major: a column is contiguous, a row is not
  M.setRandom();
  const double raw[4] = {17, 18, 19, 20};

  const auto d = gradus::dataset(v, std::span<const double>(arr), e, fixed, M.col(1).segment(1, 4),
                                 Eigen::Map<const Eigen::VectorXd>(raw, 4));
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(d)>, gradus::dataset<6>>);
  CHECK(d.size() == 4);
  CHECK(d.column(0) == v.data());  // no copy
  CHECK(d.column(1) == arr.data());
  CHECK(d.column(2) == e.data());
  CHECK(d.column(3) == fixed.data());
  CHECK(d.column(4) == &M(1, 1));
  CHECK(d.column(5) == raw);
  CHECK(d.column_span(2)[3] == 12);

  auto copy = d;  // copies pointers, not data
  const gradus::dataset deduced(copy);
  CHECK(deduced.column(0) == v.data());

  const auto r = d.rows(1, 2);
  CHECK(r.size() == 2);
  CHECK(r.column(0)[0] == 2);
  CHECK(r.column(5)[1] == 19);
  CHECK_THROWS_AS(d.rows(3, 2), std::out_of_range);
}

TEST_CASE("columns of different lengths: the message names each column and its length", "[data][dataset]") {
  std::vector<double> x(100, 1.0), y(99, 0.0), w(100, 2.0);
  CHECK_THROWS_AS(gradus::dataset(x, y, w), std::invalid_argument);
  CHECK_THROWS_WITH(gradus::dataset(x, y, w), Catch::Contains("different lengths") &&
                                                  Catch::Contains("col<0> has 100 rows") &&
                                                  Catch::Contains("col<1> has 99 rows") &&
                                                  Catch::Contains("col<2> has 100 rows"));
}

TEST_CASE("an empty dataset (m = 0) is a clear error", "[data][dataset]") {
  std::vector<double> x, y;
  CHECK_THROWS_WITH(gradus::dataset(x, y), Catch::Contains("empty (0 rows)"));
  CHECK_THROWS_WITH(gradus::dataset(gradus::unchecked, x, y), Catch::Contains("empty (0 rows)"));
  auto [a] = gradus::variables<1>();
  auto [xi] = gradus::columns<1>();
  CHECK_THROWS_WITH(gradus::mean_over(a * xi, gradus::dataset(x)), Catch::Contains("at least one example"));
}

TEST_CASE("NaN and Inf in the data are found at construction, with column and row", "[data][dataset]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  // long enough that the SIMD scan covers full chunks and a tail
  for (std::size_t m : {1, 3, 1000, 5003}) {
    for (std::size_t at : {std::size_t{0}, m / 2, m - 1}) {
      for (double bad : {nan, inf, -inf}) {
        std::vector<double> x(m, 0.5), y(m, 1.0);
        y[at] = bad;
        INFO("m = " << m << ", row " << at << ", value " << bad);
        CHECK_THROWS_WITH(gradus::dataset(x, y), Catch::Contains("col<1>") &&
                                                     Catch::Contains("at row " + std::to_string(at) + ";") &&
                                                     Catch::Contains("non-finite"));
        const auto unchecked = gradus::dataset(gradus::unchecked, x, y);  // the documented switch
        CHECK(unchecked.size() == m);
        CHECK_THROWS_WITH(unchecked.check_finite(), Catch::Contains("at row " + std::to_string(at) + ";"));
      }
    }
  }
  std::vector<double> big(4096, std::numeric_limits<double>::max());  // huge but finite: accepted
  CHECK_NOTHROW(gradus::dataset(big));
}

TEST_CASE("skipping the check: NaN reaches the objective's value, it is not averaged away", "[data][dataset]") {
  std::vector<double> x{1, 2, std::numeric_limits<double>::quiet_NaN(), 4, 5};
  auto [a] = gradus::variables<1>();
  auto [xi] = gradus::columns<1>();
  const auto J = gradus::mean_over(gradus::square(a - xi), gradus::dataset(gradus::unchecked, x));
  CHECK(std::isnan(J.value(Eigen::Matrix<double, 1, 1>(0.0))));
}

TEST_CASE("a strided Eigen view (a row of a column-major matrix) is refused", "[data][dataset]") {
  Eigen::MatrixXd M = Eigen::MatrixXd::Ones(3, 5);
  CHECK_THROWS_WITH(gradus::dataset(M.row(0)), Catch::Contains("col<0> is a strided Eigen view"));
}
