// tariff/choose.hpp: choosing between paths for one entry.
//
// choose_lowest(line, origin, base, policy, measure[, eligible]) assesses
// every treatment of a tariff_line the entry is eligible for (its origin, as
// tariff_line models it: a treatment's origin is empty for any origin or an
// ISO code that must equal the entry's; plus any predicate the caller gives,
// such as "holds an import permit") and chooses the one with the lowest duties
// or the lowest total (the caller says which). It returns every candidate with
// its figures and status, the chosen one, and why. Totals compare exactly.
// Ties: the earliest treatment in the line (lowest index) wins.
//
// choose_by_margin(standard, alternative, base, policy, rule) is the
// rule-based chooser: the alternative path is taken only if its duties (or
// total) differ from the standard path's by at least (or more than) a share of
// the value, on the side the rule names. The UK's rule for goods brought into
// Northern Ireland from outside the UK and the EU is one: the EU duty is due
// ("at risk") where it is higher than the UK duty by 3 percentage points of the
// customs value or more; otherwise the UK duty is due. The threshold is
// share x value, computed exactly; nothing is rounded in the comparison.
//
// Both refer to the paths they assessed (a choice holds assessments): THE LINE
// OR THE PATHS MUST OUTLIVE THE CHOICE. Calling them on a temporary does not
// compile.
#pragma once

#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "assessment.hpp"

namespace tariff {

// What a chooser compares: the duties of a path (its duty lines, taxes left
// out) or its total (duties + taxes).
enum class choice_measure : unsigned char { duties, total };

// Why a candidate treatment was or was not chosen.
enum class candidate_status : unsigned char {
    chosen,       // the lowest (the earliest of those tied at the lowest)
    higher,       // eligible, assessed, and higher than the chosen one
    tied_later,   // eligible, as low as the chosen one, but later in the line
    other_origin, // not for the entry's origin: not assessed
    not_eligible  // refused by the caller's predicate: not assessed
};

// Why the chosen treatment was chosen.
enum class choice_reason : unsigned char {
    only_eligible, // the one eligible treatment
    lowest,        // strictly lower than every other eligible one
    tie_earliest,  // as low as another eligible one, and earlier in the line
};

constexpr const char* to_string(candidate_status s) noexcept {
    switch (s) {
    case candidate_status::chosen:
        return "chosen";
    case candidate_status::higher:
        return "eligible, higher than the chosen path";
    case candidate_status::tied_later:
        return "eligible, tied with the chosen path but later in the line";
    case candidate_status::other_origin:
        return "not for this origin";
    case candidate_status::not_eligible:
        return "refused by the eligibility predicate";
    }
    return "unknown status";
}

constexpr const char* to_string(choice_reason r) noexcept {
    switch (r) {
    case choice_reason::only_eligible:
        return "the only eligible path";
    case choice_reason::lowest:
        return "lower than every other eligible path";
    case choice_reason::tie_earliest:
        return "tied for the lowest; the earliest in the line wins";
    }
    return "unknown reason";
}

// One treatment of the line, as the chooser saw it. duties and total are the
// assessment's (rounded as the policy says); both are zero for a treatment not
// assessed (other_origin, not_eligible).
template <currency_tag C>
struct path_candidate {
    std::size_t treatment = 0; // its index in the line
    std::string_view name;     // the treatment's name
    candidate_status status = candidate_status::other_origin;
    bool assessed = false;
    money<C> duties{};
    money<C> total{};
};

// Every eligible treatment accepted: the default predicate.
struct any_treatment {
    template <class T>
    constexpr bool operator()(const T&) const noexcept {
        return true;
    }
};

template <currency_tag C>
class path_choice;

namespace detail {
template <currency_tag C, class P>
constexpr result<path_choice<C>> choose_lowest(const tariff_line<C>&, std::string_view,
                                               const duty_base<C>&, const rounding_policy<C>&,
                                               choice_measure, P&);
} // namespace detail

template <currency_tag C>
class path_choice {
public:
    static constexpr std::size_t max_candidates = tariff_line<C>::max_treatments;

    constexpr path_choice() noexcept = default;

