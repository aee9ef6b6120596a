// vnum — Boost.JSON in header-only mode, and the helpers every parser uses.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_JSON_HPP
#define VNUM_DETAIL_JSON_HPP

// Exactly one translation unit of a program defines VNUM_IMPLEMENTATION before including a vnum
// header; that unit compiles Boost.JSON's sources. A program that links the compiled Boost.JSON
// library instead defines nothing.
#if defined(VNUM_IMPLEMENTATION) && !defined(VNUM_BOOST_JSON_SOURCES_COMPILED)
#define VNUM_BOOST_JSON_SOURCES_COMPILED
#include <boost/json/src.hpp>
#endif
// Only the parts of Boost.JSON vnum uses: every translation unit pays for each header it includes.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vnum::detail {

namespace json = boost::json;

// The largest body vnum reads, as curl_transport's default max_response_bytes: no documented answer
// comes near it, and a larger one is refused before it is parsed.
inline constexpr std::size_t max_body_bytes = std::size_t{8} << 20;

// Parses a response body without throwing into `out`, whose storage its values use; false when the
// body is not JSON. Nesting is capped (Boost.JSON's default depth of 32 is far above any documented
// body), so hostile input such as 100 000 '[' fails cleanly; a body over max_body_bytes is not
// parsed at all.
inline bool parse_json_into(std::string_view body, json::value& out) {
  if (body.size() > max_body_bytes) return false;
  json::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  json::value parsed = json::parse(body, ec, out.storage(), options);
  if (ec) return false;
  out = std::move(parsed);  // the same storage: the tree is moved, not copied
  return true;
}

// The body's JSON on the heap, or nullopt (see parse_json_into).
inline std::optional<json::value> parse_json(std::string_view body) {
  json::value v;
  if (!parse_json_into(body, v)) return std::nullopt;
  return v;
}

// A parsed body whose values live in a buffer on the parser's stack (and, past it, in blocks freed
// all at once): reading a documented answer costs no allocation for the JSON tree itself. Pointers
// into value() are valid as long as the document.
class json_document {
 public:
  json_document() = default;
  json_document(const json_document&) = delete;
  json_document& operator=(const json_document&) = delete;

  // The body's JSON, or nullptr when it is not JSON (or is over max_body_bytes).
  const json::value* parse(std::string_view body) {
    return parse_json_into(body, value_) ? &value_ : nullptr;
  }

 private:
  // Large enough for every documented answer of both providers (the largest is about 1.5 KB).
  alignas(std::max_align_t) unsigned char buffer_[4096];
  json::monotonic_resource arena_{buffer_, sizeof buffer_};
  json::value value_ =
      json::value(json::storage_ptr(&arena_));  // moving a parse into it keeps the arena
};

inline const json::value* member(const json::object& o, std::string_view key) noexcept {
  return o.if_contains(key);
}

inline std::optional<std::string> string_member(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

inline std::optional<bool> bool_member(const json::object& o, std::string_view key) noexcept {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}

// An integer member; a JSON number with a fraction or out of int64 range is not one.
inline std::optional<std::int64_t> int_member(const json::object& o,
                                              std::string_view key) noexcept {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v->get_uint64());
  return std::nullopt;
}

inline const json::object* object_member(const json::object& o, std::string_view key) noexcept {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? &v->get_object() : nullptr;
}

inline const json::array* array_member(const json::object& o, std::string_view key) noexcept {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_array() ? &v->get_array() : nullptr;
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_JSON_HPP
