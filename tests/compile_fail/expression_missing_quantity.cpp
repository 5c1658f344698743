// A duty per kilogram on an entry that declares no mass: where both the expression
// and the entry know their quantities at compile time, this does not compile.
//
// expect-error: needs a quantity the entry does not declare
#include <tariff/expression.hpp>

using namespace tariff::literals;

int main() {
    constexpr auto cheese = at_least(245.5_pct, 5.33_CAD / tariff::kg);
#ifdef TARIFF_MISUSE
    (void)cheese(tariff::duty_base(1.00_CAD));
#else
    (void)cheese(tariff::duty_base(1.00_CAD).with(1 * tariff::kg));
#endif
}
