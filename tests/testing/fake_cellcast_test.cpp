// The Cellcast fake: it reproduces every documented response, keeps the account's state, injects
// faults and journals requests.
#include <vnum/cellcast/client.hpp>
#include <vnum/testing/fake_cellcast.hpp>

#include "cellcast/examples.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
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
                        "https://api.cellcast.com/api/v1/apiClient/virtual-number/unsubscribe/" +
                            std::string(number_id),
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

namespace {
// How the fake answers an id that is not a Cellcast ObjectId: the envelope and a Mongoose
// CastError, as the live service did (the fake's 500 and the CastError's path and model are
// modelled, see fake_cellcast::cast_error).
std::string cast_error_body(const std::string& id) {
  return R"({"app_type":"web","app_version":"1.0","maintainence":0,"new_version":0,)"
         R"("force_update":0,"invalid_token":0,"refresh_token":"","show_message":0,)"
         R"("is_enc":false,"status":false,"message":"internal server error",)"
         R"("message_type":"toast","data":{},"error":{"stringValue":"\")" +
         id + R"(\"","valueType":"string","kind":"ObjectId","value":")" + id +
         R"(","path":"_id","reason":{},"name":"CastError",)"
         R"("message":"Cast to ObjectId failed for value \")" +
         id + R"(\" (type string) at path \"_id\" for model \"VirtualNumber\""}})";
}
}  // namespace

TEST_CASE("fake: a purchase whose number is not an ObjectId is a 500 CastError, nothing bought") {
  account a;
  answers(a.raw(http::method::post, "/api/v1/apiClient/virtual-number/purchase",
                R"({"card":"card_1SQmzoGOdUwLPbU6ll0QwsyH","product":"prod_PFdN753rT3lNFW",)"
                R"("number":"abc","recurring_time":"month"})"),
          500, cast_error_body("abc"));
  CHECK(a.fake.subscriptions().empty());
}

TEST_CASE("fake: a postpaid purchase whose number is not an ObjectId is a 500 CastError") {
  account a;
  a.fake.enable_postpaid(true);
  answers(a.raw(http::method::post, "/api/v1/apiClient/virtual-number/purchase-postpaid",
                R"({"number":"66ea98514f0c1a121c76ec1","resubscribe":false})"),
          500, cast_error_body("66ea98514f0c1a121c76ec1"));
  CHECK(a.fake.subscriptions().empty());
}

TEST_CASE("fake: an unsubscribe whose id is not an ObjectId is a 500 CastError, nothing released") {
  account a;
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  answers(a.raw(http::method::put, "/api/v1/apiClient/virtual-number/unsubscribe/n1", ""), 500,
          cast_error_body("n1"));
  REQUIRE(a.fake.subscriptions().size() == 1);
  CHECK(a.fake.subscriptions()[0].number_id == number_id);
}

TEST_CASE("fake: an id whose bytes are not UTF-8 comes back as U+FFFD, still valid JSON") {
  account a;
  // Found by fuzz_fakes: the CastError echoes the id, and a stray byte made the answer not JSON.
  answers(a.raw(http::method::put, "/api/v1/apiClient/virtual-number/unsubscribe/66eodu\xE3t", ""),
          500, cast_error_body("66eodu\xEF\xBF\xBDt"));
}

TEST_CASE("fake: an ObjectId in upper case is an id like any other") {
  account a;
  answers(a.raw(http::method::put,
                "/api/v1/apiClient/virtual-number/unsubscribe/66EA98514F0C1A121C76EC17", ""),
          404, ex::unsubscribe_404);
}

TEST_CASE("fake: the CastError answer reads as a server error, for a purchase outcome_unknown") {
  account a;
  auto answer = a.raw(http::method::post, "/api/v1/apiClient/virtual-number/purchase",
                      R"({"card":"card_1SQmzoGOdUwLPbU6ll0QwsyH","product":"prod_PFdN753rT3lNFW",)"
                      R"("number":"abc","recurring_time":"month"})");
  REQUIRE(answer);
  auto bought = parse_purchase_virtual_number(*answer);
  REQUIRE_FALSE(bought);
  CHECK(bought.error().code == errc::outcome_unknown);
  CHECK(bought.error().http_status == 500);
  CHECK(bought.error().provider_message == "internal server error");
  auto released = parse_unsubscribe_virtual_number(*answer);
  REQUIRE_FALSE(released);
  CHECK(released.error().code == errc::server_error);
  CHECK(released.error().message == "internal server error");
}

