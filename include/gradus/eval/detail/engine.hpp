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
#include <type_traits>
#include <utility>

#include <gradus/eval/detail/layout.hpp>
#include <gradus/eval/detail/rules.hpp>
#include <gradus/eval/detail/tape.hpp>
#include <gradus/eval/math.hpp>

// The engine's sweeps are forced inline so that one expression compiles to one flat function.
// A build may predefine both macros (e.g. as `inline` and nothing) to trade that for compile
// time, as the differential test suite does: the results are the same.
#if !defined(GRADUS_INLINE) && defined(__GNUC__)
#define GRADUS_INLINE inline __attribute__((always_inline))
#define GRADUS_LAMBDA_INLINE __attribute__((always_inline))
#elif !defined(GRADUS_INLINE)
#define GRADUS_INLINE inline
#define GRADUS_LAMBDA_INLINE
#endif

namespace gradus::detail {

/// + − × ÷. Tested by opcode, never by child count: logsumexp and softmax of two
/// arguments also have two children.
constexpr bool binary_arithmetic(opcode c) {
  return c == opcode::add || c == opcode::sub || c == opcode::mul || c == opcode::div;
}

/// Calls f(integral_constant<I>) for I = 0 … N−1, unrolled at compile time so that every
/// table lookup inside f folds to a constant; past Limit iterations (large dense loops) it
/// becomes an ordinary loop, f(std::size_t), to keep code size and compile time bounded.
template <class F, std::size_t... I>
GRADUS_INLINE constexpr void static_for_impl(F& f, std::index_sequence<I...>) {
  (f(std::integral_constant<std::size_t, I>{}), ...);
}
template <std::size_t N, std::size_t Limit = 64, class F>
GRADUS_INLINE constexpr void static_for(F&& f) {
  if constexpr (N <= Limit) static_for_impl(f, std::make_index_sequence<N>{});
  else
    for (std::size_t i = 0; i < N; ++i) f(i);
}

/// Calls f(integral_constant<K>) for every tape node K in [Begin, End), in order, unrolled.
/// The fold is cut into chunks of 128 because Clang limits a fold expression's depth (256).
template <std::size_t Begin, class F, std::size_t... I>
GRADUS_INLINE constexpr void node_chunk(F& f, std::index_sequence<I...>) {
  (f(std::integral_constant<std::size_t, Begin + I>{}), ...);
}
template <std::size_t Begin, std::size_t End, class F>
GRADUS_INLINE constexpr void for_nodes(F&& f) {
  if constexpr (End - Begin <= 128) {
    node_chunk<Begin>(f, std::make_index_sequence<End - Begin>{});
  } else {
    node_chunk<Begin>(f, std::make_index_sequence<128>{});
    for_nodes<Begin + 128, End>(f);
  }
}
/// The same in reverse order: K = End − 1 down to Begin.
template <std::size_t End, class F, std::size_t... I>
GRADUS_INLINE constexpr void node_chunk_reverse(F& f, std::index_sequence<I...>) {
  (f(std::integral_constant<std::size_t, End - 1 - I>{}), ...);
}
template <std::size_t Begin, std::size_t End, class F>
GRADUS_INLINE constexpr void for_nodes_reverse(F&& f) {
  if constexpr (End - Begin <= 128) {
    node_chunk_reverse<End>(f, std::make_index_sequence<End - Begin>{});
  } else {
    node_chunk_reverse<End>(f, std::make_index_sequence<128>{});
    for_nodes_reverse<Begin, End - 128>(f);
  }
}

struct no_prepared {};

/// What the leaves read: the point, the runtime constants, and (for data objectives) the
/// current example's columns. Point and Columns are callables index -> T. Pre, when not
/// no_prepared, is a workspace whose row-invariant nodes are already computed (see
/// row_invariant): the forward sweep copies them instead of computing them again.
template <class T, class Point, class Literals, class Columns, class Pre = no_prepared>
struct inputs {
  Point var;
  const Literals& literals;
  Columns col;
  const Pre* pre = nullptr;
  constexpr T lit(std::size_t s) const { return math::lift<T>(literals[s]); }
};

/// The columns of one example (or SIMD batch of examples) together with the row-invariant
/// values computed once for all of them (compiled::prepare).
template <class Columns, class Pre>
struct with_prepared {
  Columns col;
  const Pre* pre;
};
template <class C> struct is_with_prepared : std::false_type {};
template <class C, class P> struct is_with_prepared<with_prepared<C, P>> : std::true_type {};

/// Nodes that read no data column: functions of θ and constants only, the same for every row
/// of a data objective. The non-leaf ones (log σ, 1/σ, e^θ, …) are computed once per
/// evaluation by compiled::prepare, not once per row.
template <class Tape>
struct row_invariant {
  static constexpr auto node = [] {
    std::array<bool, Tape::size> inv{};
    for (std::size_t k = 0; k < Tape::size; ++k) {  // children precede their parents
      bool ok = Tape::node(k).code != opcode::col;
      for (std::uint32_t c = 0; c < Tape::node(k).count; ++c) ok = ok && inv[Tape::child(k, c)];
      inv[k] = ok;
    }
    return inv;
  }();
  /// Worth preparing: row-invariant and computed from other nodes (leaves are loads).
  static constexpr bool hoisted(std::size_t k) { return node[k] && Tape::node(k).count > 0; }
};

struct no_columns {
  template <class I> constexpr double operator()(I) const { return 0.0; }
};

template <class Tape, class T>
struct workspace {
  std::array<T, Tape::size> v;  // every entry is written by the forward sweep before it is read
  std::array<T, layout<Tape>::aux_total> aux;
};

/// For each node of the sigmoid family (σ, softplus, log σ) on an operand u = X or u = −X, the
/// first such node J <= K on X or −X: t = e^(−|u|), 1/(1 + t), log1p(t) are the same for both, and
/// K copies them from J instead of computing them (J = K: none earlier, K computes its own).
/// J must be evaluated whenever K is, also by the gradient-only sweep (gradient_values).
template <class Tape>
struct sigmoid_partner {
  static constexpr std::size_t base(std::size_t k) {
    const std::size_t c = Tape::child(k, 0);
    return Tape::node(c).code == opcode::neg ? Tape::child(c, 0) : c;
  }
  static constexpr auto of = [] {
    std::array<std::size_t, Tape::size> partner{};
    for (std::size_t k = 0; k < Tape::size; ++k) {
      partner[k] = k;
      if (!is_sigmoid_family(Tape::node(k).code)) continue;
      for (std::size_t j = 0; j < k; ++j)
        if (is_sigmoid_family(Tape::node(j).code) && base(j) == base(k) &&
            (gradient_values<Tape>::computed[j] || !gradient_values<Tape>::computed[k])) {
          partner[k] = j;
          break;
        }
    }
    return partner;
  }();
};

/// The auxiliary values of unary node K (nullptr for operations that keep none).
template <class Tape, std::size_t K, class T>
GRADUS_INLINE constexpr const T* unary_aux(const workspace<Tape, T>& w) {
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  if constexpr (A < layout<Tape>::aux_offset[K + 1]) return &w.aux[A];
  else return nullptr;
}

// ---- values --------------------------------------------------------------------------
template <class In>
inline constexpr bool has_prepared = !std::is_same_v<std::remove_cvref_t<decltype(*std::declval<In>().pre)>, no_prepared>;

template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr void forward_node(workspace<Tape, T>& w, const In& in) {
  constexpr tape_node n = Tape::node(K);
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  auto& v = w.v;
  if constexpr (has_prepared<In> && row_invariant<Tape>::hoisted(K)) {
    v[K] = in.pre->v[K];
    for (std::size_t a = A; a < layout<Tape>::aux_offset[K + 1]; ++a) w.aux[a] = in.pre->aux[a];
  } else if constexpr (n.code == opcode::var) v[K] = T(in.var(std::size_t(n.payload)));
  else if constexpr (n.code == opcode::col) v[K] = T(in.col(std::size_t(n.payload)));
  else if constexpr (n.code == opcode::literal) v[K] = in.lit(std::size_t(n.payload));
  else if constexpr (n.code == opcode::integer) v[K] = math::lift<T>(double(n.payload));
  else if constexpr (binary_arithmetic(n.code)) {
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
  } else if constexpr (is_sigmoid_family(n.code) && sigmoid_partner<Tape>::of[K] != K) {
    // t = e^(−|u|), q = 1/(1 + t) (and l = log1p t) as the partner on ±u computed them
    constexpr std::size_t J = sigmoid_partner<Tape>::of[K];
    constexpr std::size_t AJ = layout<Tape>::aux_offset[J];
    w.aux[A] = w.aux[AJ];
    w.aux[A + 1] = w.aux[AJ + 1];
    if constexpr (n.code != opcode::sigmoid) {
      if constexpr (Tape::node(J).code != opcode::sigmoid) w.aux[A + 2] = w.aux[AJ + 2];
      else w.aux[A + 2] = math::log1p_unit(w.aux[AJ], w.aux[AJ + 1]);
    }
    v[K] = sigmoid_family_value<n.code>(v[Tape::child(K, 0)], &w.aux[A]);
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
  for_nodes<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE { forward_node<Tape, k>(w, in); });
}

/// Only the row-invariant nodes (what compiled::prepare keeps).
template <class Tape, class T, class In>
GRADUS_INLINE constexpr void forward_row_invariant(workspace<Tape, T>& w, const In& in) {
  for_nodes<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE {
    if constexpr (row_invariant<Tape>::node[k]) forward_node<Tape, k>(w, in);
  });
}

