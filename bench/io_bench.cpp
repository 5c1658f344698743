// bench/io_bench.cpp: the cost of writing money as text.
//
// One million CAD amounts, generated deterministically (whole cents from
// -10,000,000.00 to 100,000,000,000.00, so 1 to 12 integer digits with up to
// three grouping commas), each written one per line into one preallocated
// buffer, two ways:
//
//   library       tariff::to_chars(p, last, money<CAD>) (tariff/to_chars.hpp);
//   hand-written  what a careful engineer writes without the library for int64
//                 cents: digits into a small stack buffer back to front, the
//                 grouping commas, then one bounds check and one memcpy; no
//                 snprintf, no heap.
//
// Before timing, both are checked to write the same bytes (the program exits
// with an error if they do not). After the Google Benchmark output, the last
// line is
//     ratio money to_chars = <library ÷ hand-written>
// of the CPU time per iteration (the median aggregate with
// --benchmark_repetitions, else the median of the runs). All --benchmark_*
// flags are accepted.

#include <benchmark/benchmark.h>

#include <tariff/tariff.hpp>
#include <tariff/to_chars.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using cad = tariff::money<tariff::CAD>;

constexpr std::size_t entry_count = 1'000'000;
constexpr std::uint64_t seed = 20'261'201;

struct dataset {
    std::vector<std::int64_t> cents;
    std::vector<cad> amounts;
};

// lo..hi inclusive: plain modulo on mt19937_64's output (whose sequence the
// standard specifies), so the data are the same with every standard library.
std::int64_t draw(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
}

const dataset& data() {
    static const dataset d = [] {
        dataset out;
        std::mt19937_64 rng(seed);
        out.cents.reserve(entry_count);
        out.amounts.reserve(entry_count);
        for (std::size_t i = 0; i < entry_count; ++i) {
            // Magnitudes spread over the digit counts: 10^k cents, k in 0..13.
            const int k = static_cast<int>(draw(rng, 0, 13));
            std::int64_t hi = 1;
            for (int j = 0; j < k; ++j)
                hi *= 10;
            std::int64_t c = draw(rng, 0, hi);
            if (k <= 9 && draw(rng, 0, 4) == 0)
                c = -c; // some refunds
            out.cents.push_back(c);
            out.amounts.push_back(cad(tariff::decimal::from_parts(c, 2)));
        }
        return out;
    }();
    return d;
}

// "CAD -1,234.50": returns one past the last character, or nullptr if the
// text does not fit in [p, last).
char* hand_write(char* p, char* last, std::int64_t cents) {
    char tmp[40];
    char* const end = tmp + sizeof tmp;
    char* q = end;
    // The magnitude in unsigned arithmetic: no overflow even for INT64_MIN.
    std::uint64_t m =
        cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    const auto frac = static_cast<unsigned>(m % 100);
    std::uint64_t whole = m / 100;
    *--q = static_cast<char>('0' + frac % 10);
    *--q = static_cast<char>('0' + frac / 10);
    *--q = '.';
    int n = 0;
    do {
        if (n != 0 && n % 3 == 0)
            *--q = ',';
        *--q = static_cast<char>('0' + whole % 10);
        whole /= 10;
        ++n;
    } while (whole != 0);
    if (cents < 0)
        *--q = '-';
    const auto digits = static_cast<std::size_t>(end - q);
    if (static_cast<std::size_t>(last - p) < 4 + digits)
        return nullptr;
    std::memcpy(p, "CAD ", 4);
    std::memcpy(p + 4, q, digits);
    return p + 4 + digits;
}

