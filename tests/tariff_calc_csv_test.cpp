// tariff-calc's CSV reader (tools/tariff-calc/csv.hpp): RFC 4180 records,
// the streaming reader's byte-order mark, line ends, empty lines, length limit,
// field count and line numbers.
//
// Every expected field, line and column is worked out by hand from the input
// in the comment next to it.
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "csv.hpp"

namespace {

namespace csv = tariff_calc::csv;
using fields_t = std::vector<std::string_view>;
using strings = std::vector<std::string>;

strings split(std::string_view record, csv::error* err = nullptr) {
    fields_t fields;
    std::string scratch;
    const csv::error e = csv::parse_csv_record(record, fields, scratch);
    if (err != nullptr)
        *err = e;
    REQUIRE((err != nullptr || !e));
    return strings(fields.begin(), fields.end());
}

csv::error split_error(std::string_view record) {
    csv::error e;
    split(record, &e);
    return e;
}

// Every record of `input`: its first line and fields, or its error.
struct record {
    std::size_t line;
    strings fields;
    csv::error error;
};
std::vector<record> read_all(const std::string& input, std::size_t expect = 0,
                             std::size_t max = csv::reader::default_max_record) {
    std::istringstream in(input);
    csv::reader reader(in, max);
    reader.expect_fields(expect);
    std::vector<record> out;
    fields_t fields;
    csv::error err;
    while (reader.next(fields, err))
        out.push_back(
            {reader.line(), err ? strings{} : strings(fields.begin(), fields.end()), err});
    REQUIRE(!err); // the end of the input, not a read error
    return out;
}

} // namespace

TEST_CASE("parse_csv_record: plain fields, kept as written", "[tariff_calc][csv]") {
    CHECK(split("a,b,c") == strings{"a", "b", "c"});
    CHECK(split("") == strings{""});             // an empty record is one empty field
    CHECK(split("a,,") == strings{"a", "", ""}); // two commas: three fields
    CHECK(split(",a") == strings{"", "a"});
    CHECK(split(" a , b ") == strings{" a ", " b "}); // no trimming
    CHECK(split("6.1 %,245.5 % but not less than $5.33/kg") ==
          strings{"6.1 %", "245.5 % but not less than $5.33/kg"});
}

TEST_CASE("parse_csv_record: quoted fields", "[tariff_calc][csv]") {
    CHECK(split("\"a,b\",c") == strings{"a,b", "c"}); // a quoted comma
    CHECK(split("\"\"") == strings{""});              // a quoted empty field
    CHECK(split("\"\"\"\"") == strings{"\""});        // "" inside quotes is one "
    CHECK(split("x,\"say \"\"hi\"\"\",y") == strings{"x", "say \"hi\"", "y"});
    CHECK(split("\"two\nlines\",z") == strings{"two\nlines", "z"}); // a line break is data
    CHECK(split("\"a\",") == strings{"a", ""});                     // a trailing comma after quotes
    // Several fields with doubled quotes: each view stays valid (scratch never
    // reallocates under them).
    CHECK(split("\"a\"\"\",\"b\"\"\",\"\"\"c\",\"d\"") == strings{"a\"", "b\"", "\"c", "d"});
}

TEST_CASE("parse_csv_record: errors name the line and column", "[tariff_calc][csv]") {
    // ab"c: the quote is byte 3 of an unquoted field.
    auto e = split_error("ab\"c");
    CHECK(e.code == csv::problem::quote_in_unquoted_field);
    CHECK(e.line == 1);
    CHECK(e.column == 3);
    // x, "a": the second field starts with a space, so its quote (byte 4) is data in
    // an unquoted field.
    e = split_error("x, \"a\"");
    CHECK(e.code == csv::problem::quote_in_unquoted_field);
    CHECK(e.column == 4);
    // "a"b: the closing quote (byte 3) is followed by b (byte 4).
    e = split_error("\"a\"b");
    CHECK(e.code == csv::problem::text_after_closing_quote);
    CHECK(e.column == 4);
    // x,"abc: the field opened at byte 3 is never closed.
    e = split_error("x,\"abc");
    CHECK(e.code == csv::problem::unterminated_quote);
    CHECK(e.column == 3);
    // "a<LF>b"x: on the record's second line, b is column 1, the quote 2, x 3.
    e = split_error("\"a\nb\"x");
    CHECK(e.code == csv::problem::text_after_closing_quote);
    CHECK(e.line == 2);
    CHECK(e.column == 3);
}

