// vnum::beast_transport against servers written for the test, on 127.0.0.1 only: one that answers
// properly, and ones that misbehave (accept and never answer, never read, close mid-body, stream an
// endless body, let the body stall, answer a TLS hello with plain text, nothing listening, a full
// accept queue), as curl_loopback_test does for curl_transport; then what only the asynchronous
// transport has: completion tokens, cancellation, concurrent operations on one instance; then
// certificates, against a TLS server whose CA the test makes (tls_server.hpp). Each asserts the
// exact errc and that the operation ended within its timeout plus a second.
#include <vnum/transport/beast.hpp>

#include "beast_send.hpp"
#include "loopback_server.hpp"
#include "process.hpp"
#include "tls_server.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace http = vnum::http;
using beast_test::send;
using beast_test::timed_result;
using vnum::beast_transport;
using vnum::errc;
using namespace std::chrono_literals;

namespace {

constexpr auto slack = 1s;  // what an operation may take beyond its timeout

beast_transport::options with_timeout(std::chrono::milliseconds timeout,
                                      std::size_t max_response_bytes = std::size_t{8} << 20) {
  beast_transport::options o;
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

std::string where(const loopback::server& s) { return "127.0.0.1:" + std::to_string(s.port()); }

const std::string ok_answer = loopback::answer(200, R"({"ok":true})");

// Answers every request on the connection with `reply`, keeping it alive.
loopback::server::behavior keep_answering(std::string reply = ok_answer) {
  return [reply](loopback::connection& c) {
    while (c.read_request())
      if (!c.send(reply)) return;
  };
}

// One transport on an io_context run by the test's thread.
struct fixture {
  explicit fixture(beast_transport::options o) : transport(io.get_executor(), std::move(o)) {}
  timed_result send(const http::request& r) { return beast_test::send(io, transport, r); }
  asio::io_context io;
  beast_transport transport;
};

}  // namespace

TEST_CASE("an answer: status, headers and body as the server sent them") {
  loopback::server s(
      keep_answering(loopback::answer(201, R"({"data":1})",
                                      "Content-Type: application/json\r\nX-Request-Id: "
                                      "abc\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n")));
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::post, s.url("/v1/numbers"), R"({"n":1})"));
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
  fixture f{with_timeout(5s)};
  auto a = f.send(request(http::method::post, s.url()));
  REQUIRE(a.answer);
  CHECK(a.answer->status == 500);
  CHECK(a.answer->body == R"({"error":"boom"})");
  auto b = f.send(request(http::method::get, s.url()));
  REQUIRE(b.answer);
  CHECK(b.answer->status == 429);
  CHECK(http::find_header(*b.answer, "retry-after") == "17");
  auto c = f.send(request(http::method::delete_, s.url()));
  REQUIRE(c.answer);
  CHECK(c.answer->status == 204);
  CHECK(c.answer->body.empty());
  auto d = f.send(request(http::method::get, s.url()));
  REQUIRE(d.answer);
  CHECK(d.answer->status == 302);
  CHECK(s.requests() == 4);  // the Location was not followed
  CHECK(s.accepted() == 1);
}

TEST_CASE("an interim 1xx answer is skipped; the final answer is returned") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok_answer);
    c.idle(5s);
  });
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::get, s.url()));
  REQUIRE(r.answer);
  CHECK(r.answer->status == 200);
  CHECK(r.answer->body == R"({"ok":true})");
  CHECK_FALSE(http::find_header(*r.answer, "link"));
}

