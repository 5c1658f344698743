// tariff/meursing.hpp: duties with additional-code placeholders, and their
// resolution.
//
// The EU's Common Customs Tariff prints the duty of goods subject to the
// Meursing table (CN Annex I, Part Three, Section I, Annex 1) with
// placeholders for amounts that depend on the goods' composition:
//
//   8.30% +  EA MAX 18.70%  + ADSZ        (sweet biscuits, 1905 31 11)
//   9.00% +  EA                           (ice cream, 2105 00 10 ...)
//
// EA is the agricultural component, ADSZ and ADFM the additional duties on
// sugar and on flour (EAR, ADSZR, ADFMR: the reduced ones); see
// additional_code.hpp. A duty_template<C> holds such a duty: it parses,
// prints and compares like a duty_expression, and resolve(table) puts in each
// placeholder's place the expression the caller's placeholder_table gives
// (typically a specific amount per 100 kg, from the Meursing table for the
// goods' additional code 7xxx), giving a plain duty_expression<C>. The
// canonical text (to_chars, to_string) is in schedule_io.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "additional_code.hpp"
#include "expression.hpp"
#include "parse.hpp"

namespace tariff {

// A placeholder as an operand of the expression operators:
// at_most(8.30_pct + placeholder<EUR>(duty_placeholder::EA), ...). Its
// expression's needs are known at run time (the amount may be per 100 kg).
template <currency_tag C>
constexpr duty_expression<C> placeholder(duty_placeholder code) noexcept {
    return duty_expression<C>::placeholder(code);
}

// The expression for each placeholder, keyed by the placeholder: what the
// Meursing table gives for the goods' additional code.
template <currency_tag C>
class placeholder_table {
public:
    using expression = duty_expression<C>;

    constexpr placeholder_table() noexcept = default;

    // The same table with `duty` for `code` (replacing any earlier one).
    // errc::invalid_argument if `duty` itself holds a placeholder.
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr placeholder_table with(duty_placeholder code, const E& duty) const {
        return try_with(code, duty).value();
    }
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr result<placeholder_table> try_with(duty_placeholder code,
                                                 const E& duty) const noexcept {
        const expression e(duty);
        for (std::size_t i = 0; i < e.size(); ++i)
            if (e.nodes()[i].kind == duty_kind::placeholder)
                return errc::invalid_argument;
        const auto i = static_cast<std::size_t>(code);
        if (i >= duty_placeholder_count)
            return errc::invalid_argument;
        placeholder_table out = *this;
        out.duty_[i] = e;
        out.present_[i] = true;
        return out;
    }
    // The expression for `code`, or nullptr.
    constexpr const expression* find(duty_placeholder code) const noexcept {
        return contains(code) ? &duty_[static_cast<std::size_t>(code)] : nullptr;
    }
    // Whether the table has an expression for `code` (a test that needs no
    // pointer compared with null, which GCC does not fold in constant
    // expressions under -fsanitize=undefined).
    constexpr bool contains(duty_placeholder code) const noexcept {
        const auto i = static_cast<std::size_t>(code);
        return i < duty_placeholder_count && present_[i];
    }

private:
    std::array<expression, duty_placeholder_count> duty_{};
    std::array<bool, duty_placeholder_count> present_{};
};

// A duty expression that may hold placeholders.
template <currency_tag C>
class duty_template {
public:
    using currency = C;
    using expression = duty_expression<C>;

    constexpr duty_template() noexcept = default; // Free
    // Any expression (built with placeholder<C>(code) or without placeholders).
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr duty_template(const E& e) : expr_(e) {}

