// tariff/format.hpp: std::format support (opt-in), where the standard library
// has <format> (__cpp_lib_format). The text is io.hpp's to_string: the same
// in every locale ("CAD 42,440.00"), with width, fill, alignment and sign
// ("{:>16}", "{:*^20}", "{:+}"; see detail/format_spec.hpp). Where <format> is missing (GCC 12 and
// Clang 14 with libstdc++ 12 among them) this header provides nothing; use
// io.hpp, or fmt.hpp with the {fmt} library.
#pragma once

#include "detail/format_spec.hpp"
#include "io.hpp"

#if defined(__has_include)
#if __has_include(<version>)
#include <version>
#endif
#endif

#if defined(__cpp_lib_format)
#include <format>

namespace tariff::detail {
// Numbers take a sign; text (expressions, dates, HS codes, assessments) does not.
using std_number_formatter = spec_formatter<std::format_error, true>;
using std_text_formatter = spec_formatter<std::format_error, false>;
} // namespace tariff::detail

template <class R>
struct std::formatter<tariff::basic_decimal<R>> : tariff::detail::std_number_formatter {};
template <class C, class R>
struct std::formatter<tariff::basic_money<C, R>> : tariff::detail::std_number_formatter {};
template <class U, class R>
struct std::formatter<tariff::basic_quantity<U, R>> : tariff::detail::std_number_formatter {};
template <>
struct std::formatter<tariff::ad_valorem> : tariff::detail::std_number_formatter {};
template <class C, class U, class R>
struct std::formatter<tariff::specific_rate<C, U, R>> : tariff::detail::std_number_formatter {};
template <class C, unsigned N, std::size_t K>
struct std::formatter<tariff::duty_expression<C, N, K>> : tariff::detail::std_text_formatter {};
template <class C>
struct std::formatter<tariff::assessment<C>> : tariff::detail::std_text_formatter {};
template <>
struct std::formatter<tariff::hs_code> : tariff::detail::std_text_formatter {};
template <>
struct std::formatter<tariff::date> : tariff::detail::std_text_formatter {};
template <class From, class To>
struct std::formatter<tariff::exchange_rate<From, To>> : tariff::detail::std_text_formatter {};
#endif
