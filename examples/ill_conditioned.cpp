// An ill-conditioned quadratic f(x, y) = ½(x² + κy²): its Hessian diag(1, κ) has condition
// number κ. Gradient descent with the best fixed step, η = 2/(μ + L) for the curvatures μ = 1
// and L = κ, overshoots across the narrow direction at every step (y changes sign: a zigzag)
// while it creeps along the valley; its error shrinks by (κ − 1)/(κ + 1) per step.
// Momentum keeps a velocity along the valley. Polyak's heavy ball at its best setting,
// learning rate 4/(√L + √μ)² and momentum ((√κ − 1)/(√κ + 1))², shrinks the error by
// (√κ − 1)/(√κ + 1) per step, about √κ times fewer steps, but it too swings across the
// valley (wider than gradient descent at first) until the swing dies out. Nesterov's momentum
// with the learning rate 1/L and momentum (√κ − 1)/(√κ + 1) evaluates the gradient after the
// momentum step and damps the narrow direction at once: no zigzag at all. Newton's method
// rescales the gradient by the inverse Hessian, x ← x − H⁻¹∇f: on a quadratic it lands on the
// minimizer in one step, whatever κ.
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
    const auto nes = gradus::minimize(
        f, start, gradus::nesterov{.learning_rate = 1 / kappa, .momentum = (root - 1) / (root + 1)}, opts);
    const auto nt = gradus::minimize(f, start, gradus::newton{}, opts);
    std::printf("%-38s %6zu iterations  f = %.2e  %s\n", "gradient descent, step 2/(1 + kappa):", gd.iterations, gd.value,
                gd.converged() ? "converged" : "not converged");
    std::printf("%-38s %6zu iterations  f = %.2e  %s\n", "momentum (heavy ball, Polyak):", mom.iterations, mom.value,
                mom.converged() ? "converged" : "not converged");
    std::printf("%-38s %6zu iterations  f = %.2e  %s\n", "Nesterov momentum:", nes.iterations, nes.value,
                nes.converged() ? "converged" : "not converged");
    std::printf("%-38s %6zu iterations  f = %.2e  %s\n", "Newton:", nt.iterations, nt.value,
                nt.converged() ? "converged" : "not converged");
    std::printf("first steps (gradient descent: y changes sign at every step, the zigzag):\n");
    std::printf("  %-4s %-22s %-22s %-22s\n", "k", "gradient descent", "heavy ball", "Nesterov");
    for (std::size_t k = 0; k < 6; ++k) {
      std::printf("  %-4zu", k);
      for (const auto* r : {&gd, &mom, &nes})
        if (k < r->trace.size()) std::printf(" (%8.4f, %8.4f)   ", r->trace[k].x[0], r->trace[k].x[1]);
      std::printf("\n");
    }


    for (const auto& e : gd.trace) out.row("%g,gradient descent,%zu,%.17g,%.17g,%.17g", kappa, e.iteration, e.x[0], e.x[1], e.value);
    for (const auto& e : mom.trace) out.row("%g,heavy-ball momentum,%zu,%.17g,%.17g,%.17g", kappa, e.iteration, e.x[0], e.x[1], e.value);
    for (const auto& e : nes.trace) out.row("%g,Nesterov,%zu,%.17g,%.17g,%.17g", kappa, e.iteration, e.x[0], e.x[1], e.value);
    for (const auto& e : nt.trace) out.row("%g,Newton,%zu,%.17g,%.17g,%.17g", kappa, e.iteration, e.x[0], e.x[1], e.value);
  }
  return 0;
}
