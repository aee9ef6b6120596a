// Cellcast response parsers: every documented example, and every way an answer can go wrong.
#include <vnum/cellcast/parse.hpp>

#include "cellcast/examples.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace vnum::cellcast;
namespace http = vnum::http;
namespace ex = cellcast_examples;
using vnum::errc;

using support::answer;
using support::require_error;

TEST_CASE("purchase 200 Success is a receipt with the provider's message") {
  auto r = parse_purchase_virtual_number(answer(200, ex::purchase_200));
  REQUIRE(r);
  CHECK(r->message == "Payment is Successful. Dedicated Number has been assigned you.");
}

TEST_CASE("purchase 401 Unauthorized is unauthorized with the provider's message") {
  require_error(parse_purchase_virtual_number(answer(401, ex::purchase_401)), errc::unauthorized,
                401, "Token expired", "Token expired");
}

TEST_CASE("postpaid purchase reads the family's envelope") {
  auto r = parse_purchase_virtual_number_postpaid(answer(200, ex::purchase_200));
  REQUIRE(r);
  CHECK(r->message == "Payment is Successful. Dedicated Number has been assigned you.");
  require_error(parse_purchase_virtual_number_postpaid(answer(401, ex::purchase_401)),
                errc::unauthorized, 401, "Token expired", "Token expired");
}

TEST_CASE("unsubscribe 200 Success is a receipt") {
  auto r = parse_unsubscribe_virtual_number(answer(200, ex::unsubscribe_200));
  REQUIRE(r);
  CHECK(r->message == "Virtual number has been unsubscribed successfully.");
}

TEST_CASE("unsubscribe 401 is unauthorized and 404 is not_found") {
  require_error(parse_unsubscribe_virtual_number(answer(401, ex::unsubscribe_401)),
                errc::unauthorized, 401, "Token expired", "Token expired");
  require_error(parse_unsubscribe_virtual_number(answer(404, ex::unsubscribe_404)), errc::not_found,
                404, "Virtual number not found", "Virtual number not found");
}

TEST_CASE("custom number created without OTP verification") {
  auto r = parse_add_custom_number(answer(200, ex::custom_number_200_created));
  REQUIRE(r);
  CHECK(*r ==
        custom_number_receipt{false, "Custom number created", "Success create new custom number"});
}

TEST_CASE("custom number with OTP verification requires the OTP next") {
  auto r = parse_add_custom_number(answer(200, ex::custom_number_200_otp_sent));
  REQUIRE(r);
  CHECK(*r == custom_number_receipt{true, "OTP sent to your number successfully",
                                    "OTP sent to your number successfully"});
}

TEST_CASE("custom number 400 Name is required is invalid_argument with the provider's detail") {
  require_error(parse_add_custom_number(answer(400, ex::custom_number_400_name_required)),
                errc::invalid_argument, 400, "Name is required (name is not valid)",
                "Name is required");
}

TEST_CASE("custom number 400 Number already exist is conflict despite its status true") {
  require_error(parse_add_custom_number(answer(400, ex::custom_number_400_already_exists)),
                errc::conflict, 400, "Number already exist in system",
                "Number already exist in system");
}

TEST_CASE("custom number 400 Mobile number is required") {
  require_error(parse_add_custom_number(answer(400, ex::custom_number_400_mobile_required)),
                errc::invalid_argument, 400,
                "Mobile number is required (Mobile number is not valie)",
                "Mobile number is required");
}

TEST_CASE("custom number 400 Mobile number is invalid") {
  require_error(parse_add_custom_number(answer(400, ex::custom_number_400_mobile_invalid)),
                errc::invalid_argument, 400, "Mobile number is not valid",
                "Mobile number is not valid");
}

TEST_CASE("custom number 401 is unauthorized") {
  require_error(parse_add_custom_number(answer(401, ex::custom_number_401)), errc::unauthorized,
                401, "Token expired", "Token expired");
}

TEST_CASE("verify custom number 200 Success") {
  auto r = parse_verify_custom_number(answer(200, ex::verify_custom_number_200));
  REQUIRE(r);
  CHECK(r->message == "OTP Verified Successfully!");
}

TEST_CASE("a 200 envelope whose status is false is a refusal") {
  // verify-custom-number.html documents a "200 Empty Name"; its body is cut short in the docs.
  auto body = R"({"status": false, "message": "Name is required", "data": {},
                  "error": {"error": "name is not valid"}})";
  require_error(parse_verify_custom_number(answer(200, body)), errc::unprocessable, 200,
                "Name is required (name is not valid)", "Name is required");
}

