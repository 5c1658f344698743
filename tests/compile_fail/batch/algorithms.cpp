// Compile-fail cases: the standard algorithms and function objects with
// amounts in different currencies, quantities of different dimensions and
// bare numbers. Format: see ../run.py.
//
// case accumulate_usd_into_cad: amounts.in.different.currencies.cannot.be.added
// case-anywhere accumulate_with_plus_mixed: amounts.in.different.currencies.cannot.be.added
// case-anywhere accumulate_with_plus_of_cad: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case accumulate_money_from_int: bare.number
// case accumulate_money_from_double: bare.number
// case accumulate_mass_into_count: quantities.of.different.dimensions.cannot.be.added
// case inner_product_money_times_quantity: money.times.a.quantity.has.no.meaning
// case partial_sum_mixed: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case max_of_cad_given_usd: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case min_of_cad_given_usd: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case clamp_cad_by_usd: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case max_of_mass_given_count: a.quantity.of.one.dimension.cannot.become.a.quantity.of.another
// case equal_cad_and_usd: amounts.in.different.currencies.cannot.be.compared
// case find_zero_in_money: money.compares.only.with.money.of.its.currency|compares only with an amount
// case count_cad_in_usd: amounts.in.different.currencies.cannot.be.compared
// case-anywhere sort_cad_with_usd_comparator: an.amount.in.one.currency.cannot.become.an.amount.in.another
// case-anywhere sort_money_with_int_comparison: money.compares.only.with.money.of.its.currency|compares only with an amount
// case-anywhere transform_money_times_money: money.times.money.has.no.meaning
// case-anywhere plus_functor_mixed_currencies: amounts.in.different.currencies.cannot.be.added
// case-anywhere less_functor_mixed_currencies: amounts.in.different.currencies.cannot.be.compared
// case-anywhere ranges_max_mixed_projection: amounts.in.different.currencies.cannot.be.compared
// case-anywhere sum_generic_constrained_on_cad: convertible_to

#include <algorithm>
#include <array>
#include <concepts>
#include <functional>
#include <numeric>

#include <tariff/rate.hpp>

using namespace tariff;
using namespace tariff::literals;

namespace {
// A generic function constrained on what converts to CAD: with the library's
// conversions rejected in overload resolution, USD does not satisfy it.
template <class Range>
requires std::convertible_to<typename Range::value_type, money<CAD>>
money<CAD> sum_as_cad(const Range& r) {
    money<CAD> s{};
    for (const auto& m : r) s += m;
    return s;
}
} // namespace

int main() {
    std::array<money<CAD>, 3> cad{1.00_CAD, 2.00_CAD, 3.00_CAD};
    std::array<money<USD>, 3> usd{1.00_USD, 2.00_USD, 3.00_USD};
    std::array<quantity<units::kilogram>, 3> kgs{1 * kg, 2 * kg, 3 * kg};
    std::array<int, 3> counts{1, 2, 3};
    {
#ifdef CASE_accumulate_usd_into_cad
        [[maybe_unused]] auto s = std::accumulate(usd.begin(), usd.end(), 0.00_CAD);
#else
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), 0.00_CAD);
#endif
    }
    {
#ifdef CASE_accumulate_with_plus_mixed
        [[maybe_unused]] auto s = std::accumulate(usd.begin(), usd.end(), 0.00_CAD, std::plus<>{});
#else
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), 0.00_CAD, std::plus<>{});
#endif
    }
    {
#ifdef CASE_accumulate_with_plus_of_cad
        [[maybe_unused]] auto s = std::accumulate(usd.begin(), usd.end(), 0.00_CAD, std::plus<money<CAD>>{});
#else
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), 0.00_CAD, std::plus<money<CAD>>{});
#endif
    }
    {
#ifdef CASE_accumulate_money_from_int
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), 0);
#else
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), money<CAD>{});
#endif
    }
    {
#ifdef CASE_accumulate_money_from_double
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), 0.0);
#else
        [[maybe_unused]] auto s = std::accumulate(cad.begin(), cad.end(), 0.00_CAD);
