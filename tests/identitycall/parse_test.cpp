// IdentityCall response parsers: every documented example, and every way an answer can go wrong.
#include <vnum/detail/json.hpp>  // Boost.JSON, to read the bodies
#include <vnum/identitycall/parse.hpp>

#include "identitycall/examples.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

using namespace vnum::identitycall;
namespace http = vnum::http;
namespace ex = identitycall_examples;
using vnum::errc;

using support::answer;
using support::require_error;

namespace {

template <class R>
void require_protocol(const R& r, int status, std::string_view why) {
  require_error(r, errc::protocol, status, "unexpected response: " + std::string(why), "");
}

// A purchase whose success status came with a body that cannot be read: it may have happened.
void require_bought_unreadable(const vnum::result<virtual_number>& r, int status,
                               std::string_view why) {
  require_error(r, errc::outcome_unknown, status,
                "the purchase may have taken effect (unexpected response: " + std::string(why) +
                    "): check list_virtual_numbers() before buying again",
                "");
}

// An error body in the Errors page's format ("All errors return a JSON object with an error
// field"), carrying a message from an endpoint's error table.
std::string error_body(std::string_view message) {
  return R"({"error": ")" + std::string(message) + R"("})";
}

// The purchase example's data with one member replaced (or removed, for an empty value).
std::string purchase_with(std::string_view member, std::string_view value) {
  auto v = boost::json::parse(ex::purchase_201);
  auto& data = v.as_object()["data"].as_object();
  if (value.empty())
    data.erase(member);
  else
    data[member] = boost::json::parse(value);
  return boost::json::serialize(v);
}

std::string detail_with(std::string_view member, std::string_view value) {
  auto v = boost::json::parse(ex::get_200);
  auto& data = v.as_object()["data"].as_object();
  if (value.empty())
    data.erase(member);
  else
    data[member] = boost::json::parse(value);
  return boost::json::serialize(v);
}

virtual_number_detail documented_detail() {
  virtual_number_detail d;
  d.id = 7;
  d.phone_number = "+15551234567";
  d.name = "US Sales Line";
  d.country_code = "US";
  d.active = true;
  d.recording = true;
  d.routing = routing_strategy::priority;
  d.routing_name = "priority";
  d.ai_receptionist_enabled = false;
  d.stats = {142, 118, 24, 184};
  d.operators = {{12, "Alice Carter", "+15555550112", "AC", 0}};
  return d;
}

}  // namespace

// ---- Purchase Number

TEST_CASE("purchase 201 Created is the new virtual number with every documented field") {
  auto r = parse_purchase_number(answer(201, ex::purchase_201));
  REQUIRE(r);
  CHECK(*r == virtual_number{9, "+15551234567", "US Sales Line", "US", true, false, {}, 0});
}

TEST_CASE("purchase: a 200 with the same body is a success too, never a reason to buy again") {
  auto r = parse_purchase_number(answer(200, ex::purchase_201));
  REQUIRE(r);
  CHECK(r->id == 9);
}

TEST_CASE("purchase 422 phone_number is required is unprocessable with the provider's message") {
  require_error(parse_purchase_number(answer(422, error_body("phone_number is required"))),
                errc::unprocessable, 422, "phone_number is required", "phone_number is required");
}

TEST_CASE("purchase 422 Requirement group must be approved is unprocessable") {
  const std::string message = "Requirement group must be approved before purchasing";
  require_error(parse_purchase_number(answer(422, error_body(message))), errc::unprocessable, 422,
                message, message);
}

TEST_CASE("purchase 422 with an upstream provider error keeps the provider's message") {
  const std::string message = "Phone number +15551234567 is no longer available";
  require_error(parse_purchase_number(answer(422, error_body(message))), errc::unprocessable, 422,
                message, message);
}

TEST_CASE("purchase: the error-body shapes such APIs use all keep their message") {
  require_error(
      parse_purchase_number(answer(422, R"({"error":{"message":"Number not available"}})")),
      errc::unprocessable, 422, "Number not available", "Number not available");
  require_error(parse_purchase_number(answer(422, ex::error_format_422_array)), errc::unprocessable,
                422, "Field 1 is invalid; Field 2 is required",
                "Field 1 is invalid; Field 2 is required");
  require_error(parse_purchase_number(answer(422, R"({"errors":[{"message":"Region blocked"}]})")),
                errc::unprocessable, 422, "Region blocked", "Region blocked");
  require_error(parse_purchase_number(answer(422, R"({"message":"Regulatory block"})")),
                errc::unprocessable, 422, "Regulatory block", "Regulatory block");
  require_error(parse_purchase_number(answer(422, "")), errc::unprocessable, 422,
                "HTTP 422 without a message", "");
}

TEST_CASE("purchase 401 is unauthorized") {
  require_error(parse_purchase_number(answer(401, ex::error_401)), errc::unauthorized, 401,
                "Invalid or expired API key", "Invalid or expired API key");
}

TEST_CASE("purchase 403, a key without write permission, is forbidden") {
  require_error(parse_purchase_number(answer(403, ex::error_403_write)), errc::forbidden, 403,
                "Write permission required", "Write permission required");
}

TEST_CASE("purchase: a missing documented field is a protocol error naming it") {
  for (std::string_view field : {"id", "phone_number", "name", "country_code", "active",
                                 "ai_receptionist_enabled", "operators", "operators_count"}) {
    INFO(std::string(field));
    require_bought_unreadable(parse_purchase_number(answer(201, purchase_with(field, ""))), 201,
                              "data." + std::string(field) + " is missing");
  }
}

