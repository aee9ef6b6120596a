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

/// The purchase request: POST /api/v1/public/virtual_numbers/purchase, the purchase page's path;
/// one copy of the API overview lists POST /virtual_numbers instead. The endpoint page wins.
/// @param cfg the config: base URL and API key
/// @param r the purchase
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_purchase_number(const config& cfg, const purchase_request& r);

/// The list request: GET /api/v1/public/virtual_numbers. "This endpoint takes no query
/// parameters": no paging, although the pagination guide (written about recordings) says list
/// endpoints take page and per_page.
/// @param cfg the config: base URL and API key
/// @return the request; or errc::invalid_argument naming config::api_key or config::base_url
///         when those are unusable
result<http::request> build_list_virtual_numbers(const config& cfg);

/// Page `page` of the list, `per_page` entries each, as the pagination guide asks for the pages
/// after the first (the first goes out as build_list_virtual_numbers(), without parameters).
/// @param cfg the config: base URL and API key
/// @param page the page, from 1
/// @param per_page entries per page, 1 to 100 (validate_page())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_list_virtual_numbers_page(const config& cfg, std::int64_t page,
                                                      std::int64_t per_page);

/// The request for one number: GET /api/v1/public/virtual_numbers/{id}.
/// @param cfg the config: base URL and API key
/// @param id the virtual number's id (validate_virtual_number_id())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_get_virtual_number(const config& cfg, std::int64_t id);

/// The update request: PATCH /api/v1/public/virtual_numbers/{id}. Only the fields that are set
/// go into the body.
/// @param cfg the config: base URL and API key
/// @param id the virtual number's id (validate_virtual_number_id())
/// @param r the fields to change
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_update_virtual_number(const config& cfg, std::int64_t id,
                                                  const update_request& r);

/// The search request: GET /api/v1/public/virtual_numbers/available. Parameters that are not set
/// are left out, and the provider's defaults apply.
/// @param cfg the config: base URL and API key
/// @param r the filters
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_search_available_numbers(const config& cfg,
                                                     const search_request& r = {});

/// The add-operator request: POST /api/v1/public/virtual_numbers/{id}/add_operator, the
/// add-operator page's path; one copy of the API overview lists POST
/// /virtual_numbers/:id/operators.
/// @param cfg the config: base URL and API key
/// @param id the virtual number's id (validate_virtual_number_id())
/// @param r the operator: an existing one's id, or a new one's phone number
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_add_operator(const config& cfg, std::int64_t id,
                                         const add_operator_request& r);

/// The remove-operator request: DELETE
/// /api/v1/public/virtual_numbers/{id}/remove_operator?operator_id=... The page allows operator_id
/// "as a query string parameter or in a JSON body"; its example uses the query string, without a
/// body or content-type, and so do we. (One copy of the API overview lists DELETE
/// /virtual_numbers/:id/operators/:operator_id instead.)
/// @param cfg the config: base URL and API key
/// @param id the virtual number's id (validate_virtual_number_id())
/// @param operator_id the operator's id (validate_operator_id())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_remove_operator(const config& cfg, std::int64_t id,
                                            std::int64_t operator_id);

/// The operator list request: GET /api/v1/public/operators. operators/list: "This endpoint takes
/// no query parameters. Operators are returned sorted by name ascending." No paging either.
/// @param cfg the config: base URL and API key
/// @return the request; or errc::invalid_argument naming config::api_key or config::base_url
///         when those are unusable
result<http::request> build_list_operators(const config& cfg);

/// Page `page` of the operators, as build_list_virtual_numbers_page().
/// @param cfg the config: base URL and API key
/// @param page the page, from 1
/// @param per_page entries per page, 1 to 100 (validate_page())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_list_operators_page(const config& cfg, std::int64_t page,
                                                std::int64_t per_page);

/// The request for one operator: GET /api/v1/public/operators/{id}.
/// @param cfg the config: base URL and API key
/// @param id the operator's id (validate_operator_id())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_get_operator(const config& cfg, std::int64_t id);

/// The create-operator request: POST /api/v1/public/operators (operators/create). Only the fields
/// that are set go into the body, in the page's order.
/// @param cfg the config: base URL and API key
/// @param r the operator
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_create_operator(const config& cfg, const create_operator_request& r);

/// The operator update request: PATCH /api/v1/public/operators/{id} (operators/update). Only the
/// fields that are set go into the body; clear_email sends "email": null ("Send null to clear").
/// @param cfg the config: base URL and API key
/// @param id the operator's id (validate_operator_id())
/// @param r the fields to change
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_update_operator(const config& cfg, std::int64_t id,
                                            const update_operator_request& r);

/// The delete-operator request: DELETE /api/v1/public/operators/{id} (operators/delete): the
/// operator and its assignments go; the virtual numbers stay. No body.
/// @param cfg the config: base URL and API key
/// @param id the operator's id (validate_operator_id())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_delete_operator(const config& cfg, std::int64_t id);

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_BUILD_HPP
