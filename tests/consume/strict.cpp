// A user's program built with strict warnings (-Wall -Wextra -Wpedantic
// -Wconversion -Wsign-conversion -Wshadow -Werror) and plain -I: the library's
// headers must not warn in it. It uses a broad part of the API so that the
// templates it instantiates are checked too, and exits 0 only if the figures
// (worked by hand in the comments) are right.
#include <array>
#include <cstdint>
#include <iostream>
#include <string>

#include <tariff/format.hpp>
#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::CAD;
using tariff::CNY;

namespace {
constexpr tariff::rounding_policy<CAD> per_line{tariff::rounding::half_even};
constexpr tariff::tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};
constexpr auto in_quota = tariff::duty_path<CAD>("in quota")
                              .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                              .with_tax(gst);
constexpr auto standard = tariff::duty_path<CAD>("standard")
                              .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                              .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                              .with_tax(gst);
// 40,000.00 x 6.1 % = 2,440.00; GST 5 % of 42,440.00 = 2,122.00; total 4,562.00.
static_assert(assess(in_quota, tariff::duty_base(40'000.00_CAD), per_line).total() == 4'562.00_CAD);
} // namespace

int main() {
    int failures = 0;
    const auto check = [&failures](bool ok, const char* what) {
        if (!ok) {
            std::cerr << "strict consumer: wrong " << what << '\n';
            ++failures;
        }
    };
    // The quota, reserved then committed: 3 vehicles a half, 5 claimed: 3 in, 2 over.
    const auto quota =
        tariff::tariff_rate_quota<CAD, tariff::units::each>("Q", in_quota, standard)
            .with_period("H1", tariff::date(2026, 3, 1), tariff::date(2026, 8, 31), 3_each);
    tariff::quota_ledger<CAD, tariff::units::each> ledger(quota);
    auto held = ledger.reserve({1, tariff::date(2026, 3, 2), 5_each, 200'000.00_CAD});
    const auto allocation = ledger.commit(held);
    check(allocation.in_quota == 3_each && allocation.over_quota == 2_each, "allocation");
    // 200,000.00 split 3 : 2 is 120,000.00 and 80,000.00.
    const auto paid = assess(quota, allocation, per_line);
    // In: 120,000 x 6.1 % = 7,320.00, GST 5 % of 127,320.00 = 6,366.00.
    // Over: 80,000 x 106.1 % = 84,880.00, GST 5 % of 164,880.00 = 8,244.00.
    check(paid.total() == 7'320.00_CAD + 6'366.00_CAD + 84'880.00_CAD + 8'244.00_CAD, "total");

    // Parsed duties, exchange, allocation, HS codes, dates and text.
    const auto parsed = tariff::try_parse_duty<CAD>("245.5 % but not less than $5.33/kg");
    check(parsed.ok() && (*parsed)(tariff::duty_base(1'500.00_CAD).with(1'000_kg)) == 5'330.00_CAD,
          "parsed duty");
    constexpr tariff::exchange_rate<CNY, CAD> cny_cad(0.1897_dec);
    // 12,345.67 x 0.1897 = 2,341.973599, to the cent half even: 2,341.97.
    check(cny_cad.convert(12'345.67_CNY, tariff::rounding::half_even) == 2'341.97_CAD, "exchange");
    const auto parts = allocate(100.00_CAD, std::array<std::int64_t, 3>{1, 1, 1});
    check(parts[0] + parts[1] + parts[2] == 100.00_CAD, "allocation of a value");
    check(tariff::to_string(tariff::hs_code("8703.80.00")) == "8703.80.00", "HS code");
    check(tariff::date(2026, 3, 1).plus_days(30) == tariff::date(2026, 3, 31), "date");
    const std::string text = tariff::to_string(
        assess(standard, tariff::duty_base(40'000.00_CAD), per_line), tariff::notation::canadian);
    check(text.find("46,562.00") != std::string::npos, "assessment text");
    std::cout << (failures == 0 ? "strict consumer: all figures right\n" : "");
    return failures == 0 ? 0 : 1;
}
