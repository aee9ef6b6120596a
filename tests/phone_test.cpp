#include <vnum/phone.hpp>

#include <catch2/catch.hpp>

#include <string>

using vnum::errc;
using vnum::phone::is_e164;
using vnum::phone::normalize_au;

namespace {
std::string normalized(std::string_view in) {
  auto r = normalize_au(in);
  if (!r) FAIL_CHECK("normalize_au(\"" << std::string(in) << "\") failed: " << r.error());
  return r ? *r : std::string();
}

// Asserts the exact error, so each rule is pinned down by its message.
void rejected(std::string_view in, std::string_view message) {
  auto r = normalize_au(in);
  INFO("input: " << std::string(in));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "number");
  CHECK(r.error().message == "number: " + std::string(message));
}
}  // namespace

TEST_CASE("normalize_au accepts the four forms Cellcast documents") {
  CHECK(normalized("+61400000000") == "+61400000000");
  CHECK(normalized("61400000000") == "+61400000000");
  CHECK(normalized("0400000000") == "+61400000000");
  CHECK(normalized("400000000") == "+61400000000");
}

TEST_CASE("normalize_au accepts spaces, dashes, dots and parentheses") {
  CHECK(normalized("+61 412 345 678") == "+61412345678");
  CHECK(normalized("0412-345-678") == "+61412345678");
  CHECK(normalized("0412.345.678") == "+61412345678");
  CHECK(normalized("(02) 9876 5432") == "+61298765432");
  CHECK(normalized("  0412 345 678  ") == "+61412345678");
  CHECK(normalized("61 2 9876 5432") == "+61298765432");
}

TEST_CASE("normalize_au accepts the +61 (0) trunk form") {
  CHECK(normalized("+61 (0)412 345 678") == "+61412345678");
  CHECK(normalized("+61(0)2 9876 5432") == "+61298765432");
  CHECK(normalized("61 (0) 412 345 678") == "+61412345678");
  CHECK(normalized("(0) 412 345 678") == "+61412345678");  // the national trunk, bracketed
}

TEST_CASE("normalize_au accepts the trunk 0 written after the country code") {
  CHECK(normalized("+61 0412 345 678") == "+61412345678");
  CHECK(normalized("+610245019920") == "+61245019920");
  CHECK(normalized("61 0412 345 678") == "+61412345678");
}

TEST_CASE("normalize_au accepts the country code in parentheses, with its '+'") {
  CHECK(normalized("(+61) 245 019 920") == "+61245019920");
  CHECK(normalized("+(61) 412345678") == "+61412345678");
  CHECK(normalized("(+61)412345678") == "+61412345678");
}

TEST_CASE("normalize_au accepts mobile and every geographic area code") {
  CHECK(normalized("02 1234 5678") == "+61212345678");
  CHECK(normalized("03 1234 5678") == "+61312345678");
  CHECK(normalized("07 1234 5678") == "+61712345678");
  CHECK(normalized("08 1234 5678") == "+61812345678");
  CHECK(normalized("04 1234 5678") == "+61412345678");
}

TEST_CASE("normalize_au rejects letters and extensions") {
  rejected("0412 345 67a",
           "contains 'a' at position 11; only digits, spaces, '-', '.', '(', ')' and one leading "
           "'+' are allowed");
  rejected("0412345678 ext 12",
           "contains 'e' at position 11; only digits, spaces, '-', '.', '(', ')' and one leading "
           "'+' are allowed");
  rejected("0412345678#1",
           "contains '#' at position 10; only digits, spaces, '-', '.', '(', ')' and one leading "
           "'+' are allowed");
  rejected("0412\t345678",
           "contains byte 0x09 at position 4; only digits, spaces, '-', '.', '(', ')' and one "
           "leading '+' are allowed");
}

TEST_CASE("normalize_au rejects a second or misplaced '+'") {
  rejected("++61412345678",
           "has a '+' at position 1; '+' may only come once, before the first digit");
  rejected("61+412345678",
           "has a '+' at position 2; '+' may only come once, before the first digit");
  rejected(" (+61) +412345678",
           "has a '+' at position 7; '+' may only come once, before the first digit");
}

TEST_CASE("normalize_au rejects wrong lengths") {
  rejected("04123456789",
           "has 11 digits; expected the forms +61400000000, 61400000000, "
           "0400000000 or 400000000");
  rejected("41234567",
           "has 8 digits; expected the forms +61400000000, 61400000000, 0400000000 "
           "or 400000000");
  rejected("+614123456", "has 7 digits after the country code 61; an Australian number has 9");
  rejected("+6104123456789", "has 11 digits after the country code 61; an Australian number has 9");
}

TEST_CASE("normalize_au rejects other countries' numbers") {
  rejected("+15551234567", "is not an Australian number: its country code is not +61");
  rejected("+64212345678", "is not an Australian number: its country code is not +61");
  rejected("64212345678",
           "has 11 digits; expected the forms +61400000000, 61400000000, "
           "0400000000 or 400000000");
}

TEST_CASE("normalize_au rejects numbers that are neither mobile nor geographic") {
  rejected("0512345678", "is not an Australian mobile (4…) or geographic (2, 3, 7, 8…) number");
  rejected("+61112345678", "is not an Australian mobile (4…) or geographic (2, 3, 7, 8…) number");
}

TEST_CASE("normalize_au rejects empty and malformed input") {
  rejected("", "is empty");
  rejected("   ", "is empty");
  rejected("+", "contains no digits");
  rejected("(0412 345 678", "has a '(' without a matching ')'");
  rejected("0412) 345 678", "has a ')' without a matching '('");
  rejected("((02)) 9876 5432", "has nested parentheses");
  rejected("0412 (0) 345 678", "has \"(0)\" that does not follow the country code 61");
  rejected("+61 (0)0 2587 14984",
           "has 10 digits after the country code 61; an Australian number has 9");
  rejected("61 (0)4 7538478", "has 8 digits after the country code 61; an Australian number has 9");
  rejected(std::string(65, '4'), "is 65 characters long; at most 64 are accepted");
}

TEST_CASE("is_e164 accepts '+' and 8 to 15 digits with a country code not starting with 0") {
  CHECK(is_e164("+15551234567"));
  CHECK(is_e164("+61400000000"));
  CHECK(is_e164("+12345678"));
  CHECK(is_e164("+123456789012345"));
  CHECK_FALSE(is_e164("+1234567"));
  CHECK_FALSE(is_e164("+1234567890123456"));
  CHECK_FALSE(is_e164("15551234567"));
  CHECK_FALSE(is_e164("+05551234567"));
  CHECK_FALSE(is_e164("+1 555 123 4567"));
  CHECK_FALSE(is_e164("+1-555-123-4567"));
  CHECK_FALSE(is_e164("+1555123456a"));
  CHECK_FALSE(is_e164(""));
}
