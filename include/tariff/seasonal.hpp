// tariff/seasonal.hpp: a duty whose rate depends on the date of entry.
//
// The EU's Common Customs Tariff and the UK Global Tariff print some lines
// (fresh fruit and vegetables, cut flowers) with one rate per season in one
// cell:
//
//   8.50% (01 JAN-31 MAY, 1 NOV-31 DEC), 12.00% (01 JUN-31 OCT)
//   14.00% (01 JUL - 31 JAN), 0.00% (01 FEB - 30 JUN)
//
// A seasonal_duty<C> holds up to `capacity` seasons, each a range of days of
// the year (first and last day included; a range whose first day comes after
// its last wraps the year end: 01 JUL - 31 JAN), and for each the duty
// expression that applies. at(date) chooses by the entry's date;
// errc::no_season for a date no season covers (the cell's seasons need not
// cover the year: "9.60% (01 JAN-15 MAY), 13.40% (16 MAY-30 JUNE)"). Two
// seasons that share a day are rejected where the duty is built or parsed
// (errc::overlapping_seasons). A plain duty is one season covering the year.
//
// Days are months and days without a year: 29 FEB is a day of the year, in
// a leap year only. The canonical text (to_chars, to_string) is in
// schedule_io.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <type_traits>

#include "date.hpp"
#include "expression.hpp"
#include "parse.hpp"

namespace tariff {

// A day of the year: a month (1 to 12) and a day of it (29 FEB included).
class month_day {
public:
    constexpr month_day() noexcept = default; // 1 January
    // errc::invalid_argument unless the day exists in the month of a leap year.
    constexpr month_day(int month, int day) : month_(1), day_(1) {
        if (!valid(month, day))
            detail::raise(errc::invalid_argument);
        month_ = static_cast<std::uint8_t>(month);
        day_ = static_cast<std::uint8_t>(day);
    }
    static constexpr result<month_day> try_make(int month, int day) noexcept {
        if (!valid(month, day))
            return errc::invalid_argument;
        month_day out;
        out.month_ = static_cast<std::uint8_t>(month);
        out.day_ = static_cast<std::uint8_t>(day);
        return out;
    }
    static constexpr bool valid(int month, int day) noexcept {
        return month >= 1 && month <= 12 && day >= 1 && day <= date::days_in_month(2000, month);
    }
    // The day of the year of a date.
    static constexpr month_day of(const date& d) noexcept {
        month_day out;
        out.month_ = static_cast<std::uint8_t>(d.month());
        out.day_ = static_cast<std::uint8_t>(d.day());
        return out;
    }

    constexpr int month() const noexcept { return month_; }
    constexpr int day() const noexcept { return day_; }
    // 1 JAN is 0, 31 DEC is 365 (29 FEB is 59, in every year).
    constexpr int ordinal() const noexcept {
        int n = 0;
        for (int m = 1; m < month_; ++m)
            n += date::days_in_month(2000, m);
        return n + day_ - 1;
    }
    friend constexpr bool operator==(month_day a, month_day b) noexcept {
        return a.month_ == b.month_ && a.day_ == b.day_;
    }

private:
    std::uint8_t month_ = 1;
    std::uint8_t day_ = 1;
};

// A season: the days from `first` to `last`, both included. If `first` comes
// after `last` in the calendar the season wraps the year end (01 NOV - 30 APR).
struct season {
    month_day first{};
    month_day last{12, 31};

    // The whole year.
    static constexpr season whole_year() noexcept { return {}; }

    constexpr bool contains(month_day d) const noexcept {
        const int a = first.ordinal(), b = last.ordinal(), x = d.ordinal();
        return a <= b ? (a <= x && x <= b) : (x >= a || x <= b);
    }
    constexpr bool contains(const date& d) const noexcept { return contains(month_day::of(d)); }
    friend constexpr bool operator==(const season& a, const season& b) noexcept {
        return a.first == b.first && a.last == b.last;
    }
};

namespace detail {
// Whether two of the seasons share a day (all 366 days of a leap year tried).
template <std::size_t N>
constexpr bool seasons_overlap(const std::array<season, N>& seasons, std::size_t count) noexcept {
    for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= date::days_in_month(2000, m); ++d) {
            const month_day day = month_day::try_make(m, d).value_or({});
            int covering = 0;
            for (std::size_t i = 0; i < count; ++i)
                if (seasons[i].contains(day) && ++covering > 1)
                    return true;
        }
    return false;
}
} // namespace detail

