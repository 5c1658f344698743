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

#include "../rounding.hpp"

namespace tariff {

#if defined(__SIZEOF_INT128__)
// __extension__ keeps -Wpedantic quiet: the type is a GCC/Clang extension.
__extension__ typedef __int128 int128_t;
__extension__ typedef unsigned __int128 uint128_t;
#define TARIFF_HAS_INT128 1
#else
#error "tariff needs a compiler with a 128-bit integer type (GCC or Clang on a 64-bit target)"
#endif

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

// Each returns true on overflow, like the builtins, and also rejects the
// excluded most negative value.
template <representation R>
constexpr bool add_overflows(R a, R b, R& out) noexcept {
    return __builtin_add_overflow(a, b, &out) || !in_range(out);
}
template <representation R>
constexpr bool sub_overflows(R a, R b, R& out) noexcept {
    return __builtin_sub_overflow(a, b, &out) || !in_range(out);
}
template <representation R>
constexpr bool mul_overflows(R a, R b, R& out) noexcept {
    return __builtin_mul_overflow(a, b, &out) || !in_range(out);
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

// num / den rounded by mode M. den != 0; neither operand is the most negative
// value of its type (guaranteed by the symmetric range). The single place
// where the library decides how a remainder rounds.
template <rounding_mode M, class R>
constexpr R divide_rounded(R num, R den) noexcept {
    const R q = num / den;
    const R r = num % den;
    if (r == 0)
        return q;
    const bool negative = (num < 0) != (den < 0);
    const R away = negative ? q - 1 : q + 1;
    if constexpr (M == rounding_mode::toward_zero) {
        return q;
    } else if constexpr (M == rounding_mode::away_from_zero) {
        return away;
    } else if constexpr (M == rounding_mode::floor) {
        return negative ? away : q;
    } else if constexpr (M == rounding_mode::ceiling) {
        return negative ? q : away;
    } else {
        const R rem = magnitude(r);
        const R rest = magnitude(den) - rem; // distance to the next multiple
        if (rem > rest)
            return away;
        if (rem < rest)
            return q;
        if constexpr (M == rounding_mode::half_up) {
            return away;
        } else if constexpr (M == rounding_mode::half_down) {
            return q;
        } else {
            static_assert(M == rounding_mode::half_even);
            return (q % 2 == 0) ? q : away;
        }
    }
}

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

// v / 10^k rounded by M, for 0 <= k <= max_scale. For 64-bit values each k gets its own branch with
// a constant divisor, which the compiler turns into a multiply: this keeps the common "round to the
// cent" path as fast as hand-written code.
template <rounding_mode M, std::size_t... K>
constexpr std::int64_t divide_pow10_64(std::int64_t v, int k, std::index_sequence<K...>) noexcept {
    std::int64_t out = v;
    (void)((k == static_cast<int>(K) &&
            (out = divide_rounded<M>(v, pow10s<std::int64_t>.v[K]), true)) ||
           ...);
    return out;
}

template <rounding_mode M, representation R>
constexpr R divide_pow10(R v, int k) noexcept {
    if (k <= 0)
        return v;
    if constexpr (std::is_same_v<R, std::int64_t>) {
        return divide_pow10_64<M>(v, k, std::make_index_sequence<19>{});
    } else {
        if (v >= -rep_traits<std::int64_t>::max && v <= rep_traits<std::int64_t>::max && k <= 18)
            return divide_pow10_64<M>(static_cast<std::int64_t>(v), k,
                                      std::make_index_sequence<19>{});
        return divide_rounded<M>(v, pow10<R>(k));
    }
}

template <representation R>
constexpr R divide_pow10(R v, int k, rounding_mode m) noexcept {
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

} // namespace detail
} // namespace tariff
