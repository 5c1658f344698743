#!/usr/bin/env python3
"""tariff-calc from the outside: figures, quotas, currencies, rounding, every
class of bad input in every file, exit codes (docs/tariff-calc.md).

usage: tariff_calc_cli_test.py TARIFF_CALC CASE      run one case
       tariff_calc_cli_test.py --list                the cases, one a line

Every expected figure is worked out by hand in the comment next to it; none
was obtained by running tariff-calc.
"""
import csv
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HEADER = "id,date,hs_code,origin,quantity,unit,value,currency\n"
OUT_HEADER = ("id,date,hs_code,origin,quantity,in_quota,over_quota,value,currency,"
              "value_for_duty,duty,taxes,total,components,schedule_currency,exchange_rate,"
              "rate_date")

# The schedule of most cases (line numbers matter: messages name them).
SCHEDULE = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,MFN,6.1 %,each,,,,Customs Tariff 8703.80.00,Electric vehicles
surtax,8703,CN,China surtax,100 %,,,2024-10-01,,SOR/2024-187 s.3,
tax,,,GST,5 %,,,,,Excise Tax Act s.215,
quota,8703.80.00,CN,Q1,6.1 %,,3,2026-03-01,2026-08-31,,first half
quota,8703.80.00,CN,Q1,6.1 %,each,3,2026-09-01,2027-02-28,,second half
line,0406.40.20,,MFN,245.5 % but not less than $5.33/kg,kg,,,,,cheese
line,7208.51.00,,MFN,Free,kg,,,,,steel plate
surtax,7208,CN,"Steel surtax, China",25 %,,,2024-10-22,,SOR/2024-202,
line,2204.21.00,,MFN,$0.10/l,l,,,2025-12-31,,wine before the cut
line,2204.21.00,,MFN,$0.05/l,l,,2026-01-01,,,wine after the cut
line,0407.21.00,,MFN,$0.12/dozen,dozen,,,,,eggs
line,0101.21.00,,MFN,Free,head,,2027-01-01,,,horses from 2027
"""

RATES = """\
date,from,to,rate
2026-01-02,CNY,CAD,0.1897
2026-01-02,USD,CAD,1.3652
2026-02-02,CNY,CAD,0.1225
2026-01-02,CAD,USD,0.7325
"""

CASES = {}


def case(f):
    CASES[f.__name__] = f
    return f


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Run:
    def __init__(self, proc, out_path):
        self.code = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.out = ""
        if out_path and os.path.exists(out_path):
            with open(out_path, encoding="utf-8", newline="") as f:
                self.out = f.read()

    def rows(self):
        """The output rows by id, each a dict of the output columns."""
        text = self.out or self.stdout
        rows = list(csv.reader(io.StringIO(text, newline="")))
        check(rows and ",".join(rows[0]) == OUT_HEADER, f"bad output header: {text[:200]!r}")
        names = rows[0]
        for r in rows[1:]:
            check(len(r) == len(names), f"a partial output row: {r}")
        return {r[0]: dict(zip(names, r)) for r in rows[1:]}

    def messages(self):
        return self.stderr.splitlines()


class Env:
    def __init__(self, program, tmp):
        self.program, self.tmp = program, tmp

    def file(self, name, text, encoding="utf-8"):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(text)
        return path

    def run(self, *args, stdin=None):
        proc = subprocess.run([self.program, *args], capture_output=True, text=True,
                              input=stdin)
        return Run(proc, None)

    def calc(self, entries, schedule=SCHEDULE, rates=RATES, extra=(), output=True):
        args = ["--schedule", self.file("schedule.csv", schedule)]
        if rates is not None:
            args += ["--rates", self.file("rates.csv", rates)]
        args += ["--entries", self.file("entries.csv", entries)]
        out_path = os.path.join(self.tmp, "out.csv") if output else None
        if out_path:
            if os.path.exists(out_path):
                os.remove(out_path)
            args += ["--output", out_path]
        proc = subprocess.run([self.program, *args, *extra], capture_output=True, text=True)
        return Run(proc, out_path)


def expect_row(rows, ident, **want):
    check(ident in rows, f"no output row for {ident}; rows: {sorted(rows)}")
    for key, value in want.items():
        check(rows[ident][key] == value,
              f"{ident} {key}: expected {value!r}, got {rows[ident][key]!r} (row {rows[ident]})")


def expect_message(run, path, line, field, words):
    """A message FILE:LINE: FIELD: ... containing `words` (field "" for the row,
    or "column N" for CSV syntax)."""
    if field.startswith("column "):
        start = f"{path}:{line}:{field.split()[1]}: "
    else:
        start = f"{path}:{line}: " + (f"{field}: " if field else "")
    found = [m for m in run.messages() if m.startswith(start)]
    check(found, f"no message starting {start!r}; stderr:\n{run.stderr}")
    check(any(words in m for m in found), f"{found} does not say {words!r}")


# --- usage and files -----------------------------------------------------------------


@case
def usage_without_arguments(env):
    r = env.run()
    check(r.code == 2, f"exit {r.code}, expected 2")
    check(r.stderr.startswith("usage: tariff-calc"), f"no usage on stderr: {r.stderr[:100]!r}")
    check(r.stdout == "", "usage must go to stderr")


@case
def help_option(env):
    r = env.run("--help")
    check(r.code == 0, f"exit {r.code}, expected 0")
    check(r.stdout.startswith("usage: tariff-calc") and "--quota-summary" in r.stdout, r.stdout)


@case
def usage_errors(env):
    s, e = env.file("s.csv", SCHEDULE), env.file("e.csv", HEADER)
    for args, words in [
        (["--schedule", s], "--entries FILE is required"),
        (["--entries", e], "--schedule FILE is required"),
        (["--schedule", s, "--entries", e, "--bogus"], 'unknown argument "--bogus"'),
        (["--schedule", s, "--entries", e, "stray"], 'unknown argument "stray"'),
        (["--schedule", s, "--entries", e, "--currency", "XYZ"], 'unknown schedule currency "XYZ"'),
        (["--schedule", s, "--entries", e, "--rounding", "bankers"], "unknown rounding mode"),
        (["--schedule", s, "--entries"], "--entries needs a value"),
        (["--schedule=", "--entries", e], "--schedule needs a value"),
        (["--schedule", s, "--entries", e, "--quota-summary", "-"], "cannot both be standard output"),
    ]:
        r = env.run(*args)
        check(r.code == 2, f"{args}: exit {r.code}, expected 2")
        check(words in r.stderr and "usage:" in r.stderr, f"{args}: stderr {r.stderr!r}")


@case
def unreadable_files(env):
    s, e, rt = env.file("s.csv", SCHEDULE), env.file("e.csv", HEADER), env.file("r.csv", RATES)
    missing = os.path.join(env.tmp, "missing.csv")
    for args, words in [
        (["--schedule", missing, "--entries", e], "cannot read the schedule file"),
        (["--schedule", s, "--entries", missing], "cannot read the entries file"),
        (["--schedule", s, "--rates", missing, "--entries", e], "cannot read the exchange rates file"),
        (["--schedule", s, "--entries", env.tmp], "cannot be read"),  # a directory
        (["--schedule", env.tmp, "--entries", e], "cannot be read"),
        (["--schedule", s, "--entries", e, "--output", os.path.join(env.tmp, "no", "out.csv")],
         "cannot write the output file"),
        (["--schedule", s, "--entries", e, "--quota-summary", os.path.join(env.tmp, "no", "q.csv")],
         "cannot write the quota summary file"),
    ]:
        r = env.run(*args, "--rates", rt) if "--rates" not in args else env.run(*args)
        check(r.code == 3, f"{args}: exit {r.code}, expected 3; stderr {r.stderr!r}")
        check(words in r.stderr, f"{args}: stderr {r.stderr!r} does not say {words!r}")
    if os.path.exists("/dev/full"):  # every write fails: no space left on device
        r = env.run("--schedule", s, "--entries", e, "--output", "/dev/full")
        check(r.code == 3 and "cannot write the output file" in r.stderr, f"{r.code} {r.stderr!r}")


# --- figures -----------------------------------------------------------------------------


@case
def assessed_by_hand(env):
    r = env.calc(HEADER + """\
A01,2026-01-15,8703.80.00,CN,1,each,40000.00,CAD
A02,2024-09-30,8703.80.00,CN,1,each,40000.00,CAD
A03,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD
A04,2026-01-15,0406.40.20,FR,1000,kg,1500.00,CAD
A05,2026-01-15,0406.40.20,IT,2,tonne,10000.00,CAD
A06,2026-01-15,7208.51.00,CN,10.5,t,8000.00,CAD
A07,2025-06-01,2204.21.00,FR,100,l,500.00,CAD
A08,2026-06-01,2204.21.00,FR,1,hl,500.00,CAD
A09,2026-01-15,0407.21.00,FR,24,each,10.00,CAD
A10,2026-01-15,8703.80.00,KR,1,No.,40000,CAD
""")
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # Before the quota opens (1 Mar 2026): the standard path. MFN 6.1 % of
    # 40,000.00 = 2,440.00; surtax 100 % = 40,000.00; GST 5 % of 82,440.00 = 4,122.00.
    expect_row(rows, "A01", date="2026-01-15", hs_code="8703.80.00", origin="CN", quantity="1",
               in_quota="", over_quota="", value="40000.00", currency="CAD",
               value_for_duty="40000.00", duty="42440.00", taxes="4122.00", total="46562.00",
               components="MFN=2440.00;China surtax=40000.00;GST=4122.00")
    # The day before the surtax: MFN 2,440.00; GST 5 % of 42,440.00 = 2,122.00.
    expect_row(rows, "A02", duty="2440.00", taxes="2122.00", total="4562.00",
               components="MFN=2440.00;GST=2122.00")
    # Another origin: no surtax, no quota.
    expect_row(rows, "A03", in_quota="", duty="2440.00", taxes="2122.00", total="4562.00")
    # Cheese, 1,000 kg at 1,500.00: 245.5 % = 3,682.50 < 5.33 x 1,000 = 5,330.00,
    # the floor; GST 5 % of 6,830.00 = 341.50.
    expect_row(rows, "A04", quantity="1000", duty="5330.00", taxes="341.50", total="5671.50",
               components="MFN=5330.00;GST=341.50")
    # 2 tonnes = 2,000 kg at 10,000.00: 245.5 % = 24,550.00 > 5.33 x 2,000 = 10,660.00;
    # GST 5 % of 34,550.00 = 1,727.50.
    expect_row(rows, "A05", quantity="2000", duty="24550.00", taxes="1727.50", total="26277.50")
    # Steel, 10.5 t = 10,500 kg: MFN Free; surtax 25 % of 8,000.00 = 2,000.00;
    # GST 5 % of 10,000.00 = 500.00. The name holds a comma: the field is quoted.
    expect_row(rows, "A06", quantity="10500", duty="2000.00", taxes="500.00", total="2500.00",
               components="MFN=0.00;Steel surtax, China=2000.00;GST=500.00")
    check('"MFN=0.00;Steel surtax, China=2000.00;GST=500.00"' in r.out, "components not quoted")
    # Wine before the cut: 100 l x 0.10 = 10.00; GST 5 % of 510.00 = 25.50.
    expect_row(rows, "A07", duty="10.00", taxes="25.50", total="35.50")
    # After the cut, 1 hl = 100 l: 100 x 0.05 = 5.00; GST 5 % of 505.00 = 25.25.
    expect_row(rows, "A08", quantity="100", duty="5.00", taxes="25.25", total="30.25")
    # Eggs, 24 each = 2 dozen: 2 x 0.12 = 0.24; GST 5 % of 10.24 = 0.512 -> 0.51.
    expect_row(rows, "A09", quantity="2", duty="0.24", taxes="0.51", total="0.75")
    # "No." is a count; a value without decimals is shown with the cents.
    expect_row(rows, "A10", quantity="1", value="40000.00", total="4562.00")


@case
def taxes_as_expressions(env):
    # A tax's rate is any duty text, on the value plus the duties, with the entry's
    # quantities. The luxury tax (Select Luxury Items Tax Act): the lesser of 10 % and
    # 20 % of the value above 100,000 (20 % - $20000); an excise of $0.10 a litre.
    schedule = SCHEDULE_HEADER + """\
line,8703.23.00,,MFN,6.1 %,each,,,,Customs Tariff 8703.23.00,cars
line,2710.12.49,,MFN,Free,l,,,,Customs Tariff 2710.12.49,gasoline
tax,8703,,Luxury tax,10 % MAX 20 % - $20000,,,,,Select Luxury Items Tax Act,
tax,2710,,Excise tax,$0.10/l,,,,,Excise Tax Act Sch. I,
tax,,,GST,5 %,,,,,Excise Tax Act s.215,
"""
    r = env.calc(HEADER + """\
