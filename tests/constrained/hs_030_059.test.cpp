// Hock–Schittkowski problems 30–59: each from its standard starting point to its known optimum.
#include "check.hpp"
#include "hs_problems_b.hpp"

TEST_CASE("Hock-Schittkowski problems 30-59") {
  SECTION("hs030") hs::check(hs::hs030());
  SECTION("hs031") hs::check(hs::hs031());
  SECTION("hs032") hs::check(hs::hs032());
  SECTION("hs033") hs::check(hs::hs033());
  SECTION("hs034") hs::check(hs::hs034());
  SECTION("hs035") hs::check(hs::hs035());
  SECTION("hs036") hs::check(hs::hs036());
  SECTION("hs037") hs::check(hs::hs037());
  SECTION("hs038") hs::check(hs::hs038());
  SECTION("hs039") hs::check(hs::hs039());
  SECTION("hs040") hs::check(hs::hs040());
  SECTION("hs042") hs::check(hs::hs042());
  SECTION("hs043") hs::check(hs::hs043());
  SECTION("hs044") hs::check(hs::hs044_local());
  SECTION("hs046") hs::check(hs::hs046());
  SECTION("hs048") hs::check(hs::hs048());
  SECTION("hs049") hs::check(hs::hs049());
  SECTION("hs050") hs::check(hs::hs050());
  SECTION("hs051") hs::check(hs::hs051());
  SECTION("hs052") hs::check(hs::hs052());
  SECTION("hs053") hs::check(hs::hs053());
  SECTION("hs056") hs::check(hs::hs056());
}
