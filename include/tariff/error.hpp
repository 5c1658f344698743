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
// Callers who cannot use exceptions use the functions in tariff::checked,
// which return the result instead.
#pragma once

#include "config.hpp"

#include <cstdlib>
#include <stdexcept>
#if !defined(__cpp_exceptions) && !defined(TARIFF_ERROR_HANDLER)
#include <cstdio>
#endif
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
    currency_mismatch,         // amounts in different currencies (known only at run time) meet
    missing_exchange_rate,     // no exchange rate for the pair of currencies (and date) asked
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
    case errc::currency_mismatch:
        return "the amounts are in different currencies";
    case errc::missing_exchange_rate:
        return "no exchange rate for these currencies on that date";
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
inline void error_currency_mismatch_in_constant_expression() {}
inline void error_missing_exchange_rate_in_constant_expression() {}

[[noreturn]] inline void throw_error(errc e) {
#if defined(__cpp_exceptions)
    if (e == errc::overflow)
        throw overflow_error(to_string(e));
    throw domain_error(e, to_string(e));
#else
    // Exceptions are off: say what went wrong, then stop. A program that wants
    // to log elsewhere, or to exit differently, defines TARIFF_ERROR_HANDLER(code,
    // message) before including tariff; std::abort() follows if it returns.
#if defined(TARIFF_ERROR_HANDLER)
    TARIFF_ERROR_HANDLER(e, to_string(e));
#else
    std::fputs("tariff: error: ", stderr);
    std::fputs(to_string(e), stderr);
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
        case errc::currency_mismatch:
            error_currency_mismatch_in_constant_expression();
            break;
        case errc::missing_exchange_rate:
            error_missing_exchange_rate_in_constant_expression();
            break;
        }
    }
    if (e != errc::ok)
        throw_error(e);
}

} // namespace detail

// The value of a checked operation, or the reason it has none.
template <class T>
class [[nodiscard]] result {
public:
    constexpr result(T value) noexcept : value_(value) {}
    constexpr result(errc error) noexcept : error_(error) {}

    constexpr bool ok() const noexcept { return error_ == errc::ok; }
    constexpr explicit operator bool() const noexcept { return ok(); }
    constexpr errc error() const noexcept { return error_; }

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

    // transform(f): result<f(value)> with the same error, f not called on an
    // error. and_then(f): f returns a result of its own; the first error wins.
    //     parse_duty<CAD>(text) ... ; checked::add(a, b).and_then(
    //         [&](money<CAD> s) { return checked::add(s, c); });
    template <class F>
    constexpr auto
    transform(F&& f) const& -> result<std::remove_cvref_t<std::invoke_result_t<F, const T&>>> {
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
    errc error_ = errc::ok;
};

} // namespace tariff
