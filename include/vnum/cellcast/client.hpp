// vnum — Cellcast: the blocking client, which runs each operation's plan (plan.hpp) through the
// user's transport: validate -> build -> send -> parse, retried as the plan says.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_CLIENT_HPP
#define VNUM_CELLCAST_CLIENT_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/plan.hpp>
#include <vnum/detail/client_base.hpp>
#include <vnum/http.hpp>
#include <vnum/intent.hpp>

#include <string_view>
#include <utility>
#include <vector>

namespace vnum::cellcast {

/// Blocking Cellcast client: each call validates its request, builds it, sends it through the
/// transport and parses the answer, on the calling thread.
///
/// @tparam T an http::transport, owned (`client<my_transport>`) or borrowed
///   (`client<my_transport&>`). config() and transport() return the configuration and the
///   transport.
///
/// Each method runs the plan of the same name (cellcast/plan.hpp). A read is retried as
/// config::retry allows, waiting with retry_policy::sleep; a write is sent once, never twice.
/// Not safe for concurrent use of one instance.
///
/// Errors (vnum::error::code), the same for every method:
/// - errc::invalid_argument: a request field is wrong, named by error::field, and nothing was sent
///   (for a read, also an invalid config::retry); or Cellcast's 400.
/// - errc::unauthorized (401), errc::forbidden (403), errc::not_found (404), errc::unprocessable
///   (422, or a 200 whose envelope says `"status": false`), errc::rate_limited (429,
///   error::retry_after holds Cellcast's hint), errc::server_error (5xx): from Cellcast.
/// - errc::conflict: a 409, or the 400 "Number already exist".
/// - errc::transport: the request was certainly not sent.
/// - errc::outcome_unknown: the request may have taken effect (the transport lost the answer or
///   threw; a write's 2xx is not its documented success; a creating write got a 5xx). Check
///   before sending a write again: Cellcast lists neither virtual numbers nor business names, so
///   those are checked in its dashboard.
/// - errc::protocol: an answer Cellcast does not document.
///
/// The API key is redacted from every error.
///
/// The overloads taking an intent_key (`vnum::once(ledger, key)`, intent.hpp) run a creating write
/// once per key: claimed in the ledger before the send, settled after it. A key already held sends
/// nothing and returns what it holds: the same result after a success, the same error after a
/// refusal, errc::conflict while another call holds it (or when it took effect and no answer was
/// kept), errc::outcome_unknown (naming the key) when the outcome is unknown or its holder died;
/// errc::invalid_argument for a key used with another request, or not a valid key;
/// errc::transport when the ledger cannot be claimed. An errc::transport, rate_limited,
/// unauthorized or forbidden ending releases the key, so the same call may go again.
///
/// @code
/// vnum::cellcast::config cfg;
/// cfg.api_key = load_secret("cellcast");
/// // A number's monthly and yearly products, from Cellcast's "Get Available Virtual Numbers".
/// cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_MONTHLY", "prod_YEARLY"});
/// vnum::cellcast::client<vnum::curl_transport> cellcast{vnum::curl_transport{}, cfg};
///
/// auto cards = cellcast.list_cards();
/// if (!cards || cards->empty()) return;
/// vnum::cellcast::purchase_request order{cards->front().id, "prod_MONTHLY",
///                                        "66ea98514f0c1a121c76ec17",
///                                        vnum::cellcast::billing_cycle::month};
/// auto bought = cellcast.purchase_virtual_number(order);
/// if (!bought) std::cerr << bought.error() << '\n';  // outcome_unknown: check the dashboard
/// @endcode
template <http::transport T>
class client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  /// A client sending through `transport`, configured by `cfg`.
  /// @param transport the transport, moved in (or the reference, when `T` is one).
  /// @param cfg the API key, base URL, product catalog and retry policy.
  client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  /// Buys a virtual number: `POST /api/v1/apiClient/virtual-number/purchase`. A creating write.
  /// @param r the number, its product and cycle, and one way to pay; the product is checked
  ///   against products() when the number is listed there.
  /// @return Cellcast's confirmation.
  result<purchase_receipt> purchase_virtual_number(const purchase_request& r) {
    return this->run(plans::purchase_virtual_number(this->config(), r));
  }

