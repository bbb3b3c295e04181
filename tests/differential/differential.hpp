// Differential testing of derivatives: random expression TYPES generated at compile time from a
// seed (template recursion over a splitmix64 hash, depth 2 to 4), each checked at random points in
// four regions: |x| <= 2, |x| <= 6, tiny magnitudes (10⁻³⁰⁰ ≤ |x| ≤ 10⁻⁸) and large magnitudes
// (10² ≤ |x| ≤ 7·10²). For every (expression, point) pair:
//   forward-mode gradient == reverse-mode gradient == the fused value_gradient_hessian gradient
//   == the symbolic gradient_expr evaluated (unless its trees pass max_symbolic_tree nodes), and
//   value == the fused value, to rounding (10⁻¹², 10⁻⁸ at large magnitudes);
//   the Hessian is exactly symmetric and hessian_vector_product == H·w (every fourth type);
//   the gradient agrees with the five-point finite difference of the value, and the Hessian with
//   the five-point finite difference of the gradient. The FD step follows the conditioning
//   (h = 10⁻³·min(max(1, |xᵢ|), (1 + ‖∇f‖)/(1 + ‖∇²f‖))), and the tolerance adds to 10⁻⁶ of the
//   scale the FD's own error estimate, |FD(h) − FD(h/2)| (Richardson): a wrong derivative differs
//   from two agreeing differences, a noisy difference is counted as unresolved, not passed.
// The building blocks are defined on all of ℝ (denominators 1 + u², logs and square roots of
// 1 + u² or u² + ε, abs of an argument kept away from 0, exp of a bounded argument), so every
// point is inside every domain; the ε-shifted ones put tiny points next to a domain edge.
// Large points may overflow an expression's value: such pairs are counted and skipped.
//
// Compile time is the budget: each expression type instantiates each engine path once, behind a
// noinline function, and everything else (points, comparisons, FD) is one non-template routine.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

#include <gradus/gradus.hpp>

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
  constexpr unsigned pick = D == 0 ? 0u : unsigned(h % 30);
  constexpr unsigned leaf = unsigned((h >> 20) % 5);
  constexpr std::uint64_t sa = mix(S ^ 0xa5a5a5a5ULL), sb = mix(S + 0x12345ULL);
  if constexpr (pick < 3) {
    if constexpr (leaf < 3) return gradus::var<leaf>{};
    else if constexpr (leaf == 3) return 2 * gradus::var<unsigned((h >> 40) % 3)>{};
    else return gradus::var<unsigned((h >> 40) % 3)>{} + 1;
  } else {
    const auto a = random_expression<sa, D - 1>();
    if constexpr (pick == 3) return a + random_expression<sb, D - 1>();
    else if constexpr (pick == 4) return a - random_expression<sb, D - 1>();
    else if constexpr (pick == 5 || pick == 6) return a * random_expression<sb, D - 1>();
    else if constexpr (pick == 7) return a / (1 + gradus::square(random_expression<sb, D - 1>()));
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
    else if constexpr (pick == 20) return gradus::logsumexp(a, random_expression<sb, D - 1>());
    else if constexpr (pick == 21) return gradus::pow(1 + gradus::square(a), 0.75);
    else if constexpr (pick == 22) return gradus::log(1 + gradus::square(a)) * random_expression<sb, D - 1>();
    else if constexpr (pick == 23) return gradus::sqrt(gradus::square(a) + 1e-4);   // domain edge at tiny a
    else if constexpr (pick == 24) return gradus::log(gradus::square(a) + 1e-3);    // domain edge at tiny a
    else if constexpr (pick == 25) return gradus::abs(2 + gradus::sin(a)) - gradus::abs(gradus::cos(a) - 2);
    else if constexpr (pick == 26) return gradus::pow<-2>(1 + gradus::square(a));
    else if constexpr (pick == 27) return gradus::tan(gradus::tanh(a));
    else if constexpr (pick == 28) return gradus::expm1(gradus::tanh(a)) * gradus::log1p(gradus::sigmoid(a));
    else return gradus::logsumexp(a, -a, 2 * a);
  }
}

/// Depth 2, 3 or 4 (1 : 2 : 2), so small types keep the compile cheap and deep ones keep variety.
constexpr int depth_of(std::uint64_t seed) {
  const unsigned k = unsigned(mix(seed ^ 0x5eedULL) % 5);
  return k == 0 ? 2 : k <= 2 ? 3 : 4;
}

using vec = Eigen::Vector3d;
using mat = Eigen::Matrix3d;

struct fused {
  double v;
  vec g;
  mat H;
};

/// One expression type, seen through one function pointer per engine path.
struct probe {
  const void* f;
  const char* type;
  std::size_t arity;
  double (*value)(const void*, const vec&);
  fused (*vgh)(const void*, const vec&);
  vec (*reverse)(const void*, const vec&);
  vec (*forward)(const void*, const vec&);
  vec (*symbolic)(const void*, const vec&);  ///< gradient_expr(f) evaluated; null when too large
  vec (*hvp)(const void*, const vec&, const vec&);  ///< null when not instantiated for this type
};

