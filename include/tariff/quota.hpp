// tariff/quota.hpp: tariff-rate quotas and the ledger that allocates them.
//
// A tariff_rate_quota has a volume per period in a unit (vehicles, kg), an
// allocation granularity (whole vehicles; whole kg), and two paths: in quota
// and over quota. A quota_ledger allocates claims first come, first served:
// a claim of q units against a balance b gets min(q, b) in quota (whole
// granules, rounded down) and the rest over quota; its value is apportioned
// between the two parts in proportion to quantity (largest remainder at the
// value's own precision, the in-quota part first on a tie), so the parts sum
// to the value exactly. Same-day claims that together exceed the balance
// share it pro rata (UK SI 2020/1457 reg. 11(3)): each gets
// floor(balance * claim / total claimed) granules and the residue stays in
// the balance and is reported. Every change is an event (old balance, new
// balance, amount, entry id) from which the balances can be recomputed.
// A rejected claim or return changes nothing.
//
// Periods follow each other; a claim dated in a later period closes the
// earlier ones, carrying their unused balance forward when the quota says so.
// A reserved share of each period's volume may be kept for entries whose unit
// price is at most a limit; what happens to unused reserve at a period's end
// is the quota's policy (unused_reserve).
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "allocate.hpp"
#include "assessment.hpp"
#include "date.hpp"
#include "detail/mistake.hpp"
#include "runtime.hpp"

namespace tariff::mistake {
struct granules_are_a_whole_number__pass_an_integer {};
} // namespace tariff::mistake

namespace tariff {

template <unit_tag U>
struct quota_period {
    std::string_view name;
    date from;
    date to; // inclusive
    quantity<U> volume;
};

// What becomes of reserved volume still unused when its period closes (with
// carry-over on; without it, all unused volume lapses).
enum class unused_reserve : unsigned char {
    joins_general,  // it carries into the next period's general pool
    stays_reserved, // it carries into the next period's reserved pool
};

// A share of each period's volume kept for entries whose unit price (value /
// quantity) is at most unit_price_limit: e.g. 10 % for EVs with an FOB price
// of CAD 35,000 or less. Eligible claims draw on the reserve first, then on
// the general pool; other claims only on the general pool.
template <currency_tag C>
struct reserve_rule {
    ad_valorem share{};
    money<C> unit_price_limit{};
    unused_reserve unused = unused_reserve::joins_general;
};

template <currency_tag C, unit_tag U>
class tariff_rate_quota {
public:
    using currency = C;
    using unit = U;
    static constexpr std::size_t max_periods = 12;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // errc::invalid_argument for a granularity that is not positive.
    constexpr tariff_rate_quota(std::string_view order_number, duty_path<C> in_quota,
                                duty_path<C> over_quota,
                                quantity<U> granularity = quantity<U>(decimal(1)))
        : order_number_(order_number), in_quota_(in_quota), over_quota_(over_quota),
          granularity_(granularity) {
        if (granularity.value() <= 0)
            detail::raise(errc::invalid_argument);
    }

    // Adds the next period. errc::invalid_argument if it does not start after
    // the previous one ends, ends before it starts, has a volume that is not
    // a whole number of granules, or is one too many.
    constexpr tariff_rate_quota with_period(std::string_view name, date from, date to,
                                            quantity<U> volume) const {
        if (count_ == max_periods || to < from || (count_ > 0 && !(periods_[count_ - 1].to < from)))
            detail::raise(errc::invalid_argument);
        (void)granules_exact(volume);
        tariff_rate_quota out = *this;
        out.periods_[out.count_++] = quota_period<U>{name, from, to, volume};
        return out;
    }
    // Unused balance of a period moves into the next when the period closes.
    constexpr tariff_rate_quota with_carry_over(bool on = true) const noexcept {
        tariff_rate_quota out = *this;
        out.carry_over_ = on;
        return out;
    }
    // errc::invalid_argument for a share above 100 % or a negative limit.
    constexpr tariff_rate_quota with_reserve(reserve_rule<C> rule) const {
        if (rule.share > ad_valorem::from_percent(100) || rule.unit_price_limit < money<C>{})
            detail::raise(errc::invalid_argument);
        tariff_rate_quota out = *this;
        out.reserve_ = rule;
        out.has_reserve_ = rule.share > ad_valorem{};
        return out;
    }
    // The used share from which a period is critical (default 90 %, EU
    // Implementing Regulation 2015/2447 art. 53).
    constexpr tariff_rate_quota with_critical_threshold(ad_valorem share) const {
        if (share > ad_valorem::from_percent(100))
            detail::raise(errc::invalid_argument);
        tariff_rate_quota out = *this;
        out.critical_ = share;
        return out;
    }

    constexpr std::string_view order_number() const noexcept { return order_number_; }
    constexpr const duty_path<C>& in_quota() const noexcept { return in_quota_; }
    constexpr const duty_path<C>& over_quota() const noexcept { return over_quota_; }
    constexpr quantity<U> granularity() const noexcept { return granularity_; }
    constexpr std::size_t period_count() const noexcept { return count_; }
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        period(T) const TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary "
                                             "floating point, a character or a bool");
    constexpr const quota_period<U>& period(std::size_t i) const noexcept { return periods_[i]; }
    constexpr bool carry_over() const noexcept { return carry_over_; }
    constexpr bool has_reserve() const noexcept { return has_reserve_; }
    constexpr const reserve_rule<C>& reserve() const noexcept { return reserve_; }
    constexpr ad_valorem critical_threshold() const noexcept { return critical_; }

    // The period containing d, or npos.
    constexpr std::size_t period_of(date d) const noexcept {
        for (std::size_t i = 0; i < count_; ++i)
            if (!(d < periods_[i].from) && !(periods_[i].to < d))
                return i;
        return npos;
    }

    // q as a whole number of granules, rounded down; errc::overflow if that
    // number exceeds 2^63 - 1 (a claim of 1e17 in granules of 0.001).
    constexpr std::int64_t granules_down(quantity<U> q) const {
        return try_granules_down(q).value();
    }
    constexpr result<std::int64_t> try_granules_down(quantity<U> q) const noexcept {
        // In integers: q = c * 10^-s and the granularity g = k * 10^-t, so
        // q / g = (c * 10^t) / (k * 10^s). The larger power moves to one side
        // (10^18 at most, and |c|, k < 2^63), so both stay below 2^123.
        const std::int64_t c = q.value().coefficient(), k = granularity_.value().coefficient();
        const int s = q.value().scale(), t = granularity_.value().scale();
        if (k == 1 && s == t)
            return c; // whole granules of one unit (or of 0.001 at 3 places): exact
        int128_t num = c, den = k;
        if (t > s)
            num *= detail::pow10<std::int64_t>(t - s);
        else if (s > t)
            den *= detail::pow10<std::int64_t>(s - t);
        int128_t n = num / den; // den > 0 (the constructor checks it)
        if (num % den != 0 && num < 0)
            --n; // rounded down, not toward zero
        if (n > detail::rep_traits<std::int64_t>::max || n < -detail::rep_traits<std::int64_t>::max)
            return errc::overflow;
        return static_cast<std::int64_t>(n);
    }
    // q as a whole number of granules; errc::invalid_argument if it is not
    // one, errc::overflow if it is more than 2^63 - 1 of them.
    constexpr std::int64_t granules_exact(quantity<U> q) const {
        return try_granules_exact(q).value();
    }
    constexpr result<std::int64_t> try_granules_exact(quantity<U> q) const noexcept {
        const auto n = try_granules_down(q);
        if (!n)
            return n;
        // A product that does not fit a quantity cannot equal q, which does.
        const auto back = try_to_quantity(n.value_or(0));
        if (!back || !(back.value_or({}) == q))
            return errc::invalid_argument;
        return n;
    }
    // `granules` granules as a quantity: errc::negative_quantity for a
    // negative count, errc::overflow if the quantity does not fit a decimal.
    constexpr quantity<U> to_quantity(std::int64_t granules) const {
        return try_to_quantity(granules).value();
    }
    template <detail::not_an_integer T>
    mistake::granules_are_a_whole_number__pass_an_integer try_to_quantity(T) const
        TARIFF_DETAIL_REJECT("tariff: to_quantity(granules) takes a whole number of granules, not "
                             "binary floating point, a character or a bool");
    constexpr result<quantity<U>> try_to_quantity(std::int64_t granules) const noexcept {
        if (granules < 0)
            return errc::negative_quantity;
        const auto q = detail::multiply(granularity_.value(),
                                        decimal::try_from_parts(granules, 0).value_or({}));
        if (!q)
            return q.error();
        return quantity<U>(q.value_or({})); // >= 0: cannot raise
    }
    // An unsigned count as wide as std::int64_t is checked, not wrapped to a
    // negative one: errc::overflow above 2^63 - 1.
    template <std::unsigned_integral N>
    requires(detail::exact_integer<N> &&
             sizeof(N) >=
                 sizeof(std::int64_t)) constexpr quantity<U> to_quantity(N granules) const {
        if (granules > static_cast<N>(INT64_MAX))
            detail::raise(errc::overflow);
        return to_quantity(static_cast<std::int64_t>(granules));
    }
    template <detail::not_an_integer T>
    mistake::granules_are_a_whole_number__pass_an_integer to_quantity(T) const
        TARIFF_DETAIL_REJECT("tariff: to_quantity(granules) takes a whole number of granules, not "
                             "binary floating point, a character or a bool");
    // Reserved granules of period i's own volume: its share, rounded down.
    // The product is formed in 128 bits (below 2^63 granules times a share
    // of at most 18 places: below 2^126), so it cannot overflow, and the
    // result is at most the volume.
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        reserved_granules(T) const
        TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary floating point, "
                             "a character or a bool");
    constexpr std::int64_t reserved_granules(std::size_t i) const {
        if (!has_reserve_)
            return 0;
        const std::int64_t v = granules_exact(periods_[i].volume);
        const decimal share = reserve_.share.fraction();
        const auto product = detail::multiply(
            wide_decimal(v), wide_decimal::from_parts(share.coefficient(), share.scale()));
        return static_cast<std::int64_t>(
            round(product.value(), 0, rounding_mode::floor).coefficient());
    }

private:
    std::string_view order_number_;
    duty_path<C> in_quota_;
    duty_path<C> over_quota_;
    quantity<U> granularity_;
    std::array<quota_period<U>, max_periods> periods_{};
    std::size_t count_ = 0;
    bool carry_over_ = false;
    reserve_rule<C> reserve_{};
    bool has_reserve_ = false;
    ad_valorem critical_ = ad_valorem::from_percent(90);
};

// Grows a volume by `rate` a year for `years` years, rounding each year's
// volume to a multiple of `granularity` by `mode` (each year's volume is
// published as a whole number). 49,000 vehicles at 6.5 %: 52,185 in year 2.
template <unit_tag U, detail::not_an_integer T>
mistake::a_number_of_years_is_a_whole_number__not_binary_floating_point_a_character_or_bool grow(
    quantity<U>, ad_valorem, T, quantity<U>, required_rounding_mode)
    TARIFF_DETAIL_REJECT("tariff: grow(volume, rate, years, granularity, mode): years is a whole "
                         "number, not binary floating point, a character or a bool");
template <unit_tag U>
constexpr quantity<U> grow(quantity<U> volume, ad_valorem rate, int years, quantity<U> granularity,
                           required_rounding_mode mode) {
    // The mode is checked even when no year rounds (years == 0).
    if (!is_valid(mode))
        detail::raise(errc::invalid_argument);
    decimal v = volume.value();
    const decimal factor = decimal(1) + rate.fraction();
    for (int y = 0; y < years; ++y)
        v = round_to_multiple(v * factor, granularity.value(), mode);
    return quantity<U>(v);
}

// One claim on the quota: an entry's quantity and value, on a date.
template <currency_tag C, unit_tag U>
struct quota_claim {
    std::uint64_t entry_id = 0;
    date accepted;
    quantity<U> quantity_claimed;
    money<C> value;
};

