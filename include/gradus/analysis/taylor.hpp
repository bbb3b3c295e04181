// The second-order Taylor model of a gradient step, and the step that minimizes it.
//
// Let g = ∇f(x) and H = ∇²f(x). A step of size ε along −g gives
//     f(x − εg) ≈ f(x) − ε gᵀg + ½ ε² gᵀHg.
// The first-order term predicts a decrease proportional to ε; the second-order term is the
// curvature correction, which for gᵀHg > 0 eventually makes a long step go uphill. Minimizing
// the model over ε gives the optimal step
//     ε* = gᵀg / gᵀHg   (when gᵀHg > 0),
// exact for a quadratic f. When gᵀHg <= 0 the model decreases without bound along −g (or is
// linear), no finite step is optimal, and ε* is reported as +∞ — that includes g = 0.
// gᵀHg is computed from one Hessian-vector product H·g, not from the full Hessian.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <Eigen/Core>

#define GRADUS_ANALYSIS_INTERNAL
#include <gradus/analysis/detail/derivatives.hpp>

namespace gradus {

/// The true value after a gradient step and its first- and second-order predictions.
struct taylor_prediction {
  double value;                  ///< f(x)
  double actual;                 ///< f(x − εg)
  double first_order;            ///< f(x) − ε gᵀg
  double second_order;           ///< f(x) − ε gᵀg + ½ ε² gᵀHg
  double gradient_norm_squared;  ///< gᵀg
  double curvature;              ///< gᵀHg
};

namespace detail::analysis {
template <class X>
struct step_model {
  double value, gg, gHg;
  X g;
};

template <class F, class X>
step_model<X> model_along_gradient(const F& f, const X& x, const char* function) {
  const double v = value(f, x);
  if (!std::isfinite(v)) throw std::domain_error(std::string(function) + ": f is not finite at the point");
  const X g = gradient(f, x);
  require_finite(g, function, "gradient");
  const X hg = hessian_vector_product(f, x, g);
  require_finite(hg, function, "Hessian-vector product");
  return {v, g.squaredNorm(), g.dot(hg), g};
}
}  // namespace detail::analysis

/// ε* = gᵀg / gᵀHg at p, the step along −∇f that minimizes the local quadratic model;
/// +∞ when gᵀHg <= 0 (no finite minimizer along −g, which includes a zero gradient).
template <class F, class P>
double optimal_step(const F& f, const P& p) {
  namespace a = detail::analysis;
  using X = a::vector_t<P>;
  a::check_function<F, X, a::needs::hessian_vector_product>();
  const X x = a::prepare<F>(p, "gradus::optimal_step");
  const auto m = a::model_along_gradient(f, x, "gradus::optimal_step");
  if (!(m.gHg > 0)) return std::numeric_limits<double>::infinity();
  return m.gg / m.gHg;
}

/// f(p − εg) and its first- and second-order Taylor predictions, g = ∇f(p).
template <class F, class P>
taylor_prediction taylor_step(const F& f, const P& p, double eps) {
  namespace a = detail::analysis;
  using X = a::vector_t<P>;
  a::check_function<F, X, a::needs::hessian_vector_product>();
  if (!std::isfinite(eps)) throw std::invalid_argument("gradus::taylor_step: the step eps must be finite");
  const X x = a::prepare<F>(p, "gradus::taylor_step");
  const auto m = a::model_along_gradient(f, x, "gradus::taylor_step");
  const X moved = x - eps * m.g;
  taylor_prediction t;
  t.value = m.value;
  t.actual = a::value(f, moved);
  t.first_order = m.value - eps * m.gg;
  t.second_order = t.first_order + 0.5 * eps * eps * m.gHg;
  t.gradient_norm_squared = m.gg;
  t.curvature = m.gHg;
  return t;
}

}  // namespace gradus
