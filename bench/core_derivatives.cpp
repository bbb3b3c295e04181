// Gradient and Hessian: gradus against hand-written analytic code and against the peers, in
// one run (the names are "<family>/<workload>/<size>/<impl>", see bench/README.md):
//
//   gradus           gradus::gradient(f, p) / gradus::hessian(f, p), p an Eigen::Matrix<double, N, 1>
//   hand             closed-form derivatives written out by hand (the baseline of every ratio)
//   adolc            ADOL-C: taped once before timing, then its gradient() / hessian() drivers
//   ceres_jet        Ceres forward mode: Jet<double, N>, and Jet<Jet<double, N>, N> for the Hessian
//   eigen_autodiff   Eigen's forward mode: AutoDiffScalar, nested once for the Hessian
//
// Before anything is timed, the hand-written derivatives are checked against central finite
// differences and every implementation against the hand-written one (to 1e-9 relative) at every
// point the benchmarks use; any disagreement stops the program with a message.
// Each iteration takes the next of 16 fixed random points, so nothing can be hoisted out of the
// loop, and hands the result to benchmark::DoNotOptimize.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>
#ifdef GRADUS_HAVE_ADOLC
#include <adolc/adolc.h>
#endif
#ifdef GRADUS_HAVE_CERES
#include <ceres/jet.h>
#endif

#include "bench_support.hpp"
#include "workloads.hpp"

namespace {

namespace gb = gradus_bench;

template <int N>
using vec = Eigen::Matrix<double, N, 1>;
template <int N>
using mat = Eigen::Matrix<double, N, N>;

// ---- the peers' scalar types, seen through two small traits -------------------------------
// passive<T>: what a constant is in T's arithmetic (double for a Jet<double, N>, the inner Jet for
// a nested one), so peers multiply by a constant at the price their library charges for it.
template <class T>
struct passive_of {
  using type = double;
};
template <class D>
struct passive_of<Eigen::AutoDiffScalar<D>> {
  using type = typename D::Scalar;
};
#ifdef GRADUS_HAVE_CERES
template <class T, int N>
struct passive_of<ceres::Jet<T, N>> {
  using type = T;
};
#endif
template <class T>
using passive = typename passive_of<T>::type;

template <class T>
passive<T> constant(double c) {
  return passive<T>(c);
}

inline double value_of(double x) { return x; }
#ifdef GRADUS_HAVE_ADOLC
inline double value_of(const adouble& x) { return x.getValue(); }
#endif
template <class D>
double value_of(const Eigen::AutoDiffScalar<D>& x) {
  return value_of(x.value());
}
#ifdef GRADUS_HAVE_CERES
template <class T, int N>
double value_of(const ceres::Jet<T, N>& x) {
  return value_of(x.a);
}
#endif

// ---- workloads -------------------------------------------------------------------------------
// Each has: n, name, the gradus expression, evaluate<T> (the same function for the peers' scalar
// types), the hand-written gradient and Hessian, and a sampler of points.

struct polynomial {
  static constexpr int n = 2;
  static constexpr const char* name = "polynomial";
  static auto expression() { return gb::polynomial_expression(); }
  template <class T>
  static T evaluate(const T* x) {
    return x[0] * x[0] + constant<T>(2.0) * x[0] * x[1] + x[1] * x[1] * x[1];
  }
  static vec<2> gradient(const vec<2>& p) { return vec<2>(2 * p[0] + 2 * p[1], 2 * p[0] + 3 * p[1] * p[1]); }
  static mat<2> hessian(const vec<2>& p) {
    mat<2> h;
    h << 2, 2, 2, 6 * p[1];
    return h;
  }
  static vec<2> sample(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-0.5, 0.5);
    return vec<2>(3 + u(rng), 2 + u(rng));
  }
};