// What a claim got.
template <currency_tag C, unit_tag U>
struct quota_allocation {
    std::uint64_t entry_id = 0;
    std::size_t period = 0;
    std::size_t receipt = 0; // pass to quota_ledger::give_back / cancel / amend
    quantity<U> in_quota;
    quantity<U> over_quota;
    money<C> value_in_quota;
    money<C> value_over_quota;
    bool reserve_eligible = false;
    std::int64_t from_reserve = 0; // granules drawn from the reserved pool
    std::int64_t from_general = 0; // granules drawn from the general pool
};

// What a claim got, in the lean form try_allocate(claim, quota_take&) writes
// into the caller's storage: the quantity in quota as granules of the quota
// (quota_type::to_quantity turns them into a quantity; the rest of the claim
// is over quota), how many of them came from the reserved pool, and the
// claim's value split between the two parts (as in quota_allocation).
template <currency_tag C>
struct quota_take {
    std::int64_t in_granules = 0;  // in quota (from_reserve of them from the reserve)
    std::int64_t from_reserve = 0; // granules drawn from the reserved pool
    money<C> value_in_quota;
    money<C> value_over_quota;
    std::size_t receipt = 0; // as quota_allocation::receipt
};

// A batch of claims for quota_ledger::try_allocate_batch, all accepted on
// one date, in the order they are served (first come, first served), as
// parallel arrays: claim i is granules[i] granules of the quota (its
// quantity is granules[i] times the quota's granularity) with the value
// values[i] * 10^-value_scale, and the entry id entry_ids[i] (or 0 for every
// claim when entry_ids is empty). value_scale is the currency's minor digits
// or more, at most 18.
struct quota_claim_batch {
    date accepted;
    std::span<const std::int64_t> granules;
    std::span<const std::int64_t> values;
    int value_scale = 2;
    std::span<const std::uint64_t> entry_ids = {};
};

// Where try_allocate_batch writes what each claim got, one element per claim:
// in_granules[i] granules in quota (the rest of claim i is over quota), and
// value_in[i] the coefficient, at the batch's value_scale, of the value in
// quota (the value over quota is values[i] - value_in[i]: never a cent lost);
// from_reserve[i] how many of the granules in quota came from the reserved
// pool (not written when left empty). On an error, bad_claim is the index of
// the claim at fault, or npos when the batch as a whole is (the spans' sizes,
// value_scale, the date).
struct quota_batch_takes {
    std::span<std::int64_t> in_granules;
    std::span<std::int64_t> value_in;
    std::span<std::int64_t> from_reserve = {};
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t bad_claim = npos;
};

// What a ledger has allocated, summed over every allocation it recorded
// (gross: returns do not reduce it), from quota_ledger::totals().
template <currency_tag C, unit_tag U>
struct quota_totals {
    std::size_t allocations = 0;
    quantity<U> in_quota;
    quantity<U> over_quota;
    money<C> value_in_quota;
    money<C> value_over_quota;
};

// What one allocation still holds in quota, by pool, in granules: the
// ledger's receipt for it (16 bytes; the period it was issued in is known
// from its position, and its entry id is kept only with the event log).
struct quota_receipt {
    std::int64_t reserved = 0;
    std::int64_t general = 0;
    constexpr std::int64_t held() const noexcept { return reserved + general; }
    friend constexpr bool operator==(const quota_receipt&, const quota_receipt&) = default;
};
static_assert(sizeof(quota_receipt) == 16);

enum class quota_event_kind : unsigned char {
    allocation,  // a claim drew on a pool
    returned,    // a cancelled or amended entry gave quantity back
    carried_out, // a closing period's unused balance left it
    carried_in,  // ... and arrived in the next period
    lapsed,      // a closing period's unused balance lapsed (no carry-over)
};

enum class quota_pool : unsigned char { general, reserved };

// One change to one pool's balance, in granules of the quota.
struct quota_event {
    quota_event_kind kind = quota_event_kind::allocation;
    std::uint64_t entry_id = 0; // 0 for carry-over and lapse
    std::size_t period = 0;
    quota_pool pool = quota_pool::general;
    std::int64_t old_balance = 0;
    std::int64_t new_balance = 0;
    std::int64_t amount = 0; // always >= 0; the direction follows from kind
    friend constexpr bool operator==(const quota_event&, const quota_event&) = default;
};

enum class quota_state : unsigned char { open, critical, exhausted };

template <unit_tag U>
struct quota_status {
    quota_state state = quota_state::open;
    bool closed = false;
    quantity<U> available; // the period's volume plus what was carried in (or given
                           // back to it by allocations of closed periods)
    quantity<U> used;      // allocated, net of returns
    quantity<U> balance;   // available - used
    // used / available rounded to `places` decimal places (0 for an empty period).
    template <detail::not_an_integer T>
    mistake::decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character
        fill_ratio(T, required_rounding_mode) const
        TARIFF_DETAIL_REJECT("tariff: decimal places are a whole number (2, not 2.0, '2' or true)");
    constexpr decimal fill_ratio(int places, required_rounding_mode mode) const {
        if (!is_valid(mode))
            detail::raise(errc::invalid_argument);
        if (available.value() == 0)
            return decimal{};
        return divide(used.value(), available.value(), places, mode);
    }
};

// The result of a day's claims allocated together.
template <currency_tag C, unit_tag U>
struct same_day_result {
    std::vector<quota_allocation<C, U>> allocations; // in the order of the claims
    bool pro_rata = false; // the claims exceeded a balance and were scaled down
    quantity<U> residue;   // left in the balance by rounding the shares down
};

namespace detail {

// The one rule for claims of another unit: they do not compile.
template <unit_tag Quota, unit_tag Claim>
constexpr void claim_in_quota_unit() {
    static_assert(std::same_as<Quota, Claim>,
                  "tariff: a quota counted in one unit cannot be drawn in another (e.g. a quota "
                  "in vehicles by a claim in kilograms)");
}

// A running total of non-negative decimals, exact: a 128-bit coefficient at
// the finest scale added so far (every figure it is given is at most 2^63 - 1
// at a scale of at most 18). It stops at 2^126 (sticky): at a scale of at
// most 18 that is more than 2^126 / 10^18 > 8.5e19, beyond any decimal
// (below 9.3e18), and a total of non-negative figures only grows, so the
// exact total then never fits; below it, adding a figure cannot overflow.
// 2^126 (a namespace-scope constant: GCC does not evaluate a static constexpr
// member of the portable int128_t class inside its own class in constant
// expressions).
inline constexpr int128_t nonnegative_total_limit =
    static_cast<int128_t>(std::int64_t{1} << 62) * (std::int64_t{1} << 62) * 4;

struct nonnegative_total {
    // A constructor, not an aggregate: GCC 12 leaves the portable int128_t of
    // an aggregate array element uninitialised in constant evaluation.
    constexpr nonnegative_total() noexcept : coefficient(0) {}

    int128_t coefficient;
    int scale = 0;
    bool overflow = false;
    static constexpr const int128_t& limit = nonnegative_total_limit;

    [[gnu::always_inline]] constexpr void add(decimal d) noexcept {
        add(d.coefficient(), d.scale());
    }
    // c >= 0, 0 <= s <= 18. Inlined: four of these are on the ledger's hot path.
    [[gnu::always_inline]] constexpr void add(std::int64_t c, int s) noexcept {
        if (s == scale && coefficient < limit) [[likely]]
            coefficient += c; // < 2^126 + 2^63
        else
            add_rescaled(c, s);
    }
    constexpr void add_rescaled(std::int64_t c, int s) noexcept {
        if (overflow || coefficient >= limit) {
            overflow = true;
            return;
        }
        int128_t v = c;
        for (; scale < s; ++scale) { // the total to the finer scale
            if (coefficient >= limit / 10) {
                overflow = true;
                return;
            }
            coefficient *= 10;
        }
        for (int k = s; k < scale; ++k)
            v *= 10;      // < 2^63 * 10^18 < 2^123
        coefficient += v; // < 2^126 + 2^123
    }
    // A sum of figures (0 <= c < 2^126) at scale s (0 <= s <= 18), as if each
    // had been added in turn: the same total, and the same overflow (sticky
    // once the total reaches 2^126).
    constexpr void add_wide(int128_t c, int s) noexcept {
        if (overflow || coefficient >= limit || c >= limit) {
            overflow = true;
            return;
        }
        for (; scale < s; ++scale) {
            if (coefficient >= limit / 10) {
                overflow = true;
                return;
            }
            coefficient *= 10;
        }
        for (int k = s; k < scale; ++k) {
            if (c >= limit / 10) {
                overflow = true;
                return;
            }
            c *= 10;
        }
        coefficient += c; // < 2^127
    }
    // The total as a decimal, at the finest scale added (fewer places only
    // where the coefficient needs dropping trailing zeros to fit);
    // errc::overflow if it does not fit.
    constexpr result<decimal> value() const noexcept {
        if (overflow || coefficient >= limit)
            return errc::overflow;
        int128_t c = coefficient;
        int s = scale;
        while (c > rep_traits<std::int64_t>::max && s > 0 && c % 10 == 0) {
            c /= 10;
            --s;
        }
        if (c > rep_traits<std::int64_t>::max)
            return errc::overflow;
        return decimal::try_from_parts(static_cast<std::int64_t>(c), s);
    }
};

// The integer fast path of split_by_weights (try_split_value): `value` split between the weights
// wi > 0 and wo > 0 by largest remainder at the value's own precision (at
// least the minor unit), ties to the in-quota part, into in_part and
// over_part. It gives what apportion() gives for these two weights, figure
// for figure: with units = value in steps, units * wi = base * (wi + wo) +
// rem; the over-quota part's remainder is (wi + wo - rem) % (wi + wo), so one
// unit is left over exactly when rem > 0, and it goes to the in-quota part
// when rem >= wi + wo - rem. Returns false (writing nothing) where it does not
// apply (a negative value, weights summing past 2^63 - 1, a value that in
// steps has more digits than a coefficient holds): the caller then takes the
// general path, which reports what is wrong.
template <currency_tag C>
[[gnu::always_inline]] constexpr bool split_two_fast(money<C> value, std::int64_t wi,
                                                     std::int64_t wo, money<C>& in_part,
                                                     money<C>& over_part) noexcept {
    const decimal v = value.amount();
    std::int64_t units = v.coefficient();
    if (units < 0 || wi <= 0 || wo <= 0 || wi > rep_traits<std::int64_t>::max - wo)
        return false;
    int places = v.scale();
    if (places < C::minor_digits) {
        if (scale_up_overflows(units, C::minor_digits - places, units) || !in_range(units))
            return false;
        places = C::minor_digits;
    }
    const std::int64_t sum = wi + wo;
    const int128_t product = static_cast<int128_t>(units) * wi; // < 2^126
    std::int64_t base, rem;
    if (product <= static_cast<int128_t>(~std::uint64_t{0})) {
        // The product fits 64 bits (nearly always): one 64-bit division, not
        // a call to the 128-bit one.
        const auto narrow = static_cast<std::uint64_t>(product);
        const auto usum = static_cast<std::uint64_t>(sum);
        base = static_cast<std::int64_t>(narrow / usum); // <= units
        rem = static_cast<std::int64_t>(narrow % usum);  // < sum
    } else {
        base = static_cast<std::int64_t>(product / sum); // <= units
        rem = static_cast<std::int64_t>(product % sum);  // < sum
    }
    if (rem > 0 && rem >= sum - rem)
        ++base;
    // 0 <= base <= units <= 2^63 - 1 at places <= max_scale: both valid.
    in_part = money<C>(decimal::try_from_parts(base, places).value_or({}));
    over_part = money<C>(decimal::try_from_parts(units - base, places).value_or({}));
    return true;
}

// split_two_fast on bare coefficients: `value` (>= 0, at a scale of at least
// the minor unit) split between in > 0 and over > 0 granules (in + over
// <= 2^63 - 1): the in-quota part's coefficient at the value's scale, by the
// same largest remainder (ties to the in-quota part).
[[gnu::always_inline]] constexpr std::int64_t
split_two_at_scale(std::int64_t value, std::int64_t in, std::int64_t over) noexcept {
    const std::int64_t sum = in + over;
    const int128_t product = static_cast<int128_t>(value) * in; // < 2^126
    std::int64_t base, rem;
    if (product <= static_cast<int128_t>(~std::uint64_t{0})) {
        const auto narrow = static_cast<std::uint64_t>(product);
        const auto usum = static_cast<std::uint64_t>(sum);
        base = static_cast<std::int64_t>(narrow / usum);
        rem = static_cast<std::int64_t>(narrow % usum);
    } else {
        base = static_cast<std::int64_t>(product / sum);
        rem = static_cast<std::int64_t>(product % sum);
    }
    if (rem > 0 && rem >= sum - rem)
        ++base;
    return base; // 0 <= base <= value
}

// A decimal's coefficient at `scale` (at least as fine as needed):
// errc::overflow if it has more places than that or does not fit.
constexpr result<std::int64_t> coefficient_at(decimal d, int scale) noexcept {
    std::int64_t c = d.coefficient();
    int s = d.scale();
    for (; s > scale; --s) {
        if (c % 10 != 0)
            return errc::overflow;
        c /= 10;
    }
    if (s < scale && scale_up_overflows(c, scale - s, c))
        return errc::overflow;
    return c;
}

template <currency_tag C, unit_tag U>
constexpr result<std::array<money<C>, 2>> split_general(money<C> value, quantity<U> in,
                                                        quantity<U> over) noexcept;

// The value of a claim split between its in-quota and over-quota quantities:
// proportional, exact, at the value's own precision (at least the minor unit).
// Inlined (the caller then reads the parts from registers, not from a result
// returned through memory); the general path stays out of line.
template <currency_tag C, unit_tag U>
[[gnu::always_inline]] constexpr result<std::array<money<C>, 2>>
split_by_weights(money<C> value, quantity<U> in, quantity<U> over) noexcept {
    if (over.value() == 0)
        return std::array<money<C>, 2>{value, money<C>{}};
    if (in.value() == 0)
        return std::array<money<C>, 2>{money<C>{}, value};
    // The common case in integers: both quantities at one scale, so that
    // their coefficients are the weights (proportional to the normalized
    // ones the general path uses, which gives the same split).
    if (in.value().scale() == over.value().scale()) {
        std::array<money<C>, 2> parts{};
        if (split_two_fast(value, in.value().coefficient(), over.value().coefficient(), parts[0],
                           parts[1]))
            return parts;
    }
    return split_general(value, in, over);
}

// The general path of split_by_weights: the weights aligned to one scale,
// then allocate()'s largest remainder.
template <currency_tag C, unit_tag U>
constexpr result<std::array<money<C>, 2>> split_general(money<C> value, quantity<U> in,
                                                        quantity<U> over) noexcept {
    std::int64_t wi, wo;
    int s;
    if (!detail::align(normalize(in.value()), normalize(over.value()), wi, wo, s))
        return errc::overflow;
    const int places =
        value.amount().scale() > C::minor_digits ? value.amount().scale() : C::minor_digits;
    const money<C> step(decimal::from_parts(1, places));
    std::array<money<C>, 2> parts{};
    const std::array<std::int64_t, 2> weights{wi, wo};
    const errc e = detail::allocate_money(value, std::span<const std::int64_t>(weights),
                                          std::span<money<C>>(parts), step);
    if (e != errc::ok)
        return e;
    return parts;
}

} // namespace detail

