// Compile-fail cases: money across currencies, money and bare numbers,
// products and quotients, construction and rounding. See ../run.py for the
// format: each `// case NAME: REGEX` has an `#ifdef CASE_NAME` misuse and an
// `#else` positive control; the regex must match the first error line.
//
// case cad_plus_usd: amounts.in.different.currencies.cannot.be.added
// case eur_plus_gbp: amounts.in.different.currencies.cannot.be.added
// case jpy_plus_krw: amounts.in.different.currencies.cannot.be.added
// case cad_minus_usd: amounts.in.different.currencies.cannot.be.subtracted
// case eur_minus_gbp: amounts.in.different.currencies.cannot.be.subtracted
// case jpy_minus_krw: amounts.in.different.currencies.cannot.be.subtracted
// case cad_eq_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_ne_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_lt_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_le_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_gt_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_ge_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_spaceship_usd: amounts.in.different.currencies.cannot.be.compared
// case cad_plus_assign_usd: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case cad_minus_assign_usd: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case wide_cad_plus_usd: amounts.in.different.currencies.cannot.be.added
// case usd_into_cad_copy_init: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case usd_into_cad_direct_init: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case usd_into_cad_static_cast: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case usd_into_wide_cad: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case usd_to_cad_function_argument: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case round_to_other_currency_granularity: granularity.in.the.amounts.own.currency|granularity must be in the amount
// case money_plus_int: a.bare.number.cannot.be.(added|subtracted)
// case int_plus_money: a.bare.number.cannot.be.(added|subtracted)
// case money_minus_int: a.bare.number.cannot.be.(added|subtracted)
// case int_minus_money: bare.number
// case money_plus_decimal: a.bare.number.cannot.be.(added|subtracted)
// case decimal_plus_money: a.bare.number.cannot.be.(added|subtracted)
// case money_plus_double: a.bare.number.cannot.be.(added|subtracted)
// case money_plus_char: a.bare.number.cannot.be.(added|subtracted)
// case money_minus_bool: a.bare.number.cannot.be.(added|subtracted)
// case money_plus_assign_int: a.bare.number.cannot.be.(added|subtracted)
// case money_minus_assign_decimal: a.bare.number.cannot.be.(added|subtracted)
// case money_eq_int: money.compares.only.with.money.of.its.currency|compares only with an amount
// case int_eq_money: money.compares.only.with.money.of.its.currency|compares only with an amount
// case money_ne_int: money.compares.only.with.money.of.its.currency|compares only with an amount
// case money_lt_int: money.compares.only.with.money.of.its.currency|compares only with an amount
// case int_gt_money: money.compares.only.with.money.of.its.currency|compares only with an amount
// case money_eq_decimal: money.compares.only.with.money.of.its.currency|compares only with an amount
// case money_ge_double: money.compares.only.with.money.of.its.currency|compares only with an amount
// case money_eq_rate: money.compares.only.with.money.of.its.currency|compares only with an amount
// case rate_eq_money: money.compares.only.with.money.of.its.currency|compares only with an amount
// case rate_lt_money: money.compares.only.with.money.of.its.currency|compares only with an amount
// case money_times_money_same_currency: money.times.money.has.no.meaning
// case money_times_money_other_currency: money.times.money.has.no.meaning
// case money_divided_by_money: money.divided.by.money|money / money
// case money_divided_by_int: money.divided.by.a.number.is.rarely.exact|money / n is rarely exact
// case money_divided_by_decimal: money.divided.by.a.number.is.rarely.exact|money / n is rarely exact
// case money_divided_by_double: money.divided.by.a.number.is.rarely.exact|money / n is rarely exact
// case money_times_double: money.cannot.be.multiplied.by.binary.floating.point
// case float_times_money: money.cannot.be.multiplied.by.binary.floating.point
// case money_times_char: money.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case char_times_money: money.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case money_times_bool: money.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case money_times_char16: money.cannot.be.multiplied.by.a.character.or.(a.)?bool
// case money_times_quantity: money.times.a.quantity.has.no.meaning
// case quantity_times_money: (money.times.a.quantity|quantity times money).has.no.meaning
// case money_times_unit: money.times.a.unit.has.no.meaning
// case unit_times_money: (money.times.a.unit|unit times money).has.no.meaning
// case money_from_double_direct: money.cannot.be.made.from.binary.floating.point
// case money_from_float_copy_init: money.cannot.be.made.from.binary.floating.point
// case money_from_char: money.cannot.be.made.from.a.character.or.(a.)?bool
// case money_from_bool: money.cannot.be.made.from.a.character.or.(a.)?bool
// case wide_money_from_double: money.cannot.be.made.from.binary.floating.point
// case from_minor_units_double: minor.units.are.a.whole.number
// case from_minor_units_char: minor.units.are.a.whole.number
// case from_minor_units_bool: minor.units.are.a.whole.number
// case round_with_int_mode: round.needs.a.rounding.mode|takes a rounding mode
// case round_with_bool_mode: round.needs.a.rounding.mode|takes a rounding mode
// case round_with_string_mode: round.needs.a.rounding.mode|takes a rounding mode
// case round_with_a_tag_that_is_not_a_mode: round.needs.a.rounding.mode|takes a rounding mode
// case round_to_other_currency_granularity_without_mode: granularity.in.the.amounts.own.currency|granularity must be in the amount
// case round_to_granularity_without_mode: round.to.a.granularity.needs.a.rounding.mode|needs a rounding mode too
// case round_without_mode: needs.a.rounding.mode
// case round_to_granularity_with_int_mode: round.needs.a.rounding.mode|takes a rounding mode
// case divide_without_mode: needs.a.rounding.mode
// case divide_with_int_mode: divide.needs.a.rounding.mode|takes a rounding mode
// case divide_by_double: takes.an.integer.or.a.decimal.divisor
// case divide_by_char: takes.an.integer.or.a.decimal.divisor

