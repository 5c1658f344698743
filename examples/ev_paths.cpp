// ev_paths: one Chinese-made electric vehicle entering Canada, on both paths.
//
// Figures checked by hand (../shared domain notes, section 1):
//   value for duty CAD 40,000.00
//   preferential: duty 2,440.00; GST 5 % of 42,440.00 = 2,122.00; total 4,562.00
//   standard: 2,440.00 + surtax 40,000.00 = 42,440.00; GST 5 % of 82,440.00 = 4,122.00;
//             total 46,562.00
#include <cstddef>
#include <iostream>
#include <string>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::rounding::half_even;

// Customs Tariff 8703.80.00, MFN rate (CBSA customs notice CN 24-32).
constexpr auto mfn = 6.1_pct;
// China Surtax Order, SOR/2024-187 s.3: 100 % of the value for duty.
constexpr auto china_surtax = 100_pct;
// Excise Tax Act s.215: GST is 5 % of the value for duty plus all duties.
constexpr auto gst = 5_pct;

constexpr auto value_for_duty = 40'000.00_CAD;

// Each component is rounded to the cent, half to even, where it is computed.
constexpr auto mfn_duty = round(mfn(value_for_duty), half_even);
constexpr auto surtax = round(china_surtax(value_for_duty), half_even);

// Preferential path (inside the 49,000-vehicle quota): MFN only.
constexpr auto preferential_duties = mfn_duty;
constexpr auto preferential_gst = round(gst(value_for_duty + preferential_duties), half_even);
constexpr auto preferential_total = preferential_duties + preferential_gst;

// Standard path: MFN plus the surtax.
constexpr auto standard_duties = mfn_duty + surtax;
constexpr auto standard_gst = round(gst(value_for_duty + standard_duties), half_even);
constexpr auto standard_total = standard_duties + standard_gst;

// The same figures, checked by the compiler.
static_assert(preferential_duties == 2'440.00_CAD);
static_assert(preferential_gst == 2'122.00_CAD);
static_assert(preferential_total == 4'562.00_CAD);
static_assert(standard_duties == 42'440.00_CAD);
static_assert(standard_gst == 4'122.00_CAD);
static_assert(standard_total == 46'562.00_CAD);
static_assert(standard_total - preferential_total == 42'000.00_CAD);

namespace {

void line(const std::string& label, const tariff::money<tariff::CAD>& amount) {
    const std::string text = to_string(amount);
    const std::size_t width = 44;
    const std::size_t pad = width > label.size() + text.size() ? width - label.size() - text.size() : 1;
    std::cout << "  " << label << std::string(pad, ' ') << text << '\n';
}

}  // namespace

int main() {
    std::cout << "One electric vehicle made in China, tariff item 8703.80.00\n"
              << "Value for duty: " << value_for_duty << "\n\n";

    std::cout << "Preferential path (inside the quota): MFN " << mfn << '\n';
    line("MFN duty", mfn_duty);
    line("GST " + to_string(gst) + " of value + duties", preferential_gst);
    line("duties and GST", preferential_total);

    std::cout << "\nStandard path: MFN " << mfn << " + China surtax " << china_surtax << '\n';
    line("MFN duty", mfn_duty);
    line("surtax (SOR/2024-187)", surtax);
    line("GST " + to_string(gst) + " of value + duties", standard_gst);
    line("duties and GST", standard_total);

    std::cout << "\nThe preferential path saves " << standard_total - preferential_total
              << " on this vehicle.\n";
}
