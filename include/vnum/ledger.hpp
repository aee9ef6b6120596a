// vnum — the intent ledger's contract: the vnum::ledger concept and the types a ledger keeps and
// trades in (intent_record, intent_claim, claim_outcome, settlement, intent_state, ledger_time).
// <vnum/intent.hpp> (exactly once, even across crashes) includes it; a ledger's own header, such
// as vnum/testing/memory_ledger.hpp, needs no more than this.
// SPDX-License-Identifier: MIT
#ifndef VNUM_LEDGER_HPP
#define VNUM_LEDGER_HPP

#include <vnum/error.hpp>

#include <array>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnum {

/// Where an intent stands in its ledger (<vnum/intent.hpp>'s table says what each means for the
/// same key).
enum class intent_state {
  pending,    ///< claimed, and its request being sent (or its owner died before settling it)
  succeeded,  ///< the provider's answer was a success
  refused,    ///< a documented refusal of this request (invalid_argument, not_found, conflict or
              ///< unprocessable)
  unknown     ///< errc::outcome_unknown: the request may have taken effect
};

/// The state's name, as a ledger stores it: "pending", "succeeded", "refused" or "unknown".
/// @param s the state
/// @return its name; "unknown" for a value that is not an enumerator
constexpr std::string_view to_string(intent_state s) noexcept {
  switch (s) {
    case intent_state::pending:
      return "pending";
    case intent_state::succeeded:
      return "succeeded";
    case intent_state::refused:
      return "refused";
    case intent_state::unknown:
      return "unknown";
  }
  return "unknown";
}

/// The state a stored text names (to_string(intent_state) read back).
/// @param s the text, compared exactly
/// @return the state; empty for any other text (a store refuses such a row)
constexpr std::optional<intent_state> intent_state_from_string(std::string_view s) noexcept {
  for (auto st : {intent_state::pending, intent_state::succeeded, intent_state::refused,
                  intent_state::unknown})
    if (to_string(st) == s) return st;
  return std::nullopt;
}

/// Times in a ledger: milliseconds since the Unix epoch, UTC.
using ledger_time = std::chrono::sys_time<std::chrono::milliseconds>;

/// A ledger time as ISO 8601 in UTC, to the millisecond: "2026-12-06T07:45:01.123Z".
/// @param t the time, from 1970 on (a time before the epoch is not printed correctly)
/// @return the text
inline std::string to_iso8601(ledger_time t) {
  const auto ms = t.time_since_epoch().count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  std::array<char, 32> buf{};
  const auto n = std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%S", &tm);
  std::string out(buf.data(), n);
  const auto frac = static_cast<int>(ms % 1000);
  out += '.';
  out += static_cast<char>('0' + frac / 100);
  out += static_cast<char>('0' + frac / 10 % 10);
  out += static_cast<char>('0' + frac % 10);
  out += 'Z';
  return out;
}

/// One intent as a ledger keeps it.
struct intent_record {
  std::string key;          ///< the intent key the caller chose
  std::string operation;    ///< the provider and operation, e.g. "identitycall.purchase_number"
  std::string fingerprint;  ///< the request as built, secrets and credentials excluded
  intent_state state = intent_state::pending;  ///< where it stands
  std::string owner;                           ///< the claimant's token (a pending intent's)
  ledger_time created_at{};   ///< when it was claimed, just before its request went out
  ledger_time lease_until{};  ///< a pending intent's owner is alive until then
  ledger_time settled_at{};   ///< when it left pending (zero while pending)
  bool owner_alive = false;   ///< pending and lease_until is after the ledger's now, as read
  int answer_status = 0;      ///< succeeded: the provider's status; 0 when no answer was kept
  std::string answer_body;    ///< succeeded: the provider's body, the API key redacted
  /// refused or unknown: the error the call returned, its retry_after cleared
  error refusal;
  std::string note;  ///< how it was settled: "answer", "reconciled: ...", "person: ..."
  /// Compares every field.
  friend bool operator==(const intent_record&, const intent_record&) = default;
};

/// What a claimant asks of the ledger: the key, if nobody holds it.
struct intent_claim {
  std::string key;                    ///< the intent key
  std::string operation;              ///< as intent_record::operation
  std::string fingerprint;            ///< as intent_record::fingerprint
  std::string owner;                  ///< the claimant's token, fresh for each call
  std::chrono::milliseconds lease{};  ///< how long the owner counts as alive from the claim
};

/// A claim either won (the caller owns a new pending intent) or found the intent holding the key.
struct claim_outcome {
  bool won = false;        ///< whether the caller now owns a new pending intent
  intent_record existing;  ///< when !won: the intent that holds the key
};

/// How an intent leaves pending or unknown.
struct settlement {
  intent_state state = intent_state::unknown;  ///< succeeded, refused or unknown
  int answer_status = 0;    ///< succeeded: the provider's status (0: no answer kept)
  std::string answer_body;  ///< succeeded: the provider's body, the API key redacted
  error refusal;            ///< refused or unknown: the error the call returned
  std::string note;         ///< how it was settled, e.g. "answer" or "reconciled: ..."
};

/// Where intents are kept. Every member is one atomic step of the store; each returns an error
/// (errc::transport when the store cannot be read or written) rather than throwing.
///
/// - `claim(c)`: inserts `c` as pending if no live intent holds `c.key`, else returns that
///   intent. A settled intent older than the store's expiry window no longer holds its key.
/// - `settle(k, o, s)`: the owner's settlement of its pending intent (errc::conflict otherwise: a
///   person or reconciliation settled it first, which wins).
/// - `release(k, o)`: the owner takes back its pending claim: its request certainly had no effect.
/// - `resolve(k, s)`: settles an unsettled intent: unknown, or pending with its lease run out
///   (errc::conflict for a live or settled one, errc::not_found for none).
/// - `forget(k)`: removes an unsettled intent that did not take effect, as resolve checks.
/// - `find(k)`: the intent holding `k`, if any.
/// - `unsettled()`: every intent that is unknown or pending, oldest first.
/// - `reap()`: removes the settled intents older than the expiry window; returns how many.
///
/// vnum::testing::memory_ledger, vnum::sqlite_ledger and vnum::postgres_ledger satisfy it.
template <class L>
concept ledger = requires(L& l, const intent_claim& c, const settlement& s, std::string_view k) {
  { l.claim(c) } -> std::same_as<result<claim_outcome>>;
  { l.settle(k, k, s) } -> std::same_as<result<void>>;
  { l.release(k, k) } -> std::same_as<result<void>>;
  { l.resolve(k, s) } -> std::same_as<result<void>>;
  { l.forget(k) } -> std::same_as<result<void>>;
  { l.find(k) } -> std::same_as<result<std::optional<intent_record>>>;
  { l.unsettled() } -> std::same_as<result<std::vector<intent_record>>>;
  { l.reap() } -> std::same_as<result<std::size_t>>;
};

}  // namespace vnum

#endif  // VNUM_LEDGER_HPP
