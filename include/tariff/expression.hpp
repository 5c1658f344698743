// tariff/expression.hpp: duty expressions as schedules write them.
//
// A duty_expression<C> is a value (a constexpr object you can keep in a
// table) built from rates:
//
//   6.1_pct                                      ad valorem
//   106.50_CAD / tariff::tonne + 7_pct           sum ("$106.50/tonne plus 7 %")
//   at_least(245.5_pct, 5.33_CAD / tariff::kg)   floor ("but not less than", EU "MIN")
//   at_most(a, b)                                ceiling (EU "MAX": the duty is a, at most b)
//   a - 7.00_GBP / tariff::hundred_kg            a specific amount subtracted (never below zero)
//   fixed_amount(3.00_EUR)                       a fixed amount per tariff item
//   duty_free                                    Free
//
// It is evaluated on a duty_base: the entry's value and the quantities
// declared for it. The second template argument records which dimensions
// (mass, volume, ...) the expression needs; where both the expression and the
// base know theirs at compile time, a missing quantity does not compile.
// Where only run time knows (runtime_quantities: a table, a parsed schedule),
// evaluation reports errc::missing_quantity. Evaluation is exact; rounding is
// the caller's (see assessment.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "additional_code.hpp"
#include "detail/fixed_string.hpp"
#include "money.hpp"
#include "quantity.hpp"
#include "rate.hpp"

namespace tariff {

// The quantities of a base or the needs of an expression are known only at
// run time.
inline constexpr unsigned runtime_quantities = ~0u;

namespace detail {
// The most quantities (and properties of the goods) one duty_base declares.
inline constexpr std::size_t quantity_capacity = 6;

constexpr unsigned combine_needs(unsigned a, unsigned b) noexcept {
    return (a == runtime_quantities || b == runtime_quantities) ? runtime_quantities : (a | b);
}
// What a base declaring `declared` can give: its own quantities, and the
// litres of pure alcohol derived from a volume and an alcohol strength.
constexpr unsigned derivable(unsigned declared) noexcept {
    if (declared == runtime_quantities)
        return declared;
    if ((declared & volume::bit) && (declared & alcohol_strength::bit))
        declared |= pure_alcohol::bit;
    return declared;
}
} // namespace detail

// A named value an ad valorem rate applies to ("case", "battery", "fair
// retail value": value_bases.hpp). An expression keeps it in its unit table
// beside the units of its specific rates (a rate names one or the other),
// told apart by a dimension_bit of 0; its symbol is its name, which must
// outlive it. Compared by its name's characters.
struct value_base : unit_info {
    constexpr explicit value_base(std::string_view name) noexcept : unit_info() {
        symbol = name;
        dimension_bit = 0;
    }
    constexpr std::string_view name() const noexcept { return symbol; }
};
// The value_base named Name (an object of static storage).
template <detail::fixed_string Name>
inline constexpr value_base value_base_of{Name.view()};

// One declared quantity of a duty_base, in its dimension's base unit: 32
// bytes (the amount as coefficient and scale, the names as pointer and length)
// so that a base of six stays small.
class declared_quantity {
public:
    constexpr declared_quantity() noexcept = default;
    // errc::invalid_argument for a name longer than 255 bytes or a bit that
    // is not exactly one bit.
    constexpr declared_quantity(decimal amount, unsigned bit, std::string_view qualifier,
                                std::string_view base_symbol)
        : coefficient_(amount.coefficient()), qualifier_(qualifier.data()),
          symbol_(base_symbol.data()), qualifier_size_(checked_size(qualifier.size())),
          symbol_size_(checked_size(base_symbol.size())),
          scale_(static_cast<std::int8_t>(amount.scale())),
          bit_index_(static_cast<std::uint8_t>(index_of(bit))) {}

    // A named value's slot (duty_base keeps its named values in the same
    // slots, from the back): the value's amount and its name, no dimension.
    // errc::invalid_argument for a name longer than 255 bytes.
    static constexpr declared_quantity named(decimal amount, std::string_view name) {
        declared_quantity out;
        out.coefficient_ = amount.coefficient();
        out.scale_ = static_cast<std::int8_t>(amount.scale());
        out.qualifier_ = name.data();
        out.qualifier_size_ = checked_size(name.size());
        return out;
    }

    constexpr decimal amount() const noexcept {
        return decimal::try_from_parts(coefficient_, scale_).value_or({});
    }
    constexpr unsigned dimension_bit() const noexcept { return 1u << bit_index_; }
    // A qualified quantity's name ("drained weight"), else empty.
    constexpr std::string_view qualifier() const noexcept {
        return qualifier_size_ == 0 ? std::string_view{}
                                    : std::string_view(qualifier_, qualifier_size_);
    }
    // Its dimension's base unit ("kg", "% vol"), for printing; may be empty.
    constexpr std::string_view base_symbol() const noexcept {
        return symbol_size_ == 0 ? std::string_view{} : std::string_view(symbol_, symbol_size_);
    }

private:
    static constexpr std::uint8_t checked_size(std::size_t n) {
        if (n > 255)
            detail::raise(errc::invalid_argument);
        return static_cast<std::uint8_t>(n);
    }
    static constexpr unsigned index_of(unsigned bit) {
        if (!detail::is_single_bit(bit))
            detail::raise(errc::invalid_argument);
        unsigned i = 0;
        while (!(bit & (1u << i)))
            ++i;
        return i;
    }

    std::int64_t coefficient_ = 0;
    const char* qualifier_ = nullptr;
    const char* symbol_ = nullptr;
    std::uint8_t qualifier_size_ = 0;
    std::uint8_t symbol_size_ = 0;
    std::int8_t scale_ = 0;
    std::uint8_t bit_index_ = 0;
};
static_assert(sizeof(declared_quantity) <= 32);

// The value and the quantities of one entry (or one line of it).
template <currency_tag C, unsigned Declared = runtime_quantities>
class duty_base {
public:
    using currency = C;
    static constexpr unsigned declared = Declared;

    // A base of value zero with no quantities or named values (so that a
    // result<duty_base> can hold one).
    constexpr duty_base() noexcept = default;

    // errc::negative_quantity if value < 0.
    constexpr explicit duty_base(money<C> value) : value_(value) {
        if (value < money<C>{})
            detail::raise(errc::negative_quantity);
    }

