// bench/assessment_bench.cpp: the cost of compound duty expressions and of a
// full assessment.
//
// Two workloads over one million deterministically generated entries:
//
//   cheese floor  Canada's over-access cheese, Customs Tariff 0406.40.20:
//                 "245.5 % but not less than $5.33/kg", i.e.
//                 at_least(245.5_pct, 5.33_CAD / tariff::kg). Values CAD
//                 100.00 to 200,000.00 (in cents), masses 1.000 to
//                 50,000.000 kg (in grams): the same entries as
//                 duty_bench.cpp. Per entry the expression is evaluated on
//                 tariff::duty_base(value).with(mass) and rounded to the cent,
//                 half even; the duties are summed. Three variants:
//                   library (typed)    the constexpr expression, whose type
//                                      records that it needs a mass;
//                   library (runtime)  the same expression held as a
//                                      tariff::duty_expression<tariff::CAD>
//                                      in a table built at run time, as a
//                                      schedule would hold it;
//                   hand-written       int64 cents, the rate in parts per
//                                      million, cents per kg times grams,
//                                      overflow-checked products, the larger
//                                      of the two exact amounts at a common
//                                      scale, half-even division by hand.
//
//   EV assess     one Chinese-made electric vehicle into Canada on the
//                 standard path of examples/ev_paths.cpp: MFN 6.1 %, China
//                 surtax 100 %, GST 5 % of the value plus both duties; each
//                 component rounded to the cent, half even. Values CAD
//                 20,000.00 to 120,000.00. The totals are summed. Variants:
//                   library            tariff::assess(path, base, policy), the path
//                                      held in a table built at run time;
//                   library, in place  tariff::assess_into(out, path, base,
//                                      policy) into one assessment, reused;
//                   hand-written       the same three components in int64
//                                      cents, each rounded half even.
//
// Every variant reads a prebuilt input vector, writes each entry's result into
// a preallocated output vector (money<CAD> or int64 cents) and returns the
// sum. Before timing, every library variant is checked against the
// hand-written code entry by entry and in total; the program exits with an
// error if they disagree.
//
// After the Google Benchmark output, a summary prints library / hand-written
// ratios of the time per iteration (the median aggregate when
// --benchmark_repetitions is used), by real time as duty_bench.cpp does and
// by CPU time, which a busy machine disturbs less; then the sizeof table of
// the values involved, and last one line per workload, `ratio <workload> =
// <library / hand-written>` by CPU time. All --benchmark_* flags are accepted.

#include <benchmark/benchmark.h>

#include <tariff/assessment.hpp>
#include <tariff/tariff.hpp>

#include <unistd.h>

#include <algorithm>
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

using namespace tariff::literals;
using tariff::CAD;
using cad = tariff::money<CAD>;
using kilograms = tariff::quantity<tariff::units::kilogram>;

constexpr std::size_t entry_count = 1'000'000;
constexpr std::uint64_t cheese_seed = 20'240'601; // duty_bench.cpp's seed: the same entries
constexpr std::uint64_t ev_seed = 20'241'001;

// ---------------------------------------------------------------------------
// The schedule

// Customs Tariff 0406.40.20, over access commitment: "245.5 % but not less
// than $5.33/kg". Its type, duty_expression<CAD, mass::bit>, says it needs a
// mass.
constexpr auto over_access = at_least(245.5_pct, 5.33_CAD / tariff::kg);

// Customs Tariff 8703.80.00: MFN 6.1 %; the China surtax, 100 % of the value
// for duty (SOR/2024-187 s.3); GST, 5 % of the value for duty plus all duties
// (Excise Tax Act s.215). As in examples/ev_paths.cpp.
constexpr tariff::tariff_line<CAD, 2> ev_line{
    tariff::hs_code("8703.80.00"), "Electric passenger motor vehicles",
    tariff::unit_info_of<tariff::units::each>, 6.1_pct, "Customs Tariff 8703.80.00"};
constexpr tariff::tax_component<CAD> gst{"GST", "Excise Tax Act s.215", 5_pct};
constexpr auto ev =
    ev_line.with_treatment("standard (CN)", "CN",
                           ev_line.mfn_path("standard")
                               .with_duty("China surtax", "SOR/2024-187 s.3", 100_pct)
                               .with_tax(gst));

// What a program that loads its schedule holds: expressions and paths in
// tables filled at run time, which the compiler cannot see through.
struct schedule {
    std::vector<tariff::duty_expression<CAD>> expressions;
    std::vector<tariff::duty_path<CAD>> paths;
};

