// The IdentityCall fake: it reproduces every documented response, keeps the account's state,
// enforces key scope and permission, injects faults and journals requests. Requests are written
// out by hand here, so that the fake is tested on the wire format alone.
#include <vnum/identitycall/client.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "identitycall/examples.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace http = vnum::http;
namespace ex = identitycall_examples;
using vnum::errc;
using vnum::testing::fake_identitycall;
using vnum::testing::fault;

namespace {

const std::string api = "https://api.identitycall.ai/api/v1/public";
const std::string base = api + "/virtual_numbers";

struct account {
  fake_identitycall fake;

  vnum::result<http::response> call(http::method m, std::string path, std::string body = {},
                                    std::string key = {}) {
    if (key.empty()) key = fake.api_key();
    std::vector<http::header> headers{{"Authorization", "Bearer " + key}};
    if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
    return fake.send({m, base + path, std::move(headers), std::move(body)});
  }

  // The same under /operators.
  vnum::result<http::response> ops(http::method m, std::string path, std::string body = {},
                                   std::string key = {}) {
    if (key.empty()) key = fake.api_key();
    std::vector<http::header> headers{{"Authorization", "Bearer " + key}};
    if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
    return fake.send({m, api + "/operators" + path, std::move(headers), std::move(body)});
  }

  // Buys a number with this id and name (the key's project, if it has one).
  void buy(std::int64_t id, std::string phone, std::string name, std::string key = {}) {
    fake.add_available(phone, "US", "local");
    fake.set_next_number_id(id);
    REQUIRE(call(http::method::post, "/purchase",
                 R"({"phone_number":")" + phone + R"(","name":")" + name + R"("})", key)
                ->status == 201);
  }

  void attach(std::int64_t number, std::int64_t op, std::string key = {}) {
    REQUIRE(call(http::method::post, "/" + std::to_string(number) + "/add_operator",
                 R"({"operator_id":)" + std::to_string(op) + "}", key)
                ->status == 200);
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
    REQUIRE(call(http::method::post, "/purchase",
                 R"({"phone_number":"+15551234567","name":"US Sales Line"})")
                ->status == 201);
    REQUIRE(call(http::method::post, "/purchase",
                 R"({"phone_number":"+37060012345","name":"LT Support Line"})")
                ->status == 201);
    for (int op : {12, 13, 14})
      REQUIRE(call(http::method::post, "/7/add_operator",
                   R"({"operator_id":)" + std::to_string(op) + "}")
                  ->status == 200);
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
  answers(
      a.call(
          http::method::post, "/purchase",
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
  for (auto [id, name, phone] :
       {std::tuple{12, "Alice Carter", "+15555550112"}, std::tuple{13, "Bob Diaz", "+15555550113"},
        std::tuple{14, "Carol Evans", "+15555550114"}, std::tuple{22, "Eva Frank", "+15555550122"}})
    a.fake.add_operator(name, phone, id);
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(7);
  REQUIRE(a.call(http::method::post, "/purchase",
                 R"({"phone_number":"+15551234567","name":"US Sales Line"})")
              ->status == 201);
  for (int op : {12, 13, 14})
    REQUIRE(a.call(http::method::post, "/7/add_operator",
                   R"({"operator_id":)" + std::to_string(op) + "}")
                ->status == 200);
  a.fake.set_activity(7, 142, 118, 24, 184,
                      boost::json::parse(R"([{
    "id": 9981, "phone_number": "+15558884444", "caller_name": "John Smith",
    "call_status": "answered", "call_duration": 213, "direction": "inbound",
    "ai_handled": false, "transcript_summary": null, "created_at": "2026-04-14T16:22:05Z"}])")
                          .as_array());
  answers(a.call(http::method::get, "/7"), 200, ex::get_200);
}

TEST_CASE("fake reproduces Update Virtual Number 200") {
  account a;
  a.fake.add_operator("Alice Carter", "+15555550112", 12);
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(7);
  REQUIRE(a.call(http::method::post, "/purchase",
                 R"({"phone_number":"+15551234567","name":"US Sales Line"})")
              ->status == 201);
  REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":12})")->status == 200);
  a.fake.set_activity(7, 142, 118, 24, 184);
  answers(
      a.call(
          http::method::patch, "/7",
          R"({"name":"US Sales Line - Primary","active":true,"recording":true,"routing_strategy":"round_robin"})"),
      200, ex::update_200);
}

