// Datasets: K columns of m doubles each, stored as structure of arrays (one contiguous array
// per column), read where they lie — a dataset holds K pointers and m, never a copy. Row i is
// the example (x₀ᵢ, …, x_{K−1,i}); in a loss, col<J> stands for column J of the current row.
//
// Construction checks what would otherwise turn into silent garbage later: columns of
// different lengths, an empty dataset, strided Eigen views, and (unless asked not to) NaN or
// ±Inf anywhere in the data.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <Eigen/Core>

#include <gradus/eval/math.hpp>
#include <gradus/eval/simd.hpp>

namespace gradus {

/// Tag for dataset(gradus::unchecked, columns...): skip the NaN/Inf scan at construction
/// (one pass over the data). A NaN left in the data then makes the objective's value NaN.
struct unchecked_t {
  explicit constexpr unchecked_t() = default;
};
inline constexpr unchecked_t unchecked{};  ///< dataset(unchecked, xs, ...) skips the NaN/Inf scan

namespace detail {

template <class D> void as_dense_base(const Eigen::DenseBase<D>&);
template <class D> void as_plain_object(const Eigen::PlainObjectBase<D>&);

/// Any Eigen dense object (derived from some Eigen::DenseBase<D>: VectorBlock derives from its Block's).
template <class R>
concept eigen_dense = requires(const std::remove_cvref_t<R>& r) { detail::as_dense_base(r); };
/// An Eigen object that owns its coefficients (Matrix, Array).
template <class R>
concept eigen_plain_object = requires(const std::remove_cvref_t<R>& r) { detail::as_plain_object(r); };

/// An Eigen vector (column or row) whose coefficients lie in memory: Eigen::VectorXd, a fixed
/// size vector, a Map, a Ref, or a segment. The stride is checked at run time.
template <class R>
concept eigen_data_column = eigen_dense<R> &&
                            (std::remove_cvref_t<R>::ColsAtCompileTime == 1 || std::remove_cvref_t<R>::RowsAtCompileTime == 1) &&
                            requires(const std::remove_cvref_t<R>& r) {
                              { r.data() } -> std::convertible_to<const double*>;
                              r.innerStride();
                            };

/// A contiguous, sized range of double: std::vector<double>, std::span<const double>, std::array…
template <class R>
concept range_data_column = !eigen_dense<R> && std::ranges::contiguous_range<R> && std::ranges::sized_range<R> &&
                            std::is_same_v<std::ranges::range_value_t<R>, double>;

template <class R>
concept data_column = eigen_data_column<R> || range_data_column<R>;

/// A temporary that owns its elements (std::vector<double>{…}, an Eigen::VectorXd returned by
/// value) would dangle once the full expression ends.
template <class R>
inline constexpr bool dangling_column =
    !std::is_lvalue_reference_v<R> &&
    ((range_data_column<R> && !std::ranges::borrowed_range<R>) ||
     (eigen_data_column<R> && eigen_plain_object<R>));

template <class R>
constexpr void check_column_type() {
  static_assert(data_column<R>,
                "gradus::dataset: each column must be a contiguous range of double (std::vector<double>, "
                "std::span<const double>, std::array<double, N>) or an Eigen vector of double stored in memory "
                "(Eigen::VectorXd, Eigen::Map, a segment); convert float or integer data to double first");
  static_assert(!dangling_column<R>,
                "gradus::dataset keeps no copy of the data: pass a column that outlives the dataset (a named "
                "variable), not a temporary std::vector or Eigen vector");
}

template <class R>
const double* column_data(const R& r, std::size_t j) {
  if constexpr (eigen_data_column<R>) {
    if (r.size() > 1 && r.innerStride() != 1)
      throw std::invalid_argument("gradus::dataset: col<" + std::to_string(j) +
                                  "> is a strided Eigen view (inner stride " + std::to_string(r.innerStride()) +
                                  "); pass contiguous memory (e.g. a column of a column-major matrix), or copy it");
    return r.data();
  } else {
    return std::ranges::data(r);
  }
}

template <class R>
std::size_t column_size(const R& r) {
  if constexpr (eigen_data_column<R>) return std::size_t(r.size());
  else return std::size_t(std::ranges::size(r));
}

/// Index of the first NaN or ±Inf among p[0..n), or n if there is none. Scans in SIMD batches
/// (x·0 is 0 for finite x and NaN otherwise, so one test per chunk suffices).
inline std::size_t first_nonfinite(const double* p, std::size_t n) {
  constexpr std::size_t w = simd_width;
  constexpr std::size_t chunk = 64 * w;
  std::size_t start = 0;
  while (start < n) {
    const std::size_t len = n - start < chunk ? n - start : chunk;
    bool clean = true;
    if (len == chunk) {
      simd_double acc = math::lift<simd_double>(0.0);
      for (std::size_t i = 0; i < chunk; i += w) acc += math::load_unaligned<simd_double>(p + start + i) * 0.0;
      clean = math::all_finite(acc);
    } else {
      for (std::size_t i = 0; i < len && clean; ++i) clean = std::isfinite(p[start + i]);
    }
    if (!clean)
      for (std::size_t i = 0; i < len; ++i)
        if (!std::isfinite(p[start + i])) return start + i;
    start += len;
  }
  return n;
}

}  // namespace detail

/// K columns of m doubles. Build it with CTAD: gradus::dataset(xs, ys) is a dataset<2>.
/// The columns are not copied: they must outlive the dataset and every objective made from it.
template <std::size_t K>
class dataset {
  static_assert(K >= 1, "gradus::dataset needs at least one column");

