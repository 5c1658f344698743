// tariff/date.hpp: a calendar date (proleptic Gregorian), for validity
// periods and quota periods. constexpr, no time zone, no time of day.
//
// Range: 0001-01-01 to 9999-12-31, that is days_since_epoch() from
// min_days = -719,162 to max_days = 2,932,896. Every function either stays in
// that range or raises (errc::invalid_argument for a day that does not exist
// in a valid year and month, errc::overflow for a result outside the range);
// each raising function has a try_ form that returns the error instead.
#pragma once

#include <compare>
#include <cstdint>
#include <string_view>

#include "decimal.hpp"
#include "error.hpp"

namespace tariff {

class date {
public:
    // 1970-01-01.
    constexpr date() noexcept = default;

    // Days since 1970-01-01 of 0001-01-01 and of 9999-12-31.
    static constexpr std::int64_t min_days = -719'162;
    static constexpr std::int64_t max_days = 2'932'896;

    // errc::invalid_argument unless 1 <= year <= 9999, 1 <= month <= 12 and
    // the day exists.
    constexpr date(int year, int month, int day) : year_(year), month_(month), day_(day) {
        if (!valid(year, month, day))
            detail::raise(errc::invalid_argument);
    }
    // The non-throwing form.
    // date(2026.0, 1, 15), date('2', 1, 15), date(2026, true, 1): named, never
    // callable (see detail/mistake.hpp); the same for every integer parameter below.
    template <class Y, class M, class D>
    requires(detail::not_an_integer<Y> || detail::not_an_integer<M> || detail::not_an_integer<D>)
        date(Y, M, D, mistake::a_date_is_three_whole_numbers__write_date_2026_1_15 = {})
    TARIFF_DETAIL_REJECT("tariff: a date is three whole numbers, date(year, month, day) such as "
                         "date(2026, 1, 15); not binary floating point, a character or a bool");
    template <class Y, class M, class D>
    requires(detail::not_an_integer<Y> || detail::not_an_integer<M> ||
             detail::not_an_integer<
                 D>) static mistake::a_date_is_three_whole_numbers__write_date_2026_1_15
        try_make(Y, M, D) TARIFF_DETAIL_REJECT(
            "tariff: a date is three whole numbers, date(year, month, day) such as "
            "date(2026, 1, 15); not binary floating point, a character or a bool");
    template <class Y, class M, class D>
    requires(detail::not_an_integer<Y> || detail::not_an_integer<M> ||
             detail::not_an_integer<
                 D>) static mistake::a_date_is_three_whole_numbers__write_date_2026_1_15
        valid(Y, M, D) TARIFF_DETAIL_REJECT(
            "tariff: a date is three whole numbers, date(year, month, day) such as "
            "date(2026, 1, 15); not binary floating point, a character or a bool");
    template <class Y, class M>
    requires(detail::not_an_integer<Y> ||
             detail::not_an_integer<
                 M>) static mistake::a_date_is_three_whole_numbers__write_date_2026_1_15
        days_in_month(Y, M)
            TARIFF_DETAIL_REJECT("tariff: days_in_month(year, month) takes two whole numbers, not "
                                 "binary floating point, a character or a bool");
    static constexpr result<date> try_make(int year, int month, int day) noexcept {
        if (!valid(year, month, day))
            return errc::invalid_argument;
        date d;
        d.year_ = year;
        d.month_ = month;
        d.day_ = day;
        return d;
    }

    static constexpr bool valid(int year, int month, int day) noexcept {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
               day <= days_in_month(year, month);
    }
    // For any year (leap years by the Gregorian rule); errc::invalid_argument
    // unless 1 <= month <= 12.
    static constexpr int days_in_month(int year, int month) {
        if (month < 1 || month > 12)
            detail::raise(errc::invalid_argument);
        constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : days[month - 1];
    }