TEST_CASE("403 is forbidden, 429 rate_limited with Retry-After, 5xx server_error") {
  require_error(parse_purchase_virtual_number(answer(403, R"({"code":403,"message":"Forbidden"})")),
                errc::forbidden, 403, "Forbidden", "Forbidden");

  auto limited = parse_purchase_virtual_number(
      answer(429, R"({"code":429,"message":"Too many requests"})", {{"Retry-After", "30"}}));
  require_error(limited, errc::rate_limited, 429, "Too many requests", "Too many requests");
  CHECK(limited.error().retry_after == std::chrono::seconds(30));

  auto dated = parse_purchase_virtual_number(
      answer(429, "", {{"retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"}}));
  require_error(dated, errc::rate_limited, 429, "HTTP 429 without a message", "");
  CHECK_FALSE(dated.error().retry_after.has_value());

  require_error(parse_unsubscribe_virtual_number(answer(500, "<html>Internal Server Error</html>")),
                errc::server_error, 500, "HTTP 500 without a message", "");
  require_error(parse_unsubscribe_virtual_number(answer(503, R"({"message":"maintenance"})")),
                errc::server_error, 503, "maintenance", "maintenance");
}

TEST_CASE(
    "an undocumented status that is neither a success nor a server error is a protocol error") {
  require_error(parse_purchase_virtual_number(answer(302, "")), errc::protocol, 302,
                "unexpected response: HTTP status 302 is not documented", "");
  require_error(parse_list_cards(answer(201, ex::list_cards_200)), errc::protocol, 201,
                "unexpected response: HTTP status 201 is not documented", "");
}

namespace {

// A money-moving write, its documented success body, and its message.
struct money_write {
  std::string_view name;
  std::function<std::optional<vnum::error>(const http::response&)> parse;
  std::string documented;
  std::string message;
};

template <class Parse>
std::function<std::optional<vnum::error>(const http::response&)> failure_of(Parse parse) {
  return [parse](const http::response& r) -> std::optional<vnum::error> {
    auto parsed = parse(r);
    if (parsed) return std::nullopt;
    return parsed.error();
  };
}

const std::string business_name_200 =
    R"({"status":true,"message":"Request added successfully for business name","data":{},"error":{}})";

std::vector<money_write> money_writes() {
  return {{"purchase", failure_of(parse_purchase_virtual_number), std::string(ex::purchase_200),
           "Payment is Successful. Dedicated Number has been assigned you."},
          {"postpaid purchase", failure_of(parse_purchase_virtual_number_postpaid),
           std::string(ex::purchase_200),
           "Payment is Successful. Dedicated Number has been assigned you."},
          {"add custom number", failure_of(parse_add_custom_number),
           std::string(ex::custom_number_200_created), "Custom number created"},
          {"add business name", failure_of(parse_add_business_name), business_name_200,
           "Request added successfully for business name"}};
}

// The documented success with "data" and "error" as PHP sends an empty object: [].
std::string with_array_data(std::string_view message) {
  return R"({"status":true,"message":")" + std::string(message) + R"(","data":[],"error":[]})";
}

const std::string gateway_html = "<!doctype html><title>502 Bad Gateway</title>";

}  // namespace

TEST_CASE("outcome rule: a money-moving write answered 200 with its documented success succeeds") {
  for (const auto& w : money_writes()) {
    INFO(w.name);
    CHECK_FALSE(w.parse(answer(200, w.documented)).has_value());
    CHECK_FALSE(w.parse(answer(200, with_array_data(w.message))).has_value());
    CHECK_FALSE(w.parse(answer(200, R"({"status":true,"message":")" + w.message +
                                        R"(","data":null,"error":null})"))
                    .has_value());
  }
}

TEST_CASE(
    "outcome rule: a money-moving write answered 200 with an unreadable body is outcome_unknown") {
  for (const auto& w : money_writes()) {
    for (const std::string& body : {std::string(), gateway_html, w.documented.substr(0, 40),
                                    std::string(R"({"status":"true"})"), std::string("[]")}) {
      INFO(w.name << " with " << body);
      auto e = w.parse(answer(200, body));
      REQUIRE(e);
      CHECK(e->code == errc::outcome_unknown);
      CHECK(e->http_status == 200);
    }
  }
}

