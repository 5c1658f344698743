// Units and rounding for figures known only at run time (a schedule's or a
// CSV file's): tariff::find_unit, same_unit, try_convert_units and
// multiply_rounded. Expected figures by hand in the comments.
#include <string_view>

#include <tariff/tariff.hpp>

#include "catch.hpp"
#include "test_support.hpp"

using namespace tariff::literals;
using tariff::decimal;
using tariff::errc;
using tariff::unit_info_of;
namespace units = tariff::units;
using tariff_test::error_of;

TEST_CASE("find_unit: the duty parser's unit names, in any case, spaces loose",
          "[units][runtime]") {
    STATIC_REQUIRE(tariff::find_unit("kg") == &unit_info_of<units::kilogram>);
    CHECK(tariff::find_unit("KG") == &unit_info_of<units::kilogram>);
    CHECK(tariff::find_unit("100 kg") == &unit_info_of<units::hundred_kilograms>);
    CHECK(tariff::find_unit("100kg") == &unit_info_of<units::hundred_kilograms>);
    CHECK(tariff::find_unit("100   KG") == &unit_info_of<units::hundred_kilograms>);
    CHECK(tariff::find_unit("dozen") == &unit_info_of<units::dozen>);
    CHECK(tariff::find_unit("furlong") == nullptr);
    CHECK(tariff::find_unit("") == nullptr);
    CHECK(tariff::find_unit("kg ") == nullptr); // trailing text is not a unit
}

TEST_CASE("same_unit: same dimension and size", "[units][runtime]") {
    STATIC_REQUIRE(tariff::same_unit(unit_info_of<units::kilogram>, unit_info_of<units::kilogram>));
    STATIC_REQUIRE(!tariff::same_unit(unit_info_of<units::kilogram>, unit_info_of<units::tonne>));
    // each and head are both one count.
    STATIC_REQUIRE(tariff::same_unit(unit_info_of<units::each>, unit_info_of<units::head>));
}

TEST_CASE("try_convert_units: exact conversion between run-time units", "[units][runtime]") {
    using tariff::try_convert_units;
    // 1,500 g = 1.5 kg; 1.5 tonne = 1,500 kg; 24 each = 2 dozen; 3 hl = 300 l.
    STATIC_REQUIRE(*try_convert_units(1500.0_dec, unit_info_of<units::gram>,
                                      unit_info_of<units::kilogram>) == 1.5_dec);
    CHECK(*try_convert_units(1.5_dec, unit_info_of<units::tonne>, unit_info_of<units::kilogram>) ==
          1500);
    CHECK(*try_convert_units(decimal(24), unit_info_of<units::each>, unit_info_of<units::dozen>) ==
          2);
    CHECK(*try_convert_units(decimal(3), unit_info_of<units::hectolitre>,
                             unit_info_of<units::litre>) == 300);
    // 7 each = 7/12 dozen: no finite decimal form.
    CHECK(try_convert_units(decimal(7), unit_info_of<units::each>, unit_info_of<units::dozen>)
              .error() == errc::inexact);
    // kg into each: different dimensions.
    CHECK(try_convert_units(decimal(1), unit_info_of<units::kilogram>, unit_info_of<units::each>)
              .error() == errc::invalid_argument);
    // A unit whose size was changed to zero after it was built.
    tariff::unit_info broken = unit_info_of<units::kilogram>;
    broken.num = 0;
    CHECK(try_convert_units(decimal(1), broken, unit_info_of<units::kilogram>).error() ==
          errc::invalid_argument);
    // (2^63 - 1) tonnes in kg does not fit: overflow, not a wrong figure.
    CHECK(try_convert_units(decimal(9'223'372'036'854'775'807), unit_info_of<units::tonne>,
                            unit_info_of<units::kilogram>)
              .error() == errc::overflow);
}

TEST_CASE("multiply_rounded: only the rounded product must fit", "[decimal][runtime]") {
    // KWD 789,076,308.682 at 114.810691 (issue 9): the exact product
    // 90,594,396,251.509719262 has 20 digits at 9 places and does not fit;
    // rounded half to even to the cent it is 90,594,396,251.51 (Python:
    // (Decimal("789076308.682") * Decimal("114.810691")).quantize(Decimal("0.01"))).
    const auto kwd = decimal::from_parts(789'076'308'682, 3);
    const auto rate = decimal::from_parts(114'810'691, 6);
    CHECK(tariff::multiply_rounded(kwd, rate, 2, tariff::rounding::half_even) ==
          decimal::from_parts(9'059'439'625'151, 2));
    CHECK(*tariff::try_multiply_rounded(kwd, rate, 2, tariff::rounding::half_even) ==
          decimal::from_parts(9'059'439'625'151, 2));
    // 2.5 x 1 to 0 places: the tie goes to the even 2 (half_even), up to 3 (half_up).
    STATIC_REQUIRE(tariff::multiply_rounded(2.5_dec, decimal(1), 0, tariff::rounding::half_even) ==
                   2);
    STATIC_REQUIRE(tariff::multiply_rounded(2.5_dec, decimal(1), 0, tariff::rounding::half_up) ==
                   3);
    // Errors: a mode that is not one, negative places, a result that does not fit.
    const auto bad_mode = static_cast<tariff::rounding_mode>(42);
    CHECK(tariff::try_multiply_rounded(2.5_dec, decimal(1), 0, bad_mode).error() ==
          errc::invalid_argument);
    CHECK(
        tariff::try_multiply_rounded(2.5_dec, decimal(1), -1, tariff::rounding::half_up).error() ==
        errc::invalid_argument);
    CHECK(error_of([] {
              return tariff::multiply_rounded(decimal(9'223'372'036'854'775'807), decimal(2), 0,
                                              tariff::rounding::half_up);
          }) == errc::overflow);
}