    // "2026-03-01" (ISO 8601, exactly this form).
    // try_parse never throws; parse raises the error (tariff::domain_error,
    // errc::invalid_text, whose what() is the reason).
    static constexpr date parse(std::string_view text) { return try_parse(text).value(); }
    static constexpr parse_result<date> try_parse(std::string_view text) noexcept {
        auto fail = [](std::size_t pos, const char* why) {
            return parse_result<date>(parse_error{errc::invalid_text, pos, why});
        };
        if (text.size() != 10)
            return fail(0, "a date is written YYYY-MM-DD");
        int parts[3] = {0, 0, 0};
        const std::size_t start[3] = {0, 5, 8}, length[3] = {4, 2, 2};
        for (int p = 0; p < 3; ++p)
            for (std::size_t i = start[p]; i < start[p] + length[p]; ++i) {
                if (text[i] < '0' || text[i] > '9')
                    return fail(i, "a date is written YYYY-MM-DD");
                parts[p] = parts[p] * 10 + (text[i] - '0');
            }
        if (text[4] != '-')
            return fail(4, "a date is written YYYY-MM-DD");
        if (text[7] != '-')
            return fail(7, "a date is written YYYY-MM-DD");
        if (parts[0] < 1)
            return fail(0, "no such year (years run from 0001 to 9999)");
        if (parts[1] < 1 || parts[1] > 12)
            return fail(5, "no such month");
        if (!valid(parts[0], parts[1], parts[2]))
            return fail(8, "no such day in that month");
        return try_make(parts[0], parts[1], parts[2]).value_or(date{});
    }

    constexpr int year() const noexcept { return year_; }
    constexpr int month() const noexcept { return month_; }
    constexpr int day() const noexcept { return day_; }

    // Days since 1970-01-01 (negative before), by the civil-from-days
    // algorithm: eras of 400 years, years starting in March. Always in
    // [min_days, max_days].
    constexpr std::int64_t days_since_epoch() const noexcept {
        const int y = year_ - (month_ <= 2 ? 1 : 0);
        const int era = y / 400;
        const int yoe = y - era * 400;
        const int mp = (month_ + 9) % 12;
        const int doy = (153 * mp + 2) / 5 + day_ - 1;
        const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
    }
    // The date z days after 1970-01-01; errc::overflow unless
    // min_days <= z <= max_days.
    template <detail::not_an_integer T>
    static mistake::
        a_number_of_days_is_a_whole_number__not_binary_floating_point_a_character_or_bool
            from_days_since_epoch(T)
                TARIFF_DETAIL_REJECT("tariff: a number of days is a whole number, not binary "
                                     "floating point, a character or a bool; write 30");
    template <detail::not_an_integer T>
    static mistake::
        a_number_of_days_is_a_whole_number__not_binary_floating_point_a_character_or_bool
            try_from_days_since_epoch(T)
                TARIFF_DETAIL_REJECT("tariff: a number of days is a whole number, not binary "
                                     "floating point, a character or a bool; write 30");
    static constexpr date from_days_since_epoch(std::int64_t z) {
        return try_from_days_since_epoch(z).value();
    }
    static constexpr result<date> try_from_days_since_epoch(std::int64_t z) noexcept {
        if (z < min_days || z > max_days)
            return errc::overflow;
        z += 719468; // from here on every figure is small: 0 < z < 3.7 million
        const std::int64_t era = z / 146097;
        const std::int64_t doe = z - era * 146097;
        const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const std::int64_t mp = (5 * doy + 2) / 153;
        const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
        const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
        const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
        return try_make(y, m, d);
    }
    // The date n days later (earlier for negative n); errc::overflow if that
    // is outside 0001-01-01 to 9999-12-31 (any n, even INT64_MAX, is safe).
    template <detail::not_an_integer T>
    mistake::a_number_of_days_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        plus_days(T) const
        TARIFF_DETAIL_REJECT("tariff: a number of days is a whole number, not binary floating "
                             "point, a character or a bool; write 30");
    template <detail::not_an_integer T>
    mistake::a_number_of_days_is_a_whole_number__not_binary_floating_point_a_character_or_bool
        try_plus_days(T) const
        TARIFF_DETAIL_REJECT("tariff: a number of days is a whole number, not binary floating "
                             "point, a character or a bool; write 30");
    constexpr date plus_days(std::int64_t n) const { return try_plus_days(n).value(); }
    constexpr result<date> try_plus_days(std::int64_t n) const noexcept {
        // days_since_epoch() is within +-3 million, so only an n beyond the
        // whole range needs a check before adding.
        if (n < min_days - max_days || n > max_days - min_days)
            return errc::overflow;
        return try_from_days_since_epoch(days_since_epoch() + n);
    }

    friend constexpr bool operator==(const date&, const date&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(const date& a, const date& b) noexcept {
        if (a.year_ != b.year_)
            return a.year_ <=> b.year_;
        if (a.month_ != b.month_)
            return a.month_ <=> b.month_;
        return a.day_ <=> b.day_;
    }

private:
    int year_ = 1970;
    int month_ = 1;
    int day_ = 1;
};

} // namespace tariff
