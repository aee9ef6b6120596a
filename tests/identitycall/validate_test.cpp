// IdentityCall validators: every rule, with its exact error.
#include <vnum/identitycall/validate.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace vnum::identitycall;
using vnum::errc;

using support::require_invalid;

namespace {

// The purchase page's cURL example.
purchase_request documented_purchase() {
  purchase_request r;
  r.phone_number = "+15551234567";
  r.country_code = "US";
  r.type = number_type::local;
  r.name = "US Sales Line";
  return r;
}

purchase_request every_field() {
  purchase_request r = documented_purchase();
  r.requirement_group_id = 42;
  r.upfront_cost = "1.00";
  r.monthly_cost = "1.00";
  return r;
}

purchase_request with_number(std::string number) {
  purchase_request r;
  r.phone_number = std::move(number);
  return r;
}

purchase_request with_country(std::string number, std::string country) {
  purchase_request r = with_number(std::move(number));
  r.country_code = std::move(country);
  return r;
}

}  // namespace

TEST_CASE("purchase: the documented request, and one with every field, are valid") {
  CHECK(validate(documented_purchase()));
  CHECK(validate(every_field()));
  CHECK(validate(with_number("+15551234567")));
}

TEST_CASE("purchase: phone_number is required") {
  require_invalid(validate(with_number("")), "phone_number",
                  "phone_number: is required and must not be empty");
}

TEST_CASE("purchase: phone_number must start with '+'") {
  for (std::string_view bad : {"15551234567", "0015551234567", " +15551234567"}) {
    INFO(std::string(bad));
    require_invalid(validate(with_number(std::string(bad))), "phone_number",
                    "phone_number: must start with '+' and the country code (E.164, e.g. "
                    "+15551234567)");
  }
}

TEST_CASE("purchase: spaces, dashes and other characters are not E.164 and are not guessed at") {
  require_invalid(validate(with_number("+1 555 123 4567")), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found ' ' at "
                  "position 2");
  require_invalid(validate(with_number("+1-555-123-4567")), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found '-' at "
                  "position 2");
  require_invalid(validate(with_number("+1(555)1234567")), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found '(' at "
                  "position 2");
  require_invalid(validate(with_number("+15551234567\r\n")), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found byte 0x0d at "
                  "position 12");
  require_invalid(validate(with_number("++15551234567")), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found '+' at "
                  "position 1");
}

TEST_CASE("purchase: a country code never starts with 0") {
  require_invalid(validate(with_number("+05551234567")), "phone_number",
                  "phone_number: must not have a country code starting with 0 (E.164)");
}

TEST_CASE("purchase: 8 to 15 digits in all") {
  CHECK(validate(with_number("+12345678")));
  CHECK(validate(with_number("+123456789012345")));
  require_invalid(validate(with_number("+1234567")), "phone_number",
                  "phone_number: has 7 digits; an E.164 number has 8 to 15");
  require_invalid(validate(with_number("+1234567890123456")), "phone_number",
                  "phone_number: has 16 digits; an E.164 number has 8 to 15");
  require_invalid(validate(with_number("+")), "phone_number",
                  "phone_number: has 0 digits; an E.164 number has 8 to 15");
}

TEST_CASE("purchase: country_code is two letters") {
  for (std::string_view bad : {"", "U", "USA", "U1", "1U", "U ", "\r\n"}) {
    INFO(std::string(bad));
    require_invalid(validate(with_country("+15551234567", std::string(bad))), "country_code",
                    "country_code: must be an ISO 3166-1 alpha-2 code such as \"US\"");
  }
}

TEST_CASE("purchase: country_code is upper case") {
  require_invalid(validate(with_country("+15551234567", "us")), "country_code",
                  "country_code: must be upper case (\"US\", not \"us\")");
  require_invalid(validate(with_country("+15551234567", "Us")), "country_code",
                  "country_code: must be upper case (\"US\", not \"Us\")");
}

TEST_CASE("purchase: country_code is an assigned ISO 3166-1 alpha-2 code") {
  require_invalid(validate(with_country("+15551234567", "XX")), "country_code",
                  "country_code: \"XX\" is not an assigned ISO 3166-1 alpha-2 code");
  // Kosovo's XK is user-assigned, not assigned by ISO 3166-1.
  require_invalid(validate(with_country("+38344123456", "XK")), "country_code",
                  "country_code: \"XK\" is not an assigned ISO 3166-1 alpha-2 code");
  require_invalid(validate(with_country("+15551234567", "UK")), "country_code",
                  "country_code: \"UK\" is not an assigned ISO 3166-1 alpha-2 code");
}

