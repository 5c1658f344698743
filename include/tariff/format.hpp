// tariff/format.hpp: std::format support (opt-in), where the standard library
// has <format> (__cpp_lib_format). The text is io.hpp's to_string: the same
// in every locale ("CAD 42,440.00"). Where <format> is missing (GCC 12 and
// Clang 14 with libstdc++ 12 among them) this header provides nothing; use
// io.hpp, or fmt.hpp with the {fmt} library.
#pragma once

#include "io.hpp"

#if defined(__has_include)
#if __has_include(<version>)
#include <version>
#endif
#endif

#if defined(__cpp_lib_format)
#include <format>

namespace tariff::detail {
// Formats anything io.hpp can print, ignoring format specifications beyond {}.
struct to_string_formatter {
    constexpr auto parse(std::format_parse_context& ctx) { return ctx.begin(); }
    template <class T, class Context>
    auto format(const T& value, Context& ctx) const {
        return std::format_to(ctx.out(), "{}", to_string(value));
    }
};
}  // namespace tariff::detail

template <class R>
struct std::formatter<tariff::basic_decimal<R>> : tariff::detail::to_string_formatter {};
template <class C, class R>
struct std::formatter<tariff::basic_money<C, R>> : tariff::detail::to_string_formatter {};
template <class U, class R>
struct std::formatter<tariff::basic_quantity<U, R>> : tariff::detail::to_string_formatter {};
template <>
struct std::formatter<tariff::ad_valorem> : tariff::detail::to_string_formatter {};
template <class C, class U, class R>
struct std::formatter<tariff::specific_rate<C, U, R>> : tariff::detail::to_string_formatter {};
template <class C, unsigned N>
struct std::formatter<tariff::duty_expression<C, N>> : tariff::detail::to_string_formatter {};
template <class C>
struct std::formatter<tariff::assessment<C>> : tariff::detail::to_string_formatter {};
template <>
struct std::formatter<tariff::hs_code> : tariff::detail::to_string_formatter {};
template <>
struct std::formatter<tariff::date> : tariff::detail::to_string_formatter {};
#endif
