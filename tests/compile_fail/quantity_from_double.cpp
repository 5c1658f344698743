// A quantity cannot be made from binary floating point: 1.5 * kg.
//
// expect-error: a.quantity.cannot.be.made.from.binary.floating.point
#include <tariff/quantity.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    (void)(1.5 * tariff::kg);
#else
    (void)(1.5_dec * tariff::kg);
#endif
}
