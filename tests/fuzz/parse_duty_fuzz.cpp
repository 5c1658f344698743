// Fuzz target: the duty text parser.
//
// Properties checked on every input:
//   - parse_duty never crashes, hangs or reads out of bounds (the sanitizers);
//   - a rejected text reports a position inside the text (or at its end);
//   - an accepted text prints to a canonical text that parses back to the
//     same expression (the round trip the docs promise);
//   - evaluating an accepted expression on a base that declares every
//     quantity either gives money or a documented error, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <tariff/io.hpp>
#include <tariff/parse.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tariff;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = try_parse_duty<CAD>(text);
    if (!parsed.ok()) {
        if (parsed.error().position > text.size() || parsed.error().reason[0] == '\0')
            std::abort();
        return 0;
    }
    const std::string canonical = to_string(parsed.value());
    const auto again = try_parse_duty<CAD>(canonical);
    if (!again.ok() || !(again.value() == parsed.value()))
        std::abort();

    auto base = duty_base<CAD>(money<CAD>::from_minor_units(123'456'78));
    base = base.with(unit_info_of<units::kilogram>, decimal::from_parts(1'234'567, 3))
               .with(unit_info_of<units::litre>, decimal(250))
               .with(unit_info_of<units::each>, decimal(12))
               .with(unit_info_of<units::litre_pure_alcohol>, decimal::from_parts(975, 1))
               .with(unit_info_of<units::square_metre>, decimal(40))
               .with(unit_info_of<units::kilowatt_hour>, decimal(1000));
    const auto duty = parsed.value().try_explain(base);
    if (duty.ok() && duty.value().amount < money<CAD>{})
        std::abort(); // never negative
    return 0;
}
