// Same answers from both runners. Every scenario, the whole life of an account on each provider
// (every operation, in order) against a stateful fake with each fault armed before each call, and
// every operation against each documented answer of its provider and each transport failure, runs
// once through the blocking client and once through the async client over testing::async_adapter.
// The two must give equal results (the value, or every field of the error) and send equal requests.
#include <vnum/asio.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "asio/flows.hpp"
#include "cellcast/examples.hpp"
#include "identitycall/examples.hpp"
#include "support.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace http = vnum::http;
namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
using namespace std::chrono_literals;
using vnum::testing::async_adapter;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;
using vnum::testing::fault;

using namespace flows;

namespace {

// ---- The worlds.

void cellcast_world(fake_cellcast& f) {
  f.add_card("card_1");
  f.add_number(number_a, "+61400000001", "prod_M1", "prod_Y1");
  f.add_number(number_b, "+61400000002", "prod_M2", "prod_Y2");
  f.require_otp(true);
  f.enable_postpaid(true);
}

void identitycall_world(fake_identitycall& f) {
  for (const char* n : {"+15551230001", "+15551230002", "+15551230003"})
    f.add_available(n, "US", "local");
  f.add_requirement_group(true);
  f.add_requirement_group(false);
  f.add_operator("Ada Lovelace", "+15550000001", 10);
}

// Each fault, armed for the next request.
std::vector<std::pair<std::string, fault>> faults() {
  return {{"request_lost", fault::request_lost()},
          {"response_lost", fault::response_lost()},
          {"401", fault::status(401)},
          {"429 Retry-After 0", fault::status(429).retry_after(0s)},
          {"500", fault::status(500)},
          {"503", fault::status(503)}};
}

int scenarios = 0;  // counted for the report below
int calls_compared = 0;

template <class Fake, class World, class Flow>
void compare_on_fakes(const std::string& what, World world, Flow flow,
                      const std::function<void(Fake&, int)>& before) {
  INFO(what);
  Fake blocking_fake;
  world(blocking_fake);
  using config = std::conditional_t<std::is_same_v<Fake, fake_cellcast>, cc::config, ic::config>;
  const config cfg = retrying<config>(blocking_fake.api_key());
  using blocking_client =
      std::conditional_t<std::is_same_v<Fake, fake_cellcast>, cc::client<Fake&>, ic::client<Fake&>>;
  blocking_client blocking{blocking_fake, cfg};
  blocking_runner<blocking_client> b(blocking);
  b.before = [&](int k) { before(blocking_fake, k); };
  flow(b, blocking_fake);

  asio::io_context io;
  Fake async_fake;
  world(async_fake);
  using async_client = std::conditional_t<std::is_same_v<Fake, fake_cellcast>,
                                          cc::async_client<async_adapter<Fake&>>,
                                          ic::async_client<async_adapter<Fake&>>>;
  async_client asynchronous{{async_fake, io.get_executor()}, cfg};
  async_runner<async_client> a(asynchronous, io);
  a.before = [&](int k) { before(async_fake, k); };
  flow(a, async_fake);

  REQUIRE(b.answers.size() == a.answers.size());
  for (std::size_t i = 0; i < b.answers.size(); ++i) {
    INFO("call " << i);
    CHECK(a.answers[i] == b.answers[i]);
  }
  CHECK(async_fake.journal() == blocking_fake.journal());
  ++scenarios;
  calls_compared += static_cast<int>(b.answers.size());
}

// A blocking transport that gives the same answer to every request (or throws), keeping each.
struct canned {
  canned(vnum::result<http::response> a, bool t = false) : answer(std::move(a)), throws(t) {}
  vnum::result<http::response> answer;
  bool throws;
  std::vector<http::request> sent;
  vnum::result<http::response> send(const http::request& r) {
    sent.push_back(r);
    if (throws) throw std::runtime_error("socket gone");
    return answer;
  }
};

template <class Config, template <class> class BlockingClient, template <class> class AsyncClient,
          class Flow>
void compare_on_answer(const std::string& what, const canned& script, Flow flow) {
  INFO(what);
  const auto cfg = retrying<Config>(
      std::is_same_v<Config, cc::config> ? "cellcast-key" : "idc_" + std::string(32, 'f'));
  canned blocking_transport = script;
  BlockingClient<canned&> blocking{blocking_transport, cfg};
  blocking_runner<BlockingClient<canned&>> b(blocking);
  flow(b);

  asio::io_context io;
  canned async_transport = script;
  AsyncClient<async_adapter<canned&>> asynchronous{{async_transport, io.get_executor()}, cfg};
  async_runner<AsyncClient<async_adapter<canned&>>> a(asynchronous, io);
  flow(a);

  REQUIRE(b.answers.size() == a.answers.size());
  for (std::size_t i = 0; i < b.answers.size(); ++i) {
    INFO("call " << i);
    CHECK(a.answers[i] == b.answers[i]);
  }
  CHECK(async_transport.sent == blocking_transport.sent);
  ++scenarios;
  calls_compared += static_cast<int>(b.answers.size());
}

// The answers every operation meets: the provider's documented bodies with their statuses, and
// each way a transport fails.
std::vector<std::pair<std::string, canned>> failures() {
  return {{"204 without a body", {support::answer(204, "")}},
          {"502 from a gateway", {support::answer(502, "<html>Bad Gateway</html>")}},
          {"429 Retry-After 0", {support::answer(429, "{}", {{"Retry-After", "0"}})}},
          {"200 that is not JSON", {support::answer(200, "OK")}},
          {"transport", {vnum::make_error(vnum::errc::transport, "connection refused")}},
          {"outcome_unknown", {vnum::make_error(vnum::errc::outcome_unknown, "reset")}},
          {"a transport that throws", {support::answer(200, ""), true}}};
}

}  // namespace

