// concurrent_quota_pool under contention: no granule lost or created.
//
// A plain main, not Catch2, so that it can be built with ThreadSanitizer
// without an uninstrumented test library (tests/CMakeLists.txt registers it
// twice: concurrent_quota, and concurrent_quota_tsan with -fsanitize=thread
// and TSAN_OPTIONS=halt_on_error=1, so a data race fails the test).
//
// Four threads make 1,000,000 draw() calls each (4,000,000 in all; long
// enough that the threads overlap on two cores) of 1 to 7 granules from a pool
// of 12,000,000 granules, and every 16th call give back 1 to 3 granules of
// what they hold. The rules checked (quota.hpp):
//   - draw(n) takes min(n, balance): never more than asked, never negative;
//   - sampled balances stay within [0, volume];
//   - a return of what a thread holds is always accepted (the balance cannot
//     then exceed the volume);
//   - afterwards, granted - returned + balance == volume exactly;
//   - the pool ran dry: some draw got less than it asked. This must happen:
//     with the fixed seeds the requests ask for S granules in all (counted
//     below, about 16,000,000; the test checks its own premise) and at most
//     3 * 4,000,000 / 16 = 750,000 come back, so if no draw had been short,
//     granted - returned >= S - 750,000 > 12,000,000 = volume, which the
//     balance (>= 0) forbids.
// Then the main thread drains the pool through a lease in draws of 7 (the
// final short draw exact: the drained total is the balance) and returns
// everything, checking the balance at each end, and that a return beyond the
// volume is refused.
//
// The whole run is made three times: threads drawing on the pool itself;
// each thread through its own lease (concurrent_quota_pool::lease, blocks of
// 4,096); and mixed (leases of 1, 64 and 4,096 granules and one thread on the
// pool). With leases, the balance and pool.leased() are sampled too
// (each within [0, volume]); each lease is released when its
// thread ends, after which nothing is leased and granted - returned +
// balance == volume exactly: every granule drawn once, none lost. The returns
// go to the pool while other threads' leases refill, so they also check that
// a return of held granules is never refused because of a lease. A thread
// with a lease gives back to its lease (lease.try_give_back), the others to
// the pool.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

#include <tariff/quota.hpp>

namespace {

using vehicles = tariff::units::each;

constexpr int thread_count = 4;
constexpr std::int64_t draws_per_thread = 1'000'000;
constexpr std::int64_t volume = 12'000'000;
constexpr std::int64_t give_back_every = 16;

struct tally {
    std::int64_t requested = 0; // sum of the sizes asked for
    std::int64_t granted = 0;
    std::int64_t returned = 0;
    std::int64_t short_draws = 0;     // got less than asked: the pool was dry
    std::int64_t over_grants = 0;     // got more than asked, or a negative amount
    std::int64_t bad_balances = 0;    // a sampled balance outside [0, volume]
    std::int64_t refused_returns = 0; // a return of held granules was refused
};

// xorshift64: a fixed sequence per seed, so the sizes asked for do not depend
// on how the threads interleave.
struct rng {
    std::uint64_t state;
    std::uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
};

// block == 0: draws on the pool itself; otherwise through a lease of that
// block size, released when the worker ends.
void worker(tariff::concurrent_quota_pool<vehicles>& pool, std::uint64_t seed,
            std::atomic<int>& ready, tally& t, std::int64_t block) {
    rng r{seed};
    std::int64_t held = 0;
    using lease_type = tariff::concurrent_quota_pool<vehicles>::lease;
    lease_type lease(pool, block);
    ready.fetch_add(1);
    while (ready.load() < thread_count)
        std::this_thread::yield(); // start together
    for (std::int64_t i = 1; i <= draws_per_thread; ++i) {
        const auto size = static_cast<std::int64_t>(1 + r.next() % 7);
        t.requested += size;
        const std::int64_t got = block == 0 ? pool.draw(size) : lease.draw(size);
        if (got < 0 || got > size)
            ++t.over_grants;
        if (got < size)
            ++t.short_draws;
        t.granted += got;
        held += got;
        if (i % give_back_every == 0 && held > 0) {
            std::int64_t n = static_cast<std::int64_t>(1 + r.next() % 3);
            if (n > held)
                n = held;
            if ((block == 0 ? pool.try_give_back(n) : lease.try_give_back(n)) == tariff::errc::ok) {
                t.returned += n;
                held -= n;
            } else {
                ++t.refused_returns;
            }
        }
        if (i % 1024 == 0) {
            const std::int64_t b = pool.balance();
            const std::int64_t l = pool.leased();
            // (Each within [0, volume]; their sum is not checked here: the two
            // reads are not one snapshot, and a refill between them moves
            // granules from one to the other.)
            if (b < 0 || b > volume || l < 0 || l > volume || lease.held() < 0)
                ++t.bad_balances;
        }
    }
    lease.release(); // what it still holds goes back to the pool
    if (lease.held() != 0)
        ++t.bad_balances;
}

} // namespace

