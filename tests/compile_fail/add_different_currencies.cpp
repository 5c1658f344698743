// Amounts in different currencies cannot be added: CAD 40,000.00 + CNY 1.00 has
// no meaning until one is converted with an exchange rate.
//
// expect-error: amounts.in.different.currencies.cannot.be.added
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const auto sum = 40'000.00_CAD + 1.00_CNY;
#else
    [[maybe_unused]] const auto sum = 40'000.00_CAD + 1.00_CAD;
#endif
}
