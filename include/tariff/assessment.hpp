// tariff/assessment.hpp: paths, tariff lines and the assessment of an entry.
//
// A duty_path is what an entry pays on one route through the schedule: one or
// more duty components (a base duty plus stacked additional duties, each its
// own line: Canada's China surtax, US Chapter 99 add-ons), then taxes on the
// duty-paid value (Canada's GST, UK VAT), and optionally a de minimis relief.
// A tariff_line names the HS code and holds the MFN duty and the named
// treatments (paths) for origins. assess() evaluates a path on an entry
// under a rounding_policy and returns every component with its legal basis,
// base, rate, exact and rounded amount.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "expression.hpp"
#include "hs_code.hpp"

namespace tariff {

// One duty line of a path, as path.duty(i) gives it (a value made from the
// path's node pool; name and legal_basis refer to the caller's strings).
template <currency_tag C>
struct duty_component {
    std::string_view name;        // "MFN", "China surtax"
    std::string_view legal_basis; // "SOR/2024-187 s.3"
    duty_expression<C> duty;
};

// A tax whose base is the value plus chosen duty components (and, if
// cascading, the taxes listed before it). Canada's GST: 5 % of value + all
// duties and surtaxes (Excise Tax Act s.215). UK VAT: value + duty.
//
// Its rate is any duty expression, evaluated on a base whose value is the tax
// base and whose quantities are the entry's: an ad valorem rate (5_pct), a
// specific excise (0.10_CAD / tariff::litre), the lesser or greater of two
// (at_most, at_least), or a rate on the excess over a threshold (Canada's
// luxury tax: at_most(10_pct, 20_pct - fixed_amount(20'000_CAD)), i.e. the
// lesser of 10 % of the base and 20 % of the base above CAD 100,000).
template <currency_tag C>
struct tax_component {
    static constexpr std::uint32_t all_duties = ~std::uint32_t{0};

    std::string_view name;
    std::string_view legal_basis;
    duty_expression<C> rate;
    bool on_value = true;
    std::uint32_t duties = all_duties; // bit i: the path's duty component i is in the base
    bool on_earlier_taxes = false;
};

// No duty and/or no tax when the entry's value is at or below the limit.
template <currency_tag C>
struct de_minimis {
    money<C> limit;
    bool relieves_duty = true;
    bool relieves_tax = false;
};

namespace mistake {
struct a_duty_in_another_currency_cannot_join_this_path__convert_with_an_exchange_rate {};
struct a_tax_in_another_currency_cannot_join_this_path__build_it_in_the_paths_currency {};
struct a_path_in_another_currency_cannot_be_a_treatment_of_this_line {};
} // namespace mistake

namespace detail {
// The assessment's fast path reads a path's components in place (friend of
// duty_path; see detail::try_assess_simple).
struct path_access;
} // namespace detail

// A path keeps its duty components' nodes in one pool (a component is a range
// of it), so its size follows the nodes its duties use, not 8 full
// expressions: at most max_duties components of at most max_nodes nodes in
// all (an EU compound of 7 and a parsed expression of 9, or the compound and
// eight one-rate surtaxes).
template <currency_tag C>
class duty_path {
public:
    static constexpr std::size_t max_duties = 8;
    static constexpr std::size_t max_taxes = 4;
    // The most rates and operators of all its duty components together.
    static constexpr std::size_t max_nodes = 16;
    // The most distinct units of its specific rates: never reached while the
    // nodes fit (a component of n nodes has at most (n + 1) / 2 rates).
    static constexpr std::size_t max_units = (max_nodes + max_duties) / 2;

    constexpr duty_path() noexcept = default;
    constexpr explicit duty_path(std::string_view name) noexcept : name_(name) {}

    // The same path with one more duty component. errc::invalid_argument
    // beyond max_duties components or max_nodes nodes in all. On a temporary (a chain:
    // duty_path<C>("x").with_duty(
    // ...).with_tax(...)) each builder changes that temporary and returns it
    // as an rvalue reference, so a chain copies nothing; keep its result by
    // value (auto path = ...), never by reference, since the temporary ends
    // with the full expression.
    constexpr duty_path with_duty(std::string_view name, std::string_view legal_basis,
                                  const duty_expression<C>& duty) const& {
        duty_path out = *this;
        out.add_duty(name, legal_basis, duty);
        return out;
    }
    constexpr duty_path&& with_duty(std::string_view name, std::string_view legal_basis,
                                    const duty_expression<C>& duty) && {
        add_duty(name, legal_basis, duty);
        return static_cast<duty_path&&>(*this);
    }
    // A duty, tax or relief in another currency (a GBP expression on a CAD
    // path): named, never callable (see detail/mistake.hpp).
    template <class C2, unsigned N, std::size_t K>
    requires(!std::same_as<C2, C>)
        mistake::a_duty_in_another_currency_cannot_join_this_path__convert_with_an_exchange_rate
        with_duty(std::string_view, std::string_view, const duty_expression<C2, N, K>&)
    const TARIFF_DETAIL_REJECT(
        "tariff: with_duty: the duty expression's currency differs from the path's; convert "
        "its amounts with an exchange_rate, or build the expression in the path's currency");
    template <class C2, class U>
    requires(!std::same_as<C2, C>)
        mistake::a_duty_in_another_currency_cannot_join_this_path__convert_with_an_exchange_rate
        with_duty(std::string_view, std::string_view, const specific_rate<C2, U>&)
    const TARIFF_DETAIL_REJECT(
        "tariff: with_duty: the rate's currency differs from the path's; convert its amount "
        "with an exchange_rate, or write the rate in the path's currency");
    template <class C2>
    requires(!std::same_as<C2, C>)
        mistake::a_tax_in_another_currency_cannot_join_this_path__build_it_in_the_paths_currency
        with_tax(const tax_component<C2>&)
    const TARIFF_DETAIL_REJECT(
        "tariff: with_tax: the tax component's currency differs from the path's; write it as "
        "tax_component<C> in the path's currency");
    template <class C2>
    requires(!std::same_as<C2, C>)
        mistake::a_tax_in_another_currency_cannot_join_this_path__build_it_in_the_paths_currency
        with_de_minimis(const de_minimis<C2>&)
    const TARIFF_DETAIL_REJECT(
        "tariff: with_de_minimis: the relief's currency differs from the path's; convert its "
        "limit with an exchange_rate, or write it in the path's currency");
    constexpr duty_path with_tax(const tax_component<C>& tax) const& {
        duty_path out = *this;
        out.add_tax(tax);
        return out;
    }
    constexpr duty_path&& with_tax(const tax_component<C>& tax) && {
        add_tax(tax);
        return static_cast<duty_path&&>(*this);
    }
    constexpr duty_path with_de_minimis(const de_minimis<C>& relief) const& {
        duty_path out = *this;
        out.set_de_minimis(relief);
        return out;
    }
    constexpr duty_path&& with_de_minimis(const de_minimis<C>& relief) && {
        set_de_minimis(relief);
        return static_cast<duty_path&&>(*this);
    }
    constexpr duty_path renamed(std::string_view name) const& noexcept {
        duty_path out = *this;
        out.name_ = name;
        return out;
    }
    constexpr duty_path&& renamed(std::string_view name) && noexcept {
        name_ = name;
        return static_cast<duty_path&&>(*this);
    }