// A duty with one expression per season. Capacity: the most seasons (date
// ranges) it holds; the EU's and the UK's cells have at most four.
template <currency_tag C, std::size_t Capacity = 6>
class seasonal_duty {
    static_assert(Capacity >= 1 && Capacity <= 255,
                  "tariff: a seasonal duty holds 1 to 255 seasons");

public:
    using currency = C;
    using expression = duty_expression<C>;
    static constexpr std::size_t capacity = Capacity;

    // No season: every date is errc::no_season. Add seasons with with().
    constexpr seasonal_duty() noexcept = default;

    // One duty the whole year (a cell with no dates).
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr seasonal_duty(const E& whole_year) : seasonal_duty() {
        *this = with(whole_year, {season::whole_year()});
    }

    // The same duty with `duty` applying in `seasons` (one alternative of the
    // cell: "8.50% (01 JAN-31 MAY, 1 NOV-31 DEC)"). errc::overlapping_seasons
    // if a day is in two seasons, errc::invalid_argument if the seasons would
    // exceed `capacity` or `seasons` is empty.
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr seasonal_duty with(const E& duty, std::initializer_list<season> seasons) const {
        return try_with(duty, seasons).value();
    }
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr result<seasonal_duty> try_with(const E& duty,
                                             std::initializer_list<season> seasons) const noexcept {
        return try_with(duty, std::span<const season>(seasons.begin(), seasons.size()));
    }
    // The same with the seasons in a span (a parser's, a table's).
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr seasonal_duty with(const E& duty, std::span<const season> seasons) const {
        return try_with(duty, seasons).value();
    }
    template <class E>
    requires std::is_constructible_v<expression, const E&>
    constexpr result<seasonal_duty> try_with(const E& duty,
                                             std::span<const season> seasons) const noexcept {
        seasonal_duty out = *this;
        if (seasons.size() == 0 || duty_count_ == Capacity ||
            season_count_ + seasons.size() > Capacity)
            return errc::invalid_argument;
        out.duties_[out.duty_count_] = expression(duty);
        for (const season& s : seasons) {
            out.seasons_[out.season_count_] = s;
            out.duty_of_[out.season_count_] = out.duty_count_;
            ++out.season_count_;
        }
        ++out.duty_count_;
        if (detail::seasons_overlap(out.seasons_, out.season_count_))
            return errc::overlapping_seasons;
        return out;
    }

    // The duty on an entry of date d; errc::no_season if no season covers it.
    constexpr const expression& at(const date& d) const {
        const std::size_t i = find(month_day::of(d));
        if (i == season_count_)
            detail::raise(errc::no_season);
        return duties_[duty_of_[i]];
    }
    constexpr result<expression> try_at(const date& d) const noexcept {
        const std::size_t i = find(month_day::of(d));
        if (i == season_count_)
            return errc::no_season;
        return duties_[duty_of_[i]];
    }

