// tariff-calc: assesses a stream of customs entries against a tariff schedule.
//
//   tariff-calc --schedule FILE --entries FILE [--rates FILE] [--currency CAD]
//               [--output FILE] [--quota-summary FILE] [--rounding MODE] [--strict]
//
// Entries are read, assessed and written one at a time, in file order
// (quotas are allocated first come, first served in that order); a bad entry
// is reported on standard error as file:line: field: message and skipped.
// The formats, the messages and the exit codes are in docs/tariff-calc.md.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    file_error = 3,  // a file cannot be read or written, or the schedule or rates are invalid
    stopped = 4,     // --strict: stopped at the first bad entry
};

constexpr std::string_view usage = R"(usage: tariff-calc --schedule FILE --entries FILE [options]

Assesses customs entries against a tariff schedule: one output row per entry,
with the duties (MFN, surtaxes, in-quota duty) and taxes, each rounded to the
minor unit. Entries are processed in file order; quotas are allocated first
come, first served in that order.

  --schedule FILE        the schedule CSV: tariff lines, surtaxes, taxes, quotas
  --entries FILE         the entries CSV ('-': standard input)
  --rates FILE           exchange rates CSV, for entries in other currencies
  --currency CODE        the schedule's currency: CAD (default), USD, EUR or GBP
  --output FILE          the assessed entries CSV (default: standard output)
  --quota-summary FILE   write each quota period's volume, use and balance as CSV
                         ('-': standard output; default: not written)
  --rounding MODE        how each duty and tax is rounded to the minor unit:
                         half_even (default), half_up, half_down, toward_zero,
                         away_from_zero, floor, ceiling
  --strict               stop at the first bad entry
  --help                 show this text

A bad entry is reported on standard error as FILE:LINE: FIELD: MESSAGE and
skipped. Exit status: 0 every entry assessed; 1 some entries rejected;
2 usage error; 3 a file cannot be read or written, or the schedule or the
rates are invalid; 4 stopped at a bad entry by --strict.
See docs/tariff-calc.md for the file formats.
)";

struct options {
    std::string schedule, entries, rates, output, quota_summary;
    std::string currency = "CAD";
    tariff::rounding_mode rounding = tariff::rounding_mode::half_even;
    bool strict = false;
};

int usage_failure(const std::string& message) {
    std::cerr << "tariff-calc: " << message << "\n\n" << usage;
    return usage_error;
}

// Parses the command line; returns an exit code if the program should stop.
std::optional<int> parse_arguments(int argc, char** argv, options& o) {
    if (argc <= 1) {
        std::cerr << usage;
        return usage_error;
    }
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return ok;
        }
        if (arg == "--strict") {
            o.strict = true;
            continue;
        }
        std::optional<std::string> inline_value;  // --name=value
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            inline_value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        std::string rounding;
        std::string* target = arg == "--schedule"        ? &o.schedule
                              : arg == "--entries"       ? &o.entries
                              : arg == "--rates"         ? &o.rates
                              : arg == "--output"        ? &o.output
                              : arg == "--quota-summary" ? &o.quota_summary
                              : arg == "--currency"      ? &o.currency
                              : arg == "--rounding"      ? &rounding
                                                         : nullptr;
        if (target == nullptr) return usage_failure("unknown argument '" + std::string(argv[i]) + "'");
        if (inline_value)
            *target = *inline_value;
        else if (i + 1 < argc)
            *target = argv[++i];
        else
            target->clear();
        if (target->empty()) return usage_failure(arg + " needs a value");
        if (target != &rounding) continue;
        bool known = false;
        for (const auto m : {tariff::rounding_mode::half_even, tariff::rounding_mode::half_up,
                             tariff::rounding_mode::half_down, tariff::rounding_mode::toward_zero,
                             tariff::rounding_mode::away_from_zero, tariff::rounding_mode::floor,
                             tariff::rounding_mode::ceiling})
            if (rounding == tariff::to_string(m)) {
                o.rounding = m;
                known = true;
            }
        if (!known) return usage_failure("unknown rounding mode '" + rounding + "'");
    }
    if (o.schedule.empty()) return usage_failure("--schedule FILE is required");
    if (o.entries.empty()) return usage_failure("--entries FILE is required");
    if (o.output.empty() && o.quota_summary == "-")
        return usage_failure("--output and --quota-summary cannot both be standard output");
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
    std::cerr << "tariff-calc: " << path << ": cannot " << (writing ? "write" : "read") << " the "
              << what << " file (" << std::strerror(errno) << ")\n";
    return false;
}

// Output through a buffer of whole rows: rows are added only once assessed,
// so a stream never holds part of a row.
class output {
public:
    bool open(const std::string& path) {
        if (path.empty() || path == "-") {
            stream_ = &std::cout;
            return true;
        }
        file_.open(path, std::ios::binary | std::ios::trunc);
        stream_ = &file_;
        return file_.is_open();
    }
    tc::text_buffer& buffer() noexcept { return buffer_; }
    // Writes the buffer once it holds 64 KiB; false if the stream failed.
    bool maybe_flush() { return buffer_.size() < (1 << 16) || flush(); }
    bool flush() {
        if (!buffer_.empty())
            stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
        stream_->flush();
        return static_cast<bool>(*stream_);
    }

private:
    std::ofstream file_;
    std::ostream* stream_ = nullptr;
    tc::text_buffer buffer_;
};

