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
// the US tariff's watch and clock parts (chapter 91), sets (heading 9802's
// "on the entire set"), and chapter 98's named amounts. The parser keeps
// these string_views (static storage), so a parsed expression never refers
// into its text.
inline constexpr std::string_view value_base_names[] = {
    "case",
    "case and strap, band or bracelet",
    "strap, band or bracelet",
    "battery",
    "movement",
    "movement and case",
    "apparatus",
    "entire set",
    "value of the rifle",
    "value of the telescopic sight",
    "value of the lead content",
    "full value of the imported article",
    "fair retail value",
    "cost of such goods or repairs",
    "cost of such parts",
    "cost of such parts or materials",
};

// Where the longest known value name at `p` ends (a space in a name matches
// any run of spaces, letters in any case, the name not followed by a
// letter), and which it is; npos if none.
constexpr std::size_t match_value_base(std::string_view s, std::size_t p,
                                       std::string_view& name) noexcept {
    std::size_t best = std::string_view::npos;
    for (const std::string_view n : value_base_names) {
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
            name = n;
        }
    }
    return best;
}
} // namespace detail

// The parser's spelling of a value name ("case", "Strap, band or bracelet",
// "fair  retail value"): the canonical name, as a string_view of static
// storage; an empty view if the parser knows no such name.
constexpr std::string_view find_value_base(std::string_view text) noexcept {
    std::string_view name;
    const std::size_t end = detail::match_value_base(text, 0, name);
    return end == text.size() ? name : std::string_view{};
}

} // namespace tariff
