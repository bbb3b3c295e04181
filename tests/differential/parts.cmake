# The differential derivative suite's translation units: differential_part.cpp.in instantiated
# once per part, each part checking a consecutive range of seeds (one random expression type per
# seed). Two tiers:
#   CI (default):  GRADUS_DIFFERENTIAL_TYPES distinct types;
#   full:          -DGRADUS_DIFFERENTIAL_FULL=ON (make test-differential), at least 2000 types.
# A few more seeds than types are generated, since the simplifier folds some seeds into one type;
# the test requires the distinct count (typeid names) to reach the number asked for.
set(GRADUS_DIFFERENTIAL_TYPES 80 CACHE STRING
    "Distinct random expression types the differential derivative suite checks (CI tier)")
option(GRADUS_DIFFERENTIAL_FULL "Differential derivative suite: full tier, at least 2000 expression types" OFF)

set(types ${GRADUS_DIFFERENTIAL_TYPES})
if(GRADUS_DIFFERENTIAL_FULL AND types LESS 2000)
  set(types 2000)
endif()
math(EXPR seeds "${types} + ${types} / 6 + 4")  # ~11% of seeds repeat a type (full tier: 1897 of 2129)
math(EXPR parts "(${seeds} + 59) / 60")  # about 60 types, a minute of compile, per part
set(first 1000)
set(sources)
foreach(part RANGE 1 ${parts})
  math(EXPR count "(${seeds} * ${part}) / ${parts} - (${seeds} * (${part} - 1)) / ${parts}")
  set(FIRST ${first})
  set(COUNT ${count})
  set(PART ${part})
  set(src ${CMAKE_CURRENT_BINARY_DIR}/differential/part_${part}.cpp)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/differential_part.cpp.in ${src} @ONLY)
  list(APPEND sources ${src})
  math(EXPR first "${first} + ${count}")
endforeach()

target_sources(gradus_differential_tests PRIVATE ${sources})
target_include_directories(gradus_differential_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
# Plain (not forced) inlining in the engine: the same results for about a quarter less compile time.
target_compile_definitions(gradus_differential_tests PRIVATE
  GRADUS_DIFFERENTIAL_TYPES=${types} GRADUS_DIFFERENTIAL_PARTS=${parts}
  "GRADUS_INLINE=inline" "GRADUS_LAMBDA_INLINE=")
