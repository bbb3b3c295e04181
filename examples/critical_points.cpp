// Critical points and the second-derivative test. Where ∇f = 0 the Hessian's eigenvalues
// decide: all positive, a minimum; all negative, a maximum; both signs, a saddle; a zero
// eigenvalue, inconclusive. Newton's method solves ∇f = 0, so plain Newton is drawn to any
// critical point, saddles included; the modified Newton (each Hessian eigenvalue replaced by its
// absolute value, so the model is convex) always steps downhill and escapes.
#include <cstdio>
#include <utility>

#include <gradus/gradus.hpp>

#include "tour.hpp"

int main(int argc, char** argv) {
  auto [x, y] = gradus::variables<2>();

  tour::section("The second-derivative test");
  auto saddle = x * x - y * y;
  const auto c = gradus::classify(saddle, Eigen::Vector2d(0, 0));
  std::printf("x^2 - y^2 at (0, 0):      %s, Hessian eigenvalues (%g, %g)\n", gradus::to_string(c.kind).data(), c.eigenvalues[0],
              c.eigenvalues[1]);
  const auto m = gradus::classify(x * x + y * y, Eigen::Vector2d(0, 0));
  std::printf("x^2 + y^2 at (0, 0):      %s, Hessian eigenvalues (%g, %g)\n", gradus::to_string(m.kind).data(), m.eigenvalues[0],
              m.eigenvalues[1]);
  const auto q = gradus::classify(gradus::pow<4>(x) + y * y, Eigen::Vector2d(0, 0));
  std::printf("x^4 + y^2 at (0, 0):      %s, Hessian eigenvalues (%g, %g)\n", gradus::to_string(q.kind).data(), q.eigenvalues[0],
              q.eigenvalues[1]);

  // f has a saddle at (0, 0) and two minima at (0, ±1).
  auto f = x * x + 0.25 * gradus::pow<4>(y) - 0.5 * y * y;
  const Eigen::Vector2d start(0.8, 0.3);
  tour::section("Newton on f = x^2 + y^4/4 - y^2/2 from (0.8, 0.3): saddle at (0, 0), minima at (0, +-1)");
  const gradus::options opts{.gradient_tolerance = 1e-10, .max_iterations = 100, .record_trace = true};
  const auto plain = gradus::minimize(f, start, gradus::newton{.step = gradus::fixed_step{1.0}, .modify_hessian = false}, opts);
  const auto modified = gradus::minimize(f, start, gradus::newton{}, opts);
  tour::csv out(argc, argv, "critical_points", "method,iteration,x,y");
  for (const auto& [name, r] : {std::pair{"plain Newton", &plain}, std::pair{"modified Newton", &modified}}) {
    const auto k = gradus::classify(f, r->x);
    std::printf("%-16s ends at (%.6f, %.6f) after %zu iterations: a %s (eigenvalues %g, %g)\n", name, r->x[0],
                r->x[1], r->iterations, gradus::to_string(k.kind).data(), k.eigenvalues[0], k.eigenvalues[1]);
    for (const auto& e : r->trace) out.row("%s,%zu,%.17g,%.17g", name, e.iteration, e.x[0], e.x[1]);
  }
  return 0;
}