T01,2026-01-15,8703.23.00,DE,1,each,150000.00,CAD
T02,2026-01-15,8703.23.00,DE,1,each,90000.00,CAD
T03,2026-01-15,2710.12.49,US,20000,l,18000.00,CAD
""", schedule=schedule, rates=None)
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # By hand. T01: MFN 6.1 % x 150,000 = 9,150.00; luxury tax on 159,150.00:
    # min(15,915.00, 20 % x 159,150 - 20,000 = 11,830.00) = 11,830.00; GST 5 % x
    # 159,150.00 = 7,957.50 (tariff-calc's taxes are on value + duties, not on each
    # other); taxes 19,787.50; total 28,937.50.
    expect_row(rows, "T01", duty="9150.00", taxes="19787.50", total="28937.50",
               components="MFN=9150.00;Luxury tax=11830.00;GST=7957.50")
    # T02: MFN 5,490.00; luxury tax on 95,490.00: min(9,549.00, 19,098 - 20,000 -> 0)
    # = 0.00; GST 5 % x 95,490.00 = 4,774.50.
    expect_row(rows, "T02", duty="5490.00", taxes="4774.50", total="10264.50",
               components="MFN=5490.00;Luxury tax=0.00;GST=4774.50")
    # T03: MFN Free; excise 0.10 x 20,000 l = 2,000.00; GST 5 % x 18,000.00 = 900.00.
    expect_row(rows, "T03", duty="0.00", taxes="2900.00", total="2900.00",
               components="MFN=0.00;Excise tax=2000.00;GST=900.00")


@case
def foreign_currencies(env):
    r = env.calc(HEADER + """\
F01,2026-01-20,8703.80.00,DE,1,each,100000.00,CNY
F02,2026-01-05,8703.80.00,DE,1,each,10000.00,USD
F03,2026-02-10,8703.80.00,DE,1,each,1.00,CNY
F04,2026-02-01,8703.80.00,DE,1,each,1.00,CNY
""")
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # 100,000.00 x 0.1897 = 18,970.00; MFN 6.1 % = 1,157.17; GST 5 % of 20,127.17
    # = 1,006.3585 -> 1,006.36.
    expect_row(rows, "F01", value="100000.00", currency="CNY", value_for_duty="18970.00",
               duty="1157.17", taxes="1006.36", total="2163.53")
    # 10,000.00 x 1.3652 = 13,652.00; MFN 832.772 -> 832.77; GST 5 % of 14,484.77
    # = 724.2385 -> 724.24.
    expect_row(rows, "F02", value_for_duty="13652.00", duty="832.77", taxes="724.24",
               total="1557.01")
    # The rate of 2 Feb (0.1225): 1.00 x 0.1225 = 0.1225, a tie, to even: 0.12.
    # MFN 0.00732 -> 0.01; GST 5 % of 0.13 = 0.0065 -> 0.01.
    expect_row(rows, "F03", value_for_duty="0.12", duty="0.01", taxes="0.01", total="0.02")
    # 1 Feb: the latest rate on or before it is of 2 Jan (0.1897): 0.1897 -> 0.19.
    expect_row(rows, "F04", value_for_duty="0.19")


@case
def rounding_modes(env):
    entries = HEADER + """\
T01,2026-01-15,7208.51.00,KR,1,kg,0.50,CAD
T02,2026-02-10,8703.80.00,DE,1,each,1.00,CNY
"""
    # GST 5 % of 0.50 = 0.025, a tie between 0.02 and 0.03.
    for mode, gst in [("half_even", "0.02"), ("half_up", "0.03"), ("half_down", "0.02"),
                      ("toward_zero", "0.02"), ("away_from_zero", "0.03"), ("floor", "0.02"),
                      ("ceiling", "0.03")]:
        r = env.calc(entries, extra=["--rounding", mode])
        check(r.code == 0, f"{mode}: exit {r.code}: {r.stderr}")
        rows = r.rows()
        expect_row(rows, "T01", taxes=gst, total=gst)
        # The conversion is half to even whatever the mode: 0.1225 -> 0.12.
        expect_row(rows, "T02", value_for_duty="0.12")
    check(env.calc(entries).rows()["T01"]["taxes"] == "0.02", "the default is half_even")


@case
def quota_first_come_first_served(env):
    r = env.calc(HEADER + """\
Q01,2026-03-02,8703.80.00,CN,2,each,80000.00,CAD
Q02,2026-03-03,8703.80.00,CN,2,each,80000.00,CAD
Q03,2026-03-04,8703.80.00,DE,5,each,200000.00,CAD
Q04,2026-08-31,8703.80.00,CN,1,each,40000.00,CAD
Q05,2026-09-02,8703.80.00,CN,4,each,100000.00,CAD
""", extra=["--quota-summary", os.path.join(env.tmp, "q.csv")])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # 2 of the first half's 3: in-quota duty 6.1 % of 80,000.00 = 4,880.00;
    # GST 5 % of 84,880.00 = 4,244.00.
    expect_row(rows, "Q01", in_quota="2", over_quota="0", duty="4880.00", taxes="4244.00",
               total="9124.00", components="Q1=4880.00;GST=4244.00")
    # 1 left: 1 in, 1 over; the value splits 40,000.00 / 40,000.00.
    # In: 2,440.00 and GST 2,122.00. Over: MFN 2,440.00, surtax 40,000.00, GST
    # 5 % of 82,440.00 = 4,122.00. GST in all 6,244.00; duty 44,880.00.
    expect_row(rows, "Q02", in_quota="1", over_quota="1", duty="44880.00", taxes="6244.00",
               total="51124.00", components="Q1=2440.00;GST=6244.00;MFN=2440.00;China surtax=40000.00")
    # Not from CN: the quota does not apply (empty in/over).
    expect_row(rows, "Q03", in_quota="", over_quota="", duty="12200.00", taxes="10610.00",
               total="22810.00")
    # The first half is used up: all over quota.
    expect_row(rows, "Q04", in_quota="0", over_quota="1", total="46562.00",
               components="MFN=2440.00;China surtax=40000.00;GST=4122.00")
    # Second half, 3 (nothing carried): 3 in, 1 over; 75,000.00 / 25,000.00.
    # In: 4,575.00, GST 5 % of 79,575.00 = 3,978.75. Over: MFN 1,525.00, surtax
    # 25,000.00, GST 5 % of 51,525.00 = 2,576.25. Duty 31,100.00; GST 6,555.00.
    expect_row(rows, "Q05", in_quota="3", over_quota="1", duty="31100.00", taxes="6555.00",
               total="37655.00")
    with open(os.path.join(env.tmp, "q.csv"), encoding="utf-8") as f:
        summary = f.read()
    check(summary == "quota,period,from,to,volume,used,balance,state\n"
                     "Q1,1,2026-03-01,2026-08-31,3,3,0,exhausted\n"
                     "Q1,2,2026-09-01,2027-02-28,3,3,0,exhausted\n", summary)


@case
def quota_carry_over_and_split_value(env):
    r = env.calc(HEADER + """\
C01,2026-03-02,8703.80.00,CN,1,each,40000.00,CAD
C02,2026-09-02,8703.80.00,CN,5,each,50000.00,CAD
""", extra=["--quota-summary", "-"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # The second half gets its 3 plus the 2 the first left: all 5 in quota.
    # 6.1 % of 50,000.00 = 3,050.00; GST 5 % of 53,050.00 = 2,652.50.
    expect_row(rows, "C02", in_quota="5", over_quota="0", duty="3050.00", taxes="2652.50",
               total="5702.50")
    check(r.stdout == "quota,period,from,to,volume,used,balance,state\n"
                      "Q1,1,2026-03-01,2026-08-31,3,1,2,closed\n"
                      "Q1,2,2026-09-01,2027-02-28,5,5,0,exhausted\n", r.stdout)

    r = env.calc(HEADER + """\
R01,2026-03-02,8703.80.00,CN,2,each,2.00,CAD
R02,2026-03-03,8703.80.00,CN,3,each,100.00,CAD
""")
    rows = r.rows()
    # 1 in, 2 over: 10,000 cents by 1:2 is 3,333 r 1 and 6,666 r 2; the cent
    # left goes to the larger remainder: 33.33 in, 66.67 over.
    # In: 6.1 % of 33.33 = 2.03313 -> 2.03; GST 5 % of 35.36 = 1.768 -> 1.77.
    # Over: MFN 6.1 % of 66.67 = 4.06687 -> 4.07; surtax 66.67; GST 5 % of
    # 137.41 = 6.8705 -> 6.87. Duty 2.03 + 4.07 + 66.67 = 72.77; GST 8.64.
    expect_row(rows, "R02", in_quota="1", over_quota="2", duty="72.77", taxes="8.64",
               total="81.41", components="Q1=2.03;GST=8.64;MFN=4.07;China surtax=66.67")


@case
def quota_rejected_entry_draws_nothing(env):
    # Issue 9 (regression): allocation and assessment are one transaction.
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,MFN,$1000000000/each,each,,,,,
quota,8703.80.00,CN,Q1,Free,,100,2026-01-01,2026-12-31,,
"""
    r = env.calc(HEADER + """\
A,2026-03-01,8703.80.00,CN,99999999999,each,100.00,CAD
B,2026-03-02,8703.80.00,CN,1,each,100.00,CAD
""", schedule=schedule, rates=None, extra=["--quota-summary", os.path.join(env.tmp, "q.csv")])
    # A: 100 in quota, 99,999,999,899 over at $1,000,000,000 each:
    # 99,999,999,899,000,000,000.00, beyond CAD's 92,233,720,368,547,758.07: rejected.
    check(r.code == 1, f"exit {r.code}, expected 1: {r.stderr}")
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 2, "", "overflow")
    rows = r.rows()
    check(set(rows) == {"B"}, f"only B may be assessed, got {sorted(rows)}")
    # A drew nothing: B gets 1 of the 100 in quota, Free: no duty, no taxes.
    expect_row(rows, "B", in_quota="1", over_quota="0", duty="0.00", taxes="0.00",
               total="0.00", components="Q1=0.00")
    with open(os.path.join(env.tmp, "q.csv"), encoding="utf-8") as f:
        summary = f.read()
    check(summary == "quota,period,from,to,volume,used,balance,state\n"
                     "Q1,1,2026-01-01,2026-12-31,100,1,99,open\n", summary)


@case
def quota_summary_near_the_64_bit_limit(env):
    # Issue 9 (regression): status() multiplied the volume by 90 % in 64 bits
    # and the summary ended in std::terminate.
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,MFN,6.1 %,each,,,,,
quota,8703.80.00,CN,Q1,Free,,9111111111111111111,2026-01-01,2026-12-31,,
"""
    r = env.calc(HEADER, schedule=schedule, rates=None, extra=["--quota-summary", "-"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    # Nothing used: 0 of 9,111,111,111,111,111,111, below 90 %: open.
    check(r.stdout == "quota,period,from,to,volume,used,balance,state\n"
                      "Q1,1,2026-01-01,2026-12-31,9111111111111111111,0,9111111111111111111,"
                      "open\n", r.stdout)


@case
def quota_volumes_beyond_64_bits(env):
    # Issue 9: two periods of 9e18 (1.8e19 together, more than 2^63 - 1 =
    # 9,223,372,036,854,775,807) are refused when the schedule is read, not
    # left to overflow when the first carries into the second.
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,MFN,6.1 %,each,,,,,
quota,8703.80.00,CN,Q1,Free,,9000000000000000000,2026-01-01,2026-06-30,,
quota,8703.80.00,CN,Q1,Free,,9000000000000000000,2026-07-01,2026-12-31,,
"""
    r = env.calc(HEADER, schedule=schedule, rates=None, extra=["--quota-summary", "-"])
    check(r.code == 3, f"exit {r.code}, expected 3: {r.stderr}")
    expect_message(r, os.path.join(env.tmp, "schedule.csv"), 4, "volume",
                   'quota "Q1": the volumes of its periods together exceed 9223372036854775807')


@case
def quota_period_closed(env):
    r = env.calc(HEADER + """\
P01,2026-09-02,8703.80.00,CN,1,each,40000.00,CAD
P02,2026-08-30,8703.80.00,CN,1,each,40000.00,CAD
""")
    check(r.code == 1, f"exit {r.code}")
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 3, "date",
                   "quota Q1 has closed its period 2026-03-01 to 2026-08-31")
    check(set(r.rows()) == {"P01"}, "P02 must be rejected")


