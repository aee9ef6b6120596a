// IdentityCall reconciliation: unsettled intents settled from the complete lists, and exactly what
// the lists cannot settle left alone.
#include <vnum/identitycall/client.hpp>
#include <vnum/identitycall/reconcile.hpp>
#include <vnum/intent.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using namespace vnum::identitycall;
using vnum::errc;
using vnum::intent_state;
using vnum::once;
using vnum::reconcile_verdict;
using vnum::testing::fake_identitycall;
using vnum::testing::fault;
using vnum::testing::memory_ledger;

namespace {

struct account {
  vnum::ledger_time now{std::chrono::milliseconds(1'796'000'000'000)};
  memory_ledger ledger{memory_ledger::options{24h, [this] { return now; }}};
  fake_identitycall fake;
  client<fake_identitycall&> ic{fake, make_config()};

  config make_config() const {
    config c;
    c.api_key = fake.api_key();
    return c;
  }
  // A purchase whose answer was lost: the number is bought, the intent unknown.
  void lose_purchase(const std::string& key, const std::string& phone) {
    fake.add_available(phone, "US", "local");
    fake.fail_next(fault::response_lost());
    purchase_request r;
    r.phone_number = phone;
    REQUIRE(ic.purchase_number(r, once(ledger, key)).error().code == errc::outcome_unknown);
  }
  purchase_request order(const std::string& phone) const {
    purchase_request r;
    r.phone_number = phone;
    return r;
  }
};

}  // namespace

TEST_CASE("a lost purchase that the list holds is settled, and its key returns that number") {
  account a;
  a.lose_purchase("signup-42", "+15551234567");
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0] == vnum::reconciled{"signup-42", "identitycall.purchase_number",
                                         reconcile_verdict::settled,
                                         "reconciled: List Virtual Numbers holds the number "
                                         "+15551234567"});
  const auto sent = a.fake.journal().size();
  auto again = a.ic.purchase_number(a.order("+15551234567"), once(a.ledger, "signup-42"));
  REQUIRE(again);
  CHECK(*again == a.ic.list_virtual_numbers()->at(0));
  CHECK(a.fake.journal().size() == sent + 1);  // the list just above, and no purchase
  CHECK(a.fake.numbers().size() == 1);
}

TEST_CASE("a number the list does not hold is absent, and stays unknown") {
  account a;
  a.fake.add_available("+15551234567", "US", "local");
  // Claimed and then dropped as if the process died before sending: a pending claim, lease over.
  REQUIRE(a.ledger
              .claim({"k", "identitycall.purchase_number",
                      vnum::detail::request_fingerprint(
                          *build_purchase_number(a.ic.config(), a.order("+15551234567"))),
                      "gone", 1min})
              ->won);
  a.now += 2min;
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].verdict == reconcile_verdict::absent);
  CHECK((*report)[0].detail ==
        "the number +15551234567 is not in List Virtual Numbers; the docs do not say a new one "
        "shows there at once, so this settles nothing");
  CHECK((*a.ledger.find("k"))->state == intent_state::pending);
}

TEST_CASE("a live claim is in flight and is not touched") {
  account a;
  REQUIRE(a.ledger.claim({"k", "identitycall.purchase_number", "POST x\n{}", "w", 5min})->won);
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].verdict == reconcile_verdict::in_flight);
  CHECK(a.fake.journal().empty());
}

TEST_CASE("a lost operator creation is settled from List Operators by name and phone") {
  account a;
  a.fake.fail_next(fault::response_lost());
  create_operator_request alice{"Alice Carter", "+15555550112", {}, {}};
  REQUIRE(a.ic.create_operator(alice, once(a.ledger, "op")).error().code == errc::outcome_unknown);
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].verdict == reconcile_verdict::settled);
  auto again = a.ic.create_operator(alice, once(a.ledger, "op"));
  REQUIRE(again);
  CHECK(again->name == "Alice Carter");
  CHECK(again->phone_number == "+15555550112");
  CHECK(again->id == a.ic.list_operators()->at(0).id);
}

TEST_CASE("two operators matching one creation are ambiguous and left to a person") {
  account a;
  a.fake.add_operator("Alice Carter", "+15555550112");
  a.fake.fail_next(fault::response_lost());
  create_operator_request alice{"Alice Carter", "+15555550112", {}, {}};
  REQUIRE_FALSE(a.ic.create_operator(alice, once(a.ledger, "op")));
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE(report);
  CHECK((*report)[0].verdict == reconcile_verdict::ambiguous);
  CHECK((*report)[0].detail == "2 entries match an operator Alice Carter with +15555550112");
  CHECK((*a.ledger.find("op"))->state == intent_state::unknown);
}

TEST_CASE("an operator attachment has no list to settle it: a person does") {
  account a;
  a.lose_purchase("buy", "+15551234567");
  auto id = a.ic.list_virtual_numbers()->at(0).id;
  a.now += 1s;  // unsettled() lists oldest first
  a.fake.fail_next(fault::response_lost());
  REQUIRE_FALSE(a.ic.add_operator(id, add_operator_request::create("+15555550112"),
                                  once(a.ledger, "attach")));
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 2);
  CHECK((*report)[0].verdict == reconcile_verdict::settled);
  CHECK((*report)[1] == vnum::reconciled{"attach", "identitycall.add_operator",
                                         reconcile_verdict::needs_person,
                                         "no list records it: check get_virtual_number()'s "
                                         "operators, then resolve"});
}

TEST_CASE("a list that cannot be read settles nothing and is the error") {
  account a;
  a.lose_purchase("signup-42", "+15551234567");
  a.fake.fail_next(fault::status(401));
  auto report = reconcile(a.ic, a.ledger);
  REQUIRE_FALSE(report);
  CHECK(report.error().code == errc::unauthorized);
  CHECK((*a.ledger.find("signup-42"))->state == intent_state::unknown);
}