TEST_CASE("outcome rule: a money-moving write answered 201, 202 or 204 is outcome_unknown") {
  for (const auto& w : money_writes()) {
    for (int status : {201, 202, 204}) {
      for (const std::string& body : {w.documented, std::string(), gateway_html,
                                      w.documented.substr(0, 40), with_array_data(w.message)}) {
        INFO(w.name << " answered " << status << " with " << body);
        auto e = w.parse(answer(status, body));
        REQUIRE(e);
        CHECK(e->code == errc::outcome_unknown);
        CHECK(e->http_status == status);
      }
    }
  }
}

TEST_CASE("outcome rule: a money-moving write answered 5xx is outcome_unknown, whatever the body") {
  for (const auto& w : money_writes()) {
    for (int status : {500, 502, 503, 504}) {
      for (const std::string& body : {w.documented, std::string(), gateway_html,
                                      w.documented.substr(0, 40), with_array_data(w.message)}) {
        INFO(w.name << " answered " << status << " with " << body);
        auto e = w.parse(answer(status, body));
        REQUIRE(e);
        CHECK(e->code == errc::outcome_unknown);
        CHECK(e->http_status == status);
      }
    }
  }
}

TEST_CASE("outcome rule: outcome_unknown says what to check, keeping the provider's message") {
  require_error(parse_purchase_virtual_number(answer(504, R"({"message":"Gateway Timeout"})")),
                errc::outcome_unknown, 504,
                "the purchase may have taken effect (Gateway Timeout): check the account's virtual "
                "numbers in Cellcast's dashboard before buying again",
                "Gateway Timeout");
  require_error(parse_add_custom_number(answer(202, R"({"status":true,"message":"Queued"})")),
                errc::outcome_unknown, 202,
                "adding the custom number may have taken effect (unexpected response: HTTP status "
                "202 is not documented): check list_custom_numbers() before adding it again",
                "Queued");
  require_error(parse_add_business_name(answer(200, gateway_html)), errc::outcome_unknown, 200,
                "the business name request may have taken effect (unexpected response: the body "
                "is not JSON): check the account's business names in Cellcast's dashboard before "
                "asking again",
                "");
}

TEST_CASE("outcome rule: a refusal stays a refusal") {
  // A 200 envelope whose status is false says the purchase did not happen; 4xx likewise.
  require_error(
      parse_purchase_virtual_number(answer(200, R"({"status":false,"message":"Card declined"})")),
      errc::unprocessable, 200, "Card declined", "Card declined");
  require_error(parse_purchase_virtual_number(answer(401, ex::purchase_401)), errc::unauthorized,
                401, "Token expired", "Token expired");
}

TEST_CASE(
    "outcome rule: an idempotent write answered 5xx is server_error, its unreadable 2xx "
    "outcome_unknown") {
  require_error(parse_unsubscribe_virtual_number(answer(504, "")), errc::server_error, 504,
                "HTTP 504 without a message", "");
  require_error(parse_unsubscribe_virtual_number(answer(204, "")), errc::outcome_unknown, 204,
                "the unsubscription may have taken effect (unexpected response: HTTP status 204 "
                "is not documented): unsubscribing again is safe",
                "");
  require_error(parse_verify_custom_number(answer(200, "<html>")), errc::outcome_unknown, 200,
                "the verification may have taken effect (unexpected response: the body is not "
                "JSON): check list_custom_numbers() before verifying again",
                "");
}

TEST_CASE("unsubscribe 200 with data as an array is the success it says") {
  auto r = parse_unsubscribe_virtual_number(
      answer(200, with_array_data("Virtual number has been unsubscribed successfully.")));
  REQUIRE(r);
  CHECK(r->message == "Virtual number has been unsubscribed successfully.");
}

TEST_CASE("a read answered with an unreadable 200 is a protocol error") {
  require_error(parse_list_cards(answer(200, "")), errc::protocol, 200,
                "unexpected response: the body is not JSON", "");
  require_error(parse_list_cards(answer(200, "[]")), errc::protocol, 200,
                "unexpected response: the body is not Cellcast's response envelope", "");
  require_error(parse_list_cards(answer(503, "")), errc::server_error, 503,
                "HTTP 503 without a message", "");
}

