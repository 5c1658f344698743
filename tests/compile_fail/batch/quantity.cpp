// Compile-fail cases: quantities across dimensions, quantities and bare
// numbers, units, binary floating point and characters in quantities, rates
// across dimensions. Format: see ../run.py.
//
// case mass_count_plus: quantities.of.different.dimensions.cannot.be.added
// case volume_mass_plus: quantities.of.different.dimensions.cannot.be.added
// case alcohol_volume_plus: quantities.of.different.dimensions.cannot.be.added
// case area_energy_plus: quantities.of.different.dimensions.cannot.be.added
// case mass_count_minus: quantities.of.different.dimensions.cannot.be.subtracted
// case volume_mass_minus: quantities.of.different.dimensions.cannot.be.subtracted
// case mass_count_eq: quantities.of.different.dimensions.cannot.be.compared
// case mass_count_ne: quantities.of.different.dimensions.cannot.be.compared
// case mass_count_lt: quantities.of.different.dimensions.cannot.be.compared
// case mass_count_ge: quantities.of.different.dimensions.cannot.be.compared
// case mass_count_spaceship: quantities.of.different.dimensions.cannot.be.compared
// case mass_plus_assign_count: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case mass_into_count_copy_init: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case mass_into_count_direct_init: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case volume_into_alcohol: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case mass_to_count_function_argument: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case in_other_dimension: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case quantity_plus_int: a.bare.number.cannot.be.(added|subtracted).(to|from).a.quantity|bare number cannot be (added|subtracted)
// case int_plus_quantity: a.bare.number.cannot.be.(added|subtracted).(to|from).a.quantity|bare number cannot be (added|subtracted)
// case quantity_minus_decimal: a.bare.number.cannot.be.(added|subtracted).(to|from).a.quantity|bare number cannot be (added|subtracted)
// case quantity_plus_assign_int: a.bare.number.cannot.be.(added|subtracted).(to|from).a.quantity|bare number cannot be (added|subtracted)
// case quantity_eq_int: a.quantity.compares.only.with.a.quantity.of.its.dimension|compares only with a quantity
// case int_lt_quantity: a.quantity.compares.only.with.a.quantity.of.its.dimension|compares only with a quantity
// case quantity_eq_decimal: a.quantity.compares.only.with.a.quantity.of.its.dimension|compares only with a quantity
// case unit_times_unit: units.do.not.multiply|units do not multiply
// case unit_times_other_unit: units.do.not.multiply|units do not multiply
// case unit_times_int: units.do.not.multiply|not unit \* number
// case quantity_times_quantity: quantity.times.quantity.has.no.meaning|quantity times a quantity
// case quantity_divided_by_int: a.quantity.divided.by.a.number.is.rarely.exact|quantity / n is rarely exact
// case quantity_divided_by_quantity: a.quantity.divided.by.a.quantity.is.not.a.quantity|quantity / a quantity is not
// case double_times_unit: a.quantity.cannot.be.made.from.binary.floating.point
// case float_times_unit: a.quantity.cannot.be.made.from.binary.floating.point
// case quantity_from_double: a.quantity.cannot.be.made.from.binary.floating.point
// case char_times_unit: a.quantity.cannot.be.made.from.a.character.or.(a.)?bool
// case bool_times_unit: a.quantity.cannot.be.made.from.a.character.or.(a.)?bool
// case char32_times_unit: a.quantity.cannot.be.made.from.a.character.or.(a.)?bool
// case quantity_from_char: a.quantity.cannot.be.made.from.a.character.or.(a.)?bool
// case quantity_times_double: a.quantity.cannot.be.multiplied.by.binary.floating.point
// case double_times_quantity: a.quantity.cannot.be.multiplied.by.binary.floating.point
// case quantity_times_char: a.quantity.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case char_times_quantity: a.quantity.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case bool_times_quantity: a.quantity.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case per_kg_rate_on_litres: specific.rate.applies.only.to.a.quantity.of.its.own.dimension
// case per_hl_rate_on_pure_alcohol: specific.rate.applies.only.to.a.quantity.of.its.own.dimension
// case quantity_negated: a.quantity.is.never.negative

#include <tariff/rate.hpp>

using namespace tariff;
using namespace tariff::literals;

namespace {
constexpr quantity<units::each> takes_each(quantity<units::each> q) { return q; }
} // namespace