TEST_CASE("fake: a business name is counted in characters: 11 taken, 12 refused, as vnum does") {
  account a;
  business_name_request r;
  r.business_name = "ÉÉÉÉÉÉÉÉÉÉÉ";  // 11 characters, 22 bytes
  r.description_internal = "Marketing";
  r.purpose_of_use = "Promotional SMS";
  r.ownership = true;
  r.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au", "1 Main St"};
  r.requestor = {"John", "Smith", "Manager", "0400000000", "john@pizzaco.com.au"};
  REQUIRE(validate(r));
  REQUIRE(a.cellcast.add_business_name(r));  // the validator's and the fake's answer
  CHECK(a.fake.business_names() == std::vector<std::string>{"ÉÉÉÉÉÉÉÉÉÉÉ"});

  r.business_name = "ÉÉÉÉÉÉÉÉÉÉÉÉ";  // 12 characters
  auto refused = validate(r);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().field == "business_name");
  CHECK(refused.error().message == "business_name: must be between 3 and 11 characters");
  auto raw = a.raw(http::method::post, "/api/v1/business/add",
                   R"({"businessname":"ÉÉÉÉÉÉÉÉÉÉÉÉ","descriptionInternal":"Marketing",)"
                   R"("purposeOfUse":"Promotional SMS","ownership":true,)"
                   R"("companyInformation":{},"requestorContact":{}})");
  REQUIRE(raw);
  CHECK(raw->status == 400);
  auto parsed = parse_add_business_name(*raw);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().code == errc::invalid_argument);
  CHECK(parsed.error().message ==
        "Business name must be between 3 and 11 characters (businessname is not valid)");
  CHECK(a.fake.business_names() == std::vector<std::string>{"ÉÉÉÉÉÉÉÉÉÉÉ"});
}

TEST_CASE("fake: a bad key on the list of custom numbers answers the live shape, without stack") {
  account a;
  const vnum::http::request list{http::method::get,
                                 "https://api.cellcast.com/api/v1/customNumber",
                                 {{"authorization", "Bearer wrong"}},
                                 ""};
  auto r = a.fake.send(list);
  REQUIRE(r);
  CHECK(r->status == 401);
  CHECK(boost::json::parse(r->body) == boost::json::parse(ex::list_custom_numbers_401));
  auto parsed = parse_list_custom_numbers(*r);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().code == errc::unauthorized);
  CHECK(parsed.error().http_status == 401);
  CHECK(parsed.error().message == "Unauthorized");
}

