// IdentityCall request builders: the exact method, URL, headers and body of each documented
// request.
#include <vnum/detail/json.hpp>  // Boost.JSON, to read the bodies
#include <vnum/identitycall/build.hpp>
#include <vnum/version.hpp>

#include "identitycall/examples.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace vnum::identitycall;
namespace http = vnum::http;
namespace ex = identitycall_examples;
using vnum::errc;

namespace {

config test_config() {
  config c;
  c.api_key = "idc_test0123456789abcdefghijklmnopqrstu";
  return c;
}

const std::string bearer = "Bearer idc_test0123456789abcdefghijklmnopqrstu";
const std::string user_agent = "vnum/" VNUM_VERSION_STRING;

// The POST and PATCH pages send JSON.
http::request with_body(http::method m, std::string url, std::string body) {
  return {m,
          std::move(url),
          {{"authorization", bearer},
           {"content-type", "application/json"},
           {"accept", "application/json"},
           {"user-agent", user_agent}},
          std::move(body)};
}

// The GET and DELETE pages send neither a body nor a content-type.
http::request without_body(http::method m, std::string url) {
  return {m,
          std::move(url),
          {{"authorization", bearer}, {"accept", "application/json"}, {"user-agent", user_agent}},
          ""};
}

purchase_request documented_purchase() {
  purchase_request r;
  r.phone_number = "+15551234567";
  r.country_code = "US";
  r.type = number_type::local;
  r.name = "US Sales Line";
  return r;
}

bool same_json(std::string_view a, std::string_view b) {
  return boost::json::parse(a) == boost::json::parse(b);
}

const std::string api = "https://api.identitycall.ai/api/v1/public";

}  // namespace

TEST_CASE("purchase: the documented request") {
  auto r = build_purchase_number(test_config(), documented_purchase());
  REQUIRE(r);
  CHECK(*r == with_body(http::method::post, api + "/virtual_numbers/purchase",
                        R"({"phone_number":"+15551234567","country_code":"US",)"
                        R"("number_type":"local","name":"US Sales Line"})"));
  CHECK(same_json(r->body, ex::purchase_request_body));
}

TEST_CASE("purchase: optional fields that are not set are absent, not null") {
  purchase_request req;
  req.phone_number = "+15551234567";
  auto r = build_purchase_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body == R"({"phone_number":"+15551234567"})");
}

TEST_CASE("purchase: every field, requirement_group_id as a JSON integer, costs as strings") {
  auto req = documented_purchase();
  req.requirement_group_id = 42;
  req.upfront_cost = "1.00";
  req.monthly_cost = "0";
  auto r = build_purchase_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body == R"({"phone_number":"+15551234567","country_code":"US","number_type":"local",)"
                   R"("name":"US Sales Line","requirement_group_id":42,"upfront_cost":"1.00",)"
                   R"("monthly_cost":"0"})");
}

TEST_CASE("purchase: toll_free goes on the wire as toll-free") {
  auto req = documented_purchase();
  req.type = number_type::toll_free;
  req.name.reset();
  auto r = build_purchase_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body ==
        R"({"phone_number":"+15551234567","country_code":"US","number_type":"toll-free"})");
}

TEST_CASE("purchase: a name with quotes and non-ASCII text is escaped as JSON") {
  auto req = documented_purchase();
  req.name = "Sales \"East\" – Zürich";
  auto r = build_purchase_number(test_config(), req);
  REQUIRE(r);
  CHECK(r->body == R"({"phone_number":"+15551234567","country_code":"US","number_type":"local",)"
                   R"("name":"Sales \"East\" – Zürich"})");
}

TEST_CASE("purchase: a validation failure builds no request") {
  auto req = documented_purchase();
  req.country_code = "AU";
  auto r = build_purchase_number(test_config(), req);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "country_code");
}

TEST_CASE("list: GET /virtual_numbers without parameters") {
  auto r = build_list_virtual_numbers(test_config());
  REQUIRE(r);
  CHECK(*r == without_body(http::method::get, api + "/virtual_numbers"));
}

TEST_CASE("get: GET /virtual_numbers/:id") {
  auto r = build_get_virtual_number(test_config(), 7);
  REQUIRE(r);
  CHECK(*r == without_body(http::method::get, api + "/virtual_numbers/7"));
}

