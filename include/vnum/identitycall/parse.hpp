// vnum — IdentityCall: response parsers. Each turns any http::response into the operation's typed
// result or a vnum::error, classifying by HTTP status first and then by the body; none throws.
// Declared here; defined in <vnum/identitycall/impl/parse.hpp>, which is compiled once per program,
// in the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_PARSE_HPP
#define VNUM_IDENTITYCALL_PARSE_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/model.hpp>

#include <optional>
#include <vector>

namespace vnum::identitycall {

/// Reads the answer to a purchase, a creating write. purchase: 201 Created. A 200 with the same
/// body is taken as the success it is too: refusing it would invite a retry that buys a second
/// number. A number without a positive id or a phone number is not read.
/// @param r the provider's answer
/// @return the number bought; or the errc its HTTP status stands for, errc::protocol for a body
/// that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<virtual_number> parse_purchase_number(const http::response& r);

/// Reads one answer of List Virtual Numbers, a read: 200 {"data": [...]}, with "meta" when it is
/// one page of several.
/// @param r the provider's answer
/// @return the page; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<page<virtual_number>> parse_list_virtual_numbers_page(const http::response& r);

/// Reads the entries of one answer of List Virtual Numbers, a read (its meta, if any, is not looked
/// at: see parse_list_virtual_numbers_page() and client::list_virtual_numbers, which follow the
/// pages).
/// @param r the provider's answer
/// @return the entries; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<std::vector<virtual_number>> parse_list_virtual_numbers(const http::response& r);

/// Reads the answer to Get Virtual Number, a read.
/// @param r the provider's answer
/// @return the number; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<virtual_number_detail> parse_get_virtual_number(const http::response& r);

/// Reads the answer to a number's update, an idempotent write. update: "Returns the same detail
/// payload as Get Virtual Number"; nothing on 204.
/// @param r the provider's answer
/// @return the number, or nothing on 204; or the errc its HTTP status stands for, errc::protocol
/// for a body that is
///         not the documented success, under the outcome rule of operation_kind::idempotent_write
///         (a 2xx not read is errc::outcome_unknown)
result<std::optional<virtual_number_detail>> parse_update_virtual_number(const http::response& r);

/// Reads the answer to Search Available Numbers, a read.
/// @param r the provider's answer
/// @return the numbers; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<std::vector<available_number>> parse_search_available_numbers(const http::response& r);

/// Reads the answer to adding an operator, a creating write (it may create an operator).
/// add-operator: the page's response section was not retrievable. Its siblings that change a
/// number's operators (update, remove_operator) return the detail payload, so that is what is read
/// here, on 200 or 201 since the status is not known either; nothing on 204.
/// @param r the provider's answer
/// @return the number, or nothing on 204; or the errc its HTTP status stands for, errc::protocol
/// for a body that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<std::optional<virtual_number_detail>> parse_add_operator(const http::response& r);

/// Reads the answer to removing an operator, an idempotent write. remove-operator: "Returns the
/// same detail payload as Get Virtual Number, reflecting the updated operator list"; nothing on
/// 204.
/// @param r the provider's answer
/// @return the number, or nothing on 204; or the errc its HTTP status stands for, errc::protocol
/// for a body that is
///         not the documented success, under the outcome rule of operation_kind::idempotent_write
///         (a 2xx not read is errc::outcome_unknown)
result<std::optional<virtual_number_detail>> parse_remove_operator(const http::response& r);

/// Reads one answer of operators/list, a read: 200 {"data": [...]}, sorted by name, with "meta"
/// when it is one page of several.
/// @param r the provider's answer
/// @return the page; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<page<operator_summary>> parse_list_operators_page(const http::response& r);

/// Reads the entries of one answer of operators/list, a read, as parse_list_virtual_numbers().
/// @param r the provider's answer
/// @return the entries; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<std::vector<operator_summary>> parse_list_operators(const http::response& r);

/// Reads the answer to Get Operator, a read.
/// @param r the provider's answer
/// @return the operator; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success
result<operator_detail> parse_get_operator(const http::response& r);

/// Reads the answer to an operator's creation, a creating write. operators/create: 201 Created. A
/// 200 with the same body is taken as the success it is too, as for a purchase: refusing it would
/// invite a retry that creates a second operator.
/// @param r the provider's answer
/// @return the operator; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::creating_write
///         (a 2xx not read, or any 5xx, is errc::outcome_unknown)
result<operator_detail> parse_create_operator(const http::response& r);

/// Reads the answer to an operator's update, an idempotent write. operators/update: "The same
/// fields as Get Operator"; nothing on 204.
/// @param r the provider's answer
/// @return the operator, or nothing on 204; or the errc its HTTP status stands for, errc::protocol
/// for a body that is
///         not the documented success, under the outcome rule of operation_kind::idempotent_write
///         (a 2xx not read is errc::outcome_unknown)
result<std::optional<operator_detail>> parse_update_operator(const http::response& r);

/// Reads the answer to an operator's deletion, an idempotent write. operators/delete: 200
/// {"success": true} (not the {"data": ...} envelope); 204 without a body is the success the
/// Errors page's status table allows too. A 200 whose success is false or missing does not say
/// that the operator is gone: outcome_unknown.
/// @param r the provider's answer
/// @return nothing; or the errc its HTTP status stands for, errc::protocol for a body that is
///         not the documented success, under the outcome rule of operation_kind::idempotent_write
///         (a 2xx not read is errc::outcome_unknown)
result<void> parse_delete_operator(const http::response& r);

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_PARSE_HPP
