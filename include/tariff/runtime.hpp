// tariff/runtime.hpp: money, exchange rates and quantities whose currency or
// unit is known only at run time (a schedule, a CSV file, a database row).
//
// The typed API rejects mixing currencies or dimensions at compile time:
// money<CAD> + money<USD> does not compile. Here the currency and the unit are
// values, and the same checks happen when the program runs:
//
//     runtime_money a(runtime_currency("CAD", 2), 12.50_dec);
//     a + runtime_money(42.00_CAD);                  // CAD 54.50
//     a + runtime_money(1.00_USD);                   // errc::currency_mismatch
//     money<CAD> c = a.to_money<CAD>();             // checks the code: CAD
//     a.try_to_money<USD>().error();                // errc::currency_mismatch
//
// Every throwing operation has a non-throwing twin prefixed try_, returning
// tariff::result<T>; the throwing forms raise tariff::domain_error (or
// tariff::overflow_error for errc::overflow), in constant evaluation a compile
// error naming the error. Arithmetic is exact; rounding names its mode.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "date.hpp"
#include "exchange.hpp"
#include "quantity.hpp"

namespace tariff {

// --- currencies ---------------------------------------------------------------

// A currency as a value: its ISO 4217 code (three upper-case letters A-Z) and
// the digits of its minor unit (0 to 4). A default one is "XXX", ISO 4217's
// code for "no currency", with 0 digits. Two are the same currency when both
// the code and the digits are the same.
class runtime_currency {
public:
    constexpr runtime_currency() noexcept = default;

    // errc::invalid_argument unless `code` is three letters A-Z and
    // 0 <= minor_digits <= 4.
    constexpr runtime_currency(std::string_view code, int minor_digits)
        : runtime_currency(try_make(code, minor_digits).value()) {}

    // The non-throwing form.
    static constexpr result<runtime_currency> try_make(std::string_view code,
                                                       int minor_digits) noexcept {
        if (code.size() != 3 || minor_digits < 0 || minor_digits > 4)
            return errc::invalid_argument;
        runtime_currency c;
        for (std::size_t i = 0; i < 3; ++i) {
            if (code[i] < 'A' || code[i] > 'Z')
                return errc::invalid_argument;
            c.code_[i] = code[i];
        }
        c.minor_digits_ = minor_digits;
        return c;
    }

    // A view of this object's own characters: valid while it lives.
    constexpr std::string_view code() const noexcept { return {code_, 3}; }
    constexpr int minor_digits() const noexcept { return minor_digits_; }

    friend constexpr bool operator==(const runtime_currency& a,
                                     const runtime_currency& b) noexcept {
        return a.code_[0] == b.code_[0] && a.code_[1] == b.code_[1] && a.code_[2] == b.code_[2] &&
               a.minor_digits_ == b.minor_digits_;
    }

private:
    char code_[3] = {'X', 'X', 'X'};
    int minor_digits_ = 0;
};

// The run-time value of a currency type: runtime_currency_of<CAD> is CAD, 2.
template <currency_tag C>
inline constexpr runtime_currency runtime_currency_of{C::code, C::minor_digits};

// The currencies the library declares as types (currency.hpp), in that order.
inline constexpr runtime_currency library_currencies[] = {
    runtime_currency_of<AUD>, runtime_currency_of<CAD>, runtime_currency_of<CHF>,
    runtime_currency_of<CNY>, runtime_currency_of<EUR>, runtime_currency_of<GBP>,
    runtime_currency_of<IDR>, runtime_currency_of<INR>, runtime_currency_of<JPY>,
    runtime_currency_of<KRW>, runtime_currency_of<KWD>, runtime_currency_of<MXN>,
    runtime_currency_of<USD>};

// The library's currency with this code (exactly: "cad" is none), or nullptr.
// A currency the library lacks is made with runtime_currency(code, digits).
constexpr const runtime_currency* find_currency(std::string_view code) noexcept {
    for (const auto& c : library_currencies)
        if (c.code() == code)
            return &c;
    return nullptr;
}

// --- money --------------------------------------------------------------------

// An exact amount in a currency known at run time: a runtime_currency and a
// decimal (the range of money<C>). A money<C> converts to it explicitly;
// to_money<C>() converts back, checking the currency.
class runtime_money {
public:
    constexpr runtime_money() noexcept = default;
    constexpr runtime_money(runtime_currency currency, decimal amount) noexcept
        : currency_(currency), amount_(amount) {}
    // Explicit, so that typed amounts in different currencies never meet
    // through a run-time overload: try_add(1.00_CAD, 1.00_USD) does not
    // compile, as 1.00_CAD + 1.00_USD does not.
    template <currency_tag C>
    constexpr explicit runtime_money(money<C> m) noexcept
        : currency_(runtime_currency_of<C>), amount_(m.amount()) {}

