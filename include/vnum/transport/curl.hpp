// vnum — vnum::curl_transport, an http::transport on libcurl that tells "certainly not sent" from
// "may have been sent" for you.
//
// Not included by <vnum/vnum.hpp> (nor by the single header): include it yourself and link libcurl
// (7.85 or later; Debian: libcurl4-openssl-dev):
//
//   #include <vnum/transport/curl.hpp>     g++ -std=c++20 ... -lcurl
//   Meson: dependency('vnum-curl')          CMake: target_link_libraries(app PRIVATE vnum::curl)
//   Single header: #include "vnum.hpp" then #include <vnum/transport/curl.hpp>, with this file and
//   detail/checks.hpp copied as vnum/transport/ into a directory on the include path
//
//   vnum::cellcast::client<vnum::curl_transport> cellcast{vnum::curl_transport{}, cfg};
//
// What send() returns:
//   - any status the server answered is an http::response, headers kept (a 429's Retry-After
//     reaches the parser; a 500 is a response, not an error);
//   - errc::transport when not one byte of the request was written: a URL it refuses (below), a
//     DNS failure, a refused connection, a TLS handshake or certificate failure, a connect timeout;
//   - errc::outcome_unknown when any byte of the request was written and no complete answer came
//     back: a timeout, a reset, a connection closed before the answer was complete, a body that
//     stalls past options::timeout;
//   - errc::protocol when the body is larger than options::max_response_bytes (a Content-Length
//     above it is refused before the body is read; a body without one is counted as it arrives).
//   The message names the host (and port) and curl's reason; never a header value, the path or
//   the query.
//
// Safety it keeps on every request:
//   - TLS peer and host-name verification are always on for https:// (options::ca_file replaces
//     the system's CA store; nothing turns verification off);
//   - plain http:// only to loopback (127.0.0.0/8, localhost, [::1]) unless
//     options::allow_plain_http; checked on the URL as libcurl parses it, before any connection
//     (libcurl then uses that very parse), and the reply names the host and says nothing was sent;
//   - only http and https; redirects are never followed (a 3xx is returned as a response);
//   - a request is never sent twice: libcurl silently resends a request whose reused connection
//     closed before any answer, which for a purchase would buy twice; this transport stops that
//     resend and returns errc::outcome_unknown instead;
//   - HTTP/1.1; no "Expect: 100-continue"; no compression asked for. Proxies come from the usual
//     environment variables (http_proxy, https_proxy, no_proxy), except for loopback hosts, which
//     are always reached directly. Through a proxy, its CONNECT request counts as written: a
//     failure after it is errc::outcome_unknown (the safe side).
//
// Connections: one libcurl handle per instance, so consecutive requests to the same host reuse one
// kept-alive connection.
//
// Threads: one instance may be shared between threads. Its requests are serialized (a mutex is
// held for the whole exchange), so a shared instance sends one request at a time; for parallel
// requests give each thread its own instance. Moving an instance is cheap; a moved-from instance
// answers errc::transport. curl_global_init runs once, the first time an instance is built.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TRANSPORT_CURL_HPP
#define VNUM_TRANSPORT_CURL_HPP

// With the single header (single_include/vnum/vnum.hpp), include "vnum.hpp" before this file,
// copied next to it: the two headers below are in it already, and their guards say so.
#ifndef VNUM_HTTP_HPP
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#endif
#include <vnum/transport/detail/checks.hpp>

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if LIBCURL_VERSION_NUM < 0x075500
#error "vnum/transport/curl.hpp needs libcurl 7.85 or later (CURLOPT_PROTOCOLS_STR)"
#endif

