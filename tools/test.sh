#!/usr/bin/env bash
# Every check, each step timed:
#   1. single_include/ is what tools/amalgamate.py makes of include/ now, clang-format finds no
#      drift, no header includes a layer above it (tools/check_layers.py), the README's tables
#      agree with the code (tools/check_readme_tables.py), Doxygen documents every public name
#      without a warning (docs/Doxyfile), clang-tidy finds nothing: one test each;
#   2. the whole test suite under g++ (warnings are errors; clang++ builds it in step 5);
#   3. the whole test suite once more, under the first compiler, against single_include/ only
#      (-Dsingle_header=true);
#   4. the consumer projects (tools/consumers.sh; each counts as one test), and the build switches
#      off, on and on without their library (tools/switches.sh, one test);
#   5. the whole suite under clang++ with AddressSanitizer and UndefinedBehaviorSanitizer (warnings
#      are errors: this is the clang++ build too), the programs with Asio coroutines (which clang 14
#      cannot compile with AddressSanitizer) under g++ with the same sanitizers, and the threaded
#      and asynchronous tests under ThreadSanitizer (a report fails the test);
#   6. every libFuzzer target of tests/fuzz/ for VNUM_FUZZ_SECONDS (default 20) each, from its seed
#      corpus (each counts as one test; a finding fails it);
#   7. the phone-number oracle: normalize_au against python3-phonenumbers (one test).
# Then prints "N passed, N failed" counted from the test logs. Exits non-zero on any failure.
# VNUM_QUICK=1 runs only 1, 2 under g++ and a short oracle: for iterating, not for landing.
set -u
cd "$(dirname "$0")/.."

quick=${VNUM_QUICK:-0}
compilers=${VNUM_COMPILERS:-g++}
fuzz_seconds=${VNUM_FUZZ_SECONDS:-20}
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# tools/tsan.supp: what TSan cannot see into (a library built without it).
export TSAN_OPTIONS=halt_on_error=1:suppressions=$PWD/tools/tsan.supp
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
timed "README tables check" check "README tables" python3 tools/check_readme_tables.py

# The API reference (docs/Doxyfile): every public name documented; any Doxygen warning fails it.
api_reference() {
  local out
  rm -rf build-docs
  out=$(doxygen docs/Doxyfile 2>&1 >/dev/null) || { echo "$out" | head -30; return 1; }
  [ -z "$out" ] || { echo "$out" | head -30; return 1; }
}
timed "API reference check" check "API reference (Doxygen)" api_reference

