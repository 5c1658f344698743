// tariff::consignment, assess_consignment and allocate_to_lines (consignment.hpp).
//
// The per-item duty is the EU's interim duty on low-value e-commerce parcels:
// EUR 3 per distinct tariff subheading in a consignment valued under EUR 150,
// from 1 July 2026 (Council of the EU press releases, 12 December 2025 and
// 11 February 2026; the Council's own example: one silk blouse and two wool
// blouses are two distinct items, EUR 6). Whether the limit is "less than" or
// "not exceeding" EUR 150 is a parameter (value_limit_test); both are tested.
//
// Allocation is allocate.hpp's largest remainder: with U the charge in cents
// and W the sum of the weights, line i gets floor(U * w_i / W), and the cents
// left over go one each to the largest remainders (U * w_i mod W), ties to the
// earlier line. Every expected split is worked out by hand beside it.
#include <array>
#include <cstddef>
#include <cstdint>

#include <tariff/consignment.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff;
using namespace tariff::literals;
using tariff_test::error_of;

namespace {

constexpr per_item_duty<EUR> eu_parcel{"EU low-value consignment duty",
                                       "Council of the EU, 11 Feb 2026 (interim EUR 3 per item)",
                                       3.00_EUR,
                                       6,
                                       150.00_EUR,
                                       value_limit_test::below};

// The Council's example: 1 silk blouse (6206.10) and 2 wool blouses (6206.20)
// (the values, masses and codes' digits here are ours; the Council gives only the items).
constexpr auto blouses = consignment<EUR, 4>{}
                             .with_line(hs_code::parse("6206.10"), 45.00_EUR, 0.2_kg, 1_each)
                             .with_line(hs_code::parse("6206.20"), 50.00_EUR, 0.5_kg, 2_each);

// Two distinct subheadings: 2 x 3.00 = 6.00; value 45.00 + 50.00 = 95.00 < 150.00.
static_assert(assess_consignment(blouses, eu_parcel).amount == 6.00_EUR);
static_assert(blouses.distinct_items(6) == 2);
// Each line is its own item: each takes its item's 3.00.
static_assert(allocate_by_item(blouses, eu_parcel)[0] == 3.00_EUR &&
              allocate_by_item(blouses, eu_parcel)[1] == 3.00_EUR);

} // namespace

TEST_CASE("consignment: the Council's blouse example pays EUR 6") {
    const auto charge = assess_consignment(blouses, eu_parcel);
    CHECK(charge.applies());
    CHECK(charge.reason == consignment_charge_reason::applies);
    CHECK(charge.value == 95.00_EUR);
    CHECK(charge.items == 2);
    CHECK(charge.amount == 6.00_EUR);
    CHECK(charge.name == eu_parcel.name);
    CHECK(charge.legal_basis == eu_parcel.legal_basis);
}

TEST_CASE("consignment: distinct items are distinct codes at the rule's level") {
    // 6109.10.00 and 6109.10.10 share the subheading 6109.10: one item at 6
    // digits, two at 8. 6109.90 is another subheading. A repeated code counts once.
    const auto c = consignment<EUR, 8>{}
                       .with_line(hs_code::parse("6109.10.00"), 10.00_EUR)
                       .with_line(hs_code::parse("6109.10.10"), 10.00_EUR)
                       .with_line(hs_code::parse("6109.90"), 10.00_EUR)
                       .with_line(hs_code::parse("6109.10.00"), 10.00_EUR);
    CHECK(c.distinct_items(4) == 1);  // all under 6109
    CHECK(c.distinct_items(6) == 2);  // 610910, 610990
    CHECK(c.distinct_items(8) == 3);  // 61091000, 61091010, 610990 (6 digits: its whole code)
    CHECK(c.distinct_items(10) == 3); // as at 8
    CHECK(c.try_distinct_items(1).code() == errc::invalid_argument);
    CHECK(c.try_distinct_items(11).code() == errc::invalid_argument);
    // 2 items x 3.00 = 6.00; value 4 x 10.00 = 40.00.
    CHECK(assess_consignment(c, eu_parcel).amount == 6.00_EUR);
    per_item_duty<EUR> eight = eu_parcel;
    eight.item_digits = 8;
    CHECK(assess_consignment(c, eight).amount == 9.00_EUR); // 3 x 3.00
}

