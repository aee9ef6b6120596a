// vnum — retrying reads. Only operations of kind operation_kind::read are ever retried: a purchase,
// update or operator change that failed is returned to the caller as it is.
// SPDX-License-Identifier: MIT
#ifndef VNUM_RETRY_HPP
#define VNUM_RETRY_HPP

#include <vnum/error.hpp>

#include <chrono>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace vnum {

namespace detail {
// std::this_thread::sleep_for, defined in <vnum/detail/sleep.hpp> with the compiled part of the
// library, so that this header, which every client includes, does without <thread>.
void sleep_for(std::chrono::milliseconds d);
}  // namespace detail

/// How a read is retried: exponential backoff between attempts. A read is sent again while its
/// error is_retryable() and attempts remain; a Retry-After hint replaces the computed wait, and a
/// hint longer than max_backoff ends the retries with that error. validate() checks a policy.
struct retry_policy {
  /// Attempts in all, the first included; 1 (the default) never retries.
  int max_attempts = 1;
  std::chrono::milliseconds initial_backoff{200};  ///< the first wait (at most max_backoff)
  double multiplier = 2.0;  ///< each wait is the previous one times this; at least 1
  std::chrono::milliseconds max_backoff{5000};  ///< no wait is longer
  /// How the blocking clients wait between attempts; replace it to test without waiting (empty:
  /// no wait). The asynchronous clients (<vnum/asio.hpp>) never call it: they wait on a
  /// steady_timer.
  std::function<void(std::chrono::milliseconds)> sleep = &detail::sleep_for;
};

/// Errors worth another try of a read: no answer, a server error, or rate limiting.
/// @param code the error's code
/// @return true for transport, outcome_unknown, server_error and rate_limited
constexpr bool is_retryable(errc code) noexcept {
  return code == errc::transport || code == errc::outcome_unknown || code == errc::server_error ||
         code == errc::rate_limited;
}

namespace detail {
// Why the policy would make the retry arithmetic misbehave, naming the field; nullopt when it is
// usable. (validate() returns the policy itself; the plans check without copying it.)
inline std::optional<error> policy_problem(const retry_policy& p) {
  if (p.max_attempts < 1)
    return invalid_argument("retry.max_attempts",
                            "must be at least 1, not " + std::to_string(p.max_attempts));
  if (!std::isfinite(p.multiplier) || p.multiplier < 1.0)
    return invalid_argument("retry.multiplier", "must be a finite number of at least 1");
  if (p.initial_backoff.count() < 0)
    return invalid_argument("retry.initial_backoff", "must not be negative");
  if (p.max_backoff.count() < 0)
    return invalid_argument("retry.max_backoff", "must not be negative");
  return std::nullopt;
}

// previous * multiplier, computed in floating point and clamped to max_backoff before it becomes
// an integer, so that no product can overflow.
inline std::chrono::milliseconds next_backoff(std::chrono::milliseconds previous, double multiplier,
                                              std::chrono::milliseconds max_backoff) {
  const double next = static_cast<double>(previous.count()) * multiplier;
  if (!(next < static_cast<double>(max_backoff.count()))) return max_backoff;
  return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(next));
}
}  // namespace detail

/// The policy as the clients use it, or the field that would make its arithmetic misbehave. The
/// clients check config::retry before the first read and send nothing when it is refused.
/// @param p the policy
/// @return `p`, or errc::invalid_argument with error::field "retry.max_attempts" (less than 1),
///         "retry.multiplier" (not finite, or less than 1), "retry.initial_backoff" or
///         "retry.max_backoff" (negative)
inline result<retry_policy> validate(const retry_policy& p) {
  if (auto problem = detail::policy_problem(p)) return std::move(*problem);
  return p;
}

/// The wait that follows `previous` under the policy: previous * multiplier, clamped to
/// max_backoff; computed in floating point, so that no product overflows.
/// @param previous the last wait
/// @param p the policy (its multiplier and max_backoff)
/// @return the next wait, at most p.max_backoff
inline std::chrono::milliseconds next_backoff(std::chrono::milliseconds previous,
                                              const retry_policy& p) {
  return detail::next_backoff(previous, p.multiplier, p.max_backoff);
}

}  // namespace vnum

#endif  // VNUM_RETRY_HPP
