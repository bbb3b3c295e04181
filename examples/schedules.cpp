// Learning-rate schedules on f(x, y) = ½(x² + 10y²), whose curvatures are 1 and 10.
// Gradient descent with a fixed step η contracts the y-coordinate by |1 − 10η| per step: it
// converges for η < 2/10 = 0.2, oscillates close to that limit, and diverges above it.
// The schedules start large and shrink η:
//   linear decay        ηₜ = (1 − t/τ) η₀ + (t/τ) η_τ   (then η_τ)
//   inverse-time decay  ηₜ = η₀ / (1 + ρt)
//   exponential decay   ηₜ = η₀ e^(−ρt)
// and the backtracking line search chooses each step itself (Armijo condition).
#include <cstdio>
#include <string>

#include <gradus/gradus.hpp>

#include "tour.hpp"

int main(int argc, char** argv) {
  auto [x, y] = gradus::variables<2>();
  auto f = 0.5 * (x * x + 10 * y * y);
  const Eigen::Vector2d start(5, 1);

  struct run {
    const char* name;
    gradus::step_rule step;
  };
  const run runs[] = {
      {"fixed 0.05", gradus::fixed_step{0.05}},
      {"fixed 0.19", gradus::fixed_step{0.19}},
      {"linear 0.19 -> 0.05", gradus::linear_decay{.initial = 0.19, .final = 0.05, .tau = 20}},
      {"inverse-time 0.19", gradus::inverse_time_decay{.initial = 0.19, .rho = 0.05}},
      {"exponential 0.19", gradus::exponential_decay{.initial = 0.19, .rho = 0.02}},
      {"backtracking", gradus::backtracking{}},
  };

  tour::csv out(argc, argv, "schedules", "schedule,iteration,value");
  tour::section("Learning-rate schedules on f = (x^2 + 10 y^2)/2 from (5, 1), 100 iterations at most");
  std::printf("%-22s %10s %12s  %s\n", "step rule", "iterations", "f", "status");
  for (const auto& [name, step] : runs) {
    const auto r = gradus::minimize(f, start, gradus::gradient_descent{.step = step},
                                    gradus::options{.gradient_tolerance = 1e-8, .max_iterations = 100,
                                                    .record_trace = true});
    std::printf("%-22s %10zu %12.3e  %s\n", name, r.iterations, r.value, std::string(to_string(r.status)).c_str());
    for (const auto& e : r.trace) out.row("%s,%zu,%.17g", name, e.iteration, e.value);
  }

  tour::section("A learning rate too large: fixed step 0.25 > 2/10");
  const auto r = gradus::minimize(f, start, gradus::gradient_descent{.step = gradus::fixed_step{0.25}},
                                  gradus::options{.max_iterations = 1000, .record_trace = true});
  std::printf("status: %s\n", std::string(to_string(r.status)).c_str());
  std::printf("%s\n", r.message().c_str());
  for (const auto& e : r.trace) out.row("fixed 0.25 (diverges),%zu,%.17g", e.iteration, e.value);
  return r.status == gradus::status::diverged ? 0 : 1;
}
