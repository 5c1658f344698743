// A rate from CNY to CAD converts yuan; applied to dollars it does not compile.
//
// expect-error: this.exchange.rate.converts.from.another.currency
#include <tariff/exchange.hpp>

using namespace tariff::literals;

int main() {
    constexpr tariff::exchange_rate<tariff::CNY, tariff::CAD> cny_cad(0.1897_dec);
#ifdef TARIFF_MISUSE
    (void)cny_cad.convert(100.00_USD, tariff::rounding::half_even);
#else
    (void)cny_cad.convert(100.00_CNY, tariff::rounding::half_even);
#endif
}
