/// @file
/// @brief Plans: the logic of one call as a sans-I/O state machine.
///
/// A plan never sends, waits or reads a clock: each step returns the next action (send this
/// request, wait this long, or done), and a runner carries it out and reports back. The blocking
/// clients and the Asio clients are two runners over the same plans, so both give the same answers.
///
/// ```cpp
/// next_action a = plan.start();
/// while (!a.is_done())
///   a = a.is_send() ? plan.on_answer(transport.send(a.request()))
///                   : (sleep(a.duration()), plan.on_waited());
/// result<T> r = plan.take_result();
/// ```
///
/// A runner may tell on_answer() how long the exchange took (its second argument): the plans put it
/// in the events they emit (`<vnum/observe.hpp>`), one per attempt, to the observer their context
/// names.
///
/// A runner that stops early (its operation was cancelled) calls cancel() instead of carrying out
/// the action it holds: after a send that was not made the result is errc::transport, after a wait
/// that was cut short it is the last attempt's error. A plan keeps the request it asks to send, so
/// it must stay at one address while a runner holds the action.
///
/// A plan is not thread-safe: one runner steps it, one step at a time.
// SPDX-License-Identifier: MIT
#ifndef VNUM_PLAN_HPP
#define VNUM_PLAN_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/observe.hpp>
#include <vnum/retry.hpp>

#include <chrono>
#include <concepts>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace vnum {

/// What a plan asks its runner to do next. A send action refers to the request the plan keeps.
class next_action {
 public:
  /// The three things a runner may be asked to do.
  enum class kind {
    send,  ///< send request() and pass the answer to on_answer()
    wait,  ///< wait duration(), then call on_waited()
    done   ///< the plan has its result: take_result()
  };

  /// Asks the runner to send a request.
  /// @param r the request; referred to, not copied, so it must outlive the action
  /// @return a kind::send action
  static next_action send(const http::request& r) noexcept { return {kind::send, &r, {}}; }
  /// Asks the runner to wait before the next step.
  /// @param d how long
  /// @return a kind::wait action
  static next_action wait(std::chrono::milliseconds d) noexcept { return {kind::wait, nullptr, d}; }
  /// Tells the runner that the plan has its result.
  /// @return a kind::done action
  static next_action done() noexcept { return {kind::done, nullptr, {}}; }

  /// What to do.
  /// @return the action's kind
  kind type() const noexcept { return kind_; }
  /// @return whether this is a kind::send action
  bool is_send() const noexcept { return kind_ == kind::send; }
  /// @return whether this is a kind::wait action
  bool is_wait() const noexcept { return kind_ == kind::wait; }
  /// @return whether this is a kind::done action
  bool is_done() const noexcept { return kind_ == kind::done; }
  /// For a send: the request, valid while the plan lives and until its next step. Only for a
  /// kind::send action (any other has no request to refer to).
  /// @return the request to send
  const http::request& request() const noexcept { return *request_; }
  /// For a wait: how long (zero for any other kind).
  /// @return the wait
  std::chrono::milliseconds duration() const noexcept { return wait_; }

 private:
  next_action(kind k, const http::request* r, std::chrono::milliseconds d) noexcept
      : kind_(k), request_(r), wait_(d) {}
  kind kind_;
  const http::request* request_;
  std::chrono::milliseconds wait_;
};

/// What every plan offers its runners: start(), on_answer(), on_waited() and cancel() step it, each
/// returning the next_action; take_result() moves its result out once done. `P::value_type` is the
/// `T` of the call's result<T>.
template <class P>
concept plan = requires(P& p, result<http::response> answer) {
  typename P::value_type;
  { p.start() } -> std::same_as<next_action>;
  { p.on_answer(std::move(answer)) } -> std::same_as<next_action>;
  { p.on_waited() } -> std::same_as<next_action>;
  { p.cancel() } -> std::same_as<next_action>;
  { p.take_result() } -> std::same_as<result<typename P::value_type>&&>;
};

