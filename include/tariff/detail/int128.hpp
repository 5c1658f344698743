// tariff/detail/int128.hpp: a portable 128-bit integer, for compilers without
// __int128 (MSVC, 32-bit targets) or when TARIFF_PORTABLE_ARITHMETIC is defined.
//
// Two 64-bit halves in two's complement; every operation is constexpr and
// uses only standard C++ (no compiler builtins). It behaves like the built-in
// type for what the library does with it: + - * / % (wrapping like unsigned
// arithmetic; the library checks for overflow before it matters), comparisons,
// shifts by 0..127, bitwise operations, negation, and conversions from and to
// the built-in integer types (from: implicit; to: explicit, keeping the low
// bits, as a static_cast of the built-in type does).
#pragma once

#include <bit>
#include <compare>
#include <concepts>
#include <cstdint>
#include <type_traits>

// A namespace of its own: argument-dependent lookup on basic_decimal<int128_t>
// then finds only these operators, not the rest of tariff::detail.
namespace tariff::detail::int128_impl {

// The full 128-bit product of two 64-bit values, from 32-bit limbs.
struct u64_product {
    std::uint64_t high;
    std::uint64_t low;
};
constexpr u64_product multiply_u64(std::uint64_t a, std::uint64_t b) noexcept {
    const std::uint64_t a0 = a & 0xffff'ffffu, a1 = a >> 32;
    const std::uint64_t b0 = b & 0xffff'ffffu, b1 = b >> 32;
    const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    // The middle column: at most 3 * (2^32 - 1), no overflow of 64 bits.
    const std::uint64_t mid = (p00 >> 32) + (p01 & 0xffff'ffffu) + (p10 & 0xffff'ffffu);
    return {p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xffff'ffffu)};
}

template <bool Signed>
class wide_int {
public:
    constexpr wide_int() noexcept = default;

    // From a built-in integer: sign-extended if it is signed.
    template <std::integral I>
    constexpr wide_int(I v) noexcept // NOLINT: implicit, as for the built-in type
        : lo_(static_cast<std::uint64_t>(v)), hi_(sign_fill(v)) {}

    // From the other signedness: the same bits, as a static_cast does.
    template <bool S2>
    requires(S2 != Signed) constexpr explicit wide_int(wide_int<S2> v) noexcept
        : lo_(v.low()), hi_(v.high()) {}

    static constexpr wide_int from_halves(std::uint64_t high, std::uint64_t low) noexcept {
        wide_int r;
        r.hi_ = high;
        r.lo_ = low;
        return r;
    }

    constexpr std::uint64_t low() const noexcept { return lo_; }
    constexpr std::uint64_t high() const noexcept { return hi_; }

    // To a built-in integer: the low bits (modular, like the built-in cast).
    template <std::integral I>
    requires(!std::same_as<I, bool>) constexpr explicit operator I() const noexcept {
        return static_cast<I>(lo_);
    }
    constexpr explicit operator bool() const noexcept { return (lo_ | hi_) != 0; }

    constexpr bool is_negative() const noexcept { return Signed && (hi_ >> 63) != 0; }

    // Arithmetic (modulo 2^128, as unsigned; the library checks before it).
    friend constexpr wide_int operator+(wide_int a, wide_int b) noexcept {
        const std::uint64_t low = a.lo_ + b.lo_;
        return from_halves(a.hi_ + b.hi_ + (low < a.lo_ ? 1 : 0), low);
    }
    friend constexpr wide_int operator-(wide_int a, wide_int b) noexcept {
        const std::uint64_t low = a.lo_ - b.lo_;
        return from_halves(a.hi_ - b.hi_ - (a.lo_ < b.lo_ ? 1 : 0), low);
    }
    constexpr wide_int operator-() const noexcept { return wide_int{} - *this; }
    constexpr wide_int operator+() const noexcept { return *this; }
    friend constexpr wide_int operator*(wide_int a, wide_int b) noexcept {
        const u64_product p = multiply_u64(a.lo_, b.lo_);
        return from_halves(p.high + a.lo_ * b.hi_ + a.hi_ * b.lo_, p.low);
    }
    // Truncated toward zero, like the built-in division; b != 0.
    friend constexpr wide_int operator/(wide_int a, wide_int b) noexcept {
        wide_int q, r;
        divmod(a, b, q, r);
        return q;
    }
    // The sign of the dividend, like the built-in remainder; b != 0.
    friend constexpr wide_int operator%(wide_int a, wide_int b) noexcept {
        wide_int q, r;
        divmod(a, b, q, r);
        return r;
    }

    friend constexpr wide_int operator&(wide_int a, wide_int b) noexcept {
        return from_halves(a.hi_ & b.hi_, a.lo_ & b.lo_);
    }
    friend constexpr wide_int operator|(wide_int a, wide_int b) noexcept {
        return from_halves(a.hi_ | b.hi_, a.lo_ | b.lo_);
    }
    friend constexpr wide_int operator^(wide_int a, wide_int b) noexcept {
        return from_halves(a.hi_ ^ b.hi_, a.lo_ ^ b.lo_);
    }
    constexpr wide_int operator~() const noexcept { return from_halves(~hi_, ~lo_); }
    constexpr bool operator!() const noexcept { return (lo_ | hi_) == 0; }

    // Shifts by 0 <= n < 128 (as for the built-in type, others are undefined).
    template <std::integral I>
    friend constexpr wide_int operator<<(wide_int a, I count) noexcept {
        const int n = static_cast<int>(count);
        if (n == 0)
            return a;
        if (n >= 64)
            return from_halves(a.lo_ << (n - 64), 0);
        return from_halves((a.hi_ << n) | (a.lo_ >> (64 - n)), a.lo_ << n);
    }
    // Arithmetic (sign-filling) for the signed type, logical for the unsigned.
    template <std::integral I>
    friend constexpr wide_int operator>>(wide_int a, I count) noexcept {
        const int n = static_cast<int>(count);
        const std::uint64_t fill = a.is_negative() ? ~std::uint64_t{0} : 0;
        if (n == 0)
            return a;
        if (n >= 64) {
            const int m = n - 64;
            const std::uint64_t low = m == 0 ? a.hi_ : (a.hi_ >> m) | (fill << (64 - m));
            return from_halves(fill, low);
        }
        return from_halves((a.hi_ >> n) | (fill << (64 - n)), (a.lo_ >> n) | (a.hi_ << (64 - n)));
    }

    friend constexpr bool operator==(wide_int a, wide_int b) noexcept {
        return a.lo_ == b.lo_ && a.hi_ == b.hi_;
    }
    friend constexpr std::strong_ordering operator<=>(wide_int a, wide_int b) noexcept {
        if (a.hi_ != b.hi_) {
            if constexpr (Signed)
                return static_cast<std::int64_t>(a.hi_) <=> static_cast<std::int64_t>(b.hi_);
            else
                return a.hi_ <=> b.hi_;
        }
        return a.lo_ <=> b.lo_;
    }

    constexpr wide_int& operator+=(wide_int b) noexcept { return *this = *this + b; }
    constexpr wide_int& operator-=(wide_int b) noexcept { return *this = *this - b; }
    constexpr wide_int& operator*=(wide_int b) noexcept { return *this = *this * b; }
    constexpr wide_int& operator/=(wide_int b) noexcept { return *this = *this / b; }
    constexpr wide_int& operator%=(wide_int b) noexcept { return *this = *this % b; }
    constexpr wide_int& operator&=(wide_int b) noexcept { return *this = *this & b; }
    constexpr wide_int& operator|=(wide_int b) noexcept { return *this = *this | b; }
    constexpr wide_int& operator^=(wide_int b) noexcept { return *this = *this ^ b; }
    template <std::integral I>
    constexpr wide_int& operator<<=(I n) noexcept {
        return *this = *this << n;
    }
    template <std::integral I>
    constexpr wide_int& operator>>=(I n) noexcept {
        return *this = *this >> n;
    }
    constexpr wide_int& operator++() noexcept { return *this += 1; }
    constexpr wide_int& operator--() noexcept { return *this -= 1; }
    constexpr wide_int operator++(int) noexcept {
        const wide_int old = *this;
        *this += 1;
        return old;
    }
    constexpr wide_int operator--(int) noexcept {
        const wide_int old = *this;
        *this -= 1;
        return old;
    }

private:
    template <std::integral I>
    static constexpr std::uint64_t sign_fill(I v) noexcept {
        if constexpr (std::is_signed_v<I>)
            return v < 0 ? ~std::uint64_t{0} : 0;
        else
            return 0;
    }
    // Unsigned n / d and n % d (d != 0).
    static constexpr void divmod_unsigned(wide_int n, wide_int d, wide_int& q,
                                          wide_int& r) noexcept {
        if (n.hi_ == 0 && d.hi_ == 0) { // the common case: native 64-bit division
            q = from_halves(0, n.lo_ / d.lo_);
            r = from_halves(0, n.lo_ % d.lo_);
            return;
        }
        if (d.hi_ == 0) { // a 64-bit divisor: the high half, then (remainder:low) / d
            std::uint64_t rem = 0;
            const std::uint64_t high = n.hi_ / d.lo_;
            const std::uint64_t low = divide_u128_by_u64(n.hi_ % d.lo_, n.lo_, d.lo_, rem);
            q = from_halves(high, low);
            r = from_halves(0, rem);
            return;
        }
        q = wide_int{};
        r = n;
        if (r < d)
            return;
        // Binary long division from the divisor's highest useful position.
        const int shift = count_leading_zeros(d) - count_leading_zeros(n);
        wide_int ds = d << shift;
        for (int i = shift; i >= 0; --i) {
            if (!(r < ds)) {
                r -= ds;
                q |= wide_int{1} << i;
            }
            ds = ds >> 1;
        }
    }
    // (u1 * 2^64 + u0) / v for u1 < v (so that the quotient fits 64 bits),
    // and the remainder: long division by 32-bit digits after normalizing v
    // (Knuth's algorithm D for two digits; Warren, Hacker's Delight, 2nd ed.,
    // section 9-4, divlu).
    static constexpr std::uint64_t divide_u128_by_u64(std::uint64_t u1, std::uint64_t u0,
                                                      std::uint64_t v,
                                                      std::uint64_t& rem) noexcept {
        constexpr std::uint64_t b = std::uint64_t{1} << 32;
        const int s = std::countl_zero(v);
        v <<= s;
        const std::uint64_t vn1 = v >> 32, vn0 = v & 0xffff'ffffu;
        const std::uint64_t un32 = s == 0 ? u1 : (u1 << s) | (u0 >> (64 - s));
        const std::uint64_t un10 = u0 << s;
        const std::uint64_t un1 = un10 >> 32, un0 = un10 & 0xffff'ffffu;
        std::uint64_t q1 = un32 / vn1, rhat = un32 - q1 * vn1;
        while (q1 >= b || q1 * vn0 > b * rhat + un1) { // at most twice
            --q1;
            rhat += vn1;
            if (rhat >= b)
                break;
        }
        const std::uint64_t un21 = un32 * b + un1 - q1 * v; // modulo 2^64: the true value is < v
        std::uint64_t q0 = un21 / vn1;
        rhat = un21 - q0 * vn1;
        while (q0 >= b || q0 * vn0 > b * rhat + un0) {
            --q0;
            rhat += vn1;
            if (rhat >= b)
                break;
        }
        rem = (un21 * b + un0 - q0 * v) >> s;
        return q1 * b + q0;
    }
    static constexpr int count_leading_zeros(wide_int v) noexcept {
        return v.hi_ != 0 ? std::countl_zero(v.hi_) : 64 + std::countl_zero(v.lo_);
    }
    static constexpr void divmod(wide_int a, wide_int b, wide_int& q, wide_int& r) noexcept {
        if constexpr (!Signed) {
            divmod_unsigned(a, b, q, r);
        } else {
            const bool na = a.is_negative(), nb = b.is_negative();
            using U = wide_int<false>;
            const wide_int ma = na ? -a : a, mb = nb ? -b : b; // 2^127 stays right as unsigned
            U uq, ur;
            U::divmod_unsigned(U(ma), U(mb), uq, ur);
            q = na != nb ? -wide_int(uq) : wide_int(uq);
            r = na ? -wide_int(ur) : wide_int(ur);
        }
    }
    template <bool>
    friend class wide_int;

    std::uint64_t lo_ = 0;
    std::uint64_t hi_ = 0;
};

} // namespace tariff::detail::int128_impl

namespace tariff::detail {
using int128_impl::multiply_u64;
using int128_impl::u64_product;
using portable_int128 = int128_impl::wide_int<true>;
using portable_uint128 = int128_impl::wide_int<false>;
} // namespace tariff::detail
