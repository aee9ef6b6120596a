// vnum — what both fakes' definitions share to read a request's JSON body and to answer with JSON.
// Included only by the fakes' definitions (<vnum/testing/impl/...>), which are compiled once per
// program: the fakes' own headers include no Boost.JSON parser nor serializer.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_DETAIL_FAKE_JSON_HPP
#define VNUM_TESTING_DETAIL_FAKE_JSON_HPP

#include <vnum/detail/json.hpp>
#include <vnum/http.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing::detail {

// A string member of a request body; nullopt when absent or not a string.
inline std::optional<std::string> string_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

// The same, with absent and mistyped read as empty (how the providers treat a missing field).
inline std::string text(const boost::json::object& o, std::string_view key) {
  return string_field(o, key).value_or("");
}

// The body as a JSON object; nullopt when it is not one. An empty body is an empty object.
inline std::optional<boost::json::object> body_object(const http::request& r) {
  if (r.body.empty()) return boost::json::object();
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.get_object());
}

inline http::response json_response(int status, const boost::json::value& body,
                                    std::vector<http::header> extra = {}) {
  http::response r;
  r.status = status;
  r.headers.push_back({"content-type", "application/json"});
  for (auto& h : extra) r.headers.push_back(std::move(h));
  r.body = boost::json::serialize(body);
  return r;
}

}  // namespace vnum::testing::detail

#endif  // VNUM_TESTING_DETAIL_FAKE_JSON_HPP