TEST_CASE("otp_required comes from the documented messages, not from the letters o-t-p") {
  auto footprint = parse_add_custom_number(answer(
      200, R"({"status":true,"message":"Custom number created","data":{"message":"footprint"}})"));
  REQUIRE(footprint);
  CHECK_FALSE(footprint->otp_required);
  auto spaced = parse_add_custom_number(answer(
      200, R"({"status":true,"message":"  otp SENT to your number successfully ","data":[]})"));
  REQUIRE(spaced);
  CHECK(spaced->otp_required);
  require_error(
      parse_add_custom_number(
          answer(200, R"({"status":true,"message":"No OTP required","data":{}})")),
      errc::outcome_unknown, 200,
      "adding the custom number may have taken effect (unexpected response: the message \"No OTP "
      "required\" is neither of custom-number.html's successes, so whether an OTP was sent is not "
      "known): check list_custom_numbers() before adding it again",
      "No OTP required");
}

TEST_CASE("list cards 200 is every card with the fields a purchase needs") {
  auto r = parse_list_cards(answer(200, ex::list_cards_200));
  REQUIRE(r);
  REQUIRE(r->size() == 2);
  CHECK((*r)[0] ==
        card{"card_1QfFjoGOd000000000000000", "Visa", "1111", 2, 2034, "credit", "US", "John Doe"});
  CHECK((*r)[1] == card{"card_1QXjDzGOd000000000000000", "Visa", "4242", 4, 2026, "credit", "US",
                        std::nullopt});
}

TEST_CASE("list cards names the field that does not match the docs") {
  require_error(
      parse_list_cards(answer(
          200,
          R"({"status":true,"message":"Success","data":[{"id":"card_1","brand":"Visa","last4":1111}]})")),
      errc::protocol, 200, "unexpected response: data[0].last4 is an integer, not a string", "");
  require_error(parse_list_cards(answer(200, R"({"status":true,"message":"Success","data":{}})")),
                errc::protocol, 200, "unexpected response: data is an object, not an array", "");
  require_error(parse_list_cards(answer(401, ex::purchase_401)), errc::unauthorized, 401,
                "Token expired", "Token expired");
}

TEST_CASE("list custom numbers reads the bare data list, digits and sender ids alike") {
  auto r = parse_list_custom_numbers(answer(200, ex::list_custom_numbers_200));
  REQUIRE(r);
  CHECK(*r == std::vector<custom_number>{{"Reception", "61402000002"}, {"St Johns", "StJohnsWPH"}});
  auto empty = parse_list_custom_numbers(answer(200, ex::list_custom_numbers_200_empty));
  REQUIRE(empty);
  CHECK(empty->empty());
  auto numeric =
      parse_list_custom_numbers(answer(200, R"({"data":[{"number":61402000002,"name":"R"}]})"));
  REQUIRE(numeric);
  CHECK(*numeric == std::vector<custom_number>{{"R", "61402000002"}});
}

TEST_CASE("list custom numbers: 401 without stack, an envelope refusal, a wrong shape") {
  require_error(parse_list_custom_numbers(answer(401, ex::list_custom_numbers_401)),
                errc::unauthorized, 401, "Unauthorized", "Unauthorized");
  require_error(
      parse_list_custom_numbers(answer(200, R"({"status":false,"message":"Not allowed"})")),
      errc::unprocessable, 200, "Not allowed", "Not allowed");
  require_error(parse_list_custom_numbers(answer(200, R"({"numbers":[]})")), errc::protocol, 200,
                "unexpected response: data is missing", "");
  require_error(
      parse_list_custom_numbers(answer(200, R"({"data":[{"number":"6140","name":null}]})")),
      errc::protocol, 200, "unexpected response: data[0].name is null, not a string", "");
}

TEST_CASE("100 000 nested brackets are a protocol error, not a crash") {
  std::string deep(100000, '[');
  require_error(parse_list_cards(answer(200, deep)), errc::protocol, 200,
                "unexpected response: the body is not JSON", "");
  std::string deep_objects;
  for (int i = 0; i < 100000; ++i) deep_objects += R"({"a":)";
  require_error(parse_add_custom_number(answer(400, deep_objects)), errc::invalid_argument, 400,
                "HTTP 400 without a message", "");
}

TEST_CASE("a 400 that is not the envelope keeps whatever message it has") {
  require_error(parse_purchase_virtual_number(answer(400, R"({"message":"Invalid product"})")),
                errc::invalid_argument, 400, "Invalid product", "Invalid product");
}

