// Intent keys (<vnum/intent.hpp>): each behaviour of a creating write called once(ledger, key),
// against the in-memory fakes and the in-memory ledger, with a clock the test moves.
#include <vnum/cellcast/client.hpp>
#include <vnum/identitycall/client.hpp>
#include <vnum/intent.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using vnum::errc;
using vnum::intent_state;
using vnum::once;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;
using vnum::testing::fault;
using vnum::testing::memory_ledger;
namespace http = vnum::http;
namespace ic = vnum::identitycall;
namespace cc = vnum::cellcast;

namespace {

// A ledger whose clock stands still until the test moves it.
struct clocked_ledger {
  vnum::ledger_time now{std::chrono::milliseconds(1'796'000'000'000)};  // 2026-11-30T...
  memory_ledger ledger{memory_ledger::options{24h, [this] { return now; }}};
};

struct identitycall_account : clocked_ledger {
  fake_identitycall fake;
  ic::client<fake_identitycall&> client{fake, make_config()};

  identitycall_account() {
    fake.add_available("+15551234567", "US", "local");
    fake.add_available("+15551234568", "US", "local");
    fake.set_next_number_id(9);
  }
  ic::config make_config() const {
    ic::config c;
    c.api_key = fake.api_key();
    return c;
  }
  std::size_t sent() const { return fake.journal().size(); }
};

ic::purchase_request sales_line(std::string phone = "+15551234567") {
  ic::purchase_request r;
  r.phone_number = std::move(phone);
  r.name = "US Sales Line";
  return r;
}

constexpr std::string_view number_id = "66ea98514f0c1a121c76ec17";
const std::string card = "card_1SQmzoGOdUwLPbU6ll0QwsyH";

struct cellcast_account : clocked_ledger {
  fake_cellcast fake;
  cc::client<fake_cellcast&> client{fake, make_config()};

  cellcast_account() {
    fake.add_card(card);
    fake.add_number(std::string(number_id), "+61400000001", "prod_PFdN753rT3lNFW", "prod_YEARLY1");
  }
  cc::config make_config() const {
    cc::config c;
    c.api_key = fake.api_key();
    return c;
  }
  std::size_t sent() const { return fake.journal().size(); }
};

cc::purchase_request monthly() {
  return {card, "prod_PFdN753rT3lNFW", std::string(number_id), cc::billing_cycle::month};
}

vnum::intent_record record(memory_ledger& l, std::string_view key) {
  auto found = l.find(key);
  REQUIRE(found);
  REQUIRE(found->has_value());
  return **found;
}

bool absent(memory_ledger& l, std::string_view key) {
  auto found = l.find(key);
  REQUIRE(found);
  return !found->has_value();
}

}  // namespace

TEST_CASE("a first call with a key buys once and keeps the answer as succeeded") {
  identitycall_account a;
  auto bought = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE(bought);
  CHECK(bought->id == 9);
  CHECK(bought->phone_number == "+15551234567");
  CHECK(a.sent() == 1);

  auto r = record(a.ledger, "signup-42");
  CHECK(r.state == intent_state::succeeded);
  CHECK(r.operation == "identitycall.purchase_number");
  CHECK(r.fingerprint ==
        "POST https://api.identitycall.ai/api/v1/public/virtual_numbers/purchase\n"
        R"({"phone_number":"+15551234567","name":"US Sales Line"})");
  CHECK(r.answer_status == 201);
  CHECK(ic::parse_purchase_number({201, {}, r.answer_body}) == bought);
  CHECK(r.note == "answer");
  CHECK(r.created_at == a.now);
  CHECK(r.settled_at == a.now);
  CHECK(r.owner.empty());
}

TEST_CASE(
    "the same key again returns the same number, parsed from the kept answer, sending nothing") {
  identitycall_account a;
  auto first = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE(first);
  a.now += 1h;
  auto again = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE(again);
  CHECK(*again == *first);
  CHECK(a.sent() == 1);
  CHECK(a.fake.numbers().size() == 1);
}

TEST_CASE("while the request is out its intent is pending, with a live owner") {
  clocked_ledger l;
  fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  std::optional<vnum::intent_record> seen;
  struct watching {
    fake_identitycall* fake;
    memory_ledger* ledger;
    std::optional<vnum::intent_record>* seen;
    vnum::result<http::response> send(const http::request& r) {
      *seen = **ledger->find("signup-42");
      return fake->send(r);
    }
  } transport{&fake, &l.ledger, &seen};
  ic::config c;
  c.api_key = fake.api_key();
  ic::client<watching&> client(transport, c);
  REQUIRE(client.purchase_number(sales_line(), once(l.ledger, "signup-42", 90s)));
  REQUIRE(seen);
  CHECK(seen->state == intent_state::pending);
  CHECK(seen->owner_alive);
  CHECK(seen->owner.size() == 32);
  CHECK(seen->lease_until == l.now + 90s);
  CHECK(seen->answer_body.empty());
}

