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

/// Checks a purchase (purchase-virtual-number.html): exactly one of card, token and becs (a BECS
/// debit with an email, an account name, and either a payment method or a 6-digit BSB and an
/// account number), a product, a number that is a Cellcast ObjectId (24 hexadecimal digits, either
/// case, e.g. 66ea98514f0c1a121c76ec17: Cellcast answers any other ID with an internal server
/// error), a monthly or yearly cycle, and the product being the number's product for that cycle.
/// The catalog check is skipped for numbers it does not list.
/// @param r the purchase
/// @param catalog the numbers' products (config::products)
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<purchase_request> validate(const purchase_request& r, const product_catalog& catalog = {});

/// Checks a postpaid purchase: the number is a Cellcast ObjectId (24 hexadecimal digits, either
/// case), as in validate(const purchase_request&, const product_catalog&).
/// @param r the purchase
/// @return the request as it will be sent, or errc::invalid_argument with error::field naming the
///         first wrong field
result<postpaid_purchase_request> validate(const postpaid_purchase_request& r);

/// Checks a virtual number's ID, which becomes one URL path segment: a Cellcast ObjectId, 24
/// hexadecimal digits of either case (e.g. 66ea98514f0c1a121c76ec17); Cellcast answers any other
/// ID with an internal server error.
/// @param id the ID
/// @return nothing, or errc::invalid_argument with error::field "id"
result<void> validate_virtual_number_id(std::string_view id);

/// Checks a custom number request: a name, and an Australian number (phone::normalize_au()).
/// @param r the request
/// @return the request with its number normalized to +61XXXXXXXXX, as it will be sent; or
///         errc::invalid_argument with error::field naming the first wrong field
result<custom_number_request> validate(const custom_number_request& r);

/// Checks a verification: a name, an Australian number, and an OTP without spaces.
/// @param r the request
/// @return the request with its number normalized to +61XXXXXXXXX, as it will be sent; or
///         errc::invalid_argument with error::field naming the first wrong field
result<verify_custom_number_request> validate(const verify_custom_number_request& r);

/// Checks a business name request (business-name.html, current version): a name of 3 to 11
/// characters, the required texts, an 11-digit ABN, a phone number of digits, an email, and an
/// Australian customer_contact when one is given.
/// @param r the request
/// @return the request with customer_contact normalized, as it will be sent; or
///         errc::invalid_argument with error::field naming the first wrong field
result<business_name_request> validate(const business_name_request& r);

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_VALIDATE_HPP