int main() {
    {
#ifdef CASE_mass_count_plus
        [[maybe_unused]] auto r = 1 * kg + 1 * each;
#else
        [[maybe_unused]] auto r = 1 * kg + 1 * kg;
#endif
    }
    {
#ifdef CASE_volume_mass_plus
        [[maybe_unused]] auto r = 1 * litre + 1 * kg;
#else
        [[maybe_unused]] auto r = 1 * litre + 1 * litre;
#endif
    }
    {
#ifdef CASE_alcohol_volume_plus
        [[maybe_unused]] auto r = 1 * lpa + 1 * litre;
#else
        [[maybe_unused]] auto r = 1 * lpa + 1 * lpa;
#endif
    }
    {
#ifdef CASE_area_energy_plus
        [[maybe_unused]] auto r = 1 * m2 + 1 * kWh;
#else
        [[maybe_unused]] auto r = 1 * m2 + 1 * m2;
#endif
    }
    {
#ifdef CASE_mass_count_minus
        [[maybe_unused]] auto r = 2 * kg - 1 * each;
#else
        [[maybe_unused]] auto r = 2 * kg - 1 * kg;
#endif
    }
    {
#ifdef CASE_volume_mass_minus
        [[maybe_unused]] auto r = 2 * litre - 1 * kg;
#else
        [[maybe_unused]] auto r = 2 * litre - 1 * litre;
#endif
    }
    {
#ifdef CASE_mass_count_eq
        [[maybe_unused]] auto r = 1 * kg == 1 * each;
#else
        [[maybe_unused]] auto r = 1 * kg == 1 * tonne;
#endif
    }
    {
#ifdef CASE_mass_count_ne
        [[maybe_unused]] auto r = 1 * kg != 1 * each;
#else
        [[maybe_unused]] auto r = 1 * kg != 1 * tonne;
#endif
    }
    {
#ifdef CASE_mass_count_lt
        [[maybe_unused]] auto r = 1 * kg < 1 * each;
#else
        [[maybe_unused]] auto r = 1 * kg < 1 * tonne;
#endif
    }
    {
#ifdef CASE_mass_count_ge
        [[maybe_unused]] auto r = 1 * kg >= 1 * each;
#else
        [[maybe_unused]] auto r = 1 * kg >= 1 * tonne;
#endif
    }
    {
#ifdef CASE_mass_count_spaceship
        [[maybe_unused]] auto r = 1 * kg <=> 1 * each;
#else
        [[maybe_unused]] auto r = 1 * kg <=> 1 * tonne;
#endif
    }
    {
#ifdef CASE_mass_plus_assign_count
        auto q = 1 * kg; q += 1 * each;
#else
        auto q = 1 * kg; q += 1 * kg;
#endif
    }
    {
#ifdef CASE_mass_into_count_copy_init
        [[maybe_unused]] quantity<units::each> q = 1 * kg;
#else
        [[maybe_unused]] quantity<units::kilogram> q = 1 * tonne;
#endif
    }
    {
#ifdef CASE_mass_into_count_direct_init
        [[maybe_unused]] quantity<units::each> q(1 * kg);
#else
        [[maybe_unused]] quantity<units::gram> q(1 * kg);
#endif
    }
    {
#ifdef CASE_volume_into_alcohol
        [[maybe_unused]] quantity<units::litre_pure_alcohol> q = 1 * litre;
#else
        [[maybe_unused]] quantity<units::proof_litre> q = 1 * lpa;
#endif
    }
    {
#ifdef CASE_mass_to_count_function_argument
        [[maybe_unused]] auto q = takes_each(1 * kg);
#else
        [[maybe_unused]] auto q = takes_each(1 * dozen);
#endif
    }
    {
#ifdef CASE_in_other_dimension
        [[maybe_unused]] auto q = (1 * kg).in(each);
#else
        [[maybe_unused]] auto q = (1 * kg).in(g);
#endif
    }
    {
#ifdef CASE_quantity_plus_int
        [[maybe_unused]] auto r = 1 * kg + 1;
#else
        [[maybe_unused]] auto r = 1 * kg + 1 * kg;
#endif
    }
    {
#ifdef CASE_int_plus_quantity
        [[maybe_unused]] auto r = 1 + 1 * kg;
#else
        [[maybe_unused]] auto r = 1 * kg + 1 * kg;
#endif
    }
    {
#ifdef CASE_quantity_minus_decimal
        [[maybe_unused]] auto r = 2 * kg - 0.5_dec;
#else
        [[maybe_unused]] auto r = 2 * kg - 0.5_dec * kg;
#endif
    }
    {
#ifdef CASE_quantity_plus_assign_int
        auto q = 1 * kg; q += 1;
#else
        auto q = 1 * kg; q += 1 * kg;
#endif
    }
    {
#ifdef CASE_quantity_eq_int
        [[maybe_unused]] auto r = 2 * kg == 2;
#else
        [[maybe_unused]] auto r = 2 * kg == 2 * kg;
#endif
    }
    {
#ifdef CASE_int_lt_quantity
        [[maybe_unused]] auto r = 0 < 2 * kg;
#else
        [[maybe_unused]] auto r = 0 * kg < 2 * kg;
#endif
    }
    {
#ifdef CASE_quantity_eq_decimal
        [[maybe_unused]] auto r = 2 * kg == 2.0_dec;
#else
        [[maybe_unused]] auto r = (2 * kg).value() == 2.0_dec;
#endif
    }
    {
#ifdef CASE_unit_times_unit
        [[maybe_unused]] auto r = kg * kg;
#else
        [[maybe_unused]] auto r = 1 * kg;
#endif
    }
    {
#ifdef CASE_unit_times_other_unit
        [[maybe_unused]] auto r = kg * each;
#else
        [[maybe_unused]] auto r = 1 * kg;
#endif
    }
    {
#ifdef CASE_unit_times_int
        [[maybe_unused]] auto r = kg * 5;
#else
        [[maybe_unused]] auto r = 5 * kg;
#endif
    }
    {
#ifdef CASE_quantity_times_quantity
        [[maybe_unused]] auto r = (2 * kg) * (3 * kg);
#else
        [[maybe_unused]] auto r = (2 * kg) * 3;
#endif
    }
    {
#ifdef CASE_quantity_divided_by_int
        [[maybe_unused]] auto r = (3 * kg) / 2;
#else
        [[maybe_unused]] auto r = (3 * kg) * 0.5_dec;
#endif
    }
    {
#ifdef CASE_quantity_divided_by_quantity
        [[maybe_unused]] auto r = (3 * kg) / (2 * kg);
#else
        [[maybe_unused]] auto r = (3 * kg).value();
#endif
    }
    {
#ifdef CASE_double_times_unit
        [[maybe_unused]] auto r = 2.5 * kg;
#else
        [[maybe_unused]] auto r = 2.5_dec * kg;
#endif
    }
    {
#ifdef CASE_float_times_unit
        [[maybe_unused]] auto r = 2.5f * tonne;
#else
        [[maybe_unused]] auto r = 2.5_dec * tonne;
#endif
    }
    {
#ifdef CASE_quantity_from_double
        [[maybe_unused]] quantity<units::kilogram> q(2.5);
#else
        [[maybe_unused]] quantity<units::kilogram> q(2.5_dec);
#endif
    }
    {
#ifdef CASE_char_times_unit
        [[maybe_unused]] auto r = '5' * kg;
#else
        [[maybe_unused]] auto r = 5 * kg;
#endif
    }
    {
#ifdef CASE_bool_times_unit
        [[maybe_unused]] auto r = true * each;
#else
        [[maybe_unused]] auto r = 1 * each;
#endif
    }
    {
#ifdef CASE_char32_times_unit
        [[maybe_unused]] auto r = U'5' * kg;
#else
        [[maybe_unused]] auto r = 5 * kg;
#endif
    }
    {
#ifdef CASE_quantity_from_char
        [[maybe_unused]] quantity<units::kilogram> q('5');
#else
        [[maybe_unused]] quantity<units::kilogram> q(5);
#endif
    }
    {
#ifdef CASE_quantity_times_double
        [[maybe_unused]] auto r = (2 * kg) * 1.5;
#else
        [[maybe_unused]] auto r = (2 * kg) * 1.5_dec;
#endif
    }
    {
#ifdef CASE_double_times_quantity
        [[maybe_unused]] auto r = 1.5 * (2 * kg);
#else
        [[maybe_unused]] auto r = (2 * kg) * 1.5_dec;
#endif
    }
    {
#ifdef CASE_quantity_times_char
        [[maybe_unused]] auto r = (2 * kg) * 'x';
#else
        [[maybe_unused]] auto r = (2 * kg) * 120;
#endif
    }
    {
#ifdef CASE_char_times_quantity
        [[maybe_unused]] auto r = 'x' * (2 * kg);
#else
        [[maybe_unused]] auto r = 120 * (2 * kg);
#endif
    }
    {
#ifdef CASE_bool_times_quantity
        [[maybe_unused]] auto r = false * (2 * kg);
#else
        [[maybe_unused]] auto r = 0 * (2 * kg);
#endif
    }
    {
#ifdef CASE_per_kg_rate_on_litres
        [[maybe_unused]] auto r = (5.33_CAD / kg)(2 * litre);
#else
        [[maybe_unused]] auto r = (5.33_CAD / kg)(2 * tonne);
#endif
    }
    {
#ifdef CASE_per_hl_rate_on_pure_alcohol
        [[maybe_unused]] auto r = (36.67_CAD / hl)(2 * lpa);
#else
        [[maybe_unused]] auto r = (36.67_CAD / hl)(200 * litre);
#endif
    }
    {
#ifdef CASE_quantity_negated
        [[maybe_unused]] auto r = -(2 * kg);
#else
        [[maybe_unused]] auto r = 3 * kg - 2 * kg;
#endif
    }
    (void)takes_each;
}
