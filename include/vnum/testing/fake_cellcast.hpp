// vnum — vnum::testing::fake_cellcast: an in-memory, stateful fake of Cellcast's sender-id API
// that satisfies http::transport (what it answers, and what it models, is documented at the class).
// Declared here; its members are defined in <vnum/testing/impl/fake_cellcast.hpp>, compiled once
// per program: in the translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION) and includes this header (or <vnum/vnum_testing.hpp>). This header
// includes no Boost.JSON.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_FAKE_CELLCAST_HPP
#define VNUM_TESTING_FAKE_CELLCAST_HPP

#include <vnum/http.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/fault.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing {

/// The routes a fault can be restricted to (fake_cellcast::route).
enum class cellcast_route {
  purchase_virtual_number,           ///< POST /api/v1/apiClient/virtual-number/purchase
  purchase_virtual_number_postpaid,  ///< POST /api/v1/apiClient/virtual-number/purchase-postpaid
  unsubscribe_virtual_number,        ///< PUT /api/v1/apiClient/virtual-number/unsubscribe/{id}
  add_custom_number,                 ///< POST /api/v1/customNumber/add
  verify_custom_number,              ///< POST /api/v1/customNumber/verifyCustomNumber
  add_business_name,                 ///< POST /api/v1/business/add
  list_cards,                        ///< GET /api/v1/user/getCards
  list_custom_numbers,               ///< GET /api/v1/customNumber
};

/// The route's name, as fault arming by name uses it (vnum-fake-server's "route").
/// @param r the route.
/// @return its enumerator's name: "purchase_virtual_number", ...
constexpr std::string_view to_string(cellcast_route r) noexcept {
  switch (r) {
    case cellcast_route::purchase_virtual_number:
      return "purchase_virtual_number";
    case cellcast_route::purchase_virtual_number_postpaid:
      return "purchase_virtual_number_postpaid";
    case cellcast_route::unsubscribe_virtual_number:
      return "unsubscribe_virtual_number";
    case cellcast_route::add_custom_number:
      return "add_custom_number";
    case cellcast_route::verify_custom_number:
      return "verify_custom_number";
    case cellcast_route::add_business_name:
      return "add_business_name";
    case cellcast_route::list_cards:
      return "list_cards";
    case cellcast_route::list_custom_numbers:
      return "list_custom_numbers";
  }
  return "";
}

