// money / n is rarely exact (CAD 100.00 / 3); the message points to divide() with
// a rounding mode and to allocate().
//
// expect-error: is.rarely.exact.*use.divide.*allocate
#include <tariff/money.hpp>

using namespace tariff::literals;

int main() {
#ifdef TARIFF_MISUSE
    (void)(100.00_CAD / 3);
#else
    (void)divide(100.00_CAD, 3, tariff::rounding::half_even);
#endif
}
