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

/// Asynchronous IdentityCall client on Boost.Asio (asio.hpp): the twin of client, with an
/// `async_` method for each of its methods, taking the same arguments and a completion token.
///
/// @tparam T an http::async_transport (beast_transport, or yours), owned
///   (`async_client<my_transport>`) or borrowed (`async_client<my_transport&>`). config(),
///   transport() and get_executor() (the transport's) return them.
///
/// Each operation completes with `void(result<X>)` where client's method returns `result<X>`, with
/// the same answers and errors (client lists them, and what an intent key already held returns).
/// The default token is `boost::asio::deferred`, so `co_await c.async_list_operators()` works in a
/// coroutine; callbacks, use_future and use_awaitable work too. Besides:
/// - the request is validated and built when `async_...` is called, so its arguments need not
///   outlive the call; a request refused then is not sent, and still completes through the
///   executor, never inside the initiating call;
/// - a read is retried as config::retry allows, waiting on a steady_timer on the transport's
///   executor (retry_policy::sleep is never called); a write is sent once; a list is read
///   complete, page by page;
/// - a transport whose async_send throws, or drops the handler, gives errc::outcome_unknown;
/// - cancellation (the handler's cancellation slot): before a send errc::transport, during a send
///   what the transport answers (errc::outcome_unknown once the request may have left), during a
///   wait the last attempt's error.
///
/// Not safe for concurrent use of one instance from several threads: it may run several
/// operations at once only on a single-threaded executor or a strand. The client, and an intent
/// key's ledger, must outlive their operations.
///
/// @code
/// namespace asio = boost::asio;
/// namespace ic = vnum::identitycall;
/// asio::awaitable<void> buy(ic::async_client<vnum::beast_transport>& client, std::string phone) {
///   ic::purchase_request order;
///   order.phone_number = phone;
///   auto bought = co_await client.async_purchase_number(order);
///   if (!bought && bought.error().code == vnum::errc::outcome_unknown) {
///     // It may have gone through: the complete list says whether it did.
///     auto numbers = co_await client.async_list_virtual_numbers();
///   }
/// }
///
/// asio::io_context io;
/// ic::async_client<vnum::beast_transport> client{vnum::beast_transport{io.get_executor()}, cfg};
/// asio::co_spawn(io, buy(client, "+15551234567"), asio::detached);
/// io.run();
/// @endcode
template <http::async_transport T>
class async_client : public vnum::detail::async_client_base<T, config> {
  using base = vnum::detail::async_client_base<T, config>;

