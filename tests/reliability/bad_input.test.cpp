// Every runtime row of docs/sections/reliability.md ("bad input and what you get"), one check
// each, with the exact sentence or status a user sees. The compile-time rows are the files in
// tests/compile_fail/.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <gradus/gradus.hpp>

namespace {
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
constexpr double pinf = std::numeric_limits<double>::infinity();
using vec1 = Eigen::Matrix<double, 1, 1>;

bool all_nan(const Eigen::VectorXd& v) { return v.array().isNaN().all(); }
}  // namespace

// ---- expressions: evaluation --------------------------------------------------

TEST_CASE("bad input: a dynamic point with too few coordinates throws", "[reliability][bad_input]") {
  auto [x, y] = gradus::variables<2>();
  const Eigen::VectorXd p = Eigen::VectorXd::Ones(1);
  CHECK_THROWS_WITH(gradus::value(x * y, p),
                    "gradus::value: the point has 1 coordinates but the expression uses 2 variables");
  CHECK_THROWS_WITH(gradus::gradient(x * y, p),
                    "gradus::gradient: the point has 1 coordinates but the expression uses 2 variables");
  CHECK_THROWS_AS(gradus::hessian(x * y, p), std::invalid_argument);
  CHECK_THROWS_AS(gradus::value_and_gradient(x * y, p), std::invalid_argument);
}

TEST_CASE("bad input: NaN and Inf at a point propagate, evaluation never throws", "[reliability][bad_input]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = x * x + 2 * x * y + gradus::pow<3>(y);
  CHECK(std::isnan(gradus::value(f, qnan, 1.0)));
  CHECK(all_nan(gradus::gradient(f, Eigen::Vector2d(qnan, 1.0)).segment<1>(0)));
  CHECK(std::isnan(gradus::gradient(f, Eigen::Vector2d(1.0, qnan))[1]));
  CHECK(gradus::value(f, 1.0, pinf) == pinf);
  CHECK(std::isnan(gradus::value(f, 0.0, pinf)));  // 2·0·∞ is NaN in IEEE arithmetic
  // ∞ − ∞ inside the expression: NaN, not an exception.
  CHECK(std::isnan(gradus::value(x - y, pinf, pinf)));
  const auto [v, g, H] = gradus::value_gradient_hessian(f, Eigen::Vector2d(qnan, qnan));
  CHECK(std::isnan(v));
  CHECK(all_nan(g));
  CHECK(H.array().isNaN().any());
}

TEST_CASE("bad input: a point outside a function's domain gives IEEE results", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  CHECK(std::isnan(gradus::value(gradus::log(x), -1.0)));
  CHECK(gradus::value(gradus::log(x), 0.0) == -pinf);
  CHECK(std::isnan(gradus::value(gradus::sqrt(x), -1.0)));
  CHECK(gradus::gradient(gradus::sqrt(x), vec1(0.0))[0] == pinf);
  CHECK(gradus::value(gradus::exp(x), 1000.0) == pinf);
  // The overflow-safe forms stay finite where the naive formula would overflow.
  CHECK(std::isfinite(gradus::value(gradus::softplus(x), 1000.0)));
  CHECK(std::isfinite(gradus::value(gradus::log_sigmoid(x), -1000.0)));
}

// ---- derivatives ---------------------------------------------------------------

TEST_CASE("bad input: the derivative with respect to an absent variable is the constant 0", "[reliability][bad_input]") {
  auto [x, y] = gradus::variables<2>();
  const auto d = gradus::derivative(x * x, y);
  CHECK(gradus::to_string(d) == "0");
  CHECK(gradus::value(d, 3.0, 4.0) == 0.0);
}

// ---- datasets and data objectives ------------------------------------------------

TEST_CASE("bad input: dataset columns of different lengths", "[reliability][bad_input]") {
  std::vector<double> a{1, 2, 3}, b{1, 2};
  CHECK_THROWS_WITH(gradus::dataset(a, b),
                    "gradus::dataset: the columns have different lengths: col<0> has 3 rows, col<1> has 2 rows");
}

