// tariff/io.hpp: text output (opt-in: the core headers do not include <ostream>).
//
// Output is the same in every locale: digits, '.', and ',' between groups
// of three in money ("CAD 42,440.00"). Money shows at least its currency's
// minor digits and more only when the exact amount has them
// ("CAD 2,440.00", "CAD 0.001"). Decimals print as stored ("2440.00000").
#pragma once

#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "assessment.hpp"
#include "date.hpp"
#include "detail/format_spec.hpp"
#include "exchange.hpp"
#include "hs_code.hpp"
#include "rate.hpp"

namespace tariff {

// How a duty expression is written: canonical (EU style, "245.5 % MIN CAD
// 5.33 / kg") or as in Canada's Customs Tariff ("245.5% but not less than
// $5.33/kg").
enum class notation : unsigned char { canonical, canadian };

namespace detail {

// Appends the decimal digits of |v| (grouped by three if `group`).
template <class R>
void append_integer(std::string& out, R v, bool group) {
    char buf[48];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    } while (v != 0);
    for (int i = n - 1; i >= 0; --i) {
        out += buf[i];
        if (group && i > 0 && i % 3 == 0)
            out += ',';
    }
}

// coefficient * 10^-scale, with at least min_places and at most as many
// places as the exact value needs beyond that.
template <class R>
std::string format_decimal(basic_decimal<R> d, int min_places, bool trim, bool group) {
    R c = d.coefficient();
    int s = d.scale();
    if (trim)
        while (s > min_places && c % 10 == 0) {
            c /= 10;
            --s;
        }
    std::string out;
    if (c < 0)
        out += '-';
    R mag = magnitude(c);
    const R p = pow10<R>(s);
    append_integer(out, mag / p, group);
    if (s > 0 || min_places > 0) {
        out += '.';
        if (s > 0) { // a whole amount (100_CAD, scale 0) has no stored places to print
            std::string frac;
            append_integer(frac, mag % p, false);
            out.append(static_cast<std::size_t>(s) - frac.size(), '0');
            out += frac;
        }
        if (s < min_places)
            out.append(static_cast<std::size_t>(min_places - s), '0');
    }
    return out;
}

} // namespace detail

template <class R>
std::string to_string(basic_decimal<R> d) {
    return detail::format_decimal(d, 0, false, false);
}
template <class C, class R>
std::string to_string(basic_money<C, R> m) {
    return std::string(C::code) + ' ' +
           detail::format_decimal(m.amount(), C::minor_digits, true, true);
}
template <class U, class R>
std::string to_string(basic_quantity<U, R> q) {
    return detail::format_decimal(q.value(), 0, true, false) + ' ' + std::string(U::symbol);
}
inline std::string to_string(ad_valorem r) {
    return detail::format_decimal(r.percent(), 0, true, false) + " %";
}
template <class C, class U, class R>
std::string to_string(const specific_rate<C, U, R>& r) {
    return to_string(r.per_unit()) + " / " + std::string(U::symbol);
}

template <class R>
std::ostream& operator<<(std::ostream& os, basic_decimal<R> d) {
    return os << to_string(d);
}
template <class C, class R>
std::ostream& operator<<(std::ostream& os, basic_money<C, R> m) {
    return os << to_string(m);
}
template <class U, class R>
std::ostream& operator<<(std::ostream& os, basic_quantity<U, R> q) {
    return os << to_string(q);
}
inline std::ostream& operator<<(std::ostream& os, ad_valorem r) {
    return os << to_string(r);
}
template <class C, class U, class R>
std::ostream& operator<<(std::ostream& os, const specific_rate<C, U, R>& r) {
    return os << to_string(r);
}

// --- HS codes, exchange rates, duty expressions -------------------------------

// "2026-03-01".
inline std::string to_string(const date& d) {
    std::string out(10, '0');
    int y = d.year();
    for (int i = 3; i >= 0; --i, y /= 10)
        out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
    out[4] = out[7] = '-';
    out[5] = static_cast<char>('0' + d.month() / 10);
    out[6] = static_cast<char>('0' + d.month() % 10);
    out[8] = static_cast<char>('0' + d.day() / 10);
    out[9] = static_cast<char>('0' + d.day() % 10);
    return out;
}
inline std::ostream& operator<<(std::ostream& os, const date& d) {
    return os << to_string(d);
}

