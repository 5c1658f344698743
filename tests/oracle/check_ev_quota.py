#!/usr/bin/env python3
"""Runs the ev_quota example and checks it against the independent oracle.

usage: check_ev_quota.py EV_QUOTA_PROGRAM COMMITTED_CHART_SVG

1. The example's report must equal ev_quota_oracle.py's, line for line.
2. The chart it writes must be well-formed SVG with the two curves (the
   quota path and the standard path), each with a point per shipment plus the
   origin, both rising, the quota curve never above the standard one, and a
   marker where each half's quota ran out.
3. The chart committed for the README (docs/ev_quota.svg) must be the one the
   example writes now (regenerate it: build/.../ev_quota docs/ev_quota.svg).
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
program, committed = sys.argv[1], sys.argv[2]
failures = []

with tempfile.TemporaryDirectory() as tmp:
    chart = os.path.join(tmp, "ev_quota.svg")
    got = subprocess.run([program, chart], capture_output=True, text=True, check=True).stdout
    want = subprocess.run([sys.executable, os.path.join(here, "ev_quota_oracle.py"), chart],
                          capture_output=True, text=True, check=True).stdout
    if got != want:
        import difflib
        failures.append("report differs from the oracle:\n" + "".join(
            difflib.unified_diff(want.splitlines(True), got.splitlines(True), "oracle", "example")))

    svg_text = open(chart, encoding="utf-8").read()
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.fromstring(svg_text)
    lines = root.findall("s:polyline", ns)
    shipments = int(want.split("Quota year: ")[1].split(" shipments")[0].replace(",", ""))
    if len(lines) != 2:
        failures.append(f"expected 2 curves, found {len(lines)}")
    else:
        curves = []
        for line in lines:
            pts = [tuple(map(int, p.split(","))) for p in line.get("points").split()]
            if len(pts) != shipments + 1:
                failures.append(f"a curve has {len(pts)} points, expected {shipments + 1}")
            # SVG y grows downwards: a rising curve has non-increasing y.
            if any(b[1] > a[1] or b[0] < a[0] for a, b in zip(pts, pts[1:])):
                failures.append("a curve is not rising")
            curves.append(pts)
        if len(curves) == 2 and any(q[1] < s[1] for q, s in zip(*curves)):
            failures.append("the quota curve rises above the standard path")
    if len(root.findall("s:circle", ns)) != 2:
        failures.append("expected a marker where each half's quota ran out")
    # What a reader needs: a title and description (also for screen readers),
    # labelled axes, dated markers, the second half's opening, a legend.
    texts = ["".join(t.itertext()) for t in root.findall("s:text", ns)]
    if not (root.findtext("s:title", None, ns) or "").strip():
        failures.append("the chart has no <title>")
    if len((root.findtext("s:desc", None, ns) or "").strip()) < 40:
        failures.append("the chart has no <desc> saying what it shows")
    for label in ("vehicles imported", "CAD millions", "H2 opens 2026-09-01"):
        if not any(label in t for t in texts):
            failures.append(f"no text containing '{label}'")
    for half, date in (("H1", "2026-07-30"), ("H2", "2027-02-04")):
        # The dates come from the oracle's report ("quota exhausted by the shipments of").
        if f"exhausted by the shipments of {date}" not in want:
            failures.append(f"the oracle no longer says {half} ran out on {date}")
        if not any(t == f"{half} quota used up {date}" for t in texts):
            failures.append(f"no dated marker '{half} quota used up {date}'")
    swatches = [l for l in root.findall("s:line", ns) if l.get("stroke") in ("#1f77b4", "#d62728")]
    if {l.get("stroke") for l in swatches} != {"#1f77b4", "#d62728"}:
        failures.append("the legend needs a line swatch in each curve's colour")

    if not os.path.exists(committed) or open(committed, encoding="utf-8").read() != svg_text:
        failures.append(f"{committed} is stale: regenerate it with `ev_quota {committed}`")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ev_quota: report equals the oracle's; chart well formed and committed copy current")
