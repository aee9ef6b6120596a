#!/usr/bin/env bash
# The build switches of vnum's optional parts, configured in scratch directories (nothing is built):
#   CMake  VNUM_CURL=OFF configures, and its install has no vnum::curl: no vnumCurlTargets.cmake,
#          and a project's find_package(vnum COMPONENTS curl) fails saying why, while COMPONENTS
#          sqlite is found; VNUM_CURL=ON configures (libcurl is installed here); VNUM_CURL=ON with
#          libcurl hidden (CMAKE_DISABLE_FIND_PACKAGE_CURL) fails, naming libcurl and its Debian
#          package; VNUM_CURL left at AUTO with libcurl hidden configures without vnum::curl. The
#          same for VNUM_SQLITE.
#   Meson  -Dcurl=disabled: libcurl is not among the dependencies and nothing that needs it
#          (vnumctl, curl_transport_test) is a target, the Beast transport's tests still are;
#          -Dcurl=enabled: curl_transport_test is a target; in a parent project, vnum as a
#          subproject with -Dvnum:curl=disabled does not provide dependency('vnum-curl'), and with
#          the default it does.
# Prints one line per case, with its log's tail on failure. The scratch directory is
# $VNUM_SWITCHES_DIR (default: a new one under /tmp, removed at the end). Exits non-zero if any
# case failed.
set -u
cd "$(dirname "$0")/.."
root=$PWD
if [ -n "${VNUM_SWITCHES_DIR:-}" ]; then
  work=$VNUM_SWITCHES_DIR
  rm -rf "$work"
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/vnum-switches.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
failed=0
cases=0
started=$SECONDS

# case_ NAME FUNCTION ARG...: runs FUNCTION ARG... with set -e -x in a subshell (whose status no
# if tests, so that set -e holds in it) and prints one line.
case_() {
  local name=$1 log start=$SECONDS rc
  shift
  cases=$((cases + 1))
  log="$work/case-$cases.log"
  (set -ex; "$@") >"$log" 2>&1
  rc=$?
  if [ "$rc" -eq 0 ]; then
    printf '  %-66s OK   %3ds\n' "$name" $((SECONDS - start))
  else
    printf '  %-66s FAIL %3ds\n' "$name" $((SECONDS - start))
    tail -25 "$log" | sed 's/^/    | /'
    failed=$((failed + 1))
  fi
}

# has FILE TEXT...: FILE, its lines joined (CMake wraps long messages), holds each TEXT.
has() {
  local file=$1 joined text
  shift
  joined=$(tr -s ' \n' ' ' <"$file")
  for text in "$@"; do
    case "$joined" in
      *"$text"*) ;;
      *) echo "not in $file: $text"; return 1 ;;
    esac
  done
}

# fails COMMAND...: COMMAND fails (a plain "! COMMAND" would not stop set -e when it succeeds).
fails() {
  if "$@"; then
    echo "succeeded, but should have failed: $*"
    return 1
  fi
}

# configure DIR LOG CMAKE-ARG...: configures vnum with CMake into DIR; its status and output (LOG).
configure() {
  local dir=$1 log=$2
  shift 2
  cmake -S "$root" -B "$dir" -G Ninja "$@" >"$log" 2>&1
}

# A project that asks an installed vnum for the components VNUM_WANT.
mkdir "$work/consumer"
cat >"$work/consumer/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.21)
project(switches LANGUAGES CXX)
find_package(vnum 0.1 CONFIG REQUIRED COMPONENTS ${VNUM_WANT})
message(STATUS "found vnum::${VNUM_WANT}")
EOF

# cmake_off PART COMPONENT OTHER: VNUM_<PART>=OFF configures and leaves COMPONENT out of the
# install; a find_package asking for it fails, one asking for OTHER succeeds.
cmake_off() {
  local part=$1 comp=$2 other=$3 dir="$work/cmake-$2-off"
  local file
  file="vnum$(tr '[:lower:]' '[:upper:]' <<<"${comp:0:1}")${comp:1}Targets.cmake"
  configure "$dir" "$dir.log" -DVNUM_"$part"=OFF
  has "$dir.log" "vnum::$comp off (VNUM_$part=OFF)"
  cmake --install "$dir" --prefix "$dir-prefix"
  test -f "$dir-prefix/share/cmake/vnum/vnumConfig.cmake"
  test ! -e "$dir-prefix/share/cmake/vnum/$file"
  fails cmake -S "$work/consumer" -B "$dir-want-$comp" -DVNUM_WANT="$comp" \
    -DCMAKE_PREFIX_PATH="$dir-prefix" >"$dir-want-$comp.log" 2>&1
  cat "$dir-want-$comp.log"
  has "$dir-want-$comp.log" "vnum::$comp (COMPONENTS $comp): this vnum was installed without it"
  cmake -S "$work/consumer" -B "$dir-want-$other" -DVNUM_WANT="$other" \
    -DCMAKE_PREFIX_PATH="$dir-prefix" >"$dir-want-$other.log" 2>&1
  has "$dir-want-$other.log" "found vnum::$other"
}

