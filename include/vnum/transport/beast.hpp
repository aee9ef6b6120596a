// vnum — vnum::beast_transport, an http::async_transport on Boost.Beast and OpenSSL that tells
// "certainly not sent" from "may have been sent" for you: the asynchronous twin of curl_transport.
//
// Not included by <vnum/vnum.hpp> (nor by the single header): include it yourself and link OpenSSL
// (Debian: libssl-dev) and threads:
//
//   #include <vnum/transport/beast.hpp>    g++ -std=c++20 ... -lssl -lcrypto -pthread
//   Meson: dependency('vnum-beast')         CMake: target_link_libraries(app PRIVATE vnum::beast)
//
//   boost::asio::io_context io;
//   vnum::beast_transport transport{io.get_executor()};
//   transport.async_send(request, [](vnum::result<vnum::http::response> r) { ... });
//
// What async_send completes with (void(vnum::result<vnum::http::response>), on any completion
// token: a callback, asio::deferred, use_future, use_awaitable, http::any_send_handler):
//   - any status the server answered is an http::response, headers kept (a 429's Retry-After
//     reaches the parser; a 500 is a response, not an error; a 3xx is not followed);
//   - errc::transport when not one byte of the request was written: a URL it refuses (below), a
//     DNS failure, a refused connection, a TLS handshake or certificate failure, a connect timeout;
//   - errc::outcome_unknown once the request has started to go out and no complete answer came
//     back: a timeout, a reset, a connection closed before the answer was complete, a body that
//     stalls past options::timeout;
//   - errc::protocol when the body is larger than options::max_response_bytes (a Content-Length
//     above it is refused before the body is read; a body without one is counted as it arrives).
//   The message names the host (and port, when the URL has one) and the reason; never a header
//   value, the path or the query.
//
// Safety it keeps on every request:
//   - TLS peer and host-name verification are always on for https://, and SNI is sent for a host
//     name (options::ca_file replaces the system's CA store; nothing turns verification off);
//   - plain http:// only to loopback (127.0.0.0/8, localhost, [::1]) unless
//     options::allow_plain_http, checked on the URL before any connection, and "localhost" is
//     connected to only at the loopback addresses it resolves to;
//   - only http and https; no user info in the URL; redirects are never followed;
//   - a request is never sent twice: when a kept-alive connection fails after the request went
//     out and before any byte of the answer came back, the answer is errc::outcome_unknown, and
//     the request is not sent again on a new connection (for a purchase, that would buy twice);
//   - HTTP/1.1; no "Expect: 100-continue"; no compression asked for; no proxy.
//
// Time: options::connect_timeout bounds name resolution, the TCP connect and the TLS handshake;
// options::timeout bounds the whole exchange, from async_send to the last byte of the answer.
//
// Cancellation: the completion handler's cancellation slot is honoured. A terminal cancellation
// ends the operation at once: errc::transport if no byte of the request was written yet,
// errc::outcome_unknown after. Partial and total cancellation are honoured only before any byte
// was written (nothing happened, so their guarantees hold); after, they are ignored.
//
// Connections: each host:port keeps at most one idle kept-alive connection, which the next request
// to it takes; a connection the server closed while idle is noticed before the request goes out,
// and a new one is opened instead.
//
// Threads: one instance may run any number of concurrent operations, started from any thread.
// Each operation takes the idle connection or opens its own; the pool is guarded by a mutex, and
// each operation's steps run in order on its own strand of get_executor(), so an io_context run by
// several threads is fine. Copies share the pool and the options; a moved-from instance answers
// errc::transport. The handler runs through its associated executor (get_executor() by default),
// never before async_send returns. get_executor()'s execution context must outlive the instance
// and its operations.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TRANSPORT_BEAST_HPP
#define VNUM_TRANSPORT_BEAST_HPP

// With the single header (single_include/vnum/vnum.hpp), include "vnum.hpp" before this file: the
// two headers below are in it already, and their guards say so.
#ifndef VNUM_HTTP_HPP
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#endif
#include <vnum/async_transport.hpp>
#include <vnum/transport/detail/checks.hpp>

#include <boost/asio/any_completion_executor.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/span.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum {

namespace detail::beast {

// ---- The URL check, before anything is sent.

// A URL as this transport reads it: http or https, a host, an optional port, the path and query.
struct target {
  bool https = false;
  std::string host;   // lower-cased; an IPv6 address in brackets
  std::string port;   // the URL's, or the scheme's default
  std::string where;  // host[:port] as the URL writes it: for messages and the Host header
  std::string path;   // origin form: the path (at least "/") and the query, without the fragment
  bool loopback = false;

  // The host as the resolver takes it: an IPv6 address without its brackets.
  std::string bare_host() const {
    return !host.empty() && host.front() == '[' ? host.substr(1, host.size() - 2) : host;
  }
  bool is_address() const {
    boost::system::error_code ec;
    (void)boost::asio::ip::make_address(bare_host(), ec);
    return !ec;
  }
};

constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline error url_refused(std::string_view where, std::string_view why) {
  return transport::not_sent(where, "the URL is refused (" + std::string(why) + ")");
}

// Refuses (errc::transport, nothing sent) a URL it cannot read, a scheme other than http and
// https, user info, and plain http:// to a host that is not loopback unless allow_plain_http. The
// message names the host, never the path or the query.
inline result<target> check_url(std::string_view url, bool allow_plain_http) {
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
      return url_refused({}, "it contains a space, a control or a non-ASCII character");
  }
  const auto colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(url[0]))
    return url_refused({}, "it does not start with a scheme and ://");
  std::string scheme(url.substr(0, colon));
  for (char& c : scheme) {
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.')
      return url_refused({}, "it does not start with a scheme and ://");
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view rest = url.substr(colon + 3);
  const auto authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  std::string_view authority = rest.substr(0, authority_end);
  rest.remove_prefix(authority_end);

  target t;
  const auto at = authority.rfind('@');
  const bool has_user_info = at != std::string_view::npos;
  if (has_user_info) authority.remove_prefix(at + 1);
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return url_refused({}, "an IPv6 address without ]");
    t.host = std::string(authority.substr(0, close + 1));
    authority.remove_prefix(close + 1);
    if (!authority.empty() && authority.front() != ':')
      return url_refused({}, "characters after the IPv6 address");
    if (!authority.empty()) port = authority.substr(1);
  } else {
    const auto port_colon = authority.find(':');
    t.host = std::string(authority.substr(0, port_colon));
    if (port_colon != std::string_view::npos) port = authority.substr(port_colon + 1);
  }
  for (char& c : t.host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  t.where = port.empty() ? t.host : t.host + ":" + std::string(port);

  t.https = scheme == "https";
  if (!t.https && scheme != "http")
    return transport::not_sent(t.where,
                               "only http:// and https:// URLs are sent (" + scheme + "://)");
  if (has_user_info) return url_refused(t.where, "user info is not sent");
  if (t.host.empty() || t.host == "[]") return transport::not_sent({}, "the URL has no host");
  if (t.host.front() == '[') {
    boost::system::error_code ec;
    (void)boost::asio::ip::make_address_v6(t.bare_host(), ec);
    if (ec) return url_refused(t.where, "the host is not an IPv6 address");
  } else {
    for (char c : t.host)
      if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '.' && c != '_')
        return url_refused(t.where, "the host is not a name or an address");
  }
  if (port.empty()) {
    t.port = t.https ? "443" : "80";
  } else {
    unsigned value = 0;
    for (char c : port) {
      if (!is_digit(c) || value > 65535) return url_refused(t.where, "the port is not a number");
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > 65535) return url_refused(t.where, "the port is out of range");
    t.port = std::string(port);
  }
  std::string_view path = rest.substr(0, std::min(rest.find('#'), rest.size()));
  t.path = path.empty() || path.front() != '/' ? "/" + std::string(path) : std::string(path);

  t.loopback = transport::is_loopback_host(t.host);
  if (!t.https && !t.loopback && !allow_plain_http)
    return transport::plain_http_refused(t.where, "beast_transport::options::allow_plain_http");
  return t;
}

// ---- The connections.