TEST_CASE("the request on the wire: method, target, headers and body; no Expect, no form type") {
  loopback::server s(keep_answering());
  fixture f{with_timeout(5s)};
  auto patch =
      request(http::method::patch, s.url("/v1/x/7?operator_id=3#fragment"), R"({"name":"a"})");
  patch.headers.push_back({"x-empty", ""});
  REQUIRE(f.send(patch).answer);
  http::request bare{http::method::delete_, s.url("/v1/x/7"), {}, {}};
  REQUIRE(f.send(bare).answer);
  REQUIRE(f.send(request(http::method::get, s.url("/v1/list"))).answer);
  http::request put_no_type{http::method::put, s.url("/v1/u/1"), {}, "x"};
  REQUIRE(f.send(put_no_type).answer);
  http::request query_only{
      http::method::get, "http://127.0.0.1:" + std::to_string(s.port()) + "?page=2", {}, {}};
  REQUIRE(f.send(query_only).answer);

  const auto got = s.received();
  REQUIRE(got.size() == 5);
  CHECK(got[0].starts_with("PATCH /v1/x/7?operator_id=3 HTTP/1.1\r\n"));
  CHECK(got[0].find("\r\nauthorization: Bearer sk_live_SECRET\r\n") != std::string::npos);
  CHECK(got[0].find("\r\ncontent-type: application/json\r\n") != std::string::npos);
  CHECK(got[0].find("\r\nx-empty: \r\n") != std::string::npos);
  CHECK(got[0].find("\r\nHost: " + where(s) + "\r\n") != std::string::npos);
  CHECK(got[0].find("Content-Length: 12\r\n") != std::string::npos);
  CHECK(got[0].ends_with("\r\n\r\n{\"name\":\"a\"}"));
  CHECK(got[0].find("Expect") == std::string::npos);
  CHECK(got[1].starts_with("DELETE /v1/x/7 HTTP/1.1\r\n"));
  CHECK(got[1].find("Content-Length: 0\r\n") != std::string::npos);
  CHECK(got[2].starts_with("GET /v1/list HTTP/1.1\r\n"));
  CHECK(got[2].find("Content-Length") == std::string::npos);
  CHECK(got[3].starts_with("PUT /v1/u/1 HTTP/1.1\r\n"));
  CHECK(got[4].starts_with("GET /?page=2 HTTP/1.1\r\n"));
  for (const auto& each : got) {
    CHECK(each.find("x-www-form-urlencoded") == std::string::npos);
    CHECK(each.find("Transfer-Encoding") == std::string::npos);
    CHECK(each.find("Accept-Encoding") == std::string::npos);
  }
}

TEST_CASE("consecutive requests to the same host share one kept-alive connection") {
  loopback::server s(keep_answering());
  fixture f{with_timeout(5s)};
  for (int i = 0; i < 5; ++i) REQUIRE(f.send(request(http::method::post, s.url(), "{}")).answer);
  CHECK(s.requests() == 5);
  CHECK(s.accepted() == 1);
}

TEST_CASE("an answer with Connection: close is not kept; the next request opens a connection") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send(loopback::answer(200, "{}", "Connection: close\r\n"));
    c.idle(5s);
  });
  fixture f{with_timeout(5s)};
  REQUIRE(f.send(request(http::method::get, s.url())).answer);
  REQUIRE(f.send(request(http::method::get, s.url())).answer);
  CHECK(s.accepted() == 2);
}

TEST_CASE("an idle connection the server closed is noticed: the request goes on a new one, once") {
  loopback::server s([](loopback::connection& c) {
    if (c.read_request()) c.send(ok_answer);  // then closes the kept-alive connection
  });
  fixture f{with_timeout(5s)};
  REQUIRE(f.send(request(http::method::get, s.url())).answer);
  std::this_thread::sleep_for(100ms);  // the close reaches the idle connection
  auto r = f.send(request(http::method::post, s.url("/v1/purchase"), "{}"));
  REQUIRE(r.answer);
  CHECK(r.answer->status == 200);
  CHECK(s.accepted() == 2);
  CHECK(s.requests() == 2);
}

