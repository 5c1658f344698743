// tariff/units.hpp: dimensions and units of measure.
//
// A unit is a type: its dimension and its size as an exact ratio to the
// dimension's base unit (kg, l, each, litre of pure alcohol, m2, kWh).
// Conversions inside a dimension are exact; mixing dimensions does not
// compile. Declare another unit in one line:
//
//     struct carat : tariff::unit<tariff::mass, 1, 5000, "ct"> {};   // 0.2 g
#pragma once

#include <concepts>
#include <cstdint>
#include <string_view>

#include "detail/fixed_string.hpp"
#include "detail/mistake.hpp"
#include "error.hpp"

namespace tariff {

// Dimensions. The name appears in compiler messages about mixing them; the
// bit lets a duty expression record, in its type, which quantities it needs.
// A dimension is identified by its type: the seven bits below belong to these
// seven types, and a unit of another type that claims one of them (a length
// with mass's bit, which a duty base would then charge on the declared kg)
// does not compile. A dimension of your own takes an unused bit, 1u << 7 or
// above; duty bases hold only the first six below (length not yet: see
// `length`), so a quantity of it cannot be declared for a duty
// (errc::invalid_argument).
struct count {
    static constexpr std::string_view name = "count";
    static constexpr unsigned bit = 1u << 0;
};
struct mass {
    static constexpr std::string_view name = "mass";
    static constexpr unsigned bit = 1u << 1;
};
struct volume {
    static constexpr std::string_view name = "volume";
    static constexpr unsigned bit = 1u << 2;
};
struct pure_alcohol {
    static constexpr std::string_view name = "pure alcohol";
    static constexpr unsigned bit = 1u << 3;
};
struct area {
    static constexpr std::string_view name = "area";
    static constexpr unsigned bit = 1u << 4;
};
struct energy {
    static constexpr std::string_view name = "energy";
    static constexpr unsigned bit = 1u << 5;
};
// Length: US "3.3¢/lin. m", EU "MAX 3.50 EUR / 100 m". Duties per metre parse,
// print and compare; a duty base does not hold a length yet (it keeps six
// quantities), so evaluating one reports errc::missing_quantity.
struct length {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = 1u << 6;
};

namespace detail {
// The library's dimension of a bit (void for a bit of none of them).
template <unsigned Bit>
struct library_dimension {
    using type = void;
};
template <>
struct library_dimension<count::bit> {
    using type = count;
};
template <>
struct library_dimension<mass::bit> {
    using type = mass;
};
template <>
struct library_dimension<volume::bit> {
    using type = volume;
};
template <>
struct library_dimension<pure_alcohol::bit> {
    using type = pure_alcohol;
};
template <>
struct library_dimension<area::bit> {
    using type = area;
};
template <>
struct library_dimension<energy::bit> {
    using type = energy;
};
template <>
struct library_dimension<length::bit> {
    using type = length;
};

constexpr bool is_single_bit(unsigned bit) noexcept {
    return bit != 0 && (bit & (bit - 1)) == 0;
}

template <class D>
concept dimension_shape = requires {
    { D::name } -> std::convertible_to<std::string_view>;
    { D::bit } -> std::convertible_to<unsigned>;
};

// Every unit derives from this (through tariff::unit): a type that merely has
// num, den and symbol is not a unit.
struct unit_marker {};
} // namespace detail

// One Unit = Num/Den base units of Dimension.
template <class Dimension, std::int64_t Num, std::int64_t Den, detail::fixed_string Symbol>
struct unit : detail::unit_marker {
    static_assert(Num > 0 && Den > 0, "tariff: a unit's size must be positive");
    static_assert(detail::dimension_shape<Dimension>,
                  "tariff: a dimension is a type with a `name` (string_view) and a `bit` "
                  "(unsigned), like tariff::mass");
    static_assert(detail::is_single_bit(Dimension::bit),
                  "tariff: a dimension's bit must be exactly one bit (1u << n)");
    static_assert(
        std::is_void_v<typename detail::library_dimension<Dimension::bit>::type> ||
            std::is_same_v<typename detail::library_dimension<Dimension::bit>::type, Dimension>,
        "tariff: this dimension reuses the bit of one of the library's dimensions "
        "(count, mass, volume, pure_alcohol, area, energy, length), so duties would charge "
        "it on that dimension's quantity; use the library's dimension type itself, or "
        "give yours an unused bit (1u << 7 or above)");
    using dimension = Dimension;
    static constexpr std::int64_t num = Num;
    static constexpr std::int64_t den = Den;
    static constexpr std::string_view symbol = Symbol.view();
};

template <class U>
concept unit_tag = std::derived_from<U, detail::unit_marker> && requires {
    typename U::dimension;
    { U::num } -> std::convertible_to<std::int64_t>;
    { U::den } -> std::convertible_to<std::int64_t>;
    { U::symbol } -> std::convertible_to<std::string_view>;
};

template <class U, class V>
concept same_dimension =
    unit_tag<U> && unit_tag<V> && std::same_as<typename U::dimension, typename V::dimension>;

namespace mistake {
struct a_units_facts_are_whole_numbers__write_its_size_as_a_fraction_num_den {};
} // namespace mistake

// A unit known only at run time (a parsed schedule, a table of expressions):
// the same facts as a unit type, as values. The constructor checks them: the
// size num/den must be positive and dimension_bit exactly one bit, else
// errc::invalid_argument (tariff::domain_error at run time; in constant
// evaluation, a compile error naming error_invalid_argument_in_constant_expression).
struct unit_info {
    unsigned dimension_bit = 0;
    std::string_view dimension_name{};
    std::int64_t num = 1;
    std::int64_t den = 1;
    std::string_view symbol{};

