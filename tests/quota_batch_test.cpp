// Batch allocation on the quota ledger (quota_ledger::try_allocate_batch,
// tariff/quota.hpp).
//
// Rules under test:
//  - A batch gives exactly what allocating its claims one by one, in order,
//    with try_allocate gives: first come, first served (a claim of g
//    granules against a balance b gets min(g, b) in quota), each value split
//    by largest remainder at the value's precision (ties to the in-quota
//    part), never a cent lost; the same receipts, events, balances, totals.
//  - All or nothing: a bad batch or a bad claim in it changes nothing, and
//    out.bad_claim names the claim.
// The random comparisons use a fixed seed; the boundary figures are worked out
// by hand in the comments beside them.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

using vehicles = units::each;
using kilograms = units::kilogram;
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

constexpr auto within = duty_path<CAD>("within").with_duty("MFN", "test", 6.1_pct);
constexpr auto beyond = duty_path<CAD>("beyond").with_duty("MFN", "test", 100_pct);

tariff_rate_quota<CAD, vehicles> one_period(quantity<vehicles> volume) {
    return tariff_rate_quota<CAD, vehicles>("B", within, beyond)
        .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), volume);
}
tariff_rate_quota<CAD, vehicles> two_periods(quantity<vehicles> per_half) {
    return tariff_rate_quota<CAD, vehicles>("B2", within, beyond)
        .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), per_half)
        .with_period("H2", date(2026, 9, 1), date(2027, 2, 28), per_half)
        .with_carry_over(true);
}
tariff_rate_quota<CAD, kilograms> half_kg_quota(quantity<kilograms> volume) {
    return tariff_rate_quota<CAD, kilograms>("K", within, beyond,
                                             quantity<kilograms>(decimal::from_parts(5, 1)))
        .with_period("Y", date(2026, 1, 1), date(2026, 12, 31), volume);
}

// A fixed-seed linear congruential generator (Knuth's MMIX constants).
struct lcg {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return s >> 17;
    }
};

// The batch on one copy of `start`, the claims one by one on another; every
// figure and the two ledgers' states compared.
template <class U>
void same_as_one_by_one(const quota_ledger<CAD, U>& start, date day,
                        const std::vector<std::int64_t>& granules,
                        const std::vector<std::int64_t>& values, int scale) {
    const std::size_t n = granules.size();
    std::vector<std::uint64_t> ids(n);
    for (std::size_t i = 0; i < n; ++i)
        ids[i] = 1000 + i;
    quota_ledger<CAD, U> batch_ledger = start;
    quota_ledger<CAD, U> single = start;
    std::vector<std::int64_t> in(n), value_in(n), reserve(n);
    quota_batch_takes out{in, value_in, reserve};
    const auto first =
        batch_ledger.try_allocate_batch(quota_claim_batch{day, granules, values, scale, ids}, out);
    REQUIRE(static_cast<bool>(first));
    for (std::size_t i = 0; i < n; ++i) {
        const quota_claim<CAD, U> c{ids[i], day, start.quota().to_quantity(granules[i]),
                                    money<CAD>(decimal::from_parts(values[i], scale))};
        const auto a = single.try_allocate(c);
        REQUIRE(static_cast<bool>(a));
        CHECK(in[i] == a->from_reserve + a->from_general);
        CHECK(reserve[i] == a->from_reserve);
        CHECK(money<CAD>(decimal::from_parts(value_in[i], scale)) == a->value_in_quota);
        CHECK(money<CAD>(decimal::from_parts(values[i] - value_in[i], scale)) ==
              a->value_over_quota);
        if (i == 0)
            CHECK(*first == a->receipt);
    }
    CHECK(batch_ledger.same_state(single));
    const auto tb = batch_ledger.try_totals();
    const auto ts = single.try_totals();
    REQUIRE(static_cast<bool>(tb) == static_cast<bool>(ts));
    if (tb) {
        CHECK(tb->allocations == ts->allocations);
        CHECK(tb->in_quota == ts->in_quota);
        CHECK(tb->over_quota == ts->over_quota);
        CHECK(tb->value_in_quota == ts->value_in_quota);
        CHECK(tb->value_over_quota == ts->value_over_quota);
    }
}

