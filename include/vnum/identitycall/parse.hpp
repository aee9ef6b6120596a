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

// A creating write. purchase: 201 Created. A 200 with the same body is taken as the success it is
// too: refusing it would invite a retry that buys a second number.
result<virtual_number> parse_purchase_number(const http::response& r);

// A read. One answer of list: 200 {"data": [...]}, with "meta" when it is one page of several.
result<page<virtual_number>> parse_list_virtual_numbers_page(const http::response& r);

// A read. The entries of one answer of list (its meta, if any, is not looked at: see
// parse_list_virtual_numbers_page and client::list_virtual_numbers, which follow the pages).
result<std::vector<virtual_number>> parse_list_virtual_numbers(const http::response& r);

// A read.
result<virtual_number_detail> parse_get_virtual_number(const http::response& r);

// An idempotent write. update: "Returns the same detail payload as Get Virtual Number"; nothing on
// 204.
result<std::optional<virtual_number_detail>> parse_update_virtual_number(const http::response& r);

// A read.
result<std::vector<available_number>> parse_search_available_numbers(const http::response& r);

// A creating write (it may create an operator). add-operator: the page's response section was not
// retrievable. Its siblings that change a number's operators (update, remove_operator) return the
// detail payload, so that is what is read here, on 200 or 201 since the status is not known
// either; nothing on 204.
result<std::optional<virtual_number_detail>> parse_add_operator(const http::response& r);

// An idempotent write. remove-operator: "Returns the same detail payload as Get Virtual Number,
// reflecting the updated operator list"; nothing on 204.
result<std::optional<virtual_number_detail>> parse_remove_operator(const http::response& r);

// A read. One answer of operators/list: 200 {"data": [...]}, sorted by name, with "meta" when it
// is one page of several.
result<page<operator_summary>> parse_list_operators_page(const http::response& r);

// A read. The entries of one answer of operators/list, as parse_list_virtual_numbers.
result<std::vector<operator_summary>> parse_list_operators(const http::response& r);

// A read.
result<operator_detail> parse_get_operator(const http::response& r);

// A creating write. operators/create: 201 Created. A 200 with the same body is taken as the
// success it is too, as for a purchase: refusing it would invite a retry that creates a second
// operator.
result<operator_detail> parse_create_operator(const http::response& r);

// An idempotent write. operators/update: "The same fields as Get Operator"; nothing on 204.
result<std::optional<operator_detail>> parse_update_operator(const http::response& r);

// An idempotent write. operators/delete: 200 {"success": true} (not the {"data": ...} envelope);
// 204 without a body is the success the Errors page's status table allows too. A 200 whose
// success is false or missing does not say that the operator is gone: outcome_unknown.
result<void> parse_delete_operator(const http::response& r);

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_PARSE_HPP
