// Regression tests for issue 9, the quota and date side (tariff/quota.hpp,
// tariff/date.hpp): every reproduction of the review as a named test, and for
// each try_ form a value that makes its throwing form throw.
//
// Rules pinned down (docs/guarantees.md, the project's engineering rules):
//  - nothing that can raise is noexcept; a try_ form never throws;
//  - if the exact result fits the type, the operation succeeds;
//  - a rejected operation changes nothing.
//
// Every expected figure is worked out by hand in the comment beside it (the
// day counts were also checked with Python's datetime.date.toordinal()).
#include <cstdint>
#include <limits>
#include <utility>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

using vehicles = units::each;
using kilograms = units::kilogram;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max(); // 9223372036854775807
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

constexpr auto free_path = duty_path<CAD>("in quota").with_duty("MFN", "test", 0_pct);
constexpr auto full_path = duty_path<CAD>("over quota").with_duty("MFN", "test", 100_pct);

quantity<vehicles> each_of(std::int64_t n) {
    return quantity<vehicles>(decimal(n));
}
quantity<kilograms> kg_of(std::int64_t coefficient, int scale) {
    return quantity<kilograms>(decimal::from_parts(coefficient, scale));
}

// One period of `volume` vehicles, the year 2026.
tariff_rate_quota<CAD, vehicles> one_year(quantity<vehicles> volume) {
    return tariff_rate_quota<CAD, vehicles>("R", free_path, full_path)
        .with_period("Y", date(2026, 1, 1), date(2026, 12, 31), volume);
}
// One period of `volume` kg in granules of `granularity`, the year 2026.
tariff_rate_quota<CAD, kilograms> kg_year(quantity<kilograms> volume,
                                          quantity<kilograms> granularity) {
    return tariff_rate_quota<CAD, kilograms>("K", free_path, full_path, granularity)
        .with_period("Y", date(2026, 1, 1), date(2026, 12, 31), volume);
}

} // namespace

// ---------------------------------------------------------------------------
// §1: status(), try_allocate and the quota_assessment sums
// ---------------------------------------------------------------------------

