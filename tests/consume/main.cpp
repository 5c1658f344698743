// A consumer of tariff: the headline figure, checked at compile time and at run time.
#include <tariff/tariff.hpp>

using namespace tariff::literals;

static_assert(6.1_pct(40'000.00_CAD) == 2'440.00_CAD);

int main(int argc, char**) {
    const auto value = tariff::money<tariff::CAD>::from_minor_units(4'000'000 * argc);
    return (6.1_pct(value) + 100_pct(value) == 42'440.00_CAD * argc) ? 0 : 1;
}