#endif
    }
    {
#ifdef CASE_accumulate_mass_into_count
        [[maybe_unused]] auto s = std::accumulate(kgs.begin(), kgs.end(), 0 * each);
#else
        [[maybe_unused]] auto s = std::accumulate(kgs.begin(), kgs.end(), 0 * tonne);
#endif
    }
    {
#ifdef CASE_inner_product_money_times_quantity
        [[maybe_unused]] auto s = std::inner_product(cad.begin(), cad.end(), kgs.begin(), 0.00_CAD);
#else
        [[maybe_unused]] auto s = std::inner_product(cad.begin(), cad.end(), counts.begin(), 0.00_CAD);
#endif
    }
    {
#ifdef CASE_partial_sum_mixed
        std::partial_sum(usd.begin(), usd.end(), cad.begin());
#else
        std::partial_sum(cad.begin(), cad.end(), cad.begin());
#endif
    }
    {
#ifdef CASE_max_of_cad_given_usd
        [[maybe_unused]] auto m = std::max<money<CAD>>(1.00_USD, 2.00_CAD);
#else
        [[maybe_unused]] auto m = std::max<money<CAD>>(1.00_CAD, 2.00_CAD);
#endif
    }
    {
#ifdef CASE_min_of_cad_given_usd
        [[maybe_unused]] auto m = std::min<money<CAD>>(2.00_CAD, 1.00_USD);
#else
        [[maybe_unused]] auto m = std::min<money<CAD>>(2.00_CAD, 1.00_CAD);
#endif
    }
    {
#ifdef CASE_clamp_cad_by_usd
        [[maybe_unused]] auto m = std::clamp<money<CAD>>(2.00_CAD, 1.00_USD, 3.00_CAD);
#else
        [[maybe_unused]] auto m = std::clamp<money<CAD>>(2.00_CAD, 1.00_CAD, 3.00_CAD);
#endif
    }
    {
#ifdef CASE_max_of_mass_given_count
        [[maybe_unused]] auto m = std::max<quantity<units::kilogram>>(1 * each, 2 * kg);
#else
        [[maybe_unused]] auto m = std::max<quantity<units::kilogram>>(1 * tonne, 2 * kg);
#endif
    }
    {
#ifdef CASE_equal_cad_and_usd
        [[maybe_unused]] bool b = std::equal(cad.begin(), cad.end(), usd.begin());
#else
        [[maybe_unused]] bool b = std::equal(cad.begin(), cad.end(), cad.begin());
#endif
    }
    {
#ifdef CASE_find_zero_in_money
        [[maybe_unused]] auto it = std::find(cad.begin(), cad.end(), 0);
#else
        [[maybe_unused]] auto it = std::find(cad.begin(), cad.end(), 0.00_CAD);
#endif
    }
    {
#ifdef CASE_count_cad_in_usd
        [[maybe_unused]] auto n = std::count(usd.begin(), usd.end(), 1.00_CAD);
#else
        [[maybe_unused]] auto n = std::count(usd.begin(), usd.end(), 1.00_USD);
#endif
    }
    {
#ifdef CASE_sort_cad_with_usd_comparator
        std::sort(cad.begin(), cad.end(), std::less<money<USD>>{});
#else
        std::sort(cad.begin(), cad.end(), std::less<money<CAD>>{});
#endif
    }
    {
#ifdef CASE_sort_money_with_int_comparison
        std::sort(cad.begin(), cad.end(), [](auto a, auto) { return a < 0; });
#else
        std::sort(cad.begin(), cad.end(), [](auto a, auto b) { return a < b; });
#endif
    }
    {
#ifdef CASE_transform_money_times_money
        std::transform(cad.begin(), cad.end(), cad.begin(), cad.begin(), [](auto a, auto b) { return a * b; });
#else
        std::transform(cad.begin(), cad.end(), counts.begin(), cad.begin(), [](auto a, auto n) { return a * n; });
#endif
    }
    {
#ifdef CASE_plus_functor_mixed_currencies
        [[maybe_unused]] auto s = std::plus<>{}(1.00_CAD, 1.00_USD);
#else
        [[maybe_unused]] auto s = std::plus<>{}(1.00_CAD, 1.00_CAD);
#endif
    }
    {
#ifdef CASE_less_functor_mixed_currencies
        [[maybe_unused]] bool b = std::less<>{}(1.00_CAD, 1.00_USD);
#else
        [[maybe_unused]] bool b = std::less<>{}(1.00_CAD, 1.00_CAD);
#endif
    }
    {
#ifdef CASE_ranges_max_mixed_projection
        [[maybe_unused]] auto m = std::ranges::max(cad, std::ranges::less{}, [](money<CAD> c) { return money<USD>(c.amount()) < 1.00_CAD ? c : c; });
#else
        [[maybe_unused]] auto m = std::ranges::max(cad);
#endif
    }
    {
#ifdef CASE_sum_generic_constrained_on_cad
        [[maybe_unused]] auto s = sum_as_cad(usd);
#else
        [[maybe_unused]] auto s = sum_as_cad(cad);
#endif
    }
    (void)usd;
    (void)kgs;
    (void)counts;
}