TEST_CASE("regression: status() with volume 9111111111111111111 does not throw",
          "[quota][regression][status]") {
    quota_ledger<CAD, vehicles> ledger(one_year(each_of(9'111'111'111'111'111'111)));
    const auto fresh = ledger.status(0); // threw overflow_error: volume * 0.9 in 64 bits
    CHECK(fresh.available == each_of(9'111'111'111'111'111'111));
    CHECK(fresh.used == each_of(0));
    CHECK(fresh.balance == each_of(9'111'111'111'111'111'111));
    CHECK(fresh.state == quota_state::open);
    // The 90 % threshold by hand: 9111111111111111111 * 9 = 81999999999999999999,
    // / 10 = 8199999999999999999.9. So 8199999999999999999 used is below it
    // (open) and 8200000000000000000 reaches it (critical).
    (void)ledger.allocate({1, date(2026, 2, 1), each_of(8'199'999'999'999'999'999), 1.00_CAD});
    CHECK(ledger.status(0).state == quota_state::open);
    (void)ledger.allocate({2, date(2026, 2, 2), each_of(1), 1.00_CAD});
    const auto after = ledger.status(0);
    CHECK(after.state == quota_state::critical);
    // Used 8200000000000000000; balance 9111111111111111111 - 8200000000000000000
    // = 911111111111111111.
    CHECK(after.used == each_of(8'200'000'000'000'000'000));
    CHECK(after.balance == each_of(911'111'111'111'111'111));
}

TEST_CASE("regression: try_allocate of 1e17 kg in granules of 0.001 kg does not throw and gets "
          "the exact allocation",
          "[quota][regression][try]") {
    const auto q = kg_year(1'000_kg, kg_of(1, 3));
    // The throwing form it used: 1e17 / 0.001 = 1e20 granules > 2^63 - 1.
    CHECK(error_of([&] { return q.granules_down(kg_of(100'000'000'000'000'000, 0)); }) ==
          errc::overflow);
    CHECK(q.try_granules_down(kg_of(100'000'000'000'000'000, 0)).error() == errc::overflow);
    quota_ledger<CAD, kilograms> ledger(q);
    const auto a =
        ledger.try_allocate({1, date(2026, 3, 1), kg_of(100'000'000'000'000'000, 0), 1.00_CAD});
    REQUIRE(a.ok());
    // 1e20 granules wanted, 1,000,000 (1,000 kg) left: all 1,000 kg in quota,
    // 1e17 - 1,000 = 99,999,999,999,999,000 kg over.
    CHECK(a.value().in_quota == 1'000_kg);
    CHECK(a.value().over_quota == kg_of(99'999'999'999'999'000, 0));
    // 100 cents by 1,000 : 99,999,999,999,999,000 (sum 1e17): in floor(1e5 / 1e17) = 0,
    // over floor(99.999999999999) = 99; the leftover cent to the larger remainder (over).
    CHECK(a.value().value_in_quota == 0.00_CAD);
    CHECK(a.value().value_over_quota == 1.00_CAD);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
}

TEST_CASE("regression: try_allocate returns errc::overflow where allocate throws, and changes "
          "nothing",
          "[quota][regression][try]") {
    // One granule of 0.001 kg; a claim of 1e17 kg gets 0.001 in quota and
    // 99,999,999,999,999,999.999 kg over: 20 digits, more than a decimal holds.
    quota_ledger<CAD, kilograms> ledger(kg_year(kg_of(1, 3), kg_of(1, 3)));
    const quota_claim<CAD, kilograms> claim{1, date(2026, 3, 1), kg_of(100'000'000'000'000'000, 0),
                                            1.00_CAD};
    const auto before = ledger;
    CHECK(error_of([&] { return ledger.allocate(claim); }) == errc::overflow);
    CHECK(ledger.try_allocate(claim).error() == errc::overflow);
    CHECK(ledger.try_reserve(claim).error() == errc::overflow);
    CHECK(ledger.same_state(before));
    CHECK(ledger.balance(0, quota_pool::general) == 1);
}

TEST_CASE("regression: a reserve-eligibility product of 9e16 x 1e9 does not throw; the claim is "
          "eligible",
          "[quota][regression][reserve]") {
    // 10 % of 100 vehicles reserved for a unit price <= CAD 90,000,000,000,000,000.00.
    const auto q = one_year(100_each).with_reserve(
        {10_pct, money<CAD>(decimal(90'000'000'000'000'000)), unused_reserve::joins_general});
    quota_ledger<CAD, vehicles> ledger(q);
    // 1.00 / 1e9 <= 9e16: eligible (the product 9e25 used to overflow and throw).
    const auto a = ledger.try_allocate({1, date(2026, 3, 1), each_of(1'000'000'000), 1.00_CAD});
    REQUIRE(a.ok());
    CHECK(a.value().reserve_eligible);
    // Reserve 10 first, then the general pool's 90: 100 in, 1e9 - 100 = 999,999,900 over.
    CHECK(a.value().from_reserve == 10);
    CHECK(a.value().from_general == 90);
    CHECK(a.value().in_quota == 100_each);
    CHECK(a.value().over_quota == each_of(999'999'900));
    // 100 cents by 100 : 999,999,900: in floor(10,000 / 1e9) = 0, over
    // floor(99.99999) = 99, the leftover cent to the larger remainder (over).
    CHECK(a.value().value_in_quota == 0.00_CAD);
    CHECK(a.value().value_over_quota == 1.00_CAD);
}

TEST_CASE("regression: the reserved share of a volume near 2^63 is computed without overflow",
          "[quota][regression][reserve]") {
    // 35 % of 9,000,000,000,000,000,000 = 3,150,000,000,000,000,000 (9e18 * 35 / 100):
    // the 64-bit product 9e18 * 35 overflowed.
    const auto q = one_year(each_of(9'000'000'000'000'000'000))
                       .with_reserve({35_pct, 1.00_CAD, unused_reserve::joins_general});
    CHECK(q.reserved_granules(0) == 3'150'000'000'000'000'000);
    const quota_ledger<CAD, vehicles> ledger(q);
    CHECK(ledger.opening(0, quota_pool::reserved) == 3'150'000'000'000'000'000);
    // General: 9e18 - 3.15e18 = 5,850,000,000,000,000,000.
    CHECK(ledger.opening(0, quota_pool::general) == 5'850'000'000'000'000'000);
}

TEST_CASE("regression: quota_assessment duties(), taxes(), total() raise on overflow (they are "
          "not noexcept); the try_ forms return errc::overflow",
          "[quota][regression][assess]") {
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const quota_assessment<CAD>&>().duties()));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const quota_assessment<CAD>&>().taxes()));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const quota_assessment<CAD>&>().total()));
    STATIC_REQUIRE(noexcept(std::declval<const quota_assessment<CAD>&>().try_total()));
    const rounding_policy<CAD> policy{rounding_mode::half_even};
    // 100 % of CAD 50,000,000,000,000,000.01 on each part: duties of 5e16 + 0.01
    // each, together 100,000,000,000,000,000.02 (10^19 + 2 cents > 2^63 - 1).
    const auto v = money<CAD>(decimal::from_parts(5'000'000'000'000'000'001, 2));
    const quota_assessment<CAD> both{assess(full_path, duty_base(v), policy),
                                     assess(full_path, duty_base(v), policy)};
    REQUIRE(both.in_quota.duties() == v);
    CHECK(error_of([&] { return both.duties(); }) == errc::overflow);
    CHECK(error_of([&] { return both.total(); }) == errc::overflow);
    CHECK(both.try_duties().error() == errc::overflow);
    CHECK(both.try_total().error() == errc::overflow);
    // No taxes: 0.00 + 0.00.
    CHECK(both.taxes() == 0.00_CAD);
    // A tax of 100 % of (value + duty 0 %) on each part: taxes of 5e16 + 0.01
    // each, together 10^19 + 2 cents again.
    const auto taxed = duty_path<CAD>("taxed")
                           .with_duty("MFN", "test", 0_pct)
                           .with_tax(tax_component<CAD>{"T", "test", 100_pct});
    const quota_assessment<CAD> taxes{assess(taxed, duty_base(v), policy),
                                      assess(taxed, duty_base(v), policy)};
    REQUIRE(taxes.in_quota.taxes() == v);
    CHECK(error_of([&] { return taxes.taxes(); }) == errc::overflow);
    CHECK(taxes.try_taxes().error() == errc::overflow);
    CHECK(taxes.try_duties().value() == 0.00_CAD);
    // A sum that fits: one part of 5e16 + 0.01 and one of 0.00 (a zero value).
    const quota_assessment<CAD> one{assess(full_path, duty_base(v), policy),
                                    assess(full_path, duty_base(0.00_CAD), policy)};
    CHECK(one.try_total().value() == v);
}

// ---------------------------------------------------------------------------
// §2: carry-over near the limit (was signed overflow in projected)
// ---------------------------------------------------------------------------

TEST_CASE("regression: two periods of 9000000000000000000 each are refused with errc::overflow "
          "(was signed overflow in projected when the first carried into the second)",
          "[quota][regression][carry_over]") {
    const auto q = tariff_rate_quota<CAD, vehicles>("R", free_path, full_path)
                       .with_period("H1", date(2026, 1, 1), date(2026, 6, 30),
                                    each_of(9'000'000'000'000'000'000))
                       .with_period("H2", date(2026, 7, 1), date(2026, 12, 31),
                                    each_of(9'000'000'000'000'000'000));
    // 9e18 + 9e18 = 1.8e19 granules > 2^63 - 1 = 9,223,372,036,854,775,807.
    CHECK(error_of([&] { return quota_ledger<CAD, vehicles>(q.with_carry_over(true)); }) ==
          errc::overflow);
    // Without carry-over a late return could still carry H1's granules into H2.
    CHECK(error_of([&] { return quota_ledger<CAD, vehicles>(q); }) == errc::overflow);
}

TEST_CASE("regression: two periods of (2^63 - 1) / 2 with carry-over give the exact allocation "
          "and status",
          "[quota][regression][carry_over]") {
    constexpr std::int64_t half = 4'611'686'018'427'387'903; // (2^63 - 1) / 2, rounded down
    const auto q = tariff_rate_quota<CAD, vehicles>("R", free_path, full_path)
                       .with_period("H1", date(2026, 1, 1), date(2026, 6, 30), each_of(half))
                       .with_period("H2", date(2026, 7, 1), date(2026, 12, 31), each_of(half))
                       .with_carry_over(true);
    quota_ledger<CAD, vehicles> ledger(q); // 2 * half = 9,223,372,036,854,775,806 granules: fits
    (void)ledger.allocate({1, date(2026, 2, 1), 1_each, 1.00_CAD});
    // H2 sees its own 4,611,686,018,427,387,903 plus H1's 4,611,686,018,427,387,902:
    // 9,223,372,036,854,775,805. A claim of 9,223,372,036,854,775,806 gets all of
    // it in quota and 1 over.
    const auto b =
        ledger.allocate({2, date(2026, 8, 1), each_of(9'223'372'036'854'775'806), 1.00_CAD});
    CHECK(b.in_quota == each_of(9'223'372'036'854'775'805));
    CHECK(b.over_quota == 1_each);
    const auto h2 = ledger.status(1);
    CHECK(h2.available == each_of(9'223'372'036'854'775'805));
    CHECK(h2.used == each_of(9'223'372'036'854'775'805));
    CHECK(h2.balance == 0_each);
    CHECK(h2.state == quota_state::exhausted);
    const auto h1 = ledger.status(0);
    CHECK(h1.closed);
    CHECK(h1.used == 1_each);
}

TEST_CASE("regression: a ledger holds at most (2^63 - 1) / 15 granules of 1.5 kg, so status() "
          "can report every balance",
          "[quota][regression][status]") {
    // (2^63 - 1) / 15 = 9,223,372,036,854,775,807 / 15 = 614,891,469,123,651,720 (rest 7).
    CHECK(quota_ledger<CAD, kilograms>::max_granules(kg_of(15, 1)) == 614'891'469'123'651'720);
    CHECK(quota_ledger<CAD, kilograms>::max_granules(kg_of(1, 3)) == int64_max);
    CHECK(quota_ledger<CAD, kilograms>::max_granules(kg_of(1'000, 3)) == int64_max); // 1.000 is 1
    CHECK(quota_ledger<CAD, kilograms>::max_granules(10_kg) == 922'337'203'685'477'580);
    auto halves = [](std::int64_t granules_each) {
        const auto g = kg_of(15, 1);
        const auto volume = g * granules_each;
        return tariff_rate_quota<CAD, kilograms>("H", free_path, full_path, g)
            .with_period("H1", date(2026, 1, 1), date(2026, 6, 30), volume)
            .with_period("H2", date(2026, 7, 1), date(2026, 12, 31), volume)
            .with_carry_over(true);
    };
    // 2 * 307,445,734,561,825,861 = 614,891,469,123,651,722 granules: 2 over the bound.
    // (Each volume, 1.5 * 307,445,734,561,825,861 = 461,168,601,842,738,791.5 kg, fits.)
    CHECK(error_of([&] { return quota_ledger<CAD, kilograms>(halves(307'445'734'561'825'861)); }) ==
          errc::overflow);
    // 2 * 307,445,734,561,825,860 = 614,891,469,123,651,720: at the bound.
    quota_ledger<CAD, kilograms> ledger(halves(307'445'734'561'825'860));
    (void)ledger.allocate({1, date(2026, 2, 1), kg_of(15, 1), 1.00_CAD}); // 1 granule
    (void)ledger.allocate({2, date(2026, 8, 1), kg_of(15, 1), 1.00_CAD}); // closes H1
    // H2: 307,445,734,561,825,860 + 307,445,734,561,825,859 carried = 614,891,469,123,651,719
    // granules available, 1 used, 614,891,469,123,651,718 left: 1.5 times that is
    // 922,337,203,685,477,577 kg.
    const auto h2 = ledger.status(1);
    CHECK(h2.available == kg_of(9'223'372'036'854'775'785, 1)); // 614,891,469,123,651,719 * 1.5
    CHECK(h2.used == kg_of(15, 1));
    CHECK(h2.balance == kg_of(922'337'203'685'477'577, 0));
}

// ---------------------------------------------------------------------------
// Every try_ form of quota.hpp, fed what makes its throwing form throw
// ---------------------------------------------------------------------------

TEST_CASE("regression: each try_ form of tariff_rate_quota returns the error its throwing form "
          "raises",
          "[quota][regression][try]") {
    const auto q = kg_year(3_kg, kg_of(15, 1)); // granules of 1.5 kg
    // 1 kg is not whole granules.
    CHECK(error_of([&] { return q.granules_exact(1_kg); }) == errc::invalid_argument);
    CHECK(q.try_granules_exact(1_kg).error() == errc::invalid_argument);
    CHECK(q.try_granules_exact(3_kg).value() == 2);
    // 8,999,999,999,999,999,999 kg / 1.5 = 5,999,999,999,999,999,999.33...: not
    // whole granules, and 1.5 * 5,999,999,999,999,999,999 = 8,999,999,999,999,999,998.5
    // has 20 digits (the old check multiplied it out and threw overflow).
    CHECK(error_of([&] { return q.granules_exact(kg_of(8'999'999'999'999'999'999, 0)); }) ==
          errc::invalid_argument);
    CHECK(q.try_granules_exact(kg_of(8'999'999'999'999'999'999, 0)).error() ==
          errc::invalid_argument);
    // 1.5 * 2^63-1 has 20 digits: overflow. A negative count: negative_quantity.
    CHECK(error_of([&] { return q.to_quantity(int64_max); }) == errc::overflow);
    CHECK(q.try_to_quantity(int64_max).error() == errc::overflow);
    CHECK(error_of([&] { return q.to_quantity(-1); }) == errc::negative_quantity);
    CHECK(q.try_to_quantity(-1).error() == errc::negative_quantity);
    CHECK(q.try_to_quantity(2).value() == 3_kg);
}

TEST_CASE("regression: try_give_back never throws: a return of more granules than 2^63 - 1 "
          "exceeds the allocation; one whose product overflows is not whole granules",
          "[quota][regression][try][returns]") {
    quota_ledger<CAD, kilograms> thousandths(kg_year(1_kg, kg_of(1, 3)));
    const auto a = thousandths.allocate({1, date(2026, 3, 1), 1_kg, 1.00_CAD});
    auto before = thousandths;
    // 1e17 kg / 0.001 = 1e20 granules: more than the 1,000 held.
    CHECK(thousandths.try_give_back(a.receipt, kg_of(100'000'000'000'000'000, 0)) ==
          errc::return_exceeds_allocation);
    CHECK(error_of([&] {
              thousandths.give_back(a.receipt, kg_of(100'000'000'000'000'000, 0));
              return 0;
          }) == errc::return_exceeds_allocation);
    CHECK(thousandths.same_state(before));

    quota_ledger<CAD, kilograms> halves(kg_year(3_kg, kg_of(15, 1)));
    const auto b = halves.allocate({1, date(2026, 3, 1), 3_kg, 1.00_CAD});
    before = halves;
    // See above: 8,999,999,999,999,999,999 kg is not a whole number of 1.5 kg granules.
    CHECK(halves.try_give_back(b.receipt, kg_of(8'999'999'999'999'999'999, 0)) ==
          errc::invalid_argument);
    CHECK(halves.same_state(before));
    // amend to a quantity of more than 2^63 - 1 granules gives nothing back.
    halves.amend(b.receipt, kg_of(8'999'999'999'999'999'999, 0));
    CHECK(halves.same_state(before));
}

TEST_CASE("regression: concurrent_quota_pool::draw of more granules than 2^63 - 1 takes the "
          "balance instead of throwing",
          "[quota][regression][concurrent]") {
    concurrent_quota_pool<kilograms> pool(10_kg, kg_of(1, 3));
    // 1e17 kg / 0.001 kg = 1e20 granules requested; 10,000 granules (10 kg) held.
    CHECK(pool.draw(kg_of(100'000'000'000'000'000, 0)) == 10_kg);
    CHECK(pool.balance() == 0);
    // try_give_back returns what give_back raises: 0 granules, or more than drawn.
    CHECK(pool.try_give_back(0) == errc::invalid_argument);
    CHECK(error_of([&] {
              pool.give_back(0);
              return 0;
          }) == errc::invalid_argument);
    CHECK(pool.try_give_back(10'001) == errc::return_exceeds_allocation);
    CHECK(pool.try_give_back(10'000) == errc::ok);
    CHECK(pool.balance() == 10'000);
}

// ---------------------------------------------------------------------------
// §2: dates out of range (were wrong dates or UB)
// ---------------------------------------------------------------------------

TEST_CASE("regression: date::from_days_since_epoch(1568704613122) raises (returned 2026-03-01)",
          "[date][regression]") {
    CHECK(error_of([] { return date::from_days_since_epoch(1'568'704'613'122); }) ==
          errc::overflow);
    CHECK(date::try_from_days_since_epoch(1'568'704'613'122).error() == errc::overflow);
    CHECK(date::try_from_days_since_epoch(int64_max).error() == errc::overflow);
    CHECK(date::try_from_days_since_epoch(int64_min).error() == errc::overflow);
}

TEST_CASE("regression: date(2026,1,1).plus_days(1568704613063) raises (returned 2082-01-01); "
          "plus_days(INT64_MAX) raises (was UB)",
          "[date][regression]") {
    const date d(2026, 1, 1);
    CHECK(error_of([&] { return d.plus_days(1'568'704'613'063); }) == errc::overflow);
    CHECK(error_of([&] { return d.plus_days(int64_max); }) == errc::overflow);
    CHECK(error_of([&] { return d.plus_days(int64_min); }) == errc::overflow);
    CHECK(d.try_plus_days(1'568'704'613'063).error() == errc::overflow);
    CHECK(d.try_plus_days(int64_max).error() == errc::overflow);
    CHECK(d.try_plus_days(int64_min).error() == errc::overflow);
}

TEST_CASE("date range: 0001-01-01 is day -719,162 and 9999-12-31 day 2,932,896; one day beyond "
          "either end raises errc::overflow",
          "[date][regression]") {
    // Python: date(1,1,1).toordinal() - date(1970,1,1).toordinal() = 1 - 719163 = -719162;
    // date(9999,12,31).toordinal() - 719163 = 3652059 - 719163 = 2932896;
    // date(2026,1,1): 739617 - 719163 = 20454.
    STATIC_REQUIRE(date::min_days == -719'162);
    STATIC_REQUIRE(date::max_days == 2'932'896);
    STATIC_REQUIRE(date::from_days_since_epoch(-719'162) == date(1, 1, 1));
    STATIC_REQUIRE(date::from_days_since_epoch(2'932'896) == date(9999, 12, 31));
    STATIC_REQUIRE(date(2026, 1, 1).days_since_epoch() == 20'454);
    STATIC_REQUIRE(date(2026, 1, 1).plus_days(2'932'896 - 20'454) == date(9999, 12, 31));
    STATIC_REQUIRE(date(2026, 1, 1).plus_days(-719'162 - 20'454) == date(1, 1, 1));
    CHECK(date::try_from_days_since_epoch(-719'163).error() == errc::overflow);
    CHECK(date::try_from_days_since_epoch(2'932'897).error() == errc::overflow);
    CHECK(error_of([] { return date(9999, 12, 31).plus_days(1); }) == errc::overflow);
    CHECK(error_of([] { return date(1, 1, 1).plus_days(-1); }) == errc::overflow);
    // The widest steps that stay in range, from either end.
    CHECK(date(1, 1, 1).plus_days(2'932'896 + 719'162) == date(9999, 12, 31));
    CHECK(date(9999, 12, 31).plus_days(-(2'932'896 + 719'162)) == date(1, 1, 1));
    CHECK(date(1, 1, 1).try_plus_days(2'932'896 + 719'162 + 1).error() == errc::overflow);
}

TEST_CASE("date: every day of the range round-trips, and consecutive days are consecutive dates",
          "[date][regression]") {
    // The family test for from_days_since_epoch: 3,652,059 days, each the day
    // after the one before (the next day of the month, or the 1st of the next
    // month, or 1 January of the next year), and each back to its own number.
    date prev = date::from_days_since_epoch(date::min_days);
    REQUIRE(prev == date(1, 1, 1));
    std::int64_t bad = 0;
    for (std::int64_t z = date::min_days + 1; z <= date::max_days; ++z) {
        const auto d = date::try_from_days_since_epoch(z);
        if (!d) {
            ++bad;
            continue;
        }
        const date x = d.value_or({});
        const bool next_day =
            x.year() == prev.year() && x.month() == prev.month() && x.day() == prev.day() + 1;
        const bool next_month = x.year() == prev.year() && x.month() == prev.month() + 1 &&
                                x.day() == 1 &&
                                prev.day() == date::days_in_month(prev.year(), prev.month());
        const bool next_year = x.year() == prev.year() + 1 && x.month() == 1 && x.day() == 1 &&
                               prev.month() == 12 && prev.day() == 31;
        if (!(next_day || next_month || next_year) || x.days_since_epoch() != z)
            ++bad;
        prev = x;
    }
    CHECK(bad == 0);
    CHECK(prev == date(9999, 12, 31));
}

TEST_CASE("regression: date::days_in_month raises for a month outside 1-12 (was an "
          "out-of-bounds read)",
          "[date][regression]") {
    STATIC_REQUIRE_FALSE(noexcept(date::days_in_month(2026, 13)));
    CHECK(error_of([] { return date::days_in_month(2026, 13); }) == errc::invalid_argument);
    CHECK(error_of([] { return date::days_in_month(2026, 0); }) == errc::invalid_argument);
    // Gregorian leap years: 2000 (divisible by 400) yes, 1900 (by 100) no, 2028 (by 4) yes.
    CHECK(date::days_in_month(2000, 2) == 29);
    CHECK(date::days_in_month(1900, 2) == 28);
    CHECK(date::days_in_month(2028, 2) == 29);
    CHECK(date::days_in_month(2026, 4) == 30);
}

TEST_CASE("regression: date::try_make and parse reject year 0 as no such year",
          "[date][regression]") {
    CHECK(date::try_make(0, 1, 1).error() == errc::invalid_argument);
    CHECK(date::try_make(10'000, 1, 1).error() == errc::invalid_argument);
    CHECK(date::try_make(2026, 2, 29).error() == errc::invalid_argument);
    CHECK(date::try_make(2028, 2, 29).value() == date(2028, 2, 29));
    CHECK(error_of([] { return date(0, 1, 1); }) == errc::invalid_argument);
    const auto p = date::try_parse("0000-01-01");
    CHECK(p.error().code == errc::invalid_text);
    CHECK(std::string_view(p.error().reason) == "no such year (years run from 0001 to 9999)");
    CHECK(date::try_parse("0001-01-01").value() == date(1, 1, 1));
}

TEST_CASE("the try_ forms of date are noexcept; the throwing forms are not", "[date][regression]") {
    const date d;
    STATIC_REQUIRE(noexcept(date::try_from_days_since_epoch(0)));
    STATIC_REQUIRE(noexcept(d.try_plus_days(0)));
    STATIC_REQUIRE(noexcept(date::try_make(2026, 1, 1)));
    STATIC_REQUIRE_FALSE(noexcept(date::from_days_since_epoch(0)));
    STATIC_REQUIRE_FALSE(noexcept(d.plus_days(0)));
}

// ---------------------------------------------------------------------------
// The family: try_reserve / try_allocate / status near the limits
// ---------------------------------------------------------------------------

namespace {

struct splitmix {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
};

// A coefficient from the edges of the 64-bit range, or a random one.
std::int64_t edge_coefficient(splitmix& g) {
    constexpr std::int64_t edges[] = {1,
                                      2,
                                      7,
                                      999,
                                      1'000,
                                      99'999'999'999,
                                      100'000'000'000'000'000,
                                      922'337'203'685'477'580,
                                      4'611'686'018'427'387'903,
                                      9'000'000'000'000'000'000,
                                      9'111'111'111'111'111'111,
                                      9'223'372'036'854'775'806,
                                      int64_max};
    if (g.below(4) == 0)
        return 1 + g.below(int64_max);
    const std::int64_t e = edges[g.below(sizeof edges / sizeof edges[0])];
    return e - g.below(e < 3 ? 1 : 3); // the edge or just below it
}

wide_decimal widen(decimal d) {
    return wide_decimal::from_parts(d.coefficient(), d.scale());
}

} // namespace

TEST_CASE("family: try_reserve and try_allocate never throw near the limits; a success is exact "
          "(in + over = claimed, the value parts sum to the value, whole granules, the pools "
          "drawn by exactly that) and a failure changes nothing; status never throws",
          "[quota][regression][try][family]") {
    splitmix g{20'260'301};
    constexpr int cases = 20'000;
    int thrown = 0, succeeded = 0, refused = 0, skipped = 0;
    for (int i = 0; i < cases; ++i) {
        // Granularity: 10^-k, 1.5, 2.5 or 10^k (k up to 6).
        const int k = static_cast<int>(g.below(7));
        const decimal granularity = g.below(3) == 0
                                        ? decimal::from_parts(g.below(2) == 0 ? 15 : 25, 1)
                                    : g.below(2) == 0 ? decimal::from_parts(1, k)
                                                      : decimal::from_parts(1'000'000, 6 - k);
        auto q = tariff_rate_quota<CAD, kilograms>("F", free_path, full_path,
                                                   quantity<kilograms>(granularity));
        const auto volume = q.try_to_quantity(edge_coefficient(g));
        if (!volume) {
            ++skipped;
            continue;
        }
        q = q.with_period("Y", date(2026, 1, 1), date(2026, 12, 31), volume.value());
        if (g.below(2) == 0) {
            // (One draw a statement: the order of function arguments is unspecified.)
            const std::int64_t limit_coefficient = edge_coefficient(g);
            const auto limit =
                decimal::try_from_parts(limit_coefficient, static_cast<int>(g.below(3)));
            q = q.with_reserve({ad_valorem::from_percent(decimal(g.below(101))),
                                money<CAD>(limit.value_or(decimal(1))),
                                unused_reserve::joins_general});
        }
        // Refused (errc::overflow) if its granules times the granularity's
        // coefficient exceed 2^63 - 1; see the next test.
        const std::int64_t granules = q.granules_exact(q.period(0).volume);
        if (granules > quota_ledger<CAD, kilograms>::max_granules(q.granularity())) {
            CHECK(error_of([&] { return quota_ledger<CAD, kilograms>(q); }) == errc::overflow);
            ++skipped;
            continue;
        }
        quota_ledger<CAD, kilograms> ledger(q);
        const int draws = 1 + static_cast<int>(g.below(3));
        for (int d = 0; d < draws; ++d) {
            const std::int64_t claimed_coefficient = edge_coefficient(g);
            const auto claimed =
                decimal::try_from_parts(claimed_coefficient, static_cast<int>(g.below(19)));
            std::int64_t value_coefficient = edge_coefficient(g);
            if (g.below(2) == 0)
                value_coefficient /= 1'000'000'000;
            const auto value =
                decimal::try_from_parts(value_coefficient, static_cast<int>(g.below(3)));
            const quota_claim<CAD, kilograms> claim{
                static_cast<std::uint64_t>(d + 1), date(2026, 6, 1),
                quantity<kilograms>(claimed.value()), money<CAD>(value.value())};
            const auto before = ledger;
            const std::int64_t general = ledger.balance(0, quota_pool::general);
            const std::int64_t reserved = ledger.balance(0, quota_pool::reserved);
            try {
                const auto a = (g.below(2) == 0) ? ledger.try_allocate(claim) : [&] {
                    auto r = ledger.try_reserve(claim);
                    if (!r)
                        return result<quota_allocation<CAD, kilograms>>(r.error());
                    auto held = r.value_or({});
                    return ledger.try_commit(held);
                }();
                if (!a) {
                    ++refused;
                    CHECK(ledger.same_state(before));
                } else {
                    ++succeeded;
                    const auto& x = a.value_or({});
                    CHECK(widen(x.in_quota.value()) + widen(x.over_quota.value()) ==
                          widen(claimed.value()));
                    CHECK(widen(x.value_in_quota.amount()) + widen(x.value_over_quota.amount()) ==
                          widen(value.value()));
                    CHECK(x.from_reserve >= 0);
                    CHECK(x.from_general >= 0);
                    CHECK(x.from_reserve <= reserved);
                    CHECK(x.from_general <= general);
                    CHECK(q.try_granules_exact(x.in_quota).value_or(-1) ==
                          x.from_reserve + x.from_general);
                    CHECK(ledger.balance(0, quota_pool::reserved) == reserved - x.from_reserve);
                    CHECK(ledger.balance(0, quota_pool::general) == general - x.from_general);
                }
                (void)ledger.status(0);
            } catch (const std::exception& e) {
                if (++thrown <= 5)
                    FAIL_CHECK("threw "
                               << e.what() << ": granularity " << granularity.coefficient() << "e-"
                               << granularity.scale() << ", claim " << claimed.value().coefficient()
                               << "e-" << claimed.value().scale() << ", value "
                               << value.value().coefficient() << "e-" << value.value().scale()
                               << ", general " << general << ", reserved " << reserved);
            }
        }
    }
    CHECK(thrown == 0);
    // The sweep must reach both outcomes to mean anything.
    CHECK(succeeded > cases / 4);
    CHECK(refused > 0);
    INFO("succeeded " << succeeded << ", refused " << refused << ", skipped " << skipped);
    CHECK(skipped < cases / 2);
}

TEST_CASE("noexcept audit of quota.hpp: the try_ forms are noexcept, the forms that raise are not",
          "[quota][regression][noexcept]") {
    using Q = tariff_rate_quota<CAD, kilograms>;
    using L = quota_ledger<CAD, kilograms>;
    using R = L::reservation;
    using kg = quantity<kilograms>;
    // (The arguments are std::declval too: a literal's own conversion is not noexcept.)
    STATIC_REQUIRE(noexcept(std::declval<const Q&>().try_granules_down(std::declval<kg>())));
    STATIC_REQUIRE(noexcept(std::declval<const Q&>().try_granules_exact(std::declval<kg>())));
    STATIC_REQUIRE(noexcept(std::declval<const Q&>().try_to_quantity(std::int64_t{1})));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const Q&>().granules_down(std::declval<kg>())));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const Q&>().granules_exact(std::declval<kg>())));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const Q&>().to_quantity(std::int64_t{1})));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const Q&>().reserved_granules(std::size_t{0})));
    STATIC_REQUIRE(noexcept(std::declval<const L&>().try_release(std::declval<R&>())));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const L&>().release(std::declval<R&>())));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<L&>().commit(std::declval<R&>())));
    STATIC_REQUIRE_FALSE(noexcept(std::declval<const L&>().status(std::size_t{0})));
}

TEST_CASE("regression: grow and fill_ratio reject a rounding mode that is not one, even when "
          "nothing rounds",
          "[quota][regression][rounding]") {
    const auto bad = static_cast<tariff::rounding_mode>(42);
    // years == 0: no year rounds, yet the mode is still checked.
    CHECK_THROWS_AS(tariff::grow(49'000_each, 6.5_pct, 0, 1_each, bad), tariff::domain_error);
    CHECK_THROWS_AS(tariff::grow(49'000_each, 6.5_pct, 2, 1_each, bad), tariff::domain_error);
    // An empty period has nothing to divide, yet the mode is still checked.
    const tariff::quota_status<tariff::units::each> empty{};
    CHECK_THROWS_AS(empty.fill_ratio(2, bad), tariff::domain_error);
    // Positive controls: valid modes. 49,000 x 1.065 = 52,185 (by hand).
    CHECK(tariff::grow(49'000_each, 6.5_pct, 1, 1_each, tariff::rounding::half_even) ==
          52'185_each);
    CHECK(empty.fill_ratio(2, tariff::rounding::half_even) == 0);
}