# cmake_on PART COMPONENT: VNUM_<PART>=ON configures where the libraries are (here).
cmake_on() {
  local dir="$work/cmake-$2-on"
  configure "$dir" "$dir.log" -DVNUM_"$1"=ON
  has "$dir.log" "vnum::$2 on"
}

# cmake_on_hidden PART COMPONENT PACKAGE TEXT...: VNUM_<PART>=ON with find_package(PACKAGE) disabled
# fails, the message holding each TEXT.
cmake_on_hidden() {
  local part=$1 comp=$2 package=$3 dir="$work/cmake-$2-on-hidden"
  shift 3
  fails configure "$dir" "$dir.log" -DVNUM_"$part"=ON -DCMAKE_DISABLE_FIND_PACKAGE_"$package"=TRUE
  cat "$dir.log"
  has "$dir.log" "VNUM_$part=ON, but" "$@"
}

# cmake_auto_hidden PART COMPONENT PACKAGE: the default (AUTO) with find_package(PACKAGE) disabled
# configures, without COMPONENT.
cmake_auto_hidden() {
  local dir="$work/cmake-$2-auto-hidden"
  configure "$dir" "$dir.log" -DCMAKE_DISABLE_FIND_PACKAGE_"$3"=TRUE
  has "$dir.log" "vnum::$2 off (" "not found; VNUM_$1=AUTO)"
}

# meson_targets DIR: the names of the targets of the Meson build in DIR, one a line.
meson_targets() {
  meson introspect --targets "$1" |
    python3 -c 'import json, sys; print("\n".join(t["name"] for t in json.load(sys.stdin)))'
}

meson_disabled() {
  local dir="$work/meson-curl-disabled"
  meson setup "$dir" "$root" -Dcurl=disabled >"$dir.log" 2>&1 || { cat "$dir.log"; return 1; }
  meson introspect --dependencies "$dir" >"$dir.dependencies"
  fails grep '"name": "libcurl"' "$dir.dependencies"
  meson_targets "$dir" >"$dir.targets"
  fails grep -Ex 'vnumctl|curl_transport_test|fake_server_test' "$dir.targets"
  grep -x beast_transport_test "$dir.targets"
}

meson_enabled() {
  local dir="$work/meson-curl-enabled"
  meson setup "$dir" "$root" -Dcurl=enabled >"$dir.log" 2>&1 || { cat "$dir.log"; return 1; }
  meson introspect --dependencies "$dir" >"$dir.dependencies"
  grep -q '"name": "libcurl"' "$dir.dependencies"
  meson_targets "$dir" >"$dir.targets"
  grep -x curl_transport_test "$dir.targets"
}

# meson_subproject FOUND MESON-ARG...: a parent project with vnum as a subproject, configured with
# MESON-ARG..., finds dependency('vnum-curl') (FOUND true) or not (false).
meson_subproject() {
  local found=$1 dir="$work/meson-parent"
  shift
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir/subprojects"
    ln -s "$root" "$dir/subprojects/vnum"
    cat >"$dir/meson.build" <<'EOF'
project('switches', 'cpp', default_options : ['cpp_std=c++20'])
dependency('vnum', fallback : ['vnum', 'vnum_dep'])
message('vnum-curl found: @0@'.format(dependency('vnum-curl', required : false).found()))
EOF
  fi
  rm -rf "$dir/build"
  meson setup "$dir/build" "$dir" --force-fallback-for=vnum "$@" >"$dir.log" 2>&1 ||
    { cat "$dir.log"; return 1; }
  grep "vnum-curl found" "$dir.log"
  grep -q "vnum-curl found: $found" "$dir.log"
}

echo "== build switches (scratch: $work)"
case_ "cmake VNUM_CURL=OFF: no vnum::curl installed or found" cmake_off CURL curl sqlite
case_ "cmake VNUM_CURL=ON" cmake_on CURL curl
case_ "cmake VNUM_CURL=ON without libcurl: fails, names it" \
  cmake_on_hidden CURL curl CURL "libcurl 7.85 or later" "Debian: libcurl4-openssl-dev"
case_ "cmake VNUM_CURL=AUTO without libcurl: no vnum::curl" cmake_auto_hidden CURL curl CURL
case_ "cmake VNUM_SQLITE=OFF: no vnum::sqlite installed or found" cmake_off SQLITE sqlite curl
case_ "cmake VNUM_SQLITE=ON" cmake_on SQLITE sqlite
case_ "cmake VNUM_SQLITE=ON without SQLite: fails, names it" \
  cmake_on_hidden SQLITE sqlite SQLite3 "SQLite 3.35 or later" "Debian: libsqlite3-dev"
case_ "cmake VNUM_SQLITE=AUTO without SQLite: no vnum::sqlite" \
  cmake_auto_hidden SQLITE sqlite SQLite3
case_ "meson -Dcurl=disabled: no libcurl, vnumctl or curl tests" meson_disabled
case_ "meson -Dcurl=enabled: curl tests" meson_enabled
case_ "meson subproject -Dvnum:curl=disabled: no vnum-curl" meson_subproject false -Dvnum:curl=disabled
case_ "meson subproject, default: vnum-curl" meson_subproject true
echo "== build switches: $failed failed, $((SECONDS - started))s"
[ "$failed" -eq 0 ]
