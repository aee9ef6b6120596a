// The asynchronous clients' own rules, over the in-process fakes (testing::async_adapter) and over
// test transports: every completion token, completion through the executor, a throwing transport,
// both shapes of async_send, owned and borrowed transports, and cancellation at each point.
#include <vnum/asio.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include "support.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace http = vnum::http;
namespace ic = vnum::identitycall;
namespace cc = vnum::cellcast;
using namespace std::chrono_literals;
using vnum::errc;
using vnum::testing::async_adapter;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;

namespace {

ic::config identitycall_config(const fake_identitycall& fake, int attempts = 1) {
  ic::config c;
  c.api_key = fake.api_key();
  c.retry.max_attempts = attempts;
  return c;
}

ic::purchase_request order(std::string phone) {
  ic::purchase_request r;
  r.phone_number = std::move(phone);
  return r;
}

// A world with one number for sale.
void stock(fake_identitycall& fake) { fake.add_available("+15551234567", "US", "local"); }

// An async transport written for a test: answers from a script, completing through the executor;
// `on_send` runs inside async_send (to throw, or to cancel at a chosen moment).
struct scripted_transport {
  asio::any_io_executor ex;
  std::deque<vnum::result<http::response>> script;
  std::vector<http::request> sent;
  std::function<void()> on_send;

  asio::any_io_executor get_executor() const { return ex; }

  template <class Token>
  auto async_send(const http::request& r, Token&& token) {
    return asio::async_initiate<Token, http::send_signature>(
        [this](auto handler, const http::request* request) {
          sent.push_back(*request);
          if (on_send) on_send();
          auto answer = std::move(script.front());
          script.pop_front();
          asio::post(ex, [h = std::move(handler), a = std::move(answer)]() mutable {
            std::move(h)(std::move(a));
          });
        },
        token, &r);
  }
};

// The same, as a plain function taking any_send_handler.
struct plain_transport {
  asio::any_io_executor ex;
  std::vector<http::request> sent;
  asio::any_io_executor get_executor() const { return ex; }
  void async_send(const http::request& r, http::any_send_handler handler) {
    sent.push_back(r);
    asio::post(ex, [h = std::move(handler)]() mutable {
      std::move(h)(vnum::result<http::response>(support::answer(200, R"({"data":[]})")));
    });
  }
};

}  // namespace

TEST_CASE("async: a callback receives the same typed result as the blocking client") {
  asio::io_context io;
  fake_identitycall fake;
  stock(fake);
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()},
                                                             identitycall_config(fake)};
  std::optional<vnum::result<ic::virtual_number>> got;
  client.async_purchase_number(order("+15551234567"),
                               [&](vnum::result<ic::virtual_number> r) { got = std::move(r); });
  CHECK_FALSE(got);  // nothing completes inside the initiating call
  io.run();
  REQUIRE(got);
  REQUIRE(*got);
  CHECK((*got)->phone_number == "+15551234567");
  CHECK(fake.numbers().size() == 1);
}

TEST_CASE("async: use_future works, and so does the default token, deferred") {
  asio::io_context io;
  fake_identitycall fake;
  stock(fake);
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()},
                                                             identitycall_config(fake)};
  auto future =
      client.async_search_available_numbers({"US", ic::number_type::local}, asio::use_future);
  auto deferred = client.async_list_virtual_numbers();
  std::optional<vnum::result<std::vector<ic::virtual_number>>> listed;
  std::move(deferred)(
      [&](vnum::result<std::vector<ic::virtual_number>> r) { listed = std::move(r); });
  io.run();
  auto offers = future.get();
  REQUIRE(offers);
  REQUIRE(offers->size() == 1);
  CHECK((*offers)[0].phone_number == "+15551234567");
  REQUIRE(listed);
  REQUIRE(*listed);
  CHECK((*listed)->empty());
}

