// The second-derivative test and the condition number.
//
// At a critical point x* (∇f(x*) = 0) the second-order Taylor expansion is
//     f(x* + d) ≈ f(x*) + ½ dᵀHd,   H = ∇²f(x*) symmetric, H = QΛQᵀ,
// so along the eigenvector qᵢ, f changes like ½λᵢt². Hence
//     all λᵢ > 0                 -> a strict local minimum,
//     all λᵢ < 0                 -> a strict local maximum,
//     some λᵢ > 0 and some < 0   -> a saddle point (f rises along one direction, falls along another),
//     otherwise (some λᵢ = 0 and the rest of one sign) -> inconclusive: along a zero-curvature
//                                   direction higher-order terms decide (x⁴ + y² is a minimum at 0,
//                                   x³ + y² is not, and both have eigenvalues {0, 2}).
// "Zero" is |λ| <= eigenvalue_tolerance · max|λ| (a relative test: the eigenvalues of a Hessian
// computed in floating point carry errors of order ε·‖H‖). A point whose gradient norm exceeds
// gradient_tolerance is not critical and the test does not apply.
//
// The condition number κ = max|λ| / min|λ| measures how elongated the level sets are near x: a
// gradient step can be at most of order 1/max|λ| to stay stable, and progress along the flattest
// direction is then of order min|λ|/max|λ| = 1/κ per step. κ = +∞ for a singular Hessian (min|λ|
// at most n·ε·max|λ|, i.e. zero to working precision).
#pragma once

#include <cmath>
#include <limits>
#include <ostream>
#include <string_view>

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#define GRADUS_ANALYSIS_INTERNAL
#include <gradus/analysis/detail/derivatives.hpp>

namespace gradus {

/// The verdict of the second-derivative test.
enum class point_kind {
  minimum,       ///< ∇f = 0 and every Hessian eigenvalue > 0
  maximum,       ///< ∇f = 0 and every eigenvalue < 0
  saddle,        ///< ∇f = 0 and eigenvalues of both signs
  inconclusive,  ///< ∇f = 0, a zero eigenvalue and the others of one sign: higher derivatives decide
  not_critical,  ///< ‖∇f‖ > gradient_tolerance
};

/// The name of a point kind: "minimum", "maximum", "saddle", "inconclusive" or "not_critical".
constexpr std::string_view to_string(point_kind k) noexcept {
  switch (k) {
    case point_kind::minimum: return "minimum";
    case point_kind::maximum: return "maximum";
    case point_kind::saddle: return "saddle";
    case point_kind::inconclusive: return "inconclusive";
    case point_kind::not_critical: return "not_critical";
  }
  return "unknown";
}
/// Writes to_string(k).
inline std::ostream& operator<<(std::ostream& out, point_kind k) { return out << to_string(k); }

/// The result of classify. N is the point's compile-time size (Eigen::Dynamic for VectorXd).
template <int N = Eigen::Dynamic>
struct critical_point {
  point_kind kind = point_kind::not_critical;  ///< what the second-derivative test concludes
  Eigen::Matrix<double, N, 1> eigenvalues;  ///< of the Hessian at the point, ascending
  double condition_number = 0;              ///< max|λ| / min|λ|, +∞ for a singular Hessian
  double gradient_norm = 0;                 ///< ‖∇f‖ at the point
};

/// Tolerances of the second-derivative test.
struct classify_options {
  double gradient_tolerance = 1e-8;    ///< absolute: the point is critical when ‖∇f‖ <= this
  double eigenvalue_tolerance = 1e-8;  ///< relative: λ counts as zero when |λ| <= this · max|λ|
};

namespace detail::analysis {

template <class V>
double condition_number_of(const V& ascending) {
  const double lo = ascending.cwiseAbs().minCoeff();
  const double hi = ascending.cwiseAbs().maxCoeff();
  const double singular = double(ascending.size()) * std::numeric_limits<double>::epsilon() * hi;
  if (hi == 0 || lo <= singular) return std::numeric_limits<double>::infinity();
  return hi / lo;
}

template <class M>
auto ascending_eigenvalues(const M& h, const char* function) {
  require_finite(h, function, "Hessian");
  Eigen::SelfAdjointEigenSolver<M> solver(h, Eigen::EigenvaluesOnly);
  if (solver.info() != Eigen::Success)
    throw std::domain_error(std::string(function) + ": the eigenvalue iteration did not converge");
  return solver.eigenvalues().eval();  // Eigen returns them in increasing order
}

}  // namespace detail::analysis

/// The second-derivative test at p: the kind of point, the Hessian's eigenvalues (ascending),
/// its condition number and the gradient norm. f is a gradus expression or has members
/// value, gradient and hessian; p is a point of double or float coordinates.
///   gradus::critical_point c = gradus::classify(x*x - y*y, std::array{0.0, 0.0});   // c.kind == saddle
template <class F, class P>
auto classify(const F& f, const P& p, const classify_options& options = {}) {
  namespace a = detail::analysis;
  using X = a::vector_t<P>;
  a::check_function<F, X, a::needs::hessian>();
  if (!(options.gradient_tolerance >= 0) || !(options.eigenvalue_tolerance >= 0))
    throw std::invalid_argument("gradus::classify: the tolerances must be numbers >= 0");
  const X x = a::prepare<F>(p, "gradus::classify");
  const X g = a::gradient(f, x);
  a::require_finite(g, "gradus::classify", "gradient");

  critical_point<X::RowsAtCompileTime> c;
  c.eigenvalues = a::ascending_eigenvalues(a::hessian(f, x), "gradus::classify");
  c.condition_number = a::condition_number_of(c.eigenvalues);
  c.gradient_norm = g.norm();

  const double zero = options.eigenvalue_tolerance * c.eigenvalues.cwiseAbs().maxCoeff();
  const bool negative = c.eigenvalues[0] < -zero;
  const bool positive = c.eigenvalues[c.eigenvalues.size() - 1] > zero;
  const bool flat = (c.eigenvalues.array().abs() <= zero).any();
  if (c.gradient_norm > options.gradient_tolerance) c.kind = point_kind::not_critical;
  else if (negative && positive) c.kind = point_kind::saddle;
  else if (flat) c.kind = point_kind::inconclusive;
  else if (positive) c.kind = point_kind::minimum;
  else c.kind = point_kind::maximum;
  return c;
}

/// κ(∇²f(p)) = max|λ| / min|λ|, +∞ when the Hessian is singular to working precision.
template <class F, class P>
double condition_number(const F& f, const P& p) {
  namespace a = detail::analysis;
  using X = a::vector_t<P>;
  a::check_function<F, X, a::needs::hessian>();
  const X x = a::prepare<F>(p, "gradus::condition_number");
  return a::condition_number_of(a::ascending_eigenvalues(a::hessian(f, x), "gradus::condition_number"));
}

}  // namespace gradus
