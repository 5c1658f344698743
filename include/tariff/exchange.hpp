// tariff/exchange.hpp: converting between currencies at a stated rate.
//
// exchange_rate<From, To> holds how many To one From buys, as an exact
// decimal (Bank of Canada rates have 4 decimals, ECB 4 to 6; more are fine).
// Converting is exact (exact()) or rounded to To's minor unit with a mode
// you give (convert()). A rate for CNY -> CAD does not compile on USD.
#pragma once

#include "money.hpp"

namespace tariff {

namespace mistake {
struct this_exchange_rate_converts_from_another_currency__check_its_from_currency {};
} // namespace mistake

namespace detail {
// amount * rate rounded to `places` by mode (valid, places >= 0): the exact
// product in 64 bits when it fits, else in 128 (two 63-bit coefficients and
// at most 36 places always fit); errc::overflow only if the rounded amount
// does not fit 64 bits.
constexpr result<decimal> convert_rounded(decimal amount, decimal rate, int places,
                                          rounding_mode mode) noexcept {
    const int s = amount.scale() + rate.scale();
    std::int64_t p = 0;
    if (!mul_overflows(amount.coefficient(), rate.coefficient(), p) && s <= decimal::max_scale)
        return round_to_scale(decimal::from_parts(p, s), places, mode);
    using W = int128_t;
    const W product = static_cast<W>(amount.coefficient()) * static_cast<W>(rate.coefficient());
    const auto rounded = round_to_scale(basic_decimal<W>::from_parts(product, s), places, mode);
    if (!rounded)
        return rounded.error();
    return narrow<std::int64_t>(*rounded);
}
} // namespace detail

template <currency_tag From, currency_tag To>
class exchange_rate {
public:
    using from_currency = From;
    using to_currency = To;

    // errc::invalid_argument if rate <= 0.
    constexpr explicit exchange_rate(decimal rate) : rate_(rate) {
        if (rate <= 0)
            detail::raise(errc::invalid_argument);
    }

    constexpr decimal rate() const noexcept { return rate_; }

    // amount * rate, exact.
    template <class R>
    constexpr basic_money<To, R> exact(basic_money<From, R> amount) const {
        return basic_money<To, R>(amount.amount() * basic_decimal<R>(rate_));
    }
    // amount * rate, rounded to To's minor unit by mode. Succeeds whenever the
    // rounded amount fits, even where the exact product does not (it is formed
    // in 128 bits for money, 512 for wide_money). errc::invalid_argument for an
    // invalid mode.
    template <class R>
    constexpr basic_money<To, R> convert(basic_money<From, R> amount,
                                         required_rounding_mode mode) const {
        if (!is_valid(mode))
            detail::raise(errc::invalid_argument);
        if constexpr (std::is_same_v<R, std::int64_t>) {
            return basic_money<To, R>(
                detail::convert_rounded(amount.amount(), rate_, To::minor_digits, mode).value());
        } else {
            return basic_money<To, R>(detail::multiply_rounded(amount.amount(),
                                                               basic_decimal<R>(rate_),
                                                               To::minor_digits, mode)
                                          .value());
        }
    }

    // 1 / rate, rounded to `places` decimal places by mode (an inverse is
    // rarely exact: 1 / 0.1897 has no finite decimal form).
    template <detail::not_an_integer T>
    mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
        inverse(T, required_rounding_mode) const
        TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");
    constexpr exchange_rate<To, From> inverse(int places, required_rounding_mode mode) const {
        return exchange_rate<To, From>(divide(decimal(1), rate_, places, mode));
    }

    // An amount in another currency than From: named, never callable (see
    // detail/mistake.hpp).
    template <class C2, class R>
    requires(!std::same_as<C2, From>)
        mistake::this_exchange_rate_converts_from_another_currency__check_its_from_currency
        exact(basic_money<C2, R>)
    const TARIFF_DETAIL_REJECT(
        "tariff: this exchange_rate converts from another currency; it cannot be applied to "
        "this amount (check the rate's From currency)");
    template <class C2, class R>
    requires(!std::same_as<C2, From>)
        mistake::this_exchange_rate_converts_from_another_currency__check_its_from_currency
        convert(basic_money<C2, R>, required_rounding_mode)
    const TARIFF_DETAIL_REJECT(
        "tariff: this exchange_rate converts from another currency; it cannot be applied to "
        "this amount (check the rate's From currency)");

    friend constexpr bool operator==(const exchange_rate& a, const exchange_rate& b) noexcept {
        return a.rate_ == b.rate_;
    }

private:
    decimal rate_;
};

} // namespace tariff
