// tariff::allocate: splitting an amount into parts proportional to integer
// weights by the largest-remainder (Hamilton) method, without losing a unit.
//
// The rule (allocate.hpp): with U the total in granularity units and W the sum
// of the weights, part i first gets floor(U * w_i / W); the units left over go
// one each to the parts with the largest remainders (U * w_i mod W), equal
// remainders favouring the earlier part; a negative total is split as
// -(split of -total). Every expected split below is worked out by hand from
// that rule in the comment beside it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include <tariff/allocate.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

using w3 = std::array<std::int64_t, 3>;

template <class R>
std::string digits(R v) {
    const bool negative = v < 0;
    std::string out;
    do {
        const int digit = static_cast<int>(v % 10);
        out.insert(out.begin(), static_cast<char>('0' + (digit < 0 ? -digit : digit)));
        v /= 10;
    } while (v != 0);
    return negative ? "-" + out : out;
}

// "coefficient e-scale" of an amount: pins down the places as well as the value.
template <class C, class R>
std::string rep(basic_money<C, R> m) {
    return digits(m.amount().coefficient()) + "e-" + std::to_string(m.amount().scale());
}

template <class Parts>
auto sum_of(const Parts& parts) {
    typename Parts::value_type sum{};
    for (const auto& p : parts)
        sum += p;
    return sum;
}

} // namespace

TEST_CASE("100.00 over three equal weights is 33.34, 33.33, 33.33: the leftover cent goes "
          "to the earliest of equal remainders") {
    // U = 10000 cents, W = 3: each floor(10000 / 3) = 3333 (remainder 1 each);
    // 3 * 3333 = 9999, so 1 cent is left; the remainders tie, so part 0 gets it.
    const auto parts = allocate(100.00_CAD, w3{1, 1, 1});
    CHECK(rep(parts[0]) == "3334e-2");
    CHECK(rep(parts[1]) == "3333e-2");
    CHECK(rep(parts[2]) == "3333e-2");
    CHECK(sum_of(parts) == 100.00_CAD);
}

TEST_CASE("the leftover units go to the largest remainders, not simply to the first parts") {
    // 1.00 over {1, 2}: U = 100, W = 3. floor(100/3) = 33 rem 1; floor(200/3) = 66
    // rem 2. 99 assigned, 1 left: the larger remainder (2, part 1) gets it.
    const auto two = allocate(1.00_CAD, std::array<std::int64_t, 2>{1, 2});
    CHECK(rep(two[0]) == "33e-2");
    CHECK(rep(two[1]) == "67e-2");
    // 100.00 over {1, 2, 3}: U = 10000, W = 6. 10000/6 = 1666 rem 4; 20000/6 =
    // 3333 rem 2; 30000/6 = 5000 rem 0. 9999 assigned, 1 left: part 0 (rem 4).
    const auto three = allocate(100.00_CAD, w3{1, 2, 3});
    CHECK(rep(three[0]) == "1667e-2");
    CHECK(rep(three[1]) == "3333e-2");
    CHECK(rep(three[2]) == "5000e-2");
    CHECK(sum_of(three) == 100.00_CAD);
}

TEST_CASE("a negative total is split as the negation of the split of its absolute value") {
    // -(33.34, 33.33, 33.33): the extra cent stays with part 0, so the rule is symmetric.
    const auto parts = allocate(-100.00_CAD, w3{1, 1, 1});
    CHECK(rep(parts[0]) == "-3334e-2");
    CHECK(rep(parts[1]) == "-3333e-2");
    CHECK(rep(parts[2]) == "-3333e-2");
    CHECK(sum_of(parts) == -100.00_CAD);
    // -1.00 over {1, 2}: -(0.33, 0.67).
    const auto two = allocate(-1.00_CAD, std::array<std::int64_t, 2>{1, 2});
    CHECK(rep(two[0]) == "-33e-2");
    CHECK(rep(two[1]) == "-67e-2");
}

