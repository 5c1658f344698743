// Money times money has no meaning (CAD^2): multiply by a rate, a decimal or an
// integer instead.
//
// expect-error: money.times.money.has.no.meaning
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    (void)(40'000.00_CAD * 2.00_CAD);
#else
    (void)(40'000.00_CAD * 2.00_dec);
#endif
}
