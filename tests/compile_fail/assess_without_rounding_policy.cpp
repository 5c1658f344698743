// Rounding is explicit: assess() has no default rounding policy, so leaving it
// out does not compile; the control passes one.
//
// expect-error: assess.{0,24}needs.a.rounding.policy
#include <tariff/tariff.hpp>

using namespace tariff::literals;

constexpr auto path = tariff::duty_path<tariff::CAD>("MFN").with_duty("MFN", "", 6.1_pct);

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] const auto a = assess(path, tariff::duty_base(100.00_CAD));
#else
    [[maybe_unused]] constexpr auto a =
        assess(path, tariff::duty_base(100.00_CAD), {tariff::rounding::half_even});
#endif
}
