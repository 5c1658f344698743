// The duty-text parser measured on real schedules (issue 11, "Measure").
//
//   corpus_test <schedules dir> [--failures N]
//
// <schedules dir> is ../shared/schedules next to the project (see its
// README.md): every distinct duty text of the US HTS 2026 Revision 10, the EU
// CET 2020, the UK Global Tariff 2021 and a sample of Canada's Customs Tariff,
// one JSON object a line ({"text": ..., "lines": N, "parts": [...]}). The data
// is read where it lies, never copied into the project. Where the folder is
// absent the program says so and exits with 77, which CTest reports as
// skipped (SKIP_RETURN_CODE).
//
// It prints, per file, how many texts parse, are recognised as legal wording
// (errc::legal_wording: "See 9823.04.01", "No change", ...) or are malformed,
// for distinct texts and for tariff-line cells (each text weighted by its
// "lines"). In the special-rate files a cell holds several rate parts
// ("parts"): a distinct text there is a part, and a cell counts as parsed when
// every part parses, as legal wording when the others parse, else malformed.
//
// A text is parsed when try_parse_duty reads it, or else
// try_parse_seasonal_duty (seasonal rates: "8.50% (01 JAN-31 MAY, 1 NOV-31
// DEC), 12.00% (01 JUN-31 OCT)") or try_parse_duty_template (Meursing
// placeholders: "8.30% + EA MAX 18.70% + ADSZ"); a second table says which
// parser read the cells.
//
// It fails (exit 1) only when a parsed text's canonical form (to_string) does
// not parse back, by the same parser, to the same value, or a file cannot be read: the share
// that parses is a measurement, recorded in docs/corpus.md. --failures N lists
// the N malformed texts that weigh most (by lines), with the parser's reason.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/parse.hpp>
#include <tariff/schedule_io.hpp>

namespace {

enum class outcome { parsed, legal, malformed };
// Which parser read a parsed text: try_parse_duty, try_parse_seasonal_duty,
// try_parse_duty_template.
enum class reader { duty, seasonal, placeholders, count };

struct record {
    std::string text;
    long long lines = 0;
    std::vector<std::string> parts;
};

// --- a reader for the one JSON shape these files use ------------------------------

struct json_reader {
    std::string_view s;
    std::size_t i = 0;
    bool ok = true;

    void space() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
            ++i;
    }
    bool expect(char c) {
        space();
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        ok = false;
        return false;
    }
    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    std::string string() {
        std::string out;
        if (!expect('"'))
            return out;
        while (i < s.size() && s[i] != '"') {
            if (s[i] != '\\') {
                out += s[i++];
                continue;
            }
            if (++i >= s.size())
                break;
            const char e = s[i++];
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                if (i + 4 > s.size()) {
                    ok = false;
                    return out;
                }
                const unsigned cp =
                    static_cast<unsigned>(std::stoul(std::string(s.substr(i, 4)), nullptr, 16));
                i += 4;
                append_utf8(out, cp); // the files hold no surrogate pairs
                break;
            }
            default: // " \ /
                out += e;
            }
        }
        expect('"');
        return out;
    }
    long long integer() {
        space();
        long long v = 0;
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i++] - '0');
        ok = ok && i > start;
        return v;
    }
    record object() {
        record r;
        if (!expect('{'))
            return r;
        for (;;) {
            const std::string key = string();
            expect(':');
            if (key == "text") {
                r.text = string();
            } else if (key == "lines") {
                r.lines = integer();
            } else if (key == "parts") {
                expect('[');
                space();
                if (i < s.size() && s[i] == ']') {
                    ++i;
                } else {
                    do {
                        r.parts.push_back(string());
                        space();
                    } while (ok && i < s.size() && s[i] == ',' && ++i);
                    expect(']');
                }
            } else {
                ok = false;
            }
            space();
            if (!ok || i >= s.size() || s[i] != ',')
                break;
            ++i;
        }
        expect('}');
        return r;
    }
};

// --- measuring -------------------------------------------------------------------

struct tally {
    long long parsed = 0, legal = 0, malformed = 0;
    void add(outcome o, long long n) {
        (o == outcome::parsed ? parsed : o == outcome::legal ? legal : malformed) += n;
    }
    long long total() const { return parsed + legal + malformed; }
};

struct failure {
    std::string text;
    std::string reason;
    long long lines = 0;
};

struct file_report {
    tally distinct, cells;
    std::vector<failure> failures;
    int round_trip_errors = 0;
    // Distinct legal-wording texts whose add-on parse_add_on reads (a
    // reference to another provision's duty, with or without "+ 25%"), and
    // those with a nonzero add-on.
    long long add_ons = 0, nonzero_add_ons = 0;
    // Parsed distinct texts and cells, by the parser that read them.
    long long distinct_by[static_cast<int>(reader::count)] = {};
    long long cells_by[static_cast<int>(reader::count)] = {};
    std::map<std::string, reader> read_by;
};

