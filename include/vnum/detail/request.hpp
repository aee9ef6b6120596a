// vnum — the parts of every request that both providers share.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_REQUEST_HPP
#define VNUM_DETAIL_REQUEST_HPP

#include <vnum/detail/ascii.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/detail/validate.hpp>
#include <vnum/http.hpp>
#include <vnum/version.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace vnum::detail {

inline constexpr std::string_view user_agent = "vnum/" VNUM_VERSION_STRING;

enum class body_kind { none, json };

// An integer written in decimal digits, in a buffer on the stack: ids go into URLs without a
// temporary string.
class integer_text {
 public:
  explicit integer_text(std::int64_t v) noexcept
      : size_(static_cast<std::size_t>(std::to_chars(digits_, digits_ + sizeof digits_, v).ptr -
                                       digits_)) {}
  operator std::string_view() const noexcept { return {digits_, size_}; }

 private:
  char digits_[20];
  std::size_t size_;
};

// Builds an authenticated request to base_url + the path, given in parts ({"/operators/", id}).
// The key and base URL are validated here, so that every builder refuses a header-injection
// attempt or a malformed URL before anything is sent. Each string is sized once: a request costs
// no reallocation.
inline result<http::request> make_request(http::method method, std::string_view base_url,
                                          std::initializer_list<std::string_view> path,
                                          std::string_view api_key, body_kind kind,
                                          std::string body = {}) {
  if (auto key = check_api_key(api_key); !key) return key.error();
  auto base = check_base_url_parts(base_url);
  if (!base) return base.error();
  http::request r;
  r.method = method;
  std::size_t size = base->scheme.size() + base->rest.size();
  for (std::string_view part : path) size += part.size();
  r.url.reserve(size);
  r.url += base->scheme;
  r.url += base->rest;
  for (std::string_view part : path) r.url += part;
  r.headers.reserve(4);
  std::string bearer;
  bearer.reserve(7 + api_key.size());
  bearer += "Bearer ";
  bearer += api_key;
  r.headers.push_back({"authorization", std::move(bearer)});
  if (kind == body_kind::json) r.headers.push_back({"content-type", "application/json"});
  r.headers.push_back({"accept", "application/json"});
  r.headers.push_back({"user-agent", std::string(user_agent)});
  r.body = std::move(body);
  return r;
}

// A JSON request body assembled in a buffer on the builder's stack: the only allocation is the
// serialized text.
class json_body {
 public:
  json_body() = default;
  json_body(const json_body&) = delete;
  json_body& operator=(const json_body&) = delete;

  json::value& operator[](std::string_view key) { return object_[key]; }
  const json::object& object() const noexcept { return object_; }

 private:
  alignas(std::max_align_t) unsigned char buffer_[2048];
  json::monotonic_resource arena_{buffer_, sizeof buffer_};
  json::object object_ = json::object(json::storage_ptr(&arena_));
};

inline std::string to_body(const json_body& b) { return json::serialize(b.object()); }

// Appends a query-string value to `out`, percent-encoded (RFC 3986 unreserved characters stay as
// they are), without a temporary string.
inline void append_query_value(std::string& out, std::string_view v) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char c : v) {
    if (is_unreserved(c)) {
      out += c;
    } else {
      auto u = static_cast<unsigned char>(c);
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 0xf];
    }
  }
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_REQUEST_HPP
