// bench/quota_bench.cpp: the cost of the tariff-rate quota ledger and of the
// concurrent quota pool.
//
// Three workloads:
//
//   allocate  A year of vehicle entries against one quota (one period,
//             2026-01-01 to 2026-12-31, granularity 1 vehicle, 400,000,000
//             vehicles), 10,000,000 claims of 1 to 160 vehicles worth CAD
//             25,000.00 to 59,999.99 a vehicle on average (the claim's value
//             is drawn in cents, so it is not a multiple of the count), dated in
//             order through the year; a fixed-seed generator. The claims add
//             up to about 805 million vehicles, so the quota runs out near
//             the middle: about half the entries are wholly in quota, one is
//             split, the rest are wholly over quota. Per entry: first come,
//             first served (in quota = min(claimed, balance)) and the value
//             apportioned exactly between the two parts. Variants:
//               library              tariff::quota_ledger, options{.keep_events
//                                    = false}, try_allocate; the in- and
//                                    over-quota quantities and values summed
//                                    as quantity<each> and money<CAD>;
//               library, events      the same with keep_events = true (the
//                                    event log the balances can be recomputed
//                                    from: the hand-written code has none);
//               library, no receipts keep_events = false and keep_receipts =
//                                    false (no record per allocation, so no
//                                    give_back / cancel / amend; the ledger's
//                                    memory stays flat);
//               library, lean        try_allocate(claim, quota_take&): the
//                                    same allocation written into the
//                                    caller's 56-byte quota_take (granules in
//                                    quota, the value split); the totals
//                                    are the ledger's own (exact 128-bit
//                                    sums, try_totals() once at the end);
//                                    with receipts kept and without;
//               hand-written         int64 balance, int64 cents, in = min(q,
//                                    b), the value split by largest remainder
//                                    (ties to the in-quota part) with 128-bit
//                                    intermediates, totals in int64;
//               hand-written + receipts  the same, also pushing one 16-byte
//                                    record per entry (what it holds from
//                                    each pool, as the ledger's quota_receipt)
//                                    into a std::vector; the ledger keeps its
//                                    receipts unless keep_receipts = false (in
//                                    blocks of 4,096, so growth never copies).
//             Each iteration builds a fresh ledger (or balance) and allocates
//             all 10 million claims; the ledger's destruction is timed too.
//             The heap the ledger holds (receipts, event log) is measured by
//             counting operator new / delete and reported after the tables.
//
//   split     tariff::try_split_value, the apportionment the ledger uses,
//             on its own: with FCFS in one period only one entry per run is
//             split, so this measures the split path on every entry. The same
//             10 million values, each split between an in-quota part of 1 to
//             q-1 vehicles (fixed seed) and the rest (q = 1: all in quota).
//             Hand-written: the same largest-remainder split in int64 cents.
//
//   pool      tariff::concurrent_quota_pool::draw with 1 and 2 threads
//             (Google Benchmark ->Threads), each thread drawing 1 to 7
//             granules a call from its own fixed-seed table of 4,096 requests
//             (one iteration = 4,096 calls). The pool holds 10^15 granules so
//             it is not exhausted while timed. Baselines: a hand-written
//             single-threaded int64 min loop (1 thread only) and a
//             hand-written std::atomic<int64_t> compare-and-swap loop (the
//             same algorithm as the library's). And the same draws through
//             a concurrent_quota_pool::lease per thread (blocks of 4,096
//             granules), against a hand-written per-thread cache refilled
//             from a std::atomic balance by the same rule.
//
// Before timing, on a prefix of 1,000,000 claims against a proportionally
// smaller quota (40,000,000 vehicles, so the prefix too has in-quota, split
// and over-quota entries), the library (all three options) and the hand-written
// code are checked to agree entry by entry (in-quota vehicles and both value
// parts) and in total, and the split and pool kernels are checked likewise;
// the program exits with an error if anything disagrees. After the timed
// runs, the totals of the full 10-million-entry runs are compared too.
//
// After the Google Benchmark output, a summary prints library / hand-written
// ratios of the time per iteration (the median aggregate when
// --benchmark_repetitions is used) by real time and by CPU time, pool
// throughput in operations per second, the ledger's memory, a sizeof table
// of the ledger's types and, last, one `ratio <workload> = <library /
// hand-written>` line per workload by CPU time. All --benchmark_* flags are
// accepted, and:
//
//   --quota_entries=N   claims per run instead of 10,000,000 (the quota
//                       volume scales with N), e.g. for a quicker profile.
//
// The 10-million-entry benchmarks run one iteration per repetition (up to a
// few seconds each), so `quota_bench --benchmark_repetitions=3` takes about
// two minutes on the machine described in bench/README.md, and less when it
// is not busy.

#include <benchmark/benchmark.h>

#include <tariff/quota.hpp>
#include <tariff/tariff.hpp>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

// ---------------------------------------------------------------------------
// Heap accounting: every operator new / delete of the program goes through
// malloc / free and is counted here, so the bytes a ledger holds can be read
// as the difference before and after. (Over-aligned allocations bypass these
// and are not counted; nothing measured here makes one.)

namespace {
std::atomic<std::int64_t> heap_live{0};
std::atomic<std::int64_t> heap_peak{0};

void note_allocated(void* p) noexcept {
    const auto n = static_cast<std::int64_t>(malloc_usable_size(p));
    const std::int64_t now = heap_live.fetch_add(n, std::memory_order_relaxed) + n;
    std::int64_t peak = heap_peak.load(std::memory_order_relaxed);
    while (now > peak && !heap_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
}
void note_freed(void* p) noexcept {
    heap_live.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)),
                        std::memory_order_relaxed);
}
} // namespace

// Out of line, so that GCC does not inline them into each other and then warn
// (-Wmismatched-new-delete) that free() receives a pointer from operator new.
[[gnu::noinline]] void* operator new(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr)
        throw std::bad_alloc();
    note_allocated(p);
    return p;
}
[[gnu::noinline]] void operator delete(void* p) noexcept {
    if (p == nullptr)
        return;
    note_freed(p);
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    operator delete(p);
}

namespace {

using namespace tariff::literals;
using tariff::CAD;
using tariff::date;
using cad = tariff::money<CAD>;
using vehicles = tariff::units::each;
using vehicle_count = tariff::quantity<vehicles>;
using quota_type = tariff::tariff_rate_quota<CAD, vehicles>;
using ledger_type = tariff::quota_ledger<CAD, vehicles>;
using claim = ledger_type::claim;
using allocation = ledger_type::allocation;
__extension__ typedef __int128 int128;

constexpr std::size_t default_entry_count = 10'000'000;
constexpr std::size_t verify_prefix = 1'000'000;
constexpr std::int64_t volume_per_10m_entries = 400'000'000; // vehicles
constexpr std::uint64_t seed = 20'260'101;
constexpr std::uint64_t split_seed = 20'260'102;
constexpr std::uint64_t pool_seed = 20'260'103;

std::size_t entry_count = default_entry_count; // --quota_entries=N

// The quota volume for n claims: 400 million per 10 million claims.
std::int64_t volume_for(std::size_t n) {
    return static_cast<std::int64_t>(static_cast<int128>(volume_per_10m_entries) *
                                     static_cast<std::int64_t>(n) / 10'000'000);
}

// ---------------------------------------------------------------------------
// The quota

constexpr tariff::tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};
constexpr auto in_quota_path = tariff::duty_path<CAD>("in quota")
                                   .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                                   .with_tax(gst);
constexpr auto standard_path = tariff::duty_path<CAD>("standard")
                                   .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                                   .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                                   .with_tax(gst);
