// How a method plugs into gradus::minimize.
//
// A method is a plain aggregate (gradus::adam, gradus::gradient_descent, …). minimize(f, x0,
// method, options) checks f and x0, then calls
//     gradus::method_traits<Method>::run(method, f, x0, options)  ->  gradus::result<X>
// Each method header specializes method_traits with
//     static constexpr std::string_view name;                // "adam"
//     template <class F, class X>                            // X: the parameter vector type
//     static result<X> run(const Method&, const F&, X x0, const options&);
// Most methods implement run() by visiting their closed variant fields (step_rule, rate) once
// and handing a stepper for the concrete alternative to the shared loop detail::drive
// (<gradus/optim/detail/driver.hpp>), which owns evaluation counting, clipping, weight decay,
// the stopping tests, trace and callback. A new method (Newton, BFGS, …) therefore adds one
// header and touches no other method's loop.
#pragma once

#include <string_view>

namespace gradus {

/// Specialized by each method header; the primary template is deliberately left undefined.
template <class Method>
struct method_traits;

/// A type that gradus::minimize accepts as its method argument.
template <class M>
concept minimization_method = requires {
  { method_traits<M>::name } -> std::convertible_to<std::string_view>;
};

}  // namespace gradus
