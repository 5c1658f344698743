// The headline figure, at compile time and at run time: 6.1 % of CAD 40,000.00
// is CAD 2,440.00 (40,000.00 x 0.061, by hand).
#include <cstdio>

#include <tariff/tariff.hpp>

using namespace tariff::literals;

static_assert(6.1_pct(40'000.00_CAD) == 2'440.00_CAD);

int main() {
    const auto duty = 6.1_pct(40'000.00_CAD);
    std::printf("tariff %d.%d.%d: 6.1 %% of CAD 40,000.00 = CAD %lld.%02lld\n",
                tariff::version_major, tariff::version_minor, tariff::version_patch,
                static_cast<long long>(duty.minor_units() / 100),
                static_cast<long long>(duty.minor_units() % 100));
    return duty == 2'440.00_CAD ? 0 : 1;
}