// Parses `text` with `parse`, and checks that its canonical text parses back
// equal; true if it parsed.
template <class Parse>
bool read_and_round_trip(const std::string& text, Parse parse, file_report& report) {
    const auto r = parse(text);
    if (!r.ok())
        return false;
    const std::string canonical = tariff::to_string(r.value());
    const auto again = parse(canonical);
    if (!again.ok() || !(again.value() == r.value())) {
        std::printf("ROUND TRIP FAILED: \"%s\" -> \"%s\"%s%s\n", text.c_str(), canonical.c_str(),
                    again.ok() ? "" : ": ", again.ok() ? "" : again.error().reason);
        ++report.round_trip_errors;
    }
    return true;
}

template <tariff::currency_tag C>
outcome classify(const std::string& text, file_report& report,
                 std::map<std::string, long long>& weight, long long lines) {
    const auto r = tariff::try_parse_duty<C>(text);
    if (read_and_round_trip(
            text, [](std::string_view t) { return tariff::try_parse_duty<C>(t); }, report)) {
        report.read_by[text] = reader::duty;
        return outcome::parsed;
    }
    if (read_and_round_trip(
            text, [](std::string_view t) { return tariff::try_parse_seasonal_duty<C>(t); },
            report)) {
        report.read_by[text] = reader::seasonal;
        return outcome::parsed;
    }
    if (read_and_round_trip(
            text, [](std::string_view t) { return tariff::try_parse_duty_template<C>(t); },
            report)) {
        report.read_by[text] = reader::placeholders;
        return outcome::parsed;
    }
    if (r.error().code == tariff::errc::legal_wording) {
        const auto add_on = tariff::try_parse_add_on<C>(text);
        if (add_on.ok()) {
            ++report.add_ons;
            if (!(add_on.value().expression == tariff::duty_expression<C>(tariff::duty_free)))
                ++report.nonzero_add_ons;
        }
        return outcome::legal;
    }
    if (weight.find(text) == weight.end()) {
        // A seasonal cell: the seasonal parser's reason says more.
        const auto seasonal = tariff::try_parse_seasonal_duty<C>(text);
        const bool dates = std::string_view(r.error().reason).rfind("dates in parentheses", 0) == 0;
        report.failures.push_back(
            {text, dates && !seasonal.ok() ? seasonal.error().reason : r.error().reason, 0});
    }
    weight[text] += lines;
    return outcome::malformed;
}

template <tariff::currency_tag C>
file_report measure(const std::vector<record>& records, bool special) {
    file_report report;
    std::map<std::string, outcome> seen; // distinct texts (parts in a special file)
    std::map<std::string, long long> weight;
    for (const record& r : records) {
        std::vector<std::string> texts = special ? r.parts : std::vector<std::string>{r.text};
        if (texts.empty())
            texts.push_back(r.text);
        outcome cell = outcome::parsed;
        for (const std::string& t : texts) {
            auto it = seen.find(t);
            if (it == seen.end()) {
                it = seen.emplace(t, classify<C>(t, report, weight, 0)).first;
                report.distinct.add(it->second, 1);
                if (it->second == outcome::parsed)
                    ++report.distinct_by[static_cast<int>(report.read_by[t])];
            }
            if (it->second == outcome::malformed)
                weight[t] += r.lines;
            if (it->second == outcome::malformed ||
                (it->second == outcome::legal && cell == outcome::parsed))
                cell = it->second;
        }
        report.cells.add(cell, r.lines);
        if (cell == outcome::parsed) {
            // The cell's reader: the most specific one any of its parts needed.
            reader by = reader::duty;
            for (const std::string& t : texts)
                by = std::max(by, report.read_by[t]);
            report.cells_by[static_cast<int>(by)] += r.lines;
        }
    }
    for (failure& f : report.failures)
        f.lines = weight[f.text];
    std::stable_sort(report.failures.begin(), report.failures.end(),
                     [](const failure& a, const failure& b) { return a.lines > b.lines; });
    return report;
}

std::string percent(long long part, long long whole) {
    if (whole == 0)
        return "-";
    // One decimal, rounded half up, in integers: 1000 * part / whole tenths of a percent.
    const long long tenths = (2000 * part / whole + 1) / 2;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " %";
}

std::string row(const tally& t) {
    const long long evaluable = t.parsed + t.malformed;
    return std::to_string(t.parsed) + " / " + std::to_string(t.legal) + " / " +
           std::to_string(t.malformed) + " of " + std::to_string(t.total()) + " (" +
           percent(t.parsed, t.total()) + " parsed; " + percent(t.parsed, evaluable) +
           " of those not legal wording)";
}