// One value per line; the bytes written.
std::size_t library_all(const std::vector<cad>& in, char* out, char* last) {
    char* p = out;
    for (const cad& v : in) {
        const auto r = tariff::to_chars(p, last, v);
        if (r.ec != std::errc{} || r.ptr == last)
            return 0;
        p = r.ptr;
        *p++ = '\n';
    }
    return static_cast<std::size_t>(p - out);
}
std::size_t hand_all(const std::vector<std::int64_t>& in, char* out, char* last) {
    char* p = out;
    for (const std::int64_t c : in) {
        p = hand_write(p, last, c);
        if (p == nullptr || p == last)
            return 0;
        *p++ = '\n';
    }
    return static_cast<std::size_t>(p - out);
}

std::vector<char>& buffer() {
    static std::vector<char> b(entry_count * (tariff::max_chars<cad> + 1));
    return b;
}

bool verify() {
    const dataset& d = data();
    std::vector<char> a(buffer().size()), b(buffer().size());
    const std::size_t na = library_all(d.amounts, a.data(), a.data() + a.size());
    const std::size_t nb = hand_all(d.cents, b.data(), b.data() + b.size());
    if (na == 0 || na != nb || std::memcmp(a.data(), b.data(), na) != 0) {
        std::fprintf(stderr, "error: the library and the hand-written code differ\n");
        return false;
    }
    std::printf("verified: %zu values, %zu bytes, the same from both\n", d.cents.size(), na);
    return true;
}

constexpr const char* library_name = "money_to_chars/library";
constexpr const char* hand_name = "money_to_chars/hand_written";

void register_benchmarks() {
    benchmark::RegisterBenchmark(library_name, [](benchmark::State& s) {
        const dataset& d = data();
        std::vector<char>& b = buffer();
        for (auto _ : s)
            benchmark::DoNotOptimize(library_all(d.amounts, b.data(), b.data() + b.size()));
        s.SetItemsProcessed(s.iterations() * static_cast<std::int64_t>(entry_count));
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(hand_name, [](benchmark::State& s) {
        const dataset& d = data();
        std::vector<char>& b = buffer();
        for (auto _ : s)
            benchmark::DoNotOptimize(hand_all(d.cents, b.data(), b.data() + b.size()));
        s.SetItemsProcessed(s.iterations() * static_cast<std::int64_t>(entry_count));
    })->Unit(benchmark::kMillisecond);
}

// The console output, plus each benchmark's CPU time per iteration: the
// median aggregate if there is one, else the median of its runs.
class recording_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        benchmark::ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred || run.iterations <= 0)
                continue;
            const double cpu = run.cpu_accumulated_time / static_cast<double>(run.iterations);
            const std::string& name = run.run_name.function_name;
            if (run.run_type == Run::RT_Iteration)
                samples_[name].push_back(cpu);
            else if (run.aggregate_name == "median" && run.aggregate_unit == benchmark::kTime)
                medians_[name] = cpu;
        }
    }
    double cpu_per_iteration(const std::string& name) const {
        if (const auto m = medians_.find(name); m != medians_.end())
            return m->second;
        const auto s = samples_.find(name);
        if (s == samples_.end() || s->second.empty())
            return 0;
        std::vector<double> v = s->second;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

private:
    std::map<std::string, std::vector<double>> samples_;
    std::map<std::string, double> medians_;
};

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    if (!verify())
        return 1;
    std::fflush(stdout);
    register_benchmarks();
    recording_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const double lib = reporter.cpu_per_iteration(library_name);
    const double hand = reporter.cpu_per_iteration(hand_name);
    std::printf("\nCPU ns per value: library %.2f, hand-written %.2f\n",
                lib * 1e9 / static_cast<double>(entry_count),
                hand * 1e9 / static_cast<double>(entry_count));
    std::printf("\nsizeof (bytes)\n  %-40s %6zu\n  %-40s %6zu\n\n",
                "money<CAD> (the library's amount)", sizeof(cad),
                "std::int64_t (the hand-written amount)", sizeof(std::int64_t));
    if (lib > 0 && hand > 0)
        std::printf("ratio money to_chars = %.2f\n", lib / hand);
    else
        std::printf("ratio money to_chars = n/a\n");
    return 0;
}
