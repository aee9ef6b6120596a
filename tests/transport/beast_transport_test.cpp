// vnum::beast_transport without the network: what it refuses before any connection (URLs, plain
// http to hosts that are not loopback, headers that would break the request, options it cannot
// use), and its shape (the concept, copies, moves). Nothing here opens a socket: every request
// below is refused before a name is resolved.
#include <vnum/transport/beast.hpp>

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace asio = boost::asio;
namespace http = vnum::http;
namespace db = vnum::detail::beast;
using vnum::beast_transport;
using vnum::errc;

namespace {

http::request post(std::string url) {
  return {http::method::post,
          std::move(url),
          {{"authorization", "Bearer sk_live_SECRET"}, {"content-type", "application/json"}},
          "{}"};
}

// Refused before anything was sent; returns the message.
std::string refused(beast_transport& t, asio::io_context& io, const http::request& r) {
  std::optional<vnum::result<http::response>> answer;
  const auto started = std::chrono::steady_clock::now();
  t.async_send(r, [&](vnum::result<http::response> a) { answer.emplace(std::move(a)); });
  io.restart();
  io.run_for(std::chrono::seconds(5));
  const auto took = std::chrono::steady_clock::now() - started;
  REQUIRE(answer);
  REQUIRE_FALSE(*answer);
  CHECK(answer->error().code == errc::transport);
  CHECK(answer->error().http_status == 0);
  CHECK(answer->error().message.starts_with("request not sent"));
  CHECK(answer->error().message.find("SECRET") == std::string::npos);
  CHECK(took < std::chrono::milliseconds(500));  // no resolver, no connect: nothing to wait for
  return answer->error().message;
}

}  // namespace

TEST_CASE("beast_transport is an http::async_transport; copies share it, moves are cheap") {
  STATIC_REQUIRE(http::async_transport<beast_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<beast_transport>);
  STATIC_REQUIRE(std::is_copy_constructible_v<beast_transport>);
  asio::io_context io;
  beast_transport t{io.get_executor()};
  CHECK(t.get_executor() == asio::any_io_executor(io.get_executor()));
  beast_transport copy = t;
  CHECK(copy.get_executor() == t.get_executor());
}

TEST_CASE("the default options are curl_transport's") {
  beast_transport::options o;
  CHECK(o.connect_timeout == std::chrono::seconds(10));
  CHECK(o.timeout == std::chrono::seconds(30));
  CHECK(o.max_response_bytes == std::size_t{8} << 20);
  CHECK(o.ca_file.empty());
  CHECK_FALSE(o.allow_plain_http);
}

TEST_CASE("the URL check: plain http only to loopback, https anywhere, nothing else") {
  for (const char* url :
       {"http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x", "http://LOCALHOST/x",
        "https://api.cellcast.com/api/v1/x", "https://127.0.0.1/x", "HTTP://127.0.0.1/x",
        "https://api.identitycall.ai", "https://user_name.example.com:443/x"}) {
    INFO(url);
    CHECK(db::check_url(url, false));
  }
  for (const char* url : {"http://api.cellcast.com/x", "http://10.0.0.1/x", "http://[::2]/x",
                          "http://127.0.0.1.nip.io/x", "http://localhost.example.com/x",
                          "http://127.1/x", "http://2130706433/x"}) {
    INFO(url);
    auto r = db::check_url(url, false);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::transport);
    CHECK(r.error().message.find("plain http:// goes only to loopback") != std::string::npos);
    CHECK(db::check_url(url, true));  // allow_plain_http
  }
  for (const char* url :
       {"ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://127.0.0.1/x", "ldap://127.0.0.1/x"}) {
    INFO(url);
    auto r = db::check_url(url, true);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("only http:// and https://") != std::string::npos);
  }
  for (const char* url :
       {"", "not a url", "http://", "http://:80/x", "http://[::1/x", "http://a b/x",
        "http://[::1]x/", "http://[zz::1]/x", "http://h:0/x", "http://h:65536/x", "http://h:8o/x",
        "http://h%41/x", "://h/x", "1http://h/x", "http://h/\x7f", "http://h/\xc3\xa9"}) {
    INFO(url);
    auto r = db::check_url(url, true);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::transport);
  }
}

TEST_CASE("the URL's parts: host lower-cased, the port or the scheme's, the origin-form target") {
  auto a = db::check_url("http://127.0.0.1:8080/a/b?c=d#frag", false);
  REQUIRE(a);
  CHECK_FALSE(a->https);
  CHECK(a->host == "127.0.0.1");
  CHECK(a->port == "8080");
  CHECK(a->where == "127.0.0.1:8080");
  CHECK(a->path == "/a/b?c=d");
  CHECK(a->loopback);
  CHECK(a->is_address());

  auto b = db::check_url("HTTPS://API.Example.COM?x=1", false);
  REQUIRE(b);
  CHECK(b->https);
  CHECK(b->host == "api.example.com");
  CHECK(b->port == "443");
  CHECK(b->where == "api.example.com");
  CHECK(b->path == "/?x=1");
  CHECK_FALSE(b->loopback);
  CHECK_FALSE(b->is_address());

  auto c = db::check_url("http://[::1]:9", false);
  REQUIRE(c);
  CHECK(c->host == "[::1]");
  CHECK(c->bare_host() == "::1");
  CHECK(c->where == "[::1]:9");
  CHECK(c->path == "/");
  CHECK(c->is_address());

  auto d = db::check_url("http://localhost:/x", false);  // an empty port is the scheme's
  REQUIRE(d);
  CHECK(d->port == "80");
  CHECK(d->where == "localhost");
}

