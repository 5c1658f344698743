// A value-initialized rounding_mode ({}) is no mode: rounding with it in a
// constant expression names the error; the control gives a mode.
//
// expect-error: error_invalid_argument_in_constant_expression
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto m = round(2.345_CAD, {});
#else
    [[maybe_unused]] constexpr auto m = round(2.345_CAD, tariff::rounding::half_even);
#endif
}
