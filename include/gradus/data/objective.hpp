// Data objectives: for a per-example loss L(x, θ) and a dataset of m rows x₁ … x_m,
//
//     sum_over:   J(θ) = Σᵢ L(xᵢ, θ)          mean_over:   J(θ) = (1/m) Σᵢ L(xᵢ, θ),
//
// with ∇J and ∇²J the same sums of ∇L and ∇²L. One pass over the data computes the value, the
// gradient and (when asked) the Hessian together, W examples at a time in SIMD lanes (W = 2
// with SSE2, 4 with AVX2, 8 with AVX-512: whatever the compiler targets), with the last
// partial batch masked. The summation order and its error bound are in data/detail/reduce.hpp:
// the error stays below (B/W + W + 1)·u·Σ|terms| whatever m, and does not depend on the
// number of threads.
//
// Minibatches are views: batch(first, count) takes contiguous rows, subset(indices) the rows
// an index list names (a shuffled epoch). Neither copies data; both are objectives of the same
// kind (a mean over the view's rows for mean_over, a sum for sum_over).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <gradus/core/expression.hpp>
#include <gradus/core/traits.hpp>
#include <gradus/data/dataset.hpp>
#include <gradus/eval/compiled.hpp>
#include <gradus/eval/evaluate.hpp>
#include <gradus/eval/point.hpp>

#define GRADUS_DATA_INTERNAL
#include <gradus/data/detail/reduce.hpp>

/// Default number of threads of a data objective (data_options::threads); 1 runs on the calling
/// thread, 0 uses one thread per hardware thread. Define it before including gradus, alike in every
/// translation unit of a program (as GRADUS_DATA_SCALAR).
#ifndef GRADUS_DATA_THREADS
#define GRADUS_DATA_THREADS 1
#endif

namespace gradus {

/// How a data objective evaluates.
struct data_options {
  /// Threads sharing the rows (1: the calling thread only, no allocation; 0: one per hardware
  /// thread). The result is the same, bit for bit, for every value.
  std::size_t threads = GRADUS_DATA_THREADS;
};

/// Whether a data objective is the sum or the mean of the per-example losses.
enum class data_reduction { sum, mean };

namespace detail {
/// The lane type of the data kernels: SIMD batches, or plain doubles when GRADUS_DATA_SCALAR
/// is defined (a build without SIMD, or a reference to compare with).
#if defined(GRADUS_DATA_SCALAR)
using data_lane = double;
#else
using data_lane = simd_double;
#endif
}  // namespace detail

/// J(θ) = Σᵢ L(xᵢ, θ) or (1/m) Σᵢ L(xᵢ, θ) over the rows of a dataset (or of a view of it).
/// Made by mean_over and sum_over. Cheap to copy: the compiled loss (its runtime constants),
/// K pointers and a count.
template <class Loss, std::size_t K, data_reduction R, class Rows = detail::contiguous_rows<K>>
class loss_over_data {
  static_assert(columns_v<Loss> <= K,
                "gradus::mean_over / sum_over: the loss reads a column col<J> the dataset does not have "
                "(a dataset of K columns provides col<0> ... col<K-1>)");
  static constexpr bool indexed = std::is_same_v<Rows, detail::indexed_rows<K>>;
  template <class, std::size_t, data_reduction, class> friend class loss_over_data;

 public:
  using loss_type = Loss;  ///< the per-example loss expression
  /// Number of parameters the loss uses (θ may have more coordinates; the rest get zeros).
  static constexpr std::size_t arity = arity_v<Loss>;
  static constexpr data_reduction kind = R;  ///< mean or sum over the examples

  /// The objective over all rows of data (mean_over and sum_over call this).
  loss_over_data(const Loss& loss, const dataset<K>& data, data_options options = {})
    requires(!indexed)
      : compiled_(loss), m_(data.size()), options_(options) {
    for (std::size_t j = 0; j < K; ++j) rows_.column[j] = data.column(j);
  }

  /// Number of examples m this objective sums over.
  std::size_t size() const noexcept { return m_; }
  /// The options it was made with (threads).
  const data_options& options() const noexcept { return options_; }

  /// J(θ).
  template <point P>
  double value(const P& theta) const {
    return scaled(evaluate<detail::data_need::value>(theta, "gradus: data objective value")[0]);
  }

  /// ∇J(θ), a vector of θ's size.
  template <point P>
  point_vector_t<P> gradient(const P& theta) const {
    const auto s = evaluate<detail::data_need::gradient>(theta, "gradus: data objective gradient");
    return gradient_of<P>(s, detail::point_size(theta));
  }

  /// J(θ) and ∇J(θ) in one pass; binds as auto [v, g].
  template <point P>
  value_and_gradient_result<double, point_vector_t<P>> value_and_gradient(const P& theta) const {
    const auto s = evaluate<detail::data_need::gradient>(theta, "gradus: data objective value_and_gradient");
    return {scaled(s[0]), gradient_of<P>(s, detail::point_size(theta))};
  }

  /// J(θ), ∇J(θ) and the exact, symmetric ∇²J(θ) in one pass; binds as auto [v, g, H].
  template <point P>
  value_gradient_hessian_result<double, point_vector_t<P>, point_matrix_t<P>> value_gradient_hessian(const P& theta) const {
    const auto s = evaluate<detail::data_need::hessian>(theta, "gradus: data objective value_gradient_hessian");
    const std::size_t n = detail::point_size(theta);
    auto h = detail::zero_matrix<double, point_size_v<P>>(n);
    for (std::size_t r = 0; r < arity; ++r)
      for (std::size_t c = r; c < arity; ++c)
        h(Eigen::Index(r), Eigen::Index(c)) = h(Eigen::Index(c), Eigen::Index(r)) =
            scaled(s[1 + arity + detail::upper_index(r, c, arity)]);
    return {scaled(s[0]), gradient_of<P>(s, n), h};
  }

