// tariff-calc: assesses a stream of customs entries against a tariff schedule.
//
//   tariff-calc --schedule FILE --entries FILE [--rates FILE] [--currency CAD]
//               [--output FILE] [--format csv|jsonl|table] [--totals FILE]
//               [--quota-summary FILE] [--rounding MODE] [--strict]
//   tariff-calc --help | --version
//
// Entries are read, assessed and written one at a time, in file order
// (quotas are allocated first come, first served in that order); a bad entry
// is reported on standard error as file:line: field: message and skipped.
// The formats, the messages and the exit codes are in docs/tariff-calc.md.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <climits>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include <tariff/tariff.hpp>

#include "csv.hpp"
#include "engine.hpp"
#include "schedule.hpp"

namespace {

namespace tc = tariff_calc;

enum exit_code : int {
    ok = 0,
    rows_rejected = 1,
    usage_error = 2,
    file_error = 3,     // a file cannot be read or written, or the schedule or rates are invalid
    stopped = 4,        // --strict: stopped at the first bad entry
    internal_error = 5, // an unexpected failure (a defect): nothing was written
};

constexpr std::string_view usage = R"(usage: tariff-calc --schedule FILE --entries FILE [options]
       tariff-calc --help | --version

Assesses customs entries against a tariff schedule, exactly (decimal
arithmetic, no floating point): for each entry its duties (MFN, surtaxes,
in-quota duty) and taxes, each rounded to the minor unit, and their total.
Entries are processed in file order; quotas are allocated first come, first
served in that order. A jsonl or table output ends with the totals; for
csv (one row per entry), --totals FILE writes them.

Options (each at most once; a value may also be written --name=VALUE):
  --schedule FILE        the schedule CSV: tariff lines, surtaxes, taxes, quotas
  --entries FILE         the entries CSV ('-': standard input)
  --rates FILE           exchange rates CSV, for entries in other currencies
  --additional-codes FILE
                         the amounts of additional-code placeholders (EA,
                           ADSZ, ...) in line rates: CSV code,placeholder,
                           amount, by the entries' additional_code
  --currency CODE        the schedule's currency: CAD (default), USD, EUR or GBP
  --output FILE          the assessed entries (default or '-': standard output)
  --format FORMAT        csv (default): one row per entry, no totals row (see
                           --totals); jsonl: one JSON object per entry, then
                           {"totals": ...}; table: aligned text for reading,
                           a block per entry, then the totals
  --totals FILE          write the totals as CSV ('-': standard output), columns
                           assessed,rejected,currency,value_for_duty,duty,
                           taxes,total
  --quota-summary FILE   write each quota period's volume, use and balance as
                           CSV ('-': standard output; default: not written)
  --rounding MODE        how each duty and tax is rounded to the minor unit:
                           half_even (default), half_up, half_down, toward_zero,
                           away_from_zero, floor, ceiling
  --choose RULE          where treatment rows give an entry other paths than
                           the schedule's (its quota or standard path):
                           lowest: the path with the lowest duties;
                           margin:P%: the first treatment in force only if
                           its duties exceed the schedule path's by P % of
                           the value for duty or more (the UK's Northern
                           Ireland rule: margin:3%). Adds the output columns
                           path,path_reason (the path taken and why)
  --strict               stop at the first bad entry
  --help                 show this text
  --version              show the version

Input files (CSV, RFC 4180, UTF-8; the first line is exactly this header):
  schedule  record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,
            legal_basis,description
            record is line (an HS code's MFN rate and unit), surtax (an HS
            prefix and origin), tax (a percentage of value plus duties),
            quota (an order number's period, volume and in-quota rate) or
            treatment (an HS prefix and origin: another path, its duty then
            the taxes, taken only by --choose).
            Rates as schedules print them: 6.1 %, Free, $106.50/tonne plus 7 %,
            245.5 % but not less than $5.33/kg, 12.80 % + 304.10 EUR / 100 kg.
            A line's rate may be seasonal, chosen by the entry's date:
            8.50% (01 JAN-31 MAY, 1 NOV-31 DEC), 12.00% (01 JUN-31 OCT).
            Or hold placeholders an entry's additional code resolves
            (--additional-codes): 8.30% + EA MAX 18.70% + ADSZ.
            Or be in another of CAD, USD, EUR, GBP: 9.40 EUR / 100 kg in a
            GBP schedule is converted at the rate of each entry's date.
  rates     date,from,to,rate     one FROM buys RATE of TO; an entry uses the
            latest rate dated on or before its date
  entries   id,date,hs_code,origin,quantity,unit,value,currency
            and optionally ,quantities: what a qualified duty needs, e.g.
            12.5 % vol; 800 kg on drained weight
            and optionally ,values (last): the named values a duty such as
            45 % on the case + 35 % on the battery applies to, in the
            entry's currency, e.g. case 120.00; battery 4.50
            and optionally ,additional_code (last): the goods' additional
            code (7000), for a rate such as 8.30% + EA MAX 18.70% + ADSZ
            and optionally ,consignment (last): the id of the entry's
            consignment; consecutive entries with the same id share the
            schedule's consignment charge (a row such as
            consignment,,,Parcel duty,EUR 3.00,,below 150.00,...: per
            distinct 6-digit item, within the value limit), split by value
Units: each, No., pair, dozen, g, kg, 100 kg, tonne (t), l, hl, m3, lpa, m2,
kWh, MWh; an entry's unit is converted exactly to its line's (2 t = 2000 kg).
Numbers are exact decimals (no exponent, no thousands separator); dates are
YYYY-MM-DD.

Output (csv): id,date,hs_code,origin,quantity,in_quota,over_quota,value,
currency,value_for_duty,duty,taxes,total,components,schedule_currency,
exchange_rate,rate_date. value is in the entry's currency; value_for_duty,
duty, taxes, total and components (name=amount;...) in schedule_currency;
exchange_rate and rate_date are the rate a converted value used and its date.
A schedule with a line rate in another currency adds line_rate_currency,
line_rate_exchange_rate,line_rate_date: the rate it was converted at.

A bad entry is reported on standard error as FILE:LINE: FIELD: MESSAGE and
skipped. When standard error is a terminal and the run takes over a second, a
progress line is shown there (and cleared at the end).

Exit status: 0 every entry assessed; 1 some entries rejected; 2 usage error;
3 a file cannot be read or written, or the schedule or the rates are invalid;
4 stopped at a bad entry by --strict; 5 internal error. Output files are
replaced only when the run ends with 0, 1 or 4.

Example:
  tariff-calc --schedule ev_schedule.csv --rates ev_rates.csv \
      --entries ev_entries.csv --format table --quota-summary quota.csv

Full reference: docs/tariff-calc.md in the tariff sources.
)";

