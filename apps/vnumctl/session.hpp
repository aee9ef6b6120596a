// vnumctl — the global flags, the API key, and how one command runs: --dry-run builds the request
// with the library's sans-I/O builder and prints it; otherwise the provider's client sends it on
// vnum::curl_transport (wrapped in vnum::testing::recording_transport with --record) and the typed
// result (or error) is printed.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_VNUMCTL_SESSION_HPP
#define VNUM_APPS_VNUMCTL_SESSION_HPP

#include <vnum/testing/cassette.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/version.hpp>
#include <vnum/vnum.hpp>

#include "output.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnumctl {

// The flags every command takes, before or after the provider and command.
struct globals {
  std::string base_url;  // empty: the provider's own
  bool dry_run = false;
  bool json = false;
  std::string api_key_file;
  double timeout = 30;   // seconds, the whole exchange
  std::string record;    // empty: record nothing; else the cassette each exchange is appended to
  bool verbose = false;  // each attempt's event on stderr
};

// A CLI11 check that leaves the help's type name as given ("month|year", not
// "month|year:{month,year}").
inline CLI::Validator quiet(CLI::Validator v) { return v.description(""); }

// A flag's value must be one of `words`.
inline CLI::Validator one_of(std::vector<std::string> words) {
  return quiet(CLI::IsMember(std::move(words)));
}

inline void add_globals(CLI::App& app, globals& g) {
  app.add_option("--base-url", g.base_url,
                 "Send to this base URL instead of the provider's (e.g. the fake server's "
                 "http://127.0.0.1:PORT; plain http only to loopback)")
      ->type_name("URL");
  app.add_flag("--dry-run", g.dry_run,
               "Print the exact request that would be sent (the key masked) and send nothing");
  app.add_flag("--json", g.json,
               "Print the typed result, or the error, as one JSON document on stdout");
  app.add_option("--api-key-file", g.api_key_file,
                 "Read the API key from the first line of this file instead of the environment")
      ->type_name("PATH")
      ->check(quiet(CLI::ExistingFile));
  app.add_option("--timeout", g.timeout,
                 "Give up on an exchange after this long: 0.1 to 3600 (default 30)")
      ->type_name("SECONDS")
      ->check(quiet(CLI::Range(0.1, 3600.0)));
  app.add_option("--record", g.record,
                 "Append each exchange (request and answer; the key, OTP, token and bank details "
                 "redacted) to the cassette FILE, created if missing, for "
                 "vnum::testing::replay_transport or vnum-fake-server --check FILE")
      ->type_name("FILE");
  app.add_flag("--verbose", g.verbose,
               "Print each attempt on stderr as it ends: operation, attempt, page, method and "
               "path, status or error, time taken, and what came next (never a key or a body)");
}

// One attempt, as --verbose prints it:
// "vnumctl: identitycall list_virtual_numbers (read) page 2 attempt 1: GET /api/v1/public/
// virtual_numbers -> 200 in 1.2 ms: next_page".
inline std::string event_line(const vnum::call_event& e) {
  std::string out = "vnumctl: " + std::string(e.provider) + " " + std::string(e.operation) + " (" +
                    std::string(vnum::to_string(e.kind)) + ")";
  if (e.page > 0) out += " page " + std::to_string(e.page);
  if (!e.sent) {
    out += ": not sent";
  } else {
    out += " attempt " + std::to_string(e.attempt) + ": " +
           std::string(vnum::http::to_string(e.method)) + " " + std::string(e.path) + " -> ";
    out += e.status != 0 ? std::to_string(e.status) : std::string("no answer");
    char took[32];
    std::snprintf(took, sizeof took, " in %.1f ms", static_cast<double>(e.duration.count()) / 1000);
    out += took;
  }
  if (e.error) out += " (" + std::string(vnum::to_string(*e.error)) + ")";
  out += ": " + std::string(vnum::to_string(e.decision));
  if (e.wait) out += ", waiting " + std::to_string(e.wait->count()) + " ms";
  return out;
}

// A usage error found after parsing: exit 2.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The API key: the first line of --api-key-file, or the environment variable. Never an argument
// (arguments are visible to every user in `ps`).
inline std::string read_api_key(const std::string& variable, const globals& g) {
  if (!g.api_key_file.empty()) {
    std::ifstream in(g.api_key_file);
    std::string line;
    if (!in || !std::getline(in, line))
      throw usage_error("cannot read an API key from " + g.api_key_file +
                        " (--api-key-file): its first line is the key");
    constexpr std::string_view blank = " \t\r\n";
    const auto first = line.find_first_not_of(blank);
    const auto last = line.find_last_not_of(blank);
    if (first == std::string::npos)
      throw usage_error("the first line of " + g.api_key_file +
                        " (--api-key-file) is empty: it must hold the API key");
    return line.substr(first, last - first + 1);
  }
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0')
    throw usage_error("no API key: set " + variable +
                      " or give --api-key-file PATH (a key is never taken as an argument)");
  return value;
}

