// bench/duty_bench.cpp: the cost of exact duty arithmetic.
//
// One million customs entries, generated deterministically, each with a value
// in CAD (100.00 to 200,000.00, in cents) and a mass (1.000 to 50,000.000 kg,
// in grams). Two duties, each rounded to the cent with half-even rounding and
// summed, computed three ways:
//
//   library       tariff::money / tariff::quantity and the library's rates;
//   hand-written  what a careful engineer writes without the library: int64
//                 minor units, the rate as an integer, overflow-checked
//                 products, half-even division written by hand;
//   double        the naive baseline: binary floating point and std::round
//                 (which rounds half away from zero, and is inexact anyway).
//
// Every variant reads a prebuilt input vector, writes each entry's duty into a
// preallocated output vector of its own result type (money<CAD>, int64 cents,
// double dollars) and returns the sum. Before timing, the library and the
// hand-written code are checked to agree entry by entry and in total (its
// program exits with an error if they do not); the double variant's
// difference is printed as a warning.
//
// The hand-written code is written the way such code usually is: the rounding
// decision is an `if`. The library forms it without a branch (its
// rounding, include/tariff/detail/integer.hpp); on these data, where the digit that decides the
// rounding is random, that alone is worth several ns per entry (bench/README.md).
// A diagnostic fourth variant, hand_written_branch_free, is the hand-written
// code with the decision formed the same way, to show how much that is.
//
// After the Google Benchmark output, a summary prints library / hand-written
// and double / hand-written ratios of the real (wall-clock) time per
// iteration, and of the CPU time (steadier on a shared machine), each the
// median aggregate when --benchmark_repetitions is used. All --benchmark_*
// flags are accepted.

#include <benchmark/benchmark.h>

#include <tariff/tariff.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using cad = tariff::money<tariff::CAD>;
using kilograms = tariff::quantity<tariff::units::kilogram>;

constexpr std::size_t entry_count = 1'000'000;
constexpr std::uint64_t seed = 20'240'601;

// ---------------------------------------------------------------------------
// Input

struct dataset {
    // The same entries in each variant's natural representation.
    std::vector<std::int64_t> value_cents;
    std::vector<std::int64_t> mass_grams;
    std::vector<cad> values;
    std::vector<kilograms> masses;
    std::vector<double> value_dollars;
    std::vector<double> mass_kg;
};

// lo..hi inclusive. Plain modulo on the raw mt19937_64 output (whose sequence
// the standard specifies) rather than std::uniform_int_distribution (whose
// algorithm it does not), so the entries are the same with every standard
// library. The modulo bias, below 2^-40 here, does not matter.
std::int64_t draw(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
}

