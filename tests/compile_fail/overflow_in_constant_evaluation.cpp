// Overflow during constant evaluation names the error: 9 * 10^16 * 1,000 =
// 9 * 10^19 > 2^63 - 1; the control, * 100 = 9 * 10^18, fits.
//
// expect-error: error_arithmetic_overflow_in_constant_expression
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto m = 90'000'000'000'000'000_CAD * 1000;
#else
    [[maybe_unused]] constexpr auto m = 90'000'000'000'000'000_CAD * 100;
#endif
}
