// tariff_calc/engine.hpp: assesses entries one at a time against a schedule
// and writes one output row per entry (see docs/tariff-calc.md).
//
// For an entry (date d, origin o, quantity q in the line's unit, value v in
// the schedule's currency C):
//   - the tariff line version, the surtaxes for o and the taxes in force on d
//     are looked up;
//   - if a quota for o covers the line and has a period containing d, the
//     quota ledger allocates q first come, first served (the value is split
//     in proportion to quantity); the in-quota part pays the period's
//     in-quota duty and the taxes, the over-quota part the standard path.
//     Allocation and assessment are one transaction: the ledger reserves the
//     allocation, both parts are assessed and the row's figures summed, and
//     only then is the reservation committed, so an entry that is rejected
//     (an overflow in any part) draws nothing from the quota;
//   - otherwise the entry pays the standard path: MFN duty, the surtaxes,
//     then the taxes, each a percentage of value + all duties of its part;
//   - the library's try_assess() evaluates each part once, every duty and
//     tax rounded to the minor unit by the chosen mode (only an entry whose
//     duties overflow is assessed again, to name the field to blame, and it
//     draws nothing from its quota).
// Currencies, exchange rates and quantities in the units the files name are
// the library's run-time types (tariff/runtime.hpp).
// Paths are built once per combination of line version and measures in force,
// then reused: nothing is kept per entry, so memory stays flat.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tariff/tariff.hpp>

#include "choice.hpp"
#include "consignment_batch.hpp"
#include "extras.hpp"
#include "output.hpp"
#include "schedule.hpp"
#include "text.hpp"

namespace tariff_calc {

inline constexpr std::string_view entries_header =
    "id,date,hs_code,origin,quantity,unit,value,currency";
// The same with the optional column of the quantities and properties of the
// goods a qualified duty needs ("12.5 % vol; 120 kg on drained weight").
inline constexpr std::string_view entries_header_with_quantities =
    "id,date,hs_code,origin,quantity,unit,value,currency,quantities";
// The same with the optional column of named values ("case 120.00; battery
// 4.50"), last: after currency, or after quantities.
inline constexpr std::string_view entries_header_with_values =
    "id,date,hs_code,origin,quantity,unit,value,currency,values";
inline constexpr std::string_view entries_header_with_quantities_and_values =
    "id,date,hs_code,origin,quantity,unit,value,currency,quantities,values";
inline constexpr std::string_view quota_summary_header =
    "quota,period,from,to,volume,used,balance,state";

// entries_header, then any of the optional columns quantities, values and
// additional_code, in this order.
inline bool is_entries_header(const std::vector<std::string_view>& f) {
    if (f.size() < 8 ||
        !is_header(std::vector<std::string_view>(f.begin(), f.begin() + 8), entries_header))
        return false;
    constexpr std::string_view optional[] = {"quantities", "values", "additional_code",
                                             "consignment"};
    std::size_t next = 0;
    for (std::size_t i = 8; i < f.size(); ++i) {
        while (next < std::size(optional) && f[i] != optional[next])
            ++next;
        if (next == std::size(optional))
            return false;
        ++next;
    }
    return true;
}

// Reads the entries' header: entries_header, then optionally quantities,
// values and additional_code (see is_entries_header).
inline bool read_entries_header(csv::reader& reader, std::vector<std::string_view>& f,
                                csv::error& err, diagnostics& diag) {
    if (!reader.next(f, err)) {
        if (err)
            diag.report_file("cannot be read");
        else
            diag.report_file("the file is empty; the first line must be the header " +
                             std::string(entries_header));
        return false;
    }
    if (err || !is_entries_header(f)) {
        diag.report(err ? err.line : reader.line(), "", header_problem(entries_header, f, err));
        return false;
    }
    reader.expect_fields(f.size());
    return true;
}

// Why an entry was rejected: the field (empty: the row as a whole) and what
// is wrong with it.
struct row_error {
    std::string_view field;
    std::string message;
};

// The last few texts looked up and what they found (short texts only; the
// oldest is replaced).
template <class T>
class recent {
public:
    T find(std::string_view text) const noexcept {
        for (const auto& s : slots_)
            if (s.size == text.size() && std::memcmp(s.text, text.data(), text.size()) == 0)
                return s.found;
        return T{};
    }
    void add(std::string_view text, T found) noexcept {
        if (text.size() >= sizeof(slot::text))
            return;
        slot& s = slots_[next_++ % slots_.size()];
        std::memcpy(s.text, text.data(), text.size());
        s.size = text.size();
        s.found = found;
    }

private:
    struct slot {
        char text[16];
        std::size_t size = sizeof(text); // no text is this long: an empty slot
        T found{};
    };
    std::array<slot, 4> slots_{};
    std::size_t next_ = 0;
};

template <tariff::currency_tag C>
class engine {
public:
    engine(schedule<C>& s, const exchange_rates* rates, tariff::rounding_mode mode,
           output_format format = output_format::csv)
        : schedule_(s), rates_(rates), policy_{mode}, format_(format) {
        // granularity: one minor unit; each component rounded
    }

    // Assesses the entry in `f` (the fields of entries_header), appends its
    // output (in the engine's format) to `out` and adds it to the totals; or
    // leaves `out` and the totals as they were and says why not.
    bool assess(const std::vector<std::string_view>& f, text_buffer& out, row_error& err) {
        try {
            // A row with another consignment id (or none) ends the one held.
            const std::string_view cid = consignment_column_ != 0 && consignment_column_ < f.size()
                                             ? f[consignment_column_]
                                             : std::string_view();
            if (batch_.active() && cid != batch_.id())
                flush_consignment(out);
            if (!cid.empty() && !is_consignment_id(cid))
                return fail(err, "consignment",
                            quoted(cid) + ": a consignment id is 1 to 64 letters, digits, '-', "
                                          "'_', '.' or '/'");
            if (!cid.empty() && schedule_.consignment() == nullptr)
                return fail(err, "consignment",
                            quoted(cid) + ": the schedule has no consignment row");
            return assess_entry(f, out, err);
        } catch (const tariff::overflow_error&) { // the library raises on overflow
            err = {"", "the figures of this entry do not fit tariff-calc's exact 64-bit "
                       "arithmetic (overflow)"};
            return false;
        } catch (const std::exception& e) {
            err = {"", std::string("the exact arithmetic of this entry failed: ") + e.what()};
            return false;
        }
    }

