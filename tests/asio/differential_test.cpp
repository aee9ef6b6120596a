// Same answers from both runners. Every scenario, the whole life of an account on each provider
// (every operation, in order) against a stateful fake with each fault armed before each call, and
// every operation against each documented answer of its provider and each transport failure, runs
// once through the blocking client and once through the async client over testing::async_adapter.
// The two must give equal results (the value, or every field of the error) and send equal requests.
#include <vnum/asio.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

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

namespace {

// Both forms of one call: c.method(args...) and c.async_method(args..., token).
#define BOTH(method, ...)                         \
  [&](auto& c) { return c.method(__VA_ARGS__); }, \
      [&](auto& c, auto token) { return c.async_##method(__VA_ARGS__ __VA_OPT__(, ) token); }

// What a call gave, in full: the value as printed, or every field of the error.
template <class R>
std::string describe(const R& r) {
  std::ostringstream os;
  if (r) {
    os << r;
  } else {
    const vnum::error& e = r.error();
    os << "error:" << to_string(e.code) << '|' << e.http_status << '|' << e.message << '|'
       << e.field << '|' << e.provider_message << '|'
       << (e.retry_after ? e.retry_after->count() : -1);
  }
  return os.str();
}

// Runs each call of a flow through one client, arming `before(k)` ahead of call k, and writes
// down each answer.
struct recorder {
  std::function<void(int)> before;
  int calls = 0;
  std::vector<std::string> answers;
  void next() {
    if (before) before(calls);
    ++calls;
  }
};

template <class Client>
struct blocking_runner : recorder {
  Client& client;
  explicit blocking_runner(Client& c) : client(c) {}
  template <class Sync, class Async>
  auto operator()(Sync sync, Async) {
    next();
    auto r = sync(client);
    answers.push_back(describe(r));
    return r;
  }
};

template <class Client>
struct async_runner : recorder {
  Client& client;
  asio::io_context& io;
  async_runner(Client& c, asio::io_context& i) : client(c), io(i) {}
  template <class Sync, class Async>
  auto operator()(Sync, Async async) {
    next();
    auto future = async(client, asio::use_future);
    io.restart();
    io.run();
    auto r = future.get();
    answers.push_back(describe(r));
    return r;
  }
};

template <class Config>
Config retrying(std::string key) {
  Config c;
  c.api_key = std::move(key);
  c.retry.max_attempts = 2;
  c.retry.initial_backoff = 1ms;
  c.retry.max_backoff = 5ms;
  c.retry.sleep = [](std::chrono::milliseconds) {};
  return c;
}

// ---- The flows: every operation of a provider, in the order an account lives them.

cc::business_name_request business() {
  cc::business_name_request r;
  r.business_name = "Pizza Biz";
  r.description_internal = "Marketing campaigns";
  r.purpose_of_use = "Promotional SMS";
  r.ownership = true;
  r.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au",
               "123 Main St, Sydney NSW 2000"};
  r.requestor = {"John", "Smith", "Marketing Manager", "0400000000", "john@pizzaco.com.au"};
  return r;
}

const std::string number_a = "66ea98514f0c1a121c76ec17";
const std::string number_b = "66ea98514f0c1a121c76ec18";
constexpr int cellcast_calls = 9;

template <class Run>
void cellcast_flow(Run& run, const std::function<std::string()>& otp) {
  const cc::purchase_request monthly{"card_1", "prod_M1", number_a, cc::billing_cycle::month};
  const cc::postpaid_purchase_request postpaid{number_b};
  const cc::custom_number_request custom{"Support", "0400 000 000"};
  const auto name = business();
  run(BOTH(list_cards));
  run(BOTH(purchase_virtual_number, monthly));
  run(BOTH(purchase_virtual_number_postpaid, postpaid));
  run(BOTH(unsubscribe_virtual_number, number_a));
  run(BOTH(add_custom_number, custom));
  const cc::verify_custom_number_request verify{"Support", "0400 000 000", otp()};
  run(BOTH(verify_custom_number, verify));
  run(BOTH(list_custom_numbers));
  run(BOTH(add_business_name, name));
  run(BOTH(purchase_virtual_number_postpaid, postpaid));  // bought already: a refusal
}

constexpr int identitycall_calls = 15;

template <class Run>
void identitycall_flow(Run& run) {
  ic::purchase_request first;
  first.phone_number = "+15551230001";
  first.country_code = "US";
  first.type = ic::number_type::local;
  first.name = "Main";
  first.requirement_group_id = 1;
  ic::purchase_request unapproved = first;
  unapproved.phone_number = "+15551230002";
  unapproved.requirement_group_id = 2;
  const ic::search_request search{"US", ic::number_type::local};
  ic::update_request rename;
  rename.name = "Sales";
  rename.routing = ic::routing_strategy::round_robin;
  const ic::create_operator_request grace{"Grace Hopper", "+15550000002", "grace@example.com",
                                          true};
  ic::update_operator_request change;
  change.name = "Grace B. Hopper";
  const auto attach = ic::add_operator_request::existing(10);

  run(BOTH(search_available_numbers, search));
  auto bought = run(BOTH(purchase_number, first));
  const std::int64_t id = bought ? bought->id : 1;
  run(BOTH(purchase_number, unapproved));
  run(BOTH(list_virtual_numbers));
  run(BOTH(get_virtual_number, id));
  run(BOTH(update_virtual_number, id, rename));
  run(BOTH(add_operator, id, attach));
  run(BOTH(remove_operator, id, 10));
  run(BOTH(list_operators));
  auto created = run(BOTH(create_operator, grace));
  const std::int64_t op = created ? created->id : 11;
  run(BOTH(get_operator, op));
  run(BOTH(update_operator, op, change));
  run(BOTH(delete_operator, op));
  run(BOTH(get_operator, op));  // deleted: not_found
  run(BOTH(list_operators));
}

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
