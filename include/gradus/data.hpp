// Data objectives: per-example losses over datasets. columns<K>() gives the data placeholders,
// dataset(columns...) wraps contiguous columns without copying them, and mean_over / sum_over
// make objectives (value, gradient, Hessian in one SIMD pass; minibatch views; threads).
#pragma once

#include <gradus/core.hpp>
#include <gradus/data/columns.hpp>
#include <gradus/data/dataset.hpp>
#include <gradus/data/objective.hpp>
#include <gradus/eval.hpp>
