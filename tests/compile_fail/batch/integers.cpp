// Compile-fail cases: binary floating point, characters, bool and wider
// integers where the library takes an integer (decimal::from_parts, the
// decimal and money constructors, from_minor_units, ad_valorem::from_percent,
// tariff_rate_quota::to_quantity, concurrent_quota_pool::draw), and implicit
// narrowing from the wide types. Format: see ../run.py.
//
// case from_parts_double_coefficient: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case from_parts_float_coefficient: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case from_parts_double_scale: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case from_parts_char_coefficient: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case from_parts_bool_scale: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case try_from_parts_double: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case wide_from_parts_double: from.parts.takes.integers|from_parts\(coefficient, scale\) takes two integers
// case from_parts_wide_coefficient: from.parts.takes.integers|from_parts would narrow
// case decimal_from_char: a.decimal.cannot.be.made.from.a.character.or.(a.)?bool
// case decimal_from_bool: a.decimal.cannot.be.made.from.a.character.or.(a.)?bool
// case decimal_from_double: a.decimal.cannot.be.made.from.binary.floating.point
// case decimal_from_float_braces: a.decimal.cannot.be.made.from.binary.floating.point
// case wide_decimal_from_double: a.decimal.cannot.be.made.from.binary.floating.point
// case from_percent_char: a.decimal.cannot.be.made.from.a.character.or.(a.)?bool
// case from_percent_double: a.decimal.cannot.be.made.from.binary.floating.point
// case from_fraction_float: a.decimal.cannot.be.made.from.binary.floating.point
// case from_minor_units_float: minor.units.are.a.whole.number|minor_units_wider|from_minor_units would narrow
// case from_minor_units_wchar: minor.units.are.a.whole.number|minor_units_wider|from_minor_units would narrow
// case from_minor_units_int128: minor.units.are.a.whole.number|minor_units_wider|from_minor_units would narrow
// case to_quantity_double: granules.are.a.whole.number|takes a whole number of granules
// case to_quantity_char: granules.are.a.whole.number|takes a whole number of granules
// case to_quantity_bool: granules.are.a.whole.number|takes a whole number of granules
// case draw_double: granules.are.a.whole.number|takes a whole number of granules
// case draw_float: granules.are.a.whole.number|takes a whole number of granules
// case draw_char: granules.are.a.whole.number|takes a whole number of granules
// case draw_bool: granules.are.a.whole.number|takes a whole number of granules
// case wide_money_into_money: basic_money<.*int128|wide_money<
// case wide_decimal_into_decimal: basic_decimal<.*int128|wide_decimal
// case-anywhere wide_money_into_money_argument: basic_money<.*int128|wide_money<

#include <tariff/quota.hpp>

using namespace tariff;
using namespace tariff::literals;

namespace {
constexpr money<CAD> takes_cad(money<CAD> m) { return m; }
} // namespace

