// Money cannot be made from binary floating point, which cannot hold 0.10 exactly.
//
// expect-error: money.cannot.be.made.from.binary.floating.point
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const tariff::money<tariff::CAD> m = 1.5;
#else
    [[maybe_unused]] const tariff::money<tariff::CAD> m = 1.50_CAD;
#endif
}
