// Adam (Kingma & Ba 2015) and AdamW (Loshchilov & Hutter 2019), with ĝ the (clipped)
// gradient at step t = 1, 2, …:
//
//   m ← β₁ m + (1 − β₁) ĝ,          v ← β₂ v + (1 − β₂) ĝ ⊙ ĝ
//   m̂ = m / (1 − β₁ᵗ),              v̂ = v / (1 − β₂ᵗ)            (bias correction)
//   adam:   x ← x − ηₜ m̂ ⊘ (√v̂ + ε)
//   adamw:  x ← x − ηₜ (m̂ ⊘ (√v̂ + ε) + λ x)                      (decoupled weight decay λ)
//
// options.weight_decay (coupled L2) instead adds w·x to ĝ before the moments see it, so it is
// rescaled by the adaptive denominators; adamw's λ x is not.
#pragma once

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>

namespace gradus {

/// Adam (Kingma & Ba): bias-corrected first and second moment estimates.
struct adam {
  rate learning_rate = 0.001;  ///< η, a number or a schedule
  double beta1 = 0.9;          ///< decay ρ₁ of the first moment
  double beta2 = 0.999;        ///< decay ρ₂ of the second moment
  double epsilon = 1e-8;       ///< ε added to √v̂
};

/// AdamW (Loshchilov & Hutter): Adam with decoupled weight decay.
struct adamw {
  rate learning_rate = 0.001;  ///< η, a number or a schedule
  double beta1 = 0.9;          ///< decay ρ₁ of the first moment
  double beta2 = 0.999;        ///< decay ρ₂ of the second moment
  double epsilon = 1e-8;       ///< ε added to √v̂
  double weight_decay = 0.01;  ///< λ: each step also subtracts ηλx
};

namespace detail {
template <class X, class Schedule>
struct adam_stepper {
  Schedule eta;
  double beta1, beta2, epsilon, decoupled_decay;
  double beta1_power = 1, beta2_power = 1;
  X first_moment;
  X second_moment;
  X delta;

  adam_stepper(const Schedule& s, double b1, double b2, double eps, double decay, Eigen::Index n)
      : eta(s), beta1(b1), beta2(b2), epsilon(eps), decoupled_decay(decay), first_moment(X::Zero(n)),
        second_moment(X::Zero(n)), delta(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    const double lr = eta.at(ctx.iteration);
    beta1_power *= beta1;
    beta2_power *= beta2;
    const auto g = ctx.gradient_scale * it.gradient.array();
    first_moment.array() = beta1 * first_moment.array() + (1 - beta1) * g;
    second_moment.array() = beta2 * second_moment.array() + (1 - beta2) * g.square();
    const double c1 = 1 / (1 - beta1_power), c2 = 1 / (1 - beta2_power);
    delta.array() = -lr * (c1 * first_moment.array()) / ((c2 * second_moment.array()).sqrt() + epsilon);
    if (decoupled_decay != 0) delta.noalias() -= (lr * decoupled_decay) * it.x;
    it.x += delta;
    const double moved = delta.norm();
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};

template <class M, class F, class X>
result<X> run_adam(const M& m, double decoupled_decay, const F& f, X x0, const options& opts, const char* who) {
  check_argument(m.beta1 >= 0 && m.beta1 < 1, who, "beta1 must lie in [0, 1)");
  check_argument(m.beta2 >= 0 && m.beta2 < 1, who, "beta2 must lie in [0, 1)");
  check_argument(std::isfinite(m.epsilon) && m.epsilon > 0, who, "epsilon must be positive");
  check_argument(std::isfinite(decoupled_decay) && decoupled_decay >= 0, who, "weight_decay must be >= 0");
  const Eigen::Index n = x0.size();
  return with_rate(m.learning_rate, who, [&](const auto& eta) {
    using S = std::remove_cvref_t<decltype(eta)>;
    return drive(adam_stepper<X, S>(eta, m.beta1, m.beta2, m.epsilon, decoupled_decay, n), f, std::move(x0), opts);
  });
}
}  // namespace detail

template <>
struct method_traits<adam> {
  static constexpr std::string_view name = "adam";
  template <class F, class X>
  static result<X> run(const adam& m, const F& f, X x0, const options& opts) {
    return detail::run_adam(m, 0.0, f, std::move(x0), opts, "gradus::adam");
  }
};

template <>
struct method_traits<adamw> {
  static constexpr std::string_view name = "adamw";
  template <class F, class X>
  static result<X> run(const adamw& m, const F& f, X x0, const options& opts) {
    return detail::run_adam(m, m.weight_decay, f, std::move(x0), opts, "gradus::adamw");
  }
};

}  // namespace gradus