    // A base whose declared quantities are known at compile time converts to
    // one checked at run time.
    template <unsigned D2>
    requires(Declared == runtime_quantities &&
             D2 != runtime_quantities) constexpr duty_base(const duty_base<C, D2>& other) noexcept
        : value_(other.value()), slots_(other.slots_), count_(other.count_),
          present_(other.present()), named_count_(other.named_count_) {}

    // The same base with quantity q declared (16.32 t is kept as 16,320 kg).
    // Declaring a second quantity of one dimension replaces the first. A
    // property of the goods is declared the same way (12.5 % vol:
    // base.with(12.5_dec * tariff::percent_vol)), and so is a qualified
    // quantity (the drained weight). errc::invalid_argument for a unit that
    // is a quantity times a property (% vol / hl: declare the two), or for
    // more than detail::quantity_capacity (6) distinct quantities and named
    // values together.
    template <unit_tag U>
    constexpr duty_base<C, (Declared == runtime_quantities ? runtime_quantities
                                                           : Declared | U::dimension::bit)>
    with(quantity<U> q) const {
        return with_unit<(Declared == runtime_quantities ? runtime_quantities
                                                         : Declared | U::dimension::bit)>(
            unit_info_of<U>, q.value());
    }

    // The same for a unit known only at run time; errc::invalid_argument for a
    // unit whose size (num / den) is not positive or that has no dimension.
    // The unit's qualifier and base symbol must outlive the base.
    constexpr duty_base<C, runtime_quantities> with(const unit_info& unit, decimal amount) const {
        return with_unit<runtime_quantities>(unit, amount);
    }

    // The same quantities with another value (errc::negative_quantity if < 0).
    constexpr duty_base with_value(money<C> value) const {
        duty_base out = *this;
        out.value_ = duty_base(value).value_;
        return out;
    }

