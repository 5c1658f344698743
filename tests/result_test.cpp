// tariff::result<T>: the one error carrier. Access (value(), *, ->), its safety
// on temporaries, and composition (transform, and_then). Expected figures by
// hand in the comments.
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff::literals;
using tariff::CAD;
using tariff::errc;
using tariff::money;
using tariff::result;
using tariff_test::error_of;

namespace {
constexpr result<money<CAD>> good = 2'440.00_CAD;
constexpr result<money<CAD>> bad = errc::overflow;

struct line {
    money<CAD> amount;
    int index = 0;
};
} // namespace

TEST_CASE("result: value(), * and -> give the value, and raise the error when there is none",
          "[result]") {
    STATIC_REQUIRE(good.value() == 2'440.00_CAD);
    STATIC_REQUIRE(*good == 2'440.00_CAD);
    STATIC_REQUIRE(good->minor_units() == 244'000);
    CHECK(error_of([] { return bad.value(); }) == errc::overflow);
    CHECK(error_of([] { return *bad; }) == errc::overflow);
    CHECK(error_of([] { return bad->minor_units(); }) == errc::overflow);
    CHECK_THROWS_AS(*bad, tariff::overflow_error);
    const result<line> l = line{1.00_CAD, 3};
    CHECK(l->index == 3);
    CHECK(l->amount == 1.00_CAD);
}

TEST_CASE("result: value() of a temporary is returned by value, never a dangling reference",
          "[result]") {
    STATIC_REQUIRE(std::is_same_v<decltype(std::declval<result<line>>().value()), line>);
    STATIC_REQUIRE(std::is_same_v<decltype(*std::declval<result<line>>()), line>);
    STATIC_REQUIRE(
        std::is_same_v<decltype(std::declval<const result<line>&>().value()), const line&>);
    const auto make = [] { return result<line>(line{5.00_CAD, 7}); };
    const auto& kept = make().value(); // lifetime extended: a value, not a reference
    CHECK(kept.index == 7);
}

TEST_CASE("result: transform maps the value and keeps the error", "[result]") {
    // 2,440.00 in cents is 244,000.
    constexpr auto cents = good.transform([](money<CAD> m) { return m.minor_units(); });
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(cents)>, result<std::int64_t>>);
    STATIC_REQUIRE(*cents == 244'000);
    int calls = 0;
    const auto none = bad.transform([&](money<CAD> m) {
        ++calls;
        return m.minor_units();
    });
    CHECK(none.error() == errc::overflow);
    CHECK(calls == 0); // f is not called on an error
}

TEST_CASE("result: and_then chains checked operations; the first error wins", "[result]") {
    // 2,440.00 + 2,122.00 = 4,562.00 (the EV's MFN and GST, by hand).
    constexpr auto total =
        good.and_then([](money<CAD> m) { return tariff::try_add(m, 2'122.00_CAD); });
    STATIC_REQUIRE(*total == 4'562.00_CAD);
    // An overflow in the second step: (2^63 - 1 cents) + 0.01 does not fit.
    const auto big = money<CAD>::from_minor_units(9'223'372'036'854'775'807);
    const auto over =
        result<money<CAD>>(big).and_then([](money<CAD> m) { return tariff::try_add(m, 0.01_CAD); });
    CHECK(over.error() == errc::overflow);
    // An error before it: the second step never runs.
    int calls = 0;
    const auto first = result<money<CAD>>(errc::invalid_argument).and_then([&](money<CAD> m) {
        ++calls;
        return tariff::try_add(m, 0.01_CAD);
    });
    CHECK(first.error() == errc::invalid_argument);
    CHECK(calls == 0);
}

// ---------------------------------------------------------------------------
// Parse errors travel in the same carrier: parse_result<T> is
// result<T, parse_error>, and every try_parse has a throwing twin.

TEST_CASE("parse_result is result<T, parse_error>: position, reason and code", "[result][parse]") {
    STATIC_REQUIRE(std::is_same_v<tariff::parse_result<tariff::decimal>,
                                  result<tariff::decimal, tariff::parse_error>>);
    // "12.3.4": the second '.' is byte 4 (0-based).
    const auto r = tariff::try_parse_decimal("12.3.4");
    REQUIRE_FALSE(r);
    CHECK(r.code() == errc::invalid_text);
    CHECK(r.error().code == errc::invalid_text);
    CHECK(r.error().position == 4);
    CHECK(std::string(r.error().reason) == "a second decimal point");
    // The value of a good parse through *, -> and value().
    constexpr auto ok = tariff::try_parse_decimal("40'000.50");
    STATIC_REQUIRE(ok.ok());
    STATIC_REQUIRE(*ok == 40000.5_dec);
    STATIC_REQUIRE(ok->scale() == 2); // 4000050e-2: the written places are kept
    // transform keeps the parse_error type and its position.
    const auto doubled = r.transform([](tariff::decimal d) { return d * 2; });
    STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(doubled)>,
                                  result<tariff::decimal, tariff::parse_error>>);
    CHECK(doubled.error().position == 4);
    // A bare code in a parse_result: position 0, the code's sentence as reason.
    const tariff::parse_result<tariff::decimal> bare = errc::overflow;
    CHECK(bare.error().position == 0);
    CHECK(std::string(bare.error().reason) == tariff::to_string(errc::overflow));
}

TEST_CASE("every try_parse has a throwing twin that raises the reason", "[result][parse]") {
    // The good texts: the same value by either form (hand-written expectations).
    CHECK(tariff::parse_decimal("6.1") == 6.1_dec);
    CHECK(tariff::parse_wide_decimal("1.5") == 1.5_wdec);
    CHECK(money<CAD>::parse("39999.50") == 39'999.50_CAD);
    CHECK(tariff::quantity<tariff::units::kilogram>::parse("16.32") == 16.32_kg);
    CHECK(tariff::date::parse("2026-03-01") == tariff::date(2026, 3, 1));
    CHECK(tariff::hs_code::parse("8703.80") == tariff::hs_code("870380"));
    CHECK(tariff::parse_duty<CAD>("6.1 %") == tariff::duty_expression<CAD>(6.1_pct));
    // The bad ones: domain_error carrying errc::invalid_text, what() the reason.
    const auto reason_of = [](auto&& f) -> std::string {
        try {
            f();
        } catch (const tariff::domain_error& e) {
            CHECK(e.code() == errc::invalid_text);
            return e.what();
        }
        return "(nothing thrown)";
    };
    CHECK(reason_of([] { (void)tariff::parse_decimal("1e5"); }) ==
          "exponent and hexadecimal notation are not accepted");
    CHECK(reason_of([] { (void)money<CAD>::parse("12.3.4"); }) == "a second decimal point");
    CHECK(reason_of([] { (void)tariff::date::parse("2026-13-01"); }) == "no such month");
    CHECK(reason_of([] { (void)tariff::hs_code::parse("8703.8"); }) ==
          "an HS code has 6 to 10 digits");
    CHECK(reason_of([] { (void)tariff::parse_duty<CAD>(""); }) ==
          tariff::try_parse_duty<CAD>("").error().reason);
    // A number too large is overflow, raised as overflow_error.
    CHECK_THROWS_AS(tariff::parse_decimal("99999999999999999999"), tariff::overflow_error);
    // The try_ forms never throw: noexcept, and an error is returned.
    STATIC_REQUIRE(noexcept(tariff::try_parse_decimal("x")));
    STATIC_REQUIRE(noexcept(money<CAD>::try_parse("x")));
    STATIC_REQUIRE(noexcept(tariff::try_parse_duty<CAD>("x")));
    STATIC_REQUIRE(noexcept(tariff::date::try_parse("x")));
    STATIC_REQUIRE(noexcept(tariff::hs_code::try_parse("x")));
    STATIC_REQUIRE_FALSE(noexcept(tariff::parse_decimal("x")));
}

// ---------------------------------------------------------------------------
// Each throwing arithmetic operation has a try_ twin: the same value where the
// operation succeeds, the error (never an exception) where it raises.

TEST_CASE("decimal: try_add, try_subtract, try_multiply, try_round, try_round_to_multiple, "
          "try_divide",
          "[result][decimal]") {
    using tariff::decimal;
    const decimal big = decimal::from_parts(INT64_MAX, 0);
    // Good inputs (by hand): 1.25 + 2.5 = 3.75; 1.25 - 2.5 = -1.25; 1.25 * 2.5 = 3.125.
    STATIC_REQUIRE(*tariff::try_add(1.25_dec, 2.5_dec) == 3.75_dec);
    STATIC_REQUIRE(*tariff::try_subtract(1.25_dec, 2.5_dec) == -1.25_dec);
    STATIC_REQUIRE(*tariff::try_multiply(1.25_dec, 2.5_dec) == 3.125_dec);
    // 2.345 to 2 places half even is 2.34 (the 5 ties to the even 4).
    STATIC_REQUIRE(*tariff::try_round(2.345_dec, 2, tariff::rounding::half_even) == 2.34_dec);
    // 1.23 to a multiple of 0.05, half up: 1.23 / 0.05 = 24.6 -> 25 -> 1.25.
    STATIC_REQUIRE(*tariff::try_round_to_multiple(1.23_dec, 0.05_dec, tariff::rounding::half_up) ==
                   1.25_dec);
    // 10 / 3 to 2 places toward zero is 3.33.
    STATIC_REQUIRE(*tariff::try_divide(decimal(10), decimal(3), 2, tariff::rounding::toward_zero) ==
                   3.33_dec);
    // The same operations where the throwing forms raise.
    CHECK_THROWS_AS(big + decimal(1), tariff::overflow_error);
    CHECK(tariff::try_add(big, decimal(1)).error() == errc::overflow);
    CHECK_THROWS_AS(-big - decimal(2), tariff::overflow_error);
    CHECK(tariff::try_subtract(-big, decimal(2)).error() == errc::overflow);
    CHECK_THROWS_AS(big * decimal(2), tariff::overflow_error);
    CHECK(tariff::try_multiply(big, decimal(2)).error() == errc::overflow);
    CHECK_THROWS(round(1.5_dec, -1, tariff::rounding::half_up));
    CHECK(tariff::try_round(1.5_dec, -1, tariff::rounding::half_up).error() ==
          errc::invalid_argument);
    CHECK_THROWS(round_to_multiple(1.5_dec, decimal(0), tariff::rounding::half_up));
    CHECK(tariff::try_round_to_multiple(1.5_dec, decimal(0), tariff::rounding::half_up).error() ==
          errc::division_by_zero);
    CHECK_THROWS(divide(decimal(1), decimal(0), 2, tariff::rounding::half_up));
    CHECK(tariff::try_divide(decimal(1), decimal(0), 2, tariff::rounding::half_up).error() ==
          errc::division_by_zero);
    STATIC_REQUIRE(noexcept(tariff::try_add(big, big)));
    STATIC_REQUIRE(noexcept(tariff::try_divide(big, big, 2, tariff::rounding::half_up)));
}

TEST_CASE("money: try_from_minor_units, try_minor_units, try_round to a granularity",
          "[result][money]") {
    // 12345 minor units of CAD is CAD 123.45.
    STATIC_REQUIRE(*money<CAD>::try_from_minor_units(12345) == 123.45_CAD);
    STATIC_REQUIRE(*(123.45_CAD).try_minor_units() == 12345);
    // CAD 0.005 has a digit below the cent: inexact, as minor_units() raises.
    CHECK_THROWS_AS((0.005_CAD).minor_units(), tariff::domain_error);
    CHECK((0.005_CAD).try_minor_units().error() == errc::inexact);
    // The largest amount in whole dollars has too many cents for 64 bits.
    const auto huge = money<CAD>(tariff::decimal::from_parts(INT64_MAX / 10, 0));
    CHECK_THROWS_AS(huge.minor_units(), tariff::overflow_error);
    CHECK(huge.try_minor_units().error() == errc::overflow);
    // CAD 1.23 to a multiple of CAD 0.05, half up: 24.6 steps -> 25 -> CAD 1.25.
    STATIC_REQUIRE(*tariff::try_round(1.23_CAD, 0.05_CAD, tariff::rounding::half_up) == 1.25_CAD);
    CHECK_THROWS(round(1.23_CAD, 0.00_CAD, tariff::rounding::half_up));
    CHECK(tariff::try_round(1.23_CAD, 0.00_CAD, tariff::rounding::half_up).error() ==
          errc::division_by_zero);
    constexpr money<CAD> one = 1.00_CAD;
    STATIC_REQUIRE(noexcept(one.try_minor_units()));
}

TEST_CASE("quantity: try_make, try_in, try_add, try_subtract", "[result][quantity]") {
    using tariff::quantity;
    namespace units = tariff::units;
    // 1.5 t + 250 kg = 1,750 kg (the finer unit).
    STATIC_REQUIRE(*tariff::try_add(1.5_tonne, 250_kg) == 1'750_kg);
    // 1 t - 250 kg = 750 kg.
    STATIC_REQUIRE(*tariff::try_subtract(1_tonne, 250_kg) == 750_kg);
    // 250 kg - 1 t is negative: the operator raises, the try_ form returns it.
    CHECK_THROWS_AS(250_kg - 1_tonne, tariff::domain_error);
    CHECK(tariff::try_subtract(250_kg, 1_tonne).error() == errc::negative_quantity);
    // 2,500 kg in tonnes is 2.5 t.
    STATIC_REQUIRE(*(2'500_kg).try_in(units::tonne{}) == 2.5_tonne);
    // 7 each in dozens is 7/12: no finite decimal.
    CHECK_THROWS_AS(tariff::quantity<units::each>(7).in(units::dozen{}), tariff::domain_error);
    CHECK(tariff::quantity<units::each>(7).try_in(units::dozen{}).error() == errc::inexact);
    CHECK_THROWS_AS(quantity<units::kilogram>(-1), tariff::domain_error);
    CHECK(quantity<units::kilogram>::try_make(-1).error() == errc::negative_quantity);
    STATIC_REQUIRE(*quantity<units::kilogram>::try_make(16.32_dec) == 16.32_kg);
}

TEST_CASE("duty_base::quantity_in and duty_path::explain: throwing twins of the try_ forms",
          "[result][expression]") {
    // 16.32 t declared is 16,320 kg (1 t = 1,000 kg).
    const auto base = tariff::duty_base(1'000.00_CAD).with(16.32_tonne);
    CHECK(base.quantity_in(tariff::unit_info_of<tariff::units::kilogram>) == 16'320_dec);
    CHECK(*base.try_quantity_in(tariff::unit_info_of<tariff::units::kilogram>) == 16'320_dec);
    // No count was declared: missing_quantity, raised or returned.
    CHECK_THROWS_AS(base.quantity_in(tariff::unit_info_of<tariff::units::each>),
                    tariff::domain_error);
    CHECK(base.try_quantity_in(tariff::unit_info_of<tariff::units::each>).error() ==
          errc::missing_quantity);
    // A path of one per-kg duty: CAD 0.05/kg on 16,320 kg is CAD 816.00.
    const auto path =
        tariff::duty_path<CAD>("specific").with_duty("per kg", "", 0.05_CAD / tariff::kg);
    CHECK(path.explain(0, base).amount == 816.00_CAD);
    CHECK(path.try_explain(0, base)->amount == 816.00_CAD);
    // On a base without a mass: raised as domain_error, returned by try_explain.
    const tariff::duty_base<CAD> no_mass(tariff::duty_base(1'000.00_CAD));
    CHECK_THROWS_AS(path.explain(0, no_mass), tariff::domain_error);
    CHECK(path.try_explain(0, no_mass).error() == errc::missing_quantity);
}
