// tariff/decimal.hpp: the exact decimal number every other type is built on.
//
// A basic_decimal<Rep> is coefficient * 10^-scale, with
//   Rep = std::int64_t (tariff::decimal):      |coefficient| <= 2^63 - 1, 0 <= scale <= 18
//   Rep = 128-bit      (tariff::wide_decimal): |coefficient| <= 2^127 - 1, 0 <= scale <= 38
// So tariff::decimal holds about +-9.2e16 at 2 decimals and +-9.2e12 at 6;
// wide_decimal about +-1.7e34 at 4 decimals. The scale travels with the value,
// so 40000.00 * 0.061 is exactly 2440.00000 and nothing is rounded unless a
// function with a rounding mode is called. Values compare by value:
// 1.5 == 1.50. Every operation is checked (see error.hpp).
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <string_view>

#include "detail/integer.hpp"
#include "detail/mistake.hpp"
#include "error.hpp"
#include "rounding.hpp"

namespace tariff {

template <detail::representation Rep>
class basic_decimal;

using decimal = basic_decimal<std::int64_t>;
using wide_decimal = basic_decimal<int128_t>;

namespace mistake {
struct from_parts_takes_integers__a_coefficient_and_a_scale {};
struct a_decimal_cannot_be_made_from_binary_floating_point__write_6_1_dec {};
struct a_decimal_cannot_be_made_from_a_character_or_bool__write_5_or_5_0_dec {};
} // namespace mistake

template <detail::representation Rep>
class basic_decimal {
public:
    using rep = Rep;
    static constexpr int max_scale = detail::rep_traits<Rep>::max_scale;

    constexpr basic_decimal() noexcept = default;

    // Integers convert exactly (implicitly: an integer is already exact).
    template <detail::exact_integer I>
    constexpr basic_decimal(I v) : coefficient_(checked_integer(v)) {}
    // '5' is 53 and true is 1: neither is the number meant.
    template <class T>
    requires(detail::character_type<T> || std::same_as<T, bool>) basic_decimal(
        T, mistake::a_decimal_cannot_be_made_from_a_character_or_bool__write_5_or_5_0_dec = {})
    TARIFF_DETAIL_REJECT("tariff: a decimal cannot be made from a character or a bool ('5' is 53); "
                         "write 5 or 5.0_dec");

    template <std::floating_point F>
    basic_decimal(F,
                  mistake::a_decimal_cannot_be_made_from_binary_floating_point__write_6_1_dec = {})
        TARIFF_DETAIL_REJECT("tariff: a decimal cannot be made from binary floating point, which "
                             "cannot hold most decimal fractions exactly; write a literal such as "
                             "6.1_dec or call tariff::parse_decimal(\"6.1\")");

    // A narrower decimal widens implicitly; a wider one narrows only
    // explicitly, and raises errc::overflow if it does not fit.
    template <detail::representation R2>
    requires(!std::same_as<R2, Rep>) constexpr explicit(sizeof(R2) > sizeof(Rep))
        basic_decimal(basic_decimal<R2> other)
        : basic_decimal(from_parts_checked(other.coefficient(), other.scale()).value()) {}

    // coefficient * 10^-scale; errc::overflow if scale is outside [0, max_scale]
    // or the coefficient is the excluded most negative value.
    static constexpr result<basic_decimal> try_from_parts(Rep coefficient, int scale) noexcept {
        if (scale < 0 || scale > max_scale || !detail::in_range(coefficient))
            return errc::overflow;
        basic_decimal d;
        d.coefficient_ = coefficient;
        d.scale_ = scale;
        return d;
    }
    static constexpr basic_decimal from_parts(Rep coefficient, int scale) {
        return try_from_parts(coefficient, scale).value();
    }
    // An unsigned coefficient as wide as Rep would wrap to a negative one on
    // conversion (2^64 - 1 would be -1): checked instead, errc::overflow.
    template <std::unsigned_integral U>
    requires(
        detail::exact_integer<U> &&
        sizeof(U) >=
            sizeof(Rep)) static constexpr result<basic_decimal> try_from_parts(U coefficient,
                                                                               int scale) noexcept {
        if (coefficient > static_cast<U>(detail::rep_traits<Rep>::max))
            return errc::overflow;
        return try_from_parts(static_cast<Rep>(coefficient), scale);
    }
    template <std::unsigned_integral U>
    requires(detail::exact_integer<U> && sizeof(U) >= sizeof(Rep)) static constexpr basic_decimal
        from_parts(U coefficient, int scale) {
        return try_from_parts(coefficient, scale).value();
    }
    // from_parts(1.5, 1) or from_parts('5', 0) would convert silently: not compiled.
    template <class C, class S>
    requires(detail::wide_integer<C> &&
             sizeof(C) >
                 sizeof(Rep)) static mistake::from_parts_takes_integers__a_coefficient_and_a_scale
        try_from_parts(C, S)
            TARIFF_DETAIL_REJECT("tariff: from_parts would narrow this coefficient to the "
                                 "decimal's 64-bit representation; use wide_decimal::from_parts");
    template <class C, class S>
    requires(detail::wide_integer<C> &&
             sizeof(C) >
                 sizeof(Rep)) static mistake::from_parts_takes_integers__a_coefficient_and_a_scale
        from_parts(C, S)
            TARIFF_DETAIL_REJECT("tariff: from_parts would narrow this coefficient to the "
                                 "decimal's 64-bit representation; use wide_decimal::from_parts");
    template <class C, class S>
    requires(detail::not_an_integer<C> ||
             detail::not_an_integer<
                 S>) static mistake::from_parts_takes_integers__a_coefficient_and_a_scale
        try_from_parts(C, S) TARIFF_DETAIL_REJECT(
            "tariff: from_parts(coefficient, scale) takes two integers, not binary floating point, "
            "a character or a bool; parse \"1.5\" or write 1.5_dec");
    template <class C, class S>
    requires(detail::not_an_integer<C> ||
             detail::not_an_integer<
                 S>) static mistake::from_parts_takes_integers__a_coefficient_and_a_scale
        from_parts(C, S) TARIFF_DETAIL_REJECT(
            "tariff: from_parts(coefficient, scale) takes two integers, not binary floating point, "
            "a character or a bool; parse \"1.5\" or write 1.5_dec");

