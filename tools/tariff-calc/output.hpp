// tariff_calc/output.hpp: the assessed entries as text, in the three formats
// of --format (csv, jsonl, table), and the totals (see docs/tariff-calc.md,
// "Output").
//
// The engine fills an assessed_entry per accepted entry and hands it to
// write_entry(); totals add the amounts exactly (exact_sum never overflows:
// it sums per scale in 128 bits and folds into base 10^18 limbs) and are written by write_totals().
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/tariff.hpp>

#include "schedule.hpp"
#include "text.hpp"

namespace tariff_calc {

enum class output_format { csv, jsonl, table };

// The CSV output's header: the 14 columns of tariff-calc 0.1, then the
// currency of the amounts and the audit trail of a conversion.
inline constexpr std::string_view output_header =
    "id,date,hs_code,origin,quantity,in_quota,over_quota,value,currency,value_for_duty,duty,"
    "taxes,total,components,schedule_currency,exchange_rate,rate_date";
inline constexpr std::string_view totals_header =
    "assessed,rejected,currency,value_for_duty,duty,taxes,total";

// One duty or tax of an entry (a tax paid on both parts of a split entry:
// the sums of its bases and of its amounts).
template <tariff::currency_tag C>
struct assessed_component {
    std::string_view name, legal_basis;
    bool tax = false;
    tariff::money<C> base, amount;
    tariff::line_rate<C> rate; // refers to its path (the schedule's: it outlives the entry)
};

// An accepted entry, as written. The views point into the entry's fields and
// the schedule; they are valid while the entry is written.
template <tariff::currency_tag C>
struct assessed_entry {
    std::string_view id, date, hs_code, origin, unit; // unit: the line's
    tariff::decimal quantity, in_quota, over_quota;   // in the line's unit
    bool quota = false;                               // in/over_quota apply
    tariff::decimal value;
    const tariff::runtime_currency* currency = nullptr; // the value's
    tariff::decimal rate;                               // one `currency` buys `rate` of C ...
    tariff::date rate_date;                             // ... as the rates file said on this day
    bool converted = false;                             // rate and rate_date apply
    tariff::money<C> value_for_duty, duty, taxes, total;
    const std::vector<assessed_component<C>>* components = nullptr;
    // --choose: the path taken and why (written only when `chosen`).
    bool chosen = false;
    std::string_view path, path_reason;
    // A line rate in another currency (foreign.hpp): the columns
    // line_rate_currency,line_rate_exchange_rate,line_rate_date when the
    // schedule has such a rate (`foreign_column`), filled when this entry's
    // rate was one (`foreign_used`).
    bool foreign_column = false, foreign_used = false;
    const tariff::runtime_currency* foreign_currency = nullptr;
    tariff::decimal foreign_rate;   // one foreign_currency buys this much C ...
    tariff::date foreign_rate_date; // ... as the rates file said on this day
};

// The CSV columns of a line rate in another currency (after path,path_reason).
inline constexpr std::string_view foreign_rate_header =
    ",line_rate_currency,line_rate_exchange_rate,line_rate_date";

// A sum of amounts that are not negative, exact however many are added: the
// whole part in two limbs of 10^18, the fraction in 18 places. add() only
// adds the coefficient to a 128-bit sum kept for its scale (no division);
// those are folded into the limbs every 2^32 amounts (a sum then stays below
// 2^95) and when the text is asked for.
class exact_sum {
public:
    void add(tariff::decimal d) {
        const std::int64_t c = d.coefficient();
        const int s = d.scale();
        if (c < 0 || s < 0 || s > 18)
            throw std::logic_error("a negative amount or an unexpected scale in the totals");
        pending_[s] += static_cast<std::uint64_t>(c);
        if (++pending_count_ == fold_every)
            fold();
    }
    // The sum in plain notation, with at least min_places decimals.
    std::string text(int min_places) const {
        exact_sum folded = *this;
        folded.fold();
        const std::uint64_t hi_ = folded.hi_, lo_ = folded.lo_, frac_ = folded.frac_;
        std::string out;
        append_unsigned(out, hi_ > 0 ? hi_ : lo_);
        if (hi_ > 0)
            append_padded(out, lo_, 18);
        std::string frac;
        append_padded(frac, frac_, 18);
        std::size_t keep = frac.size();
        while (keep > static_cast<std::size_t>(min_places) && frac[keep - 1] == '0')
            --keep;
        if (keep > 0)
            out += '.' + frac.substr(0, keep);
        return out;
    }

private:
    using u128 = tariff::uint128_t;
    static constexpr std::uint64_t limb = 1'000'000'000'000'000'000ull;
    static constexpr std::uint64_t fold_every = std::uint64_t{1} << 32;
    static std::uint64_t pow10(int n) {
        std::uint64_t p = 1;
        while (n-- > 0)
            p *= 10;
        return p;
    }
    // The per-scale sums into the limbs: sum = whole * 10^s + frac, whole <
    // 2^95 (at most 2^32 amounts below 2^63), so whole / limb < 2^36.
    void fold() {
        for (int s = 0; s <= 18; ++s) {
            const u128 sum = pending_[s];
            if (sum == 0)
                continue;
            pending_[s] = 0;
            const std::uint64_t p = pow10(s);
            u128 whole = sum / p;
            frac_ += static_cast<std::uint64_t>(sum % p) * pow10(18 - s); // < 10^18
            if (frac_ >= limb) {
                frac_ -= limb;
                whole += 1;
            }
            lo_ += static_cast<std::uint64_t>(whole % limb);
            hi_ += static_cast<std::uint64_t>(whole / limb);
            if (lo_ >= limb) {
                lo_ -= limb;
                ++hi_;
            }
        }
        pending_count_ = 0;
    }
    static void append_padded(std::string& out, std::uint64_t v, int digits) {
        std::string t;
        append_unsigned(t, v);
        out.append(static_cast<std::size_t>(digits) - t.size(), '0');
        out += t;
    }
    u128 pending_[19] = {};
    std::uint64_t pending_count_ = 0;
    std::uint64_t hi_ = 0, lo_ = 0, frac_ = 0;
};

struct totals {
    std::uint64_t assessed = 0, rejected = 0;
    exact_sum value_for_duty, duty, taxes, total;
};

// --- helpers ------------------------------------------------------------------

// A JSON string: quotes, backslashes and control characters escaped (the
// text is valid UTF-8: the schedule and the entries are checked).
template <class Out>
void append_json_string(Out& out, std::string_view s) {
    out += '"';
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (u < 0x20 || u == 0x7F) {
            constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

// {"amount":"12.50","currency":"CAD"}
template <class Out>
void append_json_money(Out& out, tariff::decimal amount, std::string_view code, int places) {
    out += "{\"amount\":\"";
    append_decimal(out, amount, places);
    out += "\",\"currency\":\"";
    out += code;
    out += "\"}";
}

template <class Out>
void append_padded_left(Out& out, std::string_view s, std::size_t width) { // right-aligned
    for (std::size_t i = s.size(); i < width; ++i)
        out += ' ';
    out += s;
}
template <class Out>
void append_padded_right(Out& out, std::string_view s, std::size_t width) { // left-aligned
    out += s;
    // UTF-8: count code points, not bytes, for the width.
    std::size_t shown = 0;
    for (const char ch : s)
        shown += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    for (std::size_t i = shown; i < width; ++i)
        out += ' ';
}
inline std::string decimal_text(tariff::decimal d, int places) {
    std::string s;
    append_decimal(s, d, places);
    return s;
}

// --- the entries ----------------------------------------------------------------

// --choose: the columns path,path_reason after rate_date.
template <tariff::currency_tag C>
void append_choice_csv(text_buffer& out, const assessed_entry<C>& e) {
    out += ',';
    append_field(out, e.path);
    out += ',';
    append_field(out, e.path_reason);
}

template <tariff::currency_tag C>
void write_csv(text_buffer& out, const assessed_entry<C>& e, text_buffer& scratch) {
    append_field(out, e.id);
    out += ',';
    out += e.date;
    out += ',';
    out += e.hs_code;
    out += ',';
    out += e.origin;
    out += ',';
    append_decimal(out, e.quantity, 0);
    out += ',';
    if (e.quota)
        append_decimal(out, e.in_quota, 0);
    out += ',';
    if (e.quota)
        append_decimal(out, e.over_quota, 0);
    out += ',';
    append_decimal(out, e.value, e.currency->minor_digits());
    out += ',';
    out += e.currency->code();
    out += ',';
    append_decimal(out, e.value_for_duty.amount(), C::minor_digits);
    out += ',';
    append_decimal(out, e.duty.amount(), C::minor_digits);
    out += ',';
    append_decimal(out, e.taxes.amount(), C::minor_digits);
    out += ',';
    append_decimal(out, e.total.amount(), C::minor_digits);
    out += ',';
    scratch.clear();
    for (const auto& c : *e.components) {
        if (!scratch.empty())
            scratch += ';';
        scratch += c.name;
        scratch += '=';
        append_decimal(scratch, c.amount.amount(), C::minor_digits);
    }
    append_field(out, scratch.view());
    out += ',';
    out += C::code;
    out += ',';
    if (e.converted) {
        append_decimal(out, e.rate, 0);
        out += ',';
        out += to_text(e.rate_date);
    } else {
        out += ',';
    }
    if (e.chosen)
        append_choice_csv(out, e);
    if (e.foreign_column) {
        out += ',';
        if (e.foreign_used) {
            out += e.foreign_currency->code();
            out += ',';
            append_decimal(out, e.foreign_rate, 0);
            out += ',';
            out += to_text(e.foreign_rate_date);
        } else {
            out += ",,";
        }
    }
    out += '\n';
}

template <tariff::currency_tag C>
void write_jsonl(text_buffer& out, const assessed_entry<C>& e) {
    const int places = C::minor_digits;
    out += "{\"id\":";
    append_json_string(out, e.id);
    out += ",\"date\":\"";
    out += e.date;
    out += "\",\"hs_code\":\"";
    out += e.hs_code;
    out += "\",\"origin\":\"";
    out += e.origin;
    out += "\",\"quantity\":\"";
    append_decimal(out, e.quantity, 0);
    out += "\",\"unit\":";
    append_json_string(out, e.unit);
    if (e.quota) {
        out += ",\"in_quota\":\"";
        append_decimal(out, e.in_quota, 0);
        out += "\",\"over_quota\":\"";
        append_decimal(out, e.over_quota, 0);
        out += '"';
    } else {
        out += ",\"in_quota\":null,\"over_quota\":null";
    }
    out += ",\"value\":";
    append_json_money(out, e.value, e.currency->code(), e.currency->minor_digits());
    out += ",\"exchange_rate\":";
    if (e.converted) {
        out += "{\"from\":\"";
        out += e.currency->code();
        out += "\",\"to\":\"";
        out += C::code;
        out += "\",\"rate\":\"";
        append_decimal(out, e.rate, 0);
        out += "\",\"date\":\"";
        out += to_text(e.rate_date);
        out += "\"}";
    } else {
        out += "null";
    }
    out += ",\"value_for_duty\":";
    append_json_money(out, e.value_for_duty.amount(), C::code, places);
    out += ",\"duty\":";
    append_json_money(out, e.duty.amount(), C::code, places);
    out += ",\"taxes\":";
    append_json_money(out, e.taxes.amount(), C::code, places);
    out += ",\"total\":";
    append_json_money(out, e.total.amount(), C::code, places);
    out += ",\"components\":[";
    bool first = true;
    for (const auto& c : *e.components) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"name\":";
        append_json_string(out, c.name);
        out += c.tax ? ",\"kind\":\"tax\"" : ",\"kind\":\"duty\"";
        out += ",\"legal_basis\":";
        append_json_string(out, c.legal_basis);
        out += ",\"base\":";
        append_json_money(out, c.base.amount(), C::code, places);
        out += ",\"rate\":";
        append_json_string(out, tariff::to_string(c.rate.expression()));
        out += ",\"amount\":";
        append_json_money(out, c.amount.amount(), C::code, places);
        out += '}';
    }
    out += ']';
    if (e.chosen) {
        out += ",\"path\":{\"taken\":";
        append_json_string(out, e.path);
        out += ",\"reason\":";
        append_json_string(out, e.path_reason);
        out += '}';
    }
    if (e.foreign_used) {
        out += ",\"line_rate_exchange_rate\":{\"from\":\"";
        out += e.foreign_currency->code();
        out += "\",\"to\":\"";
        out += C::code;
        out += "\",\"rate\":\"";
        append_decimal(out, e.foreign_rate, 0);
        out += "\",\"date\":\"";
        out += to_text(e.foreign_rate_date);
        out += "\"}";
    }
    out += "}\n";
}

// A block per entry, 100 columns wide or less where the figures allow:
//
// EV0048  2026-02-12  8703.80.00  CN  43 each
//   value             12258417.21 CNY   at 0.1897 CAD per CNY, rate of 2026-02-02
//   value for duty     2325421.74 CAD
//   MFN                      6.1 %  on       2325421.74 CAD        141850.73 CAD
//   ...
//   duty 2467272.47 CAD, taxes 239634.71 CAD, total 2706907.18 CAD
template <tariff::currency_tag C>
void write_table(text_buffer& out, const assessed_entry<C>& e) {
    const int places = C::minor_digits;
    out += e.id;
    out += "  ";
    out += e.date;
    out += "  ";
    out += e.hs_code;
    out += "  ";
    out += e.origin;
    out += "  ";
    append_decimal(out, e.quantity, 0);
    out += ' ';
    out += e.unit;
    if (e.quota) {
        out += "  (in quota ";
        append_decimal(out, e.in_quota, 0);
        out += ", over quota ";
        append_decimal(out, e.over_quota, 0);
        out += ')';
    }
    out += "\n  value           ";
    append_padded_left(out, decimal_text(e.value, e.currency->minor_digits()), 17);
    out += ' ';
    out += e.currency->code();
    if (e.converted) {
        out += "   at ";
        append_decimal(out, e.rate, 0);
        out += ' ';
        out += C::code;
        out += " per ";
        out += e.currency->code();
        out += ", rate of ";
        out += to_text(e.rate_date);
        out += "\n  value for duty  ";
        append_padded_left(out, decimal_text(e.value_for_duty.amount(), places), 17);
        out += ' ';
        out += C::code;
    }
    out += '\n';
    for (const auto& c : *e.components) {
        out += "  ";
        append_padded_right(out, c.name, 20);
        out += ' ';
        append_padded_left(out, tariff::to_string(c.rate.expression()), 12);
        out += "  on ";
        append_padded_left(out, decimal_text(c.base.amount(), places), 16);
        out += ' ';
        out += C::code;
        out += "  ";
        append_padded_left(out, decimal_text(c.amount.amount(), places), 16);
        out += ' ';
        out += C::code;
        out += '\n';
    }
    if (e.foreign_used) {
        out += "  line rate in ";
        out += e.foreign_currency->code();
        out += " at ";
        append_decimal(out, e.foreign_rate, 0);
        out += ' ';
        out += C::code;
        out += " per ";
        out += e.foreign_currency->code();
        out += ", rate of ";
        out += to_text(e.foreign_rate_date);
        out += '\n';
    }
    if (e.chosen) {
        out += "  path ";
        out += e.path;
        out += ": ";
        out += e.path_reason;
        out += '\n';
    }
    out += "  duty ";
    append_decimal(out, e.duty.amount(), places);
    out += ' ';
    out += C::code;
    out += ", taxes ";
    append_decimal(out, e.taxes.amount(), places);
    out += ' ';
    out += C::code;
    out += ", total ";
    append_decimal(out, e.total.amount(), places);
    out += ' ';
    out += C::code;
    out += "\n\n";
}

template <tariff::currency_tag C>
void write_entry(output_format f, text_buffer& out, const assessed_entry<C>& e,
                 text_buffer& scratch) {
    switch (f) {
    case output_format::csv:
        return write_csv(out, e, scratch);
    case output_format::jsonl:
        return write_jsonl(out, e);
    case output_format::table:
        return write_table(out, e);
    }
}

template <tariff::currency_tag C>
void add_to_totals(totals& t, const assessed_entry<C>& e) {
    ++t.assessed;
    t.value_for_duty.add(e.value_for_duty.amount());
    t.duty.add(e.duty.amount());
    t.taxes.add(e.taxes.amount());
    t.total.add(e.total.amount());
}

// --- the totals -------------------------------------------------------------------

// The --totals file (CSV): its header and one row.
inline void write_totals_csv(text_buffer& out, const totals& t, std::string_view code, int places) {
    out += totals_header;
    out += '\n';
    append_unsigned(out, t.assessed);
    out += ',';
    append_unsigned(out, t.rejected);
    out += ',';
    out += code;
    for (const exact_sum* s : {&t.value_for_duty, &t.duty, &t.taxes, &t.total}) {
        out += ',';
        out += s->text(places);
    }
    out += '\n';
}

// The last line of a jsonl output: {"totals":{...}}.
inline void write_totals_jsonl(text_buffer& out, const totals& t, std::string_view code,
                               int places) {
    out += "{\"totals\":{\"assessed\":";
    append_unsigned(out, t.assessed);
    out += ",\"rejected\":";
    append_unsigned(out, t.rejected);
    const std::pair<const char*, const exact_sum*> sums[] = {{"value_for_duty", &t.value_for_duty},
                                                             {"duty", &t.duty},
                                                             {"taxes", &t.taxes},
                                                             {"total", &t.total}};
    for (const auto& [name, s] : sums) {
        out += ",\"";
        out += name;
        out += "\":{\"amount\":\"";
        out += s->text(places);
        out += "\",\"currency\":\"";
        out += code;
        out += "\"}";
    }
    out += "}}\n";
}

// The end of a table output.
inline void write_totals_table(text_buffer& out, const totals& t, std::string_view code,
                               int places) {
    out += "totals: ";
    append_unsigned(out, t.assessed);
    out += t.assessed == 1 ? " entry assessed, " : " entries assessed, ";
    append_unsigned(out, t.rejected);
    out += " rejected\n";
    const std::pair<const char*, const exact_sum*> sums[] = {
        {"  value for duty  ", &t.value_for_duty},
        {"  duty            ", &t.duty},
        {"  taxes           ", &t.taxes},
        {"  total           ", &t.total}};
    for (const auto& [name, s] : sums) {
        out += name;
        append_padded_left(out, s->text(places), 20);
        out += ' ';
        out += code;
        out += '\n';
    }
}

} // namespace tariff_calc
