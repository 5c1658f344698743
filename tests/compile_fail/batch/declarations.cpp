// Compile-fail cases: declaring currencies, dimensions and units, and unit
// facts known at run time checked in constant evaluation. Format: see ../run.py.
//
// case currency_code_with_symbols: ISO.4217.currency.code.is.three.upper.case.letters
// case currency_code_lower_case: ISO.4217.currency.code.is.three.upper.case.letters
// case currency_code_two_letters: ISO.4217.currency.code.is.three.upper.case.letters
// case currency_code_four_letters: ISO.4217.currency.code.is.three.upper.case.letters
// case currency_code_with_space: ISO.4217.currency.code.is.three.upper.case.letters
// case currency_minor_digits_five: minor units have between 0 and 4 digits
// case currency_minor_digits_negative: minor units have between 0 and 4 digits
// case-anywhere money_of_a_look_alike_currency: currency_tag|currency_marker
// case-anywhere exchange_rate_of_a_look_alike_currency: currency_tag|currency_marker
// case-anywhere quantity_of_a_look_alike_unit: unit_tag|unit_marker
// case dimension_reusing_mass_bit: reuses the bit of one of the library's dimensions
// case dimension_reusing_count_bit: reuses the bit of one of the library's dimensions
// case dimension_with_two_bits: a dimension's bit must be exactly one bit
// case dimension_with_no_bit: a dimension's bit must be exactly one bit
// case dimension_without_a_name: a dimension is a type with a .name.
// case unit_size_negative: a unit's size must be positive
// case unit_size_zero_denominator: a unit's size must be positive
// case-anywhere unit_info_negative_num: error_invalid_argument_in_constant_expression
// case-anywhere unit_info_zero_num: error_invalid_argument_in_constant_expression
// case-anywhere unit_info_zero_den: error_invalid_argument_in_constant_expression
// case-anywhere unit_info_two_bits: error_invalid_argument_in_constant_expression
// case unit_info_double_num: a.units.facts.are.whole.numbers|a unit's bit, num and den are whole numbers
// case unit_info_char_den: a.units.facts.are.whole.numbers|a unit's bit, num and den are whole numbers

#include <string_view>

#include <tariff/exchange.hpp>
#include <tariff/quantity.hpp>

using namespace tariff;

// Look like a currency and a unit, but are not declared through the library.
struct look_alike_currency {
    static constexpr std::string_view code = "XTS";
    static constexpr int minor_digits = 2;
};
struct real_currency : currency<"XTS", 2> {};
struct look_alike_unit {
    using dimension = mass;
    static constexpr std::int64_t num = 1;
    static constexpr std::int64_t den = 1;
    static constexpr std::string_view symbol = "kg";
};
// Dimensions of one's own.
struct length_own_bit {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = 1u << 12;
};
struct length_on_mass_bit {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = mass::bit;
};
struct length_on_count_bit {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = 1u << 0;
};
struct length_two_bits {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = (1u << 7) | (1u << 8);
};
struct length_no_bit {
    static constexpr std::string_view name = "length";
    static constexpr unsigned bit = 0;
};
struct not_a_dimension {};

