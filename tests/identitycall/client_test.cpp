// The IdentityCall client through a mocked transport: the exact request goes out, nothing goes out
// when validation fails, and every transport failure comes back as the right error.
#include <vnum/detail/json.hpp>  // Boost.JSON, to read the bodies
#include <vnum/identitycall/client.hpp>
#include <vnum/testing/mock_transport.hpp>
#include <vnum/version.hpp>

#include "identitycall/examples.hpp"
#include "identitycall/pages.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <catch2/trompeloeil.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

using namespace vnum::identitycall;
namespace http = vnum::http;
namespace ex = identitycall_examples;
using trompeloeil::_;
using vnum::errc;
using vnum::testing::mock_transport;

using support::answer;

namespace {

const std::string key = "idc_live0123456789abcdefghijklmnopqrst";
const std::string api = "https://api.identitycall.ai/api/v1/public";
const std::string user_agent = "vnum/" VNUM_VERSION_STRING;

config test_config() {
  config c;
  c.api_key = key;
  return c;
}

http::request json_request(http::method m, std::string url, std::string body) {
  return {m,
          std::move(url),
          {{"authorization", "Bearer " + key},
           {"content-type", "application/json"},
           {"accept", "application/json"},
           {"user-agent", user_agent}},
          std::move(body)};
}

http::request bodyless_request(http::method m, std::string url) {
  return {m,
          std::move(url),
          {{"authorization", "Bearer " + key},
           {"accept", "application/json"},
           {"user-agent", user_agent}},
          ""};
}

purchase_request documented_purchase() {
  purchase_request r;
  r.phone_number = "+15551234567";
  r.country_code = "US";
  r.type = number_type::local;
  r.name = "US Sales Line";
  return r;
}

}  // namespace

TEST_CASE("client: purchase_number sends the documented request and returns the new number") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(json_request(http::method::post, api + "/virtual_numbers/purchase",
                                            R"({"phone_number":"+15551234567","country_code":"US",)"
                                            R"("number_type":"local","name":"US Sales Line"})")))
      .RETURN(answer(201, ex::purchase_201));
  auto r = identitycall.purchase_number(documented_purchase());
  REQUIRE(r);
  CHECK(r->id == 9);
  CHECK(r->phone_number == "+15551234567");
  CHECK(r->name == "US Sales Line");
  CHECK(r->operators.empty());
}

TEST_CASE("client: list_virtual_numbers sends a bare GET and returns every number") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/virtual_numbers")))
      .RETURN(answer(200, ex::list_200));
  auto r = identitycall.list_virtual_numbers();
  REQUIRE(r);
  REQUIRE(r->size() == 2);
  CHECK((*r)[1].country_code == "LT");
}

TEST_CASE("client: get_virtual_number addresses the number by id") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/virtual_numbers/7")))
      .RETURN(answer(200, ex::get_200));
  auto r = identitycall.get_virtual_number(7);
  REQUIRE(r);
  CHECK(r->stats.total_calls == 142);
  CHECK(r->recent_calls.size() == 1);
}

TEST_CASE("client: update_virtual_number PATCHes only the fields that are set") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(json_request(http::method::patch, api + "/virtual_numbers/7",
                                            R"({"name":"US Sales Line - Primary",)"
                                            R"("routing_strategy":"round_robin"})")))
      .RETURN(answer(200, ex::update_200));
  update_request change;
  change.name = "US Sales Line - Primary";
  change.routing = routing_strategy::round_robin;
  auto r = identitycall.update_virtual_number(7, change);
  REQUIRE(r);
  CHECK(r->value().routing == routing_strategy::round_robin);
}

TEST_CASE("client: search_available_numbers sends its parameters in the query string") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport,
               send(bodyless_request(http::method::get, api + "/virtual_numbers/available"
                                                              "?country=US&number_type=local")))
      .RETURN(answer(200, ex::available_200));
  auto r = identitycall.search_available_numbers({"us", number_type::local});
  REQUIRE(r);
  CHECK(r->size() == 2);
}

TEST_CASE("client: a number found by search can be purchased as listed") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.url == api + "/virtual_numbers/available")
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, ex::available_200));
  REQUIRE_CALL(transport, send(json_request(http::method::post, api + "/virtual_numbers/purchase",
                                            R"({"phone_number":"+15551234567","country_code":"US",)"
                                            R"("number_type":"local","upfront_cost":"1.00",)"
                                            R"("monthly_cost":"1.00"})")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(201, ex::purchase_201));
  auto found = identitycall.search_available_numbers();
  REQUIRE(found);
  const available_number& pick = found->at(0);
  purchase_request buy;
  buy.phone_number = pick.phone_number;
  buy.country_code = pick.country_code;
  buy.type = pick.type;
  buy.upfront_cost = pick.upfront_cost;
  buy.monthly_cost = pick.monthly_cost;
  CHECK(identitycall.purchase_number(buy));
}

