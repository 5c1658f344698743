# Consumption tests: cmake -DMODE=<find_package|add_subdirectory|fetch_content|pkg_config>
#   -DTARIFF_SOURCE_DIR=<repo> -DWORK_DIR=<scratch> -DCXX=<compiler> -DGENERATOR=<gen> -P run.cmake
# Each builds the tiny project in tests/consume/<MODE>/ against tariff the way a
# user would, then runs it (it exits 0 only if the headline figure is right).
cmake_minimum_required(VERSION 3.23)
foreach(var MODE TARIFF_SOURCE_DIR WORK_DIR CXX GENERATOR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run.cmake: -D${var}=... is required")
    endif()
endforeach()
set(here "${CMAKE_CURRENT_LIST_DIR}")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(NOTICE "${out}\n${err}")
        string(REPLACE ";" " " shown "${ARGN}")
        message(FATAL_ERROR "failed (${rc}): ${shown}")
    endif()
endfunction()

set(prefix "${WORK_DIR}/prefix")
# The warnings a strict user builds with (issue: headers must stay silent in them).
set(strict_flags -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Werror)

if(MODE STREQUAL "strict_single_header")
    # The vendored single headers, included with plain -I.
    step(${CXX} -std=c++20 ${strict_flags} "-I${TARIFF_SOURCE_DIR}/single_include"
         "${here}/strict.cpp" -o "${WORK_DIR}/strict")
    step("${WORK_DIR}/strict")
    message(STATUS "${MODE}: built and ran the strict consumer")
    return()
endif()
if(MODE STREQUAL "find_package" OR MODE STREQUAL "pkg_config")
    # Install tariff alone (no tests, examples, benchmarks) into a scratch prefix.
    step(${CMAKE_COMMAND} -S "${TARIFF_SOURCE_DIR}" -B "${WORK_DIR}/tariff-build" -G "${GENERATOR}"
         -DCMAKE_CXX_COMPILER=${CXX} -DTARIFF_BUILD_TESTS=OFF -DTARIFF_BUILD_EXAMPLES=OFF
         -DTARIFF_BUILD_BENCHMARKS=OFF -DTARIFF_INSTALL=ON "-DCMAKE_INSTALL_PREFIX=${prefix}")
    step(${CMAKE_COMMAND} --install "${WORK_DIR}/tariff-build")
endif()

if(MODE STREQUAL "pkg_config")
    find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
    # tariff.pc is relocatable: move the installed tree and use it from there.
    file(REMOVE_RECURSE "${prefix}-moved")
    file(RENAME "${prefix}" "${prefix}-moved")
    set(prefix "${prefix}-moved")
    if(NOT EXISTS "${prefix}/share/doc/tariff/LICENSE")
        message(FATAL_ERROR "the license is not installed (share/doc/tariff/LICENSE)")
    endif()
    set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
    execute_process(COMMAND ${PKG_CONFIG} --cflags tariff RESULT_VARIABLE rc
                    OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "pkg-config does not know tariff")
    endif()
    if(cflags MATCHES "-std=")
        message(FATAL_ERROR "tariff.pc must not choose the language standard: ${cflags}")
    endif()
    separate_arguments(cflags UNIX_COMMAND "${cflags}")
    # The user chooses the standard (C++20 or newer); C++23 must stay C++23.
    step(${CXX} -std=c++20 ${cflags} "${here}/main.cpp" -o "${WORK_DIR}/consumer")
    step(${CXX} -std=c++2b ${cflags} "${here}/main.cpp" -o "${WORK_DIR}/consumer23")
    # A user's strict warnings, with the plain -I that pkg-config gives.
    step(${CXX} -std=c++20 ${strict_flags} ${cflags} "${here}/strict.cpp" -o "${WORK_DIR}/strict")
    step("${WORK_DIR}/strict")
else()
    step(${CMAKE_COMMAND} -S "${here}/${MODE}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
         -DCMAKE_CXX_COMPILER=${CXX} "-DCMAKE_PREFIX_PATH=${prefix}"
         "-DTARIFF_SOURCE_DIR=${TARIFF_SOURCE_DIR}")
    step(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
    set(consumer "${WORK_DIR}/build/consumer")
    if(MODE STREQUAL "system_headers")
        file(READ "${WORK_DIR}/build/compile_commands.json" commands)
        string(REGEX MATCH "-isystem [^ \"]*/include" system_include "${commands}")
        if(NOT system_include)
            message(FATAL_ERROR "TARIFF_SYSTEM_HEADERS=ON, but the consumer does not include "
                                "tariff with -isystem:\n${commands}")
        endif()
    endif()
    if(EXISTS "${WORK_DIR}/build/strict")
        step("${WORK_DIR}/build/strict")
    endif()
endif()
if(MODE STREQUAL "pkg_config")
    set(consumer "${WORK_DIR}/consumer")
endif()
step("${consumer}")
message(STATUS "${MODE}: built and ran a consumer")