    constexpr money<C> value() const noexcept { return value_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool has(T) const
        TARIFF_DETAIL_REJECT("tariff: has(dimension_bit) takes a unit's dimension bit, a whole "
                             "number, not binary floating point, a character or a bool");
    // Whether some declared quantity has this dimension bit (a qualified
    // quantity's bit may be shared: has(unit) tells them apart).
    constexpr bool has(unsigned dimension_bit) const noexcept {
        return (present_ & dimension_bit) != 0;
    }
    // Whether the base gives the quantity a rate per `unit` needs (for a unit
    // times a property, both; litres of pure alcohol also from a volume and
    // an alcohol strength).
    constexpr bool has(const unit_info& unit) const noexcept {
        return try_base_quantity(unit).ok();
    }
    // The declared quantity of `unit`'s dimension, expressed in `unit`;
    // raises errc::missing_quantity, errc::inexact, errc::overflow, or
    // errc::invalid_argument for a unit whose size (num / den) is not positive.
    constexpr decimal quantity_in(const unit_info& unit) const {
        return try_quantity_in(unit).value();
    }
    // The same, returning the error.
    constexpr result<decimal> try_quantity_in(const unit_info& unit) const noexcept {
        if (unit.num <= 0 || unit.den <= 0)
            return errc::invalid_argument;
        const auto q = try_base_quantity(unit);
        if (!q)
            return q.error();
        // base units -> unit: multiply by den / num
        return detail::multiply_ratio(q.value_or({}), unit.den, unit.num);
    }

    // The quantity a rate per `unit` is charged on, in base units (for a unit
    // times a property, the product: 25 hl at 12.5 % vol is 2,500 l x 12.5 =
    // 31,250 l-% vol; for "each degree under 100", the mass times the degrees
    // under 100, at least zero). errc::missing_quantity, errc::overflow.
    constexpr result<decimal> try_base_quantity(const unit_info& unit) const noexcept {
        // Slots are found by index, not pointer: GCC does not fold a pointer
        // compared with null in constant evaluation under -fsanitize=undefined.
        const std::size_t q = find(unit.dimension_bit, unit.qualifier);
        decimal amount;
        if (q != none) {
            amount = slots_[q].amount();
        } else if (unit.dimension_bit == pure_alcohol::bit && unit.qualifier.empty()) {
            // litres of pure alcohol = litres x strength / 100
            const std::size_t v = find(volume::bit, {});
            const std::size_t a = find(alcohol_strength::bit, {});
            if (v == none || a == none)
                return errc::missing_quantity;
            const auto p = detail::multiply(slots_[v].amount(), slots_[a].amount());
            if (!p)
                return p.error();
            const auto l = detail::multiply_ratio(p.value_or({}), 1, 100);
            if (!l)
                return l.error();
            amount = l.value_or({});
        } else {
            return errc::missing_quantity;
        }
        if (unit.factor_bit != 0) {
            const std::size_t f = find(unit.factor_bit, {});
            if (f == none)
                return errc::missing_quantity;
            decimal factor = slots_[f].amount();
            if (unit.factor_under != 0) {
                const auto d = detail::add(decimal(unit.factor_under), -factor);
                if (!d)
                    return d.error();
                factor = d.value_or({}) < 0 ? decimal{} : d.value_or({});
            }
            const auto p = detail::multiply(amount, factor);
            if (!p)
                return p.error();
            amount = p.value_or({});
        }
        return amount;
    }

    // The declared quantities, in the order first declared.
    constexpr const declared_quantity* begin() const noexcept { return slots_.data(); }
    constexpr const declared_quantity* end() const noexcept { return slots_.data() + count_; }
    constexpr std::size_t quantity_count() const noexcept { return count_; }
    constexpr unsigned present() const noexcept { return present_; }

    // Named values (value_bases.hpp): besides its customs value an entry may
    // carry the values of named parts or of another valuation ("case",
    // "battery", "strap, band or bracelet", "fair retail value", "cost of
    // such goods or repairs"); an ad valorem term that names one ("45 % on
    // the case") applies to it. At most max_named_values of them, each name at
    // most 255 bytes, and at most `capacity` (6) quantities and named values
    // together: they share the base's slots (a base stays small: an
    // assessment keeps one).
    static constexpr std::size_t max_named_values = 4;
    static constexpr std::size_t capacity = detail::quantity_capacity;

    // The same base with the value `value` named `name` (a second value of
    // one name replaces the first). The name is compared by its characters
    // and must outlive the base. Raises errc::negative_quantity if value < 0,
    // errc::invalid_argument for an empty name, one longer than 255 bytes, a
    // fifth name, or no slot left (six quantities and named values at most).
    constexpr duty_base with_named_value(std::string_view name, money<C> value) const {
        return try_with_named_value(name, value).value();
    }
    // The same, returning the error (the base unchanged).
    constexpr result<duty_base> try_with_named_value(std::string_view name,
                                                     money<C> value) const noexcept {
        if (value < money<C>{})
            return errc::negative_quantity;
        if (name.empty() || name.size() > 255)
            return errc::invalid_argument;
        std::size_t i = 0;
        while (i < named_count_ && named_value_name(i) != name)
            ++i;
        if (i == max_named_values || (i == named_count_ && count_ + named_count_ == capacity))
            return errc::invalid_argument;
        duty_base out = *this;
        out.slots_[capacity - 1 - i] = declared_quantity::named(value.amount(), name);
        if (i == named_count_)
            ++out.named_count_;
        return out;
    }
    // The value named `name`; errc::missing_value_base if the base has none.
    constexpr result<money<C>> try_named_value(std::string_view name) const noexcept {
        for (std::size_t i = 0; i < named_count_; ++i)
            if (named_value_name(i) == name)
                return named_value_at(i);
        return errc::missing_value_base;
    }
    constexpr money<C> named_value(std::string_view name) const {
        return try_named_value(name).value();
    }
    constexpr bool has_named_value(std::string_view name) const noexcept {
        return try_named_value(name).ok();
    }
    constexpr std::size_t named_value_count() const noexcept { return named_count_; }
    // The name and value of named value i (i < named_value_count()).
    constexpr std::string_view named_value_name(std::size_t i) const noexcept {
        return slots_[capacity - 1 - i].qualifier();
    }
    constexpr money<C> named_value_at(std::size_t i) const noexcept {
        return money<C>(slots_[capacity - 1 - i].amount());
    }

private:
    template <currency_tag, unsigned>
    friend class duty_base;

    static constexpr std::size_t none = detail::quantity_capacity;
    // The slot of a quantity, by its facts (bit and name); `none` if absent.
    constexpr std::size_t find(unsigned bit, std::string_view qualifier) const noexcept {
        if (!(present_ & bit))
            return none;
        for (std::size_t i = 0; i < count_; ++i)
            if (slots_[i].dimension_bit() == bit && slots_[i].qualifier() == qualifier)
                return i;
        return none;
    }

    template <unsigned D2>
    constexpr duty_base<C, D2> with_unit(const unit_info& unit, decimal amount) const {
        if (amount < 0)
            detail::raise(errc::negative_quantity);
        if (!detail::is_single_bit(unit.dimension_bit) || unit.factor_bit != 0 || unit.num <= 0 ||
            unit.den <= 0)
            detail::raise(errc::invalid_argument);
        duty_base<C, D2> out(value_);
        out.slots_ = slots_;
        out.count_ = count_;
        out.present_ = present_ | unit.dimension_bit;
        out.named_count_ = named_count_;
        std::size_t i = 0;
        while (i < count_ && !(slots_[i].dimension_bit() == unit.dimension_bit &&
                               slots_[i].qualifier() == unit.qualifier))
            ++i;
        if (i == count_ && count_ + named_count_ == capacity)
            detail::raise(errc::invalid_argument);
        if (i == count_)
            ++out.count_;
        // unit -> base units: multiply by num / den
        out.slots_[i] =
            declared_quantity(detail::multiply_ratio(amount, unit.num, unit.den).value(),
                              unit.dimension_bit, unit.qualifier, unit.base_symbol);
        return out;
    }

    money<C> value_{};
    std::array<declared_quantity, detail::quantity_capacity> slots_{};
    std::uint8_t count_ = 0;
    unsigned present_ = 0;
    // Quantities from the front (count_ of them), named values from the
    // back (named_count_): six slots for both together.
    std::uint8_t named_count_ = 0;
};

// duty_base(value) starts with no quantities, known at compile time. The guide
// takes exactly the constructor's parameter: one taking any basic_money would be
// less specialised than the constructor's implicit guide (whose Declared
// defaults to runtime_quantities) and lose to it.
template <currency_tag C>
duty_base(money<C>) -> duty_base<C, 0>;

enum class duty_kind : unsigned char {
    free,        // no duty
    ad_valorem,  // amount: the fraction of the value (0.061 for 6.1 %)
    specific,    // amount: money per `unit`
    fixed,       // amount: money, whatever the quantity
    sum,         // lhs + rhs
    difference,  // lhs - rhs, but not below zero
    at_least,    // max(lhs, rhs): a floor
    at_most,     // min(lhs, rhs): a ceiling
    placeholder, // an additional code's amount (EA, ADSZ: meursing.hpp), unit_index: the
                 // duty_placeholder; evaluates to errc::unresolved_placeholder until resolved
};

// One rate or operator of an expression: 16 bytes. A rate's amount is kept as
// its decimal's coefficient and scale; a specific rate's unit is an index into
// its expression's unit table (duty_expression::unit_of), so that a node holds
// no pointer and expressions stay small.
class duty_node {
public:
    constexpr duty_node() noexcept = default;
    constexpr duty_node(duty_kind k, std::uint8_t l, std::uint8_t r, decimal amount = {},
                        std::uint8_t unit = 0) noexcept
        : coefficient_(amount.coefficient()), kind(k), lhs(l), rhs(r),
          scale_(static_cast<std::int8_t>(amount.scale())), unit_index(unit) {}

