// tariff/config.hpp: what the library requires of the compiler. Every header
// includes it first (through error.hpp, rounding.hpp, version.hpp or
// detail/fixed_string.hpp), so a wrong language mode is reported once, first.
#pragma once

#if !defined(__cplusplus) ||                                                                       \
    (__cplusplus < 202002L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 202002L))
#error                                                                                             \
    "tariff requires C++20: compile with -std=c++20 or newer (CMake: target_compile_features(... cxx_std_20), which linking tariff::tariff already adds)."
// Stop here rather than bury that line under the errors of every C++20 construct
// that follows: a missing header ends compilation in GCC and Clang.
#include <tariff_requires_cxx20_see_the_error_above>
#endif
