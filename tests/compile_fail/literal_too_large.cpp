// A literal whose coefficient exceeds 64 bits: 99,999,999,999,999,999.99 is
// 9,999,999,999,999,999,999 * 10^-2, and 9,999,999,999,999,999,999 >
// 2^63 - 1 = 9,223,372,036,854,775,807 (no trailing zero to drop). The control,
// 9,999,999,999,999,999.99, has coefficient 999,999,999,999,999,999, which fits.
//
// expect-error: literal too large for its type
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto m = 99'999'999'999'999'999.99_CAD;
#else
    [[maybe_unused]] constexpr auto m = 9'999'999'999'999'999.99_CAD;
#endif
}