TEST_CASE("get: a 64-bit id is written in full") {
  auto r = build_get_virtual_number(test_config(), INT64_MAX);
  REQUIRE(r);
  CHECK(r->url == api + "/virtual_numbers/9223372036854775807");
}

TEST_CASE("get: an id that is not positive builds no request") {
  auto r = build_get_virtual_number(test_config(), 0);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "id");
}

TEST_CASE("update: the documented request") {
  auto r = build_update_virtual_number(
      test_config(), 7, {"US Sales Line - Primary", true, true, routing_strategy::round_robin});
  REQUIRE(r);
  CHECK(*r == with_body(http::method::patch, api + "/virtual_numbers/7",
                        R"({"name":"US Sales Line - Primary","active":true,"recording":true,)"
                        R"("routing_strategy":"round_robin"})"));
  CHECK(same_json(r->body, ex::update_request_body));
}

TEST_CASE("update: only the fields that are set are sent") {
  auto r = build_update_virtual_number(test_config(), 7,
                                       {std::nullopt, false, std::nullopt, std::nullopt});
  REQUIRE(r);
  CHECK(r->body == R"({"active":false})");
  r = build_update_virtual_number(
      test_config(), 7, {std::nullopt, std::nullopt, std::nullopt, routing_strategy::simultaneous});
  REQUIRE(r);
  CHECK(r->body == R"({"routing_strategy":"simultaneous"})");
  r = build_update_virtual_number(test_config(), 7,
                                  {std::nullopt, std::nullopt, false, routing_strategy::priority});
  REQUIRE(r);
  CHECK(r->body == R"({"recording":false,"routing_strategy":"priority"})");
}

TEST_CASE("update: the id is checked before the body") {
  auto r = build_update_virtual_number(test_config(), -1, update_request{});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "id");
  r = build_update_virtual_number(test_config(), 7, update_request{});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "update_request");
}

TEST_CASE("search: the documented request") {
  auto r = build_search_available_numbers(test_config(), {"US", number_type::local});
  REQUIRE(r);
  CHECK(*r == without_body(http::method::get,
                           api + "/virtual_numbers/available?country=US&number_type=local"));
}

TEST_CASE("search: without parameters the provider's defaults apply") {
  auto r = build_search_available_numbers(test_config());
  REQUIRE(r);
  CHECK(r->url == api + "/virtual_numbers/available");
}

TEST_CASE("search: one parameter, a lower-case country, and toll-free") {
  auto r = build_search_available_numbers(test_config(), {"lt", std::nullopt});
  REQUIRE(r);
  CHECK(r->url == api + "/virtual_numbers/available?country=LT");
  r = build_search_available_numbers(test_config(), {std::nullopt, number_type::toll_free});
  REQUIRE(r);
  CHECK(r->url == api + "/virtual_numbers/available?number_type=toll-free");
}

TEST_CASE("search: a country that cannot be sent builds no request") {
  auto r = build_search_available_numbers(test_config(), {"U&", std::nullopt});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "country");
}

TEST_CASE("add operator: shape A, an existing operator") {
  auto r = build_add_operator(test_config(), 7, add_operator_request::existing(22));
  REQUIRE(r);
  CHECK(*r == with_body(http::method::post, api + "/virtual_numbers/7/add_operator",
                        R"({"operator_id":22})"));
  CHECK(same_json(r->body, ex::add_operator_existing_body));
}

TEST_CASE("add operator: shape B, a new operator with a name") {
  auto r = build_add_operator(test_config(), 7,
                              add_operator_request::create("+15555550199", "Greta Hall"));
  REQUIRE(r);
  CHECK(*r == with_body(http::method::post, api + "/virtual_numbers/7/add_operator",
                        R"({"phone_number":"+15555550199","name":"Greta Hall"})"));
  CHECK(same_json(r->body, ex::add_operator_create_body));
}

TEST_CASE("add operator: shape B without a name leaves the provider's default") {
  auto r = build_add_operator(test_config(), 7, add_operator_request::create("+15555550199"));
  REQUIRE(r);
  CHECK(r->body == R"({"phone_number":"+15555550199"})");
}

TEST_CASE("add operator: both shapes at once build no request") {
  auto r = build_add_operator(test_config(), 7, {22, "+15555550199", std::nullopt});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "operator_id");
}

TEST_CASE("remove operator: DELETE with operator_id in the query string, as documented") {
  auto r = build_remove_operator(test_config(), 7, 22);
  REQUIRE(r);
  CHECK(*r == without_body(http::method::delete_,
                           api + "/virtual_numbers/7/remove_operator?operator_id=22"));
}