namespace vnum {

namespace detail::curl {

// ---- The URL check, before anything is sent.

using transport::check_headers;
using transport::is_loopback_host;
using transport::is_loopback_ipv4;
using transport::is_loopback_ipv6;
using transport::mask_header_values;
using transport::not_sent;

struct url_deleter {
  void operator()(CURLU* u) const noexcept { curl_url_cleanup(u); }
};
using url_ptr = std::unique_ptr<CURLU, url_deleter>;

inline std::string url_part(CURLU* u, CURLUPart part) {
  char* s = nullptr;
  if (curl_url_get(u, part, &s, 0) != CURLUE_OK || s == nullptr) return {};
  std::string out(s);
  curl_free(s);
  return out;
}

// A URL as libcurl parsed it, checked; libcurl is then given this very handle (CURLOPT_CURLU), so
// what was checked is what is used.
struct target {
  url_ptr url;
  std::string scheme;  // "http" or "https"
  std::string host;    // as parsed: IPv4 normalized, IPv6 in brackets
  std::string where;   // host[:port], for messages
  bool loopback = false;
};

// Refuses (errc::transport, nothing sent) a URL libcurl cannot parse, a scheme other than http and
// https, and plain http:// to a host that is not loopback unless allow_plain_http. The message
// names the host, never the path or the query.
inline result<target> check_url(std::string_view url, bool allow_plain_http) {
  target t;
  t.url.reset(curl_url());
  if (!t.url) return not_sent({}, "out of memory");
  if (url.find('\0') != std::string_view::npos) return not_sent({}, "the URL contains a NUL");
  const std::string copy(url);
  if (CURLUcode rc = curl_url_set(t.url.get(), CURLUPART_URL, copy.c_str(), 0); rc != CURLUE_OK)
    return not_sent({}, std::string("the URL is refused (") + curl_url_strerror(rc) + ")");
  t.scheme = url_part(t.url.get(), CURLUPART_SCHEME);
  t.host = url_part(t.url.get(), CURLUPART_HOST);
  const std::string port = url_part(t.url.get(), CURLUPART_PORT);
  t.where = port.empty() ? t.host : t.host + ":" + port;
  const bool https = http::iequals(t.scheme, "https");
  if (!https && !http::iequals(t.scheme, "http"))
    return not_sent(t.where, "only http:// and https:// URLs are sent (" + t.scheme + "://)");
  if (t.host.empty()) return not_sent({}, "the URL has no host");
  t.loopback = is_loopback_host(t.host);
  if (!https && !t.loopback && !allow_plain_http)
    return transport::plain_http_refused(t.where, "curl_transport::options::allow_plain_http");
  return t;
}

// ---- The classification of a failed exchange.

// The errc of an exchange that did not end with a complete answer: protocol for a body over the
// limit, else outcome_unknown if any byte of the request was written, else transport.
constexpr errc classify(CURLcode code, bool request_written, bool too_large) noexcept {
  if (too_large || code == CURLE_FILESIZE_EXCEEDED) return errc::protocol;
  return request_written ? errc::outcome_unknown : errc::transport;
}

// ---- One exchange.

// What the callbacks collect while libcurl runs one request.
struct exchange_state {
  std::size_t max_body = 0;
  http::response answer;
  bool in_trailers = false;
  bool request_written = false;  // a byte of the request went out (CURLOPT_DEBUGFUNCTION)
  bool resend_stopped = false;   // libcurl wanted to send the request again; it was stopped
  bool too_large = false;
  bool callback_failed = false;  // out of memory in a callback

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept {
    auto& st = *static_cast<exchange_state*>(self);
    const std::size_t n = size * count;
    if (n > st.max_body - st.answer.body.size()) {
      st.too_large = true;
      return 0;  // CURLE_WRITE_ERROR: nothing more is read
    }
    try {
      st.answer.body.append(data, n);
    } catch (...) {
      st.callback_failed = true;
      return 0;
    }
    return n;
  }

