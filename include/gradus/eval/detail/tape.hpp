// The compile-time tape: an expression tree flattened into a list of nodes in topological
// order, built by a constexpr function from the expression's TYPE.
//
// Stateless subtrees that occur more than once become one node (the tape is a DAG): a user
// who writes  s = sigmoid(z); L = y*log(s) + (1 − y)*log(1 − s)  gets s computed once in the
// value, the gradient and the Hessian. Runtime constants get a slot each (their values are
// gathered from the expression object at evaluation), so nodes holding them are never merged.
// For each node the tape also knows, at compile time, the set of variables it depends on:
// the sparsity that the forward gradient and the Hessian sweeps exploit.
#pragma once
#ifndef GRADUS_EVAL_INTERNAL
#error "gradus/eval/detail/tape.hpp is internal: include <gradus/eval.hpp> instead"
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>

#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>

namespace gradus::detail {

enum class opcode : unsigned char {
  var, col, literal, integer,
  add, sub, mul, div, neg,
  exp, log, log1p, expm1, sqrt, sin, cos, tan, tanh, sigmoid, softplus, log_sigmoid, abs, sign, square,
  pow_int, pow_real, logsumexp, softmax
};

template <class Op> struct opcode_of;
#define GRADUS_OPCODE(tag) template <> struct opcode_of<op::tag> { static constexpr opcode value = opcode::tag; };
GRADUS_OPCODE(add) GRADUS_OPCODE(sub) GRADUS_OPCODE(mul) GRADUS_OPCODE(div) GRADUS_OPCODE(neg)
GRADUS_OPCODE(exp) GRADUS_OPCODE(log) GRADUS_OPCODE(log1p) GRADUS_OPCODE(expm1) GRADUS_OPCODE(sqrt)
GRADUS_OPCODE(sin) GRADUS_OPCODE(cos) GRADUS_OPCODE(tan) GRADUS_OPCODE(tanh) GRADUS_OPCODE(sigmoid)
GRADUS_OPCODE(softplus) GRADUS_OPCODE(log_sigmoid) GRADUS_OPCODE(abs) GRADUS_OPCODE(sign) GRADUS_OPCODE(square)
GRADUS_OPCODE(pow_real) GRADUS_OPCODE(logsumexp)
#undef GRADUS_OPCODE
template <long long N> struct opcode_of<op::pow_int<N>> { static constexpr opcode value = opcode::pow_int; };
template <std::size_t K> struct opcode_of<op::softmax<K>> { static constexpr opcode value = opcode::softmax; };

struct tape_node {
  opcode code{};
  std::uint32_t first = 0;   ///< index of the first child in tape_data::children
  std::uint32_t count = 0;   ///< number of children
  long long payload = 0;     ///< var/col index, literal slot, integer value, pow exponent or its slot, softmax K
};

template <std::size_t Capacity, std::size_t Roots>
struct tape_data {
  std::array<tape_node, Capacity> nodes{};
  std::array<std::uint32_t, Capacity> children{};
  std::array<std::uint32_t, Roots> roots{};
  std::size_t size = 0;
  std::size_t child_size = 0;
  std::size_t literal_count = 0;

