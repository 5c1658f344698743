#!/usr/bin/env python3
"""Writes ev_entries.csv, the sample entries for tariff-calc (deterministic).

    python3 examples/data/make_ev_entries.py > examples/data/ev_entries.csv

A year of shipments against ev_schedule.csv, from 5 Jan 2026 to 26 Feb 2027:
  - Chinese EVs (8703.80.00, CN): before the quota opens on 1 Mar 2026 they pay
    the standard path; in the first half (Mar-Aug) about 20,000 vehicles, so
    part of the 24,500 carries into the second half; in the second half
    (Sep-Feb) about 32,000, more than its 24,500 plus the carry-over, so the
    quota runs out and one entry is split. Some are declared in CNY or USD.
  - EVs from elsewhere (DE, JP, KR, US): MFN and GST only.
  - Blue-veined cheese (0406.40.20) from FR, IT, GB, in kg or tonnes:
    245.5 % but not less than $5.33/kg (the floor decides for cheap cheese).
  - Steel plate (7208.51.00) from CN (25 % surtax) and KR, in tonnes, some in USD.
  - BAD_ROWS: rows that are wrong on purpose, one problem each, at fixed
    places (documented in docs/tariff-calc.md).
The figures come from a 64-bit linear congruential generator (Knuth's MMIX
constants, top 31 bits), seeded with 20260105.
"""
import datetime
import sys

MASK = 2**64
state = 20260105


def rnd(n):
    """A number in [0, n)."""
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % MASK
    return (state >> 33) % n


def cents(units):
    return f"{units // 100}.{units % 100:02d}"


# (index among the good rows before which it goes, the raw CSV line, what is wrong)
BAD_ROWS = [
    (12, "B01,2026-01-20,8703.80.00,CN,-3,each,120000.00,CAD", "quantity: negative"),
    (40, "B02,2026-02-16,8703.80.00,DE,2,each,40k,CAD", "value: not a number"),
    (75, "B03,2026-03-18,8703.90.00,CN,5,each,200000.00,CAD", "hs_code: not in the schedule"),
    (98, "B04,2026-04-09,0406.40.20,FR,20,crate,5000.00,CAD", "unit: unknown"),
    (130, "B05,2026-05-12,8703.80.00,JP,3,each,120000.00,XYZ", "currency: unknown"),
    (161, "B06,2026-02-30,8703.80.00,CN,4,each,160000.00,CAD", "date: no such day"),
    (190, "B07,2026-07-01,8703.80.00,CN,4,each,160000.00,CAD,extra", "9 fields instead of 8"),
    (221, "B08,2025-12-15,8703.80.00,CN,2,each,500000.00,CNY", "currency: no CNY rate that early"),
    (254, "B09,2026-09-10,8703.80.00,China,6,each,240000.00,CAD", "origin: not an ISO alpha-2 code"),
    (287, "B10,2026-10-14,8703.80.00,CN,1500,kg,45000.00,CAD", "unit: a mass for a line counted in vehicles"),
    (318, "B11,2026-11-17,8703.80.00,KR,2,each,80000.005,CAD", "value: more decimals than CAD has"),
    (349, "B12,2026-12-21,8703-80-00,CN,3,each,120000.00,CAD", "hs_code: malformed"),
    (380, 'B13 5",2027-01-19,8703.80.00,CN,3,each,120000.00,CAD', "CSV: a quote inside an unquoted field"),
]


def rows():
    out = []
    day = datetime.date(2026, 1, 5)
    n = 0
    while day <= datetime.date(2027, 2, 26):
        in_h1 = datetime.date(2026, 3, 1) <= day <= datetime.date(2026, 8, 31)
        in_h2 = day >= datetime.date(2026, 9, 1)
        # Chinese EVs: most days one shipment.
        if rnd(10) < 9:
            n += 1
            count = 20 + rnd(200) if in_h1 else 60 + rnd(300) if in_h2 else 5 + rnd(40)
            kind = rnd(10)
            if kind == 0:
                each = 130_000_00 + rnd(170_000_00)  # CNY
                out.append((f"EV{n:04d}", day, "8703.80.00", "CN", str(count), "each",
                            cents(each * count), "CNY"))
            elif kind == 1:
                each = 18_000_00 + rnd(26_000_00)  # USD
                out.append((f"EV{n:04d}", day, "8703.80.00", "CN", str(count), "each",
                            cents(each * count), "USD"))
            else:
                each = 25_000_00 + rnd(35_000_00)
                out.append((f"EV{n:04d}", day, "8703.80.00", "CN", str(count), "each",
                            cents(each * count), "CAD"))
        # Other shipments, now and then.
        r = rnd(20)
        if r < 2:
            n += 1
            origin = ["DE", "JP", "KR", "US"][rnd(4)]
            count = 1 + rnd(30)
            each = 35_000_00 + rnd(60_000_00)
            ident = f"EV{n:04d}" if rnd(8) else f"ACME, Inc. {n:04d}"  # quoted in the output
            out.append((ident, day, "8703.80.00", origin, str(count), "each",
                        cents(each * count), "CAD"))
        elif r < 4:
            n += 1
            origin = ["FR", "IT", "GB"][rnd(3)]
            if rnd(3) == 0:
                tonnes = 1 + rnd(5)
                qty, unit, kg = str(tonnes), "tonne", tonnes * 1000
            else:
                kg = 50 + rnd(3000)
                qty, unit = str(kg), "kg"
            per_kg = 150 + rnd(900)  # cents per kg: cheap cheese meets the floor
            out.append((f"CH{n:04d}", day, "0406.40.20", origin, qty, unit,
                        cents(per_kg * kg), "CAD"))
        elif r < 6:
            n += 1
            origin = "CN" if rnd(2) else "KR"
            tonnes = 5 + rnd(400)
            if rnd(3) == 0:
                out.append((f"ST{n:04d}", day, "7208.51.00", origin, str(tonnes), "tonne",
                            cents((550_00 + rnd(300_00)) * tonnes), "USD"))
            else:
                out.append((f"ST{n:04d}", day, "7208.51.00", origin, f"{tonnes}.5", "t",
                            cents((750_00 + rnd(400_00)) * tonnes), "CAD"))
        day += datetime.timedelta(days=1)
    return out


def main():
    good = rows()
    lines = ["id,date,hs_code,origin,quantity,unit,value,currency"]
    bad = dict((i, text) for i, text, _ in BAD_ROWS)
    for i, r in enumerate(good):
        if i in bad:
            lines.append(bad[i])
        d = r[1].isoformat()
        ident = f'"{r[0]}"' if "," in r[0] else r[0]
        lines.append(",".join([ident, d, *r[2:]]))
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
