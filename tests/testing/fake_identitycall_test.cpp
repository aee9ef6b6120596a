// The IdentityCall fake: it reproduces every documented response, keeps the account's state,
// enforces key scope and permission, injects faults and journals requests. Requests are written
// out by hand here, so that the fake is tested on the wire format alone.
#include <vnum/identitycall/client.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "identitycall/examples.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <tuple>

namespace http = vnum::http;
namespace ex = identitycall_examples;
using vnum::errc;
using vnum::testing::fake_identitycall;
using vnum::testing::fault;

namespace {

const std::string base = "https://api.identitycall.ai/api/v1/public/virtual_numbers";

struct account {
  fake_identitycall fake;

  vnum::result<http::response> call(http::method m, std::string path, std::string body = {},
                                    std::string key = {}) {
    if (key.empty()) key = fake.api_key();
    std::vector<http::header> headers{{"Authorization", "Bearer " + key}};
    if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
    return fake.send({m, base + path, std::move(headers), std::move(body)});
  }

  // The account of the List example: number 7 (+15551234567, "US Sales Line") with Alice, Bob
  // and Carol attached, and number 8 in Lithuania with Daiva.
  void documented_account() {
    fake.add_operator("Alice Carter", "+15555550112", 12);
    fake.add_operator("Bob Diaz", "+15555550113", 13);
    fake.add_operator("Carol Evans", "+15555550114", 14);
    fake.add_operator("Daiva Petrauskas", "+37060000021", 21);
    fake.add_available("+15551234567", "US", "local");
    fake.add_available("+37060012345", "LT", "mobile");
    fake.set_next_number_id(7);
    REQUIRE(call(http::method::post, "/purchase", R"({"phone_number":"+15551234567","name":"US Sales Line"})")->status == 201);
    REQUIRE(call(http::method::post, "/purchase", R"({"phone_number":"+37060012345","name":"LT Support Line"})")->status == 201);
    for (int op : {12, 13, 14})
      REQUIRE(call(http::method::post, "/7/add_operator", R"({"operator_id":)" + std::to_string(op) + "}")->status == 200);
    REQUIRE(call(http::method::post, "/8/add_operator", R"({"operator_id":21})")->status == 200);
    fake.set_ai_receptionist(8, true);
  }
};

// Compares as JSON values, key order aside.
void answers(const vnum::result<http::response>& r, int status, std::string_view documented) {
  REQUIRE(r);
  CHECK(r->status == status);
  INFO("actual:     " << r->body << "\ndocumented: " << documented);
  CHECK(boost::json::parse(r->body) == boost::json::parse(documented));
}

}  // namespace

TEST_CASE("fake reproduces Purchase Number 201 Created") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(9);
  answers(a.call(http::method::post, "/purchase",
                 R"({"phone_number":"+15551234567","country_code":"US","number_type":"local","name":"US Sales Line"})"),
          201, ex::purchase_201);
  REQUIRE(a.fake.numbers().size() == 1);
  CHECK(a.fake.numbers()[0].recording);  // "has recording: true enabled by default"
}

TEST_CASE("fake reproduces List Virtual Numbers 200") {
  account a;
  a.documented_account();
  answers(a.call(http::method::get, ""), 200, ex::list_200);
}

TEST_CASE("fake reproduces Get Virtual Number 200") {
  account a;
  for (auto [id, name, phone] : {std::tuple{12, "Alice Carter", "+15555550112"},
                                 std::tuple{13, "Bob Diaz", "+15555550113"},
                                 std::tuple{14, "Carol Evans", "+15555550114"},
                                 std::tuple{22, "Eva Frank", "+15555550122"}})
    a.fake.add_operator(name, phone, id);
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(7);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567","name":"US Sales Line"})")->status == 201);
  for (int op : {12, 13, 14})
    REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":)" + std::to_string(op) + "}")->status == 200);
  a.fake.set_activity(7, 142, 118, 24, 184, boost::json::parse(R"([{
    "id": 9981, "phone_number": "+15558884444", "caller_name": "John Smith",
    "call_status": "answered", "call_duration": 213, "direction": "inbound",
    "ai_handled": false, "transcript_summary": null, "created_at": "2026-04-14T16:22:05Z"}])").as_array());
  answers(a.call(http::method::get, "/7"), 200, ex::get_200);
}

TEST_CASE("fake reproduces Update Virtual Number 200") {
  account a;
  a.fake.add_operator("Alice Carter", "+15555550112", 12);
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(7);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567","name":"US Sales Line"})")->status == 201);
  REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":12})")->status == 200);
  a.fake.set_activity(7, 142, 118, 24, 184);
  answers(a.call(http::method::patch, "/7",
                 R"({"name":"US Sales Line - Primary","active":true,"recording":true,"routing_strategy":"round_robin"})"),
          200, ex::update_200);
}

