// End to end over loopback: vnum-fake-server (a separate process) driven through
// vnum::beast_transport. Every Cellcast and IdentityCall operation is built by the library's
// sans-I/O builder, sent with async_send and read by its parser; the fake's faults arrive over real
// sockets; fifty operations at once share one instance on an io_context run by two threads.
#include <vnum/transport/beast.hpp>
#include <vnum/vnum.hpp>

#include "beast_send.hpp"
#include "fake_server.hpp"
#include "process.hpp"
#include "requests.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace http = vnum::http;
namespace json = boost::json;
using vnum::beast_transport;
using vnum::errc;
using namespace std::chrono_literals;

namespace {

beast_transport::options test_options() {
  beast_transport::options o;
  o.timeout = 10s;
  o.connect_timeout = 2s;
  return o;
}

// One transport on an io_context run by the test's thread, and the server it talks to.
struct session {
  asio::io_context io;
  beast_transport transport{io.get_executor(), test_options()};
  std::string url;

  // The transport's answer to `r`, which must be a response.
  http::response send(const http::request& r) {
    auto answer = beast_test::send(io, transport, r).answer;
    INFO(http::to_string(r.method) << ' ' << r.url);
    if (!answer) FAIL(answer.error());
    return std::move(*answer);
  }
  vnum::result<http::response> try_send(const http::request& r) {
    return beast_test::send(io, transport, r).answer;
  }

  // Built by the library, sent, parsed by the library.
  template <class Parse>
  auto call(const vnum::result<http::request>& built, Parse parse) {
    REQUIRE(built);
    return parse(send(*built));
  }

