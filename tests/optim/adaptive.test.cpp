// Momentum, Nesterov, AdaGrad, RMSProp, AdaDelta, Adam and AdamW on a convex problem.
#include <catch2/catch.hpp>

#include <cmath>

#include <gradus/optim.hpp>

namespace {
/// ½ Σ dᵢ (xᵢ − cᵢ)², d = (1, 3, 10, 0.5): minimum 0 at c, condition number 20.
struct convex {
  static Eigen::Vector4d d() { return {1.0, 3.0, 10.0, 0.5}; }
  static Eigen::Vector4d c() { return {1.0, -2.0, 0.5, 3.0}; }
  double value(const Eigen::Vector4d& x) const { return 0.5 * (d().array() * (x - c()).array().square()).sum(); }
  Eigen::Vector4d gradient(const Eigen::Vector4d& x) const { return (d().array() * (x - c()).array()).matrix(); }
};

template <class Method>
gradus::result<Eigen::Vector4d> solve(const Method& m, const gradus::options& opts = {.gradient_tolerance = 1e-6, .max_iterations = 20000}) {
  return gradus::minimize(convex{}, Eigen::Vector4d::Zero(), m, opts);
}

template <class Method>
void check_converges(const Method& m, std::size_t max_iterations) {
  // Stated tolerance: ‖∇f‖ <= 1e-6, hence ‖x − x*‖ <= 1e-6 / λmin = 2e-6.
  const auto r = solve(m);
  INFO(r.message());
  REQUIRE(r.converged());
  CHECK(r.gradient_norm <= 1e-6);
  CHECK((r.x - convex::c()).norm() <= 2e-6);
  CHECK(r.iterations <= max_iterations);
  CHECK(r.gradient_evaluations == r.iterations + 1);  // one gradient per iteration, plus x0
  CHECK(r.function_evaluations == r.iterations + 1);
}
}  // namespace

TEST_CASE("momentum and Nesterov converge to 2e-6", "[optim][momentum]") {
  check_converges(gradus::momentum{.learning_rate = 0.05, .momentum = 0.9}, 400);
  check_converges(gradus::nesterov{.learning_rate = 0.05, .momentum = 0.9}, 300);
  // With μ = 0 both are gradient descent with a fixed step.
  const auto a = solve(gradus::momentum{.learning_rate = 0.05, .momentum = 0});
  const auto b = solve(gradus::gradient_descent{.step = gradus::fixed_step{0.05}});
  // Equal up to rounding: with -mfma the compiler may contract x − η·v and x − η·g differently.
  for (Eigen::Index i = 0; i < a.x.size(); ++i) CHECK(a.x[i] == Approx(b.x[i]).epsilon(1e-14).margin(1e-300));
  CHECK(a.iterations == b.iterations);
}

TEST_CASE("Nesterov's first step equals momentum's plus the look-ahead", "[optim][momentum]") {
  const gradus::options one{.max_iterations = 1};
  const Eigen::Vector4d g0 = convex{}.gradient(Eigen::Vector4d::Zero());
  const auto m = solve(gradus::momentum{.learning_rate = 0.1, .momentum = 0.5}, one);
  const auto n = solve(gradus::nesterov{.learning_rate = 0.1, .momentum = 0.5}, one);
  CHECK((m.x - (-0.1 * g0)).norm() < 1e-15);                      // v = −ηg, x = v
  CHECK((n.x - (0.5 * (-0.1 * g0) - 0.1 * g0)).norm() < 1e-15);    // x = μv − ηg
}

TEST_CASE("AdaGrad, RMSProp and AdaDelta converge to 2e-6", "[optim][adaptive]") {
  check_converges(gradus::adagrad{.learning_rate = 0.5}, 300);
  check_converges(gradus::rmsprop{.learning_rate = 0.01}, 600);
  check_converges(gradus::rmsprop{.learning_rate = gradus::inverse_time_decay{.initial = 0.05, .rho = 0.01}}, 300);
  check_converges(gradus::adadelta{.rho = 0.95, .epsilon = 1e-4}, 500);
}