// The public split: `value` divided between two quantities `in` and `over`
// (a claim's in-quota and over-quota parts) in proportion to them, exactly:
// largest remainder at the value's own precision (at least the currency's
// minor unit), the leftover unit to the larger remainder and on a tie to the
// first part; the two parts always sum to `value` (never a cent lost). A
// negative value is split as -(split of -value). The figures the ledger gives
// an allocation. Errors (a quantity is never negative): errc::division_by_zero
// when both are zero, errc::overflow when the two quantities cannot be brought
// to one scale in 64 bits. Never throws.
template <currency_tag C, unit_tag U>
[[gnu::always_inline]] constexpr result<std::array<money<C>, 2>>
try_split_value(money<C> value, quantity<U> in, quantity<U> over) noexcept {
    if (in.value() == 0 && over.value() == 0)
        return errc::division_by_zero;
    return detail::split_by_weights(value, in, over);
}
// The same, raising the error (tariff::overflow_error for errc::overflow,
// tariff::domain_error otherwise).
template <currency_tag C, unit_tag U>
constexpr std::array<money<C>, 2> split_value(money<C> value, quantity<U> in, quantity<U> over) {
    return try_split_value(value, in, over).value();
}

template <currency_tag C, unit_tag U>
class quota_ledger {
public:
    using quota_type = tariff_rate_quota<C, U>;
    using claim = quota_claim<C, U>;
    using allocation = quota_allocation<C, U>;
    using receipt_type = quota_receipt;

    struct options {
        bool keep_events = true;   // the event log (needed to recompute balances)
        bool keep_receipts = true; // one 16-byte quota_receipt per allocation (needed for
                                   // returns); without it memory stays flat and give_back
                                   // reports unknown_entry
    };

    constexpr explicit quota_ledger(const quota_type& quota) : quota_ledger(quota, options{}) {}
    // errc::invalid_argument for a quota without periods; errc::overflow if
    // the volumes of all its periods together are more granules than
    // max_granules(granularity): 2^63 - 1 divided by the granularity's
    // coefficient without trailing zeros (2^63 - 1 granules of 1 or of 0.001;
    // (2^63 - 1) / 15 of 1.5). The ledger counts in 64-bit granules, and
    // granules only move between periods and allocations, so with that bound
    // no balance, carry-over or return can overflow, and every count of
    // granules up to it is a quantity a decimal holds: status() cannot
    // overflow. Two periods of 9e18 vehicles are refused here, not left to
    // overflow when the first carries into the second.
    constexpr quota_ledger(const quota_type& quota, options opts) : quota_(quota), options_(opts) {
        detail::raise(validate(quota));
        open_pools();
    }
    // The most granules a ledger holds, all periods together.
    static constexpr std::int64_t max_granules(quantity<U> granularity) noexcept {
        const std::int64_t c = detail::normalize(granularity.value()).coefficient();
        return c > 0 ? detail::rep_traits<std::int64_t>::max / c : 0;
    }

    // What a claim would get, worked out by reserve() without changing the
    // ledger; commit() records it, release() (or dropping it) discards it.
    class reservation {
    public:
        constexpr reservation() noexcept = default;
        // The allocation commit() will record (commit issues its receipt).
        constexpr const allocation& planned() const noexcept { return planned_; }
        // Made by reserve() and neither committed nor released yet.
        constexpr bool pending() const noexcept { return ledger_ != nullptr; }

    private:
        friend class quota_ledger;
        allocation planned_{};
        const quota_ledger* ledger_ = nullptr;
        std::uint64_t changes_ = 0; // the ledger's change count when it was made
    };

    constexpr const quota_type& quota() const noexcept { return quota_; }

    // First come, first served. Raises (and changes nothing) for a zero
    // quantity (errc::invalid_argument), a negative value
    // (errc::negative_quantity), a date outside every period
    // (errc::outside_period) or in a closed one (errc::period_closed).
    constexpr allocation allocate(const claim& c) { return try_allocate(c).value(); }

    // A claim counted in another unit does not compile (vehicles are not
    // kilograms; a claim in tonnes on a quota in kg is converted by the caller).
    template <unit_tag V>
    requires(!std::same_as<U, V>) constexpr allocation allocate(const quota_claim<C, V>&) {
        detail::claim_in_quota_unit<U, V>();
        return {};
    }

    // The non-throwing form: exactly reserve() then commit(), in one step
    // (the allocation is worked out in full before anything changes). It
    // returns errc::overflow where a figure of the allocation does not fit,
    // e.g. an over-quota quantity with more digits than a decimal holds.
    // It throws nothing but std::bad_alloc, and that only when the receipt or
    // the event log must grow (neither does with both options off).
    constexpr result<allocation> try_allocate(const claim& c) {
        allocation a;
        const errc e = plan(c, a);
        if (e != errc::ok)
            return e; // nothing has changed
        if (a.period > open_)
            close_before(a.period);
        apply(a);
        return a;
    }

    // The lean form for a hot loop: the same allocation as try_allocate(c),
    // with the same errors and the same guarantee (a rejected claim changes
    // nothing and leaves `out` unspecified), written into `out` as a
    // quota_take: no decimal quantities are formed, and a claim of a quota
    // without a reserve in whole granules of 1, dated in the open period,
    // is worked out in integers. It throws nothing but std::bad_alloc, and
    // that only when the receipts or the event log must grow.
    constexpr errc try_allocate(const claim& c, quota_take<C>& out) {
        const decimal q = c.quantity_claimed.value();
        const std::int64_t day = day_key(c.accepted);
        if (whole_units_ && q.scale() == unit_scale_ && q.coefficient() > 0 &&
            c.value.amount().coefficient() >= 0 && open_from_ <= day && day <= open_to_) {
            const std::int64_t in = min(q.coefficient(), pools_[open_][0].balance);
            const std::int64_t over = q.coefficient() - in; // >= 0
            if (over == 0) {
                out.value_in_quota = c.value;
                out.value_over_quota = zero_like(c.value);
            } else if (in == 0) {
                out.value_in_quota = zero_like(c.value);
                out.value_over_quota = c.value;
            } else if (!detail::split_two_fast(c.value, in, over, out.value_in_quota,
                                               out.value_over_quota)) {
                // A value too precise for the integer split: the general path.
                const auto parts = detail::split_by_weights(
                    c.value, quantity<U>(decimal::try_from_parts(in, q.scale()).value_or({})),
                    quantity<U>(decimal::try_from_parts(over, q.scale()).value_or({})));
                if (!parts)
                    return parts.error(); // nothing has changed
                out.value_in_quota = (*parts)[0];
                out.value_over_quota = (*parts)[1];
            }
            out.in_granules = in;
            out.from_reserve = 0;
            if (!options_.keep_receipts && !options_.keep_events) {
                // What record() does here, without a receipt or an event.
                pools_[open_][0].balance -= in; // in <= balance
                ++allocations_;
                ++changes_;
                out.receipt = static_cast<std::size_t>(-1);
            } else {
                out.receipt = record(c.entry_id, open_, 0, in); // may throw: totals after
            }
            totals_[0].add(in, q.scale());
            totals_[1].add(over, q.scale());
            totals_[2].add(out.value_in_quota.amount());
            totals_[3].add(out.value_over_quota.amount());
            return errc::ok;
        }
        const auto r = try_allocate(c);
        if (!r)
            return r.error();
        out.in_granules = r->from_reserve + r->from_general;
        out.from_reserve = r->from_reserve;
        out.value_in_quota = r->value_in_quota;
        out.value_over_quota = r->value_over_quota;
        out.receipt = r->receipt;
        return errc::ok;
    }

