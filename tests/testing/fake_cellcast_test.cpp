// The Cellcast fake: it reproduces every documented response, keeps the account's state, injects
// faults and journals requests.
#include <vnum/cellcast/client.hpp>
#include <vnum/testing/fake_cellcast.hpp>

#include "cellcast/examples.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

using namespace vnum::cellcast;
namespace http = vnum::http;
namespace ex = cellcast_examples;
using vnum::errc;
using vnum::testing::fake_cellcast;
using vnum::testing::fault;

namespace {

constexpr std::string_view number_id = "66ea98514f0c1a121c76ec17";

struct account {
  fake_cellcast fake;
  client<fake_cellcast&> cellcast{fake, make_config(fake)};

  account() {
    fake.add_card("card_1SQmzoGOdUwLPbU6ll0QwsyH");
    fake.add_number(std::string(number_id), "+61400000001", "prod_PFdN753rT3lNFW", "prod_YEARLY1");
  }
  static config make_config(const fake_cellcast& f) {
    config c;
    c.api_key = f.api_key();
    return c;
  }
  // A request exactly as given, bypassing vnum's validators: how the fake meets bad input.
  vnum::result<http::response> raw(http::method m, std::string path, std::string body) {
    return fake.send(
        {m,
         "https://api.cellcast.com" + path,
         {{"authorization", "Bearer " + fake.api_key()}, {"content-type", "application/json"}},
         std::move(body)});
  }
};

purchase_request monthly() {
  return {"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW", std::string(number_id),
          billing_cycle::month};
}

// Compares as JSON values: key order and the "stack" text aside.
void same_json(std::string_view actual, std::string_view documented) {
  auto a = boost::json::parse(actual);
  auto d = boost::json::parse(documented);
  for (auto* v : {&a, &d})
    if (auto* o = v->if_object(); o != nullptr && o->contains("stack")) (*o)["stack"] = "";
  INFO("actual:     " << actual << "\ndocumented: " << documented);
  CHECK(a == d);
}

void answers(const vnum::result<http::response>& r, int status, std::string_view documented) {
  REQUIRE(r);
  CHECK(r->status == status);
  same_json(r->body, documented);
}

const std::string custom_add = "/api/v1/customNumber/add";

}  // namespace

TEST_CASE("fake reproduces purchase 200 Success") {
  account a;
  auto built = build_purchase_virtual_number(a.cellcast.config(), monthly());
  answers(a.fake.send(*built), 200, ex::purchase_200);
}

TEST_CASE("fake reproduces 401 Unauthorized once the key expired") {
  account a;
  a.fake.expire_key();
  answers(a.fake.send(*build_purchase_virtual_number(a.cellcast.config(), monthly())), 401,
          ex::purchase_401);
  answers(a.fake.send(*build_unsubscribe_virtual_number(a.cellcast.config(), number_id)), 401,
          ex::unsubscribe_401);
  answers(a.raw(http::method::post, custom_add, R"({"name":"N","number":"+61400000000"})"), 401,
          ex::custom_number_401);
}

TEST_CASE("fake reproduces unsubscribe 200 Success and 404 Not Found") {
  account a;
  answers(a.fake.send(*build_unsubscribe_virtual_number(a.cellcast.config(), number_id)), 404,
          ex::unsubscribe_404);
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  answers(a.fake.send(*build_unsubscribe_virtual_number(a.cellcast.config(), number_id)), 200,
          ex::unsubscribe_200);
}

TEST_CASE("fake reproduces custom number created, without OTP verification") {
  account a;
  answers(
      a.raw(http::method::post, custom_add, R"({"name":"Custom Number","number":"+61400000000"})"),
      200, ex::custom_number_200_created);
}

TEST_CASE("fake reproduces custom number OTP sent, with OTP verification") {
  account a;
  a.fake.require_otp(true);
  answers(
      a.raw(http::method::post, custom_add, R"({"name":"Custom Number","number":"0400000000"})"),
      200, ex::custom_number_200_otp_sent);
}

TEST_CASE("fake reproduces the custom number 400s") {
  account a;
  answers(a.raw(http::method::post, custom_add, R"({"name":"","number":"+61400000000"})"), 400,
          ex::custom_number_400_name_required);
  answers(a.raw(http::method::post, custom_add, R"({"name":"Custom Number"})"), 400,
          ex::custom_number_400_mobile_required);
  answers(a.raw(http::method::post, custom_add, R"({"name":"Custom Number","number":"12345"})"),
          400, ex::custom_number_400_mobile_invalid);
  REQUIRE(
      a.raw(http::method::post, custom_add, R"({"name":"Custom Number","number":"400000000"})"));
  answers(a.raw(http::method::post, custom_add, R"({"name":"Other","number":"61400000000"})"), 400,
          ex::custom_number_400_already_exists);
}

