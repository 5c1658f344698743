// tariff/io.hpp: text output as std::string and on streams (opt-in: the core
// headers do not include <ostream>).
//
// The text is to_chars.hpp's (the one formatting code path), the same in
// every locale: digits, '.', and ',' between groups of three in money ("CAD
// 42,440.00"). Money shows at least its currency's minor digits and more only
// when the exact amount has them ("CAD 2,440.00", "CAD 0.001"). Decimals print
// as stored ("2440.00000").
#pragma once

#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

// detail/format_spec.hpp is for fmt.hpp and format.hpp: included here so that
// the single header's io.hpp carries the one copy both formatters share.
#include "assessment.hpp"
#include "detail/format_spec.hpp"
#include "schedule_currency.hpp"
#include "to_chars.hpp"

namespace tariff {

namespace detail {

// The text of `value` (to_chars.hpp's, the one code path) as a std::string.
template <class T, class... Style>
std::string text_of(const T& value, Style... style) {
    std::string out(chars_needed(value, style...), '\0');
    (void)to_chars(out.data(), out.data() + out.size(), value, style...);
    return out;
}

// A format_decimal kept for the assessment's quantities: grouped, trimmed.
template <class R>
std::string format_decimal(basic_decimal<R> d, int min_places, bool trim, bool group) {
    char_sink count{};
    write_decimal(count, d, min_places, trim, group);
    std::string out(count.size, '\0');
    char_sink s{out.data(), out.size()};
    write_decimal(s, d, min_places, trim, group);
    return out;
}

} // namespace detail

template <class R>
std::string to_string(basic_decimal<R> d) {
    return detail::text_of(d);
}
template <class C, class R>
std::string to_string(basic_money<C, R> m) {
    return detail::text_of(m);
}
template <class U, class R>
std::string to_string(basic_quantity<U, R> q) {
    return detail::text_of(q);
}
inline std::string to_string(ad_valorem r) {
    return detail::text_of(r);
}
template <class C, class U, class R>
std::string to_string(const specific_rate<C, U, R>& r) {
    return detail::text_of(r);
}
// "2026-03-01".
inline std::string to_string(const date& d) {
    return detail::text_of(d);
}
// "8703.80.00": dots after the 4th, 6th and 8th digit.
inline std::string to_string(const hs_code& code) {
    return detail::text_of(code);
}
// "1 CAD = 0.73 USD".
template <class From, class To>
std::string to_string(const exchange_rate<From, To>& r) {
    return detail::text_of(r);
}

// Canonical text in EU notation: "245.5 % MIN CAD 5.33 / kg",
// "8.3 % + EUR 117.11 / 100 kg MAX 18.7 % + EUR 10.06 / 100 kg". MIN is a
// floor (the duty is at least), MAX a ceiling (at most).
//
// notation::canadian writes a duty as the Customs Tariff of Canada does:
// "245.5% but not less than $5.33/kg" ("$" for CAD; other currencies keep
// their code). Both texts parse back to the same expression (parse_duty).
template <class C, unsigned N, std::size_t K>
std::string to_string(const duty_expression<C, N, K>& e, notation style = notation::canonical) {
    return detail::text_of(e, style);
}

// operator<<: the same text, written from a buffer on the stack where its
// length has a bound (no std::string made).
namespace detail {
template <class T>
std::ostream& put_text(std::ostream& os, const T& value) {
    if constexpr (requires { max_chars<T>; }) {
        char buf[max_chars<T>];
        const auto r = to_chars(buf, buf + sizeof buf, value);
        return os.write(buf, r.ptr - buf);
    } else {
        return os << text_of(value);
    }
}
} // namespace detail

template <class R>
std::ostream& operator<<(std::ostream& os, basic_decimal<R> d) {
    return detail::put_text(os, d);
}
template <class C, class R>
std::ostream& operator<<(std::ostream& os, basic_money<C, R> m) {
    return detail::put_text(os, m);
}
template <class U, class R>
std::ostream& operator<<(std::ostream& os, basic_quantity<U, R> q) {
    return detail::put_text(os, q);
}
inline std::ostream& operator<<(std::ostream& os, ad_valorem r) {
    return detail::put_text(os, r);
}
template <class C, class U, class R>
std::ostream& operator<<(std::ostream& os, const specific_rate<C, U, R>& r) {
    return detail::put_text(os, r);
}
inline std::ostream& operator<<(std::ostream& os, const date& d) {
    return detail::put_text(os, d);
}
template <class C, unsigned N, std::size_t K>
std::ostream& operator<<(std::ostream& os, const duty_expression<C, N, K>& e) {
    return detail::put_text(os, e);
}
inline std::ostream& operator<<(std::ostream& os, const hs_code& code) {
    return detail::put_text(os, code);
}
template <class From, class To>
std::ostream& operator<<(std::ostream& os, const exchange_rate<From, To>& r) {
    return detail::put_text(os, r);
}

// --- assessments -----------------------------------------------------------------

namespace detail {

// Columns padded to their widest cell; numbers (alignment 'r') flush right.
inline std::string format_table(const std::vector<std::vector<std::string>>& rows,
                                const std::string& align, const std::string& indent) {
    std::vector<std::size_t> width(align.size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
            if (row[c].size() > width[c])
                width[c] = row[c].size();
    std::string out;
    for (const auto& row : rows) {
        std::string line = indent;
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
            const std::string pad(width[c] - row[c].size(), ' ');
            line += align[c] == 'r' ? pad + row[c] : row[c] + pad;
            if (c + 1 < row.size())
                line += "  ";
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + '\n';
    }
    return out;
}

} // namespace detail

// A breakdown someone who files customs entries can check line by line, in at
// most 100 columns where it can be: one row per component (its base, rate,
// amount, and whether a floor or ceiling applied), then under it the legal
// basis and, where rounding changed the amount, the exact figure. A rate too
// long for the row (an EU ceiling, say) moves under it as well.
template <class C>
std::string to_string(const assessment<C>& a, notation style = notation::canonical) {
    constexpr std::size_t max_columns = 100;
    const auto& p = a.policy();
    std::string out = "Assessment: " + std::string(a.path_name()) + '\n';
    out += "Value for duty: " + to_string(a.value());
    if (a.value_used() != a.value())
        out += " (used as " + to_string(a.value_used()) + ")";
    // Quantities, each in its dimension's base unit (a qualified one with its
    // name: "10 kg drained weight").
    for (const declared_quantity& q : a.base()) {
        std::string_view symbol = q.base_symbol();
        if (symbol.empty())
            symbol = detail::library_base_symbol(q.dimension_bit());
        out += "; " + detail::format_decimal(q.amount(), 0, true, true);
        if (!symbol.empty())
            out += ' ' + std::string(symbol);
        if (!q.qualifier().empty())
            out += ' ' + std::string(q.qualifier());
    }
    out += '\n';
    out += std::string("Rounding: ") + to_string(p.mode) + " to " + to_string(p.granularity) +
           (p.stage == rounding_stage::each_component ? ", each component" : ", totals only");
    if (p.value_granularity != money<C>{})
        out += "; value first rounded to " + to_string(p.value_granularity);
    out += '\n';

    struct row {
        std::string name, base, rate, amount, note, legal_basis, exact;
    };
    std::vector<row> rows;
    bool relief = false, bound = false;
    for (const auto& line : a) {
        row r{std::string(line.name),
              to_string(line.base),
              to_string(line.rate.expression(), style),
              to_string(line.rounded),
              {},
              std::string(line.legal_basis),
              {}};
        if (line.relieved)
            r.note = "de minimis: relieved";
        if (line.floor_applied)
            r.note = "minimum applies";
        if (line.ceiling_applied)
            r.note = r.note.empty() ? "maximum applies" : r.note + ", maximum applies";
        relief = relief || line.relieved;
        bound = bound || line.floor_applied || line.ceiling_applied;
        if (line.exact != line.rounded)
            r.exact = to_string(line.exact);
        rows.push_back(std::move(r));
    }
    const std::string note_header = relief ? "note" : bound ? "floor/ceiling" : "";
    // The widest layout that fits: the legal basis and the rate in the row if
    // they fit, else under it.
    const auto render = [&](bool basis_in_row, bool rate_in_row) {
        std::vector<std::vector<std::string>> cells;
        std::string align;
        const auto add_row = [&](const std::string& name, const std::string& basis,
                                 const std::string& base, const std::string& rate,
                                 const std::string& amount, const std::string& note) {
            std::vector<std::string> r{name};
            if (basis_in_row)
                r.push_back(basis);
            r.push_back(base);
            if (rate_in_row)
                r.push_back(rate);
            r.push_back(amount);
            r.push_back(note);
            cells.push_back(std::move(r));
        };
        add_row("component", "legal basis", "base", "rate", "amount", note_header);
        for (const row& r : rows)
            add_row(r.name, r.legal_basis, r.base, r.rate, r.amount, r.note);
        align =
            std::string("l") + (basis_in_row ? "l" : "") + "r" + (rate_in_row ? "l" : "") + "rl";
        const std::string table = detail::format_table(cells, align, "  ");
        // Interleave each component's details under its row.
        std::string result;
        std::size_t start = 0, index = 0;
        while (start < table.size()) {
            const std::size_t end = table.find('\n', start);
            result += table.substr(start, end - start + 1);
            if (index > 0) {
                const row& r = rows[index - 1];
                if (!rate_in_row)
                    result += "      rate: " + r.rate + '\n';
                if (!basis_in_row && !r.legal_basis.empty())
                    result += "      legal basis: " + r.legal_basis + '\n';
                if (!r.exact.empty())
                    result += "      exact: " + r.exact + '\n';
            }
            start = end + 1;
            ++index;
        }
        return result;
    };
    const auto widest = [](const std::string& text) {
        std::size_t most = 0, start = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            std::size_t columns = 0; // code points
            for (std::size_t i = start; i < end; ++i)
                if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
                    ++columns;
            most = columns > most ? columns : most;
            start = end + 1;
        }
        return most;
    };
    std::string body = render(true, true);
    if (widest(body) > max_columns)
        body = render(false, true);
    if (widest(body) > max_columns)
        body = render(false, false);
    out += body;
    out += "Duties " + to_string(a.duties()) + "; taxes " + to_string(a.taxes()) + "; total " +
           to_string(a.total()) + '\n';
    return out;
}

template <class C>
std::ostream& operator<<(std::ostream& os, const assessment<C>& a) {
    return os << to_string(a);
}

// A conversion: "EUR -> GBP: divided by 1.1757, half_even to GBP 0.01".
template <class From, class To>
std::string to_string(const currency_conversion<From, To>& c) {
    return std::string(From::code) + " -> " + std::string(To::code) + ": " +
           (c.direction() == conversion_direction::multiply ? "multiplied by " : "divided by ") +
           to_string(c.rate()) + ", " + to_string(c.mode()) + " to " + to_string(c.granularity());
}
template <class From, class To>
std::ostream& operator<<(std::ostream& os, const currency_conversion<From, To>& c) {
    return os << to_string(c);
}

// An entry converted and assessed: the declared value, its conversion, then
// the assessment of the converted entry.
//   Declared value: EUR 12,000.00 = GBP 10,206.69 (EUR -> GBP: divided by 1.1757, ...)
template <class From, class To>
std::string to_string(const converted_assessment<From, To>& a,
                      notation style = notation::canonical) {
    return "Declared value: " + to_string(a.declared_value) + " = " + to_string(a.converted_value) +
           " (" + to_string(a.conversion) + ")\n" + to_string(a.assessed, style);
}
template <class From, class To>
std::ostream& operator<<(std::ostream& os, const converted_assessment<From, To>& a) {
    return os << to_string(a);
}

} // namespace tariff
