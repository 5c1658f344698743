// A quantity cannot be scaled by binary floating point: (10 kg) * 1.5.
//
// expect-error: a.quantity.cannot.be.multiplied.by.binary.floating.point
#include <tariff/quantity.hpp>

using namespace tariff::literals;

int main() {
    const auto q = 10 * tariff::kg;
#ifdef TARIFF_MISUSE
    (void)(q * 1.5);
#else
    (void)(q * 1.5_dec);
#endif
}