    // A transaction in two steps, for a caller who must do more before the
    // claim may draw on the quota (assess the entry, write it out): reserve()
    // works out the allocation without changing the ledger; commit() records
    // exactly that allocation, and release(), or simply dropping the
    // reservation, discards it, leaving the ledger as if reserve() had not
    // been called. reserve() raises what allocate() raises, for the same
    // claims. A reservation is valid only on its ledger and only while the
    // ledger is unchanged: commit() is errc::invalid_argument (and changes
    // nothing) for a reservation already committed or released, one made on
    // another ledger, or one made before the ledger last changed (an
    // allocation, return or closing in between: reserve again). A reservation
    // refers to the ledger object it was made on: do not hold one across an
    // assignment to that ledger.
    constexpr reservation reserve(const claim& c) const { return try_reserve(c).value(); }
    template <unit_tag V>
    requires(!std::same_as<U, V>) constexpr reservation reserve(const quota_claim<C, V>&) const {
        detail::claim_in_quota_unit<U, V>();
        return {};
    }
    constexpr result<reservation> try_reserve(const claim& c) const noexcept {
        reservation r;
        const errc e = plan(c, r.planned_);
        if (e != errc::ok)
            return e;
        r.ledger_ = this;
        r.changes_ = changes_;
        return r;
    }
    // Records the reserved allocation (closing earlier periods as allocate()
    // does) and returns it with its receipt; the reservation is then spent.
    constexpr allocation commit(reservation& r) { return try_commit(r).value(); }
    constexpr result<allocation> try_commit(reservation& r) {
        if (r.ledger_ != this || r.changes_ != changes_)
            return errc::invalid_argument;
        allocation a = r.planned_;
        // Unchanged since reserve(), the ledger has what was planned; checked
        // again all the same (a ledger assigned to while a reservation was
        // held), so that no balance can go negative.
        if (a.period < open_ || a.period >= pools_.size())
            return errc::invalid_argument;
        const auto balance = projected(a.period);
        if (a.from_reserve < 0 || a.from_general < 0 || a.from_reserve > balance[1] ||
            a.from_general > balance[0])
            return errc::invalid_argument;
        r.ledger_ = nullptr;
        close_before(a.period); // cannot fail: every balance fits (see the constructor)
        apply(a);
        return a;
    }
    // Discards a pending reservation of this ledger (errc::invalid_argument
    // for any other); the ledger is unchanged either way.
    constexpr void release(reservation& r) const { detail::raise(try_release(r)); }
    constexpr errc try_release(reservation& r) const noexcept {
        if (r.ledger_ != this)
            return errc::invalid_argument;
        r.ledger_ = nullptr;
        return errc::ok;
    }
    template <unit_tag V>
    requires(!std::same_as<U, V>) constexpr result<allocation> try_allocate(
        const quota_claim<C, V>&) {
        detail::claim_in_quota_unit<U, V>();
        return errc::invalid_argument;
    }

    // Claims accepted on the same day, allocated together: if they exceed a
    // balance they share it pro rata, rounded down to whole granules; the
    // residue stays in the balance and is reported. All claims must carry the
    // same date (errc::invalid_argument); any bad claim rejects the batch and
    // changes nothing. Raises what allocate() raises.
    constexpr same_day_result<C, U> allocate_same_day(std::span<const claim> claims) {
        return try_allocate_same_day(claims).value();
    }
    // The non-throwing form: the same errors, returned; the ledger is then
    // unchanged. It throws nothing but std::bad_alloc (for the vector of
    // allocations it returns, and the receipts and events it records).
    constexpr result<same_day_result<C, U>> try_allocate_same_day(std::span<const claim> claims) {
        same_day_result<C, U> out;
        if (claims.empty())
            return out;
        std::size_t period = 0;
        for (const claim& c : claims) {
            if (!(c.accepted == claims[0].accepted))
                return errc::invalid_argument;
            const auto k = check(c);
            if (!k)
                return k.error();
            period = *k;
        }
        const auto balance = projected(period);
        const std::size_t n = claims.size();
        // The allocations hold the scratch figures: from_reserve first holds
        // what each claim asks of the reserve, from_general what it wants.
        out.allocations.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            allocation& a = out.allocations[i];
            a.reserve_eligible = is_eligible(claims[i]);
            a.from_general = wanted(claims[i]);
            a.from_reserve = a.reserve_eligible ? a.from_general : 0;
        }
        // The reserve first, among eligible claims; then the general pool among
        // what every claim still wants.
        std::int64_t residue = share(out.allocations, balance[1], true, out.pro_rata);
        residue += share(out.allocations, balance[0], false, out.pro_rata);
        const auto left = quota_.try_to_quantity(residue);
        if (!left)
            return left.error();
        out.residue = *left;
        for (std::size_t i = 0; i < n; ++i) { // every split first: a failure changes nothing
            allocation& a = out.allocations[i];
            const errc e =
                prepare(claims[i], period, a.reserve_eligible, a.from_reserve, a.from_general, a);
            if (e != errc::ok)
                return e;
        }
        close_before(period);
        for (auto& a : out.allocations)
            apply(a);
        return out;
    }

    // Claims accepted on one date allocated in a batch: exactly what
    // allocating them one by one, in order, with try_allocate gives (first
    // come, first served; each value split as try_split_value splits it; the
    // same receipts, events, balances and totals), written into `out` (see
    // quota_claim_batch and quota_batch_takes). Returns the receipt of the
    // first claim (claim i has that plus i), or npos without receipts.
    // All or nothing: every claim is checked before any is allocated, and a
    // bad batch or a bad claim in it changes nothing (out.bad_claim says
    // which claim): errc::invalid_argument for spans of different sizes, a
    // value_scale below the currency's minor digits or above 18, or a claim
    // of zero granules; errc::negative_quantity for negative granules or a
    // negative value; errc::overflow for a value coefficient a decimal does
    // not hold or a quantity (granules times the granularity) that does not
    // fit; errc::outside_period / errc::period_closed for the date. The date
    // is checked once. A quota without a reserve counted in granules of 1,
    // with the date in the open period, is worked out in int64 arithmetic
    // with the totals summed in 128 bits; any other batch takes the general
    // rule (all claims planned, then recorded). It throws nothing but
    // std::bad_alloc, and that only when receipts or events must grow (room
    // for them is reserved before the first claim is recorded on the integer
    // path; on the general path, as for try_allocate_same_day, growth may
    // fail part way).
    constexpr result<std::size_t> try_allocate_batch(const quota_claim_batch& batch,
                                                     quota_batch_takes& out) {
        out.bad_claim = quota_batch_takes::npos;
        const std::size_t n = batch.granules.size();
        if (batch.values.size() != n || out.in_granules.size() != n || out.value_in.size() != n ||
            (!batch.entry_ids.empty() && batch.entry_ids.size() != n) ||
            (!out.from_reserve.empty() && out.from_reserve.size() != n) ||
            batch.value_scale < C::minor_digits || batch.value_scale > decimal::max_scale)
            return errc::invalid_argument;
        const std::size_t first = options_.keep_receipts ? receipt_count_ : quota_batch_takes::npos;
        if (n == 0)
            return first;
        const std::int64_t day = day_key(batch.accepted);
        if (whole_units_ && open_from_ <= day && day <= open_to_) {
            for (std::size_t i = 0; i < n; ++i) {
                const errc e = check_batch_claim(batch.granules[i], batch.values[i]);
                if (e != errc::ok) {
                    out.bad_claim = i;
                    return e;
                }
            }
            allocate_batch_whole(batch, out);
            return first;
        }
        return allocate_batch_general(batch, out, first);
    }
    // The same, raising the error (tariff::overflow_error for errc::overflow,
    // tariff::domain_error otherwise); the ledger is then unchanged.
    constexpr std::size_t allocate_batch(const quota_claim_batch& batch, quota_batch_takes& out) {
        return try_allocate_batch(batch, out).value();
    }

    // Gives back `amount` of an allocation's in-quota quantity (a cancelled or
    // amended entry). It returns to the allocation's period, or, if that
    // period has closed, to the open period. Raises (and changes nothing) for
    // an unknown receipt (errc::unknown_entry), an amount that is zero or not
    // a whole number of granules (errc::invalid_argument), or more than is
    // left of the allocation (errc::return_exceeds_allocation).
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        give_back(T, quantity<U>)
            TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not binary floating point, "
                                 "a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_give_back(T, quantity<U>)
            TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not binary floating point, "
                                 "a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool cancel(T)
        TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not binary floating point, a "
                             "character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool try_cancel(T)
        TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not binary "
                             "floating point, a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_amend(T, quantity<U>) TARIFF_DETAIL_REJECT(
            "tariff: a receipt is a whole number, not binary floating point, a character or a "
            "bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        receipt(T) const TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not binary "
                                              "floating point, a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_receipt(T) const TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not "
                                                  "binary floating point, a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        amend(T, quantity<U>) TARIFF_DETAIL_REJECT("tariff: a receipt is a whole number, not "
                                                   "binary floating point, a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        close_before(T) TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary "
                                             "floating point, a character or a bool");
    constexpr void give_back(std::size_t receipt, quantity<U> amount) {
        detail::raise(try_give_back(receipt, amount));
    }
    // The non-throwing form (it throws nothing but std::bad_alloc, when the
    // event log grows).
    constexpr errc try_give_back(std::size_t receipt, quantity<U> amount) {
        if (receipt >= receipt_count_)
            return errc::unknown_entry;
        if (amount.value() <= 0)
            return errc::invalid_argument;
        const auto n = quota_.try_granules_exact(amount);
        // More granules than 2^63 - 1 is more than any allocation holds.
        if (n.error() == errc::overflow)
            return errc::return_exceeds_allocation;
        if (!n)
            return errc::invalid_argument;
        return give_back_granules(receipt, n.value_or(0));
    }
    // Gives back everything the allocation still holds in quota (nothing if
    // it holds none); errc::unknown_entry for an unknown receipt.
    constexpr void cancel(std::size_t receipt) { detail::raise(try_cancel(receipt)); }
    constexpr errc try_cancel(std::size_t receipt) {
        if (receipt >= receipt_count_)
            return errc::unknown_entry;
        const quota_receipt& r = receipt_at(receipt);
        return r.held() > 0 ? give_back_granules(receipt, r.held()) : errc::ok;
    }
    // The entry now declares `new_quantity`: any in-quota quantity above it
    // (in whole granules) goes back. An increase is a new claim.
    // errc::unknown_entry for an unknown receipt.
    constexpr void amend(std::size_t receipt, quantity<U> new_quantity) {
        detail::raise(try_amend(receipt, new_quantity));
    }
    constexpr errc try_amend(std::size_t receipt, quantity<U> new_quantity) {
        if (receipt >= receipt_count_)
            return errc::unknown_entry;
        const std::int64_t keep =
            quota_.try_granules_down(new_quantity).value_or(max_granules_of_any);
        const std::int64_t held = receipt_at(receipt).held();
        return held > keep ? give_back_granules(receipt, held - keep) : errc::ok;
    }
    // What allocation `receipt` still holds in quota, by pool, in granules;
    // errc::unknown_entry for an unknown receipt.
    constexpr quota_receipt receipt(std::size_t i) const { return try_receipt(i).value(); }
    constexpr result<quota_receipt> try_receipt(std::size_t i) const noexcept {
        if (i >= receipt_count_)
            return errc::unknown_entry;
        return receipt_at(i);
    }

    // Closes every period before `period`, carrying over as the quota says.
    // (It raises nothing but std::bad_alloc, when the event log grows.)
    constexpr void close_before(std::size_t period) {
        while (open_ < period && open_ + 1 < pools_.size()) {
            const std::size_t from = open_, to = open_ + 1;
            for (std::size_t pool = 0; pool < 2; ++pool) {
                const std::int64_t left = pools_[from][pool].balance;
                if (left == 0)
                    continue;
                if (!quota_.carry_over()) {
                    move(quota_event_kind::lapsed, 0, from, pool, -left);
                    continue;
                }
                const std::size_t target =
                    pool == 1 && quota_.reserve().unused == unused_reserve::stays_reserved ? 1 : 0;
                move(quota_event_kind::carried_out, 0, from, pool, -left);
                move(quota_event_kind::carried_in, 0, to, target, left);
                pools_[to][target].carried_in += left;
            }
            ++open_;
            note_open_period();
            first_receipt_[open_] = receipt_count_;
            ++changes_;
        }
    }

    // Balance, use and state of period i (both pools together).
    // errc::invalid_argument for a period that does not exist. No figure can
    // overflow (see the constructor) and the critical threshold is compared
    // exactly in 128 bits; it raises errc::overflow only if a quantity it
    // reports has more digits than a decimal holds, which the constructor's
    // bound rules out.
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        status(T) const TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary "
                                             "floating point, a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        balance(T, quota_pool) const
        TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary floating point, "
                             "a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        opening(T, quota_pool) const
        TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary floating point, "
                             "a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_status(T) const
        TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary floating point, "
                             "a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_balance(T, quota_pool) const
        TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary floating point, "
                             "a character or a bool");
    template <detail::not_an_integer T>
    mistake::an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_opening(T, quota_pool) const
        TARIFF_DETAIL_REJECT("tariff: a period index is a whole number, not binary floating point, "
                             "a character or a bool");
    constexpr quota_status<U> status(std::size_t i) const { return try_status(i).value(); }
    constexpr result<quota_status<U>> try_status(std::size_t i) const noexcept {
        if (i >= pools_.size())
            return errc::invalid_argument;
        const auto& p = pools_[i];
        const std::int64_t available =
            p[0].opening + p[0].carried_in + p[1].opening + p[1].carried_in;
        const std::int64_t balance = p[0].balance + p[1].balance;
        const std::int64_t carried_out = p[0].carried_out + p[1].carried_out;
        quota_status<U> s;
        s.closed = i < open_;
        const auto avail = quota_.try_to_quantity(available);
        const auto used = quota_.try_to_quantity(available - balance - carried_out);
        const auto bal = quota_.try_to_quantity(balance);
        if (!avail || !used || !bal)
            return errc::overflow;
        s.available = *avail;
        s.used = *used;
        s.balance = *bal;
        // used >= available * threshold, the product formed in 128 bits
        // (below 2^63 times at most 18 places: below 2^126, so it always fits).
        const decimal threshold = quota_.critical_threshold().fraction();
        const auto critical_from =
            detail::multiply(wide_decimal(available),
                             wide_decimal::from_parts(threshold.coefficient(), threshold.scale()));
        if (balance + carried_out == 0)
            s.state = quota_state::exhausted;
        else if (critical_from && wide_decimal(available - balance - carried_out) >= *critical_from)
            s.state = quota_state::critical;
        return s;
    }
    // The status of the period containing d; errc::outside_period if none does.
    constexpr quota_status<U> status_on(date d) const { return try_status_on(d).value(); }
    constexpr result<quota_status<U>> try_status_on(date d) const noexcept {
        const std::size_t i = quota_.period_of(d);
        if (i == quota_type::npos)
            return errc::outside_period;
        return try_status(i);
    }
    // The balance of one pool of period i, in granules; errc::invalid_argument
    // for a period that does not exist.
    constexpr std::int64_t balance(std::size_t i, quota_pool pool) const {
        return try_balance(i, pool).value();
    }
    constexpr result<std::int64_t> try_balance(std::size_t i, quota_pool pool) const noexcept {
        if (i >= pools_.size())
            return errc::invalid_argument;
        return pools_[i][pool == quota_pool::general ? 0 : 1].balance;
    }
    // The opening balance of one pool (before any event), in granules.
    constexpr std::int64_t opening(std::size_t i, quota_pool pool) const {
        return try_opening(i, pool).value();
    }
    constexpr result<std::int64_t> try_opening(std::size_t i, quota_pool pool) const noexcept {
        if (i >= pools_.size())
            return errc::invalid_argument;
        return pools_[i][pool == quota_pool::general ? 0 : 1].opening;
    }
    constexpr std::size_t open_period() const noexcept { return open_; }

    constexpr const std::vector<quota_event>& events() const noexcept { return events_; }
    constexpr std::size_t allocation_count() const noexcept { return allocations_; }
    // What every allocation recorded so far got, summed exactly by the ledger
    // in 128-bit integers (gross: returns do not reduce it), so that a caller
    // of the lean try_allocate need not sum decimals. Each figure is at the
    // finest scale among the ones summed; errc::overflow if one does not fit
    // a decimal (no total overflows before that: see nonnegative_total).
    constexpr result<quota_totals<C, U>> try_totals() const noexcept {
        quota_totals<C, U> t;
        t.allocations = allocations_;
        const auto in = totals_[0].value();
        const auto over = totals_[1].value();
        const auto value_in = totals_[2].value();
        const auto value_over = totals_[3].value();
        if (!in || !over || !value_in || !value_over)
            return errc::overflow;
        t.in_quota = quantity<U>(*in);
        t.over_quota = quantity<U>(*over);
        t.value_in_quota = money<C>(*value_in);
        t.value_over_quota = money<C>(*value_over);
        return t;
    }
    // The same; raises errc::overflow.
    constexpr quota_totals<C, U> totals() const { return try_totals().value(); }

    // Whether two ledgers hold the same accounting: pools, open period,
    // receipts, events, allocation count and the count of changes (their
    // quotas are not compared). A released reservation leaves a ledger in
    // the same state as a copy taken before reserve().
    constexpr bool same_state(const quota_ledger& o) const {
        return pools_ == o.pools_ && open_ == o.open_ && receipt_count_ == o.receipt_count_ &&
               receipts_ == o.receipts_ && receipt_ids_ == o.receipt_ids_ &&
               first_receipt_ == o.first_receipt_ && events_ == o.events_ &&
               allocations_ == o.allocations_ && changes_ == o.changes_;
    }