TEST_CASE("client: add_operator attaches an existing operator or creates one") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport,
               send(json_request(http::method::post, api + "/virtual_numbers/7/add_operator",
                                 R"({"operator_id":22})")))
      .RETURN(answer(200, ex::get_200));
  REQUIRE_CALL(transport,
               send(json_request(http::method::post, api + "/virtual_numbers/7/add_operator",
                                 R"({"phone_number":"+15555550199","name":"Greta Hall"})")))
      .RETURN(answer(201, ex::get_200));
  CHECK(identitycall.add_operator(7, add_operator_request::existing(22)));
  CHECK(identitycall.add_operator(7, add_operator_request::create("+15555550199", "Greta Hall")));
}

TEST_CASE("client: remove_operator sends a DELETE with operator_id in the query string") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport,
               send(bodyless_request(http::method::delete_,
                                     api + "/virtual_numbers/7/remove_operator?operator_id=22")))
      .RETURN(answer(200, ex::remove_operator_200));
  auto r = identitycall.remove_operator(7, 22);
  REQUIRE(r);
  CHECK(r->value().operators.size() == 1);
  CHECK(r->value().available_operators.at(0).id == 22);
}

TEST_CASE("client: list_operators sends a bare GET and returns every operator") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/operators")))
      .RETURN(answer(200, ex::list_operators_200));
  auto r = identitycall.list_operators();
  REQUIRE(r);
  REQUIRE(r->size() == 3);
  CHECK((*r)[0] == operator_summary{12, "Aldona Petrauskaitė", "+37060012345", "aldona@example.com",
                                    true, "AP", 2});
  CHECK((*r)[2].name == "Marcus Chen");
  CHECK_FALSE((*r)[2].email.has_value());
}

TEST_CASE("client: get_operator addresses the operator by id") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/operators/42")))
      .RETURN(answer(200, ex::get_operator_200));
  auto r = identitycall.get_operator(42);
  REQUIRE(r);
  CHECK(r->id == 42);
  CHECK(r->virtual_numbers ==
        std::vector<operator_number>{{101, "+15558675309", "Sales line", true},
                                     {117, "+37060099001", "Vilnius support", true}});
}

TEST_CASE("client: create_operator POSTs the documented body and returns the new operator") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(json_request(http::method::post, api + "/operators",
                                            R"({"name":"Jane Doe","phone_number":"+15551234567",)"
                                            R"("email":"jane.doe@example.com","active":true})")))
      .RETURN(answer(201, ex::create_operator_201));
  auto r = identitycall.create_operator({"Jane Doe", "+15551234567", "jane.doe@example.com", true});
  REQUIRE(r);
  CHECK(*r ==
        operator_detail{42, "Jane Doe", "+15551234567", "jane.doe@example.com", true, "JD", {}});
}

TEST_CASE("client: update_operator PATCHes only the fields that are set") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(json_request(http::method::patch, api + "/operators/42",
                                            R"({"email":"jane.doe+work@example.com",)"
                                            R"("active":false})")))
      .RETURN(answer(200, ex::update_operator_200));
  update_operator_request change;
  change.email = "jane.doe+work@example.com";
  change.active = false;
  auto r = identitycall.update_operator(42, change);
  REQUIRE(r);
  CHECK(r->value().email == "jane.doe+work@example.com");
  CHECK_FALSE(r->value().active);
  CHECK(r->value().virtual_numbers.size() == 1);
}

TEST_CASE("client: update_operator with clear_email sends email null") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  auto cleared = boost::json::parse(ex::update_operator_200);
  cleared.as_object()["data"].as_object()["email"] = nullptr;
  REQUIRE_CALL(transport,
               send(json_request(http::method::patch, api + "/operators/42", R"({"email":null})")))
      .RETURN(answer(200, boost::json::serialize(cleared)));
  update_operator_request change;
  change.clear_email = true;
  auto r = identitycall.update_operator(42, change);
  REQUIRE(r);
  CHECK_FALSE(r->value().email.has_value());
}

