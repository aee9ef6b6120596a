// vnum — Cellcast: the typed requests, receipts and configuration.
// Shapes come from developer.cellcast.com, section "sender-id"; each type names its page.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_MODEL_HPP
#define VNUM_CELLCAST_MODEL_HPP

#include <vnum/detail/print.hpp>
#include <vnum/observe.hpp>
#include <vnum/retry.hpp>

#include <concepts>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace vnum::cellcast {

/// purchase_request::recurring_time: how often a virtual number is billed. The values start at 1
/// so that a request whose cycle was never set is rejected instead of silently buying a monthly
/// subscription.
enum class billing_cycle {
  month = 1,  ///< monthly: sent as "month", with the number's monthly product
  year = 2    ///< yearly: sent as "year", with the number's yearly product
};

/// The cycle as recurring_time sends it.
/// @param c the cycle
/// @return "month" or "year"; empty for a value that is neither (an unset cycle)
constexpr std::string_view to_string(billing_cycle c) noexcept {
  switch (c) {
    case billing_cycle::month:
      return "month";
    case billing_cycle::year:
      return "year";
  }
  return "";
}

/// Prints to_string(c), or "unset" for a value that is neither cycle.
/// @param os the stream
/// @param c the cycle
/// @return os
inline std::ostream& operator<<(std::ostream& os, billing_cycle c) {
  return os << (to_string(c).empty() ? std::string_view("unset") : to_string(c));
}

/// A virtual number's two products, as "Get Available Virtual Numbers" lists them
/// (monthlyProductId / yearlyProductId).
struct product_ids {
  std::string monthly;  ///< monthlyProductId
  std::string yearly;   ///< yearlyProductId
  /// The product to buy the number with for a cycle.
  /// @param c the cycle
  /// @return yearly for billing_cycle::year, monthly for any other value
  const std::string& for_cycle(billing_cycle c) const {
    return c == billing_cycle::year ? yearly : monthly;
  }
  /// Compares both products.
  friend bool operator==(const product_ids&, const product_ids&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os, const product_ids& v) {
    return vnum::detail::print(os, "product_ids", "monthly", v.monthly, "yearly", v.yearly);
  }
};

/// Which product belongs to which virtual number and cycle. A purchase of a number listed here is
/// checked before it is sent; a number that is not listed goes out unchecked on that point.
class product_catalog {
 public:
  /// Lists a number's products, replacing any listed before for it.
  /// @param number_id the virtual number's ID (purchase_request::number)
  /// @param ids its monthly and yearly products
  void add(std::string number_id, product_ids ids) {
    by_number_[std::move(number_id)] = std::move(ids);
  }
  /// The products listed for a number.
  /// @param number_id the virtual number's ID
  /// @return the products (owned by the catalog), or nullptr when the number is not listed
  const product_ids* find(std::string_view number_id) const {
    auto it = by_number_.find(number_id);
    return it == by_number_.end() ? nullptr : &it->second;
  }
  /// @return how many numbers are listed
  std::size_t size() const noexcept { return by_number_.size(); }
  /// @return whether no number is listed (then no purchase is checked against the catalog)
  bool empty() const noexcept { return by_number_.empty(); }

 private:
  std::map<std::string, product_ids, std::less<>> by_number_;
};

/// What a Cellcast client needs: the API key, where the API is, and the options.
struct config {
  std::string api_key;                                ///< sent as "authorization: Bearer <key>"
  std::string base_url = "https://api.cellcast.com";  ///< each operation's path is appended to it
  product_catalog products;  ///< the products a purchase is checked against (see product_catalog)
  retry_policy retry{};      ///< list_cards and list_custom_numbers only (reads); off by default
  observer observe{};  ///< called once per attempt (<vnum/observe.hpp>); empty: nothing is called
};

/// BECS Direct Debit (payment_type "au_becs_debit"), from the current purchase-virtual-number
/// page. Either payment_method (created by Stripe in a frontend) or, API-only, bsb_number and
/// account_number.
struct becs_debit {
  std::string email;           ///< becs_email: mandate and debit notifications
  std::string account_name;    ///< becs_name: bank account holder name
  std::string payment_method;  ///< payment_method (frontend)
  std::string bsb_number;      ///< becs_bsb_number: 6 digits (API-only)
  std::string account_number;  ///< becs_account_number: digits (API-only)
  /// Prints the fields (for logs and test failures), account_number masked.
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os, const becs_debit& v) {
    return vnum::detail::print(os, "becs_debit", "email", v.email, "account_name", v.account_name,
                               "payment_method", v.payment_method, "bsb_number", v.bsb_number,
                               "account_number", vnum::detail::mask(v.account_number));
  }
};

