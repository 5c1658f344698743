// Tariff-rate quotas and the quota ledger (tariff/quota.hpp).
//
// Rules under test, from quota.hpp and /work/shared/DOMAIN.md §1 and §3:
//  - First come, first served: a claim of q units against a balance b gets
//    min(q, b) in quota (whole granules, rounded down) and the rest over
//    quota; its value is apportioned by quantity with the largest-remainder
//    rule (allocate.hpp: part i first gets floor(U * w_i / W) units of the
//    value's own precision, the leftover units go to the largest remainders,
//    the in-quota part first on a tie), so the parts sum to the value.
//  - Same-day claims that exceed a balance share it pro rata, each
//    floor(balance * claim / total) granules (UK SI 2020/1457 reg. 11(3)); the
//    residue stays in the balance and is reported.
//  - Cancelled or amended entries give their in-quota quantity back (DOMAIN
//    §3: nothing is lost); a rejected claim or return changes nothing.
//  - Every balance change is an event from which the balances can be rebuilt.
//  - A period is critical once 90 % of it is used (EU 2015/2447 art. 53).
//  - The Canadian EV quota: 49,000 vehicles a year in two halves of 24,500,
//    the second getting what the first left (Notice to Importers 1162), growing
//    6.5 % a year, with a share reserved for EVs of FOB price <= CAD 35,000.
//
// Every expected figure is worked out by hand in the comment beside it; the
// growth figures and the value splits were also checked with Python's decimal
// module (noted where so).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

using vehicles = units::each;
using kilograms = units::kilogram;

// The two EV paths (DOMAIN.md §1). By hand, one vehicle of CAD 40,000.00:
//   in quota: MFN 6.1 % = 2,440.00; GST 5 % of 42,440.00 = 2,122.00; total 4,562.00
//   standard: MFN 2,440.00 + surtax 100 % 40,000.00 = 42,440.00;
//             GST 5 % of 82,440.00 = 4,122.00; total 46,562.00
constexpr tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};
constexpr auto in_quota_path =
    duty_path<CAD>("in quota").with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct).with_tax(gst);
constexpr auto standard_path = duty_path<CAD>("standard")
                                   .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                                   .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                                   .with_tax(gst);

// A one-period quota of `volume` vehicles, 2026-03-01 to 2026-08-31.
constexpr tariff_rate_quota<CAD, vehicles> one_half(quantity<vehicles> volume) {
    return tariff_rate_quota<CAD, vehicles>("EV-test", in_quota_path, standard_path)
        .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), volume);
}
// The quota year in two halves (H1 March-August, H2 September-February).
constexpr tariff_rate_quota<CAD, vehicles> two_halves(quantity<vehicles> per_half,
                                                      bool carry_over) {
    return tariff_rate_quota<CAD, vehicles>("EV-CN-2026", in_quota_path, standard_path)
        .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), per_half)
        .with_period("H2", date(2026, 9, 1), date(2027, 2, 28), per_half)
        .with_carry_over(carry_over);
}

// A kg quota (granularity 1 kg unless given) with ad valorem paths.
constexpr tariff_rate_quota<CAD, kilograms> kg_quota(quantity<kilograms> volume,
                                                     quantity<kilograms> granularity = 1_kg) {
    constexpr auto within = duty_path<CAD>("within access").with_duty("MFN", "test", 7.5_pct);
    constexpr auto over = duty_path<CAD>("over access").with_duty("MFN", "test", 245.5_pct);
    return tariff_rate_quota<CAD, kilograms>("KG-test", within, over, granularity)
        .with_period("Y", date(2026, 1, 1), date(2026, 12, 31), volume);
}

// Everything a rejected operation must leave alone.
template <class C, class U>
std::vector<std::int64_t> snapshot(const quota_ledger<C, U>& l) {
    std::vector<std::int64_t> s;
    for (std::size_t i = 0; i < l.quota().period_count(); ++i) {
        s.push_back(l.balance(i, quota_pool::general));
        s.push_back(l.balance(i, quota_pool::reserved));
        s.push_back(static_cast<std::int64_t>(l.status(i).closed));
    }
    s.push_back(static_cast<std::int64_t>(l.events().size()));
    s.push_back(static_cast<std::int64_t>(l.allocation_count()));
    s.push_back(static_cast<std::int64_t>(l.open_period()));
    return s;
}

// Rebuilds every pool's balance from its opening balance and the event log
// alone, checking that each event is consistent with its kind, and compares
// the result with the ledger's balances.
template <class C, class U>
void check_replay(const quota_ledger<C, U>& l) {
    const std::size_t n = l.quota().period_count();
    std::vector<std::array<std::int64_t, 2>> b(n);
    for (std::size_t i = 0; i < n; ++i)
        b[i] = {l.opening(i, quota_pool::general), l.opening(i, quota_pool::reserved)};
    for (const quota_event& e : l.events()) {
        REQUIRE(e.period < n);
        std::int64_t& running = b[e.period][e.pool == quota_pool::general ? 0 : 1];
        CHECK(e.old_balance == running);
        CHECK(e.amount >= 0);
        const bool adds =
            e.kind == quota_event_kind::returned || e.kind == quota_event_kind::carried_in;
        CHECK(e.new_balance == (adds ? e.old_balance + e.amount : e.old_balance - e.amount));
        CHECK(e.new_balance >= 0);
        const bool per_entry =
            e.kind == quota_event_kind::allocation || e.kind == quota_event_kind::returned;
        CHECK((e.entry_id != 0) == per_entry); // the tests number entries from 1
        running = e.new_balance;
    }
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(b[i][0] == l.balance(i, quota_pool::general));
        CHECK(b[i][1] == l.balance(i, quota_pool::reserved));
    }
}

template <class C, class U>
std::size_t count_kind(const quota_ledger<C, U>& l, quota_event_kind kind) {
    std::size_t n = 0;
    for (const auto& e : l.events())
        n += e.kind == kind ? 1 : 0;
    return n;
}

} // namespace

// ---------------------------------------------------------------------------
// First come, first served
// ---------------------------------------------------------------------------

TEST_CASE("FCFS: a claim within the balance is wholly in quota and draws the balance down",
          "[quota][fcfs]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    // 4 vehicles against 10: min(4, 10) = 4 in, 0 over; balance 10 - 4 = 6.
    const auto a = ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD});
    CHECK(a.period == 0);
    CHECK(a.in_quota == 4_each);
    CHECK(a.over_quota == 0_each);
    CHECK(a.value_in_quota == 160'000.00_CAD);
    CHECK(a.value_over_quota == 0.00_CAD);
    CHECK(ledger.balance(0, quota_pool::general) == 6);
}