int run(const char* name, const std::int64_t (&blocks)[thread_count]) {
    tariff::concurrent_quota_pool<vehicles> pool(tariff::quantity<vehicles>(volume),
                                                 tariff::quantity<vehicles>(1));
    std::vector<tally> tallies(thread_count);
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < thread_count; ++k)
        threads.emplace_back(worker, std::ref(pool), 0x9E3779B97F4A7C15ULL * (k + 1),
                             std::ref(ready), std::ref(tallies[k]), blocks[k]);
    for (auto& th : threads)
        th.join();

    tally all;
    for (const tally& t : tallies) {
        all.requested += t.requested;
        all.granted += t.granted;
        all.returned += t.returned;
        all.short_draws += t.short_draws;
        all.over_grants += t.over_grants;
        all.bad_balances += t.bad_balances;
        all.refused_returns += t.refused_returns;
    }
    const std::int64_t balance = pool.balance();
    const std::int64_t leased = pool.leased();
    const std::int64_t draws = thread_count * draws_per_thread;
    int failures = 0;
    auto expect = [&](bool ok, const char* what) {
        if (!ok) {
            std::fprintf(stderr, "concurrent_quota (%s): FAILED: %s\n", name, what);
            ++failures;
        }
    };
    expect(leased == 0, "every lease was released: nothing is leased");
    expect(all.granted - all.returned + balance == volume,
           "granted - returned + balance == volume");
    expect(balance >= 0 && balance <= volume, "the final balance is within [0, volume]");
    expect(all.over_grants == 0, "no draw got more than it asked, or a negative amount");
    expect(all.bad_balances == 0, "every sampled balance was within [0, volume]");
    expect(all.refused_returns == 0, "every return of held granules was accepted");
    expect(all.requested - 3 * (draws / give_back_every) > volume,
           "the demand exceeds the volume (the test's own premise)");
    expect(all.short_draws > 0, "the pool ran dry (some draw got less than it asked)");

    // Drain what is left (through a lease, in draws of 7: the last one
    // short by exactly what is missing), then give everything back.
    {
        tariff::concurrent_quota_pool<vehicles>::lease last(pool, 64);
        std::int64_t drained = 0, step = 0;
        do {
            step = last.draw(std::int64_t{7});
            drained += step;
        } while (step == 7);
        expect(drained == balance, "draining through a lease takes exactly the balance");
        expect(last.held() == 0 && last.drawn() == balance && pool.leased() == balance,
               "a drained lease holds nothing, and has handed out the balance");
    }
    expect(pool.leased() == 0, "released, what the lease handed out counts as drawn");
    expect(pool.balance() == 0, "drained: the balance is 0");
    expect(pool.draw(1) == 0, "a dry pool grants nothing");
    const std::int64_t outstanding = all.granted - all.returned + balance;
    expect(pool.try_give_back(outstanding + 1) == tariff::errc::return_exceeds_allocation,
           "a return beyond the volume is refused");
    expect(pool.balance() == 0, "a refused return changes nothing");
    expect(pool.try_give_back(outstanding) == tariff::errc::ok, "returning everything");
    expect(pool.balance() == volume, "all returned: the balance is the volume");
    expect(pool.try_give_back(1) == tariff::errc::return_exceeds_allocation,
           "a full pool refuses a return");

    std::printf("concurrent_quota (%s): %d threads, %lld draws asking %lld granules of %lld: "
                "granted %lld, returned %lld, final balance %lld, short draws %lld: %s\n",
                name, thread_count, static_cast<long long>(draws),
                static_cast<long long>(all.requested), static_cast<long long>(volume),
                static_cast<long long>(all.granted), static_cast<long long>(all.returned),
                static_cast<long long>(balance), static_cast<long long>(all.short_draws),
                failures == 0 ? "OK" : "FAILED");
    return failures == 0 ? 0 : 1;
}

int main() {
    // The pool itself; leases of one block size; leases of mixed sizes (1
    // granule: a refill on almost every draw), one thread on the pool.
    const std::int64_t direct[thread_count] = {0, 0, 0, 0};
    const std::int64_t leases[thread_count] = {4096, 4096, 4096, 4096};
    const std::int64_t mixed[thread_count] = {1, 64, 4096, 0};
    int failed = 0;
    failed += run("draw", direct);
    failed += run("leases", leases);
    failed += run("mixed", mixed);
    return failed == 0 ? 0 : 1;
}
