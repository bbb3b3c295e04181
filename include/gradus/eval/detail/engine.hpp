// The sweeps over a tape. Notation: vₖ the value of node k, uᵢ its children, ∂ₖ/∂uᵢ its
// local partials, λₖ = ∂f/∂vₖ its adjoint, ∇vₖ its (sparse) gradient with respect to x.
//
//   forward values:    vₖ = φₖ(u₁, …)                      in tape order
//   reverse gradient:  λ_root = 1, λᵤ += λₖ ∂φₖ/∂u          in reverse order; ∇f = λ at the variables
//   forward gradient:  ∇vₖ = Σᵢ ∂φₖ/∂uᵢ ∇uᵢ                 on each node's own variables only
//   Hessian:           ∇²f = Σₖ λₖ Σᵢⱼ ∂²φₖ/∂uᵢ∂uⱼ ∇uᵢ ∇uⱼᵀ
// The Hessian formula follows from differentiating the reverse sweep; it needs forward
// gradients only below nodes with curvature, and each term touches only the variables of
// the operands, so the sparsity of the problem is paid for, not the dense n².
//   tangent sweeps (Hessian-vector product, directional derivative): v̇ₖ = Σᵢ ∂φₖ/∂uᵢ u̇ᵢ,
//   λ̇ᵤ += λ̇ₖ ∂φₖ/∂u + λₖ Σⱼ ∂²φₖ/∂u∂uⱼ u̇ⱼ, and H·w is λ̇ at the variables.
#pragma once
#ifndef GRADUS_EVAL_INTERNAL
#error "gradus/eval/detail/engine.hpp is internal: include <gradus/eval.hpp> instead"
#endif

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include <gradus/eval/detail/layout.hpp>
#include <gradus/eval/detail/rules.hpp>
#include <gradus/eval/detail/tape.hpp>
#include <gradus/eval/math.hpp>

#if defined(__GNUC__)
#define GRADUS_INLINE inline __attribute__((always_inline))
#else
#define GRADUS_INLINE inline
#endif

