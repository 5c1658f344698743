// The assessment's integer fast path (detail::try_assess_simple: every duty
// and tax one ad valorem rate, lines rounded each to a power of ten) against
// the general path, through public behaviour only:
//
// * a path that takes the fast path and the same path with a de minimis
//   relief whose limit (0) no positive value reaches, which changes no figure
//   but sends every assessment down the general path, must give the same
//   assessment, field by field and digit by digit (coefficient and scale),
//   or the same error, on random and boundary inputs in every rounding mode;
// * every line's exact amount equals try_explain / try_explain_tax of its
//   component on the line's base, and its rounded amount equals an
//   independent rounding of that exact amount computed here in 128 bits;
// * hand-computed cases (the arithmetic is in the comments).
#include <array>
#include <cstdint>
#include <random>

#include <tariff/assessment.hpp>
#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

namespace {

using tariff::CAD;
using tariff::decimal;
using tariff::duty_base;
using tariff::duty_path;
using tariff::errc;
using tariff::rounding_mode;
using tariff::rounding_policy;
using tariff::tax_component;
using cad = tariff::money<CAD>;
using namespace tariff::literals;

constexpr std::array<rounding_mode, 7> all_modes{
    rounding_mode::half_even,   rounding_mode::half_up,        rounding_mode::half_down,
    rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
    rounding_mode::ceiling};

cad money_of(std::int64_t coefficient, int scale) {
    return cad(decimal::try_from_parts(coefficient, scale).value());
}

tariff::ad_valorem rate_of(std::int64_t coefficient, int scale) {
    return tariff::ad_valorem::from_fraction(decimal::try_from_parts(coefficient, scale).value());
}

// The same figure with the same representation.
bool same(cad a, cad b) {
    return a.amount().coefficient() == b.amount().coefficient() &&
           a.amount().scale() == b.amount().scale();
}

// An independent rounding: n / 10^k (n >= 0 or not) to an integer by mode,
// in 128 bits (no library code).
tariff::int128_t round_div_pow10(tariff::int128_t n, int k, rounding_mode m) {
    tariff::int128_t d = 1;
    for (int i = 0; i < k; ++i)
        d *= 10;
    tariff::int128_t q = n / d, r = n % d; // truncated
    if (r == 0)
        return q;
    const int sign = n < 0 ? -1 : 1;
    const tariff::int128_t twice = (r < 0 ? -r : r) * 2;
    bool away = false;
    switch (m) {
    case rounding_mode::half_even:
        away = twice > d || (twice == d && q % 2 != 0);
        break;
    case rounding_mode::half_up:
        away = twice >= d;
        break;
    case rounding_mode::half_down:
        away = twice > d;
        break;
    case rounding_mode::toward_zero:
        away = false;
        break;
    case rounding_mode::away_from_zero:
        away = true;
        break;
    case rounding_mode::floor:
        away = sign < 0;
        break;
    case rounding_mode::ceiling:
        away = sign > 0;
        break;
    }
    return away ? q + sign : q;
}

// Compares two results of try_assess (the same error, or the same figures).
void check_same(const tariff::result<tariff::assessment<CAD>>& fast,
                const tariff::result<tariff::assessment<CAD>>& general) {
    REQUIRE(static_cast<bool>(fast) == static_cast<bool>(general));
    if (!fast) {
        CHECK(fast.error() == general.error());
        return;
    }
    const auto& a = *fast;
    const auto& b = *general;
    REQUIRE(a.size() == b.size());
    CHECK(same(a.value(), b.value()));
    CHECK(same(a.value_used(), b.value_used()));
    CHECK(same(a.duties(), b.duties()));
    CHECK(same(a.taxes(), b.taxes()));
    CHECK(a.de_minimis_applied() == b.de_minimis_applied());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = a[i];
        const auto y = b[i];
        CHECK(x.kind == y.kind);
        CHECK(x.component == y.component);
        CHECK(x.name == y.name);
        CHECK(same(x.base, y.base));
        CHECK(same(x.exact, y.exact));
        CHECK(same(x.rounded, y.rounded));
        CHECK(x.floor_applied == y.floor_applied);
        CHECK(x.ceiling_applied == y.ceiling_applied);
        CHECK(x.relieved == y.relieved);
        CHECK(x.exact_is_rounded == y.exact_is_rounded);
    }
}