TEST_CASE("the first AdaGrad and RMSProp steps follow their update rules", "[optim][adaptive]") {
  const gradus::options one{.max_iterations = 1};
  const Eigen::Array4d g = convex{}.gradient(Eigen::Vector4d::Zero()).array();
  const auto a = solve(gradus::adagrad{.learning_rate = 0.1, .epsilon = 1e-7}, one);
  CHECK((a.x.array() - (-0.1 * g / (1e-7 + g.abs()))).abs().maxCoeff() < 1e-15);
  const auto r = solve(gradus::rmsprop{.learning_rate = 0.1, .decay = 0.9, .epsilon = 1e-6}, one);
  CHECK((r.x.array() - (-0.1 * g / (1e-6 + 0.1 * g.square()).sqrt())).abs().maxCoeff() < 1e-15);
  const auto d = solve(gradus::adadelta{.rho = 0.9, .epsilon = 1e-6}, one);
  CHECK((d.x.array() - (-std::sqrt(1e-6) * g / (0.1 * g.square() + 1e-6).sqrt())).abs().maxCoeff() < 1e-15);
}

TEST_CASE("Adam converges to 2e-6, and its first step has length about eta per coordinate", "[optim][adam]") {
  check_converges(gradus::adam{.learning_rate = 0.05}, 400);
  const auto one = solve(gradus::adam{.learning_rate = 0.01}, {.max_iterations = 1});
  // Bias correction: m̂ = g, v̂ = g², so the first step is −η g/(|g| + ε) = −η sign(g).
  CHECK((one.x.array().abs() - 0.01).abs().maxCoeff() < 1e-9);
}

TEST_CASE("AdamW: decoupled decay differs from coupled L2", "[optim][adam]") {
  // With weight_decay 0 AdamW is Adam.
  const auto plain = solve(gradus::adam{.learning_rate = 0.05});
  const auto w0 = solve(gradus::adamw{.learning_rate = 0.05, .weight_decay = 0});
  CHECK(plain.x == w0.x);
  // Coupled L2 (options.weight_decay = w) minimizes f + (w/2)‖x‖²: xᵢ = dᵢcᵢ/(dᵢ + w).
  const double w = 0.5;
  const auto coupled = solve(gradus::adam{.learning_rate = 0.05}, {.gradient_tolerance = 1e-6, .max_iterations = 20000, .weight_decay = w});
  REQUIRE(coupled.converged());
  const Eigen::Vector4d ridge = (convex::d().array() * convex::c().array() / (convex::d().array() + w)).matrix();
  CHECK((coupled.x - ridge).norm() < 1e-5);
  // Decoupled decay shrinks toward 0 by a rate not divided by √v̂: it ends near, but not at,
  // the minimizer of f, and not at the coupled answer.
  const auto decoupled = solve(gradus::adamw{.learning_rate = 0.01, .weight_decay = 0.01},
                               {.gradient_tolerance = 1e-6, .max_iterations = 20000});
  CHECK(decoupled.status == gradus::status::max_iterations);
  CHECK((decoupled.x - convex::c()).norm() < 0.05);
  CHECK(decoupled.x.norm() < convex::c().norm());
  CHECK((decoupled.x - ridge).norm() > 0.1);
}

TEST_CASE("invalid hyperparameters are rejected with a sentence", "[optim][adaptive]") {
  CHECK_THROWS_WITH(solve(gradus::adam{.beta1 = 1.0}), Catch::Contains("beta1 must lie in [0, 1)"));
  CHECK_THROWS_WITH(solve(gradus::momentum{.learning_rate = -1.0}), Catch::Contains("learning rate must be a positive"));
  CHECK_THROWS_WITH(solve(gradus::rmsprop{.decay = 1.5}), Catch::Contains("decay must lie in [0, 1)"));
  CHECK_THROWS_AS(solve(gradus::adagrad{.epsilon = 0}), std::invalid_argument);
  CHECK_THROWS_AS(solve(gradus::adadelta{.rho = 1}), std::invalid_argument);
  CHECK_THROWS_AS(solve(gradus::adam{.learning_rate = gradus::linear_decay{.tau = 0}}), std::invalid_argument);
}
