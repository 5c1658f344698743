// tariff/value_bases.hpp: named value bases and fractional percents.
//
// One entry can carry several values: its customs value, and the values of
// named parts or of another valuation. The US tariff taxes a watch's movement
// per piece and its case, strap and battery each at its own rate:
//
//   "$2.25 each + 45% on the case + 80% on the strap, band or bracelet + 35% on the battery"
//
// and chapter 98 charges a share of a named amount ("50 percent of the cost
// of such goods or repairs", "1.5 percent of the fair retail value").
//
//   duty_base(USD 120.00).with_named_value("case", USD 40.00)    the entry's named values
//   on<"case">(45_pct)                                          a rate on one of them
//   duty_expression<USD>::ad_valorem_on(numerator, denominator, "case")   the same at run time
//   parse_duty<USD>("75¢ each + 45% on the case")               from the schedule's text
//
// An ad valorem term names the value it applies to; evaluating it on an entry
// without that value is errc::missing_value_base ("on the value of the
// telescopic sight, if any" is zero instead). Names are compared by their
// characters; the parser knows the names the US tariff uses
// (value_base_names below) and canonicalises "on case", "on the case" and
// "of the case" to "case".
//
// A fractional percent ("33 1/3%", US column 2) is an exact rate: the node
// keeps its fraction as amount / denominator (1.00 / 3), evaluation stays
// exact, and a duty with no finite decimal form (33 1/3 % of USD 100.00 is
// USD 100/3) is errc::inexact from the exact evaluation and correctly rounded
// (once, from the exact fraction) by an assessment that rounds each line.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "detail/fixed_string.hpp"
#include "detail/mistake.hpp"
#include "expression.hpp"

namespace tariff {

// An ad valorem rate on the entry's value named Name: on<"case">(45_pct) is
// "45 % on the case". It composes with the other rates (0.75_USD / each +
// on<"case">(45_pct)) into a duty_expression whose currency comes from them.
template <detail::fixed_string Name>
struct rate_on {
    static_assert(Name.size() > 0,
                  "tariff: a value base has a name: on<\"case\">(45_pct); the entry's own value "
                  "is a plain rate (45_pct)");
    static constexpr std::string_view name = Name.view();
    ad_valorem rate;
};

namespace mistake {
struct a_named_value_base_takes_an_ad_valorem_rate__not_a_specific_rate {};
} // namespace mistake

// The rate `rate` on the value named Name.
template <detail::fixed_string Name>
constexpr rate_on<Name> on(ad_valorem rate) noexcept {
    return rate_on<Name>{rate};
}
// A named value is money: a rate per unit of measure has no value to apply
// to ("2 USD/kg on the case" means nothing); never callable.
template <detail::fixed_string Name, class C, class U, class R>
mistake::a_named_value_base_takes_an_ad_valorem_rate__not_a_specific_rate
on(const specific_rate<C, U, R>&)
    TARIFF_DETAIL_REJECT("tariff: on<name>(rate) takes an ad valorem rate (45_pct): a named "
                         "value is money, a specific rate applies to a quantity");

namespace detail {
template <fixed_string N>
struct duty_operand<rate_on<N>> : std::true_type {
    using currency = no_currency;
    static constexpr unsigned needs = 0;
    static constexpr std::size_t nodes = 1;
};

// The value names the duty parser knows (after "on", "on the", "of the"):
// the US tariff's watch and clock parts (chapter 91), sets ("on the entire
// set"), and chapter 98's named amounts. A parsed expression refers to these
// objects (static storage), never into its text.
inline constexpr value_base value_base_names[] = {
    value_base("case"),
    value_base("case and strap, band or bracelet"),
    value_base("strap, band or bracelet"),
    value_base("battery"),
    value_base("movement"),
    value_base("movement and case"),
    value_base("apparatus"),
    value_base("entire set"),
    value_base("value of the rifle"),
    value_base("value of the telescopic sight"),
    value_base("value of the lead content"),
    value_base("full value of the imported article"),
    value_base("fair retail value"),
    value_base("cost of such goods or repairs"),
    value_base("cost of such parts"),
    value_base("cost of such parts or materials"),
};
inline constexpr std::size_t value_base_name_count =
    sizeof(value_base_names) / sizeof(value_base_names[0]);

// Where the longest known value name at `p` ends (a space in a name matches
// any run of spaces, letters in any case, the name not followed by a
// letter), and its index in value_base_names; npos if none.
constexpr std::size_t match_value_base(std::string_view s, std::size_t p,
                                       std::size_t& index) noexcept {
    std::size_t best = std::string_view::npos;
    for (std::size_t k = 0; k < value_base_name_count; ++k) {
        const std::string_view n = value_base_names[k].name();
        std::size_t q = p;
        bool same = true;
        for (std::size_t j = 0; j < n.size() && same; ++j) {
            if (n[j] == ' ') {
                while (q < s.size() && (s[q] == ' ' || s[q] == '\t'))
                    ++q;
                continue;
            }
            const char x = q < s.size() ? s[q] : '\0';
            same = q < s.size() && (x >= 'A' && x <= 'Z' ? static_cast<char>(x + 32) : x) == n[j];
            ++q;
        }
        if (!same)
            continue;
        if (q < s.size() && ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z')))
            continue;
        if (best == std::string_view::npos || q > best) {
            best = q;
            index = k;
        }
    }
    return best;
}
} // namespace detail

// The parser's value_base for a spelling of its name ("case", "Strap, band
// or bracelet", "fair  retail value"), an object of static storage;
// nullptr if the parser knows no such name.
constexpr const value_base* find_value_base(std::string_view text) noexcept {
    std::size_t index = 0;
    const std::size_t end = detail::match_value_base(text, 0, index);
    return end == text.size() ? &detail::value_base_names[index] : nullptr;
}

} // namespace tariff