namespace gradus::detail {

/// What the leaves read: the point, the runtime constants, and (for data objectives) the
/// current example's columns. Point and Columns are callables index -> T.
template <class T, class Point, class Literals, class Columns>
struct inputs {
  Point var;
  const Literals& literals;
  Columns col;
  constexpr T lit(std::size_t s) const { return math::lift<T>(literals[s]); }
};

struct no_columns {
  template <class I> constexpr double operator()(I) const { return 0.0; }
};

template <class Tape, class T>
struct workspace {
  std::array<T, Tape::size> v{};
  std::array<T, layout<Tape>::aux_total> aux{};
};

/// The auxiliary value of unary node K (zero for operations that keep none).
template <class Tape, std::size_t K, class T>
GRADUS_INLINE constexpr T unary_aux(const workspace<Tape, T>& w) {
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  if constexpr (A < layout<Tape>::aux_offset[K + 1]) return w.aux[A];
  else return math::lift<T>(0.0);
}

// ---- values --------------------------------------------------------------------------
template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr void forward_node(workspace<Tape, T>& w, const In& in) {
  constexpr tape_node n = Tape::node(K);
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  auto& v = w.v;
  if constexpr (n.code == opcode::var) v[K] = T(in.var(std::size_t(n.payload)));
  else if constexpr (n.code == opcode::col) v[K] = T(in.col(std::size_t(n.payload)));
  else if constexpr (n.code == opcode::literal) v[K] = in.lit(std::size_t(n.payload));
  else if constexpr (n.code == opcode::integer) v[K] = math::lift<T>(double(n.payload));
  else if constexpr (n.count == 2) {
    const T& a = v[Tape::child(K, 0)];
    const T& b = v[Tape::child(K, 1)];
    if constexpr (n.code == opcode::add) v[K] = a + b;
    else if constexpr (n.code == opcode::sub) v[K] = a - b;
    else if constexpr (n.code == opcode::mul) v[K] = a * b;
    else v[K] = a / b;
  } else if constexpr (n.code == opcode::logsumexp || n.code == opcode::softmax) {
    constexpr std::uint32_t m = n.count;
    T top = v[Tape::child(K, 0)];
    for (std::uint32_t i = 1; i < m; ++i) top = math::max(top, v[Tape::child(K, i)]);
    T s = math::lift<T>(0.0);
    for (std::uint32_t i = 0; i < m; ++i) {
      const T t = math::exp(v[Tape::child(K, i)] - top);
      w.aux[A + i] = t;
      s += t;
    }
    w.aux[A + m] = s;
    if constexpr (n.code == opcode::logsumexp) v[K] = top + math::log(s);
    else v[K] = w.aux[A + std::size_t(n.payload)] / s;
  } else {
    const T r = n.code == opcode::pow_real ? in.lit(std::size_t(n.payload)) : math::lift<T>(0.0);
    if constexpr (A < layout<Tape>::aux_offset[K + 1])
      v[K] = unary_value<n.code, n.payload>(v[Tape::child(K, 0)], r, &w.aux[A]);
    else
      v[K] = unary_value<n.code, n.payload>(v[Tape::child(K, 0)], r, static_cast<T*>(nullptr));
  }
}

template <class Tape, class T, class In>
GRADUS_INLINE constexpr void forward_values(workspace<Tape, T>& w, const In& in) {
  [&]<std::size_t... K>(std::index_sequence<K...>) { (forward_node<Tape, K>(w, in), ...); }(
      std::make_index_sequence<Tape::size>{});
}

// ---- local partials --------------------------------------------------------------------
/// ∂φₖ/∂u for each child slot of node K.
template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr std::array<T, Tape::node(K).count> local_partials(const workspace<Tape, T>& w, const In& in) {
  constexpr tape_node n = Tape::node(K);
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  const T one = math::lift<T>(1.0);
  std::array<T, n.count> d{};
  if constexpr (n.count == 2) {
    const T& a = w.v[Tape::child(K, 0)];
    const T& b = w.v[Tape::child(K, 1)];
    if constexpr (n.code == opcode::add) d = {one, one};
    else if constexpr (n.code == opcode::sub) d = {one, -one};
    else if constexpr (n.code == opcode::mul) d = {b, a};
    else d = {one / b, -w.v[K] / b};
  } else if constexpr (n.code == opcode::logsumexp || n.code == opcode::softmax) {
    const T s = w.aux[A + n.count];
    for (std::uint32_t i = 0; i < n.count; ++i) d[i] = w.aux[A + i] / s;
    if constexpr (n.code == opcode::softmax) {
      const T y = w.v[K];
      for (std::uint32_t i = 0; i < n.count; ++i) d[i] = -(y * d[i]);
      d[std::size_t(n.payload)] += y;
    }
  } else if constexpr (n.count == 1) {
    const T r = n.code == opcode::pow_real ? in.lit(std::size_t(n.payload)) : math::lift<T>(0.0);
    const T aux = unary_aux<Tape, K>(w);
    d[0] = unary_d1<n.code, n.payload>(w.v[Tape::child(K, 0)], w.v[K], r, aux);
  }
  return d;
}

/// ∂²φₖ/∂u_p∂u_q (p <= q) of node K, given its first partials d.
template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr T local_second(const workspace<Tape, T>& w, const In& in, const T* d, std::uint32_t p,
                                       std::uint32_t q) {
  constexpr tape_node n = Tape::node(K);
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  if constexpr (n.count == 2) {
    if constexpr (n.code == opcode::mul) return math::lift<T>(p == q ? 0.0 : 1.0);
    else if constexpr (n.code == opcode::div) {
      const T& b = w.v[Tape::child(K, 1)];
      if (p == 0 && q == 0) return math::lift<T>(0.0);
      if (p == 0) return -(d[0] * d[0]);            // −1/b²
      return math::lift<T>(2.0) * w.v[K] / (b * b);  // 2a/b³
    } else return math::lift<T>(0.0);
  } else if constexpr (n.code == opcode::logsumexp || n.code == opcode::softmax) {
    const T s = w.aux[A + n.count];
    const T pp = w.aux[A + p] / s;
    const T pq = w.aux[A + q] / s;
    const T lse = (p == q ? pp : math::lift<T>(0.0)) - pp * pq;  // δpq pp − pp pq
    if constexpr (n.code == opcode::logsumexp) return lse;
    else {
      constexpr std::uint32_t kk = std::uint32_t(n.payload);
      const T y = w.v[K];
      const T ap = (p == kk ? math::lift<T>(1.0) : math::lift<T>(0.0)) - pp;
      const T aq = (q == kk ? math::lift<T>(1.0) : math::lift<T>(0.0)) - pq;
      return y * (ap * aq - lse);
    }
  } else {
    const T r = n.code == opcode::pow_real ? in.lit(std::size_t(n.payload)) : math::lift<T>(0.0);
    const T aux = unary_aux<Tape, K>(w);
    return unary_d2<n.code, n.payload>(w.v[Tape::child(K, 0)], w.v[K], r, aux, d[0]);
  }
}

// ---- reverse sweep ---------------------------------------------------------------------
template <class Tape, class T>
using adjoints = std::array<T, Tape::size>;

template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr void reverse_node(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const auto d = local_partials<Tape, K>(w, in);
    const T a = adj[K];
    for (std::uint32_t c = 0; c < n.count; ++c)
      if (Tape::depends(Tape::child(K, c))) adj[Tape::child(K, c)] += a * d[c];
  }
}

