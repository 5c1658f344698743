// tariff/fmt.hpp: {fmt} support (opt-in; needs the fmt library, e.g. Debian's
// libfmt-dev, and linking fmt::fmt). fmt::format("{}", 42'440.00_CAD) gives
// "CAD 42,440.00": io.hpp's text, the same in every locale.
#pragma once

// Without the fmt headers this provides nothing (so that the library's own
// header checks pass on machines without {fmt}).
#if __has_include(<fmt/format.h>)
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "io.hpp"

namespace tariff::detail {
// Formats anything io.hpp can print, ignoring format specifications beyond {}.
struct fmt_to_string_formatter {
    constexpr auto parse(fmt::format_parse_context& ctx) { return ctx.begin(); }
    template <class T, class Context>
    auto format(const T& value, Context& ctx) const {
        const std::string text = to_string(value);
        return std::copy(text.begin(), text.end(), ctx.out());
    }
};
}  // namespace tariff::detail

template <class R>
struct fmt::formatter<tariff::basic_decimal<R>> : tariff::detail::fmt_to_string_formatter {};
template <class C, class R>
struct fmt::formatter<tariff::basic_money<C, R>> : tariff::detail::fmt_to_string_formatter {};
template <class U, class R>
struct fmt::formatter<tariff::basic_quantity<U, R>> : tariff::detail::fmt_to_string_formatter {};
template <>
struct fmt::formatter<tariff::ad_valorem> : tariff::detail::fmt_to_string_formatter {};
template <class C, class U, class R>
struct fmt::formatter<tariff::specific_rate<C, U, R>> : tariff::detail::fmt_to_string_formatter {};
template <class C, unsigned N>
struct fmt::formatter<tariff::duty_expression<C, N>> : tariff::detail::fmt_to_string_formatter {};
template <class C>
struct fmt::formatter<tariff::assessment<C>> : tariff::detail::fmt_to_string_formatter {};
template <>
struct fmt::formatter<tariff::hs_code> : tariff::detail::fmt_to_string_formatter {};
template <>
struct fmt::formatter<tariff::date> : tariff::detail::fmt_to_string_formatter {};
#endif
