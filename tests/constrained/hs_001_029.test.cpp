// Hock–Schittkowski problems 1–29: each from its standard starting point to its known optimum.
#include "check.hpp"
#include "hs_problems_a.hpp"

TEST_CASE("Hock-Schittkowski problems 1-29") {
  SECTION("hs001") hs::check(hs::hs001());
  SECTION("hs002_local") hs::check(hs::hs002_local());
  SECTION("hs003") hs::check(hs::hs003());
  SECTION("hs004") hs::check(hs::hs004());
  SECTION("hs005") hs::check(hs::hs005());
  SECTION("hs006") hs::check(hs::hs006());
  SECTION("hs007") hs::check(hs::hs007());
  SECTION("hs009") hs::check(hs::hs009());
  SECTION("hs010") hs::check(hs::hs010());
  SECTION("hs011") hs::check(hs::hs011());
  SECTION("hs012") hs::check(hs::hs012());
  SECTION("hs014") hs::check(hs::hs014());
  SECTION("hs015") hs::check(hs::hs015());
  SECTION("hs016") hs::check(hs::hs016());
  SECTION("hs017") hs::check(hs::hs017());
  SECTION("hs018") hs::check(hs::hs018());
  SECTION("hs019") hs::check(hs::hs019());
  SECTION("hs021") hs::check(hs::hs021());
  SECTION("hs022") hs::check(hs::hs022());
  SECTION("hs023") hs::check(hs::hs023());
  SECTION("hs024") hs::check(hs::hs024());
  SECTION("hs026") hs::check(hs::hs026());
  SECTION("hs027") hs::check(hs::hs027());
  SECTION("hs028") hs::check(hs::hs028());
  SECTION("hs029") hs::check(hs::hs029());
}
