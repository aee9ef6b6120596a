// End to end over loopback: vnum-fake-server (a separate process) driven through the real clients
// on vnum::curl_transport. Every Cellcast and IdentityCall operation; each fault over real sockets;
// the admin routes; world files it refuses; how it starts and stops. The server's path comes from
// meson (VNUM_FAKE_SERVER); each server is stopped by RAII (SIGTERM, a bounded wait, SIGKILL), also
// when an assertion fails.
#include "fake_server.hpp"

#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include "loopback_server.hpp"
#include "process.hpp"
#include "requests.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace http = vnum::http;
namespace json = boost::json;
using e2e::cellcast_world;
using e2e::fake_server;
using e2e::identitycall_world;
using e2e::server_binary;
using vnum::curl_transport;
using vnum::errc;
using namespace std::chrono_literals;

namespace {

curl_transport::options test_options() {
  curl_transport::options o;
  o.timeout = 10s;
  o.connect_timeout = 2s;
  return o;
}

// The admin routes, from the test: POST with a JSON body, or GET.
struct admin {
  curl_transport transport{test_options()};
  std::string url;

  http::response post(const std::string& path, std::string body) {
    auto r = transport.send(
        {http::method::post, url + path, {{"content-type", "application/json"}}, std::move(body)});
    REQUIRE(r);
    return *r;
  }
  http::response get(const std::string& path) {
    auto r = transport.send({http::method::get, url + path, {}, {}});
    REQUIRE(r);
    return *r;
  }
  void arm(const std::string& fault) { REQUIRE(post("/_fake/fault", fault).status == 200); }
  json::array journal() {
    auto r = get("/_fake/journal");
    REQUIRE(r.status == 200);
    return json::parse(r.body).as_array();
  }
  // The journal's entries for one path.
  std::size_t count(const std::string& path) {
    auto j = journal();
    return static_cast<std::size_t>(std::count_if(j.begin(), j.end(), [&](const json::value& e) {
      return e.at("path").as_string() == path;
    }));
  }
};

const std::string purchase_path = "/api/v1/apiClient/virtual-number/purchase";
const std::string ic_purchase_path = "/api/v1/public/virtual_numbers/purchase";

struct cellcast_account {
  proc::temp_dir dir;
  fake_server server{"cellcast", {"--world", dir.write("world.json", cellcast_world)}};
  admin control{curl_transport{test_options()}, server.url};
  vnum::cellcast::client<curl_transport> cellcast{curl_transport{test_options()}, config()};

  vnum::cellcast::config config() const {
    vnum::cellcast::config cfg;
    cfg.api_key = server.api_key;
    cfg.base_url = server.url;
    return cfg;
  }
};

struct identitycall_account {
  proc::temp_dir dir;
  fake_server server{"identitycall", {"--world", dir.write("world.json", identitycall_world)}};
  admin control{curl_transport{test_options()}, server.url};
  vnum::identitycall::client<curl_transport> identitycall{curl_transport{test_options()},
                                                          {server.api_key, server.url}};
};

using requests::business;
using requests::monthly;
using requests::order;

template <class R>
void require_error(const R& r, errc code) {
  REQUIRE_FALSE(r);
  INFO(r.error());
  CHECK(r.error().code == code);
  CHECK(r.error().message.find("SECRET") == std::string::npos);
}

}  // namespace

TEST_CASE("the ready line: one JSON line with the URL on 127.0.0.1 and the API key") {
  proc::temp_dir dir;
  fake_server s("cellcast", {"--world", dir.write("world.json", cellcast_world)});
  CHECK(s.ready.size() == 2);
  CHECK(s.url.starts_with("http://127.0.0.1:"));
  CHECK(s.api_key == "cc_e2e_SECRET_key");
  fake_server defaults("identitycall");
  CHECK(defaults.api_key == "idc_" + std::string(32, 'f'));  // fake_identitycall's own key
  CHECK(defaults.url != s.url);                              // --port 0: each picks a free port
}