    // The rate's amount: the fraction (ad valorem), money per unit (specific)
    // or money (fixed); zero for an operator or Free.
    constexpr decimal amount() const noexcept {
        return decimal::try_from_parts(coefficient_, scale_).value_or({});
    }
    // The amount's coefficient and scale, without making the decimal.
    constexpr std::int64_t coefficient() const noexcept { return coefficient_; }
    constexpr int scale() const noexcept { return scale_; }
    // An ad valorem rate's fraction is amount() / denominator(): 1 but for a
    // fractional percent ("33 1/3 %" is 1.00 / 3). See value_bases.hpp.
    constexpr std::uint8_t denominator() const noexcept {
        return denominator_ == 0 ? std::uint8_t{1} : denominator_;
    }
    constexpr void set_denominator(std::uint8_t d) noexcept { denominator_ = d <= 1 ? 0 : d; }
    // An ad valorem rate's base: the entry's value, or (base_named set) a
    // named value of the entry, the value_base at unit_index in the
    // expression's unit table (base_name_of(node)). With base_if_any set the
    // term is zero where the entry has no such value ("on the value of the
    // telescopic sight, if any").
    static constexpr std::uint8_t base_named = 0x01;
    static constexpr std::uint8_t base_if_any = 0x80;
    constexpr bool on_named_base() const noexcept { return (base_flags & base_named) != 0; }

private:
    std::int64_t coefficient_ = 0;

public:
    duty_kind kind = duty_kind::free;
    std::uint8_t lhs = 0; // operand indices (for sum .. at_most)
    std::uint8_t rhs = 0;

private:
    std::int8_t scale_ = 0;

public:
    std::uint8_t unit_index = 0; // specific, or ad valorem on a named value: the index in the
                                 // expression's unit table
    std::uint8_t base_flags = 0; // ad valorem: base_named, base_if_any (see above)

private:
    std::uint8_t denominator_ = 0; // ad valorem: 0 stands for 1
};
static_assert(sizeof(duty_node) <= 16);

// What an evaluation found: the exact duty, and whether a floor or a ceiling
// decided it (for the assessment's explanation).
template <currency_tag C>
struct duty_evaluation {
    money<C> amount{};
    bool floor_applied = false;   // some at_least took its minimum
    bool ceiling_applied = false; // some at_most took its maximum
};

struct duty_free_t {};
// Free.
inline constexpr duty_free_t duty_free{};

namespace detail {
// The nodes (rates and operators) a run-time expression (duty_expression<C>:
// parsed, read from a table) holds. An expression is a binary tree, so it has
// an odd number of nodes: 9 is five rates and four operators, e.g.
// "a + b MIN c MAX d + e". The longest compound in the EU's TARIC (9.10 % +
// 45.10 EUR / 100 kg MAX 18.90 % + 16.50 EUR / 100 kg) has 7; a floor and a
// ceiling on one rate ("a MIN x MAX y") 5.
inline constexpr std::size_t runtime_duty_capacity = 9;
constexpr std::size_t default_duty_capacity(unsigned needs) noexcept {
    return needs == runtime_quantities ? runtime_duty_capacity : 1;
}
} // namespace detail

template <currency_tag C>
class duty_path;
namespace detail {
template <class From, class To>
struct expression_converter; // schedule_currency.hpp
} // namespace detail

template <detail::fixed_string Name>
struct rate_on; // value_bases.hpp: an ad valorem rate on a named value

namespace detail {
// A correctly rounded evaluation (duty_path::try_explain_rounded): where the
// exact duty has no finite decimal form (33 1/3 % of 100.00), it is rounded
// once, from the exact fraction, to a multiple of `step` by `mode`.
struct exact_rounding {
    bool active = false;
    decimal step{};
    rounding_mode mode = rounding_mode::half_even;
};
} // namespace detail

// An expression whose needs are known at compile time holds exactly the nodes
// its operators built (6.1_pct + 5_CAD / kg: 3, so its type is
// duty_expression<CAD, mass::bit, 3>); duty_expression<C> (needs checked at
// run time) holds up to 9 and is what a parser or a table builds. A typed
// expression converts to the run-time one; both evaluate alike.
template <currency_tag C, unsigned Needs = runtime_quantities,
          std::size_t Nodes = detail::default_duty_capacity(Needs)>
class duty_expression {
    static_assert(Nodes >= 1 && Nodes <= 255, "tariff: an expression holds 1 to 255 nodes");

public:
    using currency = C;
    static constexpr unsigned needs = Needs;
    // The most nodes (rates and operators) this expression holds.
    static constexpr std::size_t capacity = Nodes;
    // The most distinct units its specific rates name: one per rate at most.
    static constexpr std::size_t unit_capacity = (Nodes + 1) / 2;

    constexpr duty_expression() noexcept = default;
    constexpr duty_expression(duty_free_t) noexcept : duty_expression() {}

    constexpr duty_expression(ad_valorem rate) noexcept
        requires(Needs == 0 || Needs == runtime_quantities) {
        nodes_[0] = duty_node(duty_kind::ad_valorem, 0, 0, rate.fraction());
    }

    // An ad valorem rate on a named value: on<"case">(45_pct) (value_bases.hpp).
    template <detail::fixed_string Name>
    constexpr duty_expression(const rate_on<Name>& rate) noexcept
        requires(Needs == 0 || Needs == runtime_quantities) {
        nodes_[0] = duty_node(duty_kind::ad_valorem, 0, 0, rate.rate.fraction());
        nodes_[0].base_flags = duty_node::base_named;
        units_[0] = &value_base_of<Name>;
        unit_count_ = 1;
    }

    template <unit_tag U>
    requires(Needs == detail::needs_of<U> ||
             Needs ==
                 runtime_quantities) constexpr duty_expression(specific_rate<C, U> rate) noexcept {
        nodes_[0] = duty_node(duty_kind::specific, 0, 0, rate.per_unit().amount(), 0);
        units_[0] = &unit_info_of<U>;
        unit_count_ = 1;
        needs_ = detail::needs_of<U>;
    }

    // Widening: a typed expression converts to one whose needs are checked at
    // run time (if it fits: at most `capacity` nodes), and any expression to
    // one of the same needs with room for more nodes.
    template <unsigned N2, std::size_t K2>
    requires(
        (Needs == runtime_quantities || N2 == Needs) && K2 <= Nodes &&
        !(N2 == Needs &&
          K2 == Nodes)) constexpr duty_expression(const duty_expression<C, N2, K2>& other) noexcept
        : size_(static_cast<std::uint8_t>(other.size())),
          unit_count_(static_cast<std::uint8_t>(other.unit_count())),
          needs_(other.runtime_needs()) {
        for (std::size_t i = 0; i < other.size(); ++i)
            nodes_[i] = other.nodes()[i];
        for (std::size_t i = 0; i < other.unit_count(); ++i)
            units_[i] = &other.unit(i);
    }

