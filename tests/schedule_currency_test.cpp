// Currencies within one schedule (issue 11 item 10): a specific rate's and a
// whole expression's currency converted with an exchange_rate, exactly or with
// the rounding stated; an entry in one currency assessed on a path in another,
// the conversion recorded.
//
// Every expected figure is computed by hand in the comment next to it (and
// checked with Python's decimal module where a quotient has many places: say
// so); none was obtained by running the code under test.
//
// Source of the rates: HMRC's exchange rates for December 2010 (as reproduced at
// ukimports.org/uk_customs_exchange_rates_2010.html): "1 GB£ = 1.1757 EUR", and
// the euro agricultural conversion rate for duty expressed in euros: "Multiplied
// (x) by: 0.84470 / Divided (÷) by: 1.18385225".
#include <string>

#include <tariff/io.hpp>
#include <tariff/schedule_currency.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::conversion_direction;
using tariff::currency_conversion;
using tariff::decimal;
using tariff::duty_base;
using tariff::duty_expression;
using tariff::duty_path;
using tariff::errc;
using tariff::EUR;
using tariff::exchange_rate;
using tariff::GBP;
using tariff::rounding_mode;
using tariff::rounding_policy;
using tariff::specific_rate;
using tariff_test::error_of;
namespace units = tariff::units;

template <class C>
constexpr rounding_policy<C> half_even{rounding_mode::half_even};