TEST_CASE("fake reproduces Remove Operator 200") {
  account a;
  a.fake.add_operator("Alice Carter", "+15555550112", 12);
  a.fake.add_operator("Greta Hall", "+15555550199", 22);
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.set_next_number_id(7);
  REQUIRE(a.call(http::method::post, "/purchase",
                 R"({"phone_number":"+15551234567","name":"US Sales Line"})")
              ->status == 201);
  REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":12})")->status == 200);
  REQUIRE(a.call(http::method::post, "/7/add_operator", R"({"operator_id":22})")->status == 200);
  a.fake.set_activity(7, 142, 118, 24, 184);
  answers(a.call(http::method::delete_, "/7/remove_operator?operator_id=22"), 200,
          ex::remove_operator_200);
}

TEST_CASE("fake reproduces Search Available Numbers 200") {
  account a;
  fake_identitycall::offer ca{"+15551234567", "US", "local"};
  ca.features = {"sms", "voice", "mms"};
  ca.region_information =
      boost::json::parse(R"([{ "region_type": "state", "region_name": "CA" }])").as_array();
  fake_identitycall::offer ny{"+15551234568", "US", "local"};
  ny.region_information =
      boost::json::parse(R"([{ "region_type": "state", "region_name": "NY" }])").as_array();
  a.fake.add_available(ca);
  a.fake.add_available(ny);
  a.fake.add_available("+15551234569", "US", "mobile");
  a.fake.add_available("+442071234567", "GB", "local");
  answers(a.call(http::method::get, "/available?country=US&number_type=local"), 200,
          ex::available_200);
  answers(a.call(http::method::get, "/available?country=us&number_type=local"), 200,
          ex::available_200);
}

TEST_CASE("fake reproduces the documented errors") {
  account a;
  answers(a.call(http::method::get, "", "", "idc_unknown"), 401, ex::error_401);
  auto read_only = a.fake.make_key({.read = true, .write = false});
  answers(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})", read_only),
          403, ex::error_403_write);
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
                 R"({"phone_number":"+4930123456","requirement_group_id":)" +
                     std::to_string(pending) + "}"),
          422, R"({"error":"Requirement group must be approved before purchasing"})");
  a.fake.approve_requirement_group(pending);
  CHECK(a.call(http::method::post, "/purchase",
               R"({"phone_number":"+4930123456","requirement_group_id":)" +
                   std::to_string(pending) + "}")
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
  answers(a.call(http::method::get, "/available?country=US&number_type=local"), 200,
          R"({"data":[]})");
}

TEST_CASE("fake: a project-scoped key sees and buys only inside its project") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.add_available("+15551234568", "US", "local");
  auto project = a.fake.make_key({.read = true, .write = true}, 42);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})")->status ==
          201);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234568"})", project)
              ->status == 201);
  CHECK(a.fake.numbers()[1].project_id == 42);
  CHECK_FALSE(a.fake.numbers()[0].project_id.has_value());
  auto listed =
      boost::json::parse(a.call(http::method::get, "", "", project)->body).at("data").as_array();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].at("id") == 2);
  CHECK(a.call(http::method::get, "/1", "", project)->status == 404);
  CHECK(a.call(http::method::patch, "/1", R"({"name":"x"})", project)->status == 404);
  CHECK(boost::json::parse(a.call(http::method::get, "")->body).at("data").as_array().size() == 2);
}

TEST_CASE("fake: update changes only the fields present; bad values are 422 errors") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(
      a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567","name":"Line"})")
          ->status == 201);
  REQUIRE(a.call(http::method::patch, "/1", R"({"active":false})")->status == 200);
  auto n = a.fake.numbers()[0];
  CHECK(n.name == "Line");
  CHECK_FALSE(n.active);
  CHECK(n.recording);
  answers(
      a.call(http::method::patch, "/1", R"({"routing_strategy":"random","recording":"yes"})"), 422,
      R"({"errors":["recording must be true or false","routing_strategy must be priority, round_robin or simultaneous"]})");
  CHECK(a.fake.numbers()[0].routing_strategy == "priority");
}

