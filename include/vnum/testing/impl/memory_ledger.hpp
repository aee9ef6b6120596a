// vnum — the definitions of vnum::testing::memory_ledger's members, declared in
// <vnum/testing/memory_ledger.hpp>. Compiled once per program: <vnum/testing/memory_ledger.hpp>
// includes this file in the translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION); never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_IMPL_MEMORY_LEDGER_HPP
#define VNUM_TESTING_IMPL_MEMORY_LEDGER_HPP

#include <vnum/error.hpp>
#include <vnum/intent.hpp>
#include <vnum/ledger.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing {

// The intents, their lock and the options; every member but the constructor is called under the
// lock.
struct memory_ledger::state {
  explicit state(options o) : options_(std::move(o)) {}

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

memory_ledger::memory_ledger() : memory_ledger(options{}) {}

memory_ledger::memory_ledger(options o) : state_(std::make_unique<state>(std::move(o))) {}

memory_ledger::~memory_ledger() = default;

result<claim_outcome> memory_ledger::claim(const intent_claim& c) {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  const ledger_time t = st.now();
  auto it = st.intents_.find(c.key);
  if (it != st.intents_.end() && !st.expired(it->second, t))
    return claim_outcome{false, st.read(it->second, t)};
  intent_record r;
  r.key = c.key;
  r.operation = c.operation;
  r.fingerprint = c.fingerprint;
  r.owner = c.owner;
  r.created_at = t;
  r.lease_until = t + c.lease;
  st.intents_.insert_or_assign(c.key, std::move(r));
  return claim_outcome{true, {}};
}

result<void> memory_ledger::settle(std::string_view key, std::string_view owner,
                                   const settlement& s) {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  auto it = st.intents_.find(std::string(key));
  if (it == st.intents_.end() || it->second.state != intent_state::pending ||
      it->second.owner != owner)
    return make_error(errc::conflict, "the intent is no longer this call's to settle");
  st.apply(it->second, s);
  return {};
}

result<void> memory_ledger::release(std::string_view key, std::string_view owner) {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  auto it = st.intents_.find(std::string(key));
  if (it == st.intents_.end() || it->second.state != intent_state::pending ||
      it->second.owner != owner)
    return make_error(errc::conflict, "the intent is no longer this call's to release");
  st.intents_.erase(it);
  return {};
}

result<void> memory_ledger::resolve(std::string_view key, const settlement& s) {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  auto it = st.intents_.find(std::string(key));
  if (auto refused = st.unsettled_check(it, key)) return *refused;
  st.apply(it->second, s);
  return {};
}

result<void> memory_ledger::forget(std::string_view key) {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  auto it = st.intents_.find(std::string(key));
  if (auto refused = st.unsettled_check(it, key)) return *refused;
  st.intents_.erase(it);
  return {};
}

result<std::optional<intent_record>> memory_ledger::find(std::string_view key) {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  auto it = st.intents_.find(std::string(key));
  if (it == st.intents_.end()) return std::optional<intent_record>();
  return std::optional<intent_record>(st.read(it->second, st.now()));
}

result<std::vector<intent_record>> memory_ledger::unsettled() {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  const ledger_time t = st.now();
  std::vector<intent_record> out;
  for (const auto& [key, r] : st.intents_)
    if (r.state == intent_state::pending || r.state == intent_state::unknown)
      out.push_back(st.read(r, t));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
  return out;
}

result<std::size_t> memory_ledger::reap() {
  state& st = *state_;
  std::lock_guard lock(st.mutex_);
  const ledger_time t = st.now();
  return std::erase_if(st.intents_, [&](const auto& kv) { return st.expired(kv.second, t); });
}

// Checked here, once per program, rather than in every unit that includes the ledger.
static_assert(vnum::ledger<memory_ledger>);

}  // namespace vnum::testing

#endif  // VNUM_TESTING_IMPL_MEMORY_LEDGER_HPP
