// vnum — printing of the public value types, so that test frameworks and logs can show them
// (Catch2 and GoogleTest print a vnum::result<T> through its value's operator<<).
// Lower detail level: needs nothing else of vnum; the core headers (error, http, phone) use it.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_PRINT_HPP
#define VNUM_DETAIL_PRINT_HPP

#include <concepts>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace vnum::detail {

// Stands for a value that must not be shown (a payment token, an account number).
struct masked {
  bool present = false;
};
inline masked mask(std::string_view secret) { return masked{!secret.empty()}; }

template <class V>
void print_value(std::ostream& os, const V& v) {
  if constexpr (std::is_same_v<V, bool>) {
    os << (v ? "true" : "false");
  } else if constexpr (std::is_same_v<V, masked>) {
    os << (v.present ? "\"***\"" : "\"\"");
  } else if constexpr (std::is_convertible_v<const V&, std::string_view>) {
    os << '"' << std::string_view(v) << '"';
  } else if constexpr (requires {
                         v.has_value();
                         *v;
                       }) {
    if (v)
      print_value(os, *v);
    else
      os << "null";
  } else if constexpr (requires {
                         v.begin();
                         v.end();
                         v.size();
                       }) {
    os << '[';
    bool first = true;
    for (const auto& item : v) {
      if (!first) os << ", ";
      first = false;
      print_value(os, item);
    }
    os << ']';
  } else if constexpr (requires { os << v; }) {
    os << v;
  } else {
    os << "{...}";
  }
}

inline void print_fields(std::ostream&, bool) {}

template <class V, class... Rest>
void print_fields(std::ostream& os, bool first, std::string_view name, const V& value,
                  const Rest&... rest) {
  if (!first) os << ", ";
  os << name << '=';
  print_value(os, value);
  print_fields(os, false, rest...);
}

// print(os, "purchase_receipt", "message", r.message) writes purchase_receipt{message="..."}.
// The model types' printers call it from `operator<<(std::derived_from<std::ostream> auto& os,
// ...)`: a template, so that a translation unit that prints nothing instantiates none of this.
template <class... NamesAndValues>
std::ostream& print(std::ostream& os, std::string_view type, const NamesAndValues&... fields) {
  os << type << '{';
  print_fields(os, true, fields...);
  return os << '}';
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_PRINT_HPP