void random_claims(lcg& r, std::size_t n, std::int64_t max_granules, std::vector<std::int64_t>& g,
                   std::vector<std::int64_t>& v) {
    g.resize(n);
    v.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        g[i] = 1 + static_cast<std::int64_t>(r.next() % static_cast<std::uint64_t>(max_granules));
        v[i] = static_cast<std::int64_t>(r.next() % 100'000'000); // up to CAD 999,999.99
    }
}

} // namespace

TEST_CASE("a batch allocates as the claims one by one do (random claims, fixed seed)",
          "[quota][batch]") {
    lcg r{20261201};
    std::vector<std::int64_t> g, v;
    using opts = quota_ledger<CAD, vehicles>::options;
    for (const opts o :
         {opts{true, true}, opts{false, false}, opts{true, false}, opts{false, true}}) {
        // 5,000 claims of up to 40 vehicles on 50,000: the quota runs out part
        // way (the expected total is about 102,500), and more than one
        // 4,096-receipt block is filled.
        quota_ledger<CAD, vehicles> l(one_period(50'000_each), o);
        random_claims(r, 5'000, 40, g, v);
        same_as_one_by_one(l, date(2026, 4, 1), g, v, 2);
        // Two batches in a row, the second starting with a partly filled block.
        quota_ledger<CAD, vehicles> l2(one_period(3'000_each), o);
        random_claims(r, 100, 40, g, v);
        std::vector<std::int64_t> in(100), vin(100);
        quota_batch_takes out{in, vin};
        REQUIRE(l2.try_allocate_batch(quota_claim_batch{date(2026, 5, 1), g, v, 2}, out));
        random_claims(r, 200, 40, g, v);
        same_as_one_by_one(l2, date(2026, 5, 2), g, v, 3); // values at 0.001
    }
    // The general rule: a reserve (10 % of 1,000 for claims of at most CAD 350
    // a vehicle; values up to 999,999.99 on up to 40 vehicles, so some are
    // eligible and some not).
    {
        quota_ledger<CAD, vehicles> l(
            one_period(1'000_each)
                .with_reserve({10_pct, 350.00_CAD, unused_reserve::joins_general}));
        random_claims(r, 300, 10, g, v);
        for (std::size_t i = 0; i < g.size(); i += 3)
            v[i] %= 30'000; // at most CAD 299.99 for the claim: eligible
        same_as_one_by_one(l, date(2026, 4, 1), g, v, 2);
    }
    // A granularity of 0.5 kg, and a batch dated in a later period (closing
    // the first, its balance carried over).
    {
        quota_ledger<CAD, kilograms> l(half_kg_quota(700_kg));
        random_claims(r, 400, 9, g, v);
        same_as_one_by_one(l, date(2026, 6, 1), g, v, 2);
        quota_ledger<CAD, vehicles> l2(two_periods(500_each));
        random_claims(r, 400, 9, g, v);
        same_as_one_by_one(l2, date(2026, 10, 1), g, v, 2);
    }
}

TEST_CASE("a batch: exhausting, splitting, zero claims, hand-computed figures", "[quota][batch]") {
    quota_ledger<CAD, vehicles> l(one_period(10_each));
    // By hand, against 10 vehicles: 4 @ CAD 100.00 all in (balance 6);
    // 6 @ CAD 60.00 all in, exactly exhausting it (balance 0);
    // 3 @ CAD 30.00 all over.
    const std::array<std::int64_t, 3> g{4, 6, 3};
    const std::array<std::int64_t, 3> v{10000, 6000, 3000};
    const std::array<std::uint64_t, 3> ids{7, 8, 9};
    std::array<std::int64_t, 3> in{}, vin{}, res{-1, -1, -1};
    quota_batch_takes out{in, vin, res};
    const auto first = l.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), g, v, 2, ids}, out);
    REQUIRE(static_cast<bool>(first));
    CHECK(*first == 0); // the ledger's first receipt
    CHECK(in == std::array<std::int64_t, 3>{4, 6, 0});
    CHECK(vin == std::array<std::int64_t, 3>{10000, 6000, 0});
    CHECK(res == std::array<std::int64_t, 3>{0, 0, 0});
    CHECK(l.balance(0, quota_pool::general) == 0);
    CHECK(l.receipt(1) == quota_receipt{0, 6});
    REQUIRE(l.events().size() == 2); // two draws; the claim wholly over quota draws nothing
    CHECK(l.events()[1] ==
          quota_event{quota_event_kind::allocation, 8, 0, quota_pool::general, 6, 0, 6});
    // Totals by hand: 10 in, 3 over; CAD 160.00 in, CAD 30.00 over.
    CHECK(l.totals().in_quota == 10_each);
    CHECK(l.totals().over_quota == 3_each);
    CHECK(l.totals().value_in_quota == 160.00_CAD);
    CHECK(l.totals().value_over_quota == 30.00_CAD);

    // A split: 10 vehicles, claims 7 @ CAD 100.00 (all in, 3 left) and 5 @
    // CAD 100.00: 3 in, 2 over, CAD 100.00 * 3/5 = 60.00 in, 40.00 over.
    // Then 3 @ CAD 1.00 on 1 left... (below, another ledger).
    quota_ledger<CAD, vehicles> s(one_period(10_each));
    const std::array<std::int64_t, 2> g2{7, 5};
    const std::array<std::int64_t, 2> v2{10000, 10000};
    std::array<std::int64_t, 2> in2{}, vin2{};
    quota_batch_takes out2{in2, vin2};
    REQUIRE(s.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), g2, v2, 2}, out2));
    CHECK(in2 == std::array<std::int64_t, 2>{7, 3});
    CHECK(vin2 == std::array<std::int64_t, 2>{10000, 6000});
    // A split with a remainder: 1 vehicle left, claim 3 @ CAD 1.00: in 1/3 of
    // 100 cents = 33.33, over 66.67; largest remainder: 33 + 66 = 99, the
    // leftover cent to the larger remainder (.67, over): CAD 0.33 + 0.67.
    quota_ledger<CAD, vehicles> t(one_period(1_each));
    const std::array<std::int64_t, 1> g3{3};
    const std::array<std::int64_t, 1> v3{100};
    std::array<std::int64_t, 1> in3{}, vin3{};
    quota_batch_takes out3{in3, vin3};
    REQUIRE(t.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), g3, v3, 2}, out3));
    CHECK(in3[0] == 1);
    CHECK(vin3[0] == 33);

    // Zero claims: nothing changes; the result is the next receipt (3).
    const quota_ledger<CAD, vehicles> before = l;
    quota_batch_takes none{};
    const auto r0 = l.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), {}, {}, 2}, none);
    REQUIRE(static_cast<bool>(r0));
    CHECK(*r0 == 3);
    CHECK(l.same_state(before));
}

