// An ad valorem rate applies to a value (money), not to a quantity.
//
// expect-error: an.ad.valorem.rate.applies.to.a.value.{1,3}money.{1,3}not.to.a.quantity
#include <tariff/rate.hpp>

using namespace tariff::literals;

int main() {
    constexpr auto mfn = 6.1_pct;
#ifdef TARIFF_MISUSE
    (void)mfn(1'000 * tariff::kg);
#else
    (void)mfn(1'000.00_CAD);
#endif
}
