// Learning-rate schedules: the step ηₜ used at iteration t = 0, 1, 2, …
//
//   constant             ηₜ = η
//   linear_decay         ηₜ = (1 − t/τ) η₀ + (t/τ) η_τ   for t < τ,   ηₜ = η_τ   for t >= τ
//   inverse_time_decay   ηₜ = η₀ / (1 + ρ t)
//   exponential_decay    ηₜ = η₀ e^(−ρ t)
//
// A `rate` (every method's .learning_rate) is one of these, chosen at run time; solvers
// resolve it once per run with visit(), so their loops call the concrete schedule's at(t).
#pragma once

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace gradus {

/// ηₜ = value.
struct constant_rate {
  double value = 0.01;  ///< η
  /// η at iteration t (the same for every t).
  constexpr double at(std::size_t) const noexcept { return value; }
};

/// ηₜ = (1 − t/τ) η₀ + (t/τ) η_τ until t = τ, then η_τ (Goodfellow et al., §8.3.1).
struct linear_decay {
  double initial = 0.01;  ///< η₀
  double final = 1e-4;    ///< η_τ
  double tau = 1000;      ///< τ, the iteration at which the decay ends
  /// ηₜ at iteration t.
  constexpr double at(std::size_t t) const noexcept {
    const double s = static_cast<double>(t);
    if (!(s < tau)) return final;
    const double w = s / tau;
    return (1 - w) * initial + w * final;
  }
};

/// ηₜ = η₀ / (1 + ρ t).
struct inverse_time_decay {
  double initial = 0.01;  ///< η₀
  double rho = 0.01;      ///< ρ >= 0
  /// ηₜ at iteration t.
  constexpr double at(std::size_t t) const noexcept { return initial / (1 + rho * static_cast<double>(t)); }
};

/// ηₜ = η₀ e^(−ρ t).
struct exponential_decay {
  double initial = 0.01;  ///< η₀
  double rho = 0.01;      ///< ρ >= 0
  /// ηₜ at iteration t.
  double at(std::size_t t) const noexcept { return initial * std::exp(-rho * static_cast<double>(t)); }
};

namespace detail {
/// Throws std::invalid_argument with the sentence unless ok (builds no string when ok).
inline void check_argument(bool ok, const char* sentence) {
  if (!ok) throw std::invalid_argument(sentence);
}
inline void check_argument(bool ok, const char* who, const char* sentence) {
  if (!ok) throw std::invalid_argument(std::string(who) + ": " + sentence);
}
inline void check_schedule(const constant_rate& r, const char* who) {
  check_argument(std::isfinite(r.value) && r.value > 0, who, "the learning rate must be a positive finite number");
}
inline void check_schedule(const linear_decay& r, const char* who) {
  check_argument(std::isfinite(r.initial) && r.initial > 0 && std::isfinite(r.final) && r.final >= 0,
          who, "linear_decay needs initial > 0 and final >= 0, both finite");
  check_argument(std::isfinite(r.tau) && r.tau > 0, who, "linear_decay needs tau > 0");
}
inline void check_schedule(const inverse_time_decay& r, const char* who) {
  check_argument(std::isfinite(r.initial) && r.initial > 0 && std::isfinite(r.rho) && r.rho >= 0,
          who, "inverse_time_decay needs initial > 0 and rho >= 0");
}
inline void check_schedule(const exponential_decay& r, const char* who) {
  check_argument(std::isfinite(r.initial) && r.initial > 0 && std::isfinite(r.rho) && r.rho >= 0,
          who, "exponential_decay needs initial > 0 and rho >= 0");
}
}  // namespace detail

/// A learning rate: a number, or one of the schedules above. Converts implicitly from each,
/// so `adam{.learning_rate = 0.01}` and `adam{.learning_rate = gradus::exponential_decay{...}}`
/// both compile.
class rate {
 public:
  /// A constant rate eta.
  constexpr rate(double eta) noexcept : schedule_(constant_rate{eta}) {}
  /// A constant rate.
  constexpr rate(constant_rate r) noexcept : schedule_(r) {}
  /// A linearly decaying rate.
  constexpr rate(linear_decay r) noexcept : schedule_(r) {}
  /// An inverse-time decaying rate.
  constexpr rate(inverse_time_decay r) noexcept : schedule_(r) {}
  /// An exponentially decaying rate.
  constexpr rate(exponential_decay r) noexcept : schedule_(r) {}

  /// Calls visitor(schedule) with the concrete schedule (one of the four types above).
  template <class Visitor>
  constexpr decltype(auto) visit(Visitor&& visitor) const {
    return std::visit(std::forward<Visitor>(visitor), schedule_);
  }
  /// ηₜ (dispatches on every call: solvers use visit() once instead).
  double at(std::size_t t) const {
    return visit([t](const auto& s) { return s.at(t); });
  }

 private:
  std::variant<constant_rate, linear_decay, inverse_time_decay, exponential_decay> schedule_;
};

}  // namespace gradus
