// Cellcast response parsers: every documented example, and every way an answer can go wrong.
#include <vnum/cellcast/parse.hpp>

#include "cellcast/examples.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
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
  CHECK(*r == custom_number_receipt{false, "Custom number created", "Success create new custom number"});
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
                errc::conflict, 400, "Number already exist in system", "Number already exist in system");
}

TEST_CASE("custom number 400 Mobile number is required") {
  require_error(parse_add_custom_number(answer(400, ex::custom_number_400_mobile_required)),
                errc::invalid_argument, 400, "Mobile number is required (Mobile number is not valie)",
                "Mobile number is required");
}

TEST_CASE("custom number 400 Mobile number is invalid") {
  require_error(parse_add_custom_number(answer(400, ex::custom_number_400_mobile_invalid)),
                errc::invalid_argument, 400, "Mobile number is not valid", "Mobile number is not valid");
}

TEST_CASE("custom number 401 is unauthorized") {
  require_error(parse_add_custom_number(answer(401, ex::custom_number_401)), errc::unauthorized, 401,
                "Token expired", "Token expired");
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

TEST_CASE("an undocumented status is a protocol error") {
  require_error(parse_purchase_virtual_number(answer(302, "")), errc::protocol, 302,
                "unexpected response: HTTP status 302 is not documented", "");
  require_error(parse_purchase_virtual_number(answer(201, ex::purchase_200)), errc::protocol, 201,
                "unexpected response: HTTP status 201 is not documented", "");
}

TEST_CASE("a 200 that is not the envelope is a protocol error") {
  const std::string not_json = "unexpected response: the body is not JSON";
  const std::string not_envelope = "unexpected response: the body is not Cellcast's response envelope";
  require_error(parse_purchase_virtual_number(answer(200, "")), errc::protocol, 200, not_json, "");
  require_error(parse_purchase_virtual_number(answer(200, "<!doctype html><p>hi</p>")),
                errc::protocol, 200, not_json, "");
  require_error(parse_purchase_virtual_number(answer(200, ex::purchase_200.substr(0, 120))),
                errc::protocol, 200, not_json, "");
  require_error(parse_purchase_virtual_number(answer(200, "[]")), errc::protocol, 200, not_envelope, "");
  require_error(parse_purchase_virtual_number(answer(200, R"({"status":"true","message":"ok"})")),
                errc::protocol, 200, not_envelope, "");
  require_error(parse_purchase_virtual_number(answer(200, R"({"status":true,"message":7})")),
                errc::protocol, 200, not_envelope, "");
  require_error(parse_purchase_virtual_number(answer(200, R"({"status":true,"message":"ok","data":[]})")),
                errc::protocol, 200, not_envelope, "");
}

TEST_CASE("100 000 nested brackets are a protocol error, not a crash") {
  std::string deep(100000, '[');
  require_error(parse_purchase_virtual_number(answer(200, deep)), errc::protocol, 200,
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

TEST_CASE("no parser throws, whatever the body") {
  const std::vector<std::string> bodies = {"",
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
      // Only a 200 envelope whose status is true succeeds.
      if (status != 200) CHECK_FALSE(parse_purchase_virtual_number(r).has_value());
    }
  }
}
