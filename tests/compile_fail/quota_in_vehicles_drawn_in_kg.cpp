// A quota counted in vehicles cannot be drawn in kilograms: neither by a claim
// typed in kilograms nor by a claim whose quantity is written in kilograms.
//
// expect-error: a quota counted in one unit cannot be drawn in another
// expect-error: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
#include <tariff/quota.hpp>

using namespace tariff::literals;
using tariff::CAD;
using tariff::date;
using vehicles = tariff::units::each;

int main() {
    const auto path = tariff::duty_path<CAD>("in quota").with_duty("MFN", "test", 6.1_pct);
    const auto quota = tariff::tariff_rate_quota<CAD, vehicles>("EV", path, path)
                           .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), 24'500_each);
    tariff::quota_ledger<CAD, vehicles> ledger(quota);
#ifdef TARIFF_MISUSE
    const tariff::quota_claim<CAD, tariff::units::kilogram> in_kg{1, date(2026, 3, 2), 1'500_kg,
                                                                  40'000.00_CAD};
    (void)ledger.allocate(in_kg);
    (void)ledger.allocate({2, date(2026, 3, 2), 1'500_kg, 40'000.00_CAD});
#else
    const tariff::quota_claim<CAD, vehicles> in_vehicles{1, date(2026, 3, 2), 1_each,
                                                         40'000.00_CAD};
    (void)ledger.allocate(in_vehicles);
    (void)ledger.allocate({2, date(2026, 3, 2), 1_each, 40'000.00_CAD});
#endif
}
