// vnum — IdentityCall: request builders. Each validates its input first and returns the exact HTTP
// request the provider documents; usable without a client (sans-I/O).
// Declared here; defined in <vnum/identitycall/impl/build.hpp>, which is compiled once per program,
// in the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_BUILD_HPP
#define VNUM_IDENTITYCALL_BUILD_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/validate.hpp>

#include <cstdint>

namespace vnum::identitycall {

// The purchase page's path, /virtual_numbers/purchase; one copy of the API overview lists
// POST /virtual_numbers instead. The endpoint page wins.
result<http::request> build_purchase_number(const config& cfg, const purchase_request& r);

// "This endpoint takes no query parameters": no paging, although the pagination guide (written
// about recordings) says list endpoints take page and per_page.
result<http::request> build_list_virtual_numbers(const config& cfg);

// Page `page` of the list, `per_page` entries each, as the pagination guide asks for the pages
// after the first (the first goes out as build_list_virtual_numbers, without parameters).
result<http::request> build_list_virtual_numbers_page(const config& cfg, std::int64_t page,
                                                      std::int64_t per_page);

result<http::request> build_get_virtual_number(const config& cfg, std::int64_t id);

// Only the fields that are set go into the body.
result<http::request> build_update_virtual_number(const config& cfg, std::int64_t id,
                                                  const update_request& r);

// Parameters that are not set are left out, and the provider's defaults apply.
result<http::request> build_search_available_numbers(const config& cfg,
                                                     const search_request& r = {});

// The add-operator page's path; one copy of the API overview lists POST
// /virtual_numbers/:id/operators.
result<http::request> build_add_operator(const config& cfg, std::int64_t id,
                                         const add_operator_request& r);

// The page allows operator_id "as a query string parameter or in a JSON body"; its example uses
// the query string, without a body or content-type, and so do we. (One copy of the API overview
// lists DELETE /virtual_numbers/:id/operators/:operator_id instead.)
result<http::request> build_remove_operator(const config& cfg, std::int64_t id,
                                            std::int64_t operator_id);

// operators/list: "This endpoint takes no query parameters. Operators are returned sorted by name
// ascending." No paging either.
result<http::request> build_list_operators(const config& cfg);

// Page `page` of the operators, as build_list_virtual_numbers_page.
result<http::request> build_list_operators_page(const config& cfg, std::int64_t page,
                                                std::int64_t per_page);

result<http::request> build_get_operator(const config& cfg, std::int64_t id);

// operators/create. Only the fields that are set go into the body, in the page's order.
result<http::request> build_create_operator(const config& cfg, const create_operator_request& r);

// operators/update. Only the fields that are set go into the body; clear_email sends
// "email": null ("Send null to clear").
result<http::request> build_update_operator(const config& cfg, std::int64_t id,
                                            const update_operator_request& r);

// operators/delete: the operator and its assignments go; the virtual numbers stay. No body.
result<http::request> build_delete_operator(const config& cfg, std::int64_t id);

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_BUILD_HPP
