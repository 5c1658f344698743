// Fuzz target: the seasonal-duty parser and the duty-template (Meursing
// placeholder) parser.
//
// Properties checked on every input, for both parsers:
//   - they never crash, hang or read out of bounds (the sanitizers);
//   - a rejected text reports a position inside the text (or at its end) and
//     a reason;
//   - an accepted text prints to a canonical text that parses back equal;
//   - a seasonal duty gives, for every day of a leap year, the duty of the one
//     season that covers it or errc::no_season, and no two seasons overlap;
//   - a template resolves with a full table to an expression with no
//     placeholder, or reports a documented error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <tariff/io.hpp>
#include <tariff/schedule_io.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tariff;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto seasonal = try_parse_seasonal_duty<EUR>(text);
    if (!seasonal.ok()) {
        if (seasonal.error().position > text.size() || seasonal.error().reason[0] == '\0')
            std::abort();
    } else {
        const std::string canonical = to_string(seasonal.value());
        const auto again = try_parse_seasonal_duty<EUR>(canonical);
        if (!again.ok() || !(again.value() == seasonal.value()))
            std::abort();
        const auto& s = seasonal.value();
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= date::days_in_month(2024, m); ++d) {
                const date day(2024, m, d);
                int covering = 0;
                for (std::size_t i = 0; i < s.season_count(); ++i)
                    covering += s.season_at(i).contains(day) ? 1 : 0;
                const auto duty = s.try_at(day);
                if (covering > 1 || (covering == 1) != duty.ok() ||
                    (!duty.ok() && duty.error() != errc::no_season))
                    std::abort();
            }
    }

    const auto templ = try_parse_duty_template<EUR>(text);
    if (!templ.ok()) {
        if (templ.error().position > text.size() || templ.error().reason[0] == '\0')
            std::abort();
        return 0;
    }
    const std::string canonical = to_string(templ.value());
    const auto again = try_parse_duty_template<EUR>(canonical);
    if (!again.ok() || !(again.value() == templ.value()))
        std::abort();
    auto table = placeholder_table<EUR>();
    for (std::size_t c = 0; c < duty_placeholder_count; ++c)
        table =
            table.with(static_cast<duty_placeholder>(c),
                       duty_expression<EUR>::specific(decimal(20), unit_info_of<units::kilogram>));
    const auto resolved = templ.value().try_resolve(table);
    if (resolved.ok()) {
        if (!duty_template<EUR>(resolved.value()).resolved())
            std::abort();
    } else if (resolved.error() != errc::invalid_argument) {
        std::abort(); // only the capacity can fail with a full table
    }
    return 0;
}
