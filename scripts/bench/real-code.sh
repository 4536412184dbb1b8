#!/usr/bin/env bash
# What cvet costs on real code, next to what parsing alone costs.
#
#   scripts/bench/real-code.sh [-j JOBS] PACKAGE...     e.g. redis memcached
#
# For each Debian source package: fetch it, build it under bear for its
# compilation database (once; kept in $CORPUS, default /tmp/corpus), then run
# back to back, over every translation unit of the database (each file once):
#
#   parse floor     clang-19 -fsyntax-only (every unit must be parsed)
#   clang-analyze   clang-19 --analyze with Clang's default checkers
#   cvet-noprune    cvet --prune=false (every function explored)
#   cvet            cvet (only functions that can reach a modelled API)
#   cvet-cache-1    cvet --cache DIR, DIR empty (fills it)
#   cvet-cache-2    cvet --cache DIR again over the unchanged tree
#
# all with JOBS units at a time (default 2), and print wall time, CPU time
# (user + system), peak memory and each arm's ratio to the parse floor. Peak
# memory is the largest single process (GNU time's maximum resident set
# size): for the clang arms one clang process, for cvet the whole driver with
# its JOBS units in memory. The findings of cvet-noprune, cvet and
# cvet-cache-2 are compared (rule, file, line, column, message) and the
# differences counted: pruning and the cache must change nothing.
#
# CVET_BUILD_DIR (default build/) holds the cvet to measure. CVET_BENCH_ARMS
# picks and orders the arms ("floor cvet cvet-cache-1 cvet-cache-2"; the
# floor always runs first, the cache arms in order). CVET_BENCH_KEEP=DIR keeps
# each arm's output, times, SARIF log and findings in DIR/PACKAGE/ as the arm
# ends. On a shared machine the wall times are noisy; CPU time is the
# steadier number.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CVET_BUILD_DIR:-$root/build}
cvet=$build/bin/cvet
jobs=2
if [[ ${1:-} == -j ]]; then jobs=$2; shift 2; fi
[[ $# -gt 0 ]] || { sed -n '2,/^set/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
[[ -x $cvet ]] || { echo "build cvet first: scripts/build.sh" >&2; exit 2; }
for tool in clang-19 python3; do
  command -v "$tool" >/dev/null || { echo "real-code.sh needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "real-code.sh needs GNU time (apt-get install time)" >&2; exit 2; }

# corpus PACKAGE: builds the package's compilation database under $CORPUS
# (once) and prints the directory that holds compile_commands.json.
corpus() (
  set -euo pipefail
  local name=$1 root=${CORPUS:-/tmp/corpus}
  local cdb=$root/$name-cdb sudo="" src orig
  if [[ -f $cdb/compile_commands.json ]]; then echo "$cdb"; exit 0; fi
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  # deb-src next to the binary sources, once
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      $sudo tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
    $sudo apt-get update -qq
  fi
  command -v bear >/dev/null || $sudo apt-get install -y -qq bear dpkg-dev >/dev/null
  $sudo apt-get build-dep -y -qq "$name" >/dev/null 2>&1 || echo "corpus: some build dependencies of $name are missing" >&2
  mkdir -p "$root"; cd "$root"
  src=$(ls -d "$name"-*/ 2>/dev/null | grep -v -- -cdb/ | head -1 || true)
  if [[ -z $src ]]; then
    apt-get source "$name" >/dev/null 2>&1 || true
    src=$(ls -d "$name"-*/ 2>/dev/null | grep -v -- -cdb/ | head -1 || true)
    if [[ -z $src ]]; then   # the Debian part may be missing: unpack the upstream tarball alone
      orig=$(ls "$name"_*.orig.tar.* 2>/dev/null | head -1 || true)
      [[ -n $orig ]] || { echo "corpus: the source of $name cannot be downloaded here; pick another package" >&2; exit 1; }
      tar xf "$orig"
      src=$(ls -d */ | grep -i "$name" | grep -v -- -cdb/ | head -1)
    fi
  fi
  cd "$src"
  export CC=clang-19
  if [[ -f meson.build ]]; then
    meson setup b >/dev/null && ninja -C b >/dev/null; cp b/compile_commands.json .
  elif [[ -f CMakeLists.txt ]]; then
    cmake -S . -B b -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null && ninja -C b >/dev/null || true
    cp b/compile_commands.json .
  else
    [[ -x configure ]] || { [[ -x autogen.sh ]] && ./autogen.sh >/dev/null 2>&1; } || autoreconf -fi >/dev/null 2>&1 || true
    [[ -x configure ]] && ./configure >/dev/null 2>&1 || true
    bear -- make -k -j"$(nproc)" CFLAGS="-O0 -g -Wno-error" >/dev/null 2>&1 || true
  fi
  mkdir -p "$cdb"
  if python3 - compile_commands.json "$cdb/compile_commands.json" <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))
# bear also records the compiler's internal -cc1 invocations; keep the driver-level ones
keep = [e for e in entries if (e.get("arguments") or ["", ""])[1:2] != ["-cc1"]]
json.dump(keep, open(sys.argv[2], "w"), indent=1)
print(f"corpus: {len(keep)} translation units", file=sys.stderr)
sys.exit(0 if keep else 1)
PY
  then echo "$cdb"
  else echo "corpus: the build of $name recorded no compilation; build it by hand under bear" >&2; rm -rf "$cdb"; exit 1
  fi
)

# The clang command lines of a database's units, one per line, each file
# once (its first entry, as cvet does), with "cd DIR &&" in front.
commands() {
  python3 - "$1/compile_commands.json" "$2" <<'PY'
import json, os, shlex, sys
out = []
seen = set()
for e in json.load(open(sys.argv[1])):
    d = e["directory"]
    f = os.path.normpath(os.path.join(d, e["file"]))
    if f in seen or not f.endswith((".c", ".cc", ".cpp", ".cxx")):
        continue
    seen.add(f)
    args = e.get("arguments") or shlex.split(e["command"])
    keep, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD", "-MP") or a.startswith(("-Wp,-M", "-o")):
            continue
        keep.append(a)
    mode = ["-fsyntax-only"] if sys.argv[2] == "parse" else ["--analyze", "-o", "/dev/null"]
    out.append("cd " + shlex.quote(d) + " && clang-19 -w " + shlex.join(mode + keep))
print("\n".join(out))
PY
}

declare -A wall cpu mem
# measure NAME CMD...: runs CMD under GNU time, keeps seconds and KiB.
measure() {
  local name=$1; shift
  echo "  $name ..." >&2
  /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "$@" >"$out/$name.out" 2>&1 || true
  # GNU time puts "Command exited with non-zero status N" first.
  read -r w u s m < <(tail -n 1 "$out/$name.time")
  wall[$name]=$w
  cpu[$name]=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
  mem[$name]=$m
}

# findings LOG: one line per result of a cvet SARIF log.
findings() {
  python3 - "$1" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    reg = loc.get("region", {})
    print(r["ruleId"], loc["artifactLocation"]["uri"], reg.get("startLine"),
          reg.get("startColumn"), r["message"]["text"], sep="|")
PY
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
read -r -a arms <<<"${CVET_BENCH_ARMS:-floor clang-analyze cvet-noprune cvet cvet-cache-1 cvet-cache-2}"
[[ ${arms[0]} == floor ]] || arms=(floor "${arms[@]}")
# run ARM: the command of one arm.
run() {
  case $1 in
  floor) measure floor xargs -d '\n' -P "$jobs" -I{} sh -c {} <"$out/parse.sh" ;;
  clang-analyze) measure clang-analyze xargs -d '\n' -P "$jobs" -I{} sh -c {} <"$out/analyze.sh" ;;
  cvet-noprune) measure cvet-noprune env -C "$top" "$cvet" -p "$cdb" -j "$jobs" -q --prune=false --sarif "$out/cvet-noprune.sarif" ;;
  cvet) measure cvet env -C "$top" "$cvet" -p "$cdb" -j "$jobs" -q --sarif "$out/cvet.sarif" ;;
  cvet-cache-1) measure cvet-cache-1 env -C "$top" "$cvet" -p "$cdb" -j "$jobs" -q --cache "$out/cache" --sarif "$out/cvet-cache-1.sarif" ;;
  cvet-cache-2) measure cvet-cache-2 env -C "$top" "$cvet" -p "$cdb" -j "$jobs" -q --cache "$out/cache" --sarif "$out/cvet-cache-2.sarif" ;;
  *) echo "real-code.sh: unknown arm '$1'" >&2; exit 2 ;;
  esac
}
for package in "$@"; do
  cdb=$(corpus "$package")
  src=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["directory"])' "$cdb/compile_commands.json")
  # Run cvet from the source root (the top directory of the unpacked package).
  top=$(cd "$(dirname "$cdb")" && ls -d "$package"-*/ | grep -v -- -cdb/ | head -1)
  top=$(cd "$(dirname "$cdb")/$top" && pwd)
  commands "$cdb" parse >"$out/parse.sh"
  commands "$cdb" analyze >"$out/analyze.sh"
  units=$(wc -l <"$out/parse.sh")
  echo "$package: $units translation units, $jobs at a time" >&2
  rm -rf "$out/cache" "$out"/*.sarif
  echo
  echo "$package ($units translation units, -j$jobs)"
  printf '%-14s %9s %9s %11s %9s %9s\n' arm "wall (s)" "CPU (s)" "peak (MiB)" "wall/floor" "CPU/floor"
  # Each row as soon as its arm is done.
  for arm in "${arms[@]}"; do
    run "$arm"
    awk -v n="$arm" -v w="${wall[$arm]}" -v c="${cpu[$arm]}" -v m="${mem[$arm]}" \
        -v fw="${wall[floor]}" -v fc="${cpu[floor]}" \
      'BEGIN { printf "%-14s %9.1f %9.1f %11.0f %9.2fx %9.2fx\n", n, w, c, m / 1024, w / fw, c / fc }'
    [[ -f $out/$arm.sarif ]] && findings "$out/$arm.sarif" | sort >"$out/$arm.txt"
    # Kept as each arm ends, so that a run stopped early leaves what it did.
    if [[ -n ${CVET_BENCH_KEEP:-} ]]; then
      mkdir -p "$CVET_BENCH_KEEP/$package"
      cp "$out/$arm".* "$CVET_BENCH_KEEP/$package/"
    fi
  done
  counts=()
  for arm in cvet-noprune cvet cvet-cache-2; do
    [[ -f $out/$arm.txt ]] && counts+=("$arm $(wc -l <"$out/$arm.txt")")
  done
  (IFS=,; echo "findings: ${counts[*]}")
  # differences A B: results in one log and not the other, counted and listed.
  differences() {
    [[ -f $out/$1.txt && -f $out/$2.txt ]] || return 0
    echo "differences $2 vs $1: $(diff "$out/$1.txt" "$out/$2.txt" | grep -c '^[<>]' || true)"
    diff "$out/$1.txt" "$out/$2.txt" | grep '^[<>]' | sed 's/^/  /' || true
  }
  differences cvet-noprune cvet
  differences cvet cvet-cache-2
done
