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

#include "currency.hpp"
#include "decimal.hpp"
#include "detail/mistake.hpp"
#include "units.hpp"

namespace tariff {

template <unit_tag U, detail::representation Rep = std::int64_t>
class basic_quantity;

template <unit_tag U>
using quantity = basic_quantity<U, std::int64_t>;

template <currency_tag C, detail::representation Rep>
class basic_money;

namespace mistake {
struct
    a_quantity_of_one_dimension_cannot_become_a_quantity_of_another__a_count_of_vehicles_is_not_a_mass {
};
struct a_quantity_cannot_be_made_from_binary_floating_point__write_16_32_dec_times_tariff_tonne {};
struct
    a_quantity_cannot_be_made_from_a_character_or_bool__write_an_integer_or_a_decimal_times_a_unit {
};
struct quantities_of_different_dimensions_cannot_be_added {};
struct quantities_of_different_dimensions_cannot_be_subtracted {};
struct quantities_of_different_dimensions_cannot_be_compared {};
struct a_bare_number_cannot_be_added_to_a_quantity__write_it_with_a_unit_such_as_1_kg {};
struct a_quantity_compares_only_with_a_quantity_of_its_dimension__write_0_kg_not_0 {};
struct
    a_quantity_cannot_be_multiplied_by_binary_floating_point__use_a_decimal_literal_or_an_integer {
};
struct a_quantity_cannot_be_multiplied_by_a_character_or_bool__use_an_integer_or_a_decimal {};
struct quantity_times_quantity_has_no_meaning_here__multiply_a_quantity_by_a_number {};
struct a_quantity_divided_by_a_number_is_rarely_exact__multiply_by_a_decimal_such_as_0_5_dec {};
struct a_quantity_is_never_negative__subtract_it_from_another_quantity_instead {};
struct
    a_quantity_divided_by_a_quantity_is_not_a_quantity__divide_their_values_with_a_rounding_mode {};
struct
    units_do_not_multiply__a_quantity_is_a_number_times_a_unit_such_as_16_32_dec_times_tariff_kg {};
struct
    money_times_a_quantity_has_no_meaning__a_specific_rate_is_money_per_unit_5_33_CAD_per_kg_applied_to_the_quantity {
};
struct
    money_times_a_unit_has_no_meaning__a_specific_rate_is_written_money_divided_by_the_unit_5_33_CAD_per_kg {
};
} // namespace mistake

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
    // The non-throwing form of the constructor.
    static constexpr result<basic_quantity> try_make(decimal_type value) noexcept {
        if (value < 0)
            return errc::negative_quantity;
        return from_nonnegative(value);
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

    // Mistakes (see detail/mistake.hpp): these overloads are never callable.
    template <unit_tag V, detail::representation R2>
    requires(!same_dimension<U, V>) basic_quantity(
        basic_quantity<V, R2>,
        mistake::
            a_quantity_of_one_dimension_cannot_become_a_quantity_of_another__a_count_of_vehicles_is_not_a_mass =
                {})
    TARIFF_DETAIL_REJECT("tariff: a quantity of one dimension cannot become a quantity of another "
                         "(e.g. a count of vehicles is not a mass)");
    template <std::floating_point F>
    basic_quantity(
        F,
        mistake::
            a_quantity_cannot_be_made_from_binary_floating_point__write_16_32_dec_times_tariff_tonne =
                {}) TARIFF_DETAIL_REJECT("tariff: a quantity cannot be made from binary floating "
                                         "point; write 16.32_dec * tariff::tonne or 16.32_tonne");
    template <class T>
    requires(detail::character_type<T> || std::same_as<T, bool>) basic_quantity(
        T,
        mistake::
            a_quantity_cannot_be_made_from_a_character_or_bool__write_an_integer_or_a_decimal_times_a_unit =
                {})
    TARIFF_DETAIL_REJECT("tariff: a quantity cannot be made from a character or a bool ('5' is "
                         "53); write 5 * tariff::kg or 5_kg");

    // Parses "16.32" as 16.32 units (see parse_decimal for the notation);
    // try_parse never throws, parse raises the error.
    static constexpr parse_result<basic_quantity> try_parse(std::string_view text) noexcept {
        return detail::parse_decimal<Rep>(text).and_then(
            [](decimal_type d) noexcept -> parse_result<basic_quantity> {
                if (d < 0)
                    return parse_error{errc::negative_quantity, 0, "a quantity cannot be negative"};
                return from_nonnegative(d);
            });
    }
    static constexpr basic_quantity parse(std::string_view text) { return try_parse(text).value(); }

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

    // The non-throwing form of in(V).
    template <unit_tag V>
    requires same_dimension<U, V>
    constexpr result<basic_quantity<V, Rep>> try_in(V) const noexcept {
        return detail::multiply_ratio<Rep>(value_, detail::conversion<U, V>::num,
                                           detail::conversion<U, V>::den)
            .transform(basic_quantity<V, Rep>::from_nonnegative);
    }

    template <unit_tag V>
    requires(!same_dimension<U, V>) mistake::
        a_quantity_of_one_dimension_cannot_become_a_quantity_of_another__a_count_of_vehicles_is_not_a_mass
        in(V)
    const TARIFF_DETAIL_REJECT(
        "tariff: a quantity of one dimension cannot become a quantity of another; in() converts "
        "only to a unit of its own dimension (kg to tonne, not kg to each)");

    constexpr basic_quantity& operator+=(basic_quantity other) {
        value_ = value_ + other.value_;
        return *this;
    }
    // errc::negative_quantity (and no change) if other > *this.
    constexpr basic_quantity& operator-=(basic_quantity other) {
        value_ = basic_quantity(value_ - other.value_).value_;
        return *this;
    }
    // A quantity is never negative.
    template <class Mistake =
                  mistake::a_quantity_is_never_negative__subtract_it_from_another_quantity_instead>
    basic_quantity operator-() const TARIFF_DETAIL_REJECT(
        "tariff: a quantity is never negative, so it has no unary minus; subtract it from another "
        "quantity (a - b raises errc::negative_quantity if b > a)");
    template <detail::bare_number T>
    mistake::a_bare_number_cannot_be_added_to_a_quantity__write_it_with_a_unit_such_as_1_kg
    operator+=(T) TARIFF_DETAIL_REJECT("tariff: a bare number cannot be added to a quantity; write "
                                       "it with a unit, e.g. q += 1 * tariff::kg");

private:
    template <unit_tag, detail::representation>
    friend class basic_quantity;
    static constexpr basic_quantity from_nonnegative(decimal_type value) noexcept {
        basic_quantity q;
        q.value_ = value;
        return q;
    }

    decimal_type value_{};
};

namespace detail {
// q's value in T's unit and width, exactly, or the error.
template <class T, class U, class R>
constexpr result<typename T::decimal_type> try_value_in(basic_quantity<U, R> q) noexcept {
    using V = typename T::unit;
    using W = typename T::rep;
    return narrow<W>(q.value()).and_then([](basic_decimal<W> wide) noexcept {
        return multiply_ratio<W>(wide, conversion<U, V>::num, conversion<U, V>::den);
    });
}
template <class T, class A, class B>
constexpr result<T> quantity_sum(A a, B b, bool subtract) noexcept {
    using D = typename T::decimal_type;
    return try_value_in<T>(a).and_then([&](D x) noexcept {
        return try_value_in<T>(b)
            .and_then([&](D y) noexcept { return subtract ? add(x, -y) : add(x, y); })
            .and_then(T::try_make);
    });
}
} // namespace detail

// --- building quantities ----------------------------------------------------

template <detail::exact_integer I, unit_tag U>
constexpr quantity<U> operator*(I n, U) {
    return quantity<U>(decimal(n));
}
template <class R, unit_tag U>
constexpr basic_quantity<U, R> operator*(basic_decimal<R> n, U) {
    return basic_quantity<U, R>(n);
}
template <std::floating_point F, unit_tag U>
mistake::a_quantity_cannot_be_made_from_binary_floating_point__write_16_32_dec_times_tariff_tonne
operator*(F, U) TARIFF_DETAIL_REJECT("tariff: a quantity cannot be made from binary floating "
                                     "point; write 16.32_dec * tariff::tonne or 16.32_tonne");
template <class T, unit_tag U>
requires(detail::character_type<T> || std::same_as<T, bool>) mistake::
    a_quantity_cannot_be_made_from_a_character_or_bool__write_an_integer_or_a_decimal_times_a_unit
    operator*(T, U) TARIFF_DETAIL_REJECT("tariff: a quantity cannot be made from a character or a "
                                         "bool ('5' is 53); write 5 * tariff::kg");
template <unit_tag U, class T>
requires(detail::bare_number<T>) mistake::
    units_do_not_multiply__a_quantity_is_a_number_times_a_unit_such_as_16_32_dec_times_tariff_kg
    operator*(U, T) TARIFF_DETAIL_REJECT(
        "tariff: a quantity is written number * unit (16.32_dec * tariff::kg), not unit * number");
template <unit_tag U, unit_tag V>
mistake::
    units_do_not_multiply__a_quantity_is_a_number_times_a_unit_such_as_16_32_dec_times_tariff_kg
    operator*(U, V)
        TARIFF_DETAIL_REJECT("tariff: units do not multiply (the library has no kg * kg); a "
                             "quantity is a number times a unit, e.g. 16.32_dec * tariff::kg");

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
// The non-throwing forms of + and - (same dimension; the finer unit, the
// wider width): errc::overflow, errc::inexact (a conversion with no finite
// decimal form), errc::negative_quantity (b > a).
template <class U, class V, class R1, class R2>
requires same_dimension<U, V>
constexpr auto try_add(basic_quantity<U, R1> a, basic_quantity<V, R2> b) noexcept {
    using T = basic_quantity<detail::finer_t<U, V>, detail::wider_t<R1, R2>>;
    return detail::quantity_sum<T>(a, b, false);
}
template <class U, class V, class R1, class R2>
requires same_dimension<U, V>
constexpr auto try_subtract(basic_quantity<U, R1> a, basic_quantity<V, R2> b) noexcept {
    using T = basic_quantity<detail::finer_t<U, V>, detail::wider_t<R1, R2>>;
    return detail::quantity_sum<T>(a, b, true);
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
template <class U, class R, detail::exact_integer I>
constexpr basic_quantity<U, R> operator*(basic_quantity<U, R> q, I k) {
    return basic_quantity<U, R>(q.value() * basic_decimal<R>(k));
}
template <class U, class R, detail::exact_integer I>
constexpr basic_quantity<U, R> operator*(I k, basic_quantity<U, R> q) {
    return q * k;
}
template <class U, class R, class R2>
constexpr auto operator*(basic_quantity<U, R> q, basic_decimal<R2> k) {
    using W = detail::wider_t<R, R2>;
    return basic_quantity<U, W>(q.value() * k);
}

// --- mistakes that must not compile ------------------------------------------
// Never callable (see detail/mistake.hpp): the error names the mistake, and
// traits and concepts answer false for them.

template <class U, class R, std::floating_point F>
mistake::
    a_quantity_cannot_be_multiplied_by_binary_floating_point__use_a_decimal_literal_or_an_integer
    operator*(basic_quantity<U, R>, F)
        TARIFF_DETAIL_REJECT("tariff: a quantity cannot be multiplied by binary floating point; "
                             "use a decimal literal (1.5_dec) or an integer");
template <class U, class R, std::floating_point F>
mistake::
    a_quantity_cannot_be_multiplied_by_binary_floating_point__use_a_decimal_literal_or_an_integer
    operator*(F, basic_quantity<U, R>)
        TARIFF_DETAIL_REJECT("tariff: a quantity cannot be multiplied by binary floating point; "
                             "use a decimal literal (1.5_dec) or an integer");
template <class U, class R, class T>
requires(detail::character_type<T> || std::same_as<T, bool>)
    mistake::a_quantity_cannot_be_multiplied_by_a_character_or_bool__use_an_integer_or_a_decimal
    operator*(basic_quantity<U, R>, T)
        TARIFF_DETAIL_REJECT("tariff: a quantity cannot be multiplied by a character or a bool "
                             "('5' is 53); use an integer or a decimal");
template <class U, class R, class T>
requires(detail::character_type<T> || std::same_as<T, bool>)
    mistake::a_quantity_cannot_be_multiplied_by_a_character_or_bool__use_an_integer_or_a_decimal
    operator*(T, basic_quantity<U, R>)
        TARIFF_DETAIL_REJECT("tariff: a quantity cannot be multiplied by a character or a bool "
                             "('5' is 53); use an integer or a decimal");
template <class U, class V, class R1, class R2>
mistake::quantity_times_quantity_has_no_meaning_here__multiply_a_quantity_by_a_number
operator*(basic_quantity<U, R1>, basic_quantity<V, R2>)
    TARIFF_DETAIL_REJECT("tariff: a quantity times a quantity has no meaning here (the library has "
                         "no kg * kg); multiply a quantity by an integer or a decimal");
template <class U, class R, detail::bare_number T>
mistake::a_quantity_divided_by_a_number_is_rarely_exact__multiply_by_a_decimal_such_as_0_5_dec
operator/(basic_quantity<U, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a quantity / n is rarely exact; multiply by an exact decimal "
                         "instead (q * 0.5_dec), or convert with q.in(unit)");

template <class U, class V, class R1, class R2>
mistake::
    a_quantity_divided_by_a_quantity_is_not_a_quantity__divide_their_values_with_a_rounding_mode
    operator/(basic_quantity<U, R1>, basic_quantity<V, R2>) TARIFF_DETAIL_REJECT(
        "tariff: a quantity / a quantity is not a quantity; for a ratio of one dimension divide "
        "the values: divide(a.value(), b.in(unit).value(), places, mode)");

template <class U, class V, class R1, class R2>
requires(!same_dimension<U, V>) mistake::quantities_of_different_dimensions_cannot_be_added
operator+(basic_quantity<U, R1>, basic_quantity<V, R2>) TARIFF_DETAIL_REJECT(
    "tariff: quantities of different dimensions cannot be added (e.g. vehicles and kilograms)");
template <class U, class V, class R1, class R2>
requires(!same_dimension<U, V>) mistake::quantities_of_different_dimensions_cannot_be_subtracted
operator-(basic_quantity<U, R1>, basic_quantity<V, R2>)
    TARIFF_DETAIL_REJECT("tariff: quantities of different dimensions cannot be subtracted (e.g. "
                         "vehicles and kilograms)");
template <class U, class V, class R1, class R2,
          class Mistake = mistake::quantities_of_different_dimensions_cannot_be_compared>
requires(!same_dimension<U, V>) bool
operator==(basic_quantity<U, R1>, basic_quantity<V, R2>) TARIFF_DETAIL_REJECT(
    "tariff: quantities of different dimensions cannot be compared (e.g. vehicles and kilograms)");
template <class U, class V, class R1, class R2,
          class Mistake = mistake::quantities_of_different_dimensions_cannot_be_compared>
requires(!same_dimension<U, V>) std::strong_ordering
operator<=>(basic_quantity<U, R1>, basic_quantity<V, R2>) TARIFF_DETAIL_REJECT(
    "tariff: quantities of different dimensions cannot be compared (e.g. vehicles and kilograms)");

template <class U, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_a_quantity__write_it_with_a_unit_such_as_1_kg
operator+(basic_quantity<U, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a bare number cannot be added to a quantity; write it with a "
                         "unit, e.g. q + 1 * tariff::kg");
template <class U, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_a_quantity__write_it_with_a_unit_such_as_1_kg
operator+(T, basic_quantity<U, R>)
    TARIFF_DETAIL_REJECT("tariff: a bare number cannot be added to a quantity; write it with a "
                         "unit, e.g. 1 * tariff::kg + q");
template <class U, class R, detail::bare_number T>
mistake::a_bare_number_cannot_be_added_to_a_quantity__write_it_with_a_unit_such_as_1_kg
operator-(basic_quantity<U, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a bare number cannot be subtracted from a quantity; write it "
                         "with a unit, e.g. q - 1 * tariff::kg");
template <class U, class R, detail::bare_number T,
          class Mistake =
              mistake::a_quantity_compares_only_with_a_quantity_of_its_dimension__write_0_kg_not_0>
bool operator==(basic_quantity<U, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a quantity compares only with a quantity of its dimension; write "
                         "0 * tariff::kg (or quantity<kg>{}), not 0");
template <class U, class R, detail::bare_number T,
          class Mistake =
              mistake::a_quantity_compares_only_with_a_quantity_of_its_dimension__write_0_kg_not_0>
std::strong_ordering operator<=>(basic_quantity<U, R>, T)
    TARIFF_DETAIL_REJECT("tariff: a quantity compares only with a quantity of its dimension; write "
                         "0 * tariff::kg (or quantity<kg>{}), not 0");

// Money and quantities meet only through a specific rate (rate.hpp).
template <class C, class R, class U, class R2>
mistake::
    money_times_a_quantity_has_no_meaning__a_specific_rate_is_money_per_unit_5_33_CAD_per_kg_applied_to_the_quantity
    operator*(basic_money<C, R>, basic_quantity<U, R2>)
        TARIFF_DETAIL_REJECT("tariff: money times a quantity has no meaning; make a specific rate, "
                             "money per unit, and apply it: (5.33_CAD / tariff::kg)(q)");
template <class C, class R, class U, class R2>
mistake::
    money_times_a_quantity_has_no_meaning__a_specific_rate_is_money_per_unit_5_33_CAD_per_kg_applied_to_the_quantity
    operator*(basic_quantity<U, R2>, basic_money<C, R>)
        TARIFF_DETAIL_REJECT("tariff: a quantity times money has no meaning; make a specific rate, "
                             "money per unit, and apply it: (5.33_CAD / tariff::kg)(q)");
template <class C, class R, unit_tag U>
mistake::
    money_times_a_unit_has_no_meaning__a_specific_rate_is_written_money_divided_by_the_unit_5_33_CAD_per_kg
    operator*(basic_money<C, R>, U)
        TARIFF_DETAIL_REJECT("tariff: money times a unit has no meaning; a specific rate is money "
                             "per unit: 5.33_CAD / tariff::kg");
template <class C, class R, unit_tag U>
mistake::
    money_times_a_unit_has_no_meaning__a_specific_rate_is_written_money_divided_by_the_unit_5_33_CAD_per_kg
    operator*(U, basic_money<C, R>)
        TARIFF_DETAIL_REJECT("tariff: a unit times money has no meaning; a specific rate is money "
                             "per unit: 5.33_CAD / tariff::kg");

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

// `amount` of unit `from` expressed in unit `to`, exactly, for units known
// only at run time (a schedule's, a CSV file's): amount * (from.num / from.den)
// / (to.num / to.den). errc::invalid_argument for units of different
// dimensions or a size that is not positive; errc::inexact where the result
// has no finite decimal form (7 each in dozens); errc::overflow where it does
// not fit.
constexpr result<decimal> try_convert_units(decimal amount, const unit_info& from,
                                            const unit_info& to) noexcept {
    if (from.dimension_bit != to.dimension_bit || from.num <= 0 || from.den <= 0 || to.num <= 0 ||
        to.den <= 0)
        return errc::invalid_argument;
    // Each product of sizes is reduced first, so that it cannot overflow
    // where the ratio itself is small.
    const std::int64_t g1 = detail::gcd(from.num, to.num), g2 = detail::gcd(from.den, to.den);
    std::int64_t n = 0, d = 0;
    if (detail::mul_overflows(from.num / g1, to.den / g2, n) ||
        detail::mul_overflows(from.den / g2, to.num / g1, d))
        return errc::overflow;
    const std::int64_t common = detail::gcd(n, d);
    return detail::multiply_ratio(amount, n / common, d / common);
}

// Whether two units are the same size in the same dimension (kg and
// "1000 g" are; kg and tonne are not).
constexpr bool same_unit(const unit_info& a, const unit_info& b) noexcept {
    return a.dimension_bit == b.dimension_bit && a.num == b.num && a.den == b.den;
}

} // namespace tariff
