// Hock–Schittkowski problems 60–119: each from its standard starting point to its known optimum.
#include "check.hpp"
#include "hs_problems_c.hpp"

TEST_CASE("Hock-Schittkowski problems 60-119") {
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
  SECTION("hs080") hs::check(hs::hs080());
  SECTION("hs081") hs::check(hs::hs081());
  SECTION("hs083") hs::check(hs::hs083());
  SECTION("hs093") hs::check(hs::hs093());
  SECTION("hs100") hs::check(hs::hs100());
  SECTION("hs104") hs::check(hs::hs104());
  SECTION("hs108") hs::check(hs::hs108());
  SECTION("hs113") hs::check(hs::hs113());
}
