// cheese_floor: over-access cheese into Canada, a duty with a floor.
//
// Customs Tariff 0406.40.20 (blue-veined cheese, over access commitment):
// "245.5 % but not less than $5.33/kg". By hand, for 1,000 kg:
//   at CAD 6,000.00: 245.5 % x 6,000.00 = 14,730.00; floor 5.33 x 1,000 = 5,330.00;
//                    the ad valorem part is larger: 14,730.00
//   at CAD 1,500.00: 245.5 % x 1,500.00 = 3,682.50 < 5,330.00: the floor binds, 5,330.00
// Ad valorem equivalent (duty on one kg / value of one kg):
//   at CAD 6.00/kg: 14.73 / 6.00 = 245.5 %;  at CAD 1.50/kg: 5.33 / 1.50 = 355.33 % (half even)
#include <iostream>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::CAD;
using tariff::rounding::half_even;

constexpr auto over_access = at_least(245.5_pct, 5.33_CAD / tariff::kg);

constexpr auto path = tariff::duty_path<CAD>("over access commitment")
                          .with_duty("customs duty", "Customs Tariff 0406.40.20", over_access);

constexpr tariff::rounding_policy<CAD> per_line{half_even};
constexpr auto dear = assess(path, tariff::duty_base(6'000.00_CAD).with(1'000_kg), per_line);
constexpr auto cheap = assess(path, tariff::duty_base(1'500.00_CAD).with(1'000_kg), per_line);

static_assert(dear.duties() == 14'730.00_CAD);
static_assert(!dear.line("customs duty").floor_applied);
static_assert(cheap.duties() == 5'330.00_CAD);
static_assert(cheap.line("customs duty").floor_applied);
static_assert(ad_valorem_equivalent(over_access, 6.00_CAD / tariff::kg, 2, half_even) == 245.5_pct);
static_assert(ad_valorem_equivalent(over_access, 1.50_CAD / tariff::kg, 2, half_even) ==
              355.33_pct);

int main() {
    // A Canadian duty, written as the Customs Tariff writes it.
    constexpr auto canadian = tariff::notation::canadian;
    std::cout << "Blue-veined cheese, tariff item 0406.40.20, over access: "
              << to_string(over_access, canadian) << "\n1,000 kg at two prices.\n\n";
    std::cout << to_string(dear, canadian) << '\n' << to_string(cheap, canadian) << '\n';
    std::cout << "Ad valorem equivalent at CAD 6.00/kg: "
              << ad_valorem_equivalent(over_access, 6.00_CAD / tariff::kg, 2, half_even) << '\n';
    std::cout << "Ad valorem equivalent at CAD 1.50/kg: "
              << ad_valorem_equivalent(over_access, 1.50_CAD / tariff::kg, 2, half_even) << '\n';
}
