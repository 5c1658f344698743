// tariff/detail/mistake.hpp: overloads that exist only to name a mistake.
//
// A misuse the library can recognise (adding dollars to euros, money from a
// double, a character where a count belongs) is declared as an overload
// ending in TARIFF_DETAIL_REJECT("tariff: what is wrong; what to write instead").
// Overload resolution picks it, and picking it is an error:
//   - GCC: the overload is deleted. Its return type (or, for a constructor,
//     the type of a defaulted last parameter) is a type in tariff::mistake
//     whose name says what is wrong, so the first error line reads
//     "use of deleted function 'tariff::mistake::amounts_in_different_...'";
//     the "declared here" note shows the message on the declaration's line.
//   - Clang: the overload is marked unavailable(message), so the first error
//     line reads "'operator+' is unavailable: tariff: amounts in ...".
// Either way the overload is never callable, so type traits and concepts
// answer false (std::is_convertible_v<money<USD>, money<CAD>> is false),
// unlike a template whose body holds a static_assert.
#pragma once

#include <concepts>
#include <type_traits>

#include "integer.hpp"

#if defined(__clang__)
#define TARIFF_DETAIL_REJECT(message) __attribute__((unavailable(message)))
#else
#define TARIFF_DETAIL_REJECT(message) = delete
#endif

namespace tariff {

template <detail::representation Rep>
class basic_decimal;

// The mistakes, as types: their names appear in GCC's error messages.
// Those shared by several headers are here; the others next to their use.
namespace mistake {
struct decimal_places_are_a_whole_number__write_2_not_2_0_or_a_character {};
struct an_index_is_a_whole_number__not_binary_floating_point_a_character_or_bool {};
struct a_number_of_days_is_a_whole_number__not_binary_floating_point_a_character_or_bool {};
struct a_date_is_three_whole_numbers__write_date_2026_1_15 {};
struct a_number_of_years_is_a_whole_number__not_binary_floating_point_a_character_or_bool {};
} // namespace mistake

namespace detail {

// A character type: '5' is the number 53, never what was meant.
template <class T>
concept character_type = std::same_as < std::remove_cv_t<T>,
char > || std::same_as<std::remove_cv_t<T>, wchar_t> ||
    std::same_as<std::remove_cv_t<T>, char8_t> || std::same_as<std::remove_cv_t<T>, char16_t> ||
    std::same_as<std::remove_cv_t<T>, char32_t>;

// An integer the library takes where it takes a count or a coefficient:
// std::integral without bool and the character types (signed char and
// unsigned char stay: they are std::int8_t and std::uint8_t).
template <class T>
concept exact_integer =
    std::integral<T> && !std::same_as<std::remove_cv_t<T>, bool> && !character_type<T>;

// An integer wider than 64 bits: a narrowing conversion to a 64-bit parameter
// (std::integral<__int128> is false in strict -std=c++20, hence the names).
template <class T>
concept wide_integer = (std::integral<T> || std::same_as<std::remove_cv_t<T>, int128_t> ||
                        std::same_as<std::remove_cv_t<T>, uint128_t>)&&(sizeof(T) > 8);

// What must not enter through an integer parameter: binary floating point
// (2.5 would be cut to 2), characters and bool.
template <class T>
concept not_an_integer =
    std::floating_point<T> || character_type<T> || std::same_as < std::remove_cv_t<T>,
bool > ;

template <class T>
inline constexpr bool is_basic_decimal = false;
template <class R>
inline constexpr bool is_basic_decimal<basic_decimal<R>> = true;

// A number that is neither money nor a quantity: where one of those belongs,
// 1, 1.5, 1.5_dec, '1' and true are all mistakes.
template <class T>
concept bare_number = std::is_arithmetic_v<T> || is_basic_decimal<T>;

} // namespace detail
} // namespace tariff
