// vnum-fake-server's view of itself, over loopback: GET /_fake/state (the world as JSON), the
// journal's entries (sequence, route, status, outcome) and bounds (--journal-limit and the
// Vnum-Journal-* headers), and the page at /_fake/. The page in a browser is fake_page_test.py.
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include "fake_server.hpp"
#include "process.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace http = vnum::http;
namespace json = boost::json;
using e2e::cellcast_world;
using e2e::fake_server;
using e2e::identitycall_world;
using e2e::server_binary;
using vnum::curl_transport;
using namespace std::chrono_literals;

namespace {

curl_transport::options short_timeouts() {
  curl_transport::options o;
  o.timeout = 10s;
  o.connect_timeout = 2s;
  return o;
}

// A server started with a world, and plain requests to it.
struct server {
  proc::temp_dir dir;
  fake_server process;
  curl_transport transport{short_timeouts()};

  server(const std::string& provider, const std::string& world, std::vector<std::string> extra = {})
      : process(provider, with_world(dir.write("world.json", world), std::move(extra))) {}

  static std::vector<std::string> with_world(std::string file, std::vector<std::string> extra) {
    extra.insert(extra.begin(), {"--world", std::move(file)});
    return extra;
  }

  http::response send(http::method m, const std::string& path, std::string body = {},
                      bool as_client = false) {
    std::vector<http::header> headers;
    if (as_client) headers.push_back({"authorization", "Bearer " + process.api_key});
    if (!body.empty()) headers.push_back({"content-type", "application/json"});
    auto r = transport.send({m, process.url + path, std::move(headers), std::move(body)});
    REQUIRE(r);
    return *r;
  }
  json::value get_json(const std::string& path) {
    auto r = send(http::method::get, path);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
  }
  json::value state() { return get_json("/_fake/state"); }
};

// The header's value, or "" when the answer has none.
std::string header(const http::response& r, std::string_view name) {
  auto v = http::find_header(r, name);
  return v ? std::string(*v) : std::string();
}

const std::string purchase_path = "/api/v1/apiClient/virtual-number/purchase";
const std::string cellcast_routes =
    R"(["purchase_virtual_number", "purchase_virtual_number_postpaid",
        "unsubscribe_virtual_number", "add_custom_number", "verify_custom_number",
        "add_business_name", "list_cards", "list_custom_numbers"])";

std::string purchase_body(const std::string& number, const std::string& product) {
  return R"({"card": "card_1", "product": ")" + product + R"(", "number": ")" + number +
         R"(", "recurring_time": "month"})";
}

}  // namespace

TEST_CASE("state: a Cellcast world file as JSON, every number available, no API key") {
  server s("cellcast", cellcast_world);
  auto r = s.send(http::method::get, "/_fake/state");
  REQUIRE(r.status == 200);
  CHECK(header(r, "content-type") == "application/json");
  CHECK(r.body.find("SECRET") == std::string::npos);
  auto number = [](int i) {
    const std::string n = std::to_string(i);
    return R"({"id": "66ea98514f0c1a121c76ec1)" + std::to_string(6 + i) +
           R"(", "number": "+6140000000)" + n + R"(", "monthly_product": "prod_M)" + n +
           R"(", "yearly_product": "prod_Y)" + n +
           R"(", "state": "available", "subscription": null})";
  };
  CHECK(json::parse(r.body) == json::parse(R"({"provider": "cellcast",
          "settings": {"otp_required": true, "postpaid": true, "key_expired": false},
          "numbers": [)" + number(1) + "," +
                                           number(2) + "," + number(3) + R"(],
          "cards": [{"id": "card_1", "brand": "Visa", "last4": "4242", "exp_month": 12,
                     "exp_year": 2030, "funding": "credit", "country": "AU", "name": null}],
          "custom_numbers": [], "pending_otps": [], "business_names": [],
          "routes": )" + cellcast_routes +
                                           R"(, "faults": [],
          "journal": {"limit": 10000, "kept": 0, "dropped": 0, "received": 0}})"));
}

