// Named value bases and fractional percents (issue 11 items 2 and 5).
//
// Every expected figure is computed by hand in the comment beside it; the
// fractional-percent roundings were checked with Python's fractions module
// (Fraction(value) / 3, then rounded by the mode to the cent), never by
// running the code under test.
#include <string>
#include <string_view>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::duty_base;
using tariff::duty_expression;
using tariff::duty_path;
using tariff::errc;
using tariff::money;
using tariff::on;
using tariff::rounding_mode;
using tariff::rounding_policy;
using tariff::USD;

// HTS 9102.11.65-style watch line (column 2): "$2.25 each + 45% on the case +
// 80% on the strap, band or bracelet + 35% on the battery", typed.
constexpr auto watch = 2.25_USD / tariff::each + on<"case">(45_pct) +
                       on<"strap, band or bracelet">(80_pct) + on<"battery">(35_pct);
// 4 watches entered at USD 60.00; case 25.00, strap 10.00, battery 1.00:
// 2.25 x 4 = 9.00; 45 % x 25.00 = 11.25; 80 % x 10.00 = 8.00; 35 % x 1.00 = 0.35;
// 9.00 + 11.25 + 8.00 + 0.35 = 28.60.
constexpr auto four_watches = duty_base(60.00_USD)
                                  .with(4_each)
                                  .with_named_value("case", 25.00_USD)
                                  .with_named_value("strap, band or bracelet", 10.00_USD)
                                  .with_named_value("battery", 1.00_USD);
static_assert(watch(four_watches) == 28.60_USD);
// The names live in the unit table beside "each": one entry per rate.
static_assert(watch.unit_count() == 4);
static_assert(watch.base_name_of(watch.nodes()[1]) == "case"); // node 0: per each
static_assert(sizeof(tariff::duty_node) == 16);

// 33 1/3 %, exact: a third of USD 300.00 is USD 100.00.
constexpr auto third = tariff::duty<USD, "33 1/3%">;
static_assert(third(duty_base(300.00_USD)) == 100.00_USD);
static_assert(third.root().denominator() == 3);

rounding_policy<USD> to_cent(rounding_mode mode) {
    return rounding_policy<USD>{mode};
}

} // namespace

