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

// Each duty and tax line rounded half to even to the cent (the CBSA rounds per
// line; the policy is stated, never a default).
constexpr tariff::rounding_policy<CAD> per_line{tariff::rounding::half_even};

constexpr auto ev_quota =
    tariff::tariff_rate_quota<CAD, vehicles>("EV-CN-2026", in_quota_path, standard_path)
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
    return std::array<tariff::money<CAD>, 3>{assess(q, a, per_line).total(),
                                             assess(q, b, per_line).total(),
                                             assess(q, c, per_line).total()};
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
    // saved: what the in-quota vehicles would have paid on the standard path,
    // less what they paid, as duty and as the GST on that duty.
    tariff::money<CAD> duty_in, gst_in, duty_over, gst_over, saved_duty, saved_gst;
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
        saved_duty += o.saved_duty;
        saved_gst += o.saved_gst;
    }
};

// 59,084: digits grouped by three.
std::string count(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

void print(const std::string& title, const totals& t) {
    std::cout << title << ": " << count(t.shipments) << " shipments, "
              << count(t.in_quota + t.over_quota) << " vehicles\n";
    std::cout << "  in quota    " << count(t.in_quota) << " vehicles: duty " << t.duty_in
              << ", GST " << t.gst_in << '\n';
    std::cout << "  over quota  " << count(t.over_quota) << " vehicles: duty " << t.duty_over
              << ", GST " << t.gst_over << '\n';
    std::cout << "  duty and GST paid: " << t.duty_in + t.gst_in + t.duty_over + t.gst_over << '\n';
    std::cout << "  saved by the quota (the standard path on the in-quota vehicles, less what they"
                 " paid):\n"
              << "    duty " << t.saved_duty << " + GST on that duty " << t.saved_gst << " = "
              << t.saved_duty + t.saved_gst << '\n';
    if (t.was_exhausted)
        std::cout << "  quota exhausted by the shipments of " << to_string(t.exhausted) << '\n';
}

} // namespace

