// vnum — vnum::testing::memory_ledger: an intent ledger (<vnum/intent.hpp>) in memory, for users'
// unit tests (documented at the class).
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_MEMORY_LEDGER_HPP
#define VNUM_TESTING_MEMORY_LEDGER_HPP

#include <vnum/error.hpp>
#include <vnum/intent.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
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
  memory_ledger() = default;
  /// @param o the expiry window and the clock.
  explicit memory_ledger(options o) : options_(std::move(o)) {}

  /// Inserts `c` as a pending intent, unless an intent holds `c.key`.
  ///
  /// A settled intent whose expiry window has passed no longer holds its key: it is replaced.
  /// @param c the key, operation, fingerprint, owner token and lease.
  /// @return `won` true when `c` is now the pending intent; else `won` false and `existing`, the
  /// intent holding the key (`owner_alive` as of now). Never an error.
  result<claim_outcome> claim(const intent_claim& c) {
    std::lock_guard lock(mutex_);
    const ledger_time t = now();
    auto it = intents_.find(c.key);
    if (it != intents_.end() && !expired(it->second, t))
      return claim_outcome{false, read(it->second, t)};
    intent_record r;
    r.key = c.key;
    r.operation = c.operation;
    r.fingerprint = c.fingerprint;
    r.owner = c.owner;
    r.created_at = t;
    r.lease_until = t + c.lease;
    intents_.insert_or_assign(c.key, std::move(r));
    return claim_outcome{true, {}};
  }

  /// The owner's settlement of its pending intent: its state, answer or refusal, and note;
  /// `settled_at` is now and the owner is cleared.
  /// @param key the intent's key.
  /// @param owner the owner token the claim was made with.
  /// @param s how the intent left pending.
  /// @return nothing; errc::conflict when no pending intent of `owner` holds `key` (a person or
  /// reconciliation settled it first, which wins).
  result<void> settle(std::string_view key, std::string_view owner, const settlement& s) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (it == intents_.end() || it->second.state != intent_state::pending ||
        it->second.owner != owner)
      return make_error(errc::conflict, "the intent is no longer this call's to settle");
    apply(it->second, s);
    return {};
  }

  /// The owner takes back its pending claim (its request certainly had no effect): the intent is
  /// removed.
  /// @param key the intent's key.
  /// @param owner the owner token the claim was made with.
  /// @return nothing; errc::conflict when no pending intent of `owner` holds `key`.
  result<void> release(std::string_view key, std::string_view owner) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (it == intents_.end() || it->second.state != intent_state::pending ||
        it->second.owner != owner)
      return make_error(errc::conflict, "the intent is no longer this call's to release");
    intents_.erase(it);
    return {};
  }

  /// Settles an unsettled intent: unknown, or pending with its lease run out.
  /// @param key the intent's key.
  /// @param s how the intent is settled (a person's or reconciliation's verdict).
  /// @return nothing; errc::not_found when no intent holds `key`; errc::conflict when it is
  /// settled already or pending with a live owner.
  result<void> resolve(std::string_view key, const settlement& s) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (auto refused = unsettled_check(it, key)) return *refused;
    apply(it->second, s);
    return {};
  }

  /// Removes an unsettled intent that did not take effect; the same checks as resolve().
  /// @param key the intent's key.
  /// @return nothing; errc::not_found when no intent holds `key`; errc::conflict when it is
  /// settled already or pending with a live owner.
  result<void> forget(std::string_view key) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (auto refused = unsettled_check(it, key)) return *refused;
    intents_.erase(it);
    return {};
  }

  /// @param key the intent's key.
  /// @return the intent holding `key` (`owner_alive` as of now), or nullopt when there is none.
  /// A settled intent past its expiry window is still found until reap() removes it.
  result<std::optional<intent_record>> find(std::string_view key) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (it == intents_.end()) return std::optional<intent_record>();
    return std::optional<intent_record>(read(it->second, now()));
  }

  /// @return every intent that is pending or unknown, oldest (by `created_at`) first.
  result<std::vector<intent_record>> unsettled() {
    std::lock_guard lock(mutex_);
    const ledger_time t = now();
    std::vector<intent_record> out;
    for (const auto& [key, r] : intents_)
      if (r.state == intent_state::pending || r.state == intent_state::unknown)
        out.push_back(read(r, t));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
    return out;
  }

  /// Removes the settled intents whose expiry window has passed.
  /// @return how many were removed.
  result<std::size_t> reap() {
    std::lock_guard lock(mutex_);
    const ledger_time t = now();
    return std::erase_if(intents_, [&](const auto& kv) { return expired(kv.second, t); });
  }

 private:
  ledger_time now() const {
    return options_.clock ? options_.clock()
                          : std::chrono::time_point_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now());
  }

  // Only a settled intent expires: an unsettled one may stand for money spent.
  bool expired(const intent_record& r, ledger_time t) const {
    return (r.state == intent_state::succeeded || r.state == intent_state::refused) &&
           r.settled_at + options_.expiry <= t;
  }

  static intent_record read(intent_record r, ledger_time t) {
    r.owner_alive = r.state == intent_state::pending && r.lease_until > t;
    return r;
  }

  void apply(intent_record& r, const settlement& s) const {
    r.state = s.state;
    r.settled_at = now();
    r.answer_status = s.answer_status;
    r.answer_body = s.answer_body;
    r.refusal = s.refusal;
    r.note = s.note;
    r.owner.clear();
  }

  std::optional<error> unsettled_check(std::map<std::string, intent_record>::iterator it,
                                       std::string_view key) const {
    if (it == intents_.end())
      return make_error(errc::not_found, vnum::detail::quoted_key(key) + ": no such intent");
    const intent_record& r = it->second;
    if (r.state == intent_state::succeeded || r.state == intent_state::refused)
      return make_error(errc::conflict, vnum::detail::quoted_key(key) + ": already " +
                                            std::string(to_string(r.state)));
    if (r.state == intent_state::pending && r.lease_until > now())
      return make_error(errc::conflict, vnum::detail::quoted_key(key) +
                                            ": its owner is still sending it (lease to " +
                                            to_iso8601(r.lease_until) + ")");
    return std::nullopt;
  }

  options options_;
  std::mutex mutex_;
  std::map<std::string, intent_record> intents_;
};

static_assert(vnum::ledger<memory_ledger>);

}  // namespace vnum::testing

#endif  // VNUM_TESTING_MEMORY_LEDGER_HPP