using stream_type = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// One connection; for http:// only its TCP layer (next_layer()) is used.
struct connection {
  connection(const boost::asio::any_io_executor& ex, boost::asio::ssl::context& tls)
      : stream(ex, tls) {}
  stream_type stream;
  boost::beast::flat_buffer buffer;
  std::string key;  // scheme://host:port

  boost::asio::ip::tcp::socket& socket() { return boost::beast::get_lowest_layer(stream).socket(); }

  // Whether an idle connection can take a request: still open, and nothing has arrived on it (an
  // end of stream, a reset, or bytes nobody asked for mean the server is done with it).
  bool reusable() {
    auto& s = socket();
    if (!s.is_open()) return false;
    boost::system::error_code ec;
    s.non_blocking(true, ec);
    if (ec) return false;
    char byte = 0;
    (void)s.receive(boost::asio::buffer(&byte, 1), boost::asio::ip::tcp::socket::message_peek, ec);
    const bool idle = ec == boost::asio::error::would_block;
    s.non_blocking(false, ec);
    return idle && !ec;
  }
};

template <class Options>
struct shared_state {
  shared_state(boost::asio::any_io_executor e, Options o)
      : ex(std::move(e)), options(std::move(o)), tls(boost::asio::ssl::context::tls_client) {
    boost::system::error_code ec;
    tls.set_options(
        boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
            boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
            boost::asio::ssl::context::no_tlsv1_1 | boost::asio::ssl::context::no_compression,
        ec);
    if (!ec) tls.set_verify_mode(boost::asio::ssl::verify_peer, ec);
    if (ec) {
      tls_problem = "the TLS context could not be set up (" + ec.message() + ")";
      return;
    }
    if (options.ca_file.empty()) {
      tls.set_default_verify_paths(ec);
      if (ec) tls_problem = "the system's CA store could not be read (" + ec.message() + ")";
    } else {
      tls.load_verify_file(options.ca_file, ec);
      if (ec) tls_problem = "options::ca_file could not be read (" + ec.message() + ")";
    }
  }

  // The idle connection for `key`, if there is one.
  std::unique_ptr<connection> take(const std::string& key) {
    std::lock_guard lock(mutex);
    for (auto it = idle.begin(); it != idle.end(); ++it) {
      if ((*it)->key != key) continue;
      auto c = std::move(*it);
      idle.erase(it);
      return c;
    }
    return nullptr;
  }

  // Keeps `c` as its key's idle connection, in place of an older one.
  void give(std::unique_ptr<connection> c) {
    std::unique_ptr<connection> older;  // closed outside the lock
    std::lock_guard lock(mutex);
    for (auto& each : idle) {
      if (each->key != c->key) continue;
      older = std::exchange(each, std::move(c));
      return;
    }
    idle.push_back(std::move(c));
  }

  boost::asio::any_io_executor ex;
  Options options;
  boost::asio::ssl::context tls;
  std::string tls_problem;  // why https:// cannot be verified; empty when it can
  std::mutex mutex;
  std::vector<std::unique_ptr<connection>> idle;
};

// ---- One exchange.

inline boost::beast::http::verb verb(http::method m) noexcept {
  using boost::beast::http::verb;
  switch (m) {
    case http::method::get:
      return verb::get;
    case http::method::post:
      return verb::post;
    case http::method::put:
      return verb::put;
    case http::method::patch:
      return verb::patch;
    case http::method::delete_:
      return verb::delete_;
  }
  return verb::get;
}

inline std::string milliseconds(std::chrono::milliseconds ms) {
  return std::to_string(ms.count()) + " ms";
}

// One request and its answer, from async_send to the handler. Its steps run on its own strand;
// each pending wait holds it alive.
template <class Options>
class exchange : public std::enable_shared_from_this<exchange<Options>> {
 public:
  exchange(std::shared_ptr<shared_state<Options>> state, const boost::asio::any_io_executor& ex,
           const http::request& r, http::any_send_handler handler)
      : state_(std::move(state)),
        request_(r),
        handler_(std::move(handler)),
        work_(boost::asio::prefer(boost::asio::get_associated_executor(handler_, ex),
                                  boost::asio::execution::outstanding_work.tracked)),
        strand_(boost::asio::make_strand(ex)),
        timer_(ex) {}

