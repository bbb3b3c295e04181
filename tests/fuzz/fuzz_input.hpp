// Shared by the libFuzzer targets in tests/fuzz: turns the fuzzer's bytes into doubles and
// choices, and reports a violated property with a sentence before aborting.
//
// The first byte picks how numbers are decoded: even, each number is 8 raw bytes (every bit
// pattern a double can have: NaN payloads, denormals, ±Inf, huge and tiny values); odd, each
// number is one byte that indexes a menu of special values (0, ±denorm_min, ±1e-300, ±1e308,
// ±DBL_MAX, ±Inf, NaN) and ordinary numbers (small integers and halves). The menu mode
// reaches the interesting corners in a few executions; the raw mode reaches everything.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <typeinfo>

#include <Eigen/Core>

namespace gradus_fuzz {

/// What the target is checking, printed with a violation (set it with describe()).
inline std::string& context() {
  static std::string text;
  return text;
}

/// Appends "name = (a, b, ...)" to the context, with every digit needed to reproduce it.
template <class V>
void describe(const char* name, const V& v) {
  std::string& c = context();
  c += name;
  c += " = (";
  char buf[40];
  for (Eigen::Index i = 0; i < Eigen::Index(v.size()); ++i) {
    std::snprintf(buf, sizeof buf, i ? ", %.17g" : "%.17g", double(v[i]));
    c += buf;
  }
  c += ")  ";
}

/// Reports a violated property and aborts (libFuzzer then saves the input as a crash).
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "gradus fuzz: property violated: %s\n  at %s\n", what, context().c_str());
  std::fflush(stderr);
  std::abort();
}

#define GRADUS_FUZZ_CHECK(cond, what)                                                                   \
  do {                                                                                                  \
    if (!(cond)) ::gradus_fuzz::fail(what " [" #cond "]");                                              \
  } while (false)

/// Reads choices and numbers from the fuzzer's bytes; past the end every read gives 0.
class input {
 public:
  input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {
    raw_ = (byte() & 1u) == 0;
  }

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }

  /// A choice in [0, n).
  std::size_t choice(std::size_t n) { return byte() % n; }

  /// A number, decoded as the first byte said.
  double number() { return raw_ ? raw_number() : menu_number(byte()); }

  /// A number from the menu (whatever the mode), e.g. for tolerances and sizes.
  double menu_number() { return menu_number(byte()); }

  double raw_number() {
    std::uint8_t b[8] = {};
    for (auto& c : b) c = byte();
    double d;
    std::memcpy(&d, b, sizeof d);
    return d;
  }

  bool raw_mode() const { return raw_; }

  static double menu_number(std::uint8_t b) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double dmin = std::numeric_limits<double>::denorm_min();
    constexpr double big = std::numeric_limits<double>::max();
    static constexpr double special[16] = {0.0,  -0.0,    dmin,  -dmin,   1e-300, -1e-300, 1e308, -1e308,
                                           big,  -big,    inf,   -inf,    std::numeric_limits<double>::quiet_NaN(),
                                           1e154, -1e154, 2.2250738585072014e-308};
    if (b < 32) return special[b % 16];
    return (double(b) - 144.0) / 8.0;  // ordinary numbers: −14 … 13.875 in steps of 1/8
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool raw_ = true;
};

/// Runs body; an exception of a documented type (std::invalid_argument, std::domain_error,
/// when `allowed`) returns false; any other exception, or a documented one when not allowed,
/// is a finding.
template <class Body>
bool run_guarded(bool allowed, Body&& body) {
  try {
    body();
    return true;
  } catch (const std::invalid_argument&) {
    if (!allowed) fail("std::invalid_argument thrown for an input that is documented as valid");
  } catch (const std::domain_error&) {
    if (!allowed) fail("std::domain_error thrown for an input that is documented as valid");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gradus fuzz: undocumented exception %s: %s\n", typeid(e).name(), e.what());
    fail("an exception of an undocumented type escaped");
  } catch (...) {
    fail("a non-std exception escaped");
  }
  return false;
}

/// a and b agree: both NaN, equal (Inf included), or finite and within rel·scale.
inline bool close(double a, double b, double rel, double scale) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (a == b) return true;
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  return std::fabs(a - b) <= rel * scale + 1e-300;
}

}  // namespace gradus_fuzz