struct options {
    std::string schedule, entries, rates, output, quota_summary, totals;
    std::string additional_codes; // --additional-codes FILE
    tc::output_format format = tc::output_format::csv;
    std::string currency = "CAD";
    tariff::rounding_mode rounding = tariff::rounding_mode::half_even;
    bool strict = false;
    tc::choice_option choice; // --choose
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

int usage_failure(const std::string& message) {
    std::cerr << "tariff-calc: " << message << "\n\n" << usage;
    return usage_error;
}

// An argument as a message shows it: quoted, control bytes and bytes that
// are not UTF-8 as \xNN, shortened.
std::string shown(std::string_view arg) {
    return tc::quoted(arg);
}

bool is_stdout(const std::string& path) {
    return path.empty() || path == "-";
}

// The directory part of a path ("" for a bare name; "/" for the root).
std::string directory_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return "";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// A path made absolute with its links resolved; a file that does not exist
// yet gets its directory resolved. Empty if neither can be.
std::string resolved(const std::string& path) {
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf) != nullptr)
        return buf;
    const std::string dir = directory_of(path);
    if (::realpath(dir.empty() ? "." : dir.c_str(), buf) == nullptr)
        return "";
    return std::string(buf) + "/" + path.substr(dir.empty() ? 0 : dir.size() + 1);
}