TEST_CASE("consignment: the value limit, below or at-or-below") {
    // Exactly 150.00 (100.00 + 50.00).
    const auto at = consignment<EUR, 4>{}
                        .with_line(hs_code::parse("8517.13"), 100.00_EUR)
                        .with_line(hs_code::parse("8518.30"), 50.00_EUR);
    const auto below = assess_consignment(at, eu_parcel); // 150.00 < 150.00 is false
    CHECK_FALSE(below.applies());
    CHECK(below.reason == consignment_charge_reason::value_above_limit);
    CHECK(below.amount == 0.00_EUR);
    CHECK(below.items == 2);
    per_item_duty<EUR> not_exceeding = eu_parcel;
    not_exceeding.test = value_limit_test::at_or_below;
    const auto at_or_below = assess_consignment(at, not_exceeding); // 150.00 <= 150.00
    CHECK(at_or_below.applies());
    CHECK(at_or_below.amount == 6.00_EUR);
    // One cent over: 150.01 > 150.00 under either test.
    const auto over = at.with_line(hs_code::parse("8518.30"), 0.01_EUR);
    CHECK(over.total_value() == 150.01_EUR);
    CHECK_FALSE(assess_consignment(over, not_exceeding).applies());
    // 149.99 is below.
    const auto under = consignment<EUR, 4>{}
                           .with_line(hs_code::parse("8517.13"), 99.99_EUR)
                           .with_line(hs_code::parse("8518.30"), 50.00_EUR);
    CHECK(assess_consignment(under, eu_parcel).amount == 6.00_EUR);
}

TEST_CASE("consignment: empty, full, negative and bad rules") {
    const consignment<EUR, 2> empty;
    const auto none = assess_consignment(empty, eu_parcel);
    CHECK(none.reason == consignment_charge_reason::empty);
    CHECK(none.amount == 0.00_EUR);
    const auto two = empty.with_line(hs_code::parse("6206.10"), 1.00_EUR)
                         .with_line(hs_code::parse("6206.20"), 1.00_EUR);
    CHECK(two.try_with_line(hs_code::parse("6206.30"), 1.00_EUR).code() == errc::invalid_argument);
    CHECK(error_of([&] { return two.with_line(hs_code::parse("6206.30"), 1.00_EUR); }) ==
          errc::invalid_argument);
    CHECK(two.size() == 2); // unchanged
    CHECK(empty.try_with_line(hs_code::parse("6206.10"), -1.00_EUR).code() ==
          errc::negative_quantity);
    per_item_duty<EUR> bad = eu_parcel;
    bad.per_item = -3.00_EUR;
    CHECK(try_assess_consignment(two, bad).code() == errc::invalid_argument);
    bad = eu_parcel;
    bad.test = static_cast<value_limit_test>(5);
    CHECK(try_assess_consignment(two, bad).code() == errc::invalid_argument);
    bad = eu_parcel;
    bad.item_digits = 0;
    CHECK(error_of([&] { return assess_consignment(two, bad); }) == errc::invalid_argument);
}

TEST_CASE("allocate_to_lines: by value, mass and count, never losing a cent") {
    // By value: 6.00 over 45.00 and 50.00. U = 600, weights 4500, 5000, W = 9500.
    // 600 x 4500 = 2,700,000 = 284 x 9500 + 2,000; 600 x 5000 = 3,000,000 =
    // 315 x 9500 + 7,500. 284 + 315 = 599: the 1 cent left goes to the larger
    // remainder (7,500): 2.84, 3.16.
    const auto by_value = allocate_to_lines(6.00_EUR, blouses, allocation_basis::value);
    REQUIRE(by_value.size() == 2);
    CHECK(by_value[0] == 2.84_EUR);
    CHECK(by_value[1] == 3.16_EUR);
    // By net mass: 0.2 kg and 0.5 kg: weights 2, 5, W = 7. 600 x 2 = 1200 = 171 x 7 + 3;
    // 600 x 5 = 3000 = 428 x 7 + 4. 171 + 428 = 599: the cent goes to remainder 4:
    // 1.71, 4.29.
    const auto by_mass = allocate_to_lines(6.00_EUR, blouses, allocation_basis::net_mass);
    CHECK(by_mass[0] == 1.71_EUR);
    CHECK(by_mass[1] == 4.29_EUR);
    // By count: 1 and 2 pieces: 600 x 1 / 3 = 200, 600 x 2 / 3 = 400: 2.00, 4.00.
    const auto by_count = allocate_to_lines(6.00_EUR, blouses, allocation_basis::count);
    CHECK(by_count[0] == 2.00_EUR);
    CHECK(by_count[1] == 4.00_EUR);
}

