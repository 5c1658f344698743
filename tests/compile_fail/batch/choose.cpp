// Compile-fail cases for choose.hpp and consignment.hpp. A choice holds
// assessments that refer to the paths chosen between, so choosing on a
// temporary line or path does not compile; a consignment, its per-item duty
// and the charges allocated to it are in one currency. The controls use a
// named line and paths, and one currency. Format: see ../run.py.
//
// case choose_lowest_temporary_line: a_choice_refers_to_its_paths|refer to the paths
// case try_choose_lowest_temporary_line: a_choice_refers_to_its_paths|refer to the paths
// case choose_by_margin_temporary_standard: a_choice_refers_to_its_paths|refer to the paths
// case choose_by_margin_temporary_alternative: a_choice_refers_to_its_paths|refer to the paths
// case try_choose_by_margin_temporary_path: a_choice_refers_to_its_paths|refer to the paths
// case choice_index_double: an_index_is_a_whole_number|index is a whole number
// case consignment_line_other_currency: valued_in_the_consignments_currency|value is in another currency
// case per_item_duty_other_currency: a_consignment_charge_is_in_the_consignments_currency|duty's currency
// case allocate_by_item_other_currency: a_consignment_charge_is_in_the_consignments_currency|duty's currency
// case allocate_other_currency: a_consignment_charge_is_in_the_consignments_currency|charge's currency

#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::EUR;
using tariff::GBP;

namespace {
constexpr auto uk = tariff::duty_path<GBP>("UK").with_duty("UK", "", 2_pct);
constexpr auto eu = tariff::duty_path<GBP>("EU").with_duty("EU", "", 5_pct);
constexpr auto line = tariff::tariff_line<GBP>(tariff::hs_code::parse("6206.10"), "blouses",
                                               tariff::unit_info_of<tariff::units::each>,
                                               tariff::duty_expression<GBP>(2_pct), "")
                          .with_treatment("UK", "", uk)
                          .with_treatment("EU", "", eu);
[[maybe_unused]] tariff::tariff_line<GBP> make_line() { return line; }
[[maybe_unused]] tariff::duty_path<GBP> make_path() { return eu; }
constexpr tariff::rounding_policy<GBP> policy{tariff::rounding::half_even};
constexpr tariff::margin_rule rule{3_pct, tariff::margin_side::higher, true,
                                   tariff::choice_measure::duties, ""};
constexpr tariff::per_item_duty<EUR> eu_parcel{"", "", 3.00_EUR, 6, 150.00_EUR,
                                               tariff::value_limit_test::below};
[[maybe_unused]] constexpr tariff::per_item_duty<GBP> gbp_parcel{"", "", 3.00_GBP, 6, 150.00_GBP,
                                                tariff::value_limit_test::below};
} // namespace

int main() {
    const auto base = tariff::duty_base(1'000.00_GBP);
    const auto m = tariff::choice_measure::duties;
    {
#ifdef CASE_choose_lowest_temporary_line
        [[maybe_unused]] const auto c = tariff::choose_lowest(make_line(), "CN", base, policy, m);
#else
        [[maybe_unused]] const auto c = tariff::choose_lowest(line, "CN", base, policy, m);
#endif
    }
    {
#ifdef CASE_try_choose_lowest_temporary_line
        [[maybe_unused]] const auto c =
            tariff::try_choose_lowest(make_line(), "CN", base, policy, m);
#else
        [[maybe_unused]] const auto c = tariff::try_choose_lowest(line, "CN", base, policy, m);
#endif
    }
    {
#ifdef CASE_choose_by_margin_temporary_standard
        [[maybe_unused]] const auto c = tariff::choose_by_margin(make_path(), eu, base, policy, rule);
#else
        [[maybe_unused]] const auto c = tariff::choose_by_margin(uk, eu, base, policy, rule);
#endif
    }
    {
#ifdef CASE_choose_by_margin_temporary_alternative
        [[maybe_unused]] const auto c = tariff::choose_by_margin(uk, make_path(), base, policy, rule);
#else
        [[maybe_unused]] const auto c = tariff::choose_by_margin(uk, eu, base, policy, rule);
#endif
    }
    {
#ifdef CASE_try_choose_by_margin_temporary_path
        [[maybe_unused]] const auto c =
            tariff::try_choose_by_margin(uk, make_path(), base, policy, rule);
#else
        [[maybe_unused]] const auto c = tariff::try_choose_by_margin(uk, eu, base, policy, rule);
#endif
    }
    {
        const auto c = tariff::choose_lowest(line, "CN", base, policy, m);
#ifdef CASE_choice_index_double
        [[maybe_unused]] const auto& x = c[1.0];
#else
        [[maybe_unused]] const auto& x = c[1];
#endif
    }
    const auto parcel = tariff::consignment<EUR, 4>{}.with_line(
        tariff::hs_code::parse("6206.10"), 45.00_EUR);
    {
#ifdef CASE_consignment_line_other_currency
        [[maybe_unused]] const auto p = parcel.with_line(tariff::hs_code::parse("6206.20"), 50.00_GBP);
#else
        [[maybe_unused]] const auto p = parcel.with_line(tariff::hs_code::parse("6206.20"), 50.00_EUR);
#endif
    }
    {
#ifdef CASE_per_item_duty_other_currency
        [[maybe_unused]] const auto c = tariff::assess_consignment(parcel, gbp_parcel);
#else
        [[maybe_unused]] const auto c = tariff::assess_consignment(parcel, eu_parcel);
#endif
    }
    {
#ifdef CASE_allocate_by_item_other_currency
        [[maybe_unused]] const auto s = tariff::allocate_by_item(parcel, gbp_parcel);
#else
        [[maybe_unused]] const auto s = tariff::allocate_by_item(parcel, eu_parcel);
#endif
    }
    {
#ifdef CASE_allocate_other_currency
        [[maybe_unused]] const auto s =
            tariff::allocate_to_lines(3.00_GBP, parcel, tariff::allocation_basis::value);
#else
        [[maybe_unused]] const auto s =
            tariff::allocate_to_lines(3.00_EUR, parcel, tariff::allocation_basis::value);
#endif
    }
}
