// Money, exchange rates and quantities whose currency or unit is known only at
// run time (tariff/runtime.hpp): the checks the typed API makes at compile
// time, made when the program runs. Every expected figure is computed by hand
// in the comment next to it (or, where said, by Python's decimal module); none
// was obtained by running the code under test. 1 CNY = 0.1897 CAD and the
// other rates are illustrations, not official rates.
#include <cstdint>
#include <limits>
#include <type_traits>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using namespace tariff::literals;
using tariff::CAD, tariff::CHF, tariff::CNY, tariff::JPY, tariff::KWD, tariff::USD;
using tariff::date;
using tariff::decimal;
using tariff::errc;
using tariff::runtime_currency;
using tariff::runtime_currency_of;
using tariff::runtime_exchange_rate;
using tariff::runtime_exchange_table;
using tariff::runtime_money;
using tariff::runtime_quantity;
using tariff::unit_info_of;
using tariff_test::error_of;
namespace rounding = tariff::rounding;
namespace units = tariff::units;

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr runtime_currency cad = runtime_currency_of<CAD>;
constexpr runtime_currency cny = runtime_currency_of<CNY>;
constexpr runtime_currency usd = runtime_currency_of<USD>;

// Whether try_add / try_compare accept these arguments.
template <class A, class B>
concept try_addable = requires(A a, B b) {
    tariff::try_add(a, b);
};
template <class A, class B>
concept try_comparable = requires(A a, B b) {
    tariff::try_compare(a, b);
};

// Typed amounts and quantities convert to run-time ones only explicitly, so the
// run-time overloads never let typed values of different currencies or
// dimensions meet (they do not compile, as with +): positive controls first.
static_assert(try_addable<runtime_money, runtime_money>);
static_assert(!try_addable<tariff::money<CAD>, tariff::money<USD>>);
// Two typed amounts of one currency use the typed try_add (money.hpp).
static_assert(try_addable<tariff::money<CAD>, tariff::money<CAD>>);
static_assert(!try_comparable<tariff::money<CAD>, tariff::money<USD>>);
static_assert(std::is_constructible_v<runtime_money, tariff::money<CAD>>);
static_assert(!std::is_convertible_v<tariff::money<CAD>, runtime_money>);
static_assert(try_addable<runtime_quantity, runtime_quantity>);
static_assert(!try_addable<tariff::quantity<units::kilogram>, tariff::quantity<units::each>>);
static_assert(std::is_constructible_v<runtime_quantity, tariff::quantity<units::kilogram>>);
static_assert(!std::is_convertible_v<tariff::quantity<units::kilogram>, runtime_quantity>);

// --- currencies ---------------------------------------------------------------------------

TEST_CASE("runtime_currency: three letters A-Z and 0 to 4 minor digits", "[runtime][currency]") {
    STATIC_REQUIRE(runtime_currency("CAD", 2) == cad);
    STATIC_REQUIRE(cad.code() == "CAD");
    STATIC_REQUIRE(cad.minor_digits() == 2);
    STATIC_REQUIRE(runtime_currency_of<JPY>.minor_digits() == 0);
    STATIC_REQUIRE(runtime_currency_of<KWD>.minor_digits() == 3);
    // A currency the library has no type for.
    const runtime_currency thb("THB", 2);
    CHECK(thb.code() == "THB");
    CHECK(thb.minor_digits() == 2);
    // The default is XXX, ISO 4217's "no currency", with no minor unit.
    CHECK(runtime_currency().code() == "XXX");
    CHECK(runtime_currency().minor_digits() == 0);
    // The same code with other digits is another currency.
    CHECK_FALSE(runtime_currency("CAD", 3) == cad);
    CHECK_FALSE(cad == usd);

    // Every way a code or a digit count can be wrong.
    CHECK(runtime_currency::try_make("cad", 2).error() == errc::invalid_argument);  // lower case
    CHECK(runtime_currency::try_make("CA", 2).error() == errc::invalid_argument);   // too short
    CHECK(runtime_currency::try_make("CADX", 2).error() == errc::invalid_argument); // too long
    CHECK(runtime_currency::try_make("C1D", 2).error() == errc::invalid_argument);  // a digit
    CHECK(runtime_currency::try_make("", 2).error() == errc::invalid_argument);
    CHECK(runtime_currency::try_make("CAD", 5).error() == errc::invalid_argument);
    CHECK(runtime_currency::try_make("CAD", -1).error() == errc::invalid_argument);
    CHECK(*runtime_currency::try_make("KWD", 3) == runtime_currency_of<KWD>);
    CHECK(error_of([] { return runtime_currency("C@D", 2); }) == errc::invalid_argument);
    CHECK(error_of([] { return runtime_currency("CAD", 9); }) == errc::invalid_argument);
}

