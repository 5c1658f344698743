// tariff/rate.hpp: the two kinds of rate a tariff schedule applies.
//
// ad_valorem: a percentage of a value (6.1 % of the value for duty).
// specific_rate<C, U>: an amount of money per unit (CAD 5.33 per kg).
// Applying either gives exact, unrounded money; the caller rounds. Rates are
// never negative (errc::negative_quantity).
#pragma once

#include <compare>
#include <cstdint>

#include "detail/mistake.hpp"
#include "money.hpp"
#include "quantity.hpp"

namespace tariff {

// Misapplied rates, named (see detail/mistake.hpp): never callable, so
// std::is_invocable_v<ad_valorem, quantity<kg>> and the like answer false.
namespace mistake {
struct an_ad_valorem_rate_applies_to_a_value_money_not_to_a_quantity__use_a_specific_rate {};
struct a_specific_rate_applies_only_to_a_quantity_of_its_own_dimension {};
struct a_specific_rate_applies_to_a_quantity_not_to_a_value__use_an_ad_valorem_rate {};
struct a_rate_and_an_amount_of_money_cannot_be_added__apply_the_rate_to_its_base_first {};
} // namespace mistake

namespace detail {
// per_unit x amount x num / den: a specific duty on a quantity given in another
// unit of the rate's dimension (num / den of it make one of the rate's unit).
// Multiplied first, converted last, so the duty is exact whenever it is a finite
// decimal, even where the quantity in the rate's unit is not: 7 each at 1.20 per
// dozen is 8.40 / 12 = 0.70, though 7/12 dozen has no finite decimal form.
template <representation R>
constexpr result<basic_decimal<R>> specific_duty(basic_decimal<R> per_unit, basic_decimal<R> amount,
                                                 std::int64_t num, std::int64_t den) noexcept {
    const auto product = multiply(per_unit, amount);
    if (!product) // the product alone may not fit where the duty does (a per-hl rate on litres)
        return product_ratio(per_unit, amount, num, den);
    return multiply_ratio(product.value_or({}), num, den);
}
} // namespace detail

class ad_valorem {
public:
    constexpr ad_valorem() noexcept = default; // 0 %, i.e. Free

    // 6.1 -> 6.1 %. Exact: the percentage is divided by 100 by moving the
    // decimal point.
    static constexpr ad_valorem from_percent(decimal percent) {
        return try_from_percent(percent).value();
    }
    // 0.061 -> 6.1 %.
    static constexpr ad_valorem from_fraction(decimal fraction) {
        return try_from_fraction(fraction).value();
    }
    // The non-throwing forms: errc::negative_quantity for a negative rate,
    // errc::inexact when the fraction needs more places than a decimal holds.
    static constexpr result<ad_valorem> try_from_percent(decimal percent) noexcept {
        const auto fraction = detail::multiply_ratio(percent, 1, 100);
        if (!fraction)
            return fraction.error();
        return try_from_fraction(fraction.value_or({}));
    }
    static constexpr result<ad_valorem> try_from_fraction(decimal fraction) noexcept {
        if (fraction < 0)
            return errc::negative_quantity;
        ad_valorem r;
        r.fraction_ = normalize(fraction); // fewest digits: cheapest products
        return r;
    }

    constexpr decimal fraction() const noexcept { return fraction_; }
    constexpr decimal percent() const {
        return normalize(detail::multiply_ratio(fraction_, 100, 1).value());
    }

    // The duty on `value`: value * rate, exact.
    template <class C, class R>
    constexpr basic_money<C, R> operator()(basic_money<C, R> value) const {
        return basic_money<C, R>(value.amount() * basic_decimal<R>(fraction_));
    }

    template <class U, class R>
    mistake::an_ad_valorem_rate_applies_to_a_value_money_not_to_a_quantity__use_a_specific_rate
    operator()(basic_quantity<U, R>) const TARIFF_DETAIL_REJECT(
        "tariff: an ad valorem rate applies to a value (money), not to a quantity; use a "
        "specific_rate (e.g. 5.33_CAD / tariff::kg) for quantities");

