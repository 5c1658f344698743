// tariff/fmt.hpp with Debian's {fmt} 9: the same text as io.hpp, in any locale.
#include <clocale>
#include <cstdio>
#include <locale>
#include <string>

#include <tariff/fmt.hpp>
#include <tariff/format.hpp> // must compile even where <format> is missing
#include <tariff/tariff.hpp>

using namespace tariff::literals;

namespace {
int failures = 0;
void expect(const std::string& got, const std::string& want) {
    if (got != want) {
        std::printf("FAIL: got \"%s\", want \"%s\"\n", got.c_str(), want.c_str());
        ++failures;
    }
}
// Exchange rates have a formatter since to_chars.hpp. The committed
// single_include/ is regenerated only after a merge, so against a single
// header older than that this check is skipped; against include/ it must
// compile and run.
using usd_cad = tariff::exchange_rate<tariff::USD, tariff::CAD>;
#if !defined(TARIFF_SINGLE_HEADER_FMT_HPP)
static_assert(fmt::is_formattable<usd_cad>::value);
#endif
template <class Rate>
void check_exchange_rate(const Rate& rate) {
    if constexpr (fmt::is_formattable<Rate>::value) {
        expect(fmt::format("{}", rate), "1 USD = 1.3642 CAD");
        expect(fmt::format("{:_>20}", rate), "__1 USD = 1.3642 CAD"); // 18 characters, 2 of fill
    } else {
        std::printf("this single header predates the exchange-rate formatter: not checked\n");
    }
}

void run() {
    // Hand-written expectations: grouping by three with ',', '.' before the
    // minor digits, the ISO code first (io.hpp's documented format).
    expect(fmt::format("{}", 42'440.00_CAD), "CAD 42,440.00");
    expect(fmt::format("{}", 6.1_pct), "6.1 %");
    expect(fmt::format("{}", 5.33_CAD / tariff::kg), "CAD 5.33 / kg");
    expect(fmt::format("{}", at_least(245.5_pct, 5.33_CAD / tariff::kg)),
           "245.5 % MIN CAD 5.33 / kg");
    expect(fmt::format("{}", 16.32_tonne), "16.32 tonne");
    expect(fmt::format("{}", tariff::hs_code("8703.80.00")), "8703.80.00");
    expect(fmt::format("{}", tariff::date(2026, 3, 1)), "2026-03-01");
    expect(fmt::format("{} + {}", 1.5_dec, 1'000_JPY), "1.5 + JPY 1,000");

    // Format specifications: [[fill]align][sign][width]. Expected strings are
    // written by hand: "CAD 42,440.00" is 13 characters, so width 16 adds 3.
    expect(fmt::format("{:>16}", 42'440.00_CAD), "   CAD 42,440.00");
    expect(fmt::format("{:16}", 42'440.00_CAD), "   CAD 42,440.00"); // numbers: right
    expect(fmt::format("{:<16}|", 42'440.00_CAD), "CAD 42,440.00   |");
    expect(fmt::format("{:*^17}", 42'440.00_CAD), "**CAD 42,440.00**");
    expect(fmt::format("{:*^16}", 42'440.00_CAD), "*CAD 42,440.00**"); // odd padding: extra after
    expect(fmt::format("{:4}", 42'440.00_CAD), "CAD 42,440.00");       // never truncated
    expect(fmt::format("{:+}", 42'440.00_CAD), "CAD +42,440.00");      // the sign where '-' goes
    expect(fmt::format("{: }", 6.1_pct), " 6.1 %");
    expect(fmt::format("{:+}", -2.5_dec), "-2.5"); // negatives keep '-'
    expect(fmt::format("{:+}", 0.00_CAD - 5.00_CAD), "CAD -5.00");
    expect(fmt::format("{:+>8}", 1.5_dec), "+++++1.5"); // '+' as fill, not sign
    expect(fmt::format("{:>8}", 6.1_pct), "   6.1 %");
    expect(fmt::format("{:>16}", 5.33_CAD / tariff::kg), "   CAD 5.33 / kg");
    expect(fmt::format("{:>12}", 16.32_tonne), " 16.32 tonne");
    expect(fmt::format("{:12}|", tariff::hs_code("8703.80.00")), "8703.80.00  |"); // text: left
    expect(fmt::format("{:>12}", tariff::date(2026, 3, 1)), "  2026-03-01");
    expect(fmt::format("{:-^30}", at_least(245.5_pct, 5.33_CAD / tariff::kg)),
           "--245.5 % MIN CAD 5.33 / kg---");

    // The text is to_chars' (tariff/to_chars.hpp): written by hand.
    expect(fmt::format("{}", 3'500'000'000'000'000.000001_wdec), "3500000000000000.000001");
    expect(fmt::format("{:>26}", 3'500'000'000'000'000.000001_wdec),
           "   3500000000000000.000001"); // 23 characters, 3 of fill
    expect(fmt::format("{:+}", 3'500'000'000'000'000.000001_wdec), "+3500000000000000.000001");
    check_exchange_rate(tariff::exchange_rate<tariff::USD, tariff::CAD>(1.3642_dec));
    // An expression longer than the formatter's 256-character stack buffer:
    // a = "EUR 1234567890.123456789 / 100 kg" (33 characters); "a + a" is
    // 69; "a + a + (a + a)" is 69 + 4 + 69 + 1 = 143; the whole is
    // 143 + 4 + 143 + 1 = 291.
    {
        // Typed operands: "eight" holds exactly its 15 nodes (a run-time
        // duty_expression<EUR> holds 9).
        const auto leg = 1'234'567'890.123456789_EUR / tariff::hundred_kg;
        const auto two = leg + leg;
        const auto four = two + two;
        const auto eight = four + four;
        std::string want = "EUR 1234567890.123456789 / 100 kg";
        // Left-associative printing: ((a + b) + (c + d)) prints the right
        // operands of equal precedence in parentheses.
        const std::string a = want;
        const std::string ab = a + " + " + a;
        const std::string abcd = ab + " + (" + ab + ")";
        want = abcd + " + (" + abcd + ")";
        expect(std::to_string(want.size()), "291");
        expect(fmt::format("{}", eight), want);
        expect(fmt::format("{:*<300}", eight), want + std::string(300 - want.size(), '*'));
    }

    // Specifications the library does not accept are errors, not ignored.
    for (const char* bad : {"{:x}", "{:>16.2}", "{:016}", "{:#}", "{:L}"}) {
        try {
            (void)fmt::format(fmt::runtime(bad), 42'440.00_CAD);
            std::printf("FAIL: \"%s\" was accepted\n", bad);
            ++failures;
        } catch (const fmt::format_error&) {
        }
    }
    try {
        (void)fmt::format(fmt::runtime("{:+}"), tariff::date(2026, 3, 1));
        std::printf("FAIL: a sign was accepted for a date\n");
        ++failures;
    } catch (const fmt::format_error&) {
    }
}
} // namespace

int main() {
    run();
    // Output must not depend on the global locale (a locale with ',' as the
    // decimal point would break naive printing).
    for (const char* name : {"C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8"}) {
        try {
            std::locale::global(std::locale(name));
            std::setlocale(LC_ALL, name);
            run();
        } catch (const std::runtime_error&) {
            std::printf("locale %s not installed here: skipped\n", name);
        }
    }
    std::locale::global(std::locale::classic());
    if (failures == 0)
        std::printf("fmt_test: all passed\n");
    return failures == 0 ? 0 : 1;
}
