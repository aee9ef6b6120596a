// vnum — what every provider's client<T> shares: it holds the transport (owned, or borrowed when T
// is a reference) and the configuration, and runs one operation through detail::exchange.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_CLIENT_BASE_HPP
#define VNUM_DETAIL_CLIENT_BASE_HPP

#include <type_traits>
#include <utility>
#include <vnum/detail/exchange.hpp>
#include <vnum/http.hpp>

namespace vnum::detail {

// Config is the provider's config; it must have an api_key, which is scrubbed from every error.
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
    return exchange(transport_, std::move(built), parse, config_.api_key);
  }

  T transport_;
  Config config_;
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_CLIENT_BASE_HPP