namespace detail {

// Which operation a plan runs and whom it tells of each attempt (config::observe; null: nobody).
struct call_context {
  operation_id op;
  const observer* observe = nullptr;
  std::int64_t page = 0;  // for a page of a list: its number
};

// The event of an attempt whose answer the plan has read.
template <class T>
call_event attempt_event(const call_context& c, const http::request& r, int attempt, int status,
                         const result<T>& outcome, std::chrono::microseconds took) {
  call_event e;
  e.provider = c.op.provider;
  e.operation = c.op.name;
  e.kind = c.op.kind;
  e.attempt = attempt;
  e.page = c.page;
  e.method = r.method;
  e.path = url_path(r.url);
  e.status = status != 0 ? status : outcome ? 0 : outcome.error().http_status;
  if (!outcome) e.error = outcome.error().code;
  e.duration = took;
  e.decision = outcome                                         ? call_decision::success
               : outcome.error().code == errc::outcome_unknown ? call_decision::outcome_unknown
                                                               : call_decision::error;
  return e;
}

// The event of a call that ended without sending (refused before, or cancelled).
inline call_event unsent_event(const call_context& c, const result<http::request>& r,
                               const error& why) {
  call_event e;
  e.provider = c.op.provider;
  e.operation = c.op.name;
  e.kind = c.op.kind;
  e.page = c.page;
  if (r) {
    e.method = r->method;
    e.path = url_path(r->url);
  }
  e.error = why.code;
  e.decision =
      why.code == errc::outcome_unknown ? call_decision::outcome_unknown : call_decision::error;
  e.sent = false;
  return e;
}

// The error that ends an operation whose runner stopped before sending.
inline error cancelled_before_send() {
  return make_error(errc::transport, "cancelled before the request was sent");
}

// Constructs what `make` returns in place (optional::emplace(elide{make})): the result goes from
// the parser into the plan without a move.
template <class F>
struct elide {
  F make;
  operator std::invoke_result_t<F&>() { return make(); }
};
template <class F>
elide(F) -> elide<F>;

// The parsed answer, or the transport's error, with the API key taken out of any error.
template <class T>
result<T> read_answer(result<http::response>&& answer, result<T> (*parse)(const http::response&),
                      std::string_view api_key) {
  result<T> parsed = answer ? parse(*answer) : result<T>(std::move(answer).error());
  if (!parsed) {
    error e = std::move(parsed).error();
    redact(e, api_key);
    parsed = std::move(e);
  }
  return parsed;  // one object from the parser to the caller
}

}  // namespace detail

/// A write: one send, never a second; the parser applies the outcome rule of the write's kind.
/// A request that failed to build is the result, and nothing is sent.
///
/// Each call is one event to the context's observer: the attempt's, or an unsent one when the
/// request failed to build or the runner cancelled.
/// @tparam T the value of the call's result
template <class T>
class write_plan {
 public:
  using value_type = T;  ///< the value of the call's result
  /// Reads an answer into the call's result (a provider's parse_* function).
  using parser = result<T> (*)(const http::response&);

  /// A plan for one write.
  /// @param built the request as built, or why it could not be built (then that is the result)
  /// @param parse reads the answer
  /// @param api_key the secret taken out of any error's text (borrowed: it must outlive the plan)
  /// @param context the operation and observer the events name (internal; the plans:: factories
  ///        fill it in)
  write_plan(result<http::request> built, parser parse, std::string_view api_key,
             detail::call_context context = {})
      : request_(std::move(built)), parse_(parse), api_key_(api_key), context_(context) {}

