// tariff/schedule_currency.hpp: currencies within one schedule.
//
// A currency_conversion<From, To> says how an amount in From becomes one in
// To: the exchange rate, whether the amount is multiplied by it (a rate of To
// per From: 1 EUR = 0.84470 GBP) or divided by it (a rate of From per To, as
// HMRC publishes its monthly rates: 1 GBP = 1.1757 EUR), and the rounding
// (mode and granularity in To) where the result is not exact. The direction
// is always stated: a rate is never inverted silently (multiply_by does not
// take a rate of From per To; divide_by divides by it exactly, with one
// rounding at the end, instead of rounding an inverse first).
//
// With it:
//   conversion.convert(9.40_EUR)                    an amount (rounded as stated)
//   conversion.convert(9.40_EUR / hundred_kg)       a specific rate
//   conversion.convert(expression)                  every specific and fixed amount
//   conversion.exact(...)                           the same, exact or errc::inexact
//   assess(gbp_path, eur_entry, conversion, policy) an entry in one currency on a
//                                                   path in another, the conversion
//                                                   recorded beside the assessment
// Every throwing form has a try_ twin returning result<T>.
#pragma once

#include <concepts>
#include <type_traits>

#include "assessment.hpp"
#include "exchange.hpp"

namespace tariff {

// How a conversion applies its rate.
enum class conversion_direction : unsigned char {
    multiply, // amount x rate (the rate is To per From)
    divide,   // amount / rate (the rate is From per To)
};

namespace mistake {
struct this_rate_is_from_per_to__divide_by_it_with_divide_by__a_rate_is_never_inverted_silently {};
struct this_rate_is_to_per_from__multiply_by_it_with_multiply_by {};
struct the_entry_is_not_in_the_currency_the_conversion_converts_from {};
} // namespace mistake

namespace detail {
// a converted by `rate` in `direction`, rounded by `mode` to a multiple of
// `step` (> 0): one rounding of the exact result, formed in 128 bits, so that
// only the rounded amount must fit.
constexpr result<decimal> convert_to_multiple(decimal a, decimal rate,
                                              conversion_direction direction, decimal step,
                                              rounding_mode mode) noexcept {
    using W = basic_decimal<int128_t>;
    if (!is_valid(mode) || step.coefficient() <= 0 || rate.coefficient() <= 0)
        return errc::invalid_argument;
    const W wa = narrow<int128_t>(a).value_or({});
    const W wr = narrow<int128_t>(rate).value_or({});
    const W ws = narrow<int128_t>(step).value_or({});
    if (direction == conversion_direction::multiply) {
        const auto product = multiply(wa, wr);
        if (!product)
            return product.error();
        const auto rounded = round_to_multiple(*product, ws, mode);
        if (!rounded)
            return rounded.error();
        return narrow<std::int64_t>(*rounded);
    }
    // a / rate to a multiple of step: (a / (rate x step)) rounded to a whole
    // number, times step.
    const auto divisor = multiply(wr, ws);
    if (!divisor)
        return divisor.error();
    const auto q = divide(wa, *divisor, 0, mode);
    if (!q)
        return q.error();
    const auto m = multiply(*q, ws);
    if (!m)
        return m.error();
    return narrow<std::int64_t>(*m);
}

// a converted exactly: the product, or the quotient if it is a decimal of at
// most decimal::max_scale places that fits (errc::inexact otherwise: 1 / 3).
constexpr result<decimal> convert_exactly(decimal a, decimal rate,
                                          conversion_direction direction) noexcept {
    if (rate.coefficient() <= 0)
        return errc::invalid_argument;
    if (direction == conversion_direction::multiply)
        return multiply(a, rate);
    for (int s = 0; s <= decimal::max_scale; ++s) {
        const auto q = divide(a, rate, s, rounding_mode::toward_zero);
        if (!q)
            return errc::inexact;
        const auto back = multiply(*q, rate);
        if (back && *back == a)
            return *q;
    }
    return errc::inexact;
}

// Converts a duty expression's amounts (a friend of duty_expression: the
// nodes are copied, each specific or fixed amount converted by f).
template <class From, class To>
struct expression_converter {
    template <unsigned N, std::size_t K, class F>
    static constexpr result<duty_expression<To, N, K>> convert(const duty_expression<From, N, K>& e,
                                                               F f) noexcept {
        duty_expression<To, N, K> out;
        out.size_ = e.size_;
        out.unit_count_ = e.unit_count_;
        out.needs_ = e.needs_;
        out.units_ = e.units_;
        for (std::size_t i = 0; i < e.size(); ++i) {
            const duty_node& n = e.nodes_[i];
            if (n.kind == duty_kind::specific || n.kind == duty_kind::fixed) {
                const result<decimal> r = f(n.amount());
                if (!r)
                    return r.error();
                out.nodes_[i] = duty_node(n.kind, n.lhs, n.rhs, r.value_or({}), n.unit_index);
            } else {
                out.nodes_[i] = n;
            }
        }
        return out;
    }
};
} // namespace detail

template <currency_tag From, currency_tag To>
class currency_conversion {
public:
    using from_currency = From;
    using to_currency = To;

