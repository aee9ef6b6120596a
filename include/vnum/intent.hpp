/// @file
/// @brief Exactly once, even across crashes: intent keys and the ledger they are kept in.
///
/// Neither provider accepts an idempotency key, so vnum keeps one on the client side. A creating
/// write called with once(ledger, key) is claimed in the ledger before anything is sent, then
/// sent, then settled with what happened. The same key again never sends a second time; it answers
/// from the ledger:
///
/// | state     | what happened                         | the same key returns (nothing sent)   |
/// |-----------|---------------------------------------|---------------------------------------|
/// | pending   | claimed, being sent (a live lease)    | errc::conflict: another call holds it |
/// | pending   | its owner died (the lease ran out)    | errc::outcome_unknown naming the key  |
/// | succeeded | the provider's answer was a success   | the same typed result, parsed again   |
/// | refused   | a documented refusal of this request  | the same error                        |
/// | unknown   | outcome_unknown: it may have happened | errc::outcome_unknown naming the key  |
///
/// The same key with another request is errc::invalid_argument naming the key. An unsettled
/// intent (unknown, or pending without an owner) is settled by reconciliation
/// (`<vnum/cellcast/reconcile.hpp>`, `<vnum/identitycall/reconcile.hpp>`) or by a person
/// (ledger::resolve, `vnumctl ledger resolve`), never by sending again.
///
/// A failure that certainly left nothing done and is not about the request (errc::transport: never
/// sent; rate_limited; unauthorized; forbidden) releases the key, so the same call may go again.
// SPDX-License-Identifier: MIT
#ifndef VNUM_INTENT_HPP
#define VNUM_INTENT_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/ledger.hpp>
#include <vnum/plan.hpp>

#include <array>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum {

/// A creating write's key and the ledger it is kept in: client.purchase_number(r, once(ledger, k)).
/// The lease is how long a pending claim's owner counts as alive: longer than the transport's
/// timeout plus the time to settle, so that a slow call is never taken for a dead one.
/// @tparam L the ledger type
template <ledger L>
struct intent_key {
  L* ledger;        ///< borrowed: it must outlive the call
  std::string key;  ///< 1 to 200 bytes, no control characters (else errc::invalid_argument)
  std::chrono::milliseconds lease{std::chrono::minutes(5)};  ///< how long a claim's owner lives
};

/// Makes the intent key of a creating write: `client.purchase_number(r, vnum::once(ledger, k))`.
/// The key is checked when the call starts, not here.
/// @param l the ledger; borrowed, so it must outlive the call
/// @param key the caller's key for this one intent (1 to 200 bytes, no control characters)
/// @param lease how long the claim's owner counts as alive (see intent_key)
/// @return the intent key
template <ledger L>
intent_key<L> once(L& l, std::string key,
                   std::chrono::milliseconds lease = std::chrono::minutes(5)) {
  return {&l, std::move(key), lease};
}

/// What reconciliation (a provider's `reconcile.hpp`) made of one unsettled intent.
enum class reconcile_verdict {
  settled,       ///< the provider's records show it took effect: now succeeded, with what they show
  absent,        ///< the records do not show it; that alone settles nothing (see the provider's)
  ambiguous,     ///< more than one record matches: a person decides
  needs_person,  ///< no documented record to check: a person settles it (ledger::resolve)
  in_flight,     ///< pending with a live owner: left alone
};

/// The verdict's name: "settled", "absent", "ambiguous", "needs_person" or "in_flight".
/// @param v the verdict
/// @return its name; "needs_person" for a value that is not an enumerator
constexpr std::string_view to_string(reconcile_verdict v) noexcept {
  switch (v) {
    case reconcile_verdict::settled:
      return "settled";
    case reconcile_verdict::absent:
      return "absent";
    case reconcile_verdict::ambiguous:
      return "ambiguous";
    case reconcile_verdict::needs_person:
      return "needs_person";
    case reconcile_verdict::in_flight:
      return "in_flight";
  }
  return "needs_person";
}

/// What reconciliation found for one unsettled intent.
struct reconciled {
  std::string key;        ///< the intent's key
  std::string operation;  ///< the intent's operation, e.g. "identitycall.purchase_number"
  reconcile_verdict verdict = reconcile_verdict::needs_person;  ///< what was made of it
  std::string detail;  ///< what was found, or what a person should check
  /// Compares every field.
  friend bool operator==(const reconciled&, const reconciled&) = default;
};

