// from_minor_units counts whole minor units; from a double it would silently
// truncate (12.5 cents -> 12).
//
// expect-error: minor.units.are.a.whole.number
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    (void)tariff::money<tariff::CAD>::from_minor_units(12.5);
#else
    (void)tariff::money<tariff::CAD>::from_minor_units(125);
#endif
}
