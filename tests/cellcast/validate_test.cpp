// Cellcast validators: every rule, with its exact error.
#include <vnum/cellcast/validate.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace vnum::cellcast;
using vnum::errc;

using support::require_invalid;

namespace {

purchase_request card_purchase() {
  return {"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17",
          billing_cycle::month, false};
}

product_catalog catalog() {
  product_catalog c;
  c.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_YEARLYx9"});
  c.add("77fb00000000000000000001", {"prod_OTHERmonth", "prod_OTHERyear"});
  return c;
}

becs_debit becs_api_only() { return {"ops@example.com.au", "John Doe", "", "000000", "000123456"}; }

}  // namespace

TEST_CASE("purchase: the documented card purchase is valid") {
  CHECK(validate(card_purchase()));
  CHECK(validate(card_purchase(), catalog()));
}

TEST_CASE("purchase: the product must be the number's product for the chosen cycle") {
  auto r = card_purchase();
  r.recurring_time = billing_cycle::year;
  require_invalid(validate(r, catalog()), "product",
                  "product: \"prod_PFdN753rT3lNFW\" is not the year product of number "
                  "\"66ea98514f0c1a121c76ec17\" (it is that number's month product): its month "
                  "product is \"prod_PFdN753rT3lNFW\" and its year product is \"prod_YEARLYx9\"");
  r.product = "prod_YEARLYx9";
  CHECK(validate(r, catalog()));
}

TEST_CASE("purchase: a product of another number is rejected") {
  auto r = card_purchase();
  r.product = "prod_OTHERmonth";
  require_invalid(validate(r, catalog()), "product",
                  "product: \"prod_OTHERmonth\" is not the month product of number "
                  "\"66ea98514f0c1a121c76ec17\": its month product is \"prod_PFdN753rT3lNFW\" and "
                  "its year product is \"prod_YEARLYx9\"");
}

TEST_CASE("purchase: a number the catalog does not list goes out unchecked") {
  auto r = card_purchase();
  r.number = "99aa00000000000000000000";
  r.product = "prod_anything";
  CHECK(validate(r, catalog()));
}

TEST_CASE("purchase: recurring_time must be set") {
  auto r = card_purchase();
  r.recurring_time = billing_cycle{};
  require_invalid(validate(r), "recurring_time",
                  "recurring_time: must be billing_cycle::month or billing_cycle::year");
}

TEST_CASE("purchase: product and number are required") {
  auto r = card_purchase();
  r.product.clear();
  require_invalid(validate(r), "product", "product: is required and must not be empty");
  r = card_purchase();
  r.number.clear();
  require_invalid(validate(r), "number", "number: is required and must not be empty");
}

TEST_CASE("purchase: fields must not contain control characters") {
  auto r = card_purchase();
  r.card = "card_1\r\nX-Evil: 1";
  require_invalid(validate(r), "card", "card: must not contain control characters");
  r = card_purchase();
  r.product = std::string("prod_\0x", 7);
  require_invalid(validate(r), "product", "product: must not contain control characters");
  r = card_purchase();
  r.card.clear();
  r.token = "tok_\n";
  require_invalid(validate(r), "token", "token: must not contain control characters");
}

TEST_CASE("purchase: exactly one payment method") {
  auto r = card_purchase();
  r.card.clear();
  require_invalid(validate(r), "card", "card: is required: pay with a card ID, a token, or becs");
  r.token = "tok_1ABC123DEF456";
  CHECK(validate(r));
  r.card = "card_1SQmzoGOdUwLPbU6ll0QwsyH";
  require_invalid(validate(r), "card", "card: give exactly one of card, token and becs");
  r.token.clear();
  r.becs = becs_api_only();
  require_invalid(validate(r), "card", "card: give exactly one of card, token and becs");
}

TEST_CASE("purchase: BECS direct debit, API-only or with a payment method") {
  auto r = card_purchase();
  r.card.clear();
  r.becs = becs_api_only();
  CHECK(validate(r));
  r.becs = becs_debit{"ops@example.com.au", "John Doe", "pm_1ABC123DEF456", "", ""};
  CHECK(validate(r));
}

