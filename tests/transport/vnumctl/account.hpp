// What vnumctl's end-to-end tests share: the programs' paths from meson, running vnumctl with every
// output checked for secrets, reading its output, and vnum-fake-server for one provider with its
// admin routes.
#ifndef VNUM_TESTS_TRANSPORT_VNUMCTL_ACCOUNT_HPP
#define VNUM_TESTS_TRANSPORT_VNUMCTL_ACCOUNT_HPP

#include <vnum/detail/json.hpp>
#include <vnum/http.hpp>
#include <vnum/transport/curl.hpp>

#include "../process.hpp"
#include "run.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace cli {

using namespace std::chrono_literals;

inline std::string path_from(const char* variable) {
  const char* path = std::getenv(variable);
  if (path == nullptr || *path == '\0') FAIL(variable << " is not set (meson test sets it)");
  return path;
}

// What every output of every run is checked with (no key, no password).
using output_check = void (*)(const proc::outcome&);

// vnumctl ARGS... with exactly the environment `env`.
inline proc::outcome vnumctl(std::vector<std::string> args, std::vector<std::string> env,
                             output_check check) {
  args.insert(args.begin(), path_from("VNUMCTL"));
  auto r = proc::run(args, env);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  check(r);
  return r;
}

inline std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n' ? 1U : 0U;
  return n;
}

inline boost::json::value parse(const std::string& text) {
  INFO(text);
  auto v = vnum::detail::parse_json(text);
  REQUIRE(v);
  return *v;
}

// vnum-fake-server for one provider, started from a world file, with its admin routes.
class fake_account {
 public:
  fake_account(std::string provider, const std::string& world, std::string key, output_check check)
      : provider_(std::move(provider)),
        key_(std::move(key)),
        check_(check),
        server_({path_from("VNUM_FAKE_SERVER"), provider_, "--world",
                 dir_.write("world.json", world)}) {
    auto line = server_.first_line();
    if (!line) FAIL("vnum-fake-server printed no ready line: " << server_.stderr_text(1s));
    url_ = std::string(parse(*line).at("url").as_string());
  }

  const std::string& url() const { return url_; }
  proc::temp_dir& dir() { return dir_; }

  std::string key_variable() const {
    return provider_ == "cellcast" ? "CELLCAST_API_KEY" : "IDENTITYCALL_API_KEY";
  }

  // vnumctl --base-url URL [global flags] PROVIDER COMMAND..., with the account's key exported.
  proc::outcome run(std::vector<std::string> command, std::vector<std::string> globals = {}) {
    std::vector<std::string> args{"--base-url", url_};
    args.insert(args.end(), globals.begin(), globals.end());
    args.push_back(provider_);
    args.insert(args.end(), command.begin(), command.end());
    return vnumctl(std::move(args), {key_variable() + "=" + key_}, check_);
  }

  vnum::http::response admin(vnum::http::method m, const std::string& path, std::string body = {}) {
    auto r = transport_.send({m, url_ + path, {{"content-type", "application/json"}}, body});
    REQUIRE(r);
    return *r;
  }
  void arm(const std::string& fault) {
    REQUIRE(admin(vnum::http::method::post, "/_fake/fault", fault).status == 200);
  }
  std::string journal() {
    auto r = admin(vnum::http::method::get, "/_fake/journal");
    REQUIRE(r.status == 200);
    CHECK(r.body.find("SECRET") == std::string::npos);
    return r.body;
  }
  std::size_t requests() { return parse(journal()).as_array().size(); }

 private:
  std::string provider_;
  std::string key_;
  output_check check_;
  proc::temp_dir dir_;
  proc::child server_;
  std::string url_;
  vnum::curl_transport transport_{[] {
    vnum::curl_transport::options o;
    o.timeout = 10s;
    o.connect_timeout = 2s;
    return o;
  }()};
};

}  // namespace cli

#endif  // VNUM_TESTS_TRANSPORT_VNUMCTL_ACCOUNT_HPP
