// Rounding is explicit: round(m, {}) used to round half even; a rounding-mode
// parameter has no default, so an empty mode does not compile. The control
// names the mode.
//
// expect-error: no.default.rounding.mode|there_is_no_default
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const auto m = round(2.345_CAD, {});
#else
    [[maybe_unused]] const auto m = round(2.345_CAD, tariff::rounding::half_even);
#endif
}
