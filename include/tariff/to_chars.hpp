// tariff/to_chars.hpp: text output into a caller's buffer (opt-in; no
// streams, no <string>, no heap). The one formatting code path: to_string,
// operator<< (io.hpp) and the {fmt} and std::format formatters (fmt.hpp,
// format.hpp) all write through these functions.
//
//     char buf[tariff::max_chars<money<CAD>>];
//     const auto r = tariff::to_chars(buf, buf + sizeof buf, 42'440.00_CAD);
//     // r.ec == std::errc{}, std::string_view(buf, r.ptr) == "CAD 42,440.00"
//
// Like std::to_chars: on success ec is std::errc{} and ptr is one past the
// last character written; if the text does not fit in [first, last), ec is
// std::errc::value_too_large, ptr is last, and nothing is written at or past
// last (the characters in [first, last) are then unspecified). No terminating
// '\0' is written. chars_needed(x) is the exact length of x's text;
// max_chars<T> the most any value of T needs (for the types whose text has a
// bound known at compile time: decimal, wide_decimal, money, quantities,
// rates, dates, HS codes).
//
// The text is the same in every locale: digits, '.', and ',' between groups
// of three in money ("CAD 42,440.00"). Money shows at least its currency's
// minor digits and more only when the exact amount has them ("CAD 0.001");
// decimals print as stored ("2440.00000"); quantities and rates without
// trailing zeros ("16.32 tonne", "6.1 %", "CAD 5.33 / kg"); duty expressions
// as parse_duty reads them back ("245.5 % MIN CAD 5.33 / kg").
#pragma once

#include <charconv> // std::to_chars_result, std::errc
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "date.hpp"
#include "exchange.hpp"
#include "expression.hpp"
#include "hs_code.hpp"
#include "rate.hpp"

namespace tariff {

// How a duty expression is written: canonical (EU style, "245.5 % MIN CAD
// 5.33 / kg") or as in Canada's Customs Tariff ("245.5% but not less than
// $5.33/kg").
enum class notation : unsigned char { canonical, canadian };

namespace detail {

// Where text goes: the caller's [first, first + capacity), counting every
// character, including those that do not fit (never written).
struct char_sink {
    char* first = nullptr;
    std::size_t capacity = 0;
    std::size_t size = 0;

