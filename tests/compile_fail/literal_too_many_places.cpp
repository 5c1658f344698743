// A literal with 19 decimal places; tariff::decimal holds at most 18.
//
// expect-error: literal has more decimal places than its type holds
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr auto m = 0.0000000000000000001_CAD;
#else
    [[maybe_unused]] constexpr auto m = 0.000000000000000001_CAD;
#endif
}
