// Compile-fail cases: a rate applied to the wrong thing (an ad valorem rate
// to a quantity, a specific rate to money or to another dimension), a rate
// added to money, and an exchange rate applied to an amount in a currency
// it does not convert from. Format: see ../run.py.
//
// case ad_valorem_on_kg: an.ad.valorem.rate.applies.to.a.value.{1,3}money.{1,3}not.to.a.quantity
// case ad_valorem_on_each: an.ad.valorem.rate.applies.to.a.value.{1,3}money.{1,3}not.to.a.quantity
// case ad_valorem_on_wide_quantity: an.ad.valorem.rate.applies.to.a.value.{1,3}money.{1,3}not.to.a.quantity
// case per_kg_on_each: a.specific.rate.applies.only.to.a.quantity.of.its.own.dimension
// case per_kg_on_litres: a.specific.rate.applies.only.to.a.quantity.of.its.own.dimension
// case per_each_on_kg: a.specific.rate.applies.only.to.a.quantity.of.its.own.dimension
// case per_kg_on_money: a.specific.rate.applies.to.a.quantity.{1,2}not.to.a.value
// case per_kg_on_other_money: a.specific.rate.applies.to.a.quantity.{1,2}not.to.a.value
// case per_kg_on_wide_money: a.specific.rate.applies.to.a.quantity.{1,2}not.to.a.value
// case ad_valorem_plus_money: a.rate.and.an.amount.of.money.cannot.be.added
// case money_plus_ad_valorem: a.rate.and.an.amount.of.money.cannot.be.added
// case specific_rate_plus_money: a.rate.and.an.amount.of.money.cannot.be.added
// case money_plus_specific_rate: a.rate.and.an.amount.of.money.cannot.be.added
// case exchange_exact_other_currency: this.exchange.rate.converts.from.another.currency
// case exchange_exact_target_currency: this.exchange.rate.converts.from.another.currency
// case exchange_convert_other_currency: this.exchange.rate.converts.from.another.currency

#include <tariff/exchange.hpp>
#include <tariff/rate.hpp>

using namespace tariff;
using namespace tariff::literals;

int main() {
    constexpr auto mfn = 6.1_pct;
    constexpr auto per_kg = 5.33_CAD / kg;
    constexpr auto per_each = 1.00_CAD / each;
    constexpr exchange_rate<USD, CAD> usd_to_cad(1.3712_dec);
    {
#ifdef CASE_ad_valorem_on_kg
        [[maybe_unused]] auto r = 6.1_pct(1'000 * kg);
#else
        [[maybe_unused]] auto r = 6.1_pct(40'000.00_CAD);
#endif
    }
    {
#ifdef CASE_ad_valorem_on_each
        [[maybe_unused]] auto r = mfn(3 * each);
#else
        [[maybe_unused]] auto r = mfn(40'000.00_CAD);
#endif
    }
    {
#ifdef CASE_ad_valorem_on_wide_quantity
        [[maybe_unused]] auto r = mfn(basic_quantity<units::kilogram, int128_t>(5));
#else
        [[maybe_unused]] auto r = mfn(40'000.00_CAD);
#endif
    }
    {
#ifdef CASE_per_kg_on_each
        [[maybe_unused]] auto r = per_kg(3 * each);
#else
        [[maybe_unused]] auto r = per_kg(3 * kg);
#endif
    }
    {
#ifdef CASE_per_kg_on_litres
        [[maybe_unused]] auto r = per_kg(quantity<units::litre>(2));
#else
        [[maybe_unused]] auto r = per_kg(quantity<units::tonne>(2));
#endif
    }
    {
#ifdef CASE_per_each_on_kg
        [[maybe_unused]] auto r = per_each(3 * kg);
#else
        [[maybe_unused]] auto r = per_each(3 * each);
#endif
    }
    {
#ifdef CASE_per_kg_on_money
        [[maybe_unused]] auto r = per_kg(40'000.00_CAD);
#else
        [[maybe_unused]] auto r = per_kg(40 * kg);
#endif
    }
    {
#ifdef CASE_per_kg_on_other_money
        [[maybe_unused]] auto r = per_kg(40'000.00_USD);
#else
        [[maybe_unused]] auto r = per_kg(40 * kg);
#endif
    }
    {
#ifdef CASE_per_kg_on_wide_money
        [[maybe_unused]] auto r = per_kg(wide_money<CAD>(40));
#else
        [[maybe_unused]] auto r = per_kg(40 * kg);
#endif
    }
    {
#ifdef CASE_ad_valorem_plus_money
        [[maybe_unused]] auto r = mfn + 1.00_CAD;
#else
        [[maybe_unused]] auto r = mfn(40'000.00_CAD) + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_plus_ad_valorem
        [[maybe_unused]] auto r = 1.00_CAD + mfn;
#else
        [[maybe_unused]] auto r = 1.00_CAD + mfn(40'000.00_CAD);
#endif
    }
    {
#ifdef CASE_specific_rate_plus_money
        [[maybe_unused]] auto r = per_kg + 1.00_CAD;
#else
        [[maybe_unused]] auto r = per_kg(1 * kg) + 1.00_CAD;
#endif
    }
    {
#ifdef CASE_money_plus_specific_rate
        [[maybe_unused]] auto r = 1.00_USD + per_kg;
#else
        [[maybe_unused]] auto r = 1.00_CAD + per_kg(1 * kg);
#endif
    }
    {
#ifdef CASE_exchange_exact_other_currency
        [[maybe_unused]] auto r = usd_to_cad.exact(1.00_EUR);
#else
        [[maybe_unused]] auto r = usd_to_cad.exact(1.00_USD);
#endif
    }
    {
#ifdef CASE_exchange_exact_target_currency
        [[maybe_unused]] auto r = usd_to_cad.exact(1.00_CAD);
#else
        [[maybe_unused]] auto r = usd_to_cad.exact(1.00_USD);
#endif
    }
    {
#ifdef CASE_exchange_convert_other_currency
        [[maybe_unused]] auto r = usd_to_cad.convert(1.00_GBP, rounding::half_even);
#else
        [[maybe_unused]] auto r = usd_to_cad.convert(1.00_USD, rounding::half_even);
#endif
    }
}
