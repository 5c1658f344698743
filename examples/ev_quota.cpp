// ev_quota: a quota year of Chinese electric vehicles entering Canada.
//
// The Jan 2026 arrangement lets 49,000 Chinese-made EVs a year in at the MFN
// rate of 6.1 %, first come, first served from 1 March 2026; the rest pay the
// standard path, 6.1 % plus the 100 % China surtax (SOR/2024-187 s.3). The
// quota year runs March to February in two halves of 24,500; the second half
// also gets what the first left unused (Notice to Importers 1162, a secondary
// source: here it is the quota's carry-over setting, not a constant).
//
// A deterministic year of shipments (a fixed-seed generator: about 60,000
// vehicles in some 740 shipments of 1 to 160 vehicles worth CAD 25,000.00 to
// 59,999.99 each) goes through the quota ledger. The program prints, per half
// and for the year, the vehicles in and over quota, duty and GST on each path,
// and what the quota saved importers; and it writes an SVG chart of
// cumulative duty against vehicles imported.
//
//     ev_quota [chart.svg]      (default: ev_quota.svg in the current directory)
//
// tests/oracle/ev_quota_oracle.py computes the same year independently with
// Python's decimal module; the tests compare its figures with this output.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::CAD;
using tariff::date;
using vehicles = tariff::units::each;

namespace {

constexpr tariff::tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};
constexpr auto in_quota_path = tariff::duty_path<CAD>("in quota")
                                   .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                                   .with_tax(gst);
constexpr auto standard_path = tariff::duty_path<CAD>("standard")
                                   .with_duty("MFN", "Customs Tariff 8703.80.00", 6.1_pct)
                                   .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                                   .with_tax(gst);

