#!/usr/bin/env bash
# Run-time overhead of cvet.UnclosedIterator over plain `clang --analyze`
# (the default checkers) on real C code.
#
#   scripts/bench/overhead.sh --corpus
#       prepares the default corpus in $CVET_BENCH_DIR (default
#       /tmp/cvet-bench): SQLite's shell.c (from the npm package sqlite3,
#       which bundles the amalgamation) and a set of BlueZ files (from the
#       Debian package bluez-source), then measures it
#   scripts/bench/overhead.sh [-C dir] [-f "flags"] [-l list] [file...]
#       measures the given files, compiled with the given flags in dir
#
# Each file is analyzed once per configuration, the two runs back to back,
# one at a time. Prints wall time per file and in total for both
# configurations, the ratio cvet / plain, and the cvet findings.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
clang=${CLANG:-clang-19}
plugin=${CVET_PLUGIN:-$root/build/lib/cvet.so}
checker=${CVET_CHECKER:-cvet.UnclosedIterator}
bench=${CVET_BENCH_DIR:-/tmp/cvet-bench}

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

now() { date +%s.%N; }

# measure DIR FLAGS FILE... : one row per file, then the totals.
measure() {
  local dir=$1 flags=$2
  shift 2
  local log="$bench/findings.txt" total_plain=0 total_cvet=0 f t0 t1 t2 plain cvet
  : >>"$log"
  (
    cd "$dir"
    for f in "$@"; do
      t0=$(now)
      # shellcheck disable=SC2086
      "$clang" --analyze $flags -o /dev/null "$f" >/dev/null 2>&1 || true
      t1=$(now)
      # shellcheck disable=SC2086
      "$clang" --analyze $flags -o /dev/null -Xclang -load -Xclang "$plugin" \
        -Xclang -analyzer-checker="$checker" "$f" 2>&1 |
        grep -F "[$checker]" | sed "s|^|$dir/|" >>"$log" || true
      t2=$(now)
      plain=$(echo "$t1 - $t0" | bc)
      cvet=$(echo "$t2 - $t1" | bc)
      printf '%-44s %9.2f %9.2f %7.3f\n' "$f" "$plain" "$cvet" \
        "$(echo "scale=6; $cvet / $plain" | bc)"
      echo "$plain $cvet" >>"$bench/times.txt"
    done
  )
}

summary() {
  awk '{ p += $1; c += $2 } END {
    printf "%-44s %9.2f %9.2f %7.3f\n", "total", p, c, c / p }' "$bench/times.txt"
  local n
  n=$(wc -l <"$bench/findings.txt")
  echo
  echo "$checker findings: $n"
  cat "$bench/findings.txt"
}

header() {
  printf '%-44s %9s %9s %7s\n' "file" "plain(s)" "cvet(s)" "ratio"
}

prepare_sqlite() {
  local dst="$bench/sqlite"
  if [ -f "$dst/shell.c" ]; then return; fi
  mkdir -p "$dst"
  (cd "$bench" && npm pack sqlite3 >/dev/null 2>&1)
  tar -xzf "$bench"/sqlite3-*.tgz -C "$bench" package/deps
  tar -xzf "$bench"/package/deps/sqlite-autoconf-*.tar.gz -C "$dst" --strip-components=1
}

prepare_bluez() {
  local dst="$bench/bluez"
  if [ -f "$dst/config.h" ]; then return; fi
  mkdir -p "$bench/deb"
  local deb
  deb=$(ls /tmp/srctest/bluez-source_*.deb 2>/dev/null | head -n 1 || true)
  if [ -z "$deb" ]; then
    (cd "$bench/deb" && apt-get download bluez-source >/dev/null)
    deb=$(ls "$bench"/deb/bluez-source_*.deb | head -n 1)
  fi
  dpkg-deb -x "$deb" "$bench/deb/root"
  mkdir -p "$dst"
  tar -xjf "$bench"/deb/root/usr/src/bluez.tar.bz2 -C "$dst" --strip-components=1
}

# The BlueZ files that open directories (opendir, g_dir_open), and as many
# that do not, to show the cost where there is nothing to track.
bluez_files=(
  src/adapter.c src/device.c src/plugin.c obexd/plugins/filesystem.c
  obexd/plugins/messages-dummy.c obexd/src/plugin.c tools/hciattach_bcm43xx.c
  tools/hciattach_st.c tools/hex2hcd.c
  src/main.c src/storage.c src/textfile.c src/gatt-database.c src/profile.c
  src/shared/gatt-client.c src/shared/att.c src/shared/util.c
  obexd/src/manager.c tools/btmgmt.c client/main.c
)

corpus() {
  command -v npm >/dev/null || { echo "npm is needed for the SQLite sources" >&2; exit 1; }
  mkdir -p "$bench"
  prepare_sqlite
  prepare_bluez
  : >"$bench/times.txt"
  : >"$bench/findings.txt"
  echo "clang: $("$clang" --version | head -n 1)"
  echo "corpus: SQLite $(cat "$bench/sqlite/VERSION" 2>/dev/null) shell.c, BlueZ $(sed -n 's/^#define VERSION "\(.*\)"/\1/p' "$bench/bluez/config.h") (${#bluez_files[@]} files)"
  echo
  header
  measure "$bench/sqlite" "-I. -DSQLITE_THREADSAFE=0" shell.c
  local bz="-DHAVE_CONFIG_H -I. -Ilib -Isrc -Igdbus -Ibtio -Iattrib -Iobexd/src"
  bz+=" -Iobexd/gobex $(pkg-config --cflags glib-2.0 dbus-1)"
  bz+=" -DPLUGINDIR=\"/usr/lib/bluetooth\" -DOBEX_PLUGIN_BUILTIN -DBLUETOOTH_PLUGIN_BUILTIN"
  measure "$bench/bluez" "$bz" "${bluez_files[@]}"
  summary
}

dir=.
flags=""
list=""
files=()
while [ $# -gt 0 ]; do
  case $1 in
  --corpus) corpus; exit 0 ;;
  -C) dir=$2; shift 2 ;;
  -f) flags=$2; shift 2 ;;
  -l) list=$2; shift 2 ;;
  -h | --help) usage ;;
  --) shift; files+=("$@"); break ;;
  -*) usage 1 ;;
  *) files+=("$1"); shift ;;
  esac
done
if [ -n "$list" ]; then
  mapfile -t -O "${#files[@]}" files <"$list"
fi
[ ${#files[@]} -gt 0 ] || usage 1
mkdir -p "$bench"
: >"$bench/times.txt"
: >"$bench/findings.txt"
header
measure "$dir" "$flags" "${files[@]}"
summary
