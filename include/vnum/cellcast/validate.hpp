// vnum — Cellcast: the checks a request passes before anything is sent.
// Declared here; defined in <vnum/cellcast/impl/validate.hpp>, which is compiled once per program,
// in the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_VALIDATE_HPP
#define VNUM_CELLCAST_VALIDATE_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/error.hpp>

#include <string_view>

namespace vnum::cellcast {

// Every validate() returns the request as it will be sent (normalized where a field is), or the
// first field that is wrong.

// purchase-virtual-number.html. The catalog check is skipped for numbers it does not list.
result<purchase_request> validate(const purchase_request& r, const product_catalog& catalog = {});

result<postpaid_purchase_request> validate(const postpaid_purchase_request& r);

// The virtual number's ID becomes one URL path segment.
result<void> validate_virtual_number_id(std::string_view id);

// Returns the request with its number normalized to +61XXXXXXXXX, as it will be sent.
result<custom_number_request> validate(const custom_number_request& r);

result<verify_custom_number_request> validate(const verify_custom_number_request& r);

// business-name.html (current version). Returns the request with customer_contact normalized.
result<business_name_request> validate(const business_name_request& r);

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_VALIDATE_HPP