    constexpr Rep coefficient() const noexcept { return coefficient_; }
    constexpr int scale() const noexcept { return scale_; }

    constexpr basic_decimal operator+() const noexcept { return *this; }
    constexpr basic_decimal operator-() const noexcept {
        basic_decimal d = *this;
        d.coefficient_ = -coefficient_; // cannot overflow: the range is symmetric
        return d;
    }

private:
    template <class I>
    static constexpr result<basic_decimal> from_parts_checked(I c, int s) noexcept {
        constexpr auto max = detail::rep_traits<Rep>::max;
        auto fits = [&] {
            return static_cast<int128_t>(c) >= -static_cast<int128_t>(max) &&
                   static_cast<int128_t>(c) <= static_cast<int128_t>(max) && s <= max_scale;
        };
        // Trailing zeros carry no value: 10^19 * 10^-2 narrows to 10^17 * 10^0.
        while (!fits() && s > 0 && c % 10 == 0) {
            c /= 10;
            --s;
        }
        if (!fits())
            return errc::overflow;
        return try_from_parts(static_cast<Rep>(c), s);
    }

    template <class I>
    static constexpr Rep checked_integer(I v) {
        constexpr auto max = detail::rep_traits<Rep>::max;
        if constexpr (std::is_signed_v<I>) {
            if (static_cast<int128_t>(v) < -static_cast<int128_t>(max) ||
                static_cast<int128_t>(v) > static_cast<int128_t>(max))
                detail::raise(errc::overflow);
        } else {
            if (static_cast<uint128_t>(v) > static_cast<uint128_t>(max))
                detail::raise(errc::overflow);
        }
        return static_cast<Rep>(v);
    }

    Rep coefficient_ = 0;
    int scale_ = 0;
};

namespace detail {

template <class T>
struct is_decimal : std::false_type {};
template <class R>
struct is_decimal<basic_decimal<R>> : std::true_type {};

// Brings a and b to the same scale (the larger). false if that overflows.
template <representation R>
constexpr bool align(basic_decimal<R> a, basic_decimal<R> b, R& ca, R& cb, int& scale) noexcept {
    ca = a.coefficient();
    cb = b.coefficient();
    scale = a.scale();
    if (a.scale() < b.scale()) {
        scale = b.scale();
        return !scale_up_overflows(ca, b.scale() - a.scale(), ca);
    }
    if (b.scale() < a.scale())
        return !scale_up_overflows(cb, a.scale() - b.scale(), cb);
    return true;
}

// Removes trailing zeros from the coefficient (1.2300 -> 1.23).
template <representation R>
constexpr basic_decimal<R> normalize(basic_decimal<R> d) noexcept {
    R c = d.coefficient();
    int s = d.scale();
    while (s > 0 && c % 10 == 0) {
        c /= 10;
        --s;
    }
    return basic_decimal<R>::try_from_parts(c, s).value_or(d);
}

// Cold, so kept out of line: otherwise GCC inlines it back into its one caller,
// which is then too large to inline where it is called.
template <representation R>
[[gnu::cold]] constexpr result<basic_decimal<R>> add_slow(basic_decimal<R> a,
                                                          basic_decimal<R> b) noexcept;

// The sum has the larger of the two scales; trailing zeros are dropped only
// when that is what it takes to fit (92233720368547758.07 + 0.93 is
// 92233720368547759.0: its coefficient at 2 places would overflow).
template <representation R>
constexpr result<basic_decimal<R>> add(basic_decimal<R> a, basic_decimal<R> b) noexcept {
    R sum;
    if (a.scale() == b.scale() && !add_overflows(a.coefficient(), b.coefficient(), sum))
        return basic_decimal<R>::try_from_parts(sum, a.scale()); // the common case
    return add_slow(a, b);
}

// The rest of add, in its own function so that add itself stays small enough
// to be inlined wherever it is called.
template <representation R>
constexpr result<basic_decimal<R>> add_slow(basic_decimal<R> a, basic_decimal<R> b) noexcept {
    R ca, cb, sum;
    int s;
    if (align(a, b, ca, cb, s) && !add_overflows(ca, cb, sum))
        return basic_decimal<R>::try_from_parts(sum, s);
    // With a the operand with fewer places (d fewer), the exact
    // coefficient is ca * 10^d + cb = h * 10^d + r, where h = ca + cb / 10^d and
    // |r| = |cb % 10^d| < 10^d: formed so that no step overflows unless the
    // result does, even when rescaling ca alone would (1e17 + -0.5e17).
    if (a.scale() > b.scale())
        std::swap(a, b);
    const int d = b.scale() - a.scale();
    const R unit = pow10<R>(d);
    R h, r = b.coefficient() % unit;
    if (add_overflows(a.coefficient(), b.coefficient() / unit, h)) {
        // |h| lies between max and 2 * max, so only h / 10 (one place fewer
        // than a has) can fit, if r == 0 and h ends in 0.
        const R low = a.coefficient() % 10 + b.coefficient() / unit % 10;
        if (r != 0 || a.scale() == 0 || low % 10 != 0)
            return errc::overflow;
        return basic_decimal<R>::try_from_parts(
            a.coefficient() / 10 + b.coefficient() / unit / 10 + low / 10, a.scale() - 1);
    }
    if (h > 0 && r < 0) { // give h and r one sign, so |h * 10^d + r| >= |h| * 10^d
        --h;
        r += unit;
    } else if (h < 0 && r > 0) {
        ++h;
        r -= unit;
    }
    // Drop the fewest trailing zeros (j) that make h * 10^(d-j) + r / 10^j fit.
    for (int j = 0; j <= d && r % pow10<R>(j) == 0; ++j) {
        if (!scale_up_overflows(h, d - j, sum) && !add_overflows(sum, r / pow10<R>(j), sum))
            return basic_decimal<R>::try_from_parts(sum, b.scale() - j);
    }
    return errc::overflow;
}

// Cold, so kept out of line: otherwise GCC inlines it back into its one caller,
// which is then too large to inline where it is called.
template <representation R>
[[gnu::cold]] constexpr result<basic_decimal<R>> multiply_slow(basic_decimal<R> a,
                                                               basic_decimal<R> b) noexcept;

template <representation R>
constexpr result<basic_decimal<R>> multiply(basic_decimal<R> a, basic_decimal<R> b) noexcept {
    R p;
    const int s = a.scale() + b.scale();
    if (!mul_overflows(a.coefficient(), b.coefficient(), p) && s <= rep_traits<R>::max_scale)
        return basic_decimal<R>::try_from_parts(p, s);
    return multiply_slow(a, b);
}

// The rest of multiply, in its own function so that multiply itself stays
// small enough to be inlined wherever it is called.
template <representation R>
constexpr result<basic_decimal<R>> multiply_slow(basic_decimal<R> a, basic_decimal<R> b) noexcept {
    R p;
    const int s = a.scale() + b.scale();
    // The product has too many digits or places. Its trailing zeros
    // carry no value: drop the fewest (j) that make it fit. They need not come
    // from the operands (5^27 * 10^-18 times 2^27 * 10^-18 is 10^-9), so take
    // every factor 2 and 5 out of the operands and form the product / 10^j
    // from what is left: each partial product is no larger than the result.
    if (a.coefficient() == 0 || b.coefficient() == 0)
        return basic_decimal<R>::try_from_parts(0, rep_traits<R>::max_scale);
    R ca = a.coefficient(), cb = b.coefficient();
    int twos = 0, fives = 0;
    auto take_out = [&](R& c) {
        for (; c % 2 == 0; c /= 2)
            ++twos;
        for (; c % 5 == 0; c /= 5)
            ++fives;
    };
    take_out(ca);
    take_out(cb);
    if (mul_overflows(ca, cb, p))
        return errc::overflow;
    for (int j = s > rep_traits<R>::max_scale ? s - rep_traits<R>::max_scale : 0;
         j <= s && j <= twos && j <= fives; ++j) {
        R q = p;
        bool overflow = false;
        for (int i = j; i < twos && !overflow; ++i)
            overflow = mul_overflows(q, R{2}, q);
        for (int i = j; i < fives && !overflow; ++i)
            overflow = mul_overflows(q, R{5}, q);
        if (!overflow)
            return basic_decimal<R>::try_from_parts(q, s - j);
    }
    return errc::overflow;
}

// d rounded to `scale` decimal places (no change if it has no more than that).
// errc::invalid_argument for a negative scale or a mode that is not one
// (is_valid), even where nothing would be rounded.
template <representation R>
constexpr result<basic_decimal<R>> round_to_scale(basic_decimal<R> d, int scale,
                                                  rounding_mode mode) noexcept {
    if (scale < 0 || !is_valid(mode))
        return errc::invalid_argument;
    if (d.scale() <= scale)
        return d;
    return basic_decimal<R>::try_from_parts(divide_pow10(d.coefficient(), d.scale() - scale, mode),
                                            scale);
}

// a / b rounded to `scale` decimal places.
template <representation R>
constexpr result<basic_decimal<R>> divide(basic_decimal<R> a, basic_decimal<R> b, int scale,
                                          rounding_mode mode) noexcept {
    if (!is_valid(mode) || scale < 0 || scale > rep_traits<R>::max_scale)
        return errc::invalid_argument;
    if (b.coefficient() == 0)
        return errc::division_by_zero;
    // a/b * 10^scale = ca * 10^(scale - sa + sb) / cb
    const int e = scale - a.scale() + b.scale();
    if constexpr (std::is_same_v<R, std::int64_t>) {
        // The common case, in 64 bits: a 128-bit division is a library call.
        std::int64_t num = a.coefficient(), den = b.coefficient();
        if (e >= 0 ? !scale_up_overflows(num, e, num) : !scale_up_overflows(den, -e, den))
            return basic_decimal<R>::try_from_parts(divide_rounded(num, den, mode), scale);
    }
    using W = int128_t; // for 64-bit values this overflows only if the quotient does
    W num = a.coefficient(), den = b.coefficient();
    if (!(e >= 0 ? scale_up_overflows<W>(num, e, num) : scale_up_overflows<W>(den, -e, den))) {
        const W q = divide_rounded(num, den, mode);
        if (!in_range<W>(q) || q > rep_traits<R>::max || q < -rep_traits<R>::max)
            return errc::overflow;
        return basic_decimal<R>::try_from_parts(static_cast<R>(q), scale);
    }
    // ca * 10^e or cb * 10^-e does not fit 128 bits, yet a 128-bit quotient
    // may. Find its magnitude truncated (q) and where the rest lies:
    // 0, below 1/2, at 1/2 or above (as 0, 1, 3 or 4 sixths). Then
    // divide_rounded rounds q's parity plus that rest, with the quotient's
    // sign: all that any mode looks at.
    const bool negative = (a.coefficient() < 0) != (b.coefficient() < 0);
    const uint128_t n = static_cast<uint128_t>(magnitude(a.coefficient()));
    const uint128_t d = static_cast<uint128_t>(magnitude(b.coefficient()));
    W q = 0, sixths = 0;
    if (e >= 0) { // long division, one decimal digit at a time
        q = static_cast<W>(n / d);
        uint128_t rem = n % d;
        for (int i = 0; i < e; ++i) {
            uint128_t ten_rem = 0; // rem * 10 = digit * d + ten_rem, never forming rem * 10
            W digit = 0;
            for (int k = 0; k < 10; ++k) {
                ten_rem += rem;
                if (ten_rem >= d) {
                    ten_rem -= d;
                    ++digit;
                }
            }
            if (mul_overflows(q, W{10}, q) || add_overflows(q, digit, q))
                return errc::overflow;
            rem = ten_rem;
        }
        sixths = rem == 0 ? 0 : 2 * rem < d ? 1 : 2 * rem == d ? 3 : 4;
    } else if (n != 0) { // |cb| * 10^-e > |ca|: q = 0; compare 2|ca| / 10^-e with |cb|
        const uint128_t unit = static_cast<uint128_t>(pow10<W>(-e));
        const uint128_t head = 2 * n / unit;
        sixths = head < d ? 1 : head == d && 2 * n % unit == 0 ? 3 : 4;
    }
    const W odd = q % 2;
    const W rounded =
        magnitude(divide_rounded<W>(negative ? -(odd * 6 + sixths) : odd * 6 + sixths, W{6}, mode));
    if (add_overflows(q, rounded - odd, q) || q > rep_traits<R>::max)
        return errc::overflow;
    return basic_decimal<R>::try_from_parts(static_cast<R>(negative ? -q : q), scale);
}

// d narrowed (or widened) to representation R: the same value, with trailing
// zeros dropped where that is what it takes to fit; errc::overflow otherwise.
template <representation R, representation W>
constexpr result<basic_decimal<R>> narrow(basic_decimal<W> d) noexcept {
    W c = d.coefficient();
    int s = d.scale();
    auto fits = [&] {
        return static_cast<int128_t>(c) >= -static_cast<int128_t>(rep_traits<R>::max) &&
               static_cast<int128_t>(c) <= static_cast<int128_t>(rep_traits<R>::max) &&
               s <= rep_traits<R>::max_scale;
    };
    while (!fits() && s > 0 && c % 10 == 0) {
        c /= 10;
        --s;
    }
    if (!fits())
        return errc::overflow;
    return basic_decimal<R>::try_from_parts(static_cast<R>(c), s);
}

// a * b * num / den exactly, through a 512-bit intermediate: it fails only if
// the result itself does (errc::overflow: too large or more than max_scale
// places; errc::inexact: no finite decimal form; errc::division_by_zero).
template <representation R>
constexpr result<basic_decimal<R>> product_ratio(basic_decimal<R> a, basic_decimal<R> b,
                                                 std::int64_t num, std::int64_t den) noexcept {
    if (den == 0)
        return errc::division_by_zero;
    const auto u64 = [](std::int64_t v) {
        return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v)
                     : static_cast<std::uint64_t>(v);
    };
    const bool negative =
        ((a.coefficient() < 0) != (b.coefficient() < 0)) != ((num < 0) != (den < 0));
    big_uint n(unsigned_magnitude(a.coefficient()));
    if (mul_overflows(n, unsigned_magnitude(b.coefficient())) || mul_overflows(n, u64(num)))
        return errc::overflow; // cannot happen: 127 + 127 + 64 bits < 512
    const auto parts = big_to_decimal<R>(n, negative, u64(den), a.scale() + b.scale());
    if (parts.error != errc::ok)
        return parts.error;
    return basic_decimal<R>::try_from_parts(parts.coefficient, parts.scale);
}

// a * num / den exactly, or errc::inexact if the result has no finite decimal
// form, errc::overflow if it has one that does not fit (too large, or more
// than max_scale places). Used for exact unit conversions. Intermediates never
// overflow first: 260.6468306174010125 / 100 is 2.606468306174010125.
template <representation R>
constexpr result<basic_decimal<R>> multiply_ratio(basic_decimal<R> a, std::int64_t num,
                                                  std::int64_t den) noexcept {
    if (den == 0)
        return errc::division_by_zero;
    if (num == 1 && den == 1) // the same unit: nothing to do (and nothing can overflow)
        return a;
    // The common case: a * num fits and den divides it (without trailing
    // zeros, as in the slow path, which adds the fewest places that make the
    // division exact).
    if (den > 0 && in_range(static_cast<R>(num))) {
        const auto scaled =
            multiply(a, basic_decimal<R>::try_from_parts(static_cast<R>(num), 0).value_or({}));
        if (scaled) {
            if (den == 1)
                return scaled;
            const basic_decimal<R> v = normalize(scaled.value_or({}));
            if (v.coefficient() % den == 0)
                return basic_decimal<R>::try_from_parts(v.coefficient() / den, v.scale());
            return product_ratio(v, basic_decimal<R>::try_from_parts(1, 0).value_or({}), 1, den);
        }
    }
    return product_ratio(normalize(a), basic_decimal<R>::try_from_parts(1, 0).value_or({}), num,
                         den);
}

template <representation R>
constexpr std::strong_ordering compare(basic_decimal<R> a, basic_decimal<R> b) noexcept {
    if (a.scale() == b.scale())
        return a.coefficient() <=> b.coefficient();
    R ca, cb;
    int s;
    if (align(a, b, ca, cb, s))
        return ca <=> cb;
    // Rescaling overflowed, so the operand that was scaled up has the larger
    // magnitude: its sign decides.
    const R big = a.scale() < b.scale() ? a.coefficient() : b.coefficient();
    const bool a_is_big = a.scale() < b.scale();
    if (a_is_big)
        return big > 0 ? std::strong_ordering::greater : std::strong_ordering::less;
    return big > 0 ? std::strong_ordering::less : std::strong_ordering::greater;
}

// The exact a * b rounded to `places` decimal places by mode (valid), through a
// 512-bit intermediate: errc::overflow only if the rounded value does not fit.
template <representation R>
constexpr result<basic_decimal<R>> multiply_rounded(basic_decimal<R> a, basic_decimal<R> b,
                                                    int places, rounding_mode mode) noexcept {
    const bool negative = (a.coefficient() < 0) != (b.coefficient() < 0);
    big_uint p(unsigned_magnitude(a.coefficient()));
    (void)mul_overflows(p, unsigned_magnitude(b.coefficient())); // 254 bits at most
    const int s = a.scale() + b.scale();
    int scale = s;
    if (s > places) {
        big_uint unit(1), q, r;
        (void)scale_up_overflows(unit, s - places); // 10^76 at most
        divide(p, unit, q, r);
        if (rounds_away(q, r, unit, negative, mode))
            (void)add_overflows(q, big_uint(1));
        p = q;
        scale = places;
    }
    const auto parts = big_to_decimal<R>(p, negative && !p.is_zero(), 1, scale);
    if (parts.error != errc::ok)
        return parts.error;
    return basic_decimal<R>::try_from_parts(parts.coefficient, parts.scale);
}

// d rounded to a multiple of step (> 0) by mode, through 512-bit
// intermediates: d / step and the product need not fit, only the result.
template <representation R>
constexpr result<basic_decimal<R>> round_to_multiple_big(basic_decimal<R> d, basic_decimal<R> step,
                                                         rounding_mode mode) noexcept {
    const int s = d.scale() > step.scale() ? d.scale() : step.scale();
    big_uint n(unsigned_magnitude(d.coefficient())), unit(unsigned_magnitude(step.coefficient()));
    (void)scale_up_overflows(n, s - d.scale()); // 127 bits * 10^38 at most
    (void)scale_up_overflows(unit, s - step.scale());
    const bool negative = d.coefficient() < 0;
    big_uint q, r;
    divide(n, unit, q, r);
    if (rounds_away(q, r, unit, negative, mode))
        (void)add_overflows(q, big_uint(1));
    if (mul_overflows(q, unsigned_magnitude(step.coefficient())))
        return errc::overflow;
    const auto parts = big_to_decimal<R>(q, negative && !q.is_zero(), 1, step.scale());
    if (parts.error != errc::ok)
        return parts.error;
    return basic_decimal<R>::try_from_parts(parts.coefficient, parts.scale);
}

// d rounded to a multiple of step (> 0) by mode. The quotient d / step and the
// product are formed in 128 bits (512 for a wide_decimal, where 128 do not
// suffice), so the result is refused only if it does not fit (an
// already-rounded 4231699013177981968 stays as it is at step 0.01, though
// d / step does not fit 64 bits).
template <representation R>
constexpr result<basic_decimal<R>> round_to_multiple(basic_decimal<R> d, basic_decimal<R> step,
                                                     rounding_mode mode) noexcept {
    if (!is_valid(mode) || step.coefficient() < 0)
        return errc::invalid_argument;
    if (step.coefficient() == 0)
        return errc::division_by_zero;
    using W = int128_t;
    const basic_decimal<W> wd = narrow<W>(d).value_or({}), ws = narrow<W>(step).value_or({});
    const auto n = divide(wd, ws, 0, mode);
    const auto p = n ? multiply(n.value_or({}), ws) : result<basic_decimal<W>>(n.error());
    if (p)
        return narrow<R>(p.value_or({}));
    if (p.error() != errc::overflow || !std::is_same_v<R, W>)
        return p.error(); // for 64 bits, 128 suffice: that overflow is the result's
    return round_to_multiple_big(d, step, mode);
}

template <class A, class B>
using common_decimal_t = basic_decimal<wider_t<typename A::rep, typename B::rep>>;

} // namespace detail

template <class R1, class R2>
constexpr auto operator+(basic_decimal<R1> a, basic_decimal<R2> b) {
    using W = detail::wider_t<R1, R2>;
    return detail::add<W>(a, b).value();
}
template <class R1, class R2>
constexpr auto operator-(basic_decimal<R1> a, basic_decimal<R2> b) {
    using W = detail::wider_t<R1, R2>;
    return detail::add<W>(a, -basic_decimal<W>(b)).value();
}
template <class R1, class R2>
constexpr auto operator*(basic_decimal<R1> a, basic_decimal<R2> b) {
    using W = detail::wider_t<R1, R2>;
    return detail::multiply<W>(a, b).value();
}
template <class R, detail::exact_integer I>
constexpr basic_decimal<R> operator+(basic_decimal<R> a, I b) {
    return a + basic_decimal<R>(b);
}
template <class R, detail::exact_integer I>
constexpr basic_decimal<R> operator+(I a, basic_decimal<R> b) {
    return basic_decimal<R>(a) + b;
}
template <class R, detail::exact_integer I>
constexpr basic_decimal<R> operator-(basic_decimal<R> a, I b) {
    return a - basic_decimal<R>(b);
}
template <class R, detail::exact_integer I>
constexpr basic_decimal<R> operator-(I a, basic_decimal<R> b) {
    return basic_decimal<R>(a) - b;
}
template <class R, detail::exact_integer I>
constexpr basic_decimal<R> operator*(basic_decimal<R> a, I b) {
    return a * basic_decimal<R>(b);
}
template <class R, detail::exact_integer I>
constexpr basic_decimal<R> operator*(I a, basic_decimal<R> b) {
    return basic_decimal<R>(a) * b;
}

namespace mistake {
struct a_decimal_cannot_be_mixed_with_binary_floating_point__write_1_5_dec {};
struct a_decimal_cannot_be_mixed_with_a_character_or_bool__write_5_or_5_dec {};
} // namespace mistake

// A decimal and binary floating point, a character or a bool: named, never
// callable (see detail/mistake.hpp), so traits answer false.
#define TARIFF_DETAIL_DECIMAL_MIX(op)                                                              \
    template <class R, std::floating_point F>                                                      \
    mistake::a_decimal_cannot_be_mixed_with_binary_floating_point__write_1_5_dec operator op(      \
        basic_decimal<R>, F)                                                                       \
        TARIFF_DETAIL_REJECT("tariff: exact decimals cannot be mixed with binary floating point; " \
                             "write a decimal literal such as 1.5_dec");                           \
    template <class R, std::floating_point F>                                                      \
    mistake::a_decimal_cannot_be_mixed_with_binary_floating_point__write_1_5_dec operator op(      \
        F, basic_decimal<R>)                                                                       \
        TARIFF_DETAIL_REJECT("tariff: exact decimals cannot be mixed with binary floating point; " \
                             "write a decimal literal such as 1.5_dec");                           \
    template <class R, class T>                                                                    \
    requires(detail::character_type<T> || std::same_as<std::remove_cv_t<T>, bool>)                 \
        mistake::a_decimal_cannot_be_mixed_with_a_character_or_bool__write_5_or_5_dec              \
        operator op(basic_decimal<R>, T) TARIFF_DETAIL_REJECT(                                     \
            "tariff: a decimal cannot be mixed with a character or a bool ('x' "                   \
            "is 120); write the number, such as 5 or 5.0_dec");                                    \
    template <class R, class T>                                                                    \
    requires(detail::character_type<T> || std::same_as<std::remove_cv_t<T>, bool>)                 \
        mistake::a_decimal_cannot_be_mixed_with_a_character_or_bool__write_5_or_5_dec              \
        operator op(T, basic_decimal<R>) TARIFF_DETAIL_REJECT(                                     \
            "tariff: a decimal cannot be mixed with a character or a bool ('x' "                   \
            "is 120); write the number, such as 5 or 5.0_dec");