  /// ∇²J(θ) (computed by the fused pass).
  template <point P>
  point_matrix_t<P> hessian(const P& theta) const {
    return value_gradient_hessian(theta).hessian;
  }

  /// ∇²J(θ)·w by forward-over-reverse per example: about two gradients' work, no Hessian formed.
  template <point P, point W>
  point_vector_t<P> hessian_vector_product(const P& theta, const W& w) const {
    detail::check_point_size<arity>(w, "gradus: data objective hessian_vector_product");
    std::array<double, arity> dir{};
    for (std::size_t i = 0; i < arity; ++i) dir[i] = double(w[static_cast<std::remove_cvref_t<decltype(w.size())>>(i)]);
    const auto s = evaluate<detail::data_need::hessian_vector>(theta, "gradus: data objective hessian_vector_product", dir);
    return gradient_of<P>(s, detail::point_size(theta));
  }

  /// The same objective over rows first … first + count − 1 of this one (no copy).
  loss_over_data batch(std::size_t first, std::size_t count) const {
    if (count == 0 || first > m_ || count > m_ - first)
      throw std::out_of_range("gradus: data objective batch(" + std::to_string(first) + ", " + std::to_string(count) +
                              "): a non-empty range inside the " + std::to_string(m_) + " rows is needed");
    loss_over_data out = *this;
    if constexpr (indexed) out.rows_.index += first;
    else
      for (auto& p : out.rows_.column) p += first;
    out.m_ = count;
    return out;
  }

  /// The same objective over the rows this one's rows[k] name, in that order (a view: the
  /// index list is not copied and must outlive the result). Throws std::out_of_range for an
  /// index ≥ size() and std::invalid_argument for an empty list.
  loss_over_data<Loss, K, R, detail::indexed_rows<K>> subset(std::span<const std::size_t> rows) const
    requires(!indexed)
  {
    if (rows.empty())
      throw std::invalid_argument("gradus: data objective subset(): the list of rows is empty (0 examples)");
    for (std::size_t k = 0; k < rows.size(); ++k)
      if (rows[k] >= m_)
        throw std::out_of_range("gradus: data objective subset(): rows[" + std::to_string(k) + "] = " +
                                std::to_string(rows[k]) + " but the objective has " + std::to_string(m_) + " rows");
    loss_over_data<Loss, K, R, detail::indexed_rows<K>> out(compiled_, m_, options_);
    out.rows_.column = rows_.column;
    out.rows_.index = rows.data();
    out.m_ = rows.size();
    return out;
  }

 private:
  detail::compiled<Loss> compiled_;
  Rows rows_{};
  std::size_t m_ = 0;
  data_options options_{};

  loss_over_data(const detail::compiled<Loss>& c, std::size_t m, data_options options)
      : compiled_(c), m_(m), options_(options) {}

  double scaled(double s) const {
    if constexpr (R == data_reduction::mean) return s / double(m_);
    else return s;
  }

  template <detail::data_need Need, class P>
  auto evaluate(const P& theta, const char* what, const std::array<double, arity>& direction = {}) const {
    static_assert(std::is_same_v<point_scalar_t<P>, double>,
                  "gradus: a data objective is evaluated at a point of double parameters "
                  "(Eigen::Matrix<double, N, 1>, Eigen::VectorXd or std::array<double, N>)");
    detail::check_point_size<arity>(theta, what);
    std::array<double, arity> th{};
    for (std::size_t i = 0; i < arity; ++i) th[i] = theta[static_cast<std::remove_cvref_t<decltype(theta.size())>>(i)];
    return detail::reduce_rows<Need, detail::data_lane>(compiled_, th, direction, rows_, m_, options_.threads);
  }

  template <class P, class S>
  point_vector_t<P> gradient_of(const S& s, std::size_t n) const {
    auto g = detail::zero_vector<double, point_size_v<P>>(n);
    for (std::size_t i = 0; i < arity; ++i) g[Eigen::Index(i)] = scaled(s[1 + i]);
    return g;
  }
};

namespace detail {
template <class Loss>
constexpr void check_loss() {
  static_assert(expression<Loss>,
                "gradus::mean_over(loss, data) / sum_over(loss, data): the loss must be a gradus expression in the "
                "parameters (gradus::variables) and the data placeholders (gradus::columns)");
}
}  // namespace detail

/// J(θ) = (1/m) Σᵢ loss(xᵢ, θ) over the rows of data.
template <class Loss, std::size_t K>
loss_over_data<Loss, K, data_reduction::mean> mean_over(const Loss& loss, const dataset<K>& data, data_options options = {}) {
  detail::check_loss<Loss>();
  return loss_over_data<Loss, K, data_reduction::mean>(loss, data, options);
}

/// J(θ) = Σᵢ loss(xᵢ, θ) over the rows of data.
template <class Loss, std::size_t K>
loss_over_data<Loss, K, data_reduction::sum> sum_over(const Loss& loss, const dataset<K>& data, data_options options = {}) {
  detail::check_loss<Loss>();
  return loss_over_data<Loss, K, data_reduction::sum>(loss, data, options);
}

}  // namespace gradus