    // The index, in the line, of the chosen treatment.
    constexpr std::size_t chosen() const noexcept { return chosen_; }
    constexpr std::string_view chosen_name() const noexcept { return candidates_[chosen_].name; }
    constexpr choice_reason reason() const noexcept { return reason_; }
    constexpr choice_measure measure() const noexcept { return measure_; }
    // The chosen path's assessment. It refers to the line's path: the line
    // must outlive it.
    constexpr const assessment<C>& chosen_assessment() const noexcept { return assessment_; }
    // One candidate per treatment of the line, in the line's order.
    constexpr std::size_t size() const noexcept { return size_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
    operator[](T) const TARIFF_DETAIL_REJECT(
        "tariff: an index is a whole number, not binary floating point, a character or a bool");
    constexpr const path_candidate<C>& operator[](std::size_t i) const noexcept {
        return candidates_[i];
    }
    constexpr const path_candidate<C>* begin() const noexcept { return candidates_.data(); }
    constexpr const path_candidate<C>* end() const noexcept { return candidates_.data() + size_; }

private:
    template <currency_tag C2, class P>
    friend constexpr result<path_choice<C2>>
    detail::choose_lowest(const tariff_line<C2>&, std::string_view, const duty_base<C2>&,
                          const rounding_policy<C2>&, choice_measure, P&);

    std::array<path_candidate<C>, max_candidates> candidates_{};
    std::size_t size_ = 0;
    std::size_t chosen_ = 0;
    choice_reason reason_ = choice_reason::only_eligible;
    choice_measure measure_ = choice_measure::duties;
    assessment<C> assessment_{};
};

namespace detail {
template <currency_tag C, class P>
constexpr result<path_choice<C>>
choose_lowest(const tariff_line<C>& line, std::string_view origin, const duty_base<C>& base,
              const rounding_policy<C>& policy, choice_measure measure, P& eligible) {
    if (measure != choice_measure::duties && measure != choice_measure::total)
        return errc::invalid_argument;
    path_choice<C> out;
    out.measure_ = measure;
    out.size_ = line.treatment_count();
    auto figure = [measure](const path_candidate<C>& c) {
        return measure == choice_measure::duties ? c.duties : c.total;
    };
    std::size_t eligible_count = 0;
    for (std::size_t i = 0; i < line.treatment_count(); ++i) {
        const treatment<C>& t = line.treatment_at(i);
        path_candidate<C>& c = out.candidates_[i];
        c.treatment = i;
        c.name = t.name;
        if (!t.origin.empty() && t.origin != origin) {
            c.status = candidate_status::other_origin;
            continue;
        }
        if (!static_cast<bool>(eligible(t))) {
            c.status = candidate_status::not_eligible;
            continue;
        }
        assessment<C> a;
        if (const auto r = try_assess_into(a, t.path, base, policy); !r)
            return r.error(); // an eligible path that cannot be assessed is never skipped
        const auto total = a.try_total();
        if (!total)
            return total.error();
        c.assessed = true;
        c.duties = a.duties();
        c.total = total.value_or({});
        // Strictly lower replaces: among equals the earliest stays chosen.
        if (eligible_count == 0 || figure(c) < figure(out.candidates_[out.chosen_])) {
            out.chosen_ = i;
            out.assessment_ = a;
        }
        ++eligible_count;
    }
    if (eligible_count == 0)
        return errc::invalid_argument; // no treatment for this origin and predicate
    const money<C> best = figure(out.candidates_[out.chosen_]);
    bool tied = false;
    for (std::size_t i = 0; i < out.size_; ++i) {
        path_candidate<C>& c = out.candidates_[i];
        if (!c.assessed)
            continue;
        c.status = i == out.chosen_    ? candidate_status::chosen
                   : figure(c) == best ? candidate_status::tied_later
                                       : candidate_status::higher;
        tied = tied || c.status == candidate_status::tied_later;
    }
    out.reason_ = eligible_count == 1 ? choice_reason::only_eligible
                  : tied              ? choice_reason::tie_earliest
                                      : choice_reason::lowest;
    return out;
}
} // namespace detail

// The non-throwing form. Errors: no treatment of the line is for `origin`
// and accepted by `eligible` (errc::invalid_argument); a measure that is not
// one (errc::invalid_argument); any error of assessing an eligible treatment
// (errc::missing_quantity, errc::overflow, a bad policy): an eligible path
// that cannot be assessed is never skipped, since it might be the lowest.
// Never throws unless the predicate does (it is noexcept when the predicate
// is); allocates nothing.
template <currency_tag C, class Eligible = any_treatment>
constexpr result<path_choice<C>> try_choose_lowest(
    const tariff_line<C>& line, std::string_view origin,
    const std::type_identity_t<duty_base<C>>& base, const rounding_policy<C>& policy,
    choice_measure measure,
    Eligible eligible = {}) noexcept(std::is_nothrow_invocable_v<Eligible&, const treatment<C>&>) {
    return detail::choose_lowest(line, origin, base, policy, measure, eligible);
}

// The lowest eligible treatment of `line` for an entry from `origin`:
// eligible if its origin is empty or equals `origin`, and eligible(treatment)
// is true. Raises the errors listed for try_choose_lowest.
template <currency_tag C, unsigned Declared, class Eligible = any_treatment>
constexpr path_choice<C> choose_lowest(const tariff_line<C>& line, std::string_view origin,
                                       const duty_base<C, Declared>& base,
                                       const rounding_policy<C>& policy, choice_measure measure,
                                       Eligible eligible = {}) {
    return try_choose_lowest(line, origin, duty_base<C>(base), policy, measure, eligible).value();
}

// --- the rule-based chooser -----------------------------------------------------

// On which side of the standard path the alternative must be for the rule to
// take it.
enum class margin_side : unsigned char {
    lower, // the alternative is taken if it is lower by the margin (it "beats" the standard)
    higher // the alternative is taken if it is higher by the margin (the NI "at risk" test)
};

// A rule: take the alternative path when its measure (duties or total) is on
// `side` of the standard path's by share x value or more (inclusive) or by
// more than that (not inclusive). The value is the entry's value as assessed
// (after any value rounding of the policy). No member has a default: the
// rule is stated in full where it is used.
struct margin_rule {
    ad_valorem share;             // 3 %: 3 percentage points of the value
    margin_side side;             // where the alternative must be
    bool inclusive;               // true: "equal to or more than"; false: "more than"
    choice_measure measure;       // duties (the NI rule) or total
    std::string_view legal_basis; // e.g. the guidance or decision you apply
};

enum class margin_reason : unsigned char {
    margin_reached,    // the alternative differs by the margin on the rule's side: taken
    margin_not_reached // it does not: the standard path is taken
};

constexpr const char* to_string(margin_reason r) noexcept {
    return r == margin_reason::margin_reached
               ? "the alternative differs from the standard path by the margin: alternative taken"
               : "the alternative does not differ by the margin: standard path taken";
}

// Both assessments and the figures compared. Each assessment refers to its
// path: both paths must outlive the choice.
template <currency_tag C>
struct margin_choice {
    assessment<C> standard;
    assessment<C> alternative;
    money<C> difference{}; // alternative - standard, in the rule's measure, exact
    money<C> threshold{};  // share x value, exact (not rounded)
    bool alternative_taken = false;
    margin_reason reason = margin_reason::margin_not_reached;
    std::string_view legal_basis;

