// Data placeholders: col<J> stands for the J-th column of a dataset, that is, for the value
// one example takes in that column. A per-example loss L(xᵢ, yᵢ, θ) is an expression in the
// parameters θ (variables) and the placeholders; mean_over / sum_over evaluate it over rows.
#pragma once

#include <cstddef>
#include <utility>

#include <gradus/core/expression.hpp>
#include <gradus/core/vector.hpp>

namespace gradus {

/// The data placeholders `col<0>` … `col<K−1>` as a symbolic vector; binds as
/// auto [xi, yi] = gradus::columns<2>(), and X = columns<d>() works with dot(W, X).
template <std::size_t K>
constexpr auto columns() {
  static_assert(K >= 1, "gradus::columns<K>(): K is the number of data columns and must be at least 1");
  return []<std::size_t... J>(std::index_sequence<J...>) { return symbolic_vector<col<J>...>{}; }(
      std::make_index_sequence<K>{});
}

}  // namespace gradus