TEST_CASE("plain http to a host that is not loopback is refused before any connection") {
  asio::io_context io;
  beast_transport t{io.get_executor()};
  const std::string m = refused(t, io, post("http://api.cellcast.com/api/v1/x?token=QUERYSECRET"));
  CHECK(m ==
        "request not sent to api.cellcast.com: plain http:// goes only to loopback "
        "(127.0.0.0/8, localhost, [::1]); use https://, or set "
        "beast_transport::options::allow_plain_http");
  CHECK(m.find("QUERYSECRET") == std::string::npos);
  CHECK(m.find("/api/v1") == std::string::npos);
}

TEST_CASE("a URL it refuses, and user info or a query, never reach the message") {
  asio::io_context io;
  beast_transport t{io.get_executor()};
  CHECK(refused(t, io, post("ftp://user:PASSWORD@127.0.0.1/x?q=QUERY")) ==
        "request not sent to 127.0.0.1: only http:// and https:// URLs are sent (ftp://)");
  CHECK(refused(t, io, post("https://user:PASSWORD@api.cellcast.com/x")) ==
        "request not sent to api.cellcast.com: the URL is refused (user info is not sent)");
  const std::string m = refused(t, io, post("http://user:PASSWORD@[::1/x"));
  CHECK(m == "request not sent: the URL is refused (an IPv6 address without ])");
  CHECK(refused(t, io, post("http://127.0.0.1/a b?PASSWORD")) ==
        "request not sent: the URL is refused (it contains a space, a control or a non-ASCII "
        "character)");
  CHECK(refused(t, io, post("http://:9/x")) == "request not sent: the URL has no host");
  CHECK(refused(t, io, post("http://127.0.0.1:99999/x")) ==
        "request not sent to 127.0.0.1:99999: the URL is refused (the port is out of range)");
}

TEST_CASE("a header that cannot be sent as one line is refused, naming it, not its value") {
  asio::io_context io;
  beast_transport t{io.get_executor()};
  auto r = post("http://127.0.0.1:9/x");
  r.headers.push_back({"x-trace", "abc\r\nX-Injected: SECRETVALUE"});
  CHECK(refused(t, io, r) ==
        "request not sent to 127.0.0.1:9: the value of header x-trace contains CR, LF or NUL");

  auto bad_name = post("http://127.0.0.1:9/x");
  bad_name.headers.push_back({"x trace", "1"});
  CHECK(refused(t, io, bad_name) ==
        "request not sent to 127.0.0.1:9: a header name is not an HTTP token");
  auto empty_name = post("http://127.0.0.1:9/x");
  empty_name.headers.push_back({"", "1"});
  CHECK(refused(t, io, empty_name) ==
        "request not sent to 127.0.0.1:9: a header has an empty name");
}

TEST_CASE("timeouts that are not positive are refused") {
  asio::io_context io;
  beast_transport::options o;
  o.timeout = std::chrono::milliseconds(0);
  beast_transport t{io.get_executor(), o};
  CHECK(refused(t, io, post("http://127.0.0.1:9/x")) ==
        "request not sent to 127.0.0.1:9: beast_transport::options timeouts must be positive");
  o = {};
  o.connect_timeout = std::chrono::milliseconds(-1);
  beast_transport u{io.get_executor(), o};
  CHECK(refused(u, io, post("http://127.0.0.1:9/x")) ==
        "request not sent to 127.0.0.1:9: beast_transport::options timeouts must be positive");
}

TEST_CASE("a moved-from beast_transport keeps its executor and answers transport") {
  asio::io_context io;
  beast_transport a{io.get_executor()};
  beast_transport b = std::move(a);
  CHECK(a.get_executor() == b.get_executor());  // NOLINT(bugprone-use-after-move)
  CHECK(refused(a, io, post("http://127.0.0.1:9/x")) ==
        "request not sent: this beast_transport was moved from");
}

TEST_CASE("request header values are masked in a failure's message") {
  const auto e = vnum::detail::transport::exchange_failure(
      errc::outcome_unknown, "h:1", "reset after sending Bearer sk_live_SECRET to ab",
      {{"authorization", "Bearer sk_live_SECRET"}, {"x", "ab"}});
  CHECK(e.code == errc::outcome_unknown);
  CHECK(e.message ==
        "no complete answer from h:1 after the request was sent, so it may have taken effect: "
        "reset after sending [redacted] to ab");
}
