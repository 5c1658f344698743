#!/usr/bin/env python3
"""Runs tariff-calc on the sample data and checks it against the oracle.

usage: check_tariff_calc.py TARIFF_CALC DATA_DIR

1. The output CSV and the quota summary must equal those of
   tariff_calc_oracle.py (an independent computation in Python's decimal),
   byte for byte; the exit status must be 1 (some rows rejected).
2. Standard error must hold one message per bad row, in file order, each
   starting with the file:line: field the oracle expects, and naming the
   problem as docs/tariff-calc.md lists it (BAD_ROWS below); then the count
   line.
3. With --strict the run must stop at the first bad row (exit 4) with only
   the rows before it in the output.
4. --format jsonl: each line, parsed, must equal the oracle's object (numbers
   are strings: a JSON float anywhere fails), the last one {"totals": ...};
   --totals FILE must equal the oracle's totals CSV byte for byte.
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
program, data = sys.argv[1], sys.argv[2]
schedule = os.path.join(data, "ev_schedule.csv")
rates = os.path.join(data, "ev_rates.csv")
entries = os.path.join(data, "ev_entries.csv")

# The sample's bad rows (examples/data/make_ev_entries.py, docs/tariff-calc.md):
# line -> (where: the field, or "column N" for CSV syntax, or "" for the row;
#          words the message must contain)
BAD_ROWS = {
    14: ("quantity", '"-3": a quantity cannot be negative'),
    43: ("value", '"40k": not a number'),
    79: ("hs_code", '"8703.90.00": no tariff line with this code'),
    103: ("unit", '"crate": unknown unit'),
    136: ("currency", '"XYZ": unknown currency'),
    168: ("date", '"2026-02-30": no such day in that month'),
    198: ("", "expected 8 fields, as in the header; found 9"),
    230: ("currency", '"CNY": no CNY to CAD exchange rate dated on or before 2025-12-15'),
    264: ("origin", '"China": expected an ISO 3166 alpha-2 code'),
    298: ("unit", '"kg": tariff line 8703.80.00 is counted in each (count); kg is a unit of mass'),
    330: ("value", '"80000.005": more decimal places than CAD has (2)'),
    362: ("hs_code", '"8703-80-00": an HS code has only digits and dots'),
    394: ("column 6", 'a quote (") inside a field that does not start with one'),
}

failures = []


def diff(name, want, got):
    if want != got:
        failures.append(f"{name} differs from the oracle's:\n" + "".join(difflib.unified_diff(
            want.splitlines(True), got.splitlines(True), "oracle", "tariff-calc", n=1))[:6000])


with tempfile.TemporaryDirectory() as tmp:
    path = lambda name: os.path.join(tmp, name)
    run = subprocess.run([program, "--schedule", schedule, "--rates", rates, "--entries", entries,
                          "--output", path("out.csv"), "--quota-summary", path("quota.csv"),
                          "--totals", path("totals.csv")],
                         capture_output=True, text=True)
    subprocess.run([sys.executable, os.path.join(here, "tariff_calc_oracle.py"), schedule, rates,
                    entries, path("want.csv"), path("want_quota.csv"), path("want_errors.txt"),
                    path("want.jsonl"), path("want_totals.csv")],
                   check=True)
    read = lambda name: open(path(name), encoding="utf-8").read()
    if run.returncode != 1:
        failures.append(f"exit status {run.returncode}, expected 1 (some rows rejected)")
    diff("the output", read("want.csv"), read("out.csv"))
    diff("the quota summary", read("want_quota.csv"), read("quota.csv"))
    diff("the totals", read("want_totals.csv"), read("totals.csv"))

    # --format jsonl: the same entries and totals as JSON objects.
    jsonl = subprocess.run([program, "--schedule", schedule, "--rates", rates, "--entries", entries,
                            "--format", "jsonl"], capture_output=True, text=True)
    if jsonl.returncode != 1:
        failures.append(f"--format jsonl: exit status {jsonl.returncode}, expected 1")

    def no_float(text):
        raise ValueError(f"a JSON float: {text}")

    want_objects = [json.loads(t) for t in read("want.jsonl").splitlines()]
    try:
        got_objects = [json.loads(t, parse_float=no_float) for t in jsonl.stdout.splitlines()]
    except ValueError as e:
        got_objects = []
        failures.append(f"--format jsonl: {e}")
    if len(got_objects) != len(want_objects):
        failures.append(f"--format jsonl: {len(got_objects)} lines, the oracle has {len(want_objects)}")
    for want, got in zip(want_objects, got_objects):
        if want != got:
            failures.append(f"--format jsonl differs from the oracle's:\n  oracle {want}\n"
                            f"  tariff-calc {got}")
            break

    # Standard error: the oracle's prefixes, the documented messages, the count.
    want_errors = read("want_errors.txt").splitlines()
    got = run.stderr.splitlines()
    if len(got) != len(want_errors) + 1:
        failures.append(f"expected {len(want_errors)} messages and a count line, got:\n{run.stderr}")
    for prefix, line in zip(want_errors, got):
        if not line.startswith(prefix + ":"):
            failures.append(f"expected a message starting {prefix!r}, got {line!r}")
    lines = sorted(BAD_ROWS)
    oracle_lines = [int(p.split(":")[1]) for p in want_errors]
    if oracle_lines != lines:
        failures.append(f"the oracle rejects lines {oracle_lines}, the documented bad rows are {lines}")
    for number, line in zip(lines, got):
        where, words = BAD_ROWS[number]
        if where.startswith("column "):
            start = f"{entries}:{number}:{where.split()[1]}: "
        else:
            start = f"{entries}:{number}: " + (f"{where}: " if where else "")
        if not line.startswith(start) or words not in line:
            failures.append(f"line {number}: expected {start!r} ... {words!r}, got {line!r}")
    assessed = len(read("want.csv").splitlines()) - 1
    count = f"tariff-calc: {assessed} entries assessed, {len(lines)} rejected"
    if not got or got[-1] != count:
        failures.append(f"expected the count line {count!r}, got {got[-1:]}")

    # --strict: stops at the first bad row, keeping the rows before it.
    strict = subprocess.run([program, "--schedule", schedule, "--rates", rates, "--entries",
                             entries, "--strict", "--output", path("strict.csv")],
                            capture_output=True, text=True)
    if strict.returncode != 4:
        failures.append(f"--strict: exit status {strict.returncode}, expected 4")
    before = lines[0] - 2  # the good rows between the header and the first bad row
    want_strict = "".join(read("want.csv").splitlines(True)[:1 + before])
    diff("the --strict output", want_strict, read("strict.csv"))
    if not strict.stderr.startswith(f"{entries}:{lines[0]}: "):
        failures.append(f"--strict: expected the message for line {lines[0]}, got {strict.stderr!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"tariff-calc: sample output equals the oracle's ({assessed} entries, quota summary); "
      f"{len(lines)} bad rows reported as documented; --strict stops with status 4")