@case
def schedule_currencies(env):
    usd = "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description\n" \
          "line,0406.40.20,,MFN,$1.00/kg,kg,,,,,\n"
    r = env.calc(HEADER + """\
U01,2026-01-05,0406.40.20,FR,10,kg,100.00,USD
U02,2026-01-05,0406.40.20,FR,10,kg,100.00,CAD
U03,2026-01-05,0406.40.20,FR,10,kg,100.00,CNY
""", schedule=usd, extra=["--currency", "USD"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # $1.00/kg x 10 kg = USD 10.00 (no tax in this schedule).
    expect_row(rows, "U01", value_for_duty="100.00", duty="10.00", taxes="0.00", total="10.00")
    # CAD 100.00 x 0.7325 = USD 73.25.
    expect_row(rows, "U02", value_for_duty="73.25", duty="10.00")
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 4, "currency",
                   "no CNY to USD exchange rate dated on or before 2026-01-05")

    eur = "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description\n" \
          "line,0406.90.00,,MFN,12.80 % + 304.10 EUR / 100 kg,kg,,,,,\n"
    r = env.calc(HEADER + "E01,2026-01-05,0406.90.00,FR,1000,kg,5000.00,EUR\n", schedule=eur,
                 rates=None, extra=["--currency", "EUR"])
    # 12.80 % of 5,000.00 = 640.00; 304.10 x 10 (1,000 kg) = 3,041.00.
    expect_row(r.rows(), "E01", duty="3681.00", total="3681.00")

    gbp = "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description\n" \
          "line,0406.90.00,,MFN,35.10 GBP / 100 kg,kg,,,,,\n"
    r = env.calc(HEADER + "G01,2026-01-05,0406.90.00,FR,200,kg,1000.00,GBP\n", schedule=gbp,
                 rates=None, extra=["--currency=GBP"])
    # 35.10 x 2 (200 kg) = 70.20.
    expect_row(r.rows(), "G01", duty="70.20", total="70.20")


@case
def bom_crlf_and_quoted_fields(env):
    entries = HEADER + """\
A01,2026-01-15,8703.80.00,CN,1,each,40000.00,CAD
"ACME, ""Best"" Inc.",2026-01-15,"8703.80.00",DE,"1",each,"40000.00",CAD
A03,2026-01-15,0406.40.20,FR,1000,kg,1500.00,CAD
"""
    plain = env.calc(entries)
    check(plain.code == 0, f"exit {plain.code}: {plain.stderr}")
    rows = plain.rows()
    expect_row(rows, 'ACME, "Best" Inc.', total="4562.00")
    check('\n"ACME, ""Best"" Inc.",2026-01-15,' in plain.out, "the id must be quoted as RFC 4180 says")
    bom = "\ufeff"
    crlf = lambda t: t.replace("\n", "\r\n")
    other = env.calc(bom + crlf(entries), schedule=bom + crlf(SCHEDULE), rates=bom + crlf(RATES))
    check(other.code == 0, f"exit {other.code}: {other.stderr}")
    check(other.out == plain.out, "a BOM and CRLF line ends must not change the output")


@case
def entries_from_stdin_to_stdout(env):
    s, rt = env.file("s.csv", SCHEDULE), env.file("r.csv", RATES)
    r = env.run("--schedule", s, "--rates", rt, "--entries", "-",
                stdin=HEADER + "A01,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD\n")
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    check(r.stdout == OUT_HEADER + "\nA01,2026-01-15,8703.80.00,DE,1,,,40000.00,CAD,40000.00,"
          "2440.00,2122.00,4562.00,MFN=2440.00;GST=2122.00,CAD,,\n", r.stdout)


# --- bad entries ------------------------------------------------------------------------------

BAD_ENTRIES = [
    # (the raw line, field, words of the message)
    ("B01,2026-01-15,8703.80.00,DE,1,each,40000.00", "", "expected 8 fields, as in the header; found 7"),
    (",2026-01-15,8703.80.00,DE,1,each,40000.00,CAD", "id", "empty"),
    ("B03,2026/01/15,8703.80.00,DE,1,each,40000.00,CAD", "date",
     '"2026/01/15": a date is written YYYY-MM-DD (at byte 5)'),
    ("B04,2026-02-29,8703.80.00,DE,1,each,40000.00,CAD", "date", "no such day in that month"),
    ("B05,2026-01-15,87038000x,DE,1,each,40000.00,CAD", "hs_code",
     '"87038000x": an HS code has only digits and dots (at byte 9)'),
    ("B06,2026-01-15,8703.90.00,DE,1,each,40000.00,CAD", "hs_code",
     "no tariff line with this code in the schedule"),
    ("B07,2026-01-15,0101.21.00,DE,1,head,1000.00,CAD", "hs_code",
     "tariff line 0101.21.00 is not in force on 2026-01-15"),
    ("B08,2026-01-15,8703.80.00,cn,1,each,40000.00,CAD", "origin",
     '"cn": expected an ISO 3166 alpha-2 code'),
    ("B09,2026-01-15,8703.80.00,DE,abc,each,40000.00,CAD", "quantity", '"abc": not a number'),
    ("B10,2026-01-15,8703.80.00,DE,-1,each,40000.00,CAD", "quantity", "cannot be negative"),
    ("B11,2026-01-15,8703.80.00,DE,0,each,40000.00,CAD", "quantity", "must be more than zero"),
    ("B12,2026-01-15,8703.80.00,DE,1e3,each,40000.00,CAD", "quantity",
     "not a number: exponent notation is not accepted; write the digits (1000, not 1e3) (at byte 2)"),
    ("B13,2026-01-15,8703.80.00,DE,,each,40000.00,CAD", "quantity", "empty; every entry needs a quantity"),
    ("B14,2026-01-15,8703.80.00,DE,1,crate,40000.00,CAD", "unit", '"crate": unknown unit'),
    ("B15,2026-01-15,8703.80.00,DE,1,kg,40000.00,CAD", "unit",
     "tariff line 8703.80.00 is counted in each (count); kg is a unit of mass"),
    ("B16,2026-01-15,0407.21.00,FR,7,each,10.00,CAD", "quantity",
     '"7" each has no exact decimal value in dozen'),
    ("B17,2026-01-15,8703.80.00,DE,1,each,4O000.00,CAD", "value",
     '"4O000.00": not a number: unexpected character \'O\' (at byte 2)'),
    ("B18,2026-01-15,8703.80.00,DE,1,each,-5.00,CAD", "value", "cannot be negative"),
    ("B19,2026-01-15,8703.80.00,DE,1,each,1.005,CAD", "value", "more decimal places than CAD has (2)"),
    ('B20,2026-01-15,8703.80.00,DE,1,each,"40,000.00",CAD', "value", '"40,000.00": not a number'),
    ("B21,2026-01-15,8703.80.00,DE,1,each,40000.00,XYZ", "currency", '"XYZ": unknown currency'),
    ("B22,2026-01-15,8703.80.00,DE,1,each,40000.00,cad", "currency", '"cad": unknown currency'),
    ("B23,2025-12-01,8703.80.00,DE,1,each,100.00,CNY", "currency",
     "no CNY to CAD exchange rate dated on or before 2025-12-01"),
    ("B24,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD,", "", "found 9"),
    # "B25,2026-01-15," is 15 bytes: the quote opens at 16, closes at 27, x is 28.
    ('B25,2026-01-15,"8703.80.00"x,DE,1,each,40000.00,CAD', "column 28",
     "closing quote must be followed by a comma"),
    # "B26,2026-01-15,8703.80.00,DE,1,each,40000.00," is 45 bytes: the quote is 46.
    ('B26,2026-01-15,8703.80.00,DE,1,each,40000.00,"CAD', "column 46",
     "a quoted field is never closed"),
    ("B27" + "x" * 70000 + ",2026-01-15,8703.80.00,DE,1,each,40000.00,CAD", "",
     "the line is longer than 65536 bytes"),
]


@case
def bad_entries(env):
    lines = ["G01,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD"]
    lines += [raw for raw, _, _ in BAD_ENTRIES]
    lines += ["G02,2026-01-15,8703.80.00,KR,1,each,40000.00,CAD"]
    r = env.calc(HEADER + "\n".join(lines) + "\n")
    check(r.code == 1, f"exit {r.code}, expected 1: {r.stderr}")
    path = os.path.join(env.tmp, "entries.csv")
    # The bad row i (from 0) is on line i + 3 (the header, then G01).
    for i, (_, field, words) in enumerate(BAD_ENTRIES):
        expect_message(r, path, i + 3, field, words)
    rows = r.rows()  # every output row is whole
    check(set(rows) == {"G01", "G02"}, f"only G01 and G02 may be assessed, got {sorted(rows)}")
    check(len(r.messages()) == len(BAD_ENTRIES) + 1, f"one message a bad row:\n{r.stderr}")
    check(r.messages()[-1] == f"tariff-calc: 2 entries assessed, {len(BAD_ENTRIES)} rejected",
          r.messages()[-1])


@case
def entries_without_rates(env):
    r = env.calc(HEADER + "N01,2026-01-20,8703.80.00,DE,1,each,100.00,CNY\n", rates=None)
    check(r.code == 1, f"exit {r.code}")
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 2, "currency",
                   "no CNY to CAD exchange rate dated on or before 2026-01-20 (no --rates file)")


@case
def strict_stops_at_the_first_bad_row(env):
    r = env.calc(HEADER + """\
G01,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD
B01,2026-01-15,8703.80.00,DE,-1,each,40000.00,CAD
G02,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD
""", extra=["--strict"])
    check(r.code == 4, f"exit {r.code}, expected 4")
    check(set(r.rows()) == {"G01"}, f"only G01 comes before the bad row: {sorted(r.rows())}")
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 3, "quantity", "cannot be negative")
    check("stopped at the first bad entry (--strict); 1 entry assessed before it" in r.stderr,
          r.stderr)


@case
def empty_and_headerless_entries(env):
    path = os.path.join(env.tmp, "entries.csv")
    r = env.calc("")
    check(r.code == 3, f"empty file: exit {r.code}")
    check(f"{path}: the file is empty; the first line must be the header {HEADER.strip()}"
          in r.stderr, r.stderr)
    r = env.calc("\ufeff\r\n")
    check(r.code == 3 and "the file is empty" in r.stderr, f"{r.code} {r.stderr}")
    r = env.calc(HEADER)
    check(r.code == 0 and r.out == OUT_HEADER + "\n", f"header only: {r.code} {r.out!r}")
    r = env.calc("G01,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD\n")
    check(r.code == 3, f"no header: exit {r.code}")
    expect_message(r, path, 1, "", f"expected the header {HEADER.strip()}; found \"G01,2026")
    r = env.calc("id,date,hs_code,origin,qty,unit,value,currency\n")
    check(r.code == 3, f"wrong header: exit {r.code}")


# --- bad schedules and rates -----------------------------------------------------------------

SCHEDULE_HEADER = SCHEDULE.splitlines()[0] + "\n"

# One problem a row: (the row, field, words). Row i is on line i + 2.
BAD_SCHEDULE_ROWS = [
    ("levy,8703.80.00,,X,1 %,,,,,,", "record", '"levy": expected line, surtax, tax, quota, treatment or consignment'),
    ("line,,,MFN,6.1 %,each,,,,,", "hs_code", "empty; this record needs one"),
    ("line,8703.8,,MFN,6.1 %,each,,,,,", "hs_code", '"8703.8": an HS code has 6 to 10 digits'),
    ("line,0406.10.00,FR,MFN,6.1 %,kg,,,,,", "origin", '"FR": a line row has no origin'),
    ("line,0406.20.00,,MFN;x,6.1 %,kg,,,,,", "name", "cannot hold '=', ';'"),
    ("line,0406.30.00,,MFN,6.1 % plus,kg,,,,,", "rate",
     '"6.1 % plus": expected a rate (6.1 %), an amount ($5.33/kg), Free or \'(\' (at byte 11)'),
    ("line,0406.40.00,,MFN,6.1 %,crate,,,,,", "unit", '"crate": unknown unit'),
    ("surtax,8703,CN,S,10 %,kg,,,,,", "unit", '"kg": a surtax row has no unit'),
    ("line,0406.50.00,,MFN,6.1 %,kg,5,,,,", "volume", '"5": a line row has no volume'),
    ("quota,8703.80.00,CN,QX,6.1 %,,,2026-03-01,2026-08-31,,", "volume", "empty"),
    ("quota,8703.80.00,CN,QY,6.1 %,,10,,2026-08-31,,", "valid_from", "empty"),
    ("quota,8703.80.00,CN,QZ,6.1 %,,-1,2026-03-01,2026-08-31,,", "volume", "cannot be negative"),
    ("quota,8703.80.00,CN,QW,6.1 %,,2.5,2026-03-01,2026-08-31,,", "volume", "a whole number"),
    ("line,0406.60.00,,MFN,6.1 %,kg,,2026-13-01,,,", "valid_from", '"2026-13-01": no such month'),
    ("line,0406.70.00,,MFN,6.1 %,kg,,2026-05-01,2026-04-01,,", "valid_to",
     "the period ends before it starts"),
    ("surtax,8703,CHN,S,10 %,,,,,,", "origin", '"CHN": expected an ISO 3166 alpha-2 code'),
    ("surtax,87-03,CN,S,10 %,,,,,,", "hs_code", "expected an HS code or a prefix of one"),
    # CHF: a currency the library knows but tariff-calc offers no schedule in (a
    # line rate in EUR, USD or GBP is converted: line_rate_in_another_currency).
    ("line,0406.80.00,,MFN,10 CHF/kg,kg,,,,,", "rate",
     "the amount is in a currency other than the schedule's"),
    ("line,0406.90.00,,MFN,6.1 %,kg,,,,", "", "expected 11 fields, as in the header; found 10"),
]