// Each line against try_explain of its component and an independent rounding.
void check_lines(const duty_path<CAD>& path, const tariff::assessment<CAD>& a,
                 const rounding_policy<CAD>& policy) {
    const int g = policy.granularity.amount().scale();
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto l = a[i];
        const auto e = l.kind == tariff::component_kind::duty
                           ? path.try_explain(l.component, a.base())
                           : path.try_explain_tax(l.component, duty_base<CAD>(l.base));
        REQUIRE(e);
        CHECK(same(e->amount, l.exact));
        const int s = l.exact.amount().scale();
        REQUIRE(s >= g);
        const tariff::int128_t r =
            round_div_pow10(l.exact.amount().coefficient(), s - g, policy.mode);
        CHECK(l.rounded.amount().coefficient() == static_cast<std::int64_t>(r));
        CHECK(l.rounded.amount().scale() == g);
    }
}

// The EV path (Canada, a Chinese electric car): MFN 6.1 %, 100 % surtax, GST
// 5 % on value + duties.
duty_path<CAD> ev_path(tariff::ad_valorem mfn, tariff::ad_valorem surtax, tariff::ad_valorem gst) {
    return duty_path<CAD>("CN")
        .with_duty("MFN", "Customs Tariff 8703.80.00", mfn)
        .with_duty("China surtax", "SOR/2024-187 s.3", surtax)
        .with_tax(tax_component<CAD>{"GST", "Excise Tax Act s.215", gst});
}

// The same path, sent down the general path: a relief no positive value
// reaches (limit 0; relieved only at or below it) changes no figure.
duty_path<CAD> general_only(duty_path<CAD> p) {
    return std::move(p).with_de_minimis({cad{}, true, true});
}

} // namespace

TEST_CASE("fast path: the EV assessment, computed by hand") {
    const auto path = ev_path(6.1_pct, 100_pct, 5_pct);
    const auto slow = general_only(path);
    const rounding_policy<CAD> policy{rounding_mode::half_even};
    // 12,345.67 * 0.061 = 753.08587 -> 753.09; * 1 = 12,345.67;
    // GST base 12,345.67 + 753.09 + 12,345.67 = 25,444.43; * 0.05 = 1,272.2215 -> 1,272.22.
    // Duties 753.09 + 12,345.67 = 13,098.76; taxes 1,272.22.
    const auto a = tariff::try_assess(path, duty_base(money_of(1234567, 2)), policy);
    REQUIRE(a);
    REQUIRE(a->size() == 3);
    CHECK((*a)[0].exact == money_of(75308587, 5));
    CHECK((*a)[0].rounded == money_of(75309, 2));
    CHECK((*a)[1].rounded == money_of(1234567, 2));
    CHECK((*a)[2].base == money_of(2544443, 2));
    CHECK((*a)[2].exact == money_of(12722215, 4));
    CHECK((*a)[2].rounded == money_of(127222, 2));
    CHECK(a->duties() == money_of(1309876, 2));
    CHECK(a->taxes() == money_of(127222, 2));
    check_same(a, tariff::try_assess(slow, duty_base(money_of(1234567, 2)), policy));
}