    // Writes the entries of the consignment held, if any, with their shares
    // of its charge (consignment_batch.hpp): at the end of the entries, and
    // when --strict stops.
    void flush_consignment(text_buffer& out) {
        batch_.flush(schedule_.consignment(), format_, out, list_, totals_);
    }

    // Which optional columns the entries' header (read by read_entries_header)
    // has: quantities, values, both or neither.
    void use_header(const std::vector<std::string_view>& header) noexcept {
        quantities_column_ = values_column_ = additional_column_ = consignment_column_ = 0;
        for (std::size_t i = 8; i < header.size(); ++i) {
            if (header[i] == "quantities")
                quantities_column_ = i;
            else if (header[i] == "values")
                values_column_ = i;
            else if (header[i] == "additional_code")
                additional_column_ = i;
            else if (header[i] == "consignment")
                consignment_column_ = i;
        }
    }

    // The amounts of the --additional-codes file (nullptr: none); must
    // outlive the engine.
    void use_additional_codes(const additional_codes<C>* codes) noexcept { codes_ = codes; }
    // --choose: where treatments give an entry other paths, which it takes
    // (see choice.hpp); each record then says the path taken and why.
    void set_choice(const choice_option& c) { choice_ = c; }

    // The amounts of the entries assessed so far (the caller counts the
    // rejected ones).
    tariff_calc::totals& totals() noexcept { return totals_; }

    // One row per quota period: the volume available (its own plus what
    // earlier periods carried into it), used, balance and state.
    void write_quota_summary(text_buffer& out) const {
        out += quota_summary_header;
        out += '\n';
        for (const auto& q : schedule_.quotas()) {
            for (std::size_t i = 0; i < q.periods.size(); ++i) {
                const auto s = q.ledger->status(i);
                const tariff::decimal available = s.available.value();
                const tariff::decimal used = s.used.value();
                append_field(out, q.name);
                out += ',';
                append_unsigned(out, i + 1);
                out += ',';
                out += to_text(q.periods[i].valid.from);
                out += ',';
                out += to_text(q.periods[i].valid.to);
                out += ',';
                append_decimal(out, available, 0);
                out += ',';
                append_decimal(out, used, 0);
                out += ',';
                append_decimal(out, available - used, 0);
                out += ',';
                out += s.state == tariff::quota_state::exhausted  ? "exhausted"
                       : s.closed                                 ? "closed"
                       : s.state == tariff::quota_state::critical ? "critical"
                                                                  : "open";
                out += '\n';
            }
        }
    }

private:
    static bool fail(row_error& err, std::string_view field, std::string message) {
        err = {field, std::move(message)};
        return false;
    }
    static bool empty(row_error& err, std::string_view field) {
        return fail(err, field,
                    "empty; every entry needs a" + std::string(field == "origin" ? "n " : " ") +
                        std::string(field));
    }
    // The duties of a part overflow the exact arithmetic: the quantity is to
    // blame if they overflow with a value of zero, the value if they do with
    // a quantity of one unit, else the two together (the row).
    bool too_large(row_error& err, const tariff::duty_path<C>& path, tariff::money<C> value,
                   tariff::decimal quantity, const tariff::unit_info& unit) const {
        const auto base = [&](tariff::money<C> v, tariff::decimal q) {
            return extras_.with_value(v).with(unit, q);
        };
        const std::string what = ": the duties on this entry do not fit tariff-calc's exact "
                                 "64-bit arithmetic (overflow)";
        if (!tariff::try_assess(path, base(tariff::money<C>(), quantity), policy_))
            return fail(err, "quantity", quoted(quantity_text_) + what);
        if (!tariff::try_assess(path, base(value, tariff::decimal(1)), policy_))
            return fail(err, "value", quoted(value_text_) + what);
        return fail(err, "",
                    "the duties on this entry (its value and quantity together) do not "
                    "fit tariff-calc's exact 64-bit arithmetic (overflow)");
    }
    // The optional column of quantities and properties of the goods: "12.5 %
    // vol; 120 kg on drained weight", each a decimal and a unit find_unit
    // knows, at most four, none a quantity times a property (declare the two).
    // extensive: some is a quantity (not a property of the goods), which a
    // quota split could not share between its parts.
    bool read_quantities(std::string_view text, bool& extensive, row_error& err) {
        constexpr unsigned properties =
            tariff::alcohol_strength::bit | tariff::sucrose_content::bit |
            tariff::lactic_matter_content::bit | tariff::dry_lactic_matter_content::bit |
            tariff::polarization::bit;
        constexpr std::size_t most = 4;
        tariff::duty_base<C> base{tariff::money<C>()};
        std::size_t count = 0;
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
            const std::size_t space = std::min(item.find(' '), item.size());
            const std::string_view number = item.substr(0, space),
                                   name = item.substr(std::min(space + 1, item.size()));
            const auto amount = tariff::try_parse_decimal(number);
            if (!amount || amount.value() < 0)
                return fail(err, "quantities",
                            quoted(item) + ": expected a decimal not below zero, a space and a "
                                           "unit (12.5 % vol)");
            const tariff::unit_info* unit = tariff::find_unit(name);
            if (unit == nullptr)
                return fail(err, "quantities", quoted(item) + ": unknown unit");
            if (unit->factor_bit != 0)
                return fail(err, "quantities",
                            quoted(item) + ": a quantity times a property; declare the "
                                           "quantity and the property (25 hl; 12.5 % vol)");
            if (++count > most)
                return fail(err, "quantities",
                            quoted(item) + ": at most " + std::to_string(most) +
                                " quantities and properties an entry");
            if (!(unit->dimension_bit & properties))
                extensive = true;
            base = base.with(*unit, amount.value());
        }
        extras_ = base;
        return true;
    }

