#!/usr/bin/env python3
"""tariff-calc's bad-input catalogue: data-driven cases read from
tests/tariff_calc_bad_inputs/*.toml (docs/tariff-calc.md, "Error messages").

usage: tariff_calc_bad_inputs.py --list DIR                  the cases, GROUP.NAME a line
       tariff_calc_bad_inputs.py TARIFF_CALC DIR CASE...     run cases (GROUP.NAME, GROUP or all)

Each GROUP.toml holds the files its cases start from and the cases:

    args = ["--schedule", "schedule.csv", ...]   # the default command line
    [files]                                      # the default files
    "schedule.csv" = '''...'''
    [[case]]
    name = "quantity_x"
    about = "why the case is here"
    files = { "entries.csv" = "..." }            # replaces a default file
    append = { "entries.csv" = "..." }           # appended to a default file
    links = { "out.csv" = "real/out.csv" }       # symbolic links (after the files)
    args = [...]                                 # replaces the default command line
    extra = [...]                                # appended to the command line
    stdin = "..."                                # standard input (default: none)
    exit = 1                                     # the expected status
    message = ["entries.csv:2: quantity: ..."]   # lines standard error must hold, exactly
    stderr = 'regex'                             # a pattern standard error must match
    stdout = 'regex'                             # a pattern standard output must match
    expect_files = { "out.csv" = 'regex' }       # files after the run (full match)
    absent = ["out.csv"]                         # files that must not exist after the run
    links_kept = ["out.csv"]                     # paths that must still be symbolic links
    outcomes = [{ exit = ..., message = ..., ... }, ...]  # alternatives: one must hold

A case runs in a fresh temporary directory holding its files (so messages
name them as given). File contents may write a byte as \\xNN and a run of a
character as {{c*N}}. Every case also checks that the program neither
crashed nor reported a sanitizer error (status 0 to 5; no "terminate
called", "runtime error:" or "Sanitizer" on standard error) and that no
temporary output file is left behind.

The expected messages come from the documented format (FILE:LINE: FIELD:
"TEXT": what is wrong), written when the case was, not copied from a run.
"""
import os
import re
import subprocess
import sys
import tempfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    sys.exit("tariff_calc_bad_inputs.py needs Python 3.11 or later (tomllib)")


def load(directory):
    """{group: (defaults, [case, ...])} from DIR/*.toml, in name order."""
    groups = {}
    for entry in sorted(os.listdir(directory)):
        if not entry.endswith(".toml"):
            continue
        with open(os.path.join(directory, entry), "rb") as f:
            data = tomllib.load(f)
        group = entry[:-5]
        cases = data.get("case", [])
        names = [c["name"] for c in cases]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            sys.exit(f"{entry}: cases named twice: {sorted(duplicates)}")
        for c in cases:
            if "exit" not in c and "outcomes" not in c:
                sys.exit(f"{entry}: case {c['name']}: no expected exit status")
            for o in [c] + c.get("outcomes", []):
                if "exit" in o and not ("message" in o or "stderr" in o):
                    sys.exit(f"{entry}: case {c['name']}: no expected message")
        groups[group] = (data, cases)
    return groups