TEST_CASE("a 422 envelope is unprocessable with its message and its error details") {
  // An example body: Cellcast answered a low balance live with a 422 envelope; this wording is
  // ours.
  auto body = R"({"status": false, "message": "Insufficient balance", "data": [],
                  "error": {"balance": "balance is below the number's price"}})";
  require_error(parse_purchase_virtual_number(answer(422, body)), errc::unprocessable, 422,
                "Insufficient balance (balance is below the number's price)",
                "Insufficient balance");
}

TEST_CASE("a 4xx envelope keeps the class its status stands for") {
  auto body = R"({"status": false, "message": "Not yours", "error": {"id": "belongs to another"}})";
  require_error(parse_unsubscribe_virtual_number(answer(403, body)), errc::forbidden, 403,
                "Not yours (belongs to another)", "Not yours");
  require_error(parse_unsubscribe_virtual_number(answer(404, body)), errc::not_found, 404,
                "Not yours (belongs to another)", "Not yours");
  auto limited = parse_list_cards(
      answer(429, R"({"status": false, "message": "Slow down"})", {{"Retry-After", "7"}}));
  require_error(limited, errc::rate_limited, 429, "Slow down", "Slow down");
  CHECK(limited.error().retry_after == std::chrono::seconds(7));
}

TEST_CASE("already exist is a conflict at 400 only") {
  auto body = R"({"status": true, "message": "Number already exist in system"})";
  require_error(parse_add_custom_number(answer(422, body)), errc::unprocessable, 422,
                "Number already exist in system", "Number already exist in system");
}

TEST_CASE("a 4xx envelope without a message or details says so") {
  require_error(parse_purchase_virtual_number(answer(422, R"({"status": false, "error": {}})")),
                errc::unprocessable, 422, "HTTP 422 without a message", "");
}

TEST_CASE("a 4xx envelope without a message reads its error details") {
  auto body = R"({"status": false, "message": null, "error": {"number": "is not valid"}})";
  require_error(parse_purchase_virtual_number(answer(422, body)), errc::unprocessable, 422,
                "is not valid", "");
}

TEST_CASE("401 and 404 bodies {code, message, stack} read as before at any operation") {
  require_error(parse_list_cards(answer(401, ex::unsubscribe_401)), errc::unauthorized, 401,
                "Token expired", "Token expired");
  require_error(parse_purchase_virtual_number(answer(404, ex::unsubscribe_404)), errc::not_found,
                404, "Virtual number not found", "Virtual number not found");
}

TEST_CASE("a 422 whose body is not the envelope keeps whatever message it has") {
  require_error(parse_purchase_virtual_number(
                    answer(422, R"({"code":422,"message":"Unprocessable","stack":"x"})")),
                errc::unprocessable, 422, "Unprocessable", "Unprocessable");
  require_error(parse_purchase_virtual_number(answer(422, "<html>nope</html>")),
                errc::unprocessable, 422, "HTTP 422 without a message", "");
}

TEST_CASE("an undocumented 4xx stays a protocol error, envelope or not") {
  require_error(
      parse_purchase_virtual_number(answer(418, R"({"status": false, "message": "teapot"})")),
      errc::protocol, 418, "unexpected response: HTTP status 418 is not documented", "");
}

TEST_CASE("no parser throws, whatever the body") {
  const std::vector<std::string> bodies = {
      "",
      "null",
      "0",
      "\"x\"",
      "[]",
      "{}",
      R"({"status":true})",
      R"({"status":true,"message":"ok","data":null})",
      R"({"status":false,"message":"no","error":{"e":1}})",
      R"({"code":"401","message":{"a":1}})",
      "\xff\xfe",
      std::string(ex::custom_number_200_created.substr(0, 200)),
      std::string(ex::custom_number_400_already_exists)};
  for (int status : {200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 599, 600, 0, -1}) {
    for (const auto& body : bodies) {
      const auto r = answer(status, body);
      CHECK_NOTHROW(parse_purchase_virtual_number(r));
      CHECK_NOTHROW(parse_purchase_virtual_number_postpaid(r));
      CHECK_NOTHROW(parse_unsubscribe_virtual_number(r));
      CHECK_NOTHROW(parse_add_custom_number(r));
      CHECK_NOTHROW(parse_verify_custom_number(r));
      CHECK_NOTHROW(parse_add_business_name(r));
      CHECK_NOTHROW(parse_list_cards(r));
      CHECK_NOTHROW(parse_list_custom_numbers(r));
      // Only a 200 envelope whose status is true succeeds.
      if (status != 200) CHECK_FALSE(parse_purchase_virtual_number(r).has_value());
    }
  }
}