    constexpr runtime_currency currency() const noexcept { return currency_; }
    constexpr decimal amount() const noexcept { return amount_; }

    // The amount as money<C>: errc::currency_mismatch unless C is this
    // amount's currency (code and minor digits).
    template <currency_tag C>
    constexpr result<money<C>> try_to_money() const noexcept {
        if (!(currency_ == runtime_currency_of<C>))
            return errc::currency_mismatch;
        return money<C>(amount_);
    }
    template <currency_tag C>
    constexpr money<C> to_money() const {
        return try_to_money<C>().value();
    }

    constexpr runtime_money operator+() const noexcept { return *this; }
    constexpr runtime_money operator-() const noexcept { return {currency_, -amount_}; }

    // a == b: the same currency and the same amount (CAD 1.00 is not USD 1.00;
    // 1.0 and 1.00 are equal). Ordering across currencies has no meaning:
    // compare() raises errc::currency_mismatch for it.
    friend constexpr bool operator==(const runtime_money& a, const runtime_money& b) noexcept {
        return a.currency_ == b.currency_ && a.amount_ == b.amount_;
    }

private:
    runtime_currency currency_{};
    decimal amount_{};
};

// a + b and a - b: errc::currency_mismatch for amounts in different
// currencies, errc::overflow where the exact result does not fit.
constexpr result<runtime_money> try_add(const runtime_money& a, const runtime_money& b) noexcept {
    if (!(a.currency() == b.currency()))
        return errc::currency_mismatch;
    const auto r = detail::add(a.amount(), b.amount());
    if (!r)
        return r.error();
    return runtime_money(a.currency(), *r);
}
constexpr result<runtime_money> try_subtract(const runtime_money& a,
                                             const runtime_money& b) noexcept {
    return try_add(a, -b);
}
constexpr runtime_money operator+(const runtime_money& a, const runtime_money& b) {
    return try_add(a, b).value();
}
constexpr runtime_money operator-(const runtime_money& a, const runtime_money& b) {
    return try_subtract(a, b).value();
}

// Negative, zero or positive as a is less than, equal to or greater than b;
// errc::currency_mismatch for amounts in different currencies.
constexpr result<int> try_compare(const runtime_money& a, const runtime_money& b) noexcept {
    if (!(a.currency() == b.currency()))
        return errc::currency_mismatch;
    const auto o = a.amount() <=> b.amount();
    return o < 0 ? -1 : o > 0 ? 1 : 0;
}
constexpr int compare(const runtime_money& a, const runtime_money& b) {
    return try_compare(a, b).value();
}

// m * k, exact; errc::overflow where it does not fit.
constexpr result<runtime_money> try_multiply(const runtime_money& m, decimal k) noexcept {
    const auto r = detail::multiply(m.amount(), k);
    if (!r)
        return r.error();
    return runtime_money(m.currency(), *r);
}
constexpr runtime_money operator*(const runtime_money& m, decimal k) {
    return try_multiply(m, k).value();
}
constexpr runtime_money operator*(decimal k, const runtime_money& m) {
    return try_multiply(m, k).value();
}

// m rounded to its currency's minor unit by mode; errc::invalid_argument for
// a mode that is not one.
constexpr result<runtime_money> try_round(const runtime_money& m,
                                          required_rounding_mode mode) noexcept {
    if (!is_valid(mode))
        return errc::invalid_argument;
    const auto r = detail::round_to_scale(m.amount(), m.currency().minor_digits(), mode);
    if (!r)
        return r.error();
    return runtime_money(m.currency(), *r);
}
constexpr runtime_money round(const runtime_money& m, required_rounding_mode mode) {
    return try_round(m, mode).value();
}
// m rounded to a multiple of `granularity` (CHF 0.05) by mode:
// errc::currency_mismatch if the granularity is in another currency,
// errc::division_by_zero if it is zero, errc::invalid_argument if it is
// negative or the mode is not one.
constexpr result<runtime_money> try_round(const runtime_money& m, const runtime_money& granularity,
                                          required_rounding_mode mode) noexcept {
    if (!(m.currency() == granularity.currency()))
        return errc::currency_mismatch;
    const auto r = detail::round_to_multiple(m.amount(), granularity.amount(), mode);
    if (!r)
        return r.error();
    return runtime_money(m.currency(), *r);
}
constexpr runtime_money round(const runtime_money& m, const runtime_money& granularity,
                              required_rounding_mode mode) {
    return try_round(m, granularity, mode).value();
}

// --- exchange rates -------------------------------------------------------------

// How many `to` one `from` buys, in force from `effective` on: an exact
// decimal, as the central bank publishes it.
struct runtime_exchange_rate {
    runtime_currency from{};
    runtime_currency to{};
    date effective{1, 1, 1};
    decimal rate{1};

