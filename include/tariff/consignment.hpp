// tariff/consignment.hpp: duties charged on a consignment as a whole, and
// their exact allocation to its lines.
//
// A consignment<C, N> holds up to N lines, each with an HS code, a value and,
// optionally, a net mass and a count. A per_item_duty is a flat amount per
// distinct tariff item in the consignment (items are distinct when their
// codes differ in the first `item_digits` digits: 6 for HS subheadings),
// charged only when the consignment's total value is within a limit. The EU's
// interim duty on low-value e-commerce parcels is one: EUR 3 per distinct
// tariff subheading in a consignment valued under EUR 150, from 1 July 2026
// (Council of the EU, press releases of 12 December 2025 and 11 February
// 2026; see docs/howto-consignment.md for the sources and what is uncertain).
//
// allocate_to_lines(charge, consignment, basis) splits a consignment charge
// over the lines in proportion to their value, net mass or count, by the
// largest-remainder method of allocate.hpp: the shares always sum to the
// charge exactly (no cent lost or created).
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "allocate.hpp"
#include "hs_code.hpp"
#include "quantity.hpp"

namespace tariff {

template <currency_tag C>
struct consignment_line {
    hs_code code = hs_code::parse("0000.00"); // a line always has its own code
    money<C> value{};
    quantity<units::kilogram> net_mass{}; // zero when not declared
    quantity<units::each> count{};        // zero when not declared
};

namespace mistake {
struct a_consignment_line_is_valued_in_the_consignments_currency__convert_with_an_exchange_rate {};
struct a_consignment_charge_is_in_the_consignments_currency__convert_with_an_exchange_rate {};
} // namespace mistake

template <currency_tag C, std::size_t N = 32>
class consignment {
public:
    static constexpr std::size_t capacity = N;

    constexpr consignment() noexcept = default;

    // The consignment with one more line. Errors: more than N lines
    // (errc::invalid_argument), a negative value, mass or count
    // (errc::negative_quantity; a quantity is never negative, so only the
    // value is checked here). The try_ form returns the error and never throws.
    constexpr result<consignment> try_with_line(hs_code code, money<C> value,
                                                quantity<units::kilogram> net_mass = {},
                                                quantity<units::each> count = {}) const noexcept {
        if (size_ == N)
            return errc::invalid_argument;
        if (value < money<C>{})
            return errc::negative_quantity;
        consignment out = *this;
        out.lines_[out.size_++] = consignment_line<C>{code, value, net_mass, count};
        return out;
    }
    constexpr consignment with_line(hs_code code, money<C> value,
                                    quantity<units::kilogram> net_mass = {},
                                    quantity<units::each> count = {}) const {
        return try_with_line(code, value, net_mass, count).value();
    }
    // A value in another currency: named, never callable.
    template <class C2, class R2, class... Rest>
    requires(!std::same_as<C2, C>) mistake::
        a_consignment_line_is_valued_in_the_consignments_currency__convert_with_an_exchange_rate
        with_line(hs_code, basic_money<C2, R2>, Rest...)
    const TARIFF_DETAIL_REJECT("tariff: consignment::with_line: the line's value is in another "
                               "currency than the consignment's; convert it with an "
                               "exchange_rate first");

    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
    operator[](T) const TARIFF_DETAIL_REJECT(
        "tariff: an index is a whole number, not binary floating point, a character or a bool");
    constexpr const consignment_line<C>& operator[](std::size_t i) const noexcept {
        return lines_[i];
    }
    constexpr const consignment_line<C>* begin() const noexcept { return lines_.data(); }
    constexpr const consignment_line<C>* end() const noexcept { return lines_.data() + size_; }

    // The sum of the lines' values, exact; errc::overflow if it does not fit.
    constexpr result<money<C>> try_total_value() const noexcept {
        money<C> sum{};
        for (std::size_t i = 0; i < size_; ++i) {
            const auto r = try_add(sum, lines_[i].value);
            if (!r)
                return r.error();
            sum = r.value_or({});
        }
        return sum;
    }
    constexpr money<C> total_value() const { return try_total_value().value(); }

