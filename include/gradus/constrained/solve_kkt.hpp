// The public entry points of the KKT solver: solve_kkt and kkt_residuals, for a problem built
// from expressions (gradus::problem) or any type modelling gradus::nonlinear_program. The
// method and its mathematics are described in <gradus/constrained/interior_point.hpp>.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>

#include <Eigen/Core>

#include <gradus/constrained/interior_point.hpp>
#include <gradus/constrained/kkt_result.hpp>
#include <gradus/constrained/nonlinear_program.hpp>
#include <gradus/constrained/status.hpp>

namespace gradus {

namespace detail {
/// A starting point or multiplier vector of N numbers: a fixed-size Eigen vector, a dynamic
/// Eigen vector (size checked at run time) or a std::array.
template <int N, class V>
Eigen::Matrix<double, N, 1> fixed_vector(const V& v, const char* what) {
  using T = std::remove_cvref_t<V>;
  Eigen::Matrix<double, N, 1> out;
  if constexpr (std::is_base_of_v<Eigen::MatrixBase<T>, T>) {
    static_assert(T::ColsAtCompileTime == 1, "gradus: pass the point as an Eigen column vector");
    static_assert(T::RowsAtCompileTime == Eigen::Dynamic || T::RowsAtCompileTime == N,
                  "gradus: the vector has the wrong number of entries (x0 needs one per variable, lambda one per "
                  "equality, alpha one per inequality)");
    if (v.size() != N)
      throw std::invalid_argument(std::string("gradus: ") + what + " has " + std::to_string(v.size()) +
                                  " entries, but the problem needs " + std::to_string(N));
    for (int i = 0; i < N; ++i) out[i] = double(v[i]);
  } else {
    static_assert(std::tuple_size<T>::value == std::size_t(N),
                  "gradus: the std::array has the wrong number of entries (x0 needs one per variable, lambda one "
                  "per equality, alpha one per inequality)");
    for (int i = 0; i < N; ++i) out[i] = double(v[std::size_t(i)]);
  }
  return out;
}

template <class V>
concept fixed_or_dynamic_vector =
    std::is_base_of_v<Eigen::MatrixBase<std::remove_cvref_t<V>>, std::remove_cvref_t<V>> ||
    requires { std::tuple_size<std::remove_cvref_t<V>>::value; };

/// Adapts a typed program to the callbacks of the interior-point core.
template <nonlinear_program P>
struct program_callbacks {
  static constexpr int n = P::variables, me = P::equalities, mi = P::inequalities;
  using point = Eigen::Matrix<double, n, 1>;

