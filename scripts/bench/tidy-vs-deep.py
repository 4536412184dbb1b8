#!/usr/bin/env python3
"""Editor mode against the analyzer on the lit suite's deep cases.

Runs the clang-tidy checks (cvet-tidy.so) over every -verify test of the
analyzer's rules (test/UnclosedIterator, test/LoopVarCapture,
test/SubrangeEscape, test/UnsyncMapWrite; model files of the RUN line
included) and compares
their warnings with the test's expected-warning lines. A tidy warning counts
as found when it is in the same function as an expected warning (the tidy
check reports LoopVarCapture at the spawn, the analyzer at the write); it is
false when its function expects none.

  scripts/bench/tidy-vs-deep.py [build-dir]

Prints one line per file with differences, then per rule: expected, found
(recall) and false reports (precision).
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
PLUGIN = os.path.join(BUILD, "lib", "cvet-tidy.so")
TIDY = os.environ.get("CLANG_TIDY", "clang-tidy-19")
INPUTS = os.path.join(ROOT, "test", "Inputs")
RULES = {"UnclosedIterator": "cvet-unclosed-iterator",
         "LoopVarCapture": "cvet-loop-var-capture",
         "SubrangeEscape": "cvet-subrange-escape",
         "UnsyncMapWrite": "cvet-unsync-map-write"}

EXPECT = re.compile(r"expected-warning(?:@([+-]?\d+))?\s*(\d*)\s*\{\{")
FUNC_START = re.compile(r"^[A-Za-z_][\w\s\*:<>,&]*\(.*$")


def run_line(text):
    """The first -verify RUN command, joined over continuation lines."""
    lines = [m.group(1) for m in re.finditer(r"//\s*RUN:(.*)", text)]
    cmd = ""
    for part in lines:
        cmd += part.rstrip()
        if cmd.endswith("\\"):
            cmd = cmd[:-1] + " "
            continue
        if ("-verify" in cmd and ("%clang_analyze" in cmd or "%analyze_subrange" in cmd)
                and not cmd.strip().startswith("not") and "-verify=plain" not in cmd):
            return cmd
        cmd = ""
    return None


def glib_cflags():
    try:
        return subprocess.run(["pkg-config", "--cflags", "gio-2.0"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def model_config(cmd):
    """--config giving the RUN line's model files to every cvet check."""
    m = re.search(r"ModelFiles=(\S+)", cmd)
    if not m:
        return []
    return ["--config={CheckOptions: {ModelFiles: '%s'}}" % m.group(1).replace("%inputs", INPUTS)]


def compile_flags(cmd):
    out = []
    toks = shlex.split(cmd.replace("%inputs", INPUTS).replace("%glib_cflags", glib_cflags()))
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ("-isystem", "-I", "-include") and i + 1 < len(toks):
            out += [t, toks[i + 1]]
            i += 2
            continue
        if re.match(r"-(std=|f(blocks|cxx-exceptions|exceptions|objc)|D|W|x$)", t):
            out.append(t)
        i += 1
    return out + ["-I", INPUTS]


def functions(lines):
    """(start, end) line ranges (1-based) of top-level functions."""
    spans, start = [], None
    for n, line in enumerate(lines, 1):
        if start is None and FUNC_START.match(line) and not line.startswith(("#", "typedef", "struct ", "//")):
            start = n
        elif start is not None and line.startswith("}"):
            spans.append((start, n))
            start = None
    return spans


def func_of(spans, line):
    for s, e in spans:
        if s <= line <= e:
            return s
    return None


def main():
    totals = {}
    for folder, check in RULES.items():
        d = os.path.join(ROOT, "test", folder)
        exp_total = found_total = false_total = reported_total = 0
        paths = sorted(os.path.join(dirpath, f) for dirpath, _, files in os.walk(d) for f in files)
        for path in paths:
            name = os.path.relpath(path, d)
            if not name.endswith((".c", ".cpp")):
                continue
            text = open(path).read()
            cmd = run_line(text)
            if not cmd:
                continue
            lines = text.split("\n")
            spans = functions(lines)
            expected = {}
            for n, line in enumerate(lines, 1):
                for m in EXPECT.finditer(line):
                    off = int(m.group(1) or 0)
                    at = n + off if m.group(1) and m.group(1)[0] in "+-" else (int(m.group(1)) if m.group(1) else n)
                    f = func_of(spans, at)
                    expected[f] = expected.get(f, 0) + int(m.group(2) or 1)
            flags = compile_flags(cmd)
            if name.endswith(".cpp") and not any(f.startswith("-x") for f in flags):
                flags = ["-x", "c++"] + flags
            res = subprocess.run([TIDY, "--load=" + PLUGIN, "--checks=-*," + check,
                                  "--quiet"] + model_config(cmd) + [path, "--"] + flags,
                                 capture_output=True, text=True)
            got = {}
            for m in re.finditer(re.escape(path) + r":(\d+):\d+: warning: .*\[" + check + r"\]", res.stdout):
                f = func_of(spans, int(m.group(1)))
                got[f] = got.get(f, 0) + 1
            exp = sum(expected.values())
            found = sum(min(c, got.get(f, 0)) for f, c in expected.items())
            false = sum(c for f, c in got.items() if f not in expected)
            reported = sum(got.values())
            if exp != found or false:
                print(f"{folder}/{name}: expected {exp}, found {found}, false {false}")
            exp_total += exp
            found_total += found
            false_total += false
            reported_total += reported
        totals[check] = (exp_total, found_total, false_total, reported_total)
    print()
    for check, (exp, found, false, reported) in totals.items():
        recall = 100.0 * found / exp if exp else 0.0
        precision = 100.0 * (reported - false) / reported if reported else 100.0
        print(f"{check}: expected {exp}, found {found} (recall {recall:.0f}%), "
              f"reported {reported}, false {false} (precision {precision:.0f}%)")


if __name__ == "__main__":
    main()