/// λ for every node, seeded with λ_root = seed for the given root.
template <class Tape, std::size_t Root = 0, class T, class In>
GRADUS_INLINE constexpr void reverse_adjoints(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj,
                                              const T& seed) {
  for (auto& a : adj) a = math::lift<T>(0.0);
  adj[Tape::data.roots[Root]] = seed;
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (reverse_node<Tape, Tape::size - 1 - K>(w, in, adj), ...);
  }(std::make_index_sequence<Tape::size>{});
}

// ---- forward sparse gradients ------------------------------------------------------------
template <class Tape, class T, gradient_need Need>
struct gradient_store {
  using gl = gradient_layout<Tape, Need>;
  std::array<T, gl::total> g{};
  std::array<T, layout<Tape>::edges> partial{};  ///< ∂φₖ/∂u per edge, reused by the reverse sweep
};

template <class Tape, std::size_t K, gradient_need Need, class T, class In>
GRADUS_INLINE constexpr void forward_gradient_node(const workspace<Tape, T>& w, const In& in,
                                                   gradient_store<Tape, T, Need>& s) {
  using L = layout<Tape>;
  using GL = gradient_layout<Tape, Need>;
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const auto d = local_partials<Tape, K>(w, in);
    for (std::uint32_t c = 0; c < n.count; ++c) s.partial[n.first + c] = d[c];
  }
  if constexpr (GL::need[K]) {
    constexpr std::size_t gk = GL::offset[K];
    if constexpr (n.code == opcode::var) {
      s.g[gk] = math::lift<T>(1.0);
    } else {
      for (std::size_t i = 0; i < Tape::dep_count[K]; ++i) s.g[gk + i] = math::lift<T>(0.0);
      for (std::uint32_t c = 0; c < n.count; ++c) {
        const std::size_t ch = Tape::child(K, c);
        if (!Tape::depends(ch)) continue;
        const T dc = s.partial[n.first + c];
        const std::size_t gc = GL::offset[ch];
        const std::size_t e = L::edge_map_offset[n.first + c];
        for (std::size_t i = 0; i < Tape::dep_count[ch]; ++i) s.g[gk + L::edge_map[e + i]] += dc * s.g[gc + i];
      }
    }
  }
}

template <class Tape, gradient_need Need, class T, class In>
GRADUS_INLINE constexpr void forward_gradients(const workspace<Tape, T>& w, const In& in,
                                               gradient_store<Tape, T, Need>& s) {
  [&]<std::size_t... K>(std::index_sequence<K...>) { (forward_gradient_node<Tape, K>(w, in, s), ...); }(
      std::make_index_sequence<Tape::size>{});
}

// ---- Hessian ---------------------------------------------------------------------------
/// Adds weight · (g_p g_qᵀ + g_q g_pᵀ) (or weight · g_p g_pᵀ when p == q) to the upper
/// triangle of H through out(r, c, value), r <= c.
template <class Tape, std::size_t K, class T, class G, class Out>
GRADUS_INLINE constexpr void add_outer(const G& s, std::uint32_t p, std::uint32_t q, const T& weight, Out& out) {
  using L = layout<Tape>;
  using GL = typename G::gl;
  const std::size_t cp = Tape::child(K, p), cq = Tape::child(K, q);
  const std::size_t gp = GL::offset[cp], gq = GL::offset[cq];
  const std::size_t dp = L::dep_offset[cp], dq = L::dep_offset[cq];
  if (p == q) {
    for (std::size_t i = 0; i < Tape::dep_count[cp]; ++i) {
      const T wi = weight * s.g[gp + i];
      for (std::size_t j = i; j < Tape::dep_count[cp]; ++j) out(L::dep_index[dp + i], L::dep_index[dq + j], wi * s.g[gp + j]);
    }
  } else {
    for (std::size_t i = 0; i < Tape::dep_count[cp]; ++i) {
      const T wi = weight * s.g[gp + i];
      for (std::size_t j = 0; j < Tape::dep_count[cq]; ++j) {
        const std::uint32_t r = L::dep_index[dp + i], c = L::dep_index[dq + j];
        const T x = wi * s.g[gq + j];
        if (r == c) out(r, c, x + x);
        else if (r < c) out(r, c, x);
        else out(c, r, x);
      }
    }
  }
}

