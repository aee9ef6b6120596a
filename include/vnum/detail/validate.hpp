// vnum — validation rules shared by both providers.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_VALIDATE_HPP
#define VNUM_DETAIL_VALIDATE_HPP

#include <vnum/detail/ascii.hpp>
#include <vnum/detail/country.hpp>
#include <vnum/detail/utf8.hpp>
#include <vnum/error.hpp>
#include <vnum/phone.hpp>

#include <algorithm>
#include <cstdint>
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

// Text goes into a JSON body, which must be UTF-8: a Latin-1 "Café" would make the whole body
// invalid and the provider's error would name no field.
// How long a value may be where the provider documents no limit: far above anything real, so that
// a runaway string (a whole file pasted into a name) is refused instead of sent.
inline constexpr std::size_t max_text_bytes = 1024;
inline constexpr std::size_t max_id_bytes = 128;
inline constexpr std::size_t max_api_key_bytes = 4096;
inline constexpr std::size_t max_base_url_bytes = 2048;

inline error too_long(std::string_view field, std::size_t size, std::size_t max) {
  return invalid_argument(std::string(field), "is " + std::to_string(size) +
                                                  " bytes long; at most " + std::to_string(max) +
                                                  " are accepted");
}

inline result<void> check_text_bytes(std::string_view field, std::string_view value,
                                     std::size_t max) {
  if (value.size() > max) return too_long(field, value.size(), max);
  if (has_control(value))
    return invalid_argument(std::string(field), "must not contain control characters");
  if (auto at = first_invalid_utf8(value))
    return invalid_argument(std::string(field), "is not valid UTF-8 (" + describe_char(value[*at]) +
                                                    " at offset " + std::to_string(*at) + ")");
  return {};
}

// A required text field: not empty nor only spaces, valid UTF-8, free of control characters, and
// at most `max` bytes.
inline result<void> check_required_text(std::string_view field, std::string_view value,
                                        std::size_t max = max_text_bytes) {
  if (value.empty())
    return invalid_argument(std::string(field), "is required and must not be empty");
  if (value.find_first_not_of(' ') == std::string_view::npos)
    return invalid_argument(std::string(field), "is required and must not be only spaces");
  return check_text_bytes(field, value, max);
}

// An optional text field: may be empty; otherwise valid UTF-8 without control characters.
inline result<void> check_optional_text(std::string_view field, std::string_view value,
                                        std::size_t max = max_text_bytes) {
  return check_text_bytes(field, value, max);
}

// The API key goes into a header, so it must not be able to break out of it: a bearer token's
// characters only (RFC 6750 b64token: letters, digits, '-', '.', '_', '~', '+', '/', then '='
// padding). The error names the position, never the key.
inline constexpr char_set bearer_token_chars =
    make_char_set([](char c) { return is_unreserved(c) || c == '+' || c == '/'; });

inline result<void> check_api_key(std::string_view key) {
  if (key.empty()) return invalid_argument("api_key", "is required and must not be empty");
  if (key.size() > max_api_key_bytes) return too_long("api_key", key.size(), max_api_key_bytes);
  const std::size_t padding = key.size() - std::min(key.size(), key.find_last_not_of('=') + 1);
  for (std::size_t i = 0; i + padding < key.size(); ++i) {
    if (!bearer_token_chars(key[i]))
      return invalid_argument("api_key", "has a character a bearer token cannot have at offset " +
                                             std::to_string(i) +
                                             " (letters, digits, '-', '.', '_', '~', '+', '/' and "
                                             "trailing '=' only)");
  }
  if (padding == key.size()) return invalid_argument("api_key", "is only '=' padding");
  return {};
}

// What a base URL must not contain after its scheme.
inline constexpr char_set base_url_refused = make_char_set([](char c) {
  return is_control(c) || c == ' ' || c == '?' || c == '#' || static_cast<unsigned char>(c) >= 0x80;
});

// A checked base URL in two parts: the scheme in lower case, and the rest without a trailing '/'.
struct base_url_parts {
  std::string_view scheme;  // "https://" or "http://"
  std::string_view rest;    // host[:port][/prefix], a view of the configured URL
};

// The configured base URL: http(s)://host[:port][/prefix], no query or fragment. Checked without
// allocating, since every request does it.
inline result<base_url_parts> check_base_url_parts(std::string_view url) {
  if (url.size() > max_base_url_bytes) return too_long("base_url", url.size(), max_base_url_bytes);
  // The scheme is case-insensitive (RFC 3986 §3.1); it goes out in lower case.
  base_url_parts parts;
  if (url.size() >= 8 && iequals(url.substr(0, 8), "https://"))
    parts.scheme = "https://";
  else if (url.size() >= 7 && iequals(url.substr(0, 7), "http://"))
    parts.scheme = "http://";
  else
    return invalid_argument("base_url", "must start with https:// or http://");
  std::string_view rest = url.substr(parts.scheme.size());
  if (rest.empty() || rest[0] == '/') return invalid_argument("base_url", "has no host");
  for (char c : rest)
    if (base_url_refused(c))
      return invalid_argument("base_url",
                              "must not contain spaces, control characters, non-ASCII bytes, '?' "
                              "or '#'");
  while (rest.ends_with('/')) rest.remove_suffix(1);
  parts.rest = rest;
  return parts;
}