TEST_CASE("a server dies with the test that started it, even one that crashes") {
  proc::pipe_pair report;
  const pid_t test = ::fork();
  REQUIRE(test >= 0);
  if (test == 0) {  // a test process that starts a server and dies without stopping it
    report.close_read();
    pid_t server = -1;
    {
      auto* started = new proc::child({server_binary(), "identitycall"});  // never destroyed
      if (started->first_line()) server = started->pid();
    }
    (void)::write(report.write, &server, sizeof server);
    ::_exit(0);
  }
  report.close_write();
  pid_t server = -1;
  REQUIRE(::read(report.read, &server, sizeof server) == static_cast<ssize_t>(sizeof server));
  ::waitpid(test, nullptr, 0);
  REQUIRE(server > 0);
  // Gone, or a zombie left for init to reap: no longer running either way.
  auto running = [server] {
    std::ifstream stat("/proc/" + std::to_string(server) + "/stat");
    std::string pid, name, state;
    return stat >> pid >> name >> state && state != "Z";
  };
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (running() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  CHECK_FALSE(running());
}

TEST_CASE("--port N listens on that port") {
  const int port = loopback::closed_port();
  fake_server s("cellcast", {"--port", std::to_string(port)});
  CHECK(s.url == "http://127.0.0.1:" + std::to_string(port));
}

TEST_CASE("Cellcast end to end: every operation through the client on curl_transport") {
  cellcast_account a;
  auto& c = a.cellcast;

  auto cards = c.list_cards();
  REQUIRE(cards);
  REQUIRE(cards->size() == 1);
  CHECK((*cards)[0].id == "card_1");
  CHECK((*cards)[0].last4 == "4242");

  auto bought = c.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1"));
  REQUIRE(bought);
  CHECK(bought->message == "Payment is Successful. Dedicated Number has been assigned you.");

  auto postpaid = c.purchase_virtual_number_postpaid({"66ea98514f0c1a121c76ec18"});
  REQUIRE(postpaid);

  auto released = c.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  REQUIRE(released);
  CHECK(released->message == "Virtual number has been unsubscribed successfully.");

  auto added = c.add_custom_number({"Support", "0400 000 000"});
  REQUIRE(added);
  CHECK(added->otp_required);
  auto otp = a.control.get("/_fake/otp?number=61400000000");
  REQUIRE(otp.status == 200);
  const std::string code(json::parse(otp.body).at("otp").as_string());
  auto verified = c.verify_custom_number({"Support", "0400 000 000", code});
  REQUIRE(verified);
  CHECK(verified->message == "OTP Verified Successfully!");

  auto listed = c.list_custom_numbers();
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  CHECK((*listed)[0].number == "61400000000");

  auto business_name = c.add_business_name(business());
  REQUIRE(business_name);

  // A refusal travels as the provider's answer: a number already bought.
  require_error(c.purchase_virtual_number_postpaid({"66ea98514f0c1a121c76ec18"}),
                errc::invalid_argument);

  auto journal = a.control.journal();
  CHECK(journal.size() == 9);
  for (const auto& e : journal) CHECK(e.at("headers").at("authorization") == "Bearer ***");
  CHECK(json::serialize(journal).find("SECRET") == std::string::npos);
}

TEST_CASE("IdentityCall end to end: every operation through the client on curl_transport") {
  identitycall_account a;
  auto& ic = a.identitycall;
  using namespace vnum::identitycall;

  auto offers = ic.search_available_numbers({"US", number_type::local});
  REQUIRE(offers);
  CHECK(offers->size() == 3);

  auto first = order("+15551230001");
  first.name = "Main";
  first.requirement_group_id = 1;
  auto bought = ic.purchase_number(first);
  REQUIRE(bought);
  CHECK(bought->phone_number == "+15551230001");
  const auto id = bought->id;

  auto unapproved = order("+15551230002");
  unapproved.requirement_group_id = 2;
  require_error(ic.purchase_number(unapproved), errc::unprocessable);

  auto numbers = ic.list_virtual_numbers();
  REQUIRE(numbers);
  REQUIRE(numbers->size() == 1);

  auto detail = ic.get_virtual_number(id);
  REQUIRE(detail);
  CHECK(detail->name == "Main");
  REQUIRE(detail->available_operators.size() == 1);
  CHECK(detail->available_operators[0].id == 10);

  update_request rename;
  rename.name = "Sales";
  rename.routing = routing_strategy::round_robin;
  auto updated = ic.update_virtual_number(id, rename);
  REQUIRE(updated);
  REQUIRE(updated->has_value());
  CHECK((*updated)->name == "Sales");
  CHECK((*updated)->routing == routing_strategy::round_robin);

  auto attached = ic.add_operator(id, add_operator_request::existing(10));
  REQUIRE(attached);
  REQUIRE(attached->has_value());
  CHECK((*attached)->operators.size() == 1);

  auto detached = ic.remove_operator(id, 10);
  REQUIRE(detached);
  REQUIRE(detached->has_value());
  CHECK((*detached)->operators.empty());

  auto operators = ic.list_operators();
  REQUIRE(operators);
  CHECK(operators->size() == 1);

  auto created = ic.create_operator({"Grace Hopper", "+15550000002", "grace@example.com", true});
  REQUIRE(created);
  const auto op = created->id;
  CHECK(op == 11);

  auto got = ic.get_operator(op);
  REQUIRE(got);
  CHECK(got->name == "Grace Hopper");

  update_operator_request change;
  change.name = "Grace B. Hopper";
  auto changed = ic.update_operator(op, change);
  REQUIRE(changed);
  REQUIRE(changed->has_value());
  CHECK((*changed)->initials == "GH");

  REQUIRE(ic.delete_operator(op));
  require_error(ic.get_operator(op), errc::not_found);
  auto after = ic.list_operators();
  REQUIRE(after);
  CHECK(after->size() == 1);

  CHECK(json::serialize(a.control.journal()).find("SECRET") == std::string::npos);
}

namespace {
// Sends each request to the in-process fake and to the server; both answer the same.
template <class Fake>
void same_answers(Fake& in_process, const std::string& url,
                  const std::vector<http::request>& requests) {
  curl_transport t{test_options()};
  for (auto r : requests) {
    INFO(http::to_string(r.method) << ' ' << r.url << ' ' << r.body);
    auto expected = in_process.send(r);
    r.url = url + r.url;
    auto served = t.send(r);
    REQUIRE(expected);
    REQUIRE(served);
    CHECK(served->status == expected->status);
    CHECK(served->body == expected->body);
    CHECK(http::find_header(*served, "content-type") ==
          http::find_header(*expected, "content-type"));
    CHECK(http::find_header(*served, "retry-after") == http::find_header(*expected, "retry-after"));
  }
}
}  // namespace

TEST_CASE("every route answers as the in-process fake: the same statuses and bodies") {
  SECTION("Cellcast") {
    cellcast_account a;
    vnum::testing::fake_cellcast fake("cc_e2e_SECRET_key");
    fake.add_card("card_1");
    for (int i = 1; i <= 3; ++i)
      fake.add_number("66ea98514f0c1a121c76ec" + std::to_string(16 + i),
                      "+6140000000" + std::to_string(i), "prod_M" + std::to_string(i),
                      "prod_Y" + std::to_string(i));
    fake.require_otp(true);
    fake.enable_postpaid(true);
    const std::vector<http::header> auth{{"authorization", "Bearer cc_e2e_SECRET_key"},
                                         {"content-type", "application/json"}};
    const std::vector<http::header> wrong{{"authorization", "Bearer nope"}};
    using m = http::method;
    same_answers(
        fake, a.server.url,
        {
            {m::get, "/api/v1/user/getCards", auth, ""},
            {m::get, "/api/v1/user/getCards", wrong, ""},
            {m::post, purchase_path, auth,
             R"({"card":"card_1","product":"prod_M1","number":"66ea98514f0c1a121c76ec17","recurring_time":"month"})"},
            {m::post, purchase_path, auth,
             R"({"card":"card_1","product":"prod_M1","number":"66ea98514f0c1a121c76ec17","recurring_time":"month"})"},
            {m::post, purchase_path, auth,
             R"({"card":"card_1","product":"prod_Y2","number":"66ea98514f0c1a121c76ec18","recurring_time":"month"})"},
            {m::post, purchase_path, auth,
             R"({"card":"card_9","product":"prod_M2","number":"66ea98514f0c1a121c76ec18","recurring_time":"month"})"},
            {m::post, purchase_path, auth,
             R"({"card":"card_1","product":"prod_M1","number":"66ea98514f0c1a121c76ec99","recurring_time":"month"})"},
            {m::post, purchase_path, auth, "not json"},
            {m::post, "/api/v1/apiClient/virtual-number/purchase-postpaid", auth,
             R"({"number":"66ea98514f0c1a121c76ec18"})"},
            {m::put, "/api/v1/apiClient/virtual-number/unsubscribe/66ea98514f0c1a121c76ec17", auth,
             ""},
            {m::put, "/api/v1/apiClient/virtual-number/unsubscribe/66ea98514f0c1a121c76ec17", auth,
             ""},
            {m::put, "/api/v1/apiClient/virtual-number/unsubscribe/n1", auth, ""},
            {m::get, "/api/v1/customNumber", wrong, ""},
            {m::post, "/api/v1/customNumber/add", auth,
             R"({"name":"Support","number":"0400000000"})"},
            {m::post, "/api/v1/customNumber/add", auth,
             R"({"name":"Support","number":"0400000000"})"},
            {m::post, "/api/v1/customNumber/add", auth, R"({"name":"","number":"0400000001"})"},
            {m::post, "/api/v1/customNumber/verifyCustomNumber", auth,
             R"({"name":"Support","number":"0400000000","otp":"000000"})"},
        });
    const auto otp = fake.otp_for("+61400000000");  // the server "sent" the same one
    REQUIRE(otp);
    CHECK(json::parse(a.control.get("/_fake/otp?number=61400000000").body).at("otp").as_string() ==
          *otp);
    same_answers(fake, a.server.url,
                 {
                     {m::post, "/api/v1/customNumber/verifyCustomNumber", auth,
                      R"({"name":"Support","number":"0400000000","otp":")" + *otp + R"("})"},
                     {m::get, "/api/v1/customNumber", auth, ""},
                     {m::post, "/api/v1/business/add", auth, R"({"businessname":"ab"})"},
                     {m::get, "/api/v1/no/such/route", auth, ""},
                 });
    CHECK(a.control.get("/_fake/otp?number=61400000000").status == 404);  // verified: none awaits
  }
  SECTION("IdentityCall") {
    identitycall_account a;
    vnum::testing::fake_identitycall fake("idc_e2e_SECRET_key");
    for (int i = 1; i <= 3; ++i)
      fake.add_available("+1555123000" + std::to_string(i), "US", "local");
    fake.add_requirement_group(true);
    fake.add_requirement_group(false);
    fake.add_operator("Ada Lovelace", "+15550000001", 10);
    const std::vector<http::header> auth{{"authorization", "Bearer idc_e2e_SECRET_key"},
                                         {"content-type", "application/json"}};
    const std::string base = "/api/v1/public";
    using m = http::method;
    same_answers(
        fake, a.server.url,
        {
            {m::get, base + "/virtual_numbers/available?country=US&number_type=local", auth, ""},
            {m::post, base + "/virtual_numbers/purchase", auth,
             R"({"phone_number":"+15551230001","requirement_group_id":1})"},
            {m::post, base + "/virtual_numbers/purchase", auth,
             R"({"phone_number":"+15551230002","requirement_group_id":2})"},
            {m::post, base + "/virtual_numbers/purchase", auth,
             R"({"phone_number":"+15551230001"})"},
            {m::post, base + "/virtual_numbers/purchase", auth, "{"},
            {m::get, base + "/virtual_numbers", auth, ""},
            {m::get, base + "/virtual_numbers/1", auth, ""},
            {m::get, base + "/virtual_numbers/99", auth, ""},
            {m::patch, base + "/virtual_numbers/1", auth, R"({"routing_strategy":"random"})"},
            {m::patch, base + "/virtual_numbers/1", auth, R"({"name":"Sales"})"},
            {m::post, base + "/virtual_numbers/1/add_operator", auth, R"({"operator_id":10})"},
            {m::delete_, base + "/virtual_numbers/1/remove_operator?operator_id=10", auth, ""},
            {m::get, base + "/operators", auth, ""},
            {m::post, base + "/operators", auth,
             R"({"name":"Grace Hopper","phone_number":"+1 555 000 0002"})"},
            {m::get, base + "/operators/11", auth, ""},
            {m::patch, base + "/operators/11", auth, R"({"email":null})"},
            {m::delete_, base + "/operators/11", auth, ""},
            {m::get, base + "/operators", {{"authorization", "Bearer wrong"}}, ""},
        });
  }
}

TEST_CASE("Cellcast faults over real sockets") {
  cellcast_account a;
  auto& c = a.cellcast;
  REQUIRE(c.list_cards());  // the client's connection is open and will be reused

  SECTION("response_lost: applied, the answer lost: outcome_unknown, and bought exactly once") {
    a.control.arm(R"({"kind": "response_lost", "route": "purchase_virtual_number"})");
    auto lost = c.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1"));
    require_error(lost, errc::outcome_unknown);
    CHECK(a.control.count(purchase_path) == 1);  // never sent a second time
    // It was applied: buying it again is refused.
    require_error(c.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1")),
                  errc::invalid_argument);
  }
  SECTION("request_lost: the connection closes, nothing applied") {
    a.control.arm(R"({"kind": "request_lost"})");
    require_error(c.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1")),
                  errc::outcome_unknown);
    CHECK(a.control.count(purchase_path) == 0);
    auto again = c.purchase_virtual_number(
        monthly("66ea98514f0c1a121c76ec17", "prod_M1"));  // the state is unchanged
    REQUIRE(again);
  }
  SECTION("an armed 429: rate_limited with the Retry-After") {
    a.control.arm(R"({"kind": "status", "status": 429, "retry_after": 7, "route": "list_cards"})");
    auto limited = c.list_cards();
    require_error(limited, errc::rate_limited);
    CHECK(limited.error().http_status == 429);
    CHECK(limited.error().retry_after == std::chrono::seconds(7));
  }
  SECTION("an armed 503: outcome_unknown for a purchase, server_error for a read") {
    a.control.arm(R"({"kind": "status", "status": 503, "route": "purchase_virtual_number"})");
    auto purchase = c.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1"));
    require_error(purchase, errc::outcome_unknown);
    CHECK(purchase.error().http_status == 503);
    a.control.arm(R"({"kind": "status", "status": 503})");
    require_error(c.list_cards(), errc::server_error);
  }
}

TEST_CASE("IdentityCall faults over real sockets") {
  identitycall_account a;
  auto& ic = a.identitycall;
  REQUIRE(ic.list_virtual_numbers());

  SECTION("response_lost: outcome_unknown, and the number is on the account") {
    a.control.arm(R"({"kind": "response_lost", "route": "purchase_number"})");
    require_error(ic.purchase_number(order("+15551230001")), errc::outcome_unknown);
    auto owned = ic.list_virtual_numbers();
    REQUIRE(owned);
    REQUIRE(owned->size() == 1);
    CHECK((*owned)[0].phone_number == "+15551230001");
    CHECK(a.control.count(ic_purchase_path) == 1);
  }
  SECTION("request_lost: outcome_unknown for the client, the state unchanged") {
    a.control.arm(R"({"kind": "request_lost", "route": "purchase_number"})");
    require_error(ic.purchase_number(order("+15551230001")), errc::outcome_unknown);
    auto owned = ic.list_virtual_numbers();
    REQUIRE(owned);
    CHECK(owned->empty());
    auto offers = ic.search_available_numbers({"US", vnum::identitycall::number_type::local});
    REQUIRE(offers);
    CHECK(offers->size() == 3);
    CHECK(a.control.count(ic_purchase_path) == 0);
  }
  SECTION("an armed 429: rate_limited with the Retry-After") {
    a.control.arm(R"({"kind": "status", "status": 429, "retry_after": 12})");
    auto limited = ic.list_operators();
    require_error(limited, errc::rate_limited);
    CHECK(limited.error().retry_after == std::chrono::seconds(12));
  }
}

TEST_CASE("the admin routes: refusals, the journal, reset") {
  cellcast_account a;
  SECTION("a fault body that is not JSON, or not a fault, is refused and the server goes on") {
    for (const char* body : {"not json", "[]", R"({"kind": "explode"})", R"({"kind": "status"})",
                             R"({"kind": "request_lost", "status": 500})",
                             R"({"kind": "status", "status": 503, "colour": "red"})",
                             R"({"kind": "status", "status": "503"})"}) {
      INFO(body);
      auto r = a.control.post("/_fake/fault", body);
      CHECK(r.status == 400);
      CHECK(json::parse(r.body).as_object().contains("error"));
    }
    auto r = a.control.post("/_fake/fault", R"({"kind": "request_lost", "route": "purchase"})");
    CHECK(r.status == 400);
    CHECK(r.body.find("'purchase' is not a route of this provider") != std::string::npos);
    CHECK(r.body.find("purchase_virtual_number") != std::string::npos);
    CHECK(a.control.get("/_fake/nothing").status == 404);
    REQUIRE(a.cellcast.list_cards());  // nothing was armed by any of them
  }
  SECTION("a provider route with a body that is not JSON gets the provider's own error") {
    auto r = a.control.transport.send({http::method::post,
                                       a.server.url + purchase_path,
                                       {{"authorization", "Bearer " + a.server.api_key}},
                                       "{not json"});
    REQUIRE(r);
    CHECK(r->status == 400);
    auto body = json::parse(r->body).as_object();
    CHECK(body.at("status") == false);
    CHECK(body.at("message") == "Invalid request body");
  }
  SECTION("the journal: method, path, query, headers (credentials masked), body") {
    REQUIRE(a.cellcast.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1")));
    auto j = a.control.journal();
    REQUIRE(j.size() == 1);
    const auto& e = j[0].as_object();
    CHECK(e.at("method") == "POST");
    CHECK(e.at("path").as_string() == purchase_path);
    CHECK(e.at("query") == "");
    CHECK(e.at("headers").at("authorization") == "Bearer ***");
    CHECK(json::parse(e.at("body").as_string()).at("number") == "66ea98514f0c1a121c76ec17");
  }
  SECTION("reset restores the world: the number is for sale again and the journal is empty") {
    REQUIRE(a.cellcast.purchase_virtual_number(monthly("66ea98514f0c1a121c76ec17", "prod_M1")));
    a.control.arm(R"({"kind": "status", "status": 500})");
    CHECK(a.control.post("/_fake/reset", "").status == 200);
    CHECK(a.control.journal().empty());
    REQUIRE(a.cellcast.purchase_virtual_number(
        monthly("66ea98514f0c1a121c76ec17", "prod_M1")));  // no fault left
  }
}

TEST_CASE("an IdentityCall route with a body that is not JSON gets IdentityCall's error") {
  identitycall_account a;
  auto r = a.control.transport.send({http::method::post,
                                     a.server.url + ic_purchase_path,
                                     {{"authorization", "Bearer " + a.server.api_key}},
                                     "{"});
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(r->body == R"({"error":"Invalid JSON"})");
}

TEST_CASE("one curl_transport shared by threads against the server") {
  identitycall_account a;
  curl_transport shared{test_options()};
  std::atomic<int> created{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&, t] {
      vnum::identitycall::client<curl_transport&> ic{shared, {a.server.api_key, a.server.url}};
      for (int i = 0; i < 10; ++i) {
        const std::string phone = "+1555100" + std::to_string(1000 + t * 100 + i);
        if (ic.create_operator(
                {"Operator " + std::to_string(t) + std::to_string(i), phone, {}, {}}))
          ++created;
      }
    });
  for (auto& th : pool) th.join();
  CHECK(created == 40);
  vnum::identitycall::client<curl_transport&> ic{shared, {a.server.api_key, a.server.url}};
  auto all = ic.list_operators();
  REQUIRE(all);
  CHECK(all->size() == 41);
}

TEST_CASE("many clients keep connections open at once, and one more is still served") {
  identitycall_account a;
  std::vector<curl_transport> clients;
  for (int i = 0; i < 48; ++i) clients.emplace_back(test_options());
  const auto start = std::chrono::steady_clock::now();
  for (auto& t : clients) {  // each keeps its connection alive afterwards
    vnum::identitycall::client<curl_transport&> ic{t, {a.server.api_key, a.server.url}};
    REQUIRE(ic.list_operators());
  }
  auto one_more = a.identitycall.list_operators();
  REQUIRE(one_more);
  CHECK(std::chrono::steady_clock::now() - start < 3s);
}

TEST_CASE("SIGTERM and SIGINT stop the server, which exits 0") {
  for (int sig : {SIGTERM, SIGINT}) {
    fake_server s("cellcast");
    curl_transport t{test_options()};
    vnum::cellcast::config cfg;
    cfg.api_key = s.api_key;
    cfg.base_url = s.url;
    vnum::cellcast::client<curl_transport&> c{t, cfg};
    REQUIRE(c.list_cards());  // a kept-alive connection is open while it stops
    const auto start = std::chrono::steady_clock::now();
    auto status = s.process.stop(sig, 5s);
    CHECK(proc::exit_code(status) == 0);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
    require_error(c.list_cards(), errc::transport);  // nothing listens any more
  }
}

namespace {
// Runs the server with a world file; its exit code and stderr.
std::pair<int, std::string> refused_world(const std::string& provider, const std::string& world) {
  proc::temp_dir dir;
  proc::child process({server_binary(), provider, "--world", dir.write("bad-world.json", world)});
  std::string err = process.stderr_text(10s);
  auto status = process.wait_for(10s);
  return {proc::exit_code(status), err};
}
}  // namespace

TEST_CASE("a world file with an unknown key or a wrong type is refused at start: exit 2, named") {
  struct bad {
    const char* provider;
    const char* world;
    const char* named;
  };
  for (
      const bad& b : {
          bad{"cellcast", R"({"cardz": ["card_1"]})", "cardz is not a known key"},
          bad{"cellcast", R"({"otp_required": "yes"})",
              "otp_required must be true or false, not a string"},
          bad{"cellcast", R"({"cards": [1]})", "cards[0] must be a card id"},
          bad{"cellcast",
              R"({"numbers": [{"id": "66ea98514f0c1a121c76ec17", "number": "+61400000001", "monthy_product": "p", "yearly_product": "y"}]})",
              "numbers[0].monthy_product is not a known key"},
          bad{"cellcast",
              R"({"numbers": [{"id": "66ea98514f0c1a121c76ec17", "number": "+61400000001", "yearly_product": "y"}]})",
              "numbers[0].monthly_product is required"},
          bad{"identitycall",
              R"({"available": [{"phone_number": 15551230001, "country_code": "US", "number_type": "local"}]})",
              "available[0].phone_number must be a string, not a number"},
          bad{"identitycall", R"({"requirement_groups": [{"approved": 1}]})",
              "requirement_groups[0].approved must be true or false"},
          bad{"identitycall", R"({"operators": {}})", "operators must be an array, not an object"},
          bad{"identitycall", R"({"api_key": "k", "numbers": []})", "numbers is not a known key"},
          bad{"identitycall", R"([1, 2])", "the world must be an object"},
          bad{"cellcast", "{not json", "is not valid JSON"},
      }) {
    INFO(b.world);
    auto [code, err] = refused_world(b.provider, b.world);
    CHECK(code == 2);
    CHECK(err.find(b.named) != std::string::npos);
    CHECK(err.find("bad-world.json") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2") {
  for (std::vector<std::string> args : {std::vector<std::string>{},
                                        {"twilio"},
                                        {"cellcast", "--port", "http"},
                                        {"cellcast", "--port", "70000"},
                                        {"cellcast", "--world"},
                                        {"cellcast", "--world", "/nonexistent/world.json"},
                                        {"cellcast", "--verbose"}}) {
    args.insert(args.begin(), server_binary());
    proc::child process(args);
    std::string err = process.stderr_text(10s);
    CHECK(proc::exit_code(process.wait_for(10s)) == 2);
    CHECK_FALSE(err.empty());
  }
}