TEST_CASE("fake: operators attach by id or by phone number, once; removal needs one attached") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})")->status ==
          201);
  auto alice = a.fake.add_operator("Alice Carter", "+15555550112");
  REQUIRE(a.call(http::method::post, "/1/add_operator",
                 R"({"operator_id":)" + std::to_string(alice) + "}")
              ->status == 200);
  REQUIRE(a.call(http::method::post, "/1/add_operator",
                 R"({"operator_id":)" + std::to_string(alice) + "}")
              ->status == 200);
  auto created =
      a.call(http::method::post, "/1/add_operator", R"({"phone_number":"+15555550199"})");
  auto ops = boost::json::parse(created->body).at("data").at("operators").as_array();
  REQUIRE(ops.size() == 2);  // re-attaching was a no-op
  CHECK(ops[1].at("name") == "Operator");
  CHECK(ops[1].at("priority") == 1);
  CHECK(a.call(http::method::post, "/1/add_operator", R"({"operator_id":999})")->status == 404);
  CHECK(a.call(http::method::post, "/1/add_operator", R"({})")->status == 422);
  CHECK(a.call(http::method::delete_, "/1/remove_operator",
               R"({"operator_id":)" + std::to_string(alice) + "}")
            ->status == 200);
  CHECK(a.call(http::method::delete_, "/1/remove_operator?operator_id=" + std::to_string(alice))
            ->status == 404);
  CHECK(a.call(http::method::delete_, "/1/remove_operator")->status == 422);
  // Get Operator follows: Alice no longer lists the number she was removed from; the operator
  // created by phone number does.
  auto alice_now = a.ops(http::method::get, "/" + std::to_string(alice));
  REQUIRE(alice_now->status == 200);
  CHECK(boost::json::parse(alice_now->body).at("data").at("virtual_numbers").as_array().empty());
  auto created_now = a.ops(http::method::get, "/" + std::to_string(ops[1].at("id").as_int64()));
  REQUIRE(created_now->status == 200);
  const auto numbers = boost::json::parse(created_now->body).at("data").at("virtual_numbers");
  REQUIRE(numbers.as_array().size() == 1);
  CHECK(numbers.at(0).at("id") == 1);
  CHECK(numbers.at(0).at("phone_number") == "+15551234567");
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
  REQUIRE(staffed->value().operators.size() == 1);
  CHECK(staffed->value().operators[0].initials == "GH");

  ic::update_request update;
  update.routing = ic::routing_strategy::round_robin;
  auto updated = identitycall.update_virtual_number(bought->id, update);
  REQUIRE(updated);
  CHECK(updated->value().routing == ic::routing_strategy::round_robin);
  auto released = identitycall.remove_operator(bought->id, staffed->value().operators[0].id);
  REQUIRE(released);
  CHECK(released->value().operators.empty());
  CHECK(released->value().available_operators.size() == 1);
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
  const bool have = std::any_of(owned->begin(), owned->end(), [&](const ic::virtual_number& n) {
    return n.phone_number == order.phone_number;
  });
  CHECK(have);  // it was bought: buying again would fail or, elsewhere, pay twice
}

// ---- Operators

namespace {

boost::json::value json_of(const vnum::result<http::response>& r) {
  REQUIRE(r);
  return boost::json::parse(r->body);
}

// The ids in a {"data": [...]} list, in order.
std::vector<std::int64_t> ids_of(const vnum::result<http::response>& r) {
  std::vector<std::int64_t> ids;
  const boost::json::value body = json_of(r);
  for (const auto& item : body.at("data").as_array()) ids.push_back(item.at("id").as_int64());
  return ids;
}

}  // namespace

TEST_CASE("fake reproduces List Operators 200, sorted by name with assignment counts") {
  account a;
  a.fake.add_operator("Jane Doe", "+15551234567", 7);
  a.fake.add_operator("Aldona Petrauskaitė", "+37060012345", 12);
  a.fake.add_operator("Marcus Chen", "+14155550199", 18);
  REQUIRE(a.ops(http::method::patch, "/7", R"({"email":"jane.doe@example.com"})")->status == 200);
  REQUIRE(a.ops(http::method::patch, "/12", R"({"email":"aldona@example.com"})")->status == 200);
  REQUIRE(a.ops(http::method::patch, "/18", R"({"active":false})")->status == 200);
  a.buy(1, "+15550000001", "One");
  a.buy(2, "+15550000002", "Two");
  a.attach(1, 12);
  a.attach(2, 12);
  a.attach(2, 7);
  answers(a.ops(http::method::get, ""), 200, ex::list_operators_200);
}

TEST_CASE("fake reproduces Get Operator 200 with the numbers it is assigned to") {
  account a;
  a.fake.add_operator("Jane Doe", "+15551234567", 42);
  REQUIRE(a.ops(http::method::patch, "/42", R"({"email":"jane.doe@example.com"})")->status == 200);
  a.buy(101, "+15558675309", "Sales line");
  a.buy(117, "+37060099001", "Vilnius support");
  a.buy(120, "+15550000120", "Unstaffed line");
  a.attach(101, 42);
  a.attach(117, 42);
  answers(a.ops(http::method::get, "/42"), 200, ex::get_operator_200);
}