    constexpr unit_info() noexcept = default;
    constexpr unit_info(unsigned bit, std::string_view name, std::int64_t n, std::int64_t d,
                        std::string_view sym)
        : dimension_bit(bit), dimension_name(name), num(n), den(d), symbol(sym) {
        if (n <= 0 || d <= 0 || !detail::is_single_bit(bit))
            detail::raise(errc::invalid_argument);
    }
    // unit_info(bit, "m", 0.3048, 1, "ft") would truncate the size to 0.
    template <class B, class N, class D>
    requires(detail::not_an_integer<B> || detail::not_an_integer<N> || detail::not_an_integer<D>)
        unit_info(
            B, std::string_view, N, D, std::string_view,
            mistake::a_units_facts_are_whole_numbers__write_its_size_as_a_fraction_num_den = {})
    TARIFF_DETAIL_REJECT(
        "tariff: a unit's bit, num and den are whole numbers, not binary floating point, "
        "characters or bool; write a size of 0.3048 as num = 3048, den = 10000");
};

template <unit_tag U>
inline constexpr unit_info unit_info_of{U::dimension::bit, U::dimension::name, U::num, U::den,
                                        U::symbol};

namespace units {
// count
struct each : unit<count, 1, 1, "each"> {}; // also "unit", "No."
struct pair : unit<count, 2, 1, "pair"> {};
struct dozen : unit<count, 12, 1, "dozen"> {};
struct head : unit<count, 1, 1, "head"> {};        // livestock
struct gross : unit<count, 144, 1, "gross"> {};    // twelve dozen (US "20¢/gross")
struct thousand : unit<count, 1000, 1, "1000"> {}; // US "$6/1000", EU "/ 1,000 items"
// mass (base: kilogram)
struct gram : unit<mass, 1, 1000, "g"> {};
struct kilogram : unit<mass, 1, 1, "kg"> {};
struct hundred_kilograms : unit<mass, 100, 1, "100 kg"> {}; // EU "dt" (decitonne)
struct tonne : unit<mass, 1000, 1, "tonne"> {};
// volume (base: litre)
struct litre : unit<volume, 1, 1, "l"> {};
struct hectolitre : unit<volume, 100, 1, "hl"> {};
struct cubic_metre : unit<volume, 1000, 1, "m3"> {};
// US "21¢/bbl": the petroleum barrel of 42 US gallons, a gallon being 231
// cubic inches and an inch 2.54 cm exactly (NIST Handbook 44, Appendix C;
// NIST SP 811, B.8: barrel [for petroleum, 42 gallons (U.S.)]), so
// 42 x 231 x 2.54^3 cm3 = 42 x 3.785411784 l = 158.987294928 l exactly
// (= 158987294928 / 10^9, reduced to 9936705933 / 62500000).
struct barrel : unit<volume, 9936705933, 62500000, "bbl"> {};
// pure alcohol (base: litre of pure alcohol, "l alc. 100 %")
struct litre_pure_alcohol : unit<pure_alcohol, 1, 1, "l alc. 100 %"> {};
struct proof_litre : unit<pure_alcohol, 1, 2, "pf. l"> {}; // a litre at 50 % alcohol (US)
// area and energy
struct square_metre : unit<area, 1, 1, "m2"> {};
struct kilowatt_hour : unit<energy, 1, 1, "kWh"> {};
struct megawatt_hour : unit<energy, 1000, 1, "MWh"> {};
// length (base: metre)
struct metre : unit<length, 1, 1, "m"> {};                // US "lin. m" (linear metre)
struct hundred_metres : unit<length, 100, 1, "100 m"> {}; // EU "100 m"
} // namespace units

// Unit objects: 1'000 * tariff::kg is a quantity of kilograms.
inline constexpr units::each each{};
inline constexpr units::pair pair{};
inline constexpr units::dozen dozen{};
inline constexpr units::head head{};
inline constexpr units::gross gross{};
inline constexpr units::thousand thousand{};
inline constexpr units::gram g{};
inline constexpr units::kilogram kg{};
inline constexpr units::hundred_kilograms hundred_kg{};
inline constexpr units::tonne tonne{};
inline constexpr units::litre litre{};
inline constexpr units::hectolitre hl{};
inline constexpr units::cubic_metre m3{};
inline constexpr units::barrel barrel{};
inline constexpr units::litre_pure_alcohol lpa{};
inline constexpr units::proof_litre proof_litre{};
inline constexpr units::square_metre m2{};
inline constexpr units::kilowatt_hour kWh{};
inline constexpr units::megawatt_hour MWh{};
inline constexpr units::metre metre{};
inline constexpr units::hundred_metres hundred_metres{};

} // namespace tariff
