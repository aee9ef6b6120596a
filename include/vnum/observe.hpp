// vnum — observing calls: one event per attempt, for logs, audits and metrics.
// SPDX-License-Identifier: MIT
#ifndef VNUM_OBSERVE_HPP
#define VNUM_OBSERVE_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace vnum {

/// What a plan decided after one attempt.
enum class call_decision {
  retry,            ///< the attempt failed and another follows, after call_event::wait
  next_page,        ///< the page was read and the list goes on with the next one
  success,          ///< the call ended with its result
  error,            ///< the call ended with an error that says how it ended
  outcome_unknown,  ///< the call ended in errc::outcome_unknown: it may have taken effect
};

/// The decision's name: "retry", "next_page", "success", "error", "outcome_unknown".
constexpr std::string_view to_string(call_decision d) noexcept {
  switch (d) {
    case call_decision::retry:
      return "retry";
    case call_decision::next_page:
      return "next_page";
    case call_decision::success:
      return "success";
    case call_decision::error:
      return "error";
    case call_decision::outcome_unknown:
      return "outcome_unknown";
  }
  return "error";
}

/// One attempt of one call, as its plan saw it: emitted once per request sent (and once for a call
/// answered without sending: refused by a validator, or replayed from an intent ledger).
///
/// It never carries the API key, a query string, a request or response body, or a header: the path
/// is the URL's path only, so a value that could be personal or secret stays out. The views are
/// valid during the callback only.
struct call_event {
  std::string_view provider;                   ///< "cellcast" or "identitycall"
  std::string_view operation;                  ///< the client method's name, e.g. "purchase_number"
  operation_kind kind = operation_kind::read;  ///< read, idempotent write or creating write
  int attempt = 0;        ///< 1 for the first request of the call (of the page, for lists)
  std::int64_t page = 0;  ///< for a list: the page (1 for the first request); else 0
  http::method method = http::method::get;  ///< the request's method
  std::string_view path;      ///< the URL's path, without scheme, host or query; empty if none
  int status = 0;             ///< the HTTP status, 0 when no response was received
  std::optional<errc> error;  ///< the attempt's error, empty when it succeeded
  std::chrono::microseconds duration{};  ///< from sending the request to its answer, by the runner
  std::optional<std::chrono::milliseconds> wait;    ///< the wait before the next attempt (retry)
  call_decision decision = call_decision::success;  ///< what the plan did next
  bool sent = true;  ///< false when nothing was sent (a refused or replayed call)
};

/// The callback a config's `observe` holds; called on the thread that runs the call, in order. It
/// must not throw (an exception it throws is swallowed: observing never changes a call's result).
using observer = std::function<void(const call_event&)>;

namespace detail {

// Which operation a plan runs, for its events.
struct operation_id {
  std::string_view provider;
  std::string_view name;
  operation_kind kind = operation_kind::read;
};

// The path of a URL: after "scheme://host", up to '?' or '#'.
constexpr std::string_view url_path(std::string_view url) noexcept {
  const auto scheme = url.find("://");
  const auto from = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (from == std::string_view::npos) return {};
  auto path = url.substr(from);
  const auto end = path.find_first_of("?#");
  return end == std::string_view::npos ? path : path.substr(0, end);
}

// Calls the observer, if any, and swallows what it throws.
inline void notify(const observer* o, const call_event& e) noexcept {
  if (o == nullptr || !*o) return;
  try {
    (*o)(e);
  } catch (...) {  // NOLINT(bugprone-empty-catch): observing never changes a call's result
  }
}

}  // namespace detail

}  // namespace vnum

#endif  // VNUM_OBSERVE_HPP
