// Gradient descent:  x_{k+1} = x_k − λ_k ĝ_k,  ĝ_k = ∇f(x_k) · min(1, clip_norm/‖∇f(x_k)‖).
//
// The step λ_k comes from the step_rule (step_rule.hpp): a fixed size or a schedule ηₖ, or a
// line search along d_k = −ĝ_k (line_search.hpp). Line searches start from λ₀ = rule.initial on
// the first iteration; afterwards backtracking starts from λ_{k−1}/β (so the step can grow
// again after a shrink), strong Wolfe from max(λ_{k−1}, λ_{k−1}·(ĝ_{k−1}ᵀd_{k−1})/(ĝ_kᵀd_k))
// (Nocedal & Wright §3.5, never shrinking the last step), and exact_quadratic_step from ε* = ĝᵀĝ / ĝᵀHĝ.
#pragma once

#include <cmath>
#include <string_view>
#include <type_traits>
#include <utility>

#include <gradus/objective.hpp>
#include <gradus/optim/line_search.hpp>
#include <gradus/optim/method.hpp>
#include <gradus/optim/options.hpp>
#include <gradus/optim/result.hpp>
#include <gradus/optim/step_rule.hpp>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/descent.hpp>
#include <gradus/optim/detail/driver.hpp>

namespace gradus {

/// Gradient descent x ← x − λₜ∇f(x), the step λₜ from a step rule.
struct gradient_descent {
  step_rule step = backtracking{};  ///< fixed step, a decay schedule or a line search
};

namespace detail {

/// λ_k from a fixed step or a schedule.
template <class X, class Schedule>
struct scheduled_descent {
  Schedule schedule;
  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    const double lambda = schedule.at(ctx.iteration) * ctx.gradient_scale;
    it.x.noalias() -= lambda * it.gradient;
    const double moved = lambda * it.gradient_norm;
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};

/// λ_k from a line search along d = −ĝ.
template <class X, class Rule>
struct searched_descent {
  Rule rule;
  X direction;
  line_workspace<X> work;
  double last_step = 0;
  double last_slope = 0;

  searched_descent(const Rule& r, Eigen::Index n) : rule(r), direction(n), work(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    direction.noalias() = -ctx.gradient_scale * it.gradient;
    const double slope = it.gradient.dot(direction);
    const bool first = ctx.iteration == 0 || last_step == 0;
    line_search_result r;
    if constexpr (std::is_same_v<Rule, backtracking>) {
      r = move_along(ev, it, direction, slope, rule, first ? rule.initial : last_step / rule.beta, work);
    } else if constexpr (std::is_same_v<Rule, strong_wolfe>) {
      r = move_along(ev, it, direction, slope, rule,
                     first ? rule.initial : std::fmax(last_step, last_step * last_slope / slope), work);
    } else {
      static_assert(std::is_same_v<Rule, exact_quadratic_step>);
      ev.hessian_vector_product(it.x, direction, work.gradient);  // H d
      const double curvature = direction.dot(work.gradient);
      const double initial = (curvature > 0 && std::isfinite(curvature)) ? -slope / curvature
                             : first                                     ? rule.fallback.initial
                                                                         : last_step / rule.fallback.beta;
      r = move_along(ev, it, direction, slope, rule.fallback, initial, work);
    }
    if (!r.success) return {0, status::line_search_failed};
    last_step = r.step;
    last_slope = slope;
    return {r.step * ctx.gradient_scale * it.gradient_norm, {}};
  }
};

/// Runs `make(rule)`'s stepper for the concrete rule of a step_rule (checked first).
template <class X, class F>
result<X> descend(const step_rule& rule, const F& f, X x0, const options& opts, const char* who) {
  return rule.visit([&](const auto& r) -> result<X> {
    using R = std::remove_cvref_t<decltype(r)>;
    const Eigen::Index n = x0.size();
    if constexpr (step_schedule<R>) {
      check_schedule(r, who);
      return drive(scheduled_descent<X, R>{r}, f, std::move(x0), opts);
    } else {
      check_rule(r);
      return drive(searched_descent<X, R>(r, n), f, std::move(x0), opts);
    }
  });
}

}  // namespace detail

template <>
struct method_traits<gradient_descent> {
  static constexpr std::string_view name = "gradient_descent";
  template <class F, class X>
  static result<X> run(const gradient_descent& m, const F& f, X x0, const options& opts) {
    return detail::descend(m.step, f, std::move(x0), opts, "gradus::gradient_descent");
  }
};

}  // namespace gradus
