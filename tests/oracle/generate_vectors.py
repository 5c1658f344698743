#!/usr/bin/env python3
"""Writes oracle_vectors.hpp: test vectors for tariff, computed independently.

Every expected figure comes from Python's `decimal` module (exact arithmetic
at a precision far above anything the vectors need, with the Inexact signal
trapped where a result must be exact, and explicit rounding constants where it
is rounded), or, for allocation, from Hamilton's method written here in plain
integers. Nothing here runs or imports the library.

The rules the expectations encode (each stated in the library's headers):
  * a + b and a - b are exact, at the larger of the two scales; a * b is exact,
    at the sum of the scales. Trailing zeros are dropped only when that is what
    it takes to fit (|coefficient| <= max, scale <= max_scale); a result that
    still does not fit is "overflow".
      tariff::decimal:      max = 2**63 - 1  (the most negative int64 is excluded), max_scale = 18
      tariff::wide_decimal: max = 2**127 - 1,                                      max_scale = 38
  * round(a, places, mode) rounds to `places` decimal places; a value with no
    more places than that is returned unchanged (rounding never adds places).
  * divide(a, b, places, mode) is a / b rounded once, to exactly `places`
    places; "overflow" if that does not fit, "division_by_zero" if b == 0.
  * allocation (largest remainder, Hamilton): a total of U granularity units
    over weights w: each part gets floor(U * w_i / sum w), the units left over
    go one each to the largest remainders, equal remainders favouring the lower
    index; a negative total is split as the negation of the split of -total.

Usage: generate_vectors.py OUTPUT.hpp [--seed N]
"""

import argparse
import random
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Context,
    Decimal,
    Inexact,
    Rounded,
)

# The order of tariff::rounding_mode, with the Python constant that has the same
# definition. Python's ROUND_HALF_UP rounds ties away from zero (tariff's
# half_up); ROUND_DOWN is toward zero; ROUND_UP is away from zero.
MODES = [
    ("half_even", ROUND_HALF_EVEN),
    ("half_up", ROUND_HALF_UP),
    ("half_down", ROUND_HALF_DOWN),
    ("toward_zero", ROUND_DOWN),
    ("away_from_zero", ROUND_UP),
    ("floor", ROUND_FLOOR),
    ("ceiling", ROUND_CEILING),
]

NARROW = {"name": "64", "max": 2**63 - 1, "max_scale": 18}
WIDE = {"name": "128", "max": 2**127 - 1, "max_scale": 38}

# Exact arithmetic: 400 digits hold any product or sum of two 39-digit
# coefficients; Inexact and Rounded are trapped, so a silent rounding is an error.
EXACT = Context(prec=400, Emax=10**6, Emin=-(10**6), traps=[Inexact, Rounded])
# For quantize with an explicit rounding constant (rounding is the point there).
ROUNDING = Context(prec=400, Emax=10**6, Emin=-(10**6), traps=[])


def parts(d):
    """(coefficient, scale) of a Decimal whose exponent is <= 0."""
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    c = int("".join(map(str, digits)))
    if sign:
        c = -c
    if exponent > 0:
        return c * 10**exponent, 0
    return c, -exponent


def make(c, s):
    """The Decimal c * 10^-s (keeps the scale: make(150, 2) is 1.50)."""
    return Decimal((1 if c < 0 else 0, tuple(int(ch) for ch in str(abs(c))), -s))


def text(c, s):
    """c * 10^-s in the notation tariff::parse_decimal accepts, scale kept."""
    digits = str(abs(c)).rjust(s + 1, "0")
    whole, frac = (digits[:-s], digits[-s:]) if s else (digits, "")
    return ("-" if c < 0 else "") + whole + ("." + frac if s else "")


def fits(c, s, kind):
    return abs(c) <= kind["max"] and 0 <= s <= kind["max_scale"]


def fit(d, natural_scale, kind):
    """d as the library must return it: at natural_scale, with trailing zeros
    dropped only while it does not fit; or "overflow"."""
    c, s = parts(d)
    assert s == natural_scale, (d, natural_scale)
    while not fits(c, s, kind) and s > 0 and c % 10 == 0:
        c //= 10  # exact: c is a multiple of 10 (also when negative)
        s -= 1
    return text(c, s) if fits(c, s, kind) else "overflow"


def add(a, b, kind):
    _, sa = parts(a)
    _, sb = parts(b)
    return fit(EXACT.add(a, b), max(sa, sb), kind)


def subtract(a, b, kind):
    _, sa = parts(a)
    _, sb = parts(b)
    return fit(EXACT.subtract(a, b), max(sa, sb), kind)


