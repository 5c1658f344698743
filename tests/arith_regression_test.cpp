// Regression tests for issue 9 (§1 crashes, §2 invalid rounding modes, §3 valid
// duties refused and needless overflow, §4 implicit rounding), arithmetic part.
//
// Every expected figure is computed by hand in the comment next to it (with the
// arithmetic), or by Python's decimal module (the expression is given, with
// getcontext().prec = 100); none was obtained by running the code under test.
#include <cstdint>
#include <limits>
#include <string_view>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::ad_valorem;
using tariff::CAD, tariff::GBP, tariff::INR, tariff::KWD, tariff::USD;
using tariff::decimal;
using tariff::duty_base;
using tariff::duty_expression;
using tariff::duty_path;
using tariff::errc;
using tariff::money;
using tariff::rounding_mode;
using tariff::rounding_policy;
using tariff::rounding_stage;
using tariff::tax_component;
using tariff_test::error_of;

template <class C>
constexpr rounding_policy<C> half_even{rounding_mode::half_even};

// Same value and same number of places.
template <class A, class B>
bool identical(A a, B b) {
    return a.coefficient() == b.coefficient() && a.scale() == b.scale();
}

// ---------------------------------------------------------------------------
// §1: a noexcept function that can raise terminates the program.

// Value V = CAD 92,233,720,368,547,709.20; surtax 100 % of V = V;
// GST 5 % of (V + V = 184,467,440,737,095,418.40) = 9,223,372,036,854,770.92;
// duties + taxes = 101,457,092,405,402,480.12, whose coefficient at 2 places
// (10,145,709,240,540,248,012) exceeds 2^63 - 1 = 9,223,372,036,854,775,807 and
// ends in 2: it does not fit money<CAD>.
// Python: D('92233720368547709.20') + D('184467440737095418.40') * D('0.05')
const auto surtax_path = duty_path<CAD>("p")
                             .with_duty("surtax", "", duty_expression<CAD>(100_pct))
                             .with_tax(tax_component<CAD>{"GST", "", 5_pct});
constexpr auto huge_value = 92'233'720'368'547'709.20_CAD;