// "8703.80.00": dots after the 4th, 6th and 8th digit.
inline std::string to_string(const hs_code& code) {
    const std::string_view d = code.digits();
    std::string out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i == 4 || i == 6 || i == 8)
            out += '.';
        out += d[i];
    }
    return out;
}

template <class From, class To>
std::string to_string(const exchange_rate<From, To>& r) {
    return "1 " + std::string(From::code) + " = " + to_string(r.rate()) + ' ' +
           std::string(To::code);
}

namespace detail {

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

template <class C, unsigned N, std::size_t K>
std::string format_node(const duty_expression<C, N, K>& e, std::size_t i, notation style) {
    const duty_node& n = e.nodes()[i];
    const bool canadian = style == notation::canadian;
    // Canadian notation writes dollars as "$" (a CAD schedule); any other
    // currency keeps its code.
    const bool dollar_sign = canadian && std::string_view(C::code) == "CAD";
    const auto amount = [&](const auto& value) {
        const std::string digits = format_decimal(value, C::minor_digits, true, false);
        return dollar_sign ? "$" + digits : std::string(C::code) + ' ' + digits;
    };
    switch (n.kind) {
    case duty_kind::free:
        return "Free";
    case duty_kind::ad_valorem:
        return format_decimal(normalize(detail::multiply_ratio(n.amount(), 100, 1).value()), 0,
                              true, false) +
               (canadian ? "%" : " %");
    // Amounts without grouping commas, so that the text parses back.
    case duty_kind::specific:
        return amount(n.amount()) + (canadian ? "/" : " / ") + std::string(e.unit_of(n).symbol);
    case duty_kind::fixed:
        return amount(n.amount());
    default:
        break;
    }
    const int p = precedence(n.kind);
    std::string lhs = format_node(e, n.lhs, style);
    std::string rhs = format_node(e, n.rhs, style);
    // Left operand: parenthesise a looser operator. Right operand: also an
    // equal one (all are left-associative).
    if (precedence(e.nodes()[n.lhs].kind) < p)
        lhs = "(" + lhs + ")";
    if (precedence(e.nodes()[n.rhs].kind) <= p &&
        duty_expression<C, N, K>::is_operator(e.nodes()[n.rhs].kind))
        rhs = "(" + rhs + ")";
    const char* op = n.kind == duty_kind::sum          ? " + "
                     : n.kind == duty_kind::difference ? " - "
                     : n.kind == duty_kind::at_least ? (canadian ? " but not less than " : " MIN ")
                                                     : (canadian ? " but not more than " : " MAX ");
    return lhs + op + rhs;
}

} // namespace detail

// Canonical text in EU notation: "245.5 % MIN CAD 5.33 / kg",
// "8.3 % + EUR 117.11 / 100 kg MAX 18.7 % + EUR 10.06 / 100 kg". MIN is a
// floor (the duty is at least), MAX a ceiling (at most).
//
// notation::canadian writes a duty as the Customs Tariff of Canada does:
// "245.5% but not less than $5.33/kg" ("$" for CAD; other currencies keep
// their code). Both texts parse back to the same expression (parse_duty).
template <class C, unsigned N, std::size_t K>
std::string to_string(const duty_expression<C, N, K>& e, notation style = notation::canonical) {
    return detail::format_node(e, e.size() - 1, style);
}

template <class C, unsigned N, std::size_t K>
std::ostream& operator<<(std::ostream& os, const duty_expression<C, N, K>& e) {
    return os << to_string(e);
}
inline std::ostream& operator<<(std::ostream& os, const hs_code& code) {
    return os << to_string(code);
}
template <class From, class To>
std::ostream& operator<<(std::ostream& os, const exchange_rate<From, To>& r) {
    return os << to_string(r);
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
    // Quantities, each in its dimension's base unit.
    constexpr std::array<std::string_view, detail::dimension_count> base_symbol{
        "each", "kg", "l", "l alc. 100 %", "m2", "kWh"};
    for (std::size_t i = 0; i < detail::dimension_count; ++i)
        if (a.base().has(1u << i))
            out += "; " + detail::format_decimal(a.base().quantities()[i], 0, true, true) + ' ' +
                   std::string(base_symbol[i]);
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

} // namespace tariff
