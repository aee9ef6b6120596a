// The Cellcast client through a mocked transport: the exact request goes out, nothing goes out
// when validation fails, and every transport failure comes back as the right error.
#include <vnum/cellcast/client.hpp>
#include <vnum/testing/mock_transport.hpp>

#include "cellcast/examples.hpp"

#include <catch2/catch.hpp>
#include <catch2/trompeloeil.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

using namespace vnum::cellcast;
namespace http = vnum::http;
namespace ex = cellcast_examples;
using trompeloeil::_;
using vnum::errc;
using vnum::testing::mock_transport;

namespace {

config test_config() {
  config c;
  c.api_key = "ck_live_abcdef";
  return c;
}

http::response ok(std::string_view body) { return {200, {}, std::string(body)}; }

purchase_request documented_purchase() {
  return {"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17",
          billing_cycle::month, false};
}

}  // namespace

TEST_CASE("client: purchase sends the built request and returns the parsed receipt") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  auto expected = build_purchase_virtual_number(test_config(), documented_purchase());
  REQUIRE(expected);
  REQUIRE_CALL(transport, send(*expected)).RETURN(ok(ex::purchase_200));
  auto r = cellcast.purchase_virtual_number(documented_purchase());
  REQUIRE(r);
  CHECK(r->message == "Payment is Successful. Dedicated Number has been assigned you.");
}

TEST_CASE("client: the request carries the bearer key, JSON headers and the documented body") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.method == http::method::post &&
            _1.url == "https://api.cellcast.com/api/v1/customNumber/add" &&
            http::find_header(_1, "Authorization") == "Bearer ck_live_abcdef" &&
            http::find_header(_1, "Content-Type") == "application/json" &&
            _1.body == R"({"name":"Custom Number","number":"+61400000000"})")
      .RETURN(ok(ex::custom_number_200_otp_sent));
  auto r = cellcast.add_custom_number({"Custom Number", "0400000000"});
  REQUIRE(r);
  CHECK(r->otp_required);
}

TEST_CASE("client: nothing is sent when validation fails") {
  mock_transport transport;
  FORBID_CALL(transport, send(_));
  auto cfg = test_config();
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_Y"});
  client<mock_transport&> cellcast{transport, cfg};
  auto wrong_cycle = documented_purchase();
  wrong_cycle.recurring_time = billing_cycle::year;
  auto r = cellcast.purchase_virtual_number(wrong_cycle);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "product");
  CHECK(cellcast.unsubscribe_virtual_number("a/b").error().field == "id");
  CHECK(cellcast.add_custom_number({"Custom Number", "+15551234567"}).error().field == "number");
}

TEST_CASE("client: an id that is not a Cellcast ObjectId is refused and nothing is sent") {
  mock_transport transport;
  FORBID_CALL(transport, send(_));
  client<mock_transport&> cellcast{transport, test_config()};
  const std::string message = "must be a Cellcast ObjectId: 24 hexadecimal digits";
  auto order = documented_purchase();
  order.number = "abc";
  auto bought = cellcast.purchase_virtual_number(order);
  REQUIRE_FALSE(bought);
  CHECK(bought.error().code == errc::invalid_argument);
  CHECK(bought.error().field == "number");
  CHECK(bought.error().message == "number: " + message);
  auto postpaid = cellcast.purchase_virtual_number_postpaid({"66ea98514f0c1a121c76ec1", false});
  REQUIRE_FALSE(postpaid);
  CHECK(postpaid.error().code == errc::invalid_argument);
  CHECK(postpaid.error().field == "number");
  CHECK(postpaid.error().message == "number: " + message);
  auto released = cellcast.unsubscribe_virtual_number("n1");
  REQUIRE_FALSE(released);
  CHECK(released.error().code == errc::invalid_argument);
  CHECK(released.error().field == "id");
  CHECK(released.error().message == "id: " + message);
}

TEST_CASE("client: the catalog can be filled after construction") {
  mock_transport transport;
  FORBID_CALL(transport, send(_));
  client<mock_transport&> cellcast{transport, test_config()};
  cellcast.products().add("66ea98514f0c1a121c76ec17", {"prod_M", "prod_Y"});
  CHECK(cellcast.purchase_virtual_number(documented_purchase()).error().field == "product");
}

TEST_CASE("client: a transport error is passed through as it is") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_)).RETURN(vnum::make_error(errc::transport, "connection refused"));
  auto r = cellcast.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(r.error().message == "connection refused");
}

TEST_CASE("client: a lost answer to a purchase is outcome_unknown and is not retried") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .TIMES(1)
      .RETURN(vnum::make_error(errc::outcome_unknown, "timed out after sending"));
  auto r = cellcast.purchase_virtual_number(documented_purchase());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
}

TEST_CASE("client: a transport that throws yields outcome_unknown, not an exception") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_)).THROW(std::runtime_error("socket closed"));
  auto r = cellcast.purchase_virtual_number(documented_purchase());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
  CHECK(r.error().message == "transport threw: socket closed");
}