TEST_CASE("fake reproduces Update Operator 200") {
  account a;
  a.fake.add_operator("Jane Doe", "+15551234567", 42);
  REQUIRE(a.ops(http::method::patch, "/42", R"({"email":"jane.doe@example.com"})")->status == 200);
  a.buy(101, "+15558675309", "Sales line");
  a.attach(101, 42);
  answers(a.ops(http::method::patch, "/42", std::string(ex::update_operator_request_body)), 200,
          ex::update_operator_200);
}

TEST_CASE("fake reproduces Create Operator 201: the documented part, and the rest as Get has it") {
  account a;
  a.fake.set_next_operator_id(42);
  auto created = a.ops(http::method::post, "", std::string(ex::create_operator_request_body));
  answers(created, 201, ex::create_operator_201);
  const auto documented = boost::json::parse(ex::create_operator_201_documented_part);
  for (const auto& [key, value] : documented.at("data").as_object()) {
    INFO(std::string(key));
    CHECK(json_of(created).at("data").at(key) == value);
  }
  answers(a.ops(http::method::get, "/42"), 200, ex::create_operator_201);
}

TEST_CASE("fake reproduces Delete Operator 200 and its cascade: the numbers stay") {
  account a;
  a.fake.add_operator("Alice Carter", "+15555550112", 12);
  a.fake.add_operator("Jane Doe", "+15551234567", 42);
  a.buy(7, "+15551234500", "US Sales Line");
  a.buy(8, "+15551234501", "US Support Line");
  a.attach(7, 12);
  a.attach(7, 42);
  a.attach(8, 42);
  answers(a.ops(http::method::delete_, "/42"), 200, ex::delete_operator_200);
  REQUIRE(a.fake.numbers().size() == 2);
  CHECK(a.fake.numbers()[0].operators == std::vector<std::int64_t>{12});
  CHECK(a.fake.numbers()[1].operators.empty());
  CHECK(ids_of(a.ops(http::method::get, "")) == std::vector<std::int64_t>{12});
  answers(a.ops(http::method::get, "/42"), 404, ex::error_404);
  answers(a.ops(http::method::delete_, "/42"), 404, ex::error_404);
  // The deleted operator is no longer offered to the number either.
  auto number = json_of(a.call(http::method::get, "/8")).at("data");
  CHECK(number.at("operators").as_array().empty());
  CHECK(number.at("available_operators").as_array().size() == 1);
}

TEST_CASE("fake: operator permissions: list and get need read, the others write") {
  account a;
  a.fake.add_operator("Jane Doe", "+15551234567", 42);
  const std::string body = std::string(ex::create_operator_request_body);
  answers(a.ops(http::method::get, "", "", "idc_unknown"), 401, ex::error_401);
  auto read_only = a.fake.make_key({.read = true, .write = false});
  CHECK(a.ops(http::method::get, "", "", read_only)->status == 200);
  CHECK(a.ops(http::method::get, "/42", "", read_only)->status == 200);
  answers(a.ops(http::method::post, "", body, read_only), 403, ex::error_403_write);
  answers(a.ops(http::method::patch, "/42", R"({"active":false})", read_only), 403,
          ex::error_403_write);
  answers(a.ops(http::method::delete_, "/42", "", read_only), 403, ex::error_403_write);
  auto write_only = a.fake.make_key({.read = false, .write = true});
  answers(a.ops(http::method::get, "", "", write_only), 403, ex::error_403_read);
  answers(a.ops(http::method::get, "/42", "", write_only), 403, ex::error_403_read);
  CHECK(a.ops(http::method::patch, "/42", R"({"active":false})", write_only)->status == 200);
  CHECK(a.fake.operators().size() == 1);
  CHECK_FALSE(a.fake.operators()[0].active);
}

TEST_CASE("fake: an unknown operator is 404 Resource not found") {
  account a;
  answers(a.ops(http::method::get, "/999"), 404, ex::error_404);
  answers(a.ops(http::method::patch, "/999", R"({"name":"x"})"), 404, ex::error_404);
  answers(a.ops(http::method::delete_, "/999"), 404, ex::error_404);
  answers(a.ops(http::method::get, "/abc"), 404, ex::error_404);
  answers(a.ops(http::method::put, ""), 404, ex::error_404);
}