    // No conversion: every conversion with it is errc::invalid_argument
    // (there is no default rate or rounding).
    constexpr currency_conversion() noexcept = default;

    // Multiplies From amounts by `rate` (To per From), rounding by `mode` to
    // a multiple of `granularity`. errc::invalid_argument for a granularity
    // that is not positive or a mode that is not one.
    static constexpr result<currency_conversion>
    try_multiply_by(const exchange_rate<From, To>& rate, money<To> granularity,
                    required_rounding_mode mode) noexcept {
        return make(rate.rate(), conversion_direction::multiply, granularity, mode);
    }
    static constexpr currency_conversion multiply_by(const exchange_rate<From, To>& rate,
                                                     money<To> granularity,
                                                     required_rounding_mode mode) {
        return try_multiply_by(rate, granularity, mode).value();
    }
    // Divides From amounts by `rate` (From per To: HMRC's "1 GBP = 1.1757
    // EUR" is an exchange_rate<GBP, EUR>), exactly, rounding once at the end.
    static constexpr result<currency_conversion>
    try_divide_by(const exchange_rate<To, From>& rate, money<To> granularity,
                  required_rounding_mode mode) noexcept {
        return make(rate.rate(), conversion_direction::divide, granularity, mode);
    }
    static constexpr currency_conversion divide_by(const exchange_rate<To, From>& rate,
                                                   money<To> granularity,
                                                   required_rounding_mode mode) {
        return try_divide_by(rate, granularity, mode).value();
    }

    // A rate the other way round: named, never callable (it would have to be
    // inverted; say which you mean).
    template <class R>
    requires(std::same_as<R, exchange_rate<To, From>> && !std::same_as<From, To>) static mistake::
        this_rate_is_from_per_to__divide_by_it_with_divide_by__a_rate_is_never_inverted_silently
        multiply_by(const R&, money<To>, required_rounding_mode) TARIFF_DETAIL_REJECT(
            "tariff: multiply_by: this exchange_rate gives From per To; dividing by it is "
            "divide_by(rate, granularity, mode) (the library never inverts a rate silently)");
    template <class R>
    requires(std::same_as<R, exchange_rate<To, From>> && !std::same_as<From, To>) static mistake::
        this_rate_is_from_per_to__divide_by_it_with_divide_by__a_rate_is_never_inverted_silently
        try_multiply_by(const R&, money<To>, required_rounding_mode) TARIFF_DETAIL_REJECT(
            "tariff: try_multiply_by: this exchange_rate gives From per To; dividing by it is "
            "try_divide_by(rate, granularity, mode) (the library never inverts a rate silently)");
    template <class R>
    requires(
        std::same_as<R, exchange_rate<From, To>> &&
        !std::same_as<From,
                      To>) static mistake::this_rate_is_to_per_from__multiply_by_it_with_multiply_by
        divide_by(const R&, money<To>, required_rounding_mode) TARIFF_DETAIL_REJECT(
            "tariff: divide_by: this exchange_rate gives To per From; multiplying by it is "
            "multiply_by(rate, granularity, mode)");
    template <class R>
    requires(
        std::same_as<R, exchange_rate<From, To>> &&
        !std::same_as<From,
                      To>) static mistake::this_rate_is_to_per_from__multiply_by_it_with_multiply_by
        try_divide_by(const R&, money<To>, required_rounding_mode) TARIFF_DETAIL_REJECT(
            "tariff: try_divide_by: this exchange_rate gives To per From; multiplying by it is "
            "try_multiply_by(rate, granularity, mode)");

