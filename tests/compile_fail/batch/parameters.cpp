// Compile-fail cases: binary floating point, characters and bool where the
// library takes a count, an index, decimal places, days or years (every
// remaining integer parameter of a public function), decimals mixed with
// them, and a duty, tax or treatment in another currency than its path's or
// line's. Format: see ../run.py.
//
// case date_double_day: a.date.is.three.whole.numbers
// case date_char_year: a.date.is.three.whole.numbers
// case date_bool_month: a.date.is.three.whole.numbers
// case date_try_make_float: a.date.is.three.whole.numbers
// case date_valid_char: a.date.is.three.whole.numbers
// case days_in_month_double: a.date.is.three.whole.numbers|takes two whole numbers
// case from_days_double: a.number.of.days.is.a.whole.number
// case try_from_days_char: a.number.of.days.is.a.whole.number
// case plus_days_double: a.number.of.days.is.a.whole.number
// case plus_days_bool: a.number.of.days.is.a.whole.number
// case try_plus_days_char: a.number.of.days.is.a.whole.number
// case round_places_double: decimal.places.are.a.whole.number
// case round_places_char: decimal.places.are.a.whole.number
// case divide_places_bool: decimal.places.are.a.whole.number
// case divide_places_float: decimal.places.are.a.whole.number
// case inverse_places_double: decimal.places.are.a.whole.number
// case inverse_places_char: decimal.places.are.a.whole.number
// case effective_rate_places_double: decimal.places.are.a.whole.number
// case ad_valorem_equivalent_places_bool: decimal.places.are.a.whole.number
// case grow_years_double: years.is.a.whole.number|a_number_of_years_is_a_whole_number
// case grow_years_char: years.is.a.whole.number|a_number_of_years_is_a_whole_number
// case fill_ratio_places_double: decimal.places.are.a.whole.number
// case fill_ratio_places_char: decimal.places.are.a.whole.number
// case ledger_status_double: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case ledger_status_bool: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case ledger_balance_char: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case ledger_opening_double: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case quota_period_double: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case quota_reserved_granules_bool: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case path_duty_double: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case path_tax_char: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case assessment_index_double: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case line_treatment_at_bool: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number
// case try_to_quantity_double: granules.are.a.whole.number|takes a whole number of granules
// case base_has_bool: is.a.whole.number.{0,40}not.binary.floating.point|an_index_is_a_whole_number|dimension.bit.{0,20}whole.number
// case pool_give_back_double: granules.are.a.whole.number|takes a whole number of granules
// case pool_try_give_back_char: granules.are.a.whole.number|takes a whole number of granules
// case decimal_plus_char: a.decimal.cannot.be.mixed.with.a.character.or.(a.)?bool
// case char_plus_decimal: a.decimal.cannot.be.mixed.with.a.character.or.(a.)?bool
// case decimal_times_bool: a.decimal.cannot.be.mixed.with.a.character.or.(a.)?bool
// case decimal_minus_wchar: a.decimal.cannot.be.mixed.with.a.character.or.(a.)?bool
// case decimal_equals_char: a.decimal.cannot.be.mixed.with.a.character.or.(a.)?bool
// case decimal_less_bool: a.decimal.cannot.be.mixed.with.a.character.or.(a.)?bool
// case decimal_plus_double: a.decimal.cannot.be.mixed.with.binary.floating.point|exact decimals cannot be mixed with binary floating point
// case double_minus_decimal: a.decimal.cannot.be.mixed.with.binary.floating.point|exact decimals cannot be mixed with binary floating point
// case decimal_times_double: a.decimal.cannot.be.mixed.with.binary.floating.point|exact decimals cannot be mixed with binary floating point
// case decimal_equals_double: a.decimal.cannot.be.mixed.with.binary.floating.point|exact decimals cannot be mixed with binary floating point
// case with_duty_other_currency_expression: currency.differs|in_another_currency_cannot
// case with_duty_other_currency_rate: currency.differs|in_another_currency_cannot
// case with_duty_other_currency_compound: currency.differs|in_another_currency_cannot
// case with_tax_other_currency: currency.differs|in_another_currency_cannot
// case with_de_minimis_other_currency: currency.differs|in_another_currency_cannot
// case with_treatment_other_currency: currency.differs|in_another_currency_cannot

