#!/usr/bin/env bash
# Builds and runs the whole test suite under g++ and clang++ (warnings are errors), then prints
# "N passed, N failed" counted from the test logs. Exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."

compilers=${VNUM_COMPILERS:-"g++ clang++"}
logs=()
status=0
broken=0  # builds that failed: each counts as a failed test
for cxx in $compilers; do
  dir="build-test-${cxx}"
  rm -rf "$dir"
  echo "== $cxx: configure and build"
  if ! CXX=$cxx meson setup "$dir" >"$dir.setup.log" 2>&1; then
    cat "$dir.setup.log"; status=1; broken=$((broken + 1)); continue
  fi
  rm -f "$dir.setup.log"
  if ! ninja -C "$dir" >"$dir/build.log" 2>&1; then
    grep -E "error|warning" "$dir/build.log" | head -50
    echo "== $cxx: build failed"; status=1; broken=$((broken + 1)); continue
  fi
  echo "== $cxx: test"
  meson test -C "$dir" --print-errorlogs --num-processes 2 | grep -E "^ *[0-9]+/[0-9]+ " || true
  [ -f "$dir/meson-logs/testlog.json" ] && logs+=("$dir/meson-logs/testlog.json")
done

python3 tools/summarize_tests.py --extra-failed "$broken" "${logs[@]}" || status=1
exit $status
