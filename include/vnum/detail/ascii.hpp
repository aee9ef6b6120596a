// vnum — ASCII character classes and case mapping, the one place the library defines them (HTTP
// names, phone numbers, URL segments and country codes are all ASCII; no locale applies).
// Lower detail level: needs nothing else of vnum; the core headers (error, http, phone) use it.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_ASCII_HPP
#define VNUM_DETAIL_ASCII_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace vnum::detail {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 3986 "unreserved": what may stand in a URL path segment or query value unencoded.
constexpr bool is_unreserved(char c) noexcept {
  return is_letter(c) || is_digit(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

// Non-empty and digits only.
constexpr bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char to_upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Equal but for the case of ASCII letters.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

inline std::string to_upper(std::string s) {
  for (char& c : s) c = to_upper(c);
  return s;
}
inline std::string to_lower(std::string s) {
  for (char& c : s) c = to_lower(c);
  return s;
}

// How an error names one character: 'x' when printable ASCII, byte 0x1f otherwise.
inline std::string describe_char(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u >= 0x7f) {
    const char* hex = "0123456789abcdef";
    return std::string("byte 0x") + hex[u >> 4] + hex[u & 0xf];
  }
  return std::string("'") + c + "'";
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_ASCII_HPP
