// Views over caller-owned storage, for the interior-point core.
//
// The core is compiled once (it is not a template): it works on Eigen::Map views of dynamic
// size carved from a buffer that the typed front end owns. For a problem whose sizes are known
// at compile time, that buffer is a std::array on the stack, so a solve allocates nothing on
// the heap, and the sizes of the problem instantiate no Eigen expression templates. All
// arithmetic on the views is written as loops over their entries: the matrices are small and
// dense, and Eigen's products of dynamic Maps may create temporaries.
#pragma once

#ifndef GRADUS_CONSTRAINED_INTERNAL
#error "gradus/constrained/detail/workspace.hpp is internal: include <gradus/constrained.hpp> instead"
#endif

#include <cstddef>
#include <stdexcept>

#include <Eigen/Core>

namespace gradus::detail {

using vector_view = Eigen::Map<Eigen::VectorXd>;
using matrix_view = Eigen::Map<Eigen::MatrixXd>;  // column-major

/// A bump allocator over two caller-owned buffers (doubles and ints), with marks to give back
/// what a phase took (the restoration phase takes its workspace each time it runs).
class arena {
 public:
  arena(double* doubles, std::size_t double_count, int* ints, std::size_t int_count) noexcept
      : doubles_(doubles), double_count_(double_count), ints_(ints), int_count_(int_count) {}

  vector_view vector(int size) { return vector_view(take(std::size_t(size)), size); }
  matrix_view matrix(int rows, int cols) { return matrix_view(take(std::size_t(rows) * std::size_t(cols)), rows, cols); }
  int* ints(int count) {
    if (std::size_t(count) > int_count_ - used_ints_)
      throw std::logic_error("gradus: the interior-point workspace is too small (integers)");
    int* p = ints_ + used_ints_;
    used_ints_ += std::size_t(count);
    return p;
  }

  struct mark_type {
    std::size_t doubles, ints;
  };
  mark_type mark() const noexcept { return {used_doubles_, used_ints_}; }
  void release(mark_type m) noexcept {
    used_doubles_ = m.doubles;
    used_ints_ = m.ints;
  }

 private:
  double* take(std::size_t count) {
    if (count > double_count_ - used_doubles_)
      throw std::logic_error("gradus: the interior-point workspace is too small");
    double* p = doubles_ + used_doubles_;
    used_doubles_ += count;
    return p;
  }

  double* doubles_;
  std::size_t double_count_;
  int* ints_;
  std::size_t int_count_;
  std::size_t used_doubles_ = 0;
  std::size_t used_ints_ = 0;
};

}  // namespace gradus::detail