TEST_CASE("purchase: BECS fields are checked") {
  auto r = card_purchase();
  r.card.clear();
  r.becs = becs_api_only();
  r.becs->email = "ops.example.com";
  require_invalid(validate(r), "becs.email",
                  "becs.email: is not an email address (local@domain, e.g. jane.doe@example.com)");
  r.becs = becs_api_only();
  r.becs->email.clear();
  require_invalid(validate(r), "becs.email", "becs.email: is required and must not be empty");
  r.becs = becs_api_only();
  r.becs->account_name.clear();
  require_invalid(validate(r), "becs.account_name",
                  "becs.account_name: is required and must not be empty");
  r.becs = becs_api_only();
  r.becs->bsb_number = "000-000";
  require_invalid(validate(r), "becs.bsb_number", "becs.bsb_number: must contain digits only");
  r.becs->bsb_number = "00000";
  require_invalid(validate(r), "becs.bsb_number",
                  "becs.bsb_number: must be 6 digits (e.g. 000000, without '-')");
  r.becs = becs_api_only();
  r.becs->account_number.clear();
  require_invalid(validate(r), "becs.account_number",
                  "becs.account_number: is required and must not be empty");
  r.becs = becs_api_only();
  r.becs->payment_method = "pm_1ABC123DEF456";
  require_invalid(validate(r), "becs.payment_method",
                  "becs.payment_method: give either payment_method or bsb_number and "
                  "account_number, not both");
}

namespace {
// Not Cellcast ObjectIds: 23 and 25 digits, a non-hex letter, a short id, and ids that would leave
// the URL path segment they are put in.
constexpr std::string_view not_object_ids[] = {"66ea98514f0c1a121c76ec1",
                                               "66ea98514f0c1a121c76ec17a",
                                               "66ea98514f0c1a121c76ec1g",
                                               "n1",
                                               "abc",
                                               "66ea98514f0c1a121c76ec1 ",
                                               "66ea98514f0c1a121c76ec1\t",
                                               "66ea98514f0c1a121/../ec17",
                                               "66ea98514f0c1a121c76ec%2F",
                                               "..",
                                               "0x6ea98514f0c1a121c76ec17"};
}  // namespace

TEST_CASE("purchase: the number is a Cellcast ObjectId, 24 hex digits of either case") {
  auto r = card_purchase();
  r.number = "66EA98514F0C1A121C76EC17";
  CHECK(validate(r));
  r.number = "66eA98514f0C1a121c76Ec17";
  CHECK(validate(r));
}

TEST_CASE("purchase: a number that is not a Cellcast ObjectId is refused") {
  for (std::string_view bad : not_object_ids) {
    INFO(std::string(bad));
    auto r = card_purchase();
    r.number = std::string(bad);
    require_invalid(validate(r), "number",
                    "number: must be a Cellcast ObjectId: 24 hexadecimal digits");
  }
}

TEST_CASE("postpaid purchase: the number is required") {
  require_invalid(validate(postpaid_purchase_request{"", false}), "number",
                  "number: is required and must not be empty");
}

TEST_CASE("postpaid purchase: the number is a Cellcast ObjectId, 24 hex digits of either case") {
  auto r = validate(postpaid_purchase_request{"66ea98514f0c1a121c76ec17", false});
  REQUIRE(r);
  CHECK(r->number == "66ea98514f0c1a121c76ec17");
  CHECK(validate(postpaid_purchase_request{"66EA98514F0C1A121C76EC17", false}));
}

TEST_CASE("postpaid purchase: a number that is not a Cellcast ObjectId is refused") {
  for (std::string_view bad : not_object_ids) {
    INFO(std::string(bad));
    require_invalid(validate(postpaid_purchase_request{std::string(bad), false}), "number",
                    "number: must be a Cellcast ObjectId: 24 hexadecimal digits");
  }
}

TEST_CASE("unsubscribe: the id is a Cellcast ObjectId, 24 hex digits of either case") {
  CHECK(validate_virtual_number_id("66ea98514f0c1a121c76ec17"));
  CHECK(validate_virtual_number_id("66EA98514F0C1A121C76EC17"));
}