TEST_CASE("a part with weight zero gets nothing, even when units are left over") {
    // 10.00 over {0, 1, 0, 3}: U = 1000, W = 4: 0, 250, 0, 750 exactly.
    const auto exact = allocate(10.00_CAD, std::array<std::int64_t, 4>{0, 1, 0, 3});
    CHECK(rep(exact[0]) == "0e-2");
    CHECK(rep(exact[1]) == "250e-2");
    CHECK(rep(exact[2]) == "0e-2");
    CHECK(rep(exact[3]) == "750e-2");
    // 0.05 over {1, 0, 1}: U = 5, W = 2: 2 (rem 1), 0 (rem 0), 2 (rem 1); 1 left,
    // remainders 1 and 1 tie: part 0 gets it. 0.03, 0.00, 0.02.
    const auto leftover = allocate(0.05_CAD, w3{1, 0, 1});
    CHECK(rep(leftover[0]) == "3e-2");
    CHECK(rep(leftover[1]) == "0e-2");
    CHECK(rep(leftover[2]) == "2e-2");
    CHECK(sum_of(leftover) == 0.05_CAD);
}

TEST_CASE("a single weight takes the whole total") {
    const auto parts = allocate(123.45_CAD, std::array<std::int64_t, 1>{7});
    CHECK(rep(parts[0]) == "12345e-2");
}

TEST_CASE("a zero total splits into zeros") {
    const auto parts = allocate(0.00_CAD, w3{1, 2, 3});
    for (const auto& p : parts)
        CHECK(p == 0.00_CAD);
}

TEST_CASE("with a granularity every part is a whole number of it: 1.00 (whole dollars), "
          "0.05 (Swiss rappen)") {
    // 100.00 over three in whole units: U = 100 units of 1.00; 33 each, 1 left to
    // part 0: 34.00, 33.00, 33.00 (k units * 1.00 keeps 2 places).
    const auto dollars = allocate(100.00_CAD, w3{1, 1, 1}, 1.00_CAD);
    CHECK(rep(dollars[0]) == "3400e-2");
    CHECK(rep(dollars[1]) == "3300e-2");
    CHECK(rep(dollars[2]) == "3300e-2");
    CHECK(sum_of(dollars) == 100.00_CAD);
    // CHF 10.00 over three in 0.05: U = 200; 66 each (198), 2 left to parts 0
    // and 1 (equal remainders): 67 * 0.05 = 3.35, 3.35, 66 * 0.05 = 3.30.
    const auto rappen = allocate(10.00_CHF, w3{1, 1, 1}, 0.05_CHF);
    CHECK(rep(rappen[0]) == "335e-2");
    CHECK(rep(rappen[1]) == "335e-2");
    CHECK(rep(rappen[2]) == "330e-2");
    CHECK(sum_of(rappen) == 10.00_CHF);
}

TEST_CASE("JPY has no minor unit: parts are whole yen") {
    // 1000 yen over three: 333 each, 1 left to part 0.
    const auto equal = allocate(1000_JPY, w3{1, 1, 1});
    CHECK(rep(equal[0]) == "334e-0");
    CHECK(rep(equal[1]) == "333e-0");
    CHECK(rep(equal[2]) == "333e-0");
    // 100 yen over {1, 2}: 33 rem 1, 66 rem 2; 1 left to part 1: 33, 67.
    const auto two = allocate(100_JPY, std::array<std::int64_t, 2>{1, 2});
    CHECK(rep(two[0]) == "33e-0");
    CHECK(rep(two[1]) == "67e-0");
    CHECK(sum_of(two) == 100_JPY);
}

TEST_CASE("allocate rejects a negative weight with errc::invalid_argument") {
    std::array<money<CAD>, 3> parts{};
    const w3 weights{1, -1, 2};
    CHECK(try_allocate(100.00_CAD, weights, parts) == errc::invalid_argument);
    CHECK(error_of([] { return allocate(100.00_CAD, w3{1, -1, 2}); }) == errc::invalid_argument);
}

