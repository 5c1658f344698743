// tariff-calc: the schedule's consignment row (issue 11 item 8).
//
// record `consignment`: a flat amount per distinct tariff item (the first 6
// digits of the entries' codes) on a consignment whose total value for duty
// is within a limit; e.g. the EU's EUR 3.00 per distinct subheading on
// low-value parcels. The rate is "<currency> <amount>" in the schedule's
// currency ("EUR 3.00"); the volume column holds the limit and its test:
// "below 150.00" (the value is less than 150.00) or "at most 150.00". No
// hs_code, origin or unit. consignment_batch.hpp holds the entries of one
// consignment and splits the charge over them.
#pragma once

#include <string>
#include <string_view>

#include <tariff/tariff.hpp>

namespace tariff_calc {

template <tariff::currency_tag C>
struct consignment_rule {
    std::size_t row = 0;
    std::string_view name, legal_basis; // kept by the schedule
    tariff::money<C> per_item, limit;
    tariff::value_limit_test test = tariff::value_limit_test::below;
    tariff::date from{1, 1, 1}, to{9999, 12, 31}; // as the row's validity
    tariff::duty_path<C> path;                    // one duty: per_item (for the output's rate)

    tariff::per_item_duty<C> duty() const noexcept {
        return {name, legal_basis, per_item, 6, limit, test};
    }
};

// The rate of a consignment row: "<code> <amount>", the code the schedule's,
// the amount not negative. Sets `out` or says what is wrong in `message`.
template <tariff::currency_tag C>
bool parse_consignment_rate(std::string_view text, tariff::money<C>& out, std::string& message) {
    const std::string q = "\"" + std::string(text) + "\"";
    const std::string_view code = C::code;
    if (text.size() <= code.size() + 1 || text[code.size()] != ' ') {
        message = q +
                  ": a consignment row's rate is an amount per distinct item in the "
                  "schedule's currency, e.g. \"" +
                  std::string(code) + " 3.00\"";
        return false;
    }
    if (text.substr(0, code.size()) != code) {
        message = q + ": a consignment row's rate is in the schedule's currency (" +
                  std::string(code) + ")";
        return false;
    }
    const auto m = tariff::money<C>::try_parse(text.substr(code.size() + 1));
    if (!m || *m < tariff::money<C>{}) {
        message = q + ": expected an amount that is not negative after " + std::string(code);
        return false;
    }
    out = *m;
    return true;
}

// The volume of a consignment row: "below <amount>" or "at most <amount>".
template <tariff::currency_tag C>
bool parse_consignment_limit(std::string_view text, tariff::money<C>& limit,
                             tariff::value_limit_test& test, std::string& message) {
    std::string_view rest;
    if (text.substr(0, 6) == "below ") {
        test = tariff::value_limit_test::below;
        rest = text.substr(6);
    } else if (text.substr(0, 8) == "at most ") {
        test = tariff::value_limit_test::at_or_below;
        rest = text.substr(8);
    } else {
        message = "\"" + std::string(text) +
                  "\": a consignment row's volume is its value limit: \"below 150.00\" or \"at "
                  "most 150.00\" (in the schedule's currency)";
        return false;
    }
    const auto m = tariff::money<C>::try_parse(rest);
    if (!m || *m < tariff::money<C>{}) {
        message = "\"" + std::string(text) + "\": expected an amount that is not negative";
        return false;
    }
    limit = *m;
    return true;
}

} // namespace tariff_calc
