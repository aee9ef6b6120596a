// The plans, stepped by hand with no transport and no clock: each test feeds scripted answers and
// asserts the exact sequence of actions the plan asks for, then its exact result.
#include <vnum/cellcast/plan.hpp>
#include <vnum/detail/json.hpp>  // Boost.JSON, to write pages
#include <vnum/identitycall/plan.hpp>
#include <vnum/plan.hpp>

#include "identitycall/examples.hpp"
#include "identitycall/pages.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
using support::answer;
using vnum::errc;
using vnum::next_action;
namespace http = vnum::http;
namespace ic = vnum::identitycall;
namespace cc = vnum::cellcast;
namespace ex = identitycall_examples;

namespace {

const std::string key = "idc_live0123456789abcdefghijklmnopqrst";
const std::string api = "https://api.identitycall.ai/api/v1/public";

ic::config identitycall_config(int max_attempts = 1) {
  ic::config c;
  c.api_key = key;
  c.retry.max_attempts = max_attempts;
  return c;
}

// Runs a plan against a script of answers, one per send, and writes down each action:
// "send GET <url>", "wait 200ms", "done".
template <class Plan>
struct stepper {
  Plan plan;
  std::deque<vnum::result<http::response>> script;
  std::vector<std::string> trace;

  auto run() {
    next_action a = plan.start();
    for (;;) {
      if (a.is_done()) {
        trace.push_back("done");
        return plan.take_result();
      }
      if (a.is_wait()) {
        trace.push_back("wait " + std::to_string(a.duration().count()) + "ms");
        a = plan.on_waited();
        continue;
      }
      trace.push_back(std::string("send ") + std::string(to_string(a.request().method)) + " " +
                      a.request().url);
      REQUIRE_FALSE(script.empty());
      auto next = std::move(script.front());
      script.pop_front();
      a = plan.on_answer(std::move(next));
    }
  }
};

template <class Plan>
stepper<Plan> step(Plan p, std::deque<vnum::result<http::response>> script) {
  return {std::move(p), std::move(script), {}};
}

http::response rate_limited(std::string retry_after = "") {
  std::vector<http::header> h;
  if (!retry_after.empty()) h.push_back({"Retry-After", retry_after});
  return answer(429, R"({"error":"Rate limit exceeded"})", std::move(h));
}

const http::response unavailable = answer(503, R"({"error":"Service unavailable"})");

// A page of List Virtual Numbers, of five numbers in all.
std::string numbers_page(std::vector<std::int64_t> ids, std::int64_t current, std::int64_t per_page,
                         std::int64_t total_pages) {
  return identitycall_pages::numbers_page(std::move(ids), current, per_page, total_pages, 5);
}

using identitycall_pages::ids_of;

const std::string get_7 = "send GET " + api + "/virtual_numbers/7";

}  // namespace

TEST_CASE("read plan: a 429 with Retry-After waits as long as asked, then sends again") {
  auto c = identitycall_config(3);
  auto s = step(ic::plans::get_virtual_number(c, 7), {rate_limited("2"), answer(200, ex::get_200)});
  auto r = s.run();
  REQUIRE(r);
  CHECK(r->id == 7);
  CHECK(s.trace == std::vector<std::string>{get_7, "wait 2000ms", get_7, "done"});
}

TEST_CASE("read plan: a 429 without Retry-After waits with exponential backoff") {
  auto c = identitycall_config(4);
  c.retry.initial_backoff = 100ms;
  c.retry.multiplier = 3.0;
  c.retry.max_backoff = 500ms;
  auto s = step(ic::plans::get_virtual_number(c, 7),
                {rate_limited(), rate_limited(), rate_limited(), answer(200, ex::get_200)});
  REQUIRE(s.run());
  CHECK(s.trace == std::vector<std::string>{get_7, "wait 100ms", get_7, "wait 300ms", get_7,
                                            "wait 500ms", get_7, "done"});
}

TEST_CASE("read plan: a Retry-After above max_backoff ends the read with that error") {
  auto c = identitycall_config(3);
  c.retry.max_backoff = 5s;
  auto s = step(ic::plans::get_virtual_number(c, 7), {rate_limited("6")});
  auto r = s.run();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::rate_limited);
  CHECK(r.error().retry_after == std::chrono::seconds(6));
  CHECK(s.trace == std::vector<std::string>{get_7, "done"});
}