TEST_CASE("a listener that accepts and never answers: outcome_unknown at the timeout") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.idle();
  });
  fixture f{with_timeout(1000ms)};
  auto r = f.send(request(http::method::post, s.url(), R"({"buy":1})"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.answer.error().message ==
        "no complete answer from " + where(s) +
            " after the request was sent, so it may have taken effect: the timeout (1000 ms) "
            "passed");
  CHECK(r.took >= 900ms);
  CHECK(r.took < 1000ms + slack);
  CHECK(s.requests() == 1);
}

TEST_CASE("a listener that accepts and never reads: the request was written, outcome_unknown") {
  loopback::server s([](loopback::connection& c) { c.pause(60s); });
  fixture f{with_timeout(1000ms)};
  auto r = f.send(request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took < 1000ms + slack);
}

TEST_CASE("a listener that never reads a large body: outcome_unknown at the timeout") {
  loopback::server s([](loopback::connection& c) { c.pause(60s); });
  fixture f{with_timeout(1000ms)};
  auto r = f.send(request(http::method::post, s.url(), std::string(32 << 20, 'x')));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.took >= 900ms);
  CHECK(r.took < 1000ms + slack);
}

TEST_CASE("a connection closed after the request without a byte of answer: outcome_unknown") {
  loopback::server s([](loopback::connection& c) { c.read_request(); });
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.answer.error().message ==
        "no complete answer from " + where(s) +
            " after the request was sent, so it may have taken effect: the connection closed "
            "before any answer (end of stream)");
  CHECK(r.took < slack);
}

TEST_CASE("a connection closed mid-body: outcome_unknown") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
  });
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.answer.error().message.ends_with(
      "the connection closed before the answer was complete (partial message)"));
  CHECK(r.took < slack);
}

TEST_CASE("an answer that is not HTTP: outcome_unknown") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    c.idle(5s);
  });
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::post, s.url(), "{}"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.answer.error().message.find("reading the answer failed: ") != std::string::npos);
  CHECK(r.took < slack);
}

TEST_CASE("a body that stalls: outcome_unknown at the timeout") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{");
    while (c.pause(100ms) && c.send(" ")) {
    }
  });
  fixture f{with_timeout(1000ms)};
  auto r = f.send(request(http::method::get, s.url()));
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
  fixture f{with_timeout(10s, 64 * 1024)};
  auto r = f.send(request(http::method::get, s.url()));
  require_failure(r, errc::protocol, s);
  CHECK(r.answer.error().message ==
        "answer from " + where(s) +
            " refused: the answer's body is larger than max_response_bytes (65536): reading "
            "stopped there");
  CHECK(r.took < slack);
}

TEST_CASE("a Content-Length above max_response_bytes: protocol before the body is read") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n");
    c.idle();  // the body never comes: waiting for it would end at the timeout
  });
  fixture f{with_timeout(10s, 1024)};
  auto r = f.send(request(http::method::get, s.url()));
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
  fixture f{with_timeout(5s, 100)};
  auto fits = f.send(request(http::method::get, s.url()));
  REQUIRE(fits.answer);
  CHECK(fits.answer->body.size() == 100);
  auto r = f.send(request(http::method::get, s.url()));
  require_failure(r, errc::protocol, s);
}

TEST_CASE("a reused connection closed after the request: outcome_unknown, and never sent twice") {
  // The first request is answered and keeps the connection; the second is read, then the
  // connection closes. Sending it again on a new connection would buy twice.
  std::atomic<int> n{0};
  loopback::server s([&](loopback::connection& c) {
    while (c.read_request()) {
      if (n++ == 1) return;  // close without answering
      if (!c.send(ok_answer)) return;
    }
  });
  fixture f{with_timeout(5s)};
  REQUIRE(f.send(request(http::method::get, s.url("/v1/list"))).answer);
  auto r = f.send(request(http::method::post, s.url("/v1/purchase"), R"({"buy":1})"));
  require_failure(r, errc::outcome_unknown, s);
  CHECK(r.answer.error().message ==
        "no complete answer from " + where(s) +
            " after the request was sent, so it may have taken effect: the kept-alive connection "
            "closed before any answer (end of stream): the request was not sent again");
  CHECK(r.took < slack);
  const auto got = s.received();
  REQUIRE(got.size() == 2);
  CHECK(got[1].starts_with("POST /v1/purchase "));
  CHECK(s.accepted() == 1);
  // The next request goes out normally, on a new connection.
  REQUIRE(f.send(request(http::method::get, s.url("/v1/list"))).answer);
  CHECK(s.requests() == 3);
  CHECK(s.accepted() == 2);
}