const schedule& runtime_schedule() {
    static const schedule s = [] {
        schedule out;
        out.expressions.push_back(over_access); // widened to needs checked at run time
        out.paths.push_back(ev.path("standard (CN)"));
        return out;
    }();
    return s;
}

// ---------------------------------------------------------------------------
// Input

struct dataset {
    // Cheese entries, in each variant's natural representation.
    std::vector<std::int64_t> value_cents;
    std::vector<std::int64_t> mass_grams;
    std::vector<cad> values;
    std::vector<kilograms> masses;
    // Electric vehicles: value for duty.
    std::vector<std::int64_t> ev_value_cents;
    std::vector<cad> ev_values;
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
    std::mt19937_64 rng(cheese_seed);
    d.value_cents.reserve(entry_count);
    d.mass_grams.reserve(entry_count);
    for (std::size_t i = 0; i < entry_count; ++i) {
        d.value_cents.push_back(draw(rng, 100'00, 200'000'00)); // CAD 100.00 .. 200,000.00
        d.mass_grams.push_back(draw(rng, 1'000, 50'000'000));   // 1.000 .. 50,000.000 kg
    }
    std::mt19937_64 ev_rng(ev_seed);
    d.ev_value_cents.reserve(entry_count);
    for (std::size_t i = 0; i < entry_count; ++i)
        d.ev_value_cents.push_back(
            draw(ev_rng, 20'000'00, 120'000'00)); // CAD 20,000.00 .. 120,000.00

    d.values.reserve(entry_count);
    d.masses.reserve(entry_count);
    d.ev_values.reserve(entry_count);
    for (std::size_t i = 0; i < entry_count; ++i) {
        d.values.push_back(cad::from_minor_units(d.value_cents[i]));
        d.masses.push_back(kilograms(tariff::decimal::from_parts(d.mass_grams[i], 3)));
        d.ev_values.push_back(cad::from_minor_units(d.ev_value_cents[i]));
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

// --- cheese floor: the library ---

// (a) The typed constexpr expression.
[[gnu::noinline]] cad library_floor_typed(const std::vector<cad>& values,
                                          const std::vector<kilograms>& masses,
                                          std::vector<cad>& duties) {
    cad total{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto base = tariff::duty_base(values[i]).with(masses[i]);
        const cad duty = tariff::round(over_access(base), tariff::rounding::half_even);
        duties[i] = duty;
        total += duty;
    }
    return total;
}

// (b) The same expression held at run time.
[[gnu::noinline]] cad library_floor_runtime(const tariff::duty_expression<CAD>& expression,
                                            const std::vector<cad>& values,
                                            const std::vector<kilograms>& masses,
                                            std::vector<cad>& duties) {
    cad total{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto base = tariff::duty_base(values[i]).with(masses[i]);
        const cad duty = tariff::round(expression(base), tariff::rounding::half_even);
        duties[i] = duty;
        total += duty;
    }
    return total;
}

// --- hand-written helpers ---

// num / Den rounded to the nearest integer, ties to even, correct for either
// sign of num (C++ division truncates toward zero and the remainder takes the
// sign of num).
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

// cents * RatePpm / 10^6, rounded half even to the cent. Throws on overflow.
template <std::int64_t RatePpm>
std::int64_t ad_valorem_cents(std::int64_t cents, const char* what) {
    std::int64_t product; // cents * 10^-6
    if (__builtin_mul_overflow(cents, RatePpm, &product))
        throw std::overflow_error(what);
    return divide_half_even<1'000'000>(product);
}

std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what) {
    std::int64_t sum;
    if (__builtin_add_overflow(a, b, &sum))
        throw std::overflow_error(what);
    return sum;
}

// --- cheese floor: hand-written ---

// (c) 245.5 % of the value, but not less than CAD 5.33 per kg.
[[gnu::noinline]] std::int64_t hand_floor(const std::vector<std::int64_t>& value_cents,
                                          const std::vector<std::int64_t>& mass_grams,
                                          std::vector<std::int64_t>& duty_cents) {
    constexpr std::int64_t rate_ppm = 2'455'000;     // 245.5 % in parts per million
    constexpr std::int64_t floor_cents_per_kg = 533; // CAD 5.33 per kg
    std::int64_t total = 0;
    for (std::size_t i = 0; i < value_cents.size(); ++i) {
        std::int64_t ad_valorem; // cents * 10^-6
        if (__builtin_mul_overflow(value_cents[i], rate_ppm, &ad_valorem))
            throw std::overflow_error("cheese floor: value * rate overflows");
        std::int64_t specific; // cents * 10^-3 (grams * cents per kg)
        if (__builtin_mul_overflow(mass_grams[i], floor_cents_per_kg, &specific))
            throw std::overflow_error("cheese floor: mass * rate overflows");
        std::int64_t specific_micro; // cents * 10^-6, the ad valorem amount's scale
        if (__builtin_mul_overflow(specific, std::int64_t{1'000}, &specific_micro))
            throw std::overflow_error("cheese floor: specific amount overflows");
        const std::int64_t exact = std::max(ad_valorem, specific_micro);
        const std::int64_t duty = divide_half_even<1'000'000>(exact);
        duty_cents[i] = duty;
        total = checked_add(total, duty, "cheese floor: total overflows");
    }
    return total;
}

// --- EV assessment ---

// (a) The library: a full assessment per vehicle.
[[gnu::noinline]] cad library_ev(const tariff::duty_path<CAD>& path, const std::vector<cad>& values,
                                 std::vector<cad>& totals) {
    cad total{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto a = tariff::assess(path, tariff::duty_base(values[i]).with(1 * tariff::each),
                                      {tariff::rounding::half_even});
        totals[i] = a.total();
        total += a.total();
    }
    return total;
}

// (a') The library, in place: one assessment filled per vehicle
// (tariff::assess_into), no assessment returned by value.
[[gnu::noinline]] cad library_ev_into(const tariff::duty_path<CAD>& path,
                                      const std::vector<cad>& values, std::vector<cad>& totals) {
    cad total{};
    tariff::assessment<CAD> a;
    const tariff::rounding_policy<CAD> policy{tariff::rounding::half_even};
    for (std::size_t i = 0; i < values.size(); ++i) {
        tariff::assess_into(a, path, tariff::duty_base(values[i]).with(1 * tariff::each), policy);
        totals[i] = a.total();
        total += a.total();
    }
    return total;
}

// (b) Hand-written: MFN 6.1 %, surtax 100 %, GST 5 % of value + rounded
// duties; each rounded half even to the cent.
[[gnu::noinline]] std::int64_t hand_ev(const std::vector<std::int64_t>& value_cents,
                                       std::vector<std::int64_t>& total_cents) {
    constexpr std::int64_t mfn_ppm = 61'000;       // 6.1 %
    constexpr std::int64_t surtax_ppm = 1'000'000; // 100 %
    constexpr std::int64_t gst_ppm = 50'000;       // 5 %
    std::int64_t total = 0;
    for (std::size_t i = 0; i < value_cents.size(); ++i) {
        const std::int64_t value = value_cents[i];
        const std::int64_t mfn = ad_valorem_cents<mfn_ppm>(value, "EV: MFN overflows");
        const std::int64_t surtax = ad_valorem_cents<surtax_ppm>(value, "EV: surtax overflows");
        const std::int64_t duties = checked_add(mfn, surtax, "EV: duties overflow");
        const std::int64_t gst_base = checked_add(value, duties, "EV: GST base overflows");
        const std::int64_t gst = ad_valorem_cents<gst_ppm>(gst_base, "EV: GST overflows");
        const std::int64_t entry_total = checked_add(duties, gst, "EV: entry total overflows");
        total_cents[i] = entry_total;
        total = checked_add(total, entry_total, "EV: total overflows");
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

// Returns false if the library's results differ from the hand-written ones.
bool verify(const char* what, cad library_total, const std::vector<cad>& library_out,
            std::int64_t hand_total, const std::vector<std::int64_t>& hand_out) {
    std::size_t mismatches = 0;
    std::size_t first_mismatch = entry_count;
    for (std::size_t i = 0; i < entry_count; ++i) {
        if (library_out[i].minor_units() != hand_out[i]) {
            if (mismatches++ == 0)
                first_mismatch = i;
        }
    }
    const std::int64_t library_cents = library_total.minor_units();
    if (library_cents != hand_total || mismatches != 0) {
        std::fprintf(stderr,
                     "error: %s: library and hand-written disagree: totals CAD %s vs CAD %s, "
                     "%zu of %zu entries differ",
                     what, format_cents(library_cents).c_str(), format_cents(hand_total).c_str(),
                     mismatches, entry_count);
        if (mismatches != 0)
            std::fprintf(stderr, " (first: entry %zu, CAD %s vs CAD %s)", first_mismatch,
                         format_cents(library_out[first_mismatch].minor_units()).c_str(),
                         format_cents(hand_out[first_mismatch]).c_str());
        std::fprintf(stderr, "\n");
        return false;
    }
    std::printf("verified: %-24s library == hand-written: total CAD %s over %zu entries\n", what,
                format_cents(hand_total).c_str(), entry_count);
    return true;
}

bool verify_all() {
    const dataset& d = data();
    const schedule& s = runtime_schedule();
    std::vector<cad> library_out(entry_count);
    std::vector<std::int64_t> hand_out(entry_count);

    const std::int64_t floor_hand = hand_floor(d.value_cents, d.mass_grams, hand_out);
    // How often the floor decided the duty: both branches of the max are exercised.
    std::size_t floors = 0;
    for (std::size_t i = 0; i < entry_count; ++i)
        floors += d.mass_grams[i] * 533 * 1'000 > d.value_cents[i] * 2'455'000;
    const cad floor_typed = library_floor_typed(d.values, d.masses, library_out);
    if (!verify("cheese floor (typed)", floor_typed, library_out, floor_hand, hand_out))
        return false;
    std::fill(library_out.begin(), library_out.end(), cad{});
    const cad floor_runtime =
        library_floor_runtime(s.expressions.front(), d.values, d.masses, library_out);
    if (!verify("cheese floor (runtime)", floor_runtime, library_out, floor_hand, hand_out))
        return false;
    std::printf("          (the $5.33/kg floor applies to %zu of %zu entries)\n", floors,
                entry_count);

    const std::int64_t ev_hand = hand_ev(d.ev_value_cents, hand_out);
    std::fill(library_out.begin(), library_out.end(), cad{});
    const cad ev_library = library_ev(s.paths.front(), d.ev_values, library_out);
    if (!verify("EV assess", ev_library, library_out, ev_hand, hand_out))
        return false;
    std::fill(library_out.begin(), library_out.end(), cad{});
    const cad ev_into = library_ev_into(s.paths.front(), d.ev_values, library_out);
    return verify("EV assess_into", ev_into, library_out, ev_hand, hand_out);
}

// ---------------------------------------------------------------------------
// Benchmarks

template <class Out, class Kernel>
void run_kernel(benchmark::State& state, Kernel kernel) {
    std::vector<Out> out(entry_count); // allocated and touched before timing
    benchmark::DoNotOptimize(out.data());
    for (auto _ : state) {
        auto total = kernel(out);
        benchmark::DoNotOptimize(total);
        benchmark::ClobberMemory(); // the results written to `out` count as used
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entry_count));
}

constexpr const char* floor_typed = "cheese_floor/library_typed";
constexpr const char* floor_runtime = "cheese_floor/library_runtime";
constexpr const char* floor_hand = "cheese_floor/hand_written";
constexpr const char* ev_library = "ev_assess/library";
constexpr const char* ev_library_into = "ev_assess/library_assess_into";
constexpr const char* ev_hand = "ev_assess/hand_written";

void register_benchmarks() {
    benchmark::RegisterBenchmark(floor_typed, [](benchmark::State& s) {
        run_kernel<cad>(s, [](std::vector<cad>& out) {
            return library_floor_typed(data().values, data().masses, out);
        });
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(floor_runtime, [](benchmark::State& s) {
        const auto& expression = runtime_schedule().expressions.front();
        run_kernel<cad>(s, [&](std::vector<cad>& out) {
            return library_floor_runtime(expression, data().values, data().masses, out);
        });
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(floor_hand, [](benchmark::State& s) {
        run_kernel<std::int64_t>(s, [](std::vector<std::int64_t>& out) {
            return hand_floor(data().value_cents, data().mass_grams, out);
        });
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(ev_library, [](benchmark::State& s) {
        const auto& path = runtime_schedule().paths.front();
        run_kernel<cad>(
            s, [&](std::vector<cad>& out) { return library_ev(path, data().ev_values, out); });
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(ev_library_into, [](benchmark::State& s) {
        const auto& path = runtime_schedule().paths.front();
        run_kernel<cad>(
            s, [&](std::vector<cad>& out) { return library_ev_into(path, data().ev_values, out); });
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(ev_hand, [](benchmark::State& s) {
        run_kernel<std::int64_t>(
            s, [](std::vector<std::int64_t>& out) { return hand_ev(data().ev_value_cents, out); });
    })->Unit(benchmark::kMillisecond);
}

// ---------------------------------------------------------------------------
// Reporting

// The console output, plus a record of each benchmark's real and CPU time per
// iteration: the median aggregate if there is one (--benchmark_repetitions),
// otherwise the median of its individual runs.
class recording_reporter : public benchmark::ConsoleReporter {
public:
    using benchmark::ConsoleReporter::ConsoleReporter;

    enum clock { real_time, cpu_time };

    void ReportRuns(const std::vector<Run>& runs) override {
        benchmark::ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred || run.iterations <= 0)
                continue;
            const double iterations = static_cast<double>(run.iterations);
            const times t{run.real_accumulated_time / iterations,
                          run.cpu_accumulated_time / iterations};
            const std::string& name = run.run_name.function_name;
            if (run.run_type == Run::RT_Iteration)
                samples_[name].push_back(t);
            else if (run.aggregate_name == "median" && run.aggregate_unit == benchmark::kTime)
                medians_[name] = t;
        }
    }

    // Seconds per iteration by `which` clock.
    std::optional<double> seconds_per_iteration(const std::string& name, clock which) const {
        const auto pick = [which](const times& t) { return which == real_time ? t.real : t.cpu; };
        if (const auto m = medians_.find(name); m != medians_.end())
            return pick(m->second);
        const auto s = samples_.find(name);
        if (s == samples_.end() || s->second.empty())
            return std::nullopt;
        std::vector<double> v;
        for (const times& t : s->second)
            v.push_back(pick(t));
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    bool used_median_aggregate() const { return !medians_.empty(); }

private:
    struct times {
        double real;
        double cpu;
    };
    std::map<std::string, std::vector<times>> samples_;
    std::map<std::string, times> medians_;
};

void print_summary(const recording_reporter& r) {
    const auto ns_per_entry = [](std::optional<double> s) -> std::string {
        if (!s)
            return "n/a";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", *s * 1e9 / static_cast<double>(entry_count));
        return buf;
    };
    const auto ratio = [](std::optional<double> a, std::optional<double> b) -> std::string {
        if (!a || !b || *b <= 0)
            return "n/a";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", *a / *b);
        return buf;
    };
    struct row {
        const char* title;
        const char* key;
        const char* library;
        const char* hand;
    };
    const row rows[] = {
        {"cheese floor, typed expression", "cheese_floor_typed", floor_typed, floor_hand},
        {"cheese floor, runtime expression", "cheese_floor_runtime", floor_runtime, floor_hand},
        {"EV assess (MFN + surtax + GST)", "ev_assess", ev_library, ev_hand},
        {"EV assess_into (in place)", "ev_assess_into", ev_library_into, ev_hand},
    };

    std::printf("\nSummary: time per iteration (%zu entries), %s\n", entry_count,
                r.used_median_aggregate() ? "median aggregate of the repetitions"
                                          : "single run (median if several)");
    using clock = recording_reporter::clock;
    for (const clock which : {clock::real_time, clock::cpu_time}) {
        std::printf("\n%-34s %12s %14s %16s\n",
                    which == clock::real_time ? "real time" : "CPU time", "library", "hand-written",
                    "library / hand");
        std::printf("%-34s %12s %14s\n", "", "ns/entry", "ns/entry");
        for (const row& x : rows) {
            const auto lib = r.seconds_per_iteration(x.library, which);
            const auto hand = r.seconds_per_iteration(x.hand, which);
            std::printf("%-34s %12s %14s %16s\n", x.title, ns_per_entry(lib).c_str(),
                        ns_per_entry(hand).c_str(), ratio(lib, hand).c_str());
        }
    }

    // What the values weigh (issue 10: watched here so that it does not grow
    // back). The EV line and its assessment are examples/ev_paths.cpp's.
    std::printf("\nsizeof (bytes)\n");
    const auto size_row = [](const char* what, std::size_t n) {
        std::printf("  %-44s %6zu\n", what, n);
    };
    size_row("duty_node", sizeof(tariff::duty_node));
    size_row("duty_expression<CAD> (run time, 9 nodes)", sizeof(tariff::duty_expression<CAD>));
    size_row("typed at_least(245.5_pct, 5.33_CAD / kg)", sizeof(over_access));
    size_row("duty_component<CAD>", sizeof(tariff::duty_component<CAD>));
    size_row("duty_path<CAD> (one pool of 16 nodes)", sizeof(tariff::duty_path<CAD>));
    size_row("tariff_line<CAD, 2> (the EV line)", sizeof(ev));
    size_row("tariff_line<CAD> (6 treatments)", sizeof(tariff::tariff_line<CAD>));
    size_row("assessment<CAD>", sizeof(tariff::assessment<CAD>));
    size_row("path_comparison<CAD>", sizeof(tariff::path_comparison<CAD>));
    size_row("quota_assessment<CAD>", sizeof(tariff::quota_assessment<CAD>));

    // Last, one line per workload: library / hand-written, by CPU time (the
    // median aggregate when there are repetitions).
    std::printf("\n");
    for (const row& x : rows)
        std::printf("ratio %s = %s\n", x.key,
                    ratio(r.seconds_per_iteration(x.library, clock::cpu_time),
                          r.seconds_per_iteration(x.hand, clock::cpu_time))
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

    if (!verify_all()) {
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
