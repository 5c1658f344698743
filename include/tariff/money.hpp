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
#include "detail/mistake.hpp"

namespace tariff {

template <currency_tag C, detail::representation Rep = std::int64_t>
class basic_money;

class ad_valorem; // rate.hpp

namespace detail {
// What an amount of money is compared with by mistake: a bare number (0, not
// 0.00_CAD) or a rate (6.1 %, not the duty it gives).
template <class T>
concept not_comparable_with_money = bare_number<T> || std::same_as<T, ad_valorem>;
} // namespace detail

namespace mistake {
struct
    an_amount_in_one_currency_cannot_become_an_amount_in_another__convert_it_with_an_exchange_rate {
};
struct money_cannot_be_made_from_binary_floating_point__write_a_literal_such_as_40000_00_CAD {};
struct money_cannot_be_made_from_a_character_or_bool__write_a_literal_such_as_5_00_CAD {};
struct minor_units_are_a_whole_number__pass_an_integer_to_from_minor_units {};
struct minor_units_wider_than_the_amounts_representation__use_wide_money {};
struct amounts_in_different_currencies_cannot_be_added__convert_one_with_an_exchange_rate {};
struct amounts_in_different_currencies_cannot_be_subtracted__convert_one_with_an_exchange_rate {};
struct amounts_in_different_currencies_cannot_be_compared__convert_one_with_an_exchange_rate {};
struct a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD {};
struct money_compares_only_with_money_of_its_currency__write_0_00_CAD_not_0 {};
struct money_times_money_has_no_meaning__multiply_by_a_rate_a_decimal_or_an_integer {};
struct money_cannot_be_multiplied_by_binary_floating_point__use_a_decimal_literal_or_a_rate {};
struct money_cannot_be_multiplied_by_a_character_or_bool__use_an_integer_or_a_decimal {};
struct money_divided_by_a_number_is_rarely_exact__use_divide_with_a_rounding_mode_or_allocate {};
struct money_divided_by_money_has_no_meaning__divide_their_amounts_as_decimals {};
struct round_needs_a_rounding_mode__such_as_tariff_rounding_half_up {};
// What an empty mode, round(m, {}), initialises: there is no default mode.
struct an_empty_rounding_mode__there_is_no_default__name_one_such_as_tariff_rounding_half_up {};
struct round_to_a_granularity_needs_a_rounding_mode_too__round_m_granularity_mode {};
struct divide_needs_a_rounding_mode__such_as_tariff_rounding_half_even {};
struct round_to_a_granularity_in_the_amounts_own_currency {};
struct divide_takes_an_integer_or_a_decimal_divisor__not_binary_floating_point_a_character_or_bool {
};
} // namespace mistake

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

    // Mistakes (see detail/mistake.hpp): these overloads are never callable.
    template <currency_tag C2, detail::representation R2>
    requires(!std::same_as<C2, C>) basic_money(
        basic_money<C2, R2>,
        mistake::
            an_amount_in_one_currency_cannot_become_an_amount_in_another__convert_it_with_an_exchange_rate =
                {})
    TARIFF_DETAIL_REJECT("tariff: an amount in one currency cannot become an amount in another; "
                         "convert it with an exchange_rate");
    template <std::floating_point F>
    basic_money(
        F,
        mistake::
            money_cannot_be_made_from_binary_floating_point__write_a_literal_such_as_40000_00_CAD =
                {})
        TARIFF_DETAIL_REJECT(
            "tariff: money cannot be made from binary floating point (it cannot hold 0.10 "
            "exactly); write a literal such as 40'000.00_CAD or use money<C>::parse(\"40000.00\")");
    template <class T>
    requires(detail::character_type<T> || std::same_as<T, bool>) basic_money(
        T,
        mistake::money_cannot_be_made_from_a_character_or_bool__write_a_literal_such_as_5_00_CAD =
            {})
    TARIFF_DETAIL_REJECT("tariff: money cannot be made from a character or a bool ('5' is 53); "
                         "write a literal such as 5.00_CAD");

