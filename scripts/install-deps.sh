#!/usr/bin/env bash
# Installs every Debian package that building and testing cvet needs.
# Debian bookworm; run as root or with sudo available.
set -euo pipefail

LLVM=${CVET_LLVM_VERSION:-19}
packages=(
  cmake ninja-build python3 make git
  "clang-$LLVM" "libclang-$LLVM-dev" "llvm-$LLVM-dev" "llvm-$LLVM-tools"
  "clang-tools-$LLVM" "clangd-$LLVM" "clang-tidy-$LLVM"
  libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc libabsl-dev
  nodejs npm
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "cvet: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
