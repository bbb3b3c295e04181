// gradus: gradient-based optimization with compile-time automatic differentiation.
// The one public door: includes every part of the library.
#pragma once

#include <gradus/constrained.hpp>
#include <gradus/core.hpp>
#include <gradus/data.hpp>
#include <gradus/diff.hpp>
#include <gradus/eval.hpp>
#include <gradus/objective.hpp>
#include <gradus/optim.hpp>
#include <gradus/analysis.hpp>