  /// The first step.
  /// @return send the request; or done when it failed to build (its error is the result)
  next_action start() {
    if (!request_) return finish_unsent(request_.error());
    return next_action::send(*request_);
  }
  /// Reads the answer to the one send: the parser's result, or the transport's error, with the API
  /// key redacted from any error.
  /// @param answer what the transport returned
  /// @param took how long the exchange took, for the event (zero if the runner does not time it)
  /// @return done
  next_action on_answer(result<http::response> answer, std::chrono::microseconds took = {}) {
    const int status = answer ? answer->status : 0;
    outcome_.emplace(
        detail::elide{[&] { return detail::read_answer(std::move(answer), parse_, api_key_); }});
    if (context_.observe != nullptr)
      detail::notify(context_.observe,
                     detail::attempt_event(context_, *request_, 1, status, *outcome_, took));
    return next_action::done();
  }
  /// A write never asks to wait: a runner that says it waited ends the plan, and nothing more is
  /// sent (a second send could buy twice). Unless an answer was already read, the result is
  /// errc::protocol.
  /// @return done
  next_action on_waited() {
    if (!outcome_)
      outcome_.emplace(
          make_error(errc::protocol, "a write plan was resumed after a wait it never asked for"));
    return next_action::done();
  }
  /// The runner stopped instead of sending: nothing was sent, and the result is errc::transport.
  /// @return done
  next_action cancel() { return finish_unsent(detail::cancelled_before_send()); }
  /// The result, once done; moved from by whoever takes it. Calling it before done is undefined.
  /// @return the call's result, to be moved from
  result<T>&& take_result() { return std::move(*outcome_); }

  /// The request as built, or why it could not be: what an intent_plan (`<vnum/intent.hpp>`)
  /// fingerprints.
  /// @return the built request or its error
  const result<http::request>& request() const noexcept { return request_; }
  /// The parser, with which an intent_plan reads a kept answer.
  /// @return the parser given at construction
  parser answer_parser() const noexcept { return parse_; }
  /// The secret that errors and kept answers are redacted of.
  /// @return the API key given at construction
  std::string_view redacted_key() const noexcept { return api_key_; }
  /// The operation and observer the events name (internal).
  /// @return the context given at construction
  const detail::call_context& context() const noexcept { return context_; }

 private:
  next_action finish_unsent(error why) {
    detail::notify(context_.observe, detail::unsent_event(context_, request_, why));
    outcome_.emplace(std::move(why));
    return next_action::done();
  }
  result<http::request> request_;
  parser parse_;
  std::string_view api_key_;
  detail::call_context context_;
  std::optional<result<T>> outcome_;
};

/// A read: sent again while its error is retryable (is_retryable()) and the policy allows another
/// attempt, waiting with exponential backoff, or as long as the provider's Retry-After asks when
/// that is within max_backoff (longer: that error is the result). An invalid policy is the result
/// (errc::invalid_argument, as validate(const retry_policy&) says), and nothing is sent. The
/// policy's sleep is not used: waiting is the runner's.
///
/// Each attempt is an event to the context's observer. A page of a list (context.page > 0) leaves
/// the event of its last attempt to its list, which knows whether another page follows
/// (last_event()).
/// @tparam T the value of the call's result
template <class T>
class read_plan {
 public:
  using value_type = T;  ///< the value of the call's result
  /// Reads an answer into the call's result (a provider's parse_* function).
  using parser = result<T> (*)(const http::response&);

  /// A plan for one read.
  /// @param built the request as built, or why it could not be built (then that is the result)
  /// @param parse reads each answer
  /// @param policy how to retry; copied, so it need not outlive the plan
  /// @param api_key the secret taken out of any error's text (borrowed: it must outlive the plan)
  /// @param context the operation, observer and page the events name (internal; the plans::
  ///        factories fill it in)
  read_plan(result<http::request> built, parser parse, const retry_policy& policy,
            std::string_view api_key, detail::call_context context = {})
      : request_(std::move(built)),
        parse_(parse),
        api_key_(api_key),
        context_(context),
        max_attempts_(policy.max_attempts),
        multiplier_(policy.multiplier),
        backoff_(std::min(policy.initial_backoff, policy.max_backoff)),
        max_backoff_(policy.max_backoff) {
    if (!request_) {
      outcome_.emplace(request_.error());
    } else if (auto problem = detail::policy_problem(policy)) {
      outcome_.emplace(std::move(*problem));
    }
  }