    // How many distinct tariff items the consignment holds: codes that differ
    // in their first `digits` digits (4: heading, 6: subheading, up to 10). A
    // code shorter than `digits` counts by its whole code.
    // errc::invalid_argument unless 2 <= digits <= 10.
    constexpr result<std::size_t> try_distinct_items(int digits) const noexcept {
        if (digits < 2 || digits > 10)
            return errc::invalid_argument;
        std::size_t n = 0;
        for (std::size_t i = 0; i < size_; ++i) {
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j)
                seen = item_key(lines_[j].code, digits) == item_key(lines_[i].code, digits);
            n += seen ? 0 : 1;
        }
        return n;
    }
    constexpr std::size_t distinct_items(int digits) const {
        return try_distinct_items(digits).value();
    }

    // The first `digits` digits of a code (all of them if it has fewer).
    static constexpr std::string_view item_key(const hs_code& code, int digits) noexcept {
        return code.digits().substr(0, static_cast<std::size_t>(digits));
    }

private:
    std::array<consignment_line<C>, N> lines_{};
    std::size_t size_ = 0;
};

// --- a flat duty per distinct item -------------------------------------------------

// How the consignment's value is tested against the limit.
enum class value_limit_test : unsigned char {
    at_or_below, // applies if value <= limit ("not exceeding EUR 150")
    below        // applies if value < limit ("valued at less than EUR 150")
};

// A flat duty per distinct tariff item, on consignments within a value limit.
// No member has a default: the rule is stated in full where it is used.
template <currency_tag C>
struct per_item_duty {
    std::string_view name;        // "EU low-value consignment duty"
    std::string_view legal_basis; // the act or notice you apply
    money<C> per_item;            // EUR 3.00
    int item_digits;              // 6: one item per distinct HS subheading
    money<C> value_limit;         // EUR 150.00
    value_limit_test test;        // at_or_below or below
};

enum class consignment_charge_reason : unsigned char {
    applies,           // within the value limit: per_item x items
    value_above_limit, // outside the limit: no charge
    empty              // no lines: no charge
};

constexpr const char* to_string(consignment_charge_reason r) noexcept {
    switch (r) {
    case consignment_charge_reason::applies:
        return "the consignment's value is within the limit: the duty applies per distinct item";
    case consignment_charge_reason::value_above_limit:
        return "the consignment's value is outside the limit: the duty does not apply";
    case consignment_charge_reason::empty:
        return "the consignment has no lines";
    }
    return "unknown reason";
}

// What a consignment pays under a per_item_duty, and why.
template <currency_tag C>
struct consignment_charge {
    std::string_view name;
    std::string_view legal_basis;
    money<C> value{};      // the consignment's total value
    std::size_t items = 0; // distinct tariff items
    money<C> amount{};     // per_item x items, or zero
    consignment_charge_reason reason = consignment_charge_reason::empty;
    constexpr bool applies() const noexcept { return reason == consignment_charge_reason::applies; }
};

// The non-throwing form. Errors: a negative per-item amount or limit, a test
// that is not one, item_digits outside 2..10 (errc::invalid_argument);
// errc::overflow if the total value or the amount does not fit. Never throws.
template <currency_tag C, std::size_t N>
constexpr result<consignment_charge<C>>
try_assess_consignment(const consignment<C, N>& c, const per_item_duty<C>& duty) noexcept {
    if (duty.per_item < money<C>{} || duty.value_limit < money<C>{} ||
        (duty.test != value_limit_test::at_or_below && duty.test != value_limit_test::below))
        return errc::invalid_argument;
    const auto items = c.try_distinct_items(duty.item_digits);
    if (!items)
        return items.error();
    const auto value = c.try_total_value();
    if (!value)
        return value.error();
    consignment_charge<C> out;
    out.name = duty.name;
    out.legal_basis = duty.legal_basis;
    out.value = value.value_or({});
    out.items = items.value_or({});
    if (c.empty())
        return out; // reason: empty, amount zero
    const bool within = duty.test == value_limit_test::at_or_below ? out.value <= duty.value_limit
                                                                   : out.value < duty.value_limit;
    if (!within) {
        out.reason = consignment_charge_reason::value_above_limit;
        return out;
    }
    // items <= N, a std::size_t small enough for a decimal coefficient.
    const auto amount =
        try_multiply(duty.per_item,
                     decimal::try_from_parts(static_cast<std::int64_t>(out.items), 0).value_or({}));
    if (!amount)
        return amount.error();
    out.amount = amount.value_or({});
    out.reason = consignment_charge_reason::applies;
    return out;
}