TEST_CASE("same answers: Cellcast, every operation against the fake, each fault before each call") {
  auto flow = [](auto& run, fake_cellcast& f) {
    cellcast_flow(run, [&f] { return f.otp_for("+61400000000").value_or("000000"); });
  };
  compare_on_fakes<fake_cellcast>("no fault", cellcast_world, flow, [](fake_cellcast&, int) {});
  for (int k = 0; k < cellcast_calls; ++k)
    for (const auto& [name, f] : faults())
      compare_on_fakes<fake_cellcast>(name + " before call " + std::to_string(k), cellcast_world,
                                      flow, [k, f = f](fake_cellcast& fake, int call) {
                                        if (call == k) fake.fail_next(f);
                                      });
  compare_on_fakes<fake_cellcast>("an expired key", cellcast_world, flow,
                                  [](fake_cellcast& fake, int call) {
                                    if (call == 4) fake.expire_key();
                                  });
}

TEST_CASE(
    "same answers: IdentityCall, every operation against the fake, each fault before each call") {
  auto flow = [](auto& run, fake_identitycall&) { identitycall_flow(run); };
  compare_on_fakes<fake_identitycall>("no fault", identitycall_world, flow,
                                      [](fake_identitycall&, int) {});
  compare_on_fakes<fake_identitycall>("pages of one entry", identitycall_world, flow,
                                      [](fake_identitycall& fake, int call) {
                                        if (call == 0) fake.set_page_size(1);
                                      });
  for (int k = 0; k < identitycall_calls; ++k)
    for (const auto& [name, f] : faults())
      compare_on_fakes<fake_identitycall>(name + " before call " + std::to_string(k),
                                          identitycall_world, flow,
                                          [k, f = f](fake_identitycall& fake, int call) {
                                            if (call == 0) fake.set_page_size(1);
                                            if (call == k) fake.fail_next(f);
                                          });
}

