#!/usr/bin/env python3
"""Coverage of the analyzer on real code, per analyzer configuration.

For every translation unit of a compilation database whose main file names a
modelled function (an iterator, spawn, async call or map operation of the
default models), runs `clang --analyze` with the cvet plugin, the
modelling checkers cvet runs (core, apiModeling), the cvet rules and
debug.Stats, once per configuration, and prints for the functions that call a
modelled function: how many CFG blocks the analysis never reached, how many
functions kept any unreachable block, the findings per rule and the user CPU
time. An exploration that ended where it began (at most two blocks reached:
cvet left the function out because it was pruned, or inlined everywhere it
was called) is counted as left out, not as unreachable blocks.

  scripts/bench/reach.py -p /tmp/corpus/redis-cdb -C /tmp/corpus/redis-7.0.15 \\
      [--config NAME:k=v,k=v ...] [--no-default] [--limit N] [--findings FILE]
      [file-filter...]

Without --config it compares: default, widen-loops=true, max-loop=8,
max-loop=16, and widen-loops=true with a larger inlining budget. Configuration
"default" (Clang's) is measured first unless --no-default is given; "cvet"
stands for the driver's settings (CVET_CONFIG below). Every other
configuration gets cvet:AnalyseNotInlined=false unless it sets it: Clang's
own choice of top-level functions. --findings writes each finding as
"config<TAB>file:line<TAB>message" for triage, --functions each counted
function as "config<TAB>file:line name<TAB>blocks<TAB>unreachable".
"""
import argparse, json, os, re, shlex, subprocess, sys, time, resource

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The driver's defaults (tools/cvet/Configure.cpp).
CVET_CONFIG = ("widen-loops=true,max-nodes=25000,cvet:IndirectMaxNodes=5000,"
               "exploration_strategy=unexplored_first_location_queue")

DEFAULT_CONFIGS = [
    ("default", ""),
    ("widen", "widen-loops=true"),
    ("max-loop=8", "max-loop=8"),
    ("max-loop=16", "max-loop=16"),
    ("widen+inline", "widen-loops=true,max-inlinable-size=100,max-nodes=400000"),
]


def model_names():
    """Every function a default model names that can start a report: the
    iterators' acquiring calls, spawns and async calls, map operations."""
    names = set()
    pat = re.compile(r"Function:\s*([A-Za-z_][A-Za-z0-9_]*)\b")
    wanted = {"iterators.yaml": None, "maps.yaml": None,
              "threads.yaml": ("ThreadSpawns", "Async")}
    for f, sections in wanted.items():
        section = None
        for line in open(os.path.join(root, "lib", "models", f)):
            m = re.match(r"^([A-Za-z]+):\s*$", line.rstrip())
            if m:
                section = m.group(1)
                continue
            if sections is None or section in sections:
                m = pat.search(line)
                if m and not line.lstrip().startswith("#"):
                    names.add(m.group(1))
    return names


