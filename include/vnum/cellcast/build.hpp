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

// The purchase pages' headings say /api/v1/virtual-number/purchase but their code samples, and
// the sibling pages, use /api/v1/apiClient/...: the samples are what the service answers.
result<http::request> build_purchase_virtual_number(const config& cfg, const purchase_request& r);

result<http::request> build_purchase_virtual_number_postpaid(const config& cfg,
                                                             const postpaid_purchase_request& r);

// The page's JavaScript sample passes its headers as the body; we send no body and real headers.
result<http::request> build_unsubscribe_virtual_number(const config& cfg, std::string_view id);

result<http::request> build_add_custom_number(const config& cfg, const custom_number_request& r);

result<http::request> build_verify_custom_number(const config& cfg,
                                                 const verify_custom_number_request& r);

result<http::request> build_add_business_name(const config& cfg, const business_name_request& r);

// billing/get-list-credit-card.html: no parameters and no body.
result<http::request> build_list_cards(const config& cfg);

// No Cellcast page documents this endpoint; the path is the one the live API answers (see
// custom_number in model.hpp).
result<http::request> build_list_custom_numbers(const config& cfg);

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_BUILD_HPP
