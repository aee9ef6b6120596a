// vnum — vnum::testing::memory_ledger: an intent ledger (vnum::ledger, <vnum/ledger.hpp>) in
// memory, for users' unit tests (documented at the class).
// Declared here; its members are defined in <vnum/testing/impl/memory_ledger.hpp>, compiled once
// per program: in the translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION) and includes this header (or <vnum/vnum_testing.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_MEMORY_LEDGER_HPP
#define VNUM_TESTING_MEMORY_LEDGER_HPP

#include <vnum/error.hpp>
#include <vnum/ledger.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing {

/// An intent ledger (the vnum::ledger concept) in memory, for unit tests: the semantics of the
/// SQLite and PostgreSQL stores without a file or a server, and a clock the test sets.
///
/// Thread-safe: every member takes one mutex. Nothing outlives the object. No member fails with
/// errc::transport: there is no store to lose.
///
/// @code
/// vnum::ledger_time now{std::chrono::milliseconds(1'796'000'000'000)};
/// vnum::testing::memory_ledger ledger{{std::chrono::hours(24), [&] { return now; }}};
/// auto bought = client.purchase_number(order, vnum::once(ledger, "signup-42"));
/// now += std::chrono::hours(1);  // the same key again: the kept answer, nothing sent
/// auto again = client.purchase_number(order, vnum::once(ledger, "signup-42"));
/// @endcode
class memory_ledger {
 public:
  /// How long settled intents are kept, and the clock.
  struct options {
    /// A settled intent is kept this long after it was settled.
    std::chrono::milliseconds expiry{std::chrono::hours(24)};
    std::function<ledger_time()> clock;  ///< The ledger's now; empty: the system clock.
  };

  /// A ledger with a 24-hour expiry on the system clock.
  memory_ledger();
  /// @param o the expiry window and the clock.
  explicit memory_ledger(options o);
  /// Forgets every intent.
  ~memory_ledger();

  /// Inserts `c` as a pending intent, unless an intent holds `c.key`.
  ///
  /// A settled intent whose expiry window has passed no longer holds its key: it is replaced.
  /// @param c the key, operation, fingerprint, owner token and lease.
  /// @return `won` true when `c` is now the pending intent; else `won` false and `existing`, the
  /// intent holding the key (`owner_alive` as of now). Never an error.
  result<claim_outcome> claim(const intent_claim& c);

  /// The owner's settlement of its pending intent: its state, answer or refusal, and note;
  /// `settled_at` is now and the owner is cleared.
  /// @param key the intent's key.
  /// @param owner the owner token the claim was made with.
  /// @param s how the intent left pending.
  /// @return nothing; errc::conflict when no pending intent of `owner` holds `key` (a person or
  /// reconciliation settled it first, which wins).
  result<void> settle(std::string_view key, std::string_view owner, const settlement& s);

  /// The owner takes back its pending claim (its request certainly had no effect): the intent is
  /// removed.
  /// @param key the intent's key.
  /// @param owner the owner token the claim was made with.
  /// @return nothing; errc::conflict when no pending intent of `owner` holds `key`.
  result<void> release(std::string_view key, std::string_view owner);

  /// Settles an unsettled intent: unknown, or pending with its lease run out.
  /// @param key the intent's key.
  /// @param s how the intent is settled (a person's or reconciliation's verdict).
  /// @return nothing; errc::not_found when no intent holds `key`; errc::conflict when it is
  /// settled already or pending with a live owner.
  result<void> resolve(std::string_view key, const settlement& s);

  /// Removes an unsettled intent that did not take effect; the same checks as resolve().
  /// @param key the intent's key.
  /// @return nothing; errc::not_found when no intent holds `key`; errc::conflict when it is
  /// settled already or pending with a live owner.
  result<void> forget(std::string_view key);

  /// @param key the intent's key.
  /// @return the intent holding `key` (`owner_alive` as of now), or nullopt when there is none.
  /// A settled intent past its expiry window is still found until reap() removes it.
  result<std::optional<intent_record>> find(std::string_view key);

  /// @return every intent that is pending or unknown, oldest (by `created_at`) first.
  result<std::vector<intent_record>> unsettled();

  /// Removes the settled intents whose expiry window has passed.
  /// @return how many were removed.
  result<std::size_t> reap();

 private:
  struct state;  // the intents, their lock, the options (<vnum/testing/impl/memory_ledger.hpp>)
  std::unique_ptr<state> state_;
};

}  // namespace vnum::testing

// The definitions, compiled in the one translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION).
#if defined(VNUM_IMPLEMENTATION) || defined(VNUM_TESTING_IMPLEMENTATION)
#include <vnum/testing/impl/memory_ledger.hpp>
#endif

#endif  // VNUM_TESTING_MEMORY_LEDGER_HPP
