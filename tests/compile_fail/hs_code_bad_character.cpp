// An HS code has only digits and dots: a letter O typed for a zero does not compile,
// and the compiler names the problem.
//
// expect-error: error_hs_code_has_a_character_that_is_not_a_digit_or_dot
#include <tariff/hs_code.hpp>

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr tariff::hs_code x("8703.8O.00");
#else
    [[maybe_unused]] constexpr tariff::hs_code x("8703.80.00");
#endif
}
