#!/usr/bin/env bash
# tariff-calc on a million entries: its time against `wc -l` on the same file,
# and its peak memory at 100k and 1M entries (it should not grow).
#
#   bench/tariff_calc_bench.sh [TARIFF_CALC] [ENTRIES]
#
# TARIFF_CALC defaults to build/gcc/tools/tariff-calc/tariff-calc (the gcc
# preset: RelWithDebInfo, -O2); ENTRIES to 1000000. The entries are generated
# by a deterministic Python script into a temporary directory, against the
# sample schedule and rates in examples/data. Times are wall-clock seconds
# (bash's `time`: real, user, sys); on a shared machine the user time is the
# steadier figure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
program="${1:-$here/build/gcc/tools/tariff-calc/tariff-calc}"
count="${2:-1000000}"
data="$here/examples/data"
if [[ ! -x "$program" ]]; then
    echo "tariff_calc_bench: $program not found; build it first:" >&2
    echo "  cmake --preset gcc && cmake --build --preset gcc --target tariff-calc" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Entries in date order over the quota year (2026-01-02 to 2027-02-28): mostly
# Chinese EVs (the quota runs out early; the rest pay the standard path), EVs
# from elsewhere, cheese in kg or tonnes, Chinese and Korean steel; a tenth in
# CNY or USD. A 64-bit LCG (Knuth's MMIX constants) makes every figure.
generate() {
    python3 - "$1" "$2" <<'EOF'
import datetime, sys
n, path = int(sys.argv[1]), sys.argv[2]
state = 20260101
def rnd(k):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % k
start = datetime.date(2026, 1, 2)  # the first exchange rates are of 2 Jan
days = (datetime.date(2027, 2, 28) - start).days + 1
with open(path, "w") as f:
    f.write("id,date,hs_code,origin,quantity,unit,value,currency\n")
    for i in range(n):
        day = (start + datetime.timedelta(days=i * days // n)).isoformat()
        r = rnd(100)
        cur = "CAD" if r % 10 > 1 else ("CNY" if r % 10 == 0 else "USD")
        if r < 70:
            q = 1 + rnd(40)
            v = q * (25_000_00 + rnd(35_000_00))
            line = f"{day},8703.80.00,CN,{q},each"
        elif r < 80:
            q = 1 + rnd(30)
            v = q * (35_000_00 + rnd(60_000_00))
            line = f"{day},8703.80.00,{'DEJPKRUS'[2 * (r % 4):2 * (r % 4) + 2]},{q},each"
        elif r < 90:
            q = 50 + rnd(3000)
            v = q * (150 + rnd(900))
            line = f"{day},0406.40.20,{'FR' if r % 2 else 'IT'},{q},kg"
        else:
            q = 5 + rnd(400)
            v = q * (750_00 + rnd(400_00))
            line = f"{day},7208.51.00,{'CN' if r % 2 else 'KR'},{q},tonne"
        f.write(f"E{i:07d},{line},{v // 100}.{v % 100:02d},{cur}\n")
EOF
}

# Runs tariff-calc on an entries file; prints "real user sys max_rss_kib".
measure() {
    local entries="$1"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
        "$program" --schedule "$data/ev_schedule.csv" --rates "$data/ev_rates.csv" \
        --entries "$entries" --output "$work/out.csv" --quota-summary "$work/quota.csv"
    local rows
    rows=$(($(wc -l <"$work/out.csv") - 1))
    if [[ "$rows" -ne "$(($(wc -l <"$entries") - 1))" ]]; then
        echo "tariff_calc_bench: only $rows rows assessed" >&2
        exit 1
    fi
    cat "$work/time.txt"
}

echo "generating $count entries ..."
generate "$count" "$work/entries.csv"
small=$((count / 10))
generate "$small" "$work/small.csv"
echo "entries file: $(du -h "$work/entries.csv" | cut -f1), $(wc -l <"$work/entries.csv") lines"

# Warm the page cache, then time wc -l and tariff-calc (best of three).
cat "$work/entries.csv" >/dev/null
best() { sort -n | head -1; }
wc_real=$(for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$work/wc.txt" wc -l "$work/entries.csv" >/dev/null
    cat "$work/wc.txt"
done | best)
runs=$(for _ in 1 2 3; do measure "$work/entries.csv"; done)
calc_real=$(echo "$runs" | awk '{print $1}' | best)
calc_user=$(echo "$runs" | awk '{print $2}' | best)
rss_big=$(echo "$runs" | awk '{print $4}' | best)
rss_small=$(measure "$work/small.csv" | awk '{print $4}')

printf '\n%-34s %10s\n' "" "seconds"
printf '%-34s %10s\n' "wc -l ($count entries)" "$wc_real"
printf '%-34s %10s   (user %s)\n' "tariff-calc ($count entries)" "$calc_real" "$calc_user"
awk -v a="$calc_real" -v b="$wc_real" 'BEGIN {
    if (b > 0) printf "%-34s %10.1f\n", "ratio tariff-calc / wc -l", a / b;
    else print "ratio: wc -l too fast to measure" }'
printf '\n%-34s %10s\n' "" "max RSS"
printf '%-34s %7s KiB\n' "tariff-calc, $small entries" "$rss_small"
printf '%-34s %7s KiB\n' "tariff-calc, $count entries" "$rss_big"
