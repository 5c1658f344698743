// Fuzz target: tariff-calc's CSV reader (tools/tariff-calc/csv.hpp).
//
// Properties checked on every input:
//   - neither parse_csv_record nor the streaming reader crashes, hangs or reads
//     out of bounds (the sanitizers), with a small maximum record length so
//     that the long-record paths run too;
//   - every error names a line >= 1, and lines never go backwards;
//   - a record that parses re-encodes (each field quoted, quotes doubled) to
//     text that parses back to the same fields.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace csv = tariff_calc::csv;
    const std::string input(reinterpret_cast<const char*>(data), size);

    // One record, parsed directly.
    std::vector<std::string_view> fields;
    std::string scratch;
    const std::string_view first = std::string_view(input).substr(0, input.find('\n'));
    if (!csv::parse_csv_record(first, fields, scratch)) {
        const std::vector<std::string> copy(fields.begin(), fields.end());
        std::string encoded;
        for (std::size_t i = 0; i < copy.size(); ++i) {
            if (i > 0)
                encoded += ',';
            encoded += '"';
            for (const char c : copy[i])
                encoded += c == '"' ? std::string("\"\"") : std::string(1, c);
            encoded += '"';
        }
        std::vector<std::string_view> again;
        std::string scratch2;
        if (csv::parse_csv_record(encoded, again, scratch2))
            std::abort();
        if (again.size() != copy.size())
            std::abort();
        for (std::size_t i = 0; i < copy.size(); ++i)
            if (again[i] != copy[i])
                std::abort();
    }

    // The whole input, streamed with a small maximum record length.
    std::istringstream in(input);
    csv::reader reader(in, 64);
    if (!input.empty() && input[0] == '3')
        reader.expect_fields(3);
    csv::error err;
    std::size_t last_line = 0, records = 0;
    while (reader.next(fields, err)) {
        if (err && (err.line == 0 || err.line < last_line))
            std::abort();
        if (err)
            last_line = err.line;
        if (++records > size + 1)
            std::abort(); // more records than bytes: a loop
    }
    return 0;
}
