// vnum — phone-number checks: Australian normalization and E.164.
// SPDX-License-Identifier: MIT
#ifndef VNUM_PHONE_HPP
#define VNUM_PHONE_HPP

#include <vnum/detail/ascii.hpp>
#include <vnum/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace vnum::phone {

namespace detail {

using vnum::detail::describe_char;
using vnum::detail::is_digit;

constexpr bool is_separator(char c) noexcept {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

}  // namespace detail

/// Normalizes an Australian mobile (4…) or geographic (2, 3, 7, 8…) number written in any of the
/// forms Cellcast documents (+61400000000, 61400000000, 0400000000, 400000000), with spaces, '-',
/// '.', parentheses, "(+61)", and the trunk 0 after the country code ("+61 (0)4…", "+61 04…"), to
/// "+61" followed by 9 digits.
/// @param input the number as written (at most 64 characters; surrounding spaces are ignored)
/// @param field the request field to name in an error
/// @return the number as "+61" and 9 digits, or errc::invalid_argument with error::field set to
///         `field` and a message that says what is wrong
inline result<std::string> normalize_au(std::string_view input, std::string_view field) {
  auto phone_error = [field](std::string_view why) {
    return invalid_argument(std::string(field), why);
  };
  constexpr std::size_t max_input = 64;  // far above any formatted number; stops pathological input
  if (input.size() > max_input)
    return phone_error("is " + std::to_string(input.size()) + " characters long; at most " +
                       std::to_string(max_input) + " are accepted");

  std::size_t begin = 0;
  std::size_t end = input.size();
  while (begin < end && input[begin] == ' ') ++begin;
  while (end > begin && input[end - 1] == ' ') --end;
  std::string_view s = input.substr(begin, end - begin);
  if (s.empty()) return phone_error("is empty");

  bool international = false;
  bool trunk_in_parentheses = false;  // "(0)" as in "+61 (0)4…"
  std::size_t trunk_position = 0;     // how many digits preceded the "(0)"
  bool in_parentheses = false;
  std::size_t group_start = 0;
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (detail::is_digit(c)) {
      digits += c;
    } else if (c == '+') {
      // "+61 …", "(+61) …" and "+(61) …" alike: the '+' belongs before the country code.
      if (international || !digits.empty())
        return phone_error("has a '+' at position " + std::to_string(begin + i) +
                           "; '+' may only come once, before the first digit");
      international = true;
    } else if (c == '(') {
      if (in_parentheses) return phone_error("has nested parentheses");
      in_parentheses = true;
      group_start = digits.size();
    } else if (c == ')') {
      if (!in_parentheses) return phone_error("has a ')' without a matching '('");
      in_parentheses = false;
      if (digits.size() == group_start + 1 && digits.back() == '0') {
        trunk_in_parentheses = true;
        trunk_position = group_start;
      }
    } else if (!detail::is_separator(c)) {
      return phone_error(
          "contains " + detail::describe_char(c) + " at position " + std::to_string(begin + i) +
          "; only digits, spaces, '-', '.', '(', ')' and one leading '+' are allowed");
    }
  }
  if (in_parentheses) return phone_error("has a '(' without a matching ')'");
  if (digits.empty()) return phone_error("contains no digits");

  if (trunk_in_parentheses && trunk_position == 0 && !international) {
    trunk_in_parentheses = false;  // "(0) 412 345 678": the national form's own trunk 0
  } else if (trunk_in_parentheses) {
    // Anywhere else "(0)" is only the trunk prefix written after the country code.
    if (trunk_position != 2 || digits.compare(0, 2, "61") != 0)
      return phone_error("has \"(0)\" that does not follow the country code 61");
    digits.erase(trunk_position, 1);
  }

  // The trunk 0 is often written after the country code too ("+61 0412 345 678", as on business
  // cards); like "(0)" it is not part of the number, and there is only one.
  std::string national;
  auto after_country_code = [&]() -> result<std::string> {
    std::string rest = digits.substr(2);
    if (!trunk_in_parentheses && rest.size() == 10 && rest[0] == '0') rest.erase(0, 1);
    if (rest.size() != 9)
      return phone_error("has " + std::to_string(rest.size()) +
                         " digits after the country code 61; an Australian number has 9");
    return rest;
  };
  if (international || trunk_in_parentheses) {
    if (digits.compare(0, 2, "61") != 0)
      return phone_error("is not an Australian number: its country code is not +61");
    auto rest = after_country_code();
    if (!rest) return rest.error();
    national = std::move(*rest);
  } else if (digits.size() == 11 && digits.compare(0, 2, "61") == 0) {
    national = digits.substr(2);
  } else if (digits.size() == 12 && digits.compare(0, 3, "610") == 0) {
    national = digits.substr(3);
  } else if (digits.size() == 10 && digits[0] == '0') {
    national = digits.substr(1);
  } else if (digits.size() == 9 && digits[0] != '0') {
    national = digits;
  } else {
    return phone_error("has " + std::to_string(digits.size()) +
                       " digits; expected the forms +61400000000, 61400000000, 0400000000 or "
                       "400000000");
  }
  switch (national[0]) {
    case '4':
    case '2':
    case '3':
    case '7':
    case '8':
      break;
    default:
      return phone_error("is not an Australian mobile (4…) or geographic (2, 3, 7, 8…) number");
  }
  return "+61" + national;
}

/// normalize_au(input, "number").
/// @param input the number as written
/// @return the number as "+61" and 9 digits, or errc::invalid_argument for the field "number"
inline result<std::string> normalize_au(std::string_view input) {
  return normalize_au(input, "number");
}

/// Whether a text is in E.164 form: '+', a country code that does not start with 0, and 8 to 15
/// digits in all; nothing else (no spaces, dashes or parentheses).
/// @param s the text
/// @return true when it is in that form
constexpr bool is_e164(std::string_view s) noexcept {
  if (s.size() < 9 || s.size() > 16 || s[0] != '+' || s[1] == '0') return false;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (!detail::is_digit(s[i])) return false;
  return true;
}

}  // namespace vnum::phone

#endif  // VNUM_PHONE_HPP
