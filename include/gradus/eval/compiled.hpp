// A compiled expression: the tape of one or more expressions plus their runtime constants,
// gathered once. Everything numeric in gradus (the free functions value, gradient, hessian,
// the data objectives' SIMD kernels) runs through it. It holds no pointer and allocates
// nothing: copying it copies a few doubles.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#define GRADUS_EVAL_INTERNAL
#include <gradus/eval/detail/engine.hpp>
#include <gradus/eval/detail/layout.hpp>
#include <gradus/eval/detail/tape.hpp>

namespace gradus::detail {

template <class... Roots>
class compiled {
 public:
  using tape_type = tape<Roots...>;
  static constexpr std::size_t arity = tape_type::arity;
  static constexpr std::size_t columns = tape_type::columns;
  static constexpr std::size_t roots = tape_type::root_count;

  GRADUS_INLINE constexpr explicit compiled(const Roots&... r) {
    std::size_t slot = 0;
    (gather_literals(r, literals_, slot), ...);
  }

  /// Values of the roots. var(i) and col(j) are callables returning coordinates and columns.
  template <class T, class Var, class Col = no_columns>
  GRADUS_INLINE constexpr std::array<T, roots> values(Var var, Col col = {}) const {
    workspace<tape_type, T> w;
    forward_values(w, make_inputs<T>(var, col));
    std::array<T, roots> out{};
    for (std::size_t r = 0; r < roots; ++r) out[r] = w.v[tape_type::data.roots[r]];
    return out;
  }

  template <class T, class Var, class Col = no_columns>
  GRADUS_INLINE constexpr T value(Var var, Col col = {}) const {
    static_assert(roots == 1, "gradus: internal error: value() of a multi-root tape");
    workspace<tape_type, T> w;
    forward_values(w, make_inputs<T>(var, col));
    return w.v[tape_type::data.roots[0]];
  }

  /// The row-invariant values at the point var (nodes that read no column, see row_invariant),
  /// for the evaluations over many rows that follow: pass with_prepared{col, &prepared} as their
  /// columns and those nodes are copied, not computed per row.
  template <class T, class Var>
  GRADUS_INLINE constexpr workspace<tape_type, T> prepare(Var var) const {
    workspace<tape_type, T> w;
    forward_row_invariant(w, make_inputs<T>(var, no_columns{}));
    return w;
  }

  // The operations below (gradients, Hessians, tangents) are for single-root tapes.

  /// f and ∇f by one forward and one reverse sweep; grad(i, ∂f/∂xᵢ) is called for each of
  /// the arity variables (with 0 for a variable the expression does not use).
  template <class T, class Var, class Col, class Grad>
  GRADUS_INLINE constexpr T value_and_gradient(Var var, Col col, Grad grad) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values(w, in);
    adjoints<tape_type, T> adj;
    reverse_adjoints(w, in, adj, math::lift<T>(1.0));
    emit_gradient(adj, grad);
    return w.v[tape_type::data.roots[0]];
  }