#ifdef CASE_currency_code_with_symbols
struct X1 : currency<"1$%", 2> {};
#else
struct X1 : currency<"XTS", 2> {};
#endif
#ifdef CASE_currency_code_lower_case
struct X2 : currency<"usd", 2> {};
#else
struct X2 : currency<"XUA", 2> {};
#endif
#ifdef CASE_currency_code_two_letters
struct X3 : currency<"US", 2> {};
#else
struct X3 : currency<"XDR", 2> {};
#endif
#ifdef CASE_currency_code_four_letters
struct X4 : currency<"USDX", 2> {};
#else
struct X4 : currency<"XAU", 2> {};
#endif
#ifdef CASE_currency_code_with_space
struct X5 : currency<"US ", 2> {};
#else
struct X5 : currency<"XAG", 2> {};
#endif
#ifdef CASE_currency_minor_digits_five
struct X6 : currency<"XPT", 5> {};
#else
struct X6 : currency<"XPT", 4> {};
#endif
#ifdef CASE_currency_minor_digits_negative
struct X7 : currency<"XPD", -1> {};
#else
struct X7 : currency<"XPD", 0> {};
#endif
#ifdef CASE_dimension_reusing_mass_bit
struct metre1 : unit<length_on_mass_bit, 1, 1, "m"> {};
#else
struct metre1 : unit<length_own_bit, 1, 1, "m"> {};
#endif
#ifdef CASE_dimension_reusing_count_bit
struct metre2 : unit<length_on_count_bit, 1, 1, "m"> {};
#else
struct metre2 : unit<length_own_bit, 1, 1, "m"> {};
#endif
#ifdef CASE_dimension_with_two_bits
struct metre3 : unit<length_two_bits, 1, 1, "m"> {};
#else
struct metre3 : unit<length_own_bit, 1, 1, "m"> {};
#endif
#ifdef CASE_dimension_with_no_bit
struct metre4 : unit<length_no_bit, 1, 1, "m"> {};
#else
struct metre4 : unit<length_own_bit, 100, 1, "hm"> {};
#endif
#ifdef CASE_dimension_without_a_name
struct metre5 : unit<not_a_dimension, 1, 1, "m"> {};
#else
struct metre5 : unit<length_own_bit, 1, 1000, "mm"> {};
#endif
#ifdef CASE_unit_size_negative
struct u1 : unit<mass, -1, 1, "neg"> {};
#else
struct u1 : unit<mass, 1, 1, "kilo"> {};
#endif
#ifdef CASE_unit_size_zero_denominator
struct u2 : unit<mass, 1, 0, "inf"> {};
#else
struct u2 : unit<mass, 1, 1000, "gram"> {};
#endif
#ifdef CASE_unit_info_negative_num
[[maybe_unused]] constexpr unit_info ui1{mass::bit, "mass", -1, 1, "x"};
#else
[[maybe_unused]] constexpr unit_info ui1{mass::bit, "mass", 1, 1, "x"};
#endif
#ifdef CASE_unit_info_zero_num
[[maybe_unused]] constexpr unit_info ui2{mass::bit, "mass", 0, 1, "x"};
#else
[[maybe_unused]] constexpr unit_info ui2{mass::bit, "mass", 1000, 1, "t"};
#endif
#ifdef CASE_unit_info_zero_den
[[maybe_unused]] constexpr unit_info ui3{volume::bit, "volume", 1, 0, "x"};
#else
[[maybe_unused]] constexpr unit_info ui3{volume::bit, "volume", 1, 1, "l"};
#endif
#ifdef CASE_unit_info_two_bits
[[maybe_unused]] constexpr unit_info ui4{mass::bit | count::bit, "?", 1, 1, "x"};
#else
[[maybe_unused]] constexpr unit_info ui4{count::bit, "count", 12, 1, "dozen"};
#endif

int main() {
    {
#ifdef CASE_unit_info_double_num
        [[maybe_unused]] const unit_info foot(length_own_bit::bit, "length", 0.3048, 1, "ft");
#else
        [[maybe_unused]] const unit_info foot(length_own_bit::bit, "length", 3048, 10000, "ft");
#endif
    }
    {
#ifdef CASE_unit_info_char_den
        [[maybe_unused]] const unit_info gram(mass::bit, "mass", 1, 'k', "g");
#else
        [[maybe_unused]] const unit_info gram(mass::bit, "mass", 1, 1000, "g");
#endif
    }
    {
#ifdef CASE_money_of_a_look_alike_currency
        [[maybe_unused]] money<look_alike_currency> m;
#else
        [[maybe_unused]] money<real_currency> m;
#endif
    }
    {
#ifdef CASE_exchange_rate_of_a_look_alike_currency
        [[maybe_unused]] exchange_rate<look_alike_currency, CAD>* r = nullptr;
#else
        [[maybe_unused]] exchange_rate<real_currency, CAD>* r = nullptr;
#endif
    }
    {
#ifdef CASE_quantity_of_a_look_alike_unit
        [[maybe_unused]] quantity<look_alike_unit> q;
#else
        [[maybe_unused]] quantity<units::kilogram> q;
#endif
    }
}
