// Projected gradient onto a ball and a box.
#include <catch2/catch.hpp>

#include <cmath>

#include <gradus/optim.hpp>

namespace {
/// ½‖x − a‖².
struct distance_to {
  Eigen::Vector2d a;
  double value(const Eigen::Vector2d& x) const { return 0.5 * (x - a).squaredNorm(); }
  Eigen::Vector2d gradient(const Eigen::Vector2d& x) const { return x - a; }
};
}  // namespace

TEST_CASE("projected gradient on 1/2 |x - (2, 0)|^2 over the unit ball ends at (1, 0)", "[optim][projected_gradient]") {
  const distance_to f{{2.0, 0.0}};
  for (const gradus::step_rule& rule : {gradus::step_rule(gradus::backtracking{}), gradus::step_rule(gradus::fixed_step{0.5}),
                                        gradus::step_rule(gradus::exponential_decay{.initial = 0.5, .rho = 0.01})}) {
    const auto r = gradus::minimize(f, Eigen::Vector2d(0.0, 0.5), gradus::projected_gradient{.set = gradus::ball{.radius = 1}, .step = rule});
    INFO(r.message());
    REQUIRE(r.converged());
    CHECK((r.x - Eigen::Vector2d(1.0, 0.0)).norm() < 1e-8);
    CHECK(r.x.norm() <= 1 + 1e-15);
    CHECK(r.value == Approx(0.5));  // ‖∇f‖ = 1 at the answer: the stationarity measure is the projected gradient
  }
}

TEST_CASE("projected gradient: a ball with a center, a box, and infeasible sets", "[optim][projected_gradient]") {
  const distance_to f{{3.0, 3.0}};
  const auto b = gradus::minimize(f, Eigen::Vector2d(1.0, 0.0),
                                  gradus::projected_gradient{.set = gradus::ball{.radius = 2, .center = Eigen::Vector2d(1.0, 1.0)}});
  REQUIRE(b.converged());
  CHECK((b.x - (Eigen::Vector2d(1.0, 1.0) + std::sqrt(2.0) * Eigen::Vector2d(1.0, 1.0))).norm() < 1e-8);

  const auto x = gradus::minimize(f, Eigen::Vector2d(10.0, -10.0),  // an infeasible start is projected first
                                  gradus::projected_gradient{.set = gradus::box{.lower = Eigen::Vector2d(-1.0, 0.0), .upper = Eigen::Vector2d(2.0, 5.0)}},
                                  gradus::options{.record_trace = true});
  REQUIRE(x.converged());
  CHECK((x.x - Eigen::Vector2d(2.0, 3.0)).norm() < 1e-8);
  CHECK(x.trace.front().x == Eigen::Vector2d(2.0, 0.0));

  const auto empty = gradus::minimize(f, Eigen::Vector2d::Zero(),
                                      gradus::projected_gradient{.set = gradus::box{.lower = Eigen::Vector2d(1.0, 0.0), .upper = Eigen::Vector2d(0.0, 1.0)}});
  CHECK(empty.status == gradus::status::infeasible);
  CHECK(empty.iterations == 0);
  CHECK(empty.message().find("feasible set is empty") != std::string::npos);
  const auto negative = gradus::minimize(f, Eigen::Vector2d::Zero(), gradus::projected_gradient{.set = gradus::ball{.radius = -1}});
  CHECK(negative.status == gradus::status::infeasible);

  CHECK_THROWS_WITH(gradus::minimize(f, Eigen::Vector2d::Zero(), gradus::projected_gradient{.set = gradus::box{.lower = Eigen::Vector3d::Zero(), .upper = Eigen::Vector3d::Ones()}}),
                    Catch::Contains("lower bound has 3 coordinates but x0 has 2"));
  CHECK_THROWS_AS(gradus::minimize(f, Eigen::Vector2d::Zero(), gradus::projected_gradient{.step = gradus::strong_wolfe{}}), std::invalid_argument);
}

TEST_CASE("projected gradient with dynamic size and infinite box bounds", "[optim][projected_gradient]") {
  struct shifted {
    double value(const Eigen::VectorXd& x) const { return 0.5 * (x.array() + 1).square().sum(); }
    Eigen::VectorXd gradient(const Eigen::VectorXd& x) const { return (x.array() + 1).matrix(); }
  };
  const double inf = INFINITY;
  Eigen::VectorXd lower(3), upper(3);
  lower << 0, -inf, -0.5;
  upper << inf, inf, inf;
  const auto r = gradus::minimize(shifted{}, Eigen::VectorXd::Ones(3), gradus::projected_gradient{.set = gradus::box{.lower = lower, .upper = upper}});
  REQUIRE(r.converged());
  CHECK((r.x - Eigen::Vector3d(0.0, -1.0, -0.5)).norm() < 1e-8);
}