TEST_CASE("remove operator: both ids must be positive") {
  auto r = build_remove_operator(test_config(), 0, 22);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "id");
  r = build_remove_operator(test_config(), 7, -22);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "operator_id");
  CHECK(r.error().message == "operator_id: must be positive, not -22");
}

TEST_CASE("the base URL is configurable, with or without a trailing slash") {
  auto cfg = test_config();
  cfg.base_url = "http://127.0.0.1:8080/";
  auto r = build_get_virtual_number(cfg, 7);
  REQUIRE(r);
  CHECK(r->url == "http://127.0.0.1:8080/api/v1/public/virtual_numbers/7");
  cfg.base_url = "https://api.identitycall.com";
  CHECK(build_list_virtual_numbers(cfg)->url ==
        "https://api.identitycall.com/api/v1/public/virtual_numbers");
}

TEST_CASE("a malformed base URL is refused") {
  auto cfg = test_config();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"api.identitycall.ai", "base_url: must start with https:// or http://"},
      {"ftp://api.identitycall.ai", "base_url: must start with https:// or http://"},
      {"https://", "base_url: has no host"},
      {"https://api.identitycall.ai/#x",
       "base_url: must not contain spaces, control characters, non-ASCII bytes, '?' or '#'"},
  };
  for (const auto& [bad, message] : cases) {
    cfg.base_url = bad;
    auto r = build_list_virtual_numbers(cfg);
    INFO(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::invalid_argument);
    CHECK(r.error().field == "base_url");
    CHECK(r.error().message == message);
  }
}

TEST_CASE("the API key is required and cannot inject headers; the error never repeats it") {
  auto cfg = test_config();
  cfg.api_key.clear();
  auto r = build_list_virtual_numbers(cfg);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "api_key");
  CHECK(r.error().message == "api_key: is required and must not be empty");

  cfg.api_key = "idc_secret\r\nX-Injected: yes";
  r = build_purchase_number(cfg, documented_purchase());
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "api_key");
  CHECK(r.error().message ==
        "api_key: has a character a bearer token cannot have at offset 10 (letters, digits, '-', "
        "'.', '_', '~', '+', '/' and trailing '=' only)");
  CHECK(vnum::to_string(r.error()).find("idc_secret") == std::string::npos);
}

TEST_CASE("the request is validated before the API key") {
  auto cfg = test_config();
  cfg.api_key.clear();
  auto r = build_get_virtual_number(cfg, 0);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "id");
}

// ---- Operators

TEST_CASE("list operators: GET /operators without parameters") {
  auto r = build_list_operators(test_config());
  REQUIRE(r);
  CHECK(*r == without_body(http::method::get, api + "/operators"));
}

TEST_CASE("get operator: GET /operators/:id") {
  auto r = build_get_operator(test_config(), 42);
  REQUIRE(r);
  CHECK(*r == without_body(http::method::get, api + "/operators/42"));
}

TEST_CASE("get operator: an id that is not positive builds no request") {
  auto r = build_get_operator(test_config(), 0);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "operator_id");
  CHECK(r.error().message == "operator_id: must be positive, not 0");
}

TEST_CASE("create operator: the documented request") {
  auto r = build_create_operator(test_config(),
                                 {"Jane Doe", "+15551234567", "jane.doe@example.com", true});
  REQUIRE(r);
  CHECK(*r == with_body(http::method::post, api + "/operators",
                        R"({"name":"Jane Doe","phone_number":"+15551234567",)"
                        R"("email":"jane.doe@example.com","active":true})"));
  CHECK(same_json(r->body, ex::create_operator_request_body));
}

TEST_CASE("create operator: optional fields that are not set are absent, not null") {
  auto r = build_create_operator(test_config(),
                                 {"Jane Doe", "+15551234567", std::nullopt, std::nullopt});
  REQUIRE(r);
  CHECK(r->body == R"({"name":"Jane Doe","phone_number":"+15551234567"})");
  r = build_create_operator(test_config(), {"Marcus Chen", "+14155550199", std::nullopt, false});
  REQUIRE(r);
  CHECK(r->body == R"({"name":"Marcus Chen","phone_number":"+14155550199","active":false})");
}