  // Watches the handler's cancellation slot from now on, and posts the first step, so that the
  // handler never runs inside async_send.
  void launch() {
    watch_cancellation();
    boost::asio::post(strand_, [self = this->shared_from_this()] { self->start(); });
  }

 private:
  enum class step { resolve, connect, handshake, write, read };
  using tcp = boost::asio::ip::tcp;
  using error_code = boost::system::error_code;

  void start() {
    namespace dt = transport;
    if (finished_) return;  // cancelled before it started
    if (!state_) return finish(dt::not_sent({}, "this beast_transport was moved from"));
    const Options& o = state_->options;
    auto checked = check_url(request_.url, o.allow_plain_http);
    if (!checked) return finish(checked.error());
    target_ = std::move(*checked);
    if (auto h = dt::check_headers(request_.headers, target_.where); !h) return finish(h.error());
    if (o.timeout.count() <= 0 || o.connect_timeout.count() <= 0)
      return finish(
          dt::not_sent(target_.where, "beast_transport::options timeouts must be positive"));
    if (target_.https && !state_->tls_problem.empty())
      return finish(dt::not_sent(target_.where, state_->tls_problem));

    const auto now = std::chrono::steady_clock::now();
    deadline_ = now + o.timeout;
    connect_deadline_ = now + std::min(o.connect_timeout, o.timeout);
    connect_limit_ = o.connect_timeout < o.timeout ? "the connect timeout (" : "the timeout (";
    connect_limit_ += milliseconds(std::min(o.connect_timeout, o.timeout)) + ") passed";
    prepare_message();

    const std::string key =
        (target_.https ? "https://" : "http://") + target_.host + ":" + target_.port;
    if (auto idle = state_->take(key); idle && idle->reusable()) {
      conn_ = std::move(idle);
      reused_ = true;
      return write();
    }
    conn_ = std::make_unique<connection>(state_->ex, state_->tls);
    conn_->key = key;
    arm(connect_deadline_);
    resolve();
  }

  template <class F>
  auto on_strand(F f) {
    return boost::asio::bind_executor(strand_, std::move(f));
  }

  void prepare_message() {
    namespace bh = boost::beast::http;
    message_.method(verb(request_.method));
    message_.target(target_.path);
    message_.version(11);
    bool has_host = false;
    for (const auto& h : request_.headers) {
      has_host = has_host || http::iequals(h.name, "host");
      message_.insert(h.name, h.value);
    }
    if (!has_host) message_.set(bh::field::host, target_.where);
    // Every request but a GET without a body carries its body (possibly empty, as
    // Content-Length: 0); the body is sent from the caller's request, not copied.
    if (request_.method != http::method::get || !request_.body.empty()) {
      message_.body() = boost::beast::span<const char>(request_.body.data(), request_.body.size());
      message_.content_length(request_.body.size());
    }
  }

  void watch_cancellation() {
    auto slot = boost::asio::get_associated_cancellation_slot(handler_);
    if (!slot.is_connected()) return;
    slot.assign([weak = this->weak_from_this()](boost::asio::cancellation_type type) {
      if (auto self = weak.lock())
        boost::asio::post(self->strand_, [self, type] { self->cancel(type); });
    });
  }

  void cancel(boost::asio::cancellation_type type) {
    using ct = boost::asio::cancellation_type;
    if (finished_) return;
    const ct honoured = written_ ? ct::terminal : ct::terminal | ct::partial | ct::total;
    if ((type & honoured) == ct::none) return;
    cancelled_ = true;
    abort();
  }

  void arm(std::chrono::steady_clock::time_point when) {
    timer_.expires_at(when);
    timer_.async_wait(on_strand([self = this->shared_from_this()](const error_code& ec) {
      if (ec || self->finished_) return;
      // A wake-up from a deadline that has since been moved later: the later wait is pending.
      if (self->timer_.expiry() > std::chrono::steady_clock::now()) return;
      self->timed_out_ = true;
      self->abort();
    }));
  }

  // Stops the step in progress: a pending resolve is left to finish on its own (it cannot be
  // interrupted), so the exchange ends now; a socket step ends when its handler comes back.
  void abort() {
    if (step_ == step::resolve) {
      if (resolver_) resolver_->cancel();
      return fail({});
    }
    error_code ignored;
    conn_->socket().close(ignored);
  }

