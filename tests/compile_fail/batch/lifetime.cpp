// Compile-fail cases: an assessment refers to its path (issue 10: it does not
// copy the path), so assessing a temporary path, which would be gone before
// the assessment is read, does not compile; the controls assess a named path.
// Format: see ../run.py.
//
// case assess_temporary_path: an_assessment_refers_to_its_path|refers to its path
// case try_assess_temporary_path: an_assessment_refers_to_its_path|refers to its path
// case assess_into_temporary_path: an_assessment_refers_to_its_path|refers to its path
// case try_assess_into_temporary_path: an_assessment_refers_to_its_path|refers to its path
// case compare_temporary_first_path: an_assessment_refers_to_its_path|refers to its path
// case compare_temporary_second_path: an_assessment_refers_to_its_path|refers to its path

#include <tariff/tariff.hpp>

using namespace tariff::literals;
using tariff::CAD;

namespace {
constexpr auto mfn = tariff::duty_path<CAD>("MFN").with_duty("MFN", "", 6.1_pct);
[[maybe_unused]] tariff::duty_path<CAD> make_path() {
    return tariff::duty_path<CAD>("MFN").with_duty("MFN", "", 6.1_pct);
}
constexpr tariff::rounding_policy<CAD> policy{tariff::rounding::half_even};
} // namespace

int main() {
    const auto base = tariff::duty_base(100.00_CAD);
    tariff::assessment<CAD> out;
    {
#ifdef CASE_assess_temporary_path
        [[maybe_unused]] const auto a = tariff::assess(make_path(), base, policy);
#else
        [[maybe_unused]] const auto a = tariff::assess(mfn, base, policy);
#endif
    }
    {
#ifdef CASE_try_assess_temporary_path
        [[maybe_unused]] const auto a = tariff::try_assess(make_path(), base, policy);
#else
        [[maybe_unused]] const auto a = tariff::try_assess(mfn, base, policy);
#endif
    }
    {
#ifdef CASE_assess_into_temporary_path
        tariff::assess_into(out, make_path(), base, policy);
#else
        tariff::assess_into(out, mfn, base, policy);
#endif
    }
    {
#ifdef CASE_try_assess_into_temporary_path
        [[maybe_unused]] const auto r = tariff::try_assess_into(out, make_path(), base, policy);
#else
        [[maybe_unused]] const auto r = tariff::try_assess_into(out, mfn, base, policy);
#endif
    }
    {
#ifdef CASE_compare_temporary_first_path
        [[maybe_unused]] const auto c = tariff::compare(make_path(), mfn, base, policy);
#else
        [[maybe_unused]] const auto c = tariff::compare(mfn, mfn, base, policy);
#endif
    }
    {
#ifdef CASE_compare_temporary_second_path
        [[maybe_unused]] const auto c = tariff::compare(mfn, make_path(), base, policy);
#else
        [[maybe_unused]] const auto c = tariff::compare(mfn, mfn, base, policy);
#endif
    }
}
