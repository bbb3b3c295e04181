// A constrained problem built from expressions:
//
//     auto prob = gradus::problem(f, gradus::subject_to(x + y == 1, x*x + y*y <= 1, x >= 0));
//
// is  min f(x) s.t. gᵢ(x) = 0 (the equalities, in the order written) and hⱼ(x) ≤ 0 (the
// inequalities, in the order written), in the standard form of constraint.hpp, over
// n = the largest variable index used anywhere, plus one. The problem models
// gradus::nonlinear_program: every value, gradient, Jacobian row and Hessian the solver asks
// for is the exact one computed by the evaluation engine from the expressions, and the Hessian
// of the Lagrangian at (λ, α) is σ∇²f + Σᵢ λᵢ∇²gᵢ + Σⱼ αⱼ∇²hⱼ, term by term.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <gradus/constrained/constraint.hpp>
#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/eval.hpp>

namespace gradus {

/// The constraints of a problem, as written: subject_to(c1, c2, ...).
template <class... Cs>
struct constraint_set {
  std::tuple<Cs...> constraints;
};

/// Groups constraints written with ==, <= and >= (bounds included): subject_to(x + y == 1, x >= 0).
template <class... Cs>
constexpr auto subject_to(const Cs&... cs) {
  static_assert((constraint<Cs> && ...),
                "gradus::subject_to: every argument must be a constraint written with ==, <= or >= between "
                "expressions or numbers, e.g. subject_to(x + y == 1, x*x + y*y <= 1, x >= 0)");
  return constraint_set<std::remove_cvref_t<Cs>...>{std::tuple<std::remove_cvref_t<Cs>...>(cs...)};
}

template <class F, class Equalities, class Inequalities>
struct constrained_problem;

/// min f s.t. gᵢ = 0 (G...) and hⱼ ≤ 0 (H...).
template <class F, class... G, class... H>
struct constrained_problem<F, std::tuple<G...>, std::tuple<H...>> {
  static constexpr int variables = int(std::max({arity_v<F>, arity_v<G>..., arity_v<H>...}));
  static constexpr int equalities = int(sizeof...(G));
  static constexpr int inequalities = int(sizeof...(H));
  static_assert(variables > 0, "gradus::problem: neither the objective nor a constraint uses a variable");

  using point = Eigen::Matrix<double, variables, 1>;
  using equality_vector = Eigen::Matrix<double, equalities, 1>;
  using inequality_vector = Eigen::Matrix<double, inequalities, 1>;

  F f;                   ///< the objective
  std::tuple<G...> g;    ///< gᵢ(x) = 0
  std::tuple<H...> h;    ///< hⱼ(x) ≤ 0

  // ---- gradus::nonlinear_program ----
  double objective(const point& x) const { return value(f, x); }
  point objective_gradient(const point& x) const { return gradient(f, x); }
  equality_vector equality_values(const point& x) const { return values_of(g, x); }
  Eigen::Matrix<double, equalities, variables> equality_jacobian(const point& x) const { return jacobian_of(g, x); }
  inequality_vector inequality_values(const point& x) const { return values_of(h, x); }
  Eigen::Matrix<double, inequalities, variables> inequality_jacobian(const point& x) const {
    return jacobian_of(h, x);
  }
  Eigen::Matrix<double, variables, variables> lagrangian_hessian(const point& x, double sigma,
                                                                  const equality_vector& lambda,
                                                                  const inequality_vector& alpha) const {
    Eigen::Matrix<double, variables, variables> w = Eigen::Matrix<double, variables, variables>::Zero();
    if (sigma != 0) w += sigma * hessian(f, x);
    add_weighted_hessians(w, g, x, lambda);
    add_weighted_hessians(w, h, x, alpha);
    return w;
  }
  std::array<variable_bound, sizeof...(H)> inequality_bounds() const {
    return std::apply([](const auto&... e) { return std::array<variable_bound, sizeof...(H)>{detail::bound_of(e)...}; },
                      h);
  }

 private:
  // Bounds are evaluated directly (sign·(xᵢ − value), gradient ±eᵢ) and affine constraints
  // contribute no curvature: neither needs a compiled tape, which keeps compile times down.
  template <class... E>
  static Eigen::Matrix<double, int(sizeof...(E)), 1> values_of(const std::tuple<E...>& es, const point& x) {
    Eigen::Matrix<double, int(sizeof...(E)), 1> v;
    [&]<std::size_t... I>(std::index_sequence<I...>) { ((v[int(I)] = constraint_value(std::get<I>(es), x)), ...); }(
        std::index_sequence_for<E...>{});
    return v;
  }
  template <class... E>
  static Eigen::Matrix<double, int(sizeof...(E)), variables> jacobian_of(const std::tuple<E...>& es, const point& x) {
    Eigen::Matrix<double, int(sizeof...(E)), variables> j;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((j.row(int(I)) = constraint_gradient(std::get<I>(es), x).transpose()), ...);
    }(std::index_sequence_for<E...>{});
    return j;
  }
  template <class... E, class M>
  static void add_weighted_hessians(Eigen::Matrix<double, variables, variables>& w, const std::tuple<E...>& es,
                                    const point& x, const M& weights) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((detail::is_affine<E>::value || weights[int(I)] == 0
            ? void()
            : void(w += weights[int(I)] * hessian(std::get<I>(es), x))),
       ...);
    }(std::index_sequence_for<E...>{});
  }
  template <class E>
  static double constraint_value(const E& e, const point& x) {
    if constexpr (detail::bound_form<E>::is_bound) {
      const variable_bound b = detail::bound_form<E>::of(e);
      return b.sign * (x[b.variable] - b.value);
    } else {
      return value(e, x);
    }
  }
  template <class E>
  static point constraint_gradient(const E& e, const point& x) {
    if constexpr (detail::bound_form<E>::is_bound) {
      point d = point::Zero();
      const variable_bound b = detail::bound_form<E>::of(e);
      d[b.variable] = b.sign;
      return d;
    } else {
      return gradient(e, x);
    }
  }
};

namespace detail {
template <class C>
constexpr auto equality_part(const C& c) {
  if constexpr (is_equality_constraint<C>::value) return std::tuple(c.g);
  else return std::tuple<>{};
}
template <class C>
constexpr auto inequality_part(const C& c) {
  if constexpr (is_inequality_constraint<C>::value) return std::tuple(c.h);
  else return std::tuple<>{};
}
}  // namespace detail

/// min f subject to the constraints: problem(f, subject_to(...)).
template <class F, class... Cs>
constexpr auto problem(const F& f, const constraint_set<Cs...>& constraints) {
  static_assert(expression<F>, "gradus::problem(f, subject_to(...)): f must be a gradus expression");
  auto eqs = std::apply([](const auto&... c) { return std::tuple_cat(detail::equality_part(c)...); },
                        constraints.constraints);
  auto ineqs = std::apply([](const auto&... c) { return std::tuple_cat(detail::inequality_part(c)...); },
                          constraints.constraints);
  return constrained_problem<F, decltype(eqs), decltype(ineqs)>{f, eqs, ineqs};
}

/// An unconstrained problem min f (solved by the same method: Newton with inertia correction).
template <class F>
constexpr auto problem(const F& f) {
  return problem(f, constraint_set<>{});
}

}  // namespace gradus
