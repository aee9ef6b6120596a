// Splitting a fuzzer's bytes into the parts of a request or an answer, shared by the fuzz targets.
#ifndef VNUM_TESTS_FUZZ_INPUT_HPP
#define VNUM_TESTS_FUZZ_INPUT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

// The bytes as a status (the first two bytes) and a body (the rest).
struct answer_bytes {
  int status = 200;
  std::string_view body;
};

inline answer_bytes split_answer(const std::uint8_t* data, std::size_t size) {
  answer_bytes a;
  if (size < 2) return a;
  const int raw = (data[0] << 8) | data[1];
  // Mostly statuses a provider answers, sometimes any 16-bit value.
  a.status = raw < 0xf000 ? 100 + raw % 500 : raw;
  a.body = std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2);
  return a;
}

// The bytes as fields separated by NUL, at least `count` of them (missing ones are empty).
inline std::vector<std::string> split_fields(const std::uint8_t* data, std::size_t size,
                                             std::size_t count) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0)
      fields.emplace_back();
    else
      fields.back() += static_cast<char>(data[i]);
  }
  if (fields.size() < count) fields.resize(count);
  return fields;
}

}  // namespace fuzz

#endif  // VNUM_TESTS_FUZZ_INPUT_HPP