template <class F>
[[gnu::noinline]] double value_of(const void* f, const vec& p) {
  return gradus::value(*static_cast<const F*>(f), p);
}
template <class F>
[[gnu::noinline]] fused vgh_of(const void* f, const vec& p) {
  const auto [v, g, H] = gradus::value_gradient_hessian(*static_cast<const F*>(f), p);
  return {v, g, H};
}
template <class F>
[[gnu::noinline]] vec reverse_of(const void* f, const vec& p) {
  return gradus::gradient(*static_cast<const F*>(f), p);
}
template <class F>
[[gnu::noinline]] vec forward_of(const void* f, const vec& p) {
  return gradus::gradient(*static_cast<const F*>(f), p, gradus::forward_mode);
}
template <class F>
[[gnu::noinline]] vec symbolic_of(const void* f, const vec& p) {
  vec out = vec::Zero();
  if constexpr (gradus::arity_v<F> > 0) {
    const auto gs = gradus::value(gradus::gradient_expr(*static_cast<const F*>(f)), p);
    for (Eigen::Index i = 0; i < gs.size(); ++i) out[i] = gs[i];
  }
  return out;
}
template <class F>
[[gnu::noinline]] vec hvp_of(const void* f, const vec& p, const vec& w) {
  return gradus::hessian_vector_product(*static_cast<const F*>(f), p, w);
}

/// hessian_vector_product (a fifth engine path) is instantiated for every fourth type only.
template <class... Es>
constexpr std::size_t tree_size(const gradus::symbolic_vector<Es...>*) {
  return (std::size_t{0} + ... + gradus::detail::node_count<Es>::value);
}
/// The symbolic gradient is checked when its expression trees have at most this many nodes in
/// all: beyond it (a few deep products of powers) building its tape at compile time exceeds the
/// compiler's constant-evaluation limit. Such types are counted and get every other check.
constexpr std::size_t max_symbolic_tree = 400;
template <class F>
constexpr bool symbolic_checkable = tree_size(static_cast<decltype(gradus::gradient_expr(std::declval<F>()))*>(nullptr)) <= max_symbolic_tree;

template <bool WithHvp, class F>
probe make_probe(const F& f) {
  probe p{&f, typeid(F).name(), gradus::arity_v<F>, &value_of<F>, &vgh_of<F>, &reverse_of<F>,
          &forward_of<F>, nullptr, nullptr};
  if constexpr (symbolic_checkable<F>) p.symbolic = &symbolic_of<F>;
  if constexpr (WithHvp) p.hvp = &hvp_of<F>;
  return p;
}

/// Counts and worst errors, each as a fraction of its scale (see check()).
struct report {
  std::size_t expressions = 0;
  std::size_t symbolic_skipped = 0;  ///< types whose symbolic gradient is past max_symbolic_tree
  std::size_t pairs = 0;       ///< (expression, point) pairs fully checked
  std::size_t overflowed = 0;  ///< large points where the value itself is not finite (skipped)
  std::size_t fd_unresolved = 0;  ///< FD comparisons too noisy to judge (|FD(h) − FD(h/2)| > 10⁻⁶)
  std::size_t fd_compared = 0;
  std::set<std::string> types;
  double modes = 0;        ///< forward vs reverse vs fused vs symbolic gradients, value vs fused
  double fd_gradient = 0;  ///< gradient vs FD of the value
  double fd_hessian = 0;   ///< Hessian vs FD of the gradient
  double hvp = 0;          ///< hessian_vector_product vs H·w
  double symmetry = 0;     ///< |H − Hᵀ|
  std::size_t failures = 0;  ///< comparisons beyond their tolerance
  std::vector<std::string> shown;

  void merge(const report& o) {
    expressions += o.expressions, pairs += o.pairs, overflowed += o.overflowed;
    symbolic_skipped += o.symbolic_skipped;
    fd_unresolved += o.fd_unresolved, fd_compared += o.fd_compared, failures += o.failures;
    types.insert(o.types.begin(), o.types.end());
    modes = std::max(modes, o.modes), fd_gradient = std::max(fd_gradient, o.fd_gradient);
    fd_hessian = std::max(fd_hessian, o.fd_hessian), hvp = std::max(hvp, o.hvp);
    symmetry = std::max(symmetry, o.symmetry);
    for (const auto& s : o.shown)
      if (shown.size() < 20) shown.push_back(s);
  }
};

/// Checks one expression at 4 regions × points_per_region points (defined in differential.cpp).
void check(const probe& p, std::uint64_t seed, int points_per_region, report& out);

template <std::uint64_t First, std::size_t... I>
void check_range(report& out, int points_per_region, std::index_sequence<I...>) {
  (..., [&] {
    const auto f = random_expression<mix(First + I), depth_of(First + I)>();
    check(make_probe<(First + I) % 4 == 0>(f), First + I, points_per_region, out);
  }());
}

/// The parts of the suite (one per translation unit, generated from differential_part.cpp.in)
/// register themselves here before main().
struct part {
  std::uint64_t first_seed;
  std::size_t count;
  void (*run)(report&, int);
};
inline std::vector<part>& parts() {
  static std::vector<part> all;
  return all;
}
struct registrar {
  explicit registrar(part p) { parts().push_back(p); }
};

}  // namespace gradus_test::differential