  /// The first step.
  /// @return send the request; or done when it failed to build or the policy is invalid
  next_action start() {
    if (outcome_) {
      event_ = detail::unsent_event(context_, request_, outcome_->error());
      report();
      return next_action::done();
    }
    attempt_ = 1;
    return next_action::send(*request_);
  }

  /// Reads an attempt's answer (the API key redacted from any error) and decides whether to try
  /// again.
  /// @param answer what the transport returned
  /// @param took how long the exchange took, for the event (zero if the runner does not time it)
  /// @return wait before another attempt, when the error is retryable and the policy allows one;
  ///         else done, with this attempt's outcome as the result
  next_action on_answer(result<http::response> answer, std::chrono::microseconds took = {}) {
    const int status = answer ? answer->status : 0;
    // Kept in outcome_ either way: the result, or the one a cut-short wait ends with (cancel).
    outcome_.emplace(
        detail::elide{[&] { return detail::read_answer(std::move(answer), parse_, api_key_); }});
    if (context_.observe != nullptr)
      event_ = detail::attempt_event(context_, *request_, attempt_, status, *outcome_, took);
    const auto wait = next_wait();
    if (!wait) {
      report();
      return next_action::done();
    }
    if (event_) {
      event_->decision = call_decision::retry;
      event_->wait = *wait;
      detail::notify(context_.observe, *event_);
    }
    waiting_ = true;
    return next_action::wait(*wait);
  }

  /// The wait is over: the next attempt, with the next backoff.
  /// @return send the request again
  next_action on_waited() {
    waiting_ = false;
    outcome_.reset();
    backoff_ = detail::next_backoff(backoff_, multiplier_, max_backoff_);
    ++attempt_;
    return next_action::send(*request_);
  }

  /// The runner stopped: before a send, the result is errc::transport; during a wait, it is the
  /// last attempt's error.
  /// @return done
  next_action cancel() {
    if (!waiting_) {
      outcome_.emplace(detail::cancelled_before_send());
      event_ = detail::unsent_event(context_, request_, outcome_->error());
      report();
    }
    waiting_ = false;
    return next_action::done();
  }

  /// The result, once done; moved from by whoever takes it. Calling it before done is undefined.
  /// @return the call's result, to be moved from
  result<T>&& take_result() { return std::move(*outcome_); }

  /// Attempts sent so far, the first included.
  /// @return 0 before the first send
  int attempts() const noexcept { return attempt_; }

  /// The event of the last attempt, for a list to report (a page's plan does not).
  /// @return the event, which the list may amend; empty when nobody observes
  std::optional<call_event>& last_event() noexcept { return event_; }

 private:
  // How long to wait before another attempt, or nothing when the outcome is the result.
  std::optional<std::chrono::milliseconds> next_wait() const {
    if (*outcome_ || attempt_ >= max_attempts_) return std::nullopt;
    const error& e = outcome_->error();
    if (!is_retryable(e.code)) return std::nullopt;
    if (!e.retry_after) return backoff_;
    // At most 999 999 999 s (parse_retry_after), which milliseconds hold without overflow.
    const auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*e.retry_after);
    if (asked > max_backoff_) return std::nullopt;
    return asked;
  }

  // The final event, unless a list reports it.
  void report() {
    if (context_.page == 0 && event_) detail::notify(context_.observe, *event_);
  }

  result<http::request> request_;
  parser parse_;
  std::string_view api_key_;
  detail::call_context context_;
  int max_attempts_;
  double multiplier_;
  std::chrono::milliseconds backoff_;
  std::chrono::milliseconds max_backoff_;
  int attempt_ = 0;
  bool waiting_ = false;
  std::optional<result<T>> outcome_;
  std::optional<call_event> event_;
};

}  // namespace vnum

#endif  // VNUM_PLAN_HPP
