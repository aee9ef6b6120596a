// vnum — what every provider's client<T> and async_client<T> share: it holds the transport (owned,
// or borrowed when T is a reference) and the configuration. The blocking clients run each
// operation's plan with run(); the asynchronous ones with detail::async_run (async_run.hpp).
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_CLIENT_BASE_HPP
#define VNUM_DETAIL_CLIENT_BASE_HPP

#include <vnum/detail/run.hpp>
#include <vnum/http.hpp>
#include <vnum/plan.hpp>

#include <type_traits>
#include <utility>

namespace vnum::detail {

// Config is the provider's config: its api_key is redacted from every error, and its retry policy
// (config::retry) applies to reads only; the plans (<provider>/plan.hpp) say which each call is.
template <class T, class Config>
class client_base {
 public:
  client_base(T transport, Config cfg)
      : transport_(std::forward<T>(transport)), config_(std::move(cfg)) {}

  const Config& config() const noexcept { return config_; }
  std::remove_reference_t<T>& transport() noexcept { return transport_; }

 protected:
  Config& mutable_config() noexcept { return config_; }

  // Runs one operation's plan to its end on the calling thread (a blocking client only).
  template <plan Plan>
  result<typename Plan::value_type> run(Plan&& p) {
    return detail::run(transport_, p, config_.retry);
  }

 private:
  T transport_;
  Config config_;
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_CLIENT_BASE_HPP
