// vnum — Cellcast: request builders. Each validates its input first and returns the exact HTTP
// request the provider documents; usable without a client (sans-I/O).
// Declared here; defined in <vnum/cellcast/impl/build.hpp>, which is compiled once per program, in
// the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_BUILD_HPP
#define VNUM_CELLCAST_BUILD_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/validate.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <string_view>

namespace vnum::cellcast {

/// The purchase request: POST /api/v1/apiClient/virtual-number/purchase. The purchase pages'
/// headings say /api/v1/virtual-number/purchase but their code samples, and the sibling pages, use
/// /api/v1/apiClient/...: the samples are what the service answers.
/// @param cfg the config: base URL, API key, and the products the purchase is checked against
/// @param r the purchase
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_purchase_virtual_number(const config& cfg, const purchase_request& r);

/// The postpaid purchase request: POST /api/v1/apiClient/virtual-number/purchase-postpaid.
/// @param cfg the config: base URL and API key
/// @param r the purchase
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_purchase_virtual_number_postpaid(const config& cfg,
                                                             const postpaid_purchase_request& r);

/// The unsubscription request: PUT /api/v1/apiClient/virtual-number/unsubscribe/{id}. The page's
/// JavaScript sample passes its headers as the body; we send no body and real headers.
/// @param cfg the config: base URL and API key
/// @param id the virtual number's ID (validate_virtual_number_id())
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_unsubscribe_virtual_number(const config& cfg, std::string_view id);

/// The custom number request: POST /api/v1/customNumber/add, the number normalized to +61XXXXXXXXX.
/// @param cfg the config: base URL and API key
/// @param r the name and number
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_add_custom_number(const config& cfg, const custom_number_request& r);

/// The verification request: POST /api/v1/customNumber/verifyCustomNumber, the number normalized to
/// +61XXXXXXXXX.
/// @param cfg the config: base URL and API key
/// @param r the name, number and OTP
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_verify_custom_number(const config& cfg,
                                                 const verify_custom_number_request& r);

/// The business name request: POST /api/v1/business/add (business-name.html, current version).
/// @param cfg the config: base URL and API key
/// @param r the request
/// @return the request; or errc::invalid_argument naming the first wrong argument or field (the
///         validators' checks), or config::api_key or config::base_url when those are unusable
result<http::request> build_add_business_name(const config& cfg, const business_name_request& r);

/// The card list request: GET /api/v1/user/getCards (billing/get-list-credit-card.html): no
/// parameters and no body.
/// @param cfg the config: base URL and API key
/// @return the request; or errc::invalid_argument naming config::api_key or config::base_url when
///         those are unusable
result<http::request> build_list_cards(const config& cfg);

/// The custom number list request: GET /api/v1/customNumber. No Cellcast page documents this
/// endpoint; the path is the one the live API answers (see custom_number).
/// @param cfg the config: base URL and API key
/// @return the request; or errc::invalid_argument naming config::api_key or config::base_url when
///         those are unusable
result<http::request> build_list_custom_numbers(const config& cfg);

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_BUILD_HPP
