#!/usr/bin/env python3
"""What the fast checks cost, and what they find, on real code.

  scripts/bench/tidy-cost.py -p DB_DIR [-n N] [--match RE] [--findings FILE]
                             [--findings-only] [file...]

Runs clang-tidy over the units of a compilation database (or the files
given), one unit at a time, twice each: with the cvet checks
(--checks='-*,cvet-*', with clang-tidy's --enable-check-profile) and parsing
alone (clang-tidy refuses --checks='-*', so an Objective-C check that never
runs on C or C++ stands in: PARSE_ONLY_CHECK). Prints the total wall and user CPU time of both runs,
the ratios cvet / parse only, the time of each check from clang-tidy's
profile summed over the units (and as a share of the parse-only time), and
the number of findings per check; --findings writes the findings.

Run it from the project's source directory, as the database expects.
Environment: CLANG_TIDY (default clang-tidy-19), CVET_TIDY_PLUGIN (default
build/lib/cvet-tidy.so).
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIDY = os.environ.get("CLANG_TIDY", "clang-tidy-19")
PLUGIN = os.environ.get("CVET_TIDY_PLUGIN", os.path.join(ROOT, "build", "lib", "cvet-tidy.so"))
PROFILE = re.compile(r"^\s*(?:[\d.]+\s+\(\s*[\d.]+%\)\s+){3}([\d.]+)\s+\(\s*[\d.]+%\)\s+(cvet-[\w-]+)\s*$")
PARSE_ONLY_CHECK = "objc-forbidden-subclassing"
FINDING = re.compile(r"^(.*?:\d+:\d+): warning: (.*) \[(cvet-[\w-]+)\]$")


def run(args):
    """Runs clang-tidy; returns (wall, user CPU of the child, stdout, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.monotonic()
    res = subprocess.run([TIDY, "--load=" + PLUGIN] + args, capture_output=True, text=True)
    wall = time.monotonic() - start
    user = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
    return wall, user, res.stdout, res.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-p", required=True, help="directory of compile_commands.json")
    ap.add_argument("-n", type=int, default=0, help="only the first N units")
    ap.add_argument("--match", default="", help="only units whose path matches this regex")
    ap.add_argument("--findings", help="write the findings here")
    ap.add_argument("--findings-only", action="store_true",
                    help="skip the parse-only runs (no ratios)")
    ap.add_argument("files", nargs="*")
    opts = ap.parse_args()
    files = opts.files
    if not files:
        with open(os.path.join(opts.p, "compile_commands.json")) as f:
            files = sorted({os.path.join(e["directory"], e["file"]) for e in json.load(f)})
    files = [f for f in files if re.search(opts.match, f)]
    if opts.n:
        files = files[:opts.n]

    total = {"cvet": [0.0, 0.0], "parse": [0.0, 0.0]}
    per_check, findings = {}, []
    for path in files:
        w, u, out, err = run(["-p", opts.p, "--checks=-*,cvet-*", "--enable-check-profile",
                              "--quiet", path])
        total["cvet"][0] += w
        total["cvet"][1] += u
        for line in err.splitlines():
            m = PROFILE.match(line)
            if m:
                per_check[m.group(2)] = per_check.get(m.group(2), 0.0) + float(m.group(1))
        for line in out.splitlines():
            m = FINDING.match(line)
            if m:
                findings.append((m.group(3), m.group(1), m.group(2)))
        if opts.findings_only:
            continue
        w, u, _, _ = run(["-p", opts.p, "--checks=-*," + PARSE_ONLY_CHECK, "--quiet", path])
        total["parse"][0] += w
        total["parse"][1] += u

    print(f"units: {len(files)}")
    for name in ("parse", "cvet"):
        w, u = total[name]
        print(f"{name:>6}: wall {w:8.2f} s  user {u:8.2f} s")
    pw, pu = total["parse"]
    cw, cu = total["cvet"]
    print(f" ratio: wall {cw / pw if pw else 0:.3f}  user {cu / pu if pu else 0:.3f}  (cvet-* / parse only)")
    checks = sum(per_check.values())
    if cw > checks:
        print(f" ratio from the profile: {cw / (cw - checks):.3f}  (cvet-* wall / the same minus the checks' time)")
    for check in sorted(per_check):
        t = per_check[check]
        print(f"  {check}: {t:.3f} s wall in the checks ({100.0 * t / pw if pw else 0:.2f}% of parse only)")
    counts = {}
    for check, _, _ in findings:
        counts[check] = counts.get(check, 0) + 1
    print("findings:", ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none")
    if opts.findings:
        with open(opts.findings, "w") as f:
            for check, where, msg in sorted(set(findings)):
                f.write(f"{where}: {msg} [{check}]\n")


if __name__ == "__main__":
    sys.exit(main())