TEST_CASE("nothing listening: transport, at once") {
  const int port = loopback::closed_port();
  fixture f{with_timeout(5s)};
  auto r =
      f.send(request(http::method::post, "http://127.0.0.1:" + std::to_string(port) + "/x", "{}"));
  REQUIRE_FALSE(r.answer);
  CHECK(r.answer.error().code == errc::transport);
  CHECK(r.answer.error().message == "request not sent to 127.0.0.1:" + std::to_string(port) +
                                        ": the connection failed: Connection refused");
  CHECK(r.took < slack);
}

TEST_CASE("a host name that does not resolve: transport") {
  beast_transport::options o = with_timeout(5s);
  fixture f{o};
  auto r = f.send(request(http::method::post, "https://vnum-test.invalid/x", "{}"));
  REQUIRE_FALSE(r.answer);
  CHECK(r.answer.error().code == errc::transport);
  CHECK(r.answer.error().message.starts_with(
      "request not sent to vnum-test.invalid: the host name could not be resolved: "));
}

TEST_CASE("localhost is reached at its loopback address") {
  loopback::server s(keep_answering());
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::get, "http://localhost:" + std::to_string(s.port()) + "/"));
  REQUIRE(r.answer);
  CHECK(r.answer->status == 200);
  const auto got = s.received();
  REQUIRE(got.size() == 1);
  CHECK(got[0].find("\r\nHost: localhost:" + std::to_string(s.port()) + "\r\n") !=
        std::string::npos);
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
  beast_transport::options o = with_timeout(5s);
  o.connect_timeout = 500ms;
  fixture f{o};
  auto r = f.send(request(http::method::post, s.url(), "{}"));
  for (int fd : fillers) ::close(fd);
  require_failure(r, errc::transport, s);
  CHECK(r.took < 500ms + slack);
  // Where the kernel refuses instead of dropping (tcp_abort_on_overflow), it is a refused connect.
  std::ifstream abort_on_overflow("/proc/sys/net/ipv4/tcp_abort_on_overflow");
  int refuses = 0;
  abort_on_overflow >> refuses;
  if (refuses == 0) {
    CHECK(r.took >= 400ms);
    CHECK(r.answer.error().message ==
          "request not sent to " + where(s) + ": the connect timeout (500 ms) passed");
  }
}

TEST_CASE("a TLS handshake that fails: transport, and no byte of the request went out") {
  std::string first_bytes;
  loopback::server s([&](loopback::connection& c) {
    first_bytes = c.read_some();  // the ClientHello
    c.send("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
  });
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::post,
                          "https://127.0.0.1:" + std::to_string(s.port()) + "/v1/purchase", "{}"));
  s.stop();
  require_failure(r, errc::transport, s);
  CHECK(r.answer.error().message.starts_with("request not sent to " + where(s) +
                                             ": TLS handshake failed: "));
  CHECK(r.took < slack);
  REQUIRE_FALSE(first_bytes.empty());
  CHECK(first_bytes[0] == '\x16');  // a TLS handshake record, not "POST"
  CHECK(first_bytes.find("purchase") == std::string::npos);
}

TEST_CASE("the handler never runs inside async_send, even for a request refused at once") {
  asio::io_context io;
  beast_transport t{io.get_executor()};
  const http::request refused{http::method::get, "ftp://127.0.0.1/x", {}, {}};
  int calls = 0;
  t.async_send(refused, [&](vnum::result<http::response> r) {
    ++calls;
    REQUIRE_FALSE(r);
    CHECK(r.error().message ==
          "request not sent to 127.0.0.1: only http:// and https:// URLs are sent (ftp://)");
  });
  CHECK(calls == 0);
  io.run();
  CHECK(calls == 1);
}

