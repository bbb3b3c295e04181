// AdaDelta (Zeiler 2012), per coordinate, with ĝ the (clipped) gradient; no learning rate:
//
//   E[g²] ← ρ E[g²] + (1 − ρ) ĝ ⊙ ĝ
//   Δx    = −(√(E[Δx²] + ε) ⊘ √(E[g²] + ε)) ⊙ ĝ
//   E[Δx²] ← ρ E[Δx²] + (1 − ρ) Δx ⊙ Δx,      x ← x + Δx
//
// Both averages start at 0, so the first steps have length about √ε per coordinate; ε sets
// the initial scale of the steps.
#pragma once

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>

namespace gradus {

/// AdaDelta (Zeiler): no learning rate; steps scaled by running RMS of past steps over past gradients.
struct adadelta {
  double rho = 0.95;      ///< decay ρ of both running averages, in (0, 1)
  double epsilon = 1e-6;  ///< ε inside both square roots
};

namespace detail {
template <class X>
struct adadelta_stepper {
  double rho, epsilon;
  X mean_square_gradient;
  X mean_square_step;
  X delta;

  adadelta_stepper(double r, double eps, Eigen::Index n)
      : rho(r), epsilon(eps), mean_square_gradient(X::Zero(n)), mean_square_step(X::Zero(n)), delta(n) {}

  template <class Ev>
  step_report step(Ev& ev, iterate<X>& it, const step_context& ctx) {
    const auto g = ctx.gradient_scale * it.gradient.array();
    mean_square_gradient.array() = rho * mean_square_gradient.array() + (1 - rho) * g.square();
    delta.array() = -((mean_square_step.array() + epsilon).sqrt() / (mean_square_gradient.array() + epsilon).sqrt()) * g;
    mean_square_step.array() = rho * mean_square_step.array() + (1 - rho) * delta.array().square();
    it.x += delta;
    const double moved = delta.norm();
    it.value = ev.value_and_gradient(it.x, it.gradient);
    return {moved, {}};
  }
};
}  // namespace detail

template <>
struct method_traits<adadelta> {
  static constexpr std::string_view name = "adadelta";
  template <class F, class X>
  static result<X> run(const adadelta& m, const F& f, X x0, const options& opts) {
    detail::check_argument(m.rho > 0 && m.rho < 1, "gradus::adadelta: rho must lie in (0, 1)");
    detail::check_argument(std::isfinite(m.epsilon) && m.epsilon > 0, "gradus::adadelta: epsilon must be positive");
    const Eigen::Index n = x0.size();
    return detail::drive(detail::adadelta_stepper<X>(m.rho, m.epsilon, n), f, std::move(x0), opts);
  }
};

}  // namespace gradus
