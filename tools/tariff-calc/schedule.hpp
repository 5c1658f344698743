// tariff_calc/schedule.hpp: the tariff schedule and the exchange rates that
// tariff-calc reads (see docs/tariff-calc.md for the file formats).
//
// A schedule in currency C holds
//   - tariff lines (record `line`): an HS code, its unit of quantity and its
//     MFN duty, possibly in several versions with their own validity (phased
//     cuts);
//   - surtaxes (record `surtax`): a duty stacked on the MFN duty for one
//     origin, on every line under an HS prefix (8703 covers 8703.80.00);
//   - taxes (record `tax`): a duty expression (5 %, $0.10/l, a MAX of two)
//     on the value plus all duties (GST), with the entry's quantities;
//   - tariff-rate quotas (record `quota`): an order number, its lines (an HS
//     prefix), an origin and periods, each with a volume and an in-quota duty
//     that replaces the MFN duty and the surtaxes; unused volume carries into
//     the next period.
// Every row may carry a validity period (valid_from, valid_to; both days
// included; empty: open-ended). Every problem found is reported as
// `file:line: field: message`; a schedule with any problem is not used.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "consignments.hpp"
#include "csv.hpp"
#include "foreign.hpp"
#include "text.hpp"

namespace tariff_calc {

// --- reporting problems ----------------------------------------------------------

// Writes `file:line: field: message` (or `file:line: message`, or
// `file:line:column: message` for CSV syntax) and counts them.
class diagnostics {
public:
    diagnostics(std::ostream& out, std::string_view file) : out_(&out), file_(file) {}

    // From now on, messages are kept until release(), which writes them in
    // line order (checks across rows find problems in no particular order).
    void hold() noexcept { holding_ = true; }
    void release() {
        std::stable_sort(held_.begin(), held_.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [line, text] : held_)
            out_->write(text.data(), static_cast<std::streamsize>(text.size()));
        held_.clear();
        holding_ = false;
    }

