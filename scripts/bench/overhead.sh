#!/usr/bin/env bash
# Run-time overhead of a cvet checker (cvet.UnclosedIterator, or
# $CVET_CHECKER, e.g. cvet.LoopVarCapture) over plain `clang --analyze`
# (the default checkers) on real C code.
#
#   scripts/bench/overhead.sh [-r reps] --corpus
#       prepares the default corpus in $CVET_BENCH_DIR (default
#       /tmp/cvet-bench): SQLite's shell.c (from the npm package sqlite3,
#       which bundles the amalgamation) and a set of BlueZ files (from the
#       Debian package bluez-source), then measures it
#   scripts/bench/overhead.sh [-r reps] [-C dir] [-f "flags"] [-l list] [file...]
#       measures the given files, compiled with the given flags in dir
#
# Each file is analyzed reps times (default 1) per configuration, one run at
# a time, and the best time is kept. Prints wall and user CPU time per file
# and in total for both configurations, the ratios cvet / plain, and the cvet
# findings. On a busy machine the user CPU ratio is the steadier number.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
clang=${CLANG:-clang-19}
plugin=${CVET_PLUGIN:-$root/build/lib/cvet.so}
checker=${CVET_CHECKER:-cvet.UnclosedIterator}
bench=${CVET_BENCH_DIR:-/tmp/cvet-bench}

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit "${1:-0}"
}

# run LOG CMD... : runs CMD, appends its cvet findings to LOG, prints
# "wall user" in seconds.
run() {
  local log=$1 t
  shift
  t=$(mktemp)
  /usr/bin/time -f '%e %U' -o "$t" "$@" 2>&1 >/dev/null |
    grep -F "[$checker]" >>"$log" || true
  tail -n 1 "$t"
  rm -f "$t"
}

# best "wall user" of $reps runs
best() {
  local i out w u bw= bu=
  for ((i = 0; i < reps; i++)); do
    out=$("$@")
    read -r w u <<<"$out"
    if [ -z "$bw" ] || [ "$(echo "$w < $bw" | bc)" = 1 ]; then bw=$w; fi
    if [ -z "$bu" ] || [ "$(echo "$u < $bu" | bc)" = 1 ]; then bu=$u; fi
  done
  echo "$bw $bu"
}

# measure DIR FLAGS FILE... : one row per file.
measure() {
  local dir=$1 flags=$2 f plain cvet pw pu cw cu
  shift 2
  (
    cd "$dir"
    for f in "$@"; do
      # shellcheck disable=SC2086
      plain=$(best run /dev/null "$clang" --analyze $flags -o /dev/null "$f")
      # shellcheck disable=SC2086
      cvet=$(best run "$bench/findings.raw" "$clang" --analyze $flags -o /dev/null \
        -Xclang -load -Xclang "$plugin" -Xclang -analyzer-checker="$checker" "$f")
      read -r pw pu <<<"$plain"
      read -r cw cu <<<"$cvet"
      printf '%-34s %8.2f %8.2f %6.3f   %8.2f %8.2f %6.3f\n' "$f" "$pw" "$cw" \
        "$(echo "scale=6; $cw / $pw" | bc)" "$pu" "$cu" \
        "$(echo "scale=6; $cu / $pu" | bc)"
      echo "$pw $cw $pu $cu" >>"$bench/times.txt"
    done
  )
  sed "s|^|${dir#"$bench"/}/|" "$bench/findings.raw" | sort -u >>"$bench/findings.txt"
  : >"$bench/findings.raw"
}

summary() {
  awk '{ pw += $1; cw += $2; pu += $3; cu += $4 } END {
    printf "%-34s %8.2f %8.2f %6.3f   %8.2f %8.2f %6.3f\n", "total", pw, cw, cw / pw, pu, cu, cu / pu }' \
    "$bench/times.txt"
  echo
  echo "$checker findings: $(wc -l <"$bench/findings.txt")"
  cat "$bench/findings.txt"
}

header() {
  printf '%-34s %8s %8s %6s   %8s %8s %6s\n' "" "wall(s)" "" "" "user(s)" "" ""
  printf '%-34s %8s %8s %6s   %8s %8s %6s\n' "file" "plain" "cvet" "ratio" \
    "plain" "cvet" "ratio"
}

reset() {
  mkdir -p "$bench"
  : >"$bench/times.txt"
  : >"$bench/findings.txt"
  : >"$bench/findings.raw"
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
  reset
  prepare_sqlite
  prepare_bluez
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

reps=${CVET_BENCH_REPS:-1}
dir=.
flags=""
list=""
files=()
while [ $# -gt 0 ]; do
  case $1 in
  --corpus) corpus_run=1; shift ;;
  -C) dir=$2; shift 2 ;;
  -f) flags=$2; shift 2 ;;
  -l) list=$2; shift 2 ;;
  -r) reps=$2; shift 2 ;;
  -h | --help) usage ;;
  --) shift; files+=("$@"); break ;;
  -*) usage 1 ;;
  *) files+=("$1"); shift ;;
  esac
done
if [ -n "${corpus_run:-}" ]; then
  corpus
  exit 0
fi
if [ -n "$list" ]; then
  mapfile -t -O "${#files[@]}" files <"$list"
fi
[ ${#files[@]} -gt 0 ] || usage 1
reset
header
measure "$dir" "$flags" "${files[@]}"
summary
