// tariff::choose_lowest and tariff::choose_by_margin (choose.hpp).
//
// Every expected figure is worked out by hand in the comment beside it. The
// Canadian EV figures are those of docs/../shared/DOMAIN.md section 1 (value
// for duty CAD 40,000.00; MFN 6.1 %, China surtax 100 % (SOR/2024-187 s.3),
// GST 5 % of value + duties (Excise Tax Act s.215)). The Northern Ireland
// rule: the EU duty is due where it is higher than the UK duty by 3
// percentage points of the customs value or more (GOV.UK, "How to make sure
// the correct duty is applied to goods you bring into Northern Ireland from
// countries outside of the EU and UK").
#include <cstddef>
#include <string_view>

#include <tariff/choose.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

constexpr rounding_policy<CAD> cad_policy{rounding::half_even};
constexpr rounding_policy<GBP> gbp_policy{rounding::half_even};

constexpr tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};

// The EV line: standard path for CN (MFN + surtax), the preferential path for
// CN (MFN only, with a permit), CUSMA for US (Free).
constexpr auto ev_line =
    tariff_line<CAD>(hs_code::parse("8703.80.00"), "electric passenger vehicles",
                     unit_info_of<units::each>, duty_expression<CAD>(6.1_pct), "Customs Tariff")
        .with_treatment("standard", "CN",
                        duty_path<CAD>("standard")
                            .with_duty("MFN", "Customs Tariff", 6.1_pct)
                            .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                            .with_tax(gst))
        .with_treatment("preferential", "CN",
                        duty_path<CAD>("preferential")
                            .with_duty("MFN", "Customs Tariff", 6.1_pct)
                            .with_tax(gst))
        .with_treatment(
            "CUSMA", "US",
            duty_path<CAD>("CUSMA").with_duty("CUSMA", "Customs Tariff", 0_pct).with_tax(gst));

constexpr auto ev = duty_base(40'000.00_CAD);

// The preferential path needs an import permit.
struct permit {
    bool held;
    constexpr bool operator()(const treatment<CAD>& t) const noexcept {
        return t.name != "preferential" || held;
    }
};

// Compile time: with a permit the preferential path is chosen.
// standard: 2,440.00 + 40,000.00 = 42,440.00 duties; GST 5 % of 82,440.00 = 4,122.00; 46,562.00.
// preferential: 2,440.00 duties; GST 5 % of 42,440.00 = 2,122.00; 4,562.00.
constexpr auto ev_choice =
    choose_lowest(ev_line, "CN", ev, cad_policy, choice_measure::total, permit{true});
static_assert(ev_choice.chosen() == 1);
static_assert(ev_choice.reason() == choice_reason::lowest);
static_assert(ev_choice[0].total == 46'562.00_CAD && ev_choice[1].total == 4'562.00_CAD);
static_assert(ev_choice[2].status == candidate_status::other_origin);

} // namespace