    // What the conversion is: the rate as published, the direction, the
    // rounding.
    constexpr decimal rate() const noexcept { return rate_; }
    constexpr conversion_direction direction() const noexcept { return direction_; }
    constexpr rounding_mode mode() const noexcept { return mode_; }
    constexpr money<To> granularity() const noexcept { return granularity_; }

    // An amount, rounded as the conversion says. errc::invalid_argument for
    // a default conversion; errc::overflow if the rounded amount does not fit.
    constexpr result<money<To>> try_convert(money<From> amount) const noexcept {
        const auto r = detail::convert_to_multiple(amount.amount(), rate_, direction_,
                                                   granularity_.amount(), mode_);
        if (!r)
            return r.error();
        return money<To>(r.value_or({}));
    }
    constexpr money<To> convert(money<From> amount) const { return try_convert(amount).value(); }
    // An amount, exactly: errc::inexact if the quotient has no exact decimal
    // form that fits (dividing by 1.1757), errc::overflow.
    constexpr result<money<To>> try_exact(money<From> amount) const noexcept {
        const auto r = detail::convert_exactly(amount.amount(), rate_, direction_);
        if (!r)
            return r.error();
        return money<To>(r.value_or({}));
    }
    constexpr money<To> exact(money<From> amount) const { return try_exact(amount).value(); }

    // A specific rate (EUR 9.40 / 100 kg to GBP / 100 kg): its amount per
    // unit converted, rounded as the conversion says (convert) or exactly
    // (exact); the unit is unchanged.
    template <unit_tag U>
    constexpr result<specific_rate<To, U>>
    try_convert(const specific_rate<From, U>& rate) const noexcept {
        const auto r = try_convert(rate.per_unit());
        if (!r)
            return r.error();
        return specific_rate<To, U>(r.value_or({}));
    }
    template <unit_tag U>
    constexpr specific_rate<To, U> convert(const specific_rate<From, U>& rate) const {
        return try_convert(rate).value();
    }
    template <unit_tag U>
    constexpr result<specific_rate<To, U>>
    try_exact(const specific_rate<From, U>& rate) const noexcept {
        const auto r = try_exact(rate.per_unit());
        if (!r)
            return r.error();
        return specific_rate<To, U>(r.value_or({}));
    }
    template <unit_tag U>
    constexpr specific_rate<To, U> exact(const specific_rate<From, U>& rate) const {
        return try_exact(rate).value();
    }

    // A whole expression: each specific rate's and fixed amount's money
    // converted (each rounded as the conversion says, or exactly); ad valorem
    // rates and the tree unchanged. Same needs and capacity, in To.
    template <unsigned N, std::size_t K>
    constexpr result<duty_expression<To, N, K>>
    try_convert(const duty_expression<From, N, K>& e) const noexcept {
        return detail::expression_converter<From, To>::convert(e, [this](decimal a) {
            return detail::convert_to_multiple(a, rate_, direction_, granularity_.amount(), mode_);
        });
    }
    template <unsigned N, std::size_t K>
    constexpr duty_expression<To, N, K> convert(const duty_expression<From, N, K>& e) const {
        return try_convert(e).value();
    }
    template <unsigned N, std::size_t K>
    constexpr result<duty_expression<To, N, K>>
    try_exact(const duty_expression<From, N, K>& e) const noexcept {
        return detail::expression_converter<From, To>::convert(
            e, [this](decimal a) { return detail::convert_exactly(a, rate_, direction_); });
    }
    template <unsigned N, std::size_t K>
    constexpr duty_expression<To, N, K> exact(const duty_expression<From, N, K>& e) const {
        return try_exact(e).value();
    }

    friend constexpr bool operator==(const currency_conversion&,
                                     const currency_conversion&) noexcept = default;

private:
    static constexpr result<currency_conversion> make(decimal rate, conversion_direction d,
                                                      money<To> granularity,
                                                      required_rounding_mode mode) noexcept {
        if (!is_valid(mode) || granularity.amount().coefficient() <= 0 || rate <= 0)
            return errc::invalid_argument;
        currency_conversion c;
        c.rate_ = rate;
        c.direction_ = d;
        c.mode_ = mode;
        c.granularity_ = granularity;
        return c;
    }

