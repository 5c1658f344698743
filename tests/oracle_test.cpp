// Differential test against an independent oracle.
//
// oracle_vectors.hpp is generated at build time by tests/oracle/generate_vectors.py
// from Python's decimal module (exact arithmetic, explicit rounding constants)
// and a plain-integer Hamilton apportionment; the script states the rules the
// expectations follow. Each vector holds decimal strings: the operands, and
// the exact result as the library must return it (value AND scale), or
// "overflow" / "division_by_zero". Nothing in the vectors came from running
// the library.
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/allocate.hpp>
#include <tariff/decimal.hpp>

#include "catch.hpp"
#include "oracle_vectors.hpp"

namespace {

using namespace tariff;

// The same order as oracle::mode_names (checked below).
constexpr std::array<rounding_mode, 7> modes = {
    rounding_mode::half_even,   rounding_mode::half_up,        rounding_mode::half_down,
    rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
    rounding_mode::ceiling,
};

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

// "coefficient e-scale": the exact representation, for comparisons and messages.
template <class R>
std::string representation(basic_decimal<R> d) {
    return digits(d.coefficient()) + "e-" + std::to_string(d.scale());
}

template <class R>
basic_decimal<R> parse(std::string_view text) {
    const auto p = detail::parse_decimal<R>(text);
    INFO("vector text: " << std::string(text));
    REQUIRE(p.ok());
    return p.value();
}

// Checks a checked-form result against a vector's expectation.
template <class R>
void check(const result<basic_decimal<R>>& got, std::string_view expected) {
    if (expected == "overflow") {
        CHECK(got.error() == errc::overflow);
        return;
    }
    if (expected == "division_by_zero") {
        CHECK(got.error() == errc::division_by_zero);
        return;
    }
    const auto want = parse<R>(expected);
    CHECK(got.ok());
    if (got.ok()) {
        const auto value = got.value_or({});
        CHECK(value == want);                                 // the same number,
        CHECK(representation(value) == representation(want)); // held exactly as specified
    }
}

template <class Table>
std::size_t count_expected(const Table& table, std::string_view what) {
    std::size_t n = 0;
    for (const auto& v : table)
        n += std::string_view(v.sum) == what || std::string_view(v.difference) == what ||
             std::string_view(v.product) == what;
    return n;
}

template <class R, class Table>
void check_arithmetic(const Table& table) {
    for (const auto& v : table) {
        INFO("a = " << v.a << ", b = " << v.b);
        const auto a = parse<R>(v.a), b = parse<R>(v.b);
        check(detail::add(a, b), v.sum);
        check(detail::add(a, -b), v.difference);
        check(detail::multiply(a, b), v.product);
    }
}

template <class R, class Table>
void check_rounding(const Table& table) {
    for (const auto& v : table) {
        const auto a = parse<R>(v.a);
        for (std::size_t m = 0; m < modes.size(); ++m) {
            INFO("round(" << v.a << ", " << v.places << ", " << to_string(modes[m]) << ")");
            check(detail::round_to_scale(a, v.places, modes[m]), v.expected[m]);
        }
    }
}

template <class R, class Table>
void check_division(const Table& table) {
    for (const auto& v : table) {
        const auto a = parse<R>(v.a), b = parse<R>(v.b);
        for (std::size_t m = 0; m < modes.size(); ++m) {
            INFO("divide(" << v.a << ", " << v.b << ", " << v.places << ", " << to_string(modes[m])
                           << ")");
            check(detail::divide(a, b, v.places, modes[m]), v.expected[m]);
        }
    }
}

} // namespace

TEST_CASE("the vectors list the rounding modes in tariff::rounding_mode's order") {
    for (std::size_t m = 0; m < modes.size(); ++m)
        CHECK(std::string_view(to_string(modes[m])) == oracle::mode_names[m]);
}