TEST_CASE("fake: create without name or phone_number is 422 (modelled)") {
  account a;
  answers(a.ops(http::method::post, "", R"({"phone_number":"+15551234567"})"), 422,
          R"({"error":"name is required"})");
  answers(a.ops(http::method::post, "", R"({"name":"","phone_number":"+15551234567"})"), 422,
          R"({"error":"name is required"})");
  answers(a.ops(http::method::post, "", R"({"name":"Jane Doe"})"), 422,
          R"({"error":"phone_number is required"})");
  answers(a.ops(http::method::post, ""), 422, R"({"error":"name is required"})");
  CHECK(a.fake.operators().empty());
}

TEST_CASE("fake: create normalizes the phone number, defaults active to true, email to null") {
  account a;
  auto created =
      a.ops(http::method::post, "", R"({"name":"jane doe","phone_number":"+1 (555) 123-4567"})");
  answers(created, 201,
          R"({"data":{"id":1,"name":"jane doe","phone_number":"+15551234567","email":null,)"
          R"("active":true,"initials":"JD","virtual_numbers":[]}})");
  answers(a.ops(http::method::post, "", R"({"name":"Jane","phone_number":"555-123-4567"})"), 422,
          R"({"errors":["phone_number is invalid"]})");
  answers(a.ops(http::method::post, "",
                R"({"name":"Jane","phone_number":"+15551234567","email":7,"active":"yes"})"),
          422, R"({"errors":["email must be a string or null","active must be true or false"]})");
  CHECK(a.fake.operators().size() == 1);
}

TEST_CASE("fake: initials are two letters, whole UTF-8 characters") {
  account a;
  auto created =
      a.ops(http::method::post, "", R"({"name":"Émile Jean Zola","phone_number":"+33612345678"})");
  CHECK(json_of(created).at("data").at("initials") == "ÉZ");
  created = a.ops(http::method::post, "", R"({"name":"Prince","phone_number":"+33612345679"})");
  CHECK(json_of(created).at("data").at("initials") == "P");
}

TEST_CASE("fake: update changes only the fields present; email null clears; bad values are 422") {
  account a;
  a.fake.set_next_operator_id(42);
  REQUIRE(a.ops(http::method::post, "", std::string(ex::create_operator_request_body))->status ==
          201);
  answers(
      a.ops(http::method::patch, "/42", R"({"name":"Jane Roe","phone_number":"+1-555-123-4568"})"),
      200,
      R"({"data":{"id":42,"name":"Jane Roe","phone_number":"+15551234568",)"
      R"("email":"jane.doe@example.com","active":true,"initials":"JR","virtual_numbers":[]}})");
  CHECK(json_of(a.ops(http::method::patch, "/42", R"({"email":null})"))
            .at("data")
            .at("email")
            .is_null());
  answers(a.ops(http::method::patch, "/42",
                R"({"name":"","phone_number":"12","email":false,"active":1})"),
          422,
          R"({"errors":["name must be a non-empty string","phone_number is invalid",)"
          R"("email must be a string or null","active must be true or false"]})");
  auto op = a.fake.operators().at(0);
  CHECK(op.name == "Jane Roe");
  CHECK_FALSE(op.email.has_value());
  CHECK(op.active);
}

TEST_CASE("fake: a project-scoped key sees only the operators linked to its project") {
  account a;
  auto project = a.fake.make_key({.read = true, .write = true}, 5);
  auto other = a.fake.make_key({.read = true, .write = true}, 6);
  auto unlinked = a.fake.add_operator("Alice Carter", "+15555550112");
  auto mine = json_of(a.ops(http::method::post, "",
                            R"({"name":"Bob Diaz","phone_number":"+15555550113"})", project))
                  .at("data")
                  .at("id")
                  .as_int64();
  auto everyone = json_of(a.ops(http::method::post, "",
                                R"({"name":"Carol Evans","phone_number":"+15555550114"})"))
                      .at("data")
                      .at("id")
                      .as_int64();
  CHECK(a.fake.operators().at(1).projects == std::set<std::int64_t>{5});  // auto-linked
  CHECK(a.fake.operators().at(2).projects.empty());                       // account-wide: unlinked

  CHECK(ids_of(a.ops(http::method::get, "", "", project)) == std::vector<std::int64_t>{mine});
  CHECK(ids_of(a.ops(http::method::get, "", "", other)).empty());
  CHECK(ids_of(a.ops(http::method::get, "")) ==
        std::vector<std::int64_t>{unlinked, mine, everyone});
  for (auto hidden : {unlinked, everyone}) {
    const std::string path = "/" + std::to_string(hidden);
    answers(a.ops(http::method::get, path, "", project), 404, ex::error_404);
    answers(a.ops(http::method::patch, path, R"({"active":false})", project), 404, ex::error_404);
    answers(a.ops(http::method::delete_, path, "", project), 404, ex::error_404);
  }
  answers(a.ops(http::method::get, "/" + std::to_string(mine), "", other), 404, ex::error_404);
  CHECK(a.ops(http::method::get, "/" + std::to_string(mine))->status == 200);

  a.fake.link_operator(unlinked, 5);
  CHECK(ids_of(a.ops(http::method::get, "", "", project)) ==
        std::vector<std::int64_t>{unlinked, mine});
  CHECK(a.ops(http::method::delete_, "/" + std::to_string(mine), "", project)->status == 200);
  CHECK(ids_of(a.ops(http::method::get, "", "", project)) == std::vector<std::int64_t>{unlinked});
}

