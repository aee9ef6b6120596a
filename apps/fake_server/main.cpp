// vnum-fake-server: vnum's in-process fakes (vnum::testing::fake_cellcast, fake_identitycall)
// served over HTTP on 127.0.0.1, for tests that run in another process or language, or that test
// a transport.
//
//   vnum-fake-server cellcast|identitycall [--port N] [--world FILE] [--journal-limit N]
//   vnum-fake-server cellcast|identitycall [--world FILE] --check CASSETTE
//
// Binds 127.0.0.1 only (--port 0, the default, picks a free port). When ready it prints one line
// to stdout, {"url":"http://127.0.0.1:PORT","api_key":"..."}, and serves until SIGINT or SIGTERM,
// then exits 0. Exit 2: a usage error or a world file it refuses (the message names the key);
// exit 1: it could not listen.
//
// --check CASSETTE serves nothing: it sends each request of the cassette to a fresh fake (seeded by
// --world) and prints every difference between the fake's answers and the recorded ones
// (vnum::testing::replay_against, ids and timestamps ignored; a redacted Cellcast OTP is replaced
// with the one the fake sent). Exit 0: the fake conforms; 1: it differs; 2: a malformed cassette.
//
// Every route of the fake is served with the fake's own bodies and statuses. Admin routes:
//   POST /_fake/fault    {"kind": "request_lost"|"response_lost"|"status", "status": 503,
//                         "route": "<route name>", "retry_after": 30} arms a fault for the next
//                         (matching) request: request_lost closes the connection without applying
//                         the request, response_lost applies it then closes without answering,
//                         status answers that status (429 with Retry-After: retry_after).
//   GET  /_fake/journal  the last --journal-limit requests received (default 10 000), in order, as
//                         a JSON array of {sequence, method, path, query, headers, body, route,
//                         status, outcome}, the authorization header's credentials masked;
//                         ?after=N: only those whose sequence is above N; ?with_lost=1: also
//                         those an injected request_lost kept from arriving. Its headers
//                         Vnum-Journal-Limit, Vnum-Journal-Dropped and Vnum-Journal-Received say
//                         how many it keeps, let go and received in all.
//   GET  /_fake/state    the world the fake holds now, as JSON (state.hpp), never an API key.
//   GET  /_fake/         a page showing the state and the journal, with forms to arm faults and
//                         reset (page.hpp: self-contained, no network needed).
//   POST /_fake/reset    restores the world the server started with (journal and faults too).
//   GET  /_fake/otp?number=61400000000   (cellcast) the OTP "sent" to a custom number.
// Admin errors answer {"error": "..."} with 400 (or 404 for an unknown admin route).
//
// Threads: each connection is served on a thread of its own (server.hpp). A handler takes the
// current fake (a shared_ptr, swapped whole by reset), calls its send(), which takes and releases
// the fake's own lock, and only then does httplib write the answer: no thread holds the fake's lock
// while writing to a socket.
// SPDX-License-Identifier: MIT
#define VNUM_IMPLEMENTATION
#include <vnum/detail/json.hpp>
#include <vnum/http.hpp>
#include <vnum/testing/cassette.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "page.hpp"
#include "server.hpp"
#include "state.hpp"
#include "world.hpp"

#include <signal.h>

#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

namespace json = boost::json;
namespace http = vnum::http;
using vnum::testing::fault;

constexpr const char* usage =
    "usage: vnum-fake-server cellcast|identitycall [--port N] [--world FILE] [--journal-limit N]\n"
    "                        [--check CASSETTE]\n"
    "  Serves vnum's fake provider over HTTP on 127.0.0.1. Prints one line when ready:\n"
    "  {\"url\":\"http://127.0.0.1:PORT\",\"api_key\":\"...\"}; stops on SIGINT or SIGTERM.\n"
    "  --port N      the port to listen on (default 0: a free port)\n"
    "  --world FILE  a JSON world to seed the fake with (see README, \"The fake server\")\n"
    "  --journal-limit N  keep the last N requests in the journal (default 10000)\n"
    "  --check CASSETTE  serve nothing: replay the cassette against the fake, print every\n"
    "                difference; exit 0 if it conforms, 1 if not, 2 if the cassette is malformed\n";

