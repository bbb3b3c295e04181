// Hock–Schittkowski problems 80–119: each from its standard starting point to its known optimum.
#include "check.hpp"
#include "hs_problems_c.hpp"

TEST_CASE("Hock-Schittkowski problems 80-119") {
  SECTION("hs080") hs::check(hs::hs080());
  SECTION("hs081") hs::check(hs::hs081());
  SECTION("hs083") hs::check(hs::hs083());
  SECTION("hs093") hs::check(hs::hs093());
  SECTION("hs100") hs::check(hs::hs100());
  SECTION("hs104") hs::check(hs::hs104());
  SECTION("hs113") hs::check(hs::hs113());
}
