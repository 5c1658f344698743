// A rate per kilogram applies to a mass, not to a count of items.
//
// expect-error: a.specific.rate.applies.only.to.a.quantity.of.its.own.dimension
#include <tariff/rate.hpp>

using namespace tariff::literals;

int main() {
    constexpr auto floor_rate = 5.33_CAD / tariff::kg;
#ifdef TARIFF_MISUSE
    (void)floor_rate(3 * tariff::each);
#else
    (void)floor_rate(3 * tariff::tonne);
#endif
}