TEST_CASE("same answers: Cellcast, every operation against each documented answer and failure") {
  namespace ex = cellcast_examples;
  std::vector<std::pair<std::string, canned>> answers = failures();
  for (auto [name, status, body] : std::vector<std::tuple<std::string, int, std::string_view>>{
           {"purchase_200", 200, ex::purchase_200},
           {"purchase_401", 401, ex::purchase_401},
           {"custom_number_200_created", 200, ex::custom_number_200_created},
           {"custom_number_200_otp_sent", 200, ex::custom_number_200_otp_sent},
           {"custom_number_400_name_required", 400, ex::custom_number_400_name_required},
           {"custom_number_400_already_exists", 400, ex::custom_number_400_already_exists},
           {"custom_number_400_mobile_required", 400, ex::custom_number_400_mobile_required},
           {"custom_number_400_mobile_invalid", 400, ex::custom_number_400_mobile_invalid},
           {"custom_number_401", 401, ex::custom_number_401},
           {"unsubscribe_200", 200, ex::unsubscribe_200},
           {"unsubscribe_401", 401, ex::unsubscribe_401},
           {"unsubscribe_404", 404, ex::unsubscribe_404},
           {"verify_custom_number_200", 200, ex::verify_custom_number_200},
           {"list_cards_200", 200, ex::list_cards_200},
           {"list_custom_numbers_200", 200, ex::list_custom_numbers_200},
           {"list_custom_numbers_200_empty", 200, ex::list_custom_numbers_200_empty},
           {"list_custom_numbers_401", 401, ex::list_custom_numbers_401}})
    answers.push_back({name, {support::answer(status, body)}});
  for (const auto& [name, script] : answers)
    compare_on_answer<cc::config, cc::client, cc::async_client>(
        name, script, [](auto& run) { cellcast_flow(run, [] { return std::string("123456"); }); });
}

TEST_CASE(
    "same answers: IdentityCall, every operation against each documented answer and failure") {
  namespace ex = identitycall_examples;
  std::vector<std::pair<std::string, canned>> answers = failures();
  for (auto [name, status, body] : std::vector<std::tuple<std::string, int, std::string_view>>{
           {"purchase_201", 201, ex::purchase_201},
           {"list_200", 200, ex::list_200},
           {"get_200", 200, ex::get_200},
           {"update_200", 200, ex::update_200},
           {"available_200", 200, ex::available_200},
           {"remove_operator_200", 200, ex::remove_operator_200},
           {"list_operators_200", 200, ex::list_operators_200},
           {"get_operator_200", 200, ex::get_operator_200},
           {"create_operator_201", 201, ex::create_operator_201},
           {"update_operator_200", 200, ex::update_operator_200},
           {"delete_operator_200", 200, ex::delete_operator_200},
           {"error_format 400", 400, ex::error_format},
           {"error_format_422_array", 422, ex::error_format_422_array},
           {"error_401", 401, ex::error_401},
           {"error_403_read", 403, ex::error_403_read},
           {"error_403_write", 403, ex::error_403_write},
           {"error_403_delete", 403, ex::error_403_delete},
           {"error_404", 404, ex::error_404},
           {"error_422_file_required", 422, ex::error_422_file_required},
           {"error_422_transcription", 422, ex::error_422_transcription}})
    answers.push_back({name, {support::answer(status, body)}});
  for (const auto& [name, script] : answers)
    compare_on_answer<ic::config, ic::client, ic::async_client>(
        name, script, [](auto& run) { identitycall_flow(run); });
}

TEST_CASE("same answers: the count of scenarios compared") {
  // Runs last (declaration order): every scenario above was compared call by call.
  CHECK(scenarios == 1 + cellcast_calls * 6 + 1 + 2 + identitycall_calls * 6 + 24 + 27);
  CHECK(calls_compared > 0);
  std::printf("differential: %d scenarios, %d calls compared\n", scenarios, calls_compared);
}
