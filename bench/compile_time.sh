#!/usr/bin/env bash
# Compile-time cost of including <tariff/tariff.hpp>, relative to <iostream>.
#
# Usage: bench/compile_time.sh [compiler]        (default compiler: g++)
#        RUNS=20 bench/compile_time.sh clang++   (default RUNS: 10)
#
# Compiles, with `<compiler> -std=c++20 -O0 -c`, a translation unit consisting of
#     #include <tariff/tariff.hpp>
#     int main(){}
# and the same with <iostream> instead, alternating between the two RUNS times
# each, and reports the median wall-clock time and the median CPU time (user +
# system of the compiler and its subprocesses, from getrusage: steadier than
# wall time on a loaded machine) of each, and the ratios tariff/iostream. The
# include directory is <script dir>/../include; HEADER=<name> measures another
# header instead of tariff/tariff.hpp (e.g. HEADER=tariff/io.hpp).
set -euo pipefail

compiler="${1:-g++}"
runs="${RUNS:-10}"
header="${HEADER:-tariff/tariff.hpp}"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
include_dir="$(cd "${script_dir}/../include" 2>/dev/null && pwd)" || {
    echo "error: include directory ${script_dir}/../include not found" >&2
    exit 1
}

if ! command -v "${compiler}" >/dev/null 2>&1; then
    echo "error: compiler '${compiler}' not found" >&2
    exit 1
fi

exec python3 - "${compiler}" "${include_dir}" "${runs}" "${header}" <<'PY'
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

compiler, include_dir, runs, header = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

sources = {
    "tariff": "#include <%s>\nint main(){}\n" % header,
    "iostream": "#include <iostream>\nint main(){}\n",
}

with tempfile.TemporaryDirectory(prefix="tariff_compile_time_") as tmp:
    paths = {}
    for name, text in sources.items():
        paths[name] = os.path.join(tmp, name + ".cpp")
        with open(paths[name], "w") as f:
            f.write(text)

    def compile_once(name):
        cmd = [compiler, "-std=c++20", "-O0", "-I", include_dir,
               "-c", paths[name], "-o", os.path.join(tmp, name + ".o")]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            sys.stderr.write("error: compilation failed: %s\n%s" % (" ".join(cmd), proc.stdout))
            sys.exit(1)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return elapsed * 1000.0, cpu * 1000.0

    # One untimed warm-up each (file-system / page cache), then alternate.
    for name in sources:
        compile_once(name)
    times = {name: [] for name in sources}
    cpu = {name: [] for name in sources}
    for _ in range(runs):
        for name in sources:
            wall_ms, cpu_ms = compile_once(name)
            times[name].append(wall_ms)
            cpu[name].append(cpu_ms)

med = {name: statistics.median(t) for name, t in times.items()}
med_cpu = {name: statistics.median(t) for name, t in cpu.items()}
version = subprocess.run([compiler, "--version"], stdout=subprocess.PIPE,
                         text=True).stdout.splitlines()[0]
print("compiler: %s (%s)" % (compiler, version))
print("flags:    -std=c++20 -O0 -c, %d runs each, alternating, medians" % runs)
print("header:   <%s>" % header)
for name, label in (("tariff", "tariff:  "), ("iostream", "iostream:")):
    print("%s wall %8.1f ms (min %.1f, max %.1f)   CPU %8.1f ms (min %.1f, max %.1f)"
          % (label, med[name], min(times[name]), max(times[name]),
             med_cpu[name], min(cpu[name]), max(cpu[name])))
print("ratio tariff/iostream (CPU): %.2f" % (med_cpu["tariff"] / med_cpu["iostream"]))
print("ratio tariff/iostream: %.2f" % (med["tariff"] / med["iostream"]))
PY
