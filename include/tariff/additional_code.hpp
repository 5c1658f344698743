// tariff/additional_code.hpp: the placeholders of the EU's Meursing additional
// codes, as the Common Customs Tariff prints them in a duty ("8.30 % + EA MAX
// 18.70 % + ADSZ").
//
// For goods of CN Annex I, Part Three, Section I, Annex 1 (confectionery,
// biscuits, ice cream, ... : Council Regulation (EEC) No 2658/87, the
// Combined Nomenclature) the duty has an agricultural component whose amount
// depends on the goods' milk fat, milk protein, starch/glucose and sucrose
// content: the Meursing table gives, for the goods' four-digit additional code
// (7000 to 7999), an amount per 100 kg for each placeholder. The duty text
// leaves that amount as a placeholder; duty_template (meursing.hpp) keeps it,
// and resolve() puts the caller's amounts in its place.
#pragma once

#include <cstdint>
#include <string_view>

namespace tariff {

enum class duty_placeholder : std::uint8_t {
    EA,    // agricultural component (element agricole)
    EAR,   // agricultural component, reduced (for a preference)
    ADSZ,  // additional duty on sugar (droit additionnel sucre)
    ADSZR, // additional duty on sugar, reduced
    ADFM,  // additional duty on flour (droit additionnel farine)
    ADFMR, // additional duty on flour, reduced
};

// How many placeholders there are (the size of a placeholder table).
inline constexpr std::size_t duty_placeholder_count = 6;

// "EA", "EAR", "ADSZ", "ADSZR", "ADFM", "ADFMR": as the tariff prints them.
constexpr std::string_view name_of(duty_placeholder p) noexcept {
    switch (p) {
    case duty_placeholder::EA:
        return "EA";
    case duty_placeholder::EAR:
        return "EAR";
    case duty_placeholder::ADSZ:
        return "ADSZ";
    case duty_placeholder::ADSZR:
        return "ADSZR";
    case duty_placeholder::ADFM:
        return "ADFM";
    case duty_placeholder::ADFMR:
        return "ADFMR";
    }
    return "?";
}

} // namespace tariff
