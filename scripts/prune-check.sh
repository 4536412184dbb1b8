#!/usr/bin/env bash
# Pruning changes no finding of the lit suite: every analysis the suite runs
# (clang -cc1 -analyze, clang --analyze, the cvet driver) also runs with
# pruning on and off, and the two runs' exit status, output, diagnostics and
# SARIF results are compared (scripts/prune-compare.py).
#
#   scripts/prune-check.sh [LIT ARGS...]     after scripts/build.sh
#
# Prints one line per analysis that differs, then the counts; the exit status
# is non-zero when one differs or a test fails. CVET_BUILD_DIR (default
# build/) is the build to use. Takes about three times as long as the suite.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CVET_BUILD_DIR:-$root/build}
lit=""
for f in /usr/lib/llvm-19/build/utils/lit/lit.py /usr/lib/llvm-*/build/utils/lit/lit.py /usr/lib/llvm-*/bin/lit; do
  [ -f "$f" ] && { lit=$f; break; }
done
[ -n "$lit" ] || { echo "prune-check.sh: no lit found under /usr/lib/llvm-*" >&2; exit 2; }
[ -f "$build/test/lit.site.cfg.py" ] || { echo "prune-check.sh: build first (scripts/build.sh)" >&2; exit 2; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
python3 "$lit" -q -j "${CVET_JOBS:-2}" --param cvet_prune=compare --param cvet_prune_log="$log" \
  "$build/test" "$@"
lit_status=$?

python3 - "$log" "$lit_status" <<'PY'
import collections, json, sys
records = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
lit_status = int(sys.argv[2])
compared = [r for r in records if r["compared"]]
differ = [r for r in compared if not r["same"]]
skipped = collections.Counter(r["reason"] for r in records if not r["compared"])
for r in differ:
    print(f"DIFFERS ({', '.join(r.get('differs', []))}): {r['dir']}: {r['tool']} {r['args'][:200]}")
    for side in ("pruned_stderr", "full_stderr"):
        print(f"  --- {side}:")
        print("    " + r[side].replace("\n", "\n    ")[-2000:])
by_tool = collections.Counter(r["tool"] for r in compared)
print(f"analyses compared: {len(compared)} ({', '.join(f'{n} {t}' for t, n in sorted(by_tool.items()))})")
print(f"identical with and without pruning: {len(compared) - len(differ)}; different: {len(differ)}")
print(f"cvet warnings printed by the compared analyses (pruned = unpruned where identical): "
      f"{sum(r['warnings'] for r in compared)}; notes: {sum(r['notes'] for r in compared)}; "
      f"analyses with at least one cvet warning: {sum(1 for r in compared if r['warnings'])}")
print("not compared: " + (", ".join(f"{n} ({why})" for why, n in skipped.most_common()) or "none"))
if lit_status:
    print(f"lit failed (status {lit_status})")
sys.exit(1 if differ or lit_status else 0)
PY
