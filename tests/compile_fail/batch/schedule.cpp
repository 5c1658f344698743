// Compile-fail cases: duty texts checked at compile time (tariff::duty<C,
// "...">), above all the schedule symbols: "$", "\u00a2" and "c" stand for
// dollars and cents and are accepted only in a schedule whose currency is a
// dollar with cents. The error names duty_text_error<byte position, reason>.
// Format: see ../run.py.
//
// case-anywhere dollar_sign_in_euro_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere cent_sign_in_yen_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere cent_letter_in_yen_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere dollar_sign_in_dinar_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere cent_sign_in_pound_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere dollar_sign_in_franc_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere dollar_sign_in_rupee_schedule: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere dollar_sign_in_user_currency: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere dollar_in_a_nested_floor: dollar_or_cent_sign_in_a_schedule_not_in_dollars
// case-anywhere code_of_another_currency: currency_differs_from_the_schedule
// case-anywhere code_of_another_currency_first: currency_differs_from_the_schedule
// case-anywhere unknown_unit: unknown_unit_of_measure
// case-anywhere number_without_percent: number_without_percent_or_currency__one_is_missing
// case-anywhere unbalanced_parenthesis: unbalanced_parenthesis
// case-anywhere empty_duty_text: text_is_empty

#include <tariff/parse.hpp>

using namespace tariff;

struct THB : currency<"THB", 2> {};

int main() {
    {
#ifdef CASE_dollar_sign_in_euro_schedule
        [[maybe_unused]] constexpr auto e = duty<EUR, "$1.89/kg + 4.7%">;
#else
        [[maybe_unused]] constexpr auto e = duty<EUR, "1.89 EUR/kg + 4.7%">;
#endif
    }
    {
#ifdef CASE_cent_sign_in_yen_schedule
        [[maybe_unused]] constexpr auto e = duty<JPY, "52.8\xC2\xA2/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<JPY, "52.8 JPY/kg">;
#endif
    }
    {
#ifdef CASE_cent_letter_in_yen_schedule
        [[maybe_unused]] constexpr auto e = duty<JPY, "52.8 c/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<JPY, "JPY 52.8/kg">;
#endif
    }
    {
#ifdef CASE_dollar_sign_in_dinar_schedule
        [[maybe_unused]] constexpr auto e = duty<KWD, "$1.250/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<KWD, "1.250 KWD/kg">;
#endif
    }
    {
#ifdef CASE_cent_sign_in_pound_schedule
        [[maybe_unused]] constexpr auto e = duty<GBP, "68\xC2\xA2/head">;
#else
        [[maybe_unused]] constexpr auto e = duty<GBP, "0.68 GBP/head">;
#endif
    }
    {
#ifdef CASE_dollar_sign_in_franc_schedule
        [[maybe_unused]] constexpr auto e = duty<CHF, "6.1 % MIN $5.33/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<CHF, "6.1 % MIN 5.33 CHF/kg">;
#endif
    }
    {
#ifdef CASE_dollar_sign_in_rupee_schedule
        [[maybe_unused]] constexpr auto e = duty<INR, "$2/each">;
#else
        [[maybe_unused]] constexpr auto e = duty<INR, "INR 2/each">;
#endif
    }
    {
#ifdef CASE_dollar_sign_in_user_currency
        [[maybe_unused]] constexpr auto e = duty<THB, "$1/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<THB, "1 THB/kg">;
#endif
    }
    {
#ifdef CASE_dollar_in_a_nested_floor
        [[maybe_unused]] constexpr auto e = duty<EUR, "(9.10 % + 45.10 EUR / 100 kg) MAX ($18.90/100 kg)">;
#else
        [[maybe_unused]] constexpr auto e = duty<EUR, "(9.10 % + 45.10 EUR / 100 kg) MAX (18.90 EUR/100 kg)">;
#endif
    }
    {
#ifdef CASE_code_of_another_currency
        [[maybe_unused]] constexpr auto e = duty<CAD, "5.33 USD/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<USD, "5.33 USD/kg">;
#endif
    }
    {
#ifdef CASE_code_of_another_currency_first
        [[maybe_unused]] constexpr auto e = duty<EUR, "GBP 3.00">;
#else
        [[maybe_unused]] constexpr auto e = duty<GBP, "GBP 3.00">;
#endif
    }
    {
#ifdef CASE_unknown_unit
        [[maybe_unused]] constexpr auto e = duty<CAD, "$5.33/kgs">;
#else
        [[maybe_unused]] constexpr auto e = duty<CAD, "$5.33/kg">;
#endif
    }
    {
#ifdef CASE_number_without_percent
        [[maybe_unused]] constexpr auto e = duty<CAD, "6.1">;
#else
        [[maybe_unused]] constexpr auto e = duty<CAD, "6.1 %">;
#endif
    }
    {
#ifdef CASE_unbalanced_parenthesis
        [[maybe_unused]] constexpr auto e = duty<CAD, "(6.1 % + $1/kg">;
#else
        [[maybe_unused]] constexpr auto e = duty<CAD, "(6.1 % + $1/kg)">;
#endif
    }
    {
#ifdef CASE_empty_duty_text
        [[maybe_unused]] constexpr auto e = duty<CAD, "">;
#else
        [[maybe_unused]] constexpr auto e = duty<CAD, "Free">;
#endif
    }
}
