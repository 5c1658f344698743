// tariff/quantity.hpp: exact, non-negative amounts of a unit of measure.
//
// tariff::quantity<U> holds a tariff::decimal (see decimal.hpp for the range)
// that is never negative: a negative quantity raises errc::negative_quantity.
// 16.32_dec * tariff::tonne is exactly 16.32 t. Quantities of one dimension
// convert exactly (1 tonne is 1000 kg); quantities of different dimensions
// never mix (a count of cars cannot be added to kilograms).
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <string_view>

#include "decimal.hpp"
#include "units.hpp"

namespace tariff {

template <unit_tag U, detail::representation Rep = std::int64_t>
class basic_quantity;

template <unit_tag U>
using quantity = basic_quantity<U, std::int64_t>;

namespace detail {

// How many To make one From, as a reduced fraction.
template <unit_tag From, unit_tag To>
struct conversion {
    static constexpr std::int64_t n0 = From::num * To::den;
    static constexpr std::int64_t d0 = From::den * To::num;
    static constexpr std::int64_t g = detail::gcd(n0, d0);
    static constexpr std::int64_t num = n0 / g;
    static constexpr std::int64_t den = d0 / g;
    static constexpr bool den_is_2s_and_5s() {
        std::int64_t d = den;
        while (d % 2 == 0)
            d /= 2;
        while (d % 5 == 0)
            d /= 5;
        return d == 1;
    }
    // True when every value converts to a finite decimal (kg -> tonne), false
    // when some do not (7 each is 7/12 dozen).
    static constexpr bool always_exact = den_is_2s_and_5s();
};

// The finer of two units of one dimension (the result unit of a sum).
template <unit_tag U, unit_tag V>
using finer_t = std::conditional_t<
    (static_cast<int128_t>(U::num) * V::den <= static_cast<int128_t>(V::num) * U::den), U, V>;

template <class T>
struct is_quantity : std::false_type {};
template <class U, class R>
struct is_quantity<basic_quantity<U, R>> : std::true_type {};

} // namespace detail

template <class T>
concept quantity_type = detail::is_quantity<T>::value;

template <unit_tag U, detail::representation Rep>
class basic_quantity {
public:
    using unit = U;
    using dimension = typename U::dimension;
    using rep = Rep;
    using decimal_type = basic_decimal<Rep>;

    constexpr basic_quantity() noexcept = default;

    // errc::negative_quantity if value < 0.
    constexpr explicit basic_quantity(decimal_type value) : value_(value) {
        if (value < 0)
            detail::raise(errc::negative_quantity);
    }

    // Same dimension: exact conversion. Implicit where every value converts
    // to a finite decimal (tonne -> kg, kg -> tonne, dozen -> each); explicit
    // where some do not (each -> dozen), and then errc::inexact if this one
    // does not.
    template <unit_tag V, detail::representation R2>
    requires same_dimension<U, V> &&
        (!(std::same_as<U, V> &&
           std::same_as<R2, Rep>)) constexpr explicit(!detail::conversion<V, U>::always_exact ||
                                                      sizeof(R2) > sizeof(Rep))
            basic_quantity(basic_quantity<V, R2> other)
        : value_(decimal_type(
              detail::multiply_ratio<detail::wider_t<Rep, R2>>(
                  other.value(), detail::conversion<V, U>::num, detail::conversion<V, U>::den)
                  .value())) {}

    template <unit_tag V, detail::representation R2>
    requires(!same_dimension<U, V>) constexpr basic_quantity(basic_quantity<V, R2>) {
        static_assert(detail::dependent_false<V>,
                      "tariff: a quantity of one dimension cannot become a quantity of another "
                      "(e.g. a count of vehicles is not a mass)");
    }

    template <std::floating_point F>
    constexpr basic_quantity(F) {
        static_assert(detail::dependent_false<F>,
                      "tariff: a quantity cannot be made from binary floating point; write "
                      "16.32_dec * tariff::tonne or 16.32_tonne");
    }

    static constexpr parse_result<basic_quantity> parse(std::string_view text) noexcept {
        auto d = detail::parse_decimal<Rep>(text);
        if (d.ok() && d.value < 0)
            return {basic_quantity{},
                    parse_error{errc::negative_quantity, 0, "a quantity cannot be negative"}};
        basic_quantity q;
        q.value_ = d.value;
        return {q, d.error};
    }

    // The number of units (16.32 for 16.32 t).
    constexpr decimal_type value() const noexcept { return value_; }

    // The same quantity in unit V (exact; errc::inexact if it has no finite
    // decimal form in V).
    template <unit_tag V>
    requires same_dimension<U, V>
    constexpr basic_quantity<V, Rep> in(V) const {
        return basic_quantity<V, Rep>(detail::multiply_ratio<Rep>(value_,
                                                                  detail::conversion<U, V>::num,
                                                                  detail::conversion<U, V>::den)
                                          .value());
    }

