// An empirical estimate of the Lipschitz constant of the gradient in a ball.
//
// ∇f is L-Lipschitz on the ball B = {x : ‖x − p‖ <= r} when ‖∇f(a) − ∇f(b)‖ <= L‖a − b‖ for
// all a, b in B; for twice differentiable f the smallest such L is sup over B of ‖∇²f(x)‖₂, the
// largest |eigenvalue| of the Hessian. L bounds the safe fixed step of gradient descent
// (ε < 2/L) and appears in every convergence rate of first-order methods.
//
// lipschitz_estimate does not compute the supremum; it SAMPLES it. It draws `samples` points
// uniformly in B (a fixed, seeded generator: the same call gives the same answer) plus p itself
// and returns the largest of
//   - the difference quotients ‖∇f(a) − ∇f(b)‖ / ‖a − b‖ over all pairs of those points, and
//   - when f provides its Hessian (every gradus expression does), ‖∇²f(x)‖₂ at each point.
// Each candidate is at most the true L (the ball is convex, so the mean value theorem applies
// on every segment), hence the estimate is a LOWER bound that grows towards L with more
// samples; it can miss a sharp peak of curvature that no sample comes near.
// Cost: samples + 1 gradients, O(samples²·n) for the pairs, and samples + 1 symmetric
// eigenvalue problems (O(n³) each) when the Hessian is used.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <stdexcept>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#define GRADUS_ANALYSIS_INTERNAL
#include <gradus/analysis/detail/derivatives.hpp>

namespace gradus {

/// Options of lipschitz_estimate: how many points to sample, the seed, and whether to use the Hessian.
struct lipschitz_options {
  std::size_t samples = 64;        ///< points drawn in the ball (besides its centre)
  std::uint64_t seed = 0x9e3779b9;  ///< of the deterministic generator
  bool use_hessian = true;         ///< also take ‖∇²f‖₂ at the samples when f provides the Hessian
};

namespace detail::analysis {

/// splitmix64: small, fast and good enough to scatter points in a ball.
class sample_generator {
 public:
  explicit sample_generator(std::uint64_t seed) : state_(seed) {}
  double uniform() {  // in [0, 1)
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return double(z >> 11) * 0x1.0p-53;
  }
  double normal() {  // Box–Muller
    const double u = 1.0 - uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
  }

 private:
  std::uint64_t state_;
};

}  // namespace detail::analysis

/// A sampled lower estimate of the Lipschitz constant of ∇f on the ball of the given radius
/// around p (see the comment at the top of this header for what is sampled).
template <class F, class P>
double lipschitz_estimate(const F& f, const P& p, double radius, const lipschitz_options& options = {}) {
  namespace a = detail::analysis;
  using X = a::vector_t<P>;
  a::check_function<F, X, a::needs::gradient>();
  if (!(std::isfinite(radius) && radius > 0))
    throw std::invalid_argument("gradus::lipschitz_estimate: the radius must be a finite number > 0");
  if (options.samples == 0) throw std::invalid_argument("gradus::lipschitz_estimate: samples must be at least 1");
  const X centre = a::prepare<F>(p, "gradus::lipschitz_estimate");
  const Eigen::Index n = centre.size();

  a::sample_generator rng(options.seed);
  std::vector<X> xs{centre};
  xs.reserve(options.samples + 1);
  for (std::size_t k = 0; k < options.samples; ++k) {
    X d(n);
    for (Eigen::Index i = 0; i < n; ++i) d[i] = rng.normal();
    const double r = radius * std::pow(rng.uniform(), 1.0 / double(n));
    xs.push_back(centre + (r / d.norm()) * d);
  }

  std::vector<X> gs;
  gs.reserve(xs.size());
  for (const X& x : xs) {
    gs.push_back(a::gradient(f, x));
    a::require_finite(gs.back(), "gradus::lipschitz_estimate", "gradient");
  }

  double estimate = 0;
  for (std::size_t i = 0; i < xs.size(); ++i)
    for (std::size_t j = i + 1; j < xs.size(); ++j) {
      const double dx = (xs[i] - xs[j]).norm();
      if (dx > 0) estimate = std::max(estimate, (gs[i] - gs[j]).norm() / dx);
    }

  if constexpr (expression<F> || objective_access::has_hessian<F, X>) {
    if (options.use_hessian)
      for (const X& x : xs) {
        const auto h = a::hessian(f, x);
        a::require_finite(h, "gradus::lipschitz_estimate", "Hessian");
        Eigen::SelfAdjointEigenSolver<a::matrix_t<X>> solver(h, Eigen::EigenvaluesOnly);
        if (solver.info() == Eigen::Success) estimate = std::max(estimate, solver.eigenvalues().cwiseAbs().maxCoeff());
      }
  }
  return estimate;
}

}  // namespace gradus
