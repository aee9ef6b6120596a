// Observing calls (<vnum/observe.hpp>): one event per attempt, retries, pages and replays
// included, in order, from the blocking and the asynchronous clients alike; and no event ever
// carries a secret.
#include <vnum/asio.hpp>
#include <vnum/cellcast/client.hpp>
#include <vnum/identitycall/client.hpp>
#include <vnum/observe.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using vnum::call_decision;
using vnum::errc;
using vnum::operation_kind;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;
using vnum::testing::fault;
namespace ic = vnum::identitycall;
namespace cc = vnum::cellcast;

namespace {

// An event as a line, its views copied: "operation attempt page METHOD path status errc decision
// wait sent".
std::string line(const vnum::call_event& e) {
  std::ostringstream out;
  out << e.provider << " " << e.operation << " " << vnum::to_string(e.kind) << " #" << e.attempt
      << " p" << e.page << " " << vnum::http::to_string(e.method) << " " << e.path << " "
      << e.status << " " << (e.error ? vnum::to_string(*e.error) : std::string_view("ok")) << " "
      << vnum::to_string(e.decision);
  if (e.wait) out << " wait " << e.wait->count() << "ms";
  if (!e.sent) out << " unsent";
  return out.str();
}

struct recorder {
  std::vector<std::string> lines;
  std::vector<vnum::call_event> events;  // their views dangle after the call: durations only
  vnum::observer observer() {
    return [this](const vnum::call_event& e) {
      lines.push_back(line(e));
      events.push_back(e);
    };
  }
};

struct identitycall_account {
  recorder seen;
  fake_identitycall fake;
  ic::client<fake_identitycall&> client{fake, make_config()};
  ic::config make_config() {
    ic::config c;
    c.api_key = fake.api_key();
    c.retry.max_attempts = 3;
    c.retry.sleep = [](std::chrono::milliseconds) {};
    c.observe = seen.observer();
    return c;
  }
};

ic::purchase_request order(const std::string& phone) {
  ic::purchase_request r;
  r.phone_number = phone;
  return r;
}

}  // namespace

TEST_CASE("a call that succeeds at once is one event") {
  identitycall_account a;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(a.client.purchase_number(order("+15551234567")));
  CHECK(a.seen.lines ==
        std::vector<std::string>{"identitycall purchase_number creating_write #1 p0 POST "
                                 "/api/v1/public/virtual_numbers/purchase 201 ok success"});
}

TEST_CASE("each retry is an event with the wait chosen, then the last attempt's") {
  identitycall_account a;
  a.fake.fail_next(fault::status(503));
  a.fake.fail_next(fault::status(429).retry_after(2s));
  REQUIRE(a.client.search_available_numbers());
  CHECK(a.seen.lines ==
        std::vector<std::string>{
            "identitycall search_available_numbers read #1 p0 GET "
            "/api/v1/public/virtual_numbers/available 503 server_error retry wait 200ms",
            "identitycall search_available_numbers read #2 p0 GET "
            "/api/v1/public/virtual_numbers/available 429 rate_limited retry wait 2000ms",
            "identitycall search_available_numbers read #3 p0 GET "
            "/api/v1/public/virtual_numbers/available 200 ok success"});
}

TEST_CASE("a list is an event per page, each saying whether another follows") {
  identitycall_account a;
  a.fake.set_page_size(1);
  for (const char* phone : {"+15551234567", "+15551234568", "+15551234569"}) {
    a.fake.add_available(phone, "US", "local");
    REQUIRE(a.client.purchase_number(order(phone)));
  }
  a.seen.lines.clear();
  a.fake.fail_next(fault::status(502), fake_identitycall::route::list_virtual_numbers);
  auto all = a.client.list_virtual_numbers();
  REQUIRE(all);
  CHECK(all->size() == 3);
  const std::string list = "identitycall list_virtual_numbers read ";
  const std::string path = " GET /api/v1/public/virtual_numbers ";
  CHECK(a.seen.lines ==
        std::vector<std::string>{list + "#1 p1" + path + "502 server_error retry wait 200ms",
                                 list + "#2 p1" + path + "200 ok next_page",
                                 list + "#1 p2" + path + "200 ok next_page",
                                 list + "#1 p3" + path + "200 ok success"});
}

TEST_CASE("a lost answer to a purchase is one event: outcome_unknown") {
  identitycall_account a;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.fail_next(fault::response_lost());
  REQUIRE_FALSE(a.client.purchase_number(order("+15551234567")));
  CHECK(a.seen.lines ==
        std::vector<std::string>{"identitycall purchase_number creating_write #1 p0 POST "
                                 "/api/v1/public/virtual_numbers/purchase 0 outcome_unknown "
                                 "outcome_unknown"});
}

TEST_CASE("a request refused before sending is one event that says nothing was sent") {
  identitycall_account a;
  REQUIRE_FALSE(a.client.purchase_number(order("555")));
  CHECK(a.seen.lines ==
        std::vector<std::string>{"identitycall purchase_number creating_write #0 p0 GET  0 "
                                 "invalid_argument error unsent"});
}

TEST_CASE("a key replayed from the ledger is one unsent event with the first call's ending") {
  identitycall_account a;
  vnum::testing::memory_ledger ledger;
  a.fake.add_available("+15551234567", "US", "local");
  REQUIRE(a.client.purchase_number(order("+15551234567"), vnum::once(ledger, "k")));
  REQUIRE(a.client.purchase_number(order("+15551234567"), vnum::once(ledger, "k")));
  CHECK(a.seen.lines ==
        std::vector<std::string>{"identitycall purchase_number creating_write #1 p0 POST "
                                 "/api/v1/public/virtual_numbers/purchase 201 ok success",
                                 "identitycall purchase_number creating_write #0 p0 POST "
                                 "/api/v1/public/virtual_numbers/purchase 0 ok success unsent"});
}

