// vnum — IdentityCall: the asynchronous client, which runs each operation's plan (plan.hpp) as one
// Asio operation over the user's http::async_transport. Opt-in through <vnum/asio.hpp>.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP
#define VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP

#include <vnum/async_transport.hpp>
#include <vnum/detail/async_run.hpp>
#include <vnum/detail/client_base.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/plan.hpp>

#include <boost/asio/deferred.hpp>

#include <cstdint>
#include <utility>

namespace vnum::identitycall {

// The twin of client<T>: one async_<name> per client method, with the same arguments and a
// completion token, completing with void(result<X>) where client<T>::<name> returns result<X>.
// The default token is boost::asio::deferred, so `co_await c.async_purchase_number(order)` works
// in an asio::awaitable coroutine; callbacks, use_future and use_awaitable work too. Works owning
// (async_client<my_transport>) and borrowing (async_client<my_transport&>). Lists are complete,
// page by page, as client<T>'s (list_plan).
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
  auto async_purchase_number(const purchase_request& r, Token&& token = {}) {
    return run(plans::purchase_number(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_virtual_numbers(Token&& token = {}) {
    return run(plans::list_virtual_numbers(this->config()), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_get_virtual_number(std::int64_t id, Token&& token = {}) {
    return run(plans::get_virtual_number(this->config(), id), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_update_virtual_number(std::int64_t id, const update_request& r, Token&& token = {}) {
    return run(plans::update_virtual_number(this->config(), id, r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_search_available_numbers(const search_request& r, Token&& token = {}) {
    return run(plans::search_available_numbers(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_add_operator(std::int64_t id, const add_operator_request& r, Token&& token = {}) {
    return run(plans::add_operator(this->config(), id, r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_remove_operator(std::int64_t id, std::int64_t operator_id, Token&& token = {}) {
    return run(plans::remove_operator(this->config(), id, operator_id), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_list_operators(Token&& token = {}) {
    return run(plans::list_operators(this->config()), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_get_operator(std::int64_t id, Token&& token = {}) {
    return run(plans::get_operator(this->config(), id), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_create_operator(const create_operator_request& r, Token&& token = {}) {
    return run(plans::create_operator(this->config(), r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_update_operator(std::int64_t id, const update_operator_request& r,
                             Token&& token = {}) {
    return run(plans::update_operator(this->config(), id, r), std::forward<Token>(token));
  }

  template <class Token = boost::asio::deferred_t>
  auto async_delete_operator(std::int64_t id, Token&& token = {}) {
    return run(plans::delete_operator(this->config(), id), std::forward<Token>(token));
  }

  // The most pages a list may have before it is refused as a protocol error (list_plan).
  static constexpr std::int64_t max_pages = list_plan<virtual_number>::max_pages;

 private:
  template <class Plan, class Token>
  auto run(Plan&& p, Token&& token) {
    return vnum::detail::async_run(this->transport(), std::move(p), std::forward<Token>(token));
  }
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP
