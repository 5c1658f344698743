// tariff::decimal and tariff::wide_decimal: construction, comparison, exact
// arithmetic, overflow, division, rounding, parsing and literals.
//
// Every expected figure is worked out by hand in the comment beside it, from
// the rule named in the test's title (see decimal.hpp and rounding.hpp).
// Representations are checked as "coefficient e-scale" strings, so a test
// pins down the scale as well as the value.
#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include <tariff/decimal.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max(); // 9223372036854775807
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min(); // -9223372036854775808

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

// The exact representation: "244000000e-5" is coefficient 244000000, scale 5.
template <class R>
std::string rep(basic_decimal<R> d) {
    return digits(d.coefficient()) + "e-" + std::to_string(d.scale());
}

// 10^k as a 128-bit integer.
constexpr int128_t pow10_128(int k) {
    int128_t p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

constexpr int128_t max128 = static_cast<int128_t>(~static_cast<uint128_t>(0) >> 1); // 2^127 - 1

} // namespace

namespace Catch {
template <class R>
struct StringMaker<tariff::basic_decimal<R>> {
    static std::string convert(tariff::basic_decimal<R> d) { return rep(d); }
};
} // namespace Catch

// ---------------------------------------------------------------------------
// Construction

TEST_CASE("an integer converts exactly, at scale 0") {
    CHECK(rep(decimal(42)) == "42e-0");
    CHECK(rep(decimal(-7)) == "-7e-0");
    CHECK(rep(decimal()) == "0e-0"); // default: zero
    CHECK(rep(decimal(max64)) == "9223372036854775807e-0");
    CHECK(rep(decimal(std::uint64_t{9223372036854775807u})) == "9223372036854775807e-0");
    CHECK(rep(wide_decimal(std::uint64_t{18446744073709551615u})) == "18446744073709551615e-0");
}

TEST_CASE("an integer outside the range throws tariff::overflow_error") {
    // 2^63 = 9223372036854775808 > max = 2^63 - 1
    CHECK_THROWS_AS(decimal(std::uint64_t{9223372036854775808u}), tariff::overflow_error);
    CHECK_THROWS_AS(decimal(std::numeric_limits<std::uint64_t>::max()), tariff::overflow_error);
}

TEST_CASE("the most negative int64 is excluded from decimal's range, so negation cannot "
          "overflow") {
    // The range is symmetric: |coefficient| <= 2^63 - 1. -2^63 has no positive twin.
    CHECK_THROWS_AS(decimal(min64), tariff::overflow_error);
    CHECK(decimal::try_from_parts(min64, 0).error() == errc::overflow);
    CHECK(decimal::try_from_parts(min64 + 1, 0).ok());
    // -max - 1 is -2^63: representable in int64, but not in decimal.
    CHECK(detail::add(decimal(-max64), decimal(-1)).error() == errc::overflow);
    CHECK(rep(-decimal(-max64)) == "9223372036854775807e-0");
    CHECK(rep(abs(decimal(-max64))) == "9223372036854775807e-0");
    // wide_decimal holds -2^63 easily.
    CHECK(rep(wide_decimal(min64)) == "-9223372036854775808e-0");
}

TEST_CASE("from_parts(c, s) is c * 10^-s and keeps the scale it is given") {
    constexpr auto d = decimal::from_parts(12345, 2); // 123.45
    CHECK(d.coefficient() == 12345);
    CHECK(d.scale() == 2);
    CHECK(d == 123.45_dec);
    CHECK(rep(decimal::from_parts(100, 2)) == "100e-2"); // 1.00, not 1
    CHECK(rep(decimal::from_parts(-1, 18)) == "-1e-18");
    CHECK(rep(wide_decimal::from_parts(1, 38)) == "1e-38");
}

TEST_CASE("try_from_parts reports errc::overflow for a scale outside [0, max_scale] or the "
          "most negative coefficient") {
    STATIC_REQUIRE(decimal::max_scale == 18);
    STATIC_REQUIRE(wide_decimal::max_scale == 38);
    CHECK(decimal::try_from_parts(1, -1).error() == errc::overflow);
    CHECK(decimal::try_from_parts(1, 19).error() == errc::overflow);
    CHECK(decimal::try_from_parts(min64, 2).error() == errc::overflow);
    CHECK(decimal::try_from_parts(max64, 18).ok());
    CHECK(decimal::try_from_parts(-max64, 0).ok());
    CHECK(wide_decimal::try_from_parts(1, 38).ok());
    CHECK(wide_decimal::try_from_parts(1, 39).error() == errc::overflow);
    CHECK(wide_decimal::try_from_parts(-max128 - 1, 0).error() == errc::overflow);
    // from_parts raises the same error.
    CHECK_THROWS_AS(decimal::from_parts(1, 19), tariff::overflow_error);
    CHECK_THROWS_AS(decimal::from_parts(1, -1), tariff::overflow_error);
}

// ---------------------------------------------------------------------------
// Comparison

TEST_CASE("decimals compare by value, not by representation: 1.5 == 1.50") {
    CHECK(1.5_dec == 1.50_dec); // 15e-1 vs 150e-2
    CHECK(decimal::from_parts(15, 1) == decimal::from_parts(150, 2));
    CHECK(0_dec == 0.000_dec);
    CHECK(-0.0_dec == 0_dec);
    CHECK(1.00_dec == 1); // against an integer
    CHECK(1.5_dec != 1.51_dec);
    CHECK((1.5_dec <=> 1.50_dec) == std::strong_ordering::equal);
    CHECK(1.5_dec == 1.50_wdec); // across representations
}

TEST_CASE("ordering follows the values across scales and signs") {
    CHECK(1.5_dec < 1.51_dec);   // 150 < 151 at 2 places
    CHECK(2_dec > 1.999_dec);    // 2000 > 1999 at 3 places
    CHECK(-1.5_dec < -1.49_dec); // -150 < -149
    CHECK(-0.001_dec < 0_dec);
    CHECK(2.5_dec > 2);
    CHECK(2.5_dec < 3);
    CHECK((0.1_dec <=> 0.09_dec) == std::strong_ordering::greater); // 10 > 9 at 2 places
    CHECK((-0.1_dec <=> -0.09_dec) == std::strong_ordering::less);
    CHECK(1.25_wdec > 1.2_dec);
}

TEST_CASE("comparison is right when bringing both sides to one scale would overflow") {
    const decimal tiny = decimal::from_parts(1, 18); // 0.000000000000000001
    const decimal huge = decimal(max64);             // 9223372036854775807
    // huge at 18 places would be 9223372036854775807 * 10^18: far beyond 64 bits.
    CHECK(huge > tiny);
    CHECK(tiny < huge);
    CHECK(huge != tiny);
    CHECK(-huge < tiny);
    CHECK(-huge < -tiny); // -9.2e18 < -1e-18
    CHECK(huge > -tiny);
    // 9.223372036854775807 (18 places) vs 10 and 9 (0 places): 10 at 18 places
    // is 10^19 > 2^63 - 1 (overflows), 9 at 18 places is 9 * 10^18 (fits).
    const decimal nine_point_two = decimal::from_parts(max64, 18);
    CHECK(decimal(10) > nine_point_two);
    CHECK(nine_point_two < decimal(10));
    CHECK(-decimal(10) < -nine_point_two);
    CHECK(decimal(9) < nine_point_two);
    CHECK((nine_point_two <=> decimal(10)) == std::strong_ordering::less);
    CHECK((decimal(-10) <=> nine_point_two) == std::strong_ordering::less);
}

// ---------------------------------------------------------------------------
// Exact arithmetic

TEST_CASE("a sum or difference is exact, at the larger of the two scales") {
    CHECK(rep(1.5_dec + 2.25_dec) == "375e-2"); // 150 + 225 = 375 at 2 places
    CHECK(rep(0.1_dec + 0.2_dec) == "3e-1");    // exactly 0.3 (1 + 2 at 1 place)
    CHECK(0.1_dec + 0.2_dec == 0.3_dec);
    CHECK(rep(1.50_dec + 1.50_dec) == "300e-2"); // 3.00: zeros kept when they fit
    CHECK(rep(1.5_dec - 1.50_dec) == "0e-2");    // 150 - 150 at 2 places
    CHECK(rep(10_dec - 0.001_dec) == "9999e-3"); // 10000 - 1 at 3 places
    CHECK(rep(-2.5_dec - 2.5_dec) == "-50e-1");
    CHECK(rep(1.5_dec + 2) == "35e-1"); // integers are scale 0
    CHECK(rep(2 - 0.25_dec) == "175e-2");
}

TEST_CASE("a product is exact and its scale is the sum of the scales") {
    CHECK(rep(40000.00_dec * 0.061_dec) == "244000000e-5"); // 4000000 * 61, 2 + 3 places
    CHECK(rep(1.5_dec * 1.5_dec) == "225e-2");
    CHECK(rep(-0.5_dec * 0.2_dec) == "-10e-2"); // -0.10: the zero is kept
    CHECK(rep(0.001_dec * 1000) == "1000e-3");
    CHECK(rep(3 * 1.25_dec) == "375e-2");
    CHECK(rep(0.000000001_dec * 0.000000001_dec) == "1e-18"); // 9 + 9 = 18 places: fits
}

TEST_CASE("trailing zeros of a product are dropped only when needed to fit") {
    // 1.000000 * 9223372036854.775: natural coefficient 1000000 * 9223372036854775
    // = 9223372036854775000000 (> 2^63 - 1) at 9 places. Dropping 3 zeros gives
    // 9223372036854775000 <= 9223372036854775807 at 6 places; dropping 2 would
    // leave 92233720368547750000, too large. So: 3 zeros, 6 places.
    CHECK(rep(1.000000_dec * 9223372036854.775_dec) == "9223372036854775000e-6");
    // 0.0000000010 * 0.0000000010: 10 * 10 = 100 at 20 places > 18; two zeros
    // dropped: 1 at 18 places (1e-9 * 1e-9 = 1e-18).
    CHECK(rep(0.0000000010_dec * 0.0000000010_dec) == "1e-18");
    // Zero at 10 places times zero at 10 places: 0 at 20 places, kept at 18.
    CHECK(rep(decimal::from_parts(0, 10) * decimal::from_parts(0, 10)) == "0e-18");
    // No zeros to drop: 0.0000000001 * 0.0000000001 is 1e-20, beyond 18 places.
    CHECK_THROWS_AS(0.0000000001_dec * 0.0000000001_dec, tariff::overflow_error);
}

TEST_CASE("a product whose trailing zeros come only from the operands' factors 2 and 5 "
          "fits (regression - it was reported as an overflow)") {
    // 5^27 = 7450580596923828125 and 2^27 = 134217728, each at 18 places.
    // 5^27 * 2^27 = 10^27 (needs 90 bits) at 36 places; 18 zeros dropped to reach
    // 18 places: 10^9 at 18 places = 0.000000001 (= 7.45... * 1.34...e-10 exactly).
    const decimal a = decimal::from_parts(7450580596923828125, 18);
    const decimal b = decimal::from_parts(134217728, 18);
    const auto product = detail::multiply(a, b);
    REQUIRE(product.ok());
    CHECK(rep(product.value()) == "1000000000e-18");
    CHECK(product.value() == 0.000000001_dec);
}

TEST_CASE("trailing zeros of a sum are dropped only when needed to fit (regression - a sum "
          "that fits was reported as an overflow)") {
    // 92233720368547758.07 + 0.93: at 2 places 9223372036854775807 + 93 =
    // 9223372036854775900 > 2^63 - 1; one zero dropped: 922337203685477590 at 1 place.
    CHECK(rep(92233720368547758.07_dec + 0.93_dec) == "922337203685477590e-1");
    CHECK(rep(-92233720368547758.07_dec - 0.93_dec) == "-922337203685477590e-1");
    // 92233720368547758.07 + 0.94 ends in 1 at 2 places: no zero to drop.
    CHECK(detail::add(92233720368547758.07_dec, 0.94_dec).error() == errc::overflow);
    // 92233720368547758 (0 places) + 0.50 (2 places): at 2 places
    // 9223372036854775800 + 50 = 9223372036854775850 > 2^63 - 1; one zero dropped:
    // 922337203685477585 at 1 place (92233720368547758.5).
    CHECK(rep(92233720368547758_dec + 0.50_dec) == "922337203685477585e-1");
}

TEST_CASE("a sum is exact even when rescaling one operand alone would overflow "
          "(regression - reported as an overflow)") {
    // 930000000000000000 + -499999999999999999.5: the exact sum is
    // 430000000000000000.5 = 4300000000000000005 at 1 place, which fits; but
    // 930000000000000000 at 1 place alone (9300000000000000000) does not.
    const decimal a = 930000000000000000_dec;
    const decimal b = decimal::from_parts(-4999999999999999995, 1);
    CHECK(rep(a + b) == "4300000000000000005e-1");
    CHECK(rep(b + a) == "4300000000000000005e-1");
    CHECK(rep(-a - b) == "-4300000000000000005e-1");
}

TEST_CASE("overflow at run time throws tariff::overflow_error, which is a "
          "std::overflow_error") {
    const decimal max = decimal(max64);
    CHECK_THROWS_AS(max + 1, tariff::overflow_error);
    CHECK_THROWS_AS(max + 1, std::overflow_error);
    CHECK_THROWS_AS(-max - 1, tariff::overflow_error);
    CHECK_THROWS_AS(max * 2, std::overflow_error);
    CHECK_THROWS_AS(max + 0.5_dec, tariff::overflow_error); // needs 92233720368547758075 at 1 place
    CHECK_THROWS_AS(max - (-max), tariff::overflow_error);
    CHECK(error_of([&] { return max * max; }) == errc::overflow);
    try {
        static_cast<void>(max + max);
        FAIL("max + max did not throw");
    } catch (const tariff::overflow_error& e) {
        CHECK(e.code() == errc::overflow);
        CHECK(std::string(e.what()).size() > 0);
    }
}

TEST_CASE("the checked forms detail::add and detail::multiply return errc::overflow without "
          "throwing") {
    const decimal max = decimal(max64);
    STATIC_REQUIRE(noexcept(detail::add(max, max)));
    STATIC_REQUIRE(noexcept(detail::multiply(max, max)));
    CHECK(detail::add(max, decimal(1)).error() == errc::overflow);
    CHECK(detail::add(-max, decimal(-1)).error() == errc::overflow);
    CHECK(detail::multiply(max, decimal(2)).error() == errc::overflow);
    CHECK(detail::multiply(0.1_dec, decimal::from_parts(1, 18)).error() == errc::overflow);
    CHECK_FALSE(detail::add(max, decimal(1)).ok());
    CHECK(detail::add(max, decimal(1)).value_or(7_dec) == 7); // the fallback
    // And the value when there is one: 2.5 + 0.25 = 2.75 (250 + 25 at 2 places).
    const auto sum = detail::add(2.5_dec, 0.25_dec);
    REQUIRE(sum.ok());
    CHECK(rep(sum.value()) == "275e-2");
}

// ---------------------------------------------------------------------------
// wide_decimal

TEST_CASE("wide_decimal holds what decimal cannot: Indonesia's annual imports, "
          "IDR 3.5e15 at 6 decimal places") {
    // 3500000000000000.000001 is 3500000000000000000001 (about 3.5e21, > 2^63 - 1)
    // at 6 places: too large a coefficient for decimal, easy for 128 bits.
    constexpr wide_decimal imports = 3'500'000'000'000'000.000001_wdec;
    CHECK(rep(imports) == "3500000000000000000001e-6");
    CHECK(try_parse_decimal("3500000000000000.000001").error().code == errc::overflow);
    // 6.1 % of it, exactly: 3500000000000000000001 * 61 = 213500000000000000000061
    // at 6 + 3 = 9 places.
    CHECK(rep(imports * 0.061_dec) == "213500000000000000000061e-9");
    // Summed with itself: 7000000000000000000002 at 6 places.
    CHECK(rep(imports + imports) == "7000000000000000000002e-6");
}

TEST_CASE("decimal widens to wide_decimal implicitly; mixed arithmetic is wide") {
    STATIC_REQUIRE(std::is_convertible_v<decimal, wide_decimal>);
    STATIC_REQUIRE(std::is_same_v<decltype(1.5_dec + 2.25_wdec), wide_decimal>);
    STATIC_REQUIRE(std::is_same_v<decltype(1.5_wdec * 2.25_dec), wide_decimal>);
    const wide_decimal w = 1.5_dec;
    CHECK(rep(w) == "15e-1");
    CHECK(rep(1.5_dec + 2.25_wdec) == "375e-2");
    CHECK(rep(decimal(max64) + wide_decimal(1)) == "9223372036854775808e-0"); // 2^63 fits 128 bits
}

TEST_CASE("wide_decimal narrows only explicitly, and throws tariff::overflow_error when the "
          "value does not fit") {
    STATIC_REQUIRE(!std::is_convertible_v<wide_decimal, decimal>);
    STATIC_REQUIRE(std::is_constructible_v<decimal, wide_decimal>);
    CHECK(rep(decimal(1.25_wdec)) == "125e-2");
    CHECK_THROWS_AS(decimal(3'500'000'000'000'000.000001_wdec), tariff::overflow_error);
    CHECK_THROWS_AS(decimal(wide_decimal(max64) + wide_decimal(1)), tariff::overflow_error);
    CHECK_THROWS_AS(decimal(wide_decimal::from_parts(1, 19)), tariff::overflow_error); // 19 places
    CHECK(rep(decimal(wide_decimal(-max64))) == "-9223372036854775807e-0");
}

TEST_CASE("narrowing drops trailing zeros only when needed to fit") {
    // 10^20 at 20 places is 1: at 18 places that is 10^18 (two zeros dropped).
    CHECK(rep(decimal(wide_decimal::from_parts(pow10_128(20), 20))) == "1000000000000000000e-18");
    // 10^19 at 2 places is 10^17: 10^19 > 2^63 - 1, so one zero is dropped
    // (10^18 at 1 place fits).
    CHECK(rep(decimal(wide_decimal::from_parts(pow10_128(19), 2))) == "1000000000000000000e-1");
    // A trailing zero that is not needed stays: 1.50 stays 150e-2.
    CHECK(rep(decimal(1.50_wdec)) == "150e-2");
}

// ---------------------------------------------------------------------------
// Division

TEST_CASE("divide rounds the exact quotient once, to the places asked, by the mode given") {
    // 1/3 = 0.333...: below the midpoint 0.335 between 0.33 and 0.34.
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::half_even)) == "33e-2");
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::half_up)) == "33e-2");
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::half_down)) == "33e-2");
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::toward_zero)) == "33e-2");
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::away_from_zero)) == "34e-2");
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::floor)) == "33e-2");
    CHECK(rep(divide(1_dec, 3_dec, 2, rounding::ceiling)) == "34e-2");
    // -1/3 = -0.333...: floor goes down to -0.34, ceiling up to -0.33.
    CHECK(rep(divide(-1_dec, 3_dec, 2, rounding::half_even)) == "-33e-2");
    CHECK(rep(divide(1_dec, -3_dec, 2, rounding::half_up)) == "-33e-2");
    CHECK(rep(divide(-1_dec, 3_dec, 2, rounding::half_down)) == "-33e-2");
    CHECK(rep(divide(-1_dec, 3_dec, 2, rounding::toward_zero)) == "-33e-2");
    CHECK(rep(divide(-1_dec, 3_dec, 2, rounding::away_from_zero)) == "-34e-2");
    CHECK(rep(divide(-1_dec, 3_dec, 2, rounding::floor)) == "-34e-2");
    CHECK(rep(divide(-1_dec, 3_dec, 2, rounding::ceiling)) == "-33e-2");
    // 2/3 = 0.666... to 0 places: above the midpoint 0.5.
    CHECK(rep(divide(2_dec, 3_dec, 0, rounding::half_even)) == "1e-0");
    CHECK(rep(divide(2_dec, 3_dec, 0, rounding::half_down)) == "1e-0");
    CHECK(rep(divide(2_dec, 3_dec, 0, rounding::toward_zero)) == "0e-0");
    CHECK(rep(divide(2_dec, 3_dec, 0, rounding::floor)) == "0e-0");
    CHECK(rep(divide(-2_dec, 3_dec, 0, rounding::ceiling)) == "0e-0");
    CHECK(rep(divide(-2_dec, 3_dec, 0, rounding::half_up)) == "-1e-0");
}

TEST_CASE("divide breaks an exact tie by the mode: 1/8 = 0.125 and 3/8 = 0.375 to 2 places") {
    // 0.125 lies exactly between 0.12 (even) and 0.13.
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::half_even)) == "12e-2");
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::half_up)) == "13e-2");
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::half_down)) == "12e-2");
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::toward_zero)) == "12e-2");
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::away_from_zero)) == "13e-2");
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::floor)) == "12e-2");
    CHECK(rep(divide(1_dec, 8_dec, 2, rounding::ceiling)) == "13e-2");
    // -0.125 between -0.12 (even) and -0.13.
    CHECK(rep(divide(-1_dec, 8_dec, 2, rounding::half_even)) == "-12e-2");
    CHECK(rep(divide(-1_dec, 8_dec, 2, rounding::half_up)) == "-13e-2");
    CHECK(rep(divide(-1_dec, 8_dec, 2, rounding::half_down)) == "-12e-2");
    CHECK(rep(divide(-1_dec, 8_dec, 2, rounding::floor)) == "-13e-2");
    CHECK(rep(divide(-1_dec, 8_dec, 2, rounding::ceiling)) == "-12e-2");
    // 0.375 between 0.37 and 0.38 (even): half_even goes up here.
    CHECK(rep(divide(3_dec, 8_dec, 2, rounding::half_even)) == "38e-2");
    CHECK(rep(divide(3_dec, 8_dec, 2, rounding::half_down)) == "37e-2");
}

TEST_CASE("divide returns exactly the places asked, also for exact quotients and mixed scales") {
    CHECK(rep(divide(10_dec, 4_dec, 3, rounding::half_even)) ==
          "2500e-3"); // 2.5 exactly, at 3 places
    CHECK(rep(divide(1_dec, 3_dec, 5, rounding::half_even)) == "33333e-5");
    // 2440.00000 / 40000.00 = 0.061 exactly.
    CHECK(rep(divide(2440.00000_dec, 40000.00_dec, 3, rounding::half_even)) == "61e-3");
    // 1 / 0.0004 = 2500.
    CHECK(rep(divide(1_dec, 0.0004_dec, 0, rounding::half_even)) == "2500e-0");
    // A quotient that does not fit: 9223372036854775807 / 0.1 = 10 * max.
    CHECK_THROWS_AS(divide(decimal(max64), 0.1_dec, 0, rounding::half_even),
                    tariff::overflow_error);
    CHECK(detail::divide(decimal(max64), 0.1_dec, 0, rounding_mode::half_even).error() ==
          errc::overflow);
}

TEST_CASE("division by zero throws tariff::domain_error with code errc::division_by_zero") {
    CHECK_THROWS_AS(divide(1_dec, 0_dec, 2, rounding::half_even), tariff::domain_error);
    CHECK_THROWS_AS(divide(1_dec, 0.00_dec, 2, rounding::half_even), std::domain_error);
    CHECK(error_of([] { return divide(1_dec, 0_dec, 2, rounding::half_even); }) ==
          errc::division_by_zero);
    CHECK(error_of([] { return divide(0_dec, 0_dec, 0, rounding::floor); }) ==
          errc::division_by_zero);
    try {
        static_cast<void>(divide(5_dec, 0_dec, 0, rounding::ceiling));
        FAIL("divide by zero did not throw");
    } catch (const tariff::domain_error& e) {
        CHECK(e.code() == errc::division_by_zero);
    }
    CHECK(detail::divide(1_dec, 0_dec, 2, rounding_mode::half_up).error() ==
          errc::division_by_zero);
}

TEST_CASE("divide to a number of places outside [0, max_scale] is errc::invalid_argument") {
    CHECK(detail::divide(1_dec, 3_dec, -1, rounding_mode::half_even).error() ==
          errc::invalid_argument);
    CHECK(detail::divide(1_dec, 3_dec, 19, rounding_mode::half_even).error() ==
          errc::invalid_argument);
    CHECK(error_of([] { return divide(1_dec, 3_dec, 19, rounding::half_even); }) ==
          errc::invalid_argument);
    CHECK(detail::divide(1_dec, 3_dec, 18, rounding_mode::half_even).ok());
}

TEST_CASE("wide_decimal divide rounds a quotient below 1 by its true size when the scaled "
          "divisor exceeds 128 bits (regression - it was rounded as if tiny)") {
    // a = (2^127 - 1) at 38 places = 1.70141183460469231731687303715884105727;
    // a / 2 to 0 places is a / 2 = 0.8507...; the divisor at 38 places would be
    // 2 * 10^38 > 2^127 - 1. 0.85 is above the midpoint 0.5.
    const wide_decimal a = wide_decimal::from_parts(max128, 38);
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::half_even)) == "1e-0");
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::half_up)) == "1e-0");
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::half_down)) == "1e-0");
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::toward_zero)) == "0e-0");
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::away_from_zero)) == "1e-0");
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::floor)) == "0e-0");
    CHECK(rep(divide(a, wide_decimal(2), 0, rounding::ceiling)) == "1e-0");
    // a / -2 = -0.8507...
    CHECK(rep(divide(a, wide_decimal(-2), 0, rounding::half_even)) == "-1e-0");
    CHECK(rep(divide(a, wide_decimal(-2), 0, rounding::floor)) == "-1e-0");
    CHECK(rep(divide(a, wide_decimal(-2), 0, rounding::ceiling)) == "0e-0");
    // 1.000...0 (38 places) / 2 = 0.5 exactly: a tie, to the even neighbour 0.
    const wide_decimal one = wide_decimal::from_parts(pow10_128(38), 38);
    CHECK(rep(divide(one, wide_decimal(2), 0, rounding::half_even)) == "0e-0");
    CHECK(rep(divide(one, wide_decimal(2), 0, rounding::half_up)) == "1e-0");
    CHECK(rep(divide(one, wide_decimal(2), 0, rounding::half_down)) == "0e-0");
    // 0.9 / 2 = 0.45: below the midpoint.
    const wide_decimal nine_tenths = wide_decimal::from_parts(9 * pow10_128(37), 38);
    CHECK(rep(divide(nine_tenths, wide_decimal(2), 0, rounding::half_up)) == "0e-0");
    CHECK(rep(divide(nine_tenths, wide_decimal(2), 0, rounding::ceiling)) == "1e-0");
}

TEST_CASE("wide_decimal divide takes the quotient's sign from the operands (regression - from "
          "a product that had wrapped around)") {
    // 10^-38 / 3 = 0.0000...333 > 0; 3 * 10^38 exceeds 2^127 and used to wrap
    // to a negative number.
    const wide_decimal tiny = wide_decimal::from_parts(1, 38);
    CHECK(rep(divide(tiny, wide_decimal(3), 0, rounding::floor)) == "0e-0");
    CHECK(rep(divide(tiny, wide_decimal(3), 0, rounding::ceiling)) == "1e-0");
    CHECK(rep(divide(-tiny, wide_decimal(3), 0, rounding::floor)) == "-1e-0");
    CHECK(rep(divide(-tiny, wide_decimal(3), 0, rounding::ceiling)) == "0e-0");
}

TEST_CASE("wide_decimal divide finds a quotient that fits even when the scaled dividend "
          "exceeds 128 bits (regression - reported as an overflow)") {
    // 10^30 / 10^20 to 10 places: 10^10 exactly, i.e. 10^20 at 10 places. The
    // dividend scaled to 10 places (10^40) exceeds 2^127 (about 1.7e38).
    const wide_decimal e30 = wide_decimal::from_parts(pow10_128(30), 0);
    CHECK(rep(divide(e30, wide_decimal::from_parts(pow10_128(20), 0), 10, rounding::half_even)) ==
          "100000000000000000000e-10");
    // 10^30 / (3 * 10^20) = 3333333333.3333333333|33... to 10 places.
    const wide_decimal three_e20 = wide_decimal::from_parts(3 * pow10_128(20), 0);
    CHECK(rep(divide(e30, three_e20, 10, rounding::half_even)) == "33333333333333333333e-10");
    CHECK(rep(divide(e30, three_e20, 10, rounding::ceiling)) == "33333333333333333334e-10");
    // 2 * 10^30 / (3 * 10^20) = 6666666666.6666666666|66...: above the midpoint.
    CHECK(rep(divide(e30 * 2, three_e20, 10, rounding::half_down)) == "66666666666666666667e-10");
    CHECK(rep(divide(e30 * 2, three_e20, 10, rounding::toward_zero)) == "66666666666666666666e-10");
    CHECK(rep(divide(-e30 * 2, three_e20, 10, rounding::floor)) == "-66666666666666666667e-10");
}

// ---------------------------------------------------------------------------
// Rounding

namespace {

struct rounding_row {
    decimal value;
    int places;
    // In the order of rounding_mode: half_even, half_up, half_down,
    // toward_zero, away_from_zero, floor, ceiling.
    std::array<decimal, 7> expected;
};

constexpr std::array<rounding_mode, 7> all_modes = {
    rounding_mode::half_even,   rounding_mode::half_up,        rounding_mode::half_down,
    rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
    rounding_mode::ceiling,
};

// Each row from the definitions in rounding.hpp:
//   half_even: nearest, a tie to the even neighbour;   half_up: nearest, a tie away from zero;
//   half_down: nearest, a tie toward zero;             toward_zero: drop the digits;
//   away_from_zero: up in magnitude if any digit is dropped;
//   floor: toward -infinity;                           ceiling: toward +infinity.
//                   value   places  he    hu     hd    tz    afz   floor ceiling
const rounding_row rounding_table[] = {
    // ties between an even and an odd neighbour
    {2.5_dec, 0, {2_dec, 3_dec, 2_dec, 2_dec, 3_dec, 2_dec, 3_dec}},
    {-2.5_dec, 0, {-2_dec, -3_dec, -2_dec, -2_dec, -3_dec, -3_dec, -2_dec}},
    {3.5_dec, 0, {4_dec, 4_dec, 3_dec, 3_dec, 4_dec, 3_dec, 4_dec}},
    {-3.5_dec, 0, {-4_dec, -4_dec, -3_dec, -3_dec, -4_dec, -4_dec, -3_dec}},
    {0.5_dec, 0, {0_dec, 1_dec, 0_dec, 0_dec, 1_dec, 0_dec, 1_dec}},
    {-0.5_dec, 0, {0_dec, -1_dec, 0_dec, 0_dec, -1_dec, -1_dec, 0_dec}},
    {2.5000_dec, 0, {2_dec, 3_dec, 2_dec, 2_dec, 3_dec, 2_dec, 3_dec}}, // still a tie
    // not ties: nearest wins in every half_ mode
    {2.51_dec, 0, {3_dec, 3_dec, 3_dec, 2_dec, 3_dec, 2_dec, 3_dec}},
    {2.49_dec, 0, {2_dec, 2_dec, 2_dec, 2_dec, 3_dec, 2_dec, 3_dec}},
    {-2.49_dec, 0, {-2_dec, -2_dec, -2_dec, -2_dec, -3_dec, -3_dec, -2_dec}},
    {-2.51_dec, 0, {-3_dec, -3_dec, -3_dec, -2_dec, -3_dec, -3_dec, -2_dec}},
    {2.5001_dec, 0, {3_dec, 3_dec, 3_dec, 2_dec, 3_dec, 2_dec, 3_dec}},
    {2.1_dec, 0, {2_dec, 2_dec, 2_dec, 2_dec, 3_dec, 2_dec, 3_dec}},
    {-2.9_dec, 0, {-3_dec, -3_dec, -3_dec, -2_dec, -3_dec, -3_dec, -2_dec}},
    // nothing to drop but zeros: every mode gives the same
    {2.0_dec, 0, {2_dec, 2_dec, 2_dec, 2_dec, 2_dec, 2_dec, 2_dec}},
    // to the cent: 1.005 is a tie between 1.00 (even) and 1.01
    {1.005_dec, 2, {1.00_dec, 1.01_dec, 1.00_dec, 1.00_dec, 1.01_dec, 1.00_dec, 1.01_dec}},
    // 1.015: a tie between 1.01 and 1.02 (even)
    {1.015_dec, 2, {1.02_dec, 1.02_dec, 1.01_dec, 1.01_dec, 1.02_dec, 1.01_dec, 1.02_dec}},
    {-1.015_dec, 2, {-1.02_dec, -1.02_dec, -1.01_dec, -1.01_dec, -1.02_dec, -1.02_dec, -1.01_dec}},
    // 0.0049 to 2 places: below the midpoint 0.005
    {0.0049_dec, 2, {0.00_dec, 0.00_dec, 0.00_dec, 0.00_dec, 0.01_dec, 0.00_dec, 0.01_dec}},
};

} // namespace

TEST_CASE("round follows each mode's definition on positive and negative ties and non-ties") {
    for (const auto& row : rounding_table) {
        for (std::size_t m = 0; m < all_modes.size(); ++m) {
            INFO("round(" << rep(row.value) << ", " << row.places << ", " << to_string(all_modes[m])
                          << ")");
            const decimal got = round(row.value, row.places, all_modes[m]);
            CHECK(got == row.expected[m]);
            CHECK(got.scale() == row.places); // rounded to exactly that many places
        }
    }
}

TEST_CASE("round accepts a mode tag as well as a runtime mode") {
    CHECK(rep(round(2.5_dec, 0, rounding::half_even)) == "2e-0");
    CHECK(rep(round(2.5_dec, 0, rounding::half_up)) == "3e-0");
    const rounding_mode chosen = rounding_mode::ceiling;
    CHECK(rep(round(2.01_dec, 1, chosen)) == "21e-1");
}

TEST_CASE("round never adds places: a value with no more places than asked is unchanged") {
    CHECK(rep(round(1.5_dec, 3, rounding::half_even)) == "15e-1");
    CHECK(rep(round(1.50_dec, 2, rounding::floor)) == "150e-2");
    CHECK(rep(round(7_dec, 2, rounding::ceiling)) == "7e-0");
}

TEST_CASE("round to a negative number of places throws domain_error(invalid_argument)") {
    CHECK(error_of([] { return round(1.5_dec, -1, rounding::half_even); }) ==
          errc::invalid_argument);
    CHECK(detail::round_to_scale(1.5_dec, -1, rounding_mode::half_even).error() ==
          errc::invalid_argument);
}

TEST_CASE("round_to_multiple rounds to a multiple of the step by the mode, e.g. 0.05 (Swiss "
          "rappen)") {
    // 1.02 / 0.05 = 20.4 -> 20 -> 1.00 (nearest)
    CHECK(rep(round_to_multiple(1.02_dec, 0.05_dec, rounding::half_even)) == "100e-2");
    // 1.03 / 0.05 = 20.6 -> 21 -> 1.05
    CHECK(rep(round_to_multiple(1.03_dec, 0.05_dec, rounding::half_even)) == "105e-2");
    // 1.025 / 0.05 = 20.5: a tie; even 20 -> 1.00; half_up 21 -> 1.05
    CHECK(rep(round_to_multiple(1.025_dec, 0.05_dec, rounding::half_even)) == "100e-2");
    CHECK(rep(round_to_multiple(1.025_dec, 0.05_dec, rounding::half_up)) == "105e-2");
    CHECK(rep(round_to_multiple(1.025_dec, 0.05_dec, rounding::half_down)) == "100e-2");
    // 1.075 / 0.05 = 21.5: even 22 -> 1.10; half_down 21 -> 1.05
    CHECK(rep(round_to_multiple(1.075_dec, 0.05_dec, rounding::half_even)) == "110e-2");
    CHECK(rep(round_to_multiple(1.075_dec, 0.05_dec, rounding::half_down)) == "105e-2");
    // 1.04 floor: 20.8 -> 20 -> 1.00; 1.01 ceiling: 20.2 -> 21 -> 1.05
    CHECK(rep(round_to_multiple(1.04_dec, 0.05_dec, rounding::floor)) == "100e-2");
    CHECK(rep(round_to_multiple(1.01_dec, 0.05_dec, rounding::ceiling)) == "105e-2");
    // -1.025 / 0.05 = -20.5: even -20 -> -1.00; half_up -21 -> -1.05; floor -21
    CHECK(rep(round_to_multiple(-1.025_dec, 0.05_dec, rounding::half_even)) == "-100e-2");
    CHECK(rep(round_to_multiple(-1.025_dec, 0.05_dec, rounding::half_up)) == "-105e-2");
    CHECK(rep(round_to_multiple(-1.025_dec, 0.05_dec, rounding::floor)) == "-105e-2");
    // Already a multiple: unchanged in value.
    CHECK(round_to_multiple(1.10_dec, 0.05_dec, rounding::away_from_zero) == 1.1_dec);
}

TEST_CASE("round_to_multiple to whole units: the result has the step's scale") {
    // 2.5 / 1 = 2.5 -> even 2; scale of 2 * 1 is 0.
    CHECK(rep(round_to_multiple(2.5_dec, 1_dec, rounding::half_even)) == "2e-0");
    // 1234.50 / 1.00 = 1234.5 -> half_up 1235; 1235 * 1.00 = 1235.00 (whole dollars).
    CHECK(rep(round_to_multiple(1234.50_dec, 1.00_dec, rounding::half_up)) == "123500e-2");
    CHECK(rep(round_to_multiple(1234.50_dec, 1.00_dec, rounding::half_even)) == "123400e-2");
    CHECK(rep(round_to_multiple(-1234.01_dec, 1.00_dec, rounding::floor)) == "-123500e-2");
}

TEST_CASE("round_to_multiple by a zero step is division_by_zero, by a negative step "
          "invalid_argument") {
    CHECK(error_of([] { return round_to_multiple(1.02_dec, 0.00_dec, rounding::half_even); }) ==
          errc::division_by_zero);
    CHECK(error_of([] { return round_to_multiple(1.02_dec, -0.05_dec, rounding::half_even); }) ==
          errc::invalid_argument);
}

TEST_CASE("normalize drops trailing zeros and keeps the value") {
    CHECK(rep(normalize(2440.00000_dec)) == "2440e-0"); // never below scale 0
    CHECK(rep(normalize(1.2300_dec)) == "123e-2");
    CHECK(rep(normalize(-1.10_dec)) == "-11e-1");
    CHECK(rep(normalize(0.000_dec)) == "0e-0");
    CHECK(rep(normalize(100_dec)) == "100e-0");
    CHECK(rep(normalize(0.001_dec)) == "1e-3");
    CHECK(normalize(2440.00000_dec) == 2440.00000_dec);
}

// ---------------------------------------------------------------------------
// Parsing

TEST_CASE("parse_decimal accepts a sign, digits, one point followed by digits, and "
          "separators between digits") {
    struct accepted {
        std::string_view text;
        std::string_view representation;
    };
    const accepted cases[] = {
        {"0", "0e-0"},
        {"42", "42e-0"},
        {"-1.50", "-150e-2"}, // scale kept
        {"+3.25", "325e-2"},
        {"40'000.00", "4000000e-2"},
        {"1'2'3", "123e-0"},
        {"0.1'5", "15e-2"},
        {"007", "7e-0"},
        {"-0", "0e-0"},
        {"0.000000000000000001", "1e-18"}, // 18 places: the most decimal holds
        {"9223372036854775807", "9223372036854775807e-0"},
        {"-9223372036854775807", "-9223372036854775807e-0"},
        {"922337203685477580.7", "9223372036854775807e-1"},
    };
    for (const auto& c : cases) {
        INFO("text: " << std::string(c.text));
        const auto parsed = try_parse_decimal(c.text);
        CHECK(parsed.ok());
        CHECK(parsed.error().code == errc::ok);
        CHECK(rep(parsed.value()) == c.representation);
    }
    const auto wide =
        try_parse_wide_decimal("0.12345678901234567890123456789012345678"); // 38 places
    REQUIRE(wide.ok());
    CHECK(rep(wide.value()) == "12345678901234567890123456789012345678e-38");
}

TEST_CASE("parse_decimal rejects every other form, saying what and where") {
    struct rejected {
        std::string_view text;
        errc code;
        std::size_t position; // offset of the offending character (the end if one is missing)
    };
    const rejected cases[] = {
        {"", errc::invalid_text, 0},  // no digits
        {"-", errc::invalid_text, 1}, // no digits after the sign
        {"+", errc::invalid_text, 1},
        {"1.", errc::invalid_text, 2},   // a digit must follow the point
        {".5", errc::invalid_text, 0},   // a digit must come before the point
        {"1..2", errc::invalid_text, 2}, // the second point
        {"1.2.3", errc::invalid_text, 3},
        {"1e5", errc::invalid_text, 1}, // no exponent
        {"1E5", errc::invalid_text, 1},
        {"0x10", errc::invalid_text, 1}, // no hexadecimal
        {"1 2", errc::invalid_text, 1},  // no spaces
        {" 1", errc::invalid_text, 0},
        {"1 ", errc::invalid_text, 1},
        {"1,000", errc::invalid_text, 1}, // no thousands commas
        {"--1", errc::invalid_text, 1},
        {"1'", errc::invalid_text, 1}, // a separator must stand between digits
        {"'1", errc::invalid_text, 0},
        {"1''0", errc::invalid_text, 1},
        {"1.'5", errc::invalid_text, 2},
        {"1'.5", errc::invalid_text, 1},
        // 19 places: "0." then digits at offsets 2..20; the 19th is at 20.
        {"0.1234567890123456789", errc::overflow, 20},
        // 2^63 = 9223372036854775808: the last digit (offset 18) overflows.
        {"9223372036854775808", errc::overflow, 18},
        // -2^63 fits int64 but is excluded from decimal's range.
        {"-9223372036854775808", errc::overflow, 19},
        {"92233720368547758070", errc::overflow, 19},
    };
    for (const auto& c : cases) {
        INFO("text: \"" << std::string(c.text) << "\"");
        const auto parsed = try_parse_decimal(c.text);
        CHECK_FALSE(parsed.ok());
        CHECK(parsed.error().code == c.code);
        CHECK(parsed.error().position == c.position);
        REQUIRE(parsed.error().reason != nullptr);
        CHECK(std::string_view(parsed.error().reason).size() > 0);
    }
    // 39 places is one more than wide_decimal holds.
    const auto wide = try_parse_wide_decimal("0.123456789012345678901234567890123456789");
    CHECK(wide.error().code == errc::overflow);
    CHECK(wide.error().position == 40);
}