    constexpr basic_quantity& operator+=(basic_quantity other) {
        value_ = value_ + other.value_;
        return *this;
    }

private:
    decimal_type value_{};
};

// --- building quantities ----------------------------------------------------

template <std::integral I, unit_tag U>
constexpr quantity<U> operator*(I n, U) {
    return quantity<U>(decimal(n));
}
template <class R, unit_tag U>
constexpr basic_quantity<U, R> operator*(basic_decimal<R> n, U) {
    return basic_quantity<U, R>(n);
}
template <std::floating_point F, unit_tag U>
constexpr void operator*(F, U) {
    static_assert(detail::dependent_false<F>,
                  "tariff: a quantity cannot be made from binary floating point; write "
                  "16.32_dec * tariff::tonne or 16.32_tonne");
}

// --- arithmetic within one dimension ------------------------------------------

template <class U, class V, class R1, class R2>
requires same_dimension<U, V>
constexpr auto operator+(basic_quantity<U, R1> a, basic_quantity<V, R2> b) {
    using T = basic_quantity<detail::finer_t<U, V>, detail::wider_t<R1, R2>>;
    return T(T(a).value() + T(b).value());
}
// errc::negative_quantity if b > a.
template <class U, class V, class R1, class R2>
requires same_dimension<U, V>
constexpr auto operator-(basic_quantity<U, R1> a, basic_quantity<V, R2> b) {
    using T = basic_quantity<detail::finer_t<U, V>, detail::wider_t<R1, R2>>;
    return T(T(a).value() - T(b).value());
}
template <class U, class V, class R1, class R2>
requires same_dimension<U, V>
constexpr bool operator==(basic_quantity<U, R1> a, basic_quantity<V, R2> b) {
    using T = basic_quantity<detail::finer_t<U, V>, detail::wider_t<R1, R2>>;
    return T(a).value() == T(b).value();
}
template <class U, class V, class R1, class R2>
requires same_dimension<U, V>
constexpr std::strong_ordering operator<=>(basic_quantity<U, R1> a, basic_quantity<V, R2> b) {
    using T = basic_quantity<detail::finer_t<U, V>, detail::wider_t<R1, R2>>;
    return T(a).value() <=> T(b).value();
}
template <class U, class R, std::integral I>
constexpr basic_quantity<U, R> operator*(basic_quantity<U, R> q, I k) {
    return basic_quantity<U, R>(q.value() * basic_decimal<R>(k));
}
template <class U, class R, std::integral I>
constexpr basic_quantity<U, R> operator*(I k, basic_quantity<U, R> q) {
    return q * k;
}
template <class U, class R, class R2>
constexpr auto operator*(basic_quantity<U, R> q, basic_decimal<R2> k) {
    using W = detail::wider_t<R, R2>;
    return basic_quantity<U, W>(q.value() * k);
}

// --- mistakes that must not compile ------------------------------------------

template <class U, class R, std::floating_point F>
constexpr void operator*(basic_quantity<U, R>, F) {
    static_assert(detail::dependent_false<F>,
                  "tariff: a quantity cannot be multiplied by binary floating point; use a "
                  "decimal literal (1.5_dec) or an integer");
}
template <class U, class R, std::floating_point F>
constexpr void operator*(F, basic_quantity<U, R>) {
    static_assert(detail::dependent_false<F>,
                  "tariff: a quantity cannot be multiplied by binary floating point; use a "
                  "decimal literal (1.5_dec) or an integer");
}

template <class U, class V, class R1, class R2>
requires(!same_dimension<U, V>) constexpr basic_quantity<U, R1> operator+(basic_quantity<U, R1>,
                                                                          basic_quantity<V, R2>) {
    static_assert(detail::dependent_false<V>,
                  "tariff: quantities of different dimensions cannot be added (e.g. vehicles and "
                  "kilograms)");
    return {};
}
template <class U, class V, class R1, class R2>
requires(!same_dimension<U, V>) constexpr basic_quantity<U, R1> operator-(basic_quantity<U, R1>,
                                                                          basic_quantity<V, R2>) {
    static_assert(detail::dependent_false<V>,
                  "tariff: quantities of different dimensions cannot be subtracted");
    return {};
}
template <class U, class V, class R1, class R2>
requires(!same_dimension<U, V>) constexpr bool operator==(basic_quantity<U, R1>,
                                                          basic_quantity<V, R2>) {
    static_assert(detail::dependent_false<V>,
                  "tariff: quantities of different dimensions cannot be compared");
    return false;
}
template <class U, class V, class R1, class R2>
requires(!same_dimension<U, V>) constexpr std::strong_ordering operator<=>(basic_quantity<U, R1>,
                                                                           basic_quantity<V, R2>) {
    static_assert(detail::dependent_false<V>,
                  "tariff: quantities of different dimensions cannot be compared");
    return std::strong_ordering::equal;
}

#define TARIFF_DETAIL_QUANTITY_LITERAL(SUFFIX, UNIT)                                               \
    template <char... Cs>                                                                          \
    constexpr ::tariff::quantity<UNIT> operator""_##SUFFIX() {                                     \
        return ::tariff::quantity<UNIT>(::tariff::detail::literal_value<std::int64_t, Cs...>());   \
    }

namespace literals {
TARIFF_DETAIL_QUANTITY_LITERAL(each, units::each)
TARIFF_DETAIL_QUANTITY_LITERAL(g, units::gram)
TARIFF_DETAIL_QUANTITY_LITERAL(kg, units::kilogram)
TARIFF_DETAIL_QUANTITY_LITERAL(tonne, units::tonne)
TARIFF_DETAIL_QUANTITY_LITERAL(l, units::litre)
TARIFF_DETAIL_QUANTITY_LITERAL(hl, units::hectolitre)
TARIFF_DETAIL_QUANTITY_LITERAL(lpa, units::litre_pure_alcohol)
TARIFF_DETAIL_QUANTITY_LITERAL(m2, units::square_metre)
TARIFF_DETAIL_QUANTITY_LITERAL(kWh, units::kilowatt_hour)
} // namespace literals

} // namespace tariff
