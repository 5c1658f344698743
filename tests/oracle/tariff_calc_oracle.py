#!/usr/bin/env python3
"""Independent computation of tariff-calc's output for the sample data.

usage: tariff_calc_oracle.py SCHEDULE RATES ENTRIES OUT_CSV OUT_SUMMARY OUT_ERRORS [OUT_JSONL OUT_TOTALS]

Re-implements, with Python's csv and decimal modules and none of the
program's or the library's code, what docs/tariff-calc.md specifies, for what
examples/data uses (it stops with an error on anything else):
  - rates: "6.1 %", "Free", "245.5 % but not less than $5.33/kg"; units each,
    kg, tonne, t;
  - a tariff line's version in force on the entry's date; surtaxes for the
    entry's origin under an HS prefix, in force on the date; taxes on value +
    all duties of the part;
  - a foreign value times the latest rate dated on or before the entry's
    date, rounded half to even to the cent;
  - quotas: periods in date order, each period's unused balance carried into
    the next when an entry first falls in a later period; first come, first
    served in file order: min(whole units wanted, balance) in quota; the value
    split in proportion to the quantities, to the cent, by largest remainder
    (the in-quota part first on a tie); the in-quota part pays the period's
    in-quota duty (named after the quota) and the taxes, the rest the
    standard path;
  - every duty and tax rounded half to even to the cent; a component named
    twice (a tax on both parts) is added up;
  - rejected entries: the first problem in field order; each expected message
    prefix ("FILE:LINE: FIELD" or "FILE:LINE:COLUMN" or "FILE:LINE") goes to
    OUT_ERRORS, one per line, in file order.
OUT_CSV and OUT_SUMMARY get the expected output and quota summary; OUT_JSONL
the expected --format jsonl output (one JSON object per entry, then
{"totals": ...}) and OUT_TOTALS the expected --totals file. The rate of each
component is written as docs/tariff-calc.md says the library writes it
(canonical EU notation: "6.1 %", "Free", "245.5 % MIN CAD 5.33 / kg").
"""
import json
import csv
import datetime
import re
import sys
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
OPEN_FROM, OPEN_TO = datetime.date(1, 1, 1), datetime.date(9999, 12, 31)
CURRENCIES = {"AUD": 2, "CAD": 2, "CHF": 2, "CNY": 2, "EUR": 2, "GBP": 2, "IDR": 2, "INR": 2,
              "JPY": 0, "KRW": 0, "KWD": 3, "MXN": 2, "USD": 2}
# unit -> (dimension, size in the dimension's base unit)
UNITS = {"each": ("count", Decimal(1)), "kg": ("mass", Decimal(1)),
         "tonne": ("mass", Decimal(1000)), "t": ("mass", Decimal(1000))}


def cents(x):
    return x.quantize(CENT, rounding=ROUND_HALF_EVEN)


def plain(x, places=0):
    """x in plain notation with at least `places` decimals, no trailing zeros beyond."""
    text = format(x, "f")
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
    else:
        whole, frac = text, ""
    frac = frac.ljust(places, "0")
    return whole + ("." + frac if frac else "")


def day(text):
    return datetime.date.fromisoformat(text) if text else None


class Duty:
    """A duty: its function of (value, kg) and its canonical text."""

    def __init__(self, f, text):
        self.f, self.text = f, text

    def __call__(self, value, kg):
        return self.f(value, kg)