TEST_CASE("find_currency: the library's currencies by exact code", "[runtime][currency]") {
    STATIC_REQUIRE(*tariff::find_currency("CAD") == cad);
    CHECK(tariff::find_currency("JPY")->minor_digits() == 0);
    CHECK(tariff::find_currency("USD") == &tariff::library_currencies[12]);
    CHECK(tariff::find_currency("cad") == nullptr); // codes are upper case
    CHECK(tariff::find_currency("THB") == nullptr); // not declared by the library
    CHECK(tariff::find_currency("") == nullptr);
}

// --- money ------------------------------------------------------------------------------------

TEST_CASE("runtime_money: typed money converts to it and back, checking the currency",
          "[runtime][money]") {
    constexpr runtime_money a(42.00_CAD);
    STATIC_REQUIRE(a.currency() == cad);
    STATIC_REQUIRE(a.amount() == 42);
    STATIC_REQUIRE(a.to_money<CAD>() == 42.00_CAD);
    CHECK(*a.try_to_money<CAD>() == 42.00_CAD);
    CHECK(a.try_to_money<USD>().error() == errc::currency_mismatch);
    CHECK(error_of([&] { return a.to_money<USD>(); }) == errc::currency_mismatch);
    // CAD with three digits is not tariff::CAD.
    const runtime_money odd(runtime_currency("CAD", 3), 1.000_dec);
    CHECK(odd.try_to_money<CAD>().error() == errc::currency_mismatch);
    // A default amount: zero of XXX.
    CHECK(runtime_money().amount() == 0);
    CHECK(runtime_money().currency().code() == "XXX");
}

TEST_CASE("runtime_money: adding and subtracting need one currency", "[runtime][money]") {
    const runtime_money a(cad, 12.50_dec);
    // 12.50 + 42.00 = 54.50
    STATIC_REQUIRE(runtime_money(cad, 12.50_dec) + runtime_money(42.00_CAD) ==
                   runtime_money(54.50_CAD));
    CHECK(*tariff::try_add(a, runtime_money(42.00_CAD)) == runtime_money(54.50_CAD));
    // 12.50 - 60.00 = -47.50 (money may be negative: a refund)
    CHECK(a - runtime_money(60.00_CAD) == runtime_money(cad, -47.50_dec));
    CHECK(*tariff::try_subtract(a, runtime_money(60.00_CAD)) == runtime_money(cad, -47.50_dec));
    CHECK(-a == runtime_money(cad, -12.50_dec));
    CHECK(+a == a);

    // Different currencies, or the same code with other minor digits.
    CHECK(tariff::try_add(a, runtime_money(1.00_USD)).error() == errc::currency_mismatch);
    CHECK(tariff::try_subtract(a, runtime_money(1.00_USD)).error() == errc::currency_mismatch);
    CHECK(tariff::try_add(a, runtime_money(runtime_currency("CAD", 3), 1.000_dec)).error() ==
          errc::currency_mismatch);
    CHECK(error_of([&] { return a + runtime_money(1.00_USD); }) == errc::currency_mismatch);
    CHECK(error_of([&] { return a - runtime_money(1.00_USD); }) == errc::currency_mismatch);

    // (2^63 - 1) cents + 1 cent does not fit 64 bits: overflow, not a wrong figure.
    const runtime_money most(cad, decimal::from_parts(max64, 2));
    CHECK(tariff::try_add(most, runtime_money(0.01_CAD)).error() == errc::overflow);
    CHECK(error_of([&] { return most + runtime_money(0.01_CAD); }) == errc::overflow);
    CHECK(tariff::try_subtract(-most, runtime_money(0.02_CAD)).error() == errc::overflow);
}

