// vnum — Cellcast: the client, which composes validate -> build -> send -> parse.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_CLIENT_HPP
#define VNUM_CELLCAST_CLIENT_HPP

#include <vnum/cellcast/build.hpp>
#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/parse.hpp>
#include <vnum/detail/exchange.hpp>
#include <vnum/http.hpp>

#include <string_view>
#include <type_traits>
#include <utility>

namespace vnum::cellcast {

// Works owning (client<my_transport>) and borrowing (client<my_transport&>). Nothing is sent when
// validation fails. No call is retried: a purchase that ends in errc::outcome_unknown may have
// been charged, so reconcile before trying again. Not safe for concurrent use of one instance.
template <http::transport T>
class client {
 public:
  client(T transport, config cfg) : transport_(std::forward<T>(transport)), config_(std::move(cfg)) {}

  result<purchase_receipt> purchase_virtual_number(const purchase_request& r) {
    return run(build_purchase_virtual_number(config_, r), parse_purchase_virtual_number);
  }

  result<purchase_receipt> purchase_virtual_number_postpaid(const postpaid_purchase_request& r) {
    return run(build_purchase_virtual_number_postpaid(config_, r),
               parse_purchase_virtual_number_postpaid);
  }

  result<unsubscribe_receipt> unsubscribe_virtual_number(std::string_view id) {
    return run(build_unsubscribe_virtual_number(config_, id), parse_unsubscribe_virtual_number);
  }

  result<custom_number_receipt> add_custom_number(const custom_number_request& r) {
    return run(build_add_custom_number(config_, r), parse_add_custom_number);
  }

  result<verify_custom_number_receipt> verify_custom_number(const verify_custom_number_request& r) {
    return run(build_verify_custom_number(config_, r), parse_verify_custom_number);
  }

  result<business_name_receipt> add_business_name(const business_name_request& r) {
    return run(build_add_business_name(config_, r), parse_add_business_name);
  }

  // The catalog purchases are checked against (config::products); add numbers as you learn them.
  product_catalog& products() noexcept { return config_.products; }
  const config& settings() const noexcept { return config_; }
  std::remove_reference_t<T>& transport() noexcept { return transport_; }

 private:
  template <class Parse>
  auto run(result<http::request> built, Parse parse) {
    return vnum::detail::exchange(transport_, std::move(built), parse, config_.api_key);
  }

  T transport_;
  config config_;
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_CLIENT_HPP
