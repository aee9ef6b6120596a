// How we tell users to test their own code: against vnum's fake provider, with each fault the
// real service can produce, asserting what their code does and what the provider was left with.
#define CATCH_CONFIG_MAIN
#define VNUM_IMPLEMENTATION
#include "provisioning.hpp"

#include <vnum/testing/fake_cellcast.hpp>

#include <catch2/catch.hpp>

using provisioning::status;
using vnum::testing::fake_cellcast;
using vnum::testing::fault;

namespace {

const provisioning::order order{"66ea98514f0c1a121c76ec17", "prod_M", "card_1", "Acme Support",
                                "0412 345 678"};

struct world {
  fake_cellcast cellcast;
  provisioning::provisioner<fake_cellcast&> service{cellcast, config()};

  world() {
    cellcast.add_card("card_1");
    cellcast.add_number(order.number_id, "+61400111222", "prod_M", "prod_Y");
  }
  vnum::cellcast::config config() const {
    vnum::cellcast::config c;
    c.api_key = cellcast.api_key();
    return c;
  }
};

}  // namespace

TEST_CASE("provisioning buys the number and registers the sender ID") {
  world w;
  auto r = w.service.provision(order);
  CHECK(r.status == status::ready);
  CHECK(w.cellcast.subscriptions().size() == 1);
  REQUIRE(w.cellcast.custom_numbers().size() == 1);
  CHECK(w.cellcast.custom_numbers()[0].number == "+61412345678");
  CHECK(w.cellcast.custom_numbers()[0].verified);
}

TEST_CASE("provisioning waits for the OTP when the account requires one") {
  world w;
  w.cellcast.require_otp(true);
  CHECK(w.service.provision(order).status == status::awaiting_otp);
  CHECK(w.service.confirm(order, "000000").status == status::awaiting_otp);
  CHECK(w.service.confirm(order, *w.cellcast.otp_for("+61412345678")).status == status::ready);
  CHECK(w.cellcast.custom_numbers()[0].verified);
}

TEST_CASE("a purchase that never reached the provider bought nothing") {
  world w;
  w.cellcast.fail_next(fault::request_lost());
  auto r = w.service.provision(order);
  CHECK(r.status == status::not_bought);
  CHECK(w.cellcast.subscriptions().empty());
  CHECK(w.cellcast.custom_numbers().empty());
}

TEST_CASE("a purchase whose answer was lost needs reconciliation, and is not repeated") {
  world w;
  w.cellcast.fail_next(fault::response_lost());
  auto r = w.service.provision(order);
  CHECK(r.status == status::needs_reconciliation);
  CHECK(w.cellcast.subscriptions().size() == 1);  // it was bought: a retry would buy it twice
  CHECK(w.cellcast.journal().size() == 1);
}

TEST_CASE("an expired key buys nothing") {
  world w;
  w.cellcast.fail_next(fault::status(401));
  auto r = w.service.provision(order);
  CHECK(r.status == status::not_bought);
  CHECK(r.detail == "unauthorized (HTTP 401): Token expired");
}

TEST_CASE("rate limiting asks to retry after the provider's delay") {
  world w;
  w.cellcast.fail_next(fault::status(429));
  auto r = w.service.provision(order);
  CHECK(r.status == status::retry_later);
  CHECK(r.retry_after == std::chrono::seconds(30));
  CHECK(w.cellcast.subscriptions().empty());
}

TEST_CASE("a server error on the purchase is treated as possibly charged") {
  world w;
  w.cellcast.fail_next(fault::status(500), fake_cellcast::route::purchase_virtual_number);
  CHECK(w.service.provision(order).status == status::needs_reconciliation);
}

TEST_CASE("a failed registration releases the number") {
  world w;
  w.cellcast.fail_next(fault::status(503), fake_cellcast::route::add_custom_number);
  auto r = w.service.provision(order);
  CHECK(r.status == status::released);
  CHECK(r.detail ==
        "outcome_unknown (HTTP 503): adding the custom number may have taken effect (Service "
        "unavailable): check list_custom_numbers() before adding it again");
  CHECK(w.cellcast.subscriptions().empty());
}

TEST_CASE("a registration whose answer was lost is found on the account, and the number kept") {
  world w;
  w.cellcast.fail_next(fault::response_lost(), fake_cellcast::route::add_custom_number);
  auto r = w.service.provision(order);
  CHECK(r.status == status::ready);
  CHECK(r.detail == "registered (found on the account after an unknown outcome)");
  CHECK(w.cellcast.subscriptions().size() == 1);
  CHECK(w.cellcast.custom_numbers().size() == 1);
}

TEST_CASE("a sender ID that already exists releases the number") {
  world w;
  REQUIRE(vnum::cellcast::client<fake_cellcast&>(w.cellcast, w.config())
              .add_custom_number({"Old", "+61412345678"}));
  auto r = w.service.provision(order);
  CHECK(r.status == status::released);
  CHECK(r.detail == "conflict (HTTP 400): Number already exist in system");
}

TEST_CASE("when the release is lost too, the leak is reported for reconciliation") {
  world w;
  w.cellcast.fail_next(fault::status(500), fake_cellcast::route::add_custom_number);
  w.cellcast.fail_next(fault::request_lost(), fake_cellcast::route::unsubscribe_virtual_number);
  auto r = w.service.provision(order);
  CHECK(r.status == status::needs_reconciliation);
  CHECK(w.cellcast.subscriptions().size() == 1);
}
