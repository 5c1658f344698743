// tariff/parse.hpp: duty expressions from the text schedules print.
//
//   parse_duty<CAD>("245.5 % but not less than $5.33/kg")   run time or compile time,
//                                                           returns the expression or an error
//   duty<CAD, "245.5 % but not less than $5.33/kg">         compile time only: a malformed
//                                                           text does not compile
//
// Notations (keywords and units in any case, any spacing):
//   Canada  6.1 %   Free   $106.50/tonne plus 7 %   245.5 % but not less than $5.33/kg
//           259 % but not less than 78.9 c/kg   3.32 ¢/kg   256 % but not less than $36.67/hl
//   US      2.5%   52.8¢/kg + 8.5%   $1.89/kg + 4.7%   23.7¢/pf.liter   68¢/head   Free
//   EU      12.80 % + 304.10 EUR / 100 kg   10.20 EUR / hl
//           9.10 % + 45.10 EUR / 100 kg MAX 18.90 % + 16.50 EUR / 100 kg
//           18.40 % MIN 22.00 EUR / 100 kg MAX 24.00 EUR / 100 kg
//   and the library's own canonical text (to_string of an expression), with
//   parentheses and fixed amounts ("EUR 3.00").
//
// The currency of "$", "¢" and "c" is the schedule's: the template argument C
// ("$" is one C, "¢" and "c" a hundredth of one). They are accepted only where
// C is a dollar with cents (USD, CAD, AUD, NZD, ...: see is_dollar_currency):
// in a EUR or JPY schedule "$1.89" or "52.8¢" is an error (at compile time in
// duty<C, "...">, at run time parse_duty's errc::invalid_text at the sign's
// byte). A code written out (EUR) must be C's. Grammar, loosest first:
//   expression := sum { ("MIN" | "but not less than" | "MAX" | "but not more than") sum }
//   sum        := term { ("+" | "plus" | "-" | "less") term }
//   term       := "Free" | number "%" | amount [ "/" unit ] | "(" expression ")"
//   amount     := "$" number | number ("¢" | "c") | number CODE | CODE number
// "A MIN B" is A but at least B (a floor); "A MAX B" is A but at most B.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "detail/fixed_string.hpp"
#include "expression.hpp"
#include "qualified.hpp"
#include "value_bases.hpp"

namespace tariff {

// How to read a text where the schedule leaves something to its line.
struct duty_parse_options {
    constexpr duty_parse_options() noexcept = default;
    // The line's unit of measure: a bare amount ("1.9 ¢" in Canada's Customs
    // Tariff, whose line is measured in kg) is per one of it, as a specific
    // rate; without one (the default) a bare amount is a fixed amount per
    // entry. The unit must outlive the expression (use the unit_info_of
    // objects or find_unit's).
    constexpr duty_parse_options(const unit_info& line_unit_of_measure) noexcept
        : line_unit(&line_unit_of_measure), has_line_unit(true) {}

