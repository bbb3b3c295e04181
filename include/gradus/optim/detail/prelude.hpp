// Includes shared by the method headers: the public vocabulary and the shared loop.
#pragma once
#ifndef GRADUS_OPTIM_INTERNAL
#error "gradus/optim/detail/prelude.hpp is internal: include <gradus/optim.hpp> (or a method's header) instead"
#endif

#include <cmath>
#include <string_view>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <gradus/objective.hpp>
#include <gradus/optim/method.hpp>
#include <gradus/optim/options.hpp>
#include <gradus/optim/result.hpp>
#include <gradus/optim/schedule.hpp>
#include <gradus/optim/status.hpp>
#include <gradus/optim/detail/driver.hpp>
