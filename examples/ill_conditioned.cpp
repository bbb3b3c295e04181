// An ill-conditioned quadratic f(x, y) = ½(x² + κy²): its Hessian diag(1, κ) has condition
// number κ. Gradient descent with the best fixed step, η = 2/(μ + L) for the curvatures μ = 1
// and L = κ, overshoots across the narrow direction at every step (y changes sign: a zigzag)
// while it creeps along the valley; its error shrinks by (κ − 1)/(κ + 1) per step.
// Polyak's momentum (heavy ball), with the learning rate
// η = 4/(√L + √μ)² and momentum ((√κ − 1)/(√κ + 1))², keeps a velocity along the valley: its
// error shrinks by (√κ − 1)/(√κ + 1) per step, about √κ times fewer steps.
#include <cmath>
#include <cstdio>

#include <Eigen/Eigenvalues>
#include <gradus/gradus.hpp>

#include "tour.hpp"

int main(int argc, char** argv) {
  auto [x, y] = gradus::variables<2>();
  const Eigen::Vector2d start(-9, 1.5);
  tour::csv out(argc, argv, "ill_conditioned", "kappa,method,iteration,x,y,value");

  for (const double kappa : {5.0, 50.0}) {
    auto f = 0.5 * (x * x + kappa * y * y);
    const Eigen::Matrix2d H = gradus::hessian(f, start);
    const Eigen::Vector2d eig = Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d>(H).eigenvalues();
    std::printf("\n== Condition number %g: f = (x^2 + %g y^2)/2, start (%g, %g) ==\n", kappa, kappa, start[0],
                start[1]);
    std::printf("Hessian eigenvalues %g and %g: condition number %g\n", eig[0], eig[1], eig[1] / eig[0]);

    const double root = std::sqrt(kappa);
    const gradus::momentum heavy_ball{.learning_rate = 4 / ((root + 1) * (root + 1)),
                                      .momentum = ((root - 1) / (root + 1)) * ((root - 1) / (root + 1))};
    const gradus::options opts{.gradient_tolerance = 1e-6, .max_iterations = 5000, .record_trace = true};

    const auto gd = gradus::minimize(f, start, gradus::gradient_descent{.step = gradus::fixed_step{2 / (1 + kappa)}}, opts);
    const auto mom = gradus::minimize(f, start, heavy_ball, opts);
    std::printf("%-38s %6zu iterations  f = %.2e  %s\n", "gradient descent, step 2/(1 + kappa):", gd.iterations, gd.value,
                gd.converged() ? "converged" : "not converged");
    std::printf("%-38s %6zu iterations  f = %.2e  %s\n", "momentum (heavy ball):", mom.iterations, mom.value,
                mom.converged() ? "converged" : "not converged");
    std::printf("first steps of gradient descent (the zigzag: y changes sign every step):\n");
    for (std::size_t k = 0; k < 6 && k < gd.trace.size(); ++k)
      std::printf("  x%zu = (%8.4f, %8.4f)\n", k, gd.trace[k].x[0], gd.trace[k].x[1]);

    for (const auto& e : gd.trace) out.row("%g,gradient descent,%zu,%.17g,%.17g,%.17g", kappa, e.iteration, e.x[0], e.x[1], e.value);
    for (const auto& e : mom.trace) out.row("%g,momentum,%zu,%.17g,%.17g,%.17g", kappa, e.iteration, e.x[0], e.x[1], e.value);
  }
  return 0;
}
