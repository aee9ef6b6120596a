// vnum — plans: the logic of one call as a sans-I/O state machine. A plan never sends, waits or
// reads a clock: each step returns the next action (send this request, wait this long, or done),
// and a runner carries it out and reports back. The blocking clients and the Asio clients are two
// runners over the same plans, so both give the same answers.
//
//   next_action a = plan.start();
//   while (!a.is_done())
//     a = a.is_send() ? plan.on_answer(transport.send(a.request()))
//                     : (sleep(a.duration()), plan.on_waited());
//   result<T> r = plan.take_result();
//
// A runner that stops early (its operation was cancelled) calls cancel() instead of carrying out
// the action it holds: after a send that was not made the result is errc::transport, after a wait
// that was cut short it is the last attempt's error. A plan keeps the request it asks to send, so
// it must stay at one address while a runner holds the action.
// SPDX-License-Identifier: MIT
#ifndef VNUM_PLAN_HPP
#define VNUM_PLAN_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/retry.hpp>

#include <chrono>
#include <concepts>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace vnum {

// What a plan asks its runner to do next. A send action refers to the request the plan keeps.
class next_action {
 public:
  enum class kind { send, wait, done };

  static next_action send(const http::request& r) noexcept { return {kind::send, &r, {}}; }
  static next_action wait(std::chrono::milliseconds d) noexcept { return {kind::wait, nullptr, d}; }
  static next_action done() noexcept { return {kind::done, nullptr, {}}; }

  kind type() const noexcept { return kind_; }
  bool is_send() const noexcept { return kind_ == kind::send; }
  bool is_wait() const noexcept { return kind_ == kind::wait; }
  bool is_done() const noexcept { return kind_ == kind::done; }
  // For a send: the request, valid while the plan lives and until its next step.
  const http::request& request() const noexcept { return *request_; }
  // For a wait: how long.
  std::chrono::milliseconds duration() const noexcept { return wait_; }

 private:
  next_action(kind k, const http::request* r, std::chrono::milliseconds d) noexcept
      : kind_(k), request_(r), wait_(d) {}
  kind kind_;
  const http::request* request_;
  std::chrono::milliseconds wait_;
};

// What every plan offers its runners; T is the value of the call's result<T>.
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

// A write: one send, never a second; the parser applies the outcome rule of the write's kind.
// A request that failed to build is the result, and nothing is sent.
template <class T>
class write_plan {
 public:
  using value_type = T;
  using parser = result<T> (*)(const http::response&);

  write_plan(result<http::request> built, parser parse, std::string_view api_key)
      : request_(std::move(built)), parse_(parse), api_key_(api_key) {}

  next_action start() {
    if (!request_) return finish(request_.error());
    return next_action::send(*request_);
  }
  next_action on_answer(result<http::response> answer) {
    outcome_.emplace(
        detail::elide{[&] { return detail::read_answer(std::move(answer), parse_, api_key_); }});
    return next_action::done();
  }
  // A write never asks to wait: a runner that says it waited ends the plan, and nothing more is
  // sent (a second send could buy twice).
  next_action on_waited() {
    if (!outcome_)
      outcome_.emplace(
          make_error(errc::protocol, "a write plan was resumed after a wait it never asked for"));
    return next_action::done();
  }
  next_action cancel() { return finish(detail::cancelled_before_send()); }
  // The result, once done; moved from by whoever takes it.
  result<T>&& take_result() { return std::move(*outcome_); }

  // The request as built (or why it could not be), its parser and the key errors are redacted of:
  // what an intent_plan (<vnum/intent.hpp>) fingerprints, and reads a kept answer with.
  const result<http::request>& request() const noexcept { return request_; }
  parser answer_parser() const noexcept { return parse_; }
  std::string_view redacted_key() const noexcept { return api_key_; }

 private:
  next_action finish(result<T> r) {
    outcome_.emplace(std::move(r));
    return next_action::done();
  }
  result<http::request> request_;
  parser parse_;
  std::string_view api_key_;
  std::optional<result<T>> outcome_;
};

// A read: sent again while its error is retryable (is_retryable) and the policy allows another
// attempt, waiting with exponential backoff, or as long as the provider's Retry-After asks when
// that is within max_backoff (longer: that error is the result). An invalid policy is the result,
// and nothing is sent. The policy's sleep is not used: waiting is the runner's.
template <class T>
class read_plan {
 public:
  using value_type = T;
  using parser = result<T> (*)(const http::response&);

  read_plan(result<http::request> built, parser parse, const retry_policy& policy,
            std::string_view api_key)
      : request_(std::move(built)),
        parse_(parse),
        api_key_(api_key),
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

  next_action start() {
    if (outcome_) return next_action::done();
    attempt_ = 1;
    return next_action::send(*request_);
  }

  next_action on_answer(result<http::response> answer) {
    // Kept in outcome_ either way: the result, or the one a cut-short wait ends with (cancel).
    outcome_.emplace(
        detail::elide{[&] { return detail::read_answer(std::move(answer), parse_, api_key_); }});
    if (*outcome_ || attempt_ >= max_attempts_) return next_action::done();
    const error e = outcome_->error();
    if (!is_retryable(e.code)) return next_action::done();
    auto wait = backoff_;
    if (e.retry_after) {
      // At most 999 999 999 s (parse_retry_after), which milliseconds hold without overflow.
      wait = std::chrono::duration_cast<std::chrono::milliseconds>(*e.retry_after);
      if (wait > max_backoff_) return next_action::done();
    }
    waiting_ = true;
    return next_action::wait(wait);
  }

  next_action on_waited() {
    waiting_ = false;
    outcome_.reset();
    backoff_ = detail::next_backoff(backoff_, multiplier_, max_backoff_);
    ++attempt_;
    return next_action::send(*request_);
  }

  next_action cancel() {
    if (!waiting_) outcome_.emplace(detail::cancelled_before_send());
    waiting_ = false;
    return next_action::done();
  }

  // The result, once done; moved from by whoever takes it.
  result<T>&& take_result() { return std::move(*outcome_); }

  // Attempts sent so far, the first included.
  int attempts() const noexcept { return attempt_; }

 private:
  result<http::request> request_;
  parser parse_;
  std::string_view api_key_;
  int max_attempts_;
  double multiplier_;
  std::chrono::milliseconds backoff_;
  std::chrono::milliseconds max_backoff_;
  int attempt_ = 0;
  bool waiting_ = false;
  std::optional<result<T>> outcome_;
};

}  // namespace vnum

#endif  // VNUM_PLAN_HPP