TEST_CASE("completion tokens: deferred, use_future and any_send_handler") {
  loopback::server s(keep_answering());
  asio::io_context io;
  beast_transport t{io.get_executor(), with_timeout(5s)};
  const auto r = request(http::method::get, s.url());

  SECTION("deferred: nothing starts until the deferred operation is launched") {
    auto op = t.async_send(r, asio::deferred);
    io.run_for(100ms);
    io.restart();
    CHECK(s.requests() == 0);
    std::optional<vnum::result<http::response>> got;
    std::move(op)([&](vnum::result<http::response> a) { got.emplace(std::move(a)); });
    io.run_for(5s);
    REQUIRE(got);
    REQUIRE(*got);
    CHECK((*got)->status == 200);
  }
  SECTION("use_future, with the io_context run by another thread") {
    auto guard = asio::make_work_guard(io);
    std::thread runner([&] { io.run(); });
    std::future<vnum::result<http::response>> future = t.async_send(r, asio::use_future);
    const auto ready = future.wait_for(5s);
    guard.reset();
    runner.join();
    REQUIRE(ready == std::future_status::ready);
    auto got = future.get();
    REQUIRE(got);
    CHECK(got->body == R"({"ok":true})");
  }
  SECTION("http::any_send_handler") {
    std::optional<vnum::result<http::response>> got;
    http::any_send_handler h([&](vnum::result<http::response> a) { got.emplace(std::move(a)); });
    t.async_send(r, std::move(h));
    io.run_for(5s);
    REQUIRE(got);
    REQUIRE(*got);
    CHECK((*got)->status == 200);
  }
}

TEST_CASE("the handler runs on its associated executor") {
  loopback::server s(keep_answering());
  asio::io_context io;
  asio::io_context other;
  beast_transport t{io.get_executor(), with_timeout(5s)};
  std::thread::id ran_on;
  bool done = false;
  const auto r = request(http::method::get, s.url());
  t.async_send(r, asio::bind_executor(other, [&](vnum::result<http::response> a) {
                 ran_on = std::this_thread::get_id();
                 done = static_cast<bool>(a);
               }));
  std::thread io_thread([&] { io.run_for(5s); });
  const auto start = std::chrono::steady_clock::now();
  while (!done && std::chrono::steady_clock::now() - start < 5s) other.run_one_for(100ms);
  io.stop();
  io_thread.join();
  CHECK(done);
  CHECK(ran_on == std::this_thread::get_id());  // other was run here, io on io_thread
}

TEST_CASE("cancellation before any byte was written: transport, nothing sent") {
  loopback::server s(loopback::server::no_accept_t{});
  std::vector<int> fillers;  // a full accept queue: the connect waits
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(s.port()));
  for (int i = 0; i < 3; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    (void)::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    fillers.push_back(fd);
  }
  asio::io_context io;
  beast_transport t{io.get_executor(), with_timeout(5s)};
  for (auto type : {asio::cancellation_type::terminal, asio::cancellation_type::partial,
                    asio::cancellation_type::total}) {
    asio::cancellation_signal signal;
    std::optional<vnum::result<http::response>> got;
    const auto r = request(http::method::post, s.url(), "{}");
    t.async_send(
        r, asio::bind_cancellation_slot(
               signal.slot(), [&](vnum::result<http::response> x) { got.emplace(std::move(x)); }));
    io.restart();
    io.run_for(200ms);
    REQUIRE_FALSE(got);
    const auto start = std::chrono::steady_clock::now();
    signal.emit(type);
    while (!got && std::chrono::steady_clock::now() - start < 5s) io.run_one_for(100ms);
    REQUIRE(got);
    REQUIRE_FALSE(*got);
    CHECK(got->error().code == errc::transport);
    CHECK(got->error().message ==
          "request not sent to " + where(s) + ": the operation was cancelled");
    CHECK(std::chrono::steady_clock::now() - start < slack);
  }
  for (int fd : fillers) ::close(fd);
}