private:
    // More than any ledger holds: what a claim of more granules counts as.
    static constexpr std::int64_t max_granules_of_any = detail::rep_traits<std::int64_t>::max;

    static constexpr errc validate(const quota_type& quota) noexcept {
        if (quota.period_count() == 0)
            return errc::invalid_argument;
        int128_t all = 0;
        for (std::size_t i = 0; i < quota.period_count(); ++i) {
            const auto total = quota.try_granules_exact(quota.period(i).volume);
            if (!total)
                return total.error();
            all += *total;
        }
        if (all > max_granules(quota.granularity()))
            return errc::overflow;
        return errc::ok;
    }
    // A date as one integer in the same order (month < 16, day < 32).
    static constexpr std::int64_t day_key(date d) noexcept {
        return (static_cast<std::int64_t>(d.year()) * 16 + d.month()) * 32 + d.day();
    }
    constexpr void note_open_period() noexcept {
        open_from_ = day_key(quota_.period(open_).from);
        open_to_ = day_key(quota_.period(open_).to);
    }
    // After validate(): every volume is whole granules and fits.
    constexpr void open_pools() {
        whole_units_ = !quota_.has_reserve() && quota_.granularity().value().coefficient() == 1;
        unit_scale_ = quota_.granularity().value().scale();
        note_open_period();
        pools_.reserve(quota_.period_count());
        for (std::size_t i = 0; i < quota_.period_count(); ++i) {
            const std::int64_t total = quota_.granules_exact(quota_.period(i).volume);
            const std::int64_t reserved = quota_.reserved_granules(i);
            pools_.push_back(
                {pool_state{total - reserved, total - reserved}, pool_state{reserved, reserved}});
        }
    }

    struct pool_state {
        std::int64_t opening = 0;
        std::int64_t balance = 0;
        std::int64_t carried_in = 0; // from closed periods: carry-over and late returns
        std::int64_t carried_out = 0;
        friend constexpr bool operator==(const pool_state&, const pool_state&) = default;
    };

    static constexpr std::int64_t min(std::int64_t a, std::int64_t b) noexcept {
        return a < b ? a : b;
    }

    constexpr result<std::size_t> check(const claim& c) const noexcept {
        if (c.quantity_claimed.value().coefficient() == 0)
            return errc::invalid_argument;
        if (c.value.amount().coefficient() < 0)
            return errc::negative_quantity;
        // The common case first: a claim dated in the open period.
        const quota_period<U>& open = quota_.period(open_);
        if (!(c.accepted < open.from) && !(open.to < c.accepted))
            return open_;
        const std::size_t k = quota_.period_of(c.accepted);
        if (k == quota_type::npos)
            return errc::outside_period;
        if (k < open_)
            return errc::period_closed;
        return k;
    }
    // Granules claimed, rounded down; a claim of more than 2^63 - 1 granules
    // wants more than any balance holds, so it counts as that many.
    constexpr std::int64_t wanted(const claim& c) const noexcept {
        return quota_.try_granules_down(c.quantity_claimed).value_or(max_granules_of_any);
    }
    static constexpr wide_decimal wide(decimal d) noexcept {
        return wide_decimal::try_from_parts(d.coefficient(), d.scale()).value_or({});
    }
    constexpr bool is_eligible(const claim& c) const noexcept {
        if (!quota_.has_reserve())
            return false;
        // value / quantity <= limit, without dividing: value <= limit * quantity,
        // the product formed exactly in 128 bits (two factors below 2^63 with at
        // most 18 places each: below 2^126 with at most 36 places, so it fits).
        const auto product = detail::multiply(wide(quota_.reserve().unit_price_limit.amount()),
                                              wide(c.quantity_claimed.value()));
        return !product || c.value.amount() <= product.value_or({});
    }

    // Shares `balance` among what the allocations ask of one pool (the
    // reserve: from_reserve; the general pool: from_general less what the
    // reserve gave), writing each share back: in full if the balance
    // suffices, else pro rata rounded down. Returns the residue (0 when in
    // full). The total asked is formed in 128 bits; each share is at most
    // its ask, so nothing overflows.
    static constexpr std::int64_t share(std::vector<allocation>& as, std::int64_t balance,
                                        bool reserve, bool& pro_rata) noexcept {
        const auto ask = [reserve](const allocation& a) {
            return reserve ? a.from_reserve : a.from_general - a.from_reserve;
        };
        int128_t total = 0;
        for (const allocation& a : as)
            total += ask(a);
        std::int64_t given = 0;
        for (allocation& a : as) {
            const std::int64_t got =
                total <= balance
                    ? ask(a)
                    : static_cast<std::int64_t>(static_cast<int128_t>(balance) * ask(a) / total);
            given += got;
            (reserve ? a.from_reserve : a.from_general) = got;
        }
        if (total <= balance)
            return 0;
        pro_rata = true;
        return balance - given;
    }

    // Moves `amount` granules into (positive) or out of (negative) a pool and
    // logs it: the one place balances change.
    constexpr void move(quota_event_kind kind, std::uint64_t entry, std::size_t period,
                        std::size_t pool, std::int64_t amount) {
        if (amount == 0)
            return;
        pool_state& p = pools_[period][pool];
        const std::int64_t old = p.balance;
        p.balance += amount;
        if (kind == quota_event_kind::carried_out || kind == quota_event_kind::lapsed)
            p.carried_out -= amount;
        if (options_.keep_events)
            events_.push_back(quota_event{kind, entry, period,
                                          pool == 0 ? quota_pool::general : quota_pool::reserved,
                                          old, p.balance, amount < 0 ? -amount : amount});
    }

    // The balances of `period`'s pools once every earlier period is closed,
    // without closing them. The sums cannot overflow: all the balances
    // together are at most the ledger's granules (see the constructor).
    constexpr std::array<std::int64_t, 2> projected(std::size_t period) const noexcept {
        std::array<std::int64_t, 2> b{pools_[open_][0].balance, pools_[open_][1].balance};
        for (std::size_t j = open_; j < period; ++j) {
            std::array<std::int64_t, 2> next{pools_[j + 1][0].balance, pools_[j + 1][1].balance};
            if (quota_.carry_over()) {
                next[0] += b[0];
                if (quota_.reserve().unused == unused_reserve::stays_reserved)
                    next[1] += b[1];
                else
                    next[0] += b[1];
            }
            b = next;
        }
        return b;
    }

    // Works out the allocation a claim gets, into `a`; changes nothing.
    constexpr errc plan(const claim& c, allocation& a) const noexcept {
        // The common case, in integers: a claim dated in the open period, of
        // a quota without a reserve, counted in whole granules of 1 (at the
        // granularity's scale). It gives what the general rule below gives,
        // figure for figure: in quota min(claimed, balance) granules, at the
        // claim's scale; the rest over quota; the value split only when
        // both parts are non-zero.
        const decimal q = c.quantity_claimed.value();
        const std::int64_t day = day_key(c.accepted);
        if (whole_units_ && q.scale() == unit_scale_ && q.coefficient() > 0 &&
            c.value.amount().coefficient() >= 0 && open_from_ <= day && day <= open_to_) {
            const std::int64_t in = min(q.coefficient(), pools_[open_][0].balance);
            a.entry_id = c.entry_id;
            a.period = open_;
            a.receipt = 0;
            a.reserve_eligible = false;
            a.from_reserve = 0;
            a.from_general = in;
            // 0 <= in <= claimed: both coefficients are valid and not negative.
            a.in_quota = quantity<U>(decimal::try_from_parts(in, q.scale()).value_or({}));
            a.over_quota =
                quantity<U>(decimal::try_from_parts(q.coefficient() - in, q.scale()).value_or({}));
            return split(c, a);
        }
        const auto k = check(c);
        if (!k)
            return k.error();
        const std::size_t period = *k;
        const auto balance = projected(period);
        const bool eligible = is_eligible(c);
        const std::int64_t want = wanted(c);
        const std::int64_t from_reserve = eligible ? min(want, balance[1]) : std::int64_t{0};
        const std::int64_t from_general = min(want - from_reserve, balance[0]);
        return prepare(c, period, eligible, from_reserve, from_general, a);
    }

    // The allocation a claim gets from these takes, into `a` (left
    // unspecified on an error); changes nothing.
    constexpr errc prepare(const claim& c, std::size_t period, bool eligible,
                           std::int64_t from_reserve, std::int64_t from_general,
                           allocation& a) const noexcept {
        a.entry_id = c.entry_id;
        a.period = period;
        a.receipt = 0;
        a.reserve_eligible = eligible;
        a.from_reserve = from_reserve;
        a.from_general = from_general;
        const auto in = quota_.try_to_quantity(from_reserve + from_general);
        if (!in)
            return in.error();
        a.in_quota = *in;
        // claimed - in >= 0 (in is claimed rounded down at most); it may have
        // more digits than a decimal holds (1e17 less 0.001): errc::overflow.
        const auto over = detail::add(c.quantity_claimed.value(), -a.in_quota.value());
        if (!over)
            return over.error();
        a.over_quota = quantity<U>(*over);
        return split(c, a);
    }

    // The claim's value apportioned between a's in- and over-quota parts.
    static constexpr errc split(const claim& c, allocation& a) noexcept {
        // Wholly in or wholly over quota (all but one claim of a period when
        // it runs out), the value is not split; the empty part is a zero at
        // the value's scale, so that sums of parts stay at one scale.
        const money<C> zero(decimal::try_from_parts(0, c.value.amount().scale()).value_or({}));
        if (a.over_quota.value().coefficient() == 0) {
            a.value_in_quota = c.value;
            a.value_over_quota = zero;
            return errc::ok;
        }
        if (a.in_quota.value().coefficient() == 0) {
            a.value_in_quota = zero;
            a.value_over_quota = c.value;
            return errc::ok;
        }
        const auto parts = detail::split_by_weights(c.value, a.in_quota, a.over_quota);
        if (!parts)
            return parts.error();
        a.value_in_quota = (*parts)[0];
        a.value_over_quota = (*parts)[1];
        return errc::ok;
    }

    // A batch claim's own checks (the date is checked once per batch).
    static constexpr errc check_batch_claim(std::int64_t granules, std::int64_t value) noexcept {
        if (granules == 0)
            return errc::invalid_argument;
        if (granules < 0 || value < 0)
            return errc::negative_quantity;
        return errc::ok; // value >= 0 is a valid coefficient
    }

    // try_allocate_batch on the integer path: every claim checked, the date in
    // the open period of a quota without a reserve in granules of 1. Nothing
    // here can fail but the growth of receipts or events, reserved first.
    constexpr void allocate_batch_whole(const quota_claim_batch& batch, quota_batch_takes& out) {
        const std::size_t n = batch.granules.size();
        const bool ids = !batch.entry_ids.empty();
        // Room for the receipts and events first, so that a std::bad_alloc
        // leaves the ledger as it was.
        std::vector<std::vector<quota_receipt>> blocks;
        if (options_.keep_receipts) {
            const std::size_t room =
                receipts_.empty() ? 0 : receipt_block - (receipt_count_ % receipt_block);
            const std::size_t fresh =
                (receipt_count_ % receipt_block == 0 ? n : (n > room ? n - room : 0));
            const std::size_t blocks_needed = (fresh + receipt_block - 1) / receipt_block;
            blocks.resize(blocks_needed);
            for (auto& b : blocks)
                b.reserve(receipt_block);
            receipts_.reserve(receipts_.size() + blocks_needed);
            if (!receipts_.empty()) // a copied ledger's last block may hold no spare room
                receipts_.back().reserve(receipt_block);
            if (options_.keep_events)
                receipt_ids_.reserve(receipt_ids_.size() + n);
        }
        if (options_.keep_events)
            events_.reserve(events_.size() + n);
        const int qs = unit_scale_;
        const int vs = batch.value_scale;
        std::int64_t balance = pools_[open_][0].balance;
        int128_t sum_in = 0, sum_over = 0, sum_value_in = 0, sum_value_over = 0;
        std::size_t next_block = 0;
        if (options_.keep_events) {
            for (std::size_t i = 0; i < n; ++i) {
                const std::int64_t claimed = batch.granules[i];
                const std::int64_t v = batch.values[i];
                const std::int64_t in = min(claimed, balance);
                const std::int64_t over = claimed - in; // >= 0
                std::int64_t vin = v;
                if (in == 0)
                    vin = 0;
                else if (over != 0)
                    vin = detail::split_two_at_scale(v, in, over);
                out.in_granules[i] = in;
                out.value_in[i] = vin;
                if (!out.from_reserve.empty())
                    out.from_reserve[i] = 0;
                if (options_.keep_receipts) {
                    if (receipt_count_ % receipt_block == 0)
                        receipts_.push_back(std::move(blocks[next_block++])); // room reserved
                    receipts_.back().push_back(quota_receipt{0, in});         // capacity reserved
                    ++receipt_count_;
                }
                if (options_.keep_events) {
                    const std::uint64_t entry = ids ? batch.entry_ids[i] : 0;
                    if (options_.keep_receipts)
                        receipt_ids_.push_back(entry);
                    if (in != 0)
                        events_.push_back(quota_event{quota_event_kind::allocation, entry, open_,
                                                      quota_pool::general, balance, balance - in,
                                                      in});
                }
                balance -= in; // in <= balance
                sum_in += in;
                sum_over += over;
                sum_value_in += vin;
                sum_value_over += v - vin;
            }
        } else {
            // Without events: while the balance lasts, min(g, balance) in
            // quota (never 0 there); then every claim wholly over quota. The
            // receipts afterwards, block by block, from what was written.
            const std::int64_t* const claimed = batch.granules.data();
            const std::int64_t* const v = batch.values.data();
            std::int64_t* const in_out = out.in_granules.data();
            std::int64_t* const value_out = out.value_in.data();
            std::size_t i = 0;
            for (; i < n && balance > 0; ++i) {
                const std::int64_t in = min(claimed[i], balance);
                const std::int64_t over = claimed[i] - in;
                const std::int64_t vin =
                    over == 0 ? v[i] : detail::split_two_at_scale(v[i], in, over);
                in_out[i] = in;
                value_out[i] = vin;
                balance -= in;
                sum_in += in;
                sum_over += over;
                sum_value_in += vin;
                sum_value_over += v[i] - vin;
            }
            for (; i < n; ++i) {
                in_out[i] = 0;
                value_out[i] = 0;
                sum_over += claimed[i];
                sum_value_over += v[i];
            }
            for (std::size_t j = 0; j < out.from_reserve.size(); ++j)
                out.from_reserve[j] = 0;
            if (options_.keep_receipts) {
                for (std::size_t j = 0; j < n;) {
                    if (receipt_count_ % receipt_block == 0)
                        receipts_.push_back(std::move(blocks[next_block++])); // room reserved
                    std::vector<quota_receipt>& block = receipts_.back();
                    const std::size_t old = block.size();
                    const std::size_t k = n - j < receipt_block - old ? n - j : receipt_block - old;
                    block.resize(old + k); // within the capacity reserved: zeros
                    for (std::size_t t = 0; t < k; ++t)
                        block[old + t].general = in_out[j + t];
                    receipt_count_ += k;
                    j += k;
                }
            }
        }
        pools_[open_][0].balance = balance;
        allocations_ += n;
        changes_ += n;
        // Each sum is below n * 2^63 < 2^126 for any n a span can hold here.
        totals_[0].add_wide(sum_in, qs);
        totals_[1].add_wide(sum_over, qs);
        totals_[2].add_wide(sum_value_in, vs);
        totals_[3].add_wide(sum_value_over, vs);
    }

    // try_allocate_batch by the general rule: the date's period found once,
    // every claim planned against running balances (as plan() does one by
    // one), and only then, with every plan made, the periods before it
    // closed and the allocations recorded.
    constexpr result<std::size_t> allocate_batch_general(const quota_claim_batch& batch,
                                                         quota_batch_takes& out,
                                                         std::size_t first) {
        const std::size_t n = batch.granules.size();
        // The date, once (a zero-quantity claim stands in for the batch's).
        const auto k = check(claim{0, batch.accepted, quota_.granularity(), money<C>{}});
        if (!k)
            return k.error();
        const std::size_t period = *k;
        auto balance = projected(period);
        std::vector<allocation> planned(n);
        for (std::size_t i = 0; i < n; ++i) {
            errc e = check_batch_claim(batch.granules[i], batch.values[i]);
            const auto q =
                e == errc::ok ? quota_.try_to_quantity(batch.granules[i]) : result<quantity<U>>(e);
            const auto v = decimal::try_from_parts(batch.values[i], batch.value_scale);
            if (e == errc::ok && !q)
                e = q.error();
            if (e == errc::ok && !v)
                e = v.error();
            if (e != errc::ok) {
                out.bad_claim = i;
                return e;
            }
            const claim c{batch.entry_ids.empty() ? 0 : batch.entry_ids[i], batch.accepted, *q,
                          money<C>(*v)};
            const bool eligible = is_eligible(c);
            const std::int64_t want = wanted(c);
            const std::int64_t from_reserve = eligible ? min(want, balance[1]) : std::int64_t{0};
            const std::int64_t from_general = min(want - from_reserve, balance[0]);
            e = prepare(c, period, eligible, from_reserve, from_general, planned[i]);
            if (e != errc::ok) {
                out.bad_claim = i;
                return e;
            }
            balance[1] -= from_reserve;
            balance[0] -= from_general;
        }
        // Every figure for `out` before anything changes.
        for (std::size_t i = 0; i < n; ++i) {
            const auto vin =
                detail::coefficient_at(planned[i].value_in_quota.amount(), batch.value_scale);
            if (!vin) {
                out.bad_claim = i;
                return vin.error();
            }
            out.in_granules[i] = planned[i].from_reserve + planned[i].from_general;
            out.value_in[i] = *vin;
            if (!out.from_reserve.empty())
                out.from_reserve[i] = planned[i].from_reserve;
        }
        close_before(period);
        for (auto& a : planned)
            apply(a);
        return first;
    }

    // Records a prepared allocation: draws the pools and issues its receipt.
    constexpr void apply(allocation& a) {
        a.receipt = record(a.entry_id, a.period, a.from_reserve, a.from_general);
        totals_[0].add(a.in_quota.value());
        totals_[1].add(a.over_quota.value());
        totals_[2].add(a.value_in_quota.amount());
        totals_[3].add(a.value_over_quota.amount());
    }
    // Draws the pools of `period` (open, or later with the earlier ones
    // closed) and issues the receipt; returns its number (or -1 without
    // receipts).
    constexpr std::size_t record(std::uint64_t entry, std::size_t period, std::int64_t from_reserve,
                                 std::int64_t from_general) {
        std::size_t receipt = static_cast<std::size_t>(-1);
        if (options_.keep_receipts) {
            receipt = receipt_count_;
            if (receipt_count_ % receipt_block == 0) { // a new block: no change if this throws
                std::vector<quota_receipt> block;
                block.reserve(receipt_block);
                receipts_.push_back(std::move(block));
            }
            receipts_.back().push_back(quota_receipt{from_reserve, from_general});
            ++receipt_count_;
            if (options_.keep_events)
                receipt_ids_.push_back(entry);
        }
        move(quota_event_kind::allocation, entry, period, 1, -from_reserve);
        move(quota_event_kind::allocation, entry, period, 0, -from_general);
        ++allocations_;
        ++changes_;
        return receipt;
    }
    // A zero at the value's scale (the empty part of a claim not split).
    static constexpr money<C> zero_like(money<C> value) noexcept {
        return money<C>(value.amount().scale() == C::minor_digits
                            ? minor_zero
                            : decimal::try_from_parts(0, value.amount().scale()).value_or({}));
    }
    static constexpr decimal minor_zero = decimal::from_parts(0, C::minor_digits);

    constexpr quota_receipt& receipt_at(std::size_t i) noexcept {
        return receipts_[i / receipt_block][i % receipt_block];
    }
    constexpr const quota_receipt& receipt_at(std::size_t i) const noexcept {
        return receipts_[i / receipt_block][i % receipt_block];
    }

    // The period a receipt was issued in: receipts are issued in the open
    // period, and periods only close, so the first receipt of each period
    // (first_receipt_) is enough.
    constexpr std::size_t period_of_receipt(std::size_t receipt) const noexcept {
        std::size_t p = open_;
        while (p > 0 && first_receipt_[p] > receipt)
            --p;
        return p;
    }

    // Gives back `granules` (> 0) of a known receipt: the one place a return
    // changes the ledger, all checks first.
    constexpr errc give_back_granules(std::size_t receipt, std::int64_t granules) {
        quota_receipt& r = receipt_at(receipt);
        if (granules > r.held())
            return errc::return_exceeds_allocation;
        const std::size_t issued = period_of_receipt(receipt);
        const std::size_t period = issued < open_ ? open_ : issued;
        const std::uint64_t entry = options_.keep_events ? receipt_ids_[receipt] : 0;
        // Last in, first out: the general pool was drawn after the reserve.
        const std::int64_t to_general = min(granules, r.general);
        const std::int64_t to_reserve = granules - to_general;
        move(quota_event_kind::returned, entry, period, 0, to_general);
        move(quota_event_kind::returned, entry, period, 1, to_reserve);
        if (period != issued) { // from a closed period: it adds to what this one has
            pools_[period][0].carried_in += to_general;
            pools_[period][1].carried_in += to_reserve;
        }
        r.general -= to_general;
        r.reserved -= to_reserve;
        ++changes_;
        return errc::ok;
    }

    quota_type quota_;
    options options_;
    std::vector<std::array<pool_state, 2>> pools_;
    std::size_t open_ = 0;
    // The receipts, in blocks of receipt_block allocated once each: growing
    // never copies them, and the memory held is 16 bytes a receipt (plus the
    // last block's unused tail).
    static constexpr std::size_t receipt_block = 4096;
    std::vector<std::vector<quota_receipt>> receipts_;
    std::size_t receipt_count_ = 0;
    std::vector<std::uint64_t> receipt_ids_; // each receipt's entry, for the log (keep_events only)
    std::array<std::size_t, quota_type::max_periods> first_receipt_{}; // per period, once open
    std::vector<quota_event> events_;
    // For the common case in plan(): the open period's days as day_key()s,
    // and whether the quota has no reserve and granules of 1 (at scale
    // unit_scale_). Derived from quota_ and open_.
    std::int64_t open_from_ = 0, open_to_ = 0;
    bool whole_units_ = false;
    int unit_scale_ = 0;
    std::size_t allocations_ = 0;
    // Sums of in_quota, over_quota, value_in_quota, value_over_quota over
    // every allocation recorded (totals()).
    std::array<detail::nonnegative_total, 4> totals_{};
    std::uint64_t changes_ = 0; // allocations, returns and closings: dates reservations
};