TEST_CASE("fast path: ties in every mode, computed by hand") {
    const auto path = duty_path<CAD>("tie").with_duty("duty", "illustrative", 1_pct);
    const auto slow = general_only(path);
    // 0.50 * 0.01 = 0.0050: a tie between 0.00 and 0.01.
    // 1.50 * 0.01 = 0.0150: a tie between 0.01 and 0.02.
    struct expected {
        rounding_mode mode;
        std::int64_t at_050, at_150; // cents
    };
    for (const expected& x :
         {expected{rounding_mode::half_even, 0, 2}, expected{rounding_mode::half_up, 1, 2},
          expected{rounding_mode::half_down, 0, 1}, expected{rounding_mode::toward_zero, 0, 1},
          expected{rounding_mode::away_from_zero, 1, 2}, expected{rounding_mode::floor, 0, 1},
          expected{rounding_mode::ceiling, 1, 2}}) {
        const rounding_policy<CAD> policy{x.mode};
        const auto a = tariff::try_assess(path, duty_base(money_of(50, 2)), policy);
        const auto b = tariff::try_assess(path, duty_base(money_of(150, 2)), policy);
        REQUIRE(a);
        REQUIRE(b);
        CHECK((*a)[0].rounded == money_of(x.at_050, 2));
        CHECK((*b)[0].rounded == money_of(x.at_150, 2));
        CHECK(a->duties() == money_of(x.at_050, 2));
        check_same(a, tariff::try_assess(slow, duty_base(money_of(50, 2)), policy));
        check_same(b, tariff::try_assess(slow, duty_base(money_of(150, 2)), policy));
    }
}

TEST_CASE("fast path: overflow falls back and succeeds when the result fits") {
    // 92,233,720,368,547,758.07 (the largest money) at 100 %: the product
    // 9223372036854775807 * 1 fits, but a GST of 5 % on value + duty
    // (2 * max) does not fit a money: errc::overflow, on both paths.
    const auto path = ev_path(tariff::ad_valorem{}, 100_pct, 5_pct);
    const auto slow = general_only(path);
    const rounding_policy<CAD> policy{rounding_mode::half_even};
    const cad max = money_of(INT64_MAX, 2);
    const auto a = tariff::try_assess(path, duty_base(max), policy);
    REQUIRE_FALSE(a);
    CHECK(a.error() == errc::overflow);
    check_same(a, tariff::try_assess(slow, duty_base(max), policy));
    // 92,233,720,368,547,750.00 * 0.061: the coefficients' product
    // 9223372036854775000 * 61 = 562625694248141275000 overflows 64 bits, so
    // the fast path falls back; the general path drops the three trailing
    // zeros: 5,626,256,942,481,412.75 (hand-computed), which fits, so the
    // assessment succeeds (overflow is never needless), in every mode.
    const auto p61 = duty_path<CAD>("MFN").with_duty("duty", "illustrative", 6.1_pct);
    const auto slow61 = general_only(p61);
    for (const rounding_mode m : all_modes) {
        const rounding_policy<CAD> pm{m};
        const auto r = tariff::try_assess(p61, duty_base(money_of(9223372036854775000, 2)), pm);
        REQUIRE(r);
        CHECK((*r)[0].exact == money_of(562625694248141275, 2));
        CHECK((*r)[0].rounded == money_of(562625694248141275, 2));
        CHECK(r->duties() == money_of(562625694248141275, 2));
        check_same(r, tariff::try_assess(slow61, duty_base(money_of(9223372036854775000, 2)), pm));
    }
}

