// Unconstrained optimization: gradus::minimize(f, x0, method, options) and the methods.
#pragma once

#include <gradus/objective.hpp>
#include <gradus/optim/adadelta.hpp>
#include <gradus/optim/adagrad.hpp>
#include <gradus/optim/adam.hpp>
#include <gradus/optim/bfgs.hpp>
#include <gradus/optim/gradient_descent.hpp>
#include <gradus/optim/lbfgs.hpp>
#include <gradus/optim/line_search.hpp>
#include <gradus/optim/method.hpp>
#include <gradus/optim/minimize.hpp>
#include <gradus/optim/momentum.hpp>
#include <gradus/optim/newton.hpp>
#include <gradus/optim/options.hpp>
#include <gradus/optim/progress.hpp>
#include <gradus/optim/projected_gradient.hpp>
#include <gradus/optim/result.hpp>
#include <gradus/optim/rmsprop.hpp>
#include <gradus/optim/schedule.hpp>
#include <gradus/optim/sgd.hpp>
#include <gradus/optim/status.hpp>
#include <gradus/optim/step_rule.hpp>
