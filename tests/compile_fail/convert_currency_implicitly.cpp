// An amount in one currency does not become an amount in another (CAD -> CNY)
// without an exchange rate.
//
// expect-error: an.amount.in.one.currency.cannot.become.an.amount.in.another
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const tariff::money<tariff::CNY> m = 1.00_CAD;
#else
    [[maybe_unused]] const tariff::money<tariff::CNY> m = 1.00_CNY;
#endif
}
