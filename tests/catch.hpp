// Catch2 v2/v3 compatibility shim. Tests include this as `#include "catch.hpp"`.
#pragma once

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp> // Catch2 v3
#else
#include <catch2/catch.hpp> // Catch2 v2 (single header)
#endif
