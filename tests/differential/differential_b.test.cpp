// Differential derivative suite, part B (see differential.hpp): 32 random expression
// types of depth 3 from seeds 50000 ..., each at 3 × 4 random points.
#include <catch2/catch.hpp>

#include "differential.hpp"

TEST_CASE("differential B: forward == reverse == symbolic == finite differences on random expressions",
          "[differential]") {
  gradus_test::differential::run_suite<50000, 3, 32>("B");
}