TARIFF_DETAIL_DECIMAL_MIX(+)
TARIFF_DETAIL_DECIMAL_MIX(-)
TARIFF_DETAIL_DECIMAL_MIX(*)
TARIFF_DETAIL_DECIMAL_MIX(==)
TARIFF_DETAIL_DECIMAL_MIX(<=>)
#undef TARIFF_DETAIL_DECIMAL_MIX

template <class R1, class R2>
constexpr bool operator==(basic_decimal<R1> a, basic_decimal<R2> b) noexcept {
    using W = detail::wider_t<R1, R2>;
    return detail::compare<W>(a, b) == 0;
}
template <class R1, class R2>
constexpr std::strong_ordering operator<=>(basic_decimal<R1> a, basic_decimal<R2> b) noexcept {
    using W = detail::wider_t<R1, R2>;
    return detail::compare<W>(a, b);
}
template <class R, detail::exact_integer I>
constexpr bool operator==(basic_decimal<R> a, I b) {
    return a == basic_decimal<R>(b);
}
template <class R, detail::exact_integer I>
constexpr std::strong_ordering operator<=>(basic_decimal<R> a, I b) {
    return a <=> basic_decimal<R>(b);
}

// Rounds to `places` decimal places (0: to an integer). Exact values pass unchanged.
template <class R, detail::not_an_integer P>
mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
    round(basic_decimal<R>, P, required_rounding_mode)
        TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");