TEST_CASE("read plan: when the attempts run out the last error is the result") {
  auto c = identitycall_config(2);
  auto s = step(ic::plans::get_virtual_number(c, 7),
                {unavailable, vnum::make_error(errc::transport, "connection refused")});
  auto r = s.run();
  support::require_error(r, errc::transport, 0, "connection refused", "");
  CHECK(s.trace == std::vector<std::string>{get_7, "wait 200ms", get_7, "done"});
}

TEST_CASE("read plan: an error another try cannot fix is the result at once") {
  auto c = identitycall_config(3);
  auto s = step(ic::plans::get_virtual_number(c, 7), {answer(404, ex::error_404)});
  auto r = s.run();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::not_found);
  CHECK(s.trace == std::vector<std::string>{get_7, "done"});
}

TEST_CASE("read plan: an invalid retry policy is the result, and nothing is sent") {
  auto c = identitycall_config(0);
  auto s = step(ic::plans::get_virtual_number(c, 7), {});
  support::require_invalid(s.run(), "retry.max_attempts",
                           "retry.max_attempts: must be at least 1, not 0");
  CHECK(s.trace == std::vector<std::string>{"done"});
}

TEST_CASE("read plan: a request that fails to build is the result, and nothing is sent") {
  auto c = identitycall_config(3);
  auto s = step(ic::plans::get_virtual_number(c, -1), {});
  auto r = s.run();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "id");
  CHECK(s.trace == std::vector<std::string>{"done"});
}

TEST_CASE("read plan: the API key never leaves in an error") {
  auto c = identitycall_config(1);
  auto s = step(ic::plans::get_virtual_number(c, 7),
                {answer(422, R"({"error":"bad key )" + key + R"("})")});
  auto r = s.run();
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find(key) == std::string::npos);
  CHECK(r.error().provider_message == "bad key [redacted]");
}

TEST_CASE("read plan: cancelled during a wait, the result is the last attempt's error") {
  auto c = identitycall_config(3);
  auto p = ic::plans::get_virtual_number(c, 7);
  REQUIRE(p.start().is_send());
  next_action a = p.on_answer(unavailable);
  REQUIRE(a.is_wait());
  REQUIRE(p.cancel().is_done());
  auto r = p.take_result();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::server_error);
  CHECK(r.error().http_status == 503);
}

TEST_CASE("read plan: cancelled before a send, the result is errc::transport") {
  auto c = identitycall_config(3);
  auto p = ic::plans::get_virtual_number(c, 7);
  REQUIRE(p.start().is_send());
  REQUIRE(p.on_answer(unavailable).is_wait());
  REQUIRE(p.on_waited().is_send());
  REQUIRE(p.cancel().is_done());
  support::require_error(p.take_result(), errc::transport, 0,
                         "cancelled before the request was sent", "");
}

TEST_CASE("write plan: a creating write is sent once; a 503 is outcome_unknown, never retried") {
  auto c = identitycall_config(5);
  ic::purchase_request order;
  order.phone_number = "+15551234567";
  auto s = step(ic::plans::purchase_number(c, order), {unavailable});
  auto r = s.run();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
  CHECK(s.trace ==
        std::vector<std::string>{"send POST " + api + "/virtual_numbers/purchase", "done"});
}

TEST_CASE("write plan: a lost answer is outcome_unknown and is not sent again") {
  cc::config c;
  c.api_key = "cellcast-key";
  c.retry.max_attempts = 5;
  auto s = step(cc::plans::unsubscribe_virtual_number(c, "5f9a8c7b6d5e4f3a2b1c0d9e"),
                {vnum::make_error(errc::outcome_unknown, "timeout after sending")});
  support::require_error(s.run(), errc::outcome_unknown, 0, "timeout after sending", "");
  CHECK(s.trace.size() == 2);
}

TEST_CASE("write plan: nothing a runner does makes it send a second time") {
  cc::config c;
  c.api_key = "cellcast-key";
  auto p = cc::plans::unsubscribe_virtual_number(c, "5f9a8c7b6d5e4f3a2b1c0d9e");
  REQUIRE(p.start().is_send());
  REQUIRE(p.on_waited().is_done());
  support::require_error(p.take_result(), errc::protocol, 0,
                         "a write plan was resumed after a wait it never asked for", "");
  auto answered = cc::plans::unsubscribe_virtual_number(c, "5f9a8c7b6d5e4f3a2b1c0d9e");
  REQUIRE(answered.start().is_send());
  REQUIRE(answered.on_answer(vnum::make_error(errc::outcome_unknown, "reset")).is_done());
  REQUIRE(answered.on_waited().is_done());
  support::require_error(answered.take_result(), errc::outcome_unknown, 0, "reset", "");
}