    constexpr const expression& unresolved() const noexcept { return expr_; }
    // Whether the duty holds `code`'s placeholder.
    constexpr bool uses(duty_placeholder code) const noexcept {
        for (std::size_t i = 0; i < expr_.size(); ++i)
            if (expr_.nodes()[i].kind == duty_kind::placeholder &&
                expr_.nodes()[i].unit_index == static_cast<std::uint8_t>(code))
                return true;
        return false;
    }
    // Whether it holds no placeholder (resolve needs no table entry).
    constexpr bool resolved() const noexcept {
        for (std::size_t i = 0; i < expr_.size(); ++i)
            if (expr_.nodes()[i].kind == duty_kind::placeholder)
                return false;
        return true;
    }

    // The duty with each placeholder replaced by the table's expression for
    // it. errc::unresolved_placeholder if the table lacks one the duty uses;
    // errc::invalid_argument if the result would exceed
    // duty_expression<C>::capacity nodes.
    constexpr expression resolve(const placeholder_table<C>& table) const {
        return try_resolve(table).value();
    }
    constexpr result<expression> try_resolve(const placeholder_table<C>& table) const noexcept {
        return build(table, expr_.size() - 1);
    }

    friend constexpr bool operator==(const duty_template& a, const duty_template& b) noexcept {
        return a.expr_ == b.expr_;
    }

private:
    // The subtree rooted at node i, resolved (nodes are in postfix order,
    // operands before their operator; at most `capacity` deep).
    constexpr result<expression> build(const placeholder_table<C>& table,
                                       std::size_t i) const noexcept {
        const duty_node& n = expr_.nodes()[i];
        switch (n.kind) {
        case duty_kind::free:
            return expression(duty_free);
        case duty_kind::ad_valorem: {
            const auto rate = ad_valorem::try_from_fraction(n.amount());
            if (!rate)
                return rate.error();
            if (n.on_named_base()) // value_bases.hpp: the value_base is in the unit table
                return expression::ad_valorem_on(n.amount(), n.denominator(),
                                                 static_cast<const value_base&>(expr_.unit_of(n)),
                                                 (n.base_flags & duty_node::base_if_any) != 0);
            if (n.denominator() != 1) // a fractional percent
                return expression::ad_valorem_on(n.amount(), n.denominator());
            return expression(rate.value_or({}));
        }
        case duty_kind::specific:
            if (n.amount() < 0 || expr_.unit_of(n).num <= 0 || expr_.unit_of(n).den <= 0)
                return errc::invalid_argument;
            return expression::specific(n.amount(), expr_.unit_of(n));
        case duty_kind::fixed:
            if (n.amount() < 0)
                return errc::invalid_argument;
            return expression::fixed(money<C>(n.amount()));
        case duty_kind::placeholder: {
            const auto code = static_cast<duty_placeholder>(n.unit_index);
            if (!table.contains(code))
                return errc::unresolved_placeholder;
            return *table.find(code);
        }
        default:
            break;
        }
        const auto a = build(table, n.lhs);
        if (!a)
            return a.error();
        const auto b = build(table, n.rhs);
        if (!b)
            return b.error();
        if (a.value_or({}).size() + b.value_or({}).size() + 1 > expression::capacity)
            return errc::invalid_argument;
        return expression::combine(n.kind, a.value_or({}), b.value_or({}));
    }

    expression expr_{};
};

// Reads a duty that may hold placeholders ("8.30% +  EA MAX 18.70%  +
// ADSZ"), in capitals as the tariff prints them; everything else as
// parse_duty. (parse_duty itself rejects a placeholder with
// errc::unresolved_placeholder and says to use this.)
template <currency_tag C>
constexpr parse_result<duty_template<C>> try_parse_duty_template(std::string_view text) noexcept {
    const auto r = detail::duty_parser<C>(text, {}, true).run();
    if (!r)
        return r.error();
    return duty_template<C>(r.value_or({}));
}
// The same, raising the error (tariff::domain_error, whose what() is the reason).
template <currency_tag C>
constexpr duty_template<C> parse_duty_template(std::string_view text) {
    return try_parse_duty_template<C>(text).value();
}

} // namespace tariff