TEST_CASE("state: a purchase, a custom number awaiting its OTP and armed faults show") {
  server s("cellcast", cellcast_world);
  REQUIRE(s.send(http::method::post, purchase_path,
                 purchase_body("66ea98514f0c1a121c76ec18", "prod_M2"), true)
              .status == 200);
  REQUIRE(s.send(http::method::post, "/api/v1/customNumber/add",
                 R"({"name": "Support", "number": "0412345678"})", true)
              .status == 200);
  REQUIRE(s.send(http::method::post, "/_fake/fault",
                 R"({"kind": "status", "status": 429, "retry_after": 7, "route": "list_cards"})")
              .status == 200);
  REQUIRE(s.send(http::method::post, "/_fake/fault", R"({"kind": "response_lost"})").status == 200);
  const auto state = s.state().as_object();
  CHECK(state.at("numbers").at(1) ==
        json::parse(R"({"id": "66ea98514f0c1a121c76ec18", "number": "+61400000002",
          "monthly_product": "prod_M2", "yearly_product": "prod_Y2", "state": "subscribed",
          "subscription": {"product": "prod_M2", "recurring_time": "month", "payment": "card",
                           "resubscribe": false}})"));
  CHECK(state.at("numbers").at(0).at("state") == "available");
  CHECK(state.at("custom_numbers") ==
        json::parse(R"([{"number": "+61412345678", "name": "Support", "verified": false}])"));
  const auto otp = s.get_json("/_fake/otp?number=61412345678").at("otp");
  CHECK(state.at("pending_otps") ==
        json::array{json::object{{"number", "+61412345678"}, {"otp", otp}}});
  CHECK(state.at("faults") ==
        json::parse(R"([{"kind": "status", "status": 429, "retry_after": 7, "route": "list_cards"},
          {"kind": "response_lost", "status": null, "retry_after": null, "route": null}])"));
  CHECK(state.at("journal") ==
        json::parse(R"({"limit": 10000, "kept": 2, "dropped": 0, "received": 2})"));
}

TEST_CASE("state: an IdentityCall world file and a purchase, as JSON, no API key") {
  server s("identitycall", identitycall_world);
  REQUIRE(s.send(http::method::post, "/api/v1/public/virtual_numbers/purchase",
                 R"({"phone_number": "+15551230002", "name": "Sales"})", true)
              .status == 201);
  auto r = s.send(http::method::get, "/_fake/state");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("SECRET") == std::string::npos);
  auto state = json::parse(r.body).as_object();
  CHECK(state.at("provider") == "identitycall");
  CHECK(state.at("available") == json::parse(R"([
          {"phone_number": "+15551230001", "country_code": "US", "number_type": "local",
           "upfront_cost": "1.00", "monthly_cost": "1.00"},
          {"phone_number": "+15551230003", "country_code": "US", "number_type": "local",
           "upfront_cost": "1.00", "monthly_cost": "1.00"}])"));
  CHECK(state.at("numbers") ==
        json::parse(R"([{"id": 1, "phone_number": "+15551230002", "name": "Sales",
          "country_code": "US", "active": true, "recording": true,
          "routing_strategy": "priority", "project_id": null, "operators": []}])"));
  CHECK(state.at("operators") ==
        json::parse(R"([{"id": 10, "name": "Ada Lovelace", "phone_number": "+15550000001",
          "email": null, "active": true, "projects": [], "numbers": []}])"));
  CHECK(state.at("requirement_groups") ==
        json::parse(R"([{"id": 1, "approved": true}, {"id": 2, "approved": false}])"));
  CHECK(state.at("routes").as_array().size() == 12);
  CHECK(state.at("faults") == json::array());
}

TEST_CASE("journal: each entry's sequence, route, status and outcome; lost ones on request") {
  server s("cellcast", cellcast_world);
  const std::string order = purchase_body("66ea98514f0c1a121c76ec17", "prod_M1");
  REQUIRE(s.send(http::method::get, "/api/v1/user/getCards", {}, true).status == 200);
  REQUIRE(s.send(http::method::post, purchase_path, order, true).status == 200);
  REQUIRE(s.send(http::method::post, purchase_path, order, true).status == 400);
  REQUIRE(s.send(http::method::post, "/_fake/fault", R"({"kind": "request_lost"})").status == 200);
  CHECK_FALSE(s.transport.send({http::method::get,
                                s.process.url + "/api/v1/user/getCards",
                                {{"authorization", "Bearer " + s.process.api_key}},
                                {}}));  // the connection closes without an answer

  auto r = s.send(http::method::get, "/_fake/journal");
  REQUIRE(r.status == 200);
  CHECK(header(r, "Vnum-Journal-Limit") == "10000");
  CHECK(header(r, "Vnum-Journal-Dropped") == "0");
  CHECK(header(r, "Vnum-Journal-Received") == "4");
  auto entries = json::parse(r.body).as_array();
  REQUIRE(entries.size() == 3);  // the lost request never arrived
  auto summary = [](const json::value& e) {
    return json::object{{"sequence", e.at("sequence")},
                        {"method", e.at("method")},
                        {"route", e.at("route")},
                        {"status", e.at("status")},
                        {"outcome", e.at("outcome")}};
  };
  CHECK(summary(entries[0]) ==
        json::parse(R"({"sequence": 1, "method": "GET", "route": "list_cards", "status": 200,
                        "outcome": "answered"})"));
  CHECK(summary(entries[1]) ==
        json::parse(R"({"sequence": 2, "method": "POST", "route": "purchase_virtual_number",
                        "status": 200, "outcome": "applied"})"));
  CHECK(summary(entries[2]) ==
        json::parse(R"({"sequence": 3, "method": "POST", "route": "purchase_virtual_number",
                        "status": 400, "outcome": "refused"})"));

  auto with_lost = s.get_json("/_fake/journal?with_lost=1&after=2").as_array();
  REQUIRE(with_lost.size() == 2);
  CHECK(summary(with_lost[0]).at("sequence") == 3);
  CHECK(summary(with_lost[1]) ==
        json::parse(R"({"sequence": 4, "method": "GET", "route": "list_cards", "status": 0,
                        "outcome": "request_lost"})"));
  CHECK(s.get_json("/_fake/journal?after=4").as_array().empty());
}

