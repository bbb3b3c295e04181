// Least squares, f(x) = ½‖Ax − b‖² with A a 6×3 matrix: a quadratic whose gradient is
// Aᵀ(Ax − b) and whose Hessian is AᵀA. Its minimizer solves the normal equations AᵀA x = Aᵀb.
// Gradient descent approaches it geometrically; the exact step for a quadratic,
// ε* = gᵀg / gᵀHg, is the best step along each gradient but still needs many of them. Newton's
// step solves H d = −g with the exact Hessian AᵀA: the normal equations themselves, so one step
// lands on the minimizer.
#include <cstdio>
#include <random>

#include <Eigen/Cholesky>
#include <gradus/gradus.hpp>

#include "tour.hpp"

int main(int argc, char** argv) {
  Eigen::Matrix<double, 6, 3> A;
  Eigen::Matrix<double, 6, 1> b;
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 3; ++j) A(i, j) = normal(rng);
    b[i] = normal(rng);
  }

  auto X = gradus::variables<3>();
  auto f = 0.5 * gradus::squared_norm(gradus::constant(A) * X - b);

  tour::section("Least squares: f(x) = |Ax - b|^2 / 2, A 6x3");
  const Eigen::Vector3d exact = (A.transpose() * A).ldlt().solve(A.transpose() * b);
  const Eigen::Vector3d x0 = Eigen::Vector3d::Zero();
  const Eigen::Matrix3d H = gradus::hessian(f, x0);
  std::printf("normal equations: x* = (%.8f, %.8f, %.8f), f(x*) = %.10f\n", exact[0], exact[1], exact[2],
              gradus::value(f, exact));
  std::printf("Hessian A^T A from gradus equals A^T A: max difference %.1e\n",
              (H - A.transpose() * A).cwiseAbs().maxCoeff());

  tour::csv out(argc, argv, "least_squares", "method,iteration,error");
  const gradus::options opts{.gradient_tolerance = 1e-10, .max_iterations = 10000, .record_trace = true};
  struct run {
    const char* name;
    gradus::step_rule step;
  };
  for (const auto& [name, step] : {run{"backtracking", gradus::backtracking{}},
                                   run{"exact step", gradus::exact_quadratic_step{}}}) {
    const auto r = gradus::minimize(f, x0, gradus::gradient_descent{.step = step}, opts);
    std::printf("gradient descent, %-13s %5zu iterations, |x - x*| = %.1e  (%s)\n", name, r.iterations,
                (r.x - exact).norm(), r.converged() ? "converged" : "not converged");
    for (const auto& e : r.trace) out.row("%s,%zu,%.17g", name, e.iteration, (e.x - exact).norm());
  }
  const auto nt = gradus::minimize(f, x0, gradus::newton{}, opts);
  std::printf("Newton's method                  %5zu iteration,  |x - x*| = %.1e  (%s)\n", nt.iterations,
              (nt.x - exact).norm(), nt.converged() ? "converged" : "not converged");
  for (const auto& e : nt.trace) out.row("Newton,%zu,%.17g", e.iteration, (e.x - exact).norm());
  return 0;
}
