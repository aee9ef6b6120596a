// vnum — the definitions of vnum::testing::fake_cellcast's members, declared in
// <vnum/testing/fake_cellcast.hpp>: Cellcast's rules, and the JSON it reads and answers. Compiled
// once per program: <vnum/testing/fake_cellcast.hpp> includes this file in the translation unit
// that defines VNUM_IMPLEMENTATION (or VNUM_TESTING_IMPLEMENTATION); never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_IMPL_FAKE_CELLCAST_HPP
#define VNUM_TESTING_IMPL_FAKE_CELLCAST_HPP

#include <vnum/detail/utf8.hpp>
#include <vnum/http.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/detail/fake_json.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fault.hpp>
#include <vnum/testing/impl/fake_base.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing {

// Cellcast's answers, which depend on no state (only this translation unit sees them).
namespace {

using json_object = boost::json::object;

json_object envelope(bool status, std::string_view message, int show_message, json_object data = {},
                     json_object error = {}) {
  return {{"app_type", "web"},       {"app_version", "1.0"},
          {"maintainence", 0},       {"new_version", 0},
          {"force_update", 0},       {"invalid_token", 0},
          {"refresh_token", ""},     {"show_message", show_message},
          {"is_enc", false},         {"status", status},
          {"message", message},      {"message_type", "toast"},
          {"data", std::move(data)}, {"error", std::move(error)}};
}

http::response ok(std::string_view message, json_object data = {}, int show_message = 1) {
  return detail::json_response(200, envelope(true, message, show_message, std::move(data)));
}

// The 400 envelope of custom-number.html: status false, the reason in "error".
http::response bad_request(std::string_view message, json_object error) {
  return detail::json_response(400, envelope(false, message, 0, {}, std::move(error)));
}

http::response api_error(int status, std::string_view message,
                         std::vector<http::header> headers = {}) {
  json_object body{{"code", status},
                   {"message", message},
                   {"stack", "APIError: " + std::string(message) + " ...."}};
  return detail::json_response(status, body, std::move(headers));
}

// Every Cellcast id is a MongoDB ObjectId: 24 hexadecimal digits, of either case.
bool is_object_id(std::string_view id) {
  if (id.size() != 24) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

// How the live service answered an id that is not an ObjectId. Seen live: the envelope with
// status false, message "internal server error", and Mongoose's CastError object in "error".
// Modelled: the status 500 (the live one was not recorded; 500 is what "internal server error"
// implies), and the CastError's path "_id", model "VirtualNumber" and empty reason.
http::response cast_error(const std::string& raw_id) {
  // The service reads the path as a JavaScript string: a byte that is not UTF-8 comes back as
  // U+FFFD, so that the answer stays valid JSON whatever the id's bytes.
  std::string id;
  for (std::size_t i = 0; i < raw_id.size();) {
    const std::size_t n = vnum::detail::utf8_sequence_length(raw_id, i);
    id += n == 0 ? std::string("\xEF\xBF\xBD") : raw_id.substr(i, n);
    i += n == 0 ? 1 : n;
  }
  json_object cast{{"stringValue", "\"" + id + "\""},
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

// The number forms custom-number.html accepts, digits only: +61400000000, 61400000000,
// 0400000000, 400000000.
std::optional<std::string> au_number(std::string_view n) {
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

http::response missing(std::string_view field) {
  return bad_request(std::string(field) + " is required",
                     {{"error", std::string(field) + " is not valid"}});
}

http::response missing_name() {
  return bad_request("Name is required", {{"error", "name is not valid"}});
}

// custom-number.html's "400 Number already exist": status true, and the app fields in data.
http::response already_exists() {
  json_object body{
      {"maintainence", 0},
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
       {{"invalid_token", 0}, {"refresh_token", ""}, {"app_type", "web"}, {"app_version", "1.0"}}},
      {"error", json_object()}};
  return detail::json_response(400, body);
}

}  // namespace

// The account and Cellcast's rules: everything the fake keeps, and what it answers. Every member
// is called under the fake's lock.
struct fake_cellcast::state {
  state() = default;
  explicit state(std::string key) : api_key_(std::move(key)) {}

  struct number_entry {
    std::string e164;
    std::string monthly;
    std::string yearly;
  };

  // The route's answer under Cellcast's rules (fake_base::send holds the lock).
  http::response handle(const http::request& r, std::optional<route> which, const std::string& id) {
    const std::string token = detail::bearer_token(r);
    // The live list of custom numbers answered a bad key without "stack", unlike the other routes.
    if (token != api_key_ && which == route::list_custom_numbers)
      return detail::json_response(401, json_object{{"code", 401}, {"message", "Unauthorized"}});
    if (token != api_key_) return api_error(401, "Invalid token");
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

  // Each card as a Stripe card object, with the fields of the documented example. The answer is
  // kept until the cards change: a test polling the list, or vnum-fake-server under load, would
  // otherwise rebuild some 30 members a card on every request.
  http::response list_cards() const {
    if (!cards_answer_) cards_answer_ = build_card_list();
    return *cards_answer_;
  }

  http::response build_card_list() const {
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
  mutable std::optional<http::response> cards_answer_;  // list_cards(), until a card changes
  std::map<std::string, number_entry, std::less<>> inventory_;
  std::map<std::string, subscription, std::less<>> subscriptions_;
  std::map<std::string, custom_number, std::less<>> custom_numbers_;
  std::map<std::string, std::string, std::less<>> pending_otp_;
  std::vector<std::string> business_names_;
  int otps_sent_ = 0;
};

fake_cellcast::fake_cellcast() : state_(std::make_unique<state>()) {}

fake_cellcast::fake_cellcast(std::string key) : state_(std::make_unique<state>(std::move(key))) {}

fake_cellcast::~fake_cellcast() = default;

std::string fake_cellcast::api_key() const { return state_->api_key_; }

void fake_cellcast::expire_key() {
  std::lock_guard lock(mutex_);
  state_->key_expired_ = true;
}

void fake_cellcast::add_card(std::string card_id, card_details details) {
  std::lock_guard lock(mutex_);
  state_->cards_answer_.reset();
  if (!state_->cards_.contains(card_id)) state_->card_order_.push_back(card_id);
  state_->cards_[std::move(card_id)] = std::move(details);
}

void fake_cellcast::add_number(std::string id, std::string e164, std::string monthly_product,
                               std::string yearly_product) {
  std::lock_guard lock(mutex_);
  state_->inventory_[std::move(id)] = {std::move(e164), std::move(monthly_product),
                                       std::move(yearly_product)};
}

void fake_cellcast::require_otp(bool required) {
  std::lock_guard lock(mutex_);
  state_->otp_required_ = required;
}

void fake_cellcast::enable_postpaid(bool enabled) {
  std::lock_guard lock(mutex_);
  state_->postpaid_ = enabled;
}

std::optional<std::string> fake_cellcast::otp_for(std::string_view e164) const {
  std::lock_guard lock(mutex_);
  auto it = state_->pending_otp_.find(std::string(e164));
  if (it == state_->pending_otp_.end()) return std::nullopt;
  return it->second;
}

std::vector<fake_cellcast::subscription> fake_cellcast::subscriptions() const {
  std::lock_guard lock(mutex_);
  std::vector<subscription> out;
  for (const auto& [id, s] : state_->subscriptions_) out.push_back(s);
  return out;
}

std::vector<fake_cellcast::custom_number> fake_cellcast::custom_numbers() const {
  std::lock_guard lock(mutex_);
  std::vector<custom_number> out;
  for (const auto& [number, c] : state_->custom_numbers_) out.push_back(c);
  return out;
}

std::vector<std::string> fake_cellcast::business_names() const {
  std::lock_guard lock(mutex_);
  return state_->business_names_;
}

std::vector<fake_cellcast::stored_card> fake_cellcast::cards() const {
  std::lock_guard lock(mutex_);
  std::vector<stored_card> out;
  for (const std::string& id : state_->card_order_) out.push_back({id, state_->cards_.at(id)});
  return out;
}

std::vector<fake_cellcast::inventory_number> fake_cellcast::inventory() const {
  std::lock_guard lock(mutex_);
  std::vector<inventory_number> out;
  for (const auto& [id, n] : state_->inventory_) out.push_back({id, n.e164, n.monthly, n.yearly});
  return out;
}

std::vector<fake_cellcast::pending_otp> fake_cellcast::pending_otps() const {
  std::lock_guard lock(mutex_);
  std::vector<pending_otp> out;
  for (const auto& [number, otp] : state_->pending_otp_) out.push_back({number, otp});
  return out;
}

bool fake_cellcast::otp_required() const {
  std::lock_guard lock(mutex_);
  return state_->otp_required_;
}

bool fake_cellcast::postpaid_enabled() const {
  std::lock_guard lock(mutex_);
  return state_->postpaid_;
}

bool fake_cellcast::key_expired() const {
  std::lock_guard lock(mutex_);
  return state_->key_expired_;
}

http::response fake_cellcast::injected(const fault& f) {
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

std::pair<std::optional<fake_cellcast::route>, std::string> fake_cellcast::match(
    const http::request& r) {
  const std::string path = detail::parse_target(r.url).path;
  const std::string_view unsubscribe = "/api/v1/apiClient/virtual-number/unsubscribe/";
  if (r.method == http::method::post) {
    if (path == "/api/v1/apiClient/virtual-number/purchase")
      return {route::purchase_virtual_number, {}};
    if (path == "/api/v1/apiClient/virtual-number/purchase-postpaid")
      return {route::purchase_virtual_number_postpaid, {}};
    if (path == "/api/v1/customNumber/add") return {route::add_custom_number, {}};
    if (path == "/api/v1/customNumber/verifyCustomNumber") return {route::verify_custom_number, {}};
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

http::response fake_cellcast::handle(const http::request& r, std::optional<route> which,
                                     const std::string& id) {
  return state_->handle(r, which, id);
}

// The common base's members, for this fake: compiled here, once.
template class detail::fake_base<fake_cellcast, cellcast_route>;

}  // namespace vnum::testing

#endif  // VNUM_TESTING_IMPL_FAKE_CELLCAST_HPP