template <class Tape, std::size_t K, class T, class In, class G, class Out>
GRADUS_INLINE constexpr void hessian_node(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj,
                                          const G& s, Out& out) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const T a = adj[K];
    const T* d = s.partial.data() + n.first;
    for (std::uint32_t c = 0; c < n.count; ++c)
      if (Tape::depends(Tape::child(K, c))) adj[Tape::child(K, c)] += a * d[c];
    if constexpr (has_curvature<Tape>(K)) {
      for (std::uint32_t p = 0; p < n.count; ++p) {
        if (!Tape::depends(Tape::child(K, p))) continue;
        for (std::uint32_t q = p; q < n.count; ++q) {
          if (!Tape::depends(Tape::child(K, q))) continue;
          if ((n.code == opcode::mul || n.code == opcode::div) && p == 0 && q == 0) continue;  // ∂²/∂a² = 0
          if (n.code == opcode::mul && p == q) continue;
          const T c2 = local_second<Tape, K>(w, in, d, p, q);
          add_outer<Tape, K>(s, p, q, T(a * c2), out);
        }
      }
    }
  }
}

/// Reverse sweep that also accumulates the Hessian of root 0 into out (upper triangle).
template <class Tape, class T, class In, class G, class Out>
GRADUS_INLINE constexpr void reverse_hessian(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj,
                                             const G& s, Out& out) {
  for (auto& a : adj) a = math::lift<T>(0.0);
  adj[Tape::data.roots[0]] = math::lift<T>(1.0);
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (hessian_node<Tape, Tape::size - 1 - K>(w, in, adj, s, out), ...);
  }(std::make_index_sequence<Tape::size>{});
}

// ---- tangent sweeps (directional derivative, Hessian-vector product) ---------------------
template <class Tape, class T>
struct tangent_store {
  std::array<T, Tape::size> dot{};
  std::array<T, layout<Tape>::edges> partial{};
};

template <class Tape, std::size_t K, class T, class In, class Dir>
GRADUS_INLINE constexpr void tangent_node(const workspace<Tape, T>& w, const In& in, const Dir& dir,
                                          tangent_store<Tape, T>& s) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.code == opcode::var) s.dot[K] = T(dir(std::size_t(n.payload)));
  else if constexpr (n.count == 0 || !Tape::depends(K)) s.dot[K] = math::lift<T>(0.0);
  else {
    const auto d = local_partials<Tape, K>(w, in);
    T t = math::lift<T>(0.0);
    for (std::uint32_t c = 0; c < n.count; ++c) {
      s.partial[n.first + c] = d[c];
      if (Tape::depends(Tape::child(K, c))) t += d[c] * s.dot[Tape::child(K, c)];
    }
    s.dot[K] = t;
  }
}

template <class Tape, class T, class In, class Dir>
GRADUS_INLINE constexpr void forward_tangents(const workspace<Tape, T>& w, const In& in, const Dir& dir,
                                              tangent_store<Tape, T>& s) {
  [&]<std::size_t... K>(std::index_sequence<K...>) { (tangent_node<Tape, K>(w, in, dir, s), ...); }(
      std::make_index_sequence<Tape::size>{});
}

template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr void second_order_node(const workspace<Tape, T>& w, const In& in, const tangent_store<Tape, T>& s,
                                               adjoints<Tape, T>& adj, adjoints<Tape, T>& adj_dot) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const T a = adj[K], ad = adj_dot[K];
    const T* d = s.partial.data() + n.first;
    for (std::uint32_t p = 0; p < n.count; ++p) {
      const std::size_t cp = Tape::child(K, p);
      if (!Tape::depends(cp)) continue;
      adj[cp] += a * d[p];
      T x = ad * d[p];
      if constexpr (has_curvature<Tape>(K)) {
        for (std::uint32_t q = 0; q < n.count; ++q) {
          const std::size_t cq = Tape::child(K, q);
          if (!Tape::depends(cq)) continue;
          x += a * local_second<Tape, K>(w, in, d, p < q ? p : q, p < q ? q : p) * s.dot[cq];
        }
      }
      adj_dot[cp] += x;
    }
  }
}

template <class Tape, class T, class In>
GRADUS_INLINE constexpr void reverse_second_order(const workspace<Tape, T>& w, const In& in,
                                                  const tangent_store<Tape, T>& s, adjoints<Tape, T>& adj,
                                                  adjoints<Tape, T>& adj_dot) {
  for (auto& a : adj) a = math::lift<T>(0.0);
  for (auto& a : adj_dot) a = math::lift<T>(0.0);
  adj[Tape::data.roots[0]] = math::lift<T>(1.0);
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (second_order_node<Tape, Tape::size - 1 - K>(w, in, s, adj, adj_dot), ...);
  }(std::make_index_sequence<Tape::size>{});
}

}  // namespace gradus::detail