TEST_CASE("async: a call refused before sending completes through the executor, nothing sent") {
  asio::io_context io;
  fake_identitycall fake;
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()},
                                                             identitycall_config(fake)};
  std::optional<vnum::result<ic::virtual_number>> got;
  client.async_purchase_number(order("5551234567"),
                               [&](vnum::result<ic::virtual_number> r) { got = std::move(r); });
  CHECK_FALSE(got);
  io.run();
  REQUIRE(got);
  REQUIRE_FALSE(*got);
  CHECK(got->error().code == errc::invalid_argument);
  CHECK(got->error().field == "phone_number");
  CHECK(fake.journal().empty());
}

TEST_CASE("async: a transport whose async_send throws gives outcome_unknown, and completes") {
  asio::io_context io;
  cc::config c;
  c.api_key = "cellcast-key";
  c.retry.max_attempts = 1;
  scripted_transport t{io.get_executor(), {}, {}, [] { throw std::runtime_error("socket gone"); }};
  cc::async_client<scripted_transport&> client{t, c};
  std::optional<vnum::result<std::vector<cc::card>>> got;
  client.async_list_cards([&](vnum::result<std::vector<cc::card>> r) { got = std::move(r); });
  CHECK_FALSE(got);
  io.run();
  REQUIRE(got);
  support::require_error(*got, errc::outcome_unknown, 0, "transport threw: socket gone", "");
  CHECK(t.sent.size() == 1);
}

TEST_CASE("async: a transport taking any_send_handler satisfies the concept") {
  static_assert(http::async_transport<plain_transport>);
  static_assert(http::async_transport<scripted_transport>);
  static_assert(!http::async_transport<fake_cellcast>);
  asio::io_context io;
  cc::config c;
  c.api_key = "cellcast-key";
  cc::async_client<plain_transport> client{plain_transport{io.get_executor(), {}}, c};
  std::optional<vnum::result<std::vector<cc::custom_number>>> got;
  client.async_list_custom_numbers(
      [&](vnum::result<std::vector<cc::custom_number>> r) { got = std::move(r); });
  io.run();
  REQUIRE(got);
  REQUIRE(*got);
  CHECK((*got)->empty());
  REQUIRE(client.transport().sent.size() == 1);
  CHECK(client.transport().sent[0].url == "https://api.cellcast.com/api/v1/customNumber");
}

TEST_CASE("async: a read is retried after waiting on a timer; the policy's sleep is not called") {
  asio::io_context io;
  fake_identitycall fake;
  stock(fake);
  auto c = identitycall_config(fake, 2);
  bool slept = false;
  c.retry.sleep = [&slept](std::chrono::milliseconds) { slept = true; };
  fake.fail_next(vnum::testing::fault::status(429).retry_after(0s));
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()}, c};
  auto future =
      client.async_search_available_numbers({"US", ic::number_type::local}, asio::use_future);
  io.run();
  auto r = future.get();
  REQUIRE(r);
  CHECK(r->size() == 1);
  CHECK(fake.journal().size() == 2);
  CHECK_FALSE(slept);
}

TEST_CASE("async: cancelled during a wait, the result is the last attempt's error") {
  asio::io_context io;
  fake_identitycall fake;
  auto c = identitycall_config(fake, 3);
  c.retry.max_backoff = 60s;
  fake.fail_next(vnum::testing::fault::status(429).retry_after(30s));
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()}, c};
  asio::cancellation_signal cancel;
  std::optional<vnum::result<std::vector<ic::available_number>>> got;
  client.async_search_available_numbers(
      {}, asio::bind_cancellation_slot(
              cancel.slot(),
              [&](vnum::result<std::vector<ic::available_number>> r) { got = std::move(r); }));
  asio::steady_timer later(io, 20ms);
  later.async_wait(
      [&](boost::system::error_code) { cancel.emit(asio::cancellation_type::terminal); });
  const auto started = std::chrono::steady_clock::now();
  io.run();
  CHECK(std::chrono::steady_clock::now() - started < 10s);
  REQUIRE(got);
  REQUIRE_FALSE(*got);
  CHECK(got->error().code == errc::rate_limited);
  CHECK(got->error().retry_after == std::chrono::seconds(30));
  CHECK(fake.journal().size() == 1);
}

