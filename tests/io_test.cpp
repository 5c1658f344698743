// tariff/to_chars.hpp: text into a caller's buffer, the one formatting code
// path (to_string, operator<<, {fmt} and std::format all go through it).
//
// Every expected string is written by hand from the documented format (the
// arithmetic is in the comment next to it); none was obtained by running the
// code under test.
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>
#include <tariff/to_chars.hpp>

#include "catch.hpp"

namespace {

using namespace tariff::literals;
using tariff::CAD, tariff::EUR;
using tariff::decimal;
using tariff::money;
using tariff::wide_decimal;

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();

// The text of `value` by to_chars into a buffer of exactly `n` characters
// (plus guard characters after it that must stay untouched), and the result.
template <class T, class... Style>
std::string write(const T& value, std::size_t n, std::errc& ec, Style... style) {
    std::vector<char> buf(n + 8, '#');
    const auto r = tariff::to_chars(buf.data(), buf.data() + n, value, style...);
    ec = r.ec;
    for (std::size_t i = n; i < buf.size(); ++i)
        if (buf[i] != '#')
            FAIL("to_chars wrote past the end of a buffer of " << n << " characters");
    if (r.ec != std::errc{}) {
        // std::to_chars' contract: ptr is last.
        CHECK(r.ptr == buf.data() + n);
        return {};
    }
    CHECK(r.ptr >= buf.data());
    CHECK(r.ptr <= buf.data() + n);
    return std::string(buf.data(), r.ptr);
}

// to_chars writes exactly `want` into a buffer of want.size() characters (and
// into larger ones); every shorter buffer, down to none, reports
// value_too_large and writes nothing at or past its end. chars_needed agrees.
template <class T, class... Style>
void check_text(const T& value, std::string_view want, Style... style) {
    INFO("expected \"" << want << "\"");
    CHECK(tariff::chars_needed(value, style...) == want.size());
    std::errc ec{};
    CHECK(write(value, want.size(), ec, style...) == want);
    CHECK(ec == std::errc{});
    CHECK(write(value, want.size() + 5, ec, style...) == want);
    CHECK(ec == std::errc{});
    for (std::size_t n = 0; n < want.size(); ++n) {
        INFO("buffer of " << n << " characters");
        (void)write(value, n, ec, style...);
        CHECK(ec == std::errc::value_too_large);
    }
    if constexpr (sizeof...(Style) == 0) {
        CHECK(tariff::to_string(value) == want);
        std::ostringstream os;
        os << value;
        CHECK(os.str() == want);
        if constexpr (tariff::has_max_chars<T>)
            CHECK(want.size() <= tariff::max_chars<T>);
    } else {
        CHECK(tariff::to_string(value, style...) == want);
    }
}

// The one place the test reads parse_duty's result.
tariff::duty_expression<CAD> parsed_cad(std::string_view text) {
    const auto r = tariff::try_parse_duty<CAD>(text);
    REQUIRE(r.ok());
    return r.value();
}
tariff::duty_expression<EUR> parsed_eur(std::string_view text) {
    const auto r = tariff::try_parse_duty<EUR>(text);
    REQUIRE(r.ok());
    return r.value();
}

TEST_CASE("to_chars: decimals print as stored", "[io][to_chars]") {
    check_text(decimal::from_parts(244'000'000, 5), "2440.00000"); // 244000000 * 10^-5
    check_text(decimal::from_parts(-5, 3), "-0.005");
    check_text(decimal::from_parts(0, 2), "0.00");
    check_text(decimal{}, "0");
    check_text(1.5_dec, "1.5");
    check_text(decimal::from_parts(1, 18), "0.000000000000000001"); // 17 zeros after the point
    // The extremes: |coefficient| <= 2^63 - 1 = 9223372036854775807 (19 digits).
    check_text(decimal::from_parts(i64_max, 0), "9223372036854775807");
    check_text(decimal::from_parts(-i64_max, 18), "-9.223372036854775807");
    // The widest text: '-', 19 digits, '.' = 21.
    STATIC_REQUIRE(tariff::max_chars<decimal> == 21);
}

TEST_CASE("to_chars: wide decimals (128-bit coefficients)", "[io][to_chars]") {
    // 2^127 - 1 = 170141183460469231731687303715884105727 (39 digits), scale 38.
    constexpr std::string_view widest = "-1.70141183460469231731687303715884105727";
    const auto w = tariff::try_parse_wide_decimal(widest);
    REQUIRE(w.ok());
    check_text(w.value(), widest);
    // '-', 39 digits, '.' = 41.
    STATIC_REQUIRE(tariff::max_chars<wide_decimal> == 41);
    CHECK(widest.size() == 41);
    check_text(3'500'000'000'000'000.000001_wdec, "3500000000000000.000001");
}

TEST_CASE("to_chars: money groups thousands and shows at least the minor digits",
          "[io][to_chars]") {
    check_text(42'440.00_CAD, "CAD 42,440.00");
    check_text(100_CAD, "CAD 100.00");                  // a whole amount, scale 0
    check_text(6.1_pct(40'000.00_CAD), "CAD 2,440.00"); // 40,000.00 * 0.061 = 2,440.00000
    check_text(6.1_pct(0.01_CAD), "CAD 0.00061");       // 0.01 * 0.061
    check_text(0.001_CAD, "CAD 0.001");                 // more places only when exact
    check_text(1'000_JPY, "JPY 1,000");                 // JPY: no minor digits
    check_text(999_JPY, "JPY 999");
    check_text(1.5_KWD, "KWD 1.500"); // KWD: three minor digits
    check_text(-1'234'567.50_USD, "USD -1,234,567.50");
    check_text(0.00_CAD - 0.50_CAD, "CAD -0.50");
    // The most negative: -(2^63 - 1) cents = -92,233,720,368,547,758.07 (17
    // integer digits in 6 groups).
    check_text(money<CAD>(decimal::from_parts(-i64_max, 2)), "CAD -92,233,720,368,547,758.07");
}

// The digit writer works two digits (and, grouped, three) at a time: every
// count of integer digits and of places, odd and even, against the text made
// here from std::to_string's digits by inserting the point and the commas.
TEST_CASE("to_chars: every length of integer part and of places, grouped and not",
          "[io][to_chars]") {
    const auto reference = [](std::int64_t c, int scale, bool group) {
        std::string digits = std::to_string(c < 0 ? -c : c); // c > -2^63: no overflow
        if (digits.size() <= static_cast<std::size_t>(scale))
            digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
        std::string whole = digits.substr(0, digits.size() - static_cast<std::size_t>(scale));
        const std::string frac = digits.substr(whole.size());
        if (group)
            for (std::size_t i = whole.size(); i > 3; i -= 3)
                whole.insert(i - 3, 1, ',');
        return (c < 0 ? "-" : "") + whole + (scale > 0 ? "." + frac : "");
    };
    // 1, 12, 123, ..., 1234567890123456789 and the same with 9s and with 0s
    // inside (10, 100, ...), each negated too, at scales 0 to 5.
    std::vector<std::int64_t> values{0, i64_max, -i64_max};
    std::int64_t ones = 0, nines = 0, tens = 1;
    for (int n = 1; n <= 18; ++n) {
        ones = ones * 10 + n % 10;
        nines = nines * 10 + 9;
        values.insert(values.end(), {ones, -ones, nines, -nines, tens, -tens});
        tens *= 10;
    }
    for (const std::int64_t c : values)
        for (int scale = 0; scale <= 5; ++scale) {
            INFO("coefficient " << c << ", scale " << scale);
            check_text(decimal::from_parts(c, scale), reference(c, scale, false));
            // Money shows the two minor digits and further places only where they
            // are not zero (trailing zeros beyond the cents go; scales 0 and 1 gain zeros).
            std::int64_t at_shown = c;
            int trimmed = scale;
            while (trimmed > 2 && at_shown % 10 == 0) {
                at_shown /= 10;
                --trimmed;
            }
            const int shown = trimmed < 2 ? 2 : trimmed;
            for (int k = trimmed; k < shown; ++k)
                at_shown = at_shown > i64_max / 10 || at_shown < -i64_max / 10 ? 0 : at_shown * 10;
            if (at_shown != 0 || c == 0)
                check_text(money<CAD>(decimal::from_parts(c, scale)),
                           "CAD " + reference(at_shown, shown, true));
        }
}

TEST_CASE("to_chars: quantities and rates without trailing zeros", "[io][to_chars]") {
    check_text(16.32_tonne, "16.32 tonne");
    check_text(2.500_kg, "2.5 kg");
    check_text(12_each, "12 each");
    check_text(6.1_pct, "6.1 %");     // fraction 0.061
    check_text(10_pct, "10 %");       // fraction 0.10: the point moves past the digits
    check_text(0.5_pct, "0.5 %");     // fraction 0.005
    check_text(245.5_pct, "245.5 %"); // fraction 2.455
    check_text(0_pct, "0 %");
    check_text(5.33_CAD / tariff::kg, "CAD 5.33 / kg");
    check_text(106.5_CAD / tariff::tonne, "CAD 106.50 / tonne");
    check_text(117.11_EUR / tariff::hundred_kg, "EUR 117.11 / 100 kg");
    check_text(tariff::exchange_rate<tariff::USD, CAD>(1.3642_dec), "1 USD = 1.3642 CAD");
    check_text(tariff::date(2026, 3, 1), "2026-03-01");
    check_text(tariff::hs_code("8703.80.00"), "8703.80.00");
    check_text(tariff::hs_code("870380"), "8703.80");
}

TEST_CASE("to_chars: duty expressions in canonical and Canadian notation", "[io][to_chars]") {
    using tariff::notation;
    const auto floor = at_least(245.5_pct, 5.33_CAD / tariff::kg);
    check_text(floor, "245.5 % MIN CAD 5.33 / kg");
    check_text(floor, "245.5% but not less than $5.33/kg", notation::canadian);
    check_text(tariff::duty_expression<CAD>(tariff::duty_free), "Free");
    check_text(tariff::fixed_amount(3.00_EUR), "EUR 3.00");
    check_text(106.50_CAD / tariff::tonne + 7_pct, "CAD 106.50 / tonne + 7 %");
    check_text(106.50_CAD / tariff::tonne + 7_pct, "$106.50/tonne + 7%", notation::canadian);
    // The EU's longest compound (7 nodes).
    const auto eu = at_most(9.10_pct + 45.10_EUR / tariff::hundred_kg,
                            18.90_pct + 16.50_EUR / tariff::hundred_kg);
    check_text(eu, "9.1 % + EUR 45.10 / 100 kg MAX 18.9 % + EUR 16.50 / 100 kg");
    // Other currencies keep their code in Canadian notation.
    check_text(eu, "9.1% + EUR 45.10/100 kg but not more than 18.9% + EUR 16.50/100 kg",
               notation::canadian);
    // Parentheses: a looser operator on the left, a looser or equal one on the right.
    check_text(7_pct + at_least(1_pct, 2.00_CAD / tariff::kg), "7 % + (1 % MIN CAD 2.00 / kg)");
    check_text(at_least(1_pct, at_most(2_pct, 3.00_CAD / tariff::kg)),
               "1 % MIN (2 % MAX CAD 3.00 / kg)");
    // Rates alone have no currency: the first operand names it.
    const tariff::duty_expression<CAD> one(1_pct);
    check_text(at_most(at_least(one, 2_pct), 3_pct), "1 % MIN 2 % MAX 3 %");
    check_text(one + (tariff::duty_expression<CAD>(2_pct) + 3_pct), "1 % + (2 % + 3 %)");
    check_text((one + 2_pct) + 3_pct, "1 % + 2 % + 3 %");
    check_text(10_pct - 2.00_CAD / tariff::kg, "10 % - CAD 2.00 / kg");
}

TEST_CASE("to_chars: expressions parse back to themselves", "[io][to_chars]") {
    using tariff::notation;
    const tariff::duty_expression<CAD> cad[] = {
        at_least(245.5_pct, 5.33_CAD / tariff::kg),
        106.50_CAD / tariff::tonne + 7_pct,
        7_pct + at_least(1_pct, 2.00_CAD / tariff::kg),
        at_least(1_pct, at_most(2_pct, 3.00_CAD / tariff::kg)),
        tariff::duty_expression<CAD>(1_pct) + (tariff::duty_expression<CAD>(2_pct) + 3_pct),
        10_pct - 2.00_CAD / tariff::kg,
        tariff::fixed_amount(3.25_CAD),
        tariff::duty_expression<CAD>(tariff::duty_free),
        0.001_CAD / tariff::litre,
    };
    for (const auto& e : cad) {
        INFO(tariff::to_string(e));
        CHECK(parsed_cad(tariff::to_string(e)) == e);
        CHECK(parsed_cad(tariff::to_string(e, notation::canadian)) == e);
    }
    const tariff::duty_expression<EUR> eu = at_most(9.10_pct + 45.10_EUR / tariff::hundred_kg,
                                                    18.90_pct + 16.50_EUR / tariff::hundred_kg);
    CHECK(parsed_eur(tariff::to_string(eu)) == eu);
    CHECK(parsed_eur(tariff::to_string(eu, notation::canadian)) == eu);
}

// to_chars runs in constant evaluation as well.
constexpr bool writes_at_compile_time() {
    char buf[tariff::max_chars<money<CAD>>]{};
    const auto r = tariff::to_chars(buf, buf + sizeof buf, 42'440.00_CAD);
    const std::string_view want = "CAD 42,440.00";
    if (r.ec != std::errc{} || static_cast<std::size_t>(r.ptr - buf) != want.size())
        return false;
    for (std::size_t i = 0; i < want.size(); ++i)
        if (buf[i] != want[i])
            return false;
    char small[12]{}; // one short
    return tariff::to_chars(small, small + 12, 42'440.00_CAD).ec == std::errc::value_too_large;
}

TEST_CASE("to_chars is usable in constant expressions", "[io][to_chars]") {
    STATIC_REQUIRE(writes_at_compile_time());
    STATIC_REQUIRE(tariff::chars_needed(at_least(245.5_pct, 5.33_CAD / tariff::kg)) == 25);
}

} // namespace
