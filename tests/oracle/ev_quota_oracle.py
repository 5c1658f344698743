#!/usr/bin/env python3
"""Independent computation of the ev_quota example's quota year.

Re-implements, with Python's decimal module and none of the library's code,
what examples/ev_quota.cpp reports: the same deterministic shipments (the
64-bit LCG with Knuth's MMIX constants, top 31 bits), first-come first-served
allocation of 24,500 vehicles per half with carry-over of the first half's
unused vehicles, the value of a partly-served shipment split in proportion to
vehicles (to the cent, largest remainder, the in-quota part first on a tie),
and per line rounding half to even to the cent:
  in quota:   MFN 6.1 %; GST 5 % of value + MFN
  over quota: MFN 6.1 %; surtax 100 % (SOR/2024-187 s.3); GST 5 % of value + MFN + surtax
Prints the report in the example's format; usage: ev_quota_oracle.py CHART_PATH
"""
import datetime
import sys
from decimal import Decimal, ROUND_HALF_EVEN

CENT = Decimal("0.01")
MASK = 2**64


def cents(x):
    return x.quantize(CENT, rounding=ROUND_HALF_EVEN)


def money(x):
    """CAD 1,234.56 (always two decimals here: every amount is rounded)."""
    sign = "-" if x < 0 else ""
    whole, frac = f"{abs(x):.2f}".split(".")
    return f"CAD {sign}{int(whole):,}.{frac}"


def shipments():
    state = 20260301

    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % MASK
        return state >> 33

    day = datetime.date(2026, 3, 1)
    while day <= datetime.date(2027, 2, 28):
        for _ in range(1 + nxt() % 3):
            count = 1 + nxt() % 160
            each = Decimal(2_500_000 + nxt() % 3_500_000) / 100
            yield day, count, each * count
        day += datetime.timedelta(days=1)


def split(value, n_in, n_over):
    """Value apportioned by vehicles, in cents, largest remainder, ties to in-quota."""
    if n_over == 0:
        return value, Decimal(0)
    if n_in == 0:
        return Decimal(0), value
    units = int(value * 100)
    n = n_in + n_over
    base_in, rem_in = divmod(units * n_in, n)
    base_over, rem_over = divmod(units * n_over, n)
    left = units - base_in - base_over
    if left:
        if rem_in >= rem_over:
            base_in += 1
        else:
            base_over += 1
    return Decimal(base_in) / 100, Decimal(base_over) / 100


def in_quota_path(value):
    mfn = cents(value * Decimal("0.061"))
    gst = cents((value + mfn) * Decimal("0.05"))
    return mfn, gst


def standard_path(value):
    mfn = cents(value * Decimal("0.061"))
    surtax = cents(value * 1)
    gst = cents((value + mfn + surtax) * Decimal("0.05"))
    return mfn + surtax, gst


def main():
    chart = sys.argv[1] if len(sys.argv) > 1 else "ev_quota.svg"
    halves = [
        (datetime.date(2026, 3, 1), datetime.date(2026, 8, 31)),
        (datetime.date(2026, 9, 1), datetime.date(2027, 2, 28)),
    ]
    balance = [24_500, 24_500]
    closed_first = False
    keys = ["shipments", "in", "over", "duty_in", "gst_in", "duty_over", "gst_over", "saved_duty",
            "saved_gst"]
    totals = [dict.fromkeys(keys, 0) for _ in halves]
    exhausted = [None, None]
    for day, count, value in shipments():
        h = 0 if day <= halves[0][1] else 1
        if h == 1 and not closed_first:  # carry the first half's unused vehicles over
            balance[1] += balance[0]
            balance[0] = 0
            closed_first = True
        n_in = min(count, balance[h])
        balance[h] -= n_in
        n_over = count - n_in
        v_in, v_over = split(value, n_in, n_over)
        t = totals[h]
        t["shipments"] += 1
        t["in"] += n_in
        t["over"] += n_over
        d_in, g_in = in_quota_path(v_in) if n_in else (Decimal(0), Decimal(0))
        d_over, g_over = standard_path(v_over) if n_over else (Decimal(0), Decimal(0))
        t["duty_in"] += d_in
        t["gst_in"] += g_in
        t["duty_over"] += d_over
        t["gst_over"] += g_over
        if n_in:
            d_std, g_std = standard_path(v_in)
            t["saved_duty"] += d_std - d_in
            t["saved_gst"] += g_std - g_in
        if exhausted[h] is None and balance[h] == 0:
            exhausted[h] = day

    print("Chinese electric vehicles into Canada, quota year 2026-03-01 to 2027-02-28")
    print("Quota EV-CN-2026: 24,500 vehicles a half; the second half also gets what the first left.")
    print("In quota: MFN 6.1 % and GST 5 %. Over quota: MFN 6.1 %, surtax 100 % and GST 5 %.")
    print("Rounding: half to even, to the cent, per duty and tax line.")
    print()

    def report(title, t, when):
        print(f"{title}: {t['shipments']:,} shipments, {t['in'] + t['over']:,} vehicles")
        print(f"  in quota    {t['in']:,} vehicles: duty {money(t['duty_in'])}, GST {money(t['gst_in'])}")
        print(f"  over quota  {t['over']:,} vehicles: duty {money(t['duty_over'])}, GST {money(t['gst_over'])}")
        paid = t["duty_in"] + t["gst_in"] + t["duty_over"] + t["gst_over"]
        print(f"  duty and GST paid: {money(paid)}")
        print("  saved by the quota (the standard path on the in-quota vehicles, less what they paid):")
        print(f"    duty {money(t['saved_duty'])} + GST on that duty {money(t['saved_gst'])} = "
              f"{money(t['saved_duty'] + t['saved_gst'])}")
        if when is not None:
            print(f"  quota exhausted by the shipments of {when.isoformat()}")

    report("H1 2026-03-01 to 2026-08-31", totals[0], exhausted[0])
    report("H2 2026-09-01 to 2027-02-28", totals[1], exhausted[1])
    year = {k: totals[0][k] + totals[1][k] for k in keys}
    report("Quota year", year, None)
    print()
    print(f"Chart: {chart}")


if __name__ == "__main__":
    main()
