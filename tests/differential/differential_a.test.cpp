// Differential derivative suite, part A (see differential.hpp): random expression types of
// depth 4 from seeds 1000..1000+N, each at 3 × 4 random points.
#include <catch2/catch.hpp>

#include <iostream>

#ifndef GRADUS_TEST_DIFFERENTIAL_COUNT
#define GRADUS_TEST_DIFFERENTIAL_COUNT 20
#endif

#include "differential.hpp"

TEST_CASE("differential A: forward == reverse == symbolic == finite differences on random expressions",
          "[reliability][differential]") {
  namespace d = gradus_test::differential;
  d::report r;
  d::check_all<1000, 4>(r, 4, std::make_index_sequence<GRADUS_TEST_DIFFERENTIAL_COUNT>{});
  std::cout << "differential A: " << r.types.size() << " distinct expression types, " << r.pairs
            << " (expression, point) pairs; worst relative errors: modes " << r.modes << ", FD gradient "
            << r.fd_gradient << ", FD Hessian " << r.fd_hessian << ", HVP " << r.hvp << "\n";
  CHECK(r.types.size() >= GRADUS_TEST_DIFFERENTIAL_COUNT * 9 / 10);
  CHECK_FALSE(r.non_finite);
  CHECK_FALSE(r.asymmetric);
  CHECK(r.modes < 1e-12);
  CHECK(r.hvp < 1e-12);
  CHECK(r.fd_gradient < 1e-7);
  CHECK(r.fd_hessian < 1e-6);
}
