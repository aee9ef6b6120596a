// Retrying reads: only GET requests are retried, only for errors worth another try, with
// exponential backoff or the provider's Retry-After.
#include <vnum/identitycall/client.hpp>
#include <vnum/testing/mock_transport.hpp>

#include "identitycall/examples.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <catch2/trompeloeil.hpp>

#include <chrono>
#include <limits>
#include <vector>

namespace ic = vnum::identitycall;
namespace ex = identitycall_examples;
using namespace std::chrono_literals;
using support::answer;
using trompeloeil::_;
using vnum::errc;
using vnum::testing::mock_transport;

namespace {

struct setup {
  mock_transport transport;
  std::vector<std::chrono::milliseconds> waits;
  ic::client<mock_transport&> client{transport, config()};

  ic::config config() {
    ic::config c{"idc_test"};
    c.retry.max_attempts = 3;
    c.retry.initial_backoff = 100ms;
    c.retry.multiplier = 2.0;
    c.retry.max_backoff = 1000ms;
    c.retry.sleep = [this](std::chrono::milliseconds d) { waits.push_back(d); };
    return c;
  }
};

}  // namespace

TEST_CASE("retry: a read that fails twice with 503 succeeds on the third attempt") {
  setup s;
  trompeloeil::sequence seq;
  REQUIRE_CALL(s.transport, send(_))
      .TIMES(2)
      .IN_SEQUENCE(seq)
      .RETURN(answer(503, R"({"error":"busy"})"));
  REQUIRE_CALL(s.transport, send(_)).IN_SEQUENCE(seq).RETURN(answer(200, ex::list_200));
  auto r = s.client.list_virtual_numbers();
  REQUIRE(r);
  CHECK(r->size() == 2);
  CHECK(s.waits == std::vector<std::chrono::milliseconds>{100ms, 200ms});
}

TEST_CASE("retry: attempts run out and the last error is returned") {
  setup s;
  REQUIRE_CALL(s.transport, send(_)).TIMES(3).RETURN(vnum::make_error(errc::transport, "refused"));
  auto r = s.client.get_virtual_number(7);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(s.waits == std::vector<std::chrono::milliseconds>{100ms, 200ms});
}

TEST_CASE("retry: the provider's Retry-After is the wait, when within max_backoff") {
  setup s;
  trompeloeil::sequence seq;
  REQUIRE_CALL(s.transport, send(_))
      .IN_SEQUENCE(seq)
      .RETURN(answer(429, R"({"error":"slow down"})", {{"Retry-After", "1"}}));
  REQUIRE_CALL(s.transport, send(_)).IN_SEQUENCE(seq).RETURN(answer(200, ex::available_200));
  REQUIRE(s.client.search_available_numbers());
  CHECK(s.waits == std::vector<std::chrono::milliseconds>{1000ms});
}

TEST_CASE("retry: a Retry-After longer than max_backoff is returned to the caller") {
  setup s;
  REQUIRE_CALL(s.transport, send(_))
      .RETURN(answer(429, R"({"error":"slow down"})", {{"Retry-After", "60"}}));
  auto r = s.client.list_virtual_numbers();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::rate_limited);
  CHECK(r.error().retry_after == std::chrono::seconds(60));
  CHECK(s.waits.empty());
}

TEST_CASE("retry: errors that another try cannot fix are not retried") {
  setup s;
  REQUIRE_CALL(s.transport, send(_)).RETURN(answer(404, ex::error_404));
  CHECK(s.client.get_virtual_number(7).error().code == errc::not_found);
  REQUIRE_CALL(s.transport, send(_)).RETURN(answer(401, ex::error_401));
  CHECK(s.client.list_virtual_numbers().error().code == errc::unauthorized);
  CHECK(s.waits.empty());
}

TEST_CASE("retry: writes are never retried, whatever the policy") {
  setup s;
  REQUIRE_CALL(s.transport, send(_)).TIMES(1).RETURN(answer(503, R"({"error":"busy"})"));
  ic::purchase_request order;
  order.phone_number = "+15551234567";
  CHECK(s.client.purchase_number(order).error().code == errc::outcome_unknown);
  REQUIRE_CALL(s.transport, send(_))
      .TIMES(1)
      .RETURN(vnum::make_error(errc::outcome_unknown, "reset"));
  ic::update_request rename;
  rename.name = "x";
  CHECK(s.client.update_virtual_number(7, rename).error().code == errc::outcome_unknown);
  CHECK(s.waits.empty());
}

TEST_CASE("retry: off by default") {
  mock_transport transport;
  ic::client<mock_transport&> client{transport, ic::config{"idc_test"}};
  REQUIRE_CALL(transport, send(_)).TIMES(1).RETURN(answer(503, R"({"error":"busy"})"));
  CHECK(client.list_virtual_numbers().error().code == errc::server_error);
}

TEST_CASE("retry: a policy whose arithmetic would misbehave is refused, naming the field") {
  vnum::retry_policy p;
  CHECK(vnum::validate(p));
  p.max_attempts = 0;
  support::require_invalid(vnum::validate(p), "retry.max_attempts",
                           "retry.max_attempts: must be at least 1, not 0");
  for (double m : {0.5, -2.0, std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity()}) {
    p = {};
    p.multiplier = m;
    support::require_invalid(vnum::validate(p), "retry.multiplier",
                             "retry.multiplier: must be a finite number of at least 1");
  }
  p = {};
  p.initial_backoff = -1ms;
  support::require_invalid(vnum::validate(p), "retry.initial_backoff",
                           "retry.initial_backoff: must not be negative");
  p = {};
  p.max_backoff = -1ms;
  support::require_invalid(vnum::validate(p), "retry.max_backoff",
                           "retry.max_backoff: must not be negative");
}

TEST_CASE("retry: backoff is clamped in floating point, so a huge max_backoff never overflows") {
  vnum::retry_policy p;
  p.multiplier = 1e300;
  p.max_backoff = std::chrono::milliseconds::max();
  CHECK(vnum::next_backoff(200ms, p) == std::chrono::milliseconds::max());
  p.multiplier = 2.0;
  auto wait = 200ms;
  for (int i = 0; i < 100; ++i) {
    wait = vnum::next_backoff(wait, p);
    REQUIRE(wait.count() > 0);
  }
  CHECK(wait == std::chrono::milliseconds::max());
  p.max_backoff = 1000ms;
  CHECK(vnum::next_backoff(400ms, p) == 800ms);
  CHECK(vnum::next_backoff(800ms, p) == 1000ms);
}

TEST_CASE("retry: an invalid policy sends nothing") {
  mock_transport transport;
  ic::config c{"idc_test"};
  c.retry.multiplier = std::numeric_limits<double>::quiet_NaN();
  ic::client<mock_transport&> client{transport, c};
  FORBID_CALL(transport, send(_));
  support::require_invalid(client.list_virtual_numbers(), "retry.multiplier",
                           "retry.multiplier: must be a finite number of at least 1");
}
