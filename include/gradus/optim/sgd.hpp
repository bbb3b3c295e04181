// Minibatch stochastic gradient descent over a data objective J(θ) = (1/m) Σᵢ L(xᵢ, yᵢ, θ).
//
// Each epoch visits every example once: the row indices are shuffled (Fisher–Yates with
// std::mt19937_64 seeded by .seed, and an unbiased bounded draw of our own, so the order is
// the same on every platform), cut into consecutive minibatches B of .batch_size rows (the
// last one may be smaller), and for each batch, with ĝ the (clipped) gradient of J restricted
// to B and ηₜ the learning rate at update t = 0, 1, …:
//
//   v ← μ v − ηₜ ĝ_B(θ),    θ ← θ + v            (μ = .momentum; μ = 0 is plain SGD)
//
// At the end of every epoch the full objective and gradient are evaluated once: they feed the
// stopping tests, the trace and the callback (whose "iteration" is the number of updates so
// far). The run ends with epochs_completed after .epochs epochs, or earlier by a stopping
// test or options.max_iterations updates.
//
// A data objective is an objective with  size()  (the number of examples) and
// subset(rows)  (std::span<const std::size_t>) returning an objective over those rows only —
// a view, no copy; gradus::mean_over / sum_over provide both.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <cstdint>
#include <numeric>
#include <random>
#include <span>
#include <vector>

#ifndef GRADUS_OPTIM_INTERNAL
#define GRADUS_OPTIM_INTERNAL
#endif
#include <gradus/optim/detail/prelude.hpp>

namespace gradus {

/// An objective over examples that can be restricted to a subset of its rows.
template <class F, class X>
concept data_objective = objective<F, X> && requires(const F& f, std::span<const std::size_t> rows) {
  { f.size() } -> std::convertible_to<std::size_t>;
  f.subset(rows);
  requires objective<std::remove_cvref_t<decltype(f.subset(rows))>, X>;
};

/// Minibatch stochastic gradient descent over a data objective.
struct sgd {
  rate learning_rate = 0.01;    ///< η, a number or a schedule (t counts updates)
  std::size_t batch_size = 32;  ///< examples per update
  std::size_t epochs = 10;      ///< passes over the data
  double momentum = 0;          ///< μ in [0, 1); 0 is plain SGD
  bool shuffle = true;          ///< reshuffle the rows every epoch
  std::uint64_t seed = 0;       ///< seed of the shuffle
};

namespace detail {

/// Uniform in [0, bound), bound > 0, by rejection (no modulo bias; identical on every platform).
inline std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t draw;
  do draw = rng();
  while (draw >= limit);
  return draw % bound;
}

inline void shuffle_rows(std::vector<std::size_t>& rows, std::mt19937_64& rng) {
  for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[uniform_below(rng, i)]);
}