# clang-tidy (.clang-tidy) over every header and template, through tools/tidy_headers.cpp, and over
# the programs; the test sources are left out (Catch2's and trompeloeil's macros are not ours).
tidy() {
  local f out ok=0
  for f in tools/tidy_headers.cpp examples/quickstart.cpp $(sources | grep '^apps/.*\.cpp$'); do
    out=$(clang-tidy --quiet "$f" -- -std=c++20 -Iinclude $(pkg-config --cflags-only-I libpq) 2>&1) || {
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

# meson leaves out the page's browser test (fake_page_test) where Chromium, chromedriver or
# Selenium is missing; the README's test command installs them, so here a missing one fails.
browser_test_ran() {
  grep -q '"name": "fake_page_test"' "build-test-${first}/meson-logs/testlog.json" 2>/dev/null || {
    echo "fake_page_test did not run: install chromium, chromium-driver and python3-selenium"
    return 1
  }
}
timed "browser test check" check "browser test present" browser_test_ran

# only CXX DIR "TARGET..." "TEST..." [MESON OPTION...]: builds and runs only some tests.
only() {
  local cxx=$1 dir=$2 targets=$3 tests=$4
  shift 4
  rm -rf "$dir"
  echo "== $dir ($cxx $*): configure and build $targets"
  if ! CXX=$cxx meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 ||
    ! ninja -C "$dir" $targets >"$dir.build.log" 2>&1; then
    tail -30 "$dir.setup.log" "$dir.build.log" 2>/dev/null
    echo "== $dir: build failed"; status=1; broken=$((broken + 1)); return
  fi
  meson test -C "$dir" --print-errorlogs $tests | grep -E "^ *[0-9]+/[0-9]+ " || true
  [ -f "$dir/meson-logs/testlog.json" ] && logs+=("$dir/meson-logs/testlog.json")
}

# fuzz: builds every target of tests/fuzz/ and runs each for $fuzz_seconds from its seed corpus.
fuzz() {
  local dir=build-test-fuzz target result line
  rm -rf "$dir"
  if ! CXX=clang++ meson setup "$dir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false --buildtype=debugoptimized >"$dir.setup.log" 2>&1 ||
    ! ninja -C "$dir" $(ls tests/fuzz/*.cpp | sed 's|\.cpp$||') >"$dir.build.log" 2>&1; then
    tail -30 "$dir.setup.log" "$dir.build.log" 2>/dev/null
    echo "== $dir: build failed"; status=1; broken=$((broken + 1)); return
  fi
  for target in tests/fuzz/*.cpp; do
    target=$(basename "$target" .cpp)
    mkdir -p "$dir/corpus/$target"
    result=OK
    "$dir/tests/fuzz/$target" -max_total_time="$fuzz_seconds" -print_final_stats=1 \
      "$dir/corpus/$target" "tests/fuzz/corpus/$target" >"$dir/$target.log" 2>&1 || result=FAIL
    line=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$dir/$target.log" | tail -1)
    echo "  $target: $result, ${line:-no summary} (log: $dir/$target.log)"
    [ "$result" = OK ] || { grep -E "ERROR|runtime error|SUMMARY" "$dir/$target.log" | head -5; status=1; }
    echo "{\"name\": \"fuzz $target\", \"result\": \"$result\"}" >>"$checks"
  done
}

# oracle COUNT: normalize_au against python3-phonenumbers over COUNT generated inputs.
oracle() {
  local py=/usr/bin/python3
  [ -x "$py" ] || py=python3
  mkdir -p build-test-oracle &&
    ${CXX:-g++} -std=c++20 -O2 -Iinclude -o build-test-oracle/normalize_lines \
      tests/oracle/normalize_lines.cpp &&
    "$py" tests/oracle/phone_oracle.py build-test-oracle/normalize_lines "$1"
}

if [ "$quick" != 1 ]; then
  timed "suite against single_include/, $first" suite "$first" "build-test-single-${first}" \
    -Dsingle_header=true
  if ! timed "consumers" env CXX="$first" tools/consumers.sh; then
    status=1
    # A failure that no consumer's entry records (the script itself broke) still counts.
    grep -q '"FAIL"' build-consumers/testlog.json 2>/dev/null || broken=$((broken + 1))
  fi
  [ -f build-consumers/testlog.json ] && logs+=(build-consumers/testlog.json)
  timed "build switches" check "build switches" tools/switches.sh
  timed "suite under ASan and UBSan, clang++" suite clang++ build-test-asan \
    -Db_sanitize=address,undefined -Db_lundef=false
  timed "coroutine programs under ASan and UBSan, g++" only g++ build-test-asan-gcc \
    "tests/coroutine_test examples/async_purchase" "coroutine_test async_purchase" \
    -Db_sanitize=address,undefined -Db_lundef=false
  timed "threaded and asynchronous tests under TSan, clang++" only clang++ build-test-tsan \
    "tests/testing/fake_concurrency_test tests/transport/curl_loopback_test tests/transport/fake_server_test tests/transport/beast_loopback_test tests/transport/beast_fake_server_test apps/vnum-fake-server tests/async_client_test tests/coroutine_test examples/async_purchase tests/ledger/ledger_test" \
    "fake_concurrency_test curl_loopback_test fake_server_test beast_loopback_test beast_fake_server_test async_client_test coroutine_test async_purchase ledger_test" \
    -Db_sanitize=thread -Db_lundef=false
  timed "fuzzing, ${fuzz_seconds}s a target" fuzz
  timed "phone oracle" check "phone oracle" oracle 120000
else
  timed "phone oracle" check "phone oracle" oracle 20000
fi

echo "== total: $((SECONDS - started))s"
python3 tools/summarize_tests.py --extra-failed "$broken" "${logs[@]}" || status=1
exit $status
