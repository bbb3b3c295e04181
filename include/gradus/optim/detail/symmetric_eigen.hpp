// The eigendecomposition A = QΛQᵀ of a symmetric matrix by the cyclic Jacobi method (Golub &
// Van Loan, Matrix Computations, §8.5): sweep over the off-diagonal pairs (p, q) and apply the
// plane rotation J(p, q, θ) that zeroes a_pq,
//     τ = (a_qq − a_pp) / 2a_pq,   t = sign(τ) / (|τ| + √(1 + τ²)),   c = 1/√(1 + t²),   s = t·c,
//     A ← JᵀAJ,   Q ← QJ,
// until off(A) = ‖A − diag(A)‖_F <= ε‖A‖_F (convergence is quadratic: a handful of sweeps).
// Each sweep costs O(n³); the method is accurate to working precision in every eigenvalue,
// small ones included, which is what the Newton modification needs. It is used instead of
// Eigen's SelfAdjointEigenSolver because it allocates nothing for any fixed size and compiles
// in a fraction of the time (this code is instantiated once per problem size).
#pragma once
#ifndef GRADUS_OPTIM_INTERNAL
#error "gradus/optim/detail/symmetric_eigen.hpp is internal: include <gradus/optim.hpp> (or a method's header) instead"
#endif

#include <cmath>
#include <limits>

#include <Eigen/Core>

namespace gradus::detail {

/// Overwrites q with the eigenvectors (columns) and lambda with the eigenvalues of the
/// symmetric matrix a (whose contents are destroyed). False if the sweeps did not converge.
template <class M, class V>
bool symmetric_eigen(M& a, M& q, V& lambda, int max_sweeps = 64) {
  const Eigen::Index n = a.rows();
  q.setIdentity(n, n);
  const double total = a.squaredNorm();
  const double target = std::numeric_limits<double>::epsilon() * std::numeric_limits<double>::epsilon() * total;
  for (int sweep = 0; sweep < max_sweeps; ++sweep) {
    double off = 0;
    for (Eigen::Index j = 1; j < n; ++j)
      for (Eigen::Index i = 0; i < j; ++i) off += 2 * a(i, j) * a(i, j);
    if (!(off > target)) {
      lambda = a.diagonal();
      return std::isfinite(total);
    }
    for (Eigen::Index p = 0; p + 1 < n; ++p)
      for (Eigen::Index r = p + 1; r < n; ++r) {
        const double apq = a(p, r);
        if (apq == 0) continue;
        const double tau = (a(r, r) - a(p, p)) / (2 * apq);
        const double t = (tau >= 0 ? 1.0 : -1.0) / (std::fabs(tau) + std::sqrt(1 + tau * tau));
        const double c = 1 / std::sqrt(1 + t * t), s = t * c;
        for (Eigen::Index k = 0; k < n; ++k) {  // A ← AJ
          const double akp = a(k, p), akq = a(k, r);
          a(k, p) = c * akp - s * akq;
          a(k, r) = s * akp + c * akq;
        }
        for (Eigen::Index k = 0; k < n; ++k) {  // A ← JᵀA
          const double apk = a(p, k), aqk = a(r, k);
          a(p, k) = c * apk - s * aqk;
          a(r, k) = s * apk + c * aqk;
        }
        a(p, r) = a(r, p) = 0;  // exactly, rather than to rounding
        for (Eigen::Index k = 0; k < n; ++k) {  // Q ← QJ
          const double qkp = q(k, p), qkq = q(k, r);
          q(k, p) = c * qkp - s * qkq;
          q(k, r) = s * qkp + c * qkq;
        }
      }
  }
  return false;
}

}  // namespace gradus::detail
