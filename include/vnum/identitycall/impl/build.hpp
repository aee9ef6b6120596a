// vnum — IdentityCall: the definitions of the request builders declared in
// <vnum/identitycall/build.hpp>. Included once per program, by <vnum/src.hpp> in the translation
// unit that defines VNUM_IMPLEMENTATION; never include it directly. SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_IMPL_BUILD_HPP
#define VNUM_IDENTITYCALL_IMPL_BUILD_HPP

#include <vnum/detail/json.hpp>
#include <vnum/detail/request.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/build.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/validate.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace vnum::identitycall {

namespace detail {

// Every endpoint page's URL starts with the base URL and then /api/v1/public.
inline constexpr std::string_view numbers = "/api/v1/public/virtual_numbers";
inline constexpr std::string_view operators = "/api/v1/public/operators";

// The GET and DELETE pages send no body and no content-type; the POST and PATCH pages send JSON.
inline result<http::request> authorized_request(const config& cfg, http::method m,
                                                std::initializer_list<std::string_view> target) {
  return vnum::detail::make_request(m, cfg.base_url, target, cfg.api_key,
                                    vnum::detail::body_kind::none);
}

inline result<http::request> authorized_request(const config& cfg, http::method m,
                                                std::initializer_list<std::string_view> target,
                                                const vnum::detail::json_body& body) {
  return vnum::detail::make_request(m, cfg.base_url, target, cfg.api_key,
                                    vnum::detail::body_kind::json, vnum::detail::to_body(body));
}

}  // namespace detail

result<http::request> build_purchase_number(const config& cfg, const purchase_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  body["phone_number"] = valid->phone_number;
  if (valid->country_code) body["country_code"] = *valid->country_code;
  if (valid->type) body["number_type"] = to_string(*valid->type);
  if (valid->name) body["name"] = *valid->name;
  if (valid->requirement_group_id) body["requirement_group_id"] = *valid->requirement_group_id;
  if (valid->upfront_cost) body["upfront_cost"] = *valid->upfront_cost;
  if (valid->monthly_cost) body["monthly_cost"] = *valid->monthly_cost;
  return detail::authorized_request(cfg, http::method::post, {detail::numbers, "/purchase"}, body);
}

result<http::request> build_list_virtual_numbers(const config& cfg) {
  return detail::authorized_request(cfg, http::method::get, {detail::numbers});
}

result<http::request> build_list_virtual_numbers_page(const config& cfg, std::int64_t page,
                                                      std::int64_t per_page) {
  if (auto v = validate_page(page, per_page); !v) return v.error();
  return detail::authorized_request(cfg, http::method::get,
                                    {detail::numbers, "?page=", vnum::detail::integer_text(page),
                                     "&per_page=", vnum::detail::integer_text(per_page)});
}

result<http::request> build_get_virtual_number(const config& cfg, std::int64_t id) {
  if (auto v = validate_virtual_number_id(id); !v) return v.error();
  return detail::authorized_request(cfg, http::method::get,
                                    {detail::numbers, "/", vnum::detail::integer_text(id)});
}

result<http::request> build_update_virtual_number(const config& cfg, std::int64_t id,
                                                  const update_request& r) {
  if (auto v = validate_virtual_number_id(id); !v) return v.error();
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  if (valid->name) body["name"] = *valid->name;
  if (valid->active) body["active"] = *valid->active;
  if (valid->recording) body["recording"] = *valid->recording;
  if (valid->routing) body["routing_strategy"] = to_string(*valid->routing);
  return detail::authorized_request(cfg, http::method::patch,
                                    {detail::numbers, "/", vnum::detail::integer_text(id)}, body);
}

result<http::request> build_search_available_numbers(const config& cfg, const search_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  std::string query;
  query.reserve(48);
  auto add = [&query](std::string_view name, std::string_view value) {
    query += query.empty() ? '?' : '&';
    query += name;
    query += '=';
    vnum::detail::append_query_value(query, value);
  };
  if (valid->country) add("country", *valid->country);
  if (valid->type) add("number_type", to_string(*valid->type));
  return detail::authorized_request(cfg, http::method::get, {detail::numbers, "/available", query});
}

result<http::request> build_add_operator(const config& cfg, std::int64_t id,
                                         const add_operator_request& r) {
  if (auto v = validate_virtual_number_id(id); !v) return v.error();
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  if (valid->operator_id) {
    body["operator_id"] = *valid->operator_id;
  } else {
    body["phone_number"] = *valid->phone_number;
    if (valid->name) body["name"] = *valid->name;
  }
  return detail::authorized_request(
      cfg, http::method::post,
      {detail::numbers, "/", vnum::detail::integer_text(id), "/add_operator"}, body);
}

result<http::request> build_remove_operator(const config& cfg, std::int64_t id,
                                            std::int64_t operator_id) {
  if (auto v = validate_virtual_number_id(id); !v) return v.error();
  if (auto v = validate_operator_id(operator_id); !v) return v.error();
  return detail::authorized_request(
      cfg, http::method::delete_,
      {detail::numbers, "/", vnum::detail::integer_text(id),
       "/remove_operator?operator_id=", vnum::detail::integer_text(operator_id)});
}

result<http::request> build_list_operators(const config& cfg) {
  return detail::authorized_request(cfg, http::method::get, {detail::operators});
}

result<http::request> build_list_operators_page(const config& cfg, std::int64_t page,
                                                std::int64_t per_page) {
  if (auto v = validate_page(page, per_page); !v) return v.error();
  return detail::authorized_request(cfg, http::method::get,
                                    {detail::operators, "?page=", vnum::detail::integer_text(page),
                                     "&per_page=", vnum::detail::integer_text(per_page)});
}

result<http::request> build_get_operator(const config& cfg, std::int64_t id) {
  if (auto v = validate_operator_id(id); !v) return v.error();
  return detail::authorized_request(cfg, http::method::get,
                                    {detail::operators, "/", vnum::detail::integer_text(id)});
}

result<http::request> build_create_operator(const config& cfg, const create_operator_request& r) {
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  body["name"] = valid->name;
  body["phone_number"] = valid->phone_number;
  if (valid->email) body["email"] = *valid->email;
  if (valid->active) body["active"] = *valid->active;
  return detail::authorized_request(cfg, http::method::post, {detail::operators}, body);
}

result<http::request> build_update_operator(const config& cfg, std::int64_t id,
                                            const update_operator_request& r) {
  if (auto v = validate_operator_id(id); !v) return v.error();
  auto valid = validate(r);
  if (!valid) return valid.error();
  vnum::detail::json_body body;
  if (valid->name) body["name"] = *valid->name;
  if (valid->phone_number) body["phone_number"] = *valid->phone_number;
  if (valid->email)
    body["email"] = *valid->email;
  else if (valid->clear_email)
    body["email"] = nullptr;
  if (valid->active) body["active"] = *valid->active;
  return detail::authorized_request(cfg, http::method::patch,
                                    {detail::operators, "/", vnum::detail::integer_text(id)}, body);
}

result<http::request> build_delete_operator(const config& cfg, std::int64_t id) {
  if (auto v = validate_operator_id(id); !v) return v.error();
  return detail::authorized_request(cfg, http::method::delete_,
                                    {detail::operators, "/", vnum::detail::integer_text(id)});
}

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_IMPL_BUILD_HPP
