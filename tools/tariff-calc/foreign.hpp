// tariff_calc/foreign.hpp: a line rate whose amounts are in a currency other
// than the schedule's ("9.40 EUR / 100 kg" in a GBP schedule; issue 11 item 10).
//
// The rate is parsed in its own currency and kept so; for each entry it is
// converted into the schedule's currency at the exchange rate in force on
// the entry's date (the rates file's latest rate dated on or before it, from
// the rate's currency to the schedule's: never an inverse) with the library's
// currency_conversion<From, C>::multiply_by: every specific or fixed amount
// times the rate, kept exact; only where the exact product has more decimal
// places than the library's decimal holds is it rounded, half to even, to
// 0.000001 of the schedule's currency. Ad valorem parts are unchanged.
#pragma once

#include <memory>
#include <string_view>
#include <type_traits>

#include <tariff/schedule_currency.hpp>
#include <tariff/tariff.hpp>

namespace tariff_calc {

template <tariff::currency_tag C>
struct foreign_rate {
    std::string_view text;                              // as the schedule writes it
    const tariff::runtime_currency* currency = nullptr; // the amounts' currency
    // The rate converted at `rate` (one unit of `currency` buys `rate` of C).
    tariff::result<tariff::duty_expression<C>> (*convert)(const void* parsed,
                                                          tariff::decimal rate) = nullptr;
    std::shared_ptr<const void> parsed; // the duty_expression<From>
};

// The places a converted amount is rounded to when the exact product does not fit.
inline constexpr int foreign_rate_places = 6;

template <tariff::currency_tag C, tariff::currency_tag From>
tariff::result<tariff::duty_expression<C>> try_convert_foreign(const void* parsed,
                                                               tariff::decimal rate) {
    const auto& e = *static_cast<const tariff::duty_expression<From>*>(parsed);
    if (rate <= 0)
        return tariff::errc::invalid_argument;
    const auto step = tariff::decimal::try_from_parts(1, foreign_rate_places);
    if (!step)
        return step.error();
    const auto conversion = tariff::currency_conversion<From, C>::try_multiply_by(
        tariff::exchange_rate<From, C>(rate), tariff::money<C>(*step),
        tariff::rounding_mode::half_even);
    if (!conversion)
        return conversion.error();
    const auto exact = conversion->try_exact(e);
    if (exact)
        return exact;
    return conversion->try_convert(e);
}

// Whether `code` stands in `text` as a word (not inside a longer one).
inline bool names_code(std::string_view text, std::string_view code) {
    for (std::size_t at = text.find(code); at != std::string_view::npos;
         at = text.find(code, at + 1)) {
        const auto letter = [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        };
        const bool before = at > 0 && letter(text[at - 1]);
        const bool after = at + code.size() < text.size() && letter(text[at + code.size()]);
        if (!before && !after)
            return true;
    }
    return false;
}

template <tariff::currency_tag C, tariff::currency_tag From>
bool try_foreign_in(std::string_view text, foreign_rate<C>& out) {
    if constexpr (std::is_same_v<C, From>) {
        return false;
    } else {
        if (!names_code(text, From::code))
            return false;
        const auto r = tariff::try_parse_duty<From>(text);
        if (!r)
            return false;
        out.currency = tariff::find_currency(From::code);
        out.convert = &try_convert_foreign<C, From>;
        out.parsed = std::make_shared<const tariff::duty_expression<From>>(*r);
        return out.currency != nullptr;
    }
}

// A rate that the schedule's currency does not read, read as a rate in one of
// the currencies tariff-calc offers (CAD, USD, EUR, GBP) whose code it names,
// when it names no other currency tariff-calc offers. False if none reads it.
template <tariff::currency_tag C>
bool try_parse_foreign_rate(std::string_view text, foreign_rate<C>& out) {
    const int named =
        int(names_code(text, tariff::CAD::code)) + int(names_code(text, tariff::USD::code)) +
        int(names_code(text, tariff::EUR::code)) + int(names_code(text, tariff::GBP::code));
    if (named != 1)
        return false;
    out.text = text;
    return try_foreign_in<C, tariff::CAD>(text, out) || try_foreign_in<C, tariff::USD>(text, out) ||
           try_foreign_in<C, tariff::EUR>(text, out) || try_foreign_in<C, tariff::GBP>(text, out);
}

} // namespace tariff_calc
