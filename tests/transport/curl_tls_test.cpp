// vnum::curl_transport against a TLS server whose CA the test makes at run time (tls_server.hpp),
// the same cases as beast_loopback_test's: an unknown CA, the right CA given as ca_file, a
// certificate for another name, a ca_file that cannot be read.
#include <vnum/transport/curl.hpp>

#include "loopback_server.hpp"
#include "process.hpp"
#include "tls_server.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <utility>

namespace http = vnum::http;
using vnum::curl_transport;
using vnum::errc;
using namespace std::chrono_literals;

namespace {

curl_transport::options with_ca(std::string ca_file = {}) {
  curl_transport::options o;
  o.timeout = 5s;
  o.connect_timeout = 1s;
  o.ca_file = std::move(ca_file);
  return o;
}

http::request request(http::method m, std::string url) {
  return {m, std::move(url), {{"authorization", "Bearer sk_live_SECRET"}}, "{}"};
}

const std::string tls_answer = loopback::answer(200, R"({"tls":true})");

// errc::transport naming the host and port and `reason`, and no header value.
void require_refused(const vnum::result<http::response>& r, const std::string& where,
                     const std::string& reason) {
  REQUIRE_FALSE(r);
  INFO(r.error().message);
  CHECK(r.error().code == errc::transport);
  CHECK(r.error().message.starts_with("request not sent to " + where + ": "));
  CHECK(r.error().message.find(reason) != std::string::npos);
  CHECK(r.error().message.find("SECRET") == std::string::npos);
}

}  // namespace

TEST_CASE("TLS: a certificate the system's CA store does not know: transport, nothing sent") {
  proc::temp_dir dir;
  tls_test::pki pki(dir.reserve("ca.pem"), "IP:127.0.0.1,DNS:localhost");
  tls_test::server s(pki, tls_answer);
  curl_transport t{with_ca()};
  require_refused(t.send(request(http::method::post, s.url())),
                  "127.0.0.1:" + std::to_string(s.port()),
                  "unable to get local issuer certificate");
  s.stop();
  CHECK(s.requests() == 0);
  CHECK(s.handshakes() == 0);
}

TEST_CASE("TLS: with ca_file, the answer; the connection is kept; SNI names the host") {
  proc::temp_dir dir;
  tls_test::pki pki(dir.reserve("ca.pem"), "IP:127.0.0.1,DNS:localhost");
  tls_test::server s(pki, tls_answer);
  curl_transport t{with_ca(pki.ca_file)};
  for (int i = 0; i < 3; ++i) {
    auto r = t.send(request(http::method::post, s.url()));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == R"({"tls":true})");
  }
  CHECK(s.requests() == 3);
  CHECK(s.handshakes() == 1);
  CHECK(s.server_name().empty());  // an IP address is never sent as SNI

  auto by_name = t.send(request(http::method::get, s.url("localhost")));
  REQUIRE(by_name);
  CHECK(by_name->status == 200);
  CHECK(s.server_name() == "localhost");
}

TEST_CASE("TLS: a certificate for another name: transport, even with the right CA") {
  proc::temp_dir dir;
  tls_test::pki pki(dir.reserve("ca.pem"), "DNS:other.example");
  tls_test::server s(pki, tls_answer);
  curl_transport t{with_ca(pki.ca_file)};
  const std::string port = std::to_string(s.port());
  require_refused(t.send(request(http::method::get, s.url())), "127.0.0.1:" + port,
                  "no alternative certificate subject name matches target host name '127.0.0.1'");
  require_refused(t.send(request(http::method::get, s.url("localhost"))), "localhost:" + port,
                  "no alternative certificate subject name matches target host name 'localhost'");
  s.stop();
  CHECK(s.requests() == 0);
}

TEST_CASE("TLS: a ca_file that cannot be read: transport") {
  curl_transport t{with_ca("/nonexistent/vnum-ca.pem")};
  const std::string port = std::to_string(loopback::closed_port());
  auto r = t.send(request(http::method::get, "https://127.0.0.1:" + port + "/x"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(r.error().message.starts_with("request not sent to 127.0.0.1:" + port + ": "));
}
