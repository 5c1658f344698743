// Helpers shared by the unit tests (included after catch.hpp).
#pragma once

#include <string>

#include <tariff/error.hpp>

#include "catch.hpp"

namespace tariff_test {

// The errc carried by the tariff exception that f() throws, or errc::ok if
// it throws none. Any other exception escapes, and Catch reports it.
template <class F>
tariff::errc error_of(F&& f) {
    try {
        static_cast<void>(f());
    } catch (const tariff::overflow_error& e) {
        return e.code();
    } catch (const tariff::domain_error& e) {
        return e.code();
    }
    return tariff::errc::ok;
}

} // namespace tariff_test

// Failure messages name the error instead of printing its number.
template <>
struct Catch::StringMaker<tariff::errc> {
    static std::string convert(tariff::errc e) { return tariff::to_string(e); }
};
