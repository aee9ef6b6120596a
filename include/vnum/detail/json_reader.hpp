// vnum — reading the documented fields of a JSON response strictly: every field a page documents
// must be there with its documented type; fields a page does not document are ignored. The first
// field that is missing or mistyped is remembered by its path ("data.operators[1].id"), so that a
// parser can answer with one protocol error that says exactly what did not match the docs.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_JSON_READER_HPP
#define VNUM_DETAIL_JSON_READER_HPP

#include <vnum/detail/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::detail {

// "a string", "null", ...: how a mistyped field is described.
inline std::string_view describe_kind(const json::value& v) noexcept {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "an integer";
    case json::kind::double_:
      return "a floating-point number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

// Reads fields of one object. Each accessor returns the value, or a default after recording the
// problem, so that a whole shape can be read in one go and checked once with ok()/problem().
// Readers of nested objects share their parent's record. A reader knows its place (its parent, and
// the key or index it was reached by) rather than its path, so reading a valid answer builds no
// path string: one is built only for a problem.
class json_reader {
 public:
  // How strictly null is read. In the answer to a write that succeeded, a null where the page shows
  // a value must not turn the success into a failure: nulls::tolerated reads it as the default.
  enum class nulls { refused, tolerated };

  // The reader of a whole body, whose path is empty.
  json_reader(const json::object& object, std::optional<std::string>& problem,
              nulls null_policy = nulls::refused)
      : object_(object), problem_(problem), nulls_(null_policy) {}

  bool ok() const noexcept { return !problem_.has_value(); }
  // "data.operators[1]"; empty for the whole body.
  std::string path() const {
    if (parent_ == nullptr) return {};
    std::string p = parent_->join(key_);
    if (index_ != no_index) p += "[" + std::to_string(index_) + "]";
    return p;
  }
  const std::optional<std::string>& problem() const noexcept { return problem_; }
  const json::object& object() const noexcept { return object_; }

  std::string string(std::string_view key) {
    const json::value* v = find(key, expect::string);
    return v != nullptr ? std::string(v->get_string()) : std::string();
  }

  // A string the page documents as nullable (or shows as null): null gives nullopt.
  std::optional<std::string> nullable_string(std::string_view key) {
    const json::value* v = find(key, expect::string_or_null);
    if (v == nullptr || !v->is_string()) return std::nullopt;
    return std::string(v->get_string());
  }

  bool boolean(std::string_view key) {
    const json::value* v = find(key, expect::boolean);
    return v != nullptr && v->get_bool();
  }

  // Members a page shows but does not promise: absent gives nullopt and is no problem; present,
  // they are read as boolean() and string() read them (one lookup, not a contains() first).
  std::optional<bool> optional_boolean(std::string_view key) {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr) return std::nullopt;
    v = checked(key, v, expect::boolean);
    return v != nullptr && v->get_bool();
  }

  std::optional<std::string> optional_string(std::string_view key) {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr) return std::nullopt;
    v = checked(key, v, expect::string);
    return v != nullptr ? std::string(v->get_string()) : std::string();
  }

  std::int64_t integer(std::string_view key) {
    const json::value* v = find(key, expect::integer);
    return v != nullptr ? as_integer(*v).value_or(0) : 0;
  }

  // Any JSON number, integral or not.
  double number(std::string_view key) {
    const json::value* v = find(key, expect::number);
    if (v == nullptr) return 0;
    if (v->is_double()) return v->get_double();
    if (v->is_int64()) return static_cast<double>(v->get_int64());
    if (v->is_uint64()) return static_cast<double>(v->get_uint64());
    return 0;
  }

  // Records that a field, present with the right type, holds a value the page does not document.
  void reject(std::string_view key, std::string why) { fail(join(key) + " " + std::move(why)); }

  // A nested object, read with `read(json_reader&)`; nothing is read when it is missing.
  template <class Read>
  auto nested(std::string_view key, Read read) -> decltype(read(std::declval<json_reader&>())) {
    const json::value* v = find(key, expect::object);
    if (v == nullptr && nulls_ == nulls::tolerated) {
      const json::value* raw = object_.if_contains(key);
      if (raw != nullptr && raw->is_null()) return {};  // a tolerated null: the defaults
    }
    static const json::object empty;
    json_reader inner(v != nullptr ? v->get_object() : empty, *this, key, no_index);
    return read(inner);
  }

  // An array of objects, each read with `read(json_reader&)`.
  template <class Read>
  auto array_of(std::string_view key, Read read)
      -> std::vector<decltype(read(std::declval<json_reader&>()))> {
    std::vector<decltype(read(std::declval<json_reader&>()))> out;
    const json::value* v = find(key, expect::array);
    if (v == nullptr) return out;
    const json::array& items = v->get_array();
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size() && ok(); ++i) {
      if (!items[i].is_object()) {
        fail(join(key) + "[" + std::to_string(i) + "] is " + std::string(describe_kind(items[i])) +
             ", not an object");
        break;
      }
      json_reader item(items[i].get_object(), *this, key, i);
      out.push_back(read(item));
    }
    return out;
  }

 private:
  static constexpr std::size_t no_index = static_cast<std::size_t>(-1);

  // The reader of member `key` of `parent`'s object, or of its item `index` when that member is
  // an array.
  json_reader(const json::object& object, const json_reader& parent, std::string_view key,
              std::size_t index)
      : object_(object),
        parent_(&parent),
        key_(key),
        index_(index),
        problem_(parent.problem_),
        nulls_(parent.nulls_) {}

  static std::optional<std::int64_t> as_integer(const json::value& v) noexcept {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
      return static_cast<std::int64_t>(v.get_uint64());
    return std::nullopt;
  }

  enum class expect { string, string_or_null, boolean, integer, number, object, array };

  static std::string_view name(expect e) noexcept {
    switch (e) {
      case expect::string:
        return "a string";
      case expect::string_or_null:
        return "a string or null";
      case expect::boolean:
        return "a boolean";
      case expect::integer:
        return "an integer";
      case expect::number:
        return "a number";
      case expect::object:
        return "an object";
      case expect::array:
        return "an array";
    }
    return "a value";
  }

  static bool has_kind(const json::value& v, expect e) noexcept {
    switch (e) {
      case expect::string:
        return v.is_string();
      case expect::string_or_null:
        return v.is_string() || v.is_null();
      case expect::boolean:
        return v.is_bool();
      case expect::integer:
        return as_integer(v).has_value();
      case expect::number:
        return v.is_number();
      case expect::object:
        return v.is_object();
      case expect::array:
        return v.is_array();
    }
    return false;
  }

  std::string join(std::string_view key) const {
    std::string p = path();
    if (p.empty()) return std::string(key);
    p += '.';
    p += key;
    return p;
  }

  void fail(std::string why) {
    if (!problem_) problem_ = std::move(why);
  }

  // The member, or nullptr after recording that it is missing or not of the expected kind.
  const json::value* find(std::string_view key, expect expected) {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr) {
      fail(join(key) + " is missing");
      return nullptr;
    }
    return checked(key, v, expected);
  }

  // The member `v` found at `key`, or nullptr after recording that it is not of the expected kind.
  const json::value* checked(std::string_view key, const json::value* v, expect expected) {
    if (v->is_null() && nulls_ == nulls::tolerated) return nullptr;
    if (expected == expect::integer && v->is_uint64()) {
      fail(join(key) + " is an integer beyond the 64-bit range");
      return nullptr;
    }
    if (!has_kind(*v, expected)) {
      fail(join(key) + " is " + std::string(describe_kind(*v)) + ", not " +
           std::string(name(expected)));
      return nullptr;
    }
    return v;
  }

  const json::object& object_;
  const json_reader* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = no_index;
  std::optional<std::string>& problem_;
  nulls nulls_;
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_JSON_READER_HPP
