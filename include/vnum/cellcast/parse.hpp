// vnum — Cellcast: response parsers. Each turns any http::response into the operation's typed
// receipt or a vnum::error, classifying by HTTP status first and then by the body, and applies the
// outcome rule of its operation_kind (error.hpp); none throws.
// Declared here; defined in <vnum/cellcast/impl/parse.hpp>, which is compiled once per program, in
// the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_PARSE_HPP
#define VNUM_CELLCAST_PARSE_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <vector>

namespace vnum::cellcast {

/// Reads the answer to a purchase, a creating write (operation_kind::creating_write). Cellcast
/// answers with an envelope: a 200 with "status": true is the success, a 200 whose status is false
/// errc::unprocessable, and a 400 envelope errc::invalid_argument (errc::conflict when its message
/// says the number already exists); the other parsers here read it the same way.
/// @param r the provider's answer
/// @return the receipt; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<purchase_receipt> parse_purchase_virtual_number(const http::response& r);

/// Reads the answer to a postpaid purchase, as parse_purchase_virtual_number(). The postpaid page
/// documents no responses; the family's envelope is assumed. A creating write.
/// @param r the provider's answer
/// @return the receipt; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<purchase_receipt> parse_purchase_virtual_number_postpaid(const http::response& r);

/// Reads the answer to an unsubscription, an idempotent write.
/// @param r the provider's answer
/// @return the receipt; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::idempotent_write
///         (a 2xx not read is errc::outcome_unknown)
result<unsubscribe_receipt> parse_unsubscribe_virtual_number(const http::response& r);

/// Reads the answer to adding a custom number, a creating write. The two documented successes
/// differ only in their messages: "Custom number created" and "OTP sent to your number
/// successfully"; any other message leaves it unknown whether an OTP is awaited, so it is
/// outcome_unknown too.
/// @param r the provider's answer
/// @return the receipt (otp_required when an OTP was sent); or the errc its HTTP status stands for,
/// errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<custom_number_receipt> parse_add_custom_number(const http::response& r);

/// Reads the answer to a verification, an idempotent write: a second verification leaves the
/// number verified.
/// @param r the provider's answer
/// @return the receipt; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::idempotent_write
///         (a 2xx not read is errc::outcome_unknown)
result<verify_custom_number_receipt> parse_verify_custom_number(const http::response& r);

/// Reads the answer to a business name request, a creating write.
/// @param r the provider's answer
/// @return the receipt; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<business_name_receipt> parse_add_business_name(const http::response& r);

/// Reads the card list, a read: the envelope with "data" an array of Stripe card objects
/// (get-list-credit-card.html).
/// @param r the provider's answer
/// @return the cards; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<std::vector<card>> parse_list_cards(const http::response& r);

/// Reads the custom number list, a read. The live service answers a bare {"data": [...]} without
/// the envelope; an envelope whose status is false is read as the refusal it is
/// (errc::unprocessable).
/// @param r the provider's answer
/// @return the custom numbers; or the errc its HTTP status stands for, errc::protocol for a body
/// that is
///         not the documented success
result<std::vector<custom_number>> parse_list_custom_numbers(const http::response& r);

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_PARSE_HPP