    // The seasons, in the order added, and for each the index of its duty.
    constexpr std::size_t season_count() const noexcept { return season_count_; }
    constexpr const season& season_at(std::size_t i) const noexcept { return seasons_[i]; }
    constexpr std::size_t duty_index_of(std::size_t season_index) const noexcept {
        return duty_of_[season_index];
    }
    // The distinct duties (one per alternative of the cell), in order.
    constexpr std::size_t duty_count() const noexcept { return duty_count_; }
    constexpr const expression& duty_at(std::size_t i) const noexcept { return duties_[i]; }
    // Whether every day of the year (29 FEB included) is in a season.
    constexpr bool covers_the_year() const noexcept {
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= date::days_in_month(2000, m); ++d)
                if (find(month_day::try_make(m, d).value_or({})) == season_count_)
                    return false;
        return true;
    }

    // Equal: the same duties with the same seasons, in the same order.
    friend constexpr bool operator==(const seasonal_duty& a, const seasonal_duty& b) noexcept {
        if (a.season_count_ != b.season_count_ || a.duty_count_ != b.duty_count_)
            return false;
        for (std::size_t i = 0; i < a.season_count_; ++i)
            if (!(a.seasons_[i] == b.seasons_[i]) || a.duty_of_[i] != b.duty_of_[i])
                return false;
        for (std::size_t i = 0; i < a.duty_count_; ++i)
            if (!(a.duties_[i] == b.duties_[i]))
                return false;
        return true;
    }

private:
    constexpr std::size_t find(month_day d) const noexcept {
        std::size_t i = 0;
        while (i < season_count_ && !seasons_[i].contains(d))
            ++i;
        return i;
    }

    std::array<expression, Capacity> duties_{};
    std::array<season, Capacity> seasons_{};
    std::array<std::uint8_t, Capacity> duty_of_{};
    std::uint8_t season_count_ = 0;
    std::uint8_t duty_count_ = 0;
};

namespace detail {

inline constexpr std::string_view month_names[12] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// The seasons of a cell: "(01 JAN-31 MAY, 1 NOV-31 DEC)". Reads from pos (at
// the '('), leaves pos after the ')'.
class season_list_parser {
public:
    constexpr explicit season_list_parser(std::string_view s, std::size_t pos) noexcept
        : s_(s), pos_(pos) {}

    template <std::size_t N>
    constexpr parse_result<std::size_t> run(std::array<season, N>& out) noexcept {
        ++pos_; // '('
        std::size_t n = 0;
        while (true) {
            space();
            if (n == N)
                return fail("too many seasons for one seasonal duty");
            season s;
            if (auto e = one(s); e.code != errc::ok)
                return e;
            out[n++] = s;
            space();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == ')') {
                ++pos_;
                return n;
            }
            return fail("expected ',' or ')' after a season");
        }
    }
    constexpr std::size_t position() const noexcept { return pos_; }

private:
    constexpr parse_error fail(const char* reason, errc code = errc::invalid_text) const noexcept {
        return parse_error{code, pos_, reason};
    }
    constexpr void space() noexcept {
        while (is_space_at(s_, pos_))
            ++pos_;
    }
    constexpr bool day(int& d) noexcept {
        const std::size_t start = pos_;
        d = 0;
        while (pos_ < s_.size() && is_digit(s_[pos_]) && pos_ - start < 2)
            d = d * 10 + (s_[pos_++] - '0');
        return pos_ != start && !(pos_ < s_.size() && is_digit(s_[pos_]));
    }
    // JAN .. DEC or the month's name in full ("JUNE"), in any case; SEPT too.
    constexpr bool month(int& m) noexcept {
        constexpr std::string_view full[12] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
        const std::size_t start = pos_;
        while (pos_ < s_.size() && is_letter(s_[pos_]))
            ++pos_;
        const std::string_view word = s_.substr(start, pos_ - start);
        auto same = [&](std::string_view name) {
            if (name.size() != word.size())
                return false;
            for (std::size_t i = 0; i < name.size(); ++i)
                if (lower(word[i]) != lower(name[i]))
                    return false;
            return true;
        };
        for (int i = 0; i < 12; ++i)
            if (same(month_names[i]) || same(full[i])) {
                m = i + 1;
                return true;
            }
        if (same("sept")) {
            m = 9;
            return true;
        }
        pos_ = start;
        return false;
    }
    constexpr parse_error made(int m, int d, std::size_t at, month_day& out) noexcept {
        const auto r = month_day::try_make(m, d);
        if (!r) {
            pos_ = at;
            return fail("no such day in that month (31 APR)");
        }
        out = r.value_or({});
        return {};
    }
    // "01 JAN-31 MAY", "01 JUL - 31 JAN", "01-31 DEC".
    constexpr parse_error one(season& out) noexcept {
        const std::size_t first_at = pos_;
        int d1 = 0, d2 = 0, m1 = 0, m2 = 0;
        if (!day(d1))
            return fail("expected a season: a day and a month, then '-' and a day and a month "
                        "(01 JAN-31 MAY)");
        space();
        const bool shared_month = pos_ < s_.size() && s_[pos_] == '-';
        if (!shared_month) {
            if (!month(m1))
                return fail("expected a month (JAN to DEC)");
            space();
            if (pos_ >= s_.size() || s_[pos_] != '-')
                return fail("expected '-' between the first and the last day of a season");
        }
        ++pos_; // '-'
        space();
        const std::size_t last_at = pos_;
        if (!day(d2))
            return fail("expected the last day of the season");
        space();
        if (!month(m2))
            return fail("expected a month (JAN to DEC)");
        if (shared_month)
            m1 = m2;
        if (auto e = made(m1, d1, first_at, out.first); e.code != errc::ok)
            return e;
        return made(m2, d2, last_at, out.last);
    }