def content(text):
    """The bytes of a file as a case writes it: \\xNN is a byte, {{c*N}} a run."""
    text = re.sub(r"\{\{(.)\*(\d+)\}\}", lambda m: m.group(1) * int(m.group(2)), text)
    data = text.encode("utf-8")
    return re.sub(rb"\\x([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data)


def argument(text):
    """An argument as a case writes it (\\xNN for a byte)."""
    return os.fsdecode(content(text))


class Failure(Exception):
    pass


def check_outcome(expect, run, tmp):
    """The problems with `run` against one expected outcome (empty: it holds)."""
    problems = []
    code, out, err = run
    if code != expect["exit"]:
        problems.append(f"exit status {code}, expected {expect['exit']}")
    lines = err.splitlines()
    wanted = expect.get("message", [])
    for line in [wanted] if isinstance(wanted, str) else wanted:
        if line not in lines:
            problems.append(f"standard error has no line {line!r}")
    if "stderr" in expect and not re.search(expect["stderr"], err, re.MULTILINE):
        problems.append(f"standard error does not match {expect['stderr']!r}")
    if "stdout" in expect and not re.search(expect["stdout"], out, re.MULTILINE):
        problems.append(f"standard output does not match {expect['stdout']!r}")
    for name, pattern in expect.get("expect_files", {}).items():
        path = os.path.join(tmp, name)
        if not os.path.exists(path):
            problems.append(f"{name} does not exist")
            continue
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        if not re.fullmatch(pattern, text, re.DOTALL):
            problems.append(f"{name} is {text[:300]!r}, expected to match {pattern!r}")
    for name in expect.get("links_kept", []):
        if not os.path.islink(os.path.join(tmp, name)):
            problems.append(f"{name} is no longer a symbolic link")
    for name in expect.get("absent", []):
        if os.path.exists(os.path.join(tmp, name)):
            problems.append(f"{name} exists; it must not")
    return problems


def run_case(program, defaults, case):
    with tempfile.TemporaryDirectory(prefix="tariff-calc-bad-") as tmp:
        files = dict(defaults.get("files", {}))
        files.update(case.get("files", {}))
        for name, extra in case.get("append", {}).items():
            files[name] = files.get(name, "") + extra
        for name, text in files.items():
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content(text))
        for name, target in case.get("links", {}).items():
            os.symlink(target, os.path.join(tmp, name))
        args = case.get("args", defaults.get("args", [])) + case.get("extra", [])
        stdin = content(case["stdin"]) if "stdin" in case else None
        proc = subprocess.run([program] + [argument(a) for a in args], cwd=tmp,
                              input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                              capture_output=True, timeout=60)
        run = (proc.returncode, proc.stdout.decode("utf-8", "replace"),
               proc.stderr.decode("utf-8", "replace"))
        # Whatever the case: no crash, no sanitizer report, no temporary left.
        common = []
        if not 0 <= proc.returncode <= 5:
            common.append(f"exit status {proc.returncode}: a crash (0 to 5 are documented)")
        for sign in ("terminate called", "runtime error:", "Sanitizer", "Assertion"):
            if sign in run[2]:
                common.append(f"standard error says {sign!r}")
        left = [n for _, _, names in os.walk(tmp) for n in names if ".tariff-calc-" in n]
        if left:
            common.append(f"temporary files left behind: {left}")
        outcomes = case.get("outcomes", [case])
        results = [check_outcome(o, run, tmp) for o in outcomes]
        if common or all(results):
            detail = common + (results[0] if len(results) == 1 else
                               [f"outcome {i + 1}: {'; '.join(r)}" for i, r in enumerate(results)])
            raise Failure("\n  ".join(detail) + f"\n  command: {args}\n  standard error:\n" +
                          "".join(f"    {line}\n" for line in run[2].splitlines()[:20]))


def main(argv):
    if len(argv) == 3 and argv[1] == "--list":
        for group, (_, cases) in load(argv[2]).items():
            for c in cases:
                print(f"{group}.{c['name']}")
        return 0
    if len(argv) < 4:
        print(__doc__)
        return 2
    program, directory, wanted = os.path.abspath(argv[1]), argv[2], argv[3:]
    groups = load(directory)
    selected = []
    for w in wanted:
        found = [(g, d, c) for g, (d, cases) in groups.items() for c in cases
                 if w in ("all", g, f"{g}.{c['name']}")]
        if not found:
            print(f"no case {w!r}")
            return 2
        selected += found
    failed = 0
    for group, defaults, case in selected:
        name = f"{group}.{case['name']}"
        try:
            run_case(program, defaults, case)
            print(f"ok {name}")
        except Failure as f:
            failed += 1
            print(f"FAILED {name}: {case.get('about', '')}\n  {f}")
    if len(selected) > 1:
        print(f"{len(selected) - failed} of {len(selected)} cases passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