TEST_CASE("fake: an operator's numbers are those the key can see") {
  account a;
  auto project = a.fake.make_key({.read = true, .write = true}, 5);
  a.fake.add_operator("Jane Doe", "+15551234567", 42);
  a.fake.link_operator(42, 5);
  a.buy(101, "+15558675309", "Sales line", project);
  a.buy(117, "+37060099001", "Vilnius support");
  a.attach(101, 42);
  a.attach(117, 42);
  auto seen =
      json_of(a.ops(http::method::get, "/42", "", project)).at("data").at("virtual_numbers");
  REQUIRE(seen.as_array().size() == 1);
  CHECK(seen.at(0).at("id") == 101);
  CHECK(json_of(a.ops(http::method::get, "", "", project))
            .at("data")
            .at(0)
            .at("virtual_numbers_count") == 1);
  CHECK(json_of(a.ops(http::method::get, "")).at("data").at(0).at("virtual_numbers_count") == 2);
}

TEST_CASE("journal: each entry says its route, its status and what the fake did") {
  account a;
  using vnum::testing::journal_outcome;
  using route = fake_identitycall::route;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(a.call(http::method::get, "")->status == 200);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})")->status ==
          201);
  REQUIRE(a.call(http::method::post, "/purchase", R"({"phone_number":"+15551234567"})")->status ==
          422);
  a.fake.fail_next(fault::request_lost());
  CHECK_FALSE(a.call(http::method::get, ""));
  a.fake.fail_next(fault::status(503));
  CHECK(a.call(http::method::get, "")->status == 503);
  a.fake.fail_next(fault::response_lost());
  CHECK_FALSE(a.call(http::method::delete_, "/1"));

  const auto entries = a.fake.journal_entries();
  REQUIRE(entries.size() == 6);
  CHECK(entries[0].route == route::list_virtual_numbers);
  CHECK(entries[0].outcome == journal_outcome::answered);
  CHECK(entries[1].route == route::purchase_number);
  CHECK(entries[1].status == 201);
  CHECK(entries[1].outcome == journal_outcome::applied);
  CHECK(entries[2].status == 422);
  CHECK(entries[2].outcome == journal_outcome::refused);
  CHECK(entries[3].status == 0);
  CHECK(entries[3].outcome == journal_outcome::request_lost);
  CHECK(entries[4].status == 503);
  CHECK(entries[4].outcome == journal_outcome::injected_status);
  CHECK(entries[5].outcome == journal_outcome::response_lost);
  CHECK(entries[5].sequence == 6);
  CHECK(a.fake.journal().size() == 5);  // the lost request never arrived
}

TEST_CASE("journal: it keeps the last N requests and counts those it let go") {
  account a;
  CHECK(a.fake.journal_limit() == vnum::testing::default_journal_limit);
  a.fake.set_journal_limit(3);
  for (int i = 0; i < 5; ++i) REQUIRE(a.call(http::method::get, "/" + std::to_string(i)));
  const auto kept = a.fake.journal();
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].url == base + "/2");
  CHECK(kept[2].url == base + "/4");
  CHECK(a.fake.journal_dropped() == 2);
  CHECK(a.fake.journal_received() == 5);
}

TEST_CASE("state: the offers and the requirement groups, as held") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  const auto first = a.fake.add_requirement_group(false);
  const auto second = a.fake.add_requirement_group(true);
  const auto offers = a.fake.available();
  REQUIRE(offers.size() == 1);
  CHECK(offers[0].phone_number == "+15551234567");
  CHECK(offers[0].country_code == "US");
  CHECK(offers[0].number_type == "local");
  const auto groups = a.fake.requirement_groups();
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].id == first);
  CHECK_FALSE(groups[0].approved);
  CHECK(groups[1].id == second);
  CHECK(groups[1].approved);
}

