// vnum — retrying idempotent reads. Only GET requests are ever retried: a purchase, update or
// operator change that failed is returned to the caller as it is.
// SPDX-License-Identifier: MIT
#ifndef VNUM_RETRY_HPP
#define VNUM_RETRY_HPP

#include <vnum/error.hpp>

#include <chrono>
#include <functional>
#include <thread>

namespace vnum {

struct retry_policy {
  // Attempts in all, the first included; 1 (the default) never retries.
  int max_attempts = 1;
  std::chrono::milliseconds initial_backoff{200};
  double multiplier = 2.0;
  std::chrono::milliseconds max_backoff{5000};
  // How to wait between attempts; replace it to run on a scheduler or to test without waiting.
  std::function<void(std::chrono::milliseconds)> sleep = [](std::chrono::milliseconds d) {
    std::this_thread::sleep_for(d);
  };
};

// Errors worth another try of a read: no answer, a server error, or rate limiting.
constexpr bool is_retryable(errc code) noexcept {
  return code == errc::transport || code == errc::outcome_unknown || code == errc::server_error ||
         code == errc::rate_limited;
}

}  // namespace vnum

#endif  // VNUM_RETRY_HPP