TEST_CASE("fake: a bad key on the other routes still answers Invalid token with a stack") {
  account a;
  auto r = a.fake.send({http::method::get,
                        "https://api.cellcast.com/api/v1/user/getCards",
                        {{"authorization", "Bearer wrong"}},
                        ""});
  REQUIRE(r);
  CHECK(r->status == 401);
  CHECK(boost::json::parse(r->body) ==
        boost::json::parse(
            R"({"code":401,"message":"Invalid token","stack":"APIError: Invalid token ...."})"));
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

TEST_CASE("journal: each entry says its route, its status and what the fake did") {
  account a;
  using vnum::testing::journal_outcome;
  REQUIRE(a.cellcast.list_cards());
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  CHECK(a.cellcast.purchase_virtual_number(monthly()).error().code == errc::invalid_argument);
  a.fake.fail_next(fault::request_lost());
  CHECK_FALSE(a.cellcast.unsubscribe_virtual_number(number_id));
  a.fake.fail_next(fault::status(503));
  CHECK_FALSE(a.cellcast.unsubscribe_virtual_number(number_id));
  a.fake.fail_next(fault::response_lost());
  CHECK_FALSE(a.cellcast.unsubscribe_virtual_number(number_id));
  CHECK(a.raw(http::method::get, "/api/v1/nowhere", "")->status == 404);

  const auto entries = a.fake.journal_entries();
  REQUIRE(entries.size() == 7);
  using route = fake_cellcast::route;
  const std::vector<std::tuple<std::uint64_t, std::optional<route>, int, journal_outcome>> seen{
      {entries[0].sequence, entries[0].route, entries[0].status, entries[0].outcome},
      {entries[1].sequence, entries[1].route, entries[1].status, entries[1].outcome},
      {entries[2].sequence, entries[2].route, entries[2].status, entries[2].outcome},
      {entries[3].sequence, entries[3].route, entries[3].status, entries[3].outcome},
      {entries[4].sequence, entries[4].route, entries[4].status, entries[4].outcome},
      {entries[5].sequence, entries[5].route, entries[5].status, entries[5].outcome},
      {entries[6].sequence, entries[6].route, entries[6].status, entries[6].outcome}};
  const std::vector<std::tuple<std::uint64_t, std::optional<route>, int, journal_outcome>> want{
      {1, route::list_cards, 200, journal_outcome::answered},
      {2, route::purchase_virtual_number, 200, journal_outcome::applied},
      {3, route::purchase_virtual_number, 400, journal_outcome::refused},
      {4, route::unsubscribe_virtual_number, 0, journal_outcome::request_lost},
      {5, route::unsubscribe_virtual_number, 503, journal_outcome::injected_status},
      {6, route::unsubscribe_virtual_number, 200, journal_outcome::response_lost},
      {7, std::nullopt, 404, journal_outcome::answered}};
  CHECK(seen == want);
  CHECK(entries[1].request == *build_purchase_virtual_number(a.cellcast.config(), monthly()));
  CHECK(a.fake.journal().size() == 6);    // the lost request never arrived
  CHECK(a.fake.subscriptions().empty());  // the lost answer's unsubscription was applied
}

TEST_CASE("journal: entries after a sequence are only the newer ones") {
  account a;
  for (int i = 0; i < 4; ++i) REQUIRE(a.cellcast.list_cards());
  const auto newer = a.fake.journal_entries(2);
  REQUIRE(newer.size() == 2);
  CHECK(newer[0].sequence == 3);
  CHECK(newer[1].sequence == 4);
  CHECK(a.fake.journal_entries(4).empty());
}

TEST_CASE("journal: it keeps the last 10 000 requests by default and counts those it let go") {
  fake_cellcast fake;
  CHECK(fake.journal_limit() == vnum::testing::default_journal_limit);
  CHECK(vnum::testing::default_journal_limit == 10'000);
  const http::request r{http::method::get, "https://api.cellcast.com/api/v1/user/getCards", {}, {}};
  for (int i = 0; i < 10'005; ++i) REQUIRE(fake.send(r));
  CHECK(fake.journal().size() == 10'000);
  CHECK(fake.journal_dropped() == 5);
  CHECK(fake.journal_received() == 10'005);
  CHECK(fake.journal_entries().front().sequence == 6);
}

TEST_CASE("journal: a lower limit drops the oldest at once; zero keeps nothing") {
  account a;
  for (const char* path : {"/api/v1/a", "/api/v1/b", "/api/v1/c", "/api/v1/d"})
    REQUIRE(a.raw(http::method::get, path, ""));
  a.fake.set_journal_limit(2);
  auto kept = a.fake.journal();
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].url == "https://api.cellcast.com/api/v1/c");
  CHECK(kept[1].url == "https://api.cellcast.com/api/v1/d");
  CHECK(a.fake.journal_dropped() == 2);
  a.fake.set_journal_limit(0);
  REQUIRE(a.raw(http::method::get, "/api/v1/e", ""));
  CHECK(a.fake.journal().empty());
  CHECK(a.fake.journal_dropped() == 5);
  CHECK(a.fake.journal_received() == 5);
}

TEST_CASE("armed faults: listed in the order they will be considered, gone once fired") {
  account a;
  a.fake.fail_next(fault::status(429).retry_after(std::chrono::seconds(7)),
                   fake_cellcast::route::list_cards);
  a.fake.fail_next(fault::response_lost());
  auto armed = a.fake.armed_faults();
  REQUIRE(armed.size() == 2);
  CHECK(armed[0].what.type() == fault::kind::status);
  CHECK(armed[0].what.http_status() == 429);
  CHECK(armed[0].what.retry_after() == std::chrono::seconds(7));
  CHECK(armed[0].only == fake_cellcast::route::list_cards);
  CHECK(armed[1].what.type() == fault::kind::response_lost);
  CHECK(armed[1].only == std::nullopt);
  CHECK(a.cellcast.list_cards().error().code == errc::rate_limited);
  armed = a.fake.armed_faults();
  REQUIRE(armed.size() == 1);
  CHECK(armed[0].what.type() == fault::kind::response_lost);
}

TEST_CASE("state: the inventory, the cards, the pending OTPs and the settings, as held") {
  account a;
  a.fake.require_otp(true);
  REQUIRE(a.cellcast.add_custom_number({"Office", "0412345678"}));
  REQUIRE(a.cellcast.purchase_virtual_number(monthly()));
  const auto inventory = a.fake.inventory();
  REQUIRE(inventory.size() == 1);
  CHECK(inventory[0].id == number_id);
  CHECK(inventory[0].number == "+61400000001");
  CHECK(inventory[0].monthly_product == "prod_PFdN753rT3lNFW");
  CHECK(inventory[0].yearly_product == "prod_YEARLY1");
  const auto cards = a.fake.cards();
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].id == "card_1SQmzoGOdUwLPbU6ll0QwsyH");
  CHECK(cards[0].details.last4 == "4242");
  const auto pending = a.fake.pending_otps();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].number == "+61412345678");
  CHECK(pending[0].otp == a.fake.otp_for("+61412345678"));
  CHECK(a.fake.otp_required());
  CHECK_FALSE(a.fake.postpaid_enabled());
  CHECK_FALSE(a.fake.key_expired());
  a.fake.expire_key();
  CHECK(a.fake.key_expired());
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

TEST_CASE("list cards: a card added or changed after a listing shows in the next one") {
  account a;
  REQUIRE(a.cellcast.list_cards()->size() == 1);
  fake_cellcast::card_details changed;
  changed.last4 = "1881";
  a.fake.add_card("card_1SQmzoGOdUwLPbU6ll0QwsyH", changed);
  a.fake.add_card("card_3NEW");
  auto cards = a.cellcast.list_cards();
  REQUIRE(cards);
  REQUIRE(cards->size() == 2);
  CHECK((*cards)[0].last4 == "1881");
  CHECK((*cards)[1].id == "card_3NEW");
}

TEST_CASE("journal: a request sent as an rvalue is kept as sent") {
  account a;
  auto request = *build_list_cards(a.cellcast.config());
  const auto sent = request;
  REQUIRE(a.fake.send(std::move(request)));
  REQUIRE(a.fake.journal().size() == 1);
  CHECK(a.fake.journal()[0] == sent);
  CHECK(a.fake.journal_entries()[0].outcome == vnum::testing::journal_outcome::answered);
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
