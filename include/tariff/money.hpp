// tariff/money.hpp: exact amounts of money in one currency.
//
// tariff::money<C> holds a tariff::decimal: exact, with as many decimal
// places as its arithmetic produced (6.1 % of 40,000.00 is 2,440.00000). It is
// rounded only by round() with a mode. Range: +-9.2e18 * 10^-places, i.e.
// about +-9.2e16 units at 2 places, +-9.2e12 at 6 places: any single customs
// entry. tariff::wide_money<C> holds a wide_decimal (+-1.7e38 * 10^-places,
// up to 38 places): a whole country's annual imports at sub-cent precision
// (IDR 3.5e15 at 6 places is 3.5e21 in coefficient terms).
//
// What does not compile, by design: mixing currencies, money * money, money
// from binary floating point, money / n (use divide() or allocate()).
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <string_view>

#include "currency.hpp"
#include "decimal.hpp"

namespace tariff {

template <currency_tag C, detail::representation Rep = std::int64_t>
class basic_money;

template <currency_tag C>
using money = basic_money<C, std::int64_t>;
template <currency_tag C>
using wide_money = basic_money<C, int128_t>;

template <currency_tag C, detail::representation Rep>
class basic_money {
public:
    using currency = C;
    using rep = Rep;
    using decimal_type = basic_decimal<Rep>;

    constexpr basic_money() noexcept = default;
    constexpr explicit basic_money(decimal_type amount) noexcept : amount_(amount) {}

    // money<C> widens to wide_money<C> implicitly; the other way is explicit
    // and raises errc::overflow if the amount does not fit.
    template <detail::representation R2>
    requires(!std::same_as<R2, Rep>) constexpr explicit(sizeof(R2) > sizeof(Rep))
        basic_money(basic_money<C, R2> other)
        : amount_(decimal_type(other.amount())) {}

    template <currency_tag C2, detail::representation R2>
    requires(!std::same_as<C2, C>) constexpr basic_money(basic_money<C2, R2>) {
        static_assert(detail::dependent_false<C2>,
                      "tariff: an amount in one currency cannot become an amount in another; "
                      "convert it with an exchange_rate");
    }

    template <std::floating_point F>
    constexpr basic_money(F) {
        static_assert(detail::dependent_false<F>,
                      "tariff: money cannot be made from binary floating point (it cannot hold "
                      "0.10 exactly); write a literal such as 40'000.00_CAD or use "
                      "money<C>::parse(\"40000.00\")");
    }

    // 12345 minor units of CAD is CAD 123.45; of JPY, JPY 12,345.
    static constexpr basic_money from_minor_units(Rep units) {
        return basic_money(decimal_type::from_parts(units, C::minor_digits));
    }
    // Without this, from_minor_units(12.5) would silently truncate to 12.
    template <std::floating_point F>
    static constexpr basic_money from_minor_units(F) {
        static_assert(detail::dependent_false<F>,
                      "tariff: minor units are a whole number; from_minor_units takes an "
                      "integer, not binary floating point");
        return {};
    }

    // Parses "40000.00" or "-0.001" (see parse_decimal for the notation).
    static constexpr parse_result<basic_money> parse(std::string_view text) noexcept {
        const auto d = detail::parse_decimal<Rep>(text);
        return {basic_money(d.value), d.error};
    }

    constexpr decimal_type amount() const noexcept { return amount_; }

    // The amount as a whole number of minor units; errc::inexact if it has
    // digits below the minor unit (round it first).
    constexpr Rep minor_units() const {
        const auto d = detail::round_to_scale(amount_, C::minor_digits, rounding_mode::toward_zero);
        if (d.value() != amount_)
            detail::raise(errc::inexact);
        Rep units;
        if (detail::scale_up_overflows(d.value().coefficient(), C::minor_digits - d.value().scale(),
                                       units))
            detail::raise(errc::overflow);
        return units;
    }

    constexpr basic_money operator+() const noexcept { return *this; }
    constexpr basic_money operator-() const noexcept { return basic_money(-amount_); }

