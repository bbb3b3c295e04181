// The filter of the line search (Fletcher & Leyffer; Wächter & Biegler 2006, §2.3): a set of
// pairs (θᵢ, φᵢ) of constraint violation and barrier objective that trial points must not be
// dominated by. A trial (θ, φ) is acceptable when θ < θᵢ or φ < φᵢ for every pair. Adding a pair
// removes the pairs it dominates. The capacity is fixed (no heap): when it is full the oldest
// pair is dropped, which only makes the filter more permissive.
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/filter.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <array>
#include <cstddef>

namespace gradus::detail {

class filter {
 public:
  static constexpr std::size_t capacity = 256;

  void clear() noexcept { size_ = 0; }

  bool acceptable(double theta, double phi) const noexcept {
    for (std::size_t i = 0; i < size_; ++i)
      if (!(theta < entries_[i].theta || phi < entries_[i].phi)) return false;
    return true;
  }

  void add(double theta, double phi) noexcept {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < size_; ++i)
      if (!(entries_[i].theta >= theta && entries_[i].phi >= phi)) entries_[kept++] = entries_[i];
    size_ = kept;
    if (size_ == capacity) {
      for (std::size_t i = 1; i < size_; ++i) entries_[i - 1] = entries_[i];
      --size_;
    }
    entries_[size_++] = {theta, phi};
  }

  std::size_t size() const noexcept { return size_; }

 private:
  struct entry {
    double theta;
    double phi;
  };
  std::array<entry, capacity> entries_{};
  std::size_t size_ = 0;
};

}  // namespace gradus::detail