constexpr date first_day(2026, 1, 1);
constexpr date last_day(2026, 12, 31);

quota_type make_quota(std::int64_t volume) {
    return quota_type("EV-2026", in_quota_path, standard_path, 1_each)
        .with_period("2026", first_day, last_day, vehicle_count(tariff::decimal(volume)));
}

// ---------------------------------------------------------------------------
// Input

// One entry in the hand-written code's representation.
struct hand_claim {
    std::int64_t vehicles;
    std::int64_t cents;
};

struct dataset {
    std::vector<claim> claims;    // the library's claims
    std::vector<hand_claim> hand; // the same claims as int64s
    // The split workload: each entry's in-quota part (1 to q - 1 vehicles;
    // q when q == 1) and the rest, as the library's quantities and as int64s.
    // The values split, as the library's money (each kernel reads only what
    // it needs: the library 48 bytes an entry, the hand-written code 24).
    std::vector<vehicle_count> split_in, split_over;
    std::vector<cad> split_values;
    std::vector<std::int64_t> split_in_vehicles;
    // The batch workload: the same claims as parallel int64 arrays (vehicles,
    // cents) and, for each day, the run of claims accepted on it.
    std::vector<std::int64_t> batch_vehicles, batch_cents;
    std::vector<std::uint64_t> batch_ids; // the claims' entry ids (read only with events)
    struct day_run {
        date day;
        std::size_t begin, end;
    };
    std::vector<day_run> runs;
};

// lo..hi inclusive; plain modulo on mt19937_64 (whose sequence the standard
// specifies), as duty_bench.cpp does, so every standard library draws the
// same entries.
std::int64_t draw(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
}

dataset make_dataset(std::size_t n) {
    dataset d;
    std::mt19937_64 rng(seed);
    std::vector<date> days;
    for (date day = first_day; !(last_day < day); day = day.plus_days(1))
        days.push_back(day);
    d.claims.reserve(n);
    d.hand.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t q = draw(rng, 1, 160);
        const std::int64_t cents = q * 25'000'00 + draw(rng, 0, q * 35'000'00 - 1);
        const date day = days[i * days.size() / n]; // in order through the year
        d.hand.push_back({q, cents});
        d.claims.push_back(
            claim{i + 1, day, vehicle_count(tariff::decimal(q)), cad::from_minor_units(cents)});
    }
    d.batch_vehicles.reserve(n);
    d.batch_cents.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        d.batch_vehicles.push_back(d.hand[i].vehicles);
        d.batch_cents.push_back(d.hand[i].cents);
        d.batch_ids.push_back(d.claims[i].entry_id);
        if (d.runs.empty() || !(d.runs.back().day == d.claims[i].accepted))
            d.runs.push_back({d.claims[i].accepted, i, i});
        d.runs.back().end = i + 1;
    }
    std::mt19937_64 split_rng(split_seed);
    d.split_in.reserve(n);
    d.split_over.reserve(n);
    d.split_in_vehicles.reserve(n);
    d.split_values.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t q = d.hand[i].vehicles;
        const std::int64_t in = q == 1 ? 1 : draw(split_rng, 1, q - 1);
        d.split_in_vehicles.push_back(in);
        d.split_in.push_back(vehicle_count(tariff::decimal(in)));
        d.split_over.push_back(vehicle_count(tariff::decimal(q - in)));
        d.split_values.push_back(d.claims[i].value);
    }
    return d;
}

const dataset& data() {
    static const dataset d = make_dataset(entry_count);
    return d;
}

// ---------------------------------------------------------------------------
// The kernels. Kept out of line so that each is one function in a profile or
// a disassembly, and the benchmark and the verification run the same code.

struct library_totals {
    vehicle_count in, over;
    cad value_in, value_over;
};

struct hand_totals {
    std::int64_t in = 0, over = 0;
    std::int64_t value_in = 0, value_over = 0;
};

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "error: %s\n", what);
    std::exit(1);
}

// (a), (b) The library: the ledger's options decide whether it keeps events
// and receipts.
enum ledger_variant : std::size_t { plain_ledger, events_ledger, no_receipts_ledger };
constexpr std::array<ledger_variant, 3> ledger_variants{plain_ledger, events_ledger,
                                                        no_receipts_ledger};
constexpr ledger_type::options ledger_options(ledger_variant v) {
    switch (v) {
    case events_ledger:
        return {.keep_events = true, .keep_receipts = true};
    case no_receipts_ledger:
        return {.keep_events = false, .keep_receipts = false};
    default:
        return {.keep_events = false, .keep_receipts = true};
    }
}
constexpr const char* ledger_title(ledger_variant v) {
    switch (v) {
    case events_ledger:
        return "keep_events = true";
    case no_receipts_ledger:
        return "no events, keep_receipts = false";
    default:
        return "keep_events = false";
    }
}

[[gnu::noinline]] library_totals library_allocate(ledger_type& ledger,
                                                  std::span<const claim> claims) {
    library_totals t;
    for (const claim& c : claims) {
        const auto r = ledger.try_allocate(c);
        if (!r)
            fail("quota_ledger::try_allocate rejected a claim");
        const allocation& a = *r;
        t.in += a.in_quota;
        t.over += a.over_quota;
        t.value_in += a.value_in_quota;
        t.value_over += a.value_over_quota;
    }
    return t;
}

// (a') The library's lean form: try_allocate(claim, quota_take&) writes a
// small result into the caller's storage (granules in quota and the value
// split); the ledger sums what it allocates exactly in 128-bit integers, and
// the caller reads the totals once at the end (quota_ledger::try_totals).
[[gnu::noinline]] library_totals library_allocate_lean(ledger_type& ledger,
                                                       std::span<const claim> claims) {
    tariff::quota_take<CAD> t;
    for (const claim& c : claims) {
        if (ledger.try_allocate(c, t) != tariff::errc::ok)
            fail("quota_ledger::try_allocate (lean) rejected a claim");
    }
    const auto totals = ledger.try_totals();
    if (!totals)
        fail("quota_ledger::try_totals overflowed");
    return {totals->in_quota, totals->over_quota, totals->value_in_quota, totals->value_over_quota};
}

// (a'') The library's batch form: each day's claims in one call of
// try_allocate_batch over the int64 arrays, what each claim got written into
// the caller's arrays (granules in quota, cents in quota), the totals read
// once at the end. The output arrays are the caller's, allocated once.
[[gnu::noinline]] library_totals library_allocate_batch(ledger_type& ledger,
                                                        std::span<const dataset::day_run> runs,
                                                        const dataset& d,
                                                        std::span<std::int64_t> in,
                                                        std::span<std::int64_t> value_in) {
    for (const auto& run : runs) {
        const std::size_t k = run.end - run.begin;
        tariff::quota_batch_takes out{in.subspan(run.begin, k), value_in.subspan(run.begin, k)};
        const auto r = ledger.try_allocate_batch(
            tariff::quota_claim_batch{
                run.day, std::span<const std::int64_t>(d.batch_vehicles).subspan(run.begin, k),
                std::span<const std::int64_t>(d.batch_cents).subspan(run.begin, k), 2,
                std::span<const std::uint64_t>(d.batch_ids).subspan(run.begin, k)},
            out);
        if (!r)
            fail("quota_ledger::try_allocate_batch rejected a batch");
    }
    const auto totals = ledger.try_totals();
    if (!totals)
        fail("quota_ledger::try_totals overflowed");
    return {totals->in_quota, totals->over_quota, totals->value_in_quota, totals->value_over_quota};
}