TEST_CASE("runtime_money: equality, and ordering within one currency", "[runtime][money]") {
    // 1.0 and 1.00 are the same amount; CAD 1.00 is not USD 1.00.
    CHECK(runtime_money(cad, 1.0_dec) == runtime_money(1.00_CAD));
    CHECK_FALSE(runtime_money(1.00_CAD) == runtime_money(1.00_USD));
    CHECK(*tariff::try_compare(runtime_money(cad, 1.0_dec), runtime_money(1.00_CAD)) == 0);
    CHECK(*tariff::try_compare(runtime_money(1.00_CAD), runtime_money(2.00_CAD)) < 0);
    CHECK(tariff::compare(runtime_money(2.00_CAD), runtime_money(1.99_CAD)) > 0);
    CHECK(tariff::try_compare(runtime_money(1.00_CAD), runtime_money(1.00_USD)).error() ==
          errc::currency_mismatch);
    CHECK(error_of([] {
              return tariff::compare(runtime_money(1.00_CAD), runtime_money(1.00_USD));
          }) == errc::currency_mismatch);
}

TEST_CASE("runtime_money: multiplying by a decimal is exact", "[runtime][money]") {
    // 40,000.00 x 0.061 = 2,440.00000 (6.1 % of the value)
    CHECK(runtime_money(40'000.00_CAD) * 0.061_dec == runtime_money(2'440.00_CAD));
    CHECK((runtime_money(40'000.00_CAD) * 0.061_dec).amount().scale() == 5);
    // 3 x 12.50 = 37.50
    CHECK(decimal(3) * runtime_money(12.50_CAD) == runtime_money(37.50_CAD));
    CHECK(*tariff::try_multiply(runtime_money(12.50_CAD), decimal(3)) == runtime_money(37.50_CAD));
    // (2^63 - 1) x 2 does not fit.
    const runtime_money most(cad, decimal(max64));
    CHECK(tariff::try_multiply(most, decimal(2)).error() == errc::overflow);
    CHECK(error_of([&] { return most * decimal(2); }) == errc::overflow);
}

TEST_CASE("runtime_money: rounding names its mode, to the minor unit or a granularity",
          "[runtime][money]") {
    // CAD 2.445 to the cent: a tie; half_even keeps the even 4, half_up goes to 5.
    const runtime_money m(cad, 2.445_dec);
    STATIC_REQUIRE(tariff::round(runtime_money(cad, 2.445_dec), rounding::half_even) ==
                   runtime_money(2.44_CAD));
    CHECK(tariff::round(m, rounding::half_up) == runtime_money(2.45_CAD));
    CHECK(*tariff::try_round(m, rounding::toward_zero) == runtime_money(2.44_CAD));
    // JPY has no minor unit: 1,234.5 half_even is 1,234.
    CHECK(tariff::round(runtime_money(runtime_currency_of<JPY>, 1234.5_dec), rounding::half_even)
              .amount() == 1234);
    // KWD has three: 1.23456 half_up is 1.235.
    CHECK(tariff::round(runtime_money(runtime_currency_of<KWD>, 1.23456_dec), rounding::half_up)
              .amount() == 1.235_dec);

    // CHF 1.23 to the 5 rappen, half_up: 1.23 / 0.05 = 24.6 -> 25 -> 1.25.
    const runtime_money chf(runtime_money(1.23_CHF));
    CHECK(tariff::round(chf, runtime_money(0.05_CHF), rounding::half_up) ==
          runtime_money(1.25_CHF));
    // 24.6 toward zero is 24 -> 1.20.
    CHECK(*tariff::try_round(chf, runtime_money(0.05_CHF), rounding::toward_zero) ==
          runtime_money(1.20_CHF));

    // Errors: a mode that is not one; a granularity in another currency, zero or negative.
    const auto bad_mode = static_cast<tariff::rounding_mode>(42);
    CHECK(tariff::try_round(m, bad_mode).error() == errc::invalid_argument);
    CHECK(tariff::try_round(chf, runtime_money(0.05_CHF), bad_mode).error() ==
          errc::invalid_argument);
    CHECK(tariff::try_round(chf, runtime_money(0.05_CAD), rounding::half_up).error() ==
          errc::currency_mismatch);
    CHECK(error_of([&] {
              return tariff::round(chf, runtime_money(0.05_CAD), rounding::half_up);
          }) == errc::currency_mismatch);
    CHECK(tariff::try_round(chf, runtime_money(0.00_CHF), rounding::half_up).error() ==
          errc::division_by_zero);
    CHECK(tariff::try_round(chf, runtime_money(runtime_currency_of<CHF>, -0.05_dec),
                            rounding::half_up)
              .error() == errc::invalid_argument);
    CHECK(error_of([&] { return tariff::round(m, bad_mode); }) == errc::invalid_argument);
}

// --- exchange rates -----------------------------------------------------------------------------

TEST_CASE("runtime_exchange_rate: converts its own currency, rounding by the mode given",
          "[runtime][exchange]") {
    constexpr runtime_exchange_rate r{cny, cad, date(2026, 1, 2), 0.1897_dec};
    // CNY 123.45 x 0.1897: 123.45 x 0.19 = 23.4555, less 123.45 x 0.0003 = 0.037035,
    // is 23.418465; to the cent half_even 23.42 (the 8 after the 1 rounds up),
    // toward zero 23.41.
    STATIC_REQUIRE(r.convert(runtime_money(123.45_CNY), rounding::half_even) ==
                   runtime_money(23.42_CAD));
    CHECK(*r.try_convert(runtime_money(123.45_CNY), rounding::toward_zero) ==
          runtime_money(23.41_CAD));
    // To a multiple of CAD 0.05: 23.418465 / 0.05 = 468.3693 -> 468 (half_up) -> 23.40;
    // of CAD 1.00: 23.418465 -> 23.
    CHECK(r.convert(runtime_money(123.45_CNY), runtime_money(0.05_CAD), rounding::half_up) ==
          runtime_money(23.40_CAD));
    CHECK(
        r.convert(runtime_money(123.45_CNY), runtime_money(1.00_CAD), rounding::half_up).amount() ==
        23);
    // ... and up (away from zero): 469 x 0.05 = 23.45.
    CHECK(*r.try_convert(runtime_money(123.45_CNY), runtime_money(0.05_CAD),
                         rounding::away_from_zero) == runtime_money(23.45_CAD));

    // Only the rounded amount must fit. KWD 789,076,308.682 at 114.810691 (issue 9): the
    // exact product 90,594,396,251.509719262 does not fit 64 bits at 9 places; rounded
    // half to even to the cent it is 90,594,396,251.51 (Python: (Decimal("789076308.682")
    // * Decimal("114.810691")).quantize(Decimal("0.01"))), to the dollar 90,594,396,252
    // (.5097 is more than a half).
    const runtime_exchange_rate kwd{runtime_currency_of<KWD>, cad, date(2026, 1, 2),
                                    decimal::from_parts(114'810'691, 6)};
    const runtime_money dinars(runtime_currency_of<KWD>, decimal::from_parts(789'076'308'682, 3));
    CHECK(kwd.convert(dinars, rounding::half_even).amount() ==
          decimal::from_parts(9'059'439'625'151, 2));
    CHECK(kwd.convert(dinars, runtime_money(0.01_CAD), rounding::half_even).amount() ==
          decimal::from_parts(9'059'439'625'151, 2));
    CHECK(kwd.convert(dinars, runtime_money(1.00_CAD), rounding::half_even).amount() ==
          decimal(90'594'396'252));
    // More than 18 places in the product: 1.0000000000 x 2.0000000000 = 2 (20 places),
    // to the cent 2.00.
    const runtime_exchange_rate fine{cny, cad, date(2026, 1, 2),
                                     decimal::from_parts(20'000'000'000, 10)};
    CHECK(fine.convert(runtime_money(cny, decimal::from_parts(10'000'000'000, 10)),
                       rounding::half_even) == runtime_money(2.00_CAD));
    // A negative amount (a refund): -123.45 x 0.1897 = -23.418465; floor -23.42, ceiling
    // -23.41; and the KWD figure above, negated, -90,594,396,251.51.
    CHECK(r.convert(runtime_money(cny, -123.45_dec), rounding::floor) ==
          runtime_money(cad, -23.42_dec));
    CHECK(r.convert(runtime_money(cny, -123.45_dec), rounding::ceiling) ==
          runtime_money(cad, -23.41_dec));
    CHECK(kwd.convert(-dinars, rounding::half_even).amount() ==
          decimal::from_parts(-9'059'439'625'151, 2));

    // Errors: an amount in another currency; a granularity not in the target currency,
    // zero or negative; a mode that is not one; a rate that is not positive; a rounded
    // amount that does not fit ((2^63 - 1) x 2).
    const auto bad_mode = static_cast<tariff::rounding_mode>(42);
    CHECK(r.try_convert(runtime_money(1.00_USD), rounding::half_even).error() ==
          errc::currency_mismatch);
    CHECK(r.try_convert(runtime_money(1.00_USD), runtime_money(0.05_CAD), rounding::half_even)
              .error() == errc::currency_mismatch);
    CHECK(r.try_convert(runtime_money(1.00_CNY), runtime_money(0.05_USD), rounding::half_even)
              .error() == errc::currency_mismatch);
    CHECK(r.try_convert(runtime_money(1.00_CNY), runtime_money(0.00_CAD), rounding::half_even)
              .error() == errc::division_by_zero);
    CHECK(r.try_convert(runtime_money(1.00_CNY), runtime_money(cad, -0.05_dec), rounding::half_even)
              .error() == errc::invalid_argument);
    CHECK(r.try_convert(runtime_money(1.00_CNY), bad_mode).error() == errc::invalid_argument);
    CHECK(r.try_convert(runtime_money(1.00_CNY), runtime_money(0.05_CAD), bad_mode).error() ==
          errc::invalid_argument);
    runtime_exchange_rate zero = r;
    zero.rate = decimal(0);
    CHECK(zero.try_convert(runtime_money(1.00_CNY), rounding::half_even).error() ==
          errc::invalid_argument);
    CHECK(zero.try_convert(runtime_money(1.00_CNY), runtime_money(0.05_CAD), rounding::half_even)
              .error() == errc::invalid_argument);
    const runtime_exchange_rate doubling{usd, cad, date(2026, 1, 2), decimal(2)};
    const runtime_money most(usd, decimal(max64));
    CHECK(doubling.try_convert(most, rounding::half_even).error() == errc::overflow);
    CHECK(doubling.try_convert(most, runtime_money(1.00_CAD), rounding::half_even).error() ==
          errc::overflow);
    CHECK(error_of([&] { return doubling.convert(most, rounding::half_even); }) == errc::overflow);
    CHECK(error_of([&] { return r.convert(runtime_money(1.00_USD), rounding::half_even); }) ==
          errc::currency_mismatch);
    CHECK(error_of([&] {
              return r.convert(runtime_money(1.00_CNY), runtime_money(0.05_USD),
                               rounding::half_even);
          }) == errc::currency_mismatch);
}

TEST_CASE("to_runtime: a typed exchange_rate as a run-time one", "[runtime][exchange]") {
    constexpr tariff::exchange_rate<CNY, CAD> typed(0.1897_dec);
    constexpr auto r = tariff::to_runtime(typed, date(2026, 1, 2));
    STATIC_REQUIRE(r.from == cny);
    STATIC_REQUIRE(r.to == cad);
    STATIC_REQUIRE(r.rate == 0.1897_dec);
    STATIC_REQUIRE(r.effective == date(2026, 1, 2));
    // The same figure as the typed conversion: 23.418465 -> 23.42.
    CHECK(r.convert(runtime_money(123.45_CNY), rounding::half_even).to_money<CAD>() ==
          typed.convert(123.45_CNY, rounding::half_even));
}

TEST_CASE("runtime_exchange_table: the latest rate on or before the day, per direction",
          "[runtime][exchange]") {
    runtime_exchange_table t;
    CHECK(t.empty());
    // Added out of order: the table keeps them by (from, to, day).
    CHECK(t.try_add(cny, cad, 0.1901_dec, date(2026, 1, 5))->rate == 0.1901_dec);
    CHECK(t.add(usd, cad, 1.3650_dec, date(2026, 1, 2)).from == usd);
    CHECK(t.try_add(cny, cad, 0.1897_dec, date(2026, 1, 2)));
    REQUIRE(t.size() == 3);
    CHECK(t.rates()[0].effective == date(2026, 1, 2));
    CHECK(t.rates()[1].effective == date(2026, 1, 5));
    CHECK(t.rates()[2].from == usd);

    CHECK(t.find("CNY", "CAD", date(2026, 1, 2)).rate == 0.1897_dec);
    CHECK(t.find("CNY", "CAD", date(2026, 1, 4)).rate == 0.1897_dec); // a weekend: Friday's
    CHECK(t.try_find("CNY", "CAD", date(2026, 1, 5))->rate == 0.1901_dec);
    CHECK(t.try_find("CNY", "CAD", date(2027, 6, 30))->rate == 0.1901_dec);
    CHECK(t.try_find("USD", "CAD", date(2026, 3, 1))->rate == 1.3650_dec);
    // None before the first rate; none for a pair the table lacks; never the inverse.
    CHECK(t.try_find("CNY", "CAD", date(2026, 1, 1)).error() == errc::missing_exchange_rate);
    CHECK(t.try_find("EUR", "CAD", date(2026, 3, 1)).error() == errc::missing_exchange_rate);
    CHECK(t.try_find("CAD", "CNY", date(2026, 3, 1)).error() == errc::missing_exchange_rate);
    CHECK(t.try_find("CNY", "USD", date(2026, 3, 1)).error() == errc::missing_exchange_rate);
    CHECK(error_of([&] { return t.find("CAD", "USD", date(2026, 3, 1)); }) ==
          errc::missing_exchange_rate);

    // CNY 123.45 on 5 January: 123.45 x 0.1901 = 23.4555 + 0.012345 = 23.467845 -> 23.47.
    CHECK(t.convert(runtime_money(123.45_CNY), cad, date(2026, 1, 5), rounding::half_even) ==
          runtime_money(23.47_CAD));
    // On 2 January: 23.418465 -> 23.42 (as above).
    CHECK(*t.try_convert(runtime_money(123.45_CNY), cad, date(2026, 1, 2), rounding::half_even) ==
          runtime_money(23.42_CAD));
    // USD 100.00 x 1.3650 = 136.50 to the dollar: a tie, 136 half_even, 137 half_up.
    CHECK(t.convert(runtime_money(100.00_USD), runtime_money(1.00_CAD), date(2026, 1, 2),
                    rounding::half_even)
              .amount() == 136);
    CHECK(t.try_convert(runtime_money(100.00_USD), runtime_money(1.00_CAD), date(2026, 1, 2),
                        rounding::half_up)
              ->amount() == 137);
    // An amount already in the target currency is only rounded (rate 1, exactly):
    // 10.005 half_even is 10.00, with no rate in the table.
    CHECK(t.convert(runtime_money(cad, 10.005_dec), cad, date(2026, 1, 2), rounding::half_even) ==
          runtime_money(10.00_CAD));
    CHECK(t.convert(runtime_money(cad, 10.005_dec), runtime_money(0.05_CAD), date(2026, 1, 2),
                    rounding::half_even) == runtime_money(10.00_CAD));

    // Conversion errors: no rate (the pair, the day, the direction), and those of the rate.
    CHECK(t.try_convert(runtime_money(1.00_CAD), cny, date(2026, 1, 5), rounding::half_even)
              .error() == errc::missing_exchange_rate);
    CHECK(t.try_convert(runtime_money(1.00_CNY), cad, date(2025, 12, 31), rounding::half_even)
              .error() == errc::missing_exchange_rate);
    CHECK(t.try_convert(runtime_money(1.00_CNY), runtime_money(0.05_USD), date(2026, 1, 5),
                        rounding::half_even)
              .error() == errc::missing_exchange_rate);
    CHECK(error_of([&] {
              return t.convert(runtime_money(1.00_CAD), cny, date(2026, 1, 5), rounding::half_even);
          }) == errc::missing_exchange_rate);
    CHECK(error_of([&] {
              return t.convert(runtime_money(1.00_CAD), runtime_money(0.05_USD), date(2026, 1, 5),
                               rounding::half_even);
          }) == errc::missing_exchange_rate);
    // A CNY with three minor digits finds the CNY rate by code, which then refuses it.
    CHECK(t.try_convert(runtime_money(runtime_currency("CNY", 3), 1.000_dec), cad, date(2026, 1, 5),
                        rounding::half_even)
              .error() == errc::currency_mismatch);

    // Adding errors change nothing: a rate that is not positive, a currency into
    // itself, a second rate for the same pair and day.
    CHECK(t.try_add(cny, cad, decimal(0), date(2026, 2, 1)).error() == errc::invalid_argument);
    CHECK(t.try_add(cny, cad, -0.1897_dec, date(2026, 2, 1)).error() == errc::invalid_argument);
    CHECK(t.try_add(cad, cad, decimal(1), date(2026, 2, 1)).error() == errc::invalid_argument);
    CHECK(t.try_add(cny, cad, 0.2000_dec, date(2026, 1, 5)).error() == errc::invalid_argument);
    CHECK(error_of([&] { return t.add(cny, cad, 0.2000_dec, date(2026, 1, 2)); }) ==
          errc::invalid_argument);
    CHECK(t.size() == 3);
    CHECK(t.find("CNY", "CAD", date(2026, 1, 5)).rate == 0.1901_dec);
    // Without a date a rate is in force from 0001-01-01.
    CHECK(t.add(cad, usd, 0.7326_dec).effective == date(1, 1, 1));
    CHECK(t.find("CAD", "USD", date(1, 1, 1)).rate == 0.7326_dec);
}

// --- quantities -------------------------------------------------------------------------------

TEST_CASE("runtime_quantity: typed quantities convert to it and back, exactly",
          "[runtime][quantity]") {
    constexpr runtime_quantity grams(decimal(1500), unit_info_of<units::gram>);
    // 1,500 g = 1.5 kg = 0.0015 tonne.
    STATIC_REQUIRE(grams.in(unit_info_of<units::kilogram>).amount() == 1.5_dec);
    STATIC_REQUIRE(grams.to_quantity<units::tonne>() == tariff::quantity<units::tonne>(0.0015_dec));
    CHECK(grams.in(unit_info_of<units::kilogram>).unit().symbol == "kg");
    const runtime_quantity kg(tariff::quantity<units::kilogram>(2.5_dec));
    CHECK(kg.amount() == 2.5_dec);
    CHECK(tariff::same_unit(kg.unit(), unit_info_of<units::kilogram>));
    CHECK(*kg.try_to_quantity<units::gram>() == tariff::quantity<units::gram>(decimal(2500)));
    // Zero each by default.
    CHECK(runtime_quantity().amount() == 0);
    CHECK(runtime_quantity().unit().symbol == "each");

    // Errors: another dimension, no finite decimal form (7 each = 7/12 dozen), overflow
    // ((2^63 - 1) tonnes in kg), a negative amount, a unit that is not one.
    CHECK(kg.try_to_quantity<units::each>().error() == errc::invalid_argument);
    CHECK(error_of([&] { return kg.to_quantity<units::each>(); }) == errc::invalid_argument);
    const runtime_quantity seven(decimal(7), unit_info_of<units::each>);
    CHECK(seven.try_to_quantity<units::dozen>().error() == errc::inexact);
    CHECK(seven.try_in(unit_info_of<units::dozen>).error() == errc::inexact);
    CHECK(error_of([&] { return seven.in(unit_info_of<units::dozen>); }) == errc::inexact);
    const runtime_quantity most(decimal(max64), unit_info_of<units::tonne>);
    CHECK(most.try_in(unit_info_of<units::kilogram>).error() == errc::overflow);
    CHECK(runtime_quantity::try_make(decimal(-1), unit_info_of<units::kilogram>).error() ==
          errc::negative_quantity);
    CHECK(runtime_quantity::try_make(decimal(1), tariff::unit_info{}).error() ==
          errc::invalid_argument);
    CHECK(error_of([] { return runtime_quantity(decimal(-1), unit_info_of<units::kilogram>); }) ==
          errc::negative_quantity);
    tariff::unit_info broken = unit_info_of<units::kilogram>;
    broken.den = 0;
    CHECK(error_of([&] { return runtime_quantity(decimal(1), broken); }) == errc::invalid_argument);
}

TEST_CASE("runtime_quantity: sums, differences and comparisons in the finer unit",
          "[runtime][quantity]") {
    const runtime_quantity tonne(decimal(1), unit_info_of<units::tonne>);
    const runtime_quantity kg500(decimal(500), unit_info_of<units::kilogram>);
    // 1 tonne + 500 kg = 1,000 kg + 500 kg = 1,500 kg.
    const runtime_quantity sum = tonne + kg500;
    CHECK(sum.amount() == 1500);
    CHECK(sum.unit().symbol == "kg");
    CHECK(tariff::try_add(kg500, tonne)->amount() == 1500);
    // 1 tonne - 500 kg = 500 kg; 500 kg - 1 tonne would be negative.
    CHECK((tonne - kg500).amount() == 500);
    CHECK(tariff::try_subtract(kg500, tonne).error() == errc::negative_quantity);
    CHECK(error_of([&] { return kg500 - tonne; }) == errc::negative_quantity);
    // 1 dozen + 7 each = 12 + 7 = 19 each.
    CHECK((runtime_quantity(decimal(1), unit_info_of<units::dozen>) +
           runtime_quantity(decimal(7), unit_info_of<units::each>))
              .amount() == 19);
    // 1 tonne is 1,000 kg: equal; less than 1,001 kg; more than 999 kg.
    STATIC_REQUIRE(
        tariff::compare(runtime_quantity(decimal(1), unit_info_of<units::tonne>),
                        runtime_quantity(decimal(1000), unit_info_of<units::kilogram>)) == 0);
    CHECK(*tariff::try_compare(tonne,
                               runtime_quantity(decimal(1001), unit_info_of<units::kilogram>)) < 0);
    CHECK(tariff::compare(tonne, runtime_quantity(decimal(999), unit_info_of<units::kilogram>)) >
          0);

    // Different dimensions: kg and each.
    const runtime_quantity one_each(decimal(1), unit_info_of<units::each>);
    CHECK(tariff::try_add(kg500, one_each).error() == errc::invalid_argument);
    CHECK(tariff::try_subtract(kg500, one_each).error() == errc::invalid_argument);
    CHECK(tariff::try_compare(kg500, one_each).error() == errc::invalid_argument);
    CHECK(error_of([&] { return kg500 + one_each; }) == errc::invalid_argument);
    CHECK(error_of([&] { return tariff::compare(kg500, one_each); }) == errc::invalid_argument);
    // Units whose ratio is not a finite decimal: x = 2/3 kg, y = 1/2 kg; the finer is y,
    // and 1 x = (2/3) / (1/2) = 4/3 y.
    const tariff::unit_info x(tariff::mass::bit, "mass", 2, 3, "x");
    const tariff::unit_info y(tariff::mass::bit, "mass", 1, 2, "y");
    CHECK(
        tariff::try_add(runtime_quantity(decimal(1), x), runtime_quantity(decimal(1), y)).error() ==
        errc::inexact);
    // ... but 3 x = 4 y exactly: 3 x + 1 y = 5 y.
    CHECK(tariff::try_add(runtime_quantity(decimal(3), x), runtime_quantity(decimal(1), y))
              ->amount() == 5);
    // (2^63 - 1) tonnes + 1 kg: the tonnes do not fit in kg.
    const runtime_quantity most(decimal(max64), unit_info_of<units::tonne>);
    CHECK(tariff::try_add(most, runtime_quantity(decimal(1), unit_info_of<units::kilogram>))
              .error() == errc::overflow);
    CHECK(tariff::try_compare(most, runtime_quantity(decimal(1), unit_info_of<units::kilogram>))
              .error() == errc::overflow);
    // Two sums that do not fit: (2^63 - 1) kg + 1 kg.
    const runtime_quantity most_kg(decimal(max64), unit_info_of<units::kilogram>);
    CHECK(tariff::try_add(most_kg, runtime_quantity(decimal(1), unit_info_of<units::kilogram>))
              .error() == errc::overflow);
}

} // namespace