TEST_CASE("fake reproduces Remove Operator 200") {
  account a;
  a.fake.add_operator("Alice Carter", "+15555550112", 12);
  a.fake.add_operator("Greta Hall", "+15555550199", 22);
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(7);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567","name":"US Sales Line"})")->status == 201);
  REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":12})")->status == 200);
  REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":22})")->status == 200);
  a.fake.set_activity(7, 142, 118, 24, 184);
  answers(a.call(http::method::delete_, "/7/remove_operator?operator_id=22"), 200, ex::remove_operator_200);
}

TEST_CASE("fake reproduces Search Available Numbers 200") {
  account a;
  fake_identitycall::offer ca{"+15551234567", "US", "local"};
  ca.features = {"sms", "voice", "mms"};
  ca.region_information = boost::json::parse(R"([{ "region_type": "state", "region_name": "CA" }])").as_array();
  fake_identitycall::offer ny{"+15551234568", "US", "local"};
  ny.region_information = boost::json::parse(R"([{ "region_type": "state", "region_name": "NY" }])").as_array();
  a.fake.add_available(ca);
  a.fake.add_available(ny);
  a.fake.add_available("+15551234569", "US", "mobile");
  a.fake.add_available("+442071234567", "GB", "local");
  answers(a.call(http::method::get, "/available?country=US&number_type=local"), 200, ex::available_200);
  answers(a.call(http::method::get, "/available?country=us&number_type=local"), 200, ex::available_200);
}

TEST_CASE("fake reproduces the documented errors") {
  account a;
  answers(a.call(http::method::get, "", "", "idc_unknown"), 401, ex::error_401);
  auto read_only = a.fake.make_key({.read = true, .write = false});
  answers(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})", read_only), 403,
          ex::error_403_write);
  auto write_only = a.fake.make_key({.read = false, .write = true});
  answers(a.call(http::method::get, "", "", write_only), 403, ex::error_403_read);
  answers(a.call(http::method::get, "/12345"), 404, ex::error_404);
  answers(a.call(http::method::post, "/purchase", R"({"name":"x"})"), 422,
          R"({"error":"phone_number is required"})");
  answers(a.call(http::method::post, "/purchase", R"({"phone_number":""})"), 422,
          R"({"error":"phone_number is required"})");
  auto pending = a.fake.add_requirement_group(false);
  a.fake.add_available("+4930123456", "DE", "local");
  answers(a.call(http::method::post, "/purchase",
                 R"({"phone_number":"+4930123456","requirement_group_id":)" + std::to_string(pending) + "}"),
          422, R"({"error":"Requirement group must be approved before purchasing"})");
  a.fake.approve_requirement_group(pending);
  CHECK(a.call(http::method::post, "/purchase",
               R"({"phone_number":"+4930123456","requirement_group_id":)" + std::to_string(pending) + "}")
            ->status == 201);
}

TEST_CASE("fake: a purchase takes the number out of the inventory; ids increase") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.add_available("+15551234568", "US", "local");
  auto first = a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})");
  auto second = a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234568"})");
  CHECK(boost::json::parse(first->body).at("data").at("id") == 1);
  CHECK(boost::json::parse(second->body).at("data").at("id") == 2);
  CHECK(boost::json::parse(first->body).at("data").at("name").is_null());
  answers(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})"), 422,
          R"({"error":"Number is no longer available"})");
  answers(a.call(http::method::get, "/available?country=US&number_type=local"), 200, R"({"data":[]})");
}

TEST_CASE("fake: a project-scoped key sees and buys only inside its project") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.add_available("+15551234568", "US", "local");
  auto project = a.fake.make_key({.read = true, .write = true}, 42);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})")->status == 201);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234568"})", project)->status == 201);
  CHECK(a.fake.numbers()[1].project_id == 42);
  CHECK_FALSE(a.fake.numbers()[0].project_id.has_value());
  auto listed = boost::json::parse(a.call(http::method::get, "", "", project)->body).at("data").as_array();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].at("id") == 2);
  CHECK(a.call(http::method::get, "/1", "", project)->status == 404);
  CHECK(a.call(http::method::patch, "/1", R"({"name":"x"})", project)->status == 404);
  CHECK(boost::json::parse(a.call(http::method::get, "")->body).at("data").as_array().size() == 2);
}

TEST_CASE("fake: update changes only the fields present; bad values are 422 errors") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567","name":"Line"})")->status == 201);
  REQUIRE(a.call(http::method::patch, "/1", R"({"active":false})")->status == 200);
  auto n = a.fake.numbers()[0];
  CHECK(n.name == "Line");
  CHECK_FALSE(n.active);
  CHECK(n.recording);
  answers(a.call(http::method::patch, "/1", R"({"routing_strategy":"random","recording":"yes"})"), 422,
          R"({"errors":["recording must be true or false","routing_strategy must be priority, round_robin or simultaneous"]})");
  CHECK(a.fake.numbers()[0].routing_strategy == "priority");
}