struct file_spec {
    const char* name;
    const char* currency; // from the schedules' README.md
    bool special;
};

constexpr file_spec files[] = {
    {"us-hts-2026r10-ch01-97.general.jsonl", "USD", false},
    {"us-hts-2026r10-ch01-97.other.jsonl", "USD", false},
    {"us-hts-2026r10-ch01-97.special.jsonl", "USD", true},
    {"us-hts-2026r10-ch98-99.general.jsonl", "USD", false},
    {"us-hts-2026r10-ch98-99.other.jsonl", "USD", false},
    {"us-hts-2026r10-ch98-99.special.jsonl", "USD", true},
    {"eu-cet-2020.cet.jsonl", "EUR", false},
    {"uk-ukgt-2021.ukgt.jsonl", "GBP", false},
    {"ca-customs-tariff-2026r3-sample.mfn.jsonl", "CAD", false},
    {"ca-customs-tariff-2026r3-sample.general.jsonl", "CAD", false},
};

} // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path dir = argc > 1 ? argv[1] : "";
    long failures_to_list = 0;
    for (int a = 2; a + 1 < argc; ++a)
        if (std::string_view(argv[a]) == "--failures")
            failures_to_list = std::atol(argv[a + 1]);
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        std::printf(
            "corpus: skipped: no schedules folder at \"%s\" (it is ../shared/schedules next "
            "to the project; set -DTARIFF_SCHEDULES_DIR=<folder> to measure)\n",
            dir.string().c_str());
        return 77;
    }

    std::printf("| file | currency | distinct texts: parsed / legal wording / malformed | "
                "tariff-line cells: parsed / legal wording / malformed |\n|---|---|---|---|\n");
    int errors = 0;
    std::vector<std::pair<std::string, failure>> worst;
    std::string add_on_lines, reader_lines;
    for (const file_spec& f : files) {
        std::ifstream in(dir / f.name);
        if (!in) {
            std::printf("corpus: cannot read %s\n", (dir / f.name).string().c_str());
            ++errors;
            continue;
        }
        std::vector<record> records;
        std::string line;
        int line_number = 0;
        while (std::getline(in, line)) {
            ++line_number;
            if (line.empty())
                continue;
            json_reader reader{line};
            records.push_back(reader.object());
            if (!reader.ok) {
                std::printf("corpus: %s:%d: not the expected JSON object\n", f.name, line_number);
                ++errors;
            }
        }
        const std::string_view code = f.currency;
        const file_report r = code == "USD"   ? measure<tariff::USD>(records, f.special)
                              : code == "EUR" ? measure<tariff::EUR>(records, f.special)
                              : code == "GBP" ? measure<tariff::GBP>(records, f.special)
                                              : measure<tariff::CAD>(records, f.special);
        std::printf("| %s | %s | %s | %s |\n", f.name, f.currency, row(r.distinct).c_str(),
                    row(r.cells).c_str());
        errors += r.round_trip_errors;
        reader_lines += "| " + std::string(f.name);
        for (int k = 0; k < static_cast<int>(reader::count); ++k)
            reader_lines +=
                " | " + std::to_string(r.distinct_by[k]) + " / " + std::to_string(r.cells_by[k]);
        reader_lines += " |\n";
        if (r.distinct.legal > 0)
            add_on_lines += "| " + std::string(f.name) + " | " + std::to_string(r.distinct.legal) +
                            " | " + std::to_string(r.add_ons) + " | " +
                            std::to_string(r.nonzero_add_ons) + " |\n";
        for (const failure& x : r.failures)
            worst.emplace_back(f.name, x);
    }
    std::printf("\nParsed, by the parser that read them (distinct texts / cells):\n\n"
                "| file | try_parse_duty | try_parse_seasonal_duty | try_parse_duty_template "
                "|\n|---|---:|---:|---:|\n%s",
                reader_lines.c_str());
    std::printf("\nLegal wording (distinct texts) and what parse_add_on reads of it:\n\n"
                "| file | legal wording | references read by parse_add_on | with an add-on "
                "(+ 25%%, minus 0.5%%) |\n|---|---:|---:|---:|\n%s",
                add_on_lines.c_str());
    if (failures_to_list > 0) {
        std::stable_sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) {
            return a.second.lines > b.second.lines;
        });
        std::printf("\nmalformed texts, heaviest first (lines, file, text, reason):\n");
        for (std::size_t k = 0; k < worst.size() && k < static_cast<std::size_t>(failures_to_list);
             ++k)
            std::printf("%6lld  %-40s  %s   [%s]\n", worst[k].second.lines, worst[k].first.c_str(),
                        worst[k].second.text.c_str(), worst[k].second.reason.c_str());
    }
    if (errors != 0) {
        std::printf("corpus: %d error(s)\n", errors);
        return 1;
    }
    return 0;
}
