// Compile-time memory layout of the sweeps over a tape: where each node keeps its auxiliary
// values, its list of variables, and (per sweep mode) its sparse forward gradient.
#pragma once
#ifndef GRADUS_EVAL_INTERNAL
#error "gradus/eval/detail/layout.hpp is internal: include <gradus/eval.hpp> instead"
#endif

#include <array>
#include <cstddef>
#include <cstdint>

#include <gradus/eval/detail/rules.hpp>
#include <gradus/eval/detail/tape.hpp>

namespace gradus::detail {

template <class Tape>
struct layout {
  static constexpr std::size_t size = Tape::size;
  static constexpr std::size_t edges = Tape::data.child_size;

  static constexpr auto aux_offset = [] {
    std::array<std::uint32_t, size + 1> off{};
    for (std::size_t k = 0; k < size; ++k) off[k + 1] = off[k] + aux_count(Tape::node(k));
    return off;
  }();
  static constexpr std::size_t aux_total = aux_offset[size];

  /// Flat lists of each node's variables (ascending): dep_index[dep_offset[k] + i].
  static constexpr auto dep_offset = [] {
    std::array<std::uint32_t, size + 1> off{};
    for (std::size_t k = 0; k < size; ++k) off[k + 1] = off[k] + Tape::dep_count[k];
    return off;
  }();
  static constexpr std::size_t dep_total = dep_offset[size];
  static constexpr auto dep_index = [] {
    std::array<std::uint32_t, dep_total> idx{};
    for (std::size_t k = 0; k < size; ++k) {
      std::size_t i = dep_offset[k];
      for (std::size_t v = 0; v < Tape::arity; ++v)
        if ((Tape::deps[k][v / 64] >> (v % 64)) & 1u) idx[i++] = static_cast<std::uint32_t>(v);
    }
    return idx;
  }();

  /// For each edge (parent k, child slot c) and each variable i of the child: the position
  /// of that variable in the parent's list. Edge e = node(k).first + c.
  static constexpr auto edge_map_offset = [] {
    std::array<std::uint32_t, edges + 1> off{};
    for (std::size_t k = 0; k < size; ++k)
      for (std::uint32_t c = 0; c < Tape::node(k).count; ++c) {
        const std::size_t e = Tape::node(k).first + c;
        off[e + 1] = Tape::dep_count[Tape::child(k, c)];
      }
    for (std::size_t e = 0; e < edges; ++e) off[e + 1] += off[e];
    return off;
  }();
  static constexpr auto edge_map = [] {
    std::array<std::uint32_t, edge_map_offset[edges]> map{};
    for (std::size_t k = 0; k < size; ++k)
      for (std::uint32_t c = 0; c < Tape::node(k).count; ++c) {
        const std::size_t e = Tape::node(k).first + c;
        const std::size_t ch = Tape::child(k, c);
        std::size_t j = dep_offset[k];
        for (std::size_t i = 0; i < Tape::dep_count[ch]; ++i) {
          while (dep_index[j] != dep_index[dep_offset[ch] + i]) ++j;
          map[edge_map_offset[e] + i] = static_cast<std::uint32_t>(j - dep_offset[k]);
        }
      }
    return map;
  }();
};

/// The nodes a gradient-only reverse sweep must evaluate: those whose value (or auxiliary
/// value) some first partial reads, and everything below them. Values nothing reads — the
/// log in y·log s, the final log of a logsumexp — are not computed at all: a libm call
/// cannot be removed by the optimizer (it may set errno), so the tape must not make it.
template <class Tape>
struct gradient_values {
  static constexpr auto computed = [] {
    std::array<bool, Tape::size> need{};
    for (std::size_t k = Tape::size; k-- > 0;) {
      const tape_node& n = Tape::node(k);
      for (std::uint32_t c = 0; c < n.count; ++c) {
        if (!Tape::depends(Tape::child(k, c))) continue;
        const partial_reads r = reads_of_partial(n, c);
        if (r.own) need[k] = true;
        for (std::uint32_t j = 0; j < n.count && j < 64; ++j)
          if ((r.children >> j) & 1u) need[Tape::child(k, j)] = true;
      }
    }
    for (std::size_t k = Tape::size; k-- > 0;)
      if (need[k])
        for (std::uint32_t c = 0; c < Tape::node(k).count; ++c) need[Tape::child(k, c)] = true;
    return need;
  }();
};

enum class gradient_need { all, hessian };

/// Which nodes carry a forward (sparse) gradient, and where it is stored.
///   all:     every node that depends on a variable (forward-mode gradient, Jacobian);
///   hessian: only what the curvature terms need — the children of nodes with curvature
///            and, recursively, their operands. Linear sums above them carry none.
template <class Tape, gradient_need Need>
struct gradient_layout {
  static constexpr std::size_t size = Tape::size;
  static constexpr auto need = [] {
    std::array<bool, size> need{};
    for (std::size_t k = size; k-- > 0;) {
      if constexpr (Need == gradient_need::all) need[k] = Tape::depends(k);
      const bool pass = need[k] || has_curvature<Tape>(k);
      for (std::uint32_t c = 0; c < Tape::node(k).count; ++c) {
        const std::size_t ch = Tape::child(k, c);
        if (pass && Tape::depends(ch)) need[ch] = true;
      }
    }
    return need;
  }();
  static constexpr auto offset = [] {
    std::array<std::uint32_t, size + 1> off{};
    for (std::size_t k = 0; k < size; ++k) off[k + 1] = off[k] + (need[k] ? Tape::dep_count[k] : 0);
    return off;
  }();
  static constexpr std::size_t total = offset[size];
};

}  // namespace gradus::detail