// --- a ledger for a unit known only at run time ---------------------------------

// The dimension and unit type of runtime_quota_ledger's quantities: counts of
// the ledger's run-time unit (its unit_info), whatever that is. A dimension
// of its own (bit 1u << 31), so that no quantity of a compile-time unit
// converts to it or is charged by a duty in it.
struct in_ledger_unit_dimension {
    static constexpr std::string_view name = "the ledger's run-time unit";
    static constexpr unsigned bit = 1u << 31;
};
struct in_ledger_unit : unit<in_ledger_unit_dimension, 1, 1, "(the ledger's unit)"> {};

// A quota ledger counted in a unit known only at run time (a schedule's
// unit, as a unit_info): the quota's volumes and granularity are given in
// that unit, and claims come as runtime_quantity in any unit of its
// dimension, converted exactly to it first (errc::invalid_argument for
// another dimension, errc::inexact where the conversion has no finite
// decimal form, errc::overflow). Otherwise it is a quota_ledger, with its
// guarantees: a rejected claim changes nothing.
template <currency_tag C>
class runtime_quota_ledger {
public:
    using quantity_type = quantity<in_ledger_unit>; // an amount of unit()
    using quota_type = tariff_rate_quota<C, in_ledger_unit>;
    using ledger_type = quota_ledger<C, in_ledger_unit>;
    using options = typename ledger_type::options;
    using allocation = typename ledger_type::allocation; // in_quota, over_quota in unit()
    using reservation = typename ledger_type::reservation;