// Whether two paths name one file: the same device and inode if both exist
// (links included), else the same resolved path. A character device
// (/dev/null) is never the same file for this purpose: both may go there.
bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {
    }, sb{};
    if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && !S_ISCHR(sa.st_mode);
    const std::string ra = resolved(a), rb = resolved(b);
    return ra.empty() || rb.empty() ? a == b : ra == rb;
}

// Parses the command line; returns an exit code if the program should stop.
// Every option may be given once; an option's value is the next argument,
// or follows '=' (--output=FILE). A next argument that starts with '-' (but
// is not "-" alone) is taken for a forgotten value, not a file name.
std::optional<int> parse_arguments(int argc, char** argv, options& o) {
    if (argc <= 1) {
        std::cerr << usage;
        return usage_error;
    }
    std::vector<std::string> seen;
    auto first_time = [&](const std::string& name) {
        for (const auto& s : seen)
            if (s == name)
                return false;
        seen.push_back(name);
        return true;
    };
    std::string rounding, currency, format, choose;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return ok;
        }
        if (arg == "--version") {
            std::cout << "tariff-calc " << tariff::version_major << '.' << tariff::version_minor
                      << '.' << tariff::version_patch << '\n';
            return ok;
        }
        if (arg == "--strict") {
            if (!first_time(arg))
                return usage_failure("--strict is given twice");
            o.strict = true;
            continue;
        }
        std::optional<std::string> inline_value; // --name=value
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            inline_value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        if (arg == "--strict" || arg == "--help" || arg == "--version")
            return usage_failure(arg + " takes no value (found " + shown(argv[i]) + ")");
        std::string* target = arg == "--schedule"           ? &o.schedule
                              : arg == "--entries"          ? &o.entries
                              : arg == "--rates"            ? &o.rates
                              : arg == "--output"           ? &o.output
                              : arg == "--quota-summary"    ? &o.quota_summary
                              : arg == "--totals"           ? &o.totals
                              : arg == "--format"           ? &format
                              : arg == "--currency"         ? &currency
                              : arg == "--rounding"         ? &rounding
                              : arg == "--additional-codes" ? &o.additional_codes
                              : arg == "--choose"           ? &choose
                                                            : nullptr;
        if (target == nullptr)
            return usage_failure("unknown argument " + shown(argv[i]));
        if (!first_time(arg))
            return usage_failure(arg + " is given twice (each option may be given once)");
        if (inline_value) {
            *target = *inline_value;
        } else if (i + 1 < argc) {
            const std::string_view next = argv[i + 1];
            if (next.size() > 1 && next[0] == '-')
                return usage_failure(arg + " needs a value; found the option " + shown(next) +
                                     " (a file whose name starts with '-' is written " + arg + "=" +
                                     std::string(next) + ")");
            *target = argv[++i];
        } else {
            target->clear();
        }
        if (target->empty())
            return usage_failure(arg + " needs a value");
    }
    if (o.schedule.empty())
        return usage_failure("--schedule FILE is required");
    if (o.entries.empty())
        return usage_failure("--entries FILE is required");
    if (!currency.empty()) {
        if (currency != "CAD" && currency != "USD" && currency != "EUR" && currency != "GBP")
            return usage_failure("unknown schedule currency " + shown(currency) +
                                 " (choose CAD, USD, EUR or GBP)");
        o.currency = currency;
    }
    if (format == "jsonl")
        o.format = tc::output_format::jsonl;
    else if (format == "table")
        o.format = tc::output_format::table;
    else if (!format.empty() && format != "csv")
        return usage_failure("unknown format " + shown(format) + " (choose csv, jsonl or table)");
    if (!rounding.empty()) {
        bool known = false;
        for (const auto m : {tariff::rounding_mode::half_even, tariff::rounding_mode::half_up,
                             tariff::rounding_mode::half_down, tariff::rounding_mode::toward_zero,
                             tariff::rounding_mode::away_from_zero, tariff::rounding_mode::floor,
                             tariff::rounding_mode::ceiling})
            if (rounding == tariff::to_string(m)) {
                o.rounding = m;
                known = true;
            }
        if (!known)
            return usage_failure("unknown rounding mode " + shown(rounding) +
                                 " (choose half_even, half_up, half_down, toward_zero, "
                                 "away_from_zero, floor or ceiling)");
    }
    if (std::string why; !choose.empty() && !tc::parse_choice(choose, o.choice, why))
        return usage_failure("unknown --choose rule " + shown(choose) + " (" + why + ")");
    // Standard input and output can serve one file each.
    const std::pair<const char*, const std::string*> inputs[] = {
        {"--schedule", &o.schedule},
        {"--rates", &o.rates},
        {"--entries", &o.entries},
        {"--additional-codes", &o.additional_codes}};
    const char* stdin_taken = nullptr;
    for (const auto& [name, path] : inputs)
        if (*path == "-") {
            if (stdin_taken != nullptr)
                return usage_failure(std::string(stdin_taken) + " and " + name +
                                     " cannot both be standard input");
            stdin_taken = name;
        }
    // Standard output can take one output only (--output by default).
    const std::pair<const char*, const std::string*> outputs[] = {
        {"--output", &o.output}, {"--quota-summary", &o.quota_summary}, {"--totals", &o.totals}};
    for (std::size_t i = 1; i < std::size(outputs); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (*outputs[i].second == "-" &&
                (j == 0 ? is_stdout(o.output) : *outputs[j].second == "-"))
                return usage_failure(std::string(outputs[j].first) + " and " + outputs[i].first +
                                     " cannot both be standard output");
    // An output must not overwrite an input or another output.
    for (const auto& [out_name, out_path] : outputs) {
        if (is_stdout(*out_path))
            continue;
        for (const auto& [in_name, in_path] : inputs)
            if (!in_path->empty() && *in_path != "-" && same_file(*out_path, *in_path))
                return usage_failure(std::string(out_name) + " and " + in_name +
                                     " name the same file " + shown(*out_path) +
                                     " (the input would be overwritten)");
    }
    for (std::size_t i = 1; i < std::size(outputs); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const std::string &a = *outputs[j].second, &b = *outputs[i].second;
            if (!is_stdout(a) && !is_stdout(b) && same_file(a, b))
                return usage_failure(std::string(outputs[j].first) + " and " + outputs[i].first +
                                     " name the same file " + shown(a));
        }
    return std::nullopt;
}

