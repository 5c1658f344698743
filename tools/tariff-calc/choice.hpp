// tariff_calc/choice.hpp: the --choose option (docs/tariff-calc.md, "Choosing
// between paths"): where `treatment` rows of the schedule give an entry other
// paths than the schedule's own (the quota or the standard path), which one it
// takes.
//   lowest      the path with the lowest duties (ties: the schedule's path,
//               then the treatments in file order);
//   margin:P%   the rule-based choice (the UK's Northern Ireland rule with
//               P = 3): the first treatment in force is taken only when its
//               duties exceed the schedule path's by P % of the value for duty
//               or more; otherwise the schedule's path.
#pragma once

#include <string>
#include <string_view>

#include <tariff/tariff.hpp>

namespace tariff_calc {

enum class choice_mode : unsigned char { none, lowest, margin };

struct choice_option {
    choice_mode mode = choice_mode::none;
    tariff::decimal share; // margin: P of P %, exact
    std::string share_text;
};

// Parses the value of --choose: "lowest", "margin:P%" or "margin:P %" (P an
// exact decimal from 0 to 100). On an error, `why` says what is wrong.
inline bool parse_choice(std::string_view text, choice_option& out, std::string& why) {
    if (text == "lowest") {
        out.mode = choice_mode::lowest;
        return true;
    }
    if (text.starts_with("margin:")) {
        std::string_view p = text.substr(7);
        if (p.ends_with('%')) {
            p.remove_suffix(1);
            if (p.ends_with(' '))
                p.remove_suffix(1);
            const auto d = tariff::try_parse_decimal(p);
            if (d && d.value() >= 0 && d.value() <= 100) {
                out.mode = choice_mode::margin;
                out.share = d.value();
                out.share_text = std::string(p);
                return true;
            }
        }
        why = "a margin is a percentage of the value from 0 to 100 (margin:3%)";
        return false;
    }
    why = "choose lowest or margin:P% (margin:3%)";
    return false;
}

} // namespace tariff_calc
