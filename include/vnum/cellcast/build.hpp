// vnum — Cellcast: request builders. Each validates its input first and returns the exact HTTP
// request the provider documents; usable without a client (sans-I/O).
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_BUILD_HPP
#define VNUM_CELLCAST_BUILD_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/validate.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/detail/request.hpp>
#include <vnum/http.hpp>

#include <string>
#include <string_view>

namespace vnum::cellcast {

namespace detail {

namespace json = boost::json;

// Every Cellcast page sends content-type: application/json, even on a PUT without a body.
inline result<http::request> make(const config& cfg, http::method m, std::string_view path,
                                  std::string body = {}) {
  return vnum::detail::make_request(m, cfg.base_url, path, cfg.api_key, vnum::detail::body_kind::json,
                                    std::move(body));
}

}  // namespace detail

// The purchase pages' headings say /api/v1/virtual-number/purchase but their code samples, and
// the sibling pages, use /api/v1/apiClient/...: the samples are what the service answers.
inline result<http::request> build_purchase_virtual_number(const config& cfg, const purchase_request& r) {
  if (auto v = validate(r, cfg.products); !v) return v.error();
  boost::json::object body;
  if (!r.card.empty()) body["card"] = r.card;
  if (!r.token.empty()) body["token"] = r.token;
  body["product"] = r.product;
  body["number"] = r.number;
  body["recurring_time"] = to_string(r.recurring_time);
  if (r.becs) {
    body["payment_type"] = "au_becs_debit";
    if (!r.becs->payment_method.empty()) body["payment_method"] = r.becs->payment_method;
    body["becs_email"] = r.becs->email;
    body["becs_name"] = r.becs->account_name;
    if (!r.becs->bsb_number.empty()) body["becs_bsb_number"] = r.becs->bsb_number;
    if (!r.becs->account_number.empty()) body["becs_account_number"] = r.becs->account_number;
  }
  body["resubscribe"] = r.resubscribe;
  return detail::make(cfg, http::method::post, "/api/v1/apiClient/virtual-number/purchase",
                      vnum::detail::to_body(body));
}

inline result<http::request> build_purchase_virtual_number_postpaid(const config& cfg,
                                                                    const postpaid_purchase_request& r) {
  if (auto v = validate(r); !v) return v.error();
  boost::json::object body;
  body["number"] = r.number;
  body["resubscribe"] = r.resubscribe;
  return detail::make(cfg, http::method::post, "/api/v1/apiClient/virtual-number/purchase-postpaid",
                      vnum::detail::to_body(body));
}

// The page's JavaScript sample passes its headers as the body; we send no body and real headers.
inline result<http::request> build_unsubscribe_virtual_number(const config& cfg, std::string_view id) {
  if (auto v = validate_virtual_number_id(id); !v) return v.error();
  return detail::make(cfg, http::method::put,
                      "/api/v1/apiClient/virtual-number/unsubscribe/" + std::string(id));
}

inline result<http::request> build_add_custom_number(const config& cfg, const custom_number_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  boost::json::object body;
  body["name"] = valid->name;
  body["number"] = valid->number;
  return detail::make(cfg, http::method::post, "/api/v1/customNumber/add", vnum::detail::to_body(body));
}

inline result<http::request> build_verify_custom_number(const config& cfg,
                                                        const verify_custom_number_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  boost::json::object body;
  body["name"] = valid->name;
  body["number"] = valid->number;
  body["otp"] = valid->otp;
  return detail::make(cfg, http::method::post, "/api/v1/customNumber/verifyCustomNumber",
                      vnum::detail::to_body(body));
}

inline result<http::request> build_add_business_name(const config& cfg, const business_name_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  boost::json::object body;
  body["businessname"] = valid->business_name;
  body["descriptionInternal"] = valid->description_internal;
  body["purposeOfUse"] = valid->purpose_of_use;
  body["ownership"] = valid->ownership;
  body["companyInformation"] = {{"name", valid->company.name},
                                {"abn", valid->company.abn},
                                {"website", valid->company.website},
                                {"address", valid->company.address}};
  body["requestorContact"] = {{"firstName", valid->requestor.first_name},
                              {"lastName", valid->requestor.last_name},
                              {"position", valid->requestor.position},
                              {"phoneNumber", valid->requestor.phone_number},
                              {"email", valid->requestor.email}};
  if (!valid->customer_contact.empty()) body["customerContact"] = valid->customer_contact;
  return detail::make(cfg, http::method::post, "/api/v1/business/add", vnum::detail::to_body(body));
}

// billing/get-list-credit-card.html: no parameters and no body.
inline result<http::request> build_list_cards(const config& cfg) {
  return detail::make(cfg, http::method::get, "/api/v1/user/getCards");
}

// No Cellcast page documents this endpoint; the path is the one the live API answers (see
// custom_number in model.hpp).
inline result<http::request> build_list_custom_numbers(const config& cfg) {
  return detail::make(cfg, http::method::get, "/api/v1/customNumber");
}

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_BUILD_HPP
