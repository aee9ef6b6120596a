// Cellcast request builders: the exact method, URL, headers and body of each documented request.
#include <vnum/cellcast/build.hpp>
#include <vnum/detail/json.hpp>  // Boost.JSON, to read the bodies
#include <vnum/version.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace vnum::cellcast;
namespace http = vnum::http;
using vnum::errc;

namespace {

config test_config() {
  config c;
  c.api_key = "ck_test_123";
  return c;
}

std::vector<http::header> json_headers() {
  return {{"authorization", "Bearer ck_test_123"},
          {"content-type", "application/json"},
          {"accept", "application/json"},
          {"user-agent", "vnum/" VNUM_VERSION_STRING}};
}

http::request expected(http::method m, std::string url, std::string body) {
  return {m, std::move(url), json_headers(), std::move(body)};
}

// Cellcast's documented example id, a MongoDB ObjectId as every Cellcast id is.
constexpr std::string_view number_id = "66ea98514f0c1a121c76ec17";

purchase_request documented_purchase() {
  return {"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17",
          billing_cycle::month, false};
}

}  // namespace

TEST_CASE("purchase: the documented card request, on the apiClient path") {
  auto r = build_purchase_virtual_number(test_config(), documented_purchase());
  REQUIRE(r);
  CHECK(*r == expected(http::method::post,
                       "https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase",
                       R"({"card":"card_1SQmzoGOdUwLPbU6ll0QwsyH","product":"prod_PFdN753rT3lNFW",)"
                       R"("number":"66ea98514f0c1a121c76ec17","recurring_time":"month",)"
                       R"("resubscribe":false})"));
}

TEST_CASE("purchase: yearly, resubscribing, paid with a Stripe token") {
  auto req = documented_purchase();
  req.card.clear();
  req.token = "tok_1ABC123DEF456";
  req.product = "prod_Y";
  req.recurring_time = billing_cycle::year;
  req.resubscribe = true;
  auto r = build_purchase_virtual_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body == R"({"token":"tok_1ABC123DEF456","product":"prod_Y",)"
                   R"("number":"66ea98514f0c1a121c76ec17","recurring_time":"year",)"
                   R"("resubscribe":true})");
}

TEST_CASE("purchase: BECS direct debit sends payment_type au_becs_debit and the bank details") {
  auto req = documented_purchase();
  req.card.clear();
  req.becs = becs_debit{"ops@example.com.au", "John Doe", "", "000000", "000123456"};
  auto r = build_purchase_virtual_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body == R"({"product":"prod_PFdN753rT3lNFW","number":"66ea98514f0c1a121c76ec17",)"
                   R"("recurring_time":"month","payment_type":"au_becs_debit",)"
                   R"("becs_email":"ops@example.com.au","becs_name":"John Doe",)"
                   R"("becs_bsb_number":"000000","becs_account_number":"000123456",)"
                   R"("resubscribe":false})");
  req.becs = becs_debit{"ops@example.com.au", "John Doe", "pm_1ABC123DEF456", "", ""};
  r = build_purchase_virtual_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body == R"({"product":"prod_PFdN753rT3lNFW","number":"66ea98514f0c1a121c76ec17",)"
                   R"("recurring_time":"month","payment_type":"au_becs_debit",)"
                   R"("payment_method":"pm_1ABC123DEF456","becs_email":"ops@example.com.au",)"
                   R"("becs_name":"John Doe","resubscribe":false})");
}

TEST_CASE("purchase: the catalog in the config is enforced by the builder") {
  auto cfg = test_config();
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_M", "prod_PFdN753rT3lNFW"});
  auto r = build_purchase_virtual_number(cfg, documented_purchase());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "product");
}

TEST_CASE("postpaid purchase: number and resubscribe") {
  auto r =
      build_purchase_virtual_number_postpaid(test_config(), {"66ea98514f0c1a121c76ec17", false});
  REQUIRE(r);
  CHECK(*r == expected(http::method::post,
                       "https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase-postpaid",
                       R"({"number":"66ea98514f0c1a121c76ec17","resubscribe":false})"));
}

TEST_CASE("unsubscribe: PUT with the id in the path and no body") {
  auto r = build_unsubscribe_virtual_number(test_config(), "66ea98514f0c1a121c76ec17");
  REQUIRE(r);
  CHECK(*r == expected(http::method::put,
                       "https://api.cellcast.com/api/v1/apiClient/virtual-number/unsubscribe/"
                       "66ea98514f0c1a121c76ec17",
                       ""));
}

TEST_CASE("unsubscribe: an id that would change the URL is refused") {
  auto r = build_unsubscribe_virtual_number(test_config(), "../purchase");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "id");
}

TEST_CASE("custom number: the number is sent normalized") {
  auto r = build_add_custom_number(test_config(), {"Custom Number", "0400 000 000"});
  REQUIRE(r);
  CHECK(*r == expected(http::method::post, "https://api.cellcast.com/api/v1/customNumber/add",
                       R"({"name":"Custom Number","number":"+61400000000"})"));
}

