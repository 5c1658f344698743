// tariff/hs_code.hpp: a validated Harmonized System code.
//
// 6 to 10 digits, optionally grouped by dots after the 4th, 6th and 8th digit
// as national schedules print them: "870380", "8703.80", "8703.80.00",
// "0406.40.20", "8703.80.0010". A constexpr hs_code from a bad literal does not
// compile, and the compiler names the problem; parse() reports it at run time
// with the position.
#pragma once

#include <cstddef>
#include <string_view>

#include "decimal.hpp"

namespace tariff {

namespace detail {
// Not constexpr: reaching one while checking a literal names the problem.
inline void error_hs_code_has_a_character_that_is_not_a_digit_or_dot() {}
inline void error_hs_code_must_have_6_to_10_digits() {}
inline void error_hs_code_dot_must_follow_digit_4_6_or_8() {}

enum class hs_problem : unsigned char { none, character, digit_count, dot_position };

struct hs_scan {
    char digits[10]{};
    std::size_t size = 0;
    hs_problem problem = hs_problem::none;
    std::size_t position = 0;
};

constexpr hs_scan scan_hs_code(std::string_view text) noexcept {
    hs_scan s;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            if (s.size == 10) {
                s.problem = hs_problem::digit_count;
                s.position = i;
                return s;
            }
            s.digits[s.size++] = ch;
        } else if (ch == '.') {
            const bool after_group = s.size == 4 || s.size == 6 || s.size == 8;
            if (!after_group || i + 1 >= text.size() || text[i + 1] == '.') {
                s.problem = hs_problem::dot_position;
                s.position = i;
                return s;
            }
        } else {
            s.problem = hs_problem::character;
            s.position = i;
            return s;
        }
    }
    if (s.size < 6) {
        s.problem = hs_problem::digit_count;
        s.position = text.size();
    }
    return s;
}
} // namespace detail

class hs_code {
public:
    // From a literal, checked at compile time: hs_code("8703.80.00").
    template <std::size_t N>
    consteval hs_code(const char (&text)[N]) {
        const auto s = detail::scan_hs_code(std::string_view(text, N - 1));
        switch (s.problem) {
        case detail::hs_problem::none:
            break;
        case detail::hs_problem::character:
            detail::error_hs_code_has_a_character_that_is_not_a_digit_or_dot();
            break;
        case detail::hs_problem::digit_count:
            detail::error_hs_code_must_have_6_to_10_digits();
            break;
        case detail::hs_problem::dot_position:
            detail::error_hs_code_dot_must_follow_digit_4_6_or_8();
            break;
        }
        assign(s);
    }

    // At run time: the code, or where and why the text is not one.
    // try_parse never throws; parse raises the error (tariff::domain_error,
    // errc::invalid_text, whose what() is the reason).
    static constexpr hs_code parse(std::string_view text) { return try_parse(text).value(); }
    static constexpr parse_result<hs_code> try_parse(std::string_view text) noexcept {
        const auto s = detail::scan_hs_code(text);
        hs_code code;
        if (s.problem == detail::hs_problem::none) {
            code.assign(s);
            return code;
        }
        const char* why = s.problem == detail::hs_problem::character
                              ? "an HS code has only digits and dots"
                          : s.problem == detail::hs_problem::digit_count
                              ? "an HS code has 6 to 10 digits"
                              : "a dot may only follow the 4th, 6th or 8th digit";
        return parse_error{errc::invalid_text, s.position, why};
    }

    // The digits without dots: "87038000" for 8703.80.00.
    constexpr std::string_view digits() const noexcept { return {digits_, size_}; }
    constexpr std::string_view chapter() const noexcept { return {digits_, 2}; }
    constexpr std::string_view heading() const noexcept { return {digits_, 4}; }
    constexpr std::string_view subheading() const noexcept { return {digits_, 6}; }
    // Whether this code is `prefix` or falls under it (8703.80.00 is under 8703).
    constexpr bool starts_with(std::string_view prefix_digits) const noexcept {
        return digits().substr(0, prefix_digits.size()) == prefix_digits;
    }

    friend constexpr bool operator==(const hs_code& a, const hs_code& b) noexcept {
        return a.digits() == b.digits();
    }

private:
    // A result holds an (empty) hs_code beside its error.
    template <class, class>
    friend class result;
    constexpr hs_code() noexcept = default;
    constexpr void assign(const detail::hs_scan& s) noexcept {
        for (std::size_t i = 0; i < s.size; ++i)
            digits_[i] = s.digits[i];
        size_ = s.size;
    }

    char digits_[10]{};
    std::size_t size_ = 0;
};

} // namespace tariff