    // A node-level builder (used by the operators and by parsers): kind(a, b).
    // Raises errc::invalid_argument when the result would exceed `capacity`.
    template <unsigned N1, std::size_t K1, unsigned N2, std::size_t K2>
    static constexpr duty_expression combine(duty_kind kind, const duty_expression<C, N1, K1>& a,
                                             const duty_expression<C, N2, K2>& b) {
        if (a.size() + b.size() + 1 > capacity)
            detail::raise(errc::invalid_argument);
        duty_expression out;
        std::size_t n = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            out.nodes_[n++] = a.nodes()[i];
        for (std::size_t i = 0; i < a.unit_count(); ++i)
            out.units_[i] = &a.unit(i);
        out.unit_count_ = static_cast<std::uint8_t>(a.unit_count());
        const auto offset = static_cast<std::uint8_t>(a.size());
        for (std::size_t i = 0; i < b.size(); ++i) {
            duty_node node = b.nodes()[i];
            if (is_operator(node.kind)) {
                node.lhs = static_cast<std::uint8_t>(node.lhs + offset);
                node.rhs = static_cast<std::uint8_t>(node.rhs + offset);
            } else if (node.kind == duty_kind::specific || node.on_named_base()) {
                node.unit_index = out.add_unit(b.unit_of(node));
            }
            out.nodes_[n++] = node;
        }
        out.nodes_[n] = duty_node(kind, static_cast<std::uint8_t>(a.size() - 1),
                                  static_cast<std::uint8_t>(n - 1));
        out.size_ = static_cast<std::uint8_t>(n + 1);
        out.needs_ = a.runtime_needs() | b.runtime_needs();
        return out;
    }

    // A specific rate in a unit known only at run time (parsers, tables);
    // `unit` must outlive the expression (use the unit_info_of objects).
    // errc::invalid_argument for a unit whose size (num / den) is not positive.
    static constexpr duty_expression
    specific(decimal per_unit, const unit_info& unit) requires(Needs == runtime_quantities) {
        if (per_unit < 0)
            detail::raise(errc::negative_quantity);
        if (unit.num <= 0 || unit.den <= 0)
            detail::raise(errc::invalid_argument);
        duty_expression out;
        out.nodes_[0] = duty_node(duty_kind::specific, 0, 0, per_unit, 0);
        out.units_[0] = &unit;
        out.unit_count_ = 1;
        out.needs_ = unit.needs();
        return out;
    }

    static constexpr duty_expression fixed(money<C> amount) {
        if (amount < money<C>{})
            detail::raise(errc::negative_quantity);
        duty_expression out;
        out.nodes_[0] = duty_node(duty_kind::fixed, 0, 0, amount.amount());
        return out;
    }

    // An ad valorem rate of `numerator` / `denominator` (the fraction: 0.061
    // for 6.1 %; 1.00 / 3 for 33 1/3 %) on the entry's value. Raises
    // errc::negative_quantity for a negative rate, errc::invalid_argument for
    // a zero denominator. See value_bases.hpp.
    static constexpr duty_expression
    ad_valorem_on(decimal numerator,
                  std::uint8_t denominator = 1) requires(Needs == 0 ||
                                                         Needs == runtime_quantities) {
        if (numerator < 0)
            detail::raise(errc::negative_quantity);
        if (denominator == 0)
            detail::raise(errc::invalid_argument);
        duty_expression out;
        out.nodes_[0] = duty_node(duty_kind::ad_valorem, 0, 0, numerator);
        out.nodes_[0].set_denominator(denominator);
        return out;
    }
    // The same on the entry's value named base.name() (`base` must outlive
    // the expression: value_base_of<"case">, the parser's value_base_names,
    // or the caller's); if_any: zero where the entry has no such value, else
    // errc::missing_value_base when evaluated. errc::invalid_argument also
    // for an empty name.
    static constexpr duty_expression
    ad_valorem_on(decimal numerator, std::uint8_t denominator, const value_base& base,
                  bool if_any = false) requires(Needs == 0 || Needs == runtime_quantities) {
        if (base.name().empty())
            detail::raise(errc::invalid_argument);
        duty_expression out = ad_valorem_on(numerator, denominator);
        out.units_[0] = &base;
        out.unit_count_ = 1;
        out.nodes_[0].base_flags = static_cast<std::uint8_t>(duty_node::base_named |
                                                             (if_any ? duty_node::base_if_any : 0));
        return out;
    }

    // An additional code's placeholder (meursing.hpp's duty_template holds it).
    static constexpr duty_expression placeholder(duty_placeholder code) noexcept
        requires(Needs == runtime_quantities) {
        duty_expression out;
        out.nodes_[0] =
            duty_node(duty_kind::placeholder, 0, 0, {}, static_cast<std::uint8_t>(code));
        return out;
    }

    // The exact duty on `base`. errc::missing_quantity if the base lacks a
    // quantity the expression needs (a compile error where both are known).
    template <unsigned Declared>
    constexpr money<C> operator()(const duty_base<C, Declared>& base) const {
        return explain(base).amount;
    }

    template <unsigned Declared>
    constexpr duty_evaluation<C> explain(const duty_base<C, Declared>& base) const {
        if constexpr (Needs != runtime_quantities && Declared != runtime_quantities) {
            static_assert((Needs & ~detail::derivable(Declared)) == 0,
                          "tariff: this duty needs a quantity the entry does not declare (e.g. a "
                          "per-kg rate on an entry with no mass); add it with base.with(q)");
        }
        return evaluate_on(base).value();
    }

    // The non-throwing form. Only the branch an at_least or at_most chooses
    // must be representable: the branches are compared exactly, so a
    // discarded branch that is no finite decimal (7 each at 1.00 per dozen)
    // or too large does not make the duty fail. Likewise a sum is exact
    // whenever its total is (7/12 + 5/12 of a currency unit is 1).
    constexpr result<duty_evaluation<C>> try_explain(const duty_base<C>& base) const noexcept {
        return evaluate_on(base);
    }

    constexpr const std::array<duty_node, Nodes>& nodes() const noexcept { return nodes_; }
    constexpr std::size_t size() const noexcept { return size_; }
    // The dimension bits of the quantities this expression needs.
    constexpr unsigned runtime_needs() const noexcept { return needs_; }
    constexpr const duty_node& root() const noexcept { return nodes_[size_ - 1]; }
    // The unit of a specific rate node of this expression (or the
    // value_base of an ad valorem node on a named value: dimension_bit 0).
    constexpr const unit_info& unit_of(const duty_node& n) const noexcept {
        return *units_[n.unit_index];
    }
    // The distinct units its specific rates name, in order of first use.
    constexpr std::size_t unit_count() const noexcept { return unit_count_; }
    constexpr const unit_info& unit(std::size_t i) const noexcept { return *units_[i]; }
    // The name of the value an ad valorem node applies to ("case"), empty for
    // the entry's value.
    constexpr std::string_view base_name_of(const duty_node& n) const noexcept {
        return n.on_named_base() ? units_[n.unit_index]->symbol : std::string_view{};
    }