/// Only the values a gradient-only reverse sweep reads (see gradient_values).
template <class Tape, class T, class In>
GRADUS_INLINE constexpr void forward_values_for_gradient(workspace<Tape, T>& w, const In& in) {
  for_nodes<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE {
    if constexpr (gradient_values<Tape>::computed[k]) forward_node<Tape, k>(w, in);
  });
}

// ---- local partials --------------------------------------------------------------------
template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr T pow_exponent(const In& in) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.code == opcode::pow_real) return in.lit(std::size_t(n.payload));
  else return math::lift<T>(0.0);
}

/// ∂φₖ/∂u for each child slot of node K that depends on a variable (the other slots are
/// left unset: nothing reads them, and their inputs may not have been computed).
template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr std::array<T, Tape::node(K).count> local_partials(const workspace<Tape, T>& w, const In& in) {
  constexpr tape_node n = Tape::node(K);
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  const T one = math::lift<T>(1.0);
  std::array<T, n.count> d{};  // slots nothing reads stay zero (dead stores, removed)
  if constexpr (binary_arithmetic(n.code)) {
    constexpr bool da = Tape::depends(Tape::child(K, 0)), db = Tape::depends(Tape::child(K, 1));
    if constexpr (n.code == opcode::add) {
      if constexpr (da) d[0] = one;
      if constexpr (db) d[1] = one;
    } else if constexpr (n.code == opcode::sub) {
      if constexpr (da) d[0] = one;
      if constexpr (db) d[1] = -one;
    } else if constexpr (n.code == opcode::mul) {
      if constexpr (da) d[0] = w.v[Tape::child(K, 1)];
      if constexpr (db) d[1] = w.v[Tape::child(K, 0)];
    } else {
      const T inv = one / w.v[Tape::child(K, 1)];
      if constexpr (da) d[0] = inv;
      if constexpr (db) d[1] = -(w.v[K] * inv);
    }
  } else if constexpr (n.code == opcode::logsumexp || n.code == opcode::softmax) {
    const T inv = one / w.aux[A + n.count];
    static_for<n.count>([&](auto i) GRADUS_LAMBDA_INLINE { d[i] = w.aux[A + i] * inv; });
    if constexpr (n.code == opcode::softmax) {
      const T y = w.v[K];
      static_for<n.count>([&](auto i) GRADUS_LAMBDA_INLINE { d[i] = -(y * d[i]); });
      d[std::size_t(n.payload)] += y;
    }
  } else if constexpr (n.count == 1) {
    constexpr opcode C = n.code;
    // Read only what the rule reads (see reads_of_partial): the rest may not be computed.
    constexpr partial_reads r = reads_of_partial(n, 0);
    T u = math::lift<T>(0.0), y = math::lift<T>(0.0);
    if constexpr ((r.children & 1u) != 0) u = w.v[Tape::child(K, 0)];
    if constexpr (r.own && C != opcode::sigmoid && C != opcode::softplus && C != opcode::log_sigmoid) y = w.v[K];
    d[0] = unary_d1<C, n.payload>(u, y, pow_exponent<Tape, K, T>(in), unary_aux<Tape, K>(w));
  }
  return d;
}