TEST_CASE("client: delete_operator sends a DELETE without a body and returns success") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(bodyless_request(http::method::delete_, api + "/operators/42")))
      .RETURN(answer(200, ex::delete_operator_200));
  auto r = identitycall.delete_operator(42);
  CHECK(r);
}

TEST_CASE("client: an operator the key cannot see is not_found; a read-only key is forbidden") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(bodyless_request(http::method::delete_, api + "/operators/42")))
      .RETURN(answer(404, ex::error_404));
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.url == api + "/operators")
      .RETURN(answer(403, ex::error_403_write));
  auto gone = identitycall.delete_operator(42);
  REQUIRE_FALSE(gone);
  CHECK(gone.error().code == errc::not_found);
  CHECK(gone.error().provider_message == "Resource not found");
  auto refused =
      identitycall.create_operator({"Jane Doe", "+15551234567", std::nullopt, std::nullopt});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::forbidden);
  CHECK(refused.error().provider_message == "Write permission required");
}

TEST_CASE("client: list_operators is a read, retried as config::retry allows") {
  mock_transport transport;
  auto cfg = test_config();
  cfg.retry.max_attempts = 2;
  cfg.retry.sleep = [](std::chrono::milliseconds) {};
  client<mock_transport&> identitycall{transport, cfg};
  int calls = 0;
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/operators")))
      .TIMES(2)
      .LR_RETURN(++calls == 1 ? answer(503, R"({"error":"Service unavailable"})")
                              : answer(200, ex::list_operators_200));
  auto r = identitycall.list_operators();
  REQUIRE(r);
  CHECK(r->size() == 3);
}

TEST_CASE("client: a lost answer to create_operator is outcome_unknown and is not retried") {
  mock_transport transport;
  auto cfg = test_config();
  cfg.retry.max_attempts = 3;
  client<mock_transport&> identitycall{transport, cfg};
  REQUIRE_CALL(transport, send(_))
      .TIMES(1)
      .RETURN(vnum::make_error(errc::outcome_unknown, "timed out after sending"));
  auto r = identitycall.create_operator({"Jane Doe", "+15551234567", std::nullopt, std::nullopt});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
}

TEST_CASE("client: no operator request is sent when validation fails") {
  mock_transport transport;
  FORBID_CALL(transport, send(_));
  client<mock_transport&> identitycall{transport, test_config()};
  CHECK(identitycall.get_operator(0).error().field == "operator_id");
  CHECK(identitycall.create_operator({"", "+15551234567", std::nullopt, std::nullopt})
            .error()
            .field == "name");
  CHECK(identitycall.create_operator({"Jane Doe", "5551234567", std::nullopt, std::nullopt})
            .error()
            .field == "phone_number");
  CHECK(identitycall.create_operator({"Jane Doe", "+15551234567", "jane.doe", std::nullopt})
            .error()
            .field == "email");
  CHECK(identitycall.update_operator(42, {}).error().field == "update_operator_request");
  CHECK(
      identitycall
          .update_operator(42, {std::nullopt, std::nullopt, "jane@example.com", true, std::nullopt})
          .error()
          .field == "email");
  CHECK(identitycall.update_operator(-1, {"Jane", std::nullopt, std::nullopt, false, std::nullopt})
            .error()
            .field == "operator_id");
  CHECK(identitycall.delete_operator(0).error().field == "operator_id");
}

TEST_CASE("client: nothing is sent when validation fails") {
  mock_transport transport;
  FORBID_CALL(transport, send(_));
  client<mock_transport&> identitycall{transport, test_config()};
  auto wrong_country = documented_purchase();
  wrong_country.country_code = "AU";
  auto r = identitycall.purchase_number(wrong_country);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_argument);
  CHECK(r.error().field == "country_code");
  auto spaced = documented_purchase();
  spaced.phone_number = "+1 555 123 4567";
  CHECK(identitycall.purchase_number(spaced).error().field == "phone_number");
  CHECK(identitycall.get_virtual_number(0).error().field == "id");
  CHECK(identitycall.update_virtual_number(7, {}).error().field == "update_request");
  CHECK(identitycall.search_available_numbers({"XX", std::nullopt}).error().field == "country");
  CHECK(identitycall.add_operator(7, {22, "+15555550199", std::nullopt}).error().field ==
        "operator_id");
  CHECK(identitycall.remove_operator(7, 0).error().field == "operator_id");
}