TEST_CASE("describe: the reasons in words", "[tariff_calc][csv]") {
    CHECK(csv::describe({csv::problem::field_count, 3, 0, 8, 9}) ==
          "expected 8 fields, as in the header; found 9");
    CHECK(csv::describe({csv::problem::record_too_long, 3, 0, 65536, 0}) ==
          "the line is longer than 65536 bytes");
    CHECK(csv::describe({csv::problem::unterminated_quote, 1, 1, 0, 0}) ==
          "a quoted field is never closed (no closing quote before the end of the input, or "
          "within the maximum line length)");
}

TEST_CASE("reader: byte-order mark, LF and CRLF, last line without a line end",
          "[tariff_calc][csv]") {
    const auto r = read_all("\xEF\xBB\xBFid,date\r\nA1,2026-03-01\r\nA2,2026-03-02\nA3,2026-03-03");
    REQUIRE(r.size() == 4);
    CHECK(r[0].fields == strings{"id", "date"}); // no BOM in the first name, no CR at the end
    CHECK(r[1].fields == strings{"A1", "2026-03-01"});
    CHECK(r[2].fields == strings{"A2", "2026-03-02"});
    CHECK(r[3].fields == strings{"A3", "2026-03-03"});
    CHECK(r[3].line == 4);
    // A byte-order mark anywhere else is data.
    const auto later = read_all("a\n\xEF\xBB\xBFz\n");
    REQUIRE(later.size() == 2);
    CHECK(later[1].fields == strings{"\xEF\xBB\xBFz"});
}

TEST_CASE("reader: empty input, empty lines", "[tariff_calc][csv]") {
    CHECK(read_all("").empty());
    CHECK(read_all("\xEF\xBB\xBF").empty());
    CHECK(read_all("\n\r\n\n").empty());
    // Lines 2, 3 and 5 are empty: the records are on lines 1, 4 and 6.
    const auto r = read_all("a\n\n\r\nb\n\nc\n");
    REQUIRE(r.size() == 3);
    CHECK(r[0].line == 1);
    CHECK(r[1].line == 4);
    CHECK(r[1].fields == strings{"b"});
    CHECK(r[2].line == 6);
}

TEST_CASE("reader: the field count of the header", "[tariff_calc][csv]") {
    const auto r = read_all("a,b\n1,2\n1,2,3\n4\n5,6\n", 2);
    REQUIRE(r.size() == 5);
    CHECK(!r[1].error);
    CHECK(r[2].error.code == csv::problem::field_count);
    CHECK(r[2].error.line == 3);
    CHECK(r[2].error.expected == 2);
    CHECK(r[2].error.found == 3);
    CHECK(r[3].error.found == 1);
    CHECK(r[3].error.line == 4);
    CHECK(r[4].fields == strings{"5", "6"}); // the reader carries on
}

TEST_CASE("reader: quoted fields across lines", "[tariff_calc][csv]") {
    // Record 2 spans lines 2 and 3; record 3 is on line 4.
    const auto r = read_all("id,text\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n2,x\r\n", 2);
    REQUIRE(r.size() == 3);
    CHECK(r[1].line == 2);
    CHECK(r[1].fields == strings{"1", "two\r\nlines, \"quoted\""});
    CHECK(r[2].line == 4);
    CHECK(r[2].fields == strings{"2", "x"});
    // An error on the second line of a record: "a<LF>b"x has x at line 3
    // (the record starts on line 2), column 3.
    const auto bad = read_all("h\n\"a\nb\"x\nok\n");
    REQUIRE(bad.size() == 3);
    CHECK(bad[1].error.code == csv::problem::text_after_closing_quote);
    CHECK(bad[1].error.line == 3);
    CHECK(bad[1].error.column == 3);
    CHECK(bad[2].fields == strings{"ok"});
    CHECK(bad[2].line == 4);
    // A quote never closed: the error names where it opened (line 2, column 3),
    // and reading goes on with the next line.
    const auto open = read_all("h\nx,\"abc\ndef\n");
    REQUIRE(open.size() == 3);
    CHECK(open[1].error.code == csv::problem::unterminated_quote);
    CHECK(open[1].error.line == 2);
    CHECK(open[1].error.column == 3);
    CHECK(open[2].fields == strings{"def"});
    CHECK(open[2].line == 3);
    // The same when the record would grow past the maximum (10 bytes) first.
    const auto runaway = read_all("h\n\"abc\n0123456789\nok\n", 0, 10);
    REQUIRE(runaway.size() == 4);
    CHECK(runaway[1].error.code == csv::problem::unterminated_quote);
    CHECK(runaway[1].error.line == 2);
    CHECK(runaway[1].error.column == 1);
    CHECK(runaway[2].fields == strings{"0123456789"});
    CHECK(runaway[3].fields == strings{"ok"});
    CHECK(runaway[3].line == 4);
    // And on the last line, without a line end.
    const auto last = read_all("h\nx,\"abc");
    REQUIRE(last.size() == 2);
    CHECK(last[1].error.code == csv::problem::unterminated_quote);
    CHECK(last[1].error.column == 3);
}