def multiply(a, b, kind):
    _, sa = parts(a)
    _, sb = parts(b)
    return fit(EXACT.multiply(a, b), sa + sb, kind)


def round_places(a, places, mode):
    _, sa = parts(a)
    if sa <= places:
        return str_of(a)  # nothing to round: unchanged, scale kept
    r = a.quantize(Decimal((0, (1,), -places)), rounding=mode, context=ROUNDING)
    c, s = parts(r)
    assert s == places
    return text(c, s)


def divide(a, b, places, mode, kind):
    if b == 0:
        return "division_by_zero"
    # a / b truncated to 200 significant digits; if that is inexact, append a
    # sticky digit 1: the truncated value plus that digit lies strictly between
    # the truncation and the exact quotient's next 200-digit neighbour, so it
    # rounds to `places` (far fewer digits) exactly as the exact quotient does,
    # with a single rounding by `mode`.
    ctx = Context(prec=200, rounding=ROUND_DOWN, Emax=10**6, Emin=-(10**6), traps=[])
    q = ctx.divide(a, b)
    if ctx.flags[Inexact]:
        sign, digits, exponent = q.as_tuple()
        q = Decimal((sign, digits + (1,), exponent - 1))
    assert q.as_tuple().exponent < -(places + 1) or not ctx.flags[Inexact]
    r = q.quantize(Decimal((0, (1,), -places)), rounding=mode, context=ROUNDING)
    c, s = parts(r)
    assert s == places
    return text(c, s) if fits(c, s, kind) else "overflow"


def str_of(d):
    c, s = parts(d)
    return text(c, s)