TEST_CASE("purchase: a mistyped documented field is a protocol error saying what it is") {
  require_bought_unreadable(parse_purchase_number(answer(201, purchase_with("id", R"("9")"))), 201,
                            "data.id is a string, not an integer");
  require_bought_unreadable(parse_purchase_number(answer(201, purchase_with("id", "9.5"))), 201,
                            "data.id is a floating-point number, not an integer");
  require_bought_unreadable(
      parse_purchase_number(answer(201, purchase_with("id", "18446744073709551615"))), 201,
      "data.id is an integer beyond the 64-bit range");
  require_bought_unreadable(
      parse_purchase_number(answer(201, purchase_with("active", R"("true")"))), 201,
      "data.active is a string, not a boolean");
  require_bought_unreadable(
      parse_purchase_number(answer(201, purchase_with("phone_number", "null"))), 201,
      "data.phone_number is null or empty");
  require_bought_unreadable(parse_purchase_number(answer(201, purchase_with("id", "null"))), 201,
                            "data.id is null or not positive");
  require_bought_unreadable(parse_purchase_number(answer(201, purchase_with("name", "7"))), 201,
                            "data.name is an integer, not a string or null");
  require_bought_unreadable(parse_purchase_number(answer(201, purchase_with("operators", "{}"))),
                            201, "data.operators is an object, not an array");
  require_bought_unreadable(
      parse_purchase_number(answer(201, purchase_with("operators", R"(["AC"])"))), 201,
      "data.operators[0] is a string, not an object");
  require_bought_unreadable(
      parse_purchase_number(answer(201, purchase_with("operators", R"([{"id":12,"name":"A"}])"))),
      201, "data.operators[0].initials is missing");
}

TEST_CASE("purchase: an unreadable success says the number was probably bought") {
  require_bought_unreadable(parse_purchase_number(answer(200, "OK")), 200, "the body is not JSON");
  require_bought_unreadable(parse_purchase_number(answer(201, R"({"data":{"id":9}})")), 201,
                            "data.phone_number is missing");
  // Any other 2xx is not the documented success: the outcome is unknown too.
  require_bought_unreadable(parse_purchase_number(answer(202, ex::purchase_201)), 202,
                            "HTTP status 202 is not documented");
  require_bought_unreadable(parse_purchase_number(answer(204, "")), 204,
                            "HTTP status 204 is not documented");
}

TEST_CASE("purchase: a null where the page shows a value does not hide the success") {
  auto r = parse_purchase_number(answer(201, purchase_with("ai_receptionist_enabled", "null")));
  REQUIRE(r);
  CHECK(r->id == 9);
  CHECK_FALSE(r->ai_receptionist_enabled);
  auto counted = parse_purchase_number(answer(201, purchase_with("operators_count", "null")));
  REQUIRE(counted);
  CHECK(counted->operators_count == 0);
}

TEST_CASE("purchase: 500, 502, 503 and 504 are outcome_unknown, keeping the provider's message") {
  for (int status : {500, 502, 503, 504}) {
    INFO(status);
    require_error(parse_purchase_number(answer(status, R"({"error":"Upstream timeout"})")),
                  errc::outcome_unknown, status,
                  "the purchase may have taken effect (Upstream timeout): check "
                  "list_virtual_numbers() before buying again",
                  "Upstream timeout");
    require_error(parse_purchase_number(answer(status, "<html>Bad gateway</html>")),
                  errc::outcome_unknown, status,
                  "the purchase may have taken effect (HTTP " + std::to_string(status) +
                      " without a message): check list_virtual_numbers() before buying again",
                  "");
  }
}

TEST_CASE("purchase: ids use the full 64-bit range") {
  auto r = parse_purchase_number(answer(201, purchase_with("id", "9223372036854775807")));
  REQUIRE(r);
  CHECK(r->id == INT64_MAX);
}

TEST_CASE("purchase: a null name is a number without a display name") {
  auto r = parse_purchase_number(answer(201, purchase_with("name", "null")));
  REQUIRE(r);
  CHECK_FALSE(r->name.has_value());
}

TEST_CASE("purchase: unknown extra fields are ignored") {
  auto body = purchase_with("recording", "true");
  auto r = parse_purchase_number(answer(201, R"({"meta":{"request_id":"abc"},)" + body.substr(1)));
  REQUIRE(r);
  CHECK(r->id == 9);
}

TEST_CASE("purchase: a body that is not {data:{...}} is a protocol error") {
  require_bought_unreadable(parse_purchase_number(answer(201, "")), 201, "the body is not JSON");
  require_bought_unreadable(parse_purchase_number(answer(201, "<html>Created</html>")), 201,
                            "the body is not JSON");
  require_bought_unreadable(parse_purchase_number(answer(201, ex::purchase_201.substr(0, 60))), 201,
                            "the body is not JSON");
  require_bought_unreadable(parse_purchase_number(answer(201, "[]")), 201,
                            "the body is not a JSON object");
  require_bought_unreadable(parse_purchase_number(answer(201, "{}")), 201, "data is missing");
  require_bought_unreadable(parse_purchase_number(answer(201, R"({"data":[]})")), 201,
                            "data is an array, not an object");
  require_bought_unreadable(parse_purchase_number(answer(201, R"({"data":null})")), 201,
                            "data.id is null or not positive");
}

// ---- List Virtual Numbers

TEST_CASE("list 200 OK is every number with its operator preview") {
  auto r = parse_list_virtual_numbers(answer(200, ex::list_200));
  REQUIRE(r);
  REQUIRE(r->size() == 2);
  CHECK((*r)[0] ==
        virtual_number{
            7,
            "+15551234567",
            "US Sales Line",
            "US",
            true,
            false,
            {{12, "Alice Carter", "AC"}, {13, "Bob Diaz", "BD"}, {14, "Carol Evans", "CE"}},
            3});
  CHECK((*r)[1] == virtual_number{8,
                                  "+37060012345",
                                  "LT Support Line",
                                  "LT",
                                  true,
                                  true,
                                  {{21, "Daiva Petrauskas", "DP"}},
                                  1});
}