  /// ∇f alone (reverse mode), evaluating only the values the adjoint sweep reads.
  template <class T, class Var, class Col, class Grad>
  GRADUS_INLINE constexpr void gradient(Var var, Col col, Grad grad) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values_for_gradient(w, in);
    adjoints<tape_type, T> adj;
    reverse_adjoints(w, in, adj, math::lift<T>(1.0));
    emit_gradient(adj, grad);
  }

  /// f and ∇f by one forward sweep carrying sparse gradients (forward mode).
  template <class T, class Var, class Col, class Grad>
  GRADUS_INLINE constexpr T value_and_gradient_forward(Var var, Col col, Grad grad) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values(w, in);
    gradient_store<tape_type, T, gradient_need::all> s;
    forward_gradients(w, in, s);
    emit_root_gradient<0>(s, grad);
    return w.v[tape_type::data.roots[0]];
  }

  /// The Jacobian of all roots (forward mode): jac(r, i, ∂fᵣ/∂xᵢ) for the variables each
  /// root depends on (the others are zero and not reported).
  template <class T, class Var, class Col, class Jac>
  GRADUS_INLINE constexpr std::array<T, roots> values_and_jacobian(Var var, Col col, Jac jac) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values(w, in);
    gradient_store<tape_type, T, gradient_need::all> s;
    forward_gradients(w, in, s);
    std::array<T, roots> out{};
    [&]<std::size_t... R>(std::index_sequence<R...>) {
      (emit_root_gradient<R>(s, [&](std::size_t i, const T& g) { jac(R, i, g); }), ...);
    }(std::make_index_sequence<roots>{});
    for (std::size_t r = 0; r < roots; ++r) out[r] = w.v[tape_type::data.roots[r]];
    return out;
  }

  /// f, ∇f and ∇²f in one fused pass: one forward sweep (values, partials, the sparse
  /// gradients the curvature terms need) and one reverse sweep (adjoints and curvature).
  /// hess(r, c, x) adds x to entry (r, c), r <= c, and may be called several times per entry.
  template <class T, class Var, class Col, class Grad, class Hess>
  GRADUS_INLINE constexpr T value_gradient_hessian(Var var, Col col, Grad grad, Hess hess) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values(w, in);
    gradient_store<tape_type, T, gradient_need::hessian> s;
    forward_gradients(w, in, s);
    adjoints<tape_type, T> adj;
    reverse_hessian(w, in, adj, s, hess);
    emit_gradient(adj, grad);
    return w.v[tape_type::data.roots[0]];
  }

  /// uᵀ∇f by one forward tangent sweep.
  template <class T, class Var, class Col, class Dir>
  GRADUS_INLINE constexpr T directional_derivative(Var var, Col col, Dir dir) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values(w, in);
    tangent_store<tape_type, T> s;
    forward_tangents(w, in, dir, s);
    return s.dot[tape_type::data.roots[0]];
  }

  /// H·w by forward-over-reverse (one tangent sweep, one second-order adjoint sweep);
  /// hv(i, (Hw)ᵢ) for each variable.
  template <class T, class Var, class Col, class Dir, class Out>
  GRADUS_INLINE constexpr void hessian_vector_product(Var var, Col col, Dir dir, Out hv) const {
    const auto in = make_inputs<T>(var, col);
    workspace<tape_type, T> w;
    forward_values(w, in);
    tangent_store<tape_type, T> s;
    forward_tangents(w, in, dir, s);
    adjoints<tape_type, T> adj, adj_dot;
    reverse_second_order(w, in, s, adj, adj_dot);
    emit_gradient(adj_dot, hv);
  }

 private:
  std::array<double, tape_type::literals> literals_{};

  template <class T, class Var, class Col>
  GRADUS_INLINE constexpr auto make_inputs(Var var, Col col) const {
    using L = std::array<double, tape_type::literals>;
    if constexpr (is_with_prepared<Col>::value)
      return inputs<T, Var, L, decltype(col.col), std::remove_cvref_t<decltype(*col.pre)>>{var, literals_, col.col, col.pre};
    else
      return inputs<T, Var, L, Col>{var, literals_, col};
  }

  template <class A, class Grad>
  GRADUS_INLINE static constexpr void emit_gradient(const A& adj, Grad& grad) {
    using T = typename A::value_type;
    for (std::size_t i = 0; i < arity; ++i) {
      const std::size_t k = tape_type::var_node[i];
      grad(i, k < tape_type::size ? adj[k] : math::lift<T>(0.0));
    }
  }

  template <std::size_t R, class S, class Grad>
  GRADUS_INLINE static constexpr void emit_root_gradient(const S& s, Grad&& grad) {
    using L = layout<tape_type>;
    using GL = typename S::gl;
    constexpr std::size_t k = tape_type::data.roots[R];
    for (std::size_t i = 0; i < tape_type::dep_count[k]; ++i) grad(L::dep_index[L::dep_offset[k] + i], s.g[GL::offset[k] + i]);
  }
};

}  // namespace gradus::detail
