#!/usr/bin/env bash
# Builds cvet and runs the whole lit suite and the gtest unit tests (as one
# lit run), once per LLVM major in CVET_LLVM_VERSIONS (default: 19, or
# CVET_LLVM_VERSION). LLVM 19 builds in build/, another major N in build-N/
# (CVET_BUILD_DIR overrides this for a single major). The last line reads
# "N passed, N failed, N skipped", summed over the majors; the exit status is
# non-zero when any test fails.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
versions=(${CVET_LLVM_VERSIONS:-${CVET_LLVM_VERSION:-19}})
# The SARIF validity test needs the Multitool; fetch it once, for every major.
if [ -z "${CVET_MULTITOOL:-}" ]; then
  export CVET_MULTITOOL_DIR=${CVET_MULTITOOL_DIR:-${CVET_BUILD_DIR:-$root/build}/multitool}
  "$root/scripts/install-deps.sh" --multitool-only || true
fi

# lit ships as build/utils/lit/lit.py up to LLVM 19's packages, as bin/lit after.
lit_of() {
  local f
  for f in "/usr/lib/llvm-$1/build/utils/lit/lit.py" "/usr/lib/llvm-$1/bin/lit" \
           /usr/lib/llvm-*/build/utils/lit/lit.py /usr/lib/llvm-*/bin/lit; do
    [ -f "$f" ] && { echo "$f"; return; }
  done
  echo "cvet: no lit found under /usr/lib/llvm-*" >&2
  return 1
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
count() { sed -n "s/^ *$1 *: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1; }
passed=0 failed=0 skipped=0 status=0
for v in "${versions[@]}"; do
  if [ -n "${CVET_BUILD_DIR:-}" ] && [ "${#versions[@]}" -eq 1 ]; then
    build=$CVET_BUILD_DIR
  elif [ "$v" = 19 ]; then
    build=$root/build
  else
    build=$root/build-$v
  fi
  start=$SECONDS
  if ! CVET_LLVM_VERSION=$v CVET_BUILD_DIR=$build "$root/scripts/build.sh"; then
    echo "cvet: the build against LLVM $v failed" >&2
    failed=$((failed + 1)) status=1
    continue
  fi
  built=$SECONDS
  lit=$(lit_of "$v") || { failed=$((failed + 1)) status=1; continue; }
  python3 "$lit" -sv -j "${CVET_JOBS:-2}" "$build/test" "$build/test/unit" "$@" | tee "$log"
  s=${PIPESTATUS[0]}
  p=$(( $(count Passed || true) + $(count 'Expectedly Failed' || true) + 0 ))
  f=$(( $(count Failed || true) + $(count 'Unexpectedly Passed' || true) + $(count Unresolved || true) + $(count 'Timed Out' || true) + 0 ))
  k=$(( $(count Unsupported || true) + $(count Skipped || true) + 0 ))
  [ "$s" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  [ "$s" -ne 0 ] && status=$s
  echo "cvet: LLVM $v ($build): $p tests passed, $f failed, $k skipped;" \
    "build $((built - start)) s, tests $((SECONDS - built)) s"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + k))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
