// The reduction behind mean_over and sum_over: S = Σᵢ tᵢ over the rows of a dataset, where
// tᵢ is the vector (Lᵢ, ∇Lᵢ, upper triangle of ∇²Lᵢ) of one example, computed for W rows at
// once (W = SIMD lanes of the build) by the compiled tape.
//
// Summation order, fixed by the data alone (never by the thread count):
//   1. rows are cut into blocks of B = data_block_rows rows;
//   2. inside a block each lane sums its B/W rows in order (plain additions);
//   3. block sums are added lane-wise, in block order, with a compensated sum (Knuth's TwoSum:
//      s ← s + x exactly split into s and the rounding error, which goes to c);
//   4. at the end each lane gives s + c, and the W lanes are added left to right.
// Threads compute the block sums of step 2 for disjoint runs of blocks; step 3 is always done
// by one thread in block order, so every thread count gives the same bits.
//
// Error bound (u = 2⁻⁵³, first order in u): |Ŝ − S| ≤ (B/W + W + 1)·u·Σᵢ|tᵢ| + 2u|S|,
// independent of m: with B = 1024 this is ≤ 515u·Σ|tᵢ| ≈ 5.7e−14·Σ|tᵢ| on SSE2 (W = 2),
// 73u·Σ|tᵢ| with AVX-512 (W = 8), against (m − 1)u·Σ|tᵢ| for a naive loop (1.1e−9 at m = 10⁷).
// Step 2 contributes (B/W − 1)u, step 3 2u|S| + O(m/B·u²), step 4 (W − 1)u + u.
#pragma once
#ifndef GRADUS_DATA_INTERNAL
#error "gradus/data/detail/reduce.hpp is internal: include <gradus/data.hpp> instead"
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <thread>
#include <type_traits>
#include <vector>

#include <gradus/eval/compiled.hpp>
#include <gradus/eval/math.hpp>
#include <gradus/eval/simd.hpp>

namespace gradus::detail {

/// Rows per block: the unit of the fixed summation order and of the work given to a thread.
inline constexpr std::size_t data_block_rows = 1024;

/// What one pass computes per example.
enum class data_need { value, gradient, hessian, hessian_vector };

/// Number of sums a pass keeps: the value, the gradient (or H·w), the packed upper triangle of
/// the Hessian. (A Hessian-vector pass leaves slot 0 at zero: the engine's sweep gives no value.)
template <data_need Need, std::size_t A>
inline constexpr std::size_t output_count =
    1 + (Need != data_need::value ? A : 0) + (Need == data_need::hessian ? A * (A + 1) / 2 : 0);

/// Position of entry (r, c), r <= c, in the row-wise packed upper triangle of an n × n matrix.
constexpr std::size_t upper_index(std::size_t r, std::size_t c, std::size_t n) { return r * (2 * n - r + 1) / 2 + (c - r); }

/// Number of rows evaluated at once with lane type T (double: 1, simd_double: its width).
template <class T>
constexpr std::size_t lane_count() {
  if constexpr (is_simd_batch<T>::value) return T::size;
  else return 1;
}

template <class T>
inline T load_lanes(const double* p) {
  if constexpr (is_simd_batch<T>::value) return math::load_unaligned<T>(p);
  else return *p;
}

/// Rows first … first + m − 1 of columns stored contiguously (a dataset, or a batch of it).
template <std::size_t K>
struct contiguous_rows {
  std::array<const double*, K> column;

  template <class T, std::size_t Kc>
  void load(std::size_t pos, std::array<T, Kc>& x) const {
    for (std::size_t j = 0; j < Kc; ++j) x[j] = load_lanes<T>(column[j] + pos);
  }
  /// The first n < W rows from pos; the other lanes repeat row pos (finite, masked later).
  template <class T, std::size_t Kc>
  void load_tail(std::size_t pos, std::size_t n, std::array<T, Kc>& x) const {
    for (std::size_t j = 0; j < Kc; ++j) x[j] = math::load_partial<T>(column[j] + pos, n, column[j][pos]);
  }
};

/// Rows named by a list of indices (a minibatch drawn at random): gathered W at a time.
template <std::size_t K>
struct indexed_rows {
  std::array<const double*, K> column;
  const std::size_t* index;