TEST_CASE("a batch near the int64 limits", "[quota][batch]") {
    // A period of 2^62 vehicles; one claim of 2^63 - 1 vehicles worth
    // 2^63 - 1 cents: 2^62 in, 2^63 - 1 - 2^62 = 2^62 - 1 over; the value in
    // quota (2^63 - 1) * 2^62 / (2^63 - 1) = 2^62 cents exactly (no remainder;
    // the product needs 125 bits).
    quota_ledger<CAD, vehicles> l(
        one_period(quantity<vehicles>(decimal::from_parts(std::int64_t{1} << 62, 0))));
    const std::array<std::int64_t, 2> g{int64_max, int64_max};
    const std::array<std::int64_t, 2> v{int64_max, int64_max};
    std::array<std::int64_t, 2> in{}, vin{};
    quota_batch_takes out{in, vin};
    REQUIRE(l.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), g, v, 2}, out));
    CHECK(in[0] == std::int64_t{1} << 62);
    CHECK(vin[0] == std::int64_t{1} << 62);
    // The second claim finds nothing left: wholly over quota.
    CHECK(in[1] == 0);
    CHECK(vin[1] == 0);
    // Over quota in all: (2^62 - 1) + (2^63 - 1) vehicles, more than a decimal
    // holds: the totals report it (nothing overflowed silently).
    CHECK(error_of([&] { return l.totals(); }) == errc::overflow);
    CHECK(l.balance(0, quota_pool::general) == 0);
    CHECK(l.allocation_count() == 2);
}