/// ∂²φₖ/∂u_p∂u_q (p <= q) of node K, given its first partials d.
template <class Tape, std::size_t K, class T, class In, class P, class Q>
GRADUS_INLINE constexpr T local_second(const workspace<Tape, T>& w, const In& in, const T* d, P p, Q q) {
  constexpr tape_node n = Tape::node(K);
  constexpr std::size_t A = layout<Tape>::aux_offset[K];
  if constexpr (binary_arithmetic(n.code)) {
    if constexpr (n.code == opcode::mul) return math::lift<T>(std::size_t(p) == std::size_t(q) ? 0.0 : 1.0);
    else if constexpr (n.code == opcode::div) {
      const T& b = w.v[Tape::child(K, 1)];
      if (std::size_t(q) == 0) return math::lift<T>(0.0);
      if (std::size_t(p) == 0) return -(d[0] * d[0]);  // −1/b²
      return math::lift<T>(2.0) * w.v[K] / (b * b);      // 2a/b³
    } else return math::lift<T>(0.0);
  } else if constexpr (n.code == opcode::logsumexp || n.code == opcode::softmax) {
    const T s = w.aux[A + n.count];
    const T pp = w.aux[A + p] / s;
    const T pq = w.aux[A + q] / s;
    const T lse = (std::size_t(p) == std::size_t(q) ? pp : math::lift<T>(0.0)) - pp * pq;  // δpq pp − pp pq
    if constexpr (n.code == opcode::logsumexp) return lse;
    else {
      constexpr std::size_t kk = std::size_t(n.payload);
      const T y = w.v[K];
      const T ap = math::lift<T>(std::size_t(p) == kk ? 1.0 : 0.0) - pp;
      const T aq = math::lift<T>(std::size_t(q) == kk ? 1.0 : 0.0) - pq;
      return y * (ap * aq - lse);
    }
  } else {
    return unary_d2<n.code, n.payload>(w.v[Tape::child(K, 0)], w.v[K], pow_exponent<Tape, K, T>(in),
                                       unary_aux<Tape, K>(w), d[0]);
  }
}