    friend constexpr ad_valorem operator+(ad_valorem a, ad_valorem b) {
        return from_fraction(a.fraction_ + b.fraction_);
    }
    friend constexpr bool operator==(ad_valorem a, ad_valorem b) noexcept {
        return a.fraction_ == b.fraction_;
    }
    friend constexpr std::strong_ordering operator<=>(ad_valorem a, ad_valorem b) noexcept {
        return a.fraction_ <=> b.fraction_;
    }

private:
    decimal fraction_{};
};

template <currency_tag C, unit_tag U, detail::representation Rep = std::int64_t>
class specific_rate {
public:
    using currency = C;
    using unit = U;

    constexpr specific_rate() noexcept = default;
    constexpr explicit specific_rate(basic_money<C, Rep> per_unit, U = {}) : per_unit_(per_unit) {
        if (per_unit < basic_money<C, Rep>{})
            detail::raise(errc::negative_quantity);
    }

    // The amount charged per one U.
    constexpr basic_money<C, Rep> per_unit() const noexcept { return per_unit_; }

    // The duty on quantity q (in any unit of the same dimension): exact.
    // A quantity in a unit whose conversion is not a finite decimal (7 each at
    // a rate per dozen) is fine as long as the duty itself is: 7 eggs at
    // 1.20 per dozen is exactly 0.70. Otherwise errc::inexact.
    template <unit_tag V, detail::representation R2>
    requires same_dimension<U, V>
    constexpr basic_money<C, detail::wider_t<Rep, R2>> operator()(basic_quantity<V, R2> q) const {
        using W = detail::wider_t<Rep, R2>;
        using k = detail::conversion<V, U>;
        return basic_money<C, W>(
            detail::specific_duty<W>(per_unit_.amount(), q.value(), k::num, k::den).value());
    }

    template <unit_tag V, detail::representation R2>
    requires(!same_dimension<
             U, V>) mistake::a_specific_rate_applies_only_to_a_quantity_of_its_own_dimension
    operator()(basic_quantity<V, R2>) const TARIFF_DETAIL_REJECT(
        "tariff: a specific rate applies only to a quantity of its own dimension (a per-kg rate "
        "to a mass, not to a count of items)");

    template <class C2, class R2>
    mistake::a_specific_rate_applies_to_a_quantity_not_to_a_value__use_an_ad_valorem_rate
    operator()(basic_money<C2, R2>) const TARIFF_DETAIL_REJECT(
        "tariff: a specific rate applies to a quantity, not to a value; use an ad_valorem rate "
        "(e.g. 6.1_pct) for a value");

    friend constexpr bool operator==(const specific_rate& a, const specific_rate& b) noexcept {
        return a.per_unit_ == b.per_unit_;
    }

private:
    basic_money<C, Rep> per_unit_{};
};

// 5.33_CAD / tariff::kg is CAD 5.33 per kilogram.
template <class C, class R, unit_tag U>
constexpr specific_rate<C, U, R> operator/(basic_money<C, R> per_unit, U unit) {
    return specific_rate<C, U, R>(per_unit, unit);
}

// --- mistakes that must not compile ------------------------------------------

template <class T>
concept rate_type = std::same_as<T, ad_valorem> || requires {
    typename T::unit;
    typename T::currency;
    { T{}.per_unit() } -> money_type;
};

template <class Rate, class C, class R>
requires rate_type<Rate>
    mistake::a_rate_and_an_amount_of_money_cannot_be_added__apply_the_rate_to_its_base_first
    operator+(Rate, basic_money<C, R>) TARIFF_DETAIL_REJECT(
        "tariff: a rate and an amount of money cannot be added; apply the rate to its base first: "
        "rate(value) + amount");
template <class Rate, class C, class R>
requires rate_type<Rate>
    mistake::a_rate_and_an_amount_of_money_cannot_be_added__apply_the_rate_to_its_base_first
    operator+(basic_money<C, R>, Rate) TARIFF_DETAIL_REJECT(
        "tariff: a rate and an amount of money cannot be added; apply the rate to its base first: "
        "amount + rate(value)");

namespace literals {
// 6.1_pct is exactly 6.1 %; 245.5_pct, 0.001_pct and 1000_pct likewise.
template <char... Cs>
constexpr ad_valorem operator""_pct() {
    return ad_valorem::from_percent(detail::literal_value<std::int64_t, Cs...>());
}
} // namespace literals

} // namespace tariff