int main(int argc, char** argv) {
    const std::string chart_path = argc > 1 ? argv[1] : "ev_quota.svg";
    if (chart_path == "-h" || chart_path == "--help") {
        std::cout << "usage: ev_quota [CHART.svg]   (default: ev_quota.svg)\n"
                     "Prints a quota year of Chinese EVs entering Canada and writes its chart.\n";
        return 0;
    }
    tariff::quota_ledger<CAD, vehicles> ledger(ev_quota);
    std::array<totals, 2> half{};
    // For the chart: vehicles imported, duty paid, duty had all paid the standard path.
    std::vector<std::array<std::int64_t, 3>> curve{{0, 0, 0}};
    tariff::money<CAD> duty_paid, duty_standard;
    std::int64_t imported = 0;
    std::uint64_t id = 0;
    // Where a half's quota ran out: vehicles, duty, half (the date is the half's
    // `exhausted`). Where the second half opened: vehicles imported before it.
    std::vector<std::array<std::int64_t, 3>> kinks;
    std::int64_t h2_opens_at = -1;

    for (const shipment& s : quota_year()) {
        const auto a = ledger.allocate({++id, s.day, s.count * tariff::each, s.value});
        const auto paid = assess(ev_quota, a, per_line);
        // What the in-quota vehicles would have paid on the standard path.
        const auto standard =
            assess(standard_path, tariff::duty_base(a.value_in_quota).with(a.in_quota), per_line);
        totals& t = half[a.period];
        t.shipments += 1;
        t.in_quota += ev_quota.granules_down(a.in_quota);
        t.over_quota += ev_quota.granules_down(a.over_quota);
        t.duty_in += paid.in_quota.duties();
        t.gst_in += paid.in_quota.taxes();
        t.duty_over += paid.over_quota.duties();
        t.gst_over += paid.over_quota.taxes();
        t.saved_duty += standard.duties() - paid.in_quota.duties();
        t.saved_gst += standard.taxes() - paid.in_quota.taxes();
        if (!t.was_exhausted && ledger.balance(a.period, tariff::quota_pool::general) == 0) {
            t.was_exhausted = true;
            t.exhausted = s.day;
        }
        const bool kink = t.was_exhausted && t.exhausted == s.day && kinks.size() == a.period;
        if (a.period == 1 && h2_opens_at < 0)
            h2_opens_at = imported;
        imported += s.count;
        duty_paid += paid.duties();
        duty_standard += paid.over_quota.duties() + standard.duties();
        curve.push_back({imported, duty_paid.minor_units(), duty_standard.minor_units()});
        if (kink)
            kinks.push_back({imported - ev_quota.granules_down(a.over_quota),
                             duty_paid.minor_units() - paid.over_quota.duties().minor_units(),
                             static_cast<std::int64_t>(a.period)});
    }

    std::cout
        << "Chinese electric vehicles into Canada, quota year 2026-03-01 to 2027-02-28\n"
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
    std::ofstream svg(chart_path);
    if (!svg) {
        std::cerr << "ev_quota: cannot write " << chart_path << '\n';
        return 1;
    }
    const std::int64_t width = 760, height = 460, left = 96, right = 740, bottom = 380, top = 70;
    const std::int64_t max_x = imported, max_y = curve.back()[2];
    auto px = [&](std::int64_t v) { return left + (right - left) * v / max_x; };
    auto py = [&](std::int64_t v) {
        const auto span = static_cast<tariff::int128_t>(bottom - top);
        return bottom - static_cast<std::int64_t>(span * v / max_y);
    };
    auto text = [&](std::int64_t x, std::int64_t y, const char* anchor, const std::string& body,
                    const char* extra = "") {
        svg << "<text x=\"" << x << "\" y=\"" << y << "\" text-anchor=\"" << anchor << '"' << extra
            << '>' << body << "</text>\n";
    };
    auto line = [&](std::int64_t x1, std::int64_t y1, std::int64_t x2, std::int64_t y2,
                    const char* style) {
        svg << "<line x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\"" << x2 << "\" y2=\"" << y2
            << "\" " << style << "/>\n";
    };
    const char* const blue = "stroke=\"#1f77b4\" stroke-width=\"2\"";
    const char* const red = "stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"6 4\"";

    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n"
        << "<title>Cumulative duty on Chinese EVs entering Canada, quota year 2026-27</title>\n"
        << "<desc>Duty (MFN 6.1 % and the 100 % surtax; GST not included) in CAD millions "
           "against vehicles imported, with the 49,000-vehicle quota (two halves of 24,500) "
           "and without it. The gap between the curves is the duty the quota saved; the "
           "markers show when each half's quota ran out and when the second half opened."
           "</desc>\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    text(left, 24, "start", "Cumulative duty on Chinese EVs, quota year 2026-03-01 to 2027-02-28",
         " font-size=\"15\"");
    line(left, bottom, right, bottom, "stroke=\"black\"");
    line(left, bottom, left, top, "stroke=\"black\"");
    const std::int64_t million = 100'000'000;                                     // in cents
    const std::int64_t step = ((max_y / million) / 5 + 99) / 100 * 100 * million; // round ticks
    for (std::int64_t v = 0; v <= max_y; v += step)
        text(left - 8, py(v) + 4, "end", count(v / million));
    for (std::int64_t v = 0; v <= imported; v += 10'000)
        text(px(v), bottom + 18, "middle", count(v));
    text((left + right) / 2, bottom + 44, "middle", "vehicles imported (cumulative)");
    text(24, (top + bottom) / 2, "middle", "duty paid, CAD millions (GST not included)",
         (" transform=\"rotate(-90 24 " + std::to_string((top + bottom) / 2) + ")\"").c_str());

    // The second half opens: a vertical rule at the vehicles imported before it.
    if (h2_opens_at >= 0) {
        line(px(h2_opens_at), bottom, px(h2_opens_at), top,
             "stroke=\"#777\" stroke-dasharray=\"2 3\"");
        text(px(h2_opens_at) + 4, bottom - 8, "start", "H2 opens 2026-09-01", " fill=\"#555\"");
    }
    for (std::size_t curve_index = 1; curve_index <= 2; ++curve_index) {
        svg << "<polyline fill=\"none\" " << (curve_index == 1 ? blue : red) << " points=\"";
        for (const auto& p : curve)
            svg << px(p[0]) << ',' << py(p[curve_index]) << ' ';
        svg << "\"/>\n";
    }
    for (const auto& k : kinks) {
        const auto& when = half[static_cast<std::size_t>(k[2])].exhausted;
        svg << "<circle cx=\"" << px(k[0]) << "\" cy=\"" << py(k[1])
            << "\" r=\"4\" fill=\"#1f77b4\"/>\n";
        // A label near the right edge ends at its marker instead of centring on it.
        const bool near_edge = right - px(k[0]) < 110;
        text(px(k[0]) + (near_edge ? 6 : 0), py(k[1]) - 30, near_edge ? "end" : "middle",
             std::string(k[2] == 0 ? "H1" : "H2") + " quota used up " + to_string(when));
        line(px(k[0]), py(k[1]) - 26, px(k[0]), py(k[1]) - 6, "stroke=\"black\"");
    }
    // The legend: a swatch of each line's style beside its meaning.
    line(left, 44, left + 28, 44, red);
    text(left + 34, 48, "start", "standard path for every vehicle: MFN 6.1 % + 100 % surtax");
    line(left, 60, left + 28, 60, blue);
    text(left + 34, 64, "start",
         "with the quota: MFN 6.1 % alone until each half's 24,500 are used");
    svg << "</svg>\n";
    std::cout << "\nChart: " << chart_path << '\n';
    return svg ? 0 : 1;
}