// ---- reverse sweep ---------------------------------------------------------------------
// Reverse sweeps run on single-root tapes, where every node is a descendant of the root (the
// last node). Each adjoint is ASSIGNED by the first edge that reaches it in reverse order and
// accumulated by the others, so no adjoint array is zero-filled.
template <class Tape>
struct reverse_plan {
  static_assert(Tape::root_count == 1, "gradus: internal error: reverse sweep over a tape with several roots");
  static constexpr auto first_write = [] {
    std::array<bool, Tape::data.child_size> first{};
    std::array<bool, Tape::size> seen{};
    seen[Tape::size - 1] = true;
    for (std::size_t k = Tape::size; k-- > 0;)
      for (std::uint32_t c = 0; c < Tape::node(k).count; ++c) {
        const std::size_t ch = Tape::child(k, c);
        if (!Tape::depends(ch)) continue;
        first[Tape::node(k).first + c] = !seen[ch];
        seen[ch] = true;
      }
    return first;
  }();
};

template <class Tape, class T>
using adjoints = std::array<T, Tape::size>;

/// adj[child] = x on the first write along edge e, adj[child] += x on later ones.
template <class Tape, std::size_t E, class T>
GRADUS_INLINE constexpr void deposit(T& target, const T& x) {
  if constexpr (reverse_plan<Tape>::first_write[E]) target = x;
  else target += x;
}

template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr void reverse_node(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const auto d = local_partials<Tape, K>(w, in);
    const T a = adj[K];
    static_for<n.count>([&](auto c) GRADUS_LAMBDA_INLINE {
      constexpr std::size_t ch = Tape::child(K, c);
      if constexpr (Tape::depends(ch)) deposit<Tape, n.first + c>(adj[ch], T(a * d[c]));
    });
  }
}

/// λ for every node, with λ_root = seed.
template <class Tape, class T, class In>
GRADUS_INLINE constexpr void reverse_adjoints(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj,
                                              const T& seed) {
  adj[Tape::size - 1] = seed;
  for_nodes_reverse<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE { reverse_node<Tape, k>(w, in, adj); });
}