TEST_CASE("write plan: cancelled before its send, the result is errc::transport") {
  cc::config c;
  c.api_key = "cellcast-key";
  auto p = cc::plans::unsubscribe_virtual_number(c, "5f9a8c7b6d5e4f3a2b1c0d9e");
  REQUIRE(p.start().is_send());
  REQUIRE(p.cancel().is_done());
  support::require_error(p.take_result(), errc::transport, 0,
                         "cancelled before the request was sent", "");
}

TEST_CASE("list plan: pages 2..total_pages follow with the first page's per_page") {
  auto c = identitycall_config();
  auto s = step(ic::plans::list_virtual_numbers(c), {answer(200, numbers_page({1, 2}, 1, 2, 3)),
                                                     answer(200, numbers_page({3, 4}, 2, 2, 3)),
                                                     answer(200, numbers_page({5}, 3, 2, 3))});
  auto r = s.run();
  REQUIRE(r);
  CHECK(ids_of(*r) == std::vector<std::int64_t>{1, 2, 3, 4, 5});
  CHECK(s.trace ==
        std::vector<std::string>{"send GET " + api + "/virtual_numbers",
                                 "send GET " + api + "/virtual_numbers?page=2&per_page=2",
                                 "send GET " + api + "/virtual_numbers?page=3&per_page=2", "done"});
}

TEST_CASE("list plan: a 5xx on page 3 is retried, then the page is read and the list completes") {
  auto c = identitycall_config(2);
  const std::string page3 = "send GET " + api + "/virtual_numbers?page=3&per_page=2";
  auto s =
      step(ic::plans::list_virtual_numbers(c),
           {answer(200, numbers_page({1, 2}, 1, 2, 3)), answer(200, numbers_page({3, 4}, 2, 2, 3)),
            unavailable, answer(200, numbers_page({5}, 3, 2, 3))});
  auto r = s.run();
  REQUIRE(r);
  CHECK(ids_of(*r) == std::vector<std::int64_t>{1, 2, 3, 4, 5});
  CHECK(s.trace ==
        std::vector<std::string>{"send GET " + api + "/virtual_numbers",
                                 "send GET " + api + "/virtual_numbers?page=2&per_page=2", page3,
                                 "wait 200ms", page3, "done"});
}

TEST_CASE("list plan: a page that contradicts the first ends the list with a protocol error") {
  auto c = identitycall_config();
  auto s = step(ic::plans::list_virtual_numbers(c), {answer(200, numbers_page({1, 2}, 1, 2, 3)),
                                                     answer(200, numbers_page({3, 4}, 2, 2, 4))});
  support::require_error(s.run(), errc::protocol, 200,
                         "unexpected response: page 2 of 3: meta.total_pages is 4, page 1 said 3",
                         "");
  CHECK(s.trace.size() == 3);
}

TEST_CASE("list plan: a failure on a later page names the page, never a short list") {
  auto c = identitycall_config();
  auto s = step(ic::plans::list_virtual_numbers(c),
                {answer(200, numbers_page({1, 2}, 1, 2, 2)), answer(403, ex::error_403_read)});
  support::require_error(s.run(), errc::forbidden, 403, "page 2 of 2: Read permission required",
                         "Read permission required");
}

TEST_CASE("list plan: one answer without meta is the whole list") {
  auto c = identitycall_config();
  auto s = step(ic::plans::list_virtual_numbers(c), {answer(200, ex::list_200)});
  auto r = s.run();
  REQUIRE(r);
  CHECK(ids_of(*r) == std::vector<std::int64_t>{7, 8});
  CHECK(s.trace.size() == 2);
}

TEST_CASE("list plan: cancelled before page 2 is sent, the result names the page") {
  auto c = identitycall_config();
  auto p = ic::plans::list_virtual_numbers(c);
  REQUIRE(p.start().is_send());
  next_action a = p.on_answer(answer(200, numbers_page({1, 2}, 1, 2, 2)));
  REQUIRE(a.is_send());
  CHECK(a.request().url == api + "/virtual_numbers?page=2&per_page=2");
  CHECK(p.page_number() == 2);
  REQUIRE(p.cancel().is_done());
  support::require_error(p.take_result(), errc::transport, 0,
                         "page 2 of 2: cancelled before the request was sent", "");
}
