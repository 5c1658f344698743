// tariff/format.hpp with std::format, where the standard library has it
// (__cpp_lib_format); elsewhere (GCC 12, Clang 14 with libstdc++ 12) the test
// reports itself skipped (exit code 77). Expected strings are written by hand:
// the same text and the same specifications as tests/fmt/fmt_test.cpp.
#include <cstdio>
#include <string>

#include <tariff/format.hpp>
#include <tariff/tariff.hpp>

#if defined(__cpp_lib_format)
using namespace tariff::literals;

namespace {
int failures = 0;
void expect(const std::string& got, const std::string& want) {
    if (got != want) {
        std::printf("FAIL: got \"%s\", want \"%s\"\n", got.c_str(), want.c_str());
        ++failures;
    }
}
} // namespace

int main() {
    expect(std::format("{}", 42'440.00_CAD), "CAD 42,440.00");
    // "CAD 42,440.00" is 13 characters: width 16 adds 3.
    expect(std::format("{:>16}", 42'440.00_CAD), "   CAD 42,440.00");
    expect(std::format("{:16}", 42'440.00_CAD), "   CAD 42,440.00");
    expect(std::format("{:<16}|", 42'440.00_CAD), "CAD 42,440.00   |");
    expect(std::format("{:*^17}", 42'440.00_CAD), "**CAD 42,440.00**");
    expect(std::format("{:+}", 42'440.00_CAD), "CAD +42,440.00");
    expect(std::format("{: }", 6.1_pct), " 6.1 %");
    expect(std::format("{:>16}", 5.33_CAD / tariff::kg), "   CAD 5.33 / kg");
    expect(std::format("{:>12}", 16.32_tonne), " 16.32 tonne");
    expect(std::format("{:-^30}", at_least(245.5_pct, 5.33_CAD / tariff::kg)),
           "--245.5 % MIN CAD 5.33 / kg---");
    expect(std::format("{:>12}", tariff::date(2026, 3, 1)), "  2026-03-01");
    expect(std::format("{:12}|", tariff::hs_code("8703.80.00")), "8703.80.00  |");
    try {
        (void)std::vformat("{:x}", std::make_format_args(42'440.00_CAD));
        std::printf("FAIL: {:x} was accepted\n");
        ++failures;
    } catch (const std::format_error&) {
    }
    if (failures == 0)
        std::printf("std_format_test: all passed\n");
    return failures == 0 ? 0 : 1;
}
#else
int main() {
    std::printf("std_format_test: this standard library has no <format>: skipped\n");
    return 77;
}
#endif