    // A duty of `path` applies a rate to a named value the entry does not
    // give: say which (the first such, in the path's order).
    bool missing_named_value(row_error& err, const tariff::duty_path<C>& path) const {
        for (std::size_t i = 0; i < path.duty_count(); ++i) {
            const auto e = path.expression(i);
            for (std::size_t k = 0; k < e.size(); ++k) {
                const std::string_view name = e.base_name_of(e.nodes()[k]);
                if (!name.empty() && !extras_.has_named_value(name))
                    return fail(err, "values",
                                "the duty " + quoted(path.duty_name(i)) +
                                    " applies a rate to the value named " + quoted(name) +
                                    ", which the entry does not give" +
                                    (values_column_ == 0
                                         ? " (the entries have no values column: end the "
                                           "header with ,values)"
                                         : " (add it to the values column: " + std::string(name) +
                                               " AMOUNT)"));
            }
        }
        return fail(err, "values",
                    "a duty applies a rate to a named value the entry does not give");
    }

    // The optional column of named values ("case 120.00; battery 4.50", see
    // extras.hpp), in the entry's currency `cur`; when `convert`, each is
    // converted by `rate` as the value is (rounded half to even to the minor
    // unit). Added to extras_ (after read_quantities).
    bool read_named_values(std::string_view text, const tariff::runtime_currency& cur, bool convert,
                           const tariff::result<tariff::runtime_exchange_rate>& rate,
                           row_error& err) {
        constexpr std::size_t most = tariff::duty_base<C>::max_named_values;
        std::array<named_value_text, most> values{};
        std::size_t count = 0;
        std::string message;
        if (!try_read_named_values(text, cur.minor_digits(), values, count, message))
            return fail(err, "values", std::move(message));
        for (std::size_t i = 0; i < count; ++i) {
            const named_value_text& n = values[i];
            tariff::money<C> amount(n.amount);
            if (convert) {
                const auto converted = rate->try_convert(tariff::runtime_money(cur, n.amount),
                                                         tariff::rounding_mode::half_even)
                                           .and_then([](const tariff::runtime_money& m) {
                                               return m.try_to_money<C>();
                                           });
                if (!converted)
                    return fail(err, "values",
                                quoted(n.item) + " " + std::string(cur.code()) +
                                    ": too large to convert exactly");
                amount = *converted;
            }
            const auto b = extras_.try_with_named_value(n.name->name(), amount);
            if (!b)
                return fail(err, "values",
                            quoted(n.item) + ": an entry holds at most " +
                                std::to_string(tariff::duty_base<C>::capacity) +
                                " quantities and named values together");
            extras_ = *b;
        }
        return true;
    }

    // The rate of `lv` with its placeholders replaced by the amounts the
    // --additional-codes file gives for the entry's additional code: into
    // resolved_, the code's number into `code`.
    bool resolve_placeholders(const line_group<C>& line, const line_version<C>& lv,
                              const std::vector<std::string_view>& f, int& code, row_error& err) {
        const std::string rate = "tariff line " + line.code + "'s rate \"" +
                                 std::string(schedule_.templated_text(lv.templated)) + "\"";
        const std::string_view text = additional_column_ != 0 && additional_column_ < f.size()
                                          ? f[additional_column_]
                                          : std::string_view{};
        if (text.empty())
            return fail(err, "additional_code",
                        "empty; " + rate +
                            " has additional-code placeholders (EA, ADSZ, ...): the entry needs "
                            "an additional code" +
                            (additional_column_ == 0 ? " (the entries have no additional_code "
                                                       "column: end the header with "
                                                       ",additional_code)"
                                                     : ""));
        code = additional_code_number(text);
        if (code < 0)
            return fail(err, "additional_code",
                        quoted(text) + ": expected an additional code of four digits (7000)");
        const tariff::placeholder_table<C>* table =
            codes_ != nullptr ? codes_->find(code) : nullptr;
        if (table == nullptr)
            return fail(err, "additional_code",
                        quoted(text) + (codes_ != nullptr
                                            ? ": no such additional code in the --additional-codes "
                                              "file"
                                            : ": no --additional-codes file gives its amounts"));
        const tariff::duty_template<C>& t = schedule_.templated(lv.templated);
        for (std::size_t i = 0; i < tariff::duty_placeholder_count; ++i) {
            const auto p = static_cast<tariff::duty_placeholder>(i);
            if (t.uses(p) && !table->contains(p))
                return fail(err, "additional_code",
                            quoted(text) + ": the --additional-codes file gives no " +
                                std::string(tariff::name_of(p)) + " for this code; " + rate +
                                " needs it");
        }
        const auto e = t.try_resolve(*table);
        if (!e)
            return fail(err, "additional_code",
                        quoted(text) + ": cannot resolve " + rate + ": " +
                            tariff::to_string(e.error()));
        resolved_ = *e;
        return true;
    }