// The throwing form: raises the errors listed for try_assess_consignment.
template <currency_tag C, std::size_t N>
constexpr consignment_charge<C> assess_consignment(const consignment<C, N>& c,
                                                   const per_item_duty<C>& duty) {
    return try_assess_consignment(c, duty).value();
}

// A duty in another currency than the consignment's: named, never callable.
template <currency_tag C, std::size_t N, currency_tag C2>
requires(!std::same_as<C, C2>)
    mistake::a_consignment_charge_is_in_the_consignments_currency__convert_with_an_exchange_rate
    assess_consignment(const consignment<C, N>&, const per_item_duty<C2>&)
TARIFF_DETAIL_REJECT("tariff: assess_consignment: the duty's currency differs from the "
                     "consignment's; write the duty in the consignment's currency");

// --- allocation of a consignment charge to its lines -----------------------------------

// What a charge is split in proportion to.
enum class allocation_basis : unsigned char { value, net_mass, count };

// The shares of a charge, one per line of the consignment, in its order.
template <currency_tag C, std::size_t N>
class line_shares {
public:
    constexpr line_shares() noexcept = default;
    constexpr std::size_t size() const noexcept { return size_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
    operator[](T) const TARIFF_DETAIL_REJECT(
        "tariff: an index is a whole number, not binary floating point, a character or a bool");
    constexpr money<C> operator[](std::size_t i) const noexcept { return parts_[i]; }
    constexpr const money<C>* begin() const noexcept { return parts_.data(); }
    constexpr const money<C>* end() const noexcept { return parts_.data() + size_; }

private:
    template <currency_tag C2, std::size_t N2>
    friend constexpr result<line_shares<C2, N2>>
    try_allocate_to_lines(money<C2>, const consignment<C2, N2>&, allocation_basis) noexcept;
    template <currency_tag C2, std::size_t N2>
    friend constexpr result<line_shares<C2, N2>>
    try_allocate_by_item(const consignment<C2, N2>&, const per_item_duty<C2>&) noexcept;

    std::array<money<C>, N> parts_{};
    std::size_t size_ = 0;
};

namespace detail {
// Integer weights proportional to decimals d_i >= 0: each coefficient scaled
// to the largest scale among them (exact). errc::overflow if one does not fit.
template <std::size_t N, class Get>
constexpr errc integer_weights(std::size_t n, Get&& get,
                               std::array<std::int64_t, N>& out) noexcept {
    int scale = 0;
    for (std::size_t i = 0; i < n; ++i)
        scale = get(i).scale() > scale ? get(i).scale() : scale;
    for (std::size_t i = 0; i < n; ++i) {
        const decimal d = get(i);
        std::int64_t w = d.coefficient();
        for (int k = d.scale(); k < scale; ++k)
            if (mul_overflows(w, std::int64_t{10}, w))
                return errc::overflow;
        out[i] = w;
    }
    return errc::ok;
}
} // namespace detail

// The non-throwing form. Errors: a charge that is not a whole number of the
// currency's minor unit (errc::invalid_argument: round it first); no lines,
// or lines whose weights (values, masses or counts) are all zero
// (errc::division_by_zero); errc::overflow where weights do not fit 64 bits
// once brought to one scale, or their sum does not; a basis that is not one
// (errc::invalid_argument). Never throws.
template <currency_tag C, std::size_t N>
constexpr result<line_shares<C, N>> try_allocate_to_lines(money<C> charge,
                                                          const consignment<C, N>& c,
                                                          allocation_basis basis) noexcept {
    if (basis != allocation_basis::value && basis != allocation_basis::net_mass &&
        basis != allocation_basis::count)
        return errc::invalid_argument;
    std::array<std::int64_t, N> weights{};
    const errc e = detail::integer_weights(
        c.size(),
        [&](std::size_t i) -> decimal {
            const consignment_line<C>& l = c[i];
            return basis == allocation_basis::value      ? l.value.amount()
                   : basis == allocation_basis::net_mass ? l.net_mass.value()
                                                         : l.count.value();
        },
        weights);
    if (e != errc::ok)
        return e;
    line_shares<C, N> out;
    const errc a = try_allocate(charge, std::span<const std::int64_t>(weights.data(), c.size()),
                                std::span<money<C>>(out.parts_.data(), c.size()));
    if (a != errc::ok)
        return a;
    out.size_ = c.size();
    return out;
}

// The throwing form: raises the errors listed for try_allocate_to_lines.
template <currency_tag C, std::size_t N>
constexpr line_shares<C, N> allocate_to_lines(money<C> charge, const consignment<C, N>& c,
                                              allocation_basis basis) {
    return try_allocate_to_lines(charge, c, basis).value();
}

// A per-item duty attributed where it arises: each distinct item's per_item
// amount split over that item's lines by value (equally where all of the
// item's lines are valued at zero), by the largest remainder; every share is
// zero when the duty does not apply. The shares sum to
// assess_consignment(c, duty).amount exactly. Errors: those of
// try_assess_consignment; a per_item amount that is not whole minor units
// (errc::invalid_argument); errc::overflow as for try_allocate_to_lines.
// Never throws.
template <currency_tag C, std::size_t N>
constexpr result<line_shares<C, N>> try_allocate_by_item(const consignment<C, N>& c,
                                                         const per_item_duty<C>& duty) noexcept {
    const auto charge = try_assess_consignment(c, duty);
    if (!charge)
        return charge.error();
    line_shares<C, N> out;
    out.size_ = c.size();
    if (!charge.value_or({}).applies())
        return out;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const std::string_view key = consignment<C, N>::item_key(c[i].code, duty.item_digits);
        bool first = true;
        for (std::size_t j = 0; j < i && first; ++j)
            first = consignment<C, N>::item_key(c[j].code, duty.item_digits) != key;
        if (!first)
            continue; // the item was split with its first line
        std::array<std::size_t, N> members{};
        std::size_t m = 0;
        for (std::size_t j = i; j < c.size(); ++j)
            if (consignment<C, N>::item_key(c[j].code, duty.item_digits) == key)
                members[m++] = j;
        std::array<std::int64_t, N> weights{};
        const errc e = detail::integer_weights(
            m, [&](std::size_t k) -> decimal { return c[members[k]].value.amount(); }, weights);
        if (e != errc::ok)
            return e;
        bool all_zero = true;
        for (std::size_t k = 0; k < m; ++k)
            all_zero = all_zero && weights[k] == 0;
        for (std::size_t k = 0; all_zero && k < m; ++k)
            weights[k] = 1;
        std::array<money<C>, N> parts{};
        const errc a = try_allocate(duty.per_item, std::span<const std::int64_t>(weights.data(), m),
                                    std::span<money<C>>(parts.data(), m));
        if (a != errc::ok)
            return a;
        for (std::size_t k = 0; k < m; ++k)
            out.parts_[members[k]] = parts[k];
    }
    return out;
}