TEST_CASE("purchase: country_code must agree with the number's country calling code") {
  require_invalid(validate(with_country("+61400000000", "US")), "country_code",
                  "country_code: \"US\" does not agree with phone_number: +61 is the country "
                  "calling code of AU, CC, CX");
  require_invalid(validate(with_country("+15551234567", "GB")), "country_code",
                  "country_code: \"GB\" does not agree with phone_number: +1 is the country "
                  "calling code of US, CA, AG, AI, AS, BB, BM, BS, DM, DO, GD, GU, JM, KN, KY, LC, "
                  "MP, MS, PR, SX, TC, TT, UM, VC, VG, VI");
  require_invalid(validate(with_country("+37060012345", "LV")), "country_code",
                  "country_code: \"LV\" does not agree with phone_number: +370 is the country "
                  "calling code of LT");
}

TEST_CASE("purchase: +1 numbers may be any NANP region, and shared codes any of their regions") {
  for (std::string_view region : {"US", "CA", "PR", "JM", "BS", "GU", "VI"}) {
    INFO(std::string(region));
    CHECK(validate(with_country("+15551234567", std::string(region))));
  }
  CHECK(validate(with_country("+61400000000", "AU")));
  CHECK(validate(with_country("+61891621234", "CX")));
  CHECK(validate(with_country("+447700900123", "GB")));
  CHECK(validate(with_country("+447781123456", "GG")));
  CHECK(validate(with_country("+79001234567", "RU")));
  CHECK(validate(with_country("+77011234567", "KZ")));
  CHECK(validate(with_country("+37060012345", "LT")));
  CHECK(validate(with_country("+3584573123456", "AX")));
  CHECK(validate(with_country("+5999123456", "CW")));
}

TEST_CASE("purchase: a number whose calling code serves no region cannot have a country") {
  // +800 is the international freephone code, +999 is unassigned: no country can agree.
  CHECK(validate(with_number("+80012345678")));
  require_invalid(validate(with_country("+80012345678", "US")), "country_code",
                  "country_code: \"US\" cannot agree with phone_number, which starts with no "
                  "country calling code of a region");
  require_invalid(validate(with_country("+99912345678", "US")), "country_code",
                  "country_code: \"US\" cannot agree with phone_number, which starts with no "
                  "country calling code of a region");
}

TEST_CASE("purchase: type must be one of the documented number types") {
  for (auto t :
       {number_type::mobile, number_type::local, number_type::toll_free, number_type::national}) {
    auto r = documented_purchase();
    r.type = t;
    CHECK(validate(r));
  }
  auto r = documented_purchase();
  r.type = static_cast<number_type>(7);
  require_invalid(validate(r), "type",
                  "type: must be number_type::mobile, local, toll_free or national");
}

TEST_CASE("purchase: name must not contain control characters") {
  auto r = documented_purchase();
  r.name = "US Sales\nLine";
  require_invalid(validate(r), "name", "name: must not contain control characters");
  r.name = std::string("US\0Sales", 8);
  require_invalid(validate(r), "name", "name: must not contain control characters");
  r.name = "Ligne de vente – États-Unis";
  CHECK(validate(r));
}

TEST_CASE("purchase: requirement_group_id must be positive") {
  auto r = documented_purchase();
  r.requirement_group_id = 1;
  CHECK(validate(r));
  r.requirement_group_id = 0;
  require_invalid(validate(r), "requirement_group_id",
                  "requirement_group_id: must be positive, not 0");
  r.requirement_group_id = -5;
  require_invalid(validate(r), "requirement_group_id",
                  "requirement_group_id: must be positive, not -5");
}

