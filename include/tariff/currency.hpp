// tariff/currency.hpp: currencies as compile-time tags.
//
// A currency is a type carrying its ISO 4217 code and the number of digits of
// its minor unit. Two amounts can be added only if their currency types are
// the same. To declare one the library lacks, write one line:
//
//     struct THB : tariff::currency<"THB", 2> {};
#pragma once

#include <concepts>
#include <cstddef>
#include <string_view>

#include "detail/fixed_string.hpp"

namespace tariff {

namespace detail {
// Every currency derives from this (through tariff::currency): a type that
// merely has `code` and `minor_digits` is not a currency.
struct currency_marker {};

template <std::size_t N>
constexpr bool is_iso_4217_code(const fixed_string<N>& code) noexcept {
    if (code.size() != 3)
        return false;
    for (std::size_t i = 0; i < 3; ++i)
        if (code.chars[i] < 'A' || code.chars[i] > 'Z')
            return false;
    return true;
}
} // namespace detail

template <detail::fixed_string Code, int MinorDigits>
struct currency : detail::currency_marker {
    static_assert(
        detail::is_iso_4217_code(Code),
        "tariff: an ISO 4217 currency code is three upper-case letters A-Z, like \"THB\"");
    static_assert(MinorDigits >= 0 && MinorDigits <= 4,
                  "tariff: ISO 4217 minor units have between 0 and 4 digits");
    static constexpr std::string_view code = Code.view();
    static constexpr int minor_digits = MinorDigits;
};

template <class C>
concept currency_tag = std::derived_from<C, detail::currency_marker> && requires {
    { C::code } -> std::convertible_to<std::string_view>;
    { C::minor_digits } -> std::convertible_to<int>;
};

// Minor-unit digits from ISO 4217.
struct AUD : currency<"AUD", 2> {};
struct CAD : currency<"CAD", 2> {};
struct CHF : currency<"CHF", 2> {};
struct CNY : currency<"CNY", 2> {};
struct EUR : currency<"EUR", 2> {};
struct GBP : currency<"GBP", 2> {};
struct IDR : currency<"IDR", 2> {};
struct INR : currency<"INR", 2> {};
struct JPY : currency<"JPY", 0> {};
struct KRW : currency<"KRW", 0> {};
struct KWD : currency<"KWD", 3> {};
struct MXN : currency<"MXN", 2> {};
struct USD : currency<"USD", 2> {};

} // namespace tariff