    // Equal: the same tree of the same rates (units compared by their facts).
    template <unsigned N2, std::size_t K2>
    friend constexpr bool operator==(const duty_expression& a,
                                     const duty_expression<C, N2, K2>& b) noexcept {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const duty_node& x = a.nodes()[i];
            const duty_node& y = b.nodes()[i];
            if (x.kind != y.kind || x.lhs != y.lhs || x.rhs != y.rhs || !(x.amount() == y.amount()))
                return false;
            if (x.kind == duty_kind::ad_valorem &&
                (x.denominator() != y.denominator() || x.base_flags != y.base_flags ||
                 a.base_name_of(x) != b.base_name_of(y)))
                return false;
            if (x.kind == duty_kind::placeholder && x.unit_index != y.unit_index)
                return false;
            if (x.kind == duty_kind::specific) {
                const unit_info& u = a.unit_of(x);
                const unit_info& v = b.unit_of(y);
                if (u.dimension_bit != v.dimension_bit || u.num != v.num || u.den != v.den ||
                    u.factor_bit != v.factor_bit || u.factor_under != v.factor_under ||
                    u.qualifier != v.qualifier)
                    return false;
            }
        }
        return true;
    }

    static constexpr bool is_operator(duty_kind k) noexcept {
        return k == duty_kind::sum || k == duty_kind::difference || k == duty_kind::at_least ||
               k == duty_kind::at_most;
    }

private:
    template <currency_tag, unsigned, std::size_t>
    friend class duty_expression;
    template <currency_tag>
    friend class duty_path; // keeps its components' nodes in one pool (assessment.hpp)
    template <class, class>
    friend struct detail::expression_converter; // converts its amounts' currency

    // The index of `u` in the unit table, added if new. Units are compared by
    // their facts, not their addresses: GCC does not fold a comparison of two
    // objects' addresses in constant expressions under -fsanitize=undefined,
    // and two units with the same facts are the same unit.
    constexpr std::uint8_t add_unit(const unit_info& u) {
        for (std::size_t i = 0; i < unit_count_; ++i)
            if (units_[i]->dimension_bit == u.dimension_bit && units_[i]->num == u.num &&
                units_[i]->den == u.den && units_[i]->symbol == u.symbol &&
                units_[i]->factor_bit == u.factor_bit &&
                units_[i]->factor_under == u.factor_under && units_[i]->qualifier == u.qualifier)
                return static_cast<std::uint8_t>(i);
        if (unit_count_ == unit_capacity) // cannot happen: one unit per rate at most
            detail::raise(errc::invalid_argument);
        units_[unit_count_] = &u;
        return unit_count_++;
    }

    // The value an ad valorem node applies to: the entry's, or its named
    // value (zero for a missing one marked if_any).
    template <unsigned Declared>
    static constexpr result<money<C>> value_of_term(const duty_node& n,
                                                    const unit_info* const* units,
                                                    const duty_base<C, Declared>& base) noexcept {
        if (!n.on_named_base())
            return base.value();
        const auto v = base.try_named_value(units[n.unit_index]->symbol);
        if (!v && (n.base_flags & duty_node::base_if_any))
            return money<C>{};
        return v;
    }

    template <unsigned Declared>
    constexpr result<duty_evaluation<C>>
    evaluate_on(const duty_base<C, Declared>& base) const noexcept {
        return evaluate_nodes(nodes_.data(), size_, units_.data(), base);
    }

    // x * n.amount() as detail::multiply gives it in its common case (the
    // coefficients' product fits 64 bits, its places a decimal), without
    // making n's decimal; false (out untouched) otherwise.
    static constexpr bool product_fits(decimal x, const duty_node& n, decimal& out) noexcept {
        std::int64_t p = 0;
        const int s = x.scale() + n.scale();
        if (detail::mul_overflows(x.coefficient(), n.coefficient(), p) || s > decimal::max_scale)
            return false;
        out = decimal::try_from_parts(p, s).value_or({}); // fits: p in range, s checked
        return true;
    }

    // The evaluation of `size` nodes (at most Nodes) whose operand indices
    // count from `nodes` and whose unit indices index `units`: this
    // expression's own, or a duty_path's component in its node pool.
    // (An ad valorem rate on a named value finds its value_base in `units`.)
    template <unsigned Declared>
    static constexpr result<duty_evaluation<C>>
    evaluate_nodes(const duty_node* nodes, std::size_t size, const unit_info* const* units,
                   const duty_base<C, Declared>& base) noexcept {
        if (size == 1 && nodes[0].kind == duty_kind::ad_valorem && nodes[0].base_flags == 0 &&
            nodes[0].denominator() == 1) {
            // One ad valorem rate, the most common duty: the loop below, unrolled.
            decimal p;
            if (product_fits(base.value().amount(), nodes[0], p))
                return duty_evaluation<C>{money<C>(p), false, false};
            const auto d = detail::multiply(base.value().amount(), nodes[0].amount());
            if (!d)
                return evaluate_exact(nodes, size, units, base);
            return duty_evaluation<C>{money<C>(d.value_or({})), false, false};
        }
        std::array<money<C>, Nodes> v;
        duty_evaluation<C> out;
        for (std::size_t i = 0; i < size; ++i) {
            const duty_node& n = nodes[i];
            switch (n.kind) {
            case duty_kind::free:
                v[i] = money<C>{};
                break;
            case duty_kind::ad_valorem: {
                const auto value = value_of_term(n, units, base);
                if (!value)
                    return value.error();
                if (n.denominator() != 1) // a fractional percent: exactly, below
                    return evaluate_exact(nodes, size, units, base);
                decimal p;
                if (product_fits(value.value_or({}).amount(), n, p)) {
                    v[i] = money<C>(p);
                    break;
                }
                const auto d = detail::multiply(value.value_or({}).amount(), n.amount());
                if (!d)
                    return evaluate_exact(nodes, size, units, base);
                v[i] = money<C>(d.value_or({}));
                break;
            }
            case duty_kind::specific: {
                const unit_info& u = *units[n.unit_index];
                const auto q = base.try_base_quantity(u);
                if (!q) {
                    if (q.error() == errc::missing_quantity)
                        return errc::missing_quantity;
                    return evaluate_exact(nodes, size, units, base);
                }
                // The quantity in base units; base units -> unit is den / num
                // (1 / 1: the rate's unit is the base unit, and specific_duty
                // gives the product alone).
                decimal p;
                if (u.num == 1 && u.den == 1 && product_fits(q.value_or({}), n, p)) {
                    v[i] = money<C>(p);
                    break;
                }
                const auto d = detail::specific_duty(n.amount(), q.value_or({}), u.den, u.num);
                if (!d)
                    return evaluate_exact(nodes, size, units, base);
                v[i] = money<C>(d.value_or({}));
                break;
            }
            case duty_kind::fixed:
                v[i] = money<C>(n.amount());
                break;
            case duty_kind::placeholder:
                return errc::unresolved_placeholder;
            case duty_kind::sum:
            case duty_kind::difference: {
                const auto b = n.kind == duty_kind::sum ? v[n.rhs].amount() : -v[n.rhs].amount();
                const auto d = detail::add(v[n.lhs].amount(), b);
                if (!d)
                    return evaluate_exact(nodes, size, units, base);
                v[i] = money<C>(d.value_or({}));
                if (v[i] < money<C>{})
                    v[i] = money<C>{}; // a duty is never negative
                break;
            }
            case duty_kind::at_least: {
                const bool floor = v[n.rhs] > v[n.lhs]; // compared once
                v[i] = floor ? v[n.rhs] : v[n.lhs];
                if (floor)
                    out.floor_applied = true;
                break;
            }
            case duty_kind::at_most: {
                const bool ceiling = v[n.rhs] < v[n.lhs];
                v[i] = ceiling ? v[n.rhs] : v[n.lhs];
                if (ceiling)
                    out.ceiling_applied = true;
                break;
            }
            }
        }
        out.amount = v[size - 1];
        return out;
    }

