// Ipopt's view of a gradus::nonlinear_program (for the comparison in constrained_ipopt.cpp):
// a TNLP with the exact first and second derivatives of the same program, dense. Inequalities
// that the program marks as bounds on one variable become Ipopt's variable bounds x_L ≤ x ≤ x_U
// (as an Ipopt user would write them); the others are constraints g_L ≤ c(x) ≤ g_U: equalities
// with g_L = g_U = 0, inequalities h(x) ≤ 0 with g_L = −∞, g_U = 0.
#pragma once

#include <array>
#include <cmath>
#include <vector>

#include <Eigen/Core>
#include <IpTNLP.hpp>

#include <gradus/gradus.hpp>

namespace gradus_bench {

template <gradus::nonlinear_program P>
class ipopt_program : public Ipopt::TNLP {
 public:
  static constexpr int n = P::variables, me = P::equalities, mi = P::inequalities;
  using point = Eigen::Matrix<double, n, 1>;

  ipopt_program(const P& program, const point& x0) : program_(program), x0_(x0) {
    const auto bounds = gradus::detail::inequality_bounds_of(program);
    for (int j = 0; j < mi; ++j)
      if (bounds[std::size_t(j)].variable < 0) general_.push_back(j);
      else bound_rows_.push_back(j);
    bounds_ = bounds;
  }

  double value = 0;
  point x;
  Ipopt::SolverReturn status = Ipopt::INTERNAL_ERROR;

  bool get_nlp_info(Ipopt::Index& nv, Ipopt::Index& m, Ipopt::Index& nnz_jac, Ipopt::Index& nnz_h,
                    IndexStyleEnum& style) override {
    nv = n;
    m = me + int(general_.size());
    nnz_jac = m * n;
    nnz_h = n * (n + 1) / 2;
    style = TNLP::C_STYLE;
    return true;
  }
  bool get_bounds_info(Ipopt::Index, Ipopt::Number* xl, Ipopt::Number* xu, Ipopt::Index, Ipopt::Number* gl,
                       Ipopt::Number* gu) override {
    for (int i = 0; i < n; ++i) {
      xl[i] = -2e19;  // Ipopt's "no bound" (nlp_lower_bound_inf = −1e19)
      xu[i] = 2e19;
    }
    if constexpr (mi > 0) {
      for (int j : bound_rows_) {
        const gradus::variable_bound b = bounds_[std::size_t(j)];
        if (b.sign > 0) xu[b.variable] = std::min(xu[b.variable], b.value);
        else xl[b.variable] = std::max(xl[b.variable], b.value);
      }
    }
    for (int k = 0; k < me; ++k) gl[k] = gu[k] = 0;
    for (std::size_t r = 0; r < general_.size(); ++r) {
      gl[me + int(r)] = -2e19;
      gu[me + int(r)] = 0;
    }
    return true;
  }
  bool get_starting_point(Ipopt::Index, bool, Ipopt::Number* xs, bool, Ipopt::Number*, Ipopt::Number*, Ipopt::Index,
                          bool, Ipopt::Number*) override {
    for (int i = 0; i < n; ++i) xs[i] = x0_[i];
    return true;
  }
  bool eval_f(Ipopt::Index, const Ipopt::Number* xs, bool, Ipopt::Number& f) override {
    f = program_.objective(load(xs));
    return std::isfinite(f);
  }
  bool eval_grad_f(Ipopt::Index, const Ipopt::Number* xs, bool, Ipopt::Number* g) override {
    const point gr = program_.objective_gradient(load(xs));
    for (int i = 0; i < n; ++i) g[i] = gr[i];
    return true;
  }
  bool eval_g(Ipopt::Index, const Ipopt::Number* xs, bool, Ipopt::Index, Ipopt::Number* c) override {
    const point xv = load(xs);
    const Eigen::Matrix<double, me, 1> ge = program_.equality_values(xv);
    for (int k = 0; k < me; ++k) c[k] = ge[k];
    if (!general_.empty()) {
      const Eigen::Matrix<double, mi, 1> h = program_.inequality_values(xv);
      for (std::size_t r = 0; r < general_.size(); ++r) c[me + int(r)] = h[general_[r]];
    }
    return true;
  }
  bool eval_jac_g(Ipopt::Index, const Ipopt::Number* xs, bool, Ipopt::Index m, Ipopt::Index, Ipopt::Index* row,
                  Ipopt::Index* col, Ipopt::Number* values) override {
    if (values == nullptr) {
      for (int r = 0, k = 0; r < m; ++r)
        for (int c = 0; c < n; ++c, ++k) {
          row[k] = r;
          col[k] = c;
        }
      return true;
    }
    const point xv = load(xs);
    const Eigen::Matrix<double, me, n> jg = program_.equality_jacobian(xv);
    int k = 0;
    for (int r = 0; r < me; ++r)
      for (int c = 0; c < n; ++c) values[k++] = jg(r, c);
    if (!general_.empty()) {
      const Eigen::Matrix<double, mi, n> jh = program_.inequality_jacobian(xv);
      for (int r : general_)
        for (int c = 0; c < n; ++c) values[k++] = jh(r, c);
    }
    return true;
  }
  bool eval_h(Ipopt::Index, const Ipopt::Number* xs, bool, Ipopt::Number sigma, Ipopt::Index,
              const Ipopt::Number* lambda, bool, Ipopt::Index, Ipopt::Index* row, Ipopt::Index* col,
              Ipopt::Number* values) override {
    if (values == nullptr) {
      for (int r = 0, k = 0; r < n; ++r)
        for (int c = 0; c <= r; ++c, ++k) {
          row[k] = r;
          col[k] = c;
        }
      return true;
    }
    Eigen::Matrix<double, me, 1> l;
    for (int k = 0; k < me; ++k) l[k] = lambda[k];
    Eigen::Matrix<double, mi, 1> a = Eigen::Matrix<double, mi, 1>::Zero();
    for (std::size_t r = 0; r < general_.size(); ++r) a[general_[r]] = lambda[me + int(r)];
    const Eigen::Matrix<double, n, n> w = program_.lagrangian_hessian(load(xs), sigma, l, a);
    for (int r = 0, k = 0; r < n; ++r)
      for (int c = 0; c <= r; ++c) values[k++] = w(r, c);
    return true;
  }
  void finalize_solution(Ipopt::SolverReturn st, Ipopt::Index, const Ipopt::Number* xs, const Ipopt::Number*,
                         const Ipopt::Number*, Ipopt::Index, const Ipopt::Number*, const Ipopt::Number*,
                         Ipopt::Number obj, const Ipopt::IpoptData*, Ipopt::IpoptCalculatedQuantities*) override {
    status = st;
    value = obj;
    x = load(xs);
  }

 private:
  static point load(const double* xs) {
    point p;
    for (int i = 0; i < n; ++i) p[i] = xs[i];
    return p;
  }
  const P& program_;
  point x0_;
  std::array<gradus::variable_bound, std::size_t(mi)> bounds_{};
  std::vector<int> general_, bound_rows_;
};

}  // namespace gradus_bench
