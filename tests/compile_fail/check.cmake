# Compile-fail harness.
#
# Usage:
#   cmake -DCOMPILER=<c++ compiler> -DSOURCE=<case.cpp> -DINCLUDE_DIR=<repo>/include
#         [-DSTD_FLAG=-std=c++20] -P check.cmake
#
# The case file must contain at least one line
#     // expect-error: <CMake regex>
# (everything after "// expect-error: " up to the end of the line, surrounding
# whitespace stripped). If several such lines are present, the diagnostics must
# match every one of them. Note that CMake regexes have no \d, \s, {n}, (?:...);
# use [0-9], [ \t\n], explicit repetition and plain groups instead.
#
# The misuse must be guarded by `#ifdef TARIFF_MISUSE`, with a near-identical
# well-formed statement in the `#else` branch (the positive control).
#
#  1. compile without -DTARIFF_MISUSE -> must succeed (warnings are errors)
#  2. compile with    -DTARIFF_MISUSE -> must fail, and the combined
#     stdout+stderr must match every expect-error regex.

cmake_minimum_required(VERSION 3.23)

foreach(var IN ITEMS COMPILER SOURCE INCLUDE_DIR)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check.cmake: -D${var}=... is required")
    endif()
endforeach()
if(NOT DEFINED STD_FLAG)
    set(STD_FLAG "-std=c++20")
endif()
if(NOT EXISTS "${SOURCE}")
    message(FATAL_ERROR "check.cmake: source file '${SOURCE}' does not exist")
endif()

# --- Extract the expected-error regex(es) ----------------------------------
# Walk the file with string(FIND) instead of list operations so that regexes
# containing ';' or '[' survive untouched.
file(READ "${SOURCE}" _content)
set(_marker "// expect-error:")
string(LENGTH "${_marker}" _marker_len)
set(_regex_count 0)
while(TRUE)
    string(FIND "${_content}" "${_marker}" _pos)
    if(_pos EQUAL -1)
        break()
    endif()
    math(EXPR _start "${_pos} + ${_marker_len}")
    string(SUBSTRING "${_content}" ${_start} -1 _content)
    string(FIND "${_content}" "\n" _eol)
    string(SUBSTRING "${_content}" 0 ${_eol} _regex)
    string(STRIP "${_regex}" _regex)
    if(_regex STREQUAL "")
        message(FATAL_ERROR "check.cmake: empty '// expect-error:' line in ${SOURCE}")
    endif()
    set(_regex_${_regex_count} "${_regex}")
    math(EXPR _regex_count "${_regex_count} + 1")
    if(_eol EQUAL -1)
        break()
    endif()
    string(SUBSTRING "${_content}" ${_eol} -1 _content)
endwhile()
if(_regex_count EQUAL 0)
    message(FATAL_ERROR "check.cmake: no '// expect-error: <regex>' line found in ${SOURCE}")
endif()

# --- Compile helper ----------------------------------------------------------
set(_base_cmd
    "${CMAKE_COMMAND}" -E env LC_ALL=C
    "${COMPILER}")
if(NOT STD_FLAG STREQUAL "")
    list(APPEND _base_cmd "${STD_FLAG}")
endif()
list(APPEND _base_cmd
    -fsyntax-only -fdiagnostics-color=never
    -Wall -Wextra -Wpedantic -Werror
    "-I${INCLUDE_DIR}")

function(_tariff_compile out_result out_output)
    execute_process(
        COMMAND ${_base_cmd} ${ARGN} "${SOURCE}"
        RESULT_VARIABLE _result
        OUTPUT_VARIABLE _output
        ERROR_VARIABLE _output)
    set(${out_result} "${_result}" PARENT_SCOPE)
    set(${out_output} "${_output}" PARENT_SCOPE)
endfunction()

string(REPLACE ";" " " _pretty_cmd "${_base_cmd}")

# _tariff_fail(<reason> <detail>...): print the details verbatim, then fail with the
# short reason. message(FATAL_ERROR) re-wraps its text, which would mangle compiler
# output, so the details go through NOTICE. Each detail argument is read through
# ARGV<n>, so ';' in compiler output survives.
function(_tariff_fail reason)
    set(details "")
    math(EXPR last "${ARGC} - 1")
    foreach(i RANGE 1 ${last})
        string(APPEND details "${ARGV${i}}")
    endforeach()
    message(NOTICE "${details}")
    message(FATAL_ERROR "${reason}")
endfunction()

# --- 1. Positive control -------------------------------------------------------
_tariff_compile(_result _output)
if(NOT _result EQUAL 0)
    _tariff_fail("positive control failed to compile: ${SOURCE}"
        "positive control failed to compile: ${SOURCE}\n"
        "command: ${_pretty_cmd} ${SOURCE}\n"
        "result: ${_result}\n"
        "---- compiler output ----\n${_output}---- end of compiler output ----\n")
endif()

# --- 2. Misuse -----------------------------------------------------------------
_tariff_compile(_result _output -DTARIFF_MISUSE)
if(_result EQUAL 0)
    _tariff_fail("misuse compiled but must not: ${SOURCE}"
        "misuse compiled but must not: ${SOURCE}\n"
        "command: ${_pretty_cmd} -DTARIFF_MISUSE ${SOURCE}\n"
        "---- compiler output ----\n${_output}---- end of compiler output ----\n")
endif()

math(EXPR _last "${_regex_count} - 1")
foreach(_i RANGE ${_last})
    if(NOT _output MATCHES "${_regex_${_i}}")
        _tariff_fail("misuse diagnostics did not match the expected regex: ${SOURCE}"
            "misuse failed to compile as required, but its diagnostics did not match "
            "the expected regex\n"
            "source: ${SOURCE}\n"
            "expected regex: ${_regex_${_i}}\n"
            "command: ${_pretty_cmd} -DTARIFF_MISUSE ${SOURCE}\n"
            "---- compiler output ----\n${_output}---- end of compiler output ----\n")
    endif()
endforeach()

message(STATUS "OK: positive control compiles; misuse rejected with expected diagnostic")
