// RMSProp (Hinton, Coursera lecture 6e), per coordinate, with ĝ the (clipped) gradient and
// ρ the decay:
//
//   r ← ρ r + (1 − ρ) ĝ ⊙ ĝ,      x ← x − ηₜ ĝ ⊘ √(ε + r)
//
// r starts at 0 (Goodfellow et al., Algorithm 8.5).
#pragma once

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>

namespace gradus {

/// RMSProp (Hinton): rates scaled by a running RMS of the gradient.
struct rmsprop {
  rate learning_rate = 0.001;  ///< η, a number or a schedule
  double decay = 0.9;          ///< ρ of the running average of g², in [0, 1)
  double epsilon = 1e-6;       ///< ε inside the square root
};

namespace detail {
template <class X, class Schedule>
struct rmsprop_stepper {
  Schedule eta;
  double rho, epsilon;
  X average;
  X delta;

  rmsprop_stepper(const Schedule& s, double decay, double eps, Eigen::Index n)
      : eta(s), rho(decay), epsilon(eps), average(X::Zero(n)), delta(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    const double lr = eta.at(ctx.iteration);
    const auto g = ctx.gradient_scale * it.gradient.array();
    average.array() = rho * average.array() + (1 - rho) * g.square();
    delta.array() = -lr * g / (epsilon + average.array()).sqrt();
    it.x += delta;
    const double moved = delta.norm();
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};
}  // namespace detail

template <>
struct method_traits<rmsprop> {
  static constexpr std::string_view name = "rmsprop";
  template <class F, class X>
  static result<X> run(const rmsprop& m, const F& f, X x0, const options& opts) {
    detail::check_argument(m.decay >= 0 && m.decay < 1, "gradus::rmsprop: decay must lie in [0, 1)");
    detail::check_argument(std::isfinite(m.epsilon) && m.epsilon > 0, "gradus::rmsprop: epsilon must be positive");
    const Eigen::Index n = x0.size();
    return detail::with_rate(m.learning_rate, "gradus::rmsprop", [&](const auto& eta) {
      using S = std::remove_cvref_t<decltype(eta)>;
      return detail::drive(detail::rmsprop_stepper<X, S>(eta, m.decay, m.epsilon, n), f, std::move(x0), opts);
    });
  }
};

}  // namespace gradus
