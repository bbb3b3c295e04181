// libFuzzer target: datasets and data objectives (mean_over, sum_over) made from the fuzzer's
// bytes (1–40 rows, NaN, ±Inf, huge and denormal values), and sgd and gradient descent on them.
// Properties:
//   - dataset(xs, ys) throws std::invalid_argument naming the first non-finite column and row
//     exactly when a column holds NaN or Inf, and accepts every finite dataset;
//   - the value, gradient and Hessian (evaluated row-parallel in SIMD lanes) agree with a plain
//     loop over the rows with scalar evaluation: non-finite where any row is (NaN where any row
//     is NaN, so a NaN is never averaged away), close to the loop's sum where every row is finite;
//     with dataset(unchecked, ...) the same holds for data holding NaN and Inf;
//   - sgd and gradient descent never report converged from a NaN start, on NaN data, or with a
//     recomputed full-data gradient norm above the tolerance.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <gradus/gradus.hpp>

#include "fuzz_input.hpp"

namespace {

using gradus_fuzz::close;
using vec = Eigen::Vector2d;
using mat = Eigen::Matrix2d;

/// Both sides of a reduction: the library's result and the plain loop's, entry by entry.
/// A row's result is computed as a sum of pieces (y·A and (1 − y)·B in the logistic loss) that
/// the library may add into its running sum one by one: the rounding it may make is relative to
/// the pieces' sizes, |y|·|A| + |1 − y|·|B|, which can dwarf the row's result (y = −1e154).
struct piece {
  double term, size;
};

void compare_sum(double got, const std::vector<piece>& terms, double divisor, const char* what) {
  bool any_nan = false, all_finite = true;
  double sum = 0, scale = 0;
  for (const piece& p : terms) {
    const double t = p.term;
    any_nan = any_nan || std::isnan(t);
    all_finite = all_finite && std::isfinite(t);
    sum += t;
    scale += std::fabs(t) + p.size;  // Inf when a piece overflows: then only finiteness is compared
  }
  if (any_nan && !std::isnan(got)) {
    std::fprintf(stderr, "gradus fuzz: %s = %g, but a row is NaN\n", what, got);
    gradus_fuzz::fail("a data objective hid a NaN row");
  }
  if (!all_finite && std::isfinite(got)) {
    std::fprintf(stderr, "gradus fuzz: %s = %g, but a row is not finite\n", what, got);
    gradus_fuzz::fail("a data objective is finite although a row is not");
  }
  if (all_finite && std::isfinite(scale) && !close(got, sum / divisor, 1e-10, scale / divisor + 1e-300)) {
    std::fprintf(stderr, "gradus fuzz: %s = %.17g, the loop over rows gives %.17g\n", what, got, sum / divisor);
    gradus_fuzz::fail("a data objective differs from the loop over its rows");
  }
}

template <class Loss, class Reference, class Data>
void check_objective(const Loss& loss, const Reference& ref, const Data& data, const std::vector<double>& xs,
                     const std::vector<double>& ys, const vec& theta, gradus_fuzz::input& in) {
  const std::size_t m = xs.size();
  gradus_fuzz::context().clear();
  gradus_fuzz::describe("theta", theta);
  gradus_fuzz::describe("xs", xs);
  gradus_fuzz::describe("ys", ys);
  const auto J = gradus::mean_over(loss, data);
  const auto S = gradus::sum_over(loss, data);
  GRADUS_FUZZ_CHECK(J.size() == m, "size() is not the number of rows");

  std::vector<piece> values(m);
  std::vector<piece> grads[2] = {std::vector<piece>(m), std::vector<piece>(m)};
  std::vector<piece> hess[3] = {std::vector<piece>(m), std::vector<piece>(m), std::vector<piece>(m)};
  for (std::size_t i = 0; i < m; ++i) {
    const auto [v, g, H] = gradus::value_gradient_hessian(ref, Eigen::Vector4d(theta[0], theta[1], xs[i], ys[i]));
    const auto [v1, g1, H1] = gradus::value_gradient_hessian(ref, Eigen::Vector4d(theta[0], theta[1], xs[i], 1.0));
    const auto [v0, g0, H0] = gradus::value_gradient_hessian(ref, Eigen::Vector4d(theta[0], theta[1], xs[i], 0.0));
    const double wy = std::fabs(ys[i]), wn = std::fabs(1 - ys[i]);
    // With |y| beyond 1e100 a piece that underflowed to 0 at y = 1 may be far from 0 at y:
    // the size is then unknown, and only finiteness is compared.
    const auto size = [&](double at1, double at0) {
      return wy > 1e100 ? HUGE_VAL : wy * std::fabs(at1) + wn * std::fabs(at0);
    };
    values[i] = {v, size(v1, v0)};
    grads[0][i] = {g[0], size(g1[0], g0[0])};
    grads[1][i] = {g[1], size(g1[1], g0[1])};
    hess[0][i] = {H(0, 0), size(H1(0, 0), H0(0, 0))};
    hess[1][i] = {H(0, 1), size(H1(0, 1), H0(0, 1))};
    hess[2][i] = {H(1, 1), size(H1(1, 1), H0(1, 1))};
  }
  const double n = double(m);
  compare_sum(J.value(theta), values, n, "mean_over value");
  compare_sum(S.value(theta), values, 1.0, "sum_over value");
  // Where a row's value is not finite (checked above: the objective's value is not either), its
  // derivatives depend on the order of IEEE operations (∞·0 is NaN, (r·x)·2 may be 0): they are
  // compared only when every row's value is finite.
  bool rows_finite = true;
  for (const piece& p : values) rows_finite = rows_finite && std::isfinite(p.term);
  const vec g = J.gradient(theta);
  const auto [v2, g2] = J.value_and_gradient(theta);
  compare_sum(v2, values, n, "mean_over value_and_gradient value");
  const mat H = J.hessian(theta);
  if (rows_finite) {
    compare_sum(g[0], grads[0], n, "mean_over gradient[0]");
    compare_sum(g[1], grads[1], n, "mean_over gradient[1]");
    compare_sum(g2[1], grads[1], n, "mean_over value_and_gradient gradient[1]");
    compare_sum(H(0, 0), hess[0], n, "mean_over hessian(0, 0)");
    compare_sum(H(0, 1), hess[1], n, "mean_over hessian(0, 1)");
    compare_sum(H(1, 0), hess[1], n, "mean_over hessian(1, 0)");
    compare_sum(H(1, 1), hess[2], n, "mean_over hessian(1, 1)");
  }

  // A contiguous minibatch of the rows.
  const std::size_t first = in.choice(m), count = 1 + in.choice(m - first);
  const std::vector<piece> part(values.begin() + std::ptrdiff_t(first), values.begin() + std::ptrdiff_t(first + count));
  compare_sum(J.batch(first, count).value(theta), part, double(count), "batch(first, count) value");

  // Solvers on the data objective.
  bool data_has_nan = false;
  for (std::size_t i = 0; i < m; ++i) data_has_nan = data_has_nan || std::isnan(xs[i]) || std::isnan(ys[i]);
  static constexpr double rates[] = {1e-3, 0.1, 1.0, 1e300};
  static constexpr double tolerances[] = {1e-8, 1e-3, 0.0, 1.0};
  gradus::options opts;
  opts.max_iterations = 1 + in.choice(100);
  opts.gradient_tolerance = tolerances[in.choice(4)];
  gradus::result<vec> r;
  if (in.choice(2) == 0) {
    const gradus::sgd method{.learning_rate = rates[in.choice(4)], .batch_size = 1 + in.choice(8),
                             .epochs = 1 + in.choice(5), .momentum = in.choice(2) ? 0.0 : 0.9,
                             .shuffle = in.choice(2) == 0, .seed = in.byte()};
    gradus_fuzz::run_guarded(false, [&] { r = gradus::minimize(J, theta, method, opts); });
  } else {
    gradus_fuzz::run_guarded(false, [&] { r = gradus::minimize(J, theta, gradus::gradient_descent{}, opts); });
  }
  if (!theta.allFinite())
    GRADUS_FUZZ_CHECK(r.status == gradus::status::non_finite && r.iterations == 0, "a non-finite start did not end non_finite");
  if (r.converged()) {
    GRADUS_FUZZ_CHECK(!data_has_nan, "converged on data holding NaN");
    GRADUS_FUZZ_CHECK(r.x.allFinite() && std::isfinite(r.value), "converged with a non-finite x or value");
    if (r.test == gradus::convergence_test::gradient_norm) {
      const vec gx = J.gradient(r.x);
      const double norm = std::isfinite(gx.norm()) || !gx.allFinite() ? gx.norm() : gx.stableNorm();
      GRADUS_FUZZ_CHECK(norm <= opts.gradient_tolerance * (1 + 1e-9), "converged, but the recomputed gradient norm exceeds the tolerance");
    }
  }
}

template <class Loss, class Reference>
void check_loss(const Loss& loss, const Reference& ref, const std::vector<double>& xs, const std::vector<double>& ys,
                bool unchecked, const vec& theta, gradus_fuzz::input& in) {
  if (unchecked) {
    check_objective(loss, ref, gradus::dataset(gradus::unchecked, xs, ys), xs, ys, theta, in);
    return;
  }
  // Where is the first non-finite value? dataset() must name exactly that one.
  int bad_col = -1;
  std::size_t bad_row = 0;
  for (int j = 0; j < 2 && bad_col < 0; ++j) {
    const auto& c = j == 0 ? xs : ys;
    for (std::size_t i = 0; i < c.size(); ++i)
      if (!std::isfinite(c[i])) {
        bad_col = j;
        bad_row = i;
        break;
      }
  }
  try {
    const auto data = gradus::dataset(xs, ys);
    GRADUS_FUZZ_CHECK(bad_col < 0, "dataset() accepted a column holding NaN or Inf");
    check_objective(loss, ref, data, xs, ys, theta, in);
  } catch (const std::invalid_argument& e) {
    GRADUS_FUZZ_CHECK(bad_col >= 0, "dataset() rejected finite columns");
    const std::string what = e.what();
    const std::string col = "col<" + std::to_string(bad_col) + "> has a non-finite value";
    const std::string row = "at row " + std::to_string(bad_row) + ";";
    if (what.find(col) == std::string::npos || what.find(row) == std::string::npos) {
      std::fprintf(stderr, "gradus fuzz: dataset() said \"%s\"; expected %s %s\n", what.c_str(), col.c_str(), row.c_str());
      gradus_fuzz::fail("dataset() named the wrong column or row");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gradus_fuzz::input in(data, size);
  const std::size_t which = in.choice(2);
  const bool unchecked = in.choice(4) == 0;
  const std::size_t rows = 1 + in.choice(40);
  const vec theta(in.number(), in.number());
  std::vector<double> xs(rows), ys(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    xs[i] = in.number();
    ys[i] = in.number();
  }

  constexpr gradus::var<0> a{};
  constexpr gradus::var<1> b{};
  constexpr gradus::col<0> xi{};
  constexpr gradus::col<1> yi{};
  constexpr gradus::var<2> xv{};  // the same losses with the data as variables, for the loop
  constexpr gradus::var<3> yv{};
  gradus_fuzz::run_guarded(false, [&] {
    if (which == 0) {
      const auto z = a * xi + b;
      const auto zr = a * xv + b;
      check_loss(-(yi * gradus::log_sigmoid(z) + (1 - yi) * gradus::log_sigmoid(-z)),
                 -(yv * gradus::log_sigmoid(zr) + (1 - yv) * gradus::log_sigmoid(-zr)), xs, ys, unchecked, theta, in);
    } else {
      check_loss(gradus::square(a * xi + b - yi) + 0.1 * gradus::softplus(b * yi),
                 gradus::square(a * xv + b - yv) + 0.1 * gradus::softplus(b * yv), xs, ys, unchecked, theta, in);
    }
  });
  return 0;
}
