#!/usr/bin/env python3
"""Runs one analysis of the lit suite with pruning on and off and records
whether the findings are the same; then runs the command as the test wrote it.

    prune-compare.py --log FILE --tool PROGRAM -- ARGS...

lit puts this in front of clang (%clang_analyze, %clang_analyze_cc1) and of
the cvet driver (%cvet) when it runs with --param cvet_prune=compare
(scripts/prune-check.sh does that and counts). For each command that analyses
something, it runs the command twice more, once with cvet:Prune=true
(--prune=true for the driver) and once with it false, with -verify taken out
so that every diagnostic is printed, output files sent to a scratch
directory, and compares exit status, standard output, standard error and the
output files (for a SARIF log, its results). One JSON line per command goes
to the log: the test directory, the command, whether it was compared (and
why not), whether both runs agreed, and how many cvet warnings and notes the
pruned run printed.

Commands left as they are: those that already choose pruning, those whose
result depends on time or on an earlier run (--time-budget, --unit-timeout,
cvet:UnitTimeout, --cache, --over-budget-list), the driver's merge subcommand and what does not
analyse (--help, --version).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

CVET_WARNING = re.compile(rb"warning: .*\[cvet\.[A-Za-z]+\]")
NOTE = re.compile(rb": note: ")

DRIVER_SKIP = ("--time-budget", "--unit-timeout", "--cache", "--over-budget-list",
               "--test-crash-on", "--help", "--version", "--prune")


def parse_args(argv):
    log = tool = None
    i = 0
    while i < len(argv) and argv[i] != "--":
        if argv[i] == "--log":
            log = argv[i + 1]
            i += 2
        elif argv[i] == "--tool":
            tool = argv[i + 1]
            i += 2
        else:
            sys.exit("prune-compare.py: unknown option " + argv[i])
    if not log or not tool or i >= len(argv):
        sys.exit(__doc__)
    return log, tool, argv[i + 1:]


def is_driver(tool):
    return os.path.basename(tool) == "cvet"


def clang_variant(args, prune, scratch):
    """The clang command with -verify removed, pruning set and -o redirected."""
    out, outputs = [], {}
    cc1 = "-cc1" in args
    i = 0
    while i < len(args):
        a = args[i]
        if cc1 and a.startswith("-verify"):
            i += 1
            continue
        if not cc1 and a == "-Xclang" and i + 1 < len(args) and args[i + 1].startswith("-verify"):
            i += 2
            continue
        if a == "-o" and i + 1 < len(args):
            target = args[i + 1]
            if target != "/dev/null" and target != "-":
                redirected = os.path.join(scratch, "out%d-%s" % (len(outputs), prune))
                outputs[target] = redirected
                target = redirected
            out += [a, target]
            i += 2
            continue
        out.append(a)
        i += 1
    if cc1:
        out += ["-analyzer-config", "cvet:Prune=" + prune]
    else:
        out += ["-Xclang", "-analyzer-config", "-Xclang", "cvet:Prune=" + prune]
    return out, outputs


def driver_variant(args, prune, scratch):
    out, outputs = [], {}
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--sarif" and i + 1 < len(args) and args[i + 1] != "-":
            redirected = os.path.join(scratch, "sarif-%s" % prune)
            outputs[args[i + 1]] = redirected
            out += [a, redirected]
            i += 2
            continue
        if a.startswith("--sarif=") and a != "--sarif=-":
            redirected = os.path.join(scratch, "sarif-%s" % prune)
            outputs[a[len("--sarif="):]] = redirected
            out.append("--sarif=" + redirected)
            i += 1
            continue
        out.append(a)
        i += 1
    # First: a command that ends in an option missing its value must fail
    # the same way.
    return ["--prune=" + prune] + out, outputs


def why_not(tool, args):
    """Why this command is not compared, or None."""
    if is_driver(tool):
        if args and args[0] == "merge":
            return "merge"
        for a in args:
            if a.split("=")[0] in DRIVER_SKIP:
                return a.split("=")[0]
        return None
    if "--analyze" not in args and "-analyze" not in args:
        return "not an analysis"
    if any("cvet:Prune=" in a for a in args):
        return "chooses pruning"
    if any("cvet:UnitTimeout=" in a for a in args):
        return "cvet:UnitTimeout"
    if "-" in args:
        return "reads standard input"
    return None


def sarif_results(data):
    try:
        log = json.loads(data)
        return json.dumps([r.get("results", []) for r in log.get("runs", [])], sort_keys=True).encode()
    except (ValueError, AttributeError):
        return data


def run(cmd, outputs):
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
    files = {}
    for original, redirected in outputs.items():
        try:
            with open(redirected, "rb") as f:
                data = f.read()
        except OSError:
            data = None
        if data is not None and (original.endswith(".sarif") or redirected.endswith(("sarif-true", "sarif-false"))):
            data = sarif_results(data)
        files[original] = data
    stdout = p.stdout
    if stdout.lstrip().startswith(b"{"):
        stdout = sarif_results(stdout)
    return p.returncode, stdout, p.stderr, files


def main():
    log, tool, args = parse_args(sys.argv[1:])
    reason = why_not(tool, args)
    record = {"dir": os.getcwd(), "tool": os.path.basename(tool),
              "args": " ".join(args)[:400]}
    if reason:
        record["compared"] = False
        record["reason"] = reason
    else:
        variant = driver_variant if is_driver(tool) else clang_variant
        with tempfile.TemporaryDirectory(prefix="prune-compare-") as scratch:
            results = {}
            for prune in ("true", "false"):
                cmd, outputs = variant(args, prune, scratch)
                # The scratch paths differ between the two runs; errors name them.
                code, out, err, files = run([tool] + cmd, outputs)
                for original, redirected in outputs.items():
                    out = out.replace(redirected.encode(), original.encode())
                    err = err.replace(redirected.encode(), original.encode())
                results[prune] = (code, out, err, files)
        pruned, full = results["true"], results["false"]
        text = pruned[1] + pruned[2]
        record["compared"] = True
        record["same"] = pruned == full
        record["warnings"] = len(CVET_WARNING.findall(text))
        record["notes"] = len(NOTE.findall(text))
        if not record["same"]:
            for name, a, b in (("exit", pruned[0], full[0]), ("stdout", pruned[1], full[1]),
                               ("stderr", pruned[2], full[2]), ("files", pruned[3], full[3])):
                if a != b:
                    record.setdefault("differs", []).append(name)
            record["pruned_stderr"] = pruned[2].decode(errors="replace")[-4000:]
            record["full_stderr"] = full[2].decode(errors="replace")[-4000:]
    line = json.dumps(record) + "\n"
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)
    os.execv(tool, [tool] + args)


if __name__ == "__main__":
    main()
