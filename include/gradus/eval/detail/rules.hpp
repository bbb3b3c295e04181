// Local derivative rules: for each operation y = φ(u₁, …, u_k), its value, its first
// partials ∂φ/∂uᵢ and its second partials ∂²φ/∂uᵢ∂uⱼ, in terms of the children's values,
// the node's own value y, and an auxiliary value the forward sweep keeps where it is free:
//   sigmoid, softplus, log_sigmoid keep t = e^(−|u|) (the stable forms need it anyway) and
//   q = 1/(1 + t) (one division serves the value, the derivatives and log1p's correction);
//   softplus and log_sigmoid also l = log1p(t):
//     σ(u) = q for u ≥ 0, t·q otherwise;  σ'(u) = t·q²  (no cancellation);
//     softplus(u) = max(u, 0) + l;  log σ(u) = min(u, 0) − l.
//   t and l are the same for u and −u, so a node of this family whose operand is −X (or X)
//   takes them from an earlier one on X (or −X): log σ(z) and log σ(−z) of the logistic loss
//   cost one exp and one log1p (see sigmoid_partner in engine.hpp).
//   logsumexp keeps tᵢ = e^(uᵢ − m), m = max uᵢ, and s = Σ tᵢ: y = m + log s, pᵢ = tᵢ/s,
//     ∂y/∂uᵢ = pᵢ, ∂²y/∂uᵢ∂uⱼ = δᵢⱼpᵢ − pᵢpⱼ;  softmax_K = p_K, ∂p_K/∂uⱼ = p_K(δ_Kj − pⱼ).
#pragma once
#ifndef GRADUS_EVAL_INTERNAL
#error "gradus/eval/detail/rules.hpp is internal: include <gradus/eval.hpp> instead"
#endif

#include <gradus/eval/detail/tape.hpp>
#include <gradus/eval/math.hpp>

