#!/usr/bin/env python3
"""Checks a clang-tidy run over an analyzer test against its expectations.

  clang-tidy ... FILE | only-expected.py CHECK FILE

Every warning of CHECK must be on a line whose `expected-warning{{...}}`
(or `expected-warning@+N`, `@-N`, `@N`) text the message contains: the fast
check may find less than the analyzer, never something else. Prints
"FILE: N of M expected warnings found, 0 others" and exits non-zero when a
warning is not expected there.
"""
import os
import re
import sys

check, path = sys.argv[1], sys.argv[2]
expected = {}
for number, line in enumerate(open(path, encoding="utf-8"), 1):
    for m in re.finditer(r"expected-warning(?:@([+-]?\d+))?\s*(?:\d+\s*)?\{\{(.*?)\}\}", line):
        at = number
        if m.group(1):
            at = number + int(m.group(1)) if m.group(1)[0] in "+-" else int(m.group(1))
        expected.setdefault(at, []).append(m.group(2))

found, others = 0, []
name = re.escape(os.path.basename(path))
for line in sys.stdin:
    m = re.match(r".*" + name + r":(\d+):\d+: warning: (.*) \[" + re.escape(check) + r"\]$", line.rstrip())
    if not m:
        continue
    at, message = int(m.group(1)), m.group(2)
    if any(text in message for text in expected.get(at, [])):
        found += 1
    else:
        others.append(f"{os.path.basename(path)}:{at}: {message}")
total = sum(len(v) for v in expected.values())
print(f"{os.path.basename(path)}: {found} of {total} expected warnings found, {len(others)} others")
for o in others:
    print("  not expected here:", o)
sys.exit(1 if others else 0)