TEST_CASE("verify custom number: name, normalized number and otp") {
  auto r = build_verify_custom_number(test_config(), {"Custom Number", "400000000", "123456"});
  REQUIRE(r);
  CHECK(*r == expected(http::method::post,
                       "https://api.cellcast.com/api/v1/customNumber/verifyCustomNumber",
                       R"({"name":"Custom Number","number":"+61400000000","otp":"123456"})"));
}

TEST_CASE("business name: the page's fields, nested as documented") {
  business_name_request req;
  req.business_name = "Pizza Biz";
  req.description_internal = "Marketing campaigns";
  req.purpose_of_use = "Promotional SMS";
  req.ownership = true;
  req.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au",
                 "123 Main St, Sydney NSW 2000"};
  req.requestor = {"John", "Smith", "Marketing Manager", "0400000000", "john@pizzaco.com.au"};
  req.customer_contact = "61400000000";
  auto r = build_add_business_name(test_config(), req);
  REQUIRE(r);
  CHECK(*r ==
        expected(http::method::post, "https://api.cellcast.com/api/v1/business/add",
                 R"({"businessname":"Pizza Biz","descriptionInternal":"Marketing campaigns",)"
                 R"("purposeOfUse":"Promotional SMS","ownership":true,)"
                 R"("companyInformation":{"name":"Pizza Co Pty Ltd","abn":"12345678901",)"
                 R"("website":"https://pizzaco.com.au","address":"123 Main St, Sydney NSW 2000"},)"
                 R"("requestorContact":{"firstName":"John","lastName":"Smith",)"
                 R"("position":"Marketing Manager","phoneNumber":"0400000000",)"
                 R"("email":"john@pizzaco.com.au"},"customerContact":"+61400000000"})"));
}

TEST_CASE("the base URL is configurable, with or without a trailing slash") {
  auto cfg = test_config();
  cfg.base_url = "http://127.0.0.1:8080/";
  auto r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE(r);
  CHECK(
      r->url ==
      "http://127.0.0.1:8080/api/v1/apiClient/virtual-number/unsubscribe/66ea98514f0c1a121c76ec17");
}

TEST_CASE("a malformed base URL is refused") {
  auto cfg = test_config();
  const std::string refused =
      "base_url: must not contain spaces, control characters, non-ASCII bytes, '?' or '#'";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"api.cellcast.com", "base_url: must start with https:// or http://"},
      {"ftp://api.cellcast.com", "base_url: must start with https:// or http://"},
      {"https:/api.cellcast.com", "base_url: must start with https:// or http://"},
      {"https://", "base_url: has no host"},
      {"https:///x", "base_url: has no host"},
      {"https://api.cellcast.com?x=1", refused},
      {"https://api.cellcast.com/#top", refused},
      {"https://api cellcast.com", refused},
      {"https://api.cellcast.com\x7f", refused},
      {"https://api.cellcast.com\t", refused},
      {"https://api.c\xc3\xa9llcast.com", refused},
      {"https://" + std::string(2041, 'a'),
       "base_url: is 2049 bytes long; at most 2048 are accepted"},
  };
  for (const auto& [bad, message] : cases) {
    cfg.base_url = bad;
    auto r = build_unsubscribe_virtual_number(cfg, number_id);
    INFO(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::invalid_argument);
    CHECK(r.error().field == "base_url");
    CHECK(r.error().message == message);
  }
}

TEST_CASE("the base URL's scheme is case-insensitive and goes out in lower case") {
  auto cfg = test_config();
  cfg.base_url = "HTTPS://api.cellcast.com/";
  auto r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE(r);
  CHECK(r->url ==
        "https://api.cellcast.com/api/v1/apiClient/virtual-number/unsubscribe/"
        "66ea98514f0c1a121c76ec17");
}

TEST_CASE("the API key is required and cannot inject headers; the error never repeats it") {
  auto cfg = test_config();
  cfg.api_key.clear();
  auto r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "api_key");
  CHECK(r.error().message == "api_key: is required and must not be empty");

  cfg.api_key = "secret-key\r\nX-Injected: yes";
  r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "api_key");
  CHECK(r.error().message ==
        "api_key: has a character a bearer token cannot have at offset 10 (letters, digits, '-', "
        "'.', '_', '~', '+', '/' and trailing '=' only)");
  CHECK(vnum::to_string(r.error()).find("secret-key") == std::string::npos);

  cfg.api_key = "====";
  r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "api_key: is only '=' padding");
  cfg.api_key = "key=with-inner-padding";
  r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE_FALSE(r);
  CHECK(r.error().message ==
        "api_key: has a character a bearer token cannot have at offset 3 (letters, digits, '-', "
        "'.', '_', '~', '+', '/' and trailing '=' only)");
  cfg.api_key = "k\xc3\xa9y";
  r = build_unsubscribe_virtual_number(cfg, number_id);
  REQUIRE_FALSE(r);
  CHECK(r.error().message ==
        "api_key: has a character a bearer token cannot have at offset 1 (letters, digits, '-', "
        "'.', '_', '~', '+', '/' and trailing '=' only)");
  cfg.api_key = "a-Z.0_9~+/==";  // every allowed character, and trailing padding
  CHECK(build_unsubscribe_virtual_number(cfg, number_id));
}

TEST_CASE("a validation failure builds no request") {
  auto req = documented_purchase();
  req.product.clear();
  auto r = build_purchase_virtual_number(test_config(), req);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "product");
}
