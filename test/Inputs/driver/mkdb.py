#!/usr/bin/env python3
"""Writes DIR/compile_commands.json for the given sources, with absolute paths.

usage: mkdb.py DIR [--flags "-DX -std=c11"] src/a.c src/b.c ...
Each source is relative to DIR; every entry compiles with `cc -c`.
"""
import json
import os
import shlex
import sys

args = sys.argv[1:]
root = os.path.abspath(args.pop(0))
flags = []
if args and args[0] == "--flags":
    args.pop(0)
    flags = shlex.split(args.pop(0))
entries = []
for src in args:
    entries.append({
        "directory": root,
        "arguments": ["cc", "-c", "-Iinclude"] + flags + [src, "-o", src + ".o"],
        "file": os.path.join(root, src),
    })
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