def duty(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?) %", text)
    if m:
        rate = Decimal(m.group(1)) / 100
        return Duty(lambda value, kg: value * rate, plain(Decimal(m.group(1))) + " %")
    if text == "Free":
        return Duty(lambda value, kg: Decimal(0), "Free")
    m = re.fullmatch(r"(\d+(?:\.\d+)?) % but not less than \$(\d+(?:\.\d+)?)/kg", text)
    if m:
        rate, floor = Decimal(m.group(1)) / 100, Decimal(m.group(2))
        return Duty(lambda value, kg: max(value * rate, floor * kg),
                    f"{plain(Decimal(m.group(1)))} % MIN CAD {plain(floor, 2)} / kg")
    sys.exit(f"oracle: rate {text!r} is not one the oracle knows")


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def load_schedule(path):
    lines, surtaxes, taxes, quotas = {}, [], [], {}
    for r in read(path)[1:]:
        kind, hs, origin, name, rate, unit, volume, vf, vt, basis, _ = r
        valid = (day(vf) or OPEN_FROM, day(vt) or OPEN_TO)
        digits = hs.replace(".", "")
        if kind == "line":
            lines.setdefault(digits, {"code": hs, "unit": unit, "versions": []})
            lines[digits]["versions"].append((valid, name or "MFN", duty(rate), basis))
        elif kind == "surtax":
            surtaxes.append((digits, origin, name, valid, duty(rate), basis))
        elif kind == "tax":
            assert not hs and not origin, "oracle: only taxes on every line and origin"
            assert re.fullmatch(r"\d+(\.\d+)? %", rate), "oracle: a tax is a percentage"
            taxes.append((name, valid, Decimal(rate.rstrip(" %")) / 100, basis,
                          plain(Decimal(rate.rstrip(" %"))) + " %"))
        elif kind == "quota":
            q = quotas.setdefault(name, {"prefix": digits, "origin": origin, "periods": []})
            q["periods"].append({"from": valid[0], "to": valid[1], "volume": Decimal(volume),
                                 "duty": duty(rate), "basis": basis,
                                 "carried": Decimal(0), "used": Decimal(0)})
    for q in quotas.values():
        q["periods"].sort(key=lambda p: p["from"])
        for p in q["periods"]:
            p["balance"] = p["volume"]
        q["open"] = 0
    return lines, surtaxes, taxes, quotas


def load_rates(path):
    rates = {}
    for d, frm, to, rate in read(path)[1:]:
        if to == "CAD":
            rates.setdefault(frm, []).append((day(d), Decimal(rate)))
    for v in rates.values():
        v.sort()
    return rates


def split(value, n_in, n_over):
    """Value apportioned by quantity, in cents, largest remainder, ties to in-quota."""
    if n_over == 0:
        return value, Decimal(0)
    if n_in == 0:
        return Decimal(0), value
    units = int(value * 100)
    n = n_in + n_over
    base_in, rem_in = divmod(units * n_in, n)
    base_over, rem_over = divmod(units * n_over, n)
    if units - base_in - base_over:
        if rem_in >= rem_over:
            base_in += 1
        else:
            base_over += 1
    return Decimal(base_in) / 100, Decimal(base_over) / 100


def hs_code_ok(text):
    """6 to 10 digits; a dot only after the 4th, 6th or 8th digit, before another digit."""
    digits = 0
    for i, ch in enumerate(text):
        if ch.isdigit():
            digits += 1
        elif ch != "." or digits not in (4, 6, 8) or i + 1 == len(text) or not text[i + 1].isdigit():
            return False
    return 6 <= digits <= 10


class Rejected(Exception):
    pass


def csv_problem(raw):
    """The 1-based column of a quote inside an unquoted field (RFC 4180), or None."""
    pos = 0
    for field in raw.split(","):  # the sample's quoted fields hold commas only in ids
        if field.startswith('"'):
            return None
        if '"' in field:
            return pos + field.index('"') + 1
        pos += len(field) + 1
    return None