template <class R, detail::not_an_integer P>
mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
    divide(basic_decimal<R>, basic_decimal<R>, P, required_rounding_mode)
        TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");
template <class R>
constexpr basic_decimal<R> round(basic_decimal<R> d, int places, required_rounding_mode mode) {
    return detail::round_to_scale(d, places, mode).value();
}

// Rounds to the nearest multiple of `step` (e.g. 0.05 for Swiss rappen) by mode.
// errc::division_by_zero for a zero step, errc::invalid_argument for a
// negative one or an invalid mode.
template <class R>
constexpr basic_decimal<R> round_to_multiple(basic_decimal<R> d, basic_decimal<R> step,
                                             required_rounding_mode mode) {
    return detail::round_to_multiple(d, step, mode).value();
}

// a / b rounded to `places` decimal places. errc::division_by_zero if b == 0.
template <class R>
constexpr basic_decimal<R> divide(basic_decimal<R> a, basic_decimal<R> b, int places,
                                  required_rounding_mode mode) {
    return detail::divide(a, b, places, mode).value();
}

// The exact a * b rounded to `places` decimal places by mode: only the rounded
// value must fit (a value times an exchange rate, rounded to the cent).
// errc::overflow if it does not, errc::invalid_argument for a mode that is
// not one or negative places.
template <class R>
constexpr basic_decimal<R> multiply_rounded(basic_decimal<R> a, basic_decimal<R> b, int places,
                                            required_rounding_mode mode) {
    if (!is_valid(mode) || places < 0)
        detail::raise(errc::invalid_argument);
    return detail::multiply_rounded(a, b, places, mode).value();
}
template <class R, detail::not_an_integer P>
mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
    multiply_rounded(basic_decimal<R>, basic_decimal<R>, P, required_rounding_mode)
        TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");

// The non-throwing forms of the operators and of round, round_to_multiple
// and divide: the result or its error (never an exception).
template <class R1, class R2>
constexpr auto try_add(basic_decimal<R1> a, basic_decimal<R2> b) noexcept {
    using W = detail::wider_t<R1, R2>;
    return detail::add<W>(a, b);
}
template <class R1, class R2>
constexpr auto try_subtract(basic_decimal<R1> a, basic_decimal<R2> b) noexcept {
    using W = detail::wider_t<R1, R2>;
    // Negation cannot overflow: the most negative coefficient is excluded.
    return detail::add<W>(a, -basic_decimal<W>(b));
}
template <class R1, class R2>
constexpr auto try_multiply(basic_decimal<R1> a, basic_decimal<R2> b) noexcept {
    using W = detail::wider_t<R1, R2>;
    return detail::multiply<W>(a, b);
}
template <class R>
constexpr result<basic_decimal<R>> try_round(basic_decimal<R> d, int places,
                                             required_rounding_mode mode) noexcept {
    return detail::round_to_scale(d, places, mode);
}
template <class R>
constexpr result<basic_decimal<R>> try_round_to_multiple(basic_decimal<R> d, basic_decimal<R> step,
                                                         required_rounding_mode mode) noexcept {
    return detail::round_to_multiple(d, step, mode);
}
template <class R>
constexpr result<basic_decimal<R>> try_divide(basic_decimal<R> a, basic_decimal<R> b, int places,
                                              required_rounding_mode mode) noexcept {
    return detail::divide(a, b, places, mode);
}

// multiply_rounded without exceptions: the result or its error.
template <class R>
constexpr result<basic_decimal<R>> try_multiply_rounded(basic_decimal<R> a, basic_decimal<R> b,
                                                        int places,
                                                        required_rounding_mode mode) noexcept {
    if (!is_valid(mode) || places < 0)
        return errc::invalid_argument;
    return detail::multiply_rounded(a, b, places, mode);
}

// The same value without trailing zeros (2440.00000 -> 2440).
template <class R>
constexpr basic_decimal<R> normalize(basic_decimal<R> d) noexcept {
    return detail::normalize(d);
}

template <class R>
constexpr basic_decimal<R> abs(basic_decimal<R> d) noexcept {
    return d.coefficient() < 0 ? -d : d;
}

// ---------------------------------------------------------------------------
// Parsing. Accepted: an optional sign, digits, an optional '.' followed by
// digits; "'" may separate digits (as in C++ literals: 40'000.00). Nothing
// else: no exponent, no hex, no spaces, no thousands commas.

// The error type, parse_error, and parse_result<T> = result<T, parse_error>
// are in error.hpp.