template <tariff::currency_tag C>
int run(const options& o) {
    // The schedule and the rates first: if either is invalid nothing is assessed.
    input schedule_in;
    if (!schedule_in.open(o.schedule)) return cannot_open("schedule", o.schedule), file_error;
    tc::schedule<C> schedule;
    {
        tc::diagnostics diag(std::cerr, o.schedule);
        if (!schedule.load(*schedule_in.stream, diag)) {
            std::cerr << "tariff-calc: " << o.schedule << ": the schedule is invalid ("
                      << diag.count() << (diag.count() == 1 ? " problem" : " problems")
                      << "); nothing was assessed\n";
            return file_error;
        }
    }
    std::optional<tc::exchange_rates> rates;
    if (!o.rates.empty()) {
        input rates_in;
        if (!rates_in.open(o.rates)) return cannot_open("exchange rates", o.rates), file_error;
        rates.emplace(C::code);
        tc::diagnostics diag(std::cerr, o.rates);
        if (!rates->load(*rates_in.stream, diag)) {
            std::cerr << "tariff-calc: " << o.rates << ": the exchange rates are invalid ("
                      << diag.count() << (diag.count() == 1 ? " problem" : " problems")
                      << "); nothing was assessed\n";
            return file_error;
        }
    }
    input entries_in;
    if (!entries_in.open(o.entries)) return cannot_open("entries", o.entries), file_error;
    output out;
    if (!out.open(o.output)) return cannot_open("output", o.output, true), file_error;
    output summary;
    if (!o.quota_summary.empty() && !summary.open(o.quota_summary))
        return cannot_open("quota summary", o.quota_summary, true), file_error;

    tc::diagnostics diag(std::cerr, o.entries);
    tc::csv::reader reader(*entries_in.stream);
    std::vector<std::string_view> fields;
    tc::csv::error err;
    if (!reader.next(fields, err)) {
        if (err)
            diag.report_file("cannot be read");
        else
            diag.report_file("the file is empty; the first line must be the header " +
                             std::string(tc::entries_header));
        return file_error;
    }
    if (err || !tc::is_header(fields, tc::entries_header)) {
        diag.report(err ? err.line : reader.line(), "",
                    tc::header_problem(tc::entries_header, fields, err));
        return file_error;
    }
    reader.expect_fields(fields.size());

    tc::engine<C> engine(schedule, rates ? &*rates : nullptr, o.rounding);
    out.buffer() += tc::output_header;
    out.buffer() += '\n';
    std::size_t assessed = 0, rejected = 0;
    bool stopped_early = false, written = true;
    tc::row_error problem;
    while (reader.next(fields, err)) {
        if (err) {
            diag.report(err);
        } else if (engine.assess(fields, out.buffer(), problem)) {
            ++assessed;
            if (out.maybe_flush()) continue;
            written = false;  // no use assessing what cannot be written
            break;
        } else {
            diag.report(reader.line(), problem.field, problem.message);
        }
        ++rejected;
        if (o.strict) {
            stopped_early = true;
            break;
        }
    }
    const bool read_failed = err.code == tc::csv::problem::read_error;
    if (read_failed) diag.report_file("cannot be read to the end");

    written = written && out.flush();
    if (!written) cannot_open("output", o.output.empty() ? "standard output" : o.output, true);
    if (!o.quota_summary.empty()) {
        engine.write_quota_summary(summary.buffer());
        if (!summary.flush()) written = cannot_open("quota summary", o.quota_summary, true);
    }
    if (stopped_early)
        std::cerr << "tariff-calc: stopped at the first bad entry (--strict); " << assessed
                  << (assessed == 1 ? " entry" : " entries") << " assessed before it\n";
    else if (rejected > 0)
        std::cerr << "tariff-calc: " << assessed << (assessed == 1 ? " entry" : " entries")
                  << " assessed, " << rejected << " rejected\n";
    if (read_failed || !written) return file_error;
    if (stopped_early) return stopped;
    return rejected > 0 ? rows_rejected : ok;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    options o;
    if (const auto stop = parse_arguments(argc, argv, o)) return *stop;
    // The work is instantiated for each schedule currency the program offers.
    if (o.currency == "CAD") return run<tariff::CAD>(o);
    if (o.currency == "USD") return run<tariff::USD>(o);
    if (o.currency == "EUR") return run<tariff::EUR>(o);
    if (o.currency == "GBP") return run<tariff::GBP>(o);
    return usage_failure("unknown schedule currency '" + o.currency +
                         "' (choose CAD, USD, EUR or GBP)");
}