TEST_CASE("FCFS: a claim larger than the balance gets min(q, b) in quota and the rest over; "
          "later claims are wholly over",
          "[quota][fcfs]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    (void)ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD});
    // 8 vehicles worth 320,000.00 against a balance of 6: 6 in, 2 over.
    // Value by quantity 6 : 2 of 32,000,000 cents: 24,000,000 and 8,000,000, no remainder.
    const auto b = ledger.allocate({2, date(2026, 4, 2), 8_each, 320'000.00_CAD});
    CHECK(b.in_quota == 6_each);
    CHECK(b.over_quota == 2_each);
    CHECK(b.value_in_quota == 240'000.00_CAD);
    CHECK(b.value_over_quota == 80'000.00_CAD);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    // Balance 0: min(3, 0) = 0 in quota.
    const auto c = ledger.allocate({3, date(2026, 4, 3), 3_each, 120'000.00_CAD});
    CHECK(c.in_quota == 0_each);
    CHECK(c.over_quota == 3_each);
    CHECK(c.value_in_quota == 0.00_CAD);
    CHECK(c.value_over_quota == 120'000.00_CAD);
}

TEST_CASE("FCFS value split: CAD 100.00 for 3 vehicles with 1 in quota is 33.33 in and 66.67 "
          "over (the leftover cent goes to the larger remainder)",
          "[quota][fcfs][split]") {
    quota_ledger<CAD, vehicles> ledger(one_half(1_each));
    // 10,000 cents by weights 1 : 2 (sum 3): floor(10,000/3) = 3,333 rem 1/3,
    // floor(20,000/3) = 6,666 rem 2/3; 1 cent left, to the larger remainder (over).
    // (Python decimal / largest remainder: [3333, 6667].)
    const auto a = ledger.allocate({1, date(2026, 3, 2), 3_each, 100.00_CAD});
    CHECK(a.in_quota == 1_each);
    CHECK(a.over_quota == 2_each);
    CHECK(a.value_in_quota == 33.33_CAD);
    CHECK(a.value_over_quota == 66.67_CAD);
    CHECK(a.value_in_quota + a.value_over_quota == 100.00_CAD);
}

TEST_CASE("FCFS value split: on equal remainders the in-quota part takes the leftover unit",
          "[quota][fcfs][split]") {
    SECTION("CAD 100.01 for 2 vehicles, 1 in quota: 50.01 in, 50.00 over") {
        // 10,001 cents by 1 : 1: 5,000 each, both remainders 1/2; the tie goes to
        // the in-quota part (Python: [5001, 5000]).
        quota_ledger<CAD, vehicles> ledger(one_half(1_each));
        const auto a = ledger.allocate({1, date(2026, 3, 2), 2_each, 100.01_CAD});
        CHECK(a.value_in_quota == 50.01_CAD);
        CHECK(a.value_over_quota == 50.00_CAD);
    }
    SECTION("CAD 0.01 for 2 vehicles, 1 in quota: 0.01 in, 0.00 over") {
        quota_ledger<CAD, vehicles> ledger(one_half(1_each));
        const auto a = ledger.allocate({1, date(2026, 3, 2), 2_each, 0.01_CAD});
        CHECK(a.value_in_quota == 0.01_CAD);
        CHECK(a.value_over_quota == 0.00_CAD);
    }
}

TEST_CASE("FCFS value split: a value with more places than the minor unit is split at its own "
          "precision",
          "[quota][fcfs][split]") {
    quota_ledger<CAD, vehicles> ledger(one_half(1_each));
    // CAD 100.001 = 100,001 mils by 1 : 2: floor(100,001/3) = 33,333 rem 2/3,
    // floor(200,002/3) = 66,667 rem 1/3; 1 mil left, to the larger remainder
    // (in quota): 33.334 and 66.667 (Python: [33334, 66667]); they sum to 100.001.
    const auto a = ledger.allocate({1, date(2026, 3, 2), 3_each, 100.001_CAD});
    CHECK(a.value_in_quota == 33.334_CAD);
    CHECK(a.value_over_quota == 66.667_CAD);
}

TEST_CASE("FCFS in kg: a claim of 1,000.5 kg against 600 kg gets 600 kg in quota and 400.5 kg "
          "over, value split by quantity",
          "[quota][fcfs][split]") {
    SECTION("CAD 2,001.00 (2.00 a kg) splits exactly into 1,200.00 and 801.00") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(600_kg));
        // Weights 600 : 400.5 = 6,000 : 4,005 (sum 10,005); 200,100 cents * 6,000 /
        // 10,005 = 120,000 and * 4,005 / 10,005 = 80,100 exactly.
        const auto a = ledger.allocate({1, date(2026, 5, 1), 1'000.5_kg, 2'001.00_CAD});
        CHECK(a.in_quota == 600_kg);
        CHECK(a.over_quota == 400.5_kg);
        CHECK(a.value_in_quota == 1'200.00_CAD);
        CHECK(a.value_over_quota == 801.00_CAD);
        CHECK(ledger.balance(0, quota_pool::general) == 0);
    }
    SECTION("CAD 1,000.00 splits into 599.70 and 400.30 (the leftover cent goes over)") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(600_kg));
        // 100,000 cents * 6,000 / 10,005 = 59,970.0149... -> 59,970 (rem .0149);
        // 100,000 * 4,005 / 10,005 = 40,029.985... -> 40,029 (rem .985); 1 cent
        // left, to the larger remainder (over). Python: [59970, 40030].
        const auto a = ledger.allocate({1, date(2026, 5, 1), 1'000.5_kg, 1'000.00_CAD});
        CHECK(a.in_quota == 600_kg);
        CHECK(a.over_quota == 400.5_kg);
        CHECK(a.value_in_quota == 599.70_CAD);
        CHECK(a.value_over_quota == 400.30_CAD);
    }
}

TEST_CASE("FCFS: the in-quota part is whole granules, rounded down; the fraction goes over",
          "[quota][fcfs][granularity]") {
    SECTION("600.5 kg against 1,000 kg in 1 kg granules: 600 kg in, 0.5 kg over") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(1'000_kg));
        // Weights 600 : 0.5 = 6,000 : 5 (sum 6,005) of 600,500 cents: 600,000 and 500.
        const auto a = ledger.allocate({1, date(2026, 5, 1), 600.5_kg, 6'005.00_CAD});
        CHECK(a.in_quota == 600_kg);
        CHECK(a.over_quota == 0.5_kg);
        CHECK(a.value_in_quota == 6'000.00_CAD);
        CHECK(a.value_over_quota == 5.00_CAD);
        CHECK(ledger.balance(0, quota_pool::general) == 400);
    }
    SECTION("0.5 kg: no whole granule, all over quota, balance untouched") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(1'000_kg));
        const auto a = ledger.allocate({1, date(2026, 5, 1), 0.5_kg, 5.00_CAD});
        CHECK(a.in_quota == 0_kg);
        CHECK(a.over_quota == 0.5_kg);
        CHECK(a.value_over_quota == 5.00_CAD);
        CHECK(ledger.balance(0, quota_pool::general) == 1'000);
    }
    SECTION("granules of 25 kg: 130 kg against 100 kg is 100 kg in, 30 kg over") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(100_kg, 25_kg));
        // Balance 4 granules; 130 kg is 5 whole granules; min(5, 4) = 4 = 100 kg.
        const auto a = ledger.allocate({1, date(2026, 5, 1), 130_kg, 130.00_CAD});
        CHECK(a.in_quota == 100_kg);
        CHECK(a.over_quota == 30_kg);
        CHECK(a.value_in_quota == 100.00_CAD);
        CHECK(a.value_over_quota == 30.00_CAD);
    }
    SECTION("granules of 25 kg: 60 kg against 100 kg is 50 kg in, 10 kg over") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(100_kg, 25_kg));
        // 60 kg is 2 whole granules (50 kg); the 10 kg fraction pays over quota.
        const auto a = ledger.allocate({1, date(2026, 5, 1), 60_kg, 60.00_CAD});
        CHECK(a.in_quota == 50_kg);
        CHECK(a.over_quota == 10_kg);
        CHECK(ledger.balance(0, quota_pool::general) == 2);
    }
}

// ---------------------------------------------------------------------------
// Assessment of both parts
// ---------------------------------------------------------------------------

TEST_CASE("each part of a split EV claim is assessed on its own path: 4,562.00 a vehicle in "
          "quota, 46,562.00 over",
          "[quota][assess]") {
    quota_ledger<CAD, vehicles> ledger(one_half(1_each));
    // 3 vehicles at 40,000.00 each against a balance of 1: 1 in (40,000.00), 2 over (80,000.00).
    const auto a = ledger.allocate({1, date(2026, 3, 2), 3_each, 120'000.00_CAD});
    REQUIRE(a.value_in_quota == 40'000.00_CAD);
    REQUIRE(a.value_over_quota == 80'000.00_CAD);
    const auto paid = assess(ledger.quota(), a, {tariff::rounding::half_even});
    // In quota: MFN 2,440.00, GST 2,122.00, total 4,562.00 (DOMAIN.md §1).
    CHECK(paid.in_quota.duties() == 2'440.00_CAD);
    CHECK(paid.in_quota.taxes() == 2'122.00_CAD);
    CHECK(paid.in_quota.total() == 4'562.00_CAD);
    // Over quota on 80,000.00: MFN 4,880.00 + surtax 80,000.00 = 84,880.00;
    // GST 5 % of 164,880.00 = 8,244.00; total 93,124.00 = 2 * 46,562.00.
    CHECK(paid.over_quota.duties() == 84'880.00_CAD);
    CHECK(paid.over_quota.taxes() == 8'244.00_CAD);
    CHECK(paid.over_quota.total() == 93'124.00_CAD);
    // Both: 4,562.00 + 93,124.00 = 97,686.00.
    CHECK(paid.duties() == 87'320.00_CAD);
    CHECK(paid.taxes() == 10'366.00_CAD);
    CHECK(paid.total() == 97'686.00_CAD);
}

TEST_CASE("a claim wholly in quota is assessed entirely on the in-quota path", "[quota][assess]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    const auto a = ledger.allocate({1, date(2026, 3, 2), 2_each, 80'000.00_CAD});
    const auto paid = assess(ledger.quota(), a, {tariff::rounding::half_even});
    CHECK(paid.in_quota.total() == 2 * 4'562.00_CAD);
    CHECK(paid.over_quota.total() == 0.00_CAD);
    CHECK(paid.total() == 9'124.00_CAD);
}

// ---------------------------------------------------------------------------
// A quota year checked by the compiler
// ---------------------------------------------------------------------------

namespace {
// H1 and H2 of 10 vehicles each, with carry-over:
//   a: 4 vehicles for 160,000.00 in H1: 4 in; H1 balance 6.
//   b: 7 vehicles for CAD 100.00 in H1: 6 in, 1 over; 10,000 cents by 6 : 1:
//      floor(60,000/7) = 8,571 rem 3/7, floor(10,000/7) = 1,428 rem 4/7; the
//      leftover cent goes over: 85.71 and 14.29. H1 balance 0.
//   a cancelled: 4 back to H1 (still open); H1 balance 4.
//   c: 15 vehicles for 600,000.00 dated in H2: closes H1 (4 carried over),
//      H2 balance 10 + 4 = 14: 14 in, 1 over; H2 balance 0, exhausted.
//   Events: a 1, b 1, cancel 1, carried out + carried in 2, c 1 = 6.
struct small_year_result {
    std::int64_t b_in, b_over, b_value_in_cents, b_value_over_cents;
    std::int64_t c_in, c_over, h1_balance, h2_balance, events, allocations;
    bool h1_closed;
    quota_state h2_state;
    money<CAD> a_total;
};
constexpr small_year_result small_year = [] {
    const auto q = two_halves(10_each, true);
    quota_ledger<CAD, vehicles> ledger(q);
    const auto a = ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD});
    const auto b = ledger.allocate({2, date(2026, 4, 2), 7_each, 100.00_CAD});
    ledger.cancel(a.receipt);
    const auto c = ledger.allocate({3, date(2026, 9, 2), 15_each, 600'000.00_CAD});
    return small_year_result{q.granules_down(b.in_quota),
                             q.granules_down(b.over_quota),
                             b.value_in_quota.minor_units(),
                             b.value_over_quota.minor_units(),
                             q.granules_down(c.in_quota),
                             q.granules_down(c.over_quota),
                             ledger.balance(0, quota_pool::general),
                             ledger.balance(1, quota_pool::general),
                             static_cast<std::int64_t>(ledger.events().size()),
                             static_cast<std::int64_t>(ledger.allocation_count()),
                             ledger.status(0).closed,
                             ledger.status(1).state,
                             assess(q, a, {tariff::rounding::half_even}).total()};
}();
} // namespace

TEST_CASE("a small quota year is allocated at compile time with the hand-computed figures",
          "[quota][constexpr]") {
    STATIC_REQUIRE(small_year.b_in == 6);
    STATIC_REQUIRE(small_year.b_over == 1);
    STATIC_REQUIRE(small_year.b_value_in_cents == 8'571);
    STATIC_REQUIRE(small_year.b_value_over_cents == 1'429);
    STATIC_REQUIRE(small_year.c_in == 14);
    STATIC_REQUIRE(small_year.c_over == 1);
    STATIC_REQUIRE(small_year.h1_balance == 0);
    STATIC_REQUIRE(small_year.h2_balance == 0);
    STATIC_REQUIRE(small_year.events == 6);
    STATIC_REQUIRE(small_year.allocations == 3);
    STATIC_REQUIRE(small_year.h1_closed);
    STATIC_REQUIRE(small_year.h2_state == quota_state::exhausted);
    STATIC_REQUIRE(small_year.a_total == 4 * 4'562.00_CAD);
}

// ---------------------------------------------------------------------------
// Same-day claims: pro rata
// ---------------------------------------------------------------------------

TEST_CASE("pro rata: same-day claims exceeding the balance each get floor(balance * q / total) "
          "granules; the residue is reported and stays in the balance",
          "[quota][pro_rata]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    (void)ledger.allocate({1, date(2026, 3, 2), 3_each, 120'000.00_CAD}); // balance 7
    const std::vector<quota_claim<CAD, vehicles>> day{
        {2, date(2026, 3, 5), 4_each, 160'000.00_CAD},
        {3, date(2026, 3, 5), 6_each, 240'000.00_CAD},
        {4, date(2026, 3, 5), 5_each, 200'000.00_CAD},
    };
    // Total 15 > 7: floor(7*4/15) = floor(1.87) = 1, floor(7*6/15) = floor(2.8) = 2,
    // floor(7*5/15) = floor(2.33) = 2; given 5, residue 7 - 5 = 2.
    const auto r = ledger.allocate_same_day(day);
    CHECK(r.pro_rata);
    CHECK(r.residue == 2_each);
    REQUIRE(r.allocations.size() == 3);
    CHECK(r.allocations[0].entry_id == 2);
    CHECK(r.allocations[0].in_quota == 1_each);
    CHECK(r.allocations[0].over_quota == 3_each);
    CHECK(r.allocations[1].in_quota == 2_each);
    CHECK(r.allocations[1].over_quota == 4_each);
    CHECK(r.allocations[2].in_quota == 2_each);
    CHECK(r.allocations[2].over_quota == 3_each);
    // 40,000.00 a vehicle: the value splits with the quantity.
    CHECK(r.allocations[0].value_in_quota == 40'000.00_CAD);
    CHECK(r.allocations[0].value_over_quota == 120'000.00_CAD);
    CHECK(r.allocations[2].value_in_quota == 80'000.00_CAD);
    CHECK(ledger.balance(0, quota_pool::general) == 2);
    CHECK(ledger.allocation_count() == 4);
    // Receipts are issued in the order of the claims.
    CHECK(r.allocations[0].receipt == 1);
    CHECK(r.allocations[2].receipt == 3);
}

TEST_CASE("pro rata in kg works in whole granules: 10 kg granules, residue one granule",
          "[quota][pro_rata][granularity]") {
    quota_ledger<CAD, kilograms> ledger(kg_quota(100_kg, 10_kg));
    const std::vector<quota_claim<CAD, kilograms>> day{
        {1, date(2026, 6, 1), 55_kg, 55.00_CAD},
        {2, date(2026, 6, 1), 45_kg, 45.00_CAD},
        {3, date(2026, 6, 1), 30_kg, 30.00_CAD},
    };
    // Balance 10 granules. Whole granules claimed: 5, 4, 3 (total 12 > 10).
    // floor(10*5/12) = 4, floor(10*4/12) = 3, floor(10*3/12) = 2: 9 given, residue 1
    // granule = 10 kg. In quota 40, 30, 20 kg; over 15, 15, 10 kg.
    const auto r = ledger.allocate_same_day(day);
    CHECK(r.pro_rata);
    CHECK(r.residue == 10_kg);
    CHECK(r.allocations[0].in_quota == 40_kg);
    CHECK(r.allocations[0].over_quota == 15_kg);
    CHECK(r.allocations[1].in_quota == 30_kg);
    CHECK(r.allocations[1].over_quota == 15_kg);
    CHECK(r.allocations[2].in_quota == 20_kg);
    CHECK(r.allocations[2].over_quota == 10_kg);
    // 1.00 a kg: 40.00 + 15.00, and so on.
    CHECK(r.allocations[0].value_in_quota == 40.00_CAD);
    CHECK(r.allocations[0].value_over_quota == 15.00_CAD);
    CHECK(ledger.balance(0, quota_pool::general) == 1);
}

TEST_CASE("pro rata never allocates more than the balance, for many uneven claims",
          "[quota][pro_rata]") {
    quota_ledger<CAD, vehicles> ledger(one_half(997_each));
    std::vector<quota_claim<CAD, vehicles>> day;
    std::int64_t total = 0;
    for (std::int64_t k = 1; k <= 40; ++k) {
        const std::int64_t q = (k * 37) % 101 + 1; // 1 to 101 vehicles
        total += q;
        day.push_back({static_cast<std::uint64_t>(k), date(2026, 4, 1), q * each,
                       money<CAD>::from_minor_units(q * 1'000'000)});
    }
    REQUIRE(total > 997);
    const auto r = ledger.allocate_same_day(day);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < day.size(); ++i) {
        const std::int64_t q = ledger.quota().granules_down(day[i].quantity_claimed);
        const std::int64_t got = ledger.quota().granules_down(r.allocations[i].in_quota);
        CHECK(got == 997 * q / total); // the rule, in plain integer arithmetic
        CHECK(r.allocations[i].in_quota + r.allocations[i].over_quota == day[i].quantity_claimed);
        given += got;
    }
    CHECK(given <= 997);
    CHECK(ledger.quota().to_quantity(997 - given) == r.residue);
    CHECK(ledger.balance(0, quota_pool::general) == 997 - given);
    // Each share was rounded down by less than one granule, so the residue is
    // below the number of claims.
    CHECK(997 - given < static_cast<std::int64_t>(day.size()));
}

TEST_CASE("same-day claims that fit in the balance are all served in full, not pro rata",
          "[quota][pro_rata]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    const std::vector<quota_claim<CAD, vehicles>> day{
        {1, date(2026, 3, 5), 3_each, 120'000.00_CAD},
        {2, date(2026, 3, 5), 3_each, 120'000.00_CAD},
        {3, date(2026, 3, 5), 4_each, 160'000.00_CAD},
    };
    // 3 + 3 + 4 = 10 <= 10: each in full, nothing left.
    const auto r = ledger.allocate_same_day(day);
    CHECK_FALSE(r.pro_rata);
    CHECK(r.residue == 0_each);
    CHECK(r.allocations[0].in_quota == 3_each);
    CHECK(r.allocations[1].in_quota == 3_each);
    CHECK(r.allocations[2].in_quota == 4_each);
    CHECK(r.allocations[2].over_quota == 0_each);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
}

TEST_CASE("same-day batch: mixed dates or any bad claim reject the batch with nothing changed",
          "[quota][pro_rata][rejected]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    (void)ledger.allocate({1, date(2026, 3, 2), 3_each, 120'000.00_CAD});
    const auto before = snapshot(ledger);
    SECTION("mixed dates: errc::invalid_argument") {
        const std::vector<quota_claim<CAD, vehicles>> day{
            {2, date(2026, 3, 5), 4_each, 160'000.00_CAD},
            {3, date(2026, 3, 6), 6_each, 240'000.00_CAD},
        };
        CHECK(error_of([&] { return ledger.allocate_same_day(day); }) == errc::invalid_argument);
    }
    SECTION("a zero quantity among good claims: errc::invalid_argument") {
        const std::vector<quota_claim<CAD, vehicles>> day{
            {2, date(2026, 3, 5), 4_each, 160'000.00_CAD},
            {3, date(2026, 3, 5), 0_each, 0.00_CAD},
        };
        CHECK(error_of([&] { return ledger.allocate_same_day(day); }) == errc::invalid_argument);
    }
    SECTION("a negative value among good claims: errc::negative_quantity") {
        const std::vector<quota_claim<CAD, vehicles>> day{
            {2, date(2026, 3, 5), 4_each, 160'000.00_CAD},
            {3, date(2026, 3, 5), 1_each, -0.01_CAD},
        };
        CHECK(error_of([&] { return ledger.allocate_same_day(day); }) == errc::negative_quantity);
    }
    SECTION("a batch dated outside every period: errc::outside_period") {
        const std::vector<quota_claim<CAD, vehicles>> day{
            {2, date(2026, 9, 5), 4_each, 160'000.00_CAD},
        };
        CHECK(error_of([&] { return ledger.allocate_same_day(day); }) == errc::outside_period);
    }
    CHECK(snapshot(ledger) == before);
    CHECK(ledger.balance(0, quota_pool::general) == 7);
}

// ---------------------------------------------------------------------------
// Returns
// ---------------------------------------------------------------------------

TEST_CASE("cancel gives back the in-quota quantity only", "[quota][returns]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    (void)ledger.allocate({1, date(2026, 3, 2), 2_each, 80'000.00_CAD}); // balance 8
    // 11 vehicles against 8: 8 in, 3 over. Cancelling gives back the 8 only.
    const auto a = ledger.allocate({2, date(2026, 3, 3), 11_each, 440'000.00_CAD});
    REQUIRE(a.in_quota == 8_each);
    REQUIRE(ledger.balance(0, quota_pool::general) == 0);
    ledger.cancel(a.receipt);
    CHECK(ledger.balance(0, quota_pool::general) == 8);
    const quota_event& e = ledger.events().back();
    CHECK(e.kind == quota_event_kind::returned);
    CHECK(e.entry_id == 2);
    CHECK(e.amount == 8);
    CHECK(e.old_balance == 0);
    CHECK(e.new_balance == 8);
    // Cancelling again gives nothing more back and logs nothing.
    const auto before = snapshot(ledger);
    ledger.cancel(a.receipt);
    CHECK(snapshot(ledger) == before);
    // The allocation holds nothing now: returning one more vehicle is too much.
    CHECK(ledger.try_give_back(a.receipt, 1_each) == errc::return_exceeds_allocation);
}

TEST_CASE("amend to a smaller quantity gives back the in-quota excess; the over-quota part "
          "shrinks first",
          "[quota][returns]") {
    quota_ledger<CAD, vehicles> ledger(one_half(6_each));
    // 8 vehicles against 6: 6 in, 2 over.
    const auto a = ledger.allocate({1, date(2026, 3, 2), 8_each, 320'000.00_CAD});
    REQUIRE(ledger.balance(0, quota_pool::general) == 0);
    // Amended to 7: the 6 in quota still fit; nothing back.
    ledger.amend(a.receipt, 7_each);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    // Amended to 4: 6 - 4 = 2 back.
    ledger.amend(a.receipt, 4_each);
    CHECK(ledger.balance(0, quota_pool::general) == 2);
    CHECK(ledger.events().back().amount == 2);
    // Amended to 4.5 (not a whole vehicle: 4 kept): nothing more back.
    ledger.amend(a.receipt, 4.5_dec * each);
    CHECK(ledger.balance(0, quota_pool::general) == 2);
    // Cancelling gives back the remaining 4.
    ledger.cancel(a.receipt);
    CHECK(ledger.balance(0, quota_pool::general) == 6);
}

TEST_CASE("returning more than is left of an allocation is errc::return_exceeds_allocation and "
          "changes nothing",
          "[quota][returns][rejected]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    const auto a = ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD});
    ledger.give_back(a.receipt, 1_each); // 3 left of it; balance 7
    const auto before = snapshot(ledger);
    CHECK(ledger.try_give_back(a.receipt, 4_each) == errc::return_exceeds_allocation);
    CHECK(error_of([&] {
              ledger.give_back(a.receipt, 4_each);
              return 0;
          }) == errc::return_exceeds_allocation);
    CHECK(snapshot(ledger) == before);
    // Exactly what is left is accepted.
    CHECK(ledger.try_give_back(a.receipt, 3_each) == errc::ok);
    CHECK(ledger.balance(0, quota_pool::general) == 10);
}

TEST_CASE("a return naming an unknown receipt is errc::unknown_entry and changes nothing",
          "[quota][returns][rejected]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    (void)ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD}); // receipt 0
    const auto before = snapshot(ledger);
    CHECK(ledger.try_give_back(1, 1_each) == errc::unknown_entry);
    CHECK(error_of([&] {
              ledger.give_back(1, 1_each);
              return 0;
          }) == errc::unknown_entry);
    CHECK(error_of([&] {
              ledger.cancel(1);
              return 0;
          }) == errc::unknown_entry);
    CHECK(error_of([&] {
              ledger.amend(7, 1_each);
              return 0;
          }) == errc::unknown_entry);
    CHECK(snapshot(ledger) == before);
}

TEST_CASE("a return of zero or of a fraction of a granule is errc::invalid_argument and changes "
          "nothing",
          "[quota][returns][rejected]") {
    quota_ledger<CAD, kilograms> ledger(kg_quota(100_kg, 10_kg));
    const auto a = ledger.allocate({1, date(2026, 5, 1), 50_kg, 50.00_CAD});
    const auto before = snapshot(ledger);
    CHECK(ledger.try_give_back(a.receipt, 0_kg) == errc::invalid_argument);
    CHECK(ledger.try_give_back(a.receipt, 15_kg) == errc::invalid_argument); // 1.5 granules
    CHECK(snapshot(ledger) == before);
    CHECK(ledger.try_give_back(a.receipt, 20_kg) == errc::ok);
    CHECK(ledger.balance(0, quota_pool::general) == 7); // 5 + 2 granules
}

TEST_CASE("a return after its period closed goes to the open period", "[quota][returns]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    const auto a = ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD}); // H1 6 left
    // A claim dated in H2 closes H1: H2 has 10 + 6 = 16, less 1 = 15.
    (void)ledger.allocate({2, date(2026, 9, 2), 1_each, 40'000.00_CAD});
    REQUIRE(ledger.status(0).closed);
    REQUIRE(ledger.balance(1, quota_pool::general) == 15);
    ledger.cancel(a.receipt);
    CHECK(ledger.balance(0, quota_pool::general) == 0);  // the closed half is untouched
    CHECK(ledger.balance(1, quota_pool::general) == 19); // 15 + 4
    CHECK(ledger.events().back().period == 1);
    CHECK(ledger.events().back().kind == quota_event_kind::returned);
    check_replay(ledger);
}

// Regression: status() of the open period computed used = available - balance
// - carried out; a late return raised the balance but not `available`, so used
// went negative and status() threw errc::negative_quantity.
TEST_CASE("regression: status of the open period after a return from a closed period's "
          "allocation: the return adds to what is available, used stays what was allocated",
          "[quota][returns][status][regression]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    const auto a = ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD}); // H1 6 left
    (void)ledger.allocate({2, date(2026, 9, 2), 1_each, 40'000.00_CAD}); // H2: 16 - 1 = 15
    ledger.cancel(a.receipt);                                            // H2: 15 + 4 = 19
    const auto h2 = ledger.status(1);
    // Available: volume 10 + carried in 6 + returned from H1 4 = 20; used 1; balance 19.
    CHECK(h2.available == 20_each);
    CHECK(h2.used == 1_each);
    CHECK(h2.balance == 19_each);
    CHECK(h2.state == quota_state::open);
    CHECK(h2.fill_ratio(2, rounding_mode::half_even) == 0.05_dec); // 1 / 20
    // H1 keeps its history: 10 available, 6 carried out, 4 used.
    const auto h1 = ledger.status(0);
    CHECK(h1.closed);
    CHECK(h1.available == 10_each);
    CHECK(h1.used == 4_each);
    CHECK(h1.balance == 0_each);
}

// ---------------------------------------------------------------------------
// Event log
// ---------------------------------------------------------------------------

namespace {
// Three periods of 100 vehicles, 10 % reserved for a unit price <= CAD 35,000.00.
tariff_rate_quota<CAD, vehicles> busy_quota(bool carry_over, unused_reserve unused) {
    return tariff_rate_quota<CAD, vehicles>("busy", in_quota_path, standard_path)
        .with_period("P1", date(2026, 1, 1), date(2026, 4, 30), 100_each)
        .with_period("P2", date(2026, 5, 1), date(2026, 8, 31), 100_each)
        .with_period("P3", date(2026, 9, 1), date(2026, 12, 31), 100_each)
        .with_carry_over(carry_over)
        .with_reserve({10_pct, 35'000.00_CAD, unused});
}
// The busy sequence, balances by hand (G general, R reserved; each period opens G 90, R 10):
//  1. id 1, 15 cheap (30,000.00 each, eligible) in P1: reserve 10, general 5. P1 G 85 R 0.
//  2. id 2, 50 dear (40,000.00 each) in P1: general 50. P1 G 35.
//  3. give back 7 of id 1: last in, first out: 5 to general, 2 to reserve. P1 G 40 R 2.
//  4. amend id 2 to 30: 20 back. P1 G 60.
//  5. same day in P1: id 3 45 dear, id 4 40 dear, id 5 10 cheap.
//     Reserve among eligible: id 5 asks 10 of 2: floor(2*10/10) = 2. R 0.
//     General: asks 45, 40, 8 (total 93 > 60): floor(60*45/93) = 29,
//     floor(60*40/93) = 25, floor(60*8/93) = 5; residue 1. P1 G 1.
//  6. id 6, 5 dear in P3: closes P1 and P2, then 5 from general.
//  7. cancel id 1 (holds reserve 8): to P3's reserve.
//  8. give back 3 of id 5 (holds reserve 2, general 5): 3 to P3's general.
//  9. give back 31 of id 2 (holds 30): rejected.
// Events: 2 + 1 + 2 + 1 + 4 (step 5: id 3 1, id 4 1, id 5 2) + step 6 + 1 + 1.
template <class L>
void run_busy_sequence(L& ledger) {
    const auto cheap = 30'000.00_CAD, dear = 40'000.00_CAD;
    const auto r1 = ledger.allocate({1, date(2026, 1, 5), 15_each, cheap * 15});
    const auto r2 = ledger.allocate({2, date(2026, 1, 6), 50_each, dear * 50});
    ledger.give_back(r1.receipt, 7_each);
    ledger.amend(r2.receipt, 30_each);
    const std::vector<quota_claim<CAD, vehicles>> day{
        {3, date(2026, 2, 1), 45_each, dear * 45},
        {4, date(2026, 2, 1), 40_each, dear * 40},
        {5, date(2026, 2, 1), 10_each, cheap * 10},
    };
    const auto batch = ledger.allocate_same_day(day);
    REQUIRE(batch.allocations[0].in_quota == 29_each);
    REQUIRE(batch.allocations[1].in_quota == 25_each);
    REQUIRE(batch.allocations[2].from_reserve == 2);
    REQUIRE(batch.allocations[2].from_general == 5);
    REQUIRE(batch.residue == 1_each);
    (void)ledger.allocate({6, date(2026, 9, 2), 5_each, dear * 5});
    ledger.cancel(r1.receipt);
    ledger.give_back(batch.allocations[2].receipt, 3_each);
    REQUIRE(ledger.try_give_back(r2.receipt, 31_each) == errc::return_exceeds_allocation);
}
} // namespace

TEST_CASE("event log: replaying the events from the opening balances gives every pool's balance "
          "(carry-over, unused reserve stays reserved)",
          "[quota][events]") {
    quota_ledger<CAD, vehicles> ledger(busy_quota(true, unused_reserve::stays_reserved));
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(ledger.opening(i, quota_pool::general) == 90);
        CHECK(ledger.opening(i, quota_pool::reserved) == 10);
    }
    run_busy_sequence(ledger);
    check_replay(ledger);
    // Step 6: P1 G 1 carried into P2 G (91); P2 G 91 into P3 G (90 + 91 = 181);
    // P2 R 10 into P3 R (stays reserved: 20); id 6 takes 5: P3 G 176.
    // Step 7: P3 R 20 + 8 = 28. Step 8: P3 G 176 + 3 = 179.
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    CHECK(ledger.balance(0, quota_pool::reserved) == 0);
    CHECK(ledger.balance(1, quota_pool::general) == 0);
    CHECK(ledger.balance(1, quota_pool::reserved) == 0);
    CHECK(ledger.balance(2, quota_pool::general) == 179);
    CHECK(ledger.balance(2, quota_pool::reserved) == 28);
    // Step 6 logged: P1 G out + in (2), P2 G out + in (2), P2 R out + in (2), id 6 (1) = 7.
    // 2 + 1 + 2 + 1 + 4 + 7 + 1 + 1 = 19.
    CHECK(ledger.events().size() == 19);
    CHECK(count_kind(ledger, quota_event_kind::carried_out) == 3);
    CHECK(count_kind(ledger, quota_event_kind::carried_in) == 3);
    CHECK(count_kind(ledger, quota_event_kind::lapsed) == 0);
    CHECK(ledger.allocation_count() == 6);
    // P3: available 100 + 91 + 10 carried in + 8 + 3 returned late = 212; used 5.
    CHECK(ledger.status(2).available == 212_each);
    CHECK(ledger.status(2).used == 5_each);
    // P1: 100 available, 1 carried out, nothing left: used 99.
    CHECK(ledger.status(0).used == 99_each);
}

TEST_CASE("event log: replay also holds without carry-over (unused balances lapse)",
          "[quota][events]") {
    quota_ledger<CAD, vehicles> ledger(busy_quota(false, unused_reserve::joins_general));
    run_busy_sequence(ledger);
    check_replay(ledger);
    // Step 6: P1 G 1 lapses; P2 G 90 and R 10 lapse; P3 G 90 - 5 = 85, R 10.
    // Step 7: P3 R 18. Step 8: P3 G 88.
    CHECK(ledger.balance(2, quota_pool::general) == 88);
    CHECK(ledger.balance(2, quota_pool::reserved) == 18);
    CHECK(count_kind(ledger, quota_event_kind::lapsed) == 3);
    CHECK(count_kind(ledger, quota_event_kind::carried_out) == 0);
    // 2 + 1 + 2 + 1 + 4 + (3 lapses + 1) + 1 + 1 = 16.
    CHECK(ledger.events().size() == 16);
}

TEST_CASE("event log: with carry-over, unused reserve joining the general pool",
          "[quota][events]") {
    quota_ledger<CAD, vehicles> ledger(busy_quota(true, unused_reserve::joins_general));
    run_busy_sequence(ledger);
    check_replay(ledger);
    // Step 6: P1 G 1 -> P2 G 91; P2 G 91 + R 10 -> P3 G 90 + 101 = 191; id 6: 186.
    // Step 7: P3 R 10 + 8 = 18. Step 8: P3 G 189.
    CHECK(ledger.balance(2, quota_pool::general) == 189);
    CHECK(ledger.balance(2, quota_pool::reserved) == 18);
}

TEST_CASE("without keep_events the log stays empty and the balances are the same",
          "[quota][events]") {
    quota_ledger<CAD, vehicles> ledger(busy_quota(true, unused_reserve::stays_reserved), {false});
    run_busy_sequence(ledger);
    CHECK(ledger.events().empty());
    CHECK(ledger.balance(2, quota_pool::general) == 179);
    CHECK(ledger.balance(2, quota_pool::reserved) == 28);
}

// ---------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------

TEST_CASE("status: open below 90 % used, critical from 90 % (EU 2015/2447 art. 53), exhausted "
          "at 0",
          "[quota][status]") {
    quota_ledger<CAD, vehicles> ledger(one_half(100_each));
    auto s = ledger.status(0);
    CHECK(s.state == quota_state::open);
    CHECK_FALSE(s.closed);
    CHECK(s.available == 100_each);
    CHECK(s.used == 0_each);
    CHECK(s.fill_ratio(2, rounding_mode::half_even) == 0);

    (void)ledger.allocate({1, date(2026, 3, 2), 89_each, 89.00_CAD});
    s = ledger.status(0);
    CHECK(s.state == quota_state::open); // 89 % < 90 %
    CHECK(s.used == 89_each);
    CHECK(s.balance == 11_each);
    CHECK(s.fill_ratio(2, rounding_mode::half_even) == 0.89_dec);

    (void)ledger.allocate({2, date(2026, 3, 3), 1_each, 1.00_CAD});
    s = ledger.status(0);
    CHECK(s.state == quota_state::critical); // 90 % >= 90 %
    CHECK(s.used == 90_each);
    CHECK(s.balance == 10_each);
    CHECK(s.fill_ratio(1, rounding_mode::half_even) == 0.9_dec);

    const auto last = ledger.allocate({3, date(2026, 3, 4), 12_each, 12.00_CAD});
    CHECK(last.in_quota == 10_each);
    s = ledger.status(0);
    CHECK(s.state == quota_state::exhausted);
    CHECK(s.used == 100_each);
    CHECK(s.balance == 0_each);
    CHECK(s.fill_ratio(2, rounding_mode::half_even) == 1);
    CHECK(ledger.status_on(date(2026, 8, 31)).state == quota_state::exhausted);

    // A return reopens it: 5 back, used 95: critical again.
    ledger.give_back(last.receipt, 5_each);
    CHECK(ledger.status(0).state == quota_state::critical);
}

TEST_CASE("status: a critical threshold of 80 % makes 80 used of 100 critical, 79 open",
          "[quota][status]") {
    const auto q = one_half(100_each).with_critical_threshold(80_pct);
    CHECK(q.critical_threshold() == 80_pct);
    quota_ledger<CAD, vehicles> ledger(q);
    (void)ledger.allocate({1, date(2026, 3, 2), 79_each, 79.00_CAD});
    CHECK(ledger.status(0).state == quota_state::open);
    (void)ledger.allocate({2, date(2026, 3, 3), 1_each, 1.00_CAD});
    CHECK(ledger.status(0).state == quota_state::critical);
}

TEST_CASE("status: fill_ratio is used / available rounded as asked", "[quota][status]") {
    quota_ledger<CAD, vehicles> ledger(one_half(3_each));
    (void)ledger.allocate({1, date(2026, 3, 2), 2_each, 2.00_CAD});
    const auto s = ledger.status(0);
    // 2 / 3 = 0.6666...
    CHECK(s.fill_ratio(2, rounding_mode::half_even) == 0.67_dec);
    CHECK(s.fill_ratio(2, rounding_mode::floor) == 0.66_dec);
    CHECK(s.fill_ratio(4, rounding_mode::toward_zero) == 0.6666_dec);
    CHECK(s.fill_ratio(0, rounding_mode::half_even) == 1);
    CHECK(s.state == quota_state::open); // 66.7 % < 90 %
    // 8 of 16 kg used: exactly 0.5, a tie at 0 places.
    quota_ledger<CAD, kilograms> kg(kg_quota(16_kg));
    (void)kg.allocate({1, date(2026, 5, 1), 8_kg, 8.00_CAD});
    CHECK(kg.status(0).fill_ratio(0, rounding_mode::half_even) == 0); // 0.5 -> 0 (even)
    CHECK(kg.status(0).fill_ratio(0, rounding_mode::half_up) == 1);   // 0.5 -> 1
    CHECK(kg.status(0).fill_ratio(3, rounding_mode::half_up) == 0.5_dec);
}

TEST_CASE("status of a period that does not exist is errc::invalid_argument; status_on a date "
          "outside every period is errc::outside_period",
          "[quota][status][rejected]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    CHECK(error_of([&] { return ledger.status(1); }) == errc::invalid_argument);
    CHECK(error_of([&] { return ledger.status_on(date(2026, 9, 1)); }) == errc::outside_period);
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

TEST_CASE("two halves of 24,500 with carry-over: H2 gets 24,500 plus what H1 left",
          "[quota][periods]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(24'500_each, true));
    // H1: 20,000 vehicles at 40,000.00 (800,000,000.00): 4,500 left.
    (void)ledger.allocate({1, date(2026, 3, 2), 20'000_each, 800'000'000.00_CAD});
    CHECK(ledger.balance(0, quota_pool::general) == 4'500);
    CHECK(ledger.open_period() == 0);
    // The first claim dated in H2 closes H1: H2 has 24,500 + 4,500 = 29,000;
    // 30,000 vehicles then get 29,000 in, 1,000 over.
    const auto b = ledger.allocate({2, date(2026, 9, 1), 30'000_each, 1'200'000'000.00_CAD});
    CHECK(ledger.open_period() == 1);
    CHECK(b.period == 1);
    CHECK(b.in_quota == 29'000_each);
    CHECK(b.over_quota == 1'000_each);
    CHECK(ledger.status(1).available == 29'000_each);
    CHECK(ledger.status(1).state == quota_state::exhausted);
    CHECK(ledger.status(0).closed);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    // The carry-over events: out of H1, into H2, 4,500 each.
    const auto& ev = ledger.events();
    REQUIRE(ev.size() == 4);
    CHECK(ev[1].kind == quota_event_kind::carried_out);
    CHECK(ev[1].period == 0);
    CHECK(ev[1].amount == 4'500);
    CHECK(ev[1].new_balance == 0);
    CHECK(ev[2].kind == quota_event_kind::carried_in);
    CHECK(ev[2].period == 1);
    CHECK(ev[2].amount == 4'500);
    CHECK(ev[2].old_balance == 24'500);
    CHECK(ev[2].new_balance == 29'000);
    check_replay(ledger);
}

TEST_CASE("two halves without carry-over: H1's unused balance lapses", "[quota][periods]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(24'500_each, false));
    (void)ledger.allocate({1, date(2026, 3, 2), 20'000_each, 800'000'000.00_CAD});
    const auto b = ledger.allocate({2, date(2026, 9, 1), 30'000_each, 1'200'000'000.00_CAD});
    // H2 has only its own 24,500.
    CHECK(b.in_quota == 24'500_each);
    CHECK(b.over_quota == 5'500_each);
    const auto& ev = ledger.events();
    REQUIRE(ev.size() == 3);
    CHECK(ev[1].kind == quota_event_kind::lapsed);
    CHECK(ev[1].period == 0);
    CHECK(ev[1].amount == 4'500);
    CHECK(ev[1].entry_id == 0);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    CHECK(ledger.status(1).available == 24'500_each);
    // H1 is closed, not exhausted: 20,000 of 24,500 were used.
    CHECK(ledger.status(0).used == 20'000_each);
    CHECK(ledger.status(0).state == quota_state::open);
    check_replay(ledger);
}

TEST_CASE("close_before closes the earlier periods without a claim", "[quota][periods]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    (void)ledger.allocate({1, date(2026, 3, 2), 3_each, 3.00_CAD});
    ledger.close_before(1);
    CHECK(ledger.open_period() == 1);
    CHECK(ledger.balance(1, quota_pool::general) == 17); // 10 + 7
    // Closing again, or past the last period, changes nothing.
    const auto before = snapshot(ledger);
    ledger.close_before(1);
    ledger.close_before(5);
    CHECK(snapshot(ledger) == before);
}

TEST_CASE("claims rejected by date, quantity or value change nothing",
          "[quota][periods][rejected]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    (void)ledger.allocate({1, date(2026, 3, 2), 3_each, 3.00_CAD});
    (void)ledger.allocate({2, date(2026, 9, 2), 2_each, 2.00_CAD}); // closes H1
    REQUIRE(ledger.status(0).closed);
    const auto before = snapshot(ledger);
    // H1: 7 carried; H2 10 + 7 - 2 = 15.
    REQUIRE(ledger.balance(1, quota_pool::general) == 15);

    SECTION("dated in the closed H1: errc::period_closed") {
        const quota_claim<CAD, vehicles> c{3, date(2026, 8, 31), 1_each, 1.00_CAD};
        CHECK(ledger.try_allocate(c).error() == errc::period_closed);
        CHECK(error_of([&] { return ledger.allocate(c); }) == errc::period_closed);
    }
    SECTION("dated before the first period: errc::outside_period") {
        const quota_claim<CAD, vehicles> c{3, date(2026, 2, 28), 1_each, 1.00_CAD};
        CHECK(ledger.try_allocate(c).error() == errc::outside_period);
        CHECK(error_of([&] { return ledger.allocate(c); }) == errc::outside_period);
    }
    SECTION("dated after the last period: errc::outside_period") {
        const quota_claim<CAD, vehicles> c{3, date(2027, 3, 1), 1_each, 1.00_CAD};
        CHECK(ledger.try_allocate(c).error() == errc::outside_period);
    }
    SECTION("a zero quantity: errc::invalid_argument") {
        const quota_claim<CAD, vehicles> c{3, date(2026, 9, 3), 0_each, 0.00_CAD};
        CHECK(ledger.try_allocate(c).error() == errc::invalid_argument);
        CHECK(error_of([&] { return ledger.allocate(c); }) == errc::invalid_argument);
    }
    SECTION("a negative value: errc::negative_quantity") {
        const quota_claim<CAD, vehicles> c{3, date(2026, 9, 3), 1_each, -1.00_CAD};
        CHECK(ledger.try_allocate(c).error() == errc::negative_quantity);
        CHECK(error_of([&] { return ledger.allocate(c); }) == errc::negative_quantity);
    }
    CHECK(snapshot(ledger) == before);
    CHECK(ledger.balance(1, quota_pool::general) == 15);
    CHECK(ledger.allocation_count() == 2);
}

TEST_CASE("a claim in a gap between periods is errc::outside_period and closes nothing",
          "[quota][periods][rejected]") {
    const auto q = tariff_rate_quota<CAD, vehicles>("gap", in_quota_path, standard_path)
                       .with_period("Q1", date(2026, 1, 1), date(2026, 3, 31), 10_each)
                       .with_period("Q3", date(2026, 7, 1), date(2026, 9, 30), 10_each)
                       .with_carry_over();
    CHECK(q.period_of(date(2026, 3, 31)) == 0);
    CHECK(q.period_of(date(2026, 5, 15)) == q.npos);
    CHECK(q.period_of(date(2026, 7, 1)) == 1);
    quota_ledger<CAD, vehicles> ledger(q);
    const auto before = snapshot(ledger);
    CHECK(ledger.try_allocate({1, date(2026, 5, 15), 1_each, 1.00_CAD}).error() ==
          errc::outside_period);
    CHECK(snapshot(ledger) == before);
    CHECK(ledger.open_period() == 0);
}

TEST_CASE("a claim dated in a later period that is itself rejected does not close earlier ones",
          "[quota][periods][rejected]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    const auto before = snapshot(ledger);
    CHECK(ledger.try_allocate({1, date(2026, 9, 2), 1_each, -1.00_CAD}).error() ==
          errc::negative_quantity);
    CHECK(ledger.open_period() == 0);
    CHECK(snapshot(ledger) == before);
}

// ---------------------------------------------------------------------------
// Growth
// ---------------------------------------------------------------------------

TEST_CASE("growth: 49,000 vehicles at 6.5 % a year is 52,185 in year 2", "[quota][growth]") {
    // 49,000 * 1.065 = 52,185 exactly: every mode agrees.
    STATIC_REQUIRE(grow(49'000_each, 6.5_pct, 1, 1_each, rounding_mode::half_even) == 52'185_each);
    CHECK(grow(49'000_each, 6.5_pct, 1, 1_each, rounding_mode::floor) == 52'185_each);
    CHECK(grow(49'000_each, 6.5_pct, 1, 1_each, rounding_mode::ceiling) == 52'185_each);
    CHECK(grow(49'000_each, 6.5_pct, 0, 1_each, rounding_mode::ceiling) == 49'000_each);
}

TEST_CASE("growth: year 3 is 52,185 * 1.065 = 55,577.025, rounded to a whole vehicle by the "
          "mode",
          "[quota][growth]") {
    // .025 is below one half: the half modes and floor/toward zero give 55,577;
    // ceiling and away from zero 55,578.
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::half_even) == 55'577_each);
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::half_up) == 55'577_each);
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::half_down) == 55'577_each);
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::floor) == 55'577_each);
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::toward_zero) == 55'577_each);
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::ceiling) == 55'578_each);
    CHECK(grow(49'000_each, 6.5_pct, 2, 1_each, rounding_mode::away_from_zero) == 55'578_each);
}

TEST_CASE("growth: year 5 rounds every year's volume before growing it again", "[quota][growth]") {
    // Half even: 55,577 (year 3); 55,577 * 1.065 = 59,189.505 -> 59,190 (year 4);
    //            59,190 * 1.065 = 63,037.35 -> 63,037 (year 5).
    // Floor:     55,577; 59,189.505 -> 59,189; 59,189 * 1.065 = 63,036.285 -> 63,036.
    // Ceiling:   55,578; 55,578 * 1.065 = 59,190.57 -> 59,191; 59,191 * 1.065 = 63,038.415
    //            -> 63,039.
    // (Python decimal, quantize per year, agrees with all three.)
    // Rounding once at the end instead: 49,000 * 1.065^4 = 63,036.851180625, which ceiling
    // takes to 63,037, not 63,039: the yearly rounding is what ceiling's 63,039 shows.
    CHECK(grow(49'000_each, 6.5_pct, 4, 1_each, rounding_mode::half_even) == 63'037_each);
    CHECK(grow(49'000_each, 6.5_pct, 4, 1_each, rounding_mode::floor) == 63'036_each);
    CHECK(grow(49'000_each, 6.5_pct, 4, 1_each, rounding_mode::ceiling) == 63'039_each);
}

TEST_CASE("growth: a tie is rounded by the mode, to a multiple of the granularity",
          "[quota][growth]") {
    // 10 * 1.05 = 10.5: half even 10, half up 11, half down 10, floor 10, ceiling 11.
    CHECK(grow(10_each, 5_pct, 1, 1_each, rounding_mode::half_even) == 10_each);
    CHECK(grow(10_each, 5_pct, 1, 1_each, rounding_mode::half_up) == 11_each);
    CHECK(grow(10_each, 5_pct, 1, 1_each, rounding_mode::half_down) == 10_each);
    CHECK(grow(10_each, 5_pct, 1, 1_each, rounding_mode::floor) == 10_each);
    CHECK(grow(10_each, 5_pct, 1, 1_each, rounding_mode::ceiling) == 11_each);
    // 1,000 kg * 1.065 = 1,065 kg in 10 kg steps: 106.5 steps; half even 106 (1,060 kg),
    // half up 107 (1,070 kg).
    CHECK(grow(1'000_kg, 6.5_pct, 1, 10_kg, rounding_mode::half_even) == 1'060_kg);
    CHECK(grow(1'000_kg, 6.5_pct, 1, 10_kg, rounding_mode::half_up) == 1'070_kg);
}

// ---------------------------------------------------------------------------
// Reserve
// ---------------------------------------------------------------------------

namespace {
// One period of 100 vehicles, 10 % (10 vehicles) reserved for a unit price <= CAD 35,000.00.
tariff_rate_quota<CAD, vehicles>
reserved_quota(unused_reserve unused = unused_reserve::joins_general) {
    return one_half(100_each).with_reserve({10_pct, 35'000.00_CAD, unused});
}
} // namespace

TEST_CASE("reserve: 10 % of 100 vehicles is reserved; the general pool opens at 90",
          "[quota][reserve]") {
    const auto q = reserved_quota();
    CHECK(q.has_reserve());
    CHECK(q.reserved_granules(0) == 10);
    quota_ledger<CAD, vehicles> ledger(q);
    CHECK(ledger.balance(0, quota_pool::general) == 90);
    CHECK(ledger.balance(0, quota_pool::reserved) == 10);
    CHECK(ledger.status(0).available == 100_each);
    // 10 % of 95 = 9.5: rounded down to 9 reserved, 86 general.
    const auto q95 = one_half(95_each).with_reserve({10_pct, 35'000.00_CAD});
    CHECK(q95.reserved_granules(0) == 9);
    quota_ledger<CAD, vehicles> l95(q95);
    CHECK(l95.balance(0, quota_pool::general) == 86);
}

TEST_CASE("reserve: an eligible claim draws the reserve first, then the general pool",
          "[quota][reserve]") {
    quota_ledger<CAD, vehicles> ledger(reserved_quota());
    // 15 vehicles at 30,000.00 (450,000.00): eligible; 10 from the reserve, 5 general.
    const auto a = ledger.allocate({1, date(2026, 3, 2), 15_each, 450'000.00_CAD});
    CHECK(a.reserve_eligible);
    CHECK(a.from_reserve == 10);
    CHECK(a.from_general == 5);
    CHECK(a.in_quota == 15_each);
    CHECK(ledger.balance(0, quota_pool::reserved) == 0);
    CHECK(ledger.balance(0, quota_pool::general) == 85);
}

TEST_CASE("reserve: a claim above the price limit draws only the general pool and goes over "
          "quota once it is used, though reserve remains",
          "[quota][reserve]") {
    quota_ledger<CAD, vehicles> ledger(reserved_quota());
    // 90 vehicles at 40,000.00: not eligible; all 90 general.
    const auto a = ledger.allocate({1, date(2026, 3, 2), 90_each, 3'600'000.00_CAD});
    CHECK_FALSE(a.reserve_eligible);
    CHECK(a.from_reserve == 0);
    CHECK(a.from_general == 90);
    // One more dear vehicle: general 0, reserve 10: all over quota.
    const auto b = ledger.allocate({2, date(2026, 3, 3), 1_each, 40'000.00_CAD});
    CHECK(b.in_quota == 0_each);
    CHECK(b.over_quota == 1_each);
    CHECK(ledger.balance(0, quota_pool::reserved) == 10);
    CHECK(ledger.status(0).state == quota_state::critical); // 90 of 100 used
    // A cheap one still gets the reserve: 3 at 30,000.00.
    const auto c = ledger.allocate({3, date(2026, 3, 4), 3_each, 90'000.00_CAD});
    CHECK(c.in_quota == 3_each);
    CHECK(c.from_reserve == 3);
    CHECK(ledger.balance(0, quota_pool::reserved) == 7);
}

TEST_CASE("reserve: a unit price exactly at the limit is eligible; one cent above is not",
          "[quota][reserve]") {
    quota_ledger<CAD, vehicles> ledger(reserved_quota());
    // 2 vehicles for 70,000.00: 35,000.00 each, at the limit.
    const auto at = ledger.allocate({1, date(2026, 3, 2), 2_each, 70'000.00_CAD});
    CHECK(at.reserve_eligible);
    CHECK(at.from_reserve == 2);
    // 2 vehicles for 70,000.01: 35,000.005 each, above the limit.
    const auto above = ledger.allocate({2, date(2026, 3, 2), 2_each, 70'000.01_CAD});
    CHECK_FALSE(above.reserve_eligible);
    CHECK(above.from_reserve == 0);
    CHECK(above.from_general == 2);
}

TEST_CASE("reserve: same-day claims share the reserve among eligible claims first, then the "
          "general pool among what every claim still wants",
          "[quota][reserve][pro_rata]") {
    quota_ledger<CAD, vehicles> ledger(reserved_quota());
    (void)ledger.allocate({1, date(2026, 3, 2), 85_each, 3'400'000.00_CAD}); // general 5 left
    const std::vector<quota_claim<CAD, vehicles>> day{
        {2, date(2026, 3, 9), 8_each, 240'000.00_CAD},  // eligible (30,000.00 each)
        {3, date(2026, 3, 9), 12_each, 360'000.00_CAD}, // eligible
        {4, date(2026, 3, 9), 6_each, 240'000.00_CAD},  // not (40,000.00 each)
    };
    // Reserve 10 among eligible asks 8, 12 (total 20): floor(10*8/20) = 4, floor(10*12/20) = 6.
    // General 5 among asks 4, 6, 6 (total 16): floor(5*4/16) = 1, floor(5*6/16) = 1,
    // floor(5*6/16) = 1; residue 2.
    const auto r = ledger.allocate_same_day(day);
    CHECK(r.pro_rata);
    CHECK(r.residue == 2_each);
    CHECK(r.allocations[0].from_reserve == 4);
    CHECK(r.allocations[0].from_general == 1);
    CHECK(r.allocations[0].in_quota == 5_each);
    CHECK(r.allocations[1].from_reserve == 6);
    CHECK(r.allocations[1].from_general == 1);
    CHECK(r.allocations[2].from_reserve == 0);
    CHECK(r.allocations[2].from_general == 1);
    CHECK(r.allocations[2].over_quota == 5_each);
    CHECK(ledger.balance(0, quota_pool::reserved) == 0);
    CHECK(ledger.balance(0, quota_pool::general) == 2);
}

TEST_CASE("reserve: unused reserve at a period's end joins the next general pool or stays "
          "reserved, as the quota says",
          "[quota][reserve][periods]") {
    auto halves = [](bool carry, unused_reserve unused) {
        return two_halves(100_each, carry).with_reserve({10_pct, 35'000.00_CAD, unused});
    };
    // H1: 50 dear (general 40 left), 4 cheap (reserve 6 left). Then H1 closes.
    auto run = [](quota_ledger<CAD, vehicles>& l) {
        (void)l.allocate({1, date(2026, 3, 2), 50_each, 2'000'000.00_CAD});
        (void)l.allocate({2, date(2026, 3, 3), 4_each, 120'000.00_CAD});
        REQUIRE(l.balance(0, quota_pool::general) == 40);
        REQUIRE(l.balance(0, quota_pool::reserved) == 6);
        l.close_before(1);
        check_replay(l);
    };
    SECTION("joins_general: H2 general 90 + 40 + 6 = 136, reserve 10") {
        quota_ledger<CAD, vehicles> l(halves(true, unused_reserve::joins_general));
        run(l);
        CHECK(l.balance(1, quota_pool::general) == 136);
        CHECK(l.balance(1, quota_pool::reserved) == 10);
        CHECK(l.status(1).available == 146_each);
    }
    SECTION("stays_reserved: H2 general 90 + 40 = 130, reserve 10 + 6 = 16") {
        quota_ledger<CAD, vehicles> l(halves(true, unused_reserve::stays_reserved));
        run(l);
        CHECK(l.balance(1, quota_pool::general) == 130);
        CHECK(l.balance(1, quota_pool::reserved) == 16);
        CHECK(l.status(1).available == 146_each);
    }
    SECTION("without carry-over both lapse: H2 general 90, reserve 10") {
        quota_ledger<CAD, vehicles> l(halves(false, unused_reserve::stays_reserved));
        run(l);
        CHECK(l.balance(1, quota_pool::general) == 90);
        CHECK(l.balance(1, quota_pool::reserved) == 10);
        CHECK(count_kind(l, quota_event_kind::lapsed) == 2);
    }
}

TEST_CASE("reserve: a claim dated in H2 sees the carried reserve before H1 is closed "
          "(projected balances)",
          "[quota][reserve][periods]") {
    quota_ledger<CAD, vehicles> l(
        two_halves(100_each, true)
            .with_reserve({10_pct, 35'000.00_CAD, unused_reserve::stays_reserved}));
    // Nothing used in H1. An H2 claim of 25 cheap vehicles: reserve 10 + 10 = 20, then
    // general 5.
    const auto a = l.allocate({1, date(2026, 9, 2), 25_each, 750'000.00_CAD});
    CHECK(a.from_reserve == 20);
    CHECK(a.from_general == 5);
    CHECK(l.balance(1, quota_pool::general) == 175); // 90 + 90 - 5
    CHECK(l.balance(1, quota_pool::reserved) == 0);
}

// ---------------------------------------------------------------------------
// Validation of the quota itself
// ---------------------------------------------------------------------------

TEST_CASE("tariff_rate_quota rejects overlapping or reversed periods with errc::invalid_argument",
          "[quota][validation]") {
    const auto q = tariff_rate_quota<CAD, vehicles>("v", in_quota_path, standard_path)
                       .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), 10_each);
    // Starting on H1's last day overlaps it by one day.
    CHECK(error_of([&] {
              return q.with_period("H2", date(2026, 8, 31), date(2027, 2, 28), 10_each);
          }) == errc::invalid_argument);
    // Starting inside H1.
    CHECK(error_of([&] {
              return q.with_period("H2", date(2026, 6, 1), date(2027, 2, 28), 10_each);
          }) == errc::invalid_argument);
    // Before H1 altogether (periods follow each other).
    CHECK(error_of([&] {
              return q.with_period("H0", date(2025, 9, 1), date(2026, 2, 28), 10_each);
          }) == errc::invalid_argument);
    // Ending before it starts.
    CHECK(error_of([&] {
              return q.with_period("H2", date(2027, 2, 28), date(2026, 9, 1), 10_each);
          }) == errc::invalid_argument);
    // The day after H1 ends is fine; a one-day period is fine.
    CHECK(error_of([&] {
              return q.with_period("H2", date(2026, 9, 1), date(2026, 9, 1), 10_each);
          }) == errc::ok);
    CHECK(q.period_count() == 1);
}

TEST_CASE("tariff_rate_quota rejects a 13th period: at most max_periods", "[quota][validation]") {
    auto q = tariff_rate_quota<CAD, vehicles>("m", in_quota_path, standard_path);
    for (int m = 1; m <= 12; ++m)
        q = q.with_period("M", date(2026, m, 1), date(2026, m, date::days_in_month(2026, m)),
                          1_each);
    CHECK(q.period_count() == 12);
    CHECK(error_of([&] {
              return q.with_period("M13", date(2027, 1, 1), date(2027, 1, 31), 1_each);
          }) == errc::invalid_argument);
}

TEST_CASE("tariff_rate_quota rejects a volume that is not a whole number of granules",
          "[quota][validation]") {
    const auto q = tariff_rate_quota<CAD, kilograms>("g", in_quota_path, standard_path, 10_kg);
    CHECK(error_of([&] {
              return q.with_period("Y", date(2026, 1, 1), date(2026, 12, 31), 105_kg);
          }) == errc::invalid_argument);
    CHECK(error_of([&] {
              return q.with_period("Y", date(2026, 1, 1), date(2026, 12, 31), 110_kg);
          }) == errc::ok);
    const auto v = tariff_rate_quota<CAD, vehicles>("v", in_quota_path, standard_path);
    CHECK(error_of([&] {
              return v.with_period("Y", date(2026, 1, 1), date(2026, 12, 31), 10.5_dec * each);
          }) == errc::invalid_argument);
    // A granularity of zero is rejected.
    CHECK(error_of([&] {
              return tariff_rate_quota<CAD, kilograms>("z", in_quota_path, standard_path, 0_kg);
          }) == errc::invalid_argument);
}

TEST_CASE("tariff_rate_quota rejects a reserve share or critical threshold above 100 % and a "
          "negative price limit",
          "[quota][validation]") {
    const auto q = one_half(100_each);
    CHECK(error_of([&] {
              return q.with_reserve({100.01_pct, 35'000.00_CAD});
          }) == errc::invalid_argument);
    CHECK(error_of([&] { return q.with_reserve({10_pct, -0.01_CAD}); }) == errc::invalid_argument);
    CHECK(error_of([&] { return q.with_critical_threshold(101_pct); }) == errc::invalid_argument);
    // 100 % is allowed: the whole volume reserved.
    const auto all = q.with_reserve({100_pct, 35'000.00_CAD});
    CHECK(all.reserved_granules(0) == 100);
    // A 0 % share means no reserve.
    CHECK_FALSE(q.with_reserve({0_pct, 35'000.00_CAD}).has_reserve());
}

TEST_CASE("a ledger needs at least one period: errc::invalid_argument", "[quota][validation]") {
    const auto q = tariff_rate_quota<CAD, vehicles>("none", in_quota_path, standard_path);
    CHECK(error_of([&] { return quota_ledger<CAD, vehicles>(q).allocation_count(); }) ==
          errc::invalid_argument);
}

// ---------------------------------------------------------------------------
// Reserve, then commit or release: a claim that may still be rejected
// ---------------------------------------------------------------------------

TEST_CASE("transaction: reserve changes nothing; commit records exactly the reserved allocation, "
          "as allocate would",
          "[quota][transaction]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    (void)ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD}); // H1 balance 6
    auto direct = ledger; // the same claim allocated directly, for comparison
    const auto before = ledger;
    auto r = ledger.reserve({2, date(2026, 4, 2), 7_each, 100.00_CAD});
    CHECK(r.pending());
    CHECK(ledger.same_state(before));
    // 7 against 6: 6 in, 1 over; 10,000 cents by 6 : 1 is 8,571 and 1,429 (see
    // the compile-time year above).
    CHECK(r.planned().in_quota == 6_each);
    CHECK(r.planned().over_quota == 1_each);
    CHECK(r.planned().value_in_quota == 85.71_CAD);
    CHECK(r.planned().value_over_quota == 14.29_CAD);
    const auto a = ledger.commit(r);
    CHECK_FALSE(r.pending());
    const auto b = direct.allocate({2, date(2026, 4, 2), 7_each, 100.00_CAD});
    CHECK(a.receipt == 1);
    CHECK(a.receipt == b.receipt);
    CHECK(a.in_quota == b.in_quota);
    CHECK(a.over_quota == b.over_quota);
    CHECK(a.value_in_quota == b.value_in_quota);
    CHECK(a.value_over_quota == b.value_over_quota);
    CHECK(ledger.same_state(direct));
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    check_replay(ledger);
    // The receipt works: cancel gives the 6 back.
    ledger.cancel(a.receipt);
    CHECK(ledger.balance(0, quota_pool::general) == 6);
}

TEST_CASE("transaction: a released or dropped reservation leaves the ledger exactly as before, "
          "even one dated in a later period",
          "[quota][transaction]") {
    quota_ledger<CAD, vehicles> ledger(busy_quota(true, unused_reserve::stays_reserved));
    (void)ledger.allocate({1, date(2026, 1, 5), 15_each, 450'000.00_CAD});
    const auto before = ledger;
    SECTION("released") {
        // Dated in P3: committing would close P1 and P2; reserving closes nothing.
        auto r = ledger.reserve({2, date(2026, 9, 2), 5_each, 200'000.00_CAD});
        // P3 would see its 90 general plus P1's 85 and P2's 90 carried: 5 in.
        CHECK(r.planned().period == 2);
        CHECK(r.planned().in_quota == 5_each);
        ledger.release(r);
        CHECK_FALSE(r.pending());
    }
    SECTION("dropped without commit or release") {
        const auto r = ledger.reserve({2, date(2026, 9, 2), 5_each, 200'000.00_CAD});
        CHECK(r.pending());
    }
    CHECK(ledger.same_state(before));
    CHECK(ledger.open_period() == 0);
    CHECK_FALSE(ledger.status(0).closed);
    CHECK(snapshot(ledger) == snapshot(before));
    CHECK(ledger.events() == before.events());
    // And it goes on as the untouched copy does.
    auto copy = before;
    const auto a = ledger.allocate({3, date(2026, 2, 1), 2_each, 80'000.00_CAD});
    const auto b = copy.allocate({3, date(2026, 2, 1), 2_each, 80'000.00_CAD});
    CHECK(a.receipt == b.receipt);
    CHECK(ledger.same_state(copy));
}

TEST_CASE("transaction: committing a released, spent, stale or foreign reservation is "
          "errc::invalid_argument and changes nothing",
          "[quota][transaction][rejected]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    const quota_claim<CAD, vehicles> claim{1, date(2026, 3, 2), 4_each, 160'000.00_CAD};
    SECTION("released") {
        auto r = ledger.reserve(claim);
        ledger.release(r);
        const auto before = ledger;
        CHECK(ledger.try_commit(r).error() == errc::invalid_argument);
        CHECK(error_of([&] { return ledger.commit(r); }) == errc::invalid_argument);
        CHECK(ledger.try_release(r) == errc::invalid_argument); // already released
        CHECK(ledger.same_state(before));
    }
    SECTION("spent: a copy of a committed reservation") {
        auto r = ledger.reserve(claim);
        auto again = r;
        (void)ledger.commit(r);
        const auto before = ledger;
        CHECK(ledger.try_commit(again).error() == errc::invalid_argument);
        CHECK(ledger.try_commit(r).error() == errc::invalid_argument);
        CHECK(ledger.same_state(before));
        CHECK(ledger.balance(0, quota_pool::general) == 6); // drawn once: 10 - 4
    }
    SECTION("stale: the ledger changed after reserve") {
        auto r = ledger.reserve(claim);
        (void)ledger.allocate({2, date(2026, 3, 3), 8_each, 320'000.00_CAD}); // 8 of 10
        const auto before = ledger;
        // The reservation planned 4 in quota; only 2 are left.
        CHECK(ledger.try_commit(r).error() == errc::invalid_argument);
        CHECK(ledger.same_state(before));
        CHECK(r.pending());
        CHECK(ledger.try_release(r) == errc::ok); // a stale one can still be released
        CHECK(ledger.same_state(before));
    }
    SECTION("foreign: made on another ledger") {
        quota_ledger<CAD, vehicles> other(one_half(10_each));
        auto r = other.reserve(claim);
        const auto before = ledger;
        CHECK(ledger.try_commit(r).error() == errc::invalid_argument);
        CHECK(ledger.try_release(r) == errc::invalid_argument);
        CHECK(error_of([&] {
                  ledger.release(r);
                  return 0;
              }) == errc::invalid_argument);
        CHECK(ledger.same_state(before));
        CHECK(r.pending());
        CHECK(other.try_commit(r).ok());
        CHECK(other.balance(0, quota_pool::general) == 6);
    }
    SECTION("held across an assignment to the ledger: never drawn below zero") {
        auto r = ledger.reserve({1, date(2026, 3, 2), 8_each, 320'000.00_CAD}); // 8 of 10
        ledger = quota_ledger<CAD, vehicles>(one_half(5_each)); // unchanged count, 5 left
        const auto before = ledger;
        CHECK(ledger.try_commit(r).error() == errc::invalid_argument);
        CHECK(ledger.same_state(before));
        CHECK(ledger.balance(0, quota_pool::general) == 5);
    }
    SECTION("a bad claim is refused by reserve as by allocate") {
        const auto before = ledger;
        const quota_claim<CAD, vehicles> zero{1, date(2026, 3, 2), 0_each, 1.00_CAD};
        const quota_claim<CAD, vehicles> outside{1, date(2027, 3, 2), 1_each, 1.00_CAD};
        CHECK(ledger.try_reserve(zero).error() == errc::invalid_argument);
        CHECK(error_of([&] { return ledger.reserve(zero); }) == errc::invalid_argument);
        CHECK(ledger.try_reserve(outside).error() == errc::outside_period);
        CHECK(ledger.same_state(before));
    }
}

namespace {
// H1 and H2 of 10 with carry-over. A reservation of 4 in H2 is released (H1
// stays open); 3 in H1 are reserved and committed: H1 balance 10 - 3 = 7;
// a reservation dropped unused; then 12 in H2: H1 closes carrying 7, H2 has
// 17: 12 in, balance 5. Events: 1 + carried out + carried in + 1 = 4.
struct transaction_year {
    std::int64_t released_in, h1_balance, h2_balance, events, c_in;
    bool h1_closed_after_release;
};
constexpr transaction_year compiled_transaction = [] {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, true));
    auto r = ledger.reserve({1, date(2026, 9, 2), 4_each, 160'000.00_CAD});
    const std::int64_t released_in = ledger.quota().granules_down(r.planned().in_quota);
    ledger.release(r);
    const bool closed = ledger.status(0).closed;
    auto s = ledger.reserve({2, date(2026, 3, 2), 3_each, 120'000.00_CAD});
    (void)ledger.commit(s);
    const std::int64_t h1 = ledger.balance(0, quota_pool::general);
    {
        [[maybe_unused]] const auto dropped =
            ledger.reserve({3, date(2026, 3, 3), 1_each, 40'000.00_CAD});
    }
    const auto c = ledger.allocate({4, date(2026, 9, 3), 12_each, 480'000.00_CAD});
    return transaction_year{released_in,
                            h1,
                            ledger.balance(1, quota_pool::general),
                            static_cast<std::int64_t>(ledger.events().size()),
                            ledger.quota().granules_down(c.in_quota),
                            closed};
}();
} // namespace

TEST_CASE("transaction: reserve, commit and release work at compile time",
          "[quota][transaction][constexpr]") {
    STATIC_REQUIRE(compiled_transaction.released_in == 4); // H2 would have 10 + 10 = 20
    STATIC_REQUIRE_FALSE(compiled_transaction.h1_closed_after_release);
    STATIC_REQUIRE(compiled_transaction.h1_balance == 7);
    STATIC_REQUIRE(compiled_transaction.c_in == 12);
    STATIC_REQUIRE(compiled_transaction.h2_balance == 5);
    STATIC_REQUIRE(compiled_transaction.events == 4);
}

// Binary floating point, characters and bool do not enter through the
// integer parameters of date, grow, fill_ratio, the ledger's and the quota's
// indices and the concurrent pool: those overloads are named mistakes, never
// callable, so these answer false (tests/compile_fail/batch/parameters.cpp
// checks the first error line). Each has its positive control.
// ---------------------------------------------------------------------------
// Non-throwing forms, receipts and leases (issue 10, item 4). Each try_ form
// is given the inputs that make its throwing twin throw: the same errc comes
// back, nothing throws, and the ledger is unchanged.
// ---------------------------------------------------------------------------

namespace {

TEST_CASE("try_allocate_same_day returns what allocate_same_day raises and changes nothing",
          "[quota][same-day][try]") {
    quota_ledger<CAD, vehicles> ledger(two_halves(10_each, false));
    using claim = quota_ledger<CAD, vehicles>::claim;
    const date d(2026, 3, 2);
    const auto before = snapshot(ledger);
    const auto rejects = [&](std::vector<claim> claims, errc why) {
        CHECK(error_of([&] { return ledger.allocate_same_day(claims); }) == why);
        CHECK(snapshot(ledger) == before);
        const auto r = ledger.try_allocate_same_day(claims);
        CHECK(r.error() == why);
        CHECK(snapshot(ledger) == before);
    };
    // Two dates in one batch; a zero quantity; a negative value; a date in
    // no period (the quota starts 2026-03-01).
    rejects({{1, d, 2_each, 80'000.00_CAD}, {2, date(2026, 3, 3), 1_each, 40'000.00_CAD}},
            errc::invalid_argument);
    rejects({{1, d, 2_each, 80'000.00_CAD}, {2, d, 0_each, 40'000.00_CAD}}, errc::invalid_argument);
    rejects({{1, d, 2_each, -1.00_CAD}}, errc::negative_quantity);
    rejects({{1, date(2026, 2, 1), 2_each, 80'000.00_CAD}}, errc::outside_period);
    // A period already closed: H2 opened by a claim, then a batch dated in H1.
    (void)ledger.allocate({9, date(2026, 9, 1), 1_each, 40'000.00_CAD});
    const auto after_h2 = snapshot(ledger);
    CHECK(ledger.try_allocate_same_day(std::vector<claim>{{1, d, 1_each, 40'000.00_CAD}}).error() ==
          errc::period_closed);
    CHECK(snapshot(ledger) == after_h2);

    // Accepted: three claims of 4 against 10 in H1 of a fresh ledger. By
    // hand: 12 > 10, so each gets floor(10 * 4 / 12) = 3; residue 10 - 9 = 1.
    quota_ledger<CAD, vehicles> fresh(two_halves(10_each, false));
    const std::vector<claim> day{{1, d, 4_each, 160'000.00_CAD},
                                 {2, d, 4_each, 160'000.00_CAD},
                                 {3, d, 4_each, 160'000.00_CAD}};
    const auto r = fresh.try_allocate_same_day(day);
    REQUIRE(r.ok());
    CHECK(r->pro_rata);
    CHECK(r->residue == 1_each);
    REQUIRE(r->allocations.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(r->allocations[i].in_quota == 3_each);
        CHECK(r->allocations[i].over_quota == 1_each);
        // 160,000.00 split 3 : 1 = 120,000.00 + 40,000.00.
        CHECK(r->allocations[i].value_in_quota == 120'000.00_CAD);
        CHECK(r->allocations[i].receipt == i);
    }
    CHECK(fresh.balance(0, quota_pool::general) == 1);
}

TEST_CASE("try_cancel, try_amend and try_receipt: an unknown receipt is errc::unknown_entry",
          "[quota][returns][try]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    // 12 against 10: 10 in quota, 2 over.
    const auto a = ledger.allocate({7, date(2026, 3, 2), 12_each, 480'000.00_CAD});
    const auto before = snapshot(ledger);
    CHECK(error_of([&] {
              ledger.cancel(1);
              return 0;
          }) == errc::unknown_entry);
    CHECK(ledger.try_cancel(1) == errc::unknown_entry);
    CHECK(error_of([&] {
              ledger.amend(1, 1_each);
              return 0;
          }) == errc::unknown_entry);
    CHECK(ledger.try_amend(1, 1_each) == errc::unknown_entry);
    CHECK(error_of([&] { return ledger.receipt(1); }) == errc::unknown_entry);
    CHECK(ledger.try_receipt(1).error() == errc::unknown_entry);
    CHECK(snapshot(ledger) == before);

    // The receipt: 16 bytes, what the allocation holds by pool.
    static_assert(sizeof(quota_receipt) == 16);
    CHECK(ledger.receipt(a.receipt) == quota_receipt{0, 10});
    // Amended to 7 vehicles: 10 - 7 = 3 back; then cancelled: the other 7.
    CHECK(ledger.try_amend(a.receipt, 7_each) == errc::ok);
    CHECK(ledger.balance(0, quota_pool::general) == 3);
    CHECK(ledger.try_receipt(a.receipt)->held() == 7);
    CHECK(ledger.try_cancel(a.receipt) == errc::ok);
    CHECK(ledger.balance(0, quota_pool::general) == 10);
    CHECK(ledger.receipt(a.receipt).held() == 0);
    // The log names the entry on both returns.
    CHECK(ledger.events().back().entry_id == 7);
    CHECK(ledger.events().back().amount == 7);
    // Cancelling what holds nothing is accepted and changes nothing.
    const auto emptied = snapshot(ledger);
    CHECK(ledger.try_cancel(a.receipt) == errc::ok);
    CHECK(snapshot(ledger) == emptied);

    // Without receipts every receipt is unknown.
    quota_ledger<CAD, vehicles> bare(one_half(10_each),
                                     {.keep_events = false, .keep_receipts = false});
    const auto b = bare.allocate({1, date(2026, 3, 2), 2_each, 80'000.00_CAD});
    CHECK(bare.try_cancel(b.receipt) == errc::unknown_entry);
    CHECK(bare.try_cancel(0) == errc::unknown_entry);
    CHECK(bare.balance(0, quota_pool::general) == 8);
}

TEST_CASE("receipts past the first block of 4,096 are kept and returned exactly",
          "[quota][returns][receipts]") {
    // 5,000 claims of 2 vehicles against 10,000: each wholly in quota, the
    // balance 0 at the end. Receipt k holds 2 general granules.
    quota_ledger<CAD, vehicles> ledger(one_half(10'000_each));
    for (std::uint64_t k = 0; k < 5'000; ++k)
        REQUIRE(ledger.allocate({k + 1, date(2026, 3, 2), 2_each, 80'000.00_CAD}).receipt == k);
    REQUIRE(ledger.balance(0, quota_pool::general) == 0);
    // By hand: 1 back from receipt 4,095 (the last of the first block), 2
    // from 4,096 (the first of the second), 1 from 4,999: balance 4.
    CHECK(ledger.try_give_back(4'095, 1_each) == errc::ok);
    CHECK(ledger.try_cancel(4'096) == errc::ok);
    CHECK(ledger.try_give_back(4'999, 1_each) == errc::ok);
    CHECK(ledger.balance(0, quota_pool::general) == 4);
    CHECK(ledger.receipt(4'095) == quota_receipt{0, 1});
    CHECK(ledger.receipt(4'096) == quota_receipt{0, 0});
    CHECK(ledger.receipt(4'097) == quota_receipt{0, 2});
    CHECK(ledger.receipt(4'999) == quota_receipt{0, 1});
    CHECK(ledger.events().back().entry_id == 5'000);
    CHECK(ledger.try_receipt(5'000).error() == errc::unknown_entry);
    CHECK(ledger.try_give_back(4'096, 1_each) == errc::return_exceeds_allocation);
}

TEST_CASE("a return from a closed period's receipt goes to the open period, named in the log",
          "[quota][returns][receipts]") {
    // H1 and H2 of 5, no carry-over. Receipt 0 in H1 (3 vehicles), receipt 1
    // in H2 (2 vehicles; H1's 2 left lapse). By hand, cancelling receipt 0
    // gives its 3 to H2: 5 - 2 + 3 = 6; cancelling receipt 1 gives 2 to H2: 8.
    quota_ledger<CAD, vehicles> ledger(two_halves(5_each, false));
    const auto a = ledger.allocate({11, date(2026, 4, 1), 3_each, 120'000.00_CAD});
    const auto b = ledger.allocate({12, date(2026, 10, 1), 2_each, 80'000.00_CAD});
    REQUIRE(ledger.open_period() == 1);
    CHECK(ledger.try_cancel(a.receipt) == errc::ok);
    CHECK(ledger.balance(1, quota_pool::general) == 6);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    CHECK(ledger.events().back().entry_id == 11);
    CHECK(ledger.events().back().period == 1);
    CHECK(ledger.try_cancel(b.receipt) == errc::ok);
    CHECK(ledger.balance(1, quota_pool::general) == 8);
    CHECK(ledger.events().back().entry_id == 12);
}

TEST_CASE("try_status, try_status_on, try_balance, try_opening: errors as values",
          "[quota][status][try]") {
    const quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    CHECK(error_of([&] { return ledger.status(1); }) == errc::invalid_argument);
    CHECK(ledger.try_status(1).error() == errc::invalid_argument);
    CHECK(error_of([&] { return ledger.status_on(date(2026, 9, 1)); }) == errc::outside_period);
    CHECK(ledger.try_status_on(date(2026, 9, 1)).error() == errc::outside_period);
    // balance() and opening() of a period that does not exist raise the
    // library's errc::invalid_argument (not std::out_of_range).
    CHECK(error_of([&] { return ledger.balance(1, quota_pool::general); }) ==
          errc::invalid_argument);
    CHECK(ledger.try_balance(1, quota_pool::general).error() == errc::invalid_argument);
    CHECK(error_of([&] { return ledger.opening(5, quota_pool::reserved); }) ==
          errc::invalid_argument);
    CHECK(ledger.try_opening(5, quota_pool::reserved).error() == errc::invalid_argument);
    // And the values when there is one: 10 vehicles, none used.
    CHECK(ledger.try_status(0)->balance == 10_each);
    CHECK(ledger.try_status_on(date(2026, 3, 1))->available == 10_each);
    CHECK(*ledger.try_balance(0, quota_pool::general) == 10);
    CHECK(*ledger.try_opening(0, quota_pool::reserved) == 0);
}

TEST_CASE("a lease takes blocks from the pool and conserves every granule", "[quota][lease]") {
    concurrent_quota_pool<vehicles> pool(100_each, 1_each);
    {
        concurrent_quota_pool<vehicles>::lease lease(pool, 10);
        // By hand: draw 3 with nothing held: need 3, plus min(10, (100 - 3) / 16 = 6)
        // = 9 taken; 6 held; balance 91.
        CHECK(lease.draw(std::int64_t{3}) == 3);
        CHECK(lease.held() == 6);
        CHECK(pool.balance() == 91);
        CHECK(pool.leased() == 9);
        // Draw 7 with 6 held: need 1, plus min(10, (91 - 1) / 16 = 5) = 6;
        // held 12, then 5; balance 85.
        CHECK(lease.draw(std::int64_t{7}) == 7);
        CHECK(lease.held() == 5);
        CHECK(lease.drawn() == 10);
        CHECK(pool.balance() == 85);
        CHECK(pool.leased() == 15);
        // Non-positive requests take nothing.
        CHECK(lease.draw(std::int64_t{0}) == 0);
        CHECK(lease.draw(std::int64_t{-4}) == 0);
        // Give back 8 of the 10 drawn (to the lease); 3 more is too many.
        CHECK(lease.try_give_back(8) == errc::ok);
        CHECK(lease.held() == 13);
        CHECK(lease.try_give_back(3) == errc::return_exceeds_allocation);
        CHECK(lease.try_give_back(0) == errc::invalid_argument);
        CHECK(error_of([&] {
                  lease.give_back(3);
                  return 0;
              }) == errc::return_exceeds_allocation);
        CHECK(lease.held() == 13);
        // The pool refuses a return while the callers hold nothing of its own.
        CHECK(pool.try_give_back(1) == errc::return_exceeds_allocation);
    }
    // Released: 13 back to the balance (85 + 13 = 98); the 2 still drawn now
    // count as drawn from the pool, which takes them back.
    CHECK(pool.balance() == 98);
    CHECK(pool.leased() == 0);
    CHECK(pool.try_give_back(3) == errc::return_exceeds_allocation);
    CHECK(pool.try_give_back(2) == errc::ok);
    CHECK(pool.balance() == 100);

    // Near exhaustion the last draws are exact: a pool of 10, a lease of
    // blocks of 1000, draws of 4: 4 (takes 4 + (10 - 4) / 16 = 0), 4, then 2.
    concurrent_quota_pool<vehicles> small(10_each, 1_each);
    concurrent_quota_pool<vehicles>::lease l(small, 1000);
    CHECK(l.draw(std::int64_t{4}) == 4);
    CHECK(l.draw(std::int64_t{4}) == 4);
    CHECK(l.draw(std::int64_t{4}) == 2);
    CHECK(l.draw(std::int64_t{4}) == 0);
    CHECK(small.balance() == 0);
    // An unsigned request above 2^63 - 1 asks for everything, not nothing.
    CHECK(l.try_give_back(10) == errc::ok);
    CHECK(l.draw(~std::uint64_t{0}) == 10);
}

} // namespace

namespace integer_parameters {
static_assert(std::is_constructible_v<date, int, int, int>);
static_assert(!std::is_constructible_v<date, int, int, double>);
static_assert(!std::is_constructible_v<date, char, int, int>);
static_assert(!std::is_constructible_v<date, int, bool, int>);
template <class N>
concept adds_days = requires(date d, N n) {
    d.plus_days(n);
    d.try_plus_days(n);
};
template <class N>
concept from_days = requires(N n) {
    date::from_days_since_epoch(n);
};
static_assert(adds_days<std::int64_t> && adds_days<int> && from_days<long>);
static_assert(!adds_days<double> && !adds_days<char> && !adds_days<bool>);
static_assert(!from_days<double> && !from_days<char32_t>);
template <class N>
concept grows = requires(N n) {
    grow(1 * each, 2_pct, n, 1 * each, rounding::half_even);
};
static_assert(grows<int> && !grows<double> && !grows<char> && !grows<bool>);
template <class N>
concept fill_ratio_places = requires(quota_status<vehicles> s, N n) {
    s.fill_ratio(n, rounding::half_even);
};
static_assert(fill_ratio_places<int> && !fill_ratio_places<double> && !fill_ratio_places<char>);
template <class N>
concept ledger_index = requires(const quota_ledger<CAD, vehicles>& l, N n) {
    l.status(n);
    l.balance(n, quota_pool::general);
    l.opening(n, quota_pool::reserved);
};
static_assert(ledger_index<std::size_t> && ledger_index<int>);
static_assert(!ledger_index<double> && !ledger_index<char> && !ledger_index<bool>);
template <class N>
concept receipt = requires(quota_ledger<CAD, vehicles>& l, N n) {
    l.cancel(n);
};
template <class N>
concept receipt_try = requires(quota_ledger<CAD, vehicles>& l, N n) {
    l.try_cancel(n);
    l.try_amend(n, 1_each);
    l.receipt(n);
    l.try_receipt(n);
};
static_assert(receipt_try<std::size_t> && !receipt_try<double> && !receipt_try<bool> &&
              !receipt_try<char>);
template <class N>
concept ledger_index_try = requires(const quota_ledger<CAD, vehicles>& l, N n) {
    l.try_status(n);
    l.try_balance(n, quota_pool::general);
    l.try_opening(n, quota_pool::reserved);
};
static_assert(ledger_index_try<std::size_t> && ledger_index_try<int>);
static_assert(!ledger_index_try<double> && !ledger_index_try<char> && !ledger_index_try<bool>);
template <class N>
concept lease_draws = requires(concurrent_quota_pool<vehicles>::lease& l, N n) {
    l.draw(n);
    l.try_give_back(n);
    l.give_back(n);
};
static_assert(lease_draws<std::int64_t> && lease_draws<std::uint64_t> && !lease_draws<double> &&
              !lease_draws<char> && !lease_draws<bool>);
static_assert(receipt<std::size_t> && !receipt<double> && !receipt<bool>);
template <class N>
concept pool_gives_back = requires(concurrent_quota_pool<vehicles>& p, N n) {
    p.give_back(n);
    p.try_give_back(n);
};
static_assert(pool_gives_back<std::int64_t> && !pool_gives_back<double> && !pool_gives_back<char> &&
              !pool_gives_back<bool>);
template <class N>
concept granules_to_quantity = requires(const tariff_rate_quota<CAD, vehicles>& q, N n) {
    q.to_quantity(n);
    q.try_to_quantity(n);
};
static_assert(granules_to_quantity<std::int64_t> && !granules_to_quantity<double> &&
              !granules_to_quantity<char> && !granules_to_quantity<bool>);
template <class N>
concept base_has = requires(duty_base<CAD> b, N n) {
    b.has(n);
};
static_assert(base_has<unsigned> && !base_has<double> && !base_has<bool>);
} // namespace integer_parameters

// ---------------------------------------------------------------------------
// The lean form: try_allocate(claim, quota_take&)
// ---------------------------------------------------------------------------

TEST_CASE("lean try_allocate: the FCFS figures, written into the caller's quota_take",
          "[quota][fcfs][lean]") {
    quota_ledger<CAD, vehicles> ledger(one_half(5_each));
    quota_take<CAD> t;
    // 4 against 5: wholly in (4 granules), the over part a zero at the value's scale.
    REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD}, t) == errc::ok);
    CHECK(t.in_granules == 4);
    CHECK(t.from_reserve == 0);
    CHECK(t.value_in_quota == 160'000.00_CAD);
    CHECK(t.value_over_quota == 0.00_CAD);
    CHECK(t.value_over_quota.amount().scale() == 2);
    CHECK(t.receipt == 0);
    // 3 against 1: 1 in, 2 over; 10,000 cents by 1 : 2 is 3,333 (rem 1/3) and
    // 6,666 (rem 2/3); the leftover cent to the larger remainder: 33.33 / 66.67.
    REQUIRE(ledger.try_allocate({2, date(2026, 3, 3), 3_each, 100.00_CAD}, t) == errc::ok);
    CHECK(t.in_granules == 1);
    CHECK(t.value_in_quota == 33.33_CAD);
    CHECK(t.value_over_quota == 66.67_CAD);
    CHECK(t.receipt == 1);
    CHECK(ledger.balance(0, quota_pool::general) == 0);
    // Balance 0: wholly over.
    REQUIRE(ledger.try_allocate({3, date(2026, 3, 4), 2_each, 10.00_CAD}, t) == errc::ok);
    CHECK(t.in_granules == 0);
    CHECK(t.value_in_quota == 0.00_CAD);
    CHECK(t.value_over_quota == 10.00_CAD);
    CHECK(ledger.allocation_count() == 3);
    // The receipts are the ones allocate() issues: 4 and 1 granules held.
    CHECK(ledger.receipt(0).held() == 4);
    CHECK(ledger.receipt(1).held() == 1);
    CHECK(ledger.receipt(2).held() == 0);
}

TEST_CASE("lean try_allocate: ties to the in-quota part; values finer than the minor unit "
          "or coarser than it",
          "[quota][fcfs][lean][split]") {
    quota_take<CAD> t;
    SECTION("CAD 100.01, 1 of 2 in: 10,001 cents, remainders 1/2 each, the tie in: 50.01 / 50.00") {
        quota_ledger<CAD, vehicles> ledger(one_half(1_each));
        REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 2_each, 100.01_CAD}, t) == errc::ok);
        CHECK(t.value_in_quota == 50.01_CAD);
        CHECK(t.value_over_quota == 50.00_CAD);
    }
    SECTION("CAD 100.001, 1 of 3 in: 100,001 mils; 33,333 rem 2/3 and 66,667 rem 1/3: 33.334") {
        quota_ledger<CAD, vehicles> ledger(one_half(1_each));
        REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 3_each, 100.001_CAD}, t) == errc::ok);
        CHECK(t.value_in_quota == 33.334_CAD);
        CHECK(t.value_over_quota == 66.667_CAD);
    }
    SECTION("CAD 100 (no places), 1 of 3 in: split in cents, 33.33 / 66.67 at scale 2") {
        quota_ledger<CAD, vehicles> ledger(one_half(1_each));
        const money<CAD> hundred(decimal::from_parts(100, 0));
        REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 3_each, hundred}, t) == errc::ok);
        CHECK(t.value_in_quota == 33.33_CAD);
        CHECK(t.value_over_quota == 66.67_CAD);
        CHECK(t.value_in_quota.amount().scale() == 2);
    }
    SECTION("in kg with a fractional claim (the general path): 1,000.5 kg against 600 kg") {
        quota_ledger<CAD, kilograms> ledger(kg_quota(600_kg));
        // Weights 6,000 : 4,005 of 100,000 cents: 59,970 (rem .0149) and 40,029
        // (rem .985); the cent to the larger remainder (over): 599.70 / 400.30.
        REQUIRE(ledger.try_allocate({1, date(2026, 5, 1), 1'000.5_kg, 1'000.00_CAD}, t) ==
                errc::ok);
        CHECK(t.in_granules == 600);
        CHECK(t.value_in_quota == 599.70_CAD);
        CHECK(t.value_over_quota == 400.30_CAD);
    }
}

TEST_CASE("lean try_allocate: a rejected claim changes nothing", "[quota][lean][rejected]") {
    quota_ledger<CAD, vehicles> ledger(one_half(10_each));
    quota_take<CAD> t;
    REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 3_each, 120'000.00_CAD}, t) == errc::ok);
    const auto before = snapshot(ledger);
    CHECK(ledger.try_allocate({2, date(2026, 3, 5), 0_each, 0.00_CAD}, t) ==
          errc::invalid_argument);
    CHECK(ledger.try_allocate({3, date(2026, 3, 5), 1_each, -0.01_CAD}, t) ==
          errc::negative_quantity);
    CHECK(ledger.try_allocate({4, date(2026, 9, 5), 1_each, 1.00_CAD}, t) == errc::outside_period);
    CHECK(snapshot(ledger) == before);
    CHECK(ledger.balance(0, quota_pool::general) == 7);
}

TEST_CASE("a split whose value in minor units has more digits than a decimal holds is "
          "errc::overflow and changes nothing, in both forms",
          "[quota][split][overflow]") {
    // CAD 900,000,000,000,000,000 (no places) is 9e19 cents > 2^63 - 1 (about
    // 9.22e18): the integer split cannot scale it, and neither can the general one.
    const money<CAD> huge(decimal::from_parts(900'000'000'000'000'000, 0));
    quota_ledger<CAD, vehicles> ledger(one_half(1_each));
    const auto before = snapshot(ledger);
    quota_take<CAD> t;
    CHECK(ledger.try_allocate({1, date(2026, 3, 2), 2_each, huge}, t) == errc::overflow);
    CHECK(ledger.try_allocate({1, date(2026, 3, 2), 2_each, huge}).code() == errc::overflow);
    CHECK(snapshot(ledger) == before);
    // Wholly in quota it is not split, and it is accepted.
    REQUIRE(ledger.try_allocate({2, date(2026, 3, 2), 1_each, huge}, t) == errc::ok);
    CHECK(t.value_in_quota == huge);
}

TEST_CASE("lean and full forms leave the same ledger and the same figures over a long run",
          "[quota][lean]") {
    // Two ledgers, one driven by each form, compared claim by claim: the lean
    // form must be the same allocation in another shape.
    quota_ledger<CAD, vehicles> full(two_halves(500_each, true));
    quota_ledger<CAD, vehicles> lean(two_halves(500_each, true));
    std::uint64_t x = 12345;
    for (std::uint64_t i = 1; i <= 400; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto q = static_cast<std::int64_t>(1 + (x >> 33) % 7);
        const auto cents = static_cast<std::int64_t>((x >> 13) % 10'000'000);
        const date d = i <= 200 ? date(2026, 4, 1) : date(2026, 10, 1);
        const quota_claim<CAD, vehicles> c{i, d, quantity<vehicles>(decimal(q)),
                                           money<CAD>(decimal::from_parts(cents, 2))};
        const auto a = full.allocate(c);
        quota_take<CAD> t;
        REQUIRE(lean.try_allocate(c, t) == errc::ok);
        CHECK(t.in_granules == a.from_reserve + a.from_general);
        CHECK(t.value_in_quota == a.value_in_quota);
        CHECK(t.value_over_quota == a.value_over_quota);
        CHECK(t.value_in_quota + t.value_over_quota == c.value);
        CHECK(t.receipt == a.receipt);
    }
    CHECK(snapshot(lean) == snapshot(full));
}

TEST_CASE("totals: the ledger sums what it allocates, in both forms, at the finest scale",
          "[quota][lean][totals]") {
    quota_ledger<CAD, vehicles> ledger(one_half(5_each));
    quota_take<CAD> t;
    REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD}, t) == errc::ok);
    (void)ledger.allocate({2, date(2026, 3, 3), 3_each, 100.00_CAD}); // 1 in: 33.33 / 66.67
    REQUIRE(ledger.try_allocate({3, date(2026, 3, 4), 2_each, 10.005_CAD}, t) == errc::ok);
    // In quota 4 + 1 = 5 vehicles; over 0 + 2 + 2 = 4. Values in: 160,000.00 +
    // 33.33 + 0.000 = 160,033.330; over: 0.00 + 66.67 + 10.005 = 76.675 (at the
    // finest scale summed, 3 places).
    const auto s = ledger.totals();
    CHECK(s.allocations == 3);
    CHECK(s.in_quota == 5_each);
    CHECK(s.over_quota == 4_each);
    CHECK(s.value_in_quota == 160'033.33_CAD);
    CHECK(s.value_over_quota == 76.675_CAD);
    CHECK(s.value_over_quota.amount().scale() == 3);
    // A give-back does not reduce them (gross of returns).
    ledger.give_back(0, 1_each);
    CHECK(ledger.totals().in_quota == 5_each);
}

TEST_CASE("totals: no needless overflow past 64 bits, and an overflow is reported, not silent",
          "[quota][totals][overflow]") {
    quota_take<CAD> t;
    SECTION("2 x CAD 90,000,000,000,000,000.00 = 180,000,000,000,000,000: 1.8e19 cents does "
            "not fit 2^63 - 1 (about 9.22e18), the whole amount does") {
        quota_ledger<CAD, vehicles> ledger(one_half(2_each));
        const money<CAD> v(decimal::from_parts(9'000'000'000'000'000'000, 2));
        REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 1_each, v}, t) == errc::ok);
        REQUIRE(ledger.try_allocate({2, date(2026, 3, 2), 1_each, v}, t) == errc::ok);
        const auto s = ledger.try_totals();
        REQUIRE(s);
        CHECK(s->value_in_quota.amount() == decimal::from_parts(180'000'000'000'000'000, 0));
        CHECK(s->value_over_quota == 0.00_CAD);
    }
    SECTION("2 x CAD 90,000,000,000,000,000.01: 18,000,000,000,000,000,002 cents has no "
            "trailing zero to drop: errc::overflow, and the ledger goes on") {
        quota_ledger<CAD, vehicles> ledger(one_half(3_each));
        const money<CAD> v(decimal::from_parts(9'000'000'000'000'000'001, 2));
        REQUIRE(ledger.try_allocate({1, date(2026, 3, 2), 1_each, v}, t) == errc::ok);
        (void)ledger.allocate({2, date(2026, 3, 2), 1_each, v});
        CHECK(ledger.try_totals().code() == errc::overflow);
        CHECK(error_of([&] { return ledger.totals(); }) == errc::overflow);
        REQUIRE(ledger.try_allocate({3, date(2026, 3, 2), 1_each, 1.00_CAD}, t) == errc::ok);
        CHECK(ledger.balance(0, quota_pool::general) == 0);
    }
}

// ---------------------------------------------------------------------------
// A ledger for a unit known only at run time
// ---------------------------------------------------------------------------

TEST_CASE("runtime_quota_ledger: a quota in kg (a run-time unit) drawn by claims in g and "
          "tonnes, converted exactly",
          "[quota][runtime]") {
    using L = runtime_quota_ledger<CAD>;
    const auto q = L::quota_type("KG-rt", duty_path<CAD>("in"), duty_path<CAD>("over"))
                       .with_period("Y", date(2026, 1, 1), date(2026, 12, 31),
                                    L::quantity_type(decimal(1'000)));
    L ledger(q, unit_info_of<kilograms>);
    CHECK(ledger.unit().symbol == "kg");
    // 600,000 g = 600 kg: wholly in; balance 1,000 - 600 = 400.
    const auto a =
        ledger.allocate(1, date(2026, 2, 1),
                        runtime_quantity(decimal(600'000), unit_info_of<units::gram>), 600.00_CAD);
    CHECK(a.in_quota.value() == decimal(600));
    CHECK(ledger.in_unit(a.in_quota).amount() == decimal(600));
    CHECK(ledger.in_unit(a.in_quota).unit().symbol == "kg");
    // 0.5 tonne = 500 kg against 400: 400 in, 100 over; 50,000 cents by 4 : 1
    // = 40,000 and 10,000 exactly.
    quota_take<CAD> t;
    REQUIRE(
        ledger.try_allocate(2, date(2026, 3, 1),
                            runtime_quantity(decimal::from_parts(5, 1), unit_info_of<units::tonne>),
                            500.00_CAD, t) == errc::ok);
    CHECK(t.in_granules == 400);
    CHECK(t.value_in_quota == 400.00_CAD);
    CHECK(t.value_over_quota == 100.00_CAD);
    CHECK(ledger.ledger().balance(0, quota_pool::general) == 0);
    const auto s = ledger.totals();
    CHECK(s.in_quota.value() == decimal(1'000)); // 600 + 400
    CHECK(s.over_quota.value() == decimal(100));
}

TEST_CASE("runtime_quota_ledger: a claim of another dimension or with no exact value in the "
          "ledger's unit is rejected and changes nothing",
          "[quota][runtime][rejected]") {
    using L = runtime_quota_ledger<CAD>;
    const auto q =
        L::quota_type("DZ-rt", duty_path<CAD>("in"), duty_path<CAD>("over"))
            .with_period("Y", date(2026, 1, 1), date(2026, 12, 31), L::quantity_type(decimal(10)));
    L ledger(q, unit_info_of<units::dozen>);
    // 1 kg is not a count: errc::invalid_argument.
    CHECK(ledger
              .try_reserve(1, date(2026, 2, 1),
                           runtime_quantity(decimal(1), unit_info_of<kilograms>), 1.00_CAD)
              .code() == errc::invalid_argument);
    // 7 each = 7/12 dozen = 0.58333...: no finite decimal, errc::inexact.
    CHECK(ledger
              .try_allocate(2, date(2026, 2, 1),
                            runtime_quantity(decimal(7), unit_info_of<vehicles>), 1.00_CAD)
              .code() == errc::inexact);
    // 6 each = 0.5 dozen: whole granules of 1 dozen: 0 in quota, all over.
    const auto a = ledger.allocate(3, date(2026, 2, 1),
                                   runtime_quantity(decimal(6), unit_info_of<vehicles>), 1.00_CAD);
    CHECK(a.in_quota.value() == decimal(0));
    CHECK(a.over_quota.value() == decimal::from_parts(5, 1));
    CHECK(ledger.ledger().balance(0, quota_pool::general) == 10);
    CHECK(ledger.ledger().allocation_count() == 1);
    // A unit that is not one.
    CHECK(error_of([&] { return L(q, unit_info{}); }) == errc::invalid_argument);
}

// The public split (try_split_value / split_value): what the ledger gives an
// allocation's value, for any two quantities. Figures by hand (largest
// remainder, the leftover unit to the larger remainder, the first part on a
// tie) and checked with Python integers: [3333, 6667], [5001, 5000],
// [-3333, -6667], [59970, 40030], [276701161105643274, 645636042579834306].
TEST_CASE("split_value: a value split by two quantities, exactly, as the ledger splits it",
          "[quota][split][split_value]") {
    // 10,000 cents by 1 : 2: 3,333 rem 1/3 and 6,666 rem 2/3; the cent goes over.
    CHECK(split_value(100.00_CAD, 1_each, 2_each) == std::array{33.33_CAD, 66.67_CAD});
    // 10,001 cents by 1 : 1: 5,000 each, equal remainders; the tie goes to the first part.
    CHECK(split_value(100.01_CAD, 1_each, 1_each) == std::array{50.01_CAD, 50.00_CAD});
    // A negative value is -(split of -value).
    CHECK(split_value(-100.00_CAD, 1_each, 2_each) == std::array{-33.33_CAD, -66.67_CAD});
    CHECK(split_value(-100.01_CAD, 1_each, 1_each) == std::array{-50.01_CAD, -50.00_CAD});
    // Quantities at different scales: 600 kg : 400.5 kg = 6,000 : 4,005 (sum 10,005);
    // 100,000 cents * 6,000 / 10,005 = 59,970.0149...; * 4,005 / 10,005 = 40,029.985...;
    // the cent goes to the larger remainder (over).
    CHECK(split_value(1'000.00_CAD, 600_kg, 400.5_kg) == std::array{599.70_CAD, 400.30_CAD});
    // A value with more places than the minor unit is split at its own precision:
    // 100,001 mils by 1 : 2 = 33,333 rem 2/3 and 66,667 rem 1/3 (see above) -> 33.334, 66.667.
    CHECK(split_value(100.001_CAD, 1_each, 2_each) == std::array{33.334_CAD, 66.667_CAD});
    // One quantity zero: the whole value goes to the other.
    CHECK(split_value(12.34_CAD, 0_each, 5_each) == std::array{0.00_CAD, 12.34_CAD});
    CHECK(split_value(12.34_CAD, 5_each, 0_each) == std::array{12.34_CAD, 0.00_CAD});
    // No needless overflow: 922,337,203,685,477,580 cents * 7 is past 2^63, the parts
    // are not. 922,337,203,685,477,580 * 3 / 10 = 276,701,161,105,643,274 exactly; * 7 / 10
    // = 645,636,042,579,834,306 exactly.
    const auto big = money<CAD>::from_minor_units(922'337'203'685'477'580);
    const auto parts = split_value(big, 3_each, 7_each);
    CHECK(parts[0].minor_units() == 276'701'161'105'643'274);
    CHECK(parts[1].minor_units() == 645'636'042'579'834'306);
    // Products past 2^64 (the 128-bit division): by 30 : 70 the same figures as by 3 : 7;
    // 2^63 - 1 cents by 2 : 1 (product 2^64 - 2, still 64 bits) and by 3 : 1 (past 2^64).
    // Python: [6148914691236517205, 3074457345618258602], [6917529027641081855,
    // 2305843009213693952].
    CHECK(split_value(big, 30_each, 70_each) == parts);
    const auto most = money<CAD>::from_minor_units(9'223'372'036'854'775'807);
    const auto by_2_1 = split_value(most, 2_each, 1_each);
    CHECK(by_2_1[0].minor_units() == 6'148'914'691'236'517'205);
    CHECK(by_2_1[1].minor_units() == 3'074'457'345'618'258'602);
    const auto by_3_1 = split_value(most, 3_each, 1_each);
    CHECK(by_3_1[0].minor_units() == 6'917'529'027'641'081'855);
    CHECK(by_3_1[1].minor_units() == 2'305'843'009'213'693'952);
    // Usable in constant expressions.
    static_assert(split_value(100.00_CAD, 1_each, 2_each)[1] == 66.67_CAD);
}

TEST_CASE("split_value: two zero quantities are errc::division_by_zero; try_split_value reports "
          "it without throwing",
          "[quota][split][split_value]") {
    CHECK(try_split_value(1.00_CAD, 0_each, 0_each).code() == errc::division_by_zero);
    CHECK(try_split_value(1.00_CAD, 0_each, 1_each).code() == errc::ok);
    CHECK(error_of([] { return split_value(1.00_CAD, 0_each, 0_each); }) == errc::division_by_zero);
    CHECK_THROWS_AS(split_value(1.00_CAD, 0_kg, 0_kg), tariff::domain_error);
    static_assert(
        noexcept(try_split_value(money<CAD>{}, quantity<vehicles>{}, quantity<vehicles>{})));
}

TEST_CASE("split_value: the parts sum to the value and each is within one unit of its exact "
          "share, for many values and quantities",
          "[quota][split][split_value]") {
    // The exact share of part i is value * w_i / (w_in + w_over) (in cents); largest
    // remainder gives floor or floor + 1 of it, and the two parts sum to the value.
    std::uint64_t state = 12345;
    auto next = [&state](std::uint64_t k) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        return (state >> 33) % k;
    };
    for (int i = 0; i < 2000; ++i) {
        const auto cents = static_cast<std::int64_t>(next(1'000'000'000));
        const auto wi = static_cast<std::int64_t>(next(5000));
        const auto wo = static_cast<std::int64_t>(next(5000)) + 1;
        const auto parts = split_value(money<CAD>::from_minor_units(cents),
                                       quantity<kilograms>(decimal::from_parts(wi, 1)),
                                       quantity<kilograms>(decimal::from_parts(wo, 1)));
        const std::int64_t in = parts[0].minor_units(), over = parts[1].minor_units();
        CHECK(in + over == cents);
        const std::int64_t exact_floor = cents * wi / (wi + wo); // < 5e12: no overflow
        CHECK((in == exact_floor || in == exact_floor + 1));
    }
}
