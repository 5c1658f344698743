// tariff/fmt.hpp: {fmt} support (opt-in; needs the fmt library, e.g. Debian's
// libfmt-dev, and linking fmt::fmt). fmt::format("{}", 42'440.00_CAD) gives
// "CAD 42,440.00": io.hpp's text, the same in every locale. Width, fill,
// alignment and sign work as for numbers: fmt::format("{:>16}", m),
// "{:*^20}", "{:+}" (see detail/format_spec.hpp for the grammar).
#pragma once

// Without the fmt headers this provides nothing (so that the library's own
// header checks pass on machines without {fmt}).
#if __has_include(<fmt/format.h>)
#include <string>

#include <fmt/format.h>

#include "detail/format_spec.hpp"
#include "io.hpp"

namespace tariff::detail {
// Numbers take a sign; text (expressions, dates, HS codes, assessments) does not.
using fmt_number_formatter = spec_formatter<fmt::format_error, true>;
using fmt_text_formatter = spec_formatter<fmt::format_error, false>;
} // namespace tariff::detail

template <class R>
struct fmt::formatter<tariff::basic_decimal<R>> : tariff::detail::fmt_number_formatter {};
template <class C, class R>
struct fmt::formatter<tariff::basic_money<C, R>> : tariff::detail::fmt_number_formatter {};
template <class U, class R>
struct fmt::formatter<tariff::basic_quantity<U, R>> : tariff::detail::fmt_number_formatter {};
template <>
struct fmt::formatter<tariff::ad_valorem> : tariff::detail::fmt_number_formatter {};
template <class C, class U, class R>
struct fmt::formatter<tariff::specific_rate<C, U, R>> : tariff::detail::fmt_number_formatter {};
template <class C, unsigned N, std::size_t K>
struct fmt::formatter<tariff::duty_expression<C, N, K>> : tariff::detail::fmt_text_formatter {};
template <class C>
struct fmt::formatter<tariff::assessment<C>> : tariff::detail::fmt_text_formatter {};
template <>
struct fmt::formatter<tariff::hs_code> : tariff::detail::fmt_text_formatter {};
template <>
struct fmt::formatter<tariff::date> : tariff::detail::fmt_text_formatter {};
template <class From, class To>
struct fmt::formatter<tariff::exchange_rate<From, To>> : tariff::detail::fmt_text_formatter {};
#endif
