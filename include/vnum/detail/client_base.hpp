// vnum — what every provider's client<T> shares: it holds the transport (owned, or borrowed when T
// is a reference) and the configuration, and runs one operation through detail::exchange.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_CLIENT_BASE_HPP
#define VNUM_DETAIL_CLIENT_BASE_HPP

#include <vnum/detail/exchange.hpp>
#include <vnum/http.hpp>
#include <vnum/retry.hpp>

#include <algorithm>
#include <chrono>
#include <type_traits>
#include <utility>

namespace vnum::detail {

// Config is the provider's config: its api_key is redacted from every error, and its retry policy
// (config::retry) applies to reads only. Each client method says which it is: read() or write().
template <http::transport T, class Config>
class client_base {
 public:
  client_base(T transport, Config cfg)
      : transport_(std::forward<T>(transport)), config_(std::move(cfg)) {}

  const Config& settings() const noexcept { return config_; }
  std::remove_reference_t<T>& transport() noexcept { return transport_; }

 protected:
  // A read: retried while its error is retryable and config().retry allows another attempt.
  template <class Parse>
  auto read(result<http::request> built, Parse parse) {
    using parsed_type = decltype(exchange(transport_, std::move(built), parse, config_.api_key));
    if (!built) return parsed_type(built.error());
    auto policy = validate(config_.retry);
    if (!policy) return parsed_type(policy.error());
    return read_retrying(*built, parse, *policy);
  }

  // A write: sent once and never retried; its parser applies the outcome rule of its kind.
  template <class Parse>
  auto write(result<http::request> built, Parse parse) {
    return exchange(transport_, std::move(built), parse, config_.api_key);
  }

  T transport_;
  Config config_;

 private:
  // Waits with exponential backoff between attempts, or as long as the provider's Retry-After
  // asks when that is within max_backoff (longer: the error goes back to the caller).
  template <class Parse>
  auto read_retrying(const http::request& request, Parse& parse, const retry_policy& policy) {
    auto backoff = std::min(policy.initial_backoff, policy.max_backoff);
    for (int attempt = 1;; ++attempt) {
      auto r = exchange(transport_, request, parse, config_.api_key);
      if (r || attempt >= policy.max_attempts || !is_retryable(r.error().code)) return r;
      auto wait = backoff;
      if (r.error().retry_after) {
        // At most 999 999 999 s (parse_retry_after), which milliseconds hold without overflow.
        auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*r.error().retry_after);
        if (asked > policy.max_backoff) return r;
        wait = asked;
      }
      if (policy.sleep) policy.sleep(wait);
      backoff = next_backoff(backoff, policy);
    }
  }
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_CLIENT_BASE_HPP
