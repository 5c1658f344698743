// A quantity is never negative; in constant evaluation 1 kg - 2 kg names the
// error. The control, 2 kg - 1 kg = 1 kg, is fine.
//
// expect-error: error_negative_quantity_in_constant_expression
#include <tariff/quantity.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto q = 1 * tariff::kg - 2 * tariff::kg;
#else
    [[maybe_unused]] constexpr auto q = 2 * tariff::kg - 1 * tariff::kg;
#endif
}
