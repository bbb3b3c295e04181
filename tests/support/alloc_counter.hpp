// Counts calls of the global operator new, to prove that a piece of code allocates nothing.
// Exactly ONE translation unit of a test executable defines GRADUS_TEST_DEFINE_ALLOC_COUNTER
// before including this header; that TU replaces the global allocation functions.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace gradus_test {
std::atomic<std::size_t>& allocation_count() noexcept;

/// Number of heap allocations made while f runs.
template <class F>
std::size_t allocations_during(F&& f) {
  const std::size_t before = allocation_count().load();
  f();
  return allocation_count().load() - before;
}
}  // namespace gradus_test

#ifdef GRADUS_TEST_DEFINE_ALLOC_COUNTER
std::atomic<std::size_t>& gradus_test::allocation_count() noexcept {
  static std::atomic<std::size_t> count{0};
  return count;
}
void* operator new(std::size_t n) {
  gradus_test::allocation_count().fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new(std::size_t n, std::align_val_t a) {
  gradus_test::allocation_count().fetch_add(1, std::memory_order_relaxed);
  const std::size_t al = static_cast<std::size_t>(a);
  if (void* p = std::aligned_alloc(al, (n + al - 1) / al * al)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) { return ::operator new(n, a); }
// The nothrow forms too: every allocation function is replaced, so every pointer that reaches
// the replaced operator delete came from malloc (otherwise ASan reports a new/free mismatch).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  gradus_test::allocation_count().fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return ::operator new(n, t); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  gradus_test::allocation_count().fetch_add(1, std::memory_order_relaxed);
  const std::size_t al = static_cast<std::size_t>(a);
  return std::aligned_alloc(al, (n + al - 1) / al * al);
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t& t) noexcept {
  return ::operator new(n, a, t);
}
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
#endif