template <int N>
struct rosenbrock {
  static constexpr int n = N;
  static constexpr const char* name = "rosenbrock";
  static auto expression() { return gb::rosenbrock_expression<N>(); }
  template <class T>
  static T evaluate(const T* x) {
    const auto hundred = constant<T>(100.0);
    const auto one = constant<T>(1.0);
    auto term = [&](int k) -> T {
      const T t = x[k + 1] - x[k] * x[k];
      const T w = one - x[k];
      return hundred * t * t + w * w;
    };
    T f = term(0);
    for (int k = 2; k < N; k += 2) f += term(k);
    return f;
  }
  static vec<N> gradient(const vec<N>& x) {
    vec<N> g;
    for (int k = 0; k < N; k += 2) {
      const double u = x[k], t = x[k + 1] - u * u;
      g[k] = -400 * t * u - 2 * (1 - u);
      g[k + 1] = 200 * t;
    }
    return g;
  }
  static mat<N> hessian(const vec<N>& x) {
    mat<N> h = mat<N>::Zero();
    for (int k = 0; k < N; k += 2) {
      const double u = x[k], v = x[k + 1];
      h(k, k) = 1200 * u * u - 400 * v + 2;
      h(k, k + 1) = h(k + 1, k) = -400 * u;
      h(k + 1, k + 1) = 200;
    }
    return h;
  }
  static vec<N> sample(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-1.2, 1.2);
    vec<N> p;
    for (int i = 0; i < N; ++i) p[i] = u(rng);
    return p;
  }
};

template <int N>
struct logsumexp {
  static constexpr int n = N;
  static constexpr const char* name = "logsumexp";
  static auto expression() { return gb::logsumexp_expression<N>(); }
  // Shifted by the max value, taken as a constant: log Σ exp(xᵢ) = m + log Σ exp(xᵢ − m) for any m,
  // so the derivatives are exact whatever m is (ADOL-C keeps the m of the taping point).
  template <class T>
  static T evaluate(const T* x) {
    using std::exp;
    using std::log;
    double m = value_of(x[0]);
    for (int i = 1; i < N; ++i) m = std::max(m, value_of(x[i]));
    const auto shift = constant<T>(m);
    T s = exp(x[0] - shift);
    for (int i = 1; i < N; ++i) s += exp(x[i] - shift);
    return log(s) + shift;
  }
  // The softmax weights sᵢ = exp(xᵢ − m) / Σ exp(xⱼ − m): ∇f = s, ∇²f = diag(s) − s sᵀ.
  static vec<N> softmax(const vec<N>& x) {
    const double m = x.maxCoeff();
    vec<N> s;
    double total = 0;
    for (int i = 0; i < N; ++i) total += (s[i] = std::exp(x[i] - m));
    return s / total;
  }
  static vec<N> gradient(const vec<N>& x) { return softmax(x); }
  static mat<N> hessian(const vec<N>& x) {
    const vec<N> s = softmax(x);
    mat<N> h;
    h.noalias() = -s * s.transpose();
    h.diagonal() += s;
    return h;
  }
  static vec<N> sample(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-3, 3);
    vec<N> p;
    for (int i = 0; i < N; ++i) p[i] = u(rng);
    return p;
  }
};

template <int N>
struct product {
  static constexpr int n = N;
  static constexpr const char* name = "product";
  static auto expression() { return gb::product_expression<N>(); }
  template <class T>
  static T evaluate(const T* x) {
    T f = x[0];
    for (int i = 1; i < N; ++i) f *= x[i];
    return f;
  }
  // ∂f/∂xᵢ = Π_{k<i} x_k · Π_{k>i} x_k, by prefix and suffix products (no division, exact at 0).
  static vec<N> gradient(const vec<N>& x) {
    vec<N> g;
    double left = 1;
    for (int i = 0; i < N; ++i) {
      g[i] = left;
      left *= x[i];
    }
    double right = 1;
    for (int i = N - 1; i >= 0; --i) {
      g[i] *= right;
      right *= x[i];
    }
    return g;
  }
  // ∂²f/∂xᵢ∂xⱼ = Π_{k≠i,j} x_k for i ≠ j, 0 on the diagonal.
  static mat<N> hessian(const vec<N>& x) {
    std::array<double, N + 1> suffix;
    suffix[N] = 1;
    for (int i = N - 1; i >= 0; --i) suffix[i] = suffix[i + 1] * x[i];
    mat<N> h;
    double prefix = 1;
    for (int i = 0; i < N; ++i) {
      h(i, i) = 0;
      double between = prefix;
      for (int j = i + 1; j < N; ++j) {
        h(i, j) = h(j, i) = between * suffix[j + 1];
        between *= x[j];
      }
      prefix *= x[i];
    }
    return h;
  }
  static vec<N> sample(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(0.8, 1.25);
    vec<N> p;
    for (int i = 0; i < N; ++i) p[i] = u(rng);
    return p;
  }
};

