// gradus: gradient-based optimization with compile-time automatic differentiation.
// This header brings in every public name.
#pragma once

#include <gradus/core.hpp>
#include <gradus/diff.hpp>