// (c) Hand-written. The value of a claim of q vehicles, `in` of them in
// quota, split in cents by largest remainder, ties to the in-quota part.
// With two parts: cents * in = base * q + rem; the over-quota part's
// remainder is (q - rem) % q, so one cent is left over exactly when rem > 0,
// and it goes to the in-quota part when rem >= q - rem.
struct cents_split {
    std::int64_t in, over;
};
constexpr cents_split split_cents(std::int64_t cents, std::int64_t in, std::int64_t q) noexcept {
    if (in == q)
        return {cents, 0};
    if (in == 0)
        return {0, cents};
    const int128 units = static_cast<int128>(cents) * in;
    std::int64_t base = static_cast<std::int64_t>(units / q);
    const std::int64_t rem = static_cast<std::int64_t>(units % q);
    if (rem > 0 && 2 * static_cast<int128>(rem) >= q)
        ++base;
    return {base, cents - base};
}
static_assert(split_cents(100, 1, 3).in == 33 && split_cents(100, 2, 3).in == 67);
static_assert(split_cents(101, 1, 2).in == 51); // a tie: the in-quota part
static_assert(split_cents(5, 3, 3).in == 5 && split_cents(5, 0, 3).over == 5);

[[gnu::noinline]] hand_totals hand_allocate(std::int64_t& balance,
                                            std::span<const hand_claim> claims) {
    hand_totals t;
    for (const hand_claim& c : claims) {
        const std::int64_t in = c.vehicles < balance ? c.vehicles : balance;
        balance -= in;
        const cents_split s = split_cents(c.cents, in, c.vehicles);
        t.in += in;
        t.over += c.vehicles - in;
        t.value_in += s.in;
        t.value_over += s.over;
    }
    return t;
}

// (d) (c) plus one record per entry, the size of the ledger's receipt (what
// the allocation holds from each pool: 16 bytes), so that returns are
// possible: the code a careful engineer writes when cancellations happen.
struct hand_receipt {
    std::int64_t reserved;
    std::int64_t general;
};
static_assert(sizeof(hand_receipt) == sizeof(tariff::quota_receipt));
[[gnu::noinline]] hand_totals hand_allocate_receipts(std::int64_t& balance,
                                                     std::vector<hand_receipt>& receipts,
                                                     std::span<const hand_claim> claims) {
    hand_totals t;
    for (const hand_claim& c : claims) {
        const std::int64_t in = c.vehicles < balance ? c.vehicles : balance;
        balance -= in;
        receipts.push_back({0, in});
        const cents_split s = split_cents(c.cents, in, c.vehicles);
        t.in += in;
        t.over += c.vehicles - in;
        t.value_in += s.in;
        t.value_over += s.over;
    }
    return t;
}

// The split on every entry.
[[gnu::noinline]] library_totals library_split(std::span<const cad> values,
                                               std::span<const vehicle_count> in,
                                               std::span<const vehicle_count> over) {
    library_totals t;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto r = tariff::try_split_value(values[i], in[i], over[i]);
        if (!r)
            fail("try_split_value failed");
        t.value_in += (*r)[0];
        t.value_over += (*r)[1];
    }
    return t;
}

[[gnu::noinline]] hand_totals hand_split(std::span<const hand_claim> claims,
                                         std::span<const std::int64_t> in) {
    hand_totals t;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const cents_split s = split_cents(claims[i].cents, in[i], claims[i].vehicles);
        t.value_in += s.in;
        t.value_over += s.over;
    }
    return t;
}

// The pool. Each kernel makes one draw per request and returns what it got.
using pool_type = tariff::concurrent_quota_pool<vehicles>;

[[gnu::noinline]] std::int64_t library_draws(pool_type& pool,
                                             std::span<const std::int64_t> requests) {
    std::int64_t got = 0;
    for (const std::int64_t r : requests)
        got += pool.draw(r);
    return got;
}

// Through a lease: the same draws, from one thread's lease.
[[gnu::noinline]] std::int64_t lease_draws(pool_type::lease& lease,
                                           std::span<const std::int64_t> requests) {
    std::int64_t got = 0;
    for (const std::int64_t r : requests)
        got += lease.draw(r);
    return got;
}

struct alignas(64) atomic_pool {
    std::atomic<std::int64_t> balance{0};
    std::int64_t draw(std::int64_t requested) noexcept {
        if (requested <= 0)
            return 0;
        std::int64_t b = balance.load(std::memory_order_relaxed);
        std::int64_t take;
        do {
            take = requested < b ? requested : b;
            if (take == 0)
                return 0;
        } while (!balance.compare_exchange_weak(b, b - take, std::memory_order_acq_rel,
                                                std::memory_order_relaxed));
        return take;
    }
};

[[gnu::noinline]] std::int64_t atomic_draws(atomic_pool& pool,
                                            std::span<const std::int64_t> requests) {
    std::int64_t got = 0;
    for (const std::int64_t r : requests)
        got += pool.draw(r);
    return got;
}

// Hand-written per-thread cache: what a careful engineer writes so that
// threads do not share a cache line on every draw: a local count refilled
// from the atomic balance a block at a time (the same 4,096 as the
// library's lease), with the same "need, then up to a block but at most
// 1/16 of what is left" rule so that it agrees with the library exactly.
struct hand_lease {
    atomic_pool* pool;
    std::int64_t held = 0;
    static constexpr std::int64_t block = 4'096;
    std::int64_t refill(std::int64_t requested) noexcept {
        const std::int64_t need = requested - held;
        std::int64_t b = pool->balance.load(std::memory_order_relaxed);
        std::int64_t take;
        do {
            const std::int64_t spare = b > need ? (b - need) / 16 : 0;
            take = b <= need ? b : need + std::min(spare, block);
        } while (take > 0 &&
                 !pool->balance.compare_exchange_weak(b, b - take, std::memory_order_acq_rel,
                                                      std::memory_order_relaxed));
        held += take;
        const std::int64_t got = std::min(requested, held);
        held -= got;
        return got;
    }
    std::int64_t draw(std::int64_t requested) noexcept {
        if (requested <= held) {
            held -= requested;
            return requested;
        }
        return refill(requested);
    }
    void release() noexcept {
        pool->balance.fetch_add(held, std::memory_order_acq_rel);
        held = 0;
    }
};

[[gnu::noinline]] std::int64_t hand_lease_draws(hand_lease& lease,
                                                std::span<const std::int64_t> requests) {
    std::int64_t got = 0;
    for (const std::int64_t r : requests)
        got += lease.draw(r);
    return got;
}

[[gnu::noinline]] std::int64_t plain_draws(std::int64_t& balance,
                                           std::span<const std::int64_t> requests) {
    std::int64_t got = 0;
    for (const std::int64_t r : requests) {
        const std::int64_t take = r < balance ? r : balance;
        balance -= take;
        got += take;
    }
    return got;
}

constexpr std::size_t pool_batch = 4'096;
constexpr std::int64_t pool_volume = 1'000'000'000'000'000; // 10^15: never exhausted when timed
constexpr int max_pool_threads = 2;

// Each thread's requests, 1 to 7 granules, on its own cache lines.
struct alignas(64) request_table {
    std::array<std::int64_t, pool_batch> requests;
};
const std::array<request_table, max_pool_threads>& pool_requests() {
    static const auto tables = [] {
        std::array<request_table, max_pool_threads> t{};
        for (int k = 0; k < max_pool_threads; ++k) {
            std::mt19937_64 rng(pool_seed + static_cast<std::uint64_t>(k));
            for (auto& r : t[static_cast<std::size_t>(k)].requests)
                r = draw(rng, 1, 7);
        }
        return t;
    }();
    return tables;
}

// ---------------------------------------------------------------------------
// Verification (once, before timing)

