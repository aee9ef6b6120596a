// The async clients on beast_transport against vnum-fake-server, over real sockets: every
// operation of both providers, with each fault armed before each call, must answer as the blocking
// clients on curl_transport do against a second server with the same world, and leave the same
// journal. (Error messages name each server's port, so errors are compared on every other field.)
#include <vnum/asio.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/transport/beast.hpp>
#include <vnum/transport/curl.hpp>

#include "asio/flows.hpp"
#include "transport/fake_server.hpp"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

using namespace flows;
namespace http = vnum::http;

namespace {

const std::string cellcast_world_file = R"({
  "api_key": "cc_e2e_SECRET_key",
  "cards": ["card_1"],
  "numbers": [
    {"id": "66ea98514f0c1a121c76ec17", "number": "+61400000001", "monthly_product": "prod_M1", "yearly_product": "prod_Y1"},
    {"id": "66ea98514f0c1a121c76ec18", "number": "+61400000002", "monthly_product": "prod_M2", "yearly_product": "prod_Y2"}
  ],
  "otp_required": true,
  "postpaid": true
})";

const std::string identitycall_world_file = R"({
  "api_key": "idc_e2e_SECRET_key",
  "available": [
    {"phone_number": "+15551230001", "country_code": "US", "number_type": "local"},
    {"phone_number": "+15551230002", "country_code": "US", "number_type": "local"},
    {"phone_number": "+15551230003", "country_code": "US", "number_type": "local"}
  ],
  "requirement_groups": [{"approved": true}, {"approved": false}],
  "operators": [{"name": "Ada Lovelace", "phone_number": "+15550000001", "id": 10}]
})";

vnum::curl_transport::options curl_options() {
  vnum::curl_transport::options o;
  o.timeout = std::chrono::seconds(10);
  return o;
}

// One server and a way to arm it, read its journal and its OTPs.
struct account {
  proc::temp_dir dir;
  e2e::fake_server server;
  vnum::curl_transport admin{curl_options()};

  account(const std::string& provider, const std::string& world)
      : server(provider, {"--world", dir.write("world.json", world)}) {}

  void arm(const std::string& fault) {
    auto r = admin.send({http::method::post,
                         server.url + "/_fake/fault",
                         {{"content-type", "application/json"}},
                         fault});
    REQUIRE(r);
    REQUIRE(r->status == 200);
  }
  // Each request the server received: method, path, query and body (the transports' own headers
  // differ, as Host and Content-Length are each transport's).
  std::vector<std::string> journal() {
    auto r = admin.send({http::method::get, server.url + "/_fake/journal", {}, {}});
    REQUIRE(r);
    auto entries = vnum::detail::parse_json(r->body);
    REQUIRE(entries);
    std::vector<std::string> out;
    for (const auto& e : entries->as_array())
      out.push_back(std::string(e.at("method").as_string()) + " " +
                    std::string(e.at("path").as_string()) + "?" +
                    std::string(e.at("query").as_string()) + " " +
                    std::string(e.at("body").as_string()));
    return out;
  }
  std::string otp() {
    auto r = admin.send({http::method::get, server.url + "/_fake/otp?number=61400000000", {}, {}});
    if (!r || r->status != 200) return "000000";
    return std::string(vnum::detail::parse_json(r->body)->at("otp").as_string());
  }
};

// Each fault, as /_fake/fault takes it.
const std::vector<std::string> faults = {R"({"kind": "request_lost"})",
                                         R"({"kind": "response_lost"})",
                                         R"({"kind": "status", "status": 429, "retry_after": 1})",
                                         R"({"kind": "status", "status": 503})"};

template <class Config, template <class> class Blocking, template <class> class Async, class Flow>
void compare(const std::string& provider, const std::string& world, const std::string& fault,
             int at, Flow flow) {
  INFO(provider << ": " << (fault.empty() ? "no fault" : fault) << " before call " << at);
  account blocking_account(provider, world);
  account async_account(provider, world);

  Config blocking_config = retrying<Config>(blocking_account.server.api_key);
  blocking_config.base_url = blocking_account.server.url;
  Blocking<vnum::curl_transport> blocking{vnum::curl_transport{curl_options()}, blocking_config};
  blocking_runner<Blocking<vnum::curl_transport>> b(blocking);
  b.messages = false;
  b.before = [&](int k) {
    if (k == at) blocking_account.arm(fault);
  };
  flow(b, blocking_account);

  asio::io_context io;
  Config async_config = retrying<Config>(async_account.server.api_key);
  async_config.base_url = async_account.server.url;
  vnum::beast_transport::options options;
  options.timeout = std::chrono::seconds(10);
  Async<vnum::beast_transport> asynchronous{vnum::beast_transport{io.get_executor(), options},
                                            async_config};
  async_runner<Async<vnum::beast_transport>> a(asynchronous, io);
  a.messages = false;
  a.before = [&](int k) {
    if (k == at) async_account.arm(fault);
  };
  flow(a, async_account);

  REQUIRE(a.answers.size() == b.answers.size());
  for (std::size_t i = 0; i < b.answers.size(); ++i) {
    INFO("call " << i);
    CHECK(a.answers[i] == b.answers[i]);
  }
  CHECK(async_account.journal() == blocking_account.journal());
}

}  // namespace

TEST_CASE("over sockets: Cellcast's async client on Beast answers as the blocking one on curl") {
  auto flow = [](auto& run, account& a) { cellcast_flow(run, [&a] { return a.otp(); }); };
  compare<cc::config, cc::client, cc::async_client>("cellcast", cellcast_world_file, "", -1, flow);
  for (int k = 0; k < cellcast_calls; ++k)
    for (const auto& f : faults)
      compare<cc::config, cc::client, cc::async_client>("cellcast", cellcast_world_file, f, k,
                                                        flow);
}

TEST_CASE(
    "over sockets: IdentityCall's async client on Beast answers as the blocking one on curl") {
  auto flow = [](auto& run, account&) { identitycall_flow(run); };
  compare<ic::config, ic::client, ic::async_client>("identitycall", identitycall_world_file, "", -1,
                                                    flow);
  for (int k = 0; k < identitycall_calls; ++k)
    for (const auto& f : faults)
      compare<ic::config, ic::client, ic::async_client>("identitycall", identitycall_world_file, f,
                                                        k, flow);
}