    constexpr void put(char c) noexcept {
        if (size < capacity)
            first[size] = c;
        ++size;
    }
    constexpr void put(std::string_view s) noexcept {
        if (size <= capacity && s.size() <= capacity - size) {
            if (std::is_constant_evaluated())
                for (std::size_t i = 0; i < s.size(); ++i)
                    first[size + i] = s[i];
            else if (first != nullptr) // chars_needed counts into no buffer
                __builtin_memcpy(first + size, s.data(), s.size());
        }
        size += s.size();
    }
    constexpr void fill(char c, std::size_t n) noexcept {
        for (std::size_t i = 0; i < n; ++i)
            put(c);
    }
};

constexpr std::to_chars_result finish(char* first, char* last, const char_sink& s) noexcept {
    if (s.size > static_cast<std::size_t>(last - first))
        return {last, std::errc::value_too_large};
    return {first + s.size, std::errc{}};
}

// The number of decimal digits of the largest coefficient of R (19, 39).
template <class R>
constexpr int max_digits() noexcept {
    int n = 0;
    for (R v = rep_traits<R>::max; v != 0; v /= 10)
        ++n;
    return n;
}

// The most characters write_decimal writes for a basic_decimal<R>.
template <class R>
constexpr std::size_t decimal_chars_bound(int min_places, int shift, bool group) noexcept {
    const int d = max_digits<R>() + shift;
    const int s = rep_traits<R>::max_scale;
    const int digits = (d > s + 1 ? d : s + 1) + min_places;
    return static_cast<std::size_t>(1 /* sign */ + digits + (group ? (d - 1) / 3 : 0) +
                                    1 /* point */);
}

// "00", "01", ..., "99": two digits at a time.
inline constexpr char digit_pairs[] =
    "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546"
    "4748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293"
    "949596979899";

// Writes coefficient * 10^(shift - scale): '-' for a negative value, the
// integer digits (grouped by three with ',' if `group`), then '.' and the
// places: as stored, or without trailing zeros if `trim`, and at least
// min_places (a point only where there are places). shift = 2 writes a
// fraction as a percentage; `prefix` comes first. Pure digit work: nothing
// can overflow.
template <class R>
constexpr void write_decimal(char_sink& out, basic_decimal<R> d, int min_places, bool trim,
                             bool group, int shift = 0, std::string_view prefix = {}) noexcept {
    // The magnitude (the range is symmetric: never overflows), unsigned for
    // the 64-bit representation (a cheaper division by 10).
    using U = std::conditional_t<std::is_same_v<R, std::int64_t>, std::uint64_t, R>;
    U m = static_cast<U>(magnitude(d.coefficient()));
    int s = d.scale();
    if (trim)
        while (s > min_places && m % 10 == 0) {
            m /= 10;
            --s;
        }
    int places = s - shift; // digits after the point
    int zeros = 0;          // zeros after m's digits, before the point
    if (places < 0) {
        zeros = m == 0 ? 0 : -places;
        places = 0;
    }
    // Back to front: the places, the point, the integer digits, the sign,
    // and a short prefix (a currency code and a space) in the same buffer.
    constexpr std::size_t max_prefix = 8;
    char buf[decimal_chars_bound<R>(0, 2, true) + max_prefix];
    char* const end = buf + sizeof buf;
    char* q = end;
    // Two digits at a time where it can (one division by 100 for two
    // digits, the characters from a table).
    const auto pair = [&](U r) { // r < 100
        const auto k = static_cast<std::size_t>(r) * 2;
        q -= 2;
        q[0] = digit_pairs[k];
        q[1] = digit_pairs[k + 1];
    };
    int left = places;
    for (; left >= 2; left -= 2) {
        pair(m % 100);
        m /= 100;
    }
    if (left == 1) {
        *--q = static_cast<char>('0' + static_cast<int>(m % 10));
        m /= 10;
    }
    if (places > 0 || min_places > 0)
        *--q = '.';
    if (zeros == 0 && !group) {
        while (m >= 100) {
            pair(m % 100);
            m /= 100;
        }
        if (m >= 10)
            pair(m);
        else
            *--q = static_cast<char>('0' + static_cast<int>(m));
    } else if (zeros == 0) {
        while (m >= 1000) { // a group of three, then its comma
            const U r = m % 1000;
            m /= 1000;
            pair(r % 100);
            *--q = static_cast<char>('0' + static_cast<int>(r / 100));
            *--q = ',';
        }
        if (m >= 100) {
            pair(m % 100);
            *--q = static_cast<char>('0' + static_cast<int>(m / 100));
        } else if (m >= 10) {
            pair(m);
        } else {
            *--q = static_cast<char>('0' + static_cast<int>(m));
        }
    } else {
        int n = 0; // integer digits so far
        const auto digit = [&](char c) {
            if (group && n != 0 && n % 3 == 0)
                *--q = ',';
            *--q = c;
            ++n;
        };
        for (int i = 0; i < zeros; ++i)
            digit('0');
        do {
            digit(static_cast<char>('0' + static_cast<int>(m % 10)));
            m /= 10;
        } while (m != 0);
    }
    if (d.coefficient() < 0)
        *--q = '-';
    if (prefix.size() <= max_prefix) {
        for (std::size_t i = prefix.size(); i-- > 0;)
            *--q = prefix[i];
    } else {
        out.put(prefix);
    }
    out.put(std::string_view(q, static_cast<std::size_t>(end - q)));
    if (places < min_places)
        out.fill('0', static_cast<std::size_t>(min_places - places));
}

// What printing needs of a duty expression's node. This and print_root are
// the only functions that read an expression's layout.
struct printed_node {
    duty_kind kind;
    std::size_t lhs, rhs;         // operands (sum .. at_most)
    decimal amount;               // ad valorem: the fraction; specific, fixed: money
    std::string_view unit_symbol; // specific: the unit
    std::uint8_t denominator = 1; // ad valorem: the fraction is amount / denominator
    std::string_view base_name{}; // ad valorem: the named value it applies to ("case")
    bool if_any = false;          // ... ", if any"
};
template <class C, unsigned N, std::size_t K>
constexpr printed_node print_node_of(const duty_expression<C, N, K>& e, std::size_t i) noexcept {
    const duty_node& n = e.nodes()[i];
    printed_node p{n.kind, n.lhs, n.rhs, n.amount(),
                   n.kind == duty_kind::specific ? e.unit_of(n).symbol
                   : n.kind == duty_kind::placeholder
                       ? name_of(static_cast<duty_placeholder>(n.unit_index))
                       : std::string_view{}};
    if (n.kind == duty_kind::ad_valorem) {
        p.denominator = n.denominator();
        p.base_name = e.base_name_of(n);
        p.if_any = (n.base_flags & duty_node::base_if_any) != 0;
    }
    return p;
}

// A fractional percent, "33 1/3": amount * 100 / denominator as a whole
// number and a proper fraction (amount * 100 is whole for what the parser
// and ad_valorem_on with a whole percent build; otherwise the digits of
// amount * 100 are written over the denominator: "2.5/3").
constexpr void write_fractional_percent(char_sink& out, decimal amount,
                                        std::uint8_t denominator) noexcept {
    const auto hundred = multiply_ratio(amount, 100, 1);
    const decimal p = normalize(hundred.value_or({}));
    if (!hundred || p.scale() > 0) {
        write_decimal(out, p, 0, true, false);
        out.put('/');
        write_decimal(out, decimal::try_from_parts(denominator, 0).value_or({}), 0, true, false);
        return;
    }
    std::int64_t n = p.coefficient();
    for (int k = p.scale(); k < 0; ++k)
        n *= 10; // a whole number of at most 18 digits: fits
    write_decimal(out, decimal::try_from_parts(n / denominator, 0).value_or({}), 0, true, false);
    out.put(' ');
    write_decimal(out, decimal::try_from_parts(n % denominator, 0).value_or({}), 0, true, false);
    out.put('/');
    write_decimal(out, decimal::try_from_parts(denominator, 0).value_or({}), 0, true, false);
}
template <class C, unsigned N, std::size_t K>
constexpr std::size_t print_root(const duty_expression<C, N, K>& e) noexcept {
    return e.size() - 1;
}

// Precedence for printing: + and - bind tighter than MIN and MAX, which
// associate to the left: "a + b MIN c MAX d" is at_most(at_least(a + b, c), d).
constexpr int precedence(duty_kind k) noexcept {
    switch (k) {
    case duty_kind::at_least:
    case duty_kind::at_most:
        return 1;
    case duty_kind::sum:
    case duty_kind::difference:
        return 2;
    default:
        return 3;
    }
}
constexpr bool is_operator_kind(duty_kind k) noexcept {
    return precedence(k) < 3;
}

template <class C, unsigned N, std::size_t K>
constexpr void write_node(char_sink& out, const duty_expression<C, N, K>& e, std::size_t i,
                          notation style) noexcept {
    const printed_node n = print_node_of(e, i);
    const bool canadian = style == notation::canadian;
    // Canadian notation writes dollars as "$" (a CAD schedule); any other
    // currency keeps its code. Amounts have no grouping commas, so that the
    // text parses back.
    const bool dollar_sign = canadian && std::string_view(C::code) == "CAD";
    const auto amount = [&] {
        if (dollar_sign) {
            out.put('$');
        } else {
            out.put(std::string_view(C::code));
            out.put(' ');
        }
        write_decimal(out, n.amount, C::minor_digits, true, false);
    };
    switch (n.kind) {
    case duty_kind::free:
        out.put("Free");
        return;
    case duty_kind::ad_valorem:
        if (n.denominator != 1)
            write_fractional_percent(out, n.amount, n.denominator);
        else
            write_decimal(out, n.amount, 0, true, false, 2);
        out.put(canadian ? "%" : " %");
        if (!n.base_name.empty()) { // "45 % on the case"
            out.put(" on the ");
            out.put(n.base_name);
            if (n.if_any)
                out.put(", if any");
        }
        return;
    case duty_kind::specific:
        amount();
        out.put(canadian ? "/" : " / ");
        out.put(n.unit_symbol);
        return;
    case duty_kind::fixed:
        amount();
        return;
    case duty_kind::placeholder:
        out.put(n.unit_symbol); // the code: "EA"
        return;
    default:
        break;
    }
    const int p = precedence(n.kind);
    // Left operand: parenthesise a looser operator. Right operand: also an
    // equal one (all are left-associative).
    const bool paren_lhs = precedence(print_node_of(e, n.lhs).kind) < p;
    const duty_kind rk = print_node_of(e, n.rhs).kind;
    const bool paren_rhs = is_operator_kind(rk) && precedence(rk) <= p;
    if (paren_lhs)
        out.put('(');
    write_node(out, e, n.lhs, style);
    if (paren_lhs)
        out.put(')');
    out.put(n.kind == duty_kind::sum          ? " + "
            : n.kind == duty_kind::difference ? " - "
            : n.kind == duty_kind::at_least   ? (canadian ? " but not less than " : " MIN ")
                                              : (canadian ? " but not more than " : " MAX "));
    if (paren_rhs)
        out.put('(');
    write_node(out, e, n.rhs, style);
    if (paren_rhs)
        out.put(')');
}

// A currency's code followed by a space ("CAD ").
template <class C>
struct code_and_space_t {
    char text[std::string_view(C::code).size() + 1];
    constexpr code_and_space_t() noexcept : text{} {
        const std::string_view code = C::code;
        for (std::size_t i = 0; i < code.size(); ++i)
            text[i] = code[i];
        text[code.size()] = ' ';
    }
    constexpr std::string_view view() const noexcept { return {text, sizeof text}; }
};
template <class C>
inline constexpr code_and_space_t<C> code_and_space{};

// write_text(sink, x): the text of x, for every printable type.
template <class R>
constexpr void write_text(char_sink& out, basic_decimal<R> d) noexcept {
    write_decimal(out, d, 0, false, false);
}
template <class C, class R>
constexpr void write_text(char_sink& out, basic_money<C, R> m) noexcept {
    write_decimal(out, m.amount(), C::minor_digits, true, true, 0, code_and_space<C>.view());
}
template <class U, class R>
constexpr void write_text(char_sink& out, basic_quantity<U, R> q) noexcept {
    write_decimal(out, q.value(), 0, true, false);
    out.put(' ');
    out.put(std::string_view(U::symbol));
}
constexpr void write_text(char_sink& out, ad_valorem r) noexcept {
    write_decimal(out, r.fraction(), 0, true, false, 2);
    out.put(" %");
}
template <class C, class U, class R>
constexpr void write_text(char_sink& out, const specific_rate<C, U, R>& r) noexcept {
    write_text(out, r.per_unit());
    out.put(" / ");
    out.put(std::string_view(U::symbol));
}
constexpr void write_text(char_sink& out, const date& d) noexcept {
    char buf[10]{};
    int y = d.year();
    for (int i = 3; i >= 0; --i, y /= 10)
        buf[i] = static_cast<char>('0' + y % 10);
    buf[4] = buf[7] = '-';
    buf[5] = static_cast<char>('0' + d.month() / 10);
    buf[6] = static_cast<char>('0' + d.month() % 10);
    buf[8] = static_cast<char>('0' + d.day() / 10);
    buf[9] = static_cast<char>('0' + d.day() % 10);
    out.put(std::string_view(buf, 10));
}
// "8703.80.00": dots after the 4th, 6th and 8th digit.
constexpr void write_text(char_sink& out, const hs_code& code) noexcept {
    const std::string_view d = code.digits();
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i == 4 || i == 6 || i == 8)
            out.put('.');
        out.put(d[i]);
    }
}
template <class From, class To>
constexpr void write_text(char_sink& out, const exchange_rate<From, To>& r) noexcept {
    out.put("1 ");
    out.put(std::string_view(From::code));
    out.put(" = ");
    write_text(out, r.rate());
    out.put(' ');
    out.put(std::string_view(To::code));
}
template <class C, unsigned N, std::size_t K>
constexpr void write_text(char_sink& out, const duty_expression<C, N, K>& e,
                          notation style = notation::canonical) noexcept {
    write_node(out, e, print_root(e), style);
}