    constexpr basic_money& operator+=(basic_money other) {
        amount_ = amount_ + other.amount_;
        return *this;
    }
    constexpr basic_money& operator-=(basic_money other) {
        amount_ = amount_ - other.amount_;
        return *this;
    }

private:
    decimal_type amount_{};
};

namespace detail {
template <class T>
struct is_money : std::false_type {};
template <class C, class R>
struct is_money<basic_money<C, R>> : std::true_type {};
} // namespace detail

template <class T>
concept money_type = detail::is_money<T>::value;

// --- same currency --------------------------------------------------------

template <class C, class R1, class R2>
constexpr basic_money<C, detail::wider_t<R1, R2>> operator+(basic_money<C, R1> a,
                                                            basic_money<C, R2> b) {
    return basic_money<C, detail::wider_t<R1, R2>>(a.amount() + b.amount());
}
template <class C, class R1, class R2>
constexpr basic_money<C, detail::wider_t<R1, R2>> operator-(basic_money<C, R1> a,
                                                            basic_money<C, R2> b) {
    return basic_money<C, detail::wider_t<R1, R2>>(a.amount() - b.amount());
}
template <class C, class R1, class R2>
constexpr bool operator==(basic_money<C, R1> a, basic_money<C, R2> b) noexcept {
    return a.amount() == b.amount();
}
template <class C, class R1, class R2>
constexpr std::strong_ordering operator<=>(basic_money<C, R1> a, basic_money<C, R2> b) noexcept {
    return a.amount() <=> b.amount();
}

// --- scaling by exact numbers ---------------------------------------------

template <class C, class R, std::integral I>
constexpr basic_money<C, R> operator*(basic_money<C, R> m, I k) {
    return basic_money<C, R>(m.amount() * basic_decimal<R>(k));
}
template <class C, class R, std::integral I>
constexpr basic_money<C, R> operator*(I k, basic_money<C, R> m) {
    return m * k;
}
template <class C, class R, class R2>
constexpr basic_money<C, detail::wider_t<R, R2>> operator*(basic_money<C, R> m,
                                                           basic_decimal<R2> k) {
    return basic_money<C, detail::wider_t<R, R2>>(m.amount() * k);
}
template <class C, class R, class R2>
constexpr basic_money<C, detail::wider_t<R, R2>> operator*(basic_decimal<R2> k,
                                                           basic_money<C, R> m) {
    return m * k;
}

// --- mistakes that must not compile ----------------------------------------
// Each is a template whose body explains the mistake, so the compiler's
// message names it instead of listing candidate overloads.

template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>) constexpr basic_money<C1, R1> operator+(basic_money<C1, R1>,
                                                                        basic_money<C2, R2>) {
    static_assert(detail::dependent_false<C2>,
                  "tariff: amounts in different currencies cannot be added; convert one with an "
                  "exchange_rate first");
    return {};
}
template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>) constexpr basic_money<C1, R1> operator-(basic_money<C1, R1>,
                                                                        basic_money<C2, R2>) {
    static_assert(detail::dependent_false<C2>,
                  "tariff: amounts in different currencies cannot be subtracted; convert one with "
                  "an exchange_rate first");
    return {};
}
template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>) constexpr bool operator==(basic_money<C1, R1>,
                                                          basic_money<C2, R2>) {
    static_assert(detail::dependent_false<C2>,
                  "tariff: amounts in different currencies cannot be compared; convert one with "
                  "an exchange_rate first");
    return false;
}
template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>) constexpr std::strong_ordering operator<=>(basic_money<C1, R1>,
                                                                           basic_money<C2, R2>) {
    static_assert(detail::dependent_false<C2>,
                  "tariff: amounts in different currencies cannot be compared; convert one with "
                  "an exchange_rate first");
    return std::strong_ordering::equal;
}
template <class C1, class R1, class C2, class R2>
constexpr void operator*(basic_money<C1, R1>, basic_money<C2, R2>) {
    static_assert(detail::dependent_false<C2>,
                  "tariff: money times money has no meaning; multiply an amount by a rate, a "
                  "decimal or an integer");
}
template <class C, class R, std::floating_point F>
constexpr void operator*(basic_money<C, R>, F) {
    static_assert(detail::dependent_false<F>,
                  "tariff: money cannot be multiplied by binary floating point; use a decimal "
                  "literal (1.5_dec) or a rate (6.1_pct)");
}
template <class C, class R, std::floating_point F>
constexpr void operator*(F, basic_money<C, R>) {
    static_assert(detail::dependent_false<F>,
                  "tariff: money cannot be multiplied by binary floating point; use a decimal "
                  "literal (1.5_dec) or a rate (6.1_pct)");
}
template <class C, class R, class D>
requires(std::integral<D> || std::floating_point<D> || detail::is_decimal<D>::value) constexpr void
operator/(basic_money<C, R>, D) {
    static_assert(detail::dependent_false<D>,
                  "tariff: money / n is rarely exact; use divide(m, n, rounding mode) to round "
                  "the quotient, or allocate(m, weights) to split without losing a cent");
}