template <class F, class X, class Schedule>
result<X> run_sgd(const sgd& m, const F& f, X x0, const options& opts, const Schedule& eta) {
  check_options(opts);
  const std::size_t examples = static_cast<std::size_t>(f.size());
  check_argument(examples > 0, "gradus::sgd: the data objective has no examples");
  check_argument(m.batch_size > 0, "gradus::sgd: batch_size must be at least 1");
  check_argument(m.momentum >= 0 && m.momentum < 1, "gradus::sgd: momentum must lie in [0, 1)");

  result<X> r;
  evaluator<F, X> full(f, opts.weight_decay);
  const Eigen::Index n = x0.size();
  iterate<X> it{std::move(x0), 0, X(n), 0};
  X velocity = X::Zero(n), batch_gradient(n), epoch_start(n);
  std::vector<std::size_t> rows(examples);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::mt19937_64 rng(m.seed);
  std::size_t batch_gradients = 0;

  auto finish = [&](status s, convergence_test test = convergence_test::none) {
    r.status = s;
    r.test = test;
    r.x = it.x;
    r.value = it.value;
    r.function_evaluations = full.function_evaluations;
    r.gradient_evaluations = full.gradient_evaluations + batch_gradients;
    return std::move(r);
  };

  if (!finite_vector(it.x)) {
    it.value = r.gradient_norm = std::numeric_limits<double>::quiet_NaN();
    return finish(status::non_finite);
  }
  it.value = full.value_and_gradient(it.x, it.gradient);
  it.gradient_norm = r.gradient_norm = safe_norm(it.gradient);
  if (!std::isfinite(it.value) || !finite_vector(it.gradient)) return finish(status::non_finite);
  const double f0 = it.value;
  if (opts.record_trace) r.trace.push_back({0, it.value, it.gradient_norm, 0.0, it.x});
  if (it.gradient_norm <= opts.gradient_tolerance) return finish(status::converged, convergence_test::gradient_norm);

  std::size_t updates = 0;
  for (std::size_t epoch = 0; epoch < m.epochs; ++epoch) {
    if (m.shuffle) shuffle_rows(rows, rng);
    epoch_start = it.x;
    bool limit_reached = false;
    for (std::size_t begin = 0; begin < examples; begin += m.batch_size) {
      if (updates >= opts.max_iterations) {
        limit_reached = true;
        break;
      }
      const std::size_t count = std::min(m.batch_size, examples - begin);
      const auto batch = f.subset(std::span<const std::size_t>(rows.data() + begin, count));
      objective_access::gradient(batch, it.x, batch_gradient);
      ++batch_gradients;
      if (opts.weight_decay != 0) batch_gradient += opts.weight_decay * it.x;
      const double norm = safe_norm(batch_gradient);
      if (!std::isfinite(norm)) {
        r.iterations = updates;
        it.value = full.value_and_gradient(it.x, it.gradient);
        r.gradient_norm = it.gradient.norm();
        return finish(status::non_finite);
      }
      const double lr = eta.at(updates) * clip_scale(norm, opts.clip_norm);
      velocity = m.momentum * velocity - lr * batch_gradient;
      it.x += velocity;
      r.iterations = ++updates;
    }
    if (updates == 0) return finish(status::max_iterations);

    const double previous = it.value;
    it.value = full.value_and_gradient(it.x, it.gradient);
    it.gradient_norm = r.gradient_norm = safe_norm(it.gradient);
    if (std::isnan(it.value)) return finish(status::non_finite);
    if (std::isinf(it.value) || std::fabs(it.value) > opts.divergence_limit * std::fmax(1.0, std::fabs(f0)))
      return finish(status::diverged);
    if (!std::isfinite(it.gradient_norm) || !finite_vector(it.x)) return finish(status::non_finite);
    const double moved = (it.x - epoch_start).norm();
    if (opts.record_trace) r.trace.push_back({updates, it.value, it.gradient_norm, moved, it.x});
    if (opts.callback) {
      const iteration_info info{updates, it.value, it.gradient_norm, moved,
                                Eigen::Map<const Eigen::VectorXd>(it.x.data(), it.x.size())};
      if (!opts.callback(info)) return finish(status::stopped_by_callback);
    }
    if (it.gradient_norm <= opts.gradient_tolerance) return finish(status::converged, convergence_test::gradient_norm);
    if (opts.value_tolerance > 0 &&
        std::fabs(previous - it.value) <=
            opts.value_tolerance * std::fmax(1.0, std::fmax(std::fabs(previous), std::fabs(it.value))))
      return finish(status::converged, convergence_test::value_change);
    if (opts.step_tolerance > 0 && moved <= opts.step_tolerance * std::fmax(1.0, it.x.norm()))
      return finish(status::converged, convergence_test::step_size);
    if (limit_reached) return finish(status::max_iterations);
  }
  return finish(status::epochs_completed);
}

}  // namespace detail

template <>
struct method_traits<sgd> {
  static constexpr std::string_view name = "sgd";
  template <class F, class X>
  static result<X> run(const sgd& m, const F& f, X x0, const options& opts) {
    if constexpr (!data_objective<F, X>) {
      static_assert(data_objective<F, X>,
                    "gradus::sgd needs a data objective (members size() and subset(rows), as gradus::mean_over "
                    "gives); for a plain objective use gradient_descent, momentum or adam");
      return {};
    } else {
      return detail::with_rate(m.learning_rate, "gradus::sgd", [&](const auto& eta) {
        return detail::run_sgd(m, f, std::move(x0), opts, eta);
      });
    }
  }
};

}  // namespace gradus
