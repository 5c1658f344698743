// tariff/version.hpp: the library's version, the one source of truth
// (CMake reads it for the project version, the package files and tariff.pc).
#pragma once

#include "config.hpp"

#define TARIFF_VERSION_MAJOR 0
#define TARIFF_VERSION_MINOR 1
#define TARIFF_VERSION_PATCH 0
// MAJOR * 10000 + MINOR * 100 + PATCH
#define TARIFF_VERSION                                                                             \
    (TARIFF_VERSION_MAJOR * 10000 + TARIFF_VERSION_MINOR * 100 + TARIFF_VERSION_PATCH)

namespace tariff {
inline constexpr int version_major = TARIFF_VERSION_MAJOR;
inline constexpr int version_minor = TARIFF_VERSION_MINOR;
inline constexpr int version_patch = TARIFF_VERSION_PATCH;
} // namespace tariff
