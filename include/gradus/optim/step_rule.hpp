// How gradient descent (and projected gradient) chooses its step at iteration t:
//   x_{t+1} = x_t − λ_t ĝ_t          (ĝ: the gradient after options.clip_norm)
// with λ_t a fixed number (fixed_step), a schedule ηₜ (linear_decay, inverse_time_decay,
// exponential_decay; see schedule.hpp) or the result of a line search along d = −ĝ
// (backtracking, strong_wolfe, exact_quadratic_step; see line_search.hpp).
// A step_rule is a closed set of these alternatives, resolved once per run by visit(): the
// solver's loop is compiled for the concrete rule.
#pragma once

#include <cmath>
#include <cstddef>
#include <utility>
#include <variant>

#include <gradus/optim/line_search.hpp>
#include <gradus/optim/schedule.hpp>

namespace gradus {

/// λ_t = size for every t.
struct fixed_step {
  double size = 0.01;  ///< λ
  /// λ at iteration t (the same for every t).
  constexpr double at(std::size_t) const noexcept { return size; }
};

namespace detail {
inline void check_schedule(const fixed_step& r, const char* who) {
  check_argument(std::isfinite(r.size) && r.size > 0, who, "fixed_step needs a positive finite size");
}
}  // namespace detail

/// One of fixed_step, linear_decay, inverse_time_decay, exponential_decay, backtracking,
/// strong_wolfe, exact_quadratic_step. Converts implicitly from each (and from a number,
/// meaning fixed_step{number}); the default is backtracking{}.
class step_rule {
 public:
  constexpr step_rule() noexcept : rule_(backtracking{}) {}
  /// fixed_step{size}.
  constexpr step_rule(double size) noexcept : rule_(fixed_step{size}) {}
  /// A fixed step.
  constexpr step_rule(fixed_step r) noexcept : rule_(r) {}
  /// A linearly decaying step.
  constexpr step_rule(linear_decay r) noexcept : rule_(r) {}
  /// An inverse-time decaying step.
  constexpr step_rule(inverse_time_decay r) noexcept : rule_(r) {}
  /// An exponentially decaying step.
  constexpr step_rule(exponential_decay r) noexcept : rule_(r) {}
  /// Armijo backtracking line search.
  constexpr step_rule(backtracking r) noexcept : rule_(r) {}
  /// Strong Wolfe line search.
  constexpr step_rule(strong_wolfe r) noexcept : rule_(r) {}
  /// The exact step for the local quadratic.
  constexpr step_rule(exact_quadratic_step r) noexcept : rule_(r) {}

  /// Calls visitor(rule) with the concrete rule.
  template <class Visitor>
  constexpr decltype(auto) visit(Visitor&& visitor) const {
    return std::visit(std::forward<Visitor>(visitor), rule_);
  }

 private:
  std::variant<fixed_step, linear_decay, inverse_time_decay, exponential_decay, backtracking, strong_wolfe,
               exact_quadratic_step>
      rule_;
};

/// The rules that are a sequence of numbers λ_t (as opposed to a line search).
template <class R>
concept step_schedule = requires(const R& r, std::size_t t) {
  { r.at(t) } -> std::convertible_to<double>;
};

}  // namespace gradus
