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