TEST_CASE("fake: operators attach by id or by phone number, once; removal needs one attached") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})")->status == 201);
  auto alice = a.fake.add_operator("Alice Carter", "+15555550112");
  REQUIRE(a.call(http::method::post, "/1/add_operator", R"({"operator_id":)" + std::to_string(alice) + "}")->status == 200);
  REQUIRE(a.call(http::method::post, "/1/add_operator", R"({"operator_id":)" + std::to_string(alice) + "}")->status == 200);
  auto created = a.call(http::method::post, "/1/add_operator", R"({"phone_number":"+15555550199"})");
  auto ops = boost::json::parse(created->body).at("data").at("operators").as_array();
  REQUIRE(ops.size() == 2);  // re-attaching was a no-op
  CHECK(ops[1].at("name") == "Operator");
  CHECK(ops[1].at("priority") == 1);
  CHECK(a.call(http::method::post, "/1/add_operator", R"({"operator_id":999})")->status == 404);
  CHECK(a.call(http::method::post, "/1/add_operator", R"({})")->status == 422);
  CHECK(a.call(http::method::delete_, "/1/remove_operator", R"({"operator_id":)" + std::to_string(alice) + "}")->status == 200);
  CHECK(a.call(http::method::delete_, "/1/remove_operator?operator_id=" + std::to_string(alice))->status == 404);
  CHECK(a.call(http::method::delete_, "/1/remove_operator")->status == 422);
}

TEST_CASE("fault: lost request, lost response, injected status") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.fail_next(fault::request_lost());
  auto lost = a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})");
  CHECK(lost.error().code == errc::transport);
  CHECK(a.fake.numbers().empty());
  CHECK(a.fake.journal().empty());

  a.fake.fail_next(fault::response_lost());
  auto unknown = a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})");
  CHECK(unknown.error().code == errc::outcome_unknown);
  CHECK(a.fake.numbers().size() == 1);  // bought: reconcile with the list before buying again

  a.fake.fail_next(fault::status(429).retry_after(std::chrono::seconds(12)));
  auto limited = a.call(http::method::get, "");
  REQUIRE(limited);
  CHECK(limited->status == 429);
  CHECK(http::find_header(*limited, "Retry-After") == "12");
  answers(limited, 429, R"({"error":"Rate limit exceeded"})");
  a.fake.fail_next(fault::status(401));
  answers(a.call(http::method::get, ""), 401, ex::error_401);
  a.fake.fail_next(fault::status(500), fake_identitycall::route::purchase_number);
  CHECK(a.call(http::method::get, "")->status == 200);
  CHECK(a.call(http::method::post, "/purchase", R"({"phone_number":"+1"})")->status == 500);
  CHECK(a.fake.journal().size() == 5);  // the lost request never arrived
}

TEST_CASE("the client against the fake: search, buy, staff and configure a number") {
  namespace ic = vnum::identitycall;
  fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  fake.add_available("+15551234568", "US", "mobile");
  ic::client<fake_identitycall&> identitycall{fake, ic::config{fake.api_key()}};

  auto offers = identitycall.search_available_numbers({"us", ic::number_type::local});
  REQUIRE(offers);
  REQUIRE(offers->size() == 1);
  ic::purchase_request order;
  order.phone_number = (*offers)[0].phone_number;
  order.country_code = "US";
  order.type = ic::number_type::local;
  order.name = "US Sales Line";
  auto bought = identitycall.purchase_number(order);
  REQUIRE(bought);
  CHECK(bought->phone_number == "+15551234567");
  CHECK(bought->name == "US Sales Line");

  ic::add_operator_request greta;
  greta.phone_number = "+15555550199";
  greta.name = "Greta Hall";
  auto staffed = identitycall.add_operator(bought->id, greta);
  REQUIRE(staffed);
  REQUIRE(staffed->operators.size() == 1);
  CHECK(staffed->operators[0].initials == "GH");

  ic::update_request update;
  update.routing = ic::routing_strategy::round_robin;
  auto updated = identitycall.update_virtual_number(bought->id, update);
  REQUIRE(updated);
  CHECK(updated->routing == ic::routing_strategy::round_robin);
  auto released = identitycall.remove_operator(bought->id, staffed->operators[0].id);
  REQUIRE(released);
  CHECK(released->operators.empty());
  CHECK(released->available_operators.size() == 1);
}

TEST_CASE("reconciling a purchase whose outcome is unknown with the list, as the README shows") {
  namespace ic = vnum::identitycall;
  fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  ic::client<fake_identitycall&> identitycall{fake, ic::config{fake.api_key()}};
  ic::purchase_request order;
  order.phone_number = "+15551234567";

  fake.fail_next(fault::response_lost());
  auto bought = identitycall.purchase_number(order);
  REQUIRE_FALSE(bought);
  REQUIRE(bought.error().code == errc::outcome_unknown);

  auto owned = identitycall.list_virtual_numbers();
  REQUIRE(owned);
  const bool have = std::any_of(owned->begin(), owned->end(),
                                [&](const ic::virtual_number& n) { return n.phone_number == order.phone_number; });
  CHECK(have);  // it was bought: buying again would fail or, elsewhere, pay twice
}
