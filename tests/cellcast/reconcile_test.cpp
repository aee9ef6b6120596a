// Cellcast reconciliation: no documented list shows a purchase, so every unsettled intent is a
// person's to settle, and reconcile says what to check; nothing is sent.
#include <vnum/cellcast/client.hpp>
#include <vnum/cellcast/reconcile.hpp>
#include <vnum/intent.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace vnum::cellcast;
using vnum::errc;
using vnum::intent_state;
using vnum::once;
using vnum::reconcile_verdict;
using vnum::testing::fake_cellcast;
using vnum::testing::fault;
using vnum::testing::memory_ledger;

namespace {

const std::string card = "card_1SQmzoGOdUwLPbU6ll0QwsyH";
const std::string number_id = "66ea98514f0c1a121c76ec17";

struct account {
  memory_ledger ledger;
  fake_cellcast fake;
  client<fake_cellcast&> cc{fake, make_config()};
  account() {
    fake.add_card(card);
    fake.add_number(number_id, "+61400000001", "prod_PFdN753rT3lNFW", "prod_YEARLY1");
  }
  config make_config() const {
    config c;
    c.api_key = fake.api_key();
    return c;
  }
};

purchase_request monthly() {
  return {card, "prod_PFdN753rT3lNFW", number_id, billing_cycle::month};
}

}  // namespace

TEST_CASE("a lost Cellcast purchase needs a person, who settles it; then its key says so") {
  account a;
  a.fake.fail_next(fault::response_lost());
  REQUIRE(a.cc.purchase_virtual_number(monthly(), once(a.ledger, "k")).error().code ==
          errc::outcome_unknown);
  const auto sent = a.fake.journal().size();
  auto report = reconcile(a.cc, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0] == vnum::reconciled{"k", "cellcast.purchase_virtual_number",
                                         reconcile_verdict::needs_person,
                                         "check the account's virtual numbers in Cellcast's "
                                         "dashboard"});
  CHECK(a.fake.journal().size() == sent);
  CHECK((*a.ledger.find("k"))->state == intent_state::unknown);
}

TEST_CASE("a lost custom number needs a person too: the list does not say whether an OTP went") {
  account a;
  a.fake.fail_next(fault::response_lost());
  REQUIRE_FALSE(a.cc.add_custom_number({"Custom Number", "+61400000000"}, once(a.ledger, "c")));
  auto report = reconcile(a.cc, a.ledger);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].verdict == reconcile_verdict::needs_person);
  CHECK((*report)[0].detail ==
        "check list_custom_numbers() and the OTP state in Cellcast's dashboard");
}
