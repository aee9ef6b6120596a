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

// A set of bytes as a 256-entry table made at compile time: one load per character in the checks
// that every request runs.
struct char_set {
  bool has[256] = {};
  constexpr bool operator()(char c) const noexcept { return has[static_cast<unsigned char>(c)]; }
};

template <class Predicate>
constexpr char_set make_char_set(Predicate in_set) noexcept {
  char_set s;
  for (int c = 0; c < 256; ++c) s.has[c] = in_set(static_cast<char>(c));
  return s;
}

// Equal but for the case of ASCII letters.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

// "\"text\"", for messages. Not "quoted": std::quoted would win overload resolution through
// argument-dependent lookup. Appended rather than concatenated, since g++ 12 at -O3 warns falsely
// (-Wrestrict) on "\"" + std::string(...).
inline std::string in_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
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
