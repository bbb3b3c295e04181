// Printing expressions as text: gradus::to_string(e) and std::ostream << e.
//
// The output is ordinary infix notation with as few parentheses as the precedence of
// the operators allows: + and − bind loosest, then · and ÷, then unary minus, then
// atoms (variables, non-negative numbers, function calls). Addition and multiplication
// are printed as associative (a + (b + c) prints as a + b + c), subtraction and division
// are not (a − (b − c) keeps its parentheses). Variables print as x0, x1, …, data
// columns as c0, c1, …, runtime constants in their shortest round-trip form (2, 0.5,
// 1e-10), and functions by name: exp(x0), pow(x1, 3), pow(x0, 2.5), logsumexp(x0, x1),
// softmax<1>(x0, x1). A symbolic vector prints as [e0, e1, …] (a Hessian as nested rows).
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <string>
#include <tuple>
#include <type_traits>

#include <gradus/core/expression.hpp>
#include <gradus/core/operators.hpp>

namespace gradus {

template <class... Es>
struct symbolic_vector;

namespace detail {

/// Binding strength of a node's outermost operator when printed.
enum class print_precedence { sum = 1, product = 2, negation = 3, atom = 4 };

inline void write_number(std::string& out, double v) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);  // shortest round-trip form
  out.append(buffer, result.ptr);
}

template <class Op>
struct function_name;
#define GRADUS_FUNCTION_NAME(tag)              \
  template <>                                  \
  struct function_name<op::tag> {              \
    static constexpr const char* value = #tag; \
  };
GRADUS_FUNCTION_NAME(exp)
GRADUS_FUNCTION_NAME(log)
GRADUS_FUNCTION_NAME(log1p)
GRADUS_FUNCTION_NAME(expm1)
GRADUS_FUNCTION_NAME(sqrt)
GRADUS_FUNCTION_NAME(sin)
GRADUS_FUNCTION_NAME(cos)
GRADUS_FUNCTION_NAME(tan)
GRADUS_FUNCTION_NAME(tanh)
GRADUS_FUNCTION_NAME(sigmoid)
GRADUS_FUNCTION_NAME(softplus)
GRADUS_FUNCTION_NAME(log_sigmoid)
GRADUS_FUNCTION_NAME(abs)
GRADUS_FUNCTION_NAME(sign)
GRADUS_FUNCTION_NAME(square)
GRADUS_FUNCTION_NAME(logsumexp)
#undef GRADUS_FUNCTION_NAME

template <class Op>
struct infix_symbol;
template <>
struct infix_symbol<op::add> {
  static constexpr const char* value = " + ";
  static constexpr auto precedence = print_precedence::sum;
  static constexpr bool associative = true;
};
template <>
struct infix_symbol<op::sub> {
  static constexpr const char* value = " - ";
  static constexpr auto precedence = print_precedence::sum;
  static constexpr bool associative = false;
};
template <>
struct infix_symbol<op::mul> {
  static constexpr const char* value = "*";
  static constexpr auto precedence = print_precedence::product;
  static constexpr bool associative = true;
};
template <>
struct infix_symbol<op::div> {
  static constexpr const char* value = "/";
  static constexpr auto precedence = print_precedence::product;
  static constexpr bool associative = false;
};

template <class E>
print_precedence precedence_of(const E& e) {
  if constexpr (std::is_same_v<E, literal>)
    return std::signbit(e.value) ? print_precedence::negation : print_precedence::atom;
  else if constexpr (is_integer_node<E>::value)
    return E::value < 0 ? print_precedence::negation : print_precedence::atom;
  else if constexpr (is_neg<E>::value)
    return print_precedence::negation;
  else
    return print_precedence::atom;
}
template <class Op, class L, class R>
print_precedence precedence_of(const binary<Op, L, R>&) {
  return infix_symbol<Op>::precedence;
}