// The unit equilateral triangle at rest. Not constexpr: like a mesh's per-triangle data, the
// rest shape is read at run time, by the hand-written code and the expression alike.
gb::triangle_rest rest_triangle = [] {
  const double h = std::sqrt(3.0) / 2;  // rest edges (1, 0) and (1/2, h); B is their inverse
  return gb::triangle_rest{1.0, -0.5 / h, 0.0, 1.0 / h, h / 2};
}();

struct symmetric_dirichlet {
  static constexpr int n = 6;
  static constexpr const char* name = "symmetric_dirichlet";
  static auto expression() { return gb::symmetric_dirichlet_expression(rest_triangle); }
  template <class T>
  static T evaluate(const T* x) {
    const auto& r = rest_triangle;
    const T e1x = x[2] - x[0], e1y = x[3] - x[1], e2x = x[4] - x[0], e2y = x[5] - x[1];
    const T a = constant<T>(r.b00) * e1x + constant<T>(r.b10) * e2x;
    const T b = constant<T>(r.b01) * e1x + constant<T>(r.b11) * e2x;
    const T c = constant<T>(r.b00) * e1y + constant<T>(r.b10) * e2y;
    const T d = constant<T>(r.b01) * e1y + constant<T>(r.b11) * e2y;
    const T s = a * a + b * b + c * c + d * d;
    const T det = a * d - b * c;
    return constant<T>(r.area) * (s + s / (det * det));
  }
  // j = (a, b, c, d) = vec(J) is linear in x: j = M x, with M (4×6) built from B.
  static Eigen::Matrix<double, 4, 6> jacobian_map() {
    const auto& r = rest_triangle;
    Eigen::Matrix<double, 4, 6> m = Eigen::Matrix<double, 4, 6>::Zero();
    m(0, 2) = r.b00, m(0, 4) = r.b10, m(0, 0) = -(r.b00 + r.b10);
    m(1, 2) = r.b01, m(1, 4) = r.b11, m(1, 0) = -(r.b01 + r.b11);
    m(2, 3) = r.b00, m(2, 5) = r.b10, m(2, 1) = -(r.b00 + r.b10);
    m(3, 3) = r.b01, m(3, 5) = r.b11, m(3, 1) = -(r.b01 + r.b11);
    return m;
  }
  // E = A·s·u with s = ‖j‖², u = 1 + det⁻²:  ∇_j E = A (2u j + s u' q), q = ∇det = (d, −c, −b, a),
  // u' = −2 det⁻³; then ∇_x E = Mᵀ ∇_j E, written out entry by entry.
  static vec<6> gradient(const vec<6>& x) {
    const auto& r = rest_triangle;
    const double e1x = x[2] - x[0], e1y = x[3] - x[1], e2x = x[4] - x[0], e2y = x[5] - x[1];
    const double a = r.b00 * e1x + r.b10 * e2x, b = r.b01 * e1x + r.b11 * e2x;
    const double c = r.b00 * e1y + r.b10 * e2y, d = r.b01 * e1y + r.b11 * e2y;
    const double s = a * a + b * b + c * c + d * d;
    const double inv = 1 / (a * d - b * c), inv2 = inv * inv;
    const double k1 = 2 * r.area * (1 + inv2), k2 = -2 * r.area * s * inv2 * inv;
    const double ga = k1 * a + k2 * d, gb_ = k1 * b - k2 * c, gc = k1 * c - k2 * b, gd = k1 * d + k2 * a;
    const double g1x = ga * r.b00 + gb_ * r.b01, g2x = ga * r.b10 + gb_ * r.b11;
    const double g1y = gc * r.b00 + gd * r.b01, g2y = gc * r.b10 + gd * r.b11;
    vec<6> g;
    g << -(g1x + g2x), -(g1y + g2y), g1x, g1y, g2x, g2y;
    return g;
  }
  // ∇²_j E = A [2u I + u'(2 j qᵀ + 2 q jᵀ) + s u'' q qᵀ + s u' P], u'' = 6 det⁻⁴, P = ∇²det
  // (P_ad = P_da = 1, P_bc = P_cb = −1); then ∇²_x E = Mᵀ ∇²_j E M.
  static mat<6> hessian(const vec<6>& x) {
    const auto& r = rest_triangle;
    const Eigen::Matrix<double, 4, 6> m = jacobian_map();
    const Eigen::Vector4d j = m * x;
    const double s = j.squaredNorm();
    const double inv = 1 / (j[0] * j[3] - j[1] * j[2]), inv2 = inv * inv;
    const double u = 1 + inv2, du = -2 * inv2 * inv, ddu = 6 * inv2 * inv2;
    const Eigen::Vector4d q(j[3], -j[2], -j[1], j[0]);
    Eigen::Matrix4d hj;
    hj.noalias() = (2 * du) * (j * q.transpose() + q * j.transpose()) + (s * ddu) * (q * q.transpose());
    hj.diagonal().array() += 2 * u;
    hj(0, 3) += s * du, hj(3, 0) += s * du, hj(1, 2) -= s * du, hj(2, 1) -= s * du;
    mat<6> h;
    h.noalias() = m.transpose() * (r.area * hj) * m;
    return h;
  }
  static vec<6> sample(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-0.15, 0.15);
    const double h = std::sqrt(3.0) / 2;
    vec<6> p;
    p << 0, 0, 1, 0, 0.5, h;
    for (int i = 0; i < 6; ++i) p[i] += u(rng);
    return p;
  }
};

