// tariff/detail/fixed_string.hpp: a string usable as a template argument,
// so that `struct THB : tariff::currency<"THB", 2> {};` declares a currency.
#pragma once

#include "../config.hpp"

#include <cstddef>
#include <string_view>

namespace tariff::detail {

template <std::size_t N>
struct fixed_string {
    char chars[N]{};
    constexpr fixed_string(const char (&text)[N]) noexcept {
        for (std::size_t i = 0; i < N; ++i)
            chars[i] = text[i];
    }
    constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
    constexpr std::size_t size() const noexcept { return N - 1; }
};

} // namespace tariff::detail
