// Symbolic differentiation: derivative(f, x), gradient_expr(f), hessian_expr(f).
#pragma once

#include <gradus/core.hpp>
#include <gradus/diff/derivative.hpp>
#include <gradus/diff/symbolic.hpp>
