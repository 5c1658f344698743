// tariff::assess: paths, tariff lines, taxes, rounding policies and the breakdown.
//
// Every expected figure is computed by hand in the comment next to it, from the
// source named there; none was obtained by running the code under test.
// "DOMAIN.md" is the project's shared domain notes (tariff facts and sources).
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <tariff/assessment.hpp>
#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::CAD, tariff::CHF, tariff::EUR, tariff::GBP, tariff::USD;
using tariff::component_kind;
using tariff::duty_base;
using tariff::duty_expression;
using tariff::duty_path;
using tariff::errc;
using tariff::money;
using tariff::rounding_policy;
using tariff::rounding_stage;
using tariff::tax_component;
using tariff::to_string;
using tariff_test::error_of;
namespace rounding = tariff::rounding;

// Rounding is explicit (there is no default policy): half even, to the minor
// unit, each line rounded, as most tests here assume.
template <class C>
constexpr rounding_policy<C> half_even{tariff::rounding_mode::half_even};

// The row of a printed breakdown whose component is `name` (rows are indented by two
// spaces and columns separated by at least two), or "" if there is none.
std::string row_of(const std::string& text, std::string_view name) {
    std::istringstream in(text);
    const std::string start = "  " + std::string(name) + "  ";
    for (std::string line; std::getline(in, line);)
        if (line.rfind(start, 0) == 0)
            return line;
    return "";
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// --- the headline case: one Chinese EV into Canada (DOMAIN.md §1) ----------------------

// Customs Tariff 8703.80.00: MFN 6.1 % (CBSA customs notice CN 24-32).
constexpr tariff::tariff_line<CAD> ev_line{
    tariff::hs_code("8703.80.00"), "Electric passenger motor vehicles",
    tariff::unit_info_of<tariff::units::each>, 6.1_pct, "Customs Tariff 8703.80.00"};
// GST: 5 % of the value for duty plus all duties and surtaxes (Excise Tax Act s.215).
constexpr tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};
// "standard": MFN + China surtax of 100 % of the value for duty (SOR/2024-187 s.3) + GST.
// "in quota": MFN + GST (the Jan 2026 arrangement, within the 49,000-vehicle quota).
constexpr auto ev =
    ev_line
        .with_treatment("standard", "CN",
                        ev_line.mfn_path("standard")
                            .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                            .with_tax(gst))
        .with_treatment("in quota", "CN", ev_line.mfn_path("in quota").with_tax(gst));

