// tariff/detail/format_spec.hpp: the format specification that tariff/fmt.hpp
// and tariff/format.hpp accept, written once for both libraries.
//
//     {:[[fill]align][sign][width]}
//
//   fill   any single character except '{' and '}' (ASCII; default ' ')
//   align  '<' left, '>' right, '^' centre (default: '>' for numbers, '<' for text)
//   sign   '+' a sign on every number, ' ' a space where '+' would be, '-' only
//          on negatives (the default); numbers only (decimal, money, quantity,
//          rates), not expressions, dates, HS codes or assessments
//   width  the minimum width in characters (code points of the UTF-8 text)
//
// The text itself is to_chars' (tariff/to_chars.hpp, the same in every locale); the sign goes where
// a '-' would go ("CAD +42,440.00"). Anything else in the braces is an error:
// at compile time where the format string is checked there (fmt::format with
// C++20, std::format), otherwise the library's format_error at run time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "../to_chars.hpp"

namespace tariff::detail {

struct format_spec {
    char fill = ' ';
    char align = '\0'; // '\0': the type's default
    char sign = '-';
    std::size_t width = 0;
};

// Parses [[fill]align][sign][width] up to '}'. Error is the library's exception
// type (fmt::format_error or std::format_error); a throw in constant evaluation
// makes a checked format string fail to compile.
template <class Error, bool Numeric, class ParseContext>
constexpr auto parse_format_spec(ParseContext& ctx, format_spec& spec) {
    auto it = ctx.begin();
    const auto end = ctx.end();
    const auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
    if (it == end || *it == '}')
        return it;
    // [[fill]align]
    auto next = it;
    ++next;
    if (next != end && is_align(static_cast<char>(*next)) && *it != '{' && *it != '}') {
        if (static_cast<unsigned char>(*it) >= 0x80)
            throw Error("tariff: the fill character must be ASCII");
        spec.fill = static_cast<char>(*it);
        spec.align = static_cast<char>(*next);
        it = ++next;
    } else if (is_align(static_cast<char>(*it))) {
        spec.align = static_cast<char>(*it);
        ++it;
    }
    // [sign]
    if (it != end && (*it == '+' || *it == '-' || *it == ' ')) {
        if (!Numeric)
            throw Error("tariff: a sign ('+', '-', ' ') applies to numbers only");
        spec.sign = static_cast<char>(*it);
        ++it;
    }
    // [width]
    if (it != end && *it == '0')
        throw Error("tariff: zero padding is not supported; use a fill character, e.g. {:0>12}");
    while (it != end && *it >= '0' && *it <= '9') {
        const std::size_t digit = static_cast<std::size_t>(*it - '0');
        if (spec.width > (std::size_t{1} << 20))
            throw Error("tariff: format width too large");
        spec.width = spec.width * 10 + digit;
        ++it;
    }
    if (it != end && *it != '}')
        throw Error("tariff: unsupported format specification (tariff accepts "
                    "[[fill]align][sign][width], e.g. {:>16} or {:*^20} or {:+})");
    return it;
}

// Writes `text` (to_chars' text of a value) to `out` with the sign and the
// padding of `spec`; no allocation.
template <class Out>
Out write_with_spec(Out out, std::string_view text, const format_spec& spec, bool numeric) {
    // The sign goes where '-' would be: before the first digit.
    std::size_t sign_at = std::string_view::npos;
    if (numeric && spec.sign != '-') {
        const std::size_t digit = text.find_first_of("0123456789");
        if (digit != std::string_view::npos && (digit == 0 || text[digit - 1] != '-'))
            sign_at = digit;
    }
    std::size_t length = sign_at != std::string_view::npos ? 1 : 0; // code points, not bytes
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++length;
    const std::size_t pad = length >= spec.width ? 0 : spec.width - length;
    const char align = spec.align != '\0' ? spec.align : (numeric ? '>' : '<');
    const std::size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    for (std::size_t i = 0; i < before; ++i)
        *out++ = spec.fill;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == sign_at)
            *out++ = spec.sign;
        *out++ = text[i];
    }
    for (std::size_t i = before; i < pad; ++i)
        *out++ = spec.fill;
    return out;
}

// One formatter for both libraries: Error is fmt::format_error or
// std::format_error; Numeric allows the sign.
template <class Error, bool Numeric>
struct spec_formatter {
    format_spec spec{};

    template <class ParseContext>
    constexpr auto parse(ParseContext& ctx) {
        return parse_format_spec<Error, Numeric>(ctx, spec);
    }

    // The text is to_chars' (tariff/to_chars.hpp): written into a buffer on
    // the stack where it fits (numbers, rates, dates, HS codes always do),
    // else into one string; an assessment's table is its to_string (io.hpp,
    // found by argument-dependent lookup in namespace tariff).
    template <class T, class FormatContext>
    auto format(const T& value, FormatContext& ctx) const {
        if constexpr (has_max_chars<T>) {
            char buf[max_chars<T>];
            const auto r = to_chars(buf, buf + sizeof buf, value);
            return write_with_spec(ctx.out(), std::string_view(buf, r.ptr), spec, Numeric);
        } else if constexpr (requires { chars_needed(value); }) {
            char buf[256];
            const auto r = to_chars(buf, buf + sizeof buf, value);
            if (r.ec == std::errc{})
                return write_with_spec(ctx.out(), std::string_view(buf, r.ptr), spec, Numeric);
            std::string text(chars_needed(value), '\0');
            (void)to_chars(text.data(), text.data() + text.size(), value);
            return write_with_spec(ctx.out(), text, spec, Numeric);
        } else {
            const std::string text = to_string(value);
            return write_with_spec(ctx.out(), text, spec, Numeric);
        }
    }
};

} // namespace tariff::detail