def hamilton(units, weights):
    """Largest-remainder apportionment of `units` (an integer) over weights."""
    if units < 0:
        return [-k for k in hamilton(-units, weights)]
    total = sum(weights)
    shares = [units * w // total for w in weights]
    remainders = [units * w % total for w in weights]
    left = units - sum(shares)
    assert 0 <= left < len(weights)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        shares[i] += 1
    assert sum(shares) == units
    return shares


# ---------------------------------------------------------------------------
# Operands


def random_coefficient(rng, kind):
    m = kind["max"]
    r = rng.random()
    if r < 0.30:
        c = rng.randint(0, 1000)
    elif r < 0.55:
        c = rng.randint(0, 10**9)
    elif r < 0.75:
        c = rng.randint(0, 10 ** rng.randint(10, len(str(m)) - 1))
    elif r < 0.85:
        c = m - rng.randint(0, 1000)  # at the edge of the range
    else:
        c = rng.randint(0, m)
    if rng.random() < 0.2:  # trailing zeros, which may be dropped to fit
        z = 10 ** rng.randint(1, 4)
        c = c // z * z
    return -c if rng.random() < 0.5 else c


def random_decimal(rng, kind, max_scale=8):
    return make(random_coefficient(rng, kind), rng.randint(0, max_scale))


def crafted_arithmetic(rng, kind):
    """Pairs built to hit the rules' corners."""
    m, ms = kind["max"], kind["max_scale"]
    out = []
    for _ in range(12):
        # Same scale, the sum overflows by a little but ends in 0: one zero dropped.
        s = rng.randint(1, 8)
        a = m - rng.randint(0, 50)
        b = rng.randint(1, 60)
        b += (10 - (a + b) % 10) % 10
        sign = rng.choice([1, -1])
        out.append((make(sign * a, s), make(sign * b, s)))
        # ... and one that does not end in 0: overflow.
        out.append((make(sign * a, s), make(sign * (b + 1), s)))
        # Different scales where rescaling the shorter operand alone overflows,
        # but the sum fits (cancellation).
        big = m // 10 + rng.randint(1, 10**6)
        other = -(m - rng.randint(0, 10**6))
        out.append((make(sign * big, 0), make(sign * other, 1)))
        # The sum needs the larger scale and does not fit it: overflow.
        out.append((make(sign * (m // 100), 0), make(sign * rng.randint(1, 99), 2)))
        # The sum fits only without the larger operand's trailing zeros.
        out.append((make(sign * (m // 100 - rng.randint(0, 100)), 0), make(sign * 50, 2)))
        # Products whose trailing zeros come from 2s and 5s of the operands.
        i = rng.randint(1, 27 if kind is NARROW else 54)
        j = rng.randint(1, 27 if kind is NARROW else 54)
        out.append((make(2**i, rng.randint(ms // 2, ms)), make(5**j, rng.randint(ms // 2, ms))))
        # Products at the edge of the coefficient range.
        x = rng.randint(2, 10**6)
        y = m // x + rng.choice([0, 1])
        out.append((make(x, rng.randint(0, 4)), make(-y, rng.randint(0, 4))))
        # Operands with trailing zeros whose product fits only without some.
        z = rng.randint(1, 6)
        out.append((make(10**z, z), make(m // 10 ** rng.randint(0, 3), rng.randint(0, 3))))
        # Scale sums beyond max_scale.
        out.append(
            (make(rng.randint(1, 10**6) * 10**3, rng.randint(ms - 5, ms)),
             make(rng.randint(1, 10**6), rng.randint(ms - 5, ms)))
        )
        out.append((make(0, rng.randint(ms // 2 + 1, ms)), make(0, rng.randint(ms // 2 + 1, ms))))
    # Fixed corners: the extreme representable values.
    out += [
        (make(m, 0), make(0, 0)),
        (make(m, 0), make(1, 0)),
        (make(-m, 0), make(-1, 0)),
        (make(m, 0), make(-m, 0)),
        (make(m, ms), make(m, ms)),
        (make(m, 0), make(1, ms)),
        (make(1, ms), make(1, ms)),
        (make(m, 0), make(-1, 0)),
    ]
    return out


def crafted_rounding(rng, kind):
    """Exact ties, near ties and plain values, positive and negative."""
    out = []
    for _ in range(60):
        places = rng.randint(0, 6)
        extra = rng.randint(1, 4)
        base = rng.randint(0, 10**6)
        # base . 5 0 0 0 (extra places beyond `places`): an exact tie
        tie = (base * 10 + 5) * 10 ** (extra - 1)
        sign = rng.choice([1, -1])
        out.append((make(sign * tie, places + extra), places))
        if extra > 1:  # base . 5 0 0 1 and base . 4 9 9 9: just off the tie
            out.append((make(sign * (tie + rng.choice([1, -1])), places + extra), places))
    # The edge of the range: rounding away from zero must still fit.
    m = kind["max"]
    out += [(make(m, 1), 0), (make(-m, 1), 0), (make(m, kind["max_scale"]), 0)]
    return out


def crafted_division(rng, kind):
    out = []
    for _ in range(40):
        places = rng.randint(0, 6)
        b = make(rng.randint(1, 10**6) * rng.choice([1, -1]), rng.randint(0, 4))
        # a = b * (k + 1/2) * 10^-places: the quotient is an exact tie
        k = rng.randint(0, 10**5)
        half = EXACT.multiply(make(2 * k + 1, places + 1), Decimal(5))
        out.append((EXACT.multiply(b, half), b, places))
        out.append((random_decimal(rng, kind), make(rng.choice([3, 7, 11, -3, -7]), 0), places))
    out += [(random_decimal(rng, kind), make(0, rng.randint(0, 3)), 2) for _ in range(4)]
    m = kind["max"]
    out += [
        (make(m, 0), make(1, 1), 0),  # 10 * max: overflow
        (make(m, 0), make(2, 0), 0),
        (make(-m, 0), make(2, 0), 0),
        (make(1, kind["max_scale"]), make(m, 0), kind["max_scale"]),
        (make(m, kind["max_scale"]), make(2, 0), 0),
        (make(m, kind["max_scale"]), make(-2, 0), 0),
    ]
    return out


# ---------------------------------------------------------------------------
# Output


def q(s):
    return '"' + s + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    lines = [
        "// Generated by tests/oracle/generate_vectors.py (seed %d). Do not edit: the" % args.seed,
        "// expectations come from Python's decimal module; see the script for the rules.",
        "#pragma once",
        "",
        "#include <cstdint>",
        "",
        "namespace oracle {",
        "",
        "// Index i of every `expected` array is for rounding mode mode_names[i].",
        "inline constexpr const char* mode_names[7] = {%s};"
        % ", ".join(q(name) for name, _ in MODES),
        "",
        "struct arithmetic_case {",
        "    const char* a;",
        "    const char* b;",
        "    const char* sum;        // a + b",
        "    const char* difference; // a - b",
        "    const char* product;    // a * b",
        "};",
        "struct rounding_case {",
        "    const char* a;",
        "    int places;",
        "    const char* expected[7];",
        "};",
        "struct division_case {",
        "    const char* a;",
        "    const char* b;",
        "    int places;",
        "    const char* expected[7];",
        "};",
        "struct allocation_case {",
        "    const char* total;",
        "    const char* granularity;",
        "    int count;",
        "    std::int64_t weights[7];",
        "    const char* parts[7];",
        "};",
        "",
    ]
    counts = {}

    def table(ctype, name, rows):
        counts[name] = len(rows)
        lines.append("inline constexpr %s %s[] = {" % (ctype, name))
        lines.extend("    {%s}," % row for row in rows)
        lines.append("};")
        lines.append("")

    for kind, n_random in ((NARROW, 700), (WIDE, 200)):
        max_gen_scale = 8 if kind is NARROW else 20
        pairs = [
            (random_decimal(rng, kind, max_gen_scale), random_decimal(rng, kind, max_gen_scale))
            for _ in range(n_random)
        ]
        pairs += crafted_arithmetic(rng, kind)
        rows = []
        for a, b in pairs:
            assert fits(*parts(a), kind) and fits(*parts(b), kind)
            rows.append(
                ", ".join(
                    q(x)
                    for x in (
                        str_of(a),
                        str_of(b),
                        add(a, b, kind),
                        subtract(a, b, kind),
                        multiply(a, b, kind),
                    )
                )
            )
        table("arithmetic_case", "arithmetic" + kind["name"], rows)

    for kind, n_random in ((NARROW, 400), (WIDE, 80)):
        max_gen_scale = 8 if kind is NARROW else 30
        cases = []
        for _ in range(n_random):
            a = random_decimal(rng, kind, max_gen_scale)
            _, sa = parts(a)
            places = rng.randint(0, sa + 1)  # mostly fewer places than a has
            cases.append((a, places))
        cases += crafted_rounding(rng, kind)
        rows = []
        for a, places in cases:
            expected = ", ".join(q(round_places(a, places, mode)) for _, mode in MODES)
            rows.append("%s, %d, {%s}" % (q(str_of(a)), places, expected))
        table("rounding_case", "rounding" + kind["name"], rows)

    for kind, n_random in ((NARROW, 400), (WIDE, 150)):
        max_gen_scale = 8 if kind is NARROW else 30
        cases = []
        for _ in range(n_random):
            a = random_decimal(rng, kind, max_gen_scale)
            b = random_decimal(rng, kind, max_gen_scale)
            if b == 0:
                b = make(rng.randint(1, 999), rng.randint(0, 3))
            places = rng.randint(0, kind["max_scale"] if rng.random() < 0.2 else 8)
            cases.append((a, b, places))
        cases += crafted_division(rng, kind)
        rows = []
        for a, b, places in cases:
            expected = ", ".join(q(divide(a, b, places, mode, kind)) for _, mode in MODES)
            rows.append("%s, %s, %d, {%s}" % (q(str_of(a)), q(str_of(b)), places, expected))
        table("division_case", "division" + kind["name"], rows)

    # Allocation of money<CAD>-like amounts (two minor digits).
    rows = []
    granularities = ["0.01"] * 6 + ["1.00", "0.05", "1"]
    for i in range(300):
        g = Decimal(rng.choice(granularities))
        count = rng.randint(2, 7)
        r = rng.random()
        if r < 0.4:
            weights = [rng.randint(0, 10) for _ in range(count)]
        elif r < 0.7:
            weights = [rng.randint(0, 10**6) for _ in range(count)]
        elif r < 0.85:
            weights = [rng.choice([1, 2, 3]) for _ in range(count)]  # many equal remainders
        else:
            weights = [rng.randint(0, 10**15) for _ in range(count)]
        if sum(weights) == 0:
            weights[rng.randrange(count)] = rng.randint(1, 5)
        units = rng.choice([rng.randint(0, 10**4), rng.randint(0, 10**9), rng.randint(0, 10**14)])
        if rng.random() < 0.3:
            units = -units
        total = EXACT.multiply(Decimal(units), g)
        # The total is written with two places, as a CAD amount would be.
        total_text = text(parts(total)[0] * 10 ** (2 - parts(total)[1]), 2)
        shares = hamilton(units, weights)
        part_texts = [str_of(EXACT.multiply(Decimal(k), g)) for k in shares]
        pad = 7 - count
        rows.append(
            "%s, %s, %d, {%s}, {%s}"
            % (
                q(total_text),
                q(str_of(g)),
                count,
                ", ".join(str(w) for w in weights + [0] * pad),
                ", ".join(q(p) for p in part_texts + [""] * pad),
            )
        )
    table("allocation_case", "allocation", rows)

    lines.append("} // namespace oracle")
    lines.append("")
    summary = ", ".join("%s: %d" % kv for kv in counts.items())
    lines.insert(2, "// Cases: " + summary + ".")
    with open(args.output, "w", encoding="ascii") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