TEST_CASE("list: an empty account is an empty list") {
  auto r = parse_list_virtual_numbers(answer(200, R"({"data":[]})"));
  REQUIRE(r);
  CHECK(r->empty());
}

TEST_CASE("list: a malformed entry is a protocol error naming its index") {
  require_protocol(parse_list_virtual_numbers(answer(200, R"({"data":[7]})")), 200,
                   "data[0] is an integer, not an object");
  auto list = boost::json::parse(ex::list_200);
  list.as_object()["data"].as_array()[1].as_object()["operators"].as_array()[0].as_object().erase(
      "name");
  require_protocol(parse_list_virtual_numbers(answer(200, boost::json::serialize(list))), 200,
                   "data[1].operators[0].name is missing");
  require_protocol(parse_list_virtual_numbers(answer(200, R"({"data":{}})")), 200,
                   "data is an object, not an array");
}

TEST_CASE("list 401 Unauthorized and 403 without read permission") {
  require_error(parse_list_virtual_numbers(answer(401, error_body("Unauthorized"))),
                errc::unauthorized, 401, "Unauthorized", "Unauthorized");
  require_error(parse_list_virtual_numbers(answer(403, ex::error_403_read)), errc::forbidden, 403,
                "Read permission required", "Read permission required");
}

// ---- Get Virtual Number

TEST_CASE(
    "get 200 OK is the full detail: stats, operators with priority, available operators, "
    "recent calls") {
  auto r = parse_get_virtual_number(answer(200, ex::get_200));
  REQUIRE(r);
  auto expected = documented_detail();
  expected.operators = {{12, "Alice Carter", "+15555550112", "AC", 0},
                        {13, "Bob Diaz", "+15555550113", "BD", 1},
                        {14, "Carol Evans", "+15555550114", "CE", 2}};
  expected.available_operators = {{22, "Eva Frank", "+15555550122", "EF"}};
  expected.recent_calls = {{9981, "+15558884444", "John Smith", "answered", 213, "inbound", false,
                            std::nullopt, "2026-04-14T16:22:05Z"}};
  CHECK(*r == expected);
}

TEST_CASE("get: a recent call with a transcript summary") {
  auto v = boost::json::parse(ex::get_200);
  v.as_object()["data"]
      .as_object()["recent_calls"]
      .as_array()[0]
      .as_object()["transcript_summary"] = "Asked about pricing";
  auto r = parse_get_virtual_number(answer(200, boost::json::serialize(v)));
  REQUIRE(r);
  CHECK(r->recent_calls.at(0).transcript_summary == "Asked about pricing");
}

TEST_CASE("get: a recent call from an unknown caller has no caller name") {
  auto v = boost::json::parse(ex::get_200);
  v.as_object()["data"].as_object()["recent_calls"].as_array()[0].as_object()["caller_name"] =
      nullptr;
  auto r = parse_get_virtual_number(answer(200, boost::json::serialize(v)));
  REQUIRE(r);
  CHECK_FALSE(r->recent_calls.at(0).caller_name.has_value());
  CHECK(r->recent_calls.at(0).phone_number == "+15558884444");
}

TEST_CASE("get: an average call duration with a fraction is kept") {
  auto v = boost::json::parse(ex::get_200);
  v.as_object()["data"].as_object()["stats"].as_object()["average_duration_seconds"] = 183.6;
  auto r = parse_get_virtual_number(answer(200, boost::json::serialize(v)));
  REQUIRE(r);
  CHECK(r->stats.average_duration_seconds == 183.6);
}

TEST_CASE("get: every routing strategy, and an undocumented one is kept as other with its name") {
  CHECK(parse_get_virtual_number(answer(200, detail_with("routing_strategy", R"("round_robin")")))
            ->routing == routing_strategy::round_robin);
  CHECK(parse_get_virtual_number(answer(200, detail_with("routing_strategy", R"("simultaneous")")))
            ->routing == routing_strategy::simultaneous);
  auto random =
      parse_get_virtual_number(answer(200, detail_with("routing_strategy", R"("random")")));
  REQUIRE(random);
  CHECK(random->routing == routing_strategy::other);
  CHECK(random->routing_name == "random");
  require_protocol(parse_get_virtual_number(answer(200, detail_with("routing_strategy", "1"))), 200,
                   "data.routing_strategy is an integer, not a string");
}

TEST_CASE("get: a missing or mistyped detail field is a protocol error naming it") {
  for (std::string_view field :
       {"id", "phone_number", "name", "country_code", "active", "recording", "routing_strategy",
        "ai_receptionist_enabled", "stats", "operators", "available_operators", "recent_calls"}) {
    INFO(std::string(field));
    require_protocol(parse_get_virtual_number(answer(200, detail_with(field, ""))), 200,
                     "data." + std::string(field) + " is missing");
  }
  require_protocol(
      parse_get_virtual_number(answer(200, detail_with("stats", R"({"total_calls":1})"))), 200,
      "data.stats.answered_calls is missing");
  require_protocol(parse_get_virtual_number(answer(200, detail_with("stats", "[]"))), 200,
                   "data.stats is an array, not an object");
  require_protocol(
      parse_get_virtual_number(answer(200, detail_with("operators", R"([{"id":12,"name":"A",)"
                                                                    R"("phone_number":"+1",)"
                                                                    R"("initials":"A"}])"))),
      200, "data.operators[0].priority is missing");
  require_protocol(
      parse_get_virtual_number(answer(200, detail_with("recent_calls", R"([{"id":1}])"))), 200,
      "data.recent_calls[0].phone_number is missing");
}