TEST_CASE("allocate over weights that sum to zero is errc::division_by_zero") {
    std::array<money<CAD>, 3> parts{};
    const w3 zeros{0, 0, 0};
    CHECK(try_allocate(100.00_CAD, zeros, parts) == errc::division_by_zero);
    CHECK(error_of([] { return allocate(100.00_CAD, w3{0, 0, 0}); }) == errc::division_by_zero);
    // No weights at all sum to zero too.
    std::vector<money<CAD>> none;
    CHECK(try_allocate(100.00_CAD, std::span<const std::int64_t>(), none) ==
          errc::division_by_zero);
}

TEST_CASE("a total that is not a whole number of granularities is errc::invalid_argument "
          "(round it first)") {
    std::array<money<CAD>, 3> parts{};
    const w3 weights{1, 1, 1};
    // 10.005 is 1000.5 cents.
    CHECK(try_allocate(10.005_CAD, weights, parts) == errc::invalid_argument);
    CHECK(error_of([] { return allocate(10.005_CAD, w3{1, 1, 1}); }) == errc::invalid_argument);
    // 10.03 is 200.6 units of 0.05.
    CHECK(try_allocate(10.03_CAD, weights, parts, 0.05_CAD) == errc::invalid_argument);
    // 10.005 rounded to the cent first (half_even: 10.00) splits fine.
    CHECK(try_allocate(round(10.005_CAD, rounding::half_even), weights, parts) == errc::ok);
}

TEST_CASE("a zero granularity is errc::division_by_zero, a negative one invalid_argument") {
    std::array<money<CAD>, 3> parts{};
    const w3 weights{1, 1, 1};
    CHECK(try_allocate(10.00_CAD, weights, parts, 0.00_CAD) == errc::division_by_zero);
    CHECK(try_allocate(10.00_CAD, weights, parts, -0.01_CAD) == errc::invalid_argument);
}

TEST_CASE("parts.size() != weights.size() is errc::invalid_argument") {
    const w3 weights{1, 1, 1};
    std::array<money<CAD>, 2> too_few{};
    std::array<money<CAD>, 4> too_many{};
    CHECK(try_allocate(100.00_CAD, weights, too_few) == errc::invalid_argument);
    CHECK(try_allocate(100.00_CAD, weights, too_many) == errc::invalid_argument);
    CHECK(error_of([&] {
              allocate(100.00_CAD, weights, too_few);
              return 0;
          }) == errc::invalid_argument);
}

TEST_CASE("try_allocate returns the error and does not throw") {
    std::array<money<CAD>, 3> parts{};
    const w3 negative{1, -1, 2}, zeros{0, 0, 0}, fine{1, 1, 1};
    errc e = errc::ok;
    CHECK_NOTHROW(e = try_allocate(100.00_CAD, negative, parts));
    CHECK(e == errc::invalid_argument);
    CHECK_NOTHROW(e = try_allocate(100.00_CAD, zeros, parts));
    CHECK(e == errc::division_by_zero);
    CHECK_NOTHROW(e = try_allocate(10.005_CAD, fine, parts));
    CHECK(e == errc::invalid_argument);
    CHECK_NOTHROW(e = try_allocate(100.00_CAD, fine, parts));
    CHECK(e == errc::ok);
    CHECK(parts[0] == 33.34_CAD); // and on success it fills the parts
}

TEST_CASE("allocate writes into a std::vector of parts (regression - the parts span was "
          "deduced, so a vector did not compile)") {
    const std::vector<std::int64_t> weights{1, 1, 1};
    std::vector<money<CAD>> parts(3);
    allocate(100.00_CAD, weights, parts);
    CHECK(rep(parts[0]) == "3334e-2");
    CHECK(rep(parts[1]) == "3333e-2");
    CHECK(rep(parts[2]) == "3333e-2");
    CHECK(try_allocate(100.00_CAD, weights, parts, 1.00_CAD) == errc::ok);
    CHECK(rep(parts[0]) == "3400e-2");
}

