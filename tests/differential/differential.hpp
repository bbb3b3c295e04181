// Differential testing of derivatives: random expression TYPES generated at compile time from a
// seed (template recursion over a splitmix64 hash), each checked at random points in three
// magnitude regions. For every (expression, point) pair:
//   forward-mode gradient == reverse-mode gradient == the symbolic gradient_expr evaluated
//   == derivative(f, x0), to rounding;
//   the Hessian is exactly symmetric, value_gradient_hessian agrees with the separate calls,
//   hessian_vector_product == H·w;
//   the gradient agrees with the five-point finite difference of the value, and the Hessian with
//   the central difference of the gradient, each within a tolerance scaled by the sizes of f, ∇f
//   and ∇²f (a crude condition estimate: the FD error grows with them).
// The building blocks are defined on all of ℝ (denominators 1 + u², logs of 1 + u², exp of a
// bounded argument), so every point is inside every domain and each check must pass.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <iostream>
#include <typeinfo>
#include <utility>

#include <gradus/gradus.hpp>

#include <catch2/catch.hpp>

#include "derivative_laws.hpp"

namespace gradus_test::differential {

constexpr std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// A random expression in x0, x1, x2 of depth at most D, fixed by the seed S.
template <std::uint64_t S, int D>
constexpr auto random_expression() {
  constexpr std::uint64_t h = mix(S);
  constexpr unsigned pick = D == 0 ? 0u : unsigned(h % 23);
  constexpr unsigned leaf = unsigned((h >> 20) % 5);
  constexpr std::uint64_t sa = mix(S ^ 0xa5a5a5a5ULL), sb = mix(S + 0x12345ULL);
  if constexpr (pick < 3) {
    if constexpr (leaf < 3) return gradus::var<leaf>{};
    else if constexpr (leaf == 3) return 2 * gradus::var<unsigned((h >> 40) % 3)>{};
    else return gradus::var<unsigned((h >> 40) % 3)>{} + 1;
  } else {
    const auto a = random_expression<sa, D - 1>();
    const auto b = random_expression<sb, D - 1>();
    if constexpr (pick == 3) return a + b;
    else if constexpr (pick == 4) return a - b;
    else if constexpr (pick == 5 || pick == 6) return a * b;
    else if constexpr (pick == 7) return a / (1 + gradus::square(b));
    else if constexpr (pick == 8) return gradus::sin(a);
    else if constexpr (pick == 9) return gradus::cos(a);
    else if constexpr (pick == 10) return gradus::tanh(a);
    else if constexpr (pick == 11) return gradus::sigmoid(a);
    else if constexpr (pick == 12) return gradus::softplus(a);
    else if constexpr (pick == 13) return gradus::log_sigmoid(a);
    else if constexpr (pick == 14) return gradus::exp(gradus::tanh(a));
    else if constexpr (pick == 15) return gradus::sqrt(1 + gradus::square(a));
    else if constexpr (pick == 16) return gradus::log1p(gradus::square(a));
    else if constexpr (pick == 17) return gradus::expm1(gradus::sin(a));
    else if constexpr (pick == 18) return gradus::square(a);
    else if constexpr (pick == 19) return gradus::pow<3>(a);
    else if constexpr (pick == 20) return gradus::logsumexp(a, b);
    else if constexpr (pick == 21) return gradus::pow(1 + gradus::square(a), 0.75);
    else return gradus::log(1 + gradus::square(a)) * b;
  }
}

/// The worst error of each kind, as a fraction of its tolerance's scale.
struct report {
  std::size_t pairs = 0;
  std::set<std::string> types;
  double modes = 0;       ///< forward vs reverse vs symbolic vs derivative, relative
  double fd_gradient = 0; ///< gradient vs FD of the value, relative to max(1, |f|, ‖g‖)
  double fd_hessian = 0;  ///< Hessian vs FD of the gradient, relative to max(1, ‖g‖, ‖H‖)
  double hvp = 0;
  bool asymmetric = false;
  bool non_finite = false;
  int failures_shown = 0;
};

inline double rel(double err, double scale) { return err / std::max(1.0, scale); }

template <class F>
void check_expression(const F& f, report& out, std::uint64_t seed, int points_per_region) {
  using vec = Eigen::Vector3d;
  constexpr std::size_t n = gradus::arity_v<F>;
  out.types.insert(typeid(F).name());
  rng r(seed);
  const double regions[] = {2.0, 1e-4, 6.0};
  for (double radius : regions)
    for (int k = 0; k < points_per_region; ++k) {
      const vec p = r.point<3>(-radius, radius);
      ++out.pairs;
      const double v = gradus::value(f, p);
      const vec g = gradus::gradient(f, p);
      const vec gf = gradus::gradient(f, p, gradus::forward_mode);
      const Eigen::Matrix3d H = gradus::hessian(f, p);
      if (!std::isfinite(v) || !g.allFinite() || !H.allFinite()) {
        out.non_finite = true;
        continue;
      }
      const double gscale = g.cwiseAbs().maxCoeff(), hscale = H.cwiseAbs().maxCoeff();
      double modes = (g - gf).cwiseAbs().maxCoeff();
      if constexpr (n > 0) {
        const auto gs = gradus::value(gradus::gradient_expr(f), p);
        for (std::size_t i = 0; i < n; ++i) modes = std::max(modes, std::abs(gs[Eigen::Index(i)] - g[Eigen::Index(i)]));
        modes = std::max(modes, std::abs(gradus::value(gradus::derivative(f, gradus::var<0>{}), p) - g[0]));
      }
      const auto [v2, g2, H2] = gradus::value_gradient_hessian(f, p);
      modes = std::max({modes, std::abs(v2 - v), (g2 - g).cwiseAbs().maxCoeff(), (H2 - H).cwiseAbs().maxCoeff()});
      const double modes_rel = rel(modes, std::max({std::abs(v), gscale, hscale}));
      if (modes_rel > 1e-9 && out.failures_shown < 6) {
        ++out.failures_shown;
        std::cout << "modes disagree for " << gradus::to_string(f) << " at " << p.transpose() << ": reverse "
                  << g.transpose() << ", forward " << gf.transpose() << ", fused " << g2.transpose() << "\n";
      }
      out.modes = std::max(out.modes, modes_rel);
      if (H != H.transpose()) out.asymmetric = true;

      const vec w = r.point<3>(-1, 1);
      const vec hv = gradus::hessian_vector_product(f, p, w);
      out.hvp = std::max(out.hvp, rel((hv - H * w).cwiseAbs().maxCoeff(), hscale));

      const auto value_at = [&](const vec& x) { return gradus::value(f, x); };
      for (int i = 0; i < 3; ++i) {
        const double h = 1e-3 * std::max(1.0, std::abs(p[i]));
        const double fd = fd_partial(value_at, p, i, h);
        const double fd_rel = rel(std::abs(fd - g[i]), std::max(std::abs(v), gscale));
        if (fd_rel > 1e-6 && out.failures_shown < 12) {
          ++out.failures_shown;
          std::cout << "FD gradient disagrees for " << gradus::to_string(f) << " at " << p.transpose() << ", i = " << i
                    << ": reverse " << g[i] << ", FD " << fd << "\n";
        }
        out.fd_gradient = std::max(out.fd_gradient, fd_rel);
        const double hh = 1e-5 * std::max(1.0, std::abs(p[i]));
        vec pp = p, pm = p;
        pp[i] += hh, pm[i] -= hh;
        const vec column = (gradus::gradient(f, pp) - gradus::gradient(f, pm)) / (2 * hh);
        out.fd_hessian = std::max(out.fd_hessian, rel((column - H.col(i)).cwiseAbs().maxCoeff(), std::max(gscale, hscale)));
      }
    }
}

template <std::uint64_t Base, int Depth, std::size_t... I>
void check_all(report& out, int points_per_region, std::index_sequence<I...>) {
  (check_expression(random_expression<mix(Base + I), Depth>(), out, Base + I, points_per_region), ...);
}

/// Checks Count expressions of depth Depth from seeds Base, Base + 1, …, each at 3 × 4 points,
/// prints the counts and the worst errors, and requires them within bounds.
template <std::uint64_t Base, int Depth, std::size_t Count>
void run_suite(const char* name) {
  report r;
  check_all<Base, Depth>(r, 4, std::make_index_sequence<Count>{});
  std::cout << "differential " << name << ": " << r.types.size() << " distinct expression types, " << r.pairs
            << " (expression, point) pairs; worst relative errors: modes " << r.modes << ", FD gradient "
            << r.fd_gradient << ", FD Hessian " << r.fd_hessian << ", HVP " << r.hvp << "\n";
  CHECK(r.types.size() >= Count * 9 / 10);  // the simplifier may fold a few seeds into one type
  CHECK_FALSE(r.non_finite);
  CHECK_FALSE(r.asymmetric);
  CHECK(r.modes < 1e-12);
  CHECK(r.hvp < 1e-12);
  CHECK(r.fd_gradient < 1e-6);  // DESIGN.md: ~1e-6 relative against finite differences
  CHECK(r.fd_hessian < 1e-6);
}

}  // namespace gradus_test::differential