TEST_CASE("allocate_to_lines: weights at different scales are brought to one, exactly") {
    // Masses 0.25 kg, 1.5 kg, 0.125 kg: at 3 places 250, 1500, 125 (W = 1875).
    // 10.00 = 1000 cents: 1000 x 250 = 250,000 = 133 x 1875 + 625;
    // 1000 x 1500 = 1,500,000 = 800 x 1875 + 0; 1000 x 125 = 125,000 = 66 x 1875 + 1250.
    // 133 + 800 + 66 = 999: the cent goes to the largest remainder (1250, line 3):
    // 1.33, 8.00, 0.67.
    const auto c = consignment<EUR, 4>{}
                       .with_line(hs_code::parse("9503.00"), 5.00_EUR,
                                  quantity<units::kilogram>(decimal::from_parts(25, 2)))
                       .with_line(hs_code::parse("9504.50"), 60.00_EUR,
                                  quantity<units::kilogram>(decimal::from_parts(15, 1)))
                       .with_line(hs_code::parse("9505.10"), 2.00_EUR,
                                  quantity<units::kilogram>(decimal::from_parts(125, 3)));
    const auto s = allocate_to_lines(10.00_EUR, c, allocation_basis::net_mass);
    CHECK(s[0] == 1.33_EUR);
    CHECK(s[1] == 8.00_EUR);
    CHECK(s[2] == 0.67_EUR);
    // A mass in grams converts to kg exactly: 250 g is 0.25 kg.
    const auto g = consignment<EUR, 2>{}.with_line(hs_code::parse("9503.00"), 5.00_EUR, 250_g);
    CHECK(g[0].net_mass.value() == decimal::from_parts(25, 2));
}

TEST_CASE("allocate_to_lines: the shares always sum to the charge") {
    // Values 10.00, 10.00, 10.00 and a charge of 0.01: one cent, remainders
    // tie: the first line takes it.
    const auto three = consignment<EUR, 4>{}
                           .with_line(hs_code::parse("6206.10"), 10.00_EUR)
                           .with_line(hs_code::parse("6206.20"), 10.00_EUR)
                           .with_line(hs_code::parse("6206.30"), 10.00_EUR);
    const auto cent = allocate_to_lines(0.01_EUR, three, allocation_basis::value);
    CHECK(cent[0] == 0.01_EUR);
    CHECK(cent[1] == 0.00_EUR);
    CHECK(cent[2] == 0.00_EUR);
    // 1.00 over three equal values: 33, 33, 33 cents and one left, to the first: 0.34, 0.33, 0.33.
    const auto euro = allocate_to_lines(1.00_EUR, three, allocation_basis::value);
    CHECK(euro[0] == 0.34_EUR);
    CHECK(euro[1] == 0.33_EUR);
    CHECK(euro[2] == 0.33_EUR);
    // Many charges: the shares add up to each exactly.
    for (std::int64_t cents = 0; cents <= 997; cents += 7) {
        const auto charge = money<EUR>::from_minor_units(cents);
        const auto s = allocate_to_lines(charge, blouses, allocation_basis::value);
        CHECK(s[0] + s[1] == charge);
    }
}

