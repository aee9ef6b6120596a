// vnum — what both fake providers share: thread safety, the request journal, armed faults, and
// reading the raw HTTP request (URL path and query, bearer token; the JSON body is read by the
// fakes' definitions, with <vnum/testing/detail/fake_json.hpp>). A fake reads requests as bytes,
// like the real service; it never uses vnum's validators, builders or parsers.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_DETAIL_FAKE_BASE_HPP
#define VNUM_TESTING_DETAIL_FAKE_BASE_HPP

#include <vnum/http.hpp>
#include <vnum/testing/fault.hpp>
#include <vnum/testing/journal.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
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

// What every fake does around its own rules: thread safety, the journal of requests received
// (the last journal_limit() of them), and the faults armed for the next matching request. Derived
// supplies match(request) -> {route or nullopt, path parameter}, handle(request, route, parameter)
// -> response, and injected(fault) -> the provider's answer for an injected status; each is called
// under the lock. The members are defined in <vnum/testing/impl/fake_base.hpp> and instantiated
// once per program, for each fake, by that fake's definitions.
template <class Derived, class Route>
class fake_base {
 public:
  fake_base();
  ~fake_base();
  fake_base(const fake_base&) = delete;
  fake_base& operator=(const fake_base&) = delete;

  // The requests received, in order, of those the journal keeps (a request lost by an injected
  // fault never arrived).
  std::vector<http::request> journal() const;

  // Every request the journal keeps, lost ones too, each with what the fake did; only those
  // whose sequence is above `after`.
  std::vector<journal_entry<Route>> journal_entries(std::uint64_t after = 0) const;

  // Keeps the last n requests from now on (dropping the oldest beyond n at once).
  void set_journal_limit(std::size_t n);
  std::size_t journal_limit() const;
  // How many requests the journal let go to stay within its limit.
  std::uint64_t journal_dropped() const;
  // How many requests the fake received in all (the last entry's sequence).
  std::uint64_t journal_received() const;

  // Arms a fault for the next request, or for the next request to one route.
  void fail_next(fault f);
  void fail_next(fault f, Route only);
  // The faults armed and not fired yet, in the order they will be considered.
  std::vector<armed_fault<Route>> armed_faults() const;

  result<http::response> send(const http::request& r);
  // The same, keeping the request itself in the journal instead of a copy (vnum-fake-server).
  result<http::response> send(http::request&& r);

 protected:
  mutable std::mutex mutex_;  // guards the derived fake's state too

 private:
  template <class Request>
  result<http::response> send_and_record(Request&& r);

  struct journal_state;  // the armed faults and the journal (<vnum/testing/impl/fake_base.hpp>)
  std::unique_ptr<journal_state> journal_;
};

}  // namespace vnum::testing::detail

#endif  // VNUM_TESTING_DETAIL_FAKE_BASE_HPP
