// The Bunch–Kaufman factorization behind the inertia correction: inertia and solutions against
// Eigen's eigendecomposition, on random symmetric matrices, KKT-like ones (zero diagonal
// block) and singular ones.
#define GRADUS_CONSTRAINED_INTERNAL
#include <gradus/constrained/detail/symmetric_indefinite.hpp>
#undef GRADUS_CONSTRAINED_INTERNAL

#include <array>
#include <random>
#include <vector>

#include <Eigen/Eigenvalues>
#include <catch2/catch.hpp>

using gradus::detail::arena;
using gradus::detail::inertia;
using gradus::detail::matrix_view;
using gradus::detail::symmetric_indefinite;
using gradus::detail::vector_view;

namespace {
void check_against_eigen(int k, std::mt19937& rng) {
  std::normal_distribution<double> normal;
  std::vector<double> doubles(std::size_t(3 * k * k + 3 * k));
  std::vector<int> ints(std::size_t(2 * k));
  for (int trial = 0; trial < 300; ++trial) {
    arena a(doubles.data(), doubles.size(), ints.data(), ints.size());
    matrix_view m = a.matrix(k, k);
    for (int i = 0; i < k; ++i)
      for (int j = 0; j <= i; ++j) m(i, j) = m(j, i) = normal(rng);
    const int kind = trial % 3;
    if (kind == 1 && k > 2)  // KKT-like: a zero block [W Jᵀ; J 0] with J of k/3 rows
      for (int i = k - k / 3; i < k; ++i)
        for (int j = k - k / 3; j < k; ++j) m(i, j) = 0;
    if (kind == 2 && k > 1) {  // singular: the last row repeats the first
      for (int j = 0; j < k; ++j) m(k - 1, j) = m(0, j);
      for (int i = 0; i < k; ++i) m(i, k - 1) = m(i, 0);
      m(k - 1, k - 1) = m(0, 0);
    }
    const Eigen::MatrixXd dense = m;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(dense);
    const double largest = eigen.eigenvalues().cwiseAbs().maxCoeff();
    inertia expected;
    for (int i = 0; i < k; ++i) {
      const double e = eigen.eigenvalues()[i];
      if (std::abs(e) <= 1e-10 * largest) ++expected.zero;
      else (e > 0 ? expected.positive : expected.negative) += 1;
    }
    symmetric_indefinite factorization(a, k);
    const inertia got = factorization.factor(m);
    INFO("k = " << k << ", trial " << trial << "\n" << dense);
    CHECK(got.positive == expected.positive);
    CHECK(got.negative == expected.negative);
    CHECK(got.zero == expected.zero);
    if (expected.zero == 0) {
      vector_view b = a.vector(k);
      Eigen::VectorXd rhs(k);
      for (int i = 0; i < k; ++i) b[i] = rhs[i] = normal(rng);
      factorization.solve(b);
      const Eigen::VectorXd x = b;
      CHECK((dense * x - rhs).norm() <= 1e-10 * (dense.norm() * x.norm() + rhs.norm()));
    }
  }
}
}  // namespace

TEST_CASE("symmetric indefinite factorization: inertia and solutions agree with the eigendecomposition") {
  std::mt19937 rng(2024);
  for (int k : {1, 2, 3, 5, 8, 13}) check_against_eigen(k, rng);
}

TEST_CASE("symmetric indefinite factorization: the 2x2 pivots of a saddle-point matrix") {
  // [0 1; 1 0] has no usable 1×1 pivot: Bunch–Kaufman takes the whole 2×2 block.
  std::array<double, 16> doubles{};
  std::array<int, 4> ints{};
  arena a(doubles.data(), doubles.size(), ints.data(), ints.size());
  matrix_view m = a.matrix(2, 2);
  m << 0, 1, 1, 0;
  symmetric_indefinite factorization(a, 2);
  const inertia in = factorization.factor(m);
  CHECK(in.positive == 1);
  CHECK(in.negative == 1);
  CHECK(in.zero == 0);
  std::array<double, 2> storage{3, 5};
  vector_view b(storage.data(), 2);
  factorization.solve(b);
  CHECK(b[0] == 5.0);
  CHECK(b[1] == 3.0);
}