    // 12345 minor units of CAD is CAD 123.45; of JPY, JPY 12,345.
    static constexpr basic_money from_minor_units(Rep units) {
        return basic_money(decimal_type::from_parts(units, C::minor_digits));
    }
    static constexpr result<basic_money> try_from_minor_units(Rep units) noexcept {
        return decimal_type::try_from_parts(units, C::minor_digits)
            .transform([](decimal_type d) noexcept { return basic_money(d); });
    }
    // An unsigned count as wide as Rep is checked, not wrapped (2^64 - 1 would
    // be -1 minor units): errc::overflow above the largest coefficient.
    template <std::unsigned_integral U>
    requires(detail::exact_integer<U> && sizeof(U) >= sizeof(Rep)) static constexpr basic_money
        from_minor_units(U units) {
        return basic_money(decimal_type::from_parts(units, C::minor_digits));
    }
    // Without this, from_minor_units(12.5) would silently truncate to 12 and
    // from_minor_units('5') would be 53 minor units.
    template <detail::wide_integer I>
    requires(
        sizeof(I) >
        sizeof(
            Rep)) static mistake::minor_units_wider_than_the_amounts_representation__use_wide_money
        from_minor_units(I) TARIFF_DETAIL_REJECT(
            "tariff: from_minor_units would narrow this integer to the amount's 64-bit "
            "representation; use wide_money<C>::from_minor_units");
    template <detail::not_an_integer T>
    static mistake::minor_units_are_a_whole_number__pass_an_integer_to_from_minor_units
        from_minor_units(T)
            TARIFF_DETAIL_REJECT("tariff: minor units are a whole number; from_minor_units takes "
                                 "an integer, not binary floating point, a character or a bool");

    // Parses "40000.00" or "-0.001" (see parse_decimal for the notation).
    // try_parse never throws; parse raises the error.
    static constexpr parse_result<basic_money> try_parse(std::string_view text) noexcept {
        return detail::parse_decimal<Rep>(text).transform(
            [](decimal_type d) noexcept { return basic_money(d); });
    }
    static constexpr basic_money parse(std::string_view text) { return try_parse(text).value(); }

    constexpr decimal_type amount() const noexcept { return amount_; }

    // The amount as a whole number of minor units; errc::inexact if it has
    // digits below the minor unit (round it first).
    constexpr Rep minor_units() const { return try_minor_units().value(); }
    constexpr result<Rep> try_minor_units() const noexcept {
        const auto d = detail::round_to_scale(amount_, C::minor_digits, rounding_mode::toward_zero);
        if (!d)
            return d.error();
        const decimal_type whole = d.value_or({});
        if (whole != amount_)
            return errc::inexact;
        Rep units;
        if (detail::scale_up_overflows(whole.coefficient(), C::minor_digits - whole.scale(), units))
            return errc::overflow;
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
    template <detail::bare_number T>
    mistake::a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD
    operator+=(T)
        TARIFF_DETAIL_REJECT("tariff: a bare number cannot be added to an amount of money; write "
                             "it as an amount of the same currency, e.g. m += 1.00_CAD");
    template <detail::bare_number T>
    mistake::a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD
    operator-=(T)
        TARIFF_DETAIL_REJECT("tariff: a bare number cannot be subtracted from an amount of money; "
                             "write it as an amount of the same currency, e.g. m -= 1.00_CAD");

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

template <class C, class R, detail::exact_integer I>
constexpr basic_money<C, R> operator*(basic_money<C, R> m, I k) {
    return basic_money<C, R>(m.amount() * basic_decimal<R>(k));
}
template <class C, class R, detail::exact_integer I>
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
// Never callable (see detail/mistake.hpp): the error names the mistake, and
// traits and concepts (std::is_invocable, std::totally_ordered_with, a
// requires-expression) answer false for them.

template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>)
    mistake::amounts_in_different_currencies_cannot_be_added__convert_one_with_an_exchange_rate
    operator+(basic_money<C1, R1>, basic_money<C2, R2>)
        TARIFF_DETAIL_REJECT("tariff: amounts in different currencies cannot be added; convert one "
                             "with an exchange_rate first");
template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>)
    mistake::amounts_in_different_currencies_cannot_be_subtracted__convert_one_with_an_exchange_rate
    operator-(basic_money<C1, R1>, basic_money<C2, R2>)
        TARIFF_DETAIL_REJECT("tariff: amounts in different currencies cannot be subtracted; "
                             "convert one with an exchange_rate first");
