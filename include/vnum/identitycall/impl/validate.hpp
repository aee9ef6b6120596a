// vnum — IdentityCall: the definitions of the validators declared in
// <vnum/identitycall/validate.hpp>. Included once per program, by <vnum/src.hpp> in the translation
// unit that defines VNUM_IMPLEMENTATION; never include it directly. SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_IMPL_VALIDATE_HPP
#define VNUM_IDENTITYCALL_IMPL_VALIDATE_HPP

#include <vnum/detail/validate.hpp>
#include <vnum/error.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/validate.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace vnum::identitycall {

namespace detail {

using vnum::detail::check_country_code;
using vnum::detail::check_country_of_number;
using vnum::detail::check_decimal;
using vnum::detail::check_e164;
using vnum::detail::check_email;
using vnum::detail::check_optional_text;
using vnum::detail::check_positive_id;
using vnum::detail::check_required_text;

// An enum value outside its enumerators (a cast from a stray integer) would go out as "".
inline result<void> check_number_type(number_type t) {
  if (to_string(t).empty())
    return invalid_argument("type", "must be number_type::mobile, local, toll_free or national");
  return {};
}

inline result<void> check_routing(routing_strategy s) {
  if (to_string(s).empty() || s == routing_strategy::other)
    return invalid_argument("routing",
                            "must be routing_strategy::priority, round_robin or simultaneous");
  return {};
}

}  // namespace detail

result<purchase_request> validate(const purchase_request& r) {
  if (auto v = detail::check_e164("phone_number", r.phone_number); !v) return v.error();
  if (r.country_code) {
    if (auto v = detail::check_country_code("country_code", *r.country_code); !v) return v.error();
    if (auto v = detail::check_country_of_number("country_code", *r.country_code, "phone_number",
                                                 r.phone_number);
        !v)
      return v.error();
  }
  if (r.type)
    if (auto v = detail::check_number_type(*r.type); !v) return v.error();
  if (r.name)
    if (auto v = detail::check_optional_text("name", *r.name); !v) return v.error();
  if (r.requirement_group_id)
    if (auto v = detail::check_positive_id("requirement_group_id", *r.requirement_group_id); !v)
      return v.error();
  if (r.upfront_cost)
    if (auto v = detail::check_decimal("upfront_cost", *r.upfront_cost); !v) return v.error();
  if (r.monthly_cost)
    if (auto v = detail::check_decimal("monthly_cost", *r.monthly_cost); !v) return v.error();
  return r;
}

result<void> validate_virtual_number_id(std::int64_t id) {
  return detail::check_positive_id("id", id);
}

result<void> validate_operator_id(std::int64_t id) {
  return detail::check_positive_id("operator_id", id);
}

result<update_request> validate(const update_request& r) {
  if (!r.name && !r.active && !r.recording && !r.routing)
    return invalid_argument(
        "update_request", "sets no field; set at least one of name, active, recording and routing");
  if (r.name)
    if (auto v = detail::check_optional_text("name", *r.name); !v) return v.error();
  if (r.routing)
    if (auto v = detail::check_routing(*r.routing); !v) return v.error();
  return r;
}

result<search_request> validate(const search_request& r) {
  search_request out = r;
  if (out.country) {
    out.country = vnum::detail::to_upper(*out.country);
    if (auto v = detail::check_country_code("country", *out.country); !v) return v.error();
  }
  if (out.type)
    if (auto v = detail::check_number_type(*out.type); !v) return v.error();
  return out;
}

result<add_operator_request> validate(const add_operator_request& r) {
  if (r.operator_id && r.phone_number)
    return invalid_argument("operator_id", "give either operator_id or phone_number, not both");
  if (r.operator_id) {
    if (r.name)
      return invalid_argument("name",
                              "only goes with phone_number (a new operator); an existing operator "
                              "keeps its name");
    if (auto v = detail::check_positive_id("operator_id", *r.operator_id); !v) return v.error();
    return r;
  }
  if (!r.phone_number)
    return invalid_argument("operator_id",
                            "is required: give operator_id (an existing operator) or phone_number "
                            "(a new one)");
  if (auto v = detail::check_e164("phone_number", *r.phone_number); !v) return v.error();
  if (r.name)
    if (auto v = detail::check_optional_text("name", *r.name); !v) return v.error();
  return r;
}

result<create_operator_request> validate(const create_operator_request& r) {
  if (auto v = detail::check_required_text("name", r.name); !v) return v.error();
  if (auto v = detail::check_e164("phone_number", r.phone_number); !v) return v.error();
  if (r.email) {
    if (r.email->empty())
      return invalid_argument("email", "must not be empty; leave it unset for no email");
    if (auto v = detail::check_email("email", *r.email); !v) return v.error();
  }
  return r;
}

result<update_operator_request> validate(const update_operator_request& r) {
  if (!r.name && !r.phone_number && !r.email && !r.clear_email && !r.active)
    return invalid_argument("update_operator_request",
                            "sets no field; set at least one of name, phone_number, email (or "
                            "clear_email) and active");
  if (r.name)
    if (auto v = detail::check_required_text("name", *r.name); !v) return v.error();
  if (r.phone_number)
    if (auto v = detail::check_e164("phone_number", *r.phone_number); !v) return v.error();
  if (r.email && r.clear_email)
    return invalid_argument("email", "give either email or clear_email, not both");
  if (r.email) {
    if (r.email->empty())
      return invalid_argument("email", "must not be empty; set clear_email to remove the email");
    if (auto v = detail::check_email("email", *r.email); !v) return v.error();
  }
  return r;
}

result<void> validate_page(std::int64_t page, std::int64_t per_page) {
  if (auto v = detail::check_positive_id("page", page); !v) return v;
  if (per_page < 1 || per_page > 100)
    return invalid_argument(
        "per_page",
        "must be from 1 to 100 (the pagination guide's maximum), not " + std::to_string(per_page));
  return {};
}

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_IMPL_VALIDATE_HPP