TEST_CASE("a refused request is kept as refused, and the same key returns the same error") {
  identitycall_account a;
  auto first = a.client.purchase_number(sales_line("+15559999999"), once(a.ledger, "k"));
  REQUIRE_FALSE(first);
  const vnum::error refusal = first.error();
  CHECK(vnum::detail::ending_of(refusal.code) == vnum::detail::intent_ending::refuse);
  auto r = record(a.ledger, "k");
  CHECK(r.state == intent_state::refused);
  CHECK(r.refusal == refusal);

  auto again = a.client.purchase_number(sales_line("+15559999999"), once(a.ledger, "k"));
  REQUIRE_FALSE(again);
  CHECK(again.error() == refusal);
  CHECK(a.sent() == 1);
}

TEST_CASE("a lost answer is kept as unknown, and the same key is outcome_unknown naming it") {
  identitycall_account a;
  a.fake.fail_next(fault::response_lost());
  auto first = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(first);
  CHECK(first.error().code == errc::outcome_unknown);
  CHECK(record(a.ledger, "signup-42").state == intent_state::unknown);

  a.now += 10min;
  auto again = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(again);
  CHECK(again.error().code == errc::outcome_unknown);
  CHECK(again.error().message.starts_with("intent key \"signup-42\": sent at " +
                                          vnum::to_iso8601(a.now - 10min) +
                                          " and its outcome is unknown ("));
  CHECK(again.error().message.ends_with(
      "); reconcile it with the provider's records before trying again (reconcile(), or "
      "resolve it by hand); nothing was sent"));
  CHECK(a.sent() == 1);
  CHECK(a.fake.numbers().size() == 1);  // the purchase went through: a second would buy twice
}

TEST_CASE("a key held by a live owner is a conflict, and nothing is sent") {
  identitycall_account a;
  REQUIRE(a.ledger
              .claim({"signup-42", "identitycall.purchase_number",
                      vnum::detail::request_fingerprint(
                          *ic::build_purchase_number(a.client.config(), sales_line())),
                      "another-worker", 5min})
              ->won);
  a.now += 1min;
  auto r = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::conflict);
  CHECK(r.error().message == "intent key \"signup-42\": another call holds it (claimed at " +
                                 vnum::to_iso8601(a.now - 1min) + ", its lease runs to " +
                                 vnum::to_iso8601(a.now + 4min) + "); nothing was sent");
  CHECK(a.sent() == 0);
}

TEST_CASE("a key whose owner died before recording is outcome_unknown, and nothing is sent") {
  identitycall_account a;
  REQUIRE(a.ledger
              .claim({"signup-42", "identitycall.purchase_number",
                      vnum::detail::request_fingerprint(
                          *ic::build_purchase_number(a.client.config(), sales_line())),
                      "a-worker-that-was-killed", 5min})
              ->won);
  a.now += 5min;
  auto r = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
  CHECK(r.error().message == "intent key \"signup-42\": sent at " + vnum::to_iso8601(a.now - 5min) +
                                 " by a call that ended before recording its answer; reconcile it "
                                 "with the provider's records before trying again (reconcile(), "
                                 "or resolve it by hand); nothing was sent");
  CHECK(a.sent() == 0);
}