    constexpr std::string_view name() const noexcept { return name_; }
    constexpr std::size_t duty_count() const noexcept { return duty_count_; }
    // The nodes of all duty components together (at most max_nodes).
    constexpr std::size_t node_count() const noexcept { return node_count_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool duty(T) const
        TARIFF_DETAIL_REJECT(
            "tariff: an index is a whole number, not binary floating point, a character or a bool");
    // Duty component i (i < duty_count()), as a value: its name, legal basis
    // and expression (made from the pool).
    constexpr duty_component<C> duty(std::size_t i) const noexcept {
        return duty_component<C>{duty_name(i), duty_legal_basis(i), expression(i)};
    }
    constexpr std::string_view duty_name(std::size_t i) const noexcept {
        return {names_[i].name, names_[i].name_size};
    }
    constexpr std::string_view duty_legal_basis(std::size_t i) const noexcept {
        return {names_[i].legal_basis, names_[i].legal_basis_size};
    }
    // Duty component i's expression (a copy out of the pool).
    constexpr duty_expression<C> expression(std::size_t i) const noexcept {
        duty_expression<C> out;
        const std::size_t first = first_[i];
        out.size_ = size_[i];
        out.unit_count_ = 0;
        out.needs_ = 0;
        for (std::size_t k = 0; k < size_[i]; ++k) {
            duty_node n = nodes_[first + k];
            if (n.kind == duty_kind::specific) {
                n.unit_index = out.add_unit(*units_[n.unit_index]);
                out.needs_ |= units_[nodes_[first + k].unit_index]->dimension_bit;
            } else if (n.on_named_base()) { // its value_base is in the unit table
                n.unit_index = out.add_unit(*units_[n.unit_index]);
            }
            out.nodes_[k] = n;
        }
        return out;
    }
    // The exact duty of component i on `base` (as expression(i).explain(base),
    // without the copy), raising the error; try_explain returns it.
    constexpr duty_evaluation<C> explain(std::size_t i, const duty_base<C>& base) const {
        return try_explain(i, base).value();
    }
    constexpr result<duty_evaluation<C>> try_explain(std::size_t i,
                                                     const duty_base<C>& base) const noexcept {
        return duty_expression<C>::evaluate_nodes(nodes_.data() + first_[i], size_[i],
                                                  units_.data(), base);
    }
    // The same, but a duty with no finite decimal form because of a
    // fractional percent (33 1/3 % of 100.00) comes rounded to a multiple of
    // `step` by `mode`, once, from its exact fraction (a finite one comes
    // exact, as from try_explain; one a unit conversion makes non-finite is
    // errc::inexact, as from try_explain). The assessment uses it under
    // rounding_stage::each_component.
    constexpr result<duty_evaluation<C>> try_explain_rounded(std::size_t i,
                                                             const duty_base<C>& base, decimal step,
                                                             rounding_mode mode) const noexcept {
        const auto e = try_explain(i, base);
        if (e || e.error() != errc::inexact)
            return e;
        return duty_expression<C>::evaluate_exact(nodes_.data() + first_[i], size_[i],
                                                  units_.data(), base,
                                                  detail::exact_rounding{true, step, mode});
    }
    constexpr std::size_t tax_count() const noexcept { return tax_count_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool tax(T) const
        TARIFF_DETAIL_REJECT(
            "tariff: an index is a whole number, not binary floating point, a character or a bool");
    // Tax i (i < tax_count()), as a value (the path keeps it packed).
    constexpr tax_component<C> tax(std::size_t i) const noexcept {
        const packed_tax& t = taxes_[i];
        return tax_component<C>{t.name,     t.legal_basis, tax_expression(i),
                                t.on_value, t.duties,      t.on_earlier_taxes};
    }
    // Tax i's parts, without making its expression.
    constexpr std::string_view tax_name(std::size_t i) const noexcept { return taxes_[i].name; }
    constexpr std::string_view tax_legal_basis(std::size_t i) const noexcept {
        return taxes_[i].legal_basis;
    }
    constexpr bool tax_on_value(std::size_t i) const noexcept { return taxes_[i].on_value; }
    constexpr std::uint32_t tax_duties(std::size_t i) const noexcept { return taxes_[i].duties; }
    constexpr bool tax_on_earlier_taxes(std::size_t i) const noexcept {
        return taxes_[i].on_earlier_taxes;
    }
    // Whether tax i's rate is one ad valorem rate (kept in the tax itself;
    // any other expression's nodes are in the path's node pool).
    constexpr bool tax_is_ad_valorem(std::size_t i) const noexcept {
        return taxes_[i].pool_size == 0;
    }
    // Tax i's rate as an expression (a copy; one node for an ad valorem tax).
    constexpr duty_expression<C> tax_expression(std::size_t i) const noexcept {
        const packed_tax& t = taxes_[i];
        if (t.pool_size == 0)
            return duty_expression<C>(inline_tax_rate(i));
        duty_expression<C> out;
        const std::size_t first = t.first();
        out.size_ = t.pool_size;
        out.unit_count_ = 0;
        out.needs_ = 0;
        for (std::size_t k = 0; k < t.pool_size; ++k) {
            duty_node n = nodes_[first + k];
            if (n.kind == duty_kind::specific) {
                n.unit_index = out.add_unit(*units_[n.unit_index]);
                out.needs_ |= units_[nodes_[first + k].unit_index]->dimension_bit;
            }
            out.nodes_[k] = n;
        }
        return out;
    }
    // Tax i's exact amount on `base` (its value: the tax base; its
    // quantities: the entry's), raising the error; try_explain_tax returns it.
    constexpr duty_evaluation<C> explain_tax(std::size_t i, const duty_base<C>& base) const {
        return try_explain_tax(i, base).value();
    }
    constexpr result<duty_evaluation<C>> try_explain_tax(std::size_t i,
                                                         const duty_base<C>& base) const noexcept {
        const packed_tax& t = taxes_[i];
        if (t.pool_size == 0) {
            const auto e = detail::multiply(base.value().amount(), t.fraction());
            if (!e)
                return e.error();
            return duty_evaluation<C>{money<C>(e.value_or({})), false, false};
        }
        return duty_expression<C>::evaluate_nodes(nodes_.data() + t.first(), t.pool_size,
                                                  units_.data(), base);
    }
    constexpr bool has_de_minimis() const noexcept { return has_relief_; }
    constexpr const de_minimis<C>& relief() const noexcept { return relief_; }

    // The same path with a duty already determined (an anti-dumping or
    // countervailing duty assessed elsewhere, for this entry) as one more
    // duty component: a fixed amount, in the duties total and in the base of
    // every tax whose `duties` has its bit (all_duties: every tax's). A path
    // is a value: copy the schedule's path for the entry and add it.
    // errc::negative_quantity for a negative amount; errc::invalid_argument
    // as for with_duty. try_with_determined_duty returns the error.
    constexpr duty_path with_determined_duty(std::string_view name, std::string_view legal_basis,
                                             money<C> amount) const {
        return try_with_determined_duty(name, legal_basis, amount).value();
    }
    constexpr result<duty_path> try_with_determined_duty(std::string_view name,
                                                         std::string_view legal_basis,
                                                         money<C> amount) const noexcept {
        if (amount < money<C>{})
            return errc::negative_quantity;
        if (duty_count_ == max_duties || std::size_t{node_count_} + 1 > max_nodes ||
            name.size() > ~std::uint32_t{0} || legal_basis.size() > ~std::uint32_t{0})
            return errc::invalid_argument;
        duty_path out = *this;
        // Cannot raise: the checks above are add_duty's, and a fixed amount
        // has no unit.
        out.add_duty(name, legal_basis, duty_expression<C, 0>::fixed(amount));
        return out;
    }
    // The same path with one more tax; the non-throwing form of with_tax.
    constexpr result<duty_path> try_with_tax(const tax_component<C>& tax) const noexcept {
        duty_path out = *this;
        if (const errc e = out.try_add_tax(tax); e != errc::ok)
            return e;
        return out;
    }

private:
    constexpr void add_duty(std::string_view name, std::string_view legal_basis,
                            const duty_expression<C>& duty) {
        if (duty_count_ == max_duties || node_count_ + duty.size() > max_nodes ||
            name.size() > ~std::uint32_t{0} || legal_basis.size() > ~std::uint32_t{0})
            detail::raise(errc::invalid_argument);
        // The units first (into a copy of the table), so that a rejected
        // component changes nothing.
        std::array<const unit_info*, max_units> units = units_;
        std::size_t unit_count = unit_count_;
        std::array<std::uint8_t, duty_expression<C>::capacity> index{};
        for (std::size_t u = 0; u < duty.unit_count(); ++u) {
            std::size_t j = 0;
            // Compared by facts, not addresses (see duty_expression::add_unit).
            const unit_info& x = duty.unit(u);
            while (j < unit_count &&
                   !(units[j]->dimension_bit == x.dimension_bit && units[j]->num == x.num &&
                     units[j]->den == x.den && units[j]->symbol == x.symbol))
                ++j;
            if (j == unit_count) {
                if (unit_count == max_units) // cannot happen while the nodes fit
                    detail::raise(errc::invalid_argument);
                units[unit_count++] = &duty.unit(u);
            }
            index[u] = static_cast<std::uint8_t>(j);
        }
        units_ = units;
        unit_count_ = static_cast<std::uint8_t>(unit_count);
        names_[duty_count_] = {name.data(), legal_basis.data(),
                               static_cast<std::uint32_t>(name.size()),
                               static_cast<std::uint32_t>(legal_basis.size())};
        first_[duty_count_] = static_cast<std::uint8_t>(node_count_);
        size_[duty_count_] = static_cast<std::uint8_t>(duty.size());
        for (std::size_t k = 0; k < duty.size(); ++k) {
            duty_node n = duty.nodes()[k];
            if (n.kind == duty_kind::specific || n.on_named_base()) // (a value_base)
                n.unit_index = index[n.unit_index];
            nodes_[node_count_ + k] = n;
        }
        node_count_ = static_cast<std::uint8_t>(node_count_ + duty.size());
        ++duty_count_;
    }
    constexpr void add_tax(const tax_component<C>& tax) { detail::raise(try_add_tax(tax)); }
    // One ad valorem rate is kept in the tax (no pool node: a path whose
    // duties fill the pool still takes a GST); any other expression's nodes
    // go into the pool after the duties' (errc::invalid_argument beyond
    // max_nodes in all, or max_taxes taxes). A rejected tax changes nothing.
    constexpr errc try_add_tax(const tax_component<C>& tax) noexcept {
        if (tax_count_ == max_taxes)
            return errc::invalid_argument;
        const duty_expression<C>& rate = tax.rate;
        const bool one_rate = rate.size() == 1 && rate.root().kind == duty_kind::ad_valorem;
        std::size_t first = 0;
        std::size_t size = 0;
        decimal f{};
        if (one_rate) {
            f = rate.root().amount();
        } else {
            if (node_count_ + rate.size() > max_nodes)
                return errc::invalid_argument;
            std::array<const unit_info*, max_units> units = units_;
            std::size_t unit_count = unit_count_;
            std::array<std::uint8_t, duty_expression<C>::capacity> index{};
            for (std::size_t u = 0; u < rate.unit_count(); ++u) {
                std::size_t j = 0;
                const unit_info& x = rate.unit(u);
                while (j < unit_count &&
                       !(units[j]->dimension_bit == x.dimension_bit && units[j]->num == x.num &&
                         units[j]->den == x.den && units[j]->symbol == x.symbol))
                    ++j;
                if (j == unit_count) {
                    if (unit_count == max_units)
                        return errc::invalid_argument;
                    units[unit_count++] = &rate.unit(u);
                }
                index[u] = static_cast<std::uint8_t>(j);
            }
            units_ = units;
            unit_count_ = static_cast<std::uint8_t>(unit_count);
            first = node_count_;
            size = rate.size();
            for (std::size_t k = 0; k < size; ++k) {
                duty_node n = rate.nodes()[k];
                if (n.kind == duty_kind::specific)
                    n.unit_index = index[n.unit_index];
                nodes_[first + k] = n;
            }
            node_count_ = static_cast<std::uint8_t>(node_count_ + size);
        }
        taxes_[tax_count_++] =
            packed_tax{tax.name,
                       tax.legal_basis,
                       one_rate ? f.coefficient() : static_cast<std::int64_t>(first),
                       tax.duties,
                       static_cast<std::int8_t>(f.scale()),
                       tax.on_value,
                       tax.on_earlier_taxes,
                       static_cast<std::uint8_t>(size)};
        return errc::ok;
    }
    constexpr ad_valorem inline_tax_rate(std::size_t i) const noexcept {
        return ad_valorem::try_from_fraction(taxes_[i].fraction()).value_or({});
    }
    constexpr void set_de_minimis(const de_minimis<C>& relief) {
        if (relief.limit < money<C>{})
            detail::raise(errc::negative_quantity);
        relief_ = relief;
        has_relief_ = true;
    }

    // A component's name and legal basis in 24 bytes, not 32.
    struct names {
        const char* name = nullptr;
        const char* legal_basis = nullptr;
        std::uint32_t name_size = 0;
        std::uint32_t legal_basis_size = 0;
    };

    // A tax_component in 48 bytes, not 64 (a decimal's scale fits 8 bits):
    // an ad valorem tax's rate in coefficient and scale (pool_size 0), any
    // other's pool_size nodes in the pool from nodes_[coefficient] on.
    struct packed_tax {
        std::string_view name;
        std::string_view legal_basis;
        std::int64_t coefficient = 0;
        std::uint32_t duties = 0;
        std::int8_t scale = 0;
        bool on_value = true;
        bool on_earlier_taxes = false;
        std::uint8_t pool_size = 0;
        constexpr std::size_t first() const noexcept {
            return static_cast<std::size_t>(coefficient);
        }
        constexpr decimal fraction() const noexcept {
            return decimal::try_from_parts(coefficient, scale).value_or({});
        }
    };

    friend struct detail::path_access;

    std::string_view name_;
    std::array<names, max_duties> names_{};
    std::array<duty_node, max_nodes> nodes_{};
    std::array<const unit_info*, max_units> units_{};
    std::array<packed_tax, max_taxes> taxes_{};
    de_minimis<C> relief_{};
    std::array<std::uint8_t, max_duties> first_{}; // component i: nodes_[first_[i]] ...
    std::array<std::uint8_t, max_duties> size_{};  // ... and size_[i] of them
    std::uint8_t duty_count_ = 0;
    std::uint8_t tax_count_ = 0;
    std::uint8_t node_count_ = 0;
    std::uint8_t unit_count_ = 0;
    bool has_relief_ = false;
};

// Named route through a tariff line for an origin ("standard" for CN).
template <currency_tag C>
struct treatment {
    std::string_view name;
    std::string_view origin; // ISO 3166 alpha-2, or empty for any origin
    duty_path<C> path;
};

// Treatments: the most treatments the line holds (6 unless given: the MFN
// path and the preferences of a typical line); a line built in a constant
// expression can say how many it has (tariff_line<CAD, 2>) and be no larger.
template <currency_tag C, std::size_t Treatments = 6>
class tariff_line {
    static_assert(Treatments >= 1, "tariff: a tariff line holds at least one treatment");

public:
    static constexpr std::size_t max_treatments = Treatments;

    constexpr tariff_line(hs_code code, std::string_view description, const unit_info& unit,
                          duty_expression<C> mfn, std::string_view mfn_basis) noexcept
        : code_(code), description_(description), unit_(&unit), mfn_(mfn), mfn_basis_(mfn_basis) {}

    constexpr const hs_code& code() const noexcept { return code_; }
    constexpr std::string_view description() const noexcept { return description_; }
    constexpr const unit_info& unit() const noexcept { return *unit_; }
    constexpr const duty_expression<C>& mfn() const noexcept { return mfn_; }

    // A path holding the MFN duty as its first component; add surtaxes and
    // taxes to it.
    constexpr duty_path<C> mfn_path(std::string_view name) const {
        return duty_path<C>(name).with_duty("MFN", mfn_basis_, mfn_);
    }

    // A path in another currency: named, never callable (see detail/mistake.hpp).
    template <class C2>
    requires(
        !std::same_as<C2, C>) mistake::a_path_in_another_currency_cannot_be_a_treatment_of_this_line
        with_treatment(std::string_view, std::string_view, const duty_path<C2>&)
    const TARIFF_DETAIL_REJECT("tariff: with_treatment: the path's currency differs from the "
                               "line's; build the path in the line's currency (convert its rates "
                               "with an exchange_rate)");
    // The line with one more treatment (the path renamed `name`);
    // errc::invalid_argument beyond max_treatments. On a temporary line it
    // adds to that line and returns it as an rvalue reference (keep the
    // result by value), as duty_path's builders do.
    constexpr tariff_line with_treatment(std::string_view name, std::string_view origin,
                                         const duty_path<C>& path) const& {
        tariff_line out = *this;
        out.add_treatment(name, origin, path);
        return out;
    }
    constexpr tariff_line&& with_treatment(std::string_view name, std::string_view origin,
                                           const duty_path<C>& path) && {
        add_treatment(name, origin, path);
        return static_cast<tariff_line&&>(*this);
    }

    constexpr std::size_t treatment_count() const noexcept { return count_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        treatment_at(T) const TARIFF_DETAIL_REJECT(
            "tariff: an index is a whole number, not binary floating point, a character or a bool");
    constexpr const treatment<C>& treatment_at(std::size_t i) const noexcept {
        return treatments_[i];
    }
    // The path of the treatment called `name`; errc::invalid_argument if none.
    constexpr const duty_path<C>& path(std::string_view name) const {
        for (std::size_t i = 0; i < count_; ++i)
            if (treatments_[i].name == name)
                return treatments_[i].path;
        detail::raise(errc::invalid_argument);
        return treatments_[0].path;
    }

private:
    constexpr void add_treatment(std::string_view name, std::string_view origin,
                                 const duty_path<C>& path) {
        if (count_ == max_treatments)
            detail::raise(errc::invalid_argument);
        auto& t = treatments_[count_++];
        t.name = name;
        t.origin = origin;
        t.path = path;
        static_cast<duty_path<C>&&>(t.path).renamed(name); // in place
    }

    hs_code code_;
    std::string_view description_;
    const unit_info* unit_;
    duty_expression<C> mfn_;
    std::string_view mfn_basis_;
    std::array<treatment<C>, max_treatments> treatments_{};
    std::size_t count_ = 0;
};

// When rounding happens in an assessment.
enum class rounding_stage : unsigned char {
    each_component, // every duty and tax line is rounded; totals add rounded lines
    totals,         // lines stay exact; only the totals are rounded
};

// How an assessment rounds. The mode has no default: rounding is never chosen
// for the caller, and a policy that leaves it out (rounding_policy<C>{}) does
// not compile. One whose mode is not a mode (static_cast<rounding_mode>(42)) is
// rejected by assess() with errc::invalid_argument.
template <currency_tag C>
struct rounding_policy {
    required_rounding_mode mode;
    money<C> granularity = money<C>::from_minor_units(1);
    rounding_stage stage = rounding_stage::each_component;
    // Zero: the value is used as given. Otherwise the value is first rounded
    // to a multiple of this, by `mode` (US 19 CFR 159.3: whole dollars).
    money<C> value_granularity{};
};

enum class component_kind : unsigned char { duty, tax };

// The rate a line applied: its duty component's or its tax's expression (a
// reference into the path). Compares with, and converts to, a
// duty_expression<C>; to_string (io.hpp) prints it as the expression.
template <currency_tag C>
class line_rate {
public:
    // No rate: as a tax of 0 % (an empty assessment_line).
    constexpr line_rate() noexcept = default;
    // Duty component i of `path` (which must outlive the rate).
    constexpr line_rate(const duty_path<C>& path, std::size_t i) noexcept
        : path_(&path), index_(static_cast<std::uint8_t>(i)), is_tax_(false) {}
    // Component i of `path` of the kind given (a duty or a tax).
    constexpr line_rate(const duty_path<C>& path, std::size_t i, component_kind kind) noexcept
        : path_(&path), index_(static_cast<std::uint8_t>(i)), is_tax_(kind == component_kind::tax) {
    }
    constexpr explicit line_rate(ad_valorem tax) noexcept : tax_(tax), is_tax_(true) {}

    constexpr bool is_tax() const noexcept { return is_tax_; }
    // The line's expression (made from the path's component; a tax given
    // as an ad_valorem alone: that rate as a one-node expression).
    constexpr duty_expression<C> expression() const noexcept {
        if (is_tax_)
            return path_ ? path_->tax_expression(index_) : duty_expression<C>(tax_);
        return path_->expression(index_);
    }
    constexpr operator duty_expression<C>() const noexcept { return expression(); }
    // A tax line's rate if it is one ad valorem rate; zero for a duty line
    // or a tax of any other expression (see expression()).
    constexpr ad_valorem tax_rate() const noexcept {
        if (is_tax_ && path_ && path_->tax_is_ad_valorem(index_))
            return ad_valorem::try_from_fraction(path_->tax_expression(index_).root().amount())
                .value_or({});
        return tax_;
    }

    template <unsigned N, std::size_t K>
    friend constexpr bool operator==(const line_rate& a,
                                     const duty_expression<C, N, K>& b) noexcept {
        return a.expression() == b;
    }

private:
    const duty_path<C>* path_ = nullptr;
    ad_valorem tax_{};
    std::uint8_t index_ = 0;
    bool is_tax_ = true;
};

// One line of an assessment, as a value: what the assessment computed (base,
// exact, rounded, flags) and, from the path it refers to, the component's
// name, legal basis and rate. Made on access (a[i], a.line(name), iterating);
// its name, legal basis and rate refer into the path, which must outlive it.
template <currency_tag C>
struct assessment_line {
    component_kind kind = component_kind::duty;
    std::size_t component = 0;    // the index of path.duty(i) or path.tax(i)
    std::string_view name;        // the component's
    std::string_view legal_basis; // the component's
    money<C> base;                // the value it was computed on (a tax: value + duties ...)
    line_rate<C> rate;            // the duty expression, or the tax's rate
    money<C> exact;               // exact, unrounded
    money<C> rounded;             // as the policy rounds it (= exact when rounding on totals)
    bool floor_applied = false;
    bool ceiling_applied = false;
    bool relieved = false; // zero because of de minimis
    // The exact duty has no finite decimal form (33 1/3 % of USD 100.00 is
    // 100/3): `exact` holds it rounded as `rounded` does, once, from the
    // exact fraction (rounding_stage::each_component only; under totals
    // such a duty is errc::inexact).
    bool exact_is_rounded = false;
};

namespace detail {
// What an assessment keeps per line: the figures, and the component by index.
template <currency_tag C>
struct assessed_component {
    money<C> base{};
    money<C> exact{};
    money<C> rounded{};
    component_kind kind = component_kind::duty;
    std::uint8_t index = 0;
    bool floor_applied = false;
    bool ceiling_applied = false;
    bool relieved = false;
    bool exact_is_rounded = false;
};
} // namespace detail

template <currency_tag C>
class assessment;

namespace detail {
template <currency_tag C>
[[nodiscard]] constexpr errc assess_in_place(assessment<C>& a, const duty_path<C>& path,
                                             const duty_base<C>& base,
                                             const rounding_policy<C>& policy) noexcept;
template <currency_tag C>
[[nodiscard]] constexpr bool try_assess_simple(assessment<C>& a, const duty_path<C>& path,
                                               const duty_base<C>& base,
                                               const rounding_policy<C>& policy) noexcept;
} // namespace detail

// The assessment of one entry on one path. It refers to the path (its lines'
// names, legal bases and rates are the path's components, by index) and does
// not copy it: THE PATH MUST OUTLIVE THE ASSESSMENT (keep the tariff_line or
// duty_path it came from alive, as one keeps a container alive for its
// iterators). The figures (value, base, lines' amounts, totals, policy) are
// the assessment's own. assess() on a temporary path does not compile. In a
// constant expression the path must be a constexpr object (or live as long as
// the assessment is used).
template <currency_tag C>
class assessment {
public:
    static constexpr std::size_t max_lines = duty_path<C>::max_duties + duty_path<C>::max_taxes;

    class const_iterator {
    public:
        using value_type = assessment_line<C>;
        using reference = assessment_line<C>;
        using difference_type = std::ptrdiff_t;
        constexpr const_iterator() noexcept = default;
        constexpr assessment_line<C> operator*() const noexcept { return (*a_)[i_]; }
        constexpr const_iterator& operator++() noexcept {
            ++i_;
            return *this;
        }
        constexpr const_iterator operator++(int) noexcept {
            const_iterator old = *this;
            ++i_;
            return old;
        }
        friend constexpr bool operator==(const const_iterator& x,
                                         const const_iterator& y) noexcept {
            return x.i_ == y.i_;
        }

    private:
        friend class assessment;
        constexpr const_iterator(const assessment* a, std::size_t i) noexcept : a_(a), i_(i) {}
        const assessment* a_ = nullptr;
        std::size_t i_ = 0;
    };

    // The path assessed (the one passed to assess; not a copy).
    constexpr const duty_path<C>& path() const noexcept { return *path_; }
    constexpr std::string_view path_name() const noexcept {
        return has_path_ ? path_->name() : std::string_view{};
    }
    constexpr money<C> value() const noexcept { return value_; }             // as declared
    constexpr money<C> value_used() const noexcept { return base_.value(); } // after value rounding
    // The value used and the quantities declared.
    constexpr const duty_base<C>& base() const noexcept { return base_; }
    constexpr std::size_t size() const noexcept { return size_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
    operator[](T) const TARIFF_DETAIL_REJECT(
        "tariff: an index is a whole number, not binary floating point, a character or a bool");
    // Line i (i < size()), made from the stored figures and the path's component.
    constexpr assessment_line<C> operator[](std::size_t i) const noexcept {
        const detail::assessed_component<C>& l = lines_[i];
        const bool tax = l.kind == component_kind::tax;
        return assessment_line<C>{l.kind,
                                  l.index,
                                  tax ? path_->tax_name(l.index) : path_->duty_name(l.index),
                                  tax ? path_->tax_legal_basis(l.index)
                                      : path_->duty_legal_basis(l.index),
                                  l.base,
                                  line_rate<C>(*path_, l.index, l.kind),
                                  l.exact,
                                  l.rounded,
                                  l.floor_applied,
                                  l.ceiling_applied,
                                  l.relieved,
                                  l.exact_is_rounded};
    }
    constexpr const_iterator begin() const noexcept { return const_iterator(this, 0); }
    constexpr const_iterator end() const noexcept { return const_iterator(this, size_); }
    // The line called `name`; errc::invalid_argument if none.
    constexpr assessment_line<C> line(std::string_view name) const {
        for (std::size_t i = 0; i < size_; ++i) {
            const auto& l = lines_[i];
            const std::string_view n = l.kind == component_kind::tax ? path_->tax_name(l.index)
                                                                     : path_->duty_name(l.index);
            if (n == name)
                return (*this)[i];
        }
        detail::raise(errc::invalid_argument);
        return {};
    }
    constexpr money<C> duties() const noexcept { return duties_; }
    constexpr money<C> taxes() const noexcept { return taxes_; }
    // duties() + taxes(); raises errc::overflow if the sum does not fit
    // (try_total() is the non-throwing form).
    constexpr money<C> total() const { return try_total().value(); }
    constexpr result<money<C>> try_total() const noexcept { return try_add(duties_, taxes_); }
    constexpr const rounding_policy<C>& policy() const noexcept { return policy_; }
    constexpr bool de_minimis_applied() const noexcept { return relieved_; }

private:
    friend constexpr errc detail::assess_in_place<C>(assessment<C>&, const duty_path<C>&,
                                                     const duty_base<C>&,
                                                     const rounding_policy<C>&) noexcept;
    friend constexpr bool detail::try_assess_simple<C>(assessment<C>&, const duty_path<C>&,
                                                       const duty_base<C>&,
                                                       const rounding_policy<C>&) noexcept;

    const duty_path<C>* path_ = nullptr;
    duty_base<C> base_{money<C>{}};
    money<C> value_{};
    money<C> duties_{};
    money<C> taxes_{};
    rounding_policy<C> policy_{rounding_mode{}}; // assess() sets it; no mode before
    std::array<detail::assessed_component<C>, max_lines> lines_{};
    std::uint8_t size_ = 0;
    bool relieved_ = false;
    bool has_path_ = false;
};

namespace detail {
// m rounded to a multiple of the policy's granularity (formed in 128 bits:
// see detail::round_to_multiple).
template <class C>
constexpr result<money<C>> round_by(money<C> m, const rounding_policy<C>& p) noexcept {
    const decimal step = p.granularity.amount();
    if (step.coefficient() <= 0) // the granularity is not positive
        return errc::invalid_argument;
    if (step.coefficient() == 1 && m.amount().scale() >= step.scale()) {
        // A multiple of 10^-k (the minor unit): rounding to k places, the same
        // value and scale as round_to_multiple gives, in 64 bits (no 128-bit
        // division).
        const auto r = detail::round_to_scale(m.amount(), step.scale(), p.mode);
        if (!r)
            return r.error();
        return money<C>(r.value_or({}));
    }
    const auto r = detail::round_to_multiple(m.amount(), step, p.mode);
    if (!r)
        return r.error();
    return money<C>(r.value_or({}));
}
// A running total, kept in 128 bits: only the (rounded) total must fit money.
using wide_total = basic_decimal<int128_t>;
constexpr result<wide_total> accumulate(wide_total total, decimal d) noexcept {
    const wide_total w = narrow<int128_t>(d).value_or({}); // widening: always fits
    // The first term: 0 (at scale 0) + d is d at d's scale, what add gives,
    // without aligning the scales; later terms then share d's scale.
    if (total.coefficient() == 0 && total.scale() == 0)
        return w;
    return detail::add(total, w);
}
template <class C>
constexpr result<money<C>> to_money(const result<wide_total>& r) noexcept {
    if (!r)
        return r.error();
    const auto n = narrow<std::int64_t>(r.value_or({}));
    if (!n)
        return n.error();
    return money<C>(n.value_or({}));
}

// A running total with the value and scale that adding its terms to 0 in 128
// bits gives (accumulate), kept in 64 bits while the terms share one scale and
// the sum fits (the common case: lines rounded to the cent), in 128 otherwise.
class running_total {
public:
    constexpr errc add(decimal d) noexcept {
        if (!wide_) {
            if (empty_) {
                small_ = d; // 0 + d, as accumulate gives it
                empty_ = false;
                return errc::ok;
            }
            std::int64_t sum = 0;
            if (small_.scale() == d.scale() &&
                !add_overflows(small_.coefficient(), d.coefficient(), sum)) {
                small_ = decimal::try_from_parts(sum, d.scale()).value_or({});
                return errc::ok;
            }
            big_ = value();
            wide_ = true;
        }
        const auto r = accumulate(big_, d);
        if (!r)
            return r.error();
        big_ = r.value_or({});
        return errc::ok;
    }
    // Adds another total (a cascading tax's base takes the taxes before it).
    constexpr errc add(const running_total& other) noexcept {
        const auto r = detail::add(value(), other.value());
        if (!r)
            return r.error();
        big_ = r.value_or({});
        wide_ = true;
        return errc::ok;
    }
    constexpr wide_total value() const noexcept {
        if (wide_)
            return big_;
        return empty_ ? wide_total{} : narrow<int128_t>(small_).value_or({});
    }
    // The total as money; errc::overflow if it does not fit.
    template <class C>
    constexpr result<money<C>> to_money() const noexcept {
        if (!wide_)
            return money<C>(empty_ ? decimal{} : small_);
        return detail::to_money<C>(result<wide_total>(big_));
    }

private:
    decimal small_{};
    wide_total big_{};
    bool empty_ = true;
    bool wide_ = false;
};
} // namespace detail

// Assesses an entry on a path into `out`, in place: no copy of the path, its
// expressions or the assessment. Returns the number of lines. On an error
// (the errors of assess()) `out` is left an empty assessment, never a
// partial one. `out` refers to `path` afterwards: the path must outlive it.
template <currency_tag C>
constexpr result<std::size_t> try_assess_into(assessment<C>& out, const duty_path<C>& path,
                                              const std::type_identity_t<duty_base<C>>& base,
                                              const rounding_policy<C>& policy) noexcept {
    const errc e = detail::assess_in_place(out, path, base, policy);
    if (e != errc::ok) {
        out = assessment<C>{};
        return e;
    }
    return out.size();
}

// The throwing form: raises what assess() raises (out is then empty).
template <currency_tag C>
constexpr void assess_into(assessment<C>& out, const duty_path<C>& path,
                           const std::type_identity_t<duty_base<C>>& base,
                           const rounding_policy<C>& policy) {
    detail::raise(try_assess_into(out, path, base, policy).error());
}

// The non-throwing form of assess(). The currency comes from the path, so a base
// whose quantities are known at compile time converts, as it does for assess().
template <currency_tag C>
constexpr result<assessment<C>> try_assess(const duty_path<C>& path,
                                           const std::type_identity_t<duty_base<C>>& base,
                                           const rounding_policy<C>& policy) noexcept {
    assessment<C> a;
    const auto r = try_assess_into(a, path, base, policy);
    if (!r)
        return r.error();
    return a;
}

namespace detail {
// What the fast path reads of a path, in place.
struct path_access {
    // Duty i's rate if the duty is one ad valorem rate on the entry's value
    // (no named value, no fractional percent); false otherwise.
    template <class C>
    static constexpr bool plain_ad_valorem_duty(const duty_path<C>& p, std::size_t i,
                                                decimal& rate) noexcept {
        if (p.size_[i] != 1)
            return false;
        const duty_node& n = p.nodes_[p.first_[i]];
        if (n.kind != duty_kind::ad_valorem || n.base_flags != 0 || n.denominator() != 1)
            return false;
        rate = n.amount();
        return true;
    }
    // Tax i's rate as a coefficient and scale if it is one ad valorem rate.
    template <class C>
    static constexpr bool ad_valorem_tax(const duty_path<C>& p, std::size_t i,
                                         std::int64_t& coefficient, int& scale) noexcept {
        const auto& t = p.taxes_[i];
        if (t.pool_size != 0)
            return false;
        coefficient = t.coefficient;
        scale = t.scale;
        return true;
    }
};

// The integer fast path of assess_in_place: every duty one ad valorem rate
// on the value, every tax one ad valorem rate; lines rounded each
// (rounding_stage::each_component) to a power of ten (granularity 10^-k, the
// value at k places, no value rounding), no de minimis. Each product and sum
// is one checked int64 operation at the scale the general path gives it (so
// the figures, scales included, are the general path's): it returns false
// (and the caller runs the general path from the start, which rewrites every
// field) on anything else, including any overflow (the general path then
// finds the result in wider arithmetic, or its error), a product with more
// places than a decimal holds, a negative value and a tax with no base terms.
// A fast-path line's figures: the exact product c * r (at scale cs + rs) and
// its rounding to g places, as detail::multiply's fast case and
// detail::round_by give them; false if the product overflows, has more places
// than a decimal holds or fewer than g. Its flags are all false.
template <currency_tag C>
[[nodiscard, gnu::always_inline]] constexpr bool
simple_line_figures(std::int64_t c, int cs, std::int64_t r, int rs, int g, rounding_mode mode,
                    assessed_component<C>& line) noexcept {
    std::int64_t p = 0;
    const int s = cs + rs;
    if (mul_overflows(c, r, p) || s > decimal::max_scale || s < g)
        return false;
    line.exact = money<C>(decimal::try_from_parts(p, s).value_or({}));
    const std::int64_t q = s == g ? p : divide_pow10_64(p, s - g, mode);
    line.rounded = money<C>(decimal::try_from_parts(q, g).value_or({}));
    line.floor_applied = false;
    line.ceiling_applied = false;
    line.relieved = false;
    line.exact_is_rounded = false;
    return true;
}

template <currency_tag C>
[[nodiscard]] constexpr bool try_assess_simple(assessment<C>& a, const duty_path<C>& path,
                                               const duty_base<C>& base,
                                               const rounding_policy<C>& policy) noexcept {
    const decimal step = policy.granularity.amount();
    const decimal v = base.value().amount();
    const int g = step.scale();
    if (policy.stage != rounding_stage::each_component || step.coefficient() != 1 ||
        policy.value_granularity != money<C>{} || path.has_de_minimis() || v.scale() != g ||
        v.coefficient() < 0)
        return false;
    const std::size_t duty_count = path.duty_count();
    std::int64_t duties = 0; // the rounded lines' sum, at scale g
    for (std::size_t i = 0; i < duty_count; ++i) {
        decimal rate;
        if (!path_access::plain_ad_valorem_duty(path, i, rate))
            return false;
        auto& line = a.lines_[i];
        line.kind = component_kind::duty;
        line.index = static_cast<std::uint8_t>(i);
        line.base = base.value();
        if (!simple_line_figures(v.coefficient(), g, rate.coefficient(), rate.scale(), g,
                                 policy.mode, line) ||
            add_overflows(duties, line.rounded.amount().coefficient(), duties))
            return false;
    }
    std::int64_t taxes = 0; // likewise
    for (std::size_t t = 0; t < path.tax_count(); ++t) {
        std::int64_t rc = 0;
        int rs = 0;
        if (!path_access::ad_valorem_tax(path, t, rc, rs))
            return false;
        std::int64_t b = 0; // the tax base at scale g
        bool any = false;   // a term other than an empty earlier-taxes total
        if (path.tax_on_value(t)) {
            b = v.coefficient();
            any = true;
        }
        const std::uint32_t bits = path.tax_duties(t);
        for (std::size_t i = 0; i < duty_count && i < 32; ++i) {
            if (!(bits & (std::uint32_t{1} << i)))
                continue;
            any = true;
            if (add_overflows(b, a.lines_[i].rounded.amount().coefficient(), b))
                return false;
        }
        if (path.tax_on_earlier_taxes(t) && t > 0) {
            any = true;
            if (add_overflows(b, taxes, b))
                return false;
        }
        if (!any || b < 0)
            return false;
        auto& line = a.lines_[duty_count + t];
        line.kind = component_kind::tax;
        line.index = static_cast<std::uint8_t>(t);
        line.base = money<C>(decimal::try_from_parts(b, g).value_or({}));
        if (!simple_line_figures(b, g, rc, rs, g, policy.mode, line) ||
            add_overflows(taxes, line.rounded.amount().coefficient(), taxes))
            return false;
    }
    a.path_ = &path;
    a.has_path_ = true;
    a.policy_ = policy;
    a.value_ = base.value();
    a.base_ = base;
    a.relieved_ = false;
    a.size_ = static_cast<std::uint8_t>(duty_count + path.tax_count());
    // No line: the general path's empty total, 0 at scale 0.
    a.duties_ =
        duty_count == 0 ? money<C>{} : money<C>(decimal::try_from_parts(duties, g).value_or({}));
    a.taxes_ = path.tax_count() == 0 ? money<C>{}
                                     : money<C>(decimal::try_from_parts(taxes, g).value_or({}));
    return true;
}

template <currency_tag C>
[[nodiscard]] constexpr errc assess_in_place(assessment<C>& a, const duty_path<C>& path,
                                             const duty_base<C>& base,
                                             const rounding_policy<C>& policy) noexcept {
    if (!is_valid(policy.mode) || policy.granularity.amount().coefficient() <= 0 ||
        (policy.stage != rounding_stage::each_component && policy.stage != rounding_stage::totals))
        return errc::invalid_argument;
    if (detail::try_assess_simple(a, path, base, policy))
        return errc::ok;
    a.path_ = &path;
    a.has_path_ = true;
    a.policy_ = policy;
    a.value_ = base.value();
    a.size_ = 0;
    // Under each_component only the rounded lines count (their exact sum is
    // never formed: it may not fit where the rounded one does); under totals,
    // only the exact lines.
    const bool each_line = policy.stage == rounding_stage::each_component;

    // The value base, rounded first if the policy says so.
    money<C> value = base.value();
    if (policy.value_granularity != money<C>{}) {
        rounding_policy<C> whole = policy;
        whole.granularity = policy.value_granularity;
        const auto v = detail::round_by(value, whole);
        if (!v)
            return v.error();
        value = v.value_or({});
    }
    a.base_ = base;
    if (value != base.value())
        a.base_ = base.with_value(value);
    const duty_base<C>& used = a.base_;

    const bool relieved = path.has_de_minimis() && base.value() <= path.relief().limit;
    a.relieved_ = relieved;
    const bool duty_relieved = relieved && path.relief().relieves_duty;
    const bool tax_relieved = relieved && path.relief().relieves_tax;

    detail::running_total duties; // the rounded lines' sum (each_component) or the exact lines'

    for (std::size_t i = 0; i < path.duty_count(); ++i) {
        auto& line = a.lines_[a.size_++];
        line.kind = component_kind::duty;
        line.index = static_cast<std::uint8_t>(i);
        line.base = value;
        line.exact = money<C>{};
        line.floor_applied = false;
        line.ceiling_applied = false;
        line.exact_is_rounded = false;
        if (!duty_relieved) {
            // Under each_component a duty with no finite decimal form (33 1/3 %)
            // is rounded once, from its exact fraction (value_bases.hpp).
            auto e = path.try_explain(i, used);
            if (!e && e.error() == errc::inexact && each_line) {
                e = path.try_explain_rounded(i, used, policy.granularity.amount(), policy.mode);
                line.exact_is_rounded = true;
            }
            if (!e)
                return e.error();
            const duty_evaluation<C>& ev = *e;
            line.exact = ev.amount;
            line.floor_applied = ev.floor_applied;
            line.ceiling_applied = ev.ceiling_applied;
        }
        line.relieved = duty_relieved;
        line.rounded = line.exact;
        if (each_line) {
            const auto r = detail::round_by(line.exact, policy);
            if (!r)
                return r.error();
            line.rounded = r.value_or({});
        }
        if (const errc e = duties.add((each_line ? line.rounded : line.exact).amount());
            e != errc::ok)
            return e;
    }

    detail::running_total taxes; // likewise
    for (std::size_t t = 0; t < path.tax_count(); ++t) {
        // The base is summed in 128 bits (value + 5.0104 may not fit where
        // value + 5.0104 + 0.0091 does) and reported on the line, so only the
        // whole base must fit money.
        detail::running_total wide_base;
        if (path.tax_on_value(t)) {
            if (const errc e = wide_base.add(value.amount()); e != errc::ok)
                return e;
        }
        for (std::size_t i = 0; i < path.duty_count(); ++i) {
            if (i >= 32 || !(path.tax_duties(t) & (std::uint32_t{1} << i)))
                continue;
            const auto& l = a.lines_[i];
            if (const errc e = wide_base.add((each_line ? l.rounded : l.exact).amount());
                e != errc::ok)
                return e;
        }
        if (path.tax_on_earlier_taxes(t)) {
            if (const errc e = wide_base.add(taxes); e != errc::ok)
                return e;
        }
        const auto base_money = wide_base.template to_money<C>();
        if (!base_money)
            return base_money.error();
        const money<C> tax_base = base_money.value_or({});
        auto& line = a.lines_[a.size_++];
        line.kind = component_kind::tax;
        line.index = static_cast<std::uint8_t>(t);
        line.base = tax_base;
        line.exact = money<C>{};
        line.floor_applied = false;
        line.ceiling_applied = false;
        line.exact_is_rounded = false; // not left from an earlier assessment in `a`
        line.relieved = tax_relieved;
        if (!tax_relieved) {
            // The tax's expression on the tax base, with the entry's
            // quantities (a specific excise); one ad valorem rate on the
            // base alone, as multiply gives it.
            if (tax_base < money<C>{})
                return errc::negative_quantity;
            const auto e = path.tax_is_ad_valorem(t)
                               ? path.try_explain_tax(t, duty_base<C>(tax_base))
                               : path.try_explain_tax(t, used.with_value(tax_base));
            if (!e)
                return e.error();
            line.exact = e.value_or({}).amount;
            line.floor_applied = e.value_or({}).floor_applied;
            line.ceiling_applied = e.value_or({}).ceiling_applied;
        }
        line.rounded = line.exact;
        if (each_line) {
            const auto r = detail::round_by(line.exact, policy);
            if (!r)
                return r.error();
            line.rounded = r.value_or({});
        }
        if (const errc e = taxes.add((each_line ? line.rounded : line.exact).amount());
            e != errc::ok)
            return e;
    }

    // Under totals, the exact sums are rounded in 128 bits: only the rounded
    // totals must fit.
    auto total = [&](const detail::running_total& t) {
        if (each_line)
            return t.template to_money<C>();
        return detail::to_money<C>(detail::round_to_multiple(
            t.value(), detail::narrow<int128_t>(policy.granularity.amount()).value_or({}),
            policy.mode));
    };
    const auto d = total(duties);
    const auto t = total(taxes);
    if (!d)
        return d.error();
    if (!t)
        return t.error();
    a.duties_ = d.value_or({});
    a.taxes_ = t.value_or({});
    return errc::ok;
}
} // namespace detail

// Assesses an entry (its value and quantities) on a path, rounded as the
// policy says (there is no default policy: rounding is explicit). Raises on a
// missing quantity (errc::missing_quantity), overflow, or a bad policy
// (errc::invalid_argument: a mode or stage that is not one, a granularity that
// is not positive).
template <currency_tag C, unsigned Declared>
constexpr assessment<C> assess(const duty_path<C>& path, const duty_base<C, Declared>& base,
                               const rounding_policy<C>& policy) {
    assessment<C> a;
    assess_into(a, path, duty_base<C>(base), policy);
    return a;
}

namespace mistake {
struct assess_needs_a_rounding_policy__such_as_tariff_rounding_half_even {};
struct an_assessment_refers_to_its_path__keep_the_path_in_a_variable {};
} // namespace mistake

// assess, try_assess, assess_into, try_assess_into and compare on a
// temporary path: named, never callable. The assessment refers to the path,
// which would be gone before the assessment is read.
#define TARIFF_DETAIL_TEMPORARY_PATH                                                               \
    TARIFF_DETAIL_REJECT("tariff: an assessment refers to its path and does not copy it, so the "  \
                         "path cannot be a temporary; keep it in a variable (or a constexpr "      \
                         "object) that outlives the assessment")
template <currency_tag C, unsigned Declared>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
assess(const duty_path<C>&&, const duty_base<C, Declared>&,
       const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;
template <currency_tag C>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
try_assess(const duty_path<C>&&, const std::type_identity_t<duty_base<C>>&,
           const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;
template <currency_tag C>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
try_assess_into(assessment<C>&, const duty_path<C>&&, const std::type_identity_t<duty_base<C>>&,
                const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;
template <currency_tag C>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
assess_into(assessment<C>&, const duty_path<C>&&, const std::type_identity_t<duty_base<C>>&,
            const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;

// assess(path, base) without a policy: named, never callable (there is no
// default rounding; see detail/mistake.hpp).
template <currency_tag C, unsigned Declared>
mistake::assess_needs_a_rounding_policy__such_as_tariff_rounding_half_even
assess(const duty_path<C>&, const duty_base<C, Declared>&)
    TARIFF_DETAIL_REJECT("tariff: assess(path, base, policy) needs a rounding policy, such "
                         "as {tariff::rounding::half_even}: the library never picks one");

// Both paths for one entry, and what the second costs more than the first.
template <currency_tag C>
struct path_comparison {
    assessment<C> first;
    assessment<C> second;
    // second.total() - first.total(); raises errc::overflow if a total or the
    // difference does not fit (try_difference() is the non-throwing form).
    constexpr money<C> difference() const { return try_difference().value(); }
    constexpr result<money<C>> try_difference() const noexcept {
        const auto a = first.try_total();
        const auto b = second.try_total();
        if (!a)
            return a.error();
        if (!b)
            return b.error();
        return try_subtract(b.value_or({}), a.value_or({}));
    }
};

// Refers to both paths, which must outlive it (as for assess).
template <currency_tag C, unsigned Declared>
constexpr path_comparison<C> compare(const duty_path<C>& first, const duty_path<C>& second,
                                     const duty_base<C, Declared>& base,
                                     const rounding_policy<C>& policy) {
    path_comparison<C> out;
    const duty_base<C> b(base);
    assess_into(out.first, first, b, policy);
    assess_into(out.second, second, b, policy);
    return out;
}
template <currency_tag C, unsigned Declared>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
compare(const duty_path<C>&&, const duty_path<C>&, const duty_base<C, Declared>&,
        const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;
template <currency_tag C, unsigned Declared>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
compare(const duty_path<C>&, const duty_path<C>&&, const duty_base<C, Declared>&,
        const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;
template <currency_tag C, unsigned Declared>
mistake::an_assessment_refers_to_its_path__keep_the_path_in_a_variable
compare(const duty_path<C>&&, const duty_path<C>&&, const duty_base<C, Declared>&,
        const rounding_policy<C>&) TARIFF_DETAIL_TEMPORARY_PATH;
#undef TARIFF_DETAIL_TEMPORARY_PATH

// --- measures of incidence -----------------------------------------------------

// Total duties / value, as a rate rounded to `places` decimal places of a
// percent. errc::division_by_zero for a zero value.
template <currency_tag C, detail::not_an_integer T>
mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
effective_rate(const assessment<C>&, T, required_rounding_mode)
    TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");
template <currency_tag C>
constexpr ad_valorem effective_rate(const assessment<C>& a, int places,
                                    required_rounding_mode mode) {
    // A percent rounded to `places` is the fraction rounded to places + 2
    // (no duties * 100 that could overflow first).
    if (places < 0)
        detail::raise(errc::invalid_argument);
    return ad_valorem::from_fraction(
        divide(a.duties().amount(), a.value_used().amount(), places + 2, mode));
}

// The ad valorem equivalent of a duty at a unit value (WTO/UNCTAD method: the
// duty on one unit divided by the unit value), as a rate rounded to `places`
// decimal places of a percent. unit_value is money per unit, e.g.
// 6.00_CAD / tariff::kg.
template <currency_tag C, unsigned Needs, std::size_t K, unit_tag U, detail::not_an_integer T>
mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
ad_valorem_equivalent(const duty_expression<C, Needs, K>&, const specific_rate<C, U>&, T,
                      required_rounding_mode)
    TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");
template <currency_tag C, unsigned Needs, std::size_t K, unit_tag U>
constexpr ad_valorem ad_valorem_equivalent(const duty_expression<C, Needs, K>& duty,
                                           const specific_rate<C, U>& unit_value, int places,
                                           required_rounding_mode mode) {
    const auto base = duty_base(unit_value.per_unit()).with(1 * U{});
    const auto d = duty(base);
    if (places < 0)
        detail::raise(errc::invalid_argument);
    return ad_valorem::from_fraction(
        divide(d.amount(), unit_value.per_unit().amount(), places + 2, mode));
}

} // namespace tariff
