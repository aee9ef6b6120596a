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

// A creating write (operation_kind::creating_write).
result<purchase_receipt> parse_purchase_virtual_number(const http::response& r);

// The postpaid page documents no responses; the family's envelope is assumed. A creating write.
result<purchase_receipt> parse_purchase_virtual_number_postpaid(const http::response& r);

// An idempotent write.
result<unsubscribe_receipt> parse_unsubscribe_virtual_number(const http::response& r);

// A creating write. The two documented successes differ only in their messages: "Custom number
// created" and "OTP sent to your number successfully"; any other message leaves it unknown whether
// an OTP is awaited, so it is outcome_unknown too.
result<custom_number_receipt> parse_add_custom_number(const http::response& r);

// An idempotent write: a second verification leaves the number verified.
result<verify_custom_number_receipt> parse_verify_custom_number(const http::response& r);

// A creating write.
result<business_name_receipt> parse_add_business_name(const http::response& r);

// A read: the envelope with "data" an array of Stripe card objects (get-list-credit-card.html).
result<std::vector<card>> parse_list_cards(const http::response& r);

// A read. The live service answers a bare {"data": [...]} without the envelope; an envelope whose
// status is false is read as the refusal it is.
result<std::vector<custom_number>> parse_list_custom_numbers(const http::response& r);

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_PARSE_HPP
