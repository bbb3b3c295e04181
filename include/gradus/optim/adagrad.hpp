// AdaGrad (Duchi, Hazan & Singer 2011), per coordinate, with ĝ the (clipped) gradient:
//
//   r ← r + ĝ ⊙ ĝ,      x ← x − ηₜ ĝ ⊘ (ε + √r)
//
// r starts at 0; coordinates with large past gradients take smaller steps.
#pragma once

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>

namespace gradus {

/// AdaGrad (Duchi et al.): per-coordinate rates η / (ε + √Σg²).
struct adagrad {
  rate learning_rate = 0.01;  ///< η, a number or a schedule
  double epsilon = 1e-7;      ///< ε added to the root of the sum of squared gradients
};

namespace detail {
template <class X, class Schedule>
struct adagrad_stepper {
  Schedule eta;
  double epsilon;
  X accumulated;
  X delta;

  adagrad_stepper(const Schedule& s, double eps, Eigen::Index n) : eta(s), epsilon(eps), accumulated(X::Zero(n)), delta(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    const double lr = eta.at(ctx.iteration);
    const auto g = ctx.gradient_scale * it.gradient.array();
    accumulated.array() += g.square();
    delta.array() = -lr * g / (epsilon + accumulated.array().sqrt());
    it.x += delta;
    const double moved = delta.norm();
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};
}  // namespace detail

template <>
struct method_traits<adagrad> {
  static constexpr std::string_view name = "adagrad";
  template <class F, class X>
  static result<X> run(const adagrad& m, const F& f, X x0, const options& opts) {
    detail::check_argument(std::isfinite(m.epsilon) && m.epsilon > 0, "gradus::adagrad: epsilon must be positive");
    const Eigen::Index n = x0.size();
    return detail::with_rate(m.learning_rate, "gradus::adagrad", [&](const auto& eta) {
      using S = std::remove_cvref_t<decltype(eta)>;
      return detail::drive(detail::adagrad_stepper<X, S>(eta, m.epsilon, n), f, std::move(x0), opts);
    });
  }
};

}  // namespace gradus