    // Raises what quota_ledger's constructor raises, and errc::invalid_argument
    // for a unit that is not one (a default unit_info).
    runtime_quota_ledger(const quota_type& quota, const unit_info& unit)
        : runtime_quota_ledger(quota, unit, options{}) {}
    runtime_quota_ledger(const quota_type& quota, const unit_info& unit, options opts)
        : ledger_(quota, opts), unit_(checked_unit(unit)) {}
    // A reservation refers to the ledger it was made on: not copied or moved.
    runtime_quota_ledger(const runtime_quota_ledger&) = delete;
    runtime_quota_ledger& operator=(const runtime_quota_ledger&) = delete;

    const unit_info& unit() const noexcept { return unit_; }
    const quota_type& quota() const noexcept { return ledger_.quota(); }
    const ledger_type& ledger() const noexcept { return ledger_; }
    // The most granules a ledger holds, all periods together (as quota_ledger).
    static constexpr std::int64_t max_granules(quantity_type granularity) noexcept {
        return ledger_type::max_granules(granularity);
    }
    // A figure of an allocation or of the quota as a quantity in unit().
    runtime_quantity in_unit(quantity_type q) const noexcept {
        return runtime_quantity::try_make(q.value(), unit_).value_or({}); // q >= 0, unit valid
    }

    // The claim `quantity` (in any unit of unit()'s dimension) as the
    // ledger's claim, converted exactly; errors as above.
    result<quota_claim<C, in_ledger_unit>> try_claim(std::uint64_t entry_id, date accepted,
                                                     const runtime_quantity& quantity,
                                                     money<C> value) const noexcept {
        const auto q = quantity.try_in(unit_);
        if (!q)
            return q.error();
        return quota_claim<C, in_ledger_unit>{entry_id, accepted, quantity_type(q->amount()),
                                              value}; // >= 0: cannot raise
    }

    // quota_ledger's operations, for a claim in a run-time quantity: the
    // same errors (and the conversion's), the same guarantees.
    result<allocation> try_allocate(std::uint64_t entry_id, date accepted,
                                    const runtime_quantity& quantity, money<C> value) {
        const auto c = try_claim(entry_id, accepted, quantity, value);
        if (!c)
            return c.error();
        return ledger_.try_allocate(*c);
    }
    allocation allocate(std::uint64_t entry_id, date accepted, const runtime_quantity& quantity,
                        money<C> value) {
        return try_allocate(entry_id, accepted, quantity, value).value();
    }
    errc try_allocate(std::uint64_t entry_id, date accepted, const runtime_quantity& quantity,
                      money<C> value, quota_take<C>& out) {
        const auto c = try_claim(entry_id, accepted, quantity, value);
        if (!c)
            return c.error();
        return ledger_.try_allocate(*c, out);
    }
    result<reservation> try_reserve(std::uint64_t entry_id, date accepted,
                                    const runtime_quantity& quantity,
                                    money<C> value) const noexcept {
        const auto c = try_claim(entry_id, accepted, quantity, value);
        if (!c)
            return c.error();
        return ledger_.try_reserve(*c);
    }
    reservation reserve(std::uint64_t entry_id, date accepted, const runtime_quantity& quantity,
                        money<C> value) const {
        return try_reserve(entry_id, accepted, quantity, value).value();
    }
    result<allocation> try_commit(reservation& r) { return ledger_.try_commit(r); }
    allocation commit(reservation& r) { return ledger_.commit(r); }
    errc try_release(reservation& r) const noexcept { return ledger_.try_release(r); }
    void release(reservation& r) const { ledger_.release(r); }
    result<quota_totals<C, in_ledger_unit>> try_totals() const noexcept {
        return ledger_.try_totals();
    }
    quota_totals<C, in_ledger_unit> totals() const { return ledger_.totals(); }
    // A period's status, its figures in unit() (as quota_ledger::status).
    quota_status<in_ledger_unit> status(std::size_t period) const { return ledger_.status(period); }
    result<quota_status<in_ledger_unit>> try_status(std::size_t period) const noexcept {
        return ledger_.try_status(period);
    }

private:
    static unit_info checked_unit(const unit_info& u) {
        detail::raise(runtime_quantity::try_make(decimal{}, u).code());
        return u;
    }
    ledger_type ledger_;
    unit_info unit_;
};

// Both parts of an allocation assessed on their paths.
template <currency_tag C>
struct quota_assessment {
    assessment<C> in_quota;
    assessment<C> over_quota;
    // The sums raise errc::overflow if they do not fit; the try_ forms
    // return it instead. total() is duties() + taxes().
    constexpr money<C> duties() const { return try_duties().value(); }
    constexpr money<C> taxes() const { return try_taxes().value(); }
    constexpr money<C> total() const { return try_total().value(); }
    constexpr result<money<C>> try_duties() const noexcept {
        return try_add(in_quota.duties(), over_quota.duties());
    }
    constexpr result<money<C>> try_taxes() const noexcept {
        return try_add(in_quota.taxes(), over_quota.taxes());
    }
    constexpr result<money<C>> try_total() const noexcept {
        const auto d = try_duties();
        const auto t = try_taxes();
        if (!d)
            return d;
        if (!t)
            return t;
        return try_add(d.value_or({}), t.value_or({}));
    }
};

template <currency_tag C, unit_tag U>
constexpr quota_assessment<C> assess(const tariff_rate_quota<C, U>& quota,
                                     const quota_allocation<C, U>& a,
                                     const rounding_policy<C>& policy) {
    return {assess(quota.in_quota(), duty_base(a.value_in_quota).with(a.in_quota), policy),
            assess(quota.over_quota(), duty_base(a.value_over_quota).with(a.over_quota), policy)};
}