TEST_CASE("reader: a record longer than the maximum is skipped", "[tariff_calc][csv]") {
    // Maximum 10 bytes: "0123456789" (10) passes, "0123456789A" (11) does not.
    const auto r = read_all("0123456789\n0123456789A\nok\n", 0, 10);
    REQUIRE(r.size() == 3);
    CHECK(r[0].fields == strings{"0123456789"});
    CHECK(r[1].error.code == csv::problem::record_too_long);
    CHECK(r[1].error.line == 2);
    CHECK(r[1].error.expected == 10);
    CHECK(r[2].fields == strings{"ok"});
    CHECK(r[2].line == 3);
    // The CR of a CRLF does not count: "0123456789\r" is 10 bytes of record.
    CHECK(!read_all("0123456789\r\n", 0, 10)[0].error);

    // A line far longer than the buffer (the default maximum, 64 KiB, and a
    // 600,000-byte line) is skipped in pieces; the lines after it are read.
    const std::string huge(600'000, 'x');
    const auto big = read_all("a,b\n" + huge + "\n1,2\n" + huge + "," + huge + "\n3,4", 2);
    REQUIRE(big.size() == 5);
    CHECK(big[1].error.code == csv::problem::record_too_long);
    CHECK(big[1].error.line == 2);
    CHECK(big[1].error.expected == 65536);
    CHECK(big[2].fields == strings{"1", "2"});
    CHECK(big[2].line == 3);
    CHECK(big[3].error.code == csv::problem::record_too_long);
    CHECK(big[4].fields == strings{"3", "4"});
    CHECK(big[4].line == 5);
    // The last line, too long and without a line end.
    const auto tail = read_all("a\n" + huge);
    REQUIRE(tail.size() == 2);
    CHECK(tail[1].error.code == csv::problem::record_too_long);
}

TEST_CASE("reader: records across the buffer's refills", "[tariff_calc][csv]") {
    // 50,000 records of two fields, every 7th with a quoted line break: the
    // input (over 1 MB) is read in several 256 KiB pieces, and records cross
    // their boundaries at every offset.
    std::string input = "n,text\n";
    for (int i = 0; i < 50'000; ++i)
        input += std::to_string(i) + (i % 7 == 0 ? ",\"a,\"\"b\"\"\nc\"\n" : ",plain text\n");
    const auto r = read_all(input, 2);
    REQUIRE(r.size() == 50'001);
    std::size_t line = 2;
    for (int i = 0; i < 50'000; ++i) {
        const auto& rec = r[static_cast<std::size_t>(i) + 1];
        REQUIRE(!rec.error);
        REQUIRE(rec.line == line);
        REQUIRE(rec.fields[0] == std::to_string(i));
        REQUIRE(rec.fields[1] == (i % 7 == 0 ? "a,\"b\"\nc" : "plain text"));
        line += i % 7 == 0 ? 2 : 1;
    }
}

namespace {
// A stream whose source fails after its first bytes.
struct failing_buffer : std::streambuf {
    std::string first = "a,b\n1,2\n";
    bool served = false;
    int_type underflow() override {
        if (served)
            throw std::runtime_error("device error");
        served = true;
        setg(first.data(), first.data(), first.data() + first.size());
        return traits_type::to_int_type(first[0]);
    }
};
} // namespace

TEST_CASE("reader: a stream that fails is a read error", "[tariff_calc][csv]") {
    failing_buffer buffer;
    std::istream in(&buffer);
    csv::reader reader(in);
    fields_t fields;
    csv::error err;
    // The first read fills the buffer with the 8 good bytes and then meets the
    // failure: the reader stops with read_error rather than treat it as the end.
    bool got = reader.next(fields, err);
    while (got && !err)
        got = reader.next(fields, err);
    CHECK(!got);
    CHECK(err.code == csv::problem::read_error);
}
