// The textbook's constrained least squares (Goodfellow, Bengio & Courville, Deep Learning, §4.4):
//
//     minimize ½‖Ax − b‖²   subject to   xᵀx ≤ 1,
//
// with the generalized Lagrangian L(x, λ) = ½‖Ax − b‖² + λ(xᵀx − 1), solved twice:
//  1. by gradus::solve_kkt on the problem written as expressions;
//  2. by the book's own method: for a fixed λ the minimizer of L over x solves
//     (AᵀA + 2λI) x = Aᵀb; then gradient ascent on λ with ∂L/∂λ = xᵀx − 1, keeping λ ≥ 0,
//     until xᵀx − 1 = 0 (or λ = 0 with xᵀx ≤ 1).
// Both give the same x and λ (gradus calls the multiplier of the inequality α).
#include <cmath>
#include <cstdio>
#include <iostream>

#include <Eigen/Dense>
#include <gradus/gradus.hpp>

int main() {
  Eigen::Matrix<double, 3, 2> A;
  A << 2, 0,  //
      0, 1,   //
      1, 1;
  const Eigen::Vector3d b(4, 3, 5);  // the unconstrained least-squares solution is (2, 3), outside the ball

  // 1. The KKT solver.
  auto X = gradus::variables<2>();
  auto objective = 0.5 * gradus::squared_norm(gradus::constant(A) * X - b);
  auto prob = gradus::problem(objective, gradus::subject_to(gradus::squared_norm(X) <= 1));
  const auto k = gradus::solve_kkt(prob, Eigen::Vector2d(0, 0));
  std::cout << "solve_kkt: " << k;

  // 2. The textbook's method: solve for x, then ascend on λ along ∂L/∂λ = xᵀx − 1.
  const Eigen::Matrix2d AtA = A.transpose() * A;
  const Eigen::Vector2d Atb = A.transpose() * b;
  double lambda = 0;
  Eigen::Vector2d x = AtA.ldlt().solve(Atb);
  int iterations = 0;
  for (; iterations < 100000; ++iterations) {
    x = (AtA + 2 * lambda * Eigen::Matrix2d::Identity()).ldlt().solve(Atb);
    const double dL_dlambda = x.squaredNorm() - 1;
    if (std::abs(dL_dlambda) < 1e-13 || (lambda == 0 && dL_dlambda <= 0)) break;
    lambda = std::max(0.0, lambda + 1.0 * dL_dlambda);  // step size 1
  }
  std::printf("textbook:  x = [%.10f, %.10f], lambda = %.10f after %d ascent steps\n", x[0], x[1], lambda,
              iterations);
  const gradus::kkt_report r = gradus::kkt_residuals(prob, x, Eigen::Matrix<double, 0, 1>{},
                                                     Eigen::Matrix<double, 1, 1>(lambda));
  std::cout << "  KKT residuals of the textbook's answer: " << r << '\n';
  std::printf("difference: |x - x_kkt| = %.2e, |lambda - alpha_kkt| = %.2e\n", (x - k.x).cwiseAbs().maxCoeff(),
              std::abs(lambda - k.alpha[0]));
  return k.converged() && (x - k.x).cwiseAbs().maxCoeff() < 1e-6 ? 0 : 1;
}