# Rows each fine alone, wrong together: (row, field or "", words) on line i + 2.
CONFLICTING_SCHEDULE_ROWS = [
    ("line,8703.80.00,,MFN,6.1 %,each,,,2025-12-31,,", None, None),
    ("line,8703.80.00,,MFN,5 %,each,,2025-06-01,,,", "valid_from",
     "tariff line 8703.80.00 is already in force until 2025-12-31 (line 2)"),
    ("line,0406.40.20,,MFN,$5.33/kg,kg,,,2029-12-31,,", None, None),
    ("line,0406.40.20,,MFN,Free,each,,2030-01-01,,,", "unit",
     "tariff line 0406.40.20 is counted in kg on line 4"),
    ("surtax,8703,CN,China surtax,100 %,,,2024-10-01,,,", None, None),
    ("surtax,8703.80,CN,China surtax,50 %,,,2025-01-01,2025-12-31,,", "valid_from",
     'surtax "China surtax" overlaps line 6 (HS 8703, origin CN, from 2024-10-01)'),
    ("surtax,8703,US,China surtax,50 %,,,,,,", None, None),  # another origin: no conflict
    ("quota,8703.80.00,CN,Q1,6.1 %,,100,2026-03-01,2026-08-31,,", None, None),
    ("quota,8703.80.00,CN,Q1,6.1 %,,100,2026-08-01,2027-02-28,,", "valid_from",
     'quota "Q1": the period 2026-08-01 to 2027-02-28 overlaps 2026-03-01 to 2026-08-31'),
    ("quota,9999.99,CN,Q2,Free,,5,2026-01-01,2026-12-31,,", "hs_code",
     'quota "Q2": no tariff line under HS 9999.99'),
    ("quota,0406.40.20,FR,Q3,Free,tonne,5,2026-01-01,2026-12-31,,", "unit",
     "the volume is in the unit of the quota's lines, kg"),
    ("surtax,0406,FR,Dairy surtax,$1/l,,,,,,", "rate",
     "the surtax needs a quantity of volume, but tariff line 0406.40.20 (line 4) declares only kg"),
    ("tax,0406,,Dairy levy,$1/l,,,,,,", "rate",
     "the tax needs a quantity of volume, but tariff line 0406.40.20 (line 4) declares only kg"),
    ("tax,,,China surtax,5 %,,,,,,", "name",
     '"China surtax" is also the name of a duty (line 6)'),
    ("quota,8703.80.00,CN,Q4,6.1 %,,5,2026-06-01,2026-06-30,,", "hs_code",
     'quota "Q4" and quota "Q1" (line 9) cover the same lines for origin CN at the same time'),
    ("quota,8703.80.00,DE,Q1,Free,,5,2027-03-01,2027-08-31,,", "origin",
     "every row of one quota has the same hs_code and origin"),
]


def expect_invalid(r, path, rows, what):
    check(r.code == 3, f"exit {r.code}, expected 3: {r.stderr}")
    for i, (_, field, words) in enumerate(rows):
        if words is not None:
            expect_message(r, path, i + 2, field, words)
    reported = {int(m.split(":")[1]) for m in r.messages() if m.startswith(path + ":")}
    wanted = {i + 2 for i, (_, _, words) in enumerate(rows) if words is not None}
    check(reported == wanted, f"messages for lines {sorted(reported)}, expected {sorted(wanted)}")
    check(f"the {what} invalid" in r.messages()[-1] and "nothing was assessed" in r.messages()[-1],
          r.messages()[-1])
    check(r.out == "", "nothing may be written for an invalid schedule or rates file")


@case
def bad_schedule_rows(env):
    r = env.calc(HEADER, schedule=SCHEDULE_HEADER + "\n".join(x[0] for x in BAD_SCHEDULE_ROWS) + "\n")
    expect_invalid(r, os.path.join(env.tmp, "schedule.csv"), BAD_SCHEDULE_ROWS, "schedule is")


@case
def conflicting_schedule_rows(env):
    r = env.calc(HEADER, schedule=SCHEDULE_HEADER +
                 "\n".join(x[0] for x in CONFLICTING_SCHEDULE_ROWS) + "\n")
    expect_invalid(r, os.path.join(env.tmp, "schedule.csv"), CONFLICTING_SCHEDULE_ROWS,
                   "schedule is")


@case
def bad_schedule_files(env):
    path = os.path.join(env.tmp, "schedule.csv")
    r = env.calc(HEADER, schedule="")
    check(r.code == 3 and f"{path}: the file is empty" in r.stderr, f"{r.code} {r.stderr}")
    r = env.calc(HEADER, schedule="record,hs_code,origin,name,rate\n")
    check(r.code == 3, f"exit {r.code}")
    expect_message(r, path, 1, "", "expected the header record,hs_code,origin,name,rate,unit,")
    r = env.calc(HEADER, schedule=SCHEDULE + "line,0406.90.00,,MFN,6.1 %,kg,,,,,\"" + "x" * 70000 + "\"\n")
    check(r.code == 3, f"exit {r.code}")
    expect_message(r, path, len(SCHEDULE.splitlines()) + 1, "", "longer than 65536 bytes")


BAD_RATES_ROWS = [
    ("2026-01-02,CNY,CAD,0.1897", None, None),
    ("2026-1-02,CNY,CAD,0.19", "date", '"2026-1-02": a date is written YYYY-MM-DD'),
    ("2026-01-03,XXX,CAD,0.19", "from", '"XXX": unknown currency'),
    ("2026-01-03,CNY,ZZZ,0.19", "to", '"ZZZ": unknown currency'),
    ("2026-01-03,CAD,CAD,1", "to", "a rate converts between two currencies"),
    ("2026-01-03,CNY,CAD,0", "rate", '"0": a rate must be more than zero'),
    ("2026-01-03,CNY,CAD,-0.5", "rate", "must be more than zero"),
    ("2026-01-03,CNY,CAD,abc", "rate", '"abc": not a number'),
    ("2026-01-04,CNY,CAD", "", "expected 4 fields, as in the header; found 3"),
    ("2026-01-02,CNY,CAD,0.1900", "date", "a second CNY to CAD rate for 2026-01-02 (the other is on line 2)"),
]


@case
def bad_rates(env):
    path = os.path.join(env.tmp, "rates.csv")
    r = env.calc(HEADER, rates="date,from,to,rate\n" + "\n".join(x[0] for x in BAD_RATES_ROWS) + "\n")
    expect_invalid(r, path, BAD_RATES_ROWS, "exchange rates are")
    r = env.calc(HEADER, rates="")
    check(r.code == 3 and f"{path}: the file is empty" in r.stderr, f"{r.code} {r.stderr}")
    r = env.calc(HEADER, rates="day,from,to,rate\n")
    check(r.code == 3, f"exit {r.code}")
    expect_message(r, path, 1, "", "expected the header date,from,to,rate")


# --- the tool: --version, --help, --format, the audit trail, totals, progress ------