namespace detail {

// The longest key a ledger takes: enough for a UUID with a prefix, short enough to index.
inline constexpr std::size_t max_intent_key = 200;

// A store's option that must not be negative (its name as the field).
inline std::optional<error> negative_option(std::string field, std::chrono::milliseconds value) {
  if (value >= std::chrono::milliseconds::zero()) return std::nullopt;
  return invalid_argument(std::move(field), "must not be negative");
}

inline std::optional<error> intent_key_problem(std::string_view key) {
  if (key.empty()) return invalid_argument("intent key", "must not be empty");
  if (key.size() > max_intent_key)
    return invalid_argument("intent key",
                            "longer than " + std::to_string(max_intent_key) + " characters");
  for (char c : key)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return invalid_argument("intent key", "contains a control character");
  return std::nullopt;
}

// What becomes of a claim when its call ends with this error.
enum class intent_ending { release, refuse, unknown };

inline intent_ending ending_of(errc code) noexcept {
  switch (code) {
    case errc::transport:     // never sent
    case errc::rate_limited:  // the provider did nothing, for now
    case errc::unauthorized:  // the credentials, not the request
    case errc::forbidden:
      return intent_ending::release;
    case errc::invalid_argument:  // the provider refused this request; the same request again
    case errc::not_found:         // gets the same answer
    case errc::conflict:
    case errc::unprocessable:
      return intent_ending::refuse;
    case errc::server_error:  // the outcome rule makes these outcome_unknown for a creating write
    case errc::outcome_unknown:
    case errc::protocol:
      return intent_ending::unknown;
  }
  return intent_ending::unknown;
}

// A fresh owner token: 128 random bits, hex. The device is opened once per thread: opening it
// costs tens of microseconds, a read under one.
inline std::string new_owner_token() {
  thread_local std::random_device rd;
  std::string out;
  for (int i = 0; i < 4; ++i) {
    auto v = rd();
    for (int j = 0; j < 8; ++j, v >>= 4) out += "0123456789abcdef"[v & 0xfu];
  }
  return out;
}

inline std::string quoted_key(std::string_view key) {
  return "intent key \"" + std::string(key) + "\"";
}

}  // namespace detail

/// A creating write run once per key: claims the key in the ledger, runs the write plan, and
/// settles what it answered; or, when the key is already held, answers from the ledger and sends
/// nothing (the file's table says what). The ledger's calls are made on the thread that steps the
/// plan (the runner's), and block it.
///
/// Errors of its own, nothing sent with any: errc::invalid_argument for a key that is empty, longer
/// than 200 bytes or has a control character, or that was used for another request;
/// errc::transport when the ledger could not claim; errc::conflict for a key that succeeded but
/// kept no answer to return (as a person may settle it). A settlement the ledger does not take is
/// not an error: the call's result is returned either way, and the intent stays pending, then
/// unknown once its lease runs out, until reconciled.
/// @tparam T the value of the call's result
/// @tparam L the ledger type
template <class T, ledger L>
class intent_plan {
 public:
  using value_type = T;  ///< the value of the call's result
  /// Turns a built request into the fingerprint the ledger keeps (secrets excluded).
  using fingerprinter = std::string (*)(const http::request&);

  /// A plan that runs `write` once per key. The ledger keeps the write's operation as
  /// "provider.name", e.g. "identitycall.purchase_number" (from its context).
  /// @param write the creating write
  /// @param key the ledger and key
  /// @param fingerprint makes the request's fingerprint
  intent_plan(write_plan<T> write, intent_key<L> key, fingerprinter fingerprint)
      : write_(std::move(write)),
        key_(std::move(key)),
        operation_(std::string(write_.context().op.provider) + "." +
                   std::string(write_.context().op.name)),
        fingerprint_(fingerprint) {}

  /// Checks the key and claims it; the first step.
  /// @return send the write's request when the claim was won; else done (the request failed to
  ///         build, the key is invalid, the ledger failed, or the key is held: its answer)
  next_action start() {
    if (!write_.request()) return write_.start();  // failed to build: nothing claimed, or sent
    if (auto problem = detail::intent_key_problem(key_.key)) return unsent(std::move(*problem));
    // A lease that has run out as it is taken would make the call's own claim look abandoned.
    if (key_.lease <= std::chrono::milliseconds::zero())
      return unsent(invalid_argument("intent lease", "must be longer than zero"));
    intent_claim c{key_.key, operation_, fingerprint_(*write_.request()), detail::new_owner_token(),
                   key_.lease};
    auto claimed = key_.ledger->claim(c);
    if (!claimed)
      return unsent(ledger_failure(claimed.error(), "claiming it failed; nothing was sent"));
    if (!claimed->won) return unsent(replay(claimed->existing, c));
    owner_ = std::move(c.owner);
    return write_.start();
  }

  /// Reads the answer as the write does, and settles the intent: succeeded (the answer kept, the
  /// API key redacted), refused, unknown, or released (see the file's documentation).
  /// @param answer what the transport returned
  /// @param took how long the exchange took, for the event
  /// @return done
  next_action on_answer(result<http::response> answer, std::chrono::microseconds took = {}) {
    if (answer && answer->status > 0) kept_ = answer->status;
    const bool have_body = answer.has_value();
    std::string body = have_body ? answer->body : std::string();
    write_.on_answer(std::move(answer), took);
    return settle(std::move(body));
  }

  /// A write never asks to wait; ends as write_plan::on_waited() does and settles that result.
  /// @return done
  next_action on_waited() {
    write_.on_waited();
    return settle({});
  }