  template <class T, std::size_t Kc>
  void load(std::size_t pos, std::array<T, Kc>& x) const {
    constexpr std::size_t w = lane_count<T>();
    for (std::size_t j = 0; j < Kc; ++j) {
      double lanes[w];
      for (std::size_t l = 0; l < w; ++l) lanes[l] = column[j][index[pos + l]];
      x[j] = load_lanes<T>(lanes);
    }
  }
  template <class T, std::size_t Kc>
  void load_tail(std::size_t pos, std::size_t n, std::array<T, Kc>& x) const {
    constexpr std::size_t w = lane_count<T>();
    for (std::size_t j = 0; j < Kc; ++j) {
      double lanes[w];
      for (std::size_t l = 0; l < w; ++l) lanes[l] = column[j][index[pos + (l < n ? l : 0)]];
      x[j] = load_lanes<T>(lanes);
    }
  }
};

/// θ and the direction w of a Hessian-vector product, broadcast to every lane, and the
/// row-invariant values of the loss at θ (log σ, 1/σ, …: computed once per evaluation, not per row).
template <class T, class C>
struct lane_parameters {
  std::array<T, C::arity> theta, direction;
  workspace<typename C::tape_type, T> prepared;
};

/// Adds the per-example sums of one set of W rows (x: their columns) to acc.
template <data_need Need, class T, class C, std::size_t Kc, std::size_t N>
GRADUS_INLINE void add_example(const C& c, const lane_parameters<T, C>& p, const std::array<T, Kc>& x,
                               std::array<T, N>& acc) {
  const auto& theta = p.theta;
  constexpr std::size_t A = C::arity;
  // By value, not by reference: GCC then keeps the operands in registers (1.5× faster with AVX2).
  auto var = [&theta](std::size_t i) { return theta[i]; };
  auto row = [&x](std::size_t j) { return x[j]; };
  const with_prepared<decltype(row), decltype(p.prepared)> col{row, &p.prepared};
  auto grad = [&acc](std::size_t i, const T& d) { acc[1 + i] += d; };
  if constexpr (Need == data_need::value) {
    acc[0] += c.template value<T>(var, col);
  } else if constexpr (Need == data_need::gradient) {
    acc[0] += c.template value_and_gradient<T>(var, col, grad);
  } else if constexpr (Need == data_need::hessian_vector) {
    c.template hessian_vector_product<T>(var, col, [&p](std::size_t i) { return p.direction[i]; }, grad);
  } else {
    acc[0] += c.template value_gradient_hessian<T>(
        var, col, grad, [&acc](std::size_t r, std::size_t q, const T& d) { acc[1 + A + upper_index(r, q, A)] += d; });
  }
}

/// Lane-wise sums of positions [begin, end) of the rows into out (overwritten). The sums live in
/// a local array until the end: out may be any memory, and the compiler could not keep sums in
/// registers across loads from the columns (both are doubles) if it were written in the loop.
template <data_need Need, class T, class C, class Rows, std::size_t N>
void block_sum(const C& c, const lane_parameters<T, C>& theta, const Rows& rows, std::size_t begin, std::size_t end,
               std::array<T, N>& out) {
  constexpr std::size_t w = lane_count<T>();
  std::array<T, N> acc;
  for (auto& a : acc) a = math::lift<T>(0.0);
  std::array<T, C::columns> x;
  std::size_t pos = begin;
  for (; pos + w <= end; pos += w) {
    rows.template load<T>(pos, x);
    add_example<Need>(c, theta, x, acc);
  }
  if constexpr (w > 1) {
    if (pos < end) {
      const std::size_t n = end - pos;
      rows.template load_tail<T>(pos, n, x);
      std::array<T, N> tail;
      for (auto& a : tail) a = math::lift<T>(0.0);
      add_example<Need>(c, theta, x, tail);
      for (std::size_t k = 0; k < N; ++k) acc[k] += math::keep_first_lanes(tail[k], n);
    }
  }
  out = acc;
}

/// Lane-wise compensated sums (TwoSum): s + c carries each sum to about twice the working precision.
template <class T, std::size_t N>
struct compensated_sums {
  std::array<T, N> s, c;