TEST_CASE("cancellation after the request was written: terminal is outcome_unknown") {
  loopback::server s([](loopback::connection& c) {
    if (!c.read_request()) return;
    c.pause(500ms);  // answers late: a partial or total cancellation before then is ignored
    c.send(ok_answer);
    c.idle(5s);
  });
  asio::io_context io;
  beast_transport t{io.get_executor(), with_timeout(5s)};
  const auto r = request(http::method::post, s.url(), R"({"buy":1})");

  auto start = [&](asio::cancellation_signal& signal,
                   std::optional<vnum::result<http::response>>& got) {
    t.async_send(
        r, asio::bind_cancellation_slot(
               signal.slot(), [&](vnum::result<http::response> x) { got.emplace(std::move(x)); }));
    io.restart();
    const auto begin = std::chrono::steady_clock::now();
    while (s.requests() == 0 && std::chrono::steady_clock::now() - begin < 5s) io.run_one_for(10ms);
  };
  SECTION("terminal") {
    asio::cancellation_signal signal;
    std::optional<vnum::result<http::response>> got;
    start(signal, got);
    REQUIRE(s.requests() == 1);
    signal.emit(asio::cancellation_type::terminal);
    io.run_for(100ms);
    REQUIRE(got);
    REQUIRE_FALSE(*got);
    CHECK(got->error().code == errc::outcome_unknown);
    CHECK(got->error().message ==
          "no complete answer from " + where(s) +
              " after the request was sent, so it may have taken effect: the operation was "
              "cancelled");
  }
  SECTION("partial and total are ignored once the request went out: the answer arrives") {
    asio::cancellation_signal signal;
    std::optional<vnum::result<http::response>> got;
    start(signal, got);
    REQUIRE(s.requests() == 1);
    signal.emit(asio::cancellation_type::partial);
    signal.emit(asio::cancellation_type::total);
    const auto begin = std::chrono::steady_clock::now();
    while (!got && std::chrono::steady_clock::now() - begin < 5s) io.run_one_for(100ms);
    REQUIRE(got);
    REQUIRE(*got);
    CHECK((*got)->status == 200);
  }
}

TEST_CASE("one instance, fifty operations at once on an io_context run by two threads") {
  std::atomic<int> busy{0};
  std::atomic<int> most{0};
  loopback::server s(
      [&](loopback::connection& c) {
        while (c.read_request()) {
          const int now = ++busy;
          int seen = most;
          while (now > seen && !most.compare_exchange_weak(seen, now)) {
          }
          c.pause(50ms);
          --busy;
          if (!c.send(ok_answer)) return;
        }
      },
      64);
  asio::io_context io;
  beast_transport shared{io.get_executor(), with_timeout(10s)};
  constexpr int count = 50;
  std::vector<http::request> requests;
  for (int i = 0; i < count; ++i)
    requests.push_back(request(http::method::post, s.url("/n/" + std::to_string(i)), "{}"));
  std::atomic<int> ok{0};
  std::atomic<int> done{0};
  for (const auto& r : requests)
    shared.async_send(r, [&](vnum::result<http::response> a) {
      if (a && a->status == 200) ++ok;
      ++done;
    });
  std::thread second([&] { io.run_for(10s); });
  io.run_for(10s);
  second.join();
  CHECK(done == count);
  CHECK(ok == count);
  CHECK(s.requests() == count);
  CHECK(most > 1);  // they ran at the same time, each on its own connection
  CHECK(s.accepted() == count);
  // One connection was kept idle: the next request takes it.
  io.restart();
  REQUIRE(send(io, shared, request(http::method::get, s.url())).answer);
  CHECK(s.accepted() == count);
}