inline vnum::curl_transport::options transport_options(const globals& g) {
  using std::chrono::milliseconds;
  vnum::curl_transport::options o;
  o.timeout = milliseconds(std::llround(g.timeout * 1000));
  o.connect_timeout = std::min(o.connect_timeout, o.timeout);
  return o;
}

// The cassette --record continues: the file's, or a new one naming where it was recorded. The
// file is written before anything is sent, so an unwritable path sends nothing (exit 2).
inline vnum::testing::cassette start_recording(const std::string& path,
                                               const std::string& base_url) {
  vnum::testing::cassette c;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    auto earlier = vnum::testing::load_cassette(path);
    if (!earlier)
      throw usage_error("--record: " + earlier.error().message +
                        " (not a cassette; nothing was sent)");
    c = std::move(*earlier);
  } else {
    c.source = std::string("recorded by vnumctl ") + VNUM_VERSION_STRING + " from " + base_url;
  }
  if (auto saved = vnum::testing::save(c, path); !saved)
    throw usage_error("--record: " + saved.error().message + " (nothing was sent)");
  return c;
}

// One command's run for one provider. Provider has `config`, `client<T>` and `key_variable`.
template <class Provider>
class session {
 public:
  explicit session(const globals& g)
      : globals_(g), key_(read_api_key(Provider::key_variable, g)), printer_(g.json, key_) {}

  // The global flags the command was given.
  const globals& settings() const { return globals_; }

  // Runs one operation and prints its outcome; returns the exit code.
  //   build(config) -> result<http::request>   the library's builder, for --dry-run
  //   call(client&) -> result<T>                the client's method
  //   show(const T&) -> shown                   how a success prints
  //   reconcile: what to check before trying again after outcome_unknown.
  template <class Build, class Call, class Show>
  int execute(Build&& build, Call&& call, Show&& show, std::string_view reconcile) const {
    typename Provider::config cfg;
    cfg.api_key = key_;
    if (!globals_.base_url.empty()) cfg.base_url = globals_.base_url;
    if (globals_.verbose)
      cfg.observe = [](const vnum::call_event& e) { std::cerr << event_line(e) << '\n'; };
    if (globals_.dry_run) {
      auto request = build(std::as_const(cfg));
      if (!request) return printer_.failure(request.error(), reconcile);
      printer_.request(*request);
      return exit_ok;
    }
    vnum::curl_transport transport{transport_options(globals_)};
    if (globals_.record.empty())
      return send(std::move(transport), std::move(cfg), call, show, reconcile);
    auto earlier = start_recording(globals_.record, cfg.base_url);
    return send(vnum::testing::recording_transport<vnum::curl_transport>{std::move(transport),
                                                                         globals_.record, earlier},
                std::move(cfg), call, show, reconcile);
  }

 private:
  template <class Transport, class Call, class Show>
  int send(Transport transport, typename Provider::config cfg, Call& call, Show& show,
           std::string_view reconcile) const {
    typename Provider::template client<Transport> client{std::move(transport), std::move(cfg)};
    auto answer = call(client);
    if (!answer) return printer_.failure(answer.error(), reconcile);
    printer_.success(show(*answer));
    return exit_ok;
  }

  const globals& globals_;
  std::string key_;
  printer printer_;
};

// Holds the command chosen on the command line: each command's callback (run by CLI11 once
// parsing is complete) leaves its action here, and main runs it.
class runner {
 public:
  explicit runner(const globals& g) : globals_(g) {}

  template <class Provider>
  void command(CLI::App* cmd, std::function<int(const session<Provider>&)> body) {
    cmd->callback([this, body = std::move(body)] {
      action_ = [this, body] { return body(session<Provider>(globals_)); };
    });
  }

  // A command with no provider and no API key (vnumctl ledger ...): body(globals).
  void plain_command(CLI::App* cmd, std::function<int(const globals&)> body) {
    cmd->callback(
        [this, body = std::move(body)] { action_ = [this, body] { return body(globals_); }; });
  }

  int run() const {
    if (!action_) return printer(globals_.json, "").usage("no command given (see vnumctl --help)");
    try {
      return action_();
    } catch (const usage_error& e) {
      return printer(globals_.json, "").usage(e.what());
    } catch (const std::exception& e) {
      // Nothing in vnum throws; this is a bug of vnumctl's, or out of memory.
      std::cerr << "vnumctl: internal error: " << e.what() << '\n';
      return exit_failed;
    }
  }

 private:
  const globals& globals_;
  std::function<int()> action_;
};

}  // namespace vnumctl

#endif  // VNUM_APPS_VNUMCTL_SESSION_HPP