TEST_CASE("fast path: random and boundary inputs against the general path") {
    std::mt19937_64 rng(20261201);
    // Values near 2^63 / 10^k and small ones; rates with up to 12 places.
    auto value_coefficient = [&](int which) -> std::int64_t {
        switch (which % 5) {
        case 0:
            return static_cast<std::int64_t>(rng() % 100'000'000); // up to 1,000,000.00
        case 1: {
            std::int64_t p = 1;
            const int k = static_cast<int>(rng() % 19);
            for (int i = 0; i < k; ++i)
                p *= 10;
            return INT64_MAX / p - static_cast<std::int64_t>(rng() % 3);
        }
        case 2:
            return INT64_MAX - static_cast<std::int64_t>(rng() % 1000);
        case 3:
            return static_cast<std::int64_t>(rng() % 1000) * 50; // many ties
        default:
            return static_cast<std::int64_t>(rng() >> 1);
        }
    };
    auto rate = [&]() -> tariff::ad_valorem {
        const int scale = static_cast<int>(rng() % 13);
        std::int64_t c = static_cast<std::int64_t>(rng() % 2'000'000);
        if (rng() % 4 == 0)
            c = static_cast<std::int64_t>(rng() % 200); // few digits: ties
        return rate_of(c, scale);
    };
    int fast_ok = 0, errors = 0;
    for (int n = 0; n < 3000; ++n) {
        const int g = n % 7 == 0 ? 0 : (n % 7 == 1 ? 3 : 2);
        auto path = duty_path<CAD>("random")
                        .with_duty("one", "illustrative", rate())
                        .with_duty("two", "illustrative", rate());
        tax_component<CAD> t1{"tax on all", "illustrative", rate()};
        tax_component<CAD> t2{"tax on value and duty two", "illustrative", rate()};
        t2.duties = 2;
        t2.on_earlier_taxes = n % 2 == 0;
        path = std::move(path).with_tax(t1).with_tax(t2);
        const auto slow = general_only(path);
        const cad value = money_of(value_coefficient(n), g);
        rounding_policy<CAD> policy{all_modes[static_cast<std::size_t>(n) % all_modes.size()]};
        policy.granularity = money_of(1, g);
        const auto a = tariff::try_assess(path, duty_base(value), policy);
        check_same(a, tariff::try_assess(slow, duty_base(value), policy));
        if (a) {
            ++fast_ok;
            check_lines(path, *a, policy);
        } else {
            ++errors;
        }
    }
    // Both kinds occur (the inputs reach the overflow boundary and stay below it).
    CHECK(fast_ok > 1000);
    CHECK(errors > 100);
}

TEST_CASE("fast path: shapes that fall back give the general path's figures") {
    const rounding_policy<CAD> policy{rounding_mode::half_even};
    const auto path = ev_path(6.1_pct, 100_pct, 5_pct);
    const auto slow = general_only(path);
    // Rounding on totals, a granularity of 0.05, a value rounded to whole
    // dollars, a value with fewer places than the granularity: all take the
    // general path; each agrees with the same path under the relief.
    rounding_policy<CAD> totals = policy;
    totals.stage = tariff::rounding_stage::totals;
    rounding_policy<CAD> nickel = policy;
    nickel.granularity = money_of(5, 2);
    rounding_policy<CAD> whole = policy;
    whole.value_granularity = money_of(1, 0);
    for (const auto& p : {policy, totals, nickel, whole})
        for (const cad v : {money_of(1234567, 2), money_of(12345, 0), money_of(123456789, 4)})
            check_same(tariff::try_assess(path, duty_base(v), p),
                       tariff::try_assess(slow, duty_base(v), p));
    // Under totals (hand-computed): 12,345.67 * 0.061 = 753.08587, exact.
    const auto t = tariff::try_assess(path, duty_base(money_of(1234567, 2)), totals);
    REQUIRE(t);
    CHECK((*t)[0].rounded == money_of(75308587, 5));
}

TEST_CASE("fast path: an assessment reused in place keeps no stale figure") {
    // A compound duty (not the fast path) then an ad valorem one (the fast
    // path) into the same assessment: the second equals a fresh one.
    const auto compound =
        duty_path<CAD>("compound")
            .with_duty("duty", "illustrative", tariff::at_least(10_pct, 5.33_CAD / tariff::kg))
            .with_tax(tax_component<CAD>{"tax", "illustrative", 5_pct});
    const auto entry = duty_base(money_of(1000, 2)).with(2 * tariff::kg);
    const auto plain = ev_path(6.1_pct, 100_pct, 5_pct);
    const rounding_policy<CAD> policy{rounding_mode::half_even};
    tariff::assessment<CAD> a;
    REQUIRE(tariff::try_assess_into(a, compound, entry, policy));
    REQUIRE(tariff::try_assess_into(a, plain, duty_base(money_of(1234567, 2)), policy));
    check_same(a, tariff::try_assess(plain, duty_base(money_of(1234567, 2)), policy));
    REQUIRE(tariff::try_assess_into(a, compound, entry, policy));
    check_same(a, tariff::try_assess(compound, entry, policy));
    // 10.00 * 0.10 = 1.00 < 2 kg * 5.33 = 10.66: the floor applies.
    CHECK(a[0].floor_applied);
    CHECK(a[0].rounded == money_of(1066, 2));
}
