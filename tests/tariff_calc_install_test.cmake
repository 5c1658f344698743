# tariff-calc is installed by `cmake --install`, as a user would install it:
#   cmake -DBUILD_DIR=<build tree> -DPREFIX=<scratch> -DSOURCE_DIR=<repo> -P tariff_calc_install_test.cmake
# installs the build tree into a scratch prefix, then runs <prefix>/bin/tariff-calc:
# --version must print "tariff-calc MAJOR.MINOR.PATCH" as include/tariff/version.hpp
# defines it, --help must succeed, and the installed program must assess the sample.
cmake_minimum_required(VERSION 3.23)
foreach(var BUILD_DIR PREFIX SOURCE_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "tariff_calc_install_test.cmake: -D${var}=... is required")
    endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}\n${err}")
endif()
set(program "${PREFIX}/bin/tariff-calc")
if(NOT EXISTS "${program}")
    message(FATAL_ERROR "cmake --install did not install bin/tariff-calc:\n${out}")
endif()

# The version, read from the header (not from the program or CMake's project()).
file(STRINGS "${SOURCE_DIR}/include/tariff/version.hpp" lines
     REGEX "^#define TARIFF_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
foreach(part MAJOR MINOR PATCH)
    string(REGEX REPLACE ".*#define TARIFF_VERSION_${part} ([0-9]+).*" "\\1" ${part} "${lines}")
endforeach()
set(want "tariff-calc ${MAJOR}.${MINOR}.${PATCH}\n")

execute_process(COMMAND "${program}" --version RESULT_VARIABLE rc OUTPUT_VARIABLE got)
if(NOT rc EQUAL 0 OR NOT got STREQUAL want)
    message(FATAL_ERROR "${program} --version: exit ${rc}, printed '${got}', expected '${want}'")
endif()
execute_process(COMMAND "${program}" --help RESULT_VARIABLE rc OUTPUT_VARIABLE got)
if(NOT rc EQUAL 0 OR NOT got MATCHES "^usage: tariff-calc")
    message(FATAL_ERROR "${program} --help: exit ${rc}")
endif()
# The sample has 13 bad rows on purpose: status 1 (docs/tariff-calc.md).
set(data "${SOURCE_DIR}/examples/data")
execute_process(COMMAND "${program}" --schedule "${data}/ev_schedule.csv" --rates "${data}/ev_rates.csv"
                        --entries "${data}/ev_entries.csv" --format table
                RESULT_VARIABLE rc OUTPUT_VARIABLE got ERROR_QUIET)
if(NOT rc EQUAL 1 OR NOT got MATCHES "totals: 486 entries assessed, 13 rejected\n")
    message(FATAL_ERROR "${program} on the sample: exit ${rc} (expected 1 and 486 entries)")
endif()
message(STATUS "installed ${program}, which says ${want}")
