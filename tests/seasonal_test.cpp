// Seasonal rates and Meursing placeholders (issue 11 items 3 and 4), spot-checked
// by hand on texts quoted verbatim from ../shared/schedules (eu-cet-2020.cet.jsonl:
// EU Common External Tariff 2020; uk-ukgt-2021.ukgt.jsonl: UK Global Tariff 2021).
// Each text is compared with a value typed from literals, its canonical text must
// parse back equal, and the duty on a base on given dates is computed by hand in
// the comments (never by running the code under test).
#include <string>
#include <string_view>

#include <tariff/io.hpp>
#include <tariff/schedule_io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::date;
using tariff::duty_base;
using tariff::duty_placeholder;
using tariff::errc;
using tariff::EUR;
using tariff::GBP;
using tariff::month_day;
using tariff::season;

template <class C>
using seasonal = tariff::seasonal_duty<C>;

constexpr season s(int m1, int d1, int m2, int d2) {
    return season{month_day(m1, d1), month_day(m2, d2)};
}

// `text` parses to `expected` and its canonical text parses back to it.
template <class C>
void seasonal_spot(std::string_view text, const seasonal<C>& expected) {
    INFO(text);
    const auto parsed = tariff::try_parse_seasonal_duty<C>(text);
    REQUIRE(parsed.ok());
    CHECK(*parsed == expected);
    const std::string canonical = tariff::to_string(*parsed);
    INFO(canonical);
    const auto again = tariff::try_parse_seasonal_duty<C>(canonical);
    REQUIRE(again.ok());
    CHECK(*again == expected);
}

// The duty of a seasonal cell on an entry of value 1,000.00 dated d.
template <class C>
tariff::money<C> duty_on(const seasonal<C>& sd, const date& d) {
    return sd.at(d)(duty_base(tariff::money<C>(1000)));
}

// The typed form of a constexpr seasonal duty, checked at compile time.
constexpr auto eu_0709 = seasonal<EUR>()
                             .with(8.50_pct, {s(1, 1, 5, 31), s(11, 1, 12, 31)})
                             .with(12.00_pct, {s(6, 1, 10, 31)});