TEST_CASE("allocate works for wide_money (regression - did not compile, building a 128-bit "
          "decimal from a 128-bit integer)") {
    // Same split as 100.00 over three: 33.34, 33.33, 33.33.
    const wide_money<CAD> total(100.00_wdec);
    const auto parts = allocate(total, w3{1, 1, 1});
    CHECK(rep(parts[0]) == "3334e-2");
    CHECK(rep(parts[1]) == "3333e-2");
    CHECK(rep(parts[2]) == "3333e-2");
    // IDR 3.5e15 (too large for money at 6 places; here at 2) over {1, 1}: U =
    // 350000000000000000 cents, 175000000000000000 each.
    const wide_money<IDR> imports(3'500'000'000'000'000.00_wdec);
    const auto halves = allocate(imports, std::array<std::int64_t, 2>{1, 1});
    CHECK(rep(halves[0]) == "175000000000000000e-2");
    CHECK(rep(halves[1]) == "175000000000000000e-2");
}

namespace {
// The std::array form runs in constant evaluation.
constexpr auto split = allocate(100.00_CAD, w3{1, 1, 1});
static_assert(split[0] == 33.34_CAD && split[1] == 33.33_CAD && split[2] == 33.33_CAD);
constexpr auto whole = allocate(100.00_CAD, w3{1, 1, 1}, 1.00_CAD);
static_assert(whole[0] == 34.00_CAD && whole[1] == 33.00_CAD && whole[2] == 33.00_CAD);
constexpr auto yen = allocate(-1000_JPY, w3{1, 1, 1});
static_assert(yen[0] == -334_JPY && yen[1] == -333_JPY && yen[2] == -333_JPY);
} // namespace

TEST_CASE("the std::array form of allocate is usable in constant evaluation") {
    STATIC_REQUIRE(split[0] + split[1] + split[2] == 100.00_CAD);
    STATIC_REQUIRE(allocate(0.05_CAD, w3{1, 0, 1})[0] == 0.03_CAD);
}

TEST_CASE("1000 parts: the parts sum to the total and each is within one unit of its exact "
          "share (floor or floor + 1)") {
    constexpr std::size_t n = 1000;
    std::vector<std::int64_t> weights(n);
    std::int64_t weight_sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // A spread of weights, every tenth one zero.
        weights[i] = i % 10 == 0 ? 0 : static_cast<std::int64_t>((i * 7919) % 1000 + 1);
        weight_sum += weights[i];
    }
    for (const money<CAD> total : {1'234'567.89_CAD, -1'234'567.89_CAD, 0.07_CAD}) {
        INFO("total " << digits(total.minor_units()) << " cents");
        std::vector<money<CAD>> parts(n);
        allocate(total, weights, parts);
        CHECK(sum_of(parts) == total);
        const int128_t units = total.minor_units();
        const int128_t magnitude = units < 0 ? -units : units;
        std::size_t rounded_up = 0;
        for (std::size_t i = 0; i < n; ++i) {
            // The exact share is units * w / W; |part - share| < 1 unit means
            // |part * W - units * w| < W.
            const int128_t part = parts[i].minor_units();
            const int128_t gap = part * weight_sum - units * weights[i];
            CHECK((gap > -weight_sum && gap < weight_sum));
            // And Hamilton gives exactly the floor of |share| or one more.
            const int128_t floor_share = magnitude * weights[i] / weight_sum;
            const int128_t part_magnitude = part < 0 ? -part : part;
            CHECK((part_magnitude == floor_share || part_magnitude == floor_share + 1));
            rounded_up += part_magnitude == floor_share + 1;
            if (weights[i] == 0)
                CHECK(part == 0);
        }
        // One extra unit per leftover unit: |U| - sum of the floors.
        int128_t floors = 0;
        for (std::size_t i = 0; i < n; ++i)
            floors += magnitude * weights[i] / weight_sum;
        CHECK((static_cast<int128_t>(rounded_up) == magnitude - floors));
    }
}
