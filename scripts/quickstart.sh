#!/usr/bin/env bash
# From a fresh Debian bookworm machine to real diagnostics: installs the
# packages cvet needs, builds cvet, builds the bundled example project
# (examples/demo) to get its compile_commands.json, and runs cvet on it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CVET_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

demo=$build/demo
cmake -S "$root/examples/demo" -B "$demo" -G Ninja \
  -DCMAKE_C_COMPILER="clang-${CVET_LLVM_VERSION:-19}" >/dev/null

echo "== cvet -p $demo --sarif $demo/cvet.sarif   (in examples/demo)" >&2
cd "$root/examples/demo"
status=0
"$build/bin/cvet" -p "$demo" --sarif "$demo/cvet.sarif" || status=$?
# 1 means "findings": the example has one bug per rule on purpose.
if [ "$status" -eq 1 ]; then
  echo "== SARIF log: $demo/cvet.sarif" >&2
  exit 0
fi
exit "$status"
