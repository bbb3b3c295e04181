// Numeric evaluation of expressions: values, gradients (forward and reverse mode), Hessians,
// Hessian-vector products, directional derivatives and Jacobians, for float, double and
// xsimd::batch<double>.
#pragma once

#include <gradus/core.hpp>
#include <gradus/eval/compiled.hpp>
#include <gradus/eval/evaluate.hpp>
#include <gradus/eval/math.hpp>
#include <gradus/eval/point.hpp>
#include <gradus/eval/simd.hpp>