TEST_CASE("purchase: costs are plain non-negative decimal strings") {
  for (std::string_view good : {"1.50", "0", "1.00", "12", "0.005", "100.0"}) {
    INFO(std::string(good));
    auto r = documented_purchase();
    r.upfront_cost = std::string(good);
    r.monthly_cost = std::string(good);
    CHECK(validate(r));
  }
  for (std::string_view bad :
       {"", "1,50", "-2", "+2", "1e3", "1.", ".5", "1.2.3", " 1", "1 ", "$1", "NaN", "0x10"}) {
    INFO(std::string(bad));
    auto r = documented_purchase();
    r.upfront_cost = std::string(bad);
    require_invalid(validate(r), "upfront_cost",
                    "upfront_cost: must be a plain non-negative decimal such as \"1.50\" or \"0\" "
                    "(digits, optionally '.' and more digits)");
    r = documented_purchase();
    r.monthly_cost = std::string(bad);
    require_invalid(validate(r), "monthly_cost",
                    "monthly_cost: must be a plain non-negative decimal such as \"1.50\" or \"0\" "
                    "(digits, optionally '.' and more digits)");
  }
}

TEST_CASE("virtual number and operator ids must be positive") {
  CHECK(validate_virtual_number_id(7));
  require_invalid(validate_virtual_number_id(0), "id", "id: must be positive, not 0");
  require_invalid(validate_virtual_number_id(-7), "id", "id: must be positive, not -7");
  CHECK(validate_operator_id(22));
  require_invalid(validate_operator_id(0), "operator_id", "operator_id: must be positive, not 0");
}

TEST_CASE("update: the documented request is valid, and so is any one field") {
  CHECK(validate(
      update_request{"US Sales Line - Primary", true, true, routing_strategy::round_robin}));
  CHECK(validate(update_request{"", std::nullopt, std::nullopt, std::nullopt}));
  CHECK(validate(update_request{std::nullopt, false, std::nullopt, std::nullopt}));
  CHECK(validate(update_request{std::nullopt, std::nullopt, false, std::nullopt}));
  CHECK(validate(
      update_request{std::nullopt, std::nullopt, std::nullopt, routing_strategy::simultaneous}));
}

TEST_CASE("update: an update that sets nothing is refused") {
  require_invalid(validate(update_request{}), "update_request",
                  "update_request: sets no field; set at least one of name, active, recording and "
                  "routing");
}

TEST_CASE("update: name must not contain control characters") {
  require_invalid(validate(update_request{"Sales\tLine", std::nullopt, std::nullopt, std::nullopt}),
                  "name", "name: must not contain control characters");
}

TEST_CASE("update: routing must be one of the documented strategies") {
  require_invalid(validate(update_request{std::nullopt, std::nullopt, std::nullopt,
                                          static_cast<routing_strategy>(9)}),
                  "routing",
                  "routing: must be routing_strategy::priority, round_robin or simultaneous");
  // other is what vnum reads for a strategy the docs do not list; it is never sent.
  require_invalid(
      validate(update_request{std::nullopt, std::nullopt, std::nullopt, routing_strategy::other}),
      "routing", "routing: must be routing_strategy::priority, round_robin or simultaneous");
}

TEST_CASE("search: no parameters, or the documented ones, are valid") {
  auto none = validate(search_request{});
  REQUIRE(none);
  CHECK_FALSE(none->country.has_value());
  CHECK_FALSE(none->type.has_value());
  auto documented = validate(search_request{"US", number_type::local});
  REQUIRE(documented);
  CHECK(documented->country == "US");
  CHECK(documented->type == number_type::local);
}

TEST_CASE("search: country is case-insensitive and is sent upper case") {
  auto r = validate(search_request{"lt", std::nullopt});
  REQUIRE(r);
  CHECK(r->country == "LT");
  CHECK(validate(search_request{"Gb", std::nullopt})->country == "GB");
}

TEST_CASE("search: country must be an assigned ISO 3166-1 alpha-2 code") {
  require_invalid(validate(search_request{"USA", std::nullopt}), "country",
                  "country: must be an ISO 3166-1 alpha-2 code such as \"US\"");
  require_invalid(validate(search_request{"", std::nullopt}), "country",
                  "country: must be an ISO 3166-1 alpha-2 code such as \"US\"");
  require_invalid(validate(search_request{"zz", std::nullopt}), "country",
                  "country: \"ZZ\" is not an assigned ISO 3166-1 alpha-2 code");
}

TEST_CASE("search: type must be one of the documented number types") {
  require_invalid(validate(search_request{std::nullopt, static_cast<number_type>(-1)}), "type",
                  "type: must be number_type::mobile, local, toll_free or national");
}