def main():
    schedule, rates_path, entries_path, out_csv, out_summary, out_errors = sys.argv[1:7]
    lines, surtaxes, taxes, quotas = load_schedule(schedule)
    rates = load_rates(rates_path)
    with open(entries_path, newline="", encoding="utf-8-sig") as f:
        raw_lines = f.read().split("\n")
    rows = read(entries_path)
    out = ["id,date,hs_code,origin,quantity,in_quota,over_quota,value,currency,value_for_duty,"
           "duty,taxes,total,components,schedule_currency,exchange_rate,rate_date"]
    jsonl = []
    errors = []
    for number, (raw, row) in enumerate(zip(raw_lines[1:], rows[1:]), start=2):
        column = csv_problem(raw)
        if column is not None:
            errors.append(f"{entries_path}:{number}:{column}")
            continue
        if len(row) != 8:
            errors.append(f"{entries_path}:{number}")
            continue
        try:
            csv_row, obj = assess(row, lines, surtaxes, taxes, quotas, rates)
            out.append(csv_row)
            jsonl.append(obj)
        except Rejected as field:
            errors.append(f"{entries_path}:{number}: {field}")

    summary = ["quota,period,from,to,volume,used,balance,state"]
    for name, q in quotas.items():
        for i, p in enumerate(q["periods"]):
            available = p["volume"] + p["carried"]
            balance = available - p["used"]
            state = ("exhausted" if balance == 0 else "closed" if i < q["open"]
                     else "critical" if p["used"] >= available * Decimal("0.9") else "open")
            summary.append(f"{name},{i + 1},{p['from']},{p['to']},{plain(available)},"
                           f"{plain(p['used'])},{plain(balance)},{state}")
    # The totals: sums of the entries' amounts, in the schedule's currency.
    sums = {k: sum((Decimal(o[k]["amount"]) for o in jsonl), Decimal(0))
            for k in ("value_for_duty", "duty", "taxes", "total")}
    totals = {"assessed": len(jsonl), "rejected": len(errors)}
    totals.update({k: money(v) for k, v in sums.items()})
    jsonl_lines = [json.dumps(o, ensure_ascii=False) for o in jsonl]
    jsonl_lines.append(json.dumps({"totals": totals}))
    totals_csv = ["assessed,rejected,currency,value_for_duty,duty,taxes,total",
                  ",".join([str(len(jsonl)), str(len(errors)), "CAD"] +
                           [plain(sums[k], 2) for k in ("value_for_duty", "duty", "taxes", "total")])]
    outputs = [(out_csv, out), (out_summary, summary), (out_errors, errors)]
    if len(sys.argv) > 8:
        outputs += [(sys.argv[7], jsonl_lines), (sys.argv[8], totals_csv)]
    for path, text in outputs:
        with open(path, "w", newline="", encoding="utf-8") as f:
            f.write("".join(t + "\n" for t in text))


def money(amount, currency="CAD", places=2):
    return {"amount": plain(amount, places), "currency": currency}