    // evaluate() when some node's value is not a decimal money holds: every
    // node's exact value as N / (L * 10^K), with one denominator for all (K:
    // the most places of any rate times its base, L: the least common multiple
    // of the unit conversions' denominators) and N a 512-bit integer, so that
    // sums, differences and comparisons are exact integer operations. Only the
    // result must be a finite decimal that fits.
    // A fractional percent's denominator joins L. With `rounding` active, a
    // result with no finite decimal form because of a fractional percent is
    // rounded from the exact fraction (once: no double rounding) instead of
    // errc::inexact; one that a unit conversion makes non-finite (7 each at
    // 1.00 per dozen: a quantity not in whole units of the rate) stays
    // errc::inexact, as docs/guarantees.md says.
    template <unsigned Declared>
    static constexpr result<duty_evaluation<C>>
    evaluate_exact(const duty_node* nodes, std::size_t size, const unit_info* const* units,
                   const duty_base<C, Declared>& base,
                   detail::exact_rounding rounding = {}) noexcept {
        auto unit_of = [units](const duty_node& n) -> const unit_info& {
            return *units[n.unit_index];
        };
        // A specific rate's duty is rate * quantity (in base units) * den / num.
        auto reduced = [](const unit_info& u, std::uint64_t& num, std::uint64_t& den) {
            const std::uint64_t common = detail::gcd_u64(static_cast<std::uint64_t>(u.num),
                                                         static_cast<std::uint64_t>(u.den));
            num = static_cast<std::uint64_t>(u.num) / common;
            den = static_cast<std::uint64_t>(u.den) / common;
        };
        // Each specific rate's quantity in base units (for a unit times a
        // property of the goods, the product: detail::multiply, exact or
        // errc::overflow).
        std::array<decimal, Nodes> quantities{};
        int scale = 0;
        std::uint64_t common = 1;
        bool fractional = false; // some rate is a fractional percent
        for (std::size_t i = 0; i < size; ++i) {
            const duty_node& n = nodes[i];
            int s = 0;
            if (n.kind == duty_kind::ad_valorem) {
                const auto value = value_of_term(n, units, base);
                if (!value)
                    return value.error();
                if (!detail::lcm_u64(common, n.denominator(), common))
                    return errc::overflow;
                fractional = fractional || n.denominator() != 1;
                s = value.value_or({}).amount().scale() + n.amount().scale();
            } else if (n.kind == duty_kind::specific) {
                const auto q = base.try_base_quantity(unit_of(n));
                if (!q)
                    return q.error();
                quantities[i] = q.value_or({});
                if (unit_of(n).num <= 0 || unit_of(n).den <= 0)
                    return errc::invalid_argument;
                std::uint64_t num = 1, den = 1;
                reduced(unit_of(n), num, den);
                if (!detail::lcm_u64(common, num, common))
                    return errc::overflow;
                s = n.amount().scale() + quantities[i].scale();
            } else if (n.kind == duty_kind::fixed) {
                s = n.amount().scale();
            }
            if (s > scale)
                scale = s;
        }
        std::array<detail::big_uint, Nodes> v{};
        duty_evaluation<C> out;
        for (std::size_t i = 0; i < size; ++i) {
            const duty_node& n = nodes[i];
            detail::big_uint& x = v[i];
            bool overflow = false;
            auto leaf = [&](std::initializer_list<decimal> factors, std::uint64_t times) {
                int s = 0;
                x = detail::big_uint(1);
                for (const decimal f : factors) {
                    if (f.coefficient() < 0)
                        return errc::negative_quantity;
                    overflow = overflow || detail::mul_overflows(
                                               x, detail::unsigned_magnitude(f.coefficient()));
                    s += f.scale();
                }
                overflow = overflow || detail::mul_overflows(x, times) ||
                           detail::scale_up_overflows(x, scale - s);
                return overflow ? errc::overflow : errc::ok;
            };
            errc e = errc::ok;
            switch (n.kind) {
            case duty_kind::free:
                x = detail::big_uint{};
                break;
            case duty_kind::ad_valorem:
                e = leaf({value_of_term(n, units, base).value_or({}).amount(), n.amount()},
                         common / n.denominator());
                break;
            case duty_kind::specific: {
                std::uint64_t num = 1, den = 1;
                reduced(unit_of(n), num, den);
                e = leaf({n.amount(), quantities[i]}, common / num);
                if (e == errc::ok && detail::mul_overflows(x, den))
                    e = errc::overflow;
                break;
            }
            case duty_kind::fixed:
                e = leaf({n.amount()}, common);
                break;
            case duty_kind::placeholder:
                return errc::unresolved_placeholder;
            case duty_kind::sum:
                x = v[n.lhs];
                if (detail::add_overflows(x, v[n.rhs]))
                    e = errc::overflow;
                break;
            case duty_kind::difference: // never below zero
                x = v[n.lhs];
                if (detail::compare(x, v[n.rhs]) > 0)
                    detail::subtract(x, v[n.rhs]);
                else
                    x = detail::big_uint{};
                break;
            case duty_kind::at_least:
                x = detail::compare(v[n.rhs], v[n.lhs]) > 0 ? v[n.rhs] : v[n.lhs];
                if (detail::compare(v[n.rhs], v[n.lhs]) > 0)
                    out.floor_applied = true;
                break;
            case duty_kind::at_most:
                x = detail::compare(v[n.rhs], v[n.lhs]) < 0 ? v[n.rhs] : v[n.lhs];
                if (detail::compare(v[n.rhs], v[n.lhs]) < 0)
                    out.ceiling_applied = true;
                break;
            }
            if (e != errc::ok)
                return e;
        }
        auto parts = detail::big_to_decimal<std::int64_t>(v[size - 1], false, common, scale);
        if (parts.error == errc::inexact && rounding.active && fractional) {
            // v / (common * 10^scale) in steps of step = c * 10^-k: the
            // quotient v * 10^k / (common * c * 10^scale), rounded once.
            const decimal step = rounding.step;
            if (step.coefficient() <= 0)
                return errc::invalid_argument;
            detail::big_uint n = v[size - 1];
            detail::big_uint d(common);
            if (detail::scale_up_overflows(n, step.scale()) ||
                detail::mul_overflows(d, detail::unsigned_magnitude(step.coefficient())) ||
                detail::scale_up_overflows(d, scale))
                return errc::overflow;
            detail::big_uint q, r;
            detail::divide(n, d, q, r);
            if (detail::rounds_away(q, r, d, false, rounding.mode) &&
                detail::add_overflows(q, detail::big_uint(1)))
                return errc::overflow;
            if (detail::mul_overflows(q, detail::unsigned_magnitude(step.coefficient())))
                return errc::overflow;
            parts = detail::big_to_decimal<std::int64_t>(q, false, 1, step.scale());
        }
        if (parts.error != errc::ok)
            return parts.error;
        out.amount = money<C>(decimal::try_from_parts(parts.coefficient, parts.scale).value_or({}));
        return out;
    }

