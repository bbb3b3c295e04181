// Moving along a search direction with a line search: the piece shared by gradient descent
// and the second-order methods (Newton, BFGS, L-BFGS all search along their own d).
#pragma once
#ifndef GRADUS_OPTIM_INTERNAL
#error "gradus/optim/detail/descent.hpp is internal: include <gradus/optim.hpp> (or a method's header) instead"
#endif

#include <utility>

#include <gradus/optim/detail/driver.hpp>
#include <gradus/optim/line_search.hpp>

namespace gradus::detail {

/// φ(λ) = f(x + λd) and φ'(λ) = ∇f(x + λd)ᵀd, evaluated into caller-owned storage, remembering
/// where it last evaluated so the accepted point's value and gradient are not computed twice.
template <class Ev, class X>
class ray {
 public:
  ray(Ev& ev, const X& x, const X& d, X& trial_x, X& trial_gradient)
      : ev_(ev), x_(x), d_(d), trial_x_(trial_x), trial_gradient_(trial_gradient) {}

  double value(double step) {
    trial_x_.noalias() = x_ + step * d_;
    last_ = step;
    has_gradient_ = false;
    return ev_.value(trial_x_);
  }
  line_point value_and_slope(double step) {
    trial_x_.noalias() = x_ + step * d_;
    last_ = step;
    has_gradient_ = true;
    const double v = ev_.value_and_gradient(trial_x_, trial_gradient_);
    return {v, trial_gradient_.dot(d_)};
  }
  bool moves(double step) const {
    for (Eigen::Index i = 0; i < x_.size(); ++i)
      if (x_[i] + step * d_[i] != x_[i]) return true;
    return false;
  }
  bool evaluated_at(double step) const noexcept { return last_ == step; }
  bool gradient_at(double step) const noexcept { return last_ == step && has_gradient_; }

 private:
  Ev& ev_;
  const X& x_;
  const X& d_;
  X& trial_x_;
  X& trial_gradient_;
  double last_ = -1;
  bool has_gradient_ = false;
};

/// Storage for the trial point of a line search (allocated once per run).
template <class X>
struct line_workspace {
  X x;
  X gradient;
  explicit line_workspace(Eigen::Index n) : x(n), gradient(n) {}
};

/// Searches along d from it (slope0 = ∇fᵀd < 0) with `rule` from λ₀ = initial and, on success,
/// moves it to x + λd with its value and gradient. Returns the search's outcome.
template <class Ev, class X, class Rule>
line_search_result move_along(Ev& ev, iterate<X>& it, const X& d, double slope0, const Rule& rule, double initial,
                              line_workspace<X>& w) {
  ray<Ev, X> phi(ev, it.x, d, w.x, w.gradient);
  const line_search_result r = line_search(rule, phi, it.value, slope0, initial);
  if (!r.success) return r;
  if (phi.evaluated_at(r.step)) std::swap(it.x, w.x);
  else it.x.noalias() += r.step * d;
  if (phi.gradient_at(r.step)) std::swap(it.gradient, w.gradient);
  else ev.gradient(it.x, it.gradient);
  it.value = r.value;
  return r;
}

}  // namespace gradus::detail