TEST_CASE("fault: a fault can be restricted to an operator route") {
  account a;
  a.fake.fail_next(fault::status(503), fake_identitycall::route::create_operator);
  CHECK(a.ops(http::method::get, "")->status == 200);
  answers(a.ops(http::method::post, "", std::string(ex::create_operator_request_body)), 503,
          R"({"error":"Service unavailable"})");
  CHECK(a.fake.operators().empty());
  a.fake.fail_next(fault::response_lost(), fake_identitycall::route::create_operator);
  CHECK(a.ops(http::method::post, "", std::string(ex::create_operator_request_body)).error().code ==
        errc::outcome_unknown);
  CHECK(a.fake.operators().size() == 1);  // created: reconcile with the list before creating again
}

TEST_CASE("the client against the fake: create, list, get, update, staff a number, delete") {
  namespace ic = vnum::identitycall;
  fake_identitycall fake;
  fake.add_available("+15558675309", "US", "local");
  ic::client<fake_identitycall&> identitycall{fake, ic::config{fake.api_key()}};

  auto jane = identitycall.create_operator(
      {"Jane Doe", "+15551234567", "jane.doe@example.com", std::nullopt});
  REQUIRE(jane);
  CHECK(*jane ==
        ic::operator_detail{1, "Jane Doe", "+15551234567", "jane.doe@example.com", true, "JD", {}});
  auto marcus = identitycall.create_operator({"Marcus Chen", "+14155550199", std::nullopt, false});
  REQUIRE(marcus);
  auto aldona = identitycall.create_operator(
      {"Aldona Petrauskaitė", "+37060012345", "aldona@example.com", true});
  REQUIRE(aldona);

  auto listed = identitycall.list_operators();
  REQUIRE(listed);
  CHECK(*listed ==
        std::vector<ic::operator_summary>{
            {3, "Aldona Petrauskaitė", "+37060012345", "aldona@example.com", true, "AP", 0},
            {1, "Jane Doe", "+15551234567", "jane.doe@example.com", true, "JD", 0},
            {2, "Marcus Chen", "+14155550199", std::nullopt, false, "MC", 0}});

  ic::purchase_request order;
  order.phone_number = "+15558675309";
  order.name = "Sales line";
  auto line = identitycall.purchase_number(order);
  REQUIRE(line);
  auto staffed = identitycall.add_operator(line->id, ic::add_operator_request::existing(jane->id));
  REQUIRE(staffed);
  REQUIRE(staffed->value().operators.size() == 1);
  CHECK(staffed->value().operators[0].id == jane->id);

  auto got = identitycall.get_operator(jane->id);
  REQUIRE(got);
  CHECK(got->virtual_numbers ==
        std::vector<ic::operator_number>{{line->id, "+15558675309", "Sales line", true}});

  ic::update_operator_request change;
  change.email = "jane.doe+work@example.com";
  change.active = false;
  auto updated = identitycall.update_operator(jane->id, change);
  REQUIRE(updated);
  CHECK(*updated == ic::operator_detail{1,
                                        "Jane Doe",
                                        "+15551234567",
                                        "jane.doe+work@example.com",
                                        false,
                                        "JD",
                                        {{line->id, "+15558675309", "Sales line", true}}});
  ic::update_operator_request clear;
  clear.clear_email = true;
  auto cleared = identitycall.update_operator(jane->id, clear);
  REQUIRE(cleared);
  CHECK_FALSE(cleared->value().email.has_value());
  CHECK(identitycall.list_operators()->at(1).virtual_numbers_count == 1);

  REQUIRE(identitycall.delete_operator(jane->id));
  auto number = identitycall.get_virtual_number(line->id);
  REQUIRE(number);
  CHECK(number->operators.empty());  // detached: the number stays, without its operator
  auto again = identitycall.get_operator(jane->id);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == errc::not_found);
  CHECK(identitycall.list_operators()->size() == 2);
}