template <class T>
struct max_chars_of; // no compile-time bound (duty expressions: use chars_needed)
template <class R>
struct max_chars_of<basic_decimal<R>> {
    static constexpr std::size_t value = decimal_chars_bound<R>(0, 0, false);
};
template <class C, class R>
struct max_chars_of<basic_money<C, R>> {
    static constexpr std::size_t value =
        std::string_view(C::code).size() + 1 + decimal_chars_bound<R>(C::minor_digits, 0, true);
};
template <class U, class R>
struct max_chars_of<basic_quantity<U, R>> {
    static constexpr std::size_t value =
        decimal_chars_bound<R>(0, 0, false) + 1 + std::string_view(U::symbol).size();
};
template <>
struct max_chars_of<ad_valorem> {
    static constexpr std::size_t value = decimal_chars_bound<std::int64_t>(0, 2, false) + 2;
};
template <class C, class U, class R>
struct max_chars_of<specific_rate<C, U, R>> {
    static constexpr std::size_t value =
        max_chars_of<basic_money<C, R>>::value + 3 + std::string_view(U::symbol).size();
};
template <>
struct max_chars_of<date> {
    static constexpr std::size_t value = 10;
};
template <>
struct max_chars_of<hs_code> {
    static constexpr std::size_t value = 13; // 10 digits, 3 dots
};
template <class From, class To>
struct max_chars_of<exchange_rate<From, To>> {
    static constexpr std::size_t value = 2 + std::string_view(From::code).size() + 3 +
                                         max_chars_of<decimal>::value + 1 +
                                         std::string_view(To::code).size();
};

} // namespace detail