  /// Appends a node, or returns the existing node with the same operation, payload and
  /// children (hash-consing; literal slots are unique, so stateful nodes never merge).
  constexpr std::uint32_t add(opcode code, long long payload, const std::uint32_t* kids, std::uint32_t count) {
    for (std::size_t k = 0; k < size; ++k) {
      const tape_node& n = nodes[k];
      if (n.code != code || n.payload != payload || n.count != count) continue;
      bool same = true;
      for (std::uint32_t c = 0; c < count && same; ++c) same = children[n.first + c] == kids[c];
      if (same) return static_cast<std::uint32_t>(k);
    }
    tape_node n{code, static_cast<std::uint32_t>(child_size), count, payload};
    for (std::uint32_t c = 0; c < count; ++c) children[child_size++] = kids[c];
    nodes[size] = n;
    return static_cast<std::uint32_t>(size++);
  }
};

template <class E> struct emitter;

template <std::size_t I> struct emitter<var<I>> {
  template <class B> static constexpr std::uint32_t emit(B& b) { return b.add(opcode::var, I, nullptr, 0); }
};
template <std::size_t J> struct emitter<col<J>> {
  template <class B> static constexpr std::uint32_t emit(B& b) { return b.add(opcode::col, J, nullptr, 0); }
};
template <> struct emitter<literal> {
  template <class B> static constexpr std::uint32_t emit(B& b) {
    return b.add(opcode::literal, static_cast<long long>(b.literal_count++), nullptr, 0);
  }
};
template <long long N> struct emitter<integer<N>> {
  template <class B> static constexpr std::uint32_t emit(B& b) { return b.add(opcode::integer, N, nullptr, 0); }
};
template <class Op, class E> struct emitter<unary<Op, E>> {
  template <class B> static constexpr std::uint32_t emit(B& b) {
    const std::uint32_t kid = emitter<E>::emit(b);
    long long payload = 0;
    if constexpr (requires { Op::exponent; } && std::is_empty_v<Op>) payload = Op::exponent;
    if constexpr (!std::is_empty_v<Op>) payload = static_cast<long long>(b.literal_count++);
    return b.add(opcode_of<Op>::value, payload, &kid, 1);
  }
};
template <class Op, class L, class R> struct emitter<binary<Op, L, R>> {
  template <class B> static constexpr std::uint32_t emit(B& b) {
    const std::uint32_t kids[2] = {emitter<L>::emit(b), emitter<R>::emit(b)};
    return b.add(opcode_of<Op>::value, 0, kids, 2);
  }
};
template <class Op, class... Es> struct emitter<nary<Op, Es...>> {
  template <class B> static constexpr std::uint32_t emit(B& b) {
    const std::uint32_t kids[sizeof...(Es)] = {emitter<Es>::emit(b)...};
    long long payload = 0;
    if constexpr (requires { Op::index; }) payload = static_cast<long long>(Op::index);
    return b.add(opcode_of<Op>::value, payload, kids, sizeof...(Es));
  }
};

/// Copies the runtime constants of an expression object into their slots, in the order
/// the emitter numbered them (children first, left to right, then the node's own).
template <class E, std::size_t L>
constexpr void gather_literals(const E& e, std::array<double, L>& out, std::size_t& slot) {
  if constexpr (std::is_same_v<E, literal>) {
    out[slot++] = e.value;
  } else if constexpr (requires { e.arg; }) {
    gather_literals(e.arg, out, slot);
    if constexpr (!std::is_empty_v<decltype(e.op)>) out[slot++] = e.op.exponent;
  } else if constexpr (requires { e.lhs; }) {
    gather_literals(e.lhs, out, slot);
    gather_literals(e.rhs, out, slot);
  } else if constexpr (requires { e.args; }) {
    detail::tuple_apply([&](const auto&... a) { (gather_literals(a, out, slot), ...); }, e.args);
  }
}

/// The tape of one or more expressions (several roots share their common nodes: the rows of
/// a vector function, for its value and Jacobian).
template <class... Roots>
struct tape {
  static constexpr std::size_t capacity = (std::size_t{0} + ... + node_count<Roots>::value);
  static constexpr std::size_t root_count = sizeof...(Roots);
  static constexpr std::size_t arity = std::max({std::size_t{0}, arity_of<Roots>::value...});
  static constexpr std::size_t columns = std::max({std::size_t{0}, columns_of<Roots>::value...});

  static constexpr auto data = [] {
    tape_data<capacity, root_count> b{};
    std::size_t r = 0;
    ((b.roots[r++] = emitter<Roots>::emit(b)), ...);
    return b;
  }();
  static constexpr std::size_t size = data.size;
  static constexpr std::size_t literals = data.literal_count;

  static constexpr const tape_node& node(std::size_t k) { return data.nodes[k]; }
  static constexpr std::uint32_t child(std::size_t k, std::size_t c) { return data.children[data.nodes[k].first + c]; }

  // ---- dependency sets -----------------------------------------------------------------
  static constexpr std::size_t words = arity == 0 ? 1 : (arity + 63) / 64;
  using bitset = std::array<std::uint64_t, words>;

  static constexpr auto deps = [] {
    std::array<bitset, size> d{};
    for (std::size_t k = 0; k < size; ++k) {
      const tape_node& n = data.nodes[k];
      if (n.code == opcode::var) d[k][std::size_t(n.payload) / 64] |= std::uint64_t{1} << (std::size_t(n.payload) % 64);
      for (std::uint32_t c = 0; c < n.count; ++c)
        for (std::size_t w = 0; w < words; ++w) d[k][w] |= d[data.children[n.first + c]][w];
    }
    return d;
  }();
  static constexpr auto dep_count = [] {
    std::array<std::uint32_t, size> cnt{};
    for (std::size_t k = 0; k < size; ++k)
      for (std::size_t v = 0; v < arity; ++v) cnt[k] += (deps[k][v / 64] >> (v % 64)) & 1u;
    return cnt;
  }();
  static constexpr bool depends(std::size_t k) { return dep_count[k] != 0; }

  /// The variables node k depends on, ascending (Count == dep_count[k]).
  template <std::size_t K>
  static constexpr auto dep_list() {
    std::array<std::uint32_t, dep_count[K]> out{};
    std::size_t i = 0;
    for (std::size_t v = 0; v < arity; ++v)
      if ((deps[K][v / 64] >> (v % 64)) & 1u) out[i++] = static_cast<std::uint32_t>(v);
    return out;
  }

  /// Tape index of var<I>, or size when the expressions do not use it.
  static constexpr auto var_node = [] {
    std::array<std::size_t, arity> at{};
    for (auto& a : at) a = size;
    for (std::size_t k = 0; k < size; ++k)
      if (data.nodes[k].code == opcode::var) at[std::size_t(data.nodes[k].payload)] = k;
    return at;
  }();
};

}  // namespace gradus::detail
