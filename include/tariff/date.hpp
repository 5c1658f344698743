// tariff/date.hpp: a calendar date (proleptic Gregorian), for validity
// periods and quota periods. constexpr, no time zone, no time of day.
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

    // errc::invalid_argument unless 1 <= month <= 12 and the day exists.
    constexpr date(int year, int month, int day) : year_(year), month_(month), day_(day) {
        if (!valid(year, month, day)) detail::raise(errc::invalid_argument);
    }

    static constexpr bool valid(int year, int month, int day) noexcept {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
               day <= days_in_month(year, month);
    }
    static constexpr int days_in_month(int year, int month) noexcept {
        constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : days[month - 1];
    }

    // "2026-03-01" (ISO 8601, exactly this form).
    static constexpr parse_result<date> parse(std::string_view text) noexcept {
        auto fail = [](std::size_t pos, const char* why) {
            return parse_result<date>{date{}, parse_error{errc::invalid_text, pos, why}};
        };
        if (text.size() != 10) return fail(0, "a date is written YYYY-MM-DD");
        int parts[3] = {0, 0, 0};
        const std::size_t start[3] = {0, 5, 8}, length[3] = {4, 2, 2};
        for (int p = 0; p < 3; ++p)
            for (std::size_t i = start[p]; i < start[p] + length[p]; ++i) {
                if (text[i] < '0' || text[i] > '9') return fail(i, "a date is written YYYY-MM-DD");
                parts[p] = parts[p] * 10 + (text[i] - '0');
            }
        if (text[4] != '-') return fail(4, "a date is written YYYY-MM-DD");
        if (text[7] != '-') return fail(7, "a date is written YYYY-MM-DD");
        if (parts[1] < 1 || parts[1] > 12) return fail(5, "no such month");
        if (!valid(parts[0], parts[1], parts[2])) return fail(8, "no such day in that month");
        return {date(parts[0], parts[1], parts[2]), {}};
    }

    constexpr int year() const noexcept { return year_; }
    constexpr int month() const noexcept { return month_; }
    constexpr int day() const noexcept { return day_; }

    // Days since 1970-01-01 (negative before), by the civil-from-days
    // algorithm: eras of 400 years, years starting in March.
    constexpr std::int64_t days_since_epoch() const noexcept {
        const int y = year_ - (month_ <= 2 ? 1 : 0);
        const int era = y / 400;
        const int yoe = y - era * 400;
        const int mp = (month_ + 9) % 12;
        const int doy = (153 * mp + 2) / 5 + day_ - 1;
        const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
    }
    static constexpr date from_days_since_epoch(std::int64_t z) {
        z += 719468;
        const std::int64_t era = z / 146097;
        const std::int64_t doe = z - era * 146097;
        const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const std::int64_t mp = (5 * doy + 2) / 153;
        const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
        const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
        const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
        return date(y, m, d);
    }
    constexpr date plus_days(std::int64_t n) const {
        return from_days_since_epoch(days_since_epoch() + n);
    }

    friend constexpr bool operator==(const date&, const date&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(const date& a, const date& b) noexcept {
        if (a.year_ != b.year_) return a.year_ <=> b.year_;
        if (a.month_ != b.month_) return a.month_ <=> b.month_;
        return a.day_ <=> b.day_;
    }

private:
    int year_ = 1970;
    int month_ = 1;
    int day_ = 1;
};

}  // namespace tariff