  void resolve() {
    step_ = step::resolve;
    resolver_.emplace(state_->ex);
    resolver_->async_resolve(
        target_.bare_host(), target_.port,
        on_strand([self = this->shared_from_this()](const error_code& ec,
                                                    tcp::resolver::results_type found) {
          if (self->finished_) return;
          if (ec) return self->fail("the host name could not be resolved: " + ec.message());
          self->connect(found);
        }));
  }

  void connect(const tcp::resolver::results_type& found) {
    std::vector<tcp::endpoint> endpoints;
    for (const auto& entry : found) {
      // Plain http:// was allowed because the host is loopback: so must be every address.
      if (!target_.https && !state_->options.allow_plain_http &&
          !entry.endpoint().address().is_loopback())
        continue;
      endpoints.push_back(entry.endpoint());
    }
    if (endpoints.empty())
      return fail("the host name resolved to no loopback address, which plain http:// needs");
    step_ = step::connect;
    boost::beast::get_lowest_layer(conn_->stream)
        .async_connect(endpoints, on_strand([self = this->shared_from_this()](
                                                const error_code& ec, const tcp::endpoint&) {
                         if (ec) return self->fail("the connection failed: " + ec.message());
                         if (self->target_.https) return self->handshake();
                         self->write();
                       }));
  }