    // The rate of `lv` in another currency converted into C at the rate (from
    // its currency to C) in force on d: into resolved_, the rate's day into
    // `code` (the key of its path: one path per exchange rate).
    bool convert_foreign_rate(const line_group<C>& line, const line_version<C>& lv, tariff::date d,
                              std::string_view date_text, int& code, row_error& err) {
        const foreign_rate<C>& fr = schedule_.foreign(lv.foreign);
        const std::string rate =
            "tariff line " + line.code + "'s rate \"" + std::string(fr.text) + "\"";
        tariff::result<tariff::runtime_exchange_rate> found = tariff::errc::missing_exchange_rate;
        if (rates_ != nullptr)
            found = rates_->find(*fr.currency, d);
        if (!found)
            return fail(err, "date",
                        quoted(date_text) + ": " + rate + " is in " +
                            std::string(fr.currency->code()) + ": no " +
                            std::string(fr.currency->code()) + " to " + std::string(C::code) +
                            " exchange rate dated on or before " + std::string(date_text) +
                            (rates_ == nullptr ? " (no --rates file)" : ""));
        const auto converted = fr.convert(fr.parsed.get(), found->rate);
        if (!converted)
            return fail(err, "date",
                        quoted(date_text) + ": cannot convert " + rate + " at " +
                            decimal_text(found->rate, 0) + ": " +
                            tariff::to_string(converted.error()));
        resolved_ = *converted;
        code = static_cast<int>(found->effective.days_since_epoch() + 719468);
        foreign_used_ = true;
        foreign_currency_ = fr.currency;
        foreign_rate_used_ = *found;
        return true;
    }

    static std::string at_byte(const tariff::parse_error& e) {
        return std::string(e.reason) + " (at byte " + std::to_string(e.position + 1) + ")";
    }

