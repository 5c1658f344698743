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
#include <type_traits>

#include "detail/fixed_string.hpp"
#include "detail/mistake.hpp"
#include "error.hpp"

namespace tariff {

// Dimensions. The name appears in compiler messages about mixing them; the
// bit lets a duty expression record, in its type, which quantities it needs.
// A dimension is identified by its type: the seven bits below belong to these
// seven types, and a unit of another type that claims one of them (a length
// with mass's bit, which a duty base would then charge on the declared kg)
// does not compile. A dimension of your own takes an unused bit, 1u << 12 to
// 1u << 15 (bits 16 to 31 are the qualified quantities', see qualified<>),
// and optionally a `base_symbol` (its base unit's symbol, for printing).
// A duty base holds a quantity of any dimension.
struct count {
    static constexpr std::string_view base_symbol = "each";
    static constexpr std::string_view name = "count";
    static constexpr unsigned bit = 1u << 0;
};
struct mass {
    static constexpr std::string_view base_symbol = "kg";
    static constexpr std::string_view name = "mass";
    static constexpr unsigned bit = 1u << 1;
};
struct volume {
    static constexpr std::string_view base_symbol = "l";
    static constexpr std::string_view name = "volume";
    static constexpr unsigned bit = 1u << 2;
};
struct pure_alcohol {
    static constexpr std::string_view base_symbol = "l alc. 100 %";
    static constexpr std::string_view name = "pure alcohol";
    static constexpr unsigned bit = 1u << 3;
};
struct area {
    static constexpr std::string_view base_symbol = "m2";
    static constexpr std::string_view name = "area";
    static constexpr unsigned bit = 1u << 4;
};
struct energy {
    static constexpr std::string_view base_symbol = "kWh";
    static constexpr std::string_view name = "energy";
    static constexpr unsigned bit = 1u << 5;
};
// Length: US "3.3¢/lin. m", EU "MAX 3.50 EUR / 100 m".
struct length {
    static constexpr std::string_view base_symbol = "m";
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = 1u << 6;
};

// Properties of the goods (attributes), declared per entry like a quantity
// (base.with(12.5_dec * tariff::percent_vol)); a rate per "% vol / hl" or per
// "kg of lactic matter" multiplies the entry's quantity by one of them (see
// per_property). Their base units are percent (degrees for polarization).
struct alcohol_strength { // EU "% vol": alcohol by volume at 20 °C
    static constexpr std::string_view base_symbol = "% vol";
    static constexpr std::string_view name = "alcohol strength";
    static constexpr unsigned bit = 1u << 7;
};
struct sucrose_content { // EU "% sacchar.": sucrose content by weight
    static constexpr std::string_view base_symbol = "% sacchar.";
    static constexpr std::string_view name = "sucrose content";
    static constexpr unsigned bit = 1u << 8;
};
struct lactic_matter_content { // EU "kg / lactic matter": milk solids by weight
    static constexpr std::string_view base_symbol = "% lactic matter";
    static constexpr std::string_view name = "lactic matter content";
    static constexpr unsigned bit = 1u << 9;
};
struct dry_lactic_matter_content { // EU "kg / dry lactic matter"
    static constexpr std::string_view base_symbol = "% dry lactic matter";
    static constexpr std::string_view name = "dry lactic matter content";
    static constexpr unsigned bit = 1u << 10;
};
struct polarization { // US sugar: degrees of the polariscope (100 = pure sucrose)
    static constexpr std::string_view base_symbol = "degrees";
    static constexpr std::string_view name = "polarization";
    static constexpr unsigned bit = 1u << 11;
};

namespace detail {
template <class... D>
struct dimension_list {};
// The registry: the library's dimensions (quantities and properties of the
// goods). Everything else (duty bases, printing, the compile-time check that
// no dimension reuses another's bit) follows from the types; qualified
// quantities (qualified<Of, "name">) need no entry here.
using library_dimensions =
    dimension_list<count, mass, volume, pure_alcohol, area, energy, length, alcohol_strength,
                   sucrose_content, lactic_matter_content, dry_lactic_matter_content, polarization>;

template <unsigned Bit, class List>
struct find_dimension {
    using type = void;
};
template <unsigned Bit, class D, class... Rest>
struct find_dimension<Bit, dimension_list<D, Rest...>> {
    using type = std::conditional_t<D::bit == Bit, D,
                                    typename find_dimension<Bit, dimension_list<Rest...>>::type>;
};
// The library's dimension of a bit (void for a bit of none of them).
template <unsigned Bit>
struct library_dimension {
    using type = typename find_dimension<Bit, library_dimensions>::type;
};

template <class... D>
constexpr std::string_view base_symbol_in(unsigned bit, dimension_list<D...>) noexcept {
    std::string_view out{};
    ((D::bit == bit ? (out = D::base_symbol, 0) : 0), ...);
    return out;
}
// The base unit's symbol of a library dimension's bit ("" for another bit).
constexpr std::string_view library_base_symbol(unsigned bit) noexcept {
    return base_symbol_in(bit, library_dimensions{});
}

template <class... D>
constexpr std::string_view name_in(unsigned bit, dimension_list<D...>) noexcept {
    std::string_view out{};
    ((D::bit == bit ? (out = D::name, 0) : 0), ...);
    return out;
}

// A qualified quantity's bit: one of bits 16 to 31, from its name. Two
// qualified quantities may share a bit: the bit only lets the compiler check
// that an entry declares what a duty needs; at run time a qualified quantity
// is found by its name.
constexpr unsigned qualifier_bit(std::string_view name) noexcept {
    std::uint32_t h = 2166136261u; // FNV-1a
    for (const char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return 1u << (16 + h % 16);
}

template <class D>
constexpr std::string_view base_symbol_of() noexcept {
    if constexpr (requires { D::base_symbol; })
        return D::base_symbol;
    else
        return D::name;
}
template <class D>
constexpr std::string_view qualifier_of() noexcept {
    if constexpr (requires { D::qualifier; })
        return D::qualifier;
    else
        return {};
}
template <class D>
constexpr unsigned factor_bit_of() noexcept {
    if constexpr (requires { D::factor_bit; })
        return D::factor_bit;
    else
        return 0;
}
template <class D>
constexpr std::int64_t factor_under_of() noexcept {
    if constexpr (requires { D::factor_under; })
        return D::factor_under;
    else
        return 0;
}
// A dimension that names a library bit as its own (not a qualified quantity,
// not a product with a property).
template <class D>
constexpr bool plain_dimension() noexcept {
    return qualifier_of<D>().empty() && factor_bit_of<D>() == 0;
}

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

// The name of the library's dimension or property of the goods with this bit
// ("mass", "alcohol strength"); empty for any other bit.
constexpr std::string_view dimension_name_of(unsigned bit) noexcept {
    return detail::name_in(bit, detail::library_dimensions{});
}

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
        !detail::plain_dimension<Dimension>() ||
            std::is_void_v<typename detail::library_dimension<Dimension::bit>::type> ||
            std::is_same_v<typename detail::library_dimension<Dimension::bit>::type, Dimension>,
        "tariff: this dimension reuses the bit of one of the library's dimensions "
        "(count, mass, volume, pure_alcohol, area, energy, length, the properties of the goods), "
        "so duties would charge "
        "it on that dimension's quantity; use the library's dimension type itself, or "
        "give yours an unused bit (1u << 12 to 1u << 15)");
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
    // A qualified quantity's name ("drained weight"): with dimension_bit, its
    // identity (two units of one dimension with different qualifiers measure
    // different quantities). Empty for the others.
    std::string_view qualifier{};
    // A property of the goods the quantity is multiplied by (a rate per
    // "% vol / hl": the volume times alcohol_strength::bit), 0 for none.
    unsigned factor_bit = 0;
    // Nonzero: the factor is not the property but how far it is under this
    // (US sugar: "for each degree under 100 degrees"), never below zero.
    std::int64_t factor_under = 0;
    // The dimension's base unit ("kg"), to print a declared quantity.
    std::string_view base_symbol{};