/// POST /api/v1/apiClient/virtual-number/purchase (purchase-virtual-number.html).
/// Pay with exactly one of: card (a Stripe card ID), token (a Stripe token, API-only), or becs.
/// product must be the number's monthly product for billing_cycle::month and its yearly product
/// for billing_cycle::year.
struct purchase_request {
  std::string card;     ///< a Stripe card ID (card::id, from list_cards)
  std::string product;  ///< the number's product for recurring_time (product_ids)
  std::string number;   ///< the virtual number's ObjectId, e.g. "66ea98514f0c1a121c76ec17"
  billing_cycle recurring_time{};    ///< must be set: the zero value is rejected
  bool resubscribe = false;          ///< true to resubscribe a number bought before
  std::string token{};               ///< a Stripe token (API-only)
  std::optional<becs_debit> becs{};  ///< BECS Direct Debit instead of a card or token
  /// Prints the fields (for logs and test failures), token and becs.account_number masked.
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const purchase_request& v) {
    return vnum::detail::print(os, "purchase_request", "card", v.card, "product", v.product,
                               "number", v.number, "recurring_time", v.recurring_time,
                               "resubscribe", v.resubscribe, "token", vnum::detail::mask(v.token),
                               "becs", v.becs);
  }
};

/// POST /api/v1/apiClient/virtual-number/purchase-postpaid
/// (purchase-virtual-number-postpaid.html), for accounts that Cellcast has enabled for postpaid
/// billing.
struct postpaid_purchase_request {
  std::string number;        ///< the virtual number's ObjectId (24 hex digits)
  bool resubscribe = false;  ///< true to resubscribe a number bought before
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const postpaid_purchase_request& v) {
    return vnum::detail::print(os, "postpaid_purchase_request", "number", v.number, "resubscribe",
                               v.resubscribe);
  }
};

/// The provider's confirmation of a purchase (either kind).
struct purchase_receipt {
  std::string message;  ///< e.g. "Payment is Successful. Dedicated Number has been assigned you."
  /// Compares the messages.
  friend bool operator==(const purchase_receipt&, const purchase_receipt&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const purchase_receipt& v) {
    return vnum::detail::print(os, "purchase_receipt", "message", v.message);
  }
};

/// The provider's confirmation of PUT /api/v1/apiClient/virtual-number/unsubscribe/:id
/// (unsubscribe-virtual-number.html).
struct unsubscribe_receipt {
  std::string message;  ///< e.g. "Virtual number has been unsubscribed successfully."
  /// Compares the messages.
  friend bool operator==(const unsubscribe_receipt&, const unsubscribe_receipt&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const unsubscribe_receipt& v) {
    return vnum::detail::print(os, "unsubscribe_receipt", "message", v.message);
  }
};

/// POST /api/v1/customNumber/add (custom-number.html). number may be written in any Australian
/// form (see vnum::phone::normalize_au); it is sent normalized to +61XXXXXXXXX.
struct custom_number_request {
  std::string name;    ///< a name for the sender ID; required
  std::string number;  ///< any Australian form; sent as +61XXXXXXXXX
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const custom_number_request& v) {
    return vnum::detail::print(os, "custom_number_request", "name", v.name, "number", v.number);
  }
};

/// The answer to add_custom_number. The page documents two successes: the number was created, or
/// (depending on the account's settings) an OTP was sent to it and must be verified with
/// verify_custom_number next.
struct custom_number_receipt {
  bool otp_required = false;  ///< true when an OTP was sent: call verify_custom_number next
  std::string message;        ///< the envelope's message, e.g. "Custom number created"
  std::string detail;  ///< data.message, e.g. "Success create new custom number"; may be empty
  /// Compares every field.
  friend bool operator==(const custom_number_receipt&, const custom_number_receipt&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const custom_number_receipt& v) {
    return vnum::detail::print(os, "custom_number_receipt", "otp_required", v.otp_required,
                               "message", v.message, "detail", v.detail);
  }
};

/// POST /api/v1/customNumber/verifyCustomNumber (verify-custom-number.html)
struct verify_custom_number_request {
  std::string name;    ///< the name given to add_custom_number; required
  std::string number;  ///< normalized like custom_number_request::number
  std::string otp;     ///< as received by SMS, e.g. "123456"
  /// Prints the fields (for logs and test failures), otp masked.
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const verify_custom_number_request& v) {
    return vnum::detail::print(os, "verify_custom_number_request", "name", v.name, "number",
                               v.number, "otp", vnum::detail::mask(v.otp));
  }
};

