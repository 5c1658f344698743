// tariff/error.hpp: how the library reports errors.
//
// Every checked operation is written once, returning tariff::result<T>
// (no exceptions). The operators and the plain functions call .value() on
// that result, which
//   - during constant evaluation calls a non-constexpr function whose name
//     states the error (so the compiler's message names it), and
//   - at run time throws tariff::overflow_error (derived from
//     std::overflow_error) or tariff::domain_error (derived from
//     std::domain_error); built without exceptions (-fno-exceptions), it calls
//     TARIFF_ERROR_HANDLER(code, message) if the user defined that macro before
//     including tariff, else writes "tariff: error: <message>" to stderr; then
//     std::abort().
// Every throwing operation has a non-throwing twin named try_...: it returns
// the result instead (try_add, try_assess, try_parse_duty, ...).
#pragma once

#include "config.hpp"

#include <cstdlib>
#include <stdexcept>
#if !defined(__cpp_exceptions) && !defined(TARIFF_ERROR_HANDLER)
#include <cstdio>
#endif
#include <concepts>
#include <cstddef>
#include <type_traits>

namespace tariff {

enum class errc : unsigned char {
    ok = 0,
    overflow,          // the exact result is outside the type's range or its decimal places
    division_by_zero,  // a divisor, a weight total or a granularity is zero
    negative_quantity, // a quantity or a rate would be negative
    inexact,           // the exact result has no finite decimal form (e.g. 7 each in dozens)
    invalid_argument,  // an argument breaks a documented precondition
    invalid_text,      // text is not a number in the accepted notation
    missing_quantity,  // a duty needs a quantity (e.g. kg) the entry does not declare
    outside_period,    // a quota claim is dated outside every quota period
    period_closed,     // a quota claim is dated in a period already closed
    unknown_entry,     // a return names an allocation the ledger does not have
    return_exceeds_allocation, // a return is larger than what is left of the allocation
    legal_wording,     // the text refers to another provision ("See 9823.04.01", "No change"): no
                       // duty can be computed from it alone
    currency_mismatch, // amounts in different currencies (known only at run time) meet
    missing_exchange_rate,  // no exchange rate for the pair of currencies (and date) asked
    no_season,              // a seasonal duty has no season covering the entry's date
    overlapping_seasons,    // two seasons of one seasonal duty cover the same day
    unresolved_placeholder, // a duty's additional-code placeholder (EA, ADSZ, ...) has no amount
    missing_value_base, // a duty's term names a value ("45 % on the case") the entry does not carry
};

constexpr const char* to_string(errc e) noexcept {
    switch (e) {
    case errc::ok:
        return "no error";
    case errc::overflow:
        return "arithmetic overflow: the exact result does not fit the type";
    case errc::division_by_zero:
        return "division by zero";
    case errc::negative_quantity:
        return "negative quantity or rate";
    case errc::inexact:
        return "the exact result is not a finite decimal";
    case errc::invalid_argument:
        return "invalid argument";
    case errc::invalid_text:
        return "malformed number";
    case errc::missing_quantity:
        return "the duty needs a quantity the entry does not declare";
    case errc::outside_period:
        return "the claim is dated outside every quota period";
    case errc::period_closed:
        return "the claim is dated in a quota period that is already closed";
    case errc::unknown_entry:
        return "no such allocation in the quota ledger";
    case errc::return_exceeds_allocation:
        return "the return is larger than the in-quota quantity left of the allocation";
    case errc::legal_wording:
        return "legal wording: the text refers to another provision, not a duty that can be "
               "computed alone";
    case errc::currency_mismatch:
        return "the amounts are in different currencies";
    case errc::missing_exchange_rate:
        return "no exchange rate for these currencies on that date";
    case errc::no_season:
        return "no season of the seasonal duty covers the date";
    case errc::overlapping_seasons:
        return "two seasons of the seasonal duty cover the same day";
    case errc::unresolved_placeholder:
        return "an additional code's placeholder (EA, ADSZ, ADFM, ...) has no amount: resolve "
               "it from a table";
    case errc::missing_value_base:
        return "the duty names a value (45 % on the case) the entry does not carry: add it with "
               "with_named_value";
    }
    return "unknown error";
}

// Thrown for errc::overflow.
class overflow_error : public std::overflow_error {
public:
    explicit overflow_error(const char* what) : std::overflow_error(what) {}
    errc code() const noexcept { return errc::overflow; }
};

// Thrown for every other errc.
class domain_error : public std::domain_error {
public:
    domain_error(errc code, const char* what) : std::domain_error(what), code_(code) {}
    errc code() const noexcept { return code_; }

private:
    errc code_;
};

namespace detail {

// Not constexpr on purpose: reaching one of these during constant evaluation
// makes the expression non-constant, and the compiler's error names it.
inline void error_arithmetic_overflow_in_constant_expression() {}
inline void error_division_by_zero_in_constant_expression() {}
inline void error_negative_quantity_in_constant_expression() {}
inline void error_inexact_result_in_constant_expression() {}
inline void error_invalid_argument_in_constant_expression() {}
inline void error_malformed_number_in_constant_expression() {}
inline void error_missing_quantity_in_constant_expression() {}
inline void error_quota_claim_outside_every_period_in_constant_expression() {}
inline void error_quota_period_closed_in_constant_expression() {}
inline void error_unknown_quota_entry_in_constant_expression() {}
inline void error_return_exceeds_allocation_in_constant_expression() {}
inline void error_legal_wording_is_not_a_duty_in_constant_expression() {}
inline void error_currency_mismatch_in_constant_expression() {}
inline void error_missing_named_value_base_in_constant_expression() {}
inline void error_missing_exchange_rate_in_constant_expression() {}
inline void error_no_season_covers_the_date_in_constant_expression() {}
inline void error_overlapping_seasons_in_constant_expression() {}
inline void error_unresolved_additional_code_placeholder_in_constant_expression() {}

[[noreturn]] inline void throw_error(errc e, const char* what = nullptr) {
    if (what == nullptr || *what == '\0')
        what = to_string(e);
#if defined(__cpp_exceptions)
    if (e == errc::overflow)
        throw overflow_error(what);
    throw domain_error(e, what);
#else
        // Exceptions are off: say what went wrong, then stop. A program that wants
        // to log elsewhere, or to exit differently, defines TARIFF_ERROR_HANDLER(code,
        // message) before including tariff; std::abort() follows if it returns.
#if defined(TARIFF_ERROR_HANDLER)
    TARIFF_ERROR_HANDLER(e, what);
#else
    std::fputs("tariff: error: ", stderr);
    std::fputs(what, stderr);
    std::fputs(" (built without exceptions: aborting; define TARIFF_ERROR_HANDLER to handle it)\n",
               stderr);
#endif
    std::abort();
#endif
}

constexpr void raise(errc e) {
    if (std::is_constant_evaluated()) {
        switch (e) {
        case errc::ok:
            return;
        case errc::overflow:
            error_arithmetic_overflow_in_constant_expression();
            break;
        case errc::division_by_zero:
            error_division_by_zero_in_constant_expression();
            break;
        case errc::negative_quantity:
            error_negative_quantity_in_constant_expression();
            break;
        case errc::inexact:
            error_inexact_result_in_constant_expression();
            break;
        case errc::invalid_argument:
            error_invalid_argument_in_constant_expression();
            break;
        case errc::invalid_text:
            error_malformed_number_in_constant_expression();
            break;
        case errc::missing_quantity:
            error_missing_quantity_in_constant_expression();
            break;
        case errc::outside_period:
            error_quota_claim_outside_every_period_in_constant_expression();
            break;
        case errc::period_closed:
            error_quota_period_closed_in_constant_expression();
            break;
        case errc::unknown_entry:
            error_unknown_quota_entry_in_constant_expression();
            break;
        case errc::return_exceeds_allocation:
            error_return_exceeds_allocation_in_constant_expression();
            break;
        case errc::legal_wording:
            error_legal_wording_is_not_a_duty_in_constant_expression();
            break;
        case errc::currency_mismatch:
            error_currency_mismatch_in_constant_expression();
            break;
        case errc::missing_exchange_rate:
            error_missing_exchange_rate_in_constant_expression();
            break;
        case errc::no_season:
            error_no_season_covers_the_date_in_constant_expression();
            break;
        case errc::overlapping_seasons:
            error_overlapping_seasons_in_constant_expression();
            break;
        case errc::unresolved_placeholder:
            error_unresolved_additional_code_placeholder_in_constant_expression();
            break;
        case errc::missing_value_base:
            error_missing_named_value_base_in_constant_expression();
            break;
        }
    }
    if (e != errc::ok)
        throw_error(e);
}

} // namespace detail

// What went wrong in text, and where: the error type of every try_parse
// function (try_parse_decimal, try_parse_duty, money<C>::try_parse, ...).
struct parse_error {
    errc code = errc::ok;
    std::size_t position = 0; // offset of the offending character in the text
    const char* reason = "";
};

namespace detail {
constexpr errc error_code(errc e) noexcept {
    return e;
}
constexpr errc error_code(const parse_error& e) noexcept {
    return e.code;
}
// Raising a parse error at run time throws tariff::domain_error whose what()
// is the reason (its position is in the try_ form's parse_error).
constexpr void raise(const parse_error& e) {
    if (e.code == errc::ok)
        return;
    if (std::is_constant_evaluated())
        raise(e.code);
    throw_error(e.code, e.reason);
}
template <class E>
concept error_carrier = std::same_as<E, errc> || std::same_as<E, parse_error>;
} // namespace detail

// The value of an operation that does not throw (the try_ forms), or the
// reason it has none: E is errc, or parse_error for text (which adds the
// position and the reason).
template <class T, class E = errc>
class [[nodiscard]] result {
    static_assert(detail::error_carrier<E>, "tariff: result's error is errc or parse_error");

public:
    using value_type = T;
    using error_type = E;