TEST_CASE("a reconciled purchase: the lost answer, the list that settles it, the replay") {
  identitycall_account a;
  vnum::testing::memory_ledger ledger;
  a.fake.add_available("+15551234567", "US", "local");
  a.fake.fail_next(fault::response_lost());
  REQUIRE_FALSE(a.client.purchase_number(order("+15551234567"), vnum::once(ledger, "signup-42")));
  REQUIRE(ic::reconcile(a.client, ledger));
  REQUIRE(a.client.purchase_number(order("+15551234567"), vnum::once(ledger, "signup-42")));
  CHECK(a.seen.lines ==
        std::vector<std::string>{
            "identitycall purchase_number creating_write #1 p0 POST "
            "/api/v1/public/virtual_numbers/purchase 0 outcome_unknown outcome_unknown",
            "identitycall list_virtual_numbers read #1 p1 GET /api/v1/public/virtual_numbers 200 "
            "ok success",
            "identitycall purchase_number creating_write #0 p0 POST "
            "/api/v1/public/virtual_numbers/purchase 0 ok success unsent"});
}

TEST_CASE("the duration is the runner's measure of the exchange") {
  identitycall_account a;
  struct slow {
    fake_identitycall* fake;
    vnum::result<vnum::http::response> send(const vnum::http::request& r) {
      std::this_thread::sleep_for(20ms);
      return fake->send(r);
    }
  } transport{&a.fake};
  ic::client<slow&> client(transport, a.client.config());
  REQUIRE(client.search_available_numbers());
  REQUIRE(a.seen.events.size() == 1);
  CHECK(a.seen.events[0].duration >= 20ms);
  CHECK(a.seen.events[0].duration < 5s);
}

TEST_CASE("an observer that throws changes nothing") {
  fake_identitycall fake;
  ic::config c;
  c.api_key = fake.api_key();
  c.observe = [](const vnum::call_event&) { throw std::runtime_error("a broken logger"); };
  ic::client<fake_identitycall&> client(fake, c);
  CHECK(client.search_available_numbers());
}

TEST_CASE("the async client gives the same events as the blocking one") {
  recorder sync_seen, async_seen;
  auto run = [](recorder& seen, bool async) {
    fake_identitycall fake;
    fake.set_page_size(1);
    for (const char* phone : {"+15551234567", "+15551234568"})
      fake.add_available(phone, "US", "local");
    ic::config c;
    c.api_key = fake.api_key();
    c.retry.max_attempts = 2;
    c.retry.initial_backoff = 1ms;
    c.observe = seen.observer();
    fake.fail_next(fault::status(503), fake_identitycall::route::list_virtual_numbers);
    if (!async) {
      ic::client<fake_identitycall&> client(fake, c);
      for (const char* phone : {"+15551234567", "+15551234568"})
        REQUIRE(client.purchase_number(order(phone)));
      REQUIRE(client.list_virtual_numbers());
      return;
    }
    boost::asio::io_context io;
    ic::async_client<vnum::testing::async_adapter<fake_identitycall&>> client{
        {fake, io.get_executor()}, c};
    for (const char* phone : {"+15551234567", "+15551234568"})
      client.async_purchase_number(order(phone),
                                   [](vnum::result<ic::virtual_number> r) { REQUIRE(r); });
    io.run();
    io.restart();
    client.async_list_virtual_numbers([](auto r) { REQUIRE(r); });
    io.run();
  };
  run(sync_seen, false);
  run(async_seen, true);
  CHECK(sync_seen.lines.size() == 5);
  CHECK(async_seen.lines == sync_seen.lines);
}

TEST_CASE("no event carries the API key, an OTP, a token or a bank detail") {
  recorder seen;
  fake_cellcast fake;
  fake.add_card("card_1SQmzoGOdUwLPbU6ll0QwsyH");
  fake.add_number("66ea98514f0c1a121c76ec17", "+61400000001", "prod_PFdN753rT3lNFW",
                  "prod_YEARLY1");
  fake.require_otp(true);
  cc::config c;
  c.api_key = fake.api_key();
  c.observe = seen.observer();
  cc::client<fake_cellcast&> client(fake, c);
  cc::purchase_request by_token{"", "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17",
                                cc::billing_cycle::month};
  by_token.token = "tok_visa_SECRET_123";
  cc::purchase_request by_becs{"", "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17",
                               cc::billing_cycle::month};
  by_becs.becs = cc::becs_debit{"pay@example.com", "Jane Citizen", "", "062000", "11223344"};
  (void)client.purchase_virtual_number(by_token);
  (void)client.purchase_virtual_number(by_becs);
  (void)client.add_custom_number({"Support", "+61400000000"});
  (void)client.verify_custom_number({"Support", "+61400000000", "482913"});
  REQUIRE(seen.lines.size() == 4);
  for (const auto& l : seen.lines)
    for (const std::string& secret :
         {fake.api_key(), std::string("tok_visa_SECRET_123"), std::string("11223344"),
          std::string("062000"), std::string("482913")}) {
      INFO(l);
      CHECK(l.find(secret) == std::string::npos);
    }
}
