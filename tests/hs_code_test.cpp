// tariff::hs_code: a validated Harmonized System code.
//
// The accepted notation is hs_code.hpp's: 6 to 10 digits, optionally with a dot after
// the 4th, 6th and 8th digit as national schedules print them (Canada's Customs Tariff
// prints "8703.80.00" and "0406.40.20", DOMAIN.md §1-2). Every expected position is
// counted by hand from 0 in the text shown next to it.
#include <sstream>
#include <string>
#include <string_view>

#include <tariff/hs_code.hpp>
#include <tariff/io.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using tariff::errc;
using tariff::hs_code;
using tariff::to_string;

// --- accepted forms, checked by the compiler ---------------------------------------

static_assert(hs_code("870380").digits() == "870380");
static_assert(hs_code("8703.80").digits() == "870380");
static_assert(hs_code("8703.80.00").digits() == "87038000");
static_assert(hs_code("8703800000").digits() == "8703800000");
static_assert(hs_code("0406.40.20").digits() == "04064020");

TEST_CASE("an HS code is 6 to 10 digits, with or without dots after digits 4, 6 and 8",
          "[hs_code]") {
    CHECK(hs_code("870380").digits() == "870380");       // 6 digits: a subheading
    CHECK(hs_code("8703.80").digits() == "870380");      // the same, printed
    CHECK(hs_code("8703.80.00").digits() == "87038000"); // 8 digits: a tariff item
    CHECK(hs_code("87038000").digits() == "87038000");
    CHECK(hs_code("8703800000").digits() == "8703800000"); // 10 digits
    CHECK(hs_code("8703.80.0010").digits() == "8703800010");
    CHECK(hs_code("8703.80.00.10").digits() == "8703800010");
    CHECK(hs_code("0406.40.20").digits() == "04064020"); // the leading zero is kept
}

// --- parts -----------------------------------------------------------------------------

// 8703.80.00: chapter 87, heading 8703, subheading 8703.80.
static_assert(hs_code("8703.80.00").chapter() == "87");
static_assert(hs_code("8703.80.00").heading() == "8703");
static_assert(hs_code("8703.80.00").subheading() == "870380");
// 0406.40.20: chapter 04 (dairy), heading 0406 (cheese), subheading 0406.40 (blue-veined).
static_assert(hs_code("0406.40.20").chapter() == "04");
static_assert(hs_code("0406.40.20").heading() == "0406");
static_assert(hs_code("0406.40.20").subheading() == "040640");

TEST_CASE("chapter, heading and subheading are the first 2, 4 and 6 digits", "[hs_code]") {
    const hs_code ev("8703.80.00");
    CHECK(ev.chapter() == "87");
    CHECK(ev.heading() == "8703");
    CHECK(ev.subheading() == "870380");
    const hs_code cheese("0406.40.20");
    CHECK(cheese.chapter() == "04");
    CHECK(cheese.heading() == "0406");
    CHECK(cheese.subheading() == "040640");
    // A 6-digit code is its own subheading.
    CHECK(hs_code("8703.80").subheading() == "870380");
}

static_assert(hs_code("8703.80.00").starts_with("8703"));
static_assert(!hs_code("8703.80.00").starts_with("8704"));

TEST_CASE("a code falls under each of its prefixes and under no other", "[hs_code]") {
    const hs_code ev("8703.80.00");
    CHECK(ev.starts_with("87"));
    CHECK(ev.starts_with("8703"));
    CHECK(ev.starts_with("870380"));
    CHECK(ev.starts_with("87038000")); // itself
    CHECK_FALSE(ev.starts_with("8704"));
    CHECK_FALSE(ev.starts_with("870381"));
    CHECK_FALSE(ev.starts_with("88"));
    // A longer prefix than the code: 8703.80 does not fall under 8703.80.00.
    CHECK_FALSE(hs_code("8703.80").starts_with("87038000"));
    CHECK_FALSE(ev.starts_with("8703800010"));
}

// --- equality ------------------------------------------------------------------------

static_assert(hs_code("8703.80.00") == hs_code("87038000"));
static_assert(hs_code("870380") == hs_code("8703.80"));
static_assert(!(hs_code("8703.80") == hs_code("8703.80.00")));

TEST_CASE("codes are equal when their digits are, whatever the dots", "[hs_code]") {
    CHECK(hs_code("8703.80.00") == hs_code("87038000"));
    CHECK(hs_code("870380") == hs_code("8703.80"));
    CHECK(hs_code("8703.80.0010") == hs_code("8703.80.00.10"));
    CHECK(hs_code("8703.80.0010") == hs_code("8703800010"));
    // Another number of digits is another code: a subheading is not a tariff item under it.
    CHECK(hs_code("8703.80") != hs_code("8703.80.00"));
    CHECK(hs_code("8703.80.00") != hs_code("8703.80.00.00"));
    CHECK(hs_code("8703.80.00") != hs_code("8703.90.00"));
}

