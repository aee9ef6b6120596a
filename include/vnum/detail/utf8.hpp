// vnum — UTF-8 as JSON requires it (RFC 8259 §8.1): the checks every text field of a request
// passes, and its length in characters.
// Lower detail level: needs nothing else of vnum; the core headers (error, http, phone) use it.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_UTF8_HPP
#define VNUM_DETAIL_UTF8_HPP

#include <cstddef>
#include <optional>
#include <string_view>

namespace vnum::detail {

// The length of the well-formed UTF-8 sequence at s[i] (1 to 4), or 0 when the bytes there are not
// one: a stray continuation byte, a truncated sequence, an overlong form, a UTF-16 surrogate, or a
// code point above U+10FFFF.
constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

// The byte offset of the first byte that does not start a well-formed sequence; nullopt when all
// of s is valid UTF-8.
constexpr std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

// Characters (code points) in valid UTF-8; what a provider means by "between 3 and 11 characters".
constexpr std::size_t utf8_length(std::string_view s) noexcept {
  std::size_t count = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_UTF8_HPP