TEST_CASE("the same key with another request is invalid_argument naming the key") {
  identitycall_account a;
  REQUIRE(a.client.purchase_number(sales_line(), once(a.ledger, "signup-42")));
  auto other = a.client.purchase_number(sales_line("+15551234568"), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(other);
  CHECK(other.error().code == errc::invalid_argument);
  CHECK(other.error().field == "intent key");
  CHECK(other.error().message ==
        "intent key: \"signup-42\" was used for another request "
        "(identitycall.purchase_number, claimed at " +
            vnum::to_iso8601(a.now) + "); nothing was sent");
  auto operator_call = a.client.create_operator({"Alice Carter", "+15555550112", {}, {}},
                                                once(a.ledger, "signup-42"));
  REQUIRE_FALSE(operator_call);
  CHECK(operator_call.error().field == "intent key");
  CHECK(a.sent() == 1);
}

TEST_CASE("a request that never went out releases its key, so the same call goes again") {
  identitycall_account a;
  a.fake.fail_next(fault::request_lost());
  auto first = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(first);
  CHECK(first.error().code == errc::transport);
  CHECK(absent(a.ledger, "signup-42"));
  auto second = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42"));
  REQUIRE(second);
  CHECK(record(a.ledger, "signup-42").state == intent_state::succeeded);
  CHECK(a.fake.numbers().size() == 1);
}

TEST_CASE("a 429 releases the key: the provider did nothing, for now") {
  cellcast_account a;
  a.fake.fail_next(fault::status(429));
  auto first = a.client.purchase_virtual_number(monthly(), once(a.ledger, "k"));
  REQUIRE_FALSE(first);
  CHECK(first.error().code == errc::rate_limited);
  CHECK(absent(a.ledger, "k"));
  REQUIRE(a.client.purchase_virtual_number(monthly(), once(a.ledger, "k")));
  CHECK(a.fake.subscriptions().size() == 1);
}

TEST_CASE("an expired API key releases the intent key: the credentials, not the request") {
  cellcast_account a;
  a.fake.expire_key();
  auto first = a.client.purchase_virtual_number(monthly(), once(a.ledger, "k"));
  REQUIRE_FALSE(first);
  CHECK(first.error().code == errc::unauthorized);
  CHECK(absent(a.ledger, "k"));
}

TEST_CASE("a request that fails validation claims nothing and sends nothing") {
  identitycall_account a;
  auto r = a.client.purchase_number(sales_line("555"), once(a.ledger, "signup-42"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "phone_number");
  CHECK(absent(a.ledger, "signup-42"));
  CHECK(a.sent() == 0);
}

TEST_CASE("an empty, overlong or control-character key is invalid_argument, nothing claimed") {
  identitycall_account a;
  for (std::string key : {std::string(), std::string(201, 'k'), std::string("a\nb")}) {
    auto r = a.client.purchase_number(sales_line(), once(a.ledger, key));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::invalid_argument);
    CHECK(r.error().field == "intent key");
  }
  CHECK(a.ledger.unsettled()->empty());
  CHECK(a.sent() == 0);
  CHECK(a.client.purchase_number(sales_line(), once(a.ledger, std::string(200, 'k'))));
}

TEST_CASE("a lease of zero or less is invalid_argument naming it, nothing claimed or sent") {
  identitycall_account a;
  for (auto lease : {0ms, -5000ms}) {
    auto r = a.client.purchase_number(sales_line(), once(a.ledger, "signup-42", lease));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::invalid_argument);
    CHECK(r.error().field == "intent lease");
    CHECK(r.error().message == "intent lease: must be longer than zero");
  }
  CHECK(absent(a.ledger, "signup-42"));
  CHECK(a.sent() == 0);
}

