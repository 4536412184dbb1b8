#!/usr/bin/env python3
"""Makes DIR/many/ with N copies of each given source and a compilation
database listing all of them, for the -j determinism tests.

usage: many.py DIR N src/a.c src/b.c ...
"""
import json
import os
import shutil
import sys

root = os.path.abspath(sys.argv[1])
count = int(sys.argv[2])
out = os.path.join(root, "many")
os.makedirs(out, exist_ok=True)
entries = []
for src in sys.argv[3:]:
    stem = os.path.splitext(os.path.basename(src))[0]
    for i in range(count):
        name = "%s_%02d.c" % (stem, i)
        shutil.copy(os.path.join(root, src), os.path.join(out, name))
        entries.append({
            "directory": out,
            "arguments": ["cc", "-c", "-I../include", name],
            "file": name,
        })
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
