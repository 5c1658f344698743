// tariff_calc/csv.hpp: a streaming CSV reader (RFC 4180), with no exceptions
// for bad input.
//
//   parse_csv_record(text, fields, scratch)   splits one record into fields
//   reader(stream).next(fields, error)        reads records one by one, in a
//                                             fixed-size buffer
//
// The notation (RFC 4180):
//   - fields are separated by ','; a record ends at LF or CRLF;
//   - a field that starts with '"' is quoted: it ends at the next lone '"',
//     which must be followed by ',' or the end of the record; inside it '""'
//     stands for one '"', and ',', CR and LF are data (a quoted field may
//     span lines: the record then continues on the next line; if the quote
//     is never closed, within the maximum length, the error names where it
//     opened and reading goes on with the next line);
//   - a '"' anywhere else is an error (no spaces are trimmed: ' "a"' is an
//     unquoted field holding a quote).
// The reader also skips a UTF-8 byte-order mark at the start of the input,
// skips empty lines, rejects a record longer than its maximum (64 KiB by
// default: the rest of that line is skipped, so memory stays bounded) and,
// once told the header's field count, rejects a record with another count.
// Line numbers are 1-based physical lines; a bad record is skipped and the
// next call carries on after it.
#pragma once

#include <cstddef>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace tariff_calc::csv {

enum class problem : unsigned char {
    none,
    quote_in_unquoted_field,  // a '"' inside a field that does not start with one
    text_after_closing_quote, // a quoted field's closing '"' is followed by something
                              // other than ',' or the end of the record
    unterminated_quote,       // the input ends inside a quoted field
    record_too_long,          // more bytes than the reader's maximum
    field_count,              // not as many fields as the header
    read_error,               // the stream failed
};

struct error {
    problem code = problem::none;
    std::size_t line = 0;     // 1-based line of the problem
    std::size_t column = 0;   // 1-based byte in that line; 0: the record as a whole
    std::size_t expected = 0; // field_count: the header's fields; record_too_long: the maximum
    std::size_t found = 0;    // field_count: the record's fields
    constexpr explicit operator bool() const noexcept { return code != problem::none; }
};

// What went wrong, in words ("expected 8 fields, as in the header; found 9").
inline std::string describe(const error& e) {
    switch (e.code) {
    case problem::none:
        return "no error";
    case problem::quote_in_unquoted_field:
        return "a quote (\") inside a field that does not start with one (RFC 4180: quote the "
               "whole field and double the quote)";
    case problem::text_after_closing_quote:
        return "a quoted field's closing quote must be followed by a comma or the end of the line";
    case problem::unterminated_quote:
        return "a quoted field is never closed (no closing quote before the end of the input, "
               "or within the maximum line length)";
    case problem::record_too_long:
        return "the line is longer than " + std::to_string(e.expected) + " bytes";
    case problem::field_count:
        return "expected " + std::to_string(e.expected) + " fields, as in the header; found " +
               std::to_string(e.found);
    case problem::read_error:
        return "the input could not be read";
    }
    return "malformed CSV";
}

namespace internal {
// The error for `code` at byte offset `pos` of `record`: line and column
// count from the record's start (a quoted field may hold line breaks).
inline error at(problem code, std::string_view record, std::size_t pos) noexcept {
    error e;
    e.code = code;
    e.line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < pos && i < record.size(); ++i)
        if (record[i] == '\n') {
            ++e.line;
            line_start = i + 1;
        }
    e.column = pos - line_start + 1;
    return e;
}
} // namespace internal

