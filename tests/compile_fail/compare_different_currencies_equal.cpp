// Amounts in different currencies cannot be compared for equality (CAD 1.00 is
// not CNY 1.00, nor is it unequal to it in any useful sense).
//
// expect-error: amounts.in.different.currencies.cannot.be.compared
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const bool same = 1.00_CAD == 1.00_CNY;
#else
    [[maybe_unused]] const bool same = 1.00_CAD == 1.00_CAD;
#endif
}
