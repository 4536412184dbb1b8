#!/usr/bin/env bash
# Configures and builds cvet with clang++ against LLVM $CVET_LLVM_VERSION (19
# by default) in build/, build-<N>/ for another major, or $CVET_BUILD_DIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LLVM=${CVET_LLVM_VERSION:-19}
# One build directory per LLVM major: build/ for 19, build-<N>/ for another.
default=$root/build
[ "$LLVM" = 19 ] || default=$root/build-$LLVM
build=${CVET_BUILD_DIR:-$default}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER="clang-$LLVM" -DCMAKE_CXX_COMPILER="clang++-$LLVM" \
    -DCVET_LLVM_VERSION="$LLVM" >/dev/null
fi
ninja -C "$build" -j "${CVET_JOBS:-2}" >&2