TEST_CASE("client: nothing is sent without a usable API key") {
  mock_transport transport;
  FORBID_CALL(transport, send(_));
  auto cfg = test_config();
  cfg.api_key = "idc_x\nX-Injected: 1";
  client<mock_transport&> identitycall{transport, cfg};
  auto r = identitycall.list_virtual_numbers();
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "api_key");
}

TEST_CASE("client: a provider refusal comes back typed, with its message") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .RETURN(answer(422, R"({"error":"Requirement group must be approved before purchasing"})"));
  auto req = documented_purchase();
  req.requirement_group_id = 3;
  auto r = identitycall.purchase_number(req);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::unprocessable);
  CHECK(r.error().http_status == 422);
  CHECK(r.error().provider_message == "Requirement group must be approved before purchasing");
}

TEST_CASE("client: a transport error is passed through as it is") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(_)).RETURN(vnum::make_error(errc::transport, "connection refused"));
  auto r = identitycall.list_virtual_numbers();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(r.error().message == "connection refused");
}

TEST_CASE(
    "client: a lost answer to a purchase is outcome_unknown, is not retried, and is "
    "reconciled with list_virtual_numbers") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(_))
      .WITH(_1.url == api + "/virtual_numbers/purchase")
      .TIMES(1)
      .IN_SEQUENCE(seq)
      .RETURN(vnum::make_error(errc::outcome_unknown, "timed out after sending"));
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/virtual_numbers")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, ex::list_200));
  auto r = identitycall.purchase_number(documented_purchase());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);

  auto owned = identitycall.list_virtual_numbers();
  REQUIRE(owned);
  bool bought = false;
  for (const auto& n : *owned) bought = bought || n.phone_number == "+15551234567";
  CHECK(bought);
}

TEST_CASE("client: a transport that throws yields outcome_unknown, not an exception") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(_)).THROW(std::runtime_error("socket closed"));
  auto r = identitycall.purchase_number(documented_purchase());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::outcome_unknown);
  CHECK(r.error().message == "transport threw: socket closed");
}

TEST_CASE("client: the API key never appears in an error, even if the provider echoes it") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  REQUIRE_CALL(transport, send(_))
      .RETURN(answer(401, R"({"error":"Invalid API key )" + key + R"("})"));
  auto r = identitycall.get_virtual_number(7);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::unauthorized);
  CHECK(r.error().message == "Invalid API key [redacted]");
  CHECK(r.error().provider_message == "Invalid API key [redacted]");
}

namespace {
struct canned_transport {
  http::response reply;
  int calls = 0;
  http::response send(const http::request&) {
    ++calls;
    return reply;
  }
};
}  // namespace

TEST_CASE("client: an owning client over a transport that returns plain responses") {
  client<canned_transport> identitycall{canned_transport{answer(201, ex::purchase_201), 0},
                                        test_config()};
  auto r = identitycall.purchase_number(documented_purchase());
  REQUIRE(r);
  CHECK(r->id == 9);
  CHECK(identitycall.transport().calls == 1);
  CHECK(identitycall.config().base_url == "https://api.identitycall.ai");
}

// ---- Lists that come in pages (guides/pagination)

namespace {

using identitycall_pages::ids_of;
using identitycall_pages::numbers_page;

}  // namespace

TEST_CASE("paging: the pages after the first are asked for in order and concatenated") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/virtual_numbers")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, numbers_page({1, 2}, 1, 2, 3, 5)));
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get,
                                                api + "/virtual_numbers?page=2&per_page=2")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, numbers_page({3, 4}, 2, 2, 3, 5)));
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get,
                                                api + "/virtual_numbers?page=3&per_page=2")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, numbers_page({5}, 3, 2, 3, 5)));
  auto r = identitycall.list_virtual_numbers();
  REQUIRE(r);
  CHECK(ids_of(*r) == std::vector<std::int64_t>{1, 2, 3, 4, 5});
}

TEST_CASE("paging: operators follow their pages too") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  auto first = boost::json::parse(ex::list_operators_200);
  first.as_object()["meta"] = {
      {"current_page", 1}, {"per_page", 3}, {"total_pages", 2}, {"total_count", 4}};
  const std::string second =
      R"({"data":[{"id":30,"name":"Zed","phone_number":"+15550000030","email":null,"active":true,)"
      R"("initials":"Z","virtual_numbers_count":0}],)"
      R"("meta":{"current_page":2,"per_page":3,"total_pages":2,"total_count":4}})";
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get, api + "/operators")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, boost::json::serialize(first)));
  REQUIRE_CALL(transport,
               send(bodyless_request(http::method::get, api + "/operators?page=2&per_page=3")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, second));
  auto r = identitycall.list_operators();
  REQUIRE(r);
  REQUIRE(r->size() == 4);
  CHECK(r->back().name == "Zed");
}

