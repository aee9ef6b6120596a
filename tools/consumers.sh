#!/usr/bin/env bash
# Builds and runs the consumer projects of tests/consumers/, each consuming vnum the way a user
# would, from copies in build-consumers/ (or $VNUM_CONSUMERS_DIR). Each buys a number through
# vnum::testing::fake_cellcast and exits 0 only if that worked:
#   single_header        the two single headers copied next to two .cpp files, one bare g++ line
#   meson_subproject     dependency('vnum') from subprojects/ (the wrap's directory: this checkout)
#   cmake_subdirectory   add_subdirectory(third_party/vnum) (this checkout)
#   cmake_find_package   find_package(vnum 0.1 CONFIG REQUIRED) after cmake --install to a prefix
#   pkg_config (cmake)   a Makefile using pkg-config --cflags vnum, against that prefix
#   pkg_config (meson)   the same Makefile against a prefix that meson install wrote
#   meson wrap-file      a [wrap-file] subprojects/vnum.wrap naming the tarball meson dist made of
#                        this checkout (its last commit), found in subprojects/packagecache/ with
#                        downloads off; dependency('vnum') and dependency('vnum-curl')
# Prints one line per consumer with the time it took, and writes build-consumers/testlog.json in
# meson's test-log format (one entry per consumer) for tools/summarize_tests.py.
# The compiler is $CXX (default g++). Exits non-zero if any consumer failed.
set -u
cd "$(dirname "$0")/.."
root=$PWD
out=${VNUM_CONSUMERS_DIR:-$root/build-consumers}
export CXX=${CXX:-g++}
warnings=(-Wall -Wextra -Wpedantic -Werror)
jobs=${VNUM_JOBS:-2}

rm -rf "$out"
mkdir -p "$out"
: >"$out/testlog.json"
failed=0

# consumer NAME FUNCTION: runs FUNCTION (with set -e -x) in a subshell, output to NAME's log. The
# subshell's status is taken after it ends, not tested by an if: under an if, set -e would not stop
# at a failing step, and only the last step would count.
consumer() {
  local name=$1 fn=$2 start=$SECONDS result=OK rc
  local log="$out/$fn.log"
  (set -ex; "$fn") >"$log" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then
    result=FAIL
    failed=$((failed + 1))
  fi
  printf '  %-32s %-4s %4ds\n' "$name" "$result" $((SECONDS - start))
  [ "$result" = OK ] || { tail -25 "$log" | sed 's/^/    | /'; echo "    (whole log: $log)"; }
  python3 -c 'import json, sys; print(json.dumps({"name": "consumer " + sys.argv[1],
    "result": sys.argv[2], "duration": float(sys.argv[3])}))' \
    "$name" "$result" $((SECONDS - start)) >>"$out/testlog.json"
}

# A copy of tests/consumers/$1 with the program all consumers share (common/), in $out/$2, the
# current directory from then on.
copy() {
  cp -r "$root/tests/consumers/$1" "$out/$2"
  cp "$root"/tests/consumers/common/*.cpp "$out/$2/"
  cd "$out/$2"
}

single_header() {
  mkdir "$out/single_header"
  cp "$root"/tests/consumers/common/*.cpp "$root"/single_include/vnum/*.hpp "$out/single_header/"
  cd "$out/single_header"
  ls
  # No -I: the single headers lie next to the sources.
  "$CXX" -std=c++20 "${warnings[@]}" -o buy_number main.cpp vnum_impl.cpp
  ./buy_number
}

meson_subproject() {
  copy meson_subproject meson_subproject
  ln -s "$root" subprojects/vnum  # what the wrap would have fetched
  # Forced: a vnum.pc installed on this machine must not stand in for the subproject.
  meson setup build --force-fallback-for=vnum
  ninja -C build -j "$jobs"
  ./build/buy_number
  ./build/buy_async
  ./build/buy_once
}

cmake_subdirectory() {
  copy cmake_subdirectory cmake_subdirectory
  mkdir third_party
  ln -s "$root" third_party/vnum  # a copy or git submodule of vnum
  cmake -S . -B build -G Ninja
  cmake --build build -j "$jobs"
  ./build/buy_number
}

cmake_find_package() {
  cmake -S "$root" -B "$out/vnum-cmake-build" -G Ninja
  cmake --install "$out/vnum-cmake-build" --prefix "$out/prefix-cmake"
  copy cmake_find_package cmake_find_package
  cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$out/prefix-cmake"
  cmake --build build -j "$jobs"
  ./build/buy_number
  ./build/buy_async
  ./build/buy_once
}

pkg_config_cmake() {
  test -f "$out/prefix-cmake/share/pkgconfig/vnum.pc"  # written by cmake_find_package
  copy pkg_config pkg_config_cmake
  PKG_CONFIG_PATH="$out/prefix-cmake/share/pkgconfig" make -j "$jobs"
  ./buy_number
}

pkg_config_meson() {
  meson setup "$out/vnum-meson-build" "$root" --prefix "$out/prefix-meson"
  # The headers and vnum.pc (the "devel" tag): the programs (vnum-fake-server, vnumctl) are not
  # built here, and a library user's install needs none of them.
  meson install -C "$out/vnum-meson-build" --no-rebuild --tags devel
  copy pkg_config pkg_config_meson
  PKG_CONFIG_PATH="$out/prefix-meson/share/pkgconfig" make -j "$jobs"
  ./buy_number
}

meson_wrap_file() {
  local dist="$out/vnum-dist-build" version tarball hash
  # The release tarball, made as for a release: meson dist from a configured build packs the last
  # commit (git archive HEAD); --allow-dirty lets a checkout with uncommitted changes make one too,
  # without them.
  meson setup "$dist" "$root"
  meson dist -C "$dist" --no-tests --formats xztar --allow-dirty
  version=$(meson introspect --projectinfo "$dist" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
  tarball="vnum-$version.tar.xz"
  hash=$(sha256sum "$dist/meson-dist/$tarball" | cut -d' ' -f1)
  copy wrap_file meson_wrap_file
  mkdir subprojects/packagecache
  cp "$dist/meson-dist/$tarball" subprojects/packagecache/
  sed -e "s/@VERSION@/$version/g" -e "s/@SOURCE_HASH@/$hash/" subprojects/vnum.wrap.in \
    >subprojects/vnum.wrap
  rm subprojects/vnum.wrap.in
  cat subprojects/vnum.wrap
  # nodownload: the wrap's source_url is never fetched; the tarball comes from packagecache/.
  meson setup build --wrap-mode=nodownload --force-fallback-for=vnum
  test -f "subprojects/vnum-$version/meson.build"  # unpacked from the tarball
  ninja -C build -j "$jobs"
  ./build/buy_number
  ./build/curl_client
}

echo "== consumers (CXX=$CXX; logs in ${out#"$root"/}/)"
consumer "single header" single_header
consumer "meson subproject" meson_subproject
consumer "cmake add_subdirectory" cmake_subdirectory
consumer "cmake find_package" cmake_find_package
consumer "pkg-config (cmake install)" pkg_config_cmake
consumer "pkg-config (meson install)" pkg_config_meson
consumer "meson wrap-file" meson_wrap_file
[ "$failed" -eq 0 ]
