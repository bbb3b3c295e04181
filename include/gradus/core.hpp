// The expression language: variables, constants, operators, functions, symbolic vectors.
#pragma once

#include <gradus/core/expression.hpp>
#include <gradus/core/functions.hpp>
#include <gradus/core/operators.hpp>
#include <gradus/core/print.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/core/vector.hpp>