// Every overload is declared before any is defined, so that each finds the others.
template <std::size_t I>
void write(std::string& out, const var<I>&);
template <std::size_t J>
void write(std::string& out, const col<J>&);
inline void write(std::string& out, const literal& e);
template <long long N>
void write(std::string& out, const integer<N>&);
template <class Op, class L, class R>
void write(std::string& out, const binary<Op, L, R>& e);
template <class Op, class E>
void write(std::string& out, const unary<Op, E>& e);
template <class Op, class... Es>
void write(std::string& out, const nary<Op, Es...>& e);
template <class... Es>
void write(std::string& out, const symbolic_vector<Es...>& v);

template <class E>
void write_parenthesized(std::string& out, const E& e, bool parentheses) {
  if (parentheses) out += '(';
  write(out, e);
  if (parentheses) out += ')';
}

template <class... Es>
void write_arguments(std::string& out, const flat_tuple<Es...>& args) {
  tuple_apply(
      [&](const auto&... a) {
        bool first = true;
        ((out += first ? "" : ", ", first = false, write(out, a)), ...);
      },
      args);
}

template <std::size_t I>
void write(std::string& out, const var<I>&) {
  out += 'x';
  out += std::to_string(I);
}
template <std::size_t J>
void write(std::string& out, const col<J>&) {
  out += 'c';
  out += std::to_string(J);
}
inline void write(std::string& out, const literal& e) { write_number(out, e.value); }
template <long long N>
void write(std::string& out, const integer<N>&) {
  out += std::to_string(N);
}

template <class Op, class L, class R>
void write(std::string& out, const binary<Op, L, R>& e) {
  using symbol = infix_symbol<Op>;
  const auto left = precedence_of(e.lhs);
  const auto right = precedence_of(e.rhs);
  write_parenthesized(out, e.lhs, left < symbol::precedence);
  out += symbol::value;
  // A negation on the right is always bracketed (x0 - (-x1), x0*(-2)); an operand of the
  // same precedence only under a non-associative operator (x0 - (x1 + x2), x0/(x1*x1)).
  write_parenthesized(out, e.rhs,
                      right < symbol::precedence || right == print_precedence::negation ||
                          (right == symbol::precedence && !symbol::associative));
}

template <class Op, class E>
void write(std::string& out, const unary<Op, E>& e) {
  if constexpr (std::is_same_v<Op, op::neg>) {
    out += '-';
    write_parenthesized(out, e.arg, precedence_of(e.arg) != print_precedence::atom);
  } else if constexpr (std::is_same_v<Op, op::pow_real>) {
    out += "pow(";
    write(out, e.arg);
    out += ", ";
    write_number(out, e.op.exponent);
    out += ')';
  } else if constexpr (requires { Op::exponent; }) {  // op::pow_int<N>
    out += "pow(";
    write(out, e.arg);
    out += ", ";
    out += std::to_string(Op::exponent);
    out += ')';
  } else {
    out += function_name<Op>::value;
    out += '(';
    write(out, e.arg);
    out += ')';
  }
}

template <class Op, class... Es>
void write(std::string& out, const nary<Op, Es...>& e) {
  if constexpr (requires { Op::index; }) {  // op::softmax<K>
    out += "softmax<";
    out += std::to_string(Op::index);
    out += ">(";
  } else {
    out += function_name<Op>::value;
    out += '(';
  }
  write_arguments(out, e.args);
  out += ')';
}

template <class... Es>
void write(std::string& out, const symbolic_vector<Es...>& v) {
  out += '[';
  write_arguments(out, v.elements);
  out += ']';
}

template <class T>
struct is_symbolic_vector_node : std::false_type {};
template <class... Es>
struct is_symbolic_vector_node<symbolic_vector<Es...>> : std::true_type {};

template <class E>
concept printable = expression<E> || is_symbolic_vector_node<std::remove_cvref_t<E>>::value;

}  // namespace detail

/// The expression (or symbolic vector) as text: to_string(derivative(x*x, x)) is "2*x0".
template <class E>
std::string to_string(const E& e) {
  static_assert(
      detail::printable<E>,
      "gradus::to_string(e): e must be a gradus expression or a symbolic vector of expressions");
  std::string out;
  if constexpr (detail::printable<E>) detail::write(out, e);
  return out;
}

/// Writes to_string(e).
template <class E>
requires detail::printable<E> std::ostream& operator<<(std::ostream& os, const E& e) {
  return os << to_string(e);
}

}  // namespace gradus
