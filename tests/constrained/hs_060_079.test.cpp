// Hock–Schittkowski problems 60–79: each from its standard starting point to its known optimum.
#include "check.hpp"
#include "hs_problems_c.hpp"

TEST_CASE("Hock-Schittkowski problems 60-79") {
  SECTION("hs060") hs::check(hs::hs060());
  SECTION("hs061") hs::check(hs::hs061());
  SECTION("hs063") hs::check(hs::hs063());
  SECTION("hs064") hs::check(hs::hs064());
  SECTION("hs065") hs::check(hs::hs065());
  SECTION("hs066") hs::check(hs::hs066());
  SECTION("hs071") hs::check(hs::hs071());
  SECTION("hs072") hs::check(hs::hs072());
  SECTION("hs073") hs::check(hs::hs073());
  SECTION("hs076") hs::check(hs::hs076());
  SECTION("hs077") hs::check(hs::hs077());
  SECTION("hs078") hs::check(hs::hs078());
  SECTION("hs079") hs::check(hs::hs079());
}
