// tariff/schedule_io.hpp: the text of seasonal duties (seasonal.hpp) and duty
// templates (meursing.hpp): to_chars, chars_needed, to_string and operator<<,
// as to_chars.hpp and io.hpp give them for the other types. Opt-in, like
// io.hpp: <tariff/tariff.hpp> does not include it.
#pragma once

#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>

#include "meursing.hpp"
#include "seasonal.hpp"
#include "to_chars.hpp"

namespace tariff {

namespace detail {

template <class C, std::size_t N>
constexpr void write_text(char_sink& out, const seasonal_duty<C, N>& s) noexcept {
    const auto two = [&](int v) {
        out.put(static_cast<char>('0' + v / 10));
        out.put(static_cast<char>('0' + v % 10));
    };
    const auto day = [&](month_day d) {
        two(d.day());
        out.put(' ');
        out.put(month_names[d.month() - 1]);
    };
    if (s.duty_count() == 1 && s.season_count() == 1 && s.season_at(0) == season::whole_year()) {
        write_text(out, s.duty_at(0));
        return;
    }
    for (std::size_t k = 0; k < s.duty_count(); ++k) {
        if (k > 0)
            out.put(", ");
        write_text(out, s.duty_at(k));
        out.put(" (");
        bool first = true;
        for (std::size_t i = 0; i < s.season_count(); ++i) {
            if (s.duty_index_of(i) != k)
                continue;
            if (!first)
                out.put(", ");
            first = false;
            day(s.season_at(i).first);
            out.put('-');
            day(s.season_at(i).last);
        }
        out.put(')');
    }
}

} // namespace detail

// Canonical text: "8.5 % (01 JAN-31 MAY, 01 NOV-31 DEC), 12 % (01 JUN-31 OCT)"
// (a duty of the whole year: its expression alone); it parses back equal.
template <class C, std::size_t N>
constexpr std::to_chars_result to_chars(char* first, char* last,
                                        const seasonal_duty<C, N>& s) noexcept {
    detail::char_sink sink{first, static_cast<std::size_t>(last - first)};
    detail::write_text(sink, s);
    return detail::finish(first, last, sink);
}
template <class C, std::size_t N>
constexpr std::size_t chars_needed(const seasonal_duty<C, N>& s) noexcept {
    detail::char_sink sink{};
    detail::write_text(sink, s);
    return sink.size;
}
template <class C, std::size_t N>
std::string to_string(const seasonal_duty<C, N>& s) {
    std::string out(chars_needed(s), '\0');
    (void)to_chars(out.data(), out.data() + out.size(), s);
    return out;
}

// Canonical text: the expression's, placeholders by their code
// ("8.3 % + EA MAX 18.7 % + ADSZ"); it parses back equal.
template <class C>
constexpr std::to_chars_result to_chars(char* first, char* last,
                                        const duty_template<C>& t) noexcept {
    return to_chars(first, last, t.unresolved());
}
template <class C>
constexpr std::size_t chars_needed(const duty_template<C>& t) noexcept {
    return chars_needed(t.unresolved());
}
template <class C>
std::string to_string(const duty_template<C>& t) {
    std::string out(chars_needed(t), '\0');
    (void)to_chars(out.data(), out.data() + out.size(), t);
    return out;
}

template <class C, std::size_t N>
std::ostream& operator<<(std::ostream& os, const seasonal_duty<C, N>& s) {
    return os << to_string(s);
}
template <class C>
std::ostream& operator<<(std::ostream& os, const duty_template<C>& t) {
    return os << to_string(t);
}

} // namespace tariff