    std::array<duty_node, Nodes> nodes_{};
    std::array<const unit_info*, unit_capacity> units_{};
    std::uint8_t size_ = 1;
    std::uint8_t unit_count_ = 0;
    unsigned needs_ = 0;
};

// --- building expressions ------------------------------------------------------

namespace detail {

struct no_currency {};

template <class T>
struct duty_operand : std::false_type {};
template <>
struct duty_operand<ad_valorem> : std::true_type {
    using currency = no_currency;
    static constexpr unsigned needs = 0;
    static constexpr std::size_t nodes = 1;
};
template <class C, class U>
struct duty_operand<specific_rate<C, U, std::int64_t>> : std::true_type {
    using currency = C;
    static constexpr unsigned needs = detail::needs_of<U>;
    static constexpr std::size_t nodes = 1;
};
template <class C, unsigned N, std::size_t K>
struct duty_operand<duty_expression<C, N, K>> : std::true_type {
    using currency = C;
    static constexpr unsigned needs = N;
    static constexpr std::size_t nodes = K;
};

template <class A, class B>
struct duty_currency {
    using a = typename duty_operand<A>::currency;
    using b = typename duty_operand<B>::currency;
    static_assert(std::is_same_v<a, no_currency> || std::is_same_v<b, no_currency> ||
                      std::is_same_v<a, b>,
                  "tariff: one duty expression cannot mix currencies; convert the specific "
                  "amounts with an exchange_rate first");
    using type = std::conditional_t<std::is_same_v<a, no_currency>, b, a>;
};

template <class A, class B>
constexpr auto build(duty_kind kind, const A& a, const B& b) {
    using C = typename duty_currency<A, B>::type;
    static_assert(!std::is_same_v<C, no_currency>,
                  "tariff: an expression of ad valorem rates alone has no currency; write "
                  "duty_expression<CAD>(rate) for one operand");
    using ta = duty_operand<A>;
    using tb = duty_operand<B>;
    constexpr unsigned needs = combine_needs(ta::needs, tb::needs);
    const duty_expression<C, ta::needs, ta::nodes> ea(a);
    const duty_expression<C, tb::needs, tb::nodes> eb(b);
    // Typed operands make a typed expression of exactly their nodes and one
    // more; a run-time operand makes a run-time expression (checked against
    // its capacity when built).
    if constexpr (needs == runtime_quantities)
        return duty_expression<C>::combine(kind, ea, eb);
    else
        return duty_expression<C, needs, ta::nodes + tb::nodes + 1>::combine(kind, ea, eb);
}

} // namespace detail

template <class T>
concept duty_operand = detail::duty_operand<T>::value;

// a + b. (Two ad valorem rates add as a rate: 6.1_pct + 100_pct is 106.1 %.)
template <duty_operand A, duty_operand B>
requires(!(std::same_as<A, ad_valorem> && std::same_as<B, ad_valorem>)) constexpr auto
operator+(const A& a, const B& b) {
    return detail::build(duty_kind::sum, a, b);
}
// a - b, but not below zero (a duty is never negative).
template <duty_operand A, duty_operand B>
constexpr auto operator-(const A& a, const B& b) {
    return detail::build(duty_kind::difference, a, b);
}
// a, but not less than b: Canada's "but not less than", EU "a MIN b".
template <duty_operand A, duty_operand B>
constexpr auto at_least(const A& a, const B& b) {
    return detail::build(duty_kind::at_least, a, b);
}
// a, but not more than b: EU "a MAX b".
template <duty_operand A, duty_operand B>
constexpr auto at_most(const A& a, const B& b) {
    return detail::build(duty_kind::at_most, a, b);
}
// A fixed amount, whatever the quantity (the EU's EUR 3 per tariff item).
template <currency_tag C>
constexpr duty_expression<C, 0> fixed_amount(money<C> amount) {
    return duty_expression<C, 0>::fixed(amount);
}

} // namespace tariff