TEST_CASE("async: cancelled during a send, a purchase is outcome_unknown (it was applied)") {
  asio::io_context io;
  fake_identitycall fake;
  stock(fake);
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()},
                                                             identitycall_config(fake)};
  asio::cancellation_signal cancel;
  std::optional<vnum::result<ic::virtual_number>> got;
  client.async_purchase_number(
      order("+15551234567"),
      asio::bind_cancellation_slot(
          cancel.slot(), [&](vnum::result<ic::virtual_number> r) { got = std::move(r); }));
  cancel.emit(asio::cancellation_type::terminal);  // the request is out; its answer is not
  io.run();
  REQUIRE(got);
  support::require_error(*got, errc::outcome_unknown, 0, "cancelled after the request was sent",
                         "");
  CHECK(fake.numbers().size() == 1);
}

TEST_CASE("async: cancelled before a send, a list ends with errc::transport naming the page") {
  asio::io_context io;
  asio::cancellation_signal cancel;
  auto page = [](int n) {
    return support::answer(
        200, R"({"data":[{"id":)" + std::to_string(n) +
                 R"(,"phone_number":"+15551234567","name":"x","country_code":"US","active":true,)"
                 R"("ai_receptionist_enabled":false,"operators":[],"operators_count":0}],)"
                 R"("meta":{"current_page":)" +
                 std::to_string(n) + R"(,"per_page":1,"total_pages":2,"total_count":2}})");
  };
  scripted_transport t{io.get_executor(), {page(1), page(2)}, {}, nullptr};
  // Emitted while page 1 is in flight; this transport ignores it, so page 1 is read, page 2 not
  // sent.
  t.on_send = [&] { cancel.emit(asio::cancellation_type::terminal); };
  ic::config c;
  c.api_key = "idc_" + std::string(32, 'f');
  ic::async_client<scripted_transport&> client{t, c};
  std::optional<vnum::result<std::vector<ic::virtual_number>>> got;
  client.async_list_virtual_numbers(asio::bind_cancellation_slot(
      cancel.slot(), [&](vnum::result<std::vector<ic::virtual_number>> r) { got = std::move(r); }));
  io.run();
  REQUIRE(got);
  support::require_error(*got, errc::transport, 0,
                         "page 2 of 2: cancelled before the request was sent", "");
  CHECK(t.sent.size() == 1);
}

TEST_CASE("async: an owning client, and a borrowing one, over the same kind of transport") {
  asio::io_context io;
  fake_cellcast fake;
  fake.add_card("card_1");
  cc::config c;
  c.api_key = fake.api_key();
  cc::async_client<async_adapter<fake_cellcast&>> borrowing{{fake, io.get_executor()}, c};
  async_adapter<fake_cellcast&> adapter{fake, io.get_executor()};
  cc::async_client<async_adapter<fake_cellcast&>&> borrowing_adapter{adapter, c};
  auto a = borrowing.async_list_cards(asio::use_future);
  auto b = borrowing_adapter.async_list_cards(asio::use_future);
  io.run();
  auto first = a.get();
  auto second = b.get();
  REQUIRE(first);
  CHECK(first == second);
  CHECK((*first)[0].id == "card_1");
}

