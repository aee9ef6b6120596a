// vnum — vnum::testing::fake_cellcast: an in-memory, stateful fake of Cellcast's sender-id API
// that satisfies http::transport (what it answers, and what it models, is documented at the class).
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_FAKE_CELLCAST_HPP
#define VNUM_TESTING_FAKE_CELLCAST_HPP

#include <vnum/detail/utf8.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/fault.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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
  fake_cellcast() = default;
  /// An account whose API key is `key` instead of the default.
  /// @param key the API key the fake accepts.
  explicit fake_cellcast(std::string key) : api_key_(std::move(key)) {}

  /// @return the account's API key.
  std::string api_key() const { return api_key_; }
  /// From now on the key answers 401 "Token expired".
  void expire_key() {
    std::lock_guard lock(mutex_);
    key_expired_ = true;
  }

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
  void add_card(std::string card_id, card_details details) {
    std::lock_guard lock(mutex_);
    if (!cards_.contains(card_id)) card_order_.push_back(card_id);
    cards_[std::move(card_id)] = std::move(details);
  }
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
                  std::string yearly_product) {
    std::lock_guard lock(mutex_);
    inventory_[std::move(id)] = {std::move(e164), std::move(monthly_product),
                                 std::move(yearly_product)};
  }

  /// The account setting "custom numbers need OTP verification" (off by default).
  /// @param required when true, adding a custom number sends it an OTP (see otp_for()).
  void require_otp(bool required) {
    std::lock_guard lock(mutex_);
    otp_required_ = required;
  }

  /// Whether Cellcast has enabled postpaid dedicated-number billing for the account (not by
  /// default).
  /// @param enabled when false, a postpaid purchase answers a 400 envelope.
  void enable_postpaid(bool enabled) {
    std::lock_guard lock(mutex_);
    postpaid_ = enabled;
  }

  /// The OTP "sent" to a custom number that awaits verification; deterministic, so that tests
  /// repeat.
  /// @param e164 the custom number as +61XXXXXXXXX.
  /// @return the OTP; nullopt when none awaits (none was sent, or it was verified).
  std::optional<std::string> otp_for(std::string_view e164) const {
    std::lock_guard lock(mutex_);
    auto it = pending_otp_.find(std::string(e164));
    if (it == pending_otp_.end()) return std::nullopt;
    return it->second;
  }

  /// @return the numbers subscribed now (an unsubscribed one is gone), by number ID.
  std::vector<subscription> subscriptions() const {
    std::lock_guard lock(mutex_);
    std::vector<subscription> out;
    for (const auto& [id, s] : subscriptions_) out.push_back(s);
    return out;
  }

  /// @return every custom number added, verified or awaiting its OTP, by number.
  std::vector<custom_number> custom_numbers() const {
    std::lock_guard lock(mutex_);
    std::vector<custom_number> out;
    for (const auto& [number, c] : custom_numbers_) out.push_back(c);
    return out;
  }

  /// @return the business names requested (their "businessname"), in the order requested.
  std::vector<std::string> business_names() const {
    std::lock_guard lock(mutex_);
    return business_names_;
  }

  /// A card on the account, with its ID (cards()).
  struct stored_card {
    std::string id;        ///< The card's ID.
    card_details details;  ///< What the list of cards shows.
  };
  /// @return the cards on the account, in the order added.
  std::vector<stored_card> cards() const {
    std::lock_guard lock(mutex_);
    std::vector<stored_card> out;
    for (const std::string& id : card_order_) out.push_back({id, cards_.at(id)});
    return out;
  }

  /// A virtual number of the inventory (inventory()); subscriptions() says which are bought.
  struct inventory_number {
    std::string id;               ///< Its ID, as a purchase names it.
    std::string number;           ///< E.164.
    std::string monthly_product;  ///< The product of recurring_time "month".
    std::string yearly_product;   ///< The product of recurring_time "year".
  };
  /// @return every virtual number of the inventory, bought or not, by ID.
  std::vector<inventory_number> inventory() const {
    std::lock_guard lock(mutex_);
    std::vector<inventory_number> out;
    for (const auto& [id, n] : inventory_) out.push_back({id, n.e164, n.monthly, n.yearly});
    return out;
  }

  /// An OTP sent to a custom number and not verified yet (pending_otps()).
  struct pending_otp {
    std::string number;  ///< The custom number, +61XXXXXXXXX.
    std::string otp;     ///< The OTP it was sent.
  };
  /// @return every OTP awaiting verification, by number.
  std::vector<pending_otp> pending_otps() const {
    std::lock_guard lock(mutex_);
    std::vector<pending_otp> out;
    for (const auto& [number, otp] : pending_otp_) out.push_back({number, otp});
    return out;
  }

  /// @return whether adding a custom number sends it an OTP (require_otp()).
  bool otp_required() const {
    std::lock_guard lock(mutex_);
    return otp_required_;
  }
  /// @return whether postpaid purchases are enabled (enable_postpaid()).
  bool postpaid_enabled() const {
    std::lock_guard lock(mutex_);
    return postpaid_;
  }
  /// @return whether the key answers 401 "Token expired" (expire_key()).
  bool key_expired() const {
    std::lock_guard lock(mutex_);
    return key_expired_;
  }

 private:
  friend class detail::fake_base<fake_cellcast, cellcast_route>;

  struct number_entry {
    std::string e164;
    std::string monthly;
    std::string yearly;
  };

  using json_object = boost::json::object;

  static json_object envelope(bool status, std::string_view message, int show_message,
                              json_object data = {}, json_object error = {}) {
    return {{"app_type", "web"},       {"app_version", "1.0"},
            {"maintainence", 0},       {"new_version", 0},
            {"force_update", 0},       {"invalid_token", 0},
            {"refresh_token", ""},     {"show_message", show_message},
            {"is_enc", false},         {"status", status},
            {"message", message},      {"message_type", "toast"},
            {"data", std::move(data)}, {"error", std::move(error)}};
  }

  static http::response ok(std::string_view message, json_object data = {}, int show_message = 1) {
    return detail::json_response(200, envelope(true, message, show_message, std::move(data)));
  }

  // The 400 envelope of custom-number.html: status false, the reason in "error".
  static http::response bad_request(std::string_view message, json_object error) {
    return detail::json_response(400, envelope(false, message, 0, {}, std::move(error)));
  }

  static http::response api_error(int status, std::string_view message,
                                  std::vector<http::header> headers = {}) {
    json_object body{{"code", status},
                     {"message", message},
                     {"stack", "APIError: " + std::string(message) + " ...."}};
    return detail::json_response(status, body, std::move(headers));
  }

  // Every Cellcast id is a MongoDB ObjectId: 24 hexadecimal digits, of either case.
  static bool is_object_id(std::string_view id) {
    if (id.size() != 24) return false;
    for (char c : id)
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
        return false;
    return true;
  }

  // How the live service answered an id that is not an ObjectId. Seen live: the envelope with
  // status false, message "internal server error", and Mongoose's CastError object in "error".
  // Modelled: the status 500 (the live one was not recorded; 500 is what "internal server error"
  // implies), and the CastError's path "_id", model "VirtualNumber" and empty reason.
  static http::response cast_error(const std::string& id) {
    json_object cast{
        {"stringValue", "\"" + id + "\""},
        {"valueType", "string"},
        {"kind", "ObjectId"},
        {"value", id},
        {"path", "_id"},
        {"reason", json_object()},
        {"name", "CastError"},
        {"message", "Cast to ObjectId failed for value \"" + id +
                        "\" (type string) at path \"_id\" for model \"VirtualNumber\""}};
    return detail::json_response(500,
                                 envelope(false, "internal server error", 0, {}, std::move(cast)));
  }

  static http::response injected(const fault& f) {
    switch (f.http_status()) {
      case 400:
        return bad_request("Bad request", {{"error", "request is not valid"}});
      case 401:
        return api_error(401, "Token expired");
      case 403:
        return api_error(403, "Forbidden");
      case 404:
        return api_error(404, "Virtual number not found");
      case 429:
        return api_error(429, "Too many requests",
                         {{"retry-after", std::to_string(f.retry_after().count())}});
      case 500:
        return api_error(500, "Internal server error");
      case 503:
        return api_error(503, "Service unavailable");
      default:
        return api_error(f.http_status(), "HTTP " + std::to_string(f.http_status()));
    }
  }

  // The route and, for unsubscribe, the id in the path.
  static std::pair<std::optional<route>, std::string> match(const http::request& r) {
    const std::string path = detail::parse_target(r.url).path;
    const std::string_view unsubscribe = "/api/v1/apiClient/virtual-number/unsubscribe/";
    if (r.method == http::method::post) {
      if (path == "/api/v1/apiClient/virtual-number/purchase")
        return {route::purchase_virtual_number, {}};
      if (path == "/api/v1/apiClient/virtual-number/purchase-postpaid")
        return {route::purchase_virtual_number_postpaid, {}};
      if (path == "/api/v1/customNumber/add") return {route::add_custom_number, {}};
      if (path == "/api/v1/customNumber/verifyCustomNumber")
        return {route::verify_custom_number, {}};
      if (path == "/api/v1/business/add") return {route::add_business_name, {}};
    }
    if (r.method == http::method::get) {
      if (path == "/api/v1/user/getCards") return {route::list_cards, {}};
      if (path == "/api/v1/customNumber") return {route::list_custom_numbers, {}};
    }
    if (r.method == http::method::put && path.starts_with(unsubscribe) &&
        path.size() > unsubscribe.size() && path.find('/', unsubscribe.size()) == std::string::npos)
      return {route::unsubscribe_virtual_number, path.substr(unsubscribe.size())};
    return {std::nullopt, {}};
  }

  // The number forms custom-number.html accepts, digits only: +61400000000, 61400000000,
  // 0400000000, 400000000.
  static std::optional<std::string> au_number(std::string_view n) {
    if (n.starts_with('+')) n.remove_prefix(1);
    for (char c : n)
      if (c < '0' || c > '9') return std::nullopt;
    if (n.size() == 11 && n.starts_with("61"))
      n.remove_prefix(2);
    else if (n.size() == 10 && n.starts_with('0'))
      n.remove_prefix(1);
    if (n.size() != 9 || n[0] == '0') return std::nullopt;
    return "+61" + std::string(n);
  }

  http::response handle(const http::request& r, std::optional<route> which, const std::string& id) {
    const std::string token = detail::bearer_token(r);
    // The live list of custom numbers answered a bad key without "stack", unlike the other routes.
    if (token != api_key() && which == route::list_custom_numbers)
      return detail::json_response(401, json_object{{"code", 401}, {"message", "Unauthorized"}});
    if (token != api_key()) return api_error(401, "Invalid token");
    if (key_expired_) return api_error(401, "Token expired");
    if (!which) return api_error(404, "Not found");
    auto body = detail::body_object(r);
    if (!body) return bad_request("Invalid request body", {{"error", "body is not valid JSON"}});
    switch (*which) {
      case route::purchase_virtual_number:
        return purchase(*body);
      case route::purchase_virtual_number_postpaid:
        return purchase_postpaid(*body);
      case route::unsubscribe_virtual_number:
        return unsubscribe(id);
      case route::add_custom_number:
        return add_custom(*body);
      case route::verify_custom_number:
        return verify(*body);
      case route::add_business_name:
        return add_business(*body);
      case route::list_cards:
        return list_cards();
      case route::list_custom_numbers:
        return list_custom_numbers();
    }
    return api_error(404, "Not found");
  }

  static http::response missing(std::string_view field) {
    return bad_request(std::string(field) + " is required",
                       {{"error", std::string(field) + " is not valid"}});
  }

  // Checks the payment fields of purchase-virtual-number.html; empty when they are complete.
  std::optional<http::response> check_payment(const json_object& b, std::string& payment) const {
    const std::string type = b.contains("payment_type") ? detail::text(b, "payment_type") : "card";
    if (type == "card") {
      if (!detail::text(b, "token").empty()) {
        payment = "token";
        return std::nullopt;
      }
      const std::string card = detail::text(b, "card");
      if (card.empty()) return missing("card");
      if (!cards_.contains(card))
        return bad_request("Card not found", {{"error", "card is not valid"}});
      payment = "card";
      return std::nullopt;
    }
    if (type == "au_becs_debit") {
      for (const char* field : {"becs_email", "becs_name"})
        if (detail::text(b, field).empty()) return missing(field);
      if (detail::text(b, "payment_method").empty() &&
          (detail::text(b, "becs_bsb_number").size() != 6 ||
           detail::text(b, "becs_account_number").empty()))
        return missing("becs_bsb_number");
      payment = "au_becs_debit";
      return std::nullopt;
    }
    return bad_request("Invalid payment type", {{"error", "payment_type is not valid"}});
  }

  std::optional<http::response> check_available(const std::string& number_id) const {
    if (!is_object_id(number_id)) return cast_error(number_id);
    if (!inventory_.contains(number_id)) return api_error(404, "Virtual number not found");
    if (subscriptions_.contains(number_id))
      return bad_request("Number already purchased", {{"error", "number is not available"}});
    return std::nullopt;
  }

  http::response purchase(const json_object& b) {
    for (const char* field : {"product", "number", "recurring_time"})
      if (detail::text(b, field).empty()) return missing(field);
    const std::string cycle = detail::text(b, "recurring_time");
    if (cycle != "month" && cycle != "year")
      return bad_request("Invalid recurring time", {{"error", "recurring_time is not valid"}});
    std::string payment;
    if (auto refused = check_payment(b, payment)) return *refused;
    const std::string number_id = detail::text(b, "number");
    if (auto refused = check_available(number_id)) return *refused;
    const number_entry& n = inventory_.at(number_id);
    const std::string product = detail::text(b, "product");
    if (product != (cycle == "month" ? n.monthly : n.yearly))
      return bad_request("Invalid product for the selected billing cycle",
                         {{"error", "product is not valid"}});
    const auto* resubscribe = b.if_contains("resubscribe");
    subscriptions_[number_id] = {
        number_id, n.e164,
        product,   cycle,
        payment,   resubscribe != nullptr && resubscribe->is_bool() && resubscribe->get_bool()};
    return ok("Payment is Successful. Dedicated Number has been assigned you.");
  }

  http::response purchase_postpaid(const json_object& b) {
    if (!postpaid_)
      return bad_request("Postpaid billing is not enabled for this account",
                         {{"error", "account is not enabled for postpaid billing"}});
    const std::string number_id = detail::text(b, "number");
    if (number_id.empty()) return missing("number");
    if (auto refused = check_available(number_id)) return *refused;
    const auto* resubscribe = b.if_contains("resubscribe");
    subscriptions_[number_id] = {
        number_id,  inventory_.at(number_id).e164,
        "",         "",
        "postpaid", resubscribe != nullptr && resubscribe->is_bool() && resubscribe->get_bool()};
    return ok("Payment is Successful. Dedicated Number has been assigned you.");
  }

  http::response unsubscribe(const std::string& number_id) {
    if (!is_object_id(number_id)) return cast_error(number_id);
    if (subscriptions_.erase(number_id) == 0) return api_error(404, "Virtual number not found");
    return ok("Virtual number has been unsubscribed successfully.");
  }

  http::response add_custom(const json_object& b) {
    const std::string name = detail::text(b, "name");
    if (name.empty()) return missing_name();
    const std::string raw = detail::text(b, "number");
    if (raw.empty())
      return bad_request("Mobile number is required", {{"email", "Mobile number is not valie"}});
    auto number = au_number(raw);
    if (!number)
      return bad_request("Mobile number is not valid", {{"error", "Mobile number is not valid"}});
    if (custom_numbers_.contains(*number)) return already_exists();
    custom_numbers_[*number] = {name, *number, !otp_required_};
    if (!otp_required_)
      return ok("Custom number created",
                {{"success", true}, {"message", "Success create new custom number"}});
    pending_otp_[*number] = next_otp();
    return ok("OTP sent to your number successfully",
              {{"success", true}, {"message", "OTP sent to your number successfully"}});
  }

  static http::response missing_name() {
    return bad_request("Name is required", {{"error", "name is not valid"}});
  }

  // custom-number.html's "400 Number already exist": status true, and the app fields in data.
  static http::response already_exists() {
    json_object body{{"maintainence", 0},
                     {"new_version", 0},
                     {"force_update", 0},
                     {"invalid_token", 0},
                     {"refresh_token", ""},
                     {"show_message", 0},
                     {"is_enc", false},
                     {"status", true},
                     {"message", "Number already exist in system"},
                     {"message_type", "toast"},
                     {"data",
                      {{"invalid_token", 0},
                       {"refresh_token", ""},
                       {"app_type", "web"},
                       {"app_version", "1.0"}}},
                     {"error", json_object()}};
    return detail::json_response(400, body);
  }

  std::string next_otp() {
    // Deterministic, so that tests are repeatable; otp_for() reads it back.
    ++otps_sent_;
    return std::to_string(100000 + (otps_sent_ * 7919) % 900000);
  }

  http::response verify(const json_object& b) {
    if (detail::text(b, "name").empty())
      return detail::json_response(
          200, envelope(false, "Name is required", 0, {}, {{"error", "name is not valid"}}));
    auto number = au_number(detail::text(b, "number"));
    if (!number || !custom_numbers_.contains(*number))
      return bad_request("Custom number not found", {{"error", "number is not valid"}});
    auto pending = pending_otp_.find(*number);
    if (pending == pending_otp_.end() || pending->second != detail::text(b, "otp"))
      return bad_request("Invalid OTP", {{"error", "otp is not valid"}});
    pending_otp_.erase(pending);
    custom_numbers_[*number].verified = true;
    return ok("OTP Verified Successfully!", {}, 0);
  }

  http::response add_business(const json_object& b) {
    for (const char* field : {"businessname", "descriptionInternal", "purposeOfUse"})
      if (detail::text(b, field).empty()) return missing(field);
    const std::string name = detail::text(b, "businessname");
    if (const auto n = vnum::detail::utf8_length(name); n < 3 || n > 11)
      return bad_request("Business name must be between 3 and 11 characters",
                         {{"error", "businessname is not valid"}});
    for (const char* object : {"companyInformation", "requestorContact"}) {
      const auto* o = b.if_contains(object);
      if (o == nullptr || !o->is_object()) return missing(object);
    }
    business_names_.push_back(name);
    return ok("Request added successfully for business name");
  }

  // Each card as a Stripe card object, with the fields of the documented example.
  http::response list_cards() const {
    boost::json::array data;
    auto nullable = [](const std::optional<std::string>& v) {
      return v ? boost::json::value(*v) : boost::json::value(nullptr);
    };
    for (const std::string& id : card_order_) {
      const card_details& c = cards_.at(id);
      data.push_back(json_object{{"id", id},
                                 {"object", "card"},
                                 {"address_city", nullptr},
                                 {"address_country", nullptr},
                                 {"address_line1", nullptr},
                                 {"address_line1_check", nullptr},
                                 {"address_line2", nullptr},
                                 {"address_state", nullptr},
                                 {"address_zip", nullptr},
                                 {"address_zip_check", nullptr},
                                 {"allow_redisplay", "unspecified"},
                                 {"brand", c.brand},
                                 {"country", nullable(c.country)},
                                 {"customer", "cus_fake0000000000"},
                                 {"cvc_check", "pass"},
                                 {"dynamic_last4", nullptr},
                                 {"exp_month", c.exp_month},
                                 {"exp_year", c.exp_year},
                                 {"fingerprint", "fake" + c.last4},
                                 {"funding", c.funding},
                                 {"last4", c.last4},
                                 {"metadata", json_object()},
                                 {"name", nullable(c.name)},
                                 {"regulated_status", "unregulated"},
                                 {"tokenization_method", nullptr},
                                 {"wallet", nullptr}});
    }
    json_object body = envelope(true, "Success", 0);
    body["data"] = std::move(data);
    return detail::json_response(200, body);
  }

  http::response list_custom_numbers() const {
    boost::json::array data;
    for (const auto& [number, c] : custom_numbers_)
      if (c.verified) data.push_back(json_object{{"number", number.substr(1)}, {"name", c.name}});
    return detail::json_response(200, json_object{{"data", std::move(data)}});
  }

  const std::string api_key_ = "cellcast-fake-key";
  bool key_expired_ = false;
  bool otp_required_ = false;
  bool postpaid_ = false;
  std::map<std::string, card_details, std::less<>> cards_;
  std::vector<std::string> card_order_;  // as added: the list answers in this order, like Stripe's
  std::map<std::string, number_entry, std::less<>> inventory_;
  std::map<std::string, subscription, std::less<>> subscriptions_;
  std::map<std::string, custom_number, std::less<>> custom_numbers_;
  std::map<std::string, std::string, std::less<>> pending_otp_;
  std::vector<std::string> business_names_;
  int otps_sent_ = 0;
};

static_assert(http::transport<fake_cellcast&>);

}  // namespace vnum::testing

#endif  // VNUM_TESTING_FAKE_CELLCAST_HPP
