# Compiles SOURCE (syntax only) and succeeds only if the compiler rejects it with the
# sentence named on the file's first line:  // expect: <regular expression>
file(STRINGS ${SOURCE} first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^// expect: (.+)$")
  message(FATAL_ERROR "${SOURCE}: first line must be '// expect: <regex>'")
endif()
set(expected "${CMAKE_MATCH_1}")
set(include_flags)
foreach(dir IN LISTS INCLUDES)
  list(APPEND include_flags "-I${dir}")
endforeach()
execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only ${include_flags} ${SOURCE}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but it must be rejected with: ${expected}")
endif()
if(NOT out MATCHES "${expected}")
  message(FATAL_ERROR "${SOURCE} was rejected, but without the expected sentence '${expected}'.\n"
                      "Compiler output:\n${out}")
endif()
string(LENGTH "${out}" n)
message(STATUS "rejected as expected (${n} characters of diagnostics)")
