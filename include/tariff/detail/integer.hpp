// tariff/detail/integer.hpp: the integer layer under every exact type.
//
// Checked add/subtract/multiply on the two representations the library uses
// (std::int64_t and a 128-bit integer), powers of ten, and the one division
// with rounding that all rounding in the library goes through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../error.hpp"
#include "../rounding.hpp"
#include "int128.hpp"

namespace tariff {

// The 128-bit integer: the compiler's __int128 with GCC/Clang overflow builtins
// where they exist, otherwise (or if TARIFF_PORTABLE_ARITHMETIC is defined) the
// library's own portable type (detail/int128.hpp) and checks in standard C++.
// tariff::int128_t names whichever is in use; code written against it works
// with both.
#if defined(__SIZEOF_INT128__) && !defined(TARIFF_PORTABLE_ARITHMETIC) && defined(__has_builtin)
#if __has_builtin(__builtin_add_overflow) && __has_builtin(__builtin_sub_overflow) &&              \
    __has_builtin(__builtin_mul_overflow)
#define TARIFF_DETAIL_BUILTIN_ARITHMETIC 1
#endif
#endif

#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
// __extension__ keeps -Wpedantic quiet: the type is a GCC/Clang extension.
__extension__ typedef __int128 int128_t;
__extension__ typedef unsigned __int128 uint128_t;
#else
using int128_t = detail::portable_int128;
using uint128_t = detail::portable_uint128;
#endif
// Kept for code that tested it: a 128-bit integer type is always there now.
#define TARIFF_HAS_INT128 1

namespace detail {

template <class T>
inline constexpr bool dependent_false = false;

template <class T>
concept representation = std::is_same_v<T, std::int64_t> || std::is_same_v<T, int128_t>;

template <representation R>
struct rep_traits;

template <>
struct rep_traits<std::int64_t> {
    // The coefficient range is kept symmetric (the most negative value is
    // excluded) so that negation and absolute value can never overflow.
    static constexpr std::int64_t max = 0x7fff'ffff'ffff'ffffLL;
    static constexpr int max_scale = 18; // 10^18 fits, 10^19 does not
    static constexpr const char* name = "64-bit";
};

template <>
struct rep_traits<int128_t> {
    static constexpr int128_t max = static_cast<int128_t>(~static_cast<uint128_t>(0) >> 1);
    static constexpr int max_scale = 38; // 10^38 < 1.7 * 10^38
    static constexpr const char* name = "128-bit";
};

template <representation A, representation B>
using wider_t = std::conditional_t<(sizeof(A) >= sizeof(B)), A, B>;

template <representation R>
constexpr bool in_range(R v) noexcept {
    return v >= -rep_traits<R>::max && v <= rep_traits<R>::max;
}

// Whether tariff::int128_t is the compiler's __int128 (and overflow checks use
// its builtins) rather than the portable type.
#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
inline constexpr bool uses_builtin_int128 = true;
#else
inline constexpr bool uses_builtin_int128 = false;
#endif

// The unsigned type of the same width.
template <representation R>
using unsigned_of = std::conditional_t<std::is_same_v<R, std::int64_t>, std::uint64_t, uint128_t>;

// The magnitude of the unsigned product of a and b, and whether it needs more
// bits than the type has (portable: no builtin, no wider type).
constexpr bool unsigned_mul_overflows(std::uint64_t a, std::uint64_t b,
                                      std::uint64_t& out) noexcept {
    const u64_product p = multiply_u64(a, b);
    out = p.low;
    return p.high != 0;
}
constexpr bool unsigned_mul_overflows(uint128_t a, uint128_t b, uint128_t& out) noexcept {
    const auto a1 = static_cast<std::uint64_t>(a >> 64), a0 = static_cast<std::uint64_t>(a);
    const auto b1 = static_cast<std::uint64_t>(b >> 64), b0 = static_cast<std::uint64_t>(b);
    // a * b = a0 * b0 + (a1 * b0 + a0 * b1) * 2^64 + a1 * b1 * 2^128: it fits
    // iff a1 * b1 = 0, the one cross term that is not 0 fits 64 bits, and
    // adding it to the high half of a0 * b0 does not carry.
    const u64_product low = multiply_u64(a0, b0);
    std::uint64_t cross = 0;
    const bool cross_over = unsigned_mul_overflows(a1 != 0 ? a1 : b1, a1 != 0 ? b0 : a0, cross);
    const std::uint64_t high = low.high + cross;
    if ((a1 != 0 && b1 != 0) || cross_over || high < cross) {
        out = a * b; // modulo 2^128, as the builtin leaves it
        return true;
    }
    out = (static_cast<uint128_t>(high) << 64) | low.low;
    return false;
}

// Each returns true on overflow, like the builtins, and also rejects the
// excluded most negative value. out is set either way (to the result modulo
// 2^bits where it overflows).
template <representation R>
constexpr bool add_overflows(R a, R b, R& out) noexcept {
#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
    return __builtin_add_overflow(a, b, &out) || !in_range(out);
#else
    using U = unsigned_of<R>;
    out = static_cast<R>(static_cast<U>(a) + static_cast<U>(b));
    // Overflow iff both operands have the sign the result lacks.
    return ((a ^ out) & (b ^ out)) < 0 || !in_range(out);
#endif
}
template <representation R>
constexpr bool sub_overflows(R a, R b, R& out) noexcept {
#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
    return __builtin_sub_overflow(a, b, &out) || !in_range(out);
#else
    using U = unsigned_of<R>;
    out = static_cast<R>(static_cast<U>(a) - static_cast<U>(b));
    // Overflow iff the operands' signs differ and the result's is b's.
    return ((a ^ b) & (a ^ out)) < 0 || !in_range(out);
#endif
}
template <representation R>
constexpr bool mul_overflows(R a, R b, R& out) noexcept {
#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
    return __builtin_mul_overflow(a, b, &out) || !in_range(out);
#else
    using U = unsigned_of<R>;
    const bool negative = (a < 0) != (b < 0);
    const U ma = a < 0 ? U(0) - static_cast<U>(a) : static_cast<U>(a);
    const U mb = b < 0 ? U(0) - static_cast<U>(b) : static_cast<U>(b);
    U m = 0;
    const bool wide = unsigned_mul_overflows(ma, mb, m);
    out = static_cast<R>(negative ? U(0) - m : m);
    // The symmetric range: the magnitude must not exceed max.
    return wide || m > static_cast<U>(rep_traits<R>::max);
#endif
}

template <representation R>
struct pow10_table {
    R v[rep_traits<R>::max_scale + 1]{};
    constexpr pow10_table() {
        R p = 1;
        for (int i = 0; i <= rep_traits<R>::max_scale; ++i) {
            v[i] = p;
            if (i < rep_traits<R>::max_scale)
                p *= 10;
        }
    }
};
template <representation R>
inline constexpr pow10_table<R> pow10s{};

// 10^k for 0 <= k <= max_scale.
template <representation R>
constexpr R pow10(int k) noexcept {
    return pow10s<R>.v[k];
}

// Multiplies v by 10^k; true on overflow.
template <representation R>
constexpr bool scale_up_overflows(R v, int k, R& out) noexcept {
    if (k > rep_traits<R>::max_scale) {
        out = 0;
        return v != 0;
    }
    return mul_overflows(v, pow10<R>(k), out);
}

constexpr std::int64_t gcd(std::int64_t a, std::int64_t b) noexcept {
    while (b != 0) {
        const std::int64_t t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

template <class T>
constexpr T magnitude(T v) noexcept {
    return v < 0 ? -v : v;
}

// The quotient q of a division truncated toward zero, rounded by mode M, given
// the magnitudes of the remainder (rem) and of the divisor (den > rem >= 0)
// and the sign of the exact quotient. The single place where the library
// decides how a remainder rounds.
//
// The decision is formed as 0 or 1 and added, not branched on: which way a
// remainder goes is as unpredictable as the data's digits, and a mispredicted
// branch costs more than the whole division (see bench/README.md).
template <rounding_mode M, class R>
constexpr R round_truncated(R q, R rem, R den, bool negative) noexcept {
    R away; // 1: the result is q's neighbour away from zero; 0: it is q
    if constexpr (M == rounding_mode::toward_zero) {
        away = 0;
    } else if constexpr (M == rounding_mode::away_from_zero) {
        away = R(rem != 0);
    } else if constexpr (M == rounding_mode::floor) {
        away = R(rem != 0) & R(negative);
    } else if constexpr (M == rounding_mode::ceiling) {
        away = R(rem != 0) & R(!negative);
    } else {
        const R rest = den - rem; // distance to the next multiple
        if constexpr (M == rounding_mode::half_up) {
            away = R(rem >= rest); // rem == 0 gives rem < rest
        } else if constexpr (M == rounding_mode::half_down) {
            away = R(rem > rest);
        } else {
            static_assert(M == rounding_mode::half_even);
            away = R(rem > rest) | (R(rem == rest) & q & 1); // a tie goes to the even one
        }
    }
    return q + (negative ? -away : away);
}

// num / den rounded by mode M. den != 0; neither operand is the most negative
// value of its type (guaranteed by the symmetric range).
template <rounding_mode M, class R>
constexpr R divide_rounded(R num, R den) noexcept {
    return round_truncated<M>(num / den, magnitude(num % den), magnitude(den),
                              (num < 0) != (den < 0));
}

// The same for a mode known at run time. m must be valid (is_valid(m)): every
// caller checks it first and reports errc::invalid_argument otherwise.
template <class R>
constexpr R divide_rounded(R num, R den, rounding_mode m) noexcept {
    switch (m) {
    case rounding_mode::half_even:
        return divide_rounded<rounding_mode::half_even>(num, den);
    case rounding_mode::half_up:
        return divide_rounded<rounding_mode::half_up>(num, den);
    case rounding_mode::half_down:
        return divide_rounded<rounding_mode::half_down>(num, den);
    case rounding_mode::toward_zero:
        return divide_rounded<rounding_mode::toward_zero>(num, den);
    case rounding_mode::away_from_zero:
        return divide_rounded<rounding_mode::away_from_zero>(num, den);
    case rounding_mode::floor:
        return divide_rounded<rounding_mode::floor>(num, den);
    case rounding_mode::ceiling:
        return divide_rounded<rounding_mode::ceiling>(num, den);
    }
    return divide_rounded<rounding_mode::half_even>(num, den);
}

// Division of 0 <= n < 2^63 by 10^k (1 <= k <= 18) as a multiplication:
// n / 10^k == (n * m) >> (63 + l), where l = ceil(log2(10^k)) and
// m = floor(2^(63 + l) / 10^k) + 1 < 2^64 (Granlund and Montgomery, "Division
// by invariant integers using multiplication", 1994, theorem 4.2: it holds
// because 2^(63+l) < m * 10^k <= 2^(63+l) + 10^k <= 2^(63+l) + 2^l). What the
// compiler does for a constant divisor, for a divisor known only at run time.
struct pow10_reciprocal_table {
    std::uint64_t multiplier[19]{};
    int shift[19]{}; // l - 1: applied to the high 64 bits of the product
    constexpr pow10_reciprocal_table() {
        for (int k = 1; k <= 18; ++k) {
            const auto d = static_cast<uint128_t>(pow10s<std::int64_t>.v[k]);
            int l = 0;
            while ((uint128_t{1} << l) < d)
                ++l;
            multiplier[k] = static_cast<std::uint64_t>((uint128_t{1} << (63 + l)) / d + 1);
            shift[k] = l - 1;
        }
    }
    // The theorem's condition, for every k (a multiplier cut to 64 bits would fail it).
    constexpr bool exact() const {
        for (int k = 1; k <= 18; ++k) {
            const auto d = static_cast<uint128_t>(pow10s<std::int64_t>.v[k]);
            const int l = shift[k] + 1;
            const uint128_t md = multiplier[k] * d, p = uint128_t{1} << (63 + l);
            if ((uint128_t{1} << (l - 1)) >= d || d > (uint128_t{1} << l) || md <= p ||
                md > p + (uint128_t{1} << l))
                return false;
        }
        return true;
    }
};
inline constexpr pow10_reciprocal_table pow10_reciprocals{};
static_assert(pow10_reciprocals.exact());

// v / 10^k rounded by M, for 1 <= k <= 18.
template <rounding_mode M>
constexpr std::int64_t divide_pow10_64(std::int64_t v, int k) noexcept {
    const auto n = static_cast<std::uint64_t>(magnitude(v)); // < 2^63: the range is symmetric
    const auto d = static_cast<std::uint64_t>(pow10s<std::int64_t>.v[k]);
#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
    const auto high = static_cast<std::uint64_t>(
        (static_cast<uint128_t>(n) * pow10_reciprocals.multiplier[k]) >> 64);
#else
    const std::uint64_t high = multiply_u64(n, pow10_reciprocals.multiplier[k]).high;
#endif
    const std::uint64_t q = high >> pow10_reciprocals.shift[k];
    const auto rem = static_cast<std::int64_t>(n - q * d);
    const auto sq = static_cast<std::int64_t>(q);
    return round_truncated<M>(v < 0 ? -sq : sq, rem, static_cast<std::int64_t>(d), v < 0);
}

// v / 10^k rounded by M, for 0 <= k <= max_scale.
template <rounding_mode M, representation R>
constexpr R divide_pow10(R v, int k) noexcept {
    if (k <= 0)
        return v;
    if constexpr (std::is_same_v<R, std::int64_t>) {
        return divide_pow10_64<M>(v, k);
    } else {
        if (v >= -rep_traits<std::int64_t>::max && v <= rep_traits<std::int64_t>::max && k <= 18)
            return divide_pow10_64<M>(static_cast<std::int64_t>(v), k);
        return divide_rounded<M>(v, pow10<R>(k));
    }
}

// The 64-bit division by 10^k for a mode known at run time: the quotient and
// remainder once, then the mode's decision (a switch over seven one-line
// cases, not seven copies of the division), so that it inlines.
[[gnu::always_inline]] constexpr std::int64_t divide_pow10_64(std::int64_t v, int k,
                                                              rounding_mode m) noexcept {
    const auto n = static_cast<std::uint64_t>(magnitude(v)); // < 2^63: the range is symmetric
    const auto d = static_cast<std::uint64_t>(pow10s<std::int64_t>.v[k]);
#if defined(TARIFF_DETAIL_BUILTIN_ARITHMETIC)
    const auto high = static_cast<std::uint64_t>(
        (static_cast<uint128_t>(n) * pow10_reciprocals.multiplier[k]) >> 64);
#else
    const std::uint64_t high = multiply_u64(n, pow10_reciprocals.multiplier[k]).high;
#endif
    const std::uint64_t q = high >> pow10_reciprocals.shift[k];
    const auto rem = static_cast<std::int64_t>(n - q * d);
    const auto sq = static_cast<std::int64_t>(q);
    const std::int64_t t = v < 0 ? -sq : sq, den = static_cast<std::int64_t>(d);
    const bool neg = v < 0;
    switch (m) {
    case rounding_mode::half_even:
        return round_truncated<rounding_mode::half_even>(t, rem, den, neg);
    case rounding_mode::half_up:
        return round_truncated<rounding_mode::half_up>(t, rem, den, neg);
    case rounding_mode::half_down:
        return round_truncated<rounding_mode::half_down>(t, rem, den, neg);
    case rounding_mode::toward_zero:
        return round_truncated<rounding_mode::toward_zero>(t, rem, den, neg);
    case rounding_mode::away_from_zero:
        return round_truncated<rounding_mode::away_from_zero>(t, rem, den, neg);
    case rounding_mode::floor:
        return round_truncated<rounding_mode::floor>(t, rem, den, neg);
    case rounding_mode::ceiling:
        return round_truncated<rounding_mode::ceiling>(t, rem, den, neg);
    }
    return t;
}

// The same for a mode known at run time; m must be valid (see divide_rounded).
template <representation R>
constexpr R divide_pow10(R v, int k, rounding_mode m) noexcept {
    if constexpr (std::is_same_v<R, std::int64_t>) {
        if (k <= 0)
            return v;
        return divide_pow10_64(v, k, m);
    }
    switch (m) {
    case rounding_mode::half_even:
        return divide_pow10<rounding_mode::half_even>(v, k);
    case rounding_mode::half_up:
        return divide_pow10<rounding_mode::half_up>(v, k);
    case rounding_mode::half_down:
        return divide_pow10<rounding_mode::half_down>(v, k);
    case rounding_mode::toward_zero:
        return divide_pow10<rounding_mode::toward_zero>(v, k);
    case rounding_mode::away_from_zero:
        return divide_pow10<rounding_mode::away_from_zero>(v, k);
    case rounding_mode::floor:
        return divide_pow10<rounding_mode::floor>(v, k);
    case rounding_mode::ceiling:
        return divide_pow10<rounding_mode::ceiling>(v, k);
    }
    return v;
}

// ---------------------------------------------------------------------------
// A 512-bit unsigned integer, for the few places where an exact intermediate
// needs more than 128 bits although the result may fit: a * b * num / den
// (a specific duty in a unit with an inexact conversion), and the exact
// comparison of the branches of a duty expression over a common denominator.
// Only what those need: add, subtract, multiply, compare, division by a
// 64-bit divisor. Every operation that can overflow reports it.
struct big_uint {
    static constexpr int limbs = 8;
    std::uint64_t w[limbs]{};

    constexpr big_uint() noexcept = default;
    constexpr explicit big_uint(uint128_t v) noexcept {
        w[0] = static_cast<std::uint64_t>(v);
        w[1] = static_cast<std::uint64_t>(v >> 64);
    }
    constexpr bool is_zero() const noexcept {
        for (int i = 0; i < limbs; ++i)
            if (w[i] != 0)
                return false;
        return true;
    }
    // True (and v set) if the value fits 128 bits.
    constexpr bool to_u128(uint128_t& v) const noexcept {
        for (int i = 2; i < limbs; ++i)
            if (w[i] != 0)
                return false;
        v = (static_cast<uint128_t>(w[1]) << 64) | w[0];
        return true;
    }
};

constexpr int compare(const big_uint& a, const big_uint& b) noexcept {
    for (int i = big_uint::limbs - 1; i >= 0; --i)
        if (a.w[i] != b.w[i])
            return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
}

// a += b; true on overflow.
constexpr bool add_overflows(big_uint& a, const big_uint& b) noexcept {
    uint128_t carry = 0;
    for (int i = 0; i < big_uint::limbs; ++i) {
        const uint128_t t = static_cast<uint128_t>(a.w[i]) + b.w[i] + carry;
        a.w[i] = static_cast<std::uint64_t>(t);
        carry = t >> 64;
    }
    return carry != 0;
}

// a -= b, for a >= b.
constexpr void subtract(big_uint& a, const big_uint& b) noexcept {
    std::uint64_t borrow = 0;
    for (int i = 0; i < big_uint::limbs; ++i) {
        const std::uint64_t x = a.w[i], y = b.w[i];
        const std::uint64_t d = x - y - borrow;
        borrow = (x < y || (x == y && borrow != 0)) ? 1 : 0;
        a.w[i] = d;
    }
}

// a *= m; true on overflow.
constexpr bool mul_overflows(big_uint& a, std::uint64_t m) noexcept {
    uint128_t carry = 0;
    for (int i = 0; i < big_uint::limbs; ++i) {
        const uint128_t t = static_cast<uint128_t>(a.w[i]) * m + carry;
        a.w[i] = static_cast<std::uint64_t>(t);
        carry = t >> 64;
    }
    return carry != 0;
}

// a *= m for a 128-bit m; true on overflow.
constexpr bool mul_overflows(big_uint& a, uint128_t m) noexcept {
    big_uint low = a, high = a;
    if (mul_overflows(low, static_cast<std::uint64_t>(m)) ||
        mul_overflows(high, static_cast<std::uint64_t>(m >> 64)) ||
        high.w[big_uint::limbs - 1] != 0)
        return true;
    for (int i = big_uint::limbs - 1; i > 0; --i) // high * 2^64
        high.w[i] = high.w[i - 1];
    high.w[0] = 0;
    a = low;
    return add_overflows(a, high);
}

// a *= 10^k; true on overflow.
constexpr bool scale_up_overflows(big_uint& a, int k) noexcept {
    for (; k > 0; k -= 18)
        if (mul_overflows(a, static_cast<std::uint64_t>(pow10<std::int64_t>(k < 18 ? k : 18))))
            return true;
    return false;
}

// a /= d (d > 0); returns the remainder.
constexpr std::uint64_t divide(big_uint& a, std::uint64_t d) noexcept {
    uint128_t rem = 0;
    for (int i = big_uint::limbs - 1; i >= 0; --i) {
        const uint128_t cur = (rem << 64) | a.w[i];
        a.w[i] = static_cast<std::uint64_t>(cur / d);
        rem = cur % d;
    }
    return static_cast<std::uint64_t>(rem);
}

// q = n / d and r = n % d (d != 0, d < 2^511), by binary long division.
constexpr void divide(const big_uint& n, const big_uint& d, big_uint& q, big_uint& r) noexcept {
    q = big_uint{};
    r = big_uint{};
    for (int bit = big_uint::limbs * 64 - 1; bit >= 0; --bit) {
        for (int i = big_uint::limbs - 1; i > 0; --i) // r = 2r + the next bit of n
            r.w[i] = (r.w[i] << 1) | (r.w[i - 1] >> 63);
        r.w[0] = (r.w[0] << 1) | ((n.w[bit / 64] >> (bit % 64)) & 1);
        if (compare(r, d) >= 0) {
            subtract(r, d);
            q.w[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }
}

// Whether the magnitude q of a truncated quotient moves one away from zero
// when rounded by mode m (valid), given the remainder r of a division by d
// and the sign of the exact quotient.
constexpr bool rounds_away(const big_uint& q, const big_uint& r, const big_uint& d, bool negative,
                           rounding_mode m) noexcept {
    if (r.is_zero())
        return false;
    big_uint twice = r;
    (void)add_overflows(twice, r); // r < d < 2^511
    const int c = compare(twice, d);
    // The rest as 1, 3 or 4 sixths (below, at or above a half) after q's
    // parity: rounding odd * 6 + sixths over 6 decides as the whole would.
    const std::int64_t odd = static_cast<std::int64_t>(q.w[0] & 1);
    const std::int64_t sixths = c < 0 ? 1 : c == 0 ? 3 : 4;
    const std::int64_t v = divide_rounded<std::int64_t>(
        negative ? -(odd * 6 + sixths) : odd * 6 + sixths, std::int64_t{6}, m);
    return magnitude(v) != odd;
}

constexpr std::uint64_t gcd_u64(std::uint64_t a, std::uint64_t b) noexcept {
    while (b != 0) {
        const std::uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// The lcm of a and b (both > 0); false if it does not fit 64 bits.
constexpr bool lcm_u64(std::uint64_t a, std::uint64_t b, std::uint64_t& out) noexcept {
    const std::uint64_t g = gcd_u64(a, b);
    return !unsigned_mul_overflows(a / g, b, out);
}

// The magnitude of a representation value, as an unsigned 128-bit integer
// (no value of the symmetric range overflows).
template <representation R>
constexpr uint128_t unsigned_magnitude(R v) noexcept {
    return static_cast<uint128_t>(v < 0 ? -v : v);
}

// The outcome of converting an exact rational n / (den * 10^scale) to a
// decimal of representation R (see big_to_decimal).
template <representation R>
struct big_decimal_parts {
    errc error = errc::ok;
    R coefficient = 0;
    int scale = 0;
};

// n / (den * 10^scale), negated if `negative`, as a coefficient and a scale
// with no more places than the exact value needs beyond `scale` (trailing
// zeros are dropped only where that is what it takes to fit). errc::inexact
// if the value has no finite decimal form; errc::overflow if it has one that
// the representation cannot hold (too large, or more than max_scale places).
// den > 0, 0 <= scale.
template <representation R>
constexpr big_decimal_parts<R> big_to_decimal(big_uint n, bool negative, std::uint64_t den,
                                              int scale) noexcept {
    big_decimal_parts<R> out;
    // n / den has a finite decimal form iff den / gcd(n, den) is 2^a * 5^b;
    // then n * 10^j / den, with j = max(a, b), is the integer
    // (n / g) * 2^(j - a) * 5^(j - b), and no smaller j makes one.
    big_uint rest_of_n = n;
    const std::uint64_t r = divide(rest_of_n, den); // only the remainder is needed
    const std::uint64_t g = r == 0 ? den : gcd_u64(r, den);
    std::uint64_t rest = den / g;
    int twos = 0, fives = 0;
    for (; rest % 2 == 0; rest /= 2)
        ++twos;
    for (; rest % 5 == 0; rest /= 5)
        ++fives;
    if (rest != 1) {
        out.error = errc::inexact;
        return out;
    }
    const int j = twos > fives ? twos : fives;
    (void)divide(n, g); // exact: g divides n
    for (int i = twos; i < j; ++i)
        if (mul_overflows(n, std::uint64_t{2})) {
            out.error = errc::overflow;
            return out;
        }
    for (int i = fives; i < j; ++i)
        if (mul_overflows(n, std::uint64_t{5})) {
            out.error = errc::overflow;
            return out;
        }
    int s = scale + j;
    // Drop trailing zeros while the value does not fit.
    auto fits = [&] {
        uint128_t v = 0;
        return s <= rep_traits<R>::max_scale && n.to_u128(v) &&
               v <= static_cast<uint128_t>(rep_traits<R>::max);
    };
    while (!fits() && s > 0) {
        big_uint q = n;
        if (divide(q, 10) != 0)
            break;
        n = q;
        --s;
    }
    if (!fits()) {
        out.error = errc::overflow;
        return out;
    }
    uint128_t v = 0;
    (void)n.to_u128(v);
    out.coefficient = negative ? -static_cast<R>(v) : static_cast<R>(v);
    out.scale = s;
    return out;
}

} // namespace detail
} // namespace tariff
