// vnum — what a fake provider keeps of the requests it received: the last N of them, each with
// what the fake did, and a count of those it let go.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_JOURNAL_HPP
#define VNUM_TESTING_JOURNAL_HPP

#include <vnum/http.hpp>
#include <vnum/testing/fault.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace vnum::testing {

/// How many requests a fake's journal keeps unless told otherwise (set_journal_limit()): enough
/// for any test's assertions, few enough that a long-lived fake does not grow without bound.
inline constexpr std::size_t default_journal_limit = 10'000;

/// What a fake did with one request (journal_entry::outcome).
enum class journal_outcome {
  answered,         ///< A read (GET), answered with whatever status it earned.
  applied,          ///< A write the fake applied: it answered 2xx.
  refused,          ///< A write the fake refused, changing nothing: it answered 4xx or 5xx.
  request_lost,     ///< An injected fault::request_lost(): it never reached the fake.
  response_lost,    ///< An injected fault::response_lost(): handled, then its answer was lost.
  injected_status,  ///< An injected fault::status(): that status answered, nothing changed.
};

/// The outcome's name, as vnum-fake-server's journal shows it.
/// @param o the outcome.
/// @return its enumerator's name: "applied", "request_lost", ...
constexpr std::string_view to_string(journal_outcome o) noexcept {
  switch (o) {
    case journal_outcome::answered:
      return "answered";
    case journal_outcome::applied:
      return "applied";
    case journal_outcome::refused:
      return "refused";
    case journal_outcome::request_lost:
      return "request_lost";
    case journal_outcome::response_lost:
      return "response_lost";
    case journal_outcome::injected_status:
      return "injected_status";
  }
  return "";
}

/// One request a fake received, and what it did with it (journal_entries()).
/// @tparam Route the fake's route enumeration (cellcast_route, identitycall_route).
template <class Route>
struct journal_entry {
  /// 1 for the fake's first request, counting every request since it was made (also those the
  /// journal no longer keeps), so that a reader can ask only for what is new.
  std::uint64_t sequence = 0;
  http::request request;         ///< The request as received, credentials included.
  std::optional<Route> route;    ///< The route it matched; nullopt for an unknown route.
  int status = 0;                ///< The status answered (or that was lost); 0 for request_lost.
  journal_outcome outcome = {};  ///< What the fake did.
};

/// A fault armed and not fired yet (armed_faults()).
/// @tparam Route the fake's route enumeration.
template <class Route>
struct armed_fault {
  fault what;                 ///< The fault.
  std::optional<Route> only;  ///< The route it waits for; nullopt: the next request, any route.
};

}  // namespace vnum::testing

#endif  // VNUM_TESTING_JOURNAL_HPP
