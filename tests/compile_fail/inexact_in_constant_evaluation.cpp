// 7 each is 7/12 dozen = 0.58333...: no finite decimal. In constant evaluation
// the error is named. The control, 30 each = 2.5 dozen, is exact.
//
// expect-error: error_inexact_result_in_constant_expression
#include <tariff/quantity.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr tariff::quantity<tariff::units::dozen> d(7 * tariff::each);
#else
    [[maybe_unused]] constexpr tariff::quantity<tariff::units::dozen> d(30 * tariff::each);
#endif
}
