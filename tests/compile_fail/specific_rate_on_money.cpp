// A specific rate applies to a quantity, not to a value in money.
//
// expect-error: a.specific.rate.applies.to.a.quantity.{1,2}not.to.a.value
#include <tariff/rate.hpp>

using namespace tariff::literals;

int main() {
    constexpr auto floor_rate = 5.33_CAD / tariff::kg;
#ifdef TARIFF_MISUSE
    (void)floor_rate(40'000.00_CAD);
#else
    (void)floor_rate(40'000 * tariff::kg);
#endif
}