    bool assess_entry(const std::vector<std::string_view>& f, text_buffer& out, row_error& err) {
        const std::string_view id = f[0], date_text = f[1], hs_text = f[2], origin = f[3],
                               quantity_text = f[4], unit_text = f[5], value_text = f[6],
                               currency_text = f[7];
        if (id.empty())
            return fail(err, "id", "empty; every entry needs an id");
        // The id is echoed in the output: UTF-8 text, no control characters.
        if (const std::string p = text_problem(id); !p.empty())
            return fail(err, "id", quoted(id) + ": " + p + "; an id is printable UTF-8 text");
        quantity_text_ = quantity_text;
        value_text_ = value_text;

        if (date_text.empty())
            return empty(err, "date");
        const auto day = tariff::date::try_parse(date_text);
        if (!day)
            return fail(err, "date",
                        quoted(date_text) + ": " + date_problem(date_text, day.error()));
        const tariff::date d = day.value();

        // Entries tend to repeat their HS codes and units: the last few
        // lookups of each are remembered.
        const line_group<C>* line = lines_seen_.find(hs_text);
        if (line == nullptr) {
            if (hs_text.empty())
                return empty(err, "hs_code");
            const auto hs = tariff::hs_code::try_parse(hs_text);
            if (!hs)
                return fail(err, "hs_code", quoted(hs_text) + ": " + at_byte(hs.error()));
            line = schedule_.find_line(hs.value());
            if (line == nullptr)
                return fail(err, "hs_code",
                            quoted(hs_text) + ": no tariff line with this code in the schedule");
            lines_seen_.add(hs_text, line);
        }

        if (origin.empty())
            return empty(err, "origin");
        if (!is_origin(origin))
            return fail(err, "origin",
                        quoted(origin) +
                            ": expected an ISO 3166 alpha-2 code (two capital letters)");
        const std::uint32_t origin_code = code_number(origin);

        if (quantity_text.empty())
            return empty(err, "quantity");
        const auto q = tariff::try_parse_decimal(quantity_text);
        if (!q)
            return fail(err, "quantity",
                        quoted(quantity_text) + ": " + number_problem(quantity_text, q.error()));
        if (q.value() <= 0)
            return fail(err, "quantity",
                        quoted(quantity_text) + (q.value() < 0
                                                     ? ": a quantity cannot be negative"
                                                     : ": a quantity must be more than zero"));

        const tariff::unit_info* unit = units_seen_.find(unit_text);
        if (unit == nullptr) {
            if (unit_text.empty())
                return empty(err, "unit");
            unit = find_unit(unit_text);
            if (unit == nullptr)
                return fail(err, "unit", quoted(unit_text) + ": unknown unit");
            units_seen_.add(unit_text, unit);
        }
        if (unit->dimension_bit != line->unit->dimension_bit)
            return fail(err, "unit",
                        quoted(unit_text) + ": tariff line " + line->code + " is counted in " +
                            std::string(line->unit->symbol) + " (" +
                            std::string(line->unit->dimension_name) + "); " +
                            std::string(unit->symbol) + " is a unit of " +
                            std::string(unit->dimension_name));
        // The quantity in the line's unit, exactly (q > 0 and the unit is the
        // library's: making the run-time quantity cannot fail).
        const auto in_line_unit = tariff::runtime_quantity::try_make(q.value(), *unit)
                                      .and_then([&](const tariff::runtime_quantity& given) {
                                          return given.try_in(*line->unit);
                                      });
        if (!in_line_unit)
            return fail(err, "quantity",
                        quoted(quantity_text) + " " + std::string(unit->symbol) +
                            (in_line_unit.error() == tariff::errc::inexact
                                 ? " has no exact decimal value in "
                                 : " is too large to convert exactly to ") +
                            std::string(line->unit->symbol));
        const tariff::decimal quantity = in_line_unit->amount();

        if (value_text.empty())
            return empty(err, "value");
        const auto v = tariff::try_parse_decimal(value_text);
        if (!v)
            return fail(err, "value",
                        quoted(value_text) + ": " + number_problem(value_text, v.error()));
        if (v.value() < 0)
            return fail(err, "value", quoted(value_text) + ": a value cannot be negative");

        const int currency = find_currency(currency_text);
        if (currency_text.empty())
            return empty(err, "currency");
        if (currency < 0)
            return fail(err, "currency",
                        quoted(currency_text) +
                            ": unknown currency (known: " + known_currency_list() + ")");
        const tariff::runtime_currency& cur = known_currencies[static_cast<std::size_t>(currency)];
        if (tariff::normalize(v.value()).scale() > cur.minor_digits())
            return fail(err, "value",
                        quoted(value_text) + ": more decimal places than " +
                            std::string(cur.code()) + " has (" +
                            std::to_string(cur.minor_digits()) + ")");
        tariff::money<C> value_for_duty(v.value());
        tariff::result<tariff::runtime_exchange_rate> rate_used =
            tariff::errc::missing_exchange_rate;
        if (currency != schedule_currency_) {
            if (rates_ != nullptr)
                rate_used = rates_->find(cur, d);
            if (!rate_used)
                return fail(err, "currency",
                            quoted(currency_text) + ": no " + std::string(cur.code()) + " to " +
                                std::string(C::code) + " exchange rate dated on or before " +
                                std::string(date_text) +
                                (rates_ == nullptr ? " (no --rates file)" : ""));
            // value x rate, rounded half to even to the minor unit (always,
            // whatever --rounding says: it rounds duties and taxes). Only the
            // rounded value must fit, not the exact product.
            const auto converted =
                rate_used
                    ->try_convert(tariff::runtime_money(cur, v.value()),
                                  tariff::rounding_mode::half_even)
                    .and_then([](const tariff::runtime_money& m) { return m.try_to_money<C>(); });
            if (!converted)
                return fail(err, "value",
                            quoted(value_text) + " " + std::string(cur.code()) +
                                ": too large to convert exactly");
            value_for_duty = *converted;
        }

        // The optional last column, checked last.
        bool extensive_extras = false;
        extras_ = tariff::duty_base<C>(tariff::money<C>());
        if (quantities_column_ != 0 && quantities_column_ < f.size() &&
            !read_quantities(f[quantities_column_], extensive_extras, err))
            return false;
        if (values_column_ != 0 && values_column_ < f.size() &&
            !read_named_values(f[values_column_], cur, currency != schedule_currency_, rate_used,
                               err))
            return false;

        const int version = line->in_force(d);
        if (version < 0)
            return fail(err, "hs_code",
                        quoted(hs_text) + ": tariff line " + line->code + " is not in force on " +
                            std::string(date_text));

        // A rate with additional-code placeholders: resolved for the entry's code.
        const line_version<C>& in_force = line->versions[static_cast<std::size_t>(version)];
        int additional = -1;
        if (in_force.templated != line_version<C>::no_seasons &&
            !resolve_placeholders(*line, in_force, f, additional, err))
            return false;
        // A rate in another currency: converted at the rate of the entry's date.
        foreign_used_ = false;
        if (in_force.foreign != line_version<C>::no_seasons &&
            !convert_foreign_rate(*line, in_force, d, date_text, additional, err))
            return false;
        const route& r = route_for(*line, static_cast<std::size_t>(version), origin_code, d,
                                   additional >= 0 ? &resolved_ : nullptr,
                                   static_cast<std::uint32_t>(additional));
        if (r.too_many)
            return fail(err, "",
                        "more surtaxes or taxes apply than one assessment holds (" +
                            std::to_string(tariff::duty_path<C>::max_duties - 1) + " surtaxes, " +
                            std::to_string(tariff::duty_path<C>::max_taxes) + " taxes, " +
                            std::to_string(tariff::duty_path<C>::max_nodes) +
                            " rates and operators in all duties)");
        if (r.no_season)
            return fail(err, "date",
                        quoted(date_text) + ": " + tariff::to_string(tariff::errc::no_season) +
                            ": tariff line " + line->code + " (schedule line " +
                            std::to_string(line->versions[static_cast<std::size_t>(version)].row) +
                            ") has the seasonal rate \"" +
                            std::string(schedule_.seasonal_text(
                                line->versions[static_cast<std::size_t>(version)].seasonal)) +
                            "\"");
        const tariff::duty_path<C>& standard = *r.standard;
        quota<C>* quota_taken = r.quota_taken; // nullptr if --choose takes a treatment
        const std::size_t period = r.period;

        components_.clear();
        tariff::money<C> duty, taxes;
        tariff::decimal in_quota, over_quota;
        // The quota's reservation, if any: committed only once everything
        // that can reject the entry has passed; dropped (drawing nothing) on
        // any return or exception before that.
        typename tariff::runtime_quota_ledger<C>::reservation held;
        if (quota_taken == nullptr) {
            if (!add_part(standard, value_for_duty, quantity, *line->unit, duty, taxes, err))
                return false;
        } else {
            const auto& in_path = *r.in_quota;
            const auto a =
                quota_taken->ledger->try_reserve(claims_ + 1, d, *in_line_unit, value_for_duty);
            if (!a) {
                if (a.error() == tariff::errc::period_closed)
                    return fail(err, "date",
                                quoted(date_text) + ": quota " + std::string(quota_taken->name) +
                                    " has closed its period " +
                                    to_text(quota_taken->periods[period].valid) +
                                    " (an earlier entry was dated in a later period; quotas are "
                                    "allocated in file order)");
                return fail(err, "",
                            std::string("quota ") + std::string(quota_taken->name) + ": " +
                                tariff::to_string(a.error()));
            }
            held = a.value_or({});
            const auto& alloc = held.planned();
            in_quota = alloc.in_quota.value();
            over_quota = alloc.over_quota.value();
            if (in_quota > 0 &&
                !add_part(in_path, alloc.value_in_quota, in_quota, *line->unit, duty, taxes, err))
                return false;
            if (in_quota > 0 && over_quota > 0 && extensive_extras)
                return fail(err, "quantities",
                            quoted(f[8]) + ": the entry is split between the quota's in-quota "
                                           "and over-quota parts, and a qualified quantity "
                                           "(not a property of the goods) cannot be split; "
                                           "enter the parts as two entries");
            if (in_quota > 0 && over_quota > 0 && extras_.named_value_count() != 0)
                return fail(err, "values",
                            quoted(f[values_column_]) +
                                ": the entry is split between the quota's in-quota and "
                                "over-quota parts, and named values are not split; enter the "
                                "parts as two entries");
            if (over_quota > 0 && !add_part(standard, alloc.value_over_quota, over_quota,
                                            *line->unit, duty, taxes, err))
                return false;
        }
        // --choose: the path above against the treatments in force. Taking a
        // treatment drops the quota's reservation (nothing is drawn).
        if (choice_.mode != choice_mode::none) {
            bool treatment_taken = false;
            if (!choose_path(*line, origin_code, d, value_for_duty, quantity,
                             quota_taken != nullptr ? std::string_view(quota_taken->name)
                                                    : line->versions[version].name,
                             duty, taxes, treatment_taken, err))
                return false;
            if (treatment_taken)
                quota_taken = nullptr;
        }
        const auto total = tariff::try_add(duty, taxes);
        if (!total)
            return fail(err, "",
                        std::string("cannot assess: duty + taxes: ") +
                            tariff::to_string(total.error()));
        // A consignment's entry: checked before anything changes.
        const std::string_view cid =
            consignment_column_ != 0 ? f[consignment_column_] : std::string_view();
        tariff::hs_code item_code = tariff::hs_code::parse("0000.00");
        if (!cid.empty()) {
            const auto hs = tariff::hs_code::try_parse(line->code);
            if (!hs)
                return fail(err, "hs_code", quoted(line->code) + ": " + at_byte(hs.error()));
            item_code = *hs;
            if (std::string m; !batch_.can_hold(*schedule_.consignment(), cid, item_code,
                                                value_for_duty, duty, total.value_or({}), m))
                return fail(err, "consignment", m);
        }
        if (quota_taken != nullptr) {
            // Nothing has changed the ledger since the reservation: it commits.
            const auto committed = quota_taken->ledger->try_commit(held);
            if (!committed)
                return fail(err, "",
                            std::string("quota ") + std::string(quota_taken->name) + ": " +
                                tariff::to_string(committed.error()));
            ++claims_;
        }

        assessed_entry<C> e;
        e.id = id;
        e.date = date_text;
        e.hs_code = line->code;
        e.origin = origin;
        e.unit = line->unit->symbol;
        e.quantity = quantity;
        e.quota = quota_taken != nullptr;
        e.in_quota = in_quota;
        e.over_quota = over_quota;
        e.value = v.value();
        e.currency = &cur;
        if (currency != schedule_currency_) {
            e.converted = true;
            e.rate = rate_used->rate;
            e.rate_date = rate_used->effective;
        }
        e.value_for_duty = value_for_duty;
        e.duty = duty;
        e.taxes = taxes;
        e.total = total.value_or({});
        e.components = &components_;
        e.chosen = choice_.mode != choice_mode::none;
        e.foreign_column = schedule_.has_foreign_rates();
        if (foreign_used_) {
            e.foreign_used = true;
            e.foreign_currency = foreign_currency_;
            e.foreign_rate = foreign_rate_used_.rate;
            e.foreign_rate_date = foreign_rate_used_.effective;
        }
        e.path = path_taken_;
        e.path_reason = path_reason_;
        if (!cid.empty()) { // written when the consignment ends
            batch_.hold(cid, d, item_code, e);
            return true;
        }
        write_entry(format_, out, e, list_);
        add_to_totals(totals_, e);
        return true;
    }

