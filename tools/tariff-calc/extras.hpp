// tariff_calc/extras.hpp: the optional `values` column of an entry (see
// docs/tariff-calc.md, "Entries"): the named values a duty such as
// "45 % on the case + 35 % on the battery" applies to.
//
//   values   case 120.00; battery 4.50
//
// Each item is a name the duty parser knows (tariff::find_value_base: "case",
// "battery", "strap, band or bracelet", "fair retail value", ...), a space
// and a decimal not below zero with at most as many decimal places as the
// entry's currency has; at most tariff::duty_base<C>::max_named_values of
// them, each name once. Values are in the entry's currency: an entry in
// another currency has each converted as its value is (value x rate, rounded
// half to even to the minor unit of the schedule's currency).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <tariff/tariff.hpp>

#include "text.hpp"

namespace tariff_calc {

// One named value as the entry writes it, before any conversion.
struct named_value_text {
    const tariff::value_base* name = nullptr; // static storage: outlives any base
    tariff::decimal amount;
    std::string_view item; // the item as written, for messages
};

// The named values of `text` (the `values` column), checked: the name known,
// the amount a decimal >= 0 with at most `minor_digits` decimal places, no
// name twice, at most `most`. On a problem, `message` says what is wrong
// (after the field name) and false is returned. Items are separated by ';';
// spaces around an item are ignored; an empty column holds no values.
template <std::size_t Most>
bool try_read_named_values(std::string_view text, int minor_digits,
                           std::array<named_value_text, Most>& out, std::size_t& count,
                           std::string& message) {
    count = 0;
    while (!text.empty()) {
        const std::size_t semicolon = std::min(text.find(';'), text.size());
        std::string_view item = text.substr(0, semicolon);
        text.remove_prefix(std::min(semicolon + 1, text.size()));
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (item.empty())
            continue;
        // The amount is the last word: names hold spaces ("fair retail value").
        const std::size_t space = item.rfind(' ');
        if (space == std::string_view::npos) {
            message = quoted(item) + ": expected a value's name, a space and a decimal (case "
                                     "120.00)";
            return false;
        }
        std::string_view name = item.substr(0, space);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        const std::string_view number = item.substr(space + 1);
        const tariff::value_base* base = tariff::find_value_base(name);
        if (base == nullptr) {
            message = quoted(item) +
                      ": unknown value name (known: the names the duty parser reads after "
                      "\"on the\", e.g. case, battery, movement, strap, band or bracelet)";
            return false;
        }
        const auto amount = tariff::try_parse_decimal(number);
        if (!amount || amount.value() < 0) {
            message = quoted(item) + ": expected a decimal not below zero after the name (case "
                                     "120.00)";
            return false;
        }
        if (tariff::normalize(amount.value()).scale() > minor_digits) {
            message = quoted(item) + ": more decimal places than the entry's currency has (" +
                      std::to_string(minor_digits) + ")";
            return false;
        }
        for (std::size_t i = 0; i < count; ++i)
            if (out[i].name == base) {
                message = quoted(item) + ": the value " + quoted(base->name()) + " is given twice";
                return false;
            }
        if (count == Most) {
            message = quoted(item) + ": at most " + std::to_string(Most) + " named values an entry";
            return false;
        }
        out[count++] = {base, amount.value(), item};
    }
    return true;
}

} // namespace tariff_calc