TEST_CASE("add operator: either shape of the page is valid") {
  CHECK(validate(add_operator_request::existing(22)));
  CHECK(validate(add_operator_request::create("+15555550199", "Greta Hall")));
  CHECK(validate(add_operator_request::create("+15555550199")));
}

TEST_CASE("add operator: exactly one of operator_id and phone_number") {
  require_invalid(validate(add_operator_request{}), "operator_id",
                  "operator_id: is required: give operator_id (an existing operator) or "
                  "phone_number (a new one)");
  require_invalid(validate(add_operator_request{22, "+15555550199", std::nullopt}), "operator_id",
                  "operator_id: give either operator_id or phone_number, not both");
}

TEST_CASE("add operator: operator_id must be positive") {
  require_invalid(validate(add_operator_request::existing(0)), "operator_id",
                  "operator_id: must be positive, not 0");
}

TEST_CASE("add operator: a name only goes with a new operator") {
  require_invalid(validate(add_operator_request{22, std::nullopt, "Greta Hall"}), "name",
                  "name: only goes with phone_number (a new operator); an existing operator keeps "
                  "its name");
}

TEST_CASE(
    "add operator: a new operator's phone_number is E.164 and its name has no control characters") {
  require_invalid(validate(add_operator_request::create("+1 555 555 0199")), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found ' ' at "
                  "position 2");
  require_invalid(validate(add_operator_request::create("")), "phone_number",
                  "phone_number: is required and must not be empty");
  require_invalid(validate(add_operator_request::create("+15555550199", "Greta\r\nHall")), "name",
                  "name: must not contain control characters");
}

// ---- Operators

namespace {

// The create page's cURL example.
create_operator_request documented_operator() {
  return {"Jane Doe", "+15551234567", "jane.doe@example.com", true};
}

create_operator_request operator_with_email(std::string email) {
  auto r = documented_operator();
  r.email = std::move(email);
  return r;
}

update_operator_request email_update(std::string email) {
  update_operator_request u;
  u.email = std::move(email);
  return u;
}

}  // namespace

TEST_CASE("create operator: the documented request is valid and is sent as it is") {
  auto r = validate(documented_operator());
  REQUIRE(r);
  CHECK(r->name == "Jane Doe");
  CHECK(r->phone_number == "+15551234567");
  CHECK(r->email == "jane.doe@example.com");
  CHECK(r->active == true);
}

TEST_CASE("create operator: name and phone_number alone are valid") {
  auto r =
      validate(create_operator_request{"Jane Doe", "+15551234567", std::nullopt, std::nullopt});
  REQUIRE(r);
  CHECK_FALSE(r->email.has_value());
  CHECK_FALSE(r->active.has_value());
  CHECK(validate(
      create_operator_request{"Aldona Petrauskaitė", "+37060012345", std::nullopt, false}));
}

TEST_CASE("create operator: name is required text") {
  auto r = documented_operator();
  r.name = "";
  require_invalid(validate(r), "name", "name: is required and must not be empty");
  r.name = "Jane\nDoe";
  require_invalid(validate(r), "name", "name: must not contain control characters");
}

TEST_CASE("create operator: phone_number is E.164; local formats are refused, not guessed at") {
  auto r = documented_operator();
  r.phone_number = "";
  require_invalid(validate(r), "phone_number", "phone_number: is required and must not be empty");
  r.phone_number = "5551234567";
  require_invalid(validate(r), "phone_number",
                  "phone_number: must start with '+' and the country code (E.164, e.g. "
                  "+15551234567)");
  r.phone_number = "060012345";
  require_invalid(validate(r), "phone_number",
                  "phone_number: must start with '+' and the country code (E.164, e.g. "
                  "+15551234567)");
  r.phone_number = "+1 555 123 4567";
  require_invalid(validate(r), "phone_number",
                  "phone_number: must be '+' followed by digits only (E.164): found ' ' at "
                  "position 2");
  r.phone_number = "+1234567";
  require_invalid(validate(r), "phone_number",
                  "phone_number: has 7 digits; an E.164 number has 8 to 15");
}