    const unit_info* line_unit = nullptr;
    // Kept beside the pointer so that no pointer is compared with null during
    // constant evaluation (which GCC does not fold under -fsanitize=undefined).
    bool has_line_unit = false;
};

namespace detail {

enum class duty_text_problem : unsigned char {
    none,
    empty,
    expected_term, // a rate, an amount, "Free" or "(" was expected here
    expected_unit, // "/" must be followed by a unit of measure
    unknown_unit,
    currency_mismatch,            // the text names a currency other than the schedule's
    expected_percent_or_currency, // a number must be followed by %, a currency, ¢ or c
    unbalanced_parenthesis,
    unexpected_text, // something follows a complete expression
    too_long,        // more rates and operators than duty_expression::capacity
    number_out_of_range,
    dollar_sign_needs_a_dollar_currency, // "$", "¢" or "c" in a schedule not in dollars and cents
    legal_wording, // "See 9823.04.01", "No change", "The duty provided in ...": errc::legal_wording
    bare_number,   // "7.2 MIN ...", "24 + 4.2 EUR/100 kg": a number with no % or currency
    fractional_percent, // "33 1/3%": no finite decimal (errc::inexact)
    placeholder,        // "EA", "ADSZ": an additional code's amount (errc::unresolved_placeholder)
    seasons,            // "(01 JAN-31 MAY)": a seasonal cell (seasonal.hpp)
    unknown_value_base, // "45% on the dial": a value name the parser does not know
                        // (value_bases.hpp)
};

// The currencies a "$" and a "¢" may stand for: the ISO 4217 dollars, with
// two minor digits (cents).
template <currency_tag C>
constexpr bool is_dollar_currency() noexcept {
    constexpr std::string_view dollars[] = {"AUD", "BBD", "BMD", "BND", "BSD", "BZD", "CAD", "FJD",
                                            "GYD", "HKD", "JMD", "KYD", "LRD", "NAD", "NZD", "SBD",
                                            "SGD", "SRD", "TTD", "TWD", "USD", "XCD"};
    if (C::minor_digits != 2)
        return false;
    for (std::string_view d : dollars)
        if (C::code == d)
            return true;
    return false;
}

constexpr const char* to_reason(duty_text_problem p) noexcept {
    switch (p) {
    case duty_text_problem::none:
        return "";
    case duty_text_problem::empty:
        return "the text is empty";
    case duty_text_problem::expected_term:
        return "expected a rate (6.1 %), an amount ($5.33/kg), Free or '('";
    case duty_text_problem::expected_unit:
        return "expected a unit of measure after '/'";
    case duty_text_problem::unknown_unit:
        return "unknown unit of measure";
    case duty_text_problem::currency_mismatch:
        return "the amount is in a currency other than the schedule's";
    case duty_text_problem::expected_percent_or_currency:
        return "a number must be followed by %, a currency code, \xC2\xA2 or c";
    case duty_text_problem::unbalanced_parenthesis:
        return "a '(' has no matching ')'";
    case duty_text_problem::unexpected_text:
        return "unexpected text after a complete duty";
    case duty_text_problem::too_long:
        return "too many rates, operators or nested parentheses for one duty expression";
    case duty_text_problem::number_out_of_range:
        return "a number is too large or has too many decimal places for its type";
    case duty_text_problem::dollar_sign_needs_a_dollar_currency:
        return "'$', '\xC2\xA2' and 'c' stand for dollars and cents, and the schedule's currency "
               "is not a dollar with cents; write its code (1.89 EUR/kg)";
    case duty_text_problem::legal_wording:
        return "legal wording: the text refers to another provision (See ..., No change, The duty "
               "provided in ...), no duty can be computed from it alone; parse_add_on reads an "
               "add-on such as + 25 %";
    case duty_text_problem::bare_number:
        return "a number with neither % nor a currency after it: a '%' or a currency code is "
               "missing";
    case duty_text_problem::fractional_percent:
        return "a fractional percent is a whole number and a fraction of at most 255 (33 1/3 %)";
    case duty_text_problem::placeholder:
        return "an additional code's placeholder (EA, ADSZ, ADFM: an amount the Meursing table "
               "gives) is not a duty alone; read the text with parse_duty_template and resolve it";
    case duty_text_problem::seasons:
        return "dates in parentheses: a seasonal duty, read it with parse_seasonal_duty";
    case duty_text_problem::unknown_value_base:
        return "unknown value base after 'on' or 'of' (known: the case, the battery, the strap, "
               "band or bracelet, the movement, the entire set, the fair retail value, the cost "
               "of such goods or repairs, ...: see value_bases.hpp)";
    }
    return "malformed duty";
}

// The reasons as types, so that a compile-time error can name them.
namespace duty_text_reason {
struct text_is_empty;
struct expected_a_rate_an_amount_free_or_parenthesis;
struct expected_a_unit_after_slash;
struct unknown_unit_of_measure;
struct currency_differs_from_the_schedule;
struct number_needs_percent_or_currency;
struct unbalanced_parenthesis;
struct unexpected_text_after_the_duty;
struct too_many_terms;
struct number_out_of_range;
struct dollar_or_cent_sign_in_a_schedule_not_in_dollars__write_the_currency_code;
struct legal_wording_refers_to_another_provision;
struct number_without_percent_or_currency__one_is_missing;
struct fractional_percent_is_a_whole_number_and_a_fraction_of_at_most_255;
struct additional_code_placeholder__use_parse_duty_template;
struct seasons_in_parentheses__use_parse_seasonal_duty;
struct unknown_value_base_after_on_or_of;
} // namespace duty_text_reason

template <duty_text_problem P>
struct reason_type {
    using type = void;
};
#define TARIFF_DETAIL_REASON(P, T)                                                                 \
    template <>                                                                                    \
    struct reason_type<duty_text_problem::P> {                                                     \
        using type = duty_text_reason::T;                                                          \
    };
TARIFF_DETAIL_REASON(empty, text_is_empty)
TARIFF_DETAIL_REASON(expected_term, expected_a_rate_an_amount_free_or_parenthesis)
TARIFF_DETAIL_REASON(expected_unit, expected_a_unit_after_slash)
TARIFF_DETAIL_REASON(unknown_unit, unknown_unit_of_measure)
TARIFF_DETAIL_REASON(currency_mismatch, currency_differs_from_the_schedule)
TARIFF_DETAIL_REASON(expected_percent_or_currency, number_needs_percent_or_currency)
TARIFF_DETAIL_REASON(unbalanced_parenthesis, unbalanced_parenthesis)
TARIFF_DETAIL_REASON(unexpected_text, unexpected_text_after_the_duty)
TARIFF_DETAIL_REASON(too_long, too_many_terms)
TARIFF_DETAIL_REASON(number_out_of_range, number_out_of_range)
TARIFF_DETAIL_REASON(dollar_sign_needs_a_dollar_currency,
                     dollar_or_cent_sign_in_a_schedule_not_in_dollars__write_the_currency_code)
TARIFF_DETAIL_REASON(legal_wording, legal_wording_refers_to_another_provision)
TARIFF_DETAIL_REASON(bare_number, number_without_percent_or_currency__one_is_missing)
TARIFF_DETAIL_REASON(fractional_percent,
                     fractional_percent_is_a_whole_number_and_a_fraction_of_at_most_255)
TARIFF_DETAIL_REASON(placeholder, additional_code_placeholder__use_parse_duty_template)
TARIFF_DETAIL_REASON(seasons, seasons_in_parentheses__use_parse_seasonal_duty)
TARIFF_DETAIL_REASON(unknown_value_base, unknown_value_base_after_on_or_of)
#undef TARIFF_DETAIL_REASON

// A failed check names this type, whose arguments are the byte position of
// the problem in the text and the reason.
template <std::size_t BytePosition, class Reason>
struct duty_text_error {
    static constexpr bool none = std::is_void_v<Reason>;
};

struct unit_alias {
    std::string_view text; // lower case; a space matches any run of spaces, or none
    const unit_info* unit;
};

// Longer aliases first where one is a prefix of another ("100 kg" before "1",
// "kwh" before "kg"'s neighbours, "l alc. 100 %" before "l", "m2" before "m").
inline constexpr unit_alias unit_aliases[] = {
    {"l alc. 100 %", &unit_info_of<units::litre_pure_alcohol>},
    {"l alc 100 %", &unit_info_of<units::litre_pure_alcohol>},
    {"proof liter", &unit_info_of<units::proof_litre>},
    {"proof litre", &unit_info_of<units::proof_litre>},
    {"pf. liter", &unit_info_of<units::proof_litre>},
    {"pf. litre", &unit_info_of<units::proof_litre>},
    {"pf.liter", &unit_info_of<units::proof_litre>},
    {"pf.litre", &unit_info_of<units::proof_litre>},
    {"pf. l", &unit_info_of<units::proof_litre>},
    {"hectolitre", &unit_info_of<units::hectolitre>},
    {"hectoliter", &unit_info_of<units::hectolitre>},
    {"kilogram", &unit_info_of<units::kilogram>},
    {"1000 kg", &unit_info_of<units::tonne>}, // UK "121.00 GBP/1000kg"
    {"1,000 items", &unit_info_of<units::thousand>},
    {"1000 items", &unit_info_of<units::thousand>},
    {"1,000 pins", &unit_info_of<units::thousand>},
    {"1,000", &unit_info_of<units::thousand>},
    {"1000", &unit_info_of<units::thousand>},
    {"thousand", &unit_info_of<units::thousand>},
    {"100 kg", &unit_info_of<units::hundred_kilograms>},
    {"100 m", &unit_info_of<units::hundred_metres>},
    {"tonnes", &unit_info_of<units::tonne>},
    {"tonne", &unit_info_of<units::tonne>},
    {"liter", &unit_info_of<units::litre>},
    {"litre", &unit_info_of<units::litre>},
    {"dozen", &unit_info_of<units::dozen>},
    {"pairs", &unit_info_of<units::pair>},
    {"pair", &unit_info_of<units::pair>},
    {"head", &unit_info_of<units::head>},
    {"each", &unit_info_of<units::each>},
    {"unit", &unit_info_of<units::each>},
    {"item", &unit_info_of<units::each>},
    {"article", &unit_info_of<units::each>}, // US "1.9¢/article"
    {"gross", &unit_info_of<units::gross>},
    {"gram", &unit_info_of<units::gram>},
    {"l alc", &unit_info_of<units::litre_pure_alcohol>},
    {"lin. m", &unit_info_of<units::metre>}, // US "3.3¢/lin. m": linear metre
    {"metre", &unit_info_of<units::metre>},
    {"meter", &unit_info_of<units::metre>},
    {"lpa", &unit_info_of<units::litre_pure_alcohol>},
    {"kwh", &unit_info_of<units::kilowatt_hour>},
    {"mwh", &unit_info_of<units::megawatt_hour>},
    {"bbl", &unit_info_of<units::barrel>},
    {"doz.", &unit_info_of<units::dozen>},
    {"doz", &unit_info_of<units::dozen>},
    {"no.", &unit_info_of<units::each>},
    {"pr.", &unit_info_of<units::pair>},
    {"m\xC2\xB2", &unit_info_of<units::square_metre>},
    {"m\xC2\xB3", &unit_info_of<units::cubic_metre>},
    {"m2", &unit_info_of<units::square_metre>},
    {"m3", &unit_info_of<units::cubic_metre>},
    {"kg", &unit_info_of<units::kilogram>},
    {"dt", &unit_info_of<units::hundred_kilograms>},
    {"hl", &unit_info_of<units::hectolitre>},
    {"pr", &unit_info_of<units::pair>},
    {"t", &unit_info_of<units::tonne>},
    {"l", &unit_info_of<units::litre>},
    {"g", &unit_info_of<units::gram>},
    {"m", &unit_info_of<units::metre>},
};

constexpr char lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
constexpr bool is_letter(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

// Legal wording: a text that refers to another provision instead of stating
// a duty. A reference to another provision's duty ("The duty provided in the
// applicable subheading + 25%", "The rate applicable in the absence of this
// heading") may carry an add-on (parse_add_on); the rest ("See 9823.04.01",
// "No change", "Free, under bond, as prescribed in U.S. note 1", the EU's
// "Entry Price") carry none. Matched at the start of the text, in any case,
// a space matching any spacing, a word not followed by a letter.
enum class legal_wording_kind : unsigned char { none, reference, other };

struct legal_phrase {
    std::string_view text;
    legal_wording_kind kind;
};
inline constexpr legal_phrase legal_phrases[] = {
    {"the duty provided", legal_wording_kind::reference},
    {"the duty rate provided", legal_wording_kind::reference},
    {"the rate applicable", legal_wording_kind::reference},
    {"the rate of duty", legal_wording_kind::reference},
    {"the rate provided", legal_wording_kind::reference},
    {"no change", legal_wording_kind::other},
    {"see", legal_wording_kind::other},
    {"a duty", legal_wording_kind::other},
    {"free,", legal_wording_kind::other},
    {"free (see", legal_wording_kind::other},
    {"entry price", legal_wording_kind::other},
};

constexpr bool is_space_at(std::string_view s, std::size_t p) noexcept {
    return p < s.size() && (s[p] == ' ' || s[p] == '\t');
}

// Where `phrase` (lower case; a space matches any run of spaces or none)
// ends if the text at `p` starts with it, else npos.
constexpr std::size_t match_phrase(std::string_view s, std::size_t p,
                                   std::string_view phrase) noexcept {
    for (const char c : phrase) {
        if (c == ' ') {
            while (is_space_at(s, p))
                ++p;
            continue;
        }
        const char x = p < s.size() ? s[p] : '\0';
        if (p >= s.size() || (x >= 'A' && x <= 'Z' ? static_cast<char>(x + 32) : x) != c)
            return std::string_view::npos;
        ++p;
    }
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (p < s.size() && letter(s[p]) && letter(phrase.back()))
        return std::string_view::npos;
    return p;
}

// A clause anywhere in a text that makes the duty depend on another
// provision's: US 9110 "65% + 25¢/jewel + 3¢ for each other piece or part,
// but if consisting in part of a plate or a set of plates the total duty
// shall not exceed the duty for the complete movement" caps the duty by the
// duty of another article, which no arithmetic on this entry gives. Where it
// starts, else npos.
constexpr std::size_t legal_clause_in(std::string_view s) noexcept {
    for (std::size_t p = 0; p < s.size(); ++p)
        if ((s[p] == 's' || s[p] == 'S') &&
            match_phrase(s, p, "shall not exceed the duty for") != std::string_view::npos)
            return p;
    return std::string_view::npos;
}

constexpr legal_wording_kind legal_wording_of(std::string_view s, std::size_t p) noexcept {
    for (const legal_phrase& phrase : legal_phrases)
        if (match_phrase(s, p, phrase.text) != std::string_view::npos)
            return phrase.kind;
    return legal_wording_kind::none;
}

template <currency_tag C>
class duty_parser {
public:
    using expression = duty_expression<C>;

    constexpr explicit duty_parser(std::string_view text, const duty_parse_options& options = {},
                                   bool placeholders = false) noexcept
        : s_(text), line_unit_(options.line_unit), has_line_unit_(options.has_line_unit),
          placeholders_(placeholders) {}

    // One duty at the start of the text, up to where it ends (what follows is
    // the caller's: a seasonal cell's dates); end: the byte after it.
    constexpr parse_result<expression> run_prefix(std::size_t& end) noexcept {
        skip_space();
        if (pos_ == s_.size())
            return fail(duty_text_problem::empty);
        if (legal_wording_of(s_, pos_) != legal_wording_kind::none) {
            set_problem(duty_text_problem::legal_wording, errc::legal_wording);
            return fail(duty_text_problem::legal_wording);
        }
        expression e = parse_clamp();
        if (problem_ != duty_text_problem::none)
            return parse_error{code_, error_pos_, to_reason(problem_)};
        end = pos_;
        return e;
    }

    constexpr parse_result<expression> run() noexcept {
        skip_space();
        if (pos_ == s_.size())
            return fail(duty_text_problem::empty);
        if (legal_wording_of(s_, pos_) != legal_wording_kind::none) {
            set_problem(duty_text_problem::legal_wording, errc::legal_wording);
            return fail(duty_text_problem::legal_wording);
        }
        if (const std::size_t clause = legal_clause_in(s_); clause != std::string_view::npos) {
            pos_ = clause; // "... shall not exceed the duty for the complete movement"
            set_problem(duty_text_problem::legal_wording, errc::legal_wording);
            return fail(duty_text_problem::legal_wording);
        }
        expression e = parse_clamp();
        if (problem_ == duty_text_problem::none) {
            skip_space();
            if (pos_ != s_.size()) {
                if (s_[pos_] == ')')
                    return fail(duty_text_problem::unbalanced_parenthesis);
                if (season_follows())
                    return fail(duty_text_problem::seasons);
                return fail(duty_text_problem::unexpected_text);
            }
        }
        if (problem_ != duty_text_problem::none)
            return parse_error{code_, error_pos_, to_reason(problem_)};
        return e;
    }

    constexpr duty_text_problem problem() const noexcept { return problem_; }
    constexpr std::size_t error_position() const noexcept { return error_pos_; }

private:
    constexpr parse_result<expression> fail(duty_text_problem p) noexcept {
        set_problem(p);
        return parse_error{code_, error_pos_, to_reason(problem_)};
    }
    // code: what the same failure is called where the expression is built
    // with the API (errc::overflow for a number that does not fit, whether it
    // is written or computed); errc::invalid_text for the text itself.
    constexpr expression set_problem(duty_text_problem p, errc code = errc::invalid_text) noexcept {
        if (problem_ == duty_text_problem::none) {
            problem_ = p;
            code_ = code;
            error_pos_ = pos_;
        }
        return expression{};
    }
    constexpr bool failed() const noexcept { return problem_ != duty_text_problem::none; }

    // Spaces, tabs and the UTF-8 no-break space.
    constexpr void skip_space() noexcept {
        while (pos_ < s_.size()) {
            if (s_[pos_] == ' ' || s_[pos_] == '\t') {
                ++pos_;
            } else if (s_[pos_] == '\xC2' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\xA0') {
                pos_ += 2;
            } else {
                break;
            }
        }
    }

    // Matches a keyword (lower case; spaces in it match any spacing), case
    // insensitive, not followed by a letter. Advances past it on success.
    constexpr bool keyword(std::string_view word) noexcept {
        std::size_t p = pos_;
        if (!match_at(word, p))
            return false;
        if (p < s_.size() && is_letter(s_[p]) && is_letter(word.back()))
            return false;
        pos_ = p;
        return true;
    }
    constexpr bool match_at(std::string_view word, std::size_t& p) const noexcept {
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (word[i] == ' ') {
                while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t'))
                    ++p;
                continue;
            }
            if (p >= s_.size() || lower(s_[p]) != word[i])
                return false;
            ++p;
        }
        return true;
    }

    template <unsigned N1, unsigned N2>
    constexpr expression combine(duty_kind kind, const duty_expression<C, N1>& a,
                                 const duty_expression<C, N2>& b) noexcept {
        if (a.size() + b.size() + 1 > expression::capacity)
            return set_problem(duty_text_problem::too_long);
        return expression::combine(kind, a, b);
    }

    constexpr expression parse_clamp() noexcept {
        expression e = parse_sum();
        bool after_floor = false;
        while (!failed()) {
            skip_space();
            duty_kind kind;
            if (keyword("min") || keyword("but not less than") ||
                keyword("but not less")) { // US "but not less 2.831562¢ /kg"
                kind = duty_kind::at_least;
            } else if (keyword("max") || keyword("but not more than") ||
                       (after_floor && keyword("or more than"))) {
                // Canada: "5 % but not less than 4.74 ¢/kg or more than 9.48 ¢/kg"
                // is at_most(at_least(5 %, 4.74 ¢/kg), 9.48 ¢/kg).
                kind = duty_kind::at_most;
            } else {
                break;
            }
            after_floor = kind == duty_kind::at_least;
            const expression rhs = parse_sum();
            if (failed())
                break;
            e = combine(kind, e, rhs);
        }
        return e;
    }

    constexpr expression parse_sum() noexcept {
        expression e = parse_term();
        while (!failed()) {
            skip_space();
            duty_kind kind;
            if (pos_ < s_.size() && s_[pos_] == '+') {
                ++pos_;
                kind = duty_kind::sum;
            } else if (keyword("plus")) {
                kind = duty_kind::sum;
            } else if (pos_ < s_.size() && s_[pos_] == '-') {
                ++pos_;
                kind = duty_kind::difference;
            } else if (keyword("less")) {
                kind = duty_kind::difference;
            } else {
                break;
            }
            const expression rhs = parse_term();
            if (failed())
                break;
            e = combine(kind, e, rhs);
        }
        return e;
    }

    // A comma groups thousands where three digits follow it and no decimal
    // point came before ("2,765.00 EUR / tonne").
    constexpr bool group_comma_at(std::size_t p) const noexcept {
        return p + 3 < s_.size() && s_[p] == ',' && is_digit(s_[p + 1]) && is_digit(s_[p + 2]) &&
               is_digit(s_[p + 3]) && !(p + 4 < s_.size() && is_digit(s_[p + 4]));
    }

    constexpr bool number(decimal& out) noexcept {
        const std::size_t start = pos_;
        bool point = false, grouped = false;
        while (pos_ < s_.size()) {
            if (is_digit(s_[pos_])) {
                ++pos_;
            } else if (s_[pos_] == '.') {
                point = true;
                ++pos_;
            } else if (!point && pos_ > start && group_comma_at(pos_)) {
                grouped = true;
                ++pos_;
            } else {
                break;
            }
        }
        if (start == pos_)
            return false;
        std::string_view digits = s_.substr(start, pos_ - start);
        std::array<char, 48> buffer{};
        if (grouped) { // the same digits without the commas
            std::size_t n = 0;
            for (const char c : digits) {
                if (c == ',')
                    continue;
                if (n == buffer.size()) {
                    set_problem(duty_text_problem::number_out_of_range, errc::overflow);
                    return false;
                }
                buffer[n++] = c;
            }
            digits = std::string_view(buffer.data(), n);
        }
        const auto r = detail::parse_decimal<std::int64_t>(digits);
        if (!r.ok()) {
            pos_ = start + (grouped ? 0 : r.error().position);
            if (r.code() == errc::overflow)
                set_problem(duty_text_problem::number_out_of_range, errc::overflow);
            else
                set_problem(duty_text_problem::expected_term);
            return false;
        }
        out = r.value_or({});
        return true;
    }

    // An ISO code here (three letters not followed by a letter)? Then it must be C's.
    constexpr bool currency_code(bool& matches) noexcept {
        if (pos_ + 3 > s_.size())
            return false;
        for (std::size_t i = 0; i < 3; ++i)
            if (!(s_[pos_ + i] >= 'A' && s_[pos_ + i] <= 'Z'))
                return false;
        if (pos_ + 3 < s_.size() && is_letter(s_[pos_ + 3]))
            return false;
        // "7.2 MIN 0.36 EUR/100 kg" (a typo in the EU's tariff): MIN and MAX are keywords.
        if (s_.substr(pos_, 3) == "MIN" || s_.substr(pos_, 3) == "MAX")
            return false;
        matches = s_.substr(pos_, 3) == C::code;
        if (matches)
            pos_ += 3;
        return true;
    }

    constexpr expression parse_term() noexcept {
        skip_space();
        if (pos_ >= s_.size())
            return set_problem(duty_text_problem::expected_term);
        if (s_[pos_] == '(') {
            const std::size_t open = pos_;
            if (depth_ == max_depth)
                return set_problem(duty_text_problem::too_long);
            ++pos_;
            ++depth_;
            expression e = parse_clamp();
            --depth_;
            if (failed())
                return e;
            skip_space();
            if (pos_ >= s_.size() || s_[pos_] != ')') {
                pos_ = open;
                return set_problem(duty_text_problem::unbalanced_parenthesis);
            }
            ++pos_;
            return e;
        }
        if (keyword("free"))
            return expression(duty_free);
        if (const int code = placeholder_at(); code >= 0) {
            if (!placeholders_)
                return set_problem(duty_text_problem::placeholder, errc::unresolved_placeholder);
            pos_ += name_of(static_cast<duty_placeholder>(code)).size();
            return expression::placeholder(static_cast<duty_placeholder>(code));
        }

        // An amount: "$5.33", "CAD 5.33", "5.33 CAD", "52.8¢", "78.9 c"; or a rate "6.1 %".
        decimal amount;
        bool code_matches = false;
        if (s_[pos_] == '$') {
            if (!is_dollar_currency<C>())
                return set_problem(duty_text_problem::dollar_sign_needs_a_dollar_currency);
            ++pos_;
            skip_space();
            if (!number(amount))
                return set_problem(duty_text_problem::expected_term);
        } else if (currency_code(code_matches)) {
            if (!code_matches)
                return set_problem(duty_text_problem::currency_mismatch);
            skip_space();
            if (!number(amount))
                return set_problem(duty_text_problem::expected_term);
        } else {
            if (!number(amount)) {
                if (!failed())
                    set_problem(duty_text_problem::expected_term);
                return expression{};
            }
            skip_space();
            if (fraction_follows())
                return parse_fractional_percent(amount);
            if (percent_follows()) {
                const auto rate = ad_valorem::try_from_percent(amount);
                if (!rate)
                    return set_problem(duty_text_problem::number_out_of_range, rate.error());
                return rate_on_value_base(rate.value_or({}).fraction(), 1);
            }
            const bool cent_sign = s_.substr(pos_, 2) == "\xC2\xA2"; // ¢
            const bool cent_letter = !cent_sign && pos_ < s_.size() &&
                                     (s_[pos_] == 'c' || s_[pos_] == 'C') &&
                                     !(pos_ + 1 < s_.size() && is_letter(s_[pos_ + 1]));
            if (cent_sign || cent_letter) {
                if (!is_dollar_currency<C>())
                    return set_problem(duty_text_problem::dollar_sign_needs_a_dollar_currency);
                const auto dollars = detail::multiply_ratio(amount, 1, 100);
                if (!dollars)
                    return set_problem(duty_text_problem::number_out_of_range, dollars.error());
                amount = dollars.value_or({});
                pos_ += cent_sign ? 2 : 1;
            } else if (!currency_code(code_matches)) {
                return set_problem(operator_or_end_follows()
                                       ? duty_text_problem::bare_number
                                       : duty_text_problem::expected_percent_or_currency);
            } else if (!code_matches) {
                return set_problem(duty_text_problem::currency_mismatch);
            }
        }
        skip_space();
        // A quantity qualified by a property of the goods (qualified.hpp):
        // "/ % vol / hl", "/kg on drained weight", "/ 100 kg /net/ % sacchar.".
        if (pos_ < s_.size() && s_[pos_] == '/') {
            const std::size_t before_unit = pos_;
            const unit_info* qualified_unit = qualified_unit_at(s_, pos_);
            if (pos_ != before_unit) // matched (no pointer compared with null)
                return expression::specific(amount, *qualified_unit);
        }
        if (pos_ < s_.size() && s_[pos_] == '/') {
            ++pos_;
            skip_space();
            if (pos_ >= s_.size())
                return set_problem(duty_text_problem::expected_unit);
            const unit_info* u = parse_unit();
            if (problem_ != duty_text_problem::none)
                return expression{};
            return expression::specific(amount, *u);
        }
        // "8¢ each + 45%", "0.86 ¢each": per each without a slash.
        if (keyword("each"))
            return expression::specific(amount, unit_info_of<units::each>);
        // A bare amount: per unit of the line's unit where the caller gives
        // one (Canada's "1.9 ¢" on a line measured in kg), else fixed.
        if (has_line_unit_)
            return expression::specific(amount, *line_unit_);
        return expression::fixed(money<C>(amount));
    }

    // An additional code's placeholder here ("EA", "ADSZ", in capitals, not
    // followed by a letter): its duty_placeholder, else -1.
    constexpr int placeholder_at() const noexcept {
        for (std::size_t c = 0; c < duty_placeholder_count; ++c) {
            const std::string_view name = name_of(static_cast<duty_placeholder>(c));
            if (s_.substr(pos_, name.size()) == name &&
                !(pos_ + name.size() < s_.size() && is_letter(s_[pos_ + name.size()])))
                return static_cast<int>(c);
        }
        return -1;
    }

    // "(01 JAN-31 MAY" or "(1 NOV": a '(' then a day and a month (or "01-31
    // DEC"): a season, not a parenthesised duty.
    constexpr bool season_follows() const noexcept {
        std::size_t p = pos_;
        if (p >= s_.size() || s_[p] != '(')
            return false;
        ++p;
        while (is_space_at(s_, p))
            ++p;
        const std::size_t digits = p;
        while (p < s_.size() && is_digit(s_[p]))
            ++p;
        if (p == digits || p - digits > 2)
            return false;
        while (is_space_at(s_, p))
            ++p;
        return p < s_.size() && (s_[p] == '-' || is_letter(s_[p]));
    }

    // "%" or "percent" here (consumed).
    constexpr bool percent_follows() noexcept {
        if (pos_ < s_.size() && s_[pos_] == '%') {
            ++pos_;
            return true;
        }
        return keyword("percent");
    }

    // "33 1/3%": the whole number (amount) then " 1/3%" here, an exact rate
    // of (33 * 3 + 1) / 3 % (the fraction reduced; a denominator of at most 255).
    constexpr expression parse_fractional_percent(decimal whole) noexcept {
        const std::size_t start = pos_;
        std::int64_t num = 0, den = 0;
        while (pos_ < s_.size() && is_digit(s_[pos_])) { // capped: only up to 255 is valid
            num = num < 1000 ? num * 10 + (s_[pos_] - '0') : num;
            ++pos_;
        }
        ++pos_; // '/'
        while (pos_ < s_.size() && is_digit(s_[pos_])) {
            den = den < 1000 ? den * 10 + (s_[pos_] - '0') : den;
            ++pos_;
        }
        const decimal w = normalize(whole);
        if (den == 0 || den > 255 || num >= den || w.scale() > 0 || w.coefficient() > 1000000) {
            pos_ = start;
            return set_problem(duty_text_problem::fractional_percent);
        }
        std::int64_t whole_number = w.coefficient();
        for (int k = w.scale(); k < 0; ++k)
            whole_number *= 10;
        std::int64_t g = den, r = num; // reduce num / den
        while (r != 0) {
            const std::int64_t t = g % r;
            g = r;
            r = t;
        }
        num /= g;
        den /= g;
        skip_space();
        (void)percent_follows(); // fraction_follows saw it
        // The percent (whole * den + num) / den, as the fraction's numerator
        // (whole * den + num) / 100 over den.
        const auto numerator = decimal::try_from_parts(whole_number * den + num, 2);
        if (!numerator)
            return set_problem(duty_text_problem::number_out_of_range, numerator.error());
        return rate_on_value_base(numerator.value_or({}), static_cast<std::uint8_t>(den));
    }

    // After a percent: "on the case", "on case", "of the fair retail value"
    // (value_bases.hpp), optionally ", if any"; the rate on that value, or on
    // the entry's value when no "on" or "of" follows.
    constexpr expression rate_on_value_base(decimal numerator, std::uint8_t den) noexcept {
        const std::size_t here = pos_;
        skip_space();
        if (!(keyword("on") || keyword("of"))) {
            pos_ = here;
            return expression::ad_valorem_on(numerator, den);
        }
        skip_space();
        const std::size_t article = pos_;
        if (!keyword("the"))
            pos_ = article;
        skip_space();
        std::size_t index = 0;
        const std::size_t end = match_value_base(s_, pos_, index);
        if (end == std::string_view::npos)
            return set_problem(duty_text_problem::unknown_value_base);
        pos_ = end;
        const std::size_t if_any = match_phrase(s_, pos_, ", if any");
        if (if_any != std::string_view::npos)
            pos_ = if_any;
        return expression::ad_valorem_on(numerator, den, value_base_names[index],
                                         if_any != std::string_view::npos);
    }

    // " 1/3%" after "33": a fraction of a percent.
    constexpr bool fraction_follows() const noexcept {
        std::size_t p = pos_;
        const std::size_t digits = p;
        while (p < s_.size() && is_digit(s_[p]))
            ++p;
        if (p == digits || p >= s_.size() || s_[p] != '/')
            return false;
        const std::size_t denominator = ++p;
        while (p < s_.size() && is_digit(s_[p]))
            ++p;
        while (is_space_at(s_, p))
            ++p;
        return p > denominator && p < s_.size() &&
               (s_[p] == '%' || match_phrase(s_, p, "percent") != std::string_view::npos);
    }

    // After a number: the end, an operator or a keyword (the number lacks its
    // % or currency), rather than other text.
    constexpr bool operator_or_end_follows() noexcept {
        if (pos_ >= s_.size())
            return true;
        const char c = s_[pos_];
        if (c == '+' || c == '-' || c == ')')
            return true;
        const std::size_t here = pos_;
        const bool word = keyword("min") || keyword("max") || keyword("plus") || keyword("less") ||
                          keyword("but not");
        pos_ = here;
        return word;
    }

    constexpr const unit_info* parse_unit() noexcept {
        for (const unit_alias& a : unit_aliases) {
            std::size_t p = pos_;
            if (!match_at(a.text, p))
                continue;
            if (p < s_.size() && is_letter(s_[p]) && is_letter(a.text.back()))
                continue;
            pos_ = p;
            return a.unit;
        }
        set_problem(is_letter(s_[pos_]) || is_digit(s_[pos_]) ? duty_text_problem::unknown_unit
                                                              : duty_text_problem::expected_unit);
        return nullptr;
    }

    // Parentheses nest at most this deep (the recursion stays shallow on any input).
    static constexpr int max_depth = 32;

    std::string_view s_;
    const unit_info* line_unit_ = nullptr;
    bool has_line_unit_ = false;
    bool placeholders_ = false; // EA, ADSZ, ... read as placeholders (duty_template)
    std::size_t pos_ = 0;
    int depth_ = 0;
    duty_text_problem problem_ = duty_text_problem::none;
    errc code_ = errc::invalid_text;
    std::size_t error_pos_ = 0;
};

} // namespace detail

// Parses a duty written in a schedule whose currency is C. Never throws: on
// failure the result says where (error().position, a byte offset) and why
// (error().reason).
template <currency_tag C>
constexpr parse_result<duty_expression<C>> try_parse_duty(std::string_view text) noexcept {
    return detail::duty_parser<C>(text).run();
}
// The same, raising the error instead: tariff::domain_error (errc::invalid_text,
// whose what() is the reason) or tariff::overflow_error.
template <currency_tag C>
constexpr duty_expression<C> parse_duty(std::string_view text) {
    return try_parse_duty<C>(text).value();
}

// parse_duty with options: parse_duty<CAD>("1.9 ¢", {unit_info_of<units::kilogram>})
// is CAD 0.019 / kg.
template <currency_tag C>
constexpr parse_result<duty_expression<C>>
try_parse_duty(std::string_view text, const duty_parse_options& options) noexcept {
    return detail::duty_parser<C>(text, options).run();
}
template <currency_tag C>
constexpr duty_expression<C> parse_duty(std::string_view text, const duty_parse_options& options) {
    return try_parse_duty<C>(text, options).value();
}

// What a reference to another provision's duty adds to it: US chapter 99's
// "The duty provided in the applicable subheading + 25%" is that duty plus
// 25 %, stacked on the same entered value. `kind` is duty_kind::sum (+, plus)
// or duty_kind::difference ("... minus 0.5%": less, never below zero), so that
//     duty_expression<C>::combine(add_on.kind, referenced_duty, add_on.expression)
// is the duty; a reference with nothing added ("The duty provided in the
// applicable subheading") is a sum with Free.
template <currency_tag C>
struct duty_add_on {
    duty_kind kind = duty_kind::sum;
    duty_expression<C> expression{};
};

// Reads the add-on of a reference to another provision's duty (the texts
// parse_duty rejects with errc::legal_wording that begin "The duty provided",
// "The duty rate provided", "The rate applicable", "The rate of duty" or "The
// rate provided"): the duty after the first "+", "plus" or "minus", where
// "a duty of" may precede it ("+ a duty of 25%"). Errors: errc::legal_wording
// for other legal wording ("See 9823.04.01", "No change": nothing to stack);
// errc::invalid_text for a text that is no such reference, or whose add-on is
// not a duty (its reason and position as parse_duty gives them, the position
// in the whole text). Never throws.
template <currency_tag C>
constexpr parse_result<duty_add_on<C>>
try_parse_add_on(std::string_view text, const duty_parse_options& options = {}) noexcept {
    using detail::legal_wording_kind;
    std::size_t p = 0;
    while (detail::is_space_at(text, p))
        ++p;
    const legal_wording_kind kind = detail::legal_wording_of(text, p);
    if (kind == legal_wording_kind::other)
        return parse_error{errc::legal_wording, p,
                           "legal wording with no add-on to stack (See ..., No change, ...)"};
    if (kind == legal_wording_kind::none)
        return parse_error{errc::invalid_text, p,
                           "not a reference to another provision's duty (The duty provided in "
                           "the applicable subheading + 25%)"};
    // The first operator after the reference's words.
    duty_kind op = duty_kind::sum;
    std::size_t after = std::string_view::npos;
    for (std::size_t i = p; i < text.size() && after == std::string_view::npos; ++i) {
        const bool word_start =
            i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == ')');
        if (text[i] == '+') {
            after = i + 1;
        } else if (word_start && detail::match_phrase(text, i, "plus") != std::string_view::npos) {
            after = detail::match_phrase(text, i, "plus");
        } else if (word_start && detail::match_phrase(text, i, "minus") != std::string_view::npos) {
            after = detail::match_phrase(text, i, "minus");
            op = duty_kind::difference;
        }
    }
    if (after == std::string_view::npos)
        return duty_add_on<C>{duty_kind::sum, duty_expression<C>(duty_free)};
    while (detail::is_space_at(text, after))
        ++after;
    const std::size_t of = detail::match_phrase(text, after, "a duty of");
    if (of != std::string_view::npos)
        after = of;
    const auto r = try_parse_duty<C>(text.substr(after), options);
    if (!r.ok()) {
        parse_error e = r.error();
        e.position += after;
        return e;
    }
    return duty_add_on<C>{op, *r};
}
// The same, raising the error.
template <currency_tag C>
constexpr duty_add_on<C> parse_add_on(std::string_view text,
                                      const duty_parse_options& options = {}) {
    return try_parse_add_on<C>(text, options).value();
}

