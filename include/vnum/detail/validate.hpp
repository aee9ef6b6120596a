// vnum — validation rules shared by both providers.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_VALIDATE_HPP
#define VNUM_DETAIL_VALIDATE_HPP

#include <vnum/error.hpp>

#include <string>
#include <string_view>

namespace vnum::detail {

constexpr bool is_control(char c) noexcept {
  auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

constexpr bool has_control(std::string_view s) noexcept {
  for (char c : s)
    if (is_control(c)) return true;
  return false;
}

// A required text field: non-empty and free of control characters.
inline result<void> check_required_text(std::string_view field, std::string_view value) {
  if (value.empty()) return invalid_argument(std::string(field), "is required and must not be empty");
  if (has_control(value))
    return invalid_argument(std::string(field), "must not contain control characters");
  return {};
}

// An optional text field: may be empty, never holds control characters.
inline result<void> check_optional_text(std::string_view field, std::string_view value) {
  if (has_control(value))
    return invalid_argument(std::string(field), "must not contain control characters");
  return {};
}

// The API key goes into a header, so it must not be able to break out of it. The error never
// repeats the key.
inline result<void> check_api_key(std::string_view key) {
  if (key.empty()) return invalid_argument("api_key", "is required and must not be empty");
  for (char c : key)
    if (is_control(c) || c == ' ')
      return invalid_argument("api_key",
                              "must not contain spaces, CR, LF or other control characters");
  return {};
}

// The configured base URL: http(s)://host[:port][/prefix], no query or fragment. Returned without
// a trailing '/', so that paths can be appended.
inline result<std::string> check_base_url(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://"))
    rest = url.substr(8);
  else if (url.starts_with("http://"))
    rest = url.substr(7);
  else
    return invalid_argument("base_url", "must start with https:// or http://");
  if (rest.empty() || rest[0] == '/') return invalid_argument("base_url", "has no host");
  for (char c : url)
    if (is_control(c) || c == ' ' || c == '?' || c == '#')
      return invalid_argument("base_url",
                              "must not contain spaces, control characters, '?' or '#'");
  while (url.ends_with('/')) url.remove_suffix(1);
  return std::string(url);
}

// An identifier placed in the URL path must stay exactly one segment: only RFC 3986 unreserved
// characters, and never "." or "..", so it cannot change which resource the request addresses.
inline result<void> check_path_segment(std::string_view field, std::string_view id) {
  if (id.empty()) return invalid_argument(std::string(field), "is required and must not be empty");
  if (id == "." || id == "..") return invalid_argument(std::string(field), "must not be '.' or '..'");
  for (char c : id) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (!unreserved)
      return invalid_argument(std::string(field),
                              "may only contain letters, digits, '-', '_', '.' and '~' (it is one "
                              "URL path segment)");
  }
  return {};
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_VALIDATE_HPP