TEST_CASE("unsubscribe: an id that is not a Cellcast ObjectId is refused, path escapes too") {
  for (std::string_view bad : not_object_ids) {
    INFO(std::string(bad));
    require_invalid(validate_virtual_number_id(bad), "id",
                    "id: must be a Cellcast ObjectId: 24 hexadecimal digits");
  }
}

TEST_CASE("unsubscribe: the id is required") {
  require_invalid(validate_virtual_number_id(""), "id", "id: is required and must not be empty");
}

TEST_CASE("custom number: the number is normalized to +61") {
  auto r = validate(custom_number_request{"Custom Number", "0400 000 000"});
  REQUIRE(r);
  CHECK(r->name == "Custom Number");
  CHECK(r->number == "+61400000000");
}

TEST_CASE("custom number: name required, number must be Australian") {
  require_invalid(validate(custom_number_request{"", "+61400000000"}), "name",
                  "name: is required and must not be empty");
  require_invalid(validate(custom_number_request{"Custom\nNumber", "+61400000000"}), "name",
                  "name: must not contain control characters");
  require_invalid(validate(custom_number_request{"Custom Number", ""}), "number",
                  "number: is empty");
  require_invalid(validate(custom_number_request{"Custom Number", "+15551234567"}), "number",
                  "number: is not an Australian number: its country code is not +61");
}

TEST_CASE("verify custom number: name, number and otp") {
  auto r = validate(verify_custom_number_request{"Custom Number", "61400000000", "123456"});
  REQUIRE(r);
  CHECK(r->number == "+61400000000");
  CHECK(r->otp == "123456");
  require_invalid(validate(verify_custom_number_request{"Custom Number", "61400000000", ""}), "otp",
                  "otp: is required and must not be empty");
  require_invalid(validate(verify_custom_number_request{"Custom Number", "61400000000", "123 456"}),
                  "otp", "otp: must not contain spaces");
  require_invalid(validate(verify_custom_number_request{"", "61400000000", "123456"}), "name",
                  "name: is required and must not be empty");
  require_invalid(validate(verify_custom_number_request{"Custom Number", "6140000000", "123456"}),
                  "number",
                  "number: has 10 digits; expected the forms +61400000000, 61400000000, "
                  "0400000000 or 400000000");
}

namespace {
business_name_request business() {
  business_name_request r;
  r.business_name = "Pizza Biz";
  r.description_internal = "Marketing campaigns";
  r.purpose_of_use = "Promotional SMS";
  r.ownership = true;
  r.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au",
               "123 Main St, Sydney NSW 2000"};
  r.requestor = {"John", "Smith", "Marketing Manager", "0400000000", "john@pizzaco.com.au"};
  r.customer_contact = "0400 000 000";
  return r;
}
}  // namespace

TEST_CASE("business name: a complete request is valid and its contact normalized") {
  auto r = validate(business());
  REQUIRE(r);
  CHECK(r->customer_contact == "+61400000000");
  auto without_contact = business();
  without_contact.customer_contact.clear();
  REQUIRE(validate(without_contact));
  CHECK(validate(without_contact)->customer_contact.empty());
}

TEST_CASE("business name: every rule of the page") {
  auto r = business();
  r.business_name = "Pi";
  require_invalid(validate(r), "business_name",
                  "business_name: must be between 3 and 11 characters");
  r.business_name = "Pizza Business";
  require_invalid(validate(r), "business_name",
                  "business_name: must be between 3 and 11 characters");
  r = business();
  r.description_internal.clear();
  require_invalid(validate(r), "description_internal",
                  "description_internal: is required and must not be empty");
  r = business();
  r.purpose_of_use.clear();
  require_invalid(validate(r), "purpose_of_use",
                  "purpose_of_use: is required and must not be empty");
  r = business();
  r.company.abn = "1234567890";
  require_invalid(validate(r), "company.abn", "company.abn: must be 11 digits");
  r.company.abn = "12 345 678 901";
  require_invalid(validate(r), "company.abn", "company.abn: must contain digits only");
  r = business();
  r.company.website.clear();
  require_invalid(validate(r), "company.website",
                  "company.website: is required and must not be empty");
  r = business();
  r.requestor.phone_number = "+61400000000";
  require_invalid(validate(r), "requestor.phone_number",
                  "requestor.phone_number: must contain digits only");
  r = business();
  r.requestor.email = "john@";
  require_invalid(
      validate(r), "requestor.email",
      "requestor.email: is not an email address (local@domain, e.g. jane.doe@example.com)");
  r = business();
  r.customer_contact = "+15551234567";
  require_invalid(validate(r), "customer_contact",
                  "customer_contact: is not an Australian number: its country code is not +61");
}

