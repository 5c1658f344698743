// The portable 128-bit integer (detail/int128.hpp) and the overflow checks
// written without builtins (detail/integer.hpp), which the library uses where
// the compiler has no __int128 or when TARIFF_PORTABLE_ARITHMETIC is defined.
//
// The oracle is the compiler's own __int128 and __builtin_*_overflow (GCC and
// Clang on x86-64 have them even when the library is told not to use them):
// every operation of the portable type is compared with the built-in one on
// edge values and on random values of every bit length. The few constant
// expressions below are checked against figures computed by hand.
#include <cstdint>
#include <random>
#include <type_traits>
#include <vector>

#include <tariff/tariff.hpp>

#include "catch.hpp"

namespace {

using tariff::detail::portable_int128;
using tariff::detail::portable_uint128;

// The macro really selects the portable type, and only the macro does here
// (GCC 12 and Clang 14 on x86-64 have __int128 and the builtins).
#if defined(TARIFF_PORTABLE_ARITHMETIC)
static_assert(!tariff::detail::uses_builtin_int128);
static_assert(std::is_same_v<tariff::int128_t, portable_int128>);
static_assert(std::is_same_v<tariff::uint128_t, portable_uint128>);
#else
static_assert(tariff::detail::uses_builtin_int128);
static_assert(!std::is_class_v<tariff::int128_t> && sizeof(tariff::int128_t) == 16);
#endif

// Hand-computed constants: 2^64 = 18446744073709551616 = 10 * 1844674407370955161 + 6.
constexpr portable_uint128 two64 = portable_uint128::from_halves(1, 0);
static_assert(two64 / 10 == 1'844'674'407'370'955'161u);
static_assert(two64 % 10 == 6);
static_assert(two64 - 1 == 0xffff'ffff'ffff'ffffu);
static_assert((two64 >> 1) == 0x8000'0000'0000'0000u);
// 2^64 * 3 / 2^32 = 3 * 2^32 = 12884901888 (the general division path).
static_assert(two64 * 3 / (portable_uint128{1} << 32) == 12'884'901'888u);
// Truncation toward zero and the sign of the dividend, as for int: -7 / 2 = -3 rem -1.
static_assert(portable_int128{-7} / 2 == -3 && portable_int128{-7} % 2 == -1);
static_assert(portable_int128{7} / -2 == -3 && portable_int128{7} % -2 == 1);
// (2^64 + 5) * -(2^64 - 1) = -(2^128 + 4 * 2^64 - 5): modulo 2^128 that is
// -(4 * 2^64 - 5) = -4 * 2^64 + 5, whose halves are (-4, 5).
static_assert(portable_int128::from_halves(1, 5) * -portable_int128::from_halves(0, ~0ull) ==
              portable_int128::from_halves(~3ull, 5));
// Arithmetic right shift of a negative value: -2^100 >> 99 = -2.
static_assert((-(portable_int128{1} << 100) >> 99) == -2);
static_assert(portable_int128{-1} < 0 && portable_uint128(portable_int128{-1}) > 0);
static_assert(static_cast<std::int64_t>(portable_int128{-5}) == -5);
// The 64 x 64 -> 128 product: (2^64 - 1)^2 = 2^128 - 2^65 + 1, halves (2^64 - 2, 1).
static_assert(tariff::detail::multiply_u64(~0ull, ~0ull).high == ~0ull - 1);
static_assert(tariff::detail::multiply_u64(~0ull, ~0ull).low == 1);

// Users' code: a wide decimal from an int128_t in a constant expression,
// on whichever path is in use. 10^19 * 10^-2 = 100000000000000000.00.
constexpr tariff::int128_t e19 = tariff::int128_t{1'000'000'000'000'000'000} * 10;
constexpr auto wide = tariff::wide_decimal::from_parts(e19, 2);
static_assert(wide == tariff::wide_decimal{100'000'000'000'000'000});
static_assert(wide.coefficient() == e19 && wide.scale() == 2);

#if defined(__SIZEOF_INT128__)
__extension__ typedef __int128 n128;
__extension__ typedef unsigned __int128 nu128;

constexpr portable_uint128 to_portable(nu128 v) {
    return portable_uint128::from_halves(static_cast<std::uint64_t>(v >> 64),
                                         static_cast<std::uint64_t>(v));
}
constexpr portable_int128 to_portable(n128 v) {
    return portable_int128(to_portable(static_cast<nu128>(v)));
}
constexpr nu128 to_native(portable_uint128 v) {
    return (static_cast<nu128>(v.high()) << 64) | v.low();
}
constexpr n128 to_native(portable_int128 v) {
    return static_cast<n128>(to_native(portable_uint128(v)));
}

// Counts mismatches (a REQUIRE per comparison would dominate the run time)
// and remembers where the first one was.
struct tally {
    std::size_t failures = 0;
    int first_line = 0;
    void expect(bool ok, int line) {
        if (!ok && failures++ == 0)
            first_line = line;
    }
};
#define EXPECT(cond) t.expect((cond), __LINE__)

// The library's int128_t from the bits of a native value.
template <class T = tariff::int128_t>
T to_library(nu128 v) {
    if constexpr (std::is_same_v<T, n128>)
        return static_cast<T>(v);
    else
        return T(to_portable(v));
}

// Edge values and random values of every bit length, both signs.
std::vector<nu128> sample_values() {
    std::vector<nu128> out;
    nu128 p = 1;
    for (int k = 0; k <= 38; ++k, p *= 10)
        for (nu128 v : {p, p - 1, p + 1})
            out.insert(out.end(), {v, -v});
    for (int b = 0; b < 128; ++b)
        for (nu128 v : {nu128{1} << b, (nu128{1} << b) - 1, (nu128{1} << b) + 1})
            out.insert(out.end(), {v, -v});
    std::mt19937_64 rng(20261201);
    for (int i = 0; i < 300; ++i) {
        const nu128 r = (static_cast<nu128>(rng()) << 64) | rng();
        out.push_back(r >> (rng() % 128));
    }
    return out;
}

TEST_CASE("the portable 128-bit type computes what __int128 computes", "[int128]") {
    const std::vector<nu128> values = sample_values();
    tally t;
    std::size_t compared = 0;
    for (nu128 ua : values) {
        for (nu128 ub : values) {
            const n128 a = static_cast<n128>(ua), b = static_cast<n128>(ub);
            const portable_uint128 pua = to_portable(ua), pub = to_portable(ub);
            const portable_int128 pa = to_portable(a), pb = to_portable(b);
            // Wrapping + - * on the unsigned type (defined for both).
            EXPECT(to_native(pua + pub) == ua + ub);
            EXPECT(to_native(pua - pub) == ua - ub);
            EXPECT(to_native(pua * pub) == ua * ub);
            EXPECT(to_native(pa + pb) == static_cast<n128>(ua + ub));
            EXPECT(to_native(pa * pb) == static_cast<n128>(ua * ub));
            EXPECT((pa < pb) == (a < b));
            EXPECT((pa == pb) == (a == b));
            EXPECT((pua < pub) == (ua < ub));
            EXPECT(to_native(pa & pb) == (a & b));
            EXPECT(to_native(pa | pb) == (a | b));
            EXPECT(to_native(pa ^ pb) == (a ^ b));
            if (ub != 0) {
                EXPECT(to_native(pua / pub) == ua / ub);
                EXPECT(to_native(pua % pub) == ua % ub);
                const n128 min = static_cast<n128>(nu128{1} << 127);
                if (!(a == min && b == -1)) { // the one quotient that overflows
                    EXPECT(to_native(pa / pb) == a / b);
                    EXPECT(to_native(pa % pb) == a % b);
                }
            }
            ++compared;
        }
        const portable_uint128 pua = to_portable(ua);
        const portable_int128 pa = to_portable(static_cast<n128>(ua));
        for (int s = 0; s < 128; ++s) {
            EXPECT(to_native(pua << s) == ua << s);
            EXPECT(to_native(pua >> s) == ua >> s);
            EXPECT(to_native(pa >> s) == static_cast<n128>(ua) >> s); // arithmetic (GCC, Clang)
        }
        EXPECT(to_native(-pa) == static_cast<n128>(-ua));
        EXPECT(static_cast<std::int64_t>(pa) == static_cast<std::int64_t>(ua));
        EXPECT(static_cast<std::uint32_t>(pua) == static_cast<std::uint32_t>(ua));
        EXPECT(static_cast<bool>(pua) == (ua != 0));
    }
    INFO("first mismatch at line " << t.first_line);
    CHECK(t.failures == 0);
    CHECK(compared == values.size() * values.size());
}

TEST_CASE("built-in integers convert as they do to __int128", "[int128]") {
    for (std::int64_t v :
         {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42}, INT64_MIN, INT64_MAX}) {
        CHECK((to_native(portable_int128{v}) == n128{v}));
        CHECK((to_native(portable_uint128{v}) == static_cast<nu128>(v)));
    }
    for (std::uint64_t v : {std::uint64_t{0}, UINT64_MAX, std::uint64_t{1} << 63}) {
        CHECK((to_native(portable_int128{v}) == n128{v}));
        CHECK((to_native(portable_uint128{v}) == nu128{v}));
    }
}

// The library's overflow checks against the compiler's builtins, on the
// values above (as int64 where they fit, as int128 for all). On the builtin
// path the checks are the builtins themselves, so only the portable path runs
// that part; the unsigned 64 x 64 check (lcm) is portable on both.
TEST_CASE("the overflow checks agree with the builtins", "[int128]") {
    const std::vector<nu128> values = sample_values();
    tally t;
#if defined(TARIFF_PORTABLE_ARITHMETIC)
    using tariff::int128_t;
    using tariff::detail::add_overflows;
    using tariff::detail::mul_overflows;
    using tariff::detail::sub_overflows;
    const n128 max128 = static_cast<n128>(~nu128{0} >> 1);
    auto in_range = [&](n128 v) { return v >= -max128 && v <= max128; };
    std::size_t overflows = 0;
    for (nu128 ua : values)
        for (nu128 ub : values) {
            const n128 a = static_cast<n128>(ua), b = static_cast<n128>(ub);
            if (!in_range(a) || !in_range(b))
                continue;
            const int128_t la = to_library(ua), lb = to_library(ub);
            n128 expect = 0;
            int128_t got = 0;
            bool over = __builtin_add_overflow(a, b, &expect) || !in_range(expect);
            EXPECT(add_overflows(la, lb, got) == over);
            EXPECT(over || got == to_library(static_cast<nu128>(expect)));
            overflows += over;
            over = __builtin_sub_overflow(a, b, &expect) || !in_range(expect);
            EXPECT(sub_overflows(la, lb, got) == over);
            EXPECT(over || got == to_library(static_cast<nu128>(expect)));
            over = __builtin_mul_overflow(a, b, &expect) || !in_range(expect);
            EXPECT(mul_overflows(la, lb, got) == over);
            EXPECT(over || got == to_library(static_cast<nu128>(expect)));
            overflows += over;

            if (a >= INT64_MIN + 1 && a <= INT64_MAX && b >= INT64_MIN + 1 && b <= INT64_MAX) {
                const auto a64 = static_cast<std::int64_t>(a), b64 = static_cast<std::int64_t>(b);
                std::int64_t e64 = 0, g64 = 0;
                EXPECT(add_overflows(a64, b64, g64) ==
                       (__builtin_add_overflow(a64, b64, &e64) || e64 == INT64_MIN));
                EXPECT(sub_overflows(a64, b64, g64) ==
                       (__builtin_sub_overflow(a64, b64, &e64) || e64 == INT64_MIN));
                const bool over64 = __builtin_mul_overflow(a64, b64, &e64) || e64 == INT64_MIN;
                EXPECT(mul_overflows(a64, b64, g64) == over64);
                EXPECT(over64 || g64 == e64);
            }
        }
    CHECK(overflows > 1000); // the sample reaches both outcomes
#endif
    for (nu128 ua : values)
        for (nu128 ub : values) {
            const auto a = static_cast<std::uint64_t>(ua), b = static_cast<std::uint64_t>(ub);
            std::uint64_t e = 0, g = 0;
            EXPECT(tariff::detail::unsigned_mul_overflows(a, b, g) ==
                   __builtin_mul_overflow(a, b, &e));
            EXPECT(g == e);
        }
    INFO("first mismatch at line " << t.first_line);
    CHECK(t.failures == 0);
}
#endif

} // namespace