// Splits one record (without its line end) into fields. The views point into
// `record`, or into `scratch` for a field holding doubled quotes; they stay
// valid until record or scratch change. On error `fields` holds what was
// read before the problem and the error's line and column count from the
// record's first byte (line 1, column 1).
inline error parse_csv_record(std::string_view record, std::vector<std::string_view>& fields,
                              std::string& scratch) {
    fields.clear();
    scratch.clear();
    const char* const p = record.data();
    const std::size_t n = record.size();
    std::size_t i = 0;
    for (;;) {
        if (i < n && p[i] == '"') { // quoted
            const std::size_t open = i;
            std::size_t j = i + 1;
            bool doubled = false;
            for (;;) {
                const void* q = j < n ? std::memchr(p + j, '"', n - j) : nullptr;
                if (q == nullptr)
                    return internal::at(problem::unterminated_quote, record, open);
                j = static_cast<std::size_t>(static_cast<const char*>(q) - p);
                if (j + 1 < n && p[j + 1] == '"') {
                    doubled = true;
                    j += 2;
                    continue;
                }
                break; // p[j] closes the field
            }
            if (doubled) {
                // The unescaped text is shorter than the record: with this
                // capacity, scratch never reallocates under earlier views.
                if (scratch.capacity() < n)
                    scratch.reserve(n);
                const std::size_t from = scratch.size();
                for (std::size_t k = open + 1; k < j; ++k) {
                    scratch += p[k];
                    if (p[k] == '"')
                        ++k; // the second of a pair
                }
                fields.emplace_back(scratch.data() + from, scratch.size() - from);
            } else {
                fields.emplace_back(p + open + 1, j - open - 1);
            }
            i = j + 1;
            if (i == n)
                return {};
            if (p[i] != ',')
                return internal::at(problem::text_after_closing_quote, record, i);
            ++i; // a ',' at the very end means one more, empty, field
            continue;
        }
        // Unquoted: up to the next ','. (A plain loop: fields are short, and
        // memchr's call costs more than it saves on them.)
        std::size_t end = i;
        while (end < n && p[end] != ',' && p[end] != '"')
            ++end;
        if (end < n && p[end] == '"')
            return internal::at(problem::quote_in_unquoted_field, record, end);
        fields.emplace_back(p + i, end - i);
        if (end == n)
            return {};
        i = end + 1;
    }
}

// Reads records from a stream through a fixed buffer: memory stays the same
// whatever the length of the input.
class reader {
public:
    static constexpr std::size_t default_max_record = 64 * 1024;

    explicit reader(std::istream& in, std::size_t max_record = default_max_record)
        : in_(in), max_(max_record),
          buf_(2 * max_record > 256 * 1024 ? 2 * max_record + 2 : 256 * 1024) {}

    // From now on a record must have n fields (0: any number).
    void expect_fields(std::size_t n) noexcept { expected_ = n; }

    // Reads the next record. Returns false at the end of the input (or when
    // the stream fails: `err` says read_error). Otherwise returns true and
    // either fills `fields` (valid until the next call) and clears `err`, or
    // sets `err` for a bad record, which has been skipped.
    bool next(std::vector<std::string_view>& fields, error& err) {
        err = {};
        for (;;) {
            if (!fill_at_start(err))
                return false;
            std::size_t scan = begin_; // where to look for the next line end
            std::size_t lines = 0;     // line ends inside the record so far
            std::size_t first_end = 0; // the first line's end, from begin_ (if lines > 0)
            record_line_ = line_;
            for (;;) {
                const void* nl =
                    scan < end_ ? std::memchr(buf_.data() + scan, '\n', end_ - scan) : nullptr;
                if (nl == nullptr && !eof_) {
                    if (end_ - begin_ > max_) {
                        if (lines > 0)
                            return abandon_quote(first_end, fields, err);
                        return skip_long_record(scan, err);
                    }
                    scan = compact_and_read(scan, err);
                    if (err)
                        return false;
                    continue;
                }
                if (nl == nullptr && begin_ == end_)
                    return false; // the end, after a line end
                const std::size_t stop =
                    nl != nullptr
                        ? static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data())
                        : end_;
                std::size_t length = stop - begin_;
                if (nl != nullptr && length > 0 && buf_[stop - 1] == '\r')
                    --length;
                const std::size_t after = nl != nullptr ? stop + 1 : stop;
                if (length == 0 && lines == 0) { // an empty line
                    consume(after, 1);
                    break; // look for the next record
                }
                if (length > max_) {
                    if (lines > 0)
                        return abandon_quote(first_end, fields, err);
                    consume(after, 1);
                    err = {problem::record_too_long, record_line_, 0, max_, 0};
                    return true;
                }
                const std::string_view record(buf_.data() + begin_, length);
                error e = parse_csv_record(record, fields, scratch_);
                if (e.code == problem::unterminated_quote) {
                    if (nl != nullptr) {
                        // A quoted field holding a line break: the record goes on.
                        if (lines == 0)
                            first_end = stop - begin_;
                        ++lines;
                        scan = stop + 1;
                        continue;
                    }
                    if (lines > 0)
                        return abandon_quote(first_end, fields, err);
                }
                consume(after, lines + 1);
                if (e) {
                    e.line += record_line_ - 1;
                    err = e;
                    return true;
                }
                if (expected_ != 0 && fields.size() != expected_) {
                    err = {problem::field_count, record_line_, 0, expected_, fields.size()};
                    return true;
                }
                return true;
            }
        }
    }

    // The first line of the record last returned by next().
    std::size_t line() const noexcept { return record_line_; }

