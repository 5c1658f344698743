// tariff/rounding.hpp: rounding modes, passed per call.
//
// There is no global or thread-local rounding state anywhere in the library:
// every function that can lose digits takes a mode (a tag such as
// tariff::rounding::half_even, or a runtime tariff::rounding_mode).
#pragma once

#include "config.hpp"

namespace tariff {

// The enumerators start at 1: a value-initialized rounding_mode (rounding_mode{},
// or a policy whose mode was left out) is no mode at all, and every function
// that takes a mode rejects it, as it rejects any value that is not one of
// these (static_cast<rounding_mode>(42) read from a byte or a file), with
// errc::invalid_argument (a compile error in constant evaluation). Rounding is
// never chosen for the caller.
enum class rounding_mode : unsigned char {
    half_even = 1,  // ties to the even neighbour (banker's rounding)
    half_up,        // ties away from zero: 2.5 -> 3, -2.5 -> -3
    half_down,      // ties toward zero: 2.5 -> 2, -2.5 -> -2
    toward_zero,    // truncate: 2.9 -> 2, -2.9 -> -2
    away_from_zero, // 2.1 -> 3, -2.1 -> -3
    floor,          // toward negative infinity: -2.1 -> -3
    ceiling,        // toward positive infinity: 2.1 -> 3
};

namespace rounding {

// A tag type per mode: passing a tag selects the mode at compile time.
template <rounding_mode M>
struct mode_tag {
    static constexpr rounding_mode value = M;
    constexpr operator rounding_mode() const noexcept { return M; }
};

inline constexpr mode_tag<rounding_mode::half_even> half_even{};
inline constexpr mode_tag<rounding_mode::half_up> half_up{};
inline constexpr mode_tag<rounding_mode::half_down> half_down{};
inline constexpr mode_tag<rounding_mode::toward_zero> toward_zero{};
inline constexpr mode_tag<rounding_mode::away_from_zero> away_from_zero{};
inline constexpr mode_tag<rounding_mode::floor> floor{};
inline constexpr mode_tag<rounding_mode::ceiling> ceiling{};

} // namespace rounding

// The type of every rounding-mode parameter: a rounding_mode or a tag
// (tariff::rounding::half_even), never nothing. It has no default, so a call
// or a policy that leaves the mode out ({}) does not compile: rounding is
// explicit. A value that is not a mode (static_cast<rounding_mode>(42)) still
// converts, and the function it is passed to rejects it at run time.
class required_rounding_mode {
public:
    constexpr required_rounding_mode(rounding_mode m) noexcept : mode_(m) {}
    template <rounding_mode M>
    constexpr required_rounding_mode(rounding::mode_tag<M>) noexcept : mode_(M) {}
    constexpr operator rounding_mode() const noexcept { return mode_; }
    constexpr rounding_mode value() const noexcept { return mode_; }

private:
    rounding_mode mode_;
};

// True for the seven modes above; false for any other value of the type.
constexpr bool is_valid(rounding_mode m) noexcept {
    return m >= rounding_mode::half_even && m <= rounding_mode::ceiling;
}

constexpr const char* to_string(rounding_mode m) noexcept {
    switch (m) {
    case rounding_mode::half_even:
        return "half_even";
    case rounding_mode::half_up:
        return "half_up";
    case rounding_mode::half_down:
        return "half_down";
    case rounding_mode::toward_zero:
        return "toward_zero";
    case rounding_mode::away_from_zero:
        return "away_from_zero";
    case rounding_mode::floor:
        return "floor";
    case rounding_mode::ceiling:
        return "ceiling";
    }
    return "?";
}

} // namespace tariff
