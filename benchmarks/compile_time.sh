#!/usr/bin/env bash
# What including vnum costs the compiler: one-line translation units, each compiled with
# `$CXX -std=c++20 -O0 -c` (CXX defaults to g++) REPS times (default 5), the units interleaved so
# that a burst of load elsewhere hits them all alike. Keeps each unit's least user+sys CPU time
# (steadier than wall time on a busy machine) and prints it with its ratio to <boost/json.hpp>,
# the least any user of Boost.JSON pays, as tab-separated lines:
#   label  cpu_seconds  ratio
# Run from anywhere: benchmarks/compile_time.sh [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."

cxx=${CXX:-g++}
reps=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# label | include directory | the unit's one line. The first is the baseline.
units=(
  "<boost/json.hpp>|include|#include <boost/json.hpp>"
  "<vnum/vnum.hpp>|include|#include <vnum/vnum.hpp>"
  "<vnum/vnum_testing.hpp>|include|#include <vnum/vnum_testing.hpp>"
  "single_include/vnum/vnum.hpp|single_include|#include <vnum/vnum.hpp>"
  "<vnum/cellcast/client.hpp>|include|#include <vnum/cellcast/client.hpp>"
  "<vnum/identitycall/client.hpp>|include|#include <vnum/identitycall/client.hpp>"
  "<vnum/cellcast/model.hpp>|include|#include <vnum/cellcast/model.hpp>"
  "<vnum/identitycall/model.hpp>|include|#include <vnum/identitycall/model.hpp>"
)

declare -a best
for i in "${!units[@]}"; do
  IFS='|' read -r _ _ line <<<"${units[$i]}"
  printf '%s\n' "$line" >"$work/unit$i.cpp"
done

# cpu_seconds UNIT_INDEX: compiles the unit once and prints its user+sys time.
cpu_seconds() {
  local i=$1 dir times
  IFS='|' read -r _ dir _ <<<"${units[$i]}"
  local TIMEFORMAT='%3U %3S'
  times=$({ time "$cxx" -std=c++20 -O0 -I "$dir" -c "$work/unit$i.cpp" -o "$work/unit$i.o" \
    >/dev/null 2>"$work/unit$i.err"; } 2>&1) || {
    echo "compile_time.sh: ${units[$i]%%|*} does not compile:" >&2
    cat "$work/unit$i.err" >&2
    exit 1
  }
  awk '{ printf "%.3f", $1 + $2 }' <<<"$times"
}

for ((rep = 0; rep < reps; rep++)); do
  for i in "${!units[@]}"; do
    t=$(cpu_seconds "$i")
    if [ -z "${best[$i]:-}" ] || awk -v a="$t" -v b="${best[$i]}" 'BEGIN { exit !(a < b) }'; then
      best[i]=$t
    fi
  done
done

for i in "${!units[@]}"; do
  printf '%s\t%s\t%s\n' "${units[$i]%%|*}" "${best[$i]}" \
    "$(awk -v a="${best[$i]}" -v b="${best[0]}" 'BEGIN { printf "%.2f", a / b }')"
done