    constexpr unit_info() noexcept = default;
    constexpr unit_info(unsigned bit, std::string_view name, std::int64_t n, std::int64_t d,
                        std::string_view sym)
        : dimension_bit(bit), dimension_name(name), num(n), den(d), symbol(sym) {
        if (n <= 0 || d <= 0 || !detail::is_single_bit(bit))
            detail::raise(errc::invalid_argument);
    }
    // A qualified or per-property unit (see tariff::qualified, per_property);
    // factor_bit must be 0 or one bit, and factor_under >= 0.
    constexpr unit_info(unsigned bit, std::string_view name, std::int64_t n, std::int64_t d,
                        std::string_view sym, std::string_view qualifier_name, unsigned factor,
                        std::int64_t under, std::string_view base)
        : dimension_bit(bit), dimension_name(name), num(n), den(d), symbol(sym),
          qualifier(qualifier_name), factor_bit(factor), factor_under(under), base_symbol(base) {
        if (n <= 0 || d <= 0 || !detail::is_single_bit(bit) ||
            (factor != 0 && !detail::is_single_bit(factor)) || under < 0)
            detail::raise(errc::invalid_argument);
    }
    // The bits of the quantities a rate per this unit needs.
    constexpr unsigned needs() const noexcept { return dimension_bit | factor_bit; }
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
inline constexpr unit_info unit_info_of{U::dimension::bit,
                                        U::dimension::name,
                                        U::num,
                                        U::den,
                                        U::symbol,
                                        detail::qualifier_of<typename U::dimension>(),
                                        detail::factor_bit_of<typename U::dimension>(),
                                        detail::factor_under_of<typename U::dimension>(),
                                        detail::base_symbol_of<typename U::dimension>()};

namespace detail {
// The quantities a rate per U needs: its dimension's bit and the property's.
template <unit_tag U>
inline constexpr unsigned needs_of = U::dimension::bit | factor_bit_of<typename U::dimension>();
} // namespace detail

// A qualified quantity: a quantity of dimension Of measured on part of the
// goods or in a stated way (the drained weight, the copper content, the
// clean yield of wool). Declare one in a line; its name is its identity:
//
//     struct drained_weight : tariff::qualified<tariff::mass, "drained weight"> {};
//     struct kg_drained : tariff::unit<drained_weight, 1, 1, "kg on drained weight"> {};
//
// An entry declares it like any quantity (base.with(10 * kg_drained{})), and
// a rate per kg_drained needs it, not the entry's mass.
template <class Of, detail::fixed_string Name>
struct qualified {
    static_assert(detail::dimension_shape<Of>, "tariff: qualified<Of, name>: Of is a dimension");
    using of = Of;
    static constexpr std::string_view name = Name.view();
    static constexpr std::string_view qualifier = Name.view();
    static constexpr unsigned bit = detail::qualifier_bit(Name.view());
    static constexpr std::string_view base_symbol = detail::base_symbol_of<Of>();
};

// A quantity of Of times a property of the goods: "% vol / hl" is a volume
// times the alcohol strength, "kg / lactic matter" a mass times the lactic
// matter content. With Under > 0 the factor is how far the property is below
// Under, never less than zero: US sugar's "for each degree under 100 degrees
// (and fractions of a degree in proportion)" is per_property<mass,
// polarization, 100>. A rate per such a unit needs both the quantity and the
// property; the entry declares them separately.
template <class Of, class Property, std::int64_t Under = 0>
struct per_property {
    static_assert(detail::dimension_shape<Of> && detail::dimension_shape<Property>,
                  "tariff: per_property<Of, Property>: both are dimensions");
    static_assert(Under >= 0, "tariff: per_property's Under is not negative");
    using of = Of;
    using property = Property;
    static constexpr std::string_view name = Of::name;
    static constexpr unsigned bit = Of::bit;
    static constexpr std::string_view qualifier = detail::qualifier_of<Of>();
    static constexpr unsigned factor_bit = Property::bit;
    static constexpr std::int64_t factor_under = Under;
    static constexpr std::string_view base_symbol = detail::base_symbol_of<Of>();
};

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
// properties of the goods
struct percent_vol : unit<alcohol_strength, 1, 1, "% vol"> {};
struct percent_sucrose : unit<sucrose_content, 1, 1, "% sacchar."> {};
struct percent_lactic_matter : unit<lactic_matter_content, 1, 1, "% lactic matter"> {};
struct percent_dry_lactic_matter : unit<dry_lactic_matter_content, 1, 1, "% dry lactic matter"> {};
struct degree_polarization : unit<polarization, 1, 1, "degrees"> {};
// quantities times a property: EU "1.75 EUR / % vol / hl" is 1.75 EUR per
// hectolitre at 1 % vol (so 100 l at 12.5 % vol: 12.5 x 1.75 EUR); "0.40 EUR /
// 100 kg / net / % sacchar." per 100 kg at 1 % sucrose; "1.31 EUR / kg /
// lactic matter" per kg of lactic matter (a kg at 100 %: 100 kg-percent).
struct percent_vol_hectolitre : unit<per_property<volume, alcohol_strength>, 100, 1, "% vol / hl"> {
};
struct hundred_kg_percent_sucrose
    : unit<per_property<mass, sucrose_content>, 100, 1, "100 kg / net / % sacchar."> {};
struct kg_lactic_matter
    : unit<per_property<mass, lactic_matter_content>, 100, 1, "kg / lactic matter"> {};
struct kg_dry_lactic_matter
    : unit<per_property<mass, dry_lactic_matter_content>, 100, 1, "kg / dry lactic matter"> {};
// US raw sugar: per kg for each degree (of polarization) under 100 degrees.
struct kg_degree_under_100
    : unit<per_property<mass, polarization, 100>, 1, 1,
           "kg for each degree under 100 degrees (and fractions of a degree in proportion)"> {};
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
inline constexpr units::percent_vol percent_vol{};
inline constexpr units::percent_sucrose percent_sucrose{};
inline constexpr units::percent_lactic_matter percent_lactic_matter{};
inline constexpr units::percent_dry_lactic_matter percent_dry_lactic_matter{};
inline constexpr units::degree_polarization degrees_polarization{};
inline constexpr units::percent_vol_hectolitre percent_vol_hl{};
inline constexpr units::hundred_kg_percent_sucrose hundred_kg_percent_sucrose{};
inline constexpr units::kg_lactic_matter kg_lactic_matter{};
inline constexpr units::kg_dry_lactic_matter kg_dry_lactic_matter{};
inline constexpr units::kg_degree_under_100 kg_degree_under_100{};

} // namespace tariff