TEST_CASE("the vectors are many and include results that overflow") {
    // Guards against a generator that silently writes empty or trivial tables.
    CHECK(std::size(oracle::arithmetic64) >= 500);
    CHECK(std::size(oracle::rounding64) >= 300);
    CHECK(std::size(oracle::division64) >= 300);
    CHECK(std::size(oracle::allocation) >= 200);
    CHECK(count_expected(oracle::arithmetic64, "overflow") >= 50);
    CHECK(count_expected(oracle::arithmetic128, "overflow") >= 20);
}

TEST_CASE("decimal + - * are exact, at the larger scale (sum) or the sum of the scales "
          "(product), dropping trailing zeros only to fit, as Python's decimal computes") {
    check_arithmetic<std::int64_t>(oracle::arithmetic64);
}

TEST_CASE("wide_decimal + - * are exact, at the larger scale (sum) or the sum of the scales "
          "(product), dropping trailing zeros only to fit, as Python's decimal computes") {
    check_arithmetic<int128_t>(oracle::arithmetic128);
}

TEST_CASE("the operators + - * give the checked forms' values and throw "
          "tariff::overflow_error where those report errc::overflow") {
    for (const auto& v : oracle::arithmetic64) {
        INFO("a = " << v.a << ", b = " << v.b);
        const auto a = parse<std::int64_t>(v.a), b = parse<std::int64_t>(v.b);
        const std::string_view sum = v.sum, difference = v.difference, product = v.product;
        if (sum == "overflow")
            CHECK_THROWS_AS(a + b, tariff::overflow_error);
        else
            CHECK(representation(a + b) == representation(parse<std::int64_t>(sum)));
        if (difference == "overflow")
            CHECK_THROWS_AS(a - b, tariff::overflow_error);
        else
            CHECK(representation(a - b) == representation(parse<std::int64_t>(difference)));
        if (product == "overflow")
            CHECK_THROWS_AS(a * b, tariff::overflow_error);
        else
            CHECK(representation(a * b) == representation(parse<std::int64_t>(product)));
    }
}

TEST_CASE("decimal round(a, places, mode) matches Python's quantize in all seven modes and "
          "never adds places") {
    check_rounding<std::int64_t>(oracle::rounding64);
}

TEST_CASE("wide_decimal round(a, places, mode) matches Python's quantize in all seven modes "
          "and never adds places") {
    check_rounding<int128_t>(oracle::rounding128);
}

TEST_CASE("decimal divide(a, b, places, mode) is the exact quotient rounded once, as Python's "
          "decimal rounds it") {
    check_division<std::int64_t>(oracle::division64);
}

TEST_CASE("wide_decimal divide(a, b, places, mode) is the exact quotient rounded once, as "
          "Python's decimal rounds it") {
    check_division<int128_t>(oracle::division128);
}

TEST_CASE("allocate splits by largest remainder (Hamilton) exactly as an independent Python "
          "implementation does, ties to the lower index, negative totals mirrored") {
    using cad = money<CAD>;
    for (const auto& v : oracle::allocation) {
        INFO("allocate(" << v.total << ", granularity " << v.granularity << ", " << v.count
                         << " weights)");
        const auto total = cad::try_parse(v.total), granularity = cad::try_parse(v.granularity);
        REQUIRE(total.ok());
        REQUIRE(granularity.ok());
        const auto n = static_cast<std::size_t>(v.count);
        const std::span<const std::int64_t> weights(v.weights, n);
        std::vector<cad> parts(n);
        REQUIRE(try_allocate(*total, weights, parts, *granularity) == errc::ok);
        cad sum;
        for (std::size_t i = 0; i < n; ++i) {
            INFO("part " << i << ": expected " << v.parts[i]);
            const auto want = parse<std::int64_t>(v.parts[i]);
            CHECK(parts[i].amount() == want);
            CHECK(representation(parts[i].amount()) == representation(want));
            sum += parts[i];
        }
        CHECK(sum == *total);
    }
}