TEST_CASE("create operator: an email must look like an email address") {
  for (std::string_view good :
       {"jane.doe@example.com", "jane.doe+work@example.com", "a@b.co", "aldona@sub.example.lt"}) {
    INFO(std::string(good));
    CHECK(validate(operator_with_email(std::string(good))));
  }
  for (std::string_view bad : {"jane.doe", "@example.com", "jane@", "jane@example",
                               "jane@@example.com", "jane@exa@mple.com", "jane doe@example.com",
                               "jane@example.com ", "jane@.example.com", "jane@example.com."}) {
    INFO(std::string(bad));
    require_invalid(validate(operator_with_email(std::string(bad))), "email",
                    "email: is not an email address (local@domain, e.g. jane.doe@example.com)");
  }
  require_invalid(validate(operator_with_email("jane@example.com\r\n")), "email",
                  "email: must not contain control characters");
}

TEST_CASE("create operator: an empty email is refused; leave it unset for none") {
  require_invalid(validate(operator_with_email("")), "email",
                  "email: must not be empty; leave it unset for no email");
}

TEST_CASE("update operator: the documented request is valid, and so is any one field") {
  auto documented = validate(update_operator_request{std::nullopt, std::nullopt,
                                                     "jane.doe+work@example.com", false, false});
  REQUIRE(documented);
  CHECK(documented->email == "jane.doe+work@example.com");
  CHECK(documented->active == false);
  CHECK_FALSE(documented->clear_email);
  CHECK(validate(
      update_operator_request{"Jane Roe", std::nullopt, std::nullopt, false, std::nullopt}));
  CHECK(validate(
      update_operator_request{std::nullopt, "+15551234568", std::nullopt, false, std::nullopt}));
  CHECK(validate(
      update_operator_request{std::nullopt, std::nullopt, std::nullopt, true, std::nullopt}));
  CHECK(validate(update_operator_request{std::nullopt, std::nullopt, std::nullopt, false, true}));
}

TEST_CASE("update operator: an update that sets nothing is refused") {
  require_invalid(validate(update_operator_request{}), "update_operator_request",
                  "update_operator_request: sets no field; set at least one of name, "
                  "phone_number, email (or clear_email) and active");
}

TEST_CASE("update operator: email and clear_email together are refused") {
  require_invalid(validate(update_operator_request{std::nullopt, std::nullopt, "jane@example.com",
                                                   true, std::nullopt}),
                  "email", "email: give either email or clear_email, not both");
}

TEST_CASE("update operator: a name, when set, is required text") {
  update_operator_request u;
  u.name = "";
  require_invalid(validate(u), "name", "name: is required and must not be empty");
  u.name = "Jane\tDoe";
  require_invalid(validate(u), "name", "name: must not contain control characters");
}

TEST_CASE("update operator: a phone_number, when set, is E.164") {
  update_operator_request u;
  u.phone_number = "(555) 123-4567";
  require_invalid(validate(u), "phone_number",
                  "phone_number: must start with '+' and the country code (E.164, e.g. "
                  "+15551234567)");
}

TEST_CASE("update operator: an email, when set, looks like an email address and is not empty") {
  require_invalid(validate(email_update("jane.doe")), "email",
                  "email: is not an email address (local@domain, e.g. jane.doe@example.com)");
  require_invalid(validate(email_update("")), "email",
                  "email: must not be empty; set clear_email to remove the email");
}

TEST_CASE("operator requests print without hiding anything (they hold no secret)") {
  std::ostringstream out;
  out << documented_operator();
  CHECK(out.str() ==
        "create_operator_request{name=\"Jane Doe\", phone_number=\"+15551234567\", "
        "email=\"jane.doe@example.com\", active=true}");
  std::ostringstream update;
  update << update_operator_request{std::nullopt, std::nullopt, std::nullopt, true, false};
  CHECK(update.str() ==
        "update_operator_request{name=null, phone_number=null, email=null, clear_email=true, "
        "active=false}");
}

TEST_CASE("operator texts must be valid UTF-8") {
  auto r = documented_operator();
  r.name = "Caf\xe9 Owner";
  require_invalid(validate(r), "name", "name: is not valid UTF-8 (byte 0xe9 at offset 3)");
  require_invalid(validate(operator_with_email("jos\xe9@example.com")), "email",
                  "email: is not valid UTF-8 (byte 0xe9 at offset 3)");
  update_operator_request u;
  u.name = "Caf\xe9";
  require_invalid(validate(u), "name", "name: is not valid UTF-8 (byte 0xe9 at offset 3)");
}