template <class C1, class R1, class C2, class R2,
          class Mistake = mistake::
              amounts_in_different_currencies_cannot_be_compared__convert_one_with_an_exchange_rate>
requires(!std::same_as<C1, C2>) bool operator==(basic_money<C1, R1>, basic_money<C2, R2>)
    TARIFF_DETAIL_REJECT("tariff: amounts in different currencies cannot be compared; convert one "
                         "with an exchange_rate first");
template <class C1, class R1, class C2, class R2,
          class Mistake = mistake::
              amounts_in_different_currencies_cannot_be_compared__convert_one_with_an_exchange_rate>
requires(!std::same_as<C1, C2>) std::strong_ordering operator<=>(basic_money<C1, R1>,
                                                                 basic_money<C2, R2>)
    TARIFF_DETAIL_REJECT("tariff: amounts in different currencies cannot be compared; convert one "
                         "with an exchange_rate first");

// A bare number (1, 1.5, 1.5_dec, '1', true) is not an amount of money.
template <class C, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD
operator+(basic_money<C, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a bare number cannot be added to an amount of money; write it as "
                         "an amount of the same currency, e.g. m + 1.00_CAD");
template <class C, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD
operator+(T, basic_money<C, R>)
    TARIFF_DETAIL_REJECT("tariff: a bare number cannot be added to an amount of money; write it as "
                         "an amount of the same currency, e.g. 1.00_CAD + m");
template <class C, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD
operator-(basic_money<C, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a bare number cannot be subtracted from an amount of money; "
                         "write it as an amount of the same currency, e.g. m - 1.00_CAD");
template <class C, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_money__write_it_as_an_amount_such_as_1_00_CAD
operator-(T, basic_money<C, R>)
    TARIFF_DETAIL_REJECT("tariff: an amount of money cannot be subtracted from a bare number; "
                         "write it as an amount of the same currency, e.g. 1.00_CAD - m");
// (C++20 rewrites 0 == m, m != 0 and 0 < m to these as well; a rewritten
// comparison must return bool, so the mistake is named by a template argument.)
template <
    class C, class R, detail::not_comparable_with_money T,
    class Mistake = mistake::money_compares_only_with_money_of_its_currency__write_0_00_CAD_not_0>
bool operator==(basic_money<C, R>, T) TARIFF_DETAIL_REJECT(
    "tariff: an amount of money compares only with an amount of the same currency; write 0.00_CAD "
    "(or money<CAD>{}), not 0, and apply a rate to its base before comparing");
template <
    class C, class R, detail::not_comparable_with_money T,
    class Mistake = mistake::money_compares_only_with_money_of_its_currency__write_0_00_CAD_not_0>
std::strong_ordering operator<=>(basic_money<C, R>, T) TARIFF_DETAIL_REJECT(
    "tariff: an amount of money compares only with an amount of the same currency; write 0.00_CAD "
    "(or money<CAD>{}), not 0, and apply a rate to its base before comparing");

template <class C1, class R1, class C2, class R2>
mistake::money_times_money_has_no_meaning__multiply_by_a_rate_a_decimal_or_an_integer
operator*(basic_money<C1, R1>, basic_money<C2, R2>)
    TARIFF_DETAIL_REJECT("tariff: money times money has no meaning; multiply an amount by a rate, "
                         "a decimal or an integer");
template <class C, class R, std::floating_point F>
mistake::money_cannot_be_multiplied_by_binary_floating_point__use_a_decimal_literal_or_a_rate
operator*(basic_money<C, R>, F)
    TARIFF_DETAIL_REJECT("tariff: money cannot be multiplied by binary floating point; use a "
                         "decimal literal (1.5_dec) or a rate (6.1_pct)");
template <class C, class R, std::floating_point F>
mistake::money_cannot_be_multiplied_by_binary_floating_point__use_a_decimal_literal_or_a_rate
operator*(F, basic_money<C, R>)
    TARIFF_DETAIL_REJECT("tariff: money cannot be multiplied by binary floating point; use a "
                         "decimal literal (1.5_dec) or a rate (6.1_pct)");