TEST_CASE("bad input: a dataset with 0 rows", "[reliability][bad_input]") {
  std::vector<double> a, b;
  CHECK_THROWS_WITH(gradus::dataset(a, b), "gradus::dataset: the columns are empty (0 rows); a data objective "
                                           "needs at least one example");
}

TEST_CASE("bad input: NaN or Inf in a dataset column", "[reliability][bad_input]") {
  std::vector<double> a{1, 2, 3}, b{1, pinf, 3};
  CHECK_THROWS_WITH(gradus::dataset(a, b), Catch::StartsWith("gradus::dataset: col<1> has a non-finite value (inf) at row 1;"));
  b[1] = qnan;
  CHECK_THROWS_WITH(gradus::dataset(a, b), Catch::Contains("col<1> has a non-finite value") && Catch::Contains("at row 1;"));
  // Opting out of the scan: the objective is NaN, never a silent average.
  auto [t] = gradus::variables<1>();
  auto [xi, yi] = gradus::columns<2>();
  const auto J = gradus::mean_over(gradus::square(t * xi - yi), gradus::dataset(gradus::unchecked, a, b));
  CHECK(std::isnan(J.value(vec1(1.0))));
  const auto r = gradus::minimize(J, vec1(1.0), gradus::gradient_descent{});
  CHECK(r.status == gradus::status::non_finite);
  CHECK_FALSE(r.converged());
}

TEST_CASE("bad input: a data objective at a dynamic point with too few parameters", "[reliability][bad_input]") {
  std::vector<double> a{1, 2, 3};
  auto [t0, t1] = gradus::variables<2>();
  auto [xi] = gradus::columns<1>();
  const auto J = gradus::mean_over(gradus::square(t0 * xi + t1), gradus::dataset(a));
  CHECK_THROWS_WITH(J.value(Eigen::VectorXd::Zero(1)),
                    Catch::Contains("the point has 1 coordinates but the expression uses 2 variables"));
}

TEST_CASE("bad input: a NaN point in a data objective propagates", "[reliability][bad_input]") {
  std::vector<double> a{1, 2, 3, 4, 5};
  auto [t] = gradus::variables<1>();
  auto [xi] = gradus::columns<1>();
  const auto J = gradus::mean_over(gradus::square(t - xi), gradus::dataset(a));
  CHECK(std::isnan(J.value(vec1(qnan))));
  CHECK(std::isnan(J.gradient(vec1(qnan))[0]));
}

TEST_CASE("bad input: a row range outside the dataset", "[reliability][bad_input]") {
  std::vector<double> a{1, 2, 3};
  CHECK_THROWS_WITH(gradus::dataset(a).rows(2, 2),
                    "gradus::dataset::rows(2, 2): a non-empty range inside the 3 rows is needed");
}

// ---- solvers ----------------------------------------------------------------------

TEST_CASE("bad input: a start point with NaN or Inf is non_finite, 0 iterations", "[reliability][bad_input]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = gradus::square(x - 1) + gradus::square(y);
  for (double bad : {qnan, pinf, -pinf}) {
    const auto r = gradus::minimize(f, Eigen::Vector2d(bad, 0.0), gradus::gradient_descent{});
    CHECK(r.status == gradus::status::non_finite);
    CHECK(r.iterations == 0);
    CHECK(r.message() == "Not started: the starting point contains NaN or Inf.");
  }
}

TEST_CASE("bad input: a start where f is not finite is non_finite", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  const auto r = gradus::minimize(-gradus::log(x) + x, vec1(0.0), gradus::gradient_descent{});
  CHECK(r.status == gradus::status::non_finite);
  CHECK(r.message() == "Not started: the objective's value is not finite at the starting point.");
}