TEST_CASE("allocate_to_lines: errors leave nothing half done") {
    // No masses declared: weights all zero.
    const auto no_mass = consignment<EUR, 2>{}.with_line(hs_code::parse("6206.10"), 10.00_EUR);
    CHECK(try_allocate_to_lines(3.00_EUR, no_mass, allocation_basis::net_mass).code() ==
          errc::division_by_zero);
    CHECK(error_of([&] { return allocate_to_lines(3.00_EUR, no_mass, allocation_basis::count); }) ==
          errc::division_by_zero);
    // No lines.
    CHECK(try_allocate_to_lines(3.00_EUR, consignment<EUR, 2>{}, allocation_basis::value).code() ==
          errc::division_by_zero);
    // A charge that is not whole cents: round it first.
    const money<EUR> half_cent(decimal::from_parts(3005, 3)); // 3.005
    CHECK(try_allocate_to_lines(half_cent, no_mass, allocation_basis::value).code() ==
          errc::invalid_argument);
    CHECK(try_allocate_to_lines(3.00_EUR, no_mass, static_cast<allocation_basis>(4)).code() ==
          errc::invalid_argument);
    // Weights that overflow once brought to one scale: 9e18 (scale 0) and
    // 0.000000000000000001 (scale 18): 9e18 x 10^18 does not fit 64 bits.
    const auto huge =
        consignment<EUR, 2>{}
            .with_line(hs_code::parse("6206.10"), 1.00_EUR,
                       quantity<units::kilogram>(decimal::from_parts(9'000'000'000'000'000'000, 0)))
            .with_line(hs_code::parse("6206.20"), 1.00_EUR,
                       quantity<units::kilogram>(decimal::from_parts(1, 18)));
    CHECK(try_allocate_to_lines(3.00_EUR, huge, allocation_basis::net_mass).code() ==
          errc::overflow);
    const auto three_euros = 3.00_EUR;
    static_assert(noexcept(try_allocate_to_lines(three_euros, no_mass, allocation_basis::value)));
}

TEST_CASE("allocate_by_item: each item's EUR 3 goes to that item's lines") {
    // 6206.10: 45.00 and 15.00; 6206.20: 50.00. Value 110.00 < 150.00; 2 items: 6.00.
    // 6206.10's 3.00 = 300 cents over 4500 : 1500 (W = 6000): 225 and 75: 2.25, 0.75.
    // 6206.20's 3.00 goes whole to its one line.
    const auto c = blouses.with_line(hs_code::parse("6206.10"), 15.00_EUR);
    const auto s = allocate_by_item(c, eu_parcel);
    REQUIRE(s.size() == 3);
    CHECK(s[0] == 2.25_EUR);
    CHECK(s[1] == 3.00_EUR);
    CHECK(s[2] == 0.75_EUR);
    CHECK(s[0] + s[1] + s[2] == assess_consignment(c, eu_parcel).amount);
}

TEST_CASE("allocate_by_item: remainders, zero values, and a duty that does not apply") {
    // One item, values 7.00 and 4.00 (W = 1100): 300 x 700 = 210,000 = 190 x 1100 + 1000;
    // 300 x 400 = 120,000 = 109 x 1100 + 100. 190 + 109 = 299: the cent to remainder
    // 1000: 1.91, 1.09.
    const auto one_item = consignment<EUR, 4>{}
                              .with_line(hs_code::parse("9503.00"), 7.00_EUR)
                              .with_line(hs_code::parse("9503.00"), 4.00_EUR);
    const auto r = allocate_by_item(one_item, eu_parcel);
    CHECK(r[0] == 1.91_EUR);
    CHECK(r[1] == 1.09_EUR);
    // Two free samples (0.00) of one item and a 10.00 line of another: the
    // samples split their 3.00 equally, 1.50 each.
    const auto samples = consignment<EUR, 4>{}
                             .with_line(hs_code::parse("3304.99"), 0.00_EUR)
                             .with_line(hs_code::parse("3305.10"), 10.00_EUR)
                             .with_line(hs_code::parse("3304.99"), 0.00_EUR);
    const auto z = allocate_by_item(samples, eu_parcel);
    CHECK(z[0] == 1.50_EUR);
    CHECK(z[1] == 3.00_EUR);
    CHECK(z[2] == 1.50_EUR);
    // Above the limit (160.00): nothing to attribute.
    const auto big = consignment<EUR, 4>{}.with_line(hs_code::parse("8517.13"), 160.00_EUR);
    const auto none = allocate_by_item(big, eu_parcel);
    REQUIRE(none.size() == 1);
    CHECK(none[0] == 0.00_EUR);
    // A per-item amount that is not whole cents cannot be split into cents.
    per_item_duty<EUR> odd = eu_parcel;
    odd.per_item = money<EUR>(decimal::from_parts(3005, 3)); // 3.005
    CHECK(try_allocate_by_item(one_item, odd).code() == errc::invalid_argument);
    CHECK(error_of([&] { return allocate_by_item(one_item, odd); }) == errc::invalid_argument);
}
