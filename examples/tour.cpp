// tour: the core types in the order the README introduces them.
#include <array>
#include <cstdint>
#include <iostream>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
namespace rounding = tariff::rounding;

// Money is exact and knows its currency.
constexpr auto value = 40'000.00_CAD; // tariff::money<tariff::CAD>
static_assert(0.10_USD + 0.20_USD == 0.30_USD);

// Rates apply exactly; nothing is rounded until you say so.
constexpr auto mfn = 6.1_pct;
static_assert(mfn(value) == 2'440.00_CAD);
static_assert(mfn(0.01_CAD) == 0.00061_CAD); // 6.1 % of a cent, kept exactly

// Specific rates are money per unit; units convert exactly within a dimension.
constexpr auto cheese_floor = 5.33_CAD / tariff::kg;
static_assert(cheese_floor(1 * tariff::tonne) == 5'330.00_CAD);
constexpr auto eu_rate = 45.10_EUR / tariff::hundred_kg;
static_assert(eu_rate(16.32_dec * tariff::tonne) == 7'360.32_EUR); // 163.2 x 45.10

// Rounding names its mode and, if not the minor unit, its granularity.
static_assert(round(2.345_CAD, rounding::half_even) == 2.34_CAD);
static_assert(round(2.345_CAD, rounding::half_up) == 2.35_CAD);
static_assert(round(1'234.50_USD, 1.00_USD, rounding::half_up) == 1'235.00_USD); // 19 CFR 159.3

// Splitting never loses or creates a cent.
constexpr auto thirds = tariff::allocate(100.00_CAD, std::array<std::int64_t, 3>{1, 1, 1});
static_assert(thirds[0] + thirds[1] + thirds[2] == 100.00_CAD);

int main() {
    std::cout << "6.1 % of " << value << " = " << mfn(value) << '\n';
    std::cout << "6.1 % of " << 0.01_CAD << " = " << mfn(0.01_CAD) << " (exact, unrounded)\n";
    std::cout << cheese_floor << " on 1 tonne = " << cheese_floor(1 * tariff::tonne) << '\n';
    std::cout << eu_rate << " on " << 16.32_dec * tariff::tonne << " = "
              << eu_rate(16.32_dec * tariff::tonne) << '\n';
    std::cout << "100.00 split three ways: " << thirds[0] << ", " << thirds[1] << ", " << thirds[2]
              << '\n';

    // A whole country's annual imports need the wide (128-bit) type.
    const tariff::wide_money<tariff::IDR> imports(3'500'000'000'000'000.000001_wdec);
    std::cout << "wide: " << imports << '\n';

    // Overflow is never silent: an exception at run time, or a result object.
    const auto huge = 90'000'000'000'000'000_CAD;
    const auto checked = tariff::try_multiply(huge, tariff::decimal(1000));
    std::cout << "checked multiply: " << (checked ? "ok" : tariff::to_string(checked.error()))
              << '\n';
    try {
        std::cout << huge * 1000 << '\n';
    } catch (const tariff::overflow_error& e) {
        std::cout << "exception: " << e.what() << '\n';
    }
}