    // amount * rate, rounded by mode to the minor unit of `to`. Only the
    // rounded amount must fit, not the exact product. errc::currency_mismatch
    // if the amount is not in `from`; errc::invalid_argument if the rate is
    // not positive or the mode is not one; errc::overflow.
    constexpr result<runtime_money> try_convert(const runtime_money& amount,
                                                required_rounding_mode mode) const noexcept {
        if (!(amount.currency() == from))
            return errc::currency_mismatch;
        if (rate <= 0 || !is_valid(mode))
            return errc::invalid_argument;
        const auto r = detail::convert_rounded(amount.amount(), rate, to.minor_digits(), mode);
        if (!r)
            return r.error();
        return runtime_money(to, *r);
    }
    constexpr runtime_money convert(const runtime_money& amount,
                                    required_rounding_mode mode) const {
        return try_convert(amount, mode).value();
    }

    // amount * rate, rounded by mode to a multiple of `granularity` (in `to`:
    // CHF 0.05, USD 1.00). The errors above, and errc::currency_mismatch if
    // the granularity is not in `to`, errc::division_by_zero if it is zero,
    // errc::invalid_argument if it is negative.
    constexpr result<runtime_money> try_convert(const runtime_money& amount,
                                                const runtime_money& granularity,
                                                required_rounding_mode mode) const noexcept {
        if (!(amount.currency() == from) || !(granularity.currency() == to))
            return errc::currency_mismatch;
        if (rate <= 0)
            return errc::invalid_argument;
        // The exact product fits 128 bits (two 63-bit coefficients, at most
        // 36 places); only the rounded multiple must fit 64.
        using W = int128_t;
        const auto product =
            detail::multiply(detail::narrow<W>(amount.amount()).value_or({}), wide_decimal(rate));
        if (!product)
            return product.error();
        const auto rounded = detail::round_to_multiple(
            *product, detail::narrow<W>(granularity.amount()).value_or({}), mode);
        if (!rounded)
            return rounded.error();
        const auto narrowed = detail::narrow<std::int64_t>(*rounded);
        if (!narrowed)
            return narrowed.error();
        return runtime_money(to, *narrowed);
    }
    constexpr runtime_money convert(const runtime_money& amount, const runtime_money& granularity,
                                    required_rounding_mode mode) const {
        return try_convert(amount, granularity, mode).value();
    }

    friend constexpr bool operator==(const runtime_exchange_rate&,
                                     const runtime_exchange_rate&) noexcept = default;
};

// A typed exchange_rate as a run-time one, in force from `effective`.
template <currency_tag From, currency_tag To>
constexpr runtime_exchange_rate to_runtime(const exchange_rate<From, To>& r,
                                           date effective = date(1, 1, 1)) noexcept {
    return {runtime_currency_of<From>, runtime_currency_of<To>, effective, r.rate()};
}

// Exchange rates keyed by (from, to) and the day each takes effect: the rate
// for a day is the latest dated on or before it. A rate converts only in its
// own direction: a CAD -> CNY rate is never inverted to convert CNY into CAD
// (1 / rate is rarely a finite decimal); add the other direction's published
// rate. A conversion between a currency and itself uses the rate 1, exactly.
//
// Not usable in constant expressions (it holds a std::vector). The try_ forms
// throw nothing but std::bad_alloc when the table grows (try_add).
class runtime_exchange_table {
public:
    // Adds a rate. errc::invalid_argument for a rate <= 0, `from` equal to
    // `to` (by code), or a second rate for the same pair and day (the table
    // is then unchanged).
    result<runtime_exchange_rate> try_add(runtime_currency from, runtime_currency to, decimal rate,
                                          date effective = date(1, 1, 1)) {
        if (rate <= 0 || from.code() == to.code())
            return errc::invalid_argument;
        const runtime_exchange_rate r{from, to, effective, rate};
        std::size_t i = upper(from.code(), to.code(), effective);
        if (i > 0 && same_key(rates_[i - 1], r))
            return errc::invalid_argument;
        rates_.insert(rates_.begin() + static_cast<std::ptrdiff_t>(i), r);
        return r;
    }
    runtime_exchange_rate add(runtime_currency from, runtime_currency to, decimal rate,
                              date effective = date(1, 1, 1)) {
        return try_add(from, to, rate, effective).value();
    }

