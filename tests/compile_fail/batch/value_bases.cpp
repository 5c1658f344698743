// Compile-fail cases: named value bases (value_bases.hpp). A named value is
// money, so only an ad valorem rate applies to it; a value base has a name; a
// typed duty evaluated at compile time on an entry that lacks the value it
// names is not a constant. Format: see ../run.py.
//
// case specific_rate_on_named_value: a.named.value.base.takes.an.ad.valorem.rate|takes.an.ad.valorem.rate
// case value_base_without_name: a.value.base.has.a.name
// case-anywhere missing_named_value_in_constant_evaluation: error_missing_named_value_base_in_constant_expression

#include <tariff/tariff.hpp>

using namespace tariff;
using namespace tariff::literals;

int main() {
    {
#ifdef CASE_specific_rate_on_named_value
        [[maybe_unused]] auto r = on<"case">(2.00_USD / kg);
#else
        [[maybe_unused]] auto r = on<"case">(45_pct);
#endif
    }
    {
#ifdef CASE_value_base_without_name
        [[maybe_unused]] constexpr auto r = on<"">(45_pct);
#else
        [[maybe_unused]] constexpr auto r = on<"battery">(35_pct);
#endif
    }
    {
        constexpr auto watch = 0.75_USD / each + on<"case">(45_pct);
        // 2 x 0.75 = 1.50; 45 % x 40.00 = 18.00; 19.50 (by hand).
#ifdef CASE_missing_named_value_in_constant_evaluation
        constexpr auto base = duty_base(100.00_USD).with(2_each);
#else
        constexpr auto base =
            duty_base(100.00_USD).with(2_each).with_named_value("case", 40.00_USD);
#endif
        static_assert(watch(base) == 19.50_USD);
    }
}