// ---------------------------------------------------------------------------
// Literals

TEST_CASE("the _dec and _wdec literals are exact decimals with the places written") {
    STATIC_REQUIRE(std::is_same_v<decltype(6.1_dec), decimal>);
    STATIC_REQUIRE(std::is_same_v<decltype(6.1_wdec), wide_decimal>);
    CHECK(rep(6.1_dec) == "61e-1");
    CHECK(rep(40'000.00_dec) == "4000000e-2");
    CHECK(rep(100_dec) == "100e-0");
    CHECK(rep(0.000000000000000001_dec) == "1e-18");
    CHECK(rep(9223372036854775807_dec) == "9223372036854775807e-0");
    CHECK(rep(-1.50_dec) == "-150e-2"); // unary minus on 1.50
    CHECK(rep(170141183460469231731687303715884105727_wdec) ==
          "170141183460469231731687303715884105727e-0"); // 2^127 - 1
    CHECK(rep(0.00000000000000000000000000000000000001_wdec) == "1e-38");
}

// ---------------------------------------------------------------------------
// Constant evaluation

namespace {
// Each of these is evaluated by the compiler: the operations are usable in
// constant expressions (and would fail to compile if they raised).
constexpr decimal duty = 40000.00_dec * 0.061_dec; // 2440.00000
static_assert(duty.coefficient() == 244000000 && duty.scale() == 5);
static_assert(1.5_dec + 2.25_dec == 3.75_dec);
static_assert(1.5_dec - 2 == -0.5_dec);
static_assert(1.5_dec == 1.50_dec && 1.5_dec < 1.51_dec);
static_assert((decimal(10) <=> decimal::from_parts(max64, 18)) == std::strong_ordering::greater);
static_assert(divide(1_dec, 3_dec, 2, rounding::half_even) == 0.33_dec);
static_assert(round(2.5_dec, 0, rounding::half_even) == 2);
static_assert(round(-2.5_dec, 0, rounding::half_up) == -3);
static_assert(round_to_multiple(1.03_dec, 0.05_dec, rounding::half_even) == 1.05_dec);
static_assert(normalize(2440.00000_dec).scale() == 0);
static_assert(abs(-1.5_dec) == 1.5_dec);
static_assert(try_parse_decimal("40'000.00").value() == 40000);
static_assert(try_parse_decimal("1e5").error().code == errc::invalid_text);
static_assert(detail::add(decimal(max64), decimal(1)).error() == errc::overflow);
static_assert(detail::multiply(decimal(max64), decimal(2)).error() == errc::overflow);
static_assert(decimal::try_from_parts(1, 19).error() == errc::overflow);
static_assert(3'500'000'000'000'000.000001_wdec * 0.061_dec == 213'500'000'000'000.000000061_wdec);
static_assert(decimal(1.25_wdec) == 1.25_dec);
} // namespace

TEST_CASE("the main operations are usable in constant evaluation") {
    STATIC_REQUIRE(duty == 2440_dec);
    STATIC_REQUIRE(divide(2_dec, 3_dec, 0, rounding::ceiling) == 1);
    STATIC_REQUIRE(92233720368547758.07_dec + 0.93_dec == 92233720368547759_dec);
}

// A decimal does not mix with a character, a bool or binary floating point
// ('x' is 120, true is 1, 1.5 is binary): those overloads are named mistakes,
// never callable, so the traits answer false (tests/compile_fail/batch/
// parameters.cpp checks the first error line). Each has its positive control.
namespace decimal_mixing {
using tariff::decimal;
static_assert(std::is_invocable_v<std::plus<>, decimal, int>);
static_assert(!std::is_invocable_v<std::plus<>, decimal, char>);
static_assert(!std::is_invocable_v<std::plus<>, char, decimal>);
static_assert(!std::is_invocable_v<std::minus<>, decimal, wchar_t>);
static_assert(std::is_invocable_v<std::multiplies<>, decimal, long>);
static_assert(!std::is_invocable_v<std::multiplies<>, decimal, bool>);
static_assert(!std::is_invocable_v<std::multiplies<>, bool, decimal>);
static_assert(!std::is_invocable_v<std::plus<>, decimal, double>);
static_assert(!std::is_invocable_v<std::minus<>, float, decimal>);
static_assert(!std::is_invocable_v<std::multiplies<>, decimal, double>);
static_assert(std::equality_comparable_with<decimal, int>);
static_assert(!std::is_invocable_v<std::equal_to<>, decimal, char>);
static_assert(!std::is_invocable_v<std::equal_to<>, decimal, double>);
static_assert(!std::is_invocable_v<std::less<>, decimal, bool>);
static_assert(std::totally_ordered_with<decimal, std::int64_t>);
static_assert(!std::totally_ordered_with<decimal, char>);

// Decimal places are a whole number.
template <class P>
concept rounds_to = requires(decimal d, P p) {
    round(d, p, tariff::rounding::half_even);
};
template <class P>
concept divides_to = requires(decimal d, P p) {
    divide(d, d, p, tariff::rounding::half_even);
};
static_assert(rounds_to<int> && divides_to<int> && rounds_to<unsigned char>);
static_assert(!rounds_to<double> && !rounds_to<float> && !rounds_to<char> && !rounds_to<bool>);
static_assert(!divides_to<double> && !divides_to<char16_t> && !divides_to<bool>);
} // namespace decimal_mixing