    // The rate from `from` to `to` (by code) in force on `on`: the latest
    // dated on or before it. errc::missing_exchange_rate if there is none (no
    // rate for the pair, or only later ones).
    result<runtime_exchange_rate> try_find(std::string_view from, std::string_view to,
                                           date on) const noexcept {
        const std::size_t i = upper(from, to, on);
        if (i == 0 || rates_[i - 1].from.code() != from || rates_[i - 1].to.code() != to)
            return errc::missing_exchange_rate;
        return rates_[i - 1];
    }
    runtime_exchange_rate find(std::string_view from, std::string_view to, date on) const {
        return try_find(from, to, on).value();
    }

    // amount in `to`, at the rate in force on `on`, rounded by mode to the
    // minor unit of `to`: the errors of try_find and of
    // runtime_exchange_rate::try_convert. An amount already in `to` is only
    // rounded.
    result<runtime_money> try_convert(const runtime_money& amount, runtime_currency to, date on,
                                      required_rounding_mode mode) const noexcept {
        const auto r = rate_for(amount, to, on);
        if (!r)
            return r.error();
        return r->try_convert(amount, mode);
    }
    runtime_money convert(const runtime_money& amount, runtime_currency to, date on,
                          required_rounding_mode mode) const {
        return try_convert(amount, to, on, mode).value();
    }
    // The same, rounded to a multiple of `granularity` (in the target
    // currency, which it names).
    result<runtime_money> try_convert(const runtime_money& amount, const runtime_money& granularity,
                                      date on, required_rounding_mode mode) const noexcept {
        const auto r = rate_for(amount, granularity.currency(), on);
        if (!r)
            return r.error();
        return r->try_convert(amount, granularity, mode);
    }
    runtime_money convert(const runtime_money& amount, const runtime_money& granularity, date on,
                          required_rounding_mode mode) const {
        return try_convert(amount, granularity, on, mode).value();
    }

    // The rates, ordered by from, to (codes) and date.
    const std::vector<runtime_exchange_rate>& rates() const noexcept { return rates_; }
    std::size_t size() const noexcept { return rates_.size(); }
    bool empty() const noexcept { return rates_.empty(); }

private:
    static bool same_key(const runtime_exchange_rate& a, const runtime_exchange_rate& b) noexcept {
        return a.from.code() == b.from.code() && a.to.code() == b.to.code() &&
               a.effective == b.effective;
    }
    // The index of the first rate after (from, to, day) in the table's order.
    std::size_t upper(std::string_view from, std::string_view to, date day) const noexcept {
        std::size_t lo = 0, hi = rates_.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            const auto& r = rates_[mid];
            const int f = r.from.code().compare(from);
            const int t = f != 0 ? 0 : r.to.code().compare(to);
            const bool after = f != 0 ? f > 0 : t != 0 ? t > 0 : r.effective > day;
            if (after)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }
    result<runtime_exchange_rate> rate_for(const runtime_money& amount, runtime_currency to,
                                           date on) const noexcept {
        if (amount.currency().code() == to.code())
            return runtime_exchange_rate{amount.currency(), to, date(1, 1, 1), decimal(1)};
        return try_find(amount.currency().code(), to.code(), on);
    }

    std::vector<runtime_exchange_rate> rates_;
};

// --- quantities -------------------------------------------------------------------

// An exact, non-negative quantity in a unit known at run time (a unit_info,
// held by value). A quantity<U> converts to it explicitly; to_quantity<U>()
// converts back, exactly, checking the dimension. Quantities of one dimension
// add, subtract and compare in the finer of their units (as quantity<U>
// does); of different dimensions they are errc::invalid_argument.
class runtime_quantity {
public:
    // Zero each.
    constexpr runtime_quantity() noexcept = default;

    // errc::negative_quantity if amount < 0; errc::invalid_argument for a
    // unit that is not one (a size that is not positive, a dimension that is
    // not one bit: a default unit_info).
    constexpr runtime_quantity(decimal amount, const unit_info& unit)
        : runtime_quantity(try_make(amount, unit).value()) {}
    static constexpr result<runtime_quantity> try_make(decimal amount,
                                                       const unit_info& unit) noexcept {
        if (unit.num <= 0 || unit.den <= 0 || !detail::is_single_bit(unit.dimension_bit))
            return errc::invalid_argument;
        if (amount < 0)
            return errc::negative_quantity;
        runtime_quantity q;
        q.amount_ = amount;
        q.unit_ = unit;
        return q;
    }
    // Explicit, as runtime_money's is.
    template <unit_tag U>
    constexpr explicit runtime_quantity(quantity<U> q) noexcept
        : amount_(q.value()), unit_(unit_info_of<U>) {}

