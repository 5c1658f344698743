// ev_paths: one Chinese-made electric vehicle entering Canada, on both paths.
//
// Figures checked by hand (shared domain notes, section 1):
//   value for duty CAD 40,000.00
//   preferential: duty 2,440.00; GST 5 % of 42,440.00 = 2,122.00; total 4,562.00
//   standard: 2,440.00 + surtax 40,000.00 = 42,440.00; GST 5 % of 82,440.00 = 4,122.00;
//             total 46,562.00; the preferential path saves 42,000.00
#include <iostream>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::CAD;

// Customs Tariff 8703.80.00: MFN 6.1 % (CBSA customs notice CN 24-32). The line holds
// two treatments (<CAD, 2>; six unless told), so it weighs under 2 KB.
constexpr tariff::tariff_line<CAD, 2> ev_line{
    tariff::hs_code("8703.80.00"), "Electric passenger motor vehicles",
    tariff::unit_info_of<tariff::units::each>, 6.1_pct, "Customs Tariff 8703.80.00"};

// Excise Tax Act s.215: GST is 5 % of the value for duty plus all duties and surtaxes.
constexpr tariff::tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};

// Standard path: MFN plus the China surtax, 100 % of the value for duty (SOR/2024-187 s.3).
// Preferential path: MFN only, for vehicles inside the 49,000-vehicle quota (Jan 2026 deal).
constexpr auto ev =
    ev_line
        .with_treatment("standard (CN)", "CN",
                        ev_line.mfn_path("standard")
                            .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                            .with_tax(gst))
        .with_treatment("in quota (CN)", "CN", ev_line.mfn_path("in quota").with_tax(gst));

// One vehicle, value for duty CAD 40,000.00. Rounding: half to even, to the cent, per line.
constexpr auto entry = tariff::duty_base(40'000.00_CAD).with(1 * tariff::each);
constexpr auto paths = compare(ev.path("in quota (CN)"), ev.path("standard (CN)"), entry,
                               {tariff::rounding::half_even});

// The same figures, checked by the compiler.
static_assert(paths.first.duties() == 2'440.00_CAD);
static_assert(paths.first.taxes() == 2'122.00_CAD);
static_assert(paths.first.total() == 4'562.00_CAD);
static_assert(paths.second.line("China surtax").rounded == 40'000.00_CAD);
static_assert(paths.second.duties() == 42'440.00_CAD);
static_assert(paths.second.taxes() == 4'122.00_CAD);
static_assert(paths.second.total() == 46'562.00_CAD);
static_assert(paths.difference() == 42'000.00_CAD);

int main() {
    std::cout << "One electric vehicle made in China, tariff item " << ev.code() << " ("
              << ev.description() << ")\n\n";
    std::cout << paths.first << '\n' << paths.second << '\n';
    std::cout << "The preferential path saves " << paths.difference() << " on this vehicle.\n";
}
