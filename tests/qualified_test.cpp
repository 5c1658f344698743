// Quantities qualified by a property of the goods (issue 11 item 1): alcohol
// strength, sucrose content, lactic matter, polarization, qualified quantities
// (drained weight, metal contents), typed and parsed. Every expected figure is
// computed by hand in the comment beside it.
#include "test_support.hpp"

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff;
using namespace tariff::literals;

namespace {

// A dimension and a qualified quantity of the user's own, in a few lines.
struct fat_content { // a property: % of fat by weight
    static constexpr std::string_view name = "fat content";
    static constexpr unsigned bit = 1u << 12;
    static constexpr std::string_view base_symbol = "% fat";
};
struct percent_fat : unit<fat_content, 1, 1, "% fat"> {};
struct kg_fat : unit<per_property<mass, fat_content>, 100, 1, "kg of fat"> {};
struct cocoa_butter : qualified<mass, "cocoa butter"> {};
struct kg_cocoa_butter : unit<cocoa_butter, 1, 1, "kg of cocoa butter"> {};

template <class U>
quantity<U> q(decimal value) {
    return quantity<U>(value);
}

} // namespace

TEST_CASE("alcohol: per % vol per hl, typed, at compile time", "[qualified]") {
    // 25 hl at 12.5 % vol: 1.30 x 12.5 x 25 = 406.25; the floor 7.20 x 25 =
    // 180.00 does not apply.
    constexpr auto wine = at_least(1.30_EUR / percent_vol_hl, 7.20_EUR / hl);
    constexpr auto base = duty_base(1'000.00_EUR).with(25 * hl).with(12.5_dec * percent_vol);
    static_assert(wine(base) == 406.25_EUR);
    // 10 hl at 4.5 % vol: 1.30 x 4.5 x 10 = 58.50 < 7.20 x 10 = 72.00: the floor.
    constexpr auto weak = duty_base(1'000.00_EUR).with(10 * hl).with(4.5_dec * percent_vol);
    static_assert(wine(weak) == 72.00_EUR);
    STATIC_REQUIRE(wine.explain(weak).floor_applied);
    // The needs: the volume and the strength.
    STATIC_REQUIRE(decltype(wine)::needs == (volume::bit | alcohol_strength::bit));
}

TEST_CASE("alcohol: litres of pure alcohol derived from litres and strength", "[qualified]") {
    // 100 l at 40 % vol is 40 l of pure alcohol = 80 proof litres (a proof
    // litre is a litre at 50 %, 100 US proof): 1.32 x 80 = 105.60.
    constexpr auto spirit = duty_expression<USD>(1.32_USD / proof_litre);
    constexpr auto base = duty_base(1.00_USD).with(100 * litre).with(40 * percent_vol);
    static_assert(spirit(base) == 105.60_USD);
    // Typed: a per-proof-litre duty on a base with litres and a strength compiles.
    constexpr auto typed = 1.32_USD / proof_litre + 2_pct;
    // 105.60 + 2 % of 1.00 = 105.62
    static_assert(typed(base) == 105.62_USD);
    // A declared pure alcohol wins over the derivation: 10 lpa = 20 pf. l: 26.40.
    CHECK(spirit(base.with(10 * lpa)) == 26.40_USD);
    // Without a strength: missing.
    CHECK(spirit.try_explain(duty_base(1.00_USD).with(100 * litre)).error() ==
          errc::missing_quantity);
}

TEST_CASE("sugar: per 100 kg per % sucrose, per kg of total sugars", "[qualified]") {
    // 1,000 kg at 65 % sucrose: 10 x 65 x 0.40 = 260.00
    const auto eu = parse_duty<EUR>("0.40 EUR / 100 kg /net/ % sacchar.");
    CHECK(eu(duty_base(1.00_EUR).with(1'000 * kg).with(65 * percent_sucrose)) == 260.00_EUR);
    CHECK(eu == duty_expression<EUR>(0.40_EUR / hundred_kg_percent_sucrose));
    // Without the sucrose content: missing.
    CHECK(eu.try_explain(duty_base(1.00_EUR).with(1'000 * kg)).error() == errc::missing_quantity);
    // 100 kg of total sugars at 33.9 cents + 5.1 % of 1,000.00 = 33.90 + 51.00 = 84.90
    const auto us = parse_duty<USD>("33.9¢/kg of total sugars + 5.1%");
    CHECK(us(duty_base(1'000.00_USD).with(q<units::kg_total_sugars>(100))) == 84.90_USD);
}

TEST_CASE("sugar: the US polarization sliding scale", "[qualified]") {
    constexpr auto raw = duty<USD, "1.4606¢/kg less 0.020668¢/kg for each degree under 100 degrees "
                                   "(and fractions of a degree in proportion) but not less than "
                                   "0.943854¢/kg">;
    constexpr auto typed =
        at_least(0.014606_USD / kg - 0.00020668_USD / kg_degree_under_100, 0.00943854_USD / kg);
    STATIC_REQUIRE(raw == typed);
    const auto at = [&](decimal degrees) {
        return raw.try_explain(duty_base(1.00_USD)
                                   .with(1'000 * kg)
                                   .with(quantity<units::degree_polarization>(degrees)));
    };
    // 97.5 degrees: 2.5 under 100: 1.4606 - 2.5 x 0.020668 = 1.40893 cents/kg,
    // x 1,000 kg = 1,408.93 cents = 14.0893
    CHECK(at(97.5_dec)->amount == 14.0893_USD);
    // 97.25 degrees (fractions in proportion): 2.75 x 0.020668 = 0.056837;
    // 1.4606 - 0.056837 = 1.403763 cents/kg x 1,000 = 14.03763
    CHECK(at(97.25_dec)->amount == 14.03763_USD);
    // 70 degrees: 1.4606 - 30 x 0.020668 = 0.84056 < 0.943854: the floor, 9.43854
    CHECK(at(70_dec)->amount == 9.43854_USD);
    CHECK(at(70_dec)->floor_applied);
    // 100 degrees and above: nothing under 100: 1.4606 x 1,000 = 14.606
    CHECK(at(100_dec)->amount == 14.606_USD);
    CHECK(at(100.5_dec)->amount == 14.606_USD);
    // At compile time: 99 degrees: 1.4606 - 0.020668 = 1.439932 x 1,000 = 14.39932
    static_assert(typed(duty_base(1.00_USD).with(1'000 * kg).with(99 * degrees_polarization)) ==
                  14.39932_USD);
    // "but not less 2.831562¢ /kg" (no "than") and "¢ /kg" spacing read alike.
    const auto r = try_parse_duty<USD>(
        "4.3817¢/kg less 0.0622005¢ /kg for each degree under 100 degrees (and fractions of a "
        "degree in proportion) but not less 2.831562¢ /kg");
    REQUIRE(r.ok());
    CHECK(*r ==
          duty_expression<USD>(at_least(0.043817_USD / kg - 0.000622005_USD / kg_degree_under_100,
                                        0.02831562_USD / kg)));
}

TEST_CASE("milk: per kg of lactic matter, dry lactic matter, dry matter", "[qualified]") {
    // 1,000 kg at 30 % lactic matter = 300 kg of lactic matter: 1.31 x 300 =
    // 393.00, + 22.00 x 10 = 220.00: 613.00
    const auto milk = parse_duty<EUR>("1.31 EUR / kg / lactic matter + 22.00 EUR / 100 kg");
    CHECK(milk(duty_base(1.00_EUR).with(1'000 * kg).with(30 * percent_lactic_matter)) ==
          613.00_EUR);
    // 500 kg at 40 % dry lactic matter = 200 kg: 0.07 x 200 = 14.00
    const auto dry = parse_duty<EUR>("0.07 EUR / kg / dry lactic matter");
    CHECK(dry(duty_base(1.00_EUR).with(500 * kg).with(40 * percent_dry_lactic_matter)) ==
          14.00_EUR);
    // A lactic matter content is not a dry lactic matter content.
    CHECK(dry.try_explain(duty_base(1.00_EUR).with(500 * kg).with(40 * percent_lactic_matter))
              .error() == errc::missing_quantity);
    // EU "net dry" and UK "mas" are one quantity (net dry matter): 250 kg:
    // 2.5 x 50.70 = 126.75 and 2.5 x 42.00 = 105.00
    const auto eu = parse_duty<EUR>("50.70 EUR / 100 kg / net dry");
    const auto uk = parse_duty<GBP>("42.00 GBP/100kg mas");
    CHECK(eu(duty_base(1.00_EUR).with(q<units::hundred_kg_dry_matter>(2.5_dec))) == 126.75_EUR);
    CHECK(uk(duty_base(1.00_GBP).with(q<units::hundred_kg_dry_matter>(2.5_dec))) == 105.00_GBP);
}

TEST_CASE("drained weight, gross weight: qualified masses", "[qualified]") {
    // 120 kg drained: 0.074 x 120 = 8.88; the entry's mass does not count.
    const auto us = parse_duty<USD>("7.4¢/kg on drained weight");
    const auto base = duty_base(1.00_USD).with(200 * kg).with(120 * kg_drained_weight);
    CHECK(us(base) == 8.88_USD);
    CHECK(us.try_explain(duty_base(1.00_USD).with(200 * kg)).error() == errc::missing_quantity);
    // 5.10 % of 1,000.00 = 51.00 + 9.40 x 8 (800 kg drained) = 75.20: 126.20
    const auto eu = parse_duty<EUR>("5.10% + 9.40 EUR / 100 kg / net drained wt");
    CHECK(eu(duty_base(1'000.00_EUR).with(q<units::kg_drained_weight>(800))) == 126.20_EUR);
    // UK "eda" is the same quantity: 4 % of 500.00 = 20.00 + 7.80 x 2.5 = 19.50: 39.50
    const auto uk = parse_duty<GBP>("4.00% + 7.80 GBP/100kg eda");
    CHECK(uk(duty_base(500.00_GBP).with(q<units::kg_drained_weight>(250))) == 39.50_GBP);
    // Gross weight: 2,500 kg with containers = 2.5 t x 1.32 = 3.30
    const auto t = parse_duty<USD>("$1.32/t, including weight of container");
    CHECK(t(duty_base(1.00_USD).with(q<units::kg_gross>(2'500))) == 3.30_USD);
    // 3 % of 100.00 = 3.00 < 1.20 x 5 (500 kg gross) = 6.00: the floor
    const auto eu_gross = parse_duty<EUR>("3.00% MIN 1.20 EUR / 100 kg / gross");
    CHECK(eu_gross(duty_base(100.00_EUR).with(q<units::kg_gross>(500))) == 6.00_EUR);
}

TEST_CASE("metal contents: three qualified masses in one duty", "[qualified]") {
    // 100 kg copper x 0.088 = 8.80; 50 kg lead x 0.033 = 1.65; 20 kg zinc x
    // 0.037 = 0.74: 11.19
    const auto ore = parse_duty<USD>(
        "8.8¢/kg on copper content + 3.3¢/kg on lead content + 3.7¢/kg on zinc content");
    const auto base = duty_base(1.00_USD)
                          .with(q<units::kg_copper>(100))
                          .with(q<units::kg_lead>(50))
                          .with(q<units::kg_zinc>(20));
    CHECK(ore(base) == 11.19_USD);
    // Without the zinc content: missing.
    CHECK(ore.try_explain(
                 duty_base(1.00_USD).with(q<units::kg_copper>(100)).with(q<units::kg_lead>(50)))
              .error() == errc::missing_quantity);
    // Typed, at compile time: 30 kg of molybdenum x 1.10 = 33.00 + 15 % of
    // 2,000.00 = 300.00: 333.00
    constexpr auto mo = 1.10_USD / units::kg_molybdenum{} + 15_pct;
    static_assert(mo(duty_base(2'000.00_USD).with(30 * units::kg_molybdenum{})) == 333.00_USD);
}

TEST_CASE("a dimension and a qualified quantity of the user's own", "[qualified]") {
    // 200 kg at 12.5 % fat = 25 kg of fat x 2.00 = 50.00; 3 kg of cocoa butter
    // x 1.50 = 4.50: 54.50
    constexpr auto d = 2.00_EUR / kg_fat{} + 1.50_EUR / kg_cocoa_butter{};
    constexpr auto base = duty_base(1.00_EUR)
                              .with(200 * kg)
                              .with(12.5_dec * percent_fat{})
                              .with(3 * kg_cocoa_butter{});
    static_assert(d(base) == 54.50_EUR);
    STATIC_REQUIRE(decltype(d)::needs == (mass::bit | fat_content::bit | cocoa_butter::bit));
    // Printed with its symbols; the quantities an assessment lists are named.
    CHECK(to_string(duty_expression<EUR>(d)) ==
          "EUR 2.00 / kg of fat + EUR 1.50 / kg of cocoa butter");
}

TEST_CASE("a duty base holds any dimension, six quantities at most", "[qualified]") {
    // A length: 25 m at 0.033 = 0.825
    CHECK(duty_expression<USD>(0.033_USD / metre)(duty_base(1.00_USD).with(25 * metre)) ==
          0.825_USD);
    auto base = duty_base(1.00_EUR)
                    .with(1 * kg)
                    .with(1 * litre)
                    .with(1 * each)
                    .with(1 * m2)
                    .with(1 * kWh)
                    .with(1 * metre);
    CHECK(base.quantity_count() == 6);
    // Declaring a quantity again replaces it (no new slot).
    CHECK(base.with(2 * kg).quantity_in(unit_info_of<units::kilogram>) == 2);
    CHECK(tariff_test::error_of([&] { return base.with(1 * percent_sucrose); }) ==
          errc::invalid_argument);
    // A quantity times a property is not declared directly: declare the two.
    CHECK(tariff_test::error_of([] {
              return duty_base(1.00_EUR).with(unit_info_of<units::percent_vol_hectolitre>, 1_dec);
          }) == errc::invalid_argument);
}

TEST_CASE("qualified units by name, printing, round trip", "[qualified]") {
    STATIC_REQUIRE(find_unit("% vol / hl") == &unit_info_of<units::percent_vol_hectolitre>);
    STATIC_REQUIRE(find_unit("kg on drained weight") == &unit_info_of<units::kg_drained_weight>);
    STATIC_REQUIRE(find_unit("100 kg eda") == &unit_info_of<units::hundred_kg_drained_weight>);
    // A property by name (an entry's declared "40 % vol"), though no rate is per it alone.
    STATIC_REQUIRE(find_unit("% vol") == &unit_info_of<units::percent_vol>);
    STATIC_REQUIRE(find_unit("Degrees") == &unit_info_of<units::degree_polarization>);
    CHECK(find_unit("% volume") == nullptr);
    CHECK(!try_parse_duty<EUR>("1.75 EUR / % vol").ok());
    // Canonical text parses back to the same expression.
    for (const char* text : {"1.75 EUR / % vol / hl", "0.90 EUR / % vol / hl + 6.40 EUR / hl",
                             "1.62 EUR / kg / tot alc", "33.90 EUR / 100 kg / std qual"}) {
        INFO(text);
        const auto e = parse_duty<EUR>(text);
        CHECK(parse_duty<EUR>(to_string(e)) == e);
    }
    CHECK(to_string(parse_duty<EUR>("1.75 EUR / % vol / hl")) == "EUR 1.75 / % vol / hl");
    // Two qualified quantities of one dimension are different quantities.
    CHECK(!(parse_duty<USD>("7.4¢/kg on drained weight") == parse_duty<USD>("7.4¢/kg")));
}