TEST_CASE("client: the API key never appears in an error, even if the provider echoes it") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .RETURN(http::response{
          401, {}, R"({"code":401,"message":"Bad token ck_live_abcdef","stack":""})"});
  auto r = cellcast.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::unauthorized);
  CHECK(r.error().message == "Bad token [redacted]");
  CHECK(r.error().provider_message == "Bad token [redacted]");
}

TEST_CASE("client: the OTP flow, add then verify") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.url == "https://api.cellcast.com/api/v1/customNumber/add")
      .IN_SEQUENCE(seq)
      .RETURN(ok(ex::custom_number_200_otp_sent));
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.url == "https://api.cellcast.com/api/v1/customNumber/verifyCustomNumber" &&
            _1.body == R"({"name":"Custom Number","number":"+61400000000","otp":"123456"})")
      .IN_SEQUENCE(seq)
      .RETURN(ok(ex::verify_custom_number_200));
  auto added = cellcast.add_custom_number({"Custom Number", "+61 400 000 000"});
  REQUIRE(added);
  REQUIRE(added->otp_required);
  auto verified = cellcast.verify_custom_number({"Custom Number", "+61 400 000 000", "123456"});
  REQUIRE(verified);
  CHECK(verified->message == "OTP Verified Successfully!");
}

TEST_CASE("client: postpaid purchase and business name go to their documented paths") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.url == "https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase-postpaid")
      .RETURN(ok(ex::purchase_200));
  CHECK(cellcast.purchase_virtual_number_postpaid({"66ea98514f0c1a121c76ec17", false}));
}

namespace {
struct canned_transport {
  http::response answer;
  int calls = 0;
  http::response send(const http::request&) {
    ++calls;
    return answer;
  }
};
}  // namespace

TEST_CASE("client: an owning client over a transport that returns plain responses") {
  client<canned_transport> cellcast{canned_transport{ok(ex::unsubscribe_200)}, test_config()};
  auto r = cellcast.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  REQUIRE(r);
  CHECK(r->message == "Virtual number has been unsubscribed successfully.");
  CHECK(cellcast.transport().calls == 1);
}

TEST_CASE("client: list_cards sends a GET without a body and returns the cards") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.method == http::method::get &&
            _1.url == "https://api.cellcast.com/api/v1/user/getCards" && _1.body.empty() &&
            http::find_header(_1, "Authorization") == "Bearer ck_live_abcdef")
      .RETURN(ok(ex::list_cards_200));
  auto r = cellcast.list_cards();
  REQUIRE(r);
  REQUIRE(r->size() == 2);
  CHECK(r->at(1).id == "card_1QXjDzGOd000000000000000");
}

TEST_CASE("client: list_custom_numbers sends a GET and returns the numbers") {
  mock_transport transport;
  client<mock_transport&> cellcast{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.method == http::method::get &&
            _1.url == "https://api.cellcast.com/api/v1/customNumber" && _1.body.empty())
      .RETURN(ok(ex::list_custom_numbers_200));
  auto r = cellcast.list_custom_numbers();
  REQUIRE(r);
  CHECK(*r == std::vector<custom_number>{{"Reception", "61402000002"}, {"St Johns", "StJohnsWPH"}});
}

TEST_CASE("client: reads are retried under config::retry, writes never") {
  mock_transport transport;
  config c = test_config();
  std::vector<std::chrono::milliseconds> waits;
  c.retry.max_attempts = 2;
  c.retry.sleep = [&waits](std::chrono::milliseconds d) { waits.push_back(d); };
  client<mock_transport&> cellcast{transport, c};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(_)).IN_SEQUENCE(seq).RETURN(http::response{503, {}, ""});
  REQUIRE_CALL(transport, send(_)).IN_SEQUENCE(seq).RETURN(ok(ex::list_cards_200));
  CHECK(cellcast.list_cards());
  CHECK(waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(200)});
  REQUIRE_CALL(transport, send(_)).TIMES(1).RETURN(http::response{503, {}, ""});
  CHECK(cellcast.purchase_virtual_number(documented_purchase()).error().code ==
        errc::outcome_unknown);
}

TEST_CASE("client: an invalid retry policy is refused before anything is sent") {
  mock_transport transport;
  config c = test_config();
  c.retry.multiplier = 0.5;
  client<mock_transport&> cellcast{transport, c};
  FORBID_CALL(transport, send(_));
  auto r = cellcast.list_cards();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "retry.multiplier");
}

TEST_CASE("client: a key the provider echoes back is redacted, JSON-escaped or not") {
  mock_transport transport;
  config c = test_config();
  c.api_key = "ck/live+abc";
  client<mock_transport&> cellcast{transport, c};
  REQUIRE_CALL(transport, send(_))
      .RETURN(http::response{
          401, {}, R"({"code":401,"message":"Bad token ck\/live+abc and ck/live+abc"})"});
  auto r = cellcast.list_cards();
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "Bad token [redacted] and [redacted]");
  CHECK(r.error().provider_message == "Bad token [redacted] and [redacted]");
}