TEST_CASE("a term applies to the named value it names", "[value_bases]") {
    const duty_expression<USD> parsed = tariff::parse_duty<USD>(
        "$2.25 each + 45% on the case +80% on the strap, band or bracelet + 35% on the battery");
    CHECK(parsed == duty_expression<USD>(watch));
    CHECK(parsed(four_watches) == 28.60_USD);
    CHECK(parsed.unit_count() == 4); // each, case, strap, battery
    CHECK(parsed.unit(1).symbol == "case");
    CHECK(parsed.unit(1).dimension_bit == 0u); // a value base, not a unit
    CHECK(parsed.unit(3).symbol == "battery");
    CHECK(parsed.runtime_needs() == tariff::count::bit);
    // The entry's own value (60.00) plays no part: with a value of 1,000.00 the
    // duty is the same 28.60.
    CHECK(parsed(four_watches.with_value(1'000.00_USD)) == 28.60_USD);
    // A named value replaced: case 35.00: 45 % x 35.00 = 15.75; 9.00 + 15.75 +
    // 8.00 + 0.35 = 33.10.
    CHECK(parsed(four_watches.with_named_value("case", 35.00_USD)) == 33.10_USD);
    // A plain rate beside a named one: "45% + 35% on the battery" on value
    // 100.00, battery 2.00: 45.00 + 0.70 = 45.70.
    const auto mixed = tariff::parse_duty<USD>("45% + 35% on the battery");
    CHECK(mixed(duty_base(100.00_USD).with_named_value("battery", 2.00_USD)) == 45.70_USD);
}

TEST_CASE("a missing named value is an error with its reason", "[value_bases]") {
    const auto parsed = tariff::parse_duty<USD>("75¢ each + 45% on the case");
    const duty_base<USD> no_case = duty_base(10.00_USD).with(2_each);
    CHECK(parsed.try_explain(no_case).error() == errc::missing_value_base);
    CHECK(tariff_test::error_of([&] { return parsed(no_case); }) == errc::missing_value_base);
    CHECK(std::string_view(tariff::to_string(errc::missing_value_base))
              .starts_with("the duty names a value"));
    // ", if any": zero where the entry has none. Rifle 500.00, sight 200.00:
    // 3.1 % x 500.00 = 15.50; 13 % x 200.00 = 26.00; 41.50. Without a sight 15.50.
    const auto rifle = tariff::parse_duty<USD>(
        "3.1% on the value of the rifle + 13% on the value of the telescopic sight, if any");
    const auto entry = duty_base(700.00_USD).with_named_value("value of the rifle", 500.00_USD);
    CHECK(rifle(entry) == 15.50_USD);
    CHECK(rifle(entry.with_named_value("value of the telescopic sight", 200.00_USD)) == 41.50_USD);
    // The rifle itself is not optional.
    CHECK(rifle.try_explain(duty_base(700.00_USD)).error() == errc::missing_value_base);
}

TEST_CASE("named values on a base: errors change nothing", "[value_bases]") {
    const auto base = duty_base(10.00_USD).with_named_value("case", 4.00_USD);
    CHECK(base.try_with_named_value("battery", -0.01_USD).error() == errc::negative_quantity);
    CHECK(base.try_with_named_value("", 1.00_USD).error() == errc::invalid_argument);
    CHECK(base.named_value_count() == 1);
    const auto full = base.with_named_value("a", 1.00_USD)
                          .with_named_value("b", 2.00_USD)
                          .with_named_value("c", 3.00_USD);
    CHECK(full.named_value_count() == 4);
    CHECK(full.try_with_named_value("d", 1.00_USD).error() == errc::invalid_argument);
    CHECK(full.with_named_value("b", 5.00_USD).named_value("b") == 5.00_USD);
    CHECK(full.with_named_value("b", 5.00_USD).named_value_count() == 4);
    CHECK(full.try_named_value("d").error() == errc::missing_value_base);
    // Declaring a quantity keeps the named values.
    CHECK(full.with(3_each).named_value("c") == 3.00_USD);
}

TEST_CASE("the parser's value names", "[value_bases][parse]") {
    using E = duty_expression<USD>;
    // "on case", "on the case", "ON THE CASE", "of the case": one name.
    const auto a = tariff::parse_duty<USD>("4.4% on case and strap, band or bracelet");
    CHECK(a == tariff::parse_duty<USD>("4.4% on the case and strap, band or bracelet"));
    CHECK(a == tariff::parse_duty<USD>("4.4 % ON THE Case And Strap,  band or bracelet"));
    CHECK(a == E(on<"case and strap, band or bracelet">(4.4_pct)));
    CHECK(tariff::parse_duty<USD>("4.4 percent of the case") == E(on<"case">(4.4_pct)));
    // The longest name wins: "movement and case" is not "movement".
    CHECK(tariff::parse_duty<USD>("3.9% on the movement and case") ==
          E(on<"movement and case">(3.9_pct)));
    CHECK(
        !(tariff::parse_duty<USD>("3.9% on the movement") == E(on<"movement and case">(3.9_pct))));
    // Named and plain, fractional and decimal are different rates.
    CHECK(!(tariff::parse_duty<USD>("45% on the case") == tariff::parse_duty<USD>("45%")));
    CHECK(!(tariff::parse_duty<USD>("33 1/3%") == tariff::parse_duty<USD>("33.33%")));
    // An unknown name: the error is at the name ("45% on the " is 11 bytes).
    const auto dial = tariff::try_parse_duty<USD>("45% on the dial");
    CHECK(dial.error().code == errc::invalid_text);
    CHECK(dial.error().position == 11);
    STATIC_REQUIRE(tariff::find_value_base("Strap,  band or bracelet")->name() ==
                   "strap, band or bracelet");
    CHECK(tariff::find_value_base("dial") == nullptr);
    CHECK(tariff::find_value_base("case ") == nullptr);
}

TEST_CASE("canonical text of named bases and fractions parses back", "[value_bases][io]") {
    const auto text = [](std::string_view t) {
        return tariff::to_string(tariff::parse_duty<USD>(t));
    };
    CHECK(text("33 1/3%") == "33 1/3 %");
    CHECK(text("33 2/6 %") == "33 1/3 %"); // reduced
    CHECK(text("33 0/3 %") == "33 %");     // a whole percent
    CHECK(text("12 1/2 percent") == "12 1/2 %");
    CHECK(text("75¢ each + 45% on the case") == "USD 0.75 / each + 45 % on the case");
    CHECK(text("1.5 percent of the fair retail value") == "1.5 % on the fair retail value");
    CHECK(text("13% on the value of the telescopic sight, if any") ==
          "13 % on the value of the telescopic sight, if any");
    // A third of a percent, built with the API: 1/3 % is 0.01 / 3 as a fraction.
    const auto small = duty_expression<USD>::ad_valorem_on(0.01_dec, 3);
    CHECK(tariff::to_string(small) == "0 1/3 %");
    CHECK(tariff::parse_duty<USD>("0 1/3 %") == small);
    // to_chars and chars_needed agree.
    const auto e = tariff::parse_duty<USD>("33 1/3% + 5% on the battery");
    CHECK(tariff::chars_needed(e) == std::string("33 1/3 % + 5 % on the battery").size());
}

TEST_CASE("33 1/3 %: exact where it is, inexact where not, correctly rounded by an assessment",
          "[value_bases][assessment]") {
    const auto third_of = tariff::parse_duty<USD>("33 1/3%");
    // 300.00 / 3 = 100.00; 0.03 / 3 = 0.01.
    CHECK(third_of(duty_base(300.00_USD)) == 100.00_USD);
    CHECK(third_of(duty_base(0.03_USD)) == 0.01_USD);
    // 100.00 / 3 = 33.333...: no finite decimal.
    CHECK(third_of.try_explain(duty_base(100.00_USD)).error() == errc::inexact);

    const auto path = duty_path<USD>("column 2").with_duty("duty", "HTS col. 2", third_of);
    const auto assess = [&](money<USD> value, rounding_mode mode) {
        return tariff::assess(path, duty_base(value), to_cent(mode));
    };
    // Fraction(10000, 3) = 3333.33..: half_even 33.33, ceiling 33.34, floor 33.33.
    const auto a = assess(100.00_USD, rounding_mode::half_even);
    CHECK(a[0].rounded == 33.33_USD);
    CHECK(a[0].exact == 33.33_USD);
    CHECK(a[0].exact_is_rounded);
    CHECK(a.duties() == 33.33_USD);
    CHECK(assess(100.00_USD, rounding_mode::ceiling)[0].rounded == 33.34_USD);
    CHECK(assess(100.00_USD, rounding_mode::floor)[0].rounded == 33.33_USD);
    // 100.01 / 3 = 33.33666..: 33.34 (half_even), 33.33 (toward_zero).
    CHECK(assess(100.01_USD, rounding_mode::half_even)[0].rounded == 33.34_USD);
    CHECK(assess(100.01_USD, rounding_mode::toward_zero)[0].rounded == 33.33_USD);
    // No double rounding: 0.0149 / 3 = 0.0049666..; rounded once, half_up, to
    // the cent it is 0.00; rounded first to 4 places (0.0050) it would be 0.01.
    CHECK(assess(0.0149_USD, rounding_mode::half_up)[0].rounded == 0.00_USD);
    // 0.0151 / 3 = 0.0050333..: 0.01.
    CHECK(assess(0.0151_USD, rounding_mode::half_up)[0].rounded == 0.01_USD);
    // A finite duty stays exact: 300.00 / 3 = 100.00, not flagged.
    const auto exact = assess(300.00_USD, rounding_mode::half_even);
    CHECK(exact[0].rounded == 100.00_USD);
    CHECK(!exact[0].exact_is_rounded);
    // With other terms: 75¢ x 3 + 33 1/3 % x 10.00 = 2.25 + 3.333.. = 5.58333..:
    // half_even to the cent 5.58.
    const auto sum_path =
        duty_path<USD>("x").with_duty("duty", "", tariff::parse_duty<USD>("75¢ each + 33 1/3%"));
    CHECK(tariff::assess(sum_path, duty_base(10.00_USD).with(3_each),
                         to_cent(rounding_mode::half_even))[0]
              .rounded == 5.58_USD);
    // Only a fractional percent is rounded so: 7 each at USD 1.00 per dozen
    // (7/12) is a quantity not in whole units of the rate, errc::inexact as
    // before (docs/guarantees.md), in an assessment too.
    const auto dozen_path =
        duty_path<USD>("d").with_duty("duty", "", tariff::parse_duty<USD>("$1.00/doz"));
    CHECK(tariff::try_assess(dozen_path, duty_base(3.00_USD).with(7_each),
                             to_cent(rounding_mode::half_even))
              .error() == errc::inexact);
    // A duty with a fractional percent is rounded as a whole: 7/12 + 3.00 / 3
    // = 19/12 = 1.58333..: 1.58 (half even); 12 each: 1.00 + 1.00 = 2.00, exact.
    const auto mixed_path =
        duty_path<USD>("m").with_duty("duty", "", tariff::parse_duty<USD>("$1.00/doz + 33 1/3%"));
    const auto mixed = tariff::assess(mixed_path, duty_base(3.00_USD).with(7_each),
                                      to_cent(rounding_mode::half_even));
    CHECK(mixed[0].rounded == 1.58_USD);
    CHECK(mixed[0].exact_is_rounded);
    CHECK(tariff::assess(mixed_path, duty_base(3.00_USD).with(12_each),
                         to_cent(rounding_mode::half_even))[0]
              .rounded == 2.00_USD);
    // Rounding on totals keeps lines exact: such a line cannot be.
    auto totals = to_cent(rounding_mode::half_even);
    totals.stage = tariff::rounding_stage::totals;
    CHECK(tariff::try_assess(path, duty_base(100.00_USD), totals).error() == errc::inexact);
}

TEST_CASE("named bases travel through paths and assessments", "[value_bases][assessment]") {
    // Two components naming different values, one shared: the path's pool
    // keeps each name once, and expression(i) gives each component back.
    const auto watches = tariff::parse_duty<USD>("75¢ each + 45% on the case + 35% on the battery");
    const auto repairs = tariff::parse_duty<USD>("50 percent of the cost of such goods or repairs");
    const auto case_only = tariff::parse_duty<USD>("6% on the case");
    const auto path = duty_path<USD>("p")
                          .with_duty("watch", "", watches)
                          .with_duty("repairs", "", repairs)
                          .with_duty("case", "", case_only);
    CHECK(path.expression(0) == watches);
    CHECK(path.expression(1) == repairs);
    CHECK(path.expression(2) == case_only);
    // 2 watches, case 40.00, battery 2.00, repairs 100.00:
    // 1.50 + 18.00 + 0.70 = 20.20; 50.00; 6 % x 40.00 = 2.40; total 72.60.
    const auto base = duty_base(500.00_USD)
                          .with(2_each)
                          .with_named_value("case", 40.00_USD)
                          .with_named_value("battery", 2.00_USD)
                          .with_named_value("cost of such goods or repairs", 100.00_USD);
    const auto a = tariff::assess(path, base, to_cent(rounding_mode::half_even));
    CHECK(a[0].rounded == 20.20_USD);
    CHECK(a[1].rounded == 50.00_USD);
    CHECK(a[2].rounded == 2.40_USD);
    CHECK(a.duties() == 72.60_USD);
    // The assessment reports a missing named value.
    CHECK(tariff::try_assess(path, duty_base(500.00_USD).with(2_each),
                             to_cent(rounding_mode::half_even))
              .error() == errc::missing_value_base);
}
