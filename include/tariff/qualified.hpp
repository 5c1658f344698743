// tariff/qualified.hpp: quantities qualified by a property of the goods, as
// schedules write them.
//
//   EU  1.75 EUR / % vol / hl              per hl per 1 % vol of alcohol
//       0.40 EUR / 100 kg /net/ % sacchar. per 100 kg net per 1 % of sucrose
//       1.31 EUR / kg / lactic matter      per kg of lactic matter (mass x content)
//       9.40 EUR / 100 kg / net drained wt per 100 kg of drained weight
//       50.70 EUR / 100 kg / net dry       per 100 kg of dry matter
//   UK  7.80 GBP/100kg eda, 42.00 GBP/100kg mas (drained weight, dry matter)
//   US  7.4¢/kg on drained weight, 8.8¢/kg on copper content, 3.6606¢/kg of
//       total sugars, 77.2¢/clean kg, 5¢/kg on contents and container,
//       1.4606¢/kg less 0.020668¢/kg for each degree under 100 degrees (...)
//   CA  12.28 ¢/litre of absolute ethyl alcohol (a litre of pure alcohol)
//
// A quantity times a property (% vol / hl) is a unit of per_property<Of,
// Property> (units.hpp): the entry declares the quantity and the property
// (25 hl, 12.5 % vol) and the duty is charged on their product. A qualified
// quantity (the drained weight, the copper content) is a dimension of its own,
// qualified<Of, "name">: the entry declares it (10 kg of drained weight) and a
// rate per it needs it, not the entry's mass.
//
// The unit names below are what the duty parser reads after a rate's "/"
// (detail::qualified_unit_aliases); the first name of each unit is its symbol,
// so that every duty prints as a text that parses back to it.
#pragma once

#include <string_view>

#include "units.hpp"