  compensated_sums() {
    for (std::size_t k = 0; k < N; ++k) s[k] = c[k] = math::lift<T>(0.0);
  }
  void add(const std::array<T, N>& x) {
    for (std::size_t k = 0; k < N; ++k) {
      const T t = s[k] + x[k];
      const T z = t - s[k];
      c[k] += (s[k] - (t - z)) + (x[k] - z);
      s[k] = t;
    }
  }
  /// Σ over lanes of (s + c), lanes added left to right.
  std::array<double, N> total() const {
    std::array<double, N> out{};
    for (std::size_t k = 0; k < N; ++k) {
      if constexpr (is_simd_batch<T>::value) {
        double lanes[T::size];
        math::store_unaligned(T(s[k] + c[k]), lanes);
        double t = lanes[0];
        for (std::size_t l = 1; l < T::size; ++l) t += lanes[l];
        out[k] = t;
      } else {
        out[k] = s[k] + c[k];
      }
    }
    return out;
  }
};

/// Joins the threads it holds when it goes out of scope (also when starting one fails).
struct thread_group {
  std::vector<std::thread> threads;
  ~thread_group() {
    for (auto& t : threads)
      if (t.joinable()) t.join();
  }
};

/// Σ over the m rows of (L, ∇L, packed upper ∇²L) at θ (or of ∇²L·w), evaluated with lane type
/// T (simd_double or double) on `threads` threads (0: one per hardware thread). Allocates only
/// when it uses more than one thread (the threads and one partial sum per block).
template <data_need Need, class T, class C, class Rows>
std::array<double, output_count<Need, C::arity>> reduce_rows(const C& c, const std::array<double, C::arity>& theta_d,
                                                             const std::array<double, C::arity>& direction_d,
                                                             const Rows& rows, std::size_t m, std::size_t threads) {
  constexpr std::size_t N = output_count<Need, C::arity>;
  constexpr std::size_t B = data_block_rows;
  static_assert(B % lane_count<T>() == 0, "gradus: internal error: the block size must be a multiple of the SIMD width");
  lane_parameters<T, C> theta;
  for (std::size_t i = 0; i < C::arity; ++i) {
    theta.theta[i] = math::lift<T>(theta_d[i]);
    theta.direction[i] = math::lift<T>(direction_d[i]);
  }
  theta.prepared = c.template prepare<T>([&theta](std::size_t i) { return theta.theta[i]; });

  const std::size_t blocks = (m + B - 1) / B;
  std::size_t workers = threads != 0 ? threads : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  workers = std::min(workers, blocks);

  compensated_sums<T, N> sum;
  if (workers <= 1) {
    std::array<T, N> part;
    for (std::size_t b = 0; b < blocks; ++b) {
      block_sum<Need>(c, theta, rows, b * B, std::min(m, (b + 1) * B), part);
      sum.add(part);
    }
  } else {
    std::vector<std::array<T, N>> parts(blocks);
    auto work = [&](std::size_t k) {
      for (std::size_t b = blocks * k / workers; b < blocks * (k + 1) / workers; ++b)
        block_sum<Need>(c, theta, rows, b * B, std::min(m, (b + 1) * B), parts[b]);
    };
    {
      thread_group group;
      group.threads.reserve(workers - 1);
      for (std::size_t k = 1; k < workers; ++k) group.threads.emplace_back(work, k);
      work(0);
    }
    for (const auto& p : parts) sum.add(p);
  }
  return sum.total();
}

}  // namespace gradus::detail