namespace {
const std::string tls_answer = loopback::answer(200, R"({"tls":true})");
}  // namespace

TEST_CASE("TLS: a certificate the system's CA store does not know: transport, nothing sent") {
  proc::temp_dir dir;
  tls_test::pki pki(dir.reserve("ca.pem"), "IP:127.0.0.1,DNS:localhost");
  tls_test::server s(pki, tls_answer);
  fixture f{with_timeout(5s)};
  auto r = f.send(request(http::method::post, s.url(), R"({"buy":1})"));
  REQUIRE_FALSE(r.answer);
  CHECK(r.answer.error().code == errc::transport);
  CHECK(r.answer.error().message ==
        "request not sent to 127.0.0.1:" + std::to_string(s.port()) +
            ": TLS handshake failed: certificate verify failed (unable to get local issuer "
            "certificate)");
  CHECK(r.took < slack);
  s.stop();
  CHECK(s.requests() == 0);
  CHECK(s.handshakes() == 0);
}

TEST_CASE("TLS: with ca_file, the answer; the connection is kept; SNI names the host") {
  proc::temp_dir dir;
  tls_test::pki pki(dir.reserve("ca.pem"), "IP:127.0.0.1,DNS:localhost");
  tls_test::server s(pki, tls_answer);
  beast_transport::options o = with_timeout(5s);
  o.ca_file = pki.ca_file;
  fixture f{o};
  for (int i = 0; i < 3; ++i) {
    auto r = f.send(request(http::method::post, s.url(), "{}"));
    REQUIRE(r.answer);
    CHECK(r.answer->status == 200);
    CHECK(r.answer->body == R"({"tls":true})");
  }
  CHECK(s.requests() == 3);
  CHECK(s.handshakes() == 1);
  CHECK(s.server_name().empty());  // an IP address is never sent as SNI

  auto by_name = f.send(request(http::method::get, s.url("localhost")));
  REQUIRE(by_name.answer);
  CHECK(by_name.answer->status == 200);
  CHECK(s.server_name() == "localhost");
  CHECK(s.handshakes() == 2);  // another host:port, another connection
}

TEST_CASE("TLS: a certificate for another name: transport, even with the right CA") {
  proc::temp_dir dir;
  tls_test::pki pki(dir.reserve("ca.pem"), "DNS:other.example");
  tls_test::server s(pki, tls_answer);
  beast_transport::options o = with_timeout(5s);
  o.ca_file = pki.ca_file;
  fixture f{o};
  auto by_address = f.send(request(http::method::get, s.url()));
  REQUIRE_FALSE(by_address.answer);
  CHECK(by_address.answer.error().code == errc::transport);
  CHECK(by_address.answer.error().message ==
        "request not sent to 127.0.0.1:" + std::to_string(s.port()) +
            ": TLS handshake failed: certificate verify failed (IP address mismatch)");
  auto by_name = f.send(request(http::method::get, s.url("localhost")));
  REQUIRE_FALSE(by_name.answer);
  CHECK(by_name.answer.error().code == errc::transport);
  CHECK(by_name.answer.error().message ==
        "request not sent to localhost:" + std::to_string(s.port()) +
            ": TLS handshake failed: certificate verify failed (hostname mismatch)");
  s.stop();
  CHECK(s.requests() == 0);
}

TEST_CASE("TLS: a ca_file that cannot be read: https is refused before connecting") {
  loopback::server plain(keep_answering());
  beast_transport::options o = with_timeout(5s);
  o.ca_file = "/nonexistent/vnum-ca.pem";
  fixture f{o};
  auto r = f.send(request(http::method::get,
                          "https://127.0.0.1:" + std::to_string(loopback::closed_port()) + "/x"));
  REQUIRE_FALSE(r.answer);
  CHECK(r.answer.error().code == errc::transport);
  CHECK(r.answer.error().message.starts_with("request not sent to 127.0.0.1:"));
  CHECK(r.answer.error().message.find(": options::ca_file could not be read (") !=
        std::string::npos);
  REQUIRE(f.send(request(http::method::get, plain.url())).answer);  // http:// is unaffected
}

