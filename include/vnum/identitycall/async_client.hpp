// vnum — IdentityCall: the asynchronous client, which runs each operation's plan (plan.hpp) as one
// Asio operation over the user's http::async_transport. Opt-in through <vnum/asio.hpp>.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP
#define VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP

#include <vnum/async_transport.hpp>
#include <vnum/detail/async_run.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/plan.hpp>
#include <vnum/intent.hpp>

#include <boost/asio/deferred.hpp>

#include <cstdint>
#include <utility>

namespace vnum::identitycall {

// The twin of client<T> (client.hpp): async_<name>(args..., token) for each of its methods,
// completing with void(result<X>). How calls complete, retry, fail and are cancelled: the rules in
// <vnum/asio.hpp>.
template <http::async_transport T>
class async_client : public vnum::detail::async_client_base<T, config> {
  using base = vnum::detail::async_client_base<T, config>;

 public:
  async_client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  template <class Token = boost::asio::deferred_t>
  auto async_purchase_number(const purchase_request& r, Token&& token = {}) {
    return this->run_async(plans::purchase_number(this->config(), r), std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_purchase_number(const purchase_request& r, intent_key<L> k, Token&& token = {}) {
    return this->run_async(plans::purchase_number(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_virtual_numbers(Token&& token = {}) {
    return this->run_async(plans::list_virtual_numbers(this->config()), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_get_virtual_number(std::int64_t id, Token&& token = {}) {
    return this->run_async(plans::get_virtual_number(this->config(), id),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_update_virtual_number(std::int64_t id, const update_request& r, Token&& token = {}) {
    return this->run_async(plans::update_virtual_number(this->config(), id, r),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_search_available_numbers(const search_request& r, Token&& token = {}) {
    return this->run_async(plans::search_available_numbers(this->config(), r),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_add_operator(std::int64_t id, const add_operator_request& r, Token&& token = {}) {
    return this->run_async(plans::add_operator(this->config(), id, r), std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_add_operator(std::int64_t id, const add_operator_request& r, intent_key<L> k,
                          Token&& token = {}) {
    return this->run_async(plans::add_operator(this->config(), id, r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_remove_operator(std::int64_t id, std::int64_t operator_id, Token&& token = {}) {
    return this->run_async(plans::remove_operator(this->config(), id, operator_id),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_operators(Token&& token = {}) {
    return this->run_async(plans::list_operators(this->config()), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_get_operator(std::int64_t id, Token&& token = {}) {
    return this->run_async(plans::get_operator(this->config(), id), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_create_operator(const create_operator_request& r, Token&& token = {}) {
    return this->run_async(plans::create_operator(this->config(), r), std::forward<Token>(token));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_create_operator(const create_operator_request& r, intent_key<L> k,
                             Token&& token = {}) {
    return this->run_async(plans::create_operator(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_update_operator(std::int64_t id, const update_operator_request& r,
                             Token&& token = {}) {
    return this->run_async(plans::update_operator(this->config(), id, r),
                           std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_delete_operator(std::int64_t id, Token&& token = {}) {
    return this->run_async(plans::delete_operator(this->config(), id), std::forward<Token>(token));
  }

  // The most pages a list may have before it is refused as a protocol error (list_plan).
  static constexpr std::int64_t max_pages = list_plan<virtual_number>::max_pages;
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP
