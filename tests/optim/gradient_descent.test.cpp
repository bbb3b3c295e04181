// Gradient descent with fixed steps, schedules and each line search; stopping and status.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <gradus/optim.hpp>

#include "mgh.hpp"

namespace {
namespace mgh = gradus::test::mgh;

/// ½ xᵀHx with H = [[3, 2], [2, 3]] (eigenvalues 1 and 5: condition number 5).
struct conditioned_quadratic {
  static Eigen::Matrix2d h() { return (Eigen::Matrix2d() << 3, 2, 2, 3).finished(); }
  double value(const Eigen::Vector2d& x) const { return 0.5 * x.dot(h() * x); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return h() * x; }
  Eigen::Vector2d hessian_vector_product(const Eigen::Vector2d&, const Eigen::Vector2d& v) const { return h() * v; }
};

/// f = −x³ + 3x: a local minimum at x = −1, unbounded below as x → +∞.
struct cubic {
  double value(const Eigen::Matrix<double, 1, 1>& x) const { return -x[0] * x[0] * x[0] + 3 * x[0]; }
  Eigen::Matrix<double, 1, 1> gradient(const Eigen::Matrix<double, 1, 1>& x) const {
    return Eigen::Matrix<double, 1, 1>(-3 * x[0] * x[0] + 3);
  }
};

template <class F>
void check_gradient(const F& f, const typename F::vector& x) {
  const auto g = f.gradient(x);
  for (int i = 0; i < x.size(); ++i) {
    const double h = 1e-6 * std::fmax(1.0, std::fabs(x[i]));
    auto xp = x, xm = x;
    xp[i] += h, xm[i] -= h;
    const double fd = (f.value(xp) - f.value(xm)) / (2 * h);
    CHECK(g[i] == Approx(fd).epsilon(1e-5).margin(1e-6));
  }
}

template <class Problem>
gradus::result<typename Problem::vector> descend(gradus::step_rule rule, std::size_t max_iterations,
                                                 double tolerance) {
  return gradus::minimize(Problem{}, Problem::start(), gradus::gradient_descent{.step = rule},
                          gradus::options{.gradient_tolerance = tolerance, .max_iterations = max_iterations});
}
}  // namespace

TEST_CASE("MGH test problems: hand-written gradients agree with central differences", "[optim][mgh]") {
  check_gradient(mgh::rosenbrock{}, mgh::rosenbrock::start());
  check_gradient(mgh::freudenstein_roth{}, mgh::freudenstein_roth::start());
  check_gradient(mgh::powell_badly_scaled{}, Eigen::Vector2d(0.3, 1.7));
  check_gradient(mgh::beale{}, Eigen::Vector2d(0.7, 1.3));
  check_gradient(mgh::wood{}, mgh::wood::start());
  check_gradient(mgh::extended_rosenbrock<6>{}, Eigen::Matrix<double, 6, 1>::LinSpaced(-1, 2));
}

TEST_CASE("gradient descent with each line search solves Rosenbrock from (-1.2, 1)", "[optim][gradient_descent]") {
  const gradus::step_rule rules[] = {gradus::backtracking{}, gradus::strong_wolfe{}, gradus::exact_quadratic_step{}};
  for (const auto& rule : rules) {
    const auto r = descend<mgh::rosenbrock>(rule, 200000, 1e-6);
    INFO(r.message());
    REQUIRE(r.status == gradus::status::converged);
    CHECK(r.test == gradus::convergence_test::gradient_norm);
    CHECK(r.gradient_norm <= 1e-6);
    CHECK((r.x - mgh::rosenbrock::minimizer()).norm() < 1e-5);
    CHECK(r.value < 1e-11);
    CHECK(r.iterations > 100);  // steepest descent crawls along the valley
    CHECK(r.function_evaluations >= r.iterations);
  }
}

TEST_CASE("gradient descent solves Beale, Wood and extended Rosenbrock from their standard starts",
          "[optim][gradient_descent]") {
  for (const gradus::step_rule& rule : {gradus::step_rule(gradus::backtracking{}), gradus::step_rule(gradus::strong_wolfe{})}) {
    const auto b = descend<mgh::beale>(rule, 200000, 1e-7);
    INFO(b.message());
    CHECK(b.converged());
    CHECK((b.x - mgh::beale::minimizer()).norm() < 1e-5);

    const auto w = descend<mgh::wood>(rule, 500000, 1e-6);
    INFO(w.message());
    CHECK(w.converged());
    CHECK((w.x - mgh::wood::minimizer()).norm() < 1e-4);

    const auto e = descend<mgh::extended_rosenbrock<8>>(rule, 200000, 1e-6);
    INFO(e.message());
    CHECK(e.converged());
    CHECK((e.x - mgh::extended_rosenbrock<8>::minimizer()).norm() < 1e-5);
  }
}

TEST_CASE("gradient descent on Powell's badly scaled problem decreases f but honestly reports the limit",
          "[optim][gradient_descent]") {
  // The Hessian's condition number at the minimum is about 1e9: steepest descent cannot get
  // anywhere near ‖∇f‖ <= 1e-8 in 20000 iterations, and must say so.
  const auto r = descend<mgh::powell_badly_scaled>(gradus::backtracking{}, 20000, 1e-8);
  INFO(r.message());
  CHECK(r.status == gradus::status::max_iterations);
  CHECK(r.iterations == 20000);
  CHECK(r.value < 0.5 * mgh::powell_badly_scaled{}.value(mgh::powell_badly_scaled::start()));
  CHECK(r.message().find("iteration limit") != std::string::npos);
}

TEST_CASE("on H = [[3, 2], [2, 3]] gradient descent zigzags and momentum needs fewer iterations",
          "[optim][gradient_descent][momentum]") {
  const Eigen::Vector2d x0(1.0, 0.0);  // not an eigenvector: the path zigzags
  const gradus::options opts{.gradient_tolerance = 1e-8, .record_trace = true};
  // The best fixed step for gradient descent, 2/(λmin + λmax) = 1/3, contracts by (κ−1)/(κ+1) = 2/3.
  const auto gd = gradus::minimize(conditioned_quadratic{}, x0, gradus::gradient_descent{.step = gradus::fixed_step{1.0 / 3}}, opts);
  // Heavy ball with its optimal parameters: η = 4/(√λmax + √λmin)², μ = ((√κ − 1)/(√κ + 1))².
  const double sk = std::sqrt(5.0);
  const auto hb = gradus::minimize(conditioned_quadratic{}, x0,
                                   gradus::momentum{.learning_rate = 4 / ((sk + 1) * (sk + 1)),
                                                    .momentum = std::pow((sk - 1) / (sk + 1), 2)},
                                   opts);
  REQUIRE(gd.converged());
  REQUIRE(hb.converged());
  CHECK(gd.x.norm() < 1e-8);
  CHECK(hb.x.norm() < 1e-8);
  // Rates 2/3 against (√5 − 1)/(√5 + 1) ≈ 0.38: about 46 against about 25 iterations.
  CHECK(gd.iterations >= 40);
  CHECK(gd.iterations <= 50);
  CHECK(hb.iterations <= 32);
  CHECK(hb.iterations < gd.iterations);
  // Zigzag: successive gradient-descent steps turn by more than 90 degrees.
  int sharp_turns = 0;
  for (std::size_t k = 2; k < gd.trace.size(); ++k) {
    const Eigen::Vector2d a = gd.trace[k - 1].x - gd.trace[k - 2].x, b = gd.trace[k].x - gd.trace[k - 1].x;
    if (a.dot(b) < 0) ++sharp_turns;
  }
  CHECK(sharp_turns >= static_cast<int>(gd.trace.size()) - 3);
}

TEST_CASE("exact_quadratic_step on a quadratic takes eps* = g'g / g'Hg", "[optim][gradient_descent]") {
  const Eigen::Vector2d x0(1.0, 0.0);
  const auto r = gradus::minimize(conditioned_quadratic{}, x0, gradus::gradient_descent{.step = gradus::exact_quadratic_step{}},
                                  gradus::options{.max_iterations = 1, .record_trace = true});
  const Eigen::Vector2d g = conditioned_quadratic::h() * x0;
  const double eps = g.dot(g) / g.dot(conditioned_quadratic::h() * g);
  REQUIRE(r.iterations == 1);
  CHECK((r.x - (x0 - eps * g)).norm() < 1e-14);
  CHECK(r.hessian_evaluations == 1);
  CHECK(r.function_evaluations == 2);  // f(x0) and the accepted ε* on the first try
}

TEST_CASE("f = -x^3 + 3x from x0 = 2 is reported as diverged, never converged", "[optim][status]") {
  const Eigen::Matrix<double, 1, 1> x0(2.0);
  const gradus::step_rule rules[] = {gradus::backtracking{}, gradus::strong_wolfe{}, gradus::fixed_step{0.1},
                                     gradus::exact_quadratic_step{}};
  for (const auto& rule : rules) {
    const auto r = gradus::minimize(cubic{}, x0, gradus::gradient_descent{.step = rule});
    INFO(r.message());
    CHECK(r.status == gradus::status::diverged);
    CHECK_FALSE(r.converged());
    CHECK(r.value < 0);
    CHECK(r.iterations < 10000);
    CHECK(r.message().find("unbounded below") != std::string::npos);
  }
  const auto adam = gradus::minimize(cubic{}, x0, gradus::adam{.learning_rate = 0.5}, gradus::options{.max_iterations = 100000});
  CHECK(adam.status != gradus::status::converged);
}

TEST_CASE("a fixed step too large for the curvature is reported as diverged", "[optim][status]") {
  // λmax = 5: any fixed step above 2/5 makes gradient descent grow along the top eigenvector.
  const auto r = gradus::minimize(conditioned_quadratic{}, Eigen::Vector2d(1.0, 0.0),
                                  gradus::gradient_descent{.step = gradus::fixed_step{0.5}});
  INFO(r.message());
  CHECK(r.status == gradus::status::diverged);
  CHECK(r.value > 1e100);
  CHECK(r.message().find("too large") != std::string::npos);
  CHECK(r.iterations < 1000);
}

TEST_CASE("clip_norm bounds the first step", "[optim][options]") {
  const Eigen::Vector2d x0 = mgh::rosenbrock::start();  // ‖∇f(x0)‖ ≈ 233
  const double eta = 0.01;
  for (double clip : {0.5, 2.0}) {
    const auto r = gradus::minimize(mgh::rosenbrock{}, x0, gradus::gradient_descent{.step = gradus::fixed_step{eta}},
                                    gradus::options{.max_iterations = 1, .clip_norm = clip, .record_trace = true});
    REQUIRE(r.trace.size() == 2);
    CHECK(r.trace[1].step_size == Approx(eta * clip));
    CHECK((r.x - x0).norm() == Approx(eta * clip));
    const Eigen::Vector2d g = mgh::rosenbrock{}.gradient(x0);
    CHECK((r.x - (x0 - eta * clip * g.normalized())).norm() < 1e-14);
  }
  const auto unclipped = gradus::minimize(mgh::rosenbrock{}, x0, gradus::gradient_descent{.step = gradus::fixed_step{eta}},
                                          gradus::options{.max_iterations = 1});
  CHECK((unclipped.x - x0).norm() == Approx(eta * mgh::rosenbrock{}.gradient(x0).norm()));
}

TEST_CASE("weight_decay adds (w/2)|x|^2 to the objective", "[optim][options]") {
  // ½‖x − a‖² + (w/2)‖x‖² is minimized at a / (1 + w).
  struct shifted {
    double value(const Eigen::Vector3d& x) const { return 0.5 * (x - a()).squaredNorm(); }
    Eigen::Vector3d gradient(const Eigen::Vector3d& x) const { return x - a(); }
    static Eigen::Vector3d a() { return {1.0, -2.0, 3.0}; }
  };
  const auto r = gradus::minimize(shifted{}, Eigen::Vector3d::Zero(), gradus::gradient_descent{},
                                  gradus::options{.gradient_tolerance = 1e-12, .weight_decay = 0.5});
  INFO(r.message());
  REQUIRE(r.converged());
  CHECK((r.x - shifted::a() / 1.5).norm() < 1e-11);
  CHECK(r.value == Approx(0.5 * (r.x - shifted::a()).squaredNorm() + 0.25 * r.x.squaredNorm()));
}

TEST_CASE("each schedule drives gradient descent with its documented rates", "[optim][schedule]") {
  // On f = ½x² a step λ maps x to (1 − λ)x, so the trace reveals every λ_t.
  struct half_square {
    double value(const Eigen::Matrix<double, 1, 1>& x) const { return 0.5 * x[0] * x[0]; }
    Eigen::Matrix<double, 1, 1> gradient(const Eigen::Matrix<double, 1, 1>& x) const { return x; }
  };
  const gradus::step_rule rules[] = {gradus::linear_decay{.initial = 0.5, .final = 0.1, .tau = 4},
                                     gradus::inverse_time_decay{.initial = 0.5, .rho = 0.5},
                                     gradus::exponential_decay{.initial = 0.5, .rho = 0.3}};
  const std::vector<std::vector<double>> expected = {
      {0.5, 0.4, 0.3, 0.2, 0.1, 0.1},
      {0.5, 0.5 / 1.5, 0.25, 0.5 / 2.5, 0.5 / 3, 0.5 / 3.5},
      {0.5, 0.5 * std::exp(-0.3), 0.5 * std::exp(-0.6), 0.5 * std::exp(-0.9), 0.5 * std::exp(-1.2), 0.5 * std::exp(-1.5)}};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto r = gradus::minimize(half_square{}, Eigen::Matrix<double, 1, 1>(1.0), gradus::gradient_descent{.step = rules[i]},
                                    gradus::options{.max_iterations = 6, .record_trace = true});
    REQUIRE(r.trace.size() == 7);
    for (std::size_t t = 0; t < 6; ++t) {
      const double lambda = 1 - r.trace[t + 1].x[0] / r.trace[t].x[0];
      CHECK(lambda == Approx(expected[i][t]).epsilon(1e-12));
    }
  }
}

TEST_CASE("trace, callback and print_progress", "[optim][options]") {
  std::vector<std::size_t> seen;
  std::vector<double> values;
  const auto r = gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{},
                                  gradus::options{.record_trace = true, .callback = [&](const gradus::iteration_info& info) {
                                                    seen.push_back(info.iteration);
                                                    values.push_back(info.value);
                                                    CHECK(info.x.size() == 2);
                                                    return info.iteration < 25;
                                                  }});
  CHECK(r.status == gradus::status::stopped_by_callback);
  CHECK(r.iterations == 25);
  REQUIRE(seen.size() == 25);
  CHECK(seen.front() == 1);
  CHECK(seen.back() == 25);
  REQUIRE(r.trace.size() == 26);
  CHECK(r.trace.front().iteration == 0);
  CHECK(r.trace.front().x == mgh::rosenbrock::start());
  CHECK(r.trace.front().value == Approx(24.2));
  for (std::size_t k = 1; k < r.trace.size(); ++k) {
    CHECK(r.trace[k].value == values[k - 1]);
    CHECK(r.trace[k].value < r.trace[k - 1].value);  // a line search never goes uphill
    CHECK(r.trace[k].step_size == Approx((r.trace[k].x - r.trace[k - 1].x).norm()));
  }
  CHECK(r.trace.back().x == r.x);

  std::ostringstream out;
  gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{},
                   gradus::options{.max_iterations = 30, .callback = gradus::print_progress(10, out)});
  const std::string printed = out.str();
  CHECK(std::count(printed.begin(), printed.end(), '\n') == 3);
  CHECK(printed.find("iter       10") != std::string::npos);
  CHECK(printed.find("|grad|") != std::string::npos);
}

TEST_CASE("non-finite starts end with non_finite and no iterations", "[optim][status]") {
  const Eigen::Vector2d bad(std::nan(""), 1.0);
  const auto r = gradus::minimize(mgh::rosenbrock{}, bad, gradus::gradient_descent{});
  CHECK(r.status == gradus::status::non_finite);
  CHECK(r.iterations == 0);
  CHECK(r.function_evaluations == 0);
  CHECK(r.message() == "Not started: the starting point contains NaN or Inf.");

  struct log_barrier {  // f = −log(x): +∞ at 0
    double value(const Eigen::Matrix<double, 1, 1>& x) const { return -std::log(x[0]); }
    Eigen::Matrix<double, 1, 1> gradient(const Eigen::Matrix<double, 1, 1>& x) const {
      return Eigen::Matrix<double, 1, 1>(-1 / x[0]);
    }
  };
  const auto s = gradus::minimize(log_barrier{}, Eigen::Matrix<double, 1, 1>(0.0), gradus::adam{});
  CHECK(s.status == gradus::status::non_finite);
  CHECK(s.iterations == 0);
  CHECK(s.message().find("not finite at the starting point") != std::string::npos);
}

TEST_CASE("a NaN produced mid-run is non_finite, never converged", "[optim][status]") {
  struct sqrt_valley {  // f = √x, NaN for x < 0; the gradient step overshoots past 0
    double value(const Eigen::Matrix<double, 1, 1>& x) const { return std::sqrt(x[0]); }
    Eigen::Matrix<double, 1, 1> gradient(const Eigen::Matrix<double, 1, 1>& x) const {
      return Eigen::Matrix<double, 1, 1>(0.5 / std::sqrt(x[0]));
    }
  };
  const auto r = gradus::minimize(sqrt_valley{}, Eigen::Matrix<double, 1, 1>(1.0), gradus::gradient_descent{.step = gradus::fixed_step{4.0}});
  CHECK(r.status == gradus::status::non_finite);
  CHECK(r.iterations == 1);
  CHECK_FALSE(r.converged());
}

TEST_CASE("a gradient inconsistent with the value makes the line search fail", "[optim][status]") {
  struct wrong_sign {  // ∇ has the wrong sign: −∇f is an ascent direction
    double value(const Eigen::Vector2d& x) const { return x.squaredNorm(); }
    Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return -2 * x; }
  };
  for (const gradus::step_rule& rule : {gradus::step_rule(gradus::backtracking{}), gradus::step_rule(gradus::strong_wolfe{})}) {
    const auto r = gradus::minimize(wrong_sign{}, Eigen::Vector2d(1.0, 1.0), gradus::gradient_descent{.step = rule});
    CHECK(r.status == gradus::status::line_search_failed);
    CHECK(r.iterations == 1);
    CHECK(r.x == Eigen::Vector2d(1.0, 1.0));
    CHECK(r.message().find("line search") != std::string::npos);
  }
}

TEST_CASE("value and step tolerances stop the run and say which test passed", "[optim][options]") {
  const auto v = gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{},
                                  gradus::options{.gradient_tolerance = 0, .value_tolerance = 1e-6});
  CHECK(v.converged());
  CHECK(v.test == gradus::convergence_test::value_change);
  CHECK(v.message().find("value_tolerance") != std::string::npos);
  const auto s = gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{},
                                  gradus::options{.gradient_tolerance = 0, .step_tolerance = 1e-6});
  CHECK(s.converged());
  CHECK(s.test == gradus::convergence_test::step_size);
  const auto n = gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{},
                                  gradus::options{.max_iterations = 0});
  CHECK(n.status == gradus::status::max_iterations);
  CHECK(n.iterations == 0);
  CHECK(n.x == mgh::rosenbrock::start());
}

TEST_CASE("dynamic-size parameters, std::array starts, and size errors", "[optim][sizes]") {
  struct dynamic_quadratic {  // ½‖x − 1‖² in any dimension
    double value(const Eigen::VectorXd& x) const { return 0.5 * (x.array() - 1).square().sum(); }
    Eigen::VectorXd gradient(const Eigen::VectorXd& x) const { return (x.array() - 1).matrix(); }
  };
  const auto r = gradus::minimize(dynamic_quadratic{}, Eigen::VectorXd::Zero(7), gradus::gradient_descent{.step = gradus::strong_wolfe{}});
  STATIC_REQUIRE(std::is_same_v<decltype(r.x), Eigen::VectorXd>);
  REQUIRE(r.converged());
  CHECK((r.x.array() - 1).abs().maxCoeff() < 1e-8);

  const auto a = gradus::minimize(mgh::rosenbrock{}, std::array<double, 2>{-1.2, 1.0}, gradus::gradient_descent{},
                                  gradus::options{.gradient_tolerance = 1e-6, .max_iterations = 100000});
  STATIC_REQUIRE(std::is_same_v<decltype(a.x), Eigen::Vector2d>);
  CHECK(a.converged());

  // A fixed-size objective started from a dynamic vector of the wrong size: a clear exception.
  CHECK_THROWS_WITH(gradus::minimize(mgh::rosenbrock{}, Eigen::VectorXd::Zero(3), gradus::gradient_descent{}),
                    Catch::Contains("x0 has 3 coordinates but the objective's gradient has 2"));
  CHECK_THROWS_AS(gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{.step = gradus::backtracking{.alpha = 0.7}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(gradus::minimize(mgh::rosenbrock{}, mgh::rosenbrock::start(), gradus::gradient_descent{},
                                   gradus::options{.gradient_tolerance = -1}),
                  std::invalid_argument);
}
