// vnum::curl_transport against servers written for the test, on 127.0.0.1 only: one that answers
// properly, and ones that misbehave (accept and never answer, never read, close mid-body, stream an
// endless body, let the body stall, answer a TLS hello with plain text, nothing listening, a full
// accept queue). Each asserts the exact errc and that the call returned within its timeout plus a
// second.
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include "loopback_server.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace http = vnum::http;
using vnum::curl_transport;
using vnum::errc;
using namespace std::chrono_literals;

namespace {

constexpr auto slack = 1s;  // what a call may take beyond its timeout

curl_transport::options with_timeout(std::chrono::milliseconds timeout,
                                     std::size_t max_response_bytes = std::size_t{8} << 20) {
  curl_transport::options o;
  o.timeout = timeout;
  o.connect_timeout = std::min(timeout, std::chrono::milliseconds(1000));
  o.max_response_bytes = max_response_bytes;
  return o;
}

http::request request(http::method m, std::string url, std::string body = {}) {
  return {m,
          std::move(url),
          {{"authorization", "Bearer sk_live_SECRET"},
           {"accept", "application/json"},
           {"content-type", "application/json"}},
          std::move(body)};
}

struct timed_result {
  vnum::result<http::response> answer;
  std::chrono::milliseconds took;
};

timed_result send_timed(curl_transport& t, const http::request& r) {
  const auto start = std::chrono::steady_clock::now();
  auto answer = t.send(r);
  return {std::move(answer), std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - start)};
}

// The exact errc, a message that names the host and port and holds no header value.
void require_failure(const timed_result& r, errc code, const loopback::server& s) {
  INFO("took " << r.took.count() << " ms");
  REQUIRE_FALSE(r.answer);
  INFO(r.answer.error().message);
  CHECK(r.answer.error().code == code);
  CHECK(r.answer.error().http_status == 0);
  CHECK(r.answer.error().message.find("127.0.0.1:" + std::to_string(s.port())) !=
        std::string::npos);
  CHECK(r.answer.error().message.find("SECRET") == std::string::npos);
}

const std::string ok_answer = loopback::answer(200, R"({"ok":true})");

// Answers every request on the connection with `reply`, keeping it alive.
loopback::server::behavior keep_answering(std::string reply = ok_answer) {
  return [reply](loopback::connection& c) {
    while (c.read_request())
      if (!c.send(reply)) return;
  };
}