TEST_CASE("get 404 Resource not found is not_found") {
  require_error(parse_get_virtual_number(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
}

// ---- Update Virtual Number

TEST_CASE("update 200 OK is the same detail payload, with the new settings") {
  auto r = parse_update_virtual_number(answer(200, ex::update_200));
  REQUIRE(r);
  auto expected = documented_detail();
  expected.name = "US Sales Line - Primary";
  expected.routing = routing_strategy::round_robin;
  expected.routing_name = "round_robin";
  REQUIRE(*r);
  CHECK(**r == expected);
}

TEST_CASE("update: a new routing strategy or a null does not turn the success into a failure") {
  auto v = boost::json::parse(ex::update_200);
  auto& data = v.as_object()["data"].as_object();
  data["routing_strategy"] = "weighted";
  data["recording"] = nullptr;
  data["stats"].as_object()["missed_calls"] = nullptr;
  auto r = parse_update_virtual_number(answer(200, boost::json::serialize(v)));
  REQUIRE(r);
  REQUIRE(*r);
  CHECK((*r)->routing == routing_strategy::other);
  CHECK((*r)->routing_name == "weighted");
  CHECK_FALSE((*r)->recording);
  CHECK((*r)->stats.missed_calls == 0);
}

TEST_CASE("update: 204 without a body is a success without the payload") {
  auto r = parse_update_virtual_number(answer(204, ""));
  REQUIRE(r);
  CHECK_FALSE(r->has_value());
}

TEST_CASE(
    "update: an unreadable 2xx is outcome_unknown, a 5xx server_error (sending again is safe)") {
  require_error(parse_update_virtual_number(answer(200, "<html>")), errc::outcome_unknown, 200,
                "the update may have taken effect (unexpected response: the body is not JSON): "
                "sending it again is safe",
                "");
  require_error(parse_update_virtual_number(answer(202, ex::update_200)), errc::outcome_unknown,
                202,
                "the update may have taken effect (unexpected response: HTTP status 202 is not "
                "documented): sending it again is safe",
                "");
  require_error(parse_update_virtual_number(answer(503, R"({"error":"busy"})")), errc::server_error,
                503, "busy", "busy");
}

TEST_CASE("update 422 Validation errors is unprocessable with every message") {
  require_error(parse_update_virtual_number(answer(422, ex::error_format_422_array)),
                errc::unprocessable, 422, "Field 1 is invalid; Field 2 is required",
                "Field 1 is invalid; Field 2 is required");
}

TEST_CASE("update 404 Resource not found is not_found") {
  require_error(parse_update_virtual_number(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
}

// ---- Search Available Numbers

TEST_CASE("search 200 OK has the documented fields typed and each entry as raw JSON") {
  auto r = parse_search_available_numbers(answer(200, ex::available_200));
  REQUIRE(r);
  REQUIRE(r->size() == 2);
  const available_number& first = (*r)[0];
  CHECK(first.phone_number == "+15551234567");
  CHECK(first.country_code == "US");
  CHECK(first.type == number_type::local);
  CHECK(first.upfront_cost == "1.00");
  CHECK(first.monthly_cost == "1.00");
  CHECK(first.features == std::vector<std::string>{"sms", "voice", "mms"});
  CHECK(first.region_information == std::vector<number_region>{{"state", "CA"}});
  CHECK(boost::json::parse(first.raw) == boost::json::parse(ex::available_200).at("data").at(0));
  const available_number& second = (*r)[1];
  CHECK(second.phone_number == "+15551234568");
  CHECK(second.features == std::vector<std::string>{"voice"});
  CHECK(second.region_information == std::vector<number_region>{{"state", "NY"}});
}

TEST_CASE("search: provider-dependent entries: absent or differently typed fields stay in raw") {
  auto r = parse_search_available_numbers(answer(200, R"({"data":[{
      "phone_number": "+442071838750",
      "number_type": "geographic",
      "upfront_cost": 1.5,
      "features": ["voice", 7],
      "region_information": [{"region_type": "city"}],
      "lata": "London"}]})"));
  REQUIRE(r);
  REQUIRE(r->size() == 1);
  const available_number& n = (*r)[0];
  CHECK(n.phone_number == "+442071838750");
  CHECK_FALSE(n.country_code.has_value());
  CHECK_FALSE(n.type.has_value());
  CHECK_FALSE(n.upfront_cost.has_value());
  CHECK_FALSE(n.monthly_cost.has_value());
  CHECK_FALSE(n.features.has_value());
  CHECK_FALSE(n.region_information.has_value());
  const boost::json::value raw = boost::json::parse(n.raw);
  CHECK(raw.at("number_type") == "geographic");
  CHECK(raw.at("upfront_cost") == 1.5);
  CHECK(raw.at("lata") == "London");
}

TEST_CASE("search: toll-free entries are number_type::toll_free") {
  auto r = parse_search_available_numbers(
      answer(200, R"({"data":[{"phone_number":"+18005550100","number_type":"toll-free"}]})"));
  REQUIRE(r);
  CHECK(r->at(0).type == number_type::toll_free);
}

TEST_CASE("search: an entry without a phone number cannot be purchased and is a protocol error") {
  require_protocol(
      parse_search_available_numbers(answer(200, R"({"data":[{"country_code":"US"}]})")), 200,
      "data[0].phone_number is missing");
  require_protocol(parse_search_available_numbers(answer(200, R"({"data":[{"phone_number":1}]})")),
                   200, "data[0].phone_number is an integer, not a string");
}

TEST_CASE("search: nothing available is an empty list") {
  auto r = parse_search_available_numbers(answer(200, R"({"data":[]})"));
  REQUIRE(r);
  CHECK(r->empty());
}

TEST_CASE("search: a 400 for a bad parameter keeps the provider's message") {
  require_error(parse_search_available_numbers(answer(400, ex::error_format)),
                errc::invalid_argument, 400, "Description of what went wrong",
                "Description of what went wrong");
}

// ---- Add Operator and Remove Operator

TEST_CASE("remove operator 200 OK is the detail payload with the updated operator list") {
  auto r = parse_remove_operator(answer(200, ex::remove_operator_200));
  REQUIRE(r);
  auto expected = documented_detail();
  expected.available_operators = {{22, "Greta Hall", "+15555550199", "GH"}};
  CHECK(r->value() == expected);
}

TEST_CASE("remove operator 404 Resource not found is not_found") {
  require_error(parse_remove_operator(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
}

TEST_CASE("remove operator: 204 without a body is a success without the payload") {
  auto r = parse_remove_operator(answer(204, ""));
  REQUIRE(r);
  CHECK_FALSE(r->has_value());
}

TEST_CASE("add operator: the undocumented response is read as the detail payload, on 200 or 201") {
  auto ok = parse_add_operator(answer(200, ex::get_200));
  REQUIRE(ok);
  CHECK(ok->value().operators.size() == 3);
  auto created = parse_add_operator(answer(201, ex::remove_operator_200));
  REQUIRE(created);
  CHECK(created->value().available_operators.at(0).name == "Greta Hall");
  // add_operator may create an operator: an unreadable success and a 5xx leave it unknown.
  require_error(parse_add_operator(answer(201, ex::purchase_201)), errc::outcome_unknown, 201,
                "adding the operator may have taken effect (unexpected response: data.recording "
                "is missing): check get_virtual_number(id) and list_operators() before adding it "
                "again",
                "");
  require_error(parse_add_operator(answer(502, "")), errc::outcome_unknown, 502,
                "adding the operator may have taken effect (HTTP 502 without a message): check "
                "get_virtual_number(id) and list_operators() before adding it again",
                "");
  auto empty = parse_add_operator(answer(204, ""));
  REQUIRE(empty);
  CHECK_FALSE(empty->has_value());
}

TEST_CASE("add operator 404 and 422 keep the provider's message") {
  require_error(parse_add_operator(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
  require_error(parse_add_operator(answer(422, error_body("phone_number is invalid"))),
                errc::unprocessable, 422, "phone_number is invalid", "phone_number is invalid");
}

// ---- Operators

namespace {

// The Get Operator example's data with one member replaced (or removed, for an empty value).
std::string operator_with(std::string_view example, std::string_view member,
                          std::string_view value) {
  auto v = boost::json::parse(example);
  auto& data = v.as_object()["data"].as_object();
  if (value.empty())
    data.erase(member);
  else
    data[member] = boost::json::parse(value);
  return boost::json::serialize(v);
}

operator_detail documented_operator() {
  return {
      42,
      "Jane Doe",
      "+15551234567",
      "jane.doe@example.com",
      true,
      "JD",
      {{101, "+15558675309", "Sales line", true}, {117, "+37060099001", "Vilnius support", true}}};
}

// A create whose success status came with a body that cannot be read.
void require_created_unreadable(const vnum::result<operator_detail>& r, int status,
                                std::string_view why) {
  require_error(r, errc::outcome_unknown, status,
                "creating the operator may have taken effect (unexpected response: " +
                    std::string(why) + "): check list_operators() before creating it again",
                "");
}

}  // namespace

TEST_CASE("list operators 200 OK is every operator, in the documented order, typed") {
  auto r = parse_list_operators(answer(200, ex::list_operators_200));
  REQUIRE(r);
  REQUIRE(r->size() == 3);
  CHECK((*r)[0] == operator_summary{12, "Aldona Petrauskaitė", "+37060012345", "aldona@example.com",
                                    true, "AP", 2});
  CHECK((*r)[1] ==
        operator_summary{7, "Jane Doe", "+15551234567", "jane.doe@example.com", true, "JD", 1});
  CHECK((*r)[2] ==
        operator_summary{18, "Marcus Chen", "+14155550199", std::nullopt, false, "MC", 0});
}

TEST_CASE("list operators: no operators is an empty list") {
  auto r = parse_list_operators(answer(200, R"({"data":[]})"));
  REQUIRE(r);
  CHECK(r->empty());
}

TEST_CASE("list operators: a missing or mistyped field is a protocol error naming its path") {
  for (std::string_view field :
       {"id", "name", "phone_number", "email", "active", "initials", "virtual_numbers_count"}) {
    INFO(std::string(field));
    auto list = boost::json::parse(ex::list_operators_200);
    list.as_object()["data"].as_array()[2].as_object().erase(field);
    require_protocol(parse_list_operators(answer(200, boost::json::serialize(list))), 200,
                     "data[2]." + std::string(field) + " is missing");
  }
  auto list = boost::json::parse(ex::list_operators_200);
  list.as_object()["data"].as_array()[1].as_object()["virtual_numbers_count"] = "1";
  require_protocol(parse_list_operators(answer(200, boost::json::serialize(list))), 200,
                   "data[1].virtual_numbers_count is a string, not an integer");
  list = boost::json::parse(ex::list_operators_200);
  list.as_object()["data"].as_array()[0].as_object()["email"] = false;
  require_protocol(parse_list_operators(answer(200, boost::json::serialize(list))), 200,
                   "data[0].email is a boolean, not a string or null");
  require_protocol(parse_list_operators(answer(200, R"({"data":{}})")), 200,
                   "data is an object, not an array");
}

TEST_CASE("list operators 401 Invalid API key and 403 Read permission required") {
  require_error(parse_list_operators(answer(401, error_body("Invalid API key"))),
                errc::unauthorized, 401, "Invalid API key", "Invalid API key");
  require_error(parse_list_operators(answer(403, ex::error_403_read)), errc::forbidden, 403,
                "Read permission required", "Read permission required");
}

TEST_CASE("get operator 200 OK is the detail with its virtual number assignments") {
  auto r = parse_get_operator(answer(200, ex::get_operator_200));
  REQUIRE(r);
  CHECK(*r == documented_operator());
}

TEST_CASE("get operator: a null email, a null number name and no numbers are read as such") {
  auto body = boost::json::parse(ex::get_operator_200);
  auto& data = body.as_object()["data"].as_object();
  data["email"] = nullptr;
  data["virtual_numbers"].as_array()[1].as_object()["name"] = nullptr;
  auto r = parse_get_operator(answer(200, boost::json::serialize(body)));
  REQUIRE(r);
  CHECK_FALSE(r->email.has_value());
  CHECK_FALSE(r->virtual_numbers.at(1).name.has_value());
  auto none =
      parse_get_operator(answer(200, operator_with(ex::get_operator_200, "virtual_numbers", "[]")));
  REQUIRE(none);
  CHECK(none->virtual_numbers.empty());
}

TEST_CASE("get operator: a missing or mistyped field is a protocol error naming its path") {
  for (std::string_view field :
       {"id", "name", "phone_number", "email", "active", "initials", "virtual_numbers"}) {
    INFO(std::string(field));
    require_protocol(
        parse_get_operator(answer(200, operator_with(ex::get_operator_200, field, ""))), 200,
        "data." + std::string(field) + " is missing");
  }
  require_protocol(
      parse_get_operator(answer(200, operator_with(ex::get_operator_200, "active", R"("yes")"))),
      200, "data.active is a string, not a boolean");
  require_protocol(
      parse_get_operator(answer(200, operator_with(ex::get_operator_200, "virtual_numbers",
                                                   R"([{"id":101,"phone_number":"+15558675309",)"
                                                   R"("name":"Sales line","active":"true"}])"))),
      200, "data.virtual_numbers[0].active is a string, not a boolean");
  require_protocol(parse_get_operator(answer(
                       200, operator_with(ex::get_operator_200, "virtual_numbers", R"([101])"))),
                   200, "data.virtual_numbers[0] is an integer, not an object");
  require_protocol(parse_get_operator(answer(200, R"({"data":[]})")), 200,
                   "data is an array, not an object");
}

TEST_CASE("get operator 401, 403 and 404 are typed with the provider's message") {
  require_error(parse_get_operator(answer(401, error_body("Invalid API key"))), errc::unauthorized,
                401, "Invalid API key", "Invalid API key");
  require_error(parse_get_operator(answer(403, ex::error_403_read)), errc::forbidden, 403,
                "Read permission required", "Read permission required");
  require_error(parse_get_operator(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
}

TEST_CASE("create operator 201 Created, made whole, is the new operator") {
  auto r = parse_create_operator(answer(201, ex::create_operator_201));
  REQUIRE(r);
  CHECK(*r ==
        operator_detail{42, "Jane Doe", "+15551234567", "jane.doe@example.com", true, "JD", {}});
}

TEST_CASE("create operator: the documented part of the 201 alone is read, the rest defaulted") {
  auto r = parse_create_operator(answer(201, ex::create_operator_201_documented_part));
  REQUIRE(r);
  CHECK(*r ==
        operator_detail{42, "Jane Doe", "+15551234567", "jane.doe@example.com", true, "", {}});
}

TEST_CASE("create operator: the undocumented fields, when present, are read with their types") {
  auto inactive =
      parse_create_operator(answer(201, operator_with(ex::create_operator_201, "active", "false")));
  REQUIRE(inactive);
  CHECK_FALSE(inactive->active);
  auto linked =
      parse_create_operator(answer(201, operator_with(ex::create_operator_201, "virtual_numbers",
                                                      R"([{"id":101,"phone_number":"+15558675309",)"
                                                      R"("name":null,"active":true}])")));
  REQUIRE(linked);
  CHECK(linked->virtual_numbers ==
        std::vector<operator_number>{{101, "+15558675309", std::nullopt, true}});
  require_created_unreadable(
      parse_create_operator(answer(201, operator_with(ex::create_operator_201, "active", "1"))),
      201, "data.active is an integer, not a boolean");
  // A null where the page shows a value does not hide the success...
  auto no_initials = parse_create_operator(
      answer(201, operator_with(ex::create_operator_201, "initials", "null")));
  REQUIRE(no_initials);
  CHECK(no_initials->initials.empty());
  // ...but what identifies the operator must be there.
  require_created_unreadable(
      parse_create_operator(answer(201, operator_with(ex::create_operator_201, "id", "null"))), 201,
      "data.id is null or not positive");
  require_created_unreadable(
      parse_create_operator(
          answer(201, operator_with(ex::create_operator_201, "virtual_numbers", "{}"))),
      201, "data.virtual_numbers is an object, not an array");
}

TEST_CASE("create operator: a 200 with the same body is a success too") {
  auto r = parse_create_operator(answer(200, ex::create_operator_201));
  REQUIRE(r);
  CHECK(r->id == 42);
}

TEST_CASE("create operator: a documented field missing from a success says it was probably made") {
  for (std::string_view field : {"id", "name", "phone_number", "email"}) {
    INFO(std::string(field));
    require_created_unreadable(
        parse_create_operator(answer(201, operator_with(ex::create_operator_201, field, ""))), 201,
        "data." + std::string(field) + " is missing");
  }
  require_created_unreadable(parse_create_operator(answer(201, "")), 201, "the body is not JSON");
  require_created_unreadable(parse_create_operator(answer(200, "{}")), 200, "data is missing");
  // Any other 2xx is not the documented success, and a 5xx says nothing of the creation.
  require_created_unreadable(parse_create_operator(answer(204, "")), 204,
                             "HTTP status 204 is not documented");
  require_error(parse_create_operator(answer(504, "")), errc::outcome_unknown, 504,
                "creating the operator may have taken effect (HTTP 504 without a message): check "
                "list_operators() before creating it again",
                "");
}

TEST_CASE("create operator 401, 403 Write permission required, 422 keep the provider's message") {
  require_error(parse_create_operator(answer(401, error_body("Invalid API key"))),
                errc::unauthorized, 401, "Invalid API key", "Invalid API key");
  require_error(parse_create_operator(answer(403, ex::error_403_write)), errc::forbidden, 403,
                "Write permission required", "Write permission required");
  require_error(parse_create_operator(answer(422, error_body("name is required"))),
                errc::unprocessable, 422, "name is required", "name is required");
}

TEST_CASE("update operator 200 OK is the same detail, with the new settings") {
  auto r = parse_update_operator(answer(200, ex::update_operator_200));
  REQUIRE(r);
  REQUIRE(*r);
  CHECK(**r == operator_detail{42,
                               "Jane Doe",
                               "+15551234567",
                               "jane.doe+work@example.com",
                               false,
                               "JD",
                               {{101, "+15558675309", "Sales line", true}}});
}

TEST_CASE(
    "update operator: an unreadable success is outcome_unknown naming the path; 204 a success") {
  require_error(
      parse_update_operator(answer(200, operator_with(ex::update_operator_200, "initials", ""))),
      errc::outcome_unknown, 200,
      "the operator update may have taken effect (unexpected response: data.initials is "
      "missing): sending it again is safe",
      "");
  require_error(parse_update_operator(answer(201, ex::update_operator_200)), errc::outcome_unknown,
                201,
                "the operator update may have taken effect (unexpected response: HTTP status 201 "
                "is not documented): sending it again is safe",
                "");
  auto empty = parse_update_operator(answer(204, ""));
  REQUIRE(empty);
  CHECK_FALSE(empty->has_value());
}

TEST_CASE("update operator 401, 403 and 404 are typed with the provider's message") {
  require_error(parse_update_operator(answer(401, error_body("Invalid API key"))),
                errc::unauthorized, 401, "Invalid API key", "Invalid API key");
  require_error(parse_update_operator(answer(403, ex::error_403_write)), errc::forbidden, 403,
                "Write permission required", "Write permission required");
  require_error(parse_update_operator(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
}

TEST_CASE("delete operator 200 {\"success\": true} is done") {
  auto r = parse_delete_operator(answer(200, ex::delete_operator_200));
  CHECK(r);
}

TEST_CASE("delete operator: a 200 that does not say success is outcome_unknown") {
  auto unknown = [](std::string_view why) {
    return "deleting the operator may have taken effect (unexpected response: " + std::string(why) +
           "): sending it again is safe";
  };
  require_error(parse_delete_operator(answer(200, R"({"success": false})")), errc::outcome_unknown,
                200, unknown("success is false"), "");
  require_error(parse_delete_operator(answer(200, "{}")), errc::outcome_unknown, 200,
                unknown("success is missing"), "");
  require_error(parse_delete_operator(answer(200, R"({"success": "true"})")), errc::outcome_unknown,
                200, unknown("success is a string, not a boolean"), "");
  require_error(parse_delete_operator(answer(200, R"({"data": {"success": true}})")),
                errc::outcome_unknown, 200, unknown("success is missing"), "");
  require_error(parse_delete_operator(answer(200, "")), errc::outcome_unknown, 200,
                unknown("the body is not JSON"), "");
}

TEST_CASE("delete operator: 204, which the Errors page's status table allows, is done") {
  CHECK(parse_delete_operator(answer(204, "")));
}

TEST_CASE("delete operator 401, 403 and 404 are typed with the provider's message") {
  require_error(parse_delete_operator(answer(401, error_body("Invalid API key"))),
                errc::unauthorized, 401, "Invalid API key", "Invalid API key");
  require_error(parse_delete_operator(answer(403, ex::error_403_write)), errc::forbidden, 403,
                "Write permission required", "Write permission required");
  require_error(parse_delete_operator(answer(404, ex::error_404)), errc::not_found, 404,
                "Resource not found", "Resource not found");
}

TEST_CASE("operator results print with every field (an email is no secret)") {
  std::ostringstream out;
  out << operator_summary{18, "Marcus Chen", "+14155550199", std::nullopt, false, "MC", 0};
  CHECK(out.str() ==
        "operator_summary{id=18, name=\"Marcus Chen\", phone_number=\"+14155550199\", "
        "email=null, active=false, initials=\"MC\", virtual_numbers_count=0}");
  std::ostringstream detail;
  detail << operator_detail{42,
                            "Jane Doe",
                            "+15551234567",
                            "jane.doe@example.com",
                            true,
                            "JD",
                            {{101, "+15558675309", "Sales line", true}}};
  CHECK(detail.str() ==
        "operator_detail{id=42, name=\"Jane Doe\", phone_number=\"+15551234567\", "
        "email=\"jane.doe@example.com\", active=true, initials=\"JD\", "
        "virtual_numbers=[operator_number{id=101, phone_number=\"+15558675309\", "
        "name=\"Sales line\", active=true}]}");
}

// ---- Shared classification

TEST_CASE("the Errors page's examples are classified by their status") {
  require_error(parse_list_virtual_numbers(answer(403, ex::error_403_delete)), errc::forbidden, 403,
                "Delete permission required", "Delete permission required");
  require_error(parse_get_virtual_number(answer(422, ex::error_422_file_required)),
                errc::unprocessable, 422, "file is required", "file is required");
  require_error(parse_get_virtual_number(answer(422, ex::error_422_transcription)),
                errc::unprocessable, 422, "Transcription not available",
                "Transcription not available");
}

TEST_CASE("429 is rate_limited with the Retry-After the overview promises") {
  auto limited = parse_list_virtual_numbers(
      answer(429, error_body("Rate limit exceeded"), {{"Retry-After", "30"}}));
  require_error(limited, errc::rate_limited, 429, "Rate limit exceeded", "Rate limit exceeded");
  CHECK(limited.error().retry_after == std::chrono::seconds(30));

  auto without = parse_purchase_number(answer(429, ""));
  require_error(without, errc::rate_limited, 429, "HTTP 429 without a message", "");
  CHECK_FALSE(without.error().retry_after.has_value());
}

TEST_CASE("5xx is server_error for reads and idempotent writes, with or without a JSON body") {
  require_error(parse_list_virtual_numbers(answer(500, "<html>Internal Server Error</html>")),
                errc::server_error, 500, "HTTP 500 without a message", "");
  require_error(parse_remove_operator(answer(502, "")), errc::server_error, 502,
                "HTTP 502 without a message", "");
  require_error(parse_get_virtual_number(answer(503, error_body("Service unavailable"))),
                errc::server_error, 503, "Service unavailable", "Service unavailable");
}

TEST_CASE("an undocumented status is a protocol error") {
  require_protocol(parse_purchase_number(answer(302, "")), 302,
                   "HTTP status 302 is not documented");
  require_protocol(parse_get_virtual_number(answer(201, ex::get_200)), 201,
                   "HTTP status 201 is not documented");
  require_protocol(parse_list_virtual_numbers(answer(0, "")), 0, "HTTP status 0 is not documented");
}

TEST_CASE("100 000 nested brackets are a protocol error, not a crash") {
  std::string deep(100000, '[');
  require_protocol(parse_list_virtual_numbers(answer(200, deep)), 200, "the body is not JSON");
  std::string deep_objects;
  for (int i = 0; i < 100000; ++i) deep_objects += R"({"data":)";
  require_protocol(parse_get_virtual_number(answer(200, deep_objects)), 200,
                   "the body is not JSON");
  require_error(parse_purchase_number(answer(422, deep_objects)), errc::unprocessable, 422,
                "HTTP 422 without a message", "");
}

TEST_CASE("no parser throws, whatever the body") {
  const std::vector<std::string> bodies = {"",
                                           "null",
                                           "0",
                                           "\"x\"",
                                           "[]",
                                           "{}",
                                           R"({"data":1})",
                                           R"({"data":[1,2]})",
                                           R"({"data":{"operators":[null]}})",
                                           R"({"data":[{"operators":{}}]})",
                                           "\xff\xfe",
                                           std::string(ex::get_200.substr(0, 200)),
                                           std::string(ex::available_200),
                                           std::string(ex::list_operators_200),
                                           std::string(ex::create_operator_201_documented_part),
                                           R"({"success":null})"};
  for (int status : {200, 201, 204, 400, 401, 403, 404, 422, 429, 500, 599, 600, -1}) {
    for (const auto& body : bodies) {
      const auto r = answer(status, body);
      CHECK_NOTHROW(parse_purchase_number(r));
      CHECK_NOTHROW(parse_list_virtual_numbers(r));
      CHECK_NOTHROW(parse_get_virtual_number(r));
      CHECK_NOTHROW(parse_update_virtual_number(r));
      CHECK_NOTHROW(parse_search_available_numbers(r));
      CHECK_NOTHROW(parse_add_operator(r));
      CHECK_NOTHROW(parse_remove_operator(r));
      CHECK_NOTHROW(parse_list_operators(r));
      CHECK_NOTHROW(parse_get_operator(r));
      CHECK_NOTHROW(parse_create_operator(r));
      CHECK_NOTHROW(parse_update_operator(r));
      CHECK_NOTHROW(parse_delete_operator(r));
    }
  }
}

// ---- Pages of a list (guides/pagination)

TEST_CASE("list page: the entries and the pagination guide's meta") {
  auto body = boost::json::parse(ex::list_200);
  body.as_object()["meta"] = {
      {"current_page", 2}, {"per_page", 2}, {"total_pages", 5}, {"total_count", 9}};
  auto r = parse_list_virtual_numbers_page(answer(200, boost::json::serialize(body)));
  REQUIRE(r);
  CHECK(r->items.size() == 2);
  CHECK(r->meta == page_meta{2, 2, 5, 9});
}

TEST_CASE("list page: no meta is one answer, as the List page shows") {
  auto r = parse_list_virtual_numbers_page(answer(200, ex::list_200));
  REQUIRE(r);
  CHECK(r->items.size() == 2);
  CHECK_FALSE(r->meta.has_value());
  auto ops = parse_list_operators_page(answer(200, ex::list_operators_200));
  REQUIRE(ops);
  CHECK(ops->items.size() == 3);
  CHECK_FALSE(ops->meta.has_value());
}

TEST_CASE("list page: a meta that does not match the guide names its field") {
  require_protocol(
      parse_list_virtual_numbers_page(answer(
          200,
          R"({"data":[],"meta":{"current_page":1,"per_page":20,"total_pages":"5","total_count":0}})")),
      200, "meta.total_pages is a string, not an integer");
  require_protocol(parse_list_operators_page(answer(200, R"({"data":[],"meta":[]})")), 200,
                   "meta is an array, not an object");
}
