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
// The text itself is io.hpp's (the same in every locale); the sign goes where
// a '-' would go ("CAD +42,440.00"). Anything else in the braces is an error:
// at compile time where the format string is checked there (fmt::format with
// C++20, std::format), otherwise the library's format_error at run time.
#pragma once

#include <cstddef>
#include <string>

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

// Applies the sign and the padding of `spec` to io.hpp's text of a value.
inline std::string apply_format_spec(std::string text, const format_spec& spec, bool numeric) {
    if (numeric && spec.sign != '-') {
        // The sign goes where '-' would be: before the first digit.
        const std::size_t digit = text.find_first_of("0123456789");
        if (digit != std::string::npos && (digit == 0 || text[digit - 1] != '-'))
            text.insert(digit, 1, spec.sign);
    }
    std::size_t length = 0; // code points, not bytes
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++length;
    if (length >= spec.width)
        return text;
    const std::size_t pad = spec.width - length;
    const char align = spec.align != '\0' ? spec.align : (numeric ? '>' : '<');
    const std::size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    return std::string(before, spec.fill) + text + std::string(pad - before, spec.fill);
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

    // to_string is found by argument-dependent lookup in namespace tariff.
    template <class T, class FormatContext>
    auto format(const T& value, FormatContext& ctx) const {
        const std::string text = apply_format_spec(to_string(value), spec, Numeric);
        auto out = ctx.out();
        for (const char c : text)
            *out++ = c;
        return out;
    }
};

} // namespace tariff::detail
