// Built with -fno-exceptions by check.cmake. An unchecked overflow at run time
// must say what happened (default handler) or call the user's handler
// (TARIFF_ERROR_HANDLER, when USER_HANDLER is defined), then abort.
#ifdef USER_HANDLER
#include <cstdio>
#define TARIFF_ERROR_HANDLER(code, message)                                                        \
    (std::printf("user handler: code %d: %s\n", static_cast<int>(code), message),                  \
     std::fflush(stdout))
#endif
#include <tariff/tariff.hpp>

#include <cstdint>
#include <cstdlib>

int main(int argc, char**) {
    using namespace tariff::literals;
    // argc keeps the operands out of constant evaluation.
    auto big = tariff::money<tariff::CAD>::from_minor_units(INT64_MAX - 1 + (argc - 1));
    auto sum = big + big;     // 2 × (2^63 − 1) cents does not fit: overflow
    return sum > big ? 0 : 1; // never reached: the addition must not return
}
