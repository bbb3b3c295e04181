// The line searches on one-dimensional functions φ(λ), checked against their own conditions.
#include <catch2/catch.hpp>

#include <cmath>

#include <gradus/optim/line_search.hpp>
#include <gradus/optim/step_rule.hpp>

namespace {
/// φ(λ) = f(λ) for a function with a known derivative; counts evaluations.
template <class F, class D>
struct scalar_line {
  F f;
  D df;
  int calls = 0;
  double value(double s) {
    ++calls;
    return f(s);
  }
  gradus::line_point value_and_slope(double s) {
    ++calls;
    return {f(s), df(s)};
  }
};
template <class F, class D>
scalar_line<F, D> line(F f, D df) {
  return {f, df};
}
}  // namespace

TEST_CASE("backtracking accepts the first step with sufficient decrease", "[optim][line_search]") {
  // φ(λ) = (λ − 0.3)², φ(0) = 0.09, φ'(0) = −0.6: λ = 1 fails, 0.5 passes Armijo with α = 0.1.
  auto phi = line([](double s) { return (s - 0.3) * (s - 0.3); }, [](double s) { return 2 * (s - 0.3); });
  const auto r = gradus::line_search(gradus::backtracking{.alpha = 0.1, .beta = 0.5}, phi, 0.09, -0.6, 1.0);
  REQUIRE(r.success);
  CHECK(r.step == 0.5);
  CHECK(r.value == Approx(0.04));
  CHECK(r.evaluations == 2);
  CHECK(r.value <= 0.09 + 0.1 * r.step * -0.6);
}

TEST_CASE("backtracking refuses an ascent direction and reports failure", "[optim][line_search]") {
  auto phi = line([](double s) { return s * s; }, [](double s) { return 2 * s; });
  const auto up = gradus::line_search(gradus::backtracking{}, phi, 0.0, 1.0, 1.0);
  CHECK_FALSE(up.success);
  CHECK(up.evaluations == 0);
  // A "descent" slope that the values contradict: every trial increases φ.
  auto liar = line([](double s) { return 1 + s; }, [](double) { return -1.0; });
  const auto r = gradus::line_search(gradus::backtracking{.max_evaluations = 20}, liar, 1.0, -1.0, 1.0);
  CHECK_FALSE(r.success);
  CHECK(r.step == 0);
  CHECK(r.evaluations == 20);
}

TEST_CASE("backtracking shortens steps whose value is NaN or infinite", "[optim][line_search]") {
  auto phi = line([](double s) { return s > 0.3 ? std::nan("") : -s; }, [](double) { return -1.0; });
  const auto r = gradus::line_search(gradus::backtracking{}, phi, 0.0, -1.0, 1.0);
  REQUIRE(r.success);
  CHECK(r.step == 0.25);
}

TEST_CASE("strong Wolfe steps satisfy both conditions", "[optim][line_search]") {
  const gradus::strong_wolfe rule{.c1 = 1e-4, .c2 = 0.1};
  SECTION("a quartic that needs bracketing (the first trial is far too short)") {
    auto phi = line([](double s) { return std::pow(s - 3, 4) - 10 * s; }, [](double s) { return 4 * std::pow(s - 3, 3) - 10; });
    const double phi0 = phi.f(0), slope0 = phi.df(0);
    const auto r = gradus::line_search(rule, phi, phi0, slope0, 0.01);
    REQUIRE(r.success);
    CHECK(r.value <= phi0 + rule.c1 * r.step * slope0);
    CHECK(std::fabs(phi.df(r.step)) <= rule.c2 * std::fabs(slope0));
  }
  SECTION("a function where the first trial overshoots into a zoom") {
    auto phi = line([](double s) { return -std::sin(s) + 0.05 * s * s; }, [](double s) { return -std::cos(s) + 0.1 * s; });
    const double phi0 = phi.f(0), slope0 = phi.df(0);
    const auto r = gradus::line_search(rule, phi, phi0, slope0, 10.0);
    REQUIRE(r.success);
    CHECK(r.value <= phi0 + rule.c1 * r.step * slope0);
    CHECK(std::fabs(phi.df(r.step)) <= rule.c2 * std::fabs(slope0));
    CHECK(r.step < 10.0);
    CHECK(r.evaluations < 12);  // interpolation, not bisection alone
  }
  SECTION("a quadratic: cubic interpolation lands on the exact minimizer") {
    auto phi = line([](double s) { return (s - 2) * (s - 2); }, [](double s) { return 2 * (s - 2); });
    const auto r = gradus::line_search(rule, phi, 4.0, -4.0, 5.0);
    REQUIRE(r.success);
    CHECK(r.step == Approx(2.0));
    CHECK(r.evaluations == 2);
  }
}

TEST_CASE("strong Wolfe rejects a non-descent direction and invalid constants", "[optim][line_search]") {
  auto phi = line([](double s) { return s * s; }, [](double s) { return 2 * s; });
  CHECK_FALSE(gradus::line_search(gradus::strong_wolfe{}, phi, 0.0, 0.0, 1.0).success);
  CHECK_THROWS_AS(gradus::detail::check_rule(gradus::strong_wolfe{.c1 = 0.5, .c2 = 0.4}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::detail::check_rule(gradus::backtracking{.alpha = 0.5}), std::invalid_argument);
  CHECK_THROWS_AS(gradus::detail::check_rule(gradus::backtracking{.beta = 1.0}), std::invalid_argument);
}

TEST_CASE("interpolation helpers find the minimizers of their models", "[optim][line_search]") {
  // (λ − 1)² through (0, 1, −2) and (3, 4, 4).
  CHECK(gradus::detail::cubic_minimizer(0, 1, -2, 3, 4, 4) == Approx(1.0));
  CHECK(gradus::detail::quadratic_minimizer(0, 1, -2, 3, 4) == Approx(1.0));
  CHECK(std::isnan(gradus::detail::quadratic_minimizer(0, 0, -1, 1, -2)));  // concave: no minimizer
}