/// An in-memory, stateful fake of Cellcast's sender-id API that satisfies http::transport, so that
/// client<vnum::testing::fake_cellcast&> talks to it exactly as to the real service.
///
/// It answers with Cellcast's documented bodies (developer.cellcast.com, "sender-id" and
/// "billing"): the 200 envelopes of purchase, unsubscribe, custom number (created / OTP sent), OTP
/// verification and the list of credit cards (Stripe card objects in "data"); the custom number's
/// 400s (name required, mobile number required / not valid, number already exists); 401 "Token
/// expired"; 404 "Virtual number not found". The list of custom numbers (GET
/// /api/v1/customNumber, on no Cellcast page) answers as the live API was logged to: a bare
/// {"data": [{"number", "name"}]} with the number as digits without '+'.
///
/// Modelled rather than documented (the docs leave them open), in Cellcast's own shapes:
/// - an unknown API key: 401 {code, message: "Invalid token", stack}; on the list of custom numbers
///   401 {code, message: "Unauthorized"} without stack, as the live list answered;
/// - a number ID that is not a MongoDB ObjectId (24 hexadecimal digits) in a purchase's or a
///   postpaid purchase's "number" or in unsubscribe's path: 500 with the envelope, status false,
///   message "internal server error" and a Mongoose CastError in "error", as the live service
///   answered one; nothing changes;
/// - purchase: a missing field, an unknown card, an invalid payment_type or incomplete BECS
///   details, a product that is not the number's product for recurring_time, a number already
///   subscribed: 400 envelopes with status false; a number not in the inventory: 404 "Virtual
///   number not found";
/// - postpaid purchase when the account is not enabled for it: 400 envelope; its success answers
///   like the card purchase;
/// - verify: an empty name answers "200 Empty Name" as a 200 envelope with status false; an
///   unknown number or a wrong OTP: 400 envelopes;
/// - business name: missing fields, or a name of fewer than 3 or more than 11 characters (counted
///   as characters, not bytes): 400 envelopes; success: a 200 envelope;
/// - the list of custom numbers holds those created without OTP and those verified; one that
///   awaits its OTP is not listed yet;
/// - a card added without details is a Visa ending 4242, expiring 12/2030, credit, AU, no name;
///   the list answers the cards in the order they were added, as the documented example does;
/// - a body that is not a JSON object: 400 envelope; an unknown route: 404 {code, message};
/// - injected statuses: 401 "Token expired", 404 "Virtual number not found", and for others
///   {code, message, stack} ("Forbidden", "Too many requests" with Retry-After, "Internal server
///   error", "Service unavailable").
///
/// From the fakes' common base it has `send(request)` (the http::transport); `journal()` (the
/// requests received, in order; one lost by an injected fault never arrived) and
/// `journal_entries(after)` (each request with its route, status and journal_outcome, lost ones
/// too), which keep the last `journal_limit()` requests (default_journal_limit; change it with
/// `set_journal_limit(n)`) and count the rest in `journal_dropped()`, of `journal_received()` in
/// all; `fail_next(fault)` / `fail_next(fault, route)` (arms a fault for the next request, or for
/// the next request to one route) and `armed_faults()` (those not fired yet).
///
/// Thread-safe: any number of threads may share one instance (one mutex guards its state).
///
/// @code
/// namespace cc = vnum::cellcast;
/// using vnum::testing::fake_cellcast;
/// const std::string card = "card_1SQmzoGOdUwLPbU6ll0QwsyH", id = "66ea98514f0c1a121c76ec17";
/// fake_cellcast fake;
/// fake.add_card(card);
/// fake.add_number(id, "+61400000001", "prod_PFdN753rT3lNFW", "prod_YEARLY1");
/// cc::config cfg;
/// cfg.api_key = fake.api_key();
/// cc::client<fake_cellcast&> cellcast{fake, cfg};
///
/// fake.fail_next(vnum::testing::fault::response_lost());
/// cc::purchase_request order{card, "prod_PFdN753rT3lNFW", id, cc::billing_cycle::month};
/// auto r = cellcast.purchase_virtual_number(order);
/// // !r, r.error().code == vnum::errc::outcome_unknown, yet fake.subscriptions().size() == 1
/// @endcode
class fake_cellcast : public detail::fake_base<fake_cellcast, cellcast_route> {
 public:
  /// The routes a fault can be restricted to: `fail_next(f, fake_cellcast::route::list_cards)`.
  using route = cellcast_route;

  /// What a purchase left behind.
  struct subscription {
    std::string number_id;       ///< The virtual number's ID in the inventory.
    std::string number;          ///< E.164.
    std::string product;         ///< The product ID; empty for postpaid.
    std::string recurring_time;  ///< "month" / "year"; empty for postpaid.
    std::string payment;         ///< "card", "token", "au_becs_debit" or "postpaid".
    bool resubscribe = false;    ///< The purchase's resubscribe flag.
  };

  /// A custom number added to the account.
  struct custom_number {
    std::string name;       ///< The name it was added with.
    std::string number;     ///< +61XXXXXXXXX.
    bool verified = false;  ///< Added without OTP, or its OTP verified.
  };

  /// An account whose API key is "cellcast-fake-key".
  fake_cellcast();
  /// An account whose API key is `key` instead of the default.
  /// @param key the API key the fake accepts.
  explicit fake_cellcast(std::string key);
  /// Ends the account.
  ~fake_cellcast();

  /// @return the account's API key.
  std::string api_key() const;
  /// From now on the key answers 401 "Token expired".
  void expire_key();

  /// A card on the account, as Get List Credit Card shows it (a Stripe card object).
  struct card_details {
    std::string brand = "Visa";                 ///< The card's brand.
    std::string last4 = "4242";                 ///< The last four digits of its number.
    std::int64_t exp_month = 12;                ///< Expiry month, 1 to 12.
    std::int64_t exp_year = 2030;               ///< Expiry year.
    std::string funding = "credit";             ///< Its funding, e.g. "credit".
    std::optional<std::string> country = "AU";  ///< Its two-letter country; null when empty.
    std::optional<std::string> name;            ///< The cardholder's name; null when empty.
  };

