// vnum — IdentityCall: the checks a request passes before anything is sent.
// Declared here; defined in <vnum/identitycall/impl/validate.hpp>, which is compiled once per
// program, in the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_VALIDATE_HPP
#define VNUM_IDENTITYCALL_VALIDATE_HPP

#include <vnum/error.hpp>
#include <vnum/identitycall/model.hpp>

#include <cstdint>

namespace vnum::identitycall {

/// Checks a purchase. The page asks for an E.164 number and an ISO 3166-1 alpha-2 country; a
/// country that the number's calling code does not serve is refused here rather than by the
/// provider. The optional type, name, requirement group and costs are checked when set.
/// @param r the purchase
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<purchase_request> validate(const purchase_request& r);

/// Checks a virtual number's id ("Virtual number ID", an integer), which becomes a URL path
/// segment: it must be positive.
/// @param id the id
/// @return nothing, or errc::invalid_argument with error::field "id"
result<void> validate_virtual_number_id(std::int64_t id);

/// Checks an operator's id ("Operator ID", an integer), as remove_operator sends it in the query
/// string and the operator calls put it in the URL path: it must be positive.
/// @param id the id
/// @return nothing, or errc::invalid_argument with error::field "operator_id"
result<void> validate_operator_id(std::int64_t id);

/// Checks a number's update. An update that sets nothing would change nothing; it is refused as a
/// likely mistake (error::field "update_request").
/// @param r the update
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<update_request> validate(const update_request& r);

/// Checks a search (available). The page calls country case-insensitive; it goes out in upper
/// case.
/// @param r the filters
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<search_request> validate(const search_request& r);

/// Checks an add-operator request: "Send exactly one" shape. The provider lets operator_id win
/// when both are present; we refuse that instead of silently dropping the phone number. A name
/// only goes with a new operator.
/// @param r the request
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<add_operator_request> validate(const add_operator_request& r);

/// Checks an operator's creation (operators/create). The page takes a phone number "in E.164 or
/// local format" and normalizes it; how it would read a local number (which country?) is not
/// documented, so vnum refuses local formats rather than guess, and asks for E.164 exactly.
/// @param r the operator
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<create_operator_request> validate(const create_operator_request& r);

/// Checks an operator's update (operators/update). An update that sets nothing would change
/// nothing; it is refused as a likely mistake. A name, when set, must not be empty (the provider
/// derives initials from it); a phone number is E.164 exactly, as on create.
/// @param r the update
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<update_operator_request> validate(const update_operator_request& r);

/// Checks a page of a list (guides/pagination): page from 1, per_page from 1 to 100.
/// @param page the page
/// @param per_page entries per page
/// @return nothing, or errc::invalid_argument with error::field "page" or "per_page"
result<void> validate_page(std::int64_t page, std::int64_t per_page);

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_VALIDATE_HPP