    // Assesses one part (the whole entry, or its in- or over-quota part) and
    // adds its components: a name seen before (a tax on both parts) adds up.
    bool add_part(const tariff::duty_path<C>& path, tariff::money<C> value,
                  tariff::decimal quantity, const tariff::unit_info& unit, tariff::money<C>& duty,
                  tariff::money<C>& taxes, row_error& err) {
        // Into the engine's own assessment: no 1 KB assessment built and
        // returned per part.
        const auto r = tariff::try_assess_into(
            scratch_, path, extras_.with_value(value).with(unit, quantity), policy_);
        if (!r && r.error() == tariff::errc::overflow)
            return too_large(err, path, value, quantity, unit);
        if (!r && r.error() == tariff::errc::missing_value_base)
            return missing_named_value(err, path);
        if (!r)
            return fail(err, "", std::string("cannot assess: ") + tariff::to_string(r.error()));
        const tariff::assessment<C>& a = scratch_;
        for (const auto& line : a) {
            bool merged = false;
            for (auto& c : components_)
                if (c.name == line.name) {
                    c.amount += line.rounded;
                    c.base += line.base;
                    merged = true;
                    break;
                }
            if (!merged)
                components_.push_back({line.name, line.legal_basis,
                                       line.kind == tariff::component_kind::tax, line.base,
                                       line.rounded, line.rate});
        }
        duty += a.duties();
        taxes += a.taxes();
        return true;
    }