// An input file, or standard input for "-".
struct input {
    std::ifstream file;
    std::istream* stream = nullptr;
    bool open(const std::string& path) {
        if (path == "-") {
            stream = &std::cin;
            return true;
        }
        file.open(path, std::ios::binary);
        stream = &file;
        return file.is_open();
    }
};

bool cannot_open(const std::string& what, const std::string& path, bool writing = false) {
    std::cerr << "tariff-calc: " << tc::printable(path) << ": cannot "
              << (writing ? "write" : "read") << " the " << what << " file ("
              << std::strerror(errno) << ")\n";
    return false;
}

// Output through a buffer of whole rows: rows are added only once assessed,
// so a stream never holds part of a row. A regular file is written under a
// temporary name in its directory and renamed over the file by commit(): a
// run that fails leaves the file as it was (the temporary is removed). A
// device or a pipe (/dev/stdout, a FIFO) is written directly.
class output {
public:
    output() = default;
    output(const output&) = delete;
    output& operator=(const output&) = delete;
    ~output() { discard(); }

    bool open(const std::string& path) {
        if (is_stdout(path)) {
            stream_ = &std::cout;
            return true;
        }
        struct stat existing {};
        const bool exists = ::stat(path.c_str(), &existing) == 0;
        if (exists && !S_ISREG(existing.st_mode)) {
            file_.open(path, std::ios::binary | std::ios::trunc);
            stream_ = &file_;
            return file_.is_open();
        }
        // An existing file is replaced only if it could be written (a
        // read-only file stays read-only); through a symbolic link, the file
        // it names is replaced, not the link.
        if (exists && ::access(path.c_str(), W_OK) != 0)
            return false;
        const std::string real = exists ? resolved(path) : path;
        if (real.empty())
            return false;
        // A unique name next to the file: ".NAME.tariff-calc-XXXXXX".
        const std::string dir = directory_of(real);
        std::string temp = (dir.empty()  ? ""
                            : dir == "/" ? "/"
                                         : dir + "/") +
                           "." + real.substr(dir.empty() ? 0 : real.rfind('/') + 1) +
                           ".tariff-calc-XXXXXX";
        const int fd = ::mkstemp(temp.data());
        if (fd < 0)
            return false;
        // The mode the file would get (or has): mkstemp's is 0600.
        mode_t mode = 0;
        if (exists) {
            mode = existing.st_mode & 07777;
        } else {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            mode = 0666 & ~mask;
        }
        const bool moded = ::fchmod(fd, mode) == 0;
        ::close(fd);
        temp_ = temp;
        target_ = real;
        if (!moded)
            return false;
        file_.open(temp_, std::ios::binary | std::ios::trunc);
        stream_ = &file_;
        return file_.is_open();
    }
    tc::text_buffer& buffer() noexcept { return buffer_; }
    // Whether maybe_flush() will write.
    bool full() const noexcept { return buffer_.size() >= (1 << 16); }
    // Writes the buffer once it holds 64 KiB; false if the stream failed.
    bool maybe_flush() { return !full() || flush(); }
    bool flush() {
        if (!buffer_.empty())
            stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
        stream_->flush();
        return static_cast<bool>(*stream_);
    }
    // Writes what is left and puts the file in place; false if that failed.
    bool commit() {
        if (!flush())
            return false;
        if (temp_.empty())
            return true;
        file_.close();
        if (!file_ || std::rename(temp_.c_str(), target_.c_str()) != 0)
            return false;
        temp_.clear();
        return true;
    }
    // Leaves the file as it was: removes the temporary, if any.
    void discard() noexcept {
        if (temp_.empty())
            return;
        if (file_.is_open())
            file_.close();
        std::remove(temp_.c_str());
        temp_.clear();
    }

private:
    std::ofstream file_;
    std::ostream* stream_ = nullptr;
    std::string temp_, target_; // a regular file: written as temp_, renamed to target_
    tc::text_buffer buffer_;
};

