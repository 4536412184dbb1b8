#!/usr/bin/env bash
# Installs every Debian package that building and testing cvet needs.
# Debian bookworm; run as root or with sudo available.
set -euo pipefail

# The SARIF Multitool (npm) validates the driver's SARIF in the test suite. It
# goes to build/multitool (gitignored) or $CVET_MULTITOOL_DIR.
# `install-deps.sh --multitool-only` installs just that.
install_multitool() {
  local root dir
  root=$(cd "$(dirname "$0")/.." && pwd)
  dir=${CVET_MULTITOOL_DIR:-${CVET_BUILD_DIR:-$root/build}/multitool}
  local bin="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  if [ ! -x "$bin" ]; then
    command -v npm >/dev/null || { echo "cvet: npm not found; the SARIF Multitool test will be skipped" >&2; return 0; }
    echo "cvet: installing @microsoft/sarif-multitool into $dir" >&2
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
      @microsoft/sarif-multitool@5 >&2 || { echo "cvet: could not install the SARIF Multitool" >&2; return 0; }
    # npm may skip the package's postinstall that marks the binary executable.
    chmod u+x "$bin" 2>/dev/null || true
  fi
}
if [ "${1:-}" = "--multitool-only" ]; then
  install_multitool
  exit 0
fi

# CVET_LLVM_VERSIONS="19 22" installs each major (LLVM 22 comes from
# bookworm-security); the default is LLVM 19 (or CVET_LLVM_VERSION).
packages=(
  cmake ninja-build python3 make git
  # Packaging (cpack's .deb with computed dependencies).
  dpkg-dev file
  libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc libabsl-dev
  pkg-config libglib2.0-dev
  # Real headers of the libraries the default models know (lit tests).
  libpq-dev libmariadb-dev libdb-dev libsystemd-dev libudev-dev libarchive-dev
  libxml2-dev libpcap-dev libsqlite3-dev libgit2-dev liblmdb-dev
  # Unit tests (test/unit).
  libgtest-dev
  # The pre-commit hook's test through the framework itself.
  pre-commit
  # uthash's and khash's real macros (cvet.UnsyncMapWrite and
  # cvet.SubrangeEscape tests; htslib ships khash.h).
  uthash-dev libhts-dev
  # The test that runs docs/ci/github-actions-sharded.yml's commands.
  python3-yaml
)
for LLVM in ${CVET_LLVM_VERSIONS:-${CVET_LLVM_VERSION:-19}}; do
  packages+=(
    "clang-$LLVM" "libclang-$LLVM-dev" "llvm-$LLVM-dev" "llvm-$LLVM-tools"
    "clang-tools-$LLVM" "clangd-$LLVM" "clang-tidy-$LLVM"
  )
done
# Node.js may come from elsewhere (its own npm): Debian's npm is needed only
# when there is none.
command -v npm >/dev/null || packages+=(nodejs npm)

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

install_multitool