template <class C, class R, class T>
requires(detail::character_type<T> || std::same_as<T, bool>)
    mistake::money_cannot_be_multiplied_by_a_character_or_bool__use_an_integer_or_a_decimal
    operator*(basic_money<C, R>, T)
        TARIFF_DETAIL_REJECT("tariff: money cannot be multiplied by a character or a bool ('x' is "
                             "120); use an integer or a decimal");
template <class C, class R, class T>
requires(detail::character_type<T> || std::same_as<T, bool>)
    mistake::money_cannot_be_multiplied_by_a_character_or_bool__use_an_integer_or_a_decimal
    operator*(T, basic_money<C, R>)
        TARIFF_DETAIL_REJECT("tariff: money cannot be multiplied by a character or a bool ('x' is "
                             "120); use an integer or a decimal");
template <class C, class R, detail::bare_number D>
mistake::money_divided_by_a_number_is_rarely_exact__use_divide_with_a_rounding_mode_or_allocate
operator/(basic_money<C, R>, D) TARIFF_DETAIL_REJECT(
    "tariff: money / n is rarely exact; use divide(m, n, rounding mode) to round the quotient, or "
    "allocate(m, weights) to split without losing a cent");
template <class C1, class R1, class C2, class R2>
mistake::money_divided_by_money_has_no_meaning__divide_their_amounts_as_decimals
operator/(basic_money<C1, R1>, basic_money<C2, R2>)
    TARIFF_DETAIL_REJECT("tariff: money / money is not an amount of money; for a ratio divide the "
                         "amounts as decimals: divide(a.amount(), b.amount(), places, mode)");

namespace detail {
// A decimal as money of C (for result<decimal>::transform).
template <class C, class R>
struct money_of {
    constexpr basic_money<C, R> operator()(basic_decimal<R> d) const noexcept {
        return basic_money<C, R>(d);
    }
};
} // namespace detail

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

// The non-throwing form of round(m, granularity, mode).
template <class C, class R, class R2>
constexpr result<basic_money<C, R>> try_round(basic_money<C, R> m, basic_money<C, R2> granularity,
                                              required_rounding_mode mode) noexcept {
    return detail::narrow<R>(granularity.amount())
        .and_then([&](basic_decimal<R> step) {
            return detail::round_to_multiple(m.amount(), step, mode);
        })
        .transform(detail::money_of<C, R>{});
}

// Rounding always names its mode: round(m, 2), round(m, true) or a
// forgotten mode, round(m, 0.05_CHF), do not compile.
template <class C, class R, class M>
requires(!std::convertible_to<M, rounding_mode> &&
         !money_type<M>) mistake::round_needs_a_rounding_mode__such_as_tariff_rounding_half_up
    round(basic_money<C, R>, M)
TARIFF_DETAIL_REJECT("tariff: round(amount, mode) takes a rounding mode, such as "
                     "tariff::rounding::half_up or tariff::rounding_mode::half_even");
template <class C, class R, class R2>
mistake::round_to_a_granularity_needs_a_rounding_mode_too__round_m_granularity_mode
    round(basic_money<C, R>, basic_money<C, R2>)
        TARIFF_DETAIL_REJECT("tariff: round(amount, granularity, mode) needs a rounding mode too, "
                             "such as tariff::rounding::half_up");
template <class C1, class R1, class C2, class R2, class M>
requires(!std::same_as<C1, C2>) mistake::round_to_a_granularity_in_the_amounts_own_currency
    round(basic_money<C1, R1>, basic_money<C2, R2>, M)
TARIFF_DETAIL_REJECT("tariff: round(amount, granularity, mode): the granularity must be in the "
                     "amount's currency (0.05_CHF for an amount in CHF)");
template <class C1, class R1, class C2, class R2>
requires(!std::same_as<C1, C2>) mistake::round_to_a_granularity_in_the_amounts_own_currency
    round(basic_money<C1, R1>, basic_money<C2, R2>)
TARIFF_DETAIL_REJECT(
    "tariff: round(amount, granularity, mode): the granularity must be in the amount's currency "
    "(0.05_CHF for an amount in CHF), and a rounding mode is needed too");