#include <tariff/rate.hpp>

using namespace tariff;
using namespace tariff::literals;

namespace {
constexpr money<CAD> takes_cad(money<CAD> m) { return m; }
struct not_a_mode {};
} // namespace

int main() {
    {
#ifdef CASE_cad_plus_usd
        [[maybe_unused]] auto r = 1.00_CAD + 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_eur_plus_gbp
        [[maybe_unused]] auto r = 1.00_EUR + 1.00_GBP;
#else
        [[maybe_unused]] auto r = 1.00_EUR + 1.00_EUR;
#endif
    }
    {
#ifdef CASE_jpy_plus_krw
        [[maybe_unused]] auto r = 1.00_JPY + 1.00_KRW;
#else
        [[maybe_unused]] auto r = 1.00_JPY + 1.00_JPY;
#endif
    }
    {
#ifdef CASE_cad_minus_usd
        [[maybe_unused]] auto r = 1.00_CAD - 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD - 1.00_CAD;
#endif
    }
    {
#ifdef CASE_eur_minus_gbp
        [[maybe_unused]] auto r = 1.00_EUR - 1.00_GBP;
#else
        [[maybe_unused]] auto r = 1.00_EUR - 1.00_EUR;
#endif
    }
    {
#ifdef CASE_jpy_minus_krw
        [[maybe_unused]] auto r = 1.00_JPY - 1.00_KRW;
#else
        [[maybe_unused]] auto r = 1.00_JPY - 1.00_JPY;
#endif
    }
    {
#ifdef CASE_cad_eq_usd
        [[maybe_unused]] auto r = 1.00_CAD == 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD == 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_ne_usd
        [[maybe_unused]] auto r = 1.00_CAD != 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD != 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_lt_usd
        [[maybe_unused]] auto r = 1.00_CAD < 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD < 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_le_usd
        [[maybe_unused]] auto r = 1.00_CAD <= 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD <= 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_gt_usd
        [[maybe_unused]] auto r = 1.00_CAD > 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD > 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_ge_usd
        [[maybe_unused]] auto r = 1.00_CAD >= 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD >= 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_spaceship_usd
        [[maybe_unused]] auto r = 1.00_CAD <=> 1.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD <=> 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_plus_assign_usd
        auto m = 1.00_CAD; m += 1.00_USD;
#else
        auto m = 1.00_CAD; m += 1.00_CAD;
#endif
    }
    {
#ifdef CASE_cad_minus_assign_usd
        auto m = 1.00_CAD; m -= 1.00_USD;
#else
        auto m = 1.00_CAD; m -= 1.00_CAD;
#endif
    }
    {
#ifdef CASE_wide_cad_plus_usd
        [[maybe_unused]] auto r = wide_money<CAD>(1.00_CAD) + 1.00_USD;
#else
        [[maybe_unused]] auto r = wide_money<CAD>(1.00_CAD) + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_usd_into_cad_copy_init
        [[maybe_unused]] money<CAD> m = 1.00_USD;
#else
        [[maybe_unused]] money<CAD> m = 1.00_CAD;
#endif
    }
    {
#ifdef CASE_usd_into_cad_direct_init
        [[maybe_unused]] money<CAD> m(1.00_USD);
#else
        [[maybe_unused]] money<CAD> m(1.00_CAD);
#endif
    }
    {
#ifdef CASE_usd_into_cad_static_cast
        [[maybe_unused]] auto m = static_cast<money<CAD>>(1.00_USD);
#else
        [[maybe_unused]] auto m = static_cast<money<CAD>>(1.00_CAD);
#endif
    }
    {
#ifdef CASE_usd_into_wide_cad
        [[maybe_unused]] wide_money<CAD> m = 1.00_USD;
#else
        [[maybe_unused]] wide_money<CAD> m = 1.00_CAD;
#endif
    }
    {
#ifdef CASE_usd_to_cad_function_argument
        [[maybe_unused]] auto m = takes_cad(1.00_USD);
#else
        [[maybe_unused]] auto m = takes_cad(1.00_CAD);
#endif
    }
    {
#ifdef CASE_round_to_other_currency_granularity
        [[maybe_unused]] auto m = round(1.234_CAD, 0.05_CHF, rounding::half_up);
#else
        [[maybe_unused]] auto m = round(1.234_CHF, 0.05_CHF, rounding::half_up);
#endif
    }
    {
#ifdef CASE_money_plus_int
        [[maybe_unused]] auto r = 1.00_CAD + 1;
#else
        [[maybe_unused]] auto r = 1.00_CAD + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_int_plus_money
        [[maybe_unused]] auto r = 1 + 1.00_CAD;
#else
        [[maybe_unused]] auto r = 1.00_CAD + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_minus_int
        [[maybe_unused]] auto r = 1.00_CAD - 1;
#else
        [[maybe_unused]] auto r = 1.00_CAD - 1.00_CAD;
#endif
    }
    {
#ifdef CASE_int_minus_money
        [[maybe_unused]] auto r = 1 - 1.00_CAD;
#else
        [[maybe_unused]] auto r = 1.00_CAD - 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_plus_decimal
        [[maybe_unused]] auto r = 1.00_CAD + 1.5_dec;
#else
        [[maybe_unused]] auto r = 1.00_CAD + 1.50_CAD;
#endif
    }
    {
#ifdef CASE_decimal_plus_money
        [[maybe_unused]] auto r = 1.5_dec + 1.00_CAD;
#else
        [[maybe_unused]] auto r = 1.50_CAD + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_plus_double
        [[maybe_unused]] auto r = 1.00_CAD + 1.5;
#else
        [[maybe_unused]] auto r = 1.00_CAD + 1.50_CAD;
#endif
    }
    {
#ifdef CASE_money_plus_char
        [[maybe_unused]] auto r = 1.00_CAD + '1';
#else
        [[maybe_unused]] auto r = 1.00_CAD + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_minus_bool
        [[maybe_unused]] auto r = 1.00_CAD - true;
#else
        [[maybe_unused]] auto r = 1.00_CAD - 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_plus_assign_int
        auto m = 1.00_CAD; m += 1;
#else
        auto m = 1.00_CAD; m += 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_minus_assign_decimal
        auto m = 1.00_CAD; m -= 1.5_dec;
#else
        auto m = 1.00_CAD; m -= 1.50_CAD;
#endif
    }
    {
#ifdef CASE_money_eq_int
        [[maybe_unused]] auto r = 1.00_CAD == 0;
#else
        [[maybe_unused]] auto r = 1.00_CAD == 0.00_CAD;
#endif
    }
    {
#ifdef CASE_int_eq_money
        [[maybe_unused]] auto r = 0 == 1.00_CAD;
#else
        [[maybe_unused]] auto r = 0.00_CAD == 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_ne_int
        [[maybe_unused]] auto r = 1.00_CAD != 0;
#else
        [[maybe_unused]] auto r = 1.00_CAD != 0.00_CAD;
#endif
    }
    {
#ifdef CASE_money_lt_int
        [[maybe_unused]] auto r = 1.00_CAD < 2;
#else
        [[maybe_unused]] auto r = 1.00_CAD < 2.00_CAD;
#endif
    }
    {
#ifdef CASE_int_gt_money
        [[maybe_unused]] auto r = 2 > 1.00_CAD;
#else
        [[maybe_unused]] auto r = 2.00_CAD > 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_eq_decimal
        [[maybe_unused]] auto r = 1.00_CAD == 1.00_dec;
#else
        [[maybe_unused]] auto r = 1.00_CAD == 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_ge_double
        [[maybe_unused]] auto r = 1.00_CAD >= 0.5;
#else
        [[maybe_unused]] auto r = 1.00_CAD >= 0.50_CAD;
#endif
    }
    {
#ifdef CASE_money_eq_rate
        [[maybe_unused]] auto r = 1.00_CAD == 6.1_pct;
#else
        [[maybe_unused]] auto r = 1.00_CAD == 6.1_pct(1.00_CAD);
#endif
    }
    {
#ifdef CASE_rate_eq_money
        [[maybe_unused]] auto r = 6.1_pct == 1.00_CAD;
#else
        [[maybe_unused]] auto r = 6.1_pct(1.00_CAD) == 1.00_CAD;
#endif
    }
    {
#ifdef CASE_rate_lt_money
        [[maybe_unused]] auto r = 6.1_pct < 1.00_CAD;
#else
        [[maybe_unused]] auto r = 6.1_pct(1.00_CAD) < 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_times_money_same_currency
        [[maybe_unused]] auto r = 1.00_CAD * 2.00_CAD;
#else
        [[maybe_unused]] auto r = 1.00_CAD * 2;
#endif
    }
    {
#ifdef CASE_money_times_money_other_currency
        [[maybe_unused]] auto r = 1.00_CAD * 2.00_USD;
#else
        [[maybe_unused]] auto r = 1.00_CAD * 2;
#endif
    }
    {
#ifdef CASE_money_divided_by_money
        [[maybe_unused]] auto r = 3.00_CAD / 1.00_CAD;
#else
        [[maybe_unused]] auto r = divide((3.00_CAD).amount(), (1.00_CAD).amount(), 2, rounding::half_even);
#endif
    }
    {
#ifdef CASE_money_divided_by_int
        [[maybe_unused]] auto r = 3.00_CAD / 2;
#else
        [[maybe_unused]] auto r = divide(3.00_CAD, 2, rounding::half_even);
#endif
    }
    {
#ifdef CASE_money_divided_by_decimal
        [[maybe_unused]] auto r = 3.00_CAD / 1.5_dec;
#else
        [[maybe_unused]] auto r = divide(3.00_CAD, 1.5_dec, rounding::half_even);
#endif
    }
    {
#ifdef CASE_money_divided_by_double
        [[maybe_unused]] auto r = 3.00_CAD / 1.5;
#else
        [[maybe_unused]] auto r = divide(3.00_CAD, 2, rounding::half_even);
#endif
    }
    {
#ifdef CASE_money_times_double
        [[maybe_unused]] auto r = 1.00_CAD * 1.5;
#else
        [[maybe_unused]] auto r = 1.00_CAD * 1.5_dec;
#endif
    }
    {
#ifdef CASE_float_times_money
        [[maybe_unused]] auto r = 1.5f * 1.00_CAD;
#else
        [[maybe_unused]] auto r = 1.5_dec * 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_times_char
        [[maybe_unused]] auto r = 1.00_CAD * 'x';
#else
        [[maybe_unused]] auto r = 1.00_CAD * 120;
#endif
    }
    {
#ifdef CASE_char_times_money
        [[maybe_unused]] auto r = '2' * 1.00_CAD;
#else
        [[maybe_unused]] auto r = 2 * 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_times_bool
        [[maybe_unused]] auto r = 1.00_CAD * true;
#else
        [[maybe_unused]] auto r = 1.00_CAD * 1;
#endif
    }
    {
#ifdef CASE_money_times_char16
        [[maybe_unused]] auto r = 1.00_CAD * u'x';
#else
        [[maybe_unused]] auto r = 1.00_CAD * 120;
#endif
    }
    {
#ifdef CASE_money_times_quantity
        [[maybe_unused]] auto r = 5.33_CAD * (2 * kg);
#else
        [[maybe_unused]] auto r = (5.33_CAD / kg)(2 * kg);
#endif
    }
    {
#ifdef CASE_quantity_times_money
        [[maybe_unused]] auto r = (2 * kg) * 5.33_CAD;
#else
        [[maybe_unused]] auto r = (5.33_CAD / kg)(2 * kg);
#endif
    }
    {
#ifdef CASE_money_times_unit
        [[maybe_unused]] auto r = 5.33_CAD * kg;
#else
        [[maybe_unused]] auto r = 5.33_CAD / kg;
#endif
    }
    {
#ifdef CASE_unit_times_money
        [[maybe_unused]] auto r = kg * 5.33_CAD;
#else
        [[maybe_unused]] auto r = 5.33_CAD / kg;
#endif
    }
    {
#ifdef CASE_money_from_double_direct
        [[maybe_unused]] money<CAD> m(1.5);
#else
        [[maybe_unused]] money<CAD> m(1.50_dec);
#endif
    }
    {
#ifdef CASE_money_from_float_copy_init
        [[maybe_unused]] money<CAD> m = 1.5f;
#else
        [[maybe_unused]] money<CAD> m = 1.50_CAD;
#endif
    }
    {
#ifdef CASE_money_from_char
        [[maybe_unused]] auto r = money<CAD>('5') == 53.00_CAD;
#else
        [[maybe_unused]] auto r = money<CAD>(53) == 53.00_CAD;
#endif
    }
    {
#ifdef CASE_money_from_bool
        [[maybe_unused]] money<CAD> m(true);
#else
        [[maybe_unused]] money<CAD> m(1);
#endif
    }
    {
#ifdef CASE_wide_money_from_double
        [[maybe_unused]] wide_money<CAD> m(2.5);
#else
        [[maybe_unused]] wide_money<CAD> m(2.50_wdec);
#endif
    }
    {
#ifdef CASE_from_minor_units_double
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(12.5);
#else
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(12);
#endif
    }
    {
#ifdef CASE_from_minor_units_char
        [[maybe_unused]] auto m = money<CAD>::from_minor_units('5');
#else
        [[maybe_unused]] auto m = money<CAD>::from_minor_units(5);
#endif
    }
    {
#ifdef CASE_from_minor_units_bool
        [[maybe_unused]] auto m = money<JPY>::from_minor_units(true);
#else
        [[maybe_unused]] auto m = money<JPY>::from_minor_units(1);
#endif
    }
    {
#ifdef CASE_round_with_int_mode
        [[maybe_unused]] auto m = round(1.005_CAD, 2);
#else
        [[maybe_unused]] auto m = round(1.005_CAD, rounding::half_up);
#endif
    }
    {
#ifdef CASE_round_with_bool_mode
        [[maybe_unused]] auto m = round(1.005_CAD, true);
#else
        [[maybe_unused]] auto m = round(1.005_CAD, rounding::half_even);
#endif
    }
    {
#ifdef CASE_round_with_string_mode
        [[maybe_unused]] auto m = round(1.005_CAD, "half_up");
#else
        [[maybe_unused]] auto m = round(1.005_CAD, rounding::half_up);
#endif
    }
    {
#ifdef CASE_round_with_a_tag_that_is_not_a_mode
        [[maybe_unused]] auto m = round(1.005_CAD, not_a_mode{});
#else
        [[maybe_unused]] auto m = round(1.005_CAD, rounding::ceiling);
#endif
    }
    {
#ifdef CASE_round_to_granularity_without_mode
        [[maybe_unused]] auto m = round(1.234_CHF, 0.05_CHF);
#else
        [[maybe_unused]] auto m = round(1.234_CHF, 0.05_CHF, rounding::half_up);
#endif
    }
    {
#ifdef CASE_round_without_mode
        [[maybe_unused]] auto m = round(1.005_CAD);
#else
        [[maybe_unused]] auto m = round(1.005_CAD, rounding::floor);
#endif
    }
    {
#ifdef CASE_round_to_granularity_with_int_mode
        [[maybe_unused]] auto m = round(1.234_CHF, 0.05_CHF, 1);
#else
        [[maybe_unused]] auto m = round(1.234_CHF, 0.05_CHF, rounding::half_up);
#endif
    }
    {
#ifdef CASE_divide_without_mode
        [[maybe_unused]] auto m = divide(1.00_CAD, 3);
#else
        [[maybe_unused]] auto m = divide(1.00_CAD, 3, rounding::half_even);
#endif
    }
    {
#ifdef CASE_divide_with_int_mode
        [[maybe_unused]] auto m = divide(1.00_CAD, 3, 0);
#else
        [[maybe_unused]] auto m = divide(1.00_CAD, 3, rounding::half_even);
#endif
    }
    {
#ifdef CASE_divide_by_double
        [[maybe_unused]] auto m = divide(1.00_CAD, 3.0, rounding::half_even);
#else
        [[maybe_unused]] auto m = divide(1.00_CAD, 3, rounding::half_even);
#endif
    }
    {
#ifdef CASE_divide_by_char
        [[maybe_unused]] auto m = divide(1.00_CAD, '3', rounding::half_even);
#else
        [[maybe_unused]] auto m = divide(1.00_CAD, 3, rounding::half_even);
#endif
    }
    {
#ifdef CASE_round_to_other_currency_granularity_without_mode
        [[maybe_unused]] auto m = round(1.234_CAD, 0.05_CHF);
#else
        [[maybe_unused]] auto m = round(1.234_CHF, 0.05_CHF, rounding::half_up);
#endif
    }
    (void)takes_cad;
}