// Sets an environment variable for one scope.
struct scoped_env {
  std::string name;
  scoped_env(std::string n, const std::string& value) : name(std::move(n)) {
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~scoped_env() { ::unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("an answer: status, headers and body as the server sent them") {
  loopback::server s(
      keep_answering(loopback::answer(201, R"({"data":1})",
                                      "Content-Type: application/json\r\nX-Request-Id: "
                                      "abc\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n")));
  curl_transport t{with_timeout(5s)};
  auto r = send_timed(t, request(http::method::post, s.url("/v1/numbers"), R"({"n":1})"));
  REQUIRE(r.answer);
  CHECK(r.answer->status == 201);
  CHECK(r.answer->body == R"({"data":1})");
  CHECK(r.answer->headers == std::vector<http::header>{{"Content-Type", "application/json"},
                                                       {"X-Request-Id", "abc"},
                                                       {"Set-Cookie", "a=1"},
                                                       {"Set-Cookie", "b=2"},
                                                       {"Content-Length", "10"}});
}

TEST_CASE("every status is a response, headers kept; a redirect is not followed") {
  std::atomic<int> n{0};
  loopback::server s([&](loopback::connection& c) {
    while (c.read_request()) {
      switch (n++) {
        case 0:
          c.send(loopback::answer(500, R"({"error":"boom"})"));
          break;
        case 1:
          c.send(loopback::answer(429, "{}", "Retry-After: 17\r\n"));
          break;
        case 2:
          c.send("HTTP/1.1 204 No Content\r\n\r\n");
          break;
        default:
          c.send(loopback::answer(302, "", "Location: http://127.0.0.1:1/elsewhere\r\n"));
          break;
      }
    }
  });
  curl_transport t{with_timeout(5s)};
  auto a = t.send(request(http::method::post, s.url()));
  REQUIRE(a);
  CHECK(a->status == 500);
  CHECK(a->body == R"({"error":"boom"})");
  auto b = t.send(request(http::method::get, s.url()));
  REQUIRE(b);
  CHECK(b->status == 429);
  CHECK(http::find_header(*b, "retry-after") == "17");
  auto c = t.send(request(http::method::delete_, s.url()));
  REQUIRE(c);
  CHECK(c->status == 204);
  CHECK(c->body.empty());
  auto d = t.send(request(http::method::get, s.url()));
  REQUIRE(d);
  CHECK(d->status == 302);
  CHECK(s.requests() == 4);  // the Location was not followed

  // Through a client: the 429's Retry-After reaches the parser.
  vnum::identitycall::config cfg;
  cfg.api_key = "idc_key";
  cfg.base_url = "http://127.0.0.1:" + std::to_string(s.port());
  n = 1;
  vnum::identitycall::client<curl_transport&> client{t, cfg};
  auto listed = client.list_virtual_numbers();
  REQUIRE_FALSE(listed);
  CHECK(listed.error().code == errc::rate_limited);
  CHECK(listed.error().retry_after == std::chrono::seconds(17));
}

TEST_CASE("the request on the wire: method, target, headers and body; no Expect, no form type") {
  loopback::server s(keep_answering());
  curl_transport t{with_timeout(5s)};
  auto patch = request(http::method::patch, s.url("/v1/x/7?operator_id=3"), R"({"name":"a"})");
  patch.headers.push_back({"x-empty", ""});
  REQUIRE(t.send(patch));
  http::request bare{http::method::delete_, s.url("/v1/x/7"), {}, {}};
  REQUIRE(t.send(bare));
  REQUIRE(t.send(request(http::method::get, s.url("/v1/list"))));
  http::request put_no_type{http::method::put, s.url("/v1/u/1"), {}, "x"};
  REQUIRE(t.send(put_no_type));

  const auto got = s.received();
  REQUIRE(got.size() == 4);
  CHECK(got[0].starts_with("PATCH /v1/x/7?operator_id=3 HTTP/1.1\r\n"));
  CHECK(got[0].find("\r\nauthorization: Bearer sk_live_SECRET\r\n") != std::string::npos);
  CHECK(got[0].find("\r\ncontent-type: application/json\r\n") != std::string::npos);
  CHECK(got[0].find("\r\nx-empty:") != std::string::npos);
  CHECK(got[0].find("Content-Length: 12\r\n") != std::string::npos);
  CHECK(got[0].ends_with("\r\n\r\n{\"name\":\"a\"}"));
  CHECK(got[0].find("Expect") == std::string::npos);
  CHECK(got[1].starts_with("DELETE /v1/x/7 HTTP/1.1\r\n"));
  CHECK(got[1].find("Content-Length: 0\r\n") != std::string::npos);
  CHECK(got[2].starts_with("GET /v1/list HTTP/1.1\r\n"));
  CHECK(got[2].find("Content-Length") == std::string::npos);
  CHECK(got[3].starts_with("PUT /v1/u/1 HTTP/1.1\r\n"));
  for (const auto& each : got) {
    CHECK(each.find("x-www-form-urlencoded") == std::string::npos);
    CHECK(each.find("Transfer-Encoding") == std::string::npos);
  }
}

TEST_CASE("consecutive requests to the same host share one kept-alive connection") {
  loopback::server s(keep_answering());
  curl_transport t{with_timeout(5s)};
  for (int i = 0; i < 5; ++i) REQUIRE(t.send(request(http::method::post, s.url(), "{}")));
  CHECK(s.requests() == 5);
  CHECK(s.accepted() == 1);
}

TEST_CASE("one instance shared by threads: requests are serialized on its one connection") {
  std::atomic<int> busy{0};
  std::atomic<bool> overlapped{false};
  loopback::server s([&](loopback::connection& c) {
    while (c.read_request()) {
      if (busy++ != 0) overlapped = true;
      c.pause(2ms);
      --busy;
      if (!c.send(ok_answer)) return;
    }
  });
  curl_transport shared{with_timeout(10s)};
  std::atomic<int> ok{0};
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] {
      for (int j = 0; j < 10; ++j)
        if (auto r = shared.send(request(http::method::post, s.url(), "{}")); r && r->status == 200)
          ++ok;
    });
  for (auto& th : pool) th.join();
  CHECK(ok == 40);
  CHECK(s.requests() == 40);
  CHECK(s.accepted() == 1);  // one handle, one connection, one request at a time
  CHECK_FALSE(overlapped);
}

TEST_CASE("a listener that accepts and never answers: outcome_unknown at the timeout") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.idle();
  });
  curl_transport t{with_timeout(1000ms)};
  auto r = send_timed(t, request(http::method::post, s.url(), R"({"buy":1})"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took >= 900ms);
  CHECK(r.took < 1000ms + slack);
  CHECK(s.requests() == 1);
}

