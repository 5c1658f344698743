// tariff::quantity: exact, non-negative amounts of a unit of measure.
//
// Every expected figure is computed by hand in the comment next to it; none
// was obtained by running the code under test.
#include <concepts>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

// A unit the library does not provide, in one line: 1 carat = 1/5000 kg = 0.2 g.
struct carat : tariff::unit<tariff::mass, 1, 5000, "ct"> {};

// A dimension the library does not provide takes a bit of its own (the library's
// dimensions and properties of the goods take bits 0 to 11, qualified quantities
// 16 to 31: see units.hpp).
struct length {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = 1u << 12;
};
struct metre : tariff::unit<length, 1, 1, "m"> {};
struct foot : tariff::unit<length, 3048, 10000, "ft"> {};

namespace {

using namespace tariff::literals;
using tariff::basic_quantity;
using tariff::decimal;
using tariff::errc;
using tariff::int128_t;
using tariff::quantity;
using tariff_test::error_of;
namespace u = tariff::units;

// --- building quantities ------------------------------------------------------------

TEST_CASE("integer * unit is a quantity of that unit", "[quantity][build]") {
    const auto q = 1'000 * tariff::kg;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(q)>, quantity<u::kilogram>>);
    CHECK(q.value() == 1'000);
    CHECK((12 * tariff::each).value() == 12);
    CHECK((0 * tariff::litre).value() == 0);
}

TEST_CASE("decimal * unit is exact: 16.32_dec * tonne is 16,320 kg", "[quantity][build]") {
    const auto q = 16.32_dec * tariff::tonne;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(q)>, quantity<u::tonne>>);
    CHECK(q.value() == 16.32_dec);
    // 16.32 t * 1,000 kg/t = 16,320 kg
    const quantity<u::kilogram> in_kg = q;
    CHECK(in_kg.value() == 16'320);
    CHECK(q == 16'320 * tariff::kg);
}

TEST_CASE("quantity literals give quantities of their unit", "[quantity][build]") {
    STATIC_REQUIRE(std::is_same_v<decltype(16.32_tonne), quantity<u::tonne>>);
    STATIC_REQUIRE(std::is_same_v<decltype(1'000_kg), quantity<u::kilogram>>);
    STATIC_REQUIRE(std::is_same_v<decltype(250_g), quantity<u::gram>>);
    STATIC_REQUIRE(std::is_same_v<decltype(12_each), quantity<u::each>>);
    STATIC_REQUIRE(std::is_same_v<decltype(2.5_l), quantity<u::litre>>);
    STATIC_REQUIRE(std::is_same_v<decltype(3_hl), quantity<u::hectolitre>>);
    STATIC_REQUIRE(std::is_same_v<decltype(0.75_lpa), quantity<u::litre_pure_alcohol>>);
    STATIC_REQUIRE(std::is_same_v<decltype(100_m2), quantity<u::square_metre>>);
    STATIC_REQUIRE(std::is_same_v<decltype(1'500_kWh), quantity<u::kilowatt_hour>>);
    CHECK(16.32_tonne == 16.32_dec * tariff::tonne);
    CHECK((1'000_kg).value() == 1'000);
    CHECK((0.75_lpa).value() == 0.75_dec);
    CHECK((2.5_l).value() == 2.5_dec);
}

// --- conversions -------------------------------------------------------------------------

TEST_CASE("mass converts exactly: tonne, kg, g, 100 kg", "[quantity][convert]") {
    // 2 t = 2,000 kg
    CHECK(quantity<u::kilogram>(2 * tariff::tonne).value() == 2'000);
    // 2,500 kg = 2.5 t
    CHECK(quantity<u::tonne>(2'500 * tariff::kg).value() == 2.5_dec);
    // 250 g = 0.25 kg
    CHECK(quantity<u::kilogram>(250 * tariff::g).value() == 0.25_dec);
    // 1.5 kg = 1,500 g
    CHECK(quantity<u::gram>(1.5_kg).value() == 1'500);
    // 1,234 kg = 12.34 x 100 kg
    CHECK(quantity<u::hundred_kilograms>(1'234 * tariff::kg).value() == 12.34_dec);
    // 3 x 100 kg = 300 kg
    CHECK(quantity<u::kilogram>(3 * tariff::hundred_kg).value() == 300);
    // 1 g = 0.000001 t
    CHECK(quantity<u::tonne>(1 * tariff::g).value() == 0.000001_dec);
}

TEST_CASE("volume converts exactly: hl, litre, m3", "[quantity][convert]") {
    // 3 hl = 300 l
    CHECK(quantity<u::litre>(3 * tariff::hl).value() == 300);
    // 250 l = 2.5 hl
    CHECK(quantity<u::hectolitre>(250 * tariff::litre).value() == 2.5_dec);
    // 1 m3 = 1,000 l = 10 hl
    CHECK(quantity<u::litre>(1 * tariff::m3).value() == 1'000);
    CHECK(quantity<u::hectolitre>(1 * tariff::m3).value() == 10);
    // 0.75 l = 0.00075 m3
    CHECK(quantity<u::cubic_metre>(0.75_l).value() == 0.00075_dec);
}

TEST_CASE("counts convert exactly: dozen and pair to each", "[quantity][convert]") {
    // 2 dozen = 24 each
    CHECK(quantity<u::each>(2 * tariff::dozen).value() == 24);
    // 3 pairs = 6 each
    CHECK(quantity<u::each>(3 * tariff::pair).value() == 6);
    // 7 each = 3.5 pairs (1/2 is a finite decimal)
    CHECK(quantity<u::pair>(7 * tariff::each).value() == 3.5_dec);
    // 1 dozen = 6 pairs
    CHECK(quantity<u::pair>(1 * tariff::dozen).value() == 6);
}

TEST_CASE("a proof litre is half a litre of pure alcohol", "[quantity][convert]") {
    // 10 proof litres * 0.5 = 5 l of pure alcohol
    CHECK(quantity<u::litre_pure_alcohol>(10 * tariff::proof_litre).value() == 5);
    // 5 lpa / 0.5 = 10 proof litres
    CHECK(quantity<u::proof_litre>(5 * tariff::lpa).value() == 10);
    // 0.75 lpa = 1.5 proof litres
    CHECK(quantity<u::proof_litre>(0.75_lpa).value() == 1.5_dec);
    // 1 proof litre = 0.5 lpa
    CHECK(1 * tariff::proof_litre == 0.5_lpa);
}

TEST_CASE("energy converts exactly: MWh and kWh", "[quantity][convert]") {
    // 2.5 MWh = 2,500 kWh
    CHECK(quantity<u::kilowatt_hour>(2.5_dec * tariff::MWh).value() == 2'500);
    // 750 kWh = 0.75 MWh
    CHECK(quantity<u::megawatt_hour>(750_kWh).value() == 0.75_dec);
}

TEST_CASE("in(unit) converts as the constructor does", "[quantity][convert]") {
    // 2 t = 2,000 kg
    const auto kg = (2 * tariff::tonne).in(tariff::kg);
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(kg)>, quantity<u::kilogram>>);
    CHECK(kg.value() == 2'000);
    // 30 each = 2.5 dozen
    CHECK((30 * tariff::each).in(tariff::dozen).value() == 2.5_dec);
    // 7 each = 7/12 dozen = 0.58333...: no finite decimal
    CHECK(error_of([] { return (7 * tariff::each).in(tariff::dozen); }) == errc::inexact);
}

TEST_CASE("a conversion is implicit only where every value converts exactly",
          "[quantity][convert]") {
    // 1 t = 1,000 kg and 1 kg = 0.001 t: both always finite
    STATIC_REQUIRE(std::is_convertible_v<quantity<u::tonne>, quantity<u::kilogram>>);
    STATIC_REQUIRE(std::is_convertible_v<quantity<u::kilogram>, quantity<u::tonne>>);
    STATIC_REQUIRE(std::is_convertible_v<quantity<u::gram>, quantity<u::kilogram>>);
    // 1 dozen = 12 each: always whole
    STATIC_REQUIRE(std::is_convertible_v<quantity<u::dozen>, quantity<u::each>>);
    // 1 each = 0.5 pair: always finite
    STATIC_REQUIRE(std::is_convertible_v<quantity<u::each>, quantity<u::pair>>);
    // 1 lpa = 2 proof litres, 1 proof litre = 0.5 lpa
    STATIC_REQUIRE(
        std::is_convertible_v<quantity<u::litre_pure_alcohol>, quantity<u::proof_litre>>);
    STATIC_REQUIRE(
        std::is_convertible_v<quantity<u::proof_litre>, quantity<u::litre_pure_alcohol>>);
    // 1 each = 1/12 dozen: not always finite, so only explicit
    STATIC_REQUIRE(!std::is_convertible_v<quantity<u::each>, quantity<u::dozen>>);
    STATIC_REQUIRE(std::is_constructible_v<quantity<u::dozen>, quantity<u::each>>);
    // 1 pair = 1/6 dozen: likewise
    STATIC_REQUIRE(!std::is_convertible_v<quantity<u::pair>, quantity<u::dozen>>);
    // a bare number has no unit: only explicit
    STATIC_REQUIRE(!std::is_convertible_v<decimal, quantity<u::kilogram>>);
    STATIC_REQUIRE(!std::is_convertible_v<int, quantity<u::kilogram>>);
    STATIC_REQUIRE(std::is_constructible_v<quantity<u::kilogram>, decimal>);
    // a quantity does not decay to its number
    STATIC_REQUIRE(!std::is_convertible_v<quantity<u::kilogram>, decimal>);
    // 64-bit widens to 128-bit implicitly, not the other way
    STATIC_REQUIRE(
        std::is_convertible_v<quantity<u::kilogram>, basic_quantity<u::kilogram, int128_t>>);
    STATIC_REQUIRE(
        !std::is_convertible_v<basic_quantity<u::kilogram, int128_t>, quantity<u::kilogram>>);
    // (quantity<kilogram> -> quantity<each> is declared, so that its body can
    // explain the mistake; tests/compile_fail/convert_mass_to_count.cpp checks it.)
    CHECK(quantity<u::kilogram>(1 * tariff::tonne) == 1'000_kg);
}

TEST_CASE("each to dozen works when exact and raises errc::inexact otherwise",
          "[quantity][convert]") {
    // 30 each / 12 = 2.5 dozen
    CHECK(quantity<u::dozen>(30 * tariff::each).value() == 2.5_dec);
    // 24 each / 12 = 2 dozen
    CHECK(quantity<u::dozen>(24 * tariff::each).value() == 2);
    // 3 each / 12 = 0.25 dozen
    CHECK(quantity<u::dozen>(3 * tariff::each).value() == 0.25_dec);
    // 7 / 12 = 0.58333...; 10 / 12 = 0.8333...; 1 / 12 = 0.08333...
    CHECK(error_of([] { return quantity<u::dozen>(7 * tariff::each); }) == errc::inexact);
    CHECK(error_of([] { return quantity<u::dozen>(10 * tariff::each); }) == errc::inexact);
    CHECK(error_of([] { return quantity<u::dozen>(1 * tariff::each); }) == errc::inexact);
    CHECK_THROWS_AS(quantity<u::dozen>(7 * tariff::each), tariff::domain_error);
}

// --- arithmetic --------------------------------------------------------------------------

TEST_CASE("a sum of two units of one dimension is in the finer unit", "[quantity][arith]") {
    // 1 t + 500 kg = 1,000 + 500 = 1,500 kg
    const auto a = 1 * tariff::tonne + 500 * tariff::kg;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(a)>, quantity<u::kilogram>>);
    CHECK(a.value() == 1'500);
    // the order does not matter
    const auto b = 500 * tariff::kg + 1 * tariff::tonne;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(b)>, quantity<u::kilogram>>);
    CHECK(b.value() == 1'500);
    // 1 dozen + 5 each = 12 + 5 = 17 each
    const auto c = 1 * tariff::dozen + 5 * tariff::each;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(c)>, quantity<u::each>>);
    CHECK(c.value() == 17);
    // 1 hl + 1 m3: hl is the finer; 1 m3 = 10 hl, so 11 hl
    const auto d = 1 * tariff::hl + 1 * tariff::m3;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(d)>, quantity<u::hectolitre>>);
    CHECK(d.value() == 11);
    // 1 kg + 250 g = 1,000 + 250 = 1,250 g
    const auto e = 1 * tariff::kg + 250 * tariff::g;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(e)>, quantity<u::gram>>);
    CHECK(e.value() == 1'250);
    // 1 pair + 1 dozen = 1 + 6 = 7 pairs
    const auto f = 1 * tariff::pair + 1 * tariff::dozen;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(f)>, quantity<u::pair>>);
    CHECK(f.value() == 7);
}

TEST_CASE("+= adds a quantity of the same dimension into the left unit", "[quantity][arith]") {
    auto q = 250 * tariff::kg;
    q += 1 * tariff::tonne; // 250 + 1,000 = 1,250 kg
    CHECK(q.value() == 1'250);
    q += 0.5_kg; // 1,250.5 kg
    CHECK(q.value() == 1'250.5_dec);
}

TEST_CASE("quantities of one dimension compare across units", "[quantity][compare]") {
    // 1 t = 1,000 kg
    CHECK(1 * tariff::tonne == 1'000 * tariff::kg);
    // 999 kg < 1 t < 1,001 kg
    CHECK(999 * tariff::kg < 1 * tariff::tonne);
    CHECK(1 * tariff::tonne < 1'001 * tariff::kg);
    // 1 dozen = 12 each; 13 each > 1 dozen
    CHECK(1 * tariff::dozen == 12 * tariff::each);
    CHECK(13 * tariff::each > 1 * tariff::dozen);
    // 1.0 kg == 1 kg
    CHECK(1.0_kg == 1_kg);
}

TEST_CASE("a quantity scales exactly by an integer or a decimal", "[quantity][arith]") {
    // 16.32 t * 2 = 32.64 t
    CHECK((16.32_tonne * 2).value() == 32.64_dec);
    // 2 * 3 kg = 6 kg
    CHECK((2 * (3 * tariff::kg)).value() == 6);
    // 10 kg * 0.5 = 5 kg
    CHECK(((10 * tariff::kg) * 0.5_dec).value() == 5);
}

TEST_CASE("subtraction within one dimension is exact, in the finer unit", "[quantity][arith]") {
    // 1 t - 400 kg = 1,000 - 400 = 600 kg
    const auto q = 1 * tariff::tonne - 400 * tariff::kg;
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(q)>, quantity<u::kilogram>>);
    CHECK(q.value() == 600);
    // 5 kg - 5 kg = 0 kg: zero is not negative
    CHECK((5 * tariff::kg - 5 * tariff::kg).value() == 0);
}

TEST_CASE("a quantity is never negative: errc::negative_quantity, a tariff::domain_error",
          "[quantity][error]") {
    STATIC_REQUIRE(std::is_base_of_v<std::domain_error, tariff::domain_error>);
    // 400 kg - 1 t = -600 kg
    CHECK(error_of([] { return 400 * tariff::kg - 1 * tariff::tonne; }) == errc::negative_quantity);
    CHECK_THROWS_AS(400 * tariff::kg - 1 * tariff::tonne, tariff::domain_error);
    CHECK_THROWS_AS(400 * tariff::kg - 1 * tariff::tonne, std::domain_error);
    // -1 kg, however it is made
    CHECK(error_of([] { return quantity<u::kilogram>(-1_dec); }) == errc::negative_quantity);
    CHECK(error_of([] { return -1 * tariff::kg; }) == errc::negative_quantity);
    CHECK(error_of([] { return -0.001_dec * tariff::kg; }) == errc::negative_quantity);
    // 5 kg * -1 = -5 kg
    CHECK(error_of([] { return (5 * tariff::kg) * -1; }) == errc::negative_quantity);
}

// --- parsing --------------------------------------------------------------------------------

TEST_CASE("quantity parse reads a non-negative decimal", "[quantity][parse]") {
    const auto a = quantity<u::kilogram>::try_parse("1234.5");
    REQUIRE(a.ok());
    CHECK(a.value().value() == 1'234.5_dec);
    const auto b = quantity<u::kilogram>::try_parse("1'000");
    REQUIRE(b);
    CHECK(b.value() == 1 * tariff::tonne);
    const auto c = quantity<u::each>::try_parse("0");
    REQUIRE(c);
    CHECK(c.value().value() == 0);
}

TEST_CASE("quantity parse rejects a negative number at the sign", "[quantity][parse]") {
    // "-5": the minus sign is at offset 0
    const auto a = quantity<u::kilogram>::try_parse("-5");
    CHECK_FALSE(a.ok());
    CHECK(a.error().code == errc::negative_quantity);
    CHECK(a.error().position == 0);
    const auto b = quantity<u::kilogram>::try_parse("-0.001");
    CHECK(b.error().code == errc::negative_quantity);
    CHECK(b.error().position == 0);
    // malformed text is reported as such: "12x", the 'x' at offset 2
    const auto c = quantity<u::kilogram>::try_parse("12x");
    CHECK(c.error().code == errc::invalid_text);
    CHECK(c.error().position == 2);
}

// --- a user-defined unit -----------------------------------------------------------------------

TEST_CASE("a user-defined unit takes one line and converts exactly in its dimension",
          "[quantity][unit]") {
    STATIC_REQUIRE(tariff::unit_tag<carat>);
    STATIC_REQUIRE(tariff::same_dimension<carat, u::kilogram>);
    STATIC_REQUIRE(!tariff::same_dimension<carat, u::each>);
    // 1/5000 and 5000: 5000 = 2^3 * 5^4, so both ways are always finite
    STATIC_REQUIRE(std::is_convertible_v<quantity<carat>, quantity<u::kilogram>>);
    STATIC_REQUIRE(std::is_convertible_v<quantity<u::kilogram>, quantity<carat>>);
    // 5,000 ct = 1 kg
    CHECK(quantity<u::kilogram>(5'000 * carat{}).value() == 1);
    // 1 ct = 1/5000 kg = 0.0002 kg
    CHECK(quantity<u::kilogram>(1 * carat{}).value() == 0.0002_dec);
    // 1 g = 0.001 kg = 0.001 * 5,000 ct = 5 ct
    CHECK(quantity<carat>(1 * tariff::g).value() == 5);
    // 1 g + 1 ct: the carat is finer, 5 + 1 = 6 ct
    const auto sum = 1 * tariff::g + 1 * carat{};
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(sum)>, quantity<carat>>);
    CHECK(sum.value() == 6);
    CHECK(tariff::to_string(3 * carat{}) == "3 ct");
}

// --- text output -------------------------------------------------------------------------------

TEST_CASE("a quantity prints its value and its unit symbol", "[quantity][io]") {
    CHECK(tariff::to_string(16.32_tonne) == "16.32 tonne");
    CHECK(tariff::to_string(1'000 * tariff::kg) == "1000 kg");
    // 1,234 kg = 12.34 x 100 kg
    CHECK(tariff::to_string(quantity<u::hundred_kilograms>(1'234 * tariff::kg)) == "12.34 100 kg");
    CHECK(tariff::to_string(2.5_dec * tariff::dozen) == "2.5 dozen");
    std::ostringstream os;
    os << 0.75_lpa << '|' << 3 * tariff::hl;
    CHECK(os.str() == "0.75 l alc. 100 %|3 hl");
}

// --- traits and concepts see the misuses as the compiler does (issue 9 §4) ---------------------

template <class A, class B>
concept addable = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
    a* b;
};
template <class A, class B>
concept divisible = requires(A a, B b) {
    a / b;
};

using kilograms = quantity<u::kilogram>;
using items = quantity<u::each>;

// Conversions across dimensions, from binary floating point, characters, bool.
static_assert(!std::is_convertible_v<kilograms, items>);
static_assert(!std::is_constructible_v<items, kilograms>);
static_assert(!std::convertible_to<kilograms, items>);
static_assert(!std::convertible_to<quantity<u::litre>, quantity<u::litre_pure_alcohol>>);
static_assert(!std::is_constructible_v<kilograms, double>);
static_assert(!std::is_constructible_v<kilograms, char>);
static_assert(!std::is_constructible_v<kilograms, bool>);
static_assert(std::convertible_to<quantity<u::tonne>, kilograms>);
static_assert(std::is_constructible_v<kilograms, decimal>);

// Operators across dimensions and with bare numbers.
static_assert(addable<kilograms, quantity<u::tonne>> && !addable<kilograms, items>);
static_assert(!std::equality_comparable_with<kilograms, items>);
static_assert(!std::totally_ordered_with<kilograms, items>);
static_assert(!addable<kilograms, int> && !addable<int, kilograms> && !addable<kilograms, decimal>);
static_assert(!std::equality_comparable_with<kilograms, int>);
static_assert(multipliable<kilograms, int> && multipliable<int, kilograms>);
static_assert(multipliable<kilograms, decimal>);
static_assert(!multipliable<kilograms, double> && !multipliable<double, kilograms>);
static_assert(!multipliable<kilograms, char> && !multipliable<bool, kilograms>);
static_assert(!multipliable<kilograms, kilograms> && !divisible<kilograms, kilograms>);
static_assert(!divisible<kilograms, int>);
static_assert(!std::is_invocable_v<std::plus<>, kilograms, items>);
static_assert(!std::is_invocable_v<std::less<>, kilograms, items>);

// Building quantities: integers and decimals times a unit, nothing else.
static_assert(multipliable<int, u::kilogram> && multipliable<decimal, u::kilogram>);
static_assert(!multipliable<double, u::kilogram> && !multipliable<char, u::kilogram>);
static_assert(!multipliable<bool, u::each> && !multipliable<char16_t, u::each>);
static_assert(!multipliable<u::kilogram, u::kilogram> && !multipliable<u::kilogram, int>);

// Only units declared through tariff::unit are units; a dimension of one's own
// is its own (same_dimension compares types, never bits).
struct look_alike_unit {
    using dimension = tariff::mass;
    [[maybe_unused]] static constexpr std::int64_t num = 1;
    [[maybe_unused]] static constexpr std::int64_t den = 1;
    [[maybe_unused]] static constexpr std::string_view symbol = "kg";
};
static_assert(!tariff::unit_tag<look_alike_unit>);
static_assert(tariff::unit_tag<metre> && tariff::same_dimension<metre, foot>);
static_assert(!tariff::same_dimension<metre, u::kilogram>);
static_assert(!addable<quantity<metre>, kilograms>);
static_assert(std::convertible_to<quantity<foot>, quantity<metre>>); // 10000 = 2^4 * 5^4

TEST_CASE("a dimension of one's own converts in itself and never meets the library's",
          "[quantity][unit]") {
    // 10 ft = 10 * 0.3048 m = 3.048 m (by hand)
    CHECK(quantity<metre>(10 * foot{}).value() == 3.048_dec);
    // 3.048 m + 1 m = 4.048 m
    CHECK((quantity<metre>(10 * foot{}) + 1 * metre{}).value() == 4.048_dec);
}

// --- unit_info: a unit's facts checked when built -----------------------------------------------

TEST_CASE("unit_info rejects a size that is not positive and a dimension that is not one bit",
          "[quantity][unit]") {
    // The library's units pass.
    constexpr tariff::unit_info kilo{tariff::mass::bit, "mass", 1, 1, "kilo"};
    STATIC_REQUIRE(kilo.num == 1);
    // num = -1 would turn 5 kg into -5 (issue 9 §2); 0 would divide by zero.
    const auto make = [](unsigned bit, std::int64_t num, std::int64_t den) {
        return tariff::unit_info{bit, "x", num, den, "x"};
    };
    CHECK(error_of([&] { (void)make(tariff::mass::bit, -1, 1); }) == errc::invalid_argument);
    CHECK(error_of([&] { (void)make(tariff::mass::bit, 0, 1); }) == errc::invalid_argument);
    CHECK(error_of([&] { (void)make(tariff::mass::bit, 1, 0); }) == errc::invalid_argument);
    CHECK(error_of([&] { (void)make(tariff::mass::bit, 1, -1000); }) == errc::invalid_argument);
    CHECK(error_of([&] { (void)make(0, 1, 1); }) == errc::invalid_argument);
    CHECK(error_of([&] { (void)make(tariff::mass::bit | tariff::count::bit, 1, 1); }) ==
          errc::invalid_argument);
    CHECK(make(tariff::volume::bit, 100, 1).num == 100);
}

// --- counts of granules given as unsigned 64-bit integers are not wrapped -----------------------

TEST_CASE("quota granule counts given unsigned are checked, not wrapped to negative ones",
          "[quantity][quota]") {
    using namespace tariff;
    constexpr auto path = duty_path<CAD>("in quota").with_duty("MFN", "", 6.1_pct);
    constexpr auto quota = tariff_rate_quota<CAD, u::each>("Q", path, path);
    // 3 granules of 1 each are 3 each.
    CHECK(quota.to_quantity(3ull) == 3 * tariff::each);
    // 2^64 - 1 as int64 would be -1: an overflow, not a negative quantity.
    CHECK(error_of([&] { (void)quota.to_quantity(18'446'744'073'709'551'615ull); }) ==
          errc::overflow);
    // A pool of 10: asking for 2^64 - 1 takes all 10 (wrapped to -1 it took 0).
    concurrent_quota_pool<u::each> pool(10 * tariff::each, 1 * tariff::each);
    CHECK(pool.draw(18'446'744'073'709'551'615ull) == 10);
    CHECK(pool.draw(std::size_t{1}) == 0);
}

TEST_CASE("q -= r subtracts in place and never goes below zero", "[quantity][arithmetic]") {
    // 5 kg - 2 kg = 3 kg
    auto q = 5 * tariff::kg;
    q -= 2 * tariff::kg;
    CHECK(q == 3 * tariff::kg);
    // 3 kg - 4 kg would be -1 kg: errc::negative_quantity, and q keeps 3 kg
    CHECK(error_of([&] { q -= 4 * tariff::kg; }) == errc::negative_quantity);
    CHECK(q == 3 * tariff::kg);
    // 3 kg - 0.5 t: the tonne converts (0.5 t = 500 kg > 3 kg), same error
    CHECK(error_of([&] { q -= 0.5_tonne; }) == errc::negative_quantity);
    CHECK(q == 3 * tariff::kg);
}

} // namespace