// A quota balance that any number of threads may draw on at once. draw() is
// one compare-and-swap on an atomic count of granules, so no claim is ever
// granted more than the balance and no granule is lost or created. Under
// contention that one cache line is the bottleneck: a thread that draws
// often takes a lease (below), which moves granules from the pool in blocks
// and hands them out with no atomic operation. It keeps no event log;
// callers record what they were granted. (The compiler's __atomic builtins
// are used instead of <atomic>, which would make this header twice as
// costly to include.)
//
// Conservation: at every moment volume == balance() + leased() + what the
// callers drew from the pool itself (less what they gave back), where
// leased() is what the open leases hold plus what was drawn from them; a
// lease returns what it holds when released or destroyed.
template <unit_tag U>
class concurrent_quota_pool {
public:
    // errc::invalid_argument for a volume that is not a whole number of granules.
    concurrent_quota_pool(quantity<U> volume, quantity<U> granularity)
        : granularity_(granularity), volume_(granules(volume, granularity, true)),
          balance_(volume_) {}
    concurrent_quota_pool(const concurrent_quota_pool&) = delete;
    concurrent_quota_pool& operator=(const concurrent_quota_pool&) = delete;

    // Takes min(requested, balance) granules; returns what was taken.
    std::int64_t draw(std::int64_t requested) noexcept {
        if (requested <= 0)
            return 0;
        std::int64_t b = __atomic_load_n(&balance_, __ATOMIC_RELAXED);
        std::int64_t take = 0;
        do {
            take = requested < b ? requested : b;
            if (take == 0)
                return 0;
        } while (!__atomic_compare_exchange_n(&balance_, &b, b - take, true, __ATOMIC_ACQ_REL,
                                              __ATOMIC_RELAXED));
        return take;
    }
    // An unsigned request as wide as std::int64_t is not wrapped to a negative
    // one (which would draw nothing): above 2^63 - 1 it asks for everything.
    template <std::unsigned_integral N>
    requires(detail::exact_integer<N> && sizeof(N) >= sizeof(std::int64_t)) std::int64_t
        draw(N requested)
    noexcept {
        return draw(requested > static_cast<N>(INT64_MAX) ? INT64_MAX
                                                          : static_cast<std::int64_t>(requested));
    }
    template <detail::not_an_integer T>
    mistake::granules_are_a_whole_number__pass_an_integer draw(T)
        TARIFF_DETAIL_REJECT("tariff: draw(granules) takes a whole number of granules (or a "
                             "quantity<U>), not binary floating point, a character or a bool");
    // The same for a quantity (rounded down to whole granules).
    quantity<U> draw(quantity<U> requested) {
        return granularity_ * draw(granules(requested, granularity_, false));
    }
    // Returns granules; errc::return_exceeds_allocation (and no change) if the
    // balance would exceed the volume.
    template <detail::not_an_integer T>
    mistake::granules_are_a_whole_number__pass_an_integer try_give_back(T)
        TARIFF_DETAIL_REJECT("tariff: give_back(granules) takes a whole number of granules, not "
                             "binary floating point, a character or a bool");
    template <detail::not_an_integer T>
    mistake::granules_are_a_whole_number__pass_an_integer give_back(T)
        TARIFF_DETAIL_REJECT("tariff: give_back(granules) takes a whole number of granules, not "
                             "binary floating point, a character or a bool");
    errc try_give_back(std::int64_t n) noexcept {
        if (n <= 0)
            return errc::invalid_argument;
        // What the callers hold is the volume less the balance and what the
        // leases hold. Under the lock, leased_ and every other increase of
        // the balance wait; draws only lower it, and then the exchange
        // below fails and the check is made again.
        const guard locked(&lock_);
        std::int64_t b = __atomic_load_n(&balance_, __ATOMIC_ACQUIRE);
        do {
            if (n > volume_ - b - leased_)
                return errc::return_exceeds_allocation;
        } while (!__atomic_compare_exchange_n(&balance_, &b, b + n, true, __ATOMIC_ACQ_REL,
                                              __ATOMIC_RELAXED));
        return errc::ok;
    }
    void give_back(std::int64_t n) { detail::raise(try_give_back(n)); }

    // The granules not drawn and not held by a lease.
    std::int64_t balance() const noexcept { return __atomic_load_n(&balance_, __ATOMIC_ACQUIRE); }
    // The granules moved to leases not yet released: what they hold plus
    // what was drawn from them.
    std::int64_t leased() const noexcept { return __atomic_load_n(&leased_, __ATOMIC_ACQUIRE); }
    std::int64_t volume() const noexcept { return volume_; }
    quantity<U> granularity() const noexcept { return granularity_; }

    // One thread's share of the pool: it takes granules from the pool a
    // block at a time and draws from them without touching the shared
    // balance, so threads that each hold a lease do not contend. A lease
    // is used by one thread at a time (it is not synchronised); it may be
    // moved, not copied. Its draw(n) gives exactly what pool.draw(n) would
    // when the pool has plenty: n. Near exhaustion blocks shrink (a refill
    // takes at most 1/16 of what is left beyond the request), and a draw
    // the lease and the pool together cannot meet gets what they have: a
    // short draw. Granules other leases still hold then are not drawn until
    // those leases are released (release(), or their destruction), which
    // returns them to the pool; none is lost.
    class lease {
    public:
        static constexpr std::int64_t default_block = 4096;
        // block < 1 counts as 1.
        explicit lease(concurrent_quota_pool& pool, std::int64_t block = default_block) noexcept
            : pool_(&pool), block_(block < 1 ? 1 : block) {}
        lease(const lease&) = delete;
        lease& operator=(const lease&) = delete;
        lease(lease&& o) noexcept
            : pool_(o.pool_), held_(o.held_), taken_(o.taken_), block_(o.block_) {
            o.held_ = 0;
            o.taken_ = 0;
        }
        lease& operator=(lease&& o) noexcept {
            if (this != &o) {
                release();
                pool_ = o.pool_;
                held_ = o.held_;
                taken_ = o.taken_;
                block_ = o.block_;
                o.held_ = 0;
                o.taken_ = 0;
            }
            return *this;
        }
        ~lease() { release(); }

        // Takes min(requested, what this lease and the pool have) granules;
        // returns what was taken (0 for a request that is not positive).
        std::int64_t draw(std::int64_t requested) noexcept {
            // 0 < requested <= held_, in one comparison (held_ >= 0).
            if (static_cast<std::uint64_t>(requested) - 1 < static_cast<std::uint64_t>(held_)) {
                held_ -= requested;
                return requested;
            }
            return requested > 0 ? refill_and_draw(requested) : 0;
        }
        // As for the pool: an unsigned request above 2^63 - 1 asks for everything.
        template <std::unsigned_integral N>
        requires(detail::exact_integer<N> && sizeof(N) >= sizeof(std::int64_t)) std::int64_t
            draw(N requested)
        noexcept {
            return draw(requested > static_cast<N>(INT64_MAX)
                            ? INT64_MAX
                            : static_cast<std::int64_t>(requested));
        }
        template <detail::not_an_integer T>
        mistake::granules_are_a_whole_number__pass_an_integer draw(T)
            TARIFF_DETAIL_REJECT("tariff: draw(granules) takes a whole number of granules, not "
                                 "binary floating point, a character or a bool");
        // Gives back n granules drawn from this lease (a cancelled claim):
        // they return to the lease. errc::invalid_argument for n <= 0,
        // errc::return_exceeds_allocation (and no change) for more than the
        // lease has handed out and not had back.
        template <detail::not_an_integer T>
        mistake::granules_are_a_whole_number__pass_an_integer try_give_back(T)
            TARIFF_DETAIL_REJECT("tariff: give_back(granules) takes a whole number of granules, "
                                 "not binary floating point, a character or a bool");
        template <detail::not_an_integer T>
        mistake::granules_are_a_whole_number__pass_an_integer give_back(T)
            TARIFF_DETAIL_REJECT("tariff: give_back(granules) takes a whole number of granules, "
                                 "not binary floating point, a character or a bool");
        errc try_give_back(std::int64_t n) noexcept {
            if (n <= 0)
                return errc::invalid_argument;
            if (n > taken_ - held_)
                return errc::return_exceeds_allocation;
            held_ += n;
            return errc::ok;
        }
        void give_back(std::int64_t n) { detail::raise(try_give_back(n)); }
        // Returns what the lease holds to the pool (also done on
        // destruction); what was drawn from it then counts as drawn from the
        // pool (pool.try_give_back takes it back).
        void release() noexcept {
            if (taken_ > 0) {
                pool_->return_lease(held_, taken_);
                held_ = 0;
                taken_ = 0;
            }
        }
        // Granules taken from the pool and not yet drawn from the lease.
        std::int64_t held() const noexcept { return held_; }
        // Granules drawn from the lease, less those given back to it.
        std::int64_t drawn() const noexcept { return taken_ - held_; }

    private:
        std::int64_t refill_and_draw(std::int64_t requested) noexcept {
            const std::int64_t got = pool_->take_lease(requested - held_, block_);
            held_ += got;
            taken_ += got;
            const std::int64_t take = requested < held_ ? requested : held_;
            held_ -= take;
            return take;
        }
        concurrent_quota_pool* pool_;
        std::int64_t held_ = 0;  // taken from the pool, not drawn (or given back)
        std::int64_t taken_ = 0; // taken from the pool in all: held_ + drawn()
        std::int64_t block_;
    };

private:
    // errc::invalid_argument for a volume that is not whole granules,
    // errc::overflow for one of more than 2^63 - 1 granules; a request that
    // large is more than any balance and counts as 2^63 - 1.
    static std::int64_t granules(quantity<U> q, quantity<U> granule, bool exact) {
        const auto n = detail::divide(q.value(), granule.value(), 0, rounding_mode::floor);
        if (!n) {
            if (exact || n.error() != errc::overflow)
                detail::raise(n.error());
            return detail::rep_traits<std::int64_t>::max;
        }
        const std::int64_t count = n.value_or({}).coefficient();
        if (exact) {
            const auto back = detail::multiply(granule.value(), decimal(count));
            if (!back || !(back.value_or({}) == q.value()))
                detail::raise(errc::invalid_argument);
        }
        return count;
    }

    // Lease refills and returns and try_give_back hold this spin lock (they
    // are rare: once a block), so that leased_ changes only under it and a
    // return is checked against exact figures; draw() and a lease's own
    // draws never take it.
    struct guard {
        int* lock;
        explicit guard(int* l) noexcept : lock(l) {
            while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE) != 0) {
                while (__atomic_load_n(lock, __ATOMIC_RELAXED) != 0) {
                }
            }
        }
        ~guard() { __atomic_store_n(lock, 0, __ATOMIC_RELEASE); }
        guard(const guard&) = delete;
        guard& operator=(const guard&) = delete;
    };

    // Moves up to need + block granules (need > 0) from the balance to a
    // lease: need first, then at most 1/16 of what is left, so that near
    // exhaustion the leases hold little.
    std::int64_t take_lease(std::int64_t need, std::int64_t block) noexcept {
        const guard locked(&lock_);
        std::int64_t b = __atomic_load_n(&balance_, __ATOMIC_RELAXED);
        std::int64_t take = 0;
        do {
            if (b <= need) {
                take = b;
            } else {
                const std::int64_t spare = (b - need) / 16;
                take = need + (spare < block ? spare : block);
            }
        } while (take > 0 && !__atomic_compare_exchange_n(&balance_, &b, b - take, true,
                                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
        __atomic_store_n(&leased_, leased_ + take, __ATOMIC_RELEASE);
        return take;
    }
    // A released lease: its unused granules back to the balance (at most
    // the volume: they were taken from it), and what was drawn from it
    // counted as drawn from the pool.
    void return_lease(std::int64_t held, std::int64_t taken) noexcept {
        const guard locked(&lock_);
        __atomic_fetch_add(&balance_, held, __ATOMIC_ACQ_REL);
        __atomic_store_n(&leased_, leased_ - taken, __ATOMIC_RELEASE);
    }

    quantity<U> granularity_;
    std::int64_t volume_;
    alignas(64) std::int64_t balance_;    // on its own cache line
    alignas(64) std::int64_t leased_ = 0; // touched only by lease refills and returns
    int lock_ = 0;
};

} // namespace tariff