// --- rounding and division --------------------------------------------------

// Rounds to the currency's minor unit (CAD: cents; JPY: yen; KWD: fils).
template <class C, class R>
constexpr basic_money<C, R> round(basic_money<C, R> m, required_rounding_mode mode) {
    return basic_money<C, R>(round(m.amount(), C::minor_digits, mode));
}

// Rounds to a multiple of `granularity`: 1.00_USD for whole dollars (19 CFR
// 159.3 applies rates to whole-dollar values), 0.05_CHF for Swiss rappen.
template <class C, class R, class R2>
constexpr basic_money<C, R> round(basic_money<C, R> m, basic_money<C, R2> granularity,
                                  required_rounding_mode mode) {
    return basic_money<C, R>(
        round_to_multiple(m.amount(), basic_decimal<R>(granularity.amount()), mode));
}

// m / divisor rounded to the minor unit. errc::division_by_zero if divisor == 0.
template <class C, class R, class D>
constexpr basic_money<C, R> divide(basic_money<C, R> m, D divisor, required_rounding_mode mode) {
    return basic_money<C, R>(divide(m.amount(), basic_decimal<R>(divisor), C::minor_digits, mode));
}

template <class C, class R>
constexpr basic_money<C, R> abs(basic_money<C, R> m) noexcept {
    return basic_money<C, R>(abs(m.amount()));
}

// --- the non-throwing forms -------------------------------------------------
namespace checked {

template <class C, class R>
constexpr result<basic_money<C, R>> add(basic_money<C, R> a, basic_money<C, R> b) noexcept {
    const auto r = detail::add(a.amount(), b.amount());
    if (!r)
        return r.error();
    return basic_money<C, R>(r.value_or({}));
}
template <class C, class R>
constexpr result<basic_money<C, R>> subtract(basic_money<C, R> a, basic_money<C, R> b) noexcept {
    return add(a, -b);
}
template <class C, class R>
constexpr result<basic_money<C, R>> multiply(basic_money<C, R> m, basic_decimal<R> k) noexcept {
    const auto r = detail::multiply(m.amount(), k);
    if (!r)
        return r.error();
    return basic_money<C, R>(r.value_or({}));
}
template <class C, class R>
constexpr result<basic_money<C, R>> round(basic_money<C, R> m,
                                          required_rounding_mode mode) noexcept {
    const auto r = detail::round_to_scale(m.amount(), C::minor_digits, mode);
    if (!r)
        return r.error();
    return basic_money<C, R>(r.value_or({}));
}
template <class C, class R>
constexpr result<basic_money<C, R>> divide(basic_money<C, R> m, basic_decimal<R> divisor,
                                           required_rounding_mode mode) noexcept {
    const auto r = detail::divide(m.amount(), divisor, C::minor_digits, mode);
    if (!r)
        return r.error();
    return basic_money<C, R>(r.value_or({}));
}

} // namespace checked

// Defines the literal operator _CODE for a currency type named CODE, in the
// namespace where it is used: TARIFF_DEFINE_MONEY_LITERAL(THB) gives 12.50_THB.
#define TARIFF_DEFINE_MONEY_LITERAL(CODE)                                                          \
    template <char... Cs>                                                                          \
    constexpr ::tariff::money<CODE> operator""_##CODE() {                                          \
        return ::tariff::money<CODE>(::tariff::detail::literal_value<std::int64_t, Cs...>());      \
    }

namespace literals {
TARIFF_DEFINE_MONEY_LITERAL(AUD)
TARIFF_DEFINE_MONEY_LITERAL(CAD)
TARIFF_DEFINE_MONEY_LITERAL(CHF)
TARIFF_DEFINE_MONEY_LITERAL(CNY)
TARIFF_DEFINE_MONEY_LITERAL(EUR)
TARIFF_DEFINE_MONEY_LITERAL(GBP)
TARIFF_DEFINE_MONEY_LITERAL(IDR)
TARIFF_DEFINE_MONEY_LITERAL(INR)
TARIFF_DEFINE_MONEY_LITERAL(JPY)
TARIFF_DEFINE_MONEY_LITERAL(KRW)
TARIFF_DEFINE_MONEY_LITERAL(KWD)
TARIFF_DEFINE_MONEY_LITERAL(MXN)
TARIFF_DEFINE_MONEY_LITERAL(USD)
} // namespace literals

} // namespace tariff
