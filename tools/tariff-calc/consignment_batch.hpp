// tariff-calc: the entries of one consignment, held until it ends (issue 11
// item 8). A consignment is a run of consecutive entries with the same
// non-empty id in the entries' `consignment` column; its entries are written
// when it ends (at the next row with another id, at the end of the file, or
// when --strict stops), each with its share of the schedule's consignment
// charge (consignments.hpp) as a duty component. The charge is split over the
// entries in proportion to their values for duty by
// tariff::try_allocate_to_lines: the shares sum to the charge exactly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/tariff.hpp>

#include "consignments.hpp"
#include "output.hpp"

namespace tariff_calc {

// An id: 1 to 64 characters, letters, digits, '-', '_', '.', '/'.
inline bool is_consignment_id(std::string_view id) noexcept {
    if (id.empty() || id.size() > 64)
        return false;
    for (const char ch : id) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                        (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' ||
                        ch == '/';
        if (!ok)
            return false;
    }
    return true;
}

template <tariff::currency_tag C>
class consignment_batch {
public:
    static constexpr std::size_t capacity = 64; // entries in one consignment

    bool active() const noexcept { return !held_.empty(); }
    std::string_view id() const noexcept { return id_; }

    // Whether an entry (its code and value for duty; its duty and total so
    // far) can join the consignment `id`: within the capacity, and every
    // figure fits with the largest charge the consignment can then carry.
    // Checked before the entry changes anything (a quota's draw); `message`
    // says why not. Never throws but for bad_alloc.
    bool can_hold(const consignment_rule<C>& rule, std::string_view id, const tariff::hs_code& code,
                  tariff::money<C> value, tariff::money<C> duty, tariff::money<C> total,
                  std::string& message) const {
        const bool joins = active() && id == id_;
        if (joins && held_.size() == capacity) {
            message = "the consignment " + std::string(id) + " already has " +
                      std::to_string(capacity) + " entries, the most tariff-calc holds";
            return false;
        }
        auto c = joins ? lines_ : tariff::consignment<C, capacity>();
        const auto more = c.try_with_line(code, value);
        if (!more) {
            message = std::string("cannot add the entry to the consignment: ") +
                      tariff::to_string(more.error());
            return false;
        }
        c = *more;
        const auto charge = tariff::try_assess_consignment(c, rule.duty());
        const auto shares =
            charge
                ? tariff::try_allocate_to_lines(charge->amount, c, tariff::allocation_basis::value)
                : tariff::result<tariff::line_shares<C, capacity>>(tariff::errc::overflow);
        bool fits = charge && shares && tariff::try_add(duty, charge->amount) &&
                    tariff::try_add(total, charge->amount);
        if (joins)
            for (std::size_t i = 0; fits && i < held_.size(); ++i)
                fits = tariff::try_add(held_[i].e.duty, charge->amount) &&
                       tariff::try_add(held_[i].e.total, charge->amount);
        if (!fits) {
            message = "the consignment " + std::string(id) +
                      ": its value or its charge does not fit tariff-calc's exact 64-bit "
                      "arithmetic (overflow)";
            return false;
        }
        return true;
    }

    // Holds an accepted entry (checked by can_hold) of the consignment `id`,
    // which starts one if none is held (flush() first when the id changes).
    void hold(std::string_view id, tariff::date date, const tariff::hs_code& code,
              const assessed_entry<C>& e) {
        if (!active())
            id_ = std::string(id), first_date_ = date, lines_ = {};
        lines_ = lines_.with_line(code, e.value_for_duty);
        held_.push_back({std::string(e.id), std::string(e.date), std::string(e.origin),
                         std::string(e.path), std::string(e.path_reason), e, *e.components});
    }

    // Writes the held entries, each with its share of the charge if the
    // rule (nullptr: none) is in force on the first entry's date and the
    // consignment is within its limit, adds them to the totals and ends the
    // consignment.
    void flush(const consignment_rule<C>* rule, output_format format, text_buffer& out,
               text_buffer& list, totals& t) {
        if (!active())
            return;
        tariff::result<tariff::line_shares<C, capacity>> shares = tariff::errc::invalid_argument;
        if (rule != nullptr && !(first_date_ < rule->from) && !(rule->to < first_date_)) {
            const auto charge = tariff::try_assess_consignment(lines_, rule->duty());
            if (charge && charge->applies())
                shares = tariff::try_allocate_to_lines(charge->amount, lines_,
                                                       tariff::allocation_basis::value);
        }
        for (std::size_t i = 0; i < held_.size(); ++i) {
            held_entry& h = held_[i];
            assessed_entry<C> e = h.e;
            e.id = h.id;
            e.date = h.date;
            e.origin = h.origin;
            e.path = h.path;
            e.path_reason = h.path_reason;
            if (shares) {
                const tariff::money<C> share = (*shares)[i];
                h.components.push_back({rule->name, rule->legal_basis, false, e.value_for_duty,
                                        share, tariff::line_rate<C>(rule->path, 0)});
                // can_hold checked that these fit.
                e.duty = tariff::try_add(e.duty, share).value_or(e.duty);
                e.total = tariff::try_add(e.total, share).value_or(e.total);
            }
            e.components = &h.components;
            write_entry(format, out, e, list);
            add_to_totals(t, e);
        }
        held_.clear();
        id_.clear();
    }

private:
    struct held_entry {
        std::string id, date, origin, path, path_reason; // the entry's views point here
        assessed_entry<C> e;
        std::vector<assessed_component<C>> components;
    };
    std::string id_;
    tariff::date first_date_{1, 1, 1};
    tariff::consignment<C, capacity> lines_;
    std::vector<held_entry> held_;
};

} // namespace tariff_calc