// ---- forward sparse gradients ------------------------------------------------------------
template <class Tape, class T, gradient_need Need>
struct gradient_store {
  using gl = gradient_layout<Tape, Need>;
  std::array<T, gl::total> g;                    // written node by node before being read
  std::array<T, layout<Tape>::edges> partial;    ///< ∂φₖ/∂u per edge, reused by the reverse sweep
};

template <class Tape, std::size_t K, gradient_need Need, class T, class In>
GRADUS_INLINE constexpr void forward_gradient_node(const workspace<Tape, T>& w, const In& in,
                                                   gradient_store<Tape, T, Need>& s) {
  using L = layout<Tape>;
  using GL = gradient_layout<Tape, Need>;
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const auto d = local_partials<Tape, K>(w, in);
    static_for<n.count>([&](auto c) GRADUS_LAMBDA_INLINE { s.partial[n.first + c] = d[c]; });
  }
  if constexpr (GL::need[K]) {
    constexpr std::size_t gk = GL::offset[K];
    if constexpr (n.code == opcode::var) {
      s.g[gk] = math::lift<T>(1.0);
    } else {
      static_for<Tape::dep_count[K]>([&](auto i) GRADUS_LAMBDA_INLINE { s.g[gk + i] = math::lift<T>(0.0); });
      static_for<n.count>([&](auto c) GRADUS_LAMBDA_INLINE {
        constexpr std::size_t ch = Tape::child(K, c);
        if constexpr (Tape::depends(ch)) {
          const T dc = s.partial[n.first + c];
          constexpr std::size_t gc = GL::offset[ch];
          constexpr std::size_t e = L::edge_map_offset[n.first + c];
          static_for<Tape::dep_count[ch]>(
              [&](auto i) GRADUS_LAMBDA_INLINE { s.g[gk + L::edge_map[e + i]] += dc * s.g[gc + i]; });
        }
      });
    }
  }
}

template <class Tape, gradient_need Need, class T, class In>
GRADUS_INLINE constexpr void forward_gradients(const workspace<Tape, T>& w, const In& in,
                                               gradient_store<Tape, T, Need>& s) {
  for_nodes<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE { forward_gradient_node<Tape, k>(w, in, s); });
}

// ---- Hessian ---------------------------------------------------------------------------
/// The same with child nodes known only at run time (large operands, n-ary operations).
template <class Tape, class T, class G, class Out>
GRADUS_INLINE constexpr void add_outer_dynamic(const G& s, std::size_t cp, std::size_t cq, bool same_slot,
                                               const T& weight, Out& out) {
  using L = layout<Tape>;
  using GL = typename G::gl;
  const std::size_t gp = GL::offset[cp], gq = GL::offset[cq];
  const std::size_t dp = L::dep_offset[cp], dq = L::dep_offset[cq];
  for (std::size_t i = 0; i < Tape::dep_count[cp]; ++i) {
    const T wi = weight * s.g[gp + i];
    for (std::size_t j = same_slot ? i : 0; j < Tape::dep_count[cq]; ++j) {
      const std::uint32_t r = L::dep_index[dp + i], c = L::dep_index[dq + j];
      const T x = wi * s.g[gq + j];
      if (same_slot) out(r, c, x);
      else if (r == c) out(r, c, T(x + x));
      else if (r < c) out(r, c, x);
      else out(c, r, x);
    }
  }
}

/// Adds weight · (g_p g_qᵀ + g_q g_pᵀ) (or weight · g_p g_pᵀ when p == q) to the upper
/// triangle of H through out(r, c, value), r <= c. Child slots P, Q known at compile time:
/// small outer products unroll completely, so every index folds to a constant.
template <class Tape, std::size_t K, std::size_t P, std::size_t Q, class T, class G, class Out>
GRADUS_INLINE constexpr void add_outer(const G& s, const T& weight, Out& out) {
  using L = layout<Tape>;
  using GL = typename G::gl;
  constexpr std::size_t cp = Tape::child(K, P), cq = Tape::child(K, Q);
  constexpr std::size_t gp = GL::offset[cp], gq = GL::offset[cq];
  constexpr std::size_t dp = L::dep_offset[cp], dq = L::dep_offset[cq];
  constexpr std::size_t np = Tape::dep_count[cp], nq = Tape::dep_count[cq];
  if constexpr (np * nq <= 256) {
    static_for<np>([&](auto i) GRADUS_LAMBDA_INLINE {
      const T wi = weight * s.g[gp + i];
      static_for<nq>([&](auto j) GRADUS_LAMBDA_INLINE {
        constexpr std::uint32_t r = L::dep_index[dp + i], c = L::dep_index[dq + j];
        if constexpr (P == Q) {
          if constexpr (i <= j) out(r, c, T(wi * s.g[gq + j]));
        } else {
          const T x = wi * s.g[gq + j];
          if constexpr (r == c) out(r, c, T(x + x));
          else if constexpr (r < c) out(r, c, x);
          else out(c, r, x);
        }
      });
    });
  } else {
    add_outer_dynamic<Tape>(s, cp, cq, P == Q, weight, out);
  }
}