private:
    // Reads the first bytes and skips a byte-order mark; at the start of a
    // record, makes sure there is something to look at.
    bool fill_at_start(error& err) {
        if (!started_) {
            started_ = true;
            while (end_ < 3 && !eof_) {
                compact_and_read(begin_, err);
                if (err)
                    return false;
            }
            if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0)
                begin_ = 3;
        }
        if (begin_ == end_ && !eof_) {
            compact_and_read(begin_, err);
            if (err)
                return false;
        }
        return begin_ != end_ || !eof_;
    }

    // Moves the unread bytes to the front of the buffer and reads more after
    // them. Returns `scan` adjusted to the move.
    std::size_t compact_and_read(std::size_t scan, error& err) {
        if (begin_ > 0) {
            std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
            scan -= begin_;
            end_ -= begin_;
            begin_ = 0;
        }
        if (end_ == buf_.size())
            return scan; // full: the caller sees the record is too long
        in_.read(buf_.data() + end_, static_cast<std::streamsize>(buf_.size() - end_));
        const auto got = in_.gcount();
        if (in_.bad()) {
            err = {problem::read_error, line_, 0, 0, 0};
            eof_ = true;
            return scan;
        }
        end_ += static_cast<std::size_t>(got);
        if (got == 0 || in_.eof())
            eof_ = true;
        return scan;
    }

    // A one-line record has run past the maximum without a line end: drop
    // bytes up to the end of its line, reading on as needed.
    bool skip_long_record(std::size_t scan, error& err) {
        for (;;) {
            const void* nl =
                scan < end_ ? std::memchr(buf_.data() + scan, '\n', end_ - scan) : nullptr;
            if (nl != nullptr) {
                consume(static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) + 1,
                        1);
                break;
            }
            begin_ = end_ = scan = 0;
            if (eof_) {
                line_ += 1;
                break;
            }
            compact_and_read(0, err);
            if (err)
                return false;
        }
        err = {problem::record_too_long, record_line_, 0, max_, 0};
        return true;
    }

    // A quoted field opened on the record's first line is not closed by the
    // end of the input or within the maximum length. Rather than take the
    // rest of the input for one field, report the quote where it opened and
    // go on with the next line.
    bool abandon_quote(std::size_t first_end, std::vector<std::string_view>& fields, error& err) {
        std::size_t length = first_end;
        if (length > 0 && buf_[begin_ + length - 1] == '\r')
            --length;
        error e =
            parse_csv_record(std::string_view(buf_.data() + begin_, length), fields, scratch_);
        consume(begin_ + first_end + 1, 1);
        e.line += record_line_ - 1;
        err = e;
        return true;
    }

    void consume(std::size_t after, std::size_t lines) noexcept {
        begin_ = after;
        line_ += lines;
    }

    std::istream& in_;
    std::size_t max_;
    std::vector<char> buf_;
    std::size_t begin_ = 0; // the first unread byte
    std::size_t end_ = 0;   // one past the last byte read
    bool eof_ = false;
    bool started_ = false;
    std::size_t line_ = 1;        // the line at begin_
    std::size_t record_line_ = 0; // the first line of the last record
    std::size_t expected_ = 0;
    std::string scratch_;
};

} // namespace tariff_calc::csv
