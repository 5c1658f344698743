// tariff-calc's output text (examples/tariff_calc/text.hpp): exact decimals in
// plain notation, CSV quoting, error-message quoting, the output buffer.
//
// Expected texts are written out by hand from the coefficient and scale.
#include <string>

#include <tariff/decimal.hpp>

#include "catch.hpp"
#include "text.hpp"

namespace {

using tariff::decimal;
namespace tc = tariff_calc;

std::string text(decimal d, int min_places) {
    tc::text_buffer out;
    tc::append_decimal(out, d, min_places);
    return std::string(out.view());
}

}  // namespace

TEST_CASE("append_decimal: at least min_places, more only where the value has them",
          "[tariff_calc][text]") {
    CHECK(text(decimal::from_parts(244000000, 5), 2) == "2440.00");  // 2440.00000
    CHECK(text(decimal::from_parts(244000000, 5), 0) == "2440");
    CHECK(text(decimal::from_parts(5, 2), 2) == "0.05");
    CHECK(text(decimal::from_parts(5, 3), 2) == "0.005");   // an exact third place stays
    CHECK(text(decimal(100), 2) == "100.00");               // scale 0, padded
    CHECK(text(decimal(0), 2) == "0.00");
    CHECK(text(decimal(0), 0) == "0");
    CHECK(text(decimal::from_parts(-25, 1), 0) == "-2.5");
    CHECK(text(decimal::from_parts(-1, 2), 2) == "-0.01");
    CHECK(text(decimal::from_parts(1234567890123, 2), 2) == "12345678901.23");
    // The largest coefficient, 2^63 - 1 = 9223372036854775807, at 18 places.
    CHECK(text(decimal::from_parts(9223372036854775807, 18), 2) == "9.223372036854775807");
    CHECK(text(decimal::from_parts(-9223372036854775807, 0), 2) == "-9223372036854775807.00");
}

TEST_CASE("append_field: quoted only when needed, quotes doubled", "[tariff_calc][text]") {
    tc::text_buffer out;
    tc::append_field(out, "plain");
    out += ',';
    tc::append_field(out, "ACME, Inc.");
    out += ',';
    tc::append_field(out, "5\" wheel");
    out += ',';
    tc::append_field(out, "two\nlines");
    out += ',';
    tc::append_field(out, "");
    CHECK(out.view() == "plain,\"ACME, Inc.\",\"5\"\" wheel\",\"two\nlines\",");
}

TEST_CASE("quoted: a field as an error message shows it", "[tariff_calc][text]") {
    CHECK(tc::quoted("40k") == "\"40k\"");
    CHECK(tc::quoted("a\tb\x7f") == "\"a\\x09b\\x7F\"");
    // 45 bytes: the first 40 and an ellipsis.
    CHECK(tc::quoted(std::string(45, 'x')) == "\"" + std::string(40, 'x') + "...\"");
}

TEST_CASE("text_buffer grows and keeps what it holds", "[tariff_calc][text]") {
    tc::text_buffer out;
    CHECK(out.empty());
    std::string want;
    for (int i = 0; i < 10'000; ++i) {
        out += 'a';
        out += std::to_string(i);
        want += 'a' + std::to_string(i);
    }
    CHECK(out.view() == want);
    out.clear();
    CHECK(out.size() == 0);
}
