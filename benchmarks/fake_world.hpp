// What the benchmarks that run vnum-fake-server share: N numbers for sale, and the line that
// reports a failed check.
#ifndef VNUM_BENCHMARKS_FAKE_WORLD_HPP
#define VNUM_BENCHMARKS_FAKE_WORLD_HPP

#include <cstdio>
#include <string>

namespace bench {

// The i-th number for sale: +15550000000 + i.
inline std::string phone(int i) {
  std::string digits = std::to_string(1000000 + i);
  return "+1555" + digits.substr(digits.size() - 7);
}

// N numbers for sale, as the fake server's world file says it.
inline std::string world(int n) {
  std::string out = R"({"available":[)";
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += ',';
    out += R"({"phone_number":")" + phone(i) + R"(","country_code":"US","number_type":"local"})";
  }
  return out + "]}";
}

// Prints "PROGRAM: why" on stderr; false, for `return fail(...)`.
inline bool fail(const char* program, const std::string& why) {
  std::fprintf(stderr, "%s: %s\n", program, why.c_str());
  return false;
}

}  // namespace bench

#endif  // VNUM_BENCHMARKS_FAKE_WORLD_HPP
