// Projected gradient: gradient descent that stays in a closed convex set C,
//
//   x_{k+1} = P_C(x_k − λ_k ĝ_k),     P_C(y) = argmin_{z ∈ C} ‖z − y‖,
//
// for C a ball {z : ‖z − c‖ <= r}, where P_C(y) = c + (y − c) · min(1, r / ‖y − c‖), or a box
// {z : l <= z <= u}, where P_C(y) = min(max(y, l), u) coordinate-wise. λ_k is a fixed step, a
// schedule, or backtracking along the projection arc x(λ) = P_C(x − λĝ), accepting the first
// λ with  f(x(λ)) <= f(x) + α ∇f(x)ᵀ(x(λ) − x)  (Bertsekas' Armijo rule along the arc).
// The run starts from P_C(x0). Stationarity is measured by the gradient mapping
// ‖x − P_C(x − ∇f(x))‖, which is 0 exactly at the constrained minimizers of a convex f; that
// is what result.gradient_norm and options.gradient_tolerance refer to for this method.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>
#include <gradus/optim/line_search.hpp>
#include <gradus/optim/step_rule.hpp>

namespace gradus {

/// {z : ‖z − center‖ <= radius}; an empty center means the origin.
struct ball {
  double radius = 1;         ///< the radius, >= 0
  Eigen::VectorXd center{};  ///< the center (empty: the origin)
};

/// {z : lower <= z <= upper} coordinate-wise (±∞ allowed).
struct box {
  Eigen::VectorXd lower{};  ///< lower bounds, one per coordinate
  Eigen::VectorXd upper{};  ///< upper bounds, one per coordinate
};

/// A ball or a box; converts implicitly from each.
class convex_set {
 public:
  /// The ball b.
  convex_set(ball b) : set_(std::move(b)) {}
  /// The box b.
  convex_set(box b) : set_(std::move(b)) {}
  /// Calls visitor(set) with the concrete ball or box.
  template <class Visitor>
  decltype(auto) visit(Visitor&& visitor) const {
    return std::visit(std::forward<Visitor>(visitor), set_);
  }

 private:
  std::variant<ball, box> set_;
};

/// Projected gradient descent x ← P(x − λₜ∇f(x)) onto a ball or a box.
struct projected_gradient {
  convex_set set = ball{};          ///< the feasible set
  step_rule step = backtracking{};  ///< the step rule along the projected path
};

namespace detail {

template <class X>
struct ball_projection {
  double radius;
  X center;
  bool feasible() const { return radius >= 0; }
  void operator()(X& x) const {
    const double distance = (x - center).norm();
    if (distance > radius) x = center + (radius / distance) * (x - center);
  }
};

template <class X>
struct box_projection {
  X lower, upper;
  bool feasible() const { return (lower.array() <= upper.array()).all(); }
  void operator()(X& x) const { x = x.cwiseMax(lower).cwiseMin(upper); }
};

template <class X>
X set_vector(const Eigen::VectorXd& v, Eigen::Index n, const char* what) {
  if (v.size() != n)
    throw std::invalid_argument(std::string("gradus::projected_gradient: the ") + what + " has " +
                                std::to_string(v.size()) + " coordinates but x0 has " + std::to_string(n));
  if (v.hasNaN()) throw std::invalid_argument(std::string("gradus::projected_gradient: the ") + what + " contains NaN");
  X out(n);
  out = v;
  return out;
}

template <class X>
ball_projection<X> make_projection(const ball& b, Eigen::Index n) {
  check_argument(!std::isnan(b.radius), "gradus::ball: the radius is NaN");
  if (b.center.size() == 0) return {b.radius, X::Zero(n)};
  return {b.radius, set_vector<X>(b.center, n, "ball's center")};
}
template <class X>
box_projection<X> make_projection(const box& b, Eigen::Index n) {
  return {set_vector<X>(b.lower, n, "box's lower bound"), set_vector<X>(b.upper, n, "box's upper bound")};
}

/// Shared parts: projection, start, stationarity measure.
template <class X, class Projection>
struct projected_base {
  Projection project;
  X work;
  projected_base(Projection p, Eigen::Index n) : project(std::move(p)), work(n) {}

  std::optional<status> prepare(X& x0) {
    if (!project.feasible()) return status::infeasible;
    project(x0);
    return {};
  }
  double optimality(const iterate<X>& it) {
    work = it.x - it.gradient;
    project(work);
    return (it.x - work).norm();
  }
};

template <class X, class Projection, class Schedule>
struct projected_scheduled : projected_base<X, Projection> {
  Schedule schedule;
  projected_scheduled(Projection p, const Schedule& s, Eigen::Index n)
      : projected_base<X, Projection>(std::move(p), n), schedule(s) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    X& previous = this->work;
    previous = it.x;
    it.x.noalias() -= (schedule.at(ctx.iteration) * ctx.gradient_scale) * it.gradient;
    this->project(it.x);
    const double moved = (it.x - previous).norm();
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};

template <class X, class Projection>
struct projected_backtracking : projected_base<X, Projection> {
  backtracking rule;
  X trial;
  double last_step = 0;
  projected_backtracking(Projection p, const backtracking& r, Eigen::Index n)
      : projected_base<X, Projection>(std::move(p), n), rule(r), trial(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    double lambda = last_step > 0 ? last_step / rule.beta : rule.initial;
    for (std::size_t i = 0; i < rule.max_evaluations; ++i, lambda *= rule.beta) {
      trial.noalias() = it.x - (lambda * ctx.gradient_scale) * it.gradient;
      this->project(trial);
      const double v = ev.value(trial);
      if (v <= it.value + rule.alpha * it.gradient.dot(trial - it.x)) {
        const double moved = (trial - it.x).norm();
        std::swap(it.x, trial);
        it.value = v;
        ev.gradient(it.x, it.gradient);
        last_step = lambda;
        return {moved, {}};
      }
    }
    return {0, status::line_search_failed};
  }
};

}  // namespace detail

template <>
struct method_traits<projected_gradient> {
  static constexpr std::string_view name = "projected_gradient";
  template <class F, class X>
  static result<X> run(const projected_gradient& m, const F& f, X x0, const options& opts) {
    const Eigen::Index n = x0.size();
    return m.set.visit([&](const auto& set) -> result<X> {
      auto projection = detail::make_projection<X>(set, n);
      using P = std::remove_cvref_t<decltype(projection)>;
      return m.step.visit([&](const auto& rule) -> result<X> {
        using R = std::remove_cvref_t<decltype(rule)>;
        if constexpr (step_schedule<R>) {
          detail::check_schedule(rule, "gradus::projected_gradient");
          return detail::drive(detail::projected_scheduled<X, P, R>(projection, rule, n), f, std::move(x0), opts);
        } else if constexpr (std::is_same_v<R, backtracking>) {
          detail::check_rule(rule);
          return detail::drive(detail::projected_backtracking<X, P>(projection, rule, n), f, std::move(x0), opts);
        } else {
          throw std::invalid_argument(
              "gradus::projected_gradient: the step must be a fixed step, a schedule or backtracking (a line "
              "search along a ray, like strong_wolfe or exact_quadratic_step, would leave the set)");
        }
      });
    });
  }
};

}  // namespace gradus
