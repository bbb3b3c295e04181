// Constrained optimization: constraints as expressions, problems, the generalized Lagrangian,
// KKT residuals and the interior-point KKT solver.
#pragma once

#include <gradus/constrained/constraint.hpp>
#include <gradus/constrained/interior_point.hpp>
#include <gradus/constrained/kkt_result.hpp>
#include <gradus/constrained/lagrangian.hpp>
#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/constrained/problem.hpp>
#include <gradus/constrained/solve_kkt.hpp>
#include <gradus/constrained/status.hpp>
