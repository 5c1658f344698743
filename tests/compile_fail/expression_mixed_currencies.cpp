// One duty expression cannot mix currencies: a floor in CAD on a rate in USD has no
// meaning until one amount is converted with an exchange_rate.
//
// expect-error: one duty expression cannot mix currencies
#include <tariff/expression.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto duty = at_least(5.33_CAD / tariff::kg, 1.00_USD / tariff::kg);
#else
    [[maybe_unused]] constexpr auto duty = at_least(5.33_CAD / tariff::kg, 1.00_CAD / tariff::kg);
#endif
}