    std::string_view s_;
    std::size_t pos_;
};

template <class C, std::size_t N>
constexpr parse_result<seasonal_duty<C, N>> parse_seasonal(std::string_view text) noexcept {
    using S = seasonal_duty<C, N>;
    S out;
    std::size_t pos = 0;
    bool seasonal = false;
    while (true) {
        duty_parser<C> p(text.substr(pos));
        std::size_t end = 0;
        auto r = p.run_prefix(end);
        if (!r) {
            parse_error e = r.error();
            e.position += pos;
            return e;
        }
        pos += end;
        while (is_space_at(text, pos))
            ++pos;
        if (pos == text.size() && !seasonal) // a plain duty: the whole year
            return S(r.value_or({}));
        if (pos == text.size() || text[pos] != '(')
            return parse_error{errc::invalid_text, pos,
                               seasonal ? "expected the dates of this duty in parentheses: each "
                                          "duty of a seasonal cell has its seasons"
                                        : "unexpected text after a complete duty"};
        const std::size_t open = pos;
        std::array<season, N> seasons{};
        season_list_parser sp(text, pos);
        const auto n = sp.run(seasons);
        if (!n)
            return n.error();
        pos = sp.position();
        const auto added =
            out.try_with(r.value_or({}), std::span<const season>(seasons.data(), n.value_or(0)));
        if (!added)
            return parse_error{added.error(), open,
                               added.error() == errc::overlapping_seasons
                                   ? "two seasons cover the same day"
                                   : "too many seasons for one seasonal duty"};
        out = added.value_or({});
        seasonal = true;
        while (is_space_at(text, pos))
            ++pos;
        if (pos == text.size())
            return out;
        if (text[pos] != ',')
            return parse_error{errc::invalid_text, pos,
                               "expected ',' and the next duty after a season's dates"};
        ++pos;
    }
}

} // namespace detail

// Reads a cell of seasonal rates ("8.50% (01 JAN-31 MAY, 1 NOV-31 DEC),
// 12.00% (01 JUN-31 OCT)"), or a plain duty (one season, the whole year).
// Days: 1 or 2 digits; months: JAN .. DEC or in full (JUNE), any case; "01-31
// DEC" shares the month. Errors: the duty parser's (positions in the whole
// text), errc::invalid_text for malformed dates or a day a month lacks
// (31 APR), errc::overlapping_seasons where two seasons share a day.
template <currency_tag C, std::size_t Capacity = 6>
constexpr parse_result<seasonal_duty<C, Capacity>>
try_parse_seasonal_duty(std::string_view text) noexcept {
    return detail::parse_seasonal<C, Capacity>(text);
}
// The same, raising the error (tariff::domain_error, whose what() is the reason).
template <currency_tag C, std::size_t Capacity = 6>
constexpr seasonal_duty<C, Capacity> parse_seasonal_duty(std::string_view text) {
    return try_parse_seasonal_duty<C, Capacity>(text).value();
}

} // namespace tariff