dataset make_dataset() {
    dataset d;
    std::mt19937_64 rng(seed);
    d.value_cents.reserve(entry_count);
    d.mass_grams.reserve(entry_count);
    for (std::size_t i = 0; i < entry_count; ++i) {
        d.value_cents.push_back(draw(rng, 100'00, 200'000'00)); // CAD 100.00 .. 200,000.00
        d.mass_grams.push_back(draw(rng, 1'000, 50'000'000));   // 1.000 .. 50,000.000 kg
    }
    d.values.reserve(entry_count);
    d.masses.reserve(entry_count);
    d.value_dollars.reserve(entry_count);
    d.mass_kg.reserve(entry_count);
    for (std::size_t i = 0; i < entry_count; ++i) {
        d.values.push_back(cad::from_minor_units(d.value_cents[i]));
        d.masses.push_back(kilograms(tariff::decimal::from_parts(d.mass_grams[i], 3)));
        d.value_dollars.push_back(static_cast<double>(d.value_cents[i]) / 100.0);
        d.mass_kg.push_back(static_cast<double>(d.mass_grams[i]) / 1000.0);
    }
    return d;
}

const dataset& data() {
    static const dataset d = make_dataset();
    return d;
}

// ---------------------------------------------------------------------------
// The kernels. Kept out of line so that each is one function in a profile or
// a disassembly, and the benchmark and the verification run the same code.

// (a) The library.
[[gnu::noinline]] cad library_ad_valorem(const std::vector<cad>& values, std::vector<cad>& duties) {
    using namespace tariff::literals;
    constexpr auto rate = 6.1_pct;
    cad total{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const cad duty = tariff::round(rate(values[i]), tariff::rounding::half_even);
        duties[i] = duty;
        total += duty;
    }
    return total;
}

[[gnu::noinline]] cad library_specific(const std::vector<kilograms>& masses,
                                       std::vector<cad>& duties) {
    using namespace tariff::literals;
    constexpr auto rate = 5.33_CAD / tariff::kg;
    cad total{};
    for (std::size_t i = 0; i < masses.size(); ++i) {
        const cad duty = tariff::round(rate(masses[i]), tariff::rounding::half_even);
        duties[i] = duty;
        total += duty;
    }
    return total;
}

// (b) Hand-written. num / Den rounded to the nearest integer, ties to even,
// correct for either sign of num (C++ division truncates toward zero and the
// remainder takes the sign of num).
template <std::int64_t Den>
constexpr std::int64_t divide_half_even(std::int64_t num) noexcept {
    static_assert(Den > 0 && Den <= (INT64_MAX / 2));
    std::int64_t q = num / Den;
    const std::int64_t r = num % Den;
    const std::int64_t twice_rem = 2 * (r < 0 ? -r : r); // < 2 * Den: cannot overflow
    if (twice_rem > Den || (twice_rem == Den && (q & 1) != 0))
        q += num < 0 ? -1 : 1;
    return q;
}
static_assert(divide_half_even<10>(25) == 2 && divide_half_even<10>(35) == 4);
static_assert(divide_half_even<10>(-25) == -2 && divide_half_even<10>(-35) == -4);
static_assert(divide_half_even<10>(26) == 3 && divide_half_even<10>(-26) == -3);
static_assert(divide_half_even<10>(24) == 2 && divide_half_even<10>(-24) == -2);
static_assert(divide_half_even<10>(-5) == 0 && divide_half_even<10>(-15) == -2);

// Diagnostic only: the same rounding with the decision added as 0 or 1 rather
// than branched on, as the library does. Not what the brief's "hand-written"
// is; it shows how much of the difference is that one branch.
template <std::int64_t Den>
constexpr std::int64_t divide_half_even_branch_free(std::int64_t num) noexcept {
    static_assert(Den > 0 && Den <= (INT64_MAX / 2));
    const std::int64_t q = num / Den;
    const std::int64_t r = num % Den;
    const std::int64_t twice_rem = 2 * (r < 0 ? -r : r);
    const std::int64_t up =
        std::int64_t{twice_rem > Den} | (std::int64_t{twice_rem == Den} & q & 1);
    return q + (num < 0 ? -up : up);
}
static_assert(divide_half_even_branch_free<10>(25) == 2);
static_assert(divide_half_even_branch_free<10>(-35) == -4);
static_assert(divide_half_even_branch_free<10>(-26) == -3);
static_assert(divide_half_even_branch_free<10>(-15) == -2);

template <std::int64_t Den, bool BranchFree>
constexpr std::int64_t hand_round(std::int64_t num) noexcept {
    if constexpr (BranchFree)
        return divide_half_even_branch_free<Den>(num);
    else
        return divide_half_even<Den>(num);
}

template <bool BranchFree = false>
[[gnu::noinline]] std::int64_t hand_ad_valorem(const std::vector<std::int64_t>& value_cents,
                                               std::vector<std::int64_t>& duty_cents) {
    constexpr std::int64_t rate_ppm = 61'000; // 6.1 % in parts per million
    std::int64_t total = 0;
    for (std::size_t i = 0; i < value_cents.size(); ++i) {
        std::int64_t product; // cents * 10^-6
        if (__builtin_mul_overflow(value_cents[i], rate_ppm, &product))
            throw std::overflow_error("ad valorem duty: value * rate overflows");
        const std::int64_t duty = hand_round<1'000'000, BranchFree>(product);
        duty_cents[i] = duty;
        if (__builtin_add_overflow(total, duty, &total))
            throw std::overflow_error("ad valorem duty: total overflows");
    }
    return total;
}

template <bool BranchFree = false>
[[gnu::noinline]] std::int64_t hand_specific(const std::vector<std::int64_t>& mass_grams,
                                             std::vector<std::int64_t>& duty_cents) {
    constexpr std::int64_t cents_per_kg = 533; // CAD 5.33 per kg
    std::int64_t total = 0;
    for (std::size_t i = 0; i < mass_grams.size(); ++i) {
        std::int64_t product; // cents * 10^-3
        if (__builtin_mul_overflow(mass_grams[i], cents_per_kg, &product))
            throw std::overflow_error("specific duty: mass * rate overflows");
        const std::int64_t duty = hand_round<1'000, BranchFree>(product);
        duty_cents[i] = duty;
        if (__builtin_add_overflow(total, duty, &total))
            throw std::overflow_error("specific duty: total overflows");
    }
    return total;
}

// (c) Naive double: rounds half away from zero, on an inexact product.
[[gnu::noinline]] double double_ad_valorem(const std::vector<double>& value_dollars,
                                           std::vector<double>& duties) {
    double total = 0;
    for (std::size_t i = 0; i < value_dollars.size(); ++i) {
        const double duty = std::round(value_dollars[i] * 0.061 * 100) / 100;
        duties[i] = duty;
        total += duty;
    }
    return total;
}

[[gnu::noinline]] double double_specific(const std::vector<double>& mass_kg,
                                         std::vector<double>& duties) {
    double total = 0;
    for (std::size_t i = 0; i < mass_kg.size(); ++i) {
        const double duty = std::round(mass_kg[i] * 5.33 * 100) / 100;
        duties[i] = duty;
        total += duty;
    }
    return total;
}

// ---------------------------------------------------------------------------
// Verification (once, before timing)

std::string format_cents(std::int64_t cents) {
    char buf[64];
    const std::uint64_t m =
        cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", cents < 0 ? "-" : "",
                  static_cast<unsigned long long>(m / 100),
                  static_cast<unsigned long long>(m % 100));
    return buf;
}

std::int64_t double_to_cents(double dollars) {
    return std::llround(dollars * 100.0);
}

// Returns false if the library, the hand-written code and its branch-free
// form do not all agree.
template <class LibraryKernel, class HandKernel, class DoubleKernel, class LibIn, class DblIn>
bool verify(const char* what, LibraryKernel library, const std::vector<LibIn>& library_in,
            HandKernel hand, HandKernel hand_branch_free, const std::vector<std::int64_t>& hand_in,
            DoubleKernel naive, const std::vector<DblIn>& double_in) {
    std::vector<cad> library_out(entry_count);
    std::vector<std::int64_t> hand_out(entry_count), branch_free_out(entry_count);
    std::vector<double> double_out(entry_count);
    const std::int64_t library_total = library(library_in, library_out).minor_units();
    const std::int64_t hand_total = hand(hand_in, hand_out);
    const std::int64_t branch_free_total = hand_branch_free(hand_in, branch_free_out);
    const std::int64_t double_total = double_to_cents(naive(double_in, double_out));

    std::size_t library_mismatches = 0, double_mismatches = 0;
    std::size_t first_mismatch = entry_count;
    for (std::size_t i = 0; i < entry_count; ++i) {
        if (library_out[i].minor_units() != hand_out[i] || branch_free_out[i] != hand_out[i]) {
            if (library_mismatches++ == 0)
                first_mismatch = i;
        }
        if (double_to_cents(double_out[i]) != hand_out[i])
            ++double_mismatches;
    }
    if (branch_free_total != hand_total) {
        std::fprintf(stderr, "error: %s: the two hand-written forms disagree\n", what);
        return false;
    }
    if (library_total != hand_total || library_mismatches != 0) {
        std::fprintf(stderr,
                     "error: %s: library and hand-written disagree: totals CAD %s vs CAD %s, "
                     "%zu of %zu entries differ",
                     what, format_cents(library_total).c_str(), format_cents(hand_total).c_str(),
                     library_mismatches, entry_count);
        if (library_mismatches != 0)
            std::fprintf(stderr, " (first: entry %zu, CAD %s vs CAD %s)", first_mismatch,
                         format_cents(library_out[first_mismatch].minor_units()).c_str(),
                         format_cents(hand_out[first_mismatch]).c_str());
        std::fprintf(stderr, "\n");
        return false;
    }
    std::printf("verified: %-10s library == hand-written: total CAD %s over %zu entries\n", what,
                format_cents(hand_total).c_str(), entry_count);
    if (double_total != hand_total || double_mismatches != 0)
        std::printf("warning:  %-10s naive double total CAD %s differs from the exact total by "
                    "CAD %s (%zu of %zu entries differ by at least a cent; expected)\n",
                    what, format_cents(double_total).c_str(),
                    format_cents(double_total - hand_total).c_str(), double_mismatches,
                    entry_count);
    else
        std::printf("note:     %-10s naive double agrees with the exact result on this data\n",
                    what);
    return true;
}

// ---------------------------------------------------------------------------
// Benchmarks

template <class Out, class In, class Kernel>
void run_kernel(benchmark::State& state, const std::vector<In>& in, Kernel kernel) {
    std::vector<Out> out(in.size()); // allocated and touched before timing
    benchmark::DoNotOptimize(out.data());
    for (auto _ : state) {
        auto total = kernel(in, out);
        benchmark::DoNotOptimize(total);
        benchmark::ClobberMemory(); // the duties written to `out` count as used
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.size()));
}

constexpr const char* ad_valorem_library = "ad_valorem/library";
constexpr const char* ad_valorem_hand = "ad_valorem/hand_written";
constexpr const char* ad_valorem_double = "ad_valorem/double";
constexpr const char* ad_valorem_branch_free = "ad_valorem/hand_written_branch_free";
constexpr const char* specific_library = "specific/library";
constexpr const char* specific_hand = "specific/hand_written";
constexpr const char* specific_double = "specific/double";
constexpr const char* specific_branch_free = "specific/hand_written_branch_free";

void register_benchmarks() {
    benchmark::RegisterBenchmark(ad_valorem_library, [](benchmark::State& s) {
        run_kernel<cad>(s, data().values, library_ad_valorem);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(ad_valorem_hand, [](benchmark::State& s) {
        run_kernel<std::int64_t>(s, data().value_cents, hand_ad_valorem<>);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(ad_valorem_double, [](benchmark::State& s) {
        run_kernel<double>(s, data().value_dollars, double_ad_valorem);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(ad_valorem_branch_free, [](benchmark::State& s) {
        run_kernel<std::int64_t>(s, data().value_cents, hand_ad_valorem<true>);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(specific_library, [](benchmark::State& s) {
        run_kernel<cad>(s, data().masses, library_specific);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(specific_hand, [](benchmark::State& s) {
        run_kernel<std::int64_t>(s, data().mass_grams, hand_specific<>);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(specific_double, [](benchmark::State& s) {
        run_kernel<double>(s, data().mass_kg, double_specific);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(specific_branch_free, [](benchmark::State& s) {
        run_kernel<std::int64_t>(s, data().mass_grams, hand_specific<true>);
    })->Unit(benchmark::kMillisecond);
}

// ---------------------------------------------------------------------------
// Reporting

// The console output, plus a record of each benchmark's real (wall-clock) and
// CPU time per iteration: the median aggregate if there is one
// (--benchmark_repetitions), otherwise the median of its individual runs.
struct timing {
    double real = 0; // seconds per iteration
    double cpu = 0;
};

class recording_reporter : public benchmark::ConsoleReporter {
public:
    using benchmark::ConsoleReporter::ConsoleReporter;

    void ReportRuns(const std::vector<Run>& runs) override {
        benchmark::ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred || run.iterations <= 0)
                continue;
            const double n = static_cast<double>(run.iterations);
            const timing t{run.real_accumulated_time / n, run.cpu_accumulated_time / n};
            const std::string& name = run.run_name.function_name;
            if (run.run_type == Run::RT_Iteration)
                samples_[name].push_back(t);
            else if (run.aggregate_name == "median" && run.aggregate_unit == benchmark::kTime)
                medians_[name] = t;
        }
    }

    std::optional<timing> per_iteration(const std::string& name) const {
        if (const auto m = medians_.find(name); m != medians_.end())
            return m->second;
        const auto s = samples_.find(name);
        if (s == samples_.end() || s->second.empty())
            return std::nullopt;
        return timing{median(s->second, &timing::real), median(s->second, &timing::cpu)};
    }
    bool used_median_aggregate() const { return !medians_.empty(); }

private:
    static double median(const std::vector<timing>& ts, double timing::*field) {
        std::vector<double> v;
        for (const timing& t : ts)
            v.push_back(t.*field);
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    std::map<std::string, std::vector<timing>> samples_;
    std::map<std::string, timing> medians_;
};

void print_summary(const recording_reporter& r) {
    using field = double timing::*;
    const auto ns_per_entry = [](std::optional<timing> t, field f) -> std::string {
        if (!t)
            return "n/a";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", (*t).*f * 1e9 / static_cast<double>(entry_count));
        return buf;
    };
    const auto ratio = [](std::optional<timing> a, std::optional<timing> b,
                          field f) -> std::string {
        if (!a || !b || (*b).*f <= 0)
            return "n/a";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", (*a).*f / (*b).*f);
        return buf;
    };
    struct row {
        const char* title;
        const char* key;
        const char* library;
        const char* hand;
        const char* naive;
        const char* branch_free;
    };
    const row rows[] = {
        {"ad valorem", "ad_valorem", ad_valorem_library, ad_valorem_hand, ad_valorem_double,
         ad_valorem_branch_free},
        {"specific", "specific", specific_library, specific_hand, specific_double,
         specific_branch_free},
    };

    std::printf("\nSummary (%zu entries per iteration; %s)\n", entry_count,
                r.used_median_aggregate() ? "median of the repetitions" : "one run each");
    std::printf("ns per entry     library     hand   double  hand, branch-free (diagnostic)\n");
    for (const char* kind : {"real", "CPU"}) {
        const field f = kind[0] == 'r' ? &timing::real : &timing::cpu;
        for (const row& x : rows)
            std::printf("%-10s %4s %8s %8s %8s %8s\n", x.title, kind,
                        ns_per_entry(r.per_iteration(x.library), f).c_str(),
                        ns_per_entry(r.per_iteration(x.hand), f).c_str(),
                        ns_per_entry(r.per_iteration(x.naive), f).c_str(),
                        ns_per_entry(r.per_iteration(x.branch_free), f).c_str());
    }
    std::printf("\nRatios of real time (of CPU time in brackets):\n");
    for (const row& x : rows) {
        const auto lib = r.per_iteration(x.library), hand = r.per_iteration(x.hand),
                   dbl = r.per_iteration(x.naive), bf = r.per_iteration(x.branch_free);
        std::printf("%s: library / hand-written = %s  (%s)\n", x.title,
                    ratio(lib, hand, &timing::real).c_str(),
                    ratio(lib, hand, &timing::cpu).c_str());
        std::printf("%s: double / hand-written = %s  (%s)\n", x.title,
                    ratio(dbl, hand, &timing::real).c_str(),
                    ratio(dbl, hand, &timing::cpu).c_str());
        std::printf("%s: library / hand-written branch-free = %s  (%s)  [diagnostic]\n", x.title,
                    ratio(lib, bf, &timing::real).c_str(), ratio(lib, bf, &timing::cpu).c_str());
    }
    // The sizes of what the kernels read and write (the hand-written code: 8
    // bytes an amount).
    std::printf("\nsizeof (bytes)\n");
    std::printf("  %-40s %6zu\n", "money<CAD> (coefficient + scale)", sizeof(cad));
    std::printf("  %-40s %6zu\n", "quantity<kilogram>",
                sizeof(tariff::quantity<tariff::units::kilogram>));
    std::printf("  %-40s %6zu\n", "ad_valorem", sizeof(tariff::ad_valorem));
    std::printf("  %-40s %6zu\n", "specific_rate<CAD, kilogram>",
                sizeof(tariff::specific_rate<tariff::CAD, tariff::units::kilogram>));
    // Last, one line per workload (issue 10): library / the branch-free
    // hand-written code, by CPU time (the median aggregate with repetitions).
    std::printf("\n");
    for (const row& x : rows)
        std::printf("ratio %s = %s\n", x.key,
                    ratio(r.per_iteration(x.library), r.per_iteration(x.branch_free), &timing::cpu)
                        .c_str());
}

// Google Benchmark's own console colouring rule (colour on a terminal unless
// --benchmark_color says otherwise), read from argv before Initialize()
// consumes the flags, since the library does not expose its flag values.
benchmark::ConsoleReporter::OutputOptions console_options(int argc, char** argv) {
    bool color = isatty(STDOUT_FILENO) != 0;
    bool tabular = false;
    const auto truthy = [](std::string_view v) {
        return v == "true" || v == "yes" || v == "1" || v == "on";
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        constexpr std::string_view color_flag = "--benchmark_color=";
        constexpr std::string_view tabular_flag = "--benchmark_counters_tabular";
        if (arg.substr(0, color_flag.size()) == color_flag) {
            const auto v = arg.substr(color_flag.size());
            color = v == "auto" ? isatty(STDOUT_FILENO) != 0 : truthy(v);
        } else if (arg == tabular_flag) {
            tabular = true;
        } else if (arg.substr(0, tabular_flag.size() + 1) == std::string(tabular_flag) + "=") {
            tabular = truthy(arg.substr(tabular_flag.size() + 1));
        }
    }
    int options = benchmark::ConsoleReporter::OO_None;
    if (color)
        options |= benchmark::ConsoleReporter::OO_Color;
    if (tabular)
        options |= benchmark::ConsoleReporter::OO_Tabular;
    return static_cast<benchmark::ConsoleReporter::OutputOptions>(options);
}

} // namespace

int main(int argc, char** argv) {
    const auto options = console_options(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    const dataset& d = data();
    const bool ok =
        verify("ad valorem", library_ad_valorem, d.values, hand_ad_valorem<false>,
               hand_ad_valorem<true>, d.value_cents, double_ad_valorem, d.value_dollars) &&
        verify("specific", library_specific, d.masses, hand_specific<false>, hand_specific<true>,
               d.mass_grams, double_specific, d.mass_kg);
    if (!ok) {
        std::fprintf(stderr, "error: the library's results are wrong; not benchmarking\n");
        return 1;
    }
    std::printf("\n");
    std::fflush(stdout);

    register_benchmarks();
    recording_reporter reporter(options);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    print_summary(reporter);
    return 0;
}
