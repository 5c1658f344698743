// An HS code has 6 to 10 digits: "8703.8" has 5, and the compiler names the problem.
//
// expect-error: error_hs_code_must_have_6_to_10_digits
#include <tariff/hs_code.hpp>

int main() {
#ifdef TARIFF_MISUSE
    [[maybe_unused]] constexpr tariff::hs_code x("8703.8");
#else
    [[maybe_unused]] constexpr tariff::hs_code x("8703.80");
#endif
}