    decimal rate_{};
    money<To> granularity_{};
    conversion_direction direction_ = conversion_direction::multiply;
    rounding_mode mode_{};
};

// An entry declared in one currency, assessed on a path in another: the
// value as declared, the conversion (rate, direction, rounding), the value it
// gave, and the assessment of the converted entry (which refers to the path:
// the path must outlive it).
template <currency_tag From, currency_tag To>
struct converted_assessment {
    money<From> declared_value{};
    currency_conversion<From, To> conversion{};
    money<To> converted_value{};
    assessment<To> assessed{};
};

// Assesses an entry declared in From on a path in To: its value converted
// (rounded as the conversion says), its quantities as declared, then
// assess(). The errors of the conversion and of assess().
template <currency_tag From, currency_tag To>
constexpr result<converted_assessment<From, To>>
try_assess(const duty_path<To>& path, const std::type_identity_t<duty_base<From>>& base,
           const currency_conversion<From, To>& conversion,
           const rounding_policy<To>& policy) noexcept {
    const auto v = conversion.try_convert(base.value());
    if (!v)
        return v.error();
    if (v.value_or({}) < money<To>{})
        return errc::negative_quantity;
    duty_base<To> converted(v.value_or({}));
    // The quantities, in their dimensions' base units (num = den = 1), with
    // their qualifiers (their names refer to the same strings as base's).
    for (const declared_quantity& q : base) {
        unit_info u;
        u.dimension_bit = q.dimension_bit();
        u.qualifier = q.qualifier();
        u.base_symbol = q.base_symbol();
        converted = converted.with(u, q.amount()); // a valid base's: cannot raise
    }
    // The named values ("case", "battery"), each converted as the value is.
    for (std::size_t i = 0; i < base.named_value_count(); ++i) {
        const auto n = conversion.try_convert(base.named_value_at(i));
        if (!n)
            return n.error();
        const auto b = converted.try_with_named_value(base.named_value_name(i), n.value_or({}));
        if (!b)
            return b.error();
        converted = b.value_or(converted);
    }
    converted_assessment<From, To> out;
    out.declared_value = base.value();
    out.conversion = conversion;
    out.converted_value = v.value_or({});
    const auto r = try_assess_into(out.assessed, path, converted, policy);
    if (!r)
        return r.error();
    return out;
}
template <currency_tag From, currency_tag To, unsigned Declared>
constexpr converted_assessment<From, To>
assess(const duty_path<To>& path, const duty_base<From, Declared>& base,
       const currency_conversion<From, To>& conversion, const rounding_policy<To>& policy) {
    return try_assess(path, duty_base<From>(base), conversion, policy).value();
}

// An entry in a third currency, or a path that is a temporary: named, never
// callable.
template <currency_tag From, currency_tag To, currency_tag C2, unsigned Declared>
requires(
    !std::same_as<C2, From>) mistake::the_entry_is_not_in_the_currency_the_conversion_converts_from
    assess(const duty_path<To>&, const duty_base<C2, Declared>&,
           const currency_conversion<From, To>&, const rounding_policy<To>&)
TARIFF_DETAIL_REJECT("tariff: assess: the entry's currency is not the one the conversion "
                     "converts from; use a currency_conversion<EntryCurrency, "
                     "PathCurrency>");
template <currency_tag From, currency_tag To, unsigned Declared>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
assess(const duty_path<To>&&, const duty_base<From, Declared>&,
       const currency_conversion<From, To>&, const rounding_policy<To>&)
    TARIFF_DETAIL_REJECT("tariff: an assessment refers to its path and does not copy it, so the "
                         "path cannot be a temporary; keep it in a variable that outlives it");
template <currency_tag From, currency_tag To>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
try_assess(const duty_path<To>&&, const std::type_identity_t<duty_base<From>>&,
           const currency_conversion<From, To>&, const rounding_policy<To>&)
    TARIFF_DETAIL_REJECT("tariff: an assessment refers to its path and does not copy it, so the "
                         "path cannot be a temporary; keep it in a variable that outlives it");

} // namespace tariff