    // --choose. The schedule's path (the quota or the standard path, named
    // `own`, its figures in duty, taxes and components_) against each
    // treatment in force for the origin on d, each on the whole entry. lowest:
    // strictly lower duties win (ties: the earlier candidate). margin: the
    // first treatment in force is taken when its duties exceed own's by
    // share % of the value or more. A treatment taken replaces duty, taxes and
    // components_ (its duty, then the taxes) and sets treatment_taken.
    bool choose_path(const line_group<C>& line, std::uint32_t origin, tariff::date d,
                     tariff::money<C> value, tariff::decimal quantity, std::string_view own,
                     tariff::money<C>& duty, tariff::money<C>& taxes, bool& treatment_taken,
                     row_error& err) {
        const tariff::unit_info& unit = *line.unit;
        taxes_.clear(); // the taxes in force (the route may have been remembered)
        for (const std::uint32_t i : line.taxes)
            if (schedule_.measures()[i].applies(origin, d))
                taxes_.push_back(i);
        path_taken_ = own;
        const tariff::duty_path<C>* best = nullptr;
        tariff::money<C> best_duty = duty;
        std::size_t eligible = 1;
        bool tied = false;
        std::string figures = std::string(own) + " " + money_text(duty);
        for (const std::uint32_t i : line.treatments) {
            const auto& m = schedule_.measures()[i];
            if (!m.applies(origin, d))
                continue;
            if (choice_.mode == choice_mode::margin && eligible == 2)
                break; // the rule compares the schedule's path and one treatment
            ++eligible;
            const tariff::duty_path<C>& path = treatment_path(i);
            const auto r = tariff::try_assess_into(
                scratch_, path, extras_.with_value(value).with(unit, quantity), policy_);
            if (!r && r.error() == tariff::errc::overflow)
                return too_large(err, path, value, quantity, unit);
            if (!r)
                return fail(err, "", std::string("cannot assess: ") + tariff::to_string(r.error()));
            const tariff::money<C> its = scratch_.duties();
            figures += ", " + std::string(m.name) + " " + money_text(its);
            if (choice_.mode == choice_mode::margin) {
                // alternative - own >= share % x value, exactly.
                const auto difference = tariff::try_subtract(its.amount(), duty.amount());
                const auto product = tariff::try_multiply(value.amount(), choice_.share);
                const auto threshold = product.and_then([](tariff::decimal p) {
                    return tariff::decimal::try_from_parts(p.coefficient(), p.scale() + 2);
                });
                if (!difference || !threshold)
                    return fail(err, "",
                                "the figures of this entry do not fit tariff-calc's exact 64-bit "
                                "arithmetic (overflow)");
                const bool reached = *difference >= *threshold;
                path_reason_ =
                    std::string(m.name) + " minus " + std::string(own) + ": " +
                    decimal_text(*difference, C::minor_digits) + " " + std::string(C::code) + ", " +
                    (reached ? "at least " : "less than ") + choice_.share_text +
                    " % of the value for duty (" + decimal_text(*threshold, C::minor_digits) + " " +
                    std::string(C::code) +
                    "): " + (reached ? std::string(m.name) : std::string(own)) + " taken";
                if (reached) {
                    best = &path;
                    path_taken_ = m.name;
                }
                continue;
            }
            if (its < best_duty) {
                best = &path;
                best_duty = its;
                path_taken_ = m.name;
                tied = false;
            } else if (its == best_duty) {
                tied = true;
            }
        }
        if (eligible == 1)
            path_reason_ = "the only eligible path";
        else if (choice_.mode == choice_mode::lowest)
            path_reason_ = (tied ? "tied for the lowest duty of " : "the lowest duty of ") +
                           std::to_string(eligible) + " eligible paths" +
                           (tied ? ", the earliest taken (" : " (") + figures + ")";
        if (best == nullptr)
            return true;
        components_.clear();
        duty = tariff::money<C>();
        taxes = tariff::money<C>();
        if (!add_part(*best, value, quantity, unit, duty, taxes, err))
            return false;
        treatment_taken = true;
        return true;
    }
    static std::string money_text(tariff::money<C> m) {
        return decimal_text(m.amount(), C::minor_digits) + " " + std::string(C::code);
    }

    // A treatment's duty (named after it), then the taxes in force: built
    // once, then reused.
    const tariff::duty_path<C>& treatment_path(std::uint32_t i) {
        key_.assign(1, 'T');
        append_key(i);
        append_taxes_key();
        const auto it = paths_.find(key_);
        if (it != paths_.end())
            return store_[it->second];
        const auto& m = schedule_.measures()[i];
        auto path = tariff::duty_path<C>("treatment").with_duty(m.name, m.legal_basis, m.duty);
        add_taxes(path);
        return remember(path);
    }

    // How an entry of one line version, origin and day is assessed: its
    // paths and its quota. These change only where a row of the schedule
    // starts or ends, so they are remembered in a small table of fixed size
    // (a slot is overwritten by the next key that falls into it).
    struct route {
        std::uint64_t key = ~std::uint64_t{0}; // no key has every bit set (see route_for)
        const tariff::duty_path<C>* standard = nullptr;
        quota<C>* quota_taken = nullptr; // or nullptr
        std::size_t period = 0;          // of quota_taken
        const tariff::duty_path<C>* in_quota = nullptr;
        bool too_many = false; // more duties or taxes than a path holds
        // A seasonal rate: the index of the season's duty, or no_season (the
        // day is in none of its seasons).
        std::uint32_t season = line_version<C>::no_seasons;
        bool no_season = false;
    };

    // The duty of a seasonal rate for day d: its index (duty_at), or
    // no_seasons if no season covers d.
    static std::uint32_t season_of(const tariff::seasonal_duty<C>& s, tariff::date d) noexcept {
        for (std::size_t i = 0; i < s.season_count(); ++i)
            if (s.season_at(i).contains(d))
                return static_cast<std::uint32_t>(s.duty_index_of(i));
        return line_version<C>::no_seasons;
    }
    static constexpr int route_bits = 10;

