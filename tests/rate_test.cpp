// tariff::ad_valorem and tariff::specific_rate: the two kinds of rate.
//
// Every expected figure is computed by hand in the comment next to it; none
// was obtained by running the code under test.
#include <functional>
#include <sstream>
#include <string>
#include <type_traits>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::ad_valorem;
using tariff::CAD, tariff::EUR, tariff::USD;
using tariff::errc;
using tariff::money;
using tariff::specific_rate;
using tariff::wide_money;
using tariff_test::error_of;
namespace u = tariff::units;

// --- the headline, verbatim --------------------------------------------------
// value for duty CAD 40,000.00
//   MFN 6.1 %:                       40,000.00 * 0.061 = 2,440.00
//   surtax 100 % (SOR/2024-187 s.3): 40,000.00 * 1     = 40,000.00; sum 42,440.00
//   CAD 5.33 per kg on 1,000 kg:     5.33 * 1,000 = 5,330.00; 1 t = 1,000 kg, the same
constexpr auto value = 40'000.00_CAD;
constexpr auto mfn = 6.1_pct;
constexpr auto surtax = 100_pct;
static_assert(mfn(value) == 2'440.00_CAD);
static_assert(mfn(value) + surtax(value) == 42'440.00_CAD);
constexpr auto floor_rate = 5.33_CAD / tariff::kg;
static_assert(floor_rate(1'000 * tariff::kg) == 5'330.00_CAD);
static_assert(floor_rate(1 * tariff::tonne) == 5'330.00_CAD);

// and per dozen, at compile time too: 7 eggs at CAD 1.20 a dozen = 1.20 * 7 / 12 = 0.70
static_assert((1.20_CAD / tariff::dozen)(7 * tariff::each) == 0.70_CAD);

// --- ad valorem ------------------------------------------------------------------------------

TEST_CASE("a percentage literal is exact: 6.1, 245.5, 0.001 and 1000 %", "[rate][ad_valorem]") {
    // 6.1 % = 6.1 / 100 = 0.061
    CHECK((6.1_pct).percent() == 6.1_dec);
    CHECK((6.1_pct).fraction() == 0.061_dec);
    // 245.5 % = 2.455
    CHECK((245.5_pct).percent() == 245.5_dec);
    CHECK((245.5_pct).fraction() == 2.455_dec);
    // 0.001 % = 0.00001
    CHECK((0.001_pct).percent() == 0.001_dec);
    CHECK((0.001_pct).fraction() == 0.00001_dec);
    // 1000 % = 10
    CHECK((1000_pct).percent() == 1'000);
    CHECK((1000_pct).fraction() == 10);
    // 100 % = 1; "Free" (the default) = 0
    CHECK((100_pct).fraction() == 1);
    CHECK(ad_valorem{}.fraction() == 0);
}

TEST_CASE("from_percent and from_fraction make the same rate as the literal",
          "[rate][ad_valorem]") {
    CHECK(ad_valorem::from_percent(6.1_dec) == 6.1_pct);
    // 0.061 = 6.1 %
    CHECK(ad_valorem::from_fraction(0.061_dec) == 6.1_pct);
    // 6.10 % is 6.1 %: rates compare by value
    CHECK(6.10_pct == 6.1_pct);
    CHECK(6.1_pct < 100_pct);
    CHECK(0.001_pct > ad_valorem{});
}

TEST_CASE("an ad valorem rate applied to money gives the exact unrounded product",
          "[rate][ad_valorem]") {
    // 0.01 * 0.061 = 0.00061, not rounded to 0.00
    CHECK(6.1_pct(0.01_CAD) == 0.00061_CAD);
    CHECK(6.1_pct(0.01_CAD) != 0.00_CAD);
    // 40,000.00 * 0.061 = 2,440.00
    CHECK(6.1_pct(40'000.00_CAD) == 2'440.00_CAD);
    // 1,000.00 * 2.455 = 2,455.00
    CHECK(245.5_pct(1'000.00_USD) == 2'455.00_USD);
    // 1,000,000.00 * 0.00001 = 10.00
    CHECK(0.001_pct(1'000'000.00_USD) == 10.00_USD);
    // 1.00 * 10 = 10.00
    CHECK(1000_pct(1.00_EUR) == 10.00_EUR);
    // 123.45 * 0.061 = 7.53045 (123.45 * 0.06 = 7.407; 123.45 * 0.001 = 0.12345)
    CHECK(6.1_pct(123.45_CAD) == 7.53045_CAD);
    // Free: 0
    CHECK(ad_valorem{}(40'000.00_CAD) == 0.00_CAD);
    // on wide money the duty is wide money: 40,000.00 * 0.061 = 2,440.00
    const wide_money<CAD> wide = 40'000.00_CAD;
    STATIC_REQUIRE(std::is_same_v<decltype(6.1_pct(wide)), wide_money<CAD>>);
    CHECK(6.1_pct(wide) == 2'440.00_CAD);
}

TEST_CASE("a negative rate raises errc::negative_quantity", "[rate][error]") {
    CHECK(error_of([] { return ad_valorem::from_percent(-6.1_dec); }) == errc::negative_quantity);
    CHECK(error_of([] { return ad_valorem::from_fraction(-0.001_dec); }) ==
          errc::negative_quantity);
    CHECK_THROWS_AS(ad_valorem::from_percent(-1), tariff::domain_error);
    CHECK(error_of([] { return (-5.33_CAD) / tariff::kg; }) == errc::negative_quantity);
    CHECK(error_of([] { return specific_rate<CAD, u::kilogram>(-0.01_CAD); }) ==
          errc::negative_quantity);
    // zero is not negative
    CHECK(ad_valorem::from_percent(0).fraction() == 0);
    CHECK((0.00_CAD / tariff::kg)(1 * tariff::tonne) == 0.00_CAD);
}

TEST_CASE("ad valorem rates add: 6.1 % + 100 % = 106.1 %", "[rate][ad_valorem]") {
    const auto sum = 6.1_pct + 100_pct;
    CHECK(sum == 106.1_pct);
    // 0.061 + 1 = 1.061
    CHECK(sum.fraction() == 1.061_dec);
    CHECK(sum.percent() == 106.1_dec);
    // 40,000.00 * 1.061 = 42,440.00, the same as the two duties added
    CHECK(sum(40'000.00_CAD) == 42'440.00_CAD);
    CHECK(sum(40'000.00_CAD) == 6.1_pct(40'000.00_CAD) + 100_pct(40'000.00_CAD));
}

// --- specific rates --------------------------------------------------------------------------

TEST_CASE("CAD 5.33 per kg applies to a mass in any unit", "[rate][specific]") {
    const auto rate = 5.33_CAD / tariff::kg;
    STATIC_REQUIRE(
        std::is_same_v<std::remove_const_t<decltype(rate)>, specific_rate<CAD, u::kilogram>>);
    CHECK(rate.per_unit() == 5.33_CAD);
    // 5.33 * 1,000 = 5,330.00
    CHECK(rate(1'000 * tariff::kg) == 5'330.00_CAD);
    // 1 t = 1,000 kg: 5,330.00
    CHECK(rate(1 * tariff::tonne) == 5'330.00_CAD);
    // 16.32 t = 16,320 kg; 5.33 * 16,320 = 81,600 + 5,385.60 = 86,985.60
    CHECK(rate(16.32_tonne) == 86'985.60_CAD);
    // 250 g = 0.25 kg; 5.33 * 0.25 = 1.3325
    CHECK(rate(250 * tariff::g) == 1.3325_CAD);
}

TEST_CASE("EUR 45.10 per 100 kg applies per hundred kilograms", "[rate][specific]") {
    const auto rate = 45.10_EUR / tariff::hundred_kg;
    // 1,000 kg = 10 x 100 kg; 45.10 * 10 = 451.00
    CHECK(rate(1'000 * tariff::kg) == 451.00_EUR);
    // 1 t is the same 1,000 kg
    CHECK(rate(1 * tariff::tonne) == 451.00_EUR);
    // 250 kg = 2.5 x 100 kg; 45.10 * 2.5 = 112.75
    CHECK(rate(250 * tariff::kg) == 112.75_EUR);
}

TEST_CASE("52.8 US cents per kg on 1,234.5 kg is exactly USD 651.816", "[rate][specific]") {
    const auto rate = 0.528_USD / tariff::kg;
    // 0.528 * 1,234.5 = 617.25 (0.5 * 1,234.5) + 34.566 (0.028 * 1,234.5) = 651.816
    const auto duty = rate(1'234.5_kg);
    CHECK(duty == 651.816_USD);
    // unrounded until asked: 651.816 -> 651.82 (the 6 is past the half)
    CHECK(round(duty, tariff::rounding::half_even) == 651.82_USD);
    // per tonne on kilograms: USD 12.00 / t on 1,234.5 kg = 12 * 1.2345 = 14.814
    CHECK((12.00_USD / tariff::tonne)(1'234.5_kg) == 14.814_USD);
}

TEST_CASE("a rate per dozen on a count in each: exact when the duty is", "[rate][specific]") {
    const auto rate = 1.20_CAD / tariff::dozen;
    // 7 each = 7/12 dozen (no finite decimal), but 1.20 * 7 / 12 = 8.40 / 12 = 0.70
    CHECK(rate(7 * tariff::each) == 0.70_CAD);
    // 1 each: 1.20 / 12 = 0.10
    CHECK(rate(1 * tariff::each) == 0.10_CAD);
    // 30 each = 2.5 dozen: 1.20 * 2.5 = 3.00
    CHECK(rate(30 * tariff::each) == 3.00_CAD);
    // 2 dozen: 2.40
    CHECK(rate(2 * tariff::dozen) == 2.40_CAD);
    // 3 pairs = 6 each = 0.5 dozen: 0.60
    CHECK(rate(3 * tariff::pair) == 0.60_CAD);
}

TEST_CASE("a specific duty that is not a finite decimal raises errc::inexact", "[rate][specific]") {
    const auto rate = 1.00_CAD / tariff::dozen;
    // 1.00 * 1 / 12 = 0.08333...
    CHECK(error_of([&] { return rate(1 * tariff::each); }) == errc::inexact);
    // 1.00 * 10 / 12 = 0.8333...
    CHECK(error_of([&] { return rate(10 * tariff::each); }) == errc::inexact);
    // 1.00 * 7 / 12 = 0.58333...
    CHECK(error_of([&] { return rate(7 * tariff::each); }) == errc::inexact);
    CHECK_THROWS_AS(rate(1 * tariff::each), tariff::domain_error);
    // 1.00 * 6 / 12 = 0.50 is fine
    CHECK(rate(6 * tariff::each) == 0.50_CAD);
}

TEST_CASE("a rate per litre of pure alcohol applies to proof litres", "[rate][specific]") {
    const auto rate = 13.50_USD / tariff::lpa;
    // 10 proof litres = 5 lpa; 13.50 * 5 = 67.50
    CHECK(rate(10 * tariff::proof_litre) == 67.50_USD);
    // 0.75 lpa: 13.50 * 0.75 = 10.125
    CHECK(rate(0.75_lpa) == 10.125_USD);
}

// --- text output ---------------------------------------------------------------------------

TEST_CASE("rates print as a percentage or as an amount per unit", "[rate][io]") {
    CHECK(tariff::to_string(6.1_pct) == "6.1 %");
    CHECK(tariff::to_string(245.5_pct) == "245.5 %");
    CHECK(tariff::to_string(0.001_pct) == "0.001 %");
    CHECK(tariff::to_string(1000_pct) == "1000 %");
    CHECK(tariff::to_string(6.1_pct + 100_pct) == "106.1 %");
    CHECK(tariff::to_string(ad_valorem{}) == "0 %");
    CHECK(tariff::to_string(5.33_CAD / tariff::kg) == "CAD 5.33 / kg");
    CHECK(tariff::to_string(45.10_EUR / tariff::hundred_kg) == "EUR 45.10 / 100 kg");
    CHECK(tariff::to_string(0.528_USD / tariff::kg) == "USD 0.528 / kg");
    CHECK(tariff::to_string(1.20_CAD / tariff::dozen) == "CAD 1.20 / dozen");
    std::ostringstream os;
    os << 6.1_pct << '|' << 5.33_CAD / tariff::kg;
    CHECK(os.str() == "6.1 %|CAD 5.33 / kg");
}

} // namespace

// A misapplied rate is a named mistake, never callable, so the traits answer
// false (tests/compile_fail/batch/rates.cpp and the documented cases check the
// first error line). Each false has its positive control above it.
namespace misapplied_rates {
using tariff::ad_valorem, tariff::specific_rate, tariff::money, tariff::quantity;
using tariff::exchange_rate, tariff::CAD, tariff::USD, tariff::EUR;
namespace u = tariff::units;
using per_kg = specific_rate<CAD, u::kilogram>;

static_assert(std::is_invocable_r_v<money<CAD>, ad_valorem, money<CAD>>);
static_assert(!std::is_invocable_v<ad_valorem, quantity<u::kilogram>>);
static_assert(!std::is_invocable_v<const ad_valorem&, quantity<u::each>>);

static_assert(std::is_invocable_v<per_kg, quantity<u::kilogram>>);
static_assert(std::is_invocable_v<per_kg, quantity<u::tonne>>); // same dimension
static_assert(!std::is_invocable_v<per_kg, quantity<u::each>>);
static_assert(!std::is_invocable_v<per_kg, quantity<u::litre>>);
static_assert(!std::is_invocable_v<per_kg, money<CAD>>);
static_assert(!std::is_invocable_v<per_kg, money<USD>>);

static_assert(std::is_invocable_v<std::plus<>, money<CAD>, money<CAD>>);
static_assert(std::is_invocable_v<std::plus<>, ad_valorem, ad_valorem>);
static_assert(!std::is_invocable_v<std::plus<>, ad_valorem, money<CAD>>);
static_assert(!std::is_invocable_v<std::plus<>, money<CAD>, ad_valorem>);
static_assert(!std::is_invocable_v<std::plus<>, per_kg, money<CAD>>);
static_assert(!std::is_invocable_v<std::plus<>, money<EUR>, per_kg>);

template <class M>
concept converts_with = requires(exchange_rate<USD, CAD> r, M m) {
    r.exact(m);
    r.convert(m, tariff::rounding::half_even);
};
static_assert(converts_with<money<USD>> && !converts_with<money<CAD>> &&
              !converts_with<money<EUR>>);
} // namespace misapplied_rates
