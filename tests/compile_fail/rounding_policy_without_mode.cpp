// Rounding is explicit: a rounding_policy has no default mode, so one that
// leaves it out does not compile. The control names the mode.
//
// expect-error: required_rounding_mode
#include <tariff/assessment.hpp>

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const tariff::rounding_policy<tariff::CAD> policy{};
#else
    [[maybe_unused]] const tariff::rounding_policy<tariff::CAD> policy{tariff::rounding::half_even};
#endif
}
