// vnum — Cellcast: the asynchronous client, which runs each operation's plan (plan.hpp) as one
// Asio operation over the user's http::async_transport. Opt-in through <vnum/asio.hpp>.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_ASYNC_CLIENT_HPP
#define VNUM_CELLCAST_ASYNC_CLIENT_HPP

#include <vnum/async_transport.hpp>
#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/plan.hpp>
#include <vnum/detail/async_run.hpp>
#include <vnum/detail/client_base.hpp>

#include <boost/asio/deferred.hpp>

#include <string_view>
#include <utility>

namespace vnum::cellcast {

// The twin of client<T>: one async_<name> per client method, with the same arguments and a
// completion token, completing with void(result<X>) where client<T>::<name> returns result<X>.
// The default token is boost::asio::deferred, so `co_await c.async_list_cards()` works in an
// asio::awaitable coroutine; callbacks, use_future and use_awaitable work too. Works owning
// (async_client<my_transport>) and borrowing (async_client<my_transport&>).
//
// The request is validated and built when async_<name> is called (its arguments need not outlive
// the call); nothing is sent when that fails, and the error still completes through the executor,
// never inside the initiating call. Reads are retried as config::retry allows, waiting on a
// steady_timer on the transport's executor (retry_policy::sleep is the blocking client's only);
// writes are sent once. A transport whose async_send throws gives errc::outcome_unknown.
// Cancellation (the completion handler's cancellation slot): before a send errc::transport, during
// a send what the transport answers (errc::outcome_unknown for vnum's), during a wait the last
// attempt's error. The client must outlive its operations; one instance may run several at once
// on a single-threaded executor (or a strand): each operation keeps its own state.
template <http::async_transport T>
class async_client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  async_client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  auto get_executor() { return this->transport().get_executor(); }

  template <class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number(const purchase_request& r, Token&& token = {}) {
    return run(plans::purchase_virtual_number(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number_postpaid(const postpaid_purchase_request& r,
                                              Token&& token = {}) {
    return run(plans::purchase_virtual_number_postpaid(this->config(), r),
               std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_unsubscribe_virtual_number(std::string_view id, Token&& token = {}) {
    return run(plans::unsubscribe_virtual_number(this->config(), id), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_add_custom_number(const custom_number_request& r, Token&& token = {}) {
    return run(plans::add_custom_number(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_verify_custom_number(const verify_custom_number_request& r, Token&& token = {}) {
    return run(plans::verify_custom_number(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_add_business_name(const business_name_request& r, Token&& token = {}) {
    return run(plans::add_business_name(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_cards(Token&& token = {}) {
    return run(plans::list_cards(this->config()), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_custom_numbers(Token&& token = {}) {
    return run(plans::list_custom_numbers(this->config()), std::forward<Token>(token));
  }

  // The catalog purchases are checked against (config::products); add numbers as you learn them.
  product_catalog& products() noexcept { return this->mutable_config().products; }

 private:
  template <class Plan, class Token>
  auto run(Plan&& p, Token&& token) {
    return vnum::detail::async_run(this->transport(), std::move(p), std::forward<Token>(token));
  }
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_ASYNC_CLIENT_HPP