static_assert(eu_0709.at(date(2020, 6, 1)) == tariff::duty_expression<EUR>(12.00_pct));
static_assert(eu_0709.at(date(2020, 5, 31))(duty_base(1'000.00_EUR)) == 85.00_EUR);
static_assert(eu_0709.covers_the_year());

TEST_CASE("seasonal cells of the EU CET 2020 and the UK Global Tariff 2021", "[seasonal]") {
    // eu-cet-2020.cet.jsonl (8 lines). Value 1,000.00: 8.5 % = 85.00, 12 % = 120.00.
    seasonal_spot<EUR>("8.50% (01 JAN-31 MAY, 1 NOV-31 DEC), 12.00% (01 JUN-31 OCT)", eu_0709);
    CHECK(duty_on(eu_0709, date(2020, 5, 31)) == 85.00_EUR);
    CHECK(duty_on(eu_0709, date(2020, 6, 1)) == 120.00_EUR);
    CHECK(duty_on(eu_0709, date(2020, 10, 31)) == 120.00_EUR);
    CHECK(duty_on(eu_0709, date(2020, 11, 1)) == 85.00_EUR);

    // eu-cet-2020.cet.jsonl (4 lines): 15 % = 150.00, 0 % = 0.00.
    const auto cut_flowers = seasonal<EUR>()
                                 .with(15.00_pct, {s(1, 1, 2, 14), s(6, 16, 12, 31)})
                                 .with(0.00_pct, {s(2, 15, 6, 15)});
    seasonal_spot<EUR>("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", cut_flowers);
    CHECK(duty_on(cut_flowers, date(2020, 2, 14)) == 150.00_EUR);
    CHECK(duty_on(cut_flowers, date(2020, 2, 15)) == 0.00_EUR);
    CHECK(duty_on(cut_flowers, date(2020, 6, 16)) == 150.00_EUR);

    // eu-cet-2020.cet.jsonl (2 lines): 13 % = 130.00.
    const auto thirteen = seasonal<EUR>()
                              .with(13.00_pct, {s(1, 1, 2, 14), s(6, 16, 12, 31)})
                              .with(0.00_pct, {s(2, 15, 6, 15)});
    seasonal_spot<EUR>("13.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", thirteen);
    CHECK(duty_on(thirteen, date(2021, 6, 15)) == 0.00_EUR);
    CHECK(duty_on(thirteen, date(2021, 12, 31)) == 130.00_EUR);

    // eu-cet-2020.cet.jsonl (1 line): 1.5 % = 15.00, 2.4 % = 24.00.
    const auto low = seasonal<EUR>()
                         .with(1.50_pct, {s(1, 1, 4, 30), s(11, 1, 12, 31)})
                         .with(2.40_pct, {s(5, 1, 10, 31)});
    seasonal_spot<EUR>("1.50% (01 JAN-30 APR, 01 NOV-31 DEC), 2.40% (01 MAY-31 OCT)", low);
    CHECK(duty_on(low, date(2020, 4, 30)) == 15.00_EUR);
    CHECK(duty_on(low, date(2020, 5, 1)) == 24.00_EUR);

    // eu-cet-2020.cet.jsonl (1 line; two spaces in "31  DEC"): 13.6 % = 136.00, 10.4 % = 104.00.
    const auto two_spaces = seasonal<EUR>()
                                .with(13.60_pct, {s(1, 1, 4, 30), s(10, 1, 12, 31)})
                                .with(10.40_pct, {s(5, 1, 9, 30)});
    seasonal_spot<EUR>("13.60% (01 JAN-30 APR, 01 OCT-31  DEC), 10.40% (01 MAY-30 SEP)",
                       two_spaces);
    CHECK(duty_on(two_spaces, date(2020, 10, 1)) == 136.00_EUR);
    CHECK(duty_on(two_spaces, date(2020, 9, 30)) == 104.00_EUR);

    // eu-cet-2020.cet.jsonl (1 line): "01-31 DEC" shares the month; April and May are
    // in no season. 4 % = 40.00, 5.1 % = 51.00.
    const auto gap = seasonal<EUR>()
                         .with(4.00_pct, {s(1, 1, 3, 31), s(12, 1, 12, 31)})
                         .with(5.10_pct, {s(6, 1, 11, 30)});
    seasonal_spot<EUR>("4.00% (01 JAN-31 MAR, 01-31 DEC), 5.10% (01 JUN-30 NOV)", gap);
    CHECK(duty_on(gap, date(2020, 12, 15)) == 40.00_EUR);
    CHECK(duty_on(gap, date(2020, 6, 1)) == 51.00_EUR);
    CHECK(gap.try_at(date(2020, 4, 15)).error() == errc::no_season);
    CHECK_FALSE(gap.covers_the_year());

    // eu-cet-2020.cet.jsonl (1 line): "30 JUNE" in full; from 1 July no season.
    const auto june =
        seasonal<EUR>().with(9.60_pct, {s(1, 1, 5, 15)}).with(13.40_pct, {s(5, 16, 6, 30)});
    seasonal_spot<EUR>("9.60% (01 JAN-15 MAY), 13.40% (16 MAY-30 JUNE)", june);
    CHECK(duty_on(june, date(2020, 6, 30)) == 134.00_EUR);
    CHECK(june.try_at(date(2020, 7, 1)).error() == errc::no_season);
    CHECK_THROWS_AS(june.at(date(2020, 7, 1)), tariff::domain_error);

    // eu-cet-2020.cet.jsonl (1 line): 8.8 % = 88.00, 8 % = 80.00.
    const auto eight = seasonal<EUR>()
                           .with(8.80_pct, {s(1, 1, 5, 14), s(11, 16, 12, 31)})
                           .with(8.00_pct, {s(5, 15, 11, 15)});
    seasonal_spot<EUR>("8.80% (01 JAN-14 MAY, 16 NOV-31 DEC), 8.00% (15 MAY-15 NOV)", eight);
    CHECK(duty_on(eight, date(2020, 11, 15)) == 80.00_EUR);
    CHECK(duty_on(eight, date(2020, 11, 16)) == 88.00_EUR);

    // uk-ukgt-2021.ukgt.jsonl (4 lines): a season wrapping the year end.
    const auto wrap =
        seasonal<GBP>().with(14.00_pct, {s(7, 1, 1, 31)}).with(0.00_pct, {s(2, 1, 6, 30)});
    seasonal_spot<GBP>("14.00% (01 JUL - 31 JAN), 0.00% (01 FEB - 30 JUN)", wrap);
    CHECK(duty_on(wrap, date(2021, 1, 31)) == 140.00_GBP);
    CHECK(duty_on(wrap, date(2021, 2, 1)) == 0.00_GBP);
    CHECK(duty_on(wrap, date(2021, 7, 1)) == 140.00_GBP);

    // uk-ukgt-2021.ukgt.jsonl (3 lines): 29 February (a leap year) is in 01 NOV - 30 APR.
    const auto winter =
        seasonal<GBP>().with(10.00_pct, {s(11, 1, 4, 30)}).with(2.00_pct, {s(5, 1, 10, 31)});
    seasonal_spot<GBP>("10.00% (01 NOV - 30 APR), 2.00% (01 MAY - 31 OCT)", winter);
    CHECK(duty_on(winter, date(2024, 2, 29)) == 100.00_GBP);
    CHECK(duty_on(winter, date(2021, 5, 1)) == 20.00_GBP);

    // uk-ukgt-2021.ukgt.jsonl (1 line): 12 % = 120.00, 6 % = 60.00.
    const auto july =
        seasonal<GBP>().with(12.00_pct, {s(7, 16, 6, 15)}).with(6.00_pct, {s(6, 16, 7, 15)});
    seasonal_spot<GBP>("12.00% (16 JUL - 15 JUN), 6.00% (16 JUN - 15 JUL)", july);
    CHECK(duty_on(july, date(2021, 7, 15)) == 60.00_GBP);
    CHECK(duty_on(july, date(2021, 7, 16)) == 120.00_GBP);

    // uk-ukgt-2021.ukgt.jsonl (1 line): four seasons.
    const auto four = seasonal<GBP>()
                          .with(8.00_pct, {s(1, 1, 1, 31)})
                          .with(4.00_pct, {s(2, 1, 3, 31)})
                          .with(0.00_pct, {s(4, 1, 7, 31)})
                          .with(10.00_pct, {s(8, 1, 12, 31)});
    seasonal_spot<GBP>("8.00% (01 JAN - 31 JAN), 4.00% (01 FEB - 31 MAR), 0.00% (01 APR - 31 JUL), "
                       "10.00% (01 AUG - 31 DEC)",
                       four);
    CHECK(duty_on(four, date(2021, 1, 31)) == 80.00_GBP);
    CHECK(duty_on(four, date(2021, 3, 31)) == 40.00_GBP);
    CHECK(duty_on(four, date(2021, 4, 1)) == 0.00_GBP);
    CHECK(duty_on(four, date(2021, 8, 1)) == 100.00_GBP);

    // uk-ukgt-2021.ukgt.jsonl (1 line).
    const auto may =
        seasonal<GBP>().with(8.00_pct, {s(11, 1, 5, 14)}).with(14.00_pct, {s(5, 15, 10, 31)});
    seasonal_spot<GBP>("8.00% (01 NOV - 14 MAY), 14.00% (15 MAY - 31 OCT)", may);
    CHECK(duty_on(may, date(2021, 5, 14)) == 80.00_GBP);
    CHECK(duty_on(may, date(2021, 5, 15)) == 140.00_GBP);
}

TEST_CASE("seasonal: plain duties, canonical text and errors", "[seasonal]") {
    // A plain duty is one season, the whole year; its text is the expression's.
    const auto plain = tariff::parse_seasonal_duty<EUR>("6.50%");
    CHECK(plain == seasonal<EUR>(6.50_pct));
    CHECK(plain.covers_the_year());
    CHECK(tariff::to_string(plain) == "6.5 %");
    CHECK(tariff::to_string(eu_0709) ==
          "8.5 % (01 JAN-31 MAY, 01 NOV-31 DEC), 12 % (01 JUN-31 OCT)");

    // 31 APR (eu-cet-2020.cet.jsonl, 1 line) does not exist: rejected where it is.
    const std::string_view april =
        "11.20% (01 JAN-31 APR, 01 AUG-31 DEC), 12.80% MIN 2.4€/100kg/net (01 MAY-31 JUL)";
    const auto a = tariff::try_parse_seasonal_duty<EUR>(april);
    REQUIRE_FALSE(a.ok());
    CHECK(a.code() == errc::invalid_text);
    CHECK(a.error().position == april.find("31 APR"));
    CHECK(std::string_view(a.error().reason) == "no such day in that month (31 APR)");

    // Overlapping seasons: 31 MAY is in both.
    const auto o = tariff::try_parse_seasonal_duty<EUR>("5% (01 JAN-31 MAY), 6% (31 MAY-31 DEC)");
    REQUIRE_FALSE(o.ok());
    CHECK(o.code() == errc::overlapping_seasons);
    CHECK(o.error().position == 23); // the second duty's '(': "5% (01 JAN-31 MAY), 6% " is 23 bytes
    CHECK(
        seasonal<EUR>().with(5_pct, {s(1, 1, 5, 31)}).try_with(6_pct, {s(5, 31, 12, 31)}).error() ==
        errc::overlapping_seasons);
    CHECK_THROWS_AS(seasonal<EUR>(5_pct).with(6_pct, {s(3, 1, 3, 1)}), tariff::domain_error);

    // A seasonal cell whose last duty has no dates.
    const auto nd = tariff::try_parse_seasonal_duty<EUR>("9.60% (01 JAN-14 APR), 13.60%");
    REQUIRE_FALSE(nd.ok());
    CHECK(nd.error().position == 29);
    // parse_duty says to use the seasonal parser.
    const auto pd = tariff::try_parse_duty<EUR>("8.50% (01 JAN-31 MAY), 12.00% (01 JUN-31 OCT)");
    REQUIRE_FALSE(pd.ok());
    CHECK(pd.error().position == 6);
    CHECK(std::string_view(pd.error().reason).find("parse_seasonal_duty") !=
          std::string_view::npos);
    // Malformed dates.
    CHECK(tariff::try_parse_seasonal_duty<EUR>("5% (01 JANV-31 MAY)").error().position == 7);
    CHECK(tariff::try_parse_seasonal_duty<EUR>("5% (01 JAN 31 MAY)").error().position == 11);
    CHECK(tariff::try_parse_seasonal_duty<EUR>("5% (01 JAN-31 MAY").error().position == 17);
    CHECK_FALSE(tariff::try_parse_seasonal_duty<EUR>("5% (01 JAN-30 FEB)").ok());
    CHECK(tariff::try_parse_seasonal_duty<EUR>("5% (01 JAN-29 FEB)").ok());
    // More seasons than the capacity (a capacity of 2 here).
    CHECK(
        tariff::try_parse_seasonal_duty<EUR, 2>("5% (01 JAN-31 JAN, 01 MAR-31 MAR, 01 MAY-31 MAY)")
            .code() == errc::invalid_text);
    CHECK(month_day::try_make(4, 31).error() == errc::invalid_argument);
}

// Meursing placeholders. The amounts of the table are figures for the test, not
// the Meursing table's: EA = EUR 20.00 / 100 kg, ADSZ = EUR 5.00 / 100 kg,
// ADFM = EUR 3.00 / 100 kg. Base: EUR 1,000.00 and 1,000 kg (10 x 100 kg), so
// EA = 200.00, ADSZ = 50.00, ADFM = 30.00 and x % = 10 x EUR.
constexpr auto ea = tariff::placeholder<EUR>(duty_placeholder::EA);
constexpr auto adsz = tariff::placeholder<EUR>(duty_placeholder::ADSZ);
constexpr auto adfm = tariff::placeholder<EUR>(duty_placeholder::ADFM);
constexpr auto table = tariff::placeholder_table<EUR>()
                           .with(duty_placeholder::EA, 20.00_EUR / tariff::hundred_kg)
                           .with(duty_placeholder::ADSZ, 5.00_EUR / tariff::hundred_kg)
                           .with(duty_placeholder::ADFM, 3.00_EUR / tariff::hundred_kg);

constexpr tariff::duty_template<EUR> biscuits = at_most(8.30_pct + ea, 18.70_pct + adsz);
// 83.00 + 200.00 = 283.00 against 187.00 + 50.00 = 237.00: the ceiling binds.
static_assert(biscuits.resolve(table)(duty_base(1'000.00_EUR).with(1'000_kg)) == 237.00_EUR);
static_assert(biscuits.uses(duty_placeholder::ADSZ) && !biscuits.uses(duty_placeholder::ADFM));

void meursing_spot(std::string_view text, const tariff::duty_template<EUR>& expected,
                   tariff::money<EUR> duty) {
    INFO(text);
    const auto parsed = tariff::try_parse_duty_template<EUR>(text);
    REQUIRE(parsed.ok());
    CHECK(*parsed == expected);
    const std::string canonical = tariff::to_string(*parsed);
    INFO(canonical);
    const auto again = tariff::try_parse_duty_template<EUR>(canonical);
    REQUIRE(again.ok());
    CHECK(*again == expected);
    const auto resolved = parsed->try_resolve(table);
    REQUIRE(resolved.ok());
    CHECK((*resolved)(duty_base(1'000.00_EUR).with(1'000_kg)) == duty);
    // Unresolved, the duty cannot be evaluated.
    CHECK(parsed->unresolved().try_explain(duty_base(1'000.00_EUR).with(1'000_kg)).error() ==
          errc::unresolved_placeholder);
    // parse_duty rejects it, saying why.
    CHECK(tariff::try_parse_duty<EUR>(text).code() == errc::unresolved_placeholder);
}

TEST_CASE("Meursing cells of the EU CET 2020", "[meursing]") {
    // Every Meursing text of eu-cet-2020.cet.jsonl (59 lines), lines in parentheses.
    meursing_spot("8.30% +  EA MAX 18.70%  + ADSZ", biscuits, 237.00_EUR); // (16) above
    // (9) 90.00 + 200.00 = 290.00 against 242.00 + 50.00 = 292.00: 290.00.
    meursing_spot("9.00% +  EA MAX 24.20%  + ADSZ", at_most(9.00_pct + ea, 24.20_pct + adsz),
                  290.00_EUR);
    meursing_spot("9.00% +  EA", 9.00_pct + ea, 290.00_EUR); // (8) 90.00 + 200.00
    // (8) 290.00 against 187.00 + 50.00 = 237.00: 237.00.
    meursing_spot("9.00% +  EA MAX 18.70%  + ADSZ", at_most(9.00_pct + ea, 18.70_pct + adsz),
                  237.00_EUR);
    meursing_spot("7.60% +  EA", 7.60_pct + ea, 276.00_EUR); // (6) 76.00 + 200.00
    // (5) 290.00 against 207.00 + 30.00 = 237.00: 237.00.
    meursing_spot("9.00% +  EA MAX 20.70%  + ADFM", at_most(9.00_pct + ea, 20.70_pct + adfm),
                  237.00_EUR);
    meursing_spot("9.70% +  EA", 9.70_pct + ea, 297.00_EUR);   // (3) 97.00 + 200.00
    meursing_spot("0.00% +  EA", 0.00_pct + ea, 200.00_EUR);   // (1) 0.00 + 200.00
    meursing_spot("15.40% +  EA", 15.40_pct + ea, 354.00_EUR); // (1) 154.00 + 200.00
    meursing_spot("6.50% +  EA", 6.50_pct + ea, 265.00_EUR);   // (1) 65.00 + 200.00
    meursing_spot("8.80% +  EA", 8.80_pct + ea, 288.00_EUR);   // (1) 88.00 + 200.00

    CHECK(tariff::to_string(biscuits) == "8.3 % + EA MAX 18.7 % + ADSZ");
}

TEST_CASE("Meursing: resolution errors and the other placeholders", "[meursing]") {
    // A table without ADSZ.
    const auto partial =
        tariff::placeholder_table<EUR>().with(duty_placeholder::EA, 20.00_EUR / tariff::hundred_kg);
    CHECK(biscuits.try_resolve(partial).error() == errc::unresolved_placeholder);
    CHECK_THROWS_AS(biscuits.resolve(partial), tariff::domain_error);
    // A table entry may not hold a placeholder.
    CHECK(tariff::placeholder_table<EUR>().try_with(duty_placeholder::EA, ea).error() ==
          errc::invalid_argument);
    // The reduced codes parse and print; a lower-case or unknown code does not.
    const auto reduced = tariff::parse_duty_template<EUR>("0% + EAR MAX 9% + ADSZR + ADFMR");
    CHECK(reduced.uses(duty_placeholder::EAR));
    CHECK(reduced.uses(duty_placeholder::ADSZR));
    CHECK(reduced.uses(duty_placeholder::ADFMR));
    CHECK(tariff::to_string(reduced) == "0 % + EAR MAX 9 % + ADSZR + ADFMR");
    CHECK_FALSE(tariff::try_parse_duty_template<EUR>("9% + ea").ok());
    CHECK(tariff::try_parse_duty_template<EUR>("9% + EAX").error().position == 5);
    // A duty without a placeholder resolves to itself, with an empty table.
    const auto plain = tariff::parse_duty_template<EUR>("12.80 % + 304.10 EUR / 100 kg");
    CHECK(plain.resolved());
    CHECK(plain.resolve({}) == tariff::parse_duty<EUR>("12.80 % + 304.10 EUR / 100 kg"));
    // The resolved expression may not exceed duty_expression's capacity (9 nodes):
    // 7 nodes, each placeholder replaced by 3 nodes, makes 11.
    const auto wide = tariff::placeholder_table<EUR>()
                          .with(duty_placeholder::EA, 1_pct + 1.00_EUR / tariff::hundred_kg)
                          .with(duty_placeholder::ADSZ, 1_pct + 1.00_EUR / tariff::hundred_kg);
    CHECK(biscuits.try_resolve(wide).error() == errc::invalid_argument);
}

} // namespace