    constexpr const assessment<C>& chosen() const noexcept {
        return alternative_taken ? alternative : standard;
    }
};

// The non-throwing form. Errors: a rule whose side or measure is not one (errc::invalid_argument);
// any error of assessing either path; errc::overflow if the difference or the threshold does not
// fit money<C> (both are reported, so both must fit). Never throws.
template <currency_tag C>
constexpr result<margin_choice<C>>
try_choose_by_margin(const duty_path<C>& standard, const duty_path<C>& alternative,
                     const std::type_identity_t<duty_base<C>>& base,
                     const rounding_policy<C>& policy, const margin_rule& rule) noexcept {
    // (An ad_valorem is never negative: the share needs no check.)
    if ((rule.side != margin_side::lower && rule.side != margin_side::higher) ||
        (rule.measure != choice_measure::duties && rule.measure != choice_measure::total))
        return errc::invalid_argument;
    margin_choice<C> out;
    out.legal_basis = rule.legal_basis;
    if (const auto r = try_assess_into(out.standard, standard, base, policy); !r)
        return r.error();
    if (const auto r = try_assess_into(out.alternative, alternative, base, policy); !r)
        return r.error();
    money<C> a = out.alternative.duties(), s = out.standard.duties();
    if (rule.measure == choice_measure::total) {
        const auto ta = out.alternative.try_total();
        const auto ts = out.standard.try_total();
        if (!ta)
            return ta.error();
        if (!ts)
            return ts.error();
        a = ta.value_or({});
        s = ts.value_or({});
    }
    const auto d = try_subtract(a, s);
    if (!d)
        return d.error();
    out.difference = d.value_or({});
    const auto t = try_multiply(out.standard.value_used(), rule.share.fraction());
    if (!t)
        return t.error();
    out.threshold = t.value_or({});
    // The margin on the rule's side: alternative - standard (higher) or
    // standard - alternative (lower). Negating money cannot overflow.
    const money<C> margin = rule.side == margin_side::higher ? out.difference : -out.difference;
    const bool reached = rule.inclusive ? margin >= out.threshold : margin > out.threshold;
    out.alternative_taken = reached;
    out.reason = reached ? margin_reason::margin_reached : margin_reason::margin_not_reached;
    return out;
}

// The throwing form: raises the errors listed for try_choose_by_margin.
template <currency_tag C, unsigned Declared>
constexpr margin_choice<C>
choose_by_margin(const duty_path<C>& standard, const duty_path<C>& alternative,
                 const duty_base<C, Declared>& base, const rounding_policy<C>& policy,
                 const margin_rule& rule) {
    return try_choose_by_margin(standard, alternative, duty_base<C>(base), policy, rule).value();
}

// --- misuse: named, never callable -----------------------------------------------

namespace mistake {
struct a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables {};
} // namespace mistake

#define TARIFF_DETAIL_TEMPORARY_CHOICE                                                             \
    TARIFF_DETAIL_REJECT("tariff: a choice holds assessments that refer to the paths chosen "      \
                         "between, so the line or path cannot be a temporary; keep it in a "       \
                         "variable (or a constexpr object) that outlives the choice")
template <currency_tag C, unsigned Declared, class Eligible = any_treatment>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
choose_lowest(const tariff_line<C>&&, std::string_view, const duty_base<C, Declared>&,
              const rounding_policy<C>&, choice_measure,
              Eligible = {}) TARIFF_DETAIL_TEMPORARY_CHOICE;
template <currency_tag C, class Eligible = any_treatment>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
try_choose_lowest(const tariff_line<C>&&, std::string_view,
                  const std::type_identity_t<duty_base<C>>&, const rounding_policy<C>&,
                  choice_measure, Eligible = {}) TARIFF_DETAIL_TEMPORARY_CHOICE;
template <currency_tag C, unsigned Declared>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
choose_by_margin(const duty_path<C>&&, const duty_path<C>&, const duty_base<C, Declared>&,
                 const rounding_policy<C>&, const margin_rule&) TARIFF_DETAIL_TEMPORARY_CHOICE;
template <currency_tag C, unsigned Declared>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
choose_by_margin(const duty_path<C>&, const duty_path<C>&&, const duty_base<C, Declared>&,
                 const rounding_policy<C>&, const margin_rule&) TARIFF_DETAIL_TEMPORARY_CHOICE;
template <currency_tag C, unsigned Declared>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
choose_by_margin(const duty_path<C>&&, const duty_path<C>&&, const duty_base<C, Declared>&,
                 const rounding_policy<C>&, const margin_rule&) TARIFF_DETAIL_TEMPORARY_CHOICE;
template <currency_tag C>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
try_choose_by_margin(const duty_path<C>&&, const duty_path<C>&,
                     const std::type_identity_t<duty_base<C>>&, const rounding_policy<C>&,
                     const margin_rule&) TARIFF_DETAIL_TEMPORARY_CHOICE;
template <currency_tag C>
mistake::a_choice_refers_to_its_paths__keep_the_line_or_paths_in_variables
try_choose_by_margin(const duty_path<C>&, const duty_path<C>&&,
                     const std::type_identity_t<duty_base<C>>&, const rounding_policy<C>&,
                     const margin_rule&) TARIFF_DETAIL_TEMPORARY_CHOICE;
#undef TARIFF_DETAIL_TEMPORARY_CHOICE

} // namespace tariff
