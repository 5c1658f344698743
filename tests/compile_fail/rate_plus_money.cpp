// A rate and an amount cannot be added: 6.1 % + CAD 1.00 means nothing until
// the rate is applied to a value.
//
// expect-error: a.rate.and.an.amount.of.money.cannot.be.added
#include <tariff/rate.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    (void)(6.1_pct + 1.00_CAD);
#else
    (void)(6.1_pct(40'000.00_CAD) + 1.00_CAD);
#endif
}