  /// Puts a card on the account, or replaces the details of the card with that ID (which keeps
  /// its place in the list).
  /// @param card_id the card's ID, as a purchase names it in "card".
  /// @param details what the list of cards shows.
  void add_card(std::string card_id, card_details details);
  /// Puts a card on the account: a Visa ending 4242, expiring 12/2030, credit, AU, no name.
  /// @param card_id the card's ID, as a purchase names it in "card".
  void add_card(std::string card_id) { add_card(std::move(card_id), card_details{}); }

  /// A virtual number in the inventory, with its monthly and yearly product IDs (replacing one
  /// with the same ID).
  /// @param id the virtual number's ID, as a purchase names it in "number".
  /// @param e164 the phone number.
  /// @param monthly_product the product a purchase with recurring_time "month" must name.
  /// @param yearly_product the product a purchase with recurring_time "year" must name.
  void add_number(std::string id, std::string e164, std::string monthly_product,
                  std::string yearly_product);

  /// The account setting "custom numbers need OTP verification" (off by default).
  /// @param required when true, adding a custom number sends it an OTP (see otp_for()).
  void require_otp(bool required);

  /// Whether Cellcast has enabled postpaid dedicated-number billing for the account (not by
  /// default).
  /// @param enabled when false, a postpaid purchase answers a 400 envelope.
  void enable_postpaid(bool enabled);

  /// The OTP "sent" to a custom number that awaits verification; deterministic, so that tests
  /// repeat.
  /// @param e164 the custom number as +61XXXXXXXXX.
  /// @return the OTP; nullopt when none awaits (none was sent, or it was verified).
  std::optional<std::string> otp_for(std::string_view e164) const;

  /// @return the numbers subscribed now (an unsubscribed one is gone), by number ID.
  std::vector<subscription> subscriptions() const;

  /// @return every custom number added, verified or awaiting its OTP, by number.
  std::vector<custom_number> custom_numbers() const;

  /// @return the business names requested (their "businessname"), in the order requested.
  std::vector<std::string> business_names() const;

  /// A card on the account, with its ID (cards()).
  struct stored_card {
    std::string id;        ///< The card's ID.
    card_details details;  ///< What the list of cards shows.
  };
  /// @return the cards on the account, in the order added.
  std::vector<stored_card> cards() const;

  /// A virtual number of the inventory (inventory()); subscriptions() says which are bought.
  struct inventory_number {
    std::string id;               ///< Its ID, as a purchase names it.
    std::string number;           ///< E.164.
    std::string monthly_product;  ///< The product of recurring_time "month".
    std::string yearly_product;   ///< The product of recurring_time "year".
  };
  /// @return every virtual number of the inventory, bought or not, by ID.
  std::vector<inventory_number> inventory() const;

  /// An OTP sent to a custom number and not verified yet (pending_otps()).
  struct pending_otp {
    std::string number;  ///< The custom number, +61XXXXXXXXX.
    std::string otp;     ///< The OTP it was sent.
  };
  /// @return every OTP awaiting verification, by number.
  std::vector<pending_otp> pending_otps() const;

  /// @return whether adding a custom number sends it an OTP (require_otp()).
  bool otp_required() const;
  /// @return whether postpaid purchases are enabled (enable_postpaid()).
  bool postpaid_enabled() const;
  /// @return whether the key answers 401 "Token expired" (expire_key()).
  bool key_expired() const;

 private:
  friend class detail::fake_base<fake_cellcast, cellcast_route>;
  struct state;  // the account and Cellcast's rules (<vnum/testing/impl/fake_cellcast.hpp>)

  // The provider's answer to an injected status (fake_base::send).
  static http::response injected(const fault& f);
  // The route and, for unsubscribe, the id in the path.
  static std::pair<std::optional<route>, std::string> match(const http::request& r);
  // The answer under Cellcast's rules; called under the lock (fake_base::send).
  http::response handle(const http::request& r, std::optional<route> which, const std::string& id);

  std::unique_ptr<state> state_;
};

static_assert(http::transport<fake_cellcast&>);

}  // namespace vnum::testing

// The definitions, compiled in the one translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION).
#if defined(VNUM_IMPLEMENTATION) || defined(VNUM_TESTING_IMPLEMENTATION)
#include <vnum/testing/impl/fake_cellcast.hpp>
#endif

#endif  // VNUM_TESTING_FAKE_CELLCAST_HPP