std::string format_cents(std::int64_t cents) {
    char buf[64];
    const std::uint64_t m =
        cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", cents < 0 ? "-" : "",
                  static_cast<unsigned long long>(m / 100),
                  static_cast<unsigned long long>(m % 100));
    return buf;
}

std::int64_t whole(vehicle_count q) {
    const tariff::decimal v = tariff::normalize(q.value());
    if (v.scale() != 0)
        fail("a vehicle count is not whole");
    return v.coefficient();
}

bool same(const library_totals& l, const hand_totals& h, bool with_quantities) {
    return (!with_quantities || (whole(l.in) == h.in && whole(l.over) == h.over)) &&
           l.value_in.minor_units() == h.value_in && l.value_over.minor_units() == h.value_over;
}

bool verify_allocation() {
    const std::size_t n = std::min(verify_prefix, entry_count);
    const std::int64_t volume = volume_for(n);
    const quota_type quota = make_quota(volume);
    const auto claims = std::span<const claim>(data().claims).first(n);
    const auto hand = std::span<const hand_claim>(data().hand).first(n);

    // Entry by entry, every ledger option against the hand-written rule.
    ledger_type plain(quota, ledger_options(plain_ledger));
    ledger_type logged(quota, ledger_options(events_ledger));
    ledger_type unrecorded(quota, ledger_options(no_receipts_ledger));
    std::int64_t balance = volume;
    std::size_t wholly_in = 0, split = 0, wholly_over = 0, drawing = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t q = hand[i].vehicles;
        const std::int64_t in = std::min(q, balance);
        balance -= in;
        const cents_split s = split_cents(hand[i].cents, in, q);
        (in == q ? wholly_in : in == 0 ? wholly_over : split) += 1;
        drawing += in > 0;
        for (ledger_type* ledger : {&plain, &logged, &unrecorded}) {
            const std::size_t receipt = ledger == &unrecorded ? static_cast<std::size_t>(-1) : i;
            const auto r = ledger->try_allocate(claims[i]);
            if (!r) {
                std::fprintf(stderr, "error: entry %zu: try_allocate failed\n", i);
                return false;
            }
            const allocation a = r.value_or({});
            if (a.from_general != in || whole(a.in_quota) != in || whole(a.over_quota) != q - in ||
                a.value_in_quota.minor_units() != s.in ||
                a.value_over_quota.minor_units() != s.over || a.receipt != receipt) {
                std::fprintf(stderr,
                             "error: entry %zu (%lld vehicles, CAD %s, balance %lld): library "
                             "%lld in quota, CAD %s + %s; hand-written %lld, CAD %s + %s\n",
                             i, static_cast<long long>(q), format_cents(hand[i].cents).c_str(),
                             static_cast<long long>(balance + in),
                             static_cast<long long>(a.from_general),
                             format_cents(a.value_in_quota.minor_units()).c_str(),
                             format_cents(a.value_over_quota.minor_units()).c_str(),
                             static_cast<long long>(in), format_cents(s.in).c_str(),
                             format_cents(s.over).c_str());
                return false;
            }
        }
    }
    if (split == 0 || wholly_over == 0 || wholly_in == 0) {
        std::fprintf(stderr, "error: the verification prefix does not exercise every path\n");
        return false;
    }
    for (const ledger_type* ledger : {&plain, &logged, &unrecorded}) {
        if (ledger->balance(0, tariff::quota_pool::general) != balance ||
            ledger->allocation_count() != n) {
            std::fprintf(stderr, "error: the ledger's balance or receipt count is wrong\n");
            return false;
        }
    }
    // The log: one allocation event per entry that drew on the pool, chained
    // from the opening balance to the closing one.
    std::int64_t b = volume;
    for (const tariff::quota_event& e : logged.events()) {
        if (e.kind != tariff::quota_event_kind::allocation || e.old_balance != b ||
            e.new_balance != b - e.amount) {
            std::fprintf(stderr, "error: the event log does not chain\n");
            return false;
        }
        b = e.new_balance;
    }
    if (!plain.events().empty() || !unrecorded.events().empty() ||
        logged.events().size() != drawing || b != balance) {
        std::fprintf(stderr, "error: the event log has the wrong length or end\n");
        return false;
    }

    // The timed kernels on the same prefix.
    std::int64_t hand_balance = volume, receipts_balance = volume;
    const hand_totals h = hand_allocate(hand_balance, hand);
    std::vector<hand_receipt> receipts;
    const hand_totals hr = hand_allocate_receipts(receipts_balance, receipts, hand);
    bool totals_agree = true;
    for (const ledger_variant v : ledger_variants) {
        ledger_type ledger(quota, ledger_options(v));
        totals_agree = totals_agree && same(library_allocate(ledger, claims), h, true);
        ledger_type lean(quota, ledger_options(v));
        totals_agree = totals_agree && same(library_allocate_lean(lean, claims), h, true) &&
                       lean.balance(0, tariff::quota_pool::general) == balance;
        // The batch form on the prefix's days, entry by entry against the
        // hand-written rule.
        std::vector<dataset::day_run> runs;
        for (const auto& run : data().runs)
            if (run.begin < n)
                runs.push_back({run.day, run.begin, std::min(run.end, n)});
        std::vector<std::int64_t> in(n), value_in(n);
        ledger_type batch(quota, ledger_options(v));
        const library_totals bt = library_allocate_batch(batch, runs, data(), in, value_in);
        const bool batch_totals = same(bt, h, true);
        const bool batch_state = batch.same_state(v == plain_ledger    ? plain
                                                  : v == events_ledger ? logged
                                                                       : unrecorded);
        if (!batch_totals || !batch_state)
            std::fprintf(stderr, "error: try_allocate_batch (variant %d): totals %s, state %s\n",
                         static_cast<int>(v), batch_totals ? "agree" : "disagree",
                         batch_state ? "agrees" : "disagrees");
        totals_agree = totals_agree && batch_totals && batch_state;
        std::int64_t left = volume;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t q = hand[i].vehicles;
            const std::int64_t got = std::min(q, left);
            left -= got;
            if (in[i] != got || value_in[i] != split_cents(hand[i].cents, got, q).in) {
                std::fprintf(
                    stderr,
                    "error: entry %zu: try_allocate_batch disagrees (%lld %lld vs %lld %lld)\n", i,
                    static_cast<long long>(in[i]), static_cast<long long>(value_in[i]),
                    static_cast<long long>(got),
                    static_cast<long long>(split_cents(hand[i].cents, got, q).in));
                return false;
            }
        }
    }
    totals_agree = totals_agree && hr.in == h.in && hr.over == h.over &&
                   hr.value_in == h.value_in && hr.value_over == h.value_over &&
                   hand_balance == balance && receipts_balance == balance && receipts.size() == n;
    if (!totals_agree) {
        std::fprintf(stderr, "error: the allocation kernels' totals disagree\n");
        return false;
    }
    std::printf("verified: allocate  library (all options) == hand-written on %zu entries "
                "(quota %lld): %zu wholly in quota, %zu split, %zu wholly over; in quota %lld "
                "vehicles, CAD %s; over quota %lld vehicles, CAD %s\n",
                n, static_cast<long long>(volume), wholly_in, split, wholly_over,
                static_cast<long long>(h.in), format_cents(h.value_in).c_str(),
                static_cast<long long>(h.over), format_cents(h.value_over).c_str());
    return true;
}