template <class C, class R>
mistake::round_needs_a_rounding_mode__such_as_tariff_rounding_half_up round(
    basic_money<C, R>,
    mistake::an_empty_rounding_mode__there_is_no_default__name_one_such_as_tariff_rounding_half_up)
    TARIFF_DETAIL_REJECT("tariff: round(amount, {}): there is no default rounding mode; name "
                         "one, such as tariff::rounding::half_up");
template <class C, class R>
mistake::round_needs_a_rounding_mode__such_as_tariff_rounding_half_up round(basic_money<C, R>)
    TARIFF_DETAIL_REJECT("tariff: round(amount, mode) needs a rounding mode, such as "
                         "tariff::rounding::half_up: the library never picks one for you");
template <class C, class R, class R2, class M>
requires(!std::convertible_to<M, rounding_mode>)
    mistake::round_needs_a_rounding_mode__such_as_tariff_rounding_half_up
    round(basic_money<C, R>, basic_money<C, R2>, M)
TARIFF_DETAIL_REJECT("tariff: round(amount, granularity, mode) takes a rounding mode, such as "
                     "tariff::rounding::half_up or tariff::rounding_mode::half_even");
template <class C, class R, class D>
mistake::divide_needs_a_rounding_mode__such_as_tariff_rounding_half_even divide(basic_money<C, R>,
                                                                                D)
    TARIFF_DETAIL_REJECT("tariff: divide(m, n, mode) needs a rounding mode, such as "
                         "tariff::rounding::half_even: the library never picks one for you");
template <class C, class R, class D, class M>
requires(!std::convertible_to<M, rounding_mode>)
    mistake::divide_needs_a_rounding_mode__such_as_tariff_rounding_half_even
    divide(basic_money<C, R>, D, M)
TARIFF_DETAIL_REJECT("tariff: divide(m, n, mode) takes a rounding mode, such as "
                     "tariff::rounding::half_even or tariff::rounding_mode::half_up");

// m / divisor rounded to the minor unit. errc::division_by_zero if divisor == 0.
template <class C, class R, class D>
requires(
    detail::exact_integer<D> ||
    detail::is_decimal<D>::value) constexpr basic_money<C, R> divide(basic_money<C, R> m, D divisor,
                                                                     required_rounding_mode mode) {
    return basic_money<C, R>(divide(m.amount(), basic_decimal<R>(divisor), C::minor_digits, mode));
}

template <class C, class R, detail::not_an_integer D>
mistake::divide_takes_an_integer_or_a_decimal_divisor__not_binary_floating_point_a_character_or_bool
    divide(basic_money<C, R>, D, rounding_mode)
        TARIFF_DETAIL_REJECT("tariff: divide(m, n, mode) takes an integer or a decimal divisor (2, "
                             "1.5_dec), not binary floating point, a character or a bool");

template <class C, class R>
constexpr basic_money<C, R> abs(basic_money<C, R> m) noexcept {
    return basic_money<C, R>(abs(m.amount()));
}

// --- the non-throwing forms -------------------------------------------------
template <class C, class R>
constexpr result<basic_money<C, R>> try_add(basic_money<C, R> a, basic_money<C, R> b) noexcept {
    return detail::add(a.amount(), b.amount()).transform(detail::money_of<C, R>{});
}
template <class C, class R>
constexpr result<basic_money<C, R>> try_subtract(basic_money<C, R> a,
                                                 basic_money<C, R> b) noexcept {
    return try_add(a, -b);
}
template <class C, class R>
constexpr result<basic_money<C, R>> try_multiply(basic_money<C, R> m, basic_decimal<R> k) noexcept {
    return detail::multiply(m.amount(), k).transform(detail::money_of<C, R>{});
}
template <class C, class R>
constexpr result<basic_money<C, R>> try_round(basic_money<C, R> m,
                                              required_rounding_mode mode) noexcept {
    return detail::round_to_scale(m.amount(), C::minor_digits, mode)
        .transform(detail::money_of<C, R>{});
}
template <class C, class R>
constexpr result<basic_money<C, R>> try_divide(basic_money<C, R> m, basic_decimal<R> divisor,
                                               required_rounding_mode mode) noexcept {
    return detail::divide(m.amount(), divisor, C::minor_digits, mode)
        .transform(detail::money_of<C, R>{});
}

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
