// A rounding_mode that is not one of the seven (rounding_mode{} written out, or
// a value cast from a byte) is rejected: in a constant expression the error
// names it. The control gives a mode.
//
// expect-error: error_invalid_argument_in_constant_expression
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto m = round(2.345_CAD, tariff::rounding_mode{});
#else
    [[maybe_unused]] constexpr auto m = round(2.345_CAD, tariff::rounding_mode::half_even);
#endif
}