TEST_CASE("async: a transport that drops the handler inside async_send gives outcome_unknown") {
  struct dropping_transport {
    asio::any_io_executor ex;
    int sends = 0;
    asio::any_io_executor get_executor() const { return ex; }
    void async_send(const http::request&, http::any_send_handler handler) {
      ++sends;
      auto gone = std::move(handler);  // destroyed here, never called
    }
  };
  asio::io_context io;
  cc::config c;
  c.api_key = "cellcast-key";
  cc::async_client<dropping_transport> client{dropping_transport{io.get_executor()}, c};
  std::optional<vnum::result<cc::unsubscribe_receipt>> got;
  client.async_unsubscribe_virtual_number(
      "66ea98514f0c1a121c76ec17",
      [&](vnum::result<cc::unsubscribe_receipt> r) { got = std::move(r); });
  CHECK_FALSE(got);
  io.run();
  REQUIRE(got);
  support::require_error(*got, errc::outcome_unknown, 0,
                         "the transport dropped the request without an answer", "");
  CHECK(client.transport().sends == 1);
}

TEST_CASE("async: many operations at once on an io_context run by two threads") {
  asio::io_context io;
  fake_identitycall fake;
  constexpr int count = 200;
  for (int i = 0; i < count; ++i) {
    std::string digits = std::to_string(1000000 + i);
    fake.add_available("+1555" + digits.substr(1), "US", "local");
  }
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()},
                                                             identitycall_config(fake, 2)};
  std::atomic<int> bought{0};
  std::atomic<int> failed{0};
  auto work = asio::make_work_guard(io);
  std::thread second([&io] { io.run(); });
  for (int i = 0; i < count; ++i) {
    std::string digits = std::to_string(1000000 + i);
    auto o = order("+1555" + digits.substr(1));
    asio::post(io, [&client, &bought, &failed, o] {
      client.async_purchase_number(
          o, [&](vnum::result<ic::virtual_number> r) { (r ? bought : failed) += 1; });
    });
  }
  work.reset();
  io.run();
  second.join();
  CHECK(bought == count);
  CHECK(failed == 0);
  CHECK(fake.numbers().size() == static_cast<std::size_t>(count));
}

TEST_CASE("async: a key buys once, and the same key answers from the ledger, sending nothing") {
  asio::io_context io;
  fake_identitycall fake;
  stock(fake);
  vnum::testing::memory_ledger ledger;
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()},
                                                             identitycall_config(fake)};
  std::vector<vnum::result<ic::virtual_number>> got;
  auto keep = [&](vnum::result<ic::virtual_number> r) { got.push_back(std::move(r)); };
  client.async_purchase_number(order("+15551234567"), vnum::once(ledger, "signup-42"), keep);
  io.run();
  io.restart();
  client.async_purchase_number(order("+15551234567"), vnum::once(ledger, "signup-42"), keep);
  CHECK(got.size() == 1);  // a replay completes through the executor too
  io.run();
  REQUIRE(got.size() == 2);
  REQUIRE(got[0]);
  CHECK(got[1] == got[0]);
  CHECK(fake.journal().size() == 1);
  CHECK((*ledger.find("signup-42"))->state == vnum::intent_state::succeeded);
}

TEST_CASE("async: a Cellcast key with the default token (deferred) replays a refusal") {
  asio::io_context io;
  fake_cellcast fake;
  vnum::testing::memory_ledger ledger;
  cc::config c;
  c.api_key = fake.api_key();
  cc::async_client<async_adapter<fake_cellcast&>> client{{fake, io.get_executor()}, c};
  const cc::purchase_request unknown_card{"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                          "66ea98514f0c1a121c76ec17", cc::billing_cycle::month};
  auto first =
      client.async_purchase_virtual_number(unknown_card, vnum::once(ledger, "k"), asio::use_future);
  io.run();
  io.restart();
  auto second =
      client.async_purchase_virtual_number(unknown_card, vnum::once(ledger, "k"))(asio::use_future);
  io.run();
  auto a = first.get();
  auto b = second.get();
  REQUIRE_FALSE(a);
  CHECK(b == a);
  CHECK((*ledger.find("k"))->state == vnum::intent_state::refused);
  CHECK(fake.journal().size() == 1);
}
