// Symmetric indefinite factorization with inertia: P A Pᵀ = L D Lᵀ (Bunch–Kaufman).
//
// L is unit lower triangular and D block diagonal with 1×1 and 2×2 blocks; the pivots are
// chosen by the Bunch–Kaufman rule (α = (1 + √17)/8, LAPACK's dsytf2), which bounds the growth
// of the entries for any symmetric matrix, definite or not. By Sylvester's law of inertia, A
// and D have the same numbers of positive, negative and zero eigenvalues, and D's are read off
// its blocks: a 1×1 block is its own eigenvalue; a 2×2 block [a b; b c] has eigenvalues of
// opposite signs when ac − b² < 0 and of the sign of a when ac − b² > 0. The interior-point
// solver needs exactly this: the KKT matrix [W Jᵀ; J 0] has the right inertia (n positive,
// m negative, none zero) if and only if W is positive definite on the null space of J.
//
// A pivot (or the smaller eigenvalue of a 2×2 block) counts as zero when it is below 10⁻¹² of
// the largest entry of its row in A: a relative test, because the entries of a KKT matrix span
// many orders of magnitude near a solution.
// The factors overwrite a workspace view (workspace.hpp); the cost is n³/3 flops.
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/symmetric_indefinite.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <algorithm>
#include <cmath>
#include <utility>

#include <gradus/constrained/detail/workspace.hpp>

namespace gradus::detail {

/// Numbers of positive, negative and zero eigenvalues.
struct inertia {
  int positive = 0;
  int negative = 0;
  int zero = 0;
};

class symmetric_indefinite {
 public:
  /// Takes the storage for a K×K factorization from the arena.
  symmetric_indefinite(arena& a, int k) : k_(k), ld_(a.matrix(k, k)), row_scale_(a.vector(k)), pivot_(a.ints(k)), zero_(a.ints(k)) {}

  /// Factors the symmetric K×K matrix a (only its lower triangle is read) and returns its inertia.
  inertia factor(const matrix_view& a) {
    const int K = k_;
    constexpr double bk_alpha = 0.6403882032022076;  // (1 + √17) / 8
    constexpr double relative_zero = 1e-12;
    for (int j = 0; j < K; ++j)
      for (int i = j; i < K; ++i) ld_(i, j) = a(i, j);
    // The largest |entry| of each row of A, permuted along with the rows.
    for (int i = 0; i < K; ++i) row_scale_[i] = 0;
    for (int j = 0; j < K; ++j)
      for (int i = j; i < K; ++i) {
        row_scale_[i] = std::max(row_scale_[i], std::abs(a(i, j)));
        row_scale_[j] = std::max(row_scale_[j], std::abs(a(i, j)));
      }
    inertia result;
    int k = 0;
    while (k < K) {
      int step = 1;
      int kp = k;
      const double absakk = std::abs(ld_(k, k));
      int imax = k;
      double colmax = 0;
      for (int i = k + 1; i < K; ++i)
        if (std::abs(ld_(i, k)) > colmax) {
          colmax = std::abs(ld_(i, k));
          imax = i;
        }
      if (std::max(absakk, colmax) <= relative_zero * row_scale_[k]) {
        // The whole remaining column is negligible: a zero eigenvalue. Eliminate nothing.
        pivot_[k] = k;
        zero_[k] = true;
        for (int i = k + 1; i < K; ++i) ld_(i, k) = 0;
        ++result.zero;
        ++k;
        continue;
      }
      if (absakk < bk_alpha * colmax) {
        double rowmax = 0;
        for (int j = k; j < imax; ++j) rowmax = std::max(rowmax, std::abs(ld_(imax, j)));
        for (int j = imax + 1; j < K; ++j) rowmax = std::max(rowmax, std::abs(ld_(j, imax)));
        if (absakk * rowmax >= bk_alpha * colmax * colmax) {
          kp = k;
        } else if (std::abs(ld_(imax, imax)) >= bk_alpha * rowmax) {
          kp = imax;
        } else {
          kp = imax;
          step = 2;
        }
      }
      const int kk = k + step - 1;
      if (kp != kk) swap_symmetric(k, kk, kp, step);
      if (step == 1) {
        pivot_[k] = kp;
        const double d = ld_(k, k);
        zero_[k] = std::abs(d) <= relative_zero * row_scale_[k];
        if (zero_[k]) {
          // The pivot rule keeps the column below a negligible pivot negligible too.
          for (int i = k + 1; i < K; ++i) ld_(i, k) = 0;
          ++result.zero;
        } else {
          (d > 0 ? result.positive : result.negative) += 1;
          const double r = 1 / d;
          for (int j = k + 1; j < K; ++j) {
            const double ljk = ld_(j, k) * r;
            for (int i = j; i < K; ++i) ld_(i, j) -= ld_(i, k) * ljk;
          }
          for (int i = k + 1; i < K; ++i) ld_(i, k) *= r;
        }
      } else {
        pivot_[k] = pivot_[k + 1] = -(kp + 1);
        const double a11 = ld_(k, k), a21 = ld_(k + 1, k), a22 = ld_(k + 1, k + 1);
        // Eigenvalues of the block: e1 the larger in magnitude, e2 = det / e1.
        const double half_sum = 0.5 * (a11 + a22);
        const double radius = std::hypot(0.5 * (a11 - a22), a21);
        const double e1 = half_sum >= 0 ? half_sum + radius : half_sum - radius;
        const double e2 = (a11 * a22 - a21 * a21) / e1;
        const double scale = std::min(row_scale_[k], row_scale_[k + 1]);
        zero_[k] = zero_[k + 1] = false;
        (e1 > 0 ? result.positive : result.negative) += 1;
        if (std::abs(e2) <= relative_zero * scale) ++result.zero;
        else (e2 > 0 ? result.positive : result.negative) += 1;
        // LAPACK's scaled form of D⁻¹ = [a22 −a21; −a21 a11] / det, stable when |a21| dominates.
        const double d11 = a22 / a21, d22 = a11 / a21;
        const double t = 1 / (d11 * d22 - 1);
        const double d21 = t / a21;
        for (int j = k + 2; j < K; ++j) {
          const double wk = d21 * (d11 * ld_(j, k) - ld_(j, k + 1));
          const double wkp1 = d21 * (d22 * ld_(j, k + 1) - ld_(j, k));
          for (int i = j; i < K; ++i) ld_(i, j) -= ld_(i, k) * wk + ld_(i, k + 1) * wkp1;
          ld_(j, k) = wk;
          ld_(j, k + 1) = wkp1;
        }
      }
      k += step;
    }
    inertia_ = result;
    return result;
  }

