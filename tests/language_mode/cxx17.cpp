// Compiled with -std=c++17 by check.cmake: the only diagnostics must be the
// library's one-sentence requirement, not pages of C++20 errors.
#include <tariff/tariff.hpp>

int main() {
    return 0;
}
