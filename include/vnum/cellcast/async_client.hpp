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

/// Asynchronous Cellcast client on Boost.Asio (asio.hpp): the twin of client, with an `async_`
/// method for each of its methods, taking the same arguments and a completion token.
///
/// @tparam T an http::async_transport (beast_transport, or yours), owned
///   (`async_client<my_transport>`) or borrowed (`async_client<my_transport&>`). config(),
///   transport() and get_executor() (the transport's) return them.
///
/// Each operation completes with `void(result<X>)` where client's method returns `result<X>`, with
/// the same answers and errors (client lists them, and what an intent key already held returns).
/// The default token is `boost::asio::deferred`, so `co_await c.async_list_cards()` works in a
/// coroutine; callbacks, use_future and use_awaitable work too. Besides:
/// - the request is validated and built when `async_...` is called, so its arguments need not
///   outlive the call; a request refused then is not sent, and still completes through the
///   executor, never inside the initiating call;
/// - a read is retried as config::retry allows, waiting on a steady_timer on the transport's
///   executor (retry_policy::sleep is never called); a write is sent once;
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
/// asio::awaitable<void> show_cards(vnum::cellcast::async_client<vnum::beast_transport>& cellcast)
/// {
///   auto cards = co_await cellcast.async_list_cards();
///   if (!cards) std::cerr << cards.error() << '\n';
/// }
///
/// asio::io_context io;
/// vnum::cellcast::async_client<vnum::beast_transport> cellcast{
///     vnum::beast_transport{io.get_executor()}, cfg};
/// asio::co_spawn(io, show_cards(cellcast), asio::detached);
/// io.run();
/// @endcode
template <http::async_transport T>
class async_client : public vnum::detail::async_client_base<T, config> {
  using base = vnum::detail::async_client_base<T, config>;

 public:
  /// A client sending through `transport`, configured by `cfg`.
  /// @param transport the transport, moved in (or the reference, when `T` is one).
  /// @param cfg the API key, base URL, product catalog and retry policy.
  async_client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  /// Buys a virtual number, as client::purchase_virtual_number:
  /// `POST /api/v1/apiClient/virtual-number/purchase`. A creating write.
  /// @param r the number, its product and cycle, and one way to pay.
  /// @param token the completion token, for `void(result<purchase_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number(const purchase_request& r, Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number(this->config(), r),
                           std::forward<Token>(token));
  }

  /// async_purchase_virtual_number() once per intent key (see client).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<purchase_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number(const purchase_request& r, intent_key<L> k,
                                     Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// Buys a virtual number on a postpaid account, as client::purchase_virtual_number_postpaid:
  /// `POST /api/v1/apiClient/virtual-number/purchase-postpaid`. A creating write.
  /// @param r the number.
  /// @param token the completion token, for `void(result<purchase_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number_postpaid(const postpaid_purchase_request& r,
                                              Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number_postpaid(this->config(), r),
                           std::forward<Token>(token));
  }

  /// async_purchase_virtual_number_postpaid() once per intent key (see client).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<purchase_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_purchase_virtual_number_postpaid(const postpaid_purchase_request& r, intent_key<L> k,
                                              Token&& token = {}) {
    return this->run_async(plans::purchase_virtual_number_postpaid(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// Ends a virtual number's subscription, as client::unsubscribe_virtual_number:
  /// `PUT /api/v1/apiClient/virtual-number/unsubscribe/{id}`. An idempotent write.
  /// @param id the virtual number's ID.
  /// @param token the completion token, for `void(result<unsubscribe_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_unsubscribe_virtual_number(std::string_view id, Token&& token = {}) {
    return this->run_async(plans::unsubscribe_virtual_number(this->config(), id),
                           std::forward<Token>(token));
  }

  /// Adds a custom number as sender ID, as client::add_custom_number:
  /// `POST /api/v1/customNumber/add`. A creating write.
  /// @param r the name and number.
  /// @param token the completion token, for `void(result<custom_number_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_add_custom_number(const custom_number_request& r, Token&& token = {}) {
    return this->run_async(plans::add_custom_number(this->config(), r), std::forward<Token>(token));
  }

  /// async_add_custom_number() once per intent key (see client).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<custom_number_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_add_custom_number(const custom_number_request& r, intent_key<L> k,
                               Token&& token = {}) {
    return this->run_async(plans::add_custom_number(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// Verifies a custom number with its OTP, as client::verify_custom_number:
  /// `POST /api/v1/customNumber/verifyCustomNumber`. An idempotent write.
  /// @param r the name and number as added, and the OTP.
  /// @param token the completion token, for `void(result<verify_custom_number_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_verify_custom_number(const verify_custom_number_request& r, Token&& token = {}) {
    return this->run_async(plans::verify_custom_number(this->config(), r),
                           std::forward<Token>(token));
  }

  /// Asks Cellcast to approve a business name as sender ID, as
  /// client::add_business_name: `POST /api/v1/business/add`. A creating write.
  /// @param r the name, its use, the company and the requestor.
  /// @param token the completion token, for `void(result<business_name_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_add_business_name(const business_name_request& r, Token&& token = {}) {
    return this->run_async(plans::add_business_name(this->config(), r), std::forward<Token>(token));
  }

  /// async_add_business_name() once per intent key (see client).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @param token the completion token, for `void(result<business_name_receipt>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <ledger L, class Token = boost::asio::deferred_t>
  auto async_add_business_name(const business_name_request& r, intent_key<L> k,
                               Token&& token = {}) {
    return this->run_async(plans::add_business_name(this->config(), r, std::move(k)),
                           std::forward<Token>(token));
  }

  /// The cards on file, as client::list_cards: `GET /api/v1/user/getCards`. A read.
  /// @param token the completion token, for `void(result<std::vector<card>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_list_cards(Token&& token = {}) {
    return this->run_async(plans::list_cards(this->config()), std::forward<Token>(token));
  }

  /// The account's custom numbers, as client::list_custom_numbers:
  /// `GET /api/v1/customNumber`. A read.
  /// @param token the completion token, for `void(result<std::vector<custom_number>>)`.
  /// @return what `token` makes of the operation (by default, a deferred operation).
  template <class Token = boost::asio::deferred_t>
  auto async_list_custom_numbers(Token&& token = {}) {
    return this->run_async(plans::list_custom_numbers(this->config()), std::forward<Token>(token));
  }

  /// The catalog purchases are checked against (config::products); add numbers as you learn them.
  /// @return config().products, to modify.
  product_catalog& products() noexcept { return this->mutable_config().products; }
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_ASYNC_CLIENT_HPP
