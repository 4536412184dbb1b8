#!/usr/bin/env bash
# Times cvet against the stock way of running the same checkers, on a real C
# project, and prints wall time and peak memory side by side with the ratio.
#
#   scripts/bench/driver-vs-scanbuild.sh PROJECT_DIR [JOBS]
#
# PROJECT_DIR holds compile_commands.json (for example made with
# `bear -- make`) and, for the scan-build row, a Makefile: scan-build rebuilds
# the project from `make clean`, as it would in CI. Contenders, all with -j JOBS
# (default 2) and the same checkers (core modelling, apiModeling and the cvet
# rules; Clang's other default packages disabled):
#   cvet           build/bin/cvet -p PROJECT_DIR -j JOBS --sarif
#   analyze-build  analyze-build-19 --cdb ... --load-plugin build/lib/cvet.so
#                  (parallel over all cores; no -j option)
#   scan-build     scan-build-19 -load-plugin build/lib/cvet.so make -j JOBS
#                  (includes the project's own compilation, as in real use)
# Peak memory is the largest single process's maximum resident set size
# (/usr/bin/time -v), so for the multi-process tools it is per process.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CVET_BUILD_DIR:-$root/build}
LLVM=${CVET_LLVM_VERSION:-19}
project=$(cd "${1:?usage: $0 PROJECT_DIR [JOBS]}" && pwd)
jobs=${2:-2}
cvet=$build/bin/cvet
plugin=$build/lib/cvet.so
[ -x "$cvet" ] && [ -f "$plugin" ] || { echo "build cvet first: scripts/build.sh" >&2; exit 2; }
[ -f "$project/compile_commands.json" ] || { echo "no compile_commands.json in $project" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rules=$(sed -n 's/^CVET_CHECKER(\([A-Za-z]*\),.*/cvet.\1/p' "$root/checkers/Checkers.def")
others=(unix deadcode security nullability cplusplus optin alpha valist)

# measure NAME CMD...: runs CMD under /usr/bin/time, records seconds and KiB.
declare -A wall mem status
measure() {
  local name=$1; shift
  local log="$out/$name.time"
  set +e
  /usr/bin/time -v -o "$log" "$@" > "$out/$name.out" 2>&1
  status[$name]=$?
  set -e
  wall[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  mem[$name]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
}

units=$(python3 -c 'import json,os,sys; print(len({os.path.normpath(os.path.join(e["directory"], e["file"])) for e in json.load(open(sys.argv[1]))}))' \
  "$project/compile_commands.json")
echo "project: $project ($units translation units), jobs: $jobs" >&2

echo "running cvet ..." >&2
measure cvet env -C "$project" "$cvet" -p "$project" -j "$jobs" --quiet --sarif "$out/cvet.sarif"
cvet_findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$out/cvet.sarif")

echo "running analyze-build-$LLVM ..." >&2
# cvet analyses each file once (its first command); give analyze-build the
# same list so that both do the same work.
mkdir -p "$out/cdb"
python3 - "$project/compile_commands.json" "$out/cdb/compile_commands.json" <<'PY'
import json, os, shlex, sys
seen, first = set(), []
for e in json.load(open(sys.argv[1])):
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    if f not in seen:
        seen.add(f)
        # analyze-build reads "command", not bear's "arguments".
        if "arguments" in e:
            e["command"] = shlex.join(e.pop("arguments"))
        first.append(e)
json.dump(first, open(sys.argv[2], "w"))
PY
ab_args=(--cdb "$out/cdb/compile_commands.json" -o "$out/ab" --load-plugin "$plugin")
for r in $rules; do ab_args+=(--enable-checker "$r"); done
for c in "${others[@]}"; do ab_args+=(--disable-checker "$c"); done
measure analyze-build "analyze-build-$LLVM" "${ab_args[@]}"

sb_ran=0
if [ -f "$project/Makefile" ]; then
  echo "running scan-build-$LLVM (make clean; make -j$jobs) ..." >&2
  make -C "$project" clean > /dev/null 2>&1 || true
  sb_args=(-o "$out/sb" --use-cc="clang-$LLVM" -load-plugin "$plugin")
  for r in $rules; do sb_args+=(-enable-checker "$r"); done
  for c in "${others[@]}"; do sb_args+=(-disable-checker "$c"); done
  measure scan-build env -C "$project" "scan-build-$LLVM" "${sb_args[@]}" make -k -j "$jobs"
  sb_ran=1
fi

printf '\n%-15s %10s %14s %8s\n' tool "wall (s)" "peak RSS (MiB)" "vs cvet"
row() {
  local name=$1
  awk -v n="$name" -v w="${wall[$name]}" -v m="${mem[$name]}" -v c="${wall[cvet]}" \
    'BEGIN { printf "%-15s %10.1f %14.0f %7.2fx\n", n, w, m / 1024, w / c }'
}
row cvet
row analyze-build
[ "$sb_ran" = 1 ] && row scan-build
echo
echo "cvet: exit ${status[cvet]}, $cvet_findings findings in one SARIF run"
echo "analyze-build: exit ${status[analyze-build]}"
[ "$sb_ran" = 1 ] && grep -h "bugs\? found\|No bugs found" "$out/scan-build.out" | sed 's/^/scan-build: /' || true