// A progress line on standard error, shown only when it is a terminal and the
// run has taken over a second (since `started`); redrawn at most five times a
// second, and cleared (with the terminal's erase-line) before any message and
// at the end.
class progress_line {
public:
    using clock = std::chrono::steady_clock;
    progress_line(bool terminal, clock::time_point started)
        : on_(terminal), start_(started), last_(started) {}
    progress_line(const progress_line&) = delete;
    progress_line& operator=(const progress_line&) = delete;
    ~progress_line() { clear(); }

    void tick(std::size_t assessed, std::size_t rejected) {
        if (!on_)
            return;
        const auto now = clock::now();
        if (now - start_ < std::chrono::seconds(1) ||
            (shown_ && now - last_ < std::chrono::milliseconds(200)))
            return;
        last_ = now;
        shown_ = true;
        const auto tenths =
            std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count() / 100;
        std::cerr << "\rtariff-calc: assessed " << assessed << ", rejected " << rejected << " ("
                  << tenths / 10 << '.' << tenths % 10 << " s)\x1b[K" << std::flush;
    }
    void clear() {
        if (!shown_)
            return;
        std::cerr << "\r\x1b[K" << std::flush;
        shown_ = false;
    }

private:
    bool on_;
    bool shown_ = false;
    clock::time_point start_, last_;
};

