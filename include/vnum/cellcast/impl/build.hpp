// vnum — Cellcast: the definitions of the request builders declared in <vnum/cellcast/build.hpp>.
// Included once per program, by <vnum/src.hpp> in the translation unit that defines
// VNUM_IMPLEMENTATION; never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_IMPL_BUILD_HPP
#define VNUM_CELLCAST_IMPL_BUILD_HPP

#include <vnum/cellcast/build.hpp>
#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/validate.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/detail/request.hpp>
#include <vnum/http.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace vnum::cellcast {

namespace detail {

// Every Cellcast page sends content-type: application/json, even on a PUT without a body.
inline result<http::request> authorized_request(const config& cfg, http::method m,
                                                std::initializer_list<std::string_view> path,
                                                std::string body = {}) {
  return vnum::detail::make_request(m, cfg.base_url, path, cfg.api_key,
                                    vnum::detail::body_kind::json, std::move(body));
}

}  // namespace detail

result<http::request> build_purchase_virtual_number(const config& cfg, const purchase_request& r) {
  auto valid = validate(r, cfg.products);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  if (!valid->card.empty()) body["card"] = valid->card;
  if (!valid->token.empty()) body["token"] = valid->token;
  body["product"] = valid->product;
  body["number"] = valid->number;
  body["recurring_time"] = to_string(valid->recurring_time);
  if (valid->becs) {
    body["payment_type"] = "au_becs_debit";
    if (!valid->becs->payment_method.empty()) body["payment_method"] = valid->becs->payment_method;
    body["becs_email"] = valid->becs->email;
    body["becs_name"] = valid->becs->account_name;
    if (!valid->becs->bsb_number.empty()) body["becs_bsb_number"] = valid->becs->bsb_number;
    if (!valid->becs->account_number.empty())
      body["becs_account_number"] = valid->becs->account_number;
  }
  body["resubscribe"] = valid->resubscribe;
  return detail::authorized_request(cfg, http::method::post,
                                    {"/api/v1/apiClient/virtual-number/purchase"},
                                    vnum::detail::to_body(body));
}

result<http::request> build_purchase_virtual_number_postpaid(const config& cfg,
                                                             const postpaid_purchase_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  body["number"] = valid->number;
  body["resubscribe"] = valid->resubscribe;
  return detail::authorized_request(cfg, http::method::post,
                                    {"/api/v1/apiClient/virtual-number/purchase-postpaid"},
                                    vnum::detail::to_body(body));
}

result<http::request> build_unsubscribe_virtual_number(const config& cfg, std::string_view id) {
  if (auto v = validate_virtual_number_id(id); !v) return v.error();
  return detail::authorized_request(cfg, http::method::put,
                                    {"/api/v1/apiClient/virtual-number/unsubscribe/", id});
}

result<http::request> build_add_custom_number(const config& cfg, const custom_number_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  body["name"] = valid->name;
  body["number"] = valid->number;
  return detail::authorized_request(cfg, http::method::post, {"/api/v1/customNumber/add"},
                                    vnum::detail::to_body(body));
}

result<http::request> build_verify_custom_number(const config& cfg,
                                                 const verify_custom_number_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  body["name"] = valid->name;
  body["number"] = valid->number;
  body["otp"] = valid->otp;
  return detail::authorized_request(cfg, http::method::post,
                                    {"/api/v1/customNumber/verifyCustomNumber"},
                                    vnum::detail::to_body(body));
}

result<http::request> build_add_business_name(const config& cfg, const business_name_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
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
  return detail::authorized_request(cfg, http::method::post, {"/api/v1/business/add"},
                                    vnum::detail::to_body(body));
}

result<http::request> build_list_cards(const config& cfg) {
  return detail::authorized_request(cfg, http::method::get, {"/api/v1/user/getCards"});
}

result<http::request> build_list_custom_numbers(const config& cfg) {
  return detail::authorized_request(cfg, http::method::get, {"/api/v1/customNumber"});
}

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_IMPL_BUILD_HPP