def assess(row, lines, surtaxes, taxes, quotas, rates):
    ident, d, hs, origin, qty, unit, value, cur = row
    if not ident:
        raise Rejected("id")
    try:
        d = datetime.date.fromisoformat(d)
        assert len(row[1]) == 10
    except (ValueError, AssertionError):
        raise Rejected("date")
    if not hs_code_ok(hs):
        raise Rejected("hs_code")
    line = lines.get(hs.replace(".", ""))
    if line is None:
        raise Rejected("hs_code")
    if not re.fullmatch(r"[A-Z]{2}", origin):
        raise Rejected("origin")
    if not re.fullmatch(r"-?\d+(\.\d+)?", qty) or Decimal(qty) <= 0:
        raise Rejected("quantity")
    if unit not in UNITS:
        raise Rejected("unit")
    line_dim, line_size = UNITS[line["unit"]]
    dim, size = UNITS[unit]
    if dim != line_dim:
        raise Rejected("unit")
    quantity = Decimal(qty) * size / line_size
    if not re.fullmatch(r"-?\d+(\.\d+)?", value) or Decimal(value) < 0:
        raise Rejected("value")
    if cur not in CURRENCIES:
        raise Rejected("currency")
    value = Decimal(value)
    if -value.as_tuple().exponent > CURRENCIES[cur] and value != value.quantize(Decimal(1).scaleb(-CURRENCIES[cur])):
        raise Rejected("value")
    if cur == "CAD":
        vfd = value
        conversion = None
    else:
        known = [(when, r) for when, r in rates.get(cur, []) if when <= d]
        if not known:
            raise Rejected("currency")
        when, r = known[-1]
        vfd = cents(value * r)
        conversion = {"from": cur, "to": "CAD", "rate": plain(r), "date": when.isoformat()}
    versions = [v for v in line["versions"] if v[0][0] <= d <= v[0][1]]
    if not versions:
        raise Rejected("hs_code")
    _, mfn_name, mfn, mfn_basis = versions[0]
    digits = hs.replace(".", "")
    kg = quantity if line_dim == "mass" else None
    in_force = [(name, f, basis) for prefix, o, name, (a, b), f, basis in surtaxes
                if digits.startswith(prefix) and o == origin and a <= d <= b]
    tax_rates = [(name, rate, basis, text) for name, (a, b), rate, basis, text in taxes
                 if a <= d <= b]

    def part(duties, v, q):
        """[(name, amount, kind, legal basis, base, rate text)] for one part: each duty
        rounded, then taxes on value + duties."""
        k = q if line_dim == "mass" else None
        amounts = [(name, cents(f(v, k)), "duty", basis, v, f.text) for name, f, basis in duties]
        base = v + sum(a[1] for a in amounts)
        return amounts + [(name, cents(base * rate), "tax", basis, base, text)
                          for name, rate, basis, text in tax_rates]

    standard = [(mfn_name, mfn, mfn_basis)] + in_force
    quota = None
    for name, q in quotas.items():
        if digits.startswith(q["prefix"]) and q["origin"] == origin:
            for i, p in enumerate(q["periods"]):
                if p["from"] <= d <= p["to"]:
                    quota, period = (name, q), i
    parts = []
    in_q = over_q = None
    if quota is None:
        parts = part(standard, vfd, quantity)
    else:
        name, q = quota
        assert period >= q["open"], "oracle: entries out of date order"
        while q["open"] < period:  # close the earlier periods, carrying their balance
            left = q["periods"][q["open"]]["balance"]
            q["periods"][q["open"]]["balance"] = Decimal(0)
            q["open"] += 1
            q["periods"][q["open"]]["balance"] += left
            q["periods"][q["open"]]["carried"] += left
        p = q["periods"][period]
        in_q = min(quantity.to_integral_value(rounding=ROUND_FLOOR), p["balance"])
        over_q = quantity - in_q
        p["balance"] -= in_q
        p["used"] += in_q
        v_in, v_over = split(vfd, in_q, over_q)
        if in_q > 0:
            parts += part([(name, p["duty"], p["basis"])], v_in, in_q)
        if over_q > 0:
            parts += part(standard, v_over, over_q)
    # A component named twice (a tax on both parts of a split entry): its
    # amounts and its bases add up.
    components = {}
    for name, amount, kind, basis, base, text in parts:
        c = components.setdefault(name, {"name": name, "kind": kind, "legal_basis": basis,
                                         "base": Decimal(0), "rate": text, "amount": Decimal(0)})
        assert c["rate"] == text and c["kind"] == kind, "oracle: one name, two rates"
        c["base"] += base
        c["amount"] += amount
    duty_total = sum(p[1] for p in parts if p[2] == "duty")
    tax_total = sum(p[1] for p in parts if p[2] == "tax")
    listed = ";".join(f"{n}={plain(c['amount'], 2)}" for n, c in components.items())
    ident_out = f'"{ident}"' if "," in ident else ident
    csv_row = ",".join([ident_out, d.isoformat(), line["code"], origin, plain(quantity),
                        "" if in_q is None else plain(in_q), "" if over_q is None else plain(over_q),
                        plain(value, CURRENCIES[cur]), cur, plain(vfd, 2), plain(duty_total, 2),
                        plain(tax_total, 2), plain(duty_total + tax_total, 2),
                        f'"{listed}"' if "," in listed else listed, "CAD",
                        conversion["rate"] if conversion else "",
                        conversion["date"] if conversion else ""])
    obj = {"id": ident, "date": d.isoformat(), "hs_code": line["code"], "origin": origin,
           "quantity": plain(quantity), "unit": line["unit"],
           "in_quota": None if in_q is None else plain(in_q),
           "over_quota": None if over_q is None else plain(over_q),
           "value": money(value, cur, CURRENCIES[cur]), "exchange_rate": conversion,
           "value_for_duty": money(vfd), "duty": money(duty_total), "taxes": money(tax_total),
           "total": money(duty_total + tax_total),
           "components": [dict(c, base=money(c["base"]), amount=money(c["amount"]))
                          for c in components.values()]}
    return csv_row, obj


if __name__ == "__main__":
    main()