TEST_CASE("the client against the fake: a project-scoped key, and a read-only key") {
  namespace ic = vnum::identitycall;
  fake_identitycall fake;
  const auto unlinked = fake.add_operator("Alice Carter", "+15555550112");
  ic::client<fake_identitycall&> scoped{
      fake, ic::config{fake.make_key({.read = true, .write = true}, 5)}};
  ic::client<fake_identitycall&> account_wide{fake, ic::config{fake.api_key()}};
  ic::client<fake_identitycall&> read_only{
      fake, ic::config{fake.make_key({.read = true, .write = false})}};

  auto bob = scoped.create_operator({"Bob Diaz", "+15555550113", std::nullopt, std::nullopt});
  REQUIRE(bob);
  auto visible = scoped.list_operators();
  REQUIRE(visible);
  REQUIRE(visible->size() == 1);
  CHECK(visible->at(0).id == bob->id);
  auto hidden = scoped.get_operator(unlinked);
  REQUIRE_FALSE(hidden);
  CHECK(hidden.error().code == errc::not_found);
  CHECK(hidden.error().provider_message == "Resource not found");
  CHECK(account_wide.list_operators()->size() == 2);

  auto refused =
      read_only.create_operator({"Carol Evans", "+15555550114", std::nullopt, std::nullopt});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::forbidden);
  CHECK(refused.error().http_status == 403);
  CHECK(refused.error().provider_message == "Write permission required");
  CHECK(read_only.list_operators()->size() == 2);
  CHECK(fake.operators().size() == 2);
}

TEST_CASE("a fake account can have its own API key") {
  fake_identitycall fake{"idc_custom"};
  vnum::identitycall::client<fake_identitycall&> ic{fake, vnum::identitycall::config{"idc_custom"}};
  CHECK(fake.api_key() == "idc_custom");
  CHECK(ic.list_virtual_numbers());
  vnum::identitycall::client<fake_identitycall&> other{
      fake, vnum::identitycall::config{"idc_" + std::string(32, 'f')}};
  CHECK(other.list_virtual_numbers().error().code == vnum::errc::unauthorized);
  CHECK(vnum::testing::to_string(fake_identitycall::route::delete_operator) == "delete_operator");
}

TEST_CASE("paging: with a page size, lists answer in pages with the guide's meta") {
  fake_identitycall fake;
  for (int i = 0; i < 45; ++i)
    fake.add_operator("Operator " + std::to_string(100 + i), "+1555000" + std::to_string(1000 + i));
  fake.set_page_size(20);
  auto page = [&fake](std::string query) {
    auto r = fake.send({http::method::get,
                        "https://api.identitycall.ai/api/v1/public/operators" + query,
                        {{"authorization", "Bearer " + fake.api_key()}},
                        ""});
    REQUIRE(r);
    return boost::json::parse(r->body).as_object();
  };
  auto first = page("");
  CHECK(first.at("data").as_array().size() == 20);
  CHECK(first.at("meta") ==
        boost::json::parse(R"({"current_page":1,"per_page":20,"total_pages":3,"total_count":45})"));
  auto last = page("?page=3&per_page=20");
  CHECK(last.at("data").as_array().size() == 5);
  CHECK(last.at("meta").at("current_page") == 3);
  auto big = page("?page=1&per_page=500");  // per_page is at most 100
  CHECK(big.at("data").as_array().size() == 45);
  CHECK(big.at("meta").at("per_page") == 100);
}

TEST_CASE("paging: reconciliation after a lost purchase answer finds the number on the last page") {
  namespace ic = vnum::identitycall;
  fake_identitycall fake;
  for (int i = 0; i < 250; ++i) {
    const std::string number = "+1555" + std::to_string(2000000 + i);
    fake.add_available(number, "US", "local");
    ic::purchase_request order;
    order.phone_number = number;
    ic::client<fake_identitycall&>(fake, ic::config{fake.api_key()}).purchase_number(order).value();
  }
  fake.add_available("+15559990000", "US", "local");
  fake.set_page_size(20);
  ic::client<fake_identitycall&> identitycall{fake, ic::config{fake.api_key()}};
  ic::purchase_request order;
  order.phone_number = "+15559990000";
  fake.fail_next(fault::response_lost());
  auto bought = identitycall.purchase_number(order);
  REQUIRE_FALSE(bought);
  REQUIRE(bought.error().code == errc::outcome_unknown);
  const auto before = fake.journal().size();
  // The README's reconciliation: is the number on the account now?
  auto owned = identitycall.list_virtual_numbers();
  REQUIRE(owned);
  CHECK(owned->size() == 251);
  CHECK(std::any_of(owned->begin(), owned->end(), [&](const ic::virtual_number& n) {
    return n.phone_number == order.phone_number;
  }));
  CHECK(owned->back().phone_number == "+15559990000");  // on page 13 of 13
  CHECK(fake.journal().size() - before == 13);          // ceil(251 / 20) requests
}