bool verify_split() {
    const std::size_t n = std::min(verify_prefix, entry_count);
    const dataset& d = data();
    for (std::size_t i = 0; i < n; ++i) {
        const auto parts =
            tariff::try_split_value(d.split_values[i], d.split_in[i], d.split_over[i]).value_or({});
        const cents_split s =
            split_cents(d.hand[i].cents, d.split_in_vehicles[i], d.hand[i].vehicles);
        if (parts[0].minor_units() != s.in || parts[1].minor_units() != s.over) {
            std::fprintf(stderr, "error: split, entry %zu: library CAD %s + %s, hand CAD %s + %s\n",
                         i, format_cents(parts[0].minor_units()).c_str(),
                         format_cents(parts[1].minor_units()).c_str(), format_cents(s.in).c_str(),
                         format_cents(s.over).c_str());
            return false;
        }
    }
    const auto lib = library_split(std::span<const cad>(d.split_values).first(n),
                                   std::span<const vehicle_count>(d.split_in).first(n),
                                   std::span<const vehicle_count>(d.split_over).first(n));
    const auto hand = hand_split(std::span<const hand_claim>(d.hand).first(n),
                                 std::span<const std::int64_t>(d.split_in_vehicles).first(n));
    if (!same(lib, hand, false)) {
        std::fprintf(stderr, "error: the split kernels' totals disagree\n");
        return false;
    }
    std::printf("verified: split     library == hand-written on %zu entries: CAD %s + CAD %s\n", n,
                format_cents(hand.value_in).c_str(), format_cents(hand.value_over).c_str());
    return true;
}

bool verify_pool() {
    // One thread, a small pool run dry: every kernel takes the same.
    const auto requests = std::span<const std::int64_t>(pool_requests()[0].requests);
    constexpr std::int64_t small = 10'007;
    pool_type pool(vehicle_count(tariff::decimal(small)), 1_each);
    atomic_pool cas;
    cas.balance = small;
    std::int64_t plain = small;
    for (int round = 0; round < 4; ++round) {
        const std::int64_t a = library_draws(pool, requests);
        const std::int64_t b = atomic_draws(cas, requests);
        const std::int64_t c = plain_draws(plain, requests);
        if (a != b || a != c || pool.balance() != cas.balance.load() || pool.balance() != plain) {
            std::fprintf(stderr, "error: the pool kernels disagree\n");
            return false;
        }
    }
    if (pool.balance() != 0) {
        std::fprintf(stderr, "error: the pool was not run dry\n");
        return false;
    }
    // Two threads on one pool until it is dry: no granule lost or created.
    constexpr std::int64_t shared_volume = 5'000'003;
    pool_type shared(vehicle_count(tariff::decimal(shared_volume)), 1_each);
    atomic_pool shared_cas;
    shared_cas.balance = shared_volume;
    std::array<std::int64_t, max_pool_threads> got{}, got_cas{};
    {
        std::vector<std::thread> threads;
        for (std::size_t k = 0; k < max_pool_threads; ++k)
            threads.emplace_back([&, k] {
                const auto r = std::span<const std::int64_t>(pool_requests()[k].requests);
                for (std::int64_t step = 1; step != 0;) {
                    step = library_draws(shared, r);
                    got[k] += step;
                }
                for (std::int64_t step = 1; step != 0;) {
                    step = atomic_draws(shared_cas, r);
                    got_cas[k] += step;
                }
            });
        for (auto& t : threads)
            t.join();
    }
    if (got[0] + got[1] != shared_volume || shared.balance() != 0 ||
        got_cas[0] + got_cas[1] != shared_volume || shared_cas.balance.load() != 0) {
        std::fprintf(stderr,
                     "error: two threads drew %lld + %lld (library) and %lld + %lld "
                     "(atomic) of %lld granules\n",
                     static_cast<long long>(got[0]), static_cast<long long>(got[1]),
                     static_cast<long long>(got_cas[0]), static_cast<long long>(got_cas[1]),
                     static_cast<long long>(shared_volume));
        return false;
    }
    // Leases: one thread, a small pool run dry, library lease == hand-written
    // lease draw for draw; then two threads with leases until dry.
    {
        pool_type lp(vehicle_count(tariff::decimal(small)), 1_each);
        atomic_pool hp;
        hp.balance = small;
        pool_type::lease ll(lp);
        hand_lease hl{&hp};
        for (int round = 0; round < 12; ++round) {
            const std::int64_t a = lease_draws(ll, requests);
            const std::int64_t b = hand_lease_draws(hl, requests);
            if (a != b || lp.balance() != hp.balance.load() || ll.held() != hl.held) {
                std::fprintf(stderr, "error: the lease kernels disagree\n");
                return false;
            }
        }
        if (lp.balance() != 0 || ll.held() != 0 || ll.drawn() != small) {
            std::fprintf(stderr, "error: the lease did not run the pool dry exactly\n");
            return false;
        }
    }
    pool_type leased(vehicle_count(tariff::decimal(shared_volume)), 1_each);
    std::array<std::int64_t, max_pool_threads> got_lease{};
    {
        std::vector<std::thread> threads;
        for (std::size_t k = 0; k < max_pool_threads; ++k)
            threads.emplace_back([&, k] {
                pool_type::lease lease(leased);
                const auto r = std::span<const std::int64_t>(pool_requests()[k].requests);
                for (std::int64_t step = 1; step != 0;) {
                    step = lease_draws(lease, r);
                    got_lease[k] += step;
                }
            });
        for (auto& t : threads)
            t.join();
    }
    // Each thread stopped when its lease and the pool were dry; a granule
    // another lease still held went back on release and is drawn here.
    const std::int64_t rest = leased.draw(shared_volume);
    if (got_lease[0] + got_lease[1] + rest != shared_volume || leased.balance() != 0 ||
        leased.leased() != 0) {
        std::fprintf(stderr, "error: two leases drew %lld + %lld (+ %lld left) of %lld\n",
                     static_cast<long long>(got_lease[0]), static_cast<long long>(got_lease[1]),
                     static_cast<long long>(rest), static_cast<long long>(shared_volume));
        return false;
    }
    std::printf("verified: pool      library == atomic CAS == plain min on one thread; two "
                "threads drew %lld + %lld (library), %lld + %lld (atomic) of %lld granules\n",
                static_cast<long long>(got[0]), static_cast<long long>(got[1]),
                static_cast<long long>(got_cas[0]), static_cast<long long>(got_cas[1]),
                static_cast<long long>(shared_volume));
    return true;
}

// ---------------------------------------------------------------------------
// Benchmarks

// What the last run of each allocation benchmark left: its totals (compared
// after the runs) and the heap its ledger held.
struct ledger_memory {
    std::int64_t live = 0; // bytes held by the ledger after the last allocation
    std::int64_t peak = 0; // the most held at any moment during the run
    std::size_t receipts = 0;
    std::size_t events = 0;
    std::size_t event_capacity = 0;
    long page_faults = 0; // minor page faults during the run (fresh heap pages touched)
};

long minor_page_faults() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

std::array<std::optional<library_totals>, ledger_variants.size()> full_library, full_lean,
    full_batch;
std::optional<hand_totals> full_hand, full_hand_receipts;
std::array<std::optional<ledger_memory>, ledger_variants.size()> memory_ledger;
std::optional<ledger_memory> memory_receipts;