// ---- the points: 16 per workload, fixed seed ------------------------------------------------
constexpr std::size_t point_count = 16;

template <class W>
const std::vector<vec<W::n>>& points() {
  static const std::vector<vec<W::n>> pts = [] {
    std::mt19937_64 rng(20240611 + W::n);
    std::vector<vec<W::n>> v;
    for (std::size_t i = 0; i < point_count; ++i) v.push_back(W::sample(rng));
    return v;
  }();
  return pts;
}

// ---- implementations: gradient(p) -> vec<N>, hessian(p) -> mat<N> -------------------------

template <class W>
struct gradus_impl {
  static constexpr const char* name = "gradus";
  decltype(W::expression()) f = W::expression();
  vec<W::n> gradient(const vec<W::n>& p) const { return gradus::gradient(f, p); }
  mat<W::n> hessian(const vec<W::n>& p) const { return gradus::hessian(f, p); }
};

template <class W>
struct hand_impl {
  static constexpr const char* name = "hand";
  vec<W::n> gradient(const vec<W::n>& p) const { return W::gradient(p); }
  mat<W::n> hessian(const vec<W::n>& p) const { return W::hessian(p); }
};

// Forward mode seeds once: only the values change from one point to the next.
template <class W>
struct eigen_autodiff_impl {
  static constexpr const char* name = "eigen_autodiff";
  static constexpr int N = W::n;
  using first = Eigen::AutoDiffScalar<vec<N>>;
  using second = Eigen::AutoDiffScalar<Eigen::Matrix<first, N, 1>>;
  std::vector<first> x1;
  std::vector<second> x2;
  eigen_autodiff_impl() : x1(N), x2(N) {
    for (int i = 0; i < N; ++i) {
      x1[i] = first(0.0, N, i);
      x2[i].value() = first(0.0, N, i);
      x2[i].derivatives().resize(N);
      for (int k = 0; k < N; ++k) x2[i].derivatives()[k] = first(k == i ? 1.0 : 0.0);
    }
  }
  vec<N> gradient(const vec<N>& p) {
    for (int i = 0; i < N; ++i) x1[i].value() = p[i];
    const first y = W::evaluate(x1.data());
    return y.derivatives();
  }
  mat<N> hessian(const vec<N>& p) {
    for (int i = 0; i < N; ++i) x2[i].value().value() = p[i];
    const second y = W::evaluate(x2.data());
    mat<N> h;
    for (int i = 0; i < N; ++i)
      for (int k = 0; k < N; ++k) h(i, k) = y.derivatives()[i].derivatives()[k];
    return h;
  }
};