 public:
  static constexpr std::size_t columns = K;  ///< number of columns K

  /// Checks lengths (equal, at least 1) and that every value is finite; throws
  /// std::invalid_argument naming the offending column (and row) otherwise.
  template <class... R>
    requires(sizeof...(R) == K && !(std::is_same_v<std::remove_cvref_t<R>, dataset> || ...))
  explicit dataset(R&&... cols) : dataset(unchecked, std::forward<R>(cols)...) {
    check_finite();
  }

  /// The same without the NaN/Inf scan (for data already known to be clean).
  template <class... R>
    requires(sizeof...(R) == K)
  dataset(unchecked_t, R&&... cols) {
    (detail::check_column_type<R>(), ...);
    std::size_t j = 0;
    ((data_[j] = detail::column_data(cols, j), sizes_[j] = detail::column_size(cols), ++j), ...);
    rows_ = sizes_[0];
    bool same = true;
    for (std::size_t c = 1; c < K; ++c) same = same && sizes_[c] == rows_;
    if (!same) {
      std::string msg = "gradus::dataset: the columns have different lengths:";
      for (std::size_t c = 0; c < K; ++c)
        msg += (c ? ", col<" : " col<") + std::to_string(c) + "> has " + std::to_string(sizes_[c]) + " rows";
      throw std::invalid_argument(msg);
    }
    if (rows_ == 0)
      throw std::invalid_argument("gradus::dataset: the columns are empty (0 rows); a data objective needs at least "
                                  "one example");
  }

  /// Number of rows (examples) m.
  std::size_t size() const noexcept { return rows_; }
  /// The first element of column j.
  const double* column(std::size_t j) const noexcept { return data_[j]; }
  /// Column j as a span.
  std::span<const double> column_span(std::size_t j) const noexcept { return {data_[j], rows_}; }

  /// Throws std::invalid_argument naming the first column and row holding NaN or ±Inf.
  void check_finite() const {
    for (std::size_t c = 0; c < K; ++c) {
      const std::size_t i = detail::first_nonfinite(data_[c], rows_);
      if (i < rows_)
        throw std::invalid_argument("gradus::dataset: col<" + std::to_string(c) + "> has a non-finite value (" +
                                    std::to_string(data_[c][i]) + ") at row " + std::to_string(i) +
                                    "; remove or impute it, or build the dataset with gradus::dataset(gradus::unchecked, "
                                    "...) to skip this check (the objective is then NaN)");
    }
  }

  /// Rows [first, first + count) as a dataset (no copy).
  dataset rows(std::size_t first, std::size_t count) const {
    if (count == 0 || first > rows_ || count > rows_ - first)
      throw std::out_of_range("gradus::dataset::rows(" + std::to_string(first) + ", " + std::to_string(count) +
                              "): a non-empty range inside the " + std::to_string(rows_) + " rows is needed");
    dataset d = *this;
    for (auto& p : d.data_) p += first;
    d.sizes_.fill(count);
    d.rows_ = count;
    return d;
  }

 private:
  std::array<const double*, K> data_{};
  std::array<std::size_t, K> sizes_{};
  std::size_t rows_ = 0;
};

namespace detail {
template <class T> struct is_dataset : std::false_type {};
template <std::size_t K> struct is_dataset<dataset<K>> : std::true_type {};
}  // namespace detail

/// gradus::dataset(xs, ys, ...) is a dataset of as many columns.
template <class... R>
  requires(sizeof...(R) >= 1 && !((std::is_same_v<std::remove_cvref_t<R>, unchecked_t> ||
                                   detail::is_dataset<std::remove_cvref_t<R>>::value) || ...))
dataset(R&&...) -> dataset<sizeof...(R)>;
/// gradus::dataset(gradus::unchecked, xs, ...) likewise, without the NaN/Inf scan.
template <class... R>
dataset(unchecked_t, R&&...) -> dataset<sizeof...(R)>;

}  // namespace gradus