    constexpr decimal amount() const noexcept { return amount_; }
    constexpr const unit_info& unit() const noexcept { return unit_; }

    // This quantity in unit `to`, exactly: errc::invalid_argument for another
    // dimension, errc::inexact where it has no finite decimal form (7 each in
    // dozens), errc::overflow.
    constexpr result<runtime_quantity> try_in(const unit_info& to) const noexcept {
        const auto a = try_convert_units(amount_, unit_, to);
        if (!a)
            return a.error();
        return try_make(*a, to);
    }
    constexpr runtime_quantity in(const unit_info& to) const { return try_in(to).value(); }

    // As quantity<U>, with the errors of try_in.
    template <unit_tag U>
    constexpr result<quantity<U>> try_to_quantity() const noexcept {
        const auto q = try_in(unit_info_of<U>);
        if (!q)
            return q.error();
        return quantity<U>(q->amount()); // >= 0: cannot raise
    }
    template <unit_tag U>
    constexpr quantity<U> to_quantity() const {
        return try_to_quantity<U>().value();
    }

private:
    decimal amount_{};
    unit_info unit_ = unit_info_of<units::each>;
};

namespace detail {
// Both quantities in the finer of their units (the smaller num/den).
constexpr errc in_finer_unit(const runtime_quantity& a, const runtime_quantity& b, decimal& x,
                             decimal& y, const unit_info*& unit) noexcept {
    if (a.unit().dimension_bit != b.unit().dimension_bit)
        return errc::invalid_argument;
    const bool a_finer = static_cast<int128_t>(a.unit().num) * b.unit().den <=
                         static_cast<int128_t>(b.unit().num) * a.unit().den;
    unit = a_finer ? &a.unit() : &b.unit();
    const auto ca = try_convert_units(a.amount(), a.unit(), *unit);
    const auto cb = try_convert_units(b.amount(), b.unit(), *unit);
    if (!ca)
        return ca.error();
    if (!cb)
        return cb.error();
    x = *ca;
    y = *cb;
    return errc::ok;
}
} // namespace detail

// a + b in the finer unit: errc::invalid_argument for different dimensions,
// errc::inexact, errc::overflow.
constexpr result<runtime_quantity> try_add(const runtime_quantity& a,
                                           const runtime_quantity& b) noexcept {
    decimal x, y;
    const unit_info* unit = nullptr;
    if (const errc e = detail::in_finer_unit(a, b, x, y, unit); e != errc::ok)
        return e;
    const auto s = detail::add(x, y);
    if (!s)
        return s.error();
    return runtime_quantity::try_make(*s, *unit);
}
// a - b in the finer unit: those errors, and errc::negative_quantity if b > a.
constexpr result<runtime_quantity> try_subtract(const runtime_quantity& a,
                                                const runtime_quantity& b) noexcept {
    decimal x, y;
    const unit_info* unit = nullptr;
    if (const errc e = detail::in_finer_unit(a, b, x, y, unit); e != errc::ok)
        return e;
    const auto s = detail::add(x, -y);
    if (!s)
        return s.error();
    return runtime_quantity::try_make(*s, *unit);
}
constexpr runtime_quantity operator+(const runtime_quantity& a, const runtime_quantity& b) {
    return try_add(a, b).value();
}
constexpr runtime_quantity operator-(const runtime_quantity& a, const runtime_quantity& b) {
    return try_subtract(a, b).value();
}
// Negative, zero or positive as a < b, a == b (1 tonne and 1000 kg are
// equal), a > b: errc::invalid_argument for different dimensions, errc::inexact
// or errc::overflow where one does not convert to the finer unit.
constexpr result<int> try_compare(const runtime_quantity& a, const runtime_quantity& b) noexcept {
    decimal x, y;
    const unit_info* unit = nullptr;
    if (const errc e = detail::in_finer_unit(a, b, x, y, unit); e != errc::ok)
        return e;
    const auto o = x <=> y;
    return o < 0 ? -1 : o > 0 ? 1 : 0;
}
constexpr int compare(const runtime_quantity& a, const runtime_quantity& b) {
    return try_compare(a, b).value();
}

} // namespace tariff