// The agricultural rate, both ways, as HMRC publishes it.
constexpr exchange_rate<EUR, GBP> gbp_per_eur{decimal::from_parts(84'470, 5)};      // x 0.84470
constexpr exchange_rate<GBP, EUR> eur_per_gbp{decimal::from_parts(118'385'225, 8)}; // / 1.18385225
constexpr auto times_084470 =
    currency_conversion<EUR, GBP>::multiply_by(gbp_per_eur, 0.01_GBP, tariff::rounding::half_even);
constexpr auto divided_118385225 =
    currency_conversion<EUR, GBP>::divide_by(eur_per_gbp, 0.01_GBP, tariff::rounding::half_even);

// EUR 9.40 / 100 kg x 0.84470 = GBP 7.940180 / 100 kg, exactly (9.40 x 0.8447 =
// 7.94018: 940 x 84,470 = 79,401,800 at 7 places).
constexpr specific_rate<EUR, units::hundred_kilograms> eu_rate{9.40_EUR};
static_assert(times_084470.exact(eu_rate).per_unit().amount() == decimal::from_parts(7'940'180, 6));
// Rounded to the penny, half even: 7.94.
static_assert(times_084470.convert(eu_rate).per_unit() == 7.94_GBP);
static_assert(times_084470.direction() == conversion_direction::multiply);

TEST_CASE("a specific rate converted: exactly, or rounded as stated") {
    // Divided by 1.18385225: 9.40 / 1.18385225 = 7.94018003513... (Python decimal),
    // no finite decimal: exact() refuses, convert() rounds to 7.94 (half even, 0.01).
    CHECK(divided_118385225.try_exact(eu_rate).code() == errc::inexact);
    CHECK(error_of([&] { return divided_118385225.exact(eu_rate); }) == errc::inexact);
    CHECK(divided_118385225.convert(eu_rate).per_unit() == 7.94_GBP);
    // To four places of a pound: 7.9402 (the fifth place is 1: down, any mode near).
    const auto fine = currency_conversion<EUR, GBP>::divide_by(
        eur_per_gbp, tariff::money<GBP>(decimal::from_parts(1, 4)), tariff::rounding::half_even);
    CHECK(fine.convert(eu_rate).per_unit().amount() == decimal::from_parts(79'402, 4));
    // Toward zero and ceiling at the penny: 7.94 and 7.95.
    const auto up =
        currency_conversion<EUR, GBP>::divide_by(eur_per_gbp, 0.01_GBP, tariff::rounding::ceiling);
    CHECK(up.convert(eu_rate).per_unit() == 7.95_GBP);
    // An exact quotient: EUR 11.8385225 / 1.18385225 = 10 exactly.
    CHECK(divided_118385225.exact(tariff::money<EUR>(decimal::from_parts(118'385'225, 7))) ==
          10.00_GBP);
    // 1.00 EUR x 0.84470 = 0.8447 exactly; 0.84 at the penny (half even: 0.8447 is below .845).
    CHECK(times_084470.exact(1.00_EUR).amount() == decimal::from_parts(8'447, 4));
    CHECK(times_084470.convert(1.00_EUR) == 0.84_GBP);
}

TEST_CASE("a whole expression converted: specific and fixed amounts, ad valorem unchanged") {
    // An EU compound (CN 1704 90 99 style): 9.10 % + EUR 45.10 / 100 kg MAX 18.90 % +
    // EUR 16.50 / 100 kg, and a fixed EUR 3.00.
    //   45.10 x 0.84470 = 38.095970; 16.50 x 0.84470 = 13.937550; 3.00 x 0.84470 = 2.53410
    //   (exact); at the penny half even: 38.10, 13.94, 2.53.
    constexpr auto compound = at_most(9.10_pct + 45.10_EUR / tariff::hundred_kg,
                                      18.90_pct + 16.50_EUR / tariff::hundred_kg);
    constexpr auto exact = times_084470.exact(compound);
    static_assert(
        std::is_same_v<decltype(exact), const duty_expression<GBP, tariff::mass::bit, 7>>);
    constexpr auto by_hand_exact = at_most(
        9.10_pct + tariff::money<GBP>(decimal::from_parts(38'095'970, 6)) / tariff::hundred_kg,
        18.90_pct + tariff::money<GBP>(decimal::from_parts(13'937'550, 6)) / tariff::hundred_kg);
    static_assert(exact == by_hand_exact);
    const auto rounded = times_084470.convert(compound);
    CHECK(rounded == at_most(9.10_pct + 38.10_GBP / tariff::hundred_kg,
                             18.90_pct + 13.94_GBP / tariff::hundred_kg));
    CHECK(times_084470.convert(tariff::fixed_amount(3.00_EUR)) == tariff::fixed_amount(2.53_GBP));
    CHECK(times_084470.exact(tariff::fixed_amount(3.00_EUR)) ==
          tariff::fixed_amount(tariff::money<GBP>(decimal::from_parts(253'410, 5))));

    // A run-time expression converts too; evaluated on 2,350 kg at value GBP 1,000.00:
    //   38.10 x 23.5 = 895.35 + 9.10 % x 1,000 = 91.00 -> 986.35; 13.94 x 23.5 = 327.59 +
    //   189.00 = 516.59; the lesser: 516.59.
    const duty_expression<EUR> runtime = compound;
    const duty_expression<GBP> gbp = times_084470.convert(runtime);
    const auto base = duty_base(1'000.00_GBP).with(2'350 * tariff::kg);
    CHECK(gbp(base) == 516.59_GBP);
    // Divided by 1.18385225 (Python decimal): 45.10 / 1.18385225 = 38.095970168...
    // -> 38.10; 16.50 / 1.18385225 = 13.937550061... -> 13.94.
    CHECK(divided_118385225.convert(runtime) ==
          duty_expression<GBP>(at_most(9.10_pct + 38.10_GBP / tariff::hundred_kg,
                                       18.90_pct + 13.94_GBP / tariff::hundred_kg)));
    CHECK(divided_118385225.try_exact(runtime).code() == errc::inexact);
}

TEST_CASE("bad conversions are rejected") {
    CHECK(currency_conversion<EUR, GBP>::try_multiply_by(gbp_per_eur, 0.00_GBP,
                                                         tariff::rounding::half_even)
              .code() == errc::invalid_argument);
    CHECK(currency_conversion<EUR, GBP>::try_divide_by(eur_per_gbp, -0.01_GBP,
                                                       tariff::rounding::half_even)
              .code() == errc::invalid_argument);
    CHECK(currency_conversion<EUR, GBP>::try_multiply_by(gbp_per_eur, 0.01_GBP,
                                                         static_cast<rounding_mode>(42))
              .code() == errc::invalid_argument);
    CHECK(error_of([] {
              return currency_conversion<EUR, GBP>::multiply_by(gbp_per_eur, 0.00_GBP,
                                                                tariff::rounding::half_even);
          }) == errc::invalid_argument);
    // A default conversion converts nothing.
    constexpr currency_conversion<EUR, GBP> none{};
    CHECK(none.try_convert(1.00_EUR).code() == errc::invalid_argument);
    CHECK(none.try_exact(1.00_EUR).code() == errc::invalid_argument);
    CHECK(none.try_convert(eu_rate).code() == errc::invalid_argument);
    // Overflow: EUR 9 x 10^18 x 10 = GBP 9 x 10^19 does not fit money, exact or rounded.
    const auto huge = tariff::money<EUR>(decimal::from_parts(9'000'000'000'000'000'000, 0));
    const auto times_ten = currency_conversion<EUR, GBP>::multiply_by(
        exchange_rate<EUR, GBP>(decimal(10)), 0.01_GBP, tariff::rounding::half_even);
    CHECK(times_ten.try_convert(huge).code() == errc::overflow);
    CHECK(times_ten.try_exact(huge).code() == errc::overflow);
}

TEST_CASE("a granularity other than the minor unit") {
    // EUR 12,000.00 / 1.1757 = 10,206.6853789... (Python decimal); to GBP 0.05 half
    // even: 10,206.6853789 / 0.05 = 204,133.7076 -> 204,134 x 0.05 = 10,206.70.
    constexpr exchange_rate<GBP, EUR> monthly{decimal::from_parts(11'757, 4)};
    const auto nickel =
        currency_conversion<EUR, GBP>::divide_by(monthly, 0.05_GBP, tariff::rounding::half_even);
    CHECK(nickel.convert(12'000.00_EUR) == 10'206.70_GBP);
    // To whole pounds, toward zero: 10,206.00.
    const auto pounds =
        currency_conversion<EUR, GBP>::divide_by(monthly, 1.00_GBP, tariff::rounding::toward_zero);
    CHECK(pounds.convert(12'000.00_EUR) == 10'206.00_GBP);
    // Multiplying by 0.84470 to GBP 0.05: 12,000 x 0.8447 = 10,136.40 exactly, a
    // multiple of 0.05 already.
    const auto times_nickel = currency_conversion<EUR, GBP>::multiply_by(
        gbp_per_eur, 0.05_GBP, tariff::rounding::half_even);
    CHECK(times_nickel.convert(12'000.00_EUR) == 10'136.40_GBP);
}

TEST_CASE("an entry invoiced in EUR, assessed on a GBP path: the conversion recorded") {
    // HMRC December 2010: 1 GBP = 1.1757 EUR. The invoice: EUR 12,000.00 for 2,350 kg.
    //   value: 12,000.00 / 1.1757 = 10,206.685378... (Python decimal) -> 10,206.69
    //     (half even, to the penny)
    //   duty: the EU rate converted exactly, GBP 7.940180 / 100 kg x 23.5 = 186.594230
    //     -> 186.59
    //   VAT 20 % x (10,206.69 + 186.59 = 10,393.28) = 2,078.656 -> 2,078.66
    //   total 186.59 + 2,078.66 = 2,265.25
    constexpr exchange_rate<GBP, EUR> monthly{decimal::from_parts(11'757, 4)};
    const auto invoice =
        currency_conversion<EUR, GBP>::divide_by(monthly, 0.01_GBP, tariff::rounding::half_even);
    static const auto path =
        duty_path<GBP>("GB")
            .with_duty("Duty", "EU rate x 0.84470", times_084470.exact(eu_rate))
            .with_tax({"VAT", "VATA 1994 s.21(2)", 20_pct});
    const auto entry = duty_base(12'000.00_EUR).with(2'350 * tariff::kg);
    const auto a = tariff::assess(path, entry, invoice, half_even<GBP>);
    CHECK(a.declared_value == 12'000.00_EUR);
    CHECK(a.converted_value == 10'206.69_GBP);
    CHECK(a.conversion.rate() == decimal::from_parts(11'757, 4));
    CHECK(a.conversion.direction() == conversion_direction::divide);
    CHECK(a.conversion.mode() == rounding_mode::half_even);
    CHECK(a.conversion.granularity() == 0.01_GBP);
    CHECK(a.conversion == invoice);
    CHECK(a.assessed.value() == 10'206.69_GBP);
    REQUIRE(a.assessed.size() == 2);
    CHECK(a.assessed[0].rounded == 186.59_GBP);
    CHECK(a.assessed[1].base == 10'393.28_GBP);
    CHECK(a.assessed[1].rounded == 2'078.66_GBP);
    CHECK(a.assessed.total() == 2'265.25_GBP);
    CHECK(a.assessed.base().has(tariff::mass::bit));

    // Printed (io.hpp): the conversion, then the assessment.
    CHECK(tariff::to_string(invoice) == "EUR -> GBP: divided by 1.1757, half_even to GBP 0.01");
    const std::string text = tariff::to_string(a);
    CHECK(text.rfind("Declared value: EUR 12,000.00 = GBP 10,206.69 (EUR -> GBP: divided by "
                     "1.1757, half_even to GBP 0.01)\nAssessment: GB\n",
                     0) == 0);
    CHECK(text.find("total GBP 2,265.25") != std::string::npos);

    // The non-throwing form gives the same, and the errors of assess: a missing mass.
    const auto r = tariff::try_assess(path, entry, invoice, half_even<GBP>);
    REQUIRE(r.ok());
    CHECK(r->assessed.total() == 2'265.25_GBP);
    const auto no_mass =
        tariff::try_assess(path, duty_base(12'000.00_EUR), invoice, half_even<GBP>);
    CHECK(no_mass.code() == errc::missing_quantity);
    CHECK(error_of([&] {
              return tariff::assess(path, duty_base(12'000.00_EUR), invoice, half_even<GBP>);
          }) == errc::missing_quantity);
    // A default conversion: errc::invalid_argument, nothing assessed.
    CHECK(tariff::try_assess(path, entry, currency_conversion<EUR, GBP>{}, half_even<GBP>).code() ==
          errc::invalid_argument);
}

} // namespace
