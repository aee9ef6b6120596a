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

// purchase. The page asks for an E.164 number and an ISO 3166-1 alpha-2 country; a country that
// the number's calling code does not serve is refused here rather than by the provider.
result<purchase_request> validate(const purchase_request& r);

// A virtual number's id ("Virtual number ID", an integer) becomes a URL path segment.
result<void> validate_virtual_number_id(std::int64_t id);

// An operator's id ("Operator ID", an integer), as remove_operator sends it in the query string and
// the operator calls put it in the URL path.
result<void> validate_operator_id(std::int64_t id);

// update. An update that sets nothing would change nothing; it is refused as a likely mistake.
result<update_request> validate(const update_request& r);

// available. The page calls country case-insensitive; returns the request with it in upper case,
// as it will be sent.
result<search_request> validate(const search_request& r);

// add-operator: "Send exactly one" shape. The provider lets operator_id win when both are present;
// we refuse that instead of silently dropping the phone number. A name only goes with a new
// operator.
result<add_operator_request> validate(const add_operator_request& r);

// operators/create. The page takes a phone number "in E.164 or local format" and normalizes it; how
// it would read a local number (which country?) is not documented, so vnum refuses local formats
// rather than guess, and asks for E.164 exactly. Returns the request as it will be sent.
result<create_operator_request> validate(const create_operator_request& r);

// operators/update. An update that sets nothing would change nothing; it is refused as a likely
// mistake. A name, when set, must not be empty (the provider derives initials from it); a phone
// number is E.164 exactly, as on create. Returns the request as it will be sent.
result<update_operator_request> validate(const update_operator_request& r);

// A page of a list (guides/pagination): page from 1, per_page from 1 to 100.
result<void> validate_page(std::int64_t page, std::int64_t per_page);

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_VALIDATE_HPP