    constexpr result(T value) noexcept : value_(static_cast<T&&>(value)) {}
    constexpr result(E error) noexcept : error_(error) {}
    // A parse result may also carry a bare code (errc::overflow of a value
    // computed after the text was read).
    constexpr result(errc error) noexcept requires(!std::same_as<E, errc>)
        : error_{error, 0, to_string(error)} {}

    constexpr bool ok() const noexcept { return detail::error_code(error_) == errc::ok; }
    constexpr explicit operator bool() const noexcept { return ok(); }
    constexpr const E& error() const noexcept { return error_; }
    // The error's code, whatever E is.
    constexpr errc code() const noexcept { return detail::error_code(error_); }
    // The value; raises the error (see the top of this header) if there is none.
    // On a temporary the value is moved out and returned by value, so that
    // `const auto& v = f().value();` never refers to a destroyed result.
    constexpr const T& value() const& {
        detail::raise(error_);
        return value_;
    }
    constexpr T value() && {
        detail::raise(error_);
        return static_cast<T&&>(value_);
    }
    constexpr T value_or(T fallback) const noexcept { return ok() ? value_ : fallback; }
    // *r and r->member: the value, checked as value() is (they raise the error
    // if there is none; never undefined behaviour).
    constexpr const T& operator*() const& { return value(); }
    constexpr T operator*() && { return static_cast<result&&>(*this).value(); }
    constexpr const T* operator->() const { return &value(); }
    // transform(f): result<f(value), E> with the same error, f not called on an
    // error. and_then(f): f returns a result of its own (with the same E); the
    // first error wins.
    //     try_add(a, b).and_then([&](money<CAD> s) { return try_add(s, c); });
    template <class F>
    constexpr auto
    transform(F&& f) const& -> result<std::remove_cvref_t<std::invoke_result_t<F, const T&>>, E> {
        if (!ok())
            return error_;
        return static_cast<F&&>(f)(value_);
    }
    template <class F>
    constexpr auto
    and_then(F&& f) const& -> std::remove_cvref_t<std::invoke_result_t<F, const T&>> {
        if (!ok())
            return error_;
        return static_cast<F&&>(f)(value_);
    }

private:
    T value_{};
    E error_{};
};

// The result of a try_parse function.
template <class T>
using parse_result = result<T, parse_error>;

} // namespace tariff