template <class Tape, std::size_t K, class T, class In, class G, class Out>
GRADUS_INLINE constexpr void hessian_node(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj,
                                          const G& s, Out& out) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const T a = adj[K];
    const T* d = s.partial.data() + n.first;
    static_for<n.count>([&](auto c) GRADUS_LAMBDA_INLINE {
      constexpr std::size_t ch = Tape::child(K, c);
      if constexpr (Tape::depends(ch)) deposit<Tape, n.first + c>(adj[ch], T(a * d[c]));
    });
    if constexpr (has_curvature<Tape>(K) && n.count <= 2) {
      static_for<n.count>([&](auto p) GRADUS_LAMBDA_INLINE {
        static_for<n.count>([&](auto q) GRADUS_LAMBDA_INLINE {
          constexpr std::size_t P = p, Q = q;
          constexpr bool zero = (n.code == opcode::mul && P == Q) || (n.code == opcode::div && Q == 0);
          if constexpr (P <= Q && !zero && Tape::depends(Tape::child(K, P)) && Tape::depends(Tape::child(K, Q))) {
            const T c2 = local_second<Tape, K>(w, in, d, p, q);
            add_outer<Tape, K, P, Q>(s, T(a * c2), out);
          }
        });
      });
    } else if constexpr (has_curvature<Tape>(K) && n.code == opcode::logsumexp) {
      // ∇²y = Σₚ pₚ gₚgₚᵀ − G Gᵀ with G = Σₚ pₚ gₚ = ∇y: O(k + |D|²), not O(k²) pairs.
      using L = layout<Tape>;
      using GL = typename G::gl;
      constexpr std::size_t nk = Tape::dep_count[K];
      std::array<T, nk> grad;
      for (auto& x : grad) x = math::lift<T>(0.0);
      for (std::size_t p = 0; p < n.count; ++p) {
        const std::size_t cp = Tape::child(K, p);
        if (!Tape::depends(cp)) continue;
        add_outer_dynamic<Tape>(s, cp, cp, true, T(a * d[p]), out);
        const std::size_t e = L::edge_map_offset[n.first + p];
        for (std::size_t i = 0; i < Tape::dep_count[cp]; ++i) grad[L::edge_map[e + i]] += d[p] * s.g[GL::offset[cp] + i];
      }
      for (std::size_t i = 0; i < nk; ++i) {
        const T wi = -(a * grad[i]);
        for (std::size_t j = i; j < nk; ++j)
          out(L::dep_index[L::dep_offset[K] + i], L::dep_index[L::dep_offset[K] + j], T(wi * grad[j]));
      }
    } else if constexpr (has_curvature<Tape>(K)) {  // softmax: all pairs of operands
      for (std::size_t p = 0; p < n.count; ++p) {
        if (!Tape::depends(Tape::child(K, p))) continue;
        for (std::size_t q = p; q < n.count; ++q) {
          if (!Tape::depends(Tape::child(K, q))) continue;
          const T c2 = local_second<Tape, K>(w, in, d, p, q);
          add_outer_dynamic<Tape>(s, Tape::child(K, p), Tape::child(K, q), p == q, T(a * c2), out);
        }
      }
    }
  }
}