    // (resolved: the MFN duty resolved for the entry's additional code `code`,
    // or nullptr; such a route is built again for every entry.)
    const route& route_for(const line_group<C>& line, std::size_t version, std::uint32_t origin,
                           tariff::date d, const tariff::duty_expression<C>* resolved = nullptr,
                           std::uint32_t code = 0) {
        // Day (22 bits: 0001-01-01 is 306, 9999-12-31 3,652,364), line version
        // (26 bits: the schedule checks), origin (16 bits: two letters).
        const std::uint64_t key = static_cast<std::uint64_t>(d.days_since_epoch() + 719468) << 42 |
                                  static_cast<std::uint64_t>(line.version_ids[version]) << 16 |
                                  origin;
        route& r = routes_[(key * 0x9E3779B97F4A7C15ull) >> (64 - route_bits)];
        if (r.key == key && resolved == nullptr)
            return r;
        r = route{};
        surtaxes_.clear();
        taxes_.clear();
        for (const std::uint32_t i : line.surtaxes)
            if (schedule_.measures()[i].applies(origin, d))
                surtaxes_.push_back(i);
        for (const std::uint32_t i : line.taxes)
            if (schedule_.measures()[i].applies(origin, d))
                taxes_.push_back(i);
        const line_version<C>& lv = line.versions[version];
        const tariff::duty_expression<C>* mfn = resolved != nullptr ? resolved : &lv.mfn;
        if (resolved != nullptr) {
            r.season = code | 0x80000000u; // in the path's key: the code, not a season
        } else if (lv.seasonal != line_version<C>::no_seasons) {
            const auto& seasons = schedule_.seasonal(lv.seasonal);
            r.season = season_of(seasons, d);
            if (r.season == line_version<C>::no_seasons) {
                r.no_season = true;
                r.key = key;
                return r;
            }
            mfn = &seasons.duty_at(r.season);
        }
        // A path's components share a pool of max_nodes rates and operators.
        std::size_t nodes = mfn->size();
        for (const std::uint32_t i : surtaxes_)
            nodes += schedule_.measures()[i].duty.size();
        r.too_many = surtaxes_.size() + 1 > tariff::duty_path<C>::max_duties ||
                     taxes_.size() > tariff::duty_path<C>::max_taxes ||
                     nodes > tariff::duty_path<C>::max_nodes;
        if (!r.too_many) {
            r.standard = &standard_path(line, version, lv, *mfn, r.season);
            for (const std::uint32_t i : line.quotas) {
                auto& candidate = schedule_.quotas()[i];
                if (candidate.origin_code != origin)
                    continue;
                const std::size_t p = candidate.ledger->quota().period_of(d);
                if (p == tariff::runtime_quota_ledger<C>::quota_type::npos)
                    continue;
                r.quota_taken = &candidate;
                r.period = p;
                r.in_quota = &quota_path(candidate, p);
                break;
            }
        }
        r.key = key;
        return r;
    }

    void append_key(std::uint32_t v) { key_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void append_taxes_key() {
        key_ += '|';
        for (const std::uint32_t i : taxes_)
            append_key(i);
    }
    void add_taxes(tariff::duty_path<C>& path) const {
        for (const std::uint32_t i : taxes_) {
            const auto& t = schedule_.measures()[i];
            path = path.with_tax(tariff::tax_component<C>{t.name, t.legal_basis, t.duty});
        }
    }

    // MFN, the surtaxes in force, the taxes in force: built once, then reused.
    // (The MFN duty is lv.mfn, or the duty of a seasonal rate's `season`.)
    const tariff::duty_path<C>& standard_path(const line_group<C>& line, std::size_t version,
                                              const line_version<C>& lv,
                                              const tariff::duty_expression<C>& mfn,
                                              std::uint32_t season) {
        key_.assign(1, 'S');
        append_key(line.version_ids[version]);
        if (season != line_version<C>::no_seasons) {
            key_ += '@';
            append_key(season);
        }
        for (const std::uint32_t i : surtaxes_)
            append_key(i);
        append_taxes_key();
        const auto it = paths_.find(key_);
        if (it != paths_.end())
            return store_[it->second];
        auto path = tariff::duty_path<C>("standard").with_duty(lv.name, lv.legal_basis, mfn);
        for (const std::uint32_t i : surtaxes_) {
            const auto& m = schedule_.measures()[i];
            path = path.with_duty(m.name, m.legal_basis, m.duty);
        }
        add_taxes(path);
        return remember(path);
    }

    // The in-quota duty of the period (named after the quota), then the taxes.
    const tariff::duty_path<C>& quota_path(const quota<C>& q, std::size_t period) {
        key_.assign(1, 'Q');
        append_key(static_cast<std::uint32_t>(&q - schedule_.quotas().data()));
        append_key(static_cast<std::uint32_t>(period));
        append_taxes_key();
        const auto it = paths_.find(key_);
        if (it != paths_.end())
            return store_[it->second];
        const auto& p = q.periods[period];
        auto path = tariff::duty_path<C>("in quota").with_duty(q.name, p.legal_basis, p.duty);
        add_taxes(path);
        return remember(path);
    }

    const tariff::duty_path<C>& remember(const tariff::duty_path<C>& path) {
        store_.push_back(path);
        paths_.emplace(key_, store_.size() - 1);
        return store_.back();
    }

    schedule<C>& schedule_;
    const exchange_rates* rates_;
    const int schedule_currency_ = find_currency(C::code);
    recent<const line_group<C>*> lines_seen_;
    recent<const tariff::unit_info*> units_seen_;
    tariff::rounding_policy<C> policy_;
    tariff::assessment<C> scratch_; // each part is assessed into it (add_part, choose_path)
    std::string_view quantity_text_, value_text_; // of the entry being assessed
    std::uint64_t claims_ = 0;
    // Reused for every entry (no allocation per row once they have grown).
    std::vector<std::uint32_t> surtaxes_, taxes_;
    std::vector<assessed_component<C>> components_;
    // The --additional-codes file, and the rate resolved for the entry's code.
    const additional_codes<C>* codes_ = nullptr;
    tariff::duty_expression<C> resolved_;
    // The entry's line rate in another currency, when it has one: converted at this rate.
    bool foreign_used_ = false;
    const tariff::runtime_currency* foreign_currency_ = nullptr;
    tariff::runtime_exchange_rate foreign_rate_used_{};
    std::size_t additional_column_ = 0;
    // The entry's quantities and properties from its `quantities` column.
    tariff::duty_base<C> extras_{tariff::money<C>()};
    // The optional columns' indices in an entry (0: absent).
    std::size_t quantities_column_ = 8, values_column_ = 0;
    std::size_t consignment_column_ = 0;
    consignment_batch<C> batch_; // the consignment's entries held
    output_format format_;
    choice_option choice_;        // --choose (none: the schedule's path, no path columns)
    std::string_view path_taken_; // the entry's path and why, under --choose
    std::string path_reason_;
    tariff_calc::totals totals_;
    text_buffer list_;
    std::string key_;
    // Paths by the line version and measures they hold. A deque: references
    // to its elements stay valid as it grows.
    std::unordered_map<std::string, std::size_t> paths_;
    std::deque<tariff::duty_path<C>> store_;
    std::array<route, std::size_t{1} << route_bits> routes_{};
};

} // namespace tariff_calc