def compile_args(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD", "-MP") or a.startswith("-Werror") or a.startswith("-flto"):
            continue
        out.append(a)
    return out


def body_text(path, line, cache={}):
    if path not in cache:
        try:
            cache[path] = open(path, errors="replace").read().split("\n")
        except OSError:
            cache[path] = []
    lines = cache[path]
    text = "\n".join(lines[line - 1:line + 800])
    start = text.find("{")
    if start < 0:
        return ""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return text[start:]


STATS = re.compile(r"^(.*?):(\d+):\d+: warning: (\S+) -> Total CFGBlocks: (\d+) \| Unreachable CFGBlocks: (\d+)")
FINDING = re.compile(r"^(.*?):(\d+):\d+: warning: (.*) \[(cvet\.\w+)\]$")


def run(clang, plugin, entry, config):
    cmd = [clang, "--analyze", "--analyzer-no-default-checks", "-o", "/dev/null",
           "-Xclang", "-load", "-Xclang", plugin,
           "-Xclang", "-analyzer-checker=core,apiModeling,cvet,debug.Stats",
           "-Xclang", "-analyzer-config", "-Xclang", "silence-checkers=core;apiModeling",
           # Coverage of every function: a pruned function ends where it
           # begins and would count as all blocks unreachable.
           "-Xclang", "-analyzer-config", "-Xclang", "cvet:Prune=false"]
    if config != CVET_CONFIG and "cvet:AnalyseNotInlined" not in config:
        config = ",".join(filter(None, [config, "cvet:AnalyseNotInlined=false"]))
    for kv in filter(None, config.split(",")):
        key, _, value = kv.partition("=")
        if key == "max-loop":
            # Not an -analyzer-config key: `clang --analyze` would ignore it.
            cmd += ["-Xclang", "-analyzer-max-loop", "-Xclang", value]
        else:
            cmd += ["-Xclang", "-analyzer-config", "-Xclang", kv]
    cmd += compile_args(entry)
    # gcc-era code: what gcc warns about, clang 19 rejects.
    cmd += ["-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
            "-Wno-error=int-conversion", "-Wno-error=incompatible-function-pointer-types"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    p = subprocess.run(cmd, cwd=entry["directory"], capture_output=True, text=True,
                       errors="replace")
    used = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
    if p.returncode != 0:
        print(f"  {entry['file']}: clang exited {p.returncode}", file=sys.stderr)
    return p.stderr, used


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-p", required=True)
    ap.add_argument("-C", default=None)
    ap.add_argument("--config", action="append", default=[])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-default", action="store_true",
                    help="with --config: leave out Clang's default configuration")
    ap.add_argument("--findings")
    ap.add_argument("--functions", help="write config, function, blocks and unreachable blocks here, one line each")
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--plugin", default=os.path.join(root, "build", "lib", "cvet.so"))
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    db = a.p if a.p.endswith(".json") else os.path.join(a.p, "compile_commands.json")
    entries = json.load(open(db))
    configs = DEFAULT_CONFIGS
    if a.config:
        configs = [] if a.no_default else [("default", "")]
        for c in a.config:
            name, _, kv = c.partition(":")
            if not kv and name == "cvet":
                kv = CVET_CONFIG
            configs.append((name, kv) if kv else (c, c))
    names = model_names()
    call = re.compile(r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\s*\(")
    seen, units = set(), []
    for e in entries:
        f = os.path.join(e["directory"], e["file"])
        if f in seen or not f.endswith(".c") or (a.filters and not any(x in f for x in a.filters)):
            continue
        seen.add(f)
        try:
            if call.search(open(f, errors="replace").read()):
                units.append((f, e))
        except OSError:
            pass
    if a.limit:
        units = units[:a.limit]
    print(f"{len(units)} translation units name a modelled function", flush=True)
    out = open(a.findings, "w") if a.findings else None
    per_function = open(a.functions, "w") if a.functions else None
    for name, kv in configs:
        funcs = blocks = unreach = partial = skipped = 0
        findings = {}
        cpu = 0.0
        for f, e in units:
            err, used = run(a.clang, a.plugin, e, kv)
            cpu += used
            for line in err.split("\n"):
                m = STATS.match(line)
                if m:
                    path = os.path.join(e["directory"], m.group(1))
                    if os.path.realpath(path) != os.path.realpath(f):
                        continue
                    if not call.search(body_text(path, int(m.group(2)))):
                        continue
                    if int(m.group(4)) - int(m.group(5)) <= 2 < int(m.group(4)):
                        # Ended where it began: cvet left it out (pruned, or
                        # inlined everywhere it was called and analysed
                        # there); not an exploration of its own.
                        skipped += 1
                        continue
                    if per_function:
                        per_function.write(f"{name}\t{os.path.relpath(path, a.C or e['directory'])}:"
                                           f"{m.group(2)} {m.group(3)}\t{m.group(4)}\t{m.group(5)}\n")
                    funcs += 1
                    blocks += int(m.group(4))
                    unreach += int(m.group(5))
                    partial += int(m.group(5)) > 0
                    continue
                m = FINDING.match(line)
                if m:
                    findings[m.group(4)] = findings.get(m.group(4), 0) + 1
                    if out:
                        loc = os.path.relpath(os.path.join(e["directory"], m.group(1)), a.C or e["directory"])
                        out.write(f"{name}\t{loc}:{m.group(2)}\t{m.group(3)} [{m.group(4)}]\n")
        fs = " ".join(f"{k}={v}" for k, v in sorted(findings.items())) or "none"
        print(f"{name:14s} functions={funcs} blocks={blocks} unreachable={unreach} "
              f"({100.0 * unreach / max(blocks, 1):.1f}%) functions-with-unreachable={partial} "
              f"left-out={skipped} "
              f"findings: {fs} user-cpu={cpu:.1f}s", flush=True)
    if out:
        out.close()


if __name__ == "__main__":
    main()
