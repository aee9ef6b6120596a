// vnum — IdentityCall: the blocking client, which runs each operation's plan (plan.hpp) through
// the user's transport: validate -> build -> send -> parse, retried and paged as the plan says.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_CLIENT_HPP
#define VNUM_IDENTITYCALL_CLIENT_HPP

#include <vnum/detail/client_base.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/plan.hpp>
#include <vnum/intent.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnum::identitycall {

/// Blocking IdentityCall client: each call validates its request, builds it, sends it through
/// the transport and parses the answer (every page of a list), on the calling thread.
///
/// @tparam T an http::transport, owned (`client<my_transport>`) or borrowed
///   (`client<my_transport&>`). config() and transport() return the configuration and the
///   transport.
///
/// Each method runs the plan of the same name (identitycall/plan.hpp). A read is retried as
/// config::retry allows, waiting with retry_policy::sleep; a write is sent once, never twice.
/// Not safe for concurrent use of one instance.
///
/// Errors (vnum::error::code), the same for every method:
/// - errc::invalid_argument: a request field or id is wrong, named by error::field, and nothing
///   was sent (for a read, also an invalid config::retry); or IdentityCall's 400.
/// - errc::unauthorized (401), errc::forbidden (403), errc::not_found (404), errc::conflict (409),
///   errc::unprocessable (422), errc::rate_limited (429, error::retry_after holds the provider's
///   hint), errc::server_error (5xx): from IdentityCall.
/// - errc::transport: the request was certainly not sent.
/// - errc::outcome_unknown: the request may have taken effect (the transport lost the answer or
///   threw; a write's 2xx is not its documented success; a creating write got a 5xx). Check
///   before sending a write again: a purchase with list_virtual_numbers(), a created operator with
///   list_operators() (identitycall/reconcile.hpp does it for intent keys).
/// - errc::protocol: an answer IdentityCall does not document.
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
/// vnum::identitycall::client<vnum::curl_transport> identitycall{vnum::curl_transport{},
///                                                               {load_secret("identitycall")}};
/// auto ledger = vnum::sqlite_ledger::open("/var/lib/app/intents.db").value();
/// vnum::identitycall::purchase_request order;
/// order.phone_number = "+15551234567";  // E.164, as search_available_numbers() lists it
/// auto bought = identitycall.purchase_number(order, vnum::once(ledger, "signup-42"));
/// if (!bought && bought.error().code == vnum::errc::outcome_unknown) {
///   // It may have gone through: never buy again blindly.
///   auto report = vnum::identitycall::reconcile(identitycall, ledger);
/// }
/// @endcode
template <http::transport T>
class client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  /// A client sending through `transport`, configured by `cfg`.
  /// @param transport the transport, moved in (or the reference, when `T` is one).
  /// @param cfg the API key, base URL and retry policy.
  client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  /// Buys a number: `POST /api/v1/public/virtual_numbers/purchase`. A creating write.
  /// @param r the number (E.164) and, optionally, its country, type, name and requirement group.
  /// @return the number bought.
  result<virtual_number> purchase_number(const purchase_request& r) {
    return this->run(plans::purchase_number(this->config(), r));
  }

  /// purchase_number(const purchase_request&) once per intent key (see the class doc).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return the number bought, or what the key already holds.
  template <ledger L>
  result<virtual_number> purchase_number(const purchase_request& r, intent_key<L> k) {
    return this->run(plans::purchase_number(this->config(), r, std::move(k)));
  }

  /// Every number on the account (or the key's project): `GET /api/v1/public/virtual_numbers`, then
  /// `?page=N&per_page=M` for each further page (list_plan). A read, page by page.
  /// @return the complete list, never a short one: a page that fails is that failure; pages that
  ///   contradict the first, or more than max_pages, are errc::protocol.
  result<std::vector<virtual_number>> list_virtual_numbers() {
    return this->run(plans::list_virtual_numbers(this->config()));
  }

  /// One number with its stats and operators: `GET /api/v1/public/virtual_numbers/{id}`. A read.
  /// @param id the number's id (positive).
  /// @return the number in full.
  result<virtual_number_detail> get_virtual_number(std::int64_t id) {
    return this->run(plans::get_virtual_number(this->config(), id));
  }

  /// Changes a number's name, activity, recording or routing:
  /// `PATCH /api/v1/public/virtual_numbers/{id}`. An idempotent write.
  /// @param id the number's id (positive).
  /// @param r the fields to change; at least one must be set.
  /// @return the number as updated; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> update_virtual_number(std::int64_t id,
                                                                     const update_request& r) {
    return this->run(plans::update_virtual_number(this->config(), id, r));
  }

  /// Numbers for sale: `GET /api/v1/public/virtual_numbers/available`. A read.
  /// @param r the country and number type to look for; both optional.
  /// @return the numbers offered, possibly none.
  result<std::vector<available_number>> search_available_numbers(const search_request& r = {}) {
    return this->run(plans::search_available_numbers(this->config(), r));
  }

  /// Attaches an operator to a number, an existing one or a new one made from a phone number:
  /// `POST /api/v1/public/virtual_numbers/{id}/add_operator`. A creating write (it may create an
  /// operator).
  /// @param id the number's id (positive).
  /// @param r exactly one of operator_id, or phone_number (E.164) with an optional name.
  /// @return the number with the operator attached; empty when the provider answered 204 without
  ///   a body.
  result<std::optional<virtual_number_detail>> add_operator(std::int64_t id,
                                                            const add_operator_request& r) {
    return this->run(plans::add_operator(this->config(), id, r));
  }

  /// add_operator(std::int64_t, const add_operator_request&) once per intent key (see the class
  /// doc).
  /// @param id as for the overload without a key.
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return the number with the operator attached (or empty), or what the key already holds.
  template <ledger L>
  result<std::optional<virtual_number_detail>> add_operator(std::int64_t id,
                                                            const add_operator_request& r,
                                                            intent_key<L> k) {
    return this->run(plans::add_operator(this->config(), id, r, std::move(k)));
  }

  /// Detaches an operator from a number:
  /// `DELETE /api/v1/public/virtual_numbers/{id}/remove_operator?operator_id=...`. An idempotent
  /// write.
  /// @param id the number's id (positive).
  /// @param operator_id the operator's id (positive).
  /// @return the number without the operator; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> remove_operator(std::int64_t id,
                                                               std::int64_t operator_id) {
    return this->run(plans::remove_operator(this->config(), id, operator_id));
  }

  /// Every operator the key sees, ordered by name: `GET /api/v1/public/operators`, then each
  /// further page as list_virtual_numbers(). A read, page by page.
  /// @return the complete list, never a short one (as list_virtual_numbers()).
  result<std::vector<operator_summary>> list_operators() {
    return this->run(plans::list_operators(this->config()));
  }

  /// One operator with its number assignments: `GET /api/v1/public/operators/{id}`. A read.
  /// @param id the operator's id (positive).
  /// @return the operator in full.
  result<operator_detail> get_operator(std::int64_t id) {
    return this->run(plans::get_operator(this->config(), id));
  }

  /// Creates an operator: `POST /api/v1/public/operators`. A creating write.
  /// @param r its name and phone number (E.164 exactly), and the optional fields.
  /// @return the operator created.
  result<operator_detail> create_operator(const create_operator_request& r) {
    return this->run(plans::create_operator(this->config(), r));
  }

  /// create_operator(const create_operator_request&) once per intent key (see the class doc).
  /// @param r as for the overload without a key.
  /// @param k the key and its ledger: `vnum::once(ledger, "order-1234")`.
  /// @return the operator created, or what the key already holds.
  template <ledger L>
  result<operator_detail> create_operator(const create_operator_request& r, intent_key<L> k) {
    return this->run(plans::create_operator(this->config(), r, std::move(k)));
  }

  /// Changes an operator: `PATCH /api/v1/public/operators/{id}`. An idempotent write.
  /// @param id the operator's id (positive).
  /// @param r the fields to change; at least one must be set.
  /// @return the operator as updated; empty when the provider answered 204 without a body.
  result<std::optional<operator_detail>> update_operator(std::int64_t id,
                                                         const update_operator_request& r) {
    return this->run(plans::update_operator(this->config(), id, r));
  }

  /// Deletes an operator: `DELETE /api/v1/public/operators/{id}`. An idempotent write; a 200
  /// that does not say `"success": true` is errc::outcome_unknown.
  /// @param id the operator's id (positive).
  /// @return nothing, once the operator is gone.
  result<void> delete_operator(std::int64_t id) {
    return this->run(plans::delete_operator(this->config(), id));
  }

  /// The most pages a list may have before it is refused as errc::protocol (list_plan).
  static constexpr std::int64_t max_pages = list_plan<virtual_number>::max_pages;
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_CLIENT_HPP
