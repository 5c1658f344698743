#!/usr/bin/env python3
"""Compile-fail harness: misuses of the library must not compile, for the right reason.

Two kinds of source file:

1. One case per file (tests/compile_fail/*.cpp, also the source of
   docs/troubleshooting.md, see tests/docs/make_troubleshooting.py):
       // expect-error: <regex>          (one or more)
       #ifdef TARIFF_MISUSE  <misuse>  #else  <positive control>  #endif
   The file must compile without TARIFF_MISUSE, must not compile with it, and
   the compiler's output must match every expect-error regex.

2. Many cases per file (tests/compile_fail/batch/*.cpp):
       // case <name>: <regex>
       ...
       #ifdef CASE_<name>
           <misuse>
       #else
           <positive control>
       #endif
   The whole file must compile with no CASE_ macro defined (every positive
   control at once); with -DCASE_<name> it must not compile, and the FIRST
   error line of the output must match <regex>: the first thing a user reads
   says what is wrong. `// case-anywhere <name>: <regex>` matches the regex
   against the whole output instead (for misuses whose first line is the
   standard library's, e.g. std::plus<> deducing its operands).

Regexes are Python regexes, searched (re.search) in the output compiled with
LC_ALL=C, -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror.
Cases are compiled in parallel (--jobs). Every failing case is reported by
file and name; the exit status is 1 if any failed.

Usage:
    run.py --cxx g++ --include include [--jobs 2] [--std -std=c++20] FILE...
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time
from pathlib import Path

CASE = re.compile(r"^//\s*case(?P<anywhere>-anywhere)?\s+(?P<name>[A-Za-z0-9_]+)\s*:\s*(?P<regex>.*\S)\s*$")
EXPECT = re.compile(r"^//\s*expect-error:\s*(?P<regex>.*\S)\s*$")
ERROR_LINE = re.compile(r"(^|: )(fatal error|error): ")


class Case:
    def __init__(self, path, name, regexes, define, first_line):
        self.path = path
        self.name = name
        self.regexes = regexes
        self.define = define
        self.first_line = first_line

    def label(self):
        return f"{self.path.name}:{self.name}"


def parse(path):
    """The cases of one file; raises ValueError for a malformed file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases = []
    seen = set()
    for line in lines:
        m = CASE.match(line.strip())
        if not m:
            continue
        name = m.group("name")
        if name in seen:
            raise ValueError(f"{path}: case '{name}' is declared twice")
        seen.add(name)
        regex = m.group("regex")
        re.compile(regex)
        cases.append(Case(path, name, [regex], f"CASE_{name}", m.group("anywhere") is None))
    if cases:
        stripped = [l.strip() for l in lines]
        for c in cases:
            opener = f"#ifdef {c.define}"
            if stripped.count(opener) != 1:
                raise ValueError(f"{path}: case '{c.name}' needs exactly one '{opener}'")
            i = stripped.index(opener)
            depth, has_else = 0, False
            for l in stripped[i + 1:]:
                if l.startswith("#if"):
                    depth += 1
                elif l.startswith("#endif"):
                    if depth == 0:
                        break
                    depth -= 1
                elif l.startswith("#else") and depth == 0:
                    has_else = True
            if not has_else:
                raise ValueError(f"{path}: case '{c.name}' has no '#else' positive control")
        declared = {c.define for c in cases}
        for l in stripped:
            m = re.match(r"#ifdef (CASE_[A-Za-z0-9_]+)$", l)
            if m and m.group(1) not in declared:
                raise ValueError(f"{path}: '{l}' has no '// case {m.group(1)[5:]}: <regex>' line")
        return cases
    regexes = [m.group("regex") for m in (EXPECT.match(l.strip()) for l in lines) if m]
    if not regexes:
        raise ValueError(f"{path}: neither '// case <name>: <regex>' nor '// expect-error: <regex>'")
    if "#ifdef TARIFF_MISUSE" not in [l.strip() for l in lines]:
        raise ValueError(f"{path}: expected '#ifdef TARIFF_MISUSE ... #else ... #endif'")
    for r in regexes:
        re.compile(r)
    return [Case(path, path.stem, regexes, "TARIFF_MISUSE", False)]


def compile_source(args, path, define=None):
    cmd = [args.cxx, args.std, "-fsyntax-only", "-fdiagnostics-color=never", "-Wall", "-Wextra",
           "-Wpedantic", "-Werror", f"-I{args.include}"]
    if define:
        cmd.append(f"-D{define}")
    cmd.append(str(path))
    env = dict(os.environ, LC_ALL="C")
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True,
                       errors="replace")
    return p.returncode, p.stdout, " ".join(cmd)


def first_error_line(output):
    for line in output.splitlines():
        if ERROR_LINE.search(line):
            return line
    return ""


def check_control(args, path):
    rc, out, cmd = compile_source(args, path)
    if rc != 0:
        return [f"FAIL {path.name}: positive control failed to compile (every case's #else "
                f"branch, no CASE_ macro)\n  command: {cmd}\n{indent(out)}"]
    return []


def check_case(args, case):
    rc, out, cmd = compile_source(args, case.path, case.define)
    if rc == 0:
        return [f"FAIL {case.label()}: misuse compiled but must not\n  command: {cmd}\n{indent(out)}"]
    failures = []
    where = first_error_line(out) if case.first_line else out
    for regex in case.regexes:
        if not re.search(regex, where):
            what = "first error line" if case.first_line else "diagnostics"
            failures.append(f"FAIL {case.label()}: misuse rejected, but its {what} did not match "
                            f"the expected regex\n  expected regex: {regex}\n"
                            f"  first error line: {first_error_line(out)}\n  command: {cmd}\n"
                            f"{indent(out, 40)}")
    return failures


def indent(text, limit=60):
    lines = text.splitlines()
    more = len(lines) - limit
    lines = lines[:limit] + ([f"... ({more} more lines)"] if more > 0 else [])
    return "".join(f"    | {l}\n" for l in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cxx", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--std", default="-std=c++20")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()

    start = time.monotonic()
    all_cases, failures = [], []
    for f in args.files:
        try:
            all_cases.append((f, parse(f)))
        except (ValueError, re.error, OSError) as e:
            failures.append(f"FAIL {f}: {e}")
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for f, cases in all_cases:
            jobs.append(pool.submit(check_control, args, f))
            for c in cases:
                jobs.append(pool.submit(check_case, args, c))
        for j in jobs:
            failures.extend(j.result())
    count = sum(len(c) for _, c in all_cases)
    for f in failures:
        print(f)
    print(f"{count} compile-fail cases in {len(args.files)} files with {args.cxx}: "
          f"{len(failures)} failures ({time.monotonic() - start:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