  static point load(const double* x) {
    point p;
    for (int i = 0; i < n; ++i) p[i] = x[i];
    return p;
  }
  template <class M>
  static void store(const M& m, double* out) {  // column-major, like the core's views
    for (int c = 0; c < int(m.cols()); ++c)
      for (int r = 0; r < int(m.rows()); ++r) out[std::size_t(c) * std::size_t(m.rows()) + std::size_t(r)] = m(r, c);
  }
  static double values(void* context, const double* x, double* g, double* h) {
    const P& p = *static_cast<const P*>(context);
    const point xv = load(x);
    store(Eigen::Matrix<double, me, 1>(p.equality_values(xv)), g);
    store(Eigen::Matrix<double, mi, 1>(p.inequality_values(xv)), h);
    return double(p.objective(xv));
  }
  static void derivatives(void* context, const double* x, double* grad, double* jg, double* jh) {
    const P& p = *static_cast<const P*>(context);
    const point xv = load(x);
    store(point(p.objective_gradient(xv)), grad);
    store(Eigen::Matrix<double, me, n>(p.equality_jacobian(xv)), jg);
    store(Eigen::Matrix<double, mi, n>(p.inequality_jacobian(xv)), jh);
  }
  static void hessian(void* context, const double* x, double sigma, const double* lambda, const double* alpha,
                      double* w) {
    const P& p = *static_cast<const P*>(context);
    Eigen::Matrix<double, me, 1> l;
    for (int k = 0; k < me; ++k) l[k] = lambda[k];
    Eigen::Matrix<double, mi, 1> a;
    for (int j = 0; j < mi; ++j) a[j] = alpha[j];
    store(Eigen::Matrix<double, n, n>(p.lagrangian_hessian(load(x), sigma, l, a)), w);
  }
};

/// The core's workspace for a program of these sizes, restoration phase included: on the stack.
template <int N, int ME, int MI>
struct interior_point_storage {
  static constexpr std::size_t doubles = interior_point_core::doubles_needed(N, ME, MI) +
                                         interior_point_core::restoration_doubles(N, ME, MI);
  static constexpr std::size_t ints =
      interior_point_core::ints_needed(N, ME, MI) + interior_point_core::restoration_ints(N, ME, MI);
  std::array<double, doubles> d;
  std::array<int, ints> i;
};
}  // namespace detail

/// Solves a nonlinear program — gradus::problem(f, gradus::subject_to(...)) or a hand-written
/// type modelling gradus::nonlinear_program — from x0 (an Eigen vector or std::array of
/// P::variables numbers; it may be infeasible).
template <nonlinear_program P, detail::fixed_or_dynamic_vector X0>
kkt_result<P::variables, P::equalities, P::inequalities> solve_kkt(const P& program, const X0& x0,
                                                                   const kkt_options& options = {}) {
  constexpr int n = P::variables, me = P::equalities, mi = P::inequalities;
  if (!(options.tolerance > 0)) throw std::invalid_argument("gradus::solve_kkt: kkt_options::tolerance must be > 0");
  if (options.max_iterations < 0)
    throw std::invalid_argument("gradus::solve_kkt: kkt_options::max_iterations must be >= 0");
  kkt_result<n, me, mi> r;
  r.x = detail::fixed_vector<n>(x0, "x0");
  r.lambda.setZero();
  r.alpha.setZero();
  if (!detail::all_finite(r.x)) {
    r.value = std::numeric_limits<double>::quiet_NaN();
    r.status = status::non_finite;
    r.residuals = {r.value, r.value, r.value, r.value};
    return r;
  }
  detail::ipm_parameters prm;
  prm.tolerance = options.tolerance;
  prm.max_iterations = options.max_iterations;
  using callbacks = detail::program_callbacks<P>;
  const detail::ipm_callbacks cb{const_cast<void*>(static_cast<const void*>(&program)), &callbacks::values,
                                 &callbacks::derivatives, &callbacks::hessian};
  detail::interior_point_storage<n, me, mi> storage;
  detail::arena workspace(storage.d.data(), storage.d.size(), storage.i.data(), storage.i.size());
  detail::interior_point_core core(cb, n, me, mi, prm, workspace, true);
  if constexpr (mi > 0) {
    const auto bounds = detail::inequality_bounds_of(program);
    for (int j = 0; j < mi; ++j) {
      core.bound_variable[j] = bounds[std::size_t(j)].variable;
      core.bound_sign[j] = bounds[std::size_t(j)].sign;
      core.bound_value[j] = bounds[std::size_t(j)].value;
    }
  }
  for (int i = 0; i < n; ++i) core.x[i] = r.x[i];
  r.status = core.run(false);
  for (int i = 0; i < n; ++i) r.x[i] = core.x[i];
  for (int k = 0; k < me; ++k) r.lambda[k] = core.unscaled_lambda(k);
  for (int j = 0; j < mi; ++j) r.alpha[j] = core.unscaled_alpha(j);
  r.value = core.unscaled_value();
  const detail::ipm_counters& c = core.counters();
  r.iterations = c.iterations;
  r.restoration_iterations = c.restoration_iterations;
  r.function_evaluations = c.function_evaluations;
  r.gradient_evaluations = c.gradient_evaluations;
  r.hessian_evaluations = c.hessian_evaluations;
  r.residuals = core.report();
  return r;
}

template <class P, class X0>
  requires(!nonlinear_program<P>)
void solve_kkt(const P&, const X0&, const kkt_options& = {}) {
  static_assert(nonlinear_program<P>,
                "gradus::solve_kkt(prob, x0): prob must be gradus::problem(f, gradus::subject_to(...)) or a type "
                "modelling gradus::nonlinear_program (see <gradus/constrained/nonlinear_program.hpp>)");
}

/// The KKT residuals of a nonlinear program at a candidate x with multipliers λ and α.
template <nonlinear_program P, detail::fixed_or_dynamic_vector X, detail::fixed_or_dynamic_vector L,
          detail::fixed_or_dynamic_vector A>
kkt_report kkt_residuals(const P& program, const X& x, const L& lambda, const A& alpha) {
  const auto xv = detail::fixed_vector<P::variables>(x, "x");
  return detail::kkt_report_of(program.objective_gradient(xv), program.equality_values(xv),
                               program.equality_jacobian(xv), program.inequality_values(xv),
                               program.inequality_jacobian(xv), detail::fixed_vector<P::equalities>(lambda, "lambda"),
                               detail::fixed_vector<P::inequalities>(alpha, "alpha"));
}

}  // namespace gradus
