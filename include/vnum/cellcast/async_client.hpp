// vnum — Cellcast: the asynchronous client, which runs each operation's plan (plan.hpp) as one
// Asio operation over the user's http::async_transport. Opt-in through <vnum/asio.hpp>.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_ASYNC_CLIENT_HPP
#define VNUM_CELLCAST_ASYNC_CLIENT_HPP

#include <vnum/async_transport.hpp>
#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/plan.hpp>
#include <vnum/detail/async_run.hpp>
#include <vnum/intent.hpp>

#include <boost/asio/deferred.hpp>

#include <string_view>
#include <utility>

namespace vnum::cellcast {

// The twin of client<T> (client.hpp): async_<name>(args..., token) for each of its methods,
// completing with void(result<X>). How calls complete, retry, fail and are cancelled: the rules in
// <vnum/asio.hpp>.
template <http::async_transport T>
class async_client : public vnum::detail::async_client_base<T, config> {
  using base = vnum::detail::async_client_base<T, config>;

 public:
  async_client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  template <class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number(const purchase_request& r, Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number(this->config(), r),
                           std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number(const purchase_request& r, intent_key<L> k,
                                     Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number_postpaid(const postpaid_purchase_request& r,
                                              Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number_postpaid(this->config(), r),
                           std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number_postpaid(const postpaid_purchase_request& r, intent_key<L> k,
                                              Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number_postpaid(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_unsubscribe_virtual_number(std::string_view id, Token&& token = {}) {
    return this->run_async(plans::unsubscribe_virtual_number(this->config(), id),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_add_custom_number(const custom_number_request& r, Token&& token = {}) {
    return this->run_async(plans::add_custom_number(this->config(), r), std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_add_custom_number(const custom_number_request& r, intent_key<L> k,
                               Token&& token = {}) {
    return this->run_async(plans::add_custom_number(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_verify_custom_number(const verify_custom_number_request& r, Token&& token = {}) {
    return this->run_async(plans::verify_custom_number(this->config(), r),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_add_business_name(const business_name_request& r, Token&& token = {}) {
    return this->run_async(plans::add_business_name(this->config(), r), std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_add_business_name(const business_name_request& r, intent_key<L> k,
                               Token&& token = {}) {
    return this->run_async(plans::add_business_name(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_cards(Token&& token = {}) {
    return this->run_async(plans::list_cards(this->config()), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_custom_numbers(Token&& token = {}) {
    return this->run_async(plans::list_custom_numbers(this->config()), std::forward<Token>(token));
  }

  // The catalog purchases are checked against (config::products); add numbers as you learn them.
  product_catalog& products() noexcept { return this->mutable_config().products; }
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_ASYNC_CLIENT_HPP