/// Reverse sweep that also accumulates the Hessian into out (upper triangle).
template <class Tape, class T, class In, class G, class Out>
GRADUS_INLINE constexpr void reverse_hessian(const workspace<Tape, T>& w, const In& in, adjoints<Tape, T>& adj,
                                             const G& s, Out& out) {
  adj[Tape::size - 1] = math::lift<T>(1.0);
  for_nodes_reverse<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE { hessian_node<Tape, k>(w, in, adj, s, out); });
}

// ---- tangent sweeps (directional derivative, Hessian-vector product) ---------------------
template <class Tape, class T>
struct tangent_store {
  std::array<T, Tape::size> dot;
  std::array<T, layout<Tape>::edges> partial;
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
    static_for<n.count>([&](auto c) GRADUS_LAMBDA_INLINE {
      s.partial[n.first + c] = d[c];
      if constexpr (Tape::depends(Tape::child(K, c))) t += d[c] * s.dot[Tape::child(K, c)];
    });
    s.dot[K] = t;
  }
}

template <class Tape, class T, class In, class Dir>
GRADUS_INLINE constexpr void forward_tangents(const workspace<Tape, T>& w, const In& in, const Dir& dir,
                                              tangent_store<Tape, T>& s) {
  for_nodes<0, Tape::size>([&](auto k) GRADUS_LAMBDA_INLINE { tangent_node<Tape, k>(w, in, dir, s); });
}

template <class Tape, std::size_t K, class T, class In>
GRADUS_INLINE constexpr void second_order_node(const workspace<Tape, T>& w, const In& in, const tangent_store<Tape, T>& s,
                                               adjoints<Tape, T>& adj, adjoints<Tape, T>& adj_dot) {
  constexpr tape_node n = Tape::node(K);
  if constexpr (n.count > 0 && Tape::depends(K)) {
    const T a = adj[K], ad = adj_dot[K];
    const T* d = s.partial.data() + n.first;
    if constexpr (n.count <= 2) {
      static_for<n.count>([&](auto p) GRADUS_LAMBDA_INLINE {
        constexpr std::size_t cp = Tape::child(K, p);
        if constexpr (Tape::depends(cp)) {
          T x = ad * d[p];
          if constexpr (has_curvature<Tape>(K)) {
            static_for<n.count>([&](auto q) GRADUS_LAMBDA_INLINE {
              constexpr std::size_t cq = Tape::child(K, q);
              if constexpr (Tape::depends(cq)) {
                if constexpr (std::size_t(p) <= std::size_t(q)) x += a * local_second<Tape, K>(w, in, d, p, q) * s.dot[cq];
                else x += a * local_second<Tape, K>(w, in, d, q, p) * s.dot[cq];
              }
            });
          }
          deposit<Tape, n.first + p>(adj[cp], T(a * d[p]));
          deposit<Tape, n.first + p>(adj_dot[cp], x);
        }
      });
    } else {  // n-ary: the curvature term Σ_q ∂²φ/∂u_p∂u_q u̇_q, then the deposits
      std::array<T, n.count> x;
      for (std::size_t p = 0; p < n.count; ++p) {
        x[p] = ad * d[p];
        for (std::size_t q = 0; q < n.count; ++q)
          if (Tape::depends(Tape::child(K, q)))
            x[p] += a * local_second<Tape, K>(w, in, d, p < q ? p : q, p < q ? q : p) * s.dot[Tape::child(K, q)];
      }
      static_for<n.count>([&](auto p) GRADUS_LAMBDA_INLINE {
        constexpr std::size_t cp = Tape::child(K, p);
        if constexpr (Tape::depends(cp)) {
          deposit<Tape, n.first + p>(adj[cp], T(a * d[p]));
          deposit<Tape, n.first + p>(adj_dot[cp], x[p]);
        }
      });
    }
  }
}

template <class Tape, class T, class In>
GRADUS_INLINE constexpr void reverse_second_order(const workspace<Tape, T>& w, const In& in,
                                                  const tangent_store<Tape, T>& s, adjoints<Tape, T>& adj,
                                                  adjoints<Tape, T>& adj_dot) {
  adj[Tape::size - 1] = math::lift<T>(1.0);
  adj_dot[Tape::size - 1] = math::lift<T>(0.0);
  for_nodes_reverse<0, Tape::size>(
      [&](auto k) GRADUS_LAMBDA_INLINE { second_order_node<Tape, k>(w, in, s, adj, adj_dot); });
}

}  // namespace gradus::detail
