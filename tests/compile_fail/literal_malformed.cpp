// Exponent notation is not a plain decimal: 1e5_CAD is rejected with the
// library's message, not silently read as 100000.
//
// expect-error: malformed literal
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto m = 1e5_CAD;
#else
    [[maybe_unused]] constexpr auto m = 15_CAD;
#endif
}
