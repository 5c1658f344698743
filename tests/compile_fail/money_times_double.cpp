// Money cannot be multiplied by binary floating point; use 1.5_dec or a rate.
//
// expect-error: money.cannot.be.multiplied.by.binary.floating.point
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
    const auto m = 40'000.00_CAD;
#ifdef TARIFF_MISUSE
    (void)(m * 1.5);
#else
    (void)(m * 1.5_dec);
#endif
}