TEST_CASE("fake reproduces verify custom number 200 Success") {
  account a;
  a.fake.require_otp(true);
  REQUIRE(a.cellcast.add_custom_number({"Custom Number", "+61400000000"}));
  auto otp = a.fake.otp_for("+61400000000");
  REQUIRE(otp);
  answers(a.raw(http::method::post, "/api/v1/customNumber/verifyCustomNumber",
                R"({"name":"Custom Number","number":"+61400000000","otp":")" + *otp + R"("})"),
          200, ex::verify_custom_number_200);
}

TEST_CASE("fake: a purchase subscribes the number, once") {
  account a;
  auto bought = a.cellcast.purchase_virtual_number(monthly());
  REQUIRE(bought);
  auto subs = a.fake.subscriptions();
  REQUIRE(subs.size() == 1);
  CHECK(subs[0].number_id == number_id);
  CHECK(subs[0].number == "+61400000001");
  CHECK(subs[0].product == "prod_PFdN753rT3lNFW");
  CHECK(subs[0].recurring_time == "month");
  CHECK(subs[0].payment == "card");
  auto again = a.cellcast.purchase_virtual_number(monthly());
  REQUIRE_FALSE(again);
  CHECK(again.error().code == errc::invalid_argument);
  CHECK(again.error().message == "Number already purchased (number is not available)");
}

TEST_CASE("fake: the provider refuses a product of the other cycle") {
  account a;
  auto r = monthly();
  r.recurring_time = billing_cycle::year;  // the client's catalog is empty, so this goes out
  auto refused = a.cellcast.purchase_virtual_number(r);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::invalid_argument);
  CHECK(refused.error().http_status == 400);
  CHECK(refused.error().provider_message == "Invalid product for the selected billing cycle");
  CHECK(a.fake.subscriptions().empty());
}

TEST_CASE("fake: unknown card, unknown number, token and BECS payments") {
  account a;
  auto r = monthly();
  r.card = "card_unknown";
  CHECK(a.cellcast.purchase_virtual_number(r).error().provider_message == "Card not found");
  r = monthly();
  r.number = "ffff00000000000000000000";
  auto missing = a.cellcast.purchase_virtual_number(r);
  CHECK(missing.error().code == errc::not_found);
  CHECK(missing.error().message == "Virtual number not found");
  r = monthly();
  r.card.clear();
  r.token = "tok_1ABC123DEF456";
  REQUIRE(a.cellcast.purchase_virtual_number(r));
  CHECK(a.fake.subscriptions().at(0).payment == "token");
  REQUIRE(a.cellcast.unsubscribe_virtual_number(number_id));
  r.token.clear();
  r.becs = becs_debit{"ops@example.com.au", "John Doe", "", "000000", "000123456"};
  REQUIRE(a.cellcast.purchase_virtual_number(r));
  CHECK(a.fake.subscriptions().at(0).payment == "au_becs_debit");
}

TEST_CASE("fake: postpaid purchase only for accounts enabled for it") {
  account a;
  auto refused = a.cellcast.purchase_virtual_number_postpaid({std::string(number_id), false});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().provider_message == "Postpaid billing is not enabled for this account");
  a.fake.enable_postpaid(true);
  REQUIRE(a.cellcast.purchase_virtual_number_postpaid({std::string(number_id), true}));
  CHECK(a.fake.subscriptions().at(0).payment == "postpaid");
  CHECK(a.fake.subscriptions().at(0).resubscribe);
}

TEST_CASE("fake: unsubscribing releases the number for purchase again") {
  account a;
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  REQUIRE(a.cellcast.unsubscribe_virtual_number(number_id));
  CHECK(a.fake.subscriptions().empty());
  CHECK(a.cellcast.unsubscribe_virtual_number(number_id).error().code == errc::not_found);
  CHECK(a.cellcast.purchase_virtual_number(monthly()));
}