TEST_CASE("bad input: an objective unbounded below is diverged", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  const auto r = gradus::minimize(3 * x - gradus::pow<3>(x), vec1(2.0), gradus::gradient_descent{});
  CHECK(r.status == gradus::status::diverged);
  CHECK_FALSE(r.converged());
  CHECK_THAT(r.message(), Catch::Contains("the objective appears to be unbounded below"));
}

TEST_CASE("bad input: a fixed step too large for the curvature is diverged", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  const auto r = gradus::minimize(5 * x * x, vec1(1.0), gradus::gradient_descent{.step = gradus::fixed_step{1.0}});
  CHECK(r.status == gradus::status::diverged);
  CHECK_THAT(r.message(), Catch::Contains("the step or learning rate is too large for the objective's curvature"));
  const auto a = gradus::minimize(5 * x * x, vec1(1.0), gradus::momentum{.learning_rate = 1.0, .momentum = 0.9});
  CHECK(a.status == gradus::status::diverged);
}

TEST_CASE("bad input: a NaN reached during the run is non_finite", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  // √x steps past 0 with a fixed step; √(negative) is NaN.
  const auto r = gradus::minimize(gradus::sqrt(x), vec1(1.0), gradus::gradient_descent{.step = gradus::fixed_step{4.0}});
  CHECK(r.status == gradus::status::non_finite);
  CHECK_FALSE(r.converged());
  CHECK_THAT(r.message(), Catch::Contains("became NaN or Inf"));
}

TEST_CASE("bad input: a gradient inconsistent with the value fails the line search", "[reliability][bad_input]") {
  struct wrong_gradient {  // f = x², but the gradient points uphill
    double value(const vec1& x) const { return x[0] * x[0]; }
    vec1 gradient(const vec1& x) const { return vec1(-2 * x[0]); }
  };
  const auto r = gradus::minimize(wrong_gradient{}, vec1(1.0), gradus::gradient_descent{});
  CHECK(r.status == gradus::status::line_search_failed);
  CHECK_THAT(r.message(), Catch::Contains("the line search found no step that decreases f enough"));
}

TEST_CASE("bad input: a dynamic x0 of the wrong size", "[reliability][bad_input]") {
  auto [x, y] = gradus::variables<2>();
  CHECK_THROWS_WITH(gradus::minimize(x * x + y * y, Eigen::VectorXd::Zero(1), gradus::adam{}),
                    "gradus::minimize: x0 has 1 coordinates but the expression uses 2 variables");
  struct quadratic2 {
    double value(const Eigen::VectorXd& v) const { return v.squaredNorm(); }
    Eigen::Vector2d gradient(const Eigen::VectorXd& v) const { return 2 * v; }
  };
  CHECK_THROWS_WITH(gradus::minimize(quadratic2{}, Eigen::VectorXd::Zero(3), gradus::gradient_descent{}),
                    "gradus::minimize: x0 has 3 coordinates but the objective's gradient has 2");
  struct any_size {
    double value(const Eigen::VectorXd& v) const { return v.squaredNorm(); }
    Eigen::VectorXd gradient(const Eigen::VectorXd& v) const { return 2 * v; }
  };
  CHECK_THROWS_WITH(gradus::minimize(any_size{}, Eigen::VectorXd(), gradus::gradient_descent{}),
                    "gradus::minimize: x0 is empty");
}

