// Differential derivative suite, part A (see differential.hpp): 20 random expression
// types of depth 4 from seeds 1000 ..., each at 3 × 4 random points.
#include <catch2/catch.hpp>

#include "differential.hpp"

TEST_CASE("differential A: forward == reverse == symbolic == finite differences on random expressions",
          "[differential]") {
  gradus_test::differential::run_suite<1000, 4, 20>("A");
}
