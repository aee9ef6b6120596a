// vnum — what every provider's client<T> shares: it holds the transport (owned, or borrowed when T
// is a reference) and the configuration, and runs each operation as a read or a write.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_CLIENT_BASE_HPP
#define VNUM_DETAIL_CLIENT_BASE_HPP

#include <vnum/detail/round_trip.hpp>
#include <vnum/http.hpp>
#include <vnum/retry.hpp>

#include <algorithm>
#include <chrono>
#include <type_traits>
#include <utility>

namespace vnum::detail {

// Config is the provider's config: its api_key is redacted from every error, and its retry policy
// (config::retry) applies to reads only. Each client method says which it is: read() or write().
// The steps of one operation: validate and build (the builder), then read() or write(), which
// make one round_trip() (send() through the transport, then parse) or, for a read, several.
template <http::transport T, class Config>
class client_base {
 public:
  client_base(T transport, Config cfg)
      : transport_(std::forward<T>(transport)), config_(std::move(cfg)) {}

  const Config& config() const noexcept { return config_; }
  std::remove_reference_t<T>& transport() noexcept { return transport_; }

 protected:
  Config& mutable_config() noexcept { return config_; }

  // A read: tried again while its error is retryable and config().retry allows another attempt,
  // waiting with exponential backoff, or as long as the provider's Retry-After asks when that is
  // within max_backoff (longer: the error goes back to the caller).
  template <class Parse>
  auto read(result<http::request> built, Parse parse) {
    using parsed_type = decltype(round_trip(transport_, std::move(built), parse, config_.api_key));
    if (!built) return parsed_type(built.error());
    auto policy = validate(config_.retry);
    if (!policy) return parsed_type(policy.error());
    auto backoff = std::min(policy->initial_backoff, policy->max_backoff);
    for (int attempt = 1;; ++attempt) {
      parsed_type r = round_trip(transport_, built, parse, config_.api_key);
      if (r || attempt >= policy->max_attempts || !is_retryable(r.error().code)) return r;
      auto wait = backoff;
      if (r.error().retry_after) {
        // At most 999 999 999 s (parse_retry_after), which milliseconds hold without overflow.
        auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*r.error().retry_after);
        if (asked > policy->max_backoff) return r;
        wait = asked;
      }
      if (policy->sleep) policy->sleep(wait);
      backoff = next_backoff(backoff, *policy);
    }
  }

  // A write: sent once and never retried; its parser applies the outcome rule of its kind.
  template <class Parse>
  auto write(result<http::request> built, Parse parse) {
    return round_trip(transport_, built, parse, config_.api_key);
  }

 private:
  T transport_;
  Config config_;
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_CLIENT_BASE_HPP
