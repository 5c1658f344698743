#!/usr/bin/env python3
"""Generates docs/troubleshooting.md from the compile-fail cases.

Every tests/compile_fail/<case>.cpp that includes a tariff header holds one
misuse under `#ifdef TARIFF_MISUSE`, its fix under `#else`, and the expected
diagnostic as `// expect-error: <regex>`. This script compiles each misuse
with GCC and with Clang (LC_ALL=C, -std=c++20 -fsyntax-only -Iinclude
-DTARIFF_MISUSE, from the repository root), keeps the key lines of each
compiler's output and writes the page: per case, what the mistake is, the
misuse, the fix and both compilers' messages, so that searching for an error
message finds it.

Key lines: every `error:` line, and the `note:` lines that name one of the
library's error functions (`error_..._in_constant_expression`, the HS code
checks, `duty_text_error`): Clang reports a failed constant evaluation in a
note. Paths are reduced to file names and line:column numbers are dropped, so
the page does not change with the checkout's location or with small edits to
the headers. The key lines of each compiler must still match the case's
expect-error regex: the page must show what a user would search for.

Usage (from anywhere):
    python3 tests/docs/make_troubleshooting.py            # rewrites docs/troubleshooting.md
    python3 tests/docs/make_troubleshooting.py --output BUILD/troubleshooting.md \\
        --check docs/troubleshooting.md                   # what CTest runs

Both compilers are required: a missing one is an error, not a skip.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = Path("tests") / "compile_fail"
PAGE = Path("docs") / "troubleshooting.md"
SCRIPT = Path("tests") / "docs" / "make_troubleshooting.py"

FLAGS = ["-std=c++20", "-fsyntax-only", "-fdiagnostics-color=never", "-Iinclude",
         "-DTARIFF_MISUSE"]

# file:line:column: kind: message (line and column are optional: "cc1plus: error: ...").
DIAGNOSTIC = re.compile(
    r"^(?P<file>[^\s:][^:]*?)(?::\d+)?(?::\d+)?: (?P<kind>fatal error|error|note): (?P<msg>.*)$")
# The library's named errors, which Clang reports in a note.
NAMED_ERROR = re.compile(r"\berror_[a-z0-9_]+|\bduty_text_error\b")


class Failure(Exception):
    pass


def parse_case(path):
    """The description, expect-error regexes, misuse program and fix of one case."""
    lines = path.read_text(encoding="utf-8").splitlines()
    description, regexes = [], []
    body_start = 0
    for i, line in enumerate(lines):
        if not line.startswith("//"):
            body_start = i
            break
        text = line[2:].strip()
        if text.startswith("expect-error:"):
            regexes.append(text[len("expect-error:"):].strip())
        elif not regexes:
            description.append(text)
    if not regexes:
        raise Failure(f"{path}: no '// expect-error: <regex>' line")
    try:
        start = next(i for i, l in enumerate(lines) if l.strip() == "#ifdef TARIFF_MISUSE")
        middle = next(i for i in range(start, len(lines)) if lines[i].strip() == "#else")
        end = next(i for i in range(middle, len(lines)) if lines[i].strip() == "#endif")
    except StopIteration:
        raise Failure(f"{path}: expected '#ifdef TARIFF_MISUSE', '#else' and '#endif'") from None
    program = lines[body_start:start] + lines[start + 1:middle] + lines[end + 1:]
    while program and not program[0].strip():
        program.pop(0)
    fix = dedent(lines[middle + 1:end])
    paragraphs, current = [], []
    for text in description:
        if text:
            current.append(text)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return {
        "name": path.stem,
        "path": path,
        "description": paragraphs,
        "regexes": regexes,
        "program": "\n".join(program).rstrip(),
        "fix": "\n".join(fix).rstrip(),
    }


def dedent(lines):
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(indents) if indents else 0
    return [l[cut:] for l in lines]


def key_lines(output):
    kept = []
    for line in output.splitlines():
        m = DIAGNOSTIC.match(line)
        if not m:
            continue
        kind, msg = m.group("kind"), m.group("msg")
        if kind == "note" and (not NAMED_ERROR.search(msg) or "declared here" in msg):
            continue
        text = f"{os.path.basename(m.group('file'))}: {kind}: {msg}"
        if text not in kept:
            kept.append(text)
    return kept


def compile_case(compiler, case):
    command = [compiler, *FLAGS, str(case["path"].relative_to(ROOT))]
    env = dict(os.environ, LC_ALL="C")
    proc = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    return proc.returncode, proc.stdout, " ".join(command)


def compiler_identity(command, family):
    path = shutil.which(command)
    if path is None:
        raise Failure(
            f"compiler '{command}' not found. The troubleshooting page shows the messages of "
            f"both GCC and Clang, so both are required (pass --gcc/--clang, or set "
            f"TARIFF_DOCS_GCC/TARIFF_DOCS_CLANG when configuring with CMake).")
    version = subprocess.run([path, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True).stdout
    is_clang = "clang" in version.lower()
    if is_clang != (family == "Clang"):
        raise Failure(f"'{command}' is not {family}: {version.splitlines()[0]}")
    major = subprocess.run([path, "-dumpversion"], stdout=subprocess.PIPE, text=True)
    return f"{family} {major.stdout.strip().split('.')[0]}"


# Exit code for "skipped" (CTest's SKIP_RETURN_CODE for docs.troubleshooting_current).
SKIP_CODE = 77


def check_skip_reason(args):
    """Why the page cannot be checked with these compilers, or None."""
    page = args.check.read_text(encoding="utf-8") if args.check.exists() else ""
    recorded = re.search(r"with what (GCC \d+) and (Clang \d+) actually print", page)
    if recorded is None:
        return None  # no page yet, or a new layout: generate and compare as usual
    for command, family, wanted in ((args.gcc, "GCC", recorded.group(1)),
                                    (args.clang, "Clang", recorded.group(2))):
        try:
            found = compiler_identity(command, family)
        except Failure as e:
            return (f"{args.check.name} quotes {wanted}, which is needed to check it: {e}")
        if found != wanted:
            return (f"{args.check.name} quotes the messages of {recorded.group(1)} and "
                    f"{recorded.group(2)}; this machine's {family} is {found}, whose "
                    f"wording differs, so the page cannot be compared with its output")
    return None


INTRO = """\
# Troubleshooting compile errors

