# Run a program and compare its standard output with an expected-output file.
#
# Usage:
#   cmake -DPROGRAM=<executable> -DEXPECTED=<file.expected> -P run_and_compare.cmake
#
# The test fails if the program exits non-zero or if its stdout differs from the
# contents of EXPECTED in any byte (including trailing newlines). stderr is passed
# through untouched and is not compared.

cmake_minimum_required(VERSION 3.23)

foreach(var IN ITEMS PROGRAM EXPECTED)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "run_and_compare.cmake: -D${var}=... is required")
    endif()
endforeach()
if(NOT EXISTS "${EXPECTED}")
    message(FATAL_ERROR "run_and_compare.cmake: expected-output file '${EXPECTED}' not found")
endif()

execute_process(
    COMMAND "${PROGRAM}"
    RESULT_VARIABLE _result
    OUTPUT_VARIABLE _actual)

if(NOT _result EQUAL 0)
    message(NOTICE "---- stdout ----\n${_actual}---- end of stdout ----")
    message(FATAL_ERROR "${PROGRAM} exited with '${_result}'")
endif()

file(READ "${EXPECTED}" _expected)
if(_actual STREQUAL _expected)
    message(STATUS "OK: output of ${PROGRAM} matches ${EXPECTED}")
    return()
endif()

# --- Mismatch: explain it ------------------------------------------------------
# Locate the first differing line (walking with string(FIND) so that ';' and
# '[' in the output cannot confuse CMake's list handling).
set(_a "${_actual}")
set(_e "${_expected}")
set(_line 1)
set(_a_line "")
set(_e_line "")
while(TRUE)
    string(FIND "${_a}" "\n" _a_eol)
    string(FIND "${_e}" "\n" _e_eol)
    string(SUBSTRING "${_a}" 0 ${_a_eol} _a_line)
    string(SUBSTRING "${_e}" 0 ${_e_eol} _e_line)
    if(NOT _a_line STREQUAL _e_line OR _a_eol EQUAL -1 OR _e_eol EQUAL -1)
        break()
    endif()
    math(EXPR _a_eol "${_a_eol} + 1")
    math(EXPR _e_eol "${_e_eol} + 1")
    string(SUBSTRING "${_a}" ${_a_eol} -1 _a)
    string(SUBSTRING "${_e}" ${_e_eol} -1 _e)
    math(EXPR _line "${_line} + 1")
endwhile()
if(_a_line STREQUAL _e_line)
    # Same text on this line: the difference is a missing/extra trailing newline.
    set(_detail "line ${_line} differs only in its line ending / trailing newline")
else()
    string(CONCAT _detail
        "first difference at line ${_line}:\n"
        "  expected: \"${_e_line}\"\n"
        "  actual:   \"${_a_line}\"")
endif()

string(LENGTH "${_expected}" _e_len)
string(LENGTH "${_actual}" _a_len)

# A unified diff is friendlier when `diff` is available.
set(_diff "")
find_program(_diff_exe diff)
if(_diff_exe)
    string(RANDOM LENGTH 8 _tag)
    set(_tmp "${CMAKE_CURRENT_BINARY_DIR}/run_and_compare_actual_${_tag}.txt")
    file(WRITE "${_tmp}" "${_actual}")
    execute_process(
        COMMAND "${_diff_exe}" -u --label expected --label actual "${EXPECTED}" "${_tmp}"
        OUTPUT_VARIABLE _diff
        ERROR_VARIABLE _diff)
    file(REMOVE "${_tmp}")
    set(_diff "---- diff -u expected actual ----\n${_diff}")
endif()

# message(FATAL_ERROR) re-wraps its text, so print the details verbatim first.
message(NOTICE
    "output of ${PROGRAM} does not match ${EXPECTED}\n"
    "${_detail}\n"
    "(expected ${_e_len} bytes, got ${_a_len} bytes)\n"
    "${_diff}"
    "---- expected ----\n${_expected}---- end of expected ----\n"
    "---- actual ----\n${_actual}---- end of actual ----")
message(FATAL_ERROR "output of ${PROGRAM} does not match ${EXPECTED}")