// One vehicle, value for duty CAD 40,000.00; policy: half_even, to the cent, per line.
constexpr auto one_ev = duty_base(40'000.00_CAD).with(1 * tariff::each);
// Standard: MFN 6.1 % x 40,000.00 = 2,440.00; surtax 100 % x 40,000.00 = 40,000.00;
//   duties 42,440.00; GST 5 % x (40,000.00 + 2,440.00 + 40,000.00 = 82,440.00) = 4,122.00;
//   total 46,562.00
constexpr auto standard = tariff::assess(ev.path("standard"), one_ev, half_even<CAD>);
// In quota: MFN 2,440.00; GST 5 % x 42,440.00 = 2,122.00; total 4,562.00
constexpr auto in_quota = tariff::assess(ev.path("in quota"), one_ev, half_even<CAD>);

static_assert(standard.duties() == 42'440.00_CAD);
static_assert(standard.taxes() == 4'122.00_CAD);
static_assert(standard.total() == 46'562.00_CAD);
static_assert(standard.size() == 3);
static_assert(standard[0].name == "MFN" && standard[0].exact == 2'440.00_CAD);
static_assert(standard[1].name == "China surtax" && standard[1].exact == 40'000.00_CAD);
static_assert(standard[2].name == "GST" && standard[2].base == 82'440.00_CAD);
static_assert(standard[2].rounded == 4'122.00_CAD);
static_assert(in_quota.duties() == 2'440.00_CAD);
static_assert(in_quota.taxes() == 2'122.00_CAD);
static_assert(in_quota.total() == 4'562.00_CAD);
// 46,562.00 - 4,562.00 = 42,000.00: what the standard path costs more.
static_assert(tariff::compare(ev.path("in quota"), ev.path("standard"), one_ev, half_even<CAD>)
                  .difference() == 42'000.00_CAD);

TEST_CASE("a tariff line holds its code, its MFN duty and named treatments", "[assessment][line]") {
    CHECK(ev.code() == tariff::hs_code("8703.80.00"));
    CHECK(ev.description() == "Electric passenger motor vehicles");
    CHECK(ev.unit().symbol == "each");
    CHECK(ev.mfn() == duty_expression<CAD>(6.1_pct));
    REQUIRE(ev.treatment_count() == 2);
    CHECK(ev.treatment_at(0).name == "standard");
    CHECK(ev.treatment_at(0).origin == "CN");
    CHECK(ev.treatment_at(1).name == "in quota");
    // A treatment's path carries the treatment's name; its first duty is the MFN.
    const auto& path = ev.path("standard");
    CHECK(path.name() == "standard");
    REQUIRE(path.duty_count() == 2);
    CHECK(path.duty(0).name == "MFN");
    CHECK(path.duty(0).legal_basis == "Customs Tariff 8703.80.00");
    CHECK(path.duty(1).name == "China surtax");
    REQUIRE(path.tax_count() == 1);
    CHECK(path.tax(0).name == "GST");
}

TEST_CASE("the EV standard path: MFN 6.1 % + surtax 100 % + GST 5 % of value and duties",
          "[assessment][ev]") {
    const auto a = tariff::assess(ev.path("standard"), one_ev, half_even<CAD>);
    CHECK(a.path_name() == "standard");
    CHECK(a.value() == 40'000.00_CAD);
    CHECK(a.value_used() == 40'000.00_CAD);
    REQUIRE(a.size() == 3);

    // MFN: 6.1 % x 40,000.00 = 2,440.00
    CHECK(a[0].kind == component_kind::duty);
    CHECK(a[0].name == "MFN");
    CHECK(a[0].legal_basis == "Customs Tariff 8703.80.00");
    CHECK(a[0].base == 40'000.00_CAD);
    CHECK(a[0].rate == duty_expression<CAD>(6.1_pct));
    CHECK(a[0].exact == 2'440.00_CAD);
    CHECK(a[0].rounded == 2'440.00_CAD);

    // China surtax: 100 % x 40,000.00 = 40,000.00 (SOR/2024-187 s.3), on the same value
    CHECK(a[1].kind == component_kind::duty);
    CHECK(a[1].name == "China surtax");
    CHECK(a[1].legal_basis == "SOR/2024-187 s.3");
    CHECK(a[1].base == 40'000.00_CAD);
    CHECK(a[1].exact == 40'000.00_CAD);
    CHECK(a[1].rounded == 40'000.00_CAD);

    // GST: 5 % x (40,000.00 + 2,440.00 + 40,000.00) = 5 % x 82,440.00 = 4,122.00
    CHECK(a[2].kind == component_kind::tax);
    CHECK(a[2].name == "GST");
    CHECK(a[2].legal_basis == "Excise Tax Act s.215");
    CHECK(a[2].base == 82'440.00_CAD);
    CHECK(a[2].rate == duty_expression<CAD>(5_pct));
    CHECK(a[2].exact == 4'122.00_CAD);
    CHECK(a[2].rounded == 4'122.00_CAD);

    CHECK(a.duties() == 42'440.00_CAD); // 2,440.00 + 40,000.00
    CHECK(a.taxes() == 4'122.00_CAD);
    CHECK(a.total() == 46'562.00_CAD); // 42,440.00 + 4,122.00
    CHECK(a.line("China surtax").exact == 40'000.00_CAD);
}

TEST_CASE("the EV in-quota path: MFN 6.1 % + GST 5 %, and what the quota saves",
          "[assessment][ev]") {
    const auto paths =
        tariff::compare(ev.path("in quota"), ev.path("standard"), one_ev, half_even<CAD>);
    const auto& q = paths.first;
    REQUIRE(q.size() == 2);
    CHECK(q.path_name() == "in quota");
    CHECK(q[0].name == "MFN");
    CHECK(q[0].exact == 2'440.00_CAD); // 6.1 % x 40,000.00
    CHECK(q[1].name == "GST");
    CHECK(q[1].base == 42'440.00_CAD); // 40,000.00 + 2,440.00
    CHECK(q[1].exact == 2'122.00_CAD); // 5 % x 42,440.00
    CHECK(q.duties() == 2'440.00_CAD);
    CHECK(q.taxes() == 2'122.00_CAD);
    CHECK(q.total() == 4'562.00_CAD);
    CHECK(paths.second.total() == 46'562.00_CAD);
    // 46,562.00 - 4,562.00 = 42,000.00
    CHECK(paths.difference() == 42'000.00_CAD);
}

// A value that gives sub-cent duties: CAD 40,123.45, standard path, half_even per line.
//   MFN: 40,123.45 x 0.061 = 2,407.407 (x 0.06) + 40.12345 (x 0.001) = 2,447.53045 -> 2,447.53
//   surtax: 40,123.45 -> 40,123.45
//   GST base (rounded lines): 40,123.45 + 2,447.53 + 40,123.45 = 82,694.43
//   GST: 82,694.43 x 0.05 = 4,134.7215 -> 4,134.72
//   duties 2,447.53 + 40,123.45 = 42,570.98; total 42,570.98 + 4,134.72 = 46,705.70
constexpr auto odd_value =
    tariff::assess(ev.path("standard"), duty_base(40'123.45_CAD), half_even<CAD>);
static_assert(odd_value[0].exact == 2'447.53045_CAD);
static_assert(odd_value.total() == 46'705.70_CAD);

TEST_CASE("each line keeps its exact amount next to the rounded one", "[assessment][rounding]") {
    const auto& a = odd_value;
    CHECK(a[0].exact == 2'447.53045_CAD);
    CHECK(a[0].rounded == 2'447.53_CAD);
    CHECK(a[1].exact == 40'123.45_CAD);
    CHECK(a[1].rounded == 40'123.45_CAD);
    CHECK(a[2].base == 82'694.43_CAD); // the tax base adds the rounded duties
    CHECK(a[2].exact == 4'134.7215_CAD);
    CHECK(a[2].rounded == 4'134.72_CAD);
    CHECK(a.duties() == 42'570.98_CAD);
    CHECK(a.taxes() == 4'134.72_CAD);
    CHECK(a.total() == 46'705.70_CAD);
}

// --- stacked duties and taxes of other countries ------------------------------------------

// US: passenger EVs, HTSUS 8703.80.00, general rate 2.5 %; a Chapter 99 add-on, "the duty
// provided in the applicable subheading + 25%" (DOMAIN.md §2; e.g. Section 301, 9903.88.01).
// Each stacked duty is on the same entered value and is its own line.
constexpr auto us_stacked = duty_path<USD>("CN origin")
                                .with_duty("MFN", "HTSUS 8703.80.00", 2.5_pct)
                                .with_duty("Chapter 99", "HTSUS 9903.88.01", 25_pct);
// USD 10,000.00: 2.5 % = 250.00; 25 % = 2,500.00; duties 2,750.00
constexpr auto us_entry = tariff::assess(us_stacked, duty_base(10'000.00_USD), half_even<USD>);
static_assert(us_entry.duties() == 2'750.00_USD);

TEST_CASE("stacked duties are each a line on the same entered value", "[assessment][stacked]") {
    const auto& a = us_entry;
    REQUIRE(a.size() == 2);
    CHECK(a[0].name == "MFN");
    CHECK(a[0].legal_basis == "HTSUS 8703.80.00");
    CHECK(a[0].base == 10'000.00_USD);
    CHECK(a[0].rounded == 250.00_USD); // 0.025 x 10,000.00
    CHECK(a[1].name == "Chapter 99");
    CHECK(a[1].legal_basis == "HTSUS 9903.88.01");
    CHECK(a[1].base == 10'000.00_USD);   // not 10,250.00: no duty on duty
    CHECK(a[1].rounded == 2'500.00_USD); // 0.25 x 10,000.00
    CHECK(a.duties() == 2'750.00_USD);
    CHECK(a.taxes() == 0.00_USD);
    CHECK(a.total() == 2'750.00_USD);
}

// UK: import VAT 20 % on the customs value plus the duty (DOMAIN.md §4; VATA 1994 s.21).
// UK Global Tariff, cars of 8703: 10 %. GBP 20,000.00:
//   duty 10 % = 2,000.00; VAT 20 % x (20,000.00 + 2,000.00) = 4,400.00; total 6,400.00
constexpr auto uk_path = duty_path<GBP>("UK import")
                             .with_duty("customs duty", "UK Global Tariff 8703", 10_pct)
                             .with_tax({"import VAT", "VATA 1994 s.21", 20_pct});
constexpr auto uk_entry = tariff::assess(uk_path, duty_base(20'000.00_GBP), half_even<GBP>);
static_assert(uk_entry.taxes() == 4'400.00_GBP);

TEST_CASE("UK import VAT is charged on the value plus the duty", "[assessment][tax]") {
    const auto& vat = uk_entry.line("import VAT");
    CHECK(vat.kind == component_kind::tax);
    CHECK(vat.legal_basis == "VATA 1994 s.21");
    CHECK(vat.base == 22'000.00_GBP);   // 20,000.00 + 2,000.00
    CHECK(vat.rounded == 4'400.00_GBP); // 0.20 x 22,000.00
    CHECK(uk_entry.duties() == 2'000.00_GBP);
    CHECK(uk_entry.total() == 6'400.00_GBP);
}

// --- which duties a tax includes, and cascading taxes ------------------------------------

// The EV standard duties (MFN, surtax) with three illustrative taxes of 5 %, on CAD 40,000.00:
//   duties = 0b01, on the value:  5 % x (40,000.00 + 2,440.00) = 5 % x 42,440.00 = 2,122.00
//   duties = 0b10, not on value:  5 % x 40,000.00 (the surtax alone)           = 2,000.00
//   duties = 0,    on the value:  5 % x 40,000.00                              = 2,000.00
constexpr auto masked = ev_line.mfn_path("masked")
                            .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                            .with_tax({.name = "tax on value and MFN",
                                       .legal_basis = "illustrative",
                                       .rate = 5_pct,
                                       .on_value = true,
                                       .duties = 0b01,
                                       .on_earlier_taxes = false})
                            .with_tax({.name = "tax on the surtax",
                                       .legal_basis = "illustrative",
                                       .rate = 5_pct,
                                       .on_value = false,
                                       .duties = 0b10,
                                       .on_earlier_taxes = false})
                            .with_tax({.name = "tax on value",
                                       .legal_basis = "illustrative",
                                       .rate = 5_pct,
                                       .on_value = true,
                                       .duties = 0,
                                       .on_earlier_taxes = false});
constexpr auto masked_entry = tariff::assess(masked, one_ev, half_even<CAD>);
static_assert(masked_entry.line("tax on value and MFN").base == 42'440.00_CAD);
static_assert(masked_entry.line("tax on the surtax").base == 40'000.00_CAD);

TEST_CASE("a tax includes only the duty components its mask names", "[assessment][tax]") {
    const auto& a = masked_entry;
    CHECK(a.line("tax on value and MFN").base == 42'440.00_CAD);
    CHECK(a.line("tax on value and MFN").rounded == 2'122.00_CAD);
    CHECK(a.line("tax on the surtax").base == 40'000.00_CAD);
    CHECK(a.line("tax on the surtax").rounded == 2'000.00_CAD);
    CHECK(a.line("tax on value").base == 40'000.00_CAD);
    CHECK(a.line("tax on value").rounded == 2'000.00_CAD);
    // No tax is on the earlier ones: 2,122.00 + 2,000.00 + 2,000.00 = 6,122.00
    CHECK(a.taxes() == 6'122.00_CAD);
    CHECK(a.duties() == 42'440.00_CAD);
}

// A tax on the value, the duty and an earlier tax (as Quebec's QST was on price plus GST
// before 2013); illustrative rates. CAD 1,000.00, duty 10 %:
//   duty 100.00; first tax 10 % x (1,000.00 + 100.00) = 110.00;
//   cascading tax 5 % x (1,000.00 + 100.00 + 110.00) = 5 % x 1,210.00 = 60.50
//   (not cascading it would be 5 % x 1,100.00 = 55.00); taxes 110.00 + 60.50 = 170.50
constexpr auto cascading = duty_path<CAD>("cascading")
                               .with_duty("duty", "illustrative", 10_pct)
                               .with_tax({"first tax", "illustrative", 10_pct})
                               .with_tax({.name = "tax on tax",
                                          .legal_basis = "illustrative",
                                          .rate = 5_pct,
                                          .on_value = true,
                                          .duties = tax_component<CAD>::all_duties,
                                          .on_earlier_taxes = true});
constexpr auto cascading_entry = tariff::assess(cascading, duty_base(1'000.00_CAD), half_even<CAD>);
static_assert(cascading_entry.line("tax on tax").rounded == 60.50_CAD);

TEST_CASE("a cascading tax includes the taxes listed before it", "[assessment][tax]") {
    const auto& a = cascading_entry;
    CHECK(a.line("first tax").base == 1'100.00_CAD);
    CHECK(a.line("first tax").rounded == 110.00_CAD);
    CHECK(a.line("tax on tax").base == 1'210.00_CAD);
    CHECK(a.line("tax on tax").rounded == 60.50_CAD);
    CHECK(a.taxes() == 170.50_CAD);
    CHECK(a.total() == 270.50_CAD); // 100.00 + 170.50
}

// --- rounding policies -------------------------------------------------------------------

// Where rounding happens changes the total. USD 10,000.13 on the US stacked path:
//   MFN 2.5 %:  10,000.13 x 0.025 = 250 + 0.00325 = 250.00325
//   Ch. 99 25 %: 10,000.13 x 0.25 = 2,500 + 0.0325 = 2,500.0325
//   each_component: 250.00 + 2,500.03 = 2,750.03
//   totals:         250.00325 + 2,500.0325 = 2,750.03575 -> 2,750.04
// (no ties, so half_even and half_up agree)
constexpr rounding_policy<USD> per_line{.mode = tariff::rounding_mode::half_even};
constexpr rounding_policy<USD> on_totals{.mode = tariff::rounding_mode::half_even,
                                         .stage = rounding_stage::totals};
constexpr auto us_per_line = tariff::assess(us_stacked, duty_base(10'000.13_USD), per_line);
constexpr auto us_on_totals = tariff::assess(us_stacked, duty_base(10'000.13_USD), on_totals);
static_assert(us_per_line.duties() == 2'750.03_USD);
static_assert(us_on_totals.duties() == 2'750.04_USD);

TEST_CASE("rounding each component and rounding the totals can differ by a cent",
          "[assessment][rounding]") {
    CHECK(us_per_line[0].rounded == 250.00_USD);
    CHECK(us_per_line[1].rounded == 2'500.03_USD);
    CHECK(us_per_line.duties() == 2'750.03_USD);
    // Rounding only the totals leaves each line exact.
    CHECK(us_on_totals[0].exact == 250.00325_USD);
    CHECK(us_on_totals[0].rounded == 250.00325_USD);
    CHECK(us_on_totals[1].rounded == 2'500.0325_USD);
    CHECK(us_on_totals.duties() == 2'750.04_USD);
    CHECK(us_on_totals.duties() - us_per_line.duties() == 0.01_USD);
}

// 19 CFR 159.3(a): ad valorem rates apply to values in whole dollars, a fraction under
// 50 cents disregarded, 50 cents or more taken as a dollar (half_up to 1.00).
//   USD 1,234.50 -> 1,235.00: MFN 2.5 % = 30.875 -> 30.88 (half_up); Ch. 99 25 % = 308.75;
//                              duties 30.88 + 308.75 = 339.63
//   USD 1,234.49 -> 1,234.00: MFN 30.85; Ch. 99 308.50; duties 339.35
constexpr rounding_policy<USD> whole_dollars{.mode = tariff::rounding_mode::half_up,
                                             .value_granularity = 1.00_USD};
constexpr auto us_half_dollar = tariff::assess(us_stacked, duty_base(1'234.50_USD), whole_dollars);
static_assert(us_half_dollar.value_used() == 1'235.00_USD);
static_assert(us_half_dollar.duties() == 339.63_USD);

TEST_CASE("a value granularity rounds the value before any rate applies (19 CFR 159.3)",
          "[assessment][rounding]") {
    const auto& a = us_half_dollar;
    CHECK(a.value() == 1'234.50_USD); // as declared
    CHECK(a.value_used() == 1'235.00_USD);
    CHECK(a[0].base == 1'235.00_USD);
    CHECK(a[0].exact == 30.875_USD);  // 0.025 x 1,235.00
    CHECK(a[0].rounded == 30.88_USD); // half_up
    CHECK(a[1].exact == 308.75_USD);  // 0.25 x 1,235.00
    CHECK(a.duties() == 339.63_USD);

    const auto below = tariff::assess(us_stacked, duty_base(1'234.49_USD), whole_dollars);
    CHECK(below.value_used() == 1'234.00_USD);
    CHECK(below[0].rounded == 30.85_USD);  // 0.025 x 1,234.00
    CHECK(below[1].rounded == 308.50_USD); // 0.25 x 1,234.00
    CHECK(below.duties() == 339.35_USD);

    // Without a value granularity the value is used as given: 2.5 % x 1,234.50 = 30.8625
    const auto as_given = tariff::assess(us_stacked, duty_base(1'234.50_USD), half_even<USD>);
    CHECK(as_given.value_used() == 1'234.50_USD);
    CHECK(as_given[0].exact == 30.8625_USD);
}

// Rounding to a granularity other than the minor unit: 5 rappen (CHF 0.05), a policy
// choice. Illustrative rates: duty 8 %, then VAT 8.1 % on value and duty. CHF 1,234.55:
//   duty 8 % x 1,234.55 = 98.764; / 0.05 = 1,975.28 -> 1,975 x 0.05 = 98.75
//   VAT base 1,234.55 + 98.75 = 1,333.30; 8.1 % = 106.664 + 1.3333 = 107.9973;
//   / 0.05 = 2,159.946 -> 2,160 x 0.05 = 108.00
//   total 98.75 + 108.00 = 206.75
constexpr auto chf_path = duty_path<CHF>("illustrative")
                              .with_duty("duty", "illustrative", 8_pct)
                              .with_tax({"VAT", "illustrative", 8.1_pct});
constexpr rounding_policy<CHF> five_rappen{.mode = tariff::rounding_mode::half_even,
                                           .granularity = 0.05_CHF};
constexpr auto chf_entry = tariff::assess(chf_path, duty_base(1'234.55_CHF), five_rappen);
static_assert(chf_entry.total() == 206.75_CHF);

TEST_CASE("amounts round to the policy's granularity: 5 rappen", "[assessment][rounding]") {
    CHECK(chf_entry[0].exact == 98.764_CHF);
    CHECK(chf_entry[0].rounded == 98.75_CHF);
    CHECK(chf_entry[1].base == 1'333.30_CHF);
    CHECK(chf_entry[1].exact == 107.9973_CHF);
    CHECK(chf_entry[1].rounded == 108.00_CHF);
    CHECK(chf_entry.total() == 206.75_CHF);
}

TEST_CASE("a rounding granularity of zero is errc::invalid_argument", "[assessment][error]") {
    constexpr rounding_policy<CHF> zero{.mode = tariff::rounding_mode::half_even,
                                        .granularity = 0.00_CHF};
    CHECK(tariff::try_assess(chf_path, duty_base<CHF>(1'234.55_CHF), zero).error() ==
          errc::invalid_argument);
    CHECK(error_of([&] { return tariff::assess(chf_path, duty_base(1'234.55_CHF), zero); }) ==
          errc::invalid_argument);
}

// --- de minimis ----------------------------------------------------------------------------

// A limit relieving duty but not tax: CAD 150.00, the CUSMA courier duty threshold (CBSA;
// a parameter here, not law hard-coded). MFN 6.1 % and GST 5 %:
//   at CAD 150.00 (at the limit): duty relieved, 0.00; GST 5 % x 150.00 = 7.50
//   at CAD 150.01 (above it):     MFN 150.01 x 0.061 = 9.15 + 0.00061 = 9.15061 -> 9.15;
//                                 GST 5 % x (150.01 + 9.15 = 159.16) = 7.958 -> 7.96
constexpr auto courier = duty_path<CAD>("courier")
                             .with_duty("MFN", "Customs Tariff", 6.1_pct)
                             .with_tax(gst)
                             .with_de_minimis({150.00_CAD, true, false});
constexpr auto at_limit = tariff::assess(courier, duty_base(150.00_CAD), half_even<CAD>);
constexpr auto above_limit = tariff::assess(courier, duty_base(150.01_CAD), half_even<CAD>);
static_assert(at_limit.de_minimis_applied() && at_limit.duties() == 0.00_CAD);
static_assert(at_limit.taxes() == 7.50_CAD);
static_assert(!above_limit.de_minimis_applied() && above_limit.duties() == 9.15_CAD);

TEST_CASE("de minimis relieves the duty at or below its limit, not above", "[assessment][relief]") {
    CHECK(at_limit.de_minimis_applied());
    CHECK(at_limit[0].relieved);
    CHECK(at_limit[0].exact == 0.00_CAD);
    CHECK(at_limit[0].rounded == 0.00_CAD);
    CHECK(at_limit.duties() == 0.00_CAD);
    // The tax is not relieved: 5 % x 150.00
    CHECK_FALSE(at_limit[1].relieved);
    CHECK(at_limit[1].base == 150.00_CAD);
    CHECK(at_limit[1].rounded == 7.50_CAD);
    CHECK(at_limit.total() == 7.50_CAD);

    CHECK_FALSE(above_limit.de_minimis_applied());
    CHECK_FALSE(above_limit[0].relieved);
    CHECK(above_limit[0].exact == 9.15061_CAD);
    CHECK(above_limit[0].rounded == 9.15_CAD);
    CHECK(above_limit[1].base == 159.16_CAD);
    CHECK(above_limit[1].rounded == 7.96_CAD);
    CHECK(above_limit.total() == 17.11_CAD); // 9.15 + 7.96
}

TEST_CASE("de minimis may relieve the tax as well", "[assessment][relief]") {
    // CAD 40.00 relieving both (illustrative): at CAD 40.00 nothing is due.
    const auto both = duty_path<CAD>("courier, tax too")
                          .with_duty("MFN", "Customs Tariff", 6.1_pct)
                          .with_tax(gst)
                          .with_de_minimis({40.00_CAD, true, true});
    const auto a = tariff::assess(both, duty_base(40.00_CAD), half_even<CAD>);
    CHECK(a.de_minimis_applied());
    CHECK(a[0].relieved);
    CHECK(a[1].relieved);
    CHECK(a[1].rounded == 0.00_CAD);
    CHECK(a.total() == 0.00_CAD);
    // At CAD 40.01: MFN 40.01 x 0.061 = 2.44061 -> 2.44; GST 5 % x 42.45 = 2.1225 -> 2.12
    const auto b = tariff::assess(both, duty_base(40.01_CAD), half_even<CAD>);
    CHECK_FALSE(b[1].relieved);
    CHECK(b.total() == 4.56_CAD); // 2.44 + 2.12
    // A negative limit is no limit.
    CHECK(error_of([] {
              return duty_path<CAD>("x").with_de_minimis({-1.00_CAD, true, false});
          }) == errc::negative_quantity);
}

// --- measures of incidence ----------------------------------------------------------------

// The cheese floor (Customs Tariff 0406.40.20, DOMAIN.md §2), 1,000 kg at CAD 1,500.00:
// duty max(3,682.50, 5,330.00) = 5,330.00.
constexpr auto cheese = at_least(245.5_pct, 5.33_CAD / tariff::kg);
constexpr auto cheese_path =
    duty_path<CAD>("over access").with_duty("customs duty", "Customs Tariff 0406.40.20", cheese);
constexpr auto cheap_cheese =
    tariff::assess(cheese_path, duty_base(1'500.00_CAD).with(1'000_kg), half_even<CAD>);

// Effective rate = duties / value:
//   EV standard: 42,440.00 / 40,000.00 = 1.061 = 106.1 %; in quota 2,440.00 / 40,000.00 = 6.1 %
//   cheese: 5,330.00 / 1,500.00 = 3.55333... = 355.33 % (2 places, half_even), 355.3 % (1)
static_assert(tariff::effective_rate(standard, 2, rounding::half_even) == 106.1_pct);
static_assert(tariff::effective_rate(cheap_cheese, 2, rounding::half_even) == 355.33_pct);

TEST_CASE("the effective rate is the duties over the value used", "[assessment][incidence]") {
    CHECK(tariff::effective_rate(standard, 2, rounding::half_even) == 106.1_pct);
    CHECK(tariff::effective_rate(in_quota, 2, rounding::half_even) == 6.1_pct);
    CHECK(cheap_cheese.line("customs duty").floor_applied);
    CHECK(tariff::effective_rate(cheap_cheese, 2, rounding::half_even) == 355.33_pct);
    CHECK(tariff::effective_rate(cheap_cheese, 1, rounding::half_even) == 355.3_pct);
    // 355.333... at 2 places by ceiling: 355.34
    CHECK(tariff::effective_rate(cheap_cheese, 2, rounding::ceiling) == 355.34_pct);
    // A zero value has no effective rate: 5.33 x 1 kg of duty on CAD 0.00.
    const auto free_sample =
        tariff::assess(cheese_path, duty_base(0.00_CAD).with(1_kg), half_even<CAD>);
    CHECK(free_sample.duties() == 5.33_CAD);
    CHECK(error_of([&] { return tariff::effective_rate(free_sample, 2, rounding::half_even); }) ==
          errc::division_by_zero);
}

// Ad valorem equivalent (duty on one unit / value of one unit):
//   cheese at CAD 1.50/kg: max(3.6825, 5.33) / 1.50 = 3.55333... = 355.33 % (half_even)
//   cheese at CAD 6.00/kg: max(14.73, 5.33) / 6.00 = 2.455 = 245.5 %
//   6.1 % at any unit value: 6.1 %
//   EUR 22.00 / 100 kg at EUR 1.10/kg: 0.22 / 1.10 = 0.2 = 20 %
static_assert(tariff::ad_valorem_equivalent(cheese, 1.50_CAD / tariff::kg, 2,
                                            rounding::half_even) == 355.33_pct);
static_assert(tariff::ad_valorem_equivalent(duty_expression<CAD, 0>(6.1_pct), 2.00_CAD / tariff::kg,
                                            2, rounding::half_even) == 6.1_pct);

TEST_CASE("the ad valorem equivalent is the duty on one unit over its value",
          "[assessment][incidence]") {
    CHECK(tariff::ad_valorem_equivalent(cheese, 1.50_CAD / tariff::kg, 2, rounding::half_even) ==
          355.33_pct);
    CHECK(tariff::ad_valorem_equivalent(cheese, 6.00_CAD / tariff::kg, 2, rounding::half_even) ==
          245.5_pct);
    // A pure ad valorem duty is its own equivalent, whatever the unit value.
    const duty_expression<CAD, 0> mfn = 6.1_pct;
    CHECK(tariff::ad_valorem_equivalent(mfn, 2.00_CAD / tariff::kg, 2, rounding::half_even) ==
          6.1_pct);
    CHECK(tariff::ad_valorem_equivalent(mfn, 37.00_CAD / tariff::each, 2, rounding::half_even) ==
          6.1_pct);
    // A rate per 100 kg at a value per kg: 22.00 / 100 = 0.22 per kg; 0.22 / 1.10 = 20 %
    const auto per_100_kg = duty_expression<EUR, tariff::mass::bit>(22.00_EUR / tariff::hundred_kg);
    CHECK(tariff::ad_valorem_equivalent(per_100_kg, 1.10_EUR / tariff::kg, 2,
                                        rounding::half_even) == 20_pct);
}

// --- errors ---------------------------------------------------------------------------------

static_assert(tariff::try_assess(cheese_path, duty_base<CAD>(1'500.00_CAD), half_even<CAD>)
                  .error() == errc::missing_quantity);

TEST_CASE("assessing an entry without a quantity its duty needs is errc::missing_quantity",
          "[assessment][error]") {
    // The cheese floor needs kg; the entry declares none.
    const auto checked =
        tariff::try_assess(cheese_path, duty_base<CAD>(1'500.00_CAD), half_even<CAD>);
    CHECK_FALSE(checked.ok());
    CHECK(checked.error() == errc::missing_quantity);
    CHECK_THROWS_AS(tariff::assess(cheese_path, duty_base(1'500.00_CAD), half_even<CAD>),
                    tariff::domain_error);
    CHECK(error_of([] {
              return tariff::assess(cheese_path, duty_base(1'500.00_CAD), half_even<CAD>);
          }) == errc::missing_quantity);
    // With the mass it assesses: 5,330.00 (above).
    const duty_base<CAD> with_mass = duty_base(1'500.00_CAD).with(1'000_kg);
    CHECK(tariff::try_assess(cheese_path, with_mass, half_even<CAD>).value().duties() ==
          5'330.00_CAD);
}

// try_assess() is "the non-throwing form of assess()", which takes a base whose
// quantities are known at compile time. try_assess() took only a base checked at run
// time, and could not deduce its currency from duty_base(value).with(q).
TEST_CASE("regression: try_assess takes the same bases as assess", "[assessment][regression]") {
    const auto r =
        tariff::try_assess(cheese_path, duty_base(1'500.00_CAD).with(1'000_kg), half_even<CAD>);
    REQUIRE(r.ok());
    CHECK(r.value().duties() == 5'330.00_CAD); // max(3,682.50, 5.33 x 1,000)
    CHECK(tariff::try_assess(cheese_path, duty_base(1'500.00_CAD), half_even<CAD>).error() ==
          errc::missing_quantity);
    STATIC_REQUIRE(
        tariff::try_assess(ev.path("standard"), one_ev, half_even<CAD>).value().total() ==
        46'562.00_CAD);
}

TEST_CASE("an unknown treatment or line name is errc::invalid_argument", "[assessment][error]") {
    CHECK(error_of([] { return ev.path("preferential"); }) == errc::invalid_argument);
    CHECK_THROWS_AS(ev.path("Standard"), tariff::domain_error); // names are exact
    CHECK(error_of([] { return standard.line("PST"); }) == errc::invalid_argument);
}

TEST_CASE("a path holds at most 8 duties and 4 taxes, a line 6 treatments", "[assessment][error]") {
    auto path = duty_path<CAD>("full");
    for (std::size_t i = 0; i < duty_path<CAD>::max_duties; ++i)
        path = path.with_duty("duty", "illustrative", 1_pct);
    CHECK(path.duty_count() == 8u);
    CHECK(error_of([&] { return path.with_duty("one more", "illustrative", 1_pct); }) ==
          errc::invalid_argument);
    for (std::size_t i = 0; i < duty_path<CAD>::max_taxes; ++i)
        path = path.with_tax(gst);
    CHECK(path.tax_count() == 4u);
    CHECK(error_of([&] { return path.with_tax(gst); }) == errc::invalid_argument);

    auto line = ev_line;
    for (std::size_t i = 0; i < tariff::tariff_line<CAD>::max_treatments; ++i)
        line = line.with_treatment("t", "", ev_line.mfn_path("t"));
    CHECK(error_of([&] { return line.with_treatment("t", "", ev_line.mfn_path("t")); }) ==
          errc::invalid_argument);

    // A line that says it holds two holds two.
    const tariff::tariff_line<CAD, 2> two{tariff::hs_code("8703.80.00"), "EV",
                                          tariff::unit_info_of<tariff::units::each>, 6.1_pct,
                                          "Customs Tariff 8703.80.00"};
    const auto full =
        two.with_treatment("a", "", two.mfn_path("a")).with_treatment("b", "", two.mfn_path("b"));
    CHECK(full.treatment_count() == 2u);
    CHECK(error_of([&] { return full.with_treatment("c", "", two.mfn_path("c")); }) ==
          errc::invalid_argument);
}

TEST_CASE("a path's components share a pool of 16 nodes; one more is rejected, changing nothing",
          "[assessment][error][pool]") {
    // at_least(at_most(a + b, c), d): 7 nodes; twice is 14, a third compound does not fit.
    const auto compound = at_least(at_most(9.1_pct + 45.10_EUR / tariff::hundred_kg, 18.9_pct),
                                   1.00_EUR / tariff::kg);
    static_assert(decltype(compound)::capacity == 7);
    const auto path =
        duty_path<EUR>("pool").with_duty("a", "", compound).with_duty("b", "", compound);
    CHECK(path.node_count() == 14u);
    CHECK(error_of([&] { return path.with_duty("c", "", compound); }) == errc::invalid_argument);
    CHECK(path.duty_count() == 2u); // the const& form leaves the path as it was
    CHECK(path.node_count() == 14u);
    // Two one-node duties fill it to 16; a third is the 17th node.
    const auto filled = path.with_duty("d", "", 1_pct).with_duty("e", "", 2.00_EUR / tariff::kg);
    CHECK(filled.node_count() == 16u);
    CHECK(filled.duty_count() == 4u);
    CHECK(error_of([&] { return filled.with_duty("f", "", 1_pct); }) == errc::invalid_argument);
    // Each component reads back as what was added (units shared in the pool, kept per expression).
    CHECK(filled.expression(0) == duty_expression<EUR>(compound));
    CHECK(filled.expression(1) == duty_expression<EUR>(compound));
    CHECK(filled.expression(3) == duty_expression<EUR>(2.00_EUR / tariff::kg));
    CHECK(filled.expression(3).unit_count() == 1u);
    CHECK(&filled.expression(3).unit(0) == &tariff::unit_info_of<tariff::units::kilogram>);
    CHECK(filled.duty(1).name == "b");
    CHECK(filled.duty(1).duty == duty_expression<EUR>(compound));

    // 5,000.00 EUR, 1,000 kg (by hand): 9.1 % = 455.00, + 45.10 x 10 = 451.00 -> 906.00;
    // at most 18.9 % = 945.00 -> 906.00; at least 1.00 x 1,000 = 1,000.00 -> 1,000.00 (floor).
    // Component 3: 2.00 x 1,000 = 2,000.00.
    const auto base = duty_base(5'000.00_EUR).with(1'000 * tariff::kg);
    const auto e = filled.try_explain(0, duty_base<EUR>(base));
    REQUIRE(e.ok());
    CHECK(e->amount == 1'000.00_EUR);
    CHECK(e->floor_applied);
    CHECK(filled.try_explain(3, duty_base<EUR>(base))->amount == 2'000.00_EUR);
    const auto a = tariff::assess(filled, base, half_even<EUR>);
    CHECK(a.duties() == 1'000.00_EUR + 1'000.00_EUR + 50.00_EUR + 2'000.00_EUR);
    CHECK(a[0].rate == duty_expression<EUR>(compound));
    CHECK(a[3].rate == duty_expression<EUR>(2.00_EUR / tariff::kg));
}

// --- the printed breakdown ------------------------------------------------------------------

TEST_CASE("the breakdown shows each line's name, legal basis, base, rate and amounts",
          "[assessment][io]") {
    const std::string text = to_string(standard);
    CHECK(contains(text, "Assessment: standard"));
    CHECK(contains(text, "Value for duty: CAD 40,000.00; 1 each"));

    const std::string mfn = row_of(text, "MFN");
    CHECK(contains(mfn, "Customs Tariff 8703.80.00"));
    CHECK(contains(mfn, "CAD 40,000.00"));
    CHECK(contains(mfn, "6.1 %"));
    CHECK(contains(mfn, "CAD 2,440.00"));

    const std::string surtax = row_of(text, "China surtax");
    CHECK(contains(surtax, "SOR/2024-187 s.3"));
    CHECK(contains(surtax, "100 %"));
    CHECK(contains(surtax, "CAD 40,000.00"));

    const std::string tax = row_of(text, "GST");
    CHECK(contains(tax, "Excise Tax Act s.215"));
    CHECK(contains(tax, "CAD 82,440.00"));
    CHECK(contains(tax, "5 %"));
    CHECK(contains(tax, "CAD 4,122.00"));

    CHECK(contains(text, "Duties CAD 42,440.00; taxes CAD 4,122.00; total CAD 46,562.00"));
    std::ostringstream os;
    os << standard;
    CHECK(os.str() == text);
}

TEST_CASE("the breakdown shows exact and rounded amounts, the policy and its notes",
          "[assessment][io]") {
    // Rounded 2,447.53 on the MFN row; where rounding changed the amount, the
    // exact 2,447.53045 on the line under it.
    const std::string full = to_string(odd_value);
    const std::string odd = row_of(full, "MFN");
    CHECK(contains(odd, "CAD 2,447.53"));
    const auto row_at = full.find(odd);
    REQUIRE(row_at != std::string::npos);
    const auto next = full.find('\n', row_at) + 1;
    CHECK(full.substr(next, full.find('\n', next) - next) == "      exact: CAD 2,447.53045");
    CHECK(contains(to_string(odd_value), "Rounding: half_even to CAD 0.01, each component"));

    // The value rounded to whole dollars first, shown as used.
    const std::string us = to_string(us_half_dollar);
    CHECK(contains(us, "Value for duty: USD 1,234.50 (used as USD 1,235.00)"));
    CHECK(contains(us, "half_up"));
    CHECK(contains(us, "value first rounded to USD 1.00"));
    CHECK(contains(to_string(us_on_totals), "totals only"));

    // The floor and de minimis are explained on their rows.
    const std::string floor_row = row_of(to_string(cheap_cheese), "customs duty");
    CHECK(contains(floor_row, "245.5 % MIN CAD 5.33 / kg"));
    CHECK(contains(floor_row, "CAD 5,330.00"));
    CHECK(contains(floor_row, "minimum applies"));
    CHECK(contains(row_of(to_string(at_limit), "MFN"), "de minimis: relieved"));
    CHECK_FALSE(contains(row_of(to_string(at_limit), "GST"), "de minimis"));
}

} // namespace

// A duty, tax, relief or treatment in another currency than the path's or
// the line's, and an index or decimal places that are not a whole number:
// named mistakes, never callable, so these answer false
// (tests/compile_fail/batch/parameters.cpp checks the first error line).
// Each has its positive control.
namespace other_currency {
using tariff::duty_path, tariff::duty_expression, tariff::tax_component, tariff::de_minimis;
template <class D>
concept joins_cad_path = requires(duty_path<CAD> p, D d) {
    p.with_duty("", "", d);
};
static_assert(joins_cad_path<duty_expression<CAD>> && joins_cad_path<tariff::ad_valorem>);
static_assert(joins_cad_path<tariff::specific_rate<CAD, tariff::units::kilogram>>);
static_assert(!joins_cad_path<duty_expression<GBP>>);
static_assert(!joins_cad_path<tariff::specific_rate<USD, tariff::units::kilogram>>);
template <class T>
concept taxes_cad_path = requires(duty_path<CAD> p, T t) {
    p.with_tax(t);
};
static_assert(taxes_cad_path<tax_component<CAD>> && !taxes_cad_path<tax_component<GBP>>);
template <class R>
concept relieves_cad_path = requires(duty_path<CAD> p, R r) {
    p.with_de_minimis(r);
};
static_assert(relieves_cad_path<de_minimis<CAD>> && !relieves_cad_path<de_minimis<USD>>);
template <class P>
concept treats_cad_line = requires(tariff::tariff_line<CAD> l, P p) {
    l.with_treatment("", "", p);
};
static_assert(treats_cad_line<duty_path<CAD>> && !treats_cad_line<duty_path<GBP>>);

template <class N>
concept indexes = requires(duty_path<CAD> p, tariff::assessment<CAD> a, N n) {
    p.duty(n);
    p.tax(n);
    a[n];
    tariff::effective_rate(a, n, tariff::rounding::half_even);
};
static_assert(indexes<std::size_t> && indexes<int>);
static_assert(!indexes<double> && !indexes<char> && !indexes<bool>);
} // namespace other_currency

// --- issue 10: compact values, assessments that refer to their path -----------------------

namespace compact {

// What the values weigh. A node is 16 bytes; a run-time expression holds 9 of them and
// one unit pointer per possible rate (5): 144 + 40 + 8 = 192. An assessment keeps, per
// line, three money amounts, the component's index and three flags (56 bytes), for at
// most 12 lines, plus the base (value and six quantities), the policy and the totals:
// under 1 KB (it held a copy of every expression: 7,272 bytes).
static_assert(sizeof(tariff::duty_node) == 16);
static_assert(sizeof(duty_expression<CAD>) <= 192);
static_assert(sizeof(tariff::assessment<CAD>) < 1024);
static_assert(sizeof(tariff::path_comparison<CAD>) < 2048);
static_assert(sizeof(tariff::quota_assessment<CAD>) < 2048);
// A path keeps its components' nodes in one pool of 16 (256 bytes) with a unit table of
// (16 + 8) / 2 = 12 pointers (96), names and legal bases as pointer and 32-bit length (8 x 24
// = 192), 4 packed taxes (4 x 48 = 192), its name (16), the relief (24) and the components'
// ranges and counts (21): 797, 800 aligned (8 whole expressions made it 2,112 bytes).
static_assert(sizeof(duty_path<CAD>) <= 800);
// A line: per treatment a path and two names (832), plus its code, description, unit, MFN
// expression (192) and counts. The EV line of examples/ev_paths.cpp holds its two
// treatments: 2 x 832 + 264 = 1,928 bytes, under 2 KB (it was 13,128); a line of the
// default six, 6 x 832 + 264 = 5,256.
static_assert(sizeof(tariff::tariff_line<CAD, 2>) < 2048);
static_assert(sizeof(tariff::tariff_line<CAD>) <= 6 * 832 + 264);
static_assert(tariff::tariff_line<CAD, 2>::max_treatments == 2);

// The EV figures by hand (DOMAIN.md §1), value CAD 40,000.00, half even per line:
//   standard: MFN 6.1 % x 40,000.00 = 2,440.00; surtax 100 % = 40,000.00;
//             GST 5 % x (40,000.00 + 2,440.00 + 40,000.00 = 82,440.00) = 4,122.00
//   in quota: MFN 2,440.00; GST 5 % x 42,440.00 = 2,122.00
constexpr tariff::assessment<CAD> standard_in_place = [] {
    tariff::assessment<CAD> a;
    tariff::assess_into(a, ev.path("standard"), one_ev, half_even<CAD>);
    return a;
}();
static_assert(standard_in_place.total() == 46'562.00_CAD);
static_assert(standard_in_place[2].base == 82'440.00_CAD);
static_assert(standard_in_place.line("China surtax").rounded == 40'000.00_CAD);

TEST_CASE("assess_into fills an assessment in place, equal to assess(), line by line",
          "[assessment][in_place]") {
    const auto& path = ev.path("standard");
    const auto copied = tariff::assess(path, one_ev, half_even<CAD>);
    tariff::assessment<CAD> a;
    const auto r = tariff::try_assess_into(a, path, one_ev, half_even<CAD>);
    REQUIRE(r.ok());
    CHECK(r.value() == std::size_t{3});
    const money<CAD> exact[] = {2'440.00_CAD, 40'000.00_CAD, 4'122.00_CAD};
    const money<CAD> bases[] = {40'000.00_CAD, 40'000.00_CAD, 82'440.00_CAD};
    REQUIRE(a.size() == copied.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].name == copied[i].name);
        CHECK(a[i].legal_basis == copied[i].legal_basis);
        CHECK(a[i].kind == copied[i].kind);
        CHECK(a[i].exact == exact[i]);
        CHECK(a[i].rounded == exact[i]);
        CHECK(a[i].base == bases[i]);
        CHECK(copied[i].exact == exact[i]);
        CHECK(copied[i].base == bases[i]);
    }
    CHECK(a.duties() == 42'440.00_CAD);
    CHECK(a.taxes() == 4'122.00_CAD);
    CHECK(a.total() == copied.total());
    CHECK(to_string(a) == to_string(copied));

    // The same assessment, reused for a path with fewer lines: nothing of the first is left.
    tariff::assess_into(a, ev.path("in quota"), one_ev, half_even<CAD>);
    CHECK(a.size() == std::size_t{2});
    CHECK(a.path_name() == "in quota");
    CHECK(a[1].name == "GST");
    CHECK(a[1].base == 42'440.00_CAD);
    CHECK(a.total() == 4'562.00_CAD);
    // ... and for a relieved entry, then one that is not (the flags are reset):
    // CAD 150.00 at the courier limit: duty relieved, GST 7.50; CAD 150.01: MFN 9.15, GST 7.96
    tariff::assess_into(a, courier, duty_base(150.00_CAD), half_even<CAD>);
    CHECK(a.de_minimis_applied());
    CHECK(a[0].relieved);
    tariff::assess_into(a, courier, duty_base(150.01_CAD), half_even<CAD>);
    CHECK_FALSE(a.de_minimis_applied());
    CHECK_FALSE(a[0].relieved);
    CHECK(a[0].rounded == 9.15_CAD);
    CHECK(a[1].rounded == 7.96_CAD);
}

TEST_CASE("try_assess_into reports the error and leaves an empty assessment, never a partial one",
          "[assessment][in_place][error]") {
    tariff::assessment<CAD> a;
    tariff::assess_into(a, ev.path("standard"), one_ev, half_even<CAD>);
    REQUIRE(a.size() == std::size_t{3});
    // The cheese floor needs a mass; the entry declares none.
    const auto r =
        tariff::try_assess_into(a, cheese_path, duty_base<CAD>(1'500.00_CAD), half_even<CAD>);
    CHECK(r.error() == errc::missing_quantity);
    CHECK(a.size() == std::size_t{0});
    CHECK(a.path_name().empty());
    CHECK(a.total() == 0.00_CAD);
    const duty_base<CAD> no_mass(1.00_CAD);
    STATIC_REQUIRE(noexcept(tariff::try_assess_into(a, cheese_path, no_mass, half_even<CAD>)));
    CHECK(error_of([&] {
              tariff::assess_into(a, cheese_path, duty_base<CAD>(1'500.00_CAD), half_even<CAD>);
              return 0;
          }) == errc::missing_quantity);
}

TEST_CASE("an assessment refers to its path: names, legal bases and rates are the path's own",
          "[assessment][lifetime]") {
    const auto& path = ev.path("standard");
    const auto a = tariff::assess(path, one_ev, half_even<CAD>);
    CHECK(&a.path() == &path);
    // The line's text is the path's (the same characters, not a copy).
    CHECK(a[0].name.data() == path.duty(0).name.data());
    CHECK(a[1].legal_basis.data() == path.duty(1).legal_basis.data());
    CHECK(a[2].name.data() == path.tax(0).name.data());
    // A duty line's rate is the path's expression; a tax line's, the tax's rate.
    CHECK(a[0].rate == path.duty(0).duty);
    CHECK(a[0].rate == duty_expression<CAD>(6.1_pct));
    CHECK_FALSE(a[0].rate.is_tax());
    CHECK(a[2].rate.is_tax());
    CHECK(a[2].rate.tax_rate() == 5_pct);
    CHECK(a[2].rate == duty_expression<CAD>(5_pct));
    CHECK(a[1].component == std::size_t{1});
    CHECK(a[2].component == std::size_t{0});
    // Iterating gives the same lines as indexing.
    std::size_t i = 0;
    for (const auto& line : a) {
        CHECK(line.name == a[i].name);
        CHECK(line.rounded == a[i].rounded);
        ++i;
    }
    CHECK(i == a.size());
}

// A temporary path cannot be assessed (the assessment would outlive it); a named one can.
template <class P>
concept assessable = requires(P&& p, tariff::assessment<CAD>& out) {
    tariff::assess(static_cast<P&&>(p), one_ev, half_even<CAD>);
    tariff::try_assess(static_cast<P&&>(p), one_ev, half_even<CAD>);
    tariff::assess_into(out, static_cast<P&&>(p), one_ev, half_even<CAD>);
    tariff::try_assess_into(out, static_cast<P&&>(p), one_ev, half_even<CAD>);
};
static_assert(assessable<const duty_path<CAD>&> && assessable<duty_path<CAD>&>);
static_assert(!assessable<duty_path<CAD>> && !assessable<const duty_path<CAD>>);

// The builders on a temporary change it and hand it on (no copy); on a named path they
// leave it as it was and return a new one.
static_assert(
    std::is_same_v<decltype(duty_path<CAD>("x").with_duty("d", "", 1_pct)), duty_path<CAD>&&>);
static_assert(std::is_same_v<decltype(duty_path<CAD>("x").with_tax(gst)), duty_path<CAD>&&>);
static_assert(std::is_same_v<decltype(duty_path<CAD>("x").with_de_minimis({1.00_CAD, true, false})),
                             duty_path<CAD>&&>);
static_assert(std::is_same_v<decltype(duty_path<CAD>("x").renamed("y")), duty_path<CAD>&&>);
static_assert(std::is_same_v<decltype(std::declval<tariff::tariff_line<CAD>>().with_treatment(
                                 "t", "", std::declval<const duty_path<CAD>&>())),
                             tariff::tariff_line<CAD>&&>);
static_assert(std::is_same_v<decltype(ev_line.with_treatment("t", "", ev.path("standard"))),
                             tariff::tariff_line<CAD>>);

TEST_CASE("builders on a temporary build in place; on a named path they copy",
          "[assessment][builders]") {
    const auto chained = duty_path<CAD>("chain")
                             .with_duty("MFN", "Customs Tariff", 6.1_pct)
                             .with_tax(gst)
                             .with_de_minimis({150.00_CAD, true, false})
                             .renamed("courier");
    const auto& named = courier;
    CHECK(chained.name() == "courier");
    CHECK(chained.duty_count() == named.duty_count());
    CHECK(chained.duty(0).duty == named.duty(0).duty);
    CHECK(chained.tax_count() == std::size_t{1});
    CHECK(chained.has_de_minimis());
    CHECK(chained.relief().limit == 150.00_CAD);
    // The same figures as the path built from a named start (CAD 150.01: 9.15 + 7.96).
    CHECK(tariff::assess(chained, duty_base(150.01_CAD), half_even<CAD>).total() == 17.11_CAD);

    const duty_path<CAD> start("start");
    const auto longer = start.with_duty("MFN", "", 6.1_pct);
    CHECK(start.duty_count() == std::size_t{0}); // unchanged
    CHECK(longer.duty_count() == std::size_t{1});

    // A line built in a chain renames each treatment's path.
    auto line = tariff::tariff_line<CAD>(ev_line)
                    .with_treatment("a", "CN", ev.path("standard"))
                    .with_treatment("b", "", ev.path("in quota"));
    CHECK(line.treatment_count() == std::size_t{2});
    CHECK(line.path("a").name() == "a");
    CHECK(line.path("b").duty_count() == std::size_t{1});
    CHECK(ev_line.treatment_count() == std::size_t{0});
}

} // namespace compact