TEST_CASE("fake: the OTP flow verifies the custom number; a wrong OTP is refused") {
  account a;
  a.fake.require_otp(true);
  auto added = a.cellcast.add_custom_number({"Support", "0400 000 000"});
  REQUIRE(added);
  CHECK(added->otp_required);
  REQUIRE(a.fake.custom_numbers().size() == 1);
  CHECK_FALSE(a.fake.custom_numbers()[0].verified);
  auto wrong = a.cellcast.verify_custom_number({"Support", "0400 000 000", "000000"});
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().provider_message == "Invalid OTP");
  auto verified =
      a.cellcast.verify_custom_number({"Support", "0400 000 000", *a.fake.otp_for("+61400000000")});
  REQUIRE(verified);
  CHECK(a.fake.custom_numbers()[0].verified);
  CHECK_FALSE(a.fake.otp_for("+61400000000").has_value());
}

TEST_CASE("fake: a number registered twice is a conflict") {
  account a;
  REQUIRE(a.cellcast.add_custom_number({"Support", "0400000000"}));
  auto again = a.cellcast.add_custom_number({"Support", "+61 400 000 000"});
  REQUIRE_FALSE(again);
  CHECK(again.error().code == errc::conflict);
}

TEST_CASE("fake: a business name request is recorded") {
  account a;
  business_name_request r;
  r.business_name = "Pizza Biz";
  r.description_internal = "Marketing";
  r.purpose_of_use = "Promotional SMS";
  r.ownership = true;
  r.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au", "1 Main St"};
  r.requestor = {"John", "Smith", "Manager", "0400000000", "john@pizzaco.com.au"};
  REQUIRE(a.cellcast.add_business_name(r));
  CHECK(a.fake.business_names() == std::vector<std::string>{"Pizza Biz"});
}

TEST_CASE("fake: an unknown key, an unknown route and a body that is not JSON") {
  account a;
  auto r = a.fake.send({http::method::put,
                        "https://api.cellcast.com/api/v1/apiClient/virtual-number/unsubscribe/x",
                        {{"authorization", "Bearer wrong"}},
                        ""});
  REQUIRE(r);
  CHECK(r->status == 401);
  auto route = a.raw(http::method::get, "/api/v1/nothing", "");
  REQUIRE(route);
  CHECK(route->status == 404);
  auto body = a.raw(http::method::post, custom_add, "{not json");
  REQUIRE(body);
  CHECK(body->status == 400);
}

TEST_CASE("fault: a lost request changes nothing, is not journaled, and is a transport error") {
  account a;
  a.fake.fail_next(fault::request_lost());
  auto r = a.cellcast.purchase_virtual_number(monthly());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(a.fake.subscriptions().empty());
  CHECK(a.fake.journal().empty());
  CHECK(a.cellcast.purchase_virtual_number(monthly()));  // the fault fired once
}

TEST_CASE("fault: a lost response leaves the purchase made and is outcome_unknown") {
  account a;
  a.fake.fail_next(fault::response_lost());
  auto r = a.cellcast.purchase_virtual_number(monthly());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
  CHECK(a.fake.subscriptions().size() == 1);  // the double-purchase trap
  CHECK(a.fake.journal().size() == 1);
}

TEST_CASE("fault: injected statuses answer with the provider's bodies and change nothing") {
  account a;
  a.fake.fail_next(fault::status(401));
  auto expired = a.cellcast.purchase_virtual_number(monthly());
  CHECK(expired.error().code == errc::unauthorized);
  CHECK(expired.error().message == "Token expired");
  a.fake.fail_next(fault::status(429).retry_after(std::chrono::seconds(7)));
  auto limited = a.cellcast.purchase_virtual_number(monthly());
  CHECK(limited.error().code == errc::rate_limited);
  CHECK(limited.error().retry_after == std::chrono::seconds(7));
  // A purchase answered 5xx may have been charged (error.hpp's outcome rule); the fake changed
  // nothing, as the listing shows.
  a.fake.fail_next(fault::status(500));
  CHECK(a.cellcast.purchase_virtual_number(monthly()).error().code == errc::outcome_unknown);
  a.fake.fail_next(fault::status(503));
  CHECK(a.cellcast.purchase_virtual_number(monthly()).error().code == errc::outcome_unknown);
  CHECK(a.fake.subscriptions().empty());
  CHECK(a.fake.journal().size() == 4);
}

TEST_CASE("fault: restricted to a route, it waits for that route") {
  account a;
  a.fake.fail_next(fault::status(500), fake_cellcast::route::unsubscribe_virtual_number);
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  CHECK(a.cellcast.unsubscribe_virtual_number(number_id).error().code == errc::server_error);
  CHECK(a.cellcast.unsubscribe_virtual_number(number_id));
}

