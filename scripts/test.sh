#!/usr/bin/env bash
# Builds cvet and runs the whole lit suite and the gtest unit tests (as one
# lit run). The last line reads "N passed, N failed, N skipped"; the exit
# status is non-zero when any test fails.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CVET_BUILD_DIR:-$root/build}
"$root/scripts/build.sh" || { echo "0 passed, 1 failed"; exit 1; }
# The SARIF validity test needs the Multitool; fetch it once if npm is here.
[ -n "${CVET_MULTITOOL:-}" ] || "$root/scripts/install-deps.sh" --multitool-only || true

log=$(mktemp)
trap 'rm -f "$log"' EXIT
python3 "/usr/lib/llvm-${CVET_LLVM_VERSION:-19}/build/utils/lit/lit.py" -sv \
  -j "${CVET_JOBS:-2}" "$build/test" "$build/test/unit" "$@" | tee "$log"
status=${PIPESTATUS[0]}

count() { sed -n "s/^ *$1 *: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1; }
passed=$(( $(count Passed || true) + $(count 'Expectedly Failed' || true) + 0 ))
failed=$(( $(count Failed || true) + $(count 'Unexpectedly Passed' || true) + $(count Unresolved || true) + $(count 'Timed Out' || true) + 0 ))
skipped=$(( $(count Unsupported || true) + $(count Skipped || true) + 0 ))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