TEST_CASE("business name: every required field must be present") {
  struct field {
    const char* name;
    std::string business_name_request::*member;
  };
  for (auto [name, member] :
       {field{"business_name", &business_name_request::business_name},
        field{"description_internal", &business_name_request::description_internal},
        field{"purpose_of_use", &business_name_request::purpose_of_use}}) {
    auto r = business();
    r.*member = "";
    require_invalid(validate(r), name, std::string(name) + ": is required and must not be empty");
  }
  for (auto [name, member] : {std::pair{"company.name", &company_information::name},
                              std::pair{"company.abn", &company_information::abn},
                              std::pair{"company.website", &company_information::website},
                              std::pair{"company.address", &company_information::address}}) {
    auto r = business();
    r.company.*member = "";
    require_invalid(validate(r), name, std::string(name) + ": is required and must not be empty");
  }
  for (auto [name, member] : {std::pair{"requestor.first_name", &requestor_contact::first_name},
                              std::pair{"requestor.last_name", &requestor_contact::last_name},
                              std::pair{"requestor.position", &requestor_contact::position},
                              std::pair{"requestor.phone_number", &requestor_contact::phone_number},
                              std::pair{"requestor.email", &requestor_contact::email}}) {
    auto r = business();
    r.requestor.*member = "";
    require_invalid(validate(r), name, std::string(name) + ": is required and must not be empty");
  }
}

TEST_CASE("business name: its length is counted in characters, not bytes") {
  auto r = business();
  r.business_name = "Café Zoë";  // 8 characters, 10 bytes
  CHECK(validate(r));
  r.business_name = "ÉÉÉÉÉÉÉÉÉÉÉ";  // 11 characters, 22 bytes
  CHECK(validate(r));
  r.business_name = "ÉÉÉÉÉÉÉÉÉÉÉÉ";  // 12 characters
  require_invalid(validate(r), "business_name",
                  "business_name: must be between 3 and 11 characters");
  r.business_name = "Éé";  // 2 characters, 4 bytes
  require_invalid(validate(r), "business_name",
                  "business_name: must be between 3 and 11 characters");
}

TEST_CASE("every text field must be valid UTF-8, and the error names the field and the byte") {
  auto p = card_purchase();
  p.card = "card_\xff";
  require_invalid(validate(p), "card", "card: is not valid UTF-8 (byte 0xff at offset 5)");
  p = card_purchase();
  p.product = "prod_\xc3";  // a truncated two-byte sequence
  require_invalid(validate(p), "product", "product: is not valid UTF-8 (byte 0xc3 at offset 5)");
  require_invalid(validate(custom_number_request{"Caf\xe9", "0400000000"}), "name",
                  "name: is not valid UTF-8 (byte 0xe9 at offset 3)");
  auto b = business();
  b.company.address = "1 Rue \xed\xa0\x80";  // a UTF-16 surrogate encoded as UTF-8
  require_invalid(validate(b), "company.address",
                  "company.address: is not valid UTF-8 (byte 0xed at offset 6)");
  b = business();
  b.purpose_of_use = "\xc0\xaf";  // an overlong '/'
  require_invalid(validate(b), "purpose_of_use",
                  "purpose_of_use: is not valid UTF-8 (byte 0xc0 at offset 0)");
  b = business();
  b.purpose_of_use = "Promotions \xf0\x9f\x93\xa3";  // U+1F4E3, four bytes, valid
  CHECK(validate(b));
}