template <tariff::currency_tag C>
int run(const options& o) {
    // The schedule and the rates first: if either is invalid nothing is assessed.
    input schedule_in;
    if (!schedule_in.open(o.schedule))
        return cannot_open("schedule", o.schedule), file_error;
    tc::schedule<C> schedule;
    {
        const std::string schedule_name =
            o.schedule == "-" ? "(standard input)" : tc::printable(o.schedule);
        tc::diagnostics diag(std::cerr, schedule_name);
        if (!schedule.load(*schedule_in.stream, diag)) {
            std::cerr << "tariff-calc: " << schedule_name << ": the schedule is invalid ("
                      << diag.count() << (diag.count() == 1 ? " problem" : " problems")
                      << "); nothing was assessed\n";
            return file_error;
        }
    }
    std::optional<tc::exchange_rates> rates;
    if (!o.rates.empty()) {
        input rates_in;
        if (!rates_in.open(o.rates))
            return cannot_open("exchange rates", o.rates), file_error;
        rates.emplace(C::code);
        const std::string rates_name = o.rates == "-" ? "(standard input)" : tc::printable(o.rates);
        tc::diagnostics diag(std::cerr, rates_name);
        if (!rates->load(*rates_in.stream, diag)) {
            std::cerr << "tariff-calc: " << rates_name << ": the exchange rates are invalid ("
                      << diag.count() << (diag.count() == 1 ? " problem" : " problems")
                      << "); nothing was assessed\n";
            return file_error;
        }
    }
    std::optional<tc::additional_codes<C>> codes;
    if (!o.additional_codes.empty()) {
        input codes_in;
        if (!codes_in.open(o.additional_codes))
            return cannot_open("additional codes", o.additional_codes), file_error;
        codes.emplace();
        const std::string codes_name =
            o.additional_codes == "-" ? "(standard input)" : tc::printable(o.additional_codes);
        tc::diagnostics diag(std::cerr, codes_name);
        if (!codes->load(*codes_in.stream, diag)) {
            std::cerr << "tariff-calc: " << codes_name << ": the additional codes are invalid ("
                      << diag.count() << (diag.count() == 1 ? " problem" : " problems")
                      << "); nothing was assessed\n";
            return file_error;
        }
    }
    input entries_in;
    if (!entries_in.open(o.entries))
        return cannot_open("entries", o.entries), file_error;
    output out;
    if (!out.open(o.output))
        return cannot_open("output", o.output, true), file_error;
    output summary;
    if (!o.quota_summary.empty() && !summary.open(o.quota_summary))
        return cannot_open("quota summary", o.quota_summary, true), file_error;
    output totals_out;
    if (!o.totals.empty() && !totals_out.open(o.totals))
        return cannot_open("totals", o.totals, true), file_error;

    const std::string entries_name =
        o.entries == "-" ? "(standard input)" : tc::printable(o.entries);
    tc::diagnostics diag(std::cerr, entries_name);
    tc::csv::reader reader(*entries_in.stream);
    std::vector<std::string_view> fields;
    tc::csv::error err;
    if (!tc::read_entries_header(reader, fields, err, diag))
        return file_error;

    tc::engine<C> engine(schedule, rates ? &*rates : nullptr, o.rounding, o.format);
    engine.use_header(fields);
    engine.use_additional_codes(codes ? &*codes : nullptr);
    engine.set_choice(o.choice);
    if (o.format == tc::output_format::csv) {
        out.buffer() += tc::output_header;
        if (o.choice.mode != tc::choice_mode::none)
            out.buffer() += ",path,path_reason";
        if (schedule.has_foreign_rates())
            out.buffer() += tc::foreign_rate_header;
        out.buffer() += '\n';
    }
    std::size_t assessed = 0, rejected = 0;
    bool stopped_early = false, written = true;
    tc::row_error problem;
    progress_line progress(::isatty(STDERR_FILENO) == 1, o.started);
    while (reader.next(fields, err)) {
        progress.tick(assessed, rejected);
        if (err) {
            progress.clear();
            diag.report(err);
        } else if (engine.assess(fields, out.buffer(), problem)) {
            ++assessed;
            // Standard output may be the same terminal: no rows after the line.
            if (out.full())
                progress.clear();
            if (out.maybe_flush())
                continue;
            written = false; // no use assessing what cannot be written
            break;
        } else {
            progress.clear();
            diag.report(reader.line(), problem.field, problem.message);
        }
        ++rejected;
        if (o.strict) {
            stopped_early = true;
            break;
        }
    }
    engine.flush_consignment(out.buffer()); // the last consignment, or the one --strict stopped
    const bool read_failed = err.code == tc::csv::problem::read_error;
    progress.clear();
    if (read_failed)
        diag.report_file("cannot be read to the end");

    // The totals: at the end of a jsonl or table output; in --totals, if given.
    engine.totals().rejected = rejected;
    if (written && o.format == tc::output_format::jsonl)
        tc::write_totals_jsonl(out.buffer(), engine.totals(), C::code, C::minor_digits);
    else if (written && o.format == tc::output_format::table)
        tc::write_totals_table(out.buffer(), engine.totals(), C::code, C::minor_digits);
    if (!o.totals.empty())
        tc::write_totals_csv(totals_out.buffer(), engine.totals(), C::code, C::minor_digits);
    written = written && out.flush();
    if (!written)
        cannot_open("output", is_stdout(o.output) ? "standard output" : o.output, true);
    if (!o.quota_summary.empty())
        engine.write_quota_summary(summary.buffer());
    if (stopped_early)
        std::cerr << "tariff-calc: stopped at the first bad entry (--strict); " << assessed
                  << (assessed == 1 ? " entry" : " entries") << " assessed before it\n";
    else if (rejected > 0)
        std::cerr << "tariff-calc: " << assessed << (assessed == 1 ? " entry" : " entries")
                  << " assessed, " << rejected << " rejected\n";
    if (read_failed || !written)
        return file_error; // the files are left as they were
    // The output first: a summary is never put in place without its output.
    if (!out.commit())
        return cannot_open("output", is_stdout(o.output) ? "standard output" : o.output, true),
               file_error;
    if (!o.quota_summary.empty() && !summary.commit())
        return cannot_open("quota summary", o.quota_summary, true), file_error;
    if (!o.totals.empty() && !totals_out.commit())
        return cannot_open("totals", o.totals, true), file_error;
    if (stopped_early)
        return stopped;
    return rejected > 0 ? rows_rejected : ok;
}