  static std::size_t on_header(char* data, std::size_t size, std::size_t count,
                               void* self) noexcept {
    auto& st = *static_cast<exchange_state*>(self);
    const std::size_t n = size * count;
    std::string_view line(data, n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    try {
      if (line.starts_with("HTTP/")) {  // a new block: an interim 1xx came before, or the first
        st.answer.headers.clear();
        st.in_trailers = false;
        return n;
      }
      if (line.empty()) {
        st.in_trailers = true;  // end of the header block; what follows the body is trailers
        return n;
      }
      if (st.in_trailers) return n;
      if (line.front() == ' ' || line.front() == '\t') {  // obsolete line folding
        if (!st.answer.headers.empty()) {
          st.answer.headers.back().value += ' ';
          st.answer.headers.back().value += trim(line);
        }
        return n;
      }
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) return n;
      http::header h{std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))};
      if (http::iequals(h.name, "content-length") && exceeds(h.value, st.max_body)) {
        st.too_large = true;
        return 0;  // refused before the body is read
      }
      st.answer.headers.push_back(std::move(h));
    } catch (...) {
      st.callback_failed = true;
      return 0;
    }
    return n;
  }

  static int on_debug(CURL*, curl_infotype type, char*, std::size_t size, void* self) noexcept {
    auto& st = *static_cast<exchange_state*>(self);
    if ((type == CURLINFO_HEADER_OUT || type == CURLINFO_DATA_OUT) && size > 0)
      st.request_written = true;
    return 0;
  }

  // Called before each request goes out on a connection: a second time only when libcurl is about
  // to send the same request again (a reused connection that closed without answering).
  static int on_prerequest(void* self, char*, char*, int, int) noexcept {
    auto& st = *static_cast<exchange_state*>(self);
    if (!st.request_written) return CURL_PREREQFUNC_OK;
    st.resend_stopped = true;
    return CURL_PREREQFUNC_ABORT;
  }

  static std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  // Whether a Content-Length value is above max (a value that is not a number is left to libcurl).
  static bool exceeds(std::string_view value, std::size_t max) noexcept {
    if (value.empty()) return false;
    std::size_t v = 0;
    for (char c : value) {
      if (c < '0' || c > '9') return false;
      const auto d = static_cast<std::size_t>(c - '0');
      if (v > (std::numeric_limits<std::size_t>::max() - d) / 10) return true;
      v = v * 10 + d;
    }
    return v > max;
  }
};

struct easy_deleter {
  void operator()(CURL* h) const noexcept { curl_easy_cleanup(h); }
};
struct slist_deleter {
  void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};

// Sets options, remembering the first that libcurl refused.
class option_setter {
 public:
  explicit option_setter(CURL* h) : h_(h) {}
  template <class V>
  void operator()(CURLoption option, V value) {
    if (failed_ == CURLE_OK) failed_ = curl_easy_setopt(h_, option, value);
  }
  CURLcode failed() const noexcept { return failed_; }

 private:
  CURL* h_;
  CURLcode failed_ = CURLE_OK;
};

inline bool global_init() {
  static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  return rc == CURLE_OK;
}

}  // namespace detail::curl

/// An http::transport on libcurl that tells "certainly not sent" (errc::transport) from "may have
/// been sent" (errc::outcome_unknown), and never sends a request twice.
///
/// On every request: TLS peer and host-name verification for https://; plain http:// only to
/// loopback unless options::allow_plain_http; only http and https; no redirect followed; HTTP/1.1.
/// Proxies come from the environment (http_proxy, https_proxy, no_proxy), never for loopback.
/// Consecutive requests to one host reuse one kept-alive connection. Not part of vnum.hpp:
/// include this header and link libcurl 7.85 or later (`-lcurl`).
///
/// Threads: one instance may be shared between threads, but its requests are serialized (a mutex
/// is held for the whole exchange); for parallel requests give each thread its own instance.
/// Moving is cheap; a moved-from instance answers errc::transport.
///
/// @code
/// vnum::cellcast::client<vnum::curl_transport> cellcast{vnum::curl_transport{}, cfg};
/// auto cards = cellcast.list_cards();
/// @endcode
class curl_transport {
 public:
  /// One exchange's limits and safety, the same as beast_transport's: `connect_timeout` (10 s:
  /// name resolution, TCP and TLS), `timeout` (30 s: the whole exchange), `max_response_bytes`
  /// (8 MiB; a larger body is errc::protocol, never buffered), `ca_file` (empty: the system's CA
  /// store) and `allow_plain_http` (false: http:// only to loopback).
  using options = detail::transport::options;

