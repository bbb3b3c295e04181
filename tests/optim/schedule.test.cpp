// The learning-rate schedules and the closed variant types rate and step_rule.
#include <catch2/catch.hpp>

#include <cmath>
#include <type_traits>

#include <gradus/optim/schedule.hpp>
#include <gradus/optim/step_rule.hpp>

TEST_CASE("linear_decay goes from initial to final in tau steps, then stays", "[optim][schedule]") {
  const gradus::linear_decay s{.initial = 1.0, .final = 0.2, .tau = 4};
  const double expected[] = {1.0, 0.8, 0.6, 0.4, 0.2, 0.2, 0.2};
  for (std::size_t t = 0; t < 7; ++t) CHECK(s.at(t) == Approx(expected[t]).epsilon(1e-15));
  STATIC_REQUIRE(gradus::linear_decay{.initial = 1.0, .final = 0.0, .tau = 2}.at(1) == 0.5);
}

TEST_CASE("inverse_time_decay and exponential_decay", "[optim][schedule]") {
  const gradus::inverse_time_decay inv{.initial = 0.3, .rho = 0.5};
  const gradus::exponential_decay ex{.initial = 0.3, .rho = 0.5};
  for (std::size_t t = 0; t < 10; ++t) {
    CHECK(inv.at(t) == Approx(0.3 / (1 + 0.5 * double(t))).epsilon(1e-15));
    CHECK(ex.at(t) == Approx(0.3 * std::exp(-0.5 * double(t))).epsilon(1e-15));
  }
  CHECK(inv.at(2) == Approx(0.15));
  CHECK(ex.at(0) == 0.3);
}

TEST_CASE("rate converts from numbers and schedules, and visits the concrete one", "[optim][schedule]") {
  const gradus::rate from_number = 0.05;
  const gradus::rate from_int = 1;
  const gradus::rate from_schedule = gradus::inverse_time_decay{.initial = 1.0, .rho = 1.0};
  CHECK(from_number.at(100) == 0.05);
  CHECK(from_int.at(3) == 1.0);
  CHECK(from_schedule.at(3) == 0.25);
  const bool visited_constant = from_number.visit([](const auto& s) { return std::is_same_v<std::remove_cvref_t<decltype(s)>, gradus::constant_rate>; });
  CHECK(visited_constant);
  const bool visited_inverse =
      from_schedule.visit([](const auto& s) { return std::is_same_v<std::remove_cvref_t<decltype(s)>, gradus::inverse_time_decay>; });
  CHECK(visited_inverse);
}

TEST_CASE("step_rule defaults to backtracking and converts from every rule", "[optim][schedule]") {
  const auto name = [](const gradus::step_rule& r) {
    return r.visit([](const auto& s) -> int {
      using S = std::remove_cvref_t<decltype(s)>;
      if constexpr (std::is_same_v<S, gradus::fixed_step>) return 0;
      else if constexpr (std::is_same_v<S, gradus::backtracking>) return 1;
      else if constexpr (std::is_same_v<S, gradus::strong_wolfe>) return 2;
      else if constexpr (std::is_same_v<S, gradus::exact_quadratic_step>) return 3;
      else return 4;
    });
  };
  CHECK(name(gradus::step_rule{}) == 1);
  CHECK(name(0.1) == 0);
  CHECK(name(gradus::fixed_step{0.1}) == 0);
  CHECK(name(gradus::strong_wolfe{.c1 = 1e-3, .c2 = 0.5}) == 2);
  CHECK(name(gradus::exact_quadratic_step{}) == 3);
  CHECK(name(gradus::linear_decay{}) == 4);
}
