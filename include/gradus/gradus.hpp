// gradus: gradient-based optimization with compile-time automatic differentiation.
// The one public door: includes every part of the library.
#pragma once

#include <gradus/core.hpp>
#include <gradus/diff.hpp>
#include <gradus/eval.hpp>
#include <gradus/optim.hpp>
#include <gradus/analysis.hpp>
