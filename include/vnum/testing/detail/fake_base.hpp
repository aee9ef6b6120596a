// vnum — what both fake providers share: thread safety, the request journal, armed faults, and
// reading the raw HTTP request (URL path and query, bearer token, JSON body). A fake reads requests
// as bytes, like the real service; it never uses vnum's validators, builders or parsers.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_DETAIL_FAKE_BASE_HPP
#define VNUM_TESTING_DETAIL_FAKE_BASE_HPP

#include <vnum/detail/json.hpp>
#include <vnum/http.hpp>
#include <vnum/testing/fault.hpp>
#include <vnum/testing/journal.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing::detail {

// "https://host:port/a/b?x=1" -> path "/a/b", query "x=1".
struct target {
  std::string path;
  std::string query;
};

inline target parse_target(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    auto slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  }
  auto q = url.find('?');
  if (q == std::string_view::npos) return {std::string(url), {}};
  return {std::string(url.substr(0, q)), std::string(url.substr(q + 1))};
}

// The value of `name` in a query string, undecoded (the fakes' parameters need no decoding).
inline std::optional<std::string> query_param(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    auto eq = pair.find('=');
    if (pair.substr(0, eq) == name)
      return std::string(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

// The token of an "authorization: Bearer <token>" header; empty when there is none.
inline std::string bearer_token(const http::request& r) {
  auto h = http::find_header(r, "authorization");
  if (!h || h->size() < 7 || !http::iequals(h->substr(0, 7), "bearer ")) return {};
  return std::string(h->substr(7));
}

// A string member of a request body; nullopt when absent or not a string.
inline std::optional<std::string> string_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

// The same, with absent and mistyped read as empty (how the providers treat a missing field).
inline std::string text(const boost::json::object& o, std::string_view key) {
  return string_field(o, key).value_or("");
}

// The body as a JSON object; nullopt when it is not one. An empty body is an empty object.
inline std::optional<boost::json::object> body_object(const http::request& r) {
  if (r.body.empty()) return boost::json::object();
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.get_object());
}

inline http::response json_response(int status, const boost::json::value& body,
                                    std::vector<http::header> extra = {}) {
  http::response r;
  r.status = status;
  r.headers.push_back({"content-type", "application/json"});
  for (auto& h : extra) r.headers.push_back(std::move(h));
  r.body = boost::json::serialize(body);
  return r;
}

// What every fake does around its own rules: thread safety, the journal of requests received
// (the last journal_limit() of them), and the faults armed for the next matching request. Derived
// supplies match(request) -> {route or nullopt, path parameter}, handle(request, route, parameter)
// -> response, and injected(fault) -> the provider's answer for an injected status; each is called
// under the lock.
template <class Derived, class Route>
class fake_base {
 public:
  fake_base() = default;
  fake_base(const fake_base&) = delete;
  fake_base& operator=(const fake_base&) = delete;

  // The requests received, in order, of those the journal keeps (a request lost by an injected
  // fault never arrived).
  std::vector<http::request> journal() const {
    std::lock_guard lock(mutex_);
    std::vector<http::request> out;
    out.reserve(journal_.size());
    for (const auto& e : journal_)
      if (e.outcome != journal_outcome::request_lost) out.push_back(e.request);
    return out;
  }

  // Every request the journal keeps, lost ones too, each with what the fake did; only those
  // whose sequence is above `after`.
  std::vector<journal_entry<Route>> journal_entries(std::uint64_t after = 0) const {
    std::lock_guard lock(mutex_);
    std::vector<journal_entry<Route>> out;
    for (const auto& e : journal_)
      if (e.sequence > after) out.push_back(e);
    return out;
  }

  // Keeps the last n requests from now on (dropping the oldest beyond n at once).
  void set_journal_limit(std::size_t n) {
    std::lock_guard lock(mutex_);
    limit_ = n;
    trim();
  }
  std::size_t journal_limit() const {
    std::lock_guard lock(mutex_);
    return limit_;
  }
  // How many requests the journal let go to stay within its limit.
  std::uint64_t journal_dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
  }
  // How many requests the fake received in all (the last entry's sequence).
  std::uint64_t journal_received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

  // Arms a fault for the next request, or for the next request to one route.
  void fail_next(fault f) {
    std::lock_guard lock(mutex_);
    armed_.push_back({f, std::nullopt});
  }
  void fail_next(fault f, Route only) {
    std::lock_guard lock(mutex_);
    armed_.push_back({f, only});
  }
  // The faults armed and not fired yet, in the order they will be considered.
  std::vector<armed_fault<Route>> armed_faults() const {
    std::lock_guard lock(mutex_);
    return {armed_.begin(), armed_.end()};
  }

  result<http::response> send(const http::request& r) {
    std::lock_guard lock(mutex_);
    Derived& self = static_cast<Derived&>(*this);
    const auto [route, parameter] = self.match(r);
    std::optional<fault> f = take(route);
    if (f && f->type() == fault::kind::request_lost) {
      record(r, route, 0, journal_outcome::request_lost);
      return make_error(errc::transport, "injected fault: the request never reached the provider");
    }
    if (f && f->type() == fault::kind::status) {
      http::response injected = Derived::injected(*f);
      record(r, route, injected.status, journal_outcome::injected_status);
      return injected;
    }
    http::response answer = self.handle(r, route, parameter);
    if (f && f->type() == fault::kind::response_lost) {
      record(r, route, answer.status, journal_outcome::response_lost);
      return make_error(errc::outcome_unknown,
                        "injected fault: the provider applied the request but its answer was lost");
    }
    const bool ok = answer.status >= 200 && answer.status < 300;
    record(r, route, answer.status,
           r.method == http::method::get ? journal_outcome::answered
           : ok                          ? journal_outcome::applied
                                         : journal_outcome::refused);
    return answer;
  }

 protected:
  mutable std::mutex mutex_;  // guards the derived fake's state too

 private:
  // The first armed fault that applies to this route, removed from the queue.
  std::optional<fault> take(std::optional<Route> route) {
    for (auto it = armed_.begin(); it != armed_.end(); ++it) {
      if (it->only && it->only != route) continue;
      fault f = it->what;
      armed_.erase(it);
      return f;
    }
    return std::nullopt;
  }

  void record(const http::request& r, std::optional<Route> route, int status,
              journal_outcome outcome) {
    journal_.push_back({++received_, r, route, status, outcome});
    trim();
  }

  void trim() {
    while (journal_.size() > limit_) {
      journal_.pop_front();
      ++dropped_;
    }
  }

  std::deque<armed_fault<Route>> armed_;
  std::deque<journal_entry<Route>> journal_;
  std::size_t limit_ = default_journal_limit;
  std::uint64_t dropped_ = 0;
  std::uint64_t received_ = 0;
};

}  // namespace vnum::testing::detail

#endif  // VNUM_TESTING_DETAIL_FAKE_BASE_HPP
