// tariff::result<T>: the one error carrier. Access (value(), *, ->), its safety
// on temporaries, and composition (transform, and_then). Expected figures by
// hand in the comments.
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff::literals;
using tariff::CAD;
using tariff::errc;
using tariff::money;
using tariff::result;
using tariff_test::error_of;

namespace {
constexpr result<money<CAD>> good = 2'440.00_CAD;
constexpr result<money<CAD>> bad = errc::overflow;

struct line {
    money<CAD> amount;
    int index = 0;
};
} // namespace

TEST_CASE("result: value(), * and -> give the value, and raise the error when there is none",
          "[result]") {
    STATIC_REQUIRE(good.value() == 2'440.00_CAD);
    STATIC_REQUIRE(*good == 2'440.00_CAD);
    STATIC_REQUIRE(good->minor_units() == 244'000);
    CHECK(error_of([] { return bad.value(); }) == errc::overflow);
    CHECK(error_of([] { return *bad; }) == errc::overflow);
    CHECK(error_of([] { return bad->minor_units(); }) == errc::overflow);
    CHECK_THROWS_AS(*bad, tariff::overflow_error);
    const result<line> l = line{1.00_CAD, 3};
    CHECK(l->index == 3);
    CHECK(l->amount == 1.00_CAD);
}

TEST_CASE("result: value() of a temporary is returned by value, never a dangling reference",
          "[result]") {
    STATIC_REQUIRE(std::is_same_v<decltype(std::declval<result<line>>().value()), line>);
    STATIC_REQUIRE(std::is_same_v<decltype(*std::declval<result<line>>()), line>);
    STATIC_REQUIRE(
        std::is_same_v<decltype(std::declval<const result<line>&>().value()), const line&>);
    const auto make = [] { return result<line>(line{5.00_CAD, 7}); };
    const auto& kept = make().value(); // lifetime extended: a value, not a reference
    CHECK(kept.index == 7);
}

TEST_CASE("result: transform maps the value and keeps the error", "[result]") {
    // 2,440.00 in cents is 244,000.
    constexpr auto cents = good.transform([](money<CAD> m) { return m.minor_units(); });
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(cents)>, result<std::int64_t>>);
    STATIC_REQUIRE(*cents == 244'000);
    int calls = 0;
    const auto none = bad.transform([&](money<CAD> m) {
        ++calls;
        return m.minor_units();
    });
    CHECK(none.error() == errc::overflow);
    CHECK(calls == 0); // f is not called on an error
}

TEST_CASE("result: and_then chains checked operations; the first error wins", "[result]") {
    // 2,440.00 + 2,122.00 = 4,562.00 (the EV's MFN and GST, by hand).
    constexpr auto total =
        good.and_then([](money<CAD> m) { return tariff::checked::add(m, 2'122.00_CAD); });
    STATIC_REQUIRE(*total == 4'562.00_CAD);
    // An overflow in the second step: (2^63 - 1 cents) + 0.01 does not fit.
    const auto big = money<CAD>::from_minor_units(9'223'372'036'854'775'807);
    const auto over = result<money<CAD>>(big).and_then(
        [](money<CAD> m) { return tariff::checked::add(m, 0.01_CAD); });
    CHECK(over.error() == errc::overflow);
    // An error before it: the second step never runs.
    int calls = 0;
    const auto first = result<money<CAD>>(errc::invalid_argument).and_then([&](money<CAD> m) {
        ++calls;
        return tariff::checked::add(m, 0.01_CAD);
    });
    CHECK(first.error() == errc::invalid_argument);
    CHECK(calls == 0);
}