TEST_CASE("create operator: a non-ASCII name is sent as UTF-8 JSON") {
  auto r = build_create_operator(
      test_config(), {"Aldona Petrauskaitė", "+37060012345", "aldona@example.com", std::nullopt});
  REQUIRE(r);
  CHECK(r->body == R"({"name":"Aldona Petrauskaitė","phone_number":"+37060012345",)"
                   R"("email":"aldona@example.com"})");
}

TEST_CASE("create operator: a validation failure builds no request") {
  auto r = build_create_operator(test_config(),
                                 {"Jane Doe", "555-123-4567", std::nullopt, std::nullopt});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "phone_number");
}

TEST_CASE("update operator: the documented request") {
  auto r = build_update_operator(
      test_config(), 42, {std::nullopt, std::nullopt, "jane.doe+work@example.com", false, false});
  REQUIRE(r);
  CHECK(*r == with_body(http::method::patch, api + "/operators/42",
                        R"({"email":"jane.doe+work@example.com","active":false})"));
  CHECK(same_json(r->body, ex::update_operator_request_body));
}

TEST_CASE("update operator: only the fields that are set are sent, in the page's order") {
  auto r = build_update_operator(test_config(), 42,
                                 {"Jane Roe", "+15551234568", std::nullopt, false, true});
  REQUIRE(r);
  CHECK(r->body == R"({"name":"Jane Roe","phone_number":"+15551234568","active":true})");
  r = build_update_operator(test_config(), 42,
                            {"Jane Roe", std::nullopt, std::nullopt, false, std::nullopt});
  REQUIRE(r);
  CHECK(r->body == R"({"name":"Jane Roe"})");
}

TEST_CASE("update operator: clear_email sends \"email\": null") {
  auto r = build_update_operator(test_config(), 42,
                                 {std::nullopt, std::nullopt, std::nullopt, true, std::nullopt});
  REQUIRE(r);
  CHECK(*r == with_body(http::method::patch, api + "/operators/42", R"({"email":null})"));
}

TEST_CASE("update operator: the id is checked before the body") {
  auto r = build_update_operator(test_config(), -1, update_operator_request{});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "operator_id");
  r = build_update_operator(test_config(), 42, update_operator_request{});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "update_operator_request");
  r = build_update_operator(test_config(), 42,
                            {std::nullopt, std::nullopt, "jane@example.com", true, std::nullopt});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "email");
}

TEST_CASE("delete operator: DELETE /operators/:id without a body") {
  auto r = build_delete_operator(test_config(), 42);
  REQUIRE(r);
  CHECK(*r == without_body(http::method::delete_, api + "/operators/42"));
}

TEST_CASE("delete operator: an id that is not positive builds no request") {
  auto r = build_delete_operator(test_config(), -42);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "operator_id");
  CHECK(r.error().message == "operator_id: must be positive, not -42");
}

TEST_CASE("operator requests use the configured base URL and API key checks") {
  auto cfg = test_config();
  cfg.base_url = "http://127.0.0.1:8080/";
  CHECK(build_list_operators(cfg)->url == "http://127.0.0.1:8080/api/v1/public/operators");
  CHECK(build_delete_operator(cfg, INT64_MAX)->url ==
        "http://127.0.0.1:8080/api/v1/public/operators/9223372036854775807");
  cfg.api_key.clear();
  auto r = build_create_operator(cfg, {"Jane Doe", "+15551234567", std::nullopt, std::nullopt});
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "api_key");
}

TEST_CASE("list pages: page N with per_page in the query string, no body") {
  auto r = build_list_virtual_numbers_page(test_config(), 3, 20);
  REQUIRE(r);
  CHECK(*r == without_body(http::method::get, api + "/virtual_numbers?page=3&per_page=20"));
  auto ops = build_list_operators_page(test_config(), 2, 100);
  REQUIRE(ops);
  CHECK(*ops == without_body(http::method::get, api + "/operators?page=2&per_page=100"));
}

TEST_CASE("list pages: page from 1, per_page from 1 to 100") {
  auto zero = build_list_virtual_numbers_page(test_config(), 0, 20);
  REQUIRE_FALSE(zero);
  CHECK(zero.error().field == "page");
  CHECK(zero.error().message == "page: must be positive, not 0");
  auto big = build_list_operators_page(test_config(), 1, 101);
  REQUIRE_FALSE(big);
  CHECK(big.error().field == "per_page");
  CHECK(big.error().message ==
        "per_page: must be from 1 to 100 (the pagination guide's maximum), not 101");
}
