#!/usr/bin/env bash
# Every check, each step timed:
#   1. single_include/ is what tools/amalgamate.py makes of include/ now, clang-format finds no
#      drift, and no header includes a layer above it (tools/check_layers.py): one test each;
#   2. the whole test suite under g++ and clang++ (warnings are errors);
#   3. the whole test suite once more, under the first compiler, against single_include/ only
#      (-Dsingle_header=true);
#   4. the consumer projects (tools/consumers.sh; each counts as one test).
# Then prints "N passed, N failed" counted from the test logs. Exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."

compilers=${VNUM_COMPILERS:-"g++ clang++"}
logs=()
status=0
broken=0  # builds that failed: each counts as a failed test
checks=build-test-checks.json  # meson-style test log of the checks that are not meson tests
: >"$checks"
logs+=("$checks")
started=$SECONDS

# timed LABEL COMMAND...: runs COMMAND, then prints how long it took.
timed() {
  local label=$1 start=$SECONDS rc
  shift
  "$@"
  rc=$?
  echo "== $label: $((SECONDS - start))s"
  return $rc
}

# suite CXX DIR [MESON OPTION...]: builds the test suite in DIR and runs it.
suite() {
  local cxx=$1 dir=$2
  shift 2
  rm -rf "$dir"
  echo "== $dir ($cxx $*): configure and build"
  if ! CXX=$cxx meson setup "$dir" "$@" >"$dir.setup.log" 2>&1; then
    cat "$dir.setup.log"; status=1; broken=$((broken + 1)); return
  fi
  rm -f "$dir.setup.log"
  if ! ninja -C "$dir" >"$dir/build.log" 2>&1; then
    grep -E "error|warning" "$dir/build.log" | head -50
    echo "== $dir: build failed"; status=1; broken=$((broken + 1)); return
  fi
  echo "== $dir: test"
  meson test -C "$dir" --print-errorlogs --num-processes 2 | grep -E "^ *[0-9]+/[0-9]+ " || true
  [ -f "$dir/meson-logs/testlog.json" ] && logs+=("$dir/meson-logs/testlog.json")
}

# check NAME COMMAND...: runs COMMAND as one test named NAME.
check() {
  local name=$1 result=OK
  shift
  echo "== $name"
  "$@" || { result=FAIL; status=1; }
  echo "{\"name\": \"$name\", \"result\": \"$result\"}" >>"$checks"
}

# The C++ sources (those git tracks, in a checkout), less the generated single headers.
sources() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files '*.hpp' '*.cpp'
  else
    find include tests examples apps benchmarks tools -name '*.hpp' -o -name '*.cpp' 2>/dev/null
  fi | grep -v '^single_include/'
}

timed "freshness check" check "single_include freshness" python3 tools/amalgamate.py --check
timed "format check" check "clang-format" bash -c "$(declare -f sources); sources | xargs clang-format --dry-run -Werror"
timed "layer check" check "header layers" python3 tools/check_layers.py

# clang-tidy (.clang-tidy) over every header and template, through tools/tidy_headers.cpp, and over
# the programs; the test sources are left out (Catch2's and trompeloeil's macros are not ours).
tidy() {
  local f out ok=0
  for f in tools/tidy_headers.cpp examples/quickstart.cpp $(sources | grep '^apps/.*\.cpp$'); do
    out=$(clang-tidy --quiet "$f" -- -std=c++20 -Iinclude 2>&1) || {
      echo "$out" | grep -E "(warning|error):"
      ok=1
    }
  done
  return $ok
}
timed "tidy check" check "clang-tidy" tidy
for cxx in $compilers; do
  timed "suite, $cxx" suite "$cxx" "build-test-${cxx}"
done
first=${compilers%% *}
timed "suite against single_include/, $first" suite "$first" "build-test-single-${first}" \
  -Dsingle_header=true
if ! timed "consumers" env CXX="$first" tools/consumers.sh; then
  status=1
  # A failure that no consumer's entry records (the script itself broke) still counts.
  grep -q '"FAIL"' build-consumers/testlog.json 2>/dev/null || broken=$((broken + 1))
fi
[ -f build-consumers/testlog.json ] && logs+=(build-consumers/testlog.json)

echo "== total: $((SECONDS - started))s"
python3 tools/summarize_tests.py --extra-failed "$broken" "${logs[@]}" || status=1
exit $status