namespace detail {

// Digits after the decimal point in text.
constexpr int decimal_places(std::string_view text) noexcept {
    // A plain loop: GCC 12 with -fsanitize=undefined does not evaluate
    // string_view::find on a literal's characters at compile time.
    int n = 0;
    bool point = false;
    for (const char ch : text) {
        if (ch == '.')
            point = true;
        else if (point)
            n += (ch >= '0' && ch <= '9');
    }
    return n;
}

template <representation R>
constexpr parse_result<basic_decimal<R>> parse_decimal(std::string_view text) noexcept {
    using T = basic_decimal<R>;
    auto fail = [](errc code, std::size_t pos, const char* why) {
        return parse_result<T>(parse_error{code, pos, why});
    };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        negative = text[i++] == '-';
    R coefficient = 0;
    int scale = 0;
    int pending_zeros = 0; // fraction zeros not yet applied: kept only if they fit
    bool digits = false, point = false, previous_was_digit = false;
    for (; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            digits = previous_was_digit = true;
            if (point && ch == '0') {
                ++pending_zeros; // trailing zeros carry no value
                continue;
            }
            if (point && scale + pending_zeros + 1 > rep_traits<R>::max_scale)
                return fail(errc::overflow, i, "more decimal places than the type holds");
            R scaled;
            if (scale_up_overflows(coefficient, pending_zeros + 1, scaled) ||
                add_overflows(scaled, static_cast<R>(ch - '0'), coefficient))
                return fail(errc::overflow, i, "number too large for the type");
            if (point)
                scale += pending_zeros + 1;
            pending_zeros = 0;
        } else if (ch == '\'') {
            if (!previous_was_digit || i + 1 >= text.size() || text[i + 1] < '0' ||
                text[i + 1] > '9')
                return fail(errc::invalid_text, i, "a digit separator must stand between digits");
            previous_was_digit = false;
        } else if (ch == '.') {
            if (point)
                return fail(errc::invalid_text, i, "a second decimal point");
            if (!digits)
                return fail(errc::invalid_text, i, "a digit must come before the decimal point");
            point = true;
            previous_was_digit = false;
        } else if (ch == 'e' || ch == 'E' || ch == 'x' || ch == 'X') {
            return fail(errc::invalid_text, i,
                        "exponent and hexadecimal notation are not accepted");
        } else {
            return fail(errc::invalid_text, i, "unexpected character");
        }
    }
    if (!digits)
        return fail(errc::invalid_text, i, "no digits");
    if (point && !previous_was_digit)
        return fail(errc::invalid_text, i, "a digit must follow the decimal point");
    // Keep the written trailing zeros (6.10 has two places) where they fit.
    while (pending_zeros > 0 && scale < rep_traits<R>::max_scale) {
        R scaled;
        if (mul_overflows(coefficient, R{10}, scaled))
            break;
        coefficient = scaled;
        ++scale;
        --pending_zeros;
    }
    // In range by construction (and so this never raises).
    return parse_result<T>(
        T::try_from_parts(negative ? -coefficient : coefficient, scale).value_or({}));
}

// The value of a numeric literal's characters, checked at compile time with
// messages that name the problem.
template <char... Cs>
inline constexpr char literal_text[] = {Cs..., '\0'};

template <representation R, char... Cs>
constexpr basic_decimal<R> literal_value() {
    constexpr std::string_view view(literal_text<Cs...>, sizeof...(Cs));
    constexpr auto parsed = parse_decimal<R>(view);
    constexpr bool too_many_places = decimal_places(view) > rep_traits<R>::max_scale;
    static_assert(parsed.code() != errc::overflow || too_many_places,
                  "tariff: literal too large for its type (a 64-bit coefficient holds about "
                  "9.2e18 / 10^decimal places; use a wide type, e.g. the _wdec literal, for more)");
    static_assert(parsed.code() != errc::overflow || !too_many_places,
                  "tariff: literal has more decimal places than its type holds");
    static_assert(parsed.code() != errc::invalid_text,
                  "tariff: malformed literal: write plain decimal digits with at most one point "
                  "(no exponent, no hexadecimal)");
    return parsed.value_or({});
}

} // namespace detail

// Parses a decimal at run time or compile time; on failure the result says
// what and where (see parse_error).
constexpr parse_result<decimal> try_parse_decimal(std::string_view text) noexcept {
    return detail::parse_decimal<std::int64_t>(text);
}
constexpr parse_result<wide_decimal> try_parse_wide_decimal(std::string_view text) noexcept {
    return detail::parse_decimal<int128_t>(text);
}
// The same, raising the error instead (tariff::overflow_error, or
// tariff::domain_error with errc::invalid_text whose what() is the reason).
constexpr decimal parse_decimal(std::string_view text) {
    return try_parse_decimal(text).value();
}
constexpr wide_decimal parse_wide_decimal(std::string_view text) {
    return try_parse_wide_decimal(text).value();
}

namespace literals {
// 6.1_dec is exactly 61 * 10^-1.
template <char... Cs>
constexpr decimal operator""_dec() {
    return detail::literal_value<std::int64_t, Cs...>();
}
// 3'500'000'000'000'000.000001_wdec is a wide_decimal (128-bit coefficient).
template <char... Cs>
constexpr wide_decimal operator""_wdec() {
    return detail::literal_value<int128_t, Cs...>();
}
} // namespace literals

} // namespace tariff
