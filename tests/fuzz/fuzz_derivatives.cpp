// libFuzzer target: value, gradient (both modes), Hessian, directional derivative and
// Hessian-vector product of a fixed set of expressions at points made from the fuzzer's bytes
// (NaN, ±Inf, huge, denormal). Properties, at every point:
//   - evaluation never throws and never trips a sanitizer;
//   - the value is the same from value, value_and_gradient and value_gradient_hessian;
//   - where both are finite, forward and reverse gradients agree, and so do the Hessian from
//     hessian and from value_gradient_hessian; the Hessian is exactly symmetric;
//   - uᵀ∇f and H·w agree with the gradient and the Hessian where all are finite;
//   - each lane of a SIMD batch gives the scalar result at that lane's point;
//   - for expressions smooth and defined on all of ℝ³ and bounded with their derivatives
//     (logsumexp, softplus, log_sigmoid, sigmoid, tanh, sin, cos), a finite point gives a
//     finite value, gradient and Hessian; for ones defined everywhere but able to overflow
//     (log1p(‖p‖²), √(1 + ‖p‖²), softplus(x − y)), a finite value implies a finite gradient.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <gradus/eval.hpp>

#include "fuzz_input.hpp"

namespace {

using gradus_fuzz::close;
using gradus_fuzz::fail;
using point = Eigen::Vector3d;

enum class kind { bounded, overflow_only, general };

// Forward sweeps scale the direction through every intermediate tangent, which underflows or
// overflows for a denormal or huge direction before the result would: the comparison with
// the gradient is made for directions whose entries are 0 or between 1e-100 and 1e100.
bool moderate(const point& d) {
  for (int i = 0; i < 3; ++i)
    if (d[i] != 0 && !(std::fabs(d[i]) >= 1e-100 && std::fabs(d[i]) <= 1e100)) return false;
  return true;
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

template <class F>
void check(const F& f, kind k, const point& p, const point& u, const point& w) {
  gradus_fuzz::context().clear();
  gradus_fuzz::describe("p", p);
  gradus_fuzz::describe("u", u);
  gradus_fuzz::describe("w", w);
  const bool finite_point = p.allFinite();
  const double inf_norm = finite_point ? p.cwiseAbs().maxCoeff() : 0.0;
  // Rounding differences between evaluation orders are relative to the size of the terms,
  // which for these expressions is at most about (1 + ‖p‖∞)³ times the result.
  const double term_scale = std::fmin(1e300, std::pow(1.0 + inf_norm, 3));

  const double v = gradus::value(f, p);
  const auto [v2, g] = gradus::value_and_gradient(f, p);
  const auto [v3, g3, H3] = gradus::value_gradient_hessian(f, p);
  const point gf = gradus::gradient(f, p, gradus::forward_mode);
  const point gr = gradus::gradient(f, p, gradus::reverse_mode);
  const Eigen::Matrix3d H = gradus::hessian(f, p);
  const double dd = gradus::directional_derivative(f, p, u);
  const point Hw = gradus::hessian_vector_product(f, p, w);

  GRADUS_FUZZ_CHECK(same(v, v2) && same(v, v3), "value, value_and_gradient and value_gradient_hessian disagree on f");
  GRADUS_FUZZ_CHECK(same(v, f(p[0], p[1], p[2])), "f(x, y, z) and gradus::value(f, p) disagree");
  for (int i = 0; i < 3; ++i) {
    GRADUS_FUZZ_CHECK(same(g[i], gr[i]), "value_and_gradient and gradient(reverse_mode) disagree");
    if (std::isfinite(gf[i]) && std::isfinite(gr[i]))
      GRADUS_FUZZ_CHECK(close(gf[i], gr[i], 1e-10, std::fmax(term_scale, std::fmax(std::fabs(gf[i]), std::fabs(gr[i])))),
                        "forward and reverse gradients differ beyond rounding");
    if (std::isfinite(g3[i]) && std::isfinite(g[i]))
      GRADUS_FUZZ_CHECK(close(g3[i], g[i], 1e-10, std::fmax(term_scale, std::fabs(g[i]))),
                        "the gradients of value_gradient_hessian and value_and_gradient differ");
    for (int j = 0; j < 3; ++j) {
      GRADUS_FUZZ_CHECK(same(H(i, j), H(j, i)), "the Hessian is not exactly symmetric");
      GRADUS_FUZZ_CHECK(same(H3(i, j), H3(j, i)), "value_gradient_hessian's Hessian is not exactly symmetric");
      if (std::isfinite(H(i, j)) && std::isfinite(H3(i, j)))
        GRADUS_FUZZ_CHECK(close(H(i, j), H3(i, j), 1e-10, std::fmax(term_scale, std::fabs(H(i, j)))),
                          "hessian and value_gradient_hessian's Hessian differ");
    }
  }
  gradus_fuzz::describe("gradient", g);
  gradus_fuzz::describe("forward gradient", gf);
  gradus_fuzz::describe("directional derivative", Eigen::Matrix<double, 1, 1>(dd));
  gradus_fuzz::describe("value", Eigen::Matrix<double, 1, 1>(v));
  if (g.allFinite() && moderate(u) && std::isfinite(dd)) {
    const double expected = g.dot(u);
    const double scale = g.cwiseAbs().dot(u.cwiseAbs());
    if (std::isfinite(expected) && std::isfinite(scale))
      GRADUS_FUZZ_CHECK(close(dd, expected, 1e-9, std::fmax(scale, term_scale * u.cwiseAbs().sum())),
                        "directional_derivative differs from the gradient's dot product");
  }
  if (H.allFinite() && moderate(w) && Hw.allFinite()) {
    const point expected = H * w;
    const point scale = H.cwiseAbs() * w.cwiseAbs();
    for (int i = 0; i < 3; ++i)
      if (std::isfinite(expected[i]) && std::isfinite(scale[i]))
        GRADUS_FUZZ_CHECK(close(Hw[i], expected[i], 1e-9, std::fmax(scale[i], term_scale * w.cwiseAbs().sum())),
                          "hessian_vector_product differs from H·w");
  }

  if (finite_point && k == kind::bounded) {
    GRADUS_FUZZ_CHECK(std::isfinite(v), "a bounded expression is not finite at a finite point");
    GRADUS_FUZZ_CHECK(gr.allFinite() && gf.allFinite(), "a bounded expression's gradient is not finite at a finite point");
    GRADUS_FUZZ_CHECK(H.allFinite() && H3.allFinite(), "a bounded expression's Hessian is not finite at a finite point");
  }
  if (finite_point && k == kind::overflow_only && std::isfinite(v))
    GRADUS_FUZZ_CHECK(gr.allFinite() && gf.allFinite(), "the value is finite but the gradient is not (smooth, defined everywhere)");

  // Each SIMD lane is an independent point: put p in lane 0 and a permutation of it elsewhere.
  constexpr std::size_t width = gradus::simd_double::size;
  alignas(64) double lanes[3][width];
  for (std::size_t l = 0; l < width; ++l)
    for (int i = 0; i < 3; ++i) lanes[i][l] = p[(i + int(l)) % 3];
  const std::array<gradus::simd_double, 3> batch{gradus::simd_double::load_aligned(lanes[0]),
                                                 gradus::simd_double::load_aligned(lanes[1]),
                                                 gradus::simd_double::load_aligned(lanes[2])};
  const auto [vb, gb] = gradus::value_and_gradient(f, batch);
  for (std::size_t l = 0; l < width; ++l) {
    const point q(lanes[0][l], lanes[1][l], lanes[2][l]);
    const auto [vs, gs] = gradus::value_and_gradient(f, q);
    const double vl = gradus::detail::math::lane(vb, l);
    GRADUS_FUZZ_CHECK(std::isfinite(vl) == std::isfinite(vs) && std::isnan(vl) == std::isnan(vs),
                      "a SIMD lane's value and the scalar value differ in finiteness");
    GRADUS_FUZZ_CHECK(close(vl, vs, 1e-12, std::fmax(1.0, std::fabs(vs))), "a SIMD lane's value differs from the scalar value");
    for (int i = 0; i < 3; ++i) {
      const double gl = gradus::detail::math::lane(gb[i], l);
      GRADUS_FUZZ_CHECK(std::isfinite(gl) == std::isfinite(gs[i]),
                        "a SIMD lane's gradient and the scalar gradient differ in finiteness");
      if (std::isfinite(gl))
        GRADUS_FUZZ_CHECK(close(gl, gs[i], 1e-12, std::fmax(term_scale, std::fabs(gs[i]))),
                          "a SIMD lane's gradient differs from the scalar gradient");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gradus_fuzz::input in(data, size);
  const std::size_t which = in.choice(9);
  point p, u, w;
  for (int i = 0; i < 3; ++i) p[i] = in.number();
  for (int i = 0; i < 3; ++i) u[i] = in.number();
  for (int i = 0; i < 3; ++i) w[i] = in.number();

  constexpr gradus::var<0> x{};
  constexpr gradus::var<1> y{};
  constexpr gradus::var<2> z{};
  gradus_fuzz::run_guarded(false, [&] {
    switch (which) {
      case 0: check(gradus::logsumexp(x, y, z), kind::bounded, p, u, w); break;
      case 1: check(gradus::softplus(x) + gradus::log_sigmoid(y) + gradus::sigmoid(z) * gradus::tanh(x), kind::bounded, p, u, w); break;
      case 2: check(gradus::sin(x) * gradus::cos(y) + gradus::tanh(z), kind::bounded, p, u, w); break;
      case 3: check(gradus::log1p(x * x + y * y + z * z), kind::overflow_only, p, u, w); break;
      case 4: check(gradus::sqrt(1 + x * x + y * y) - z, kind::overflow_only, p, u, w); break;
      case 5: check(gradus::softplus(x - y) + gradus::log_sigmoid(z - x), kind::overflow_only, p, u, w); break;
      case 6: check(x * x + 2 * x * y + gradus::pow<3>(y) - z, kind::general, p, u, w); break;
      case 7: check(gradus::exp(x) * y - gradus::log(gradus::abs(z) + 1) + x / (1 + y * y), kind::general, p, u, w); break;
      default: check(gradus::pow(gradus::square(x) + 1, 2.5) * gradus::pow<-2>(y) + gradus::expm1(z) * gradus::sqrt(x), kind::general, p, u, w); break;
    }
  });
  return 0;
}