  /// purchase_virtual_number(const purchase_request&) once per intent key (see the class doc).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return Cellcast's confirmation, or what the key already holds.
  template <ledger L>
  result<purchase_receipt> purchase_virtual_number(const purchase_request& r, intent_key<L> k) {
    return this->run(plans::purchase_virtual_number(this->config(), r, std::move(k)));
  }

  /// Buys a virtual number on a postpaid account:
  /// `POST /api/v1/apiClient/virtual-number/purchase-postpaid`. A creating write.
  /// @param r the number; the account must be enabled for postpaid billing by Cellcast.
  /// @return Cellcast's confirmation.
  result<purchase_receipt> purchase_virtual_number_postpaid(const postpaid_purchase_request& r) {
    return this->run(plans::purchase_virtual_number_postpaid(this->config(), r));
  }

  /// purchase_virtual_number_postpaid(const postpaid_purchase_request&) once per intent key (see
  /// the class doc).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return Cellcast's confirmation, or what the key already holds.
  template <ledger L>
  result<purchase_receipt> purchase_virtual_number_postpaid(const postpaid_purchase_request& r,
                                                            intent_key<L> k) {
    return this->run(plans::purchase_virtual_number_postpaid(this->config(), r, std::move(k)));
  }

  /// Ends a virtual number's subscription:
  /// `PUT /api/v1/apiClient/virtual-number/unsubscribe/{id}`. An idempotent write.
  /// @param id the virtual number's ID, e.g. "66ea98514f0c1a121c76ec17" (a Cellcast ObjectId: 24
  /// hexadecimal digits).
  /// @return Cellcast's confirmation.
  result<unsubscribe_receipt> unsubscribe_virtual_number(std::string_view id) {
    return this->run(plans::unsubscribe_virtual_number(this->config(), id));
  }

  /// Adds a custom number as sender ID: `POST /api/v1/customNumber/add`. A creating write.
  /// @param r the name and number (any Australian form; sent as +61XXXXXXXXX).
  /// @return the receipt: created, or an OTP was sent (custom_number_receipt::otp_required),
  ///   to pass to verify_custom_number(). A success that says neither is errc::outcome_unknown.
  result<custom_number_receipt> add_custom_number(const custom_number_request& r) {
    return this->run(plans::add_custom_number(this->config(), r));
  }

  /// add_custom_number(const custom_number_request&) once per intent key (see the class doc).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return the receipt, or what the key already holds.
  template <ledger L>
  result<custom_number_receipt> add_custom_number(const custom_number_request& r, intent_key<L> k) {
    return this->run(plans::add_custom_number(this->config(), r, std::move(k)));
  }

  /// Verifies a custom number with the OTP sent to it:
  /// `POST /api/v1/customNumber/verifyCustomNumber`. An idempotent write.
  /// @param r the name and number as added, and the OTP received by SMS.
  /// @return Cellcast's confirmation.
  result<verify_custom_number_receipt> verify_custom_number(const verify_custom_number_request& r) {
    return this->run(plans::verify_custom_number(this->config(), r));
  }

  /// Asks Cellcast to approve a business name (Alpha ID) as sender ID:
  /// `POST /api/v1/business/add`. A creating write.
  /// @param r the name, its use, the company and the requestor.
  /// @return Cellcast's confirmation.
  result<business_name_receipt> add_business_name(const business_name_request& r) {
    return this->run(plans::add_business_name(this->config(), r));
  }

  /// add_business_name(const business_name_request&) once per intent key (see the class doc).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return Cellcast's confirmation, or what the key already holds.
  template <ledger L>
  result<business_name_receipt> add_business_name(const business_name_request& r, intent_key<L> k) {
    return this->run(plans::add_business_name(this->config(), r, std::move(k)));
  }

  /// The cards on file, whose IDs purchase_request::card takes: `GET /api/v1/user/getCards`.
  /// A read.
  /// @return the cards, possibly none.
  result<std::vector<card>> list_cards() { return this->run(plans::list_cards(this->config())); }

  /// The account's custom numbers: `GET /api/v1/customNumber` (the path the live API answers; no
  /// Cellcast page documents it). A read.
  /// @return the custom numbers, possibly none.
  result<std::vector<custom_number>> list_custom_numbers() {
    return this->run(plans::list_custom_numbers(this->config()));
  }

  /// The catalog purchases are checked against (config::products); add numbers as you learn them.
  /// @return config().products, to modify.
  product_catalog& products() noexcept { return this->mutable_config().products; }
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_CLIENT_HPP