void answer_json(httplib::Response& res, int status, const json::value& body) {
  res.status = status;
  res.set_content(json::serialize(body), "application/json");
}

void admin_error(httplib::Response& res, int status, std::string message) {
  answer_json(res, status, json::object{{"error", std::move(message)}});
}

std::optional<http::method> method_of(std::string_view m) {
  if (m == "GET" || m == "HEAD") return http::method::get;
  if (m == "POST") return http::method::post;
  if (m == "PUT") return http::method::put;
  if (m == "PATCH") return http::method::patch;
  if (m == "DELETE") return http::method::delete_;
  return std::nullopt;
}

// The headers httplib adds to a request for its handlers; they were not sent by the client.
bool added_by_httplib(std::string_view name) {
  for (std::string_view n : {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"})
    if (http::iequals(name, n)) return true;
  return false;
}

// "Bearer ***": the scheme stays, the credentials go.
std::string masked_authorization(std::string_view value) {
  auto space = value.find(' ');
  return space == std::string_view::npos ? "***" : std::string(value.substr(0, space + 1)) + "***";
}

template <class Route>
json::object journal_entry(const vnum::testing::journal_entry<Route>& e) {
  const http::request& r = e.request;
  const auto target = vnum::testing::detail::parse_target(r.url);
  json::object headers;
  for (const auto& h : r.headers) {
    std::string name = h.name;
    for (char& c : name) c = vnum::detail::to_lower(c);
    headers[name] = http::iequals(name, "authorization") ? masked_authorization(h.value) : h.value;
  }
  return {{"sequence", e.sequence},
          {"method", http::to_string(r.method)},
          {"path", target.path},
          {"query", target.query},
          {"headers", std::move(headers)},
          {"body", r.body},
          {"route", e.route ? json::value(to_string(*e.route)) : json::value(nullptr)},
          {"status", e.status},
          {"outcome", to_string(e.outcome)}};
}

template <class Route, std::size_t N>
std::optional<Route> route_named(std::string_view name, const std::array<Route, N>& all) {
  for (Route r : all)
    if (to_string(r) == name) return r;
  return std::nullopt;
}

// The fake of one provider behind the HTTP routes, and the world that reset restores.
template <class Fake, class World>
class provider {
  static constexpr bool is_cellcast = std::is_same_v<Fake, vnum::testing::fake_cellcast>;

 public:
  provider(World world, std::size_t journal_limit)
      : world_(std::move(world)), journal_limit_(journal_limit), fake_(make()) {}

  std::string api_key() const { return current()->api_key(); }

  void install(vnum_fake_server::server& svr, std::string base_url) {
    using httplib::Request;
    using httplib::Response;
    base_url_ = std::move(base_url);
    svr.Post("/_fake/fault", [this](const Request& req, Response& res) { arm(req, res); });
    svr.Get("/_fake/journal", [this](const Request& req, Response& res) { journal(req, res); });
    svr.Get("/_fake/state", [this](const Request&, Response& res) {
      answer_json(res, 200, vnum_fake_server::state_of(*current()));
    });
    svr.Get("/_fake/", [](const Request&, Response& res) {
      res.set_header("Cache-Control", "no-store");
      res.set_content(vnum_fake_server::page.data(), vnum_fake_server::page.size(),
                      "text/html; charset=utf-8");
    });
    svr.Get("/_fake", [](const Request&, Response& res) { res.set_redirect("/_fake/"); });
    svr.Post("/_fake/reset", [this](const Request&, Response& res) { reset(res); });
    if constexpr (is_cellcast)
      svr.Get("/_fake/otp", [this](const Request& req, Response& res) { otp(req, res); });
    const httplib::Server::Handler unknown_admin = [](const Request&, Response& res) {
      admin_error(res, 404,
                  is_cellcast ? "no such admin route (/_fake/, /_fake/fault, /_fake/journal, "
                                "/_fake/state, /_fake/reset, /_fake/otp)"
                              : "no such admin route (/_fake/, /_fake/fault, /_fake/journal, "
                                "/_fake/state, /_fake/reset)");
    };
    const httplib::Server::Handler forward = [this](const Request& req, Response& res) {
      serve(req, res);
    };
    svr.Get("/_fake/.*", unknown_admin).Get(".*", forward);
    svr.Post("/_fake/.*", unknown_admin).Post(".*", forward);
    svr.Put("/_fake/.*", unknown_admin).Put(".*", forward);
    svr.Patch("/_fake/.*", unknown_admin).Patch(".*", forward);
    svr.Delete("/_fake/.*", unknown_admin).Delete(".*", forward);
  }

 private:
  std::shared_ptr<Fake> make() const {
    auto fake = world_.make();
    fake->set_journal_limit(journal_limit_);
    return fake;
  }

  std::shared_ptr<Fake> current() const {
    std::lock_guard lock(mutex_);
    return fake_;
  }

  // A provider route: the request as the fake would receive it in process, its answer as is.
  void serve(const httplib::Request& req, httplib::Response& res) {
    http::request r;
    auto method = method_of(req.method);
    if (!method) return admin_error(res, 405, "method not allowed");
    r.method = *method;
    r.url = base_url_ + req.target;
    r.headers.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers)
      if (!added_by_httplib(name)) r.headers.push_back({name, value});
    r.body = req.body;
    // The fake's lock is released when send() returns; its journal keeps `r` itself.
    auto answer = current()->send(std::move(r));
    if (!answer) {
      // An injected request_lost (not applied) or response_lost (applied): no answer at all.
      vnum_fake_server::server::drop_connection();
      return;
    }
    res.status = answer->status;
    std::string content_type = "application/json";
    for (const auto& h : answer->headers) {
      if (http::iequals(h.name, "content-type"))
        content_type = h.value;
      else if (!http::iequals(h.name, "content-length"))
        res.set_header(h.name, h.value);
    }
    res.body = std::move(answer->body);  // what set_content does, without copying the body
    res.set_header("Content-Type", content_type);
  }

  void arm(const httplib::Request& req, httplib::Response& res) {
    auto body = vnum::detail::parse_json(req.body);
    if (!body || !body->is_object())
      return admin_error(res, 400,
                         "the body must be a JSON object: {\"kind\": \"request_lost\"|"
                         "\"response_lost\"|\"status\", \"status\": 503, \"route\": "
                         "\"<route name>\", \"retry_after\": 30}");
    try {
      vnum_fake_server::reader r(*body, "");
      r.only({"kind", "status", "route", "retry_after"});
      const std::string kind = r.text("kind", true).value();
      auto status = r.integer("status");
      auto retry_after = r.integer("retry_after");
      auto route_name = r.text("route");
      std::optional<fault> f;
      if (kind == "request_lost") f = fault::request_lost();
      if (kind == "response_lost") f = fault::response_lost();
      if (kind == "status") {
        if (!status || *status < 100 || *status > 599)
          vnum_fake_server::reader::fail("status",
                                         "must be an HTTP status (100 to 599) for kind status");
        f = fault::status(static_cast<int>(*status));
        if (retry_after) f->retry_after(std::chrono::seconds(*retry_after));
      } else if (status || retry_after) {
        vnum_fake_server::reader::fail(status ? "status" : "retry_after",
                                       "applies to kind status only");
      }
      if (!f)
        vnum_fake_server::reader::fail("kind", "must be request_lost, response_lost or status");
      auto fake = current();
      if (route_name) {
        auto route = route_named(*route_name, vnum_fake_server::routes_of(*fake));
        if (!route) {
          std::string names;
          for (auto each : vnum_fake_server::routes_of(*fake))
            names += (names.empty() ? "" : ", ") + std::string(to_string(each));
          vnum_fake_server::reader::fail(
              "route", "'" + *route_name + "' is not a route of this provider (" + names + ")");
        }
        fake->fail_next(*f, *route);
      } else {
        fake->fail_next(*f);
      }
      answer_json(res, 200, json::object{{"armed", *body}});
    } catch (const vnum_fake_server::world_error& e) {
      admin_error(res, 400, e.what());
    }
  }

  void journal(const httplib::Request& req, httplib::Response& res) {
    std::uint64_t after = 0;
    if (req.has_param("after")) {
      const std::string text = req.get_param_value("after");
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), after);
      if (ec != std::errc() || end != text.data() + text.size())
        return admin_error(res, 400,
                           "after must be a sequence number (0 or more), not '" + text + "'");
    }
    // One copy of the fake's counters and entries, so that the headers agree with the body.
    auto fake = current();
    json::array out;
    // A lost request never arrived (as the fake's journal() says); the page asks to see it too.
    const bool with_lost = req.get_param_value("with_lost") == "1";
    for (const auto& e : fake->journal_entries(after))
      if (with_lost || e.outcome != vnum::testing::journal_outcome::request_lost)
        out.push_back(journal_entry(e));
    res.set_header("Vnum-Journal-Limit", std::to_string(fake->journal_limit()));
    res.set_header("Vnum-Journal-Dropped", std::to_string(fake->journal_dropped()));
    res.set_header("Vnum-Journal-Received", std::to_string(fake->journal_received()));
    answer_json(res, 200, out);
  }

  void reset(httplib::Response& res) {
    auto fresh = make();
    {
      std::lock_guard lock(mutex_);
      fake_ = std::move(fresh);
    }
    answer_json(res, 200, json::object{{"reset", true}});
  }

  void otp(const httplib::Request& req, httplib::Response& res) {
    if constexpr (is_cellcast) {
      std::string number = req.get_param_value("number");  // '+' arrives as ' ' when not %2B
      while (!number.empty() && (number.front() == ' ' || number.front() == '+'))
        number.erase(0, 1);
      if (number.empty())
        return admin_error(res, 400, "give the number: /_fake/otp?number=61400000000");
      auto code = current()->otp_for("+" + number);
      if (!code) return admin_error(res, 404, "no OTP awaits verification for +" + number);
      answer_json(res, 200, json::object{{"number", "+" + number}, {"otp", *code}});
    } else {
      (void)req;
      admin_error(res, 404, "no such admin route");
    }
  }

  const World world_;
  const std::size_t journal_limit_;
  std::string base_url_;
  mutable std::mutex mutex_;  // guards fake_ (the pointer), never held while serving
  std::shared_ptr<Fake> fake_;
};