TEST_CASE("journal: every request received, in order, as sent") {
  account a;
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  REQUIRE(a.cellcast.unsubscribe_virtual_number(number_id));
  auto journal = a.fake.journal();
  REQUIRE(journal.size() == 2);
  CHECK(journal[0] == *build_purchase_virtual_number(a.cellcast.config(), monthly()));
  CHECK(journal[1].method == http::method::put);
  CHECK(journal[1].url ==
        "https://api.cellcast.com/api/v1/apiClient/virtual-number/unsubscribe/"
        "66ea98514f0c1a121c76ec17");
}

TEST_CASE("list cards: every card added, as Stripe card objects whose id a purchase takes") {
  account a;
  fake_cellcast::card_details amex;
  amex.brand = "American Express";
  amex.last4 = "0005";
  amex.exp_month = 3;
  amex.exp_year = 2031;
  amex.country = std::nullopt;
  amex.name = "Jane Citizen";
  a.fake.add_card("card_2AMEX", amex);
  auto cards = a.cellcast.list_cards();
  REQUIRE(cards);
  CHECK(*cards == std::vector<card>{{"card_1SQmzoGOdUwLPbU6ll0QwsyH", "Visa", "4242", 12, 2030,
                                     "credit", "AU", std::nullopt},
                                    {"card_2AMEX", "American Express", "0005", 3, 2031, "credit",
                                     std::nullopt, "Jane Citizen"}});
  purchase_request order{cards->front().id, "prod_PFdN753rT3lNFW", std::string(number_id),
                         billing_cycle::month, false};
  CHECK(a.cellcast.purchase_virtual_number(order));
}

TEST_CASE("list custom numbers: those created without OTP and those verified, as digits") {
  account a;
  REQUIRE(a.cellcast.add_custom_number({"Reception", "0400 111 222"}));
  a.fake.require_otp(true);
  REQUIRE(a.cellcast.add_custom_number({"Sales", "+61400333444"}));
  auto before = a.cellcast.list_custom_numbers();
  REQUIRE(before);
  CHECK(*before == std::vector<custom_number>{{"Reception", "61400111222"}});
  auto otp = a.fake.otp_for("+61400333444");
  REQUIRE(otp);
  REQUIRE(a.cellcast.verify_custom_number({"Sales", "+61400333444", *otp}));
  auto after = a.cellcast.list_custom_numbers();
  REQUIRE(after);
  CHECK(*after ==
        std::vector<custom_number>{{"Reception", "61400111222"}, {"Sales", "61400333444"}});
}

TEST_CASE("list cards and custom numbers: an expired key is unauthorized") {
  account a;
  a.fake.expire_key();
  CHECK(a.cellcast.list_cards().error().code == errc::unauthorized);
  CHECK(a.cellcast.list_custom_numbers().error().code == errc::unauthorized);
}

TEST_CASE("the buyer's path: list cards, purchase, reconcile after a lost answer") {
  account a;
  auto cards = a.cellcast.list_cards();
  REQUIRE(cards);
  REQUIRE(cards->size() == 1);
  purchase_request order{cards->front().id, "prod_PFdN753rT3lNFW", std::string(number_id),
                         billing_cycle::month, false};
  a.fake.fail_next(fault::response_lost());
  auto bought = a.cellcast.purchase_virtual_number(order);
  REQUIRE_FALSE(bought);
  REQUIRE(bought.error().code == errc::outcome_unknown);
  // The caller reconciles instead of buying again: the number is subscribed already.
  CHECK(a.fake.subscriptions().size() == 1);
  auto again = a.cellcast.purchase_virtual_number(order);
  CHECK(again.error().code == errc::invalid_argument);  // "Number already purchased"
  CHECK(a.fake.subscriptions().size() == 1);
}

TEST_CASE("a fake account can have its own API key") {
  fake_cellcast fake{"ck_custom_key"};
  config c;
  c.api_key = "ck_custom_key";
  client<fake_cellcast&> cellcast{fake, c};
  CHECK(fake.api_key() == "ck_custom_key");
  CHECK(cellcast.list_cards());
  c.api_key = "cellcast-fake-key";
  client<fake_cellcast&> other{fake, c};
  CHECK(other.list_cards().error().code == errc::unauthorized);
  CHECK(vnum::testing::to_string(fake_cellcast::route::list_custom_numbers) ==
        "list_custom_numbers");
}