// --- parsing at run time -----------------------------------------------------------------

static_assert(hs_code::try_parse("8703.80.00").ok());
static_assert(hs_code::try_parse("8703.80.00").value() == hs_code("8703.80.00"));
static_assert(hs_code::try_parse("87038").error().code == errc::invalid_text);
static_assert(hs_code::try_parse("87038").error().position == 5);

TEST_CASE("parse() accepts the same forms as a literal", "[hs_code][parse]") {
    for (const std::string_view text :
         {"870380", "8703.80", "8703.80.00", "8703800000", "0406.40.20", "8703.80.0010"}) {
        INFO(text);
        const auto r = hs_code::try_parse(text);
        CHECK(r.ok());
        CHECK(r.error().code == errc::ok);
    }
    CHECK(hs_code::try_parse("8703.80.00").value() == hs_code("87038000"));
    CHECK(hs_code::try_parse("0406.40.20").value() == hs_code("0406.40.20"));
}

// The reasons, as hs_code.hpp words them.
constexpr std::string_view digit_count = "an HS code has 6 to 10 digits";
constexpr std::string_view character = "an HS code has only digits and dots";
constexpr std::string_view dot_position = "a dot may only follow the 4th, 6th or 8th digit";

TEST_CASE("parse() says where and why text is not an HS code", "[hs_code][parse][error]") {
    struct bad {
        std::string_view text;
        std::size_t position;
        std::string_view reason;
    };
    const bad cases[] = {
        // 5 digits: the text ends (position 5) before a 6th digit.
        {"87038", 5, digit_count},
        // "8703.8": 5 digits; the text ends at position 6.
        {"8703.8", 6, digit_count},
        // 11 digits: the 11th digit is at position 10.
        {"87038000001", 10, digit_count},
        // With dots: "8703.80.00.101" has digits at positions 0-3, 5-6, 8-9, 11-13; the
        // 11th digit is at position 13.
        {"8703.80.00.101", 13, digit_count},
        // A letter O for a zero: "8703.8O.00", position 6.
        {"8703.8O.00", 6, character},
        {"87A380", 2, character},
        // A space: "8703 80", position 4.
        {"8703 80", 4, character},
        // A dot after the 3rd digit: "870.380", position 3.
        {"870.380", 3, dot_position},
        // A dot after the 5th digit: "87038.0", position 5.
        {"87038.0", 5, dot_position},
        // A double dot: "8703..80", the first dot (position 4) is followed by another.
        {"8703..80", 4, dot_position},
        // A trailing dot: "8703.80.", position 7.
        {"8703.80.", 7, dot_position},
        // A leading dot: position 0.
        {".870380", 0, dot_position},
        // Empty: no digits at all; the text ends at position 0.
        {"", 0, digit_count},
    };
    for (const bad& c : cases) {
        INFO('"' << std::string(c.text) << '"');
        const auto r = hs_code::try_parse(c.text);
        CHECK_FALSE(r.ok());
        CHECK(r.error().code == errc::invalid_text);
        CHECK(r.error().position == c.position);
        CHECK(std::string_view(r.error().reason) == c.reason);
    }
}

// --- text ---------------------------------------------------------------------------

TEST_CASE("to_string prints the digits with a dot after the 4th, 6th and 8th", "[hs_code][io]") {
    CHECK(to_string(hs_code("87038000")) == "8703.80.00");
    CHECK(to_string(hs_code("8703.80.00")) == "8703.80.00");
    CHECK(to_string(hs_code("870380")) == "8703.80");
    CHECK(to_string(hs_code("0406.40.20")) == "0406.40.20");
    CHECK(to_string(hs_code("8703800010")) == "8703.80.00.10");
    std::ostringstream os;
    os << hs_code("8703800000");
    CHECK(os.str() == "8703.80.00.00");
}

TEST_CASE("the printed code parses back to the same code", "[hs_code][io][parse]") {
    for (const hs_code code :
         {hs_code("870380"), hs_code("87038000"), hs_code("0406.40.20"), hs_code("8703.80.0010")}) {
        const std::string text = to_string(code);
        INFO(text);
        const auto r = hs_code::try_parse(text);
        REQUIRE(r.ok());
        CHECK(r.value() == code);
    }
}

} // namespace