// An identifier placed in the URL path must stay exactly one segment: only RFC 3986 unreserved
// characters, and never "." or "..", so it cannot change which resource the request addresses.
inline result<void> check_path_segment(std::string_view field, std::string_view id) {
  if (id.empty()) return invalid_argument(std::string(field), "is required and must not be empty");
  if (id.size() > max_id_bytes) return too_long(field, id.size(), max_id_bytes);
  if (id == "." || id == "..")
    return invalid_argument(std::string(field), "must not be '.' or '..'");
  for (char c : id) {
    if (!is_unreserved(c))
      return invalid_argument(std::string(field),
                              "may only contain letters, digits, '-', '_', '.' and '~' (it is one "
                              "URL path segment)");
  }
  return {};
}

// An identifier the provider assigns as a positive integer (IdentityCall's ids).
inline result<void> check_positive_id(std::string_view field, std::int64_t id) {
  if (id <= 0)
    return invalid_argument(std::string(field), "must be positive, not " + std::to_string(id));
  return {};
}

// A number in E.164 form exactly as phone::is_e164 accepts it; the error says what is wrong rather
// than guessing what a number with spaces or dashes meant.
inline result<void> check_e164(std::string_view field, std::string_view value) {
  if (phone::is_e164(value)) return {};
  auto bad = [field](std::string_view why) { return invalid_argument(std::string(field), why); };
  if (value.empty()) return bad("is required and must not be empty");
  if (value[0] != '+')
    return bad("must start with '+' and the country code (E.164, e.g. +15551234567)");
  for (std::size_t i = 1; i < value.size(); ++i)
    if (value[i] < '0' || value[i] > '9')
      return bad("must be '+' followed by digits only (E.164): found " + describe_char(value[i]) +
                 " at position " + std::to_string(i));
  if (value.size() > 1 && value[1] == '0')
    return bad("must not have a country code starting with 0 (E.164)");
  return bad("has " + std::to_string(value.size() - 1) + " digits; an E.164 number has 8 to 15");
}

// An officially assigned ISO 3166-1 alpha-2 code in upper case ("US").
inline result<void> check_country_code(std::string_view field, std::string_view code) {
  auto bad = [field](std::string_view why) { return invalid_argument(std::string(field), why); };
  if (code.size() != 2 || !is_letter(code[0]) || !is_letter(code[1]))
    return bad("must be an ISO 3166-1 alpha-2 code such as \"US\"");
  const std::string upper = to_upper(std::string(code));
  if (upper != code)
    return bad("must be upper case (\"" + upper + "\", not \"" + std::string(code) + "\")");
  if (!is_iso3166_alpha2(code))
    return bad(in_quotes(upper) + " is not an assigned ISO 3166-1 alpha-2 code");
  return {};
}

// A country (already checked with check_country_code) must be one that the E.164 number's country
// calling code serves: +61 is AU, CC or CX; +1 is any NANP region.
inline result<void> check_country_of_number(std::string_view country_field,
                                            std::string_view country, std::string_view number_field,
                                            std::string_view number) {
  const calling_code* code = find_calling_code(number);
  const std::string quoted = in_quotes(country);
  if (code == nullptr)
    return invalid_argument(std::string(country_field),
                            quoted + " cannot agree with " + std::string(number_field) +
                                ", which starts with no country calling code of a region");
  if (serves(*code, country)) return {};
  std::string regions;
  for (std::size_t i = 0; i + 2 <= code->regions.size(); i += 3) {
    if (!regions.empty()) regions += ", ";
    regions += code->regions.substr(i, 2);
  }
  return invalid_argument(std::string(country_field),
                          quoted + " does not agree with " + std::string(number_field) + ": +" +
                              std::string(code->digits) + " is the country calling code of " +
                              regions);
}

// A plain non-negative decimal as a string: digits, optionally '.' and more digits ("1.50", "0").
// No sign, exponent, grouping or decimal comma.
inline result<void> check_decimal(std::string_view field, std::string_view value) {
  const auto dot = value.find('.');
  const bool ok = dot == std::string_view::npos
                      ? all_digits(value)
                      : all_digits(value.substr(0, dot)) && all_digits(value.substr(dot + 1));
  if (!ok)
    return invalid_argument(
        std::string(field),
        "must be a plain non-negative decimal such as \"1.50\" or \"0\" (digits, "
        "optionally '.' and more digits)");
  return {};
}

// An address that looks like an email address: local@domain, a dot inside the domain, no spaces
// or control characters. No full RFC 5321 check: the providers' own rules are not documented, and
// only what certainly cannot be an address is refused.
inline result<void> check_email(std::string_view field, std::string_view value) {
  if (auto r = check_required_text(field, value); !r) return r;
  const auto at = value.find('@');
  const std::string_view domain =
      at == std::string_view::npos ? std::string_view() : value.substr(at + 1);
  const bool ok =
      at != std::string_view::npos && at > 0 && !domain.empty() &&
      domain.find('@') == std::string_view::npos && value.find(' ') == std::string_view::npos &&
      domain.find('.') != std::string_view::npos && domain.front() != '.' && domain.back() != '.';
  if (!ok)
    return invalid_argument(std::string(field),
                            "is not an email address (local@domain, e.g. jane.doe@example.com)");
  return {};
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_VALIDATE_HPP