#include <tariff/quota.hpp>
#include <tariff/exchange.hpp>

using namespace tariff;
using namespace tariff::literals;

int main() {
    constexpr auto path = duty_path<CAD>("in quota").with_duty("MFN", "", 6.1_pct);
    constexpr auto quota = tariff_rate_quota<CAD, units::each>("Q", path, path)
                               .with_period("Y", date(2026, 1, 1), date(2026, 12, 31), 10 * each);
    quota_ledger<CAD, units::each> ledger(quota);
    concurrent_quota_pool<units::each> pool(10 * each, 1 * each);
    [[maybe_unused]] auto drawn = pool.draw(2);
    constexpr exchange_rate<CAD, USD> cad_per_usd(1.3712_dec);
    constexpr tariff_line<CAD> line{hs_code("8703.80.00"), "EV", unit_info_of<units::each>, 6.1_pct, "MFN"};
    const auto paid = assess(path, duty_base(100.00_CAD), {rounding_mode::half_even});
    {
#ifdef CASE_date_double_day
        [[maybe_unused]] auto r = date(2026, 1, 1.5);
#else
        [[maybe_unused]] auto r = date(2026, 1, 15);
#endif
    }
    {
#ifdef CASE_date_char_year
        [[maybe_unused]] auto r = date('2', 1, 15);
#else
        [[maybe_unused]] auto r = date(2026, 1, 15);
#endif
    }
    {
#ifdef CASE_date_bool_month
        [[maybe_unused]] auto r = date(2026, true, 15);
#else
        [[maybe_unused]] auto r = date(2026, 1, 15);
#endif
    }
    {
#ifdef CASE_date_try_make_float
        [[maybe_unused]] auto r = date::try_make(2026, 1, 15.0f);
#else
        [[maybe_unused]] auto r = date::try_make(2026, 1, 15);
#endif
    }
    {
#ifdef CASE_date_valid_char
        [[maybe_unused]] auto r = date::valid(2026, 1, u'5');
#else
        [[maybe_unused]] auto r = date::valid(2026, 1, 5);
#endif
    }
    {
#ifdef CASE_days_in_month_double
        [[maybe_unused]] auto r = date::days_in_month(2026.0, 2);
#else
        [[maybe_unused]] auto r = date::days_in_month(2026, 2);
#endif
    }
    {
#ifdef CASE_from_days_double
        [[maybe_unused]] auto r = date::from_days_since_epoch(1.5e4);
#else
        [[maybe_unused]] auto r = date::from_days_since_epoch(15000);
#endif
    }
    {
#ifdef CASE_try_from_days_char
        [[maybe_unused]] auto r = date::try_from_days_since_epoch('x');
#else
        [[maybe_unused]] auto r = date::try_from_days_since_epoch(120);
#endif
    }
    {
#ifdef CASE_plus_days_double
        [[maybe_unused]] auto r = date(2026, 1, 1).plus_days(30.5);
#else
        [[maybe_unused]] auto r = date(2026, 1, 1).plus_days(30);
#endif
    }
    {
#ifdef CASE_plus_days_bool
        [[maybe_unused]] auto r = date(2026, 1, 1).plus_days(true);
#else
        [[maybe_unused]] auto r = date(2026, 1, 1).plus_days(1);
#endif
    }
    {
#ifdef CASE_try_plus_days_char
        [[maybe_unused]] auto r = date(2026, 1, 1).try_plus_days('7');
#else
        [[maybe_unused]] auto r = date(2026, 1, 1).try_plus_days(7);
#endif
    }
    {
#ifdef CASE_round_places_double
        [[maybe_unused]] auto r = round(2.345_dec, 2.0, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = round(2.345_dec, 2, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_round_places_char
        [[maybe_unused]] auto r = round(2.345_dec, '2', rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = round(2.345_dec, 2, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_divide_places_bool
        [[maybe_unused]] auto r = divide(1_dec, 3_dec, true, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = divide(1_dec, 3_dec, 1, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_divide_places_float
        [[maybe_unused]] auto r = divide(1_dec, 3_dec, 4.0f, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = divide(1_dec, 3_dec, 4, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_inverse_places_double
        [[maybe_unused]] auto r = cad_per_usd.inverse(4.0, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = cad_per_usd.inverse(4, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_inverse_places_char
        [[maybe_unused]] auto r = cad_per_usd.inverse('4', rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = cad_per_usd.inverse(4, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_effective_rate_places_double
        [[maybe_unused]] auto r = effective_rate(paid, 2.0, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = effective_rate(paid, 2, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_ad_valorem_equivalent_places_bool
        [[maybe_unused]] auto r = ad_valorem_equivalent(duty_expression<CAD>(5.00_CAD / kg), 6.00_CAD / kg, true, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = ad_valorem_equivalent(duty_expression<CAD>(5.00_CAD / kg), 6.00_CAD / kg, 2, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_grow_years_double
        [[maybe_unused]] auto r = grow(100 * each, 2_pct, 1.5, 1 * each, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = grow(100 * each, 2_pct, 1, 1 * each, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_grow_years_char
        [[maybe_unused]] auto r = grow(100 * each, 2_pct, '1', 1 * each, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = grow(100 * each, 2_pct, 1, 1 * each, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_fill_ratio_places_double
        [[maybe_unused]] auto r = ledger.status(0).fill_ratio(2.0, rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = ledger.status(0).fill_ratio(2, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_fill_ratio_places_char
        [[maybe_unused]] auto r = ledger.status(0).fill_ratio('2', rounding_mode::half_even);
#else
        [[maybe_unused]] auto r = ledger.status(0).fill_ratio(2, rounding_mode::half_even);
#endif
    }
    {
#ifdef CASE_ledger_status_double
        [[maybe_unused]] auto r = ledger.status(0.0);
#else
        [[maybe_unused]] auto r = ledger.status(0);
#endif
    }
    {
#ifdef CASE_ledger_status_bool
        [[maybe_unused]] auto r = ledger.status(false);
#else
        [[maybe_unused]] auto r = ledger.status(0);
#endif
    }
    {
#ifdef CASE_ledger_balance_char
        [[maybe_unused]] auto r = ledger.balance('0', quota_pool::general);
#else
        [[maybe_unused]] auto r = ledger.balance(0, quota_pool::general);
#endif
    }
    {
#ifdef CASE_ledger_opening_double
        [[maybe_unused]] auto r = ledger.opening(0.0, quota_pool::general);
#else
        [[maybe_unused]] auto r = ledger.opening(0, quota_pool::general);
#endif
    }
    {
#ifdef CASE_quota_period_double
        [[maybe_unused]] auto r = quota.period(0.0);
#else
        [[maybe_unused]] auto r = quota.period(0);
#endif
    }
    {
#ifdef CASE_quota_reserved_granules_bool
        [[maybe_unused]] auto r = quota.reserved_granules(false);
#else
        [[maybe_unused]] auto r = quota.reserved_granules(0);
#endif
    }
    {
#ifdef CASE_path_duty_double
        [[maybe_unused]] auto r = path.duty(0.0);
#else
        [[maybe_unused]] auto r = path.duty(0);
#endif
    }
    {
#ifdef CASE_path_tax_char
        [[maybe_unused]] auto r = path.tax('0');
#else
        [[maybe_unused]] auto r = path.tax(0);
#endif
    }
    {
#ifdef CASE_assessment_index_double
        [[maybe_unused]] auto r = paid[0.0];
#else
        [[maybe_unused]] auto r = paid[0];
#endif
    }
    {
#ifdef CASE_line_treatment_at_bool
        [[maybe_unused]] auto r = line.treatment_at(false);
#else
        [[maybe_unused]] auto r = line.treatment_at(0);
#endif
    }
    {
#ifdef CASE_try_to_quantity_double
        [[maybe_unused]] auto r = quota.try_to_quantity(2.5);
#else
        [[maybe_unused]] auto r = quota.try_to_quantity(2);
#endif
    }
    {
#ifdef CASE_base_has_bool
        [[maybe_unused]] auto r = duty_base(100.00_CAD).with(2 * kg).has(true);
#else
        [[maybe_unused]] auto r = duty_base(100.00_CAD).with(2 * kg).has(unit_info_of<units::kilogram>.dimension_bit);
#endif
    }
    {
#ifdef CASE_pool_give_back_double
        pool.give_back(1.5);
#else
        pool.give_back(1);
#endif
    }
    {
#ifdef CASE_pool_try_give_back_char
        [[maybe_unused]] auto r = pool.try_give_back('1');
#else
        [[maybe_unused]] auto r = pool.try_give_back(1);
#endif
    }
    {
#ifdef CASE_decimal_plus_char
        [[maybe_unused]] auto r = 1.5_dec + 'x';
#else
        [[maybe_unused]] auto r = 1.5_dec + 120;
#endif
    }
    {
#ifdef CASE_char_plus_decimal
        [[maybe_unused]] auto r = 'x' + 1.5_dec;
#else
        [[maybe_unused]] auto r = 120 + 1.5_dec;
#endif
    }
    {
#ifdef CASE_decimal_times_bool
        [[maybe_unused]] auto r = 1.5_dec * true;
#else
        [[maybe_unused]] auto r = 1.5_dec * 1;
#endif
    }
    {
#ifdef CASE_decimal_minus_wchar
        [[maybe_unused]] auto r = 1.5_dec - L'1';
#else
        [[maybe_unused]] auto r = 1.5_dec - 1;
#endif
    }
    {
#ifdef CASE_decimal_equals_char
        [[maybe_unused]] auto r = 1.5_dec == '1';
#else
        [[maybe_unused]] auto r = 1.5_dec == 1;
#endif
    }
    {
#ifdef CASE_decimal_less_bool
        [[maybe_unused]] auto r = 1.5_dec < true;
#else
        [[maybe_unused]] auto r = 1.5_dec < 1;
#endif
    }
    {
#ifdef CASE_decimal_plus_double
        [[maybe_unused]] auto r = 1.5_dec + 1.5;
#else
        [[maybe_unused]] auto r = 1.5_dec + 1.5_dec;
#endif
    }
    {
#ifdef CASE_double_minus_decimal
        [[maybe_unused]] auto r = 1.5 - 1.5_dec;
#else
        [[maybe_unused]] auto r = 1.5_dec - 1.5_dec;
#endif
    }
    {
#ifdef CASE_decimal_times_double
        [[maybe_unused]] auto r = 1.5_dec * 2.0;
#else
        [[maybe_unused]] auto r = 1.5_dec * 2;
#endif
    }
    {
#ifdef CASE_decimal_equals_double
        [[maybe_unused]] auto r = 1.5_dec == 1.5;
#else
        [[maybe_unused]] auto r = 1.5_dec == 1.5_dec;
#endif
    }
    {
#ifdef CASE_with_duty_other_currency_expression
        [[maybe_unused]] auto r = path.with_duty("surtax", "", duty_expression<GBP>(1.00_GBP / kg));
#else
        [[maybe_unused]] auto r = path.with_duty("surtax", "", duty_expression<CAD>(1.00_CAD / kg));
#endif
    }
    {
#ifdef CASE_with_duty_other_currency_rate
        [[maybe_unused]] auto r = path.with_duty("surtax", "", 1.00_USD / kg);
#else
        [[maybe_unused]] auto r = path.with_duty("surtax", "", 1.00_CAD / kg);
#endif
    }
    {
#ifdef CASE_with_duty_other_currency_compound
        [[maybe_unused]] auto r = path.with_duty("surtax", "", at_least(5_pct, 1.00_GBP / kg));
#else
        [[maybe_unused]] auto r = path.with_duty("surtax", "", at_least(5_pct, 1.00_CAD / kg));
#endif
    }
    {
#ifdef CASE_with_tax_other_currency
        [[maybe_unused]] auto r = path.with_tax(tax_component<GBP>{"VAT", "", 20_pct});
#else
        [[maybe_unused]] auto r = path.with_tax(tax_component<CAD>{"GST", "", 5_pct});
#endif
    }
    {
#ifdef CASE_with_de_minimis_other_currency
        [[maybe_unused]] auto r = path.with_de_minimis(de_minimis<USD>{800.00_USD});
#else
        [[maybe_unused]] auto r = path.with_de_minimis(de_minimis<CAD>{20.00_CAD});
#endif
    }
    {
#ifdef CASE_with_treatment_other_currency
        [[maybe_unused]] auto r = line.with_treatment("UK", "GB", duty_path<GBP>("UK").with_duty("MFN", "", 2_pct));
#else
        [[maybe_unused]] auto r = line.with_treatment("UK", "GB", duty_path<CAD>("UK").with_duty("MFN", "", 2_pct));
#endif
    }
}