  void handshake() {
    step_ = step::handshake;
    SSL* ssl = conn_->stream.native_handle();
    const std::string host = target_.bare_host();
    int ok = 1;
    if (target_.is_address()) {
      ok = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str());
    } else {
      ok = SSL_set_tlsext_host_name(ssl, host.c_str()) == 1 ? SSL_set1_host(ssl, host.c_str()) : 0;
    }
    if (ok != 1) return fail("the TLS host name could not be set");
    conn_->stream.async_handshake(
        boost::asio::ssl::stream_base::client,
        on_strand([self = this->shared_from_this()](const error_code& ec) {
          if (ec) return self->fail(self->handshake_failure(ec));
          self->write();
        }));
  }

  std::string handshake_failure(const error_code& ec) {
    const long verified = SSL_get_verify_result(conn_->stream.native_handle());
    if (verified != X509_V_OK)
      return std::string("TLS handshake failed: certificate verify failed (") +
             X509_verify_cert_error_string(verified) + ")";
    return "TLS handshake failed: " + ec.message();
  }

  // Runs `f` on the stream the request travels on: TLS, or its TCP layer.
  template <class F>
  void on_stream(F&& f) {
    if (target_.https)
      f(conn_->stream);
    else
      f(conn_->stream.next_layer());
  }

  void write() {
    step_ = step::write;
    if (finished_ || !conn_->socket().is_open()) return fail({});
    written_ = true;  // from here on, bytes of the request may reach the server
    arm(deadline_);   // connected: the connect timeout no longer applies
    on_stream([this](auto& stream) {
      boost::beast::http::async_write(
          stream, message_,
          on_strand([self = this->shared_from_this()](const error_code& ec, std::size_t) {
            if (ec) return self->fail("writing the request failed: " + ec.message());
            self->read();
          }));
    });
  }

  void read() {
    step_ = step::read;
    parser_.emplace();
    parser_->body_limit(state_->options.max_response_bytes);
    parser_->header_limit(64 * 1024);
    on_stream([this](auto& stream) {
      boost::beast::http::async_read(
          stream, conn_->buffer, *parser_,
          on_strand([self = this->shared_from_this()](const error_code& ec, std::size_t) {
            self->on_read(ec);
          }));
    });
  }

  void on_read(const error_code& ec) {
    namespace bh = boost::beast::http;
    if (ec == bh::error::body_limit) {
      answer_refused_ = true;
      return fail(transport::too_large(state_->options.max_response_bytes));
    }
    if (ec) return fail(read_failure(ec));
    auto& m = parser_->get();
    const int status = static_cast<int>(m.result_int());
    if (status >= 100 && status < 200 && status != 101) return read();  // an interim answer
    http::response answer;
    answer.status = status;
    for (const auto& f : m)
      answer.headers.push_back({std::string(f.name_string()), std::string(f.value())});
    answer.body = std::move(m.body());
    // Kept only when the next request can follow on it: HTTP goes on (not after a 101), and no
    // byte arrived beyond this answer.
    const bool keep =
        status >= 200 && m.keep_alive() && conn_->buffer.size() == 0 && conn_->socket().is_open();
    if (keep) state_->give(std::move(conn_));
    finish(std::move(answer));
  }

  std::string read_failure(const error_code& ec) const {
    namespace bh = boost::beast::http;
    const bool closed = ec == bh::error::end_of_stream || ec == bh::error::partial_message ||
                        ec == boost::asio::error::eof ||
                        ec == boost::asio::error::connection_reset ||
                        ec == boost::asio::ssl::error::stream_truncated;
    if (!parser_->got_some() && closed && reused_)
      return "the kept-alive connection closed before any answer (" + ec.message() +
             "): the request was not sent again";
    if (!parser_->got_some() && closed)
      return "the connection closed before any answer (" + ec.message() + ")";
    if (closed)
      return "the connection closed before the answer was complete (" + ec.message() + ")";
    return "reading the answer failed: " + ec.message();
  }

  // The end of a failed exchange. `why` is replaced by the timeout or the cancellation when one of
  // them stopped it.
  void fail(std::string why) {
    if (finished_) return;
    errc code = written_ ? errc::outcome_unknown : errc::transport;
    if (answer_refused_) {
      code = errc::protocol;
    } else if (cancelled_) {
      why = "the operation was cancelled";
    } else if (timed_out_) {
      why = written_ ? "the timeout (" + milliseconds(state_->options.timeout) + ") passed"
                     : connect_limit_;
    }
    if (target_.where.empty()) return finish(transport::not_sent({}, why));  // before start()
    finish(transport::exchange_failure(code, target_.where, why, request_.headers));
  }

  void finish(result<http::response> r) {
    finished_ = true;
    timer_.cancel();
    auto slot = boost::asio::get_associated_cancellation_slot(handler_);
    if (slot.is_connected()) slot.clear();
    auto work = std::move(work_);
    boost::asio::dispatch(work, [h = std::move(handler_), r = std::move(r)]() mutable {
      std::move(h)(std::move(r));
    });
  }

  std::shared_ptr<shared_state<Options>> state_;
  const http::request& request_;
  http::any_send_handler handler_;
  boost::asio::any_completion_executor work_;  // keeps the handler's executor busy until the end
  boost::asio::strand<boost::asio::any_io_executor> strand_;
  boost::asio::steady_timer timer_;
  std::optional<tcp::resolver> resolver_;
  std::unique_ptr<connection> conn_;
  target target_;
  boost::beast::http::request<boost::beast::http::span_body<const char>> message_;
  std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser_;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::steady_clock::time_point connect_deadline_;
  std::string connect_limit_;  // what a timeout before the request was written says
  step step_ = step::resolve;
  bool reused_ = false;   // the connection was an idle kept-alive one
  bool written_ = false;  // the request has started to go out
  bool timed_out_ = false;
  bool cancelled_ = false;
  bool answer_refused_ = false;  // the body is over max_response_bytes
  bool finished_ = false;
};

}  // namespace detail::beast

/// An http::async_transport on Boost.Beast and OpenSSL that tells "certainly not sent"
/// (errc::transport) from "may have been sent" (errc::outcome_unknown), and never sends a request
/// twice: the asynchronous twin of curl_transport.
///
/// On every request: TLS peer and host-name verification for https:// (SNI sent); plain http://
/// only to loopback unless options::allow_plain_http; only http and https; no redirect followed;
/// HTTP/1.1; no proxy. Each host:port keeps at most one idle kept-alive connection. Not part of
/// vnum.hpp: include this header and link OpenSSL and threads (`-lssl -lcrypto -pthread`).
///
/// Cancellation (the handler's cancellation slot): a terminal one ends the operation at once,
/// with errc::transport if no byte of the request was written yet, errc::outcome_unknown after;
/// partial and total ones are honoured only before any byte was written.
///
/// Threads: one instance may run any number of concurrent operations, started from any thread;
/// each runs on its own strand of get_executor(). Copies share the connection pool and the
/// options; a moved-from instance answers errc::transport.
///
/// @code
/// boost::asio::io_context io;
/// vnum::identitycall::async_client<vnum::beast_transport> client{
///     vnum::beast_transport{io.get_executor()}, cfg};
/// @endcode
class beast_transport {
 public:
  /// One exchange's limits and safety, the same as curl_transport's: `connect_timeout` (10 s:
  /// name resolution, TCP connect and TLS handshake), `timeout` (30 s: from async_send to the last
  /// byte of the answer), `max_response_bytes` (8 MiB; a larger body is errc::protocol, never
  /// buffered), `ca_file` (empty: the system's CA store) and `allow_plain_http` (false: http://
  /// only to loopback).
  using options = detail::transport::options;