`tariff` turns the classic mistakes of tariff arithmetic into compile errors:
adding yuan to dollars, applying a per-kg rate to a count of cars, building
money from a `double`. This page lists every such mistake the tests check,
with what {gcc} and {clang} actually print, so that searching this page for
a line of your compiler's output finds the explanation and the fix.

The messages are cut down to their key lines: the `error:` lines (a
`static_assert` message is part of its error line) and the notes that name one
of the library's error functions. File paths are reduced to file names and
line and column numbers are left out; the first lines of the real output
(`In instantiation of ...`, `required from here`) point to your own line.

There are three kinds of message:

* **A `static_assert` that says what is wrong.** Every message from the
  library starts with `tariff:` and names the mistake and the fix: GCC prints
  `error: static assertion failed: tariff: ...`, Clang
  `error: static_assert failed ... "tariff: ..."`.
* **A constant evaluation that fails.** A checked operation that fails during
  constant evaluation (an overflow, a negative quantity, an inexact
  conversion) calls a function that is deliberately not `constexpr` and whose
  name says what happened, such as
  `error_arithmetic_overflow_in_constant_expression`. GCC names it in the error
  (`call to non-'constexpr' function 'void tariff::detail::error_...()'`);
  Clang says `constexpr variable ... must be initialized by a constant
  expression` and names it in a note (`non-constexpr function 'error_...'
  cannot be used in a constant expression`). The same operation at run time
  throws (see [guarantees.md](guarantees.md#errors)).
* **A malformed literal** (an HS code, a duty text): the function or type in
  the error names the problem, e.g.
  `error_hs_code_must_have_6_to_10_digits`, or for
  `tariff::duty<C, "...">` the type `duty_text_error<position, reason>` (see
  [howto-read-a-schedule.md](howto-read-a-schedule.md)).

Each case below is a test in
[tests/compile_fail/](../tests/compile_fail/): the misuse must fail to compile
with the message shown, and the fix must compile. This page is generated
from those files by
[tests/docs/make_troubleshooting.py](../tests/docs/make_troubleshooting.py);
the test `docs.troubleshooting_current` fails when it is out of date.

"""


# Words a case's file name spells in lower case.
SPELLING = {"hs": "HS", "kg": "kg"}


def title(case):
    words = [SPELLING.get(w, w) for w in case["name"].split("_")]
    words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)


def first_sentence(paragraphs):
    text = paragraphs[0] if paragraphs else ""
    m = re.match(r"(.+?[.])(\s|$)", text)
    return prose(m.group(1) if m else text).replace("|", "\\|")


def prose(text):
    """A comment's text as Markdown: angle brackets are not HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def anchor(case):
    return title(case).lower().replace(" ", "-")


def render(cases, results, gcc, clang):
    out = [f"<!-- Generated by {SCRIPT.as_posix()} from {CASES_DIR.as_posix()}/*.cpp: "
           "do not edit; run the script to regenerate. -->", ""]
    out.append(INTRO.format(gcc=gcc, clang=clang).rstrip() + "\n")
    out.append("## The cases\n")
    out.append("| case | the mistake |")
    out.append("|---|---|")
    for case in cases:
        out.append(f"| [{title(case)}](#{anchor(case)}) | {first_sentence(case['description'])} |")
    out.append("")
    for case in cases:
        out.append(f"## {title(case)}\n")
        for paragraph in case["description"]:
            out.append(prose(paragraph) + "\n")
        out.append("The misuse:\n")
        out.append("```cpp-fail\n" + case["program"] + "\n```\n")
        out.append("The fix (in place of the misuse):\n")
        out.append("```c++\n" + case["fix"] + "\n```\n")
        for label, compiler in ((gcc, "gcc"), (clang, "clang")):
            out.append(f"{label}:\n")
            out.append("```text\n" + "\n".join(results[case["name"], compiler]) + "\n```\n")
        rel = case["path"].relative_to(ROOT).as_posix()
        out.append(f"Test: [{rel}](../{rel})\n")
    return "\n".join(out).rstrip() + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / PAGE,
                        help="where to write the page (default: docs/troubleshooting.md)")
    parser.add_argument("--check", type=Path,
                        help="after writing, fail if the page differs from this file")
    parser.add_argument("--gcc", default=os.environ.get("TARIFF_DOCS_GCC", "g++"))
    parser.add_argument("--clang", default=os.environ.get("TARIFF_DOCS_CLANG", "clang++"))
    parser.add_argument("--jobs", type=int, default=2, help="parallel compilations (default 2)")
    args = parser.parse_args()

    started = time.monotonic()
    if args.check is not None:
        # The committed page quotes the messages of one GCC and one Clang release.
        # Other releases word their errors differently, so comparing their output
        # with the page says nothing about the library: skip, and say why.
        reason = check_skip_reason(args)
        if reason:
            print(f"SKIPPED: {reason}")
            return SKIP_CODE
    gcc = compiler_identity(args.gcc, "GCC")
    clang = compiler_identity(args.clang, "Clang")
    cases = []
    for path in sorted((ROOT / CASES_DIR).glob("*.cpp")):
        # The harness's own sanity case uses no tariff header: not a user's mistake.
        if "#include <tariff/" not in path.read_text(encoding="utf-8"):
            continue
        cases.append(parse_case(path))
    if not cases:
        raise Failure(f"no cases found in {ROOT / CASES_DIR}")

    jobs = [(case, key, command) for case in cases
            for key, command in (("gcc", args.gcc), ("clang", args.clang))]
    results, problems = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(compile_case, command, case): (case, key)
                   for case, key, command in jobs}
        for future in concurrent.futures.as_completed(futures):
            case, key = futures[future]
            status, output, command = future.result()
            lines = key_lines(output)
            results[case["name"], key] = lines
            if status == 0:
                problems.append(f"{case['path']}: the misuse compiled with {key} "
                                f"but must not ({command})")
                continue
            for regex in case["regexes"]:
                if not re.search(regex, "\n".join(lines)):
                    problems.append(
                        f"{case['path']}: the key lines of {key}'s output do not match the "
                        f"expect-error regex '{regex}'. Key lines:\n  " + "\n  ".join(lines) +
                        f"\nFull output of {command}:\n{output}")
    if problems:
        raise Failure("\n\n".join(problems))

    page = render(cases, results, gcc, clang)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(page, encoding="utf-8")
    elapsed = time.monotonic() - started
    print(f"{args.output}: {len(cases)} cases, {len(jobs)} compilations "
          f"({gcc}, {clang}) in {elapsed:.1f} s")

    if args.check is not None:
        current = args.check.read_text(encoding="utf-8") if args.check.exists() else ""
        if current != page:
            diff = difflib.unified_diff(current.splitlines(), page.splitlines(),
                                        str(args.check), "regenerated", lineterm="")
            diff = list(diff)
            print("\n".join(diff[:300]))
            if len(diff) > 300:
                print(f"... ({len(diff) - 300} more diff lines)")
            print(f"\n{args.check} is out of date with tests/compile_fail/ or with the "
                  f"compilers' messages.\nRegenerate it from the repository root with\n"
                  f"    python3 {SCRIPT.as_posix()}\nand commit the result.")
            return 1
        print(f"{args.check} is up to date")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as e:
        print(f"make_troubleshooting.py: error: {e}", file=sys.stderr)
        sys.exit(1)