TEST_CASE("the connect timeout bounds only the connection: a slower answer within the timeout") {
  loopback::server s([](loopback::connection& c) {
    while (c.read_request()) {
      c.pause(700ms);
      if (!c.send(ok_answer)) return;
    }
  });
  beast_transport::options o = with_timeout(3s);
  o.connect_timeout = 300ms;
  fixture f{o};
  auto fresh = f.send(request(http::method::post, s.url(), "{}"));
  INFO((fresh.answer ? std::string("answered") : fresh.answer.error().message));
  REQUIRE(fresh.answer);
  CHECK(fresh.took >= 700ms);
  auto reused = f.send(request(http::method::post, s.url(), "{}"));
  REQUIRE(reused.answer);
  CHECK(s.accepted() == 1);
}

TEST_CASE("a TLS handshake that never completes: transport at the connect timeout") {
  loopback::server s([](loopback::connection& c) {
    c.read_some();  // the ClientHello, never answered
    c.idle();
  });
  beast_transport::options o = with_timeout(5s);
  o.connect_timeout = 500ms;
  fixture f{o};
  auto r = f.send(request(http::method::post,
                          "https://127.0.0.1:" + std::to_string(s.port()) + "/v1/purchase", "{}"));
  require_failure(r, errc::transport, s);
  CHECK(r.answer.error().message ==
        "request not sent to " + where(s) + ": the connect timeout (500 ms) passed");
  CHECK(r.took >= 400ms);
  CHECK(r.took < 500ms + slack);
}

TEST_CASE("a cancellation emitted right after async_send is not lost") {
  loopback::server s(keep_answering());
  asio::io_context io;
  beast_transport t{io.get_executor(), with_timeout(5s)};
  asio::cancellation_signal signal;
  std::optional<vnum::result<http::response>> got;
  const auto r = request(http::method::post, s.url(), "{}");
  t.async_send(r, asio::bind_cancellation_slot(signal.slot(), [&](vnum::result<http::response> x) {
                 got.emplace(std::move(x));
               }));
  signal.emit(asio::cancellation_type::terminal);
  io.run_for(5s);
  REQUIRE(got);
  REQUIRE_FALSE(*got);
  CHECK(got->error().code == errc::transport);
  CHECK(got->error().message ==
        "request not sent to " + where(s) + ": the operation was cancelled");
  CHECK(s.requests() == 0);
}

TEST_CASE("a parallel group that a timer wins: the send is cancelled, outcome_unknown") {
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.idle(10s);  // never answers
  });
  asio::io_context io;
  beast_transport t{io.get_executor(), with_timeout(5s)};
  const auto r = request(http::method::post, s.url(), R"({"buy":1})");
  asio::steady_timer timer(io, 300ms);
  std::optional<vnum::result<http::response>> sent;
  std::size_t first = 2;
  asio::experimental::make_parallel_group(t.async_send(r, asio::deferred),
                                          timer.async_wait(asio::deferred))
      .async_wait(asio::experimental::wait_for_one(),
                  [&](std::array<std::size_t, 2> order, vnum::result<http::response> answer,
                      boost::system::error_code) {
                    first = order[0];
                    sent.emplace(std::move(answer));
                  });
  const auto start = std::chrono::steady_clock::now();
  io.run_for(5s);
  CHECK(first == 1);  // the timer
  REQUIRE(sent);
  REQUIRE_FALSE(*sent);
  CHECK(sent->error().code == errc::outcome_unknown);
  CHECK(sent->error().message ==
        "no complete answer from " + where(s) +
            " after the request was sent, so it may have taken effect: the operation was "
            "cancelled");
  CHECK(std::chrono::steady_clock::now() - start < slack);
  CHECK(s.requests() == 1);
}
