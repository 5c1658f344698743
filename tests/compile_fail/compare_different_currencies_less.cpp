// Amounts in different currencies cannot be ordered: CAD 1.00 < CNY 1.00 depends
// on an exchange rate.
//
// expect-error: amounts.in.different.currencies.cannot.be.compared
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const bool less = 1.00_CAD < 1.00_CNY;
#else
    [[maybe_unused]] const bool less = 1.00_CAD < 2.00_CAD;
#endif
}
