// A duty text checked at compile time (tariff::duty<C, "...">) that does not parse
// does not compile, and the error names duty_text_error<byte position, reason>: here
// byte 32, where "kgs" is not a unit of measure ("kg" is).
//
// expect-error: duty_text_error<32, tariff::detail::duty_text_reason::unknown_unit_of_measure>
#include <tariff/parse.hpp>

int main() {
#ifdef TARIFF_MISUSE
    constexpr auto cheese = tariff::duty<tariff::CAD, "245.5 % but not less than $5.33/kgs">;
#else
    constexpr auto cheese = tariff::duty<tariff::CAD, "245.5 % but not less than $5.33/kg">;
#endif
    return static_cast<int>(cheese.size()) - 3;  // a rate, an amount per kg and the floor
}