namespace tariff {

// Qualified quantities the schedules name. EU/UK "eda" and "net drained wt"
// are the net drained weight, "mas" and "net dry" the net dry matter (the
// abbreviations of the Combined Nomenclature: "kg/net eda" the kilogram of net
// drained mass, "100 kg/net mas" 100 kg of net dry matter). "std qual" (EU
// sugar: 100 kg of the standard quality) and "tot alc" are kept as named
// qualifiers: the entry declares the quantity in them.
struct drained_weight : qualified<mass, "drained weight"> {};
struct dry_matter : qualified<mass, "dry matter"> {};
// The gross weight: the goods with their immediate containers (EU "/ gross",
// US "on contents and container", "including weight of container").
struct gross_weight : qualified<mass, "gross weight"> {};
struct total_sugars : qualified<mass, "total sugars"> {};
struct standard_quality : qualified<mass, "standard quality"> {};
struct total_alcohol : qualified<mass, "total alcohol"> {};
struct clean_yield : qualified<mass, "clean yield"> {}; // wool: US "clean kg"
struct copper_content : qualified<mass, "copper content"> {};
struct lead_content : qualified<mass, "lead content"> {};
struct zinc_content : qualified<mass, "zinc content"> {};
struct molybdenum_content : qualified<mass, "molybdenum content"> {};
struct tungsten_content : qualified<mass, "tungsten content"> {};
struct magnesium_content : qualified<mass, "magnesium content"> {};
struct manganese_content : qualified<mass, "manganese content"> {};
struct silicon_content : qualified<mass, "silicon content"> {};
struct anhydrous_morphine_content : qualified<mass, "anhydrous morphine content"> {};
struct recording_surface : qualified<area, "recording surface"> {};
struct jewels : qualified<count, "jewels"> {};               // US watches: "25¢/jewel"
struct jewels_over_7 : qualified<count, "jewels over 7"> {}; // "15¢/jewel over 7"
struct immediate_containers : qualified<count, "immediate containers"> {};
struct packs : qualified<count, "packs"> {}; // US "10¢/pack"
// US buttons "1.5¢/line/ gross": per gross per line (1/40 inch) of size; the
// entry declares the gross-lines (gross of buttons times their size in lines).
struct line_gross : qualified<count, "line gross"> {};

namespace units {
struct kg_drained_weight : unit<drained_weight, 1, 1, "kg on drained weight"> {};
struct hundred_kg_drained_weight : unit<drained_weight, 100, 1, "100 kg / net drained wt"> {};
struct hundred_kg_dry_matter : unit<dry_matter, 100, 1, "100 kg / net dry"> {};
struct kg_gross : unit<gross_weight, 1, 1, "kg on contents and container"> {};
struct hundred_kg_gross : unit<gross_weight, 100, 1, "100 kg / gross"> {};
struct tonne_gross : unit<gross_weight, 1000, 1, "t, including weight of container"> {};
struct kg_total_sugars : unit<total_sugars, 1, 1, "kg of total sugars"> {};
struct hundred_kg_standard_quality : unit<standard_quality, 100, 1, "100 kg / std qual"> {};
struct kg_total_alcohol : unit<total_alcohol, 1, 1, "kg / tot alc"> {};
struct clean_kg : unit<clean_yield, 1, 1, "clean kg"> {};
struct kg_copper : unit<copper_content, 1, 1, "kg on copper content"> {};
struct kg_lead : unit<lead_content, 1, 1, "kg on lead content"> {};
struct kg_zinc : unit<zinc_content, 1, 1, "kg on zinc content"> {};
struct kg_molybdenum : unit<molybdenum_content, 1, 1, "kg on molybdenum content"> {};
struct kg_tungsten : unit<tungsten_content, 1, 1, "kg on tungsten content"> {};
struct kg_magnesium : unit<magnesium_content, 1, 1, "kg on magnesium content"> {};
struct kg_manganese : unit<manganese_content, 1, 1, "kg on manganese content"> {};
struct kg_silicon : unit<silicon_content, 1, 1, "kg on silicon content"> {};
struct kg_anhydrous_morphine
    : unit<anhydrous_morphine_content, 1, 1, "kg of anhydrous morphine content"> {};
struct m2_recording_surface : unit<recording_surface, 1, 1, "m2 of recording surface"> {};
struct jewel : unit<jewels, 1, 1, "jewel"> {};
struct jewel_over_7 : unit<jewels_over_7, 1, 1, "jewel over 7"> {};
struct gross_of_immediate_containers
    : unit<immediate_containers, 144, 1, "gross of immediate containers"> {};
struct pack : unit<packs, 1, 1, "pack"> {};
struct line_per_gross : unit<line_gross, 1, 1, "line / gross"> {};
} // namespace units

inline constexpr units::kg_drained_weight kg_drained_weight{};
inline constexpr units::hundred_kg_drained_weight hundred_kg_drained_weight{};
inline constexpr units::hundred_kg_dry_matter hundred_kg_dry_matter{};
inline constexpr units::kg_gross kg_gross{};
inline constexpr units::kg_total_sugars kg_total_sugars{};
inline constexpr units::clean_kg clean_kg{};
inline constexpr units::kg_copper kg_copper{};
inline constexpr units::kg_lead kg_lead{};
inline constexpr units::kg_zinc kg_zinc{};

namespace detail {

struct qualified_alias {
    std::string_view text; // from the "/": lower case; a space matches any spacing or none
    const unit_info* unit;
};

// What may follow a rate's amount, from its "/" to the end of the unit, in
// the schedules' spellings. Tried before the plain units; the longest
// spelling of a family first.
inline constexpr qualified_alias qualified_unit_aliases[] = {
    {"/ % vol / hl", &unit_info_of<units::percent_vol_hectolitre>},
    {"/ 100 kg / net / % sacchar.", &unit_info_of<units::hundred_kg_percent_sucrose>},
    {"/ kg / lactic matter", &unit_info_of<units::kg_lactic_matter>},
    {"/ kg / dry lactic matter", &unit_info_of<units::kg_dry_lactic_matter>},
    {"/ kg for each degree under 100 degrees (and fractions of a degree in proportion)",
     &unit_info_of<units::kg_degree_under_100>},
    {"/ kg on drained weight", &unit_info_of<units::kg_drained_weight>},
    {"/ 100 kg / net drained wt", &unit_info_of<units::hundred_kg_drained_weight>},
    {"/ 100 kg eda", &unit_info_of<units::hundred_kg_drained_weight>},
    {"/ 100 kg / net dry", &unit_info_of<units::hundred_kg_dry_matter>},
    {"/ 100 kg mas", &unit_info_of<units::hundred_kg_dry_matter>},
    {"/ kg on contents and container", &unit_info_of<units::kg_gross>},
    {"/ kg on entire contents of container", &unit_info_of<units::kg_gross>},
    {"/ kg, including weight of container", &unit_info_of<units::kg_gross>},
    {"/ t, including weight of container", &unit_info_of<units::tonne_gross>},
    {"/ 100 kg / gross", &unit_info_of<units::hundred_kg_gross>},
    {"/ kg of total sugars", &unit_info_of<units::kg_total_sugars>},
    {"/ 100 kg / std qual", &unit_info_of<units::hundred_kg_standard_quality>},
    {"/ 100 kg std qual", &unit_info_of<units::hundred_kg_standard_quality>},
    {"/ kg / tot alc", &unit_info_of<units::kg_total_alcohol>},
    {"/ clean kg", &unit_info_of<units::clean_kg>},
    {"/ kg on copper content", &unit_info_of<units::kg_copper>},
    {"/ kg on lead content", &unit_info_of<units::kg_lead>},
    {"/ kg on zinc content", &unit_info_of<units::kg_zinc>},
    {"/ kg on molybdenum content", &unit_info_of<units::kg_molybdenum>},
    {"/ kg on tungsten content", &unit_info_of<units::kg_tungsten>},
    {"/ kg on magnesium content", &unit_info_of<units::kg_magnesium>},
    {"/ kg on manganese content", &unit_info_of<units::kg_manganese>},
    {"/ kg on silicon content", &unit_info_of<units::kg_silicon>},
    {"/ kg of anhydrous morphine content", &unit_info_of<units::kg_anhydrous_morphine>},
    {"/ m2 of recording surface", &unit_info_of<units::m2_recording_surface>},
    {"/ m2of recording surface", &unit_info_of<units::m2_recording_surface>},
    {"/ jewel over 7", &unit_info_of<units::jewel_over_7>},
    {"/ jewel", &unit_info_of<units::jewel>},
    {"/ gross of immediate containers", &unit_info_of<units::gross_of_immediate_containers>},
    {"/ pack", &unit_info_of<units::pack>},
    {"/ line / gross", &unit_info_of<units::line_per_gross>},
    // Plain units in the schedules' words.
    {"/ litre of absolute ethyl alcohol", &unit_info_of<units::litre_pure_alcohol>},
    {"/ pf. liter on ethyl alcohol content", &unit_info_of<units::proof_litre>},
    {"/ thou- sand", &unit_info_of<units::thousand>},
};

// The properties of the goods by name, for find_unit (an entry's declared
// "40 % vol"); no rate is per a property alone, so the duty parser does not
// read them.
inline constexpr qualified_alias property_unit_aliases[] = {
    {"% vol", &unit_info_of<units::percent_vol>},
    {"% sacchar.", &unit_info_of<units::percent_sucrose>},
    {"% lactic matter", &unit_info_of<units::percent_lactic_matter>},
    {"% dry lactic matter", &unit_info_of<units::percent_dry_lactic_matter>},
    {"degrees", &unit_info_of<units::degree_polarization>},
};

// The unit spelled at `pos` (which holds the "/", or, with from_slash false,
// the unit's first letter): advances pos past it; nullptr if none of the
// spellings above is there. Case insensitive; a space in a spelling matches
// any run of spaces and tabs, or none; a spelling ending in a letter does not
// match the start of a longer word.
template <std::size_t N>
constexpr const unit_info* unit_spelled_at(const qualified_alias (&aliases)[N], std::string_view s,
                                           std::size_t& pos, std::size_t skip) noexcept {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    for (const qualified_alias& a : aliases) {
        std::string_view text = a.text;
        text.remove_prefix(skip);
        std::size_t p = pos;
        bool same = true;
        for (std::size_t i = 0; i < text.size() && same; ++i) {
            if (text[i] == ' ') {
                while (p < s.size() && (s[p] == ' ' || s[p] == '\t'))
                    ++p;
                continue;
            }
            const char c = p < s.size() ? s[p] : '\0';
            same =
                p < s.size() && (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) == text[i];
            ++p;
        }
        if (!same || (p < s.size() && letter(s[p]) && letter(text.back())))
            continue;
        pos = p;
        return a.unit;
    }
    return nullptr;
}
constexpr const unit_info* qualified_unit_at(std::string_view s, std::size_t& pos,
                                             bool from_slash = true) noexcept {
    return unit_spelled_at(qualified_unit_aliases, s, pos, from_slash ? 0 : 2); // "/ "
}

} // namespace detail
} // namespace tariff
