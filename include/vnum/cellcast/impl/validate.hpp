// vnum — Cellcast: the definitions of the validators declared in <vnum/cellcast/validate.hpp>.
// Included once per program, by <vnum/src.hpp> in the translation unit that defines
// VNUM_IMPLEMENTATION; never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_IMPL_VALIDATE_HPP
#define VNUM_CELLCAST_IMPL_VALIDATE_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/validate.hpp>
#include <vnum/detail/ascii.hpp>
#include <vnum/detail/utf8.hpp>
#include <vnum/detail/validate.hpp>
#include <vnum/error.hpp>
#include <vnum/phone.hpp>

#include <string>
#include <string_view>

namespace vnum::cellcast {

namespace detail {

using vnum::detail::check_email;
using vnum::detail::check_optional_text;
using vnum::detail::check_required_text;

inline result<void> check_digits(std::string_view field, std::string_view value) {
  if (auto r = check_required_text(field, value); !r) return r;
  if (!vnum::detail::all_digits(value))
    return invalid_argument(std::string(field), "must contain digits only");
  return {};
}

inline result<void> check_cycle(billing_cycle c) {
  if (c != billing_cycle::month && c != billing_cycle::year)
    return invalid_argument("recurring_time",
                            "must be billing_cycle::month or billing_cycle::year");
  return {};
}

using vnum::detail::in_quotes;

// Every id in Cellcast's docs is a MongoDB ObjectId (66ea98514f0c1a121c76ec17); live, any other id
// was answered "internal server error" with Mongoose's CastError, so it is refused before sending.
// Both cases of hex digits are taken, as MongoDB takes them.
inline result<void> check_object_id(std::string_view field, std::string_view id) {
  if (id.empty()) return invalid_argument(std::string(field), "is required and must not be empty");
  constexpr auto is_hex = [](char c) {
    return vnum::detail::is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  bool hex = id.size() == 24;
  for (char c : id) hex = hex && is_hex(c);
  if (!hex)
    return invalid_argument(std::string(field),
                            "must be a Cellcast ObjectId: 24 hexadecimal digits");
  return {};
}

// The product must be the number's product for the chosen cycle (purchase-virtual-number.html:
// monthlyProductId for month, yearlyProductId for year).
inline result<void> check_product_matches_cycle(const purchase_request& r,
                                                const product_catalog& catalog) {
  const product_ids* ids = catalog.find(r.number);
  if (ids == nullptr || r.product == ids->for_cycle(r.recurring_time)) return {};
  std::string why = in_quotes(r.product) + " is not the " +
                    std::string(to_string(r.recurring_time)) + " product of number " +
                    in_quotes(r.number);
  const billing_cycle other =
      r.recurring_time == billing_cycle::month ? billing_cycle::year : billing_cycle::month;
  if (r.product == ids->for_cycle(other))
    why += " (it is that number's " + std::string(to_string(other)) + " product)";
  why += ": its month product is " + in_quotes(ids->monthly) + " and its year product is " +
         in_quotes(ids->yearly);
  return invalid_argument("product", std::move(why));
}

inline result<void> check_becs(const becs_debit& b) {
  if (auto r = check_email("becs.email", b.email); !r) return r;
  if (auto r = check_required_text("becs.account_name", b.account_name); !r) return r;
  if (auto r = check_optional_text("becs.payment_method", b.payment_method); !r) return r;
  const bool bank_details = !b.bsb_number.empty() || !b.account_number.empty();
  if (!b.payment_method.empty() && bank_details)
    return invalid_argument(
        "becs.payment_method",
        "give either payment_method or bsb_number and account_number, not both");
  if (b.payment_method.empty()) {
    if (auto r = check_digits("becs.bsb_number", b.bsb_number); !r) return r;
    if (b.bsb_number.size() != 6)
      return invalid_argument("becs.bsb_number", "must be 6 digits (e.g. 000000, without '-')");
    if (auto r = check_digits("becs.account_number", b.account_number); !r) return r;
  }
  return {};
}

inline result<void> check_payment(const purchase_request& r) {
  if (auto c = check_optional_text("card", r.card); !c) return c;
  if (auto t = check_optional_text("token", r.token); !t) return t;
  const int methods = int(!r.card.empty()) + int(!r.token.empty()) + int(r.becs.has_value());
  if (methods == 0)
    return invalid_argument("card", "is required: pay with a card ID, a token, or becs");
  if (methods > 1) return invalid_argument("card", "give exactly one of card, token and becs");
  if (r.becs) return check_becs(*r.becs);
  return {};
}

}  // namespace detail

result<purchase_request> validate(const purchase_request& r, const product_catalog& catalog) {
  if (auto v = detail::check_payment(r); !v) return v.error();
  if (auto v = detail::check_required_text("product", r.product); !v) return v.error();
  if (auto v = detail::check_object_id("number", r.number); !v) return v.error();
  if (auto v = detail::check_cycle(r.recurring_time); !v) return v.error();
  if (auto v = detail::check_product_matches_cycle(r, catalog); !v) return v.error();
  return r;
}

result<postpaid_purchase_request> validate(const postpaid_purchase_request& r) {
  if (auto v = detail::check_object_id("number", r.number); !v) return v.error();
  return r;
}

result<void> validate_virtual_number_id(std::string_view id) {
  return detail::check_object_id("id", id);
}

result<custom_number_request> validate(const custom_number_request& r) {
  if (auto v = detail::check_required_text("name", r.name); !v) return v.error();
  auto number = phone::normalize_au(r.number);
  if (!number) return number.error();
  return custom_number_request{r.name, *number};
}

result<verify_custom_number_request> validate(const verify_custom_number_request& r) {
  if (auto v = detail::check_required_text("name", r.name); !v) return v.error();
  auto number = phone::normalize_au(r.number);
  if (!number) return number.error();
  if (auto v = detail::check_required_text("otp", r.otp); !v) return v.error();
  if (r.otp.find(' ') != std::string::npos)
    return invalid_argument("otp", "must not contain spaces");
  return verify_custom_number_request{r.name, *number, r.otp};
}

result<business_name_request> validate(const business_name_request& r) {
  using namespace detail;
  if (auto v = check_required_text("business_name", r.business_name); !v) return v.error();
  if (const auto n = vnum::detail::utf8_length(r.business_name); n < 3 || n > 11)
    return invalid_argument("business_name", "must be between 3 and 11 characters");
  if (auto v = check_required_text("description_internal", r.description_internal); !v)
    return v.error();
  if (auto v = check_required_text("purpose_of_use", r.purpose_of_use); !v) return v.error();
  if (auto v = check_required_text("company.name", r.company.name); !v) return v.error();
  if (auto v = check_digits("company.abn", r.company.abn); !v) return v.error();
  if (r.company.abn.size() != 11) return invalid_argument("company.abn", "must be 11 digits");
  if (auto v = check_required_text("company.website", r.company.website); !v) return v.error();
  if (auto v = check_required_text("company.address", r.company.address); !v) return v.error();
  if (auto v = check_required_text("requestor.first_name", r.requestor.first_name); !v)
    return v.error();
  if (auto v = check_required_text("requestor.last_name", r.requestor.last_name); !v)
    return v.error();
  if (auto v = check_required_text("requestor.position", r.requestor.position); !v)
    return v.error();
  if (auto v = check_digits("requestor.phone_number", r.requestor.phone_number); !v)
    return v.error();
  if (auto v = check_email("requestor.email", r.requestor.email); !v) return v.error();
  business_name_request out = r;
  if (!r.customer_contact.empty()) {
    auto contact = phone::normalize_au(r.customer_contact, "customer_contact");
    if (!contact) return contact.error();
    out.customer_contact = *contact;
  }
  return out;
}

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_IMPL_VALIDATE_HPP
