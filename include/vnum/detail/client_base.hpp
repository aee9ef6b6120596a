// vnum — what every provider's client<T> shares: it holds the transport (owned, or borrowed when T
// is a reference) and the configuration, and runs one operation through detail::exchange.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_CLIENT_BASE_HPP
#define VNUM_DETAIL_CLIENT_BASE_HPP

#include <algorithm>
#include <chrono>
#include <type_traits>
#include <utility>
#include <vnum/detail/exchange.hpp>
#include <vnum/http.hpp>
#include <vnum/retry.hpp>

namespace vnum::detail {

// Config is the provider's config; it must have an api_key, which is scrubbed from every error,
// and may have a retry_policy called retry, which applies to GET requests only.
template <http::transport T, class Config>
class client_base {
 public:
  client_base(T transport, Config cfg)
      : transport_(std::forward<T>(transport)), config_(std::move(cfg)) {}

  const Config& settings() const noexcept { return config_; }
  std::remove_reference_t<T>& transport() noexcept { return transport_; }

 protected:
  // A request that failed to build is never sent; see exchange().
  template <class Parse>
  auto run(result<http::request> built, Parse parse) {
    if constexpr (requires { config_.retry; }) {
      if (built && built->method == http::method::get) return run_retrying(*built, parse, config_.retry);
    }
    return exchange(transport_, std::move(built), parse, config_.api_key);
  }

 private:
  // Retries a read while its error is retryable and attempts remain, waiting with exponential
  // backoff, or as long as the provider's Retry-After asks when that is within max_backoff.
  template <class Parse>
  auto run_retrying(const http::request& request, Parse parse, const retry_policy& policy) {
    auto backoff = policy.initial_backoff;
    for (int attempt = 1;; ++attempt) {
      auto r = exchange(transport_, request, parse, config_.api_key);
      if (r || attempt >= policy.max_attempts || !is_retryable(r.error().code)) return r;
      auto wait = backoff;
      if (r.error().retry_after) {
        auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*r.error().retry_after);
        if (asked > policy.max_backoff) return r;  // longer than we may wait: the caller decides
        wait = asked;
      }
      if (policy.sleep) policy.sleep(wait);
      backoff = std::min(policy.max_backoff,
                         std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(
                             static_cast<double>(backoff.count()) * policy.multiplier)));
    }
  }

 protected:

  T transport_;
  Config config_;
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_CLIENT_BASE_HPP