#ifdef GRADUS_HAVE_CERES
template <class W>
struct ceres_jet_impl {
  static constexpr const char* name = "ceres_jet";
  static constexpr int N = W::n;
  using first = ceres::Jet<double, N>;
  using second = ceres::Jet<first, N>;
  std::vector<first> x1;
  std::vector<second> x2;
  ceres_jet_impl() : x1(N), x2(N) {
    for (int i = 0; i < N; ++i) {
      x1[i] = first(0.0, i);
      x2[i].a = first(0.0, i);
      for (int k = 0; k < N; ++k) x2[i].v[k] = first(k == i ? 1.0 : 0.0);
    }
  }
  vec<N> gradient(const vec<N>& p) {
    for (int i = 0; i < N; ++i) x1[i].a = p[i];
    const first y = W::evaluate(x1.data());
    return y.v;
  }
  mat<N> hessian(const vec<N>& p) {
    for (int i = 0; i < N; ++i) x2[i].a.a = p[i];
    const second y = W::evaluate(x2.data());
    mat<N> h;
    for (int i = 0; i < N; ++i)
      for (int k = 0; k < N; ++k) h(i, k) = y.v[i].v[k];
    return h;
  }
};
#endif

#ifdef GRADUS_HAVE_ADOLC
inline short next_adolc_tag() {
  static short tag = 0;
  return ++tag;
}

// Taped once, at the first point; the drivers then replay the tape at any point.
template <class W>
struct adolc_impl {
  static constexpr const char* name = "adolc";
  static constexpr int N = W::n;
  short tag = next_adolc_tag();
  std::array<double, N> x{};
  double** h = myalloc2(N, N);
  adolc_impl() {
    const vec<N>& p = points<W>()[0];
    trace_on(tag);
    std::vector<adouble> ax(N);
    for (int i = 0; i < N; ++i) ax[i] <<= p[i];
    adouble y = W::evaluate(ax.data());
    double value = 0;
    y >>= value;
    trace_off();
  }
  ~adolc_impl() { myfree2(h); }
  adolc_impl(const adolc_impl&) = delete;
  adolc_impl& operator=(const adolc_impl&) = delete;
  vec<N> gradient(const vec<N>& p) {
    vec<N> g;
    if (::gradient(tag, N, p.data(), g.data()) < 0) gb::fail(std::string("ADOL-C gradient() failed on ") + W::name);
    return g;
  }
  // The driver fills the lower triangle; timed alone (hessian_lower), copied out for the check.
  void hessian_lower(const vec<N>& p) {
    for (int i = 0; i < N; ++i) x[i] = p[i];
    if (::hessian(tag, N, x.data(), h) < 0) gb::fail(std::string("ADOL-C hessian() failed on ") + W::name);
  }
  mat<N> hessian(const vec<N>& p) {
    hessian_lower(p);
    mat<N> m;
    for (int i = 0; i < N; ++i)
      for (int k = 0; k <= i; ++k) m(i, k) = m(k, i) = h[i][k];
    return m;
  }
};
#endif

