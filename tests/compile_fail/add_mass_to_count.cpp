// Kilograms and a count of items are different dimensions and do not add.
//
// expect-error: quantities.of.different.dimensions.cannot.be.added
#include <tariff/quantity.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    (void)(1'000 * tariff::kg + 3 * tariff::each);
#else
    (void)(1'000 * tariff::kg + 3 * tariff::tonne);
#endif
}
