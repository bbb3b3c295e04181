// Momentum (Polyak's heavy ball) and Nesterov's accelerated gradient, with ĝ the (clipped)
// gradient and ηₜ the learning rate at iteration t:
//
//   momentum:   v ← μ v − ηₜ ĝ(x),   x ← x + v
//   nesterov:   v ← μ v − ηₜ ĝ(x),   x ← x + μ v − ηₜ ĝ(x)
//
// The Nesterov form is Sutskever's  v ← μv − η∇f(x + μv), x ← x + v  rewritten for the
// look-ahead point y = x + μv (Bengio et al. 2013): the same iterates, one gradient per
// iteration, evaluated at the point the method reports. v starts at 0; μ ∈ [0, 1).
#pragma once

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>

namespace gradus {

/// Polyak's heavy-ball momentum: v ← μv − ηₜ∇f(x), x ← x + v.
struct momentum {
  rate learning_rate = 0.01;  ///< η, a number or a schedule
  double momentum = 0.9;      ///< μ, in [0, 1)
};

/// Nesterov's momentum: the gradient is taken after the momentum step.
struct nesterov {
  rate learning_rate = 0.01;  ///< η, a number or a schedule
  double momentum = 0.9;      ///< μ, in [0, 1)
};

namespace detail {

template <class X, class Schedule, bool Nesterov>
struct momentum_stepper {
  Schedule eta;
  double mu;
  X velocity;
  X delta;

  momentum_stepper(const Schedule& s, double m, Eigen::Index n) : eta(s), mu(m), velocity(X::Zero(n)), delta(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    const double lr = eta.at(ctx.iteration) * ctx.gradient_scale;
    velocity = mu * velocity - lr * it.gradient;
    if constexpr (Nesterov) delta = mu * velocity - lr * it.gradient;
    else delta = velocity;
    it.x += delta;
    const double moved = delta.norm();
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};

template <bool Nesterov, class M, class F, class X>
result<X> run_momentum(const M& m, const F& f, X x0, const options& opts, const char* who) {
  check_argument(m.momentum >= 0 && m.momentum < 1, who, "momentum must lie in [0, 1)");
  const Eigen::Index n = x0.size();
  return with_rate(m.learning_rate, who, [&](const auto& eta) {
    using S = std::remove_cvref_t<decltype(eta)>;
    return drive(momentum_stepper<X, S, Nesterov>(eta, m.momentum, n), f, std::move(x0), opts);
  });
}
}  // namespace detail

template <>
struct method_traits<momentum> {
  static constexpr std::string_view name = "momentum";
  template <class F, class X>
  static result<X> run(const momentum& m, const F& f, X x0, const options& opts) {
    return detail::run_momentum<false>(m, f, std::move(x0), opts, "gradus::momentum");
  }
};

template <>
struct method_traits<nesterov> {
  static constexpr std::string_view name = "nesterov";
  template <class F, class X>
  static result<X> run(const nesterov& m, const F& f, X x0, const options& opts) {
    return detail::run_momentum<true>(m, f, std::move(x0), opts, "gradus::nesterov");
  }
};

}  // namespace gradus