    void report(std::size_t line, std::string_view field, std::string_view message) {
        ++count_;
        std::string text(file_);
        text += ':';
        append_unsigned(text, line);
        text += ": ";
        if (!field.empty()) {
            text += field;
            text += ": ";
        }
        text += message;
        text += '\n';
        if (holding_)
            held_.emplace_back(line, std::move(text));
        else
            out_->write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    void report(const csv::error& e) {
        ++count_;
        std::string text(file_);
        text += ':';
        append_unsigned(text, e.line);
        if (e.column > 0) {
            text += ':';
            append_unsigned(text, e.column);
        }
        text += ": ";
        text += csv::describe(e);
        text += '\n';
        out_->write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    void report_file(std::string_view message) {
        ++count_;
        std::string text(file_);
        text += ": ";
        text += message;
        text += '\n';
        out_->write(text.data(), static_cast<std::streamsize>(text.size()));
    }

    std::size_t count() const noexcept { return count_; }
    std::string_view file() const noexcept { return file_; }

private:
    std::ostream* out_;
    std::string_view file_;
    std::size_t count_ = 0;
    bool holding_ = false;
    std::vector<std::pair<std::size_t, std::string>> held_;
};

// --- values shared by the files --------------------------------------------------

// A period of validity, both days included.
struct validity {
    tariff::date from{1, 1, 1};    // open start
    tariff::date to{9999, 12, 31}; // open end
    bool contains(tariff::date d) const noexcept { return !(d < from) && !(to < d); }
    bool overlaps(const validity& o) const noexcept { return !(to < o.from) && !(o.to < from); }
};

inline std::string to_text(tariff::date d) {
    return tariff::to_string(d);
}
inline std::string to_text(const validity& v) {
    const bool open_from = v.from == tariff::date(1, 1, 1);
    const bool open_to = v.to == tariff::date(9999, 12, 31);
    if (open_from && open_to)
        return "always";
    if (open_from)
        return "until " + to_text(v.to);
    if (open_to)
        return "from " + to_text(v.from);
    return to_text(v.from) + " to " + to_text(v.to);
}

// The currencies tariff-calc knows: those the library declares, as run-time
// values (tariff::runtime_currency: the ISO 4217 code and minor-unit digits).
inline constexpr auto& known_currencies = tariff::library_currencies;

// A two- or three-letter code as one number (0 for any other length), for
// quick comparisons.
constexpr std::uint32_t code_number(std::string_view code) noexcept {
    if (code.size() < 2 || code.size() > 3)
        return 0;
    std::uint32_t n = 0;
    for (const char ch : code)
        n = n << 8 | static_cast<unsigned char>(ch);
    return n;
}

inline constexpr auto known_currency_numbers = [] {
    std::array<std::uint32_t, std::size(known_currencies)> numbers{};
    for (std::size_t i = 0; i < numbers.size(); ++i)
        numbers[i] = code_number(known_currencies[i].code());
    return numbers;
}();

// The index of `code` in known_currencies, or -1.
inline int find_currency(std::string_view code) noexcept {
    const std::uint32_t n = code.size() == 3 ? code_number(code) : 0;
    for (std::size_t i = 0; i < known_currency_numbers.size(); ++i)
        if (known_currency_numbers[i] == n)
            return static_cast<int>(i);
    return -1;
}
inline std::string known_currency_list() {
    std::string out;
    for (const auto& c : known_currencies) {
        if (!out.empty())
            out += ", ";
        out += c.code();
    }
    return out;
}

// Units by name and their comparison come from the library (tariff::find_unit,
// tariff::same_unit); quantities are tariff::runtime_quantity.
using tariff::find_unit;
using tariff::same_unit;

// What a rate's needs are called in a message ("a mass (per kg)").
inline std::string dimension_names(unsigned bits) {
    std::string out;
    for (unsigned i = 0; i < 32; ++i)
        if (bits & (1u << i)) {
            const std::string_view name = tariff::dimension_name_of(1u << i);
            if (!out.empty())
                out += " and ";
            out += name.empty() ? std::string_view("a qualified quantity") : name;
        }
    return out;
}

// What is wrong with a number, after `"TEXT": ` in a message: "not a
// number: ..." with the reason in the user's terms and the byte (from 1).
// `text` is not empty (an empty field has a message of its own).
inline std::string number_problem(std::string_view text, const tariff::parse_error& e) {
    const std::size_t pos = e.position;
    const std::string at = " (at byte " + std::to_string(pos + 1) + ")";
    auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    if (e.code == tariff::errc::overflow) {
        const std::size_t point = text.find('.');
        if (point != std::string_view::npos && point < pos && pos - point > 18)
            return "not a number tariff-calc can hold: more than 18 decimal places" + at;
        return "not a number tariff-calc can hold: too large (at most 9223372036854775807 "
               "once the decimal point is taken out)" +
               at;
    }
    if (pos < text.size()) {
        const char ch = text[pos];
        if ((ch == 'e' || ch == 'E') && pos > 0 && (digit(pos - 1) || text[pos - 1] == '.') &&
            (digit(pos + 1) ||
             ((pos + 1 < text.size() && (text[pos + 1] == '+' || text[pos + 1] == '-')) &&
              digit(pos + 2))))
            return "not a number: exponent notation is not accepted; write the digits (1000, "
                   "not 1e3)" +
                   at;
        const std::string_view before = text.substr(0, pos);
        if ((ch == 'x' || ch == 'X') && (before == "0" || before == "-0" || before == "+0"))
            return "not a number: hexadecimal notation is not accepted" + at;
        if (std::string_view(e.reason) == "unexpected character" ||
            std::string_view(e.reason).starts_with("exponent")) {
            if (ch == ' ')
                return "not a number: a space (fields are taken as written)" + at;
            if (ch > ' ' && ch < 0x7F)
                return std::string("not a number: unexpected character '") + ch + "'" + at;
            return "not a number: unexpected byte " + quoted(text.substr(pos, 1)).substr(1, 4) + at;
        }
    }
    return std::string("not a number: ") + e.reason + at;
}

// What is wrong with a date, after `"TEXT": ` in a message.
inline std::string date_problem(std::string_view text, const tariff::parse_error& e) {
    // A date followed by more (a time, a space): say where the date ends.
    if (text.size() > 10 && tariff::date::try_parse(text.substr(0, 10)))
        return text[10] == ' ' ? "a space after the date (fields are taken as written) (at byte 11)"
                               : "text after the date (a date is written YYYY-MM-DD) (at byte 11)";
    const std::string at = " (at byte " + std::to_string(e.position + 1) + ")";
    const std::string_view reason = e.reason;
    if (reason == "no such month")
        return "no such month (01 to 12)" + at;
    if (reason == "no such day in that month") {
        const int year =
            (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        const int month = (text[5] - '0') * 10 + (text[6] - '0');
        return "no such day in that month (" + std::string(text.substr(0, 7)) + " has " +
               std::to_string(tariff::date::days_in_month(year, month)) + " days)" + at;
    }
    return std::string(reason) + at;
}

// An ISO 3166 alpha-2 code: two capital letters.
// A tax rate the tool can apply: no rate in it names a value ("on the case":
// an entry has no column for named values) or is a fractional percent.
template <tariff::currency_tag C>
bool plain_tax_rate(const tariff::duty_expression<C>& e) noexcept {
    for (std::size_t i = 0; i < e.size(); ++i)
        if (e.nodes()[i].denominator() != 1 || e.nodes()[i].on_named_base())
            return false;
    return true;
}

inline bool is_origin(std::string_view s) noexcept {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

// Whether a record is exactly the header `header` (names separated by ',').
inline bool is_header(const std::vector<std::string_view>& f, std::string_view header) {
    std::size_t start = 0;
    for (const std::string_view name : f) {
        if (start > header.size())
            return false;
        const std::size_t comma = std::min(header.find(',', start), header.size());
        if (name != header.substr(start, comma - start))
            return false;
        start = comma + 1;
    }
    return start == header.size() + 1;
}

// The problem with a first line that is not the header.
inline std::string header_problem(std::string_view header, const std::vector<std::string_view>& f,
                                  const csv::error& err) {
    if (err)
        return "expected the header " + std::string(header) + "; " + csv::describe(err);
    std::string found;
    for (const std::string_view name : f) {
        if (!found.empty())
            found += ',';
        found += name;
    }
    return "expected the header " + std::string(header) + "; found " + quoted(found);
}

// Reads the first record of a CSV input, which must be `header`; then the
// reader expects that many fields on every line. Reports a missing, unreadable
// or different header to `diag` and returns false.
inline bool read_header(csv::reader& reader, std::vector<std::string_view>& f, csv::error& err,
                        diagnostics& diag, std::string_view header) {
    if (!reader.next(f, err)) {
        if (err)
            diag.report_file("cannot be read");
        else
            diag.report_file("the file is empty; the first line must be the header " +
                             std::string(header));
        return false;
    }
    if (err || !is_header(f, header)) {
        diag.report(err ? err.line : reader.line(), "", header_problem(header, f, err));
        return false;
    }
    reader.expect_fields(f.size());
    return true;
}

// --- the schedule ------------------------------------------------------------------

inline constexpr std::string_view schedule_header =
    "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description";

template <tariff::currency_tag C>
struct line_version {
    std::size_t row = 0;
    validity valid;
    tariff::duty_expression<C> mfn;
    std::string_view name; // the MFN component's name ("MFN")
    std::string_view legal_basis;
    // A seasonal rate ("8.50% (01 JAN-31 MAY), 12.00% (01 JUN-31 OCT)"): its
    // index in the schedule's seasonal rates (schedule::seasonal); mfn then
    // holds its first duty. no_seasons: a plain rate, mfn.
    static constexpr std::uint32_t no_seasons = ~std::uint32_t{0};
    std::uint32_t seasonal = no_seasons;
    // A rate with additional-code placeholders ("8.30% + EA MAX 18.70% +
    // ADSZ"): its index in the schedule's templates (schedule::templated),
    // resolved per entry; mfn is then Free. no_seasons: none.
    std::uint32_t templated = no_seasons;
    // A rate in another currency ("9.40 EUR / 100 kg" in a GBP schedule;
    // foreign.hpp): its index in the schedule's foreign rates
    // (schedule::foreign), converted per entry; mfn is then Free. no_seasons: none.
    std::uint32_t foreign = no_seasons;
};

// The most `line` rows a schedule may have (the engine packs a row's number
// into 26 bits).
inline constexpr std::uint32_t max_versions = std::uint32_t{1} << 26;

template <tariff::currency_tag C>
struct line_group {
    std::string digits; // "87038000"
    std::string code;   // "8703.80.00"
    const tariff::unit_info* unit = nullptr;
    std::vector<line_version<C>> versions;  // by valid_from; they do not overlap
    std::vector<std::uint32_t> version_ids; // a number for each version, unique in the schedule
    // The surtaxes, taxes and quotas whose HS prefix covers this line, in file order.
    std::vector<std::uint32_t> surtaxes, taxes, quotas;
    // The treatments (alternative paths for --choose) whose prefix covers it.
    std::vector<std::uint32_t> treatments;

    // The version in force on d, or -1.
    int in_force(tariff::date d) const noexcept {
        for (std::size_t i = 0; i < versions.size(); ++i)
            if (versions[i].valid.contains(d))
                return static_cast<int>(i);
        return -1;
    }
};

// treatment: an alternative path (`treatment` rows, taken only by --choose).
enum class measure_kind : unsigned char { surtax, tax, treatment };

template <tariff::currency_tag C>
struct measure {
    measure_kind kind = measure_kind::surtax;
    std::size_t row = 0;
    std::string prefix;            // HS digits; empty: every line (taxes only)
    std::string prefix_text;       // as the schedule writes it
    std::string origin;            // empty: every origin (taxes only)
    std::uint32_t origin_code = 0; // code_number(origin)
    std::string_view name;
    std::string_view legal_basis;
    validity valid;
    tariff::duty_expression<C> duty; // a surtax's duty or a tax's rate

    // For an entry from `entry_origin` (its code_number) on day d?
    bool applies(std::uint32_t entry_origin, tariff::date d) const noexcept {
        return (origin_code == 0 || origin_code == entry_origin) && valid.contains(d);
    }
};

template <tariff::currency_tag C>
struct quota_period_row {
    std::size_t row = 0;
    validity valid;
    tariff::decimal volume;
    tariff::duty_expression<C> duty; // in quota
    std::string_view legal_basis;
};

template <tariff::currency_tag C>
struct quota {
    std::string_view name;   // the order number
    std::string prefix;      // HS digits
    std::string prefix_text; // as the schedule writes it
    std::string origin;
    std::uint32_t origin_code = 0; // code_number(origin)
    std::size_t first_row = 0;
    const tariff::unit_info* unit = nullptr;  // the unit of its lines
    std::vector<quota_period_row<C>> periods; // by date
    // Counted in `unit` (the library's ledger for a unit known at run time).
    std::unique_ptr<tariff::runtime_quota_ledger<C>> ledger;

    validity span() const { return {periods.front().valid.from, periods.back().valid.to}; }
};

template <tariff::currency_tag C>
class schedule {
public:
    // Reads a schedule; reports every problem to `diag`. false if there was any.
    bool load(std::istream& in, diagnostics& diag) {
        csv::reader reader(in);
        std::vector<std::string_view> f;
        csv::error err;
        if (!read_header(reader, f, err, diag, schedule_header))
            return false;
        std::vector<staged_line> lines;
        while (reader.next(f, err)) {
            if (err) {
                diag.report(err);
                continue;
            }
            read_row(f, reader.line(), lines, diag);
        }
        if (err) {
            diag.report_file("cannot be read");
            return false;
        }
        if (diag.count() > 0)
            return false;
        diag.hold();
        build_lines(lines, diag);
        check_measures(diag);
        build_quotas(diag);
        attach(diag);
        check_names(diag);
        diag.release();
        if (diag.count() > 0)
            return false;
        build_ledgers();
        return true;
    }

    // The tariff line with this code, or nullptr.
    // The consignment row, or nullptr if the schedule has none.
    const consignment_rule<C>* consignment() const noexcept {
        return consignment_rule_ ? &*consignment_rule_ : nullptr;
    }

    const line_group<C>* find_line(const tariff::hs_code& code) const {
        const auto it = index_.find(key(code.digits()));
        return it == index_.end() ? nullptr : &lines_[it->second];
    }
    const std::vector<measure<C>>& measures() const noexcept { return measures_; }
    // The seasonal rate of a line version (line_version::seasonal) and its text.
    const tariff::seasonal_duty<C>& seasonal(std::uint32_t i) const { return seasonal_[i].duty; }
    std::string_view seasonal_text(std::uint32_t i) const { return seasonal_[i].text; }
    // The rate with placeholders of a line version (line_version::templated).
    const tariff::duty_template<C>& templated(std::uint32_t i) const { return templates_[i].duty; }
    std::string_view templated_text(std::uint32_t i) const { return templates_[i].text; }
    // The rate in another currency of a line version (line_version::foreign).
    const foreign_rate<C>& foreign(std::uint32_t i) const { return foreign_[i]; }
    bool has_foreign_rates() const noexcept { return !foreign_.empty(); }
    std::vector<quota<C>>& quotas() noexcept { return quotas_; }
    const std::vector<quota<C>>& quotas() const noexcept { return quotas_; }

private:
    enum col : std::size_t {
        c_record,
        c_hs,
        c_origin,
        c_name,
        c_rate,
        c_unit,
        c_volume,
        c_from,
        c_to,
        c_basis,
        c_desc
    };
    static constexpr std::array<std::string_view, 11> column_name{
        "record", "hs_code",    "origin",   "name",        "rate",       "unit",
        "volume", "valid_from", "valid_to", "legal_basis", "description"};

    struct staged_line {
        std::string digits, code;
        const tariff::unit_info* unit;
        line_version<C> version;
    };
    struct staged_quota_row {
        std::size_t row;
        std::string_view name;
        std::string prefix, prefix_text, origin;
        const tariff::unit_info* unit; // as the row gives it, or nullptr
        quota_period_row<C> period;
    };

    // Keeps a copy of text for the schedule's lifetime (a deque never moves
    // its elements, so the views stay valid).
    std::string_view keep(std::string_view text) {
        strings_.emplace_back(text);
        return strings_.back();
    }

    static std::uint64_t key(std::string_view digits) noexcept {
        std::uint64_t k = 0;
        for (const char ch : digits)
            k = k * 10 + static_cast<std::uint64_t>(ch - '0');
        return k * 16 + digits.size();
    }

    // --- one row -------------------------------------------------------------------

    void read_row(const std::vector<std::string_view>& f, std::size_t row,
                  std::vector<staged_line>& lines, diagnostics& diag) {
        const std::size_t before = diag.count();
        auto problem = [&](col c, std::string message) {
            diag.report(row, column_name[c], message);
        };
        auto must_be_empty = [&](col c, std::string_view record) {
            if (!f[c].empty())
                problem(c, quoted(f[c]) + ": a " + std::string(record) + " row has no " +
                               std::string(column_name[c]) + "; leave it empty");
        };
        auto required = [&](col c) {
            if (f[c].empty())
                problem(c, "empty; this record needs one");
            return !f[c].empty();
        };
        const std::string_view record = f[c_record];
        enum kind { k_line, k_surtax, k_tax, k_quota, k_treatment, k_consignment } k;
        if (record == "line") {
            k = k_line;
        } else if (record == "surtax") {
            k = k_surtax;
        } else if (record == "tax") {
            k = k_tax;
        } else if (record == "quota") {
            k = k_quota;
        } else if (record == "treatment") {
            k = k_treatment;
        } else if (record == "consignment") {
            k = k_consignment;
        } else {
            problem(c_record, quoted(record) +
                                  ": expected line, surtax, tax, quota, treatment or consignment");
            return;
        }

        // hs_code
        std::string digits, code;
        if (k == k_line) {
            if (required(c_hs)) {
                const auto h = tariff::hs_code::try_parse(f[c_hs]);
                if (!h)
                    problem(c_hs, quoted(f[c_hs]) + ": " + h.error().reason + " (at byte " +
                                      std::to_string(h.error().position + 1) + ")");
                else {
                    digits = h->digits();
                    code = tariff::to_string(*h);
                }
            }
        } else if (k == k_consignment) {
            must_be_empty(c_hs, record);
        } else if (k != k_tax ? required(c_hs) : !f[c_hs].empty()) {
            if (!parse_prefix(f[c_hs], digits))
                problem(c_hs, quoted(f[c_hs]) +
                                  ": expected an HS code or a prefix of one: 2 to 10 digits "
                                  "(8703, 8703.80, 8703.80.00)");
        }

        // origin
        if (k == k_line || k == k_consignment) {
            must_be_empty(c_origin, record);
        } else if (k != k_tax ? required(c_origin) : !f[c_origin].empty()) {
            if (!is_origin(f[c_origin]))
                problem(c_origin, quoted(f[c_origin]) +
                                      ": expected an ISO 3166 alpha-2 code (two capital letters)");
        }

        // name
        std::string_view name = "MFN";
        if (k == k_line ? !f[c_name].empty() : required(c_name)) {
            if (check_name(f[c_name], row, diag))
                name = keep(f[c_name]);
        }

        // rate
        tariff::duty_expression<C> duty;
        std::uint32_t seasonal = line_version<C>::no_seasons;
        std::uint32_t templated = line_version<C>::no_seasons;
        std::uint32_t foreign_index = line_version<C>::no_seasons;
        tariff::money<C> per_item;
        if (k == k_consignment) {
            if (std::string m; required(c_rate) && !parse_consignment_rate(f[c_rate], per_item, m))
                problem(c_rate, m);
        } else if (required(c_rate)) {
            const auto r = tariff::try_parse_duty<C>(f[c_rate]);
            if (foreign_rate<C> fr; !r && k == k_line && try_parse_foreign_rate(f[c_rate], fr)) {
                fr.text = keep(f[c_rate]);
                foreign_index = static_cast<std::uint32_t>(foreign_.size());
                foreign_.push_back(std::move(fr));
            } else if (!r && r.error().code == tariff::errc::unresolved_placeholder) {
                if (std::string m; !try_template_rate(f[c_rate], k == k_line, templated, m))
                    problem(c_rate, m);
            } else if (!r) {
                if (std::string m;
                    !try_seasonal_rate(f[c_rate], k == k_line, r.error(), duty, seasonal, m))
                    problem(c_rate, m);
            } else if (k == k_tax && !plain_tax_rate(r.value())) {
                // An entry carries no named values (no column for them), and a
                // tax line is rounded once from an exact amount: a tax rate
                // names no value ("on the case") and holds no fractional
                // percent (33 1/3 %).
                problem(c_rate, quoted(f[c_rate]) +
                                    ": a tax rate names no value (\"on the case\") and has no "
                                    "fractional percent (33 1/3 %)");
            } else {
                duty = r.value(); // a tax's rate too: any expression
            }
        }

        // unit
        const tariff::unit_info* unit = nullptr;
        if (k == k_line ? required(c_unit) : (k == k_quota && !f[c_unit].empty())) {
            unit = find_unit(f[c_unit]);
            if (unit == nullptr)
                problem(c_unit, quoted(f[c_unit]) +
                                    ": unknown unit (each, pair, dozen, kg, 100 kg, tonne, g, l, "
                                    "hl, m3, l alc. 100 %, m2, kWh, ...)");
        } else if (k != k_quota) {
            must_be_empty(c_unit, record);
        }

        // volume (a consignment row's: its value limit)
        tariff::decimal volume;
        tariff::money<C> limit;
        tariff::value_limit_test test = tariff::value_limit_test::below;
        if (k == k_quota) {
            if (required(c_volume)) {
                const auto v = tariff::try_parse_decimal(f[c_volume]);
                if (!v)
                    problem(c_volume,
                            quoted(f[c_volume]) + ": " + number_problem(f[c_volume], v.error()));
                else if (v.value() < 0)
                    problem(c_volume, quoted(f[c_volume]) + ": a volume cannot be negative");
                else if (tariff::normalize(v.value()).scale() != 0)
                    problem(c_volume, quoted(f[c_volume]) +
                                          ": a quota is allocated in whole units of its lines' "
                                          "unit; the volume must be a whole number");
                volume = v.value_or({});
            }
        } else if (k == k_consignment) {
            if (std::string m;
                required(c_volume) && !parse_consignment_limit(f[c_volume], limit, test, m))
                problem(c_volume, m);
        } else {
            must_be_empty(c_volume, record);
        }

        // valid_from, valid_to
        validity valid;
        const bool dates_required = k == k_quota;
        for (const col c : {c_from, c_to}) {
            if (dates_required ? !required(c) : f[c].empty())
                continue;
            const auto d = tariff::date::try_parse(f[c]);
            if (!d) {
                problem(c, quoted(f[c]) + ": " + date_problem(f[c], d.error()));
                continue;
            }
            (c == c_from ? valid.from : valid.to) = d.value();
        }
        if (valid.to < valid.from)
            problem(c_to, quoted(f[c_to]) + ": the period ends before it starts (valid_from " +
                              std::string(f[c_from]) + ")");

        check_free_text(f[c_basis], column_name[c_basis], row, diag);
        check_free_text(f[c_desc], column_name[c_desc], row, diag);

        if (k == k_consignment && consignment_rule_.has_value())
            problem(c_record, "a second consignment row (the first is row " +
                                  std::to_string(consignment_rule_->row) +
                                  "); a schedule has at most one");
        if (diag.count() != before)
            return;
        const std::string_view basis = keep(f[c_basis]);
        switch (k) {
        case k_line:
            lines.push_back({digits, code, unit, {row, valid, duty, name, basis}});
            lines.back().version.seasonal = seasonal;
            lines.back().version.templated = templated;
            lines.back().version.foreign = foreign_index;
            break;
        case k_surtax:
        case k_tax:
        case k_treatment: {
            measure<C> m;
            m.kind = k == k_surtax ? measure_kind::surtax
                     : k == k_tax  ? measure_kind::tax
                                   : measure_kind::treatment;
            m.row = row;
            m.prefix = digits;
            m.prefix_text = std::string(f[c_hs]);
            m.origin = std::string(f[c_origin]);
            m.origin_code = code_number(m.origin);
            m.name = name;
            m.legal_basis = basis;
            m.valid = valid;
            m.duty = duty;
            measures_.push_back(std::move(m));
            break;
        }
        case k_consignment: {
            consignment_rule<C> c;
            c.row = row;
            c.name = name;
            c.legal_basis = basis;
            c.per_item = per_item;
            c.limit = limit;
            c.test = test;
            c.from = valid.from;
            c.to = valid.to;
            // The output's rate: the amount per item, as "3.00 EUR/each".
            std::string rate_text;
            append_decimal(rate_text, per_item.amount(), C::minor_digits);
            rate_text += std::string(" ") + std::string(C::code) + "/each";
            const auto rate = tariff::try_parse_duty<C>(rate_text);
            if (!rate) {
                problem(c_rate, quoted(f[c_rate]) + ": " + rate.error().reason);
                break;
            }
            c.path = tariff::duty_path<C>(name).with_duty(name, basis, *rate);
            consignment_rule_ = std::move(c);
            break;
        }
        case k_quota:
            quota_rows_.push_back({row,
                                   name,
                                   digits,
                                   std::string(f[c_hs]),
                                   std::string(f[c_origin]),
                                   unit,
                                   {row, valid, volume, duty, basis}});
            break;
        }
    }

    // A rate the duty parser rejected (`plain`) may be a seasonal cell ("8.50%
    // (01 JAN-31 MAY, 1 NOV-31 DEC), 12.00% (01 JUN-31 OCT)"), on a line row
    // (`on_line`) only: kept in seasonal_, its index in `index`, its first duty
    // in `duty`. Else `message` says what is wrong: the error of the parser
    // that read further (the duty parser's on a tie), or that only a line row
    // may be seasonal.
    bool try_seasonal_rate(std::string_view text, bool on_line, const tariff::parse_error& plain,
                           tariff::duty_expression<C>& duty, std::uint32_t& index,
                           std::string& message) {
        const auto r = tariff::try_parse_seasonal_duty<C>(text);
        if (r && !on_line) {
            message = quoted(text) +
                      ": a seasonal rate (a duty for each season) is read on a line row only";
            return false;
        }
        if (!r) {
            const tariff::parse_error& e = r.error().position > plain.position ? r.error() : plain;
            message = quoted(text) + ": " + e.reason + " (at byte " +
                      std::to_string(e.position + 1) + ")";
            return false;
        }
        index = static_cast<std::uint32_t>(seasonal_.size());
        seasonal_.push_back({*r, keep(text)});
        duty = r->duty_at(0);
        return true;
    }

    // A rate with additional-code placeholders ("8.30% + EA MAX 18.70% +
    // ADSZ"), on a line row (`on_line`) only: kept in templates_, its index
    // in `index`. Else `message` says what is wrong.
    bool try_template_rate(std::string_view text, bool on_line, std::uint32_t& index,
                           std::string& message) {
        const auto r = tariff::try_parse_duty_template<C>(text);
        if (!r) {
            message = quoted(text) + ": " + r.error().reason + " (at byte " +
                      std::to_string(r.error().position + 1) + ")";
            return false;
        }
        if (!on_line) {
            message = quoted(text) +
                      ": a rate with additional-code placeholders (EA, ADSZ, ...) is read on a "
                      "line row only";
            return false;
        }
        index = static_cast<std::uint32_t>(templates_.size());
        templates_.push_back({*r, keep(text)});
        return true;
    }

    // "8703", "87", "8703.80", "8703.80.00": the digits.
    static bool parse_prefix(std::string_view text, std::string& digits) {
        const bool all_digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        if (all_digits && text.size() >= 2 && text.size() < 6) {
            digits = text;
            return true;
        }
        const auto h = tariff::hs_code::try_parse(text);
        if (!h)
            return false;
        digits = h.value().digits();
        return true;
    }

    // A component's name appears in the output as name=amount; separated by ';'.
    bool check_name(std::string_view name, std::size_t row, diagnostics& diag) {
        for (const char ch : name)
            if (ch == '=' || ch == ';' || static_cast<unsigned char>(ch) < 0x20) {
                diag.report(row, "name",
                            quoted(name) + ": a name cannot hold '=', ';' or control characters "
                                           "(the output lists components as name=amount;...)");
                return false;
            }
        if (const std::string p = text_problem(name); !p.empty()) {
            diag.report(row, "name",
                        quoted(name) + ": " + p +
                            "; a name is written to the output: UTF-8 text without control "
                            "characters");
            return false;
        }
        return true;
    }

    // Free text (legal_basis, description) is kept, not checked, but it must
    // be UTF-8 and hold no NUL byte.
    static void check_free_text(std::string_view text, std::string_view column, std::size_t row,
                                diagnostics& diag) {
        const std::string p = text_problem(text);
        if (p.starts_with("not valid UTF-8") || p.starts_with("a control character (\\x00)"))
            diag.report(row, column, quoted(text) + ": " + p);
    }

    // --- across rows ---------------------------------------------------------------

    void build_lines(std::vector<staged_line>& staged, diagnostics& diag) {
        std::stable_sort(staged.begin(), staged.end(), [](const auto& a, const auto& b) {
            return a.digits != b.digits ? a.digits < b.digits
                                        : a.version.valid.from < b.version.valid.from;
        });
        std::uint32_t next_id = 0;
        for (std::size_t i = 0; i < staged.size(); ++i) {
            auto& s = staged[i];
            if (lines_.empty() || lines_.back().digits != s.digits) {
                line_group<C> g;
                g.digits = s.digits;
                g.code = s.code;
                g.unit = s.unit;
                lines_.push_back(std::move(g));
            }
            auto& g = lines_.back();
            if (!g.versions.empty()) {
                const auto& prev = g.versions.back();
                if (prev.valid.overlaps(s.version.valid)) {
                    diag.report(std::max(prev.row, s.version.row), "valid_from",
                                "tariff line " + g.code + " is already in force " +
                                    to_text(prev.valid) + " (line " + std::to_string(prev.row) +
                                    "); the rows of one line must not overlap");
                    continue;
                }
                if (!same_unit(*g.unit, *s.unit)) {
                    diag.report(s.version.row, "unit",
                                "tariff line " + g.code + " is counted in " +
                                    std::string(g.unit->symbol) + " on line " +
                                    std::to_string(g.versions.front().row) +
                                    "; every row of one line has the same unit");
                    continue;
                }
            }
            if (next_id == max_versions) {
                diag.report(s.version.row, "record",
                            "more tariff line rows than tariff-calc holds");
                continue;
            }
            g.versions.push_back(s.version);
            g.version_ids.push_back(next_id++);
        }
        for (std::size_t i = 0; i < lines_.size(); ++i)
            index_[key(lines_[i].digits)] = static_cast<std::uint32_t>(i);
    }

    // Two rows of one surtax or tax (same name) that would both apply to an
    // entry: nested prefixes, compatible origins, overlapping periods.
    void check_measures(diagnostics& diag) {
        std::map<std::pair<int, std::string_view>, std::vector<std::size_t>> by_name;
        for (std::size_t i = 0; i < measures_.size(); ++i)
            by_name[{static_cast<int>(measures_[i].kind), measures_[i].name}].push_back(i);
        for (const auto& [name, ids] : by_name) {
            // Within one name, by prefix: a row conflicts only with rows whose
            // prefix is its own or a shorter prefix of it.
            std::map<std::string_view, std::vector<std::size_t>> by_prefix;
            for (const std::size_t i : ids)
                by_prefix[measures_[i].prefix].push_back(i);
            for (const std::size_t i : ids) {
                const auto& m = measures_[i];
                for (std::size_t len = 0; len <= m.prefix.size(); ++len) {
                    const auto it = by_prefix.find(std::string_view(m.prefix).substr(0, len));
                    if (it == by_prefix.end())
                        continue;
                    for (const std::size_t j : it->second) {
                        if (j >= i && len == m.prefix.size())
                            continue; // each pair once
                        const auto& o = measures_[j];
                        const bool origins =
                            o.origin.empty() || m.origin.empty() || o.origin == m.origin;
                        if (!origins || !o.valid.overlaps(m.valid))
                            continue;
                        const auto& later = o.row > m.row ? o : m;
                        const auto& earlier = o.row > m.row ? m : o;
                        diag.report(later.row, "valid_from",
                                    std::string(m.kind == measure_kind::surtax ? "surtax "
                                                : m.kind == measure_kind::tax  ? "tax "
                                                                               : "treatment ") +
                                        quoted(m.name) + " overlaps line " +
                                        std::to_string(earlier.row) + " (" +
                                        describe_scope(earlier) +
                                        "): both would apply to one entry");
                    }
                }
            }
        }
    }

    static std::string describe_scope(const measure<C>& m) {
        std::string out = m.prefix.empty() ? "every line" : "HS " + m.prefix_text;
        out += m.origin.empty() ? ", every origin" : ", origin " + m.origin;
        return out + ", " + to_text(m.valid);
    }

    void build_quotas(diagnostics& diag) {
        // Rows of one order number, in file order, become its periods.
        std::map<std::string_view, std::size_t> by_name;
        for (auto& r : quota_rows_) {
            auto [it, added] = by_name.try_emplace(r.name, quotas_.size());
            if (added) {
                quota<C> q;
                q.name = r.name;
                q.prefix = r.prefix;
                q.prefix_text = r.prefix_text;
                q.origin = r.origin;
                q.origin_code = code_number(r.origin);
                q.first_row = r.row;
                quotas_.push_back(std::move(q));
            }
            auto& q = quotas_[it->second];
            if (r.prefix != q.prefix || r.origin != q.origin) {
                diag.report(r.row, r.prefix != q.prefix ? "hs_code" : "origin",
                            "quota " + quoted(q.name) + " covers HS " + q.prefix_text + " from " +
                                q.origin + " on line " + std::to_string(q.first_row) +
                                "; every row of one quota has the same hs_code and origin");
                continue;
            }
            q.periods.push_back(r.period);
            if (r.unit != nullptr)
                unit_given_[it->second].push_back({r.row, r.unit});
        }
        for (auto& q : quotas_) {
            std::stable_sort(q.periods.begin(), q.periods.end(), [](const auto& a, const auto& b) {
                return a.valid.from < b.valid.from;
            });
            for (std::size_t i = 1; i < q.periods.size(); ++i)
                if (q.periods[i - 1].valid.overlaps(q.periods[i].valid))
                    diag.report(std::max(q.periods[i - 1].row, q.periods[i].row), "valid_from",
                                "quota " + quoted(q.name) + ": the period " +
                                    to_text(q.periods[i].valid) + " overlaps " +
                                    to_text(q.periods[i - 1].valid) + " (lines " +
                                    std::to_string(q.periods[i - 1].row) + " and " +
                                    std::to_string(q.periods[i].row) + ")");
            // The ledger counts in 64-bit units: all periods together at most 2^63 - 1.
            using ledger_type = tariff::runtime_quota_ledger<C>;
            constexpr std::int64_t max_units =
                ledger_type::max_granules(typename ledger_type::quantity_type(tariff::decimal(1)));
            tariff::int128_t all = 0;
            for (const auto& p : q.periods) {
                const tariff::decimal v = tariff::normalize(p.volume);
                if (v.scale() != 0)
                    continue; // not whole: reported with its row
                all += v.coefficient();
                if (all > max_units) {
                    diag.report(p.row, "volume",
                                "quota " + quoted(q.name) +
                                    ": the volumes of its periods together exceed " +
                                    std::to_string(max_units));
                    break;
                }
            }
            using trq = typename ledger_type::quota_type;
            if (q.periods.size() > trq::max_periods)
                diag.report(q.periods[trq::max_periods].row, "name",
                            "quota " + quoted(q.name) + " has more than " +
                                std::to_string(trq::max_periods) + " periods");
        }
        // Two quotas that could both take one entry.
        for (std::size_t i = 0; i < quotas_.size(); ++i)
            for (std::size_t j = 0; j < i; ++j) {
                const auto &a = quotas_[j], &b = quotas_[i];
                const bool nested =
                    a.prefix.starts_with(b.prefix) || b.prefix.starts_with(a.prefix);
                if (nested && a.origin == b.origin && !a.periods.empty() && !b.periods.empty() &&
                    a.span().overlaps(b.span()))
                    diag.report(b.first_row, "hs_code",
                                "quota " + quoted(b.name) + " and quota " + quoted(a.name) +
                                    " (line " + std::to_string(a.first_row) +
                                    ") cover the same lines for origin " + b.origin +
                                    " at the same time");
            }
    }

    // Gives each line the measures and quotas under whose prefix it falls,
    // and checks that their duties need only the quantity the line declares.
    void attach(diagnostics& diag) {
        auto lines_under = [&](const std::string& prefix) {
            // lines_ is sorted by digits: those under a prefix are contiguous.
            auto first =
                std::lower_bound(lines_.begin(), lines_.end(), prefix,
                                 [](const auto& g, const std::string& p) { return g.digits < p; });
            auto last = first;
            while (last != lines_.end() && last->digits.starts_with(prefix))
                ++last;
            return std::pair(first, last);
        };
        auto needs_ok = [&](const tariff::duty_expression<C>& duty, const line_group<C>& g,
                            std::size_t row, std::string_view what) {
            // The properties of the goods and the qualified quantities (bits 7
            // and above) come from an entry's `quantities` column, and so may a
            // volume's pure alcohol (litres times a declared % vol).
            unsigned extra = duty.runtime_needs() & ~g.unit->dimension_bit & 0x7Fu;
            if (g.unit->dimension_bit == tariff::volume::bit)
                extra &= ~tariff::pure_alcohol::bit;
            if (extra == 0)
                return true;
            diag.report(row, "rate",
                        std::string(what) + " needs a quantity of " + dimension_names(extra) +
                            ", but tariff line " + g.code + " (line " +
                            std::to_string(g.versions.front().row) + ") declares only " +
                            std::string(g.unit->symbol));
            return false;
        };
        for (auto& g : lines_)
            for (const auto& v : g.versions) {
                needs_ok(v.mfn, g, v.row, "the duty");
                if (v.seasonal != line_version<C>::no_seasons)
                    for (std::size_t i = 1; i < seasonal_[v.seasonal].duty.duty_count(); ++i)
                        needs_ok(seasonal_[v.seasonal].duty.duty_at(i), g, v.row, "the duty");
            }
        for (std::size_t i = 0; i < measures_.size(); ++i) {
            const auto& m = measures_[i];
            auto [first, last] = lines_under(m.prefix);
            for (auto it = first; it != last; ++it) {
                if (m.kind == measure_kind::surtax) {
                    if (needs_ok(m.duty, *it, m.row, "the surtax"))
                        it->surtaxes.push_back(static_cast<std::uint32_t>(i));
                } else if (m.kind == measure_kind::treatment) {
                    if (needs_ok(m.duty, *it, m.row, "the treatment"))
                        it->treatments.push_back(static_cast<std::uint32_t>(i));
                } else if (needs_ok(m.duty, *it, m.row, "the tax")) {
                    it->taxes.push_back(static_cast<std::uint32_t>(i));
                }
            }
        }
        for (std::size_t i = 0; i < quotas_.size(); ++i) {
            auto& q = quotas_[i];
            auto [first, last] = lines_under(q.prefix);
            if (first == last) {
                diag.report(q.first_row, "hs_code",
                            "quota " + quoted(q.name) + ": no tariff line under HS " +
                                q.prefix_text);
                continue;
            }
            q.unit = first->unit;
            bool ok = true;
            for (auto it = first; it != last && ok; ++it) {
                if (!same_unit(*it->unit, *q.unit)) {
                    diag.report(q.first_row, "hs_code",
                                "quota " + quoted(q.name) + " covers lines counted in " +
                                    std::string(q.unit->symbol) + " and in " +
                                    std::string(it->unit->symbol) +
                                    " (a quota's lines must share one unit)");
                    ok = false;
                }
                for (const auto& p : q.periods)
                    ok = needs_ok(p.duty, *it, p.row, "the in-quota duty") && ok;
            }
            for (const auto& [row, unit] : unit_given_[i])
                if (ok && !same_unit(*unit, *q.unit)) {
                    diag.report(row, "unit",
                                std::string(unit->symbol) +
                                    ": the volume is in the unit of the "
                                    "quota's lines, " +
                                    std::string(q.unit->symbol) + "; leave unit empty or write " +
                                    std::string(q.unit->symbol));
                    ok = false;
                }
            if (!ok)
                continue;
            for (auto it = first; it != last; ++it)
                it->quotas.push_back(static_cast<std::uint32_t>(i));
        }
    }

    // Each quota's ledger: the library's quota, with its periods in order and
    // carry-over. The paths are tariff-calc's (they depend on the entry's
    // date and origin), so the quota's own are left empty.
    void build_ledgers() {
        for (auto& q : quotas_) {
            using ledger_type = tariff::runtime_quota_ledger<C>;
            auto trq = typename ledger_type::quota_type(q.name, tariff::duty_path<C>(),
                                                        tariff::duty_path<C>())
                           .with_carry_over();
            for (const auto& p : q.periods)
                trq = trq.with_period(q.name, p.valid.from, p.valid.to,
                                      typename ledger_type::quantity_type(p.volume));
            typename ledger_type::options flat;
            flat.keep_events = false; // memory stays flat over any number of entries
            flat.keep_receipts = false;
            q.ledger = std::make_unique<ledger_type>(trq, *q.unit, flat);
        }
    }

    // A tax's name must differ from every duty's: the output lists both kinds
    // by name.
    void check_names(diagnostics& diag) {
        for (const auto& t : measures_) {
            if (t.kind != measure_kind::tax)
                continue;
            auto clash = [&](std::string_view name, std::size_t row) {
                if (name == t.name)
                    diag.report(t.row, "name",
                                quoted(t.name) + " is also the name of a duty (line " +
                                    std::to_string(row) + "); a tax needs a name of its own");
                return name == t.name;
            };
            bool found = false;
            for (const auto& g : lines_)
                for (const auto& v : g.versions)
                    if (!found)
                        found = clash(v.name, v.row);
            for (const auto& m : measures_)
                if (!found && m.kind != measure_kind::tax)
                    found = clash(m.name, m.row);
            for (const auto& q : quotas_)
                if (!found)
                    found = clash(q.name, q.first_row);
        }
    }

    std::deque<std::string> strings_;
    struct seasonal_rate {
        tariff::seasonal_duty<C> duty;
        std::string_view text; // as the schedule writes it
    };
    std::deque<seasonal_rate> seasonal_; // by line_version::seasonal
    struct template_rate {
        tariff::duty_template<C> duty;
        std::string_view text; // as the schedule writes it
    };
    std::deque<template_rate> templates_; // by line_version::templated
    std::deque<foreign_rate<C>> foreign_; // by line_version::foreign
    std::vector<line_group<C>> lines_;    // sorted by digits
    std::unordered_map<std::uint64_t, std::uint32_t> index_;
    std::vector<measure<C>> measures_;                    // file order
    std::optional<consignment_rule<C>> consignment_rule_; // the consignment row, if any
    std::vector<staged_quota_row> quota_rows_;
    std::vector<quota<C>> quotas_; // by first row
    std::map<std::size_t, std::vector<std::pair<std::size_t, const tariff::unit_info*>>>
        unit_given_;
};

// --- exchange rates ------------------------------------------------------------------

inline constexpr std::string_view rates_header = "date,from,to,rate";

// Rates into the schedule's currency, read and checked here (each problem
// reported with its row), then kept in the library's run-time exchange table
// (tariff::runtime_exchange_table: the rate for a day is the latest dated on
// or before it; never an inverse).
class exchange_rates {
public:
    explicit exchange_rates(std::string_view to)
        : to_(to), by_currency_(std::size(known_currencies)) {}

    bool load(std::istream& in, diagnostics& diag) {
        csv::reader reader(in);
        std::vector<std::string_view> f;
        csv::error err;
        if (!read_header(reader, f, err, diag, rates_header))
            return false;
        while (reader.next(f, err)) {
            if (err) {
                diag.report(err);
                continue;
            }
            const std::size_t row = reader.line();
            const std::size_t before = diag.count();
            const auto d = tariff::date::try_parse(f[0]);
            if (f[0].empty())
                diag.report(row, "date", "empty; every row needs a date");
            else if (!d)
                diag.report(row, "date", quoted(f[0]) + ": " + date_problem(f[0], d.error()));
            const int from = find_currency(f[1]);
            if (f[1].empty())
                diag.report(row, "from", "empty; every row needs a currency");
            else if (from < 0)
                diag.report(row, "from",
                            quoted(f[1]) + ": unknown currency (known: " + known_currency_list() +
                                ")");
            const int to = find_currency(f[2]);
            if (f[2].empty())
                diag.report(row, "to", "empty; every row needs a currency");
            else if (to < 0)
                diag.report(row, "to",
                            quoted(f[2]) + ": unknown currency (known: " + known_currency_list() +
                                ")");
            if (from >= 0 && from == to)
                diag.report(row, "to", quoted(f[2]) + ": a rate converts between two currencies");
            const auto r = tariff::try_parse_decimal(f[3]);
            if (f[3].empty())
                diag.report(row, "rate", "empty; every row needs a rate");
            else if (!r)
                diag.report(row, "rate", quoted(f[3]) + ": " + number_problem(f[3], r.error()));
            else if (r.value() <= 0)
                diag.report(row, "rate", quoted(f[3]) + ": a rate must be more than zero");
            if (diag.count() != before || f[2] != to_)
                continue; // other targets are not used
            by_currency_[static_cast<std::size_t>(from)].push_back({d.value(), r.value(), row});
        }
        if (err) {
            diag.report_file("cannot be read");
            return false;
        }
        for (std::size_t c = 0; c < by_currency_.size(); ++c) {
            auto& v = by_currency_[c];
            std::stable_sort(v.begin(), v.end(),
                             [](const auto& a, const auto& b) { return a.day < b.day; });
            for (std::size_t i = 1; i < v.size(); ++i)
                if (v[i].day == v[i - 1].day)
                    diag.report(std::max(v[i].row, v[i - 1].row), "date",
                                "a second " + std::string(known_currencies[c].code()) + " to " +
                                    std::string(to_) + " rate for " + to_text(v[i].day) +
                                    " (the other is on line " +
                                    std::to_string(std::min(v[i].row, v[i - 1].row)) + ")");
        }
        if (diag.count() != 0)
            return false;
        // Checked: every rate is positive, from differs from to and no pair
        // has two rates for one day, so every add succeeds.
        const tariff::runtime_currency* to = tariff::find_currency(to_);
        for (std::size_t c = 0; c < by_currency_.size(); ++c)
            for (const entry& e : by_currency_[c])
                table_.add(known_currencies[c], *to, e.rate, e.day);
        by_currency_.clear();
        return true;
    }

    // The rate of `from` into the schedule's currency in force on d (the
    // latest dated on or before d): errc::missing_exchange_rate if none.
    tariff::result<tariff::runtime_exchange_rate> find(const tariff::runtime_currency& from,
                                                       tariff::date d) const noexcept {
        return table_.try_find(from.code(), to_, d);
    }

private:
    struct entry {
        tariff::date day;
        tariff::decimal rate;
        std::size_t row; // in the rates file
    };
    std::string_view to_;
    std::vector<std::vector<entry>> by_currency_; // while loading
    tariff::runtime_exchange_table table_;
};

} // namespace tariff_calc
