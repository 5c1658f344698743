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
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

#include "csv.hpp"
#include "schedule.hpp"
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

// --- additional codes (--additional-codes) --------------------------------------------

// The optional `--additional-codes FILE`: for each additional code (four
// digits, the Meursing table's 7000 to 7999), the amount each placeholder of
// a line's rate stands for ("8.30% + EA MAX 18.70% + ADSZ").
//
//   code,placeholder,amount
//   7000,EA,24.20 EUR / 100 kg
//   7000,ADSZ,Free
//
// placeholder: EA, EAR, ADSZ, ADSZR, ADFM or ADFMR; amount: a duty the
// library's parser reads (in the schedule's currency, no placeholder). Each
// code and placeholder once. Every problem is reported with its row.
inline constexpr std::string_view additional_codes_header = "code,placeholder,amount";

// An additional code: four digits; its number, or -1.
inline int additional_code_number(std::string_view text) noexcept {
    if (text.size() != 4)
        return -1;
    int n = 0;
    for (const char ch : text) {
        if (ch < '0' || ch > '9')
            return -1;
        n = n * 10 + (ch - '0');
    }
    return n;
}

template <tariff::currency_tag C>
class additional_codes {
public:
    bool load(std::istream& in, diagnostics& diag) {
        csv::reader reader(in);
        std::vector<std::string_view> f;
        csv::error err;
        if (!read_header(reader, f, err, diag, additional_codes_header))
            return false;
        std::map<std::pair<int, int>, std::size_t> seen; // (code, placeholder): row
        while (reader.next(f, err)) {
            if (err) {
                diag.report(err);
                continue;
            }
            const std::size_t row = reader.line();
            const std::size_t before = diag.count();
            const int code = additional_code_number(f[0]);
            if (f[0].empty())
                diag.report(row, "code", "empty; every row needs an additional code");
            else if (code < 0)
                diag.report(row, "code",
                            quoted(f[0]) + ": expected an additional code of four digits (7000)");
            int which = -1;
            for (std::size_t i = 0; i < tariff::duty_placeholder_count; ++i)
                if (f[1] == tariff::name_of(static_cast<tariff::duty_placeholder>(i)))
                    which = static_cast<int>(i);
            if (f[1].empty())
                diag.report(row, "placeholder", "empty; every row needs a placeholder");
            else if (which < 0)
                diag.report(row, "placeholder",
                            quoted(f[1]) + ": expected EA, EAR, ADSZ, ADSZR, ADFM or ADFMR");
            const auto amount = tariff::try_parse_duty<C>(f[2]);
            if (f[2].empty())
                diag.report(row, "amount", "empty; every row needs an amount (a duty)");
            else if (!amount)
                diag.report(row, "amount",
                            quoted(f[2]) + ": " + amount.error().reason + " (at byte " +
                                std::to_string(amount.error().position + 1) + ")");
            if (diag.count() != before)
                continue;
            const auto [it, fresh] = seen.emplace(std::pair(code, which), row);
            if (!fresh) {
                diag.report(row, "placeholder",
                            "a second " + std::string(f[1]) + " for additional code " +
                                std::string(f[0]) + " (the other is on line " +
                                std::to_string(it->second) + ")");
                continue;
            }
            auto& table = tables_[code];
            const auto with =
                table.try_with(static_cast<tariff::duty_placeholder>(which), amount.value());
            if (!with) // an amount parse_duty read holds no placeholder
                diag.report(row, "amount", quoted(f[2]) + ": " + tariff::to_string(with.error()));
            else
                table = *with;
        }
        if (err) {
            diag.report_file("cannot be read");
            return false;
        }
        return diag.count() == 0;
    }

    // The placeholders' amounts for an additional code, or nullptr.
    const tariff::placeholder_table<C>* find(int code) const {
        const auto it = tables_.find(code);
        return it == tables_.end() ? nullptr : &it->second;
    }

private:
    std::map<int, tariff::placeholder_table<C>> tables_;
};

} // namespace tariff_calc
