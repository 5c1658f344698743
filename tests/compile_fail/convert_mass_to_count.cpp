// A quantity of kilograms does not become a count of items.
//
// expect-error: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
#include <tariff/quantity.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const tariff::quantity<tariff::units::each> n = 1'000 * tariff::kg;
#else
    [[maybe_unused]] const tariff::quantity<tariff::units::each> n = 1 * tariff::dozen;
#endif
}
