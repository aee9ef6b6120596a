// vnum — an intent ledger in memory (<vnum/intent.hpp>), for users' unit tests: the semantics of
// the SQLite and PostgreSQL stores (<vnum/ledger/sqlite.hpp>, <vnum/ledger/postgres.hpp>) without
// a file or a server, and a clock the test sets. Safe for concurrent use; forgets all at exit.
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

class memory_ledger {
 public:
  struct options {
    std::chrono::milliseconds expiry{std::chrono::hours(24)};  // settled intents are kept this long
    std::function<ledger_time()> clock;                        // empty: the system clock
  };

  memory_ledger() = default;
  explicit memory_ledger(options o) : options_(std::move(o)) {}

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

  result<void> settle(std::string_view key, std::string_view owner, const settlement& s) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (it == intents_.end() || it->second.state != intent_state::pending ||
        it->second.owner != owner)
      return make_error(errc::conflict, "the intent is no longer this call's to settle");
    apply(it->second, s);
    return {};
  }

  result<void> release(std::string_view key, std::string_view owner) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (it == intents_.end() || it->second.state != intent_state::pending ||
        it->second.owner != owner)
      return make_error(errc::conflict, "the intent is no longer this call's to release");
    intents_.erase(it);
    return {};
  }

  result<void> resolve(std::string_view key, const settlement& s) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (auto refused = unsettled_check(it, key)) return *refused;
    apply(it->second, s);
    return {};
  }

  result<void> forget(std::string_view key) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (auto refused = unsettled_check(it, key)) return *refused;
    intents_.erase(it);
    return {};
  }

  result<std::optional<intent_record>> find(std::string_view key) {
    std::lock_guard lock(mutex_);
    auto it = intents_.find(std::string(key));
    if (it == intents_.end()) return std::optional<intent_record>();
    return std::optional<intent_record>(read(it->second, now()));
  }

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