  // The admin routes.
  http::response post(const std::string& path, std::string body) {
    const http::request r{
        http::method::post, url + path, {{"content-type", "application/json"}}, std::move(body)};
    return send(r);
  }
  http::response get(const std::string& path) {
    const http::request r{http::method::get, url + path, {}, {}};
    return send(r);
  }
  void arm(const std::string& fault) { REQUIRE(post("/_fake/fault", fault).status == 200); }
  json::array journal() {
    auto r = get("/_fake/journal");
    REQUIRE(r.status == 200);
    return json::parse(r.body).as_array();
  }
  std::size_t count(const std::string& path) {
    auto j = journal();
    return static_cast<std::size_t>(std::count_if(j.begin(), j.end(), [&](const json::value& e) {
      return e.at("path").as_string() == path;
    }));
  }
};

const std::string purchase_path = "/api/v1/apiClient/virtual-number/purchase";
const std::string ic_purchase_path = "/api/v1/public/virtual_numbers/purchase";

struct cellcast_account : session {
  proc::temp_dir dir;
  e2e::fake_server server{"cellcast", {"--world", dir.write("world.json", e2e::cellcast_world)}};
  vnum::cellcast::config cfg = [this] {
    url = server.url;
    vnum::cellcast::config c;
    c.api_key = server.api_key;
    c.base_url = server.url;
    return c;
  }();
};

struct identitycall_account : session {
  proc::temp_dir dir;
  e2e::fake_server server{"identitycall",
                          {"--world", dir.write("world.json", e2e::identitycall_world)}};
  vnum::identitycall::config cfg = [this] {
    url = server.url;
    return vnum::identitycall::config{server.api_key, server.url, {}};
  }();
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

TEST_CASE("Cellcast end to end: every operation sent with async_send") {
  cellcast_account a;
  namespace cc = vnum::cellcast;
  const auto& cfg = a.cfg;

  auto cards = a.call(cc::build_list_cards(cfg), cc::parse_list_cards);
  REQUIRE(cards);
  REQUIRE(cards->size() == 1);
  CHECK((*cards)[0].id == "card_1");
  CHECK((*cards)[0].last4 == "4242");

  auto bought =
      a.call(cc::build_purchase_virtual_number(cfg, monthly("66ea98514f0c1a121c76ec17", "prod_M1")),
             cc::parse_purchase_virtual_number);
  REQUIRE(bought);
  CHECK(bought->message == "Payment is Successful. Dedicated Number has been assigned you.");

  auto postpaid =
      a.call(cc::build_purchase_virtual_number_postpaid(cfg, {"66ea98514f0c1a121c76ec18"}),
             cc::parse_purchase_virtual_number_postpaid);
  REQUIRE(postpaid);

  auto released = a.call(cc::build_unsubscribe_virtual_number(cfg, "66ea98514f0c1a121c76ec17"),
                         cc::parse_unsubscribe_virtual_number);
  REQUIRE(released);
  CHECK(released->message == "Virtual number has been unsubscribed successfully.");

  auto added = a.call(cc::build_add_custom_number(cfg, {"Support", "0400 000 000"}),
                      cc::parse_add_custom_number);
  REQUIRE(added);
  CHECK(added->otp_required);
  auto otp = a.get("/_fake/otp?number=61400000000");
  REQUIRE(otp.status == 200);
  const std::string code(json::parse(otp.body).at("otp").as_string());
  auto verified = a.call(cc::build_verify_custom_number(cfg, {"Support", "0400 000 000", code}),
                         cc::parse_verify_custom_number);
  REQUIRE(verified);
  CHECK(verified->message == "OTP Verified Successfully!");

  auto listed = a.call(cc::build_list_custom_numbers(cfg), cc::parse_list_custom_numbers);
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  CHECK((*listed)[0].number == "61400000000");

  auto business_name =
      a.call(cc::build_add_business_name(cfg, business()), cc::parse_add_business_name);
  REQUIRE(business_name);

  // A refusal travels as the provider's answer: a number already bought.
  require_error(
      a.call(cc::build_purchase_virtual_number_postpaid(cfg, {"66ea98514f0c1a121c76ec18"}),
             cc::parse_purchase_virtual_number_postpaid),
      errc::invalid_argument);

  auto journal = a.journal();
  CHECK(journal.size() == 9);
  for (const auto& e : journal) CHECK(e.at("headers").at("authorization") == "Bearer ***");
  CHECK(json::serialize(journal).find("SECRET") == std::string::npos);
}

TEST_CASE("IdentityCall end to end: every operation sent with async_send") {
  identitycall_account a;
  namespace ic = vnum::identitycall;
  const auto& cfg = a.cfg;

  auto offers = a.call(ic::build_search_available_numbers(cfg, {"US", ic::number_type::local}),
                       ic::parse_search_available_numbers);
  REQUIRE(offers);
  CHECK(offers->size() == 3);

  auto first = order("+15551230001");
  first.name = "Main";
  first.requirement_group_id = 1;
  auto bought = a.call(ic::build_purchase_number(cfg, first), ic::parse_purchase_number);
  REQUIRE(bought);
  CHECK(bought->phone_number == "+15551230001");
  const auto id = bought->id;

  auto unapproved = order("+15551230002");
  unapproved.requirement_group_id = 2;
  require_error(a.call(ic::build_purchase_number(cfg, unapproved), ic::parse_purchase_number),
                errc::unprocessable);

  auto numbers = a.call(ic::build_list_virtual_numbers(cfg), ic::parse_list_virtual_numbers);
  REQUIRE(numbers);
  REQUIRE(numbers->size() == 1);
  auto number_page =
      a.call(ic::build_list_virtual_numbers_page(cfg, 1, 10), ic::parse_list_virtual_numbers_page);
  REQUIRE(number_page);
  REQUIRE(number_page->items.size() == 1);
  CHECK(number_page->items[0].id == id);

  auto detail = a.call(ic::build_get_virtual_number(cfg, id), ic::parse_get_virtual_number);
  REQUIRE(detail);
  CHECK(detail->name == "Main");
  REQUIRE(detail->available_operators.size() == 1);
  CHECK(detail->available_operators[0].id == 10);

  ic::update_request rename;
  rename.name = "Sales";
  rename.routing = ic::routing_strategy::round_robin;
  auto updated =
      a.call(ic::build_update_virtual_number(cfg, id, rename), ic::parse_update_virtual_number);
  REQUIRE(updated);
  REQUIRE(updated->has_value());
  CHECK((*updated)->name == "Sales");
  CHECK((*updated)->routing == ic::routing_strategy::round_robin);

  auto attached = a.call(ic::build_add_operator(cfg, id, ic::add_operator_request::existing(10)),
                         ic::parse_add_operator);
  REQUIRE(attached);
  REQUIRE(attached->has_value());
  CHECK((*attached)->operators.size() == 1);

  auto detached = a.call(ic::build_remove_operator(cfg, id, 10), ic::parse_remove_operator);
  REQUIRE(detached);
  REQUIRE(detached->has_value());
  CHECK((*detached)->operators.empty());

  auto operators = a.call(ic::build_list_operators(cfg), ic::parse_list_operators);
  REQUIRE(operators);
  CHECK(operators->size() == 1);
  auto operator_page =
      a.call(ic::build_list_operators_page(cfg, 1, 10), ic::parse_list_operators_page);
  REQUIRE(operator_page);
  CHECK(operator_page->items.size() == 1);

  auto created = a.call(
      ic::build_create_operator(cfg, {"Grace Hopper", "+15550000002", "grace@example.com", true}),
      ic::parse_create_operator);
  REQUIRE(created);
  const auto op = created->id;
  CHECK(op == 11);

  auto got = a.call(ic::build_get_operator(cfg, op), ic::parse_get_operator);
  REQUIRE(got);
  CHECK(got->name == "Grace Hopper");

  ic::update_operator_request change;
  change.name = "Grace B. Hopper";
  auto changed = a.call(ic::build_update_operator(cfg, op, change), ic::parse_update_operator);
  REQUIRE(changed);
  REQUIRE(changed->has_value());
  CHECK((*changed)->initials == "GH");

  REQUIRE(a.call(ic::build_delete_operator(cfg, op), ic::parse_delete_operator));
  require_error(a.call(ic::build_get_operator(cfg, op), ic::parse_get_operator), errc::not_found);
  auto after = a.call(ic::build_list_operators(cfg), ic::parse_list_operators);
  REQUIRE(after);
  CHECK(after->size() == 1);

  CHECK(json::serialize(a.journal()).find("SECRET") == std::string::npos);
}

TEST_CASE("Cellcast faults through beast_transport") {
  cellcast_account a;
  namespace cc = vnum::cellcast;
  REQUIRE(a.call(cc::build_list_cards(a.cfg), cc::parse_list_cards));  // a kept-alive connection
  auto purchase =
      cc::build_purchase_virtual_number(a.cfg, monthly("66ea98514f0c1a121c76ec17", "prod_M1"));
  REQUIRE(purchase);

  SECTION("response_lost: applied, the answer lost: outcome_unknown, and bought exactly once") {
    a.arm(R"({"kind": "response_lost", "route": "purchase_virtual_number"})");
    auto lost = a.try_send(*purchase);
    require_error(lost, errc::outcome_unknown);
    CHECK(lost.error().message.starts_with("no complete answer from 127.0.0.1:"));
    CHECK(a.count(purchase_path) == 1);  // never sent a second time
    require_error(cc::parse_purchase_virtual_number(a.send(*purchase)), errc::invalid_argument);
  }
  SECTION("request_lost: the connection closes, nothing applied") {
    a.arm(R"({"kind": "request_lost"})");
    require_error(a.try_send(*purchase), errc::outcome_unknown);
    CHECK(a.count(purchase_path) == 0);
    REQUIRE(cc::parse_purchase_virtual_number(a.send(*purchase)));  // the state is unchanged
  }
  SECTION("an armed 429: a response with its Retry-After; the parser says rate_limited") {
    a.arm(R"({"kind": "status", "status": 429, "retry_after": 7, "route": "list_cards"})");
    auto limited = cc::build_list_cards(a.cfg);
    REQUIRE(limited);
    auto answer = a.send(*limited);
    CHECK(answer.status == 429);
    CHECK(http::find_header(answer, "retry-after") == "7");
    auto parsed = cc::parse_list_cards(answer);
    require_error(parsed, errc::rate_limited);
    CHECK(parsed.error().http_status == 429);
    CHECK(parsed.error().retry_after == std::chrono::seconds(7));
  }
  SECTION("an armed 503: outcome_unknown for a purchase, server_error for a read") {
    a.arm(R"({"kind": "status", "status": 503, "route": "purchase_virtual_number"})");
    auto bought = cc::parse_purchase_virtual_number(a.send(*purchase));
    require_error(bought, errc::outcome_unknown);
    CHECK(bought.error().http_status == 503);
    a.arm(R"({"kind": "status", "status": 503})");
    require_error(a.call(cc::build_list_cards(a.cfg), cc::parse_list_cards), errc::server_error);
  }
}

TEST_CASE("IdentityCall faults through beast_transport") {
  identitycall_account a;
  namespace ic = vnum::identitycall;
  REQUIRE(a.call(ic::build_list_virtual_numbers(a.cfg), ic::parse_list_virtual_numbers));
  auto purchase = ic::build_purchase_number(a.cfg, order("+15551230001"));
  REQUIRE(purchase);

  SECTION("response_lost: outcome_unknown, and the number is on the account") {
    a.arm(R"({"kind": "response_lost", "route": "purchase_number"})");
    require_error(a.try_send(*purchase), errc::outcome_unknown);
    auto owned = a.call(ic::build_list_virtual_numbers(a.cfg), ic::parse_list_virtual_numbers);
    REQUIRE(owned);
    REQUIRE(owned->size() == 1);
    CHECK((*owned)[0].phone_number == "+15551230001");
    CHECK(a.count(ic_purchase_path) == 1);
  }
  SECTION("request_lost: outcome_unknown, the state unchanged") {
    a.arm(R"({"kind": "request_lost", "route": "purchase_number"})");
    require_error(a.try_send(*purchase), errc::outcome_unknown);
    auto owned = a.call(ic::build_list_virtual_numbers(a.cfg), ic::parse_list_virtual_numbers);
    REQUIRE(owned);
    CHECK(owned->empty());
    CHECK(a.count(ic_purchase_path) == 0);
  }
  SECTION("an armed 429: rate_limited with the Retry-After") {
    a.arm(R"({"kind": "status", "status": 429, "retry_after": 12})");
    auto limited = a.call(ic::build_list_operators(a.cfg), ic::parse_list_operators);
    require_error(limited, errc::rate_limited);
    CHECK(limited.error().retry_after == std::chrono::seconds(12));
  }
  SECTION("an armed 503: server_error for a read") {
    a.arm(R"({"kind": "status", "status": 503})");
    auto failed = a.call(ic::build_list_operators(a.cfg), ic::parse_list_operators);
    require_error(failed, errc::server_error);
    CHECK(failed.error().http_status == 503);
  }
}

TEST_CASE("fifty operations at once on one instance, on an io_context run by two threads") {
  // All fifty start together (vnum-fake-server queues as many connects as the kernel allows);
  // each completion, on either thread, would start the next if there were more.
  identitycall_account a;
  namespace ic = vnum::identitycall;
  constexpr int count = 50;
  constexpr int width = count;
  std::vector<http::request> requests;
  for (int i = 0; i < count; ++i) {
    auto built = ic::build_create_operator(
        a.cfg, {"Operator " + std::to_string(i), "+1555100" + std::to_string(1000 + i), {}, {}});
    REQUIRE(built);
    requests.push_back(std::move(*built));
  }
  std::mutex mutex;  // guards everything below
  std::vector<vnum::result<ic::operator_detail>> results;
  std::size_t next = 0;
  int in_flight = 0;
  int most_in_flight = 0;
  std::function<void()> start_more;  // called with the mutex held
  auto on_answer = [&](vnum::result<http::response> answer) {
    auto parsed = answer ? ic::parse_create_operator(*answer)
                         : vnum::result<ic::operator_detail>(answer.error());
    std::lock_guard lock(mutex);
    results.push_back(std::move(parsed));
    --in_flight;
    start_more();
  };
  start_more = [&] {
    while (in_flight < width && next < requests.size()) {
      most_in_flight = std::max(most_in_flight, ++in_flight);
      a.transport.async_send(requests[next++], on_answer);  // its handler never runs in here
    }
  };
  {
    std::lock_guard lock(mutex);
    start_more();
  }
  std::thread second([&] { a.io.run_for(20s); });
  a.io.run_for(20s);
  second.join();
  REQUIRE(results.size() == count);
  std::set<std::int64_t> ids;
  for (const auto& r : results) {
    INFO(r);
    REQUIRE(r);
    ids.insert(r->id);
  }
  CHECK(ids.size() == count);  // each created once
  CHECK(most_in_flight == width);
  a.io.restart();
  auto all = a.call(ic::build_list_operators(a.cfg), ic::parse_list_operators);
  REQUIRE(all);
  CHECK(all->size() == count + 1);
}

TEST_CASE("the server stops while a connection is kept alive: the next request is transport") {
  identitycall_account a;
  namespace ic = vnum::identitycall;
  REQUIRE(a.call(ic::build_list_operators(a.cfg), ic::parse_list_operators));
  CHECK(proc::exit_code(a.server.process.stop(SIGTERM, 5s)) == 0);
  auto built = ic::build_purchase_number(a.cfg, order("+15551230001"));
  REQUIRE(built);
  auto r = a.try_send(*built);
  require_error(r, errc::transport);  // the closed idle connection was noticed: never written
  CHECK(r.error().message.ends_with(": the connection failed: Connection refused"));
}