namespace detail {
template <currency_tag C>
struct duty_text_check {
    parse_result<duty_expression<C>> result;
    duty_text_problem problem;
    std::size_t position;
};
template <currency_tag C>
constexpr duty_text_check<C> check_duty_text(std::string_view text) noexcept {
    duty_parser<C> p(text);
    const auto r = p.run();
    return {r, p.problem(), p.problem() == duty_text_problem::none ? 0 : p.error_position()};
}
template <currency_tag C, fixed_string Text>
consteval duty_expression<C> checked_duty() {
    constexpr auto check = check_duty_text<C>(Text.view());
    static_assert(duty_text_error<check.position, typename reason_type<check.problem>::type>::none,
                  "tariff: malformed duty text; the byte position of the problem and the reason "
                  "are the template arguments of duty_text_error");
    return check.result.value_or({});
}
} // namespace detail

// The same at compile time: tariff::duty<CAD, "245.5 % but not less than $5.33/kg">
// is a constexpr duty_expression<CAD>, and a malformed text does not compile:
// the error names duty_text_error<byte position, reason>.
template <currency_tag C, detail::fixed_string Text>
inline constexpr duty_expression<C> duty = detail::checked_duty<C, Text>();

// The unit a name stands for, by the names the duty parser accepts after '/'
// ("each", "No.", "kg", "100 kg", "tonne", "l", "hl", "l alc. 100 %", "kWh",
// ...), in any case; a space in a name matches any run of spaces or none, as
// in the parser. nullptr if no unit has that name. For units known only at run
// time: a schedule's or a CSV file's unit column.
constexpr const unit_info* find_unit(std::string_view text) noexcept {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    for (const auto& alias : detail::unit_aliases) {
        std::size_t i = 0;
        bool same = true;
        for (std::size_t j = 0; j < alias.text.size() && same; ++j) {
            if (alias.text[j] == ' ') {
                while (i < text.size() && text[i] == ' ')
                    ++i;
            } else {
                same = i < text.size() && lower(text[i]) == alias.text[j];
                ++i;
            }
        }
        if (same && i == text.size())
            return alias.unit;
    }
    // A qualified unit by its symbol or spelling without the "/" ("% vol / hl",
    // "kg on drained weight"), or a property of the goods ("% vol").
    // (Matched where the position moved: no pointer is compared with null in
    // constant evaluation, which GCC does not fold under -fsanitize=undefined.)
    std::size_t p = 0;
    const unit_info* q = detail::qualified_unit_at(text, p, false);
    if (p != 0 && p == text.size())
        return q;
    p = 0;
    q = detail::unit_spelled_at(detail::property_unit_aliases, text, p, 0);
    if (p != 0 && p == text.size())
        return q;
    return nullptr;
}

} // namespace tariff