/// The provider's confirmation of verify_custom_number.
struct verify_custom_number_receipt {
  std::string message;  ///< e.g. "OTP Verified Successfully!"
  /// Compares the messages.
  friend bool operator==(const verify_custom_number_receipt&,
                         const verify_custom_number_receipt&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const verify_custom_number_receipt& v) {
    return vnum::detail::print(os, "verify_custom_number_receipt", "message", v.message);
  }
};

/// business_name_request::company (companyInformation): the company behind the business name.
/// All fields are required.
struct company_information {
  std::string name;     ///< the company's name
  std::string abn;      ///< Australian Business Number, 11 digits
  std::string website;  ///< the company's website
  std::string address;  ///< the company's address
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const company_information& v) {
    return vnum::detail::print(os, "company_information", "name", v.name, "abn", v.abn, "website",
                               v.website, "address", v.address);
  }
};

/// business_name_request::requestor (requestorContact): who asks for the business name. All
/// fields are required.
struct requestor_contact {
  std::string first_name;    ///< firstName
  std::string last_name;     ///< lastName
  std::string position;      ///< the requestor's position
  std::string phone_number;  ///< phoneNumber: digits only, as the page requires
  std::string email;         ///< an email address
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const requestor_contact& v) {
    return vnum::detail::print(os, "requestor_contact", "first_name", v.first_name, "last_name",
                               v.last_name, "position", v.position, "phone_number", v.phone_number,
                               "email", v.email);
  }
};

/// POST /api/v1/business/add (business-name.html, current version): asks Cellcast to approve a
/// business name (Alpha ID) as sender ID.
struct business_name_request {
  std::string business_name;         ///< businessname: 3 to 11 characters
  std::string description_internal;  ///< descriptionInternal: what it is for, internally
  std::string purpose_of_use;        ///< purposeOfUse
  bool ownership = false;            ///< true when you own the business name
  company_information company;       ///< companyInformation
  requestor_contact requestor;       ///< requestorContact
  std::string customer_contact;      ///< optional; any Australian form, sent normalized
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const business_name_request& v) {
    return vnum::detail::print(os, "business_name_request", "business_name", v.business_name,
                               "description_internal", v.description_internal, "purpose_of_use",
                               v.purpose_of_use, "ownership", v.ownership, "company", v.company,
                               "requestor", v.requestor, "customer_contact", v.customer_contact);
  }
};

/// The provider's answer to add_business_name.
struct business_name_receipt {
  std::string message;  ///< the provider's confirmation
  /// Compares the messages.
  friend bool operator==(const business_name_receipt&, const business_name_receipt&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const business_name_receipt& v) {
    return vnum::detail::print(os, "business_name_receipt", "message", v.message);
  }
};

/// An entry of GET /api/v1/user/getCards (billing/get-list-credit-card.html): each entry of
/// "data" is a Stripe card object. These are the fields a buyer needs; id is what
/// purchase_request::card takes.
struct card {
  std::string id;                      ///< "card_1QfFjoGOd000000000000000"
  std::string brand;                   ///< "Visa"
  std::string last4;                   ///< the card number's last 4 digits, "1111"
  std::int64_t exp_month = 0;          ///< the expiry month
  std::int64_t exp_year = 0;           ///< the expiry year
  std::string funding;                 ///< "credit", "debit", "prepaid" or "unknown"
  std::optional<std::string> country;  ///< two-letter issuing country; null when Stripe has none
  std::optional<std::string> name;     ///< the cardholder's name; null when none was given
  /// Compares every field.
  friend bool operator==(const card&, const card&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os, const card& v) {
    return vnum::detail::print(os, "card", "id", v.id, "brand", v.brand, "last4", v.last4,
                               "exp_month", v.exp_month, "exp_year", v.exp_year, "funding",
                               v.funding, "country", v.country, "name", v.name);
  }
};

/// An entry of GET /api/v1/customNumber: the account's custom numbers (sender IDs). No Cellcast
/// page documents this endpoint; its shape is the live API's as a public client logged it: a bare
/// {"data": [{"number", "name"}]}. number is digits ("61402000002") or, for an alphanumeric sender
/// id, letters ("StJohnsWPH"), and is kept as received.
struct custom_number {
  std::string name;    ///< the sender ID's name, as received
  std::string number;  ///< digits or letters, as received
  /// Compares both fields.
  friend bool operator==(const custom_number&, const custom_number&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const custom_number& v) {
    return vnum::detail::print(os, "custom_number", "name", v.name, "number", v.number);
  }
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_MODEL_HPP