// The throwing form: raises the errors listed for try_allocate_by_item.
template <currency_tag C, std::size_t N>
constexpr line_shares<C, N> allocate_by_item(const consignment<C, N>& c,
                                             const per_item_duty<C>& duty) {
    return try_allocate_by_item(c, duty).value();
}

// A per-item duty in another currency than the consignment's: named, never callable.
template <currency_tag C, std::size_t N, currency_tag C2>
requires(!std::same_as<C, C2>)
    mistake::a_consignment_charge_is_in_the_consignments_currency__convert_with_an_exchange_rate
    allocate_by_item(const consignment<C, N>&, const per_item_duty<C2>&)
TARIFF_DETAIL_REJECT("tariff: allocate_by_item: the duty's currency differs from the "
                     "consignment's; write the duty in the consignment's currency");

// A charge in another currency than the consignment's: named, never callable.
template <class C2, class R2, currency_tag C, std::size_t N>
requires(!std::same_as<C, C2>)
    mistake::a_consignment_charge_is_in_the_consignments_currency__convert_with_an_exchange_rate
    allocate_to_lines(basic_money<C2, R2>, const consignment<C, N>&, allocation_basis)
TARIFF_DETAIL_REJECT("tariff: allocate_to_lines: the charge's currency differs from "
                     "the consignment's; convert it with an exchange_rate first");

} // namespace tariff
