// eu_ceiling: an EU compound duty with a ceiling, then the duty in pounds.
//
// "8.30 % + 117.11 EUR / 100 kg MAX 18.70 % + 10.06 EUR / 100 kg": the duty is the
// first sum but at most the second (TARIC "MAX"). By hand, for 1,000 kg (10 x 100 kg):
//   at EUR 5,000.00:  first 415.00 + 1,171.10 = 1,586.10; ceiling 935.00 + 100.60 = 1,035.60;
//                     the ceiling binds: 1,035.60
//   at EUR 20,000.00: first 1,660.00 + 1,171.10 = 2,831.10; ceiling 3,740.00 + 100.60 = 3,840.60;
//                     2,831.10
// In GBP at a stated rate of 1 EUR = 0.8650 GBP (an illustration, not an official rate):
//   1,035.60 x 0.8650 = 895.794 -> 895.79;  2,831.10 x 0.8650 = 2,448.9015 -> 2,448.90 (half even)
#include <iostream>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::EUR;
using tariff::GBP;
using tariff::rounding::half_even;

constexpr auto duty =
    at_most(8.30_pct + 117.11_EUR / tariff::hundred_kg, 18.70_pct + 10.06_EUR / tariff::hundred_kg);

constexpr auto path = tariff::duty_path<EUR>("third-country duty")
                          .with_duty("customs duty", "Common Customs Tariff", duty);

constexpr auto low =
    assess(path, tariff::duty_base(5'000.00_EUR).with(1'000_kg), {tariff::rounding::half_even});
constexpr auto high =
    assess(path, tariff::duty_base(20'000.00_EUR).with(1'000_kg), {tariff::rounding::half_even});

constexpr tariff::exchange_rate<EUR, GBP> eur_gbp(0.8650_dec);

static_assert(low.duties() == 1'035.60_EUR);
static_assert(low.line("customs duty").ceiling_applied);
static_assert(high.duties() == 2'831.10_EUR);
static_assert(!high.line("customs duty").ceiling_applied);
static_assert(eur_gbp.convert(low.duties(), half_even) == 895.79_GBP);
static_assert(eur_gbp.convert(high.duties(), half_even) == 2'448.90_GBP);

int main() {
    std::cout << "1,000 kg under " << duty << "\n\n";
    std::cout << low << '\n' << high << '\n';
    std::cout << "At " << eur_gbp << " (stated for this example):\n";
    std::cout << "  " << low.duties() << " = " << eur_gbp.convert(low.duties(), half_even) << '\n';
    std::cout << "  " << high.duties() << " = " << eur_gbp.convert(high.duties(), half_even)
              << '\n';
}