int main() {
    constexpr auto path = duty_path<CAD>("in quota").with_duty("MFN", "", 6.1_pct);
    constexpr auto quota = tariff_rate_quota<CAD, units::each>("Q", path, path);
    concurrent_quota_pool<units::each> pool(10 * each, 1 * each);
    {
#ifdef CASE_from_parts_double_coefficient
        [[maybe_unused]] auto d = decimal::from_parts(1.5, 1);
#else
        [[maybe_unused]] auto d = decimal::from_parts(15, 1);
#endif
    }
    {
#ifdef CASE_from_parts_float_coefficient
        [[maybe_unused]] auto d = decimal::from_parts(1.5f, 1);
#else
        [[maybe_unused]] auto d = decimal::from_parts(15, 1);
#endif
    }
    {
#ifdef CASE_from_parts_double_scale
        [[maybe_unused]] auto d = decimal::from_parts(15, 1.0);
#else
        [[maybe_unused]] auto d = decimal::from_parts(15, 1);
#endif
    }
    {
#ifdef CASE_from_parts_char_coefficient
        [[maybe_unused]] auto d = decimal::from_parts('5', 0);
#else
        [[maybe_unused]] auto d = decimal::from_parts(5, 0);
#endif
    }
    {
#ifdef CASE_from_parts_bool_scale
        [[maybe_unused]] auto d = decimal::from_parts(5, true);
#else
        [[maybe_unused]] auto d = decimal::from_parts(5, 1);
#endif
    }
    {
#ifdef CASE_try_from_parts_double
        [[maybe_unused]] auto d = decimal::try_from_parts(1.5, 1);
#else
        [[maybe_unused]] auto d = decimal::try_from_parts(15, 1);
#endif
    }
    {
#ifdef CASE_wide_from_parts_double
        [[maybe_unused]] auto d = wide_decimal::from_parts(2.5, 0);
#else
        [[maybe_unused]] auto d = wide_decimal::from_parts(25, 1);
#endif
    }
    {
#ifdef CASE_from_parts_wide_coefficient
        [[maybe_unused]] auto d = decimal::from_parts(int128_t{5}, 0);
#else
        [[maybe_unused]] auto d = wide_decimal::from_parts(int128_t{5}, 0);
#endif
    }
    {
#ifdef CASE_decimal_from_char
        [[maybe_unused]] decimal d('5');
#else
        [[maybe_unused]] decimal d(5);
#endif
    }
    {
#ifdef CASE_decimal_from_bool
        [[maybe_unused]] decimal d = true;
#else
        [[maybe_unused]] decimal d = 1;
#endif
    }
    {
#ifdef CASE_decimal_from_double
        [[maybe_unused]] decimal d = 1.5;
#else
        [[maybe_unused]] decimal d = 1.5_dec;
#endif
    }
    {
#ifdef CASE_decimal_from_float_braces
        [[maybe_unused]] decimal d{1.5f};
#else
        [[maybe_unused]] decimal d{15};
#endif
    }
    {
#ifdef CASE_wide_decimal_from_double
        [[maybe_unused]] wide_decimal d(2.5);
#else
        [[maybe_unused]] wide_decimal d(25);
#endif
    }
    {
#ifdef CASE_from_percent_char
        [[maybe_unused]] auto r = ad_valorem::from_percent('5');
#else
        [[maybe_unused]] auto r = ad_valorem::from_percent(5);
#endif
    }
    {
#ifdef CASE_from_percent_double
        [[maybe_unused]] auto r = ad_valorem::from_percent(6.1);
#else
        [[maybe_unused]] auto r = ad_valorem::from_percent(6.1_dec);
#endif
    }
    {
#ifdef CASE_from_fraction_float
        [[maybe_unused]] auto r = ad_valorem::from_fraction(0.061f);
#else
        [[maybe_unused]] auto r = ad_valorem::from_fraction(0.061_dec);
#endif
    }
    {
#ifdef CASE_from_minor_units_float
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(12.5f);
#else
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(12);
#endif
    }
    {
#ifdef CASE_from_minor_units_wchar
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(L'5');
#else
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(5);
#endif
    }
    {
#ifdef CASE_from_minor_units_int128
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(int128_t{5});
#else
        [[maybe_unused]] auto m = wide_money<CAD>::from_minor_units(int128_t{5});
#endif
    }
    {
#ifdef CASE_to_quantity_double
        [[maybe_unused]] auto q = quota.to_quantity(2.5);
#else
        [[maybe_unused]] auto q = quota.to_quantity(2);
#endif
    }
    {
#ifdef CASE_to_quantity_char
        [[maybe_unused]] auto q = quota.to_quantity('2');
#else
        [[maybe_unused]] auto q = quota.to_quantity(2);
#endif
    }
    {
#ifdef CASE_to_quantity_bool
        [[maybe_unused]] auto q = quota.to_quantity(true);
#else
        [[maybe_unused]] auto q = quota.to_quantity(1);
#endif
    }
    {
#ifdef CASE_draw_double
        [[maybe_unused]] auto n = pool.draw(2.5);
#else
        [[maybe_unused]] auto n = pool.draw(2);
#endif
    }
    {
#ifdef CASE_draw_float
        [[maybe_unused]] auto n = pool.draw(2.5f);
#else
        [[maybe_unused]] auto n = pool.draw(2 * each);
#endif
    }
    {
#ifdef CASE_draw_char
        [[maybe_unused]] auto n = pool.draw('2');
#else
        [[maybe_unused]] auto n = pool.draw(2);
#endif
    }
    {
#ifdef CASE_draw_bool
        [[maybe_unused]] auto n = pool.draw(true);
#else
        [[maybe_unused]] auto n = pool.draw(1);
#endif
    }
    {
#ifdef CASE_wide_money_into_money
        [[maybe_unused]] money<CAD> m = wide_money<CAD>(1.00_CAD);
#else
        [[maybe_unused]] money<CAD> m(wide_money<CAD>(1.00_CAD));
#endif
    }
    {
#ifdef CASE_wide_decimal_into_decimal
        [[maybe_unused]] decimal d = 1.5_wdec;
#else
        [[maybe_unused]] decimal d(1.5_wdec);
#endif
    }
    {
#ifdef CASE_wide_money_into_money_argument
        [[maybe_unused]] auto m = takes_cad(wide_money<CAD>(1.00_CAD));
#else
        [[maybe_unused]] auto m = takes_cad(money<CAD>(wide_money<CAD>(1.00_CAD)));
#endif
    }
    (void)takes_cad;
    (void)quota;
}