void bench_library(benchmark::State& state, ledger_variant variant) {
    const quota_type quota = make_quota(volume_for(entry_count));
    const auto claims = std::span<const claim>(data().claims);
    for (auto _ : state) {
        const std::int64_t base = heap_live.load();
        heap_peak.store(base);
        const long faults = minor_page_faults();
        ledger_type ledger(quota, ledger_options(variant));
        const library_totals t = library_allocate(ledger, claims);
        benchmark::DoNotOptimize(t);
        ledger_memory m{heap_live.load() - base,
                        heap_peak.load() - base,
                        ledger_options(variant).keep_receipts ? ledger.allocation_count() : 0,
                        ledger.events().size(),
                        ledger.events().capacity(),
                        minor_page_faults() - faults};
        memory_ledger[variant] = m;
        full_library[variant] = t;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

void bench_lean(benchmark::State& state, ledger_variant variant) {
    const quota_type quota = make_quota(volume_for(entry_count));
    const auto claims = std::span<const claim>(data().claims);
    for (auto _ : state) {
        ledger_type ledger(quota, ledger_options(variant));
        const library_totals t = library_allocate_lean(ledger, claims);
        benchmark::DoNotOptimize(t);
        full_lean[variant] = t;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

void bench_batch(benchmark::State& state, ledger_variant variant) {
    const quota_type quota = make_quota(volume_for(entry_count));
    const dataset& d = data();
    std::vector<std::int64_t> in(entry_count), value_in(entry_count);
    for (auto _ : state) {
        ledger_type ledger(quota, ledger_options(variant));
        const library_totals t = library_allocate_batch(ledger, d.runs, d, in, value_in);
        benchmark::DoNotOptimize(t);
        benchmark::DoNotOptimize(in.data());
        benchmark::DoNotOptimize(value_in.data());
        full_batch[variant] = t;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

void bench_hand(benchmark::State& state) {
    const auto claims = std::span<const hand_claim>(data().hand);
    for (auto _ : state) {
        std::int64_t balance = volume_for(entry_count);
        benchmark::DoNotOptimize(balance);
        const hand_totals t = hand_allocate(balance, claims);
        benchmark::DoNotOptimize(t);
        benchmark::DoNotOptimize(balance);
        full_hand = t;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

void bench_hand_receipts(benchmark::State& state) {
    const auto claims = std::span<const hand_claim>(data().hand);
    for (auto _ : state) {
        const std::int64_t base = heap_live.load();
        heap_peak.store(base);
        const long faults = minor_page_faults();
        std::int64_t balance = volume_for(entry_count);
        benchmark::DoNotOptimize(balance);
        std::vector<hand_receipt> receipts;
        const hand_totals t = hand_allocate_receipts(balance, receipts, claims);
        benchmark::DoNotOptimize(t);
        benchmark::DoNotOptimize(receipts.data());
        memory_receipts = ledger_memory{
            heap_live.load() - base,     heap_peak.load() - base, receipts.size(), 0, 0,
            minor_page_faults() - faults};
        full_hand_receipts = t;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

void bench_split_library(benchmark::State& state) {
    const dataset& d = data();
    for (auto _ : state) {
        const library_totals t = library_split(d.split_values, d.split_in, d.split_over);
        benchmark::DoNotOptimize(t);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

void bench_split_hand(benchmark::State& state) {
    const dataset& d = data();
    for (auto _ : state) {
        const hand_totals t = hand_split(d.hand, d.split_in_vehicles);
        benchmark::DoNotOptimize(t);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

// The pools the threads share: set up by thread 0 before the timed loop
// (Google Benchmark holds every thread at a barrier until all reach it).
std::optional<pool_type> shared_pool;
atomic_pool shared_atomic;

void bench_pool_library(benchmark::State& state) {
    if (state.thread_index() == 0)
        shared_pool.emplace(vehicle_count(tariff::decimal(pool_volume)), 1_each);
    const auto requests = std::span<const std::int64_t>(
        pool_requests()[static_cast<std::size_t>(state.thread_index())].requests);
    std::int64_t got = 0;
    for (auto _ : state)
        got += library_draws(*shared_pool, requests);
    benchmark::DoNotOptimize(got);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pool_batch));
}

void bench_pool_atomic(benchmark::State& state) {
    if (state.thread_index() == 0)
        shared_atomic.balance.store(pool_volume);
    const auto requests = std::span<const std::int64_t>(
        pool_requests()[static_cast<std::size_t>(state.thread_index())].requests);
    std::int64_t got = 0;
    for (auto _ : state)
        got += atomic_draws(shared_atomic, requests);
    benchmark::DoNotOptimize(got);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pool_batch));
}

void bench_pool_lease(benchmark::State& state) {
    if (state.thread_index() == 0)
        shared_pool.emplace(vehicle_count(tariff::decimal(pool_volume)), 1_each);
    const auto requests = std::span<const std::int64_t>(
        pool_requests()[static_cast<std::size_t>(state.thread_index())].requests);
    std::optional<pool_type::lease> lease; // made once every thread has passed the barrier
    std::int64_t got = 0;
    for (auto _ : state) {
        if (!lease)
            lease.emplace(*shared_pool);
        got += lease_draws(*lease, requests);
    }
    benchmark::DoNotOptimize(got);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pool_batch));
}

void bench_pool_hand_lease(benchmark::State& state) {
    if (state.thread_index() == 0)
        shared_atomic.balance.store(pool_volume);
    const auto requests = std::span<const std::int64_t>(
        pool_requests()[static_cast<std::size_t>(state.thread_index())].requests);
    hand_lease lease{&shared_atomic};
    std::int64_t got = 0;
    for (auto _ : state)
        got += hand_lease_draws(lease, requests);
    lease.release();
    benchmark::DoNotOptimize(got);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pool_batch));
}

void bench_pool_plain(benchmark::State& state) {
    const auto requests = std::span<const std::int64_t>(pool_requests()[0].requests);
    std::int64_t balance = pool_volume;
    std::int64_t got = 0;
    for (auto _ : state) {
        got += plain_draws(balance, requests);
        benchmark::DoNotOptimize(balance);
    }
    benchmark::DoNotOptimize(got);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pool_batch));
}

constexpr const char* allocate_library = "allocate/library";
constexpr const char* allocate_events = "allocate/library_events";
constexpr const char* allocate_no_receipts = "allocate/library_no_receipts";
constexpr const char* allocate_lean = "allocate/library_lean";
constexpr const char* allocate_lean_no_receipts = "allocate/library_lean_no_receipts";
constexpr const char* allocate_batch = "allocate/library_batch";
constexpr const char* allocate_batch_no_receipts = "allocate/library_batch_no_receipts";
constexpr const char* allocate_hand = "allocate/hand_written";
constexpr const char* allocate_receipts = "allocate/hand_written_receipts";
constexpr const char* split_library = "split/library";
constexpr const char* split_hand = "split/hand_written";
constexpr const char* pool_library = "pool/library";
constexpr const char* pool_atomic = "pool/hand_atomic_cas";
constexpr const char* pool_plain = "pool/hand_plain_min";
constexpr const char* pool_lease = "pool/library_lease";
constexpr const char* pool_hand_lease = "pool/hand_lease";

void register_benchmarks() {
    // Ten million entries a run: one iteration per repetition.
    benchmark::RegisterBenchmark(allocate_library, bench_library, plain_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_events, bench_library, events_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_no_receipts, bench_library, no_receipts_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_lean, bench_lean, plain_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_lean_no_receipts, bench_lean, no_receipts_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_batch, bench_batch, plain_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_batch_no_receipts, bench_batch, no_receipts_ledger)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_hand, bench_hand)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(allocate_receipts, bench_hand_receipts)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(split_library, bench_split_library)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(split_hand, bench_split_hand)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    // The pool: aggregate throughput over all threads, so by real time.
    benchmark::RegisterBenchmark(pool_library, bench_pool_library)
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(pool_atomic, bench_pool_atomic)
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(pool_lease, bench_pool_lease)
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(pool_hand_lease, bench_pool_hand_lease)
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(pool_plain, bench_pool_plain)
        ->Threads(1)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
}

// ---------------------------------------------------------------------------
// Reporting

// The console output, plus a record of each benchmark's real and CPU time per
// iteration: the median aggregate if there is one (--benchmark_repetitions),
// otherwise the median of its individual runs. Keyed by name and threads.
class recording_reporter : public benchmark::ConsoleReporter {
public:
    using benchmark::ConsoleReporter::ConsoleReporter;

    enum clock { real_time, cpu_time };

    void ReportRuns(const std::vector<Run>& runs) override {
        benchmark::ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred || run.iterations <= 0)
                continue;
            const double iterations = static_cast<double>(run.iterations);
            const times t{run.real_accumulated_time / iterations,
                          run.cpu_accumulated_time / iterations};
            const std::string name = key(run.run_name.function_name, static_cast<int>(run.threads));
            if (run.run_type == Run::RT_Iteration)
                samples_[name].push_back(t);
            else if (run.aggregate_name == "median" && run.aggregate_unit == benchmark::kTime)
                medians_[name] = t;
        }
    }

    // Seconds per iteration by `which` clock. For a threaded benchmark Google
    // Benchmark counts the iterations of every thread and averages the
    // threads' real time, so this is wall-clock time per iteration of the
    // whole group, and its inverse the group's throughput.
    std::optional<double> seconds_per_iteration(const std::string& name, clock which,
                                                int threads = 1) const {
        const auto pick = [which](const times& t) { return which == real_time ? t.real : t.cpu; };
        const std::string k = key(name, threads);
        if (const auto m = medians_.find(k); m != medians_.end())
            return pick(m->second);
        const auto s = samples_.find(k);
        if (s == samples_.end() || s->second.empty())
            return std::nullopt;
        std::vector<double> v;
        for (const times& t : s->second)
            v.push_back(pick(t));
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    bool used_median_aggregate() const { return !medians_.empty(); }

private:
    struct times {
        double real;
        double cpu;
    };
    static std::string key(const std::string& name, int threads) {
        return name + "#" + std::to_string(threads);
    }
    std::map<std::string, std::vector<times>> samples_;
    std::map<std::string, times> medians_;
};

std::string fixed(std::optional<double> x, int places) {
    if (!x)
        return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", places, *x);
    return buf;
}

std::optional<double> divide(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b <= 0)
        return std::nullopt;
    return *a / *b;
}

std::string mebibytes(std::int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

void print_summary(const recording_reporter& r) {
    using clock = recording_reporter::clock;
    const auto per_entry = [&](const char* name, clock which) -> std::optional<double> {
        const auto s = r.seconds_per_iteration(name, which);
        if (!s)
            return std::nullopt;
        return *s * 1e9 / static_cast<double>(entry_count);
    };
    struct row {
        const char* title;
        const char* library;
        const char* hand;
    };
    const row rows[] = {
        {"allocate, keep_events = false", allocate_library, allocate_hand},
        {"allocate, keep_events = true", allocate_events, allocate_hand},
        {"allocate, no events, keep_receipts = false", allocate_no_receipts, allocate_hand},
        {"allocate lean (quota_take), receipts kept", allocate_lean, allocate_hand},
        {"allocate lean (quota_take), no receipts", allocate_lean_no_receipts, allocate_hand},
        {"allocate batch (int64 arrays), receipts kept", allocate_batch, allocate_hand},
        {"allocate batch (int64 arrays), no receipts", allocate_batch_no_receipts, allocate_hand},
        {"split_value on every entry", split_library, split_hand},
        {"hand + receipts vs hand", allocate_receipts, allocate_hand},
        {"keep_events = false vs hand + receipts", allocate_library, allocate_receipts},
    };

    std::printf("\nSummary: time per iteration (%zu entries), %s\n", entry_count,
                r.used_median_aggregate() ? "median aggregate of the repetitions"
                                          : "single run (median if several)");
    for (const clock which : {clock::real_time, clock::cpu_time}) {
        std::printf("\n%-48s %10s %10s %10s\n",
                    which == clock::real_time ? "real time" : "CPU time", "library", "baseline",
                    "ratio");
        std::printf("%-48s %10s %10s\n", "", "ns/entry", "ns/entry");
        for (const row& x : rows) {
            const auto lib = per_entry(x.library, which), hand = per_entry(x.hand, which);
            std::printf("%-48s %10s %10s %10s\n", x.title, fixed(lib, 2).c_str(),
                        fixed(hand, 2).c_str(), fixed(divide(lib, hand), 2).c_str());
        }
    }

    // The pool: million draws per second. By real time, the throughput of the
    // whole group of threads; by CPU time (summed over the threads), draws per
    // CPU-second, which a busy machine disturbs less.
    for (const clock which : {clock::real_time, clock::cpu_time}) {
        const auto mops = [&](const char* name, int threads) -> std::optional<double> {
            const auto s = r.seconds_per_iteration(name, which, threads);
            if (!s || *s <= 0)
                return std::nullopt;
            return static_cast<double>(pool_batch) / *s / 1e6;
        };
        std::printf("\nconcurrent_quota_pool::draw, million draws per %s\n",
                    which == clock::real_time ? "second (all threads, real time)"
                                              : "CPU-second (CPU time of all threads)");
        std::printf("%-10s %10s %14s %14s %18s %18s\n", "threads", "library", "hand atomic",
                    "hand plain", "library / atomic", "library / plain");
        std::printf("%-10s %10s %14s %14s %18s %18s\n", "", "", "CAS", "int64 min", "(time ratio)",
                    "(time ratio)");
        for (const int threads : {1, 2}) {
            const auto lib = mops(pool_library, threads), cas = mops(pool_atomic, threads),
                       plain = threads == 1 ? mops(pool_plain, 1) : std::nullopt;
            // time ratio = inverse throughput ratio
            std::printf("%-10d %10s %14s %14s %18s %18s\n", threads, fixed(lib, 1).c_str(),
                        fixed(cas, 1).c_str(), threads == 1 ? fixed(plain, 1).c_str() : "-",
                        fixed(divide(cas, lib), 2).c_str(),
                        threads == 1 ? fixed(divide(plain, lib), 2).c_str() : "-");
        }
    }

    // Leases: each thread draws from its own lease (blocks of 4,096 granules).
    for (const clock which : {clock::real_time, clock::cpu_time}) {
        const auto mops = [&](const char* name, int threads) -> std::optional<double> {
            const auto s = r.seconds_per_iteration(name, which, threads);
            if (!s || *s <= 0)
                return std::nullopt;
            return static_cast<double>(pool_batch) / *s / 1e6;
        };
        std::printf("\nconcurrent_quota_pool::lease::draw, million draws per %s\n",
                    which == clock::real_time ? "second (all threads, real time)"
                                              : "CPU-second (CPU time of all threads)");
        std::printf("%-10s %14s %14s %18s\n", "threads", "library lease", "hand lease",
                    "library / hand");
        for (const int threads : {1, 2}) {
            const auto lib = mops(pool_lease, threads), hand = mops(pool_hand_lease, threads);
            std::printf("%-10d %14s %14s %18s\n", threads, fixed(lib, 1).c_str(),
                        fixed(hand, 1).c_str(), fixed(divide(hand, lib), 2).c_str());
        }
    }

    // The heap each ledger held after its last run.
    std::printf("\nHeap held after allocating %zu entries (last run; counted operator new)\n",
                entry_count);
    std::printf("%-40s %10s %10s %12s %12s %22s\n", "", "held, MiB", "peak, MiB", "bytes/entry",
                "page faults", "records");
    const auto memory_row = [](const char* title, const std::optional<ledger_memory>& m) {
        if (!m)
            return;
        char records[64];
        if (m->event_capacity != 0)
            std::snprintf(records, sizeof records, "%zu + %zu ev", m->receipts, m->events);
        else
            std::snprintf(records, sizeof records, "%zu", m->receipts);
        std::printf("%-40s %10s %10s %12.1f %12ld %22s\n", title, mebibytes(m->live).c_str(),
                    mebibytes(m->peak).c_str(),
                    static_cast<double>(m->live) / static_cast<double>(entry_count), m->page_faults,
                    records);
    };
    for (const ledger_variant v : ledger_variants)
        memory_row((std::string("ledger, ") + ledger_title(v)).c_str(), memory_ledger[v]);
    memory_row("hand-written + receipts", memory_receipts);

    // The full runs agree too.
    if (full_hand) {
        bool agree = true;
        for (const auto& l : full_library)
            agree = agree && (!l || same(*l, *full_hand, true));
        for (const auto& l : full_lean)
            agree = agree && (!l || same(*l, *full_hand, true));
        for (const auto& l : full_batch)
            agree = agree && (!l || same(*l, *full_hand, true));
        agree =
            agree && (!full_hand_receipts || (full_hand_receipts->value_in == full_hand->value_in &&
                                              full_hand_receipts->in == full_hand->in));
        std::printf("\nFull runs: in quota %lld vehicles, CAD %s; over quota %lld vehicles, CAD "
                    "%s; library %s hand-written\n",
                    static_cast<long long>(full_hand->in),
                    format_cents(full_hand->value_in).c_str(),
                    static_cast<long long>(full_hand->over),
                    format_cents(full_hand->value_over).c_str(), agree ? "==" : "!=");
        if (!agree)
            fail("the full runs' totals disagree");
    }

    // The sizes of the ledger's types (watched: issue 10).
    std::printf("\nsizeof (bytes)\n");
    const auto size_row = [](const char* name, std::size_t n) {
        std::printf("  %-44s %8zu\n", name, n);
    };
    size_row("quota_receipt (one per allocation)", sizeof(tariff::quota_receipt));
    size_row("quota_ledger<CAD, each>", sizeof(ledger_type));
    size_row("tariff_rate_quota<CAD, each> (in the ledger)", sizeof(quota_type));
    size_row("quota_claim<CAD, each>", sizeof(claim));
    size_row("quota_allocation<CAD, each>", sizeof(allocation));
    size_row("quota_take<CAD> (the lean form)", sizeof(tariff::quota_take<CAD>));
    size_row("quota_event (one per change, keep_events)", sizeof(tariff::quota_event));
    size_row("concurrent_quota_pool<each>", sizeof(pool_type));
    size_row("concurrent_quota_pool<each>::lease", sizeof(pool_type::lease));

    // Last: one line per workload, library / hand-written by CPU time (the
    // median of the repetitions when there are several).
    const auto ratio_line = [](const char* workload, std::optional<double> x) {
        std::printf("ratio %s = %s\n", workload, fixed(x, 2).c_str());
    };
    const auto cpu = [&](const char* name, int threads = 1) {
        return r.seconds_per_iteration(name, clock::cpu_time, threads);
    };
    const auto real = [&](const char* name, int threads) {
        return r.seconds_per_iteration(name, clock::real_time, threads);
    };
    std::printf("\n");
    ratio_line("fcfs_allocation_receipts", divide(cpu(allocate_library), cpu(allocate_hand)));
    ratio_line("fcfs_allocation_receipts_vs_hand_receipts",
               divide(cpu(allocate_library), cpu(allocate_receipts)));
    ratio_line("fcfs_allocation_no_receipts",
               divide(cpu(allocate_no_receipts), cpu(allocate_hand)));
    ratio_line("fcfs_allocation_events", divide(cpu(allocate_events), cpu(allocate_hand)));
    ratio_line("fcfs_allocation_lean_receipts", divide(cpu(allocate_lean), cpu(allocate_hand)));
    ratio_line("fcfs_allocation_lean_receipts_vs_hand_receipts",
               divide(cpu(allocate_lean), cpu(allocate_receipts)));
    ratio_line("fcfs_allocation_lean_no_receipts",
               divide(cpu(allocate_lean_no_receipts), cpu(allocate_hand)));
    ratio_line("fcfs_allocation_batch_receipts", divide(cpu(allocate_batch), cpu(allocate_hand)));
    ratio_line("fcfs_allocation_batch_receipts_vs_hand_receipts",
               divide(cpu(allocate_batch), cpu(allocate_receipts)));
    ratio_line("fcfs_allocation_batch_no_receipts",
               divide(cpu(allocate_batch_no_receipts), cpu(allocate_hand)));
    ratio_line("split_value", divide(cpu(split_library), cpu(split_hand)));
    ratio_line("pool_lease_1_thread", divide(cpu(pool_lease), cpu(pool_hand_lease)));
    ratio_line("pool_lease_2_threads", divide(cpu(pool_lease, 2), cpu(pool_hand_lease, 2)));
    // Not library / hand-written: the lease's throughput with 2 threads over
    // 1 (real time; the target is >= 1), and the same for draw() on the pool.
    ratio_line("pool_lease_2_vs_1_threads_throughput",
               divide(real(pool_lease, 1), real(pool_lease, 2)));
    ratio_line("pool_draw_2_vs_1_threads_throughput",
               divide(real(pool_library, 1), real(pool_library, 2)));
}

// Google Benchmark's own console colouring rule (colour on a terminal unless
// --benchmark_color says otherwise), read from argv before Initialize()
// consumes the flags, since the library does not expose its flag values.
benchmark::ConsoleReporter::OutputOptions console_options(int argc, char** argv) {
    bool color = isatty(STDOUT_FILENO) != 0;
    bool tabular = false;
    const auto truthy = [](std::string_view v) {
        return v == "true" || v == "yes" || v == "1" || v == "on";
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        constexpr std::string_view color_flag = "--benchmark_color=";
        constexpr std::string_view tabular_flag = "--benchmark_counters_tabular";
        if (arg.substr(0, color_flag.size()) == color_flag) {
            const auto v = arg.substr(color_flag.size());
            color = v == "auto" ? isatty(STDOUT_FILENO) != 0 : truthy(v);
        } else if (arg == tabular_flag) {
            tabular = true;
        } else if (arg.substr(0, tabular_flag.size() + 1) == std::string(tabular_flag) + "=") {
            tabular = truthy(arg.substr(tabular_flag.size() + 1));
        }
    }
    int options = benchmark::ConsoleReporter::OO_None;
    if (color)
        options |= benchmark::ConsoleReporter::OO_Color;
    if (tabular)
        options |= benchmark::ConsoleReporter::OO_Tabular;
    return static_cast<benchmark::ConsoleReporter::OutputOptions>(options);
}

// Takes --quota_entries=N out of argv (Google Benchmark rejects flags it does
// not know).
bool take_own_flags(int& argc, char** argv) {
    constexpr std::string_view flag = "--quota_entries=";
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.substr(0, flag.size()) == flag) {
            const long long n = std::atoll(std::string(arg.substr(flag.size())).c_str());
            if (n < 1'000) {
                std::fprintf(stderr, "error: --quota_entries must be at least 1000\n");
                return false;
            }
            entry_count = static_cast<std::size_t>(n);
            continue;
        }
        argv[out++] = argv[i];
    }
    argc = out;
    argv[argc] = nullptr;
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (!take_own_flags(argc, argv))
        return 1;
    const auto options = console_options(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    (void)data(); // generated before any verification or timing
    if (!verify_allocation() || !verify_split() || !verify_pool()) {
        std::fprintf(stderr, "error: the library's results are wrong; not benchmarking\n");
        return 1;
    }
    std::printf("\n");
    std::fflush(stdout);

    register_benchmarks();
    recording_reporter reporter(options);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    print_summary(reporter);
    return 0;
}
