# What the test suite needs from the machine, looked up before anything else so
# that a missing package stops the configure step with one message naming every
# missing package (and the Debian package that provides it), not with CMake's
# generic "could not find a package configuration file" for the first of them.
#
# Defines: Catch2::Catch2WithMain (Catch2 v3 if installed, else v2; or Catch2 v3
# fetched when TARIFF_FETCH_CATCH2 is ON), Python3::Interpreter, fmt::fmt (when
# TARIFF_TEST_FMT is ON), Threads::Threads, PKG_CONFIG_EXECUTABLE.

option(TARIFF_FETCH_CATCH2
    "Fetch Catch2 v3 with FetchContent when it is not installed (needs network access)" OFF)
option(TARIFF_TEST_FMT "Test tariff/fmt.hpp (needs the {fmt} library)" ON)

set(_tariff_missing "")        # human-readable: "Catch2 (Debian: catch2)"
set(_tariff_missing_debian "") # package names for the apt-get line

find_package(Catch2 3 QUIET)
if(NOT Catch2_FOUND)
    find_package(Catch2 2 QUIET)
endif()
if(NOT Catch2_FOUND AND TARIFF_FETCH_CATCH2)
    include(FetchContent)
    message(STATUS "tariff: Catch2 not installed; fetching Catch2 v3.5.4")
    FetchContent_Declare(Catch2
        GIT_REPOSITORY https://github.com/catchorg/Catch2.git
        GIT_TAG v3.5.4
        GIT_SHALLOW TRUE)
    FetchContent_MakeAvailable(Catch2)
endif()
if(NOT TARGET Catch2::Catch2WithMain)
    list(APPEND _tariff_missing "Catch2 2.x or 3.x")
    list(APPEND _tariff_missing_debian catch2)
endif()

find_package(Python3 COMPONENTS Interpreter QUIET)
if(NOT Python3_Interpreter_FOUND)
    list(APPEND _tariff_missing "Python 3")
    list(APPEND _tariff_missing_debian python3)
endif()

if(TARIFF_TEST_FMT)
    find_package(fmt QUIET)
    if(NOT fmt_FOUND)
        list(APPEND _tariff_missing "the {fmt} library")
        list(APPEND _tariff_missing_debian libfmt-dev)
    endif()
endif()

find_program(PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
if(NOT PKG_CONFIG_EXECUTABLE)
    list(APPEND _tariff_missing "pkg-config")
    list(APPEND _tariff_missing_debian pkg-config)
endif()

find_package(Threads QUIET)
if(NOT Threads_FOUND)
    list(APPEND _tariff_missing "a threads library")
    list(APPEND _tariff_missing_debian libc6-dev)
endif()

if(_tariff_missing)
    list(JOIN _tariff_missing ", " _tariff_what)
    list(JOIN _tariff_missing_debian " " _tariff_pkgs)
    message(FATAL_ERROR
        "tariff: the test suite needs what this machine lacks: ${_tariff_what}.\n"
        "On Debian or Ubuntu install it with (as root, or with sudo)\n"
        "    apt-get install ${_tariff_pkgs}\n"
        "or configure with -DTARIFF_BUILD_TESTS=OFF (no tests), "
        "-DTARIFF_TEST_FMT=OFF (no {fmt} test), "
        "-DTARIFF_FETCH_CATCH2=ON (fetch Catch2 v3; needs network).")
endif()
unset(_tariff_missing)
unset(_tariff_missing_debian)