  /// The runner stopped before sending: the claim is released, and the result is errc::transport.
  /// @return done
  next_action cancel() {
    write_.cancel();  // the request was not sent: the claim goes back
    if (!owner_.empty()) (void)key_.ledger->release(key_.key, owner_);
    outcome_.emplace(write_.take_result());
    return next_action::done();
  }

  /// The result, once done; moved from by whoever takes it.
  /// @return the call's result, to be moved from
  result<T>&& take_result() {
    if (!outcome_) outcome_.emplace(write_.take_result());  // it ended in the write plan's start
    return std::move(*outcome_);
  }

 private:
  next_action finish(result<T> r) {
    outcome_.emplace(std::move(r));
    return next_action::done();
  }

  // Ends the call without sending: its one event says so.
  next_action unsent(result<T> r) {
    const auto& context = write_.context();
    if (context.observe != nullptr) {
      call_event e = detail::unsent_event(context, write_.request(), r ? error{} : r.error());
      if (r) {  // the same result as the key's first call: a success, replayed
        e.error.reset();
        e.decision = call_decision::success;
      }
      detail::notify(context.observe, e);
    }
    return finish(std::move(r));
  }

  // The write has its result: kept in the ledger as the key's ending.
  next_action settle(std::string body) {
    result<T> r = write_.take_result();
    settlement s;
    result<void> kept;
    if (r) {
      s.state = intent_state::succeeded;
      s.answer_status = kept_;
      s.answer_body = std::move(body);
      redact_text(s.answer_body, write_.redacted_key());
      s.note = "answer";
      kept = key_.ledger->settle(key_.key, owner_, s);
    } else {
      switch (detail::ending_of(r.error().code)) {
        case detail::intent_ending::release:
          kept = key_.ledger->release(key_.key, owner_);
          break;
        case detail::intent_ending::refuse:
          s.state = intent_state::refused;
          s.refusal = r.error();
          s.refusal.retry_after.reset();
          s.note = "answer";
          kept = key_.ledger->settle(key_.key, owner_, s);
          break;
        case detail::intent_ending::unknown:
          s.state = intent_state::unknown;
          s.refusal = r.error();
          s.refusal.retry_after.reset();
          s.note = "answer";
          kept = key_.ledger->settle(key_.key, owner_, s);
          break;
      }
    }
    // The answer is the caller's either way: a purchase made is never hidden. A settlement the
    // ledger did not take leaves the intent pending, and once its lease runs out, unknown until
    // reconciled.
    (void)kept;
    return finish(std::move(r));
  }

  result<T> replay(const intent_record& held, const intent_claim& asked) const {
    const std::string name = detail::quoted_key(held.key);
    if (held.operation != asked.operation || held.fingerprint != asked.fingerprint)
      return invalid_argument(
          "intent key", "\"" + held.key + "\" was used for another request (" + held.operation +
                            ", claimed at " + to_iso8601(held.created_at) + "); nothing was sent");
    switch (held.state) {
      case intent_state::succeeded: {
        if (held.answer_status == 0)
          return make_error(errc::conflict,
                            name + ": took effect (settled at " + to_iso8601(held.settled_at) +
                                ", " + held.note +
                                "); no answer was kept to return; nothing was sent");
        http::response kept{held.answer_status, {}, held.answer_body};
        return detail::read_answer(result<http::response>(std::move(kept)), write_.answer_parser(),
                                   write_.redacted_key());
      }
      case intent_state::refused:
        return held.refusal;
      case intent_state::unknown:
        return outcome_unknown(held, " and its outcome is unknown (" + held.refusal.message + ")");
      case intent_state::pending:
        break;
    }
    if (held.owner_alive)
      return make_error(errc::conflict, name + ": another call holds it (claimed at " +
                                            to_iso8601(held.created_at) + ", its lease runs to " +
                                            to_iso8601(held.lease_until) + "); nothing was sent");
    return outcome_unknown(held, " by a call that ended before recording its answer");
  }

  // A held key whose request may have taken effect: when it was sent, and `why` it is not known.
  static error outcome_unknown(const intent_record& held, const std::string& why) {
    return make_error(errc::outcome_unknown,
                      detail::quoted_key(held.key) + ": sent at " + to_iso8601(held.created_at) +
                          why +
                          "; reconcile it with the provider's records before trying again "
                          "(reconcile(), or resolve it by hand); nothing was sent");
  }

  error ledger_failure(const error& e, std::string_view what) const {
    return make_error(errc::transport, detail::quoted_key(key_.key) + ": the ledger: " +
                                           std::string(what) + " (" + to_string(e) + ")");
  }

  static void redact_text(std::string& text, std::string_view secret) {
    if (secret.empty()) return;
    constexpr std::string_view mask = "[redacted]";
    for (auto at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + mask.size()))
      text.replace(at, secret.size(), mask);
  }

  write_plan<T> write_;
  intent_key<L> key_;
  std::string operation_;  // "provider.name", as the ledger keeps it
  fingerprinter fingerprint_;
  std::string owner_;  // set once the claim is won
  int kept_ = 0;
  std::optional<result<T>> outcome_;
};

}  // namespace vnum

#endif  // VNUM_INTENT_HPP
