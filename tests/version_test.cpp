// Every statement of vnum's version agrees with meson.build's project(), the one place it is set
// (meson passes it as VNUM_MESON_VERSION): include/vnum/version.hpp as compiled in (in a
// single-header build, the single header's copy), the vnum.pc meson generates, the banner and
// macros of each single header, and the version CMakeLists.txt reads (cmake/read_version.cmake).
//   version_test <meson's vnum.pc> <single_include/> [<the version CMake read>]
// Without the third argument (no cmake found) CMake's version is reported as not checked.
#include <vnum/version.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#ifndef VNUM_MESON_VERSION
#error "VNUM_MESON_VERSION: meson passes project()'s version"
#endif

namespace {

#define VNUM_TEST_STR2(x) #x
#define VNUM_TEST_STR(x) VNUM_TEST_STR2(x)

int failures = 0;

void expect(std::string_view what, std::string_view found) {
  const bool ok = found == VNUM_MESON_VERSION;
  std::cout << (ok ? "ok    " : "FAIL  ") << what << ": " << found;
  if (!ok) std::cout << " (meson.build says " << VNUM_MESON_VERSION << ')';
  std::cout << '\n';
  failures += ok ? 0 : 1;
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return {};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The word after the first occurrence of prefix (up to a space, quote or line end).
std::string after(const std::string& text, std::string_view prefix) {
  const auto at = text.find(prefix);
  if (at == std::string::npos) return "(missing '" + std::string(prefix) + "')";
  const auto begin = at + prefix.size();
  return text.substr(begin, text.find_first_of(" \n\"", begin) - begin);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: version_test <vnum.pc> <single_include dir> [<cmake version>]\n";
    return 2;
  }
  expect("VNUM_VERSION_STRING", VNUM_VERSION_STRING);
  expect("VNUM_VERSION_MAJOR.MINOR.PATCH",
         VNUM_TEST_STR(VNUM_VERSION_MAJOR) "." VNUM_TEST_STR(VNUM_VERSION_MINOR) "." VNUM_TEST_STR(
             VNUM_VERSION_PATCH));
  expect(argv[1], after(read(argv[1]), "\nVersion: "));
  for (const char* name : {"vnum.hpp", "vnum_testing.hpp"}) {
    const auto path = std::filesystem::path(argv[2]) / "vnum" / name;
    const std::string text = read(path);
    expect(path.string() + " banner", after(text, "// vnum "));
  }
  const auto single = std::filesystem::path(argv[2]) / "vnum" / "vnum.hpp";
  expect(single.string() + " VNUM_VERSION_STRING",
         after(read(single), "#define VNUM_VERSION_STRING \""));
  if (argc > 3 && *argv[3])
    expect("CMake (cmake/read_version.cmake)", argv[3]);
  else
    std::cout << "      CMake: not checked (cmake not found)\n";
  return failures == 0 ? 0 : 1;
}