TEST_CASE("a bad batch or a bad claim in it changes nothing", "[quota][batch]") {
    quota_ledger<CAD, vehicles> l(one_period(10_each));
    const std::array<std::int64_t, 1> g0{2};
    const std::array<std::int64_t, 1> v0{500};
    std::array<std::int64_t, 1> in0{}, vin0{};
    quota_batch_takes out0{in0, vin0};
    REQUIRE(l.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), g0, v0, 2}, out0));
    const quota_ledger<CAD, vehicles> before = l;

    std::array<std::int64_t, 3> in{}, vin{};
    quota_batch_takes out{in, vin};
    const auto bad = [&](std::array<std::int64_t, 3> g, std::array<std::int64_t, 3> v,
                         date d = date(2026, 3, 1), int scale = 2) {
        const auto r = l.try_allocate_batch(quota_claim_batch{d, g, v, scale}, out);
        CHECK(l.same_state(before));
        return r ? errc::ok : r.error();
    };
    // A bad claim in the middle: the first would have been allocated.
    CHECK(bad({3, 0, 1}, {100, 100, 100}) == errc::invalid_argument);
    CHECK(out.bad_claim == 1);
    CHECK(bad({3, 1, -1}, {100, 100, 100}) == errc::negative_quantity);
    CHECK(out.bad_claim == 2);
    CHECK(bad({3, 1, 1}, {100, -1, 100}) == errc::negative_quantity);
    CHECK(out.bad_claim == 1);
    // The batch as a whole: the date, the scale.
    CHECK(bad({3, 1, 1}, {100, 100, 100}, date(2026, 9, 1)) == errc::outside_period);
    CHECK(out.bad_claim == quota_batch_takes::npos);
    CHECK(bad({3, 1, 1}, {100, 100, 100}, date(2026, 3, 1), 1) == errc::invalid_argument);
    CHECK(bad({3, 1, 1}, {100, 100, 100}, date(2026, 3, 1), 19) == errc::invalid_argument);
    // Spans of different sizes.
    std::array<std::int64_t, 2> short_in{};
    quota_batch_takes short_out{short_in, vin};
    const std::array<std::int64_t, 3> g{1, 1, 1};
    CHECK(l.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), g, g, 2}, short_out).error() ==
          errc::invalid_argument);
    CHECK(l.same_state(before));
    // The throwing twin raises the same error, changing nothing.
    const std::array<std::int64_t, 3> gz{1, 0, 1};
    CHECK(error_of([&] {
              return l.allocate_batch(quota_claim_batch{date(2026, 3, 1), gz, g, 2}, out);
          }) == errc::invalid_argument);
    CHECK(l.same_state(before));

    // The general rule (0.5 kg granules): a claim of 2^63 - 1 granules is
    // (2^63 - 1) / 2 kg = 4611686018427387903.5 kg, a coefficient of 20
    // digits: errc::overflow, the claims before it not allocated.
    quota_ledger<CAD, kilograms> k(half_kg_quota(100_kg));
    const quota_ledger<CAD, kilograms> k0 = k;
    const std::array<std::int64_t, 3> kg{4, int64_max, 2};
    const std::array<std::int64_t, 3> kv{100, 100, 100};
    CHECK(k.try_allocate_batch(quota_claim_batch{date(2026, 3, 1), kg, kv, 2}, out).error() ==
          errc::overflow);
    CHECK(out.bad_claim == 1);
    CHECK(k.same_state(k0));
}