 private:
  using state = detail::beast::shared_state<options>;

 public:
  /// A transport with the default options.
  /// @param ex where operations and their timers run, and handlers without an executor of their
  ///   own; its execution context must outlive the instance and its operations.
  explicit beast_transport(boost::asio::any_io_executor ex) : beast_transport(std::move(ex), {}) {}
  /// A transport with options `o`.
  /// @param ex as for the constructor without options.
  /// @param o the limits and safety of each exchange.
  beast_transport(boost::asio::any_io_executor ex, options o)
      : ex_(ex), state_(std::make_shared<state>(std::move(ex), std::move(o))) {}

  /// A copy sharing the connection pool and the options.
  beast_transport(const beast_transport&) = default;
  /// Shares the other's connection pool and options.
  beast_transport& operator=(const beast_transport&) = default;
  /// Takes `other`'s pool and options. The executor stays with `other` too, so that it can still
  /// answer errc::transport.
  beast_transport(beast_transport&& other) noexcept
      : ex_(other.ex_),  // NOLINT(performance-move-constructor-init): copied on purpose
        state_(std::move(other.state_)) {}
  /// Takes `other`'s executor, pool and options; `other` keeps its executor, and answers
  /// errc::transport.
  beast_transport& operator=(beast_transport&& other) noexcept {
    ex_ = other.ex_;
    state_ = std::move(other.state_);
    return *this;
  }
  ~beast_transport() = default;

  /// The executor given at construction.
  boost::asio::any_io_executor get_executor() const { return ex_; }

  /// Sends `r` once and reads the whole answer, as one asynchronous operation. The handler runs
  /// through its associated executor (get_executor() by default), never before async_send returns.
  /// @param r the request; it must stay valid until the handler runs.
  /// @param token the completion token, for `void(result<http::response>)`: a callback,
  ///   `boost::asio::deferred`, use_future, use_awaitable or http::any_send_handler.
  /// @return what `token` makes of the operation. It completes with the response, whatever its
  ///   status (headers kept, a 3xx not followed); or errc::transport when not one byte of the
  ///   request was written (a URL it refuses, a DNS, connect or TLS failure, a connect timeout),
  ///   errc::outcome_unknown once it started to go out and no complete answer came back (a
  ///   timeout, a reset, an early close), errc::protocol when the body is over
  ///   options::max_response_bytes. The message names the host and the reason, never a header
  ///   value, the path or the query.
  template <class Token>
  auto async_send(const http::request& r, Token&& token) {
    return boost::asio::async_initiate<Token, http::send_signature>(
        [](auto handler, const std::shared_ptr<state>& st, const boost::asio::any_io_executor& ex,
           const http::request* req) {
          launch(st, ex, *req, http::any_send_handler(std::move(handler)));
        },
        token, state_, ex_, &r);
  }

 private:
  static void launch(const std::shared_ptr<state>& st, const boost::asio::any_io_executor& ex,
                     const http::request& r, http::any_send_handler handler) {
    std::make_shared<detail::beast::exchange<options>>(st, ex, r, std::move(handler))->launch();
  }

  boost::asio::any_io_executor ex_;
  std::shared_ptr<state> state_;
};

static_assert(http::async_transport<beast_transport>);

}  // namespace vnum

#endif  // VNUM_TRANSPORT_BEAST_HPP
