// Questions about a function at a point, answered from its exact derivatives: the
// second-derivative test (classify), the condition number, the second-order Taylor prediction
// of a gradient step and the optimal step ε*, and a sampled Lipschitz estimate of the gradient.
#pragma once

#include <gradus/analysis/lipschitz.hpp>
#include <gradus/analysis/second_derivative_test.hpp>
#include <gradus/analysis/taylor.hpp>
