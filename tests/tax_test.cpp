// Taxes beyond ad valorem (issue 11 item 9): a tax whose rate is any duty
// expression (specific excise, lesser-of, greater-of, a rate on the excess over
// a threshold), evaluated on its tax base in the cascade; a duty already
// determined entering a tax base.
//
// Every expected figure is computed by hand in the comment next to it, from the
// source named there; none was obtained by running the code under test.
#include <string_view>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::CAD;
using tariff::duty_base;
using tariff::duty_expression;
using tariff::duty_path;
using tariff::errc;
using tariff::rounding_policy;
using tariff::tax_component;
using tariff_test::error_of;

template <class C>
constexpr rounding_policy<C> half_even{tariff::rounding_mode::half_even};

// Select Luxury Items Tax Act (S.C. 2022, c. 10, s. 135): on a subject vehicle
// the tax is the lesser of 10 % of the value and 20 % of the value above
// CAD 100,000. 20 % x (v - 100,000) = 20 % x v - 20,000, and a difference is
// never below zero, so a vehicle at or under the threshold pays nothing.
constexpr auto luxury_rate = at_most(10_pct, 20_pct - tariff::fixed_amount(20'000.00_CAD));
constexpr tax_component<CAD> luxury{"Luxury tax", "Select Luxury Items Tax Act", luxury_rate};
// GST on top of the luxury tax (Finance Canada, as reported by The Canadian Press,
// 2021-08-12); on an importation the value for GST adds "all duties and taxes ...
// payable on the goods under the Customs Tariff, ..., the Special Import Measures
// Act, this Act (other than this Part) or any other law relating to customs"
// (Excise Tax Act s.215(1)(b)).
constexpr tax_component<CAD> gst_cascading{"GST", "Excise Tax Act s.215",         5_pct,
                                           true,  tax_component<CAD>::all_duties, true};

// A car from the United States, duty free under CUSMA (tariff item 8703.23.00,
// tariff treatment UST: Free).
constexpr auto cusma_car = duty_path<CAD>("UST")
                               .with_duty("UST", "Customs Tariff 8703.23.00", tariff::duty_free)
                               .with_tax(luxury)
                               .with_tax(gst_cascading);

// CAD 150,000: luxury tax min(10 % x 150,000 = 15,000.00, 20 % x 50,000 = 10,000.00)
// = 10,000.00 (the ceiling: at_most took its second operand); GST 5 % x
// (150,000 + 0 + 10,000 = 160,000.00) = 8,000.00; taxes 18,000.00.
constexpr auto car_150k = duty_base(150'000.00_CAD).with(1 * tariff::each);
constexpr auto lux_150k = tariff::assess(cusma_car, car_150k, half_even<CAD>);
static_assert(lux_150k[1].exact == 10'000.00_CAD);
static_assert(lux_150k[1].ceiling_applied);
static_assert(lux_150k[2].base == 160'000.00_CAD);
static_assert(lux_150k[2].rounded == 8'000.00_CAD);
static_assert(lux_150k.taxes() == 18'000.00_CAD);

TEST_CASE("luxury tax: the lesser of 10 % and 20 % of the excess, at several values") {
    struct row {
        tariff::money<CAD> value;
        tariff::money<CAD> luxury;
        tariff::money<CAD> gst;
    };
    // By hand: luxury = min(10 % v, max(0, 20 % v - 20,000)); GST = 5 % (v + luxury).
    const row rows[] = {
        // 90,000: min(9,000, max(0, 18,000 - 20,000) = 0) = 0; GST 4,500.00
        {90'000.00_CAD, 0.00_CAD, 4'500.00_CAD},
        // exactly 100,000: min(10,000, 0) = 0; GST 5,000.00
        {100'000.00_CAD, 0.00_CAD, 5'000.00_CAD},
        // 110,000: min(11,000, 2,000) = 2,000 (Motor1's worked example, 2022-09); GST
        // 5 % x 112,000 = 5,600.00
        {110'000.00_CAD, 2'000.00_CAD, 5'600.00_CAD},
        // 130,000: min(13,000, 6,000) = 6,000; GST 5 % x 136,000 = 6,800.00
        {130'000.00_CAD, 6'000.00_CAD, 6'800.00_CAD},
        // 200,000: min(20,000, 20,000) = 20,000 (where the two meet); GST 11,000.00
        {200'000.00_CAD, 20'000.00_CAD, 11'000.00_CAD},
        // 250,000: min(25,000, 30,000) = 25,000; GST 5 % x 275,000 = 13,750.00
        {250'000.00_CAD, 25'000.00_CAD, 13'750.00_CAD},
        // 100,000.01: 20 % x 100,000.01 - 20,000 = 0.002 -> 0.00 (half even); the GST
        // base takes the rounded line: 5 % x 100,000.01 = 5,000.0005 -> 5,000.00 (the tie
        // goes to the even cent)
        {100'000.01_CAD, 0.00_CAD, 5'000.00_CAD},
    };
    for (const row& r : rows) {
        CAPTURE(r.value.amount().coefficient());
        const auto a = tariff::assess(cusma_car, duty_base(r.value), half_even<CAD>);
        CHECK(a[1].rounded == r.luxury);
        CHECK(a[2].rounded == r.gst);
        CHECK(a.duties() == 0.00_CAD);
    }
    // The exact luxury line at 100,000.01: 20 % x 100,000.01 - 20,000 = 0.002.
    const auto a = tariff::assess(cusma_car, duty_base(100'000.01_CAD), half_even<CAD>);
    CHECK(a[1].exact.amount() == tariff::decimal::from_parts(2, 3));
}

TEST_CASE("luxury tax on a dutiable car: the duty is in the luxury tax's base and both in GST's") {
    // Customs Tariff 8703.23.00 MFN 6.1 %. Value 150,000.00:
    //   MFN 6.1 % x 150,000 = 9,150.00
    //   luxury base 150,000 + 9,150 = 159,150.00: min(15,915.00, 20 % x 59,150 = 11,830.00)
    //     = 11,830.00
    //   GST 5 % x (150,000 + 9,150 + 11,830 = 170,980.00) = 8,549.00
    //   duties 9,150.00; taxes 20,379.00; total 29,529.00
    const auto path = duty_path<CAD>("MFN")
                          .with_duty("MFN", "Customs Tariff 8703.23.00", 6.1_pct)
                          .with_tax(luxury)
                          .with_tax(gst_cascading);
    const auto a = tariff::assess(path, duty_base(150'000.00_CAD), half_even<CAD>);
    REQUIRE(a.size() == 3);
    CHECK(a[0].rounded == 9'150.00_CAD);
    CHECK(a[1].base == 159'150.00_CAD);
    CHECK(a[1].rounded == 11'830.00_CAD);
    CHECK(a[1].ceiling_applied);
    CHECK(a[2].base == 170'980.00_CAD);
    CHECK(a[2].rounded == 8'549.00_CAD);
    CHECK(a.duties() == 9'150.00_CAD);
    CHECK(a.taxes() == 20'379.00_CAD);
    CHECK(a.total() == 29'529.00_CAD);
    // The lines name their taxes and give their expressions back.
    CHECK(a[1].name == "Luxury tax");
    CHECK(a[1].legal_basis == "Select Luxury Items Tax Act");
    CHECK(a[1].rate == luxury_rate);
    CHECK(a[1].rate.is_tax());
    CHECK(a[1].rate.tax_rate() == tariff::ad_valorem{}); // not one ad valorem rate
    CHECK(a[2].rate.tax_rate() == 5_pct);
    CHECK(a[2].rate == duty_expression<CAD>(5_pct));
    CHECK(a.line("Luxury tax").rounded == 11'830.00_CAD);
}

TEST_CASE("a specific excise tax: per litre, on the entry's declared volume") {
    // Excise Tax Act, Schedule I: gasoline CAD 0.10 per litre. 20,000 L, value
    // 18,000.00, duty free:
    //   excise 0.10 x 20,000 = 2,000.00 (the value does not matter)
    //   GST 5 % x (18,000 + 2,000 = 20,000.00) = 1,000.00
    constexpr tax_component<CAD> excise{"Excise tax", "Excise Tax Act Sch. I",
                                        0.10_CAD / tariff::litre};
    static const auto path = duty_path<CAD>("MFN")
                                 .with_duty("MFN", "Customs Tariff 2710.12.49", tariff::duty_free)
                                 .with_tax(excise)
                                 .with_tax(gst_cascading);
    const auto entry = duty_base(18'000.00_CAD).with(20'000 * tariff::litre);
    const auto a = tariff::assess(path, entry, half_even<CAD>);
    CHECK(a[1].base == 18'000.00_CAD);
    CHECK(a[1].rounded == 2'000.00_CAD);
    CHECK(a[2].base == 20'000.00_CAD);
    CHECK(a[2].rounded == 1'000.00_CAD);
    CHECK(a.taxes() == 3'000.00_CAD);
    // 3,000 hl is the same 300,000 L: excise 30,000.00.
    const auto hl =
        tariff::assess(path, duty_base(18'000.00_CAD).with(3'000 * tariff::hl), half_even<CAD>);
    CHECK(hl[1].rounded == 30'000.00_CAD);

    // An entry with no volume: the excise cannot be computed, nothing is assessed.
    const auto no_volume = duty_base<CAD>(18'000.00_CAD).with(1'000 * tariff::kg);
    const auto r = tariff::try_assess(path, no_volume, half_even<CAD>);
    CHECK(r.code() == errc::missing_quantity);
    CHECK(error_of([&] { return tariff::assess(path, no_volume, half_even<CAD>); }) ==
          errc::missing_quantity);
}

TEST_CASE("greater-of tax: the higher of an ad valorem and a specific rate") {
    // at_least(10 %, CAD 0.50 / L):
    //   1,000.00 for 1,000 L: max(100.00, 500.00) = 500.00, the floor applied
    //   10,000.00 for 1,000 L: max(1,000.00, 500.00) = 1,000.00, no floor
    constexpr tax_component<CAD> higher{"Levy", "test", at_least(10_pct, 0.50_CAD / tariff::litre),
                                        true,   0,      false};
    static const auto path = duty_path<CAD>("p").with_tax(higher);
    const auto low =
        tariff::assess(path, duty_base(1'000.00_CAD).with(1'000 * tariff::litre), half_even<CAD>);
    REQUIRE(low.size() == 1);
    CHECK(low[0].rounded == 500.00_CAD);
    CHECK(low[0].floor_applied);
    const auto high =
        tariff::assess(path, duty_base(10'000.00_CAD).with(1'000 * tariff::litre), half_even<CAD>);
    CHECK(high[0].rounded == 1'000.00_CAD);
    CHECK_FALSE(high[0].floor_applied);
}

TEST_CASE("a duty already determined enters the tax base") {
    // Value 10,000.00; MFN 6.1 % = 610.00; an anti-dumping duty of 2,345.67 assessed
    // elsewhere (SIMA) for this entry.
    //   GST on all duties: 5 % x (10,000 + 610 + 2,345.67 = 12,955.67) = 647.7835
    //     -> 647.78 (half even)
    //   duties 610.00 + 2,345.67 = 2,955.67
    static const auto schedule_path = duty_path<CAD>("MFN")
                                          .with_duty("MFN", "Customs Tariff", 6.1_pct)
                                          .with_tax({"GST", "Excise Tax Act s.215", 5_pct});
    static const auto entry_path =
        schedule_path.with_determined_duty("Anti-dumping", "SIMA s.3", 2'345.67_CAD);
    CHECK(schedule_path.duty_count() == 1); // the schedule's path is unchanged
    REQUIRE(entry_path.duty_count() == 2);
    const auto a = tariff::assess(entry_path, duty_base(10'000.00_CAD), half_even<CAD>);
    REQUIRE(a.size() == 3);
    CHECK(a[1].name == "Anti-dumping");
    CHECK(a[1].rounded == 2'345.67_CAD);
    CHECK(a[2].base == 12'955.67_CAD);
    CHECK(a[2].exact.amount() == tariff::decimal::from_parts(6'477'835, 4));
    CHECK(a[2].rounded == 647.78_CAD);
    CHECK(a.duties() == 2'955.67_CAD);

    // A tax whose base takes only duty 0 (the MFN): 5 % x 10,610.00 = 530.50.
    static const auto only_mfn = duty_path<CAD>("MFN")
                                     .with_duty("MFN", "Customs Tariff", 6.1_pct)
                                     .with_tax({"T", "", 5_pct, true, 1u, false})
                                     .with_determined_duty("AD", "SIMA", 2'345.67_CAD);
    const auto b = tariff::assess(only_mfn, duty_base(10'000.00_CAD), half_even<CAD>);
    CHECK(b.line("T").rounded == 530.50_CAD);

    // Errors, each leaving the path as it was.
    CHECK(schedule_path.try_with_determined_duty("AD", "", -1.00_CAD).code() ==
          errc::negative_quantity);
    CHECK(error_of([&] { return schedule_path.with_determined_duty("AD", "", -1.00_CAD); }) ==
          errc::negative_quantity);
    auto full = duty_path<CAD>("full");
    for (int i = 0; i < 8; ++i)
        full = full.with_duty("d", "", 1_pct);
    CHECK(full.try_with_determined_duty("AD", "", 1.00_CAD).code() == errc::invalid_argument);
}

TEST_CASE("the node pool: an ad valorem tax takes no node, an expression tax takes its nodes") {
    // 16 duty nodes (eight components of at_least(a, b): 3 nodes each would be 24;
    // five of 3 and one of 1 make 16).
    auto path = duty_path<CAD>("p");
    for (int i = 0; i < 5; ++i)
        path = path.with_duty("d", "", at_least(1_pct, 0.01_CAD / tariff::kg));
    path = path.with_duty("e", "", 1_pct);
    REQUIRE(path.node_count() == 16);
    // A GST still fits (kept in the tax); the luxury tax's five nodes do not.
    const auto with_gst = path.try_with_tax({"GST", "", 5_pct});
    REQUIRE(with_gst.ok());
    CHECK(with_gst->tax_count() == 1);
    CHECK(with_gst->node_count() == 16);
    const auto with_lux = path.try_with_tax(luxury);
    CHECK(with_lux.code() == errc::invalid_argument);
    CHECK(error_of([&] { return path.with_tax(luxury); }) == errc::invalid_argument);
    CHECK(path.tax_count() == 0);

    // An expression tax is in the pool after the duties; a duty added later follows it.
    const auto p2 = duty_path<CAD>("p2")
                        .with_duty("MFN", "", 6.1_pct)
                        .with_tax(luxury)
                        .with_duty("AD", "", tariff::fixed_amount(1.00_CAD));
    CHECK(p2.node_count() == 1 + 5 + 1);
    CHECK(p2.tax(0).rate == luxury_rate);
    CHECK(p2.tax_expression(0) == luxury_rate);
    CHECK(p2.expression(1) == tariff::fixed_amount(1.00_CAD));
    CHECK_FALSE(p2.tax_is_ad_valorem(0));
    // The tax's own evaluation, on a base of 150,000.00: 10,000.00 (as above).
    CHECK(p2.explain_tax(0, duty_base<CAD>(150'000.00_CAD)).amount == 10'000.00_CAD);
    CHECK(p2.try_explain_tax(0, duty_base<CAD>(150'000.00_CAD))->ceiling_applied);

    // Four taxes at most.
    auto four = duty_path<CAD>("4");
    for (int i = 0; i < 4; ++i)
        four = four.with_tax({"t", "", 1_pct});
    CHECK(four.try_with_tax({"t", "", 1_pct}).code() == errc::invalid_argument);
}

// The existing ad valorem form: tax(i) gives back what was added.
constexpr auto gst_path =
    duty_path<CAD>("p").with_tax({"GST", "Excise Tax Act s.215", 5_pct, true, 3u, true});
static_assert(gst_path.tax(0).rate == duty_expression<CAD>(5_pct));
static_assert(gst_path.tax(0).duties == 3u && gst_path.tax(0).on_earlier_taxes);
static_assert(gst_path.tax_is_ad_valorem(0));
// Sizes (issue 10): a path is no larger than before taxes became expressions.
static_assert(sizeof(duty_path<CAD>) <= 800);
static_assert(sizeof(tariff::assessment<CAD>) < 1024);

} // namespace
