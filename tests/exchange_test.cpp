// tariff::exchange_rate: converting between currencies at a stated rate.
//
// Foreign values are converted at an official rate with 4 to 6 decimals (DOMAIN.md §4;
// Canada: the Bank of Canada rate, CBSA memorandum D13-2-3). 1 CNY = 0.1897 CAD is an
// illustration with 4 decimals, not an official rate. Every expected figure is computed
// by hand in the comment next to it; none was obtained by running the code under test.
#include <sstream>
#include <string>

#include <tariff/exchange.hpp>
#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::CAD, tariff::CNY, tariff::KRW;
using tariff::errc;
using tariff::exchange_rate;
using tariff::to_string;
using tariff_test::error_of;
namespace rounding = tariff::rounding;

constexpr exchange_rate<CNY, CAD> cny_cad(0.1897_dec);

// --- exact conversion ------------------------------------------------------------------

// 10,000.00 x 0.1897 = 1,897.000000
static_assert(cny_cad.exact(10'000.00_CNY) == 1'897.00_CAD);
// 12,345.67 x 0.1897 = 1,234.567 (x 0.1) + 987.6536 (x 0.08) + 111.11103 (x 0.009)
//                     + 8.641969 (x 0.0007) = 2,341.973599
static_assert(cny_cad.exact(12'345.67_CNY) == 2'341.973599_CAD);

TEST_CASE("exact() multiplies by the rate and keeps every digit", "[exchange]") {
    CHECK(cny_cad.rate() == 0.1897_dec);
    CHECK(cny_cad.exact(10'000.00_CNY) == 1'897.00_CAD);
    // 2 places of the amount + 4 of the rate: 2,341.973599, not rounded to the cent
    const auto cad = cny_cad.exact(12'345.67_CNY);
    CHECK(cad == 2'341.973599_CAD);
    CHECK(cad.amount().scale() == 6);
}

// --- rounded conversion: the mode is always the caller's -----------------------------------

// 12,345.67 CNY = 2,341.973599 CAD exactly: not a tie.
static_assert(cny_cad.convert(12'345.67_CNY, rounding::half_even) == 2'341.97_CAD);
static_assert(cny_cad.convert(12'345.67_CNY, rounding::ceiling) == 2'341.98_CAD);
// 50.00 x 0.1897 = 9.485000: a tie at the half cent.
static_assert(cny_cad.convert(50.00_CNY, rounding::half_even) == 9.48_CAD);
static_assert(cny_cad.convert(50.00_CNY, rounding::half_up) == 9.49_CAD);

TEST_CASE("convert() rounds the exact amount to the cent by the mode given", "[exchange]") {
    // 2,341.973599: below the cent 2,341.97 by 0.003599, above it by less than half a cent
    CHECK(cny_cad.convert(12'345.67_CNY, rounding::half_even) == 2'341.97_CAD);
    CHECK(cny_cad.convert(12'345.67_CNY, rounding::half_up) == 2'341.97_CAD);
    CHECK(cny_cad.convert(12'345.67_CNY, rounding::toward_zero) == 2'341.97_CAD);
    CHECK(cny_cad.convert(12'345.67_CNY, rounding::ceiling) == 2'341.98_CAD);
    CHECK(cny_cad.convert(12'345.67_CNY, rounding::away_from_zero) == 2'341.98_CAD);
    // The runtime enum works as well as the tags.
    CHECK(cny_cad.convert(12'345.67_CNY, tariff::rounding_mode::floor) == 2'341.97_CAD);
}

TEST_CASE("convert() breaks a tie at the half cent by the mode given", "[exchange]") {
    // 50.00 x 0.1897 = 9.485: half_even goes to 9.48 (8 is even), half_up to 9.49
    CHECK(cny_cad.exact(50.00_CNY) == 9.485_CAD);
    CHECK(cny_cad.convert(50.00_CNY, rounding::half_even) == 9.48_CAD);
    CHECK(cny_cad.convert(50.00_CNY, rounding::half_up) == 9.49_CAD);
    CHECK(cny_cad.convert(50.00_CNY, rounding::half_down) == 9.48_CAD);
    // 150.00 x 0.1897 = 28.455: half_even goes up to 28.46 (6 is even), half_down to 28.45
    CHECK(cny_cad.exact(150.00_CNY) == 28.455_CAD);
    CHECK(cny_cad.convert(150.00_CNY, rounding::half_even) == 28.46_CAD);
    CHECK(cny_cad.convert(150.00_CNY, rounding::half_up) == 28.46_CAD);
    CHECK(cny_cad.convert(150.00_CNY, rounding::half_down) == 28.45_CAD);
}

// A rate cannot be applied without saying how to round.
template <class Rate>
concept converts_without_a_mode = requires(Rate r) {
    r.convert(1.00_CNY);
};
static_assert(!converts_without_a_mode<exchange_rate<CNY, CAD>>);

// --- the inverse ---------------------------------------------------------------------------

// 1 / 0.1897 = 10,000 / 1,897 by long division:
//   10000 = 5 x 1897 + 515;  5150 = 2 x 1897 + 1356;  13560 = 7 x 1897 + 281;
//   2810 = 1 x 1897 + 913;   9130 = 4 x 1897 + 1542;  15420 = 8 x 1897 + 244;
//   2440 = 1 x 1897 + 543;   5430 = 2 x 1897 + 1636;  16360 = 8 x 1897 + 1184
//   so 1 / 0.1897 = 5.27148128...
//   to 4 places: 5.2714|8128 -> half_even 5.2715, toward_zero 5.2714
//   to 6 places: 5.271481|28 -> half_even 5.271481, ceiling 5.271482
static_assert(cny_cad.inverse(4, rounding::half_even).rate() == 5.2715_dec);
static_assert(cny_cad.inverse(6, rounding::half_even).rate() == 5.271481_dec);

TEST_CASE("inverse() is 1 / rate rounded to the places and by the mode given",
          "[exchange][inverse]") {
    const exchange_rate<CAD, CNY> four = cny_cad.inverse(4, rounding::half_even);
    CHECK(four.rate() == 5.2715_dec);
    CHECK(cny_cad.inverse(4, rounding::toward_zero).rate() == 5.2714_dec);
    CHECK(cny_cad.inverse(6, rounding::half_even).rate() == 5.271481_dec);
    CHECK(cny_cad.inverse(6, rounding::ceiling).rate() == 5.271482_dec);
    // 0 places: 5.27... -> 5
    CHECK(cny_cad.inverse(0, rounding::half_even).rate() == tariff::decimal(5));
}

TEST_CASE("a rounded inverse does not take an amount back exactly", "[exchange][inverse]") {
    // CNY 10,000.00 -> CAD 1,897.00 (exact, above). Back at 5.2715:
    //   1,897.00 x 5.2715 = 9,485 (x 5) + 515.0355 (x 0.2715) = 10,000.0355
    //   -> CNY 10,000.04 (half_even: 0.0355 is above the half cent)
    const auto back = cny_cad.inverse(4, rounding::half_even);
    CHECK(back.exact(1'897.00_CAD) == 10'000.0355_CNY);
    CHECK(back.convert(1'897.00_CAD, rounding::half_even) == 10'000.04_CNY);
}

// --- invalid rates -------------------------------------------------------------------------

TEST_CASE("a zero or negative rate is errc::invalid_argument", "[exchange][error]") {
    CHECK(error_of([] { return exchange_rate<CNY, CAD>(0_dec); }) == errc::invalid_argument);
    CHECK(error_of([] { return exchange_rate<CNY, CAD>(0.0000_dec); }) == errc::invalid_argument);
    CHECK(error_of([] { return exchange_rate<CNY, CAD>(-0.1897_dec); }) == errc::invalid_argument);
    CHECK_THROWS_AS((exchange_rate<CNY, CAD>(-0.1897_dec)), tariff::domain_error);
    // The smallest positive rate at 4 places is a rate.
    CHECK(exchange_rate<CNY, CAD>(0.0001_dec).rate() == 0.0001_dec);
}

TEST_CASE("an inverse that rounds to zero, or to negative places, is errc::invalid_argument",
          "[exchange][inverse][error]") {
    // 1 CAD = 1,000 KRW (illustrative): 1 / 1,000 = 0.001, which is 0.00 at 2 places.
    constexpr exchange_rate<CAD, KRW> cad_krw(1'000_dec);
    CHECK(cad_krw.inverse(3, rounding::half_even).rate() == 0.001_dec);
    CHECK(error_of([&] { return cad_krw.inverse(2, rounding::half_even); }) ==
          errc::invalid_argument);
    CHECK(error_of([] { return cny_cad.inverse(-1, rounding::half_even); }) ==
          errc::invalid_argument);
}

// --- equality and text ------------------------------------------------------------------------

static_assert(cny_cad == exchange_rate<CNY, CAD>(0.18970_dec));
static_assert(!(cny_cad == exchange_rate<CNY, CAD>(0.1898_dec)));

TEST_CASE("rates are equal by value, and print as 1 From = rate To", "[exchange][io]") {
    CHECK(cny_cad == exchange_rate<CNY, CAD>(0.18970_dec)); // 0.18970 = 0.1897
    CHECK(cny_cad != exchange_rate<CNY, CAD>(0.1898_dec));
    CHECK(to_string(cny_cad) == "1 CNY = 0.1897 CAD");
    CHECK(to_string(cny_cad.inverse(6, rounding::half_even)) == "1 CAD = 5.271481 CNY");
    std::ostringstream os;
    os << cny_cad.inverse(4, rounding::half_even);
    CHECK(os.str() == "1 CAD = 5.2715 CNY");
}

} // namespace

// The places of an inverse are a whole number: inverse(4.0, ...) and
// inverse('4', ...) are named mistakes, never callable
// (tests/compile_fail/batch/parameters.cpp checks the first error line).
template <class N>
concept inverts_to = requires(exchange_rate<CAD, tariff::USD> r, N n) {
    r.inverse(n, tariff::rounding::half_even);
};
static_assert(inverts_to<int> && !inverts_to<double> && !inverts_to<char> && !inverts_to<bool>);
