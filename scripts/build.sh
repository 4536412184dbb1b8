#!/usr/bin/env bash
# Configures and builds cvet in build/ (or $CVET_BUILD_DIR) with clang++.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CVET_BUILD_DIR:-$root/build}
LLVM=${CVET_LLVM_VERSION:-19}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER="clang-$LLVM" -DCMAKE_CXX_COMPILER="clang++-$LLVM" \
    -DCVET_LLVM_VERSION="$LLVM" >/dev/null
fi
ninja -C "$build" -j "${CVET_JOBS:-2}" >&2
