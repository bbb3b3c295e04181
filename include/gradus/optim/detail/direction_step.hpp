// Moving along a search direction d chosen by a second-order method (Newton, BFGS, L-BFGS):
//   x_{k+1} = x_k + λ_k d_k
// with λ_k a fixed number (fixed_step; λ = 1 is the pure Newton / quasi-Newton step) or found by
// a line search (backtracking, strong_wolfe; line_search.hpp). The schedules and
// exact_quadratic_step of step_rule belong to gradient descent and are refused here.
#pragma once
#ifndef GRADUS_OPTIM_INTERNAL
#error "gradus/optim/detail/direction_step.hpp is internal: include <gradus/optim.hpp> (or a method's header) instead"
#endif

#include <stdexcept>
#include <string>
#include <type_traits>

#include <gradus/optim/detail/descent.hpp>
#include <gradus/optim/detail/driver.hpp>
#include <gradus/optim/line_search.hpp>
#include <gradus/optim/result.hpp>
#include <gradus/optim/step_rule.hpp>

namespace gradus::detail {

/// The step rules a direction method accepts.
template <class R>
inline constexpr bool direction_rule_v =
    std::is_same_v<R, fixed_step> || std::is_same_v<R, backtracking> || std::is_same_v<R, strong_wolfe>;

/// Calls body(rule) with the concrete rule of a step_rule after checking it; throws
/// std::invalid_argument for the rules that only make sense along −∇f.
template <class Result, class Body>
Result with_direction_rule(const step_rule& rule, const char* who, Body&& body) {
  return rule.visit([&](const auto& r) -> Result {
    using R = std::remove_cvref_t<decltype(r)>;
    if constexpr (std::is_same_v<R, fixed_step>) {
      check_schedule(r, who);
      return body(r);
    } else if constexpr (direction_rule_v<R>) {
      check_rule(r);
      return body(r);
    } else {
      throw std::invalid_argument(std::string(who) +
                                  ": the step must be fixed_step, backtracking or strong_wolfe (learning-rate "
                                  "schedules and exact_quadratic_step are step rules of gradient descent)");
    }
  });
}

/// Moves `it` along d (slope = ∇fᵀd) by the rule, λ₀ = initial for a line search, and leaves
/// f and ∇f of the new point in it. Reports how far x moved.
template <class Ev, class X, class Rule>
step_report advance(Ev& ev, iterate<X>& it, const X& d, double slope, const Rule& rule, double initial,
                    line_workspace<X>& work) {
  if constexpr (std::is_same_v<Rule, fixed_step>) {
    it.x.noalias() += rule.size * d;
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {rule.size * d.norm(), {}};
  } else {
    const line_search_result r = move_along(ev, it, d, slope, rule, initial, work);
    if (!r.success) return {0, status::line_search_failed};
    return {r.step * d.norm(), {}};
  }
}

}  // namespace gradus::detail
