// Compile-fail cases: a rate per a quantity qualified by a property of the
// goods (per % vol per hl, per kg for each degree under 100, per kg on drained
// weight) applied to an entry that lacks the quantity or the property, and a
// dimension of one's own that claims a property's bit. Format: see ../run.py.
//
// case per_vol_hl_without_strength: needs.a.quantity.the.entry.does.not.declare
// case per_vol_hl_without_volume: needs.a.quantity.the.entry.does.not.declare
// case sliding_scale_without_polarization: needs.a.quantity.the.entry.does.not.declare
// case drained_weight_on_mass: needs.a.quantity.the.entry.does.not.declare
// case copper_content_on_lead_content: needs.a.quantity.the.entry.does.not.declare
// case dimension_reuses_a_property_bit: reuses.the.bit.of.one.of.the.library.s.dimensions

#include <tariff/expression.hpp>
#include <tariff/qualified.hpp>

using namespace tariff;
using namespace tariff::literals;

namespace {
#ifdef CASE_dimension_reuses_a_property_bit
struct strength_again {
    static constexpr std::string_view name = "strength";
    static constexpr unsigned bit = alcohol_strength::bit;
};
#else
struct strength_again {
    static constexpr std::string_view name = "strength";
    static constexpr unsigned bit = 1u << 13;
};
#endif
struct percent_again : unit<strength_again, 1, 1, "% again"> {};
} // namespace

int main() {
    constexpr auto spirits = 1.75_EUR / percent_vol_hl + 0_pct;
    constexpr auto sugar = at_least(0.014606_USD / kg - 0.00020668_USD / kg_degree_under_100,
                                    0.00943854_USD / kg);
    constexpr auto fruit = 0.074_USD / kg_drained_weight + 0_pct;
    constexpr auto ore = 0.088_USD / kg_copper + 0_pct;
    constexpr auto own = 1.00_EUR / percent_again{} + 0_pct;
#ifdef CASE_per_vol_hl_without_strength
    (void)spirits(duty_base(1.00_EUR).with(25 * hl));
#else
    (void)spirits(duty_base(1.00_EUR).with(25 * hl).with(40 * percent_vol));
#endif
#ifdef CASE_per_vol_hl_without_volume
    (void)spirits(duty_base(1.00_EUR).with(40 * percent_vol));
#else
    (void)spirits(duty_base(1.00_EUR).with(40 * percent_vol).with(25 * hl));
#endif
#ifdef CASE_sliding_scale_without_polarization
    (void)sugar(duty_base(1.00_USD).with(1'000 * kg));
#else
    (void)sugar(duty_base(1.00_USD).with(1'000 * kg).with(97 * degrees_polarization));
#endif
#ifdef CASE_drained_weight_on_mass
    (void)fruit(duty_base(1.00_USD).with(120 * kg));
#else
    (void)fruit(duty_base(1.00_USD).with(120 * kg_drained_weight));
#endif
#ifdef CASE_copper_content_on_lead_content
    (void)ore(duty_base(1.00_USD).with(50 * kg_lead));
#else
    (void)ore(duty_base(1.00_USD).with(100 * kg_copper));
#endif
    (void)own(duty_base(1.00_EUR).with(5 * percent_again{}));
}