TEST_CASE("a ledger that cannot claim fails the call as transport, and nothing is sent") {
  struct broken_ledger : memory_ledger {
    vnum::result<vnum::claim_outcome> claim(const vnum::intent_claim&) {
      return vnum::make_error(errc::transport, "disk I/O error");
    }
  } broken;
  identitycall_account a;
  auto r = a.client.purchase_number(sales_line(), once(broken, "signup-42"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(r.error().message ==
        "intent key \"signup-42\": the ledger: claiming it failed; nothing was sent (transport: "
        "disk I/O error)");
  CHECK(a.sent() == 0);
}

TEST_CASE("no secret is kept: the fingerprint masks the Stripe token and BECS details") {
  cellcast_account a;
  cc::purchase_request by_token = monthly();
  by_token.card.clear();
  by_token.token = "tok_visa_secret_123";
  cc::purchase_request by_becs = monthly();
  by_becs.card.clear();
  by_becs.becs = cc::becs_debit{};
  by_becs.becs->email = "pay@example.com";
  by_becs.becs->account_name = "Jane Citizen";
  by_becs.becs->bsb_number = "000000";
  by_becs.becs->account_number = "000123456";
  (void)a.client.purchase_virtual_number(by_token, once(a.ledger, "token"));
  (void)a.client.purchase_virtual_number(by_becs, once(a.ledger, "becs"));
  const auto token = record(a.ledger, "token");
  const auto becs = record(a.ledger, "becs");
  for (const auto* kept : {&token, &becs})
    for (const std::string& secret :
         {std::string("tok_visa_secret_123"), std::string("000123456"), a.fake.api_key()}) {
      CHECK(kept->fingerprint.find(secret) == std::string::npos);
      CHECK(kept->answer_body.find(secret) == std::string::npos);
      CHECK(kept->refusal.message.find(secret) == std::string::npos);
    }
  CHECK(token.fingerprint.find(R"("token":"***")") != std::string::npos);
  CHECK(becs.fingerprint.find(R"("becs_account_number":"***")") != std::string::npos);
  CHECK(becs.fingerprint.find(R"("becs_bsb_number":"***")") != std::string::npos);
  CHECK(becs.fingerprint.find(R"("becs_name":"Jane Citizen")") != std::string::npos);
}

TEST_CASE("a settled key expires after the window; an unknown one is kept until settled") {
  identitycall_account a;
  REQUIRE(a.client.purchase_number(sales_line(), once(a.ledger, "bought")));
  a.fake.fail_next(fault::response_lost());
  REQUIRE_FALSE(a.client.purchase_number(sales_line("+15551234568"), once(a.ledger, "lost")));
  a.now += 24h;
  CHECK(*a.ledger.reap() == 1);
  CHECK(absent(a.ledger, "bought"));
  CHECK(record(a.ledger, "lost").state == intent_state::unknown);
}

TEST_CASE("a person's settlement without an answer makes the key a conflict that says so") {
  cellcast_account a;
  a.fake.fail_next(fault::response_lost());
  REQUIRE_FALSE(a.client.purchase_virtual_number(monthly(), once(a.ledger, "k")));
  vnum::settlement took_effect;
  took_effect.state = intent_state::succeeded;
  took_effect.note = "person: seen in Cellcast's dashboard";
  REQUIRE(a.ledger.resolve("k", took_effect));
  auto r = a.client.purchase_virtual_number(monthly(), once(a.ledger, "k"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::conflict);
  CHECK(r.error().message == "intent key \"k\": took effect (settled at " +
                                 vnum::to_iso8601(a.now) +
                                 ", person: seen in Cellcast's dashboard); no answer was kept to "
                                 "return; nothing was sent");
  CHECK(a.fake.subscriptions().size() == 1);
}

TEST_CASE("a person's settlement that nothing happened frees the key for the same call") {
  cellcast_account a;
  a.fake.fail_next(fault::status(503));  // a creating write's 5xx: outcome_unknown
  REQUIRE(a.client.purchase_virtual_number(monthly(), once(a.ledger, "k")).error().code ==
          errc::outcome_unknown);
  REQUIRE(a.ledger.forget("k"));
  REQUIRE(a.client.purchase_virtual_number(monthly(), once(a.ledger, "k")));
  CHECK(a.fake.subscriptions().size() == 1);
}

TEST_CASE("a plan cancelled before its send gives its claim back") {
  identitycall_account a;
  auto p = ic::plans::purchase_number(a.client.config(), sales_line(), once(a.ledger, "k"));
  REQUIRE(p.start().is_send());
  CHECK(record(a.ledger, "k").state == intent_state::pending);
  CHECK(p.cancel().is_done());
  CHECK(p.take_result().error().code == errc::transport);
  CHECK(absent(a.ledger, "k"));
}

TEST_CASE("every Cellcast creating write takes a key, under its own operation name") {
  cellcast_account a;
  a.fake.enable_postpaid(true);
  (void)a.client.purchase_virtual_number(monthly(), once(a.ledger, "a"));
  (void)a.client.purchase_virtual_number_postpaid({std::string(number_id), false},
                                                  once(a.ledger, "b"));
  (void)a.client.add_custom_number({"Custom Number", "+61400000000"}, once(a.ledger, "c"));
  cc::business_name_request bn;
  bn.business_name = "ACME";
  (void)a.client.add_business_name(bn, once(a.ledger, "d"));
  CHECK(record(a.ledger, "a").operation == "cellcast.purchase_virtual_number");
  CHECK(record(a.ledger, "b").operation == "cellcast.purchase_virtual_number_postpaid");
  CHECK(record(a.ledger, "c").operation == "cellcast.add_custom_number");
  CHECK(record(a.ledger, "c").state == intent_state::succeeded);
  // An invalid business name request (most fields empty) claims nothing.
  CHECK(absent(a.ledger, "d"));
}

TEST_CASE("every IdentityCall creating write takes a key, under its own operation name") {
  identitycall_account a;
  auto bought = a.client.purchase_number(sales_line(), once(a.ledger, "a"));
  REQUIRE(bought);
  auto op = a.client.create_operator({"Alice Carter", "+15555550112", {}, {}}, once(a.ledger, "b"));
  REQUIRE(op);
  REQUIRE(a.client.add_operator(bought->id, ic::add_operator_request::existing(op->id),
                                once(a.ledger, "c")));
  CHECK(record(a.ledger, "a").operation == "identitycall.purchase_number");
  CHECK(record(a.ledger, "b").operation == "identitycall.create_operator");
  CHECK(record(a.ledger, "c").operation == "identitycall.add_operator");
  auto again =
      a.client.create_operator({"Alice Carter", "+15555550112", {}, {}}, once(a.ledger, "b"));
  REQUIRE(again);
  CHECK(*again == *op);
  CHECK(a.sent() == 3);
}