def library_version():
    """MAJOR.MINOR.PATCH as include/tariff/version.hpp defines them."""
    here = os.path.dirname(os.path.abspath(__file__))
    text = open(os.path.join(here, "..", "include", "tariff", "version.hpp")).read()
    parts = [re.search(rf"#define TARIFF_VERSION_{p} (\d+)", text).group(1)
             for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


@case
def version_option(env):
    r = env.run("--version")
    check(r.code == 0, f"exit {r.code}, expected 0")
    check(r.stdout == f"tariff-calc {library_version()}\n", f"--version printed {r.stdout!r}")
    check(r.stderr == "", r.stderr)
    r = env.run("--version=2")
    check(r.code == 2 and "--version takes no value" in r.stderr, f"{r.code} {r.stderr!r}")


@case
def help_stands_alone(env):
    r = env.run("--help")
    check(r.code == 0 and r.stderr == "", f"exit {r.code}, stderr {r.stderr!r}")
    text = r.stdout
    # The synopsis, every option, the three files' headers, the output columns,
    # every exit status, an example.
    check(text.startswith("usage: tariff-calc --schedule FILE --entries FILE"), text[:80])
    for option in ("--schedule", "--entries", "--rates", "--currency", "--output", "--format",
                   "--totals", "--quota-summary", "--rounding", "--strict", "--help",
                   "--version"):
        check(f"  {option}" in text, f"--help does not list {option}")
    for words in ("csv", "jsonl", "table", "half_even", "away_from_zero",
                  "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,",
                  "legal_basis,description", "date,from,to,rate",
                  "id,date,hs_code,origin,quantity,unit,value,currency",
                  "schedule_currency,", "exchange_rate,rate_date",
                  "Exit status: 0", "1 some entries rejected", "2 usage error", "3 a file",
                  "4 stopped", "5 internal error", "Example:", "tariff-calc --schedule "):
        check(words in text, f"--help does not say {words!r}")
    long_lines = [l for l in text.splitlines() if len(l) > 80]
    check(not long_lines, f"--help lines over 80 columns: {long_lines}")
    # The usage after a usage error is the same text.
    r = env.run("--bogus")
    check(r.code == 2 and r.stderr.endswith(text), "the usage after an error is not --help's")


# Entries for the format cases; the figures are worked out by hand below.
FORMAT_ENTRIES = HEADER + """\
A01,2026-01-15,8703.80.00,CN,1,each,40000.00,CAD
F01,2026-01-20,8703.80.00,DE,1,each,100000.00,CNY
R01,2026-01-20,8703.80.00,DE,-1,each,1.00,CAD
"Q""01\\",2026-03-10,8703.80.00,CN,5,each,1000.00,CAD
"""
# A01 (CAD, before the quota opens): MFN 6.1 % of 40,000.00 = 2,440.00 on 40,000.00;
#   China surtax 100 % = 40,000.00 on 40,000.00; GST 5 % of 82,440.00 = 4,122.00.
#   duty 42,440.00, taxes 4,122.00, total 46,562.00.
# F01: 100,000.00 CNY x 0.1897 (the rate of 2026-01-02, the latest on or before
#   2026-01-20) = 18,970.00 CAD; MFN 6.1 % = 1,157.17; GST 5 % of 20,127.17 =
#   1,006.3585 -> 1,006.36. duty 1,157.17, taxes 1,006.36, total 2,163.53.
# R01: rejected (a negative quantity).
# Q"01\ (id with a quote and a backslash): 5 vehicles, Q1's first period has 3:
#   3 in quota, 2 over; the value split 3:2 = 600.00 / 400.00. In quota: Q1 6.1 %
#   of 600.00 = 36.60; GST 5 % of 636.60 = 31.83. Over: MFN 6.1 % of 400.00 = 24.40;
#   surtax 400.00; GST 5 % of 824.40 = 41.22. GST on both parts: 73.05 on 1,461.00.
#   duty 36.60 + 24.40 + 400.00 = 461.00, taxes 73.05, total 534.05.
# Totals: value for duty 40,000.00 + 18,970.00 + 1,000.00 = 59,970.00; duty
#   42,440.00 + 1,157.17 + 461.00 = 44,058.17; taxes 4,122.00 + 1,006.36 + 73.05
#   = 5,201.41; total 46,562.00 + 2,163.53 + 534.05 = 49,259.58.


def cad(amount):
    return {"amount": amount, "currency": "CAD"}


def component(name, kind, basis, base, rate, amount):
    return {"name": name, "kind": kind, "legal_basis": basis, "base": cad(base), "rate": rate,
            "amount": cad(amount)}


MFN = ("MFN", "duty", "Customs Tariff 8703.80.00")
SURTAX = ("China surtax", "duty", "SOR/2024-187 s.3")
GST = ("GST", "tax", "Excise Tax Act s.215")
FORMAT_OBJECTS = [
    {"id": "A01", "date": "2026-01-15", "hs_code": "8703.80.00", "origin": "CN",
     "quantity": "1", "unit": "each", "in_quota": None, "over_quota": None,
     "value": cad("40000.00"), "exchange_rate": None, "value_for_duty": cad("40000.00"),
     "duty": cad("42440.00"), "taxes": cad("4122.00"), "total": cad("46562.00"),
     "components": [component(*MFN, "40000.00", "6.1 %", "2440.00"),
                    component(*SURTAX, "40000.00", "100 %", "40000.00"),
                    component(*GST, "82440.00", "5 %", "4122.00")]},
    {"id": "F01", "date": "2026-01-20", "hs_code": "8703.80.00", "origin": "DE",
     "quantity": "1", "unit": "each", "in_quota": None, "over_quota": None,
     "value": {"amount": "100000.00", "currency": "CNY"},
     "exchange_rate": {"from": "CNY", "to": "CAD", "rate": "0.1897", "date": "2026-01-02"},
     "value_for_duty": cad("18970.00"), "duty": cad("1157.17"), "taxes": cad("1006.36"),
     "total": cad("2163.53"),
     "components": [component(*MFN, "18970.00", "6.1 %", "1157.17"),
                    component(*GST, "20127.17", "5 %", "1006.36")]},
    {"id": 'Q"01\\', "date": "2026-03-10", "hs_code": "8703.80.00", "origin": "CN",
     "quantity": "5", "unit": "each", "in_quota": "3", "over_quota": "2",
     "value": cad("1000.00"), "exchange_rate": None, "value_for_duty": cad("1000.00"),
     "duty": cad("461.00"), "taxes": cad("73.05"), "total": cad("534.05"),
     "components": [component("Q1", "duty", "", "600.00", "6.1 %", "36.60"),
                    component(*GST, "1461.00", "5 %", "73.05"),
                    component(*MFN, "400.00", "6.1 %", "24.40"),
                    component(*SURTAX, "400.00", "100 %", "400.00")]},
]
FORMAT_TOTALS = {"assessed": 3, "rejected": 1, "value_for_duty": cad("59970.00"),
                 "duty": cad("44058.17"), "taxes": cad("5201.41"), "total": cad("49259.58")}


@case
def audit_trail_in_csv(env):
    r = env.calc(FORMAT_ENTRIES)
    check(r.code == 1, f"exit {r.code}, expected 1: {r.stderr}")
    rows = r.rows()
    # Amounts in CAD; the rate of a converted value and its date; empty otherwise.
    expect_row(rows, "A01", schedule_currency="CAD", exchange_rate="", rate_date="")
    expect_row(rows, "F01", value="100000.00", currency="CNY", value_for_duty="18970.00",
               schedule_currency="CAD", exchange_rate="0.1897", rate_date="2026-01-02")
    expect_row(rows, 'Q"01\\', in_quota="3", over_quota="2", duty="461.00", taxes="73.05",
               total="534.05", components="Q1=36.60;GST=73.05;MFN=24.40;China surtax=400.00",
               schedule_currency="CAD", exchange_rate="")
    check(sorted(rows) == sorted(["A01", "F01", 'Q"01\\']), f"rows {sorted(rows)}")
    # csv has no totals row: every row is an entry. The totals go to --totals.
    r = env.calc(FORMAT_ENTRIES, extra=["--totals", os.path.join(env.tmp, "totals.csv")])
    with open(os.path.join(env.tmp, "totals.csv"), encoding="utf-8", newline="") as f:
        totals = f.read()
    check(totals == "assessed,rejected,currency,value_for_duty,duty,taxes,total\n"
                    "3,1,CAD,59970.00,44058.17,5201.41,49259.58\n", f"totals {totals!r}")
    # A USD schedule: CAD 100.00 x 0.7325 (CAD to USD, 2026-01-02) = USD 73.25.
    usd = "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis," \
          "description\nline,0406.40.20,,MFN,$1.00/kg,kg,,,,,\n"
    r = env.calc(HEADER + "U01,2026-01-15,0406.40.20,FR,10,kg,100.00,CAD\n", schedule=usd,
                 extra=["--currency", "USD"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    expect_row(r.rows(), "U01", value_for_duty="73.25", schedule_currency="USD",
               exchange_rate="0.7325", rate_date="2026-01-02")


def no_float(text):
    raise Failure(f"a JSON float in the output: {text}")


@case
def jsonl_by_hand(env):
    r = env.calc(FORMAT_ENTRIES, extra=["--format", "jsonl"])
    check(r.code == 1, f"exit {r.code}, expected 1: {r.stderr}")
    lines = r.out.splitlines()
    got = [json.loads(line, parse_float=no_float) for line in lines]
    want = FORMAT_OBJECTS + [{"totals": FORMAT_TOTALS}]
    check(len(got) == len(want), f"{len(got)} lines, expected {len(want)}:\n{r.out}")
    for g, w in zip(got, want):
        check(g == w, f"expected\n  {w}\ngot\n  {g}")
    # One object a line, no blank line; the id escaped as JSON escapes it.
    check(r.out.endswith("}\n") and "\n\n" not in r.out, r.out[-200:])
    check('"id":"Q\\"01\\\\"' in r.out, "the id is not escaped")


def table_block(head, value_line, conversion, components, duty, taxes, total):
    """An entry's block as docs/tariff-calc.md lays it out."""
    lines = [head, value_line]
    if conversion:
        lines.append(conversion)
    for name, rate, base, amount in components:
        lines.append(f"  {name:<20} {rate:>12}  on {base:>16} CAD  {amount:>16} CAD")
    lines.append(f"  duty {duty} CAD, taxes {taxes} CAD, total {total} CAD")
    return "\n".join(lines) + "\n\n"


@case
def table_by_hand(env):
    r = env.calc(FORMAT_ENTRIES, extra=["--format", "table"])
    check(r.code == 1, f"exit {r.code}, expected 1: {r.stderr}")
    want = (
        table_block("A01  2026-01-15  8703.80.00  CN  1 each",
                    f"  value           {'40000.00':>17} CAD", None,
                    [("MFN", "6.1 %", "40000.00", "2440.00"),
                     ("China surtax", "100 %", "40000.00", "40000.00"),
                     ("GST", "5 %", "82440.00", "4122.00")],
                    "42440.00", "4122.00", "46562.00")
        + table_block("F01  2026-01-20  8703.80.00  DE  1 each",
                      f"  value           {'100000.00':>17} CNY   at 0.1897 CAD per CNY, "
                      "rate of 2026-01-02",
                      f"  value for duty  {'18970.00':>17} CAD",
                      [("MFN", "6.1 %", "18970.00", "1157.17"),
                       ("GST", "5 %", "20127.17", "1006.36")],
                      "1157.17", "1006.36", "2163.53")
        + table_block('Q"01\\  2026-03-10  8703.80.00  CN  5 each  (in quota 3, over quota 2)',
                      f"  value           {'1000.00':>17} CAD", None,
                      [("Q1", "6.1 %", "600.00", "36.60"), ("GST", "5 %", "1461.00", "73.05"),
                       ("MFN", "6.1 %", "400.00", "24.40"),
                       ("China surtax", "100 %", "400.00", "400.00")],
                      "461.00", "73.05", "534.05")
        + "totals: 3 entries assessed, 1 rejected\n"
        + f"  value for duty  {'59970.00':>20} CAD\n"
        + f"  duty            {'44058.17':>20} CAD\n"
        + f"  taxes           {'5201.41':>20} CAD\n"
        + f"  total           {'49259.58':>20} CAD\n")
    check(r.out == want, "table differs:\n" + "".join(difflib.unified_diff(
        want.splitlines(True), r.out.splitlines(True), "by hand", "tariff-calc")))
    check(max(len(l) for l in r.out.splitlines()) <= 100, "a table line over 100 columns")


@case
def totals_beyond_64_bits(env):
    # Two entries of 90,000,000,000,000,000.00 (coefficient 9 x 10^18 at 2
    # places, within 64 bits) on a Free line from FR: duty 0.00; GST 5 % =
    # 4,500,000,000,000,000.00 each. The sum of the values, 180,000,000,000,000,000.00,
    # does not fit a 64-bit decimal at 2 places: the totals are still exact.
    big = "90000000000000000.00"
    r = env.calc(HEADER + f"B1,2026-01-15,7208.51.00,FR,1,kg,{big},CAD\n"
                          f"B2,2026-01-15,7208.51.00,FR,1,kg,{big},CAD\n",
                 extra=["--format", "jsonl", "--totals", os.path.join(env.tmp, "t.csv")])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    last = json.loads(r.out.splitlines()[-1], parse_float=no_float)
    check(last == {"totals": {"assessed": 2, "rejected": 0,
                              "value_for_duty": cad("180000000000000000.00"),
                              "duty": cad("0.00"), "taxes": cad("9000000000000000.00"),
                              "total": cad("9000000000000000.00")}}, f"totals {last}")
    with open(os.path.join(env.tmp, "t.csv"), encoding="utf-8") as f:
        check(f.read().splitlines()[1] ==
              "2,0,CAD,180000000000000000.00,0.00,9000000000000000.00,9000000000000000.00",
              "the --totals row")


@case
def format_and_totals_usage(env):
    s, e = env.file("s.csv", SCHEDULE), env.file("e.csv", HEADER)
    out = os.path.join(env.tmp, "o.csv")
    for args, words in [
        (["--format", "xml"], 'unknown format "xml" (choose csv, jsonl or table)'),
        (["--format", "csv", "--format=csv"], "--format is given twice"),
        (["--totals", "-"], "--output and --totals cannot both be standard output"),
        (["--output", out, "--quota-summary", "-", "--totals", "-"],
         "--quota-summary and --totals cannot both be standard output"),
        (["--output", out, "--totals", out], "--output and --totals name the same file"),
        (["--totals", e], "--totals and --entries name the same file"),
    ]:
        r = env.run("--schedule", s, "--entries", e, *args)
        check(r.code == 2, f"{args}: exit {r.code}, expected 2")
        check(r.stderr.startswith(f"tariff-calc: {words}"), f"{args}: {r.stderr[:200]!r}")
    # --totals - with the entries in a file: the totals alone on standard output.
    r = env.run("--schedule", s, "--entries", e, "--output", out, "--totals", "-")
    check(r.code == 0 and r.stdout == "assessed,rejected,currency,value_for_duty,duty,taxes,"
          "total\n0,0,CAD,0.00,0.00,0.00,0.00\n", f"{r.code} {r.stdout!r}")
    # No entries, jsonl: the totals line alone; table: the totals block alone.
    r = env.run("--schedule", s, "--entries", e, "--format", "jsonl")
    check(r.stdout == '{"totals":{"assessed":0,"rejected":0,"value_for_duty":{"amount":"0.00",'
          '"currency":"CAD"},"duty":{"amount":"0.00","currency":"CAD"},"taxes":{"amount":'
          '"0.00","currency":"CAD"},"total":{"amount":"0.00","currency":"CAD"}}}\n', r.stdout)
    # --strict: the totals of the entries before the stop.
    r = env.calc(FORMAT_ENTRIES, extra=["--strict", "--format", "jsonl"])
    check(r.code == 4, f"exit {r.code}, expected 4")
    last = json.loads(r.out.splitlines()[-1])
    check(last["totals"]["assessed"] == 2 and last["totals"]["rejected"] == 1 and
          last["totals"]["total"] == cad("48725.53"),  # 46,562.00 + 2,163.53
          f"--strict totals {last}")


def slow_run(env, stderr):
    """Runs with the entries on a pipe that waits 1.5 s between two rows, so
    that the run takes over a second; returns (exit, stdout, stderr if a pipe)."""
    s = env.file("s.csv", SCHEDULE)
    proc = subprocess.Popen([env.program, "--schedule", s, "--entries", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
    proc.stdin.write((HEADER + "A01,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD\n").encode())
    proc.stdin.flush()
    time.sleep(1.5)
    proc.stdin.write(b"A02,2026-01-15,8703.80.00,DE,1,each,40000.00,CAD\n")
    proc.stdin.close()
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode() if stderr == subprocess.PIPE else None
    return proc.wait(timeout=60), out, err


@case
def no_progress_when_stderr_is_not_a_terminal(env):
    code, out, err = slow_run(env, subprocess.PIPE)
    check(code == 0, f"exit {code}")
    check(out.count("\n") == 3, f"output {out!r}")
    check(err == "", f"standard error (a pipe) got {err!r}")


@case
def progress_on_a_terminal(env):
    # Standard error on a pseudo-terminal: a progress line, then cleared.
    import pty
    import threading
    master, slave = pty.openpty()
    seen = []

    def read_terminal():  # as a terminal would, while the program runs
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the terminal has no writer left
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    try:
        code, out, _ = slow_run(env, slave)
    finally:
        os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    seen = b"".join(seen)
    check(code == 0, f"exit {code}")
    check(out.count("\n") == 3, f"output {out!r}")
    text = seen.decode()
    # After 1.5 s (the entries reader may wait for more than a line): the line,
    # redrawn at most every 0.2 s, then erased.
    check(re.fullmatch(r"(\rtariff-calc: assessed [01], rejected 0 \([12]\.\d s\)\x1b\[K)+"
                       r"\r\x1b\[K", text),
          f"progress on the terminal: {text!r}")


# --- quantities qualified by a property of the goods (issue 11 item 1) ------------------


@case
def qualified_quantities_column(env):
    eur = "record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description\n" \
          "line,2206.00.10,,MFN,1.30 EUR / % vol / hl MIN 7.20 EUR / hl,hl,,,,CN 2206 00 10,piquette\n" \
          "line,2008.70.00,,MFN,5.10% + 9.40 EUR / 100 kg / net drained wt,kg,,,,,peaches\n" \
          "quota,2008.70.00,CN,Q9,Free,kg,1000,2026-01-01,2026-12-31,,\n"
    header = "id,date,hs_code,origin,quantity,unit,value,currency,quantities\n"
    r = env.calc(header + """\
P1,2026-01-05,2206.00.10,FR,25,hl,1000.00,EUR,12.5 % vol
P2,2026-01-05,2206.00.10,FR,1000,l,1000.00,EUR,4.5 % vol
P3,2026-01-05,2206.00.10,FR,10,hl,1000.00,EUR,
F1,2026-01-05,2008.70.00,US,1000,kg,1000.00,EUR,800 kg on drained weight
F2,2026-01-05,2008.70.00,CN,1500,kg,1500.00,EUR,1200 kg on drained weight
F3,2026-01-05,2008.70.00,CN,500,kg,500.00,EUR,400 kg on drained weight
B1,2026-01-05,2206.00.10,FR,25,hl,1000.00,EUR,12.5 % volume
B2,2026-01-05,2206.00.10,FR,25,hl,1000.00,EUR,25 % vol / hl
B3,2026-01-05,2206.00.10,FR,25,hl,1000.00,EUR,twelve % vol
""", schedule=eur, rates=None, extra=["--currency", "EUR"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    entries = os.path.join(env.tmp, "entries.csv")
    # 25 hl at 12.5 % vol: 1.30 x 12.5 x 25 = 406.25, above the floor 7.20 x 25 = 180.00.
    expect_row(rows, "P1", duty="406.25", total="406.25")
    # 1,000 l = 10 hl at 4.5 % vol: 1.30 x 4.5 x 10 = 58.50 < 7.20 x 10 = 72.00: the floor.
    expect_row(rows, "P2", quantity="10", duty="72.00", total="72.00")
    # No strength declared: the duty cannot be computed.
    expect_message(r, entries, 4, "", "the duty needs a quantity the entry does not declare")
    # 5.10 % of 1,000.00 = 51.00 + 9.40 x 8 (800 kg drained) = 75.20: 126.20.
    expect_row(rows, "F1", duty="126.20", total="126.20")
    # 1,500 kg from CN: 1,000 in quota, 500 over: the drained weight cannot be split.
    expect_message(r, entries, 6, "quantities", "cannot be split")
    # The rejected F2 drew nothing: 500 kg in quota (Free), 0.00.
    expect_row(rows, "F3", in_quota="500", over_quota="0", duty="0.00")
    expect_message(r, entries, 8, "quantities", "unknown unit")
    expect_message(r, entries, 9, "quantities", "a quantity times a property")
    expect_message(r, entries, 10, "quantities", "expected a decimal")


# --- named values: the optional `values` column (issue 11, named value bases) ----------

WATCH_SCHEDULE = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,9102.11.00,,MFN,45% on the case + 35% on the battery,No.,,,,,watches
quota,9102.11.00,CN,W1,Free,No.,10,2026-01-01,2026-12-31,,
"""


PARCEL_SCHEDULE = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,6109.10.00,,MFN,12%,each,,,,,T-shirts
line,6110.20.00,,MFN,12%,each,,,,,jerseys
line,8517.13.00,,MFN,Free,each,,,,,phones
consignment,,,Parcel duty,EUR 3.00,,below 150.00,2026-07-01,,Council 2026,low-value parcels
"""


@case
def consignment_column(env):
    header = "id,date,hs_code,origin,quantity,unit,value,currency,consignment\n"
    entries = header + """\
C1,2026-07-02,6109.10.00,CN,1,each,20.00,EUR,P1
C2,2026-07-02,6109.10.00,CN,1,each,40.00,EUR,P1
C3,2026-07-02,8517.13.00,CN,1,each,60.00,EUR,P1
X1,2026-07-02,6110.20.00,CN,1,each,10.00,EUR,
D1,2026-07-02,6109.10.00,CN,1,each,100.00,EUR,P2
D2,2026-07-02,6110.20.00,CN,1,each,50.00,EUR,P2
E1,2026-07-02,6109.10.00,CN,1,each,10.00,EUR,P3
E2,2026-07-02,6110.20.00,CN,1,each,20.00,EUR,P3
E9,2026-07-02,9999.99.99,CN,1,each,500.00,EUR,P3
E3,2026-07-02,8517.13.00,CN,1,each,20.00,EUR,P3
"""
    r = env.calc(entries, schedule=PARCEL_SCHEDULE, rates=None, extra=["--currency", "EUR"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    # By hand, P1: 3 lines in 2 distinct 6-digit items (610910, 851713),
    # 20 + 40 + 60 = 120.00 < 150.00: 2 x 3.00 = 6.00, split by value
    # 20:40:60 of 120: 1.00, 2.00, 3.00 (exact, no remainder). MFN 12 %:
    # 2.40, 4.80, 0.00 (Free).
    expect_row(rows, "C1", duty="3.40", total="3.40", components="MFN=2.40;Parcel duty=1.00")
    expect_row(rows, "C2", duty="6.80", total="6.80", components="MFN=4.80;Parcel duty=2.00")
    expect_row(rows, "C3", duty="3.00", total="3.00", components="MFN=0.00;Parcel duty=3.00")
    # No id: no share, written in its place (after P1, which it ends).
    expect_row(rows, "X1", duty="1.20", components="MFN=1.20")
    # P2: 100 + 50 = 150.00, not below 150.00: no charge.
    expect_row(rows, "D1", duty="12.00", components="MFN=12.00")
    expect_row(rows, "D2", duty="6.00", components="MFN=6.00")
    # P3, at the end of the file: E9 is rejected (no such line) and left out
    # (its 500.00 would put P3 over the limit). 10 + 20 + 20 = 50.00, 3 items
    # (610910, 611020, 851713): 9.00 split 10:20:20 of 50: 1.80, 3.60, 3.60.
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 10, "hs_code", "9999.99.99")
    expect_row(rows, "E1", duty="3.00", components="MFN=1.20;Parcel duty=1.80")
    expect_row(rows, "E2", duty="6.00", components="MFN=2.40;Parcel duty=3.60")
    expect_row(rows, "E3", duty="3.60", components="MFN=0.00;Parcel duty=3.60")
    order = [line.split(",")[0] for line in r.out.splitlines()[1:]]
    check(order == ["C1", "C2", "C3", "X1", "D1", "D2", "E1", "E2", "E3"], f"order: {order}")

    # The row's validity and the totals: T1-T3 (3 x 10.00, one item 610910)
    # are dated before the row's valid_from 2026-07-01: no charge. U1-U3, the
    # same on 2026-07-01: 1 item x 3.00 = 3.00, split 10:10:10 of 30: 1.00
    # each. Totals (jsonl): values 6 x 10.00 = 60.00; duty MFN 6 x 12 % x
    # 10.00 = 7.20, plus the parcel duty 3.00: 10.20.
    header_t = header + """\
T1,2026-06-30,6109.10.00,CN,1,each,10.00,EUR,T
T2,2026-06-30,6109.10.00,CN,1,each,10.00,EUR,T
T3,2026-06-30,6109.10.00,CN,1,each,10.00,EUR,T
U1,2026-07-01,6109.10.00,CN,1,each,10.00,EUR,U
U2,2026-07-01,6109.10.00,CN,1,each,10.00,EUR,U
U3,2026-07-01,6109.10.00,CN,1,each,10.00,EUR,U
"""
    r = env.calc(header_t, schedule=PARCEL_SCHEDULE, rates=None,
                 extra=["--currency", "EUR", "--format", "jsonl"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    lines = [json.loads(x, parse_float=no_float) for x in r.out.splitlines()]
    check([x.get("id") for x in lines[:6]] == ["T1", "T2", "T3", "U1", "U2", "U3"],
          f"jsonl: {r.out[:300]}")
    check(all(len(x["components"]) == 1 for x in lines[:3]), f"T: {lines[:3]}")
    for x in lines[3:6]:
        check(x["components"][1]["name"] == "Parcel duty" and
              x["components"][1]["amount"]["amount"] == "1.00", f"U: {x}")
    check(lines[6]["totals"]["value_for_duty"]["amount"] == "60.00" and
          lines[6]["totals"]["duty"]["amount"] == "10.20", f"totals: {lines[6]}")

    # --strict stops at a bad entry inside a consignment: the entries held
    # before it are written (V1 alone: 1 item, 10.00: 3.00).
    r = env.calc(header + """\
V1,2026-07-02,6109.10.00,CN,1,each,10.00,EUR,V
V2,2026-07-02,9999.99.99,CN,1,each,10.00,EUR,V
""", schedule=PARCEL_SCHEDULE, rates=None, extra=["--currency", "EUR", "--strict"])
    check(r.code == 4, f"exit {r.code}: {r.stderr}")
    expect_row(r.rows(), "V1", duty="4.20", components="MFN=1.20;Parcel duty=3.00")

    # A remainder, and the capacity: 65 entries of 1.00 in one item (6109.10)
    # of consignment M; tariff-calc holds 64, so the 65th is rejected. By
    # hand: 64.00 < 150.00, 1 item: 3.00 = 300 cents over 64 equal values is
    # 4 cents each and 300 - 256 = 44 cents left, one more to 44 of them:
    # 44 shares of 0.05 and 20 of 0.04, summing to 3.00 exactly.
    many = "".join(f"M{i},2026-07-02,6109.10.00,CN,1,each,1.00,EUR,M\n" for i in range(1, 66))
    r = env.calc(header + many, schedule=PARCEL_SCHEDULE, rates=None,
                 extra=["--currency", "EUR"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 66, "consignment",
                   "the consignment M already has 64 entries")
    rows = r.rows()
    check(len(rows) == 64, f"rows: {len(rows)}")
    shares = [row["components"].split(";")[1] for row in rows.values()]
    check(sorted(shares) == ["Parcel duty=0.04"] * 20 + ["Parcel duty=0.05"] * 44,
          f"shares: {shares}")

    # No consignment column: the charge never applies (the output is as before).
    r = env.calc(HEADER + "W1,2026-07-02,6109.10.00,CN,1,each,10.00,EUR\n",
                 schedule=PARCEL_SCHEDULE, rates=None, extra=["--currency", "EUR"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    expect_row(r.rows(), "W1", duty="1.20", components="MFN=1.20")


@case
def named_values_column(env):
    header = "id,date,hs_code,origin,quantity,unit,value,currency,values\n"
    rates = "date,from,to,rate\n2026-01-02,CAD,USD,0.7325\n"
    r = env.calc(header + """\
N1,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,case 120.00; battery 4.50
N2,2026-01-05,9102.11.00,CH,1,No.,200.00,CAD,Case 120.00 ; battery 4.50
N3,2026-01-05,9102.11.00,CN,4,No.,800.00,USD,case 480.00; battery 18.00
N4,2026-01-05,9102.11.00,CN,10,No.,2000.00,USD,case 1200.00; battery 45.00
N5,2026-01-05,9102.11.00,CN,6,No.,1200.00,USD,case 720.00; battery 27.00
N6,2026-01-05,9102.11.00,CN,2,No.,400.00,USD,case 240.00; battery 9.00
N7,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,case 120.00
N8,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,strap 1
N9,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,case 1.001
N10,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,case 1; battery 1; case 2
N11,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,case
N12,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,case -1
""", schedule=WATCH_SCHEDULE, rates=rates, extra=["--currency", "USD"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    entries = os.path.join(env.tmp, "entries.csv")
    # By hand: 45 % x 120.00 = 54.00, 35 % x 4.50 = 1.575; the duty 55.575 is
    # rounded once, half to even: 55.58.
    expect_row(rows, "N1", value_for_duty="200.00", duty="55.58", total="55.58",
               components="MFN=55.58", exchange_rate="", rate_date="")
    # In CAD at 0.7325: the value 146.50; the case 120.00 x 0.7325 = 87.90,
    # the battery 4.50 x 0.7325 = 3.29625, rounded half to even to 3.30 (as a
    # value is); 45 % x 87.90 = 39.555 + 35 % x 3.30 = 1.155: 40.71 exactly.
    # (Unconverted, the duty would be 55.58.) Names in any case, spaces ignored.
    expect_row(rows, "N2", value_for_duty="146.50", duty="40.71", total="40.71",
               exchange_rate="0.7325", rate_date="2026-01-02")
    # 4 of the quota's 10 in quota: Free.
    expect_row(rows, "N3", in_quota="4", over_quota="0", duty="0.00")
    # 10 more: 6 in quota and 4 over; named values are not split: rejected,
    # drawing nothing ...
    expect_message(r, entries, 5, "values", "named values are not split")
    # ... so N5's 6 are all in quota (Free) ...
    expect_row(rows, "N5", in_quota="6", over_quota="0", duty="0.00")
    # ... and N6 is all over it: 45 % x 240.00 = 108.00 + 35 % x 9.00 = 3.15: 111.15.
    expect_row(rows, "N6", in_quota="0", over_quota="2", duty="111.15", total="111.15")
    expect_message(r, entries, 8, "values",
                   'the duty "MFN" applies a rate to the value named "battery", which the '
                   'entry does not give')
    expect_message(r, entries, 9, "values", '"strap 1": unknown value name')
    expect_message(r, entries, 10, "values", '"case 1.001": more decimal places')
    expect_message(r, entries, 11, "values", '"case 2": the value "case" is given twice')
    expect_message(r, entries, 12, "values", '"case": expected a value\'s name, a space')
    expect_message(r, entries, 13, "values", '"case -1": expected a decimal not below zero')
    check(len(rows) == 5, f"rows: {sorted(rows)}")

    # Both optional columns: values after quantities. 45 % x 100.00 = 45.00 +
    # 35 % x 10.00 = 3.50: 48.50.
    both = "id,date,hs_code,origin,quantity,unit,value,currency,quantities,values\n"
    r = env.calc(both + "P1,2026-01-05,9102.11.00,CH,1,No.,200.00,USD,,case 100.00; battery 10.00\n",
                 schedule=WATCH_SCHEDULE, rates=None, extra=["--currency", "USD"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    expect_row(r.rows(), "P1", duty="48.50")

    # No values column: the duty says which value is missing and how to give it.
    r = env.calc(HEADER + "Q1,2026-01-05,9102.11.00,CH,1,No.,200.00,USD\n",
                 schedule=WATCH_SCHEDULE, rates=None, extra=["--currency", "USD"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    expect_message(r, entries, 2, "values", "the entries have no values column")


# --- seasonal rates on a line (issue 11) ------------------------------------------------------


@case
def seasonal_rates(env):
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,0702.00.00,,MFN,"8.50% (01 JAN-31 MAY, 1 NOV-31 DEC), 12.00% (01 JUN-31 OCT)",kg,,,,,tomatoes
line,0709.93.10,,MFN,"9.60% (01 JAN-15 MAY), 13.40% (16 MAY-30 JUNE)",kg,,,,,courgettes
line,0808.10.00,,MFN,"14.00% (01 JUL - 31 JAN), 0.00% (01 FEB - 30 JUN)",kg,,,,,apples
surtax,0709,CN,Surtax,5 %,,,,,,
quota,0702.00.00,MA,T9,Free,kg,1500,2026-01-01,2026-12-31,,
"""
    r = env.calc(HEADER + """\
T1,2026-05-31,0702.00.00,TR,1000,kg,1000.00,EUR
T2,2026-06-01,0702.00.00,TR,1000,kg,1000.00,EUR
T3,2026-10-31,0702.00.00,TR,1000,kg,1000.00,EUR
T4,2026-11-01,0702.00.00,TR,1000,kg,1000.00,EUR
T5,2026-12-31,0702.00.00,TR,1000,kg,1000.00,EUR
Q1,2026-07-15,0702.00.00,MA,2000,kg,2000.00,EUR
C1,2026-05-15,0709.93.10,TR,100,kg,250.00,EUR
C2,2026-05-16,0709.93.10,TR,100,kg,250.00,EUR
C3,2026-07-01,0709.93.10,TR,100,kg,250.00,EUR
C4,2026-05-16,0709.93.10,CN,100,kg,250.00,EUR
W1,2026-01-31,0808.10.00,TR,10,kg,100.00,EUR
W2,2026-02-01,0808.10.00,TR,10,kg,100.00,EUR
W3,2024-02-29,0808.10.00,TR,10,kg,100.00,EUR
""", schedule=schedule, rates=None, extra=["--currency", "EUR"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    entries = os.path.join(env.tmp, "entries.csv")
    # By hand. Tomatoes: 8.50 % of 1,000.00 = 85.00 from 1 November to 31 May,
    # 12.00 % = 120.00 from 1 June to 31 October (both ends included).
    expect_row(rows, "T1", duty="85.00", components="MFN=85.00")
    expect_row(rows, "T2", duty="120.00", components="MFN=120.00")
    expect_row(rows, "T3", duty="120.00")
    expect_row(rows, "T4", duty="85.00")
    expect_row(rows, "T5", duty="85.00")
    # 2,000 kg from MA in July: 1,500 in quota (Free), 500 over it; the value
    # over quota 2,000.00 x 500 / 2,000 = 500.00 at the summer 12.00 %: 60.00.
    expect_row(rows, "Q1", in_quota="1500", over_quota="500", duty="60.00")
    # Courgettes: 9.60 % of 250.00 = 24.00 to 15 May; 13.40 % = 33.50 from 16 May.
    expect_row(rows, "C1", duty="24.00")
    expect_row(rows, "C2", duty="33.50")
    # July: no season of the cell covers it.
    expect_message(r, entries, 10, "date",
                   '"2026-07-01": no season of the seasonal duty covers the date: tariff line '
                   '0709.93.10 (schedule line 3) has the seasonal rate "9.60% (01 JAN-15 MAY), '
                   '13.40% (16 MAY-30 JUNE)"')
    # The surtax stacks on the season's duty: 33.50 + 5 % of 250.00 = 12.50: 46.00.
    expect_row(rows, "C4", duty="46.00", components="MFN=33.50;Surtax=12.50")
    # Apples, a season across the year end: 14.00 % of 100.00 = 14.00 on 31
    # January, 0.00 from 1 February; 29 February (2024) is in 01 FEB - 30 JUN.
    expect_row(rows, "W1", duty="14.00")
    expect_row(rows, "W2", duty="0.00")
    expect_row(rows, "W3", duty="0.00")
    check(len(rows) == 12, f"rows: {sorted(rows)}")


# --- additional codes: rates with Meursing placeholders (issue 11) -----------------------------


@case
def additional_codes(env):
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,1905.31.11,,MFN,8.30% + EA MAX 18.70% + ADSZ,kg,,,,,sweet biscuits
line,0702.00.00,,MFN,10%,kg,,,,,tomatoes
quota,1905.31.11,MA,B1,Free,kg,1000,2026-01-01,2026-12-31,,
"""
    codes = env.file("codes.csv", """\
code,placeholder,amount
7000,EA,20.00 EUR / 100 kg
7000,ADSZ,5.00 EUR / 100 kg
7001,EA,5.00 EUR / 100 kg
7001,ADSZ,Free
7002,EA,1.00 EUR / 100 kg
""")
    header = "id,date,hs_code,origin,quantity,unit,value,currency,additional_code\n"
    r = env.calc(header + """\
M1,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,7000
M2,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,7001
M3,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,7000
M4,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,7002
M5,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,7999
M6,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,
M7,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,70a0
M8,2026-01-05,0702.00.00,US,1000,kg,1000.00,EUR,7000
Q1,2026-01-05,1905.31.11,MA,1500,kg,1500.00,EUR,7002
Q2,2026-01-05,1905.31.11,MA,1500,kg,1500.00,EUR,7000
""", schedule=schedule, rates=None, extra=["--currency", "EUR", "--additional-codes", codes])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    entries = os.path.join(env.tmp, "entries.csv")
    # By hand: the rate reads MIN(8.30 % + EA, 18.70 % + ADSZ) (the ceiling
    # "MAX 18.70 % + ADSZ"). 1,000 kg worth 1,000.00:
    # 7000: 83.00 + 20.00 x 10 = 283.00 against 187.00 + 5.00 x 10 = 237.00: 237.00.
    expect_row(rows, "M1", duty="237.00", components="MFN=237.00")
    # 7001: 83.00 + 5.00 x 10 = 133.00 against 187.00 + 0: 133.00.
    expect_row(rows, "M2", duty="133.00")
    # 7000 again after 7001: the rate is resolved per entry, not remembered.
    expect_row(rows, "M3", duty="237.00")
    expect_message(r, entries, 5, "additional_code",
                   '"7002": the --additional-codes file gives no ADSZ for this code; tariff line '
                   '1905.31.11\'s rate "8.30% + EA MAX 18.70% + ADSZ" needs it')
    expect_message(r, entries, 6, "additional_code",
                   '"7999": no such additional code in the --additional-codes file')
    expect_message(r, entries, 7, "additional_code", "empty; tariff line 1905.31.11's rate")
    expect_message(r, entries, 8, "additional_code",
                   '"70a0": expected an additional code of four digits')
    # A line without placeholders ignores the code: 10 % of 1,000.00.
    expect_row(rows, "M8", duty="100.00")
    # Q1 cannot be resolved: it draws nothing, so Q2's 1,500 kg are 1,000 in
    # quota (Free) and 500 over: 1,500.00 x 500 / 1,500 = 500.00 at 7000:
    # 41.50 + 20.00 x 5 = 141.50 against 93.50 + 5.00 x 5 = 118.50: 118.50.
    expect_message(r, entries, 10, "additional_code", "gives no ADSZ")
    expect_row(rows, "Q2", in_quota="1000", over_quota="500", duty="118.50")
    check(len(rows) == 5, f"rows: {sorted(rows)}")

    # No --additional-codes file, and no additional_code column.
    r = env.calc(header + "N1,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,7000\n",
                 schedule=schedule, rates=None, extra=["--currency", "EUR"])
    expect_message(r, entries, 2, "additional_code",
                   '"7000": no --additional-codes file gives its amounts')
    r = env.calc(HEADER + "N1,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR\n",
                 schedule=schedule, rates=None, extra=["--currency", "EUR"])
    expect_message(r, entries, 2, "additional_code",
                   "(the entries have no additional_code column: end the header with "
                   ",additional_code)")
    # All three optional columns, in order.
    r = env.calc("id,date,hs_code,origin,quantity,unit,value,currency,quantities,values,"
                 "additional_code\nA1,2026-01-05,1905.31.11,US,1000,kg,1000.00,EUR,,,7001\n",
                 schedule=schedule, rates=None,
                 extra=["--currency", "EUR", "--additional-codes", codes])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    expect_row(r.rows(), "A1", duty="133.00")


# --- --choose: choosing between paths (docs/tariff-calc.md, "Choosing between paths") ---

CHOOSE_HEADER = OUT_HEADER + ",path,path_reason"


def chosen_rows(r):
    """The output rows by id under --choose (the header ends path,path_reason)."""
    rows = list(csv.reader(io.StringIO(r.out or r.stdout, newline="")))
    check(rows and ",".join(rows[0]) == CHOOSE_HEADER, f"bad header: {rows[:1]}")
    return {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}


CHOOSE_SCHEDULE = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,MFN,6.1 %,each,,,,,
treatment,8703.80,KR,CKFTA,Free,,,,,Canada-Korea FTA,
treatment,8703,KR,KR two,2 %,,,,,,
treatment,8703,JP,CPTPP,6.1 %,,,,,,
treatment,8703.80.00,CN,CN pref,1 %,,,2026-07-01,,,
tax,,,GST,5 %,,,,,,
quota,8703.80.00,CN,Q1,3 %,,100,2026-01-01,2026-12-31,,
"""
CHOOSE_ENTRIES = HEADER + """\
L1,2026-08-01,8703.80.00,KR,1,each,10000.00,CAD
L2,2026-08-01,8703.80.00,CN,10,each,100000.00,CAD
L3,2026-03-01,8703.80.00,CN,10,each,100000.00,CAD
L4,2026-08-01,8703.80.00,DE,1,each,10000.00,CAD
L5,2026-08-01,8703.80.00,JP,1,each,10000.00,CAD
"""


@case
def choose_lowest(env):
    q = os.path.join(env.tmp, "q.csv")
    r = env.calc(CHOOSE_ENTRIES, schedule=CHOOSE_SCHEDULE, rates=None,
                 extra=["--choose", "lowest", "--quota-summary", q])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = chosen_rows(r)
    # By hand. L1 (KR, 10,000.00): MFN 6.1 % = 610.00, CKFTA Free = 0.00, KR two 2 % =
    # 200.00: CKFTA; GST 5 % of 10,000.00 + 0.00 = 500.00.
    expect_row(rows, "L1", duty="0.00", taxes="500.00", total="500.00",
               components="CKFTA=0.00;GST=500.00", path="CKFTA",
               path_reason="the lowest duty of 3 eligible paths (MFN 610.00 CAD, "
                           "CKFTA 0.00 CAD, KR two 200.00 CAD)")
    # L2 (CN, in Q1's period, CN pref in force from 2026-07-01): Q1 3 % of 100,000.00 =
    # 3,000.00 against CN pref 1 % = 1,000.00: CN pref; GST 5 % of 101,000.00 = 5,050.00.
    # The quota path is not taken: no in/over quota figures, nothing drawn.
    expect_row(rows, "L2", in_quota="", over_quota="", duty="1000.00", taxes="5050.00",
               total="6050.00", components="CN pref=1000.00;GST=5050.00", path="CN pref",
               path_reason="the lowest duty of 2 eligible paths (Q1 3000.00 CAD, "
                           "CN pref 1000.00 CAD)")
    # L3 (2026-03-01, before CN pref): Q1 alone: 3,000.00; GST 5 % of 103,000.00 = 5,150.00.
    expect_row(rows, "L3", in_quota="10", over_quota="0", duty="3000.00", taxes="5150.00",
               components="Q1=3000.00;GST=5150.00", path="Q1",
               path_reason="the only eligible path")
    # L4 (DE): no treatment: MFN 610.00; GST 5 % of 10,610.00 = 530.50.
    expect_row(rows, "L4", duty="610.00", taxes="530.50", path="MFN",
               path_reason="the only eligible path")
    # L5 (JP): CPTPP 6.1 % = 610.00 ties MFN 610.00: the schedule's path (earliest) wins.
    expect_row(rows, "L5", duty="610.00", components="MFN=610.00;GST=530.50", path="MFN",
               path_reason="tied for the lowest duty of 2 eligible paths, the earliest "
                           "taken (MFN 610.00 CAD, CPTPP 610.00 CAD)")
    # Only L3 drew from Q1 (10 of 100).
    with open(q, encoding="utf-8") as f:
        check(f.read() == "quota,period,from,to,volume,used,balance,state\n"
                          "Q1,1,2026-01-01,2026-12-31,100,10,90,open\n", "quota summary")
    # Without --choose the output is as before: the schedule's path, no path columns.
    r = env.calc(CHOOSE_ENTRIES, schedule=CHOOSE_SCHEDULE, rates=None)
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = r.rows()
    expect_row(rows, "L1", duty="610.00", components="MFN=610.00;GST=530.50")
    expect_row(rows, "L2", in_quota="10", over_quota="0", components="Q1=3000.00;GST=5150.00")
    # jsonl and table say the same.
    r = env.calc(CHOOSE_ENTRIES, schedule=CHOOSE_SCHEDULE, rates=None,
                 extra=["--choose", "lowest", "--format", "jsonl"])
    first = json.loads(r.out.splitlines()[0])
    check(first["path"] == {"taken": "CKFTA", "reason": "the lowest duty of 3 eligible paths "
                            "(MFN 610.00 CAD, CKFTA 0.00 CAD, KR two 200.00 CAD)"}, str(first))
    r = env.calc(CHOOSE_ENTRIES, schedule=CHOOSE_SCHEDULE, rates=None,
                 extra=["--choose", "lowest", "--format", "table"])
    check("\n  path Q1: the only eligible path\n  duty 3000.00 CAD," in r.out, r.out)


@case
def choose_rejected_entry_draws_nothing(env):
    # The quota path is reserved, then the treatment's duty overflows: the entry is
    # rejected and Q1 keeps all 100.
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,MFN,6.1 %,each,,,,,
quota,8703.80.00,CN,Q1,Free,,100,2026-01-01,2026-12-31,,
treatment,8703.80.00,CN,Pref,$1000000000/each,,,,,,
"""
    r = env.calc(HEADER + """\
A,2026-03-01,8703.80.00,CN,99999999999,each,100.00,CAD
B,2026-03-02,8703.80.00,CN,1,each,100.00,CAD
""", schedule=schedule, rates=None,
        extra=["--choose", "lowest", "--quota-summary", os.path.join(env.tmp, "q.csv")])
    check(r.code == 1, f"exit {r.code}, expected 1: {r.stderr}")
    # 99,999,999,999 x $1,000,000,000 is beyond 64 bits at any value: the quantity.
    expect_message(r, os.path.join(env.tmp, "entries.csv"), 2, "quantity", "overflow")
    rows = chosen_rows(r)
    check(set(rows) == {"B"}, f"only B may be assessed, got {sorted(rows)}")
    # B: Q1 Free = 0.00 against Pref 1,000,000,000.00: Q1, 1 in quota.
    expect_row(rows, "B", in_quota="1", over_quota="0", duty="0.00", path="Q1")
    with open(os.path.join(env.tmp, "q.csv"), encoding="utf-8") as f:
        summary = f.read()
    check(summary == "quota,period,from,to,volume,used,balance,state\n"
                     "Q1,1,2026-01-01,2026-12-31,100,1,99,open\n", summary)


@case
def choose_by_margin(env):
    # The UK's Northern Ireland rule: the EU duty is due where it exceeds the UK duty by
    # 3 % of the customs value or more; otherwise the UK duty. The line is the UK duty,
    # the first treatment in force the EU duty (a second one, "Other", is not compared).
    schedule = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,8703.80.00,,UK duty,4 %,each,,,,UK Global Tariff,
treatment,8703,US,EU duty,10 %,,,,,Windsor Framework,
treatment,8703,US,Other,Free,,,,,,
treatment,8703,JP,EU duty,6 %,,,,,Windsor Framework,
treatment,8703,CA,EU duty,7 %,,,,,Windsor Framework,
"""
    r = env.calc(HEADER + """\
M1,2026-08-01,8703.80.00,US,1,each,1000.00,GBP
M2,2026-08-01,8703.80.00,JP,1,each,1000.00,GBP
M3,2026-08-01,8703.80.00,CA,1,each,1000.00,GBP
M4,2026-08-01,8703.80.00,DE,1,each,1000.00,GBP
""", schedule=schedule, rates=None, extra=["--currency", "GBP", "--choose", "margin:3%"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    rows = chosen_rows(r)
    # By hand, value 1,000.00: 3 % = 30.00. M1: EU 100.00 - UK 40.00 = 60.00 >= 30.00: EU.
    expect_row(rows, "M1", duty="100.00", components="EU duty=100.00", path="EU duty",
               path_reason="EU duty minus UK duty: 60.00 GBP, at least 3 % of the value "
                           "for duty (30.00 GBP): EU duty taken")
    # M2: 60.00 - 40.00 = 20.00 < 30.00: UK duty.
    expect_row(rows, "M2", duty="40.00", components="UK duty=40.00", path="UK duty",
               path_reason="EU duty minus UK duty: 20.00 GBP, less than 3 % of the value "
                           "for duty (30.00 GBP): UK duty taken")
    # M3: 70.00 - 40.00 = 30.00, exactly the margin: "or more": EU duty.
    expect_row(rows, "M3", duty="70.00", path="EU duty")
    # M4: no treatment for DE.
    expect_row(rows, "M4", duty="40.00", path="UK duty", path_reason="the only eligible path")


# --- a line rate in another currency (issue 11 item 10; docs/tariff-calc.md,
# "Line rates in another currency") -------------------------------------------------------

FOREIGN_HEADER = OUT_HEADER + ",line_rate_currency,line_rate_exchange_rate,line_rate_date"
FOREIGN_SCHEDULE = """\
record,hs_code,origin,name,rate,unit,volume,valid_from,valid_to,legal_basis,description
line,0201.10.00,,MFN,9.40 EUR / 100 kg,kg,,,,,beef carcases
line,0202.10.00,,MFN,12 % + 9.40 EUR / 100 kg,kg,,,,,frozen carcases
line,0203.11.00,,MFN,2.00 GBP / 100 kg,kg,,,,,pork
"""
FOREIGN_RATES = """\
date,from,to,rate
2026-01-02,EUR,GBP,0.84470
2026-02-02,EUR,GBP,0.85
2026-03-02,GBP,EUR,1.1757
"""


def foreign_rows(r):
    """The output rows by id when the schedule has a rate in another currency."""
    rows = list(csv.reader(io.StringIO(r.out or r.stdout, newline="")))
    check(rows and ",".join(rows[0]) == FOREIGN_HEADER, f"bad header: {rows[:1]}")
    for row in rows[1:]:
        check(len(row) == len(rows[0]), f"a partial output row: {row}")
    return {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}


@case
def line_rate_in_another_currency(env):
    r = env.calc(HEADER + """\
X1,2026-01-05,0201.10.00,FR,2350,kg,5000.00,GBP
X2,2026-01-05,0202.10.00,FR,2350,kg,5000.00,EUR
X3,2026-01-05,0203.11.00,DK,100,kg,100.00,GBP
X4,2026-03-10,0201.10.00,FR,100,kg,500.00,GBP
X5,2025-12-31,0201.10.00,FR,100,kg,500.00,GBP
""", schedule=FOREIGN_SCHEDULE, rates=FOREIGN_RATES, extra=["--currency", "GBP"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    rows = foreign_rows(r)
    # By hand: EUR 9.40 / 100 kg x 0.84470 = GBP 7.940180 / 100 kg (exact);
    # 2,350 kg = 23.5 x 100 kg: 7.940180 x 23.5 = 186.594230, rounded half to
    # even to 186.59. The entry is in GBP: no value conversion.
    expect_row(rows, "X1", value_for_duty="5000.00", duty="186.59", total="186.59",
               components="MFN=186.59", exchange_rate="", rate_date="",
               line_rate_currency="EUR", line_rate_exchange_rate="0.8447",
               line_rate_date="2026-01-02")
    # An entry in EUR too: the value 5000.00 x 0.84470 = 4223.50; 12 % of it is
    # 506.82, plus 186.594230 as above: 693.414230, rounded to 693.41.
    expect_row(rows, "X2", value_for_duty="4223.50", duty="693.41",
               exchange_rate="0.8447", rate_date="2026-01-02",
               line_rate_currency="EUR", line_rate_exchange_rate="0.8447",
               line_rate_date="2026-01-02")
    # A rate in the schedule's currency: the three columns are empty. 2.00 x 1.
    expect_row(rows, "X3", duty="2.00", line_rate_currency="", line_rate_exchange_rate="",
               line_rate_date="")
    # On 2026-03-10 the latest EUR to GBP rate is 0.85 of 2026-02-02 (the
    # GBP to EUR rate of 2026-03-02 is never inverted): 9.40 x 0.85 = 7.99 per
    # 100 kg, on 100 kg: 7.99.
    expect_row(rows, "X4", duty="7.99", line_rate_exchange_rate="0.85",
               line_rate_date="2026-02-02")
    # Before the first EUR to GBP rate: rejected, naming the missing direction.
    entries = os.path.join(env.tmp, "entries.csv")
    expect_message(r, entries, 6, "date",
                   '"2025-12-31": tariff line 0201.10.00\'s rate "9.40 EUR / 100 kg" is in EUR: '
                   "no EUR to GBP exchange rate dated on or before 2025-12-31")
    check(len(rows) == 4, f"rows: {sorted(rows)}")

    # JSON lines: the conversion as a field of its own, only where it applied;
    # the component's rate is the converted one.
    r = env.calc(HEADER + """\
X1,2026-01-05,0201.10.00,FR,2350,kg,5000.00,GBP
X3,2026-01-05,0203.11.00,DK,100,kg,100.00,GBP
""", schedule=FOREIGN_SCHEDULE, rates=FOREIGN_RATES, extra=["--currency", "GBP", "--format", "jsonl"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    lines = [json.loads(t) for t in (r.out or r.stdout).splitlines()]
    check(lines[0]["line_rate_exchange_rate"] == {"from": "EUR", "to": "GBP", "rate": "0.8447",
                                                  "date": "2026-01-02"}, f"{lines[0]}")
    check(lines[0]["components"][0]["rate"] == "GBP 7.94018 / 100 kg", f"{lines[0]}")
    check("line_rate_exchange_rate" not in lines[1], f"{lines[1]}")

    # Only a GBP to EUR rate: never inverted; the entry is rejected.
    r = env.calc(HEADER + "Y1,2026-03-10,0201.10.00,FR,100,kg,500.00,GBP\n",
                 schedule=FOREIGN_SCHEDULE, rates="date,from,to,rate\n2026-03-02,GBP,EUR,1.1757\n",
                 extra=["--currency", "GBP"])
    check(r.code == 1, f"exit {r.code}: {r.stderr}")
    expect_message(r, entries, 2, "date",
                   "is in EUR: no EUR to GBP exchange rate dated on or before 2026-03-10")

    # Without such a rate the header stays as it was (outputs byte-identical).
    r = env.calc(HEADER + "Z1,2026-01-05,0203.11.00,DK,100,kg,100.00,GBP\n",
                 schedule=FOREIGN_SCHEDULE.splitlines()[0] + "\n"
                 + FOREIGN_SCHEDULE.splitlines()[3] + "\n",
                 rates=None, extra=["--currency", "GBP"])
    check(r.code == 0, f"exit {r.code}: {r.stderr}")
    expect_row(r.rows(), "Z1", duty="2.00")


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    program, name = sys.argv[1], sys.argv[2]
    if name not in CASES:
        print(f"unknown case {name!r}; cases: {', '.join(CASES)}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        try:
            CASES[name](Env(program, tmp))
        except Failure as f:
            print(f"FAILED {name}: {f}")
            return 1
    print(f"ok {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
