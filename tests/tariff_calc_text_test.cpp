// tariff-calc's output text (tools/tariff-calc/text.hpp, output.hpp): exact
// decimals in plain notation, CSV quoting, error-message quoting, the output
// buffer, JSON strings, the totals' exact sum.
//
// Expected texts are written out by hand from the coefficient and scale.
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include <tariff/decimal.hpp>

#include "catch.hpp"
#include "output.hpp"
#include "text.hpp"

namespace {

using tariff::decimal;
namespace tc = tariff_calc;

std::string text(decimal d, int min_places) {
    tc::text_buffer out;
    tc::append_decimal(out, d, min_places);
    return std::string(out.view());
}

} // namespace

TEST_CASE("append_decimal: at least min_places, more only where the value has them",
          "[tariff_calc][text]") {
    CHECK(text(decimal::from_parts(244000000, 5), 2) == "2440.00"); // 2440.00000
    CHECK(text(decimal::from_parts(244000000, 5), 0) == "2440");
    CHECK(text(decimal::from_parts(5, 2), 2) == "0.05");
    CHECK(text(decimal::from_parts(5, 3), 2) == "0.005"); // an exact third place stays
    CHECK(text(decimal(100), 2) == "100.00");             // scale 0, padded
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

TEST_CASE("quoted: bytes that are not UTF-8 and C1 controls are escaped, UTF-8 kept",
          "[tariff_calc][text]") {
    CHECK(tc::quoted("A\xFF") == "\"A\\xFF\"");
    CHECK(tc::quoted("A\xC2\x85") == "\"A\\xC2\\x85\"");               // U+0085, a C1 control
    CHECK(tc::quoted("\xC3\xA9t\xC3\xA9") == "\"\xC3\xA9t\xC3\xA9\""); // "été" as is
    // 39 ASCII bytes, then "é" (2 bytes) would pass 40: cut before it, not inside.
    CHECK(tc::quoted(std::string(39, 'x') + "\xC3\xA9") == "\"" + std::string(39, 'x') + "...\"");
}

TEST_CASE("utf8_sequence: RFC 3629's well-formed sequences only", "[tariff_calc][text]") {
    using std::string_view;
    CHECK(tc::utf8_sequence("a", 0) == 1);
    CHECK(tc::utf8_sequence("\xC3\xA9", 0) == 2);                 // U+00E9
    CHECK(tc::utf8_sequence("\xE2\x82\xAC", 0) == 3);             // U+20AC
    CHECK(tc::utf8_sequence("\xF0\x9F\x98\x80", 0) == 4);         // U+1F600
    CHECK(tc::utf8_sequence("\xF4\x8F\xBF\xBF", 0) == 4);         // U+10FFFF, the last
    CHECK(tc::utf8_sequence("\x80", 0) == 0);                     // a lone continuation byte
    CHECK(tc::utf8_sequence("\xC0\xAF", 0) == 0);                 // overlong '/'
    CHECK(tc::utf8_sequence("\xC1\xBF", 0) == 0);                 // overlong
    CHECK(tc::utf8_sequence("\xE0\x9F\xBF", 0) == 0);             // overlong (below U+0800)
    CHECK(tc::utf8_sequence("\xED\xA0\x80", 0) == 0);             // U+D800, a surrogate
    CHECK(tc::utf8_sequence("\xF0\x8F\xBF\xBF", 0) == 0);         // overlong (below U+10000)
    CHECK(tc::utf8_sequence("\xF4\x90\x80\x80", 0) == 0);         // U+110000
    CHECK(tc::utf8_sequence("\xF5\x80\x80\x80", 0) == 0);         // no such lead byte
    CHECK(tc::utf8_sequence(string_view("\xE2\x82", 2), 0) == 0); // cut short
    CHECK(tc::utf8_sequence("\xE2\x82"
                            "a",
                            0) == 0); // a non-continuation byte
}

TEST_CASE("text_problem: the first byte that is not printable UTF-8", "[tariff_calc][text]") {
    CHECK(tc::text_problem("").empty());
    CHECK(tc::text_problem("ACME, Inc. 0039").empty());
    CHECK(tc::text_problem("\xC3\x89"
                           "1 \xE2\x80\x94 ok")
              .empty()); // "É1 — ok"
    CHECK(tc::text_problem(std::string_view("A\0B", 3)) == "a control character (\\x00) at byte 2");
    CHECK(tc::text_problem("A\tB") == "a control character (\\x09) at byte 2");
    CHECK(tc::text_problem("AB\x7F") == "a control character (\\x7F) at byte 3");
    CHECK(tc::text_problem("A\xC2\x9B") == "a control character (U+009B) at byte 2");
    CHECK(tc::text_problem("\xC2\xA0").empty()); // U+00A0, no-break space: printable
    CHECK(tc::text_problem("ok\xFF") == "not valid UTF-8 (at byte 3)");
    CHECK(tc::text_problem("\xC3\xA9\xC3") == "not valid UTF-8 (at byte 3)");
}

TEST_CASE("printable: a file name with control bytes escaped, not shortened",
          "[tariff_calc][text]") {
    CHECK(tc::printable("data/entries.csv") == "data/entries.csv");
    CHECK(tc::printable("a\x01"
                        "b\xFF") == "a\\x01b\\xFF");
    CHECK(tc::printable(std::string(50, 'x')) == std::string(50, 'x'));
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

TEST_CASE("exact_sum: totals beyond 64 bits, exact", "[tariff_calc][text]") {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    tc::exact_sum s;
    CHECK(s.text(2) == "0.00");
    // 9,223,372,036,854,775,807 x 3 = 27,670,116,110,564,327,421 (by hand).
    for (int i = 0; i < 3; ++i)
        s.add(decimal::from_parts(max, 0));
    CHECK(s.text(2) == "27670116110564327421.00");
    CHECK(s.text(0) == "27670116110564327421");

    // 0.999999999999999999 + 0.999999999999999999 + 0.000000000000000002 = 2.
    tc::exact_sum f;
    f.add(decimal::from_parts(999'999'999'999'999'999, 18));
    f.add(decimal::from_parts(999'999'999'999'999'999, 18));
    CHECK(f.text(2) == "1.999999999999999998");
    f.add(decimal::from_parts(2, 18));
    CHECK(f.text(2) == "2.00");

    // A carry into the upper limb: 999,999,999,999,999,999 + 1 = 10^18.
    tc::exact_sum c;
    c.add(decimal::from_parts(999'999'999'999'999'999, 0));
    c.add(decimal::from_parts(1, 0));
    CHECK(c.text(0) == "1000000000000000000");
    // 92,233,720,368,547,758.07 (2 places) + 1000000000000000000 = 1,092,233,720,368,547,758.07.
    c.add(decimal::from_parts(max, 2));
    CHECK(c.text(2) == "1092233720368547758.07");

    // Amounts at different scales, the text asked for in between (it changes nothing):
    // 0.5 + 0.25 + 0.125 + 1 = 1.875; + 0.125 + 998 = 1,000 (by hand).
    tc::exact_sum m;
    m.add(decimal::from_parts(5, 1));
    m.add(decimal::from_parts(25, 2));
    CHECK(m.text(2) == "0.75");
    m.add(decimal::from_parts(125, 3));
    m.add(decimal::from_parts(1, 0));
    CHECK(m.text(2) == "1.875");
    CHECK(m.text(2) == "1.875");
    m.add(decimal::from_parts(125, 3));
    m.add(decimal::from_parts(998, 0));
    CHECK(m.text(2) == "1000.00");

    // Amounts are never negative in tariff-calc: a negative one is a defect.
    CHECK_THROWS_AS(c.add(decimal::from_parts(-1, 2)), std::logic_error);
}

TEST_CASE("append_json_string escapes quotes, backslashes and control characters",
          "[tariff_calc][text]") {
    std::string out;
    tc::append_json_string(out, "Q\"1\\ \t\x01\x7f caf\xc3\xa9");
    CHECK(out == "\"Q\\\"1\\\\ \\u0009\\u0001\\u007f caf\xc3\xa9\"");
}
