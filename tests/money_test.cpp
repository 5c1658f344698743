// tariff::money: exact amounts in one currency.
//
// Every expected figure is computed by hand in the comment next to it; none
// was obtained by running the code under test.
#include <array>
#include <concepts>
#include <functional>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

// A currency the library does not provide: one line, plus one for its literal.
struct THB : tariff::currency<"THB", 2> {};
TARIFF_DEFINE_MONEY_LITERAL(THB)

namespace {

using namespace tariff::literals;
using tariff::AUD, tariff::CAD, tariff::CHF, tariff::CNY, tariff::EUR, tariff::GBP, tariff::IDR,
    tariff::INR, tariff::JPY, tariff::KRW, tariff::KWD, tariff::MXN, tariff::USD;
using tariff::decimal;
using tariff::errc;
using tariff::money;
using tariff::wide_decimal;
using tariff::wide_money;
using tariff_test::error_of;
namespace rounding = tariff::rounding;

// The largest money<CAD>: coefficient 2^63 - 1 = 9,223,372,036,854,775,807 at
// 2 places, i.e. CAD 92,233,720,368,547,758.07.
constexpr money<CAD> max_cad{decimal::from_parts(9'223'372'036'854'775'807, 2)};

// --- the headline, checked by the compiler ----------------------------------
// Canada, an EV from China: value for duty CAD 40,000.00.
//   MFN 6.1 %:                         40,000.00 * 0.061 = 2,440.00
//   surtax 100 % (SOR/2024-187 s.3):   40,000.00 * 1     = 40,000.00
//   duties:                            2,440.00 + 40,000.00 = 42,440.00
//   GST 5 % of 42,440.00 (the project's worked case): 42,440.00 * 0.05 = 2,122.00
static_assert(6.1_pct(40'000.00_CAD) == 2'440.00_CAD);
constexpr auto headline_value = 40'000.00_CAD;
static_assert(6.1_pct(headline_value) + 100_pct(headline_value) == 42'440.00_CAD);
static_assert(5_pct(42'440.00_CAD) == 2'122.00_CAD);

// --- literals -------------------------------------------------------------------

TEST_CASE("money literals are exact decimals: 0.10_USD is ten cents", "[money][literal]") {
    // 0.10 = 10 * 10^-2: ten cents, not the binary double nearest 0.1.
    constexpr auto dime = 0.10_USD;
    STATIC_REQUIRE(dime.amount().coefficient() == 10);
    STATIC_REQUIRE(dime.amount().scale() == 2);
    CHECK(dime == money<USD>::from_minor_units(10));
    // 10 + 20 = 30 cents (in binary floating point 0.1 + 0.2 != 0.3).
    CHECK(0.10_USD + 0.20_USD == 0.30_USD);
    // 3 * 10 cents = 30 cents.
    CHECK(0.10_USD * 3 == 0.30_USD);
}

TEST_CASE("money literals keep digits below the minor unit: 0.001_CAD is exact",
          "[money][literal]") {
    // 0.001 = 1 * 10^-3: a tenth of a cent, kept, not rounded to 0.00.
    constexpr auto mil = 0.001_CAD;
    STATIC_REQUIRE(mil.amount().coefficient() == 1);
    STATIC_REQUIRE(mil.amount().scale() == 3);
    CHECK(mil != 0.00_CAD);
    CHECK(mil > 0.00_CAD);
    // 1,000 * 0.001 = 1.000 = 1.00
    CHECK(mil * 1000 == 1.00_CAD);
}

TEST_CASE("money literals accept digit separators: 40'000.00_CAD", "[money][literal]") {
    // 40,000.00 = 4,000,000 cents
    CHECK(40'000.00_CAD == money<CAD>::from_minor_units(4'000'000));
    CHECK(40'000.00_CAD == 40000.00_CAD);
    // a whole-number literal is the same value: 40,000 == 40,000.00
    CHECK(40'000_CAD == 40'000.00_CAD);
}

// --- currencies -------------------------------------------------------------------

TEST_CASE("each provided currency has its ISO 4217 code and minor-unit digits",
          "[money][currency]") {
    // ISO 4217: 2 digits for AUD CAD CHF CNY EUR GBP IDR INR MXN USD, 0 for
    // JPY and KRW, 3 for KWD (1 dinar = 1,000 fils).
    STATIC_REQUIRE(AUD::code == "AUD");
    STATIC_REQUIRE(AUD::minor_digits == 2);
    STATIC_REQUIRE(CAD::code == "CAD");
    STATIC_REQUIRE(CAD::minor_digits == 2);
    STATIC_REQUIRE(CHF::code == "CHF");
    STATIC_REQUIRE(CHF::minor_digits == 2);
    STATIC_REQUIRE(CNY::code == "CNY");
    STATIC_REQUIRE(CNY::minor_digits == 2);
    STATIC_REQUIRE(EUR::code == "EUR");
    STATIC_REQUIRE(EUR::minor_digits == 2);
    STATIC_REQUIRE(GBP::code == "GBP");
    STATIC_REQUIRE(GBP::minor_digits == 2);
    STATIC_REQUIRE(IDR::code == "IDR");
    STATIC_REQUIRE(IDR::minor_digits == 2);
    STATIC_REQUIRE(INR::code == "INR");
    STATIC_REQUIRE(INR::minor_digits == 2);
    STATIC_REQUIRE(JPY::code == "JPY");
    STATIC_REQUIRE(JPY::minor_digits == 0);
    STATIC_REQUIRE(KRW::code == "KRW");
    STATIC_REQUIRE(KRW::minor_digits == 0);
    STATIC_REQUIRE(KWD::code == "KWD");
    STATIC_REQUIRE(KWD::minor_digits == 3);
    STATIC_REQUIRE(MXN::code == "MXN");
    STATIC_REQUIRE(MXN::minor_digits == 2);
    STATIC_REQUIRE(USD::code == "USD");
    STATIC_REQUIRE(USD::minor_digits == 2);
}

TEST_CASE("a currency the library lacks is declared in one line and gets a literal",
          "[money][currency]") {
    STATIC_REQUIRE(THB::code == "THB");
    STATIC_REQUIRE(THB::minor_digits == 2);
    STATIC_REQUIRE(std::is_same_v<decltype(12.50_THB), money<THB>>);
    // 12.50 + 0.50 = 13.00
    CHECK(12.50_THB + 0.50_THB == 13.00_THB);
    // 1,250 satang = THB 12.50
    CHECK(money<THB>::from_minor_units(1'250) == 12.50_THB);
    CHECK(tariff::to_string(1'234.5_THB) == "THB 1,234.50");
}

// --- addition, subtraction, comparison ---------------------------------------------

TEST_CASE("amounts in one currency add and subtract exactly, at any scale", "[money][arith]") {
    // 40,000.00 + 2,440.00 = 42,440.00
    CHECK(40'000.00_CAD + 2'440.00_CAD == 42'440.00_CAD);
    // 42,440.00 - 40,000.00 = 2,440.00
    CHECK(42'440.00_CAD - 40'000.00_CAD == 2'440.00_CAD);
    // 1.500 + 0.001 = 1.501 (the sum keeps the finer scale)
    CHECK(1.5_CAD + 0.001_CAD == 1.501_CAD);
    // 0.00 - 0.01 = -0.01: a difference may be negative (a refund)
    CHECK(0.00_CAD - 0.01_CAD == -0.01_CAD);
    // -(2,440.00) + 2,440.00 = 0
    CHECK(-2'440.00_CAD + 2'440.00_CAD == 0.00_CAD);
}

TEST_CASE("+= and -= update an amount in place", "[money][arith]") {
    auto m = 100.00_CAD;
    m += 0.01_CAD; // 100.00 + 0.01 = 100.01
    CHECK(m == 100.01_CAD);
    m -= 100.02_CAD; // 100.01 - 100.02 = -0.01
    CHECK(m == -0.01_CAD);
    m += 0.001_CAD; // -0.010 + 0.001 = -0.009
    CHECK(m == -0.009_CAD);
}

TEST_CASE("amounts compare by value, not by number of decimal places", "[money][compare]") {
    // 1.5 == 1.50 == 1.500
    CHECK(1.5_CAD == 1.50_CAD);
    CHECK(1.500_CAD == 1.5_CAD);
    CHECK_FALSE(1.5_CAD != 1.50_CAD);
    // 0.001 < 0.01 though 0.001 has more digits
    CHECK(0.001_CAD < 0.01_CAD);
    CHECK(0.01_CAD > 0.001_CAD);
    // -1.00 < 0.00 < 0.01
    CHECK(-1.00_CAD < 0.00_CAD);
    CHECK(0.00_CAD <= 0.00_CAD);
    CHECK(2'440.00_CAD >= 2'439.99_CAD);
    CHECK((1.00_CAD <=> 0.999_CAD) == std::strong_ordering::greater);
    // 2,440.00000 (6.1 % of 40,000.00, five places) == 2,440.00
    CHECK(40'000.00_CAD * 0.061_dec == 2'440.00_CAD);
}

// --- multiplication -----------------------------------------------------------------

TEST_CASE("money times an integer is exact", "[money][arith]") {
    // 5.33 * 1,000 = 5,330.00
    CHECK(5.33_CAD * 1'000 == 5'330.00_CAD);
    // 3 * 0.10 = 0.30
    CHECK(3 * 0.10_USD == 0.30_USD);
    // -2 * 1.25 = -2.50
    CHECK(-2 * 1.25_EUR == -2.50_EUR);
    // 0.001 * 7 = 0.007
    CHECK(0.001_CAD * 7 == 0.007_CAD);
}

TEST_CASE("money times a decimal is exact and unrounded", "[money][arith]") {
    // 40,000.00 * 0.061 = 2,440.00 (2 + 3 = 5 places: 244,000,000 * 10^-5)
    const auto duty = 40'000.00_CAD * 0.061_dec;
    CHECK(duty == 2'440.00_CAD);
    CHECK(duty.amount().coefficient() == 244'000'000);
    CHECK(duty.amount().scale() == 5);
    // 0.01 * 0.061 = 0.00061, not rounded to 0.00
    CHECK(0.01_CAD * 0.061_dec == 0.00061_CAD);
    // 1.5 * 2.00 = 3.00 (decimal on the left)
    CHECK(1.5_dec * 2.00_CAD == 3.00_CAD);
    // times a wide decimal gives wide money: 2 * 1.00 = 2.00
    STATIC_REQUIRE(std::is_same_v<decltype(1.00_CAD * 2_wdec), wide_money<CAD>>);
    CHECK(1.00_CAD * 2_wdec == 2.00_CAD);
}

// --- widening and narrowing ------------------------------------------------------

TEST_CASE("money widens to wide_money implicitly; narrowing is explicit", "[money][wide]") {
    STATIC_REQUIRE(std::is_convertible_v<money<CAD>, wide_money<CAD>>);
    STATIC_REQUIRE(!std::is_convertible_v<wide_money<CAD>, money<CAD>>);
    STATIC_REQUIRE(std::is_constructible_v<money<CAD>, wide_money<CAD>>);

    const wide_money<CAD> w = 40'000.00_CAD;
    CHECK(w == 40'000.00_CAD);
    // narrow + wide is wide: 40,000.00 + 0.01 = 40,000.01
    STATIC_REQUIRE(std::is_same_v<decltype(w + 0.01_CAD), wide_money<CAD>>);
    CHECK(w + 0.01_CAD == 40'000.01_CAD);
    // round trip: 1,234.56 fits 64 bits
    CHECK(money<CAD>(wide_money<CAD>(1'234.56_wdec)) == 1'234.56_CAD);
}

TEST_CASE("wide_money holds amounts beyond money's range", "[money][wide]") {
    // IDR 3,500,000,000,000,000.000001: coefficient 3.5 * 10^21 > 2^63 - 1 (about 9.2 * 10^18)
    const wide_money<IDR> big(3'500'000'000'000'000.000001_wdec);
    // twice: 7,000,000,000,000,000.000002
    CHECK(big + big == wide_money<IDR>(7'000'000'000'000'000.000002_wdec));
    CHECK(error_of([&] { return money<IDR>(big); }) == errc::overflow);
}

TEST_CASE("narrowing wide_money raises errc::overflow only when the value does not fit",
          "[money][wide]") {
    // CAD 10^19 = 10,000,000,000,000,000,000 > 2^63 - 1 even with no decimal places
    const wide_money<CAD> too_big(10'000'000'000'000'000'000_wdec);
    CHECK(error_of([&] { return money<CAD>(too_big); }) == errc::overflow);
    CHECK_THROWS_AS(money<CAD>(too_big), tariff::overflow_error);
    // CAD 10^17 written with 2 places has coefficient 10^19, but the value
    // 10^17 = 100,000,000,000,000,000 fits 64 bits at 0 places.
    const wide_money<CAD> fits(100'000'000'000'000'000.00_wdec);
    CHECK(money<CAD>(fits) == 100'000'000'000'000'000_CAD);
    // 1.5 written with 30 places (more than money's 18) is still 1.5
    const wide_money<CAD> long_form(1.500000000000000000000000000000_wdec);
    CHECK(money<CAD>(long_form) == 1.50_CAD);
}

// --- minor units ---------------------------------------------------------------------

TEST_CASE("from_minor_units counts in the currency's minor unit", "[money][minor]") {
    // 12,345 cents = CAD 123.45
    CHECK(money<CAD>::from_minor_units(12'345) == 123.45_CAD);
    // yen have no minor unit: 12,345 = JPY 12,345
    CHECK(money<JPY>::from_minor_units(12'345) == 12'345_JPY);
    // 1,500 fils = KWD 1.500
    CHECK(money<KWD>::from_minor_units(1'500) == 1.5_KWD);
    // -1 cent = -0.01
    CHECK(money<USD>::from_minor_units(-1) == -0.01_USD);
}

TEST_CASE("minor_units is the whole number of minor units", "[money][minor]") {
    // CAD 123.45 = 12,345 cents
    CHECK((123.45_CAD).minor_units() == 12'345);
    // 6.1 % of 40,000.00 = 2,440.00000 (5 places) = 244,000 cents
    CHECK(6.1_pct(40'000.00_CAD).minor_units() == 244'000);
    // CAD 5 (no places) = 500 cents
    CHECK((5_CAD).minor_units() == 500);
    // KWD 1.5 = 1,500 fils
    CHECK((1.5_KWD).minor_units() == 1'500);
    // JPY 1,000 = 1,000 yen
    CHECK((1'000_JPY).minor_units() == 1'000);
    // -0.01 = -1 cent
    CHECK((-0.01_CAD).minor_units() == -1);
}

TEST_CASE("minor_units raises errc::inexact when digits below the minor unit remain",
          "[money][minor]") {
    // 0.001 CAD is a tenth of a cent
    CHECK(error_of([] { return (0.001_CAD).minor_units(); }) == errc::inexact);
    // 2,440.005 has half a cent
    CHECK(error_of([] { return (2'440.005_CAD).minor_units(); }) == errc::inexact);
    // -0.001 likewise
    CHECK(error_of([] { return (-0.001_CAD).minor_units(); }) == errc::inexact);
    // 0.5 yen
    CHECK(error_of([] { return (0.5_JPY).minor_units(); }) == errc::inexact);
    // rounded first, it is fine: 2,440.005 half_even -> 2,440.00 (tie, 0 even) = 244,000 cents
    CHECK(round(2'440.005_CAD, rounding::half_even).minor_units() == 244'000);
}

TEST_CASE("minor_units raises errc::overflow when the count of minor units does not fit",
          "[money][minor]") {
    // CAD 10^17 fits at 0 places, but 10^17 * 100 = 10^19 cents > 2^63 - 1
    const auto big = 100'000'000'000'000'000_CAD;
    CHECK(error_of([&] { return big.minor_units(); }) == errc::overflow);
}

// --- rounding ----------------------------------------------------------------------------

TEST_CASE("round() to the minor unit applies the given mode", "[money][round]") {
    // 2.345 lies halfway between 2.34 and 2.35
    CHECK(round(2.345_CAD, rounding::half_even) == 2.34_CAD);   // 234 is even
    CHECK(round(2.345_CAD, rounding::half_up) == 2.35_CAD);     // tie away from zero
    CHECK(round(2.345_CAD, rounding::half_down) == 2.34_CAD);   // tie toward zero
    CHECK(round(2.345_CAD, rounding::toward_zero) == 2.34_CAD); // drop the 5
    CHECK(round(2.345_CAD, rounding::away_from_zero) == 2.35_CAD);
    CHECK(round(2.345_CAD, rounding::floor) == 2.34_CAD);
    CHECK(round(2.345_CAD, rounding::ceiling) == 2.35_CAD);
    // -2.345: the same ties, mirrored; floor and ceiling are not symmetric
    CHECK(round(-2.345_CAD, rounding::half_even) == -2.34_CAD);
    CHECK(round(-2.345_CAD, rounding::half_up) == -2.35_CAD);
    CHECK(round(-2.345_CAD, rounding::half_down) == -2.34_CAD);
    CHECK(round(-2.345_CAD, rounding::toward_zero) == -2.34_CAD);
    CHECK(round(-2.345_CAD, rounding::away_from_zero) == -2.35_CAD);
    CHECK(round(-2.345_CAD, rounding::floor) == -2.35_CAD);
    CHECK(round(-2.345_CAD, rounding::ceiling) == -2.34_CAD);
    // 2.355: tie between 2.35 and 2.36; 236 is even
    CHECK(round(2.355_CAD, rounding::half_even) == 2.36_CAD);
    // 2.346 is past the half: every half-mode goes up
    CHECK(round(2.346_CAD, rounding::half_down) == 2.35_CAD);
    // 2.341: toward_zero 2.34, away_from_zero 2.35
    CHECK(round(2.341_CAD, rounding::away_from_zero) == 2.35_CAD);
    // a runtime mode works as the tag does
    const tariff::rounding_mode mode = tariff::rounding_mode::half_up;
    CHECK(round(2.345_CAD, mode) == 2.35_CAD);
}

TEST_CASE("round() uses each currency's own minor unit", "[money][round]") {
    // JPY has none: 1,234.5 -> 1,234 (half_even, 1234 even) or 1,235 (half_up)
    CHECK(round(1'234.5_JPY, rounding::half_even) == 1'234_JPY);
    CHECK(round(1'234.5_JPY, rounding::half_up) == 1'235_JPY);
    // KWD has three: 1.2345 -> 1.234 (half_even, 1234 even) or 1.235 (half_up)
    CHECK(round(1.2345_KWD, rounding::half_even) == 1.234_KWD);
    CHECK(round(1.2345_KWD, rounding::half_up) == 1.235_KWD);
    // an amount already at the minor unit is unchanged
    CHECK(round(2.34_CAD, rounding::half_up) == 2.34_CAD);
    CHECK(round(5_CAD, rounding::half_up) == 5_CAD);
    // 6.1 % of 0.01 = 0.00061 -> 0.00 (half_even)
    CHECK(round(6.1_pct(0.01_CAD), rounding::half_even) == 0.00_CAD);
}

TEST_CASE("round() to a granularity: whole US dollars (19 CFR 159.3), CHF 0.05", "[money][round]") {
    // USD 1,234.50 is 1,234.5 dollars: a tie
    CHECK(round(1'234.50_USD, 1.00_USD, rounding::half_up) == 1'235.00_USD);
    CHECK(round(1'234.50_USD, 1.00_USD, rounding::half_even) == 1'234.00_USD); // 1234 even
    // 1,235.50: tie, 1236 even
    CHECK(round(1'235.50_USD, 1.00_USD, rounding::half_even) == 1'236.00_USD);
    // 1,234.49 is below the half
    CHECK(round(1'234.49_USD, 1.00_USD, rounding::half_up) == 1'234.00_USD);
    // CHF in 5-rappen steps: 1.02 = 20.4 steps -> 20 -> 1.00; 1.03 = 20.6 -> 21 -> 1.05
    CHECK(round(1.02_CHF, 0.05_CHF, rounding::half_even) == 1.00_CHF);
    CHECK(round(1.03_CHF, 0.05_CHF, rounding::half_even) == 1.05_CHF);
    // 1.025 = 20.5 steps: half_up 21 -> 1.05; half_even 20 -> 1.00
    CHECK(round(1.025_CHF, 0.05_CHF, rounding::half_up) == 1.05_CHF);
    CHECK(round(1.025_CHF, 0.05_CHF, rounding::half_even) == 1.00_CHF);
    // 1.075 = 21.5 steps: half_even 22 -> 1.10
    CHECK(round(1.075_CHF, 0.05_CHF, rounding::half_even) == 1.10_CHF);
    // -1.03 = -20.6 steps: floor -21 -> -1.05; ceiling -20 -> -1.00
    CHECK(round(-1.03_CHF, 0.05_CHF, rounding::floor) == -1.05_CHF);
    CHECK(round(-1.03_CHF, 0.05_CHF, rounding::ceiling) == -1.00_CHF);
}

TEST_CASE("round() to a zero or negative granularity raises", "[money][round]") {
    CHECK(error_of([] { return round(1.00_USD, 0.00_USD, rounding::half_up); }) ==
          errc::division_by_zero);
    CHECK(error_of([] { return round(1.00_USD, -1.00_USD, rounding::half_up); }) ==
          errc::invalid_argument);
}

// --- division ----------------------------------------------------------------------------

TEST_CASE("divide() rounds the quotient to the minor unit by the given mode", "[money][divide]") {
    // 100.00 / 3 = 33.333... -> 33.33
    CHECK(divide(100.00_CAD, 3, rounding::half_even) == 33.33_CAD);
    // 200.00 / 3 = 66.666... -> 66.67
    CHECK(divide(200.00_CAD, 3, rounding::half_even) == 66.67_CAD);
    // 0.05 / 2 = 0.025, a tie: half_even 0.02 (2 even), half_up 0.03
    CHECK(divide(0.05_CAD, 2, rounding::half_even) == 0.02_CAD);
    CHECK(divide(0.05_CAD, 2, rounding::half_up) == 0.03_CAD);
    // -100.00 / 3 = -33.333...: floor -33.34, ceiling -33.33
    CHECK(divide(-100.00_CAD, 3, rounding::floor) == -33.34_CAD);
    CHECK(divide(-100.00_CAD, 3, rounding::ceiling) == -33.33_CAD);
    // JPY 1,000 / 3 = 333.33... -> 333 yen
    CHECK(divide(1'000_JPY, 3, rounding::half_even) == 333_JPY);
    // KWD 10.000 / 3 = 3.3333... -> 3.333 dinars
    CHECK(divide(10.000_KWD, 3, rounding::half_even) == 3.333_KWD);
    // by a decimal: 10.00 / 2.5 = 4.00
    CHECK(divide(10.00_CAD, 2.5_dec, rounding::half_even) == 4.00_CAD);
}

TEST_CASE("divide() by zero raises errc::division_by_zero", "[money][divide]") {
    CHECK(error_of([] { return divide(1.00_CAD, 0, rounding::half_even); }) ==
          errc::division_by_zero);
    CHECK_THROWS_AS(divide(1.00_CAD, 0.00_dec, rounding::half_even), tariff::domain_error);
    CHECK_THROWS_AS(divide(1.00_CAD, 0, rounding::half_even), std::domain_error);
}

// --- errors --------------------------------------------------------------------------------

TEST_CASE("try_ forms return the error as a value and do not throw", "[money][try]") {
    constexpr auto cent = 0.01_CAD;
    constexpr auto zero = 0_dec;
    STATIC_REQUIRE(noexcept(tariff::try_add(max_cad, cent)));
    STATIC_REQUIRE(noexcept(tariff::try_subtract(max_cad, cent)));
    STATIC_REQUIRE(noexcept(tariff::try_multiply(max_cad, zero)));
    STATIC_REQUIRE(noexcept(tariff::try_round(max_cad, rounding::half_even)));
    STATIC_REQUIRE(noexcept(tariff::try_divide(max_cad, zero, rounding::half_even)));

    // 92,233,720,368,547,758.07 + 0.01 is past 2^63 - 1 cents
    CHECK_NOTHROW(tariff::try_add(max_cad, 0.01_CAD));
    CHECK(tariff::try_add(max_cad, 0.01_CAD).error() == errc::overflow);
    CHECK_FALSE(tariff::try_add(max_cad, 0.01_CAD).ok());
    // -92,233,720,368,547,758.07 - 0.01 likewise
    CHECK(tariff::try_subtract(-max_cad, 0.01_CAD).error() == errc::overflow);
    // twice the maximum
    CHECK(tariff::try_multiply(max_cad, 2_dec).error() == errc::overflow);
    CHECK(tariff::try_divide(1.00_CAD, 0_dec, rounding::half_even).error() ==
          errc::division_by_zero);

    // and the values when all is well: 1.00 + 2.00 = 3.00; 3.00 - 2.00 = 1.00;
    // 40,000.00 * 0.061 = 2,440.00; 2.345 half_up = 2.35; 100.00 / 3 = 33.33
    CHECK(tariff::try_add(1.00_CAD, 2.00_CAD).value() == 3.00_CAD);
    CHECK(tariff::try_subtract(3.00_CAD, 2.00_CAD).value() == 1.00_CAD);
    CHECK(tariff::try_multiply(40'000.00_CAD, 0.061_dec).value() == 2'440.00_CAD);
    CHECK(tariff::try_round(2.345_CAD, rounding::half_up).value() == 2.35_CAD);
    CHECK(tariff::try_divide(100.00_CAD, 3_dec, rounding::half_even).value() == 33.33_CAD);
}

TEST_CASE("runtime overflow throws tariff::overflow_error, a std::overflow_error",
          "[money][error]") {
    STATIC_REQUIRE(std::is_base_of_v<std::overflow_error, tariff::overflow_error>);
    // 9 * 10^16 * 1,000 = 9 * 10^19 > 2^63 - 1 (about 9.22 * 10^18)
    auto big = 90'000'000'000'000'000_CAD;
    CHECK_THROWS_AS(big * 1'000, tariff::overflow_error);
    CHECK_THROWS_AS(big * 1'000, std::overflow_error);
    // the largest amount plus one cent
    auto m = max_cad;
    CHECK_THROWS_AS(m + 0.01_CAD, tariff::overflow_error);
    CHECK_THROWS_AS(m += 0.01_CAD, tariff::overflow_error);
    CHECK(m == max_cad); // a failed += leaves the amount as it was
    CHECK(error_of([&] { return big * 1'000; }) == errc::overflow);
}

// --- parsing ---------------------------------------------------------------------------

TEST_CASE("parse() reads plain decimal text exactly", "[money][parse]") {
    const auto a = money<CAD>::try_parse("40000.00");
    REQUIRE(a.ok());
    CHECK(a.value() == 40'000.00_CAD);
    const auto b = money<CAD>::try_parse("40'000.00");
    REQUIRE(b);
    CHECK(b.value() == 40'000.00_CAD);
    const auto c = money<CAD>::try_parse("-0.001");
    REQUIRE(c);
    CHECK(c.value() == -0.001_CAD);
    const auto d = money<JPY>::try_parse("+1000");
    REQUIRE(d);
    CHECK(d.value() == 1'000_JPY);
}

TEST_CASE("parse() errors carry the code and the position of the offending character",
          "[money][parse]") {
    // "12.3.4": the second point is at offset 4
    const auto second_point = money<CAD>::try_parse("12.3.4");
    CHECK_FALSE(second_point.ok());
    CHECK(second_point.error().code == errc::invalid_text);
    CHECK(second_point.error().position == 4);
    // "1,000.00": thousands commas are not accepted; the comma is at offset 1
    const auto comma = money<CAD>::try_parse("1,000.00");
    CHECK(comma.error().code == errc::invalid_text);
    CHECK(comma.error().position == 1);
    // "1e5": no exponents; the 'e' is at offset 1
    const auto exponent = money<CAD>::try_parse("1e5");
    CHECK(exponent.error().code == errc::invalid_text);
    CHECK(exponent.error().position == 1);
    // "CAD 5": text before the number, offset 0
    const auto code = money<CAD>::try_parse("CAD 5");
    CHECK(code.error().code == errc::invalid_text);
    CHECK(code.error().position == 0);
    // "12.": a digit must follow the point; the text ends at offset 3
    const auto trailing_point = money<CAD>::try_parse("12.");
    CHECK(trailing_point.error().code == errc::invalid_text);
    CHECK(trailing_point.error().position == 3);
    // "": no digits at offset 0
    const auto empty = money<CAD>::try_parse("");
    CHECK(empty.error().code == errc::invalid_text);
    CHECK(empty.error().position == 0);
    // 19 nines: 999,999,999,999,999,999 (18 nines) fits, * 10 + 9 does not
    // (> 2^63 - 1 = 9,223,372,036,854,775,807); the 19th nine is at offset 18
    const auto too_large = money<CAD>::try_parse("9999999999999999999");
    CHECK(too_large.error().code == errc::overflow);
    CHECK(too_large.error().position == 18);
    // "0." then 19 places: the 19th place (offset 2 + 18 = 20) is one too many
    const auto too_many_places = money<CAD>::try_parse("0.0000000000000000001");
    CHECK(too_many_places.error().code == errc::overflow);
    CHECK(too_many_places.error().position == 20);
}

// --- text output -------------------------------------------------------------------------------

TEST_CASE("to_string shows the code, groups thousands and shows at least the minor digits",
          "[money][io]") {
    // 40,000.00 + 2,440.00
    CHECK(tariff::to_string(42'440.00_CAD) == "CAD 42,440.00");
    // 2,440.00000 prints its minor digits only: the extra places are zeros
    CHECK(tariff::to_string(6.1_pct(40'000.00_CAD)) == "CAD 2,440.00");
    // digits below the minor unit that are not zero are shown
    CHECK(tariff::to_string(0.001_CAD) == "CAD 0.001");
    CHECK(tariff::to_string(6.1_pct(0.01_CAD)) == "CAD 0.00061");
    CHECK(tariff::to_string(1'000_JPY) == "JPY 1,000");
    CHECK(tariff::to_string(999_JPY) == "JPY 999");
    CHECK(tariff::to_string(-1'234'567.50_USD) == "USD -1,234,567.50");
    CHECK(tariff::to_string(-0.50_USD) == "USD -0.50");
    CHECK(tariff::to_string(1.5_KWD) == "KWD 1.500");
    // a whole amount written without places still shows the minor digits
    CHECK(tariff::to_string(100_CAD) == "CAD 100.00");
    CHECK(tariff::to_string(money<CAD>{}) == "CAD 0.00");
}

TEST_CASE("operator<< prints what to_string returns", "[money][io]") {
    std::ostringstream os;
    os << 42'440.00_CAD << '|' << 0.001_CAD << '|' << 1'000_JPY << '|' << -1'234'567.50_USD << '|'
       << 1.5_KWD;
    CHECK(os.str() == "CAD 42,440.00|CAD 0.001|JPY 1,000|USD -1,234,567.50|KWD 1.500");
}

// --- traits and concepts see the misuses as the compiler does (issue 9 §4) ---------------------
// The library's misuse overloads are never callable (deleted or unavailable),
// so every trait and concept below answers what a generic caller must be told.
// The compile-fail suite (tests/compile_fail/batch/) checks each misuse's message.

template <class A, class B>
concept addable = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept subtractable = requires(A a, B b) {
    a - b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
    a* b;
};
template <class A, class B>
concept divisible = requires(A a, B b) {
    a / b;
};

// A generic function constrained on "converts to CAD" (the example):
// it must not accept USD.
template <class M>
requires std::convertible_to<M, money<CAD>>
constexpr money<CAD> as_cad(M m) {
    return m;
}
template <class M>
concept accepted_as_cad = requires(M m) {
    as_cad(m);
};

// Conversions: currency, binary floating point, characters, bool.
static_assert(!std::is_convertible_v<money<USD>, money<CAD>>);
static_assert(!std::is_constructible_v<money<CAD>, money<USD>>);
static_assert(!std::convertible_to<money<USD>, money<CAD>>);
static_assert(!std::is_convertible_v<wide_money<USD>, money<CAD>>);
static_assert(!std::is_constructible_v<wide_money<CAD>, money<USD>>);
static_assert(!std::is_constructible_v<money<CAD>, double>);
static_assert(!std::is_constructible_v<money<CAD>, float>);
static_assert(!std::is_convertible_v<double, money<CAD>>);
static_assert(!std::is_constructible_v<money<CAD>, char>);
static_assert(!std::is_constructible_v<money<CAD>, bool>);
static_assert(!std::is_constructible_v<decimal, double>);
static_assert(!std::is_convertible_v<double, decimal>);
static_assert(!std::is_constructible_v<decimal, char>);
static_assert(!std::is_constructible_v<decimal, char8_t>);
static_assert(!std::is_constructible_v<decimal, bool>);
static_assert(accepted_as_cad<money<CAD>>);
static_assert(!accepted_as_cad<money<USD>>);
// what does convert
static_assert(std::is_constructible_v<money<CAD>, decimal>);
static_assert(std::is_constructible_v<money<CAD>, int>); // through decimal: CAD 5 is exact
static_assert(std::is_convertible_v<int, decimal>);
static_assert(std::is_convertible_v<std::int8_t, decimal>); // signed char is an integer
static_assert(std::is_convertible_v<money<CAD>, wide_money<CAD>>);

// Operators across currencies and with bare numbers.
static_assert(addable<money<CAD>, money<CAD>> && !addable<money<CAD>, money<USD>>);
static_assert(subtractable<money<CAD>, money<CAD>> && !subtractable<money<CAD>, money<USD>>);
static_assert(std::equality_comparable<money<CAD>> && std::totally_ordered<money<CAD>>);
static_assert(!std::equality_comparable_with<money<CAD>, money<USD>>);
static_assert(!std::totally_ordered_with<money<CAD>, money<USD>>);
static_assert(!std::equality_comparable_with<money<CAD>, int>);
static_assert(!std::totally_ordered_with<money<CAD>, decimal>);
static_assert(!std::equality_comparable_with<money<CAD>, tariff::ad_valorem>);
static_assert(!addable<money<CAD>, int> && !addable<int, money<CAD>>);
static_assert(!addable<money<CAD>, decimal> && !subtractable<money<CAD>, double>);
static_assert(multipliable<money<CAD>, int> && multipliable<long long, money<CAD>>);
static_assert(multipliable<money<CAD>, decimal> && multipliable<decimal, money<CAD>>);
static_assert(!multipliable<money<CAD>, money<CAD>> && !multipliable<money<CAD>, money<USD>>);
static_assert(!multipliable<money<CAD>, double> && !multipliable<float, money<CAD>>);
static_assert(!multipliable<money<CAD>, char> && !multipliable<char, money<CAD>>);
static_assert(!multipliable<money<CAD>, bool> && !multipliable<money<CAD>, char32_t>);
static_assert(!divisible<money<CAD>, int> && !divisible<money<CAD>, money<CAD>>);
static_assert(!divisible<money<CAD>, decimal>);
static_assert(!multipliable<money<CAD>, tariff::quantity<tariff::units::kilogram>>);
static_assert(!multipliable<money<CAD>, tariff::units::kilogram>);

// Standard function objects (what std::accumulate and std::sort call).
static_assert(std::is_invocable_v<std::plus<>, money<CAD>, money<CAD>>);
static_assert(!std::is_invocable_v<std::plus<>, money<CAD>, money<USD>>);
static_assert(!std::is_invocable_v<std::minus<>, money<CAD>, money<USD>>);
static_assert(!std::is_invocable_v<std::less<>, money<CAD>, money<USD>>);
static_assert(!std::is_invocable_v<std::equal_to<>, money<CAD>, money<USD>>);
static_assert(!std::is_invocable_v<std::multiplies<>, money<CAD>, money<CAD>>);
static_assert(!std::is_invocable_v<std::plus<money<CAD>>, money<USD>, money<CAD>>);
static_assert(std::strict_weak_order<std::less<>, money<CAD>, money<CAD>>);
static_assert(!std::strict_weak_order<std::less<>, money<CAD>, money<USD>>);

// Integer parameters take integers only.
template <class T>
concept minor_units_from = requires(T t) {
    money<CAD>::from_minor_units(t);
};
template <class T>
concept parts_from = requires(T t) {
    decimal::from_parts(t, 2);
};
template <class T>
concept scale_from = requires(T t) {
    decimal::from_parts(5, t);
};
template <class T>
concept divided_by = requires(T t) {
    divide(1.00_CAD, t, rounding::half_even);
};
template <class T>
concept rounded_with = requires(T t) {
    round(1.00_CAD, t);
};
static_assert(minor_units_from<int> && minor_units_from<std::int64_t> &&
              minor_units_from<unsigned>);
static_assert(!minor_units_from<double> && !minor_units_from<char> && !minor_units_from<bool>);
static_assert(!minor_units_from<tariff::int128_t>);
static_assert(parts_from<int> && parts_from<std::int64_t>);
static_assert(!parts_from<double> && !parts_from<float> && !parts_from<char> && !parts_from<bool>);
static_assert(!parts_from<tariff::int128_t>);
static_assert(scale_from<int> && !scale_from<double> && !scale_from<bool> && !scale_from<char>);
static_assert(divided_by<int> && divided_by<decimal>);
static_assert(!divided_by<double> && !divided_by<char> && !divided_by<bool>);
static_assert(rounded_with<tariff::rounding_mode> && rounded_with<decltype(rounding::half_up)>);
static_assert(!rounded_with<int> && !rounded_with<bool> && !rounded_with<money<CAD>>);

// Only declared currencies are currencies.
struct look_alike_currency {
    [[maybe_unused]] static constexpr std::string_view code = "THB";
    [[maybe_unused]] static constexpr int minor_digits = 2;
};
static_assert(tariff::currency_tag<THB> && tariff::currency_tag<CAD>);
static_assert(!tariff::currency_tag<look_alike_currency>);
static_assert(!tariff::currency_tag<int>);

TEST_CASE("the traits above hold; a generic sum over amounts in one currency still works",
          "[money][traits]") {
    // 1.00 + 2.00 + 3.00 = 6.00, through std::accumulate and std::plus<>.
    const std::array<money<CAD>, 3> amounts{1.00_CAD, 2.00_CAD, 3.00_CAD};
    CHECK(std::accumulate(amounts.begin(), amounts.end(), money<CAD>{}) == 6.00_CAD);
    CHECK(std::accumulate(amounts.begin(), amounts.end(), 0.00_CAD, std::plus<>{}) == 6.00_CAD);
    CHECK(as_cad(2.00_CAD) == 2.00_CAD);
}

// --- "$" and "\u00a2" in duty texts belong to dollar schedules (issue 9 §4) --------------------

TEST_CASE("parse_duty accepts $, \u00a2 and c only where the schedule's currency is a dollar with "
          "cents",
          "[money][parse]") {
    // Dollar schedules: as before.
    CHECK(tariff::try_parse_duty<USD>("$1.89/kg + 4.7%").ok());
    CHECK(tariff::try_parse_duty<USD>("52.8\xC2\xA2/kg + 8.5%").ok());
    CHECK(tariff::try_parse_duty<CAD>("259 % but not less than 78.9 c/kg").ok());
    CHECK(tariff::try_parse_duty<AUD>("$2/each").ok());
    // Other schedules: the sign's byte offset, counted by hand, and the reason.
    const auto euro = tariff::try_parse_duty<EUR>("$1.89/kg + 4.7%");
    CHECK(euro.error().code == errc::invalid_text);
    CHECK(euro.error().position == 0); // "$" is byte 0
    CHECK(std::string(euro.error().reason).find("dollars and cents") != std::string::npos);
    const auto yen = tariff::try_parse_duty<JPY>("52.8\xC2\xA2/kg");
    CHECK(yen.error().code == errc::invalid_text);
    CHECK(yen.error().position == 4); // "52.8" is bytes 0-3, the cent sign starts at 4
    const auto yen_letter = tariff::try_parse_duty<JPY>("52.8 c/kg");
    CHECK(yen_letter.error().code == errc::invalid_text);
    CHECK(yen_letter.error().position == 5); // "52.8 " is bytes 0-4
    const auto franc = tariff::try_parse_duty<CHF>("6.1 % MIN $5.33/kg");
    CHECK(franc.error().code == errc::invalid_text);
    CHECK(franc.error().position == 10); // "6.1 % MIN " is bytes 0-9
    // KWD ends in D but is a dinar of 1,000 fils; GBP has pence, not cents.
    CHECK(tariff::try_parse_duty<KWD>("$1.250/kg").error().position == 0);
    CHECK(tariff::try_parse_duty<GBP>("68\xC2\xA2/head").error().code == errc::invalid_text);
    CHECK(tariff::try_parse_duty<THB>("$1/kg").error().code == errc::invalid_text);
    // The code written out is fine in every schedule.
    CHECK(tariff::try_parse_duty<EUR>("1.89 EUR/kg + 4.7%").ok());
    CHECK(tariff::try_parse_duty<JPY>("52.8 JPY/kg").ok());
}

TEST_CASE("an unsigned 64-bit count is checked, never wrapped to a negative amount",
          "[money][traits]") {
    // 2^64 - 1 converted to int64 would be -1; the largest coefficient is 2^63 - 1.
    CHECK(error_of([] { (void)money<CAD>::from_minor_units(18'446'744'073'709'551'615ull); }) ==
          errc::overflow);
    CHECK(error_of([] { (void)decimal::from_parts(9'223'372'036'854'775'808ull, 2); }) ==
          errc::overflow);
    CHECK(decimal::try_from_parts(9'223'372'036'854'775'808ull, 0).error() == errc::overflow);
    // 2^63 - 1 fits: CAD 92,233,720,368,547,758.07 (the largest money<CAD>, above).
    CHECK(money<CAD>::from_minor_units(9'223'372'036'854'775'807ull) == max_cad);
    // 12345u minor units of CAD is CAD 123.45.
    CHECK(money<CAD>::from_minor_units(12'345ull) == 123.45_CAD);
}

} // namespace
