// Counts calls of the global operator new, to test that code does not allocate.
//
// Every test executable may include this header anywhere; exactly ONE translation unit of the
// executable defines GRADUS_TEST_DEFINE_ALLOC_COUNTER before including it, which replaces the
// global operator new/delete (all of their usual forms) with counting versions.
//
//   gradus::test::allocation_scope scope;   // starts counting at 0
//   run();
//   REQUIRE(scope.count() == 0);
#pragma once

#include <atomic>
#include <cstddef>

namespace gradus::test {

/// The number of operator new calls since the program started.
std::size_t allocation_count() noexcept;

/// Counts the allocations made while it is alive.
class allocation_scope {
 public:
  allocation_scope() noexcept : start_(allocation_count()) {}
  std::size_t count() const noexcept { return allocation_count() - start_; }

 private:
  std::size_t start_;
};

}  // namespace gradus::test

#ifdef GRADUS_TEST_DEFINE_ALLOC_COUNTER
#include <cstdlib>
#include <new>

namespace gradus::test {
namespace detail {
inline std::atomic<std::size_t> allocations{0};

inline void* counted_allocate(std::size_t size, std::size_t alignment) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (size == 0) size = 1;
  void* p = nullptr;
  if (alignment <= alignof(std::max_align_t)) {
    p = std::malloc(size);
  } else {
    size = (size + alignment - 1) / alignment * alignment;
    p = std::aligned_alloc(alignment, size);
  }
  if (!p) throw std::bad_alloc();
  return p;
}
}  // namespace detail

std::size_t allocation_count() noexcept { return detail::allocations.load(std::memory_order_relaxed); }
}  // namespace gradus::test

void* operator new(std::size_t size) { return gradus::test::detail::counted_allocate(size, 0); }
void* operator new[](std::size_t size) { return gradus::test::detail::counted_allocate(size, 0); }
void* operator new(std::size_t size, std::align_val_t a) {
  return gradus::test::detail::counted_allocate(size, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t size, std::align_val_t a) {
  return gradus::test::detail::counted_allocate(size, static_cast<std::size_t>(a));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return gradus::test::detail::counted_allocate(size, 0);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return gradus::test::detail::counted_allocate(size, 0);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
#endif