// The most characters to_chars writes for any value of T (a constant, for
// sizing a buffer; has_max_chars<T> says whether there is one): defined for decimal, wide_decimal,
// money, quantities, ad_valorem and specific rates, exchange rates, dates and HS codes. A duty
// expression's text depends on its unit symbols: use chars_needed(e).
template <class T>
concept has_max_chars = requires {
    detail::max_chars_of<T>::value;
};
template <has_max_chars T>
inline constexpr std::size_t max_chars = detail::max_chars_of<T>::value;

// Writes the text of `value` into [first, last). See the top of this header.
template <class T>
constexpr std::to_chars_result to_chars(char* first, char* last, const T& value) noexcept requires
    requires(detail::char_sink& s) {
    detail::write_text(s, value);
}
{
    detail::char_sink s{first, static_cast<std::size_t>(last - first)};
    detail::write_text(s, value);
    return detail::finish(first, last, s);
}
// A duty expression in the given notation (canonical: what to_chars(first,
// last, e) writes).
template <class C, unsigned N, std::size_t K>
constexpr std::to_chars_result to_chars(char* first, char* last, const duty_expression<C, N, K>& e,
                                        notation style) noexcept {
    detail::char_sink s{first, static_cast<std::size_t>(last - first)};
    detail::write_text(s, e, style);
    return detail::finish(first, last, s);
}

// The exact number of characters to_chars writes for `value`.
template <class T>
constexpr std::size_t chars_needed(const T& value) noexcept requires
    requires(detail::char_sink& s) {
    detail::write_text(s, value);
}
{
    detail::char_sink s{};
    detail::write_text(s, value);
    return s.size;
}
template <class C, unsigned N, std::size_t K>
constexpr std::size_t chars_needed(const duty_expression<C, N, K>& e, notation style) noexcept {
    detail::char_sink s{};
    detail::write_text(s, e, style);
    return s.size;
}

} // namespace tariff