int run_with(const options& o) {
    // The work is instantiated for each schedule currency the program offers
    // (parse_arguments accepts only these).
    if (o.currency == "USD")
        return run<tariff::USD>(o);
    if (o.currency == "EUR")
        return run<tariff::EUR>(o);
    if (o.currency == "GBP")
        return run<tariff::GBP>(o);
    return run<tariff::CAD>(o);
}

} // namespace

// Everything is caught here: an exception that reaches main is a defect (the
// library reports bad figures as errors, and every entry's arithmetic is
// caught in the engine), so it ends the run with status 5 and a message
// rather than std::terminate. The output files' destructors have removed
// their temporaries by then: the files are as they were.
int main(int argc, char** argv) {
    try {
        std::ios::sync_with_stdio(false);
        options o;
        if (const auto stop = parse_arguments(argc, argv, o))
            return *stop;
        return run_with(o);
    } catch (const std::bad_alloc&) {
        std::cerr << "tariff-calc: internal error: out of memory; no output file was written\n";
    } catch (const std::exception& e) {
        std::cerr << "tariff-calc: internal error: " << e.what()
                  << "; no output file was written\n";
    } catch (...) {
        std::cerr << "tariff-calc: internal error: an unknown exception; no output file was "
                     "written\n";
    }
    return internal_error;
}