  inertia matrix_inertia() const noexcept { return inertia_; }

  /// Overwrites b with x such that A x = b. Components along zero pivots are set to zero;
  /// callers that need a nonsingular system check the inertia first.
  void solve(vector_view& b) const {
    const int K = k_;
    int k = 0;
    while (k < K) {  // L D y = P b
      if (pivot_[k] >= 0) {
        const int kp = pivot_[k];
        if (kp != k) std::swap(b[k], b[kp]);
        for (int i = k + 1; i < K; ++i) b[i] -= ld_(i, k) * b[k];
        b[k] = zero_[k] ? 0.0 : b[k] / ld_(k, k);
        k += 1;
      } else {
        const int kp = -pivot_[k] - 1;
        if (kp != k + 1) std::swap(b[k + 1], b[kp]);
        for (int i = k + 2; i < K; ++i) b[i] -= ld_(i, k) * b[k] + ld_(i, k + 1) * b[k + 1];
        const double a21 = ld_(k + 1, k);
        const double a11 = ld_(k, k) / a21, a22 = ld_(k + 1, k + 1) / a21;
        const double denom = a11 * a22 - 1;
        const double b1 = b[k] / a21, b2 = b[k + 1] / a21;
        b[k] = (a22 * b1 - b2) / denom;
        b[k + 1] = (a11 * b2 - b1) / denom;
        k += 2;
      }
    }
    k = K - 1;
    while (k >= 0) {  // Lᵀ Pᵀ x = y
      if (pivot_[k] >= 0) {
        for (int i = k + 1; i < K; ++i) b[k] -= ld_(i, k) * b[i];
        const int kp = pivot_[k];
        if (kp != k) std::swap(b[k], b[kp]);
        k -= 1;
      } else {
        for (int i = k + 1; i < K; ++i) {
          b[k] -= ld_(i, k) * b[i];
          b[k - 1] -= ld_(i, k - 1) * b[i];
        }
        const int kp = -pivot_[k] - 1;
        if (kp != k) std::swap(b[k], b[kp]);
        k -= 2;
      }
    }
  }

 private:
  // Interchanges rows and columns kk and kp (kp > kk) of the trailing lower triangle, LAPACK style:
  // earlier columns of L are left in place and the solve replays the interchanges in order.
  void swap_symmetric(int k, int kk, int kp, int step) {
    const int K = k_;
    for (int i = kp + 1; i < K; ++i) std::swap(ld_(i, kk), ld_(i, kp));
    for (int j = kk + 1; j < kp; ++j) std::swap(ld_(j, kk), ld_(kp, j));
    std::swap(ld_(kk, kk), ld_(kp, kp));
    if (step == 2) std::swap(ld_(k + 1, k), ld_(kp, k));
    std::swap(row_scale_[kk], row_scale_[kp]);
  }

  int k_;
  matrix_view ld_;
  vector_view row_scale_;
  int* pivot_;
  int* zero_;  // 1 where a 1×1 pivot was negligible
  inertia inertia_{};
};

}  // namespace gradus::detail