TEST_CASE("paging: a page that contradicts the first ends with a protocol error naming it") {
  struct row {
    std::string second_page;
    std::string message;
  };
  for (const auto& expected : std::vector<row>{
           {numbers_page({3, 4}, 2, 2, 4, 5),
            "unexpected response: page 2 of 3: meta.total_pages is 4, page 1 said 3"},
           {numbers_page({3, 4}, 2, 3, 3, 5),
            "unexpected response: page 2 of 3: meta.per_page is 3, page 1 said 2"},
           {numbers_page({3, 4}, 1, 2, 3, 5),
            "unexpected response: page 2 of 3: meta.current_page is 1"},
           {numbers_page({}, 2, 2, 3, 5),
            "unexpected response: page 2 of 3: an empty page before the last"},
           {std::string(ex::list_200), "unexpected response: page 2 of 3: meta is missing"}}) {
    INFO(expected.message);
    mock_transport transport;
    client<mock_transport&> identitycall{transport, test_config()};
    trompeloeil::sequence seq;
    REQUIRE_CALL(transport, send(_))
        .IN_SEQUENCE(seq)
        .RETURN(answer(200, numbers_page({1, 2}, 1, 2, 3, 5)));
    REQUIRE_CALL(transport, send(_)).IN_SEQUENCE(seq).RETURN(answer(200, expected.second_page));
    auto r = identitycall.list_virtual_numbers();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::protocol);
    CHECK(r.error().message == expected.message);
  }
}

TEST_CASE("paging: a first page that cannot start a complete list is refused before page 2") {
  struct row {
    std::string first_page;
    std::string message;
  };
  for (const auto& expected : std::vector<row>{
           {numbers_page({1}, 2, 1, 3, 3),
            "unexpected response: page 1 of 3: meta.current_page is 2, not 1"},
           {numbers_page({1}, 1, 1, 1001, 1001),
            "unexpected response: page 1 of 1001: more pages than the 1000 vnum reads"},
           {numbers_page({}, 1, 20, 2, 30),
            "unexpected response: page 1 of 2: an empty page before the last"},
           {numbers_page({1}, 1, 0, 2, 2),
            "unexpected response: page 1 of 2: meta.per_page is 0"}}) {
    INFO(expected.message);
    mock_transport transport;
    client<mock_transport&> identitycall{transport, test_config()};
    REQUIRE_CALL(transport, send(_)).TIMES(1).RETURN(answer(200, expected.first_page));
    auto r = identitycall.list_virtual_numbers();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::protocol);
    CHECK(r.error().message == expected.message);
  }
}

TEST_CASE("paging: a failure on page 2 is that failure, never a short list") {
  mock_transport transport;
  client<mock_transport&> identitycall{transport, test_config()};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(_))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, numbers_page({1, 2}, 1, 2, 2, 4)));
  REQUIRE_CALL(transport, send(_)).IN_SEQUENCE(seq).RETURN(answer(403, ex::error_403_read));
  auto r = identitycall.list_virtual_numbers();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::forbidden);
  CHECK(r.error().http_status == 403);
  CHECK(r.error().message == "page 2 of 2: Read permission required");
}

TEST_CASE("paging: a 429 on page 2 is retried under the retry policy and the list completes") {
  mock_transport transport;
  config c = test_config();
  std::vector<std::chrono::milliseconds> waits;
  c.retry.max_attempts = 2;
  c.retry.sleep = [&waits](std::chrono::milliseconds d) { waits.push_back(d); };
  client<mock_transport&> identitycall{transport, c};
  trompeloeil::sequence seq;
  REQUIRE_CALL(transport, send(_))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, numbers_page({1, 2}, 1, 2, 2, 3)));
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get,
                                                api + "/virtual_numbers?page=2&per_page=2")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(429, R"({"error":"Rate limit exceeded"})", {{"Retry-After", "1"}}));
  REQUIRE_CALL(transport, send(bodyless_request(http::method::get,
                                                api + "/virtual_numbers?page=2&per_page=2")))
      .IN_SEQUENCE(seq)
      .RETURN(answer(200, numbers_page({3}, 2, 2, 2, 3)));
  auto r = identitycall.list_virtual_numbers();
  REQUIRE(r);
  CHECK(ids_of(*r) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(1000)});
}