constexpr auto ev_quota = tariff::tariff_rate_quota<CAD, vehicles>("EV-CN-2026", in_quota_path,
                                                                   standard_path)
                              .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), 24'500_each)
                              .with_period("H2", date(2026, 9, 1), date(2027, 2, 28), 24'500_each)
                              .with_carry_over();

// A small quota year, checked by the compiler: 10 vehicles a half, three shipments.
constexpr auto small_year = [] {
    auto q = tariff::tariff_rate_quota<CAD, vehicles>("small", in_quota_path, standard_path)
                 .with_period("H1", date(2026, 3, 1), date(2026, 8, 31), 10_each)
                 .with_period("H2", date(2026, 9, 1), date(2027, 2, 28), 10_each)
                 .with_carry_over();
    tariff::quota_ledger<CAD, vehicles> ledger(q);
    // 4 vehicles, then 8 (6 fit), then in H2 15 (10 fit: nothing was left to carry).
    const auto a = ledger.allocate({1, date(2026, 3, 2), 4_each, 160'000.00_CAD});
    const auto b = ledger.allocate({2, date(2026, 4, 2), 8_each, 320'000.00_CAD});
    const auto c = ledger.allocate({3, date(2026, 9, 2), 15_each, 600'000.00_CAD});
    return std::array<tariff::money<CAD>, 3>{assess(q, a, {tariff::rounding::half_even}).total(), assess(q, b, {tariff::rounding::half_even}).total(),
                                             assess(q, c, {tariff::rounding::half_even}).total()};
}();
// By hand: one vehicle at CAD 40,000.00 pays 4,562.00 in quota and 46,562.00 over.
static_assert(small_year[0] == 4 * 4'562.00_CAD);
static_assert(small_year[1] == 6 * 4'562.00_CAD + 2 * 46'562.00_CAD);
static_assert(small_year[2] == 10 * 4'562.00_CAD + 5 * 46'562.00_CAD);

// The shipments: a 64-bit linear congruential generator (Knuth's MMIX
// constants), top 31 bits.
struct generator {
    std::uint64_t state;
    std::uint64_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    }
};

struct shipment {
    date day;
    std::int64_t count;
    tariff::money<CAD> value;
};

std::vector<shipment> quota_year() {
    generator g{20260301};
    std::vector<shipment> out;
    for (date d(2026, 3, 1); !(date(2027, 2, 28) < d); d = d.plus_days(1)) {
        const auto per_day = 1 + g.next() % 3;
        for (std::uint64_t i = 0; i < per_day; ++i) {
            const auto count = static_cast<std::int64_t>(1 + g.next() % 160);
            const auto each = tariff::money<CAD>::from_minor_units(
                2'500'000 + static_cast<std::int64_t>(g.next() % 3'500'000));
            out.push_back({d, count, each * count});
        }
    }
    return out;
}

struct totals {
    std::int64_t shipments = 0, in_quota = 0, over_quota = 0;
    tariff::money<CAD> duty_in, gst_in, duty_over, gst_over, saved;
    date exhausted{};
    bool was_exhausted = false;
    void add(const totals& o) {
        shipments += o.shipments;
        in_quota += o.in_quota;
        over_quota += o.over_quota;
        duty_in += o.duty_in;
        gst_in += o.gst_in;
        duty_over += o.duty_over;
        gst_over += o.gst_over;
        saved += o.saved;
    }
};

std::string count(std::int64_t n) {
    return tariff::detail::format_decimal(tariff::decimal(n), 0, true, true);
}

void print(const std::string& title, const totals& t) {
    std::cout << title << ": " << count(t.shipments) << " shipments, "
              << count(t.in_quota + t.over_quota) << " vehicles\n";
    std::cout << "  in quota    " << count(t.in_quota) << " vehicles: duty " << t.duty_in
              << ", GST " << t.gst_in << '\n';
    std::cout << "  over quota  " << count(t.over_quota) << " vehicles: duty " << t.duty_over
              << ", GST " << t.gst_over << '\n';
    std::cout << "  duty and GST paid: " << t.duty_in + t.gst_in + t.duty_over + t.gst_over
              << '\n';
    std::cout << "  saved by the quota (standard path minus in-quota path): " << t.saved << '\n';
    if (t.was_exhausted) std::cout << "  quota exhausted by the shipments of " << to_string(t.exhausted) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    const std::string chart_path = argc > 1 ? argv[1] : "ev_quota.svg";
    tariff::quota_ledger<CAD, vehicles> ledger(ev_quota);
    std::array<totals, 2> half{};
    // For the chart: vehicles imported, duty paid, duty had all paid the standard path.
    std::vector<std::array<std::int64_t, 3>> curve{{0, 0, 0}};
    tariff::money<CAD> duty_paid, duty_standard;
    std::int64_t imported = 0;
    std::uint64_t id = 0;
    std::vector<std::array<std::int64_t, 3>> kinks;  // vehicles, duty, half: a half's quota used up

    for (const shipment& s : quota_year()) {
        const auto a = ledger.allocate({++id, s.day, s.count * tariff::each, s.value});
        const auto paid = assess(ev_quota, a, {tariff::rounding::half_even});
        // What the in-quota vehicles would have paid on the standard path.
        const auto standard = assess(standard_path, tariff::duty_base(a.value_in_quota).with(a.in_quota), {tariff::rounding::half_even});
        totals& t = half[a.period];
        t.shipments += 1;
        t.in_quota += ev_quota.granules_down(a.in_quota);
        t.over_quota += ev_quota.granules_down(a.over_quota);
        t.duty_in += paid.in_quota.duties();
        t.gst_in += paid.in_quota.taxes();
        t.duty_over += paid.over_quota.duties();
        t.gst_over += paid.over_quota.taxes();
        t.saved += standard.total() - paid.in_quota.total();
        if (!t.was_exhausted && ledger.balance(a.period, tariff::quota_pool::general) == 0) {
            t.was_exhausted = true;
            t.exhausted = s.day;
        }
        const bool kink = t.was_exhausted && t.exhausted == s.day && kinks.size() == a.period;
        imported += s.count;
        duty_paid += paid.duties();
        duty_standard += paid.over_quota.duties() + standard.duties();
        curve.push_back({imported, duty_paid.minor_units(), duty_standard.minor_units()});
        if (kink)
            kinks.push_back({imported - ev_quota.granules_down(a.over_quota),
                             duty_paid.minor_units() - paid.over_quota.duties().minor_units(),
                             static_cast<std::int64_t>(a.period)});
    }

    std::cout << "Chinese electric vehicles into Canada, quota year 2026-03-01 to 2027-02-28\n"
              << "Quota " << ev_quota.order_number()
              << ": 24,500 vehicles a half; the second half also gets what the first left.\n"
              << "In quota: MFN 6.1 % and GST 5 %. Over quota: MFN 6.1 %, surtax 100 % and GST 5 %.\n"
              << "Rounding: half to even, to the cent, per duty and tax line.\n\n";
    print("H1 2026-03-01 to 2026-08-31", half[0]);
    print("H2 2026-09-01 to 2027-02-28", half[1]);
    totals year = half[0];
    year.add(half[1]);
    year.was_exhausted = false;
    print("Quota year", year);

    // The chart: cumulative duty (MFN and surtax; GST left out) in CAD millions,
    // in whole-pixel integer coordinates.
    const std::int64_t width = 720, height = 420, left = 80, right = 700, bottom = 360, top = 40;
    const std::int64_t max_x = imported, max_y = curve.back()[2];
    auto px = [&](std::int64_t v) { return left + (right - left) * v / max_x; };
    auto py = [&](std::int64_t v) {
        return bottom - static_cast<std::int64_t>(static_cast<tariff::int128_t>(bottom - top) * v / max_y);
    };
    std::ofstream svg(chart_path);
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        << "<text x=\"" << left << "\" y=\"20\" font-size=\"14\">Cumulative duty on Chinese EVs, quota year 2026-27 (CAD millions)</text>\n"
        << "<line x1=\"" << left << "\" y1=\"" << bottom << "\" x2=\"" << right << "\" y2=\"" << bottom << "\" stroke=\"black\"/>\n"
        << "<line x1=\"" << left << "\" y1=\"" << bottom << "\" x2=\"" << left << "\" y2=\"" << top << "\" stroke=\"black\"/>\n";
    const std::int64_t million = 100'000'000;  // in cents
    const std::int64_t step = ((max_y / million) / 5 + 99) / 100 * 100 * million;  // round ticks
    for (std::int64_t v = 0; v <= max_y; v += step)
        svg << "<text x=\"" << left - 8 << "\" y=\"" << py(v) + 4 << "\" text-anchor=\"end\">"
            << count(v / million) << "</text>\n";
    for (std::int64_t v = 0; v <= imported; v += 10'000)
        svg << "<text x=\"" << px(v) << "\" y=\"" << bottom + 18 << "\" text-anchor=\"middle\">"
            << count(v) << "</text>\n";
    svg << "<text x=\"" << (left + right) / 2 << "\" y=\"" << height - 12
        << "\" text-anchor=\"middle\">vehicles imported</text>\n";
    for (int line = 1; line <= 2; ++line) {
        svg << "<polyline fill=\"none\" stroke=\"" << (line == 1 ? "#1f77b4" : "#d62728")
            << "\" stroke-width=\"2\"" << (line == 2 ? " stroke-dasharray=\"6 4\"" : "") << " points=\"";
        for (const auto& p : curve) svg << px(p[0]) << ',' << py(p[line]) << ' ';
        svg << "\"/>\n";
    }
    for (const auto& k : kinks)
        svg << "<circle cx=\"" << px(k[0]) << "\" cy=\"" << py(k[1]) << "\" r=\"4\" fill=\"#1f77b4\"/>\n"
            << "<text x=\"" << px(k[0]) << "\" y=\"" << py(k[1]) - 30 << "\" text-anchor=\"middle\">"
            << (k[2] == 0 ? "H1" : "H2") << " quota used up</text>\n"
            << "<line x1=\"" << px(k[0]) << "\" y1=\"" << py(k[1]) - 26 << "\" x2=\"" << px(k[0])
            << "\" y2=\"" << py(k[1]) - 6 << "\" stroke=\"black\"/>\n";
    svg << "<text x=\"" << left + 10 << "\" y=\"" << top + 10 << "\" fill=\"#d62728\">standard path for every vehicle: 6.1 % + 100 % surtax</text>\n"
        << "<text x=\"" << left + 10 << "\" y=\"" << top + 28 << "\" fill=\"#1f77b4\">with the quota: 6.1 % until each half's 24,500 are used</text>\n"
        << "</svg>\n";
    std::cout << "\nChart: " << chart_path << '\n';
    return svg ? 0 : 1;
}