struct arguments {
  std::string provider;
  int port = 0;
  std::string world;
  std::string check;
  std::size_t journal_limit = vnum::testing::default_journal_limit;
};

// nullopt after printing a usage error; exits 0 after --help.
std::optional<arguments> parse_arguments(int argc, char** argv) {
  arguments a;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string_view name) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        std::cerr << "vnum-fake-server: " << name << " needs a value\n" << usage;
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << usage;
      std::exit(0);
    } else if (arg == "--port") {
      auto v = value(arg);
      if (!v) return std::nullopt;
      int port = -1;
      auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), port);
      if (ec != std::errc() || end != v->data() + v->size() || port < 0 || port > 65535) {
        std::cerr << "vnum-fake-server: --port must be 0 to 65535, not '" << *v << "'\n";
        return std::nullopt;
      }
      a.port = port;
    } else if (arg == "--journal-limit") {
      auto v = value(arg);
      if (!v) return std::nullopt;
      std::size_t limit = 0;
      auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), limit);
      if (ec != std::errc() || end != v->data() + v->size()) {
        std::cerr << "vnum-fake-server: --journal-limit must be a number of requests (0 or more), "
                     "not '"
                  << *v << "'\n";
        return std::nullopt;
      }
      a.journal_limit = limit;
    } else if (arg == "--world") {
      auto v = value(arg);
      if (!v) return std::nullopt;
      a.world = *v;
    } else if (arg == "--check") {
      auto v = value(arg);
      if (!v) return std::nullopt;
      a.check = *v;
    } else if (a.provider.empty() && (arg == "cellcast" || arg == "identitycall")) {
      a.provider = arg;
    } else {
      std::cerr << "vnum-fake-server: unexpected argument '" << arg << "'\n" << usage;
      return std::nullopt;
    }
  }
  if (a.provider.empty()) {
    std::cerr << "vnum-fake-server: name the provider: cellcast or identitycall\n" << usage;
    return std::nullopt;
  }
  return a;
}

// --check: the cassette replayed against a fresh fake of the world.
template <class Fake, class World>
int check(const World& world, const std::string& cassette_path) {
  auto cassette = vnum::testing::load_cassette(cassette_path);
  if (!cassette) {
    std::cerr << "vnum-fake-server: cassette refused: " << cassette.error().message << '\n';
    return 2;
  }
  std::shared_ptr<Fake> fake = world.make();
  vnum::testing::replay_options options;
  if constexpr (std::is_same_v<Fake, vnum::testing::fake_cellcast>) {
    options.prepare = [fake](http::request& r) {  // the OTP the fake sent, for the redacted one
      if (r.url.find("/verifyCustomNumber") == std::string::npos) return;
      json::error_code ec;
      json::value body = json::parse(r.body, ec);
      if (ec || !body.is_object() || !body.as_object().contains("number") ||
          !body.as_object().at("number").is_string())
        return;
      if (auto otp = fake->otp_for(std::string(body.as_object().at("number").as_string())))
        body.as_object()["otp"] = *otp;
      r.body = json::serialize(body);
    };
  }
  const auto report = vnum::testing::replay_against(*fake, *cassette, options);
  std::cout << report << '\n';
  return report.ok() ? 0 : 1;
}

template <class Fake, class World>
int run(const arguments& args, sigset_t signals) {
  World world;
  if (!args.world.empty()) {
    try {
      world = vnum_fake_server::load_world<World>(args.world);
    } catch (const vnum_fake_server::world_error& e) {
      std::cerr << "vnum-fake-server: world file refused: " << e.what() << '\n';
      return 2;
    }
  }
  if (!args.check.empty()) return check<Fake>(world, args.check);
  provider<Fake, World> fake(std::move(world), args.journal_limit);

  vnum_fake_server::server svr;
  svr.set_keep_alive_max_count(1000);
  svr.set_keep_alive_timeout(30);
  svr.set_payload_max_length(std::size_t{1} << 20);
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
        admin_error(res, 500, "vnum-fake-server: internal error");
      });
  svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty())
      admin_error(res, res.status, "HTTP " + std::to_string(res.status) + " for " + req.method);
  });
  int port = args.port;
  if (port == 0) {
    port = svr.bind_to_any_port("127.0.0.1");
    if (port < 0) port = 0;
  } else if (!svr.bind_to_port("127.0.0.1", port)) {
    port = 0;
  }
  if (port == 0) {
    std::cerr << "vnum-fake-server: cannot listen on 127.0.0.1:" << args.port << '\n';
    return 1;
  }
  vnum_fake_server::server::widen_backlog(port);
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  fake.install(svr, url);

  // SIGINT and SIGTERM are blocked in every thread and taken here: stop() is not async-signal-safe.
  // The wait wakes every 100 ms to see whether the server ended by itself.
  std::atomic<bool> listening_done{false};
  std::thread stopper([&] {
    const timespec tick{0, 100'000'000};
    while (!listening_done) {
      if (sigtimedwait(&signals, nullptr, &tick) < 0) continue;  // no signal yet (or EINTR)
      while (!svr.is_running() && !listening_done)               // a signal before listening began
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      svr.stop();
      return;
    }
  });

  std::cout << json::serialize(json::object{{"url", url}, {"api_key", fake.api_key()}})
            << std::endl;
  const bool clean = svr.listen_after_bind();
  listening_done = true;
  stopper.join();
  return clean ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  auto args = parse_arguments(argc, argv);
  if (!args) return 2;
  // Taken by sigwait in run(), even when the parent started this process with them ignored (as a
  // shell does for `vnum-fake-server ... &`).
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  if (args->provider == "cellcast")
    return run<vnum::testing::fake_cellcast, vnum_fake_server::cellcast_world>(*args, signals);
  return run<vnum::testing::fake_identitycall, vnum_fake_server::identitycall_world>(*args,
                                                                                     signals);
}
