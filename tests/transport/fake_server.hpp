// vnum-fake-server for the end-to-end tests: started on 127.0.0.1 and a free port, its URL and API
// key read from the JSON line it prints first; stopped by RAII (SIGTERM, a bounded wait, SIGKILL),
// also when an assertion fails. The server's path comes from meson (VNUM_FAKE_SERVER). With the
// two worlds the tests start it with.
#ifndef VNUM_TESTS_TRANSPORT_FAKE_SERVER_HPP
#define VNUM_TESTS_TRANSPORT_FAKE_SERVER_HPP

#include <vnum/detail/json.hpp>

#include "process.hpp"

#include <boost/json/object.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace e2e {

using namespace std::chrono_literals;

inline std::string server_binary() {
  const char* path = std::getenv("VNUM_FAKE_SERVER");
  if (path == nullptr || *path == '\0') FAIL("VNUM_FAKE_SERVER is not set (meson test sets it)");
  return path;
}

// vnum-fake-server, started and ready: its URL and API key from the line it printed.
struct fake_server {
  proc::child process;
  std::string url;
  std::string api_key;
  boost::json::object ready;

  explicit fake_server(const std::string& provider, std::vector<std::string> extra = {})
      : process(arguments(provider, std::move(extra))) {
    auto line = process.first_line();
    if (!line) FAIL("vnum-fake-server printed no ready line; stderr: " << process.stderr_text(1s));
    auto v = vnum::detail::parse_json(*line);
    if (!v || !v->is_object()) FAIL("the ready line is not a JSON object: " << *line);
    ready = v->get_object();
    url = std::string(ready.at("url").as_string());
    api_key = std::string(ready.at("api_key").as_string());
  }

  static std::vector<std::string> arguments(const std::string& provider,
                                            std::vector<std::string> extra) {
    std::vector<std::string> argv{server_binary(), provider};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
};

inline const std::string cellcast_world = R"({
  "api_key": "cc_e2e_SECRET_key",
  "cards": ["card_1"],
  "numbers": [
    {"id": "66ea98514f0c1a121c76ec17", "number": "+61400000001", "monthly_product": "prod_M1", "yearly_product": "prod_Y1"},
    {"id": "66ea98514f0c1a121c76ec18", "number": "+61400000002", "monthly_product": "prod_M2", "yearly_product": "prod_Y2"},
    {"id": "66ea98514f0c1a121c76ec19", "number": "+61400000003", "monthly_product": "prod_M3", "yearly_product": "prod_Y3"}
  ],
  "otp_required": true,
  "postpaid": true
})";

inline const std::string identitycall_world = R"({
  "api_key": "idc_e2e_SECRET_key",
  "available": [
    {"phone_number": "+15551230001", "country_code": "US", "number_type": "local"},
    {"phone_number": "+15551230002", "country_code": "US", "number_type": "local"},
    {"phone_number": "+15551230003", "country_code": "US", "number_type": "local"}
  ],
  "requirement_groups": [{"approved": true}, {"approved": false}],
  "operators": [{"name": "Ada Lovelace", "phone_number": "+15550000001", "id": 10}]
})";

}  // namespace e2e

#endif  // VNUM_TESTS_TRANSPORT_FAKE_SERVER_HPP