namespace gradus::detail {

/// Number of auxiliary values a node keeps.
constexpr std::uint32_t aux_count(const tape_node& n) {
  switch (n.code) {
    case opcode::sigmoid: return 2;
    case opcode::softplus: case opcode::log_sigmoid: return 3;
    case opcode::logsumexp: case opcode::softmax: return n.count + 1;
    default: return 0;
  }
}

/// Does the operation have nonzero second partials (with respect to children that depend
/// on variables)? Linear operations (add, sub, neg, scaling by a constant) and the piecewise
/// constant ones (abs, sign) add nothing to a Hessian.
template <class Tape>
constexpr bool has_curvature(std::size_t k) {
  const tape_node& n = Tape::node(k);
  switch (n.code) {
    case opcode::var: case opcode::col: case opcode::literal: case opcode::integer:
    case opcode::add: case opcode::sub: case opcode::neg: case opcode::abs: case opcode::sign:
      return false;
    case opcode::mul: return Tape::depends(Tape::child(k, 0)) && Tape::depends(Tape::child(k, 1));
    case opcode::div: return Tape::depends(Tape::child(k, 1));
    default: return Tape::depends(k);
  }
}

/// What the first partial of node k with respect to its child slot c reads: the values of
/// which child slots (bit mask), the node's own value, its auxiliary value.
struct partial_reads {
  std::uint64_t children = 0;
  bool own = false;
};
constexpr partial_reads reads_of_partial(const tape_node& n, std::uint32_t c) {
  switch (n.code) {
    case opcode::add: case opcode::sub: case opcode::neg: case opcode::sign: return {};
    case opcode::mul: return {std::uint64_t{1} << (1 - c), false};
    case opcode::div: return c == 0 ? partial_reads{2, false} : partial_reads{2, true};
    case opcode::exp: case opcode::expm1: case opcode::sqrt: case opcode::tan: case opcode::tanh: return {0, true};
    case opcode::log: case opcode::log1p: case opcode::sin: case opcode::cos: case opcode::abs: case opcode::square:
    case opcode::pow_int: case opcode::pow_real: return {1, false};
    case opcode::sigmoid: case opcode::softplus: case opcode::log_sigmoid: return {1, true};  // u and aux
    case opcode::logsumexp: case opcode::softmax: return {0, true};                         // aux (and y)
    default: return {};
  }
}

template <class T, long long N>
constexpr T ipow(T u) {
  if constexpr (N < 0) return math::lift<T>(1.0) / ipow<T, -N>(u);
  else if constexpr (N == 0) return math::lift<T>(1.0);
  else if constexpr (N == 1) return u;
  else {
    const T h = ipow<T, N / 2>(u);
    if constexpr (N % 2 == 0) return h * h;
    else return h * h * u;
  }
}

constexpr bool is_sigmoid_family(opcode c) {
  return c == opcode::sigmoid || c == opcode::softplus || c == opcode::log_sigmoid;
}

/// σ(u), softplus(u) or log σ(u) from aux = {t, q, l} (l not read by sigmoid).
template <opcode C, class T>
constexpr T sigmoid_family_value(const T& u, const T* aux) {
  using namespace math;
  if constexpr (C == opcode::sigmoid) return select_nonnegative(u, lift<T>(1.0), aux[0]) * aux[1];
  else if constexpr (C == opcode::softplus) return max(u, lift<T>(0.0)) + aux[2];
  else return min(u, lift<T>(0.0)) - aux[2];
}

/// Value of a unary node; writes its auxiliary values to aux[0], … where it keeps any.
template <opcode C, long long N, class T>
constexpr T unary_value(const T& u, const T& r, T* aux) {
  using namespace math;
  const T one = lift<T>(1.0);
  if constexpr (C == opcode::neg) return -u;
  else if constexpr (C == opcode::exp) return exp(u);
  else if constexpr (C == opcode::log) return log(u);
  else if constexpr (C == opcode::log1p) return log1p(u);
  else if constexpr (C == opcode::expm1) return expm1(u);
  else if constexpr (C == opcode::sqrt) return sqrt(u);
  else if constexpr (C == opcode::sin) return sin(u);
  else if constexpr (C == opcode::cos) return cos(u);
  else if constexpr (C == opcode::tan) return tan(u);
  else if constexpr (C == opcode::tanh) return tanh(u);
  else if constexpr (C == opcode::abs) return abs(u);
  else if constexpr (C == opcode::sign) return sign(u);
  else if constexpr (C == opcode::square) return u * u;
  else if constexpr (C == opcode::pow_int) return ipow<T, N>(u);
  else if constexpr (C == opcode::pow_real) return pow(u, r);
  else if constexpr (is_sigmoid_family(C)) {
    aux[0] = exp_nonpositive(-abs(u));
    aux[1] = one / (one + aux[0]);
    if constexpr (C != opcode::sigmoid) aux[2] = log1p_unit(aux[0], aux[1]);
    return sigmoid_family_value<C>(u, aux);
  } else {
    static_assert(C == opcode::neg, "gradus: internal error: no value rule for this unary operation");
  }
}

/// ∂y/∂u of a unary node.
template <opcode C, long long N, class T>
constexpr T unary_d1(const T& u, const T& y, const T& r, const T* aux) {
  using namespace math;
  const T one = lift<T>(1.0);
  if constexpr (C == opcode::neg) return -one;
  else if constexpr (C == opcode::exp) return y;
  else if constexpr (C == opcode::log) return one / u;
  else if constexpr (C == opcode::log1p) return one / (one + u);
  else if constexpr (C == opcode::expm1) return y + one;
  else if constexpr (C == opcode::sqrt) return lift<T>(0.5) / y;
  else if constexpr (C == opcode::sin) return cos(u);
  else if constexpr (C == opcode::cos) return -sin(u);
  else if constexpr (C == opcode::tan) return one + y * y;
  else if constexpr (C == opcode::tanh) return one - y * y;
  else if constexpr (C == opcode::abs) return sign(u);
  else if constexpr (C == opcode::sign) return lift<T>(0.0);
  else if constexpr (C == opcode::square) return lift<T>(2.0) * u;
  else if constexpr (C == opcode::pow_int) return lift<T>(double(N)) * ipow<T, N - 1>(u);
  else if constexpr (C == opcode::pow_real) return r * pow(u, r - one);
  else if constexpr (C == opcode::sigmoid) return aux[0] * aux[1] * aux[1];
  else if constexpr (C == opcode::softplus) return select_nonnegative(u, one, aux[0]) * aux[1];
  else if constexpr (C == opcode::log_sigmoid) return select_nonnegative(u, aux[0], one) * aux[1];
  else static_assert(C == opcode::neg, "gradus: internal error: no derivative rule for this unary operation");
}

/// ∂²y/∂u² of a unary node, given d1 = ∂y/∂u.
template <opcode C, long long N, class T>
constexpr T unary_d2(const T& u, const T& y, const T& r, const T* aux, const T& d1) {
  using namespace math;
  const T one = lift<T>(1.0);
  if constexpr (C == opcode::exp || C == opcode::expm1) return d1;
  else if constexpr (C == opcode::log) return -(d1 * d1);
  else if constexpr (C == opcode::log1p) return -(d1 * d1);
  else if constexpr (C == opcode::sqrt) return -(d1 * d1) / y;  // −1/(4 y³)
  else if constexpr (C == opcode::sin || C == opcode::cos) return -y;
  else if constexpr (C == opcode::tan) return lift<T>(2.0) * y * d1;
  else if constexpr (C == opcode::tanh) return lift<T>(-2.0) * y * d1;
  else if constexpr (C == opcode::square) return lift<T>(2.0);
  else if constexpr (C == opcode::pow_int) return lift<T>(double(N) * double(N - 1)) * ipow<T, N - 2>(u);
  else if constexpr (C == opcode::pow_real) return r * (r - one) * pow(u, r - lift<T>(2.0));
  else if constexpr (C == opcode::sigmoid) {
    const T s = aux[0] * aux[1] * aux[1];  // σ'(u)
    return s * select_nonnegative(u, aux[0] - one, one - aux[0]) * aux[1];
  } else if constexpr (C == opcode::softplus) return aux[0] * aux[1] * aux[1];
  else if constexpr (C == opcode::log_sigmoid) return -(aux[0] * aux[1] * aux[1]);
  else return lift<T>(0.0);  // neg, abs, sign: no curvature
}

}  // namespace gradus::detail