TEST_CASE("choose_lowest: the preferential EV path with a permit (DOMAIN.md section 1)") {
    const auto c =
        choose_lowest(ev_line, "CN", ev, cad_policy, choice_measure::total, permit{true});
    REQUIRE(c.size() == 3);
    CHECK(c.chosen() == 1);
    CHECK(c.chosen_name() == "preferential");
    CHECK(c.reason() == choice_reason::lowest);
    CHECK(c.measure() == choice_measure::total);
    // standard: duties 2,440.00 + 40,000.00 = 42,440.00; total 42,440.00 + 4,122.00 = 46,562.00.
    CHECK(c[0].status == candidate_status::higher);
    CHECK(c[0].assessed);
    CHECK(c[0].duties == 42'440.00_CAD);
    CHECK(c[0].total == 46'562.00_CAD);
    // preferential: duties 2,440.00; total 2,440.00 + 2,122.00 = 4,562.00.
    CHECK(c[1].status == candidate_status::chosen);
    CHECK(c[1].duties == 2'440.00_CAD);
    CHECK(c[1].total == 4'562.00_CAD);
    // CUSMA is for US goods: not assessed, figures zero.
    CHECK(c[2].status == candidate_status::other_origin);
    CHECK_FALSE(c[2].assessed);
    CHECK(c[2].total == 0.00_CAD);
    // The chosen assessment refers to the line's own path.
    CHECK(&c.chosen_assessment().path() == &ev_line.treatment_at(1).path);
    CHECK(c.chosen_assessment().total() == 4'562.00_CAD);
    CHECK(c.chosen_assessment().line("GST").rounded == 2'122.00_CAD);
}

TEST_CASE("choose_lowest: without a permit the standard path is the only eligible one") {
    const auto c =
        choose_lowest(ev_line, "CN", ev, cad_policy, choice_measure::duties, permit{false});
    CHECK(c.chosen() == 0);
    CHECK(c.reason() == choice_reason::only_eligible);
    CHECK(c[1].status == candidate_status::not_eligible);
    CHECK_FALSE(c[1].assessed);
    CHECK(c[0].duties == 42'440.00_CAD);
    CHECK(c.chosen_assessment().total() == 46'562.00_CAD);
    CHECK(std::string_view(to_string(c.reason())) == "the only eligible path");
}

TEST_CASE("choose_lowest: origin decides eligibility; an empty origin is any origin") {
    // US: only CUSMA; duties 0.00, GST 5 % of 40,000.00 = 2,000.00.
    const auto us = choose_lowest(ev_line, "US", ev, cad_policy, choice_measure::total);
    CHECK(us.chosen() == 2);
    CHECK(us[2].total == 2'000.00_CAD);
    CHECK(us[0].status == candidate_status::other_origin);
    CHECK(us[1].status == candidate_status::other_origin);
    // JP: nothing eligible.
    CHECK(try_choose_lowest(ev_line, "JP", ev, cad_policy, choice_measure::total).code() ==
          errc::invalid_argument);
    CHECK(error_of([&] {
              return choose_lowest(ev_line, "JP", ev, cad_policy, choice_measure::total);
          }) == errc::invalid_argument);
    // A line whose one treatment has no origin accepts every origin.
    static constexpr auto any =
        tariff_line<CAD>(hs_code::parse("8703.80.00"), "EV", unit_info_of<units::each>,
                         duty_expression<CAD>(6.1_pct), "Customs Tariff")
            .with_treatment("MFN", "", duty_path<CAD>("MFN").with_duty("MFN", "", 6.1_pct));
    const auto jp = choose_lowest(any, "JP", ev, cad_policy, choice_measure::duties);
    CHECK(jp.chosen() == 0);
    CHECK(jp[0].duties == 2'440.00_CAD); // 6.1 % x 40,000.00
}

TEST_CASE("choose_lowest: ties go to the earliest treatment; a tie above the lowest is higher") {
    // Value 1,000.00: A 5 % = 50.00, B 5 % = 50.00, C 2 % = 20.00.
    static constexpr auto line =
        tariff_line<CAD>(hs_code::parse("8703.80.00"), "x", unit_info_of<units::each>,
                         duty_expression<CAD>(5_pct), "")
            .with_treatment("A", "", duty_path<CAD>("A").with_duty("d", "", 5_pct))
            .with_treatment("B", "", duty_path<CAD>("B").with_duty("d", "", 5_pct))
            .with_treatment("C", "", duty_path<CAD>("C").with_duty("d", "", 2_pct));
    const auto base = duty_base(1'000.00_CAD);
    const auto all = choose_lowest(line, "CN", base, cad_policy, choice_measure::duties);
    CHECK(all.chosen() == 2);
    CHECK(all.reason() == choice_reason::lowest);
    CHECK(all[0].status == candidate_status::higher); // 50.00 > 20.00, though A and B tie
    CHECK(all[1].status == candidate_status::higher);
    CHECK(all[2].duties == 20.00_CAD);
    // Without C, A and B tie at 50.00: A (index 0) wins.
    const auto no_c = choose_lowest(line, "CN", base, cad_policy, choice_measure::duties,
                                    [](const treatment<CAD>& t) { return t.name != "C"; });
    CHECK(no_c.chosen() == 0);
    CHECK(no_c.reason() == choice_reason::tie_earliest);
    CHECK(no_c[0].status == candidate_status::chosen);
    CHECK(no_c[1].status == candidate_status::tied_later);
    CHECK(no_c[2].status == candidate_status::not_eligible);
}

TEST_CASE("choose_lowest: duties or total can choose differently") {
    // Value 1,000.00. A: 10 % duty, no tax: duties 100.00, total 100.00.
    // B: 5 % duty = 50.00 and a 10 % tax on the value only = 100.00: total 150.00.
    static constexpr tax_component<CAD> on_value{"tax", "", 10_pct, true, 0, false};
    static constexpr auto line =
        tariff_line<CAD>(hs_code::parse("8703.80.00"), "x", unit_info_of<units::each>,
                         duty_expression<CAD>(5_pct), "")
            .with_treatment("A", "", duty_path<CAD>("A").with_duty("d", "", 10_pct))
            .with_treatment("B", "",
                            duty_path<CAD>("B").with_duty("d", "", 5_pct).with_tax(on_value));
    const auto base = duty_base(1'000.00_CAD);
    const auto by_duties = choose_lowest(line, "", base, cad_policy, choice_measure::duties);
    CHECK(by_duties.chosen() == 1);
    CHECK(by_duties[1].duties == 50.00_CAD);
    CHECK(by_duties[1].total == 150.00_CAD);
    const auto by_total = choose_lowest(line, "", base, cad_policy, choice_measure::total);
    CHECK(by_total.chosen() == 0);
    CHECK(by_total[0].total == 100.00_CAD);
    CHECK(try_choose_lowest(line, "", base, cad_policy, static_cast<choice_measure>(9)).code() ==
          errc::invalid_argument);
}

TEST_CASE("choose_lowest: an eligible path that cannot be assessed fails the choice") {
    // B is CAD 0.10 / kg: it needs a mass the entry does not declare. It is not
    // skipped (it might be the lowest): the choice fails with missing_quantity.
    static constexpr auto line =
        tariff_line<CAD>(hs_code::parse("0406.40.20"), "x", unit_info_of<units::kilogram>,
                         duty_expression<CAD>(5_pct), "")
            .with_treatment("A", "", duty_path<CAD>("A").with_duty("d", "", 5_pct))
            .with_treatment("B", "", duty_path<CAD>("B").with_duty("d", "", 0.10_CAD / kg));
    const duty_base<CAD> no_mass(100.00_CAD);
    CHECK(try_choose_lowest(line, "", no_mass, cad_policy, choice_measure::duties).code() ==
          errc::missing_quantity);
    // With 100 kg declared: A 5 % x 100.00 = 5.00; B 0.10 x 100 = 10.00: A.
    const auto with_mass = choose_lowest(line, "", duty_base(100.00_CAD).with(100_kg), cad_policy,
                                         choice_measure::duties);
    CHECK(with_mass.chosen() == 0);
    CHECK(with_mass[1].duties == 10.00_CAD);
    // Refusing B by predicate avoids assessing it.
    const auto a_only =
        try_choose_lowest(line, "", no_mass, cad_policy, choice_measure::duties,
                          [](const treatment<CAD>& t) noexcept { return t.name == "A"; });
    REQUIRE(a_only.ok());
    CHECK(a_only->chosen() == 0);
    CHECK((*a_only)[0].duties == 5.00_CAD);
}

// --- choose_by_margin: the Northern Ireland rule ------------------------------------

namespace {
constexpr margin_rule ni_rule{3_pct, margin_side::higher, true, choice_measure::duties,
                              "GOV.UK guidance: duty on goods brought into NI (3 % rule)"};
constexpr auto uk_2 = duty_path<GBP>("UK").with_duty("UK Global Tariff", "", 2_pct);
constexpr auto eu_4_5 = duty_path<GBP>("EU").with_duty("EU CET", "", 4.5_pct);
constexpr auto eu_5 = duty_path<GBP>("EU").with_duty("EU CET", "", 5_pct);
constexpr auto uk_0 = duty_path<GBP>("UK").with_duty("UK Global Tariff", "", 0_pct);
constexpr auto eu_6_5 = duty_path<GBP>("EU").with_duty("EU CET", "", 6.5_pct);
constexpr auto eu_3 = duty_path<GBP>("EU").with_duty("EU CET", "", 3_pct);
constexpr auto goods = duty_base(10'000.00_GBP);

// UK 0 %, EU 6.5 % on 10,000.00: 650.00 - 0.00 = 650.00 >= 3 % x 10,000.00 = 300.00: EU.
static_assert(choose_by_margin(uk_0, eu_6_5, goods, gbp_policy, ni_rule).alternative_taken);
} // namespace

TEST_CASE("choose_by_margin: NI, a difference under 3 % of the value keeps the UK duty") {
    // UK 2 % = 200.00, EU 4.5 % = 450.00; difference 250.00 < threshold 300.00.
    const auto c = choose_by_margin(uk_2, eu_4_5, goods, gbp_policy, ni_rule);
    CHECK_FALSE(c.alternative_taken);
    CHECK(c.reason == margin_reason::margin_not_reached);
    CHECK(c.difference == 250.00_GBP);
    CHECK(c.threshold == 300.00_GBP);
    CHECK(c.chosen().path_name() == "UK");
    CHECK(c.chosen().duties() == 200.00_GBP);
    CHECK(c.standard.duties() == 200.00_GBP);
    CHECK(c.alternative.duties() == 450.00_GBP);
    CHECK(c.legal_basis == ni_rule.legal_basis);
}

TEST_CASE("choose_by_margin: exactly 3 points is 'equal to or more than'") {
    // UK 2 % = 200.00, EU 5 % = 500.00; difference 300.00 = threshold 300.00.
    const auto inclusive = choose_by_margin(uk_2, eu_5, goods, gbp_policy, ni_rule);
    CHECK(inclusive.alternative_taken);
    CHECK(inclusive.reason == margin_reason::margin_reached);
    CHECK(inclusive.chosen().path_name() == "EU");
    CHECK(inclusive.chosen().duties() == 500.00_GBP);
    margin_rule strict = ni_rule;
    strict.inclusive = false; // "more than": 300.00 > 300.00 is false
    const auto c = choose_by_margin(uk_2, eu_5, goods, gbp_policy, strict);
    CHECK_FALSE(c.alternative_taken);
    CHECK(c.chosen().path_name() == "UK");
}

TEST_CASE("choose_by_margin: an EU duty lower than the UK's is never 'at risk'") {
    // standard UK 6.5 % = 650.00, alternative EU 2 % = 200.00: difference -450.00.
    constexpr auto uk_6_5 = duty_path<GBP>("UK").with_duty("UK", "", 6.5_pct);
    constexpr auto eu_2 = duty_path<GBP>("EU").with_duty("EU", "", 2_pct);
    const auto c = choose_by_margin(uk_6_5, eu_2, goods, gbp_policy, ni_rule);
    CHECK(c.difference == -450.00_GBP);
    CHECK_FALSE(c.alternative_taken);
}

TEST_CASE("choose_by_margin: the threshold is exact, never rounded") {
    // Value 333.35: threshold 3 % x 333.35 = 10.0005 exactly. EU 3 % = 10.0005,
    // rounded half-even to the penny on its line = 10.00 (the 5 after 10.00 is
    // followed by nothing; 10.00 is even). Difference 10.00 - 0.00 = 10.00 <
    // 10.0005: the UK duty. Had the threshold been rounded to 10.00, the
    // inclusive test would have taken the EU path.
    const auto c = choose_by_margin(uk_0, eu_3, duty_base(333.35_GBP), gbp_policy, ni_rule);
    CHECK(c.alternative.duties() == 10.00_GBP);
    CHECK(c.threshold == money<GBP>(decimal::from_parts(100005, 4)));
    CHECK(c.difference == 10.00_GBP);
    CHECK_FALSE(c.alternative_taken);
}

TEST_CASE("choose_by_margin: 'beats by a share' (side lower) and the total as the measure") {
    // Value 1,000.00. standard 10 % = 100.00, alternative 8 % = 80.00: the
    // alternative is lower by 20.00. A 2 % share: threshold 20.00, reached
    // (inclusive). A 2.5 % share: threshold 25.00, not reached.
    constexpr auto standard = duty_path<CAD>("standard").with_duty("d", "", 10_pct);
    constexpr auto alternative = duty_path<CAD>("alternative").with_duty("d", "", 8_pct);
    const auto base = duty_base(1'000.00_CAD);
    const margin_rule beats2{2_pct, margin_side::lower, true, choice_measure::duties, ""};
    const auto two = choose_by_margin(standard, alternative, base, cad_policy, beats2);
    CHECK(two.difference == -20.00_CAD);
    CHECK(two.threshold == 20.00_CAD);
    CHECK(two.alternative_taken);
    const margin_rule beats25{2.5_pct, margin_side::lower, true, choice_measure::duties, ""};
    CHECK_FALSE(
        choose_by_margin(standard, alternative, base, cad_policy, beats25).alternative_taken);
    // On totals with GST: standard 100.00 + 5 % of 1,100.00 = 155.00; alternative
    // 80.00 + 5 % of 1,080.00 = 134.00: lower by 21.00. A 2.1 % share: threshold
    // 21.00, reached by the totals (21.00) but not by the duties (20.00).
    constexpr auto standard_gst =
        duty_path<CAD>("standard").with_duty("d", "", 10_pct).with_tax(gst);
    constexpr auto alternative_gst =
        duty_path<CAD>("alternative").with_duty("d", "", 8_pct).with_tax(gst);
    const margin_rule on_total{2.1_pct, margin_side::lower, true, choice_measure::total, ""};
    const auto t = choose_by_margin(standard_gst, alternative_gst, base, cad_policy, on_total);
    CHECK(t.difference == -21.00_CAD);
    CHECK(t.threshold == 21.00_CAD);
    CHECK(t.alternative_taken);
    margin_rule on_duties = on_total;
    on_duties.measure = choice_measure::duties;
    const auto d = choose_by_margin(standard_gst, alternative_gst, base, cad_policy, on_duties);
    CHECK(d.difference == -20.00_CAD);
    CHECK_FALSE(d.alternative_taken);
}

TEST_CASE(
    "choose_by_margin: bad rules and bad entries are errors, and the try_ form never throws") {
    margin_rule bad_measure = ni_rule;
    bad_measure.measure = static_cast<choice_measure>(7);
    CHECK(try_choose_by_margin(uk_2, eu_5, goods, gbp_policy, bad_measure).code() ==
          errc::invalid_argument);
    CHECK(error_of([&] { return choose_by_margin(uk_2, eu_5, goods, gbp_policy, bad_measure); }) ==
          errc::invalid_argument);
    margin_rule bad_side = ni_rule;
    bad_side.side = static_cast<margin_side>(7);
    CHECK(try_choose_by_margin(uk_2, eu_5, goods, gbp_policy, bad_side).code() ==
          errc::invalid_argument);
    // A per-kg path on an entry without a mass.
    constexpr auto per_kg = duty_path<GBP>("EU").with_duty("EU", "", 0.50_GBP / kg);
    CHECK(try_choose_by_margin(uk_2, per_kg, duty_base<GBP>(goods), gbp_policy, ni_rule).code() ==
          errc::missing_quantity);
    static_assert(noexcept(try_choose_by_margin(uk_2, eu_5, goods, gbp_policy, ni_rule)));
}