TEST_CASE("regression: assessment::total() raises overflow_error instead of terminating") {
    const auto a = tariff::assess(surtax_path, duty_base(huge_value), half_even<CAD>);
    CHECK(a.duties() == 92'233'720'368'547'709.20_CAD);
    CHECK(a.taxes() == 9'223'372'036'854'770.92_CAD);
    CHECK_THROWS_AS(a.total(), tariff::overflow_error);
    CHECK(a.try_total().error() == errc::overflow);
    STATIC_REQUIRE(!noexcept(a.total()));
    STATIC_REQUIRE(noexcept(a.try_total()));
}

TEST_CASE(
    "regression: path_comparison::difference() raises overflow_error instead of terminating") {
    const auto free_path = duty_path<CAD>("free").with_duty("none", "", tariff::duty_free);
    const auto c = tariff::compare(free_path, surtax_path, duty_base(huge_value), half_even<CAD>);
    CHECK(c.first.total() == 0.00_CAD);
    CHECK_THROWS_AS(c.difference(), tariff::overflow_error);
    CHECK(c.try_difference().error() == errc::overflow);
    STATIC_REQUIRE(!noexcept(c.difference()));
    STATIC_REQUIRE(noexcept(c.try_difference()));
    // The positive control: 1,000.00 at 100 % + 5 % GST on 2,000.00 = 1,100.00.
    const auto small =
        tariff::compare(free_path, surtax_path, duty_base(1'000.00_CAD), half_even<CAD>);
    CHECK(small.difference() == 1'100.00_CAD);
}

TEST_CASE("regression: every try_ and checked form returns the error its throwing form raises") {
    // Each input below makes the throwing form throw; the non-throwing form
    // must return the same code (and, being noexcept, cannot throw).
    const auto bad_mode = static_cast<rounding_mode>(42);
    // 2^63 - 1 hundredths of a percent: 9,223,372,036,854,775.807 % is a
    // fraction of 92,233,720,368,547.75807 (fits); 0.000000000000000123 % is a
    // fraction 1.23e-18 with 20 places, which does not fit (18 at most).
    CHECK(error_of([] { return ad_valorem::from_percent(0.000000000000000123_dec); }) ==
          errc::overflow);
    CHECK(ad_valorem::try_from_percent(0.000000000000000123_dec).error() == errc::overflow);
    CHECK(error_of([] { return ad_valorem::from_fraction(-0.5_dec); }) == errc::negative_quantity);
    CHECK(ad_valorem::try_from_fraction(-0.5_dec).error() == errc::negative_quantity);
    CHECK(error_of([&] { return round(2.345_CAD, bad_mode); }) == errc::invalid_argument);
    CHECK(tariff::try_round(2.345_CAD, bad_mode).error() == errc::invalid_argument);
    CHECK(error_of([&] { return divide(1.00_CAD, 3, bad_mode); }) == errc::invalid_argument);
    CHECK(tariff::try_divide(1.00_CAD, decimal(3), bad_mode).error() == errc::invalid_argument);
    CHECK(error_of([] {
              return tariff::assess(surtax_path, duty_base(huge_value),
                                    rounding_policy<CAD>{rounding_mode{}});
          }) == errc::invalid_argument);
    CHECK(tariff::try_assess(surtax_path, duty_base(huge_value),
                             rounding_policy<CAD>{rounding_mode{}})
              .error() == errc::invalid_argument);
    // 200 % of CAD 92,233,720,368,547,758.07 is 184,467,440,737,095,516.14: its
    // coefficient 18,446,744,073,709,551,614 exceeds 2^63 - 1 and ends in 4 (no
    // trailing zero to drop), so it does not fit money<CAD>.
    const duty_expression<CAD> doubled(200_pct);
    const duty_base<CAD> big(92'233'720'368'547'758.07_CAD);
    CHECK(error_of([&] { return doubled(big); }) == errc::overflow);
    CHECK(doubled.try_explain(big).error() == errc::overflow);
    CHECK(tariff::try_parse_duty<CAD>("99999999999999999999 %").error().code == errc::overflow);
    const decimal one = 1_dec;
    const auto cad = 1.00_CAD;
    STATIC_REQUIRE(noexcept(ad_valorem::try_from_percent(one)));
    STATIC_REQUIRE(noexcept(tariff::try_round(cad, bad_mode)));
    STATIC_REQUIRE(noexcept(doubled.try_explain(big)));
    STATIC_REQUIRE(noexcept(tariff::try_assess(surtax_path, big, half_even<CAD>)));
    STATIC_REQUIRE(noexcept(tariff::try_parse_duty<CAD>("1 %")));
}

// ---------------------------------------------------------------------------
// §2: a rounding mode that is not one is an error wherever a mode is used.

TEST_CASE(
    "regression: static_cast<rounding_mode>(42) is errc::invalid_argument at every entry point") {
    const auto bad = static_cast<rounding_mode>(42);
    const auto none = rounding_mode{}; // value-initialized: no mode either
    CHECK_FALSE(tariff::is_valid(bad));
    CHECK_FALSE(tariff::is_valid(none));
    CHECK(tariff::is_valid(rounding_mode::half_even));
    CHECK(tariff::is_valid(rounding_mode::ceiling));
    for (const auto m : {bad, none}) {
        // round(2.345_CAD, 42) used to be 23.45: divide_pow10 fell through.
        CHECK(error_of([&] { return round(2.345_CAD, m); }) == errc::invalid_argument);
        // Nothing to round, and still an error: the mode is checked first.
        CHECK(error_of([&] { return round(2.34_CAD, m); }) == errc::invalid_argument);
        CHECK(error_of([&] { return round(2.345_dec, 2, m); }) == errc::invalid_argument);
        CHECK(error_of([&] { return round(2.345_CAD, 0.05_CAD, m); }) == errc::invalid_argument);
        CHECK(error_of([&] { return round_to_multiple(2.345_dec, 0.05_dec, m); }) ==
              errc::invalid_argument);
        // divide() used to fall back to half_even silently.
        CHECK(error_of([&] { return divide(1_dec, 3_dec, 2, m); }) == errc::invalid_argument);
        CHECK(error_of([&] { return divide(1.00_CAD, 3, m); }) == errc::invalid_argument);
        CHECK(tariff::try_round(2.345_CAD, m).error() == errc::invalid_argument);
        CHECK(tariff::try_divide(1.00_CAD, 3_dec, m).error() == errc::invalid_argument);
        const tariff::exchange_rate<CAD, USD> rate(0.7321_dec);
        CHECK(error_of([&] { return rate.convert(100.00_CAD, m); }) == errc::invalid_argument);
        CHECK(error_of([&] { return rate.inverse(4, m); }) == errc::invalid_argument);
        const auto a = tariff::assess(surtax_path, duty_base(1'000.00_CAD), half_even<CAD>);
        CHECK(error_of([&] { return tariff::effective_rate(a, 2, m); }) == errc::invalid_argument);
        CHECK(error_of([&] {
                  return tariff::ad_valorem_equivalent(duty_expression<CAD>(5.00_CAD / tariff::kg),
                                                       6.00_CAD / tariff::kg, 2, m);
              }) == errc::invalid_argument);
        const rounding_policy<CAD> policy{m};
        CHECK(tariff::try_assess(surtax_path, duty_base(1'000.00_CAD), policy).error() ==
              errc::invalid_argument);
        // A policy used only to round the value, or only the totals, is checked too.
        const rounding_policy<CAD> totals{.mode = m, .stage = rounding_stage::totals};
        const duty_path<CAD> empty("empty"); // an assessment refers to its path
        CHECK(tariff::try_assess(empty, duty_base(1.00_CAD), totals).error() ==
              errc::invalid_argument);
        CHECK(error_of([&] { return tariff::grow(100_kg, 2_pct, 1, 1_kg, m); }) ==
              errc::invalid_argument);
    }
    // The positive controls: the same calls with a mode. 2.345 half_even -> 2.34
    // (a tie, to the even 4); half_up -> 2.35. 1.00 / 3 = 0.333... -> 0.33.
    CHECK(round(2.345_CAD, rounding_mode::half_even) == 2.34_CAD);
    CHECK(round(2.345_CAD, tariff::rounding::half_up) == 2.35_CAD);
    CHECK(divide(1.00_CAD, 3, rounding_mode::half_even) == 0.33_CAD);
}

TEST_CASE("regression: a policy with a stage that is not one is errc::invalid_argument") {
    const rounding_policy<CAD> policy{.mode = rounding_mode::half_even,
                                      .stage = static_cast<rounding_stage>(42)};
    CHECK(tariff::try_assess(surtax_path, duty_base(1'000.00_CAD), policy).error() ==
          errc::invalid_argument);
}

// ---------------------------------------------------------------------------
// §3: if the exact (or correctly rounded) result fits, the operation succeeds.

// 7 each: 1.00 per pair is 7 / 2 = 3.50; 1.00 per dozen is 7 / 12 = 0.58333...
const auto seven = duty_base(0.00_CAD).with(7 * tariff::each);

TEST_CASE("regression: at_least(1.00 CAD / pair, 1.00 CAD / dozen) on 7 each is CAD 3.50") {
    const auto floor = at_least(1.00_CAD / tariff::pair, 1.00_CAD / tariff::dozen);
    const auto r = floor.explain(seven);
    CHECK(r.amount == 3.50_CAD); // max(3.50, 0.58333...) = 3.50
    CHECK_FALSE(r.floor_applied);
    // The floor taking the minimum: max(0.58333..., 3.50) = 3.50, floor applied.
    const auto reversed =
        at_least(1.00_CAD / tariff::dozen, 1.00_CAD / tariff::pair).explain(seven);
    CHECK(reversed.amount == 3.50_CAD);
    CHECK(reversed.floor_applied);
    // The chosen branch must be a finite decimal: min(3.50, 0.58333...) is not.
    CHECK(at_most(1.00_CAD / tariff::pair, 1.00_CAD / tariff::dozen).try_explain(seven).error() ==
          errc::inexact);
    // Nested: the inner ceiling's value is inexact, the outer floor discards it:
    // at_least(at_most(1.00/dozen, 2.00/pair), 1.00/pair)
    //   = max(min(0.58333..., 7.00), 3.50) = max(0.58333..., 3.50) = 3.50.
    const auto nested = at_least(at_most(1.00_CAD / tariff::dozen, 2.00_CAD / tariff::pair),
                                 1.00_CAD / tariff::pair);
    CHECK(nested(seven) == 3.50_CAD);
    // A ceiling whose unchosen branch is inexact:
    // at_most(1.00/pair, 1.00/dozen + fixed 5.00) = min(3.50, 5.58333...) = 3.50.
    const auto ceiling =
        at_most(1.00_CAD / tariff::pair, 1.00_CAD / tariff::dozen + tariff::fixed_amount(5.00_CAD));
    const auto c = ceiling.explain(seven);
    CHECK(c.amount == 3.50_CAD);
    CHECK_FALSE(c.ceiling_applied);
}

TEST_CASE("regression: a sum of inexact parts is exact when its total is") {
    // 7 each at 1.00 per dozen plus 7 each at 2.00 per dozen: 7/12 + 14/12 = 21/12 = 1.75.
    const auto two_dozens = 1.00_CAD / tariff::dozen + 2.00_CAD / tariff::dozen;
    CHECK(two_dozens(seven) == 1.75_CAD);
    // 2.00/dozen - 1.00/dozen on 7 = 7/12: no finite decimal form.
    CHECK((2.00_CAD / tariff::dozen - 1.00_CAD / tariff::dozen).try_explain(seven).error() ==
          errc::inexact);
}

TEST_CASE("regression: overflow in a branch that is not chosen does not fail the duty") {
    // Value V = CAD 92,233,720,368,547,758.07 (2^63 - 1 cents): 200 % of it is
    // 184,467,440,737,095,516.14, whose coefficient 18,446,744,073,709,551,614 does
    // not fit 64 bits and has no trailing zero to drop; 5.00 per kg on 10 kg is 50.00.
    const auto base = duty_base(92'233'720'368'547'758.07_CAD).with(10_kg);
    const auto capped = at_most(200_pct, 5.00_CAD / tariff::kg);
    const auto r = capped.explain(base);
    CHECK(r.amount == 50.00_CAD); // min(1.8e17, 50.00)
    CHECK(r.ceiling_applied);
    // When the overflowing branch is the one chosen, the duty overflows.
    CHECK(at_least(200_pct, 5.00_CAD / tariff::kg).try_explain(base).error() == errc::overflow);
    // 200 % - 199 % of V is 1 % of V = 922,337,203,685,477.5807 (coefficient
    // 2^63 - 1 at 4 places: fits), though 200 % of V does not.
    const auto one_percent = (200_pct - duty_expression<CAD>(199_pct))(base);
    CHECK(identical(one_percent.amount(), 922'337'203'685'477.5807_dec));
    // A missing quantity is still reported when a branch overflows.
    CHECK(at_most(200_pct, 5.00_CAD / tariff::litre).try_explain(base).error() ==
          errc::missing_quantity);
}

TEST_CASE("regression: ad_valorem::from_percent(260.6468306174010125) keeps its 16 places") {
    // Python: D('260.6468306174010125') / 100 = 2.606468306174010125 (18 places:
    // the coefficient 2,606,468,306,174,010,125 < 2^63 - 1).
    const auto r = ad_valorem::from_percent(260.6468306174010125_dec);
    CHECK(identical(r.fraction(), 2.606468306174010125_dec));
    // parse_duty used to say "too many digits" for the same rate.
    const auto parsed = tariff::try_parse_duty<CAD>("260.6468306174010125 %");
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == duty_expression<CAD>(r));
}

TEST_CASE("regression: ad_valorem::from_percent(9223372036854775807)") {
    // Python: D(2**63 - 1) / 100 = 92233720368547758.07
    const auto r = ad_valorem::from_percent(decimal(std::numeric_limits<std::int64_t>::max()));
    CHECK(identical(r.fraction(), 92'233'720'368'547'758.07_dec));
}

TEST_CASE("regression: 60.667494132143 g in tonnes") {
    // Python: D('60.667494132143') / 10**6 = 0.000060667494132143 (18 places)
    const auto grams = tariff::quantity<tariff::units::gram>(60.667494132143_dec);
    CHECK(identical(grams.in(tariff::tonne).value(), 0.000060667494132143_dec));
    const tariff::quantity<tariff::units::tonne> tonnes = grams;
    CHECK(identical(tonnes.value(), 0.000060667494132143_dec));
    CHECK(identical(duty_base(0.00_CAD)
                        .with(grams)
                        .try_quantity_in(tariff::unit_info_of<tariff::units::tonne>)
                        .value(),
                    0.000060667494132143_dec));
}

TEST_CASE("regression: a per-hl rate of CAD 220614842.42255866 on 0.0173 l") {
    // Python: D('220614842.42255866') * D('0.0173') / 100 = 38166.36773910264818
    // (14 places; the coefficient 3,816,636,773,910,264,818 < 2^63 - 1).
    const auto rate = 220'614'842.42255866_CAD / tariff::hl;
    const auto duty = rate(0.0173_l);
    CHECK(identical(duty.amount(), 38'166.36773910264818_dec));
    const duty_expression<CAD> e(rate);
    CHECK(e(duty_base(0.00_CAD).with(0.0173_l)) == money<CAD>(38'166.36773910264818_dec));
}

TEST_CASE("regression: assess under each_component sums only the rounded lines") {
    // Two fixed duties: 4,611,686,018,427,387.905 and .906. Half even to the cent:
    // .905 is a tie -> .90 (even); .906 -> .91. Rounded sum 9,223,372,036,854,775.81
    // (coefficient 922,337,203,685,477,581 at 2 places: fits). Their exact sum
    // 9,223,372,036,854,775.811 needs coefficient 9,223,372,036,854,775,811 > 2^63 - 1.
    // Python: D('4611686018427387.905') + D('4611686018427387.906')
    const auto path = duty_path<CAD>("two")
                          .with_duty("a", "", tariff::fixed_amount(4'611'686'018'427'387.905_CAD))
                          .with_duty("b", "", tariff::fixed_amount(4'611'686'018'427'387.906_CAD));
    const auto each = tariff::assess(path, duty_base(0.00_CAD), half_even<CAD>);
    CHECK(each.duties() == 9'223'372'036'854'775.81_CAD);
    CHECK(each[0].rounded == 4'611'686'018'427'387.90_CAD);
    CHECK(each[1].rounded == 4'611'686'018'427'387.91_CAD);
    // Under totals, the exact sum ...775.811 rounds half even to ...775.81: fits too.
    const rounding_policy<CAD> totals{.mode = rounding_mode::half_even,
                                      .stage = rounding_stage::totals};
    CHECK(tariff::assess(path, duty_base(0.00_CAD), totals).duties() ==
          9'223'372'036'854'775.81_CAD);
}

TEST_CASE("regression: an already-rounded GBP 4231699013177981968 stays as it is") {
    // 4,231,699,013,177,981,968 is a whole number of pounds: rounding it to a
    // multiple of 0.01 changes nothing (its value / 0.01 = 4.2e20 does not fit 64
    // bits, which is why dividing first overflowed).
    constexpr auto pounds = 4'231'699'013'177'981'968_GBP;
    CHECK(round(pounds, rounding_mode::half_even) == pounds);
    CHECK(round(pounds, 0.01_GBP, rounding_mode::half_even) == pounds);
    CHECK(round_to_multiple(pounds.amount(), 0.01_dec, rounding_mode::floor) == pounds.amount());
    const auto path = duty_path<GBP>("fixed").with_duty("f", "", tariff::fixed_amount(pounds));
    CHECK(tariff::assess(path, duty_base(0.00_GBP), half_even<GBP>).duties() == pounds);
    const rounding_policy<GBP> totals{.mode = rounding_mode::half_even,
                                      .stage = rounding_stage::totals};
    CHECK(tariff::assess(path, duty_base(0.00_GBP), totals).duties() == pounds);
}

TEST_CASE(
    "regression: KWD 789076308.682 x 114.810691 converts though the exact product does not fit") {
    // Python: D('789076308.682') * D('114.810691') = 90594396251.509719262 (9 places:
    // coefficient 9.06e19 > 2^63 - 1); quantize(D('0.01'), ROUND_HALF_EVEN) = 90594396251.51.
    const tariff::exchange_rate<KWD, INR> rate(114.810691_dec);
    CHECK(rate.convert(789'076'308.682_KWD, rounding_mode::half_even) == 90'594'396'251.51_INR);
    // ROUND_FLOOR: 90594396251.50
    CHECK(rate.convert(789'076'308.682_KWD, rounding_mode::floor) == 90'594'396'251.50_INR);
    // The exact product itself does not fit.
    CHECK(error_of([&] { return rate.exact(789'076'308.682_KWD); }) == errc::overflow);
}

TEST_CASE("wide types: rounding to a multiple and converting need not fit 128 bits on the way") {
    using tariff::wide_decimal;
    const tariff::int128_t max = tariff::detail::rep_traits<tariff::int128_t>::max; // 2^127 - 1
    const auto top = wide_decimal::from_parts(max, 0);
    // An integer is a multiple of 0.01: (2^127 - 1) / 0.01 = 1.7e40 does not fit
    // 128 bits, the result (itself) does.
    CHECK(identical(round_to_multiple(top, 0.01_wdec, rounding_mode::floor), top));
    // Python: (D(10**38 + 2) / D('0.3')).quantize(1, ROUND_HALF_EVEN) * D('0.3')
    //   = 100000000000000000000000000000000000002.0 (the quotient, 3.3e38, does not
    //   fit 128 bits)
    const tariff::int128_t e19 = tariff::int128_t{1'000'000'000'000'000'000} * 10; // 10^19
    const auto big = wide_decimal::from_parts(e19 * e19 + 2, 0);                   // 10^38 + 2
    CHECK(round_to_multiple(big, 0.3_wdec, rounding_mode::half_even) == big);
    // Python: (D(2**127 - 1) / D('0.3')).quantize(1, ROUND_HALF_EVEN) * D('0.3')
    //   = 170141183460469231731687303715884105726.9: one place on 39 digits, too large.
    CHECK(error_of([&] { return round_to_multiple(top, 0.3_wdec, rounding_mode::half_even); }) ==
          errc::overflow);
    // Python: (D(2**127 - 1).scaleb(-3) * D('0.5')).quantize(D('0.01'), ROUND_HALF_EVEN)
    //   = 85070591730234615865843651857942052.86; the exact product has 4 places and
    //   a coefficient 5 * (2^127 - 1), beyond 128 bits.
    const tariff::exchange_rate<KWD, INR> half(0.5_dec);
    const tariff::wide_money<KWD> amount(wide_decimal::from_parts(max, 3));
    const auto expected = wide_decimal::from_parts(tariff::int128_t{8'507'059'173'023'461'586} *
                                                           1'000'000'000'000'000'000 +
                                                       584'365'185'794'205'286,
                                                   2);
    CHECK(half.convert(amount, rounding_mode::half_even).amount() == expected);
    CHECK(half.convert(-amount, rounding_mode::half_even).amount() == -expected);
}

TEST_CASE("regression: parse_duty and the API give the same code for one failure") {
    // 0.000000000000000123 % is 1.23e-18 as a fraction: 20 places, more than 18.
    CHECK(ad_valorem::try_from_percent(0.000000000000000123_dec).error() == errc::overflow);
    const auto p = tariff::try_parse_duty<CAD>("0.000000000000000123 %");
    CHECK(p.error().code == errc::overflow);
    // A number too large to read is an overflow in both.
    CHECK(tariff::try_parse_decimal("99999999999999999999").error().code == errc::overflow);
    CHECK(tariff::try_parse_duty<CAD>("$99999999999999999999/kg").error().code == errc::overflow);
    // 0.00000000000000001 cents is 1e-19 dollars: 19 places.
    CHECK(tariff::try_parse_duty<CAD>("0.00000000000000001 c/kg").error().code == errc::overflow);
    // Malformed text stays invalid_text.
    CHECK(tariff::try_parse_duty<CAD>("6.1 % plus").error().code == errc::invalid_text);
}

// ---------------------------------------------------------------------------
// §4: rounding is explicit.

TEST_CASE("regression: a mode that is no mode is rejected, not rounded half even") {
    // round(m, {}), rounding_policy<CAD>{} and assess(path, base) no longer compile
    // (tests/compile_fail: round_without_mode, rounding_policy_without_mode,
    // assess_without_rounding_policy). A value-initialized mode written out is
    // still no mode: rounding_mode{} used to be half even.
    const auto r = tariff::try_assess(surtax_path, duty_base(1'000.00_CAD),
                                      rounding_policy<CAD>{rounding_mode{}});
    CHECK(r.error() == errc::invalid_argument);
    CHECK(error_of([] { return round(2.345_CAD, rounding_mode{}); }) == errc::invalid_argument);
    // Positive control: 1,000.00 + 5 % of 2,000.00 = 1,100.00.
    CHECK(tariff::assess(surtax_path, duty_base(1'000.00_CAD), {tariff::rounding::half_even})
              .total() == 1'100.00_CAD);
}

} // namespace