template <class I>
I& instance() {
  static I impl;
  return impl;
}

// ---- checks ----------------------------------------------------------------------------------

template <class W>
void check_hand_written_against_finite_differences() {
  constexpr int N = W::n;
  for (const vec<N>& p : points<W>()) {
    vec<N> fd_gradient;
    mat<N> fd_hessian;
    for (int i = 0; i < N; ++i) {
      const double h = 1e-5 * std::max(1.0, std::abs(p[i]));
      vec<N> up = p, down = p;
      up[i] += h;
      down[i] -= h;
      fd_gradient[i] = (W::evaluate(up.data()) - W::evaluate(down.data())) / (2 * h);
      fd_hessian.col(i) = (W::gradient(up) - W::gradient(down)) / (2 * h);
    }
    const std::string where = std::string(W::name) + "/" + std::to_string(N);
    gb::require_close("hand-written gradient of " + where + " vs central differences", W::gradient(p), fd_gradient, 1e-6);
    gb::require_close("hand-written Hessian of " + where + " vs central differences", W::hessian(p), fd_hessian, 1e-6);
    gb::require_close("hand-written Hessian of " + where + " is symmetric", W::hessian(p), W::hessian(p).transpose(), 1e-14);
  }
}

template <class W, template <class> class Impl>
void check_against_hand_written() {
  auto& impl = instance<Impl<W>>();
  const std::string where = std::string(W::name) + "/" + std::to_string(W::n) + "/" + Impl<W>::name;
  for (const auto& p : points<W>()) {
    gb::require_close("gradient of " + where + " vs hand-written", impl.gradient(p), W::gradient(p), 1e-9);
    gb::require_close("Hessian of " + where + " vs hand-written", impl.hessian(p), W::hessian(p), 1e-9);
  }
}

// ---- registration ------------------------------------------------------------------------------

template <class W, template <class> class Impl>
void register_impl() {
  check_against_hand_written<W, Impl>();
  benchmark::RegisterBenchmark(gb::name("gradient", W::name, W::n, Impl<W>::name).c_str(), [](benchmark::State& state) {
    auto& impl = instance<Impl<W>>();
    const auto& pts = points<W>();
    std::size_t k = 0;
    for (auto _ : state) {
      auto g = impl.gradient(pts[k++ % point_count]);
      benchmark::DoNotOptimize(g);
    }
  });
  benchmark::RegisterBenchmark(gb::name("hessian", W::name, W::n, Impl<W>::name).c_str(), [](benchmark::State& state) {
    auto& impl = instance<Impl<W>>();
    const auto& pts = points<W>();
    std::size_t k = 0;
    for (auto _ : state) {
      if constexpr (requires { impl.hessian_lower(pts[0]); }) {
        impl.hessian_lower(pts[k++ % point_count]);
        benchmark::ClobberMemory();
      } else {
        auto h = impl.hessian(pts[k++ % point_count]);
        benchmark::DoNotOptimize(h);
      }
    }
  });
}

template <class W>
void register_workload() {
  check_hand_written_against_finite_differences<W>();
  register_impl<W, gradus_impl>();
  register_impl<W, hand_impl>();
#ifdef GRADUS_HAVE_ADOLC
  register_impl<W, adolc_impl>();
#endif
#ifdef GRADUS_HAVE_CERES
  register_impl<W, ceres_jet_impl>();
#endif
  register_impl<W, eigen_autodiff_impl>();
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  gb::add_build_context();

  register_workload<polynomial>();
  register_workload<rosenbrock<2>>();
  register_workload<rosenbrock<8>>();
  register_workload<rosenbrock<32>>();
  register_workload<logsumexp<4>>();
  register_workload<logsumexp<16>>();
  register_workload<logsumexp<64>>();
  register_workload<product<4>>();
  register_workload<product<16>>();
  register_workload<symmetric_dirichlet>();

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