TEST_CASE("journal: an unknown route is journaled with route null") {
  server s("cellcast", cellcast_world);
  REQUIRE(s.send(http::method::get, "/api/v1/nowhere", {}, true).status == 404);
  auto entries = s.get_json("/_fake/journal").as_array();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].at("route").is_null());
  CHECK(entries[0].at("outcome") == "answered");
}

TEST_CASE("journal: an 'after' that is not a sequence number is refused, naming it") {
  server s("cellcast", cellcast_world);
  for (const char* after : {"x", "-1", "1.5", ""}) {
    INFO(after);
    auto r = s.send(http::method::get, std::string("/_fake/journal?after=") + after);
    CHECK(r.status == 400);
    CHECK(json::parse(r.body) ==
          json::object{{"error", std::string("after must be a sequence number (0 or more), not '") +
                                     after + "'"}});
  }
}

TEST_CASE("--journal-limit N: the journal keeps the last N and says how many it let go") {
  server s("cellcast", cellcast_world, {"--journal-limit", "2"});
  for (int i = 1; i <= 5; ++i)
    REQUIRE(s.send(http::method::get, "/api/v1/user/getCards?i=" + std::to_string(i), {}, true)
                .status == 200);
  auto r = s.send(http::method::get, "/_fake/journal");
  CHECK(header(r, "Vnum-Journal-Limit") == "2");
  CHECK(header(r, "Vnum-Journal-Dropped") == "3");
  CHECK(header(r, "Vnum-Journal-Received") == "5");
  auto entries = json::parse(r.body).as_array();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].at("sequence") == 4);
  CHECK(entries[0].at("query") == "i=4");
  CHECK(entries[1].at("query") == "i=5");
  CHECK(s.state().at("journal") ==
        json::parse(R"({"limit": 2, "kept": 2, "dropped": 3, "received": 5})"));
  // Reset starts the journal over, with the same limit.
  REQUIRE(s.send(http::method::post, "/_fake/reset").status == 200);
  CHECK(s.state().at("journal") ==
        json::parse(R"({"limit": 2, "kept": 0, "dropped": 0, "received": 0})"));
}

TEST_CASE("--journal-limit that is not a number of requests is a usage error: exit 2") {
  for (const char* limit : {"-1", "many", "10k", ""}) {
    INFO(limit);
    proc::child process({server_binary(), "cellcast", "--journal-limit", limit});
    const std::string err = process.stderr_text(10s);
    CHECK(proc::exit_code(process.wait_for(10s)) == 2);
    CHECK(err == std::string("vnum-fake-server: --journal-limit must be a number of requests (0 "
                             "or more), not '") +
                     limit + "'\n");
  }
}

TEST_CASE("the page: one self-contained HTML document at /_fake/, never cached") {
  server s("cellcast", cellcast_world);
  auto r = s.send(http::method::get, "/_fake/");
  REQUIRE(r.status == 200);
  CHECK(header(r, "content-type") == "text/html; charset=utf-8");
  CHECK(header(r, "cache-control") == "no-store");
  CHECK(r.body.starts_with("<!doctype html>"));
  // Nothing fetched from elsewhere: it works offline.
  CHECK(r.body.find("http://") == std::string::npos);
  CHECK(r.body.find("https://") == std::string::npos);
  CHECK(r.body.find("SECRET") == std::string::npos);
  auto moved = s.send(http::method::get, "/_fake");
  CHECK(moved.status == 302);
  CHECK(header(moved, "location") == "/_fake/");
}
