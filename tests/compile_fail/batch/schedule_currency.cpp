// Compile-fail cases: currencies within one schedule (schedule_currency.hpp)
// and taxes as expressions. A rate is never inverted silently: a rate of From
// per To cannot be multiplied by, nor one of To per From divided by; an entry
// in a third currency, or a temporary path, cannot be assessed with a
// conversion; a tax's expression is in its path's currency. Format: see
// ../run.py.
//
// case multiply_by_inverse_rate: never inverts a rate silently|this_rate_is_from_per_to
// case try_multiply_by_inverse_rate: never inverts a rate silently|this_rate_is_from_per_to
// case divide_by_direct_rate: gives To per From|this_rate_is_to_per_from
// case try_divide_by_direct_rate: gives To per From|this_rate_is_to_per_from
// case assess_entry_in_third_currency: not the one the conversion converts from|the_entry_is_not_in_the_currency
// case assess_converted_temporary_path: refers to its path|an_assessment_refers_to_its_path
// case try_assess_converted_temporary_path: refers to its path|an_assessment_refers_to_its_path
// case tax_expression_other_currency: could not convert|no viable conversion|cannot convert|no matching
#include <tariff/schedule_currency.hpp>
#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::currency_conversion;
using tariff::decimal;
using tariff::duty_base;
using tariff::duty_path;
using tariff::EUR;
using tariff::exchange_rate;
using tariff::GBP;
using tariff::kg;
using tariff::rounding_policy;
using tariff::tax_component;
using tariff::USD;

int main() {
    constexpr exchange_rate<EUR, GBP> gbp_per_eur{decimal::from_parts(8'447, 4)};
    constexpr exchange_rate<GBP, EUR> eur_per_gbp{decimal::from_parts(11'757, 4)};
    constexpr auto mode = tariff::rounding::half_even;
    const auto conversion = currency_conversion<EUR, GBP>::divide_by(eur_per_gbp, 0.01_GBP, mode);
    static const auto path = duty_path<GBP>("GB").with_duty("Duty", "", 1.00_GBP / kg);
    const rounding_policy<GBP> policy{tariff::rounding_mode::half_even};
    {
#ifdef CASE_multiply_by_inverse_rate
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::multiply_by(eur_per_gbp, 0.01_GBP, mode);
#else
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::multiply_by(gbp_per_eur, 0.01_GBP, mode);
#endif
    }
    {
#ifdef CASE_try_multiply_by_inverse_rate
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::try_multiply_by(eur_per_gbp, 0.01_GBP, mode);
#else
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::try_multiply_by(gbp_per_eur, 0.01_GBP, mode);
#endif
    }
    {
#ifdef CASE_divide_by_direct_rate
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::divide_by(gbp_per_eur, 0.01_GBP, mode);
#else
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::divide_by(eur_per_gbp, 0.01_GBP, mode);
#endif
    }
    {
#ifdef CASE_try_divide_by_direct_rate
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::try_divide_by(gbp_per_eur, 0.01_GBP, mode);
#else
        [[maybe_unused]] auto c = currency_conversion<EUR, GBP>::try_divide_by(eur_per_gbp, 0.01_GBP, mode);
#endif
    }
    {
#ifdef CASE_assess_entry_in_third_currency
        [[maybe_unused]] auto a = tariff::assess(path, duty_base(100.00_USD).with(1 * kg), conversion, policy);
#else
        [[maybe_unused]] auto a = tariff::assess(path, duty_base(100.00_EUR).with(1 * kg), conversion, policy);
#endif
    }
    {
#ifdef CASE_assess_converted_temporary_path
        [[maybe_unused]] auto a = tariff::assess(duty_path<GBP>("GB"), duty_base(100.00_EUR), conversion, policy);
#else
        [[maybe_unused]] auto a = tariff::assess(path, duty_base(100.00_EUR).with(1 * kg), conversion, policy);
#endif
    }
    {
#ifdef CASE_try_assess_converted_temporary_path
        [[maybe_unused]] auto a = tariff::try_assess(duty_path<GBP>("GB"), duty_base<EUR>(100.00_EUR), conversion, policy);
#else
        [[maybe_unused]] auto a = tariff::try_assess(path, duty_base<EUR>(100.00_EUR), conversion, policy);
#endif
    }
    {
#ifdef CASE_tax_expression_other_currency
        [[maybe_unused]] tax_component<GBP> excise{"Excise", "", 0.10_EUR / tariff::litre};
#else
        [[maybe_unused]] tax_component<GBP> excise{"Excise", "", 0.10_GBP / tariff::litre};
#endif
    }
}