TEST_CASE("bad input: hyperparameters outside their range throw before the first step", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  const auto f = x * x;
  const vec1 x0(1.0);
  using gradus::minimize;
  CHECK_THROWS_WITH(minimize(f, x0, gradus::gradient_descent{.step = gradus::fixed_step{-0.1}}),
                    Catch::Contains("fixed_step needs a positive finite size"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::gradient_descent{.step = gradus::backtracking{.alpha = 0.7}}),
                    "gradus::backtracking: alpha must lie in (0, 1/2)");
  CHECK_THROWS_WITH(minimize(f, x0, gradus::gradient_descent{.step = gradus::backtracking{.beta = 1.0}}),
                    "gradus::backtracking: beta must lie in (0, 1)");
  CHECK_THROWS_WITH(minimize(f, x0, gradus::gradient_descent{.step = gradus::strong_wolfe{.c1 = 0.9, .c2 = 0.1}}),
                    "gradus::strong_wolfe: the constants must satisfy 0 < c1 < c2 < 1");
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.learning_rate = 0.0}),
                    Catch::Contains("the learning rate must be a positive finite number"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.learning_rate = qnan}),
                    Catch::Contains("the learning rate must be a positive finite number"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.beta1 = 1.0}), Catch::Contains("beta1 must lie in [0, 1)"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.beta2 = -0.1}), Catch::Contains("beta2 must lie in [0, 1)"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.epsilon = 0.0}), Catch::Contains("epsilon must be positive"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::momentum{.momentum = 1.0}), Catch::Contains("momentum must lie in [0, 1)"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::rmsprop{.decay = 1.5}), "gradus::rmsprop: decay must lie in [0, 1)");
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adagrad{.epsilon = -1.0}), "gradus::adagrad: epsilon must be positive");
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adadelta{.rho = 1.0}), "gradus::adadelta: rho must lie in (0, 1)");
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.learning_rate = gradus::linear_decay{.tau = 0}}),
                    Catch::Contains("linear_decay needs tau > 0"));
  CHECK_THROWS_WITH(minimize(f, x0, gradus::adam{.learning_rate = gradus::exponential_decay{.rho = -1}}),
                    Catch::Contains("exponential_decay needs initial > 0 and rho >= 0"));
}

TEST_CASE("bad input: options outside their range throw", "[reliability][bad_input]") {
  auto [x] = gradus::variables<1>();
  const vec1 x0(1.0);
  CHECK_THROWS_WITH(gradus::minimize(x * x, x0, gradus::gradient_descent{}, gradus::options{.gradient_tolerance = -1}),
                    "gradus::options: gradient_tolerance must be a finite number >= 0");
  CHECK_THROWS_WITH(gradus::minimize(x * x, x0, gradus::gradient_descent{}, gradus::options{.clip_norm = qnan}),
                    "gradus::options: clip_norm must be a finite number >= 0 (0 switches clipping off)");
  CHECK_THROWS_WITH(gradus::minimize(x * x, x0, gradus::gradient_descent{}, gradus::options{.weight_decay = -1}),
                    "gradus::options: weight_decay must be a finite number >= 0");
}

TEST_CASE("bad input: an empty feasible set is infeasible; a set of the wrong size throws", "[reliability][bad_input]") {
  auto [x, y] = gradus::variables<2>();
  const auto f = x * x + y * y;
  const auto r = gradus::minimize(f, Eigen::Vector2d::Zero(), gradus::projected_gradient{.set = gradus::ball{.radius = -1}});
  CHECK(r.status == gradus::status::infeasible);
  CHECK(r.message() == "Not started: the feasible set is empty (a box with lower > upper, or a negative radius).");
  CHECK_THROWS_WITH(gradus::minimize(f, Eigen::Vector2d::Zero(),
                                     gradus::projected_gradient{.set = gradus::box{.lower = Eigen::Vector3d::Zero(), .upper = Eigen::Vector3d::Ones()}}),
                    "gradus::projected_gradient: the box's lower bound has 3 coordinates but x0 has 2");
}

TEST_CASE("bad input: sgd with a batch size of 0", "[reliability][bad_input]") {
  std::vector<double> a{1, 2, 3};
  auto [t] = gradus::variables<1>();
  auto [xi] = gradus::columns<1>();
  const auto J = gradus::mean_over(gradus::square(t - xi), gradus::dataset(a));
  CHECK_THROWS_WITH(gradus::minimize(J, vec1(0.0), gradus::sgd{.batch_size = 0}),
                    "gradus::sgd: batch_size must be at least 1");
}