  /// A transport with the default options.
  curl_transport() : curl_transport(options{}) {}
  /// A transport with options `o`.
  /// @param o the limits; the timeouts must be positive, or every send is errc::transport.
  explicit curl_transport(options o) : session_(std::make_unique<session>(std::move(o))) {}

  /// Sends `r` once and reads the whole answer, blocking the calling thread.
  /// @param r the request; its URL must be http:// or https://.
  /// @return the response, whatever its status (headers kept, a 3xx not followed); or
  ///   errc::transport when not one byte of the request was written (a URL it refuses, a DNS,
  ///   connect or TLS failure, a connect timeout), errc::outcome_unknown when some was and no
  ///   complete answer came back (a timeout, a reset, an early close), errc::protocol when the
  ///   body is over options::max_response_bytes or the answer has no HTTP status. The message
  ///   names the host and the reason, never a header value, the path or the query.
  result<http::response> send(const http::request& r) {
    if (!session_) return detail::curl::not_sent({}, "this curl_transport was moved from");
    std::lock_guard lock(session_->mutex);
    return session_->send(r);
  }

 private:
  class session {
   public:
    explicit session(options o) : options_(std::move(o)) {
      if (detail::curl::global_init()) easy_.reset(curl_easy_init());
    }

    result<http::response> send(const http::request& r) {
      namespace dc = detail::curl;
      auto checked = dc::check_url(r.url, options_.allow_plain_http);
      if (!checked) return checked.error();
      const std::string& where = checked->where;
      if (auto headers = dc::check_headers(r.headers, where); !headers) return headers.error();
      if (options_.timeout.count() <= 0 || options_.connect_timeout.count() <= 0)
        return dc::not_sent(where, "curl_transport::options timeouts must be positive");
      if (!easy_) return dc::not_sent(where, "libcurl could not be initialized");

      CURL* h = easy_.get();
      curl_easy_reset(h);  // options only: the open connection, DNS and TLS session caches stay
      dc::exchange_state st;
      st.max_body = options_.max_response_bytes;
      std::array<char, CURL_ERROR_SIZE> reason{};

      std::unique_ptr<curl_slist, dc::slist_deleter> list;
      auto add = [&](const std::string& line) {
        curl_slist* next = curl_slist_append(list.get(), line.c_str());
        if (next == nullptr) return false;
        (void)list.release();
        list.reset(next);
        return true;
      };
      bool has_content_type = false;
      for (const auto& hd : r.headers) {
        has_content_type = has_content_type || http::iequals(hd.name, "content-type");
        // "Name;" is libcurl's spelling of a header with an empty value ("Name:" removes it).
        if (!add(hd.value.empty() ? hd.name + ";" : hd.name + ": " + hd.value))
          return dc::not_sent(where, "out of memory");
      }
      if (!add("Expect:")) return dc::not_sent(where, "out of memory");
      // Without one of its own, a body would be labelled application/x-www-form-urlencoded.
      if (!has_content_type && !add("Content-Type:")) return dc::not_sent(where, "out of memory");

      dc::option_setter set(h);
      set(CURLOPT_CURLU, checked->url.get());
      set(CURLOPT_PROTOCOLS_STR, "http,https");
      set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
      set(CURLOPT_FOLLOWLOCATION, 0L);
      set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
      set(CURLOPT_NOSIGNAL, 1L);
      set(CURLOPT_CONNECTTIMEOUT_MS, to_long(options_.connect_timeout.count()));
      set(CURLOPT_TIMEOUT_MS, to_long(options_.timeout.count()));
      set(CURLOPT_SSL_VERIFYPEER, 1L);
      set(CURLOPT_SSL_VERIFYHOST, 2L);
      if (!options_.ca_file.empty()) set(CURLOPT_CAINFO, options_.ca_file.c_str());
      if (checked->loopback) set(CURLOPT_PROXY, "");  // loopback is never reached through a proxy
      set(CURLOPT_ERRORBUFFER, reason.data());
      set(CURLOPT_HTTPHEADER, list.get());
      set(CURLOPT_WRITEFUNCTION, &dc::exchange_state::on_body);
      set(CURLOPT_WRITEDATA, static_cast<void*>(&st));
      set(CURLOPT_HEADERFUNCTION, &dc::exchange_state::on_header);
      set(CURLOPT_HEADERDATA, static_cast<void*>(&st));
      set(CURLOPT_VERBOSE, 1L);  // CURLOPT_DEBUGFUNCTION is called only in verbose mode
      set(CURLOPT_DEBUGFUNCTION, &dc::exchange_state::on_debug);
      set(CURLOPT_DEBUGDATA, static_cast<void*>(&st));
      set(CURLOPT_PREREQFUNCTION, &dc::exchange_state::on_prerequest);
      set(CURLOPT_PREREQDATA, static_cast<void*>(&st));
      if (options_.max_response_bytes <
          static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max()))
        set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_response_bytes));
      if (r.method == http::method::get && r.body.empty()) {
        set(CURLOPT_HTTPGET, 1L);
      } else {
        // Every other request carries its body (possibly empty, as Content-Length: 0).
        const std::string_view verb = http::to_string(r.method);
        set(CURLOPT_POST, 1L);
        set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        set(CURLOPT_POSTFIELDS, r.body.data());
        if (r.method != http::method::post) set(CURLOPT_CUSTOMREQUEST, verb.data());
      }
      if (set.failed() != CURLE_OK)
        return dc::not_sent(where, std::string("this libcurl refuses a required option (") +
                                       curl_easy_strerror(set.failed()) + ")");

      const CURLcode rc = curl_easy_perform(h);
      curl_easy_setopt(h, CURLOPT_CURLU, static_cast<CURLU*>(nullptr));  // checked->url goes now
      curl_easy_setopt(h, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
      curl_easy_setopt(h, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));

      if (rc == CURLE_OK && !st.too_large && !st.callback_failed) {
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        if (status < 100 || status > 999)
          return make_error(errc::protocol, "the answer from " + where + " has no HTTP status");
        st.answer.status = static_cast<int>(status);
        return std::move(st.answer);
      }
      return failure(rc, st, std::string_view(reason.data()), where, r.headers);
    }

    std::mutex mutex;

   private:
    static long to_long(std::int64_t ms) {
      return ms > std::numeric_limits<long>::max() ? std::numeric_limits<long>::max()
                                                   : static_cast<long>(ms);
    }

    error failure(CURLcode rc, const detail::curl::exchange_state& st, std::string_view curl_reason,
                  const std::string& where, const std::vector<http::header>& headers) const {
      const errc code = detail::curl::classify(rc, st.request_written, st.too_large);
      std::string why;
      if (st.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
        why = detail::transport::too_large(options_.max_response_bytes);
      } else if (st.resend_stopped) {
        why =
            "the connection closed before any answer, and libcurl would have sent the request a "
            "second time: it was not sent again";
      } else if (st.callback_failed) {
        why = "out of memory while reading the answer";
      } else {
        why = curl_easy_strerror(rc);
        if (!curl_reason.empty() && curl_reason != why)
          why += " (" + std::string(curl_reason) + ")";
      }
      return detail::transport::exchange_failure(code, where, why, headers);
    }

    options options_;
    std::unique_ptr<CURL, detail::curl::easy_deleter> easy_;
  };

  std::unique_ptr<session> session_;
};

static_assert(http::transport<curl_transport>);
static_assert(http::transport<curl_transport&>);

}  // namespace vnum

#endif  // VNUM_TRANSPORT_CURL_HPP
