// The objectives of the derivative benchmarks, written as a gradus user writes them. The same
// builders are used by core_derivatives.cpp (timed) and by compile_time/measure.py (compiled).
//
//   polynomial            f(x, y) = x² + 2xy + y³
//   rosenbrock<N>         extended Rosenbrock, Σ_{k<N/2} 100 (x_{2k+1} − x_{2k}²)² + (1 − x_{2k})²
//   logsumexp<N>          log Σᵢ exp(xᵢ), evaluated shifted by the max
//   product<N>            Πᵢ xᵢ
//   symmetric_dirichlet   the per-triangle symmetric Dirichlet energy of a 2-D mesh map (Smith &
//                         Schaefer 2015; TinyAD's parametrization example): with the deformed
//                         edge matrix X = [p₁ − p₀, p₂ − p₀], the rest edge matrix's inverse B and
//                         rest area A, the Jacobian is J = X·B and
//                           E = A (‖J‖²_F + ‖J⁻¹‖²_F) = A ‖J‖²_F (1 + 1 / det(J)²),
//                         since J⁻¹ = adj(J)/det J and ‖adj J‖_F = ‖J‖_F for 2×2 matrices.
//                         The 6 variables are (x₀, y₀, x₁, y₁, x₂, y₂).
#pragma once

#include <cstddef>
#include <utility>

#include <gradus/gradus.hpp>

namespace gradus_bench {

inline auto polynomial_expression() {
  auto [x, y] = gradus::variables<2>();
  return x * x + 2 * x * y + gradus::pow<3>(y);
}

template <std::size_t N>
auto rosenbrock_expression() {
  static_assert(N >= 2 && N % 2 == 0, "extended Rosenbrock needs an even number of variables");
  return []<std::size_t... K>(std::index_sequence<K...>) {
    return (... + (100 * gradus::square(gradus::var<2 * K + 1>{} - gradus::square(gradus::var<2 * K>{})) +
                   gradus::square(1 - gradus::var<2 * K>{})));
  }(std::make_index_sequence<N / 2>{});
}

template <std::size_t N>
auto logsumexp_expression() {
  return gradus::logsumexp(gradus::variables<N>());
}

template <std::size_t N>
auto product_expression() {
  return []<std::size_t... I>(std::index_sequence<I...>) { return (... * gradus::var<I>{}); }(
      std::make_index_sequence<N>{});
}

/// The rest shape of one triangle: B = (rest edge matrix)⁻¹, row-major, and its area.
struct triangle_rest {
  double b00, b01, b10, b11, area;
};

inline auto symmetric_dirichlet_expression(const triangle_rest& r) {
  auto [x0, y0, x1, y1, x2, y2] = gradus::variables<6>();
  auto e1x = x1 - x0;
  auto e1y = y1 - y0;
  auto e2x = x2 - x0;
  auto e2y = y2 - y0;
  auto a = r.b00 * e1x + r.b10 * e2x;  // J = X·B, row-major (a b; c d)
  auto b = r.b01 * e1x + r.b11 * e2x;
  auto c = r.b00 * e1y + r.b10 * e2y;
  auto d = r.b01 * e1y + r.b11 * e2y;
  auto frobenius = gradus::square(a) + gradus::square(b) + gradus::square(c) + gradus::square(d);
  auto det = a * d - b * c;
  return r.area * (frobenius + frobenius / gradus::square(det));
}

}  // namespace gradus_bench
