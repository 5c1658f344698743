# Compiles cxx17.cpp with -std=c++17 and checks that it fails with the library's
# "tariff requires C++20" line, in at most 20 lines of compiler output.
# Arguments: -DCOMPILER=... -DINCLUDE_DIR=... -DSOURCE=...
set(ENV{LC_ALL} C)
execute_process(
    COMMAND "${COMPILER}" -std=c++17 "-I${INCLUDE_DIR}" -fsyntax-only "${SOURCE}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(rc EQUAL 0)
    message(FATAL_ERROR "tariff.hpp compiled with -std=c++17 but must not")
endif()
if(NOT all MATCHES "error: (#error )?\"tariff requires C\\+\\+20: compile with -std=c\\+\\+20 or newer")
    message(FATAL_ERROR "the first error is not the library's C++20 requirement:\n${all}")
endif()
string(REGEX MATCHALL "\n" newlines "${all}")
list(LENGTH newlines lines)
if(lines GREATER 20)
    message(FATAL_ERROR "${lines} lines of diagnostics for -std=c++17 (at most 20 wanted):\n${all}")
endif()
message(STATUS "-std=c++17: rejected with the library's message in ${lines} lines")
