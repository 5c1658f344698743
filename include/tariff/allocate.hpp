// tariff/allocate.hpp: splitting an amount exactly.
//
// allocate(total, weights) splits total into parts proportional to integer
// weights, each part a whole number of minor units (or of a granularity you
// give), and the parts always sum to total exactly. Method: largest remainder
// (Hamilton). Each part first gets floor(units * w / sum(w)); the units left
// over (fewer than the number of parts) go one each to the parts with the
// largest remainders; equal remainders favour the earlier part. A negative
// total is split as -(split of -total), so the rule is symmetric.
// Cost: O(n) when remainders tie, O(n * k) at worst for k leftover units.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "money.hpp"

namespace tariff {
namespace detail {

// Writes make(i, share_i) for each i. units >= 0. Returns errc::ok or why not.
template <class Make>
constexpr errc apportion(int128_t units, std::span<const std::int64_t> weights, Make&& make) {
    int128_t sum = 0;
    for (const std::int64_t w : weights) {
        if (w < 0)
            return errc::invalid_argument;
        sum += w;
    }
    if (sum == 0)
        return errc::division_by_zero;
    if (sum > rep_traits<std::int64_t>::max)
        return errc::overflow;
    // units * w / sum == q * w + r * w / sum, with r * w < 2^126: no overflow.
    const int128_t q = units / sum, r = units % sum;
    auto base = [&](std::size_t i) { return q * weights[i] + r * weights[i] / sum; };
    auto remainder = [&](std::size_t i) { return r * weights[i] % sum; };

    int128_t assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        assigned += base(i);
    int128_t left = units - assigned; // < weights.size()

    // Find the remainder level t such that the parts with a remainder above t,
    // plus the first few (by index) with a remainder of exactly t, take the
    // leftover units.
    int128_t level = sum; // above every remainder
    int128_t take_at_level = 0;
    while (left > 0) {
        int128_t next = -1, at_next = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const int128_t rem = remainder(i);
            if (rem >= level)
                continue;
            if (rem > next) {
                next = rem;
                at_next = 1;
            } else if (rem == next) {
                ++at_next;
            }
        }
        level = next;
        take_at_level = at_next < left ? at_next : left;
        left -= take_at_level;
    }
    for (std::size_t i = 0; i < weights.size(); ++i) {
        int128_t share = base(i);
        const int128_t rem = remainder(i);
        if (rem > level) {
            ++share;
        } else if (rem == level && take_at_level > 0) {
            ++share;
            --take_at_level;
        }
        make(i, share);
    }
    return errc::ok;
}

template <class C, class R, class R2>
constexpr errc allocate_money(basic_money<C, R> total, std::span<const std::int64_t> weights,
                              std::span<basic_money<C, R>> parts, basic_money<C, R2> granularity) {
    if (parts.size() != weights.size())
        return errc::invalid_argument;
    const basic_decimal<R> step(granularity.amount());
    if (step.coefficient() == 0)
        return errc::division_by_zero;
    if (step < 0)
        return errc::invalid_argument;
    const auto n = detail::divide(total.amount(), step, 0, rounding_mode::toward_zero);
    if (!n)
        return n.error();
    const auto back = detail::multiply(n.value_or({}), step);
    if (!back || back.value_or({}) != total.amount())
        return errc::invalid_argument; // round first
    const R units = n.value_or({}).coefficient();
    const bool negative = units < 0;
    errc failure = errc::ok;
    const errc e = apportion(negative ? -units : units, weights, [&](std::size_t i, int128_t k) {
        const auto part = detail::multiply(
            basic_decimal<R>::from_parts(static_cast<R>(negative ? -k : k), 0), step);
        if (!part)
            failure = part.error();
        parts[i] = basic_money<C, R>(part.value_or({}));
    });
    return e != errc::ok ? e : failure;
}

} // namespace detail

// Non-throwing form: fills `parts` (one per weight) and returns errc::ok, or
// returns the error and leaves `parts` unspecified. Errors: a negative weight
// or a total that is not a whole number of granularities
// (errc::invalid_argument: round it first), weights summing to zero
// (errc::division_by_zero), parts.size() != weights.size().
template <class C, class R, class R2>
constexpr errc try_allocate(basic_money<C, R> total, std::span<const std::int64_t> weights,
                            std::type_identity_t<std::span<basic_money<C, R>>> parts,
                            basic_money<C, R2> granularity) {
    return detail::allocate_money(total, weights, parts, granularity);
}
template <class C, class R>
constexpr errc try_allocate(basic_money<C, R> total, std::span<const std::int64_t> weights,
                            std::type_identity_t<std::span<basic_money<C, R>>> parts) {
    return detail::allocate_money(total, weights, parts, basic_money<C, R>::from_minor_units(1));
}

// Splits total into weights.size() parts in proportion to the weights, each a
// whole number of `granularity`; the parts sum to total. Raises on the errors
// listed for try_allocate.
template <class C, class R, std::size_t N, class R2>
constexpr std::array<basic_money<C, R>, N> allocate(basic_money<C, R> total,
                                                    const std::array<std::int64_t, N>& weights,
                                                    basic_money<C, R2> granularity) {
    std::array<basic_money<C, R>, N> parts{};
    detail::raise(detail::allocate_money(total, std::span<const std::int64_t>(weights),
                                         std::span<basic_money<C, R>>(parts), granularity));
    return parts;
}
// The same, to the currency's minor unit.
template <class C, class R, std::size_t N>
constexpr std::array<basic_money<C, R>, N> allocate(basic_money<C, R> total,
                                                    const std::array<std::int64_t, N>& weights) {
    return allocate(total, weights, basic_money<C, R>::from_minor_units(1));
}
// The same for any number of parts, written into `parts` (a span, a vector,
// an array: the currency and representation come from total).
template <class C, class R>
constexpr void allocate(basic_money<C, R> total, std::span<const std::int64_t> weights,
                        std::type_identity_t<std::span<basic_money<C, R>>> parts) {
    detail::raise(try_allocate(total, weights, parts));
}

} // namespace tariff