 public:
  /// A client sending through `transport`, configured by `cfg`.
  /// @param transport the transport, moved in (or the reference, when `T` is one).
  /// @param cfg the API key, base URL and retry policy.
  async_client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  /// Buys a number, as client::purchase_number:
  /// `POST /api/v1/public/virtual_numbers/purchase`. A creating write.
  /// @param r the number (E.164) and its optional fields.
  /// @param token the completion token, for `void(result<virtual_number>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_purchase_number(const purchase_request& r, Token&& token = {}) {
    return this->run_async(plans::purchase_number(this->config(), r), std::forward<Token>(token));
  }

  /// async_purchase_number() once per intent key (see client).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<virtual_number>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_purchase_number(const purchase_request& r, intent_key<L> k, Token&& token = {}) {
    return this->run_async(plans::purchase_number(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// Every number on the account, every page, as client::list_virtual_numbers:
  /// `GET /api/v1/public/virtual_numbers`. A read.
  /// @param token the completion token, for `void(result<std::vector<virtual_number>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_list_virtual_numbers(Token&& token = {}) {
    return this->run_async(plans::list_virtual_numbers(this->config()), std::forward<Token>(token));
  }

  /// One number in full, as client::get_virtual_number:
  /// `GET /api/v1/public/virtual_numbers/{id}`. A read.
  /// @param id the number's id (positive).
  /// @param token the completion token, for `void(result<virtual_number_detail>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_get_virtual_number(std::int64_t id, Token&& token = {}) {
    return this->run_async(plans::get_virtual_number(this->config(), id),
                           std::forward<Token>(token));
  }

  /// Changes a number, as client::update_virtual_number:
  /// `PATCH /api/v1/public/virtual_numbers/{id}`. An idempotent write.
  /// @param id the number's id (positive).
  /// @param r the fields to change; at least one must be set.
  /// @param token the completion token, for `void(result<std::optional<virtual_number_detail>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_update_virtual_number(std::int64_t id, const update_request& r, Token&& token = {}) {
    return this->run_async(plans::update_virtual_number(this->config(), id, r),
                           std::forward<Token>(token));
  }

  /// Numbers for sale, as client::search_available_numbers:
  /// `GET /api/v1/public/virtual_numbers/available`. A read.
  /// @param r the country and number type to look for; both optional.
  /// @param token the completion token, for `void(result<std::vector<available_number>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_search_available_numbers(const search_request& r, Token&& token = {}) {
    return this->run_async(plans::search_available_numbers(this->config(), r),
                           std::forward<Token>(token));
  }

  /// Attaches an operator to a number, as client::add_operator:
  /// `POST /api/v1/public/virtual_numbers/{id}/add_operator`. A creating write.
  /// @param id the number's id (positive).
  /// @param r exactly one of operator_id, or phone_number with an optional name.
  /// @param token the completion token, for `void(result<std::optional<virtual_number_detail>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_add_operator(std::int64_t id, const add_operator_request& r, Token&& token = {}) {
    return this->run_async(plans::add_operator(this->config(), id, r), std::forward<Token>(token));
  }

  /// async_add_operator() once per intent key (see client).
  /// @param id as for the overload without a key.
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<std::optional<virtual_number_detail>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_add_operator(std::int64_t id, const add_operator_request& r, intent_key<L> k,
                          Token&& token = {}) {
    return this->run_async(plans::add_operator(this->config(), id, r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// Detaches an operator from a number, as client::remove_operator:
  /// `DELETE /api/v1/public/virtual_numbers/{id}/remove_operator`. An idempotent write.
  /// @param id the number's id (positive).
  /// @param operator_id the operator's id (positive).
  /// @param token the completion token, for `void(result<std::optional<virtual_number_detail>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_remove_operator(std::int64_t id, std::int64_t operator_id, Token&& token = {}) {
    return this->run_async(plans::remove_operator(this->config(), id, operator_id),
                           std::forward<Token>(token));
  }

  /// Every operator the key sees, every page, as client::list_operators:
  /// `GET /api/v1/public/operators`. A read.
  /// @param token the completion token, for `void(result<std::vector<operator_summary>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_list_operators(Token&& token = {}) {
    return this->run_async(plans::list_operators(this->config()), std::forward<Token>(token));
  }

  /// One operator in full, as client::get_operator:
  /// `GET /api/v1/public/operators/{id}`. A read.
  /// @param id the operator's id (positive).
  /// @param token the completion token, for `void(result<operator_detail>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_get_operator(std::int64_t id, Token&& token = {}) {
    return this->run_async(plans::get_operator(this->config(), id), std::forward<Token>(token));
  }

  /// Creates an operator, as client::create_operator:
  /// `POST /api/v1/public/operators`. A creating write.
  /// @param r its name and phone number (E.164), and the optional fields.
  /// @param token the completion token, for `void(result<operator_detail>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_create_operator(const create_operator_request& r, Token&& token = {}) {
    return this->run_async(plans::create_operator(this->config(), r), std::forward<Token>(token));
  }

  /// async_create_operator() once per intent key (see client).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<operator_detail>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_create_operator(const create_operator_request& r, intent_key<L> k,
                             Token&& token = {}) {
    return this->run_async(plans::create_operator(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// Changes an operator, as client::update_operator:
  /// `PATCH /api/v1/public/operators/{id}`. An idempotent write.
  /// @param id the operator's id (positive).
  /// @param r the fields to change; at least one must be set.
  /// @param token the completion token, for `void(result<std::optional<operator_detail>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_update_operator(std::int64_t id, const update_operator_request& r,
                             Token&& token = {}) {
    return this->run_async(plans::update_operator(this->config(), id, r),
                           std::forward<Token>(token));
  }

  /// Deletes an operator, as client::delete_operator:
  /// `DELETE /api/v1/public/operators/{id}`. An idempotent write.
  /// @param id the operator's id (positive).
  /// @param token the completion token, for `void(result<void>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_delete_operator(std::int64_t id, Token&& token = {}) {
    return this->run_async(plans::delete_operator(this->config(), id), std::forward<Token>(token));
  }

  /// The most pages a list may have before it is refused as errc::protocol (list_plan).
  static constexpr std::int64_t max_pages = list_plan<virtual_number>::max_pages;
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_ASYNC_CLIENT_HPP