TEST_CASE("a listener that accepts and never reads: the request was written, outcome_unknown") {
  loopback::server s([](loopback::connection& c) { c.pause(60s); });
  curl_transport t{with_timeout(1000ms)};
  auto r = send_timed(t, request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took < 1000ms + slack);
}

TEST_CASE("a connection closed after the request without a byte of answer: outcome_unknown") {
  loopback::server s([](loopback::connection& c) { c.read_request(); });
  curl_transport t{with_timeout(5s)};
  auto r = send_timed(t, request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took < slack);
}

TEST_CASE("a connection closed mid-body: outcome_unknown") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
  });
  curl_transport t{with_timeout(5s)};
  auto r = send_timed(t, request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took < slack);
}

TEST_CASE("a body that stalls: outcome_unknown at the timeout") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{");
    while (c.pause(100ms) && c.send(" ")) {
    }
  });
  curl_transport t{with_timeout(1000ms)};
  auto r = send_timed(t, request(http::method::get, s.url()));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took >= 900ms);
  CHECK(r.took < 1000ms + slack);
}

TEST_CASE("an endless body: protocol once max_response_bytes is passed, long before the timeout") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    const std::string chunk = "4000\r\n" + std::string(0x4000, 'x') + "\r\n";
    while (c.send(chunk)) {
    }
  });
  curl_transport t{with_timeout(10s, 64 * 1024)};
  auto r = send_timed(t, request(http::method::get, s.url()));
  require_failure(r, errc::protocol, s);
  CHECK(r.answer.error().message.find("larger than max_response_bytes (65536)") !=
        std::string::npos);
  CHECK(r.took < slack);
}

TEST_CASE("a Content-Length above max_response_bytes: protocol before the body is read") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n");
    c.idle();  // the body never comes: waiting for it would end at the timeout
  });
  curl_transport t{with_timeout(10s, 1024)};
  auto r = send_timed(t, request(http::method::get, s.url()));
  require_failure(r, errc::protocol, s);
  CHECK(r.answer.error().message.find("larger than max_response_bytes (1024)") !=
        std::string::npos);
  CHECK(r.took < slack);
}

TEST_CASE("a body of exactly max_response_bytes is an answer; one byte more is protocol") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send(loopback::answer(200, std::string(100, 'a')));
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n" + std::string(101, 'a') +
           "\r\n0\r\n\r\n");
  });
  curl_transport t{with_timeout(5s, 100)};
  auto fits = t.send(request(http::method::get, s.url()));
  REQUIRE(fits);
  CHECK(fits->body.size() == 100);
  auto r = send_timed(t, request(http::method::get, s.url()));
  require_failure(r, errc::protocol, s);
}

TEST_CASE("a reused connection closed after the request: outcome_unknown, and never sent twice") {
  // libcurl on its own resends a request whose reused connection closed before any answer; for a
  // purchase that buys twice. The first request is answered and keeps the connection; the second
  // is read, then the connection closes.
  std::atomic<int> n{0};
  loopback::server s([&](loopback::connection& c) {
    while (c.read_request()) {
      if (n++ == 1) return;  // close without answering
      if (!c.send(ok_answer)) return;
    }
  });
  curl_transport t{with_timeout(5s)};
  REQUIRE(t.send(request(http::method::get, s.url("/v1/list"))));
  auto r = send_timed(t, request(http::method::post, s.url("/v1/purchase"), R"({"buy":1})"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.answer.error().message.find("it was not sent again") != std::string::npos);
  CHECK(r.took < slack);
  const auto got = s.received();
  REQUIRE(got.size() == 2);
  CHECK(got[1].starts_with("POST /v1/purchase "));
  // The next request goes out normally, on a new connection.
  REQUIRE(t.send(request(http::method::get, s.url("/v1/list"))));
  CHECK(s.requests() == 3);
}

TEST_CASE("nothing listening: transport, at once") {
  const int port = loopback::closed_port();
  curl_transport t{with_timeout(5s)};
  auto r = send_timed(
      t, request(http::method::post, "http://127.0.0.1:" + std::to_string(port) + "/x", "{}"));
  REQUIRE_FALSE(r.answer);
  CHECK(r.answer.error().code == errc::transport);
  CHECK(r.answer.error().message.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
  CHECK(r.answer.error().message.find("Couldn't connect to server") != std::string::npos);
  CHECK(r.took < slack);
}

TEST_CASE(
    "a connect that cannot complete (a full accept queue): transport at the connect timeout") {
  loopback::server s(loopback::server::no_accept_t{});
  // Fill the listener's queue (backlog 0): later SYNs are dropped and connects wait.
  std::vector<int> fillers;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(s.port()));
  for (int i = 0; i < 3; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    (void)::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    fillers.push_back(fd);
  }
  std::this_thread::sleep_for(50ms);
  curl_transport::options o = with_timeout(5s);
  o.connect_timeout = 500ms;
  curl_transport t{o};
  auto r = send_timed(t, request(http::method::post, s.url(), "{}"));
  for (int fd : fillers) ::close(fd);
  require_failure(r, errc::transport, s);
  CHECK(r.took < 500ms + slack);
  // Where the kernel refuses instead of dropping (tcp_abort_on_overflow), it is a refused connect.
  std::ifstream abort_on_overflow("/proc/sys/net/ipv4/tcp_abort_on_overflow");
  int refuses = 0;
  abort_on_overflow >> refuses;
  if (refuses == 0) {
    CHECK(r.took >= 400ms);
    CHECK(r.answer.error().message.find("Timeout was reached") != std::string::npos);
  }
}

TEST_CASE("a TLS handshake that fails: transport, and no byte of the request went out") {
  std::string first_bytes;
  loopback::server s([&](loopback::connection& c) {
    first_bytes = c.read_some();  // the ClientHello
    c.send("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
  });
  curl_transport t{with_timeout(5s)};
  auto r = send_timed(
      t, request(http::method::post,
                 "https://127.0.0.1:" + std::to_string(s.port()) + "/v1/purchase", "{}"));
  s.stop();
  require_failure(r, errc::transport, s);
  CHECK(r.took < slack);
  REQUIRE_FALSE(first_bytes.empty());
  CHECK(first_bytes[0] == '\x16');  // a TLS handshake record, not "POST"
  CHECK(first_bytes.find("purchase") == std::string::npos);
}

TEST_CASE("loopback is reached directly, whatever proxy the environment names") {
  loopback::server s(keep_answering());
  const std::string dead_proxy = "http://127.0.0.1:" + std::to_string(loopback::closed_port());
  scoped_env a("http_proxy", dead_proxy), b("HTTPS_PROXY", dead_proxy), c("ALL_PROXY", dead_proxy);
  curl_transport t{with_timeout(5s)};
  auto r = t.send(request(http::method::get, s.url()));
  REQUIRE(r);
  CHECK(r->status == 200);
}
